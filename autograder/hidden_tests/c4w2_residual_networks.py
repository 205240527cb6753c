"""Hidden tests of *Residual networks*.

The blocks are called on tensors, in inference and in training mode, and their outputs compared with
the reference's: the notebook's three images, then fresh batches whose sizes, window ``f``, filters and
stride differ from the notebook's, odd heights and widths included (a stride on the wrong convolution,
or none on the shortcut, shows there). Every convolution is ``initializer(seed=0)``, so the reference's
and the learner's weights agree when the learner seeded them too. ``ResNet50`` is compared layer by layer
(classes, the configuration that matters, output shapes, parameter counts) and by its output on a few
random images, for the default 64×64×3 images and six classes and for other shapes; it runs with the
reference blocks, so a bug in a block costs that block's points only.

Known limit: a block is judged by its outputs only (the grader's wire carries tensors, not a symbolic
Keras graph), so a 1×1 convolution with ``'same'`` padding, which computes exactly what ``'valid'``
computes, is caught by the public test's layer-by-layer check but costs no points here.
"""
import numpy as np
import tensorflow as tf

from autograder.hidden import hidden_test, probe
from helpers.public_tests.c4w2_residual_networks import three_images

TOLERANCE = {"rtol": 1e-5, "atol": 1e-5}


def random_batch(rng, m, n_H, n_W, n_C):
    """A float32 tensor of shape (m, n_H, n_W, n_C), standard normal values around a random offset."""
    return tf.constant((rng.normal(size=(m, n_H, n_W, n_C)) + rng.normal(scale=0.5)).astype(np.float32))


@hidden_test("identity_block", points=3)
def check_identity_block(check, rng):
    X = tf.constant(three_images())
    check.call(X, f=2, filters=[4, 4, 3], training=False, keras_seed=0, **TOLERANCE,
               case="the three images, f=2, filters=[4, 4, 3], training=False")
    check.call(X, f=3, filters=[3, 3, 3], training=True, keras_seed=0, **TOLERANCE,
               case="the three images, f=3, filters=[3, 3, 3], training=True")
    for f in (3, int(rng.choice([1, 2, 5]))):
        m, n_H, n_W = int(rng.integers(2, 6)), int(rng.integers(3, 8)), int(rng.integers(3, 8))
        filters = [int(rng.integers(2, 7)), int(rng.integers(2, 7)), int(rng.integers(3, 9))]
        X = random_batch(rng, m, n_H, n_W, filters[2])
        for training in (False, True):
            check.call(X, f, filters, training=training, keras_seed=0, **TOLERANCE,
                       case=f"X of shape {tuple(X.shape)}, f={f}, filters={filters}, training={training}")
    X = random_batch(rng, 3, 5, 5, 6)
    check.call(X, 3, [2, 4, 6], keras_seed=0, **TOLERANCE,
               case="X of shape (3, 5, 5, 6), f=3, filters=[2, 4, 6], training left at its default (True)")


@hidden_test("convolutional_block", points=3)
def check_convolutional_block(check, rng):
    X = tf.constant(three_images())
    check.call(X, f=2, filters=[2, 4, 6], training=False, keras_seed=0, **TOLERANCE,
               case="the three images, f=2, filters=[2, 4, 6], s=2, training=False")
    check.call(X, f=2, filters=[2, 4, 6], training=True, keras_seed=0, **TOLERANCE,
               case="the three images, f=2, filters=[2, 4, 6], s=2, training=True")
    for f, s in ((3, 2), (2, 1), (3, 3)):
        m, n_C = int(rng.integers(2, 6)), int(rng.integers(2, 6))
        n_H, n_W = int(rng.integers(5, 10)), int(rng.integers(5, 10))
        filters = [int(rng.integers(2, 7)), int(rng.integers(2, 7)), int(rng.integers(3, 9))]
        X = random_batch(rng, m, n_H, n_W, n_C)
        for training in (False, True):
            check.call(X, f, filters, s=s, training=training, keras_seed=0, **TOLERANCE,
                       case=f"X of shape {tuple(X.shape)}, f={f}, filters={filters}, s={s}, training={training}")
    X = random_batch(rng, 2, 7, 6, 3)
    check.call(X, 3, [4, 4, 8], keras_seed=0, **TOLERANCE,
               case="X of shape (2, 7, 6, 3), f=3, filters=[4, 4, 8], s and training left at their defaults (2, True)")


@hidden_test("ResNet50", points=3)
def check_resnet50(check, rng):
    images = rng.random((2, 64, 64, 3)).astype(np.float32)
    check.call(case="ResNet50() with its defaults (64×64×3 images, 6 classes)", keras_seed=0,
               probe=probe(images, training=False), rtol=1e-4, atol=1e-6)
    classes = int(rng.integers(2, 6))
    images = rng.random((2, 48, 48, 1)).astype(np.float32)
    check.call(input_shape=(48, 48, 1), classes=classes, training=True, keras_seed=0,
               probe=probe(images, training=False), rtol=1e-4, atol=1e-6,
               case=f"ResNet50(input_shape=(48, 48, 1), classes={classes}, training=True)")

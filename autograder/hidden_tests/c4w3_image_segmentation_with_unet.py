"""Hidden tests of *Image segmentation with U-Net*.

The blocks are called on tensors of fresh random shapes, odd heights and widths included, and
their outputs compared with the reference's. Every convolution starts from He-normal weights drawn
from Keras's seeded generator (``keras_seed``), so a learner's block that creates its layers in the
usual order gets the reference's weights. ``unet_model`` is compared layer by layer (classes, the
configuration that matters, output shapes, parameter counts) with its defaults, then also by its
logits on random images for other sizes, numbers of filters and classes; it runs with the reference
blocks, so a bug in a block costs that block's points only.

Known limit: a block called on tensors runs in inference mode, where dropout does nothing, so a
``conv_block`` that forgets its ``Dropout`` is caught by the public test's layer-by-layer check but
costs no points here (a ``unet_model`` that forgets to ask for dropout does lose its points).
"""
import numpy as np
import tensorflow as tf

from autograder.hidden import hidden_test, probe

TOLERANCE = {"rtol": 1e-4, "atol": 1e-5}


def random_batch(rng, *shape):
    """A float32 tensor of the given shape, uniform in [0, 1)."""
    return tf.constant(rng.random(shape).astype(np.float32))


@hidden_test("conv_block", points=3)
def check_conv_block(check, rng):
    for max_pooling, dropout_prob in ((True, 0), (False, 0.3), (True, float(rng.choice([0.1, 0.5])))):
        m, n_C, n_filters = int(rng.integers(1, 4)), int(rng.integers(1, 5)), int(rng.integers(2, 9))
        n_H, n_W = int(rng.integers(4, 12)), int(rng.integers(4, 12))
        X = random_batch(rng, m, n_H, n_W, n_C)
        check.call(X, n_filters, dropout_prob, max_pooling, keras_seed=0, **TOLERANCE,
                   case=f"inputs of shape {tuple(X.shape)}, n_filters={n_filters}, dropout_prob={dropout_prob}, "
                        f"max_pooling={max_pooling}")
    X = random_batch(rng, 2, 6, 8, 3)
    check.call(inputs=X, keras_seed=0, **TOLERANCE,
               case="inputs of shape (2, 6, 8, 3), the other arguments left at their defaults (n_filters=32, "
                    "dropout_prob=0, max_pooling=True)")


@hidden_test("upsampling_block", points=3)
def check_upsampling_block(check, rng):
    for _ in range(3):
        m, n_H, n_W = int(rng.integers(1, 4)), int(rng.integers(2, 7)), int(rng.integers(2, 7))
        expansive = random_batch(rng, m, n_H, n_W, int(rng.integers(2, 9)))
        contractive = random_batch(rng, m, 2 * n_H, 2 * n_W, int(rng.integers(1, 6)))
        n_filters = int(rng.integers(2, 7))
        check.call(expansive, contractive, n_filters, keras_seed=0, **TOLERANCE,
                   case=f"expansive_input of shape {tuple(expansive.shape)}, contractive_input of shape "
                        f"{tuple(contractive.shape)}, n_filters={n_filters}")
    expansive, contractive = random_batch(rng, 1, 3, 4, 6), random_batch(rng, 1, 6, 8, 4)
    check.call(expansive, contractive, keras_seed=0, **TOLERANCE,
               case="expansive_input (1, 3, 4, 6), contractive_input (1, 6, 8, 4), n_filters left at its default (32)")


@hidden_test("unet_model", points=4)
def check_unet_model(check, rng):
    check.call(keras_seed=0, case="unet_model() with its defaults (96×128×3 images, 32 filters, 23 classes)")
    height, width = 16 * int(rng.integers(1, 4)), 16 * int(rng.integers(2, 5))
    channels, n_filters, n_classes = int(rng.integers(1, 4)), int(rng.integers(2, 6)), int(rng.integers(2, 10))
    images = rng.random((2, height, width, channels)).astype(np.float32)
    check.call((height, width, channels), n_filters, n_classes, keras_seed=0,
               probe=probe(images, training=False), **TOLERANCE,
               case=f"unet_model(input_size=({height}, {width}, {channels}), n_filters={n_filters}, "
                    f"n_classes={n_classes})")

"""Hidden tests of *1×1 convolutions and the Inception module*.

The counting functions get the lecture's sizes and random ones, all different from each other (so a
missing factor, f where f·f belongs, or a bias counted once shows), and must return integers equal to the
reference's. ``one_by_one_conv`` runs on random batches, with as many filters as input channels among them
(where a transposed ``W`` has the right shape) and single examples and channels.

``inception_block(X, filters, initializer=glorot_uniform)`` takes its six numbers of filters as one list,
in the order of the GoogLeNet paper's table (the API of the residual notebook's blocks, which take
``filters`` as a list too). It is called on tensors of fresh random shapes, odd and non-square heights
and widths included, and with the lecture's filters on 192 channels, and its output compared with the
reference's: every convolution is ``initializer(seed=0)``, so the weights agree whatever the order in
which the learner creates them, and the concatenated channels say which branch is where.
``small_inception_net`` is compared layer by layer (classes, the configuration that matters, output
shapes, parameter counts) and by its probabilities on random images, for the defaults and for other
image shapes and numbers of classes; it runs with the reference block, so a bug in the block costs the
block's points only.

Known limits: a block is judged by its outputs only (the grader's wire carries tensors, not a symbolic
Keras graph), so two spellings of one block (a ReLU as its own layer, 'valid' padding on a 1×1
convolution) both pass, as they do in the public test. In ``small_inception_net`` the stem's ReLU must be
the convolution's ``activation='relu'``, as the notebook asks: a separate ``Activation`` layer is another
layer list, which the public test names too.
"""
import numpy as np
import tensorflow as tf

from autograder.hidden import hidden_test, probe

TOLERANCE = {"rtol": 1e-5, "atol": 1e-5}
EXACT = {"rtol": 0, "atol": 0}


def _distinct(rng, count, low, high):
    """``count`` different integers in [low, high)."""
    return [int(n) for n in rng.choice(np.arange(low, high), size=count, replace=False)]


@hidden_test("one_by_one_conv", points=2)
def check_one_by_one_conv(check, rng):
    state = np.random.RandomState(1)
    A_prev, W, b = state.randn(2, 3, 4, 5), state.randn(1, 1, 5, 3), state.randn(1, 1, 1, 3)
    check.call(A_prev, W, b, case="the public test's example")
    for m, n_H, n_W, n_C_prev, n_C in ((int(rng.integers(2, 5)), 5, 7, 4, 4), (1, 6, 3, 1, int(rng.integers(2, 6))),
                                       (3, int(rng.integers(2, 9)), int(rng.integers(2, 9)), 6, 9)):
        A_prev = rng.normal(size=(m, n_H, n_W, n_C_prev))
        W, b = rng.normal(size=(1, 1, n_C_prev, n_C)), rng.normal(size=(1, 1, 1, n_C))
        check.call(A_prev, W, b, case=f"A_prev of shape {A_prev.shape}, W of shape {W.shape}")


@hidden_test("conv_multiplications", points=1)
def check_conv_multiplications(check, rng):
    check.call(28, 28, 192, 5, 32, **EXACT, case="the lecture's 5x5 convolution, 28x28x192 -> 28x28x32")
    check.call(28, 28, 192, 1, 16, **EXACT, case="the lecture's 1x1 convolution, 28x28x192 -> 28x28x16")
    for _ in range(3):
        n_H, n_W, n_C_prev, n_C = _distinct(rng, 4, 2, 40)
        f = int(rng.choice([2, 3, 5, 7]))
        check.call(n_H, n_W, n_C_prev, f, n_C, **EXACT,
                   case=f"n_H={n_H}, n_W={n_W}, n_C_prev={n_C_prev}, f={f}, n_C={n_C}")


@hidden_test("conv_parameters", points=1)
def check_conv_parameters(check, rng):
    check.call(192, 5, 32, **EXACT, case="32 filters of 5x5x192")
    check.call(192, 1, 16, **EXACT, case="16 filters of 1x1x192")
    for _ in range(3):
        n_C_prev, n_C = _distinct(rng, 2, 2, 300)
        f = int(rng.choice([2, 3, 5, 7]))
        check.call(n_C_prev, f, n_C, **EXACT, case=f"n_C_prev={n_C_prev}, f={f}, n_C={n_C}")


@hidden_test("bottleneck_cost", points=2)
def check_bottleneck_cost(check, rng):
    check.call(28, 28, 192, 16, 5, 32, **EXACT, case="the lecture's bottleneck, 28x28x192 -> 16 -> 28x28x32")
    for _ in range(3):
        n_H, n_W, n_C_prev, n_C_reduce, n_C = _distinct(rng, 5, 2, 64)
        f = int(rng.choice([3, 5, 7]))
        check.call(n_H, n_W, n_C_prev, n_C_reduce, f, n_C, **EXACT,
                   case=f"n_H={n_H}, n_W={n_W}, n_C_prev={n_C_prev}, n_C_reduce={n_C_reduce}, f={f}, n_C={n_C}")


def random_batch(rng, m, n_H, n_W, n_C):
    """A float32 tensor of shape (m, n_H, n_W, n_C), standard normal values around a random offset."""
    return tf.constant((rng.normal(size=(m, n_H, n_W, n_C)) + rng.normal(scale=0.5)).astype(np.float32))


@hidden_test("inception_block", points=3)
def check_inception_block(check, rng):
    for _ in range(3):
        m, n_H, n_W, n_C = int(rng.integers(1, 4)), int(rng.integers(3, 10)), int(rng.integers(3, 10)), \
            int(rng.integers(1, 7))
        filters = [int(n) for n in rng.integers(1, 7, size=6)]
        X = random_batch(rng, m, n_H, n_W, n_C)
        check.call(X, filters, keras_seed=0, **TOLERANCE, case=f"X of shape {tuple(X.shape)}, filters={filters}")
    X = random_batch(rng, 1, 8, 8, 192)
    check.call(X, [64, 96, 128, 16, 32, 32], keras_seed=0, **TOLERANCE,
               case="X of shape (1, 8, 8, 192), the lecture's filters [64, 96, 128, 16, 32, 32]")


@hidden_test("small_inception_net", points=3)
def check_small_inception_net(check, rng):
    images = rng.random((2, 24, 24, 3)).astype(np.float32)
    check.call(keras_seed=0, probe=probe(images), rtol=1e-4, atol=1e-6,
               case="small_inception_net() with its defaults (24×24×3 images, 6 classes)")
    n_H, n_W, classes = int(rng.integers(12, 33)), int(rng.integers(12, 33)), int(rng.integers(2, 11))
    images = rng.random((2, n_H, n_W, 1)).astype(np.float32)
    check.call(input_shape=(n_H, n_W, 1), classes=classes, keras_seed=0, probe=probe(images), rtol=1e-4, atol=1e-6,
               case=f"small_inception_net(input_shape=({n_H}, {n_W}, 1), classes={classes})")

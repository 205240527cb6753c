"""Hidden tests of *Introduction to TensorFlow*.

The graded functions take and return TensorFlow tensors and variables; ``check.call`` compares
them through :func:`helpers.checks.describe_difference`, which requires the same kind of object
(a ``tf.Variable`` where the reference returns one), the same dtype and close values. Where the
input is a float tensor, the gradients of the result are compared too (``gradients=True``), so a
result computed in NumPy and wrapped in a tensor fails. Logits and pre-activations come at small
and large scales (large logits break a softmax taken before the logarithm), with sizes that differ
from each other and from the notebook's examples, and single examples.
"""
import numpy as np
import tensorflow as tf

from autograder.hidden import hidden_test

LOSS_TOLERANCE = {"rtol": 1e-5, "atol": 1e-5}  # float32 sums: other correct formulas round differently
# layer sizes [n_x, n_1, n_2, n_3] and m that none of the examples uses ([4, 3, 2, 2] with m = 3, and the
# network's [12288, 25, 12, 6]), all different
ODD_LAYERS, ODD_M = [10, 8, 5, 7], 9


def random_parameters(rng, sizes):
    """tf.Variables W1, b1, W2, b2, W3, b3 (float32) for layer sizes [n_x, n_1, n_2, n_3]."""
    parameters = {}
    for l in range(1, 4):
        scale = 1 / np.sqrt(sizes[l - 1])
        parameters[f"W{l}"] = tf.Variable(rng.normal(scale=scale, size=(sizes[l], sizes[l - 1])).astype(np.float32))
        parameters[f"b{l}"] = tf.Variable(rng.normal(scale=0.5, size=(sizes[l], 1)).astype(np.float32))
    return parameters


def random_logits_and_labels(rng, C, m, scale=2.0):
    """Logits (C, m) of the given scale and one-hot labels (C, m), float32 tensors."""
    logits = tf.constant(rng.normal(scale=scale, size=(C, m)).astype(np.float32))
    labels = tf.constant(np.eye(C, dtype=np.float32)[rng.integers(0, C, m)].T)
    return logits, labels


@hidden_test("linear_function", points=1)
def check_linear_function(check, rng):
    np.random.seed(int(rng.integers(2, 2**31 - 1)))  # a forgotten np.random.seed(1) shows
    check.call(case="Y = WX + b after np.random.seed(1)")


@hidden_test("sigmoid", points=1)
def check_sigmoid(check, rng):
    check.call(-1, case="z = -1 (a Python int)")
    check.call(float(rng.normal(scale=3)), case="a Python float")
    shape = (int(rng.integers(2, 5)), int(rng.integers(2, 7)))
    check.call(rng.normal(scale=4, size=shape), case=f"a float64 numpy array of shape {shape}")
    z = tf.constant(rng.normal(scale=4, size=int(rng.integers(3, 9))))
    check.call(z, case=f"a float64 tensor of shape {tuple(z.shape)}", gradients=True)
    z = np.concatenate([[0.0], rng.normal(scale=0.01, size=3), [-60.0, -12.0, 12.0, 60.0]])
    z = tf.constant(z.astype(np.float32))
    check.call(z, case="a float32 tensor of 0, small and large values", gradients=True)
    z = tf.constant(rng.integers(-6, 7, size=(2, 3)), dtype=tf.int32)
    check.call(z, case="an int32 tensor of shape (2, 3)")


@hidden_test("one_hot_matrix", points=1)
def check_one_hot_matrix(check, rng):
    check.call(tf.constant(1), 4, case="label 1, C = 4")
    check.call(tf.constant(2, dtype=tf.int64), case="label 2 and the default C = 6")
    check.call(tf.constant(0), 5, case="label 0 (the first row), C = 5")
    check.call(tf.constant([6]), 7, case="label [6] (the last row), C = 7")
    C = int(rng.integers(7, 12))
    label = int(rng.integers(0, C))
    check.call(tf.constant([label]), C, case=f"label [{label}] (a tensor of shape (1,)), C = {C}")
    C = int(rng.integers(2, 6))
    label = int(rng.integers(0, C))
    check.call(label, C=C, case=f"label {label} as a Python int, C = {C}")


@hidden_test("initialize_parameters", points=1)
def check_initialize_parameters(check, rng):
    check.call(case="the network's parameters")


@hidden_test("forward_propagation", points=2)
def check_forward_propagation(check, rng):
    random_sizes = [int(n) for n in (rng.integers(3, 20), rng.integers(2, 12), rng.integers(2, 9), rng.integers(2, 7))]
    for sizes, m, scale in ((ODD_LAYERS, ODD_M, 1), (ODD_LAYERS, 1, 1), (random_sizes, int(rng.integers(2, 10)), 255),
                            ([12288, 25, 12, 6], int(rng.integers(2, 6)), 1)):  # 255: pixel values
        X = tf.constant((scale * rng.random((sizes[0], m))).astype(np.float32))
        check.call(X, random_parameters(rng, sizes), case=f"layer sizes {sizes}, X of shape {(sizes[0], m)} "
                   f"with values between 0 and {scale}", rtol=1e-5, atol=1e-6 * scale, gradients=True)


@hidden_test("compute_total_loss", points=2)
def check_compute_total_loss(check, rng):
    logits = tf.constant([[2.0, -1.0, 0.5], [0.1, 3.0, -2.0], [-1.5, 0.2, 1.0]])
    labels = tf.constant([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]])
    check.call(logits, labels, case="3 classes, 3 examples", **LOSS_TOLERANCE, gradients=True)
    cases = ((5, 8, 0.1), (5, 8, 60.0), (6, int(rng.integers(9, 40)), 2.0), (int(rng.integers(7, 10)), 1, 2.0))
    for C, m, scale in cases:
        logits, labels = random_logits_and_labels(rng, C, m, scale)
        check.call(logits, labels, case=f"{C} classes, {m} examples, logits of scale {scale:g}", **LOSS_TOLERANCE,
                   gradients=True)

"""Public tests of *Introduction to TensorFlow* (c2w3_tensorflow_introduction).

The functions under test return TensorFlow tensors and variables: each test first checks the
kind of object, its shape and dtype, then compares its values (``.numpy()``) with numbers
written out here.
"""
import numpy as np
import tensorflow as tf

from helpers.checks import Checker

__all__ = [
    "linear_function_test",
    "sigmoid_test",
    "one_hot_matrix_test",
    "initialize_parameters_test",
    "forward_propagation_test",
    "compute_total_loss_test",
]


def _check_tensor(check, label, value, shape, dtype):
    """One check: ``value`` is a tf.Tensor (not a variable, not a numpy array) of this shape and dtype."""
    if not tf.is_tensor(value) or isinstance(value, tf.Variable):
        problem = f"a tf.Tensor expected, got {type(value).__name__}"
    elif tuple(value.shape) != shape:
        problem = f"shape {shape} expected, got {tuple(value.shape)}"
    else:
        problem = f"dtype {dtype.name} expected, got {value.dtype.name}" if value.dtype != dtype else None
    check.true(f"{label} is a {dtype.name} tf.Tensor of shape {shape}", problem is None, problem)


def linear_function_test(target):
    check = Checker("linear_function")
    Y = check.call(target, case="no arguments")
    _check_tensor(check, "Y", Y, (4, 1), tf.float64)
    check.same("Y = WX + b", np.array([[-2.1565738152972127], [2.958914457451934], [-1.0892678106543534],
                                        [-0.8453804221514384]]), Y.numpy())
    check.done()


def sigmoid_test(target):
    check = Checker("sigmoid")
    a = check.call(target, -1, case="z = -1")
    _check_tensor(check, "sigmoid(-1)", a, (), tf.float32)
    check.same("sigmoid(-1)", 0.2689414322376251, float(a), rtol=1e-6)
    a = check.call(target, np.array([0.0, 12.0]), case="z = np.array([0., 12.]) (float64)")
    _check_tensor(check, "sigmoid of a float64 array", a, (2,), tf.float32)
    check.same("sigmoid([0, 12])", np.array([0.5, 0.9999938607215881]), a.numpy(), rtol=1e-6)
    check.done()


def one_hot_matrix_test(target):
    check = Checker("one_hot_matrix")
    one_hot = check.call(target, tf.constant(1), 4, case="label 1, C = 4")
    _check_tensor(check, "one_hot_matrix(1, 4)", one_hot, (4,), tf.float32)
    check.same("one_hot_matrix(1, 4)", np.array([0.0, 1.0, 0.0, 0.0]), one_hot.numpy())
    one_hot = check.call(target, tf.constant([3]), case="label [3] (shape (1,)), default C = 6")
    _check_tensor(check, "one_hot_matrix([3])", one_hot, (6,), tf.float32)
    check.same("one_hot_matrix([3])", np.array([0.0, 0.0, 0.0, 1.0, 0.0, 0.0]), one_hot.numpy())
    check.done()


def initialize_parameters_test(target):
    check = Checker("initialize_parameters")
    parameters = check.call(target, case="no arguments")
    shapes = {"W1": (25, 12288), "b1": (25, 1), "W2": (12, 25), "b2": (12, 1), "W3": (6, 12), "b3": (6, 1)}
    check.true("returns a dict with keys W1, b1, W2, b2, W3, b3",
               isinstance(parameters, dict) and set(parameters) == set(shapes),
               f"a dict with keys {sorted(shapes)}, got {parameters!r:.100}")
    not_variables = [key for key in shapes if not isinstance(parameters[key], tf.Variable)]
    check.true("every parameter is a tf.Variable", not not_variables,
               f"tf.Variables expected, got {type(parameters[(not_variables or ['W1'])[0]]).__name__} "
               f"for {', '.join(not_variables)}")
    wrong_shapes = {key: tuple(parameters[key].shape) for key in shapes if tuple(parameters[key].shape) != shapes[key]}
    check.true("the shapes are W1 (25, 12288), b1 (25, 1), ..., b3 (6, 1)", not wrong_shapes,
               "; ".join(f"{key}: shape {shapes[key]} expected, got {shape}" for key, shape in wrong_shapes.items()))
    check.true("the dtypes are float32", all(parameters[key].dtype == tf.float32 for key in shapes),
               f"float32 expected, got {[parameters[key].dtype.name for key in shapes]}")
    check.same("W1[0, :3] (GlorotNormal, seed 1)",
               np.array([0.0018350225873291492, -0.007143263705074787, 0.009145254269242287]),
               parameters["W1"].numpy()[0, :3], rtol=1e-5)
    check.same("b3 sums to", -1.1138863563537598, float(tf.reduce_sum(parameters["b3"])), rtol=1e-5)
    check.done()


def forward_propagation_test(target):
    check = Checker("forward_propagation")
    X = tf.constant([[0.5, 1.0, 0.0], [0.2, 0.0, 1.0], [0.9, 0.3, 0.4], [0.0, 0.6, 0.8]])
    parameters = {
        "W1": tf.Variable([[2.0, -2.6, 0.4, -0.6], [-0.5, -0.2, -2.0, -0.2], [-0.9, 3.3, 0.2, -0.4]]),
        "b1": tf.Variable([[-0.3], [-0.7], [-1.1]]),
        "W2": tf.Variable([[-0.4, 0.5, -0.2], [1.0, -0.2, 0.0]]),
        "b2": tf.Variable([[1.5], [0.5]]),
        "W3": tf.Variable([[-0.5, -0.2], [0.5, 1.9]]),
        "b3": tf.Variable([[-0.3], [-0.2]]),
    }
    Z3 = check.call(target, X, parameters, case="4 inputs, layers of 3, 2 and 2 units, 3 examples")
    _check_tensor(check, "Z3", Z3, (2, 3), tf.float32)
    check.same("Z3 (no softmax at the end)",
               np.array([[-1.1500000953674316, -1.149999976158142, -0.9540000557899475],
                         [2.4179999828338623, 3.9820001125335693, 1.303999900817871]]), Z3.numpy(), rtol=1e-5)
    check.done()


def compute_total_loss_test(target):
    check = Checker("compute_total_loss")
    logits = tf.constant([[2.0, -1.0, 0.5, 0.0], [0.1, 3.0, -2.0, 1.0], [-1.5, 0.2, 1.0, 1.0]])
    labels = tf.constant([[1.0, 0.0, 0.0, 0.0], [0.0, 1.0, 0.0, 1.0], [0.0, 0.0, 1.0, 0.0]])
    total_loss = check.call(target, logits, labels, case="3 classes, 4 examples")
    _check_tensor(check, "total_loss", total_loss, (), tf.float32)
    check.same("total_loss (a sum over the 4 examples, not a mean)", 1.6080590003770703, float(total_loss),
               rtol=1e-5)
    check.done()

"""Public tests of *Python basics with numpy* (c1w2_python_basics)."""
import numpy as np

from helpers.checks import Checker

__all__ = [
    "basic_sigmoid_test",
    "sigmoid_test",
    "sigmoid_derivative_test",
    "image2vector_test",
    "normalize_rows_test",
    "softmax_test",
    "L1_test",
    "L2_test",
]

YHAT = np.array([0.9, 0.2, 0.1, 0.4, 0.9])
Y = np.array([1, 0, 0, 1, 1])


def basic_sigmoid_test(target):
    check = Checker("basic_sigmoid")
    out = check.call(target, 1, case="x = 1")
    check.same("basic_sigmoid(1)", 0.7310585786300049, out)
    check.true("returns a Python float", isinstance(out, float), f"a float, got {type(out).__name__}")
    check.same("basic_sigmoid(-3.5)", 0.02931223075135632, check.call(target, -3.5, case="x = -3.5"))
    check.done()


def sigmoid_test(target):
    check = Checker("sigmoid")
    out = check.call(target, np.array([1, 2, 3]), case="x = [1, 2, 3]")
    check.same("sigmoid([1, 2, 3])", np.array([0.73105858, 0.88079708, 0.95257413]), out, rtol=1e-7)
    out = check.call(target, np.zeros((2, 3)), case="x = zeros((2, 3))")
    check.same("sigmoid(zeros((2, 3))) keeps the shape", np.full((2, 3), 0.5), out)
    check.done()


def sigmoid_derivative_test(target):
    check = Checker("sigmoid_derivative")
    out = check.call(target, np.array([1, 2, 3]), case="x = [1, 2, 3]")
    check.same("sigmoid_derivative([1, 2, 3])", np.array([0.19661193, 0.10499359, 0.04517666]), out, rtol=1e-6)
    check.same("the slope is 1/4 at 0", np.array([0.25]), check.call(target, np.array([0.0]), case="x = [0]"))
    check.done()


def image2vector_test(target):
    check = Checker("image2vector")
    image = np.arange(12, dtype=float).reshape(2, 3, 2)
    out = check.call(target, image, case="a (2, 3, 2) image holding 0..11")
    check.same("a (12, 1) column in reading order", np.arange(12, dtype=float).reshape(12, 1), out)
    check.done()


def normalize_rows_test(target):
    check = Checker("normalize_rows")
    out = check.call(target, np.array([[0.0, 3.0, 4.0], [1.0, 6.0, 4.0]]), case="x = [[0, 3, 4], [1, 6, 4]]")
    expected = np.array([[0.0, 0.6, 0.8], [0.13736056, 0.82416338, 0.54944226]])
    check.same("each row divided by its length", expected, out, rtol=1e-6)
    check.done()


def softmax_test(target):
    check = Checker("softmax")
    out = check.call(target, np.array([[9.0, 2, 5, 0, 0], [7, 5, 0, 0, 0]]), case="the (2, 5) example")
    expected = np.array([[9.80897665e-01, 8.94462891e-04, 1.79657674e-02, 1.21052389e-04, 1.21052389e-04],
                         [8.78679856e-01, 1.18916387e-01, 8.01252314e-04, 8.01252314e-04, 8.01252314e-04]])
    check.same("softmax of each row", expected, out, rtol=1e-6)
    check.true("each row sums to 1", np.allclose(np.sum(out, axis=1), 1.0), "row sums of 1")
    check.done()


def L1_test(target):
    check = Checker("L1")
    check.same("L1 of the example", 1.1, check.call(target, YHAT, Y, case="the example"))
    check.done()


def L2_test(target):
    check = Checker("L2")
    check.same("L2 of the example", 0.43, check.call(target, YHAT, Y, case="the example"))
    check.done()

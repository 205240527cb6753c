"""Public tests of *Gradient checking* (c2w1_gradient_checking)."""
import numpy as np

from helpers.checks import Checker
from helpers.seeding import seeded
from helpers.three_layer_net import backward_propagation, forward_propagation_n

__all__ = [
    "forward_propagation_test",
    "backward_propagation_test",
    "gradient_check_test",
    "gradient_check_n_test",
]


def _network_example():
    """The notebook's example: X (4, 3), Y (1, 3) and a [4, 5, 3, 1] network drawn after np.random.seed(1)."""
    with seeded(1):
        X = np.random.randn(4, 3)
        shapes = {"W1": (5, 4), "b1": (5, 1), "W2": (3, 5), "b2": (3, 1), "W3": (1, 3), "b3": (1, 1)}
        parameters = {key: np.random.randn(*shape) for key, shape in shapes.items()}
    return X, np.array([[1, 1, 0]]), parameters


def forward_propagation_test(target):
    check = Checker("forward_propagation")
    check.same("J(theta = 4) with x = 3", 12, check.call(target, 3, 4, case="x = 3, theta = 4"), check_dtype=False)
    check.same("J(theta = 0.3) with x = -1.5", -0.45, check.call(target, -1.5, 0.3, case="x = -1.5, theta = 0.3"))
    check.done()


def backward_propagation_test(target):
    check = Checker("backward_propagation")
    check.same("dtheta with x = 3", 3, check.call(target, 3, 4, case="x = 3, theta = 4"), check_dtype=False)
    check.same("dtheta with x = -1.5", -1.5, check.call(target, -1.5, 0.3, case="x = -1.5, theta = 0.3"))
    check.done()


def gradient_check_test(target):
    check = Checker("gradient_check")
    difference = check.call(target, 3, 4, case="x = 3, theta = 4")
    check.same("difference for x = 3, theta = 4", 7.814075313343006e-11, difference, rtol=1e-3, atol=0)
    difference = check.call(target, 2, 4, case="x = 2, theta = 4")
    check.same("difference for x = 2, theta = 4", 2.919335883291695e-10, difference, rtol=1e-3, atol=0)
    check.done()


def gradient_check_n_test(target):
    check = Checker("gradient_check_n")
    X, Y, parameters = _network_example()
    _, cache = forward_propagation_n(X, Y, parameters)
    gradients = backward_propagation(X, Y, cache)
    difference = check.call(target, parameters, gradients, X, Y, case="the example, correct gradients")
    check.true("correct gradients: a difference below 2e-7", isinstance(difference, (float, np.floating))
               and 0 < difference < 2e-7, f"a number between 0 and 2e-7, got {difference!r}")
    difference = check.call(target, parameters, gradients, X, Y, epsilon=1e-3, case="correct gradients, epsilon = 1e-3")
    check.same("correct gradients, epsilon = 1e-3", 1.6797905541693368e-08, difference, rtol=1e-3, atol=0)
    wrong = dict(gradients, dW2=gradients["dW2"] * 3)
    difference = check.call(target, parameters, wrong, X, Y, case="dW2 three times too large (a forgotten 1/m)")
    check.same("dW2 three times too large", 0.3086476048011051, difference)
    check.done()

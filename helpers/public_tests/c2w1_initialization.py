"""Public tests of *Initialization* (c2w1_initialization)."""
import numpy as np

from helpers.checks import Checker

__all__ = [
    "initialize_parameters_zeros_test",
    "initialize_parameters_random_test",
    "initialize_parameters_he_test",
]


def _check_layout(check, parameters, layers_dims):
    """The keys W1, b1, ..., WL, bL with the shapes layers_dims implies."""
    L = len(layers_dims) - 1
    keys = {f"{kind}{l}" for l in range(1, L + 1) for kind in "Wb"}
    check.true("returns the keys W1, b1, ..., WL, bL", isinstance(parameters, dict) and set(parameters) == keys,
               f"a dict with keys {sorted(keys)}, got {parameters!r:.200}")
    for l in range(1, L + 1):
        for key, shape in ((f"W{l}", (layers_dims[l], layers_dims[l - 1])), (f"b{l}", (layers_dims[l], 1))):
            got = getattr(parameters[key], "shape", None)
            check.true(f"{key} has shape {shape}", got == shape, f"shape {shape} expected, got {got}")


def initialize_parameters_zeros_test(target):
    check = Checker("initialize_parameters_zeros")
    parameters = check.call(target, [3, 2, 1], case="layers_dims = [3, 2, 1]")
    _check_layout(check, parameters, [3, 2, 1])
    for key in ("W1", "b1", "W2", "b2"):
        check.same(f"{key} is all zeros", np.zeros(parameters[key].shape), parameters[key])
    parameters = check.call(target, [4, 6, 5, 1], case="layers_dims = [4, 6, 5, 1]")
    _check_layout(check, parameters, [4, 6, 5, 1])
    check.done()


def initialize_parameters_random_test(target):
    check = Checker("initialize_parameters_random")
    parameters = check.call(target, [3, 2, 1], case="layers_dims = [3, 2, 1]")
    _check_layout(check, parameters, [3, 2, 1])
    check.same("W1", np.array([[17.886284734303185, 4.365098505119894, 0.9649746807200863],
                               [-18.634927033644907, -2.7738820251439904, -3.5475897926898674]]), parameters["W1"])
    check.same("W2", np.array([[-0.8274148148245977, -6.270006768238473]]), parameters["W2"])
    check.same("b1 and b2 are zeros", (np.zeros((2, 1)), np.zeros((1, 1))), (parameters["b1"], parameters["b2"]))
    check.done()


def initialize_parameters_he_test(target):
    check = Checker("initialize_parameters_he")
    parameters = check.call(target, [2, 4, 1], case="layers_dims = [2, 4, 1]")
    _check_layout(check, parameters, [2, 4, 1])
    check.same("W1", np.array([[1.7886284734303186, 0.43650985051198943], [0.09649746807200862, -1.8634927033644908],
                               [-0.27738820251439905, -0.35475897926898675], [-0.08274148148245977, -0.6270006768238473]]),
               parameters["W1"])
    check.same("W2 (scaled by sqrt(2 / 4), not sqrt(2 / 1))",
               np.array([[-0.03098412442205686, -0.33744410537169206, -0.9290426766647434, 0.6255224840406426]]),
               parameters["W2"])
    check.same("b1 and b2 are zeros", (np.zeros((4, 1)), np.zeros((1, 1))), (parameters["b1"], parameters["b2"]))
    check.done()

"""Hidden tests of *Python basics with numpy*: the learner's functions against the reference.

Inputs mix small and large values (|x| up to 10, where a linear or rounded sigmoid breaks), include
exact boundary values (x = 0, single rows and columns), and always one shape whose every side differs
from the notebook's examples and from each other.
"""
import numpy as np

from autograder.hidden import hidden_test
from helpers.public_tests.c1w2_python_basics import Y, YHAT


def fresh_shape(rng, ndim, avoid=(1, 2, 3, 5)):
    """Distinct sides from 4 to 9, none of them a side of the notebook's examples."""
    return tuple(int(n) for n in rng.choice([n for n in range(4, 10) if n not in avoid], size=ndim, replace=False))


def two_scales(rng, shape, large=10.0):
    """Values about half small (|x| < 1) and half large (3 < |x| < ``large``), with an exact 0 first."""
    small = rng.uniform(-1, 1, shape)
    big = rng.uniform(3, large, shape) * rng.choice([-1, 1], shape)
    x = np.where(rng.random(shape) < 0.5, small, big)
    x.flat[0] = 0.0
    return x


def require_float(check, out, case):
    if not isinstance(out, float):
        check.fail(f"{case}: a Python float expected, got {type(out).__name__}")


@hidden_test("basic_sigmoid", points=1)
def check_basic_sigmoid(check, rng):
    large = float(rng.uniform(7, 10)) * float(rng.choice([-1, 1]))
    for x in (1, 0, -3.5, 9.25, -8.75, large, float(rng.uniform(-1, 1))):
        case = f"x = {x:.4g}"
        require_float(check, check.call(x, case=case), case)


@hidden_test("sigmoid", points=1)
def check_sigmoid(check, rng):
    check.call(np.array([1, 2, 3]), case="x = [1, 2, 3]")
    check.call(np.array([0.0]), case="x = [0], a single element")
    for ndim in (1, 2, 3):
        shape = fresh_shape(rng, ndim)
        check.call(two_scales(rng, shape), case=f"x of shape {shape}, small and large values")


@hidden_test("sigmoid_derivative", points=1)
def check_sigmoid_derivative(check, rng):
    check.call(np.array([1, 2, 3]), case="x = [1, 2, 3]")
    check.call(np.array([0.0]), case="x = [0], where the slope is 1/4")
    for ndim in (1, 2):
        shape = fresh_shape(rng, ndim)
        check.call(two_scales(rng, shape), case=f"x of shape {shape}, small and large values")


@hidden_test("image2vector", points=1)
def check_image2vector(check, rng):
    check.call(np.arange(12, dtype=float).reshape(2, 3, 2), case="the (2, 3, 2) example")
    check.call(rng.random((1, 1, 1)), case="a (1, 1, 1) image")
    for _ in range(2):
        shape = fresh_shape(rng, 3)
        check.call(rng.random(shape), case=f"an image of shape {shape}")


@hidden_test("normalize_rows", points=1)
def check_normalize_rows(check, rng):
    check.call(np.array([[0.0, 3.0, 4.0], [1.0, 6.0, 4.0]]), case="x = [[0, 3, 4], [1, 6, 4]]")
    shape = fresh_shape(rng, 2)
    check.call(two_scales(rng, shape, large=1000.0), case=f"x of shape {shape}, rows of very different lengths")
    for shape in ((1, fresh_shape(rng, 1)[0]), (fresh_shape(rng, 1)[0], 1)):
        check.call(rng.uniform(0.5, 4, shape) * rng.choice([-1, 1], shape), case=f"x of shape {shape}")


@hidden_test("softmax", points=1)
def check_softmax(check, rng):
    check.call(np.array([[9.0, 2, 5, 0, 0], [7, 5, 0, 0, 0]]), case="the (2, 5) example")
    check.call(np.zeros((4, 6)), case="x = zeros((4, 6)): every row uniform")
    for shape in (fresh_shape(rng, 2), (1, fresh_shape(rng, 1)[0]), (fresh_shape(rng, 1)[0], 1)):
        check.call(two_scales(rng, shape), case=f"x of shape {shape}, small and large values")


def check_loss(check, rng):
    check.call(YHAT, Y, case="the example")
    check.call(np.array([0.3]), np.array([1]), case="a single example")
    check.call(Y.astype(float), Y, case="yhat = y: no loss")
    m = int(rng.integers(6, 30))
    check.call(rng.random(m), rng.integers(0, 2, m), case=f"random vectors of length {m}")
    check.call(rng.normal(scale=20, size=m), rng.normal(scale=20, size=m), case=f"large errors, length {m}")


@hidden_test("L1", points=1)
def check_L1(check, rng):
    check_loss(check, rng)


@hidden_test("L2", points=1)
def check_L2(check, rng):
    check_loss(check, rng)

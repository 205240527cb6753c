"""Hidden tests of *Python basics with numpy*: the learner's functions against the reference."""
import numpy as np

from autograder.hidden import hidden_test


def random_shape(rng, ndim, low=2, high=7):
    """A random shape whose sides differ, so that a wrong axis cannot pass by symmetry."""
    while True:
        shape = tuple(int(n) for n in rng.integers(low, high, ndim))
        if len(set(shape)) == ndim:
            return shape


@hidden_test("basic_sigmoid", points=1)
def check_basic_sigmoid(check, rng):
    for x in (0.0, 1, -3.5, float(rng.normal(scale=3)), float(rng.normal(scale=3))):
        check.call(x, case=f"x = {x:.4g}")


@hidden_test("sigmoid", points=1)
def check_sigmoid(check, rng):
    check.call(np.array([1, 2, 3]), case="x = [1, 2, 3]")
    for shape in (random_shape(rng, 1), random_shape(rng, 2), random_shape(rng, 3)):
        check.call(rng.normal(scale=4, size=shape), case=f"random x of shape {shape}")


@hidden_test("sigmoid_derivative", points=1)
def check_sigmoid_derivative(check, rng):
    check.call(np.array([1, 2, 3]), case="x = [1, 2, 3]")
    for shape in (random_shape(rng, 1), random_shape(rng, 2)):
        check.call(rng.normal(scale=3, size=shape), case=f"random x of shape {shape}")


@hidden_test("image2vector", points=1)
def check_image2vector(check, rng):
    for shape in (random_shape(rng, 3), random_shape(rng, 3), (1, 1, 3)):
        check.call(rng.random(shape), case=f"random image of shape {shape}")


@hidden_test("normalize_rows", points=1)
def check_normalize_rows(check, rng):
    check.call(np.array([[0.0, 3.0, 4.0], [1.0, 6.0, 4.0]]), case="x = [[0, 3, 4], [1, 6, 4]]")
    for shape in (random_shape(rng, 2), random_shape(rng, 2), (1, 5)):
        check.call(rng.normal(size=shape), case=f"random x of shape {shape}")


@hidden_test("softmax", points=1)
def check_softmax(check, rng):
    check.call(np.array([[9.0, 2, 5, 0, 0], [7, 5, 0, 0, 0]]), case="the (2, 5) example")
    for shape in (random_shape(rng, 2), random_shape(rng, 2), (1, 4)):
        check.call(rng.normal(scale=3, size=shape), case=f"random x of shape {shape}")


@hidden_test("L1", points=1)
def check_L1(check, rng):
    check.call(np.array([0.9, 0.2, 0.1, 0.4, 0.9]), np.array([1, 0, 0, 1, 1]), case="the example")
    m = int(rng.integers(3, 20))
    check.call(rng.random(m), rng.integers(0, 2, m), case=f"random vectors of length {m}")


@hidden_test("L2", points=1)
def check_L2(check, rng):
    check.call(np.array([0.9, 0.2, 0.1, 0.4, 0.9]), np.array([1, 0, 0, 1, 1]), case="the example")
    m = int(rng.integers(3, 20))
    check.call(rng.random(m), rng.integers(0, 2, m), case=f"random vectors of length {m}")

"""Hidden tests of *Convolutional model, step by step*.

Inputs stay small: the learner's layers loop in Python over every output number. Besides the
notebook's examples and random problems, every function meets one problem whose sizes differ from
each other and from every size of the examples (so no hard-coded shape passes), and the boundaries:
pad = 0, a stride larger than the filter or not dividing the input, f = 1, a single image, and
pooling windows with tied maxima, where the course's mask marks every maximum.
"""
import numpy as np

from autograder.hidden import hidden_test
from helpers.public_tests.c4w1_convolution_model_step_by_step import _seeded

# sizes none of the examples uses, all different: m, n_H_prev, n_W_prev, n_C_prev, f, n_C
ODD_CONV = {"A_prev": (3, 9, 6, 2), "W": (4, 4, 2, 5), "hparameters": {"pad": 3, "stride": 3}}
ODD_POOL = {"A_prev": (3, 9, 8, 5), "hparameters": {"f": 4, "stride": 3}}  # (9 - 4) / 3 and (8 - 4) / 3 round down


def odd_conv_problem(rng):
    A_prev, W = rng.normal(size=ODD_CONV["A_prev"]), rng.normal(size=ODD_CONV["W"])
    return A_prev, W, rng.normal(size=(1, 1, 1, W.shape[3])), dict(ODD_CONV["hparameters"])


def tied(rng, shape):
    """Small integers as floats: most pooling windows hold several equal maxima."""
    return rng.integers(-1, 2, size=shape).astype(float)


def random_conv_problem(rng, *, pad=None, stride=None, f=None, m=None):
    """A random convolution: A_prev, W, b and hparameters, with odd shapes and a small output."""
    m = int(rng.integers(1, 4)) if m is None else m
    n_C_prev, n_C = int(rng.integers(1, 4)), int(rng.integers(1, 5))
    f = int(rng.integers(1, 4)) if f is None else f
    pad = int(rng.integers(0, 3)) if pad is None else pad
    stride = int(rng.integers(1, 4)) if stride is None else stride
    low = max(1, f - 2 * pad)
    n_H_prev, n_W_prev = int(rng.integers(low, low + 6)), int(rng.integers(low, low + 6))
    A_prev = rng.normal(size=(m, n_H_prev, n_W_prev, n_C_prev))
    W = rng.normal(size=(f, f, n_C_prev, n_C))
    b = rng.normal(size=(1, 1, 1, n_C))
    return A_prev, W, b, {"pad": pad, "stride": stride}


def random_pool_problem(rng, *, f=None, stride=None):
    """A random pooling input and its hparameters."""
    f = int(rng.integers(1, 4)) if f is None else f
    stride = int(rng.integers(1, 4)) if stride is None else stride
    shape = (int(rng.integers(1, 4)), int(rng.integers(f + 2, f + 6)), int(rng.integers(f + 2, f + 6)),
             int(rng.integers(1, 4)))
    return rng.normal(size=shape), {"f": f, "stride": stride}


def _describe(A_prev, hparameters):
    return f"A_prev of shape {A_prev.shape}, " + ", ".join(f"{k} = {v}" for k, v in sorted(hparameters.items()))


@hidden_test("zero_pad", points=1)
def check_zero_pad(check, rng):
    check.call(_seeded().randn(4, 3, 3, 2), 3, case="the notebook's example, pad = 3")
    check.call(rng.normal(size=(5, 2, 4, 3)), 1, case="X of shape (5, 2, 4, 3), pad = 1")
    for pad in (0, int(rng.integers(1, 4))):
        shape = tuple(int(n) for n in rng.integers(1, 6, size=4))
        check.call(rng.normal(size=shape), pad, case=f"X of shape {shape}, pad = {pad}")


@hidden_test("conv_single_step", points=1)
def check_conv_single_step(check, rng):
    state = _seeded()
    check.call(state.randn(4, 4, 3), state.randn(4, 4, 3), state.randn(1, 1, 1), case="the notebook's example")
    for f, n_C_prev in ((2, 5), (1, 1), (int(rng.integers(1, 6)), int(rng.integers(1, 5)))):
        check.call(rng.normal(size=(f, f, n_C_prev)), rng.normal(size=(f, f, n_C_prev)), rng.normal(size=(1, 1, 1)),
                   case=f"a random {f} x {f} x {n_C_prev} window and filter")


@hidden_test("conv_forward", points=2)
def check_conv_forward(check, rng):
    state = _seeded()
    A_prev, W, b = state.randn(2, 5, 7, 4), state.randn(3, 3, 4, 8), state.randn(1, 1, 1, 8)
    check.call(A_prev, W, b, {"pad": 1, "stride": 2}, case="the notebook's example")
    problems = [odd_conv_problem(rng), random_conv_problem(rng, pad=0, stride=2, f=1, m=1)] + [
        random_conv_problem(rng, pad=pad, stride=stride) for pad, stride in ((0, 1), (None, 3), (None, None))]
    for A_prev, W, b, hparameters in problems:
        check.call(A_prev, W, b, hparameters, case=f"{_describe(A_prev, hparameters)}, W of shape {W.shape}")


@hidden_test("pool_forward", points=2)
def check_pool_forward(check, rng):
    A_prev = _seeded().randn(2, 5, 5, 3)
    for stride in (1, 2):
        for mode in ("max", "average"):
            check.call(A_prev, {"stride": stride, "f": 3}, mode=mode,
                       case=f"the notebook's example, f = 3, stride = {stride}, {mode} pooling")
    odd = rng.normal(size=ODD_POOL["A_prev"]), dict(ODD_POOL["hparameters"])
    for A_prev, hparameters in (odd, random_pool_problem(rng, f=2, stride=3), random_pool_problem(rng)):
        check.call(A_prev, hparameters, case=f"{_describe(A_prev, hparameters)}, the default mode")
        check.call(A_prev, hparameters, mode="average", case=f"{_describe(A_prev, hparameters)}, average pooling")


@hidden_test("conv_backward", points=2)
def check_conv_backward(check, rng):
    conv_forward = check.reference["conv_forward"]
    state = _seeded()
    A_prev, W, b = state.randn(10, 4, 4, 3), state.randn(2, 2, 3, 8), state.randn(1, 1, 1, 8)
    Z, cache = conv_forward(A_prev, W, b, {"pad": 2, "stride": 2})
    check.call(Z, cache, case="the notebook's example, dZ = Z")
    problems = [odd_conv_problem(rng)] + [random_conv_problem(rng, pad=pad, stride=stride)
                                          for pad, stride in ((0, 1), (1, 2), (None, None))]
    for A_prev, W, b, hparameters in problems:
        Z, cache = conv_forward(A_prev, W, b, hparameters)
        check.call(rng.normal(size=Z.shape), cache,
                   case=f"a random dZ, {_describe(A_prev, hparameters)}, W of shape {W.shape}")


@hidden_test("create_mask_from_window", points=1)
def check_create_mask_from_window(check, rng):
    check.call(_seeded().randn(2, 3), case="the notebook's example", check_dtype=False)
    check.call(np.array([[1.0, 3.0], [4.0, 2.0]]), case="x = [[1, 3], [4, 2]]", check_dtype=False)
    check.call(np.array([[1.0, 4.0], [4.0, 2.0]]), case="x = [[1, 4], [4, 2]] (a tie: both maxima)",
               check_dtype=False)
    check.call(np.zeros((4, 4)), case="a 4 x 4 window of zeros (every entry is a maximum)", check_dtype=False)
    f = int(rng.integers(2, 5))
    check.call(rng.normal(size=(f, f)), case=f"a random {f} x {f} window", check_dtype=False)
    check.call(-rng.random(size=(3, 3)), case="a window of negative numbers", check_dtype=False)
    check.call(np.array([[-2.0, -0.5, -3.0], [-0.5, -1.0, -0.5], [-4.0, -2.0, -1.0]]),
               case="a window of negative numbers with three tied maxima", check_dtype=False)


@hidden_test("distribute_value", points=1)
def check_distribute_value(check, rng):
    check.call(2, (2, 2), case="dz = 2, shape = (2, 2)")
    check.call(3, (3, 5), case="dz = 3 (an int), shape = (3, 5)")
    shape = (int(rng.integers(1, 5)), int(rng.integers(2, 6)))
    dz = float(rng.normal())
    check.call(dz, shape, case=f"dz = {dz:.3f}, shape = {shape}")


@hidden_test("pool_backward", points=2)
def check_pool_backward(check, rng):
    pool_forward = check.reference["pool_forward"]
    state = _seeded()
    A_prev = state.randn(5, 5, 3, 2)
    _, cache = pool_forward(A_prev, {"stride": 1, "f": 2})
    dA = state.randn(5, 4, 2, 2)
    for mode in ("max", "average"):
        check.call(dA, cache, mode=mode, case=f"the notebook's example, {mode} pooling")
    odd = rng.normal(size=ODD_POOL["A_prev"]), dict(ODD_POOL["hparameters"])
    with_ties = [(tied(rng, A_prev.shape), hparameters) for A_prev, hparameters in
                 (random_pool_problem(rng, f=3, stride=1), random_pool_problem(rng, f=2, stride=2))]
    for A_prev, hparameters in [odd, random_pool_problem(rng)] + with_ties:
        A, cache = pool_forward(A_prev, hparameters)
        dA = rng.normal(size=A.shape)
        check.call(dA, cache, case=f"a random dA, {_describe(A_prev, hparameters)}, the default mode")
        check.call(dA, cache, mode="average", case=f"a random dA, {_describe(A_prev, hparameters)}, average pooling")

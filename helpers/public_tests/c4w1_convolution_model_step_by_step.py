"""Public tests of *Convolutional model, step by step* (c4w1_convolution_model_step_by_step)."""
import numpy as np

from helpers.checks import Checker
from helpers.convolution import conv_forward_im2col

__all__ = [
    "zero_pad_test",
    "conv_single_step_test",
    "conv_forward_test",
    "pool_forward_test",
    "conv_backward_test",
    "create_mask_from_window_test",
    "distribute_value_test",
    "pool_backward_test",
]


def _seeded():
    """The numbers ``np.random.seed(1)`` would give, without changing numpy's global random state."""
    return np.random.RandomState(1)


def _pair(check, out, what):
    check.true(f"returns {what}", isinstance(out, tuple) and len(out) == 2, f"a pair {what}, got {type(out).__name__}")
    return out


def zero_pad_test(target):
    check = Checker("zero_pad")
    x = _seeded().randn(4, 3, 3, 2)
    x_pad = check.call(target, x, 2, case="x of shape (4, 3, 3, 2), pad = 2")
    check.true("returns an array", isinstance(x_pad, np.ndarray), f"an ndarray, got {type(x_pad).__name__}")
    check.same("shape: height and width padded, batch and channels kept", np.zeros((4, 7, 7, 2)).shape, x_pad.shape)
    check.same("the border is zero", 0.0, float(np.abs(x_pad[:, :2]).sum() + np.abs(x_pad[:, :, -2:]).sum()))
    check.same("x_pad[1, 2, 2:4] is x[1, 0, 0:2]",
               np.array([[0.04221374671559283, 0.5828152137158222], [-1.1006191772129212, 1.1447237098396141]]),
               x_pad[1, 2, 2:4])
    check.same("pad = 0 leaves x unchanged", x, check.call(target, x, 0, case="pad = 0"))
    check.done()


def conv_single_step_test(target):
    check = Checker("conv_single_step")
    state = _seeded()
    a_slice_prev, W, b = state.randn(4, 4, 3), state.randn(4, 4, 3), state.randn(1, 1, 1)
    Z = check.call(target, a_slice_prev, W, b, case="a 4 x 4 x 3 window, np.random.seed(1)")
    check.same("Z is a scalar equal to sum(a_slice_prev * W) + b", -6.999089450680221, Z)
    check.done()


def conv_forward_test(target):
    check = Checker("conv_forward")
    state = _seeded()
    A_prev, W, b = state.randn(2, 5, 7, 4), state.randn(3, 3, 4, 8), state.randn(1, 1, 1, 8)
    hparameters = {"pad": 1, "stride": 2}
    Z, cache = _pair(check, check.call(target, A_prev, W, b, hparameters, case="the example, pad = 1, stride = 2"),
                     "(Z, cache)")
    check.same("Z.shape", (2, 3, 4, 8), Z.shape)
    check.same("Z's mean", 0.5511276474566768, np.mean(Z))
    check.same("Z[0, 2, 1]", np.array([-2.177960371034712, 8.071713286605444, -0.5772703965669042, 3.362867375261555,
                                       4.481136446806345, -2.8919842848278328, 10.992888673283165,
                                       3.031719320009815]), Z[0, 2, 1])
    check.true("cache is (A_prev, W, b, hparameters)",
               isinstance(cache, tuple) and len(cache) == 4 and cache[0] is A_prev and cache[1] is W
               and cache[2] is b and cache[3] is hparameters, "the tuple (A_prev, W, b, hparameters)")
    Z, _ = check.call(target, A_prev[:, :4, :4, :], W[:2, :2], b, {"pad": 0, "stride": 1},
                      case="2 x 2 filters, pad = 0, stride = 1")
    check.same("Z.shape without padding", (2, 3, 3, 8), Z.shape)
    check.same("Z[1, 2, 0, :3] without padding", np.array([-6.874044835835687, -3.43228551156021, -4.7781755780551745]),
               Z[1, 2, 0, :3])
    check.done()


def pool_forward_test(target):
    check = Checker("pool_forward")
    A_prev = _seeded().randn(2, 5, 5, 3)
    A, cache = _pair(check, check.call(target, A_prev, {"stride": 1, "f": 3}, case="f = 3, stride = 1, default mode"),
                     "(A, cache)")
    check.same("max pooling, stride 1: A.shape", (2, 3, 3, 3), A.shape)
    check.same("max pooling, stride 1: A[1, 1]",
               np.array([[1.9671017492547347, 0.8461606475850334, 1.2737559301587766],
                         [1.9671017492547347, 0.8461606475850334, 1.2361640304528203],
                         [1.6276507531489064, 1.121417708235664, 1.2245077048054989]]), A[1, 1])
    check.true("cache is (A_prev, hparameters)",
               isinstance(cache, tuple) and len(cache) == 2 and cache[0] is A_prev, "the pair (A_prev, hparameters)")
    A, _ = check.call(target, A_prev, {"stride": 2, "f": 3}, mode="average", case="f = 3, stride = 2, average")
    check.same("average pooling, stride 2: A.shape", (2, 2, 2, 3), A.shape)
    check.same("average pooling, stride 2: A[1, 1]",
               np.array([[0.4294492550319565, 0.08446996120406833, -0.2729090506973055],
                         [0.15077451831679545, 0.28911175124864424, 0.00123238536354374]]), A[1, 1])
    check.done()


def conv_backward_test(target):
    check = Checker("conv_backward")
    state = _seeded()
    A_prev, W, b = state.randn(10, 4, 4, 3), state.randn(2, 2, 3, 8), state.randn(1, 1, 1, 8)
    # dZ = Z of the example, computed with the vectorized helper so that this test does not depend on your conv_forward
    Z, _ = conv_forward_im2col(A_prev, W, b, {"pad": 2, "stride": 2})
    cache = (A_prev, W, b, {"pad": 2, "stride": 2})
    out = check.call(target, Z, cache, case="dZ = Z of the example, pad = 2, stride = 2")
    check.true("returns (dA_prev, dW, db)", isinstance(out, tuple) and len(out) == 3, "a triple (dA_prev, dW, db)")
    dA_prev, dW, db = out
    check.same("shapes of dA_prev, dW, db", ((10, 4, 4, 3), (2, 2, 3, 8), (1, 1, 1, 8)),
               (np.shape(dA_prev), np.shape(dW), np.shape(db)))
    check.same("dA_prev's mean", 1.4524377775388075, np.mean(dA_prev))
    check.same("dW's mean", 1.7269914583139097, np.mean(dW))
    check.same("db's mean", 7.839232564616838, np.mean(db))
    dZ = np.random.RandomState(2).randn(2, 3, 3, 8)
    dA_prev, dW, _ = check.call(target, dZ, (A_prev[:2], W, b, {"pad": 0, "stride": 1}),
                                case="a random dZ, pad = 0, stride = 1")
    check.same("dA_prev.shape with pad = 0", (2, 4, 4, 3), np.shape(dA_prev))
    check.same("dA_prev[1, 0, 0] with pad = 0 (pad:-pad is empty when pad = 0)",
               np.array([-4.931795946838036, 2.3056233955190084, 5.443079972591186]), dA_prev[1, 0, 0])
    check.same("dW's mean with pad = 0", 0.341711591044412, np.mean(dW))
    check.done()


def create_mask_from_window_test(target):
    check = Checker("create_mask_from_window")
    x = _seeded().randn(2, 3)
    mask = check.call(target, x, case="x of shape (2, 3)")
    check.same("mask", np.array([[True, False, False], [False, False, False]]), mask, check_dtype=False)
    mask = check.call(target, np.array([[1.0, 3.0], [4.0, 2.0]]), case="x = [[1, 3], [4, 2]]")
    check.same("mask", np.array([[False, False], [True, False]]), mask, check_dtype=False)
    check.done()


def distribute_value_test(target):
    check = Checker("distribute_value")
    check.same("distribute_value(2, (2, 2))", np.full((2, 2), 0.5), check.call(target, 2, (2, 2), case="dz = 2"))
    check.same("distribute_value(3.0, (2, 3))", np.full((2, 3), 0.5), check.call(target, 3.0, (2, 3), case="dz = 3"))
    check.done()


def pool_backward_test(target):
    check = Checker("pool_backward")
    state = _seeded()
    A_prev = state.randn(5, 5, 3, 2)
    dA = state.randn(5, 4, 2, 2)
    cache = (A_prev, {"stride": 1, "f": 2})
    dA_prev = check.call(target, dA, cache, mode="max", case="f = 2, stride = 1, max pooling")
    check.same("max: dA_prev.shape", (5, 5, 3, 2), np.shape(dA_prev))
    check.same("max: dA_prev[1, 1]", np.array([[0.0, 0.0], [5.058443935342465, -1.6828270215556507], [0.0, 0.0]]),
               dA_prev[1, 1])
    dA_prev = check.call(target, dA, cache, mode="average", case="f = 2, stride = 1, average pooling")
    check.same("average: dA_prev[1, 1]",
               np.array([[0.08485462489158352, 0.2787551982460382], [1.2646109838356163, -0.2574937269055999],
                         [1.179756358944033, -0.5362489251516381]]), dA_prev[1, 1])
    check.same("average: dA_prev's mean", 0.07771408145556295, np.mean(dA_prev))
    check.done()

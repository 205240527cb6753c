"""Public tests of *1×1 convolutions and the Inception module* (c4w2_one_by_one_convolutions_and_inception).

The counting functions are checked on the lecture's numbers and on sizes that are all different from
each other; ``one_by_one_conv`` against week 1's convolution with f = 1. The Inception block runs on a
1×5×5×2 input with every weight 1 (each branch's channels are then equal, so their sums say which branch
is where), and is built on a symbolic input and compared with the expected block layer by layer, branch
by branch in the order of the concatenation: a ReLU written as its own layer counts as the convolution's
activation, and a 1×1 convolution's padding does not matter. The small network is compared the same way,
layer by layer in the order of its graph, and by its output.
"""
import numpy as np

from helpers.checks import Checker
from helpers.convolution import conv_forward_im2col
from helpers.inception_lesson import branch_ordered_layers, layer_inputs
from helpers.model_summary import ModelSummary, is_keras_model, summarize_model

__all__ = [
    "one_by_one_conv_test",
    "conv_multiplications_test",
    "conv_parameters_test",
    "bottleneck_cost_test",
    "inception_block_test",
    "small_inception_net_test",
    "graph_summary",
    "fixture_input",
    "INCEPTION_BLOCK_LAYERS",
    "SMALL_INCEPTION_NET_LAYERS",
]


def _seeded():
    """The numbers ``np.random.seed(1)`` would give, without changing numpy's global random state."""
    return np.random.RandomState(1)


def _layer(cls, shape, params, **config):
    return {"cls": cls, "config": config, "params": params, "output_shape": [None, *shape], "trainable": True}


def _conv(filters, size, shape, params, stride=1):
    return _layer("Conv2D", shape, params, filters=filters, kernel_size=[size, size], strides=[stride, stride],
                  padding="same", activation="relu")


def _pool(shape, stride):
    return _layer("MaxPooling2D", shape, 0, pool_size=[3, 3], strides=[stride, stride], padding="same")


#: The Inception block on a 5×5×2 input with filters=[2, 1, 3, 1, 2, 1], branch by branch.
INCEPTION_BLOCK_LAYERS = ModelSummary.from_plain({"cls": "Functional", "layers": [
    _layer("InputLayer", (5, 5, 2), 0),
    _conv(2, 1, (5, 5, 2), 6),
    _conv(1, 1, (5, 5, 1), 3), _conv(3, 3, (5, 5, 3), 30),
    _conv(1, 1, (5, 5, 1), 3), _conv(2, 5, (5, 5, 2), 52),
    _pool((5, 5, 2), 1), _conv(1, 1, (5, 5, 1), 3),
    _layer("Concatenate", (5, 5, 8), 0, axis=3),
]})

#: The small Inception network for 24×24×3 images and six classes, in graph order.
SMALL_INCEPTION_NET_LAYERS = ModelSummary.from_plain({
    "cls": "Functional", "params": 31390, "inputs": [[None, 24, 24, 3]], "outputs": [[None, 6]], "layers": [
        _layer("InputLayer", (24, 24, 3), 0),
        _conv(32, 3, (24, 24, 32), 896), _pool((12, 12, 32), 2),
        _conv(16, 1, (12, 12, 16), 528),
        _conv(16, 1, (12, 12, 16), 528), _conv(32, 3, (12, 12, 32), 4640),
        _conv(8, 1, (12, 12, 8), 264), _conv(16, 5, (12, 12, 16), 3216),
        _pool((12, 12, 32), 1), _conv(16, 1, (12, 12, 16), 528),
        _layer("Concatenate", (12, 12, 80), 0, axis=3),
        _pool((6, 6, 80), 2),
        _conv(32, 1, (6, 6, 32), 2592),
        _conv(24, 1, (6, 6, 24), 1944), _conv(48, 3, (6, 6, 48), 10416),
        _conv(8, 1, (6, 6, 8), 648), _conv(16, 5, (6, 6, 16), 3216),
        _pool((6, 6, 80), 1), _conv(16, 1, (6, 6, 16), 1296),
        _layer("Concatenate", (6, 6, 112), 0, axis=3),
        _layer("GlobalAveragePooling2D", (112,), 0),
        _layer("Dense", (6,), 678, units=6, activation="softmax"),
    ]})

# The block on fixture_input() with every weight 1: the sum of each output channel over the 5×5 pixels
# (filters=[2, 1, 3, 1, 2, 1]) and the output at the top-left pixel (filters=[1, 1, 1, 1, 1, 1]).
BLOCK_CHANNEL_SUMS = np.array([15.0, 15.0, 106.0, 106.0, 106.0, 219.5, 219.5, 70.5])
BLOCK_CORNER = np.array([0.0, 3.0, 5.0, 2.5])
# small_inception_net() on two images of np.random.RandomState(1).rand(2, 24, 24, 3)
NET_PROBABILITIES = np.array([[0.16969983, 0.18801619, 0.16743253, 0.1465781, 0.17318776, 0.15508562],
                              [0.16928254, 0.1875777, 0.16670586, 0.14581971, 0.17519249, 0.1554217]])


def fixture_input():
    """A 1×5×5×2 float32 input with values from −1.5 to 1.5."""
    return ((np.arange(50, dtype=np.float32).reshape(1, 5, 5, 2) % 7 - 3) / 2).astype(np.float32)


def _ones(seed=0):
    """An initializer factory like ``glorot_uniform``, whose initializers set every weight to 1."""
    from keras.initializers import Constant

    return Constant(value=1)


def _is_int(value):
    return isinstance(value, (int, np.integer)) and not isinstance(value, bool)


def _check_int(check, target, label, expected, *args):
    value = check.call(target, *args, case=label)
    check.true(f"{label}: an integer", _is_int(value), f"an integer expected, got {type(value).__name__} {value!r}")
    check.same(label, expected, int(value))


def one_by_one_conv_test(target):
    check = Checker("one_by_one_conv")
    state = _seeded()
    A_prev, W, b = state.randn(2, 3, 4, 5), state.randn(1, 1, 5, 3), state.randn(1, 1, 1, 3)
    Z = check.call(target, A_prev, W, b, case="A_prev (2, 3, 4, 5), W (1, 1, 5, 3), b (1, 1, 1, 3)")
    check.true("returns an array", isinstance(Z, np.ndarray), f"an ndarray expected, got {type(Z).__name__}")
    check.same("Z.shape: the height and width kept, n_C channels", (2, 3, 4, 3), Z.shape)
    check.same("Z[1, 2, 3]", np.array([-2.832058106815979, 1.0857815182267494, -1.279028163325672]), Z[1, 2, 3])
    expected, _ = conv_forward_im2col(A_prev, W, b, {"pad": 0, "stride": 1})
    check.same("Z equals week 1's convolution with f = 1", expected, Z)
    image = np.arange(1.0, 37.0).reshape(1, 6, 6, 1)
    doubled = check.call(target, image, np.full((1, 1, 1, 1), 2.0), np.zeros((1, 1, 1, 1)),
                         case="the lecture's 6 x 6 x 1 image, a filter holding 2")
    check.same("a 1 x 1 filter holding 2 doubles every pixel", 2 * image, doubled)
    check.done()


def conv_multiplications_test(target):
    check = Checker("conv_multiplications")
    _check_int(check, target, "the lecture's 5x5 convolution, 28x28x192 -> 28x28x32", 120422400, 28, 28, 192, 5, 32)
    _check_int(check, target, "a 1x1 convolution, 28x28x192 -> 28x28x16", 2408448, 28, 28, 192, 1, 16)
    _check_int(check, target, "n_H=7, n_W=10, n_C_prev=3, f=3, n_C=4", 7560, 7, 10, 3, 3, 4)
    check.done()


def conv_parameters_test(target):
    check = Checker("conv_parameters")
    _check_int(check, target, "10 filters of 3x3x3 (Course 4 week 1's example)", 280, 3, 3, 10)
    _check_int(check, target, "32 filters of 5x5x192", 153632, 192, 5, 32)
    _check_int(check, target, "16 filters of 1x1x192", 3088, 192, 1, 16)
    check.done()


def bottleneck_cost_test(target):
    check = Checker("bottleneck_cost")
    for args, expected in (((28, 28, 192, 16, 5, 32), (12443648, 15920)), ((10, 12, 64, 8, 3, 16), (199680, 1688))):
        label = "n_H, n_W, n_C_prev, n_C_reduce, f, n_C = " + ", ".join(map(str, args))
        out = check.call(target, *args, case=label)
        check.true(f"{label}: a pair of integers", isinstance(out, tuple) and len(out) == 2 and all(map(_is_int, out)),
                   f"(multiplications, parameters) expected, got {out!r}")
        check.same(f"{label}: (multiplications, parameters)", expected, tuple(int(n) for n in out))
    check.done()


def _summary(layer):
    """A layer's summary, a ReLU or 1×1 convolution written one of several equivalent ways made one."""
    summary = summarize_model(layer)
    config = summary.config
    if summary.cls == "Conv2D" and config.get("kernel_size") == [1, 1] and config.get("strides") == [1, 1]:
        config["padding"] = "same"
    if summary.cls == "Concatenate" and config.get("axis") == -1:
        config["axis"] = 3
    return summary


def graph_summary(model):
    """The :class:`ModelSummary` of a functional model with its layers in the order of its graph: every layer
    after the layers it reads, the inputs of a concatenation in its order (so a block's branches come one after
    the other, in the order of their channels). A ReLU layer that follows a linear convolution becomes that
    convolution's activation, and a 1×1 convolution's padding does not matter."""
    order = branch_ordered_layers(model)
    summaries = {id(layer): _summary(layer) for layer in order}
    kept = []
    for layer in order:
        summary = summaries[id(layer)]
        is_relu = summary.cls == "ReLU" or summary.cls == "Activation" and summary.config.get("activation") == "relu"
        sources = layer_inputs(layer)
        source = summaries.get(id(sources[0])) if is_relu and len(sources) == 1 else None
        if source is not None and source.cls == "Conv2D" and source.config.get("activation") == "linear":
            source.config["activation"] = "relu"
            continue
        kept.append(summary)
    whole = summarize_model(model)
    whole.layers = kept
    return whole


def _check_block_output(check, target, filters, expected_shape):
    out = check.call(target, fixture_input(), filters, initializer=_ones, case=f"filters={filters}, weights 1")
    if out is None or not hasattr(out, "numpy"):
        check.fail(f"filters={filters}: a tensor expected, got {type(out).__name__} (have you filled in every "
                   "### START CODE HERE ### block?)")
    check.same(f"the output's shape with filters={filters}", expected_shape, tuple(out.shape))
    return out.numpy()


def inception_block_test(target):
    import keras

    check = Checker("inception_block")
    out = _check_block_output(check, target, [2, 1, 3, 1, 2, 1], (1, 5, 5, 8))
    check.same("each channel's sum (the branches in the order 1x1, 3x3, 5x5, pool)", BLOCK_CHANNEL_SUMS,
               out.sum(axis=(0, 1, 2)), rtol=1e-5)
    out = _check_block_output(check, target, [1, 1, 1, 1, 1, 1], (1, 5, 5, 4))
    check.same("the top-left pixel with filters=[1, 1, 1, 1, 1, 1]", BLOCK_CORNER, out[0, 0, 0], rtol=1e-5)
    X = fixture_input()
    first = check.call(target, X, [2, 3, 4, 2, 3, 2], case="the default initializer").numpy()
    second = check.call(target, X, [2, 3, 4, 2, 3, 2], case="the same call again").numpy()
    check.true("two calls give the same output (every convolution uses initializer(seed=0))",
               np.array_equal(first, second),
               "the outputs differ: give every Conv2D kernel_initializer=initializer(seed=0)")
    X_input = keras.Input((5, 5, 2))
    output = check.call(lambda: target(X_input, [2, 1, 3, 1, 2, 1]), case="a symbolic input of shape (5, 5, 2)")
    is_concatenation = isinstance(output, keras.KerasTensor) and \
        type(output._keras_history.operation).__name__ == "Concatenate"
    check.true("on a Keras Input it returns the output of a Concatenate layer", is_concatenation,
               f"a KerasTensor from Concatenate expected, got {type(output).__name__}")
    check.same("the block, layer by layer, branch by branch (filters=[2, 1, 3, 1, 2, 1])", INCEPTION_BLOCK_LAYERS,
               graph_summary(keras.Model(X_input, output)))
    check.done()


def small_inception_net_test(target):
    check = Checker("small_inception_net")
    model = check.call(target, case="input_shape=(24, 24, 3), classes=6")
    check.true("returns a Keras Model", is_keras_model(model), f"a Keras Model expected, got {type(model).__name__}")
    check.same("the network, layer by layer", SMALL_INCEPTION_NET_LAYERS, graph_summary(model))
    images = _seeded().rand(2, 24, 24, 3).astype(np.float32)
    check.same("its probabilities for two random images", NET_PROBABILITIES, np.asarray(model(images)),
               rtol=1e-4, atol=1e-6)
    check.done()

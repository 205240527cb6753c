"""Public tests of *Residual networks* (c4w2_residual_networks).

The blocks are checked as the original assignment checked them, on three 4×4×3 images whose pixels
are all −1, all 1 and all 3, with every weight set to 1, in inference and in training mode; then
built on a symbolic input and compared layer by layer with the expected block. ResNet-50 is checked
by its shapes, parameter counts, layer kinds, stem, head and the shape after every addition. Layers
are compared in the order of :func:`helpers.keras_graph.graph_ordered_layers`, which does not
depend on the order of an ``Add``'s inputs.
"""
from collections import Counter

import numpy as np

from helpers.checks import Checker
from helpers.model_summary import ModelSummary, is_keras_model
from helpers.keras_graph import graph_ordered_layers, graph_summary
from helpers.residual_lesson import parameter_counts

__all__ = [
    "identity_block_test",
    "convolutional_block_test",
    "ResNet50_test",
    "IDENTITY_BLOCK_LAYERS",
    "CONVOLUTIONAL_BLOCK_LAYERS",
    "three_images",
]

# Averages over the channels of the first and last rows of the output, resume[image, row, column], as in
# the original assignment; every weight is 1 (initializer=lambda seed=0: constant(value=1)).
IDENTITY_INFERENCE = np.array([[[0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0]],
                               [[192.71236, 192.71236, 192.71236, 96.85618], [96.85618, 96.85618, 96.85618, 48.928097]],
                               [[578.13715, 578.13715, 578.13715, 290.56854],
                                [290.56854, 290.56854, 290.56854, 146.78427]]])
IDENTITY_TRAINING = np.array([[[0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0]],
                              [[0.37394276, 0.37394276, 0.37394276, 0.37394276],
                               [0.37394276, 0.37394276, 0.37394276, 0.37394276]],
                              [[3.237901, 4.139424, 4.139424, 3.237901], [3.237901, 4.139424, 4.139424, 3.237901]]])
CONVOLUTIONAL_INFERENCE = np.array([[[0.0, 0.0], [0.0, 0.0]],
                                    [[98.85468, 50.9266], [50.9266, 26.96255]],
                                    [[296.56406, 152.77977], [152.77977, 80.88764]]])
CONVOLUTIONAL_TRAINING = np.array([[[0.0, 0.0], [0.0, 0.0]],
                                   [[0.0, 0.0], [0.0, 0.0]],
                                   [[4.130054, 2.0170832], [2.0170832, 0.96059805]]])


def _layer(cls, shape, params, **config):
    return {"cls": cls, "config": config, "params": params, "output_shape": [None, *shape], "trainable": True}


def _conv(filters, size, stride, padding, shape, params):
    return _layer("Conv2D", shape, params, filters=filters, kernel_size=[size, size], strides=[stride, stride],
                  padding=padding)


def _norm(shape):
    return _layer("BatchNormalization", shape, 4 * shape[-1], axis=3)


def _relu(shape):
    return _layer("Activation", shape, 0, activation="relu")


def _block(input_shape, layers, params):
    output = layers[-1]["output_shape"]
    return ModelSummary.from_plain({"cls": "Functional", "params": params, "inputs": [[None, *input_shape]],
                                    "outputs": [output], "layers": [_layer("InputLayer", input_shape, 0), *layers]})


#: The identity block on a 4×4×3 input, f=2, filters=[4, 4, 3], in graph order.
IDENTITY_BLOCK_LAYERS = _block((4, 4, 3), [
    _conv(4, 1, 1, "valid", (4, 4, 4), 16), _norm((4, 4, 4)), _relu((4, 4, 4)),
    _conv(4, 2, 1, "same", (4, 4, 4), 68), _norm((4, 4, 4)), _relu((4, 4, 4)),
    _conv(3, 1, 1, "valid", (4, 4, 3), 15), _norm((4, 4, 3)),
    _layer("Add", (4, 4, 3), 0), _relu((4, 4, 3)),
], 143)

#: The convolutional block on a 4×4×3 input, f=2, filters=[2, 4, 6], s=2, in graph order: the main path's
#: last convolution and normalization come before the shortcut's, which are as far from the output.
CONVOLUTIONAL_BLOCK_LAYERS = _block((4, 4, 3), [
    _conv(2, 1, 2, "valid", (2, 2, 2), 8), _norm((2, 2, 2)), _relu((2, 2, 2)),
    _conv(4, 2, 1, "same", (2, 2, 4), 36), _norm((2, 2, 4)), _relu((2, 2, 4)),
    _conv(6, 1, 1, "valid", (2, 2, 6), 30), _conv(6, 1, 2, "valid", (2, 2, 6), 24),
    _norm((2, 2, 6)), _norm((2, 2, 6)),
    _layer("Add", (2, 2, 6), 0), _relu((2, 2, 6)),
], 170)

RESNET50_STEM = ModelSummary.from_plain({"cls": "Functional", "layers": [
    _layer("InputLayer", (64, 64, 3), 0),
    _layer("ZeroPadding2D", (70, 70, 3), 0, padding=[[3, 3], [3, 3]]),
    _conv(64, 7, 2, "valid", (32, 32, 64), 9472), _norm((32, 32, 64)), _relu((32, 32, 64)),
    _layer("MaxPooling2D", (15, 15, 64), 0, pool_size=[3, 3], strides=[2, 2], padding="valid"),
]})
RESNET50_HEAD = ModelSummary.from_plain({"cls": "Functional", "layers": [
    _relu((2, 2, 2048)),
    _layer("AveragePooling2D", (1, 1, 2048), 0, pool_size=[2, 2], strides=[2, 2], padding="valid"),
    _layer("Flatten", (2048,), 0),
    _layer("Dense", (6,), 12294, units=6, activation="softmax"),
]})
RESNET50_KINDS = {"Activation": 49, "Add": 16, "AveragePooling2D": 1, "BatchNormalization": 53, "Conv2D": 53,
                  "Dense": 1, "Flatten": 1, "InputLayer": 1, "MaxPooling2D": 1, "ZeroPadding2D": 1}
RESNET50_ADDITIONS = [[15, 15, 256]] * 3 + [[8, 8, 512]] * 4 + [[4, 4, 1024]] * 6 + [[2, 2, 2048]] * 3


def three_images():
    """Three 4×4×3 float32 images whose pixels are all −1, all 1 and all 3."""
    return np.concatenate([np.full((1, 4, 4, 3), value) for value in (-1.0, 1.0, 3.0)]).astype(np.float32)


def _ones(seed=0):
    """An initializer factory like ``random_uniform``, whose initializers set every weight to 1."""
    from keras.initializers import Constant

    return Constant(value=1)



def _check_tensor(check, label, value, shape):
    if value is None:
        problem = "a tensor expected, got None (have you filled in every ### START CODE HERE ### block?)"
    elif not hasattr(value, "numpy") or not hasattr(value, "shape"):
        problem = f"a tensor expected, got {type(value).__name__}"
    else:
        problem = f"shape {shape} expected, got {tuple(value.shape)}" if tuple(value.shape) != shape else None
    check.true(f"{label} is a tensor of shape {shape}", problem is None, problem)
    return value.numpy()


def _rows(output):
    """resume of the original test: the channel average of the first and the last row of each image."""
    return output[:, (0, -1), :, :].mean(axis=3)


def _check_fixture(check, target, shape, expected, *, atol, **kwargs):
    """Call the block on the three fixture images with every weight 1; check the output's shape, that the last
    ReLU leaves nothing negative, and the row averages the original's test printed."""
    settings = ", ".join(f"{key}={value}" for key, value in kwargs.items())
    output = check.call(target, three_images(), initializer=_ones, case=f"{settings}, weights 1", **kwargs)
    output = _check_tensor(check, f"the output with {settings}", output, shape)
    check.true("no negative output (the last ReLU)", np.all(output >= 0),
               f"the smallest output is {output.min():g}; the block ends with a ReLU")
    check.same(f"row averages with {settings}", expected, _rows(output), rtol=1e-5, atol=atol)


def _check_layers(check, label, target, input_shape, expected, **kwargs):
    """Build ``target`` on a symbolic input and compare it with ``expected``, layer by layer."""
    import keras

    X_input = keras.Input(input_shape)
    output = check.call(lambda: target(X_input, **kwargs), case=f"on a symbolic input of shape {input_shape}")
    check.true("on a Keras Input it returns a Keras tensor", isinstance(output, keras.KerasTensor),
               f"a KerasTensor expected, got {type(output).__name__} (build the block with Keras layers only)")
    check.same(label, expected, graph_summary(keras.Model(X_input, output)))


def identity_block_test(target):
    check = Checker("identity_block")
    _check_fixture(check, target, (3, 4, 4, 3), IDENTITY_INFERENCE, atol=1e-4, f=2, filters=[4, 4, 3], training=False)
    _check_fixture(check, target, (3, 4, 4, 3), IDENTITY_TRAINING, atol=1e-5, f=3, filters=[3, 3, 3], training=True)
    _check_layers(check, "the block, layer by layer (f=2, filters=[4, 4, 3])", target, (4, 4, 3),
                  IDENTITY_BLOCK_LAYERS, f=2, filters=[4, 4, 3], training=False)
    check.done()


def convolutional_block_test(target):
    check = Checker("convolutional_block")
    X = three_images()
    for training, expected, atol in ((False, CONVOLUTIONAL_INFERENCE, 1e-4), (True, CONVOLUTIONAL_TRAINING, 1e-5)):
        _check_fixture(check, target, (3, 2, 2, 6), expected, atol=atol, f=2, filters=[2, 4, 6], training=training)
    first = check.call(target, X, f=3, filters=[3, 5, 4], s=1, training=True, case="the default initializer, s=1")
    first = _check_tensor(check, "the output with s=1", first, (3, 4, 4, 4))
    second = check.call(target, X, f=3, filters=[3, 5, 4], s=1, training=True, case="the same call again").numpy()
    check.true("two calls give the same output (every convolution uses initializer(seed=0))",
               np.array_equal(first, second),
               "the outputs differ: give every Conv2D kernel_initializer=initializer(seed=0)")
    _check_layers(check, "the block, layer by layer (f=2, filters=[2, 4, 6], s=2)", target, (4, 4, 3),
                  CONVOLUTIONAL_BLOCK_LAYERS, f=2, filters=[2, 4, 6], s=2, training=False)
    check.done()


def ResNet50_test(target):
    check = Checker("ResNet50")
    model = check.call(target, case="input_shape=(64, 64, 3), classes=6")
    check.true("returns a Keras Model", is_keras_model(model), f"a Keras Model expected, got {type(model).__name__}")
    shapes = ([list(t.shape) for t in model.inputs], [list(t.shape) for t in model.outputs])
    check.same("input and output shapes", ([[None, 64, 64, 3]], [[None, 6]]), shapes)
    check.same("parameters: total, trainable", (23600006, 23546886), parameter_counts(model)[:2])
    kinds = Counter(type(layer).__name__ for layer in model.layers)
    check.same("layers of each kind", RESNET50_KINDS, dict(sorted(kinds.items())))
    check.same("the stem, layer by layer", RESNET50_STEM, graph_summary(model, slice(0, 6)))
    check.same("the head, layer by layer", RESNET50_HEAD, graph_summary(model, slice(-4, None)))
    additions = [list(layer.output.shape)[1:] for layer in graph_ordered_layers(model)
                 if type(layer).__name__ == "Add"]
    check.same("the shape after each addition (stages 2 to 5)", RESNET50_ADDITIONS, additions)
    check.done()

"""Public tests of *Image segmentation with U-Net* (c4w3_image_segmentation_with_unet).

Each block is built on symbolic Keras inputs and compared, layer by layer, with the expected block
(classes, the configuration that matters, output shapes, parameter counts, in the graph order of
:func:`helpers.keras_graph.graph_ordered_layers`); its convolutions must start from He-normal
weights. The upsampling block is also run with fixed weights on fixed inputs, which shows the
order in which it joins its two inputs. The U-Net is compared layer by layer with the expected
network of 8,640,471 parameters.
"""
from collections import Counter

import numpy as np

from helpers.checks import Checker
from helpers.model_summary import ModelSummary, is_keras_model
from helpers.keras_graph import graph_summary, set_fixed_weights

__all__ = ["UPSAMPLING_FIXED_WEIGHTS", "conv_block_test", "unet_layers", "unet_model_test", "upsampling_block_test"]


def _layer(cls, shape, params, **config):
    return {"cls": cls, "config": config, "params": params, "output_shape": [None, *shape], "trainable": True}


def _conv(filters, shape, params, *, size=3, activation="relu"):
    return _layer("Conv2D", (*shape, filters), params, filters=filters, kernel_size=[size, size], strides=[1, 1],
                  padding="same", activation=activation)


def _summary(layers, *, params=None):
    return ModelSummary.from_plain({"cls": "Functional", "params": params, "layers": layers})


def _conv_block_layers(input_shape, n_filters, *, dropout_prob=0, max_pooling=True):
    """The layers of conv_block on an input of ``input_shape`` (height, width, channels), in graph order."""
    height, width, channels = input_shape
    layers = [_layer("InputLayer", input_shape, 0),
              _conv(n_filters, (height, width), (9 * channels + 1) * n_filters),
              _conv(n_filters, (height, width), (9 * n_filters + 1) * n_filters)]
    if dropout_prob > 0:
        layers.append(_layer("Dropout", (height, width, n_filters), 0, rate=dropout_prob))
    if max_pooling:
        layers.append(_layer("MaxPooling2D", (height // 2, width // 2, n_filters), 0, pool_size=[2, 2],
                             strides=[2, 2], padding="valid"))
    return layers


def _upsampling_layers(shape, expansive_channels, contractive_channels, n_filters):
    """The layers of upsampling_block that come after its inputs, at the output's (height, width)."""
    joined = n_filters + contractive_channels
    return [_layer("Conv2DTranspose", (*shape, n_filters), (9 * expansive_channels + 1) * n_filters,
                   filters=n_filters, kernel_size=[3, 3], strides=[2, 2], padding="same", activation="linear"),
            _layer("Concatenate", (*shape, joined), 0, axis=3),
            _conv(n_filters, shape, (9 * joined + 1) * n_filters),
            _conv(n_filters, shape, (9 * n_filters + 1) * n_filters)]


def unet_layers(input_size=(96, 128, 3), n_filters=32, n_classes=23):
    """The U-Net's layers in graph order, as plain data: four encoder blocks with pooling (the last two with
    dropout 0.3), a fifth without pooling, four upsampling blocks, a 3×3 and a 1×1 convolution (logits)."""
    height, width, channels = input_size
    layers = [_layer("InputLayer", input_size, 0)]
    for level in range(5):
        block = _conv_block_layers((height >> level, width >> level, channels), n_filters << level,
                                   dropout_prob=0.3 if level >= 3 else 0, max_pooling=level < 4)
        layers += block[1:]
        channels = n_filters << level
    for level in (3, 2, 1, 0):
        layers += _upsampling_layers((height >> level, width >> level), n_filters << (level + 1),
                                     n_filters << level, n_filters << level)
    layers += [_conv(n_filters, (height, width), (9 * n_filters + 1) * n_filters),
               _conv(n_classes, (height, width), (n_filters + 1) * n_classes, size=1, activation="linear")]
    return layers


#: upsampling_block with fixed weights (helpers.public_tests.c5w3_neural_machine_translation.set_fixed_weights)
#: on expansive (2, 3, 4, 4) and contractive (2, 6, 8, 2) inputs uniform in [0, 1] (seed 0), n_filters=3:
#: the output averaged over the examples and the rows, shape (8, 3).
UPSAMPLING_FIXED_WEIGHTS = np.array([
    [0.17305, 0.22582, 0.04624], [0.15923, 0.26226, 0.13556], [0.17136, 0.2503, 0.15755], [0.16684, 0.26976, 0.13627],
    [0.15822, 0.2498, 0.10865], [0.19, 0.22368, 0.16023], [0.13368, 0.30794, 0.10165], [0.14571, 0.24761, 0.13171],
], dtype=np.float32)


def _symbolic(check, label, build, inputs, *, count=1):
    """Call ``build()`` on symbolic inputs; check it returns ``count`` Keras tensors (a tuple when ``count`` > 1);
    return the keras.Model from the inputs to them."""
    import keras

    output = check.call(build, case=label)
    outputs = list(output) if count > 1 and isinstance(output, (tuple, list)) else [output]
    kinds = ", ".join(type(t).__name__ for t in outputs)
    expected = "a Keras tensor" if count == 1 else f"a tuple of {count} Keras tensors"
    check.true(f"{label}: returns {expected}",
               len(outputs) == count and all(isinstance(t, keras.KerasTensor) for t in outputs),
               f"{expected} expected, got {kinds if count == 1 else type(output).__name__ + ' of ' + kinds} (have "
               "you filled in every ### START CODE HERE ### block, with Keras layers only?)")
    return keras.Model(inputs, outputs)


def _layers_of(model):
    """graph_summary of ``model``, a Concatenate's negative axis counted from the front (axis=-1 is axis 3 here)."""
    summary = graph_summary(model)
    for layer in summary.layers:
        axis = layer.config.get("axis")
        if layer.cls == "Concatenate" and isinstance(axis, int) and axis < 0 and layer.output_shape:
            layer.config["axis"] = axis + len(layer.output_shape)
    return summary


def _check_he_normal(check, model):
    names = {type(layer.kernel_initializer).__name__ for layer in model.layers if type(layer).__name__ == "Conv2D"}
    check.true("the convolutions start from He-normal weights", names == {"HeNormal"},
               f"kernel_initializer='he_normal' expected on every Conv2D, got {', '.join(sorted(names))}")


def conv_block_test(target):
    import keras

    check = Checker("conv_block")
    for n_filters, dropout_prob, max_pooling in ((32, 0, True), (16, 0.1, True), (8, 0.2, False)):
        settings = f"n_filters={n_filters}, dropout_prob={dropout_prob}, max_pooling={max_pooling}"
        X = keras.Input((96, 128, 3))
        model = _symbolic(check, settings, lambda: target(X, n_filters, dropout_prob, max_pooling), X, count=2)
        pooled = (48, 64) if max_pooling else (96, 128)
        check.same(f"{settings}: shapes of next_layer, skip_connection",
                   [[None, *pooled, n_filters], [None, 96, 128, n_filters]], [list(t.shape) for t in model.outputs])
        expected = _conv_block_layers((96, 128, 3), n_filters, dropout_prob=dropout_prob, max_pooling=max_pooling)
        check.same(f"{settings}: the block, layer by layer", _summary(expected), _layers_of(model))
    _check_he_normal(check, model)
    check.done()


def upsampling_block_test(target):
    import keras

    check = Checker("upsampling_block")
    expansive, contractive = keras.Input((12, 16, 256)), keras.Input((24, 32, 128))
    model = _symbolic(check, "expansive (12, 16, 256), contractive (24, 32, 128), n_filters=32",
                      lambda: target(expansive, contractive, 32), [expansive, contractive])
    check.same("output shape", [[None, 24, 32, 32]], [list(t.shape) for t in model.outputs])
    expected = [_layer("InputLayer", (12, 16, 256), 0), *_upsampling_layers((24, 32), 256, 128, 32)]
    expected.insert(2, _layer("InputLayer", (24, 32, 128), 0))
    check.same("the block, layer by layer (Conv2DTranspose 73,760 and Conv2D 46,112 parameters)",
               _summary(expected), _layers_of(model))
    _check_he_normal(check, model)
    expansive, contractive = keras.Input((3, 4, 4)), keras.Input((6, 8, 2))
    model = _symbolic(check, "small inputs, n_filters=3", lambda: target(expansive, contractive, n_filters=3),
                      [expansive, contractive])
    set_fixed_weights(model)
    rng = np.random.default_rng(0)
    inputs = [rng.uniform(size=(2, 3, 4, 4)).astype(np.float32), rng.uniform(size=(2, 6, 8, 2)).astype(np.float32)]
    output = np.asarray(model(inputs)).mean(axis=(0, 1))
    check.same("fixed weights: the output averaged over examples and rows (upsampled tensor first, then the skip)",
               UPSAMPLING_FIXED_WEIGHTS, output, rtol=1e-4, atol=1e-5)
    check.done()


def unet_model_test(target):
    check = Checker("unet_model")
    model = check.call(target, case="the defaults: input_size=(96, 128, 3), n_filters=32, n_classes=23")
    check.true("returns a Keras Model", is_keras_model(model), f"a Keras Model expected, got {type(model).__name__}")
    shapes = ([list(t.shape) for t in model.inputs], [list(t.shape) for t in model.outputs])
    check.same("input and output shapes", ([[None, 96, 128, 3]], [[None, 96, 128, 23]]), shapes)
    kinds = Counter(type(layer).__name__ for layer in model.layers)
    check.same("layers of each kind", {"Concatenate": 4, "Conv2D": 20, "Conv2DTranspose": 4, "Dropout": 2,
                                       "InputLayer": 1, "MaxPooling2D": 4}, dict(sorted(kinds.items())))
    check.same("the network, layer by layer", _summary(unet_layers(), params=8640471), _layers_of(model))
    small = check.call(target, (32, 48, 1), 4, 5, case="input_size=(32, 48, 1), n_filters=4, n_classes=5")
    check.same("input_size=(32, 48, 1), n_filters=4, n_classes=5, layer by layer",
               _summary(unet_layers((32, 48, 1), 4, 5)), _layers_of(small))
    check.done()

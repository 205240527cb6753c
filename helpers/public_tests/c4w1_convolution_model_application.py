"""Public tests of *Convolutional neural networks: an application* (c4w1_convolution_model_application).

Each graded function returns a Keras model. A test summarizes it with
:func:`helpers.model_summary.summarize_model` and compares it, layer by layer, with the expected
summary written out below: the layer classes in order, what configures each layer (filters, kernel
size, strides, padding, activation, pool size, axis, units), every output shape and every parameter
count. The first layer that differs is the message, e.g.
``layer 1 (Conv2D): kernel_size [7, 7] expected, got [5, 5]``.
"""
from helpers.checks import Checker
from helpers.model_summary import ModelSummary, summarize_model

__all__ = ["happyModel_test", "convolutional_model_test"]


def _layer(cls, output_shape, params, **config):
    """One expected layer: its class, output shape (None for the batch), parameter count and configuration."""
    return {"cls": cls, "output_shape": list(output_shape), "params": params, "config": config}


HAPPY_MODEL = {
    "cls": "Sequential", "params": 37633, "inputs": [[None, 64, 64, 3]], "outputs": [[None, 1]],
    "layers": [
        _layer("ZeroPadding2D", (None, 70, 70, 3), 0, padding=[[3, 3], [3, 3]]),
        _layer("Conv2D", (None, 64, 64, 32), 4736, filters=32, kernel_size=[7, 7], strides=[1, 1], padding="valid",
               activation="linear"),
        _layer("BatchNormalization", (None, 64, 64, 32), 128, axis=3),
        _layer("ReLU", (None, 64, 64, 32), 0),
        _layer("MaxPooling2D", (None, 32, 32, 32), 0, pool_size=[2, 2], strides=[2, 2], padding="valid"),
        _layer("Flatten", (None, 32768), 0),
        _layer("Dense", (None, 1), 32769, units=1, activation="sigmoid"),
    ],
}

CONVOLUTIONAL_MODEL = {
    "cls": "Functional", "params": 1310, "inputs": [[None, 64, 64, 3]], "outputs": [[None, 6]],
    "layers": [
        _layer("InputLayer", (None, 64, 64, 3), 0),
        _layer("Conv2D", (None, 64, 64, 8), 392, filters=8, kernel_size=[4, 4], strides=[1, 1], padding="same",
               activation="linear"),
        _layer("ReLU", (None, 64, 64, 8), 0),
        _layer("MaxPooling2D", (None, 8, 8, 8), 0, pool_size=[8, 8], strides=[8, 8], padding="same"),
        _layer("Conv2D", (None, 8, 8, 16), 528, filters=16, kernel_size=[2, 2], strides=[1, 1], padding="same",
               activation="linear"),
        _layer("ReLU", (None, 8, 8, 16), 0),
        _layer("MaxPooling2D", (None, 2, 2, 16), 0, pool_size=[4, 4], strides=[4, 4], padding="same"),
        _layer("Flatten", (None, 64), 0),
        _layer("Dense", (None, 6), 390, units=6, activation="softmax"),
    ],
}


def _check_model(check, model, expected, kind):
    """The checks both tests share: the kind of model, then every layer, then the total parameter count."""
    expected = ModelSummary.from_plain(expected)
    summary = summarize_model(model) if hasattr(model, "get_config") and hasattr(model, "layers") else model
    got_cls = getattr(summary, "cls", type(model).__name__)
    check.true(f"returns {kind}", got_cls == expected.cls, f"{kind} expected, got {got_cls}")
    names = " → ".join(layer.cls for layer in expected.layers)
    check.same(f"layers {names}", expected, summary)
    check.true(f"{expected.params:,} parameters", summary.params == expected.params,
               f"{expected.params:,} expected, got {summary.params}")


def happyModel_test(target):
    check = Checker("happyModel")
    model = check.call(target, case="no arguments")
    _check_model(check, model, HAPPY_MODEL, "a tf.keras.Sequential model")
    check.done()


def convolutional_model_test(target):
    check = Checker("convolutional_model")
    model = check.call(target, (64, 64, 3), case="input_shape (64, 64, 3)")
    _check_model(check, model, CONVOLUTIONAL_MODEL, "a Functional model, tf.keras.Model(inputs=..., outputs=...)")
    check.done()

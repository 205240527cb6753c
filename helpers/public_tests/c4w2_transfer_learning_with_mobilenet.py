"""Public tests of *Transfer learning with MobileNetV2* (c4w2_transfer_learning_with_mobilenet).

``data_augmenter`` and ``alpaca_model`` are summarized with :func:`helpers.model_summary.summarize_model`
and compared layer by layer with the expected models; the pretrained base inside ``alpaca_model`` is
compared with a fresh :func:`helpers.transfer.load_pretrained_mobilenet`, all 154 of its layers frozen.
``alpaca_model``'s output on a few pictures is compared with the pooled base features of the
preprocessed pictures times its own head's weights, which shows the pixel scaling and inference mode.
``compile_for_fine_tuning`` is called on the shipped source network: which layers train, and the loss,
optimizer, learning rate and metric it was compiled with.
"""
import numpy as np

from helpers.checks import Checker
from helpers.model_summary import ModelSummary, summarize_model
from helpers.transfer import BASE_NAME, IMG_SIZE, load_pretrained_mobilenet, load_source_network

__all__ = ["alpaca_model_test", "compile_for_fine_tuning_test", "data_augmenter_test", "pictures"]

AUGMENTER = {"cls": "Sequential", "layers": [
    {"cls": "RandomFlip", "config": {"mode": "horizontal"}},
    {"cls": "RandomRotation", "config": {"factor": [-0.2, 0.2]}},
]}
#: What alpaca_model_test passes as data_augmentation: the model must use the layer it is given.
TEST_AUGMENTATION = {"cls": "Sequential", "layers": [{"cls": "RandomFlip", "config": {"mode": "horizontal"}}]}
BASE_PARAMS, HEAD_PARAMS = 410208, 1281


def pictures(m=4, shape=IMG_SIZE + (3,), seed=0):
    """``m`` float32 pictures of ``shape`` with pixel values 0..255: smooth colour gradients plus noise."""
    rng = np.random.default_rng(seed)
    height, width, _ = shape
    ramp = np.linspace(0, 1, height)[:, None, None] * np.linspace(1, 0, width)[None, :, None]
    colours = rng.uniform(0, 255, (m, 1, 1, 3))
    return np.clip(colours * ramp + rng.normal(0, 20, (m, *shape)), 0, 255).astype(np.float32)


def _is_model(value):
    return hasattr(value, "get_config") and hasattr(value, "layers") and callable(getattr(value, "fit", None))


def data_augmenter_test(target):
    check = Checker("data_augmenter")
    augmenter = check.call(target, case="data_augmenter()")
    check.true("returns a tf.keras.Sequential", type(augmenter).__name__ == "Sequential",
               f"a Sequential expected, got {type(augmenter).__name__}")
    check.same("layers RandomFlip('horizontal') → RandomRotation(0.2)", ModelSummary.from_plain(AUGMENTER),
               summarize_model(augmenter))
    images = pictures(2)
    check.same("leaves pictures unchanged in inference mode", images, np.asarray(augmenter(images, training=False)),
               rtol=1e-6, atol=1e-4)
    changed = not np.allclose(np.asarray(augmenter(pictures(8), training=True)), pictures(8), atol=1e-3)
    check.true("changes pictures in training mode", changed, "the pictures came back unchanged with training=True")
    check.done()


def _expected_alpaca(image_shape):
    """The expected summary of ``alpaca_model(image_shape)``, its base a fresh frozen pretrained one."""
    base = load_pretrained_mobilenet(image_shape + (3,))
    base.trainable = False
    base_summary = summarize_model(base).to_plain()
    n_H, n_W = base.output.shape[1:3]
    return ModelSummary.from_plain({
        "cls": "Functional", "params": BASE_PARAMS + HEAD_PARAMS, "inputs": [[None, *image_shape, 3]],
        "outputs": [[None, 1]],
        "layers": [
            {"cls": "InputLayer", "output_shape": [None, *image_shape, 3], "params": 0},
            TEST_AUGMENTATION,
            base_summary,
            {"cls": "GlobalAveragePooling2D", "output_shape": [None, 1280], "params": 0},
            {"cls": "Dropout", "config": {"rate": 0.2}, "output_shape": [None, 1280], "params": 0},
            {"cls": "Dense", "config": {"units": 1, "activation": "linear"}, "output_shape": [None, 1],
             "params": HEAD_PARAMS},
        ],
    }), (n_H, n_W)


def alpaca_model_test(target):
    from tensorflow.keras.applications.mobilenet_v2 import preprocess_input

    import keras

    check = Checker("alpaca_model")
    augmentation = keras.Sequential([keras.layers.RandomFlip("horizontal")], name="test_augmentation")
    model = check.call(lambda: target(IMG_SIZE, augmentation), case="alpaca_model(IMG_SIZE, a test augmentation)")
    check.true("returns a Keras Model", _is_model(model), f"a Keras Model expected, got {type(model).__name__}")
    expected, _ = _expected_alpaca(IMG_SIZE)
    summary = summarize_model(model)
    check.same("input → data_augmentation → base → pooling → dropout → Dense(1), layer by layer", expected, summary)
    trainable = sum(int(np.prod(w.shape)) for w in model.trainable_weights)
    check.same("trainable parameters (the head only)", HEAD_PARAMS, trainable)
    images = pictures(3)
    features = np.asarray(model.get_layer(index=2)(preprocess_input(images.copy()), training=False)).mean(axis=(1, 2))
    kernel, bias = model.layers[-1].get_weights()
    check.same("logits of 3 pictures (pixels scaled by preprocess_input, inference mode)", features @ kernel + bias,
               np.asarray(model(images, training=False)), rtol=1e-4, atol=1e-4)
    check.done()


def _compile_problem(config, base_learning_rate):
    """``None`` when ``model.get_compile_config()`` is binary cross-entropy on logits, Adam at a tenth of the base
    learning rate and accuracy; otherwise what differs."""
    loss, optimizer = config.get("loss") or {}, config.get("optimizer") or {}
    if not isinstance(loss, dict) or loss.get("class_name") != "BinaryCrossentropy":
        return f"loss: BinaryCrossentropy expected, got {loss.get('class_name') if isinstance(loss, dict) else loss!r}"
    if loss["config"].get("from_logits") is not True:
        return "loss: from_logits=True expected (the model outputs a logit), got from_logits=False"
    if not isinstance(optimizer, dict) or optimizer.get("class_name") != "Adam":
        name = optimizer.get("class_name") if isinstance(optimizer, dict) else optimizer
        return f"optimizer: Adam expected, got {name!r}"
    learning_rate = optimizer["config"].get("learning_rate")
    if not isinstance(learning_rate, float) or not np.isclose(learning_rate, 0.1 * base_learning_rate, rtol=1e-5):
        return f"optimizer: learning rate {0.1 * base_learning_rate:g} expected (0.1 × base_learning_rate), got {learning_rate!r}"
    if config.get("metrics") not in (["accuracy"], ["acc"]):
        return f"metrics: ['accuracy'] expected, got {config.get('metrics')!r}"
    return None


def compile_for_fine_tuning_test(target):
    check = Checker("compile_for_fine_tuning")
    network = load_source_network(frozen=True)
    base = network.get_layer(BASE_NAME)
    model = check.call(lambda: target(network, base_learning_rate=0.01, fine_tune_at=100),
                       case="the source network, base_learning_rate=0.01, fine_tune_at=100")
    check.true("returns the model", model is network, f"the model passed in expected, got {type(model).__name__}")
    check.true("the base is trainable", base.trainable, "base_model.trainable is False; set it to True first")
    flags = [layer.trainable for layer in base.layers]
    frozen = [i for i, flag in enumerate(flags) if not flag]
    check.same("frozen layers of the base: 0 to 99", list(range(100)), frozen)
    check.true("compiled", getattr(model, "compiled", False), "the model is not compiled")
    problem = _compile_problem(model.get_compile_config(), 0.01)
    check.true("BinaryCrossentropy(from_logits=True), Adam(0.001), ['accuracy']", problem is None, problem)
    check.done()

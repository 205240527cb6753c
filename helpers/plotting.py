"""Figures every course draws: cost and learning curves, grids of images, the colour palette.

Each function draws on the axes you pass, or creates a figure when ``ax`` is None, labels
what it draws and returns the axes (or the figure, for grids of images). Nothing here calls
``plt.show()`` or changes matplotlib's global style. Colours come from the Okabe-Ito palette,
which stays distinguishable for readers with colour-vision deficiencies. A topic's own figures
live with its data and widget (:mod:`helpers.planar`, :mod:`helpers.convolution`, ...).
"""
import math

import matplotlib.pyplot as plt
import numpy as np

__all__ = [
    "as_costs",
    "COLOR_CYCLE",
    "new_axes",
    "OKABE_ITO",
    "plot_cost_comparison",
    "plot_history",
    "plot_costs",
    "plot_image_grid",
    "plot_learning_curves",
    "plot_misclassified",
]


#: The Okabe-Ito colour-blind-safe palette, in the order the curves use it.
OKABE_ITO = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "bluish_green": "#009E73",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "sky_blue": "#56B4E9",
    "yellow": "#F0E442",
    "black": "#000000",
}


COLOR_CYCLE = tuple(OKABE_ITO.values())


def as_costs(costs):
    """Costs as a 1-D float array; accepts lists of floats, 0-d arrays or (1, 1) arrays."""
    return np.array([float(np.squeeze(cost)) for cost in costs], dtype=float)


def new_axes(ax, figsize=(6, 4)):
    if ax is None:
        _, ax = plt.subplots(figsize=figsize, layout="constrained")
    return ax


def plot_costs(costs, *, learning_rate=None, every=100, ax=None):
    """Plot the cost recorded during gradient descent against the iteration number.

    Parameters
    ----------
    costs : sequence of float, length k
        ``costs[i]`` is the cost at iteration ``i * every``, as ``optimize`` records it.
    learning_rate : float, optional, keyword-only
        Shown in the title when given.
    every : int, default 100, keyword-only
        Iterations between two recorded costs.
    ax : matplotlib Axes, optional, keyword-only
        Where to draw; a new figure is created when None.

    Returns
    -------
    ax : matplotlib Axes
    """
    ax = new_axes(ax)
    costs = as_costs(costs)
    ax.plot(np.arange(len(costs)) * every, costs, color=OKABE_ITO["blue"], marker="." if len(costs) < 30 else None)
    ax.set_xlabel("iteration")
    ax.set_ylabel("cost")
    title = "Cost during training"
    if learning_rate is not None:
        title += f" (learning rate = {learning_rate:g})"
    ax.set_title(title)
    ax.grid(alpha=0.3)
    return ax


def plot_cost_comparison(costs_by_label, *, every=100, ax=None):
    """Plot several cost curves on one axes, e.g. one per learning rate.

    Parameters
    ----------
    costs_by_label : dict of {label: sequence of float}
        Each curve's legend label (any object; shown with ``str``) and its costs, recorded
        every ``every`` iterations.
    every : int, default 100, keyword-only
        Iterations between two recorded costs.
    ax : matplotlib Axes, optional, keyword-only
        Where to draw; a new figure is created when None.

    Returns
    -------
    ax : matplotlib Axes

    Examples
    --------
    >>> ax = plot_cost_comparison({"learning rate 0.01": [0.69, 0.5, 0.4],
    ...                            "learning rate 0.001": [0.69, 0.65, 0.62]})
    """
    ax = new_axes(ax, figsize=(7.5, 4))
    for index, (label, costs) in enumerate(costs_by_label.items()):
        costs = as_costs(costs)
        ax.plot(np.arange(len(costs)) * every, costs, color=COLOR_CYCLE[index % len(COLOR_CYCLE)], label=str(label))
    ax.set_xlabel("iteration")
    ax.set_ylabel("cost")
    ax.set_title("Cost during training, compared")
    ax.grid(alpha=0.3)
    if costs_by_label:
        ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1), borderaxespad=0)  # outside: never over a curve
    return ax


def plot_learning_curves(iterations, costs, train_accuracy, test_accuracy, *, axes=None):
    """Plot the cost and the train / test accuracy against the iteration, side by side.

    Parameters
    ----------
    iterations : sequence of int, length k
        Iteration at which each value below was measured.
    costs : sequence of float, length k
        Training cost at each of ``iterations``.
    train_accuracy, test_accuracy : sequence of float, length k
        Accuracy in percent (0..100) on the training and on the test set.
    axes : pair of matplotlib Axes, optional, keyword-only
        Where to draw the cost and the accuracy; a new figure with two axes is created when None.

    Returns
    -------
    axes : tuple of two matplotlib Axes
        The cost axes and the accuracy axes.
    """
    if axes is None:
        _, axes = plt.subplots(1, 2, figsize=(10, 3.8), layout="constrained")
    ax_cost, ax_accuracy = axes
    iterations = np.asarray(iterations)

    ax_cost.plot(iterations, as_costs(costs), color=OKABE_ITO["blue"])
    ax_cost.set_xlabel("iteration")
    ax_cost.set_ylabel("cost")
    ax_cost.set_title("Training cost")
    ax_cost.grid(alpha=0.3)

    train_accuracy = np.asarray(train_accuracy, dtype=float)
    test_accuracy = np.asarray(test_accuracy, dtype=float)
    ax_accuracy.plot(iterations, train_accuracy, color=OKABE_ITO["blue"], label="train")
    ax_accuracy.plot(iterations, test_accuracy, color=OKABE_ITO["orange"], linestyle="--", label="test")
    ax_accuracy.set_xlabel("iteration")
    ax_accuracy.set_ylabel("accuracy (%)")
    ax_accuracy.set_title("Accuracy")
    values = np.concatenate([train_accuracy, test_accuracy])
    values = values[np.isfinite(values)]
    if values.size:
        ax_accuracy.set_ylim(max(0.0, values.min() - 5), 101)
    ax_accuracy.grid(alpha=0.3)
    ax_accuracy.legend(loc="lower right")
    return ax_cost, ax_accuracy


def plot_history(history, *, loss_name="loss", axes=None):
    """The learning curves of a Keras ``fit``: :func:`plot_learning_curves` of its ``History``, by epoch.

    Parameters
    ----------
    history : keras.callbacks.History
        What ``model.fit(..., validation_data=...)`` returns, with ``accuracy`` as a metric.
    loss_name : str, keyword-only
        The loss, for the title (e.g. ``"binary cross-entropy"``).
    axes : pair of matplotlib Axes, optional, keyword-only

    Returns
    -------
    ax_cost, ax_accuracy : matplotlib Axes
    """
    curves = history.history
    epochs = np.arange(1, len(curves["loss"]) + 1)
    ax_cost, ax_accuracy = plot_learning_curves(epochs, curves["loss"], 100 * np.array(curves["accuracy"]),
                                                100 * np.array(curves["val_accuracy"]), axes=axes)
    ax_cost.set(xlabel="epoch", title=f"Training loss ({loss_name})")
    ax_accuracy.set_xlabel("epoch")
    return ax_cost, ax_accuracy


def _show_image(ax, image, cmap):
    image = np.asarray(image)
    if image.ndim == 3 and image.shape[-1] == 1:
        image = image[..., 0]
    if image.ndim == 2:
        if image.dtype == np.uint8:
            limits = {"vmin": 0, "vmax": 255}
        elif image.dtype.kind == "f" and image.size and 0 <= np.nanmin(image) and np.nanmax(image) <= 1:
            limits = {"vmin": 0, "vmax": 1}
        else:
            limits = {}
        ax.imshow(image, cmap=cmap, **limits)
    elif image.ndim == 3 and image.shape[-1] in (3, 4):
        ax.imshow(image)
    else:
        raise ValueError(f"cannot show an image of shape {image.shape}; expected (h, w), (h, w, 1) or (h, w, 3)")


def plot_image_grid(images, titles=None, *, ncols=8, cmap="gray", figsize_per_image=1.4):
    """Show images in a grid, each with an optional title.

    Parameters
    ----------
    images : sequence of ndarray of shape (h, w), (h, w, 1) or (h, w, 3), or ndarray of shape (n, h, w[, c])
        Grayscale images (one channel) are drawn with ``cmap``; uint8 images on the 0..255
        scale and float images in [0, 1] on the 0..1 scale.
    titles : sequence of str, optional
        One title per image.
    ncols : int, default 8, keyword-only
        Images per row (fewer when there are fewer images).
    cmap : str, default "gray", keyword-only
        Colour map for grayscale images.
    figsize_per_image : float, default 1.4, keyword-only
        Width and height of each cell, in inches.

    Returns
    -------
    fig : matplotlib Figure
        With one axes per grid cell; an empty list gives a figure saying "nothing to show".
    """
    images = list(images)
    if titles is not None:
        titles = [str(title) for title in titles]
        if len(titles) != len(images):
            raise ValueError(f"got {len(images)} images but {len(titles)} titles")
    if not images:
        fig, ax = plt.subplots(figsize=(3, 1), layout="constrained")
        ax.text(0.5, 0.5, "nothing to show", ha="center", va="center")
        ax.set_axis_off()
        return fig

    ncols = max(1, min(int(ncols), len(images)))
    nrows = math.ceil(len(images) / ncols)
    title_height = 0.25 if titles is not None else 0.0
    fig, axes = plt.subplots(
        nrows, ncols, squeeze=False, layout="constrained",
        figsize=(ncols * figsize_per_image, nrows * (figsize_per_image + title_height)),
    )
    for index, ax in enumerate(axes.flat):
        if index >= len(images):
            ax.set_axis_off()
            continue
        _show_image(ax, images[index], cmap)
        ax.set_xticks([])
        ax.set_yticks([])
        if titles is not None:
            ax.set_title(titles[index], fontsize=8)
    return fig


def _class_name(classes, label):
    name = classes[int(label)]
    return name.decode() if isinstance(name, bytes) else str(name)


def plot_misclassified(images, Y, Y_prediction, classes, *, max_images=16, ncols=8):
    """Show the examples the model got wrong, each titled "true class → predicted class".

    Parameters
    ----------
    images : ndarray of shape (m, h, w) or (m, h, w, c)
        The images before flattening (e.g. ``test_set_x_orig``), in the order of ``Y``.
    Y : ndarray of shape (1, m)
        True labels, 0 or 1.
    Y_prediction : ndarray of shape (1, m)
        Predicted labels, 0 or 1.
    classes : sequence of str, length 2
        ``classes[label]`` names a label.
    max_images : int, default 16, keyword-only
        Show at most this many (the first ones).
    ncols : int, default 8, keyword-only
        Images per row.

    Returns
    -------
    fig : matplotlib Figure
        Its title counts the mistakes: "k of m misclassified".
    """
    images = np.asarray(images)
    if images.ndim not in (3, 4):
        raise ValueError(
            f"images must have shape (m, h, w) or (m, h, w, c), got {images.shape}; "
            "pass the images before flattening, e.g. test_set_x_orig"
        )
    Y = np.asarray(Y).ravel()
    Y_prediction = np.asarray(Y_prediction).ravel()
    m = len(images)
    if Y.size != m or Y_prediction.size != m:
        raise ValueError(f"{m} images, but Y has {Y.size} labels and Y_prediction {Y_prediction.size}")

    wrong = np.flatnonzero(np.round(Y_prediction).astype(int) != np.round(Y).astype(int))
    shown = wrong[:max_images]
    titles = [f"{_class_name(classes, Y[i])} → {_class_name(classes, Y_prediction[i])}" for i in shown]
    fig = plot_image_grid(images[shown], titles, ncols=ncols)
    title = f"{len(wrong)} of {m} misclassified"
    if len(wrong) > len(shown):
        title += f" (the first {len(shown)} shown)"
    fig.suptitle(title + "  ·  true → predicted")
    return fig

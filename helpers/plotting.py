"""Figures the notebooks draw: cost curves, learning curves, image grids, decision boundaries.

Each function draws on the axes you pass, or creates a figure when ``ax`` is None, labels
what it draws and returns the axes (or the figure, for grids of images). Nothing here calls
``plt.show()`` or changes matplotlib's global style. Colours come from the Okabe-Ito palette,
which stays distinguishable for readers with colour-vision deficiencies.
"""
import math

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import ListedColormap

__all__ = [
    "OKABE_ITO",
    "plot_cost_comparison",
    "plot_costs",
    "plot_decision_boundary",
    "plot_image_grid",
    "plot_convolution_step",
    "plot_gate_activations",
    "plot_learning_curves",
    "plot_learning_rate_schedules",
    "plot_model_comparison",
    "plot_optimizer_paths",
    "plot_2d_dataset",
    "plot_epsilon_sweep",
    "plot_gradient_differences",
    "plot_misclassified",
    "plot_hyperparameter_sweep",
    "plot_search_comparison",
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
_CYCLE = tuple(OKABE_ITO.values())
_CLASS_COLORS = (OKABE_ITO["vermillion"], OKABE_ITO["blue"])  # y = 0, y = 1


def _as_costs(costs):
    """Costs as a 1-D float array; accepts lists of floats, 0-d arrays or (1, 1) arrays."""
    return np.array([float(np.squeeze(cost)) for cost in costs], dtype=float)


def _new_axes(ax, figsize=(6, 4)):
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
    ax = _new_axes(ax)
    costs = _as_costs(costs)
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
    ax = _new_axes(ax, figsize=(7.5, 4))
    for index, (label, costs) in enumerate(costs_by_label.items()):
        costs = _as_costs(costs)
        ax.plot(np.arange(len(costs)) * every, costs, color=_CYCLE[index % len(_CYCLE)], label=str(label))
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

    ax_cost.plot(iterations, _as_costs(costs), color=OKABE_ITO["blue"])
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


def plot_decision_boundary(predict, X, Y, *, ax=None, resolution=200, title=None):
    """Colour the plane by the class a model predicts, and draw the data on top.

    Parameters
    ----------
    predict : callable
        Maps an ndarray of shape (2, k), one point per column, to predictions of shape
        (1, k) (or (k,)), each 0 or 1. For a model that takes one point per row, such as a
        scikit-learn classifier, pass ``lambda X: clf.predict(X.T)``.
    X : ndarray of shape (2, m)
        The data points, one per column.
    Y : ndarray of shape (1, m)
        Their labels, 0 or 1.
    ax : matplotlib Axes, optional, keyword-only
        Where to draw; a new figure is created when None.
    resolution : int, default 200, keyword-only
        Grid points along each axis.
    title : str, optional, keyword-only
        Defaults to "Decision boundary".

    Returns
    -------
    ax : matplotlib Axes
    """
    X, Y = _points_and_labels(X, Y)
    ax = _new_axes(ax, figsize=(6, 5))

    low, high = X.min(axis=1), X.max(axis=1)
    margin = np.where(high > low, 0.1 * (high - low), 1.0)
    x1 = np.linspace(low[0] - margin[0], high[0] + margin[0], resolution)
    x2 = np.linspace(low[1] - margin[1], high[1] + margin[1], resolution)
    grid_1, grid_2 = np.meshgrid(x1, x2)
    grid = np.vstack([grid_1.ravel(), grid_2.ravel()])
    Z = np.asarray(predict(grid), dtype=float)
    if Z.size != grid.shape[1]:
        raise ValueError(
            f"predict returned {Z.size} predictions for {grid.shape[1]} points; expected shape (1, k)"
        )
    Z = Z.reshape(grid_1.shape)

    ax.contourf(grid_1, grid_2, Z, levels=[-0.5, 0.5, 1.5], cmap=ListedColormap(_CLASS_COLORS), alpha=0.25)
    _scatter_classes(ax, X, Y)
    ax.set_xlim(x1[0], x1[-1])
    ax.set_ylim(x2[0], x2[-1])
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    ax.set_title("Decision boundary" if title is None else title)
    ax.legend(loc="upper right", framealpha=0.9)
    return ax


def plot_gate_activations(gates, *, inputs=None, axes=None):
    """Show how open each gate of a recurrent cell is, unit by unit, at every time step.

    Parameters
    ----------
    gates : dict of {str: ndarray of shape (n_a, T_x)}
        Each gate's name (used as the panel title, e.g. ``"forget gate $\\Gamma_f$"``) and its
        values for **one** example, between 0 (closed) and 1 (open), e.g. ``ft[:, 0, :]`` when
        ``ft`` stacks the forget gate of every step as ``(n_a, m, T_x)``.
    inputs : sequence of str, length T_x, optional, keyword-only
        What the cell read at each step, written under the time axis.
    axes : sequence of matplotlib Axes, one per gate, optional, keyword-only
        Where to draw; a new figure with one row per gate is created when None.

    Returns
    -------
    axes : list of matplotlib Axes
        One per gate, in the order of ``gates``.
    """
    if not gates:
        raise ValueError("gates must hold at least one gate")
    values = {name: np.asarray(gate, dtype=float) for name, gate in gates.items()}
    shapes = {gate.shape for gate in values.values()}
    if len(shapes) != 1 or len(next(iter(shapes))) != 2:
        raise ValueError(f"every gate must be an array of the same shape (n_a, T_x), got {sorted(shapes)}")
    n_a, T_x = next(iter(shapes))
    if inputs is not None and len(inputs) != T_x:
        raise ValueError(f"got {len(inputs)} inputs for {T_x} time steps")
    if axes is None:
        fig, axes = plt.subplots(len(values), 1, figsize=(max(6.0, 0.38 * T_x + 2.5), 1.2 + 0.32 * n_a * len(values)),
                                 sharex=True, squeeze=False, layout="constrained")
        axes = list(axes[:, 0])
    axes = list(axes)
    if len(axes) != len(values):
        raise ValueError(f"got {len(axes)} axes for {len(values)} gates")
    for ax, (name, gate) in zip(axes, values.items()):
        image = ax.imshow(gate, cmap="cividis", vmin=0, vmax=1, aspect="auto", interpolation="nearest")
        ax.set_title(name, fontsize=10, loc="left")
        ax.set_ylabel("unit")
        ax.set_yticks(range(n_a))
        ax.set_xticks(range(T_x))
        ax.set_xticklabels([str(t + 1) for t in range(T_x)] if inputs is None
                           else [f"{t + 1}\n{label}" for t, label in enumerate(inputs)], fontsize=8)
    axes[-1].set_xlabel("time step $t$" + ("" if inputs is None else " and the input read at that step"))
    axes[0].figure.colorbar(image, ax=axes, label="gate value (0 closed, 1 open)", shrink=0.9)
    return axes


def plot_convolution_step(image, kernel, *, stride=1, pad=0, position=(0, 0), kernel_name=None, axes=None):
    """Show one step of a convolution: the window on the padded input, the filter, and the output map.

    Parameters
    ----------
    image : ndarray of shape (h, w)
        A grayscale image, values in [0, 1].
    kernel : ndarray of shape (f, f)
        The filter, e.g. one of :data:`helpers.convolution.FILTERS`.
    stride : int, default 1, keyword-only
    pad : int, default 0, keyword-only
    position : pair of int, default (0, 0), keyword-only
        Row and column ``(h, w)`` of the output value to explain; its window starts at row
        ``h * stride`` and column ``w * stride`` of the padded input.
    kernel_name : str, optional, keyword-only
        Shown in the filter's title.
    axes : three matplotlib Axes, optional, keyword-only
        Where to draw the input, the filter and the output; a new figure is created when None.

    Returns
    -------
    axes : tuple of three matplotlib Axes
        The input, the filter and the output. The output's title gives its size with the
        formula :math:`n_H = \\lfloor (n_{H,prev} - f + 2\\,pad) / stride \\rfloor + 1` filled in.
    """
    from matplotlib.patches import Rectangle

    from helpers.convolution import conv_output_size, convolve_image

    image = np.asarray(image, dtype=float)
    kernel = np.asarray(kernel, dtype=float)
    if image.ndim != 2:
        raise ValueError(f"image must be grayscale, of shape (h, w), got {image.shape}")
    f = kernel.shape[0]
    n_H, n_W = conv_output_size(image.shape[0], f, pad, stride), conv_output_size(image.shape[1], f, pad, stride)
    h, w = (int(i) for i in position)
    if not (0 <= h < n_H and 0 <= w < n_W):
        raise ValueError(f"position {position} is outside the {n_H} x {n_W} output")
    output = convolve_image(image, kernel, stride=stride, pad=pad)
    if axes is None:  # fixed margins instead of a layout engine: this figure is redrawn by a widget
        _, axes = plt.subplots(1, 3, figsize=(12, 4.4), gridspec_kw={
            "width_ratios": [1, 0.62, 1], "left": 0.06, "right": 0.985, "bottom": 0.12, "top": 0.87, "wspace": 0.3})
    ax_input, ax_kernel, ax_output = axes
    color = OKABE_ITO["orange"]

    padded = np.pad(image, pad)
    ax_input.imshow(padded, cmap="gray", vmin=0, vmax=1, interpolation="nearest")
    if pad:
        ax_input.add_patch(Rectangle((pad - 0.5, pad - 0.5), image.shape[1], image.shape[0], fill=False,
                                     edgecolor=OKABE_ITO["sky_blue"], linestyle="--", lw=1))
    top, left = h * stride, w * stride
    ax_input.add_patch(Rectangle((left - 0.5, top - 0.5), f, f, fill=False, edgecolor=color, lw=2.5))
    ax_input.set_title(f"input {image.shape[0]} × {image.shape[1]}, padded with pad = {pad}", fontsize=10)
    ax_input.set_xlabel("column of the padded input")
    ax_input.set_ylabel("row of the padded input")

    limit = max(np.abs(kernel).max(), 1e-12)
    ax_kernel.imshow(kernel, cmap="PuOr", vmin=-limit, vmax=limit, interpolation="nearest")
    weights = ""
    if f <= 5:
        for (row, col), value in np.ndenumerate(kernel):
            ax_kernel.text(col, row, f"{value:.2g}", ha="center", va="center", fontsize=10 if f <= 3 else 8,
                           color="white" if abs(value) > 0.6 * limit else "black")
    elif np.all(kernel == kernel.flat[0]):
        weights = f", every weight {kernel.flat[0]:.3g}"
    ax_kernel.set_xticks(range(f))
    ax_kernel.set_yticks(range(f))
    window = padded[top:top + f, left:left + f]
    name = f"{kernel_name} " if kernel_name else ""
    ax_kernel.set_title(f"filter {name}({f} × {f}{weights})\nsum(window × filter) = {np.sum(window * kernel):.3f}",
                        fontsize=10)
    ax_kernel.set_xlabel("column")
    ax_kernel.set_ylabel("row")

    if np.isclose(kernel.sum(), 0):  # an edge detector: zero means "no edge", shown mid-grey
        out_limit = max(np.abs(output).max(), 1e-12)
        ax_output.imshow(output, cmap="gray", vmin=-out_limit, vmax=out_limit, interpolation="nearest")
    else:
        ax_output.imshow(output, cmap="gray", interpolation="nearest")
    ax_output.add_patch(Rectangle((w - 0.5, h - 0.5), 1, 1, fill=False, edgecolor=color, lw=2.5))
    ax_output.set_title(
        f"output {n_H} × {n_W}: "
        rf"$n_H = \lfloor ({image.shape[0]} - {f} + 2 \cdot {pad}) / {stride} \rfloor + 1 = {n_H}$",
        fontsize=10)
    ax_output.set_xlabel("column $w$ of the output")
    ax_output.set_ylabel("row $h$ of the output")
    return ax_input, ax_kernel, ax_output


def _points_and_labels(X, Y):
    """X as a float array of shape (2, m) and Y flattened to its m labels; a clear error otherwise."""
    X = np.asarray(X, dtype=float)
    Y = np.asarray(Y).ravel()
    if X.ndim != 2 or X.shape[0] != 2:
        raise ValueError(f"X must have shape (2, m), got {X.shape}")
    if Y.size != X.shape[1]:
        raise ValueError(f"X has {X.shape[1]} points but Y has {Y.size} labels")
    return X, Y


def _scatter_classes(ax, X, Y):
    """Draw labelled 2-D points: y = 0 as vermillion circles, y = 1 as blue squares."""
    for label, (color, marker) in enumerate(zip(_CLASS_COLORS, ("o", "s"))):
        points = X[:, Y == label]
        ax.scatter(points[0], points[1], s=18, color=color, marker=marker,
                   edgecolors="black", linewidths=0.4, label=f"y = {label}")


def plot_2d_dataset(X, Y, *, ax=None, title=None):
    """Draw a two-dimensional data set, one marker and colour per class.

    Parameters
    ----------
    X : ndarray of shape (2, m)
        The points, one per column.
    Y : ndarray of shape (1, m)
        Their labels, 0 or 1.
    ax : matplotlib Axes, optional, keyword-only
        Where to draw; a new figure is created when None.
    title : str, optional, keyword-only
        Defaults to "The data".

    Returns
    -------
    ax : matplotlib Axes
    """
    X, Y = _points_and_labels(X, Y)
    ax = _new_axes(ax, figsize=(5.5, 4.5))
    _scatter_classes(ax, X, Y)
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    ax.set_title("The data" if title is None else title)
    ax.legend(loc="upper right", framealpha=0.9)
    return ax


def plot_model_comparison(predicts, costs, X, Y, *, every=100, unit="iteration", notes=None, axes=None):
    """Compare models side by side: decision boundaries on top, cost curves below, one column each.

    The cost panels share their vertical axis, so the curves compare at a glance. A cost
    that is not finite (``inf``, as when a network starts out certain and wrong) cannot be
    drawn as a point: it is marked by a triangle at the top edge of its panel.

    Parameters
    ----------
    predicts : dict of {str: callable}
        Each model's name and its prediction function, which maps an ndarray of shape
        (2, k) to labels of shape (1, k) (see :func:`plot_decision_boundary`).
    costs : dict of {str: sequence of float}
        The same names, each with the costs recorded every ``every`` iterations (or epochs).
    X : ndarray of shape (2, m)
        The points drawn over the boundaries.
    Y : ndarray of shape (1, m)
        Their labels, 0 or 1.
    every : int, default 100, keyword-only
        Iterations (or epochs) between two recorded costs.
    unit : str, default "iteration", keyword-only
        What the horizontal axis of the cost panels counts.
    notes : dict of {str: str}, optional, keyword-only
        A second line under a model's name in its titles, e.g. its accuracies.
    axes : ndarray of matplotlib Axes of shape (2, k), optional, keyword-only
        Where to draw; a new figure is created when None.

    Returns
    -------
    axes : ndarray of matplotlib Axes of shape (2, k)
    """
    names = list(predicts)
    if not names:
        raise ValueError("predicts must hold at least one model")
    if set(costs) != set(names):
        raise ValueError(f"predicts and costs must name the same models, got {names} and {list(costs)}")
    notes = notes or {}
    if axes is None:
        _, axes = plt.subplots(2, len(names), figsize=(4.6 * len(names), 8.2), squeeze=False,
                               layout="constrained", gridspec_kw={"height_ratios": [1.25, 1]})
    axes = np.asarray(axes).reshape(2, len(names))
    curves = {name: _as_costs(costs[name]) for name in names}
    finite = np.concatenate([curve[np.isfinite(curve)] for curve in curves.values()] + [np.zeros(0)])
    low, high = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
    margin = 0.08 * (high - low) if high > low else 0.1
    top = high + margin

    for column, name in enumerate(names):
        title = name if name not in notes else f"{name}\n{notes[name]}"
        plot_decision_boundary(predicts[name], X, Y, ax=axes[0, column], title=title)
        ax = axes[1, column]
        curve = curves[name]
        steps = np.arange(len(curve)) * every
        color = _CYCLE[column % len(_CYCLE)]
        ax.plot(steps, np.where(np.isfinite(curve), curve, np.nan), color=color,
                marker="." if len(curve) < 30 else None)
        bad = ~np.isfinite(curve)
        if bad.any():
            ax.plot(steps[bad], np.full(bad.sum(), top), linestyle="none", marker="^", markersize=9,
                    color=OKABE_ITO["vermillion"], clip_on=False, label="cost = inf (off the scale)")
            ax.legend(loc="upper right", framealpha=0.9)
        ax.set_ylim(low - margin, top + margin)
        ax.set_xlabel(unit)
        ax.set_ylabel("cost")
        ax.set_title(f"Cost: {name}")
        ax.grid(alpha=0.3)
    return axes


def plot_optimizer_paths(surface, paths, *, ax=None, title=None):
    """Draw the paths of several optimizers over the contour map of a two-dimensional loss.

    Parameters
    ----------
    surface : helpers.loss_surfaces.LossSurface
        Anything with ``f(x, y)`` (vectorized), ``xlim``, ``ylim``, ``start``, ``minima``,
        ``min_value`` and ``name``.
    paths : dict of {str: ndarray of shape (k, 2)}
        Each optimizer's name and the points it visited, the start first.
    ax : matplotlib Axes, optional, keyword-only
        Where to draw; a new figure is created when None.
    title : str, optional, keyword-only
        Defaults to the surface's name.

    Returns
    -------
    ax : matplotlib Axes
    """
    ax = _new_axes(ax, figsize=(6.5, 5))
    x = np.linspace(*surface.xlim, 160)
    y = np.linspace(*surface.ylim, 160)
    grid_x, grid_y = np.meshgrid(x, y)
    height = surface.f(grid_x, grid_y) - surface.min_value
    levels = np.geomspace(max(float(height.max()) * 1e-4, 1e-4), float(height.max()), 14)
    ax.contourf(grid_x, grid_y, height, levels=np.concatenate([[0], levels]), cmap="Greys", alpha=0.45)
    ax.contour(grid_x, grid_y, height, levels=levels, colors="grey", linewidths=0.5, alpha=0.8)
    for index, (name, path) in enumerate(paths.items()):
        path = np.asarray(path, dtype=float)
        ax.plot(path[:, 0], path[:, 1], color=_CYCLE[index % len(_CYCLE)], linewidth=1.8,
                marker="o", markersize=2.5, label=name)
    ax.plot(*surface.start, marker="o", markersize=9, color=OKABE_ITO["black"], linestyle="none", label="start")
    minima = np.asarray(surface.minima, dtype=float)
    ax.plot(minima[:, 0], minima[:, 1], marker="*", markersize=15, color=OKABE_ITO["yellow"],
            markeredgecolor="black", linestyle="none", label="minimum")
    ax.set_xlim(*surface.xlim)
    ax.set_ylim(*surface.ylim)
    ax.set_xlabel("parameter $x$")
    ax.set_ylabel("parameter $y$")
    ax.set_title(surface.name if title is None else title)
    ax.legend(loc="lower right", fontsize=8, framealpha=0.9)
    return ax


def plot_learning_rate_schedules(rates_by_label, *, ax=None):
    """Plot how the learning rate changes from epoch to epoch under several schedules.

    Parameters
    ----------
    rates_by_label : dict of {str: sequence of float}
        Each schedule's name and its learning rate at epochs 0, 1, 2, ...
    ax : matplotlib Axes, optional, keyword-only
        Where to draw; a new figure is created when None.

    Returns
    -------
    ax : matplotlib Axes
    """
    ax = _new_axes(ax, figsize=(7, 3.8))
    for index, (label, rates) in enumerate(rates_by_label.items()):
        rates = np.asarray(rates, dtype=float)
        ax.plot(np.arange(len(rates)), rates, color=_CYCLE[index % len(_CYCLE)], label=str(label))
    ax.set_yscale("log")
    ax.set_xlabel("epoch")
    ax.set_ylabel("learning rate")
    ax.set_title("Learning-rate schedules")
    ax.grid(alpha=0.3, which="both")
    if rates_by_label:
        ax.legend(loc="center right")
    return ax


def plot_gradient_differences(differences, *, threshold=2e-7, ax=None):
    """Bar chart, on a log scale, of the relative differences found by gradient checks.

    Shaded bands read the verdict: below ``threshold`` the gradients agree, above 1e-3 there
    is almost surely a bug, and in between you should look closer.

    Parameters
    ----------
    differences : dict of {str: float}
        Each check's name and its relative difference
        ``||grad - gradapprox|| / (||grad|| + ||gradapprox||)``.
    threshold : float, default 2e-7, keyword-only
        Where "agree" ends.
    ax : matplotlib Axes, optional, keyword-only
        Where to draw; a new figure is created when None.

    Returns
    -------
    ax : matplotlib Axes
    """
    ax = _new_axes(ax, figsize=(7.5, 4))
    names = [str(name) for name in differences]
    values = np.array([float(value) for value in differences.values()])
    shown = np.clip(values, 1e-16, None)
    low, high = min(1e-12, shown.min() / 10), max(1.0, shown.max() * 10)
    ax.axhspan(low, threshold, color=OKABE_ITO["bluish_green"], alpha=0.15, label=f"agree (< {threshold:g})")
    ax.axhspan(threshold, 1e-3, color=OKABE_ITO["yellow"], alpha=0.2, label="look closer")
    ax.axhspan(1e-3, high, color=OKABE_ITO["vermillion"], alpha=0.15, label="a bug (> 1e-3)")
    bars = ax.bar(names, shown, color=OKABE_ITO["blue"], width=0.55)
    for bar, value in zip(bars, values):
        ax.annotate(f"{value:.1e}", (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                    xytext=(0, 3), textcoords="offset points", ha="center", fontsize=9)
    ax.set_yscale("log")
    ax.set_ylim(low, high)
    ax.set_ylabel("relative difference")
    ax.set_title("Gradient checks: backward pass against finite differences")
    ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1), borderaxespad=0)
    return ax


def plot_epsilon_sweep(epsilons, differences, *, chosen=None, ax=None):
    """Plot the relative difference of a gradient check against the nudge ``epsilon``, log-log.

    Parameters
    ----------
    epsilons : sequence of float
    differences : sequence of float
        The relative difference the check found with each epsilon.
    chosen : float, optional, keyword-only
        An epsilon to mark with a dashed vertical line, e.g. the one used by default.
    ax : matplotlib Axes, optional, keyword-only
        Where to draw; a new figure is created when None.

    Returns
    -------
    ax : matplotlib Axes
    """
    ax = _new_axes(ax, figsize=(6.5, 4))
    epsilons = np.asarray(epsilons, dtype=float)
    differences = np.asarray(differences, dtype=float)
    if epsilons.shape != differences.shape:
        raise ValueError(f"got {epsilons.size} epsilons but {differences.size} differences")
    ax.loglog(epsilons, np.clip(differences, 1e-16, None), color=OKABE_ITO["blue"], marker="o")
    if chosen is not None:
        ax.axvline(chosen, color=OKABE_ITO["vermillion"], linestyle="--", label=rf"$\varepsilon$ = {chosen:g}")
        ax.legend(loc="upper center")
    ax.set_xlabel(r"$\varepsilon$")
    ax.set_ylabel("relative difference")
    ax.set_title(r"A correct backward pass, checked with different $\varepsilon$")
    ax.grid(alpha=0.3, which="both")
    return ax


def plot_hyperparameter_sweep(values, results_by_label, *, xlabel, ylabel, title=None, log_x=True, ax=None):
    """Plot a result (e.g. the final cost) against a hyperparameter, one line per model.

    A result that is not finite (a run that diverged) cannot be drawn as a point: it is
    marked by a triangle at the top edge of the axes.

    Parameters
    ----------
    values : sequence of float, length k
        The hyperparameter values tried, e.g. learning rates.
    results_by_label : dict of {str: sequence of float, length k}
        Each model's name and its result for each value.
    xlabel, ylabel : str, keyword-only
    title : str, optional, keyword-only
        Defaults to "<ylabel> against <xlabel>".
    log_x : bool, default True, keyword-only
        Logarithmic horizontal axis, for hyperparameters searched on a log scale.
    ax : matplotlib Axes, optional, keyword-only
        Where to draw; a new figure is created when None.

    Returns
    -------
    ax : matplotlib Axes
    """
    ax = _new_axes(ax, figsize=(6.5, 4))
    values = np.asarray(values, dtype=float)
    curves = {label: np.asarray(results, dtype=float) for label, results in results_by_label.items()}
    for label, curve in curves.items():
        if curve.shape != values.shape:
            raise ValueError(f"{label!r} has {curve.size} results for {values.size} values")
    finite = np.concatenate([c[np.isfinite(c)] for c in curves.values()] + [np.zeros(0)])
    low, high = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
    margin = 0.08 * (high - low) if high > low else 0.1
    markers = ("o", "s", "D", "^", "v")
    for index, (label, curve) in enumerate(curves.items()):
        color = _CYCLE[index % len(_CYCLE)]
        ax.plot(values, np.where(np.isfinite(curve), curve, np.nan), color=color,
                marker=markers[index % len(markers)], label=str(label))
        bad = ~np.isfinite(curve)
        if bad.any():
            ax.plot(values[bad], np.full(bad.sum(), high + margin), linestyle="none", marker="^", markersize=9,
                    color=color, clip_on=False)
    if log_x:
        ax.set_xscale("log")
    ax.set_ylim(low - margin, high + 2 * margin)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.set_title(f"{ylabel[:1].upper()}{ylabel[1:]} against {xlabel}" if title is None else title)
    ax.grid(alpha=0.3, which="both")
    if curves:
        ax.legend(loc="best", framealpha=0.9)
    return ax


def plot_search_comparison(objective, grid_points, random_points, *, bounds,
                           names=(r"learning rate $\alpha$", r"Adam's $\varepsilon$"), axes=None):
    """Grid search against random search with the same budget, over the map of the objective.

    Left: the objective as a heat map over the two hyperparameters (both on a log scale), the
    grid's trials as squares, the random trials as circles, and the best trial of each as a
    star. Right: the objective along the first hyperparameter only (the second at its best
    value), with a tick for every distinct value each strategy tried and a dashed line at the
    best result each found.

    Parameters
    ----------
    objective : callable
        ``objective(h1, h2) -> value`` to maximise, vectorized (e.g. a validation accuracy).
    grid_points, random_points : ndarray of shape (2, k)
        The trials of each strategy, one per column: the first hyperparameter, then the second.
    bounds : pair of (low, high), keyword-only
        The range of each hyperparameter, both positive (log scale).
    names : pair of str, keyword-only
        Axis labels of the two hyperparameters.
    axes : pair of matplotlib Axes, optional, keyword-only
        Where to draw; a new figure is created when None.

    Returns
    -------
    axes : tuple of two matplotlib Axes
        The map and the one-dimensional view.
    """
    grid_points = np.asarray(grid_points, dtype=float)
    random_points = np.asarray(random_points, dtype=float)
    for points in (grid_points, random_points):
        if points.ndim != 2 or points.shape[0] != 2:
            raise ValueError(f"points must have shape (2, k), got {points.shape}")
    if axes is None:
        _, axes = plt.subplots(1, 2, figsize=(12, 4.8), layout="constrained", gridspec_kw={"width_ratios": [1.1, 1]})
    ax_map, ax_line = axes
    (x_low, x_high), (y_low, y_high) = bounds
    xs = np.logspace(np.log10(x_low), np.log10(x_high), 200)
    ys = np.logspace(np.log10(y_low), np.log10(y_high), 120)
    grid_x, grid_y = np.meshgrid(xs, ys)
    surface = objective(grid_x, grid_y)
    image = ax_map.pcolormesh(grid_x, grid_y, surface, cmap="cividis", shading="auto")
    ax_map.figure.colorbar(image, ax=ax_map, label="objective (higher is better)")
    styles = {"grid search": (grid_points, "s", OKABE_ITO["orange"]),
              "random search": (random_points, "o", OKABE_ITO["sky_blue"])}
    best = {}
    for label, (points, marker, color) in styles.items():
        values = objective(points[0], points[1])
        best[label] = (float(np.max(values)), points[:, int(np.argmax(values))], len(np.unique(points[0])))
        ax_map.scatter(points[0], points[1], marker=marker, s=42, color=color, edgecolors="black",
                       linewidths=0.6, label=f"{label} ({points.shape[1]} trials)", zorder=3, clip_on=False)
        ax_map.scatter(*best[label][1], marker="*", s=260, color=color, edgecolors="black", linewidths=0.8, zorder=4,
                       clip_on=False)
    ax_map.set_xscale("log")
    ax_map.set_yscale("log")
    ax_map.set_xlim(x_low, x_high)
    ax_map.set_ylim(y_low, y_high)
    ax_map.set_xlabel(names[0])
    ax_map.set_ylabel(names[1])
    ax_map.set_title("Trials over the objective (stars: the best of each)")
    ax_map.legend(loc="upper left", bbox_to_anchor=(0, -0.13), ncol=2, framealpha=0.9)

    profile = np.max(surface, axis=0)
    ax_line.plot(xs, profile, color=OKABE_ITO["black"], label="objective (best over the 2nd hyperparameter)")
    low, high = float(profile.min()), float(profile.max())
    span = high - low if high > low else 1.0
    for row, (label, (points, _, color)) in enumerate(styles.items()):
        value, _, distinct = best[label]
        ax_line.vlines(np.unique(points[0]), low - (0.10 + 0.09 * row) * span, low - (0.03 + 0.09 * row) * span,
                       color=color, linewidth=1.6, clip_on=False)
        ax_line.axhline(value, color=color, linestyle="--", linewidth=1.6,
                        label=f"{label}: best {value:.3f}, {distinct} distinct values tried")
    ax_line.set_xscale("log")
    ax_line.set_xlim(x_low, x_high)
    ax_line.set_ylim(low - 0.22 * span, high + 0.25 * span)
    ax_line.set_xlabel(f"{names[0]} (ticks: the values tried)")
    ax_line.set_ylabel("objective")
    ax_line.set_title("What each strategy learns about the important hyperparameter")
    ax_line.grid(alpha=0.3)
    ax_line.legend(loc="upper left", fontsize=8, framealpha=0.9)
    for ax in (ax_map, ax_line):
        ax.minorticks_off()  # the log axes' unlabelled minor ticks would double the drawing time
    return ax_map, ax_line

"""Points in the plane: the two-class data sets of Courses 1 and 2, and the figures drawn over them.

The flower of Course 1 week 3, the circles, the wavy boundary and the moons of Course 2 are
generated deterministically or taken from scikit-learn's generators, with the course's layout:
``X`` of shape ``(2, m)``, ``Y`` of shape ``(1, m)``. The figures scatter the points in the
palette of :mod:`helpers.plotting` and draw a model's decision boundary under them.
"""
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import ListedColormap

from helpers.plotting import COLOR_CYCLE, OKABE_ITO, as_costs, new_axes

__all__ = [
    "load_2D_dataset",
    "load_circles_dataset",
    "load_extra_datasets",
    "load_moons_dataset",
    "load_planar_dataset",
    "make_flower",
    "make_wavy_boundary",
    "plot_2d_dataset",
    "plot_decision_boundary",
    "plot_model_comparison",
]


def _columns(X, y):
    """scikit-learn's (m, 2) points and (m,) labels as the course's X (2, m) and Y (1, m)."""
    return np.ascontiguousarray(X.T), y.reshape(1, -1).astype(np.int64)


def load_circles_dataset():
    """Two noisy concentric circles, a training and a test set (Course 2, initialization).

    Drawn with scikit-learn's ``make_circles(noise=0.05)``: 300 training points from the
    random state seeded with 1 and 100 test points from the one seeded with 2 — the numbers
    ``np.random.seed(1)`` (or 2) followed by ``make_circles`` would give, without changing
    NumPy's global random state.

    Returns
    -------
    train_X : ndarray of shape (2, 300)
    train_Y : ndarray of shape (1, 300), dtype int64
        1 for the inner circle, 0 for the outer one (150 each).
    test_X : ndarray of shape (2, 100)
    test_Y : ndarray of shape (1, 100), dtype int64
    """
    from sklearn.datasets import make_circles

    train_X, train_Y = _columns(*make_circles(n_samples=300, noise=0.05, random_state=np.random.RandomState(1)))
    test_X, test_Y = _columns(*make_circles(n_samples=100, noise=0.05, random_state=np.random.RandomState(2)))
    return train_X, train_Y, test_X, test_Y


def make_wavy_boundary(n_samples=200, *, noise=0.03, flip=0.04, random_state=None):
    """Points on a square, labelled by the side of a wavy border they fall on, with label noise.

    The points are uniform on ``[-0.8, 0.8] x [-0.8, 0.8]``. A point is labelled 1 when it
    lies above the curve ``x2 = 0.3 sin(2.5 x1)``, after its height has been jittered by
    Gaussian noise of standard deviation ``noise`` (so labels near the border are uncertain);
    then a fraction ``flip`` of all labels, chosen at random, is flipped — isolated
    mislabelled points that a flexible model can learn by heart.

    Parameters
    ----------
    n_samples : int, default 200
    noise : float, default 0.03, keyword-only
        Standard deviation of the jitter across the border.
    flip : float, default 0.04, keyword-only
        Probability that a label is flipped.
    random_state : int or None, keyword-only
        Seed of a local ``np.random.default_rng``; the global random state is never used.

    Returns
    -------
    X : ndarray of shape (2, n_samples)
    Y : ndarray of shape (1, n_samples), dtype int64
    """
    rng = np.random.default_rng(random_state)
    X = rng.uniform([-0.8, -0.8], [0.8, 0.8], size=(n_samples, 2)).T
    border = 0.3 * np.sin(2.5 * X[0])
    Y = (X[1] + rng.normal(0, noise, n_samples) > border).astype(np.int64)
    flipped = rng.random(n_samples) < flip
    Y[flipped] = 1 - Y[flipped]
    return X, Y.reshape(1, -1)


def load_2D_dataset():
    """The regularization data set: a wavy border with a few mislabelled points.

    Drawn with :func:`make_wavy_boundary` (default noise and flip rate): 211 training points
    (seed 1) and 200 test points (seed 101), the sizes of the original assignment. A
    three-layer network trained long without regularization bends its border around the
    mislabelled training points.

    Returns
    -------
    train_X : ndarray of shape (2, 211)
    train_Y : ndarray of shape (1, 211), dtype int64
    test_X : ndarray of shape (2, 200)
    test_Y : ndarray of shape (1, 200), dtype int64
    """
    train_X, train_Y = make_wavy_boundary(211, random_state=1)
    test_X, test_Y = make_wavy_boundary(200, random_state=101)
    return train_X, train_Y, test_X, test_Y


def load_moons_dataset():
    """Two interleaving half-moons, 300 noisy training points (Course 2, optimization methods).

    Drawn with scikit-learn's ``make_moons(n_samples=300, noise=0.2)`` from the random state
    seeded with 3 — the numbers ``np.random.seed(3)`` followed by ``make_moons`` would give,
    without changing NumPy's global random state.

    Returns
    -------
    train_X : ndarray of shape (2, 300)
    train_Y : ndarray of shape (1, 300), dtype int64
    """
    from sklearn.datasets import make_moons

    return _columns(*make_moons(n_samples=300, noise=0.2, random_state=np.random.RandomState(3)))


def make_flower(n_samples=400, *, petals=8, radius=4.0, noise=0.2, random_state=None):
    """Points on a flower in the plane, each petal of one class or the other.

    Half of the points (class 0) have polar angles spread over the first half-turn
    :math:`t \\in [0, \\pi]`, the other half (class 1) over the second. Each point sits at the
    distance :math:`r = \\text{radius} \\cdot \\sin(\\text{petals} \\cdot t / 2)` from the centre, so
    where :math:`r < 0` it lands on the opposite side: every petal ends up holding points of
    one class, and neighbouring petals alternate. Gaussian noise of standard deviation
    ``noise`` is added to both the angle and the radius. No straight line separates the
    classes; a network with a few hidden units can.

    Parameters
    ----------
    n_samples : int, default 400
        Number of points; an even number (half per class).
    petals : int, default 8, keyword-only
        Number of petals, an even number.
    radius : float, default 4.0, keyword-only
        Length of a petal.
    noise : float, default 0.2, keyword-only
        Standard deviation of the noise on the angle and on the radius.
    random_state : int or None, keyword-only
        Seed of a local ``np.random.default_rng``; the global random state is never used.

    Returns
    -------
    X : ndarray of shape (2, n_samples)
        The points, one per column: ``X[0]`` is :math:`x_1`, ``X[1]`` is :math:`x_2`.
    Y : ndarray of shape (1, n_samples), dtype int64
        The labels: 0 for the first ``n_samples // 2`` points, 1 for the others.

    Raises
    ------
    ValueError
        If ``n_samples`` or ``petals`` is not a positive even number.
    """
    for name, value in (("n_samples", n_samples), ("petals", petals)):
        if int(value) != value or value < 2 or value % 2:
            raise ValueError(f"{name} must be a positive even number, got {value!r}")
    rng = np.random.default_rng(random_state)
    per_class = int(n_samples) // 2
    X = np.empty((2, 2 * per_class))
    Y = np.repeat(np.arange(2, dtype=np.int64), per_class).reshape(1, -1)
    for label in (0, 1):
        angle = np.linspace(label * np.pi, (label + 1) * np.pi, per_class) + noise * rng.standard_normal(per_class)
        r = radius * np.sin(petals / 2 * angle) + noise * rng.standard_normal(per_class)
        X[:, label * per_class:(label + 1) * per_class] = r * np.sin(angle), r * np.cos(angle)
    return X, Y


_FLOWER_SEED = 0


def load_planar_dataset():
    """Load the planar "flower" of week 3: 400 points in two classes, petals of alternating colour.

    Drawn with :func:`make_flower` (8 petals, noise 0.2) from a fixed seed, so every call
    returns the same points, without touching NumPy's global random state. A straight line
    classifies about half of them correctly; a network with one hidden layer of a few tanh
    units, about nine in ten.

    Returns
    -------
    X : ndarray of shape (2, 400)
        The points, one per column.
    Y : ndarray of shape (1, 400), dtype int64
        The labels, 0 (the first 200 points) or 1 (the last 200).

    Examples
    --------
    >>> X, Y = load_planar_dataset()
    >>> X.shape, Y.shape
    ((2, 400), (1, 400))
    """
    return make_flower(400, random_state=_FLOWER_SEED)


def load_extra_datasets(n_samples=200):
    """Four more two-class data sets in the plane, to try a network on other shapes.

    Each is drawn with scikit-learn from a fixed random state, so every call returns the
    same points, and converted to the course's layout (one point per column):

    - ``"noisy circles"``: ``make_circles(factor=0.5, noise=0.3)``, a ring around a disc,
      blurred by strong noise;
    - ``"noisy moons"``: ``make_moons(noise=0.2)``, two interleaving half-moons;
    - ``"blobs"``: ``make_blobs(centers=6)``, six clusters, labelled by the parity of their
      cluster number (so each class is three separate clusters);
    - ``"gaussian quantiles"``: ``make_gaussian_quantiles(cov=0.5, n_classes=2)``, a central
      disc against the ring around it.

    Parameters
    ----------
    n_samples : int, default 200
        Points in each data set.

    Returns
    -------
    datasets : dict of {str: (ndarray of shape (2, n_samples), ndarray of shape (1, n_samples))}
        The name of each data set and its ``(X, Y)``, with ``Y`` of dtype int64 holding 0 or 1.
    """
    from sklearn.datasets import make_blobs, make_circles, make_gaussian_quantiles, make_moons

    blobs_X, blobs_y = make_blobs(n_samples=n_samples, n_features=2, centers=6, random_state=5)
    return {
        "noisy circles": _columns(*make_circles(n_samples=n_samples, factor=0.5, noise=0.3, random_state=1)),
        "noisy moons": _columns(*make_moons(n_samples=n_samples, noise=0.2, random_state=2)),
        "blobs": _columns(blobs_X, blobs_y % 2),
        "gaussian quantiles": _columns(*make_gaussian_quantiles(cov=0.5, n_samples=n_samples, n_features=2,
                                                                n_classes=2, random_state=4)),
    }


_CLASS_COLORS = (OKABE_ITO["vermillion"], OKABE_ITO["blue"])  # y = 0, y = 1


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
    ax = new_axes(ax, figsize=(5.5, 4.5))
    _scatter_classes(ax, X, Y)
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    ax.set_title("The data" if title is None else title)
    ax.legend(loc="upper right", framealpha=0.9)
    return ax


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
    ax = new_axes(ax, figsize=(6, 5))

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
    curves = {name: as_costs(costs[name]) for name in names}
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
        color = COLOR_CYCLE[column % len(COLOR_CYCLE)]
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

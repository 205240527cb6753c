"""Grid search and random search, compared on a made-up validation-accuracy surface.

Training a network for every trial would take minutes, so the comparison uses a synthetic
surface with the shape the lectures describe: the validation accuracy depends strongly on the
learning rate :math:`\\alpha` and hardly at all on Adam's :math:`\\varepsilon`. Both
hyperparameters live on a log scale, ``alpha`` in ``[1e-4, 1]`` and ``epsilon`` in
``[1e-10, 1e-6]``, so points are handled as ``(log10 alpha, log10 epsilon)`` columns.

Random search draws its points with a sampler you pass in, called as
``sample_log_uniform(low, high, size)`` (your graded function, which reads NumPy's global random
state). It runs inside :func:`helpers.seeding.seeded`, which seeds the global state and restores it afterwards,
so these functions never change the random numbers your own code sees. The figures
(:func:`plot_hyperparameter_sweep`, :func:`plot_search_comparison`) and
:func:`search_comparison_widget` show the comparison.
"""
import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np

from helpers.plotting import COLOR_CYCLE, OKABE_ITO, new_axes
from helpers.seeding import seeded
from helpers.widgets import figure_widget, int_slider

__all__ = [
    "compare_search_strategies",
    "grid_search_points",
    "plot_hyperparameter_sweep",
    "plot_search_comparison",
    "random_search_points",
    "search_comparison_widget",
    "SEARCH_SPACE",
    "synthetic_validation_accuracy",
]

#: The two hyperparameters searched, each with its (low, high) range, both sampled on a log scale.
SEARCH_SPACE = {"learning_rate": (1e-4, 1.0), "epsilon": (1e-10, 1e-6)}

_BEST_LOG_ALPHA, _WIDTH, _BEST_LOG_EPSILON = -2.4, 0.5, -8.0


def synthetic_validation_accuracy(learning_rate, epsilon):
    """A made-up validation accuracy: high near ``learning_rate = 0.004``, almost flat in ``epsilon``.

    .. math::
        \\mathrm{acc} = 0.20 + 0.75\\, e^{-(\\log_{10}\\alpha + 2.4)^2 / (2 \\cdot 0.5^2)}
                        - 0.02 \\left(\\frac{\\log_{10}\\varepsilon + 8}{2}\\right)^2

    Parameters
    ----------
    learning_rate, epsilon : float or ndarray (broadcast together)
        Positive values.

    Returns
    -------
    accuracy : float or ndarray
        Between about 0.18 and 0.95 on :data:`SEARCH_SPACE`.
    """
    log_alpha, log_epsilon = np.log10(learning_rate), np.log10(epsilon)
    bump = np.exp(-((log_alpha - _BEST_LOG_ALPHA) ** 2) / (2 * _WIDTH**2))
    return 0.20 + 0.75 * bump - 0.02 * ((log_epsilon - _BEST_LOG_EPSILON) / 2) ** 2


def grid_search_points(budget):
    """A ``k x k`` grid, evenly spaced on the log scale of each hyperparameter, ``k = floor(sqrt(budget))``.

    Parameters
    ----------
    budget : int
        Number of trials allowed (at least 1); a budget that is not a square uses the largest
        square grid that fits.

    Returns
    -------
    points : ndarray of shape (2, k * k)
        Rows: learning rates, epsilons.
    """
    k = int(np.sqrt(budget) + 1e-9)
    if k < 1:
        raise ValueError(f"budget must be at least 1, got {budget!r}")
    (a_low, a_high), (e_low, e_high) = SEARCH_SPACE["learning_rate"], SEARCH_SPACE["epsilon"]
    alphas = np.logspace(np.log10(a_low), np.log10(a_high), k) if k > 1 else np.array([np.sqrt(a_low * a_high)])
    epsilons = np.logspace(np.log10(e_low), np.log10(e_high), k) if k > 1 else np.array([np.sqrt(e_low * e_high)])
    grid_alpha, grid_epsilon = np.meshgrid(alphas, epsilons)
    return np.vstack([grid_alpha.ravel(), grid_epsilon.ravel()])


def random_search_points(budget, *, sample_log_uniform, seed=0):
    """``budget`` random points, each hyperparameter drawn log-uniformly over its range.

    Parameters
    ----------
    budget : int
        Number of trials.
    sample_log_uniform : callable, keyword-only
        ``sample_log_uniform(low, high, size) -> ndarray of shape (size,)``, drawing from NumPy's
        global random state; all learning rates are drawn first, then all epsilons.
    seed : int, default 0, keyword-only
        The global state is seeded with it during the draws and restored afterwards.

    Returns
    -------
    points : ndarray of shape (2, budget)
        Rows: learning rates, epsilons.
    """
    with seeded(seed):
        alphas = np.asarray(sample_log_uniform(*SEARCH_SPACE["learning_rate"], int(budget)), dtype=float)
        epsilons = np.asarray(sample_log_uniform(*SEARCH_SPACE["epsilon"], int(budget)), dtype=float)
    return np.vstack([alphas.reshape(-1), epsilons.reshape(-1)])


def compare_search_strategies(budget, *, sample_log_uniform, repetitions=1000, seed=0):
    """Best accuracy found by a grid and by random search with the same budget, over many random searches.

    Parameters
    ----------
    budget : int
        Trials per search.
    sample_log_uniform : callable, keyword-only
        See :func:`random_search_points`.
    repetitions : int, default 1000, keyword-only
        Number of independent random searches (the grid is always the same).
    seed : int, default 0, keyword-only
        Random search ``r`` uses the seed ``seed + r``.

    Returns
    -------
    result : dict
        ``"grid_best"`` (float), ``"random_best"`` (ndarray of shape (repetitions,)),
        ``"random_wins"`` (the fraction of searches whose best beats the grid's),
        ``"grid_distinct_learning_rates"`` and ``"random_distinct_learning_rates"`` (how many
        different learning rates each strategy tries).
    """
    grid = grid_search_points(budget)
    grid_best = float(np.max(synthetic_validation_accuracy(*grid)))
    random_best = np.array([np.max(synthetic_validation_accuracy(
        *random_search_points(budget, sample_log_uniform=sample_log_uniform, seed=seed + r)))
        for r in range(repetitions)])
    return {
        "grid_best": grid_best,
        "random_best": random_best,
        "random_wins": float(np.mean(random_best > grid_best)),
        "grid_distinct_learning_rates": int(np.unique(grid[0]).size),
        "random_distinct_learning_rates": int(budget),
    }


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
    ax = new_axes(ax, figsize=(6.5, 4))
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
        color = COLOR_CYCLE[index % len(COLOR_CYCLE)]
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


def search_comparison_widget(sample_log_uniform, *, budgets=(9, 16, 25, 36, 49)):
    """Grid search against random search over a learning rate that matters and an epsilon that hardly does.

    A slider sets the budget (the number of trials, the same for both strategies); another the
    seed of the random search. Each change draws the random trials with your
    ``sample_log_uniform`` (see :func:`helpers.hyperparameter_search.random_search_points`,
    which leaves NumPy's global random state as it found it) and redraws
    :func:`plot_search_comparison` over
    :func:`helpers.hyperparameter_search.synthetic_validation_accuracy`.

    Parameters
    ----------
    sample_log_uniform : callable
        Your graded function, ``sample_log_uniform(low, high, size) -> ndarray of shape (size,)``.
    budgets : sequence of int, keyword-only
        The choices on the budget slider; squares give a full grid (25 is selected first).

    Returns
    -------
    widget : ipywidgets.VBox
        The controls, a line of results, and the figure.
    """
    budgets = tuple(int(b) for b in budgets)
    if not budgets or min(budgets) < 1:
        raise ValueError(f"budgets must hold positive numbers of trials, got {budgets!r}")
    budget_slider = widgets.SelectionSlider(
        options=budgets, value=25 if 25 in budgets else budgets[len(budgets) // 2], description="trials",
        continuous_update=False, style={"description_width": "initial"}, layout=widgets.Layout(width="320px"))
    seed_slider = int_slider("random-search seed", 0, 0, 30, "320px")

    def draw(budget, seed):
        grid = grid_search_points(budget)
        random = random_search_points(budget, sample_log_uniform=sample_log_uniform, seed=seed)
        grid_best = float(np.max(synthetic_validation_accuracy(*grid)))
        random_best = float(np.max(synthetic_validation_accuracy(*random)))
        text = (f"grid: {grid.shape[1]} trials, {np.unique(grid[0]).size} learning rates, best {grid_best:.3f}"
                f" · random: {random.shape[1]} trials, {np.unique(random[0]).size} learning rates, "
                f"best {random_best:.3f}")
        ax_map, _ = plot_search_comparison(synthetic_validation_accuracy, grid, random,
                                           bounds=(SEARCH_SPACE["learning_rate"], SEARCH_SPACE["epsilon"]))
        return ax_map.figure, text

    return figure_widget(draw, {"budget": budget_slider, "seed": seed_slider})

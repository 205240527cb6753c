"""Two-dimensional loss surfaces, and gradient descent, momentum, RMSprop and Adam on one point.

A network's cost depends on thousands of parameters, too many to draw. A function of two
numbers ``(x, y)`` shows the same difficulties — a long narrow ravine, a curved valley, a
saddle point — on a contour map, and the path each optimizer takes across it shows how it
copes. The optimizers here act on a single point ``(x, y)``; they follow the update rules of
the lectures, written out again (your graded functions update dictionaries of parameters).
:func:`plot_optimizer_paths` draws the paths over the contours, :func:`optimizer_race_widget`
races the four, and :func:`plot_learning_rate_schedules` draws learning-rate decay.
"""
from dataclasses import dataclass, field
from typing import Callable

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np

from helpers.plotting import COLOR_CYCLE, OKABE_ITO, new_axes, plot_cost_comparison
from helpers.widgets import choice_slider, figure_widget, int_slider, menu

__all__ = [
    "LossSurface",
    "optimizer_path",
    "optimizer_race_widget",
    "OPTIMIZERS",
    "plot_learning_rate_schedules",
    "plot_optimizer_paths",
    "race_optimizers",
    "SURFACES",
]

#: The optimizers :func:`optimizer_path` knows, in the order the figures list them.
OPTIMIZERS = ("gradient descent", "momentum", "RMSprop", "Adam")


@dataclass(frozen=True)
class LossSurface:
    """A loss ``f(x, y)`` of two parameters, its gradient, and where to look at it.

    Attributes
    ----------
    name : str
    f : callable
        ``f(x, y)`` for scalars or arrays of the same shape (evaluated on a grid to draw).
    grad : callable
        ``grad(x, y) -> (df/dx, df/dy)`` for scalars.
    start : tuple of float
        Where every optimizer starts.
    minima : tuple of tuple of float
        The global minima, marked with a star.
    xlim, ylim : tuple of float
        The window drawn.
    description : str
        One sentence on what makes the surface hard.
    """

    name: str
    f: Callable
    grad: Callable
    start: tuple
    minima: tuple
    xlim: tuple
    ylim: tuple
    description: str = ""
    min_value: float = field(init=False)

    def __post_init__(self):
        object.__setattr__(self, "min_value", float(min(self.f(*point) for point in self.minima)))


def _ravine(x, y):
    return 0.05 * x ** 2 + 9 * y ** 2


def _ravine_grad(x, y):
    return 0.1 * x, 18 * y


def _banana(x, y):
    return (1 - x) ** 2 + 10 * (y - x ** 2) ** 2


def _banana_grad(x, y):
    return -2 * (1 - x) - 40 * x * (y - x ** 2), 20 * (y - x ** 2)


def _saddle(x, y):
    return 0.5 * x ** 2 + 0.3 * (0.25 * y ** 4 - 0.5 * y ** 2)


def _saddle_grad(x, y):
    return x, 0.3 * (y ** 3 - y)


#: The surfaces of the optimizer race, by name.
SURFACES = {
    surface.name: surface
    for surface in (
        LossSurface("ravine", _ravine, _ravine_grad, start=(-9.0, 1.2), minima=((0.0, 0.0),),
                    xlim=(-10.0, 3.0), ylim=(-2.0, 2.0),
                    description="steep across, almost flat along: gradient descent zig-zags and crawls"),
        LossSurface("banana valley", _banana, _banana_grad, start=(-1.5, 2.0), minima=((1.0, 1.0),),
                    xlim=(-2.0, 2.0), ylim=(-1.0, 3.0),
                    description="a curved valley with a flat floor (Rosenbrock's function)"),
        LossSurface("saddle point", _saddle, _saddle_grad, start=(-2.5, 1e-6), minima=((0.0, 1.0), (0.0, -1.0)),
                    xlim=(-3.0, 3.0), ylim=(-1.6, 1.6),
                    description="the start lies on the ridge of a saddle, where the slope sideways is tiny"),
    )
}


def optimizer_path(surface, method, *, learning_rate, num_steps, beta=0.9, beta1=0.9, beta2=0.999,
                   epsilon=1e-8):
    """The points an optimizer visits on ``surface``, starting from ``surface.start``.

    With ``g`` the gradient at the current point and ``t = 1, 2, ...`` the step number:

    - gradient descent: ``p -= learning_rate * g``;
    - momentum: ``v = beta * v + (1 - beta) * g``; ``p -= learning_rate * v``;
    - RMSprop: ``s = beta2 * s + (1 - beta2) * g**2``; ``p -= learning_rate * g / (sqrt(s) + epsilon)``;
    - Adam: momentum's ``v`` with ``beta1`` and RMSprop's ``s`` with ``beta2``, both divided by
      ``1 - beta**t`` (bias correction), then ``p -= learning_rate * v_hat / (sqrt(s_hat) + epsilon)``.

    A path that leaves the drawing window by far (diverges) stops there.

    Parameters
    ----------
    surface : LossSurface
    method : {"gradient descent", "momentum", "RMSprop", "Adam"}
    learning_rate : float, keyword-only
    num_steps : int, keyword-only
    beta : float, default 0.9, keyword-only
        Momentum's averaging coefficient.
    beta1, beta2 : float, default 0.9 and 0.999, keyword-only
        Adam's coefficients; RMSprop uses ``beta2``.
    epsilon : float, default 1e-8, keyword-only

    Returns
    -------
    path : ndarray of shape (k, 2)
        ``path[0]`` is the start; ``k = num_steps + 1`` unless the path diverged.
    """
    if method not in OPTIMIZERS:
        raise ValueError(f"unknown optimizer {method!r}; choose one of: {', '.join(OPTIMIZERS)}")
    point = np.array(surface.start, dtype=float)
    v = np.zeros(2)
    s = np.zeros(2)
    size = max(np.ptp(surface.xlim), np.ptp(surface.ylim))
    center = np.array([np.mean(surface.xlim), np.mean(surface.ylim)])
    path = [point.copy()]
    for t in range(1, num_steps + 1):
        g = np.array(surface.grad(*point), dtype=float)
        if method == "gradient descent":
            step = g
        elif method == "momentum":
            v = beta * v + (1 - beta) * g
            step = v
        elif method == "RMSprop":
            s = beta2 * s + (1 - beta2) * g ** 2
            step = g / (np.sqrt(s) + epsilon)
        else:
            v = beta1 * v + (1 - beta1) * g
            s = beta2 * s + (1 - beta2) * g ** 2
            step = (v / (1 - beta1 ** t)) / (np.sqrt(s / (1 - beta2 ** t)) + epsilon)
        point = point - learning_rate * step
        if not np.all(np.isfinite(point)) or np.max(np.abs(point - center)) > 10 * size:
            break
        path.append(point.copy())
    return np.array(path)


def race_optimizers(surface, *, learning_rate, num_steps, beta=0.9, beta1=0.9, beta2=0.999, epsilon=1e-8,
                    methods=OPTIMIZERS):
    """Run every optimizer from the same start with the same settings.

    Parameters
    ----------
    surface : LossSurface
    learning_rate, num_steps, beta, beta1, beta2, epsilon : keyword-only
        As in :func:`optimizer_path`.
    methods : sequence of str, keyword-only
        Which optimizers race, by default all of :data:`OPTIMIZERS`.

    Returns
    -------
    paths : dict of {str: ndarray of shape (k, 2)}
        Each optimizer's path, in the order of ``methods``.
    """
    return {method: optimizer_path(surface, method, learning_rate=learning_rate, num_steps=num_steps, beta=beta,
                                   beta1=beta1, beta2=beta2, epsilon=epsilon)
            for method in methods}


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
    ax = new_axes(ax, figsize=(6.5, 5))
    x = np.linspace(*surface.xlim, 160)
    y = np.linspace(*surface.ylim, 160)
    grid_x, grid_y = np.meshgrid(x, y)
    height = surface.f(grid_x, grid_y) - surface.min_value
    levels = np.geomspace(max(float(height.max()) * 1e-4, 1e-4), float(height.max()), 14)
    ax.contourf(grid_x, grid_y, height, levels=np.concatenate([[0], levels]), cmap="Greys", alpha=0.45)
    ax.contour(grid_x, grid_y, height, levels=levels, colors="grey", linewidths=0.5, alpha=0.8)
    for index, (name, path) in enumerate(paths.items()):
        path = np.asarray(path, dtype=float)
        ax.plot(path[:, 0], path[:, 1], color=COLOR_CYCLE[index % len(COLOR_CYCLE)], linewidth=1.8,
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
    ax = new_axes(ax, figsize=(7, 3.8))
    for index, (label, rates) in enumerate(rates_by_label.items()):
        rates = np.asarray(rates, dtype=float)
        ax.plot(np.arange(len(rates)), rates, color=COLOR_CYCLE[index % len(COLOR_CYCLE)], label=str(label))
    ax.set_yscale("log")
    ax.set_xlabel("epoch")
    ax.set_ylabel("learning rate")
    ax.set_title("Learning-rate schedules")
    ax.grid(alpha=0.3, which="both")
    if rates_by_label:
        ax.legend(loc="center right")
    return ax


def optimizer_race_widget(*, surfaces=None, learning_rates=(0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0),
                          max_steps=400):
    """Race gradient descent, momentum, RMSprop and Adam across a two-dimensional loss surface.

    A menu picks the surface (see :data:`helpers.loss_surfaces.SURFACES`); sliders set the
    learning rate (shared by the four optimizers), momentum's ``beta``, Adam's ``beta1`` and
    ``beta2`` (RMSprop uses ``beta2`` too) and the number of steps. Each change reruns
    :func:`helpers.loss_surfaces.race_optimizers` and redraws the paths over the contour map
    (:func:`plot_optimizer_paths`) next to the loss, above its minimum, step
    by step on a log scale.

    Parameters
    ----------
    surfaces : dict of {str: LossSurface}, optional, keyword-only
        Defaults to :data:`helpers.loss_surfaces.SURFACES`.
    learning_rates : sequence of float, keyword-only
        The choices on the learning-rate slider (0.1 is selected first when present).
    max_steps : int, default 400, keyword-only
        The largest number of steps on the slider.

    Returns
    -------
    widget : ipywidgets.VBox
        The controls, a line of results, and the figure.
    """
    surfaces = dict(SURFACES if surfaces is None else surfaces)
    learning_rates = tuple(learning_rates)
    if not surfaces or not learning_rates:
        raise ValueError("surfaces and learning_rates must not be empty")
    if max_steps < 50:
        raise ValueError(f"max_steps must be at least 50, got {max_steps!r}")

    surface_menu = menu("surface", surfaces, "280px")
    rate_slider = choice_slider("learning rate", learning_rates, 0.1, "280px")
    beta_slider = choice_slider("β (momentum)", (0.0, 0.5, 0.8, 0.9, 0.95, 0.99), 0.9, "280px")
    beta1_slider = choice_slider("β1 (Adam)", (0.0, 0.5, 0.8, 0.9, 0.95, 0.99), 0.9, "280px")
    beta2_slider = choice_slider("β2 (RMSprop, Adam)", (0.9, 0.99, 0.999, 0.9999), 0.999, "280px")
    steps_slider = int_slider("steps", min(200, max_steps), 50, max_steps, "280px", step=50)

    def draw(name, learning_rate, beta, beta1, beta2, num_steps):
        surface = surfaces[name]
        with np.errstate(all="ignore"):
            paths = race_optimizers(surface, learning_rate=learning_rate, num_steps=num_steps, beta=beta,
                                    beta1=beta1, beta2=beta2)
            losses = {method: surface.f(path[:, 0], path[:, 1]) - surface.min_value for method, path in paths.items()}
        fig, (ax_paths, ax_loss) = plt.subplots(1, 2, figsize=(12, 4.8), layout="constrained",
                                                gridspec_kw={"width_ratios": [1.1, 1]})
        plot_optimizer_paths(surface, paths, ax=ax_paths, title=f"{name}: {surface.description}")
        ax_paths.title.set_fontsize(9)
        plot_cost_comparison({method: np.maximum(loss, 1e-12) for method, loss in losses.items()}, every=1,
                             ax=ax_loss)
        ax_loss.set_yscale("log")
        ax_loss.set_xlabel("step")
        ax_loss.set_ylabel("loss above the minimum")
        ax_loss.set_title(f"Loss, learning rate {learning_rate:g}")
        final = []
        for method, path in paths.items():
            diverged = len(path) <= num_steps
            final.append(f"{method}: {'diverged' if diverged else f'{losses[method][-1]:.1e}'}")
        return fig, "loss above the minimum after the last step — " + " · ".join(final)

    return figure_widget(draw, {"name": surface_menu, "learning_rate": rate_slider, "beta": beta_slider,
                                "beta1": beta1_slider, "beta2": beta2_slider, "num_steps": steps_slider},
                         rows=[widgets.HBox([surface_menu, rate_slider, steps_slider]),
                               widgets.HBox([beta_slider, beta1_slider, beta2_slider])])

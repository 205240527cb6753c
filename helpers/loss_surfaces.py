"""Two-dimensional loss surfaces, and gradient descent, momentum, RMSprop and Adam on one point.

A network's cost depends on thousands of parameters, too many to draw. A function of two
numbers ``(x, y)`` shows the same difficulties — a long narrow ravine, a curved valley, a
saddle point — on a contour map, and the path each optimizer takes across it shows how it
copes. The optimizers here act on a single point ``(x, y)``; they follow the update rules of
the lectures, written out again (your graded functions update dictionaries of parameters).
"""
from dataclasses import dataclass, field
from typing import Callable

import numpy as np

__all__ = [
    "OPTIMIZERS",
    "SURFACES",
    "LossSurface",
    "optimizer_path",
    "race_optimizers",
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

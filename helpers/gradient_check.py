"""Gradient checking: compare the gradients of a backward pass with finite differences.

A backward pass is easy to get subtly wrong. Nudging each input by a tiny ``epsilon`` in both
directions and watching the cost move gives an independent estimate of every partial
derivative,

    d cost / d x_k  ~  (cost(x_k + epsilon) - cost(x_k - epsilon)) / (2 * epsilon),

slow (two cost evaluations per number) but hard to get wrong. The two gradients should agree
to about seven digits. :func:`plot_gradient_differences` and :func:`plot_epsilon_sweep` draw
the agreement per parameter and against ``epsilon``.
"""
import numpy as np

from helpers.plotting import OKABE_ITO, new_axes

__all__ = [
    "compare_gradients",
    "dictionary_to_vector",
    "gradients_to_vector",
    "numerical_gradient",
    "plot_epsilon_sweep",
    "plot_gradient_differences",
    "relative_difference",
    "vector_to_dictionary",
]


def numerical_gradient(cost, x, *, epsilon=1e-6):
    """Estimate the gradient of ``cost()`` with respect to the array ``x`` by central differences.

    Each entry of ``x`` is changed **in place**, ``cost()`` is evaluated, and the entry is
    restored, so ``cost`` must read ``x`` (for example through a closure or a dict of
    parameters) rather than a copy of it.

    Parameters
    ----------
    cost : callable
        Takes no argument and returns a scalar (or an array of size 1) that depends on the current
        values of ``x``.
    x : ndarray of float, any shape
        The array to differentiate with respect to; unchanged when the function returns.
    epsilon : float, default 1e-6, keyword-only
        The nudge.

    Returns
    -------
    grad_approx : ndarray of the shape of x
        ``grad_approx[k] ~ d cost / d x[k]``.
    """
    if not isinstance(x, np.ndarray) or x.dtype.kind != "f":
        raise TypeError(f"x must be a float ndarray changed in place, got {type(x).__name__}")
    grad_approx = np.zeros_like(x, dtype=float)
    for index in np.ndindex(x.shape):
        original = x[index]
        try:
            x[index] = original + epsilon
            cost_plus = float(np.squeeze(cost()))
            x[index] = original - epsilon
            cost_minus = float(np.squeeze(cost()))
        finally:
            x[index] = original
        grad_approx[index] = (cost_plus - cost_minus) / (2 * epsilon)
    return grad_approx


def relative_difference(grad, grad_approx):
    """How far apart two gradients are: ``||grad - grad_approx|| / (||grad|| + ||grad_approx||)``.

    Parameters
    ----------
    grad, grad_approx : ndarray of the same shape
        For instance a backward pass's gradient and :func:`numerical_gradient`'s estimate.

    Returns
    -------
    difference : float
        0 for identical gradients, 1 for opposite ones; below about 1e-7 the two agree.
        0 as well when both gradients are zero.
    """
    grad = np.asarray(grad, dtype=float)
    grad_approx = np.asarray(grad_approx, dtype=float)
    if grad.shape != grad_approx.shape:
        raise ValueError(f"the gradients have different shapes: {grad.shape} and {grad_approx.shape}")
    denominator = np.linalg.norm(grad) + np.linalg.norm(grad_approx)
    return float(np.linalg.norm(grad - grad_approx) / denominator) if denominator > 0 else 0.0


def compare_gradients(cost, inputs, gradients, *, epsilon=1e-6, threshold=1e-7, verbose=True):
    """Check every gradient of a backward pass against finite differences and print one line each.

    Parameters
    ----------
    cost : callable
        Takes no argument and returns a scalar computed from the arrays in ``inputs``.
    inputs : dict of {str: ndarray of float}
        The arrays ``cost`` depends on; each is nudged in place and restored.
    gradients : dict of {str: ndarray}
        The backward pass's gradient for each key of ``inputs`` (same keys, same shapes).
    epsilon : float, default 1e-6, keyword-only
        The nudge of :func:`numerical_gradient`.
    threshold : float, default 1e-7, keyword-only
        Relative differences below it are reported as "ok".
    verbose : bool, default True, keyword-only
        Print one aligned line per gradient.

    Returns
    -------
    differences : dict of {str: float}
        :func:`relative_difference` for each key, in the order of ``inputs``.
    """
    missing = set(inputs) ^ set(gradients)
    if missing:
        raise KeyError(f"inputs and gradients must have the same keys; not in both: {sorted(missing)}")
    differences = {}
    width = max(map(len, inputs), default=0)
    for name, x in inputs.items():
        grad = np.asarray(gradients[name])
        if grad.shape != x.shape:
            raise ValueError(f"the gradient of {name} has shape {grad.shape}, but {name} has shape {x.shape}")
        differences[name] = relative_difference(grad, numerical_gradient(cost, x, epsilon=epsilon))
        if verbose:
            verdict = "ok" if differences[name] < threshold else "DIFFERENT: check this gradient"
            print(f"{name:>{width}}: relative difference {differences[name]:.1e}  {verdict}")
    return differences


# Parameters as one vector: the gradient-checking notebook (Course 2, week 1) nudges the
# parameters of a three-layer network one number at a time, so it lays them out in a column.

_PARAMETER_KEYS = ("W1", "b1", "W2", "b2", "W3", "b3")


def dictionary_to_vector(parameters):
    """Stack the parameters ``W1, b1, W2, b2, W3, b3`` of a three-layer network into one column.

    Each array is flattened row by row (``np.reshape(array, (-1, 1))``) and the pieces are
    stacked in the order W1, b1, W2, b2, W3, b3.

    Parameters
    ----------
    parameters : dict of {str: ndarray}
        At least ``W1, b1, W2, b2, W3, b3``.

    Returns
    -------
    theta : ndarray of shape (n, 1)
        All the parameters, ``n`` numbers in total.
    keys : list of str, length n
        The name of the array each entry of ``theta`` comes from, e.g. ``"W1"``.
    """
    pieces = [np.reshape(parameters[key], (-1, 1)) for key in _PARAMETER_KEYS]
    keys = [key for key, piece in zip(_PARAMETER_KEYS, pieces) for _ in range(piece.shape[0])]
    return np.concatenate(pieces, axis=0), keys


def vector_to_dictionary(theta, layer_dims=(4, 5, 3, 1)):
    """Undo :func:`dictionary_to_vector`: cut a column back into ``W1, b1, W2, b2, W3, b3``.

    Parameters
    ----------
    theta : ndarray of shape (n, 1)
        The parameters stacked as :func:`dictionary_to_vector` stacks them.
    layer_dims : sequence of 4 int, default (4, 5, 3, 1)
        The sizes ``[n_x, n_1, n_2, n_3]`` of the network; the default is the network of the
        gradient-checking notebook (47 parameters).

    Returns
    -------
    parameters : dict of {str: ndarray}
        ``W{l}`` of shape ``(n_l, n_{l-1})`` and ``b{l}`` of shape ``(n_l, 1)``; views of theta.
    """
    shapes = {}
    for l in range(1, 4):
        shapes[f"W{l}"] = (layer_dims[l], layer_dims[l - 1])
        shapes[f"b{l}"] = (layer_dims[l], 1)
    sizes = [int(np.prod(shapes[key])) for key in _PARAMETER_KEYS]
    if theta.shape[0] != sum(sizes):
        raise ValueError(f"theta has {theta.shape[0]} entries, but a network of sizes {list(layer_dims)} "
                         f"has {sum(sizes)} parameters")
    parameters, start = {}, 0
    for key, size in zip(_PARAMETER_KEYS, sizes):
        parameters[key] = theta[start:start + size].reshape(shapes[key])
        start += size
    return parameters


def gradients_to_vector(gradients):
    """Stack the gradients ``dW1, db1, dW2, db2, dW3, db3`` into one column, like the parameters.

    Parameters
    ----------
    gradients : dict of {str: ndarray}
        At least ``dW1, db1, dW2, db2, dW3, db3`` (other keys, such as ``dZ1``, are ignored).

    Returns
    -------
    theta : ndarray of shape (n, 1)
        ``theta[i]`` is the gradient of the cost with respect to the i-th entry of
        :func:`dictionary_to_vector`'s column.
    """
    return np.concatenate([np.reshape(gradients["d" + key], (-1, 1)) for key in _PARAMETER_KEYS], axis=0)


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
    ax = new_axes(ax, figsize=(7.5, 4))
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
    ax = new_axes(ax, figsize=(6.5, 4))
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

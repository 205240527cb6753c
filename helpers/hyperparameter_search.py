"""Grid search and random search, compared on a made-up validation-accuracy surface.

Training a network for every trial would take minutes, so the comparison uses a synthetic
surface with the shape the lectures describe: the validation accuracy depends strongly on the
learning rate :math:`\\alpha` and hardly at all on Adam's :math:`\\varepsilon`. Both
hyperparameters live on a log scale, ``alpha`` in ``[1e-4, 1]`` and ``epsilon`` in
``[1e-10, 1e-6]``, so points are handled as ``(log10 alpha, log10 epsilon)`` columns.

Random search draws its points with a sampler you pass in, called as
``sample_log_uniform(low, high, size)`` (your graded function, which reads NumPy's global random
state). It runs inside :func:`helpers.seeding.seeded`, which seeds the global state and restores it afterwards,
so these functions never change the random numbers your own code sees.
"""
import numpy as np

from helpers.seeding import seeded

__all__ = [
    "SEARCH_SPACE",
    "compare_search_strategies",
    "grid_search_points",
    "random_search_points",
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

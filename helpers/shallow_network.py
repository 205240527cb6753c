"""A network with one hidden layer, trained from your building blocks, and its decision boundary.

:func:`train_one_hidden_layer` is ``nn_model``'s loop with a learning rate of your choice;
:func:`decision_boundary_widget` trains it on a data set, a hidden-layer size and a learning
rate you pick and draws the boundary with :func:`helpers.planar.plot_decision_boundary`.
"""
import time
import warnings

import ipywidgets as widgets
import numpy as np

from helpers.planar import plot_decision_boundary
from helpers.seeding import seeded
from helpers.widgets import choice_slider, figure_widget, int_slider, menu

__all__ = [
    "decision_boundary_widget",
    "train_one_hidden_layer",
]


def train_one_hidden_layer(X, Y, n_h, *, initialize_parameters, forward_propagation, backward_propagation,
                           update_parameters, learning_rate=1.2, num_iterations=10000, seed=3, parameters=None):
    """Train a network with one hidden layer from your building blocks, with a learning rate of your choice.

    It runs the gradient-descent loop of ``nn_model`` (week 3) — seed NumPy's generator with
    ``seed``, initialise, then forward, backward and update ``num_iterations`` times — passing
    ``learning_rate`` to your ``update_parameters``. NumPy's global random state is restored
    afterwards, and warnings (an overflowing ``exp`` at a large learning rate) are silenced.
    Given ``parameters``, it continues from them instead of initialising: the loop draws no
    random numbers, so 500 iterations and then 500 more give what 1000 in one go give.

    Parameters
    ----------
    X : ndarray of shape (n_x, m)
    Y : ndarray of shape (n_y, m)
    n_h : int
        Hidden units.
    initialize_parameters : callable
        ``initialize_parameters(n_x, n_h, n_y) -> parameters``, drawing from ``np.random``.
    forward_propagation : callable
        ``forward_propagation(X, parameters) -> (A2, cache)``.
    backward_propagation : callable
        ``backward_propagation(parameters, cache, X, Y) -> grads``.
    update_parameters : callable
        ``update_parameters(parameters, grads, learning_rate) -> parameters``.
    learning_rate : float, default 1.2, keyword-only
    num_iterations : int, default 10000, keyword-only
    seed : int, default 3, keyword-only
        Seed of ``np.random`` before initialising, as in ``nn_model``.
    parameters : dict, optional, keyword-only
        Where to start instead of ``initialize_parameters``'s output.

    Returns
    -------
    parameters : dict
        The trained ``"W1", "b1", "W2", "b2"``.
    """
    with seeded(), warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        if parameters is None:
            np.random.seed(seed)
            parameters = initialize_parameters(X.shape[0], n_h, Y.shape[0])
        for _ in range(num_iterations):
            _, cache = forward_propagation(X, parameters)
            grads = backward_propagation(parameters, cache, X, Y)
            parameters = update_parameters(parameters, grads, learning_rate=learning_rate)
    return parameters


def decision_boundary_widget(datasets, *, initialize_parameters, forward_propagation, backward_propagation,
                             update_parameters, predict, hidden_sizes=(1, 2, 3, 4, 5, 10, 20, 50),
                             learning_rates=(0.01, 0.1, 0.5, 1.2, 2.5, 5.0), max_iterations=5000,
                             resolution=100):
    """Train a network with one hidden layer on a data set of your choice and draw its decision boundary.

    Controls pick the data set, the number of hidden units, the learning rate and the number
    of iterations; each change trains with :func:`train_one_hidden_layer` (your building
    blocks, seeded like ``nn_model``) and redraws the boundary with your ``predict`` through
    :func:`helpers.planar.plot_decision_boundary`, under a line giving the accuracy on the
    data set and the training time. The parameters after every 500 iterations are kept, so a
    setting already trained redraws at once and more iterations only train the difference.

    Parameters
    ----------
    datasets : dict of {str: (ndarray of shape (2, m), ndarray of shape (1, m))}
        The data sets to choose from, by name, each as ``(X, Y)``.
    initialize_parameters, forward_propagation, backward_propagation, update_parameters : callable
        Your graded functions of week 3, as described in :func:`train_one_hidden_layer`.
    predict : callable
        ``predict(parameters, X)`` returning predictions of shape (1, m), each 0 or 1.
    hidden_sizes : sequence of int, keyword-only
        The choices on the hidden-units slider (4 is selected first when present).
    learning_rates : sequence of float, keyword-only
        The choices on the learning-rate slider (1.2 is selected first when present).
    max_iterations : int, default 5000, keyword-only
        The largest number of iterations on the slider (which moves in steps of 500); 5000 is
        what the course's own comparison of hidden-layer sizes uses.
    resolution : int, default 100, keyword-only
        Grid points along each axis of the coloured background.

    Returns
    -------
    widget : ipywidgets.VBox
        The controls, a line of results, and the figure.
    """
    if not datasets:
        raise ValueError("datasets must hold at least one (X, Y) pair")
    hidden_sizes, learning_rates = tuple(hidden_sizes), tuple(learning_rates)
    if not hidden_sizes or not learning_rates:
        raise ValueError("hidden_sizes and learning_rates must not be empty")
    if max_iterations < 500:
        raise ValueError(f"max_iterations must be at least 500, got {max_iterations!r}")

    dataset_menu = menu("data set", datasets, "300px")
    hidden_slider = choice_slider("hidden units", hidden_sizes, 4, "330px")
    rate_slider = choice_slider("learning rate", learning_rates, 1.2, "330px")
    top = max_iterations - max_iterations % 500
    iterations_slider = int_slider("iterations", min(5000, top), 500, top, "330px", step=500)
    checkpoints = {}  # (data set, n_h, learning rate) -> {iterations: parameters}

    def trained(name, n_h, learning_rate, num_iterations):
        X, Y = datasets[name]
        saved = checkpoints.setdefault((name, n_h, learning_rate), {})
        done = max((i for i in saved if i <= num_iterations), default=0)
        parameters = saved.get(done)
        while done < num_iterations:
            steps = min(500, num_iterations - done)
            parameters = train_one_hidden_layer(
                X, Y, n_h, initialize_parameters=initialize_parameters, forward_propagation=forward_propagation,
                backward_propagation=backward_propagation, update_parameters=update_parameters,
                learning_rate=learning_rate, num_iterations=steps, parameters=parameters)
            done += steps
            saved[done] = parameters
        return parameters

    def draw(name, n_h, learning_rate, num_iterations):
        X, Y = datasets[name]
        start = time.perf_counter()
        parameters = trained(name, n_h, learning_rate, num_iterations)
        seconds = time.perf_counter() - start

        def predict_points(points):
            with np.errstate(all="ignore"):
                return np.asarray(predict(parameters, points), dtype=float)

        accuracy = float(np.mean(predict_points(X).ravel() == np.asarray(Y).ravel()) * 100)
        ax = plot_decision_boundary(predict_points, X, Y, resolution=resolution,
                                    title=f"{name}: {n_h} hidden unit{'s' if n_h != 1 else ''}, "
                                          f"learning rate {learning_rate:g}")
        return ax.figure, (f"accuracy {accuracy:.1f} % on the {X.shape[1]} points of {name} · "
                           f"{num_iterations} iterations (trained in {seconds:.1f} s)")

    return figure_widget(draw, {"name": dataset_menu, "n_h": hidden_slider, "learning_rate": rate_slider,
                                "num_iterations": iterations_slider},
                         rows=[widgets.HBox([dataset_menu, hidden_slider]),
                               widgets.HBox([rate_slider, iterations_slider])])

"""Learning curves of logistic regression: train with your functions, watch cost and accuracy.

:func:`train_curves` measures cost and train / test accuracy as gradient descent runs, and
:func:`learning_curve_widget` lets you pick the learning rate and the number of iterations.
"""
import numpy as np

from helpers.plotting import plot_learning_curves
from helpers.widgets import choice_slider, figure_widget, int_slider, train_ahead

__all__ = [
    "learning_curve_widget",
    "train_curves",
]


def _accuracy(predict, w, b, X, Y):
    """Percentage of the columns of X that ``predict(w, b, X)`` labels like Y."""
    Y_prediction = np.asarray(predict(w, b, X)).ravel()
    Y = np.asarray(Y).ravel()
    if Y_prediction.size != Y.size:
        raise ValueError(
            f"predict returned {Y_prediction.size} predictions for {Y.size} examples; expected shape (1, m)"
        )
    return float(np.mean(Y_prediction == Y) * 100)


def train_curves(optimize, predict, X_train, Y_train, X_test, Y_test, *, learning_rate, num_iterations, every=100):
    """Train logistic regression from zeros and record cost and accuracy every few iterations.

    Gradient descent runs in chunks of ``every`` iterations, each a call to your
    ``optimize``; between chunks the cost (the first one ``optimize`` records) and the train
    and test accuracy of ``predict`` are measured at the same parameters.

    Parameters
    ----------
    optimize : callable
        ``optimize(w, b, X, Y, num_iterations, learning_rate, print_cost=False)`` returning
        ``(params, grads, costs)`` with ``params = {"w": w, "b": b}`` and ``costs[0]`` the
        cost before the first step.
    predict : callable
        ``predict(w, b, X)`` returning predictions of shape (1, m), each 0 or 1.
    X_train : ndarray of shape (n_x, m_train)
    Y_train : ndarray of shape (1, m_train)
    X_test : ndarray of shape (n_x, m_test)
    Y_test : ndarray of shape (1, m_test)
    learning_rate : float, keyword-only
    num_iterations : int, keyword-only
        Total number of gradient-descent steps.
    every : int, default 100, keyword-only
        Steps between two measurements.

    Returns
    -------
    curves : dict of {str: list}
        ``"iterations"`` (0, every, 2 * every, ..., num_iterations), and at each of them
        ``"costs"``, ``"train_accuracy"`` and ``"test_accuracy"`` (in %): lists of length
        ``ceil(num_iterations / every) + 1``.
    """
    if every < 1:
        raise ValueError(f"every must be at least 1, got {every!r}")
    if num_iterations < 0:
        raise ValueError(f"num_iterations must be non-negative, got {num_iterations!r}")

    def cost_and_step(w, b, steps):
        params, _, costs = optimize(w, b, X_train, Y_train, num_iterations=steps,
                                    learning_rate=learning_rate, print_cost=False)
        cost = float(np.squeeze(costs[0])) if len(costs) else float("nan")
        return params["w"], params["b"], cost

    w, b = np.zeros((X_train.shape[0], 1)), 0.0
    curves = {"iterations": [], "costs": [], "train_accuracy": [], "test_accuracy": []}
    done = 0
    while True:
        steps = min(every, num_iterations - done)
        # The cost at the current parameters is the first cost optimize records; at the end,
        # one extra step (whose result is thrown away) measures the final cost.
        new_w, new_b, cost = cost_and_step(w, b, steps if steps > 0 else 1)
        curves["iterations"].append(done)
        curves["costs"].append(cost)
        curves["train_accuracy"].append(_accuracy(predict, w, b, X_train, Y_train))
        curves["test_accuracy"].append(_accuracy(predict, w, b, X_test, Y_test))
        if steps <= 0:
            return curves
        w, b, done = new_w, new_b, done + steps


def learning_curve_widget(optimize, predict, X_train, Y_train, X_test, Y_test, *,
                          learning_rates=(0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05), max_iterations=3000):
    """Explore how the learning rate and the number of iterations change what the model learns.

    A slider picks the learning rate, another the number of iterations; the figure shows the
    cost and the train / test accuracy of training from zeros with your ``optimize`` and
    ``predict`` (see :func:`train_curves`), drawn with
    :func:`helpers.plotting.plot_learning_curves` under a line giving the final accuracies.
    Building the widget trains once per learning rate, for ``max_iterations``: a shorter run
    is the beginning of that one (the same numbers), so every redraw afterwards only draws.

    Parameters
    ----------
    optimize, predict : callable
        Your graded functions, as described in :func:`train_curves`.
    X_train : ndarray of shape (n_x, m_train)
    Y_train : ndarray of shape (1, m_train)
    X_test : ndarray of shape (n_x, m_test)
    Y_test : ndarray of shape (1, m_test)
    learning_rates : sequence of float, keyword-only
        The choices on the learning-rate slider.
    max_iterations : int, default 3000, keyword-only
        The largest number of iterations on the slider (which moves in steps of 100).

    Returns
    -------
    widget : ipywidgets.VBox
        The controls, a line of results, and the figure.
    """
    learning_rates = tuple(learning_rates)
    if not learning_rates:
        raise ValueError("learning_rates must not be empty")
    if max_iterations < 100:
        raise ValueError(f"max_iterations must be at least 100, got {max_iterations!r}")

    rate_slider = choice_slider("learning rate", learning_rates, 0.005, "360px")
    iterations_slider = int_slider("iterations", min(2000, max_iterations - max_iterations % 100), 100, max_iterations,
                                   "360px", step=100)
    every = 20  # five points per step of the slider: a short run still draws a curve
    longest = {}  # learning rate -> curves of the longest run made with it so far

    def curves_for(learning_rate, num_iterations):
        run = longest.get(learning_rate)
        if run is None or run["iterations"][-1] < num_iterations:
            run = longest[learning_rate] = train_curves(optimize, predict, X_train, Y_train, X_test, Y_test,
                                                        learning_rate=learning_rate, num_iterations=num_iterations,
                                                        every=every)
        points = -(-num_iterations // every) + 1
        return {key: values[:points] for key, values in run.items()}

    train_ahead("training once per learning rate", [(rate, iterations_slider.max) for rate in learning_rates],
                 curves_for)

    def draw(learning_rate, num_iterations):
        curves = curves_for(learning_rate, num_iterations)
        ax_cost, _ = plot_learning_curves(curves["iterations"], curves["costs"],
                                          curves["train_accuracy"], curves["test_accuracy"])
        ax_cost.set_title(f"Training cost (learning rate = {learning_rate:g})")
        return ax_cost.figure, (f"train {curves['train_accuracy'][-1]:.1f} % · test {curves['test_accuracy'][-1]:.1f} %"
                                f" after {curves['iterations'][-1]} iterations")

    return figure_widget(draw, {"learning_rate": rate_slider, "num_iterations": iterations_slider})

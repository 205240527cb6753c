"""Regularization made visible: the decision boundary with no regularizer, L2 or dropout.

:func:`regularization_widget` trains your ``model`` of Course 2 week 1 at the strength you pick
and draws the boundary over the training and the test points, with the gap between them.
"""
import time

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np

from helpers.planar import plot_decision_boundary
from helpers.three_layer_net import predict_dec
from helpers.widgets import choice_slider, figure_widget, train_ahead

__all__ = [
    "regularization_widget",
]


def regularization_widget(model, X_train, Y_train, X_test, Y_test, *,
                          lambdas=(0.03, 0.3, 0.7, 3.0), keep_probs=(0.5, 0.7, 0.86, 0.95),
                          iterations=(1000, 2000, 6000), resolution=100):
    """Train with no regularization, L2 or dropout and draw the boundary over the training and test points.

    Buttons pick the regularizer, sliders its strength (``lambd`` for L2, ``keep_prob`` for
    dropout; the other slider is disabled) and the number of iterations. Each change calls
    your ``model`` and redraws the decision boundary twice — over the training points and
    over the test points — with the accuracy on each. The widget trains for at most a few
    thousand iterations instead of the notebook's 30,000, and it remembers every model it
    has trained. Building it trains every regularizer and strength for the largest number
    of iterations (a few seconds each for dropout), so that those redraws only draw; fewer
    iterations train when asked for, which takes a fraction of that.

    Parameters
    ----------
    model : callable
        ``model(X, Y, num_iterations=..., print_cost=False, lambd=..., keep_prob=...)``
        returning the trained parameters, or a tuple whose first item they are.
    X_train : ndarray of shape (2, m_train)
    Y_train : ndarray of shape (1, m_train)
    X_test : ndarray of shape (2, m_test)
    Y_test : ndarray of shape (1, m_test)
    lambdas : sequence of float, keyword-only
        The choices on the L2 slider (0.7 is selected first when present).
    keep_probs : sequence of float, keyword-only
        The choices on the dropout slider (0.86 is selected first when present).
    iterations : sequence of int, keyword-only
        The choices of the number of iterations (the largest is selected first).
    resolution : int, default 100, keyword-only
        Grid points along each axis of the coloured background.

    Returns
    -------
    widget : ipywidgets.VBox
        The controls, a line of results, and the figure.
    """
    lambdas, keep_probs, iterations = tuple(lambdas), tuple(keep_probs), tuple(iterations)
    if not lambdas or not keep_probs or not iterations:
        raise ValueError("lambdas, keep_probs and iterations must not be empty")

    method_buttons = widgets.ToggleButtons(options=("none", "L2", "dropout"), value="none",
                                           description="regularization", style={"description_width": "initial"})
    lambd_slider = choice_slider("λ (L2)", lambdas, 0.7, "300px")
    keep_prob_slider = choice_slider("keep_prob (dropout)", keep_probs, 0.86, "300px")
    iterations_slider = choice_slider("iterations", iterations, max(iterations), "300px")
    trained = {}

    def train(lambd, keep_prob, num_iterations):
        key = (lambd, keep_prob, num_iterations)
        if key in trained:
            return trained[key], None
        start = time.perf_counter()
        with np.errstate(all="ignore"):
            output = model(X_train, Y_train, num_iterations=num_iterations, print_cost=False, lambd=lambd,
                           keep_prob=keep_prob)
        trained[key] = output[0] if isinstance(output, tuple) else output
        return trained[key], time.perf_counter() - start

    def draw(method, lambd, keep_prob, num_iterations):
        lambd_slider.disabled = method != "L2"
        keep_prob_slider.disabled = method != "dropout"
        lambd = lambd if method == "L2" else 0
        keep_prob = keep_prob if method == "dropout" else 1
        setting = {"none": "no regularization", "L2": f"L2 with λ = {lambd:g}",
                   "dropout": f"dropout with keep_prob = {keep_prob:g}"}[method]
        parameters, seconds = train(lambd, keep_prob, num_iterations)

        def predict(points):
            with np.errstate(all="ignore"):
                return predict_dec(parameters, points)

        fig, (ax_train, ax_test) = plt.subplots(1, 2, figsize=(11, 4.6), layout="constrained")
        scores = {}
        for ax, name, X, Y in ((ax_train, "training set", X_train, Y_train), (ax_test, "test set", X_test, Y_test)):
            scores[name] = float(np.mean(predict(X) == np.asarray(Y).reshape(1, -1)) * 100)
            plot_decision_boundary(predict, X, Y, ax=ax, resolution=resolution,
                                   title=f"{name}: accuracy {scores[name]:.1f} %")
        fig.suptitle(f"{setting}, {num_iterations} iterations")
        timing = "trained before" if seconds is None else f"trained in {seconds:.1f} s"
        return fig, (f"{setting}: train {scores['training set']:.1f} % · test {scores['test set']:.1f} % · "
                     f"gap {scores['training set'] - scores['test set']:+.1f} points ({timing})")

    train_ahead("training every setting", [(0, 1, max(iterations))] + [(lambd, 1, max(iterations)) for lambd in lambdas]
                 + [(0, keep_prob, max(iterations)) for keep_prob in keep_probs], train)
    return figure_widget(draw, {"method": method_buttons, "lambd": lambd_slider, "keep_prob": keep_prob_slider,
                                "num_iterations": iterations_slider},
                         rows=[method_buttons, widgets.HBox([lambd_slider, keep_prob_slider, iterations_slider])])

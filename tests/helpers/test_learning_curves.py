"""Tests of helpers.learning_curves: the learning-curve computation and the widget that draws it."""
import ipywidgets as widgets
import numpy as np
import pytest

from helpers.learning_curves import learning_curve_widget, train_curves


def _sigmoid(z):
    return 1 / (1 + np.exp(-z))


def optimize(w, b, X, Y, num_iterations, learning_rate, print_cost=False):
    """A minimal logistic-regression optimize with the course's API, recording the cost every 100 steps."""
    m = X.shape[1]
    costs = []
    for i in range(num_iterations):
        A = _sigmoid(w.T @ X + b)
        cost = -np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A))
        dw = X @ (A - Y).T / m
        db = np.mean(A - Y)
        w = w - learning_rate * dw
        b = b - learning_rate * db
        if i % 100 == 0:
            costs.append(cost)
    return {"w": w, "b": b}, {"dw": dw, "db": db}, costs


def predict(w, b, X):
    """Predictions of shape (1, m), each 0 or 1."""
    return (_sigmoid(w.T @ X + b) > 0.5).astype(float)


@pytest.fixture(scope="module")
def data():
    """Two noisy Gaussian blobs, examples in columns."""
    rng = np.random.default_rng(0)

    def make(m):
        Y = rng.integers(0, 2, size=(1, m))
        X = rng.normal(size=(3, m)) + 1.5 * (2 * Y - 1)
        return X, Y

    return (*make(120), *make(60))


def test_train_curves_records_one_point_per_chunk(data):
    """Are there num_iterations / every + 1 measurements, at iterations 0, every, ..., num_iterations?"""
    curves = train_curves(optimize, predict, *data, learning_rate=0.1, num_iterations=500)
    assert curves["iterations"] == [0, 100, 200, 300, 400, 500]
    for key in ("costs", "train_accuracy", "test_accuracy"):
        assert len(curves[key]) == 6, key
        assert all(isinstance(value, float) for value in curves[key]), key


def test_train_curves_cost_decreases_and_accuracy_rises(data):
    """Does training from zeros start at cost log(2) and end with a lower cost and a better accuracy?"""
    curves = train_curves(optimize, predict, *data, learning_rate=0.1, num_iterations=300)
    costs = curves["costs"]
    assert costs[0] == pytest.approx(np.log(2))
    assert all(later < earlier for earlier, later in zip(costs, costs[1:]))
    assert curves["train_accuracy"][-1] > 90 and curves["test_accuracy"][-1] > 90
    assert curves["train_accuracy"][-1] > curves["train_accuracy"][0]
    assert all(0 <= value <= 100 for value in curves["train_accuracy"] + curves["test_accuracy"])


def test_train_curves_matches_one_long_run(data):
    """Do the chunks reach the same final cost as a single run of optimize with all the iterations?"""
    X_train, Y_train, _, _ = data
    curves = train_curves(optimize, predict, *data, learning_rate=0.05, num_iterations=250, every=100)
    assert curves["iterations"] == [0, 100, 200, 250]
    w0 = np.zeros((X_train.shape[0], 1))
    _, _, costs = optimize(w0, 0.0, X_train, Y_train, num_iterations=251, learning_rate=0.05)
    np.testing.assert_allclose(curves["costs"][:3], costs[:3])
    params, _, _ = optimize(w0, 0.0, X_train, Y_train, num_iterations=250, learning_rate=0.05)
    _, _, final = optimize(params["w"], params["b"], X_train, Y_train, num_iterations=1, learning_rate=0.05)
    assert curves["costs"][-1] == pytest.approx(final[0])


def test_train_curves_reports_a_badly_shaped_predict(data):
    """Does a predict that returns the wrong number of predictions raise a ValueError naming the shape?"""
    with pytest.raises(ValueError, match=r"\(1, m\)"):
        train_curves(optimize, lambda w, b, X: np.zeros((1, 3)), *data, learning_rate=0.1, num_iterations=100)


def _parts(widget):
    controls, label, output = widget.children
    rate_slider, iterations_slider = controls.children
    return rate_slider, iterations_slider, label, output


def test_learning_curve_widget_builds_headless(data):
    """Does the factory return a VBox of sliders (not continuously updating), a filled result line and an Output?"""
    widget = learning_curve_widget(optimize, predict, *data, max_iterations=1000)
    assert isinstance(widget, widgets.VBox)
    rate_slider, iterations_slider, label, output = _parts(widget)
    assert isinstance(rate_slider, widgets.SelectionSlider) and not rate_slider.continuous_update
    assert isinstance(iterations_slider, widgets.IntSlider) and not iterations_slider.continuous_update
    assert (iterations_slider.min, iterations_slider.max, iterations_slider.step) == (100, 1000, 100)
    assert rate_slider.value == 0.005
    assert isinstance(output, widgets.Output)
    assert label.value.startswith("train ") and label.value.endswith(f"after {iterations_slider.value} iterations")


def test_learning_curve_widget_trains_each_rate_once_when_built_and_only_draws_afterwards(data):
    """Does building train every learning rate for max_iterations, and does every slider move then redraw
    without training, with the numbers a run of that length gives?"""
    calls = []

    def counting_optimize(w, b, X, Y, num_iterations, learning_rate, print_cost=False):
        calls.append((learning_rate, num_iterations))
        return optimize(w, b, X, Y, num_iterations, learning_rate, print_cost)

    widget = learning_curve_widget(counting_optimize, predict, *data, learning_rates=(0.0001, 0.1), max_iterations=500)
    rate_slider, iterations_slider, label, _ = _parts(widget)
    assert (rate_slider.value, iterations_slider.value) == (0.1, 500)
    for rate in (0.0001, 0.1):  # 500 steps in chunks, plus the one step that measures the final cost
        assert sum(steps for r, steps in calls if r == rate) == 501
    calls.clear()
    first = label.value
    iterations_slider.value = 200
    shorter = train_curves(optimize, predict, *data, learning_rate=0.1, num_iterations=200)
    assert label.value == (f"train {shorter['train_accuracy'][-1]:.1f} % · test {shorter['test_accuracy'][-1]:.1f} %"
                           " after 200 iterations") and label.value != first
    rate_slider.value = 0.0001
    assert label.value.endswith("after 200 iterations")
    iterations_slider.value = 500
    assert calls == []


def test_widgets_train_nothing_ahead_under_nbgrader(data, monkeypatch):
    """Under nbgrader (no slider can move), does a widget train only the setting it first shows?"""
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    rates = []

    def spying_optimize(w, b, X, Y, num_iterations, learning_rate, print_cost=False):
        rates.append(learning_rate)
        return optimize(w, b, X, Y, num_iterations, learning_rate, print_cost)

    learning_curve_widget(spying_optimize, predict, *data, learning_rates=(0.0001, 0.1), max_iterations=300)
    assert set(rates) == {0.1}

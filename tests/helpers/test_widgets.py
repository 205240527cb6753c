"""Tests of helpers.widgets: the learning-curve computation and the widget that draws it."""
import ipywidgets as widgets
import numpy as np
import pytest

from helpers.widgets import learning_curve_widget, train_curves
from helpers.widgets import decision_boundary_widget, train_one_hidden_layer
from helpers.widgets import optimizer_race_widget, regularization_widget


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


@pytest.fixture(scope="module")
def week3():
    """The graded functions of week 3 (reference solutions) and two small data sets."""
    from autograder.reference import reference_namespace

    reference = reference_namespace("c1w3_planar_data_classification")
    rng = np.random.default_rng(1)
    X = rng.normal(size=(2, 60))
    Y = (X[0] * X[1] > 0).astype(int).reshape(1, -1)
    blocks = {name: reference[name] for name in ("initialize_parameters", "forward_propagation",
                                                 "backward_propagation", "update_parameters")}
    return reference, blocks, {"quadrants": (X, Y), "halves": (X, (X[:1] > 0).astype(int))}


def test_train_one_hidden_layer_is_nn_model_with_a_learning_rate(week3):
    """At learning rate 1.2, does it reproduce nn_model exactly, and does it leave NumPy's global state alone?"""
    reference, blocks, datasets = week3
    X, Y = datasets["quadrants"]
    expected = reference["nn_model"](X, Y, 3, num_iterations=300)
    np.random.seed(0)
    state = np.random.get_state()
    got = train_one_hidden_layer(X, Y, 3, num_iterations=300, **blocks)
    assert np.random.get_state()[1].tolist() == state[1].tolist()
    for key in expected:
        np.testing.assert_allclose(got[key], expected[key], rtol=1e-12)
    slower = train_one_hidden_layer(X, Y, 3, num_iterations=300, learning_rate=0.1, **blocks)
    assert not np.allclose(slower["W1"], got["W1"])
    halfway = train_one_hidden_layer(X, Y, 3, num_iterations=100, **blocks)
    resumed = train_one_hidden_layer(X, Y, 3, num_iterations=200, parameters=halfway, **blocks)
    for key in expected:
        np.testing.assert_allclose(resumed[key], expected[key], rtol=1e-12)


def test_decision_boundary_widget_builds_headless_and_redraws(week3):
    """Does it show the accuracy for the first data set, offer non-continuous controls, and retrain when the
    data set or the hidden units change?"""
    reference, blocks, datasets = week3
    widget = decision_boundary_widget(datasets, predict=reference["predict"], max_iterations=1000, **blocks)
    controls, label, output = widget.children
    (menu, hidden), (rate, iterations) = (box.children for box in controls.children)
    assert isinstance(output, widgets.Output) and isinstance(menu, widgets.Dropdown)
    assert not any(control.continuous_update for control in (hidden, rate, iterations))
    assert (hidden.value, rate.value, iterations.max) == (4, 1.2, 1000)
    assert label.value.startswith("accuracy ") and "of quadrants" in label.value
    first = label.value
    menu.value = "halves"
    assert "of halves" in label.value
    hidden.value = 1
    assert label.value != first and "accuracy" in label.value


def test_decision_boundary_widget_resumes_from_its_checkpoints(week3):
    """Does going back to fewer iterations train nothing, and going up train only the difference, with the
    accuracy a run in one go gives?"""
    reference, blocks, datasets = week3
    steps = []

    def counting_update(parameters, grads, learning_rate=1.2):
        steps.append(1)
        return blocks["update_parameters"](parameters, grads, learning_rate=learning_rate)

    widget = decision_boundary_widget(datasets, predict=reference["predict"], max_iterations=1500,
                                      **{**blocks, "update_parameters": counting_update})
    controls, label, _ = widget.children
    iterations = controls.children[1].children[1]
    assert iterations.value == 1500 and len(steps) == 1500
    iterations.value = 500
    assert len(steps) == 1500
    hidden = controls.children[0].children[1]
    hidden.value = 3
    assert len(steps) == 2000
    iterations.value = 1000
    assert len(steps) == 2500
    X, Y = datasets["quadrants"]
    parameters = train_one_hidden_layer(X, Y, 3, num_iterations=1000, **blocks)
    accuracy = np.mean(reference["predict"](parameters, X) == Y) * 100
    assert label.value.startswith(f"accuracy {accuracy:.1f} % ")


@pytest.fixture(scope="module")
def wavy():
    """A small wavy-border set and a fast stand-in for the regularization notebook's model."""
    from helpers.datasets import make_wavy_boundary
    from helpers.three_layer_net import backward_propagation, forward_propagation, initialize_parameters

    X, Y = make_wavy_boundary(80, random_state=0)
    X_test, Y_test = make_wavy_boundary(60, random_state=1)
    calls = []

    def model(X, Y, learning_rate=0.3, num_iterations=30000, print_cost=True, lambd=0, keep_prob=1):
        calls.append((num_iterations, lambd, keep_prob, print_cost))
        parameters = initialize_parameters([2, 6, 3, 1])
        for _ in range(num_iterations // 50):
            grads = backward_propagation(X, Y, forward_propagation(X, parameters)[1])
            parameters = {k: v - learning_rate * grads["d" + k] for k, v in parameters.items()}
        return parameters, []

    return model, calls, (X, Y, X_test, Y_test)


def test_regularization_widget_trains_each_setting_once_and_disables_the_unused_slider(wavy):
    """Does it start without regularization (both strength sliders disabled), train with the chosen lambd or
    keep_prob only, never print, remember trained settings, and report train and test accuracy?"""
    model, calls, data = wavy
    widget = regularization_widget(model, *data, iterations=(500, 1000))
    controls, label, output = widget.children
    method, (lambd, keep_prob, iterations) = controls.children[0], controls.children[1].children
    assert isinstance(output, widgets.Output) and method.value == "none"
    assert lambd.disabled and keep_prob.disabled and not any(
        s.continuous_update for s in (lambd, keep_prob, iterations))
    # building trains every setting once, for the largest number of iterations
    assert sorted(calls) == sorted([(1000, 0, 1, False)] + [(1000, value, 1, False) for _, value in lambd.options]
                                   + [(1000, 0, value, False) for _, value in keep_prob.options])
    assert label.value.startswith("no regularization: train ") and "test" in label.value
    trained_ahead = len(calls)
    method.value = "L2"
    assert not lambd.disabled and keep_prob.disabled
    assert "λ = 0.7" in label.value and "trained before" in label.value
    method.value = "dropout"
    assert "keep_prob = 0.86" in label.value
    keep_prob.value = 0.5
    assert "keep_prob = 0.5" in label.value and len(calls) == trained_ahead
    iterations.value = 500
    assert calls[-1] == (500, 0, 0.5, False) and "trained in" in label.value


def test_optimizer_race_widget_redraws_for_every_control():
    """Does it start on the first surface with every optimizer in the result line, and rerun on a change?"""
    widget = optimizer_race_widget()
    controls, label, output = widget.children
    (surface, rate, steps), (beta, beta1, beta2) = (box.children for box in controls.children)
    assert isinstance(output, widgets.Output) and surface.value == "ravine" and rate.value == 0.1
    assert not any(c.continuous_update for c in (rate, steps, beta, beta1, beta2))
    for name in ("gradient descent", "momentum", "RMSprop", "Adam"):
        assert name + ":" in label.value
    first = label.value
    surface.value = "banana valley"
    assert label.value != first and "diverged" in label.value
    second = label.value
    beta1.value = 0.5
    assert label.value != second


def test_search_comparison_widget_draws_with_the_learners_sampler_and_redraws():
    """Does it start at 25 trials with a 5 x 5 grid, redraw when the budget or the seed changes, and leave the
    global random state alone?"""
    from helpers.widgets import search_comparison_widget

    def sample_log_uniform(low, high, size):
        return 10 ** np.random.uniform(np.log10(low), np.log10(high), size)

    np.random.seed(11)
    expected = np.random.rand()
    np.random.seed(11)
    widget = search_comparison_widget(sample_log_uniform)
    (budget, seed), label, output = widget.children[0].children, widget.children[1], widget.children[2]
    assert np.random.rand() == expected
    assert isinstance(output, widgets.Output) and budget.value == 25
    assert not budget.continuous_update and not seed.continuous_update
    assert label.value.startswith("grid: 25 trials, 5 learning rates, best") and "random: 25 trials" in label.value
    first = label.value
    seed.value = 3
    assert label.value != first and label.value.startswith("grid: 25 trials")
    budget.value = 9
    assert label.value.startswith("grid: 9 trials, 3 learning rates") and "random: 9 trials, 9 learning rates" in label.value

"""Tests of helpers.shallow_network: nn_model's loop with a learning rate, and the decision-boundary widget."""
import ipywidgets as widgets
import numpy as np
import pytest

from helpers.shallow_network import decision_boundary_widget, train_one_hidden_layer


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

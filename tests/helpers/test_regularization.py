"""Tests of helpers.regularization: the widget that trains with no regularizer, L2 or dropout."""
import ipywidgets as widgets
import pytest

from helpers.regularization import regularization_widget


@pytest.fixture(scope="module")
def wavy():
    """A small wavy-border set and a fast stand-in for the regularization notebook's model."""
    from helpers.planar import make_wavy_boundary
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

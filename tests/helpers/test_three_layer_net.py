"""Tests of helpers.three_layer_net: the three-layer network the Course 2 notebooks train."""
import warnings

import numpy as np
import pytest

from helpers.gradient_check import numerical_gradient
from helpers.three_layer_net import (
    accuracy,
    backward_propagation,
    compute_cost,
    forward_propagation,
    forward_propagation_n,
    initialize_parameters,
    predict_dec,
    relu,
    sigmoid,
    update_parameters,
)


@pytest.fixture
def problem():
    """A [3, 4, 2, 1] network with random parameters and 7 examples."""
    rng = np.random.default_rng(0)
    shapes = {"W1": (4, 3), "b1": (4, 1), "W2": (2, 4), "b2": (2, 1), "W3": (1, 2), "b3": (1, 1)}
    parameters = {key: rng.normal(size=shape) for key, shape in shapes.items()}
    X = rng.normal(size=(3, 7))
    Y = (rng.random((1, 7)) > 0.5).astype(np.int64)
    return X, Y, parameters


def test_activations_are_elementwise_and_quiet():
    """Do sigmoid and relu keep the shape, give the textbook values, and stay silent on huge inputs?"""
    z = np.array([[-1000.0, 0.0], [2.0, 1000.0]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # an overflow warning would fail the test
        s = sigmoid(z)
    np.testing.assert_allclose(s, [[0.0, 0.5], [1 / (1 + np.exp(-2.0)), 1.0]])
    np.testing.assert_array_equal(relu(z), [[0.0, 0.0], [2.0, 1000.0]])


def test_initialize_parameters_matches_seed_3_without_touching_the_global_state():
    """Are the weights those of np.random.seed(3) + randn, scaled by sqrt(gain / n_prev), with zero biases,
    and is NumPy's global random state unchanged?"""
    np.random.seed(123)
    before = np.random.get_state()[1].copy()
    parameters = initialize_parameters([2, 5, 3, 1], gain=2)
    assert np.array_equal(np.random.get_state()[1], before)
    reference = np.random.RandomState(3)
    for l, (n, n_prev) in enumerate([(5, 2), (3, 5), (1, 3)], start=1):
        np.testing.assert_allclose(parameters[f"W{l}"], reference.randn(n, n_prev) * np.sqrt(2 / n_prev))
        assert parameters[f"b{l}"].shape == (n, 1) and not parameters[f"b{l}"].any()
    xavier = initialize_parameters([2, 5, 3, 1])
    np.testing.assert_allclose(xavier["W2"] * np.sqrt(2), parameters["W2"])


def test_forward_propagation_shapes_and_cache_layout(problem):
    """Does the forward pass return A3 (1, m) in (0, 1) and the cache (Z1, A1, W1, b1, ..., Z3, A3, W3, b3)?"""
    X, _, parameters = problem
    A3, cache = forward_propagation(X, parameters)
    assert A3.shape == (1, 7) and np.all((A3 > 0) & (A3 < 1))
    assert len(cache) == 12
    Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3_cached, W3, b3 = cache
    assert W1 is parameters["W1"] and b3 is parameters["b3"]
    np.testing.assert_allclose(A1, np.maximum(0, W1 @ X + b1))
    np.testing.assert_array_equal(A3, A3_cached)


def test_backward_propagation_matches_finite_differences(problem):
    """Is every dW and db of the backward pass the derivative of compute_cost, to 1e-6?"""
    X, Y, parameters = problem
    _, cache = forward_propagation(X, parameters)
    gradients = backward_propagation(X, Y, cache)
    assert set(gradients) == {"dZ3", "dW3", "db3", "dA2", "dZ2", "dW2", "db2", "dA1", "dZ1", "dW1", "db1"}
    for key, value in parameters.items():
        approx = numerical_gradient(lambda: compute_cost(forward_propagation(X, parameters)[0], Y), value)
        np.testing.assert_allclose(gradients["d" + key], approx, rtol=1e-5, atol=1e-7, err_msg=key)


def test_compute_cost_counts_certain_right_answers_as_zero_and_certain_wrong_ones_as_inf():
    """Is the cost the mean cross-entropy, with 0 log 0 = 0, and inf for a certain wrong prediction?"""
    Y = np.array([[1, 0, 1]])
    assert compute_cost(np.array([[0.8, 0.3, 0.6]]), Y) == pytest.approx(-np.mean(np.log([0.8, 0.7, 0.6])))
    assert compute_cost(np.array([[1.0, 0.0, 0.5]]), Y) == pytest.approx(np.log(2) / 3)
    assert compute_cost(np.array([[0.0, 0.5, 0.5]]), Y) == float("inf")
    assert isinstance(compute_cost(np.array([[0.8, 0.3, 0.6]]), Y), float)


def test_forward_propagation_n_is_the_cost_of_the_forward_pass(problem):
    """Does forward_propagation_n return compute_cost of the forward pass and the same cache?"""
    X, Y, parameters = problem
    cost, cache = forward_propagation_n(X, Y, parameters)
    A3, expected_cache = forward_propagation(X, parameters)
    assert cost == compute_cost(A3, Y)
    assert all(np.array_equal(a, b) for a, b in zip(cache, expected_cache))


def test_update_parameters_steps_downhill_without_changing_its_input(problem):
    """Does one step subtract learning_rate * dW from each parameter and leave the old dictionary alone?"""
    X, Y, parameters = problem
    before = {key: value.copy() for key, value in parameters.items()}
    grads = backward_propagation(X, Y, forward_propagation(X, parameters)[1])
    updated = update_parameters(parameters, grads, 0.1)
    for key in parameters:
        np.testing.assert_array_equal(parameters[key], before[key])
        np.testing.assert_allclose(updated[key], before[key] - 0.1 * grads["d" + key])
    assert compute_cost(forward_propagation(X, updated)[0], Y) < compute_cost(forward_propagation(X, parameters)[0], Y)


def test_predict_dec_and_accuracy(problem):
    """Are the predictions 0/1 integers of shape (1, m), A3 > 0.5, and the accuracy their percentage of hits?"""
    X, Y, parameters = problem
    predictions = predict_dec(parameters, X)
    A3, _ = forward_propagation(X, parameters)
    assert predictions.shape == (1, 7) and predictions.dtype == np.int64
    np.testing.assert_array_equal(predictions, (A3 > 0.5).astype(int))
    assert accuracy(parameters, X, Y) == pytest.approx(100 * np.mean(predictions == Y))
    assert accuracy(parameters, X, predictions) == 100.0

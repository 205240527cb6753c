"""Tests of helpers.deep_network: the building blocks the application notebook imports behave like the
ones graded in the step-by-step notebook, and their gradients are right."""
import numpy as np
import pytest

import helpers.deep_network as dn
from autograder.reference import reference_namespace


@pytest.fixture(scope="module")
def graded():
    """The reference functions of the step-by-step notebook."""
    return reference_namespace("c1w4_deep_neural_network_step_by_step")


def _network(rng, layer_dims, m=6):
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters[f"W{l}"] = rng.normal(scale=0.7, size=(layer_dims[l], layer_dims[l - 1]))
        parameters[f"b{l}"] = rng.normal(scale=0.2, size=(layer_dims[l], 1))
    return rng.normal(size=(layer_dims[0], m)), parameters


def _same(expected, got):
    if isinstance(expected, dict):
        assert sorted(expected) == sorted(got)
        for key in expected:
            _same(expected[key], got[key])
    elif isinstance(expected, (tuple, list)):
        assert type(expected) is type(got) and len(expected) == len(got)
        for e, g in zip(expected, got):
            _same(e, g)
    else:
        np.testing.assert_allclose(got, expected, rtol=1e-12, atol=1e-14)


def test_the_building_blocks_match_the_graded_ones(graded):
    """On a random 3-layer network, do forward, cost, backward and update give the step-by-step results,
    caches included?"""
    rng = np.random.default_rng(1)
    X, parameters = _network(rng, [5, 4, 3, 1])
    Y = (rng.random((1, 6)) > 0.5).astype(float)
    AL, caches = dn.L_model_forward(X, parameters)
    _same(graded["L_model_forward"](X, parameters), (AL, caches))
    _same(graded["compute_cost"](AL, Y), dn.compute_cost(AL, Y))
    grads = dn.L_model_backward(AL, Y, caches)
    expected = graded["L_model_backward"](AL, Y, caches)
    assert "dA0" not in grads  # the gradient with respect to X, which training never uses
    _same({key: value for key, value in expected.items() if key != "dA0"}, grads)
    _same(graded["linear_backward"](expected["dA1"], caches[0][0]), dn.linear_backward(expected["dA1"], caches[0][0]))
    _same(graded["update_parameters"](parameters, grads, 0.1), dn.update_parameters(parameters, grads, 0.1))
    for activation in ("relu", "sigmoid"):
        _same(graded["linear_activation_forward"](X, parameters["W1"], parameters["b1"], activation),
              dn.linear_activation_forward(X, parameters["W1"], parameters["b1"], activation))
        dA = rng.normal(size=(4, 6))
        _same(graded["linear_activation_backward"](dA, caches[0], activation),
              dn.linear_activation_backward(dA, caches[0], activation))


@pytest.mark.parametrize("layer_dims", [[4, 3, 2, 1], [4, 1]])
def test_the_backward_pass_matches_numerical_gradients(layer_dims):
    """Is every dW and db of L_model_backward the derivative of compute_cost, checked by finite differences,
    for a 3-layer network and for logistic regression?"""
    rng = np.random.default_rng(2)
    X, parameters = _network(rng, layer_dims, m=5)
    Y = np.array([[0.0, 1.0, 1.0, 0.0, 1.0]])
    AL, caches = dn.L_model_forward(X, parameters)
    grads = dn.L_model_backward(AL, Y, caches)
    epsilon = 1e-6
    for key, value in parameters.items():
        numerical = np.zeros_like(value)
        for index in np.ndindex(value.shape):
            for sign in (1, -1):
                shifted = {k: v.copy() for k, v in parameters.items()}
                shifted[key][index] += sign * epsilon
                numerical[index] += sign * dn.compute_cost(dn.L_model_forward(X, shifted)[0], Y) / (2 * epsilon)
        np.testing.assert_allclose(grads[f"d{key}"], numerical, rtol=1e-5, atol=1e-8, err_msg=key)


def test_the_initializers_use_the_global_state_without_seeding_it(graded):
    """Seeded with 1 first, does initialize_parameters give the graded (self-seeding) numbers, does a second
    call give new ones, and does initialize_parameters_deep scale by 1 / sqrt(n[l-1])?"""
    np.random.seed(1)
    first, second = dn.initialize_parameters(7, 4, 1), dn.initialize_parameters(7, 4, 1)
    _same(graded["initialize_parameters"](7, 4, 1), first)
    assert not np.allclose(first["W1"], second["W1"])
    np.random.seed(1)
    deep = dn.initialize_parameters_deep([400, 30, 1])
    np.random.seed(1)
    np.testing.assert_allclose(deep["W1"], np.random.randn(30, 400) / 20)
    assert deep["W2"].shape == (1, 30) and np.all(deep["b1"] == 0) and deep["b2"].shape == (1, 1)
    assert 0.9 < deep["W1"].std() * np.sqrt(400) < 1.1


def test_update_parameters_leaves_its_input_alone():
    """Does update_parameters return new arrays and leave the dictionary it was given unchanged?"""
    rng = np.random.default_rng(3)
    _, parameters = _network(rng, [3, 2, 1])
    before = {k: v.copy() for k, v in parameters.items()}
    grads = {f"d{k}": np.ones_like(v) for k, v in parameters.items()}
    updated = dn.update_parameters(parameters, grads, 0.5)
    for key in parameters:
        np.testing.assert_array_equal(parameters[key], before[key])
        np.testing.assert_allclose(updated[key], before[key] - 0.5)


def test_predict_labels_above_one_half_and_prints_the_accuracy(capsys):
    """Does predict return 0./1. of shape (1, m), print the accuracy, and stay quiet when asked?"""
    parameters = {"W1": np.array([[1.0, -1.0]]), "b1": np.array([[0.0]])}
    X = np.array([[2.0, -1.0, 0.5, 0.0], [0.0, 1.0, 1.5, 0.0]])
    p = dn.predict(X, np.array([[1, 0, 1, 1]]), parameters)
    np.testing.assert_array_equal(p, [[1.0, 0.0, 0.0, 0.0]])
    assert p.dtype == float
    assert capsys.readouterr().out == "Accuracy: 50.0 %\n"
    dn.predict(X, np.array([[1, 0, 1, 1]]), parameters, print_accuracy=False)
    assert capsys.readouterr().out == ""


def test_an_unknown_activation_is_named_in_the_error():
    """Does asking for an activation other than relu or sigmoid raise a ValueError naming it?"""
    with pytest.raises(ValueError, match="tanh"):
        dn.linear_activation_forward(np.ones((2, 3)), np.ones((1, 2)), np.zeros((1, 1)), "tanh")


def test_compute_cost_returns_a_0d_array_as_the_original_does():
    """Is the cost a 0-d array, as the original's compute_cost returns it (the application's models record
    it in their costs, and the original's tests require that type)?"""
    cost = dn.compute_cost(np.array([[0.8, 0.9, 0.4]]), np.array([[1, 1, 0]]))
    assert isinstance(cost, np.ndarray) and cost.shape == ()
    assert float(cost) == pytest.approx(0.2797765635793422, rel=1e-12)

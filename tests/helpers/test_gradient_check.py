"""Tests of helpers.gradient_check: finite differences, the relative difference and the report."""
import numpy as np
import pytest

from helpers.gradient_check import compare_gradients, numerical_gradient, relative_difference
from helpers.gradient_check import dictionary_to_vector, gradients_to_vector, vector_to_dictionary
from helpers.gradient_check import plot_epsilon_sweep, plot_gradient_differences


def test_numerical_gradient_of_a_quadratic_is_exact_and_x_is_restored():
    """Does the central difference recover 2 A x for x^T A x, leaving x as it was?"""
    rng = np.random.default_rng(0)
    A = rng.normal(size=(4, 4))
    A = A + A.T
    x = rng.normal(size=(4, 1))
    original = x.copy()
    grad = numerical_gradient(lambda: (x.T @ A @ x).item(), x)
    np.testing.assert_allclose(grad, 2 * A @ x, rtol=1e-6)
    np.testing.assert_array_equal(x, original)


def test_numerical_gradient_restores_x_when_the_cost_raises():
    """If the cost fails mid-way, is the nudged entry put back before the error propagates?"""
    x = np.ones(3)

    def cost():
        if x[1] != 1:
            raise RuntimeError("boom")
        return x.sum()

    with pytest.raises(RuntimeError):
        numerical_gradient(cost, x)
    np.testing.assert_array_equal(x, np.ones(3))


def test_numerical_gradient_refuses_integer_arrays():
    """An integer array cannot hold x + epsilon: is that a TypeError rather than a silent zero gradient?"""
    with pytest.raises(TypeError):
        numerical_gradient(lambda: 0.0, np.arange(3))


def test_relative_difference_is_zero_for_equal_one_for_opposite_and_scale_free():
    """Is the relative difference 0 for equal gradients (even both zero), 1 for opposite ones, and unchanged by scaling?"""
    g = np.array([1.0, -2.0, 3.0])
    assert relative_difference(g, g) == 0.0
    assert relative_difference(np.zeros(3), np.zeros(3)) == 0.0
    assert relative_difference(g, -g) == pytest.approx(1.0)
    assert relative_difference(1e6 * g, 1e6 * (g + 1e-3)) == pytest.approx(relative_difference(g, g + 1e-3))
    with pytest.raises(ValueError, match="shapes"):
        relative_difference(g, g[:2])


def test_compare_gradients_reports_ok_and_flags_a_wrong_gradient(capsys):
    """Does the report say ok for a right gradient and flag a wrong one, with one line per array?"""
    W = np.array([[1.0, 2.0], [3.0, 4.0]])
    b = np.array([0.5, -0.5])

    def cost():
        return float(np.sum((W @ np.array([1.0, -1.0]) + b) ** 2))

    residual = W @ np.array([1.0, -1.0]) + b
    right = {"W": 2 * np.outer(residual, [1.0, -1.0]), "b": 2 * residual}
    differences = compare_gradients(cost, {"W": W, "b": b}, right)
    assert set(differences) == {"W", "b"} and max(differences.values()) < 1e-7
    out = capsys.readouterr().out
    assert out.count("ok") == 2 and len(out.strip().splitlines()) == 2
    differences = compare_gradients(cost, {"W": W, "b": b}, {"W": right["W"], "b": -right["b"]})
    assert differences["b"] > 0.5
    assert "DIFFERENT" in capsys.readouterr().out


def test_compare_gradients_rejects_mismatched_keys_and_shapes():
    """Are missing gradients and gradients of the wrong shape errors, not silent passes?"""
    x = np.ones(2)
    with pytest.raises(KeyError):
        compare_gradients(lambda: x.sum(), {"x": x}, {"y": x})
    with pytest.raises(ValueError, match="shape"):
        compare_gradients(lambda: x.sum(), {"x": x}, {"x": np.ones(3)})


def _three_layer_parameters(rng, layer_dims=(4, 5, 3, 1)):
    parameters = {}
    for l in range(1, 4):
        parameters[f"W{l}"] = rng.normal(size=(layer_dims[l], layer_dims[l - 1]))
        parameters[f"b{l}"] = rng.normal(size=(layer_dims[l], 1))
    return parameters


def test_parameters_go_to_a_column_and_back():
    """Does dictionary_to_vector stack W1, b1, ..., b3 row by row into a (47, 1) column with the name of each
    entry, and does vector_to_dictionary undo it (also for other layer sizes)?"""
    parameters = _three_layer_parameters(np.random.default_rng(0))
    theta, keys = dictionary_to_vector(parameters)
    assert theta.shape == (47, 1) and len(keys) == 47
    assert keys[:20] == ["W1"] * 20 and keys[20:25] == ["b1"] * 5 and keys[-1] == "b3"
    assert theta[1, 0] == parameters["W1"][0, 1] and theta[20, 0] == parameters["b1"][0, 0]
    back = vector_to_dictionary(theta)
    for key, value in parameters.items():
        np.testing.assert_array_equal(back[key], value)
    other = _three_layer_parameters(np.random.default_rng(1), (2, 3, 2, 1))
    theta, _ = dictionary_to_vector(other)
    assert np.array_equal(vector_to_dictionary(theta, (2, 3, 2, 1))["W2"], other["W2"])
    with pytest.raises(ValueError, match="47 parameters"):
        vector_to_dictionary(theta)


def test_gradients_to_vector_lines_up_with_the_parameters():
    """Does gradients_to_vector stack dW1, db1, ..., db3 in the order of dictionary_to_vector, ignoring dZ keys?"""
    parameters = _three_layer_parameters(np.random.default_rng(2))
    gradients = {"d" + key: value * 2 for key, value in parameters.items()}
    gradients["dZ1"] = np.ones((5, 7))
    theta, _ = dictionary_to_vector(parameters)
    np.testing.assert_array_equal(gradients_to_vector(gradients), 2 * theta)


def test_plot_gradient_differences_and_epsilon_sweep():
    """Does the bar chart show one bar per check on a log scale with its value written on it, and does the sweep
    plot differences against epsilon log-log, marking the chosen epsilon?"""
    ax = plot_gradient_differences({"1-D": 7.8e-11, "buggy": 0.31, "fixed": 1.2e-7})
    assert len(ax.patches) >= 3 and ax.get_yscale() == "log"
    assert [t.get_text() for t in ax.texts] == ["7.8e-11", "3.1e-01", "1.2e-07"]
    assert ax.get_ylabel() and ax.get_title()
    ax = plot_epsilon_sweep([1e-1, 1e-4, 1e-7], [5e-3, 2e-10, 1e-7], chosen=1e-7)
    assert ax.get_xscale() == "log" and ax.get_yscale() == "log"
    assert len(ax.get_lines()) == 2 and ax.get_xlabel() and ax.get_title()
    with pytest.raises(ValueError):
        plot_epsilon_sweep([1e-1, 1e-2], [1.0])

"""Tests of helpers.activations: each forward function returns its cache, each backward one the chain rule."""
import numpy as np
import pytest

from helpers.activations import relu, relu_backward, sigmoid, sigmoid_backward


@pytest.fixture
def Z():
    return np.array([[-3.0, -0.5, 0.0], [0.25, 1.0, 4.0]])


def test_forward_functions_return_the_activation_and_Z_as_cache(Z):
    """Do sigmoid and relu return (A, cache) with the right values and the very array Z as the cache?"""
    A, cache = sigmoid(Z)
    np.testing.assert_allclose(A, 1 / (1 + np.exp(-Z)))
    assert cache is Z
    A, cache = relu(Z)
    np.testing.assert_array_equal(A, [[0.0, 0.0, 0.0], [0.25, 1.0, 4.0]])
    assert cache is Z


@pytest.mark.parametrize("forward, backward", [(sigmoid, sigmoid_backward), (relu, relu_backward)])
def test_backward_functions_multiply_by_the_derivative(forward, backward):
    """Does dZ equal dA times the numerical derivative of the activation, away from relu's kink?"""
    rng = np.random.default_rng(0)
    Z = rng.normal(size=(3, 5))
    Z[np.abs(Z) < 1e-3] = 0.5
    dA = rng.normal(size=Z.shape)
    epsilon = 1e-6
    numerical = (forward(Z + epsilon)[0] - forward(Z - epsilon)[0]) / (2 * epsilon)
    np.testing.assert_allclose(backward(dA, Z), dA * numerical, rtol=1e-6, atol=1e-9)


def test_relu_backward_is_zero_at_and_below_zero_and_leaves_dA_alone(Z):
    """Is relu's gradient 0 where Z <= 0 (including Z == 0), and is dA unchanged afterwards?"""
    dA = np.ones_like(Z) * 2.0
    dZ = relu_backward(dA, Z)
    np.testing.assert_array_equal(dZ, [[0.0, 0.0, 0.0], [2.0, 2.0, 2.0]])
    np.testing.assert_array_equal(dA, np.full_like(Z, 2.0))

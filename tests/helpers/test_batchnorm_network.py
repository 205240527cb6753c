"""Tests of helpers.batchnorm_network: the deep network built around the learner's softmax and batch norm."""
import numpy as np
import pytest

from helpers.batchnorm_network import (
    _backward,
    _forward,
    initialize_batchnorm_network,
    predict_batchnorm_network,
    train_batchnorm_network,
)
from helpers.gradient_check import numerical_gradient


def softmax(Z):
    T = np.exp(Z - Z.max(axis=0, keepdims=True))
    return T / T.sum(axis=0, keepdims=True)


def compute_cost(AL, Y):
    return float(-np.sum(Y * np.log(AL)) / Y.shape[1])


def softmax_backward(AL, Y):
    return AL - Y


def batchnorm_forward(Z, gamma, beta, bn_params):
    bn_params = dict(bn_params)
    eps, momentum = bn_params["eps"], bn_params["momentum"]
    if bn_params["mode"] == "train":
        mu, var = Z.mean(axis=1, keepdims=True), Z.var(axis=1, keepdims=True)
        Z_norm = (Z - mu) / np.sqrt(var + eps)
        bn_params["running_mean"] = momentum * bn_params["running_mean"] + (1 - momentum) * mu
        bn_params["running_var"] = momentum * bn_params["running_var"] + (1 - momentum) * var
        return gamma * Z_norm + beta, (Z, Z_norm, mu, var, gamma, beta, eps), bn_params
    Z_norm = (Z - bn_params["running_mean"]) / np.sqrt(bn_params["running_var"] + eps)
    return gamma * Z_norm + beta, None, bn_params


def batchnorm_backward(dZ_tilde, cache):
    Z, Z_norm, mu, var, gamma, beta, eps = cache
    dbeta = dZ_tilde.mean(axis=1, keepdims=True)
    dgamma = (dZ_tilde * Z_norm).mean(axis=1, keepdims=True)
    return gamma / np.sqrt(var + eps) * (dZ_tilde - dbeta - Z_norm * dgamma), dgamma, dbeta


FUNCTIONS = {"softmax": softmax, "compute_cost": compute_cost, "softmax_backward": softmax_backward}
BATCHNORM = {"batchnorm_forward": batchnorm_forward, "batchnorm_backward": batchnorm_backward}


@pytest.fixture(scope="module")
def blobs():
    """Three Gaussian blobs in 5 dimensions, 150 training and 60 test examples in columns, one-hot labels."""
    rng = np.random.default_rng(0)
    centres = rng.normal(scale=2, size=(5, 3))

    def draw(m):
        labels = rng.integers(0, 3, m)
        return centres[:, labels] + rng.normal(size=(5, m)), np.eye(3)[:, labels]

    return (*draw(150), *draw(60))


@pytest.mark.parametrize("batchnorm", [False, True])
def test_backward_pass_matches_finite_differences(batchnorm):
    """Are the gradients of every parameter, with and without batch norm, the derivatives of the cost?"""
    rng = np.random.default_rng(1)
    X, Y = rng.normal(size=(4, 7)), np.eye(3)[:, rng.integers(0, 3, 7)]
    parameters, bn_params = initialize_batchnorm_network([4, 5, 4, 3], batchnorm=batchnorm, random_state=2)
    for key in parameters:
        parameters[key] = parameters[key] + 0.3 * rng.normal(size=parameters[key].shape)
    forward_functions = (softmax, batchnorm_forward)

    def cost():
        return compute_cost(_forward(X, parameters, bn_params, "train", *forward_functions)[0], Y)

    AL, caches, _ = _forward(X, parameters, bn_params, "train", *forward_functions)
    grads = _backward(softmax_backward(AL, Y), parameters, caches, bn_params, batchnorm_backward)
    assert set(grads) == {"d" + key for key in parameters}
    assert ("gamma1" in parameters) == batchnorm and ("b1" in parameters) != batchnorm
    for key in parameters:
        numeric = numerical_gradient(cost, parameters[key])
        assert np.linalg.norm(grads["d" + key] - numeric) <= 1e-6 * (np.linalg.norm(numeric) + 1e-8), key


def test_plain_and_batchnorm_networks_start_from_the_same_weights():
    """Does the same seed give the same weight matrices with and without batch norm, scaled by weight_scale?"""
    plain, _ = initialize_batchnorm_network([50, 40, 30, 3], batchnorm=False, weight_scale=2.0, random_state=4)
    normed, bn_params = initialize_batchnorm_network([50, 40, 30, 3], batchnorm=True, weight_scale=2.0,
                                                     random_state=4)
    for l in (1, 2, 3):
        np.testing.assert_array_equal(plain[f"W{l}"], normed[f"W{l}"])
    assert abs(plain["W1"].std() - np.sqrt(2 / 50)) < 0.01
    assert bn_params[0] is None and bn_params[3] is None and bn_params[1]["running_var"].shape == (40, 1)
    assert set(normed) == {"W1", "gamma1", "beta1", "W2", "gamma2", "beta2", "W3", "b3"}


@pytest.mark.parametrize("batchnorm", [False, True])
def test_training_learns_the_blobs(blobs, batchnorm):
    """Does training lower the cost and classify well-separated blobs, recording one value per epoch?"""
    X, Y, X_test, Y_test = blobs
    history = train_batchnorm_network(X, Y, [5, 16, 16, 3], **FUNCTIONS, **(BATCHNORM if batchnorm else {}),
                                      learning_rate=0.1, num_epochs=20, mini_batch_size=32, X_test=X_test,
                                      Y_test=Y_test)
    assert len(history["costs"]) == 20 * 5 and len(history["epoch_costs"]) == 20
    assert history["epoch_costs"][-1] < 0.5 * history["epoch_costs"][0]
    assert history["train_accuracy"][-1] > 90 and history["test_accuracy"][-1] > 85


def test_running_averages_are_learned_and_used_at_test_time(blobs):
    """After training, do the running averages differ from their start, and does a single example get the same
    prediction alone as inside a batch?"""
    X, Y, X_test, _ = blobs
    history = train_batchnorm_network(X, Y, [5, 16, 3], **FUNCTIONS, **BATCHNORM, learning_rate=0.1, num_epochs=5)
    bn_params = history["bn_params"]
    assert not np.allclose(bn_params[1]["running_mean"], 0)
    together = predict_batchnorm_network(X_test, history["parameters"], bn_params, softmax=softmax,
                                         batchnorm_forward=batchnorm_forward)
    alone = [predict_batchnorm_network(X_test[:, [i]], history["parameters"], bn_params, softmax=softmax,
                                       batchnorm_forward=batchnorm_forward)[0] for i in range(5)]
    assert list(together[:5]) == alone and together.shape == (60,)


def test_training_is_reproducible_and_leaves_the_global_random_state_alone(blobs):
    """Do two runs with the same seed give the same costs, without consuming NumPy's global random state?"""
    X, Y, _, _ = blobs
    np.random.seed(5)
    expected = np.random.rand()
    np.random.seed(5)
    first = train_batchnorm_network(X, Y, [5, 8, 3], **FUNCTIONS, num_epochs=2)
    second = train_batchnorm_network(X, Y, [5, 8, 3], **FUNCTIONS, num_epochs=2)
    assert np.random.rand() == expected
    assert first["costs"] == second["costs"]


def test_a_diverging_run_is_a_result_not_an_error(blobs):
    """Does a huge learning rate give non-finite or large costs without raising or warning?"""
    X, Y, _, _ = blobs
    with np.errstate(all="raise"):
        history = train_batchnorm_network(X * 100, Y, [5, 16, 16, 3], **FUNCTIONS, learning_rate=50.0, num_epochs=3)
    assert not np.isfinite(history["epoch_costs"][-1]) or history["epoch_costs"][-1] > 1


def test_batchnorm_forward_without_backward_is_refused(blobs):
    """Is a batch-norm forward pass without its backward pass refused with a clear message?"""
    X, Y, _, _ = blobs
    with pytest.raises(ValueError, match="batchnorm_backward"):
        train_batchnorm_network(X, Y, [5, 8, 3], **FUNCTIONS, batchnorm_forward=batchnorm_forward)

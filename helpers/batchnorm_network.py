"""A deep fully connected network with or without batch normalization, built from functions you pass in.

The batch-normalization notebook compares two versions of the same deep network:

- **plain**: ``[LINEAR -> RELU] x (L-1) -> LINEAR -> SOFTMAX``;
- **with batch norm**: ``[LINEAR (no bias) -> BATCHNORM -> RELU] x (L-1) -> LINEAR -> SOFTMAX``.
  The bias ``b`` of a normalized layer is left out: subtracting the batch mean cancels it, and
  ``beta`` takes its role.

The softmax, the cost, the gradient of the cost and the batch-norm layer are **your** graded
functions, passed in by keyword; this module adds the linear layers, the ReLUs, the mini-batch
loop and plain gradient descent around them. Gradients follow Course 1's convention: a ``dZ``
or ``dA`` is per example (``dZ = AL - Y`` at the output), and the gradients of the parameters
average over the mini-batch (the ``1 / m`` sits in ``dW``, ``db``, ``dgamma`` and ``dbeta``).

Layout: examples in columns. ``X`` is ``(n_x, m)``; ``Y`` is one-hot, ``(C, m)``.
``parameters`` holds ``W{l}`` ``(n[l], n[l-1])``; ``b{l}`` ``(n[l], 1)`` for the plain layers
and the output layer; ``gamma{l}`` and ``beta{l}`` ``(n[l], 1)`` for the normalized layers.
Randomness uses a local ``np.random.default_rng``; NumPy's global random state is untouched.
"""
import numpy as np

from helpers.activations import relu, relu_backward

__all__ = [
    "initialize_batchnorm_network",
    "predict_batchnorm_network",
    "train_batchnorm_network",
]


def initialize_batchnorm_network(layer_dims, *, batchnorm, weight_scale=2.0, momentum=0.9, eps=1e-5,
                                 random_state=0):
    """Random weights, and batch-norm parameters and running averages when ``batchnorm`` is True.

    Parameters
    ----------
    layer_dims : sequence of int, length L + 1
        ``[n_x, n[1], ..., n[L]]``; the last layer is the softmax output.
    batchnorm : bool, keyword-only
        Normalize the hidden layers ``1 .. L-1``.
    weight_scale : float, default 2.0, keyword-only
        ``W{l}`` is drawn from a normal distribution of variance ``weight_scale / n[l-1]``:
        2 is He initialization, 1 the smaller "Xavier" scale.
    momentum, eps : float, keyword-only
        Stored in every layer's ``bn_params``.
    random_state : int or None, keyword-only
        Seed of the local generator; the same seed gives the same weights with or without
        batch norm.

    Returns
    -------
    parameters : dict of {str: ndarray}
        ``W{l}``, and ``b{l}`` or ``gamma{l}`` (ones) and ``beta{l}`` (zeros); biases are zeros.
    bn_params : list of dict or None, length L + 1
        ``bn_params[l]`` for a normalized layer: ``{"mode": "train", "eps", "momentum",
        "running_mean": zeros (n[l], 1), "running_var": ones (n[l], 1)}``; None elsewhere.
    """
    rng = np.random.default_rng(random_state)
    L = len(layer_dims) - 1
    parameters, bn_params = {}, [None] * (L + 1)
    for l in range(1, L + 1):
        n, n_prev = int(layer_dims[l]), int(layer_dims[l - 1])
        parameters[f"W{l}"] = rng.normal(size=(n, n_prev)) * np.sqrt(weight_scale / n_prev)
        if batchnorm and l < L:
            parameters[f"gamma{l}"] = np.ones((n, 1))
            parameters[f"beta{l}"] = np.zeros((n, 1))
            bn_params[l] = {"mode": "train", "eps": eps, "momentum": momentum,
                            "running_mean": np.zeros((n, 1)), "running_var": np.ones((n, 1))}
        else:
            parameters[f"b{l}"] = np.zeros((n, 1))
    return parameters, bn_params


def _forward(X, parameters, bn_params, mode, softmax, batchnorm_forward):
    """Forward pass; returns AL and the caches ``(A_prev, bn_cache, Z_tilde)`` of every layer, and the new bn_params."""
    L = len(bn_params) - 1
    A, caches, new_bn_params = X, [], list(bn_params)
    for l in range(1, L + 1):
        Z = parameters[f"W{l}"] @ A
        if l == L:
            caches.append((A, None, None))
            return softmax(Z + parameters[f"b{l}"]), caches, new_bn_params
        bn_cache = None
        if bn_params[l] is not None:
            Z, bn_cache, new_bn_params[l] = batchnorm_forward(Z, parameters[f"gamma{l}"], parameters[f"beta{l}"],
                                                              {**bn_params[l], "mode": mode})
        else:
            Z = Z + parameters[f"b{l}"]
        caches.append((A, bn_cache, Z))
        A, _ = relu(Z)


def _backward(dZ, parameters, caches, bn_params, batchnorm_backward):
    """Backward pass from the output's dZ; returns the gradients, keyed "dW1", "db1", "dgamma1", ..."""
    L = len(caches)
    grads = {}
    for l in range(L, 0, -1):
        A_prev, bn_cache, Z_tilde = caches[l - 1]
        if l < L:
            dZ = relu_backward(dA, Z_tilde)
            if bn_params[l] is not None:
                dZ, grads[f"dgamma{l}"], grads[f"dbeta{l}"] = batchnorm_backward(dZ, bn_cache)
        m = A_prev.shape[1]
        grads[f"dW{l}"] = dZ @ A_prev.T / m
        if f"b{l}" in parameters:
            grads[f"db{l}"] = np.sum(dZ, axis=1, keepdims=True) / m
        dA = parameters[f"W{l}"].T @ dZ
    return grads


def predict_batchnorm_network(X, parameters, bn_params, *, softmax, batchnorm_forward=None):
    """Predicted classes, with every batch-norm layer in test mode (its running averages).

    Parameters
    ----------
    X : ndarray of shape (n_x, m)
    parameters, bn_params
        As returned by :func:`train_batchnorm_network`.
    softmax : callable
        ``softmax(Z) -> A``, columns summing to 1.
    batchnorm_forward : callable, optional
        Needed when the network has batch-norm layers.

    Returns
    -------
    predictions : ndarray of shape (m,), dtype int64
        The index of the largest probability of each column.
    """
    AL, _, _ = _forward(X, parameters, bn_params, "test", softmax, batchnorm_forward)
    return np.argmax(AL, axis=0)


def train_batchnorm_network(X, Y, layer_dims, *, softmax, compute_cost, softmax_backward,
                            batchnorm_forward=None, batchnorm_backward=None, learning_rate=0.1,
                            num_epochs=10, mini_batch_size=64, weight_scale=2.0, momentum=0.9,
                            random_state=0, X_test=None, Y_test=None):
    """Train the network by mini-batch gradient descent, with batch norm if its functions are given.

    Parameters
    ----------
    X : ndarray of shape (n_x, m)
    Y : ndarray of shape (C, m)
        One-hot labels.
    layer_dims : sequence of int
        ``[n_x, n[1], ..., n[L-1], C]``.
    softmax : callable
        ``softmax(Z) -> A`` on (C, m).
    compute_cost : callable
        ``compute_cost(AL, Y) -> float``, the mean cross-entropy.
    softmax_backward : callable
        ``softmax_backward(AL, Y) -> dZ``, the per-example gradient ``AL - Y``.
    batchnorm_forward : callable, optional, keyword-only
        ``batchnorm_forward(Z, gamma, beta, bn_params) -> Z_tilde, cache, bn_params``. When None
        (the default) the network is plain.
    batchnorm_backward : callable, optional, keyword-only
        ``batchnorm_backward(dZ_tilde, cache) -> dZ, dgamma, dbeta``.
    learning_rate : float, keyword-only
    num_epochs : int, keyword-only
    mini_batch_size : int, keyword-only
    weight_scale, momentum : float, keyword-only
        See :func:`initialize_batchnorm_network`.
    random_state : int, keyword-only
        Seeds the weights and the shuffling of every epoch, so a plain and a batch-norm run with
        the same seed start from the same weights and see the same mini-batches.
    X_test, Y_test : ndarray, optional, keyword-only
        When given, the test accuracy is measured after every epoch.

    Returns
    -------
    history : dict
        ``"costs"``: the cost of every mini-batch (a list of floats); ``"epoch_costs"``: their
        mean over each epoch; ``"train_accuracy"`` and ``"test_accuracy"``: accuracy in % after
        each epoch, measured in test mode (empty lists when not measured); ``"parameters"`` and
        ``"bn_params"``: the trained network.
    """
    batchnorm = batchnorm_forward is not None
    if batchnorm and batchnorm_backward is None:
        raise ValueError("batchnorm_forward is given but batchnorm_backward is not")
    parameters, bn_params = initialize_batchnorm_network(layer_dims, batchnorm=batchnorm, weight_scale=weight_scale,
                                                         momentum=momentum, random_state=random_state)
    rng = np.random.default_rng([random_state, 1])
    history = {"costs": [], "epoch_costs": [], "train_accuracy": [], "test_accuracy": []}
    with np.errstate(all="ignore"):  # a diverging run (a learning rate too large) is a result, not an error
        _train_epochs(X, Y, parameters, bn_params, history, rng, softmax, compute_cost, softmax_backward,
                      batchnorm_forward, batchnorm_backward, learning_rate, num_epochs, mini_batch_size,
                      X_test, Y_test)
    return history


def _train_epochs(X, Y, parameters, bn_params, history, rng, softmax, compute_cost, softmax_backward,
                  batchnorm_forward, batchnorm_backward, learning_rate, num_epochs, mini_batch_size, X_test, Y_test):
    """The loop of :func:`train_batchnorm_network`; fills ``history`` in place."""
    m = X.shape[1]
    for _ in range(num_epochs):
        permutation = rng.permutation(m)
        epoch_costs = []
        for start in range(0, m, mini_batch_size):
            batch = permutation[start:start + mini_batch_size]
            X_batch, Y_batch = X[:, batch], Y[:, batch]
            AL, caches, bn_params = _forward(X_batch, parameters, bn_params, "train", softmax, batchnorm_forward)
            epoch_costs.append(float(compute_cost(AL, Y_batch)))
            grads = _backward(softmax_backward(AL, Y_batch), parameters, caches, bn_params, batchnorm_backward)
            for key in parameters:
                parameters[key] = parameters[key] - learning_rate * grads["d" + key]
        history["costs"].extend(epoch_costs)
        history["epoch_costs"].append(float(np.mean(epoch_costs)))
        train_predictions = predict_batchnorm_network(X, parameters, bn_params, softmax=softmax,
                                                      batchnorm_forward=batchnorm_forward)
        history["train_accuracy"].append(100 * float(np.mean(train_predictions == np.argmax(Y, axis=0))))
        if X_test is not None:
            predictions = predict_batchnorm_network(X_test, parameters, bn_params, softmax=softmax,
                                                    batchnorm_forward=batchnorm_forward)
            history["test_accuracy"].append(100 * float(np.mean(predictions == np.argmax(Y_test, axis=0))))
    history["parameters"], history["bn_params"] = parameters, bn_params

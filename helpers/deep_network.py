"""The building blocks of an L-layer network, for the notebooks that come after you wrote them.

These are the functions of *Building a deep neural network step by step* (week 4), with the
same names, arguments, shapes and cache layouts, so that *Deep neural network application*
can assemble models from them. Three differences from the graded versions:

- the initializers do **not** seed NumPy's random generator: they draw from its global state,
  and the models seed it first (``np.random.seed(1)``), as the application expects;
- :func:`initialize_parameters_deep` scales each weight matrix by
  :math:`1 / \\sqrt{n^{[l-1]}}` instead of 0.01, which lets a deep ReLU network start learning
  at once (Course 2 explains why);
- :func:`L_model_backward` does not compute ``dA0``, the gradient with respect to the input
  ``X``: training never uses it, and on images it would cost as much as the whole forward pass
  of the first layer.

Layout: examples in columns. ``X`` is ``(n_x, m)``, ``Y`` is ``(1, m)``, ``W{l}`` is
``(n[l], n[l-1])`` and ``b{l}`` is ``(n[l], 1)``. A layer's cache is
``((A_prev, W, b), Z)``: the *linear cache* and the *activation cache*.
"""
import copy

import numpy as np

from helpers.activations import relu, relu_backward, sigmoid, sigmoid_backward

__all__ = [
    "L_model_backward",
    "L_model_forward",
    "compute_cost",
    "initialize_parameters",
    "initialize_parameters_deep",
    "linear_activation_backward",
    "linear_activation_forward",
    "linear_backward",
    "linear_forward",
    "predict",
    "update_parameters",
]

_ACTIVATIONS = {"relu": (relu, relu_backward), "sigmoid": (sigmoid, sigmoid_backward)}


def _activation(name):
    if name not in _ACTIVATIONS:
        raise ValueError(f'activation must be "relu" or "sigmoid", got {name!r}')
    return _ACTIVATIONS[name]


def initialize_parameters(n_x, n_h, n_y):
    """Small random weights and zero biases for a LINEAR->RELU->LINEAR->SIGMOID network.

    The weights are ``np.random.randn(...) * 0.01``, drawn from NumPy's global random state
    (seed it first for reproducible numbers).

    Parameters
    ----------
    n_x, n_h, n_y : int
        Sizes of the input, hidden and output layers.

    Returns
    -------
    parameters : dict
        ``"W1"`` of shape (n_h, n_x), ``"b1"`` (n_h, 1), ``"W2"`` (n_y, n_h), ``"b2"`` (n_y, 1).
    """
    return {"W1": np.random.randn(n_h, n_x) * 0.01, "b1": np.zeros((n_h, 1)),
            "W2": np.random.randn(n_y, n_h) * 0.01, "b2": np.zeros((n_y, 1))}


def initialize_parameters_deep(layer_dims):
    """Random weights scaled by :math:`1 / \\sqrt{n^{[l-1]}}` and zero biases for an L-layer network.

    ``W{l} = np.random.randn(layer_dims[l], layer_dims[l-1]) / np.sqrt(layer_dims[l-1])``,
    drawn from NumPy's global random state, layer after layer (seed it first for
    reproducible numbers).

    Parameters
    ----------
    layer_dims : sequence of int, length L + 1
        ``[n_x, n[1], ..., n[L]]``, the size of every layer, input first.

    Returns
    -------
    parameters : dict
        ``"W1", "b1", ..., "WL", "bL"`` with ``W{l}`` of shape (n[l], n[l-1]) and ``b{l}`` (n[l], 1).
    """
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters[f"W{l}"] = np.random.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
        parameters[f"b{l}"] = np.zeros((layer_dims[l], 1))
    return parameters


def linear_forward(A, W, b):
    """The linear part of a layer: :math:`Z = W A + b`.

    Parameters
    ----------
    A : ndarray of shape (n[l-1], m)
        Activations of the previous layer (or the input X).
    W : ndarray of shape (n[l], n[l-1])
    b : ndarray of shape (n[l], 1)

    Returns
    -------
    Z : ndarray of shape (n[l], m)
    cache : tuple
        ``(A, W, b)``, the linear cache.
    """
    return W @ A + b, (A, W, b)


def linear_activation_forward(A_prev, W, b, activation):
    """One layer forward: LINEAR then ACTIVATION.

    Parameters
    ----------
    A_prev : ndarray of shape (n[l-1], m)
    W : ndarray of shape (n[l], n[l-1])
    b : ndarray of shape (n[l], 1)
    activation : {"relu", "sigmoid"}

    Returns
    -------
    A : ndarray of shape (n[l], m)
    cache : tuple
        ``(linear_cache, activation_cache)`` = ``((A_prev, W, b), Z)``.
    """
    forward, _ = _activation(activation)
    Z, linear_cache = linear_forward(A_prev, W, b)
    A, activation_cache = forward(Z)
    return A, (linear_cache, activation_cache)


def L_model_forward(X, parameters):
    """Forward pass of [LINEAR->RELU] x (L-1) -> LINEAR->SIGMOID.

    Parameters
    ----------
    X : ndarray of shape (n_x, m)
    parameters : dict
        ``"W1", "b1", ..., "WL", "bL"``, as :func:`initialize_parameters_deep` returns.

    Returns
    -------
    AL : ndarray of shape (1, m)
        The output probabilities.
    caches : list of length L
        The cache of every layer, first layer first.
    """
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters[f"W{L}"], parameters[f"b{L}"], "sigmoid")
    caches.append(cache)
    return AL, caches


def compute_cost(AL, Y):
    """Cross-entropy cost :math:`-\\frac{1}{m} \\sum_i y^{(i)} \\log a^{(i)} + (1 - y^{(i)}) \\log(1 - a^{(i)})`.

    Parameters
    ----------
    AL : ndarray of shape (1, m)
        Predicted probabilities.
    Y : ndarray of shape (1, m)
        True labels, 0 or 1.

    Returns
    -------
    cost : 0-d ndarray (a scalar)
    """
    m = Y.shape[1]
    cost = -np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m
    return np.squeeze(np.asarray(cost))  # a 0-d array, as the original returns it


def _linear_backward(dZ, cache, with_dA_prev):
    A_prev, W, _ = cache
    m = A_prev.shape[1]
    dW = dZ @ A_prev.T / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = W.T @ dZ if with_dA_prev else None
    return dA_prev, dW, db


def linear_backward(dZ, cache):
    """The linear part of a layer, backward.

    Parameters
    ----------
    dZ : ndarray of shape (n[l], m)
        Gradient of the cost with respect to Z.
    cache : tuple
        ``(A_prev, W, b)`` from :func:`linear_forward`.

    Returns
    -------
    dA_prev : ndarray of shape (n[l-1], m)
    dW : ndarray of shape (n[l], n[l-1])
    db : ndarray of shape (n[l], 1)
    """
    return _linear_backward(dZ, cache, with_dA_prev=True)


def linear_activation_backward(dA, cache, activation):
    """One layer backward: ACTIVATION then LINEAR.

    Parameters
    ----------
    dA : ndarray of shape (n[l], m)
        Gradient of the cost with respect to the layer's activation.
    cache : tuple
        ``(linear_cache, activation_cache)`` from :func:`linear_activation_forward`.
    activation : {"relu", "sigmoid"}

    Returns
    -------
    dA_prev : ndarray of shape (n[l-1], m)
    dW : ndarray of shape (n[l], n[l-1])
    db : ndarray of shape (n[l], 1)
    """
    _, backward = _activation(activation)
    linear_cache, activation_cache = cache
    return linear_backward(backward(dA, activation_cache), linear_cache)


def L_model_backward(AL, Y, caches):
    """Backward pass of [LINEAR->RELU] x (L-1) -> LINEAR->SIGMOID.

    Parameters
    ----------
    AL : ndarray of shape (1, m)
        Output of :func:`L_model_forward`.
    Y : ndarray of shape (1, m)
        True labels.
    caches : list of length L
        From :func:`L_model_forward`.

    Returns
    -------
    grads : dict
        ``"dW{l}"`` and ``"db{l}"`` for l = 1 .. L, and ``"dA{l}"`` for l = 1 .. L-1 (not
        ``"dA0"``, the gradient with respect to X, which training does not need).
    """
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dA = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    for l in reversed(range(1, L + 1)):
        _, backward = _activation("sigmoid" if l == L else "relu")
        linear_cache, activation_cache = caches[l - 1]
        dA, grads[f"dW{l}"], grads[f"db{l}"] = _linear_backward(backward(dA, activation_cache), linear_cache,
                                                                with_dA_prev=l > 1)
        if l > 1:
            grads[f"dA{l - 1}"] = dA
    return grads


def update_parameters(params, grads, learning_rate):
    """One step of gradient descent, :math:`W := W - \\alpha\\, dW`, on a copy of the parameters.

    Parameters
    ----------
    params : dict
        ``"W1", "b1", ..., "WL", "bL"``; not modified.
    grads : dict
        From :func:`L_model_backward`.
    learning_rate : float

    Returns
    -------
    parameters : dict
        The updated parameters, new arrays.
    """
    parameters = copy.deepcopy(params)
    L = len(parameters) // 2
    for l in range(1, L + 1):
        parameters[f"W{l}"] = parameters[f"W{l}"] - learning_rate * grads[f"dW{l}"]
        parameters[f"b{l}"] = parameters[f"b{l}"] - learning_rate * grads[f"db{l}"]
    return parameters


def predict(X, y, parameters, *, print_accuracy=True):
    """Label each example with the trained network, 1 where the output probability is above 0.5.

    Parameters
    ----------
    X : ndarray of shape (n_x, m)
    y : ndarray of shape (1, m)
        True labels, used only to print the accuracy.
    parameters : dict
        A trained network's parameters (any number of layers).
    print_accuracy : bool, default True, keyword-only
        Print the fraction of examples labelled like ``y``.

    Returns
    -------
    p : ndarray of shape (1, m)
        Predictions, 0. or 1.
    """
    AL, _ = L_model_forward(X, parameters)
    p = (AL > 0.5).astype(float)
    if print_accuracy:
        print(f"Accuracy: {np.mean(p == y) * 100:.1f} %")
    return p

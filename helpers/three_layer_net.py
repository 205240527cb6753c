"""The three-layer network of Course 2: LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID.

The notebooks on initialization, regularization, gradient checking and optimization train
this one small network on two-dimensional data and change a single ingredient each time
(the initial weights, a regularizer, the optimizer). Everything else lives here: the
activations, a default initializer, the forward and backward passes, the cost, the
gradient-descent update and prediction.

Examples sit in columns: ``X`` has shape ``(n_x, m)`` and ``Y`` shape ``(1, m)``.
``parameters`` holds ``W1`` ``(n_1, n_x)``, ``b1`` ``(n_1, 1)``, ``W2`` ``(n_2, n_1)``,
``b2`` ``(n_2, 1)``, ``W3`` ``(1, n_2)`` and ``b3`` ``(1, 1)``. The forward pass caches
``(Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3)``, the layout the graded functions of the
regularization notebook read. Nothing here touches NumPy's global random state.

Unlike :mod:`helpers.activations` (Course 1's layer-by-layer API, which returns an activation
*and* its cache), :func:`sigmoid` and :func:`relu` here return the activation alone, as the
Course 2 notebooks use them.
"""
import numpy as np

__all__ = [
    "accuracy",
    "backward_propagation",
    "compute_cost",
    "forward_propagation",
    "forward_propagation_n",
    "initialize_parameters",
    "predict_dec",
    "relu",
    "sigmoid",
    "update_parameters",
]

_KEYS = ("W1", "b1", "W2", "b2", "W3", "b3")


def sigmoid(x):
    """The logistic function ``1 / (1 + exp(-x))``, elementwise.

    Parameters
    ----------
    x : scalar or ndarray of any shape

    Returns
    -------
    s : ndarray of the shape of x
    """
    with np.errstate(over="ignore"):
        return 1 / (1 + np.exp(-x))


def relu(x):
    """The rectified linear unit ``max(0, x)``, elementwise.

    Parameters
    ----------
    x : scalar or ndarray of any shape

    Returns
    -------
    s : ndarray of the shape of x
    """
    return np.maximum(0, x)


def initialize_parameters(layer_dims, *, gain=1.0):
    """Random weights scaled by ``sqrt(gain / n[l-1])`` and zero biases, always the same ones.

    The weights come from ``np.random.RandomState(3)`` (the numbers ``np.random.seed(3)``
    followed by ``np.random.randn`` would give) without changing NumPy's global random state.

    Parameters
    ----------
    layer_dims : sequence of int, length L + 1
        ``[n_x, n_1, ..., n_L]``, the size of each layer.
    gain : float, default 1.0, keyword-only
        1 scales the weights by ``1 / sqrt(n[l-1])`` (Xavier), 2 by ``sqrt(2 / n[l-1])`` (He).

    Returns
    -------
    parameters : dict of {str: ndarray}
        ``W{l}`` of shape ``(n_l, n_{l-1})`` and ``b{l}`` of shape ``(n_l, 1)`` for l = 1..L.
    """
    random_state = np.random.RandomState(3)
    parameters = {}
    for l in range(1, len(layer_dims)):
        scale = np.sqrt(gain / layer_dims[l - 1])
        parameters[f"W{l}"] = random_state.randn(layer_dims[l], layer_dims[l - 1]) * scale
        parameters[f"b{l}"] = np.zeros((layer_dims[l], 1))
    return parameters


def forward_propagation(X, parameters):
    """Run the network forward: LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID.

    Parameters
    ----------
    X : ndarray of shape (n_x, m)
    parameters : dict of {str: ndarray}
        ``W1, b1, W2, b2, W3, b3``.

    Returns
    -------
    A3 : ndarray of shape (1, m)
        The output, the probability that each example has the label 1.
    cache : tuple
        ``(Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3)``, for the backward pass.
    """
    W1, b1, W2, b2, W3, b3 = (parameters[key] for key in _KEYS)
    Z1 = W1 @ X + b1
    A1 = relu(Z1)
    Z2 = W2 @ A1 + b2
    A2 = relu(Z2)
    Z3 = W3 @ A2 + b3
    A3 = sigmoid(Z3)
    return A3, (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3)


def backward_propagation(X, Y, cache):
    """Gradients of the cross-entropy cost with respect to every parameter and activation.

    Parameters
    ----------
    X : ndarray of shape (n_x, m)
    Y : ndarray of shape (1, m)
        Labels, 0 or 1.
    cache : tuple
        As returned by :func:`forward_propagation`.

    Returns
    -------
    gradients : dict of {str: ndarray}
        ``dZ3, dW3, db3, dA2, dZ2, dW2, db2, dA1, dZ1, dW1, db1``, each of the shape of the
        quantity it is the gradient of.
    """
    m = X.shape[1]
    Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3 = cache
    dZ3 = A3 - Y
    dW3 = dZ3 @ A2.T / m
    db3 = dZ3.sum(axis=1, keepdims=True) / m
    dA2 = W3.T @ dZ3
    dZ2 = dA2 * (A2 > 0)
    dW2 = dZ2 @ A1.T / m
    db2 = dZ2.sum(axis=1, keepdims=True) / m
    dA1 = W2.T @ dZ2
    dZ1 = dA1 * (A1 > 0)
    dW1 = dZ1 @ X.T / m
    db1 = dZ1.sum(axis=1, keepdims=True) / m
    return {"dZ3": dZ3, "dW3": dW3, "db3": db3,
            "dA2": dA2, "dZ2": dZ2, "dW2": dW2, "db2": db2,
            "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}


def compute_cost(A3, Y):
    """The cross-entropy cost, averaged over the examples.

    A term ``0 * log(0)`` (a certain prediction that is right) counts as 0; a certain
    prediction that is wrong costs ``inf``, and so does the whole cost then.

    Parameters
    ----------
    A3 : ndarray of shape (1, m)
        Predicted probabilities.
    Y : ndarray of shape (1, m)
        Labels, 0 or 1.

    Returns
    -------
    cost : float
    """
    m = Y.shape[1]
    with np.errstate(divide="ignore", invalid="ignore"):
        losses = -Y * np.log(A3) - (1 - Y) * np.log(1 - A3)
    total = losses.sum()
    if np.isnan(total):  # some 0 * log(0): count those terms as 0
        total = np.nansum(losses)
    return float(total / m)


def forward_propagation_n(X, Y, parameters):
    """The cost of the network on ``(X, Y)`` and the forward pass's cache.

    Parameters
    ----------
    X : ndarray of shape (n_x, m)
    Y : ndarray of shape (1, m)
        Labels, 0 or 1.
    parameters : dict of {str: ndarray}
        ``W1, b1, W2, b2, W3, b3``.

    Returns
    -------
    cost : float
        :func:`compute_cost` of the network's output.
    cache : tuple
        ``(Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3)``, as :func:`forward_propagation`.
    """
    A3, cache = forward_propagation(X, parameters)
    return compute_cost(A3, Y), cache


def update_parameters(parameters, grads, learning_rate):
    """One step of gradient descent, ``W := W - learning_rate * dW`` for every parameter.

    Parameters
    ----------
    parameters : dict of {str: ndarray}
        ``W1, b1, ..., WL, bL``; left unchanged.
    grads : dict of {str: ndarray}
        At least ``dW1, db1, ..., dWL, dbL``.
    learning_rate : float

    Returns
    -------
    parameters : dict of {str: ndarray}
        A new dictionary with the updated arrays.
    """
    return {key: value - learning_rate * grads["d" + key] for key, value in parameters.items()}


def predict_dec(parameters, X):
    """The label the network predicts for each column of X: 1 where ``A3 > 0.5``, else 0.

    Parameters
    ----------
    parameters : dict of {str: ndarray}
    X : ndarray of shape (n_x, m)

    Returns
    -------
    predictions : ndarray of shape (1, m), dtype int64
    """
    A3, _ = forward_propagation(X, parameters)
    return (A3 > 0.5).astype(np.int64)


def accuracy(parameters, X, Y):
    """Percentage of the examples the network labels correctly.

    Parameters
    ----------
    parameters : dict of {str: ndarray}
    X : ndarray of shape (n_x, m)
    Y : ndarray of shape (1, m)

    Returns
    -------
    accuracy : float
        Between 0 and 100.
    """
    return float(np.mean(predict_dec(parameters, X) == np.asarray(Y).reshape(1, -1)) * 100)

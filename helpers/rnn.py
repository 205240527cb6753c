"""Building blocks for the numpy recurrent networks of Course 5.

The activations the cells use (:func:`sigmoid`, and :func:`softmax` over the first axis, where
the classes are), and :func:`train_lstm`, which trains an LSTM with *your* forward and backward
passes. Arrays keep the course's layout: a batch of sequences ``x`` has shape
``(n_x, m, T_x)``, one step ``xt`` has shape ``(n_x, m)``.
"""
import numpy as np

__all__ = ["sigmoid", "softmax", "train_lstm"]


def sigmoid(x):
    """The logistic function ``1 / (1 + exp(-x))``, elementwise.

    Parameters
    ----------
    x : ndarray of any shape

    Returns
    -------
    s : ndarray of the shape of x, values in (0, 1)
    """
    return 1 / (1 + np.exp(-x))


def softmax(x):
    """Softmax over axis 0: each column of ``x`` becomes a probability distribution.

    Parameters
    ----------
    x : ndarray of shape (n_y, m)
        Scores, one column per example.

    Returns
    -------
    p : ndarray of shape (n_y, m)
        ``p[k, j] = exp(x[k, j]) / sum_i exp(x[i, j])``; every column sums to 1. The largest
        score of each column is subtracted first, which changes nothing mathematically but
        avoids overflow.
    """
    e = np.exp(x - np.max(x, axis=0, keepdims=True))
    return e / np.sum(e, axis=0, keepdims=True)


def _initialize_lstm(n_x, n_a, n_y, rng):
    scale = 1 / np.sqrt(n_a + n_x)
    parameters = {}
    for gate in ("f", "i", "c", "o"):
        parameters["W" + gate] = rng.normal(scale=scale, size=(n_a, n_a + n_x))
        parameters["b" + gate] = np.zeros((n_a, 1))
    parameters["bf"] += 1.0  # start by remembering: the forget gate begins mostly open
    parameters["Wy"] = rng.normal(scale=1 / np.sqrt(n_a), size=(n_y, n_a))
    parameters["by"] = np.zeros((n_y, 1))
    return parameters


def train_lstm(lstm_forward, lstm_backward, x, y, *, n_a, num_iterations=200, learning_rate=0.03,
               random_state=0):
    """Train an LSTM that predicts a class at every time step, with your forward and backward passes.

    The cost is the cross-entropy of the softmax predictions, averaged over the examples and
    the time steps. Each iteration runs ``lstm_forward`` on the whole batch, back-propagates
    through the output layer ``y = softmax(Wy a + by)`` by hand, calls ``lstm_backward`` for
    the rest, and takes one Adam step (``beta1 = 0.9``, ``beta2 = 0.999``).

    Parameters
    ----------
    lstm_forward : callable
        ``lstm_forward(x, a0, parameters) -> a, y_pred, c, caches`` with the course's API.
    lstm_backward : callable
        ``lstm_backward(da, caches) -> gradients`` with keys ``dx, da0, dWf, dbf, dWi, dbi,
        dWc, dbc, dWo, dbo``.
    x : ndarray of shape (n_x, m, T_x)
        Input sequences.
    y : ndarray of shape (n_y, m, T_x)
        One-hot targets at every time step.
    n_a : int, keyword-only
        Number of units of the LSTM.
    num_iterations : int, default 200, keyword-only
    learning_rate : float, default 0.03, keyword-only
    random_state : int, default 0, keyword-only
        Seed of the initial parameters (drawn from a local generator).

    Returns
    -------
    parameters : dict of {str: ndarray}
        The trained ``Wf, bf, Wi, bi, Wc, bc, Wo, bo, Wy, by``.
    costs : list of float, length num_iterations
        The cost before each step.
    """
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    (n_x, m, T_x), n_y = x.shape, y.shape[0]
    if y.shape[1:] != (m, T_x):
        raise ValueError(f"x of shape {x.shape} and y of shape {y.shape} must share (m, T_x)")
    parameters = _initialize_lstm(n_x, n_a, n_y, np.random.default_rng(random_state))
    v = {key: np.zeros_like(value) for key, value in parameters.items()}
    s = {key: np.zeros_like(value) for key, value in parameters.items()}
    a0 = np.zeros((n_a, m))
    costs = []
    for t in range(1, num_iterations + 1):
        a, y_pred, _, caches = lstm_forward(x, a0, parameters)
        costs.append(float(-np.sum(y * np.log(np.maximum(y_pred, 1e-12))) / (m * T_x)))
        dz = (y_pred - y) / (m * T_x)  # gradient of the cost with respect to the softmax's input
        gradients = dict(lstm_backward(np.einsum("ya,ymt->amt", parameters["Wy"], dz), caches))
        gradients["dWy"] = np.einsum("ymt,amt->ya", dz, a)
        gradients["dby"] = np.sum(dz, axis=(1, 2))[:, np.newaxis]
        for key in parameters:
            g = gradients["d" + key]
            v[key] = 0.9 * v[key] + 0.1 * g
            s[key] = 0.999 * s[key] + 0.001 * g ** 2
            v_corrected, s_corrected = v[key] / (1 - 0.9 ** t), s[key] / (1 - 0.999 ** t)
            parameters[key] = parameters[key] - learning_rate * v_corrected / (np.sqrt(s_corrected) + 1e-8)
    return parameters, costs

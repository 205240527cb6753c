"""Building blocks for the numpy recurrent networks of Course 5.

The activations the cells use (:func:`sigmoid`, and :func:`softmax` over the first axis, where
the classes are), and :func:`train_lstm`, which trains an LSTM with *your* forward and backward
passes; :func:`make_last_symbol_sequences`, a task that needs a memory, and
:func:`plot_gate_activations`, what an LSTM's gates do on it. Arrays keep the course's layout: a batch of sequences ``x`` has shape
``(n_x, m, T_x)``, one step ``xt`` has shape ``(n_x, m)``.
"""
import matplotlib.pyplot as plt
import numpy as np

__all__ = [
    "LAST_SYMBOL_INPUTS",
    "LAST_SYMBOL_TARGETS",
    "make_last_symbol_sequences",
    "plot_gate_activations",
    "sigmoid",
    "softmax",
    "train_lstm",
]


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


#: What the indices of :func:`make_last_symbol_sequences` stand for, in the inputs and in the targets.
LAST_SYMBOL_INPUTS, LAST_SYMBOL_TARGETS = ("·", "A", "B"), ("none yet", "A", "B")


def make_last_symbol_sequences(m, T_x=20, *, symbol_probability=0.15, random_state=None):
    """Sequences of blanks and rare symbols; the target at each step is the latest symbol seen.

    Each step of each sequence reads a blank ``"·"`` or, with probability
    ``symbol_probability``, one of the symbols ``"A"`` and ``"B"`` (equally likely). The target
    at step ``t`` is the most recent symbol among steps ``1..t`` (``"none yet"`` before the first
    one). A recurrent network solves it by storing a symbol when it arrives, overwriting the old
    one, and keeping it unchanged through the blanks — a job for an LSTM's gates.

    Parameters
    ----------
    m : int
        Number of sequences.
    T_x : int, default 20
        Length of every sequence.
    symbol_probability : float, default 0.15, keyword-only
        Probability that a step reads a symbol rather than a blank.
    random_state : int or None, keyword-only
        Seed of a local ``np.random.default_rng``; the global random state is never used.

    Returns
    -------
    x : ndarray of shape (3, m, T_x)
        One-hot inputs; index ``k`` stands for ``LAST_SYMBOL_INPUTS[k]`` (blank, A, B).
    y : ndarray of shape (3, m, T_x)
        One-hot targets; index ``k`` stands for ``LAST_SYMBOL_TARGETS[k]`` (none yet, A, B).

    Examples
    --------
    >>> x, y = make_last_symbol_sequences(4, 10, random_state=0)
    >>> x.shape, y.shape
    ((3, 4, 10), (3, 4, 10))
    """
    if not 0 <= symbol_probability <= 1:
        raise ValueError(f"symbol_probability must be in [0, 1], got {symbol_probability!r}")
    rng = np.random.default_rng(random_state)
    symbols = rng.integers(1, 3, size=(m, T_x)) * (rng.random((m, T_x)) < symbol_probability)
    latest = np.zeros((m, T_x), dtype=np.int64)
    current = np.zeros(m, dtype=np.int64)
    for t in range(T_x):
        current = np.where(symbols[:, t] > 0, symbols[:, t], current)
        latest[:, t] = current
    one_hot = np.eye(3)
    return one_hot[symbols].transpose(2, 0, 1), one_hot[latest].transpose(2, 0, 1)


def plot_gate_activations(gates, *, inputs=None, axes=None):
    """Show how open each gate of a recurrent cell is, unit by unit, at every time step.

    Parameters
    ----------
    gates : dict of {str: ndarray of shape (n_a, T_x)}
        Each gate's name (used as the panel title, e.g. ``"forget gate $\\Gamma_f$"``) and its
        values for **one** example, between 0 (closed) and 1 (open), e.g. ``ft[:, 0, :]`` when
        ``ft`` stacks the forget gate of every step as ``(n_a, m, T_x)``.
    inputs : sequence of str, length T_x, optional, keyword-only
        What the cell read at each step, written under the time axis.
    axes : sequence of matplotlib Axes, one per gate, optional, keyword-only
        Where to draw; a new figure with one row per gate is created when None.

    Returns
    -------
    axes : list of matplotlib Axes
        One per gate, in the order of ``gates``.
    """
    if not gates:
        raise ValueError("gates must hold at least one gate")
    values = {name: np.asarray(gate, dtype=float) for name, gate in gates.items()}
    shapes = {gate.shape for gate in values.values()}
    if len(shapes) != 1 or len(next(iter(shapes))) != 2:
        raise ValueError(f"every gate must be an array of the same shape (n_a, T_x), got {sorted(shapes)}")
    n_a, T_x = next(iter(shapes))
    if inputs is not None and len(inputs) != T_x:
        raise ValueError(f"got {len(inputs)} inputs for {T_x} time steps")
    if axes is None:
        fig, axes = plt.subplots(len(values), 1, figsize=(max(6.0, 0.38 * T_x + 2.5), 1.2 + 0.32 * n_a * len(values)),
                                 sharex=True, squeeze=False, layout="constrained")
        axes = list(axes[:, 0])
    axes = list(axes)
    if len(axes) != len(values):
        raise ValueError(f"got {len(axes)} axes for {len(values)} gates")
    for ax, (name, gate) in zip(axes, values.items()):
        image = ax.imshow(gate, cmap="cividis", vmin=0, vmax=1, aspect="auto", interpolation="nearest")
        ax.set_title(name, fontsize=10, loc="left")
        ax.set_ylabel("unit")
        ax.set_yticks(range(n_a))
        ax.set_xticks(range(T_x))
        ax.set_xticklabels([str(t + 1) for t in range(T_x)] if inputs is None
                           else [f"{t + 1}\n{label}" for t, label in enumerate(inputs)], fontsize=8)
    axes[-1].set_xlabel("time step $t$" + ("" if inputs is None else " and the input read at that step"))
    axes[0].figure.colorbar(image, ax=axes, label="gate value (0 closed, 1 open)", shrink=0.9)
    return axes

"""Tests of helpers.rnn (activations, LSTM training), of the task it trains on
(helpers.datasets.make_last_symbol_sequences) and of its figure (helpers.plotting.plot_gate_activations)."""
import numpy as np
import pytest

from helpers.rnn import LAST_SYMBOL_INPUTS, LAST_SYMBOL_TARGETS, make_last_symbol_sequences
from helpers.rnn import plot_gate_activations
from helpers.rnn import sigmoid, softmax, train_lstm


def lstm_forward(x, a0, parameters):
    """A plain LSTM forward pass with the course's API: the oracle train_lstm is tested with."""
    n_a, (n_x, m, T_x) = a0.shape[0], x.shape
    a, c, y = np.zeros((n_a, m, T_x)), np.zeros((n_a, m, T_x)), np.zeros((parameters["Wy"].shape[0], m, T_x))
    a_prev, c_prev, caches = a0, np.zeros_like(a0), []
    for t in range(T_x):
        concat = np.vstack([a_prev, x[:, :, t]])
        ft, it, ot = (sigmoid(parameters["W" + g] @ concat + parameters["b" + g]) for g in "fio")
        cct = np.tanh(parameters["Wc"] @ concat + parameters["bc"])
        c_next = ft * c_prev + it * cct
        a_next = ot * np.tanh(c_next)
        y[:, :, t] = softmax(parameters["Wy"] @ a_next + parameters["by"])
        caches.append((a_next, c_next, a_prev, c_prev, ft, it, cct, ot, x[:, :, t], parameters))
        a[:, :, t], c[:, :, t], a_prev, c_prev = a_next, c_next, a_next, c_next
    return a, y, c, (caches, x)


def lstm_backward(da, caches):
    """The matching backward pass."""
    caches, x = caches
    n_a, m, T_x = da.shape
    grads = {"dx": np.zeros(x.shape)}
    grads.update({"dW" + g: np.zeros((n_a, n_a + x.shape[0])) for g in "fico"})
    grads.update({"db" + g: np.zeros((n_a, 1)) for g in "fico"})
    da_next, dc_next = np.zeros((n_a, m)), np.zeros((n_a, m))
    for t in reversed(range(T_x)):
        a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, p = caches[t]
        da_t = da[:, :, t] + da_next
        dc = dc_next + da_t * ot * (1 - np.tanh(c_next) ** 2)
        pre = {"o": da_t * np.tanh(c_next) * ot * (1 - ot), "c": dc * it * (1 - cct ** 2),
               "i": dc * cct * it * (1 - it), "f": dc * c_prev * ft * (1 - ft)}
        concat = np.vstack([a_prev, xt])
        dconcat = sum(p["W" + g].T @ d for g, d in pre.items())
        for g, d in pre.items():
            grads["dW" + g] += d @ concat.T
            grads["db" + g] += d.sum(axis=1, keepdims=True)
        grads["dx"][:, :, t] = dconcat[n_a:]
        da_next, dc_next = dconcat[:n_a], dc * ft
    grads["da0"] = da_next
    return grads


def test_sigmoid_and_softmax_values_and_stability():
    """Are sigmoid(0) = 0.5, softmax columns distributions, and softmax of huge scores finite?"""
    assert sigmoid(np.array([0.0]))[0] == 0.5
    p = softmax(np.array([[1.0, 1000.0], [2.0, 1000.0], [3.0, -1000.0]]))
    np.testing.assert_allclose(p.sum(axis=0), 1.0)
    np.testing.assert_allclose(p[:, 0], np.exp([1, 2, 3]) / np.exp([1, 2, 3]).sum())
    np.testing.assert_allclose(p[:, 1], [0.5, 0.5, 0.0])


def test_make_last_symbol_sequences_targets_are_the_latest_symbol():
    """Is every target the most recent A or B read so far (none before the first), with one-hot arrays?"""
    x, y = make_last_symbol_sequences(50, 12, random_state=3)
    assert x.shape == y.shape == (3, 50, 12)
    np.testing.assert_array_equal(x.sum(axis=0), 1)
    np.testing.assert_array_equal(y.sum(axis=0), 1)
    inputs, targets = x.argmax(axis=0), y.argmax(axis=0)
    for i in range(50):
        latest = 0
        for t in range(12):
            latest = inputs[i, t] or latest
            assert targets[i, t] == latest
    assert 0 < np.mean(inputs > 0) < 0.4
    assert LAST_SYMBOL_INPUTS[1] == LAST_SYMBOL_TARGETS[1] == "A"


def test_make_last_symbol_sequences_is_deterministic_and_leaves_the_global_state_alone():
    """Does a seed give the same sequences, without touching numpy's global random state?"""
    np.random.seed(5)
    before = np.random.get_state()[1].copy()
    first = make_last_symbol_sequences(8, 10, random_state=1)
    second = make_last_symbol_sequences(8, 10, random_state=1)
    np.testing.assert_array_equal(first[0], second[0])
    np.testing.assert_array_equal(np.random.get_state()[1], before)
    with pytest.raises(ValueError):
        make_last_symbol_sequences(8, 10, symbol_probability=1.5)


def test_train_lstm_learns_the_task_with_the_given_passes():
    """With a correct LSTM, does the cost fall and the trained network get nearly every step right?"""
    x, y = make_last_symbol_sequences(64, 12, random_state=0)
    parameters, costs = train_lstm(lstm_forward, lstm_backward, x, y, n_a=4, num_iterations=150)
    assert len(costs) == 150 and costs[-1] < 0.2 * costs[0]
    assert set(parameters) == {"Wf", "bf", "Wi", "bi", "Wc", "bc", "Wo", "bo", "Wy", "by"}
    x_test, y_test = make_last_symbol_sequences(200, 20, random_state=1)
    _, y_hat, _, _ = lstm_forward(x_test, np.zeros((4, 200)), parameters)
    assert np.mean(y_hat.argmax(axis=0) == y_test.argmax(axis=0)) > 0.95


def test_train_lstm_is_deterministic_and_checks_shapes():
    """Does the same seed give the same costs, and do mismatched x and y raise?"""
    x, y = make_last_symbol_sequences(8, 5, random_state=0)
    first = train_lstm(lstm_forward, lstm_backward, x, y, n_a=3, num_iterations=5, random_state=2)[1]
    second = train_lstm(lstm_forward, lstm_backward, x, y, n_a=3, num_iterations=5, random_state=2)[1]
    assert first == second
    with pytest.raises(ValueError, match="share"):
        train_lstm(lstm_forward, lstm_backward, x, y[:, :4], n_a=3, num_iterations=1)


def test_plot_gate_activations_draws_one_labelled_heat_map_per_gate():
    """Is there one heat map per gate on a fixed 0..1 scale, titled, with the inputs under the time axis?"""
    rng = np.random.default_rng(0)
    gates = {"forget": rng.random((4, 6)), "update": rng.random((4, 6)), "output": rng.random((4, 6))}
    axes = plot_gate_activations(gates, inputs=list("·A··B·"))
    assert len(axes) == 3
    for ax, name in zip(axes, gates):
        assert ax.get_title(loc="left") == name and ax.get_ylabel() == "unit"
        assert ax.images[0].get_clim() == (0, 1)
    assert "time step" in axes[-1].get_xlabel()
    assert [label.get_text() for label in axes[-1].get_xticklabels()][1] == "2\nA"
    with pytest.raises(ValueError, match="inputs"):
        plot_gate_activations(gates, inputs=["·"])
    with pytest.raises(ValueError, match="same shape"):
        plot_gate_activations({"a": np.zeros((2, 3)), "b": np.zeros((3, 3))})

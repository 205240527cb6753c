"""Hidden tests of *Building a recurrent neural network, step by step*.

Backward passes are checked on caches made by the reference forward passes, so a learner's
backward pass is graded on its own.
"""
import numpy as np

from autograder.hidden import hidden_test

RNN_SHAPES = ("Waa", "Wax", "Wya", "ba", "by")


def _demo_state():
    """The generator behind the notebook's examples (``np.random.seed(1)``), without touching the global one."""
    return np.random.RandomState(1)


def random_sizes(rng):
    """n_x, n_a, n_y, m, T_x: small, and different from each other as often as possible."""
    n_x, n_a, n_y = int(rng.integers(1, 5)), int(rng.integers(2, 7)), int(rng.integers(2, 5))
    return n_x, n_a, n_y, int(rng.integers(1, 6)), int(rng.integers(2, 6))


def rnn_parameters(rng, n_x, n_a, n_y):
    return {"Waa": rng.normal(size=(n_a, n_a)), "Wax": rng.normal(size=(n_a, n_x)), "Wya": rng.normal(size=(n_y, n_a)),
            "ba": rng.normal(size=(n_a, 1)), "by": rng.normal(size=(n_y, 1))}


def gated_parameters(rng, gates, n_x, n_a, n_y):
    parameters = {"Wy": rng.normal(size=(n_y, n_a)), "by": rng.normal(size=(n_y, 1))}
    for gate in gates:
        parameters["W" + gate] = rng.normal(size=(n_a, n_a + n_x))
        parameters["b" + gate] = rng.normal(size=(n_a, 1))
    return parameters


def _demo_rnn(state, *shape_x):
    """x (or xt), a0 (or a_prev) and the RNN parameters of the notebook's examples, in its order."""
    x, a = state.randn(*shape_x), state.randn(5, 10)
    shapes = {"Waa": (5, 5), "Wax": (5, 3), "Wya": (2, 5), "ba": (5, 1), "by": (2, 1)}
    return x, a, {key: state.randn(*shapes[key]) for key in RNN_SHAPES}


def _demo_gated(state, gates):
    parameters = {}
    for gate in gates:
        parameters["W" + gate] = state.randn(5, 8)
        parameters["b" + gate] = state.randn(5, 1)
    parameters["Wy"] = state.randn(2, 5)
    parameters["by"] = state.randn(2, 1)
    return parameters


def _sizes(n_x, n_a, n_y, m, T_x=None):
    return f"n_x = {n_x}, n_a = {n_a}, n_y = {n_y}, m = {m}" + ("" if T_x is None else f", T_x = {T_x}")


@hidden_test("rnn_cell_forward", points=1)
def check_rnn_cell_forward(check, rng):
    check.call(*_demo_rnn(_demo_state(), 3, 10), case="the notebook's example")
    for _ in range(2):
        n_x, n_a, n_y, m, _ = random_sizes(rng)
        check.call(rng.normal(size=(n_x, m)), rng.normal(size=(n_a, m)), rnn_parameters(rng, n_x, n_a, n_y),
                   case=f"random inputs, {_sizes(n_x, n_a, n_y, m)}")


@hidden_test("rnn_forward", points=2)
def check_rnn_forward(check, rng):
    check.call(*_demo_rnn(_demo_state(), 3, 10, 4), case="the notebook's example")
    for _ in range(2):
        n_x, n_a, n_y, m, T_x = random_sizes(rng)
        check.call(rng.normal(size=(n_x, m, T_x)), rng.normal(size=(n_a, m)), rnn_parameters(rng, n_x, n_a, n_y),
                   case=f"random inputs, {_sizes(n_x, n_a, n_y, m, T_x)}")


@hidden_test("lstm_cell_forward", points=2)
def check_lstm_cell_forward(check, rng):
    state = _demo_state()
    xt, a_prev, c_prev = state.randn(3, 10), state.randn(5, 10), state.randn(5, 10)
    check.call(xt, a_prev, c_prev, _demo_gated(state, "fioc"), case="the notebook's example")
    for _ in range(2):
        n_x, n_a, n_y, m, _ = random_sizes(rng)
        check.call(rng.normal(size=(n_x, m)), rng.normal(size=(n_a, m)), rng.normal(size=(n_a, m)),
                   gated_parameters(rng, "fico", n_x, n_a, n_y), case=f"random inputs, {_sizes(n_x, n_a, n_y, m)}")


@hidden_test("lstm_forward", points=2)
def check_lstm_forward(check, rng):
    state = _demo_state()
    x, a0 = state.randn(3, 10, 7), state.randn(5, 10)
    check.call(x, a0, _demo_gated(state, "fioc"), case="the notebook's example")
    for _ in range(2):
        n_x, n_a, n_y, m, T_x = random_sizes(rng)
        check.call(rng.normal(size=(n_x, m, T_x)), rng.normal(size=(n_a, m)),
                   gated_parameters(rng, "fico", n_x, n_a, n_y), case=f"random inputs, {_sizes(n_x, n_a, n_y, m, T_x)}")


@hidden_test("rnn_cell_backward", points=1)
def check_rnn_cell_backward(check, rng):
    forward = check.reference["rnn_cell_forward"]
    for _ in range(3):
        n_x, n_a, n_y, m, _ = random_sizes(rng)
        _, _, cache = forward(rng.normal(size=(n_x, m)), rng.normal(size=(n_a, m)), rnn_parameters(rng, n_x, n_a, n_y))
        check.call(rng.normal(size=(n_a, m)), cache, case=f"a random da_next, {_sizes(n_x, n_a, n_y, m)}")


@hidden_test("rnn_backward", points=2)
def check_rnn_backward(check, rng):
    forward = check.reference["rnn_forward"]
    for T_x in (1, None, None):
        n_x, n_a, n_y, m, random_T_x = random_sizes(rng)
        T_x = T_x or random_T_x
        _, _, caches = forward(rng.normal(size=(n_x, m, T_x)), rng.normal(size=(n_a, m)),
                               rnn_parameters(rng, n_x, n_a, n_y))
        check.call(rng.normal(size=(n_a, m, T_x)), caches, case=f"a random da, {_sizes(n_x, n_a, n_y, m, T_x)}")


@hidden_test("lstm_cell_backward", points=2)
def check_lstm_cell_backward(check, rng):
    forward = check.reference["lstm_cell_forward"]
    for _ in range(3):
        n_x, n_a, n_y, m, _ = random_sizes(rng)
        *_, cache = forward(rng.normal(size=(n_x, m)), rng.normal(size=(n_a, m)), rng.normal(size=(n_a, m)),
                            gated_parameters(rng, "fico", n_x, n_a, n_y))
        check.call(rng.normal(size=(n_a, m)), rng.normal(size=(n_a, m)), cache,
                   case=f"random da_next and dc_next, {_sizes(n_x, n_a, n_y, m)}")


@hidden_test("lstm_backward", points=2)
def check_lstm_backward(check, rng):
    forward = check.reference["lstm_forward"]
    for T_x in (1, None, None):
        n_x, n_a, n_y, m, random_T_x = random_sizes(rng)
        T_x = T_x or random_T_x
        *_, caches = forward(rng.normal(size=(n_x, m, T_x)), rng.normal(size=(n_a, m)),
                             gated_parameters(rng, "fico", n_x, n_a, n_y))
        check.call(rng.normal(size=(n_a, m, T_x)), caches, case=f"a random da, {_sizes(n_x, n_a, n_y, m, T_x)}")


@hidden_test("gru_cell_forward", points=2)
def check_gru_cell_forward(check, rng):
    state = _demo_state()
    xt, a_prev = state.randn(3, 10), state.randn(5, 10)
    check.call(xt, a_prev, _demo_gated(state, "urc"), case="the notebook's example")
    for _ in range(2):
        n_x, n_a, n_y, m, _ = random_sizes(rng)
        check.call(rng.normal(size=(n_x, m)), rng.normal(size=(n_a, m)), gated_parameters(rng, "urc", n_x, n_a, n_y),
                   case=f"random inputs, {_sizes(n_x, n_a, n_y, m)}")


@hidden_test("gru_cell_backward", points=2)
def check_gru_cell_backward(check, rng):
    forward = check.reference["gru_cell_forward"]
    for _ in range(3):
        n_x, n_a, n_y, m, _ = random_sizes(rng)
        _, _, cache = forward(rng.normal(size=(n_x, m)), rng.normal(size=(n_a, m)),
                              gated_parameters(rng, "urc", n_x, n_a, n_y))
        check.call(rng.normal(size=(n_a, m)), cache, case=f"a random da_next, {_sizes(n_x, n_a, n_y, m)}")

"""Hidden tests of *Building a recurrent neural network, step by step*.

Besides the notebook's examples, every function meets random inputs with small pre-activations
(where tanh(z) ≈ z and σ'(z) ≈ 1/4 hold), large ones (where they break), a single example and, for
sequences, a single time step. Random sizes differ from each other and from every size of the
notebook's examples, so no hard-coded shape passes. Backward passes are checked on caches made by
the reference forward passes at those scales, so a learner's backward pass is graded on its own.
"""
import numpy as np

from autograder.hidden import hidden_test
from helpers.public_tests.c5w1_building_a_recurrent_neural_network_step_by_step import (
    _gated_parameters, _rnn_parameters, _seeded)

SIZES = (6, 8, 9, 11, 12)  # none is n_x = 3, n_a = 5, n_y = 2, m = 10 or T_x = 4 or 7 of the examples
SCALES = {"small": 0.1, "large": 4.0, "unit": 1.0}  # about the standard deviation of the pre-activations


def random_sizes(rng, m=None, T_x=None):
    """n_x, n_a, n_y, m, T_x: a permutation of SIZES, with m or T_x replaced when given."""
    n_x, n_a, n_y, random_m, random_T_x = (int(n) for n in rng.permutation(SIZES))
    return n_x, n_a, n_y, m or random_m, T_x or random_T_x


def cases(rng, sequence=False):
    """(scale, sizes, description) of the random cases: small and large pre-activations, then a
    single example and, for sequences, a single time step."""
    boundaries = [{"m": 1}] + ([{"T_x": 1}] if sequence else [])
    for name, fixed in [("small", {}), ("large", {})] + [("unit", b) for b in boundaries]:
        sizes = random_sizes(rng, **fixed)
        names = ("n_x", "n_a", "n_y", "m", "T_x") if sequence else ("n_x", "n_a", "n_y", "m")
        yield SCALES[name], sizes, f"{name} pre-activations, " + ", ".join(f"{k} = {v}" for k, v in zip(names, sizes))


def weight(rng, scale, rows, columns):
    """Weights whose products with unit inputs have about the given standard deviation."""
    return rng.normal(scale=scale / np.sqrt(columns), size=(rows, columns))


def rnn_parameters(rng, scale, n_x, n_a, n_y):
    return {"Waa": weight(rng, scale, n_a, n_a), "Wax": weight(rng, scale, n_a, n_x),
            "Wya": weight(rng, scale, n_y, n_a), "ba": weight(rng, scale, n_a, 1), "by": weight(rng, scale, n_y, 1)}


def gated_parameters(rng, scale, gates, n_x, n_a, n_y):
    parameters = {"Wy": weight(rng, scale, n_y, n_a), "by": weight(rng, scale, n_y, 1)}
    for gate in gates:
        parameters["W" + gate] = weight(rng, scale, n_a, n_a + n_x)
        parameters["b" + gate] = weight(rng, scale, n_a, 1)
    return parameters


def rnn_inputs(rng, scale, n_x, n_a, n_y, m, T_x=None):
    """x (or xt when T_x is None), a0 (or a_prev) and RNN parameters."""
    x = rng.normal(size=(n_x, m) if T_x is None else (n_x, m, T_x))
    return x, rng.normal(size=(n_a, m)), rnn_parameters(rng, scale, n_x, n_a, n_y)


def lstm_cell_inputs(rng, scale, n_x, n_a, n_y, m):
    """xt, a_prev, c_prev (at the scale of the pre-activations) and LSTM parameters."""
    return (rng.normal(size=(n_x, m)), rng.normal(size=(n_a, m)), rng.normal(scale=scale, size=(n_a, m)),
            gated_parameters(rng, scale, "fico", n_x, n_a, n_y))


def lstm_inputs(rng, scale, n_x, n_a, n_y, m, T_x):
    x, a0 = rng.normal(size=(n_x, m, T_x)), rng.normal(size=(n_a, m))
    return x, a0, gated_parameters(rng, scale, "fico", n_x, n_a, n_y)


def gru_inputs(rng, scale, n_x, n_a, n_y, m):
    return rng.normal(size=(n_x, m)), rng.normal(size=(n_a, m)), gated_parameters(rng, scale, "urc", n_x, n_a, n_y)


@hidden_test("rnn_cell_forward", points=1)
def check_rnn_cell_forward(check, rng):
    state = _seeded()
    check.call(state.randn(3, 10), state.randn(5, 10), _rnn_parameters(state), case="the notebook's example")
    for scale, sizes, case in cases(rng):
        check.call(*rnn_inputs(rng, scale, *sizes[:4]), case=case)


@hidden_test("rnn_forward", points=2)
def check_rnn_forward(check, rng):
    state = _seeded()
    check.call(state.randn(3, 10, 4), state.randn(5, 10), _rnn_parameters(state), case="the notebook's example")
    for scale, sizes, case in cases(rng, sequence=True):
        check.call(*rnn_inputs(rng, scale, *sizes), case=case)


@hidden_test("lstm_cell_forward", points=2)
def check_lstm_cell_forward(check, rng):
    state = _seeded()
    xt, a_prev, c_prev = state.randn(3, 10), state.randn(5, 10), state.randn(5, 10)
    check.call(xt, a_prev, c_prev, _gated_parameters(state, "fioc"), case="the notebook's example")
    for scale, sizes, case in cases(rng):
        check.call(*lstm_cell_inputs(rng, scale, *sizes[:4]), case=case)


@hidden_test("lstm_forward", points=2)
def check_lstm_forward(check, rng):
    state = _seeded()
    x, a0 = state.randn(3, 10, 7), state.randn(5, 10)
    check.call(x, a0, _gated_parameters(state, "fioc"), case="the notebook's example")
    for scale, sizes, case in cases(rng, sequence=True):
        check.call(*lstm_inputs(rng, scale, *sizes), case=case)


@hidden_test("rnn_cell_backward", points=1)
def check_rnn_cell_backward(check, rng):
    forward = check.reference["rnn_cell_forward"]
    for scale, (n_x, n_a, n_y, m, _), case in cases(rng):
        _, _, cache = forward(*rnn_inputs(rng, scale, n_x, n_a, n_y, m))
        check.call(rng.normal(size=(n_a, m)), cache, case=f"a random da_next, {case}")


@hidden_test("rnn_backward", points=2)
def check_rnn_backward(check, rng):
    forward = check.reference["rnn_forward"]
    for scale, sizes, case in cases(rng, sequence=True):
        _, _, caches = forward(*rnn_inputs(rng, scale, *sizes))
        _, n_a, _, m, T_x = sizes
        check.call(rng.normal(size=(n_a, m, T_x)), caches, case=f"a random da, {case}")


@hidden_test("lstm_cell_backward", points=2)
def check_lstm_cell_backward(check, rng):
    forward = check.reference["lstm_cell_forward"]
    for scale, (n_x, n_a, n_y, m, _), case in cases(rng):
        *_, cache = forward(*lstm_cell_inputs(rng, scale, n_x, n_a, n_y, m))
        check.call(rng.normal(size=(n_a, m)), rng.normal(size=(n_a, m)), cache,
                   case=f"random da_next and dc_next, {case}")


@hidden_test("lstm_backward", points=2)
def check_lstm_backward(check, rng):
    forward = check.reference["lstm_forward"]
    for scale, sizes, case in cases(rng, sequence=True):
        *_, caches = forward(*lstm_inputs(rng, scale, *sizes))
        _, n_a, _, m, T_x = sizes
        check.call(rng.normal(size=(n_a, m, T_x)), caches, case=f"a random da, {case}")


@hidden_test("gru_cell_forward", points=2)
def check_gru_cell_forward(check, rng):
    state = _seeded()
    xt, a_prev = state.randn(3, 10), state.randn(5, 10)
    check.call(xt, a_prev, _gated_parameters(state, "urc"), case="the notebook's example")
    for scale, sizes, case in cases(rng):
        check.call(*gru_inputs(rng, scale, *sizes[:4]), case=case)


@hidden_test("gru_cell_backward", points=2)
def check_gru_cell_backward(check, rng):
    forward = check.reference["gru_cell_forward"]
    for scale, (n_x, n_a, n_y, m, _), case in cases(rng):
        _, _, cache = forward(*gru_inputs(rng, scale, n_x, n_a, n_y, m))
        check.call(rng.normal(size=(n_a, m)), cache, case=f"a random da_next, {case}")

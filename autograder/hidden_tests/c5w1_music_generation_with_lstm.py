"""Hidden tests of *Improvise music with an LSTM*.

The graded functions take Keras layers (and, for ``predict_and_sample``, a network) as arguments. The
tests pass them as :class:`autograder.sandbox.wire.Built` recipes — a fresh ``LSTM``, ``Dense`` and
``Reshape`` of the sizes of each case — which are built where the function runs, after Keras is
seeded, so the learner's and the reference's layers start from the same weights. The returned networks
are compared layer by layer (classes, configuration, output shapes, parameter counts, inputs and
outputs) and by their outputs on random windows or starting tokens, for the notebook's sizes and
others. ``predict_and_sample`` runs on small networks with fixed weights from
:func:`helpers.music.make_probe_inference_model` and random starting tokens and states.
"""
import numpy as np

from autograder.hidden import hidden_test, probe
from autograder.sandbox.wire import Built

TOLERANCE = {"rtol": 1e-4, "atol": 1e-6}


def layers(n_a, n_values):
    return (Built("keras.layers.LSTM", n_a, return_state=True),
            Built("keras.layers.Dense", n_values, activation="softmax"))


def one_hot_windows(rng, m, Tx, n_values):
    X = np.zeros((m, Tx, n_values), dtype=np.float32)
    for i in range(m):
        X[i, np.arange(Tx), rng.integers(0, n_values, size=Tx)] = 1
    return X


def states(rng, m, n_a, scale=0.3):
    return (rng.normal(scale=scale, size=(m, n_a)).astype(np.float32),
            rng.normal(scale=scale, size=(m, n_a)).astype(np.float32))


@hidden_test("djmodel", points=3)
def check_djmodel(check, rng):
    cases = [(30, 64, 90, "the notebook's sizes"), (int(rng.integers(3, 8)), int(rng.integers(5, 12)),
                                                     int(rng.integers(4, 15)), "other sizes")]
    for Tx, n_a, n_values, label in cases:
        LSTM_cell, densor = layers(n_a, n_values)
        m = 3
        X = one_hot_windows(rng, m, Tx, n_values)
        a0, c0 = states(rng, m, n_a)
        check.call(Tx, LSTM_cell, densor, Built("keras.layers.Reshape", (1, n_values)), keras_seed=0,
                   probe=probe([X, a0, c0]), **TOLERANCE,
                   case=f"{label}: Tx = {Tx}, n_a = {n_a}, n_values = {n_values}, random windows and states")


@hidden_test("music_inference_model", points=3)
def check_music_inference_model(check, rng):
    cases = [(64, 90, 10, "the notebook's layers, Ty = 10"),
             (int(rng.integers(5, 12)), int(rng.integers(4, 15)), int(rng.integers(3, 9)), "other sizes")]
    for n_a, n_values, Ty, label in cases:
        LSTM_cell, densor = layers(n_a, n_values)
        x0 = np.zeros((2, 1, n_values), dtype=np.float32)
        x0[np.arange(2), 0, rng.integers(0, n_values, size=2)] = 1
        a0, c0 = states(rng, 2, n_a, scale=1.0)
        check.call(LSTM_cell, densor, Ty=Ty, keras_seed=0, probe=probe([x0, a0, c0]), **TOLERANCE,
                   case=f"{label}: n_a = {n_a}, n_values = {n_values}, Ty = {Ty}, random starting tokens and states")
    LSTM_cell, densor = layers(16, 90)
    x0 = np.zeros((1, 1, 90), dtype=np.float32)
    check.call(LSTM_cell, densor, keras_seed=0, probe=probe([x0, *states(rng, 1, 16)]), **TOLERANCE,
               case="Ty left at its default (100), n_a = 16")


@hidden_test("predict_and_sample", points=2)
def check_predict_and_sample(check, rng):
    for Ty, n_values, n_a in ((6, 7, 3), (int(rng.integers(2, 12)), int(rng.integers(5, 20)), int(rng.integers(2, 9)))):
        model = Built("helpers.music.make_probe_inference_model", Ty=Ty, n_values=n_values, n_a=n_a,
                      seed=int(rng.integers(0, 1000)))
        x = np.zeros((1, 1, n_values))
        x[0, 0, int(rng.integers(n_values))] = 1
        a, c = rng.normal(size=(1, n_a)), rng.normal(size=(1, n_a))
        check.call(model, x, a, c, check_dtype=False, case=f"a network with fixed weights, Ty = {Ty}, n_values = {n_values}")

"""Public tests of *Improvise music with an LSTM* (c5w1_music_generation_with_lstm).

The networks are built with small fresh layers, given known weights (``known_weights``), and run on
known inputs; the inference network's feedback is checked step by step with the same layers, and
``predict_and_sample`` on a small network with fixed weights (:func:`helpers.music.make_probe_inference_model`).
"""
import numpy as np

from helpers.checks import Checker, call_quietly
from helpers.music import make_probe_inference_model

__all__ = ["djmodel_test", "music_inference_model_test", "predict_and_sample_test", "known_weights",
           "small_layers", "DJ_OUTPUTS", "INFERENCE_INDICES"]

# Outputs of the small training network (Tx = 4, n_a = 8, n_values = 6) with known weights: step 2 and step 4.
DJ_OUTPUTS = np.array([[[0.1385249, 0.3123055, 0.3086038, 0.1351306, 0.0560242, 0.0494111],
                        [0.115565, 0.3303791, 0.348989, 0.1295219, 0.0420124, 0.0335326]],
                       [[0.0869986, 0.3485694, 0.4019881, 0.1170446, 0.026753, 0.0186462],
                        [0.1550226, 0.3239205, 0.2900648, 0.1232095, 0.0545461, 0.0532365]]])
# The indices the small inference network (Ty = 5) picks from index 5 with known weights.
INFERENCE_INDICES = [1, 2, 1, 1, 1]


def small_layers(n_a=8, n_values=6):
    """A fresh LSTM_cell, densor and reshaper of small sizes."""
    from keras.layers import LSTM, Dense, Reshape

    return LSTM(n_a, return_state=True), Dense(n_values, activation="softmax"), Reshape((1, n_values))


def known_weights(*layers):
    """Set every weight of the (built) layers to a fixed pattern: 1.5 sin(1, 2, 3, …), layer after layer."""
    k = 1
    for layer in layers:
        for weight in layer.weights:
            weight.assign((1.5 * np.sin(np.arange(k, k + int(np.prod(weight.shape))))).reshape(weight.shape)
                          .astype(np.float32))
            k += int(np.prod(weight.shape))


def _window():
    X = np.zeros((2, 4, 6), dtype=np.float32)
    X[0, np.arange(4), [0, 3, 1, 5]] = 1
    X[1, np.arange(4), [2, 2, 4, 0]] = 1
    a0 = np.full((2, 8), 0.1, dtype=np.float32)
    c0 = np.full((2, 8), -0.2, dtype=np.float32)
    return X, a0, c0


def _call(check, target, *args, case, **kwargs):
    """Call the learner's function; its layers get built by the call, so the inputs are not compared."""
    try:
        return call_quietly(target, *args, **kwargs)
    except Exception as error:  # the learner's code, any error
        check.fail(f"{case}: raised {type(error).__name__}: {error}"
                   + (" (have you filled in every ### START CODE HERE ### block?)" if "NoneType" in str(error) else ""))


def _shapes(tensors):
    return [tuple(t.shape) for t in tensors]


def djmodel_test(target):
    from keras import Model

    check = Checker("djmodel")
    LSTM_cell, densor, reshaper = small_layers()
    model = _call(check, target, 4, LSTM_cell, densor, reshaper, case="Tx = 4, n_a = 8, n_values = 6")
    check.true("returns a keras Model", isinstance(model, Model), f"a Model, got {type(model).__name__}")
    check.same("input shapes [X, a0, c0]", [(None, 4, 6), (None, 8), (None, 8)], _shapes(model.inputs))
    check.same("output shapes (one per step)", [(None, 6)] * 4, _shapes(model.outputs))
    check.same("parameters (one LSTM and one Dense, shared by the 4 steps)", 4 * (8 + 6 + 1) * 8 + (8 + 1) * 6,
               model.count_params())
    known_weights(LSTM_cell, densor)
    outputs = [np.asarray(o) for o in model(list(_window()))]
    check.same("outputs at steps 2 and 4 with known weights", DJ_OUTPUTS, np.stack([outputs[1], outputs[3]]),
               rtol=1e-4, atol=1e-6)
    full = _call(check, target, 30, *small_layers(64, 90), case="the notebook's sizes: Tx = 30, n_a = 64, n_values = 90")
    check.same("parameters with the notebook's sizes", 45530, full.count_params())
    check.same("number of outputs", 30, len(full.outputs))
    check.done()


def music_inference_model_test(target):
    from keras import Model

    check = Checker("music_inference_model")
    LSTM_cell, densor, _ = small_layers()
    model = _call(check, target, LSTM_cell, densor, Ty=5, case="n_a = 8, n_values = 6, Ty = 5")
    check.true("returns a keras Model", isinstance(model, Model), f"a Model, got {type(model).__name__}")
    check.same("input shapes [x0, a0, c0]", [(None, 1, 6), (None, 8), (None, 8)], _shapes(model.inputs))
    check.same("output shapes (one per step)", [(None, 6)] * 5, _shapes(model.outputs))
    check.same("parameters (the shared layers)", 4 * (8 + 6 + 1) * 8 + (8 + 1) * 6, model.count_params())
    known_weights(LSTM_cell, densor)
    x0 = np.zeros((1, 1, 6), dtype=np.float32)
    x0[0, 0, 5] = 1
    a0, c0 = np.zeros((1, 8), dtype=np.float32), np.zeros((1, 8), dtype=np.float32)
    outputs = [np.asarray(o) for o in model([x0, a0, c0])]
    # the same layers, step by step, each step reading the previous step's most likely token
    x, a, c, expected = x0, a0, c0, []
    for _ in range(5):
        _, a, c = LSTM_cell(x, initial_state=[a, c])
        expected.append(np.asarray(densor(a)))
        x = np.eye(6, dtype=np.float32)[[int(np.argmax(expected[-1]))]][:, None, :]
    check.same("each step reads the one-hot vector of the previous most likely token", np.concatenate(expected),
               np.concatenate(outputs), rtol=1e-4, atol=1e-6)
    check.same("the most likely tokens from token 5", INFERENCE_INDICES, [int(np.argmax(o)) for o in outputs])
    check.done()


def predict_and_sample_test(target):
    check = Checker("predict_and_sample")
    inference_model = make_probe_inference_model(Ty=6, n_values=7, n_a=3, seed=0)
    x = np.zeros((1, 1, 7))
    x[0, 0, 4] = 1
    a, c = np.full((1, 3), 0.5), np.full((1, 3), -0.5)
    out = _call(check, target, inference_model, x, a, c, case="a network with fixed weights, Ty = 6, n_values = 7")
    check.true("returns (results, indices)", isinstance(out, tuple) and len(out) == 2, "a pair")
    results, indices = out
    check.same("results.shape", (6, 7), np.shape(results))
    check.same("indices.shape", (6, 1), np.shape(indices))
    expected = np.argmax([np.asarray(o) for o in inference_model([x, a, c])], axis=-1)
    check.same("indices: the most likely value of each step", expected, np.asarray(indices), check_dtype=False)
    check.same("results: the one-hot vectors of the indices", np.eye(7)[expected[:, 0]], np.asarray(results),
               check_dtype=False)
    check.done()

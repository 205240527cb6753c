"""Public tests of *Dinosaur island* (c5w1_dinosaur_island).

``clip``, ``sample`` and ``optimize`` are checked on the original's examples (the numbers NumPy's
``np.random.seed(3)``, ``seed(24)`` and ``seed(1)`` give), ``sample`` also by the distribution of the
characters it draws, and ``model`` on five short names.
"""
import contextlib
import copy
import io

import numpy as np

from helpers.char_lm import VOCABULARY
from helpers.checks import Checker, call_quietly

__all__ = ["clip_test", "sample_test", "optimize_test", "model_test", "CHAR_TO_IX", "IX_TO_CHAR",
           "random_parameters", "constant_parameters"]

CHAR_TO_IX = {ch: i for i, ch in enumerate(VOCABULARY)}
IX_TO_CHAR = {i: ch for i, ch in enumerate(VOCABULARY)}
KEYS = ("dWaa", "dWax", "dWya", "db", "dby")


def random_parameters(state, n_a, vocab_size=27):
    """Wax, Waa, Wya, b, by drawn from ``state`` in the original's order."""
    Wax, Waa, Wya = state.randn(n_a, vocab_size), state.randn(n_a, n_a), state.randn(vocab_size, n_a)
    b, by = state.randn(n_a, 1), state.randn(vocab_size, 1)
    return {"Wax": Wax, "Waa": Waa, "Wya": Wya, "b": b, "by": by}


def constant_parameters(probabilities, n_a=4):
    """Parameters whose softmax is ``probabilities`` at every step, whatever was read before."""
    probabilities = np.asarray(probabilities, dtype=float)
    vocab_size = probabilities.size
    with np.errstate(divide="ignore"):
        by = np.maximum(np.log(probabilities), -60.0).reshape(-1, 1)
    return {"Wax": np.zeros((n_a, vocab_size)), "Waa": np.zeros((n_a, n_a)), "Wya": np.zeros((vocab_size, n_a)),
            "b": np.zeros((n_a, 1)), "by": by}


def _call_changing(check, target, *args, case):
    """Call a function that may change its inputs (as the original's clip and optimize do)."""
    try:
        return call_quietly(target, *args)
    except Exception as error:  # the learner's code, any error
        check.fail(f"{case}: raised {type(error).__name__}: {error}"
                   + (" (have you filled in every ### START CODE HERE ### block?)" if "NoneType" in str(error) else ""))


def _clip_gradients():
    state = np.random.RandomState(3)
    dWax, dWaa, dWya = state.randn(5, 3) * 10, state.randn(5, 5) * 10, state.randn(2, 5) * 10
    db, dby = state.randn(5, 1) * 10, state.randn(2, 1) * 10
    return {"dWax": dWax, "dWaa": dWaa, "dWya": dWya, "db": db, "dby": dby}


def clip_test(target):
    check = Checker("clip")
    gradients = _clip_gradients()
    originals = copy.deepcopy(gradients)
    out = _call_changing(check, target, gradients, 10, case="np.random.seed(3), maxValue = 10")
    check.true("returns a dict with the five gradients", isinstance(out, dict) and set(out) == set(KEYS),
               f"a dict with keys {sorted(KEYS)}")
    check.same('gradients["dWaa"][1][2]', 10.0, out["dWaa"][1][2])
    check.same('gradients["dWax"][3][1]', -10.0, out["dWax"][3][1])
    check.same('gradients["dWya"][1][2]', 0.2971381536101662, out["dWya"][1][2])
    check.same('gradients["db"][4]', np.array([10.0]), out["db"][4])
    check.same('gradients["dby"][1]', np.array([8.45833407]), out["dby"][1], rtol=1e-8)
    for key in KEYS:
        check.same(f"{key} clipped at ±10 everywhere", np.clip(originals[key], -10, 10), out[key])
    check.true("the dictionary's own arrays are clipped (in place)",
               all(np.array_equal(gradients[key], out[key]) for key in KEYS),
               "np.clip(gradient, -maxValue, maxValue, out=gradient) on each array of the dictionary")
    out = _call_changing(check, target, _clip_gradients(), 5, case="np.random.seed(3), maxValue = 5")
    check.same("with maxValue = 5: the largest |entry|", 5.0, max(float(np.max(np.abs(out[k]))) for k in KEYS))
    check.done()


SAMPLE_EXAMPLE = [23, 16, 26, 26, 24, 3, 21, 1, 7, 24, 15, 3, 25, 20, 6, 13, 10, 8, 20, 12, 2, 0]


def sample_test(target):
    check = Checker("sample")
    parameters = random_parameters(np.random.RandomState(24), 100)
    indices = check.call(target, parameters, CHAR_TO_IX, 0, case="np.random.seed(24), n_a = 100, seed = 0")
    check.true("returns a list", isinstance(indices, list), f"a list, got {type(indices).__name__}")
    check.same("the sampled indices", SAMPLE_EXAMPLE, [int(i) for i in indices])
    again = check.call(target, parameters, CHAR_TO_IX, 0, case="the same call again")
    check.same("the same seed gives the same name", [int(i) for i in indices], [int(i) for i in again])
    # A network that predicts "a" 50 %, "b" 30 %, the newline 20 %, at every step
    probabilities = np.zeros(27)
    probabilities[[1, 2, 0]] = 0.5, 0.3, 0.2
    constant = constant_parameters(probabilities)
    firsts = [int(check.call(target, constant, CHAR_TO_IX, seed, case=f"seed = {seed}")[0]) for seed in range(300)]
    shares = [np.mean(np.array(firsts) == ix) for ix in (1, 2, 0)]
    check.true("over 300 seeds, the first character follows the softmax (a 50 %, b 30 %, newline 20 %)",
               all(abs(share - p) < 0.09 for share, p in zip(shares, (0.5, 0.3, 0.2))),
               "shares near 50 %, 30 %, 20 %, got " + ", ".join(f"{s:.0%}" for s in shares)
               + " (draw with np.random.choice and p=y.ravel(), not argmax)")
    never_stops = np.zeros(27)
    never_stops[1:] = 1 / 26
    long = check.call(target, constant_parameters(never_stops), CHAR_TO_IX, 0, case="a network that never predicts the newline")
    check.same("stops after 50 characters and appends the newline: length", 51, len(long))
    check.same("the last index is the newline's", 0, int(long[-1]))
    check.done()


def _optimize_example():
    state = np.random.RandomState(1)
    a_prev = state.randn(100, 1)
    parameters = random_parameters(state, 100)
    return [12, 3, 5, 11, 22, 3], [4, 14, 11, 22, 25, 26], a_prev, parameters


def optimize_test(target):
    check = Checker("optimize")
    X, Y, a_prev, parameters = _optimize_example()
    before = copy.deepcopy(parameters)
    out = _call_changing(check, target, X, Y, a_prev, parameters, 0.01,
                         case="np.random.seed(1), vocab_size = 27, n_a = 100")
    check.true("returns (loss, gradients, a_last)", isinstance(out, tuple) and len(out) == 3, "a tuple of 3 values")
    loss, gradients, a_last = out
    check.same("loss", 126.50397572165389, loss, rtol=1e-10)
    check.same('gradients["dWaa"][1][2]', 0.19470931534713587, gradients["dWaa"][1][2], rtol=1e-8)
    check.same('np.argmax(gradients["dWax"])', 93, int(np.argmax(gradients["dWax"])))
    check.same('gradients["dWya"][1][2]', -0.007773876032002162, gradients["dWya"][1][2], rtol=1e-8)
    check.same('gradients["db"][4]', np.array([-0.06809825]), gradients["db"][4], rtol=1e-6)
    check.same("gradients clipped at ±5", 5.0, max(float(np.max(np.abs(gradients[k]))) for k in KEYS))
    check.same("a_last.shape", (100, 1), np.shape(a_last))
    check.same("a_last[4]", np.array([-1.0]), a_last[4])
    check.same("parameters updated in place: Wax - 0.01 * dWax", before["Wax"] - 0.01 * gradients["dWax"],
               parameters["Wax"])
    check.done()


MODEL_NAMES = ["rex", "ankylo", "ba", "saurus", "dino"]
MODEL_FIRST_LINES = ["Iteration: 0, Loss: 9.887511", "", "Nkzxwtdmfqoeyhsqwasjjjvu", "Kneb",
                     "Kzxwtdmfqoeyhsqwasjjjvu"]


def model_test(target):
    check = Checker("model")
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        out = check.call(target, MODEL_NAMES, IX_TO_CHAR, CHAR_TO_IX, 22, n_a=10, dino_names=3,
                         case="five names, 22 iterations, n_a = 10, dino_names = 3")
    check.true("returns (parameters, last_dino_name)", isinstance(out, tuple) and len(out) == 2, "a pair")
    parameters, last_name = out
    check.same("the parameters' shapes", {"Wax": (10, 27), "Waa": (10, 10), "Wya": (27, 10), "b": (10, 1),
                                          "by": (27, 1)},
               {k: np.shape(v) for k, v in parameters.items()} if isinstance(parameters, dict) else None)
    lines = printed.getvalue().split("\n")
    check.same("what iteration 0 prints (smoothed loss, then names)", MODEL_FIRST_LINES, lines[:5])
    check.same("last_dino_name", "Kzxwtdmfqoeyhsqwasjjjvu\n", last_name)
    check.same('parameters["by"][:3] after 22 iterations', np.array([0.17524315, 0.08702569, 0.00868457]),
               parameters["by"][:3].ravel(), rtol=1e-6)
    check.done()

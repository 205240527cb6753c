"""Public tests of *Logistic regression with a neural-network mindset* (c1w2_logistic_regression)."""
import numpy as np

from helpers.checks import Checker

__all__ = [
    "sigmoid_test",
    "initialize_with_zeros_test",
    "propagate_test",
    "optimize_test",
    "predict_test",
    "model_test",
]


def example_problem():
    """The small example used by several tests: w (2, 1), b, X (2, 3), Y (1, 3)."""
    w = np.array([[1.0], [2.0]])
    X = np.array([[1.0, -2.0, -1.0], [3.0, 0.5, -3.2]])
    return w, 1.5, X, np.array([[1, 1, 0]])


def sigmoid_test(target):
    check = Checker("sigmoid")
    out = check.call(target, np.array([0.0, 2.0]), case="z = [0, 2]")
    check.same("sigmoid([0, 2])", np.array([0.5, 0.88079708]), out, rtol=1e-7)
    check.done()


def initialize_with_zeros_test(target):
    check = Checker("initialize_with_zeros")
    out = check.call(target, 2, case="dim = 2")
    check.true("returns (w, b)", isinstance(out, tuple) and len(out) == 2, f"a pair (w, b), got {out!r}")
    w, b = out
    check.same("w is a (2, 1) array of zeros", np.zeros((2, 1)), w)
    check.same("b is the float 0.0", 0.0, b)
    check.true("b is a Python float", isinstance(b, float), f"a float, got {type(b).__name__}")
    check.done()


def propagate_test(target):
    check = Checker("propagate")
    out = check.call(target, *example_problem(), case="the example")
    check.true("returns (grads, cost)", isinstance(out, tuple) and len(out) == 2, "a pair (grads, cost)")
    grads, cost = out
    check.true("grads has the keys dw and db", isinstance(grads, dict) and set(grads) == {"dw", "db"},
               f"a dict with keys dw and db, got {grads!r}")
    check.same("dw", np.array([[0.2507153166184082], [-0.06604096325829123]]), grads["dw"])
    check.same("db", -0.12500404500439652, grads["db"])
    check.true("db is a number", isinstance(grads["db"], (float, np.floating)),
               f"a number, got {type(grads['db']).__name__}")
    check.same("cost", 0.15900537707692405, cost)
    check.done()


def optimize_test(target):
    check = Checker("optimize")
    w, b, X, Y = example_problem()
    out = check.call(target, w, b, X, Y, num_iterations=101, learning_rate=0.009, case="the example, 101 steps")
    check.true("returns (params, grads, costs)", isinstance(out, tuple) and len(out) == 3,
               "a triple (params, grads, costs)")
    params, grads, costs = out
    check.same("params['w']", np.array([[0.8079580236384741], [2.051254638726117]]), params["w"])
    check.same("params['b']", 1.5956687730718366, params["b"])
    check.same("grads['dw'] of the last step", np.array([[0.17804899753900424], [-0.04827102385492074]]),
               grads["dw"])
    check.same("grads['db'] of the last step", -0.08860601121976529, grads["db"])
    check.same("costs at iterations 0 and 100", [0.15900537707692405, 0.10541138368032708],
               [float(c) for c in costs] if isinstance(costs, list) else costs)
    check.done()


def predict_test(target):
    check = Checker("predict")
    w = np.array([[0.1124579], [0.23106775]])
    X = np.array([[1.0, -1.1, -3.2], [1.2, 2.0, 0.1]])
    out = check.call(target, w, -0.3, X, case="the example")
    check.same("predictions", np.array([[1.0, 1.0, 0.0]]), out, check_dtype=False)
    out = check.call(target, np.zeros((2, 1)), 0.0, X, case="w = 0, b = 0")
    check.same("a = 0.5 is not above 0.5", np.zeros((1, 3)), out, check_dtype=False)
    check.done()


def model_test(target):
    check = Checker("model")
    rng = np.random.default_rng(7)
    X_train, X_test = rng.normal(size=(4, 12)).round(2), rng.normal(size=(4, 5)).round(2)
    Y_train = (X_train[:1] + 0.3 * X_train[1:2] > 0).astype(float)
    Y_test = (X_test[:1] + 0.3 * X_test[1:2] > 0).astype(float)
    d = check.call(target, X_train, Y_train, X_test, Y_test, num_iterations=201, learning_rate=0.1,
                   case="a small separable problem")
    keys = {"costs", "Y_prediction_test", "Y_prediction_train", "w", "b", "learning_rate", "num_iterations"}
    check.true("d has the expected keys", isinstance(d, dict) and set(d) == keys,
               f"a dict with keys {sorted(keys)}, got {d!r:.200}")
    check.same("costs", [0.6931471805599453, 0.25771781852709685, 0.16595392457813984],
               [float(c) for c in d["costs"]] if isinstance(d["costs"], list) else d["costs"])
    check.same("w", np.array([[2.3731733642116417], [0.6473682007476895], [1.0236689693254406],
                              [0.8722722086313397]]), d["w"])
    check.same("b", 0.4766797316536378, d["b"])
    check.same("Y_prediction_train", Y_train, d["Y_prediction_train"], check_dtype=False)
    check.same("Y_prediction_test", Y_test, d["Y_prediction_test"], check_dtype=False)
    check.same("learning_rate and num_iterations", (0.1, 201), (d["learning_rate"], d["num_iterations"]))
    check.done()

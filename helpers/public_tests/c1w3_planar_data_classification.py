"""Public tests of *Planar data classification with one hidden layer* (c1w3_planar_data_classification)."""
import numpy as np

from helpers.checks import Checker

__all__ = [
    "layer_sizes_test",
    "initialize_parameters_test",
    "forward_propagation_test",
    "compute_cost_test",
    "backward_propagation_test",
    "update_parameters_test",
    "nn_model_test",
    "predict_test",
]

_KEYS = ["W1", "b1", "W2", "b2"]


def example_network():
    """A small network (n_x = 2, n_h = 4, n_y = 1) and three examples: X (2, 3), parameters."""
    X = np.array([[1.62, -0.61, -0.53], [-1.07, 0.87, -2.3]])
    parameters = {"W1": np.array([[-0.42, 0.31], [0.15, -0.87], [0.62, 0.44], [-0.23, -0.61]]),
                  "b1": np.array([[0.1], [-0.2], [0.05], [0.0]]),
                  "W2": np.array([[1.1, -0.6, 0.9, -1.3]]),
                  "b2": np.array([[0.3]])}
    return X, parameters


def _has_keys(check, label, value, keys):
    check.true(label, isinstance(value, dict) and sorted(value) == sorted(keys),
               f"a dict with keys {sorted(keys)}, got {value!r:.120}")


def layer_sizes_test(target):
    check = Checker("layer_sizes")
    out = check.call(target, np.zeros((5, 3)), np.zeros((2, 3)), case="X of shape (5, 3), Y of shape (2, 3)")
    check.same("(n_x, n_h, n_y)", (5, 4, 2), out)
    out = check.call(target, np.zeros((2, 400)), np.zeros((1, 400)), case="the flower")
    check.same("(n_x, n_h, n_y) for the flower", (2, 4, 1), out)
    check.done()


def initialize_parameters_test(target):
    check = Checker("initialize_parameters")
    np.random.seed(2)
    parameters = check.call(target, 2, 4, 1, case="np.random.seed(2), then n_x = 2, n_h = 4, n_y = 1")
    _has_keys(check, "parameters has the keys W1, b1, W2, b2", parameters, _KEYS)
    check.same("W1 (drawn first)", np.array([[-0.004167578474054706, -0.0005626682722632948],
                                             [-0.02136196095668454, 0.016402708084049887],
                                             [-0.017934355851948632, -0.00841747365656204],
                                             [0.005028814171580428, -0.012452880866072316]]), parameters["W1"])
    check.same("b1 is zeros of shape (4, 1)", np.zeros((4, 1)), parameters["b1"])
    check.same("W2 (drawn second)", np.array([[-0.010579522188623389, -0.009090076149268494,
                                               0.005514540445464244, 0.022922080128149575]]), parameters["W2"])
    check.same("b2 is zeros of shape (1, 1)", np.zeros((1, 1)), parameters["b2"])
    again = check.call(target, 2, 4, 1, case="a second call, without seeding again")
    check.true("a second call draws new weights (no np.random.seed inside)",
               not np.allclose(again["W1"], parameters["W1"]),
               "different weights, got the same ones: remove np.random.seed from the function")
    check.done()


def forward_propagation_test(target):
    check = Checker("forward_propagation")
    X, parameters = example_network()
    out = check.call(target, X, parameters, case="X (2, 3) and a network with 4 hidden units")
    check.true("returns (A2, cache)", isinstance(out, tuple) and len(out) == 2, "a pair (A2, cache)")
    A2, cache = out
    check.same("A2", np.array([[0.3043331354387232, 0.8712170497922506, 0.06739135501270331]]), A2)
    _has_keys(check, "cache has the keys Z1, A1, Z2, A2", cache, ["Z1", "A1", "Z2", "A2"])
    check.same('cache["Z1"][:, 0]', np.array([-0.9121, 0.9739, 0.5836, 0.2801]), cache["Z1"][:, 0])
    check.same('mean of cache["A1"] (tanh)', 0.07500262981115384, float(np.mean(cache["A1"])))
    check.same('cache["Z2"]', np.array([[-0.8267479612060911, 1.9117627111512738, -2.6274689083157723]]),
               cache["Z2"])
    check.done()


def compute_cost_test(target):
    check = Checker("compute_cost")
    A2 = np.array([[0.8, 0.3, 0.6, 0.1]])
    Y = np.array([[1, 0, 1, 0]])
    cost = check.call(target, A2, Y, case="A2 = [[0.8, 0.3, 0.6, 0.1]], Y = [[1, 0, 1, 0]]")
    check.same("cost", 0.2990011586691898, cost)
    check.true("cost is a Python float", isinstance(cost, float), f"a float, got {type(cost).__name__}")
    check.done()


def backward_propagation_test(target):
    check = Checker("backward_propagation")
    X, parameters = example_network()
    Z1 = np.array([[-0.9121, 0.6259, -0.3904], [0.9739, -1.0484, 1.7215],
                   [0.5836, 0.0546, -1.2906], [0.2801, -0.3904, 1.5249]])
    Z2 = np.array([[-0.8267479612060911, 1.9117627111512738, -2.6274689083157723]])
    cache = {"Z1": Z1, "A1": np.tanh(Z1), "Z2": Z2, "A2": 1 / (1 + np.exp(-Z2))}
    Y = np.array([[1, 0, 1]])
    grads = check.call(target, parameters, cache, X, Y, case="the forward pass of the example, Y = [[1, 0, 1]]")
    _has_keys(check, "grads has the keys dW1, db1, dW2, db2", grads, ["dW1", "db1", "dW2", "db2"])
    check.same("dW2", np.array([[0.44424754433485786, -0.6924817770932497, 0.16115956823552405,
                                 -0.4540010917988313]]), grads["dW2"])
    check.same("db2", np.array([[-0.2523528199187743]]), grads["db2"])
    check.same("dW1", np.array([[-0.17633041870051144, 1.0006801689123204],
                                [0.12802709196553003, -0.1756347651574104],
                                [-0.36497090055429005, 0.5567656268146354],
                                [0.6134401173116343, -0.7421327475571874]]), grads["dW1"])
    check.same("db1, shape (4, 1)", np.array([[-0.1957991060467037], [0.015269361924031976],
                                              [0.03627111863164898], [0.023424931843793257]]), grads["db1"])
    check.done()


def update_parameters_test(target):
    check = Checker("update_parameters")
    _, parameters = example_network()
    grads = {"dW1": np.array([[0.02, -0.01], [0.005, 0.03], [-0.04, 0.01], [0.0, -0.02]]),
             "db1": np.array([[0.01], [-0.02], [0.0], [0.03]]),
             "dW2": np.array([[-0.05, 0.02, 0.01, 0.04]]),
             "db2": np.array([[-0.1]])}
    out = check.call(target, parameters, grads, case="the example, default learning rate 1.2")
    _has_keys(check, "parameters has the keys W1, b1, W2, b2", out, _KEYS)
    check.same("W1", np.array([[-0.444, 0.322], [0.144, -0.906], [0.668, 0.428], [-0.23, -0.586]]), out["W1"])
    check.same("b1", np.array([[0.088], [-0.176], [0.05], [-0.036]]), out["b1"])
    check.same("W2", np.array([[1.16, -0.624, 0.888, -1.348]]), out["W2"])
    check.same("b2", np.array([[0.42]]), out["b2"])
    out = check.call(target, parameters, grads, learning_rate=0.5, case="the example, learning rate 0.5")
    check.same("W2 with learning_rate=0.5", np.array([[1.125, -0.61, 0.895, -1.32]]), out["W2"])
    check.done()


def nn_model_test(target):
    check = Checker("nn_model")
    X = np.array([[0.5, -1.2, 1.5, -0.3, 2.0, -1.7], [1.1, 0.4, -0.8, -1.5, 0.9, -0.2]])
    Y = np.array([[1, 0, 0, 0, 1, 0]])
    parameters = check.call(target, X, Y, 4, num_iterations=100, case="6 points, n_h = 4, 100 iterations")
    _has_keys(check, "parameters has the keys W1, b1, W2, b2", parameters, _KEYS)
    check.same("W1", np.array([[0.5678850684061773, 1.3207000530115758],
                               [-0.5873118195020505, -1.3799191176909187],
                               [-0.5945033893277804, -1.396354408952563],
                               [0.3764772820511808, 0.6744937976941195]]), parameters["W1"])
    check.same("b1", np.array([[-0.6048339259161296], [0.643994013698378], [0.6565675957608718],
                               [-0.18603337918921045]]), parameters["b1"])
    check.same("W2", np.array([[1.9982386359559863, -2.116837775998902, -2.1551905329670724,
                                0.8968200581488395]]), parameters["W2"])
    check.same("b2", np.array([[-0.838557133492453]]), parameters["b2"])
    check.done()


def predict_test(target):
    check = Checker("predict")
    _, parameters = example_network()
    X = np.array([[1.0, -2.0, 0.5, 3.0], [0.2, 1.5, -1.0, -2.5]])
    out = check.call(target, parameters, X, case="the example network, 4 points (A2 = 0.76, 0.88, 0.23, 0.16)")
    check.same("predictions", np.array([[1, 1, 0, 0]]), out, check_dtype=False)
    check.done()

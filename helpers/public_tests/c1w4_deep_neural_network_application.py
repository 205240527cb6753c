"""Public tests of *Deep neural network application* (c1w4_deep_neural_network_application)."""
import numpy as np

from helpers.checks import Checker, summarize

__all__ = ["two_layer_model_test", "L_layer_model_test"]


def example_data():
    """Twelve examples with five features each: X (5, 12), Y (1, 12)."""
    X = np.array([[0.97, 0.55, 0.97, 0.71, 0.7, 0.22, 0.98, 0.01, 0.25, 0.43, 0.78, 0.2],
                  [0.86, 0.98, 0.16, 0.6, 0.01, 0.39, 0.04, 0.96, 0.44, 0.95, 0.79, 0.87],
                  [0.17, 0.07, 0.6, 0.17, 0.73, 0.41, 0.53, 0.94, 0.52, 0.11, 0.16, 0.55],
                  [0.52, 0.64, 0.4, 0.65, 0.4, 0.62, 0.77, 0.18, 0.38, 0.5, 0.69, 0.25],
                  [0.55, 0.62, 0.9, 0.36, 0.64, 0.19, 0.5, 0.18, 0.92, 0.43, 0.83, 0.42]])
    Y = np.array([[1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 1.0, 0.0, 0.0, 1.0, 1.0, 1.0]])
    return X, Y


def _check_result(check, out, keys):
    check.true("returns (parameters, costs)", isinstance(out, tuple) and len(out) == 2,
               "a pair (parameters, costs)")
    parameters, costs = out
    check.true(f"parameters has the keys {', '.join(keys)}", isinstance(parameters, dict)
               and sorted(parameters) == sorted(keys), f"a dict with keys {keys}, got {summarize(parameters)}")
    check.true("costs is a list of 3 costs (iterations 0, 100, 200)", isinstance(costs, list) and len(costs) == 3,
               f"a list of length 3, got {summarize(costs)}")
    check.true("each cost is the 0-d array compute_cost returns",
               all(isinstance(cost, np.ndarray) and cost.shape == () for cost in costs),
               f"0-d arrays, got {summarize(costs[0])}: append cost as compute_cost returns it")
    return parameters, [float(cost) for cost in costs]


def two_layer_model_test(target):
    check = Checker("two_layer_model")
    X, Y = example_data()
    out = check.call(target, X, Y, (5, 4, 1), learning_rate=0.5, num_iterations=201,
                     case="X (5, 12), layers_dims = (5, 4, 1), learning rate 0.5, 201 iterations")
    parameters, costs = _check_result(check, out, ["W1", "b1", "W2", "b2"])
    check.same("costs", [0.6931517302388764, 0.34834683896597385, 0.08053581348998155], costs)
    check.same("W1, shape (4, 5), first row",
               np.array([0.00880944504525962, -0.010263082498607239, 0.00032840040442234713,
                         -0.01529012339521924, 0.006836934391674517]),
               parameters["W1"][0] if np.shape(parameters["W1"]) == (4, 5) else parameters["W1"])
    check.same("W2", np.array([[-0.007698783186171257, 1.155460201660142, 3.7359379361231375,
                                0.005024943389018682]]), parameters["W2"])
    check.same("b2", np.array([[-1.9906904965013117]]), parameters["b2"])
    check.done()


def L_layer_model_test(target):
    check = Checker("L_layer_model")
    X, Y = example_data()
    out = check.call(target, X, Y, [5, 4, 3, 1], learning_rate=0.3, num_iterations=201,
                     case="X (5, 12), layers_dims = [5, 4, 3, 1], learning rate 0.3, 201 iterations")
    parameters, costs = _check_result(check, out, ["W1", "b1", "W2", "b2", "W3", "b3"])
    check.same("costs", [0.7101269831900628, 0.5458657038652491, 0.09202074636227146], costs)
    check.same("W1, shape (4, 5), first row",
               np.array([2.0999323378105412, 1.0417972970686902, -0.8474830116944856, -0.4797330428324686,
                         0.05383348192778267]),
               parameters["W1"][0] if np.shape(parameters["W1"]) == (4, 5) else parameters["W1"])
    check.same("W3", np.array([[-2.9140427813735363, -0.4561957893222134, -0.695094245043476]]),
               parameters["W3"])
    check.same("b3", np.array([[2.403173296967412]]), parameters["b3"])
    check.done()

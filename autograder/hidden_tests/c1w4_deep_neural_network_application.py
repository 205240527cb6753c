"""Hidden tests of *Deep neural network application*.

Sizes all differ from the notebook's ([784, 7, 1], [784, 20, 7, 5, 1]) and the public example's (5
features, 12 examples), and from each other. Inputs come as pixels in [0, 1] and at a larger scale
(up to 4, so that the ReLU layers see large pre-activations); edge cases are a single iteration, a
single hidden unit and a network without hidden layer. Every recorded cost must be the 0-d array
compute_cost returns, as in the original.
"""
import numpy as np

from autograder.hidden import hidden_test
from helpers.public_tests.c1w4_deep_neural_network_application import example_data

FRESH = [6, 8, 9, 10, 11, 13, 14, 15]
TOLERANCES = {"rtol": 1e-5, "atol": 1e-8}


def fresh(rng, count):
    """``count`` different sizes, none of them a size of the notebook's or the example's networks."""
    return [int(v) for v in rng.choice(FRESH, size=count, replace=False)]


def random_data(rng, n_x, m, scale=1.0):
    """Inputs in [0, scale], and labels that depend on them (both classes present)."""
    X = rng.random((n_x, m)) * scale
    Y = (X[:1] + X[1:2] - X[2:3] > 0.5 * scale).astype(float)
    Y[0, :2] = [0.0, 1.0]
    return X, Y


def check_model(check, X, Y, layers_dims, case, **kwargs):
    """Compare the two models, then require the costs to be 0-d arrays (np.squeeze of the cost)."""
    _, costs = check.call(X, Y, layers_dims, case=case, **kwargs, **TOLERANCES)
    for cost in costs:
        if not (isinstance(cost, np.ndarray) and cost.shape == ()):
            check.fail(f"{case}: each cost as the 0-d array compute_cost returns expected, got {type(cost).__name__}")


def cases(rng, hidden_layers):
    """(X, Y, layers_dims, kwargs, case): fresh sizes at two input scales, the default arguments, one iteration."""
    layers_dims = fresh(rng, hidden_layers + 2)
    layers_dims[-1] = 1
    m = int(rng.integers(20, 40))
    X, Y = random_data(rng, layers_dims[0], m)
    learning_rate, iterations = float(rng.uniform(0.05, 0.4)), int(rng.integers(150, 450))
    big_X, big_Y = random_data(rng, layers_dims[0], m, scale=4.0)
    return [(X, Y, layers_dims, {"learning_rate": learning_rate, "num_iterations": iterations},
             f"X {X.shape}, layers_dims {layers_dims}, learning rate {learning_rate:.3f}, {iterations} iterations"),
            (big_X, big_Y, layers_dims, {"learning_rate": 0.02, "num_iterations": 250},
             f"X {X.shape} with values up to 4, layers_dims {layers_dims}, learning rate 0.02, 250 iterations"),
            (X, Y, layers_dims, {}, f"X {X.shape}, layers_dims {layers_dims}, the default arguments"),
            (X, Y, layers_dims, {"num_iterations": 1}, f"X {X.shape}, layers_dims {layers_dims}, a single iteration")]


@hidden_test("two_layer_model", points=3)
def check_two_layer_model(check, rng):
    X, Y = example_data()
    check_model(check, X, Y, (5, 4, 1), learning_rate=0.5, num_iterations=201,
                case="the example: X (5, 12), layers_dims (5, 4, 1), learning rate 0.5, 201 iterations")
    for X, Y, layers_dims, kwargs, case in cases(rng, 1):
        check_model(check, X, Y, tuple(layers_dims), case, **kwargs)
    check_model(check, X, Y, [X.shape[0], 1, 1], num_iterations=300,
                case=f"layers_dims [{X.shape[0]}, 1, 1] (a single hidden unit), 300 iterations")


@hidden_test("L_layer_model", points=3)
def check_L_layer_model(check, rng):
    X, Y = example_data()
    check_model(check, X, Y, [5, 4, 3, 1], learning_rate=0.3, num_iterations=201,
                case="the example: X (5, 12), layers_dims [5, 4, 3, 1], learning rate 0.3, 201 iterations")
    for X, Y, layers_dims, kwargs, case in cases(rng, int(rng.integers(2, 4))):
        check_model(check, X, Y, layers_dims, case, **kwargs)
    check_model(check, X, Y, [X.shape[0], 1], num_iterations=300,
                case=f"layers_dims [{X.shape[0]}, 1] (logistic regression), 300 iterations")

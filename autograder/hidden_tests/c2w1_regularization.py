"""Hidden tests of *Regularization*."""
import numpy as np

from autograder.hidden import hidden_test
from helpers.public_tests.c2w1_regularization import example_problem
from helpers.three_layer_net import forward_propagation, relu, sigmoid


def random_problem(rng):
    """A random three-layer network and data: X (n_x, m), Y (1, m) of 0/1, parameters; all sizes differ."""
    n_x, n_1, n_2, m = (int(n) for n in rng.choice(np.arange(2, 13), size=4, replace=False))
    X = rng.normal(size=(n_x, m))
    Y = (rng.random((1, m)) > 0.5).astype(np.int64)
    shapes = {"W1": (n_1, n_x), "b1": (n_1, 1), "W2": (n_2, n_1), "b2": (n_2, 1), "W3": (1, n_2), "b3": (1, 1)}
    parameters = {key: rng.normal(size=shape) for key, shape in shapes.items()}
    return X, Y, parameters


def describe(X, parameters):
    return f"X of shape {X.shape}, W1 {parameters['W1'].shape}, W2 {parameters['W2'].shape}"


def dropout_cache(X, parameters, keep_prob, rng):
    """The cache of a forward pass with dropout, with masks drawn from rng."""
    W1, b1, W2, b2, W3, b3 = (parameters[key] for key in ("W1", "b1", "W2", "b2", "W3", "b3"))
    Z1 = W1 @ X + b1
    D1 = (rng.random(Z1.shape) < keep_prob).astype(int)
    A1 = relu(Z1) * D1 / keep_prob
    Z2 = W2 @ A1 + b2
    D2 = (rng.random(Z2.shape) < keep_prob).astype(int)
    A2 = relu(Z2) * D2 / keep_prob
    Z3 = W3 @ A2 + b3
    A3 = sigmoid(Z3)
    return (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)


@hidden_test("compute_cost_with_regularization", points=2)
def check_compute_cost_with_regularization(check, rng):
    _, Y, parameters = example_problem(with_X=False)
    A3 = np.array([[0.40682402, 0.01629284, 0.16722898, 0.10118111, 0.40682402]])
    check.call(A3, Y, parameters, 0.1, case="the notebook's example, lambd = 0.1")
    for lambd in (0, float(rng.uniform(0.05, 3)), float(rng.uniform(0.05, 3))):
        X, Y, parameters = random_problem(rng)
        A3 = rng.uniform(0.02, 0.98, size=Y.shape)
        check.call(A3, Y, parameters, lambd, case=f"random network ({describe(X, parameters)}), lambd = {lambd:.3g}")


@hidden_test("backward_propagation_with_regularization", points=3)
def check_backward_propagation_with_regularization(check, rng):
    X, Y, parameters = example_problem()
    check.call(X, Y, forward_propagation(X, parameters)[1], 0.7, case="the notebook's example, lambd = 0.7")
    for lambd in (float(rng.uniform(0.05, 3)), float(rng.uniform(0.05, 3)), 0.0):
        X, Y, parameters = random_problem(rng)
        _, cache = forward_propagation(X, parameters)
        check.call(X, Y, cache, lambd, case=f"random network ({describe(X, parameters)}), lambd = {lambd:.3g}")


@hidden_test("forward_propagation_with_dropout", points=3)
def check_forward_propagation_with_dropout(check, rng):
    X, _, parameters = example_problem()
    check.call(X, parameters, keep_prob=0.7, case="the notebook's example, keep_prob = 0.7", check_dtype=False)
    for keep_prob in (float(rng.uniform(0.4, 0.95)), float(rng.uniform(0.4, 0.95)), 1.0):
        X, _, parameters = random_problem(rng)
        check.call(X, parameters, keep_prob, case=f"random network ({describe(X, parameters)}), "
                   f"keep_prob = {keep_prob:.3g}", check_dtype=False)
    X, _, parameters = random_problem(rng)
    check.call(X, parameters, case=f"random network ({describe(X, parameters)}), the default keep_prob",
               check_dtype=False)


@hidden_test("backward_propagation_with_dropout", points=3)
def check_backward_propagation_with_dropout(check, rng):
    X, Y, parameters = example_problem()
    check.call(X, Y, dropout_cache(X, parameters, 0.7, rng), 0.7, case="the notebook's example, keep_prob = 0.7")
    for keep_prob in (float(rng.uniform(0.4, 0.95)), float(rng.uniform(0.4, 0.95)), 1.0):
        X, Y, parameters = random_problem(rng)
        cache = dropout_cache(X, parameters, keep_prob, rng)
        check.call(X, Y, cache, keep_prob, case=f"random network ({describe(X, parameters)}) and masks, "
                   f"keep_prob = {keep_prob:.3g}")

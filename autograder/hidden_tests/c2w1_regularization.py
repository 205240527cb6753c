"""Hidden tests of *Regularization*.

Networks come at two scales (pre-activations of about 1, and up to about 10 with weights large enough for
the L2 penalty to dominate the cost), and the large ones have a "dead" unit in each hidden layer (zero
weights and bias, so Z = 0 exactly, at ReLU's kink, where the course's gradient is 0). Edge cases: a single
example, lambd = 0, keep_prob = 1. Every test has a case whose sizes all differ from the example's
([3, 2, 3, 1], m = 5) and the notebook's ([2, 20, 3, 1]), and from each other.
"""
import numpy as np

from autograder.hidden import hidden_test
from helpers.public_tests.c2w1_regularization import example_problem
from helpers.three_layer_net import forward_propagation, relu, sigmoid

FRESH = [4, 6, 7, 8, 9, 10, 11, 12]


def random_problem(rng, large=False, m=None):
    """X (n_x, m), Y (1, m) of 0/1, and parameters of a three-layer network, all sizes fresh; ``large``
    gives |Z| up to about 10 and a dead unit in each hidden layer."""
    n_x, n_1, n_2, fresh_m = (int(n) for n in rng.choice(FRESH, size=4, replace=False))
    m = m or fresh_m
    X = rng.normal(size=(n_x, m))
    Y = (rng.random((1, m)) > 0.5).astype(np.int64)
    sizes = {1: (n_1, n_x), 2: (n_2, n_1), 3: (1, n_2)}
    parameters = {}
    for l, (n, n_prev) in sizes.items():
        parameters[f"W{l}"] = rng.normal(scale=(4.0 if large else 1.0) / np.sqrt(n_prev), size=(n, n_prev))
        parameters[f"b{l}"] = rng.normal(scale=0.3, size=(n, 1))
        if large and l < 3:
            parameters[f"W{l}"][0], parameters[f"b{l}"][0] = 0.0, 0.0
    return X, Y, parameters


def problems(rng):
    """(X, Y, parameters, case): small and large networks of fresh sizes, then a single example."""
    cases = []
    for large in (False, True):
        X, Y, parameters = random_problem(rng, large)
        cases.append((X, Y, parameters, describe(X, parameters) + (", large |Z| and units with Z = 0" if large
                                                                    else ", small |Z|")))
    X, Y, parameters = random_problem(rng, large=True, m=1)
    cases.append((X, Y, parameters, describe(X, parameters) + ", a single example"))
    return cases


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


def random_keep_probs(rng):
    return (float(rng.uniform(0.4, 0.95)), float(rng.uniform(0.4, 0.95)), 1.0)


@hidden_test("compute_cost_with_regularization", points=2)
def check_compute_cost_with_regularization(check, rng):
    _, Y, parameters = example_problem(with_X=False)
    A3 = np.array([[0.40682402, 0.01629284, 0.16722898, 0.10118111, 0.40682402]])
    check.call(A3, Y, parameters, 0.1, case="the notebook's example, lambd = 0.1")
    for (X, Y, parameters, case), lambd in zip(problems(rng), (0.0, float(rng.uniform(0.05, 3)), 0.7)):
        A3 = rng.uniform(0.02, 0.98, size=Y.shape)
        check.call(A3, Y, parameters, lambd, case=f"{case}, lambd = {lambd:.3g}")


@hidden_test("backward_propagation_with_regularization", points=3)
def check_backward_propagation_with_regularization(check, rng):
    X, Y, parameters = example_problem()
    check.call(X, Y, forward_propagation(X, parameters)[1], 0.7, case="the notebook's example, lambd = 0.7")
    for X, Y, parameters, case in problems(rng):
        _, cache = forward_propagation(X, parameters)
        for lambd in (float(rng.uniform(0.05, 3)), 0.0):
            check.call(X, Y, cache, lambd, case=f"{case}, lambd = {lambd:.3g}")


@hidden_test("forward_propagation_with_dropout", points=3)
def check_forward_propagation_with_dropout(check, rng):
    X, _, parameters = example_problem()
    check.call(X, parameters, keep_prob=0.7, case="the notebook's example, keep_prob = 0.7", check_dtype=False)
    cases = problems(rng)
    for X, _, parameters, case in cases:
        for keep_prob in random_keep_probs(rng):
            check.call(X, parameters, keep_prob, case=f"{case}, keep_prob = {keep_prob:.3g}", check_dtype=False)
    X, _, parameters, case = cases[1]
    check.call(X, parameters, case=f"{case}, the default keep_prob", check_dtype=False)


@hidden_test("backward_propagation_with_dropout", points=3)
def check_backward_propagation_with_dropout(check, rng):
    X, Y, parameters = example_problem()
    check.call(X, Y, dropout_cache(X, parameters, 0.7, rng), 0.7, case="the notebook's example, keep_prob = 0.7")
    for X, Y, parameters, case in problems(rng):
        for keep_prob in random_keep_probs(rng):
            check.call(X, Y, dropout_cache(X, parameters, keep_prob, rng), keep_prob,
                       case=f"{case} and random masks, keep_prob = {keep_prob:.3g}")

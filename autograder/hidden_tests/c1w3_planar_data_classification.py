"""Hidden tests of *Planar data classification with one hidden layer*.

Networks come at two scales: small pre-activations, and large ones (|Z1| and |Z2| up to about 10,
where tanh(z) is no longer z and 1 - Z1**2 is far from 1 - A1**2). Boundaries: a single example,
a single hidden unit, outputs of exactly 0.5 in predict. Every test has a case whose sizes all differ
from the example's (n_x = 2, n_h = 4, m = 3) and the flower's (m = 400), and from each other.
compute_cost must return a Python float, as the original does.
"""
import numpy as np

from autograder.hidden import hidden_test
from helpers.public_tests.c1w3_planar_data_classification import example_network

PREDICT_X = np.array([[1.0, -2.0, 0.5, 3.0], [0.2, 1.5, -1.0, -2.5]])


def fresh_sizes(rng):
    """(n_x, n_h, m): all different, none of them the example's 2, 3 or 4."""
    n_x, n_h, m = (int(v) for v in rng.choice(np.arange(5, 14), size=3, replace=False))
    return n_x, n_h, m


def random_network(rng, n_x, n_h, n_y=1, large=False):
    """Weights giving |Z| of about 1, or with ``large`` up to about 10 (X standard normal)."""
    scale = 4.0 if large else 0.7
    return {"W1": rng.normal(scale=scale / np.sqrt(n_x), size=(n_h, n_x)), "b1": rng.normal(scale=0.3, size=(n_h, 1)),
            "W2": rng.normal(scale=scale / np.sqrt(n_h), size=(n_y, n_h)), "b2": rng.normal(scale=0.3, size=(n_y, 1))}


def random_labels(rng, m):
    Y = (rng.random((1, m)) > 0.5).astype(float)
    Y[0, :2] = [0.0, 1.0][:m]
    return Y


def consistent_cache(X, parameters):
    """The cache a correct forward pass builds."""
    Z1 = parameters["W1"] @ X + parameters["b1"]
    A1 = np.tanh(Z1)
    Z2 = parameters["W2"] @ A1 + parameters["b2"]
    return {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": 1 / (1 + np.exp(-Z2))}


def network_cases(rng):
    """(X, parameters, Y, case) for the example, small and large networks of fresh sizes, one example and
    one hidden unit."""
    X, parameters = example_network()
    cases = [(X, parameters, np.array([[1.0, 0.0, 1.0]]), "the notebook's example")]
    n_x, n_h, m = fresh_sizes(rng)
    X, Y = rng.normal(size=(n_x, m)), random_labels(rng, m)
    for large in (False, True):
        cases.append((X, random_network(rng, n_x, n_h, large=large), Y,
                      f"X of shape {(n_x, m)}, {n_h} hidden units, " + ("large |Z|" if large else "small |Z|")))
    cases.append((X[:, :1], random_network(rng, n_x, n_h, large=True), Y[:, :1],
                  f"a single example, {n_h} hidden units"))
    cases.append((X, random_network(rng, n_x, 1, large=True), Y, f"X of shape {(n_x, m)}, a single hidden unit"))
    return cases


@hidden_test("layer_sizes", points=1)
def check_layer_sizes(check, rng):
    check.call(np.zeros((2, 400)), np.zeros((1, 400)), case="the flower's shapes")
    n_x, n_y, m = fresh_sizes(rng)
    check.call(rng.normal(size=(n_x, m)), np.zeros((n_y, m)), case=f"X of shape {(n_x, m)}, Y of shape {(n_y, m)}")
    check.call(rng.normal(size=(n_x, 1)), np.zeros((1, 1)), case=f"a single example, X of shape {(n_x, 1)}")


@hidden_test("initialize_parameters", points=1)
def check_initialize_parameters(check, rng):
    np.random.seed(2)
    check.call(2, 4, 1, case="np.random.seed(2), then n_x = 2, n_h = 4, n_y = 1")
    n_x, n_h, n_y = fresh_sizes(rng)
    for sizes in ((n_x, n_h, n_y), (n_x, 1, 1)):
        np.random.seed(int(rng.integers(0, 2**31)))
        check.call(*sizes, case="a random seed, then n_x = {}, n_h = {}, n_y = {}".format(*sizes))


@hidden_test("forward_propagation", points=2)
def check_forward_propagation(check, rng):
    for X, parameters, _, case in network_cases(rng):
        check.call(X, parameters, case=case)


@hidden_test("compute_cost", points=1)
def check_compute_cost(check, rng):
    m = int(rng.integers(5, 30))
    confident = rng.uniform(1e-5, 1e-3, size=(1, m))
    cases = [(np.array([[0.8, 0.3, 0.6, 0.1]]), np.array([[1, 0, 1, 0]]), "the notebook's example"),
             (rng.uniform(0.02, 0.98, size=(1, m)), random_labels(rng, m), f"random A2 and Y, m = {m}"),
             (np.where(rng.random((1, m)) < 0.5, confident, 1 - confident), random_labels(rng, m),
              f"A2 within 1e-3 of 0 or 1 (confident, often wrong), m = {m}"),
             (np.array([[0.37]]), np.array([[1.0]]), "a single example")]
    for A2, Y, case in cases:
        cost = check.call(A2, Y, case=case)
        if not isinstance(cost, float):
            check.fail(f"{case}: a Python float expected, got {type(cost).__name__}")


@hidden_test("backward_propagation", points=2)
def check_backward_propagation(check, rng):
    for X, parameters, Y, case in network_cases(rng):
        check.call(parameters, consistent_cache(X, parameters), X, Y, case=case)


@hidden_test("update_parameters", points=1)
def check_update_parameters(check, rng):
    n_x, n_h, _ = fresh_sizes(rng)
    parameters = random_network(rng, n_x, n_h)
    grads = {f"d{key}": rng.normal(scale=0.1, size=value.shape) for key, value in parameters.items()}
    check.call(parameters, grads, case=f"random parameters ({n_x} inputs, {n_h} hidden units), the default "
               "learning rate")
    learning_rate = float(rng.uniform(0.01, 2.0))
    check.call(parameters, grads, learning_rate, case=f"the same parameters, learning rate {learning_rate:.3f}")


@hidden_test("nn_model", points=2)
def check_nn_model(check, rng):
    m = int(rng.integers(12, 30))
    X = rng.normal(size=(3, m))  # 3 features, not the flower's 2
    Y = (X[0] * X[1] > 0).astype(float).reshape(1, -1)  # the quadrants: needs the hidden layer
    Y[0, :2] = [0.0, 1.0]
    n_h = int(rng.choice([5, 6, 7]))  # not layer_sizes' 4: nn_model must use its n_h
    iterations = int(rng.integers(150, 400))
    check.call(X, Y, n_h, num_iterations=iterations, case=f"X of shape {X.shape}, n_h = {n_h}, {iterations} iterations",
               rtol=1e-5, atol=1e-7)
    check.call(X[:2, :10], Y[:, :10], 4, case="10 points in 2-D, n_h = 4, the default 10000 iterations",
               rtol=1e-5, atol=1e-7)


def with_half_outputs(rng, parameters, X):
    """Zero biases and some all-zero columns of X: there A2 is exactly 0.5, which is not above 0.5."""
    parameters = {**parameters, "b1": np.zeros_like(parameters["b1"]), "b2": np.zeros_like(parameters["b2"])}
    X = X.copy()
    X[:, rng.random(X.shape[1]) < 1 / 3] = 0.0
    X[:, 0] = 0.0
    return parameters, X


@hidden_test("predict", points=1)
def check_predict(check, rng):
    check.call(example_network()[1], PREDICT_X, case="the notebook's example", check_dtype=False)
    n_x, n_h, m = fresh_sizes(rng)
    parameters, X = random_network(rng, n_x, n_h, large=True), rng.normal(size=(n_x, m + 20))
    check.call(parameters, X, case=f"X of shape {X.shape}, {n_h} hidden units, large |Z|", check_dtype=False)
    check.call(*with_half_outputs(rng, parameters, X), case=f"the same network without biases, some columns of "
               "X all 0: A2 = 0.5 exactly there", check_dtype=False)
    check.call(parameters, X[:, :1], case="a single example", check_dtype=False)

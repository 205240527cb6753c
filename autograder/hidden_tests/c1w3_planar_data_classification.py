"""Hidden tests of *Planar data classification with one hidden layer*."""
import numpy as np

from autograder.hidden import hidden_test


def random_sizes(rng):
    """(n_x, n_h, n_y, m), all different so that a transposed array has the wrong shape."""
    n_x, n_h, m = (int(v) for v in rng.choice(np.arange(2, 12), size=3, replace=False))
    return n_x, n_h, 1, m


def random_network(rng, n_x, n_h, n_y=1, scale=0.7):
    return {"W1": rng.normal(scale=scale, size=(n_h, n_x)), "b1": rng.normal(scale=0.3, size=(n_h, 1)),
            "W2": rng.normal(scale=scale, size=(n_y, n_h)), "b2": rng.normal(scale=0.3, size=(n_y, 1))}


def random_labels(rng, m):
    Y = (rng.random((1, m)) > 0.5).astype(float)
    Y[0, :2] = [0.0, 1.0]  # both classes, always
    return Y


def consistent_cache(X, parameters):
    """The cache a correct forward pass builds."""
    Z1 = parameters["W1"] @ X + parameters["b1"]
    A1 = np.tanh(Z1)
    Z2 = parameters["W2"] @ A1 + parameters["b2"]
    return {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": 1 / (1 + np.exp(-Z2))}


def demo():
    X = np.array([[1.62, -0.61, -0.53], [-1.07, 0.87, -2.3]])
    parameters = {"W1": np.array([[-0.42, 0.31], [0.15, -0.87], [0.62, 0.44], [-0.23, -0.61]]),
                  "b1": np.array([[0.1], [-0.2], [0.05], [0.0]]),
                  "W2": np.array([[1.1, -0.6, 0.9, -1.3]]), "b2": np.array([[0.3]])}
    return X, parameters, np.array([[1.0, 0.0, 1.0]])


@hidden_test("layer_sizes", points=1)
def check_layer_sizes(check, rng):
    check.call(np.zeros((2, 400)), np.zeros((1, 400)), case="the flower's shapes")
    for _ in range(2):
        n_x, n_y, m = (int(v) for v in rng.choice(np.arange(1, 30), size=3, replace=False))
        check.call(rng.normal(size=(n_x, m)), np.zeros((n_y, m)), case=f"X of shape {(n_x, m)}, Y of shape {(n_y, m)}")


@hidden_test("initialize_parameters", points=1)
def check_initialize_parameters(check, rng):
    np.random.seed(2)
    check.call(2, 4, 1, case="np.random.seed(2), then n_x = 2, n_h = 4, n_y = 1")
    for _ in range(2):
        n_x, n_h, n_y = (int(v) for v in rng.choice(np.arange(1, 15), size=3, replace=False))
        np.random.seed(int(rng.integers(0, 2**31)))
        check.call(n_x, n_h, n_y, case=f"a random seed, then n_x = {n_x}, n_h = {n_h}, n_y = {n_y}")


@hidden_test("forward_propagation", points=2)
def check_forward_propagation(check, rng):
    X, parameters, _ = demo()
    check.call(X, parameters, case="the notebook's example")
    for _ in range(2):
        n_x, n_h, n_y, m = random_sizes(rng)
        check.call(rng.normal(size=(n_x, m)), random_network(rng, n_x, n_h, n_y),
                   case=f"random X of shape {(n_x, m)} and {n_h} hidden units")


@hidden_test("compute_cost", points=1)
def check_compute_cost(check, rng):
    check.call(np.array([[0.8, 0.3, 0.6, 0.1]]), np.array([[1, 0, 1, 0]]), case="the notebook's example")
    for _ in range(2):
        m = int(rng.integers(3, 30))
        check.call(rng.uniform(0.02, 0.98, size=(1, m)), random_labels(rng, m), case=f"random A2 and Y, m = {m}")


@hidden_test("backward_propagation", points=2)
def check_backward_propagation(check, rng):
    X, parameters, Y = demo()
    check.call(parameters, consistent_cache(X, parameters), X, Y, case="the notebook's example")
    for _ in range(2):
        n_x, n_h, n_y, m = random_sizes(rng)
        X, parameters = rng.normal(size=(n_x, m)), random_network(rng, n_x, n_h, n_y)
        check.call(parameters, consistent_cache(X, parameters), X, random_labels(rng, m),
                   case=f"random X of shape {(n_x, m)} and {n_h} hidden units")


@hidden_test("update_parameters", points=1)
def check_update_parameters(check, rng):
    n_x, n_h, n_y, _ = random_sizes(rng)
    parameters = random_network(rng, n_x, n_h, n_y)
    grads = {f"d{key}": rng.normal(scale=0.1, size=value.shape) for key, value in parameters.items()}
    check.call(parameters, grads, case=f"random parameters ({n_h} hidden units), the default learning rate")
    learning_rate = float(rng.uniform(0.01, 2.0))
    check.call(parameters, grads, learning_rate, case=f"random parameters, learning rate {learning_rate:.3f}")


@hidden_test("nn_model", points=2)
def check_nn_model(check, rng):
    m = int(rng.integers(12, 30))
    X = rng.normal(size=(2, m))
    Y = (X[0] * X[1] > 0).astype(float).reshape(1, -1)  # the quadrants: needs the hidden layer
    Y[0, :2] = [0.0, 1.0]
    n_h = int(rng.choice([2, 3, 5, 6]))  # not layer_sizes' 4: nn_model must use its n_h
    iterations = int(rng.integers(150, 400))
    check.call(X, Y, n_h, num_iterations=iterations, case=f"{m} random points, n_h = {n_h}, {iterations} iterations",
               rtol=1e-5, atol=1e-7)
    check.call(X[:, :10], Y[:, :10], 4, case="10 random points, n_h = 4, the default 10000 iterations",
               rtol=1e-5, atol=1e-7)


@hidden_test("predict", points=1)
def check_predict(check, rng):
    X, parameters, _ = demo()
    check.call(parameters, np.array([[1.0, -2.0, 0.5, 3.0], [0.2, 1.5, -1.0, -2.5]]), case="the notebook's example",
               check_dtype=False)
    n_x, n_h, n_y, m = random_sizes(rng)
    m = m + 20
    check.call(random_network(rng, n_x, n_h, n_y, scale=1.5), rng.normal(size=(n_x, m)),
               case=f"random X of shape {(n_x, m)} and {n_h} hidden units", check_dtype=False)
    zero = {key: np.zeros_like(value) for key, value in random_network(rng, n_x, n_h, n_y).items()}
    check.call(zero, rng.normal(size=(n_x, 5)), case="all-zero parameters: A2 = 0.5 is not above 0.5",
               check_dtype=False)

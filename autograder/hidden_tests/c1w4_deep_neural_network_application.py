"""Hidden tests of *Deep neural network application*."""
import numpy as np

from autograder.hidden import hidden_test


def random_data(rng, n_x, m):
    """Inputs in [0, 1] like pixels, and labels that depend on them (both classes present)."""
    X = rng.random((n_x, m))
    Y = (X[:1] + X[1:2] - X[2:3] > 0.5).astype(float)
    Y[0, :2] = [0.0, 1.0]
    return X, Y


def sizes(rng, count):
    """``count`` different layer sizes, so that a transposed weight matrix has the wrong shape."""
    return [int(v) for v in rng.choice(np.arange(3, 12), size=count, replace=False)]


@hidden_test("two_layer_model", points=3)
def check_two_layer_model(check, rng):
    n_x, n_h, m = sizes(rng, 3)
    X, Y = random_data(rng, n_x, m + 10)
    learning_rate, iterations = float(rng.uniform(0.05, 0.6)), int(rng.integers(150, 450))
    check.call(X, Y, (n_x, n_h, 1), learning_rate=learning_rate, num_iterations=iterations,
               case=f"X {X.shape}, layers_dims ({n_x}, {n_h}, 1), learning rate {learning_rate:.3f}, "
                    f"{iterations} iterations", rtol=1e-5, atol=1e-8)
    check.call(X, Y, [n_x, n_h, 1], case=f"the same data, layers_dims [{n_x}, {n_h}, 1], the default arguments",
               rtol=1e-5, atol=1e-8)


@hidden_test("L_layer_model", points=3)
def check_L_layer_model(check, rng):
    layers_dims = sizes(rng, int(rng.integers(3, 5))) + [1]
    X, Y = random_data(rng, layers_dims[0], int(rng.integers(12, 25)))
    learning_rate, iterations = float(rng.uniform(0.05, 0.4)), int(rng.integers(150, 450))
    check.call(X, Y, layers_dims, learning_rate=learning_rate, num_iterations=iterations,
               case=f"X {X.shape}, layers_dims {layers_dims}, learning rate {learning_rate:.3f}, "
                    f"{iterations} iterations", rtol=1e-5, atol=1e-8)
    check.call(X, Y, [layers_dims[0], 1], num_iterations=300,
               case=f"layers_dims [{layers_dims[0]}, 1] (logistic regression), 300 iterations", rtol=1e-5, atol=1e-8)
    check.call(X, Y, layers_dims, case=f"layers_dims {layers_dims}, the default arguments", rtol=1e-5, atol=1e-8)

"""Hidden tests of *Logistic regression with a neural-network mindset*."""
import numpy as np

from autograder.hidden import hidden_test


def random_problem(rng, n=None, m=None):
    """Random parameters and data of a logistic regression: w (n, 1), b, X (n, m), Y (1, m)."""
    n = int(n or rng.integers(2, 9))
    m = int(m or rng.integers(3, 15))
    while m == n:
        m += 1
    w = rng.normal(scale=0.5, size=(n, 1))
    b = float(rng.normal())
    X = rng.normal(size=(n, m))
    Y = (rng.random((1, m)) > 0.5).astype(float)
    return w, b, X, Y


def demo_problem():
    w = np.array([[1.0], [2.0]])
    X = np.array([[1.0, -2.0, -1.0], [3.0, 0.5, -3.2]])
    return w, 1.5, X, np.array([[1, 1, 0]])


@hidden_test("sigmoid", points=1)
def check_sigmoid(check, rng):
    check.call(np.array([0.0, 2.0]), case="z = [0, 2]")
    check.call(float(rng.normal()), case="a scalar z")
    shape = (int(rng.integers(2, 5)), int(rng.integers(5, 9)))
    check.call(rng.normal(scale=4, size=shape), case=f"random z of shape {shape}")


@hidden_test("initialize_with_zeros", points=1)
def check_initialize_with_zeros(check, rng):
    for dim in (1, 2, int(rng.integers(3, 50))):
        check.call(dim, case=f"dim = {dim}")


@hidden_test("propagate", points=2)
def check_propagate(check, rng):
    check.call(*demo_problem(), case="the notebook's example")
    for _ in range(3):
        w, b, X, Y = random_problem(rng)
        check.call(w, b, X, Y, case=f"random w, b, X of shape {X.shape}")


@hidden_test("optimize", points=2)
def check_optimize(check, rng):
    check.call(*demo_problem(), num_iterations=101, learning_rate=0.009, case="the notebook's example")
    w, b, X, Y = random_problem(rng)
    iterations, learning_rate = int(rng.integers(150, 350)), float(rng.uniform(0.01, 0.2))
    check.call(w, b, X, Y, iterations, learning_rate, case=f"random data of shape {X.shape}, "
               f"{iterations} iterations, learning rate {learning_rate:.3f}")
    check.call(w, b, X, Y, case="random data with the default arguments")


@hidden_test("predict", points=1)
def check_predict(check, rng):
    w = np.array([[0.1124579], [0.23106775]])
    X = np.array([[1.0, -1.1, -3.2], [1.2, 2.0, 0.1]])
    check.call(w, -0.3, X, case="the notebook's example", check_dtype=False)
    check.call(np.zeros((3, 1)), 0.0, rng.normal(size=(3, 4)), case="w = 0, b = 0: every a is 0.5",
               check_dtype=False)
    w, b, X, _ = random_problem(rng, m=int(rng.integers(20, 40)))
    check.call(w, b, X, case=f"random w, b, X of shape {X.shape}", check_dtype=False)


@hidden_test("model", points=2)
def check_model(check, rng):
    w, _, X_train, Y_train = random_problem(rng, m=int(rng.integers(20, 40)))
    X_test = rng.normal(size=(X_train.shape[0], int(rng.integers(5, 15))))
    Y_test = (rng.random((1, X_test.shape[1])) > 0.5).astype(float)
    check.call(X_train, Y_train, X_test, Y_test, num_iterations=300, learning_rate=0.05,
               case=f"random data, {X_train.shape[1]} training examples, 300 iterations",
               check_dtype=False)
    check.call(X_train, Y_train, X_test, Y_test, case="the same data with the default arguments",
               check_dtype=False)

"""Hidden tests of *Logistic regression with a neural-network mindset*.

Inputs come at two scales (pre-activations |z| below 1, and up to about 10, where the sigmoid
saturates), with exact boundaries (z = 0 exactly, so A = 0.5 in predict; a single example; a single
feature), and every test has a case whose sizes all differ from the example's (n = 2, m = 3) and from
each other. Types the original fixes are checked: b a Python float, db a number, predictions (1, m).
"""
import numpy as np

from autograder.hidden import hidden_test
from helpers.public_tests.c1w2_logistic_regression import example_problem


def fresh_sizes(rng):
    """(n, m): different from each other and from the example's 2 and 3."""
    n, m = (int(v) for v in rng.choice(np.arange(4, 13), size=2, replace=False))
    return n, m


def random_problem(rng, n, m, scale=1.0):
    """w (n, 1), b, X (n, m), Y (1, m) with both labels; ``scale`` sets the size of z = w.T X + b:
    1 gives |z| of about 1, 5 gives |z| up to about 10."""
    w = rng.normal(scale=scale / np.sqrt(n), size=(n, 1))
    b = float(rng.normal(scale=0.5))
    X = rng.normal(size=(n, m))
    Y = (rng.random((1, m)) > 0.5).astype(float)
    if m > 1:
        Y[0, :2] = [0.0, 1.0]
    return w, b, X, Y


def with_confident_mistakes(w, b, X):
    """Labels that agree with the model except on its two most confident examples, which are wrong:
    there log(A) or log(1 - A) is large."""
    z = w.T @ X + b
    Y = (z > 0).astype(float)
    worst = np.argsort(-np.abs(z[0]))[:2]
    Y[0, worst] = 1 - Y[0, worst]
    return w, b, X, Y


def describe(X, scale):
    return f"X of shape {X.shape}, " + ("large |z| (up to about 10)" if scale > 1 else "small |z|")


def require(check, condition, case, expected, got):
    if not condition:
        check.fail(f"{case}: {expected} expected, got {type(got).__name__}")


@hidden_test("sigmoid", points=1)
def check_sigmoid(check, rng):
    check.call(np.array([0.0, 2.0]), case="z = [0, 2]")
    check.call(float(rng.normal()), case="a scalar z")
    shape = fresh_sizes(rng)
    z = rng.normal(scale=4, size=shape).clip(-10, 10)
    z.flat[0] = 0.0
    check.call(z, case=f"z of shape {shape}, with |z| up to 10 and an exact 0")


@hidden_test("initialize_with_zeros", points=1)
def check_initialize_with_zeros(check, rng):
    for dim in (1, 2, int(rng.integers(4, 50)), 784):
        case = f"dim = {dim}"
        _, b = check.call(dim, case=case)
        require(check, isinstance(b, float), case, "b as a Python float", b)


@hidden_test("propagate", points=2)
def check_propagate(check, rng):
    cases = [(example_problem(), "the notebook's example")]
    n, m = fresh_sizes(rng)
    problem = random_problem(rng, n, m)
    cases.append((problem, describe(problem[2], 1)))
    problem = with_confident_mistakes(*random_problem(rng, n, m, 5)[:3])
    cases.append((problem, describe(problem[2], 5) + ", two confident mistakes"))
    cases.append((random_problem(rng, n, 1, 3), f"a single example (m = 1), n = {n}"))
    cases.append((random_problem(rng, 1, m, 3), f"a single feature (n = 1), m = {m}"))
    for problem, case in cases:
        grads, _ = check.call(*problem, case=case)
        require(check, isinstance(grads["db"], (float, np.floating)), case, 'grads["db"] as a number', grads["db"])


@hidden_test("optimize", points=2)
def check_optimize(check, rng):
    check.call(*example_problem(), num_iterations=101, learning_rate=0.009, case="the notebook's example")
    n, m = fresh_sizes(rng)
    w, b, X, Y = with_confident_mistakes(*random_problem(rng, n, m, 5)[:3])
    iterations, learning_rate = int(rng.integers(150, 350)), float(rng.uniform(0.01, 0.2))
    check.call(w, b, X, Y, iterations, learning_rate,
               case=f"{describe(X, 5)}, {iterations} iterations, learning rate {learning_rate:.3f}")
    check.call(w, b, X, Y, case="the same data with the default arguments")
    check.call(w, b, X, Y, num_iterations=1, case="the same data, a single iteration")


def with_zero_columns(rng, X):
    """X with about a third of its columns set to exactly 0: with b = 0, those examples get A = 0.5."""
    X = X.copy()
    X[:, rng.random(X.shape[1]) < 1 / 3] = 0.0
    X[:, 0] = 0.0
    return X


@hidden_test("predict", points=1)
def check_predict(check, rng):
    w = np.array([[0.1124579], [0.23106775]])
    X = np.array([[1.0, -1.1, -3.2], [1.2, 2.0, 0.1]])
    check.call(w, -0.3, X, case="the notebook's example", check_dtype=False)
    n, m = fresh_sizes(rng)
    w, _, X, _ = random_problem(rng, n, m + 20, 5)
    check.call(w, 0.0, with_zero_columns(rng, X), case=f"b = 0 and {describe(X, 5)}, some columns of X all 0 "
               "(A = 0.5 exactly there, which is not above 0.5)", check_dtype=False)
    check.call(np.zeros((n, 1)), 0.0, X, case="w = 0, b = 0: every A is 0.5", check_dtype=False)
    check.call(w, 0.3, X[:, :1], case=f"a single example (m = 1), n = {n}", check_dtype=False)


@hidden_test("model", points=2)
def check_model(check, rng):
    n, m = fresh_sizes(rng)
    w, _, X_train, _ = random_problem(rng, n, m + 20)
    Y_train = (w.T @ X_train + rng.normal(scale=0.5, size=(1, m + 20)) > 0).astype(float)
    X_test = rng.normal(size=(n, int(rng.integers(5, 15))))
    Y_test = (w.T @ X_test > 0).astype(float)
    check.call(X_train, Y_train, X_test, Y_test, num_iterations=300, learning_rate=0.05,
               case=f"random data, X_train {X_train.shape}, X_test {X_test.shape}, 300 iterations",
               check_dtype=False)
    check.call(X_train, Y_train, X_test, Y_test, case="the same data with the default arguments",
               check_dtype=False)
    check.call(X_train, Y_train, X_test[:, :1], Y_test[:, :1], num_iterations=150, learning_rate=0.1,
               case="a single test example, 150 iterations", check_dtype=False)

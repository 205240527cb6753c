"""Logistic regression: hidden tests catch plausible bugs, accept other correct answers, and the
notebook still teaches its lesson."""
import re

import pytest

from tests.support import check_mutants_and_variants, graded_reference, printed_text

ASSIGNMENT = "c1w2_logistic_regression"

PROPAGATE = '''
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(w.T @ X + b)
    cost = {cost}
    dw = {dw}
    db = {db}
    return {{"dw": dw, "db": db}}, np.squeeze(np.array(cost))
'''
GOOD_COST = "-np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m"


def propagate(cost=GOOD_COST, dw="X @ (A - Y).T / m", db="np.sum(A - Y) / m"):
    return PROPAGATE.format(cost=cost, dw=dw, db=db)


OPTIMIZE = '''
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    costs = []
    for i in range({range}):
        grads, cost = propagate(w, b, X, Y)
        {update}
        if i % 100 == 0:
            costs.append(cost)
    return {{"w": w, "b": b}}, grads, costs
'''
GOOD_UPDATE = 'w = w - learning_rate * grads["dw"]; b = b - learning_rate * grads["db"]'

MODEL = '''
def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False):
    w, b = initialize_with_zeros(X_train.shape[0])
    params, grads, costs = optimize(w, b, X_train, Y_train, {args})
    w, b = params["w"], params["b"]
    return {{"costs": costs, "Y_prediction_test": predict(w, b, {test}), "Y_prediction_train": predict(w, b, X_train),
            "w": w, "b": b, "learning_rate": learning_rate, "num_iterations": num_iterations}}
'''
GOOD_ARGS = "num_iterations, learning_rate, print_cost"

MUTANTS = {
    "sigmoid": ["def sigmoid(z):\n    return 1 / (1 + np.exp(z))",
                "def sigmoid(z):\n    return np.exp(-z) / (1 + np.exp(-z))",
                "def sigmoid(z):\n    return np.round(1 / (1 + np.exp(-z)), 8)"],  # loses saturated values
    "initialize_with_zeros": ["def initialize_with_zeros(dim):\n    return np.zeros((dim, 1)), 0",
                              "def initialize_with_zeros(dim):\n    return np.zeros((1, dim)), 0.0",
                              "def initialize_with_zeros(dim):\n    return np.zeros(dim), 0.0",
                              "def initialize_with_zeros(dim):\n    return np.zeros((dim, 1)), np.array(0.0)"],
    "propagate": [propagate(cost="-np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A))"),  # forgot 1/m
                  propagate(cost="np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m"),  # wrong sign
                  propagate(dw="X @ (Y - A).T / m"),
                  propagate(db="np.sum(A - Y, axis=0, keepdims=True) / m"),  # wrong axis
                  propagate(dw="X @ (A - Y).T"),
                  propagate(cost="-np.sum(Y * np.log(A + 1e-8) + (1 - Y) * np.log(1 - A + 1e-8)) / m"),  # epsilon
                  propagate(db="np.squeeze(np.sum(A - Y, axis=1, keepdims=True) / m)"),  # db a 0-d array
                  propagate(cost=GOOD_COST.replace("/ m", "/ 3"), dw="X @ (A - Y).T / 3",
                            db="np.sum(A - Y) / 3"),  # the example's m
                  "def propagate(w, b, X, Y):\n    return {'dw': np.array([[0.2507153166184082], "
                  "[-0.06604096325829123]]), 'db': -0.12500404500439652}, 0.15900537707692405"],
    "optimize": [OPTIMIZE.format(range="num_iterations", update='w = w + learning_rate * grads["dw"]; '
                                 'b = b + learning_rate * grads["db"]'),
                 OPTIMIZE.format(range="num_iterations", update='w = w - learning_rate * grads["dw"]'),
                 OPTIMIZE.format(range="num_iterations - 1", update=GOOD_UPDATE),
                 OPTIMIZE.format(range="100", update=GOOD_UPDATE),  # the default number of iterations
                 OPTIMIZE.format(range="num_iterations", update='w -= learning_rate * grads["dw"]; '
                                 'b = b - learning_rate * grads["db"]')],  # mutates the caller's w
    "predict": ["def predict(w, b, X):\n    return (sigmoid(w.T @ X + b) >= 0.5).astype(float)",
                "def predict(w, b, X):\n    return sigmoid(w.T @ X + b)",
                "def predict(w, b, X):\n    return (sigmoid(w.T @ X + b) > 0.5).astype(float).ravel()",
                "def predict(w, b, X):\n    return np.floor(sigmoid(w.T @ X + b) + 0.5)",  # rounds 0.5 up
                "def predict(w, b, X):\n    return (sigmoid(w.T @ X + b) > 0.5).astype(float).reshape(1, 3)"],
    "model": [MODEL.format(args="num_iterations, learning_rate, print_cost", test="X_train"),
              MODEL.format(args="", test="X_test"),
              MODEL.format(args="learning_rate, num_iterations, print_cost", test="X_test"),
              MODEL.format(args=GOOD_ARGS, test="X_test").replace("X_train.shape[0]", "784")],  # the digits' n_x
}

VARIANTS = {
    "sigmoid": ["def sigmoid(z):\n    return np.exp(z) / (1 + np.exp(z))",
                "def sigmoid(z):\n    return 0.5 * (1 + np.tanh(0.5 * z))"],
    "initialize_with_zeros": ["def initialize_with_zeros(dim):\n    w = np.zeros(shape=(dim, 1), dtype=float)\n"
                              "    b = float(0)\n    return w, b"],
    "propagate": [propagate(cost="-np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A))",
                            dw="np.dot(X, (A - Y).T) / m", db="float(np.mean(A - Y))"),
                  propagate(cost="-(np.dot(Y, np.log(A).T) + np.dot(1 - Y, np.log(1 - A).T)).item() / m",
                            dw="(X * (A - Y)).sum(axis=1, keepdims=True) / m", db="(A - Y).sum() / m"),
                  propagate(cost="-sum(Y[0, i] * np.log(A[0, i]) + (1 - Y[0, i]) * np.log(1 - A[0, i]) "
                                 "for i in range(m)) / m",
                            dw="sum((A[0, i] - Y[0, i]) * X[:, [i]] for i in range(m)) / m",
                            db="sum(A[0, i] - Y[0, i] for i in range(m)) / m")],
    "optimize": [OPTIMIZE.format(range="num_iterations", update=GOOD_UPDATE),
                 OPTIMIZE.format(range="num_iterations", update='w = w - np.multiply(learning_rate, grads["dw"]); '
                                 'b -= learning_rate * grads["db"]')],
    "predict": ["def predict(w, b, X):\n    A = sigmoid(np.dot(w.T, X) + b)\n    Y_prediction = np.zeros((1, X.shape[1]))\n"
                "    for i in range(A.shape[1]):\n        Y_prediction[0, i] = 1 if A[0, i] > 0.5 else 0\n"
                "    return Y_prediction",
                "def predict(w, b, X):\n    return np.where(sigmoid(w.T @ X + b) > 0.5, 1.0, 0.0)",
                "def predict(w, b, X):\n    return sigmoid(w.T @ X + b) > 0.5",
                "def predict(w, b, X):\n    return np.round(sigmoid(w.T @ X + b))"],  # rounds 0.5 to even: 0
    "model": [MODEL.format(args=GOOD_ARGS, test="X_test"),
              MODEL.format(args="num_iterations=num_iterations, learning_rate=learning_rate", test="X_test")],
}


@pytest.mark.xdist_group(ASSIGNMENT)
def test_mutants_lose_points_and_variants_keep_them(tmp_path):
    """Do a forgotten 1/m, wrong signs, wrong axes, hard-coded answers and sizes, an epsilon in the log, 0.5
    rounded up and a 0-d array for a number fail, and loops, @ and np.round pass?"""
    check_mutants_and_variants(ASSIGNMENT, MUTANTS, VARIANTS, tmp_path)


@pytest.mark.xdist_group(ASSIGNMENT)
def test_the_reference_notebook_shows_overfitting():
    """Does the reference model fit the training digits clearly better than the test digits?"""
    _, graded = graded_reference(ASSIGNMENT)
    text = printed_text(graded)
    train = float(re.search(r"train accuracy: ([\d.]+) %", text)[1])
    test = float(re.search(r"test accuracy: ([\d.]+) %", text)[1])
    assert 88 <= train <= 96, text
    assert 76 <= test <= 86, text
    assert train - test >= 5
    # the learning-rate comparison: the smallest rate is far behind after 1500 iterations
    rates = dict(re.findall(r"learning rate ([\d.]+):\s+train accuracy ([\d.]+) %", text))
    assert float(rates["0.0001"]) + 8 < float(rates["0.01"])

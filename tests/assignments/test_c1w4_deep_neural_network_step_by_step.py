"""Deep network step by step: hidden tests catch plausible bugs, accept other correct answers, and the
notebook still prints the original's demo facts and consistent shapes."""
import re

import pytest

from tests.support import check_mutants_and_variants, graded_reference, printed_text

ASSIGNMENT = "c1w4_deep_neural_network_step_by_step"

INIT_2 = '''
def initialize_parameters(n_x, n_h, n_y):
    {seed}
    W1 = {W1}
    b1 = np.zeros((n_h, 1))
    W2 = {W2}
    b2 = {b2}
    return {{"W1": W1, "b1": b1, "W2": W2, "b2": b2}}
'''


def init_2(seed="np.random.seed(1)", W1="np.random.randn(n_h, n_x) * 0.01", W2="np.random.randn(n_y, n_h) * 0.01",
           b2="np.zeros((n_y, 1))"):
    return INIT_2.format(seed=seed, W1=W1, W2=W2, b2=b2)


INIT_DEEP = '''
def initialize_parameters_deep(layer_dims):
    {seed}
    parameters = {{}}
    for l in range(1, {stop}):
        parameters["W" + str(l)] = {W}
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters
'''


def init_deep(seed="np.random.seed(3)", stop="len(layer_dims)",
              W="np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01"):
    return INIT_DEEP.format(seed=seed, stop=stop, W=W)


LINEAR_FORWARD = '''
def linear_forward(A, W, b):
    return {Z}, {cache}
'''

LINEAR_ACTIVATION_FORWARD = '''
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    if activation == "sigmoid":
        A, activation_cache = {sigmoid}
    else:
        A, activation_cache = {relu}
    return A, {cache}
'''


def laf(sigmoid="sigmoid(Z)", relu="relu(Z)", cache="(linear_cache, activation_cache)"):
    return LINEAR_ACTIVATION_FORWARD.format(sigmoid=sigmoid, relu=relu, cache=cache)


L_FORWARD = '''
def L_model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, {stop}):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "{hidden}")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    {last}
    return AL, caches
'''


def l_forward(stop="L", hidden="relu", last="caches.append(cache)"):
    return L_FORWARD.format(stop=stop, hidden=hidden, last=last)


COST = '''
def compute_cost(AL, Y):
    m = Y.shape[1]
    cost = {cost}
    return np.squeeze(cost)
'''

LINEAR_BACKWARD = '''
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = {dW}
    db = {db}
    dA_prev = {dA_prev}
    return dA_prev, dW, db
'''


def linear_backward(dW="dZ @ A_prev.T / m", db="np.sum(dZ, axis=1, keepdims=True) / m", dA_prev="W.T @ dZ"):
    return LINEAR_BACKWARD.format(dW=dW, db=db, dA_prev=dA_prev)


LAB = '''
def linear_activation_backward(dA, cache, activation):
    linear_cache, activation_cache = cache
    if activation == "relu":
        dZ = {relu}
    else:
        dZ = {sigmoid}
    return linear_backward(dZ, {linear})
'''


def lab(relu="relu_backward(dA, activation_cache)", sigmoid="sigmoid_backward(dA, activation_cache)",
        linear="linear_cache"):
    return LAB.format(relu=relu, sigmoid=sigmoid, linear=linear)


L_BACKWARD = '''
def L_model_backward(AL, Y, caches):
    grads = {{}}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = {dAL}
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = linear_activation_backward(
        dAL, caches[L - 1], "sigmoid")
    for l in reversed(range(L - 1)):
        dA_prev, dW, db = linear_activation_backward(grads["dA" + str({dA})], caches[{cache}], "{hidden}")
        grads["dA" + str(l)] = dA_prev
        grads["dW" + str(l + 1)] = dW
        grads["db" + str(l + 1)] = db
    return grads
'''
GOOD_DAL = "-(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))"


def l_backward(dAL=GOOD_DAL, dA="l + 1", cache="l", hidden="relu"):
    return L_BACKWARD.format(dAL=dAL, dA=dA, cache=cache, hidden=hidden)


INLINE_RELU_BACKWARD = '''
def L_model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dA = -(Y / AL - (1 - Y) / (1 - AL))
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = linear_activation_backward(
        dA, caches[L - 1], "sigmoid")
    for l in reversed(range(L - 1)):
        linear_cache, Z = caches[l]
        dZ = grads["dA" + str(l + 1)] * (Z >= 0)
        grads["dA" + str(l)], grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = linear_backward(dZ, linear_cache)
    return grads
'''

UPDATE = '''
def update_parameters(params, grads, learning_rate):
    {body}
'''

MUTANTS = {
    "initialize_parameters": [init_2(seed="pass"),  # forgot the seed
                              init_2(W1="np.random.randn(n_x, n_h).T * 0.01"),  # transposed draw
                              init_2(b2="np.zeros((n_y, n_y))"),
                              init_2(W1="np.random.rand(n_h, n_x) * 0.01", W2="np.random.rand(n_y, n_h) * 0.01")],
    "initialize_parameters_deep": [init_deep(seed="np.random.seed(1)"),  # wrong seed
                                   init_deep(stop="len(layer_dims) - 1"),  # one layer short
                                   init_deep(W="np.random.randn(layer_dims[l - 1], layer_dims[l]).T * 0.01"),
                                   init_deep(W="np.random.randn(layer_dims[l], layer_dims[l - 1]) "
                                               "/ np.sqrt(layer_dims[l - 1])"),  # the application's scaling
                                   init_deep(stop="3")],  # the example's two layers
    "linear_forward": [LINEAR_FORWARD.format(Z="W @ A", cache="(A, W, b)"),  # forgot b
                       LINEAR_FORWARD.format(Z="W @ A + b", cache="(W, A, b)"),  # wrong cache order
                       LINEAR_FORWARD.format(Z="W @ A + b", cache="(A, W)"),  # b missing from the cache
                       LINEAR_FORWARD.format(Z="A.T @ W.T + b.T", cache="(A, W, b)"),  # transposed
                       LINEAR_FORWARD.format(Z="W @ A + b", cache="[A, W, b]")],  # a list, not a tuple
    "linear_activation_forward": [laf(sigmoid="relu(Z)", relu="sigmoid(Z)"),  # swapped
                                  laf(cache="(activation_cache, linear_cache)"),
                                  laf(cache="(linear_cache, A)"),  # caches A instead of Z
                                  laf(relu="(np.maximum(0, Z), A_prev)")],
    "L_model_forward": [l_forward(stop="L + 1"),  # sigmoid layer run twice
                        l_forward(hidden="sigmoid"),
                        l_forward(last="pass"),  # lost the last cache
                        l_forward(last="caches = caches[::-1] + [cache]"),
                        l_forward(stop="2")],  # right for 2-layer networks only
    "compute_cost": [COST.format(cost="-np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))"),  # forgot 1/m
                     COST.format(cost="np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m"),  # wrong sign
                     COST.format(cost="-np.sum(Y * np.log(AL) + (1 - Y) * np.log(AL)) / m"),
                     "def compute_cost(AL, Y):\n    return 0.2797765635793422",  # the demo answer
                     COST.format(cost="-np.sum(Y * np.log(AL + 1e-8) + (1 - Y) * np.log(1 - AL + 1e-8)) / m"),
                     "def compute_cost(AL, Y):\n    m = Y.shape[1]\n"
                     "    return -(np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T)) / m"],  # (1, 1) array
    "linear_backward": [linear_backward(dW="dZ @ A_prev.T"),  # forgot 1/m
                        linear_backward(dA_prev="W.T @ dZ / m"),  # 1/m where it does not belong
                        linear_backward(db="np.sum(dZ, axis=0, keepdims=True) / m"),  # wrong axis
                        linear_backward(db="np.sum(dZ, axis=1) / m"),  # lost keepdims
                        linear_backward(dA_prev="dZ.T @ W"),  # transposed
                        linear_backward(dW="dZ @ A_prev.T / 4", db="np.sum(dZ, axis=1, keepdims=True) / 4")],  # m = 4
    "linear_activation_backward": [lab(relu="sigmoid_backward(dA, activation_cache)",
                                       sigmoid="relu_backward(dA, activation_cache)"),  # swapped
                                   lab(relu="dA"),  # forgot the activation
                                   lab(sigmoid="dA * (1 - dA)"),
                                   lab(relu="dA * (activation_cache >= 0)"),  # gradient 1 at Z = 0
                                   lab(sigmoid="dA / 4")],  # sigmoid'(z) taken as 1/4
    "L_model_backward": [l_backward(dAL="-(np.divide(Y, AL) + np.divide(1 - Y, 1 - AL))"),
                         l_backward(dAL="AL - Y"),  # dZ, not dA
                         l_backward(cache="l + 1 if l + 1 < L else l"),  # off-by-one caches
                         l_backward(hidden="sigmoid"),
                         INLINE_RELU_BACKWARD],  # gradient 1 at Z = 0
    "update_parameters": [UPDATE.format(body="parameters = copy.deepcopy(params)\n    L = len(parameters) // 2\n"
                                             "    for l in range(1, L + 1):\n"
                                             "        parameters[f'W{l}'] = parameters[f'W{l}'] + learning_rate * "
                                             "grads[f'dW{l}']\n        parameters[f'b{l}'] = parameters[f'b{l}'] + "
                                             "learning_rate * grads[f'db{l}']\n    return parameters"),  # wrong sign
                          UPDATE.format(body="L = len(params) // 2\n    for l in range(1, L + 1):\n"
                                             "        params[f'W{l}'] -= learning_rate * grads[f'dW{l}']\n"
                                             "        params[f'b{l}'] -= learning_rate * grads[f'db{l}']\n"
                                             "    return params"),  # changes its input
                          UPDATE.format(body="parameters = copy.deepcopy(params)\n    L = len(parameters) // 2\n"
                                             "    for l in range(1, L):\n"
                                             "        parameters[f'W{l}'] -= learning_rate * grads[f'dW{l}']\n"
                                             "        parameters[f'b{l}'] -= learning_rate * grads[f'db{l}']\n"
                                             "    return parameters")],  # skips the last layer
}

VARIANTS = {
    "initialize_parameters": [init_2(),
                              init_2(W1="np.random.normal(0, 0.01, (n_h, n_x))", W2="np.random.randn(n_y, n_h) / 100")],
    "initialize_parameters_deep": [init_deep(),
                                   "def initialize_parameters_deep(layer_dims):\n    np.random.seed(3)\n"
                                   "    parameters = {}\n"
                                   "    sizes = zip(layer_dims[:-1], layer_dims[1:])\n"
                                   "    for l, (n_prev, n) in enumerate(sizes, start=1):\n"
                                   "        parameters[f'W{l}'] = 0.01 * np.random.randn(n, n_prev)\n"
                                   "        parameters[f'b{l}'] = np.zeros((n, 1))\n    return parameters"],
    "linear_forward": [LINEAR_FORWARD.format(Z="np.dot(W, A) + b", cache="(A, W, b)"),
                       LINEAR_FORWARD.format(Z="np.einsum('ij,jk->ik', W, A) + b", cache="tuple([A, W, b])")],
    "linear_activation_forward": [laf(),
                                  laf(sigmoid="(1 / (1 + np.exp(-Z)), Z)", relu="(Z * (Z > 0), Z)")],
    "L_model_forward": [l_forward(),
                        "def L_model_forward(X, parameters):\n    caches, A = [], X\n    L = len(parameters) // 2\n"
                        "    for l in range(1, L + 1):\n"
                        "        A, cache = linear_activation_forward(A, parameters[f'W{l}'], parameters[f'b{l}'],\n"
                        "                                             'sigmoid' if l == L else 'relu')\n"
                        "        caches.append(cache)\n    return A, caches"],
    "compute_cost": [COST.format(cost="-np.mean(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))"),
                     COST.format(cost="-(np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T)) / m"),
                     COST.format(cost="float(-np.sum(np.where(Y == 1, np.log(AL), np.log(1 - AL))) / m)")],
    "linear_backward": [linear_backward(),
                        linear_backward(dW="np.dot(dZ, A_prev.T) / m", db="dZ.mean(axis=1, keepdims=True)",
                                        dA_prev="np.dot(W.T, dZ)"),
                        linear_backward(dW="sum(np.outer(dZ[:, i], A_prev[:, i]) for i in range(m)) / m",
                                        db="np.sum(dZ, axis=1).reshape(-1, 1) / m")],
    "linear_activation_backward": [lab(),
                                   lab(relu="dA * (activation_cache > 0)",
                                       sigmoid="dA * np.exp(-activation_cache) "
                                               "/ (1 + np.exp(-activation_cache)) ** 2"),
                                   lab(relu="dA * np.heaviside(activation_cache, 0)")],
    "L_model_backward": [l_backward(),
                         l_backward(dAL="-Y / AL + (1 - Y) / (1 - AL)"),
                         INLINE_RELU_BACKWARD.replace("(Z >= 0)", "(Z > 0)")],
    "update_parameters": [UPDATE.format(body="parameters = copy.deepcopy(params)\n    L = len(parameters) // 2\n"
                                             "    for l in range(1, L + 1):\n"
                                             "        parameters[f'W{l}'] -= learning_rate * grads[f'dW{l}']\n"
                                             "        parameters[f'b{l}'] -= learning_rate * grads[f'db{l}']\n"
                                             "    return parameters"),
                          UPDATE.format(body="return {key: value - learning_rate * grads['d' + key] "
                                             "for key, value in params.items()}")],
}


@pytest.mark.xdist_group(ASSIGNMENT)
def test_mutants_lose_points_and_variants_keep_them(tmp_path):
    """Do wrong seeds, swapped activations, wrong cache layouts, a forgotten 1/m, a ReLU gradient of 1 at
    Z = 0, sigmoid'(z) taken as 1/4, hard-coded sizes and lists for tuples fail, and loops, einsum and
    other equivalent forms pass?"""
    check_mutants_and_variants(ASSIGNMENT, MUTANTS, VARIANTS, tmp_path)


@pytest.mark.xdist_group(ASSIGNMENT)
def test_the_reference_notebook_prints_consistent_shapes_at_every_layer():
    """Do the shape tables of the notebook follow W[l]: (n[l], n[l-1]) for [784, 20, 7, 5, 1], with
    every gradient shaped like its parameter?"""
    _, graded = graded_reference(ASSIGNMENT)
    text = printed_text(graded)
    dims = [784, 20, 7, 5, 1]
    weights = re.findall(r"^\s+(\d)\s+\((\d+), (\d+)\)\s+\((\d+), 1\)$", text, re.MULTILINE)
    assert [tuple(map(int, row)) for row in weights] == [(l, dims[l], dims[l - 1], dims[l]) for l in range(1, 5)]
    forward = re.findall(r"^\s+(\d)\s+\((\d+), 10\)\s+\((\d+), (\d+)\)\s+\((\d+), 1\)\s+\((\d+), 10\)$", text,
                         re.MULTILINE)
    assert [tuple(map(int, row)) for row in forward] == [(l, dims[l - 1], dims[l], dims[l - 1], dims[l], dims[l])
                                                          for l in range(1, 5)]
    assert "AL: (1, 10)" in text
    backward = re.findall(r"^\s+(\d)\s+\((\d+), 10\)\s+\((\d+), (\d+)\)\s+\((\d+), 1\)\s+(yes|NO)$", text,
                          re.MULTILINE)
    assert [row[0] for row in backward] == ["4", "3", "2", "1"] and all(row[-1] == "yes" for row in backward)


@pytest.mark.xdist_group(ASSIGNMENT)
def test_the_reference_functions_reproduce_the_original_demo_facts():
    """Do initialize_parameters_deep([5, 4, 3]) and the cost demo give the original course's numbers?"""
    import numpy as np

    from autograder.reference import reference_namespace

    reference = reference_namespace(ASSIGNMENT)
    W1 = reference["initialize_parameters_deep"]([5, 4, 3])["W1"]
    np.testing.assert_allclose(W1[0], [0.01788628, 0.0043651, 0.00096497, -0.01863493, -0.00277388], atol=5e-9)
    cost = reference["compute_cost"](np.array([[0.8, 0.9, 0.4]]), np.array([[1, 1, 0]]))
    assert abs(float(cost) - 0.2797765635793422) < 1e-12

"""Hidden tests of *Building a deep neural network, step by step*."""
import numpy as np

from autograder.hidden import hidden_test


def distinct(rng, count, low=2, high=12):
    """``count`` different sizes, so that a transposed array always has the wrong shape."""
    return [int(v) for v in rng.choice(np.arange(low, high), size=count, replace=False)]


def random_layer_dims(rng, layers=None):
    layers = int(layers or rng.integers(2, 5))
    return distinct(rng, layers) + [1]


def random_parameters(rng, layer_dims):
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters[f"W{l}"] = rng.normal(scale=0.8, size=(layer_dims[l], layer_dims[l - 1]))
        parameters[f"b{l}"] = rng.normal(scale=0.3, size=(layer_dims[l], 1))
    return parameters


def forward_caches(X, parameters):
    """The output and caches of a correct [LINEAR->RELU]*(L-1) -> LINEAR->SIGMOID forward pass."""
    caches, A = [], X
    L = len(parameters) // 2
    for l in range(1, L + 1):
        W, b = parameters[f"W{l}"], parameters[f"b{l}"]
        Z = W @ A + b
        caches.append(((A, W, b), Z))
        A = 1 / (1 + np.exp(-Z)) if l == L else np.maximum(0, Z)
    return A, caches


def random_labels(rng, m):
    Y = (rng.random((1, m)) > 0.5).astype(float)
    Y[0, :2] = [0.0, 1.0]
    return Y


@hidden_test("initialize_parameters", points=1)
def check_initialize_parameters(check, rng):
    check.call(3, 2, 1, case="n_x = 3, n_h = 2, n_y = 1 (the original example)")
    n_x, n_h, n_y = distinct(rng, 3, 2, 20)  # n_y > 1, so that every shape mistake shows
    np.random.seed(int(rng.integers(0, 2**31)))  # the function seeds itself: this must not matter
    check.call(n_x, n_h, n_y, case=f"n_x = {n_x}, n_h = {n_h}, n_y = {n_y}")


@hidden_test("initialize_parameters_deep", points=1)
def check_initialize_parameters_deep(check, rng):
    check.call([5, 4, 3], case="layer_dims = [5, 4, 3]")
    for layers in (1, int(rng.integers(3, 6))):
        layer_dims = distinct(rng, layers + 1, 1, 30)
        check.call(layer_dims, case=f"layer_dims = {layer_dims}")


@hidden_test("linear_forward", points=1)
def check_linear_forward(check, rng):
    state = np.random.RandomState(1)
    check.call(state.randn(3, 2), state.randn(1, 3), state.randn(1, 1), case="A (3, 2), W (1, 3), b (1, 1)")
    for _ in range(2):
        n_prev, n, m = distinct(rng, 3)
        check.call(rng.normal(size=(n_prev, m)), rng.normal(size=(n, n_prev)), rng.normal(size=(n, 1)),
                   case=f"A {(n_prev, m)}, W {(n, n_prev)}, b {(n, 1)}")


@hidden_test("linear_activation_forward", points=2)
def check_linear_activation_forward(check, rng):
    for activation in ("sigmoid", "relu"):
        for _ in range(2):
            n_prev, n, m = distinct(rng, 3)
            check.call(rng.normal(size=(n_prev, m)), rng.normal(size=(n, n_prev)), rng.normal(size=(n, 1)),
                       activation, case=f'A_prev {(n_prev, m)}, W {(n, n_prev)}, "{activation}"')


@hidden_test("L_model_forward", points=2)
def check_L_model_forward(check, rng):
    for layers in (1, 2, int(rng.integers(3, 5))):
        layer_dims = random_layer_dims(rng, layers)
        m = int(rng.integers(3, 9))
        check.call(rng.normal(size=(layer_dims[0], m)), random_parameters(rng, layer_dims),
                   case=f"X of shape {(layer_dims[0], m)} through a {layer_dims} network")


@hidden_test("compute_cost", points=1)
def check_compute_cost(check, rng):
    check.call(np.array([[0.8, 0.9, 0.4]]), np.array([[1, 1, 0]]), case="Y = [[1, 1, 0]], AL = [[0.8, 0.9, 0.4]]")
    for _ in range(2):
        m = int(rng.integers(3, 30))
        check.call(rng.uniform(0.02, 0.98, size=(1, m)), random_labels(rng, m), case=f"random AL and Y, m = {m}")


@hidden_test("linear_backward", points=1)
def check_linear_backward(check, rng):
    for _ in range(3):
        n_prev, n, m = distinct(rng, 3)
        cache = (rng.normal(size=(n_prev, m)), rng.normal(size=(n, n_prev)), rng.normal(size=(n, 1)))
        check.call(rng.normal(size=(n, m)), cache, case=f"dZ {(n, m)}, A_prev {(n_prev, m)}, W {(n, n_prev)}")


@hidden_test("linear_activation_backward", points=2)
def check_linear_activation_backward(check, rng):
    for activation in ("sigmoid", "relu"):
        for _ in range(2):
            n_prev, n, m = distinct(rng, 3)
            A_prev, W, b = rng.normal(size=(n_prev, m)), rng.normal(size=(n, n_prev)), rng.normal(size=(n, 1))
            cache = ((A_prev, W, b), W @ A_prev + b)
            check.call(rng.normal(size=(n, m)), cache, activation,
                       case=f'dA {(n, m)}, A_prev {(n_prev, m)}, "{activation}"')


@hidden_test("L_model_backward", points=2)
def check_L_model_backward(check, rng):
    for layers in (1, 2, int(rng.integers(3, 5))):
        layer_dims = random_layer_dims(rng, layers)
        m = int(rng.integers(3, 9))
        AL, caches = forward_caches(rng.normal(size=(layer_dims[0], m)), random_parameters(rng, layer_dims))
        check.call(AL, random_labels(rng, m), caches, case=f"the caches of a {layer_dims} network, m = {m}")


@hidden_test("update_parameters", points=1)
def check_update_parameters(check, rng):
    for layers in (1, int(rng.integers(2, 5))):
        layer_dims = random_layer_dims(rng, layers)
        params = random_parameters(rng, layer_dims)
        grads = {f"d{key}": rng.normal(scale=0.1, size=value.shape) for key, value in params.items()}
        for l in range(layers):  # L_model_backward's grads also hold dA0 ... dA(L-1)
            grads[f"dA{l}"] = rng.normal(size=(layer_dims[l], 3))
        learning_rate = float(rng.uniform(0.01, 1.5))
        check.call(params, grads, learning_rate,
                   case=f"a {layer_dims} network, learning rate {learning_rate:.3f}")

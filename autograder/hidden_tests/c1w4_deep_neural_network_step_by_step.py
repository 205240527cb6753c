"""Hidden tests of *Building a deep neural network, step by step*.

Layers come at two scales: pre-activations |Z| of about 1, and up to about 10 (where sigmoid'(z) is
far from 1/4). Caches of the backward tests hold exact zeros at ReLU's kink (a "dead" unit whose
weights and bias are 0, so Z = 0: the course's gradient there is 0). Edge sizes: a single example, a
single unit, a network of one layer. Every test has a case whose sizes all differ from the examples'
(1 to 5, 7, 10, 20, 784) and from each other, so a hard-coded or transposed shape cannot pass.
"""
import numpy as np

from autograder.hidden import hidden_test
from helpers.public_tests.c1w4_deep_neural_network_step_by_step import example_network, seeded_normal

FRESH = [6, 8, 9, 11, 12, 13, 14]


def fresh(rng, count):
    """``count`` different sizes, none of them a size of the notebook's examples."""
    return [int(v) for v in rng.choice(FRESH, size=count, replace=False)]


def layer(rng, n_prev, n, large=False, dead=False):
    """W (n, n_prev) and b (n, 1) that give |Z| of about 1 (or up to about 10 with ``large``) for
    inputs of about 1; with ``dead``, unit 0 has zero weights and bias, so its Z is exactly 0."""
    W = rng.normal(scale=(3.0 if large else 1.0) * np.sqrt(2 / n_prev), size=(n, n_prev))
    b = rng.normal(scale=0.3, size=(n, 1))
    if dead:
        W[0], b[0] = 0.0, 0.0
    return W, b


def random_parameters(rng, layer_dims, large=False, dead=False):
    """Parameters of a network (``large`` scales the first layer up, and the later layers keep the scale);
    ``dead`` puts a unit at the kink in every hidden layer."""
    parameters = {}
    L = len(layer_dims) - 1
    for l in range(1, L + 1):
        parameters[f"W{l}"], parameters[f"b{l}"] = layer(rng, layer_dims[l - 1], layer_dims[l], large and l == 1,
                                                         dead and l < L)
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
    Y[0, :2] = [0.0, 1.0][:m]
    return Y


def linear_cases(rng):
    """(A_prev, W, b, case): fresh sizes at both scales, with a unit at the kink, then one example and one unit."""
    n_prev, n, m = fresh(rng, 3)
    A_prev = rng.normal(size=(n_prev, m))
    cases = [(A_prev, *layer(rng, n_prev, n), f"A_prev {(n_prev, m)}, W {(n, n_prev)}, small |Z|"),
             (A_prev, *layer(rng, n_prev, n, large=True, dead=True),
              f"A_prev {(n_prev, m)}, W {(n, n_prev)}, large |Z| and a unit with Z = 0")]
    cases.append((A_prev[:, :1], *layer(rng, n_prev, n, large=True), f"a single example, W {(n, n_prev)}"))
    cases.append((A_prev, *layer(rng, n_prev, 1, large=True), f"A_prev {(n_prev, m)}, a single unit"))
    return cases


def network_cases(rng):
    """(layer_dims, X, parameters, case): networks of 1, 2 and 3 or 4 layers of fresh sizes at both scales,
    with a unit at the kink in every hidden layer, then a single example."""
    cases = []
    for layers, large in ((1, True), (2, False), (2, True), (int(rng.integers(3, 5)), True)):
        layer_dims = fresh(rng, layers) + [1]
        m = int(rng.choice([n for n in FRESH if n not in layer_dims]))
        cases.append((layer_dims, rng.normal(size=(layer_dims[0], m)),
                      random_parameters(rng, layer_dims, large, dead=large),
                      f"X {(layer_dims[0], m)} through a {layer_dims} network, " +
                      ("large |Z|, a unit with Z = 0 in each hidden layer" if large else "small |Z|")))
    layer_dims, X, parameters, _ = cases[-1]
    cases.append((layer_dims, X[:, :1], parameters, f"a single example through a {layer_dims} network"))
    return cases


@hidden_test("initialize_parameters", points=1)
def check_initialize_parameters(check, rng):
    check.call(3, 2, 1, case="n_x = 3, n_h = 2, n_y = 1 (the original example)")
    n_x, n_h, n_y = fresh(rng, 3)  # n_y > 1, so that every shape mistake shows
    np.random.seed(int(rng.integers(0, 2**31)))  # the function seeds itself: this must not matter
    check.call(n_x, n_h, n_y, case=f"n_x = {n_x}, n_h = {n_h}, n_y = {n_y}")
    check.call(n_x, 1, 1, case=f"n_x = {n_x}, a single hidden unit, n_y = 1")


@hidden_test("initialize_parameters_deep", points=1)
def check_initialize_parameters_deep(check, rng):
    check.call([5, 4, 3], case="layer_dims = [5, 4, 3]")
    for layer_dims in (fresh(rng, 2), fresh(rng, int(rng.integers(4, 7))), fresh(rng, 3) + [1]):
        check.call(layer_dims, case=f"layer_dims = {layer_dims}")


@hidden_test("linear_forward", points=1)
def check_linear_forward(check, rng):
    check.call(*seeded_normal(1, (3, 2), (1, 3), (1, 1)), case="A (3, 2), W (1, 3), b (1, 1)")
    for A, W, b, case in linear_cases(rng):
        check.call(A, W, b, case=case)


@hidden_test("linear_activation_forward", points=2)
def check_linear_activation_forward(check, rng):
    for activation in ("sigmoid", "relu"):
        check.call(*seeded_normal(2, (3, 2), (1, 3), (1, 1)), activation, case=f'the example, "{activation}"')
        for A_prev, W, b, case in linear_cases(rng):
            check.call(A_prev, W, b, activation, case=f'{case}, "{activation}"')


@hidden_test("L_model_forward", points=2)
def check_L_model_forward(check, rng):
    check.call(*example_network(), case="X (4, 2) through a [4, 3, 1] network")
    for _, X, parameters, case in network_cases(rng):
        check.call(X, parameters, case=case)


@hidden_test("compute_cost", points=1)
def check_compute_cost(check, rng):
    check.call(np.array([[0.8, 0.9, 0.4]]), np.array([[1, 1, 0]]), case="Y = [[1, 1, 0]], AL = [[0.8, 0.9, 0.4]]")
    m = int(rng.choice(FRESH))
    confident = rng.uniform(1e-5, 1e-3, size=(1, m))
    check.call(rng.uniform(0.02, 0.98, size=(1, m)), random_labels(rng, m), case=f"random AL and Y, m = {m}")
    check.call(np.where(rng.random((1, m)) < 0.5, confident, 1 - confident), random_labels(rng, m),
               case=f"AL within 1e-3 of 0 or 1 (confident, often wrong), m = {m}")
    check.call(np.array([[0.37]]), np.array([[1.0]]), case="a single example")


@hidden_test("linear_backward", points=1)
def check_linear_backward(check, rng):
    dZ, A_prev, W, b = seeded_normal(3, (3, 4), (5, 4), (3, 5), (3, 1))
    check.call(dZ, (A_prev, W, b), case="dZ (3, 4), A_prev (5, 4), W (3, 5), b (3, 1)")
    for A_prev, W, b, case in linear_cases(rng):
        check.call(rng.normal(size=(W.shape[0], A_prev.shape[1])), (A_prev, W, b), case=case)


@hidden_test("linear_activation_backward", points=2)
def check_linear_activation_backward(check, rng):
    dA, A_prev, W, b = seeded_normal(4, (1, 2), (3, 2), (1, 3), (1, 1))
    example = ((A_prev, W, b), np.array([[0.43, -0.33]]))
    for activation in ("sigmoid", "relu"):
        check.call(dA, example, activation, case=f'the example, "{activation}"')
        for A_prev, W, b, case in linear_cases(rng):
            cache = ((A_prev, W, b), W @ A_prev + b)
            check.call(rng.normal(size=cache[1].shape), cache, activation, case=f'{case}, "{activation}"')


@hidden_test("L_model_backward", points=2)
def check_L_model_backward(check, rng):
    X, W1, b1, Z1, A1, W2, b2, Z2 = seeded_normal(10, (4, 2), (3, 4), (3, 1), (3, 2), (3, 2), (1, 3), (1, 1), (1, 2))
    check.call(np.array([[0.74, 0.31]]), np.array([[1, 0]]), [((X, W1, b1), Z1), ((A1, W2, b2), Z2)],
               case="the example: AL = [[0.74, 0.31]], Y = [[1, 0]], the caches of 2 layers")
    for _, X, parameters, case in network_cases(rng):
        AL, caches = forward_caches(X, parameters)
        check.call(AL, random_labels(rng, X.shape[1]), caches, case=f"the caches of {case}")


@hidden_test("update_parameters", points=1)
def check_update_parameters(check, rng):
    for layer_dims, X, params, case in network_cases(rng)[:4]:
        grads = {f"d{key}": rng.normal(scale=0.1, size=value.shape) for key, value in params.items()}
        for l in range(len(layer_dims) - 1):  # L_model_backward's grads also hold dA0 ... dA(L-1)
            grads[f"dA{l}"] = rng.normal(size=(layer_dims[l], X.shape[1]))
        learning_rate = float(rng.uniform(0.01, 1.5))
        check.call(params, grads, learning_rate, case=f"a {layer_dims} network, learning rate {learning_rate:.3f}")

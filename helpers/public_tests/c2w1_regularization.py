"""Public tests of *Regularization* (c2w1_regularization)."""
import numpy as np

from helpers.checks import Checker
from helpers.seeding import seeded
from helpers.three_layer_net import forward_propagation

__all__ = [
    "compute_cost_with_regularization_test",
    "backward_propagation_with_regularization_test",
    "forward_propagation_with_dropout_test",
    "backward_propagation_with_dropout_test",
]

GRADIENT_KEYS = {"dZ3", "dW3", "db3", "dA2", "dZ2", "dW2", "db2", "dA1", "dZ1", "dW1", "db1"}


def example_problem(with_X=True):
    """X (3, 5), Y (1, 5) and random parameters of a [3, 2, 3, 1] network, drawn after np.random.seed(1)
    (the parameters alone when not with_X); the hidden tests use it too."""
    with seeded(1):
        X = np.random.randn(3, 5) if with_X else None
        shapes = {"W1": (2, 3), "b1": (2, 1), "W2": (3, 2), "b2": (3, 1), "W3": (1, 3), "b3": (1, 1)}
        parameters = {key: np.random.randn(*shape) for key, shape in shapes.items()}
    return X, np.array([[1, 1, 0, 1, 0]]), parameters


def _check_gradients(check, gradients, shapes):
    check.true("returns a dict with the keys dZ3, dW3, db3, dA2, ..., db1",
               isinstance(gradients, dict) and set(gradients) == GRADIENT_KEYS,
               f"a dict with keys {sorted(GRADIENT_KEYS)}, got {gradients!r:.200}")
    for key, shape in shapes.items():
        got = getattr(gradients[key], "shape", None)
        check.true(f"{key} has shape {shape}", got == shape, f"shape {shape} expected, got {got}")


def compute_cost_with_regularization_test(target):
    check = Checker("compute_cost_with_regularization")
    _, Y, parameters = example_problem(with_X=False)
    A3 = np.array([[0.40682402, 0.01629284, 0.16722898, 0.10118111, 0.40682402]])
    cost = check.call(target, A3, Y, parameters, 0.1, case="the example, lambd = 0.1")
    check.same("cost with lambd = 0.1", 1.7864859451590756, cost)
    cost = check.call(target, A3, Y, parameters, 0, case="the example, lambd = 0")
    check.same("with lambd = 0 it is the cross-entropy cost", 1.6025016047573224, cost)
    check.done()


def backward_propagation_with_regularization_test(target):
    check = Checker("backward_propagation_with_regularization")
    X, Y, parameters = example_problem()
    _, cache = forward_propagation(X, parameters)
    gradients = check.call(target, X, Y, cache, 0.7, case="the example, lambd = 0.7")
    _check_gradients(check, gradients, {"dW1": (2, 3), "dW2": (3, 2), "dW3": (1, 3)})
    check.same("dW1", np.array([[-0.2560464576312637, 0.1229882689643368, -0.2829712859153772],
                                [-0.17706302597622675, 0.34536094329148287, -0.44105710069054516]]), gradients["dW1"])
    check.same("dW2", np.array([[0.7927648593155051, 0.8513391823932989], [-0.09572190028440662, -0.01720463157261074],
                                [-0.13100772079626963, -0.03750433114764222]]), gradients["dW2"])
    check.same("dW3", np.array([[-1.7769134664009532, -0.11832878980982073, -0.09397445831715466]]), gradients["dW3"])
    check.done()


def forward_propagation_with_dropout_test(target):
    check = Checker("forward_propagation_with_dropout")
    X, _, parameters = example_problem()
    out = check.call(target, X, parameters, keep_prob=0.7, case="the example, keep_prob = 0.7")
    check.true("returns (A3, cache) with a cache of 14 items",
               isinstance(out, tuple) and len(out) == 2 and isinstance(out[1], tuple) and len(out[1]) == 14,
               "a pair (A3, cache) with cache = (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)")
    A3, cache = out
    check.same("A3", np.array([[0.36974720617815354, 0.00305175813464977, 0.0456509933734419, 0.4968338925883705,
                                0.36974720617815354]]), A3)
    check.same("the mask D1 (cache[1])", np.array([[1, 0, 1, 1, 1], [1, 1, 1, 1, 1]]), cache[1], check_dtype=False)
    check.same("the mask D2 (cache[6])", np.array([[1, 1, 1, 0, 1], [1, 1, 1, 1, 1], [0, 0, 1, 1, 0]]), cache[6],
               check_dtype=False)
    check.done()


def backward_propagation_with_dropout_test(target):
    check = Checker("backward_propagation_with_dropout")
    X, Y, parameters = example_problem()
    W1, b1, W2, b2, W3, b3 = (parameters[key] for key in ("W1", "b1", "W2", "b2", "W3", "b3"))
    D1 = np.array([[1, 0, 1, 1, 1], [1, 1, 1, 1, 1]])
    D2 = np.array([[1, 1, 1, 0, 1], [1, 1, 1, 1, 1], [0, 0, 1, 1, 0]])
    Z1 = W1 @ X + b1  # the forward pass with dropout, with these masks and keep_prob = 0.7
    A1 = np.maximum(0, Z1) * D1 / 0.7
    Z2 = W2 @ A1 + b2
    A2 = np.maximum(0, Z2) * D2 / 0.7
    Z3 = W3 @ A2 + b3
    A3 = 1 / (1 + np.exp(-Z3))
    cache = (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)
    gradients = check.call(target, X, Y, cache, 0.7, case="the example, keep_prob = 0.7")
    _check_gradients(check, gradients, {"dA1": (2, 5), "dA2": (3, 5), "dW1": (2, 3)})
    check.same("dA2 is zero where D2 is zero", np.zeros(4), gradients["dA2"][D2 == 0])
    check.same("dA1", np.array([[0.4441357888780379, 0.0, -0.0321700120233198, 0.0, -0.2605588879750435],
                                [0.7962325875479344, 1.259498864666986, -0.05767337952990331, 0.0,
                                 -0.4671217289313121]]), gradients["dA1"])
    check.same("dW1", np.array([[0.00339825832413865, 0.00489760703080589, 0.00207443306592794],
                                [-0.14800901170395053, 0.4482979621168725, -0.5152299989784986]]), gradients["dW1"])
    check.done()

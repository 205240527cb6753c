"""Hidden tests of *Gradient checking*.

The relative difference of a correct gradient is made of rounding errors, so equivalent answers
differ there in the last digits: such cases compare loosely (the verdict, not the digits), and
cases with a wrong gradient or a large epsilon, where the difference is robust, compare tightly.
The network's sizes are fixed by ``vector_to_dictionary``; its random cases differ from the
example in the number of examples (never 3, once 1) and in the scale of the parameters (small,
where the sigmoid is nearly linear, and large, where it saturates).
"""
import numpy as np

from autograder.hidden import hidden_test
from helpers.seeding import seeded
from helpers.three_layer_net import backward_propagation, forward_propagation_n

SHAPES = {"W1": (5, 4), "b1": (5, 1), "W2": (3, 5), "b2": (3, 1), "W3": (1, 3), "b3": (1, 1)}


def random_scalar(rng):
    return float(np.round(rng.uniform(-5, 5), 3))


@hidden_test("forward_propagation", points=1)
@hidden_test("backward_propagation", points=1)
def check_scalars(check, rng):
    """J = theta * x and its derivative: the example, x = 0, theta = 0, a large x, and random scalars."""
    check.call(3, 4, case="x = 3, theta = 4", check_dtype=False)
    check.call(0.0, -2.5, case="x = 0, theta = -2.5")
    check.call(1.5, 0.0, case="x = 1.5, theta = 0")
    check.call(-1.25e6, 3.5e-3, case="x = -1.25e6, theta = 3.5e-3")
    for _ in range(3):
        x, theta = random_scalar(rng), random_scalar(rng)
        check.call(x, theta, case=f"x = {x}, theta = {theta}")


@hidden_test("gradient_check", points=2)
def check_gradient_check(check, rng):
    check.call(3, 4, case="x = 3, theta = 4", rtol=1e-3, atol=1e-15)
    # J is linear, so only rounding tells a one-sided difference from a two-sided one; these fixed
    # cases round differently for the two
    check.call(2, 4, case="x = 2, theta = 4", rtol=1e-3, atol=1e-15)
    check.call(9.1, -2.3, 1e-5, case="x = 9.1, theta = -2.3, epsilon = 1e-05", rtol=1e-3, atol=1e-15)
    for _ in range(3):
        x, theta = random_scalar(rng) + 7, random_scalar(rng)  # x away from 0
        epsilon = float(10.0 ** -rng.integers(3, 8))
        check.call(x, theta, epsilon, case=f"x = {x}, theta = {theta}, epsilon = {epsilon:g}", rtol=1e-3, atol=1e-15)
    check.call(2.5, -1.25, print_msg=True, case="x = 2.5, theta = -1.25, print_msg=True", rtol=1e-3, atol=1e-15)


def network_problem(rng=None, m=None, scale=1.0):
    """X (4, m), Y (1, m), parameters of the [4, 5, 3, 1] network (of the given scale), its correct
    gradients; the notebook's example (seed 1, m = 3) without rng."""
    if rng is None:
        with seeded(1):
            X = np.random.randn(4, 3)
            parameters = {key: np.random.randn(*shape) for key, shape in SHAPES.items()}
        Y = np.array([[1, 1, 0]])
    else:
        m = m or int(rng.choice([2, 4, 5, 6, 7, 8]))
        X = rng.normal(size=(4, m))
        parameters = {key: rng.normal(scale=scale, size=shape) for key, shape in SHAPES.items()}
        Y = (rng.random((1, m)) > 0.5).astype(np.int64)
    _, cache = forward_propagation_n(X, Y, parameters)
    return X, Y, parameters, backward_propagation(X, Y, cache)


def planted_bugs(X, gradients):
    """The gradients of the notebook's buggy backward pass: dW2 without 1/m, db1 summing dA1."""
    m = X.shape[1]
    return dict(gradients, dW2=gradients["dW2"] * m, db1=np.sum(gradients["dA1"], axis=1, keepdims=True) / m)


@hidden_test("gradient_check_n", points=4)
def check_gradient_check_n(check, rng):
    X, Y, parameters, gradients = network_problem()
    check.call(parameters, planted_bugs(X, gradients), X, Y, case="the notebook's example with the planted bugs",
               rtol=1e-5)
    check.call(parameters, gradients, X, Y, case="the notebook's example, correct gradients (the verdict)",
               rtol=0, atol=1e-7)
    for m, scale in ((None, 0.1), (1, 1.0), (None, 2.0)):
        X, Y, parameters, gradients = network_problem(rng, m, scale)
        network = f"random network of scale {scale:g}, {X.shape[1]} examples"
        epsilon = float(rng.choice([1e-3, 3e-3, 1e-2]))
        check.call(parameters, gradients, X, Y, epsilon, case=f"{network}, correct gradients, epsilon = {epsilon:g}",
                   rtol=1e-3, atol=0)
        key = str(rng.choice(["dW1", "db1", "dW2", "db2", "dW3", "db3"]))
        wrong = dict(gradients, **{key: gradients[key] * float(rng.uniform(1.5, 3))})
        check.call(parameters, wrong, X, Y, case=f"{network}, {key} too large", rtol=1e-5)
    X, Y, parameters, gradients = network_problem(rng)
    check.call(parameters, gradients, X, Y, print_msg=True, case=f"random network, {X.shape[1]} examples, "
               "correct gradients, print_msg=True (the verdict)", rtol=0, atol=1e-7)

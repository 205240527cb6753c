"""Hidden tests of *Optimization methods*.

Besides the notebook's examples and random networks, every update meets a network whose layer
sizes and depth differ from the example's [3, 2, 1] (so no hard-coded layer count or shape passes);
Adam also meets a fresh start (v = s = 0) with tiny and exactly zero gradients, where epsilon alone
keeps the step finite, and large ones. Mini-batches meet sizes that divide m exactly, one batch
of m examples, and m = 1.
"""
import numpy as np

from autograder.hidden import hidden_test
from helpers.public_tests.c2w2_optimization_methods import example_problem, mini_batch_example

ODD_SIZES = [4, 7, 5, 2]  # three layers; no size is the example's


def random_network(rng, sizes=None, gradient_scale=1.0):
    """Random parameters, gradients (of the given scale) and Adam averages of a network of the given
    layer sizes, by default 1 to 4 layers of 1 to 7 units."""
    if sizes is None:
        sizes = [int(n) for n in rng.integers(1, 8, size=int(rng.integers(2, 6)))]
    shapes = {}
    for l in range(1, len(sizes)):
        shapes[f"W{l}"] = (sizes[l], sizes[l - 1])
        shapes[f"b{l}"] = (sizes[l], 1)
    parameters = {key: rng.normal(size=shape) for key, shape in shapes.items()}
    grads = {"d" + key: rng.normal(scale=gradient_scale, size=shape) for key, shape in shapes.items()}
    v = {"d" + key: 0.1 * rng.normal(size=shape) for key, shape in shapes.items()}
    s = {"d" + key: 0.01 * rng.random(shape) for key, shape in shapes.items()}
    return sizes, parameters, grads, v, s


@hidden_test("update_parameters_with_gd", points=1)
def check_update_parameters_with_gd(check, rng):
    parameters, grads, _, _ = example_problem()
    check.call(parameters, grads, 0.01, case="the notebook's example")
    for sizes in (ODD_SIZES, None, None):
        sizes, parameters, grads, _, _ = random_network(rng, sizes)
        learning_rate = float(rng.uniform(0.001, 0.5))
        check.call(parameters, grads, learning_rate, case=f"layer sizes {sizes}, learning_rate {learning_rate:.3g}")


@hidden_test("random_mini_batches", points=2)
def check_random_mini_batches(check, rng):
    X, Y = mini_batch_example()
    check.call(X, Y, 64, seed=0, case="the notebook's example, 148 examples, size 64")
    random_sizes = [(int(rng.integers(1, 6)), int(rng.integers(20, 200)), int(rng.choice([8, 16, 32, 64]))),
                    (int(rng.integers(1, 6)), int(rng.integers(20, 200)), int(rng.integers(5, 30))),
                    (int(rng.integers(1, 6)), int(rng.integers(3, 10)), 64)]
    # n_x, m, mini_batch_size: none the example's; batches dividing m; one batch of exactly m; m = 1
    for n_x, m, size in [(3, 50, 16), (2, 128, 64), (4, 20, 20), (3, 1, 8)] + random_sizes:
        seed = int(rng.integers(0, 1000))
        X = rng.normal(size=(n_x, m))
        Y = (rng.random((1, m)) > 0.5).astype(int)
        check.call(X, Y, size, seed, case=f"X of shape {X.shape}, mini_batch_size {size}, seed {seed}")
    X = rng.normal(size=(2, 100))
    check.call(X, (X[:1] > 0).astype(int), case="X of shape (2, 100), the default size and seed")


@hidden_test("initialize_velocity", points=1)
def check_initialize_velocity(check, rng):
    check.call(example_problem()[0], case="the notebook's example")
    for sizes in (ODD_SIZES, None):
        sizes, parameters, _, _, _ = random_network(rng, sizes)
        check.call(parameters, case=f"layer sizes {sizes}")


@hidden_test("update_parameters_with_momentum", points=2)
def check_update_parameters_with_momentum(check, rng):
    parameters, grads, v, _ = example_problem()
    check.call(parameters, grads, v, 0.9, 0.01, case="the notebook's example")
    for sizes in (ODD_SIZES, None, None):
        sizes, parameters, grads, v, _ = random_network(rng, sizes)
        beta, learning_rate = float(rng.uniform(0.5, 0.99)), float(rng.uniform(0.001, 0.5))
        check.call(parameters, grads, v, beta, learning_rate,
                   case=f"layer sizes {sizes}, beta {beta:.3g}, learning_rate {learning_rate:.3g}")


@hidden_test("initialize_adam", points=1)
def check_initialize_adam(check, rng):
    check.call(example_problem()[0], case="the notebook's example")
    for sizes in (ODD_SIZES, None):
        sizes, parameters, _, _, _ = random_network(rng, sizes)
        check.call(parameters, case=f"layer sizes {sizes}")


def fresh_adam_start(rng, gradient_scale):
    """A network at Adam's first step: v = s = 0, gradients of the given scale, a quarter of them exactly 0
    (units that did not fire)."""
    sizes, parameters, grads, v, s = random_network(rng, ODD_SIZES, gradient_scale)
    grads = {key: np.where(rng.random(g.shape) < 0.25, 0.0, g) for key, g in grads.items()}
    return sizes, parameters, grads, {key: np.zeros_like(x) for key, x in v.items()}, \
        {key: np.zeros_like(x) for key, x in s.items()}


@hidden_test("update_parameters_with_adam", points=3)
def check_update_parameters_with_adam(check, rng):
    parameters, grads, v, s = example_problem()
    check.call(parameters, grads, v, s, 3, case="the notebook's example, t = 3")
    for scale in (1e-6, 1e3):
        sizes, parameters, grads, v, s = fresh_adam_start(rng, scale)
        check.call(parameters, grads, v, s, 1, case=f"layer sizes {sizes}, t = 1 from v = s = 0, gradients of "
                   f"scale {scale:g}, a quarter of them 0")
    for sizes in (ODD_SIZES, None, None):
        sizes, parameters, grads, v, s = random_network(rng, sizes)
        t = int(rng.integers(1, 20))
        learning_rate, beta1, beta2 = float(rng.uniform(0.001, 0.1)), float(rng.uniform(0.8, 0.95)), \
            float(rng.uniform(0.99, 0.9999))
        check.call(parameters, grads, v, s, t, learning_rate, beta1, beta2, 1e-8,
                   case=f"layer sizes {sizes}, t = {t}, learning_rate {learning_rate:.3g}, beta1 {beta1:.3g}, "
                        f"beta2 {beta2:.5g}")
    sizes, parameters, grads, v, s = random_network(rng)
    check.call(parameters, grads, v, s, 1, epsilon=0.5, case=f"layer sizes {sizes}, t = 1, epsilon = 0.5")


@hidden_test("update_lr", points=1)
def check_update_lr(check, rng):
    check.call(0.5, 2, 1, case="learning_rate0 = 0.5, epoch_num = 2, decay_rate = 1")
    check.call(0.3, 0, 2.5, case="learning_rate0 = 0.3, epoch_num = 0, decay_rate = 2.5")
    for _ in range(3):
        learning_rate0, epoch_num, decay_rate = float(rng.uniform(0.01, 1)), int(rng.integers(0, 5000)), \
            float(rng.uniform(0.1, 2))
        check.call(learning_rate0, epoch_num, decay_rate,
                   case=f"learning_rate0 = {learning_rate0:.3g}, epoch_num = {epoch_num}, decay_rate = {decay_rate:.3g}")


@hidden_test("schedule_lr_decay", points=1)
def check_schedule_lr_decay(check, rng):
    check.call(0.5, 100, 1, case="learning_rate0 = 0.5, epoch_num = 100, decay_rate = 1")
    check.call(0.5, 1999, 1, case="learning_rate0 = 0.5, epoch_num = 1999, decay_rate = 1")
    for epoch_num in (0, 299, 300):
        check.call(0.3, epoch_num, 2.5, 150, case=f"learning_rate0 = 0.3, epoch_num = {epoch_num}, decay_rate = 2.5, "
                   "time_interval = 150")
    for _ in range(3):
        learning_rate0, epoch_num, decay_rate = float(rng.uniform(0.01, 1)), int(rng.integers(0, 5000)), \
            float(rng.uniform(0.1, 2))
        interval = int(rng.integers(50, 800))
        check.call(learning_rate0, epoch_num, decay_rate, interval,
                   case=f"learning_rate0 = {learning_rate0:.3g}, epoch_num = {epoch_num}, "
                        f"decay_rate = {decay_rate:.3g}, time_interval = {interval}")

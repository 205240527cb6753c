"""Hidden tests of *Batch normalization, softmax and hyperparameter search*.

Besides the lectures' examples and random inputs, every function meets a shape that differs from
the examples' (and whose two sizes differ, so a transpose fails) and a single example; softmax
meets tiny logits and columns of very different size (one max for all columns underflows); batch norm
meets features with a large mean and a variance below eps and a constant feature (variance 0), where
only eps inside the square root keeps the result right.
"""
import numpy as np

from autograder.hidden import hidden_test

ODD_SHAPE = (5, 7)  # no example has 5 rows or 7 columns
NARROW_EPS = 1e-3  # above the variance of "narrow" features


def random_shape(rng, low=2, high=8):
    return int(rng.integers(low, high)), int(rng.integers(low, high + 4))


def one_hot(rng, C, m):
    return np.eye(C)[:, rng.integers(0, C, m)]


def probabilities(rng, C, m):
    """Softmax outputs of random logits, shape (C, m)."""
    Z = rng.normal(scale=2, size=(C, m))
    T = np.exp(Z - Z.max(axis=0))
    return T / T.sum(axis=0)


def random_eps(rng, spread="random"):
    return NARROW_EPS if spread == "narrow" else float(rng.choice([1e-5, 1e-3, 0.1]))


def bn_params(rng, n, mode, spread="random"):
    return {"mode": mode, "eps": random_eps(rng, spread), "momentum": float(rng.uniform(0.5, 0.99)),
            "running_mean": rng.normal(size=(n, 1)), "running_var": rng.uniform(0.5, 3, size=(n, 1))}


def pre_activations(rng, n, m, spread="random"):
    """Z of shape (n, m): each feature with its own mean and spread; "narrow" features have a mean of
    100 to 1000 in size and a variance below NARROW_EPS, the last of them constant."""
    if spread == "narrow":
        mean = rng.choice([-1, 1], size=(n, 1)) * rng.uniform(100, 1000, size=(n, 1))
        Z = rng.normal(loc=mean, scale=rng.uniform(1e-3, 2e-2, size=(n, 1)), size=(n, m))
        Z[-1] = Z[-1, 0]
        return Z
    return rng.normal(loc=rng.normal(scale=3, size=(n, 1)), scale=rng.uniform(0.5, 4, size=(n, 1)), size=(n, m))


def bn_cache(rng, n, m, spread="random"):
    """A train-mode cache (Z, Z_norm, mu, var, gamma, beta, eps) of random pre-activations."""
    Z = pre_activations(rng, n, m, spread)
    eps = random_eps(rng, spread)
    mu, var = Z.mean(axis=1, keepdims=True), Z.var(axis=1, keepdims=True)
    gamma, beta = rng.normal(loc=1, size=(n, 1)), rng.normal(size=(n, 1))
    return (Z, (Z - mu) / np.sqrt(var + eps), mu, var, gamma, beta, eps)


@hidden_test("softmax", points=1)
def check_softmax(check, rng):
    check.call(np.array([[5.0], [2.0], [-1.0], [3.0]]), case="the lectures' z = [5, 2, -1, 3]")
    for shape, scale in ((ODD_SHAPE, 1e-3), ((ODD_SHAPE[0], 1), 3), (random_shape(rng), 3), (random_shape(rng), 30)):
        check.call(rng.normal(scale=scale, size=shape), case=f"random Z of shape {shape} and scale {scale:g}")
    shape = random_shape(rng)
    offsets = rng.permutation(np.linspace(-1000, 1000, shape[1]))[None, :]
    check.call(rng.normal(scale=3, size=shape) + offsets,
               case=f"Z of shape {shape} whose columns sit between -1000 and 1000 (overflow without each "
                    "column's own max)")


@hidden_test("compute_softmax_cost", points=1)
def check_compute_softmax_cost(check, rng):
    check.call(np.array([[0.3], [0.2], [0.1], [0.4]]), np.array([[0.0], [1.0], [0.0], [0.0]]),
               case="the lectures' example")
    for C, m in (ODD_SHAPE, (ODD_SHAPE[0], 1), random_shape(rng), random_shape(rng)):
        check.call(probabilities(rng, C, m), one_hot(rng, C, m), case=f"random AL and Y of shape {(C, m)}")


@hidden_test("softmax_cross_entropy_backward", points=1)
def check_softmax_cross_entropy_backward(check, rng):
    for C, m in (ODD_SHAPE, (ODD_SHAPE[0], 1), random_shape(rng), random_shape(rng)):
        check.call(probabilities(rng, C, m), one_hot(rng, C, m), case=f"random AL and Y of shape {(C, m)}")


@hidden_test("batchnorm_forward", points=3)
def check_batchnorm_forward(check, rng):
    for mode, (n, m), spread in (("train", ODD_SHAPE, "random"), ("test", ODD_SHAPE, "random"),
                                 ("train", ODD_SHAPE, "narrow"), ("train", random_shape(rng), "random")):
        Z = pre_activations(rng, n, m, spread)
        gamma, beta = rng.normal(loc=1, size=(n, 1)), rng.normal(size=(n, 1))
        params = bn_params(rng, n, mode, spread)
        check.call(Z, gamma, beta, params, case=f'{mode} mode, Z of shape {(n, m)} ({spread} features), '
                   f'eps {params["eps"]:g}, momentum {params["momentum"]:.3f}')
    n = int(rng.integers(2, 6))
    Z = rng.normal(size=(n, 1))
    check.call(Z, np.ones((n, 1)), np.zeros((n, 1)), bn_params(rng, n, "train"),
               case="train mode with a batch of a single example")


@hidden_test("batchnorm_backward", points=3)
def check_batchnorm_backward(check, rng):
    for (n, m), spread in ((ODD_SHAPE, "random"), (ODD_SHAPE, "narrow"), ((ODD_SHAPE[0], 1), "random"),
                           (random_shape(rng), "random")):
        check.call(rng.normal(size=(n, m)), bn_cache(rng, n, m, spread),
                   case=f"random dZ_tilde and cache, shape {(n, m)}, {spread} features")


@hidden_test("sample_log_uniform", points=1)
def check_sample_log_uniform(check, rng):
    np.random.seed(int(rng.integers(0, 2**31 - 1)))
    check.call(1e-4, 1.0, 5, case="low 1e-4, high 1, size 5")
    check.call(0.5, 0.5, 3, case="low = high = 0.5, size 3")
    for _ in range(2):
        low = float(10 ** rng.uniform(-8, 0))
        high = float(low * 10 ** rng.uniform(0.5, 5))
        size = int(rng.integers(1, 30))
        check.call(low, high, size, case=f"low {low:.3g}, high {high:.3g}, size {size}")


@hidden_test("sample_hyperparameters", points=1)
def check_sample_hyperparameters(check, rng):
    np.random.seed(int(rng.integers(0, 2**31 - 1)))
    for num_samples in (1, int(rng.integers(2, 40)), 1000):  # 1000 draws reach the top of every range
        check.call(num_samples, case=f"num_samples {num_samples}")

"""Public tests of *Batch normalization, softmax and hyperparameter search*
(c2w3_batch_normalization_softmax_and_hyperparameter_search)."""
import numpy as np

from helpers.checks import Checker
from helpers.seeding import seeded

__all__ = [
    "softmax_test",
    "compute_softmax_cost_test",
    "softmax_cross_entropy_backward_test",
    "batchnorm_forward_test",
    "batchnorm_backward_test",
    "sample_log_uniform_test",
    "sample_hyperparameters_test",
]

_AL = np.array([[0.7, 0.2, 0.1], [0.2, 0.5, 0.3], [0.1, 0.3, 0.6]])
_Y = np.array([[1.0, 0.0, 0.0], [0.0, 0.0, 1.0], [0.0, 1.0, 0.0]])


def _bn_example():
    """Z (2, 4), gamma, beta (2, 1) and train-mode bn_params of the batch-norm tests."""
    Z = np.array([[1.0, 3.0, 5.0, 7.0], [-2.0, 0.0, 0.0, 2.0]])
    gamma, beta = np.array([[2.0], [0.5]]), np.array([[1.0], [-1.0]])
    bn_params = {"mode": "train", "eps": 1e-5, "momentum": 0.9,
                 "running_mean": np.array([[0.0], [1.0]]), "running_var": np.array([[1.0], [1.0]])}
    return Z, gamma, beta, bn_params


def softmax_test(target):
    check = Checker("softmax")
    A = check.call(target, np.array([[5.0], [2.0], [-1.0], [3.0]]), case="z = [5, 2, -1, 3]")
    check.same("softmax of the lectures' example",
               np.array([[0.8420335723974581], [0.04192238303698896], [0.0020871925504063493],
                         [0.11395685201514683]]), A)
    A = check.call(target, np.array([[1000.0, 1.0], [1001.0, 2.0], [999.0, -1.0]]), case="two columns, huge logits")
    check.same("each column separately, with no overflow",
               np.array([[0.24472847105479764, 0.25949646034241913], [0.6652409557748218, 0.7053845126982412],
                         [0.09003057317038046, 0.03511902695933973]]), A)
    check.done()


def compute_softmax_cost_test(target):
    check = Checker("compute_softmax_cost")
    cost = check.call(target, np.array([[0.3], [0.2], [0.1], [0.4]]), np.array([[0.0], [1.0], [0.0], [0.0]]),
                      case="the lectures' example")
    check.same("-log 0.2 for one example", 1.6094379124341003, cost)
    check.same("3 examples: the mean of -log 0.7, -log 0.3, -log 0.3", 0.9215401841968682,
               check.call(target, _AL, _Y, case="3 classes, 3 examples"))
    check.done()


def softmax_cross_entropy_backward_test(target):
    check = Checker("softmax_cross_entropy_backward")
    dZ = check.call(target, _AL, _Y, case="3 classes, 3 examples")
    check.same("dZ = AL - Y (per example, no 1/m)",
               np.array([[-0.3, 0.2, 0.1], [0.2, 0.5, -0.7], [0.1, -0.7, 0.6]]), dZ)
    check.done()


def batchnorm_forward_test(target):
    check = Checker("batchnorm_forward")
    Z, gamma, beta, bn_params = _bn_example()
    out = check.call(target, Z, gamma, beta, bn_params, case="train mode, Z of shape (2, 4)")
    check.true("returns (Z_tilde, cache, bn_params)", isinstance(out, tuple) and len(out) == 3,
               "a triple (Z_tilde, cache, bn_params)")
    Z_tilde, cache, new_params = out
    check.same("Z_tilde in train mode",
               np.array([[-1.6832788897221995, 0.10557370342593342, 1.8944262965740666, 3.6832788897221995],
                         [-1.7071050134262236, -1.0, -1.0, -0.29289498657377633]]), Z_tilde)
    check.true("cache is (Z, Z_norm, mu, var, gamma, beta, eps)", isinstance(cache, tuple) and len(cache) == 7,
               f"a tuple of 7 items, got {type(cache).__name__}")
    check.same("mu and var in the cache (over the examples, axis 1)",
               (np.array([[4.0], [0.0]]), np.array([[5.0], [2.0]])), (cache[2], cache[3]))
    check.same("the new running averages", (np.array([[0.4], [0.9]]), np.array([[1.4], [1.1]])),
               (new_params.get("running_mean"), new_params.get("running_var")))
    test_params = dict(new_params, mode="test")
    Z_tilde, cache, _ = check.call(target, Z, gamma, beta, test_params, case="test mode")
    check.same("Z_tilde in test mode, with the running averages",
               np.array([[2.014181483603961, 5.394786428950497, 8.775391374297032, 12.155996319643569],
                         [-2.3825144702637076, -1.4290562149094266, -1.4290562149094266, -0.4755979595551453]]),
               Z_tilde)
    check.true("no cache in test mode", cache is None, f"None, got {type(cache).__name__}")
    check.done()


def batchnorm_backward_test(target):
    check = Checker("batchnorm_backward")
    Z, gamma, beta, _ = _bn_example()
    mu, var, eps = Z.mean(axis=1, keepdims=True), Z.var(axis=1, keepdims=True), 1e-5
    cache = (Z, (Z - mu) / np.sqrt(var + eps), mu, var, gamma, beta, eps)
    dZ_tilde = np.array([[0.5, -1.0, 0.25, 2.0], [1.0, 0.0, -0.5, 0.5]])
    out = check.call(target, dZ_tilde, cache, case="the forward example, dZ_tilde of shape (2, 4)")
    check.true("returns (dZ, dgamma, dbeta)", isinstance(out, tuple) and len(out) == 3, "a triple (dZ, dgamma, dbeta)")
    dZ, dgamma, dbeta = out
    check.same("dbeta (a mean over the examples)", np.array([[0.4375], [0.25]]), dbeta)
    check.same("dgamma", np.array([[0.6428689006626103], [-0.17677625335655592]]), dgamma)
    check.same("dZ", np.array([[0.8273427814487356, -1.0285907553542686, -0.4248519765785897, 0.6260999504841225],
                               [0.17677669529497964, -0.08838812667827796, -0.2651643800348339,
                                0.17677581141813223]]), dZ)
    check.done()


def sample_log_uniform_test(target):
    check = Checker("sample_log_uniform")
    with seeded(0):
        values = check.call(target, 1e-4, 1.0, 4, case="np.random.seed(0), low 1e-4, high 1, size 4")
    check.same("four values, 10**r with r = np.random.uniform(-4, 0, 4)",
               np.array([0.01567667719550606, 0.07257005721594274, 0.02576638574613588, 0.015119336467640998]),
               values)
    with seeded(1):
        values = check.call(target, 0.5, 2.0, 1000, case="low 0.5, high 2, size 1000")
    values = np.asarray(values)
    check.true("1000 values between 0.5 and 2, as many below 1 as above",
               values.shape == (1000,) and values.min() >= 0.5 and values.max() <= 2
               and 400 < np.sum(values < 1) < 600, "values spread evenly on the log scale of [0.5, 2]")
    check.done()


def sample_hyperparameters_test(target):
    check = Checker("sample_hyperparameters")
    with seeded(1):
        hyperparameters = check.call(target, 3, case="np.random.seed(1), num_samples 3")
    check.true("a dict with keys learning_rate, beta, hidden_units",
               isinstance(hyperparameters, dict) and set(hyperparameters) == {"learning_rate", "beta", "hidden_units"},
               f"those three keys, got {hyperparameters!r:.120}")
    check.same("learning_rate (drawn first)", np.array([0.004656804637919565, 0.07608481233714792,
                                                        0.00010010539860510489]), hyperparameters["learning_rate"])
    check.same("beta = 1 - (log-uniform in [1e-3, 1e-1]), drawn second",
               np.array([0.9959759335352854, 0.99803432469488, 0.9984700501705688]), hyperparameters["beta"])
    check.same("hidden_units, integers drawn last", np.array([62, 57, 95]), hyperparameters["hidden_units"])
    check.done()

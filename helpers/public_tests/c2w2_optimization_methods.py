"""Public tests of *Optimization methods* (c2w2_optimization_methods)."""
import numpy as np

from helpers.checks import Checker
from helpers.seeding import seeded

__all__ = [
    "update_parameters_with_gd_test",
    "random_mini_batches_test",
    "initialize_velocity_test",
    "update_parameters_with_momentum_test",
    "initialize_adam_test",
    "update_parameters_with_adam_test",
    "update_lr_test",
    "schedule_lr_decay_test",
]


def example_problem():
    """Parameters and gradients of a [3, 2, 1] network, and Adam averages, drawn after np.random.seed(1);
    the hidden tests use it too."""
    with seeded(1):
        shapes = {"W1": (2, 3), "b1": (2, 1), "W2": (1, 2), "b2": (1, 1)}
        parameters = {key: np.random.randn(*shape) for key, shape in shapes.items()}
        grads = {"d" + key: np.random.randn(*shape) for key, shape in shapes.items()}
        v = {"d" + key: 0.1 * np.random.randn(*shape) for key, shape in shapes.items()}
        s = {"d" + key: 0.01 * np.random.rand(*shape) for key, shape in shapes.items()}
    return parameters, grads, v, s


def mini_batch_example():
    """The notebook's mini-batch example: X (5, 148) drawn after np.random.seed(1), and labels
    recomputable from each example (Y = X[0] > 0); the hidden tests use it too."""
    with seeded(1):
        X = np.random.randn(5, 148)
    return X, (X[:1] > 0).astype(int)


def _zeros_like(parameters):
    return {"d" + key: np.zeros(value.shape) for key, value in parameters.items()}


def update_parameters_with_gd_test(target):
    check = Checker("update_parameters_with_gd")
    parameters, grads, _, _ = example_problem()
    out = check.call(target, parameters, grads, 0.01, case="the example, learning_rate = 0.01")
    check.true("returns the keys W1, b1, W2, b2", isinstance(out, dict) and set(out) == set(parameters),
               f"a dict with keys {sorted(parameters)}, got {out!r:.200}")
    check.same("W1", np.array([[1.6449467707582182, -0.6085322416099403, -0.5243312087167715],
                               [-1.0843063165795248, 0.8764065419978189, -2.299814414804778]]), out["W1"])
    check.same("b2", np.array([[1.4506606999465779]]), out["b2"])
    check.done()


def random_mini_batches_test(target):
    check = Checker("random_mini_batches")
    X, Y = mini_batch_example()
    batches = check.call(target, X, Y, 64, seed=0, case="X of shape (5, 148), mini_batch_size = 64, seed = 0")
    check.true("returns a list of 3 (mini_batch_X, mini_batch_Y) pairs",
               isinstance(batches, list) and len(batches) == 3 and all(len(b) == 2 for b in batches),
               f"a list of 3 pairs (148 = 64 + 64 + 20), got {batches!r:.200}")
    shapes = [(b[0].shape, b[1].shape) for b in batches if all(hasattr(a, "shape") for a in b)]
    check.same("shapes of the mini-batches", [((5, 64), (1, 64)), ((5, 64), (1, 64)), ((5, 20), (1, 20))], shapes)
    check.same("first values of mini-batch 0",
               np.array([0.9008559492644118, -0.7612069008951028, 0.23441569781709215]), batches[0][0][0, :3])
    check.same("first values of mini-batch 2 (the last one)",
               np.array([-1.3122834112374318, 0.7504116398650081, 0.16003706944783047]), batches[2][0][0, :3])
    check.true("every label stays with its example",
               all(np.array_equal(b[1], (b[0][:1] > 0).astype(int)) for b in batches),
               "each column of mini_batch_Y must be the label of the same column of mini_batch_X")
    batches = check.call(target, X[:, :128], Y[:, :128], 64, seed=0, case="X of shape (5, 128), mini_batch_size = 64")
    check.same("128 examples make two full mini-batches, no empty third", 2,
               len(batches) if isinstance(batches, list) else None)
    check.done()


def initialize_velocity_test(target):
    check = Checker("initialize_velocity")
    parameters, _, _, _ = example_problem()
    v = check.call(target, parameters, case="the example")
    check.same("v holds zeros shaped like the parameters", _zeros_like(parameters), v)
    check.done()


def update_parameters_with_momentum_test(target):
    check = Checker("update_parameters_with_momentum")
    parameters, grads, v, _ = example_problem()
    out = check.call(target, parameters, grads, v, 0.9, 0.01, case="the example, beta = 0.9, learning_rate = 0.01")
    check.true("returns (parameters, v)", isinstance(out, tuple) and len(out) == 2, "a pair (parameters, v)")
    parameters, v = out
    check.same("v['dW1']", np.array([[-0.12487090609641377, 0.012982770099817402, 0.04267159996695552],
                                     [0.051841436907853734, -0.1210492470280814, -0.10146206983835977]]), v["dW1"])
    check.same("v['db2']", np.array([[0.05262682797319744]]), v["db2"])
    check.same("W1", np.array([[1.6255940727242058, -0.6118862413510735, -0.5285984682631253],
                               [-1.0734870365252491, 0.8666181217949593, -2.3005240761818992]]), parameters["W1"])
    check.same("b2", np.array([[1.461581668765242]]), parameters["b2"])
    check.done()


def initialize_adam_test(target):
    check = Checker("initialize_adam")
    parameters, _, _, _ = example_problem()
    out = check.call(target, parameters, case="the example")
    check.true("returns (v, s)", isinstance(out, tuple) and len(out) == 2, "a pair (v, s)")
    check.same("v holds zeros shaped like the parameters", _zeros_like(parameters), out[0])
    check.same("s holds zeros shaped like the parameters", _zeros_like(parameters), out[1])
    check.done()


def update_parameters_with_adam_test(target):
    check = Checker("update_parameters_with_adam")
    parameters, grads, v, s = example_problem()
    out = check.call(target, parameters, grads, v, s, 3, case="the example, t = 3, default hyperparameters")
    check.true("returns (parameters, v, s, v_corrected, s_corrected)", isinstance(out, tuple) and len(out) == 5,
               "a tuple of 5 dictionaries")
    parameters, v, s, v_corrected, s_corrected = out
    check.same("v['dW1']", np.array([[-0.12487090609641377, 0.012982770099817402, 0.04267159996695552],
                                     [0.051841436907853734, -0.1210492470280814, -0.10146206983835977]]), v["dW1"])
    check.same("v_corrected['dW1']", np.array([[-0.46077825127827976, 0.047906900737333606, 0.1574597784758507],
                                               [0.19129681515813193, -0.4466761882955035, -0.3743987816913646]]),
               v_corrected["dW1"])
    check.same("s['db1']", np.array([[0.0017929563459053947], [0.004138201318729256]]), s["db1"])
    check.same("s_corrected['db1']", np.array([[0.5982501660511275], [1.3807807600762418]]), s_corrected["db1"])
    check.same("W1", np.array([[1.6269817335573924, -0.6127955117817047, -0.5292956224214554],
                               [-1.07496519897322, 0.868310322905061, -2.299092454471934]]), parameters["W1"])
    check.same("b2", np.array([[1.4596086809657791]]), parameters["b2"])
    check.done()


def update_lr_test(target):
    check = Checker("update_lr")
    check.same("update_lr(0.5, 2, 1)", 0.16666666666666666, check.call(target, 0.5, 2, 1, case="0.5, epoch 2, rate 1"))
    check.same("update_lr(0.3, 10, 0.5)", 0.05, check.call(target, 0.3, 10, 0.5, case="0.3, epoch 10, rate 0.5"))
    check.done()


def schedule_lr_decay_test(target):
    check = Checker("schedule_lr_decay")
    check.same("schedule_lr_decay(0.5, 100, 1): no decay before epoch 1000", 0.5,
               check.call(target, 0.5, 100, 1, case="0.5, epoch 100, rate 1"))
    check.same("schedule_lr_decay(0.5, 1000, 1)", 0.25,
               check.call(target, 0.5, 1000, 1, case="0.5, epoch 1000, rate 1"))
    check.same("schedule_lr_decay(0.3, 2500, 0.5)", 0.15,
               check.call(target, 0.3, 2500, 0.5, case="0.3, epoch 2500, rate 0.5"))
    check.same("schedule_lr_decay(0.3, 250, 0.5, time_interval=100)", 0.15,
               check.call(target, 0.3, 250, 0.5, time_interval=100, case="0.3, epoch 250, rate 0.5, interval 100"))
    check.done()

"""Public tests of *Building a deep neural network, step by step* (c1w4_deep_neural_network_step_by_step).

The inputs come from ``np.random.RandomState(seed)``, whose numbers NumPy keeps the same from
version to version, and never from NumPy's global random state.
"""
import numpy as np

from helpers.checks import Checker

__all__ = [
    "initialize_parameters_test",
    "initialize_parameters_deep_test",
    "linear_forward_test",
    "linear_activation_forward_test",
    "L_model_forward_test",
    "compute_cost_test",
    "linear_backward_test",
    "linear_activation_backward_test",
    "L_model_backward_test",
    "update_parameters_test",
]


def seeded_normal(seed, *shapes):
    """Arrays of standard normal numbers of the given shapes, from a local RandomState(seed)."""
    state = np.random.RandomState(seed)
    return [state.randn(*shape) for shape in shapes]


def _has_keys(check, label, value, keys):
    check.true(label, isinstance(value, dict) and sorted(value) == sorted(keys),
               f"a dict with keys {sorted(keys)}, got {value!r:.120}")


def _is_pair(check, label, value, what):
    check.true(label, isinstance(value, tuple) and len(value) == 2, f"a tuple {what}, got {type(value).__name__}")


def example_network(seed=5):
    """A [4, 3, 1] network and its input: X (4, 2), parameters W1 (3, 4), b1 (3, 1), W2 (1, 3), b2 (1, 1)."""
    X, W1, b1, W2, b2 = seeded_normal(seed, (4, 2), (3, 4), (3, 1), (1, 3), (1, 1))
    return X, {"W1": W1, "b1": b1, "W2": W2, "b2": b2}


def initialize_parameters_test(target):
    check = Checker("initialize_parameters")
    parameters = check.call(target, 3, 2, 1, case="n_x = 3, n_h = 2, n_y = 1")
    _has_keys(check, "parameters has the keys W1, b1, W2, b2", parameters, ["W1", "b1", "W2", "b2"])
    check.same("W1", np.array([[0.01624345363663242, -0.006117564136500754, -0.005281717522634557],
                               [-0.010729686221561705, 0.008654076293246785, -0.02301538696880283]]),
               parameters["W1"])
    check.same("b1 is zeros of shape (2, 1)", np.zeros((2, 1)), parameters["b1"])
    check.same("W2 (drawn after W1)", np.array([[0.0174481176421648, -0.007612069008951028]]), parameters["W2"])
    check.same("b2 is zeros of shape (1, 1)", np.zeros((1, 1)), parameters["b2"])
    check.done()


def initialize_parameters_deep_test(target):
    check = Checker("initialize_parameters_deep")
    parameters = check.call(target, [5, 4, 3], case="layer_dims = [5, 4, 3]")
    _has_keys(check, "parameters has the keys W1, b1, W2, b2", parameters, ["W1", "b1", "W2", "b2"])
    check.same("W1, shape (4, 5), first row",
               np.array([0.017886284734303187, 0.004365098505119894, 0.0009649746807200863, -0.01863492703364491,
                         -0.0027738820251439907]),
               parameters["W1"][0] if np.shape(parameters["W1"]) == (4, 5) else parameters["W1"])
    check.same("W2, shape (3, 4), first row",
               np.array([-0.011850465270201728, -0.0020564989942254107, 0.014861483550745902,
                         0.0023671626722691235]),
               parameters["W2"][0] if np.shape(parameters["W2"]) == (3, 4) else parameters["W2"])
    check.same("b1 and b2 are zeros", [np.zeros((4, 1)), np.zeros((3, 1))], [parameters["b1"], parameters["b2"]])
    parameters = check.call(target, [3, 5, 2, 1], case="layer_dims = [3, 5, 2, 1]")
    check.same("the shapes of W1, W2, W3", [(5, 3), (2, 5), (1, 2)],
               [np.shape(parameters.get(f"W{l}")) for l in (1, 2, 3)])
    check.done()


def linear_forward_test(target):
    check = Checker("linear_forward")
    A, W, b = seeded_normal(1, (3, 2), (1, 3), (1, 1))
    out = check.call(target, A, W, b, case="A (3, 2), W (1, 3), b (1, 1)")
    _is_pair(check, "returns (Z, cache)", out, "(Z, cache)")
    Z, cache = out
    check.same("Z", np.array([[3.262953374654174, -1.2342998686128757]]), Z)
    check.true("cache is the tuple (A, W, b)",
               isinstance(cache, tuple) and len(cache) == 3 and all(x is y for x, y in zip(cache, (A, W, b))),
               "the very arrays A, W and b, in this order")
    check.done()


def linear_activation_forward_test(target):
    check = Checker("linear_activation_forward")
    A_prev, W, b = seeded_normal(2, (3, 2), (1, 3), (1, 1))
    A, cache = check.call(target, A_prev, W, b, "sigmoid", case='A_prev (3, 2), W (1, 3), b (1, 1), "sigmoid"')
    check.same('A with "sigmoid"', np.array([[0.968900232783661, 0.11013289483978989]]), A)
    _is_pair(check, "cache is (linear_cache, activation_cache)", cache, "(linear_cache, activation_cache)")
    check.true("linear_cache is (A_prev, W, b)", isinstance(cache[0], tuple) and len(cache[0]) == 3
               and cache[0][0] is A_prev and cache[0][1] is W and cache[0][2] is b,
               "the very arrays A_prev, W and b, in this order")
    check.same("activation_cache is Z", np.array([[3.4389613134945427, -2.089384360040248]]), cache[1])
    A, cache = check.call(target, A_prev, W, b, "relu", case='the same inputs, "relu"')
    check.same('A with "relu"', np.array([[3.4389613134945427, 0.0]]), A)
    check.done()


def L_model_forward_test(target):
    check = Checker("L_model_forward")
    X, parameters = example_network()
    out = check.call(target, X, parameters, case="X (4, 2) through a [4, 3, 1] network")
    _is_pair(check, "returns (AL, caches)", out, "(AL, caches)")
    AL, caches = out
    check.same("AL", np.array([[0.9671774156262657, 0.5147817521240811]]), AL)
    check.true("caches is a list of 2 caches, one per layer", isinstance(caches, list) and len(caches) == 2,
               f"a list of length 2, got {type(caches).__name__} of length {len(caches)}")
    check.same("Z of layer 1, caches[0][1]", np.array([[-1.6441289519680686, -2.7258375951427696],
                                                        [0.9058712978697115, -3.110502633952519],
                                                        [3.3989364703874005, -4.493987171195482]]), caches[0][1])
    check.true("A_prev of layer 2 is the RELU output of layer 1", np.allclose(caches[1][0][0],
                                                                             np.maximum(0, caches[0][1])),
               "caches[1][0][0] == relu(caches[0][1])")
    X, parameters = seeded_normal(6, (3, 4))[0], dict(zip(["W1", "b1", "W2", "b2", "W3", "b3"],
                                                    seeded_normal(7, (4, 3), (4, 1), (2, 4), (2, 1), (1, 2), (1, 1))))
    AL, caches = check.call(target, X, parameters, case="X (3, 4) through a [3, 4, 2, 1] network")
    check.same("AL of the 3-layer network", np.array([[0.5192787088524862, 0.30841192523573757,
                                                       0.7148886019580001, 0.6687596115505262]]), AL)
    check.same("number of caches", 3, len(caches))
    check.done()


def compute_cost_test(target):
    check = Checker("compute_cost")
    Y = np.array([[1, 1, 0]])
    AL = np.array([[0.8, 0.9, 0.4]])
    cost = check.call(target, AL, Y, case="Y = [[1, 1, 0]], AL = [[0.8, 0.9, 0.4]]")
    check.same("cost", 0.2797765635793422, cost)
    check.done()


def linear_backward_test(target):
    check = Checker("linear_backward")
    dZ, A_prev, W, b = seeded_normal(3, (3, 4), (5, 4), (3, 5), (3, 1))
    out = check.call(target, dZ, (A_prev, W, b), case="dZ (3, 4), A_prev (5, 4), W (3, 5), b (3, 1)")
    check.true("returns (dA_prev, dW, db)", isinstance(out, tuple) and len(out) == 3, "a tuple of 3 arrays")
    dA_prev, dW, db = out
    check.same("dA_prev, shape (5, 4), first row", np.array([-1.9256522213926268, -0.009824138428312645,
                                                            0.43275383958338337, 2.6452204533027452]),
               dA_prev[0] if np.shape(dA_prev) == (5, 4) else dA_prev)
    check.same("dW, shape (3, 5), first row", np.array([0.7703843890020946, 0.12403213807995285,
                                                       -0.6267714126809208, -0.44573744247337266,
                                                       -1.2715363114750955]),
               dW[0] if np.shape(dW) == (3, 5) else dW)
    check.same("db, shape (3, 1)", np.array([[0.11453577216245642], [-0.33547233502242324],
                                             [-0.2375696430496321]]), db)
    check.done()


def linear_activation_backward_test(target):
    check = Checker("linear_activation_backward")
    dA, A_prev, W, b = seeded_normal(4, (1, 2), (3, 2), (1, 3), (1, 1))
    Z = np.array([[0.43, -0.33]])
    cache = ((A_prev, W, b), Z)
    dA_prev, dW, db = check.call(target, dA, cache, "sigmoid", case='dA (1, 2), A_prev (3, 2), Z = [[0.43, -0.33]], '
                                                                   '"sigmoid"')
    check.same('dA_prev with "sigmoid"', np.array([[0.0040114768511122475, 0.040416841209794115],
                                                   [-0.013854252817054406, -0.13958578273534764],
                                                   [0.007469612919284684, 0.07525860685788316]]), dA_prev)
    check.same('dW with "sigmoid"', np.array([[0.03617455649466799, -0.09890384787065827,
                                              0.03249699764679375]]), dW)
    check.same('db with "sigmoid"', np.array([[0.06685976478603049]]), db)
    dA_prev, dW, db = check.call(target, dA, cache, "relu", case='the same inputs, "relu"')
    check.same('dA_prev with "relu" (zero for the example with Z < 0)',
               np.array([[0.016799128847057136, 0.0], [-0.05801837746835569, 0.0], [0.031280995634790656, 0.0]]),
               dA_prev)
    check.same('dW with "relu"', np.array([[-0.025177427857831638, -0.010575019476523546,
                                           -0.016374579936857578]]), dW)
    check.same('db with "relu"', np.array([[0.025280853571469777]]), db)
    check.done()


def L_model_backward_test(target):
    check = Checker("L_model_backward")
    X, W1, b1, Z1, A1, W2, b2, Z2 = seeded_normal(10, (4, 2), (3, 4), (3, 1), (3, 2), (3, 2), (1, 3), (1, 1), (1, 2))
    caches = [((X, W1, b1), Z1), ((A1, W2, b2), Z2)]
    AL = np.array([[0.74, 0.31]])
    Y = np.array([[1, 0]])
    grads = check.call(target, AL, Y, caches, case="AL = [[0.74, 0.31]], Y = [[1, 0]], the caches of 2 layers")
    _has_keys(check, "grads has the keys dA0, dA1, dW1, dW2, db1, db2", grads,
              ["dA0", "dA1", "dW1", "dW2", "db1", "db2"])
    check.same("dW2", np.array([[-0.1343692108554358, 0.1029918583521581, 0.28352733306313876]]), grads["dW2"])
    check.same("db2", np.array([[0.014597605275240122]]), grads["db2"])
    check.same("dA1", np.array([[-0.05779030964347084, 0.06348376339082058],
                                [-0.11859838075882309, 0.13028259563025563],
                                [0.1000540957136548, -0.10991134288351759]]), grads["dA1"])
    check.same("dW1, shape (3, 4), first row",
               np.array([-0.015772097610787256, 0.04438846152952701, -0.0408104698407916, -0.004226463914082502]),
               grads["dW1"][0] if np.shape(grads["dW1"]) == (3, 4) else grads["dW1"])
    check.same("db1", np.array([[0.002846726873674873], [0.005842107435716268], [0.0500270478568274]]),
               grads["db1"])
    check.same("dA0, shape (4, 2), first column",
               np.array([0.0004855162358296129, -0.09834044222029487, 0.09639412644560502, -0.23035540383623498]),
               grads["dA0"][:, 0] if np.shape(grads["dA0"]) == (4, 2) else grads["dA0"])
    check.done()


def update_parameters_test(target):
    check = Checker("update_parameters")
    _, params = example_network(8)
    grads = dict(zip(["dW1", "db1", "dW2", "db2"], seeded_normal(9, (3, 4), (3, 1), (1, 3), (1, 1))))
    parameters = check.call(target, params, grads, 0.1, case="a [4, 3, 1] network, learning rate 0.1")
    _has_keys(check, "parameters has the keys W1, b1, W2, b2", parameters, ["W1", "b1", "W2", "b2"])
    check.same("W1, shape (3, 4), first row", np.array([0.7947167838771798, 1.0053755033259604, -1.0718205170265735,
                                          1.9176518862100587]),
               parameters["W1"][0] if np.shape(parameters["W1"]) == (3, 4) else parameters["W1"])
    check.same("b1", np.array([[1.3172003483429093], [-0.6777031635423122], [-0.356529789956456]]),
               parameters["b1"])
    check.same("W2", np.array([[0.3809745180818335, -1.8002630673725706, -0.39346883282362133]]), parameters["W2"])
    check.same("b2", np.array([[0.5491807510535627]]), parameters["b2"])
    check.done()

"""Public tests of *Building a recurrent neural network, step by step*
(c5w1_building_a_recurrent_neural_network_step_by_step).

The forward tests use the notebook's examples (the numbers ``np.random.seed(1)`` gives). The
backward tests build their caches from random numbers of the right shapes and ranges (gates in
(0, 1), hidden states in (-1, 1)), so they do not depend on your forward passes.
"""
import numpy as np

from helpers.checks import Checker

__all__ = [
    "rnn_cell_forward_test",
    "rnn_forward_test",
    "lstm_cell_forward_test",
    "lstm_forward_test",
    "rnn_cell_backward_test",
    "rnn_backward_test",
    "lstm_cell_backward_test",
    "lstm_backward_test",
    "gru_cell_forward_test",
    "gru_cell_backward_test",
]

RNN_KEYS = ("Waa", "Wax", "Wya", "ba", "by")


def _seeded():
    """The numbers ``np.random.seed(1)`` would give, without changing numpy's global random state."""
    return np.random.RandomState(1)


def _rnn_parameters(state, n_x=3, n_a=5, n_y=2):
    shapes = {"Waa": (n_a, n_a), "Wax": (n_a, n_x), "Wya": (n_y, n_a), "ba": (n_a, 1), "by": (n_y, 1)}
    return {key: state.randn(*shapes[key]) for key in RNN_KEYS}


def _gated_parameters(state, gates, n_x=3, n_a=5, n_y=2):
    parameters = {}
    for gate in gates:
        parameters["W" + gate] = state.randn(n_a, n_a + n_x)
        parameters["b" + gate] = state.randn(n_a, 1)
    parameters["Wy"] = state.randn(n_y, n_a)
    parameters["by"] = state.randn(n_y, 1)
    return parameters


def _gate(state, *shape):
    return 1 / (1 + np.exp(-state.randn(*shape)))


def _rnn_cache(state, parameters, n_x=3, n_a=5, m=10):
    """(a_next, a_prev, xt, parameters) with random values of the right shapes."""
    return (np.tanh(state.randn(n_a, m)), np.tanh(state.randn(n_a, m)), state.randn(n_x, m), parameters)


def _lstm_cache(state, parameters, n_x=3, n_a=5, m=10):
    """(a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, parameters) with random values."""
    c_next, c_prev = state.randn(n_a, m), state.randn(n_a, m)
    ft, it, ot = _gate(state, n_a, m), _gate(state, n_a, m), _gate(state, n_a, m)
    cct = np.tanh(state.randn(n_a, m))
    a_next, a_prev, xt = ot * np.tanh(c_next), np.tanh(state.randn(n_a, m)), state.randn(n_x, m)
    return (a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, parameters)


def _part(get):
    """``get()``, or None when the learner's output does not have that part (so the check reports it)."""
    try:
        return get()
    except (TypeError, IndexError, KeyError, ValueError):
        return None


def _keys(check, gradients, keys):
    check.true("gradients has the expected keys", isinstance(gradients, dict) and set(gradients) == set(keys),
               f"a dict with keys {sorted(keys)}, got "
               + (f"keys {sorted(gradients)}" if isinstance(gradients, dict) else type(gradients).__name__))


def _shapes(check, gradients, shapes):
    check.same("shapes of " + ", ".join(shapes), tuple(shapes.values()),
               tuple(np.shape(gradients[key]) for key in shapes))


def rnn_cell_forward_test(target):
    check = Checker("rnn_cell_forward")
    state = _seeded()
    xt, a_prev = state.randn(3, 10), state.randn(5, 10)
    parameters = _rnn_parameters(state)
    out = check.call(target, xt, a_prev, parameters, case="the example, np.random.seed(1)")
    check.true("returns (a_next, yt_pred, cache)", isinstance(out, tuple) and len(out) == 3, "a triple")
    a_next, yt_pred, cache = out
    check.same("a_next.shape", (5, 10), np.shape(a_next))
    check.same("a_next[4]", np.array([0.5958454361396669, 0.18141801524270917, 0.6131186601837866, 0.9980821836482744,
                                      0.8501620098759239, 0.999809777363631, -0.18887155412988774,
                                      0.9981555128490937, 0.6531150966861294, 0.8287203739542315]), a_next[4])
    check.same("yt_pred.shape", (2, 10), np.shape(yt_pred))
    check.same("yt_pred[1]", np.array([0.9888161020372672, 0.01682021075032578, 0.21140898750443413,
                                       0.3681746681065052, 0.9898838697014841, 0.8894521151515652,
                                       0.3692022383155003, 0.9966312028640353, 0.9982559002073211,
                                       0.1774652624571198]), yt_pred[1])
    check.true("cache is (a_next, a_prev, xt, parameters)",
               isinstance(cache, tuple) and len(cache) == 4 and cache[0] is a_next and cache[1] is a_prev
               and cache[2] is xt and cache[3] is parameters, "the tuple (a_next, a_prev, xt, parameters)")
    check.done()


def rnn_forward_test(target):
    check = Checker("rnn_forward")
    state = _seeded()
    x, a0 = state.randn(3, 10, 4), state.randn(5, 10)
    parameters = _rnn_parameters(state)
    out = check.call(target, x, a0, parameters, case="the example, np.random.seed(1)")
    check.true("returns (a, y_pred, caches)", isinstance(out, tuple) and len(out) == 3, "a triple")
    a, y_pred, caches = out
    check.same("a.shape", (5, 10, 4), np.shape(a))
    check.same("a[4][1]", np.array([-0.9999937511218437, 0.7791123524295185, -0.9986146863678004,
                                    -0.9983326666674084]), a[4][1])
    check.same("y_pred.shape", (2, 10, 4), np.shape(y_pred))
    check.same("y_pred[1][3]", np.array([0.795603731702095, 0.8622486063005221, 0.11118256946945909,
                                         0.8151594655010063]), y_pred[1][3])
    check.true("caches is (list of 4 caches, x)",
               isinstance(caches, tuple) and len(caches) == 2 and isinstance(caches[0], list)
               and len(caches[0]) == 4 and caches[1] is x, "the pair (list of one cache per step, x)")
    check.same("the cache of step 2 holds a<1> as a_prev", a[:, :, 0], _part(lambda: caches[0][1][1]))
    check.done()


def lstm_cell_forward_test(target):
    check = Checker("lstm_cell_forward")
    state = _seeded()
    xt, a_prev, c_prev = state.randn(3, 10), state.randn(5, 10), state.randn(5, 10)
    parameters = _gated_parameters(state, "fioc")
    out = check.call(target, xt, a_prev, c_prev, parameters, case="the example, np.random.seed(1)")
    check.true("returns (a_next, c_next, yt_pred, cache)", isinstance(out, tuple) and len(out) == 4,
               "a tuple of 4 values")
    a_next, c_next, yt, cache = out
    check.same("shapes of a_next, c_next, yt_pred", ((5, 10), (5, 10), (2, 10)),
               (np.shape(a_next), np.shape(c_next), np.shape(yt)))
    check.same("a_next[4]", np.array([-0.6640847127473231, 0.00369210071789173, 0.02088357016251321,
                                      0.22834166823390004, -0.8557533854879655, 0.00138482308332399,
                                      0.765665307789794, 0.34631420937755314, -0.00215673951503999,
                                      0.43827274503824876]), a_next[4])
    check.same("c_next[2]", np.array([0.6326780497534749, 1.0057084884998637, 0.355044742528826, 0.20690913466318617,
                                      -1.6456671751753493, 0.11832941898220026, 0.764498107990279,
                                      -0.0981561038166735, -0.7434842469584431, -0.26810932290432954]), c_next[2])
    check.same("yt_pred[1, :4]", np.array([0.7991391305203185, 0.15986619112198291, 0.2241212164895217,
                                           0.15606107750371612]), yt[1, :4])
    check.true("cache is (a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, parameters)",
               isinstance(cache, tuple) and len(cache) == 10 and cache[0] is a_next and cache[1] is c_next
               and cache[2] is a_prev and cache[3] is c_prev and cache[8] is xt and cache[9] is parameters,
               "a tuple of 10 values in this order")
    check.same("ft * c_prev + it * cct is c_next (gates in the cache)", c_next,
               _part(lambda: cache[4] * c_prev + cache[5] * cache[6]))
    check.done()


def lstm_forward_test(target):
    check = Checker("lstm_forward")
    state = _seeded()
    x, a0 = state.randn(3, 10, 7), state.randn(5, 10)
    parameters = _gated_parameters(state, "fioc")
    out = check.call(target, x, a0, parameters, case="the example, np.random.seed(1)")
    check.true("returns (a, y, c, caches)", isinstance(out, tuple) and len(out) == 4, "a tuple of 4 values")
    a, y, c, caches = out
    check.same("shapes of a, y, c", ((5, 10, 7), (2, 10, 7), (5, 10, 7)), (np.shape(a), np.shape(y), np.shape(c)))
    check.same("a[4][3][6]", 0.1721177675329167, a[4][3][6])
    check.same("y[1][4][3]", 0.9508734618501101, y[1][4][3])
    check.same("c[1][2][1]", -0.8555449167181983, c[1][2][1])
    check.true("caches is (list of 7 caches, x)",
               isinstance(caches, tuple) and len(caches) == 2 and isinstance(caches[0], list)
               and len(caches[0]) == 7 and caches[1] is x, "the pair (list of one cache per step, x)")
    check.same("the first step starts from c = 0", np.zeros((5, 10)), _part(lambda: caches[0][0][3]))
    check.done()


def rnn_cell_backward_test(target):
    check = Checker("rnn_cell_backward")
    state = _seeded()
    cache = _rnn_cache(state, _rnn_parameters(state))
    da_next = state.randn(5, 10)
    gradients = check.call(target, da_next, cache, case="a random cache, n_x = 3, n_a = 5, m = 10")
    _keys(check, gradients, ("dxt", "da_prev", "dWax", "dWaa", "dba"))
    _shapes(check, gradients, {"dxt": (3, 10), "da_prev": (5, 10), "dWax": (5, 3), "dWaa": (5, 5), "dba": (5, 1)})
    check.same("dxt[1][:3]", np.array([0.029976170939286773, -0.10789682030024979, -0.880107863995921]),
               gradients["dxt"][1][:3])
    check.same("da_prev[2][:3]", np.array([0.1928962364541879, -1.4819636188071197, -0.6797297131460837]),
               gradients["da_prev"][2][:3])
    check.same("dWax[3]", np.array([-1.8167167660715384, 5.164832626309726, -0.3221749328643312]),
               gradients["dWax"][3])
    check.same("dWaa[1][:3]", np.array([-1.0984880314840155, -0.23026488370858822, -0.6805544877354125]),
               gradients["dWaa"][1][:3])
    check.same("dba", np.array([[2.73517074530989], [-1.4897507937473846], [-1.3307567306629173],
                                [4.389659262710922], [-0.6642062933524593]]), gradients["dba"])
    check.done()


def rnn_backward_test(target):
    check = Checker("rnn_backward")
    state = _seeded()
    parameters = _rnn_parameters(state)
    steps = [_rnn_cache(state, parameters, m=4) for _ in range(3)]
    x = np.stack([step[2] for step in steps], axis=-1)
    da = state.randn(5, 4, 3)
    gradients = check.call(target, da, (steps, x), case="random caches, n_x = 3, n_a = 5, m = 4, T_x = 3")
    _keys(check, gradients, ("dx", "da0", "dWax", "dWaa", "dba"))
    _shapes(check, gradients, {"dx": (3, 4, 3), "da0": (5, 4), "dWax": (5, 3), "dWaa": (5, 5), "dba": (5, 1)})
    check.same("dx[1][2]", np.array([4.008989297653111, 2.970855421904823, -0.4811788839407097]),
               gradients["dx"][1][2])
    check.same("da0[2]", np.array([-1.25553620548236, 0.6289675544896651, -4.96461163819579, -0.2551380960189157]),
               gradients["da0"][2])
    check.same("dWax[3]", np.array([0.5536698263388294, -3.280502352650585, -3.1808641864908846]),
               gradients["dWax"][3])
    check.same("dWaa[1][:3]", np.array([6.4361467496781515, 1.792792803853924, 3.9942637981193223]),
               gradients["dWaa"][1][:3])
    check.same("dba[4]", np.array([0.8852806396352845]), gradients["dba"][4])
    check.done()


def lstm_cell_backward_test(target):
    check = Checker("lstm_cell_backward")
    state = _seeded()
    cache = _lstm_cache(state, _gated_parameters(state, "fioc"))
    da_next, dc_next = state.randn(5, 10), state.randn(5, 10)
    gradients = check.call(target, da_next, dc_next, cache, case="a random cache, n_x = 3, n_a = 5, m = 10")
    _keys(check, gradients, ("dxt", "da_prev", "dc_prev", "dWf", "dWi", "dWc", "dWo", "dbf", "dbi", "dbc", "dbo"))
    _shapes(check, gradients, {"dxt": (3, 10), "da_prev": (5, 10), "dc_prev": (5, 10), "dWf": (5, 8),
                               "dbf": (5, 1)})
    check.same("dxt[1][:3]", np.array([-0.47078795450046484, -1.3833528655283118, -0.22210616532053665]),
               gradients["dxt"][1][:3])
    check.same("da_prev[2][:3]", np.array([-1.6210709368369698, 1.8544017085756188, -0.9739465505324386]),
               gradients["da_prev"][2][:3])
    check.same("dc_prev[2][:3]", np.array([-0.7556835013552679, 0.4893262086436603, -0.9905416079076282]),
               gradients["dc_prev"][2][:3])
    check.same("dWf[3][:3], dWi[3][:3], dWc[3][:3], dWo[3][:3]",
               np.array([[-0.355410281032844, -0.1879402878362555, -0.07275617438260834],
                         [0.060329774890049974, 0.18778531873835022, -0.24976633468483078],
                         [0.16575894622827803, -0.7642268880151308, -0.14661892942825208],
                         [-0.14646665210063212, -0.015210994046292474, 0.13364278843626404]]),
               _part(lambda: np.array([gradients[key][3][:3] for key in ("dWf", "dWi", "dWc", "dWo")])))
    check.same("dbf[4], dbi[4], dbc[4], dbo[4]",
               np.array([-0.10059311231505437, -0.33766465545788055, -1.0574294402693794, -0.13068786525733703]),
               _part(lambda: np.array([gradients[key][4, 0] for key in ("dbf", "dbi", "dbc", "dbo")])))
    check.done()


def lstm_backward_test(target):
    check = Checker("lstm_backward")
    state = _seeded()
    parameters = _gated_parameters(state, "fioc")
    steps = [_lstm_cache(state, parameters, m=4) for _ in range(3)]
    x = np.stack([step[8] for step in steps], axis=-1)
    da = state.randn(5, 4, 3)
    gradients = check.call(target, da, (steps, x), case="random caches, n_x = 3, n_a = 5, m = 4, T_x = 3")
    _keys(check, gradients, ("dx", "da0", "dWf", "dWi", "dWc", "dWo", "dbf", "dbi", "dbc", "dbo"))
    _shapes(check, gradients, {"dx": (3, 4, 3), "da0": (5, 4), "dWf": (5, 8), "dbo": (5, 1)})
    check.same("dx[1][2]", np.array([0.21904717891676254, 0.21328266753807334, 0.1127126849230439]),
               gradients["dx"][1][2])
    check.same("da0[2]", np.array([0.12653507602188546, -0.04711326141393285, 0.5394895530137854,
                                   1.5031931303427504]), gradients["da0"][2])
    check.same("dWf[3][:3], dWi[3][:3], dWc[3][:3], dWo[3][:3]",
               np.array([[-0.173815849822947, -0.14748282374781052, -0.13056914030689448],
                         [-0.02171180915395542, -0.07860973402995489, -0.06242458749143724],
                         [-0.010607904336100711, 0.0883514000009069, 0.27144593067585987],
                         [-0.1363006274343792, -0.6814596947152659, -0.09321110947478504]]),
               _part(lambda: np.array([gradients[key][3][:3] for key in ("dWf", "dWi", "dWc", "dWo")])))
    check.same("dbf[4], dbi[4], dbc[4], dbo[4]",
               np.array([0.04020712149330551, -0.3462638169974447, -0.5741760335657555, -1.0549399363720673]),
               _part(lambda: np.array([gradients[key][4, 0] for key in ("dbf", "dbi", "dbc", "dbo")])))
    check.done()


def gru_cell_forward_test(target):
    check = Checker("gru_cell_forward")
    state = _seeded()
    xt, a_prev = state.randn(3, 10), state.randn(5, 10)
    parameters = _gated_parameters(state, "urc")
    out = check.call(target, xt, a_prev, parameters, case="xt (3, 10), a_prev (5, 10), np.random.seed(1)")
    check.true("returns (a_next, yt_pred, cache)", isinstance(out, tuple) and len(out) == 3, "a triple")
    a_next, yt, cache = out
    check.same("shapes of a_next, yt_pred", ((5, 10), (2, 10)), (np.shape(a_next), np.shape(yt)))
    check.same("a_next[4, :4]", np.array([-1.4123110684720288, -0.4824904841923798, 0.13971334436115193,
                                          0.8875315204834116]), a_next[4, :4])
    check.same("yt_pred[1, :4]", np.array([0.7553142709261327, 0.00261151612812409, 0.04392701423539715,
                                           0.03915875908575615]), yt[1, :4])
    check.true("cache is (a_next, a_prev, ut, rt, cct, xt, parameters)",
               isinstance(cache, tuple) and len(cache) == 7 and cache[0] is a_next and cache[1] is a_prev
               and cache[5] is xt and cache[6] is parameters, "a tuple of 7 values in this order")
    check.same("ut[2, :3], rt[2, :3], cct[2, :3] in the cache",
               np.array([[0.966492206656077, 0.856818747495483, 0.9029672246267786],
                         [0.6268790319552232, 0.223877702414128, 0.2768076974434314],
                         [0.9915185602093702, -0.9770850861382285, 0.8149720275544232]]),
               _part(lambda: np.array([cache[2][2, :3], cache[3][2, :3], cache[4][2, :3]])))
    check.done()


def gru_cell_backward_test(target):
    check = Checker("gru_cell_backward")
    state = _seeded()
    parameters = _gated_parameters(state, "urc")
    a_prev, xt = np.tanh(state.randn(5, 10)), state.randn(3, 10)
    ut, rt, cct = _gate(state, 5, 10), _gate(state, 5, 10), np.tanh(state.randn(5, 10))
    cache = (ut * cct + (1 - ut) * a_prev, a_prev, ut, rt, cct, xt, parameters)
    da_next = state.randn(5, 10)
    gradients = check.call(target, da_next, cache, case="a random cache, n_x = 3, n_a = 5, m = 10")
    _keys(check, gradients, ("dxt", "da_prev", "dWu", "dbu", "dWr", "dbr", "dWc", "dbc"))
    _shapes(check, gradients, {"dxt": (3, 10), "da_prev": (5, 10), "dWu": (5, 8), "dWr": (5, 8), "dWc": (5, 8),
                               "dbc": (5, 1)})
    check.same("dxt[1][:3]", np.array([-0.2630567108382578, 0.5460196156246564, 0.5070259110242039]),
               gradients["dxt"][1][:3])
    check.same("da_prev[2][:3]", np.array([0.7969448504642752, 0.02702958868842386, 2.621547796949081]),
               gradients["da_prev"][2][:3])
    check.same("dWu[3][:3], dWr[3][:3], dWc[3][:3]",
               np.array([[-0.5406619343270368, -0.06101412446419709, -0.3770562810104516],
                         [-0.119041624743328, -0.24363681393707204, -0.14243423759366755],
                         [-0.2967787356117222, -0.4577403033285835, -0.07933521523914512]]),
               _part(lambda: np.array([gradients[key][3][:3] for key in ("dWu", "dWr", "dWc")])))
    check.same("dbu[4], dbr[4], dbc[4]", np.array([-0.29198322312181524, -0.09987078210055497, -0.07700750960046399]),
               _part(lambda: np.array([gradients[key][4, 0] for key in ("dbu", "dbr", "dbc")])))
    check.done()

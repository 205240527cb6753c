"""Public tests of *Word2vec and GloVe from scratch* (c5w2_word2vec_and_glove).

Small fixed inputs with the expected values written out: a seven-word text for the pairs and the
co-occurrence counts, counts with a zero for the sampling distribution, ``np.random.seed(1)``
vectors for the skip-gram loss (one pair and a batch of two), and a 4 × 4 co-occurrence matrix
with zeros and counts above ``x_max`` for GloVe.
"""
import numpy as np

from helpers.checks import Checker

__all__ = [
    "cooccurrence_matrix_test",
    "glove_loss_and_grads_test",
    "glove_weight_test",
    "negative_sampling_distribution_test",
    "sgns_loss_and_grads_test",
    "skipgram_pairs_test",
]

TEXT = np.array([3, 1, 4, 1, 5, 9, 2])
GLOVE_X = np.array([[0.0, 3.0, 12.0, 0.0], [3.0, 250.0, 1.0, 0.0], [12.0, 1.0, 0.0, 40.0], [0.0, 0.0, 40.0, 2.0]])


def _seeded():
    """The numbers ``np.random.seed(1)`` would give, without changing numpy's global random state."""
    return np.random.RandomState(1)


def _part(get):
    try:
        return get()
    except (TypeError, IndexError, KeyError, ValueError):
        return None


def sgns_inputs(state, m=None, K=3, n_e=4):
    """e_c, theta_t, theta_neg for one pair (m None) or a batch of m pairs."""
    lead = () if m is None else (m,)
    return state.randn(*lead, n_e), state.randn(*lead, n_e), state.randn(*lead, K, n_e)


def glove_inputs(state):
    """theta, e, b, b_prime for the 4 × 4 matrix GLOVE_X, n_e = 3."""
    return state.randn(4, 3) * 0.5, state.randn(4, 3) * 0.5, state.randn(4) * 0.1, state.randn(4) * 0.1


def _pair_result(check, out, names):
    check.true("returns (loss, grads)", isinstance(out, tuple) and len(out) == 2, "a pair (loss, grads)")
    loss, grads = out
    check.true("loss is a float", isinstance(loss, float), f"a Python float, got {type(loss).__name__}")
    check.true("grads has the expected keys", isinstance(grads, dict) and set(grads) == set(names),
               f"a dict with keys {sorted(names)}, got "
               + (f"keys {sorted(grads)}" if isinstance(grads, dict) else type(grads).__name__))
    return loss, grads


def skipgram_pairs_test(target):
    check = Checker("skipgram_pairs")
    pairs = check.call(target, TEXT, 2, case="text [3, 1, 4, 1, 5, 9, 2], window 2")
    check.true("returns a numpy array", isinstance(pairs, np.ndarray), f"an ndarray, got {type(pairs).__name__}")
    check.same("shape", (22, 2), pairs.shape)
    check.true("dtype int64", pairs.dtype == np.int64, f"int64, got {pairs.dtype}")
    check.same("first five rows (context 3, then the first 1)", np.array([[3, 1], [3, 4], [1, 3], [1, 4], [1, 1]]),
               pairs[:5])
    check.same("last three rows", np.array([[9, 2], [2, 5], [2, 9]]), pairs[-3:])
    short = check.call(target, np.array([7, 8]), 3, case="text [7, 8], window 3")
    check.same("a window wider than the text", np.array([[7, 8], [8, 7]]), short)
    check.done()


def negative_sampling_distribution_test(target):
    check = Checker("negative_sampling_distribution")
    counts = np.array([10, 0, 3, 1, 6])
    P = check.call(target, counts, case="counts [10, 0, 3, 1, 6]")
    check.same("P with power 3/4", np.array([0.4415167747081293, 0.0, 0.17897326030065805, 0.07851401896502602,
                                             0.3009959460261866]), P)
    check.true("P is float64", getattr(P, "dtype", None) == np.float64, f"float64, got {getattr(P, 'dtype', None)}")
    check.same("P sums to 1", 1.0, float(np.sum(P)))
    P_half = check.call(target, counts, 0.5, case="counts [10, 0, 3, 1, 6], power 0.5")
    check.same("P with power 1/2", np.array([0.3789964714453116, 0.0, 0.20758491662545972, 0.1198492074934152,
                                             0.2935694044358133]), P_half)
    check.done()


def sgns_loss_and_grads_test(target):
    check = Checker("sgns_loss_and_grads")
    state = _seeded()
    out = check.call(target, *sgns_inputs(state), case="one pair, K = 3, n_e = 4, np.random.seed(1)")
    loss, grads = _pair_result(check, out, ("de_c", "dtheta_t", "dtheta_neg"))
    check.same("loss", 3.6548812648317672, loss)
    check.same("shapes of de_c, dtheta_t, dtheta_neg", ((4,), (4,), (3, 4)),
               tuple(np.shape(grads[k]) for k in ("de_c", "dtheta_t", "dtheta_neg")))
    check.same("de_c", np.array([-0.02374082512985426, -0.652829215359616, 1.861163431389323, -2.184269956288487]),
               grads["de_c"])
    check.same("dtheta_t", np.array([-0.10144142277801148, 0.03820458529477053, 0.03298466891297645,
                                     0.06700758721791747]), grads["dtheta_t"])
    check.same("dtheta_neg[0]", np.array([1.4485512710108166, -0.5455493335132601, -0.4710105868913328,
                                          -0.9568470450605919]), _part(lambda: grads["dtheta_neg"][0]))
    out = check.call(target, *sgns_inputs(state, m=2), case="a batch of 2 pairs, K = 3, n_e = 4")
    loss, grads = _pair_result(check, out, ("de_c", "dtheta_t", "dtheta_neg"))
    check.same("batch loss (the sum over the pairs)", 7.398390617779139, loss)
    check.same("batch shapes", ((2, 4), (2, 4), (2, 3, 4)),
               tuple(np.shape(grads[k]) for k in ("de_c", "dtheta_t", "dtheta_neg")))
    check.same("batch de_c[1]", np.array([0.4220536029906341, 0.9426038395480879, 0.5229320572930607,
                                          0.2412720313009558]), _part(lambda: grads["de_c"][1]))
    check.same("batch dtheta_neg[0, 2]", np.array([-0.670088165636279, 0.6969402557833043, 0.5489139973433717,
                                                   0.3059328028883037]), _part(lambda: grads["dtheta_neg"][0, 2]))
    check.done()


def cooccurrence_matrix_test(target):
    check = Checker("cooccurrence_matrix")
    X = check.call(target, np.array([0, 1, 2, 1, 0, 1]), 4, 2, case="text [0, 1, 2, 1, 0, 1], V = 4, window 2")
    check.true("returns a numpy array", isinstance(X, np.ndarray), f"an ndarray, got {type(X).__name__}")
    check.same("shape", (4, 4), X.shape)
    check.true("dtype float64", X.dtype == np.float64, f"float64, got {X.dtype}")
    check.same("X (word 1 sits twice within 2 of itself: X[1, 1] = 4, both directions)",
               np.array([[0.0, 3.0, 2.0, 0.0], [3.0, 4.0, 2.0, 0.0], [2.0, 2.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0]]), X)
    check.done()


def glove_weight_test(target):
    check = Checker("glove_weight")
    fx = check.call(target, np.array([0.0, 1.0, 50.0, 100.0, 250.0]), case="x = [0, 1, 50, 100, 250]")
    check.same("f(x), x_max = 100, alpha = 3/4", np.array([0.0, 0.03162277660168379, 0.5946035575013605, 1.0, 1.0]),
               fx)
    fx = check.call(target, np.array([[0.0, 5.0], [10.0, 20.0]]), x_max=10, alpha=0.5,
                    case="x = [[0, 5], [10, 20]], x_max = 10, alpha = 1/2")
    check.same("f(x), shape kept", np.array([[0.0, 0.7071067811865476], [1.0, 1.0]]), fx)
    check.done()


def glove_loss_and_grads_test(target):
    check = Checker("glove_loss_and_grads")
    theta, e, b, b_prime = glove_inputs(_seeded())
    out = check.call(target, GLOVE_X, theta, e, b, b_prime, case="a 4 x 4 matrix with zeros, n_e = 3")
    loss, grads = _pair_result(check, out, ("dtheta", "de", "db", "db_prime"))
    check.true("loss is a number (zero counts must not give nan)", np.isfinite(loss), f"a finite number, got {loss}")
    check.same("loss", 36.122247747702374, loss)
    check.same("shapes of dtheta, de, db, db_prime", ((4, 3), (4, 3), (4,), (4,)),
               tuple(np.shape(grads[k]) for k in ("dtheta", "de", "db", "db_prime")))
    check.same("dtheta[1]", np.array([5.294479095880961, 0.8854319542629846, 4.019011210740942]),
               _part(lambda: grads["dtheta"][1]))
    check.same("de[1]", np.array([4.9485161797060755, -4.064400422250102, 11.030615030838304]),
               _part(lambda: grads["de"][1]))
    check.same("db", np.array([-1.1564689923091582, -9.774971946069176, -4.4430640135315755, -3.1806101380488188]),
               grads["db"])
    check.same("db_prime", np.array([-1.2855428386834884, -9.759671126810561, -4.028869509591374,
                                     -3.4810316148733054]), grads["db_prime"])
    out = check.call(target, GLOVE_X, theta, e, b, b_prime, x_max=10, alpha=1.0,
                     case="the same, x_max = 10, alpha = 1")
    check.same("loss with x_max and alpha passed on", 57.28193955436318, _part(lambda: out[0]))
    check.done()

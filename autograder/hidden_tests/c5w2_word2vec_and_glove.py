"""Hidden tests of *Word2vec and GloVe from scratch*.

The documented API, which every test holds the learner to:

- ``skipgram_pairs(token_ids, window) -> pairs``: int64 array (n_pairs, 2), rows [context, target]
  ordered by the context's position, then the target's.
- ``negative_sampling_distribution(counts, power=0.75) -> P``: float64 (V,), summing to 1.
- ``sgns_loss_and_grads(e_c, theta_t, theta_neg) -> loss, grads``: one pair ((n_e,), (n_e,), (K, n_e))
  or a batch ((m, n_e), (m, n_e), (m, K, n_e)); loss a float summed over the batch; grads
  ``{"de_c", "dtheta_t", "dtheta_neg"}`` shaped like the inputs.
- ``cooccurrence_matrix(token_ids, vocab_size, window) -> X``: float64 (V, V) counts of the pairs.
- ``glove_weight(x, x_max=100, alpha=0.75) -> fx``: float64, the shape of x.
- ``glove_loss_and_grads(X, theta, e, b, b_prime, x_max=100, alpha=0.75) -> loss, grads``: loss a
  float; grads ``{"dtheta", "de", "db", "db_prime"}``.

Random cases vary the sizes (none equal to the public examples'), repeat words so that pairs and
counts repeat, put zeros and counts above x_max in X, and include a batch of one pair and K = 1.
"""
import numpy as np

from autograder.hidden import hidden_test
from helpers.public_tests.c5w2_word2vec_and_glove import GLOVE_X, TEXT, _seeded, glove_inputs, sgns_inputs


def random_text(rng, n, V):
    """A text of n word ids drawn from V words, frequent words more often (so pairs repeat)."""
    weights = 1.0 / np.arange(1, V + 1)
    return rng.choice(V, size=n, p=weights / weights.sum()).astype(np.int64)


@hidden_test("skipgram_pairs", points=2)
def check_skipgram_pairs(check, rng):
    check.call(TEXT, 2, case="the notebook's example")
    check.call(np.array([5, 6]), 4, case="two words, a wider window")
    for n, V, window in ((int(rng.integers(15, 30)), 9, 1), (int(rng.integers(30, 60)), 20, 3),
                         (int(rng.integers(8, 12)), 50, 6)):
        check.call(random_text(rng, n, V), window, case=f"a random text of {n} words, window {window}")


@hidden_test("negative_sampling_distribution", points=1)
def check_negative_sampling_distribution(check, rng):
    check.call(np.array([10, 0, 3, 1, 6]), case="the notebook's example")
    counts = rng.integers(0, 500, size=int(rng.integers(7, 20)))
    check.call(counts, case=f"{counts.size} random integer counts")
    check.call(counts, 1.0, case="random counts, power 1")
    check.call(rng.random(13) * 1e-3, 0.3, case="frequencies instead of counts, power 0.3")


@hidden_test("sgns_loss_and_grads", points=3)
def check_sgns_loss_and_grads(check, rng):
    state = _seeded()
    check.call(*sgns_inputs(state), case="the notebook's example, one pair")
    check.call(*sgns_inputs(state, m=2), case="the notebook's batch")
    for m, K, n_e in ((None, 6, 7), (None, 1, 5), (11, 5, 6), (1, 2, 9), (7, 1, 3)):
        e_c = rng.normal(size=(n_e,) if m is None else (m, n_e))
        theta_t = rng.normal(scale=1.5, size=e_c.shape)
        theta_neg = rng.normal(scale=1.5, size=(K, n_e) if m is None else (m, K, n_e))
        shape = "one pair" if m is None else f"a batch of {m}"
        check.call(e_c, theta_t, theta_neg, case=f"{shape}, K = {K}, n_e = {n_e}")


@hidden_test("cooccurrence_matrix", points=2)
def check_cooccurrence_matrix(check, rng):
    check.call(np.array([0, 1, 2, 1, 0, 1]), 4, 2, case="the notebook's example")
    for n, V, window in ((int(rng.integers(20, 40)), 6, 2), (int(rng.integers(40, 70)), 15, 4),
                         (int(rng.integers(5, 9)), 11, 1)):
        check.call(random_text(rng, n, V), V, window, case=f"a random text of {n} words, V = {V}, window {window}")


@hidden_test("glove_weight", points=1)
def check_glove_weight(check, rng):
    check.call(np.array([0.0, 1.0, 50.0, 100.0, 250.0]), case="the notebook's example")
    x = rng.integers(0, 300, size=(5, 7)).astype(float)
    x[0, :3] = (0.0, 100.0, 99.5)
    check.call(x, case="random counts (5, 7) with 0, 100 and 99.5")
    check.call(x[:, :4], x_max=20, alpha=0.6, case="random counts, x_max = 20, alpha = 0.6")


def random_glove(rng, V, n_e):
    X = rng.poisson(4.0, size=(V, V)).astype(float)
    X = X + X.T
    X[rng.random((V, V)) < 0.3] = 0.0
    X[0, 1] = 180.0
    return (X, rng.normal(scale=0.4, size=(V, n_e)), rng.normal(scale=0.4, size=(V, n_e)),
            rng.normal(scale=0.2, size=V), rng.normal(scale=0.2, size=V))


@hidden_test("glove_loss_and_grads", points=3)
def check_glove_loss_and_grads(check, rng):
    theta, e, b, b_prime = glove_inputs(_seeded())
    check.call(GLOVE_X, theta, e, b, b_prime, case="the notebook's example")
    for V, n_e in ((7, 4), (12, 5)):
        check.call(*random_glove(rng, V, n_e), case=f"random X (V = {V}) with zeros and a count above 100, n_e = {n_e}")
    check.call(*random_glove(rng, 9, 2), x_max=5, alpha=0.5, case="random X (V = 9), x_max = 5, alpha = 0.5")

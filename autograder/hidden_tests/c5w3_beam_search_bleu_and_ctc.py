"""Hidden tests of *Beam search, BLEU and CTC*.

Every input is data (the grader's wire carries no Python callable): beam search runs on random
decoder tables (log-probabilities of shape (T, V, V), rows normalized) of other sizes, beam widths,
end tokens and α than the notebook's; BLEU's functions on sentences drawn from a small pool of words,
so that n-grams repeat and match; the CTC functions on random per-frame probabilities, alphabets with
the blank in any place, and labels with repeated letters (where a blank cannot be skipped).
"""
import numpy as np

from autograder.hidden import hidden_test
from helpers.public_tests.c5w3_beam_search_bleu_and_ctc import TOY_TABLE, TOY_VOCAB

CAT_REFERENCES = ["The cat is on the mat.", "There is a cat on the mat."]
WORDS = ["the", "cat", "is", "on", "mat", "a", "dog", "there", "sat"]


def random_table(rng, T, V):
    logits = rng.normal(scale=1.5, size=(T, V, V))
    return logits - np.log(np.exp(logits).sum(axis=2, keepdims=True))


def sentence(rng, low=3, high=10):
    words = list(rng.choice(WORDS, size=int(rng.integers(low, high))))
    return " ".join(words).capitalize() + rng.choice([".", "", "!"])


@hidden_test("length_normalized_score", points=1)
def check_length_normalized_score(check, rng):
    check.call(np.array([-1.0, -2.0, -3.0]), 0.7, case="[-1, -2, -3], alpha 0.7")
    check.call(np.array([-0.5]), case="one symbol, default alpha")
    for _ in range(3):
        log_probs = -rng.exponential(size=int(rng.integers(1, 15)))
        alpha = float(rng.choice([0.0, 0.5, 0.7, 1.0, rng.uniform()]))
        check.call(log_probs, alpha, case=f"{len(log_probs)} random log-probabilities, alpha {alpha:.3f}")


@hidden_test("beam_search", points=4)
def check_beam_search(check, rng):
    for B in (1, 2, 3):
        check.call(TOY_TABLE, TOY_VOCAB, beam_width=B, max_len=3, alpha=0.7, case=f"the notebook's toy table, B = {B}")
    for B, end in ((1, "\n"), (2, "."), (3, "\n"), (5, "$"), (int(rng.integers(2, 8)), "\n")):
        T, V = int(rng.integers(3, 8)), int(rng.integers(3, 7))
        letters = list("abcdefgh"[:V - 1])
        position = int(rng.integers(V))
        vocab = letters[:position] + [end] + letters[position:]
        table = random_table(rng, T, V)
        table[:, :, position] += float(rng.uniform(-1.5, 0.5))  # how readily outputs end
        table -= np.log(np.exp(table).sum(axis=2, keepdims=True))
        alpha = float(rng.choice([0.0, 0.7, 1.0]))
        max_len = int(rng.integers(2, T + 2))
        check.call(table, vocab, beam_width=B, max_len=max_len, alpha=alpha, end_token=end,
                   case=f"a random table {table.shape}, end token {end!r} at index {position}, B = {B}, "
                        f"max_len = {max_len}, alpha = {alpha}")
    table = random_table(rng, 6, 4)
    check.call(table, ["\n", "x", "y", "z"], case="a random table (6, 4, 4), the default B, max_len and alpha")


@hidden_test("attribute_error", points=1)
def check_attribute_error(check, rng):
    check.call(2e-10, 1e-10, case="2e-10, 1e-10")
    check.call(1e-10, 2e-10, case="1e-10, 2e-10")
    check.call(0.25, 0.25, case="equal probabilities")
    for _ in range(3):
        p_star, p_hat = (float(p) for p in 10.0 ** -rng.uniform(1, 20, size=2))
        check.call(p_star, p_hat, case=f"{p_star:.3g}, {p_hat:.3g}")


@hidden_test("modified_precision", points=3)
def check_modified_precision(check, rng):
    check.call("the the the the the the the", CAT_REFERENCES, 1, case="'the' seven times, n = 1")
    check.call("The cat the cat on the mat.", CAT_REFERENCES, 2, case="'The cat the cat on the mat.', n = 2")
    check.call("the cat", CAT_REFERENCES, 3, case="two words, n = 3")
    for n in (1, 2, 3, 4, int(rng.integers(1, 4))):
        candidate = sentence(rng)
        references = [sentence(rng, 4, 12) for _ in range(int(rng.integers(1, 4)))]
        check.call(candidate, references, n, case=f"{candidate!r} against {references}, n = {n}")


@hidden_test("brevity_penalty", points=1)
def check_brevity_penalty(check, rng):
    for c, r in ((7, 6), (6, 6), (5, 6), (0, 4), (int(rng.integers(1, 20)), int(rng.integers(1, 20))),
                 (int(rng.integers(1, 5)), int(rng.integers(10, 30)))):
        check.call(c, r, case=f"c = {c}, r = {r}")


@hidden_test("bleu", points=3)
def check_bleu(check, rng):
    check.call("The cat is on the mat.", CAT_REFERENCES, case="a candidate equal to a reference")
    check.call("There is a cat on the mat today.", CAT_REFERENCES, case="one word more than a reference")
    check.call("The cat is on the", CAT_REFERENCES, case="a cut-off reference (brevity penalty)")
    check.call("The cat the cat on the mat.", CAT_REFERENCES, max_n=2, case="max_n = 2")
    for _ in range(4):
        references = [sentence(rng, 5, 12) for _ in range(2)]
        words = references[0].rstrip(".!").split()
        cut = int(rng.integers(2, len(words)))
        candidate = " ".join(words[:cut] + list(rng.choice(WORDS, size=int(rng.integers(0, 4)))))
        max_n = int(rng.choice([2, 3, 4]))
        check.call(candidate, references, max_n=max_n,
                   case=f"{candidate!r} against {references}, max_n = {max_n}")


@hidden_test("ctc_collapse", points=2)
def check_ctc_collapse(check, rng):
    check.call("ttt_h_eee___ ___qqq__", case="'ttt_h_eee___ ___qqq__'")
    check.call("l_l", case="'l_l'")
    check.call("", case="the empty string")
    for blank in ("_", "_", "-"):
        s = "".join(rng.choice(list("ab " + blank), size=int(rng.integers(5, 30))))
        check.call(s, blank=blank, case=f"{s!r}, blank {blank!r}")


@hidden_test("ctc_greedy_decode", points=2)
def check_ctc_greedy_decode(check, rng):
    for alphabet in ("ab_", "_abc", "a_b c"):
        T = int(rng.integers(4, 25))
        logits = rng.normal(size=(T, len(alphabet)))
        probs = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
        check.call(probs, alphabet, case=f"{T} frames, alphabet {alphabet!r}")
    probs = rng.dirichlet(np.ones(3), size=10)
    check.call(probs, "xy-", blank="-", case="10 frames, alphabet 'xy-', blank '-'")


@hidden_test("ctc_forward", points=4)
def check_ctc_forward(check, rng):
    check.call(np.array([[0.6, 0.4], [0.3, 0.7]]), "a", "a_", case="2 frames, label 'a', alphabet 'a_'")
    for label, alphabet in (("aa", "a_"), ("abb", "ab_"), ("cab", "_abc"), ("ba", "ab_c")):
        T = int(rng.integers(2 * len(label) + 1, 14))
        logits = rng.normal(size=(T, len(alphabet)))
        probs = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
        check.call(probs, label, alphabet, rtol=1e-6, atol=1e-12,
                   case=f"{T} frames, label {label!r}, alphabet {alphabet!r}")
    probs = rng.dirichlet(np.ones(3), size=5)
    check.call(probs, "xy", "xy-", blank="-", rtol=1e-6, atol=1e-12, case="5 frames, label 'xy', blank '-'")

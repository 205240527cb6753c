"""Public tests of *Beam search, BLEU and CTC* (c5w3_beam_search_bleu_and_ctc).

The fixtures are the lectures': p1 = 2/7 for "the" seven times, p2 = 4/6 for "The cat the cat on the
mat.", P(y*|x) = 2e-10 against P(y_hat|x) = 1e-10 (beam search at fault), B = 1 is greedy search,
"ttt_h_eee___ ___qqq__" reads "the q". Beam search runs on :data:`TOY_TABLE`, where greedy search
takes "a" first but "b" leads to the better output; the CTC recursion on a case small enough to sum by
hand.
"""
import numpy as np

from helpers.checks import Checker

__all__ = [
    "TOY_TABLE",
    "TOY_VOCAB",
    "attribute_error_test",
    "beam_search_test",
    "bleu_test",
    "brevity_penalty_test",
    "ctc_collapse_test",
    "ctc_forward_test",
    "ctc_greedy_decode_test",
    "length_normalized_score_test",
    "modified_precision_test",
]

CAT_REFERENCES = ["The cat is on the mat.", "There is a cat on the mat."]
TOY_VOCAB = ["\n", "a", "b"]
# P(next | previous) at each of 3 steps; rows: previous "\n" (the start), "a", "b"
_TOY = np.array([
    [[0.001, 0.599, 0.4], [1 / 3, 1 / 3, 1 / 3], [1 / 3, 1 / 3, 1 / 3]],
    [[0.2, 0.4, 0.4], [0.2, 0.34, 0.46], [0.9, 0.05, 0.05]],
    [[0.5, 0.25, 0.25], [0.4, 0.3, 0.3], [0.7, 0.2, 0.1]],
])
#: The toy decoder: log-probabilities of shape (3, 3, 3).
TOY_TABLE = np.log(_TOY)


def _none_hint(value):
    return " (have you filled in every ### START CODE HERE ### block?)" if value is None else ""


def length_normalized_score_test(target):
    check = Checker("length_normalized_score")
    log_probs = np.array([-1.0, -2.0, -3.0])
    for alpha, expected in ((0.7, -6 / 3 ** 0.7), (0.0, -6.0), (1.0, -2.0)):
        score = check.call(target, log_probs, alpha, case=f"log_probs [-1, -2, -3], alpha={alpha}")
        check.same(f"alpha = {alpha}: the sum divided by 3**{alpha}", expected, score)
    check.same("alpha defaults to 0.7", -6 / 3 ** 0.7, check.call(target, log_probs, case="default alpha"))
    check.done()


def beam_search_test(target):
    check = Checker("beam_search")
    result = check.call(target, TOY_TABLE, TOY_VOCAB, beam_width=1, max_len=3, alpha=0.7, case="B = 1")
    check.true("returns (best, best_score, history)", isinstance(result, tuple) and len(result) == 3,
               f"a tuple of 3 expected, got {type(result).__name__}{_none_hint(result)}")
    best, score, history = result
    check.same("B = 1 is greedy: 'a', then the most probable letter after 'a', then the end", "ab\n", best)
    check.same("B = 1: its normalized score", float(np.log(0.599 * 0.46 * 0.7) / 3 ** 0.7), score)
    check.same("B = 1: one pair per step", [[("a", float(np.log(0.599)))], [("ab", float(np.log(0.599 * 0.46)))],
                                            [("ab\n", float(np.log(0.599 * 0.46 * 0.7)))]], history)
    best, score, history = check.call(target, TOY_TABLE, TOY_VOCAB, beam_width=2, max_len=3, alpha=0.7,
                                      case="B = 2")
    check.same("B = 2 finds 'b' then the end, which greedy search misses", "b\n", best)
    check.same("B = 2: its normalized score", float(np.log(0.4 * 0.9) / 2 ** 0.7), score)
    check.same("B = 2: the beam after step 1", [("a", float(np.log(0.599))), ("b", float(np.log(0.4)))], history[0])
    check.same("B = 2: the beam after step 2", [("b\n", float(np.log(0.36))), ("ab", float(np.log(0.599 * 0.46)))],
               history[1])
    check.same("B = 2: stops after step 3", 3, len(history))
    best, _, history = check.call(target, TOY_TABLE, TOY_VOCAB, beam_width=3, max_len=2, alpha=0.0,
                                  case="B = 3, max_len = 2, alpha = 0")
    check.same("max_len = 2: two steps at most", 2, len(history))
    check.same("B = 3, alpha = 0: the most probable output", "b\n", best)
    check.done()


def attribute_error_test(target):
    check = Checker("attribute_error")
    check.same("P(y*|x) = 2e-10 > P(y_hat|x) = 1e-10: beam search is at fault", "beam search",
               check.call(target, 2e-10, 1e-10, case="2e-10, 1e-10"))
    check.same("P(y*|x) = 1e-10 < P(y_hat|x) = 2e-10: the model is at fault", "model",
               check.call(target, 1e-10, 2e-10, case="1e-10, 2e-10"))
    check.same("equal probabilities: the model is at fault", "model", check.call(target, 0.3, 0.3, case="0.3, 0.3"))
    check.done()


def modified_precision_test(target):
    check = Checker("modified_precision")
    p1 = check.call(target, "the the the the the the the", CAT_REFERENCES, 1, case="'the' seven times, n = 1")
    check.true("returns a float", isinstance(p1, float), f"a float expected, got {type(p1).__name__}{_none_hint(p1)}")
    check.same("'the' seven times: p1 = 2/7 (clipped to the 2 of the first reference)", 2 / 7, p1)
    check.same("'The cat the cat on the mat.': p1 = 5/7", 5 / 7,
               check.call(target, "The cat the cat on the mat.", CAT_REFERENCES, 1, case="n = 1"))
    check.same("'The cat the cat on the mat.': p2 = 4/6", 4 / 6,
               check.call(target, "The cat the cat on the mat.", CAT_REFERENCES, 2, case="n = 2"))
    check.same("a three-word candidate has no 4-gram: p4 = 0", 0.0,
               check.call(target, "the cat sat", CAT_REFERENCES, 4, case="n = 4, 3 words"))
    check.done()


def brevity_penalty_test(target):
    check = Checker("brevity_penalty")
    check.same("c = 7 > r = 6: no penalty", 1.0, check.call(target, 7, 6, case="c = 7, r = 6"))
    check.same("c = r = 6: exp(0) = 1", 1.0, check.call(target, 6, 6, case="c = 6, r = 6"))
    check.same("c = 5 < r = 6: exp(1 - 6/5)", float(np.exp(1 - 6 / 5)), check.call(target, 5, 6, case="c = 5, r = 6"))
    check.same("c = 0: 0", 0.0, check.call(target, 0, 6, case="c = 0, r = 6"))
    check.done()


def bleu_test(target):
    check = Checker("bleu")
    check.same("a candidate equal to a reference: 1", 1.0,
               check.call(target, "The cat is on the mat.", CAT_REFERENCES, case="the first reference"))
    check.same("'the' seven times: no bigram matches, so 0", 0.0,
               check.call(target, "the the the the the the the", CAT_REFERENCES, case="'the' seven times"))
    expected = float(np.exp(np.mean(np.log([7 / 8, 6 / 7, 5 / 6, 4 / 5]))))
    check.same("'There is a cat on the mat today.': (7/8 · 6/7 · 5/6 · 4/5)^(1/4), no penalty", expected,
               check.call(target, "There is a cat on the mat today.", CAT_REFERENCES, case="one word too many"))
    short = float(np.exp(1 - 6 / 5) * np.exp(np.mean(np.log([1, 1, 1, 1]))))
    check.same("'The cat is on the' (5 words, r = 6): only the brevity penalty", short,
               check.call(target, "The cat is on the", CAT_REFERENCES, case="a cut-off reference"))
    check.same("max_n = 2 on 'The cat the cat on the mat.': (5/7 · 4/6)^(1/2)", float(np.sqrt(5 / 7 * 4 / 6)),
               check.call(target, "The cat the cat on the mat.", CAT_REFERENCES, max_n=2, case="max_n = 2"))
    check.done()


def ctc_collapse_test(target):
    check = Checker("ctc_collapse")
    check.same("the lecture's 'ttt_h_eee___ ___qqq__'", "the q",
               check.call(target, "ttt_h_eee___ ___qqq__", case="'ttt_h_eee___ ___qqq__'"))
    check.same("a blank keeps two equal letters: 'l_l'", "ll", check.call(target, "l_l", case="'l_l'"))
    check.same("only blanks", "", check.call(target, "____", case="'____'"))
    check.same("another blank symbol: 'aa--b'", "ab", check.call(target, "aa--b", blank="-", case="blank='-'"))
    check.done()


def ctc_greedy_decode_test(target):
    check = Checker("ctc_greedy_decode")
    probs = np.array([[0.6, 0.1, 0.3], [0.5, 0.2, 0.3], [0.1, 0.2, 0.7], [0.7, 0.2, 0.1], [0.2, 0.5, 0.3],
                      [0.1, 0.3, 0.6]])
    check.same("argmax 'aa_ab_' reads 'aab'", "aab", check.call(target, probs, "ab_", case="6 frames, 'ab_'"))
    check.same("the same frames with the blank first in the alphabet, '_ab': still 'aab'", "aab",
               check.call(target, probs[:, [2, 0, 1]], "_ab", case="6 frames, '_ab'"))
    check.done()


def ctc_forward_test(target):
    check = Checker("ctc_forward")
    probs = np.array([[0.6, 0.4], [0.3, 0.7]])
    result = check.call(target, probs, "a", "a_", case="2 frames, label 'a', alphabet 'a_'")
    check.true("returns (alpha, probability)", isinstance(result, tuple) and len(result) == 2,
               f"a tuple of 2 expected, got {type(result).__name__}{_none_hint(result)}")
    alpha, probability = result
    check.same("alpha", np.array([[0.4, 0.6, 0.0], [0.4 * 0.7, (0.4 + 0.6) * 0.3, 0.6 * 0.7]]), alpha)
    check.same("P('a') = P(aa) + P(a_) + P(_a) = 0.18 + 0.42 + 0.12", 0.72, probability)
    probs = np.full((4, 2), 0.5)
    alpha, probability = check.call(target, probs, "aa", "a_", case="4 uniform frames, label 'aa'")
    check.same("label 'aa' needs a blank between its letters: 'a_a_', 'a__a', '_a_a', 'aa_a', 'a_aa', 5 of 16 paths",
               5 / 16, probability)
    check.same("alpha's shape", (4, 5), alpha.shape)
    check.done()

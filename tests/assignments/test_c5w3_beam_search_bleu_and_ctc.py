"""Beam search, BLEU and CTC: hidden tests catch plausible bugs in every function, accept other correct answers,
and the notebook teaches its lesson: without length normalization the name model's beam search writes very short
names; on the date translator a wider beam costs time and changes nothing, because every error is the model's;
our BLEU equals sacrebleu's; greedy CTC decoding equals TensorFlow's and the forward recursion gives
tf.nn.ctc_loss."""
import re

import pytest

from tests.support import check_mutants_and_variants, executed_reference, stderr_cells

ASSIGNMENT = "c5w3_beam_search_bleu_and_ctc"

BEAM = '''
def beam_search(log_probs, vocab, beam_width=3, max_len=20, alpha=0.7, end_token="\\n"):
    index = {{symbol: k for k, symbol in enumerate(vocab)}}
    beams = [("", [])]
    finished = []
    history = []
    for t in range(min(max_len, len(log_probs))):
        candidates = []
        for sequence, steps in beams:
            previous = {previous}
            for j, symbol in enumerate(vocab):
                candidates.append((sequence + symbol, steps + [float(log_probs[t, previous, j])]))
        kept = {kept}
        history.append([(sequence, float(sum(steps))) for sequence, steps in kept])
        finished = finished + [c for c in kept if c[0].endswith(end_token)]
        beams = [c for c in kept if {unfinished}]
        if not beams:
            break
    finished = finished + beams
    scores = [{score} for _, steps in finished]
    best_index = int(np.argmax(scores))
    return finished[best_index][0], scores[best_index], history
'''


def beam(previous="index[sequence[-1]] if sequence else index[end_token]",
         kept="sorted(candidates, key=lambda c: -sum(c[1]))[:beam_width]",
         unfinished="not c[0].endswith(end_token)", score="length_normalized_score(np.array(steps), alpha)"):
    return BEAM.format(previous=previous, kept=kept, unfinished=unfinished, score=score)


CTC_FORWARD = '''
def ctc_forward(probs, label, alphabet, blank="_"):
    extended = [blank]
    for symbol in label:
        extended += [symbol, blank]
    columns = [alphabet.index(symbol) for symbol in extended]
    T, S = probs.shape[0], len(extended)
    alpha = np.zeros((T, S))
    alpha[0, 0] = probs[0, columns[0]]
    alpha[0, 1] = probs[0, columns[1]]
    for t in range(1, T):
        for s in range(S):
            total = alpha[t - 1, s]
            if s >= 1:
                total += alpha[t - 1, s - 1]
            if {skip}:
                total += alpha[t - 1, s - 2]
            alpha[t, s] = total * probs[t, columns[s]]
    return alpha, float({ending})
'''


def ctc_forward(skip="s >= 2 and extended[s] != blank and extended[s] != extended[s - 2]",
                ending="alpha[T - 1, S - 1] + alpha[T - 1, S - 2]"):
    return CTC_FORWARD.format(skip=skip, ending=ending)


MODIFIED_PRECISION = '''
def modified_precision(candidate, references, n):
    words = tokenize(candidate)
    grams = [tuple(words[i:i + n]) for i in range(len(words) - n + 1)]
    if not grams:
        return 0.0
    clipped = 0
    for gram in set(grams):
        counts = []
        for reference in references:
            reference_words = tokenize(reference)
            counts.append([tuple(reference_words[i:i + n]) for i in range(len(reference_words) - n + 1)].count(gram))
        clipped += {clip}
    return float(clipped / {denominator})
'''


def modified_precision(clip="min(grams.count(gram), max(counts))", denominator="len(grams)"):
    return MODIFIED_PRECISION.format(clip=clip, denominator=denominator)


BLEU = '''
def bleu(candidate, references, max_n=4):
    c = len(tokenize(candidate))
    lengths = [len(tokenize(reference)) for reference in references]
    r = {r}
    precisions = [modified_precision(candidate, references, n) for n in range(1, max_n + 1)]
    if min(precisions) == 0:
        return 0.0
    return float(brevity_penalty(c, r) * {mean})
'''


def bleu(r="min(lengths, key=lambda length: (abs(length - c), length))",
         mean="np.exp(np.mean(np.log(precisions)))"):
    return BLEU.format(r=r, mean=mean)


MUTANTS = {
    "length_normalized_score": [
        "def length_normalized_score(log_probs, alpha=0.7):\n    return float(np.sum(log_probs) / len(log_probs))",
        "def length_normalized_score(log_probs, alpha=0.7):\n    return float(np.sum(log_probs) * len(log_probs) ** alpha)",
    ],
    "beam_search": [
        beam(previous="index[end_token]"),  # the previous symbol forgotten
        beam(kept="sorted(candidates, key=lambda c: sum(c[1]))[:beam_width]"),  # the worst kept
        beam(unfinished="True"),  # finished outputs stay in the beam
        beam(score="float(sum(steps))"),  # alpha ignored at the end
    ],
    "attribute_error": [
        'def attribute_error(p_star, p_hat):\n    return "beam search" if p_star >= p_hat else "model"',
        'def attribute_error(p_star, p_hat):\n    return "model" if p_star > p_hat else "beam search"',
    ],
    "modified_precision": [
        modified_precision(clip="grams.count(gram)"),  # no clipping
        modified_precision(clip="min(grams.count(gram), sum(counts))"),  # clipped by the sum over references
        modified_precision(denominator="len(set(grams))"),  # distinct n-grams counted once
    ],
    "brevity_penalty": [
        "def brevity_penalty(c, r):\n    return 1.0 if c > r else float(np.exp(1 - c / r))",
        "def brevity_penalty(c, r):\n    return 1.0 if c > r else float(np.exp(1 - r / c))",  # c = 0 raises
    ],
    "bleu": [
        bleu(mean="np.exp(np.mean(precisions))"),  # the lecture's simplification
        bleu(r="max(lengths)"),  # the longest reference
        bleu(r="lengths[0]"),  # the first reference
    ],
    "ctc_collapse": [
        'def ctc_collapse(s, blank="_"):\n    s = s.replace(blank, "")\n'
        '    return "".join(ch for i, ch in enumerate(s) if i == 0 or ch != s[i - 1])',  # blanks removed first
        'def ctc_collapse(s, blank="_"):\n    return "".join(ch for ch in s if ch != blank)',  # no collapsing
    ],
    "ctc_greedy_decode": [
        'def ctc_greedy_decode(probs, alphabet, blank="_"):\n'
        '    return "".join(alphabet[k] for k in np.argmax(probs, axis=1) if alphabet[k] != blank)',
        'def ctc_greedy_decode(probs, alphabet, blank="_"):\n'
        '    return ctc_collapse("".join(alphabet[k] for k in np.argmax(probs, axis=1)), "_")',  # blank ignored
    ],
    "ctc_forward": [
        ctc_forward(skip="s >= 2 and extended[s] != blank"),  # skipping the blank between equal letters
        ctc_forward(ending="alpha[T - 1, S - 1]"),  # ending on the last blank only
        ctc_forward(skip="s >= 2"),  # skipping onto blanks too
    ],
}

VARIANTS = {
    "length_normalized_score": [
        "def length_normalized_score(log_probs, alpha=0.7):\n"
        "    return float(np.mean(log_probs) * len(log_probs) ** (1 - alpha))",
    ],
    "beam_search": [
        beam(kept="heapq.nlargest(beam_width, candidates, key=lambda c: sum(c[1]))").replace(
            "def beam_search", "import heapq\n\n\ndef beam_search"),
        beam(score="float(np.sum(steps) / len(steps) ** alpha)"),
        # ranked by normalized scores: at one step all candidates have the same length, so the same order
        beam(kept="sorted(candidates, key=lambda c: -sum(c[1]) / len(c[1]) ** alpha)[:beam_width]"),
    ],
    "attribute_error": ['def attribute_error(p_star, p_hat):\n    return "model" if p_star <= p_hat else "beam search"'],
    "modified_precision": [
        '''
from collections import Counter


def modified_precision(candidate, references, n):
    def grams(sentence):
        words = tokenize(sentence)
        return Counter(tuple(words[i:i + n]) for i in range(len(words) - n + 1))
    counts = grams(candidate)
    total = sum(counts.values())
    if total == 0:
        return 0.0
    most = Counter()
    for reference in references:
        most |= grams(reference)
    return sum(min(count, most[gram]) for gram, count in counts.items()) / total
''',
    ],
    "brevity_penalty": [
        "import math\n\n\ndef brevity_penalty(c, r):\n    if c == 0:\n        return 0.0\n"
        "    return 1.0 if c >= r else math.exp(1 - r / c)",
    ],
    "bleu": [bleu(mean="np.prod(precisions) ** (1 / max_n)")],
    "ctc_collapse": [
        'import itertools\n\n\ndef ctc_collapse(s, blank="_"):\n'
        '    return "".join(key for key, _ in itertools.groupby(s) if key != blank)',
    ],
    "ctc_greedy_decode": [
        'def ctc_greedy_decode(probs, alphabet, blank="_"):\n'
        '    return ctc_collapse("".join(alphabet[int(np.argmax(row))] for row in probs), blank=blank)',
    ],
    "ctc_forward": [
        '''
def ctc_forward(probs, label, alphabet, blank="_"):
    extended = [blank] + [x for symbol in label for x in (symbol, blank)]
    y = probs[:, [alphabet.index(symbol) for symbol in extended]]
    S = len(extended)
    skip = np.array([s >= 2 and extended[s] != blank and extended[s] != extended[s - 2] for s in range(S)])
    alpha = np.zeros_like(y)
    alpha[0, :2] = y[0, :2]
    for t in range(1, len(y)):
        previous = alpha[t - 1]
        total = previous.copy()
        total[1:] += previous[:-1]
        total[2:] += np.where(skip[2:], previous[:-2], 0.0)
        alpha[t] = total * y[t]
    return alpha, float(alpha[-1, -1] + alpha[-1, -2])
''',
    ],
}


@pytest.mark.xdist_group(ASSIGNMENT)
def test_mutants_lose_points_and_variants_keep_them(tmp_path):
    """Do an ignored α, a forgotten previous symbol, the worst candidates kept, finished outputs left
    in the beam, >= in the error test, unclipped or sum-clipped counts, the wrong brevity ratio, the lecture's
    arithmetic mean, the longest reference, blanks removed before collapsing, a blank skipped between equal
    letters fail, while heapq, Counter, groupby and vectorized recursions pass?"""
    check_mutants_and_variants(ASSIGNMENT, MUTANTS, VARIANTS, tmp_path)


@pytest.mark.xdist_group(ASSIGNMENT)
def test_length_normalization_changes_the_names():
    """Without normalization (α = 0) does a wide beam write a name of at most two letters, and with α = 0.7 one of at
    least three? Does B = 10 score at least as well as B = 1 at α = 0? (One run: 'd' and 'jon'.)"""
    text, _ = executed_reference(ASSIGNMENT)
    rows = {int(B): re.findall(r"(\w+) \(\s*(-[\d.]+)\)", rest)
            for B, rest in re.findall(r"^\s+B = (\d+)(.*)$", text, re.MULTILINE)}
    assert set(rows) == {1, 3, 10}, text
    assert len(rows[10][0][0]) <= 2 and len(rows[10][1][0]) >= 3, rows
    assert float(rows[10][0][1]) >= float(rows[1][0][1]), rows


@pytest.mark.xdist_group(ASSIGNMENT)
def test_a_wider_beam_does_not_help_the_translator_and_every_error_is_the_models():
    """On 1,000 held-out dates, is the accuracy the same for every beam width and at least 0.95 (0.998 recorded), and
    does the tally put every error on the model?"""
    text, _ = executed_reference(ASSIGNMENT)
    accuracies = [float(a) for a in re.findall(r"exact-match accuracy ([\d.]+), [\d.]+ s for 1000 dates", text)]
    assert len(accuracies) == 5 and len(set(accuracies)) == 1 and accuracies[0] >= 0.95, text
    right, wrong, search, model = (int(n) for n in re.search(
        r"right: (\d+), wrong: (\d+) — beam search at fault: (\d+), model at fault: (\d+)", text).groups())
    assert right + wrong == 1000 and search == 0 and model == wrong, text


@pytest.mark.xdist_group(ASSIGNMENT)
def test_bleu_and_ctc_agree_with_their_oracles():
    """Does our BLEU equal sacrebleu's to rounding, greedy decoding agree with tf.nn.ctc_greedy_decoder on all 200
    problems, and the forward recursion give tf.nn.ctc_loss to float32 precision?"""
    text, _ = executed_reference(ASSIGNMENT)
    assert float(re.search(r"largest difference from sacrebleu over the 8 candidates: ([\d.e+-]+)", text)[1]) < 1e-9
    assert "agrees with tf.nn.ctc_greedy_decoder on 200 of 200 random problems" in text
    assert float(re.search(r"tf.nn.ctc_loss\| over 100 random problems: ([\d.e+-]+)", text)[1]) < 1e-4
    assert re.search(r"The cat the cat on the mat\. +0\.71 +0\.67", text)


@pytest.mark.xdist_group(ASSIGNMENT)
def test_the_reference_notebook_writes_nothing_to_stderr():
    """Does every cell of the reference notebook, run outside grading, stay free of stderr output?"""
    _, notebook = executed_reference(ASSIGNMENT)
    assert stderr_cells(notebook) == []

"""Decoding sequences: the models, figures and widgets of *Beam search, BLEU and CTC* (Course 5 week 3).

A decoder is given here as data, a table ``log_probs`` of shape (T, V, V):
``log_probs[t, i, j]`` is log P(y<t> = vocab[j] | y<t-1> = vocab[i], x), and the first step reads the
row of the end token, which doubles as the start. Two tables:

* :func:`name_model`: a character bigram model of English first names, from the ``names`` package's
  census lists (weighted by frequency): a small model whose next letter depends on the previous one,
  where beam search and length normalization both matter;
* :func:`translator_tables`: the shipped date translator of the attention notebook
  (``nmt_dates``). Its decoder does not read its own previous output, so every row of a step is the
  same distribution.

The figures take the learner's graded functions as arguments: :func:`beam_width_sweep` and
:func:`plot_beam_sweep` (accuracy and run time against the beam width), :func:`error_tally`
(search or model at fault, over a held-out set), :func:`plot_beam_tree` and :func:`beam_tree_widget`
(the hypotheses beam search keeps, under beam-width and α sliders), :func:`bleu_table` (our BLEU
beside sacrebleu's) and :func:`plot_ctc_lattice` (the α lattice of CTC).
"""
import time
from pathlib import Path

import numpy as np

__all__ = [
    "DATE_VOCAB",
    "NAME_VOCAB",
    "TRANSLATIONS",
    "beam_tree_widget",
    "beam_width_sweep",
    "bleu_table",
    "error_tally",
    "name_model",
    "plot_beam_sweep",
    "plot_beam_tree",
    "plot_ctc_lattice",
    "random_ctc_problem",
    "sacrebleu_score",
    "sequence_log_probs",
    "tokenize",
    "translator_tables",
]

#: The date translator's symbols, then the end token.
DATE_VOCAB = list("-0123456789") + ["\n"]
#: The name model's symbols: the end token (which starts every name too), then the letters.
NAME_VOCAB = ["\n"] + list("abcdefghijklmnopqrstuvwxyz")
#: Machine-translation outputs and their human references, for the BLEU table (the lecture's first two).
TRANSLATIONS = (
    ("the the the the the the the", ("The cat is on the mat.", "There is a cat on the mat.")),
    ("The cat the cat on the mat.", ("The cat is on the mat.", "There is a cat on the mat.")),
    ("The cat is on the mat.", ("The cat is on the mat.", "There is a cat on the mat.")),
    ("There is a cat on the mat today.", ("The cat is on the mat.", "There is a cat on the mat.")),
    ("Jane visits Africa in September.", ("Jane visits Africa in September.", "In September, Jane will visit Africa.")),
    ("Jane is visiting Africa in September.", ("Jane visits Africa in September.",
                                               "In September, Jane will visit Africa.")),
    ("In September, Jane is going to be visiting Africa.", ("Jane visits Africa in September.",
                                                            "In September, Jane will visit Africa.")),
    ("Jane will visit Africa.", ("Jane visits Africa in September.", "In September, Jane will visit Africa.")),
)
_IMPOSSIBLE = float(np.log(1e-12))


def tokenize(sentence):
    """The words of ``sentence``, lower-cased, punctuation dropped: ``"The cat." -> ["the", "cat"]``."""
    import re

    return re.findall(r"[\w']+", sentence.lower())


def name_model(max_len=12, *, smoothing=0.01):
    """The first-name bigram model as a table.

    Parameters
    ----------
    max_len : int, default 12
        Number of steps T of the table (the longest name it can write, end token included).
    smoothing : float, default 0.01
        Added to every count, so that no letter is impossible.

    Returns
    -------
    log_probs : ndarray of shape (max_len, 27, 27), the same (27, 27) table at every step
    vocab : list of the 27 symbols of :data:`NAME_VOCAB`
    """
    import names

    folder = Path(names.__file__).parent
    counts = np.full((len(NAME_VOCAB), len(NAME_VOCAB)), smoothing)
    index = {symbol: k for k, symbol in enumerate(NAME_VOCAB)}
    for file in ("dist.female.first", "dist.male.first"):
        for line in (folder / file).read_text().splitlines():
            name, frequency = line.split()[0].lower(), float(line.split()[1])
            if not name.isalpha() or not name.isascii():
                continue
            previous = 0
            for symbol in name + "\n":
                counts[previous, index[symbol]] += frequency
                previous = index[symbol]
    table = np.log(counts / counts.sum(axis=1, keepdims=True))
    return np.repeat(table[None], max_len, axis=0), list(NAME_VOCAB)


def translator_tables(dataset, *, model=None):
    """The shipped date translator as tables, one per human date of ``dataset``.

    Parameters
    ----------
    dataset : list of (human, ISO) pairs
    model : keras.Model, optional
        A translator with the ``nmt_dates`` architecture; default: the shipped one.

    Returns
    -------
    log_probs : ndarray of shape (m, 11, 12, 12): steps 0 to 9 are the translator's distributions over the
        11 date symbols (the end token impossible), step 10 writes the end token; rows do not depend on
        the previous symbol
    vocab : list of the 12 symbols of :data:`DATE_VOCAB`
    """
    from helpers.dates import HUMAN_VOCAB, MACHINE_VOCAB, predict_dates, string_to_int

    if model is None:
        from helpers.trained_models import load_model

        model = load_model("nmt_dates")
    X = np.array([string_to_int(human, 30, HUMAN_VOCAB) for human, _ in dataset])
    probabilities = predict_dates(model, np.eye(len(HUMAN_VOCAB), dtype=np.float32)[X])  # (m, 10, 11)
    order = [MACHINE_VOCAB[symbol] for symbol in DATE_VOCAB[:-1]]
    m, V = len(dataset), len(DATE_VOCAB)
    steps = np.full((m, 11, V), _IMPOSSIBLE)
    steps[:, :10, :-1] = np.log(np.maximum(probabilities[:, :, order], 1e-12))
    steps[:, 10, -1] = 0.0
    return np.repeat(steps[:, :, None, :], V, axis=2), list(DATE_VOCAB)


def sequence_log_probs(log_probs, vocab, sequence, end_token="\n"):
    """The log-probability of each symbol of ``sequence`` under the table: ndarray of shape (len(sequence),)."""
    index = {symbol: k for k, symbol in enumerate(vocab)}
    previous, values = index[end_token], []
    for t, symbol in enumerate(sequence):
        values.append(log_probs[t, previous, index[symbol]])
        previous = index[symbol]
    return np.array(values)


def beam_width_sweep(beam_search, tables, vocab, targets, widths=(1, 2, 3, 5, 10), *, alpha=0.7):
    """Decode every table with each beam width: ``[{"B", "accuracy", "seconds"}]``, ``targets`` the right outputs
    (end token included)."""
    rows = []
    for B in widths:
        start = time.perf_counter()
        outputs = [beam_search(table, vocab, beam_width=B, max_len=len(table), alpha=alpha)[0] for table in tables]
        seconds = time.perf_counter() - start
        rows.append({"B": B, "accuracy": float(np.mean([o == y for o, y in zip(outputs, targets)])),
                     "seconds": seconds})
    return rows


def plot_beam_sweep(rows, *, title="", ax=None):
    """Accuracy (left axis) and run time (right axis) against the beam width; returns ``ax``."""
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=(6, 3.6), layout="constrained")
    widths = [row["B"] for row in rows]
    ax.plot(widths, [row["accuracy"] for row in rows], "o-", color="tab:blue", label="accuracy")
    ax.set_xlabel("beam width B")
    ax.set_ylabel("exact-match accuracy", color="tab:blue")
    ax.set_ylim(0, 1.02)
    ax.set_xticks(widths)
    twin = ax.twinx()
    twin.plot(widths, [row["seconds"] for row in rows], "s--", color="tab:orange", label="run time")
    twin.set_ylabel("seconds for the whole set", color="tab:orange")
    twin.set_ylim(0, None)
    ax.set_title(title)
    return ax


def error_tally(beam_search, attribute_error, tables, vocab, targets, *, beam_width=3, alpha=0.7):
    """Error analysis over a held-out set: for each wrong output, is beam search or the model at fault?

    Returns ``{"right", "beam search", "model", "examples"}``: counts, and the first wrong outputs as
    ``(target, output, log P(target), log P(output))``.
    """
    tally = {"right": 0, "beam search": 0, "model": 0, "examples": []}
    for table, target in zip(tables, targets):
        output = beam_search(table, vocab, beam_width=beam_width, max_len=len(table), alpha=alpha)[0]
        if output == target:
            tally["right"] += 1
            continue
        p_star = float(np.exp(sequence_log_probs(table, vocab, target).sum()))
        p_hat = float(np.exp(sequence_log_probs(table, vocab, output).sum()))
        tally[attribute_error(p_star, p_hat)] += 1
        if len(tally["examples"]) < 5:
            tally["examples"].append((target, output, np.log(max(p_star, 1e-300)), np.log(max(p_hat, 1e-300))))
    return tally


def plot_beam_tree(history, best, *, title="", ax=None):
    """The hypotheses beam search kept at each step (one column per step, best at the top), with their
    log-probabilities; the returned best sequence's path in red. ``history`` is beam_search's third output."""
    import matplotlib.pyplot as plt

    if ax is None:
        width = max(6.0, 1.15 * len(history) + 1)
        _, ax = plt.subplots(figsize=(width, 0.55 * max(len(step) for step in history) + 1.6), layout="constrained")
    show = lambda s: s.replace("\n", "⏎")  # noqa: E731
    for t, step in enumerate(history):
        for row, (prefix, score) in enumerate(step):
            on_path = best.startswith(prefix)
            ax.text(t, -row, f"{show(prefix)}\n{score:.2f}", ha="center", va="center", fontsize=8,
                    color="tab:red" if on_path else "black",
                    bbox={"boxstyle": "round", "fc": "#fde0dd" if on_path else "#f0f0f0", "ec": "none"})
            if t:
                parents = [r for r, (p, _) in enumerate(history[t - 1]) if prefix[:-1] == p]
                for parent in parents:
                    ax.plot([t - 1 + 0.3, t - 0.3], [-parent, -row], color="tab:red" if on_path else "0.7", lw=1)
    ax.set_xlim(-0.6, len(history) - 0.4)
    ax.set_ylim(-max(len(step) for step in history) + 0.4, 0.6)
    ax.set_xticks(range(len(history)), [f"step {t + 1}" for t in range(len(history))], fontsize=8)
    ax.set_yticks([])
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.set_title(title)
    return ax


def beam_tree_widget(beam_search, log_probs, vocab, *, beam_width=3, alpha=0.7):
    """The beam tree of ``beam_search`` on the table ``log_probs``, under beam-width and α sliders (figure_widget)."""
    import ipywidgets as widgets
    import matplotlib.pyplot as plt

    from helpers.widgets import figure_widget, int_slider

    width = int_slider("beam width B", beam_width, 1, 6, "260px")
    length = widgets.FloatSlider(value=alpha, min=0.0, max=1.0, step=0.1, description="α",
                                 continuous_update=False, layout=widgets.Layout(width="260px"))

    def draw(B, a):
        best, score, history = beam_search(log_probs, vocab, beam_width=B, max_len=len(log_probs), alpha=a)
        fig, ax = plt.subplots(figsize=(max(6.0, 1.15 * len(history) + 1), 0.55 * B + 1.6), layout="constrained")
        plot_beam_tree(history, best, ax=ax)
        return fig, f"B = {B}, α = {a:.1f}: best {best.strip()!r}, normalized score {score:.3f}"

    return figure_widget(draw, {"B": width, "a": length})


def sacrebleu_score(candidate, references):
    """sacrebleu's BLEU (0 to 1) of one candidate on the same words as ours: lower-cased, punctuation dropped,
    no smoothing, the closest reference length."""
    from sacrebleu.metrics import BLEU

    words = lambda s: " ".join(tokenize(s))  # noqa: E731
    metric = BLEU(tokenize="none", smooth_method="none", effective_order=False)
    return metric.corpus_score([words(candidate)], [[words(r)] for r in references]).score / 100


def bleu_table(bleu, modified_precision, brevity_penalty, translations=TRANSLATIONS):
    """A text table: each candidate's p1 … p4, brevity penalty and BLEU by the learner's functions, beside
    sacrebleu's BLEU on the same words."""
    lines = [f"{'candidate':<52} {'p1':>5} {'p2':>5} {'p3':>5} {'p4':>5} {'BP':>5} {'BLEU':>6} {'sacrebleu':>9}"]
    for candidate, references in translations:
        ps = [modified_precision(candidate, list(references), n) for n in range(1, 5)]
        c = len(tokenize(candidate))
        lengths = [len(tokenize(r)) for r in references]
        r = min(lengths, key=lambda n: (abs(n - c), n))
        ours, theirs = bleu(candidate, list(references)), sacrebleu_score(candidate, references)
        lines.append(f"{candidate[:52]:<52} " + " ".join(f"{p:5.2f}" for p in ps)
                     + f" {brevity_penalty(c, r):5.2f} {ours:6.3f} {theirs:9.3f}")
    return "\n".join(lines)


def random_ctc_problem(rng, *, T=12, alphabet="abc_", label_length=3):
    """Per-frame probabilities (T, len(alphabet)) from random logits, and a random label without blanks."""
    logits = rng.normal(size=(T, len(alphabet)))
    probs = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    letters = [symbol for symbol in alphabet if symbol != "_"]
    label = "".join(rng.choice(letters, size=label_length))
    return probs, label


def plot_ctc_lattice(alpha, label, *, blank="_", ax=None):
    """The CTC forward lattice: α of each extended-label position (rows: blank, l1, blank, l2, …) at each frame,
    normalized per frame; returns ``ax``."""
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=(7, 3.6), layout="constrained")
    extended = [blank] + [symbol for character in label for symbol in (character, blank)]
    shown = alpha / np.maximum(alpha.sum(axis=1, keepdims=True), 1e-300)
    image = ax.imshow(shown.T, cmap="Greens", aspect="auto", origin="upper")
    ax.set_yticks(range(len(extended)), extended)
    ax.set_xlabel("frame t")
    ax.set_ylabel("extended label")
    ax.set_title(f"forward variables α for {label!r} (each frame normalized)")
    ax.figure.colorbar(image, ax=ax, label="share of α at frame t")
    return ax

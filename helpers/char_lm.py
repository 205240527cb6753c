"""A character-level language model in numpy (Course 5, week 1, *Dinosaur island*): data, the RNN's
given steps, what training looks like, and a sampling widget.

Data: :func:`load_corpus` returns one name a line, lower-case: ``"dinosaurs"`` (the genera of
:mod:`helpers.dinosaur_genera`) or ``"first names"`` (the US census first names shipped with the
installed ``names`` package). The RNN follows the original assignment's layout: one character at a
time, ``x`` a one-hot column of shape ``(vocab_size, 1)``, parameters ``Wax (n_a, vocab_size)``,
``Waa (n_a, n_a)``, ``Wya (vocab_size, n_a)``, ``b (n_a, 1)``, ``by (vocab_size, 1)``. The
functions the notebook gives you (:func:`initialize_parameters`, :func:`rnn_forward`,
:func:`rnn_backward`, :func:`update_parameters`, :func:`smooth`, :func:`get_initial_loss`,
:func:`get_sample`) keep the original's names and signatures; the softmax is
:func:`helpers.rnn.softmax`.

Beyond the original: :func:`recording` keeps the loss of every iteration and snapshots of the
parameters while *your* ``model`` trains, :func:`name_log_likelihood` and :func:`pronounceable`
measure how name-like samples are, and :func:`char_lm_widget` samples at a temperature, from seed
characters, and draws the probability the model gave every character of one name.
"""
import contextlib
import copy
import os
import re

import matplotlib.pyplot as plt
import numpy as np

from helpers.dinosaur_genera import GENERA
from helpers.rnn import softmax

__all__ = [
    "CORPORA",
    "VOCABULARY",
    "char_lm_widget",
    "describe_samples",
    "get_initial_loss",
    "get_sample",
    "initialize_parameters",
    "load_corpus",
    "name_log_likelihood",
    "plot_character_probabilities",
    "plot_loss_curve",
    "pronounceable",
    "random_strings",
    "recording",
    "rnn_backward",
    "rnn_forward",
    "rnn_step_backward",
    "rnn_step_forward",
    "sample_names",
    "sample_with_temperature",
    "smooth",
    "update_parameters",
    "write_dinosaur_file",
]

#: The corpora :func:`load_corpus` knows, with where their names come from.
CORPORA = {
    "dinosaurs": "dinosaur genera written for this course (helpers/dinosaur_genera.py)",
    "first names": "US census first names, male and female, from the installed `names` package",
}
#: The 27 characters of both corpora: the newline that ends a name, then a to z.
VOCABULARY = "\n" + "abcdefghijklmnopqrstuvwxyz"


def _census_first_names():
    import names

    folder = os.path.dirname(names.__file__)
    found = set()
    for file in ("dist.male.first", "dist.female.first"):
        with open(os.path.join(folder, file), encoding="utf-8") as handle:
            found.update(line.split()[0].lower() for line in handle if line.strip())
    return sorted(name for name in found if name.isalpha())


def load_corpus(corpus="dinosaurs"):
    """The names of a corpus as one text, one lower-case name a line (like the original's ``dinos.txt``).

    Parameters
    ----------
    corpus : {"dinosaurs", "first names"}
        ``"dinosaurs"``: 980 genus names from :mod:`helpers.dinosaur_genera`; ``"first names"``: the
        5,163 distinct first names of the 1990 US census files in the ``names`` package.

    Returns
    -------
    data : str
        The names joined by ``"\\n"``; ``data.split("\\n")`` gives them back.
    """
    if corpus == "dinosaurs":
        return "\n".join(GENERA)
    if corpus == "first names":
        return "\n".join(_census_first_names())
    raise ValueError(f"unknown corpus {corpus!r}; known: {', '.join(CORPORA)}")


def write_dinosaur_file(path):
    """Write the dinosaur genera to ``path``, one a line, as the original's ``dinos.txt``; return the path."""
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(load_corpus("dinosaurs") + "\n")
    return path


# ---------------------------------------------------------------- the original's given functions
def smooth(loss, cur_loss):
    """An exponential moving average of the loss: ``0.999 * loss + 0.001 * cur_loss``."""
    return loss * 0.999 + cur_loss * 0.001


def get_initial_loss(vocab_size, seq_length):
    """The loss of a uniform guess over ``vocab_size`` characters for ``seq_length`` characters."""
    return -np.log(1.0 / vocab_size) * seq_length


def get_sample(sample_ix, ix_to_char):
    """The text of a list of indices, its first letter capitalized (the newline kept)."""
    text = "".join(ix_to_char[ix] for ix in sample_ix)
    return text[0].upper() + text[1:] if text else text


def initialize_parameters(n_a, n_x, n_y):
    """Small random weights and zero biases, drawn after ``np.random.seed(1)`` as in the original.

    Returns
    -------
    parameters : dict
        ``Wax (n_a, n_x)``, ``Waa (n_a, n_a)``, ``Wya (n_y, n_a)`` (standard normal × 0.01),
        ``b (n_a, 1)`` and ``by (n_y, 1)`` (zeros).
    """
    np.random.seed(1)
    Wax = np.random.randn(n_a, n_x) * 0.01
    Waa = np.random.randn(n_a, n_a) * 0.01
    Wya = np.random.randn(n_y, n_a) * 0.01
    return {"Wax": Wax, "Waa": Waa, "Wya": Wya, "b": np.zeros((n_a, 1)), "by": np.zeros((n_y, 1))}


def rnn_step_forward(parameters, a_prev, x):
    """One step: ``a_next = tanh(Wax x + Waa a_prev + b)`` and ``p_t = softmax(Wya a_next + by)``."""
    a_next = np.tanh(parameters["Wax"] @ x + parameters["Waa"] @ a_prev + parameters["b"])
    p_t = softmax(parameters["Wya"] @ a_next + parameters["by"])
    return a_next, p_t


def rnn_step_backward(dy, gradients, parameters, x, a, a_prev):
    """Add one step's contribution to ``gradients`` (changed in place and returned).

    ``dy`` is the gradient of the loss with respect to the step's scores ``Wya a + by``; the
    gradient reaching ``a`` is the output layer's plus ``gradients["da_next"]``, the one coming back
    from the following step, which this step replaces with the gradient for ``a_prev``.
    """
    gradients["dWya"] += dy @ a.T
    gradients["dby"] += dy
    dz = (1 - a ** 2) * (parameters["Wya"].T @ dy + gradients["da_next"])
    gradients["db"] += dz
    gradients["dWax"] += dz @ x.T
    gradients["dWaa"] += dz @ a_prev.T
    gradients["da_next"] = parameters["Waa"].T @ dz
    return gradients


def update_parameters(parameters, gradients, lr):
    """One step of gradient descent on every parameter, in place; returns ``parameters``."""
    for name in ("Wax", "Waa", "Wya", "b", "by"):
        parameters[name] += -lr * gradients["d" + name]
    return parameters


def rnn_forward(X, Y, a0, parameters, vocab_size=27):
    """Run the RNN over one name and add up the cross-entropy of every prediction.

    Parameters
    ----------
    X : list of int or None
        The input indices; ``None`` (the first input) stands for a zero vector.
    Y : list of int
        The index to predict at every step (``X`` shifted by one, then the newline's).
    a0 : ndarray of shape (n_a, 1)
    parameters : dict
    vocab_size : int, default 27

    Returns
    -------
    loss : float
        ``-sum_t log y_hat[t][Y[t]]``.
    cache : tuple
        ``(y_hat, a, x)``: dicts by step (``a[-1]`` is ``a0``).
    """
    x, a, y_hat = {}, {-1: np.copy(a0)}, {}
    loss = 0.0
    for t in range(len(X)):
        x[t] = np.zeros((vocab_size, 1))
        if X[t] is not None:
            x[t][X[t]] = 1
        a[t], y_hat[t] = rnn_step_forward(parameters, a[t - 1], x[t])
        loss -= np.log(y_hat[t][Y[t], 0])
    return loss, (y_hat, a, x)


def rnn_backward(X, Y, parameters, cache):
    """Backpropagation through time over one name.

    Returns
    -------
    gradients : dict
        ``dWax, dWaa, dWya, db, dby`` (and ``da_next``, the gradient for ``a0``).
    a : dict
        The hidden states of the forward pass, by step.
    """
    y_hat, a, x = cache
    gradients = {"d" + name: np.zeros_like(parameters[name]) for name in ("Wax", "Waa", "Wya", "b", "by")}
    gradients["da_next"] = np.zeros_like(a[0])
    for t in reversed(range(len(X))):
        dy = np.copy(y_hat[t])
        dy[Y[t]] -= 1
        gradients = rnn_step_backward(dy, gradients, parameters, x[t], a[t], a[t - 1])
    return gradients, a


# ---------------------------------------------------------------- watching the model train
class _History:
    """What :func:`recording` collects: ``losses`` (one per iteration), ``smoothed`` and ``snapshots``."""

    def __init__(self, snapshot_at, vocab_size, dino_names):
        self.snapshot_at = set(snapshot_at)
        self.losses, self.snapshots = [], {}
        self.initial = get_initial_loss(vocab_size, dino_names)

    @property
    def smoothed(self):
        """The loss the model prints: smoothed from the uniform guess's, iteration by iteration."""
        values, loss = [], self.initial
        for value in self.losses:
            loss = smooth(loss, value)
            values.append(loss)
        return np.array(values)


@contextlib.contextmanager
def recording(model, *, snapshot_at=(), vocab_size=27, dino_names=7):
    """While the block runs, record every call of the ``optimize`` your ``model`` uses.

    ``model`` looks ``optimize`` up in the notebook's globals; for the block that name is bound to
    a wrapper that calls your ``optimize`` and keeps its loss, and keeps a copy of the parameters
    *before* the iterations listed in ``snapshot_at`` (0 is the untrained network). Yields the
    history: ``losses`` (a list, one per iteration), ``smoothed`` (an array, the loss ``model``
    prints) and ``snapshots`` (``{iteration: parameters}``).
    """
    namespace = model.__globals__
    if "optimize" not in namespace:
        raise NameError("model must call a function named optimize, defined in the notebook")
    optimize = namespace["optimize"]
    history = _History(snapshot_at, vocab_size, dino_names)

    def recorded(X, Y, a_prev, parameters, *args, **kwargs):
        if len(history.losses) in history.snapshot_at:
            history.snapshots[len(history.losses)] = copy.deepcopy(parameters)
        result = optimize(X, Y, a_prev, parameters, *args, **kwargs)
        history.losses.append(float(result[0]))
        return result

    namespace["optimize"] = recorded
    try:
        yield history
    finally:
        namespace["optimize"] = optimize


def plot_loss_curve(history, *, every=2000, ax=None):
    """The loss of every iteration (faint) and its smoothed value (the one ``model`` prints), with the
    iterations at which ``model`` printed samples marked."""
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 3.6), layout="constrained")
    losses = np.asarray(history.losses)
    ax.plot(losses, color="0.8", lw=0.6, label="loss of one name")
    ax.plot(history.smoothed, color="C0", lw=2, label="smoothed loss (printed by model)")
    for j in range(0, len(losses), every):
        ax.axvline(j, color="C1", lw=0.6, alpha=0.5)
    ax.set_ylim(0, max(float(np.percentile(losses, 99.5)) if len(losses) else 1, history.initial) * 1.05)
    ax.set_xlabel("iteration (one name each)")
    ax.set_ylabel("loss (nats per name)")
    ax.set_title("Training the character-level model (orange lines: samples printed)")
    ax.legend(loc="upper right")
    return ax


# ---------------------------------------------------------------- sampling and measuring names
def _one_hot(ix, vocab_size):
    x = np.zeros((vocab_size, 1))
    if ix is not None:
        x[ix] = 1
    return x


def sample_with_temperature(parameters, char_to_ix, *, temperature=1.0, prefix="", random_state=None,
                            max_length=50):
    """Sample one name that starts with ``prefix``, dividing the scores by ``temperature``.

    Temperature 1 samples the model's own distribution (as ``sample`` does); below 1 it favours
    the likeliest characters, above 1 it flattens the distribution. Draws from a local generator.

    Returns
    -------
    name : str
        The sampled name (the prefix included), without the newline.
    steps : list of (str, ndarray of shape (vocab_size,))
        For every character after the prefix (the final newline included): the character and
        the distribution it was drawn from.
    """
    if temperature <= 0:
        raise ValueError(f"temperature must be positive, got {temperature!r}")
    rng = np.random.default_rng(random_state)
    ix_to_char = {i: c for c, i in char_to_ix.items()}
    vocab_size, newline = parameters["by"].shape[0], char_to_ix["\n"]
    Wax, Waa, Wya, b, by = (parameters[k] for k in ("Wax", "Waa", "Wya", "b", "by"))
    a, x = np.zeros((Waa.shape[0], 1)), _one_hot(None, vocab_size)
    indices = [char_to_ix[c] for c in prefix]
    for ix in indices:  # read the prefix
        a, x = np.tanh(Wax @ x + Waa @ a + b), _one_hot(ix, vocab_size)
    steps = []
    for _ in range(max_length):
        a = np.tanh(Wax @ x + Waa @ a + b)
        p = softmax((Wya @ a + by) / temperature).ravel()
        ix = int(rng.choice(vocab_size, p=p))
        steps.append((ix_to_char[ix], p))
        if ix == newline:
            break
        indices.append(ix)
        x = _one_hot(ix, vocab_size)
    return "".join(ix_to_char[i] for i in indices), steps


def sample_names(parameters, char_to_ix, n, *, temperature=1.0, prefix="", random_state=0):
    """``n`` names sampled with :func:`sample_with_temperature`, from one seeded generator."""
    rng = np.random.default_rng(random_state)
    return [sample_with_temperature(parameters, char_to_ix, temperature=temperature, prefix=prefix,
                                    random_state=rng)[0] for _ in range(n)]


def name_log_likelihood(parameters, char_to_ix, name):
    """The average log-probability per character (the ending newline included) the model gives ``name``.

    A uniform guess over 27 characters gives ``log(1/27) ≈ -3.30``; the closer to 0, the more the
    name looks like the training names to the model.
    """
    indices = [char_to_ix[c] for c in name] + [char_to_ix["\n"]]
    vocab_size = parameters["by"].shape[0]
    a, x, total = np.zeros((parameters["Waa"].shape[0], 1)), _one_hot(None, vocab_size), 0.0
    for ix in indices:
        a, p = rnn_step_forward(parameters, a, x)
        total += np.log(p[ix, 0])
        x = _one_hot(ix, vocab_size)
    return total / len(indices)


_VOWELS = set("aeiouy")


def pronounceable(name):
    """A rough rule: 3 to 20 letters, at least one vowel (y counts), no run of more than three
    consonants or of more than two vowels, and no letter three times in a row."""
    if not 3 <= len(name) <= 20 or not name.isalpha() or not _VOWELS & set(name):
        return False
    if re.search(r"(.)\1\1", name):
        return False
    runs = re.findall(r"[aeiouy]+|[^aeiouy]+", name)
    return all(len(run) <= (2 if run[0] in _VOWELS else 3) for run in runs)


def random_strings(n, *, lengths, random_state=0):
    """``n`` strings of uniformly random letters, their lengths drawn from ``lengths`` (e.g. the corpus's)."""
    rng = np.random.default_rng(random_state)
    letters = np.array(list("abcdefghijklmnopqrstuvwxyz"))
    return ["".join(rng.choice(letters, size=int(rng.choice(lengths)))) for _ in range(n)]


def describe_samples(groups, scorer, char_to_ix, corpus_names):
    """A table, one row per group of names: mean log-likelihood per character under ``scorer`` (the
    trained parameters), share of pronounceable names and of names copied from the corpus.

    Returns
    -------
    rows : dict of {str: dict}
        By group: ``log_likelihood``, ``pronounceable``, ``copied`` (fractions) and ``examples``.
    text : str
        The table, printed.
    """
    corpus = set(corpus_names)
    rows, lines = {}, [f"{'names':<34}{'log-lik./char':>14}{'pronounceable':>15}{'in corpus':>11}  examples"]
    for label, names in groups.items():
        names = [n for n in names if n] or [""]
        with np.errstate(divide="ignore"):
            ll = float(np.mean([name_log_likelihood(scorer, char_to_ix, n) for n in names]))
        rows[label] = {"log_likelihood": ll, "pronounceable": float(np.mean([pronounceable(n) for n in names])),
                       "copied": float(np.mean([n in corpus for n in names])), "examples": names[:4]}
        r = rows[label]
        lines.append(f"{label:<34}{ll:>14.2f}{r['pronounceable']:>15.0%}{r['copied']:>11.0%}  "
                     + ", ".join(n.capitalize() if len(n) <= 16 else n[:15].capitalize() + "…" for n in names[:3]))
    return rows, "\n".join(lines)


def plot_character_probabilities(steps, *, prefix="", ax=None):
    """Heat map of the distribution every character of one sampled name was drawn from, the drawn
    character circled: ``steps`` as returned by :func:`sample_with_temperature`."""
    if ax is None:
        _, ax = plt.subplots(figsize=(max(5.0, 0.45 * len(steps) + 2), 6), layout="constrained")
    probabilities = np.array([p for _, p in steps]).T
    image = ax.imshow(probabilities, cmap="magma_r", vmin=0, vmax=1, aspect="auto", interpolation="nearest")
    labels = ["⏎" if c == "\n" else c for c in VOCABULARY]
    ax.set_yticks(range(len(labels)))
    ax.set_yticklabels(labels, fontsize=7)
    for t, (char, p) in enumerate(steps):
        row = VOCABULARY.index(char)
        ax.add_patch(plt.Rectangle((t - 0.5, row - 0.5), 1, 1, fill=False, ec="C0", lw=2))
        ax.text(t, -1.3, "⏎" if char == "\n" else char, ha="center", fontsize=10, color="C0")
    ax.set_xticks(range(len(steps)))
    ax.set_xticklabels([f"{p[VOCABULARY.index(c)]:.2f}" for c, p in steps], fontsize=7, rotation=90)
    ax.set_xlabel("probability of the drawn character, step by step")
    ax.set_ylim(len(labels) - 0.5, -2)
    ax.set_title(f"After “{prefix}”: what the model expected at each step" if prefix
                 else "What the model expected at each step", fontsize=10)
    ax.figure.colorbar(image, ax=ax, label="probability", shrink=0.8)
    return ax


def char_lm_widget(parameters_by_corpus, char_to_ix):
    """Sample names at a temperature, from seed characters, for each trained corpus.

    Parameters
    ----------
    parameters_by_corpus : dict of {str: dict}
        Trained parameters by corpus name (e.g. ``{"dinosaurs": parameters}``).
    char_to_ix : dict
        The 27 characters' indices.
    """
    import ipywidgets as widgets

    from helpers.widgets import choice_slider, figure_widget, int_slider, menu

    corpus = menu("corpus", parameters_by_corpus, "220px")
    temperature = choice_slider("temperature", (0.3, 0.5, 0.7, 0.85, 1.0, 1.2, 1.5, 2.0), 1.0, "330px")
    prefix = widgets.Text(value="", placeholder="a few letters, or empty", description="starts with",
                          continuous_update=False, layout=widgets.Layout(width="240px"))
    seed = int_slider("seed", 0, 0, 30, "260px")

    def draw(corpus, temperature, prefix, seed):
        clean = "".join(c for c in prefix.lower() if c in char_to_ix and c != "\n")
        parameters = parameters_by_corpus[corpus]
        names = sample_names(parameters, char_to_ix, 8, temperature=temperature, prefix=clean, random_state=seed)
        name, steps = sample_with_temperature(parameters, char_to_ix, temperature=temperature, prefix=clean,
                                              random_state=seed)
        fig, ax = plt.subplots(figsize=(max(6.0, 0.42 * len(steps) + 3), 6.2), layout="constrained")
        plot_character_probabilities(steps, prefix=clean, ax=ax)
        ax.set_title(f"{corpus}, temperature {temperature:g}: “{name.capitalize()}”", fontsize=11)
        return fig, "samples: " + ", ".join(n.capitalize() for n in names)

    controls = {"corpus": corpus, "temperature": temperature, "prefix": prefix, "seed": seed}
    rows = [widgets.HBox([corpus, temperature]), widgets.HBox([prefix, seed])]
    return figure_widget(draw, controls, rows=rows)

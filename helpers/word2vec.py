"""Word2vec and GloVe from scratch (Course 5, week 2): corpora, training loops, evaluation, figures.

- Corpora. :func:`make_attribute_corpus` writes short sentences from a seeded template grammar
  in which eight people carry the lecture's planted attributes (gender, royalty, age) and six
  foods carry a fourth (food): a small first check that ``king - man + woman`` lands on
  ``queen``. :func:`load_wiki_corpus` reads the real English text the ``gensim`` wheel ships
  (``gensim/test/test_data/head500.noblanks.cor``: 250 Wikipedia articles, 331,339 words,
  already stemmed by Porter's stemmer, "countri", and stripped of stop words).
  :func:`build_vocabulary` numbers the words, most frequent first.
- Training. :func:`train_skipgram` trains skip-gram with negative sampling in mini-batches and
  :func:`train_glove` minimises the GloVe objective with AdaGrad; both call *your* graded
  functions, passed in as arguments, and show a progress bar (:mod:`helpers.progress`).
- Evaluation. :func:`nearest_words`, :func:`complete_analogies`, and
  :func:`load_analogy_questions` with :func:`analogy_accuracy` on the Google analogy questions
  (``questions-words.txt``, 19,544 questions, shipped with gensim too).
- Figures and widget. :func:`plot_losses`, :func:`plot_embedding_map` and
  :func:`embedding_map_widget`, a 2-D map of chosen words across training.

Embedding matrices have one row per word here: ``E[i]`` is the vector of word ``i`` (the
lecture's E is the transpose, one column per word).
"""
from dataclasses import dataclass, field
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np

from helpers.plotting import COLOR_CYCLE, new_axes
from helpers.progress import cost_progress

__all__ = [
    "ATTRIBUTE_TABLE",
    "TrainingRun",
    "analogy_accuracy",
    "build_vocabulary",
    "complete_analogies",
    "embedding_map_widget",
    "encode",
    "gensim_data_file",
    "glove_vectors_for",
    "load_analogy_questions",
    "load_wiki_corpus",
    "make_attribute_corpus",
    "nearest_words",
    "plot_embedding_map",
    "plot_losses",
    "project_snapshots",
    "train_glove",
    "train_skipgram",
    "unit_rows",
]


# --------------------------------------------------------------------------- corpora

#: The planted attributes of the template grammar, as in the lecture's featurized table:
#: {word: (gender, royal, age, food)}, gender -1 male / +1 female, age 0 child / 1 adult.
ATTRIBUTE_TABLE = {
    "man": (-1, 0, 1, 0), "woman": (1, 0, 1, 0), "boy": (-1, 0, 0, 0), "girl": (1, 0, 0, 0),
    "king": (-1, 1, 1, 0), "queen": (1, 1, 1, 0), "prince": (-1, 1, 0, 0), "princess": (1, 1, 0, 0),
    "apple": (0, 0, 0, 1), "orange": (0, 0, 0, 1), "mango": (0, 0, 0, 1),
    "bread": (0, 0, 0, 1), "cheese": (0, 0, 0, 1), "juice": (0, 0, 0, 1),
}

_MARKERS = {  # the words that reveal each attribute's value in a sentence
    ("gender", -1): ("he", "his", "him", "himself", "beard"),
    ("gender", 1): ("she", "her", "hers", "herself", "dress"),
    ("royal", 1): ("palace", "throne", "crown", "kingdom", "royal", "court"),
    ("royal", 0): ("village", "farm", "market", "cottage", "street", "neighbours"),
    ("age", 1): ("works", "office", "taxes", "married", "grown", "job"),
    ("age", 0): ("school", "toys", "plays", "young", "lessons", "small"),
}
_FOOD_CONTEXT = ("eats", "tastes", "fresh", "sweet", "slice", "bowl", "ripe", "delicious")
_FILLERS = ("the", "a", "and", "with", "today", "then")


def make_attribute_corpus(n_sentences=2000, *, random_state=0):
    """Sentences of a seeded template grammar whose words carry planted attributes.

    Each sentence names one person of :data:`ATTRIBUTE_TABLE` beside marker words of its gender
    ("he", "she", …), royalty ("palace", "village", …) and age ("office", "school", …), and in
    about a third of the sentences the person eats a food, next to food words ("fresh", "slice", …).
    So "king" and "queen" share the royal and adult contexts and differ only in the gender ones,
    exactly as "man" and "woman" do: the offset king - queen should match man - woman.

    Parameters
    ----------
    n_sentences : int, default 2000
    random_state : int, default 0, keyword-only

    Returns
    -------
    sentences : list of list of str
    """
    rng = np.random.default_rng(random_state)
    people = [w for w, a in ATTRIBUTE_TABLE.items() if a[3] == 0]
    foods = [w for w, a in ATTRIBUTE_TABLE.items() if a[3] == 1]
    sentences = []
    for _ in range(n_sentences):
        person = people[rng.integers(len(people))]
        gender, royal, age, _ = ATTRIBUTE_TABLE[person]
        markers = [rng.choice(_MARKERS[("gender", gender)]), rng.choice(_MARKERS[("royal", royal)]),
                   rng.choice(_MARKERS[("age", age)])]
        rng.shuffle(markers)
        words = ["the", person] + [str(m) for m in markers]
        if rng.random() < 0.35:
            food = foods[rng.integers(len(foods))]
            words += ["eats" if rng.random() < 0.5 else "tastes", str(rng.choice(_FOOD_CONTEXT)), food,
                      str(rng.choice(_FOOD_CONTEXT))]
        if rng.random() < 0.5:
            words.insert(int(rng.integers(2, len(words) + 1)), str(rng.choice(_FILLERS)))
        sentences.append(words)
    return sentences


def gensim_data_file(name):
    """Path of a file in the installed ``gensim`` wheel's ``test/test_data`` folder."""
    import importlib.util

    spec = importlib.util.find_spec("gensim")
    return Path(spec.origin).parent / "test" / "test_data" / name


def load_wiki_corpus():
    """The 250 Wikipedia articles of ``head500.noblanks.cor``, one list of words per article.

    The text is lower-case, stemmed ("countri", "philosophi") and without stop words; 331,339
    words in all, 29,722 different ones.

    Returns
    -------
    documents : list of list of str
    """
    text = gensim_data_file("head500.noblanks.cor").read_text(encoding="utf-8")
    return [line.split() for line in text.split("\n") if line.strip()]


def build_vocabulary(documents, *, min_count=5):
    """Number the words that occur at least ``min_count`` times, most frequent first (ties alphabetical).

    Returns
    -------
    words : list of str, length V
    word_to_id : dict of {str: int}
    counts : ndarray of shape (V,), int64
    """
    from collections import Counter

    counter = Counter(word for document in documents for word in document)
    words = sorted((w for w, n in counter.items() if n >= min_count), key=lambda w: (-counter[w], w))
    return words, {w: i for i, w in enumerate(words)}, np.array([counter[w] for w in words], dtype=np.int64)


def encode(documents, word_to_id):
    """Each document as an int64 array of word ids; words outside the vocabulary are dropped."""
    return [np.array([word_to_id[w] for w in document if w in word_to_id], dtype=np.int64)
            for document in documents]


# --------------------------------------------------------------------------- training

@dataclass
class TrainingRun:
    """What a training loop returns.

    Attributes
    ----------
    E : ndarray of shape (V, n_e)
        The embedding to use: skip-gram's context embeddings e, or GloVe's (e + theta) / 2.
    theta : ndarray of shape (V, n_e)
        The other matrix (skip-gram's target vectors, GloVe's theta).
    losses : list of float
        Average loss per pair (skip-gram) or total loss (GloVe), at each report.
    steps : list of int
        The step (mini-batch or iteration) of each loss.
    snapshots : list of ndarray of shape (len(tracked), n_e)
        The tracked words' rows of E at evenly spaced moments, the first before training.
    tracked : list of int
        The ids of the tracked words.
    extra : dict
        Anything else (GloVe's biases).
    """

    E: np.ndarray
    theta: np.ndarray
    losses: list = field(default_factory=list)
    steps: list = field(default_factory=list)
    snapshots: list = field(default_factory=list)
    tracked: list = field(default_factory=list)
    extra: dict = field(default_factory=dict)


def _scatter_add(target, rows, values):
    """``np.add.at(target, rows, values)`` for 2-D ``values``, as one sparse product (several times faster)."""
    import scipy.sparse as sparse

    rows = np.asarray(rows).ravel()
    values = values.reshape(rows.size, -1)
    spread = sparse.csr_matrix((np.ones(rows.size), (rows, np.arange(rows.size))), shape=(target.shape[0], rows.size))
    target += spread @ values


def train_skipgram(token_docs, counts, *, skipgram_pairs, negative_sampling_distribution, sgns_loss_and_grads,
                   n_e=50, window=5, K=5, epochs=4, batch_size=4096, learning_rate=0.05, subsample=1e-4,
                   tracked=(), n_snapshots=12, random_state=0, desc="skip-gram"):
    """Train skip-gram with negative sampling, calling your three functions.

    Every document's (context, target) pairs come from ``skipgram_pairs(ids, window)``. Each epoch
    keeps a pair with probability ``keep(c) * keep(t)``, where ``keep(w) = min(1, sqrt(s / f(w))
    + s / f(w))`` for a word of frequency ``f(w)`` (word2vec's subsampling of frequent words,
    ``s = subsample``), shuffles the pairs and cuts them into mini-batches. For each batch, ``K``
    negatives per pair are drawn from ``negative_sampling_distribution(counts)``,
    ``sgns_loss_and_grads`` gives the summed loss and the gradients, and each row of ``E`` and
    ``theta`` moves by ``-learning_rate`` times the sum of its gradients (plain SGD, the learning
    rate falling linearly to nearly zero, as in word2vec). ``E`` starts uniform in
    ``(-0.5 / n_e, 0.5 / n_e)``, ``theta`` at zero.

    Parameters
    ----------
    token_docs : list of ndarray of int
        The corpus, one array of word ids per document (pairs never cross documents).
    counts : ndarray of shape (V,)
        How often each word occurs.
    skipgram_pairs, negative_sampling_distribution, sgns_loss_and_grads : callable, keyword-only
        Your graded functions.
    tracked : sequence of int, keyword-only
        Word ids whose vectors are saved ``n_snapshots`` times during training (for the map).

    Returns
    -------
    run : TrainingRun
    """
    rng = np.random.default_rng(random_state)
    counts = np.asarray(counts, dtype=np.float64)
    V = counts.size
    pairs = np.concatenate([skipgram_pairs(ids, window) for ids in token_docs if len(ids) > 1])
    frequency = counts / counts.sum()
    keep = np.minimum(1.0, np.sqrt(subsample / frequency) + subsample / frequency) if subsample else np.ones(V)
    cumulative = np.cumsum(negative_sampling_distribution(counts, 0.75))
    cumulative /= cumulative[-1]
    E = (rng.random((V, n_e)) - 0.5) / n_e
    theta = np.zeros((V, n_e))
    run = TrainingRun(E, theta, tracked=list(tracked))
    expected_pairs = float(np.sum(keep[pairs[:, 0]] * keep[pairs[:, 1]]))
    batches_per_epoch = max(1, int(np.ceil(expected_pairs / batch_size)))
    total = epochs * batches_per_epoch
    snapshot_steps = set(np.linspace(0, total, n_snapshots + 1).round().astype(int).tolist())
    report = max(1, total // 40)
    step, loss_sum, pair_sum = 0, 0.0, 0
    if 0 in snapshot_steps:
        run.snapshots.append(E[run.tracked].copy())
    with cost_progress(total, desc=desc):
        for _ in range(epochs):
            kept = pairs[rng.random(len(pairs)) < keep[pairs[:, 0]] * keep[pairs[:, 1]]]
            kept = kept[rng.permutation(len(kept))]
            for start in range(0, len(kept), batch_size):
                if step >= total:
                    break
                batch = kept[start:start + batch_size]
                c, t = batch[:, 0], batch[:, 1]
                negatives = np.minimum(np.searchsorted(cumulative, rng.random((len(batch), K))), V - 1)
                loss, grads = sgns_loss_and_grads(E[c], theta[t], theta[negatives])
                rate = learning_rate * max(1e-4, 1 - step / total)
                _scatter_add(E, c, -rate * grads["de_c"])
                _scatter_add(theta, t, -rate * grads["dtheta_t"])
                _scatter_add(theta, negatives, -rate * grads["dtheta_neg"])
                step += 1
                loss_sum, pair_sum = loss_sum + float(loss), pair_sum + len(batch)
                if step % report == 0 or step == total:
                    run.losses.append(loss_sum / pair_sum)
                    run.steps.append(step)
                    print(f"Cost after iteration {step - 1}: {loss_sum / pair_sum:.4f}")
                    loss_sum, pair_sum = 0.0, 0
                if step in snapshot_steps:
                    run.snapshots.append(E[run.tracked].copy())
    while len(run.snapshots) < n_snapshots + 1:  # a corpus shorter than planned: repeat the last state
        run.snapshots.append(E[run.tracked].copy())
    return run


def train_glove(X, *, glove_loss_and_grads, n_e=50, iterations=150, learning_rate=0.1, tracked=(),
                n_snapshots=12, random_state=0, desc="GloVe"):
    """Minimise the GloVe objective on the co-occurrence matrix ``X`` with AdaGrad, calling your function.

    Each iteration takes the full gradient from ``glove_loss_and_grads(X, theta, e, b, b_prime)``
    and moves every parameter by ``-learning_rate * g / sqrt(sum of past g**2)`` (AdaGrad, the
    optimiser of the GloVe paper). ``theta`` and ``e`` start normal with standard deviation 0.1,
    the biases at zero. The embedding returned is ``(e + theta) / 2``.

    Returns
    -------
    run : TrainingRun
        ``run.extra`` holds ``b`` and ``b_prime``.
    """
    rng = np.random.default_rng(random_state)
    V = X.shape[0]
    params = {"theta": rng.normal(0, 0.1, (V, n_e)), "e": rng.normal(0, 0.1, (V, n_e)),
              "b": np.zeros(V), "b_prime": np.zeros(V)}
    history = {name: np.full_like(value, 1e-8) for name, value in params.items()}
    run = TrainingRun(None, None, tracked=list(tracked))
    snapshot_steps = set(np.linspace(0, iterations, n_snapshots + 1).round().astype(int).tolist())
    with cost_progress(iterations, desc=desc):
        for step in range(iterations + 1):
            if step in snapshot_steps:
                run.snapshots.append(((params["e"] + params["theta"]) / 2)[run.tracked].copy())
            if step == iterations:
                break
            loss, grads = glove_loss_and_grads(X, params["theta"], params["e"], params["b"], params["b_prime"])
            for name in params:
                g = grads["d" + name]
                history[name] += g * g
                params[name] -= learning_rate * g / np.sqrt(history[name])
            run.losses.append(float(loss))
            run.steps.append(step)
            print(f"Cost after iteration {step}: {float(loss):.1f}")
    run.E, run.theta = (params["e"] + params["theta"]) / 2, params["theta"]
    run.extra = {"b": params["b"], "b_prime": params["b_prime"], "e": params["e"]}
    return run


# --------------------------------------------------------------------------- evaluation

def unit_rows(E):
    """Each row of ``E`` scaled to length 1 (zero rows stay zero), so dot products are cosines."""
    norms = np.linalg.norm(E, axis=1, keepdims=True)
    return E / np.where(norms > 0, norms, 1)


def nearest_words(E, words, query, k=5):
    """The ``k`` words of ``words`` (rows of ``E``) most cosine-similar to ``query``, without it.

    Returns
    -------
    neighbours : list of (str, float)
    """
    unit = unit_rows(E)
    position = words.index(query) if isinstance(words, list) else list(words).index(query)
    similarity = unit @ unit[position]
    similarity[position] = -np.inf
    best = np.argsort(-similarity, kind="stable")[:k]
    return [(words[i], float(similarity[i])) for i in best]


def complete_analogies(E, word_to_id, questions, k=1):
    """For each ``(a, b, c)``, the ``k`` words ``w`` (other than a, b, c) maximising
    ``cos(e_w, e_b - e_a + e_c)`` on unit vectors ("a is to b as c is to w").

    Returns
    -------
    answers : list of list of str
    """
    words = sorted(word_to_id, key=word_to_id.get)
    unit = unit_rows(E)
    answers = []
    for start in range(0, len(questions), 512):
        chunk = questions[start:start + 512]
        ids = np.array([[word_to_id[w] for w in q[:3]] for q in chunk]).reshape(-1, 3)
        queries = unit[ids[:, 1]] - unit[ids[:, 0]] + unit[ids[:, 2]]
        scores = queries @ unit.T
        scores[np.arange(len(chunk))[:, None], ids] = -np.inf
        best = np.argsort(-scores, axis=1, kind="stable")[:, :k]
        answers += [[words[i] for i in row] for row in best]
    return answers


def load_analogy_questions(vocabulary=None):
    """The Google analogy questions (``questions-words.txt``), lower-cased, as ``(section, a, b, c, d)``.

    With ``vocabulary`` (a set or dict of words), only the questions whose four words are all in it.
    """
    questions, section = [], None
    for line in gensim_data_file("questions-words.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith(":"):
            section = line[1:].strip()
            continue
        parts = line.lower().split()
        if len(parts) == 4 and (vocabulary is None or all(w in vocabulary for w in parts)):
            questions.append((section, *parts))
    return questions


def analogy_accuracy(E, word_to_id, questions):
    """Share of ``(section, a, b, c, d)`` questions whose best answer (:func:`complete_analogies`) is d.

    Returns
    -------
    accuracy : float
    by_section : dict of {str: (correct, asked)}
    """
    answers = complete_analogies(E, word_to_id, [q[1:4] for q in questions])
    by_section = {}
    for question, answer in zip(questions, answers):
        right, asked = by_section.get(question[0], (0, 0))
        by_section[question[0]] = (right + (answer[0] == question[4]), asked + 1)
    correct = sum(right for right, _ in by_section.values())
    return (correct / len(questions) if questions else 0.0), by_section


# --------------------------------------------------------------------------- figures and widget

def plot_losses(runs, *, ax=None, ylabel="loss", log=False):
    """Loss curves: ``runs`` maps a label to a :class:`TrainingRun` (or to ``(steps, losses)``); ``log``
    draws the loss on a logarithmic scale."""
    ax = new_axes(ax, figsize=(6, 3.5))
    for color, (label, run) in zip(COLOR_CYCLE, runs.items()):
        steps, losses = (run.steps, run.losses) if isinstance(run, TrainingRun) else run
        ax.plot(steps, losses, color=color, label=label)
    ax.set_xlabel("step (mini-batch or iteration)")
    ax.set_ylabel(ylabel)
    if log:
        ax.set_yscale("log")
    ax.grid(alpha=0.3)
    if len(runs) > 1:
        ax.legend()
    return ax


def project_snapshots(snapshots):
    """2-D coordinates of the same words in each snapshot, comparable across snapshots.

    Each snapshot's unit vectors are projected on their own two principal directions, then
    rotated (or reflected) onto the last snapshot's map by orthogonal Procrustes, so that the
    map changes only as much as the geometry does.

    Returns
    -------
    maps : list of ndarray of shape (n_words, 2)
    """
    def pca2(vectors):
        centred = unit_rows(vectors) - unit_rows(vectors).mean(axis=0)
        _, _, vt = np.linalg.svd(centred, full_matrices=False)
        return centred @ vt[:2].T

    maps = [pca2(s) for s in snapshots]
    final = maps[-1]
    aligned = []
    for points in maps:
        u, _, vt = np.linalg.svd(points.T @ final)
        aligned.append(points @ (u @ vt))
    return aligned


def plot_embedding_map(points, labels, *, groups=None, title=None, ax=None, limits=None):
    """Words as labelled points on a 2-D map; ``groups`` (one name per word) colours them."""
    ax = new_axes(ax, figsize=(6, 5))
    groups = list(groups) if groups is not None else ["words"] * len(labels)
    names = list(dict.fromkeys(groups))
    for color, name in zip(COLOR_CYCLE, names):
        chosen = [i for i, g in enumerate(groups) if g == name]
        ax.scatter(points[chosen, 0], points[chosen, 1], color=color, s=30, label=name)
        for i in chosen:
            ax.annotate(labels[i], points[i], xytext=(4, 3), textcoords="offset points", fontsize=9)
    if limits is not None:
        ax.set_xlim(*limits[0])
        ax.set_ylim(*limits[1])
    ax.set_xticks([])
    ax.set_yticks([])
    if len(names) > 1:
        ax.legend(loc="best", fontsize=8)
    if title:
        ax.set_title(title)
    return ax


def embedding_map_widget(runs, labels, groups=None):
    """A 2-D map of chosen words' embeddings during training, one snapshot at a time.

    Parameters
    ----------
    runs : dict of {str: TrainingRun}
        Runs whose ``tracked`` words are the words of ``labels[name]``; a menu chooses the run.
    labels : dict of {str: list of str}
        The tracked words' names, per run.
    groups : dict of {str: list of str}, optional
        A group name per word (its colour), per run.
    """
    from helpers.widgets import figure_widget, int_slider, menu

    maps = {name: project_snapshots(run.snapshots) for name, run in runs.items()}
    limits = {}
    for name, frames in maps.items():
        every = np.concatenate(frames)
        low, high = every.min(axis=0), every.max(axis=0)
        pad = 0.12 * (high - low) + 1e-9
        limits[name] = ((low[0] - pad[0], high[0] + pad[0] * 2), (low[1] - pad[1], high[1] + pad[1]))
    n_frames = min(len(frames) for frames in maps.values())
    controls = {"run": menu("corpus", runs, "280px"),
                "snapshot": int_slider("snapshot", n_frames - 1, 0, n_frames - 1, "360px")}

    def draw(run, snapshot):
        fig, ax = plt.subplots(figsize=(6.5, 5), layout="constrained")
        fraction = snapshot / (n_frames - 1)
        plot_embedding_map(maps[run][snapshot], labels[run], groups=(groups or {}).get(run), ax=ax,
                           limits=limits[run], title=f"{run}: {fraction:.0%} of training")
        return fig, f"snapshot {snapshot} of {n_frames - 1} (0 = before training)"

    return figure_widget(draw, controls)


def glove_vectors_for(words):
    """GloVe's 50-d vectors (:func:`helpers.word_vectors.load_glove`) of those ``words`` GloVe knows.

    Returns
    -------
    shared : list of str
        The words of ``words`` in GloVe's vocabulary, in their order.
    G : ndarray of shape (len(shared), 50)
    """
    from helpers.word_vectors import load_glove

    glove = load_glove()
    shared = [w for w in words if w in glove.row]
    return shared, np.array(glove.vectors[[glove.row[w] for w in shared]])

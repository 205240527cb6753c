"""Analogies and gender bias in GloVe vectors: the figures and the widget of *Operations on word vectors*.

- :func:`top_analogies` ranks every word of a vocabulary for "a is to b as c is to ?" by the rule of
  the notebook's ``complete_analogy`` (the cosine of ``e_w - e_c`` with ``e_b - e_a``, the query word
  ``c`` left out), vectorised over the whole vocabulary.
- :func:`plot_gender_projection` draws words as points: across, their component along the bias
  direction ``g``; up, a second direction orthogonal to ``g``; arrows from before to after
  neutralizing and equalizing.
- :func:`plot_bias_bars` draws cos(word, g) before and after as paired bars.
- :func:`analogy_widget` completes the analogies you type (top 5) and shows cos(word, g) before and
  after your ``neutralize``.

Words are looked up in any ``{word: vector}`` mapping (a dict or
:class:`helpers.word_vectors.WordVectorMap`); nothing here changes global state.
"""
import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np

from helpers.plotting import OKABE_ITO, new_axes
from helpers.widgets import figure_widget, menu

__all__ = ["analogy_widget", "bias_cosines", "plot_bias_bars", "plot_gender_projection", "top_analogies"]


def _cosines(matrix, vector):
    """cos(row, vector) for every row of ``matrix``; 0 where a norm is 0."""
    norms = np.linalg.norm(matrix, axis=1) * np.linalg.norm(vector)
    return np.divide(matrix @ vector, norms, out=np.zeros(len(matrix)), where=norms > 0)


def top_analogies(word_a, word_b, word_c, words, vectors, *, k=5):
    """The ``k`` best answers to "word_a is to word_b as word_c is to ?" with their cosines.

    Parameters
    ----------
    word_a, word_b, word_c : str
        The query (lower-cased, as ``complete_analogy`` does).
    words : sequence of str, length n
    vectors : ndarray of shape (n, d)
        ``vectors[i]`` is the vector of ``words[i]``.
    k : int, keyword-only

    Returns
    -------
    best : list of (str, float)
        The ``k`` words ``w`` (``word_c`` excluded) with the largest cos(e_b − e_a, e_w − e_c), best first.
    """
    row = {w: i for i, w in enumerate(words)} if not isinstance(words, dict) else words
    word_a, word_b, word_c = word_a.lower(), word_b.lower(), word_c.lower()
    missing = [w for w in (word_a, word_b, word_c) if w not in row]
    if missing:
        raise KeyError(f"not in the vocabulary: {', '.join(missing)}")
    e_a, e_b, e_c = (vectors[row[w]] for w in (word_a, word_b, word_c))
    scores = _cosines(vectors - e_c, e_b - e_a)
    scores[row[word_c]] = -np.inf
    best = np.argpartition(-scores, k)[:k]
    best = best[np.argsort(-scores[best])]
    names = list(row) if isinstance(words, dict) else words
    return [(names[i], float(scores[i])) for i in best]


def bias_cosines(word_to_vec_map, g, words):
    """cos(e_w, g) for each word, as a float array."""
    return np.array([float(np.dot(word_to_vec_map[w], g) / (np.linalg.norm(word_to_vec_map[w]) * np.linalg.norm(g)))
                     for w in words])


def plot_bias_bars(words, before, after, *, ax=None, title="cos(word, g) before and after"):
    """Paired horizontal bars of cos(word, g): before (grey) and after (blue) debiasing. Returns ``ax``."""
    ax = new_axes(ax, figsize=(6, 0.35 * len(words) + 1.2))
    y = np.arange(len(words))
    ax.barh(y - 0.2, before, height=0.4, color="#999999", label="before")
    ax.barh(y + 0.2, after, height=0.4, color=OKABE_ITO["blue"], label="after")
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_yticks(y, words)
    ax.invert_yaxis()
    ax.set_xlabel("cosine similarity with g = e_woman − e_man")
    ax.set_title(title)
    ax.legend(loc="lower right", fontsize=8)
    return ax


def _project(vectors, g, other):
    """Coordinates of ``vectors`` along unit ``g`` and along unit ``other`` (orthogonal to g)."""
    return np.stack([vectors @ g, vectors @ other], axis=1)


def plot_gender_projection(word_to_vec_map, g, neutral_words, neutralized, pairs, equalized, *, ax=None):
    """Words before and after debiasing, projected on the bias direction and one orthogonal direction.

    Parameters
    ----------
    word_to_vec_map : mapping of {str: ndarray of shape (d,)}
    g : ndarray of shape (d,)
        The bias direction.
    neutral_words : list of str
        Words that should carry no gender; ``neutralized[i]`` is the vector of ``neutral_words[i]`` after
        ``neutralize``.
    pairs : list of (str, str)
        Gendered pairs; ``equalized[i]`` is the pair of vectors ``equalize`` returned for ``pairs[i]``.
    ax : matplotlib Axes, optional, keyword-only

    Returns
    -------
    ax : matplotlib Axes
        Across: the component along ``g``, a signed length; up: the component along the main direction
        (first principal component) of the words' parts orthogonal to ``g``. Grey: before; blue: a
        neutralized word; orange: an equalized pair; an arrow joins each word's two positions.
    """
    ax = new_axes(ax, figsize=(7, 5))
    unit_g = g / np.linalg.norm(g)
    pair_words = [w for pair in pairs for w in pair]
    before = np.array([word_to_vec_map[w] for w in neutral_words + pair_words], dtype=float)
    orthogonal = before - np.outer(before @ unit_g, unit_g)
    centred = orthogonal - orthogonal.mean(axis=0)
    other = np.linalg.svd(centred, full_matrices=False)[2][0]
    other = other - (other @ unit_g) * unit_g
    other /= np.linalg.norm(other)
    after = np.array(list(neutralized) + [e for pair in equalized for e in pair], dtype=float)
    xy_before, xy_after = _project(before, unit_g, other), _project(after, unit_g, other)
    colors = [OKABE_ITO["blue"]] * len(neutral_words) + [OKABE_ITO["orange"]] * len(pair_words)
    for word, (x0, y0), (x1, y1), color in zip(neutral_words + pair_words, xy_before, xy_after, colors):
        ax.annotate("", xy=(x1, y1), xytext=(x0, y0),
                    arrowprops={"arrowstyle": "->", "color": color, "alpha": 0.6, "linewidth": 1})
        ax.scatter([x0], [y0], color="#999999", s=18, zorder=3)
        ax.scatter([x1], [y1], color=color, s=24, zorder=3)
        ax.annotate(word, (x1, y1), textcoords="offset points", xytext=(4, 3), fontsize=8, color=color)
    ax.axvline(0, color="black", linewidth=0.8)
    ax.scatter([], [], color="#999999", label="before")
    ax.scatter([], [], color=OKABE_ITO["blue"], label="neutralized")
    ax.scatter([], [], color=OKABE_ITO["orange"], label="equalized pair")
    ax.set_xlabel("component along g  (← man … woman →)")
    ax.set_ylabel("main direction orthogonal to g")
    ax.set_title("Neutralize moves words onto g's orthogonal space; equalize makes pairs symmetric")
    ax.legend(fontsize=8, loc="best")
    return ax


def analogy_widget(word_to_vec_map, neutralize, g):
    """Type an analogy "a is to b as c is to ?": the 5 best answers, and cos(word, g) before and after
    ``neutralize`` for the four words.

    Parameters
    ----------
    word_to_vec_map : helpers.word_vectors.WordVectorMap
        The vocabulary to search (its ``array`` holds the vectors in iteration order).
    neutralize : callable
        The notebook's ``neutralize(word, g, word_to_vec_map)``.
    g : ndarray of shape (50,)
        The bias direction.
    """
    words = list(word_to_vec_map)
    vectors = np.asarray(word_to_vec_map.array)
    sizes = {f"all {len(words):,} words": len(words), "50,000 most frequent": min(50_000, len(words)),
             "10,000 most frequent": min(10_000, len(words))}
    controls = {"word_a": widgets.Text(value="man", description="a", continuous_update=False,
                                       layout=widgets.Layout(width="150px")),
                "word_b": widgets.Text(value="doctor", description="is to b", continuous_update=False,
                                       layout=widgets.Layout(width="180px")),
                "word_c": widgets.Text(value="woman", description="as c is to ?", continuous_update=False,
                                       layout=widgets.Layout(width="210px")),
                "vocabulary": menu("search", sizes, "260px")}

    def draw(word_a, word_b, word_c, vocabulary):
        n = sizes[vocabulary]
        fig, (left, right) = plt.subplots(1, 2, figsize=(10, 3.4), layout="constrained")
        try:
            best = top_analogies(word_a, word_b, word_c, dict(zip(words[:n], range(n))), vectors[:n])
        except KeyError as error:
            for axis in (left, right):
                axis.set_axis_off()
            left.text(0, 0.5, str(error).strip("'\""), fontsize=11)
            return fig, "type three words of the vocabulary (lower case)"
        names, scores = zip(*best)
        y = np.arange(len(names))
        left.barh(y, scores, color=OKABE_ITO["blue"])
        left.set_yticks(y, names)
        left.invert_yaxis()
        left.set_xlim(0, 1)
        left.set_xlabel("cos(e_b − e_a, e_w − e_c)")
        left.set_title(f"{word_a.lower()} : {word_b.lower()} :: {word_c.lower()} : ?")
        shown = list(dict.fromkeys([word_a.lower(), word_b.lower(), word_c.lower(), names[0]]))
        before = bias_cosines(word_to_vec_map, g, shown)
        after = np.array([float(np.dot(e, g) / (np.linalg.norm(e) * np.linalg.norm(g)))
                          for e in (neutralize(w, g, word_to_vec_map) for w in shown)])
        plot_bias_bars(shown, before, after, ax=right, title="cos(word, g): before and after neutralize")
        return fig, f"best answer: {names[0]}  (top 5 of {n:,} words)"

    rows = [widgets.HBox([controls["word_a"], controls["word_b"], controls["word_c"]]),
            widgets.HBox([controls["vocabulary"]])]
    return figure_widget(draw, controls, rows=rows)

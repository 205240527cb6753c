"""Hidden tests of *Operations on word vectors*.

Inputs stay small (they cross the grader's wire): random vectors, toy maps of a few dozen random words,
and a subset of GloVe of a few hundred words. ``cosine_similarity``'s special cases (u equal to v,
a zero vector) accept 1 or 1.0, 0 or 0.0: the original returned the ints 1 and 0 there, and so does
the reference.
"""
import numpy as np

from autograder.hidden import hidden_test
from helpers.word_vectors import load_glove

TRIADS = [("italy", "italian", "spain"), ("india", "delhi", "japan"), ("man", "woman", "boy"),
          ("small", "smaller", "large"), ("France", "Paris", "Japan")]


def glove_subset(n, extra=()):
    """A plain dict of the ``n`` most frequent GloVe words and the words of ``extra``."""
    glove = load_glove()
    words = list(glove.words[:n]) + [w for w in extra if w not in glove.row or glove.row[w] >= n]
    return {w: np.array(glove.vectors[glove.row[w]]) for w in words}


def random_map(rng, n_words, dim):
    """``n_words`` random lower-case words with random vectors of ``dim`` numbers."""
    letters = np.array(list("abcdefghijklmnopqrstuvwxyz"))
    words = []
    while len(words) < n_words:
        word = "".join(rng.choice(letters, size=int(rng.integers(3, 8))))
        if word not in words:
            words.append(word)
    return {w: rng.normal(size=dim) for w in words}


@hidden_test("cosine_similarity", points=1)
def check_cosine_similarity(check, rng):
    for dim in (3, 50, int(rng.integers(2, 100))):
        u, v = rng.normal(size=dim), rng.normal(size=dim)
        check.call(u, v, case=f"random vectors of {dim} numbers")
        check.call(u, -3.5 * u, case=f"opposite vectors of {dim} numbers")
    u = rng.normal(size=7)
    check.call(u, u.copy(), case="u equal to v", check_dtype=False)
    check.call(np.zeros(5), rng.normal(size=5), case="u = 0", check_dtype=False)
    check.call(rng.normal(size=5), np.zeros(5), case="v = 0", check_dtype=False)
    glove = glove_subset(0, ("father", "mother", "ball", "crocodile"))
    check.call(glove["father"], glove["mother"], case="father, mother")
    check.call(glove["ball"], glove["crocodile"], case="ball, crocodile")


@hidden_test("complete_analogy", points=2)
def check_complete_analogy(check, rng):
    toy = random_map(rng, 40, 6)
    words = list(toy)
    word_a, word_b, word_c, word_d = words[:4]
    toy[word_d] = toy[word_c] + (toy[word_b] - toy[word_a]) + 0.05 * rng.normal(size=6)  # a planted answer
    check.call(word_a, word_b, word_c, toy, case="a planted analogy among 40 random words")
    check.call(word_a.upper(), word_b, word_c.capitalize(), toy, case="the planted analogy, in upper case")
    check.call(words[5], words[6], words[7], toy, case="three random words")
    away = random_map(rng, 12, 4)  # every candidate w has e_w - e_c pointing away from e_b - e_a
    word_a, word_b, word_c, *others = list(away)
    d = away[word_b] - away[word_a]
    away[word_c] = away[word_b] + 2 * d
    for w in others:
        away[w] = away[word_c] - (0.5 + rng.random()) * d + 0.3 * rng.normal(size=4)
    check.call(word_a, word_b, word_c, away, case="12 random words whose every answer has a negative cosine")
    glove = glove_subset(400, [w.lower() for triad in TRIADS for w in triad] + ["spanish", "tokyo", "girl", "smaller"])
    for triad in TRIADS:
        check.call(*triad, glove, case=" ".join(triad) + " (GloVe, 400 frequent words)")


@hidden_test("neutralize", points=1)
def check_neutralize(check, rng):
    toy = random_map(rng, 5, 4)
    g = rng.normal(size=4)
    for word in list(toy)[:3]:
        check.call(word, g, toy, case=f"random vectors of 4 numbers, word {word!r}")
    glove = glove_subset(0, ("woman", "man", "receptionist", "engineer", "babysit"))
    g = glove["woman"] - glove["man"]
    for word in ("receptionist", "engineer", "babysit"):
        check.call(word, g, glove, case=f"GloVe, {word}")


@hidden_test("equalize", points=2)
def check_equalize(check, rng):
    for dim in (3, 10):
        toy = random_map(rng, 4, dim)
        words = list(toy)
        check.call((words[0], words[1]), rng.normal(size=dim), toy, case=f"random vectors of {dim} numbers")
        check.call((words[2], words[3]), rng.normal(size=dim) * 0.2, toy, case=f"random vectors of {dim} numbers, short axis")
    glove = glove_subset(0, ("woman", "man", "actor", "actress", "grandfather", "grandmother"))
    g = glove["woman"] - glove["man"]
    for pair in (("man", "woman"), ("actress", "actor"), ("grandfather", "grandmother")):
        check.call(pair, g, glove, case=f"GloVe, {pair}")

"""Public tests of *Operations on word vectors* (c5w2_operations_on_word_vectors).

Small hand-made vectors check the special cases and the formulas; the GloVe vectors check the
original course's numbers (cos(father, mother) = 0.8909038442893615, the analogies, the neutralized
receptionist and the equalized pair).
"""
import numpy as np

from helpers.checks import Checker
from helpers.word_vectors import load_glove, read_glove_vecs

__all__ = ["complete_analogy_test", "cosine_similarity_test", "equalize_test", "neutralize_test"]

TOY = {"a": np.array([1.0, 0.0, 0.0]), "b": np.array([1.0, 1.0, 0.0]), "c": np.array([0.0, 0.0, 1.0]),
       "d": np.array([0.0, 1.0, 1.0]), "e": np.array([0.0, -1.0, 1.0]), "f": np.array([0.5, 0.5, 0.5])}


def _glove():
    return read_glove_vecs()[2]


def cosine_similarity_test(target):
    check = Checker("cosine_similarity")
    u, v = np.array([1.0, 2.0, 2.0]), np.array([2.0, 0.0, 0.0])
    check.same("u = [1, 2, 2], v = [2, 0, 0]: 1/3", 1 / 3, check.call(target, u, v, case="u = [1, 2, 2], v = [2, 0, 0]"))
    check.same("opposite vectors: -1", -1.0, check.call(target, u, -2 * u, case="v = -2 u"))
    check.same("u equal to v: 1", 1, check.call(target, u, u.copy(), case="u = v"), check_dtype=False)
    zero = check.call(target, np.zeros(3), v, case="u = 0")
    check.same("u = 0: 0", 0, zero, check_dtype=False)
    m = _glove()
    check.same("cos(father, mother) = 0.8909038442893615", 0.8909038442893615,
               check.call(target, m["father"], m["mother"], case="father, mother"), rtol=1e-9)
    check.same("cos(france - paris, rome - italy) = -0.6751479308174201", -0.6751479308174201,
               check.call(target, m["france"] - m["paris"], m["rome"] - m["italy"], case="capitals"), rtol=1e-9)
    check.done()


def complete_analogy_test(target):
    check = Checker("complete_analogy")
    check.same("a : b :: c : d (toy vectors)", "d", check.call(target, "a", "b", "c", TOY, case="a, b, c"))
    check.same("upper case is lowered", "d", check.call(target, "A", "B", "C", TOY, case="A, B, C"))
    check.same("b : a :: c : e", "e", check.call(target, "b", "a", "c", TOY, case="b, a, c"))
    frequent = load_glove().most_frequent(5000)
    for triad, answer in [(("italy", "italian", "spain"), "spanish"), (("india", "delhi", "japan"), "tokyo"),
                          (("man", "woman", "boy"), "girl")]:
        label = "{} -> {} :: {} -> {} (5,000 GloVe words)".format(*triad, answer)
        check.same(label, answer, check.call(target, *triad, frequent, case=" ".join(triad)))
    check.done()


def neutralize_test(target):
    check = Checker("neutralize")
    toy = {"w": np.array([3.0, 4.0, 1.0])}
    g = np.array([0.0, 2.0, 0.0])
    out = check.call(target, "w", g, toy, case="e = [3, 4, 1], g = [0, 2, 0]")
    check.true("returns an array of shape (3,)", isinstance(out, np.ndarray) and out.shape == (3,),
               f"an array of shape (3,) expected, got {type(out).__name__} {getattr(out, 'shape', '')}")
    check.same("e = [3, 4, 1], g = [0, 2, 0] -> [3, 0, 1]", np.array([3.0, 0.0, 1.0]), out)
    m = _glove()
    g = m["woman"] - m["man"]
    out = check.call(target, "receptionist", g, m, case="receptionist")
    check.same("receptionist . g = 0 after", 0.0, float(np.dot(out, g)), atol=1e-12)
    check.same("receptionist: first values", np.array([0.46742546, -0.07079586, -0.03832005]), out[:3], rtol=1e-6)
    check.done()


def equalize_test(target):
    check = Checker("equalize")
    toy = {"x": np.array([1.0, 0.5, 0.0]), "y": np.array([-0.5, 0.5, 0.2])}
    out = check.call(target, ("x", "y"), np.array([1.0, 0.0, 0.0]), toy, case="toy pair")
    check.true("returns two arrays", isinstance(out, tuple) and len(out) == 2,
               f"a tuple (e1, e2) expected, got {type(out).__name__}")
    e1, e2 = out
    check.same("e1 (toy pair)", np.array([0.85268648, 0.5, 0.1]), e1, rtol=1e-6)
    check.same("e2 (toy pair)", np.array([-0.85268648, 0.5, 0.1]), e2, rtol=1e-6)
    m = _glove()
    g = m["woman"] - m["man"]
    e1, e2 = check.call(target, ("man", "woman"), g, m, case="man, woman")
    cosines = [float(np.dot(e, g) / (np.linalg.norm(e) * np.linalg.norm(g))) for e in (e1, e2)]
    check.same("cos(e1, g), cos(e2, g) = -0.7004, 0.7004", [-0.7004364289309387, 0.7004364289309387], cosines,
               rtol=1e-9)
    check.done()

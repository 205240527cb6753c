"""Operations on word vectors: hidden tests catch plausible bugs in the cosine, the analogy loop, neutralize and
equalize, accept other correct ways of writing them, and the notebook prints the original course's numbers on
the real GloVe vectors."""
import base64
import re

import pytest

from tests.support import (check_mutants_and_variants, errors, executed_reference, hidden_verdict, printed_text,
                           stderr_cells)

ASSIGNMENT = "c5w2_operations_on_word_vectors"

# --- cosine_similarity -------------------------------------------------------------------------------

COSINE = '''
def cosine_similarity(u, v):
    if {equal}:
        return 1.0
    dot = {dot}
    norm_u = {norm_u}
    norm_v = np.sqrt(np.sum(v ** 2))
    if np.isclose(norm_u * norm_v, 0, atol=1e-32):
        return 0.0
    return {ratio}
'''
COSINE_PARTS = {"equal": "np.all(u == v)", "dot": "np.dot(u, v)", "norm_u": "np.sqrt(np.sum(u ** 2))",
                "ratio": "dot / (norm_u * norm_v)"}


def cosine(**parts):
    return COSINE.format(**{**COSINE_PARTS, **parts})


COSINE_LINALG = '''
def cosine_similarity(u, v):
    if np.array_equal(u, v):
        return 1
    product = np.linalg.norm(u) * np.linalg.norm(v)
    if np.isclose(product, 0, atol=1e-32):
        return 0
    return u @ v / product
'''

COSINE_LOOP = '''
import math

def cosine_similarity(u, v):
    if all(a == b for a, b in zip(u, v)):
        return 1.0
    dot = sum(a * b for a, b in zip(u, v))
    norm_u = math.sqrt(sum(a * a for a in u))
    norm_v = math.sqrt(sum(b * b for b in v))
    if np.isclose(norm_u * norm_v, 0, atol=1e-32):
        return 0.0
    return dot / (norm_u * norm_v)
'''

# --- complete_analogy --------------------------------------------------------------------------------

ANALOGY = '''
def complete_analogy(word_a, word_b, word_c, word_to_vec_map):
    word_a, word_b, word_c = {lower}
    e_a, e_b, e_c = word_to_vec_map[word_a], word_to_vec_map[word_b], word_to_vec_map[word_c]
    max_cosine_sim = {start}
    best_word = None
    for w in word_to_vec_map.keys():
        if {skip}:
            continue
        cosine_sim = cosine_similarity({first}, {second})
        if cosine_sim {better} max_cosine_sim:
            max_cosine_sim = cosine_sim
            best_word = w
    return best_word
'''
ANALOGY_PARTS = {"lower": "word_a.lower(), word_b.lower(), word_c.lower()", "start": "-100", "skip": "w == word_c",
                 "first": "e_b - e_a", "second": "word_to_vec_map[w] - e_c", "better": ">"}


def analogy(**parts):
    return ANALOGY.format(**{**ANALOGY_PARTS, **parts})


ANALOGY_VECTORISED = '''
def complete_analogy(word_a, word_b, word_c, word_to_vec_map):
    a, b, c = (word.lower() for word in (word_a, word_b, word_c))
    words = [w for w in word_to_vec_map if w != c]
    E = np.array([word_to_vec_map[w] for w in words]) - word_to_vec_map[c]
    d = word_to_vec_map[b] - word_to_vec_map[a]
    scores = E @ d / (np.linalg.norm(E, axis=1) * np.linalg.norm(d))
    return words[int(np.argmax(scores))]
'''

ANALOGY_MAX = '''
def complete_analogy(word_a, word_b, word_c, word_to_vec_map):
    word_a, word_b, word_c = word_a.lower(), word_b.lower(), word_c.lower()
    e_a, e_b, e_c = [word_to_vec_map[x] for x in (word_a, word_b, word_c)]
    candidates = (w for w in word_to_vec_map if w != word_c)
    return max(candidates, key=lambda w: cosine_similarity(e_b - e_a, word_to_vec_map[w] - e_c))
'''

# --- neutralize --------------------------------------------------------------------------------------

NEUTRALIZE = '''
def neutralize(word, g, word_to_vec_map):
    e = word_to_vec_map[word]
    e_biascomponent = {bias}
    return {result}
'''
NEUTRALIZE_PARTS = {"bias": "np.dot(e, g) / np.sum(g * g) * g", "result": "e - e_biascomponent"}


def neutralize(**parts):
    return NEUTRALIZE.format(**{**NEUTRALIZE_PARTS, **parts})


NEUTRALIZE_UNIT = '''
def neutralize(word, g, word_to_vec_map):
    unit = g / np.linalg.norm(g)
    e = word_to_vec_map[word]
    return e - (e @ unit) * unit
'''

# --- equalize -----------------------------------------------------------------------------------------

EQUALIZE = '''
def equalize(pair, bias_axis, word_to_vec_map):
    w1, w2 = pair
    e_w1, e_w2 = word_to_vec_map[w1], word_to_vec_map[w2]
    mu = {mu}
    mu_B = np.dot(mu, bias_axis) / np.sum(bias_axis * bias_axis) * bias_axis
    mu_orth = {mu_orth}
    e_w1B = np.dot(e_w1, bias_axis) / np.sum(bias_axis * bias_axis) * bias_axis
    e_w2B = np.dot(e_w2, bias_axis) / np.sum(bias_axis * bias_axis) * bias_axis
    scale = {scale}
    corrected_e_w1B = scale * (e_w1B - mu_B) / {denominator1}
    corrected_e_w2B = scale * (e_w2B - mu_B) / np.linalg.norm(e_w2 - mu_orth - mu_B)
    return {result}
'''
EQUALIZE_PARTS = {"mu": "(e_w1 + e_w2) / 2", "mu_orth": "mu - mu_B",
                  "scale": "np.sqrt(np.abs(1 - np.sum(mu_orth * mu_orth)))",
                  "denominator1": "np.linalg.norm(e_w1 - mu_orth - mu_B)",
                  "result": "corrected_e_w1B + mu_orth, corrected_e_w2B + mu_orth"}


def equalize(**parts):
    return EQUALIZE.format(**{**EQUALIZE_PARTS, **parts})


EQUALIZE_HELPER = '''
def equalize(pair, bias_axis, word_to_vec_map):
    def along(x):
        return (x @ bias_axis) / (bias_axis @ bias_axis) * bias_axis

    e1, e2 = (word_to_vec_map[w] for w in pair)
    mu = 0.5 * (e1 + e2)
    mu_B = along(mu)
    mu_orth = mu - mu_B
    size = np.sqrt(abs(1 - mu_orth @ mu_orth))
    out = [size * (along(e) - mu_B) / np.linalg.norm(e - mu_orth - mu_B) + mu_orth for e in (e1, e2)]
    return out[0], out[1]
'''

MUTANTS = {
    "cosine_similarity": [
        cosine(ratio="dot / (norm_u + norm_v)"),
        cosine(norm_u="np.sum(u ** 2)"),  # the squared norm
        cosine(ratio="dot"),  # the dot product alone
        cosine(dot="np.sum(np.abs(u * v))"),
        cosine(ratio="1 - dot / (norm_u * norm_v)"),  # a cosine distance
    ],
    "complete_analogy": [
        analogy(lower="word_a, word_b, word_c"),  # no lower-casing
        analogy(skip="w in (word_a, word_b, word_c)"),  # skips the other query words too
        analogy(second="word_to_vec_map[w]"),  # forgets e_c
        analogy(first="e_a - e_b"),
        analogy(better="<"),  # the least similar word
        analogy(skip="False"),  # never skips word_c: the zero vector
    ],
    "neutralize": [
        neutralize(bias="np.dot(e, g) / np.linalg.norm(g) * g"),  # divides by ||g||, not ||g||^2
        neutralize(result="e_biascomponent"),  # returns the bias component
        neutralize(result="e + e_biascomponent"),
        neutralize(bias="np.dot(e, g) * g"),
    ],
    "equalize": [
        equalize(mu="e_w1 + e_w2"),
        equalize(mu_orth="mu"),  # forgets to remove mu_B
        equalize(scale="np.sqrt(1 + np.sum(mu_orth * mu_orth))"),
        equalize(denominator1="np.linalg.norm(e_w1 - mu_B)"),
        equalize(result="corrected_e_w1B, corrected_e_w2B"),  # forgets mu_orth
        equalize(result="corrected_e_w2B + mu_orth, corrected_e_w1B + mu_orth"),  # the pair swapped
    ],
}

VARIANTS = {
    "cosine_similarity": [COSINE_LINALG, cosine(), COSINE_LOOP, cosine(dot="u @ v"),
                          cosine(norm_u="np.linalg.norm(u)")],
    "complete_analogy": [ANALOGY_VECTORISED, analogy(), ANALOGY_MAX, analogy(start="-np.inf")],
    "neutralize": [NEUTRALIZE_UNIT, neutralize(), neutralize(bias="(e @ g) / (g @ g) * g")],
    "equalize": [EQUALIZE_HELPER, equalize(), equalize(scale="np.sqrt(np.abs(1 - np.linalg.norm(mu_orth) ** 2))")],
}


@pytest.mark.xdist_group(ASSIGNMENT)
def test_mutants_lose_points_and_variants_keep_them(tmp_path):
    """Do a wrong norm, a missing lower-case, skipping the wrong words, a forgotten e_c, a wrong projection or a
    swapped pair fail, while np.linalg.norm, @, loops, max(key=...), a vectorised search and a unit bias vector
    pass?"""
    check_mutants_and_variants(ASSIGNMENT, MUTANTS, VARIANTS, tmp_path)


@pytest.mark.xdist_group(ASSIGNMENT)
def test_the_original_function_returning_ints_in_special_cases_passes():
    """Does the original's cosine_similarity, which returned the ints 1 and 0 in its special cases, keep its
    points, and does a version without the special cases (nan for zero vectors) lose them?"""
    assert hidden_verdict(ASSIGNMENT, "cosine_similarity", COSINE_LINALG) is None
    no_special_cases = '''
def cosine_similarity(u, v):
    return np.dot(u, v) / (np.linalg.norm(u) * np.linalg.norm(v))
'''
    assert "u = 0" in (hidden_verdict(ASSIGNMENT, "cosine_similarity", no_special_cases) or "")


def _number(pattern, text):
    return float(re.search(pattern, text)[1])


@pytest.mark.xdist_group(ASSIGNMENT)
def test_the_notebook_prints_the_original_numbers():
    """On real GloVe, does the notebook print the original's cosines (to 1e-6), analogies (including the failure
    large -> smaller), the neutralized receptionist near 0 and the equalized pair symmetric, with the unit-vector
    equalize at the original's ∓0.2387?"""
    _, notebook = executed_reference(ASSIGNMENT)
    assert errors(notebook) == []
    text = printed_text(notebook)
    assert abs(_number(r"cosine_similarity\(father, mother\) = ([-\d.e]+)", text) - 0.8909038442893615) < 1e-6
    assert abs(_number(r"cosine_similarity\(ball, crocodile\) = ([-\d.e]+)", text) - 0.2743924626137942) < 1e-6
    assert abs(_number(r"cosine_similarity\(france - paris, rome - italy\) = ([-\d.e]+)", text)
               + 0.6751479308174201) < 1e-6
    for line in ("italy -> italian :: spain -> spanish", "india -> delhi :: japan -> tokyo",
                 "man -> woman :: boy -> girl", "small -> smaller :: large -> smaller"):
        assert line in text, text
    assert "man -> king :: woman -> ? king (0.900), queen (0.840)" in text
    assert abs(_number(r"before neutralizing: ([-\d.e]+)", text) - 0.3307794175059374) < 1e-6
    assert abs(_number(r"after neutralizing: ([-\d.e+]+)", text)) < 1e-12
    e1 = _number(r"  cosine_similarity\(e1, g\) = ([-\d.e]+)", text)
    e2 = _number(r"  cosine_similarity\(e2, g\) = ([-\d.e]+)", text)
    assert abs(e1 + 0.7004364289309387) < 1e-6 and abs(e1 + e2) < 1e-12
    assert abs(_number(r"on unit vectors: cosine_similarity\(e1, g\) = ([-\d.e]+)", text) + 0.23871136142883795) < 1e-6


@pytest.mark.xdist_group(ASSIGNMENT)
def test_figure_and_widget_leave_images_and_nothing_on_stderr():
    """Do the debiasing figure and the analogy widget leave PNGs, does the widget's first state complete
    man : doctor :: woman : ?, and does no cell write to stderr?"""
    _, notebook = executed_reference(ASSIGNMENT)
    pngs = [base64.b64decode(o.data["image/png"]) for c in notebook.cells if c.cell_type == "code"
            for o in c.outputs if o.output_type in ("display_data", "execute_result") and "image/png" in o.data]
    assert len(pngs) >= 2 and all(p.startswith(b"\x89PNG") for p in pngs)
    widget_cell = next(c for c in notebook.cells if c.cell_type == "code" and c.source.startswith("analogy_widget("))
    assert any("image/png" in o.get("data", {}) for o in widget_cell.outputs)
    assert stderr_cells(notebook) == []

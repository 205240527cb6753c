"""Initialization: hidden tests catch plausible bugs, accept other correct answers, and the notebook
still shows that zeros fail, large random weights start badly and He initialization trains well."""
import re

import pytest

from tests.support import check_mutants_and_variants, graded_reference, printed_text

ASSIGNMENT = "c2w1_initialization"

INITIALIZER = '''
def {name}(layers_dims):
    {seed}
    parameters = {{}}
    for l in range(1, {stop}):
        parameters["W" + str(l)] = {W}
        parameters["b" + str(l)] = {b}
    return parameters
'''
SEED = "np.random.seed(3)"
ZEROS_W = "np.zeros((layers_dims[l], layers_dims[l - 1]))"
RANDOM_W = "np.random.randn(layers_dims[l], layers_dims[l - 1]) * 10"
HE_W = "np.random.randn(layers_dims[l], layers_dims[l - 1]) * np.sqrt(2 / layers_dims[l - 1])"
ZEROS_B = "np.zeros((layers_dims[l], 1))"
STOP = "len(layers_dims)"


def initializer(name, W, b=ZEROS_B, seed=SEED, stop=STOP):
    return INITIALIZER.format(name=name, W=W, b=b, seed=seed, stop=stop)


def zeros(**kwargs):
    return initializer("initialize_parameters_zeros", **{"W": ZEROS_W, "seed": "", **kwargs})


def random(**kwargs):
    return initializer("initialize_parameters_random", **{"W": RANDOM_W, **kwargs})


def he(**kwargs):
    return initializer("initialize_parameters_he", **{"W": HE_W, **kwargs})


MUTANTS = {
    "initialize_parameters_zeros": [
        zeros(W="np.zeros((layers_dims[l - 1], layers_dims[l]))"),  # transposed
        zeros(b="np.zeros(layers_dims[l])"),  # 1-D bias
        zeros(b="np.zeros((1, layers_dims[l]))"),
        zeros(stop="len(layers_dims) - 1"),  # forgets the output layer
        zeros(W="np.zeros((layers_dims[l], layers_dims[l - 1]), dtype=int)"),
        zeros(stop="4"),  # the notebook's three layers
    ],
    "initialize_parameters_random": [
        random(seed=""),  # no seed: different numbers
        random(W="np.random.randn(layers_dims[l], layers_dims[l - 1]) * 0.01"),  # small, not large
        random(W="np.random.rand(layers_dims[l], layers_dims[l - 1]) * 10"),  # uniform, not normal
        random(W="np.random.randn(layers_dims[l - 1], layers_dims[l]).T * 10"),  # drawn transposed
        random(b="np.random.randn(layers_dims[l], 1) * 10"),  # random biases change the stream
        random(stop="4"),  # the notebook's three layers
        "def initialize_parameters_random(layers_dims):\n    parameters = {}\n"
        "    for l in range(1, len(layers_dims)):\n        np.random.seed(3)\n"
        "        parameters['W' + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * 10\n"
        "        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))\n    return parameters",  # seeds every layer
    ],
    "initialize_parameters_he": [
        he(W="np.random.randn(layers_dims[l], layers_dims[l - 1]) * np.sqrt(2 / layers_dims[l])"),  # wrong layer
        he(W="np.random.randn(layers_dims[l], layers_dims[l - 1]) * np.sqrt(1 / layers_dims[l - 1])"),  # Xavier
        he(W="np.random.randn(layers_dims[l], layers_dims[l - 1]) * 2 / np.sqrt(layers_dims[l - 1])"),
        he(W="np.random.randn(layers_dims[l], layers_dims[l - 1]) * 10"),
        he(seed=""),
        he(W="np.random.randn(layers_dims[l], layers_dims[l - 1]) * np.sqrt(2 / layers_dims[0])"),  # input size
        he(W="np.random.randn(layers_dims[l], layers_dims[l - 1]) * np.sqrt(2 / 10)"),  # the notebook's n[1]
        he(stop="4"),  # the notebook's three layers
        # hard-coded demo answer: right for [2, 4, 1] only
        "def initialize_parameters_he(layers_dims):\n    np.random.seed(3)\n"
        "    return {'W1': np.random.randn(4, 2), 'b1': np.zeros((4, 1)),\n"
        "            'W2': np.random.randn(1, 4) * np.sqrt(0.5), 'b2': np.zeros((1, 1))}",
    ],
}

VARIANTS = {
    "initialize_parameters_zeros": [
        zeros(),
        "def initialize_parameters_zeros(layers_dims):\n"
        "    return {f'{k}{l}': np.zeros((layers_dims[l], layers_dims[l - 1] if k == 'W' else 1))\n"
        "            for l in range(1, len(layers_dims)) for k in 'Wb'}",
        zeros(W="np.zeros(shape=(layers_dims[l], layers_dims[l - 1]), dtype=np.float64)",
              b="np.zeros_like(np.empty((layers_dims[l], 1)))"),
    ],
    "initialize_parameters_random": [
        random(),
        random(W="10 * np.random.standard_normal((layers_dims[l], layers_dims[l - 1]))"),
        random(W="np.random.normal(0, 10, size=(layers_dims[l], layers_dims[l - 1]))",
               b="np.zeros(layers_dims[l]).reshape(-1, 1)"),
    ],
    "initialize_parameters_he": [
        he(),
        he(W="np.random.randn(layers_dims[l], layers_dims[l - 1]) * (2.0 / layers_dims[l - 1]) ** 0.5"),
        he(W="np.random.normal(scale=np.sqrt(2 / layers_dims[l - 1]), size=(layers_dims[l], layers_dims[l - 1]))"),
        he(W="np.random.randn(layers_dims[l], layers_dims[l - 1]) / np.sqrt(layers_dims[l - 1] / 2)"),
    ],
}


@pytest.mark.xdist_group(ASSIGNMENT)
def test_mutants_lose_points_and_variants_keep_them(tmp_path):
    """Do transposed shapes, missing seeds, wrong scales, hard-coded answers, sizes and numbers of layers
    fail, and other correct ways to write the initializers pass?"""
    check_mutants_and_variants(ASSIGNMENT, MUTANTS, VARIANTS, tmp_path)


def _results(text):
    """{initialization: (first cost, final cost, train %, test %)} from the notebook's summary table."""
    rows = re.findall(r"^(zeros|random|he)\s+(\S+)\s+(\S+)\s+([\d.]+) %\s+([\d.]+) %$", text, re.MULTILINE)
    return {name: tuple(float(value) for value in values) for name, *values in rows}


@pytest.mark.xdist_group(ASSIGNMENT)
def test_the_reference_notebook_teaches_the_lesson():
    """Do zeros stay at 50 % with a flat cost, large random weights start at an infinite cost and end
    worse than He, and He reach about 99 % / 96 %?"""
    _, graded = graded_reference(ASSIGNMENT)
    text = printed_text(graded)
    results = _results(text)
    assert set(results) == {"zeros", "random", "he"}, text
    first, final, train, test = results["zeros"]
    assert first == pytest.approx(0.6931, abs=1e-4) and final == pytest.approx(0.6931, abs=1e-4)
    assert train == test == 50.0
    first, final, train, test = results["random"]
    assert first == float("inf")
    assert "Cost after iteration 0: inf" in text
    assert 75 <= train <= 90 and 78 <= test <= 92
    first, final, train, test = results["he"]
    assert 97 <= train <= 100 and 93 <= test <= 99
    assert final < 0.15 < results["random"][1]

"""Hidden tests of *Dinosaur island*.

``clip`` meets gradients of random shapes and scales and other thresholds (it may clip in place or
return clipped copies). ``sample`` is judged twice: by the **distribution** of what it draws (over
many seeds, the first character's frequencies must follow the softmax of a network whose prediction
is known; every name ends with the newline, after at most 50 characters) and by the **seeding
contract** (``np.random.seed(counter + seed)`` before each draw, so the reference's exact indices), on
the notebook's example, random networks of other sizes and a vocabulary whose newline is not index 0.
``optimize`` must return the reference's loss, clipped gradients and last state, and leave the
parameters updated in place, as ``model`` relies on. ``model`` is run on short random name lists;
it runs with the reference ``optimize`` and ``sample``, so their bugs are charged once.

Known limit: what a function prints crosses no wire, so ``model``'s printed loss (smoothed or not)
is checked by the public test only.
"""
import numpy as np

from autograder.hidden import hidden_test
from helpers.public_tests.c5w1_dinosaur_island import (
    CHAR_TO_IX, IX_TO_CHAR, constant_parameters, random_parameters, _clip_gradients, _optimize_example)

KEYS = ("dWaa", "dWax", "dWya", "db", "dby")
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def random_gradients(rng, n_a, vocab_size, scale):
    shapes = {"dWax": (n_a, vocab_size), "dWaa": (n_a, n_a), "dWya": (vocab_size, n_a), "db": (n_a, 1),
              "dby": (vocab_size, 1)}
    return {key: rng.normal(scale=scale, size=shape) for key, shape in shapes.items()}


@hidden_test("clip", points=1)
def check_clip(check, rng):
    check.call(_clip_gradients(), 10, case="the notebook's example, maxValue = 10", inputs_after="any")
    for scale, max_value in ((10.0, 5), (0.5, 1), (3.0, 2.5)):
        n_a, vocab_size = int(rng.integers(3, 9)), int(rng.integers(4, 12))
        check.call(random_gradients(rng, n_a, vocab_size, scale), max_value, inputs_after="any",
                   case=f"random gradients (n_a = {n_a}, vocab_size = {vocab_size}, about ±{scale:g}), maxValue = {max_value}")


def shuffled_vocabulary(rng):
    """A vocabulary of the newline and the letters in a random order (the newline not at index 0)."""
    chars = list("\n" + LETTERS)
    order = [int(i) for i in rng.permutation(len(chars))]
    if order[0] == 0:
        order = order[1:] + order[:1]
    return {chars[i]: position for position, i in enumerate(order)}


@hidden_test("sample", points=3)
def check_sample(check, rng):
    # 1. The distribution: a network whose softmax is known and the same at every step
    probabilities = rng.dirichlet(np.ones(27) * 0.7)
    probabilities = 0.1 * probabilities / probabilities.sum()
    probabilities[[1, 5, 0]] += 0.45, 0.3, 0.15
    parameters = constant_parameters(probabilities, n_a=5)
    drawn = []
    for seed in range(400):
        indices = check.call(parameters, CHAR_TO_IX, seed, compare_output=False, check_dtype=False,
                             case=f"a network with a known softmax, seed = {seed}")
        if not isinstance(indices, list) or not indices:
            check.fail(f"seed = {seed}: a non-empty list of indices expected, got {type(indices).__name__}")
        if int(indices[-1]) != 0 or any(int(i) == 0 for i in indices[:-1]) or len(indices) > 51:
            check.fail(f"seed = {seed}: a name must end with the newline's index, once, after at most 50 characters")
        drawn.append(int(indices[0]))
    drawn = np.array(drawn)
    for ix, label in ((1, "a"), (5, "e"), (0, "the newline")):
        share, expected = float(np.mean(drawn == ix)), float(probabilities[ix])
        if abs(share - expected) > 4 * np.sqrt(expected * (1 - expected) / len(drawn)) + 0.01:
            check.fail(f"over 400 seeds the first character was {label} {share:.0%} of the time; the network "
                       f"gives it {expected:.0%} (draw from the softmax with np.random.choice)")
    # 2. The seeding contract: the reference's exact indices
    example = random_parameters(np.random.RandomState(24), 100)
    for seed in (0, int(rng.integers(1, 1000))):
        check.call(example, CHAR_TO_IX, seed, check_dtype=False, case=f"the notebook's example, seed = {seed}")
    for n_a in (int(rng.integers(5, 20)), int(rng.integers(30, 80))):
        state = np.random.RandomState(int(rng.integers(0, 2 ** 31)))
        network = random_parameters(state, n_a)
        network["Wya"] *= 0.5
        check.call(network, CHAR_TO_IX, int(rng.integers(0, 100)), check_dtype=False,
                   case=f"a random network with n_a = {n_a}")
    vocabulary = shuffled_vocabulary(rng)
    network = random_parameters(np.random.RandomState(int(rng.integers(0, 2 ** 31))), 12)
    check.call(network, vocabulary, 3, check_dtype=False,
               case=f"a vocabulary whose newline is index {vocabulary[chr(10)]}")
    never = np.full(27, 1 / 26)
    never[0] = 0
    check.call(constant_parameters(never), CHAR_TO_IX, 7, check_dtype=False,
               case="a network that never predicts the newline")


@hidden_test("optimize", points=2)
def check_optimize(check, rng):
    X, Y, a_prev, parameters = _optimize_example()
    check.call(X, Y, a_prev, parameters, case="the notebook's example", inputs_after="as_reference",
               rtol=1e-7, atol=1e-10)
    for n_a, scale, learning_rate in ((int(rng.integers(5, 15)), 0.1, 0.05), (int(rng.integers(20, 40)), 2.0, 0.01)):
        state = np.random.RandomState(int(rng.integers(0, 2 ** 31)))
        parameters = {k: v * scale for k, v in random_parameters(state, n_a).items()}
        length = int(rng.integers(2, 12))
        name = [int(i) for i in rng.integers(1, 27, size=length)]
        X, Y = [None] + name, name + [0]
        check.call(X, Y, rng.normal(size=(n_a, 1)) * 0.5, parameters, learning_rate, inputs_after="as_reference",
                   rtol=1e-7, atol=1e-10,
                   case=f"a name of {length} letters, n_a = {n_a}, weights about ±{scale:g}, learning_rate = {learning_rate}")


def random_names(rng, n):
    return ["".join(rng.choice(list(LETTERS), size=int(rng.integers(2, 8)))) for _ in range(n)]


@hidden_test("model", points=3)
def check_model(check, rng):
    check.call(["rex", "ankylo", "ba", "saurus", "dino"], IX_TO_CHAR, CHAR_TO_IX, 22, n_a=10, dino_names=3,
               rtol=1e-7, atol=1e-10, check_dtype=False, case="the notebook's five names, 22 iterations")
    names = random_names(rng, 9)
    check.call(names, IX_TO_CHAR, CHAR_TO_IX, 2001, n_a=int(rng.integers(6, 14)), dino_names=2, rtol=1e-7,
               atol=1e-10, check_dtype=False, case=f"{len(names)} random names, 2,001 iterations (samples at 2,000)")
    names = random_names(rng, 4)
    check.call([n + "\n" for n in names], IX_TO_CHAR, CHAR_TO_IX, 9, rtol=1e-7, atol=1e-10, check_dtype=False,
               case="4 names that end with a newline, 9 iterations, the default n_a and dino_names")

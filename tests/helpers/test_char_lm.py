"""helpers.char_lm: the corpora, the given RNN steps (checked against numerical gradients), the measures of
name-likeness and the recording of a training run."""
import numpy as np
import pytest

from helpers.char_lm import (
    VOCABULARY,
    load_corpus,
    name_log_likelihood,
    pronounceable,
    random_strings,
    recording,
    rnn_backward,
    rnn_forward,
    sample_with_temperature,
    update_parameters,
)
from helpers.dinosaur_genera import GENERA

CHAR_TO_IX = {c: i for i, c in enumerate(VOCABULARY)}


def parameters(rng, n_a=6, scale=0.5):
    return {"Wax": rng.normal(scale=scale, size=(n_a, 27)), "Waa": rng.normal(scale=scale, size=(n_a, n_a)),
            "Wya": rng.normal(scale=scale, size=(27, n_a)), "b": rng.normal(scale=scale, size=(n_a, 1)),
            "by": rng.normal(scale=scale, size=(27, 1))}


def test_corpora_are_lower_case_names_one_a_line():
    """Are the genera sorted, unique, lower-case letters, and do both corpora use the same 27 characters?"""
    assert list(GENERA) == sorted(set(GENERA)) and len(GENERA) >= 950
    assert all(name.isalpha() and name.islower() for name in GENERA)
    assert {"tyrannosaurus", "velociraptor", "triceratops", "zupaysaurus"} <= set(GENERA)
    dinosaurs, first_names = load_corpus("dinosaurs"), load_corpus("first names")
    assert dinosaurs.split("\n") == list(GENERA)
    assert len(first_names.split("\n")) == 5163 and "mary" in first_names.split("\n")
    assert set(dinosaurs) == set(first_names) == set(VOCABULARY)
    with pytest.raises(ValueError):
        load_corpus("pterosaurs")


def test_rnn_backward_matches_numerical_gradients():
    """Do the given forward and backward passes agree with central differences of the loss?"""
    rng = np.random.default_rng(0)
    p = parameters(rng)
    X, Y = [None, 3, 1, 20], [3, 1, 20, 0]
    a0 = rng.normal(size=(6, 1)) * 0.3
    loss, cache = rnn_forward(X, Y, a0, p)
    gradients, a = rnn_backward(X, Y, p, cache)
    assert sorted(a) == [-1, 0, 1, 2, 3]
    for name in ("Wax", "Waa", "Wya", "b", "by"):
        index = tuple(int(rng.integers(0, n)) for n in p[name].shape)
        if name == "Wax":
            index = (index[0], 3)  # a column that an input actually uses
        shifted = {k: v.copy() for k, v in p.items()}
        shifted[name][index] += 1e-6
        up = rnn_forward(X, Y, a0, shifted)[0]
        shifted[name][index] -= 2e-6
        down = rnn_forward(X, Y, a0, shifted)[0]
        assert gradients["d" + name][index] == pytest.approx((up - down) / 2e-6, rel=1e-5, abs=1e-8), name
    updated = update_parameters({k: v.copy() for k, v in p.items()}, gradients, 0.1)
    assert np.allclose(updated["by"], p["by"] - 0.1 * gradients["dby"])


def test_name_measures():
    """Does the pronounceability rule accept real genera and reject noise, and is the log-likelihood of a
    uniform model log(1/27)?"""
    assert pronounceable("tyrannosaurus") and pronounceable("aardonyx") and not pronounceable("xkcdqzt")
    assert not pronounceable("ab") and not pronounceable("aaab")
    assert np.mean([pronounceable(n) for n in GENERA]) > 0.9
    strings = random_strings(300, lengths=[5, 10], random_state=0)
    assert {len(s) for s in strings} == {5, 10} and np.mean([pronounceable(s) for s in strings]) < 0.45
    uniform = {"Wax": np.zeros((3, 27)), "Waa": np.zeros((3, 3)), "Wya": np.zeros((27, 3)), "b": np.zeros((3, 1)),
               "by": np.zeros((27, 1))}
    assert name_log_likelihood(uniform, CHAR_TO_IX, "rex") == pytest.approx(np.log(1 / 27))


def test_sampling_with_temperature_and_prefix():
    """Does a name start with its prefix and end at the newline, and does a low temperature pick the
    likeliest character?"""
    p = parameters(np.random.default_rng(1))
    p["by"][[0, 5]] += 3.0  # the newline and "e" likely
    name, steps = sample_with_temperature(p, CHAR_TO_IX, prefix="rex", random_state=0)
    assert name.startswith("rex") and steps[-1][0] == "\n"
    assert all(np.isclose(prob.sum(), 1) for _, prob in steps)
    cold = [sample_with_temperature(p, CHAR_TO_IX, temperature=0.05, random_state=s)[1][0] for s in range(5)]
    assert len({char for char, _ in cold}) == 1
    assert max(cold[0][1]) > 0.99
    with pytest.raises(ValueError):
        sample_with_temperature(p, CHAR_TO_IX, temperature=0)


def test_recording_keeps_losses_and_snapshots_and_restores_optimize():
    """Does recording see every optimize call of a model, snapshot the parameters before the asked
    iterations, and put the learner's optimize back afterwards?"""
    namespace = {"np": np}
    exec("def optimize(X, Y, a_prev, parameters, learning_rate=0.01):\n"
         "    parameters['b'] += 1\n"
         "    return float(len(X)), {}, a_prev\n"
         "def model(n):\n"
         "    parameters = {'b': np.zeros((2, 1))}\n"
         "    for j in range(n):\n"
         "        optimize([None] * (j + 1), [0], None, parameters)\n"
         "    return parameters\n", namespace)
    original = namespace["optimize"]
    with recording(namespace["model"], snapshot_at=(0, 3)) as history:
        namespace["model"](5)
    assert namespace["optimize"] is original
    assert history.losses == [1.0, 2.0, 3.0, 4.0, 5.0]
    assert float(history.snapshots[0]["b"][0, 0]) == 0 and float(history.snapshots[3]["b"][0, 0]) == 3
    assert len(history.smoothed) == 5 and history.smoothed[0] == pytest.approx(0.999 * history.initial + 0.001)

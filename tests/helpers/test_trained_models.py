"""Tests of helpers.trained_models: the shipped files, loading them into a learner's network, the command line."""
import hashlib
import shutil

import h5py
import numpy as np
import pytest
from keras import layers
from keras.initializers import glorot_uniform, random_uniform

import helpers.trained_models as trained_models
from helpers.images import load_tinted_digits_dataset
from helpers.trained_models import get_entry, load_model, load_weights, read_registry, resnet50_narrow, verify
from helpers.trained_models import weights_file
from helpers.trained_models.__main__ import main
from helpers.trained_models.resnet50_narrow import build_resnet50_narrow

NAMES = list(read_registry())
RESNET = "resnet50_narrow_digits"
REBUILD = f"python -m helpers.trained_models build {RESNET}"


def learner_blocks(*, shortcut_first=False, F2_factor=1):
    """``identity_block`` and ``convolutional_block`` written as a learner writes them in the course's API.

    ``shortcut_first`` builds the convolutional block's shortcut before its main path and adds
    ``[X_shortcut, X]``, two correct variations; ``F2_factor`` widens the identity block's middle layer.
    """
    def main_path(X, f, filters, s, training, initializer):
        F1, F2, F3 = filters
        X = layers.Conv2D(F1, 1, strides=(s, s), padding="valid", kernel_initializer=initializer(seed=0))(X)
        X = layers.BatchNormalization(axis=3)(X, training=training)
        X = layers.Activation("relu")(X)
        X = layers.Conv2D(F2, f, strides=(1, 1), padding="same", kernel_initializer=initializer(seed=0))(X)
        X = layers.BatchNormalization(axis=3)(X, training=training)
        X = layers.Activation("relu")(X)
        X = layers.Conv2D(F3, 1, strides=(1, 1), padding="valid", kernel_initializer=initializer(seed=0))(X)
        return layers.BatchNormalization(axis=3)(X, training=training)

    def identity_block(X, f, filters, training=True, initializer=random_uniform):
        F1, F2, F3 = filters
        X_main = main_path(X, f, [F1, F2 * F2_factor, F3], 1, training, initializer)
        return layers.Activation("relu")(layers.Add()([X_main, X]))

    def convolutional_block(X, f, filters, s=2, training=True, initializer=glorot_uniform):
        def shortcut(X):
            X = layers.Conv2D(filters[2], 1, strides=(s, s), padding="valid", kernel_initializer=initializer(seed=0))(X)
            return layers.BatchNormalization(axis=3)(X, training=training)

        if shortcut_first:
            X_shortcut = shortcut(X)
            X = layers.Add()([X_shortcut, main_path(X, f, filters, s, training, initializer)])
        else:
            X_main = main_path(X, f, filters, s, training, initializer)
            X = layers.Add()([X_main, shortcut(X)])
        return layers.Activation("relu")(X)

    return identity_block, convolutional_block


@pytest.fixture(scope="module")
def test_images():
    return (load_tinted_digits_dataset()[2][:24] / 255).astype(np.float32)


@pytest.fixture(scope="module")
def shipped_probabilities(test_images):
    return np.asarray(load_model(RESNET)(test_images))  # a direct call normalizes as at inference


@pytest.fixture
def sandbox(tmp_path, monkeypatch):
    """A copy of the registry and weights files, where the package looks for them during the test."""
    for path in trained_models.DIRECTORY.iterdir():
        if path.suffix in (".json", ".h5"):
            shutil.copy(path, tmp_path / path.name)
    monkeypatch.setattr(trained_models, "DIRECTORY", tmp_path)
    return tmp_path


@pytest.mark.parametrize("name", NAMES)
def test_every_file_matches_its_entry_and_reaches_its_band(name):
    """Is every registered file present, of its recorded size and SHA-256, and does it reach its minimum on the
    held-out set, about as recorded, without retraining?"""
    entry = get_entry(name)
    path = weights_file(name)
    assert path.stat().st_size == entry["size_bytes"] < 4_000_000
    assert hashlib.sha256(path.read_bytes()).hexdigest() == entry["sha256"]
    figure = verify(name)
    assert figure >= entry["minimum"]
    assert figure == pytest.approx(entry["figure"], abs=0.03)


@pytest.mark.parametrize("name", NAMES)
def test_files_hold_the_model_variables_and_no_optimizer_state(name):
    """Does the file store exactly the network's variables (as many arrays, as many numbers) and no optimizer state?"""
    arrays = []
    with h5py.File(weights_file(name), "r") as file:
        file.visititems(lambda path, item: arrays.append((path, item.size)) if isinstance(item, h5py.Dataset) else None)
    assert not [path for path, _ in arrays if "optimizer" in path]
    assert len(arrays) == len(load_model(name).weights)
    assert sum(size for _, size in arrays) == get_entry(name)["parameters"]


def test_loads_into_a_learner_network_whatever_its_layer_names(test_images, shipped_probabilities):
    """Built twice from a learner's blocks (so Keras names its layers differently), the second time with each
    shortcut built and added first, does each network load the weights and predict exactly as the shipped one?"""
    models = [build_resnet50_narrow(*learner_blocks()), build_resnet50_narrow(*learner_blocks(shortcut_first=True))]
    assert not {layer.name for layer in models[0].layers} & {layer.name for layer in models[1].layers}
    for model in models:
        load_weights(model, RESNET)
        np.testing.assert_allclose(model(test_images), shipped_probabilities, atol=1e-5)


def test_wrong_architecture_names_the_first_difference_and_loads_nothing():
    """Does a network whose identity blocks are too wide get a ValueError naming the first variable that differs,
    with its weights left untouched?"""
    model = build_resnet50_narrow(*learner_blocks(F2_factor=2))
    before = [w.copy() for w in model.get_weights()]
    with pytest.raises(ValueError, match=r"does not have the shipped architecture .* At variable \d+ .*kernel of "
                                         r"shape \(3, 3, 8, 16\) of a Conv2D layer .* kernel of shape \(3, 3, 8, 8\)"):
        load_weights(model, RESNET)
    assert all(np.array_equal(a, b) for a, b in zip(before, model.get_weights()))


def test_missing_or_corrupt_file_names_the_rebuild_command(sandbox, capsys):
    """Does a corrupt or missing file raise, and make `verify` exit 1, with a message naming the rebuild command?"""
    path = sandbox / get_entry(RESNET)["file"]
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(ValueError, match=f"corrupt or out of date.*{REBUILD}"):
        load_weights(build_resnet50_narrow(*learner_blocks()), RESNET)
    path.unlink()
    with pytest.raises(FileNotFoundError, match=f"missing; rebuild it with: {REBUILD}"):
        weights_file(RESNET)
    assert main(["verify", RESNET]) == 1
    assert REBUILD in capsys.readouterr().err


def test_verify_fails_below_the_minimum_and_list_shows_every_model(monkeypatch, capsys):
    """Does `verify` exit 1, naming the rebuild command, when a model falls below its minimum, and does `list`
    show one row per model?"""
    assert main(["list"]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split()[:2] == ["name", "parameters"] and [row.split()[0] for row in table[1:]] == NAMES
    monkeypatch.setattr(resnet50_narrow, "evaluate", lambda model: 0.5)
    assert main(["verify", RESNET]) == 1
    assert f"is 0.5000, below its minimum 0.9; rebuild it with: {REBUILD}" in capsys.readouterr().err
    assert main(["verify", "no_such_model"]) == 1
    assert "no trained model named 'no_such_model'" in capsys.readouterr().err

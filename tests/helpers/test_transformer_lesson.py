"""Tests of helpers.transformer_lesson and of the shipped Transformer's recipe: the dates as token ids, the
training loop and greedy decoding on a learner's Transformer, the shipped weights in a learner-built network,
the figures and the attention maps."""
import matplotlib
import numpy as np
import pytest

from autograder.reference import reference_namespace
from helpers.trained_models import load_model
from helpers.trained_models.transformer_dates import (TRANSFORMER_SETTINGS, build_transformer,
                                                      load_transformer_weights)
from helpers.transformer_lesson import (START, FullyConnected, attention_maps, load_date_translation, plot_masks,
                                        plot_positional_encoding, train_transformer, translate)

matplotlib.use("Agg")


@pytest.fixture(scope="module")
def learner():
    """The notebook's reference graded functions and classes: what a learner who got everything right wrote."""
    return reference_namespace("c5w4_transformer")


@pytest.fixture(scope="module")
def task():
    return load_date_translation(m=200, m_test=50)


@pytest.fixture(scope="module")
def shipped(learner):
    """The learner's Transformer with the shipped weights loaded into it."""
    model = build_transformer(learner["Transformer"], **TRANSFORMER_SETTINGS)
    return load_transformer_weights(model, "transformer_dates")


def masks(learner):
    return learner["create_padding_mask"], learner["create_look_ahead_mask"]


def test_dates_become_token_ids_with_padding_0_and_a_start_token(task):
    """Are source ids 0 exactly where the human date ends, do target ids spell the ISO date back, and does the
    decoder's input start with the start token followed by the target shifted right?"""
    lengths = [min(len(human), 30) for human, _ in task.train_dates]
    assert [int(np.count_nonzero(row)) for row in task.X_train] == lengths
    assert task.X_train.min() == 0 and task.X_train.max() <= 37 and task.Y_train.min() >= 1
    assert task.iso(task.Y_test) == [machine for _, machine in task.test_dates]
    inputs = task.decoder_inputs(task.Y_train[:3])
    assert (inputs[:, 0] == START).all() and (inputs[:, 1:] == task.Y_train[:3, :-1]).all()
    assert (task.source_ids([human for human, _ in task.test_dates[:5]]) == task.X_test[:5]).all()


def test_fully_connected_is_a_relu_layer_then_a_linear_one():
    """Is the given feed-forward network Dense(units, relu) then Dense(embedding_dim)?"""
    network = FullyConnected(embedding_dim=6, fully_connected_dim=10)
    assert np.asarray(network(np.ones((2, 3, 6), dtype=np.float32))).shape == (2, 3, 6)
    assert [(layer.units, layer.activation.__name__) for layer in network.layers] == [(10, "relu"), (6, "linear")]


def test_training_a_learners_transformer_lowers_its_loss(learner, task):
    """Does a few steps of the GradientTape loop on a small learner's Transformer lower its loss, seeded?"""
    settings = {**TRANSFORMER_SETTINGS, "num_layers": 1, "embedding_dim": 16, "fully_connected_dim": 16}
    model = build_transformer(learner["Transformer"], **settings)
    history = train_transformer(model, task, *masks(learner), epochs=3, batch_size=32, learning_rate=0.01,
                                progress=False)
    assert len(history["loss"]) == 21 and len(history["epoch_loss"]) == 3
    assert history["epoch_loss"][-1] < history["epoch_loss"][0] - 0.3


def test_shipped_weights_in_a_learners_transformer_predict_as_the_recipe_network(learner, task, shipped):
    """Loaded into the learner's classes, do the shipped weights give the recipe network's probabilities and
    translate the held-out dates?"""
    source, decoder_input = task.X_test[:8], task.decoder_inputs(task.Y_test[:8])
    padding = learner["create_padding_mask"](source)
    arguments = dict(training=False, enc_padding_mask=padding, dec_padding_mask=padding,
                     look_ahead_mask=learner["create_look_ahead_mask"](10))
    recipe = load_model("transformer_dates")
    np.testing.assert_allclose(shipped(source, decoder_input, **arguments)[0], recipe(source, decoder_input,
                                                                                       **arguments)[0], atol=1e-5)
    predictions = translate(shipped, task.X_test, *masks(learner), task=task)
    assert np.mean([p == machine for p, (_, machine) in zip(predictions, task.test_dates)]) >= 0.9


def test_a_transformer_of_another_size_is_refused_and_left_untouched(learner):
    """Does a Transformer with a wider feed-forward layer get a ValueError naming the first variable that differs,
    with its weights unchanged?"""
    model = build_transformer(learner["Transformer"], **{**TRANSFORMER_SETTINGS, "fully_connected_dim": 96})
    before = [w.copy() for w in model.get_weights()]
    with pytest.raises(ValueError, match=r"does not have the shipped structure .* variable \d+ is .*of shape "
                                         r"\(64, 96\), where the shipped network has a variable of shape \(64, 128\)"):
        load_transformer_weights(model, "transformer_dates")
    assert all(np.array_equal(a, b) for a, b in zip(before, model.get_weights()))


def test_attention_maps_cover_every_layer_head_and_character(learner, task, shipped):
    """For one typed date, are there maps for both layers of the three kinds, sized by the date's characters,
    with rows that sum to 1, and no decoder position attending to a later one?"""
    date = "3 may 1979"
    translation, maps = attention_maps(shipped, date, *masks(learner), task=task)
    assert translation == "1979-05-03"
    assert set(maps) == {(kind, layer) for kind in ("encoder", "decoder", "cross") for layer in (1, 2)}
    assert maps["encoder", 1].shape == (4, 10, 10) and maps["cross", 2].shape == (4, 10, 10)
    assert maps["decoder", 1].shape == (4, 10, 10) and np.all(np.triu(maps["decoder", 1], 1) == 0)
    np.testing.assert_allclose(maps["encoder", 2].sum(axis=-1), 1, atol=1e-5)
    np.testing.assert_allclose(maps["cross", 1].sum(axis=-1), 1, atol=1e-5)


def test_figures_draw_the_encoding_and_the_masks(learner):
    """Do the positional-encoding and mask figures draw their two panels and return them?"""
    axes = plot_positional_encoding(learner["positional_encoding"](20, 16))
    assert len(axes) == 2 and axes[0].get_title() == "positional encoding, 20 positions, d = 16"
    axes = plot_masks(learner["create_padding_mask"](np.array([[1, 2, 0]])), learner["create_look_ahead_mask"](3))
    assert axes[0].get_title() == "padding mask (1, 1, 3)" and axes[1].get_title() == "look-ahead mask (1, 3, 3)"
    matplotlib.pyplot.close("all")

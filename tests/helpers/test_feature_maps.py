"""Tests of helpers.feature_maps: the feature maps of one picture, layer by layer, their figure and widget."""
import time

import ipywidgets as widgets
import keras
import matplotlib.pyplot as plt
import numpy as np
import pytest

from helpers.feature_maps import (
    compute_feature_maps,
    describe_prediction,
    feature_map_layers,
    feature_maps_widget,
    plot_feature_maps,
)


@pytest.fixture(scope="module")
def sequential():
    """A small Sequential ConvNet on 16 × 16 × 3 pictures, with a sigmoid output."""
    keras.utils.set_random_seed(0)
    return keras.Sequential([
        keras.Input((16, 16, 3)),
        keras.layers.ZeroPadding2D(1, name="pad"),
        keras.layers.Conv2D(4, 3, name="conv"),
        keras.layers.BatchNormalization(axis=3, name="norm"),
        keras.layers.ReLU(name="relu"),
        keras.layers.MaxPooling2D(name="pool"),
        keras.layers.Flatten(name="flatten"),
        keras.layers.Dense(1, activation="sigmoid", name="dense"),
    ])


@pytest.fixture(scope="module")
def functional():
    """A small Functional ConvNet on 12 × 12 × 1 pictures with a three-way softmax."""
    keras.utils.set_random_seed(1)
    inputs = keras.Input((12, 12, 1))
    Z = keras.layers.Conv2D(3, 2, padding="same", name="conv")(inputs)
    A = keras.layers.ReLU(name="relu")(Z)
    P = keras.layers.MaxPool2D(4, padding="same", name="pool")(A)
    outputs = keras.layers.Dense(3, activation="softmax", name="dense")(keras.layers.Flatten()(P))
    return keras.Model(inputs, outputs)


@pytest.fixture(scope="module")
def pictures():
    return np.random.default_rng(0).random((5, 16, 16, 3)).astype(np.float32)


def test_layers_are_those_with_image_shaped_outputs(sequential, functional):
    """Are the padding, convolution, normalization, ReLU and pooling layers listed, in order, and the input,
    Flatten and Dense layers left out?"""
    assert feature_map_layers(sequential) == ["pad", "conv", "norm", "relu", "pool"]
    assert feature_map_layers(functional) == ["conv", "relu", "pool"]


def test_maps_match_each_layer_applied_by_hand(sequential, pictures):
    """Does each map equal the layer's own computation on the previous map, and the output the model's?"""
    maps, output = compute_feature_maps(sequential, pictures[0])
    assert list(maps) == ["pad", "conv", "norm", "relu", "pool"]
    assert maps["pad"].shape == (18, 18, 3) and maps["conv"].shape == (16, 16, 4) and maps["pool"].shape == (8, 8, 4)
    np.testing.assert_allclose(maps["pad"][1:-1, 1:-1], pictures[0])
    conv = sequential.get_layer("conv")
    np.testing.assert_allclose(maps["conv"], np.asarray(conv(maps["pad"][None]))[0], rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(maps["relu"], np.maximum(maps["norm"], 0), rtol=1e-6)
    pooled = maps["relu"].reshape(8, 2, 8, 2, 4).max(axis=(1, 3))
    np.testing.assert_allclose(maps["pool"], pooled, rtol=1e-6)
    np.testing.assert_allclose(output, np.asarray(sequential(pictures[:1], training=False))[0], rtol=1e-5)


def test_maps_of_chosen_layers_and_bad_inputs(functional, sequential):
    """Can the layers be chosen, and are a batch instead of one picture, or a model without maps, refused?"""
    picture = np.zeros((12, 12, 1), dtype=np.float32)
    maps, output = compute_feature_maps(functional, picture, layers=["pool"])
    assert list(maps) == ["pool"] and maps["pool"].shape == (3, 3, 3) and output.shape == (3,)
    with pytest.raises(ValueError, match="one picture"):
        compute_feature_maps(functional, picture[None])
    dense_only = keras.Sequential([keras.Input((4,)), keras.layers.Dense(2)])
    with pytest.raises(ValueError, match="no layer"):
        compute_feature_maps(dense_only, np.zeros(4))


def test_prediction_sentences():
    """Does a sigmoid output read as a probability and its class, and a softmax as its best class?"""
    assert describe_prediction(np.array([0.93]), ["not smiling", "smiling"]) == "model: 0.93 → smiling"
    assert describe_prediction(np.array([0.2])) == "model: 0.20 → 0"
    assert describe_prediction(np.array([0.1, 0.7, 0.2]), ["a", "b", "c"]) == "model: b (0.70)"


def _mosaic_and_labels(fig):
    """The figure's grid of maps (the RGB image of its last axes) and the channel labels written on it."""
    grid_ax = fig.get_axes()[-1]
    return grid_ax.get_images()[0].get_array(), [t.get_text() for t in grid_ax.texts]


def test_figure_draws_every_channel_next_to_the_picture(pictures):
    """Does the figure show the picture and one labelled map per channel (at most max_channels), and say how
    many it shows?"""
    maps = np.random.default_rng(1).random((8, 8, 40))
    fig = plot_feature_maps(maps, image=pictures[0], title="picture 0", layer_name="conv")
    assert len(fig.get_axes()) == 2 and fig.get_axes()[0].get_title() == "picture 0"
    mosaic, labels = _mosaic_and_labels(fig)
    assert labels == [f"channel {k}" for k in range(32)]
    assert mosaic.shape[0] > 4 * 8 and mosaic.shape[1] >= 8 * 8
    assert fig._suptitle.get_text().startswith("conv: 8 × 8 × 40 feature maps, the first 32 shown")
    fig = plot_feature_maps(maps[..., :3])
    assert len(fig.get_axes()) == 1 and _mosaic_and_labels(fig)[1] == ["channel 0", "channel 1", "channel 2"]
    with pytest.raises(ValueError, match="feature maps"):
        plot_feature_maps(maps[..., 0])


def test_colour_scale_per_map_or_shared_by_the_layer():
    """On its own scale, does a weak map reach the brightest colour; on the layer's scale, does it stay darker
    than the strong one, and does a silent channel stay dark either way?"""
    maps = np.zeros((4, 4, 3))
    maps[0, 0, 0], maps[0, 0, 1] = 10.0, 1.0  # a strong, a weak and a silent channel
    brightest = np.array(plt.get_cmap("viridis")(1.0)[:3])
    darkest = np.array(plt.get_cmap("viridis")(0.0)[:3])
    for shared in (False, True):
        mosaic, _ = _mosaic_and_labels(plot_feature_maps(maps, shared_scale=shared, ncols=3))
        tiles = [mosaic[-4:, k * 5:k * 5 + 4] for k in range(3)]  # 4 × 4 maps, one pixel apart
        np.testing.assert_allclose(tiles[0][0, 0], brightest)
        assert np.allclose(tiles[1][0, 0], brightest) != shared
        np.testing.assert_allclose(tiles[2], np.broadcast_to(darkest, (4, 4, 3)))


def _controls(widget):
    controls, line, output = widget.children
    first_row, scale = controls.children
    slider, menu = first_row.children
    return slider, menu, scale, line, output


def test_widget_picks_a_picture_and_a_layer_and_caches_each_picture(sequential, pictures):
    """Does the widget offer every feature-map layer and every picture, open on the convolution, say the layer's
    shape and the prediction, and compute a picture's maps once however many layers are viewed?"""
    widget = feature_maps_widget(sequential, pictures, labels=[f"label {i}" for i in range(5)],
                                 class_names=["no", "yes"])
    slider, menu, scale, line, output = _controls(widget)
    assert isinstance(widget, widgets.VBox) and isinstance(output, widgets.Output)
    assert list(menu.options) == ["pad", "conv", "norm", "relu", "pool"] and (slider.min, slider.max) == (0, 4)
    assert not slider.continuous_update
    assert menu.value == "conv"  # the first layer with weights, not the padding
    assert line.value.startswith("layer 2 of 5, conv (Conv2D): output 16 × 16 × 4; model: ") and "→ " in line.value
    menu.value = "pad"
    assert line.value.startswith("layer 1 of 5, pad (ZeroPadding2D): output 18 × 18 × 3; model: ")
    for layer in menu.options:
        menu.value = layer
    assert "pool (MaxPooling2D): output 8 × 8 × 4" in line.value
    scale.value = True
    assert list(widget.cache) == [0]
    slider.value = 3
    assert list(widget.cache) == [0, 3] and "pool" in line.value


def test_widget_redraws_fast(functional):
    """Does a redraw (another layer or another picture) take well under a second?"""
    pictures = np.random.default_rng(2).random((4, 12, 12, 1)).astype(np.float32)
    widget = feature_maps_widget(functional, pictures)
    slider, menu, *_ = _controls(widget)
    began = time.perf_counter()
    menu.value = "pool"
    slider.value = 2
    assert (time.perf_counter() - began) / 2 < 1.0


def test_widget_refuses_bad_inputs(functional):
    """Are a single picture instead of a set, and labels of another length, refused with a message?"""
    with pytest.raises(ValueError, match="images of shape"):
        feature_maps_widget(functional, np.zeros((12, 12, 1)))
    with pytest.raises(ValueError, match="labels"):
        feature_maps_widget(functional, np.zeros((2, 12, 12, 1)), labels=["a"])

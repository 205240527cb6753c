"""The style-transfer notebook's images, feature network and figures."""
import numpy as np
import pytest

from helpers import style_transfer


@pytest.mark.parametrize("name", style_transfer.STYLE_NAMES)
def test_style_images_are_seeded_rgb_in_the_unit_range(name):
    """Does every style come out (h, w, 3) float32 in [0, 1], the same for the same seed, and colourful?"""
    image = style_transfer.make_style_image(name, height=40, width=60)
    assert image.shape == (40, 60, 3) and image.dtype == np.float32
    assert 0 <= image.min() and image.max() <= 1
    assert np.array_equal(image, style_transfer.make_style_image(name, height=40, width=60))
    assert image.std(axis=(0, 1)).min() > 0.1


def test_content_photos_are_cropped_to_the_asked_size():
    """Are scikit-image's photos cropped and resized to (h, w, 3) in [0, 1], whatever their aspect?"""
    for name in style_transfer.CONTENT_NAMES:
        image = style_transfer.load_content_image(name, height=30, width=50)
        assert image.shape == (30, 50, 3) and image.dtype == np.float32 and 0 <= image.min() <= image.max() <= 1


def test_bad_names_and_sizes_are_refused_clearly():
    """Do an unknown photo, an unknown style and a tiny size raise a ValueError that names the choices?"""
    with pytest.raises(ValueError, match="chelsea"):
        style_transfer.load_content_image("dog")
    with pytest.raises(ValueError, match="waves"):
        style_transfer.make_style_image("cubism")
    with pytest.raises(ValueError, match="at least 8"):
        style_transfer.make_style_image("waves", height=4)
    with pytest.raises(ValueError, match="batch of one"):
        style_transfer.tensor_to_image(np.zeros((2, 8, 8, 3)))


def test_the_feature_network_is_fixed_by_its_seed():
    """Does the random network have 93,504 frozen parameters, the same weights for the same seed and other
    weights for another, and do the named layers' outputs come at full and half resolution?"""
    first, again = style_transfer.load_feature_network(), style_transfer.load_feature_network()
    other = style_transfer.load_feature_network(random_state=1)
    assert first.count_params() == 93504 and not first.trainable_weights
    assert all(np.array_equal(a, b) for a, b in zip(first.get_weights(), again.get_weights()))
    assert not np.array_equal(first.get_weights()[0], other.get_weights()[0])
    outputs = style_transfer.get_layer_outputs(first, [("block1_conv4", 0.2), ("block2_conv1", 1)])
    a, b = outputs(np.zeros((1, 16, 24, 3), np.float32) + 0.5)
    assert tuple(a.shape) == (1, 16, 24, 32) and tuple(b.shape) == (1, 8, 12, 64)


def test_the_widget_draws_every_saved_run():
    """Does the widget build over the saved gallery and draw a figure with its costs line?"""
    import matplotlib

    matplotlib.use("Agg")
    widget = style_transfer.transfer_widget(style_transfer.load_style_gallery())
    assert widget._figures.first_png is not None
    assert "β·J_style" in widget.children[1].value

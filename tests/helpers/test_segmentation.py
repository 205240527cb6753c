"""Tests of helpers.segmentation and of the U-Net recipes: IoU by hand, masks in colour, the shipped networks'
architecture against the course's U-Net."""
import numpy as np
import pytest

from helpers.model_summary import ModelSummary
from helpers.keras_graph import graph_summary
from helpers.public_tests.c4w3_image_segmentation_with_unet import unet_layers
from helpers.road_scenes import MASK_CLASSES, MASK_COLORS
from helpers.segmentation import colour_mask, iou_per_class


def test_iou_per_class_counts_by_hand():
    """On a 2×3 mask, is each class's IoU |both| / |either|, NaN for a class in neither, whatever the shape?"""
    masks = np.array([[0, 0, 1], [1, 2, 2]])
    predictions = np.array([[0, 1, 1], [1, 1, 2]])
    iou = iou_per_class(masks, predictions, n_classes=4)
    np.testing.assert_allclose(iou[:3], [1 / 2, 2 / 4, 1 / 2])
    assert np.isnan(iou[3])
    np.testing.assert_allclose(iou_per_class(masks[None], predictions[None], n_classes=4)[:3], iou[:3])


def test_iou_per_class_refuses_masks_of_different_sizes():
    """Does a prediction of another size get a ValueError naming both sizes?"""
    with pytest.raises(ValueError, match="6 and 4 pixels"):
        iou_per_class(np.zeros((2, 3), int), np.zeros((2, 2), int))


def test_colour_mask_paints_each_class_in_its_colour():
    """Is every pixel of a mask painted in its class's MASK_COLORS row?"""
    mask = np.arange(len(MASK_CLASSES), dtype=np.uint8).reshape(1, -1)
    np.testing.assert_array_equal(colour_mask(mask)[0], MASK_COLORS)


@pytest.mark.parametrize("skips", [True, False])
def test_the_recipes_build_the_course_unet_with_and_without_skips(skips):
    """Is the shipped U-Net, layer by layer, the course's unet_model(n_filters=8, n_classes=9), and its twin the
    same network without the four concatenations (each decoder's first convolution then reads only the upsampled
    tensor)?"""
    from helpers.trained_models.unet_road_scenes import build_unet

    expected = unet_layers((96, 128, 3), 8, len(MASK_CLASSES))
    if not skips:
        expected = [dict(layer) for layer in expected if layer["cls"] != "Concatenate"]
        for index, layer in enumerate(expected):
            if layer["cls"] == "Conv2DTranspose":
                filters = layer["config"]["filters"]
                expected[index + 1] = {**expected[index + 1], "params": (9 * filters + 1) * filters}
    summary = graph_summary(build_unet(skips=skips))
    assert ModelSummary.from_plain({"cls": "Functional", "layers": expected}).difference(summary) is None

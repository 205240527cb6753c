"""Tests of helpers.detection and of the tiny YOLO recipe's encoding: targets decoded give back the true boxes,
and the measures give known answers on hand-made detections."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from helpers.detection import (  # noqa: E402
    decode_detections,
    detection_widget,
    draw_detections,
    mean_average_precision,
    precision_recall,
    scale_boxes,
    yolo_boxes_to_corners,
    yolo_head,
)
from helpers.road_scenes import make_scenes  # noqa: E402
from helpers.trained_models.tiny_yolo import ANCHORS, CELL, IMAGE_SHAPE, choose_anchors, make_targets  # noqa: E402


def _raw_from_targets(targets):
    """The raw output a perfect detector would give for these targets."""
    raw = np.zeros_like(targets)
    tx = np.clip(targets[..., :2], 1e-6, 1 - 1e-6)
    raw[..., :2] = np.log(tx / (1 - tx))
    raw[..., 2:4] = targets[..., 2:4]
    raw[..., 4] = np.where(targets[..., 4] > 0, 12.0, -12.0)
    raw[..., 5:] = 12.0 * targets[..., 5:]
    return raw


@pytest.fixture(scope="module")
def scenes():
    return make_scenes(40, 5)


def test_targets_decoded_give_back_the_true_boxes(scenes):
    """Do make_targets, then yolo_head and decode_detections, return every true box and class (mAP 1), except
    where two objects share a cell and an anchor?"""
    truths = [(scene.boxes, scene.classes) for scene in scenes[2]]
    outputs = yolo_head(_raw_from_targets(make_targets(truths)), ANCHORS)
    assert [part.shape[-1] for part in outputs] == [2, 2, 1, 3] and outputs[0].shape[1:4] == (12, 16, 3)
    detections = decode_detections(outputs, IMAGE_SHAPE, score_threshold=0.5, iou_threshold=1.0)
    precision, recall = precision_recall(detections, truths)
    assert precision == 1.0 and recall > 0.95
    for (boxes, _, classes), (true_boxes, true_classes) in zip(detections, truths):
        for box, cls in zip(boxes, classes):
            assert np.abs(true_boxes[true_classes == cls] - box).max(axis=1).min() < 1e-3
    assert mean_average_precision(detections, truths)["mAP"] > 0.95


def test_corners_are_y1_x1_y2_x2_in_pixels():
    """Does a box centred at (x, y) = (0.5, 0.25) of width 0.5 and height 0.1 become (19.2, 32, 28.8, 96) in a
    96 x 128 image?"""
    corners = scale_boxes(yolo_boxes_to_corners(np.array([0.5, 0.25]), np.array([0.5, 0.1])), (96, 128))
    np.testing.assert_allclose(np.asarray(corners), [19.2, 32, 28.8, 96], rtol=1e-6)


def test_precision_recall_and_average_precision_on_hand_made_detections():
    """One image, two true boxes: a right detection, a right box with the wrong class and a duplicate give
    precision 1/3 and recall 1/2; the car's AP is 1, the pedestrian's 0."""
    truths = [(np.array([[0, 0, 10, 10], [20, 20, 40, 30]], np.float32), np.array([0, 1]))]
    detections = [(np.array([[0, 0, 10, 11], [20, 20, 40, 30], [1, 0, 10, 10]], np.float32),
                   np.array([0.9, 0.8, 0.7]), np.array([0, 2, 0]))]
    precision, recall = precision_recall(detections, truths)
    assert precision == pytest.approx(1 / 3) and recall == pytest.approx(0.5)
    result = mean_average_precision(detections, truths)
    assert result["car"] == pytest.approx(1.0) and result["pedestrian"] == 0.0
    assert result["mAP"] == pytest.approx(1 / 3)


def test_decoding_removes_duplicates_and_keeps_distant_boxes():
    """Do two near-identical boxes collapse into the better one while a distant box stays?"""
    box_xy = np.array([[0.3, 0.3], [0.31, 0.3], [0.8, 0.8]], np.float32).reshape(1, 1, 3, 1, 2)
    box_wh = np.full((1, 1, 3, 1, 2), 0.2, np.float32)
    box_confidence = np.array([0.9, 0.8, 0.7], np.float32).reshape(1, 1, 3, 1, 1)
    box_class_probs = np.tile(np.array([1, 0, 0], np.float32), (1, 1, 3, 1, 1))
    [(boxes, scores, classes)] = decode_detections((box_xy, box_wh, box_confidence, box_class_probs), (100, 100))
    np.testing.assert_allclose(scores, [0.9, 0.7], rtol=1e-6)


def test_the_anchors_are_the_clusters_of_generated_boxes():
    """Are the recipe's anchors (the k-means centres of the boxes of the first 2,000 training scenes, in grid
    cells) within 10 % of the centres found in the first 300 of them?"""
    boxes = np.concatenate([scene.boxes for scene in make_scenes(300, 0)[2]])
    np.testing.assert_allclose(choose_anchors(boxes) / CELL, ANCHORS, rtol=0.1)


def test_yolo_head_rejects_a_wrong_shape():
    """Does an output without the anchors' axis raise a ValueError naming the expected shape?"""
    with pytest.raises(ValueError, match="5 \\+ classes"):
        yolo_head(np.zeros((1, 6, 8, 24)), ANCHORS)


def test_drawing_and_the_widget(scenes):
    """Do draw_detections and detection_widget draw truth and detections without error?"""
    images, _, listed = scenes
    ax = draw_detections(images[0], listed[0].boxes, np.full(len(listed[0].classes), 0.75), listed[0].classes,
                         truth=(listed[0].boxes, listed[0].classes))
    assert len(ax.patches) == 2 * len(listed[0].classes)
    assert sorted(text.get_text() for text in ax.texts)[0].endswith(" 0.75")
    plt.close("all")
    truths = [(scene.boxes, scene.classes) for scene in listed[:6]]
    outputs = yolo_head(_raw_from_targets(make_targets(truths)), ANCHORS)

    def evaluate(outputs, image_shape, max_boxes, score_threshold, iou_threshold):
        boxes, scores, classes = decode_detections(tuple(part[None] for part in outputs), image_shape,
                                                   score_threshold=score_threshold, iou_threshold=iou_threshold,
                                                   max_boxes=max_boxes)[0]
        return scores, boxes, classes

    widget = detection_widget(images[:6], outputs, truths, evaluate, image_shape=IMAGE_SHAPE)
    assert "precision 1.000" in widget.children[1].value
    plt.close("all")

"""Public tests of *Car detection with YOLO* (c4w3_car_detection_with_yolo).

``yolo_filter_boxes`` and ``yolo_eval`` run on random numbers of the original's shapes (a 19×19 grid,
5 anchors, 80 classes, drawn from ``np.random.default_rng(10)``); a few of the values they return
are compared with the expected ones. ``iou`` is checked on the original's four pairs of boxes.
``yolo_non_max_suppression`` runs on six hand-placed boxes: two pairs of near-duplicates, a box that
overlaps one of them by a third, and a box alone. ``yolo_eval`` also gets one sure box at a known
place, which must come out in pixels, corners in the order (y1, x1, y2, x2).
"""
import numpy as np

from helpers.checks import Checker, is_tensor

__all__ = ["iou_test", "yolo_eval_test", "yolo_filter_boxes_test", "yolo_non_max_suppression_test"]


def _random_outputs(last_dims):
    rng = np.random.default_rng(10)
    return [rng.normal(1, 4, (19, 19, 5, n)).astype(np.float32) for n in last_dims]


def _check_returns_tensors(check, result):
    check.true("returns three tensors (scores, boxes, classes)",
               isinstance(result, tuple) and len(result) == 3 and all(is_tensor(part) for part in result),
               f"a tuple of three tensors expected, got {type(result).__name__} (have you filled in every "
               "### START CODE HERE ### block?)")


def yolo_filter_boxes_test(target):
    check = Checker("yolo_filter_boxes")
    boxes, box_confidence, box_class_probs = _random_outputs((4, 1, 80))
    result = check.call(target, boxes, box_confidence, box_class_probs, threshold=0.5,
                        case="random boxes (19, 19, 5, 4), confidence (19, 19, 5, 1), probabilities (19, 19, 5, 80)")
    _check_returns_tensors(check, result)
    scores, boxes, classes = (np.asarray(part) for part in result)
    check.same("shapes of scores, boxes, classes", ((1778,), (1778, 4), (1778,)),
               (scores.shape, boxes.shape, classes.shape))
    check.same("scores[2]", np.float32(62.740013), scores[2], rtol=1e-5)
    check.same("boxes[2]", np.array([2.9007347, -0.80307442, -2.0197291, -2.2592564], np.float32), boxes[2],
               rtol=1e-5)
    check.same("classes[2]", np.int64(7), classes[2])
    check.done()


def iou_test(target):
    check = Checker("iou")
    cases = [("intersecting boxes", (2, 1, 4, 3), (1, 2, 3, 4), 0.14285714285714285),
             ("boxes apart", (1, 2, 3, 4), (5, 6, 7, 8), 0.0),
             ("boxes touching at a corner", (1, 1, 2, 2), (2, 2, 3, 3), 0.0),
             ("boxes sharing part of an edge", (1, 1, 3, 3), (2, 3, 3, 4), 0.0)]
    for case, box1, box2, expected in cases:
        got = check.call(target, box1, box2, case=f"{case}: {box1} and {box2}")
        check.true(f"{case}: a number", got is not None and np.ndim(got) == 0,
                   f"a number expected, got {type(got).__name__}")
        check.same(f"{case}: {box1} and {box2}", expected, float(got), rtol=1e-9, atol=1e-12)
    check.done()


# Six boxes (y1, x1, y2, x2), their scores and classes. Box 1 nearly covers box 0; box 2 overlaps box 0 with
# IoU 1/3; box 4 nearly covers box 3; box 5 stands alone.
NMS_BOXES = np.array([[10, 10, 50, 50], [12, 12, 52, 52], [10, 30, 50, 70], [60, 60, 90, 120], [62, 58, 92, 118],
                      [0, 100, 20, 120]], np.float32)
NMS_SCORES = np.array([0.9, 0.8, 0.7, 0.95, 0.6, 0.3], np.float32)
NMS_CLASSES = np.array([0, 0, 1, 2, 2, 1], np.int64)


def yolo_non_max_suppression_test(target):
    check = Checker("yolo_non_max_suppression")
    cases = [(dict(), [3, 0, 2, 5], "max_boxes=10, iou_threshold=0.5: the best of each group, best first"),
             (dict(iou_threshold=0.3), [3, 0, 5], "iou_threshold=0.3: the box overlapping by 1/3 goes too"),
             (dict(max_boxes=2), [3, 0], "max_boxes=2: the two best")]
    for kwargs, kept, case in cases:
        result = check.call(target, NMS_SCORES, NMS_BOXES, NMS_CLASSES, **kwargs, case=case)
        _check_returns_tensors(check, result)
        scores, boxes, classes = (np.asarray(part) for part in result)
        check.same(f"{case}: scores", NMS_SCORES[kept], scores, rtol=1e-6)
        check.same(f"{case}: boxes", NMS_BOXES[kept], boxes, rtol=1e-6)
        check.same(f"{case}: classes", NMS_CLASSES[kept], classes)
    check.done()


def yolo_eval_test(target):
    check = Checker("yolo_eval")
    result = check.call(target, tuple(_random_outputs((2, 2, 1, 80))),
                        case="random outputs of a 19 x 19 grid, 5 anchors, 80 classes, image_shape (720, 1280)")
    _check_returns_tensors(check, result)
    scores, boxes, classes = (np.asarray(part) for part in result)
    check.same("shapes of scores, boxes, classes", ((10,), (10, 4), (10,)), (scores.shape, boxes.shape, classes.shape))
    check.same("scores[2]", np.float32(157.35065), scores[2], rtol=1e-5)
    check.same("boxes[2]", np.array([4994.231, -5862.608, 3467.2495, -10483.684], np.float32), boxes[2], rtol=1e-5)
    check.same("classes[2]", np.int64(20), classes[2])

    box_xy = np.full((2, 2, 1, 2), 0.5, np.float32)
    box_wh = np.full((2, 2, 1, 2), 0.1, np.float32)
    box_wh[0, 1, 0] = 0.25, 0.5  # the sure box: centre (0.5, 0.5), width 0.25, height 0.5 of the image
    box_confidence = np.full((2, 2, 1, 1), 0.1, np.float32)
    box_confidence[0, 1, 0] = 0.9
    box_class_probs = np.full((2, 2, 1, 3), 1 / 3, np.float32)
    box_class_probs[0, 1, 0] = 0, 1, 0
    result = check.call(target, (box_xy, box_wh, box_confidence, box_class_probs), image_shape=(96, 128),
                        case="one sure box of class 1 at the centre of a 96 x 128 image")
    scores, boxes, classes = (np.asarray(part) for part in result)
    check.same("one sure box: its score", np.array([0.9], np.float32), scores, rtol=1e-6)
    check.same("one sure box: its corners (y1, x1, y2, x2) in pixels", np.array([[24, 48, 72, 80]], np.float32),
               boxes, rtol=1e-6)
    check.same("one sure box: its class", np.array([1], np.int64), classes)
    check.done()

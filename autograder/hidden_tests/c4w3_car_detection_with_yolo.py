"""Hidden tests of *Car detection with YOLO*.

Every function is compared with the reference on fresh random inputs:

* ``yolo_filter_boxes`` on the original's shapes (19×19 grid, 5 anchors, 80 classes) and on the
  notebook detector's (6×8, 3 anchors, 3 classes), at several thresholds, and on scores that equal
  the threshold exactly (a box whose score *is* the threshold is kept);
* ``iou`` on boxes (x1, y1, x2, y2) that overlap, are nested, identical, apart, or touch at an edge or a
  corner, with integer and float coordinates;
* ``yolo_non_max_suppression`` on clusters of overlapping boxes of mixed classes (the suppression
  ignores classes), at several IoU thresholds and values of ``max_boxes``;
* ``yolo_eval`` on random encodings of both shapes, with several image shapes and thresholds.
"""
import numpy as np
import tensorflow as tf

from autograder.hidden import hidden_test

SHAPES = ((19, 19, 5, 80), (6, 8, 3, 3))
FLOAT = {"rtol": 1e-5, "atol": 1e-6}


def _random_encoding(rng, rows, cols, anchors, classes):
    """box_xy, box_wh, box_confidence, box_class_probs as yolo_head gives them: fractions, probabilities."""
    box_xy = rng.uniform(0, 1, (rows, cols, anchors, 2)).astype(np.float32)
    box_wh = rng.uniform(0.02, 0.5, (rows, cols, anchors, 2)).astype(np.float32)
    box_confidence = rng.beta(0.3, 0.6, (rows, cols, anchors, 1)).astype(np.float32)
    logits = rng.normal(0, 3, (rows, cols, anchors, classes))
    box_class_probs = (np.exp(logits) / np.exp(logits).sum(axis=-1, keepdims=True)).astype(np.float32)
    return box_xy, box_wh, box_confidence, box_class_probs


@hidden_test("yolo_filter_boxes", points=2)
def check_yolo_filter_boxes(check, rng):
    for rows, cols, anchors, classes in SHAPES:
        box_xy, box_wh, box_confidence, box_class_probs = _random_encoding(rng, rows, cols, anchors, classes)
        boxes = np.concatenate([box_xy - box_wh / 2, box_xy + box_wh / 2], axis=-1)
        for threshold in (0.6, float(rng.uniform(0.05, 0.4))):
            check.call(tf.constant(boxes), tf.constant(box_confidence), tf.constant(box_class_probs),
                       threshold=threshold, **FLOAT,
                       case=f"random boxes of a {rows} x {cols} grid, {anchors} anchors, {classes} classes, "
                            f"threshold {threshold:.3f}")
    boxes = rng.uniform(0, 1, (4, 4, 2, 4)).astype(np.float32)
    box_confidence = np.ones((4, 4, 2, 1), np.float32)
    box_class_probs = rng.choice(np.array([0.25, 0.5, 0.75], np.float32), (4, 4, 2, 3))
    check.call(boxes, box_confidence, box_class_probs, threshold=0.5, **FLOAT,
               case="scores 0.25, 0.5 and 0.75 with the threshold 0.5 (numpy arrays)")


def _box_pairs(rng):
    """Pairs of boxes (x1, y1, x2, y2): overlapping, nested, identical, apart, touching at an edge and a corner."""
    x1, y1 = (int(v) for v in rng.integers(0, 20, 2))
    w, h = (int(v) for v in rng.integers(2, 12, 2))
    box = (x1, y1, x1 + w, y1 + h)
    return [
        ("overlapping boxes", box, (x1 + w // 2, y1 - 1, x1 + w + 3, y1 + h // 2)),
        ("a box inside the other", (x1 - 2, y1 - 3, x1 + w + 1, y1 + h + 2), box),
        ("identical boxes", box, box),
        ("boxes apart", box, (x1 + w + 3, y1 + h + 1, x1 + w + 9, y1 + h + 4)),
        ("boxes apart in x only", box, (x1 + w + 2, y1, x1 + w + 5, y1 + h)),
        ("boxes sharing an edge", box, (x1 + w, y1 + 1, x1 + w + 4, y1 + h - 1)),
        ("boxes touching at a corner", box, (x1 + w, y1 + h, x1 + w + 3, y1 + h + 3)),
    ]


@hidden_test("iou", points=2)
def check_iou(check, rng):
    for case, box1, box2 in _box_pairs(rng):
        check.call(box1, box2, rtol=1e-9, atol=1e-12, check_dtype=False, case=f"{case}: {box1} and {box2}")
        check.call(list(box2), list(box1), rtol=1e-9, atol=1e-12, check_dtype=False,
                   case=f"{case}, as lists in the other order")
    for _ in range(3):
        corners = rng.uniform(0, 10, (2, 2, 2))
        box1, box2 = (tuple(float(v) for v in np.concatenate([c.min(axis=0), c.max(axis=0)])) for c in corners)
        check.call(box1, box2, rtol=1e-9, atol=1e-12, check_dtype=False, case=f"float boxes {box1} and {box2}")


def _clusters(rng, n_clusters, per_cluster, classes):
    """Boxes (y1, x1, y2, x2) in pixels jittered around a few centres, scores and classes, as float32/int64."""
    centres = rng.uniform(20, 180, (n_clusters, 2))
    sizes = rng.uniform(10, 60, (n_clusters, 2))
    boxes, labels = [], []
    for centre, size in zip(centres, sizes):
        for _ in range(per_cluster):
            c = centre + rng.normal(0, 0.15, 2) * size
            s = size * rng.uniform(0.8, 1.2, 2)
            boxes.append(np.concatenate([c - s / 2, c + s / 2]))
            labels.append(rng.integers(classes))
    scores = rng.permutation(np.linspace(0.05, 0.99, len(boxes)))
    return (tf.constant(scores.astype(np.float32)), tf.constant(np.array(boxes, np.float32)),
            tf.constant(np.array(labels, np.int64)))


@hidden_test("yolo_non_max_suppression", points=2)
def check_yolo_non_max_suppression(check, rng):
    for n_clusters, per_cluster, kwargs in ((4, 5, {}), (int(rng.integers(8, 14)), 3, {"max_boxes": 5}),
                                            (6, 4, {"iou_threshold": 0.3}),
                                            (5, 4, {"max_boxes": 20, "iou_threshold": 0.7})):
        scores, boxes, classes = _clusters(rng, n_clusters, per_cluster, 3)
        check.call(scores, boxes, classes, **kwargs, **FLOAT,
                   case=f"{n_clusters} clusters of {per_cluster} overlapping boxes of mixed classes, {kwargs or 'defaults'}")


@hidden_test("yolo_eval", points=2)
def check_yolo_eval(check, rng):
    for (rows, cols, anchors, classes), kwargs in zip(SHAPES, ({}, {"image_shape": (96, 128)})):
        outputs = tuple(tf.constant(part) for part in _random_encoding(rng, rows, cols, anchors, classes))
        check.call(outputs, **kwargs, **FLOAT,
                   case=f"a random encoding of a {rows} x {cols} grid, {anchors} anchors, {classes} classes, "
                        f"{kwargs or 'defaults'}")
    outputs = _random_encoding(rng, 6, 8, 3, 3)
    settings = {"image_shape": (int(rng.integers(50, 400)), int(rng.integers(50, 400))), "max_boxes": 30,
                "score_threshold": 0.2, "iou_threshold": 0.4}
    check.call(outputs, **settings, **FLOAT, case=f"a random encoding as numpy arrays, {settings}")

"""Object detection with YOLO: decoding a detector's output, drawing boxes, measuring detections.

The tiny detector of :mod:`helpers.trained_models.tiny_yolo` outputs, for each cell of its grid and
each anchor box, raw numbers (m, rows, cols, anchors, 5 + classes). :func:`yolo_head` turns them
into the four tensors of YOLOv2: ``box_xy`` (centres) and ``box_wh`` (sizes) as fractions of the
image, ``box_confidence`` and ``box_class_probs``. :func:`yolo_boxes_to_corners` and
:func:`scale_boxes` turn centres and sizes into pixel corners (y1, x1, y2, x2).

Measuring: :func:`decode_detections` keeps the boxes of every image above a low score and removes
duplicates (the evaluation's own decoder, numpy), :func:`precision_recall` and
:func:`mean_average_precision` compare detections with the true boxes. Drawing:
:func:`draw_detections`, and :func:`detection_widget`, whose score and IoU sliders redraw the boxes
before and after non-max suppression.
"""
import numpy as np

from helpers.road_scenes import OBJECT_CLASSES

__all__ = [
    "CLASS_COLORS",
    "decode_detections",
    "detection_widget",
    "draw_detections",
    "mean_average_precision",
    "precision_recall",
    "scale_boxes",
    "yolo_boxes_to_corners",
    "yolo_head",
]

CLASS_COLORS = ("#ffd400", "#ff3df5", "#33e0ff")  # car, pedestrian, traffic light: bright on the scenes


def _sigmoid(x):
    return 1 / (1 + np.exp(-x))


def yolo_head(feats, anchors):
    """The detector's raw output as YOLOv2's four tensors.

    Parameters
    ----------
    feats : ndarray of shape (m, rows, cols, n_anchors, 5 + n_classes)
        Per box: tx, ty, tw, th, the confidence's logit, the classes' logits.
    anchors : ndarray of shape (n_anchors, 2)
        Anchor sizes (width, height) in grid cells.

    Returns
    -------
    box_xy : ndarray of shape (m, rows, cols, n_anchors, 2)
        Centres (x, y) as fractions of the image's width and height.
    box_wh : ndarray of shape (m, rows, cols, n_anchors, 2)
        Sizes (width, height) as fractions of the image's width and height.
    box_confidence : ndarray of shape (m, rows, cols, n_anchors, 1)
    box_class_probs : ndarray of shape (m, rows, cols, n_anchors, n_classes)
    """
    feats = np.asarray(feats, dtype=np.float32)
    if feats.ndim != 5 or feats.shape[-1] < 6 or feats.shape[3] != len(anchors):
        raise ValueError(f"yolo_head: feats must have shape (m, rows, cols, {len(anchors)}, 5 + classes), "
                         f"got {feats.shape}")
    rows, cols = feats.shape[1:3]
    grid = np.stack(np.meshgrid(np.arange(cols), np.arange(rows)), axis=-1)[None, :, :, None, :]
    dims = np.array([cols, rows], np.float32)
    box_xy = (_sigmoid(feats[..., :2]) + grid) / dims
    box_wh = np.exp(np.minimum(feats[..., 2:4], 10)) * np.asarray(anchors, np.float32) / dims
    box_confidence = _sigmoid(feats[..., 4:5])
    logits = feats[..., 5:] - feats[..., 5:].max(axis=-1, keepdims=True)
    box_class_probs = np.exp(logits) / np.exp(logits).sum(axis=-1, keepdims=True)
    return (box_xy.astype(np.float32), box_wh.astype(np.float32), box_confidence.astype(np.float32),
            box_class_probs.astype(np.float32))


def yolo_boxes_to_corners(box_xy, box_wh):
    """Centres (x, y) and sizes (w, h), arrays or tensors (..., 2), to a float32 tensor of corners (..., 4)
    in the order (y1, x1, y2, x2), same units."""
    from keras import ops

    box_xy, box_wh = ops.cast(box_xy, "float32"), ops.cast(box_wh, "float32")
    mins, maxes = box_xy - box_wh / 2, box_xy + box_wh / 2
    return ops.concatenate([mins[..., 1:2], mins[..., 0:1], maxes[..., 1:2], maxes[..., 0:1]], axis=-1)


def scale_boxes(boxes, image_shape):
    """Corners (..., 4) as fractions of the image to a float32 tensor of pixel corners, for an image of shape
    (height, width)."""
    from keras import ops

    height, width = image_shape
    return ops.cast(boxes, "float32") * np.array([height, width, height, width], np.float32)


def _iou_matrix(a, b):
    """IoU of every box of ``a`` (n, 4) with every box of ``b`` (k, 4), corners (y1, x1, y2, x2)."""
    top_left = np.maximum(a[:, None, :2], b[None, :, :2])
    bottom_right = np.minimum(a[:, None, 2:], b[None, :, 2:])
    inter = np.clip(bottom_right - top_left, 0, None).prod(axis=2)
    area_a = (a[:, 2] - a[:, 0]) * (a[:, 3] - a[:, 1])
    area_b = (b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1])
    return inter / np.maximum(area_a[:, None] + area_b[None] - inter, 1e-9)


def decode_detections(yolo_outputs, image_shape, *, score_threshold=0.01, iou_threshold=0.5, max_boxes=20):
    """Every image's detections: boxes above ``score_threshold``, duplicates removed (class-agnostic).

    Parameters
    ----------
    yolo_outputs : tuple of four arrays, as :func:`yolo_head` returns them for m images
    image_shape : (int, int)

    Returns
    -------
    list of m tuples (boxes (n, 4) in pixels (y1, x1, y2, x2), scores (n,), classes (n,)), best first
    """
    box_xy, box_wh, box_confidence, box_class_probs = yolo_outputs
    corners = np.asarray(scale_boxes(yolo_boxes_to_corners(box_xy, box_wh), image_shape))
    box_scores = np.asarray(box_confidence) * np.asarray(box_class_probs)
    m = len(corners)
    corners, box_scores = corners.reshape(m, -1, 4), box_scores.reshape(m, -1, box_scores.shape[-1])
    detections = []
    for boxes, scores in zip(corners, box_scores):
        classes, scores = scores.argmax(axis=-1), scores.max(axis=-1)
        order = np.argsort(-scores, kind="stable")
        order = order[scores[order] >= score_threshold]
        boxes, scores, classes = boxes[order], scores[order], classes[order]
        overlaps = _iou_matrix(boxes, boxes)
        kept = []
        for i in range(len(boxes)):
            if len(kept) == max_boxes:
                break
            if all(overlaps[i, j] <= iou_threshold for j in kept):
                kept.append(i)
        detections.append((boxes[kept], scores[kept], classes[kept]))
    return detections


def _matches(detections, truths, cls, iou_threshold):
    """Scores of the detections of class ``cls``, whether each is a true positive, and the number of true boxes."""
    scores, hits, n_true = [], [], 0
    for (boxes, det_scores, det_classes), (true_boxes, true_classes) in zip(detections, truths):
        boxes, det_scores = np.asarray(boxes)[np.asarray(det_classes) == cls], np.asarray(det_scores)[
            np.asarray(det_classes) == cls]
        true_boxes = np.asarray(true_boxes, np.float32).reshape(-1, 4)[np.asarray(true_classes) == cls]
        n_true += len(true_boxes)
        taken = np.zeros(len(true_boxes), bool)
        overlaps = _iou_matrix(boxes.reshape(-1, 4), true_boxes)
        for i in np.argsort(-det_scores, kind="stable"):
            best = int(np.argmax(overlaps[i])) if len(true_boxes) else -1
            hit = best >= 0 and overlaps[i, best] >= iou_threshold and not taken[best]
            if hit:
                taken[best] = True
            scores.append(det_scores[i])
            hits.append(hit)
    return np.array(scores, np.float64), np.array(hits, bool), n_true


def precision_recall(detections, truths, *, iou_threshold=0.5):
    """Precision and recall of a set of detections over all classes.

    A detection is right when it has the class of a true box, overlaps it with IoU of at least
    ``iou_threshold``, and no better-scored detection already took that box.

    Parameters
    ----------
    detections : list of (boxes (n, 4), scores (n,), classes (n,)), one per image
    truths : list of (boxes (k, 4), classes (k,)), one per image

    Returns
    -------
    precision, recall : float
    """
    hits, n_detected, n_true = 0, 0, 0
    for cls in range(len(OBJECT_CLASSES)):
        _, cls_hits, cls_true = _matches(detections, truths, cls, iou_threshold)
        hits, n_detected, n_true = hits + cls_hits.sum(), n_detected + len(cls_hits), n_true + cls_true
    return float(hits / max(n_detected, 1)), float(hits / max(n_true, 1))


def mean_average_precision(detections, truths, *, iou_threshold=0.5):
    """Average precision of each class (area under its precision–recall curve, made monotone) and their mean.

    Returns
    -------
    dict of {class name: AP, "mAP": mean over the classes}
    """
    if len(detections) != len(truths):
        raise ValueError(f"mean_average_precision: {len(detections)} images of detections, {len(truths)} of truths")
    result = {}
    for cls, name in enumerate(OBJECT_CLASSES):
        scores, hits, n_true = _matches(detections, truths, cls, iou_threshold)
        order = np.argsort(-scores, kind="stable")
        true_positives = np.cumsum(hits[order])
        recall = true_positives / max(n_true, 1)
        precision = true_positives / np.arange(1, len(order) + 1)
        precision = np.maximum.accumulate(np.concatenate([precision, [0.0]])[::-1])[::-1]
        recall = np.concatenate([[0.0], recall])
        result[name] = float(np.sum((recall[1:] - recall[:-1]) * precision[:-1]))
    result["mAP"] = float(np.mean([result[name] for name in OBJECT_CLASSES]))
    return result


def draw_detections(image, boxes, scores, classes, *, truth=None, ax=None, title=None):
    """Draw an image with its detected boxes (solid, labelled) and, optionally, the true boxes (dotted).

    Parameters
    ----------
    image : ndarray of shape (H, W, 3) in [0, 1]
    boxes : ndarray of shape (n, 4), pixels (y1, x1, y2, x2)
    scores : ndarray of shape (n,) or None
        None for true boxes, which are labelled without a score.
    classes : ndarray of shape (n,), indices into OBJECT_CLASSES
    truth : (boxes (k, 4), classes (k,)), optional
    ax : matplotlib Axes, optional

    Returns
    -------
    ax
    """
    import matplotlib.pyplot as plt
    from matplotlib.patches import Rectangle

    if ax is None:
        _, ax = plt.subplots(figsize=(5, 4))
    ax.imshow(np.clip(image, 0, 1))
    if truth is not None:
        for (y1, x1, y2, x2), cls in zip(np.asarray(truth[0]).reshape(-1, 4), truth[1]):
            ax.add_patch(Rectangle((x1 - 0.5, y1 - 0.5), x2 - x1, y2 - y1, fill=False, linestyle=":",
                                   linewidth=1.2, edgecolor="white"))
    boxes = np.asarray(boxes).reshape(-1, 4)
    for i, ((y1, x1, y2, x2), cls) in enumerate(zip(boxes, np.asarray(classes).astype(int))):
        color = CLASS_COLORS[cls]
        ax.add_patch(Rectangle((x1 - 0.5, y1 - 0.5), x2 - x1, y2 - y1, fill=False, linewidth=1.5, edgecolor=color))
        label = OBJECT_CLASSES[cls] if scores is None else f"{OBJECT_CLASSES[cls]} {float(scores[i]):.2f}"
        ax.text(x1 - 0.5, y1 - 1.5, label, color="black", fontsize=6,
                bbox=dict(facecolor=color, edgecolor="none", pad=0.8, alpha=0.85))
    ax.set_xlim(-0.5, image.shape[1] - 0.5)
    ax.set_ylim(image.shape[0] - 0.5, -0.5)
    ax.set_xticks([])
    ax.set_yticks([])
    if title:
        ax.set_title(title, fontsize=9)
    return ax


def detection_widget(images, yolo_outputs, truths, eval_function, *, image_shape, shown=4, score_threshold=0.6,
                     iou_threshold=0.5):
    """Sliders for the score and IoU thresholds; boxes before and after non-max suppression on ``shown`` images,
    with precision and recall at that setting on all of them.

    Parameters
    ----------
    images : ndarray of shape (m, H, W, 3)
    yolo_outputs : tuple of four arrays for the m images (:func:`yolo_head`)
    truths : list of m (boxes, classes)
    eval_function : callable
        ``eval_function(yolo_outputs_of_one_image, image_shape, max_boxes, score_threshold, iou_threshold)
        -> scores, boxes, classes``, e.g. the notebook's ``yolo_eval``.
    """
    import matplotlib.pyplot as plt

    from helpers.widgets import choice_slider, figure_widget

    scores_slider = choice_slider("score threshold", [round(0.05 * k, 2) for k in range(1, 20)], score_threshold,
                                  "360px")
    iou_slider = choice_slider("IoU threshold", [round(0.05 * k, 2) for k in range(1, 20)] + [1.0], iou_threshold,
                               "360px")

    def detect(index, score, iou, max_boxes):
        outputs = tuple(np.asarray(part[index]) for part in yolo_outputs)
        result = eval_function(outputs, image_shape=image_shape, max_boxes=max_boxes, score_threshold=score,
                               iou_threshold=iou)
        return tuple(np.asarray(part) for part in (result[1], result[0], result[2]))

    def draw(score, iou):
        detections = [detect(i, score, iou, 10) for i in range(len(images))]
        precision, recall = precision_recall(detections, truths)
        fig, axes = plt.subplots(2, shown, figsize=(2.6 * shown, 4.6), layout="constrained")
        for i in range(shown):
            before = detect(i, score, 1.0, 100)
            draw_detections(images[i], *before, truth=truths[i], ax=axes[0, i],
                            title=f"before NMS: {len(before[0])} boxes")
            draw_detections(images[i], *detections[i], truth=truths[i], ax=axes[1, i],
                            title=f"after NMS: {len(detections[i][0])} boxes")
        text = (f"score ≥ {score:g}, IoU > {iou:g} suppressed: precision {precision:.3f}, recall {recall:.3f} "
                f"on {len(images)} scenes (dotted: the true boxes)")
        return fig, text

    return figure_widget(draw, {"score": scores_slider, "iou": iou_slider})

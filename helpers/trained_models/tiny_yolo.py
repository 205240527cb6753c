"""A tiny YOLO detector of cars, pedestrians and traffic lights: the recipe of ``tiny_yolo_roads``.

The network reads a 96×128 road scene of :mod:`helpers.road_scenes` and, like YOLOv2, predicts for
each cell of a 12×16 grid (8 pixels a side) and each of 3 anchor boxes 8 raw numbers: the box's
centre offsets ``tx, ty`` and log-scales ``tw, th``, the object confidence, and the scores of the 3
classes. Its output has shape (m, 12, 16, 3, 8); :func:`helpers.detection.yolo_head` turns it into
``box_xy, box_wh, box_confidence, box_class_probs``. The anchors are the three centres of a
k-means clustering (distance 1 - IoU) of the boxes' sizes in generated scenes
(:func:`choose_anchors`).

Five 3×3 convolutions with batch normalization and leaky ReLU (16 to 128 filters; the first with
stride 2, two 2×2 max poolings) and a 1×1 convolution to the 24 outputs: 193,800 parameters. It is
trained on generated scenes with the loss of :func:`yolo_loss` and evaluated by mean average
precision at IoU 0.5 on 500 scenes drawn with another seed.
"""
import keras
import numpy as np
from keras import layers

from helpers.detection import decode_detections, mean_average_precision, yolo_head
from helpers.road_scenes import OBJECT_CLASSES, make_scenes

__all__ = ["ANCHORS", "CELL", "GRID", "HELD_OUT_SEED", "HELD_OUT_SIZE", "IMAGE_SHAPE", "build_model", "choose_anchors",
           "evaluate", "held_out_scenes", "make_targets", "train", "yolo_loss"]

IMAGE_SHAPE = (96, 128)
GRID = (12, 16)
CELL = 8  # pixels a side
#: Anchor boxes as (width, height) in grid cells, from :func:`choose_anchors` on the first 2,000 training scenes.
ANCHORS = np.array([[5, 12], [14, 13], [39, 22]], dtype=np.float32) / CELL
HELD_OUT_SEED, HELD_OUT_SIZE = 1, 500
_FILTERS = (16, 32, 64, 96, 128)


def build_model():
    """The detector, uncompiled, with fresh weights: (m, 96, 128, 3) images to (m, 12, 16, 3, 8) raw outputs."""
    X_input = keras.Input((*IMAGE_SHAPE, 3))
    X = X_input
    for index, filters in enumerate(_FILTERS):
        X = layers.Conv2D(filters, 3, strides=2 if index == 0 else 1, padding="same", use_bias=False)(X)
        X = layers.BatchNormalization()(X)
        X = layers.LeakyReLU(negative_slope=0.1)(X)
        if index in (1, 2):
            X = layers.MaxPooling2D(2)(X)
    X = layers.Conv2D(len(ANCHORS) * (5 + len(OBJECT_CLASSES)), 1)(X)
    X = layers.Reshape((*GRID, len(ANCHORS), 5 + len(OBJECT_CLASSES)))(X)
    return keras.Model(X_input, X, name="tiny_yolo")


def choose_anchors(boxes, k=3, *, iterations=50):
    """``k`` anchor sizes (width, height) in pixels: k-means on the boxes' sizes with distance 1 - IoU.

    Parameters
    ----------
    boxes : ndarray of shape (n, 4), (y1, x1, y2, x2) in pixels
    """
    sizes = np.stack([boxes[:, 3] - boxes[:, 1], boxes[:, 2] - boxes[:, 0]], axis=1).astype(np.float64)
    order = np.argsort(sizes.prod(axis=1))
    centres = sizes[order[np.linspace(0, len(sizes) - 1, k).astype(int)]]   # smallest, median, largest
    for _ in range(iterations):
        inter = np.minimum(sizes[:, None, :], centres[None]).prod(axis=2)
        iou = inter / (sizes.prod(axis=1)[:, None] + centres.prod(axis=1)[None] - inter)
        nearest = iou.argmax(axis=1)
        centres = np.array([np.median(sizes[nearest == j], axis=0) for j in range(k)])
    return centres


def make_targets(truths):
    """Training targets (m, 12, 16, 3, 8) from a list of (boxes, classes) pairs: for the cell of each box's centre
    and its best-fitting anchor, ``tx, ty`` (the centre's offset in the cell), ``tw, th`` (log of size over
    anchor), 1, one-hot class; zeros elsewhere."""
    cell = CELL
    targets = np.zeros((len(truths), *GRID, len(ANCHORS), 5 + len(OBJECT_CLASSES)), np.float32)
    for i, (boxes, classes) in enumerate(truths):
        for (y1, x1, y2, x2), cls in zip(boxes / cell, classes):
            w, h = x2 - x1, y2 - y1
            cy, cx = (y1 + y2) / 2, (x1 + x2) / 2
            row, col = min(int(cy), GRID[0] - 1), min(int(cx), GRID[1] - 1)
            inter = np.minimum(ANCHORS[:, 0], w) * np.minimum(ANCHORS[:, 1], h)
            a = int(np.argmax(inter / (w * h + ANCHORS.prod(axis=1) - inter)))
            targets[i, row, col, a, :5] = cx - col, cy - row, np.log(w / ANCHORS[a, 0]), np.log(h / ANCHORS[a, 1]), 1
            targets[i, row, col, a, 5 + cls] = 1
    return targets


def yolo_loss(y_true, y_pred, *, coord=5.0, no_object=0.5):
    """YOLOv2's loss without its warm-up terms: squared errors of the centre (after a sigmoid) and of the
    log-scales where an object is, binary cross-entropy of the confidence everywhere (weighted ``no_object``
    where there is none), categorical cross-entropy of the class where an object is; summed per image."""
    ops = keras.ops
    obj = y_true[..., 4]
    xy = ops.sum(ops.square(ops.sigmoid(y_pred[..., :2]) - y_true[..., :2]), axis=-1)
    wh = ops.sum(ops.square(y_pred[..., 2:4] - y_true[..., 2:4]), axis=-1)
    confidence = ops.binary_crossentropy(obj, y_pred[..., 4], from_logits=True)
    classes = ops.categorical_crossentropy(y_true[..., 5:], y_pred[..., 5:], from_logits=True)
    per_box = obj * (coord * (xy + wh) + confidence + classes) + (1 - obj) * no_object * confidence
    return ops.sum(per_box, axis=(1, 2, 3))


def held_out_scenes():
    """The 500 held-out scenes: ``make_scenes(500, 1)``."""
    return make_scenes(HELD_OUT_SIZE, HELD_OUT_SEED, size=IMAGE_SHAPE)


def train(model, *, seed, m, epochs, batch_size, learning_rate):
    """Train on ``m`` scenes drawn with ``seed`` (each also mirrored left-right): Adam with cosine decay."""
    images, _, scenes = make_scenes(m, seed, size=IMAGE_SHAPE)
    truths = [(scene.boxes, scene.classes) for scene in scenes]
    mirrored = [(boxes[:, [0, 3, 2, 1]] * [1, -1, 1, -1] + [0, IMAGE_SHAPE[1], 0, IMAGE_SHAPE[1]], classes)
                for boxes, classes in truths]
    targets = np.concatenate([make_targets(truths), make_targets(mirrored)])
    images = np.concatenate([images, images[:, :, ::-1]])
    steps = epochs * int(np.ceil(len(images) / batch_size))
    schedule = keras.optimizers.schedules.CosineDecay(learning_rate, decay_steps=steps)
    model.compile(optimizer=keras.optimizers.Adam(schedule), loss=yolo_loss)
    model.fit(images, targets, epochs=epochs, batch_size=batch_size, shuffle=True, verbose=0)
    return model


def evaluate(model):
    """Mean average precision at IoU 0.5 over the three classes, on the 500 held-out scenes."""
    images, _, scenes = held_out_scenes()
    raw = np.asarray(model.predict(images, batch_size=100, verbose=0))
    detections = decode_detections(yolo_head(raw, ANCHORS), IMAGE_SHAPE)
    return mean_average_precision(detections, [(s.boxes, s.classes) for s in scenes])["mAP"]

# %% [markdown]
# # Car detection with YOLO
#
# A self-driving car must know not only *that* there is a car ahead but *where* it is: a box around
# every car, pedestrian and traffic light in each camera frame, many times a second. **YOLO** ("you
# only look once", Redmon et al., 2016 and 2017) does it in one pass of a convolutional network: the
# image is divided into a grid, and every cell predicts a few boxes at once, each with a confidence
# that it holds an object and the probabilities of the classes.
#
# A network that predicts boxes everywhere says far too much: most boxes hold nothing, and a car that
# spans several cells is found several times. In this notebook you write the steps that turn the
# network's raw output into a short list of detections:
# - `yolo_filter_boxes`: keep the boxes whose score passes a threshold,
# - `iou`: how much two boxes overlap, **intersection over union**,
# - `yolo_non_max_suppression`: among overlapping boxes keep only the best one,
# - `yolo_eval`: the whole pipeline, from the network's output to the final boxes.
#
# You then run them on the output of a small trained YOLO detector, move the thresholds with sliders,
# and measure the detector the way detection papers do, with **mean average precision** on scenes it
# has never seen.
#
# Write your code between `### START CODE HERE ###` and `### END CODE HERE ###` and run the test
# cell below each exercise.

# %%
import numpy as np
import matplotlib.pyplot as plt
import tensorflow as tf

from helpers.detection import (
    decode_detections,
    detection_widget,
    draw_detections,
    mean_average_precision,
    precision_recall,
    scale_boxes,
    yolo_boxes_to_corners,
    yolo_head,
)
from helpers.public_tests.c4w3_car_detection_with_yolo import (
    iou_test,
    yolo_eval_test,
    yolo_filter_boxes_test,
    yolo_non_max_suppression_test,
)
from helpers.road_scenes import OBJECT_CLASSES, make_scenes
from helpers.trained_models import get_entry, load_model
from helpers.trained_models.tiny_yolo import ANCHORS, CELL, IMAGE_SHAPE, held_out_scenes
from helpers.widgets import under_nbgrader

tf.get_logger().setLevel("ERROR")  # keep TensorFlow's informational messages out of the notebook

# %% [markdown]
# ## 1. The road scenes
#
# The original assignment used photographs from a car's camera in Silicon Valley, labelled by hand.
# Here the scenes are painted by a program, `make_scenes` from `helpers.road_scenes`: a sky, buildings,
# a road with lane marks, and on it cars, pedestrians and traffic lights, nearer objects hiding parts of
# farther ones, with some noise on the pixels. Because the program paints them, it knows every
# object's exact box and class. The images are 96 × 128 pixels; a box is written $(y_1, x_1, y_2, x_2)$
# in pixels, its top-left and bottom-right corners.
#
# The same program also labels every pixel with its class (sky, road, car, …): the next notebook,
# on image segmentation, uses those masks.

# %%
print("classes:", OBJECT_CLASSES)
images, _, scenes = make_scenes(6, seed=2026)
fig, axes = plt.subplots(2, 3, figsize=(10, 5), layout="constrained")
for scene, ax in zip(scenes, axes.flat):
    draw_detections(scene.image, scene.boxes, None, scene.classes, ax=ax)
print(f"first scene: {len(scenes[0].classes)} objects; boxes (y1, x1, y2, x2):")
print(scenes[0].boxes)

# %% [markdown]
# ## 2. What the detector outputs
#
# The detector that ships with the course (`helpers/trained_models/tiny_yolo.py`) is YOLOv2 in
# miniature: five convolutions that shrink a 96 × 128 image to a **grid** of 12 × 16 cells, each 8
# pixels a side, and a last 1 × 1 convolution that gives every cell $3 \times 8 = 24$ numbers. It was
# trained for a few minutes on 3,000 generated scenes (and their mirror images).
#
# The 3 is the number of **anchor boxes**: typical box shapes, each cell predicting one box per anchor.
# They were chosen from the data, by clustering the sizes of the boxes in generated scenes (k-means,
# with $1 - \text{IoU}$ as the distance): a thin tall shape (pedestrians, traffic lights), a small
# square one (far cars), a wide one (near cars). Each box is then described by 8 numbers:
# $$\big(p_c,\; b_x,\; b_y,\; b_w,\; b_h,\; c_1,\; c_2,\; c_3\big)$$
# the **confidence** $p_c$ that the box holds an object, its centre and size, and the probabilities of
# the 3 classes. So the output has shape (m, 12, 16, 3, 8), where the original's had (m, 19, 19, 5, 85)
# for 80 classes and 5 anchors.

# %%
yolo_model = load_model("tiny_yolo_roads")
print(f"parameters: {yolo_model.count_params():,}")
print("output shape:", yolo_model.output.shape)
print("anchors (width, height) in pixels:", (ANCHORS * CELL).tolist())

# %% [markdown]
# The network's raw numbers are not yet boxes. `yolo_head` converts them the way YOLOv2 does: a
# sigmoid puts the centre inside its cell, an exponential scales the anchor to the box's size, a
# sigmoid gives the confidence, a softmax the class probabilities. It returns four arrays,
# `box_xy` and `box_wh` as fractions of the image, `box_confidence` of shape (…, 1) and
# `box_class_probs` of shape (…, 3). Below, the 576 boxes of one scene ($12 \times 16 \times 3$)
# are all drawn: the boxes the network is sure about stand out, but every cell says something.

# %%
raw = yolo_model.predict(images, verbose=0)
box_xy, box_wh, box_confidence, box_class_probs = yolo_head(raw, ANCHORS)
print("box_xy", box_xy.shape, "box_wh", box_wh.shape, "box_confidence", box_confidence.shape,
      "box_class_probs", box_class_probs.shape)

every_box = np.asarray(scale_boxes(yolo_boxes_to_corners(box_xy[0], box_wh[0]), IMAGE_SHAPE)).reshape(-1, 4)
every_score = (box_confidence[0] * box_class_probs[0]).reshape(-1, 3)
fig, axes = plt.subplots(1, 2, figsize=(10, 4), layout="constrained")
draw_detections(images[0], [], None, [], ax=axes[0], title="the scene")
for (y1, x1, y2, x2), score in zip(every_box, every_score.max(axis=1)):
    axes[1].add_patch(plt.Rectangle((x1, y1), x2 - x1, y2 - y1, fill=False, linewidth=0.6,
                                    edgecolor=plt.cm.viridis(score), alpha=0.3 + 0.7 * score))
draw_detections(images[0], [], None, [], ax=axes[1], title="all 576 boxes, coloured by score");

# %% [markdown]
# ## 3. Filtering by score
#
# The **score** of a box for class $c$ is the confidence times the class probability,
# $p_c \times c_i$: the probability that the box holds an object *of that class*. Each box keeps the
# class with the highest score, and boxes whose best score is below a threshold are dropped.
#
# ### Exercise 1: `yolo_filter_boxes`
#
# 1. Multiply `box_confidence` (…, 1) by `box_class_probs` (…, classes): broadcasting gives every
#    class's score, `box_scores`.
# 2. For every box, the index of the best class (`tf.math.argmax` on the last axis) and its score
#    (`tf.math.reduce_max` on the last axis).
# 3. A boolean mask, `True` where that score is at least `threshold`.
# 4. `tf.boolean_mask` applies the mask to the scores, the boxes and the classes: what is left is a
#    flat list of the boxes that passed.

# %%
# GRADED FUNCTION: yolo_filter_boxes
def yolo_filter_boxes(boxes, box_confidence, box_class_probs, threshold=.6):
    """
    Keep the boxes whose best class score reaches a threshold.

    Arguments:
    boxes -- tensor of shape (19, 19, 5, 4): the corners of every box (grid rows, grid columns, anchors)
    box_confidence -- tensor of shape (19, 19, 5, 1): the confidence p_c of every box
    box_class_probs -- tensor of shape (19, 19, 5, 80): the class probabilities c_i of every box
    threshold -- a box is kept when its best score p_c * c_i is at least this value

    Returns:
    scores -- tensor of shape (None,): the best score of each kept box
    boxes -- tensor of shape (None, 4): the corners of each kept box
    classes -- tensor of shape (None,): the index of the best class of each kept box

    None stands for the number of kept boxes, which depends on the threshold.
    """
    ### START CODE HERE ### (≈ 7 lines of code)
    # Step 1: the score of every box for every class
    box_scores = box_confidence * box_class_probs
    # Step 2: the best class of every box and its score
    box_classes = tf.math.argmax(box_scores, axis=-1)
    box_class_scores = tf.math.reduce_max(box_scores, axis=-1)
    # Step 3: a mask that keeps the boxes whose best score reaches the threshold
    filtering_mask = box_class_scores >= threshold
    # Step 4: the mask applied to the scores, boxes and classes
    scores = tf.boolean_mask(box_class_scores, filtering_mask)
    boxes = tf.boolean_mask(boxes, filtering_mask)
    classes = tf.boolean_mask(box_classes, filtering_mask)
    ### END CODE HERE ###

    return scores, boxes, classes


# %% [markdown]
# The test uses the original's shapes: a 19 × 19 grid, 5 anchors and 80 classes, filled with random
# numbers.

# %%
yolo_filter_boxes_test(yolo_filter_boxes)

# %%
# HIDDEN TESTS: yolo_filter_boxes

# %% [markdown]
# ## 4. Intersection over union
#
# Two boxes found for the same car overlap a lot; boxes of two different cars usually little. The
# **intersection over union** measures it: the area the boxes share divided by the area they cover
# together,
# $$\text{IoU}(A, B) = \frac{|A \cap B|}{|A \cup B|} = \frac{|A \cap B|}{|A| + |B| - |A \cap B|},$$
# 1 for identical boxes, 0 for boxes that do not overlap.
#
# ### Exercise 2: `iou`
#
# Here a box is written $(x_1, y_1, x_2, y_2)$: its top-left corner $(x_1, y_1)$ and bottom-right
# corner $(x_2, y_2)$, with $x$ to the right and $y$ **down**, as in an image.
# 1. The intersection is a box too: its top-left corner is the larger of the two $x_1$ and the larger
#    of the two $y_1$, its bottom-right corner the smaller $x_2$ and the smaller $y_2$.
# 2. Its width and height are $x_{i2} - x_{i1}$ and $y_{i2} - y_{i1}$, but **at least 0**: boxes that
#    do not overlap give a negative difference, and two negative sides must not make a positive area.
# 3. The union is the two areas added, minus the intersection counted twice.

# %%
# GRADED FUNCTION: iou
def iou(box1, box2):
    """
    The intersection over union of two boxes.

    Arguments:
    box1 -- the first box, a list or tuple (box1_x1, box1_y1, box1_x2, box1_y2): top-left and bottom-right corners
    box2 -- the second box, a list or tuple (box2_x1, box2_y1, box2_x2, box2_y2)

    Returns:
    iou -- the area of the intersection divided by the area of the union, a float
    """
    (box1_x1, box1_y1, box1_x2, box1_y2) = box1
    (box2_x1, box2_y1, box2_x2, box2_y2) = box2

    ### START CODE HERE ### (≈ 11 lines of code)
    # The corners of the intersection, its width, height and area
    xi1 = max(box1_x1, box2_x1)
    yi1 = max(box1_y1, box2_y1)
    xi2 = min(box1_x2, box2_x2)
    yi2 = min(box1_y2, box2_y2)
    inter_width = max(xi2 - xi1, 0)
    inter_height = max(yi2 - yi1, 0)
    inter_area = inter_width * inter_height

    # The union: Union(A, B) = A + B - Inter(A, B)
    box1_area = (box1_x2 - box1_x1) * (box1_y2 - box1_y1)
    box2_area = (box2_x2 - box2_x1) * (box2_y2 - box2_y1)
    union_area = box1_area + box2_area - inter_area

    # The IoU
    iou = inter_area / union_area
    ### END CODE HERE ###

    return iou


# %% [markdown]
# The test checks the original's four cases: boxes that intersect, boxes far apart, boxes that touch
# at a corner and boxes that share part of an edge (the last three have IoU 0).

# %%
iou_test(iou)

# %%
# HIDDEN TESTS: iou

# %% [markdown]
# ## 5. Non-max suppression
#
# After filtering, one car may still have several boxes: neighbouring cells and anchors all found it.
# **Non-max suppression** keeps one of them:
# 1. take the box with the highest score and keep it;
# 2. drop every remaining box whose IoU with it is above `iou_threshold`;
# 3. repeat with the best of the boxes left, until none is left (or `max_boxes` are kept).
#
# TensorFlow does this in `tf.image.non_max_suppression(boxes, scores, max_output_size,
# iou_threshold)`, which returns the **indices** of the boxes it keeps, best first. Its boxes must be
# written $(y_1, x_1, y_2, x_2)$, which is how `yolo_boxes_to_corners` writes them. Like the
# original's, this suppression ignores the classes: a box suppresses any box it overlaps, whatever
# their classes.
#
# ### Exercise 3: `yolo_non_max_suppression`
#
# 1. Call `tf.image.non_max_suppression` to get the indices of the boxes to keep.
# 2. Select those scores, boxes and classes with `tf.gather`.

# %%
# GRADED FUNCTION: yolo_non_max_suppression
def yolo_non_max_suppression(scores, boxes, classes, max_boxes=10, iou_threshold=0.5):
    """
    Non-max suppression: keep the best box of every group of overlapping boxes.

    Arguments:
    scores -- tensor of shape (None,): the scores, as yolo_filter_boxes returns them
    boxes -- tensor of shape (None, 4): the corners (y1, x1, y2, x2) of the boxes, in pixels
    classes -- tensor of shape (None,): the classes, as yolo_filter_boxes returns them
    max_boxes -- integer, the most boxes to keep
    iou_threshold -- a box is dropped when its IoU with a better box that is kept is above this value

    Returns:
    scores -- tensor of shape (None,): the score of each box kept, best first
    boxes -- tensor of shape (None, 4): its corners
    classes -- tensor of shape (None,): its class

    None stands for the number of boxes kept, at most max_boxes.
    """
    ### START CODE HERE ### (≈ 4 lines of code)
    # The indices of the boxes to keep
    nms_indices = tf.image.non_max_suppression(boxes, scores, max_boxes, iou_threshold=iou_threshold)
    # Only those scores, boxes and classes
    scores = tf.gather(scores, nms_indices)
    boxes = tf.gather(boxes, nms_indices)
    classes = tf.gather(classes, nms_indices)
    ### END CODE HERE ###

    return scores, boxes, classes


# %% [markdown]
# The test builds three groups of overlapping boxes and one box alone, and checks which survive at two
# thresholds and with a smaller `max_boxes`.

# %%
yolo_non_max_suppression_test(yolo_non_max_suppression)

# %%
# HIDDEN TESTS: yolo_non_max_suppression

# %% [markdown]
# ## 6. The whole pipeline
#
# ### Exercise 4: `yolo_eval`
#
# `yolo_eval` takes the four outputs of `yolo_head` for **one** image and returns its detections:
# 1. the corners of every box: `yolo_boxes_to_corners(box_xy, box_wh)`, in $(y_1, x_1, y_2, x_2)$ order and
#    as fractions of the image;
# 2. `yolo_filter_boxes` with `score_threshold`;
# 3. the boxes in pixels: `scale_boxes(boxes, image_shape)` multiplies them by
#    (height, width, height, width);
# 4. `yolo_non_max_suppression` with `max_boxes` and `iou_threshold`.
#
# Both helpers are given (they are in `helpers/detection.py`). Scale the boxes before the
# suppression: the IoU does not change when both boxes are scaled alike, so the order does not change
# the result, but the boxes that come out must be in pixels.

# %%
# GRADED FUNCTION: yolo_eval
def yolo_eval(yolo_outputs, image_shape=(720, 1280), max_boxes=10, score_threshold=.6, iou_threshold=.5):
    """
    From YOLO's encoding of one image (a box for every cell and anchor) to its detections.

    Arguments:
    yolo_outputs -- the four outputs of yolo_head for one image, e.g. for a 19 x 19 grid with 5 anchors and 80 classes:
                    box_xy: tensor of shape (19, 19, 5, 2), the centres as fractions of the image
                    box_wh: tensor of shape (19, 19, 5, 2), the sizes as fractions of the image
                    box_confidence: tensor of shape (19, 19, 5, 1)
                    box_class_probs: tensor of shape (19, 19, 5, 80)
    image_shape -- (height, width) of the image in pixels; this notebook's scenes are (96, 128)
    max_boxes -- integer, the most boxes to return
    score_threshold -- a box is kept when its best score p_c * c_i is at least this value
    iou_threshold -- the IoU above which non-max suppression drops the weaker of two boxes

    Returns:
    scores -- tensor of shape (None,): the score of each detection, best first
    boxes -- tensor of shape (None, 4): its corners (y1, x1, y2, x2) in pixels
    classes -- tensor of shape (None,): its class
    """
    ### START CODE HERE ### (≈ 5 lines of code)
    # The four outputs of yolo_head
    box_xy, box_wh, box_confidence, box_class_probs = yolo_outputs
    # The boxes' corners (y1, x1, y2, x2)
    boxes = yolo_boxes_to_corners(box_xy, box_wh)
    # Keep the boxes whose score reaches score_threshold
    scores, boxes, classes = yolo_filter_boxes(boxes, box_confidence, box_class_probs, score_threshold)
    # The boxes in pixels of the image
    boxes = scale_boxes(boxes, image_shape)
    # Non-max suppression
    scores, boxes, classes = yolo_non_max_suppression(scores, boxes, classes, max_boxes, iou_threshold)
    ### END CODE HERE ###

    return scores, boxes, classes


# %% [markdown]
# The test runs your function on random outputs of the original's shapes, and on a small grid holding
# one sure box at a known place, which must come out in pixels.

# %%
yolo_eval_test(yolo_eval)

# %%
# HIDDEN TESTS: yolo_eval

# %% [markdown]
# ## 7. Detections on new scenes
#
# Now the whole detector: the network, `yolo_head`, and your `yolo_eval` with the course's thresholds
# (score 0.6, IoU 0.5). The scenes below were never seen in training. The true boxes are dotted.

# %%
def predict(images, score_threshold=.6, iou_threshold=.5, max_boxes=10):
    """The detections of every image: a list of (boxes, scores, classes), boxes in pixels."""
    outputs = yolo_head(yolo_model.predict(images, verbose=0), ANCHORS)
    detections = []
    for index in range(len(images)):
        scores, boxes, classes = yolo_eval(tuple(part[index] for part in outputs), image_shape=IMAGE_SHAPE,
                                           max_boxes=max_boxes, score_threshold=score_threshold,
                                           iou_threshold=iou_threshold)
        detections.append((np.asarray(boxes), np.asarray(scores), np.asarray(classes)))
    return detections


detections = predict(images)
fig, axes = plt.subplots(2, 3, figsize=(11, 6), layout="constrained")
for scene, found, ax in zip(scenes, detections, axes.flat):
    draw_detections(scene.image, *found, truth=(scene.boxes, scene.classes), ax=ax,
                    title=f"{len(found[0])} detected, {len(scene.classes)} true")

precision, recall = precision_recall(detections, [(scene.boxes, scene.classes) for scene in scenes])
print(f"in the six scenes: precision {precision:.2f}, recall {recall:.2f}")
boxes, scores, classes = detections[0]
print(f"Found {len(boxes)} boxes in the first scene:")
for box, score, cls in zip(boxes, scores, classes):
    print(f"  {OBJECT_CLASSES[cls]:<14} {score:.2f}  (y1, x1, y2, x2) = {np.round(box, 1)}")

# %% [markdown]
# Most objects are found, with boxes close to the true ones. What is missed is what is hard: an object
# mostly hidden behind another, a car far away of a few pixels, a traffic light against a dark
# building.
#
# ## 8. The two thresholds
#
# The widget below runs your `yolo_eval` on 100 new scenes (20 while the notebook is graded). The top row shows four of them with
# non-max suppression switched off (IoU threshold 1): every box above the score threshold. The bottom
# row shows what survives the suppression. The line above the figure gives the **precision** (the
# share of detections that match a true box of their class with IoU ≥ 0.5) and the **recall** (the
# share of true boxes found) over those scenes.
#
# Try a low score threshold: recall rises, precision falls, and without suppression one car carries a
# pile of boxes. Raise the IoU threshold towards 1 and the duplicates come back; lower it towards 0 and
# a car hides the pedestrian standing in front of it.

# %%
widget_images, _, widget_scenes = make_scenes(20 if under_nbgrader() else 100, seed=7)
widget_outputs = yolo_head(yolo_model.predict(widget_images, verbose=0), ANCHORS)
detection_widget(widget_images, widget_outputs, [(s.boxes, s.classes) for s in widget_scenes], yolo_eval,
                 image_shape=IMAGE_SHAPE)

# %% [markdown]
# ## 9. Mean average precision
#
# One threshold gives one pair (precision, recall). To judge a detector without picking a threshold,
# sort all its detections of a class by score and walk down the list: each detection moves recall up
# (if it matches a true box) or precision down (if not). The area under this **precision–recall
# curve** is the class's **average precision** (AP); their mean over the classes is the **mean average
# precision**, mAP, the figure detection papers report (here "mAP@0.5": a detection counts when its IoU
# with a true box is at least 0.5).
#
# Below, your `yolo_eval` with a score threshold of 0.01 gives the long lists of detections, on the 500
# held-out scenes the shipped detector was measured on (the first 100 while the notebook is graded).

# %%
held_out_images, _, held_out = held_out_scenes()
if under_nbgrader():  # nothing graded uses this cell: a shorter run
    held_out_images, held_out = held_out_images[:100], held_out[:100]
truths = [(scene.boxes, scene.classes) for scene in held_out]
all_detections = predict(held_out_images, score_threshold=0.01, max_boxes=20)
average_precision = mean_average_precision(all_detections, truths)
for name in OBJECT_CLASSES:
    print(f"AP {name:<14} {average_precision[name]:.3f}")
print(f"mAP@0.5 on {len(held_out)} held-out scenes: {average_precision['mAP']:.3f} "
      f"(recorded when the detector was built: {get_entry('tiny_yolo_roads')['figure']:.3f})")

course_detections = predict(held_out_images)
precision, recall = precision_recall(course_detections, truths)
print(f"at score 0.6 and IoU 0.5: precision {precision:.3f}, recall {recall:.3f}")

# %% [markdown]
# The cars are the easiest class: large, and many in every scene. Pedestrians and traffic lights are
# thin, a few pixels wide, and often partly hidden. At the course's thresholds the detector is
# precise, and what it misses shows in the recall.
#
# ## What you built
# - The steps that turn YOLO's grid of boxes into detections: scores from confidence and class
#   probabilities, a threshold, intersection over union, non-max suppression.
# - `yolo_eval`, run on the output of a trained detector, on scenes it never saw.
# - The measure of a detector: precision and recall at one threshold, and mean average precision over
#   all of them.

# %% [markdown]
# ## Glossary · 术语表
#
# | English | 中文 |
# |---|---|
# | object detection | 目标检测 |
# | bounding box | 边界框 |
# | anchor box | anchor box（锚框） |
# | grid | 网格 |
# | intersection over union (IoU) | 交并比 |
# | non-max suppression | 非极大值抑制 |
# | precision / recall | 查准率 / 查全率 |
# | mean average precision (mAP) | 平均精度均值 |

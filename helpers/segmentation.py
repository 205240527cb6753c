"""Semantic segmentation of the generated road scenes: predicted masks, per-class IoU, their figures and widget.

A mask holds one class index per pixel (``helpers.road_scenes.MASK_CLASSES``); a segmentation
network outputs one logit per class and pixel, and the predicted mask is their argmax.
"""
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Patch

from helpers.road_scenes import MASK_CLASSES, MASK_COLORS

__all__ = [
    "colour_mask",
    "iou_per_class",
    "plot_class_iou",
    "plot_segmentations",
    "predict_masks",
    "segmentation_widget",
]


def colour_mask(mask):
    """The mask (H, W) of class indices as an RGB image (H, W, 3) in [0, 1], in the generator's MASK_COLORS."""
    return MASK_COLORS[np.asarray(mask)]


def predict_masks(model, images, *, batch_size=32):
    """The predicted masks of ``images`` (m, H, W, 3): the argmax of the model's logits, uint8 of shape (m, H, W)."""
    logits = model.predict(np.asarray(images, dtype=np.float32), batch_size=batch_size, verbose=0)
    return np.argmax(logits, axis=-1).astype(np.uint8)


def iou_per_class(masks, predictions, n_classes=len(MASK_CLASSES)):
    """Intersection over union of each class, over all pixels of all the masks.

    Parameters
    ----------
    masks, predictions : integer arrays of the same shape
        True and predicted class indices.
    n_classes : int, default len(MASK_CLASSES)

    Returns
    -------
    iou : ndarray of shape (n_classes,)
        |true ∩ predicted| / |true ∪ predicted| per class; NaN for a class that appears in neither.
    """
    masks, predictions = np.asarray(masks).ravel(), np.asarray(predictions).ravel()
    if masks.shape != predictions.shape:
        raise ValueError(f"masks and predictions differ in size: {masks.size} and {predictions.size} pixels")
    confusion = np.bincount(n_classes * masks.astype(np.int64) + predictions, minlength=n_classes ** 2)
    confusion = confusion[:n_classes ** 2].reshape(n_classes, n_classes)
    intersection = np.diag(confusion).astype(float)
    union = confusion.sum(axis=0) + confusion.sum(axis=1) - intersection
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(union > 0, intersection / union, np.nan)


def _legend(fig, columns):
    """The classes' colours below the panels, in one row when the figure is wide enough."""
    handles = [Patch(facecolor=colour, edgecolor="0.4", label=name) for name, colour in zip(MASK_CLASSES, MASK_COLORS)]
    ncol = len(MASK_CLASSES) if columns >= 4 else -(-len(MASK_CLASSES) // 2)
    fig.legend(handles=handles, loc="outside lower center", ncol=ncol, frameon=False, fontsize=9, handlelength=1.2,
               columnspacing=1.0)


def plot_segmentations(images, masks, predictions, *, axes=None):
    """Each scene in a row: the image, its true mask, then each network's predicted mask; a legend of the classes.

    Parameters
    ----------
    images : ndarray of shape (m, H, W, 3), values in [0, 1]
    masks : integer ndarray of shape (m, H, W)
    predictions : dict of {str: integer ndarray of shape (m, H, W)}
        Predicted masks by the name that titles their column.
    axes : 2-D array of matplotlib Axes of shape (m, 2 + len(predictions)), optional, keyword-only

    Returns
    -------
    axes : 2-D array of matplotlib Axes
    """
    m, columns = len(images), 2 + len(predictions)
    if axes is None:
        _, axes = plt.subplots(m, columns, figsize=(2.7 * columns, 2.05 * m + 0.6), squeeze=False,
                               layout="constrained")
    titles = ["image", "true mask", *predictions]
    for row in range(m):
        panels = [images[row], colour_mask(masks[row]),
                  *(colour_mask(predicted[row]) for predicted in predictions.values())]
        for ax, panel, title in zip(axes[row], panels, titles):
            ax.imshow(panel, interpolation="nearest")
            ax.set_xticks([])
            ax.set_yticks([])
            if row == 0:
                ax.set_title(title, fontsize=10)
    _legend(axes[0, 0].figure, columns)
    return axes


def plot_class_iou(ious, *, ax=None):
    """Per-class IoU as grouped bars, one colour per network, with each network's mean IoU in the legend.

    Parameters
    ----------
    ious : dict of {str: ndarray of shape (len(MASK_CLASSES),)}
        IoU per class by network name (NaN: the class appears nowhere; no bar).
    ax : matplotlib Axes, optional, keyword-only

    Returns
    -------
    ax : matplotlib Axes
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(10, 3.6), layout="constrained")
    width = 0.8 / len(ious)
    positions = np.arange(len(MASK_CLASSES))
    for index, (name, iou) in enumerate(ious.items()):
        iou = np.asarray(iou, dtype=float)
        bars = ax.bar(positions + (index - (len(ious) - 1) / 2) * width, np.nan_to_num(iou), width,
                      label=f"{name} (mean {np.nanmean(iou):.2f})")
        ax.bar_label(bars, labels=["" if np.isnan(v) else f"{v:.2f}" for v in iou], fontsize=7, padding=1)
    ax.set_xticks(positions, MASK_CLASSES)
    ax.set(ylim=(0, 1.24), ylabel="IoU", title="Intersection over union, class by class")
    ax.set_yticks(np.linspace(0, 1, 6))
    ax.legend(loc="upper center", ncol=len(ious), fontsize=9, frameon=False)
    ax.grid(axis="y", alpha=0.3)
    return ax


def segmentation_widget(images, masks, predictions):
    """A slider over scenes: the image, its true and predicted masks, and each network's IoU per class on that
    scene (figure_widget). ``predictions`` maps network names to predicted masks, as in plot_segmentations."""
    from helpers.widgets import figure_widget, int_slider

    slider = int_slider("scene", 0, 0, len(images) - 1, "420px")

    def draw(scene):
        columns = 2 + len(predictions)
        fig = plt.figure(figsize=(2.7 * columns, 6.0), layout="constrained")
        top, bottom = fig.subfigures(2, 1, height_ratios=[1, 1.1])
        one = slice(scene, scene + 1)
        plot_segmentations(images[one], masks[one], {name: predicted[one] for name, predicted in predictions.items()},
                           axes=top.subplots(1, columns, squeeze=False))
        ax = plot_class_iou({name: iou_per_class(masks[scene], predicted[scene])
                             for name, predicted in predictions.items()}, ax=bottom.subplots())
        ax.set_title(f"IoU on scene {scene} (no bar: the class is neither in the scene nor predicted)")
        right = ", ".join(f"{name} {np.mean(predicted[scene] == masks[scene]):.1%}"
                          for name, predicted in predictions.items())
        return fig, f"pixels classified right: {right}"

    return figure_widget(draw, {"scene": slider})

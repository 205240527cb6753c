"""Generated road scenes: the data of Course 4 week 3 (YOLO detection and U-Net segmentation).

:func:`make_scene` paints one street seen from a car: a sky, a row of buildings on the horizon, a
road with dashed lane marks running to a vanishing point, sidewalks, and on top of them cars,
pedestrians and traffic lights, nearer objects over farther ones. Because the picture is painted, its
labels are exact: a box and a class for every object (:data:`OBJECT_CLASSES`), and a class for every
pixel (:data:`MASK_CLASSES`) from the same strokes, so a part hidden by a nearer object belongs to
that object in the mask, while the box still covers the whole object behind. Pixel noise and a
random exposure make the images less clean than the labels.

:func:`make_scenes` stacks many scenes into arrays. Both are deterministic by seed, numpy only.
"""
from dataclasses import dataclass

import numpy as np

__all__ = ["MASK_CLASSES", "MASK_COLORS", "OBJECT_CLASSES", "Scene", "make_scene", "make_scenes"]

OBJECT_CLASSES = ("car", "pedestrian", "traffic light")
MASK_CLASSES = ("sky", "building", "road", "lane marking", "sidewalk", "pole", "traffic light",
                "car", "pedestrian")
MASK_COLORS = np.array([
    [0.53, 0.75, 0.93],   # sky
    [0.55, 0.35, 0.30],   # building
    [0.35, 0.35, 0.38],   # road
    [1.00, 1.00, 1.00],   # lane marking
    [0.80, 0.75, 0.60],   # sidewalk
    [0.60, 0.60, 0.20],   # pole
    [1.00, 0.60, 0.00],   # traffic light
    [0.10, 0.25, 0.90],   # car
    [0.90, 0.10, 0.20],   # pedestrian
], dtype=np.float32)
"""One display colour per mask class (row ``k`` for mask value ``k``), for drawing masks."""

_SKY, _BUILDING, _ROAD, _LANE, _SIDEWALK, _POLE, _LIGHT, _CAR, _PEDESTRIAN = range(9)
_MASK_OF_OBJECT = (_CAR, _PEDESTRIAN, _LIGHT)
_CAR_COLORS = np.array([
    [0.80, 0.10, 0.10], [0.10, 0.25, 0.75], [0.92, 0.92, 0.92], [0.70, 0.72, 0.75],
    [0.08, 0.12, 0.35], [0.95, 0.80, 0.10], [0.10, 0.50, 0.20], [0.12, 0.12, 0.12],
    [0.95, 0.50, 0.10],
])
_MAX_OVERLAP = 0.45   # largest share of a smaller box that another box may cover


@dataclass(frozen=True, eq=False)
class Scene:
    """One generated road scene and its exact labels.

    Attributes
    ----------
    image : ndarray of shape (H, W, 3), float32 in [0, 1]
    boxes : ndarray of shape (n, 4), float32
        One box per object as (y1, x1, y2, x2) in pixels: the object covers rows ``y1 <= y < y2``
        and columns ``x1 <= x < x2`` (the whole object, also where something nearer hides it).
    classes : ndarray of shape (n,), int64
        Index of each object's class in :data:`OBJECT_CLASSES`.
    mask : ndarray of shape (H, W), uint8
        Index of each pixel's class in :data:`MASK_CLASSES` (what is visible there).
    """

    image: np.ndarray
    boxes: np.ndarray
    classes: np.ndarray
    mask: np.ndarray


def make_scene(seed, size=(96, 128)):
    """Paint one road scene.

    Parameters
    ----------
    seed : int or sequence of int
        Seed of ``np.random.default_rng``; the same seed always gives the same scene.
    size : (int, int)
        Height and width in pixels, each at least 32.

    Returns
    -------
    Scene
    """
    H, W = _check_size(size)
    return _paint(np.random.default_rng(seed), H, W)


def make_scenes(n, seed, size=(96, 128)):
    """Paint ``n`` road scenes; scene ``i`` is ``make_scene([seed, i], size)``.

    Returns
    -------
    images : ndarray of shape (n, H, W, 3), float32
    masks : ndarray of shape (n, H, W), uint8
    scenes : list of Scene
        The scenes themselves, with their boxes and classes.
    """
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 0:
        raise ValueError(f"make_scenes: n must be a non-negative integer, got {n!r}")
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise ValueError(f"make_scenes: seed must be a non-negative integer, got {seed!r}")
    H, W = _check_size(size)
    scenes = [_paint(np.random.default_rng([int(seed), i]), H, W) for i in range(n)]
    images = np.zeros((n, H, W, 3), np.float32)
    masks = np.zeros((n, H, W), np.uint8)
    for i, scene in enumerate(scenes):
        images[i], masks[i] = scene.image, scene.mask
    return images, masks, scenes


def _check_size(size):
    try:
        H, W = (int(v) for v in size)
    except (TypeError, ValueError):
        raise ValueError(f"size must be (height, width), got {size!r}") from None
    if H < 32 or W < 32 or (H, W) != tuple(size):
        raise ValueError(f"size must be two integers of at least 32, got {size!r}")
    return H, W


class _Canvas:
    """An image and its mask, painted together."""

    def __init__(self, H, W):
        self.image = np.zeros((H, W, 3), np.float32)
        self.mask = np.zeros((H, W), np.uint8)

    def rect(self, y1, x1, y2, x2, color, label):
        H, W = self.mask.shape
        y1, x1, y2, x2 = max(int(y1), 0), max(int(x1), 0), min(int(y2), H), min(int(x2), W)
        if y1 < y2 and x1 < x2:
            self.image[y1:y2, x1:x2] = color
            self.mask[y1:y2, x1:x2] = label

    def disc(self, cy, cx, r, color, label):
        y1, y2, x1, x2 = int(cy - r), int(cy + r) + 1, int(cx - r), int(cx + r) + 1
        y1, x1 = max(y1, 0), max(x1, 0)
        H, W = self.mask.shape
        rows, cols = np.arange(y1, min(y2, H))[:, None], np.arange(x1, min(x2, W))[None, :]
        inside = (rows + 0.5 - cy) ** 2 + (cols + 0.5 - cx) ** 2 <= r * r
        self.image[y1:y2, x1:x2][inside] = color
        self.mask[y1:y2, x1:x2][inside] = label


def _paint(rng, H, W):
    canvas = _Canvas(H, W)
    horizon = int(H * rng.uniform(0.36, 0.48))
    vanish_x = W * rng.uniform(0.4, 0.6)
    _paint_background(canvas, rng, horizon, vanish_x)

    objects = _place_objects(rng, H, W, horizon, vanish_x)
    for obj in sorted(objects, key=lambda o: o["ground"]):
        obj["paint"](canvas, rng, *obj["box"], obj["ground"])

    exposure = rng.uniform(0.8, 1.1)
    image = canvas.image * np.float32(exposure)
    image += np.float32(0.035) * rng.standard_normal(image.shape, dtype=np.float32)
    np.clip(image, 0.0, 1.0, out=image)
    boxes = np.array([o["box"] for o in objects], np.float32).reshape(-1, 4)
    classes = np.array([o["class"] for o in objects], np.int64)
    return Scene(image=image, boxes=boxes, classes=classes, mask=canvas.mask)


def _paint_background(canvas, rng, horizon, vanish_x):
    H, W = canvas.mask.shape
    top, bottom = rng.uniform(0.45, 0.7), rng.uniform(0.8, 0.95)
    shade = np.linspace(top, bottom, H, dtype=np.float32)[:, None, None]
    canvas.image[:] = shade * np.array([0.62, 0.8, 1.0], np.float32)

    x = rng.uniform(-6, 0)
    while x < W:
        width, height = rng.uniform(0.1, 0.25) * W, rng.uniform(0.1, 0.35) * H
        color = rng.uniform(0.3, 0.75) * np.array([1.0, rng.uniform(0.7, 0.95), rng.uniform(0.6, 0.9)])
        canvas.rect(horizon - height, x, horizon + 1, x + width, color, _BUILDING)
        y1, x1, x2 = int(horizon - height) + 2, max(int(x) + 2, 0), int(x + width) - 2
        for dy in (0, 1):
            for dx in (0, 1):   # 2×2 windows every 4 pixels
                canvas.image[y1 + dy:horizon - 2:4, x1 + dx:max(x2, 0):4] = color * 0.55
        x += width + rng.uniform(0, 0.05) * W

    rows = np.arange(horizon + 1, H)[:, None]
    depth = (rows - horizon) / (H - horizon)
    half_width = 2 + depth * W * rng.uniform(0.7, 1.0)
    offset = np.arange(W)[None, :] + 0.5 - vanish_x
    ground = (slice(horizon + 1, H), slice(None))
    canvas.image[ground] = np.array([0.8, 0.76, 0.66]) * rng.uniform(0.85, 1.05)
    canvas.mask[ground] = _SIDEWALK
    road = np.abs(offset) < half_width
    canvas.image[ground][road] = rng.uniform(0.3, 0.42)
    canvas.mask[ground][road] = _ROAD
    dashes = (np.floor(6 * np.log1p(rows - horizon)) % 2) == 0
    mark_width = 0.4 + 1.6 * depth
    for lane in (-1 / 3, 1 / 3):
        on_mark = dashes & (np.abs(offset - lane * half_width) < mark_width)
        canvas.image[ground][on_mark] = [0.95, 0.95, 0.9]
        canvas.mask[ground][on_mark] = _LANE


def _place_objects(rng, H, W, horizon, vanish_x):
    counts = (rng.integers(1, 6), rng.integers(0, 4), rng.integers(0, 3))
    objects = []
    for cls, count in enumerate(counts):
        for _ in range(count):
            for _attempt in range(30):
                box, ground = _propose(cls, rng, H, W, horizon, vanish_x)
                if all(_overlap(box, o["box"]) < _MAX_OVERLAP for o in objects):
                    objects.append(dict(box=box, ground=ground, **{"class": cls},
                                        paint=_PAINTERS[cls]))
                    break
    return objects


def _propose(cls, rng, H, W, horizon, vanish_x):
    """A box (y1, x1, y2, x2) of integers inside the image, and the row where it meets the ground."""
    span = H - horizon
    if cls == 2:   # traffic light: the housing, high on a pole at the roadside
        height = max(6, round(rng.uniform(0.09, 0.16) * H))
        width = max(3, round(height / rng.uniform(2.3, 2.8)))
        y1 = int(rng.integers(2, max(3, horizon - height // 2)))
        side = rng.choice([-1, 1])
        x1 = int(np.clip(vanish_x + side * rng.uniform(0.15, 0.45) * W, 1, W - width - 1))
        ground = horizon + rng.uniform(0.05, 0.3) * span
        return (y1, x1, y1 + height, x1 + width), ground
    ground = horizon + rng.uniform(0.2, 1.0) * span
    depth = (ground - horizon) / span
    if cls == 0:   # car, on the road
        height = max(5, round(depth * span * rng.uniform(0.45, 0.6)))
        width = round(height * rng.uniform(1.5, 2.1))
        center = vanish_x + rng.uniform(-0.7, 0.7) * depth * W * 0.7
    else:          # pedestrian, mostly by the road's edges
        height = max(7, round(depth * span * rng.uniform(0.6, 0.8)))
        width = max(3, round(height / rng.uniform(2.6, 3.2)))
        center = vanish_x + rng.choice([-1, 1]) * rng.uniform(0.4, 1.1) * depth * W * 0.8
    y2 = min(int(round(ground)), H)
    x1 = int(np.clip(round(center - width / 2), 0, W - width))
    return (y2 - height, x1, y2, x1 + width), ground


def _overlap(a, b):
    inter_h = min(a[2], b[2]) - max(a[0], b[0])
    inter_w = min(a[3], b[3]) - max(a[1], b[1])
    if inter_h <= 0 or inter_w <= 0:
        return 0.0
    smaller = min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1]))
    return inter_h * inter_w / smaller


def _paint_car(canvas, rng, y1, x1, y2, x2, ground):
    h, w = y2 - y1, x2 - x1
    body = _CAR_COLORS[rng.integers(len(_CAR_COLORS))] * rng.uniform(0.85, 1.1)
    cabin_top = y1 + 0.45 * h
    canvas.rect(y1, x1 + 0.18 * w, cabin_top + 1, x2 - 0.18 * w, body * 0.9, _CAR)
    canvas.rect(y1 + 0.12 * h, x1 + 0.25 * w, cabin_top, x2 - 0.25 * w, [0.15, 0.2, 0.28], _CAR)
    canvas.rect(cabin_top, x1, y2 - 0.15 * h, x2, body, _CAR)
    lamp = max(1, 0.12 * w)
    canvas.rect(cabin_top + 0.12 * h, x1 + 1, cabin_top + 0.22 * h + 1, x1 + 1 + lamp, [0.9, 0.1, 0.1], _CAR)
    canvas.rect(cabin_top + 0.12 * h, x2 - 1 - lamp, cabin_top + 0.22 * h + 1, x2 - 1, [0.9, 0.1, 0.1], _CAR)
    wheel = max(1, 0.22 * w)
    canvas.rect(y2 - 0.15 * h, x1 + 0.05 * w, y2, x1 + 0.05 * w + wheel, [0.05, 0.05, 0.05], _CAR)
    canvas.rect(y2 - 0.15 * h, x2 - 0.05 * w - wheel, y2, x2 - 0.05 * w, [0.05, 0.05, 0.05], _CAR)


def _paint_pedestrian(canvas, rng, y1, x1, y2, x2, ground):
    h, w = y2 - y1, x2 - x1
    shirt = rng.uniform(0.1, 0.95, 3)
    trousers = rng.uniform(0.05, 0.4) * np.array([0.8, 0.85, 1.0])
    head = max(1.0, 0.11 * h)
    canvas.disc(y1 + head, (x1 + x2) / 2, head, rng.uniform(0.45, 0.85) * np.array([1, 0.78, 0.62]),
                _PEDESTRIAN)
    canvas.rect(y1 + 2 * head - 0.5, x1, y1 + 0.58 * h, x2, shirt, _PEDESTRIAN)
    gap = max(1, round(0.2 * w)) if w >= 4 else 0
    mid = (x1 + x2) // 2
    canvas.rect(y1 + 0.58 * h, x1 + 0.1 * w, y2, mid - gap // 2, trousers, _PEDESTRIAN)
    canvas.rect(y1 + 0.58 * h, mid + (gap + 1) // 2, y2, x2 - 0.1 * w, trousers, _PEDESTRIAN)


def _paint_light(canvas, rng, y1, x1, y2, x2, ground):
    H = canvas.mask.shape[0]
    h, w = y2 - y1, x2 - x1
    cx = (x1 + x2) / 2
    pole = max(1, round(w / 3))
    canvas.rect(y2, round(cx - pole / 2), min(H, ground), round(cx - pole / 2) + pole,
                [0.3, 0.3, 0.28], _POLE)
    canvas.rect(y1, x1, y2, x2, [0.12, 0.12, 0.1], _LIGHT)
    lit = rng.integers(3)
    r = max(0.8, 0.36 * w)
    for k, color in enumerate(([1.0, 0.15, 0.1], [1.0, 0.8, 0.1], [0.2, 1.0, 0.3])):
        cy = y1 + h * (k + 0.5) / 3
        canvas.disc(cy, cx, r, np.array(color) * (1.0 if k == lit else 0.3), _LIGHT)


_PAINTERS = (_paint_car, _paint_pedestrian, _paint_light)

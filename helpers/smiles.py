"""Cartoon faces that smile or do not: the offline stand-in for the course's "happy house" photos.

The original Course 4 week 1 application trains ``happyModel`` on 600 + 150 photos of faces
labelled smiling (1) or not (0). Those photos are not available offline, so
:func:`load_cartoon_smiles_dataset` returns the same structure filled with **generated cartoon
faces**, drawn by :func:`make_cartoon_smiles`. Only the mouth decides the label: its curvature is
continuous, so faces near a straight mouth are hard, while skin, hair, glasses, position, tilt,
background (crops of scikit-image's photos and textures), lighting and noise are drawn
independently of the label. :func:`load_real_face_probe` gives real photographed faces
(scikit-image's LFW subset), hand-labelled, to see how a cartoon-trained model fares on real data.
Trained as the course trains it (Adam, 10 epochs, batches of 16), ``happyModel`` mostly reaches 0.9 to
0.97 test accuracy on the cartoons (an unlucky run lower), and about chance on the real faces.
Randomness uses a local ``np.random.default_rng``; nothing is downloaded or written to disk.
"""
import numpy as np
import skimage.data
import skimage.transform

__all__ = [
    "LFW_NOT_SMILING",
    "LFW_SMILING",
    "backgrounds",
    "cover",
    "ellipse",
    "load_cartoon_smiles_dataset",
    "load_real_face_probe",
    "make_cartoon_smiles",
    "paint",
]

#: Indices into ``skimage.data.lfw_subset()`` of faces clearly smiling, labelled by eye; ambiguous
#: faces (slight smiles, speaking, blurred or dark) are in neither tuple.
LFW_SMILING = (1, 11, 18, 19, 22, 23, 27, 31, 36, 37, 38, 45, 50, 52, 53, 61, 64, 69, 74, 79, 81, 85,
               91, 93, 94)
#: Indices into ``skimage.data.lfw_subset()`` of faces clearly not smiling (neutral, serious, speaking).
LFW_NOT_SMILING = (3, 5, 6, 7, 12, 15, 16, 17, 20, 25, 26, 29, 32, 33, 35, 39, 40, 42, 44, 46, 48, 49,
                   51, 55, 58, 59, 60, 62, 65, 66, 71, 73, 76, 77, 80, 83, 87, 88, 90, 92, 95, 97, 98)

_NUM_PX = 64
_PHOTOS = ("coffee", "chelsea", "astronaut", "rocket", "hubble_deep_field", "immunohistochemistry",
           "grass", "gravel", "brick")
_SKIN = np.array([[0.36, 0.22, 0.14], [0.55, 0.36, 0.24], [0.76, 0.55, 0.40], [0.90, 0.72, 0.58],
                  [0.98, 0.84, 0.72]], dtype=np.float32)
_HAIR = np.array([[0.08, 0.06, 0.05], [0.30, 0.18, 0.10], [0.78, 0.62, 0.35], [0.60, 0.25, 0.10],
                  [0.70, 0.70, 0.70]], dtype=np.float32)


def cover(distance):
    """Share of a pixel covered by a shape whose edge lies ``distance`` pixels away (< 0: inside)."""
    return np.clip(0.5 - distance, 0.0, 1.0)


def paint(pixels, alpha, colour):
    """Blend ``colour`` into ``pixels`` (..., 3) in place, with coverage ``alpha`` of shape (...)."""
    pixels += alpha[..., None] * (colour - pixels)


def ellipse(u, v, a, b, R):
    """Approximate signed distance in pixels from face coordinates (u, v) to an ellipse of semi-axes a, b."""
    return (np.sqrt((u / a) ** 2 + (v / b) ** 2) - 1.0) * np.minimum(a, b) * R


def backgrounds(rng, n, photos):
    """Tinted crops of ``photos`` or two-colour gradients: (n, 64, 64, 3) in [0, 1]."""
    x = np.linspace(-1, 1, _NUM_PX, dtype=np.float32)
    angle = rng.uniform(0, 2 * np.pi, (n, 1, 1, 1)).astype(np.float32)
    ramp = (np.cos(angle) * x[:, None] + np.sin(angle) * x[:, None, None] + 1) / 2
    start, end = rng.random((2, n, 1, 1, 3), dtype=np.float32)
    images = start + ramp * (end - start)
    kind = rng.integers(0, len(photos) + 2, n)  # the last two kinds keep the gradient
    for i in np.flatnonzero(kind < len(photos)):
        photo = photos[kind[i]]
        size = rng.integers(_NUM_PX, min(photo.shape[:2]) // 2 + 1)  # side of the square crop
        top, left = rng.integers(0, np.array(photo.shape[:2]) - size + 1)
        rows, cols = top + np.arange(_NUM_PX) * size // _NUM_PX, left + np.arange(_NUM_PX) * size // _NUM_PX
        images[i] = photo[rows[:, None], cols] * rng.uniform(0.6, 1.2, 3) / 255
    return np.clip(images, 0, 1)


def make_cartoon_smiles(n_samples=750, *, random_state=None):
    """Draw cartoon faces, 64 x 64 RGB, labelled 1 when the mouth curves up (a smile) and 0 otherwise.

    Parameters
    ----------
    n_samples : int, default 750
        Number of faces; the two labels are as balanced as ``n_samples`` allows, in random order.
    random_state : int or numpy Generator, optional, keyword-only
        Seed of the local random generator; the same seed draws the same faces.

    Returns
    -------
    X : ndarray of shape (n_samples, 64, 64, 3), uint8
    y : ndarray of shape (n_samples,), int64
        1 where the mouth's corners are above its centre, 0 where they are level or below.
    """
    rng = np.random.default_rng(random_state)
    y = rng.permutation(np.arange(n_samples) % 2).astype(np.int64)
    photos = [np.atleast_3d(getattr(skimage.data, name)())[..., :3] for name in _PHOTOS]
    # Drawn 32 at a time, so that the arrays stay in the CPU's cache.
    chunks = [_draw_faces(rng, y[start:start + 32], photos) for start in range(0, n_samples, 32)]
    return np.concatenate(chunks), y


def _draw_faces(rng, y, photos):
    """Draw one face per label in ``y`` over crops of ``photos``, as (len(y), 64, 64, 3) uint8."""
    n = len(y)
    images = backgrounds(rng, n, photos)
    owner = (slice(None), None, None)  # per-image values broadcast over (n, 64, 64), till `owner` lists pixels

    def draw(low, high):
        return rng.uniform(low, high, n).astype(np.float32)[owner]

    def chance(p):
        return (rng.random(n) < p)[owner]

    def colour(palette, low, high):
        shade = palette[rng.integers(0, len(palette), n)] * rng.uniform(low, high, (n, 1))
        return shade.astype(np.float32)[owner]

    # Face coordinates: u to the face's right, v down, both in units of the half-height R.
    radius, cx, cy = rng.uniform((25, 30.5, 30.5), (28, 33.5, 33.5), (n, 3)).T.astype(np.float32)
    grid = np.arange(_NUM_PX, dtype=np.float32)
    dx, dy, R = grid - cx[owner], grid[:, None] - cy[owner], radius[owner]
    tilt, width = draw(-0.12, 0.12), draw(0.74, 0.9)
    u = (np.cos(tilt) * dx + np.sin(tilt) * dy) / R
    v = (np.cos(tilt) * dy - np.sin(tilt) * dx) / R
    hair, has_hair = colour(_HAIR, 0.8, 1.2), chance(0.7)
    behind = cover(ellipse(u, v + 0.08, width + 0.14, 1.1, R)) * (v < draw(-0.3, 0.7))  # hair length
    paint(images, has_hair * behind, hair)
    skin = colour(_SKIN, 0.85, 1.1)
    face = cover(ellipse(u, v, width, 1.0, R))
    paint(images, face, skin * (1 + draw(-0.25, 0.25) * u + draw(-0.15, 0.15) * v)[..., None])
    hairline = draw(-0.75, -0.5) + draw(-0.3, 0.3) * u
    paint(images, has_hair * face * cover((v - hairline) * R), hair)

    # Nose, eyes, brows, glasses and mouth lie in the middle of the face: draw them on a list of its pixels.
    where = np.nonzero((face > 0) & (np.abs(u) < 0.65) & (v > -0.55) & (v < 0.85))
    owner, pixels = where[0], images[where]
    u, v, R, hair, skin = u[where], v[where], radius[owner], hair[owner, 0, 0], skin[owner, 0, 0]
    paint(pixels, chance(0.7) * 0.5 * cover(ellipse(u, v - 0.12, 0.07, 0.12, R)), skin * 0.6)
    eye_x, eye_y = draw(0.26, 0.38), draw(-0.3, -0.12)
    gaze_x, gaze_y = draw(-0.05, 0.05), draw(-0.02, 0.02)
    brow, brow_slope = chance(0.7), draw(-0.3, 0.3)
    glasses, frame = chance(0.3), (rng.random((n, 3)) * 0.5)[owner].astype(np.float32)
    white = np.full(3, 0.95, np.float32)
    for side in (-1, 1):
        ue, ve = u - side * eye_x, v - eye_y
        paint(pixels, cover(ellipse(ue, ve, 0.13, 0.08, R)), white)
        paint(pixels, cover(ellipse(ue - gaze_x, ve - gaze_y, 0.065, 0.065, R)), hair * 0.3)
        brow_v = ve + 0.17 - side * brow_slope * ue
        paint(pixels, brow * cover(np.maximum(np.abs(brow_v) - 0.03, np.abs(ue) - 0.14) * R), hair * 0.7)
        paint(pixels, glasses * cover(np.abs(np.sqrt(ue ** 2 + ve ** 2) - 0.2) * R - 0.6), frame)
    bridge = np.maximum(np.abs(v - eye_y + 0.03) * R - 0.6, (np.abs(u) - eye_x + 0.19) * R)
    paint(pixels, glasses * cover(bridge), frame)

    # Mouth: an arc from corner to corner, the centre `sag` below the corners; sag > 0 is a smile.
    sag = np.where(y == 1, 0.3, -0.3)[owner] * draw(0, 1) ** 0.7  # few near 0: the hard ones
    half, mouth_y, um = draw(0.3, 0.45), draw(0.4, 0.55), u - draw(-0.05, 0.05)
    along = np.minimum(np.abs(um) / half, 1)
    curve = mouth_y - sag * along ** 2
    beyond = (np.abs(um) - half) * R
    lips = skin * draw(0.25, 0.45)[:, None] * np.array([1.2, 0.7, 0.7], np.float32)
    is_open = chance(0.5)
    top, bottom = np.minimum(curve, mouth_y - sag), np.maximum(curve, mouth_y - sag)
    inside = np.maximum(np.maximum(top - v, v - bottom) * R, beyond)
    paint(pixels, is_open * cover(inside), lips * 0.4)
    teeth = np.maximum(inside, (v - top - 0.35 * (bottom - top)) * R)  # the top 35% of an open mouth
    paint(pixels, is_open * cover(teeth), white)
    slope = 2 * sag * along / half * (along < 1)
    line = np.maximum(np.abs(v - curve) * R / np.sqrt(1 + slope ** 2), beyond)
    paint(pixels, cover(line - draw(1.2, 1.9)), lips)
    images[where] = pixels

    # Camera: colour cast and uneven light, blur, sensor noise.
    gain = rng.uniform(0.8, 1.2, (n, 1, 1, 3)) * rng.uniform(0.7, 1.2, (n, 1, 1, 1))
    slant = rng.uniform(-0.4, 0.4, (2, n, 1, 1)).astype(np.float32) / _NUM_PX
    images *= gain.astype(np.float32) * (1 + slant[0] * dx + slant[1] * dy)[..., None]
    padded = np.pad(images, ((0, 0), (1, 1), (1, 1), (0, 0)), mode="edge")
    rows = padded[:, :-2] + padded[:, 1:-1] + padded[:, 2:]
    blurred = (rows[:, :, :-2] + rows[:, :, 1:-1] + rows[:, :, 2:]) / 9
    blur, noise = rng.uniform((0, 0.03), (1, 0.17), (n, 2)).astype(np.float32).T[..., None, None, None]
    images += blur * (blurred - images)
    images += noise * (rng.random(images.shape, dtype=np.float32) - 0.5)
    return (np.clip(images, 0, 1) * 255 + 0.5).astype(np.uint8)


def load_cartoon_smiles_dataset():
    """Load 600 training and 150 test cartoon faces, in the structure of the original ``load_happy_dataset``.

    Returns
    -------
    X_train_orig : ndarray of shape (600, 64, 64, 3), uint8
    Y_train_orig : ndarray of shape (1, 600), int64
        1 for a smiling face, 0 otherwise; 300 of each.
    X_test_orig : ndarray of shape (150, 64, 64, 3), uint8
    Y_test_orig : ndarray of shape (1, 150), int64
        75 of each label.
    classes : ndarray of shape (2,), int64
        ``[0, 1]``.
    """
    X_train_orig, y_train = make_cartoon_smiles(600, random_state=1)
    X_test_orig, y_test = make_cartoon_smiles(150, random_state=2)
    return X_train_orig, y_train.reshape(1, -1), X_test_orig, y_test.reshape(1, -1), np.array([0, 1])


def load_real_face_probe():
    """Load the hand-labelled real faces of ``skimage.data.lfw_subset()``, upscaled like the cartoons.

    Returns
    -------
    X : ndarray of shape (m, 64, 64, 3), uint8
        Grey 25 x 25 photos resized to 64 x 64, the grey copied to R, G and B; smiling faces first.
    Y : ndarray of shape (1, m), int64
        1 for the ``len(LFW_SMILING)`` smiling faces, 0 for the ``len(LFW_NOT_SMILING)`` others.
    """
    faces = skimage.data.lfw_subset()[list(LFW_SMILING + LFW_NOT_SMILING)]
    faces = skimage.transform.resize(faces.transpose(1, 2, 0), (_NUM_PX, _NUM_PX), order=3).transpose(2, 0, 1)
    X = (np.clip(faces, 0, 1) * 255 + 0.5).astype(np.uint8)[..., None].repeat(3, axis=-1)
    Y = np.array([[1] * len(LFW_SMILING) + [0] * len(LFW_NOT_SMILING)], dtype=np.int64)
    return X, Y

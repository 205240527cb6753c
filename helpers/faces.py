"""Generated people with many photographs each: the offline stand-in for the course's face photos.

The original face-recognition notebook loads a pretrained FaceNet and photos of the course's
staff. Offline there is neither, and no installed package has photos of the same people under
different conditions. Here a **person** (an *identity*) is a row of drawn parameters: the shape of
the face and chin, the skin tone, the hair's colour, length and hairline, where the eyes sit and
how big they are, the colour of the irises, the brows, the nose, the mouth and lips, a beard or
not, a mole or not, and how often the person wears glasses and in which frame. A **photograph**
of that person draws everything else afresh: where the face is in the frame, its size and tilt,
how far it turns (yaw), the expression (smile, open mouth, half-closed eyes, raised brows),
glasses or not, a cap or not, the light (strength, colour and direction), the background (crops of
scikit-image's photos or colour gradients), blur and sensor noise.

:func:`make_people` draws people, :func:`photograph` takes photos of them and :func:`make_faces`
does both. Two calls with different ``random_state`` draw different people; the same seed draws the
same people and photos. Randomness uses a local ``np.random.default_rng``; nothing is downloaded.
"""
import numpy as np
import skimage.data

from helpers.smiles import backgrounds, cover, ellipse, paint  # the cartoon faces' drawing primitives

__all__ = ["IMAGE_SIZE", "make_faces", "make_people", "photograph"]

#: Photos are IMAGE_SIZE x IMAGE_SIZE RGB.
IMAGE_SIZE = 64
_PHOTOS = ("coffee", "chelsea", "astronaut", "rocket", "immunohistochemistry", "grass", "gravel", "brick")
_SKIN = np.array([[0.36, 0.22, 0.14], [0.55, 0.36, 0.24], [0.76, 0.55, 0.40], [0.90, 0.72, 0.58],
                  [0.98, 0.84, 0.72]], dtype=np.float32)
_HAIR = np.array([[0.08, 0.06, 0.05], [0.30, 0.18, 0.10], [0.78, 0.62, 0.35], [0.60, 0.25, 0.10],
                  [0.70, 0.70, 0.70], [0.45, 0.35, 0.25]], dtype=np.float32)
_IRIS = np.array([[0.25, 0.15, 0.08], [0.10, 0.07, 0.05], [0.25, 0.45, 0.70], [0.30, 0.50, 0.30]],
                 dtype=np.float32)

# Each person's parameters: name -> (low, high) of a uniform draw, or a palette to pick from.
_RANGES = {
    "face_width": (0.72, 0.92), "chin": (0.85, 1.2), "skin_tone": (0.0, 1.0),
    "hair_length": (-0.35, 0.75), "hairline": (-0.78, -0.45), "hair_slant": (-0.3, 0.3), "hair_volume": (0.05, 0.22),
    "eye_x": (0.24, 0.38), "eye_y": (-0.3, -0.1), "eye_width": (0.1, 0.16), "eye_height": (0.06, 0.1),
    "brow_thickness": (0.015, 0.05), "brow_slope": (-0.3, 0.3), "brow_gap": (0.13, 0.22),
    "nose_length": (0.08, 0.24), "nose_width": (0.05, 0.1), "nose_shade": (0.3, 0.7),
    "mouth_y": (0.38, 0.56), "mouth_half_width": (0.24, 0.42), "lip_thickness": (1.1, 2.2), "lip_shade": (0.25, 0.5),
    "mole_u": (-0.5, 0.5), "mole_v": (-0.1, 0.6), "glasses_habit": (0.0, 1.0),
}


def make_people(n_people, *, random_state=None):
    """Draw ``n_people`` identities: a dict of parameter arrays, one row per person.

    Parameters
    ----------
    n_people : int
    random_state : int or numpy Generator, optional, keyword-only
        Seed of the local random generator; the same seed draws the same people.

    Returns
    -------
    people : dict of {str: ndarray of shape (n_people, ...)}
        Shape, colours and features of each face (see the module's docstring), and the frame of their
        glasses.
    """
    if n_people < 1:
        raise ValueError(f"n_people must be at least 1, got {n_people}")
    rng = np.random.default_rng(random_state)
    people = {name: rng.uniform(low, high, n_people).astype(np.float32) for name, (low, high) in _RANGES.items()}
    people["hair_colour"] = (_HAIR[rng.integers(0, len(_HAIR), n_people)]
                             * rng.uniform(0.8, 1.2, (n_people, 1))).astype(np.float32)
    people["iris_colour"] = _IRIS[rng.integers(0, len(_IRIS), n_people)]
    people["frame_colour"] = (rng.random((n_people, 3)) * 0.6).astype(np.float32)
    people["bald"] = rng.random(n_people) < 0.08
    people["beard"] = rng.random(n_people) < 0.2
    people["mole"] = rng.random(n_people) < 0.3
    # A person wears glasses in most photos or in few: a habit, not a coin toss per photo.
    people["glasses_habit"] = np.where(people["glasses_habit"] < 0.3, 0.85, 0.05).astype(np.float32)
    return people


def _skin(tone):
    """Skin colour for tones in [0, 1], interpolated along the palette: (n, 3)."""
    position = tone * (len(_SKIN) - 1)
    low = np.minimum(position.astype(int), len(_SKIN) - 2)
    share = (position - low)[:, None]
    return (_SKIN[low] * (1 - share) + _SKIN[low + 1] * share).astype(np.float32)


def photograph(people, person_ids, *, random_state=None):
    """Take one photograph of each person in ``person_ids``: pose, expression, accessories, light and background
    drawn afresh for every photo.

    Parameters
    ----------
    people : dict
        Identities from :func:`make_people`.
    person_ids : sequence of int
        Row of ``people`` to photograph, once per entry (repeat an id for several photos).
    random_state : int or numpy Generator, optional, keyword-only

    Returns
    -------
    X : ndarray of shape (len(person_ids), 64, 64, 3), uint8
    """
    person_ids = np.asarray(person_ids, dtype=int).reshape(-1)
    n_people = len(people["face_width"])
    if person_ids.size and (person_ids.min() < 0 or person_ids.max() >= n_people):
        raise ValueError(f"person ids must lie in [0, {n_people}), got {person_ids.min()}..{person_ids.max()}")
    rng = np.random.default_rng(random_state)
    photos = [np.atleast_3d(getattr(skimage.data, name)())[..., :3] for name in _PHOTOS]
    chunks = [_draw(rng, {k: v[person_ids[start:start + 32]] for k, v in people.items()}, photos)
              for start in range(0, len(person_ids), 32)]  # 32 at a time, so that the arrays stay in cache
    return np.concatenate(chunks) if chunks else np.zeros((0, IMAGE_SIZE, IMAGE_SIZE, 3), np.uint8)


def make_faces(n_people, photos_per_person, *, random_state=None):
    """Draw ``n_people`` people and ``photos_per_person`` photographs of each.

    Returns
    -------
    X : ndarray of shape (n_people * photos_per_person, 64, 64, 3), uint8
        The photos of person 0 first, then those of person 1, and so on.
    y : ndarray of shape (n_people * photos_per_person,), int64
        The person (identity) in each photo, 0 to n_people - 1.
    """
    rng = np.random.default_rng(random_state)
    people = make_people(n_people, random_state=rng)
    y = np.repeat(np.arange(n_people, dtype=np.int64), photos_per_person)
    return photograph(people, y, random_state=rng), y


def _draw(rng, person, photos):
    """Draw one photo per row of ``person`` (a dict of parameter arrays) as (n, 64, 64, 3) uint8."""
    n = len(person["face_width"])
    images = backgrounds(rng, n, photos)
    owner = (slice(None), None, None)  # per-photo values broadcast over (n, 64, 64), till `owner` lists pixels
    p = {name: value[owner] if value.ndim == 1 else value[:, None, None, :] for name, value in person.items()}

    def draw(low, high):
        return rng.uniform(low, high, n).astype(np.float32)[owner]

    def chance(probability):
        return (rng.random(n) < np.broadcast_to(probability, (n,)))[owner]

    # Pose: position, size, tilt (roll) and a turn of the head (yaw) that shifts the features sideways.
    radius, cx, cy = rng.uniform((22, 28.5, 29), (27, 35.5, 35), (n, 3)).T.astype(np.float32)
    grid = np.arange(IMAGE_SIZE, dtype=np.float32)
    dx, dy, R = grid - cx[owner], grid[:, None] - cy[owner], radius[owner]
    tilt, yaw = draw(-0.2, 0.2), rng.uniform(-0.35, 0.35, n).astype(np.float32)
    u = (np.cos(tilt) * dx + np.sin(tilt) * dy) / R
    v = (np.cos(tilt) * dy - np.sin(tilt) * dx) / R
    face_width = person["face_width"] * (1 - 0.25 * np.abs(yaw))  # a turned head looks narrower
    width = face_width[owner]
    hair, skin = p["hair_colour"], _skin(person["skin_tone"])[:, None, None, :]
    has_hair = ~p["bald"]
    behind = cover(ellipse(u, v + 0.08, width + p["hair_volume"], 1.1, R)) * (v < p["hair_length"])
    paint(images, has_hair * behind, hair)
    chin_scale = np.where(v > 0, p["chin"], 1.0)  # the lower half's height: a long or a short chin
    face = cover(ellipse(u, v / chin_scale, width, 1.0, R))
    light = 1 + draw(-0.3, 0.3) * u + draw(-0.15, 0.15) * v
    paint(images, face, skin * light[..., None])
    hairline = p["hairline"] + p["hair_slant"] * u
    paint(images, has_hair * face * cover((v - hairline) * R), hair)
    cap_colour = rng.uniform(0.05, 0.9, (n, 1, 1, 3)).astype(np.float32)
    cap = chance(0.12) * cover((v + 0.5 - 0.1 * u ** 2) * R) * cover((np.abs(u) - width - 0.12) * R)
    paint(images, cap, cap_colour)

    # The features lie in the middle of the face: draw them on a list of its pixels.
    where = np.nonzero((face > 0) & (np.abs(u) < 0.75) & (v > -0.6) & (v < 1.0))
    owner, pixels = where[0], images[where]
    q = {name: value[owner] for name, value in person.items()}
    u, v, R = u[where] - 0.12 * yaw[owner], v[where], radius[owner]
    skin_px, hair_px = _skin(person["skin_tone"])[owner], person["hair_colour"][owner]
    light_px = light[where][:, None]
    white = np.full(3, 0.95, np.float32)

    def photo_draw(low, high):
        return rng.uniform(low, high, n).astype(np.float32)[owner]

    # Beard: the lower face below the mouth's corners, in the hair's colour.
    beard_area = cover(ellipse(u, (v - 0.75) / q["chin"], face_width[owner] * 0.95, 0.42, R)) * (v > q["mouth_y"] - 0.12)
    paint(pixels, q["beard"] * 0.9 * beard_area, hair_px * 0.8)
    # Nose: a shaded ridge from between the eyes down to its tip.
    nose = cover(ellipse(u, v - q["nose_length"] / 2 - 0.05, q["nose_width"], q["nose_length"], R))
    paint(pixels, q["nose_shade"] * 0.6 * nose, skin_px * 0.55)
    # Eyes and brows: openness and brow height change with the expression.
    openness, raise_brows = photo_draw(0.35, 1.1), photo_draw(-0.04, 0.06)
    gaze_x, gaze_y = photo_draw(-0.04, 0.04), photo_draw(-0.02, 0.02)
    glasses = (rng.random(n) < person["glasses_habit"])[owner]
    for side in (-1, 1):
        ue, ve = u - side * q["eye_x"], v - q["eye_y"]
        eye = cover(ellipse(ue, ve, q["eye_width"], q["eye_height"] * np.minimum(openness, 1), R))
        paint(pixels, eye, white * light_px)
        iris = cover(ellipse(ue - gaze_x, ve - gaze_y, 0.055, 0.055, R)) * eye
        paint(pixels, iris, q["iris_colour"])
        brow_v = ve + q["brow_gap"] + raise_brows - side * q["brow_slope"] * ue
        brow = cover(np.maximum(np.abs(brow_v) - q["brow_thickness"], np.abs(ue) - q["eye_width"] - 0.02) * R)
        paint(pixels, brow * (1 - 0.7 * q["bald"]), hair_px * 0.6)
        ring = cover(np.abs(np.sqrt((ue / 1.2) ** 2 + ve ** 2) - q["eye_width"] - 0.06) * R - 0.6)
        paint(pixels, glasses * ring, q["frame_colour"])
    bridge = np.maximum(np.abs(v - q["eye_y"] + 0.03) * R - 0.6, (np.abs(u) - q["eye_x"] + q["eye_width"] + 0.06) * R)
    paint(pixels, glasses * cover(bridge), q["frame_colour"])
    # Mole: a small dark dot at the person's own place.
    paint(pixels, q["mole"] * cover(ellipse(u - q["mole_u"], v - q["mole_v"], 0.035, 0.035, R)), skin_px * 0.35)

    # Mouth: an arc whose centre lies `sag` below its corners (a smile when > 0), open or closed.
    sag, half = photo_draw(-0.08, 0.28), q["mouth_half_width"] * photo_draw(0.9, 1.15)
    along = np.minimum(np.abs(u) / half, 1)
    curve = q["mouth_y"] - sag * along ** 2
    beyond = (np.abs(u) - half) * R
    lips = skin_px * q["lip_shade"][:, None] * np.array([1.3, 0.7, 0.7], np.float32)
    is_open = (rng.random(n) < 0.3)[owner]
    top, bottom = np.minimum(curve, q["mouth_y"] - sag), np.maximum(curve, q["mouth_y"] - sag) + 0.06
    inside = np.maximum(np.maximum(top - v, v - bottom) * R, beyond)
    paint(pixels, is_open * cover(inside), lips * 0.4)
    slope = 2 * sag * along / half * (along < 1)
    line = np.maximum(np.abs(v - curve) * R / np.sqrt(1 + slope ** 2), beyond)
    paint(pixels, cover(line - q["lip_thickness"]), lips)
    images[where] = pixels

    # Camera: colour cast and uneven light, blur, sensor noise.
    gain = rng.uniform(0.85, 1.15, (n, 1, 1, 3)) * rng.uniform(0.6, 1.25, (n, 1, 1, 1))
    slant = rng.uniform(-0.5, 0.5, (2, n, 1, 1)).astype(np.float32) / IMAGE_SIZE
    images *= gain.astype(np.float32) * (1 + slant[0] * dx + slant[1] * dy)[..., None]
    padded = np.pad(images, ((0, 0), (1, 1), (1, 1), (0, 0)), mode="edge")
    rows = padded[:, :-2] + padded[:, 1:-1] + padded[:, 2:]
    blurred = (rows[:, :, :-2] + rows[:, :, 1:-1] + rows[:, :, 2:]) / 9
    blur, noise = rng.uniform((0, 0.02), (1, 0.12), (n, 2)).astype(np.float32).T[..., None, None, None]
    images += blur * (blurred - images)
    images += noise * (rng.random(images.shape, dtype=np.float32) - 0.5)
    return (np.clip(images, 0, 1) * 255 + 0.5).astype(np.uint8)

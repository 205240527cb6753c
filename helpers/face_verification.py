"""Face verification with an encoder: photos as files, encodings, distances, ROC curve, maps and the widget.

An encoder (the shipped ``face_encoder_people``, see :mod:`helpers.trained_models.face_encoder`)
maps a photo to 128 numbers of length 1; two photos show the same person when their encodings lie
closer than a threshold. :func:`img_to_encoding` encodes a photo file, as the original course's
helper did. :func:`write_face_photos` writes the notebook's photos (the database of twelve people and
the camera's photos) as PNG files; :func:`write_photo` writes one photo of one of the notebook's
people (the hidden tests' photos). :func:`train_with_triplet_loss` trains an encoder briefly with a
learner's loss. :func:`pair_distances`, :func:`roc_auc` and :func:`verification_rates` measure
verification on many pairs; :func:`plot_roc`, :func:`plot_embedding_map` and
:func:`pair_distance_widget` draw it.
"""
import tempfile
from pathlib import Path

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np
from PIL import Image
from sklearn.metrics import roc_auc_score, roc_curve

from helpers.faces import IMAGE_SIZE, make_people, photograph
from helpers.plotting import OKABE_ITO
from helpers.widgets import choice_slider, figure_widget, int_slider

__all__ = [
    "CAMERA",
    "DATABASE_NAMES",
    "N_PEOPLE",
    "THRESHOLD",
    "encode_faces",
    "img_to_encoding",
    "pair_distance_widget",
    "pair_distances",
    "plot_embedding_map",
    "plot_roc",
    "read_photo",
    "roc_auc",
    "train_with_triplet_loss",
    "verification_rates",
    "write_face_photos",
    "write_photo",
]

#: The original's threshold on the distance (not squared) between two encodings.
THRESHOLD = 0.7
#: The twelve people of the notebook's database, as many as the original's, with invented names.
DATABASE_NAMES = ("ada", "bao", "chidi", "dana", "emil", "farah", "goran", "hana", "ivo", "jun", "kofi", "lena")
#: The camera's photos: file stem -> who is in front of the camera (a database name, or None for a stranger).
CAMERA = {"camera_0": "bao", "camera_1": "goran", "camera_2": None, "camera_3": "lena", "camera_4": None}
#: How many people the notebook's photos can show: the database's twelve and strangers.
N_PEOPLE = 40
_PEOPLE_SEED, _DATABASE_PHOTO_SEED, _CAMERA_PHOTO_SEED = 2024, 7, 16


def _notebook_people():
    """The notebook's people: the twelve of the database first, in the order of DATABASE_NAMES, then strangers."""
    return make_people(N_PEOPLE, random_state=_PEOPLE_SEED)


def _new_folder(folder):
    folder = Path(folder) if folder is not None else Path(tempfile.mkdtemp(prefix="face-photos-"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def write_face_photos(folder=None):
    """Write the notebook's photos as PNG files and return the folder (a new temporary one by default).

    ``<name>.png`` is the database photo of each of the twelve :data:`DATABASE_NAMES`; ``camera_k.png``
    is another photo, taken later, of the person :data:`CAMERA` names, or of a stranger (a person who
    is not in the database).
    """
    folder = _new_folder(folder)
    people = _notebook_people()
    strangers = iter(range(len(DATABASE_NAMES), N_PEOPLE))
    database = photograph(people, range(len(DATABASE_NAMES)), random_state=_DATABASE_PHOTO_SEED)
    ids = [DATABASE_NAMES.index(name) if name else next(strangers) for name in CAMERA.values()]
    camera = photograph(people, ids, random_state=_CAMERA_PHOTO_SEED)
    for stem, image in zip(DATABASE_NAMES + tuple(CAMERA), np.concatenate([database, camera])):
        Image.fromarray(image).save(folder / f"{stem}.png")
    return folder


def write_photo(person, *, random_state, folder=None):
    """Take a photo of person ``person`` (0 to N_PEOPLE - 1) of the notebook's people (the database's twelve
    first, in the order of DATABASE_NAMES, then strangers), write it as a PNG file in ``folder`` (a new temporary
    one by default) and return the file's path, a string."""
    if not 0 <= person < N_PEOPLE:
        raise ValueError(f"person must lie in [0, {N_PEOPLE}), got {person}")
    image = photograph(_notebook_people(), [person], random_state=random_state)[0]
    path = _new_folder(folder) / f"person_{person}_photo_{random_state}.png"
    Image.fromarray(image).save(path)
    return str(path)


def read_photo(image_path):
    """The photo in the file ``image_path``, as a (64, 64, 3) uint8 array (resized if it is another size)."""
    path = Path(image_path)
    if not path.is_file():
        raise FileNotFoundError(f"no photo at {image_path!r}")
    with Image.open(path) as image:
        image = image.convert("RGB")
        if image.size != (IMAGE_SIZE, IMAGE_SIZE):
            image = image.resize((IMAGE_SIZE, IMAGE_SIZE), Image.BILINEAR)
        return np.asarray(image, dtype=np.uint8)


def img_to_encoding(image_path, model):
    """Encode the photo in the file ``image_path`` with ``model``.

    The pixels are scaled to [0, 1], the model encodes a batch of one, and the encoding is divided by
    its length. Returns an array of shape (1, 128) and length 1.
    """
    x = read_photo(image_path)[None].astype(np.float32) / 255
    embedding = np.asarray(model.predict_on_batch(x))
    return embedding / np.linalg.norm(embedding, ord=2)


def encode_faces(model, X, *, batch_size=250):
    """Encodings of many photos ``X`` (m, 64, 64, 3) uint8: (m, 128), each row of length 1."""
    batches = [np.asarray(model(X[start:start + batch_size].astype(np.float32) / 255, training=False))
               for start in range(0, len(X), batch_size)]
    encodings = np.concatenate(batches)
    return encodings / np.linalg.norm(encodings, axis=1, keepdims=True)


def pair_distances(encodings, y):
    """Distance (not squared) between the encodings of every pair of photos i < j, and whether the pair shows
    one person: two arrays of shape (m (m - 1) / 2,)."""
    encodings = np.asarray(encodings, dtype=np.float64)
    y = np.asarray(y)
    if len(encodings) != len(y):
        raise ValueError(f"{len(encodings)} encodings but {len(y)} labels")
    lengths = np.sum(encodings ** 2, axis=1)
    squared = lengths[:, None] + lengths[None, :] - 2 * encodings @ encodings.T
    i, j = np.triu_indices(len(y), k=1)
    return np.sqrt(np.maximum(squared[i, j], 0)), y[i] == y[j]


def roc_auc(distances, same):
    """Area under the ROC curve when a pair is called "same person" below a threshold on its distance: the chance
    that a random same-person pair lies closer than a random different-person pair (ties count half)."""


    return float(roc_auc_score(same, -np.asarray(distances)))


def verification_rates(distances, same, threshold=THRESHOLD):
    """(false accept rate, false reject rate) when pairs closer than ``threshold`` are accepted as one person.

    False accepts: different-person pairs accepted, as a share of all different-person pairs. False
    rejects: same-person pairs rejected, as a share of all same-person pairs.
    """
    distances, same = np.asarray(distances), np.asarray(same, dtype=bool)
    accepted = distances < threshold
    return float(accepted[~same].mean()), float((~accepted[same]).mean())


def train_with_triplet_loss(model, triplet_loss, X, y, *, steps, people_per_batch=8, photos_per_batch=4,
                            learning_rate=0.003, random_state=0):
    """Train ``model`` for ``steps`` mini-batches of Adam on ``triplet_loss(y_true, (anchor, positive, negative))``.

    Each mini-batch holds ``photos_per_batch`` photos of each of ``people_per_batch`` people of ``X``
    (uint8 photos) and ``y`` (their people); every valid triplet of the batch (two photos of one
    person, one of another) is passed to ``triplet_loss`` at once. Returns the loss of each step
    divided by its number of triplets.
    """
    import keras
    import tensorflow as tf

    rng = np.random.default_rng(random_state)
    by_person = {person: np.flatnonzero(y == person) for person in np.unique(y)}
    labels = np.repeat(np.arange(people_per_batch), photos_per_batch)
    a, p, n = np.nonzero((labels[:, None, None] == labels[None, :, None]) & ~np.eye(len(labels), dtype=bool)[:, :, None]
                         & (labels[:, None, None] != labels[None, None, :]))
    optimizer = keras.optimizers.Adam(learning_rate)
    losses = []
    for _ in range(steps):
        people = rng.choice(list(by_person), people_per_batch, replace=False)
        rows = np.concatenate([rng.choice(by_person[person], photos_per_batch, replace=False) for person in people])
        with tf.GradientTape() as tape:
            encodings = model(X[rows].astype(np.float32) / 255, training=True)
            loss = triplet_loss(None, (tf.gather(encodings, a), tf.gather(encodings, p), tf.gather(encodings, n)))
        gradients = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(gradients, model.trainable_variables))
        losses.append(float(loss) / len(a))
    return losses


def plot_roc(distances, same, *, threshold=THRESHOLD, label=None, ax=None):
    """ROC curve of verification by distance: true accept rate against false accept rate as the threshold grows,
    with the point of ``threshold`` marked. Returns the axes (draw several curves on one)."""


    if ax is None:
        _, ax = plt.subplots(figsize=(4.6, 4.2), layout="constrained")
    false_accept, true_accept, _ = roc_curve(same, -np.asarray(distances))
    auc = roc_auc(distances, same)
    line, = ax.plot(false_accept, true_accept, label=f"{label or 'encoder'} (AUC {auc:.3f})")
    far, frr = verification_rates(distances, same, threshold)
    ax.plot([far], [1 - frr], "o", color=line.get_color())
    ax.plot([0, 1], [0, 1], ":", color="grey", linewidth=1)
    ax.set(xlabel="false accept rate (different people let in)", ylabel="true accept rate (same person let in)",
           xlim=(0, 1), ylim=(0, 1.01), title=f"Verification, dots at threshold {threshold:g}")
    ax.legend(loc="lower right", fontsize=8)
    return ax


def plot_embedding_map(encodings, y, *, title, ax=None):
    """The encodings projected on their two main directions (PCA), one colour per person. Returns the axes."""
    if ax is None:
        _, ax = plt.subplots(figsize=(4.2, 4.2), layout="constrained")
    centred = np.asarray(encodings, dtype=np.float64) - np.mean(encodings, axis=0)
    _, _, directions = np.linalg.svd(centred, full_matrices=False)
    points = centred @ directions[:2].T
    colours = plt.get_cmap("tab10" if len(np.unique(y)) <= 10 else "tab20")
    for index, person in enumerate(np.unique(y)):
        ax.scatter(*points[y == person].T, s=22, color=colours(index % colours.N), label=str(person))
    ax.set(title=title, xlabel="first main direction", ylabel="second main direction")
    ax.set_aspect("equal", adjustable="datalim")
    return ax


def pair_distance_widget(X, y, encodings, *, threshold=THRESHOLD):
    """Pick two photos of ``X`` (each by person and photo number) and see the distance between their encodings,
    against the threshold and against the distances of every pair of the set."""
    people = np.unique(y)
    photos = min(int(np.sum(y == person)) for person in people)
    distances, same = pair_distances(encodings, y)
    controls = {"person_1": int_slider("left: person", 0, 0, len(people) - 1, "260px"),
                "photo_1": int_slider("photo", 0, 0, photos - 1, "200px"),
                "person_2": int_slider("right: person", 0, 0, len(people) - 1, "260px"),
                "photo_2": int_slider("photo", 1, 0, photos - 1, "200px"),
                "threshold": choice_slider("threshold", [round(t, 2) for t in np.arange(0.3, 1.31, 0.05)],
                                           threshold, "320px")}
    rows = [widgets.HBox([controls["person_1"], controls["photo_1"]]),
            widgets.HBox([controls["person_2"], controls["photo_2"]]), controls["threshold"]]

    def draw(person_1, photo_1, person_2, photo_2, threshold):
        first = np.flatnonzero(y == people[person_1])[photo_1]
        second = np.flatnonzero(y == people[person_2])[photo_2]
        distance = float(np.linalg.norm(encodings[first] - encodings[second]))
        fig = plt.figure(figsize=(8, 2.8), layout="constrained")
        grid = fig.add_gridspec(1, 4, width_ratios=[1, 1, 0.15, 3])
        for column, (index, person) in enumerate(((first, person_1), (second, person_2))):
            ax = fig.add_subplot(grid[column])
            ax.imshow(X[index])
            ax.set(xticks=[], yticks=[], title=f"person {person}")
        ax = fig.add_subplot(grid[3])
        bins = np.linspace(0, max(1.6, distances.max()), 50)
        ax.hist(distances[same], bins, density=True, alpha=0.6, color=OKABE_ITO["bluish_green"], label="same person")
        ax.hist(distances[~same], bins, density=True, alpha=0.6, color=OKABE_ITO["vermillion"],
                label="different people")
        ax.axvline(threshold, color="black", linestyle="--", label=f"threshold {threshold:g}")
        ax.axvline(distance, color=OKABE_ITO["blue"], linewidth=3, label=f"this pair: {distance:.3f}")
        ax.set(xlabel="distance between encodings", yticks=[], title="All pairs of the set")
        ax.legend(fontsize=7, loc="upper left")
        verdict = "below" if distance < threshold else "not below"
        decision = "the door opens: same person" if distance < threshold else "the door stays shut: different people"
        truth = "they are the same person" if person_1 == person_2 else "they are different people"
        return fig, f"distance {distance:.3f}, {verdict} the threshold {threshold:g}: {decision} (in fact {truth})"

    return figure_widget(draw, controls, rows=rows)

"""Hidden tests of *Face recognition*.

``triplet_loss`` is compared with the reference on fresh random encodings of fresh shapes (one
triplet as vectors, batches as matrices), with margins that are positive, zero and negative, and
the gradients of the loss with respect to the three encodings are compared too (a loss computed in
NumPy has none). ``verify`` and ``who_is_it`` take real photo files: each ``image_path`` is a
:class:`~autograder.sandbox.wire.Built` that writes a fresh photo of one of the notebook's people
(:func:`helpers.face_verification.write_photo`) where the function runs, and ``model`` is the
shipped encoder, loaded there. The databases hold encodings placed at random distances just below
and just above the threshold 0.7 from the photo's encoding (so another threshold fails), under
random names and in random order, and random encodings of length 1 for the others. ``who_is_it``'s
distance and name are compared with the reference's; ``verify``'s distance with the one placed, and
its decision as a Python or NumPy ``bool``. The printed messages are checked by the public tests.
"""
import numpy as np

from autograder.hidden import hidden_test
from autograder.sandbox.wire import Built
from helpers.face_verification import N_PEOPLE, img_to_encoding, write_photo
from helpers.public_tests.c4w4_face_recognition import encoding_at_distance

MODEL = Built("helpers.trained_models.load_model", "face_encoder_people")
NAMES = ("ada", "bao", "chidi", "dana", "emil", "farah", "goran", "hana", "ivo", "jun", "kofi", "lena", "mo", "nia",
         "otto", "pia", "quinn", "rosa", "sami", "tove")


def encodings(m, d, rng, dtype):
    return tuple(rng.normal(scale=rng.uniform(0.1, 1.0), size=(m, d) if m else (d,)).astype(dtype) for _ in range(3))


@hidden_test("triplet_loss", points=3)
def check_triplet_loss(check, rng):
    import tensorflow as tf

    cases = [(0, int(rng.integers(2, 6)), 0.2), (int(rng.integers(2, 9)), int(rng.integers(3, 40)), 0.2),
             (int(rng.integers(10, 30)), 128, float(rng.uniform(0.05, 1.0))), (int(rng.integers(2, 9)), 7, 0.0),
             (int(rng.integers(2, 9)), 5, float(-rng.uniform(0.1, 1.0)))]
    for m, d, alpha in cases:
        y_pred = tuple(tf.constant(part) for part in encodings(m, d, rng, np.float32))
        shape = f"({m}, {d})" if m else f"({d},)"
        check.call(None, y_pred, alpha, rtol=1e-5, atol=1e-5, gradients=True,
                   case=f"random encodings of shape {shape}, alpha = {alpha:.3g}")
    y_pred = tuple(tf.constant(part) for part in encodings(int(rng.integers(2, 6)), 3, rng, np.float32))
    check.call(None, y_pred, rtol=1e-5, atol=1e-5, case="random encodings, alpha left at its default")


def _photo(rng):
    """A photo file of a random person of the notebook's, as a Built (written where the function runs), and its
    encoding here."""
    person, seed = int(rng.integers(0, N_PEOPLE)), int(rng.integers(100, 10**6))
    return Built("helpers.face_verification.write_photo", person, random_state=seed), person, seed


def _encoding(person, seed):
    from helpers.trained_models import load_model

    return img_to_encoding(write_photo(person, random_state=seed), load_model("face_encoder_people"))


def _database(rng, encoding, size, distances):
    """``size`` random names; the first ``len(distances)`` get encodings at those distances from ``encoding``,
    the others random encodings of length 1, all in random order."""
    names = [str(name) for name in rng.choice(NAMES, size, replace=False)]
    entries = [encoding_at_distance(encoding, distance, int(rng.integers(10**6))) for distance in distances]
    for _ in range(size - len(distances)):
        vector = rng.normal(size=encoding.shape)
        entries.append((vector / np.linalg.norm(vector)).astype(np.float32))
    order = rng.permutation(size)
    return {names[i]: entries[i] for i in order}, names


@hidden_test("verify", points=3)
def check_verify(check, rng):
    image_path, person, seed = _photo(rng)
    encoding = _encoding(person, seed)
    near, far = float(rng.uniform(0.6, 0.69)), float(rng.uniform(0.71, 0.85))  # close to the threshold, both sides
    database, names = _database(rng, encoding, int(rng.integers(3, 13)), (near, far))
    for identity, distance, label in ((names[0], near, f"at {near:.2f}: the door opens"),
                                      (names[1], far, f"at {far:.2f}: it stays shut")):
        case = f"a photo file and a database of {len(database)}, the claimed person's encoding {label}"
        output = check.call(image_path, identity, database, MODEL, compare_output=False, case=case)
        if not (isinstance(output, tuple) and len(output) == 2):
            check.fail(f"{case}: a tuple (dist, door_open) expected, got {type(output).__name__}")
        dist, door_open = output
        if not isinstance(dist, (float, np.floating)) or abs(float(dist) - distance) > 1e-4:
            check.fail(f"{case}: dist {distance:.6f} expected, got {dist!r}")
        if not isinstance(door_open, (bool, np.bool_)) or bool(door_open) != (distance < 0.7):
            check.fail(f"{case}: door_open {distance < 0.7} expected, got {door_open!r}")


@hidden_test("who_is_it", points=3)
def check_who_is_it(check, rng):
    image_path, person, seed = _photo(rng)
    encoding = _encoding(person, seed)
    for closest, label in ((float(rng.uniform(0.6, 0.69)), "someone in the database"),
                           (float(rng.uniform(0.71, 0.85)), "nobody closer than 0.7")):
        others = tuple(float(d) for d in rng.uniform(closest + 0.02, 1.8, int(rng.integers(1, 5))))
        size = int(rng.integers(len(others) + 1, 15))
        database, _ = _database(rng, encoding, size, (closest, *others))
        check.call(image_path, database, MODEL, rtol=1e-4, atol=1e-5, check_dtype=False,
                   case=f"a photo file and a database of {size}, {label}")

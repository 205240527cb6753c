"""Public tests of *Face recognition* (c4w4_face_recognition).

``triplet_loss`` is checked on triplets whose loss can be worked out by hand (zero, negative and
positive margins; one triplet and a batch of two), on a batch of random encodings with its value
written out, and for a gradient that flows back to the encodings. ``verify`` and ``who_is_it`` get
real photo files (written to a temporary folder) and the shipped encoder; the database holds
encodings placed at known distances from the photo's encoding, so the expected distances, decisions
and printed messages do not depend on the encoder's weights.
"""
import contextlib
import io

import numpy as np

from helpers.checks import Checker, is_tensor
from helpers.face_verification import img_to_encoding, write_photo

__all__ = ["encoding_at_distance", "triplet_loss_test", "verify_test", "who_is_it_test"]

#: (anchor, positive, negative, alpha, loss) worked out by hand.
HAND_CASES = (
    ([1.0, 1.0], [1.0, 1.0], [1.0, 1.0], 5.0, 5.0),  # every distance 0: the margin alone
    ([1.0, 1.0], [1.0, 1.0], [0.0, 0.0], 3.0, 1.0),  # 0 - 2 + 3
    ([1.0, 1.0], [0.0, 0.0], [1.0, 1.0], 0.0, 2.0),  # 2 - 0 + 0, no margin
    ([0.0, 0.0], [0.0, 0.0], [0.0, 0.0], -2.0, 0.0),  # a negative margin: max(-2, 0)
    ([[1.0, 0.0], [1.0, 0.0]], [[1.0, 0.0], [1.0, 0.0]], [[0.0, 1.0], [0.0, 1.0]], 3.0, 2.0),  # two triplets, 1 each
    ([[1.0, 1.0], [2.0, 0.0]], [[0.0, 3.0], [1.0, 1.0]], [[1.0, 0.0], [0.0, 1.0]], 1.0, 5.0),  # 5 - 1 + 1 and 0
)
#: The loss of random_batch() (three (4, 16) arrays of default_rng(7), normal, scaled by 0.3), alpha = 0.2: one of
#: its four triplets meets the margin.
RANDOM_LOSS = 2.2425528


def random_batch():
    rng = np.random.default_rng(7)
    return tuple((0.3 * rng.normal(size=(4, 16))).astype(np.float32) for _ in range(3))


def triplet_loss_test(target):
    import tensorflow as tf

    check = Checker("triplet_loss")
    batch = random_batch()
    loss = check.call(target, (None, None, None), batch, case="random encodings (4, 16), alpha 0.2")
    check.true("returns a tensor", is_tensor(loss),
               f"a TensorFlow tensor expected, got {type(loss).__name__} (have you filled in every ### START CODE "
               "HERE ### block?)")
    check.same("random encodings (4, 16), alpha 0.2: the loss summed over the 4 triplets", np.float32(RANDOM_LOSS),
               np.asarray(loss).astype(np.float32), rtol=1e-5)
    for number, (anchor, positive, negative, alpha, expected) in enumerate(HAND_CASES, 1):
        case = f"A {anchor}, P {positive}, N {negative}, alpha {alpha:g}"
        y_pred = tuple(tf.constant(part) for part in (anchor, positive, negative))
        loss = check.call(target, (None, None, None), y_pred, alpha, case=case)
        check.same(f"hand-computed case {number} (alpha {alpha:g}): loss {expected:g}", np.float32(expected),
                   np.asarray(loss).astype(np.float32), rtol=1e-6, atol=1e-6)
    variables = [tf.Variable(part) for part in batch]
    with tf.GradientTape() as tape:
        loss = target(None, variables)
    gradients = tape.gradient(loss, variables)
    check.true("a gradient flows back to the encodings", all(g is not None for g in gradients),
               "no gradient reaches the encodings: compute the loss with TensorFlow operations, not NumPy")
    check.done()


def encoding_at_distance(encoding, distance, seed):
    """A vector of length 1 at ``distance`` (between 0 and 2) from ``encoding`` (shape (1, d), length 1)."""
    encoding = np.asarray(encoding, dtype=np.float64).reshape(-1)
    other = np.random.default_rng(seed).normal(size=encoding.shape)
    other -= other @ encoding * encoding
    other /= np.linalg.norm(other)
    angle = 2 * np.arcsin(distance / 2)
    return (np.cos(angle) * encoding + np.sin(angle) * other).astype(np.float32)[None]


def _printed(check, target, model, *args, case):
    """Call ``target(*args, model)``; return its result and what it printed. (The model stays out of the
    arguments the checker copies and compares.)"""
    with contextlib.redirect_stdout(io.StringIO()) as printed:
        result = check.call(lambda *inputs: target(*inputs, model), *args, case=case)
    return result, printed.getvalue().strip()


def _unpack(check, result, case, names):
    check.true(f"{case}: returns {names}", isinstance(result, tuple) and len(result) == 2,
               f"a tuple ({names}) expected, got {type(result).__name__} (have you filled in every ### START CODE "
               "HERE ### block?)")
    return result


def _encoder(model):
    from helpers.trained_models import load_model

    return model if model is not None else load_model("face_encoder_people")


def verify_test(target, model=None):
    """``model``: the encoder (the shipped one by default)."""
    check = Checker("verify")
    model = _encoder(model)
    image_path = write_photo(1, random_state=11)
    encoding = img_to_encoding(image_path, model)
    database = {"ada": encoding_at_distance(encoding, 1.1, 0), "bao": encoding_at_distance(encoding, 0.5, 1),
                "kofi": encoding_at_distance(encoding, 0.9, 2)}
    for identity, distance, door, message in (("bao", 0.5, True, "It's bao, welcome in!"),
                                              ("kofi", 0.9, False, "It's not kofi, please go away")):
        case = f"a photo whose encoding lies {distance} from {identity}'s"
        result, printed = _printed(check, target, model, image_path, identity, database, case=case)
        dist, door_open = _unpack(check, result, case, "dist, door_open")
        check.same(f"{case}: dist", np.float32(distance), np.float32(dist), rtol=1e-4)
        check.same(f"{case}: door_open", door, bool(door_open))
        check.same(f"{case}: prints", message, printed)
    check.done()


def who_is_it_test(target, model=None):
    """``model``: the encoder (the shipped one by default)."""
    check = Checker("who_is_it")
    model = _encoder(model)
    image_path = write_photo(3, random_state=12)
    encoding = img_to_encoding(image_path, model)
    near = {"ada": encoding_at_distance(encoding, 0.9, 0), "chidi": encoding_at_distance(encoding, 0.4, 1),
            "dana": encoding_at_distance(encoding, 0.6, 2)}
    far = {"ada": near["ada"], "emil": encoding_at_distance(encoding, 0.8, 3),
           "farah": encoding_at_distance(encoding, 1.2, 4)}
    for database, name, distance, known in ((near, "chidi", 0.4, True), (far, "emil", 0.8, False)):
        case = f"the closest of {len(database)} encodings, {name}'s, at {distance}"
        result, printed = _printed(check, target, model, image_path, database, case=case)
        min_dist, identity = _unpack(check, result, case, "min_dist, identity")
        check.same(f"{case}: min_dist", np.float32(distance), np.float32(min_dist), rtol=1e-4)
        check.same(f"{case}: identity", name, identity)
        expected = "it's " + name + ", the distance is " + str(min_dist) if known else "Not in the database."
        check.same(f"{case}: prints", expected, printed)
    check.done()

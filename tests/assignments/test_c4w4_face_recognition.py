"""Face recognition: hidden tests catch plausible bugs in the triplet loss, in verification and in recognition,
accept other correct answers, the public tests check the original's printed messages, and the notebook teaches
its lesson: the shipped encoder verifies people it never saw far better than raw pixels or random weights, the
threshold 0.7 has low false accept and false reject rates, the camera's photos are judged as the story says, and
the notebook's own brief training with the learner's loss lowers it."""
import re

import pytest

from tests.support import check_mutants_and_variants, executed_reference, hidden_verdict, stderr_cells

ASSIGNMENT = "c4w4_face_recognition"

TRIPLET = '''
def triplet_loss(y_true, y_pred, alpha = 0.2):
    anchor, positive, negative = y_pred[0], y_pred[1], y_pred[2]
    pos_dist = {pos}
    neg_dist = tf.reduce_sum(tf.square(anchor - negative), axis={axis})
    basic_loss = {basic}
    loss = {loss}
    return loss
'''


def triplet(pos="tf.reduce_sum(tf.square(anchor - positive), axis=-1)", axis="-1", basic="pos_dist - neg_dist + alpha",
            loss="tf.reduce_sum(tf.maximum(basic_loss, 0.0))"):
    return TRIPLET.format(pos=pos, axis=axis, basic=basic, loss=loss)


VERIFY = '''
def verify(image_path, identity, database, model):
    encoding = img_to_encoding(image_path, model)
    dist = {dist}
    if {condition}:
        print("It's " + str(identity) + ", welcome in!")
        door_open = True
    else:
        print("It's not " + str(identity) + ", please go away")
        door_open = False
    return {returned}
'''


def verify(dist="np.linalg.norm(database[identity] - encoding)", condition="dist < 0.7", returned="dist, door_open"):
    return VERIFY.format(dist=dist, condition=condition, returned=returned)


WHO = '''
def who_is_it(image_path, database, model):
    encoding = img_to_encoding(image_path, model)
    min_dist = 100
    for (name, db_enc) in database.items():
        dist = {dist}
        if {better}:
            min_dist = dist
            identity = name
    if min_dist > 0.7:
        print("Not in the database.")
    else:
        print("it's " + str(identity) + ", the distance is " + str(min_dist))
    return {returned}
'''


def who(dist="np.linalg.norm(db_enc - encoding)", better="dist < min_dist", returned="min_dist, identity"):
    return WHO.format(dist=dist, better=better, returned=returned)


MUTANTS = {
    "triplet_loss": [
        triplet(loss="tf.reduce_mean(tf.maximum(basic_loss, 0.0))"),  # the mean, not the original's sum
        triplet(basic="pos_dist - neg_dist - alpha"),  # the margin subtracted
        triplet(loss="tf.reduce_sum(basic_loss)"),  # no hinge
        triplet(pos="tf.norm(anchor - positive, axis=-1)"),  # a distance that is not squared
        triplet(pos="tf.reduce_sum(tf.square(anchor - positive))", axis="None"),  # distances summed over the batch
        triplet(basic="neg_dist - pos_dist + alpha"),  # positive and negative swapped
        triplet(loss="np.sum(np.maximum(basic_loss, 0.0))"),  # NumPy at the end: no gradient, not a tensor
    ],
    "verify": [
        verify(dist="np.sum((database[identity] - encoding) ** 2)"),  # the squared distance
        verify(condition="dist > 0.7"),  # the comparison turned round
        verify(condition="dist < 0.5"),  # another threshold
        verify(returned="door_open, dist"),  # the outputs swapped
    ],
    "who_is_it": [
        who(better="dist > min_dist"),  # the farthest person (never, from 100)
        who(dist="np.sum((db_enc - encoding) ** 2)"),  # the squared distance
        who(better="dist < 0.7"),  # the last person below the threshold, not the closest
        who(returned="identity, min_dist"),  # the outputs swapped
    ],
}

VARIANTS = {
    "triplet_loss": [
        triplet(),
        '''
def triplet_loss(y_true, y_pred, alpha = 0.2):
    anchor, positive, negative = y_pred
    basic = tf.reduce_sum((anchor - positive) ** 2, -1) - tf.reduce_sum((anchor - negative) ** 2, -1) + alpha
    return tf.reduce_sum(tf.nn.relu(basic))
''',
        triplet(loss="tf.reduce_sum(tf.maximum(basic_loss, 0))"),
    ],
    "verify": [
        verify(),
        verify(dist="np.sqrt(np.sum(np.square(encoding - database[identity])))", condition="not dist >= 0.7"),
        '''
def verify(image_path, identity, database, model):
    dist = np.linalg.norm(database[identity] - img_to_encoding(image_path, model))
    door_open = dist < 0.7
    print(f"It's {identity}, welcome in!" if door_open else f"It's not {identity}, please go away")
    return dist, door_open
''',
    ],
    "who_is_it": [
        who(),
        '''
def who_is_it(image_path, database, model):
    encoding = img_to_encoding(image_path, model)
    distances = {name: np.linalg.norm(encoding - db_enc) for name, db_enc in database.items()}
    identity = min(distances, key=distances.get)
    min_dist = distances[identity]
    if min_dist > 0.7:
        print("Not in the database.")
    else:
        print("it's " + str(identity) + ", the distance is " + str(min_dist))
    return min_dist, identity
''',
    ],
}


@pytest.mark.xdist_group(ASSIGNMENT)
def test_mutants_lose_points_and_variants_keep_them(tmp_path):
    """Do a mean instead of the sum, a subtracted margin, no hinge, unsquared or batch-summed distances, swapped
    terms, a NumPy loss, squared or reversed verification, another threshold, the farthest or the last person and
    swapped outputs fail, while one-expression, relu, comprehension and `not >=` forms pass?"""
    check_mutants_and_variants(ASSIGNMENT, MUTANTS, VARIANTS, tmp_path)


@pytest.mark.xdist_group(ASSIGNMENT)
@pytest.mark.parametrize("function, answer, message", [
    ("verify", verify().replace("welcome in!", "welcome!"), "prints"),
    ("who_is_it", who().replace('print("Not in the database.")', 'print("Unknown.")'), "prints"),
])
def test_the_public_tests_check_the_printed_messages(function, answer, message):
    """Another message keeps every output: does the public test (which reads what is printed) catch it, while the
    hidden test lets it pass?"""
    from helpers.checks import CheckFailure
    from helpers.public_tests import c4w4_face_recognition as public
    from helpers.trained_models import load_model
    from tests.support import namespace_with

    namespace = namespace_with(ASSIGNMENT, {function: answer})
    with pytest.raises(CheckFailure, match=message):
        getattr(public, f"{function}_test")(namespace[function], load_model("face_encoder_people"))
    assert hidden_verdict(ASSIGNMENT, function, answer) is None


def figure(text, pattern):
    return float(re.search(pattern, text)[1])


@pytest.mark.xdist_group(ASSIGNMENT)
def test_the_encoder_verifies_unseen_people_far_better_than_pixels():
    """On 100 people the encoder never saw, is its ROC-AUC at least 0.95, and at the threshold 0.7 are both its false
    accept and false reject rates below 0.15, while raw pixels and random weights stay below 0.8?"""
    text, _ = executed_reference(ASSIGNMENT)
    assert "1,000 same-person pairs, 123,750 different-people pairs" in text
    assert figure(text, r"ROC-AUC of the shipped encoder on unseen people: ([\d.]+)") >= 0.95
    far, frr = re.search(r"at the threshold 0.7: false accept rate ([\d.]+), false reject rate ([\d.]+)", text).groups()
    assert float(far) < 0.15 and float(frr) < 0.15, (far, frr)
    assert figure(text, r"recognition among 100 unseen people, one photo each: ([\d.]+)") >= 0.5


@pytest.mark.xdist_group(ASSIGNMENT)
def test_the_camera_photos_are_judged_as_the_story_says():
    """Does the door open for Bao and stay shut for the stranger claiming to be Kofi, and does who_is_it name the
    three colleagues and find the two strangers not in the database?"""
    text, _ = executed_reference(ASSIGNMENT)
    assert "It's bao, welcome in!" in text and "It's not kofi, please go away" in text
    for stem, person in (("camera_0", "bao"), ("camera_1", "goran"), ("camera_3", "lena")):
        assert re.search(rf"^{stem}: it's {person}, the distance is 0\.[0-6]", text, re.MULTILINE), stem
    for stem in ("camera_2", "camera_4"):
        assert re.search(rf"^{stem}: Not in the database\.$", text, re.MULTILINE), stem


@pytest.mark.xdist_group(ASSIGNMENT)
def test_the_brief_training_with_the_learners_loss_lowers_it():
    """Does the fresh encoder's loss per triplet fall over the notebook's 60 steps of the learner's triplet_loss?"""
    text, _ = executed_reference(ASSIGNMENT)
    first, last = re.search(r"loss per triplet: ([\d.]+) at the first step, ([\d.]+) over the last five", text).groups()
    assert float(last) < 0.8 * float(first), (first, last)


@pytest.mark.xdist_group(ASSIGNMENT)
def test_the_reference_notebook_writes_nothing_to_stderr():
    """Does every cell of the reference notebook, run outside grading, stay free of stderr output?"""
    _, notebook = executed_reference(ASSIGNMENT)
    assert stderr_cells(notebook) == []

"""Tests of helpers.smiles: generated cartoon faces standing in for the "happy house" photos, and the real-face probe."""
import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_score

from helpers.smiles import (
    LFW_NOT_SMILING,
    LFW_SMILING,
    load_cartoon_smiles_dataset,
    load_real_face_probe,
    make_cartoon_smiles,
)


@pytest.fixture(scope="module")
def smiles():
    return load_cartoon_smiles_dataset()


def _cross_validated_accuracy(features, y):
    return cross_val_score(LogisticRegression(max_iter=2000), features, y, cv=5).mean()


def test_shapes_dtypes_and_classes_are_those_of_the_happy_loader(smiles):
    """Does the loader return (600, 64, 64, 3) / (150, 64, 64, 3) uint8 images, (1, m) int64 labels and
    classes [0, 1], as load_happy_dataset did?"""
    X_train, Y_train, X_test, Y_test, classes = smiles
    assert X_train.shape == (600, 64, 64, 3) and X_train.dtype == np.uint8
    assert X_test.shape == (150, 64, 64, 3) and X_test.dtype == np.uint8
    assert Y_train.shape == (1, 600) and Y_train.dtype == np.int64
    assert Y_test.shape == (1, 150) and Y_test.dtype == np.int64
    assert classes.tolist() == [0, 1]


def test_labels_are_balanced_and_shuffled(smiles):
    """Are there 300 + 300 training and 75 + 75 test faces, mixed rather than in blocks?"""
    _, Y_train, _, Y_test, _ = smiles
    assert np.bincount(Y_train[0]).tolist() == [300, 300]
    assert np.bincount(Y_test[0]).tolist() == [75, 75]
    assert np.count_nonzero(np.diff(Y_train[0])) > 250 and np.count_nonzero(np.diff(Y_test[0])) > 60


def test_images_use_the_whole_range_and_differ(smiles):
    """Do the images span dark to bright, and are no two training images the same?"""
    X_train = smiles[0]
    assert X_train.min() < 10 and X_train.max() > 245
    assert len(np.unique(X_train.reshape(600, -1), axis=0)) == 600


def test_same_seed_draws_the_same_faces_and_another_seed_others():
    """Does a seed fix the faces and labels, and does another seed draw different ones?"""
    X_a, y_a = make_cartoon_smiles(40, random_state=7)
    X_b, y_b = make_cartoon_smiles(40, random_state=7)
    X_c, _ = make_cartoon_smiles(40, random_state=8)
    np.testing.assert_array_equal(X_a, X_b)
    np.testing.assert_array_equal(y_a, y_b)
    assert np.abs(X_a.astype(int) - X_c).mean() > 20


def test_loading_twice_gives_the_same_arrays(smiles):
    """Is the loaded data set fixed, the same at every call?"""
    for first, second in zip(smiles, load_cartoon_smiles_dataset()):
        np.testing.assert_array_equal(first, second)


def test_any_number_of_faces_is_balanced_within_one():
    """Does make_cartoon_smiles draw odd and small counts, with labels balanced within one?"""
    for n in (1, 33, 75):
        X, y = make_cartoon_smiles(n, random_state=0)
        assert X.shape == (n, 64, 64, 3) and y.shape == (n,) and y.dtype == np.int64
        assert abs(2 * y.sum() - n) <= 1


def test_numpy_global_random_state_is_untouched():
    """Does drawing faces leave np.random's global state alone, so a learner's np.random.seed still counts?"""
    np.random.seed(3)
    expected = np.random.rand(3)
    np.random.seed(3)
    make_cartoon_smiles(5, random_state=1)
    np.testing.assert_array_equal(np.random.rand(3), expected)


def test_colour_and_background_statistics_do_not_give_the_label_away(smiles):
    """Is a logistic regression on each image's mean and spread of colour, and on its border (the
    background), near chance, so that only the face can tell smiles apart?"""
    X, y = smiles[0].astype(float) / 255, smiles[1][0]
    border = np.concatenate([X[:, :4].reshape(600, -1, 3), X[:, -4:].reshape(600, -1, 3),
                             X[:, :, :4].reshape(600, -1, 3), X[:, :, -4:].reshape(600, -1, 3)], axis=1)
    features = np.hstack([X.mean(axis=(1, 2)), X.std(axis=(1, 2)), border.mean(axis=1), border.std(axis=1)])
    assert _cross_validated_accuracy(features, y) < 0.6


def test_the_mouth_carries_the_label_and_the_upper_face_does_not(smiles):
    """On 8 x 8 thumbnails, does a logistic regression on the upper half (eyes, hair, glasses) stay near
    chance, while one on the rows of the mouth does much better?"""
    X, y = smiles[0].astype(float) / 255, smiles[1][0]
    thumbnails = X.reshape(600, 8, 8, 8, 8, 3).mean(axis=(2, 4))
    assert _cross_validated_accuracy(thumbnails[:, :4].reshape(600, -1), y) < 0.6
    assert _cross_validated_accuracy(thumbnails[:, 4:7].reshape(600, -1), y) > 0.7


def test_real_face_probe_holds_the_hand_labelled_faces():
    """Does the probe return the 25 smiling then 43 other LFW faces as grey 64 x 64 x 3 uint8 images, labels
    (1, 68) int64, with no face in both lists?"""
    X, Y = load_real_face_probe()
    assert (len(LFW_SMILING), len(LFW_NOT_SMILING)) == (25, 43)
    assert not set(LFW_SMILING) & set(LFW_NOT_SMILING)
    assert all(0 <= index < 100 for index in LFW_SMILING + LFW_NOT_SMILING)  # the faces, not the non-faces
    assert X.shape == (68, 64, 64, 3) and X.dtype == np.uint8
    assert Y.shape == (1, 68) and Y.dtype == np.int64
    assert Y[0].tolist() == [1] * 25 + [0] * 43
    assert np.array_equal(X[..., 0], X[..., 1]) and np.array_equal(X[..., 0], X[..., 2])
    assert X.std() > 30

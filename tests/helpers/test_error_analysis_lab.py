"""The lab's two digit distributions and its model."""
import numpy as np
import pytest

from helpers.error_analysis_lab import TAG_NAMES, errors_by_tag, make_digit_domains, predict_digits, train_digit_cnn


@pytest.fixture(scope="module")
def domains():
    return make_digit_domains()


def test_target_images_are_tagged_and_source_images_are_not(domains):
    """Are 1,500 of the 5,000 images photographed, tagged only there, in [0, 1], the same on every call?"""
    X, y, is_target, tags = domains
    assert X.shape == (5000, 28, 28) and X.dtype == np.float32 and 0 <= X.min() and X.max() <= 1
    assert is_target.sum() == 1500 and set(tags) == set(TAG_NAMES)
    assert not any(flags[~is_target].any() for flags in tags.values())
    assert all(0.1 < flags[is_target].mean() < 0.7 for flags in tags.values())
    assert np.array_equal(make_digit_domains()[0][-1], X[-1])


def test_photos_have_brighter_backgrounds_than_scans(domains):
    """Is the typical photo's background grey where the scans' is black?"""
    X, _, is_target, _ = domains
    assert np.median(X[~is_target][:, 0, 0]) == 0 and np.median(X[is_target][:, 0, 0]) > 0.2


def test_a_short_training_learns_and_leaves_numpy_alone(domains):
    """Does one epoch on 1,000 scans beat chance by far, without touching NumPy's global random state?"""
    X, y, is_target, _ = domains
    scans, labels = X[~is_target][:1000], y[~is_target][:1000]
    state = np.random.get_state()[1].copy()
    model = train_digit_cnn(scans, labels, width=1, epochs=1)
    assert np.array_equal(np.random.get_state()[1], state)
    assert np.mean(predict_digits(model, scans) == labels) > 0.3  # chance is 0.1


def test_errors_by_tag_counts_untagged_examples_too():
    """Does it give the error rate within each tag and among examples with no tag?"""
    tags = {"a": np.array([True, True, False, False]), "b": np.array([False, True, True, False])}
    rates = errors_by_tag(tags, np.array([0, 1, 2, 3]), np.array([0, 9, 9, 9]))
    assert rates == {"a": 0.5, "b": 1.0, "no tag": 1.0}

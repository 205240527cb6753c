"""The lab's two digit distributions and its model."""
import matplotlib.pyplot as plt
import numpy as np
import pytest

from helpers.error_analysis_lab import (
    TAG_NAMES,
    errors_by_tag,
    gaps_widget,
    make_digit_domains,
    plot_gaps,
    predict_digits,
    train_digit_cnn,
)


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


def test_under_nbgrader_nothing_trains(domains, monkeypatch):
    """While grading, is no model built (every prediction 0), and does the widget train no setting, never
    calling the learner's functions, and still show a figure?"""
    X, y, is_target, _ = domains
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    model = train_digit_cnn(X[:64], y[:64], width=1)
    assert model is None and np.array_equal(predict_digits(model, X[:3]), [0, 0, 0])

    def unused(*args):
        raise AssertionError("called while grading")

    index = np.arange(1000)
    widget = gaps_widget(unused, unused, X, y, {"train": index, "train_dev": index, "dev": index, "test": index},
                         index)
    assert widget.grid == {} and widget._figures.first_png is not None


def test_plot_gaps_draws_four_gaps_beside_the_reference():
    """Are the four gaps drawn as bars for the setting and, in grey, for the reference?"""
    errors = {"human": 0.005, "train": 0.02, "train_dev": 0.1, "dev": 0.5, "test": 0.52}
    left, right = plot_gaps(errors, reference={**errors, "dev": 0.3, "test": 0.32},
                            title="a setting")
    heights = [round(bar.get_height(), 6) for bar in right.patches]
    assert heights == [1.5, 8.0, 20.0, 2.0, 1.5, 8.0, 40.0, 2.0]
    assert len(left.lines) == 2 and left.figure._suptitle.get_text() == "a setting"
    plt.close(left.figure)

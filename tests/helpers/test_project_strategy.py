"""The bird-alarm case study's data, figures and widget."""
import base64

import numpy as np

from helpers.project_strategy import (
    CLASSIFIERS,
    DISTRICTS,
    make_camera_images,
    make_weighted_dev_set,
    plot_gaps,
    strategy_widget,
)


def test_weighted_dev_set_has_the_promised_errors():
    """Does A err on 3 % (20 of 30 errors on protected birds) and B on 5 % (2 of 50), deterministically?"""
    y, w, y_pred_A, y_pred_B = make_weighted_dev_set()
    for y_pred, wrong, critical in ((y_pred_A, 30, 20), (y_pred_B, 50, 2)):
        assert np.sum(y != y_pred) == wrong and np.sum((y != y_pred) & (w == 10)) == critical
    assert np.array_equal(make_weighted_dev_set()[3], y_pred_B)


def test_camera_images_come_sorted_by_district_and_leave_numpy_alone():
    """Are the images grouped by district, and is NumPy's global random state untouched?"""
    state = np.random.get_state()[1].copy()
    X, district = make_camera_images(m=100)
    assert X.shape == (16, 100) and np.all(np.diff(district) >= 0) and district.max() < len(DISTRICTS)
    assert np.array_equal(np.random.get_state()[1], state)


def test_plot_gaps_draws_one_bar_per_gap():
    """Does the staircase draw a bar for each gap that is not None?"""
    ax = plot_gaps({"human": 1, "train": 8, "dev": 10}, {"avoidable_bias": 7, "variance": 2}, focus="avoidable_bias")
    assert len(ax.patches) == 2


def test_strategy_widget_uses_the_learners_functions():
    """Does the widget call the two functions it is given and carry a PNG of its first figure?"""
    calls = []

    def bias_variance(human, train, dev):
        calls.append("bias_variance")
        return {"avoidable_bias": train - human, "variance": dev - train, "focus": "bias"}

    def pick_classifier(table, optimizing, satisficing):
        calls.append("pick_classifier")
        assert table is CLASSIFIERS and optimizing == "accuracy"
        return "B"

    widget = strategy_widget(bias_variance, pick_classifier)
    assert calls == ["bias_variance", "pick_classifier"]
    assert base64.b64decode(widget._repr_mimebundle_()["image/png"]).startswith(b"\x89PNG")

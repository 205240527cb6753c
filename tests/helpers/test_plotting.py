"""Tests of helpers.plotting: each function labels what it draws and returns its axes or figure."""
import matplotlib.pyplot as plt
import numpy as np
import pytest

from helpers.plotting import (
    OKABE_ITO,
    plot_cost_comparison,
    plot_costs,
    plot_history,
    plot_image_grid,
    plot_learning_curves,
    plot_misclassified,
)


def _image_count(fig):
    return sum(len(ax.images) for ax in fig.axes)


def test_plot_costs_uses_iteration_numbers_and_names_the_learning_rate():
    """Does plot_costs put costs[i] at iteration i * every, label the axes and show the learning rate?"""
    ax = plot_costs([0.69, 0.5, np.array(0.4), np.array([[0.35]])], learning_rate=0.005, every=100)
    (line,) = ax.get_lines()
    np.testing.assert_array_equal(line.get_xdata(), [0, 100, 200, 300])
    np.testing.assert_allclose(line.get_ydata(), [0.69, 0.5, 0.4, 0.35])
    assert ax.get_xlabel() == "iteration" and ax.get_ylabel() == "cost"
    assert "0.005" in ax.get_title()
    assert "learning rate" not in plot_costs([1.0, 0.5]).get_title()


def test_plot_costs_draws_on_the_given_axes_without_a_new_figure():
    """When an axes is passed, does plot_costs draw there and create no other figure?"""
    fig, ax = plt.subplots()
    before = plt.get_fignums()
    assert plot_costs([1.0, 0.5], ax=ax) is ax
    assert plt.get_fignums() == before


def test_plot_cost_comparison_draws_one_labelled_line_per_curve():
    """Does each entry of the dict become one line with its label in the legend, in distinct colours?"""
    costs_by_label = {0.01: [0.7, 0.4, 0.3], 0.001: [0.7, 0.6, 0.55], 0.0001: [0.7, 0.69, 0.68]}
    ax = plot_cost_comparison(costs_by_label, every=50)
    lines = ax.get_lines()
    assert len(lines) == 3
    assert [text.get_text() for text in ax.get_legend().get_texts()] == ["0.01", "0.001", "0.0001"]
    assert len({line.get_color() for line in lines}) == 3
    assert set(line.get_color() for line in lines) <= set(OKABE_ITO.values())
    np.testing.assert_array_equal(lines[0].get_xdata(), [0, 50, 100])
    assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()


def test_plot_learning_curves_has_two_labelled_panels():
    """Are cost and train/test accuracy drawn on two side-by-side labelled axes, returned as a pair?"""
    iterations = [0, 100, 200, 300]
    ax_cost, ax_accuracy = plot_learning_curves(iterations, [0.69, 0.4, 0.3, 0.25],
                                                [50.0, 90.0, 95.0, 97.0], [50.0, 85.0, 88.0, 90.0])
    assert ax_cost.figure is ax_accuracy.figure
    assert len(ax_cost.get_lines()) == 1 and len(ax_accuracy.get_lines()) == 2
    assert "%" in ax_accuracy.get_ylabel() and ax_cost.get_ylabel() == "cost"
    assert [t.get_text() for t in ax_accuracy.get_legend().get_texts()] == ["train", "test"]
    assert ax_cost.get_position().x1 <= ax_accuracy.get_position().x0  # side by side
    assert ax_accuracy.get_ylim()[1] >= 100


def test_plot_learning_curves_uses_given_axes():
    """Does plot_learning_curves draw on the two axes it is given?"""
    fig, axes = plt.subplots(1, 2)
    returned = plot_learning_curves([0, 1], [1.0, 0.5], [50, 60], [50, 55], axes=axes)
    assert returned[0] is axes[0] and returned[1] is axes[1]
    assert len(fig.axes) == 2


@pytest.mark.parametrize("count, ncols, rows", [(1, 8, 1), (5, 8, 1), (8, 8, 1), (9, 8, 2), (20, 6, 4)])
def test_plot_image_grid_shows_every_image_once(count, ncols, rows):
    """Does the grid hold exactly one image per input, in ceil(count / ncols) rows, with ticks hidden?"""
    images = np.random.default_rng(0).integers(0, 256, size=(count, 6, 6, 1), dtype=np.uint8)
    fig = plot_image_grid(images, [f"#{i}" for i in range(count)], ncols=ncols)
    assert _image_count(fig) == count
    rows_used = {round(ax.get_position().y0, 3) for ax in fig.axes if ax.images}
    assert len(rows_used) == rows
    shown = [ax for ax in fig.axes if ax.images]
    assert all(len(ax.get_xticks()) == 0 and len(ax.get_yticks()) == 0 for ax in shown)
    assert [ax.get_title() for ax in shown] == [f"#{i}" for i in range(count)]


def test_plot_image_grid_squeezes_gray_and_keeps_rgb():
    """Is an (h, w, 1) image drawn as a 2-D grayscale array and an (h, w, 3) image as RGB?"""
    gray = np.full((4, 5, 1), 100, dtype=np.uint8)
    rgb = np.zeros((4, 5, 3), dtype=np.uint8)
    fig = plot_image_grid([gray, rgb])
    gray_image, rgb_image = (ax.images[0] for ax in fig.axes if ax.images)
    assert gray_image.get_array().shape == (4, 5)
    assert gray_image.get_clim() == (0, 255)  # shown on the true scale, not stretched
    assert rgb_image.get_array().shape == (4, 5, 3)


def test_plot_image_grid_empty_says_nothing_to_show():
    """Does an empty list give a figure with the text "nothing to show" and no image?"""
    fig = plot_image_grid([])
    assert _image_count(fig) == 0
    assert any(text.get_text() == "nothing to show" for ax in fig.axes for text in ax.texts)


def test_plot_image_grid_checks_the_number_of_titles():
    """Does a titles list of the wrong length raise a ValueError?"""
    with pytest.raises(ValueError, match="titles"):
        plot_image_grid(np.zeros((3, 4, 4)), ["a", "b"])


def test_plot_misclassified_shows_only_the_mistakes():
    """Are exactly the misclassified examples shown, titled true → predicted, with the count in the suptitle?"""
    images = np.arange(6 * 4 * 4).reshape(6, 4, 4, 1).astype(np.uint8)
    Y = np.array([[1, 0, 1, 0, 1, 0]])
    Y_prediction = np.array([[1, 1, 0, 0, 1, 0]], dtype=float)
    fig = plot_misclassified(images, Y, Y_prediction, np.array(["non-face", "face"]))
    shown = [ax for ax in fig.axes if ax.images]
    assert [ax.get_title() for ax in shown] == ["non-face → face", "face → non-face"]
    np.testing.assert_array_equal(shown[0].images[0].get_array(), images[1, ..., 0])
    assert "2 of 6 misclassified" in fig.get_suptitle()


def test_plot_misclassified_caps_the_number_shown():
    """With more mistakes than max_images, are only max_images shown while the count stays exact?"""
    images = np.zeros((30, 4, 4, 1), dtype=np.uint8)
    Y, Y_prediction = np.zeros((1, 30)), np.ones((1, 30))
    fig = plot_misclassified(images, Y, Y_prediction, [b"cat", b"non-cat"], max_images=5)
    assert _image_count(fig) == 5
    assert "30 of 30 misclassified" in fig.get_suptitle()
    assert fig.axes[0].get_title() == "cat → non-cat"  # bytes class names are decoded


def test_plot_misclassified_with_no_mistakes():
    """Does a perfect prediction give a figure that says 0 are misclassified and shows no image?"""
    Y = np.array([[0, 1, 1]])
    fig = plot_misclassified(np.zeros((3, 4, 4)), Y, Y, ["non-face", "face"])
    assert _image_count(fig) == 0
    assert "0 of 3 misclassified" in fig.get_suptitle()


def test_plot_misclassified_refuses_flattened_images():
    """Does passing flattened (n_x, m) images raise a ValueError that says to pass the original images?"""
    with pytest.raises(ValueError, match="before flattening"):
        plot_misclassified(np.zeros((16, 3)), np.zeros((1, 3)), np.zeros((1, 3)), ["a", "b"])


def test_plot_history_draws_a_keras_fit_by_epoch():
    """Does a Keras History become the two panels, by epoch, with accuracies in % and the loss named?"""
    from types import SimpleNamespace

    history = SimpleNamespace(history={"loss": [0.9, 0.5, 0.3], "accuracy": [0.5, 0.8, 0.9],
                                       "val_accuracy": [0.4, 0.7, 0.85]})
    ax_cost, ax_accuracy = plot_history(history, loss_name="binary cross-entropy")
    assert list(ax_cost.lines[0].get_xdata()) == [1, 2, 3]
    assert ax_cost.get_title() == "Training loss (binary cross-entropy)" and ax_accuracy.get_xlabel() == "epoch"
    assert max(max(line.get_ydata()) for line in ax_accuracy.lines) == pytest.approx(90)
    plt.close(ax_cost.figure)

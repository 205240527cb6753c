"""Tests of helpers.plotting: each function labels what it draws and returns its axes or figure."""
import matplotlib.pyplot as plt
import numpy as np
import pytest

from helpers.plotting import (
    OKABE_ITO,
    plot_cost_comparison,
    plot_costs,
    plot_decision_boundary,
    plot_image_grid,
    plot_learning_curves,
    plot_misclassified,
)
from helpers.plotting import (
    plot_2d_dataset,
    plot_epsilon_sweep,
    plot_gradient_differences,
    plot_learning_rate_schedules,
    plot_model_comparison,
    plot_optimizer_paths,
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


def test_plot_decision_boundary_predicts_on_a_grid_and_draws_the_points():
    """Is predict called once on a (2, k) grid reaching past the data, and are both classes drawn as points?"""
    rng = np.random.default_rng(0)
    X = rng.uniform(-2, 2, size=(2, 50))
    Y = (X[0:1] > 0).astype(int)
    calls = []

    def predict(points):
        calls.append(points.shape)
        return (points[0:1] > 0).astype(int)

    ax = plot_decision_boundary(predict, X, Y, resolution=30, title="x1 > 0")
    assert calls == [(2, 900)]
    assert ax.get_title() == "x1 > 0" and ax.get_xlabel() and ax.get_ylabel()
    assert len(ax.collections) >= 3  # the filled contour and one scatter per class
    offsets = [c.get_offsets() for c in ax.collections if len(c.get_offsets()) and c.get_label() in ("y = 0", "y = 1")]
    assert sorted(len(o) for o in offsets) == sorted([int((Y == 0).sum()), int((Y == 1).sum())])
    x_low, x_high = ax.get_xlim()
    assert x_low < X[0].min() and x_high > X[0].max()


def test_plot_decision_boundary_checks_shapes():
    """Is X of shape (m, 2) instead of (2, m) refused with a message naming the expected shape?"""
    with pytest.raises(ValueError, match=r"\(2, m\)"):
        plot_decision_boundary(lambda P: P[0:1] > 0, np.zeros((5, 2)), np.zeros((1, 5)))


def test_plot_2d_dataset_draws_both_classes_with_labels():
    """Does plot_2d_dataset draw one scatter per class, label the axes and title the plot?"""
    X = np.array([[0.0, 1.0, 2.0], [0.0, 1.0, 0.5]])
    ax = plot_2d_dataset(X, np.array([[0, 1, 1]]), title="points")
    assert [len(c.get_offsets()) for c in ax.collections] == [1, 2]
    assert ax.get_title() == "points" and ax.get_xlabel() and ax.get_ylabel()
    with pytest.raises(ValueError, match="labels"):
        plot_2d_dataset(X, np.array([[0, 1]]))


def test_plot_model_comparison_puts_boundaries_over_costs_and_marks_infinite_costs():
    """Is there a column per model, boundaries on top and costs below on a shared scale, the notes in the titles,
    and a marker where a cost is inf?"""
    X = np.array([[0.0, 1.0, 2.0, 3.0], [0.0, 1.0, 0.0, 1.0]])
    Y = np.array([[0, 1, 0, 1]])
    axes = plot_model_comparison(
        {"a": lambda P: (P[0:1] > 1.5).astype(int), "b": lambda P: (P[1:2] > 0.5).astype(int)},
        {"a": [0.7, 0.5, 0.3], "b": [float("inf"), 0.6, 0.4]}, X, Y, every=1000, unit="epoch",
        notes={"a": "train 50 %"})
    assert axes.shape == (2, 2)
    assert axes[0, 0].get_title() == "a\ntrain 50 %" and axes[0, 1].get_title() == "b"
    assert axes[1, 0].get_ylim() == axes[1, 1].get_ylim()
    assert axes[1, 1].get_xlabel() == "epoch" and axes[1, 1].get_ylabel() == "cost"
    np.testing.assert_array_equal(axes[1, 0].get_lines()[0].get_xdata(), [0, 1000, 2000])
    marker = [line for line in axes[1, 1].get_lines() if line.get_marker() == "^"]
    assert len(marker) == 1 and marker[0].get_ydata()[0] > 0.7
    assert not [line for line in axes[1, 0].get_lines() if line.get_marker() == "^"]
    with pytest.raises(ValueError, match="same models"):
        plot_model_comparison({"a": lambda P: P[:1] > 0}, {"b": [1.0]}, X, Y)


def test_plot_optimizer_paths_draws_one_line_per_optimizer_over_contours():
    """Does it draw each path, the start and the minimum over filled contours, with labels and a legend?"""
    from helpers.loss_surfaces import SURFACES

    surface = SURFACES["ravine"]
    paths = {"gradient descent": np.array([surface.start, (-5.0, 0.2), (0.0, 0.0)]),
             "Adam": np.array([surface.start, (-4.0, 0.0)])}
    ax = plot_optimizer_paths(surface, paths)
    labels = [line.get_label() for line in ax.get_lines()]
    assert labels[:2] == ["gradient descent", "Adam"] and "start" in labels and "minimum" in labels
    np.testing.assert_array_equal(ax.get_lines()[0].get_xdata(), [surface.start[0], -5.0, 0.0])
    assert ax.collections and ax.get_title() == "ravine" and ax.get_xlabel() and ax.get_ylabel()


def test_plot_learning_rate_schedules_uses_a_log_scale():
    """Does each schedule become a line against the epoch, on a logarithmic learning-rate axis?"""
    ax = plot_learning_rate_schedules({"fast": [0.1, 0.05, 0.033], "slow": [0.1, 0.1, 0.05]})
    assert len(ax.get_lines()) == 2 and ax.get_yscale() == "log"
    np.testing.assert_array_equal(ax.get_lines()[1].get_xdata(), [0, 1, 2])
    assert ax.get_xlabel() == "epoch" and ax.get_ylabel() == "learning rate" and ax.get_title()


def test_plot_gradient_differences_and_epsilon_sweep():
    """Does the bar chart show one bar per check on a log scale with its value written on it, and does the sweep
    plot differences against epsilon log-log, marking the chosen epsilon?"""
    ax = plot_gradient_differences({"1-D": 7.8e-11, "buggy": 0.31, "fixed": 1.2e-7})
    assert len(ax.patches) >= 3 and ax.get_yscale() == "log"
    assert [t.get_text() for t in ax.texts] == ["7.8e-11", "3.1e-01", "1.2e-07"]
    assert ax.get_ylabel() and ax.get_title()
    ax = plot_epsilon_sweep([1e-1, 1e-4, 1e-7], [5e-3, 2e-10, 1e-7], chosen=1e-7)
    assert ax.get_xscale() == "log" and ax.get_yscale() == "log"
    assert len(ax.get_lines()) == 2 and ax.get_xlabel() and ax.get_title()
    with pytest.raises(ValueError):
        plot_epsilon_sweep([1e-1, 1e-2], [1.0])


def test_plot_hyperparameter_sweep_draws_one_line_per_model_and_marks_divergence():
    """Does the sweep draw a labelled line per model on a log axis, and a marker at the top for a non-finite result?"""
    from helpers.plotting import plot_hyperparameter_sweep

    ax = plot_hyperparameter_sweep([0.01, 0.1, 1.0], {"plain": [1.2, 0.4, np.nan], "batch norm": [0.8, 0.3, 0.4]},
                                   xlabel="learning rate", ylabel="final cost")
    labelled = [line for line in ax.get_lines() if not line.get_label().startswith("_")]
    assert [line.get_label() for line in labelled] == ["plain", "batch norm"]
    assert ax.get_xscale() == "log" and ax.get_xlabel() == "learning rate" and ax.get_ylabel() == "final cost"
    assert ax.get_title() == "Final cost against learning rate"
    top = [line for line in ax.get_lines() if line.get_marker() == "^"]
    assert len(top) == 1 and top[0].get_ydata()[0] > 1.2
    with pytest.raises(ValueError, match="2 results for 3 values"):
        plot_hyperparameter_sweep([1, 2, 3], {"a": [1, 2]}, xlabel="x", ylabel="y")
    plt.close("all")


def test_plot_search_comparison_shows_the_trials_and_the_best_of_each():
    """Does the comparison draw the heat map, both sets of trials and their best, and name the best values?"""
    from helpers.plotting import plot_search_comparison

    def objective(x, y):
        return -np.log10(x) ** 2 - 0.01 * np.log10(y)

    grid = np.array([[1e-2, 1e-2, 1.0, 1.0], [1e-3, 1e-1, 1e-3, 1e-1]])
    random = np.array([[0.5, 0.05, 0.9], [1e-2, 1e-3, 0.05]])
    ax_map, ax_line = plot_search_comparison(objective, grid, random, bounds=((1e-2, 1.0), (1e-3, 1e-1)))
    assert len(ax_map.collections) == 1 + 4  # heat map, then trials and best for each strategy
    assert ax_map.get_xscale() == ax_map.get_yscale() == ax_line.get_xscale() == "log"
    labels = [text.get_text() for text in ax_line.get_legend().get_texts()]
    assert any(label.startswith("grid search: best") and "2 distinct" in label for label in labels)
    assert any(label.startswith("random search: best") and "3 distinct" in label for label in labels)
    assert ax_map.get_title() and ax_line.get_title() and ax_line.get_ylabel() == "objective"
    with pytest.raises(ValueError, match=r"shape \(2, k\)"):
        plot_search_comparison(objective, grid.T, random, bounds=((1e-2, 1.0), (1e-3, 1e-1)))
    plt.close("all")

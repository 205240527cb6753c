"""Tests of helpers.hyperparameter_search: the synthetic surface, grid and random trials, and their comparison."""
import numpy as np
import pytest

from helpers.hyperparameter_search import (
    SEARCH_SPACE,
    compare_search_strategies,
    grid_search_points,
    random_search_points,
    synthetic_validation_accuracy,
)
import ipywidgets as widgets
import matplotlib.pyplot as plt



def sample_log_uniform(low, high, size):
    return 10 ** np.random.uniform(np.log10(low), np.log10(high), size)


def test_the_surface_depends_on_the_learning_rate_and_hardly_on_epsilon():
    """Is the made-up accuracy highest near alpha = 0.004, low at the ends, and almost flat along epsilon?"""
    alphas = np.logspace(-4, 0, 401)
    accuracy = synthetic_validation_accuracy(alphas, 1e-8)
    assert abs(np.log10(alphas[np.argmax(accuracy)]) + 2.4) < 0.02
    assert 0.94 < accuracy.max() < 0.96 and accuracy[0] < 0.3 and accuracy[-1] < 0.3
    epsilons = np.logspace(-10, -6, 101)
    across_epsilon = synthetic_validation_accuracy(0.004, epsilons)
    assert np.ptp(across_epsilon) < 0.03 < np.ptp(accuracy)


@pytest.mark.parametrize("budget, k", [(25, 5), (9, 3), (10, 3), (1, 1)])
def test_grid_points_form_a_log_spaced_square_grid(budget, k):
    """Does a budget give the largest k x k grid that fits, evenly spaced on the log scales, inside the ranges?"""
    points = grid_search_points(budget)
    assert points.shape == (2, k * k)
    for row, key in enumerate(("learning_rate", "epsilon")):
        low, high = SEARCH_SPACE[key]
        values = np.unique(points[row])
        assert values.size == k and low <= values.min() and values.max() <= high
        if k > 1:
            assert np.allclose(np.diff(np.log10(values)), np.log10(high / low) / (k - 1))


def test_random_points_use_the_sampler_and_restore_the_global_state():
    """Are the random trials drawn by the sampler passed in (learning rates first), reproducible by seed, inside
    the ranges, without changing NumPy's global random state?"""
    calls = []

    def recording_sampler(low, high, size):
        calls.append((low, high, size))
        return sample_log_uniform(low, high, size)

    np.random.seed(3)
    expected = np.random.rand()
    np.random.seed(3)
    points = random_search_points(25, sample_log_uniform=recording_sampler, seed=7)
    assert np.random.rand() == expected
    assert calls == [(1e-4, 1.0, 25), (1e-10, 1e-6, 25)]
    assert points.shape == (2, 25) and np.unique(points[0]).size == 25
    assert (1e-4 <= points[0]).all() and (points[0] <= 1).all() and (1e-10 <= points[1]).all()
    np.testing.assert_array_equal(points, random_search_points(25, sample_log_uniform=sample_log_uniform, seed=7))
    assert not np.array_equal(points, random_search_points(25, sample_log_uniform=sample_log_uniform, seed=8))


def test_random_search_beats_the_grid_when_one_hyperparameter_hardly_matters():
    """With 25 trials, does random search find a better accuracy than the 5 x 5 grid in almost every search?"""
    result = compare_search_strategies(25, sample_log_uniform=sample_log_uniform, repetitions=200)
    assert result["grid_distinct_learning_rates"] == 5 and result["random_distinct_learning_rates"] == 25
    assert result["random_best"].shape == (200,)
    assert 0.7 < result["grid_best"] < 0.8 and result["random_wins"] > 0.9
    assert np.mean(result["random_best"]) > result["grid_best"] + 0.1


def test_plot_hyperparameter_sweep_draws_one_line_per_model_and_marks_divergence():
    """Does the sweep draw a labelled line per model on a log axis, and a marker at the top for a non-finite result?"""
    from helpers.hyperparameter_search import plot_hyperparameter_sweep

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
    from helpers.hyperparameter_search import plot_search_comparison

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


def test_search_comparison_widget_draws_with_the_learners_sampler_and_redraws():
    """Does it start at 25 trials with a 5 x 5 grid, redraw when the budget or the seed changes, and leave the
    global random state alone?"""
    from helpers.hyperparameter_search import search_comparison_widget

    def sample_log_uniform(low, high, size):
        return 10 ** np.random.uniform(np.log10(low), np.log10(high), size)

    np.random.seed(11)
    expected = np.random.rand()
    np.random.seed(11)
    widget = search_comparison_widget(sample_log_uniform)
    (budget, seed), label, output = widget.children[0].children, widget.children[1], widget.children[2]
    assert np.random.rand() == expected
    assert isinstance(output, widgets.Output) and budget.value == 25
    assert not budget.continuous_update and not seed.continuous_update
    assert label.value.startswith("grid: 25 trials, 5 learning rates, best") and "random: 25 trials" in label.value
    first = label.value
    seed.value = 3
    assert label.value != first and label.value.startswith("grid: 25 trials")
    budget.value = 9
    assert label.value.startswith("grid: 9 trials, 3 learning rates") and "random: 9 trials, 9 learning rates" in label.value

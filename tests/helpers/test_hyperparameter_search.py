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

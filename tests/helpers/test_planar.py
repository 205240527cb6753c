"""Tests of helpers.planar: the two-class point sets and the figures drawn over them."""
import numpy as np
import pytest

from helpers.planar import (
    load_2D_dataset,
    load_circles_dataset,
    load_extra_datasets,
    load_moons_dataset,
    load_planar_dataset,
    make_flower,
    make_wavy_boundary,
    plot_2d_dataset,
    plot_decision_boundary,
    plot_model_comparison,
)


def test_planar_dataset_is_a_fixed_balanced_flower_a_line_cannot_split():
    """Is the flower (2, 400) / (1, 400), the same on every call, balanced, drawn without touching NumPy's global
    state, and about 50 % separable by a straight line?"""
    from sklearn.linear_model import LogisticRegression

    state = np.random.get_state()
    X, Y = load_planar_dataset()
    assert np.random.get_state()[1].tolist() == state[1].tolist()
    assert X.shape == (2, 400) and Y.shape == (1, 400) and Y.dtype == np.int64
    assert Y.sum() == 200 and set(np.unique(Y)) == {0, 1}
    X2, Y2 = load_planar_dataset()
    np.testing.assert_array_equal(X, X2)
    np.testing.assert_array_equal(Y, Y2)
    assert 3.5 < np.abs(X).max() < 5.5  # petals of length about 4
    line = LogisticRegression().fit(X.T, Y.ravel())
    assert 0.4 <= line.score(X.T, Y.ravel()) <= 0.6


def test_make_flower_options():
    """Does make_flower honour n_samples and random_state, and refuse odd sizes and odd petal counts?"""
    X, Y = make_flower(60, petals=4, random_state=3)
    assert X.shape == (2, 60) and Y.tolist() == [[0] * 30 + [1] * 30]
    np.testing.assert_array_equal(X, make_flower(60, petals=4, random_state=3)[0])
    assert not np.allclose(X, make_flower(60, petals=4, random_state=4)[0])
    with pytest.raises(ValueError, match="n_samples"):
        make_flower(41)
    with pytest.raises(ValueError, match="petals"):
        make_flower(40, petals=3)


def test_extra_datasets_are_four_fixed_two_class_sets():
    """Are the four extra sets named, of shape (2, m) / (1, m) with labels 0 and 1, and the same on every call?"""
    datasets = load_extra_datasets()
    assert list(datasets) == ["noisy circles", "noisy moons", "blobs", "gaussian quantiles"]
    for name, (X, Y) in datasets.items():
        assert X.shape == (2, 200) and Y.shape == (1, 200), name
        assert set(np.unique(Y)) == {0, 1}, name
        np.testing.assert_array_equal(X, load_extra_datasets()[name][0])
    assert load_extra_datasets(50)["noisy moons"][0].shape == (2, 50)


def test_circles_are_the_seeded_make_circles_and_leave_the_global_state_alone():
    """Are the circles those of np.random.seed(1) / seed(2) + make_circles(noise=0.05), in columns, balanced,
    drawn without changing NumPy's global random state?"""
    from sklearn.datasets import make_circles

    np.random.seed(7)
    before = np.random.get_state()[1].copy()
    train_X, train_Y, test_X, test_Y = load_circles_dataset()
    assert np.array_equal(np.random.get_state()[1], before)
    assert (train_X.shape, train_Y.shape, test_X.shape, test_Y.shape) == ((2, 300), (1, 300), (2, 100), (1, 100))
    assert train_Y.dtype == np.int64 and train_Y.sum() == 150 and test_Y.sum() == 50
    np.random.seed(1)
    X, y = make_circles(n_samples=300, noise=0.05)
    np.testing.assert_array_equal(train_X, X.T)
    np.testing.assert_array_equal(train_Y[0], y)
    np.random.seed(2)
    X, _ = make_circles(n_samples=100, noise=0.05)
    np.testing.assert_array_equal(test_X, X.T)


def test_wavy_boundary_labels_follow_the_border_up_to_the_noise():
    """Without noise, is every label the side of x2 = 0.3 sin(2.5 x1)? With the defaults, do about 4 % of the
    labels disagree, and is the set the same for the same random_state?"""
    X, Y = make_wavy_boundary(2000, noise=0, flip=0, random_state=3)
    assert X.shape == (2, 2000) and Y.shape == (1, 2000) and Y.dtype == np.int64
    assert X.min() >= -0.8 and X.max() <= 0.8
    np.testing.assert_array_equal(Y[0], X[1] > 0.3 * np.sin(2.5 * X[0]))
    X, Y = make_wavy_boundary(4000, random_state=3)
    wrong = np.mean(Y[0] != (X[1] > 0.3 * np.sin(2.5 * X[0])))
    assert 0.03 < wrong < 0.09
    again_X, again_Y = make_wavy_boundary(4000, random_state=3)
    assert np.array_equal(X, again_X) and np.array_equal(Y, again_Y)
    assert not np.array_equal(X, make_wavy_boundary(4000, random_state=4)[0])


def test_2D_dataset_has_the_original_sizes_and_two_different_draws():
    """Does load_2D_dataset give 211 training and 200 test points, both classes in each, and different points?"""
    train_X, train_Y, test_X, test_Y = load_2D_dataset()
    assert (train_X.shape, train_Y.shape, test_X.shape, test_Y.shape) == ((2, 211), (1, 211), (2, 200), (1, 200))
    assert 0.3 < train_Y.mean() < 0.7 and 0.3 < test_Y.mean() < 0.7
    assert not np.isin(train_X[0], test_X[0]).any()
    assert np.array_equal(load_2D_dataset()[0], train_X)


def test_moons_are_the_seeded_make_moons():
    """Are the moons those of np.random.seed(3) + make_moons(n_samples=300, noise=0.2), in columns?"""
    from sklearn.datasets import make_moons

    train_X, train_Y = load_moons_dataset()
    np.random.seed(3)
    X, y = make_moons(n_samples=300, noise=0.2)
    np.testing.assert_array_equal(train_X, X.T)
    assert train_Y.shape == (1, 300) and train_Y.dtype == np.int64
    np.testing.assert_array_equal(train_Y[0], y)


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

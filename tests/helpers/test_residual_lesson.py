"""The residual-network lesson's twins, gradients, layer tables and figures."""
import keras
import matplotlib.pyplot as plt
import numpy as np
import pytest

from helpers.keras_graph import graph_ordered_layers
from helpers.residual_lesson import (
    build_plain_twin,
    build_residual_twin,
    compare_twins,
    describe_twins,
    gradient_norms,
    layer_table,
    load_sample_digit,
    load_small_digits,
    main_path_convolutions,
    plot_gradient_norms,
    plot_training_losses,
    twin_depth,
)


def block(X, f, filters, s=1, training=True, *, initializer, project, swap=False):
    """A bottleneck block with the course's layers and seeded initializers; its addition takes its inputs in
    either order."""
    F1, F2, F3 = filters
    shortcut = X
    if project:
        shortcut = keras.layers.Conv2D(F3, 1, strides=s, kernel_initializer=initializer(seed=0))(X)
        shortcut = keras.layers.BatchNormalization(axis=3)(shortcut, training=training)
    for i, (n, size, stride, padding) in enumerate(((F1, 1, s, "valid"), (F2, f, 1, "same"), (F3, 1, 1, "valid"))):
        X = keras.layers.Activation("relu")(X) if i else X
        X = keras.layers.Conv2D(n, size, strides=stride, padding=padding, kernel_initializer=initializer(seed=0))(X)
        X = keras.layers.BatchNormalization(axis=3)(X, training=training)
    added = keras.layers.Add()([shortcut, X] if swap else [X, shortcut])
    return keras.layers.Activation("relu")(added)


def identity_block(X, f, filters, training=True, initializer=keras.initializers.RandomUniform):
    return block(X, f, filters, training=training, initializer=initializer, project=False)


def convolutional_block(X, f, filters, s=2, training=True, initializer=keras.initializers.GlorotUniform, swap=False):
    return block(X, f, filters, s, training, initializer=initializer, project=True, swap=swap)


@pytest.fixture(scope="module")
def digits():
    return load_small_digits(num_px=24)


def test_small_digits_are_scaled_images_with_integer_labels(digits):
    """Are there 1,080 training and 120 test images of 24×24×3 in [0, 1], labelled 0-5?"""
    X_train, y_train, X_test, y_test = digits
    assert X_train.shape == (1080, 24, 24, 3) and X_test.shape == (120, 24, 24, 3) and X_train.dtype == np.float32
    assert 0 <= X_train.min() and X_train.max() <= 1
    assert y_train.shape == (1080,) and set(np.unique(y_test)) == set(range(6))


@pytest.mark.parametrize("n_identity", [0, 2])
def test_the_twins_differ_only_by_their_shortcuts(n_identity):
    """Do both twins have twin_depth − 1 main-path convolutions with the same initial kernels, the residual one
    an addition per block and a projection per stage, the plain one neither?"""
    keras.utils.set_random_seed(0)
    residual = build_residual_twin(identity_block, convolutional_block, n_identity=n_identity)
    plain = build_plain_twin(n_identity=n_identity)
    main, plain_main = main_path_convolutions(residual), main_path_convolutions(plain)
    assert len(main) == len(plain_main) == twin_depth(n_identity) - 1
    assert all(np.array_equal(a.kernel.numpy(), b.kernel.numpy()) for a, b in zip(main, plain_main))
    kinds = [type(layer).__name__ for layer in residual.layers]
    assert kinds.count("Add") == 3 * (1 + n_identity) and kinds.count("Conv2D") == len(main) + 3
    assert "Add" not in [type(layer).__name__ for layer in plain.layers]
    assert residual.output_shape == plain.output_shape == (None, 6)


def test_graph_order_does_not_depend_on_the_order_of_the_addition():
    """Does a block list the same layers in the same order whichever way its Add takes its inputs, the main path
    before the shortcut, and are the shortcut's convolutions off the main path?"""
    tables = []
    for swap in (False, True):
        X_input = keras.Input((6, 6, 4))
        model = keras.Model(X_input, convolutional_block(X_input, 3, [2, 3, 5], swap=swap))
        tables.append([(type(layer).__name__, tuple(layer.output.shape), getattr(layer, "strides", None))
                       for layer in graph_ordered_layers(model)])
        assert [layer.strides for layer in main_path_convolutions(model)] == [(2, 2), (1, 1), (1, 1)]
    assert tables[0] == tables[1]
    assert tables[0][7] == ("Conv2D", (None, 3, 3, 5), (1, 1)) and tables[0][8] == ("Conv2D", (None, 3, 3, 5), (2, 2))


def test_gradient_norms_give_one_positive_number_per_main_path_convolution(digits):
    """Is there one finite, positive gradient norm per main-path convolution?"""
    X, y, _, _ = digits
    model = build_plain_twin(n_identity=0)
    norms = gradient_norms(model, X[:16], y[:16])
    assert norms.shape == (twin_depth(0) - 1,) and np.all(np.isfinite(norms)) and np.all(norms > 0)


def test_a_short_comparison_records_every_batch_and_leaves_numpy_alone(digits):
    """Does one epoch on 100 images record one loss per mini-batch (epoch losses their weighted means, as Keras
    reports), a gradient per convolution, and leave NumPy's global random state as it was?"""
    X, y, _, _ = digits
    state = np.random.get_state()[1].copy()
    runs = compare_twins(identity_block, convolutional_block, X[:100], y[:100], n_identities=(0,), epochs=1,
                         batch_size=32)
    assert np.array_equal(np.random.get_state()[1], state)
    assert list(runs) == ["plain, 11 layers", "residual, 11 layers"]
    for run in runs.values():
        assert run.batch_losses.shape == (4,) and run.steps_per_epoch == 4
        weights = np.array([32, 32, 32, 4])
        assert run.epoch_losses[0] == pytest.approx(np.sum(weights * run.batch_losses) / 100, rel=1e-5)
        assert 1.0 < run.epoch_losses[0] < 3.5 and run.gradient_norms.shape == (10,)
    text = describe_twins(runs)
    assert text.count("training loss") == 2 and "gradient at the first convolution / at the last" in text
    fig, axes = plt.subplots(1, 2)
    assert len(plot_training_losses(runs, ax=axes[0]).get_lines()) == 3  # two runs and the uniform guess
    assert len(plot_gradient_norms(runs, ax=axes[1]).get_lines()) == 2


def test_under_nbgrader_nothing_is_built(digits, monkeypatch):
    """While grading, are the learner's blocks never called, and do the text and both figures say why?"""
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")

    def unused(*args, **kwargs):
        raise AssertionError("called while grading")

    X, y, _, _ = digits
    runs = compare_twins(unused, unused, X, y)
    assert runs == {} and "Not trained while grading" in describe_twins(runs)
    for plot in (plot_training_losses, plot_gradient_norms):
        ax = plot(runs)
        assert "Not trained while grading" in ax.texts[0].get_text()


def test_layer_table_shows_the_first_and_last_layers_and_the_totals():
    """Does the table list every layer of a small model, or only its first and last ones, with its totals?"""
    X_input = keras.Input((6, 6, 4))
    model = keras.Model(X_input, convolutional_block(X_input, 3, [2, 3, 5]))
    full = layer_table(model)
    assert full.count("\n") == 13 + 1 and "2 filters 1×1, stride 2, valid" in full and "axis 3" in full
    assert "172 in all, 142 trainable, 30 not trainable" in full
    short = layer_table(model, first=3, last=2)
    assert "(8 more layers)" in short and short.count("Conv2D") == 1


def test_the_sample_digit_is_dark_ink_on_light_paper():
    """Is the sample an RGB photo-like picture, mostly light, with dark strokes?"""
    image = load_sample_digit(2)
    assert image.shape == (160, 160, 3) and image.dtype == np.uint8
    assert np.median(image) > 200 and image.min() < 80

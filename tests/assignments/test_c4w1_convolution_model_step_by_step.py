"""Convolutional model, step by step: hidden tests catch plausible bugs, accept other correct answers,
and the notebook still teaches its lesson."""
import re

import pytest

from tests.support import check_mutants_and_variants, graded_reference, printed_text

ASSIGNMENT = "c4w1_convolution_model_step_by_step"

CONV_FORWARD = '''
def conv_forward(A_prev, W, b, hparameters):
    (m, n_H_prev, n_W_prev, n_C_prev) = A_prev.shape
    (f, f, n_C_prev, n_C) = W.shape
    stride, pad = hparameters["stride"], hparameters["pad"]
    n_H = {n_H}
    n_W = (n_W_prev - f + 2 * pad) // stride + 1
    Z = np.zeros((m, n_H, n_W, n_C))
    A_prev_pad = {padded}
    for i in range(m):
        for h in range(n_H):
            for w in range(n_W):
                vert_start, horiz_start = {starts}
                for c in range(n_C):
                    a_slice_prev = A_prev_pad[i, vert_start:vert_start + f, horiz_start:horiz_start + f, :]
                    Z[i, h, w, c] = conv_single_step(a_slice_prev, {weights}, b[:, :, :, c])
    return Z, {cache}
'''


def conv_forward(n_H="(n_H_prev - f + 2 * pad) // stride + 1", padded="zero_pad(A_prev, pad)",
                 starts="h * stride, w * stride", weights="W[:, :, :, c]", cache="(A_prev, W, b, hparameters)"):
    return CONV_FORWARD.format(n_H=n_H, padded=padded, starts=starts, weights=weights, cache=cache)


POOL_FORWARD = '''
def pool_forward(A_prev, hparameters, mode="max"):
    (m, n_H_prev, n_W_prev, n_C) = A_prev.shape
    f, stride = hparameters["f"], hparameters["stride"]
    n_H, n_W = {sizes}
    A = np.zeros((m, n_H, n_W, n_C))
    for i in range(m):
        for h in range(n_H):
            for w in range(n_W):
                for c in range(n_C):
                    vert_start, horiz_start = {starts}
                    window = {window}
                    if mode == "max":
                        A[i, h, w, c] = np.max(window)
                    elif mode == "average":
                        A[i, h, w, c] = {average}
    return A, (A_prev, hparameters)
'''


def pool_forward(starts="h * stride, w * stride",
                 window="A_prev[i, vert_start:vert_start + f, horiz_start:horiz_start + f, c]",
                 average="np.mean(window)", sizes="(n_H_prev - f) // stride + 1, (n_W_prev - f) // stride + 1"):
    return POOL_FORWARD.format(starts=starts, window=window, average=average, sizes=sizes)


CONV_BACKWARD = '''
def conv_backward(dZ, cache):
    (A_prev, W, b, hparameters) = cache
    (m, n_H_prev, n_W_prev, n_C_prev) = A_prev.shape
    (f, f, n_C_prev, n_C) = W.shape
    stride, pad = {hyper}
    (m, n_H, n_W, n_C) = dZ.shape
    dA_prev = np.zeros(A_prev.shape)
    dW = np.zeros(W.shape)
    db = np.zeros((1, 1, 1, n_C))
    A_prev_pad = zero_pad(A_prev, pad)
    dA_prev_pad = zero_pad(dA_prev, pad)
    for i in range(m):
        a_prev_pad, da_prev_pad = {slices}
        for h in range(n_H):
            for w in range(n_W):
                for c in range(n_C):
                    vs, hs = h * stride, w * stride
                    a_slice = a_prev_pad[vs:vs + f, hs:hs + f, :]
                    {da_update}
                    {dW_update}
                    {db_update}
        dA_prev[i] = {unpad}
    return dA_prev, dW, db
'''
GOOD_DA = "da_prev_pad[vs:vs + f, hs:hs + f, :] += W[:, :, :, c] * dZ[i, h, w, c]"
GOOD_DW = "dW[:, :, :, c] += a_slice * dZ[i, h, w, c]"
GOOD_DB = "db[:, :, :, c] += dZ[i, h, w, c]"


def conv_backward(slices="A_prev_pad[i], dA_prev_pad[i]", da_update=GOOD_DA, dW_update=GOOD_DW, db_update=GOOD_DB,
                  unpad="da_prev_pad[pad:pad + n_H_prev, pad:pad + n_W_prev, :]",
                  hyper='hparameters["stride"], hparameters["pad"]'):
    return CONV_BACKWARD.format(slices=slices, da_update=da_update, dW_update=dW_update, db_update=db_update,
                                unpad=unpad, hyper=hyper)


POOL_BACKWARD = '''
def pool_backward(dA, cache, mode="max"):
    (A_prev, hparameters) = cache
    stride, f = hparameters["stride"], hparameters["f"]
    (m, n_H, n_W, n_C) = dA.shape
    {init}
    for i in range(m):
        for h in range(n_H):
            for w in range(n_W):
                for c in range(n_C):
                    vs, hs = {starts}
                    if mode == "max":
                        window = A_prev[i, vs:vs + f, hs:hs + f, c]
                        {max_update}
                    elif mode == "average":
                        {average_update}
    return dA_prev
'''
GOOD_MAX = "dA_prev[i, vs:vs + f, hs:hs + f, c] += create_mask_from_window(window) * dA[i, h, w, c]"
GOOD_AVERAGE = "dA_prev[i, vs:vs + f, hs:hs + f, c] += distribute_value(dA[i, h, w, c], (f, f))"


def pool_backward(init="dA_prev = np.zeros(A_prev.shape)", starts="h * stride, w * stride", max_update=GOOD_MAX,
                  average_update=GOOD_AVERAGE):
    return POOL_BACKWARD.format(init=init, starts=starts, max_update=max_update, average_update=average_update)


MUTANTS = {
    "zero_pad": [
        "def zero_pad(X, pad):\n    return np.pad(X, pad)",  # pads the batch and the channels too
        "def zero_pad(X, pad):\n    return np.pad(X, ((0, 0), (pad, pad), (0, 0), (0, 0)))",  # height only
        "def zero_pad(X, pad):\n    return np.pad(X, ((0, 0), (pad, pad), (pad, pad), (0, 0)), constant_values=1)",
        "def zero_pad(X, pad):\n    return np.pad(X, ((0, 0), (3, 3), (3, 3), (0, 0)))",  # the demo's pad
    ],
    "conv_single_step": [
        "def conv_single_step(a_slice_prev, W, b):\n    return np.sum(a_slice_prev * W)",  # forgot b
        "def conv_single_step(a_slice_prev, W, b):\n    return np.sum(a_slice_prev * W + b)",  # b in every product
        "def conv_single_step(a_slice_prev, W, b):\n    return np.sum(a_slice_prev * W) + b",  # an array, not a scalar
        "def conv_single_step(a_slice_prev, W, b):\n    return -6.999089450680221",  # the demo's answer
    ],
    "conv_forward": [
        conv_forward(n_H="(n_H_prev - f) // stride + 1"),  # forgot the padding in the size
        conv_forward(starts="h, w"),  # forgot the stride
        conv_forward(padded="A_prev", n_H="(n_H_prev - f) // stride + 1"),  # never pads
        conv_forward(weights="W[:, :, :, 0]"),  # always the first filter
        conv_forward(cache="(A_prev, W, b)"),  # cache layout
        conv_forward(cache="(zero_pad(A_prev, pad), W, b, hparameters)"),  # caches the padded input
        conv_forward(n_H="(n_H_prev - 3 + 2 * pad) // stride + 1"),  # the example's f
        conv_forward(n_H="round((n_H_prev - f + 2 * pad) / stride) + 1"),  # rounds instead of flooring
    ],
    "pool_forward": [
        pool_forward(average="np.max(window)"),  # ignores the mode
        pool_forward(window="A_prev[i, vert_start:vert_start + f, horiz_start:horiz_start + f, :]"),  # all channels
        pool_forward(starts="h, w"),  # forgot the stride
        pool_forward(average="np.sum(window)"),
        pool_forward(sizes="(n_H_prev - 3) // stride + 1, (n_W_prev - 3) // stride + 1"),  # the example's f
        pool_forward(sizes="round((n_H_prev - f) / stride) + 1, round((n_W_prev - f) / stride) + 1"),
    ],
    "conv_backward": [
        conv_backward(unpad="da_prev_pad[pad:-pad, pad:-pad, :]"),  # empty when pad = 0
        conv_backward(dW_update="dW[:, :, :, c] += a_slice"),  # forgot dZ
        conv_backward(db_update="db[:, :, :, c] = dZ[i, h, w, c]"),  # = instead of +=
        conv_backward(da_update="da_prev_pad[vs:vs + f, hs:hs + f, :] += W[:, :, :, 0] * dZ[i, h, w, c]"),
        conv_backward(slices="zero_pad(A_prev, 0)[i], dA_prev_pad[i]"),  # windows of the unpadded input
        conv_backward(hyper='2, hparameters["pad"]'),  # the example's stride
    ],
    "create_mask_from_window": [
        "def create_mask_from_window(x):\n    return x == np.min(x)",
        "def create_mask_from_window(x):\n    return x > np.mean(x)",
        "def create_mask_from_window(x):\n    return np.argmax(x)",
        "def create_mask_from_window(x):\n    return x == np.max(x, axis=0)",  # the column maxima
        # one maximum only: the course's mask marks every tied maximum
        "def create_mask_from_window(x):\n    mask = np.zeros(x.shape, dtype=bool)\n"
        "    mask[np.unravel_index(np.argmax(x), x.shape)] = True\n    return mask",
    ],
    "distribute_value": [
        "def distribute_value(dz, shape):\n    return np.ones(shape) * dz",  # forgot to average
        "def distribute_value(dz, shape):\n    return np.ones(shape) * dz / shape[0]",
        "def distribute_value(dz, shape):\n    return dz / (shape[0] * shape[1])",  # a number, not a matrix
        "def distribute_value(dz, shape):\n    return np.ones((2, 2)) * dz / 4",  # the example's shape
    ],
    "pool_backward": [
        pool_backward(max_update="dA_prev[i, vs:vs + f, hs:hs + f, c] = create_mask_from_window(window) * dA[i, h, w, c]"),
        pool_backward(average_update="dA_prev[i, vs:vs + f, hs:hs + f, c] += "
                                     "create_mask_from_window(A_prev[i, vs:vs + f, hs:hs + f, c]) * dA[i, h, w, c]"),
        pool_backward(max_update="dA_prev[i, vs:vs + f, hs:hs + f, c] += dA[i, h, w, c]"),  # no mask
        pool_backward(starts="h, w"),
        pool_backward(init="dA_prev = A_prev; dA_prev[:] = 0"),  # overwrites the cache's input
        # the gradient to one maximum only: the course's mask passes it to every tied maximum
        pool_backward(max_update="r, s = np.unravel_index(np.argmax(window), window.shape); "
                                 "dA_prev[i, vs + r, hs + s, c] += dA[i, h, w, c]"),
    ],
}

VARIANTS = {
    "zero_pad": [
        "def zero_pad(X, pad):\n    return np.pad(X, [(0, 0), (pad, pad), (pad, pad), (0, 0)])",
        "def zero_pad(X, pad):\n    m, n_H, n_W, n_C = X.shape\n"
        "    X_pad = np.zeros((m, n_H + 2 * pad, n_W + 2 * pad, n_C))\n"
        "    X_pad[:, pad:pad + n_H, pad:pad + n_W, :] = X\n    return X_pad",
    ],
    "conv_single_step": [
        "def conv_single_step(a_slice_prev, W, b):\n    return float(np.sum(a_slice_prev * W) + b.item())",
        "def conv_single_step(a_slice_prev, W, b):\n    return np.sum(np.multiply(a_slice_prev, W)) + np.squeeze(b)",
        "def conv_single_step(a_slice_prev, W, b):\n    return a_slice_prev.ravel() @ W.ravel() + b[0, 0, 0]",
    ],
    "conv_forward": [
        conv_forward(),
        # every filter at once for each window
        "def conv_forward(A_prev, W, b, hparameters):\n"
        "    f, stride, pad = W.shape[0], hparameters['stride'], hparameters['pad']\n"
        "    m, n_H_prev, n_W_prev, _ = A_prev.shape\n"
        "    n_H = int((n_H_prev - f + 2 * pad) / stride) + 1\n"
        "    n_W = int((n_W_prev - f + 2 * pad) / stride) + 1\n"
        "    A_pad = np.pad(A_prev, ((0, 0), (pad, pad), (pad, pad), (0, 0)))\n"
        "    Z = np.empty((m, n_H, n_W, W.shape[3]))\n"
        "    for h in range(n_H):\n"
        "        for w in range(n_W):\n"
        "            window = A_pad[:, h * stride:h * stride + f, w * stride:w * stride + f, :]\n"
        "            Z[:, h, w, :] = np.tensordot(window, W, axes=([1, 2, 3], [0, 1, 2])) + b.reshape(-1)\n"
        "    return Z, (A_prev, W, b, hparameters)",
        # fully vectorized, with the im2col helper
        "def conv_forward(A_prev, W, b, hparameters):\n"
        "    from helpers.convolution import conv_forward_im2col\n"
        "    return conv_forward_im2col(A_prev, W, b, hparameters)",
    ],
    "pool_forward": [
        pool_forward(),
        pool_forward(average="np.average(window)"),
        "def pool_forward(A_prev, hparameters, mode='max'):\n"
        "    f, stride = hparameters['f'], hparameters['stride']\n"
        "    m, n_H_prev, n_W_prev, n_C = A_prev.shape\n"
        "    n_H, n_W = int(1 + (n_H_prev - f) / stride), int(1 + (n_W_prev - f) / stride)\n"
        "    reduce = np.max if mode == 'max' else np.mean\n"
        "    A = np.zeros((m, n_H, n_W, n_C))\n"
        "    for h in range(n_H):\n"
        "        for w in range(n_W):\n"
        "            A[:, h, w, :] = reduce(A_prev[:, h * stride:h * stride + f, w * stride:w * stride + f, :], axis=(1, 2))\n"
        "    return A, (A_prev, hparameters)",
    ],
    "conv_backward": [
        conv_backward(),
        conv_backward(unpad="da_prev_pad[pad:-pad, pad:-pad, :] if pad > 0 else da_prev_pad"),
        # every filter at once for each window, and db in one sum
        "def conv_backward(dZ, cache):\n"
        "    A_prev, W, b, hparameters = cache\n"
        "    f, stride, pad = W.shape[0], hparameters['stride'], hparameters['pad']\n"
        "    m, n_H, n_W, n_C = dZ.shape\n"
        "    A_pad = np.pad(A_prev, ((0, 0), (pad, pad), (pad, pad), (0, 0)))\n"
        "    dA_pad = np.zeros_like(A_pad)\n"
        "    dW = np.zeros_like(W)\n"
        "    for h in range(n_H):\n"
        "        for w in range(n_W):\n"
        "            rows, cols = slice(h * stride, h * stride + f), slice(w * stride, w * stride + f)\n"
        "            dA_pad[:, rows, cols, :] += np.einsum('ijkc,mc->mijk', W, dZ[:, h, w, :])\n"
        "            dW += np.einsum('mijk,mc->ijkc', A_pad[:, rows, cols, :], dZ[:, h, w, :])\n"
        "    db = dZ.sum(axis=(0, 1, 2)).reshape(1, 1, 1, n_C)\n"
        "    return dA_pad[:, pad:pad + A_prev.shape[1], pad:pad + A_prev.shape[2], :], dW, db",
    ],
    "create_mask_from_window": [
        "def create_mask_from_window(x):\n    return x == x.max()",
        "def create_mask_from_window(x):\n    return (x >= np.max(x)).astype(float)",
        "def create_mask_from_window(x):\n    return np.isclose(x, np.max(x), rtol=0, atol=0)",
    ],
    "distribute_value": [
        "def distribute_value(dz, shape):\n    return np.full(shape, dz / (shape[0] * shape[1]))",
        "def distribute_value(dz, shape):\n    return np.ones(shape) * dz / np.prod(shape)",
    ],
    "pool_backward": [
        pool_backward(),
        pool_backward(max_update="mask = window == window.max(); "
                                 "dA_prev[i, vs:vs + f, hs:hs + f, c] += mask * dA[i, h, w, c]",
                      average_update="dA_prev[i, vs:vs + f, hs:hs + f, c] += dA[i, h, w, c] / (f * f)"),
        pool_backward(init="dA_prev = np.zeros_like(A_prev, dtype=float)"),
    ],
}


@pytest.mark.xdist_group(ASSIGNMENT)
def test_mutants_lose_points_and_variants_keep_them(tmp_path):
    """Do forgotten padding, strides, biases and +=, wrong windows, pad:-pad, rounded sizes, the example's
    sizes, masks with one of several tied maxima and mutated caches fail, and vectorized and im2col answers
    pass?"""
    check_mutants_and_variants(ASSIGNMENT, MUTANTS, VARIANTS, tmp_path)


@pytest.mark.xdist_group(ASSIGNMENT)
def test_the_reference_notebook_reproduces_the_original_convolution():
    """Does the notebook's conv_forward example print the original's shape and mean?"""
    _, graded = graded_reference(ASSIGNMENT)
    text = printed_text(graded)
    assert "Z.shape = (2, 3, 4, 8)" in text
    assert float(re.search(r"Z's mean = ([-\d.]+)", text)[1]) == pytest.approx(0.5511276474566768, rel=1e-12)
    assert "Z_photo.shape = (1, 64, 64, 4)" in text


@pytest.mark.xdist_group(ASSIGNMENT)
def test_the_reference_notebook_shows_im2col_is_much_faster_and_equal():
    """Is the im2col convolution at least ten times faster than the loops, with the same output?"""
    _, graded = graded_reference(ASSIGNMENT)
    text = printed_text(graded)
    assert int(re.search(r"\((\d+) times faster\)", text)[1]) >= 10, text
    assert float(re.search(r"largest difference between the two outputs: ([\d.e+-]+)", text)[1]) < 1e-10


@pytest.mark.xdist_group(ASSIGNMENT)
def test_the_reference_notebook_passes_every_gradient_check():
    """Do the gradient checks of conv_backward and of both pooling modes all agree to 1e-7?"""
    _, graded = graded_reference(ASSIGNMENT)
    text = printed_text(graded)
    differences = [float(d) for d in re.findall(r"relative difference ([\d.e+-]+)", text)]
    assert len(differences) == 5, text  # A_prev, W, b of the convolution; A_prev of max and average pooling
    assert max(differences) < 1e-7
    assert "DIFFERENT" not in text

# %% [markdown]
# # Convolutional model, step by step
#
# Frameworks give you a convolution layer in one line. In this notebook you build one from
# scratch in numpy — forward and backward — so that you know exactly what that line computes.
#
# You will
# - pad images with zeros and slide a filter over them, one window at a time,
# - write the forward pass of a convolution layer and of a pooling layer (max and average),
# - write both backward passes and check them against finite differences,
# - watch classic filters find edges in a real photo, and
# - measure how much faster a vectorized convolution is than your loops.
#
# Write your code between `### START CODE HERE ###` and `### END CODE HERE ###` and run the
# test cell below each exercise.

# %%
import time

import numpy as np
import matplotlib.pyplot as plt

from helpers.convolution import FILTERS, conv_forward_im2col, convolution_widget, plot_convolution_step
from helpers.gradient_check import compare_gradients
from helpers.images import image_to_example, load_sample_image
from helpers.plotting import plot_image_grid
from helpers.public_tests.c4w1_convolution_model_step_by_step import (
    conv_backward_test,
    conv_forward_test,
    conv_single_step_test,
    create_mask_from_window_test,
    distribute_value_test,
    pool_backward_test,
    pool_forward_test,
    zero_pad_test,
)

# %% [markdown]
# ## Notation
#
# - A superscript $[l]$ names layer $l$: $a^{[4]}$ is the activation of layer 4, $W^{[5]}$ and
#   $b^{[5]}$ the parameters of layer 5. A superscript $(i)$ names example $i$.
# - A volume of activations has a height $n_H$, a width $n_W$ and a number of channels $n_C$.
#   The previous layer's are $n_{H_{prev}}$, $n_{W_{prev}}$ and $n_{C_{prev}}$.
# - Arrays are stored **channels last** (NHWC): a batch of $m$ images is a numpy array of
#   shape `(m, n_H, n_W, n_C)`, and `A_prev[i]` is example $i$, of shape `(n_H, n_W, n_C)`.
#
# A convolutional network chains three kinds of layers: convolution (CONV), pooling (POOL) and
# fully connected (FC). You build the first two here, forward and backward.

# %% [markdown]
# ## 1. Zero padding
#
# Padding adds a border of zeros around each image. It lets a convolution keep the height and
# width of its input (a "same" convolution), so that you can stack many layers without the
# volume shrinking at every step, and it lets the filter see the pixels at the border as often
# as those in the middle.
#
# ### Exercise 1: `zero_pad`
#
# Pad the height and the width of every image in the batch with `pad` zeros on each side —
# and nothing else: not the batch axis, not the channels. `np.pad` takes one `(before, after)`
# pair per axis.

# %%
# GRADED FUNCTION: zero_pad
def zero_pad(X, pad):
    """
    Pad with zeros the height and width of every image of the batch X.

    Arguments:
    X -- numpy array of shape (m, n_H, n_W, n_C), a batch of m images
    pad -- integer, the number of zeros added around each image, on the vertical and horizontal axes

    Returns:
    X_pad -- padded images, numpy array of shape (m, n_H + 2 * pad, n_W + 2 * pad, n_C)
    """
    ### START CODE HERE ### (≈ 1 line of code)
    X_pad = np.pad(X, ((0, 0), (pad, pad), (pad, pad), (0, 0)), mode="constant", constant_values=0)
    ### END CODE HERE ###
    return X_pad


# %%
zero_pad_test(zero_pad)

# %%
# HIDDEN TESTS: zero_pad

# %%
np.random.seed(1)
x = np.random.randn(4, 3, 3, 2)
x_pad = zero_pad(x, 3)
print("x.shape =", x.shape)
print("x_pad.shape =", x_pad.shape)

fig, (ax_x, ax_pad) = plt.subplots(1, 2, figsize=(8, 3.6), layout="constrained")
for ax, image, title in ((ax_x, x[0, :, :, 0], "x: 3 × 3"), (ax_pad, x_pad[0, :, :, 0], "x_pad: 9 × 9 (pad = 3)")):
    ax.imshow(image, cmap="cividis")
    ax.set_xticks(range(image.shape[1]))
    ax.set_yticks(range(image.shape[0]))
    ax.set_title(title)
    ax.set_xlabel("column")
    ax.set_ylabel("row")

# %% [markdown]
# ## 2. One step of a convolution
#
# A filter is a small volume of weights, $f \times f \times n_{C_{prev}}$. One step of the
# convolution lays it over a window of the input of the same shape, multiplies the two entry by
# entry, sums everything and adds the filter's bias:
#
# $$Z = \sum_{\text{row}, \text{column}, \text{channel}} (\text{window} \odot W) + b.$$
#
# The result is a single number: how much this window looks like the pattern the filter
# encodes.
#
# ### Exercise 2: `conv_single_step`
#
# `b` arrives as an array of shape `(1, 1, 1)`. Turn it into a number with `b.item()`
# (`float(b)` raises an error for arrays that are not 0-dimensional in recent numpy versions),
# so that `Z` is a scalar, not an array.

# %%
# GRADED FUNCTION: conv_single_step
def conv_single_step(a_slice_prev, W, b):
    """
    Apply one filter, defined by W and b, to a single window (slice) of the previous layer's output.

    Arguments:
    a_slice_prev -- window of the input, numpy array of shape (f, f, n_C_prev)
    W -- weights of the filter, numpy array of shape (f, f, n_C_prev)
    b -- bias of the filter, numpy array of shape (1, 1, 1)

    Returns:
    Z -- a scalar, the result of convolving the window with the filter
    """
    ### START CODE HERE ### (≈ 3 lines of code)
    s = np.multiply(a_slice_prev, W)
    Z = np.sum(s)
    Z = Z + b.item()
    ### END CODE HERE ###
    return Z


# %%
conv_single_step_test(conv_single_step)

# %%
# HIDDEN TESTS: conv_single_step

# %% [markdown]
# ## 3. The forward pass of a convolution layer
#
# A layer holds $n_C$ filters, stacked in `W` of shape $(f, f, n_{C_{prev}}, n_C)$, and one
# bias per filter in `b` of shape $(1, 1, 1, n_C)$. Each filter slides over the padded input,
# `stride` pixels at a time, and produces one channel of the output. The output of example
# $i$ at row $h$, column $w$ and channel $c$ comes from the window whose top-left corner is at
# row `h * stride` and column `w * stride` of the padded input:
#
# ```
# vert_start = h * stride       vert_end = vert_start + f
# horiz_start = w * stride      horiz_end = horiz_start + f
# ```
#
# The output's height and width are
#
# $$n_H = \left\lfloor \frac{n_{H_{prev}} - f + 2 \cdot pad}{stride} \right\rfloor + 1, \qquad
# n_W = \left\lfloor \frac{n_{W_{prev}} - f + 2 \cdot pad}{stride} \right\rfloor + 1,$$
#
# and $n_C$ is the number of filters. In Python, `//` is the floor division.
#
# ### Exercise 3: `conv_forward`
#
# Fill in the loops: over the examples, the output's rows, its columns and its channels. For
# each output number, cut the window out of the padded example and call `conv_single_step`
# with the weights and the bias of filter `c`, `W[:, :, :, c]` and `b[:, :, :, c]`.

# %%
# GRADED FUNCTION: conv_forward
def conv_forward(A_prev, W, b, hparameters):
    """
    Implement the forward pass of a convolution layer.

    Arguments:
    A_prev -- output of the previous layer, numpy array of shape (m, n_H_prev, n_W_prev, n_C_prev)
    W -- weights, numpy array of shape (f, f, n_C_prev, n_C)
    b -- biases, numpy array of shape (1, 1, 1, n_C)
    hparameters -- python dictionary containing "stride" and "pad"

    Returns:
    Z -- convolution output, numpy array of shape (m, n_H, n_W, n_C)
    cache -- cache of values needed by conv_backward(): (A_prev, W, b, hparameters)
    """
    # Dimensions of the input and of the filters
    ### START CODE HERE ### (≈ 2 lines of code)
    (m, n_H_prev, n_W_prev, n_C_prev) = A_prev.shape
    (f, f, n_C_prev, n_C) = W.shape
    ### END CODE HERE ###

    stride = hparameters["stride"]
    pad = hparameters["pad"]

    # Size of the output, the output initialised with zeros, and the padded input
    ### START CODE HERE ### (≈ 4 lines of code)
    n_H = (n_H_prev - f + 2 * pad) // stride + 1
    n_W = (n_W_prev - f + 2 * pad) // stride + 1
    Z = np.zeros((m, n_H, n_W, n_C))
    A_prev_pad = zero_pad(A_prev, pad)
    ### END CODE HERE ###

    for i in range(m):                     # loop over the examples
        ### START CODE HERE ### (≈ 1 line of code)
        a_prev_pad = A_prev_pad[i]
        ### END CODE HERE ###
        for h in range(n_H):               # loop over the rows of the output
            ### START CODE HERE ### (≈ 2 lines of code)
            vert_start = h * stride
            vert_end = vert_start + f
            ### END CODE HERE ###
            for w in range(n_W):           # loop over the columns of the output
                ### START CODE HERE ### (≈ 2 lines of code)
                horiz_start = w * stride
                horiz_end = horiz_start + f
                ### END CODE HERE ###
                for c in range(n_C):       # loop over the filters (the channels of the output)
                    ### START CODE HERE ### (≈ 4 lines of code)
                    a_slice_prev = a_prev_pad[vert_start:vert_end, horiz_start:horiz_end, :]
                    weights = W[:, :, :, c]
                    biases = b[:, :, :, c]
                    Z[i, h, w, c] = conv_single_step(a_slice_prev, weights, biases)
                    ### END CODE HERE ###

    cache = (A_prev, W, b, hparameters)
    return Z, cache


# %%
conv_forward_test(conv_forward)

# %%
# HIDDEN TESTS: conv_forward

# %% [markdown]
# Try it on a batch of two random $5 \times 7 \times 4$ inputs and eight $3 \times 3$ filters,
# with `pad = 1` and `stride = 2`. The formula predicts an output of
# $\lfloor (5 - 3 + 2)/2 \rfloor + 1 = 3$ rows and $\lfloor (7 - 3 + 2)/2 \rfloor + 1 = 4$
# columns.

# %%
np.random.seed(1)
A_prev = np.random.randn(2, 5, 7, 4)
W = np.random.randn(3, 3, 4, 8)
b = np.random.randn(1, 1, 1, 8)
hparameters = {"pad": 1, "stride": 2}

Z, cache_conv = conv_forward(A_prev, W, b, hparameters)
print("Z.shape =", Z.shape)
print("Z's mean =", np.mean(Z))
print("Z[0, 2, 1] =", Z[0, 2, 1])
print("cache_conv[0][1][2][3] =", cache_conv[0][1][2][3])

# %% [markdown]
# ## 4. Filters on a real photo
#
# Before learning filters, people designed them by hand. A vertical-edge filter has positive
# weights on its left column and negative weights on its right one: over a flat region the two
# cancel out, over a dark-to-light boundary they do not. Your `conv_forward` applies several
# filters at once — each one fills one channel of the output. Here are four classic $3 \times 3$
# filters on a $64 \times 64$ grayscale photo (`pad = 1`, `stride = 1`):

# %%
names = ["vertical edges", "horizontal edges", "Sobel (vertical edges)", "sharpen"]
photo = image_to_example(load_sample_image("camera"), 64, channels=1) / 255.0   # (64, 64, 1)
W_photo = np.stack([FILTERS[name] for name in names], axis=-1)[:, :, np.newaxis, :]   # (3, 3, 1, 4)
b_photo = np.zeros((1, 1, 1, len(names)))

Z_photo, _ = conv_forward(photo[np.newaxis], W_photo, b_photo, {"pad": 1, "stride": 1})
print("Z_photo.shape =", Z_photo.shape)
plot_image_grid([photo] + [Z_photo[0, :, :, c] for c in range(len(names))], ["the photo"] + names,
                ncols=5, figsize_per_image=2.2);

# %% [markdown]
# Light and dark in an edge map mean "edge going one way" and "edge going the other way"; grey
# means "no edge here". The vertical-edge filter finds the tripod's legs and the man's coat; the
# horizontal one finds the horizon.
#
# Below, one step of the same computation: the orange square on the (padded) photo is the window
# whose output is marked in the output map; the filter's weights are in the middle.

# %%
plot_convolution_step(photo[:, :, 0], FILTERS["vertical edges"], stride=2, pad=1, position=(14, 9),
                      kernel_name="vertical edges");

# %% [markdown]
# ### Explore: stride, padding and filter size
#
# Pick a photo and a filter, then move the sliders. Watch the output's size in its title: a
# larger stride divides it, padding adds back what the filter's size takes away, and with
# `pad = (f - 1) / 2` and `stride = 1` the output keeps the input's size (a "same" convolution).
# The widget uses a vectorized convolution (section 5) so that it redraws at once.

# %%
convolution_widget()

# %% [markdown]
# ## 5. Loops against matrix products
#
# Your `conv_forward` calls `conv_single_step` once per output number — $m \cdot n_H \cdot n_W
# \cdot n_C$ Python calls. Frameworks instead copy every window into one row of a big matrix
# (the *im2col* trick) and compute all outputs with a single matrix product. `conv_forward_im2col`
# in `helpers/convolution.py` does exactly that in a few lines; read it. Time both on a batch of
# eight $28 \times 28 \times 3$ images and eight filters:

# %%
rng = np.random.default_rng(0)
A_big = rng.normal(size=(8, 28, 28, 3))
W_big = rng.normal(size=(3, 3, 3, 8))
b_big = rng.normal(size=(1, 1, 1, 8))
same = {"pad": 1, "stride": 1}

start = time.perf_counter()
Z_loops, _ = conv_forward(A_big, W_big, b_big, same)
loops_ms = 1000 * (time.perf_counter() - start)

im2col_ms = float("inf")
for _ in range(5):   # a run takes milliseconds: keep the best of five, undisturbed by other programs
    start = time.perf_counter()
    Z_im2col, _ = conv_forward_im2col(A_big, W_big, b_big, same)
    im2col_ms = min(im2col_ms, 1000 * (time.perf_counter() - start))

print(f"loops:  {loops_ms:8.1f} ms")
print(f"im2col: {im2col_ms:8.1f} ms  ({loops_ms / im2col_ms:.0f} times faster)")
print(f"largest difference between the two outputs: {np.max(np.abs(Z_loops - Z_im2col)):.1e}")

# %% [markdown]
# Same numbers, a speed-up of about two orders of magnitude — and a GPU widens the gap further.
# The loops are still the clearest way to *say* what a convolution is, which is why you wrote
# them.

# %% [markdown]
# ## 6. Pooling
#
# A pooling layer shrinks the height and width of its input, keeping the number of channels.
# It slides an $f \times f$ window with a given stride, like a convolution, but has no
# parameters to learn: it summarises each window of each channel separately, by its maximum
# (max pooling) or its mean (average pooling). Max pooling keeps the strongest response of a
# feature detector in each region. With no padding,
#
# $$n_H = \left\lfloor \frac{n_{H_{prev}} - f}{stride} \right\rfloor + 1, \qquad
# n_W = \left\lfloor \frac{n_{W_{prev}} - f}{stride} \right\rfloor + 1, \qquad n_C = n_{C_{prev}}.$$
#
# ### Exercise 4: `pool_forward`
#
# The window of output `(i, h, w, c)` is `A_prev[i, vert_start:vert_end, horiz_start:horiz_end, c]`:
# one channel at a time.

# %%
# GRADED FUNCTION: pool_forward
def pool_forward(A_prev, hparameters, mode="max"):
    """
    Implement the forward pass of a pooling layer.

    Arguments:
    A_prev -- input data, numpy array of shape (m, n_H_prev, n_W_prev, n_C_prev)
    hparameters -- python dictionary containing "f" and "stride"
    mode -- the pooling mode, "max" or "average"

    Returns:
    A -- output of the pooling layer, numpy array of shape (m, n_H, n_W, n_C)
    cache -- cache used in the backward pass of the pooling layer: (A_prev, hparameters)
    """
    (m, n_H_prev, n_W_prev, n_C_prev) = A_prev.shape
    f = hparameters["f"]
    stride = hparameters["stride"]

    # Size of the output, and the output initialised with zeros
    ### START CODE HERE ### (≈ 4 lines of code)
    n_H = (n_H_prev - f) // stride + 1
    n_W = (n_W_prev - f) // stride + 1
    n_C = n_C_prev
    A = np.zeros((m, n_H, n_W, n_C))
    ### END CODE HERE ###

    for i in range(m):
        for h in range(n_H):
            for w in range(n_W):
                for c in range(n_C):
                    # The corners of the window and the window itself, in channel c of example i
                    ### START CODE HERE ### (≈ 5 lines of code)
                    vert_start = h * stride
                    vert_end = vert_start + f
                    horiz_start = w * stride
                    horiz_end = horiz_start + f
                    a_prev_slice = A_prev[i, vert_start:vert_end, horiz_start:horiz_end, c]
                    ### END CODE HERE ###
                    if mode == "max":
                        ### START CODE HERE ### (≈ 1 line of code)
                        A[i, h, w, c] = np.max(a_prev_slice)
                        ### END CODE HERE ###
                    elif mode == "average":
                        ### START CODE HERE ### (≈ 1 line of code)
                        A[i, h, w, c] = np.mean(a_prev_slice)
                        ### END CODE HERE ###

    cache = (A_prev, hparameters)
    return A, cache


# %%
pool_forward_test(pool_forward)

# %%
# HIDDEN TESTS: pool_forward

# %%
np.random.seed(1)
A_prev = np.random.randn(2, 5, 5, 3)
for hparameters in ({"stride": 1, "f": 3}, {"stride": 2, "f": 3}):
    for mode in ("max", "average"):
        A, cache = pool_forward(A_prev, hparameters, mode=mode)
        print(f"{mode} pooling, f = 3, stride = {hparameters['stride']}: A.shape = {A.shape}, A[1, 1] =")
        print(A[1, 1])

# %% [markdown]
# ## 7. Backward passes
#
# In a framework you only write the forward pass; the backward pass comes for free. Here you
# write it yourself. Each function below receives the gradient of the cost with respect to its
# layer's **output** and returns the gradients with respect to its inputs and parameters.
#
# ### 7.1 Convolution layer
#
# Output $Z_{hw}$ (one filter $c$, one position) is $\sum (\text{window}_{hw} \odot W_c) + b_c$.
# It depends on the window through $W_c$, on $W_c$ through the window and on $b_c$ with
# derivative 1. Every output adds its share, so you **accumulate** (`+=`) over all positions:
#
# $$dA \mathrel{+}= \sum_h \sum_w W_c \times dZ_{hw}, \qquad
# dW_c \mathrel{+}= \sum_h \sum_w a_{slice} \times dZ_{hw}, \qquad
# db_c = \sum_h \sum_w dZ_{hw},$$
#
# where $dA$ is taken window by window: `da_prev_pad[vert_start:vert_end, horiz_start:horiz_end, :]`.
#
# ### Exercise 5: `conv_backward`
#
# Work on the padded input (windows near the border overlap the padding) and remove the padding
# at the end of each example. Careful: `da_prev_pad[pad:-pad, pad:-pad, :]` is empty when
# `pad = 0`; slice with `pad:pad + n_H_prev` instead.

# %%
# GRADED FUNCTION: conv_backward
def conv_backward(dZ, cache):
    """
    Implement the backward pass of a convolution layer.

    Arguments:
    dZ -- gradient of the cost with respect to the output of the conv layer (Z), numpy array of shape (m, n_H, n_W, n_C)
    cache -- cache of values needed for conv_backward(), output of conv_forward(): (A_prev, W, b, hparameters)

    Returns:
    dA_prev -- gradient of the cost with respect to the input of the conv layer (A_prev),
               numpy array of shape (m, n_H_prev, n_W_prev, n_C_prev)
    dW -- gradient of the cost with respect to the weights of the conv layer (W),
          numpy array of shape (f, f, n_C_prev, n_C)
    db -- gradient of the cost with respect to the biases of the conv layer (b),
          numpy array of shape (1, 1, 1, n_C)
    """
    # What the forward pass kept, and the sizes
    ### START CODE HERE ### (≈ 6 lines of code)
    (A_prev, W, b, hparameters) = cache
    (m, n_H_prev, n_W_prev, n_C_prev) = A_prev.shape
    (f, f, n_C_prev, n_C) = W.shape
    stride = hparameters["stride"]
    pad = hparameters["pad"]
    (m, n_H, n_W, n_C) = dZ.shape
    ### END CODE HERE ###

    # The gradients initialised with zeros, and the padded input and its gradient
    ### START CODE HERE ### (≈ 5 lines of code)
    dA_prev = np.zeros((m, n_H_prev, n_W_prev, n_C_prev))
    dW = np.zeros((f, f, n_C_prev, n_C))
    db = np.zeros((1, 1, 1, n_C))
    A_prev_pad = zero_pad(A_prev, pad)
    dA_prev_pad = zero_pad(dA_prev, pad)
    ### END CODE HERE ###

    for i in range(m):
        ### START CODE HERE ### (≈ 2 lines of code)
        a_prev_pad = A_prev_pad[i]
        da_prev_pad = dA_prev_pad[i]
        ### END CODE HERE ###
        for h in range(n_H):
            for w in range(n_W):
                for c in range(n_C):
                    # The window's corners and the window, then add this output's share to
                    # da_prev_pad (the window's part), dW[:, :, :, c] and db[:, :, :, c] with +=
                    ### START CODE HERE ### (≈ 8 lines of code)
                    vert_start = h * stride
                    vert_end = vert_start + f
                    horiz_start = w * stride
                    horiz_end = horiz_start + f
                    a_slice = a_prev_pad[vert_start:vert_end, horiz_start:horiz_end, :]
                    da_prev_pad[vert_start:vert_end, horiz_start:horiz_end, :] += W[:, :, :, c] * dZ[i, h, w, c]
                    dW[:, :, :, c] += a_slice * dZ[i, h, w, c]
                    db[:, :, :, c] += dZ[i, h, w, c]
                    ### END CODE HERE ###
        # Remove the padding: dA_prev[i] is the middle of da_prev_pad
        ### START CODE HERE ### (≈ 1 line of code)
        dA_prev[i, :, :, :] = da_prev_pad[pad:pad + n_H_prev, pad:pad + n_W_prev, :]
        ### END CODE HERE ###

    return dA_prev, dW, db


# %%
conv_backward_test(conv_backward)

# %%
# HIDDEN TESTS: conv_backward

# %% [markdown]
# #### Check it against finite differences
#
# Take the cost $J = \sum Z \odot G$ for a fixed random array $G$ of the shape of $Z$. Its
# gradient with respect to $Z$ is $G$ itself, so `conv_backward(G, cache)` must return the
# gradients of $J$. `compare_gradients` (from `helpers/gradient_check.py`) nudges every entry of
# `A_prev`, `W` and `b` by $\pm\varepsilon$, recomputes $J$ with your `conv_forward`, and
# compares the slopes it measures with your gradients. A relative difference below $10^{-7}$
# means they agree.

# %%
rng = np.random.default_rng(1)
A_check = rng.normal(size=(2, 5, 5, 3))
W_check = rng.normal(size=(3, 3, 3, 4))
b_check = rng.normal(size=(1, 1, 1, 4))
hparameters_check = {"pad": 1, "stride": 2}
Z_check, cache_check = conv_forward(A_check, W_check, b_check, hparameters_check)
G = rng.normal(size=Z_check.shape)


def conv_cost():
    return np.sum(conv_forward(A_check, W_check, b_check, hparameters_check)[0] * G)


dA_check, dW_check, db_check = conv_backward(G, cache_check)
print("gradient check of conv_backward:")
compare_gradients(conv_cost, {"A_prev": A_check, "W": W_check, "b": b_check},
                  {"A_prev": dA_check, "W": dW_check, "b": db_check});

# %% [markdown]
# ### 7.2 Pooling layer
#
# A pooling layer has no parameters, but the gradient must still flow through it to the
# layers before. Two small helpers do the work.
#
# **Max pooling.** Only the largest entry of a window reached the output, so only it receives
# the output's gradient; the others get zero. A *mask* marks that entry:
#
# $$X = \begin{bmatrix} 1 & 3 \\ 4 & 2 \end{bmatrix} \quad\rightarrow\quad
# M = \begin{bmatrix} 0 & 0 \\ 1 & 0 \end{bmatrix}.$$
#
# ### Exercise 6: `create_mask_from_window`
#
# Return a boolean array that is `True` where `x` equals its maximum. (With real-valued data, ties
# are vanishingly rare.)

# %%
# GRADED FUNCTION: create_mask_from_window
def create_mask_from_window(x):
    """
    Create a mask from an input window x, marking the position of its maximum.

    Arguments:
    x -- numpy array of shape (f, f)

    Returns:
    mask -- boolean array of the same shape as x, True at the position of the maximum of x
    """
    ### START CODE HERE ### (≈ 1 line of code)
    mask = x == np.max(x)
    ### END CODE HERE ###
    return mask


# %%
create_mask_from_window_test(create_mask_from_window)

# %%
# HIDDEN TESTS: create_mask_from_window

# %% [markdown]
# **Average pooling.** Every entry of the window contributed equally, $1/(n_H n_W)$ of the
# output, so each receives that share of its gradient:
#
# $$dz = 1 \quad\rightarrow\quad dZ = \begin{bmatrix} 1/4 & 1/4 \\ 1/4 & 1/4 \end{bmatrix}.$$
#
# ### Exercise 7: `distribute_value`

# %%
# GRADED FUNCTION: distribute_value
def distribute_value(dz, shape):
    """
    Distribute the input value evenly over a matrix of the given shape.

    Arguments:
    dz -- input scalar
    shape -- the shape (n_H, n_W) of the output matrix

    Returns:
    a -- numpy array of shape (n_H, n_W), every entry dz / (n_H * n_W)
    """
    ### START CODE HERE ### (≈ 3 lines of code)
    (n_H, n_W) = shape
    average = dz / (n_H * n_W)
    a = np.ones(shape) * average
    ### END CODE HERE ###
    return a


# %%
distribute_value_test(distribute_value)

# %%
# HIDDEN TESTS: distribute_value

# %% [markdown]
# ### Exercise 8: `pool_backward`
#
# Loop like `pool_forward`. For each output `(i, h, w, c)`, add to the window of `dA_prev`
# either the mask times `dA[i, h, w, c]` (max) or the evenly distributed `dA[i, h, w, c]`
# (average). Windows overlap when `stride < f`, so accumulate with `+=`.

# %%
# GRADED FUNCTION: pool_backward
def pool_backward(dA, cache, mode="max"):
    """
    Implement the backward pass of the pooling layer.

    Arguments:
    dA -- gradient of the cost with respect to the output of the pooling layer, same shape as A
    cache -- cache output from the forward pass of the pooling layer: (A_prev, hparameters)
    mode -- the pooling mode, "max" or "average"

    Returns:
    dA_prev -- gradient of the cost with respect to the input of the pooling layer, same shape as A_prev
    """
    # What the forward pass kept, the sizes, and dA_prev initialised with zeros
    ### START CODE HERE ### (≈ 6 lines of code)
    (A_prev, hparameters) = cache
    stride = hparameters["stride"]
    f = hparameters["f"]
    (m, n_H_prev, n_W_prev, n_C_prev) = A_prev.shape
    (m, n_H, n_W, n_C) = dA.shape
    dA_prev = np.zeros(A_prev.shape)
    ### END CODE HERE ###

    for i in range(m):
        ### START CODE HERE ### (≈ 1 line of code)
        a_prev = A_prev[i]
        ### END CODE HERE ###
        for h in range(n_H):
            for w in range(n_W):
                for c in range(n_C):
                    ### START CODE HERE ### (≈ 4 lines of code)
                    vert_start = h * stride
                    vert_end = vert_start + f
                    horiz_start = w * stride
                    horiz_end = horiz_start + f
                    ### END CODE HERE ###
                    if mode == "max":
                        # The window of channel c, its mask, then dA_prev's window += mask * dA[i, h, w, c]
                        ### START CODE HERE ### (≈ 3 lines of code)
                        a_prev_slice = a_prev[vert_start:vert_end, horiz_start:horiz_end, c]
                        mask = create_mask_from_window(a_prev_slice)
                        dA_prev[i, vert_start:vert_end, horiz_start:horiz_end, c] += mask * dA[i, h, w, c]
                        ### END CODE HERE ###
                    elif mode == "average":
                        # dA[i, h, w, c], the window's shape, then dA_prev's window += the distributed value
                        ### START CODE HERE ### (≈ 3 lines of code)
                        da = dA[i, h, w, c]
                        shape = (f, f)
                        dA_prev[i, vert_start:vert_end, horiz_start:horiz_end, c] += distribute_value(da, shape)
                        ### END CODE HERE ###

    return dA_prev


# %%
pool_backward_test(pool_backward)

# %%
# HIDDEN TESTS: pool_backward

# %% [markdown]
# #### Check it against finite differences
#
# The same test as for the convolution, with overlapping windows (`f = 3`, `stride = 1`) so that
# the accumulation is exercised too:

# %%
rng = np.random.default_rng(2)
A_check = rng.normal(size=(2, 5, 5, 3))
pool_hparameters = {"f": 3, "stride": 1}
for mode in ("max", "average"):
    A_out, pool_cache = pool_forward(A_check, pool_hparameters, mode=mode)
    G = rng.normal(size=A_out.shape)
    dA_check = pool_backward(G, pool_cache, mode=mode)
    print(f"gradient check of pool_backward, {mode} pooling:")
    compare_gradients(lambda: np.sum(pool_forward(A_check, pool_hparameters, mode=mode)[0] * G),
                      {"A_prev": A_check}, {"A_prev": dA_check})

# %% [markdown]
# ## What you built
# - `zero_pad`, and the output-size formula $\lfloor (n - f + 2\,pad)/stride \rfloor + 1$.
# - The forward pass of a convolution layer — a filter sliding over a padded input — and of max
#   and average pooling.
# - Their backward passes, verified against finite differences.
# - A feel for what hand-designed filters detect in a real photo, and for why frameworks
#   vectorize convolutions.
#
# In the next notebook a framework provides these layers, and you train a whole convolutional
# network with them.

# %% [markdown]
# ## Glossary · 术语表
#
# | English | 中文 |
# |---|---|
# | convolution | 卷积 |
# | filter | 过滤器 |
# | padding | 填充 |
# | valid / same convolution | valid 卷积 / same 卷积 |
# | stride | 步幅 |
# | convolutional layer | 卷积层 |
# | channel | 通道 |
# | pooling layer | 池化层 |
# | max pooling / average pooling | 最大池化 / 平均池化 |
# | edge detection | 边缘检测 |

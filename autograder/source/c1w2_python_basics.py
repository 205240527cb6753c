# %% [markdown]
# # Python basics with numpy
#
# Deep learning code is mostly arithmetic on arrays. Before you build your first model, this
# notebook makes you fluent in the numpy operations the rest of the course relies on:
# elementwise functions, reshaping, normalising, broadcasting and vectorization.
#
# **How the exercises work.** Each exercise is a function in a cell that starts with
# `# GRADED FUNCTION: name`. Write your code between `### START CODE HERE ###` and
# `### END CODE HERE ###`; the hint on the START line says roughly how many lines you need.
# Run the cell below each exercise to check your answer: it prints one line per check and
# **All tests passed.** when everything matches. When your notebook is graded, hidden tests
# also try your function on fresh random inputs, so make it work for any valid input, not only
# for the example.

# %%
import math
import time

import numpy as np

from helpers.public_tests.c1w2_python_basics import (
    L1_test,
    L2_test,
    basic_sigmoid_test,
    image2vector_test,
    normalize_rows_test,
    sigmoid_derivative_test,
    sigmoid_test,
    softmax_test,
)

# %% [markdown]
# ## 1. The sigmoid function, one number at a time
#
# The sigmoid squashes any real number into the interval $(0, 1)$:
#
# $$\sigma(x) = \frac{1}{1 + e^{-x}}$$
#
# It turns a score into a probability, which is what logistic regression needs. Python's
# standard library computes $e^x$ with `math.exp(x)`.
#
# ### Exercise 1: `basic_sigmoid`
# Return the sigmoid of a real number `x`, using `math.exp`.

# %%
# GRADED FUNCTION: basic_sigmoid
def basic_sigmoid(x):
    """
    Compute the sigmoid of a real number.

    Arguments:
    x -- a real number (int or float)

    Returns:
    s -- sigmoid(x), a Python float
    """
    ### START CODE HERE ### (≈ 1 line of code)
    s = 1 / (1 + math.exp(-x))
    ### END CODE HERE ###
    return s


# %%
basic_sigmoid_test(basic_sigmoid)

# %%
# HIDDEN TESTS: basic_sigmoid

# %% [markdown]
# `math.exp` only accepts a single number. Try `basic_sigmoid(np.array([1, 2, 3]))` in a
# new cell: it fails, because a deep-learning model works on whole vectors and matrices at
# once. That is what numpy is for.

# %% [markdown]
# ## 2. Elementwise functions on arrays
#
# A numpy function such as `np.exp` applies to every entry of an array and returns an array of
# the same shape. Arithmetic between an array and a number also works entry by entry:

# %%
x = np.array([1, 2, 3])
print("np.exp(x) =", np.exp(x))
print("x + 3     =", x + 3)
print("1 / x     =", 1 / x)

# %% [markdown]
# ### Exercise 2: `sigmoid`
# Write the sigmoid for a scalar, vector or matrix `x` with `np.exp`. For
# $x = (x_1, \dots, x_n)$ it returns $(\sigma(x_1), \dots, \sigma(x_n))$, with the shape of `x`.

# %%
# GRADED FUNCTION: sigmoid
def sigmoid(x):
    """
    Compute the sigmoid of x, elementwise.

    Arguments:
    x -- a scalar or numpy array of any shape

    Returns:
    s -- sigmoid(x), same shape as x
    """
    ### START CODE HERE ### (≈ 1 line of code)
    s = 1 / (1 + np.exp(-x))
    ### END CODE HERE ###
    return s


# %%
sigmoid_test(sigmoid)

# %%
# HIDDEN TESTS: sigmoid

# %% [markdown]
# ## 3. The slope of the sigmoid
#
# Backpropagation needs the derivative of every activation. The sigmoid's derivative has a
# neat form in terms of the sigmoid itself:
#
# $$\sigma'(x) = \sigma(x)\,\bigl(1 - \sigma(x)\bigr)$$
#
# ### Exercise 3: `sigmoid_derivative`
# Compute $s = \sigma(x)$ with your `sigmoid`, then $ds = s(1 - s)$.

# %%
# GRADED FUNCTION: sigmoid_derivative
def sigmoid_derivative(x):
    """
    Compute the derivative of the sigmoid with respect to its input x.

    Arguments:
    x -- a scalar or numpy array

    Returns:
    ds -- the derivative, same shape as x
    """
    ### START CODE HERE ### (≈ 2 lines of code)
    s = sigmoid(x)
    ds = s * (1 - s)
    ### END CODE HERE ###
    return ds


# %%
sigmoid_derivative_test(sigmoid_derivative)

# %%
# HIDDEN TESTS: sigmoid_derivative

# %% [markdown]
# The slope is largest at $x = 0$, where it is $1/4$, and vanishes for large $|x|$: a neuron
# whose sigmoid saturates learns slowly. You will meet this *vanishing gradient* again.

# %% [markdown]
# ## 4. Reshaping arrays
#
# Two attributes and one method do most of the work:
# - `X.shape` gives the size of each dimension;
# - `X.reshape(...)` gives the same numbers arranged in another shape (the total count must
#   not change; one dimension may be `-1`, meaning "whatever is left").
#
# An image is stored as an array of shape `(height, width, channels)`. A model that takes
# vectors needs it *unrolled* into a single column of shape `(height * width * channels, 1)`.
#
# ### Exercise 4: `image2vector`
# Reshape an image of shape `(length, height, depth)` into a column vector. Read the three
# sizes from `image.shape` so that it works for any image.

# %%
# GRADED FUNCTION: image2vector
def image2vector(image):
    """
    Unroll an image into a column vector.

    Arguments:
    image -- a numpy array of shape (length, height, depth)

    Returns:
    v -- a vector of shape (length*height*depth, 1)
    """
    ### START CODE HERE ### (≈ 1 line of code)
    v = image.reshape(image.shape[0] * image.shape[1] * image.shape[2], 1)
    ### END CODE HERE ###
    return v


# %%
image2vector_test(image2vector)

# %%
# HIDDEN TESTS: image2vector

# %% [markdown]
# ## 5. Normalising rows
#
# Gradient descent converges faster when the inputs are on a similar scale. One common
# normalisation divides each row $x_i$ of a matrix by its Euclidean length
# $\lVert x_i \rVert = \sqrt{\sum_j x_{ij}^2}$. For example
#
# $$x = \begin{bmatrix} 0 & 3 & 4 \\ 2 & 6 & 4 \end{bmatrix} \quad\Rightarrow\quad
# \lVert x \rVert_{\text{rows}} = \begin{bmatrix} 5 \\ \sqrt{56} \end{bmatrix}.$$
#
# `np.linalg.norm(x, axis=1, keepdims=True)` computes the row lengths as a `(n, 1)` column.
# Dividing the `(n, m)` matrix by this column works thanks to **broadcasting**: numpy stretches
# the column across the `m` columns so that the shapes match. Try it:

# %%
a = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
column = np.array([[10.0], [100.0]])
print(a / column)

# %% [markdown]
# ### Exercise 5: `normalize_rows`
# Divide each row of `x` by its norm. Keep the input unchanged: compute a new array rather than
# dividing in place.

# %%
# GRADED FUNCTION: normalize_rows
def normalize_rows(x):
    """
    Normalise each row of the matrix x to unit length.

    Arguments:
    x -- a numpy matrix of shape (n, m)

    Returns:
    x -- the normalised matrix, shape (n, m)
    """
    ### START CODE HERE ### (≈ 2 lines of code)
    x_norm = np.linalg.norm(x, ord=2, axis=1, keepdims=True)
    x = x / x_norm
    ### END CODE HERE ###
    return x


# %%
normalize_rows_test(normalize_rows)

# %%
# HIDDEN TESTS: normalize_rows

# %% [markdown]
# ## 6. Softmax
#
# When a model chooses among several classes it outputs one score per class; the softmax turns a
# row of scores into probabilities that are positive and sum to 1:
#
# $$\text{softmax}(x_{i\cdot})_j = \frac{e^{x_{ij}}}{\sum_k e^{x_{ik}}}$$
#
# ### Exercise 6: `softmax`
# Apply the softmax to each row of an `(m, n)` matrix: exponentiate, sum each row with
# `keepdims=True`, and divide (broadcasting again).

# %%
# GRADED FUNCTION: softmax
def softmax(x):
    """
    Compute the softmax of each row of x.

    Arguments:
    x -- a numpy matrix of shape (m, n)

    Returns:
    s -- the softmax of each row, shape (m, n)
    """
    ### START CODE HERE ### (≈ 3 lines of code)
    x_exp = np.exp(x)
    x_sum = np.sum(x_exp, axis=1, keepdims=True)
    s = x_exp / x_sum
    ### END CODE HERE ###
    return s


# %%
softmax_test(softmax)

# %%
# HIDDEN TESTS: softmax

# %% [markdown]
# ## 7. Vectorization
#
# A Python loop handles one number per step; a numpy operation hands the whole array to
# optimised compiled code. Compare the two ways of computing a dot product of two long vectors:

# %%
rng = np.random.default_rng(0)
u, v = rng.random(200_000), rng.random(200_000)

start = time.perf_counter()
total = 0.0
for i in range(len(u)):
    total += u[i] * v[i]
loop_ms = 1000 * (time.perf_counter() - start)

start = time.perf_counter()
vectorized_total = np.dot(u, v)
vectorized_ms = 1000 * (time.perf_counter() - start)

print(f"loop:       {total:.6f} in {loop_ms:8.2f} ms")
print(f"vectorized: {vectorized_total:.6f} in {vectorized_ms:8.2f} ms "
      f"({loop_ms / max(vectorized_ms, 1e-6):.0f} times faster)")

# %% [markdown]
# Same answer, orders of magnitude faster. From now on, prefer whole-array operations to
# explicit loops whenever you can.
#
# Note that `np.dot` and `@` compute matrix products, while `*` multiplies entry by entry:

# %%
A = np.array([[1, 2], [3, 4]])
print("A @ A =\n", A @ A)
print("A * A =\n", A * A)

# %% [markdown]
# ## 8. Loss functions
#
# A loss measures how far predictions $\hat y$ are from the true labels $y$. Two simple ones:
#
# $$L_1(\hat y, y) = \sum_{i=1}^{m} \lvert y^{(i)} - \hat y^{(i)} \rvert
# \qquad
# L_2(\hat y, y) = \sum_{i=1}^{m} \bigl(y^{(i)} - \hat y^{(i)}\bigr)^2$$
#
# ### Exercise 7: `L1`
# Implement the L1 loss with `np.abs` and `np.sum`, without a loop.

# %%
# GRADED FUNCTION: L1
def L1(yhat, y):
    """
    Compute the L1 loss.

    Arguments:
    yhat -- vector of size m (predicted labels)
    y -- vector of size m (true labels)

    Returns:
    loss -- the value of the L1 loss
    """
    ### START CODE HERE ### (≈ 1 line of code)
    loss = np.sum(np.abs(y - yhat))
    ### END CODE HERE ###
    return loss


# %%
L1_test(L1)

# %%
# HIDDEN TESTS: L1

# %% [markdown]
# ### Exercise 8: `L2`
# Implement the L2 loss. `np.dot(d, d)` is a compact way to sum the squares of a vector `d`.

# %%
# GRADED FUNCTION: L2
def L2(yhat, y):
    """
    Compute the L2 loss.

    Arguments:
    yhat -- vector of size m (predicted labels)
    y -- vector of size m (true labels)

    Returns:
    loss -- the value of the L2 loss
    """
    ### START CODE HERE ### (≈ 1 line of code)
    loss = np.sum((y - yhat) ** 2)
    ### END CODE HERE ###
    return loss


# %%
L2_test(L2)

# %%
# HIDDEN TESTS: L2

# %% [markdown]
# ## What you practised
# - `np.exp`, `np.abs`, `np.sum` and friends work on whole arrays;
# - `reshape` and `shape` move between images and vectors;
# - broadcasting combines arrays of compatible shapes, such as a matrix and a column;
# - vectorized code gives the same answer as a loop, much faster.
#
# Next: logistic regression, built from exactly these pieces.

# %% [markdown]
# ## Glossary · 术语表
#
# | English | 中文 |
# |---|---|
# | sigmoid function | sigmoid 函数 |
# | derivative / slope | 导数 / 斜率 |
# | reshape | 重塑 |
# | normalization | 归一化 |
# | broadcasting | 广播 |
# | element-wise | 逐元素 |
# | softmax function | softmax 函数 |
# | vectorization | 向量化 |
# | loss function | 损失函数 |

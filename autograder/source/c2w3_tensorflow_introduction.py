# %% [markdown]
# # Introduction to TensorFlow
#
# Until now you have written every forward pass, every derivative and every update by hand in
# numpy. A deep-learning framework takes the mechanical part off your hands: you write the
# forward pass, and it works out the gradients and updates the parameters for you. This
# notebook introduces **TensorFlow 2**, one of the most widely used frameworks.
#
# You will
# - meet tensors, variables and automatic differentiation with `tf.GradientTape`,
# - feed images to a model with a `tf.data` pipeline,
# - write the pieces of a three-layer network in TensorFlow: initialisation, forward pass and cost,
# - train it with mini-batches and Adam, and follow its learning curves.
#
# Write your code between `### START CODE HERE ###` and `### END CODE HERE ###` and run the
# test cell below each exercise.

# %%
import numpy as np
import matplotlib.pyplot as plt
import tensorflow as tf
from tqdm.auto import trange

from helpers.images import load_tinted_digits_dataset
from helpers.plotting import plot_image_grid, plot_learning_curves, plot_misclassified
from helpers.public_tests.c2w3_tensorflow_introduction import (
    compute_total_loss_test,
    forward_propagation_test,
    initialize_parameters_test,
    linear_function_test,
    one_hot_matrix_test,
    sigmoid_test,
)

tf.get_logger().setLevel("ERROR")  # keep TensorFlow's informational messages out of the notebook

# %% [markdown]
# ## 1. A short tour of TensorFlow
#
# ### Tensors
#
# A **tensor** is TensorFlow's array: like a numpy array it has a shape and a dtype, and the
# usual arithmetic works elementwise with broadcasting. `.numpy()` gives you its values as a
# numpy array whenever you want them back.

# %%
a = tf.constant([[1.0, 2.0], [3.0, 4.0]])
b = tf.constant([[10.0], [20.0]])
print(a)
print("a + b =", (a + b).numpy().tolist())         # b is broadcast along the columns
print("a @ b =", tf.matmul(a, b).numpy().tolist())  # the matrix product, like np.dot
print("shape", a.shape, "dtype", a.dtype.name)

# %% [markdown]
# Two differences from numpy matter in practice. A tensor is **immutable**: you cannot assign
# to `a[0, 0]`; every operation creates a new tensor. And TensorFlow **never mixes dtypes
# silently**: numpy happily adds `float32` to `float64`, TensorFlow refuses. Numpy's default is
# `float64`; TensorFlow's is `float32`. When data comes from numpy, convert it with `tf.cast`.

# %%
single = tf.constant(1.5)                    # float32, TensorFlow's default
double = tf.constant(np.array(2.5))          # float64, numpy's default
try:
    single + double
except tf.errors.InvalidArgumentError as error:
    print("float32 + float64 fails:", str(error).split("[")[0].strip())
print("after a cast:", (single + tf.cast(double, tf.float32)).numpy())

# %% [markdown]
# ### Variables
#
# Parameters change during training, so they cannot be tensors. A **`tf.Variable`** holds a
# tensor that you can update in place with `assign`, `assign_add` or `assign_sub`. Optimizers
# update variables; everything else in a model is a tensor computed from them.

# %%
w = tf.Variable(3.0)
w.assign_sub(0.5)      # w := w - 0.5
print(w.numpy())

# %% [markdown]
# ### Automatic differentiation
#
# Inside a `with tf.GradientTape() as tape:` block TensorFlow records every operation that
# involves a variable. `tape.gradient(J, w)` then walks that record backwards — exactly the
# backward propagation you have been writing by hand — and returns $\partial J / \partial w$.
#
# Take the cost of the lectures, $J(w) = w^2 - 10w + 25 = (w - 5)^2$. Its derivative is
# $2w - 10$, so at $w = 0$ the tape should return $-10$:

# %%
w = tf.Variable(0.0)
with tf.GradientTape() as tape:
    J = w ** 2 - 10 * w + 25
print("dJ/dw at w = 0:", tape.gradient(J, w).numpy())

# %% [markdown]
# Gradient descent is now a short loop: record the cost, ask for the gradient, step downhill.
# No derivative is written by hand, and the same loop would work for any cost built from
# TensorFlow operations.

# %%
w = tf.Variable(0.0)
learning_rate = 0.1
for step in range(1, 101):
    with tf.GradientTape() as tape:
        J = w ** 2 - 10 * w + 25
    w.assign_sub(learning_rate * tape.gradient(J, w))
    if step in (1, 10, 100):
        print(f"w after {step:3d} steps: {w.numpy():.5f}")

# %% [markdown]
# $w$ approaches 5, the minimum of $(w - 5)^2$. An **optimizer** such as
# `tf.keras.optimizers.Adam` packages the update step: `optimizer.apply_gradients(...)` does the
# `assign_sub` for every variable, with momentum and adaptive step sizes. You will use it to
# train the network of this notebook.
#
# ## 2. Your first graded functions
#
# ### Exercise 1: `linear_function`
#
# Compute $Y = WX + b$ with TensorFlow, where the inputs are drawn at random with numpy:
# after `np.random.seed(1)`, draw **in this order** `X` of shape $(3, 1)$, `W` of shape
# $(4, 3)$ and `b` of shape $(4, 1)$, each with `np.random.randn`, and turn each into a tensor
# with `tf.constant(...)`. Then use `tf.matmul` and `tf.add` (or `@` and `+`).

# %%
# GRADED FUNCTION: linear_function
def linear_function():
    """
    Implement a linear function:
            Initialize X to be a random tensor of shape (3, 1)
            Initialize W to be a random tensor of shape (4, 3)
            Initialize b to be a random tensor of shape (4, 1)

    Returns:
    Y -- tensor of shape (4, 1) holding W X + b, dtype float64
    """
    np.random.seed(1)

    ### START CODE HERE ### (≈ 4 lines of code)
    X = tf.constant(np.random.randn(3, 1), name="X")
    W = tf.constant(np.random.randn(4, 3), name="W")
    b = tf.constant(np.random.randn(4, 1), name="b")
    Y = tf.add(tf.matmul(W, X), b)
    ### END CODE HERE ###
    return Y


# %%
linear_function_test(linear_function)

# %%
# HIDDEN TESTS: linear_function

# %% [markdown]
# The result is a `float64` tensor: `tf.constant` keeps the dtype of the numpy array it is given.
#
# ### Exercise 2: `sigmoid`
#
# Keras, TensorFlow's high-level layer library, has the usual activations ready:
# `tf.keras.activations.sigmoid`, `tf.keras.activations.relu`, … Your function must accept a
# Python number, a numpy array or a tensor of any float or integer dtype and return a
# `float32` tensor, so **cast** the input to `tf.float32` first, then apply the sigmoid.

# %%
# GRADED FUNCTION: sigmoid
def sigmoid(z):
    """
    Compute the sigmoid of z.

    Arguments:
    z -- input value, scalar, array or tensor

    Returns:
    a -- (tf.float32) the sigmoid of z, a tensor of the shape of z
    """
    ### START CODE HERE ### (≈ 2 lines of code)
    z = tf.cast(z, tf.float32)
    a = tf.keras.activations.sigmoid(z)
    ### END CODE HERE ###
    return a


# %%
sigmoid_test(sigmoid)

# %%
# HIDDEN TESTS: sigmoid

# %% [markdown]
# ## 3. The data, through a `tf.data` pipeline
#
# The images are **handwritten digits 0 to 5** from the MNIST collection, turned into 64 × 64
# colour photos: each digit is enlarged, placed somewhere in the frame and painted in a light
# random colour on a dark random background (the colours say nothing about the digit). The
# shapes are those of the hand-sign photos of the original course: 1080 training and 120 test
# images, six classes.

# %%
train_set_x_orig, train_set_y, test_set_x_orig, test_set_y, classes = load_tinted_digits_dataset()

print(f"train_set_x_orig: {train_set_x_orig.shape}  train_set_y: {train_set_y.shape}")
print(f"test_set_x_orig:  {test_set_x_orig.shape}   test_set_y:  {test_set_y.shape}")
print(f"classes: {classes}")

# %%
plot_image_grid(train_set_x_orig[:16], [f"y = {y}" for y in train_set_y[0, :16]], ncols=8);

# %% [markdown]
# A **`tf.data.Dataset`** is a stream of examples that TensorFlow can transform, batch and
# shuffle efficiently. `from_tensor_slices` cuts an array along its first axis, so each
# element of the dataset below is one 64 × 64 × 3 image. `.map(f)` applies `f` to every
# element as it flows by — here, to scale the pixels into $[0, 1]$ and unroll each image into a
# vector of $64 \cdot 64 \cdot 3 = 12288$ numbers.

# %%
def normalize(image):
    """Scale an image's pixels into [0, 1] and unroll it into a float32 vector of shape (12288,)."""
    image = tf.cast(image, tf.float32) / 255.0
    return tf.reshape(image, [-1])


x_train = tf.data.Dataset.from_tensor_slices(train_set_x_orig)
y_train = tf.data.Dataset.from_tensor_slices(train_set_y[0])
x_test = tf.data.Dataset.from_tensor_slices(test_set_x_orig)
y_test = tf.data.Dataset.from_tensor_slices(test_set_y[0])

new_train = x_train.map(normalize)
new_test = x_test.map(normalize)
print(x_train.element_spec)
print(new_train.element_spec)

# %% [markdown]
# ### Exercise 3: `one_hot_matrix`
#
# With six classes, the output layer has six units and the label $y = 2$ becomes the
# **one-hot** column $(0, 0, 1, 0, 0, 0)^T$. `tf.one_hot(label, C, axis=0)` builds it; reshape
# the result to shape `(C,)`, so that a label given as a tensor of shape `(1,)` gives a vector
# too.

# %%
# GRADED FUNCTION: one_hot_matrix
def one_hot_matrix(label, C=6):
    """
    Compute the one-hot encoding of a single label.

    Arguments:
    label -- (int) the categorical label, a number or a tensor of one element
    C -- (int) number of classes, the depth of the one-hot encoding

    Returns:
    one_hot -- tf.Tensor of shape (C,), dtype float32: 1.0 at position label, 0.0 elsewhere
    """
    ### START CODE HERE ### (≈ 1 line of code)
    one_hot = tf.reshape(tf.one_hot(label, C, axis=0), shape=[C])
    ### END CODE HERE ###
    return one_hot


# %%
one_hot_matrix_test(one_hot_matrix)

# %%
# HIDDEN TESTS: one_hot_matrix

# %% [markdown]
# Map it over the label datasets: each label becomes a vector of six numbers.

# %%
new_y_train = y_train.map(one_hot_matrix)
new_y_test = y_test.map(one_hot_matrix)
print(next(iter(new_y_train)))

# %% [markdown]
# ## 4. A three-layer network in TensorFlow
#
# The model is the one of the lectures, LINEAR → RELU → LINEAR → RELU → LINEAR, with 25, 12
# and 6 units. The last layer's six outputs $Z^{[3]}$ are the **logits**; the softmax turning
# them into probabilities is part of the cost (exercise 6).
#
# ### Exercise 4: `initialize_parameters`
#
# Create the parameters as `tf.Variable`s, so that the optimizer can update them, with values
# from Keras's **Glorot normal** initializer, seeded with 1 (it is given). Calling the
# initializer with a shape, `initializer(shape=(25, 12288))`, returns a tensor of that shape;
# wrap it in `tf.Variable(...)`. Create, in this order, `W1` $(25, 12288)$, `b1` $(25, 1)$,
# `W2` $(12, 25)$, `b2` $(12, 1)$, `W3` $(6, 12)$ and `b3` $(6, 1)$ — the biases come from the
# same initializer.

# %%
# GRADED FUNCTION: initialize_parameters
def initialize_parameters():
    """
    Initialize the parameters of the network with TensorFlow. The shapes are:
                        W1 : [25, 12288]
                        b1 : [25, 1]
                        W2 : [12, 25]
                        b2 : [12, 1]
                        W3 : [6, 12]
                        b3 : [6, 1]

    Returns:
    parameters -- a dictionary of tf.Variables holding W1, b1, W2, b2, W3, b3
    """
    initializer = tf.keras.initializers.GlorotNormal(seed=1)
    ### START CODE HERE ### (≈ 6 lines of code)
    W1 = tf.Variable(initializer(shape=(25, 12288)))
    b1 = tf.Variable(initializer(shape=(25, 1)))
    W2 = tf.Variable(initializer(shape=(12, 25)))
    b2 = tf.Variable(initializer(shape=(12, 1)))
    W3 = tf.Variable(initializer(shape=(6, 12)))
    b3 = tf.Variable(initializer(shape=(6, 1)))
    ### END CODE HERE ###

    parameters = {"W1": W1,
                  "b1": b1,
                  "W2": W2,
                  "b2": b2,
                  "W3": W3,
                  "b3": b3}
    return parameters


# %%
initialize_parameters_test(initialize_parameters)

# %%
# HIDDEN TESTS: initialize_parameters

# %% [markdown]
# ### Exercise 5: `forward_propagation`
#
# The forward pass takes a batch of examples in **columns**, `X` of shape $(12288, m)$, and
# returns $Z^{[3]}$ of shape $(6, m)$:
#
# $$Z^{[1]} = W^{[1]} X + b^{[1]}, \quad A^{[1]} = \mathrm{relu}(Z^{[1]}), \quad
# Z^{[2]} = W^{[2]} A^{[1]} + b^{[2]}, \quad A^{[2]} = \mathrm{relu}(Z^{[2]}), \quad
# Z^{[3]} = W^{[3]} A^{[2]} + b^{[3]}.$$
#
# Use `tf.linalg.matmul` (or `@`), `tf.math.add` (or `+`) and `tf.keras.activations.relu`. Stop
# at $Z^{[3]}$: no softmax here. Use TensorFlow operations only — no numpy — so that the tape
# can differentiate through your code, and create no variables: the parameters already exist.

# %%
# GRADED FUNCTION: forward_propagation
def forward_propagation(X, parameters):
    """
    Implement the forward propagation for the model: LINEAR -> RELU -> LINEAR -> RELU -> LINEAR

    Arguments:
    X -- input dataset placeholder, of shape (input size, number of examples)
    parameters -- python dictionary containing your parameters "W1", "b1", "W2", "b2", "W3", "b3"
                  the shapes are given in initialize_parameters

    Returns:
    Z3 -- the output of the last LINEAR unit, shape (6, number of examples)
    """
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]
    W3 = parameters["W3"]
    b3 = parameters["b3"]

    ### START CODE HERE ### (≈ 5 lines of code)
    Z1 = tf.math.add(tf.linalg.matmul(W1, X), b1)
    A1 = tf.keras.activations.relu(Z1)
    Z2 = tf.math.add(tf.linalg.matmul(W2, A1), b2)
    A2 = tf.keras.activations.relu(Z2)
    Z3 = tf.math.add(tf.linalg.matmul(W3, A2), b3)
    ### END CODE HERE ###

    return Z3


# %%
forward_propagation_test(forward_propagation)

# %%
# HIDDEN TESTS: forward_propagation

# %% [markdown]
# ### Exercise 6: `compute_total_loss`
#
# For one example with one-hot label $y$ and logits $z$, the softmax gives
# $\hat{y}_j = e^{z_j} / \sum_k e^{z_k}$ and the categorical cross-entropy loss is
# $\mathcal{L} = -\sum_{j=1}^{6} y_j \log \hat{y}_j$. Return the **sum** of the losses over the
# examples of the batch (not their mean): training adds the sums of all mini-batches and divides
# by $m$ once per epoch, so that a smaller last mini-batch is weighted correctly.
#
# `tf.keras.losses.categorical_crossentropy(y_true, y_pred, from_logits=True)` computes the
# softmax and the loss in one numerically careful step. It expects **one example per row**,
# shape $(m, 6)$, while your logits and labels have one example per column: transpose both
# with `tf.transpose`. Then add up with `tf.reduce_sum`.

# %%
# GRADED FUNCTION: compute_total_loss
def compute_total_loss(logits, labels):
    """
    Computes the total loss

    Arguments:
    logits -- output of forward propagation (output of the last LINEAR unit), of shape (6, num_examples)
    labels -- "true" labels vector, same shape as Z3

    Returns:
    total_loss -- Tensor of the total loss value, a float32 scalar (shape ())
    """
    ### START CODE HERE ### (≈ 1 line of code)
    total_loss = tf.reduce_sum(tf.keras.losses.categorical_crossentropy(
        tf.transpose(labels), tf.transpose(logits), from_logits=True))
    ### END CODE HERE ###
    return total_loss


# %%
compute_total_loss_test(compute_total_loss)

# %%
# HIDDEN TESTS: compute_total_loss

# %% [markdown]
# ## 5. Training the model
#
# `model` puts your functions together. Three things in it are new:
#
# - **Mini-batches from `tf.data`**: `dataset.batch(32)` groups 32 consecutive examples into a
#   batch of shape $(32, 12288)$ — examples in rows, so the model transposes each batch.
#   `cache()` keeps the prepared batches in memory after the first epoch and `prefetch` prepares
#   the next batch while the current one trains.
# - **The training step**: the tape records your forward pass and cost, `tape.gradient` returns
#   the gradient of the cost with respect to each parameter, and Adam applies them. There is no
#   backward propagation to write.
# - **`@tf.function`**: TensorFlow traces the Python function once into a graph of operations
#   and runs that graph at every later call, without Python in the loop. For small steps like
#   ours this is several times faster. It traces your `forward_propagation` and
#   `compute_total_loss` too — another reason they must use TensorFlow operations only.
#
# The accuracy is counted with `tf.keras.metrics.CategoricalAccuracy`, which compares the
# index of the largest logit with the index of the 1 in the label. The training accuracy of an
# epoch is measured on each mini-batch as training goes, with the parameters of that moment.

# %%
def model(X_train, Y_train, X_test, Y_test, learning_rate=0.0001,
          num_epochs=1500, minibatch_size=32, print_cost=True):
    """
    Train the three-layer TensorFlow network LINEAR->RELU->LINEAR->RELU->LINEAR->SOFTMAX with Adam.

    Arguments:
    X_train -- tf.data.Dataset of training images, each a float32 vector of shape (12288,)
    Y_train -- tf.data.Dataset of one-hot training labels, each of shape (6,)
    X_test -- tf.data.Dataset of test images
    Y_test -- tf.data.Dataset of one-hot test labels
    learning_rate -- learning rate of Adam
    num_epochs -- number of passes over the training set
    minibatch_size -- size of a mini-batch
    print_cost -- True to show a progress bar and print the cost and accuracies every 10 epochs

    Returns:
    parameters -- the trained parameters (tf.Variables)
    costs -- list of the cost (mean loss per training example) of each epoch
    train_acc -- list of the training accuracy (0..1) of each epoch
    test_acc -- list of the test accuracy (0..1) after each epoch
    """
    costs, train_acc, test_acc = [], [], []

    parameters = initialize_parameters()
    trainable_variables = [parameters[key] for key in ("W1", "b1", "W2", "b2", "W3", "b3")]
    optimizer = tf.keras.optimizers.Adam(learning_rate)
    train_accuracy = tf.keras.metrics.CategoricalAccuracy()
    test_accuracy = tf.keras.metrics.CategoricalAccuracy()

    dataset = tf.data.Dataset.zip((X_train, Y_train))
    test_dataset = tf.data.Dataset.zip((X_test, Y_test))
    m = int(dataset.cardinality())
    minibatches = dataset.batch(minibatch_size).cache().prefetch(8)
    test_minibatches = test_dataset.batch(minibatch_size).cache().prefetch(8)

    @tf.function
    def train_step(minibatch_X, minibatch_Y):
        with tf.GradientTape() as tape:
            Z3 = forward_propagation(tf.transpose(minibatch_X), parameters)
            minibatch_total_loss = compute_total_loss(Z3, tf.transpose(minibatch_Y))
        grads = tape.gradient(minibatch_total_loss, trainable_variables)
        optimizer.apply_gradients(zip(grads, trainable_variables))
        train_accuracy.update_state(minibatch_Y, tf.transpose(Z3))
        return minibatch_total_loss

    @tf.function
    def test_step(minibatch_X, minibatch_Y):
        Z3 = forward_propagation(tf.transpose(minibatch_X), parameters)
        test_accuracy.update_state(minibatch_Y, tf.transpose(Z3))

    for epoch in trange(num_epochs, desc="epochs", disable=not print_cost):
        epoch_total_loss = 0.0
        train_accuracy.reset_state()
        test_accuracy.reset_state()
        for minibatch_X, minibatch_Y in minibatches:
            epoch_total_loss += float(train_step(minibatch_X, minibatch_Y))
        for minibatch_X, minibatch_Y in test_minibatches:
            test_step(minibatch_X, minibatch_Y)

        costs.append(epoch_total_loss / m)
        train_acc.append(float(train_accuracy.result()))
        test_acc.append(float(test_accuracy.result()))
        if print_cost and (epoch % 10 == 0 or epoch == num_epochs - 1):
            print(f"Cost after epoch {epoch}: {costs[-1]:f}  "
                  f"(train accuracy {100 * train_acc[-1]:.1f} %, test accuracy {100 * test_acc[-1]:.1f} %)")

    return parameters, costs, train_acc, test_acc


# %% [markdown]
# The original assignment trained for 100 epochs. Fifty epochs at the same learning rate,
# $10^{-4}$, take a few seconds here and already show the whole story.

# %%
parameters, costs, train_acc, test_acc = model(new_train, new_y_train, new_test, new_y_test, num_epochs=50)
print(f"train accuracy: {100 * train_acc[-1]:.1f} %")
print(f"test accuracy: {100 * test_acc[-1]:.1f} %")

# %% [markdown]
# ## 6. What did it learn?
#
# The learning curves: the cost falls steadily and both accuracies climb from chance (one in
# six, 17 %). In the last epochs the test accuracy levels off while the training accuracy keeps
# rising: the network starts to fit its own training images more closely than new ones. Train
# longer and the gap widens.

# %%
ax_cost, ax_accuracy = plot_learning_curves(np.arange(len(costs)), costs,
                                            100 * np.array(train_acc), 100 * np.array(test_acc))
ax_cost.set_xlabel("epoch")
ax_accuracy.set_xlabel("epoch")
ax_cost.set_title("Training cost (learning rate = 0.0001)");

# %% [markdown]
# Which test digits does it get wrong? The predicted class is the index of the largest logit.

# %%
X_test_flat = tf.reshape(tf.cast(test_set_x_orig, tf.float32) / 255.0, (len(test_set_x_orig), -1))
predictions = tf.argmax(forward_propagation(tf.transpose(X_test_flat), parameters), axis=0).numpy()
plot_misclassified(test_set_x_orig, test_set_y, predictions.reshape(1, -1), classes);

# %% [markdown]
# A network of fully connected layers sees 12288 separate numbers: a digit shifted by a few
# pixels lands on other weights and looks new to it. Convolutional networks, in Course 4, share
# their weights across positions and are built for images like these.
#
# ## What you built
# - Tensors, variables and gradients computed by a `GradientTape` instead of by hand.
# - A `tf.data` pipeline that scales, unrolls, one-hot encodes, batches and caches the data.
# - The initialisation, forward pass and cost of a three-layer network in TensorFlow.
# - A training loop with Adam, compiled with `tf.function`, and its learning curves.

# %% [markdown]
# ## Glossary · 术语表
#
# | English | 中文 |
# |---|---|
# | deep learning framework | 深度学习框架 |
# | tensor | 张量 |
# | variable | 变量 |
# | computation graph | 计算图 |
# | automatic differentiation | 自动微分 |
# | one-hot vector | one-hot 向量 |
# | forward propagation | 前向传播 |
# | cost function | 代价函数 |
# | mini-batch | mini-batch |
# | Adam optimization algorithm | Adam 优化算法 |

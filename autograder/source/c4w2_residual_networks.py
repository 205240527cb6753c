# %% [markdown]
# # Residual networks
#
# Deeper networks can represent more complicated functions, yet for a long time adding layers made
# networks *worse*, not only on new data but on the training data itself. A plain stack of 50
# convolutions is harder to optimize than a stack of 10. Kaiming He and his colleagues fixed this in
# 2015 with **residual networks** (ResNets): every few layers, a **skip connection** adds a block's
# input to its output, so that each block only has to learn a correction to what it receives.
#
# In this notebook you will
# - write the two blocks a ResNet is made of, the **identity block** and the **convolutional block**,
#   with Keras's functional API,
# - train a plain network and its residual twin, built from your blocks, at two depths, and measure
#   what the shortcuts change,
# - assemble **ResNet-50** (50 weight layers, 23.6 million parameters) from your blocks,
# - load trained weights into a narrow ResNet-50 made of your blocks and let it read digits, including
#   one of your own.
#
# Write your code between `### START CODE HERE ###` and `### END CODE HERE ###` and run the test
# cell below each exercise.

# %%
import os

import numpy as np
import matplotlib.pyplot as plt
import tensorflow as tf
from tensorflow.keras.initializers import constant, glorot_uniform, identity, random_uniform
from tensorflow.keras.layers import (Activation, Add, AveragePooling2D, BatchNormalization, Conv2D, Dense, Flatten,
                                     Input, MaxPooling2D, ZeroPadding2D)
from tensorflow.keras.models import Model

from helpers.images import image_to_example, load_tinted_digits_dataset
from helpers.plotting import plot_image_grid
from helpers.public_tests.c4w2_residual_networks import (
    ResNet50_test,
    convolutional_block_test,
    identity_block_test,
)
from helpers.residual_lesson import (
    compare_twins,
    describe_twins,
    layer_table,
    load_sample_digit,
    load_small_digits,
    plot_gradient_norms,
    plot_predictions,
    plot_training_losses,
)
from helpers.trained_models import load_weights
from helpers.trained_models.resnet50_narrow import build_resnet50_narrow

tf.get_logger().setLevel("ERROR")  # keep TensorFlow's informational messages out of the notebook

# %% [markdown]
# ## 1. Why depth needs help
#
# In theory, a deeper network can do at least as well as a shallower one: its extra layers could
# simply copy their input to their output. In practice, gradient descent does not find that solution.
# Train plain networks of growing depth and their **training** error first falls, then rises again.
# This is the **degradation problem**. It is not overfitting — the deeper network fits its own training
# set worse — but a failure of optimization. Part of the reason is the one you met in Course 2:
# backpropagated through many layers, gradients are multiplied again and again, and their size drifts
# far from one layer to the next (**vanishing** or **exploding gradients**).
#
# A **residual block** changes what the layers have to learn. Its main path computes, as usual,
#
# $$z^{[l+1]} = W^{[l+1]} a^{[l]} + b^{[l+1]}, \quad a^{[l+1]} = g(z^{[l+1]}), \quad
# z^{[l+2]} = W^{[l+2]} a^{[l+1]} + b^{[l+2]},$$
#
# but before the last ReLU it adds the block's input, carried over by a **shortcut** (skip connection):
#
# $$a^{[l+2]} = g\big(z^{[l+2]} + a^{[l]}\big).$$
#
# If the weights of the last layer shrink to zero, $z^{[l+2]} = 0$ and the block returns
# $g(a^{[l]}) = a^{[l]}$ ($a^{[l]}$ came out of a ReLU, so it is non-negative): the **identity
# function** costs a residual block nothing, and stacking more blocks cannot make the network worse
# than the shallower one. On the way back, the addition passes the gradient to $a^{[l]}$ unchanged,
# whatever the main path does to it.
#
# ## 2. The identity block
#
# ResNet-50 uses a "bottleneck" version of the block, with three convolutions on the main path
# instead of two and batch normalization after each:
#
# | | main path | shortcut |
# |---|---|---|
# | 1 | `Conv2D` with $F_1$ filters of 1×1, stride 1, `'valid'` padding → `BatchNormalization` → ReLU | the input `X`, unchanged |
# | 2 | `Conv2D` with $F_2$ filters of $f \times f$, stride 1, `'same'` padding → `BatchNormalization` → ReLU | |
# | 3 | `Conv2D` with $F_3$ filters of 1×1, stride 1, `'valid'` padding → `BatchNormalization` | |
# | | add the main path and the shortcut, then ReLU | |
#
# The first 1×1 convolution shrinks the number of channels, the $f \times f$ convolution works on
# this thinner volume, and the last 1×1 convolution restores $F_3$ channels. Since the shortcut is
# the input itself, the output must have the input's shape: $F_3$ equals the number of channels of
# `X`, and the `'same'` padding keeps the height and width.
#
# **Keras's functional API.** A layer is an object that you create with its settings and then call
# on a tensor: `X = Conv2D(filters=F1, kernel_size=1, strides=(1, 1), padding='valid')(X)`. Every
# call returns a new tensor, which you pass to the next layer. Four details:
# - give every convolution `kernel_initializer=initializer(seed=0)`: the seed makes the block's
#   initial weights, and so its output, the same at every call;
# - `BatchNormalization(axis=3)` normalizes each of the **channels** (axis 3 of an `(m, n_H, n_W, n_C)`
#   tensor). Pass the block's `training` argument when you call it: `BatchNormalization(axis=3)(X,
#   training=training)`. With `training=True` it normalizes with the mean and variance of the
#   current mini-batch; with `False`, with the moving averages it kept during training;
# - apply the ReLU with an `Activation('relu')` layer, as the original ResNet-50 code does;
# - add two tensors with an `Add()` layer: `Add()([X, X_shortcut])`.
#
# ### Exercise 1: `identity_block`

# %%
# GRADED FUNCTION: identity_block
def identity_block(X, f, filters, training=True, initializer=random_uniform):
    """
    The identity block: three convolutions with batch normalization on the main path, the input on the shortcut.

    Arguments:
    X -- input tensor of shape (m, n_H_prev, n_W_prev, n_C_prev)
    f -- integer, height and width of the window of the main path's middle convolution
    filters -- list of three integers [F1, F2, F3], the numbers of filters of the main path's convolutions;
               F3 must equal n_C_prev
    training -- True: batch normalization uses the statistics of the mini-batch (training mode);
                False: its moving averages (inference mode)
    initializer -- initializer class of the convolutions' kernels, called as initializer(seed=0);
                   random uniform by default

    Returns:
    X -- output of the block, tensor of shape (m, n_H_prev, n_W_prev, F3)
    """
    # Retrieve Filters
    F1, F2, F3 = filters

    # The shortcut: the input itself, added back at the end
    X_shortcut = X

    ## First component of main path
    ### START CODE HERE ### (≈ 3 lines of code)
    X = Conv2D(filters=F1, kernel_size=1, strides=(1, 1), padding='valid', kernel_initializer=initializer(seed=0))(X)
    X = BatchNormalization(axis=3)(X, training=training)
    X = Activation('relu')(X)
    ### END CODE HERE ###

    ## Second component of main path
    ### START CODE HERE ### (≈ 3 lines of code)
    X = Conv2D(filters=F2, kernel_size=f, strides=(1, 1), padding='same', kernel_initializer=initializer(seed=0))(X)
    X = BatchNormalization(axis=3)(X, training=training)
    X = Activation('relu')(X)
    ### END CODE HERE ###

    ## Third component of main path
    ### START CODE HERE ### (≈ 2 lines of code)
    X = Conv2D(filters=F3, kernel_size=1, strides=(1, 1), padding='valid', kernel_initializer=initializer(seed=0))(X)
    X = BatchNormalization(axis=3)(X, training=training)
    ### END CODE HERE ###

    ## Final step: add the shortcut to the main path, then a ReLU
    ### START CODE HERE ### (≈ 2 lines of code)
    X = Add()([X, X_shortcut])
    X = Activation('relu')(X)
    ### END CODE HERE ###

    return X


# %% [markdown]
# The test calls your block on three images of 4×4×3 whose pixels are all −1, all 1 and all 3, with
# every weight set to 1 (`initializer=lambda seed=0: constant(value=1)`), once in inference mode and
# once in training mode, and compares the averages of the output's rows. It also builds your block on
# a symbolic input and compares it with the expected block layer by layer.

# %%
identity_block_test(identity_block)

# %%
# HIDDEN TESTS: identity_block

# %% [markdown]
# A block applied to a Keras `Input` builds a graph instead of computing numbers, and wrapping it in a
# `Model` lets you look at it. Here is your identity block on a 4×4×3 input with `filters=[4, 4, 3]`:
# eleven layers, from the input to the last ReLU. A 1×1 convolution from 3 to 4 channels has
# $3 \cdot 4 + 4 = 16$ parameters; each batch normalization has four per channel ($\gamma$, $\beta$,
# and the moving mean and variance, which are not trained).

# %%
X_input = Input((4, 4, 3))
print(layer_table(Model(X_input, identity_block(X_input, f=2, filters=[4, 4, 3], training=False))))

# %% [markdown]
# ## 3. The convolutional block
#
# The identity block cannot change the shape of its input, yet a network must shrink its feature maps
# and deepen them as it goes. The **convolutional block** does it: its first convolution has a stride
# $s$, and the shortcut gets a convolution of its own — the matrix $W_s$ of the lecture, here a 1×1
# convolution with $F_3$ filters and the same stride $s$, followed by batch normalization — so that both
# paths arrive with the same shape:
#
# | | main path | shortcut |
# |---|---|---|
# | 1 | `Conv2D` with $F_1$ filters of 1×1, **stride $s$**, `'valid'` → `BatchNormalization` → ReLU | `Conv2D` with $F_3$ filters of 1×1, **stride $s$**, `'valid'` → `BatchNormalization` |
# | 2 | `Conv2D` with $F_2$ filters of $f \times f$, stride 1, `'same'` → `BatchNormalization` → ReLU | |
# | 3 | `Conv2D` with $F_3$ filters of 1×1, stride 1, `'valid'` → `BatchNormalization` | |
# | | add the main path and the shortcut, then ReLU | |
#
# Every convolution again gets `kernel_initializer=initializer(seed=0)` (here Glorot uniform by
# default) and every batch normalization `axis=3` and `training=training`. Write `strides=(s, s)` for
# a stride of $s$ in both directions.
#
# ### Exercise 2: `convolutional_block`

# %%
# GRADED FUNCTION: convolutional_block
def convolutional_block(X, f, filters, s=2, training=True, initializer=glorot_uniform):
    """
    The convolutional block: like the identity block, with a stride s on the main path's first convolution
    and a 1x1 convolution of stride s with batch normalization on the shortcut.

    Arguments:
    X -- input tensor of shape (m, n_H_prev, n_W_prev, n_C_prev)
    f -- integer, height and width of the window of the main path's middle convolution
    filters -- list of three integers [F1, F2, F3], the numbers of filters of the main path's convolutions
    s -- integer, the stride of the main path's first convolution and of the shortcut's convolution
    training -- True: batch normalization uses the statistics of the mini-batch (training mode);
                False: its moving averages (inference mode)
    initializer -- initializer class of the convolutions' kernels, called as initializer(seed=0);
                   Glorot uniform (also called Xavier uniform) by default

    Returns:
    X -- output of the block, tensor of shape (m, n_H, n_W, F3), n_H and n_W about n_H_prev / s and n_W_prev / s
    """
    # Retrieve Filters
    F1, F2, F3 = filters

    # The shortcut starts from the input
    X_shortcut = X

    ##### MAIN PATH #####
    ## First component of main path
    ### START CODE HERE ### (≈ 3 lines of code)
    X = Conv2D(filters=F1, kernel_size=1, strides=(s, s), padding='valid', kernel_initializer=initializer(seed=0))(X)
    X = BatchNormalization(axis=3)(X, training=training)
    X = Activation('relu')(X)
    ### END CODE HERE ###

    ## Second component of main path
    ### START CODE HERE ### (≈ 3 lines of code)
    X = Conv2D(filters=F2, kernel_size=f, strides=(1, 1), padding='same', kernel_initializer=initializer(seed=0))(X)
    X = BatchNormalization(axis=3)(X, training=training)
    X = Activation('relu')(X)
    ### END CODE HERE ###

    ## Third component of main path
    ### START CODE HERE ### (≈ 2 lines of code)
    X = Conv2D(filters=F3, kernel_size=1, strides=(1, 1), padding='valid', kernel_initializer=initializer(seed=0))(X)
    X = BatchNormalization(axis=3)(X, training=training)
    ### END CODE HERE ###

    ##### SHORTCUT PATH #####
    ### START CODE HERE ### (≈ 2 lines of code)
    X_shortcut = Conv2D(filters=F3, kernel_size=1, strides=(s, s), padding='valid',
                        kernel_initializer=initializer(seed=0))(X_shortcut)
    X_shortcut = BatchNormalization(axis=3)(X_shortcut, training=training)
    ### END CODE HERE ###

    ## Final step: add the shortcut to the main path, Add()([X, X_shortcut]), then a ReLU
    ### START CODE HERE ### (≈ 2 lines of code)
    X = Add()([X, X_shortcut])
    X = Activation('relu')(X)
    ### END CODE HERE ###

    return X


# %% [markdown]
# The test runs your block on the same three images, with `f=2`, `filters=[2, 4, 6]` and the default
# stride of 2, so the output is 2×2×6; it also checks that two calls give the same output (every
# convolution seeded) and compares the block with the expected one layer by layer.

# %%
convolutional_block_test(convolutional_block)

# %%
# HIDDEN TESTS: convolutional_block

# %% [markdown]
# Your convolutional block on a 6×6×4 input with `filters=[2, 3, 5]` and `s=2`: the main path and the
# shortcut both halve the height and width, and both end with five channels, so they can be added.
# (The table lists the layers from the input on; the shortcut's convolution and batch normalization
# appear next to the main path's last ones, at the same distance from the output.)

# %%
X_input = Input((6, 6, 4))
print(layer_table(Model(X_input, convolutional_block(X_input, f=3, filters=[2, 3, 5], s=2, training=False))))

# %% [markdown]
# ## 4. What the shortcuts change, measured
#
# Does the shortcut really make a deep network easier to train? Test it with two twins. The
# **residual twin** is a small ResNet made of *your* blocks: a 3×3 convolution with 16 filters, then
# three stages — a convolutional block (stride 1, 2, 2) followed by `n_identity` identity blocks, with
# 4, 8 and 16 filters in the bottlenecks and four times as many at their outputs — then global
# average pooling and a softmax over the six digits. The **plain twin** has exactly the same
# convolutions, batch normalizations and ReLUs, with the same initial weights, but no shortcut: no
# addition, and so no projection on the convolutional blocks' shortcuts either.
#
# With `n_identity=0` the twins have 11 weight layers; with `n_identity=5` they have 56 (counting, as
# the ResNet paper does, every convolution on the main path and the softmax layer). The data are the
# tinted digits of Course 2, shrunk to 24×24 pixels to keep the training short: the same 1,080
# training images of the digits 0 to 5, each painted in random colours.
#
# `compare_twins` first measures, for each of the four networks, the gradient of the cost with respect
# to every convolution's weights, on 64 training images, before any training. Then it trains each
# network for five epochs with Adam (learning rate 0.003, mini-batches of 32), from the same seed, and
# records the training loss of every mini-batch. All four take about a minute and a half.

# %%
X_small, y_small, _, _ = load_small_digits(num_px=24)
runs = compare_twins(identity_block, convolutional_block, X_small, y_small, n_identities=(0, 5), epochs=5)
print(describe_twins(runs))

# %%
fig, (ax_loss, ax_gradient) = plt.subplots(1, 2, figsize=(13, 4.4), layout="constrained")
plot_training_losses(runs, ax=ax_loss)
plot_gradient_norms(runs, ax=ax_gradient);

# %% [markdown]
# **What the twins show.**
#
# - **At 11 layers the shortcuts hardly matter**: both twins learn, at about the same pace.
# - **At 56 layers the plain twin does not learn at all**: its loss stays at $\ln 6 \approx 1.79$, the
#   loss of a uniform guess among six digits, for all five epochs. Five times more layers, with more
#   capacity than the shallow network, and a training loss far *worse* than the shallow network's:
#   the degradation problem, on your screen.
# - **At 56 layers the residual twin learns.** Its first mini-batches are rougher (its loss starts
#   above the uniform guess), then its loss falls far below the plain twin's, often below the 11-layer
#   networks' too. How far it gets in five epochs differs from machine to machine (we measured final
#   losses from 0.47 to 1.34): a deep network's path depends on the order in which the processor adds
#   up numbers, which changes with the number of threads and the math library.
# - **The gradients** (right) explain part of it. In the plain 56-layer network they are wildly
#   uneven before training starts: more than $10^4$ times larger at the first convolution than at
#   the last (the printed ratios above). You may have expected them to *vanish* toward the input, as in
#   the lecture's deep network without normalization; with batch normalization after every
#   convolution, a deep plain stack tends to make them *explode* instead. Either way, no single
#   learning rate suits layers whose gradients differ by four orders of magnitude. The residual twin's
#   gradients stay within a factor of about 50 from one end to the other: every addition hands the
#   gradient back to the block's input unchanged, so no layer is far from the cost.
#
# Fifty-six layers is shallow by ResNet standards: the ResNet paper trained residual networks of 110
# and even 1,202 layers on small images like these. The next step is ResNet-50, one of the networks
# the paper trained on ImageNet's 1.2 million photos.

# %% [markdown]
# ## 5. ResNet-50
#
# ResNet-50 stacks 16 of your blocks, in four stages, between a short stem and a softmax layer:
#
# | stage | layers | output for a 64×64×3 input |
# |---|---|---|
# | stem | `ZeroPadding2D((3, 3))` → `Conv2D` 64 filters of 7×7, stride (2, 2) → `BatchNormalization(axis=3)` → ReLU → `MaxPooling2D((3, 3), strides=(2, 2))` | 15×15×64 |
# | 2 | convolutional block, `f=3`, `filters=[64, 64, 256]`, **`s=1`**, then 2 identity blocks with the same `f` and filters | 15×15×256 |
# | 3 | convolutional block, `f=3`, `filters=[128, 128, 512]`, `s=2`, then 3 identity blocks | 8×8×512 |
# | 4 | convolutional block, `f=3`, `filters=[256, 256, 1024]`, `s=2`, then 5 identity blocks | 4×4×1024 |
# | 5 | convolutional block, `f=3`, `filters=[512, 512, 2048]`, `s=2`, then 2 identity blocks | 2×2×2048 |
# | head | `AveragePooling2D((2, 2))` → `Flatten()` → `Dense(classes, activation='softmax')` | `classes` |
#
# The stem's convolution and the softmax layer get `kernel_initializer=glorot_uniform(seed=0)`. Stage 2
# keeps the height and width (`s=1`) because the max pooling has just halved them. Pass `training` on
# to every block and to the stem's batch normalization: with the default `training=False`, calling the
# model directly, `model(X)`, normalizes with the moving averages, as a trained network should (Keras's
# `fit` always trains with the statistics of the mini-batch). Counting the stem's convolution, the
# 16 × 3 convolutions of the main paths and the softmax layer gives the 50 weight layers of the name.
#
# ### Exercise 3: `ResNet50`

# %%
# GRADED FUNCTION: ResNet50
def ResNet50(input_shape=(64, 64, 3), classes=6, training=False):
    """
    ResNet-50, stage by stage:
    ZEROPAD -> CONV2D -> BATCHNORM -> RELU -> MAXPOOL -> CONVBLOCK -> IDBLOCK*2 -> CONVBLOCK -> IDBLOCK*3
    -> CONVBLOCK -> IDBLOCK*5 -> CONVBLOCK -> IDBLOCK*2 -> AVGPOOL -> FLATTEN -> DENSE (softmax)

    Arguments:
    input_shape -- shape of one input image, (n_H, n_W, n_C)
    classes -- integer, number of classes
    training -- passed to every batch normalization (see identity_block)

    Returns:
    model -- a keras Model from the images to the probabilities of the classes
    """
    # Define the input as a tensor with shape input_shape
    X_input = Input(input_shape)

    ## Stage 1 (the stem): zero-padding, convolution, batch normalization, ReLU, max pooling
    ### START CODE HERE ### (≈ 5 lines of code)
    X = ZeroPadding2D((3, 3))(X_input)
    X = Conv2D(64, (7, 7), strides=(2, 2), kernel_initializer=glorot_uniform(seed=0))(X)
    X = BatchNormalization(axis=3)(X, training=training)
    X = Activation('relu')(X)
    X = MaxPooling2D((3, 3), strides=(2, 2))(X)
    ### END CODE HERE ###

    ## Stage 2: a convolutional block with s=1, then 2 identity blocks
    ### START CODE HERE ### (≈ 3 lines of code)
    X = convolutional_block(X, f=3, filters=[64, 64, 256], s=1, training=training)
    X = identity_block(X, 3, [64, 64, 256], training=training)
    X = identity_block(X, 3, [64, 64, 256], training=training)
    ### END CODE HERE ###

    ## Stage 3: a convolutional block with s=2, then 3 identity blocks
    ### START CODE HERE ### (≈ 4 lines of code)
    X = convolutional_block(X, f=3, filters=[128, 128, 512], s=2, training=training)
    X = identity_block(X, 3, [128, 128, 512], training=training)
    X = identity_block(X, 3, [128, 128, 512], training=training)
    X = identity_block(X, 3, [128, 128, 512], training=training)
    ### END CODE HERE ###

    ## Stage 4: a convolutional block with s=2, then 5 identity blocks
    ### START CODE HERE ### (≈ 6 lines of code)
    X = convolutional_block(X, f=3, filters=[256, 256, 1024], s=2, training=training)
    X = identity_block(X, 3, [256, 256, 1024], training=training)
    X = identity_block(X, 3, [256, 256, 1024], training=training)
    X = identity_block(X, 3, [256, 256, 1024], training=training)
    X = identity_block(X, 3, [256, 256, 1024], training=training)
    X = identity_block(X, 3, [256, 256, 1024], training=training)
    ### END CODE HERE ###

    ## Stage 5: a convolutional block with s=2, then 2 identity blocks
    ### START CODE HERE ### (≈ 3 lines of code)
    X = convolutional_block(X, f=3, filters=[512, 512, 2048], s=2, training=training)
    X = identity_block(X, 3, [512, 512, 2048], training=training)
    X = identity_block(X, 3, [512, 512, 2048], training=training)
    ### END CODE HERE ###

    ## Average pooling, flattening and the softmax layer
    ### START CODE HERE ### (≈ 3 lines of code)
    X = AveragePooling2D((2, 2))(X)
    X = Flatten()(X)
    X = Dense(classes, activation='softmax', kernel_initializer=glorot_uniform(seed=0))(X)
    ### END CODE HERE ###

    # The model, from the input to the probabilities
    model = Model(inputs=X_input, outputs=X)

    return model


# %% [markdown]
# The test builds your network for 64×64×3 images and six classes and checks its inputs and outputs,
# its parameter counts, how many layers of each kind it has, the stem and the head layer by layer,
# and the shape after every addition (three additions at 15×15×256, four at 8×8×512, six at 4×4×1024
# and three at 2×2×2048).

# %%
ResNet50_test(ResNet50)

# %%
# HIDDEN TESTS: ResNet50

# %% [markdown]
# Building the network is quick; here are its first layers, its last ones and its size. Of its
# 23,600,006 parameters, 53,120 are the moving means and variances of its 53 batch normalizations,
# which are measured rather than trained.

# %%
model = ResNet50(input_shape=(64, 64, 3), classes=6)
print(layer_table(model, first=12, last=5))

# %% [markdown]
# A forward pass works right away. On four test digits, the untrained network spreads its guesses
# about evenly over the six classes: its weights are still random.

# %%
train_set_x_orig, train_set_y, test_set_x_orig, test_set_y, classes = load_tinted_digits_dataset()
X_test = (test_set_x_orig / 255).astype(np.float32)
Y_test = test_set_y[0]
probabilities = model.predict(X_test[:4], verbose=0)
print(np.round(probabilities, 3))

# %% [markdown]
# Training it is another matter. On the two-core machine this course is tested on, one mini-batch of
# 32 images takes about two seconds, so one epoch over the 1,080 training images takes about a
# minute; the original assignment trained for ten epochs and reached about 80 % test accuracy on its
# hand signs, then loaded weights trained for longer.
#
# ## 6. A trained ResNet-50, built from your blocks
#
# This course ships trained weights too — for a narrower network. `build_resnet50_narrow` assembles
# **ResNet-50's exact structure from your own `identity_block` and `convolutional_block`**, with every
# number of filters divided by 8: 385,654 parameters instead of 23.6 million. The weights were trained
# once, offline and seeded, on the 1,080 tinted training digits (40 epochs, images shifted and
# recoloured at every epoch; see `helpers/trained_models/resnet50_narrow.py`); `load_weights` copies
# them into your network, layer by layer. The original assignment shipped a full-width ResNet-50
# trained on its hand-sign photos, which reached 95 % on its test set. Whether the narrow network
# reaches its recorded 95.8 % on the 120 test digits depends on your blocks: the weights only fit the
# network they were trained in.

# %%
trained = build_resnet50_narrow(identity_block, convolutional_block, input_shape=(64, 64, 3), classes=6)
load_weights(trained, "resnet50_narrow_digits")
trained.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
test_loss, test_accuracy = trained.evaluate(X_test, Y_test, verbose=0)
print(f"test loss {test_loss:.4f}, test accuracy {test_accuracy:.4f} ({round(test_accuracy * len(Y_test))} of "
      f"{len(Y_test)})")

# %%
probabilities = trained.predict(X_test[:12], verbose=0)
plot_predictions(test_set_x_orig[:12], probabilities, labels=Y_test[:12]);

# %% [markdown]
# ### Try your own digit
#
# Write a digit from 0 to 5 with a dark pen on white paper, photograph it, put the file next to this
# notebook and set `my_image` to its name. `image_to_example` crops it to a square, shrinks it to
# 64×64 and, with `invert=True`, turns dark ink on light paper into light ink on a dark background,
# like the training images. Until you add a photo, the cell uses a handwritten 2 from another
# collection (scikit-learn's 8×8 scans), which the network has never seen.

# %%
my_image = "my_digit.jpg"

image = my_image if os.path.exists(my_image) else load_sample_digit(2)
example = image_to_example(image, 64, channels=3, invert=True)
probabilities = trained.predict(example[None] / 255, verbose=0)[0]
digit = int(np.argmax(probabilities))
plot_image_grid([image, example], ["your picture", f"the input: says {digit} ({100 * probabilities[digit]:.0f} %)"],
                ncols=2, figsize_per_image=2.2)
print("probabilities of 0 to 5:", np.round(probabilities, 3))

# %% [markdown]
# ## What you built
# - An identity block and a convolutional block: three convolutions with batch normalization on the
#   main path, and a shortcut that is the input itself or its 1×1 projection.
# - Two twins of 11 and 56 layers: the plain 56-layer network could not train at all, the residual
#   one trained better than both shallow ones; before training, the plain network's gradients spanned
#   four orders of magnitude, the residual one's less than two.
# - ResNet-50, 23,600,006 parameters in 16 blocks of yours.
# - A narrow ResNet-50 of your blocks with trained weights, reading test digits and your own.

# %% [markdown]
# ## Glossary · 术语表
#
# | English | 中文 |
# |---|---|
# | residual network (ResNet) | 残差网络 |
# | residual block | 残差块 |
# | skip connection / shortcut | 跳跃连接 / 捷径 |
# | plain network | 普通网络 |
# | identity function | 恒等函数 |
# | identity block / convolutional block | 恒等块 / 卷积块 |
# | degradation problem | 退化问题 |
# | vanishing / exploding gradients | 梯度消失 / 梯度爆炸 |
# | batch normalization | 批归一化 |
# | same convolution | same 卷积 |
# | 1×1 convolution | 1×1 卷积 |

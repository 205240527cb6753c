# %% [markdown]
# # 1×1 convolutions and the Inception module
#
# A convolution with a 1×1 filter looks useless: it sees one pixel at a time. Yet it is one of the most
# used layers of modern networks. On a volume with many channels, a 1×1 convolution mixes the channels of
# each pixel — a small fully connected layer applied at every position (Lin, Chen and Yan called the idea
# **network in network**) — and it can shrink the number of channels, cheaply, before an expensive
# convolution. The **Inception module** of Szegedy and colleagues (GoogLeNet, 2014) is built on that
# trick: instead of choosing between a 1×1, a 3×3 or a 5×5 convolution or a pooling layer, it applies
# them all side by side and stacks their outputs, with 1×1 **bottleneck layers** keeping the cost down.
#
# The original course teaches these ideas in its lectures only. In this notebook you will
# - compute a 1×1 convolution in numpy and see that it is a dense layer applied at every pixel,
# - count the multiplications and the parameters of a convolution, with and without a 1×1 bottleneck,
#   and find the lecture's 120 million and 12.4 million,
# - build an Inception block in Keras and a small Inception network from it,
# - train it against a plain network with as many parameters, on the tinted digits, and compare.
#
# Write your code between `### START CODE HERE ###` and `### END CODE HERE ###` and run the test
# cell below each exercise.

# %%
import numpy as np
import matplotlib.pyplot as plt
import tensorflow as tf
from tensorflow.keras.initializers import glorot_uniform
from tensorflow.keras.layers import Concatenate, Conv2D, Dense, GlobalAveragePooling2D, Input, MaxPooling2D
from tensorflow.keras.models import Model

from helpers.convolution import conv_forward_im2col
from helpers.inception_lesson import (
    LECTURE_FILTERS,
    compare_networks,
    cost_table,
    describe_networks,
    inception_cost_widget,
    model_multiplications,
    plot_bottleneck_costs,
    plot_comparison,
)
from helpers.public_tests.c4w2_one_by_one_convolutions_and_inception import (
    bottleneck_cost_test,
    conv_multiplications_test,
    conv_parameters_test,
    inception_block_test,
    one_by_one_conv_test,
    small_inception_net_test,
)
from helpers.residual_lesson import load_small_digits

tf.get_logger().setLevel("ERROR")  # keep TensorFlow's informational messages out of the notebook

# %% [markdown]
# ## 1. What a 1×1 convolution computes
#
# On an image with a single channel, a 1×1 filter only multiplies every pixel by a number: a filter
# holding 2 turns the pixels 1, 2, 3 into 2, 4, 6. On a volume of $n_H \times n_W \times n_{C_{prev}}$
# it does much more. At each position it takes the $n_{C_{prev}}$ numbers of that pixel, multiplies them
# by the filter's $n_{C_{prev}}$ weights and adds a bias. With $n_C$ filters, every pixel's vector of
# channels goes through the same small fully connected layer:
#
# $$Z[i, h, w, :] = A_{prev}[i, h, w, :] \; W_{1 \times 1} + b, \qquad W_{1 \times 1} \text{ of shape }
# (n_{C_{prev}}, n_C),$$
#
# and a ReLU usually follows, as after any convolution. The output keeps the height and width and has
# $n_C$ channels: fewer than the input's when the layer shrinks a volume (28×28×192 → 28×28×32 with 32
# filters), as many when it only adds a non-linearity.
#
# ### Exercise 1: `one_by_one_conv`
#
# Write the forward pass of a 1×1 convolution (stride 1, no padding), with the shapes of Course 4
# week 1: `W` of shape `(1, 1, n_C_prev, n_C)` and `b` of shape `(1, 1, 1, n_C)`. No loop is needed:
# `W[0, 0]` is the matrix of the formula, and numpy's `@` (or `np.dot`) multiplies the last axis of
# `A_prev` with it for every example and pixel at once.

# %%
# GRADED FUNCTION: one_by_one_conv
def one_by_one_conv(A_prev, W, b):
    """
    The forward pass of a 1x1 convolution, stride 1, no padding.

    Arguments:
    A_prev -- output activations of the previous layer, numpy array of shape (m, n_H, n_W, n_C_prev)
    W -- weights, numpy array of shape (1, 1, n_C_prev, n_C)
    b -- biases, numpy array of shape (1, 1, 1, n_C)

    Returns:
    Z -- the convolution's output, numpy array of shape (m, n_H, n_W, n_C)
    """
    ### START CODE HERE ### (≈ 1 line of code)
    Z = A_prev @ W[0, 0] + b[0, 0, 0]
    ### END CODE HERE ###

    return Z


# %%
one_by_one_conv_test(one_by_one_conv)

# %%
# HIDDEN TESTS: one_by_one_conv

# %% [markdown]
# Your function and the general convolution of week 1 (here its vectorized version, `conv_forward_im2col`)
# must agree when the filter is 1×1. Check it on a batch shaped like the lecture's volume, shrunk from
# 192 to 32 channels:

# %%
rng = np.random.default_rng(0)
A_prev = rng.normal(size=(2, 28, 28, 192))
W, b = rng.normal(size=(1, 1, 192, 32)) / np.sqrt(192), rng.normal(size=(1, 1, 1, 32))
Z = one_by_one_conv(A_prev, W, b)
Z_week1, _ = conv_forward_im2col(A_prev, W, b, {"pad": 0, "stride": 1})
print(f"{A_prev.shape} -> {Z.shape}; largest difference from week 1's convolution: {np.abs(Z - Z_week1).max():.1e}")

# %% [markdown]
# ## 2. What a convolution costs
#
# Each number of a convolution's output is a sum over one window of the input: $f \cdot f \cdot
# n_{C_{prev}}$ products of an input value with a weight. The output holds $n_H \cdot n_W \cdot n_C$
# numbers, so the layer makes
#
# $$\text{multiplications} = (n_H \cdot n_W \cdot n_C) \cdot (f \cdot f \cdot n_{C_{prev}})$$
#
# multiplications for one example, where $n_H$, $n_W$ and $n_C$ describe the **output** (with a
# 'same' convolution, the height and width of the input too). The layer stores $n_C$ filters of $f
# \times f \times n_{C_{prev}}$ weights and one bias per filter:
#
# $$\text{parameters} = (f \cdot f \cdot n_{C_{prev}} + 1) \cdot n_C.$$
#
# The first grows with the size of the image, the second does not: a convolution has as many
# parameters on a 28×28 volume as on a 1000×1000 one.
#
# ### Exercise 2: `conv_multiplications`

# %%
# GRADED FUNCTION: conv_multiplications
def conv_multiplications(n_H, n_W, n_C_prev, f, n_C):
    """
    Multiplications a convolution makes on one example.

    Arguments:
    n_H, n_W -- integers, height and width of the convolution's output
    n_C_prev -- integer, channels of its input
    f -- integer, height and width of its filters
    n_C -- integer, number of filters (channels of its output)

    Returns:
    multiplications -- integer, (n_H * n_W * n_C) * (f * f * n_C_prev)
    """
    ### START CODE HERE ### (≈ 1 line of code)
    multiplications = n_H * n_W * n_C * f * f * n_C_prev
    ### END CODE HERE ###

    return multiplications


# %%
conv_multiplications_test(conv_multiplications)

# %%
# HIDDEN TESTS: conv_multiplications

# %% [markdown]
# ### Exercise 3: `conv_parameters`

# %%
# GRADED FUNCTION: conv_parameters
def conv_parameters(n_C_prev, f, n_C):
    """
    Parameters of a convolution: the weights of its filters and one bias per filter.

    Arguments:
    n_C_prev -- integer, channels of its input
    f -- integer, height and width of its filters
    n_C -- integer, number of filters

    Returns:
    parameters -- integer, (f * f * n_C_prev + 1) * n_C
    """
    ### START CODE HERE ### (≈ 1 line of code)
    parameters = (f * f * n_C_prev + 1) * n_C
    ### END CODE HERE ###

    return parameters


# %%
conv_parameters_test(conv_parameters)

# %%
# HIDDEN TESTS: conv_parameters

# %% [markdown]
# ### The lecture's example
#
# A 'same' convolution of 32 filters of 5×5 on a 28×28×192 volume: every one of the 28·28·32 output
# numbers needs 5·5·192 multiplications.

# %%
direct = conv_multiplications(28, 28, 192, 5, 32)
print(f"5x5 convolution, 28x28x192 -> 28x28x32: {direct:,} multiplications, "
      f"{conv_parameters(192, 5, 32):,} parameters")

# %% [markdown]
# About 120 million multiplications for one layer and one image. A **bottleneck** does it in two steps:
# a 1×1 convolution first shrinks the volume to a few channels (16 in the lecture), then the 5×5
# convolution works on this thin volume. The output has the same shape, 28×28×32.
#
# ### Exercise 4: `bottleneck_cost`
#
# Add up the two convolutions' multiplications and parameters with your two functions: the 1×1
# convolution from `n_C_prev` to `n_C_reduce` channels, then the `f`×`f` convolution from `n_C_reduce`
# to `n_C` channels, both on an `n_H`×`n_W` volume.

# %%
# GRADED FUNCTION: bottleneck_cost
def bottleneck_cost(n_H, n_W, n_C_prev, n_C_reduce, f, n_C):
    """
    Multiplications and parameters of a 1x1 convolution to n_C_reduce channels followed by an f x f 'same'
    convolution to n_C channels.

    Arguments:
    n_H, n_W -- integers, height and width of the volume (kept by both convolutions)
    n_C_prev -- integer, channels of the input
    n_C_reduce -- integer, channels after the 1x1 convolution (the bottleneck)
    f -- integer, height and width of the second convolution's filters
    n_C -- integer, channels of the output

    Returns:
    multiplications -- integer, multiplications of both convolutions on one example
    parameters -- integer, parameters of both convolutions
    """
    ### START CODE HERE ### (≈ 2 lines of code)
    multiplications = (conv_multiplications(n_H, n_W, n_C_prev, 1, n_C_reduce)
                       + conv_multiplications(n_H, n_W, n_C_reduce, f, n_C))
    parameters = conv_parameters(n_C_prev, 1, n_C_reduce) + conv_parameters(n_C_reduce, f, n_C)
    ### END CODE HERE ###

    return multiplications, parameters


# %%
bottleneck_cost_test(bottleneck_cost)

# %%
# HIDDEN TESTS: bottleneck_cost

# %%
multiplications, parameters = bottleneck_cost(28, 28, 192, 16, 5, 32)
reduce = conv_multiplications(28, 28, 192, 1, 16)
print(f"1x1 convolution 192 -> 16: {reduce:,} multiplications; then 5x5 convolution 16 -> 32: "
      f"{multiplications - reduce:,}")
print(f"with the bottleneck: {multiplications:,} multiplications, {parameters:,} parameters")
print(f"the direct 5x5 convolution makes {direct / multiplications:.1f} times as many multiplications "
      f"and has {conv_parameters(192, 5, 32) / parameters:.1f} times as many parameters")
plot_bottleneck_costs(direct, (reduce, multiplications - reduce));

# %% [markdown]
# The bottleneck cuts the cost about tenfold, from 120.4 to 12.4 million multiplications, and the
# parameters as much. It throws information away, of course: 192 channels squeezed into 16. The bet of
# the Inception network, which its results on ImageNet supported, is that a learned 1×1 convolution
# keeps what the next layer needs, so that a network can afford many more layers and filters for the
# same budget.
#
# ## 3. The Inception block
#
# Which filter size should a layer use — 1×1, 3×3, 5×5 — or should it pool? The Inception block
# does not choose: it runs four **branches** side by side on the same input and stacks their outputs
# along the channels. The lecture's block, on a 28×28×192 volume:
#
# | branch | layers | output |
# |---|---|---|
# | 1 | `Conv2D`, $F_{1\times1}$ = 64 filters of 1×1 | 28×28×64 |
# | 2 | `Conv2D`, $F_{3\times3\,reduce}$ = 96 filters of 1×1 → `Conv2D`, $F_{3\times3}$ = 128 filters of 3×3 | 28×28×128 |
# | 3 | `Conv2D`, $F_{5\times5\,reduce}$ = 16 filters of 1×1 → `Conv2D`, $F_{5\times5}$ = 32 filters of 5×5 | 28×28×32 |
# | 4 | `MaxPooling2D` 3×3, **stride 1** → `Conv2D`, $F_{pool\,proj}$ = 32 filters of 1×1 | 28×28×32 |
# | | `Concatenate` the four outputs along the channels, in this order | 28×28×256 |
#
# For the outputs to be stacked, every branch must keep the height and width: every convolution and the
# max pooling use `padding='same'`, and the pooling a stride of 1 (a stride of 2 would halve the
# volume). The pooling branch would keep all 192 channels of the input; its 1×1 convolution (the
# "pool projection") shrinks them to 32.
#
# Write the block with Keras's functional API, as in the residual networks notebook: create a layer,
# call it on a tensor, pass the result on. The six numbers of filters come in one list, `filters`, in
# the order of the GoogLeNet paper's table and of the arguments above. Three details:
# - every convolution is followed by a ReLU: give each `Conv2D` `activation='relu'`;
# - give every convolution `kernel_initializer=initializer(seed=0)`, so that its initial weights, and
#   the block's output, are the same at every call;
# - `Concatenate(axis=3)([branch_1, branch_2, branch_3, branch_4])` stacks the branches' channels (axis 3
#   of an `(m, n_H, n_W, n_C)` tensor), in that order.
#
# ### Exercise 5: `inception_block`

# %%
# GRADED FUNCTION: inception_block
def inception_block(X, filters, initializer=glorot_uniform):
    """
    The Inception block: four branches on the same input, concatenated along the channels.
    1x1 CONV | 1x1 CONV -> 3x3 CONV | 1x1 CONV -> 5x5 CONV | 3x3 MAXPOOL (stride 1) -> 1x1 CONV, then CONCATENATE;
    every convolution 'same' with a ReLU.

    Arguments:
    X -- input tensor of shape (m, n_H, n_W, n_C_prev)
    filters -- list of six integers [F_1x1, F_3x3_reduce, F_3x3, F_5x5_reduce, F_5x5, F_pool_proj]: the filters
               of the 1x1 branch, of the 1x1 and 3x3 convolutions of the second branch, of the 1x1 and 5x5
               convolutions of the third, and of the 1x1 convolution after the max pooling
    initializer -- initializer class of the convolutions' kernels, called as initializer(seed=0);
                   Glorot uniform by default

    Returns:
    X -- output of the block, tensor of shape (m, n_H, n_W, F_1x1 + F_3x3 + F_5x5 + F_pool_proj)
    """
    # Retrieve Filters
    F_1x1, F_3x3_reduce, F_3x3, F_5x5_reduce, F_5x5, F_pool_proj = filters

    ## Branch 1: a 1x1 convolution
    ### START CODE HERE ### (≈ 1 line of code)
    branch_1 = Conv2D(F_1x1, (1, 1), padding='same', activation='relu', kernel_initializer=initializer(seed=0))(X)
    ### END CODE HERE ###

    ## Branch 2: a 1x1 convolution to F_3x3_reduce channels, then a 3x3 convolution
    ### START CODE HERE ### (≈ 2 lines of code)
    branch_2 = Conv2D(F_3x3_reduce, (1, 1), padding='same', activation='relu', kernel_initializer=initializer(seed=0))(X)
    branch_2 = Conv2D(F_3x3, (3, 3), padding='same', activation='relu', kernel_initializer=initializer(seed=0))(branch_2)
    ### END CODE HERE ###

    ## Branch 3: a 1x1 convolution to F_5x5_reduce channels, then a 5x5 convolution
    ### START CODE HERE ### (≈ 2 lines of code)
    branch_3 = Conv2D(F_5x5_reduce, (1, 1), padding='same', activation='relu', kernel_initializer=initializer(seed=0))(X)
    branch_3 = Conv2D(F_5x5, (5, 5), padding='same', activation='relu', kernel_initializer=initializer(seed=0))(branch_3)
    ### END CODE HERE ###

    ## Branch 4: a 3x3 max pooling with stride 1, then a 1x1 convolution to F_pool_proj channels
    ### START CODE HERE ### (≈ 2 lines of code)
    branch_4 = MaxPooling2D((3, 3), strides=(1, 1), padding='same')(X)
    branch_4 = Conv2D(F_pool_proj, (1, 1), padding='same', activation='relu', kernel_initializer=initializer(seed=0))(branch_4)
    ### END CODE HERE ###

    ## Stack the four branches along the channels, in this order
    ### START CODE HERE ### (≈ 1 line of code)
    X = Concatenate(axis=3)([branch_1, branch_2, branch_3, branch_4])
    ### END CODE HERE ###

    return X


# %% [markdown]
# The test calls your block on a small 1×5×5×2 input with every weight set to 1 and compares the
# output, channel by channel; it also builds your block on a symbolic input and compares it with the
# expected block layer by layer, branch by branch (a ReLU written as a separate `Activation('relu')`
# layer, or a 1×1 convolution with `'valid'` padding, counts as the same).

# %%
inception_block_test(inception_block)

# %%
# HIDDEN TESTS: inception_block

# %% [markdown]
# Here is your block with the lecture's numbers on a 28×28×192 volume, its convolutions listed branch by
# branch and counted with your `conv_multiplications`: 256 channels out, 163,696 parameters, and about 128
# million multiplications — about as many as the single 5×5 convolution to 32 channels of section 2.

# %%
X_input = Input((28, 28, 192))
lecture_block = Model(X_input, inception_block(X_input, list(LECTURE_FILTERS)))
print("output shape:", lecture_block.output.shape)
print(cost_table(lecture_block, conv_multiplications))

# %% [markdown]
# Without its 1×1 bottlenecks (the 3×3 and 5×5 convolutions applied to the 192 channels directly), the
# same block would make 308 million multiplications. Move the sliders to change the input's channels
# and each number of filters: the bars show each branch's cost with and without its bottleneck,
# counted with your functions. Which branch gains most from its bottleneck, and why?

# %%
inception_cost_widget(conv_multiplications, conv_parameters)

# %% [markdown]
# ## 4. A small Inception network
#
# GoogLeNet stacks nine Inception blocks, with max pooling layers between some of them to halve the
# height and width, between a stem of ordinary convolutions and a softmax layer (and two side
# branches that predict from the middle of the network during training, which a network of two blocks
# does not need). Yours, for 24×24 digits, keeps that shape:
#
# | stage | layers | output for a 24×24×3 input |
# |---|---|---|
# | stem | `Conv2D` 32 filters of 3×3, `'same'`, ReLU → `MaxPooling2D((3, 3), strides=(2, 2), padding='same')` | 12×12×32 |
# | block 1 | `inception_block` with `filters=[16, 16, 32, 8, 16, 16]` → `MaxPooling2D((3, 3), strides=(2, 2), padding='same')` | 6×6×80 |
# | block 2 | `inception_block` with `filters=[32, 24, 48, 8, 16, 16]` | 6×6×112 |
# | head | `GlobalAveragePooling2D()` → `Dense(classes, activation='softmax')` | `classes` |
#
# Give the stem's convolution and the softmax layer `kernel_initializer=glorot_uniform(seed=0)`, and the
# stem's convolution `activation='relu'`. Global average pooling replaces each of the 112 feature maps
# by its mean, as GoogLeNet does before its classifier.
#
# ### Exercise 6: `small_inception_net`

# %%
# GRADED FUNCTION: small_inception_net
def small_inception_net(input_shape=(24, 24, 3), classes=6):
    """
    A small Inception network:
    CONV2D (3x3, ReLU) -> MAXPOOL -> INCEPTION BLOCK -> MAXPOOL -> INCEPTION BLOCK -> GLOBAL AVERAGE POOL -> DENSE (softmax)

    Arguments:
    input_shape -- shape of one input image, (n_H, n_W, n_C)
    classes -- integer, number of classes

    Returns:
    model -- a keras Model from the images to the probabilities of the classes
    """
    # Define the input as a tensor with shape input_shape
    X_input = Input(input_shape)

    ## The stem: a 3x3 convolution with 32 filters and a ReLU, then a 3x3 max pooling with stride 2
    ### START CODE HERE ### (≈ 2 lines of code)
    X = Conv2D(32, (3, 3), padding='same', activation='relu', kernel_initializer=glorot_uniform(seed=0))(X_input)
    X = MaxPooling2D((3, 3), strides=(2, 2), padding='same')(X)
    ### END CODE HERE ###

    ## Two Inception blocks, with a 3x3 max pooling of stride 2 between them
    ### START CODE HERE ### (≈ 3 lines of code)
    X = inception_block(X, [16, 16, 32, 8, 16, 16])
    X = MaxPooling2D((3, 3), strides=(2, 2), padding='same')(X)
    X = inception_block(X, [32, 24, 48, 8, 16, 16])
    ### END CODE HERE ###

    ## The head: global average pooling and the softmax layer
    ### START CODE HERE ### (≈ 2 lines of code)
    X = GlobalAveragePooling2D()(X)
    X = Dense(classes, activation='softmax', kernel_initializer=glorot_uniform(seed=0))(X)
    ### END CODE HERE ###

    # The model, from the input to the probabilities
    model = Model(inputs=X_input, outputs=X)

    return model


# %% [markdown]
# The test builds your network for 24×24×3 images and six classes and compares it with the expected one
# layer by layer, and its output on two images with the expected output.

# %%
small_inception_net_test(small_inception_net)

# %%
# HIDDEN TESTS: small_inception_net

# %%
inception_net = small_inception_net()
print(cost_table(inception_net, conv_multiplications))

# %% [markdown]
# ## 5. Inception against a plain network, measured
#
# Is the Inception block a better use of parameters than a plain stack of convolutions? Compare your
# network with a **plain twin**: the same stem, pooling layers and head, with each Inception block
# replaced by two 3×3 convolutions, their numbers of filters chosen so that the twin has as many
# parameters as your network (within a fraction of a percent). Equal parameters on the same volumes mean
# about equal multiplications too; what differs is how they are spent. The plain twin spends them on a
# few channels, all seen through 3×3 windows; the Inception network on many more channels (80 and 112)
# seen at three scales and pooled.
#
# The data are the tinted digits 0 to 5 of the earlier notebooks at 24×24 pixels: 1,080 training and
# 120 test images. `compare_networks` trains both networks from the same seed for 15 epochs with Adam
# (learning rate 0.001, mini-batches of 32) and measures the test accuracy after every epoch. It takes
# about a minute.

# %%
X_train, y_train, X_test, y_test = load_small_digits(num_px=24)
runs = compare_networks(small_inception_net, conv_multiplications, X_train, y_train, X_test, y_test, epochs=15)
print(describe_networks(runs))

# %%
plot_comparison(runs);

# %% [markdown]
# **What the measurement shows.**
#
# - **Equal size, equal cost**: the two networks have the same parameters and make about the same
#   number of multiplications per image, yet the Inception network's blocks output three to four
#   times more channels.
# - **More channels did not mean better learning here.** The plain twin's training loss falls faster,
#   and it ends at least as accurate on the test digits; the Inception network is still improving
#   after 15 epochs. Its narrow bottlenecks (8 channels before the 5×5 convolutions) squeeze a lot, and
#   without batch normalization (which GoogLeNet did not have either) a network of many thin parallel
#   paths starts slowly.
# - **Equal multiplications are not equal time**: on a CPU the Inception network takes longer per
#   epoch, because it runs many small layers instead of a few large ones.
#
# The Inception block paid off at ImageNet's scale — 1.2 million photos, 1,000 classes, a network
# of 22 layers — where the bottlenecks let GoogLeNet grow deep and wide for a twelfth of AlexNet's
# parameters. On 1,080 small digits, a plain network of the same size does as well. The lesson to keep
# is the one of section 2, which holds at every scale: a 1×1 convolution is a cheap way to change the
# number of channels, and a bottleneck cuts the cost of the convolution behind it about tenfold.

# %% [markdown]
# ## What you built
# - A 1×1 convolution in numpy: a dense layer applied at every pixel, equal to week 1's convolution with
#   f = 1.
# - The cost of a convolution: 120,422,400 multiplications for the lecture's 5×5 layer, 12,443,648 with a
#   16-channel 1×1 bottleneck; 153,632 parameters against 15,920.
# - An Inception block in Keras: four branches, concatenated along the channels; the lecture's block,
#   28×28×192 → 28×28×256, with 163,696 parameters.
# - A small Inception network, trained against a plain network of as many parameters on the tinted
#   digits.

# %% [markdown]
# ## Glossary · 术语表
#
# | English | 中文 |
# |---|---|
# | 1×1 convolution | 1×1 卷积 |
# | network in network | 网络中的网络 |
# | bottleneck layer | 瓶颈层 |
# | Inception module / Inception network | Inception 模块 / Inception 网络 |
# | computational cost | 计算成本 |
# | multiplication | 乘法 |
# | parameter | 参数 |
# | filter | 过滤器 |
# | channel | 通道 |
# | same convolution | same 卷积 |
# | max pooling | 最大池化 |
# | concatenate (along the channels) | 连接（沿通道） |
# | global average pooling | 全局平均池化 |
# | side branch | 侧分支 |

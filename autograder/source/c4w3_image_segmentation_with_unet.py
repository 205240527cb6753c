# %% [markdown]
# # Image segmentation with U-Net
#
# A detector draws a box around each car. A self-driving car needs more: where exactly the road ends,
# which pixels are the lane markings, where a pedestrian's legs are. **Semantic image segmentation**
# answers that question for every pixel: it gives each pixel of the image a class. Its output is a
# **mask**, an image of class labels as large as the input.
#
# In this notebook you will
# - write the two blocks of a **U-Net**: a convolutional block that shrinks the image and deepens its
#   features (the **encoder**), and an upsampling block that grows it back with **transposed
#   convolutions** (the **decoder**), fed by **skip connections** from the encoder,
# - assemble the U-Net from them (8,640,471 parameters at full width),
# - train a narrow U-Net briefly on generated road scenes, then load weights trained for longer into it,
# - measure it class by class with the **intersection over union**,
# - measure what the skip connections add, against the same network trained without them.
#
# Write your code between `### START CODE HERE ###` and `### END CODE HERE ###` and run the test
# cell below each exercise.

# %%
import numpy as np
import matplotlib.pyplot as plt
import tensorflow as tf
from tensorflow.keras.layers import Conv2D, Conv2DTranspose, Dropout, Input, MaxPooling2D, concatenate
from tensorflow.keras.losses import SparseCategoricalCrossentropy
from tensorflow.keras.models import Model
from tensorflow.keras.optimizers import Adam

from helpers.public_tests.c4w3_image_segmentation_with_unet import (
    conv_block_test,
    unet_model_test,
    upsampling_block_test,
)
from helpers.road_scenes import MASK_CLASSES, make_scenes
from helpers.segmentation import iou_per_class, plot_class_iou, plot_segmentations, predict_masks, segmentation_widget
from helpers.trained_models import load_model, load_weights
from helpers.trained_models.unet_road_scenes import held_out_scenes
from helpers.widgets import under_nbgrader

tf.get_logger().setLevel("ERROR")  # keep TensorFlow's informational messages out of the notebook

# %% [markdown]
# ## 1. The road scenes
#
# The original assignment used photos from the CARLA driving simulator. This course paints its own
# scenes: `make_scenes(n, seed)` draws `n` streets seen from a car — sky, buildings, a road with lane
# markings, sidewalks, then cars, pedestrians and traffic lights on poles, the nearer in front of the
# farther — with pixel noise and a random exposure. Because each scene is painted, its mask is exact:
# every pixel gets the class of the stroke that painted it last. It returns
# - `images`, an array of shape (n, 96, 128, 3) with values in [0, 1],
# - `masks`, an array of shape (n, 96, 128) of integers: the index of each pixel's class in `MASK_CLASSES`,
# - the scenes themselves (with the boxes of Car detection with YOLO, unused here).

# %%
images, masks, _ = make_scenes(4, seed=3)
print("images:", images.shape, images.dtype, "  masks:", masks.shape, masks.dtype)
print("classes:", ", ".join(f"{index} {name}" for index, name in enumerate(MASK_CLASSES)))
plot_segmentations(images, masks, {});

# %% [markdown]
# The classes are far from equally common. The sky, the buildings and the road fill most of each image;
# lane markings, poles and traffic lights are a few pixels wide. A network that never predicts them loses
# less than one pixel in fifty — which is why this notebook will not judge a network by its pixel
# accuracy alone.

# %%
share = np.bincount(make_scenes(200, seed=0)[1].ravel(), minlength=len(MASK_CLASSES)) / (200 * 96 * 128)
for name, fraction in zip(MASK_CLASSES, share):
    print(f"{name:>14}: {fraction:6.2%} of the pixels")

# %% [markdown]
# ## 2. The U-Net
#
# A classifier's convolutions shrink the image to a vector. A segmentation network must come back to
# the input's size, one prediction per pixel. The U-Net (Ronneberger, Fischer and Brox, 2015) does it in
# two halves, drawn as the two arms of a U:
#
# - the **encoder** (contracting path) repeats a block of two 3×3 convolutions with ReLU and a 2×2 max
#   pooling: each block halves the height and width and doubles the number of filters. Deep in the
#   encoder, each value sees a large part of the image and knows *what* is there, but only roughly
#   *where*;
# - the **decoder** (expanding path) repeats the opposite: a **transposed convolution** doubles the height
#   and width, and two 3×3 convolutions refine the result;
# - a **skip connection** joins each decoder block to the encoder block of the same size: the encoder's
#   output, taken before its pooling, is **concatenated** along the channels with the upsampled
#   tensor. The decoder so gets back the fine detail that pooling threw away.
#
# At the end, a 1×1 convolution turns the features of each pixel into one score per class.
#
# ### Transposed convolution
#
# A convolution with stride 2 maps a 2×2 patch of its input to one output value. A **transposed
# convolution** with stride 2 does the reverse: each input value scales a learned 3×3 filter, which is
# added into the output at a position that moves by two pixels for each input pixel. Where two
# placed filters overlap, their values add up. With `padding='same'`, an input of $n_H \times n_W$ gives an
# output of $2n_H \times 2n_W$. Unlike a fixed upsampling (repeating each pixel), its filter is learned.
#
# ## 3. The encoder block
#
# `conv_block` is one step down the encoder:
#
# | | layer | Keras |
# |---|---|---|
# | 1 | 3×3 convolution, ReLU | `Conv2D(n_filters, 3, activation='relu', padding='same', kernel_initializer='he_normal')` |
# | 2 | 3×3 convolution, ReLU | the same |
# | 3 | if `dropout_prob > 0`: dropout | `Dropout(dropout_prob)` |
# | 4 | if `max_pooling`: 2×2 max pooling | `MaxPooling2D(pool_size=(2, 2), strides=2)` |
#
# It returns two tensors: `next_layer`, the input of the next block (pooled, when `max_pooling` is
# true), and `skip_connection`, the tensor before pooling, which a decoder block will receive. The
# `'same'` padding keeps the height and width, so the skip connection has the size of the block's input;
# `kernel_initializer='he_normal'` starts the weights as He initialization, which suits ReLUs (Course 2).
#
# ### Exercise 1: `conv_block`

# %%
# GRADED FUNCTION: conv_block
def conv_block(inputs=None, n_filters=32, dropout_prob=0, max_pooling=True):
    """
    One block of the encoder: two 3x3 convolutions with ReLU, optional dropout, optional 2x2 max pooling.

    Arguments:
    inputs -- input tensor of shape (m, n_H, n_W, n_C)
    n_filters -- integer, number of filters of both convolutions
    dropout_prob -- dropout rate, a number in [0, 1); no dropout layer when it is 0
    max_pooling -- True: end with a 2x2 max pooling of stride 2

    Returns:
    next_layer -- the input of the next block: (m, n_H // 2, n_W // 2, n_filters) with pooling,
                  else the same tensor as skip_connection
    skip_connection -- the output before pooling, (m, n_H, n_W, n_filters), for the decoder
    """
    ### START CODE HERE ### (≈ 2 lines of code)
    conv = Conv2D(n_filters, 3, activation='relu', padding='same', kernel_initializer='he_normal')(inputs)
    conv = Conv2D(n_filters, 3, activation='relu', padding='same', kernel_initializer='he_normal')(conv)
    ### END CODE HERE ###

    # Dropout, only when a rate is given
    if dropout_prob > 0:
        ### START CODE HERE ### (≈ 1 line of code)
        conv = Dropout(dropout_prob)(conv)
        ### END CODE HERE ###

    # Max pooling, only when asked
    if max_pooling:
        ### START CODE HERE ### (≈ 1 line of code)
        next_layer = MaxPooling2D(pool_size=(2, 2), strides=2)(conv)
        ### END CODE HERE ###
    else:
        next_layer = conv

    # The output before pooling goes to the decoder
    skip_connection = conv

    return next_layer, skip_connection


# %% [markdown]
# The test builds your block on a symbolic 96×128×3 input, with and without dropout and pooling, and
# compares it with the expected block layer by layer.

# %%
conv_block_test(conv_block)

# %%
# HIDDEN TESTS: conv_block

# %% [markdown]
# ## 4. The decoder block
#
# `upsampling_block` is one step up the decoder. It receives `expansive_input`, the output of the block
# below, and `contractive_input`, the skip connection of the encoder block of the same level:
#
# | | layer | Keras |
# |---|---|---|
# | 1 | 3×3 transposed convolution of stride 2 | `Conv2DTranspose(n_filters, 3, strides=2, padding='same')` on `expansive_input` |
# | 2 | join with the skip connection along the channels | `concatenate([up, contractive_input], axis=3)` |
# | 3 | 3×3 convolution, ReLU | `Conv2D(n_filters, 3, activation='relu', padding='same', kernel_initializer='he_normal')` |
# | 4 | 3×3 convolution, ReLU | the same |
#
# Put the upsampled tensor first in the concatenation: the order fixes which channels the next
# convolution's weights read, so trained weights only fit one order. With an expansive input of
# 12×16×256 and 32 filters, the transposed convolution has $3 \cdot 3 \cdot 256 \cdot 32 + 32 = 73{,}760$
# parameters; joined to a skip connection of 128 channels, the first convolution sees 160 channels:
# $3 \cdot 3 \cdot 160 \cdot 32 + 32 = 46{,}112$ parameters.
#
# ### Exercise 2: `upsampling_block`

# %%
# GRADED FUNCTION: upsampling_block
def upsampling_block(expansive_input, contractive_input, n_filters=32):
    """
    One block of the decoder: a transposed convolution, the skip connection joined, two 3x3 convolutions with ReLU.

    Arguments:
    expansive_input -- tensor of shape (m, n_H, n_W, n_C) from the block below
    contractive_input -- the skip connection, tensor of shape (m, 2 * n_H, 2 * n_W, n_C_skip)
    n_filters -- integer, number of filters of the transposed convolution and of both convolutions

    Returns:
    conv -- tensor of shape (m, 2 * n_H, 2 * n_W, n_filters)
    """
    ### START CODE HERE ### (≈ 4 lines of code)
    up = Conv2DTranspose(n_filters, 3, strides=2, padding='same')(expansive_input)
    merge = concatenate([up, contractive_input], axis=3)
    conv = Conv2D(n_filters, 3, activation='relu', padding='same', kernel_initializer='he_normal')(merge)
    conv = Conv2D(n_filters, 3, activation='relu', padding='same', kernel_initializer='he_normal')(conv)
    ### END CODE HERE ###

    return conv


# %% [markdown]
# The test builds your block on symbolic inputs and compares it layer by layer, then sets every weight
# to fixed values and compares its output on fixed inputs, which shows the order of the concatenation.

# %%
upsampling_block_test(upsampling_block)

# %%
# HIDDEN TESTS: upsampling_block

# %% [markdown]
# ## 5. The whole U-Net
#
# `unet_model` stacks five encoder blocks and four decoder blocks, with `n_filters` doubling on the way
# down and halving on the way up:
#
# | block | call | output for a 96×128×3 input, `n_filters=32` |
# |---|---|---|
# | encoder 1 | `conv_block(inputs, n_filters)` | 48×64×32 (skip 96×128×32) |
# | encoder 2 | `conv_block(cblock1[0], n_filters * 2)` | 24×32×64 |
# | encoder 3 | `conv_block(cblock2[0], n_filters * 4)` | 12×16×128 |
# | encoder 4 | `conv_block(cblock3[0], n_filters * 8, dropout_prob=0.3)` | 6×8×256 |
# | encoder 5 | `conv_block(cblock4[0], n_filters * 16, dropout_prob=0.3, max_pooling=False)` | 6×8×512 |
# | decoder 6 | `upsampling_block(cblock5[0], cblock4[1], n_filters * 8)` | 12×16×256 |
# | decoder 7 | `upsampling_block(ublock6, cblock3[1], n_filters * 4)` | 24×32×128 |
# | decoder 8 | `upsampling_block(ublock7, cblock2[1], n_filters * 2)` | 48×64×64 |
# | decoder 9 | `upsampling_block(ublock8, cblock1[1], n_filters)` | 96×128×32 |
# | head | `Conv2D(n_filters, 3, activation='relu', padding='same', kernel_initializer='he_normal')`, then `Conv2D(n_classes, 1, padding='same')` | 96×128×`n_classes` |
#
# `cblock1[0]` is the first block's `next_layer`, `cblock1[1]` its skip connection. The last
# convolution has no activation: the network outputs **logits**, one score per class and pixel, and the
# loss applies the softmax itself. The height and width of the input must be divisible by 16, since four
# poolings halve them.
#
# ### Exercise 3: `unet_model`

# %%
# GRADED FUNCTION: unet_model
def unet_model(input_size=(96, 128, 3), n_filters=32, n_classes=23):
    """
    The U-Net: five encoder blocks, four decoder blocks with skip connections, a 3x3 and a 1x1 convolution.

    Arguments:
    input_size -- shape of one input image, (n_H, n_W, n_C), n_H and n_W divisible by 16
    n_filters -- integer, number of filters of the first block (doubled at each level down)
    n_classes -- integer, number of classes

    Returns:
    model -- a keras Model from the images to the logits, of shape (m, n_H, n_W, n_classes)
    """
    inputs = Input(input_size)

    # Encoder: each block's next_layer feeds the next block; the number of filters doubles at each step
    ### START CODE HERE ### (≈ 5 lines of code)
    cblock1 = conv_block(inputs, n_filters)
    cblock2 = conv_block(cblock1[0], n_filters * 2)
    cblock3 = conv_block(cblock2[0], n_filters * 4)
    cblock4 = conv_block(cblock3[0], n_filters * 8, dropout_prob=0.3)
    cblock5 = conv_block(cblock4[0], n_filters * 16, dropout_prob=0.3, max_pooling=False)
    ### END CODE HERE ###

    # Decoder: each block gets the block below and the skip connection of the encoder block of its size
    ### START CODE HERE ### (≈ 4 lines of code)
    ublock6 = upsampling_block(cblock5[0], cblock4[1], n_filters * 8)
    ublock7 = upsampling_block(ublock6, cblock3[1], n_filters * 4)
    ublock8 = upsampling_block(ublock7, cblock2[1], n_filters * 2)
    ublock9 = upsampling_block(ublock8, cblock1[1], n_filters)
    ### END CODE HERE ###

    # Head: a 3x3 convolution with ReLU, then a 1x1 convolution to one logit per class
    ### START CODE HERE ### (≈ 2 lines of code)
    conv9 = Conv2D(n_filters, 3, activation='relu', padding='same', kernel_initializer='he_normal')(ublock9)
    conv10 = Conv2D(n_classes, 1, padding='same')(conv9)
    ### END CODE HERE ###

    model = Model(inputs=inputs, outputs=conv10)

    return model


# %% [markdown]
# The test builds your U-Net with its defaults (the original's 23 classes of CARLA) and with other
# sizes, and compares each with the expected network layer by layer.

# %%
unet_model_test(unet_model)

# %%
# HIDDEN TESTS: unet_model

# %% [markdown]
# At full width the U-Net has 8.6 million parameters, most of them deep in the encoder, where 512
# filters of 3×3×256 meet. Training that on two cores would take hours. This notebook uses the same
# network with `n_filters=8` — every layer four times narrower, about 1/16 of the parameters — and the
# nine classes of the road scenes.

# %%
full = unet_model()
unet = unet_model((96, 128, 3), n_filters=8, n_classes=len(MASK_CLASSES))
print(f"unet_model(): {full.count_params():,} parameters")
print(f"unet_model((96, 128, 3), n_filters=8, n_classes={len(MASK_CLASSES)}): {unet.count_params():,} parameters")
del full

# %% [markdown]
# ## 6. Training
#
# The masks hold class indices, not one-hot vectors, and the network outputs logits, so the loss is
# `SparseCategoricalCrossentropy(from_logits=True)`: for each pixel, the softmax of its nine logits,
# then $-\log$ of the probability of its true class, averaged over all pixels. Keras's `accuracy` metric
# here is the share of pixels whose largest logit is the true class.
#
# Train your narrow U-Net for two epochs on 320 fresh scenes, in mini-batches of 16 (about 20 seconds).

# %%
n_train, epochs = (64, 1) if under_nbgrader() else (320, 2)  # while the notebook is graded, a shorter run
train_images, train_masks, _ = make_scenes(n_train, seed=0)
unet.compile(optimizer=Adam(learning_rate=0.003), loss=SparseCategoricalCrossentropy(from_logits=True),
             metrics=["accuracy"])
history = unet.fit(train_images, train_masks, batch_size=16, epochs=epochs, verbose=0)
print(f"after {epochs} epochs on {n_train} scenes: loss {history.history['loss'][-1]:.3f}, "
      f"pixel accuracy {history.history['accuracy'][-1]:.3f}")

# %% [markdown]
# To read a prediction, take for each pixel the class with the largest logit: `predict_masks` runs the
# network and returns `np.argmax(logits, axis=-1)`. Here are three held-out scenes, which the network
# never saw:

# %%
test_images, test_masks, _ = held_out_scenes()
plot_segmentations(test_images[:3], test_masks[:3], {"after brief training": predict_masks(unet, test_images[:3])});

# %% [markdown]
# Forty updates teach the network little more than which class is commonest: it paints (almost) every
# pixel as road, which is right for about 29 % of the pixels — the pixel accuracy above. The shipped weights come from a longer run, offline and seeded: 600 scenes for six epochs, with
# the loss of each pixel weighted up when its class is rare (see `helpers/trained_models/unet_road_scenes.py`).
# `load_weights` copies them into **your** network; they fit only if it has the expected layers.
#
# ## 7. Measuring a segmentation
#
# Pixel accuracy favours the large classes. The usual measure is the **intersection over union** (IoU)
# of each class, the measure you met for boxes in Car detection with YOLO, now on sets of pixels: the
# pixels that are this class in both the truth and the prediction, divided by those that are this class in
# either:
#
# $$\text{IoU}_c = \frac{|\text{true}_c \cap \text{predicted}_c|}{|\text{true}_c \cup \text{predicted}_c|}.$$
#
# A class never predicted has an IoU of 0, however rare it is; the **mean IoU** averages the classes, so
# that thin lane markings count as much as the sky. `iou_per_class` counts over all pixels of the 200
# held-out scenes.

# %%
load_weights(unet, "unet_road_scenes")
predicted = predict_masks(unet, test_images)
iou = iou_per_class(test_masks, predicted)
print(f"200 held-out scenes: pixel accuracy {np.mean(predicted == test_masks):.3f}, mean IoU {np.nanmean(iou):.3f}")
for name, value in zip(MASK_CLASSES, iou):
    print(f"{name:>14}: IoU {value:.3f}")

# %%
plot_segmentations(test_images[:4], test_masks[:4], {"your U-Net, trained weights": predicted[:4]});

# %% [markdown]
# Nine pixels in ten are right, yet the IoUs tell two stories. The large classes — sky, buildings, road,
# sidewalk — reach about 0.9 and the cars about 0.75: their outlines follow the truth. The thin classes
# do not: poles about 0.3, pedestrians about 0.1, and lane markings and traffic lights almost never
# predicted. Six epochs on 600 scenes teach the shapes that fill the image first; details one or two
# pixels wide take far longer training. The rare-class weights help, at a price: along many edges the
# network paints a thin red fringe of *pedestrian*. The pixel accuracy alone would have hidden all of it: together, the four thin classes cover about 3 % of
# the pixels.

# %% [markdown]
# ## 8. What the skip connections add
#
# Is it the skip connections that bring the detail back? Test it: `unet_road_scenes_no_skips` is the
# same network with each upsampling block cut from its skip connection — transposed convolution, then
# two convolutions, no concatenation — trained exactly as yours, from the same data and seed.

# %%
no_skips = load_model("unet_road_scenes_no_skips")
predicted_no_skips = predict_masks(no_skips, test_images)
iou_no_skips = iou_per_class(test_masks, predicted_no_skips)
print(f"without skip connections: {no_skips.count_params():,} parameters")
print(f"200 held-out scenes: pixel accuracy {np.mean(predicted_no_skips == test_masks):.3f}, "
      f"mean IoU {np.nanmean(iou_no_skips):.3f}")
print(f"{'class':>14}  with skips  without")
for name, with_skips, without in zip(MASK_CLASSES, iou, iou_no_skips):
    print(f"{name:>14}  {with_skips:10.3f}  {without:7.3f}")

# %%
plot_class_iou({"U-Net": iou, "without skip connections": iou_no_skips});

# %%
plot_segmentations(test_images[4:7], test_masks[4:7], {"U-Net": predicted[4:7],
                                                       "without skip connections": predicted_no_skips[4:7]});

# %% [markdown]
# **What the comparison shows.** Trained on the same scenes for the same six epochs, the network without
# skip connections is far behind: its mean IoU is less than half the U-Net's. It has learned the layout of
# a street — sky on top, a band of buildings — but below the horizon it paints mostly *car*, with
# checkered patches of road and sidewalk: it cannot tell where one region ends and the next begins, and no pole, lane marking or pedestrian survives. (The checkered
# pattern is a known trace of transposed convolutions, whose overlapping filters add up unevenly, when
# nothing finer corrects them.) Everything it draws had to come up through a 6×8 map, 16 times smaller
# than the image, so a detail of one or two pixels cannot come back. With the skip connections, each
# decoder block reads the encoder's features at its own resolution again and draws the edges where they
# are. Part of the gap is probably the training itself, as with ResNet's shortcuts: through the skip
# connections the first layers have a short path to the loss, so the U-Net learns faster from the same data.
#
# ## 9. Explore the held-out scenes
#
# Pick a scene: the widget shows its image, the true mask, both predictions, and the IoU of each class
# on that scene alone.

# %%
segmentation_widget(test_images, test_masks, {"U-Net": predicted, "without skip connections": predicted_no_skips})

# %% [markdown]
# ## What you built
# - An encoder block and a decoder block: convolutions that shrink and deepen, transposed convolutions that
#   grow back, joined by skip connections.
# - The U-Net, 8,640,471 parameters at full width, 540,873 at the width trained here.
# - A narrow U-Net of your own blocks with trained weights, segmenting road scenes it never saw, measured
#   class by class with the intersection over union: the large classes right, the thinnest still missed.
# - The same network without skip connections, measured: after the same training it keeps only the layout
#   of the street, blurred, and loses the cars' outlines and every thin class.

# %% [markdown]
# ## Glossary · 术语表
#
# | English | 中文 |
# |---|---|
# | image segmentation / semantic segmentation | 图像分割 / 语义分割 |
# | mask | 掩码 |
# | U-Net | U-Net |
# | encoder / decoder | 编码器 / 解码器 |
# | skip connection | 跳跃连接 |
# | transposed convolution | 转置卷积 |
# | pooling | 池化 |
# | upsampling | 上采样 |
# | intersection over union (IoU) | 交并比 |
# | logits | 逻辑值（未归一化分数） |

# %% [markdown]
# # Transfer learning with MobileNetV2
#
# A network trained on one task has learned features — edges, strokes, corners, shapes — that help
# with other tasks too. **Transfer learning** reuses such a **pretrained** network for a new task
# that has only a few labelled examples: keep its layers, replace its last layer by one for the new
# task, train that new layer first, then perhaps retrain the top of the old network a little.
#
# The original course takes MobileNetV2 trained on ImageNet (1.4 million photos, 1,000 classes) and
# teaches it to tell alpacas from other animals with 327 photos. ImageNet's weights cannot be shipped
# in this offline course, so the course pretrained a small MobileNetV2 of its own, and the tasks are
# about handwritten digits:
#
# - **source task** (what the network was pretrained on): recognize the digits **0 to 7**, from 3,600
#   labelled pictures — real handwritten MNIST digits drawn in random colours, at random places, with
#   noise, 64 × 64 pixels;
# - **target task** (yours): tell an **8** from a **9**, two digits the network has **never seen**,
#   from **40** labelled pictures.
#
# In this notebook you will
# - write a **data augmentation** layer and look at what it makes of an image,
# - look at what the pretrained network says about eights and nines before you train anything,
# - build the original's `alpaca_model`: the pretrained base, **frozen**, under a new one-logit head,
# - **fine-tune** the top of the base with a smaller learning rate,
# - measure the lesson: with few labels, the transferred network beats the same architecture trained
#   from scratch by far — and fine-tuning, with so few labels, does not add to it.
#
# Write your code between `### START CODE HERE ###` and `### END CODE HERE ###` and run the test cell
# below each exercise. Running the whole notebook takes about a minute.

# %%
import numpy as np
import matplotlib.pyplot as plt
import tensorflow as tf
import tensorflow.keras.layers as tfl
from tensorflow.keras.applications.mobilenet_v2 import preprocess_input

from helpers.plotting import plot_image_grid
from helpers.public_tests.c4w2_transfer_learning_with_mobilenet import (
    alpaca_model_test,
    compile_for_fine_tuning_test,
    data_augmenter_test,
)
from helpers.trained_models import load_model
from helpers.transfer import (
    BASE_NAME,
    IMG_SIZE,
    SOURCE_DIGITS,
    TARGET_CLASS_NAMES,
    accuracy_widget,
    build_scratch_model,
    evaluate_target,
    load_pretrained_mobilenet,
    load_target_digits,
    plot_augmented,
    plot_source_predictions,
    read_curves,
    train_for_steps,
)
from helpers.widgets import under_nbgrader

tf.get_logger().setLevel("ERROR")  # keep TensorFlow's informational messages out of the notebook

# %% [markdown]
# ## 1. The target task: eights and nines
#
# `load_target_digits(n_train)` returns `n_train` labelled training pictures, half eights (label 0)
# and half nines (label 1), and 400 test pictures, 200 of each. The pixels are integers from 0 to
# 255, the shape of a batch is `(m, 64, 64, 3)`: `IMG_SIZE` is `(64, 64)` here, where the original
# used photos of 160 × 160.
#
# Forty labels are very few for a convolutional network: the original had 262 training photos, and
# the digit classifiers of earlier notebooks had over a thousand.

# %%
n_train = 40
X_train, y_train, X_test, y_test = load_target_digits(n_train)
print("IMG_SIZE:", IMG_SIZE)
print("X_train:", X_train.shape, X_train.dtype, " y_train:", y_train.shape, " nines:", int(y_train.sum()))
print("X_test: ", X_test.shape, " y_test: ", y_test.shape)
plot_image_grid(X_train[:16], [TARGET_CLASS_NAMES[y] for y in y_train[:16]], ncols=8);

# %% [markdown]
# ## 2. Data augmentation
#
# With few pictures, a network learns them by heart. **Data augmentation** shows it a slightly
# different version of each picture at every epoch — flipped, rotated — so it must learn what these
# changes leave alone. Keras does it with preprocessing **layers** that transform their input only in
# training mode (`model.fit`, or a call with `training=True`); at prediction time they pass it through
# unchanged. Put in a `Sequential` model, they become one layer that you can place at the start of any
# network.
#
# ### Exercise 1: `data_augmenter`
#
# Return a `tf.keras.Sequential` model of exactly two layers, in this order:
# - `RandomFlip('horizontal')`, which mirrors each picture left-right with probability one half,
# - `RandomRotation(0.2)`, which turns each picture by a random angle of up to 0.2 of a full turn
#   (72°) either way.
#
# Create the `Sequential` empty and `add` the layers, or pass them as a list.

# %%
# GRADED FUNCTION: data_augmenter
def data_augmenter():
    """
    Create a Sequential model of two data augmentation layers.

    Returns:
    data_augmentation -- tf.keras.Sequential: a random horizontal flip, then a random rotation of up to 0.2 turn
    """
    ### START CODE HERE ### (≈ 3 lines of code)
    data_augmentation = tf.keras.Sequential()
    data_augmentation.add(tfl.RandomFlip('horizontal'))
    data_augmentation.add(tfl.RandomRotation(0.2))
    ### END CODE HERE ###

    return data_augmentation


# %%
data_augmenter_test(data_augmenter)

# %%
# HIDDEN TESTS: data_augmenter

# %% [markdown]
# Here is a nine and eight random augmentations of it. A mirrored nine is still no eight, and the
# rotations stay small enough to keep a nine upright-ish: the label survives every change, which is
# what an augmentation must guarantee. (For digits in general, flips are a poor choice — a mirrored
# 2 looks like a 5 — but not for this pair.)

# %%
data_augmentation = data_augmenter()
plot_augmented(X_train[1], data_augmentation);

# %% [markdown]
# ## 3. The pretrained base
#
# MobileNetV2 was designed to run on phones. Its blocks are **inverted residual blocks**: a 1×1
# convolution widens the input (the **expansion**), a **depthwise** 3×3 convolution filters each
# channel on its own, and a 1×1 **projection** narrows it again, with a shortcut around the block
# when input and output shapes agree. Depthwise and 1×1 convolutions need far fewer multiplications
# than full 3×3 ones.
#
# `load_pretrained_mobilenet(input_shape)` stands for the original's
# `MobileNetV2(input_shape=input_shape, include_top=False, weights='imagenet')`: it builds Keras's
# MobileNetV2 at width multiplier $\alpha = 0.35$ (every layer has about a third of the full width,
# except the last with 1,280 channels), **without its top** (the final pooling and classification
# layer), and loads the weights the course pretrained on the source digits 0–7. The base expects
# pixels scaled to $[-1, 1]$, which `preprocess_input` does, and turns a 64 × 64 picture into 2 × 2
# feature vectors of 1,280 numbers.

# %%
base_model = load_pretrained_mobilenet(IMG_SIZE + (3,))
print("layers:", len(base_model.layers))
print("output shape:", base_model.output.shape)
print(f"parameters: {base_model.count_params():,}")
for layer in base_model.layers[-8:]:
    print(f"{layer.name:24} {type(layer).__name__:19} {layer.output.shape}")

# %% [markdown]
# Before you train anything, ask the whole pretrained network — base and its original top, a softmax
# over the eight source classes — what it sees in the target pictures. It has never seen an 8 or a 9,
# so it answers with the digits it knows: a 5, 3 or 2 for an eight, mostly a 7 or a 4 for a nine.
# Wrong, but not random: similar pictures get similar features, and that is what you will reuse.

# %%
source_network = load_model("mobilenet_v2_digits")
probabilities = source_network.predict(X_test[:10].astype("float32"), verbose=0)
plot_source_predictions(X_test[:10], probabilities, class_names=[str(d) for d in SOURCE_DIGITS],
                        labels=[TARGET_CLASS_NAMES[y] for y in y_test[:10]]);

# %% [markdown]
# Over all 400 test pictures, the source network's favourite answers are:

# %%
guesses = source_network.predict(X_test.astype("float32"), verbose=0).argmax(axis=1)
for label, name in enumerate(TARGET_CLASS_NAMES):
    counts = np.bincount(guesses[y_test == label], minlength=len(SOURCE_DIGITS))
    top = np.argsort(counts)[::-1][:3]
    print(f"{name:5}: " + ", ".join(f"{SOURCE_DIGITS[k]} ({counts[k]})" for k in top))

# %% [markdown]
# ## 4. A new head on a frozen base
#
# To reuse the base, put it between the new task's input and a new **head**:
#
# 1. `inputs = tf.keras.Input(shape=input_shape)`, then the data augmentation,
# 2. `preprocess_input`, the base's own pixel scaling ($x / 127.5 - 1$),
# 3. the base, **frozen**: `base_model.trainable = False` stops training from changing its weights, and
#    calling it with `training=False` keeps its batch normalization in inference mode (its moving means
#    and variances stay those of the source task, even when you fine-tune later),
# 4. `GlobalAveragePooling2D()`: the average of each of the 1,280 channels over the 2 × 2 positions,
# 5. `Dropout(0.2)`, against overfitting,
# 6. `Dense(1)` with no activation: one **logit**, positive for a nine. The loss applies the sigmoid
#    itself (`from_logits=True`), which is more precise than a sigmoid layer followed by the loss.
#
# ### Exercise 2: `alpaca_model`
#
# The name is the original's, whose target task was alpacas. Build the model with the functional API
# and return `tf.keras.Model(inputs, outputs)`. Call the base as `base_model(x, training=False)`.

# %%
# GRADED FUNCTION: alpaca_model
def alpaca_model(image_shape=IMG_SIZE, data_augmentation=data_augmenter()):
    """
    Build a binary classifier on top of the pretrained MobileNetV2 base, frozen.

    Arguments:
    image_shape -- tuple (height, width) of the images
    data_augmentation -- data augmentation layer (a tf.keras.Sequential)

    Returns:
    model -- tf.keras.Model mapping (m, height, width, 3) pixels 0..255 to (m, 1) logits
    """
    input_shape = image_shape + (3,)
    base_model = load_pretrained_mobilenet(input_shape)

    ### START CODE HERE ### (≈ 9 lines of code)
    base_model.trainable = False
    inputs = tf.keras.Input(shape=input_shape)
    x = data_augmentation(inputs)
    x = preprocess_input(x)
    x = base_model(x, training=False)
    x = tfl.GlobalAveragePooling2D()(x)
    x = tfl.Dropout(0.2)(x)
    outputs = tfl.Dense(1)(x)
    model = tf.keras.Model(inputs, outputs)
    ### END CODE HERE ###

    return model


# %%
alpaca_model_test(alpaca_model)

# %%
# HIDDEN TESTS: alpaca_model

# %% [markdown]
# The summary shows the whole base as one layer. Only the head trains: 1,281 parameters (1,280
# weights and a bias), against about 410,000 frozen ones. (`preprocess_input` does not show as a
# layer: in Keras 3 an operation on a symbolic tensor is part of the graph without being a layer.)

# %%
tf.keras.utils.set_random_seed(1)
model2 = alpaca_model(IMG_SIZE, data_augmentation)
model2.summary()

# %% [markdown]
# Train the head with Adam at the base learning rate of 0.001 on the 40 labelled pictures. An epoch
# is only two mini-batches of 32 and 8, so the frozen model runs 40 epochs (a few seconds: the base
# computes forwards only). When the grader runs this notebook it trains much less: it judges your
# functions, not this training.

# %%
base_learning_rate = 0.001
initial_epochs = 3 if under_nbgrader() else 40
fine_tune_epochs = 3 if under_nbgrader() else 40

model2.compile(optimizer=tf.keras.optimizers.Adam(learning_rate=base_learning_rate),
               loss=tf.keras.losses.BinaryCrossentropy(from_logits=True), metrics=["accuracy"])
history = model2.fit(X_train.astype("float32"), y_train, batch_size=32, epochs=initial_epochs, verbose=0)
frozen_accuracy = evaluate_target(model2, X_test, y_test)
print(f"frozen base, {n_train} labels: test accuracy {frozen_accuracy:.3f}")

# %% [markdown]
# ## 5. Fine-tuning the top of the base
#
# The early layers of a network find edges and strokes, useful for any digit; the late layers combine
# them into parts of the source classes. **Fine-tuning** lets the late layers adapt to the target task:
# unfreeze the base, freeze again its first `fine_tune_at` layers, and keep training with a learning
# rate ten times smaller, so that the pretrained weights move a little instead of being overwritten
# by the noisy gradients of a few examples.
#
# A change of `trainable` takes effect when the model is compiled, so compile it again.
#
# ### Exercise 3: `compile_for_fine_tuning`
#
# The original did this in a graded cell; here it is a function. The code given finds the base inside
# `model` by its name. Then
# - make the base trainable, and its layers before `fine_tune_at` (`base_model.layers[:fine_tune_at]`)
#   not trainable,
# - `loss_function`: binary cross-entropy on logits,
# - `optimizer`: Adam with a learning rate of 0.1 × `base_learning_rate`,
# - `metrics`: the list `['accuracy']`.

# %%
# GRADED FUNCTION: compile_for_fine_tuning
def compile_for_fine_tuning(model, base_learning_rate=0.001, fine_tune_at=120):
    """
    Unfreeze the top of the pretrained base of `model` and compile it for fine-tuning.

    Arguments:
    model -- tf.keras.Model holding the pretrained base as the layer named BASE_NAME
    base_learning_rate -- learning rate of the first training; fine-tuning uses a tenth of it
    fine_tune_at -- number of the base's first layers that stay frozen

    Returns:
    model -- the same model, compiled, with the base's layers from fine_tune_at on trainable
    """
    base_model = model.get_layer(BASE_NAME)

    ### START CODE HERE ### (≈ 6 lines of code)
    base_model.trainable = True
    for layer in base_model.layers[:fine_tune_at]:
        layer.trainable = False
    loss_function = tf.keras.losses.BinaryCrossentropy(from_logits=True)
    optimizer = tf.keras.optimizers.Adam(learning_rate=0.1 * base_learning_rate)
    metrics = ['accuracy']
    ### END CODE HERE ###

    model.compile(loss=loss_function, optimizer=optimizer, metrics=metrics)
    return model


# %%
compile_for_fine_tuning_test(compile_for_fine_tuning)

# %%
# HIDDEN TESTS: compile_for_fine_tuning

# %% [markdown]
# With `fine_tune_at=120`, the base's last 34 layers train: from the depthwise convolution of block 13
# on, blocks 14 to 16 and the final 1×1 convolution to 1,280 channels (their batch normalizations
# learn their $\gamma$ and $\beta$ but keep their moving averages, since the base runs with
# `training=False`). Fine-tune from where the first training stopped:

# %%
compile_for_fine_tuning(model2, base_learning_rate, fine_tune_at=120)
trainable = sum(int(np.prod(w.shape)) for w in model2.trainable_weights)
print(f"trainable parameters: {trainable:,} of {model2.count_params():,}")
history_fine = model2.fit(X_train.astype("float32"), y_train, batch_size=32,
                          epochs=initial_epochs + fine_tune_epochs, initial_epoch=initial_epochs, verbose=0)
fine_tuned_accuracy = evaluate_target(model2, X_test, y_test)
print(f"fine-tuned, {n_train} labels: test accuracy {fine_tuned_accuracy:.3f}")

# %% [markdown]
# The learning curves of both stages, with the switch marked. On 40 augmented pictures, in batches of
# 32 and 8 with dropout, each epoch's numbers are noisy; look at the trend: the loss keeps falling slowly
# and the training accuracy rising, in both stages.

# %%
loss = history.history["loss"] + history_fine.history["loss"]
accuracy = history.history["accuracy"] + history_fine.history["accuracy"]
epochs = np.arange(1, len(loss) + 1)
fig, (ax_loss, ax_accuracy) = plt.subplots(1, 2, figsize=(10, 3.5))
curves = ((ax_loss, loss, "training loss (binary cross-entropy)"), (ax_accuracy, accuracy, "training accuracy"))
for ax, values, name in curves:
    ax.plot(epochs, values)
    ax.axvline(initial_epochs + 0.5, color="grey", linestyle=":", label="start of fine-tuning")
    ax.set(xlabel="epoch", title=name)
    ax.legend()

# %% [markdown]
# ## 6. Does the pretraining help? The same network from scratch
#
# The fair comparison is the same architecture with fresh random weights, trained on the same 40
# pictures with the same augmentation. `build_scratch_model` makes it: the augmentation, the pixel
# scaling, and Keras's whole MobileNetV2 with a one-logit top, every one of its layers trainable (its
# batch normalization in training mode too). It has no pretrained features to start from, so it
# trains longer: 200 steps, with the base learning rate.

# %%
tf.keras.utils.set_random_seed(1)
scratch_model = build_scratch_model(data_augmenter())
scratch_model.compile(optimizer=tf.keras.optimizers.Adam(learning_rate=base_learning_rate),
                      loss=tf.keras.losses.BinaryCrossentropy(from_logits=True), metrics=["accuracy"])
train_for_steps(scratch_model, X_train, y_train, steps=5 if under_nbgrader() else 200)
scratch_accuracy = evaluate_target(scratch_model, X_test, y_test)
measured = {"n_train": n_train, "scratch": scratch_accuracy, "frozen": frozen_accuracy,
            "fine_tuned": fine_tuned_accuracy}
for key, value in measured.items():
    print(f"{key:10} {value:.3f}" if key != "n_train" else f"{key:10} {value}")

# %% [markdown]
# One run on 40 pictures is one draw. The widget shows the same three ways of training for 10 to 200
# labelled pictures, recorded beforehand by `bench/transfer_curves.py` with the reference solution of
# this notebook: one seed, the same numbers of steps (200 from scratch; 80 frozen, then 80 fine-tuning)
# in mini-batches of 32 or of all the pictures when there are fewer. Your points from this notebook are
# the open markers. Move the slider to read the numbers.

# %%
accuracy_widget(read_curves(), measured=measured)

# %% [markdown]
# What to read in it (the recorded run):
# - from scratch, the network stays at chance (0.52–0.57) even with 200 labels: 200 steps on a few
#   hundred pictures at most are not enough to learn strokes and shapes from nothing;
# - the frozen base tells 79 % of eights from nines with only 10 labels, and 84 % with 200: the
#   features learned on 0–7 separate two digits they were never trained on;
# - fine-tuning the top 34 layers **lowered** the accuracy with 10 or 20 labels (0.66 and 0.71 against
#   0.79) and came within one or two points of the frozen base from 100 labels on, without passing it.
#   With a handful of pictures, the unfrozen weights learn those pictures by heart. This is the
#   lecture's advice measured: with little data, freeze more of the network and train only the head;
#   with more data, unfreeze more.
#   The original's alpacas had 262 training photos, and its fine-tuning gained a few points.
#
# Transfer works when the source and target tasks share their inputs (here pictures of handwritten
# strokes) and the source task had far more data. It would help much less for, say, X-rays on top of
# digits, and not at all if the source had no more data than the target.

# %% [markdown]
# ## What you built
# - A data augmentation layer of a random flip and a random rotation.
# - `alpaca_model`: a frozen pretrained MobileNetV2 base under a new head of pooling, dropout and one
#   logit, which learned a task the base had never seen from 40 labelled pictures.
# - Fine-tuning: the top of the base unfrozen, trained with a learning rate ten times smaller.
# - A measured comparison with the same network from scratch: transfer wins by far with few labels,
#   and fine-tuning needs more labels than that to pay off.

# %% [markdown]
# ## Glossary · 术语表
#
# | English | 中文 |
# |---|---|
# | transfer learning | 迁移学习 |
# | pre-training / pretrained model | 预训练 / 预训练模型 |
# | fine-tuning | 微调 |
# | data augmentation | 数据增强 |
# | freeze (layers) | 冻结（层） |
# | source task / target task | 源任务 / 目标任务 |
# | base model / head | 基础模型 / 头部 |
# | depthwise separable convolution | 深度可分离卷积 |
# | inverted residual block | 倒残差块 |
# | global average pooling | 全局平均池化 |
# | logit | 对数几率 (logit) |

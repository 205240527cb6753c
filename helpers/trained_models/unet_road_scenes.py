"""A small U-Net trained on the generated road scenes: the recipe of ``unet_road_scenes``.

The network is Course 4 week 3's ``unet_model(input_size=(96, 128, 3), n_filters=8,
n_classes=9)``: four encoder blocks of two 3×3 convolutions and a 2×2 max pooling (dropout 0.3 in
the fourth), a fifth block without pooling (dropout 0.3), four upsampling blocks (a 3×3 transposed
convolution of stride 2, joined to the encoder's block of the same size — the skip connection — and
two 3×3 convolutions), then a 3×3 and a 1×1 convolution giving one logit per class and pixel:
540,873 parameters. :func:`build_unet` with ``skips=False`` builds the same network without the
skip connections, the recipe of ``unet_road_scenes_no_skips``. Both are trained on scenes of
:func:`helpers.road_scenes.make_scenes`, with rare classes weighted up, and evaluated by their
mean IoU over the nine classes on held-out scenes drawn with another seed.
"""
import keras
import numpy as np
from keras import layers

from helpers.road_scenes import MASK_CLASSES, make_scenes
from helpers.segmentation import iou_per_class, predict_masks

__all__ = ["HELD_OUT_SEED", "HELD_OUT_SIZE", "INPUT_SIZE", "N_FILTERS", "build_model", "build_unet", "class_weights",
           "evaluate", "held_out_scenes", "train"]

INPUT_SIZE, N_FILTERS = (96, 128, 3), 8
HELD_OUT_SEED, HELD_OUT_SIZE = 1, 200


def _convolve(X, n_filters):
    for _ in range(2):
        X = layers.Conv2D(n_filters, 3, activation="relu", padding="same", kernel_initializer="he_normal")(X)
    return X


def build_unet(*, skips=True, input_size=INPUT_SIZE, n_filters=N_FILTERS, n_classes=len(MASK_CLASSES)):
    """The U-Net of the course, uncompiled, mapping (m, 96, 128, 3) images to (m, 96, 128, n_classes) logits;
    with ``skips=False``, each upsampling block uses only what comes from below."""
    inputs = keras.Input(input_size)
    X, skip_connections = inputs, []
    for level in range(5):
        X = _convolve(X, n_filters << level)
        if level >= 3:
            X = layers.Dropout(0.3)(X)
        skip_connections.append(X)
        if level < 4:
            X = layers.MaxPooling2D(pool_size=(2, 2), strides=2)(X)
    for level in (3, 2, 1, 0):
        X = layers.Conv2DTranspose(n_filters << level, 3, strides=2, padding="same")(X)
        if skips:
            X = layers.Concatenate(axis=3)([X, skip_connections[level]])
        X = _convolve(X, n_filters << level)
    X = layers.Conv2D(n_filters, 3, activation="relu", padding="same", kernel_initializer="he_normal")(X)
    outputs = layers.Conv2D(n_classes, 1, padding="same")(X)
    return keras.Model(inputs=inputs, outputs=outputs, name="unet" if skips else "unet_without_skips")


def build_model():
    """The recipe's network, uncompiled, with fresh weights."""
    return build_unet()


def held_out_scenes():
    """The held-out scenes: images (200, 96, 128, 3), masks (200, 96, 128) and the Scene objects."""
    return make_scenes(HELD_OUT_SIZE, seed=HELD_OUT_SEED, size=INPUT_SIZE[:2])


def class_weights(masks, power):
    """A weight per class, (1 / its share of the pixels) ** power, scaled so that an average pixel weighs 1."""
    share = np.bincount(masks.ravel(), minlength=len(MASK_CLASSES)) / masks.size
    weights = np.maximum(share, 1e-4) ** -power
    return (weights / np.sum(weights * share)).astype(np.float32)


def train(model, *, seed, m, epochs, batch_size, learning_rate, class_weight_power):
    """Train on ``m`` scenes drawn with ``seed``: Adam with cosine decay, sparse cross-entropy on the logits with
    every pixel weighted by its class (:func:`class_weights`), so that thin, rare classes count."""
    images, masks, _ = make_scenes(m, seed=seed, size=INPUT_SIZE[:2])
    steps = epochs * int(np.ceil(m / batch_size))
    model.compile(optimizer=keras.optimizers.Adam(keras.optimizers.schedules.CosineDecay(learning_rate, steps)),
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    pixel_weights = class_weights(masks, class_weight_power)[masks]
    model.fit(images, masks, sample_weight=pixel_weights, epochs=epochs, batch_size=batch_size, verbose=0)
    return model


def evaluate(model):
    """Mean IoU over the nine classes on the 200 held-out scenes."""
    images, masks, _ = held_out_scenes()
    return float(np.nanmean(iou_per_class(masks, predict_masks(model, images))))

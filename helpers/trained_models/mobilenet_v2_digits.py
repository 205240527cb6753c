"""MobileNetV2 (alpha 0.35) pretrained on the source digits 0-7: the recipe of ``mobilenet_v2_digits``.

The network is ``keras.applications.MobileNetV2(alpha=0.35, include_top=False, weights=None)`` on
64 x 64 x 3 images (named :data:`helpers.transfer.BASE_NAME`), behind the pixel scaling of
``mobilenet_v2.preprocess_input`` and followed by global average pooling and a softmax over the eight
source classes. Only the base is reused (:func:`helpers.transfer.load_pretrained_mobilenet`); the
softmax head is thrown away, as ImageNet's 1,000-class top is in the original course.
"""
import keras
import numpy as np
from keras import layers
from keras.applications import mobilenet_v2

from helpers.transfer import ALPHA, BASE_NAME, IMG_SIZE, SOURCE_DIGITS, load_source_digits

__all__ = ["build_model", "evaluate", "set_batch_norm_momentum", "train"]


def build_model():
    """The source classifier, uncompiled, with fresh weights: (m, 64, 64, 3) pixels 0..255 to (m, 8) probabilities."""
    inputs = keras.Input(IMG_SIZE + (3,))
    base = keras.applications.MobileNetV2(input_shape=IMG_SIZE + (3,), alpha=ALPHA, include_top=False, weights=None,
                                          name=BASE_NAME)
    x = base(mobilenet_v2.preprocess_input(inputs))
    x = layers.GlobalAveragePooling2D()(x)
    outputs = layers.Dense(len(SOURCE_DIGITS), activation="softmax")(x)
    return keras.Model(inputs, outputs, name="mobilenet_v2_digits")


def set_batch_norm_momentum(model, momentum):
    """Set the momentum of every ``BatchNormalization`` layer inside ``model`` (nested models included)."""
    for layer in model.layers:
        if isinstance(layer, layers.BatchNormalization):
            layer.momentum = momentum
        elif isinstance(layer, keras.Model):
            set_batch_norm_momentum(layer, momentum)
    return model


def train(model, *, seed, epochs, batch_size, learning_rate, bn_momentum):
    """Train ``model`` on the 3,600 source training images: Adam with cosine decay, a new order each epoch.

    Keras's MobileNetV2 updates its batch normalizations' moving averages with momentum 0.999, made for
    ImageNet's millions of steps; after a few hundred steps they would still hold mostly their initial
    values, and the network would fail at inference. Training sets ``bn_momentum`` instead (the moving
    averages are weights; the momentum is not saved).
    """
    set_batch_norm_momentum(model, bn_momentum)
    X, y, _, _ = load_source_digits()
    rng = np.random.default_rng(seed)
    steps = epochs * int(np.ceil(len(X) / batch_size))
    schedule = keras.optimizers.schedules.CosineDecay(learning_rate, decay_steps=steps)
    model.compile(optimizer=keras.optimizers.Adam(schedule), loss="sparse_categorical_crossentropy")
    for epoch in range(epochs):
        order = rng.permutation(len(X))
        model.fit(X[order].astype(np.float32), y[order], batch_size=batch_size, shuffle=False,
                  initial_epoch=epoch, epochs=epoch + 1, verbose=0)
    return model


def evaluate(model):
    """Accuracy of ``model`` on the 400 held-out source test images (50 of each digit 0-7)."""
    _, _, X, y = load_source_digits()
    return float(np.mean(model.predict(X.astype(np.float32), batch_size=200, verbose=0).argmax(axis=1) == y))

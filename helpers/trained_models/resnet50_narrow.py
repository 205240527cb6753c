"""ResNet50 at one eighth of its width, trained on the tinted digits: the recipe of ``resnet50_narrow_digits``.

The network has the layers of the course's ResNet50 (stem, four stages of bottleneck blocks,
average pooling, softmax) with every filter count divided by 8: 385,654 parameters
instead of 23,600,006. :func:`build_resnet50_narrow` assembles it from any pair of block
functions with the course's signatures, so a notebook builds it from the learner's own
``identity_block`` and ``convolutional_block`` and then loads the shipped weights into it.
"""
import keras
import numpy as np
from keras import layers

__all__ = ["STAGES", "WIDTH_DIVISOR", "build_model", "build_resnet50_narrow", "evaluate", "train"]

WIDTH_DIVISOR = 8
STAGES = (  # (F1 of the full-width network, stride of the convolutional block, identity blocks after it)
    (64, 1, 2),
    (128, 2, 3),
    (256, 2, 5),
    (512, 2, 2),
)


def build_resnet50_narrow(identity_block, convolutional_block, *, input_shape=(64, 64, 3), classes=6, training=False):
    """ResNet50 with widths divided by 8, its residual blocks made by the two functions given.

    Parameters
    ----------
    identity_block : callable ``identity_block(X, f, filters, training=...)``
    convolutional_block : callable ``convolutional_block(X, f, filters, s=..., training=...)``
    input_shape : tuple, default (64, 64, 3)
    classes : int, default 6
    training : bool or None, default False
        Passed to every block and to the stem's batch normalization. ``fit`` trains with batch
        statistics whatever it is; it only decides how a direct call ``model(X)`` normalizes.

    Returns
    -------
    model : keras.Model, uncompiled, mapping (m, 64, 64, 3) images to (m, classes) probabilities
    """
    X_input = keras.Input(input_shape)
    X = layers.ZeroPadding2D((3, 3))(X_input)
    X = layers.Conv2D(64 // WIDTH_DIVISOR, (7, 7), strides=(2, 2))(X)
    X = layers.BatchNormalization(axis=3)(X, training=training)
    X = layers.Activation("relu")(X)
    X = layers.MaxPooling2D((3, 3), strides=(2, 2))(X)
    for F1, s, n_identity in STAGES:
        filters = [F1 // WIDTH_DIVISOR, F1 // WIDTH_DIVISOR, 4 * F1 // WIDTH_DIVISOR]
        X = convolutional_block(X, 3, filters, s=s, training=training)
        for _ in range(n_identity):
            X = identity_block(X, 3, filters, training=training)
    X = layers.AveragePooling2D((2, 2))(X)
    X = layers.Flatten()(X)
    X = layers.Dense(classes, activation="softmax")(X)
    return keras.Model(inputs=X_input, outputs=X, name="resnet50_narrow")


def _bottleneck(X, f, filters, *, s=1, project=False, training=None):
    """1x1 (stride s), f x f and 1x1 convolutions with batch norm, added to X or to its 1x1 projection."""
    F1, F2, F3 = filters
    shortcut = X
    convolutions = ((F1, 1, s, "valid"), (F2, f, 1, "same"), (F3, 1, 1, "valid"))
    for i, (n_filters, size, stride, padding) in enumerate(convolutions):
        if i:
            X = layers.Activation("relu")(X)
        X = layers.Conv2D(n_filters, size, strides=stride, padding=padding)(X)
        X = layers.BatchNormalization(axis=3)(X, training=training)
    if project:
        shortcut = layers.Conv2D(F3, 1, strides=s, padding="valid")(shortcut)
        shortcut = layers.BatchNormalization(axis=3)(shortcut, training=training)
    return layers.Activation("relu")(layers.Add()([shortcut, X]))


def _identity_block(X, f, filters, training=True):
    return _bottleneck(X, f, filters, training=training)


def _convolutional_block(X, f, filters, s=2, training=True):
    return _bottleneck(X, f, filters, s=s, project=True, training=training)


def build_model():
    """The recipe's network, uncompiled, with fresh weights."""
    return build_resnet50_narrow(_identity_block, _convolutional_block)


def _load(split):
    """Images scaled to [0, 1] and integer labels of the tinted digits' ``"train"`` or ``"test"`` set."""
    from helpers.images import load_tinted_digits_dataset

    train_x, train_y, test_x, test_y, _ = load_tinted_digits_dataset()
    X, Y = (train_x, train_y) if split == "train" else (test_x, test_y)
    return (X / 255).astype(np.float32), Y[0]


def _augment(X, rng, max_shift):
    """Shift each image by up to ``max_shift`` pixels (edges reflected) and permute its colour channels."""
    m, height, width, _ = X.shape
    padded = np.pad(X, ((0, 0), (max_shift,) * 2, (max_shift,) * 2, (0, 0)), mode="reflect")
    rows, cols = rng.integers(0, 2 * max_shift + 1, size=(2, m))
    channels = np.argsort(rng.random((m, 3)), axis=1)
    return np.stack([padded[i, r:r + height, c:c + width][..., channels[i]]
                     for i, (r, c) in enumerate(zip(rows, cols))])


def train(model, *, seed, epochs, batch_size, learning_rate, weight_decay, max_shift):
    """Train ``model`` on the 1,080 training images: AdamW, cosine decay, images shifted and recoloured each epoch."""
    X, Y = _load("train")
    rng = np.random.default_rng(seed)
    steps = epochs * int(np.ceil(len(X) / batch_size))
    schedule = keras.optimizers.schedules.CosineDecay(learning_rate, decay_steps=steps)
    model.compile(optimizer=keras.optimizers.AdamW(schedule, weight_decay=weight_decay),
                  loss="sparse_categorical_crossentropy")
    for epoch in range(epochs):
        order = rng.permutation(len(X))
        model.fit(_augment(X[order], rng, max_shift), Y[order], batch_size=batch_size, shuffle=False,
                  initial_epoch=epoch, epochs=epoch + 1, verbose=0)
    return model


def evaluate(model):
    """Accuracy of ``model`` on the 120 held-out test images."""
    X, Y = _load("test")
    return float(np.mean(model.predict(X, batch_size=120, verbose=0).argmax(axis=1) == Y))

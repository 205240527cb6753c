"""The face encoder of Course 4 week 4: the recipe of ``face_encoder_people``.

A small convolutional network maps a 64 x 64 photo of a generated person (:mod:`helpers.faces`)
to a 128-number encoding of length 1, as FaceNet maps a 160 x 160 photo to 128 numbers. It is
trained with the triplet loss (margin 0.2) on 1,000 people with 10 photos each, the lecture's
"10,000 pictures of 1,000 persons". Each mini-batch holds a few photos of each of a few people, and
the loss is averaged over every valid triplet of the batch whose loss is above zero ("batch-all"
mining: a triplet that already satisfies the margin teaches nothing), with Adam and a learning rate
that decays along a cosine over the 1,500 steps. The held-out figure is the
ROC-AUC of face verification on people the network never saw: every pair of photos of 100 new
people, same person or not, scored by the distance between their encodings.
"""
import keras
import numpy as np
import tensorflow as tf
from keras import layers

from helpers.face_verification import encode_faces, pair_distances, roc_auc
from helpers.faces import IMAGE_SIZE, make_faces

__all__ = ["HELD_OUT_SEED", "build_model", "evaluate", "held_out_faces", "train"]

HELD_OUT_SEED, HELD_OUT_PEOPLE, HELD_OUT_PHOTOS = 1001, 100, 5
MARGIN = 0.2


def build_model():
    """The encoder, uncompiled: (m, 64, 64, 3) photos scaled to [0, 1] -> (m, 128) encodings of length 1."""
    X_input = keras.Input((IMAGE_SIZE, IMAGE_SIZE, 3))
    X = X_input
    for filters in (16, 32, 64, 128):
        X = layers.Conv2D(filters, 3, padding="same", use_bias=False)(X)
        X = layers.BatchNormalization()(X)
        X = layers.ReLU()(X)
        X = layers.MaxPooling2D(2)(X)
    X = layers.GlobalAveragePooling2D()(X)
    X = layers.Dense(128)(X)
    X = layers.UnitNormalization()(X)
    return keras.Model(X_input, X, name="face_encoder")


def held_out_faces():
    """Photos of the 100 held-out people, 5 each: X (500, 64, 64, 3) uint8 and y (500,) person ids."""
    return make_faces(HELD_OUT_PEOPLE, HELD_OUT_PHOTOS, random_state=HELD_OUT_SEED)


def _batch_all_loss(encodings, labels):
    """Mean triplet loss over the valid triplets (a, p, n) of a batch whose loss is above zero."""
    squared = tf.reduce_sum(tf.square(encodings[:, None, :] - encodings[None, :, :]), axis=-1)
    same = tf.equal(labels[:, None], labels[None, :])
    positive = tf.logical_and(same, tf.logical_not(tf.eye(tf.shape(labels)[0], dtype=tf.bool)))
    valid = tf.logical_and(positive[:, :, None], tf.logical_not(same)[:, None, :])  # [a, p, n]
    losses = tf.maximum(squared[:, :, None] - squared[:, None, :] + MARGIN, 0.0) * tf.cast(valid, tf.float32)
    active = tf.reduce_sum(tf.cast(losses > 1e-12, tf.float32))
    return tf.reduce_sum(losses) / tf.maximum(active, 1.0)


def train(model, *, seed, n_people, photos_per_person, steps, people_per_batch, photos_per_batch, learning_rate):
    """Train on ``n_people`` people drawn with ``seed`` and their photos, ``steps`` mini-batches of Adam."""
    X, y = make_faces(n_people, photos_per_person, random_state=seed)
    X = X.astype(np.float32) / 255
    rng = np.random.default_rng(seed)
    optimizer = keras.optimizers.Adam(keras.optimizers.schedules.CosineDecay(learning_rate, steps))

    @tf.function
    def step(images, labels):
        with tf.GradientTape() as tape:
            loss = _batch_all_loss(model(images, training=True), labels)
        optimizer.apply_gradients(zip(tape.gradient(loss, model.trainable_variables), model.trainable_variables))
        return loss

    for _ in range(steps):
        people = rng.choice(n_people, people_per_batch, replace=False)
        rows = (people[:, None] * photos_per_person
                + np.array([rng.choice(photos_per_person, photos_per_batch, replace=False) for _ in people]))
        rows = rows.reshape(-1)
        step(tf.constant(X[rows]), tf.constant(y[rows]))
    return model


def evaluate(model):
    """Verification ROC-AUC over every pair of photos of the 100 held-out people."""
    X, y = held_out_faces()
    distances, same = pair_distances(encode_faces(model, X), y)
    return roc_auc(distances, same)

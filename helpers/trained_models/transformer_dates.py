"""A small Transformer that translates human-readable dates to ISO dates: the recipe of ``transformer_dates``.

The network has the structure of Course 5 week 4's ``Transformer`` (an encoder and a decoder of 2 layers
each around Keras's ``MultiHeadAttention``, ``embedding_dim`` 64, 4 heads, a feed-forward layer of 128
units, a softmax over 13 target ids) and reads the dates of :mod:`helpers.transformer_lesson`. It is
trained with teacher forcing and a ``GradientTape`` step (:func:`helpers.transformer_lesson.train_transformer`)
on the 10,000 pairs the attention LSTM ``nmt_dates`` was trained on, and evaluated by exact match (all ten
symbols right, decoded greedily) on the same 1,000 held-out pairs.

The recipe needs a network of its own to train and to save: :func:`build_model` builds the layers with the
attribute names, kinds and order of the course's classes, so its variables come in the order of any
learner's ``Transformer`` with the course's ``__init__`` methods. :func:`build_transformer` builds such a
Transformer from a class with the course's signature (the learner's, in the notebook), and
:func:`load_transformer_weights` copies the shipped variables into it, after checking every shape.
"""
import itertools

import keras
import numpy as np
from keras import layers

from helpers.transformer_lesson import INPUT_VOCAB_SIZE, TARGET_VOCAB_SIZE, FullyConnected, Tx, Ty

__all__ = ["TRANSFORMER_SETTINGS", "build_model", "build_transformer", "evaluate", "load_transformer_weights",
           "train"]

#: The keyword arguments of ``Transformer(...)`` for the shipped network.
TRANSFORMER_SETTINGS = {
    "num_layers": 2,
    "embedding_dim": 64,
    "num_heads": 4,
    "fully_connected_dim": 128,
    "input_vocab_size": INPUT_VOCAB_SIZE,
    "target_vocab_size": TARGET_VOCAB_SIZE,
    "max_positional_encoding_input": Tx,
    "max_positional_encoding_target": Ty,
    "dropout_rate": 0.1,
}


def build_transformer(Transformer, **settings):
    """``Transformer(**settings)`` (default :data:`TRANSFORMER_SETTINGS`), called once on a batch of two dates
    without masks so that every variable exists; returns it."""
    model = Transformer(**(settings or TRANSFORMER_SETTINGS))
    source = np.ones((2, Tx), dtype=np.int32)
    target = np.ones((2, Ty), dtype=np.int32)
    model(source, target, training=False, enc_padding_mask=None, look_ahead_mask=None, dec_padding_mask=None)
    return model


# The recipe's own network. Its layers are created in the order of the course's __init__ methods, under the
# same attribute names, which fixes the order of the variables (and the paths in the weights file).
def _positions(positions, d):
    angles = np.arange(positions)[:, None] / 10000 ** (2 * (np.arange(d)[None, :] // 2) / d)
    angles[:, 0::2], angles[:, 1::2] = np.sin(angles[:, 0::2]), np.cos(angles[:, 1::2])
    return angles[None].astype(np.float32)


def _attend(block, query, context, mask, training, norm):
    out, weights = block(query, context, context, attention_mask=mask, return_attention_scores=True, training=training)
    return norm(query + out), weights


class DateStack(layers.Layer):
    """An encoder (``cross=False``) or a decoder (``cross=True``) of the course's structure."""

    def __init__(self, num_layers, embedding_dim, num_heads, fully_connected_dim, vocab_size, positions, dropout_rate,
                 cross):
        super().__init__()
        self.embedding_dim, self.num_layers, self.cross = embedding_dim, num_layers, cross
        self.embedding = layers.Embedding(vocab_size, embedding_dim)
        self.pos_encoding = _positions(positions, embedding_dim)
        self.sublayers = [DateLayer(embedding_dim, num_heads, fully_connected_dim, dropout_rate, cross)
                          for _ in range(num_layers)]
        self.dropout = layers.Dropout(dropout_rate)

    def call(self, x, context=None, training=False, self_mask=None, context_mask=None):
        length = keras.ops.shape(x)[1]
        x = self.embedding(x) * np.sqrt(self.embedding_dim).astype(np.float32) + self.pos_encoding[:, :length, :]
        x = self.dropout(x, training=training)
        for sublayer in self.sublayers:
            x = sublayer(x, context=context, training=training, self_mask=self_mask, context_mask=context_mask)
        return x


class DateLayer(layers.Layer):
    def __init__(self, d, num_heads, units, dropout_rate, cross):
        super().__init__()
        self.cross = cross
        self.mha1 = layers.MultiHeadAttention(num_heads=num_heads, key_dim=d, dropout=dropout_rate)
        if cross:
            self.mha2 = layers.MultiHeadAttention(num_heads=num_heads, key_dim=d, dropout=dropout_rate)
        self.ffn = FullyConnected(d, units)
        self.norms = [layers.LayerNormalization(epsilon=1e-6) for _ in range(3 if cross else 2)]
        self.dropout_ffn = layers.Dropout(dropout_rate)

    def call(self, x, context=None, training=False, self_mask=None, context_mask=None):
        x, _ = _attend(self.mha1, x, x, self_mask, training, self.norms[0])
        if self.cross:
            x, _ = _attend(self.mha2, x, context, context_mask, training, self.norms[1])
        return self.norms[-1](x + self.dropout_ffn(self.ffn(x), training=training))


class DateTransformer(keras.Model):
    def __init__(self, num_layers, embedding_dim, num_heads, fully_connected_dim, input_vocab_size, target_vocab_size,
                 max_positional_encoding_input, max_positional_encoding_target, dropout_rate=0.1):
        super().__init__()
        shared = (num_layers, embedding_dim, num_heads, fully_connected_dim)
        self.encoder = DateStack(*shared, input_vocab_size, max_positional_encoding_input, dropout_rate, cross=False)
        self.decoder = DateStack(*shared, target_vocab_size, max_positional_encoding_target, dropout_rate, cross=True)
        self.final_layer = layers.Dense(target_vocab_size, activation="softmax")

    def call(self, input_sentence, output_sentence, training=False, enc_padding_mask=None, look_ahead_mask=None,
             dec_padding_mask=None):
        context = self.encoder(input_sentence, training=training, self_mask=enc_padding_mask)
        x = self.decoder(output_sentence, context, training=training, self_mask=look_ahead_mask,
                         context_mask=dec_padding_mask)
        return self.final_layer(x), {}


def _padding_mask(ids):
    import tensorflow as tf

    return tf.cast(tf.not_equal(ids, 0), tf.float32)[:, None, :]


def _look_ahead_mask(length):
    return np.tril(np.ones((1, length, length), dtype=np.float32))


def build_model():
    """The recipe's Transformer of :data:`TRANSFORMER_SETTINGS`, built, uncompiled, with fresh weights."""
    return build_transformer(DateTransformer, **TRANSFORMER_SETTINGS)


def train(model, *, seed, m, epochs, batch_size, learning_rate):
    """Train on the ``m`` pairs of ``load_dataset(m)`` for ``epochs`` epochs (teacher forcing, Adam)."""
    from helpers.transformer_lesson import load_date_translation, train_transformer

    task = load_date_translation(m)
    train_transformer(model, task, _padding_mask, _look_ahead_mask, epochs=epochs, batch_size=batch_size,
                      learning_rate=learning_rate, seed=seed, progress=False)
    return model


def evaluate(model):
    """Exact-match accuracy (all ten symbols right, greedy decoding) on the 1,000 held-out pairs."""
    from helpers.transformer_lesson import load_date_translation, translate

    task = load_date_translation(m=1)
    predictions = translate(model, task.X_test, _padding_mask, _look_ahead_mask, task=task)
    return float(np.mean([p == machine for p, (_, machine) in zip(predictions, task.test_dates)]))


def load_transformer_weights(model, name="transformer_dates"):
    """Copy the shipped weights of ``name`` into ``model``, a built Transformer of the shipped structure (see
    :func:`build_transformer`); return it.

    Variables are matched in the order Keras lists them, which follows the order in which the course's
    ``__init__`` methods create the layers, never by layer name. When the number of variables or any
    shape differs, a ValueError names the first one and nothing is loaded.
    """
    from helpers.trained_models import load_model

    shipped, yours = load_model(name).weights, model.weights
    for index, (theirs, mine) in enumerate(itertools.zip_longest(shipped, yours)):
        if theirs is None or mine is None or tuple(theirs.shape) != tuple(mine.shape):
            where = "nothing" if mine is None else f"{mine.path} of shape {tuple(mine.shape)}"
            expected = "nothing" if theirs is None else f"a variable of shape {tuple(theirs.shape)}"
            raise ValueError(f"{name}: this model does not have the shipped structure ({len(yours)} variables, "
                             f"{len(shipped)} expected): variable {index} is {where}, where the shipped network "
                             f"has {expected}. Build it with build_transformer(Transformer, **TRANSFORMER_SETTINGS).")
    for source, target in zip(shipped, yours):
        target.assign(source)
    return model

"""The attention translator of human-readable dates to ISO dates: the recipe of ``nmt_dates``.

The network is Course 5 week 3's: a bidirectional LSTM (32 units each way) over the 30 input
characters, then 10 steps of attention (``RepeatVector``, ``Concatenate``, ``Dense(10, tanh)``,
``Dense(1, relu)``, a softmax over the 30 positions named ``'attention_weights'``, ``Dot``) feeding
a post-attention LSTM of 64 units and a softmax over the 11 output symbols: 52,960 parameters.
It is trained on pairs from :func:`helpers.dates.load_dataset` and evaluated by exact match (all
ten symbols right) on 1,000 pairs drawn with another seed.

The energy layer ``Dense(1, relu)`` starts with a bias of 1 here (the notebook's starts at 0): with
a zero bias the ReLU can die early in training, every energy is then 0, the attention uniform, and
the translator learns to do without it (it still reaches about 0.98, but its attention maps are
flat). The initializer changes no weight's shape, so the weights load into the notebook's model.
"""
import keras
import numpy as np
from keras import layers

from helpers.dates import exact_match_accuracy, load_dataset, preprocess_data

__all__ = ["HELD_OUT_SEED", "Tx", "Ty", "build_model", "evaluate", "held_out_dates", "train"]

Tx, Ty, N_A, N_S = 30, 10, 32, 64
HELD_OUT_SEED, HELD_OUT_SIZE = 1, 1000


def build_model():
    """The translator, uncompiled, with fresh weights: inputs [X (m, 30, 37), s0 (m, 64), c0 (m, 64)], a list of
    10 outputs of shape (m, 11)."""
    attention = [layers.RepeatVector(Tx), layers.Concatenate(axis=-1), layers.Dense(10, activation="tanh"),
                 layers.Dense(1, activation="relu", bias_initializer=keras.initializers.Constant(1.0)), layers.Softmax(axis=1, name="attention_weights"),
                 layers.Dot(axes=1)]
    repeat, join, hidden, energy, weights, weigh = attention
    decoder = layers.LSTM(N_S, return_state=True)
    output = layers.Dense(11, activation="softmax")
    X = keras.Input((Tx, 37))
    s0, c0 = keras.Input((N_S,)), keras.Input((N_S,))
    a = layers.Bidirectional(layers.LSTM(N_A, return_sequences=True))(X)
    s, c, outputs = s0, c0, []
    for _ in range(Ty):
        context = weigh([weights(energy(hidden(join([a, repeat(s)])))), a])
        s, _, c = decoder(context, initial_state=[s, c])
        outputs.append(output(s))
    return keras.Model(inputs=[X, s0, c0], outputs=outputs)


def held_out_dates():
    """The 1,000 held-out pairs (human, ISO)."""
    return load_dataset(HELD_OUT_SIZE, random_state=HELD_OUT_SEED)[0]


def train(model, *, seed, m, epochs, batch_size, learning_rate, decay):
    """Train on ``m`` pairs drawn with ``seed``: Adam with inverse-time decay, categorical cross-entropy per step."""
    dataset, human_vocab, machine_vocab, _ = load_dataset(m, random_state=seed)
    _, _, Xoh, Yoh = preprocess_data(dataset, human_vocab, machine_vocab, Tx, Ty)
    schedule = keras.optimizers.schedules.InverseTimeDecay(learning_rate, decay_steps=1, decay_rate=decay)
    model.compile(optimizer=keras.optimizers.Adam(schedule, beta_1=0.9, beta_2=0.999),
                  loss="categorical_crossentropy")
    zeros = np.zeros((m, N_S), dtype=np.float32)
    model.fit([Xoh, zeros, zeros], list(Yoh.swapaxes(0, 1)), epochs=epochs, batch_size=batch_size, verbose=0)
    return model


def evaluate(model):
    """Exact-match accuracy (all ten symbols right) on the 1,000 held-out pairs."""
    return exact_match_accuracy(model, held_out_dates(), Tx=Tx, Ty=Ty)

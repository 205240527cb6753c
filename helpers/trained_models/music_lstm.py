"""The improvising LSTM of Course 5 week 1 (*Improvise music with an LSTM*): the recipe of ``music_lstm_bach``.

The network is the notebook's ``djmodel``: the 30 steps of one shared ``LSTM(64, return_state=True)``,
each reading one one-hot token (through a shared ``Reshape((1, 90))``) and predicting the next with a
shared ``Dense(90, softmax)``: 45,530 parameters. It is trained as the original was — Adam at 0.01 with
Keras 2's per-step decay of 0.01, 100 epochs — on the notebook's 60 windows of 30 tokens
(:func:`helpers.music.load_music_utils`), and evaluated by next-token accuracy on windows of chorales
it never saw (numbers 60 to 99 of the corpus, through the same vocabulary).
"""
import keras
import numpy as np
from keras import layers

from helpers.music import N_VALUES, OTHER, load_chorale_tokens, load_music_utils

__all__ = ["N_A", "Tx", "build_djmodel", "build_model", "evaluate", "held_out_windows", "train"]

N_A, Tx = 64, 30


def build_djmodel(djmodel, *, Tx=Tx, n_a=N_A, n_values=N_VALUES):
    """The training network built by ``djmodel(Tx, LSTM_cell, densor, reshaper)`` (the learner's, or the
    recipe's) with fresh shared layers; returns ``(model, LSTM_cell, densor)``."""
    LSTM_cell, densor = layers.LSTM(n_a, return_state=True), layers.Dense(n_values, activation="softmax")
    return djmodel(Tx, LSTM_cell, densor, layers.Reshape((1, n_values))), LSTM_cell, densor


def _djmodel(Tx, LSTM_cell, densor, reshaper):
    X = keras.Input((Tx, densor.units))
    a0, c0 = keras.Input((LSTM_cell.units,)), keras.Input((LSTM_cell.units,))
    steps = [X[:, t, :] for t in range(Tx)]
    a, c, outputs = a0, c0, []
    for x in steps:
        _, a, c = LSTM_cell(reshaper(x), initial_state=[a, c])
        outputs.append(densor(a))
    return keras.Model(inputs=[X, a0, c0], outputs=outputs)


def build_model():
    """The network, uncompiled, with fresh weights."""
    return build_djmodel(_djmodel)[0]


def train(model, *, seed, epochs, learning_rate, decay, batch_size):
    """Adam with inverse-time decay, categorical cross-entropy at every step, on the notebook's windows."""
    X, Y, _, _, _ = load_music_utils(random_state=seed)
    schedule = keras.optimizers.schedules.InverseTimeDecay(learning_rate, decay_steps=1, decay_rate=decay)
    model.compile(optimizer=keras.optimizers.Adam(schedule), loss="categorical_crossentropy")
    zeros = np.zeros((len(X), N_A), dtype=np.float32)
    model.fit([X, zeros, zeros], list(Y), epochs=epochs, batch_size=batch_size, verbose=0)
    return model


def held_out_windows(n=200, random_state=1):
    """``n`` windows of 31 token indices from chorales 60 to 99, through the training vocabulary."""
    _, _, _, indices_values, _ = load_music_utils()
    value_to_index = {token: index for index, token in indices_values.items() if token is not None}
    melodies = [np.array([value_to_index.get(t, OTHER) for t in m]) for m in load_chorale_tokens(100)[60:]]
    melodies = [m for m in melodies if len(m) > Tx]
    rng = np.random.default_rng(random_state)
    windows = []
    for _ in range(n):
        melody = melodies[int(rng.integers(len(melodies)))]
        start = int(rng.integers(len(melody) - Tx))
        windows.append(melody[start:start + Tx + 1])
    return np.array(windows)


def evaluate(model):
    """Next-token accuracy on the held-out windows (every step of every window)."""
    windows = held_out_windows()
    X = np.eye(N_VALUES, dtype=np.float32)[windows[:, :Tx]]
    zeros = np.zeros((len(X), N_A), dtype=np.float32)
    predictions = np.stack(model.predict([X, zeros, zeros], verbose=0), axis=1).argmax(axis=-1)
    return float(np.mean(predictions == windows[:, 1:]))

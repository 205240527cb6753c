"""The trigger-word detector of Course 5 week 3, CPU-sized: the recipe of ``trigger_word_small``.

The notebook's ``modelf`` is the original's: Conv1D(196, 15, strides=4), then two GRU(128) layers that
read all 1,375 steps, 523,329 parameters. The original trained it for hours on a GPU; on one CPU core
the GRUs' 1,375 sequential steps cost seconds per mini-batch. This detector keeps the same stages at a
size a few CPU minutes can train: Conv1D(32, 15, strides=4) → batch norm → ReLU, an average over 5
steps (275 steps of 36 ms), two GRU(32) layers with batch norm, each output repeated 5 times, and a
time-distributed sigmoid: 1,375 probabilities, one per output step, like the original's.

Training examples are made as the notebook makes them (a 10-second background, "activate"s followed
by 50 ones in the labels, 0 to 2 other words as negatives, no overlaps), from the training voices, fresh
for every mini-batch, with 2 to 4 "activate"s each (the notebook draws 0 to 4) so that short training
sees many of them. The held-out set uses the 5 voices and the backgrounds that training never sees.
"""
import keras
import numpy as np
from keras import layers

from helpers.trigger_word import CLIP_MS, N_FREQ, Tx, Ty, detect_triggers, load_raw_audio, precision_recall
from helpers.trigger_word import match_target_amplitude, spectrogram

__all__ = ["HELD_OUT_SEED", "build_model", "evaluate", "held_out_examples", "make_examples", "predict", "train"]

FILTERS, UNITS, POOL = 32, 32, 5
HELD_OUT_SEED, HELD_OUT_SIZE = 1, 100


def build_model():
    """The CPU-sized detector, uncompiled: input (m, 5511, 101) spectrograms, output (m, 1375, 1) probabilities."""
    X_input = keras.Input(shape=(Tx, N_FREQ))
    X = layers.Conv1D(FILTERS, 15, strides=4)(X_input)
    X = layers.BatchNormalization()(X)
    X = layers.Activation("relu")(X)
    X = layers.AveragePooling1D(POOL)(X)
    X = layers.GRU(UNITS, return_sequences=True)(X)
    X = layers.Dropout(0.2)(X)
    X = layers.BatchNormalization()(X)
    X = layers.GRU(UNITS, return_sequences=True)(X)
    X = layers.Dropout(0.2)(X)
    X = layers.BatchNormalization()(X)
    X = layers.UpSampling1D(POOL)(X)
    X = layers.TimeDistributed(layers.Dense(1, activation="sigmoid"))(X)
    return keras.Model(inputs=X_input, outputs=X)


def _segments(rng, durations, taken):
    """Start and end (ms) of a free place for each clip of ``durations``, or None (5 retries, as the notebook)."""
    places = []
    for duration in durations:
        for _ in range(6):
            start = int(rng.integers(0, CLIP_MS - duration))
            end = start + duration - 1
            if all(end < first or start > last for first, last in taken):
                taken.append((start, end))
                places.append(start)
                break
        else:
            places.append(None)
    return places


def make_examples(m, split="train", *, random_state=0, activates_range=(0, 5), audio=False):
    """``m`` 10-second examples of ``split``: X (m, 5511, 101) float32, Y (m, 1375, 1) float32, for each
    example the ends (ms) of its "activate"s, and with ``audio`` the list of the m mixed AudioClips."""
    activates, negatives, backgrounds = _audio(split)
    rng = np.random.default_rng(random_state)
    X = np.empty((m, Tx, N_FREQ), dtype=np.float32)
    Y = np.zeros((m, Ty, 1), dtype=np.float32)
    ends, clips = [], []
    for i in range(m):
        background = backgrounds[rng.integers(len(backgrounds))].apply_gain(-20 + rng.uniform(-5, 5))
        words = [activates[j] for j in rng.integers(len(activates), size=rng.integers(*activates_range))]
        others = [negatives[j] for j in rng.integers(len(negatives), size=rng.integers(0, 3))]
        taken, example_ends = [], []
        for k, (word, start) in enumerate(zip(words + others, _segments(rng, [len(w) for w in words + others], taken))):
            if start is None:
                continue
            background = background.overlay(word.apply_gain(rng.uniform(-3, 0)), position=start)
            if k < len(words):
                end = start + len(word) - 1
                example_ends.append(end)
                first = int(end * Ty / CLIP_MS)
                Y[i, first + 1:first + 51, 0] = 1
        background = match_target_amplitude(background, -20.0)
        X[i] = spectrogram(background).T
        ends.append(example_ends)
        clips.append(background)
    return (X, Y, ends, clips) if audio else (X, Y, ends)


_AUDIO = {}


def _audio(split):
    if split not in _AUDIO:
        _AUDIO[split] = load_raw_audio(split)
    return _AUDIO[split]


def held_out_examples(m=HELD_OUT_SIZE):
    """The first ``m`` of the 100 held-out examples (voices and backgrounds training never used): X, Y, ends."""
    return make_examples(m, "held_out", random_state=HELD_OUT_SEED)


def predict(model, X, batch_size=20):
    """The model's probabilities for X, shape (m, 1375, 1), computed batch by batch in inference mode."""
    return np.concatenate([np.asarray(model(X[i:i + batch_size], training=False))
                           for i in range(0, len(X), batch_size)])


def train(model, *, seed, batches, batch_size, learning_rate):
    """Train on ``batches`` fresh mini-batches of training examples: Adam, binary cross-entropy per step."""
    def examples():
        for batch in range(batches):
            X, Y, _ = make_examples(batch_size, random_state=(seed, batch), activates_range=(2, 5))
            yield X, Y

    model.compile(optimizer=keras.optimizers.Adam(learning_rate), loss="binary_crossentropy")
    model.fit(examples(), steps_per_epoch=batches, epochs=1, verbose=0)
    return model


def evaluate(model, threshold=0.5):
    """F1 score of the detections (see :func:`helpers.trigger_word.precision_recall`) on the held-out examples."""
    X, _, ends = held_out_examples()
    probabilities = predict(model, X)
    precision, recall = precision_recall([detect_triggers(p, threshold) for p in probabilities], ends)
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0

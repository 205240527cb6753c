"""helpers.music: Bach's soprano lines as tokens, the training windows, synthesized audio, MIDI files,
melody statistics, and the shipped LSTM loaded into a network built by a djmodel."""
import numpy as np
import pytest

from helpers.music import (
    OTHER,
    histogram_distance,
    interval_histogram,
    load_chorale_tokens,
    load_music_utils,
    make_probe_inference_model,
    music_statistics,
    pitch_histogram,
    synthesize,
    tokens_of,
    write_midi,
)


@pytest.fixture(scope="module")
def data():
    return load_music_utils()


def test_windows_have_the_original_shapes_and_y_is_x_shifted(data):
    """Is X (60, 30, 90) one-hot, Y (30, 60, 90), Y[t] = X[:, t+1], and "other" rare?"""
    X, Y, n_values, indices_values, corpus = data
    assert X.shape == (60, 30, 90) and Y.shape == (30, 60, 90) and n_values == 90
    assert np.all(X.sum(axis=2) == 1) and np.all(Y.sum(axis=2) == 1)
    assert np.array_equal(Y[:-1], X.transpose(1, 0, 2)[1:])
    assert indices_values[OTHER] is None and len(indices_values) == 90
    assert len(corpus) == 60 and np.mean(np.concatenate(corpus) == OTHER) < 0.02
    melodies = load_chorale_tokens(60)
    assert all(pitch == 0 or 55 <= pitch <= 85 for melody in melodies for pitch, _ in melody)


def test_audio_and_midi(tmp_path, data):
    """Does a melody become a float32 signal in [-1, 1] of the right length, and a MIDI file music21 reads back?"""
    from music21 import converter

    tokens = [(72, 1.0), (0, 0.5), (74, 0.5), (76, 2.0)]
    signal = synthesize(tokens, seconds_per_quarter=0.5, sample_rate=8000)
    assert signal.dtype == np.float32 and len(signal) == 8000 * 2 and np.max(np.abs(signal)) <= 0.8 + 1e-6
    assert np.all(signal[4000:6000] == 0)  # the rest
    path = write_midi(tokens, tmp_path / "x.mid")
    notes = [n for n in converter.parse(path).flatten().notes]
    assert [n.pitch.midi for n in notes] == [72, 74, 76]
    assert tokens_of([0, OTHER], data[3])[1] == (0, 1.0)


def test_statistics():
    """Are the histograms normalized, the distance 0 for the same melody and 1 for disjoint ones, and is the
    corpus close to itself?"""
    a, b = [(60, 1.0), (62, 1.0), (64, 1.0)], [(70, 1.0), (70, 1.0)]
    assert pitch_histogram(a).sum() == pytest.approx(1) and interval_histogram(a)[12 + 2] == 1
    assert histogram_distance(pitch_histogram(a), pitch_histogram(a)) == 0
    assert histogram_distance(pitch_histogram(a), pitch_histogram(b)) == pytest.approx(1)
    melodies = [list(m) for m in load_chorale_tokens(60)]
    same = music_statistics(melodies[:30], melodies[30:])
    assert same["pitch"] < 0.2 and same["interval"] < 0.1


def test_probe_inference_model_has_the_inference_interface():
    """Does the tests' small network take [x0, a0, c0] and return Ty softmaxes?"""
    model = make_probe_inference_model(Ty=4, n_values=7, n_a=3, seed=1)
    outputs = model([np.eye(7)[[2]][:, None, :], np.zeros((1, 3)), np.zeros((1, 3))])
    assert len(outputs) == 4 and all(np.allclose(np.sum(o, axis=-1), 1) for o in outputs)


def test_the_shipped_lstm_loads_into_a_network_built_by_a_djmodel(data):
    """Do the shipped weights load into a network built by another djmodel (here the recipe's, after other
    networks were built), and does it predict held-out chorales far better than chance?"""
    import keras

    from helpers.trained_models import load_weights
    from helpers.trained_models.music_lstm import _djmodel, build_djmodel, evaluate

    keras.layers.Dense(3)  # other layers first: loading must not depend on names
    model, LSTM_cell, densor = build_djmodel(_djmodel)
    load_weights(model, "music_lstm_bach")
    assert model.count_params() == 45530
    assert evaluate(model) > 0.2


def test_numpy_generation_matches_the_keras_layers():
    """At a temperature near 0, does the NumPy step loop pick what the Keras layers' own argmax picks?"""
    import keras

    from helpers.music import generate_with_temperature

    keras.utils.set_random_seed(0)
    LSTM_cell, densor = keras.layers.LSTM(6, return_state=True), keras.layers.Dense(5, activation="softmax")
    x, a, c = np.eye(5, dtype=np.float32)[[2]][:, None, :], np.zeros((1, 6), np.float32), np.zeros((1, 6), np.float32)
    picked = []
    for _ in range(6):
        _, a, c = LSTM_cell(x, initial_state=[a, c])
        picked.append(int(np.argmax(densor(a))))
        x = np.eye(5, dtype=np.float32)[[picked[-1]]][:, None, :]
    assert list(generate_with_temperature(LSTM_cell, densor, 2, Ty=6, temperature=1e-6)) == picked

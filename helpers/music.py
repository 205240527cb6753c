"""Music for Course 5, week 1 (*Improvise music with an LSTM*): data from music21's bundled Bach
chorales, piano rolls, audio synthesized in numpy, MIDI files, statistics of melodies and a widget.

**Data.** The soprano line of each four-part chorale of music21's corpus (no download: the corpus
ships with the package), transposed by its key signature so that every chorale is in C major or A
minor, becomes a sequence of **tokens** ``(pitch, duration)``: the MIDI pitch (0 for a rest) and the
length in quarter notes. The 89 most frequent tokens get indices 0–88 and every other token index 89
("other"), so a token is a one-hot vector of ``n_values = 90``, as in the original assignment.
:func:`load_music_utils` cuts 60 windows of 30 tokens: ``X`` of shape ``(60, 30, 90)`` and ``Y`` of
shape ``(30, 60, 90)``, ``Y[t]`` being ``X[:, t + 1]`` (the next token).

**Listening.** :func:`synthesize` renders tokens as a mono signal (a few harmonics under a decaying
envelope, no sound font) for ``IPython.display.Audio``; :func:`write_midi` writes a MIDI file with
music21; :func:`plot_piano_roll` draws the notes.

**Measuring.** :func:`pitch_histogram` and :func:`interval_histogram` describe a melody;
:func:`histogram_distance` (total variation, 0 = same, 1 = disjoint) compares it with the corpus.
"""
import functools

import matplotlib.pyplot as plt
import numpy as np

__all__ = [
    "N_VALUES",
    "OTHER",
    "describe_statistics",
    "generate_with_temperature",
    "histogram_distance",
    "interval_histogram",
    "load_chorale_tokens",
    "load_music_utils",
    "make_probe_inference_model",
    "music_statistics",
    "music_widget",
    "pitch_histogram",
    "plot_histograms",
    "plot_piano_roll",
    "synthesize",
    "tokens_of",
    "write_midi",
]

N_VALUES = 90
#: The index of "any other token" (rendered as a quarter rest).
OTHER = N_VALUES - 1
PITCHES = np.arange(55, 86)  # G3 to C#6: the soprano's range, transposed
INTERVALS = np.arange(-12, 13)


def _transposition(score):
    """Semitones that bring the chorale's key signature to no sharps or flats (C major / A minor)."""
    signatures = score.parts[0].recurse().getElementsByClass("KeySignature")
    if not signatures:
        return 0
    tonic = (7 * signatures[0].sharps) % 12
    return -tonic if tonic <= 6 else 12 - tonic


@functools.lru_cache(maxsize=4)
def load_chorale_tokens(n_chorales=60):
    """The soprano lines of the first ``n_chorales`` four-part Bach chorales of music21's corpus, as tokens.

    Returns
    -------
    melodies : tuple of tuple of (int, float)
        One melody per chorale: ``(MIDI pitch or 0 for a rest, duration in quarter notes)``.
    """
    from music21 import corpus

    melodies = []
    for path in sorted(str(p) for p in corpus.getComposer("bach")):
        if len(melodies) == n_chorales:
            break
        score = corpus.parse(path)
        if len(score.parts) != 4:
            continue
        shift = _transposition(score)
        tokens = []
        for element in score.parts[0].flatten().notesAndRests:
            duration = float(element.quarterLength)
            if duration <= 0:
                continue
            if element.isRest:
                tokens.append((0, duration))
            elif element.isNote:
                tokens.append((int(element.pitch.midi) + shift, duration))
        melodies.append(tuple(tokens))
    return tuple(melodies)


def load_music_utils(n_chorales=60, *, Tx=30, m=60, random_state=0):
    """Training windows of one-hot tokens, as the original's ``load_music_utils``.

    Returns
    -------
    X : ndarray of shape (m, Tx, 90), float32
        ``m`` windows of ``Tx`` consecutive tokens of one chorale each.
    Y : ndarray of shape (Tx, m, 90), float32
        ``Y[t, i]`` is ``X[i, t + 1]``: the token that follows (the last one, the token after the window).
    n_values : int
        90.
    indices_values : dict of {int: (int, float) or None}
        What every index stands for; ``None`` for index 89, "other".
    corpus : list of ndarray of int
        Every chorale's soprano line as indices (for statistics and the widget).
    """
    from collections import Counter

    melodies = load_chorale_tokens(n_chorales)
    counts = Counter(token for melody in melodies for token in melody)
    values = [token for token, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:N_VALUES - 1]]
    indices_values = {**dict(enumerate(values)), OTHER: None}
    value_to_index = {token: index for index, token in enumerate(values)}
    corpus = [np.array([value_to_index.get(token, OTHER) for token in melody]) for melody in melodies]
    rng = np.random.default_rng(random_state)
    long_enough = [c for c in corpus if len(c) > Tx]
    X = np.zeros((m, Tx, N_VALUES), dtype=np.float32)
    Y = np.zeros((Tx, m, N_VALUES), dtype=np.float32)
    for i in range(m):
        melody = long_enough[int(rng.integers(len(long_enough)))]
        start = int(rng.integers(len(melody) - Tx))
        window = melody[start:start + Tx + 1]
        X[i, np.arange(Tx), window[:Tx]] = 1
        Y[np.arange(Tx), i, window[1:]] = 1
    return X, Y, N_VALUES, indices_values, corpus


def tokens_of(indices, indices_values):
    """The ``(pitch, duration)`` tokens of a sequence of indices ("other" becomes a quarter rest)."""
    tokens = []
    for index in np.asarray(indices).ravel():
        token = indices_values.get(int(index))
        tokens.append(token if token is not None else (0, 1.0))
    return tokens


# ---------------------------------------------------------------- listening
def synthesize(tokens, *, seconds_per_quarter=0.45, sample_rate=16000):
    """A mono signal of the tokens: each note a few harmonics under a fast attack and a slow decay.

    Returns
    -------
    signal : ndarray of shape (n,), float32
        Values in [-1, 1]; play it with ``IPython.display.Audio(signal, rate=sample_rate)``.
    """
    pieces = []
    for pitch, duration in tokens:
        n = max(1, int(round(duration * seconds_per_quarter * sample_rate)))
        if pitch <= 0:
            pieces.append(np.zeros(n))
            continue
        t = np.arange(n) / sample_rate
        frequency = 440.0 * 2 ** ((pitch - 69) / 12)
        tone = sum(weight * np.sin(2 * np.pi * k * frequency * t) for k, weight in ((1, 1.0), (2, 0.45), (3, 0.2), (4, 0.1)))
        envelope = np.minimum(1.0, t / 0.012) * np.exp(-2.2 * t) * np.minimum(1.0, (n - np.arange(n)) / (0.02 * sample_rate))
        pieces.append(tone * envelope)
    signal = np.concatenate(pieces) if pieces else np.zeros(1)
    peak = np.max(np.abs(signal))
    return (0.8 * signal / peak if peak > 0 else signal).astype(np.float32)


def write_midi(tokens, path, *, bpm=90):
    """Write the tokens as a one-track MIDI file with music21; return ``path``."""
    from music21 import note, stream, tempo

    part = stream.Stream()
    part.append(tempo.MetronomeMark(number=bpm))
    for pitch, duration in tokens:
        element = note.Rest() if pitch <= 0 else note.Note(int(pitch))
        element.quarterLength = duration
        part.append(element)
    part.write("midi", fp=str(path))
    return path


def _name(pitch):
    return ("C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B")[pitch % 12] + str(pitch // 12 - 1)


def plot_piano_roll(tokens, *, ax=None, title=None, color="C0", max_quarters=None):
    """Draw the notes of ``tokens`` as bars: time in quarter notes across, pitch up."""
    if ax is None:
        _, ax = plt.subplots(figsize=(10, 3), layout="constrained")
    onset = 0.0
    for pitch, duration in tokens:
        if max_quarters is not None and onset >= max_quarters:
            break
        if pitch > 0:
            ax.add_patch(plt.Rectangle((onset, pitch - 0.4), duration * 0.95, 0.8, color=color))
        onset += duration
    ax.set_xlim(0, max_quarters or max(onset, 1))
    pitches = [p for p, _ in tokens if p > 0] or [72]
    low, high = min(pitches) - 2, max(pitches) + 2
    ax.set_ylim(low, high)
    ticks = [p for p in range(low, high + 1) if p % 12 in (0, 4, 7)]
    ax.set_yticks(ticks)
    ax.set_yticklabels([_name(p) for p in ticks])
    ax.set_xlabel("time (quarter notes)")
    ax.grid(axis="x", alpha=0.3)
    if title:
        ax.set_title(title, fontsize=10, loc="left")
    return ax


# ---------------------------------------------------------------- measuring
def pitch_histogram(tokens):
    """The share of notes at each MIDI pitch from 55 to 85 (rests left out; pitches outside clipped)."""
    pitches = np.clip([p for p, _ in tokens if p > 0], PITCHES[0], PITCHES[-1])
    counts = np.bincount(pitches - PITCHES[0], minlength=len(PITCHES)).astype(float)
    return counts / max(counts.sum(), 1)


def interval_histogram(tokens):
    """The share of each step between consecutive notes, −12 to +12 semitones (rests skipped, larger leaps clipped)."""
    pitches = np.array([p for p, _ in tokens if p > 0])
    steps = np.clip(np.diff(pitches), -12, 12) if len(pitches) > 1 else np.array([], dtype=int)
    counts = np.bincount(steps + 12, minlength=len(INTERVALS)).astype(float)
    return counts / max(counts.sum(), 1)


def histogram_distance(p, q):
    """Total variation distance between two histograms: 0 when equal, 1 when they share nothing."""
    return float(0.5 * np.abs(np.asarray(p) - np.asarray(q)).sum())


def music_statistics(melodies, reference):
    """Pitch and interval distances of the tokens of ``melodies`` (a list of token lists, pooled) to ``reference``'s.

    Returns
    -------
    stats : dict
        ``pitch`` and ``interval`` distances, ``distinct`` (number of distinct tokens) and ``notes``.
    """
    pooled = [token for melody in melodies for token in melody]
    corpus = [token for melody in reference for token in melody]
    return {"pitch": histogram_distance(pitch_histogram(pooled), pitch_histogram(corpus)),
            "interval": histogram_distance(interval_histogram(pooled), interval_histogram(corpus)),
            "distinct": len(set(pooled)), "notes": sum(p > 0 for p, _ in pooled)}


def describe_statistics(rows):
    """The printed table of :func:`music_statistics` results, ``{label: stats}``."""
    lines = [f"{'melodies':<40}{'pitch dist.':>12}{'interval dist.':>16}{'distinct tokens':>17}"]
    lines += [f"{label:<40}{s['pitch']:>12.3f}{s['interval']:>16.3f}{s['distinct']:>17}" for label, s in rows.items()]
    return "\n".join(lines)


def plot_histograms(reference, melodies_by_label, *, axes=None):
    """The corpus's pitch and interval histograms (grey) beside those of each group of melodies."""
    if axes is None:
        _, axes = plt.subplots(1, 2, figsize=(12, 3.4), layout="constrained")
    corpus = [token for melody in reference for token in melody]
    for ax, histogram, x, label in ((axes[0], pitch_histogram, PITCHES, "pitch"),
                                    (axes[1], interval_histogram, INTERVALS, "interval (semitones)")):
        ax.bar(x, histogram(corpus), color="0.75", label="Bach sopranos")
        for k, (name, melodies) in enumerate(melodies_by_label.items()):
            pooled = [token for melody in melodies for token in melody]
            ax.plot(x, histogram(pooled), "o-", ms=3, color=f"C{k}", label=name)
        ax.set_xlabel(label)
        ax.set_ylabel("share of notes")
    axes[0].set_xticks([p for p in PITCHES if p % 12 == 0])
    axes[0].set_xticklabels([_name(p) for p in PITCHES if p % 12 == 0])
    axes[1].legend(fontsize=8)
    return axes


# ---------------------------------------------------------------- generating
def _sigmoid(z):
    return 1 / (1 + np.exp(-z))


def generate_with_temperature(LSTM_cell, densor, start_index, *, Ty=60, temperature=1.0, random_state=0):
    """Generate ``Ty`` indices with trained layers, step by step, sampling each from the softmax at a temperature.

    Like the inference model, but each next value is drawn (``temperature`` 1: the network's own
    probabilities; towards 0: its ``argmax``) instead of always taken as the likeliest. The steps run
    in NumPy with the layers' weights (Keras's LSTM: gates in the order input, forget, candidate,
    output), which is much faster than calling the layers one step at a time.
    """
    kernel, recurrent, bias = (np.asarray(w, dtype=float) for w in LSTM_cell.get_weights())
    W, b = (np.asarray(w, dtype=float) for w in densor.get_weights())
    n_values, n_a = densor.units, LSTM_cell.units
    rng = np.random.default_rng(random_state)
    x = np.zeros(n_values)
    x[start_index] = 1
    a, c = np.zeros(n_a), np.zeros(n_a)
    indices = []
    for _ in range(Ty):
        z = x @ kernel + a @ recurrent + bias
        i, f, g, o = _sigmoid(z[:n_a]), _sigmoid(z[n_a:2 * n_a]), np.tanh(z[2 * n_a:3 * n_a]), _sigmoid(z[3 * n_a:])
        c = f * c + i * g
        a = o * np.tanh(c)
        logits = (a @ W + b) / max(temperature, 1e-3)
        p = np.exp(logits - logits.max())
        index = int(rng.choice(n_values, p=p / p.sum()))
        indices.append(index)
        x = np.zeros(n_values)
        x[index] = 1
    return np.array(indices)


def make_probe_inference_model(Ty=5, n_values=N_VALUES, n_a=8, seed=0):
    """A small Keras model with the inference model's inputs and outputs — ``[x0 (m, 1, n_values), a0 (m, n_a),
    c0 (m, n_a)]`` to a list of ``Ty`` softmaxes ``(m, n_values)`` — and fixed random weights (for tests)."""
    import keras

    x0, a0, c0 = keras.Input((1, n_values)), keras.Input((n_a,)), keras.Input((n_a,))
    joined = keras.layers.Concatenate()([keras.layers.Flatten()(x0), a0, c0])
    outputs = [keras.layers.Dense(n_values, activation="softmax")(joined) for _ in range(Ty)]
    model = keras.Model([x0, a0, c0], outputs)
    rng = np.random.default_rng(seed)
    model.set_weights([rng.normal(scale=1.5, size=w.shape).astype(np.float32) for w in model.get_weights()])
    return model


def music_widget(LSTM_cell, densor, corpus, indices_values, *, Ty=48):
    """Piano rolls of a training melody and of a melody your trained LSTM improvises from its first note,
    at a temperature, with their distances to Bach's pitch and interval histograms."""
    from helpers.widgets import choice_slider, figure_widget, int_slider

    long_ones = [c for c in corpus if len(c) >= Ty]
    chorale = int_slider("training melody", 0, 0, len(long_ones) - 1, "300px")
    temperature = choice_slider("temperature", (0.01, 0.3, 0.6, 0.8, 1.0, 1.3, 1.7), 1.0, "320px")
    seed = int_slider("seed", 0, 0, 20, "220px")

    def draw(chorale, temperature, seed):
        melody = long_ones[chorale][:Ty]
        generated = generate_with_temperature(LSTM_cell, densor, int(melody[0]), Ty=Ty - 1, temperature=temperature,
                                              random_state=seed)
        training = tokens_of(melody, indices_values)
        improvised = tokens_of(np.concatenate([melody[:1], generated]), indices_values)
        fig, axes = plt.subplots(2, 1, figsize=(11, 5.2), layout="constrained", sharex=True)
        quarters = max(sum(d for _, d in training), sum(d for _, d in improvised))
        plot_piano_roll(training, ax=axes[0], title=f"Bach soprano line {chorale}", color="0.45", max_quarters=quarters)
        plot_piano_roll(improvised, ax=axes[1], color="C1", max_quarters=quarters,
                        title=f"your LSTM, from the same first note, temperature {temperature:g}")
        stats = music_statistics([improvised], [tokens_of(c, indices_values) for c in corpus])
        return fig, (f"improvised: {len(set(map(tuple, improvised)))} distinct tokens; distance to Bach's "
                     f"pitches {stats['pitch']:.2f}, intervals {stats['interval']:.2f}")

    return figure_widget(draw, {"chorale": chorale, "temperature": temperature, "seed": seed})

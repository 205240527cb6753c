"""Dates written by people, and the same dates in ISO form: the data of Course 5's translators.

:func:`load_dataset` makes ``m`` pairs such as ``("thursday, may 3, 1979", "1979-05-03")``: a day
drawn between 1970-01-01 and 2029-12-31, written by ``babel.dates.format_date`` in one of several
patterns and locales (English, French, German, Spanish), lower-cased and without commas. Everything
is generated offline from a seed, so the same call always returns the same pairs.
:func:`preprocess_data` turns the pairs into the integer and one-hot arrays a Keras model reads.
The human vocabulary is fixed (:data:`HUMAN_VOCAB`, 37 symbols, ``<unk>`` for any other
character, ``<pad>`` to fill up to ``Tx``), the machine vocabulary is the 11 symbols of an ISO
date.

The attention lesson's tools sit here too: :func:`translate_dates`, :func:`attention_model` (a
second Model that reuses a trained translator's layers and returns its attention weights),
:func:`plot_attention_map` and :func:`attention_widget` (type a date, see where the translator
looks).
"""
import datetime

import numpy as np

__all__ = [
    "EXAMPLES",
    "FIRST_DAY",
    "HUMAN_VOCAB",
    "LAST_DAY",
    "MACHINE_VOCAB",
    "attention_model",
    "attention_widget",
    "exact_match_accuracy",
    "int_to_string",
    "load_dataset",
    "load_date",
    "plot_attention_map",
    "predict_dates",
    "preprocess_data",
    "string_to_int",
    "translate_dates",
]

FIRST_DAY, LAST_DAY = datetime.date(1970, 1, 1), datetime.date(2029, 12, 31)
#: The translator's input symbols: space, '.', '/', the digits and the 22 letters of the English month and
#: day names, then '<unk>' (any other character) and '<pad>'.
HUMAN_VOCAB = {symbol: index for index, symbol in enumerate(
    [" ", ".", "/", *"0123456789", *"abcdefghijlmnoprstuvwy", "<unk>", "<pad>"])}
#: The translator's output symbols: '-' and the digits.
MACHINE_VOCAB = {symbol: index for index, symbol in enumerate("-0123456789")}
#: The dates the original notebook translates.
EXAMPLES = ("3 May 1979", "5 April 09", "21th of August 2016", "Tue 10 Jul 2007", "Saturday May 9 2018",
            "March 3 2001", "March 3rd 2001", "1 March 2001")

# (babel pattern, weight); "short" is numeric and its order depends on the locale.
_PATTERNS = (("short", 2), ("medium", 2), ("long", 2), ("full", 6), ("d MMM y", 1), ("d MMMM y", 1),
             ("dd MMM y", 1), ("d MMM, y", 1), ("d MMMM, y", 1), ("dd, MMM y", 1), ("d MM yy", 1),
             ("MMMM d y", 1), ("MMMM d, y", 1), ("dd.MM.yy", 1), ("EEE d MMM y", 1), ("EEEE d MMMM y", 1))
_LOCALES = (("en_US", 0.4), ("en_GB", 0.2), ("fr_FR", 0.15), ("de_DE", 0.15), ("es_ES", 0.1))


def load_date(rng):
    """One pair ``(human, machine)``: a random day written by a person, and its ISO form ``YYYY-MM-DD``.

    Parameters
    ----------
    rng : numpy.random.Generator

    Returns
    -------
    human : str, lower-case, without commas
    machine : str of length 10
    """
    from babel.dates import format_date

    day = FIRST_DAY + datetime.timedelta(days=int(rng.integers((LAST_DAY - FIRST_DAY).days + 1)))
    locale = _LOCALES[rng.choice(len(_LOCALES), p=[w for _, w in _LOCALES])][0]
    weights = np.array([w for _, w in _PATTERNS], dtype=float)
    if locale == "es_ES":  # Spanish "short" is d/M/yy, American M/d/yy: the same text, two dates
        weights[0] = 0
    pattern = _PATTERNS[rng.choice(len(_PATTERNS), p=weights / weights.sum())][0]
    human = format_date(day, format=pattern, locale=locale).lower().replace(",", "")
    return human, day.isoformat()


def load_dataset(m, *, random_state=0):
    """``m`` pairs of dates and the vocabularies of both sides, as the original's ``load_dataset(m)``.

    Parameters
    ----------
    m : int
        Number of pairs.
    random_state : int, default 0
        Seed: the same ``m`` and seed give the same pairs.

    Returns
    -------
    dataset : list of m tuples (human, machine)
    human_vocab : dict {symbol: index}, the 37 symbols of :data:`HUMAN_VOCAB`
    machine_vocab : dict {symbol: index}, the 11 symbols of :data:`MACHINE_VOCAB`
    inv_machine_vocab : dict {index: symbol}
    """
    rng = np.random.default_rng(random_state)
    dataset = [load_date(rng) for _ in range(m)]
    inv_machine_vocab = {index: symbol for symbol, index in MACHINE_VOCAB.items()}
    return dataset, dict(HUMAN_VOCAB), dict(MACHINE_VOCAB), inv_machine_vocab


def string_to_int(string, length, vocab):
    """The indices of the characters of ``string`` in ``vocab``, cut or padded with ``<pad>`` to ``length``.

    Characters missing from ``vocab`` become ``<unk>``; ``string`` is lower-cased and its commas dropped, as the
    data were. Returns a list of ``length`` ints.
    """
    string = string.lower().replace(",", "")[:length]
    indices = [vocab.get(character, vocab["<unk>"]) for character in string]
    return indices + [vocab["<pad>"]] * (length - len(indices))


def int_to_string(indices, inv_vocab):
    """The symbols of ``indices`` (a sequence of ints) in ``inv_vocab``, as a list of str."""
    return [inv_vocab[int(index)] for index in indices]


def preprocess_data(dataset, human_vocab, machine_vocab, Tx, Ty):
    """The pairs as arrays, as the original's ``preprocess_data``.

    Returns
    -------
    X : ndarray of shape (m, Tx), int, the human dates' indices
    Y : ndarray of shape (m, Ty), int, the ISO dates' indices
    Xoh : ndarray of shape (m, Tx, len(human_vocab)), float32, X one-hot
    Yoh : ndarray of shape (m, Ty, len(machine_vocab)), float32, Y one-hot
    """
    X = np.array([string_to_int(human, Tx, human_vocab) for human, _ in dataset], dtype=np.int64).reshape(-1, Tx)
    Y = np.array([[machine_vocab[symbol] for symbol in machine[:Ty]] for _, machine in dataset],
                 dtype=np.int64).reshape(-1, Ty)
    Xoh = np.eye(len(human_vocab), dtype=np.float32)[X]
    Yoh = np.eye(len(machine_vocab), dtype=np.float32)[Y]
    return X, Y, Xoh, Yoh


def _initial_states(model, m):
    """Zero initial states ``s0`` and ``c0`` for the translator's post-attention LSTM."""
    n_s = int(model.inputs[1].shape[-1])
    return np.zeros((m, n_s), dtype=np.float32), np.zeros((m, n_s), dtype=np.float32)


def predict_dates(model, Xoh, *, batch_size=500):
    """The translator's per-step probabilities, ndarray of shape (m, Ty, n_y), for one-hot inputs Xoh."""
    s0, c0 = _initial_states(model, len(Xoh))
    outputs = model.predict([Xoh, s0, c0], batch_size=batch_size, verbose=0)
    return np.stack([np.asarray(o) for o in outputs], axis=1)


def translate_dates(model, sources, human_vocab=HUMAN_VOCAB, inv_machine_vocab=None, *, Tx=30):
    """The ISO dates ``model`` writes for the human dates ``sources`` (list of str), one greedy symbol per step."""
    inv_machine_vocab = inv_machine_vocab or {i: s for s, i in MACHINE_VOCAB.items()}
    X = np.array([string_to_int(source, Tx, human_vocab) for source in sources])
    Xoh = np.eye(len(human_vocab), dtype=np.float32)[X]
    probabilities = predict_dates(model, Xoh)
    return ["".join(int_to_string(row, inv_machine_vocab)) for row in probabilities.argmax(axis=-1)]


def exact_match_accuracy(model, dataset, *, Tx=30, Ty=10):
    """The fraction of pairs of ``dataset`` whose ISO date ``model`` writes exactly right (all 10 symbols)."""
    predicted = translate_dates(model, [human for human, _ in dataset], Tx=Tx)
    return float(np.mean([p == machine for p, (_, machine) in zip(predicted, dataset)]))


def _layer(model, kind, **config):
    found = [layer for layer in model.layers if type(layer).__name__ == kind
             and all(getattr(layer, key, None) == value for key, value in config.items())]
    if len(found) != 1:
        raise ValueError(f"the translator should have one {kind} layer {config or ''}, it has {len(found)}")
    return found[0]


_ATTENTION_MODELS = {}


def attention_model(model, *, Tx=30, Ty=10):
    """A second Model that reuses the layers of the translator ``model`` and returns its attention weights.

    The translator's graph is rebuilt with its own layer objects (so with its trained weights): the
    bidirectional LSTM, then at each of the ``Ty`` steps the attention layers — ``RepeatVector``,
    ``Concatenate``, the two ``Dense`` layers, the softmax named ``'attention_weights'``, ``Dot`` — and the
    post-attention LSTM. Its outputs are the ``Ty`` attention vectors, each of shape (m, Tx, 1).
    """
    import keras

    if (id(model), Ty) in _ATTENTION_MODELS and _ATTENTION_MODELS[id(model), Ty][0] is model:
        return _ATTENTION_MODELS[id(model), Ty][1]
    bidirectional = _layer(model, "Bidirectional")
    repeator, concatenator, dotor = (_layer(model, kind) for kind in ("RepeatVector", "Concatenate", "Dot"))
    densor1, densor2 = _layer(model, "Dense", units=10), _layer(model, "Dense", units=1)
    activator = model.get_layer("attention_weights")
    lstm = [layer for layer in model.layers if type(layer).__name__ == "LSTM"][0]
    X, s0, c0 = (keras.Input(tuple(t.shape[1:])) for t in model.inputs)
    a = bidirectional(X)
    s, c = s0, c0
    alphas = []
    for _ in range(Ty):
        concat = concatenator([a, repeator(s)])
        alpha = activator(densor2(densor1(concat)))
        alphas.append(alpha)
        context = dotor([alpha, a])
        _, s, c = lstm(context, initial_state=[s, c])
    second = keras.Model(inputs=[X, s0, c0], outputs=alphas)
    _ATTENTION_MODELS[id(model), Ty] = (model, second)
    return second


def _attention(model, source, *, Tx=30, Ty=10):
    """(prediction, attention of shape (Ty, Tx)) of one human date."""
    X = np.array([string_to_int(source, Tx, HUMAN_VOCAB)])
    Xoh = np.eye(len(HUMAN_VOCAB), dtype=np.float32)[X]
    s0, c0 = _initial_states(model, 1)
    alphas = attention_model(model, Tx=Tx, Ty=Ty)([Xoh, s0, c0])
    attention = np.stack([np.asarray(alpha)[0, :, 0] for alpha in alphas])
    return translate_dates(model, [source], Tx=Tx)[0], attention


def plot_attention_map(model, source, *, Tx=30, Ty=10, ax=None):
    """Heatmap of the attention weights the translator ``model`` gives each input character (columns) at
    each output step (rows) while it translates ``source``; returns ``ax``."""
    import matplotlib.pyplot as plt

    prediction, attention = _attention(model, source, Tx=Tx, Ty=Ty)
    shown = min(len(source.replace(",", "")), Tx)
    if ax is None:
        _, ax = plt.subplots(figsize=(max(5.0, 0.32 * shown + 2), 4.2), layout="constrained")
    image = ax.imshow(attention[:, :shown], cmap="Blues", vmin=0, aspect="auto")
    ax.set_xticks(range(shown), list(source.lower().replace(",", "")[:shown].replace(" ", "␣")))
    ax.set_yticks(range(Ty), list(prediction))
    ax.set_xlabel("input characters")
    ax.set_ylabel("output characters")
    ax.set_title(f"{source!r} → {prediction}")
    ax.figure.colorbar(image, ax=ax, label="attention weight", shrink=0.8)
    return ax


def attention_widget(model, *, source="Saturday 9 May 2018"):
    """A text box for a date and the translator's answer with its attention map (figure_widget)."""
    import ipywidgets as widgets
    import matplotlib.pyplot as plt

    from helpers.widgets import figure_widget

    box = widgets.Text(value=source, description="your date", continuous_update=False,
                       layout=widgets.Layout(width="420px"))

    def draw(text):
        if not text.strip():
            return None
        fig, ax = plt.subplots(figsize=(max(5.0, 0.32 * min(len(text), 30) + 2), 4.2), layout="constrained")
        plot_attention_map(model, text, ax=ax)
        return fig, f"the translator reads {text!r} as {ax.get_title().split('→ ')[-1]}"

    return figure_widget(draw, {"text": box})

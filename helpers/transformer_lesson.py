"""Course 5 week 4, the Transformer: the dates of week 3 as token ids, a training loop and greedy decoding that
call the learner's own ``Transformer`` and mask functions, a comparison with week 3's attention LSTM, and the
figures and widget of the lesson (positional encodings, masks, attention head by head).

The data come from :mod:`helpers.dates` through its original-style API only: ``load_dataset(m)`` for the
10,000 training pairs (the pairs the attention LSTM ``nmt_dates`` was trained on) and ``load_dataset(1000,
random_state=1)`` for its held-out pairs, turned into arrays by ``preprocess_data``. The Transformer reads
other ids than the LSTM: padding must be 0 for ``create_padding_mask``, and the decoder needs a start token.

* source ids: 0 for ``<pad>``, then ``1 + index`` in the 37-symbol human vocabulary (38 ids);
* target ids: ``1 + index`` in the 11-symbol machine vocabulary, and :data:`START` = 12 (13 ids; 0 unused).

Every function that runs a Transformer takes the learner's ``create_padding_mask`` and
``create_look_ahead_mask`` too, and builds its masks with them. Importing this module changes no global
state; training seeds Keras (which seeds NumPy's global state) and restores NumPy's state afterwards.
"""
import time
import warnings
from dataclasses import dataclass

import numpy as np

from helpers.plotting import OKABE_ITO, new_axes
from helpers.seeding import seeded

__all__ = [
    "EXAMPLES",
    "FullyConnected",
    "HELD_OUT_SEED",
    "INPUT_VOCAB_SIZE",
    "START",
    "TARGET_VOCAB_SIZE",
    "Tx",
    "Ty",
    "DateTranslation",
    "attention_maps",
    "compare_translators",
    "describe_comparison",
    "load_date_translation",
    "plot_attention_heads",
    "plot_masks",
    "plot_positional_encoding",
    "plot_training_loss",
    "show_translations",
    "train_transformer",
    "transformer_attention_widget",
    "translate",
]

Tx, Ty = 30, 10
#: The decoder's start token; target ids 1 to 11 are the ISO symbols '-', '0', ..., '9'.
START = 12
INPUT_VOCAB_SIZE, TARGET_VOCAB_SIZE = 38, 13
#: The seed of the 1,000 held-out pairs (the attention LSTM's held-out pairs).
HELD_OUT_SEED = 1
#: Dates the original week-3 notebook translates.
EXAMPLES = ("3 May 1979", "5 April 09", "21th of August 2016", "Tue 10 Jul 2007", "Saturday May 9 2018",
            "March 3 2001", "March 3rd 2001", "1 March 2001")
_PLACEHOLDER = "1970-01-01"  # the ISO side of a pair whose human side alone is needed


def FullyConnected(embedding_dim, fully_connected_dim):
    """The Transformer's position-wise feed-forward network, given to the learner as in the original:
    ``Dense(fully_connected_dim, activation='relu')``, then ``Dense(embedding_dim)``, in a ``Sequential``."""
    import tensorflow as tf

    return tf.keras.Sequential([
        tf.keras.layers.Dense(fully_connected_dim, activation="relu"),  # (batch_size, seq_len, fully_connected_dim)
        tf.keras.layers.Dense(embedding_dim),  # (batch_size, seq_len, embedding_dim)
    ])


@dataclass
class DateTranslation:
    """The date-translation task as the Transformer reads it.

    Attributes
    ----------
    train_dates, test_dates : list of (human, machine) pairs
    X_train, X_test : ndarray of shape (m, 30), int32, source ids (0 for padding)
    Y_train, Y_test : ndarray of shape (m, 10), int32, target ids (1 to 11)
    human_vocab, machine_vocab, inv_machine_vocab : the vocabularies of ``helpers.dates.load_dataset``
    """

    train_dates: list
    test_dates: list
    X_train: np.ndarray
    Y_train: np.ndarray
    X_test: np.ndarray
    Y_test: np.ndarray
    human_vocab: dict
    machine_vocab: dict
    inv_machine_vocab: dict

    def source_ids(self, dates):
        """Source ids of shape (len(dates), 30) for human dates (a list of str)."""
        from helpers.dates import preprocess_data

        X, _, _, _ = preprocess_data([(date, _PLACEHOLDER) for date in dates], self.human_vocab,
                                     self.machine_vocab, Tx, Ty)
        return _source_ids(X, self.human_vocab)

    def decoder_inputs(self, Y):
        """The decoder's input under teacher forcing: START, then the first nine target ids. Shape (m, 10)."""
        Y = np.asarray(Y)
        return np.concatenate([np.full((len(Y), 1), START, dtype=np.int32), Y[:, :-1]], axis=1).astype(np.int32)

    def iso(self, target_ids):
        """The ISO strings that rows of target ids spell ('?' for an id that is not an ISO symbol)."""
        return ["".join(self.inv_machine_vocab.get(int(i) - 1, "?") for i in row) for row in np.asarray(target_ids)]


def _source_ids(X, human_vocab):
    ids = (np.asarray(X) + 1).astype(np.int32)
    ids[np.asarray(X) == human_vocab["<pad>"]] = 0
    return ids


def load_date_translation(m=10000, m_test=1000):
    """The ``m`` training pairs of ``helpers.dates.load_dataset(m)`` and the ``m_test`` held-out pairs drawn with
    :data:`HELD_OUT_SEED`, as a :class:`DateTranslation`."""
    from helpers.dates import load_dataset, preprocess_data

    train_dates, human_vocab, machine_vocab, inv_machine_vocab = load_dataset(m)
    test_dates = load_dataset(m_test, random_state=HELD_OUT_SEED)[0]
    arrays = []
    for dates in (train_dates, test_dates):
        X, Y, _, _ = preprocess_data(dates, human_vocab, machine_vocab, Tx, Ty)
        arrays += [_source_ids(X, human_vocab), (np.asarray(Y) + 1).astype(np.int32)]
    return DateTranslation(train_dates, test_dates, arrays[0], arrays[1], arrays[2], arrays[3], human_vocab,
                           machine_vocab, inv_machine_vocab)


def _masks(X, create_padding_mask, create_look_ahead_mask, length):
    import tensorflow as tf

    padding = tf.cast(create_padding_mask(tf.constant(X)), tf.float32)
    return padding, tf.cast(create_look_ahead_mask(length), tf.float32)


def train_transformer(transformer, task, create_padding_mask, create_look_ahead_mask, *, epochs=1, steps=None,
                      batch_size=64, learning_rate=1e-3, seed=0, progress=True):
    """Train ``transformer`` on ``task``'s training pairs with teacher forcing and a ``tf.GradientTape`` step.

    Each step feeds the source ids and the decoder inputs (:meth:`DateTranslation.decoder_inputs`) with
    ``training=True``, the padding mask of the source (for the encoder and for the decoder's attention
    over it) and the look-ahead mask of 10 positions, all made by the given mask functions, and follows
    the gradient of the mean cross-entropy of the ten target ids with Adam.

    Parameters
    ----------
    transformer : a Transformer with the course's ``call`` signature
    task : DateTranslation
    create_padding_mask, create_look_ahead_mask : the mask functions
    epochs : int, default 1
    steps : int or None, default None
        Stop after this many mini-batches in all (None: ``epochs`` full passes).
    batch_size : int, default 64
    learning_rate : float, default 0.001
    seed : int, default 0
        Seeds Keras (dropout) and the order of the mini-batches.
    progress : bool, default True
        Show a progress bar.

    The step is compiled with ``tf.function`` when the run has more than 20 mini-batches: tracing it takes
    seconds, which a short run would not win back.

    Returns
    -------
    history : dict
        ``loss``: the loss of every mini-batch; ``epoch_loss``: the mean loss of each epoch; ``seconds``.
    """
    import keras
    import tensorflow as tf
    from tqdm.auto import tqdm

    optimizer = keras.optimizers.Adam(learning_rate)
    loss_function = keras.losses.SparseCategoricalCrossentropy()

    def step(source, decoder_input, target, padding_mask, look_ahead_mask):
        with tf.GradientTape() as tape:
            probabilities, _ = transformer(source, decoder_input, training=True, enc_padding_mask=padding_mask,
                                           look_ahead_mask=look_ahead_mask, dec_padding_mask=padding_mask)
            loss = loss_function(target, probabilities)
        gradients = tape.gradient(loss, transformer.trainable_variables)
        optimizer.apply_gradients(zip(gradients, transformer.trainable_variables))
        return loss

    m = len(task.X_train)
    per_epoch = int(np.ceil(m / batch_size))
    total = min(steps, epochs * per_epoch) if steps is not None else epochs * per_epoch
    if total > 20:
        step = tf.function(step, reduce_retracing=True)
    history = {"loss": [], "epoch_loss": []}
    start = time.perf_counter()
    with seeded(), tqdm(total=total, desc="training your Transformer", unit="batch", disable=not progress) as bar:
        keras.utils.set_random_seed(seed)
        order_rng = np.random.default_rng(seed)
        for _ in range(epochs):
            order = order_rng.permutation(m)
            losses = []
            for first in range(0, m, batch_size):
                if len(history["loss"]) >= total:
                    break
                batch = order[first:first + batch_size]
                source, target = task.X_train[batch], task.Y_train[batch]
                padding_mask, look_ahead_mask = _masks(source, create_padding_mask, create_look_ahead_mask, Ty)
                loss = float(step(tf.constant(source), tf.constant(task.decoder_inputs(target)), tf.constant(target),
                                  padding_mask, look_ahead_mask))
                history["loss"].append(loss)
                losses.append(loss)
                bar.update(1)
                bar.set_postfix(loss=f"{loss:.3f}")
            if losses:
                history["epoch_loss"].append(float(np.mean(losses)))
    history["seconds"] = time.perf_counter() - start
    return history


def plot_training_loss(history, *, smooth=10, ax=None):
    """The training loss of every mini-batch, and its moving average over ``smooth`` mini-batches; returns ``ax``."""
    ax = new_axes(ax, figsize=(7, 3.6))
    loss = np.asarray(history["loss"], dtype=float)
    ax.plot(np.arange(1, len(loss) + 1), loss, color=OKABE_ITO["sky_blue"], lw=0.8, label="mini-batch")
    if len(loss) >= smooth:
        average = np.convolve(loss, np.ones(smooth) / smooth, mode="valid")
        ax.plot(np.arange(smooth, len(loss) + 1), average, color=OKABE_ITO["blue"], lw=2,
                label=f"average of {smooth}")
    ax.axhline(np.log(TARGET_VOCAB_SIZE), color=OKABE_ITO["black"], ls=":", lw=1,
               label=f"uniform guess, ln {TARGET_VOCAB_SIZE}")
    ax.set_xlabel("mini-batch")
    ax.set_ylabel("cross-entropy")
    ax.set_title(f"your Transformer, {len(loss)} mini-batches in {history.get('seconds', 0):.0f} s")
    ax.legend(frameon=False)
    return ax


def _decode(transformer, X, create_padding_mask, create_look_ahead_mask):
    """Greedy decoding of source ids X (n, 30): the target ids (n, 10) and the attention weights of the last step."""
    import tensorflow as tf

    source = tf.constant(X)
    padding_mask = tf.cast(create_padding_mask(source), tf.float32)
    decoded = np.full((len(X), 1), START, dtype=np.int32)
    attention = None
    for t in range(Ty):
        look_ahead_mask = tf.cast(create_look_ahead_mask(t + 1), tf.float32)
        with warnings.catch_warnings():  # Keras warns about the softmax over the one position of the first step
            warnings.simplefilter("ignore")
            probabilities, attention = transformer(source, tf.constant(decoded), training=False,
                                                   enc_padding_mask=padding_mask, look_ahead_mask=look_ahead_mask,
                                                   dec_padding_mask=padding_mask)
        following = np.argmax(np.asarray(probabilities)[:, -1, :], axis=-1).astype(np.int32)
        decoded = np.concatenate([decoded, following[:, None]], axis=1)
    return decoded[:, 1:], attention


def translate(transformer, sources, create_padding_mask, create_look_ahead_mask, *, task, batch_size=1000):
    """The ISO dates ``transformer`` writes, greedily, for ``sources``: source ids (n, 30) or a list of str.

    At each of the 10 steps the Transformer reads the source and the symbols written so far (after the
    start token), with the look-ahead mask of their length, and the most likely next symbol is kept.
    """
    X = task.source_ids(sources) if isinstance(sources[0], str) else np.asarray(sources, dtype=np.int32)
    decoded = [_decode(transformer, X[i:i + batch_size], create_padding_mask, create_look_ahead_mask)[0]
               for i in range(0, len(X), batch_size)]
    return task.iso(np.concatenate(decoded))


def show_translations(transformer, create_padding_mask, create_look_ahead_mask, *, task, dates=EXAMPLES):
    """Print each of ``dates`` and the Transformer's translation."""
    for source, iso in zip(dates, translate(transformer, list(dates), create_padding_mask, create_look_ahead_mask,
                                            task=task)):
        print(f"{source!r:24} -> {iso}")


def _rnn_translations(dates, task):
    """The attention LSTM's translations (shipped ``nmt_dates``), with the original's inputs, and the seconds."""
    from helpers.dates import preprocess_data
    from helpers.trained_models import load_model

    model = load_model("nmt_dates")
    _, _, Xoh, _ = preprocess_data(dates, task.human_vocab, task.machine_vocab, Tx, Ty)
    n_s = int(model.inputs[1].shape[-1])
    zeros = np.zeros((len(dates), n_s), dtype=np.float32)
    start = time.perf_counter()
    outputs = model.predict([Xoh, zeros, zeros], batch_size=500, verbose=0)
    seconds = time.perf_counter() - start
    indices = np.stack([np.asarray(o) for o in outputs], axis=1).argmax(axis=-1)
    return ["".join(task.inv_machine_vocab[int(i)] for i in row) for row in indices], seconds


def _scores(predictions, truths):
    predictions, truths = list(predictions), list(truths)
    same = np.array([[p == t for p, t in zip(predicted.ljust(10, "?"), truth)]
                     for predicted, truth in zip(predictions, truths)])
    return {"exact": float(np.mean(same.all(axis=1))), "symbols": float(same.mean()),
            "year": float(np.mean(~same[:, 0:4].all(axis=1))), "month": float(np.mean(~same[:, 5:7].all(axis=1))),
            "day": float(np.mean(~same[:, 8:10].all(axis=1)))}


def compare_translators(transformer, create_padding_mask, create_look_ahead_mask, *, task, limit=None):
    """Both translators on ``task``'s held-out pairs (the first ``limit`` of them, or all): for each, ``exact``
    (all ten symbols right), ``symbols`` (the fraction of symbols right), ``year``, ``month`` and ``day`` (the
    fraction of dates with that part wrong), ``seconds`` and ``predictions``; and a few dates on which they
    disagree.

    The attention LSTM is the shipped ``nmt_dates`` (:mod:`helpers.trained_models.nmt_dates`); when its weights
    cannot be loaded, its entry is ``None`` and ``missing`` says why."""
    dates = task.test_dates[:limit]
    truths = [machine for _, machine in dates]
    start = time.perf_counter()
    predictions = translate(transformer, task.X_test[:len(dates)], create_padding_mask, create_look_ahead_mask,
                            task=task)
    result = {"Transformer": {**_scores(predictions, truths), "seconds": time.perf_counter() - start,
                              "predictions": predictions}, "attention LSTM": None, "missing": None}
    try:
        rnn, seconds = _rnn_translations(dates, task)
    except (FileNotFoundError, ValueError, LookupError, ImportError) as error:
        result["missing"] = str(error)
        return result
    result["attention LSTM"] = {**_scores(rnn, truths), "seconds": seconds, "predictions": rnn}
    pairs = zip(dates, predictions, rnn)
    result["disagreements"] = [(human, machine, p, r) for (human, machine), p, r in pairs if p != r][:6]
    return result


def describe_comparison(comparison):
    """The comparison of :func:`compare_translators` as a table, then a few dates on which they disagree."""
    rows = [f"{'translator':16}{'exact dates':>12}{'symbols':>10}{'wrong year':>12}{'wrong month':>13}"
            f"{'wrong day':>11}{'seconds':>9}"]
    for name in ("Transformer", "attention LSTM"):
        scores = comparison[name]
        if scores is None:
            rows.append(f"{name:16}  not available: {comparison['missing']}")
            continue
        rows.append(f"{name:16}{scores['exact']:>12.3f}{scores['symbols']:>10.4f}{scores['year']:>12.3f}"
                    f"{scores['month']:>13.3f}{scores['day']:>11.3f}{scores['seconds']:>9.1f}")
    if comparison.get("disagreements"):
        rows += ["", "where they disagree (source, truth, Transformer, attention LSTM):"]
        rows += [f"  {human!r:30} {machine}  {p}  {r}" for human, machine, p, r in comparison["disagreements"]]
    return "\n".join(rows)


def attention_maps(transformer, date, create_padding_mask, create_look_ahead_mask, *, task):
    """Translate one human ``date`` greedily and collect the attention weights of every layer and head.

    Returns
    -------
    translation : str
    maps : dict
        ``("encoder", l)``: the encoder's self-attention in layer ``l`` (from 1), shape (heads, n, n) for the
        ``n`` characters of the date; ``("decoder", l)``: the decoder's masked self-attention, (heads, 10, 10);
        ``("cross", l)``: the decoder's attention over the source, (heads, 10, n). Row ``t`` of the decoder's
        maps is the step that writes output symbol ``t``.

    The encoder's weights are read by running its layers one by one: the embedding scaled by sqrt(d) plus the
    positional encoding, then each layer's ``mha`` asked for its attention scores, and the layer itself.
    """
    import tensorflow as tf

    X = task.source_ids([date])
    n = int(np.count_nonzero(X[0]))
    decoded, attention = _decode(transformer, X, create_padding_mask, create_look_ahead_mask)
    maps = {}
    for key, weights in attention.items():
        layer = int(key.split("_")[1].removeprefix("layer"))
        kind = "decoder" if key.endswith("self_att") else "cross"
        weights = np.asarray(weights)[0]
        maps[kind, layer] = weights if kind == "decoder" else weights[:, :, :n]
    encoder = transformer.encoder
    source = tf.constant(X)
    padding_mask = tf.cast(create_padding_mask(source), tf.float32)
    x = encoder.embedding(source) * np.sqrt(encoder.embedding_dim) + encoder.pos_encoding[:, :Tx, :]
    for index, layer in enumerate(encoder.enc_layers, start=1):
        _, weights = layer.mha(x, x, x, attention_mask=padding_mask, return_attention_scores=True, training=False)
        maps["encoder", index] = np.asarray(weights)[0][:, :n, :n]
        x = layer(x, training=False, mask=padding_mask)
    return task.iso(decoded)[0], maps


_KINDS = {"encoder": "encoder self-attention", "decoder": "decoder self-attention (masked)",
          "cross": "encoder–decoder attention"}


def plot_attention_heads(weights, *, rows, columns, title="", axes=None):
    """One heatmap per head of ``weights`` (heads, len(rows), len(columns)), two heads per row of the figure;
    returns the axes, head by head."""
    import matplotlib.pyplot as plt

    heads = len(weights)
    if axes is None:
        ncols = min(heads, 2)
        nrows = int(np.ceil(heads / ncols))
        width, height = min(6.5, 0.26 * len(columns) + 1.2), min(4.5, 0.26 * len(rows) + 1.0)
        fig, axes = plt.subplots(nrows, ncols, figsize=(ncols * width + 0.6, nrows * height + 0.5),
                                 layout="constrained", squeeze=False)
        for ax in axes.ravel()[heads:]:
            fig.delaxes(ax)
    axes = np.ravel(axes)[:heads]
    for head, ax in enumerate(axes):
        image = ax.imshow(weights[head], cmap="Blues", vmin=0, vmax=1, aspect="auto")
        ax.set_xticks(range(len(columns)), columns, fontsize=8)
        ax.set_yticks(range(len(rows)), rows, fontsize=8)
        ax.set_title(f"head {head + 1}", fontsize=10)
    axes[0].figure.colorbar(image, ax=list(axes), shrink=0.6, label="attention weight")
    axes[0].figure.suptitle(title)
    return axes


def _labels(date, translation, kind):
    source = list(date.lower().replace(",", "")[:Tx].replace(" ", "␣"))
    written = list(translation)
    inputs = ["<s>"] + written[:-1]
    if kind == "encoder":
        return source, source
    return [f"{w}" for w in written], (inputs if kind == "decoder" else source)


def transformer_attention_widget(transformer, create_padding_mask, create_look_ahead_mask, *, task,
                                 date="saturday 9 may 2018"):
    """Type a date: the Transformer's translation and its attention weights head by head (figure_widget).

    Controls: the date, the kind of attention (encoder self-attention, decoder self-attention,
    encoder–decoder attention) and the layer.
    """
    import ipywidgets as widgets

    from helpers.widgets import figure_widget

    num_layers = len(transformer.encoder.enc_layers)
    box = widgets.Text(value=date, description="your date", continuous_update=False,
                       layout=widgets.Layout(width="360px"))
    kind = widgets.Dropdown(options=[(label, key) for key, label in _KINDS.items()], value="cross",
                            description="attention", layout=widgets.Layout(width="330px"))
    layer = widgets.Dropdown(options=list(range(1, num_layers + 1)), value=num_layers, description="layer",
                             layout=widgets.Layout(width="140px"))
    cache = {}

    def draw(text, kind, layer):
        text = text.strip()
        if not text:
            return None
        if text not in cache:
            cache.clear()
            cache[text] = attention_maps(transformer, text, create_padding_mask, create_look_ahead_mask, task=task)
        translation, maps = cache[text]
        rows, columns = _labels(text, translation, kind)
        axes = plot_attention_heads(maps[kind, layer], rows=rows, columns=columns,
                                    title=f"{_KINDS[kind]}, layer {layer}: {text!r} → {translation}")
        for ax in axes[::2]:
            ax.set_ylabel("output symbol written" if kind != "encoder" else "source character (query)")
        return axes[0].figure, f"your Transformer reads {text!r} as {translation}"

    return figure_widget(draw, {"text": box, "kind": kind, "layer": layer})


def plot_positional_encoding(pos_encoding, *, axes=None):
    """The encoding, one row per position, and the dot products of every pair of positions; returns the axes."""
    import matplotlib.pyplot as plt

    P = np.asarray(pos_encoding)[0]
    if axes is None:
        _, axes = plt.subplots(1, 2, figsize=(13, 4.2), layout="constrained", width_ratios=[1.6, 1])
    image = axes[0].pcolormesh(P, cmap="RdBu", vmin=-1, vmax=1)
    axes[0].invert_yaxis()
    axes[0].set_xlabel("column of the encoding ($d$)")
    axes[0].set_ylabel("position")
    axes[0].set_title(f"positional encoding, {P.shape[0]} positions, d = {P.shape[1]}")
    axes[0].figure.colorbar(image, ax=axes[0], shrink=0.85)
    similarity = P @ P.T
    image = axes[1].imshow(similarity, cmap="viridis")
    axes[1].set_xlabel("position")
    axes[1].set_ylabel("position")
    axes[1].set_title("dot products of the encodings")
    axes[1].figure.colorbar(image, ax=axes[1], shrink=0.85)
    return axes


def plot_masks(padding_mask, look_ahead_mask, *, axes=None):
    """The padding mask (one row per sentence) and the look-ahead mask (rows: queries), 1 white, 0 dark."""
    import matplotlib.pyplot as plt

    padding, look_ahead = np.asarray(padding_mask)[:, 0, :], np.asarray(look_ahead_mask)[0]
    if axes is None:
        _, axes = plt.subplots(1, 2, figsize=(10, 3.4), layout="constrained", width_ratios=[1.4, 1])
    for ax, mask, title, ylabel in ((axes[0], padding, f"padding mask {tuple(np.shape(padding_mask))}", "sentence"),
                                    (axes[1], look_ahead, f"look-ahead mask {tuple(np.shape(look_ahead_mask))}",
                                     "query position")):
        ax.imshow(mask, cmap="gray", vmin=0, vmax=1)
        for (row, column), value in np.ndenumerate(mask):
            ax.text(column, row, f"{value:g}", ha="center", va="center", color="black" if value else "white",
                    fontsize=9)
        ax.set_xticks(range(mask.shape[1]))
        ax.set_yticks(range(mask.shape[0]))
        ax.set_xlabel("token position (key)")
        ax.set_ylabel(ylabel)
        ax.set_title(title)
    return axes

"""Course 4 week 2, residual networks: a plain network and its residual twin trained side by side on the
tinted digits, their gradients at initialization, and tools that show a Keras model layer by layer.

The **residual twin** is built from the learner's own ``identity_block`` and ``convolutional_block``:
a small stem, three stages of bottleneck blocks and a softmax, like ResNet-50 at a sixteenth of its
width. The **plain twin** has the same convolutions, batch normalizations and ReLUs in the same order,
with the same initial weights, but no shortcut: no addition, and so no projection on the shortcut
either. Each of the twins comes at two depths. :func:`compare_twins` trains the four networks with the
same data, seed and optimizer, and measures the gradient of every convolution at initialization.

While nbgrader runs the notebook (grading, the Validate button) nothing trains: grading judges the
graded functions only. Importing this module changes no global state; building and training seed
Keras and leave NumPy's global random state as it was.
"""
import numpy as np

from helpers.keras_graph import graph_ordered_layers, layer_path_lengths
from helpers.plotting import OKABE_ITO, new_axes
from helpers.seeding import seeded
from helpers.widgets import under_nbgrader

__all__ = [
    "STAGE_STRIDES",
    "TwinRun",
    "build_plain_twin",
    "build_residual_twin",
    "compare_twins",
    "describe_twins",
    "gradient_norms",
    "layer_table",
    "load_sample_digit",
    "load_small_digits",
    "main_path_convolutions",
    "parameter_counts",
    "plot_gradient_norms",
    "plot_predictions",
    "plot_training_losses",
    "twin_depth",
]

#: Stride of the convolutional block that opens each of the twins' three stages.
STAGE_STRIDES = (1, 2, 2)


def load_small_digits(*, num_px=24):
    """The tinted digits 0-5 (:func:`helpers.images.load_tinted_digits_dataset`) at ``num_px`` pixels, ready
    for a Keras network.

    Returns
    -------
    X_train : ndarray of shape (1080, num_px, num_px, 3), float32 in [0, 1]
    y_train : ndarray of shape (1080,), int64, the digit
    X_test : ndarray of shape (120, num_px, num_px, 3), float32 in [0, 1]
    y_test : ndarray of shape (120,), int64
    """
    from helpers.images import load_tinted_digits_dataset

    train_x, train_y, test_x, test_y, _ = load_tinted_digits_dataset(num_px=num_px)
    return (train_x / 255).astype(np.float32), train_y[0], (test_x / 255).astype(np.float32), test_y[0]


def twin_depth(n_identity):
    """Weight layers of a twin with ``n_identity`` identity blocks per stage: the stem's convolution, three
    convolutions per block on the main path, and the softmax layer (shortcut projections not counted, as in
    the ResNet paper)."""
    return 2 + 3 * len(STAGE_STRIDES) * (1 + n_identity)


def _stem(X, width):
    import keras

    X = keras.layers.Conv2D(4 * width, 3, padding="same",
                            kernel_initializer=keras.initializers.GlorotUniform(seed=0))(X)
    X = keras.layers.BatchNormalization(axis=3)(X)
    return keras.layers.Activation("relu")(X)


def _head(X, classes):
    import keras

    X = keras.layers.GlobalAveragePooling2D()(X)
    return keras.layers.Dense(classes, activation="softmax",
                              kernel_initializer=keras.initializers.GlorotUniform(seed=0))(X)


def _stage_filters(stage, width):
    F1 = width * 2 ** stage
    return [F1, F1, 4 * F1]


def build_residual_twin(identity_block, convolutional_block, *, n_identity, width=4, input_shape=(24, 24, 3),
                        classes=6):
    """A small ResNet made of the block functions given (the learner's).

    Stem (3×3 convolution of ``4 * width`` filters, batch norm, ReLU), then three stages, each a
    convolutional block (strides :data:`STAGE_STRIDES`) followed by ``n_identity`` identity blocks, with
    filters ``[F1, F1, 4 * F1]`` and ``F1 = width, 2 * width, 4 * width``; then global average pooling
    and a softmax layer. The blocks get ``training=None``: batch norm uses batch statistics while
    ``fit`` trains and its moving averages when the model predicts.

    Returns
    -------
    model : keras.Model, uncompiled, of :func:`twin_depth` weight layers
    """
    return _twin("residual", lambda X, filters, s: convolutional_block(X, 3, filters, s=s, training=None),
                 lambda X, filters: identity_block(X, 3, filters, training=None),
                 n_identity=n_identity, width=width, input_shape=input_shape, classes=classes)


def _twin(kind, first_block, next_block, *, n_identity, width, input_shape, classes):
    """Stem, then per stage ``first_block(X, filters, stride)`` and ``n_identity`` times
    ``next_block(X, filters)``, then the head: the shape both twins share."""
    import keras

    X_input = keras.Input(input_shape)
    X = _stem(X_input, width)
    for stage, s in enumerate(STAGE_STRIDES):
        filters = _stage_filters(stage, width)
        X = first_block(X, filters, s)
        for _ in range(n_identity):
            X = next_block(X, filters)
    return keras.Model(X_input, _head(X, classes), name=f"{kind}_{twin_depth(n_identity)}")


def _plain_block(X, f, filters, s, initializer):
    """The main path of a bottleneck block, ending in a ReLU, with nothing added to it."""
    import keras

    for n_filters, size, stride, padding in zip(filters, (1, f, 1), (s, 1, 1), ("valid", "same", "valid")):
        X = keras.layers.Conv2D(n_filters, size, strides=stride, padding=padding,
                                kernel_initializer=initializer(seed=0))(X)
        X = keras.layers.BatchNormalization(axis=3)(X)
        X = keras.layers.Activation("relu")(X)
    return X


def build_plain_twin(*, n_identity, width=4, input_shape=(24, 24, 3), classes=6):
    """The plain network of :func:`build_residual_twin`'s shape: the same layers in the same order and the
    same initial weights (each convolution ``initializer(seed=0)``, Glorot uniform where the residual twin
    has a convolutional block, uniform in [-0.05, 0.05] where it has an identity block), with no shortcut.

    Returns
    -------
    model : keras.Model, uncompiled, of :func:`twin_depth` weight layers
    """
    import keras

    return _twin("plain", lambda X, filters, s: _plain_block(X, 3, filters, s, keras.initializers.GlorotUniform),
                 lambda X, filters: _plain_block(X, 3, filters, 1, keras.initializers.RandomUniform),
                 n_identity=n_identity, width=width, input_shape=input_shape, classes=classes)


def main_path_convolutions(model):
    """The ``Conv2D`` layers on the model's longest path from input to output, from the input on: every
    convolution of a plain network, every convolution but the shortcut projections of a residual one."""
    import keras

    lengths = layer_path_lengths(model)
    longest = max(sum(pair) for pair in lengths.values())
    return [layer for layer in graph_ordered_layers(model)
            if isinstance(layer, keras.layers.Conv2D) and sum(lengths[id(layer)]) == longest]


def gradient_norms(model, X, y):
    """Norm of the gradient of the mean cross-entropy on ``(X, y)`` with respect to each main-path
    convolution's kernel (:func:`main_path_convolutions`), batch norm in training mode, as at a training step.

    Returns
    -------
    norms : ndarray of shape (n_convolutions,), from the input to the output
    """
    import keras
    import tensorflow as tf

    convolutions = main_path_convolutions(model)
    with tf.GradientTape() as tape:
        loss = keras.ops.mean(keras.losses.sparse_categorical_crossentropy(y, model(X, training=True)))
    gradients = tape.gradient(loss, [layer.kernel for layer in convolutions])
    return np.array([float(tf.norm(gradient)) for gradient in gradients])


class TwinRun(dict):
    """One trained twin: ``kind`` ("plain" or "residual"), ``layers`` (weight layers), ``batch_losses``
    (the training loss of every mini-batch, in order), ``epoch_losses`` (their mean over each epoch),
    ``steps_per_epoch``, ``gradient_norms`` (at initialization, see :func:`gradient_norms`) and
    ``seconds`` (training time). A dict, readable as attributes."""

    __getattr__ = dict.__getitem__

    @property
    def label(self):
        return f"{self['kind']}, {self['layers']} layers"


def _callbacks(bar, batch_sizes, losses):
    """A Keras callback recording each mini-batch's own loss (Keras reports the epoch's running mean) and
    moving ``bar`` one step per mini-batch."""
    import keras

    class Record(keras.callbacks.Callback):
        def on_epoch_begin(self, epoch, logs=None):
            self.seen, self.total = 0, 0.0

        def on_train_batch_end(self, batch, logs=None):
            size = batch_sizes[batch]
            running = float(logs["loss"]) * (self.seen + size)  # the sample-weighted mean so far
            losses.append((running - self.total) / size)
            self.seen, self.total = self.seen + size, running
            bar.update(1)

    return [Record()]


def compare_twins(identity_block, convolutional_block, X, y, *, n_identities=(0, 5), width=4, epochs=5,
                  batch_size=32, learning_rate=3e-3, random_state=0, gradient_examples=64):
    """Train the plain and the residual twin at each depth, from the same seed, on the same mini-batches.

    For each ``n_identity`` in ``n_identities`` (depth :func:`twin_depth`), build the plain twin and the
    residual twin of your blocks, measure :func:`gradient_norms` on the first ``gradient_examples``
    training examples, then train with Adam (``learning_rate``) on the sparse cross-entropy for ``epochs``
    epochs, behind one progress bar. Under nbgrader nothing is built and ``{}`` is returned.

    Returns
    -------
    runs : dict of {str: TwinRun}, keyed by ``"plain, 11 layers"`` and the like
    """
    if under_nbgrader():
        return {}
    import time

    import keras
    from tqdm.auto import tqdm

    steps = int(np.ceil(len(X) / batch_size))
    batch_sizes = [min(batch_size, len(X) - i * batch_size) for i in range(steps)]
    builders = [(n, kind) for n in n_identities for kind in ("plain", "residual")]
    runs = {}
    with tqdm(total=len(builders) * epochs * steps, desc="training 4 networks" if len(builders) == 4 else "training",
              unit="batch") as bar:
        for n_identity, kind in builders:
            with seeded():
                keras.utils.set_random_seed(random_state)
                if kind == "plain":
                    model = build_plain_twin(n_identity=n_identity, width=width, input_shape=X.shape[1:])
                else:
                    model = build_residual_twin(identity_block, convolutional_block, n_identity=n_identity,
                                                width=width, input_shape=X.shape[1:])
                norms = gradient_norms(model, X[:gradient_examples], y[:gradient_examples])
                model.compile(optimizer=keras.optimizers.Adam(learning_rate), loss="sparse_categorical_crossentropy")
                bar.set_postfix_str(f"{kind}, {twin_depth(n_identity)} layers")
                losses = []
                start = time.perf_counter()
                model.fit(X, y, batch_size=batch_size, epochs=epochs, shuffle=True, verbose=0,
                          callbacks=_callbacks(bar, batch_sizes, losses))
            batch_losses = np.array(losses)
            weights = np.tile(batch_sizes, epochs).reshape(epochs, steps)
            epoch_losses = (batch_losses.reshape(epochs, steps) * weights).sum(axis=1) / weights.sum(axis=1)
            run = TwinRun(kind=kind, layers=twin_depth(n_identity), batch_losses=batch_losses, steps_per_epoch=steps,
                          epoch_losses=epoch_losses, gradient_norms=norms, seconds=time.perf_counter() - start)
            runs[run.label] = run
    return runs


def describe_twins(runs):
    """One line per run: its training loss in the first and the last epoch, and how much larger the
    gradient is at its first convolution than at its last."""
    if not runs:
        return "Not trained while grading: run the notebook to measure the twins."
    lines = []
    for label, run in runs.items():
        ratio = run.gradient_norms[0] / run.gradient_norms[-1]
        lines.append(f"{label:22} training loss {run.epoch_losses[0]:.3f} in epoch 1 → {run.epoch_losses[-1]:.3f} "
                     f"in epoch {len(run.epoch_losses)}; gradient at the first convolution / at the last: {ratio:.3g}")
    return "\n".join(lines)


def _style(run, deepest):
    color = OKABE_ITO["vermillion"] if run.kind == "plain" else OKABE_ITO["blue"]
    return {"color": color, "linestyle": "-" if run.layers == deepest else "--", "label": run.label}


def _not_trained(ax):
    ax.text(0.5, 0.5, "Not trained while grading:\nrun the notebook to see the curves.", ha="center", va="center",
            transform=ax.transAxes)
    ax.set_axis_off()
    return ax


def plot_training_losses(runs, *, smooth=10, classes=6, ax=None):
    """The training loss of each run against the epoch, averaged over ``smooth`` mini-batches; plain twins
    in vermillion, residual ones in blue, the deeper ones solid. The dotted line is the loss of a uniform
    guess among ``classes`` classes, ln(classes)."""
    ax = new_axes(ax, figsize=(7, 4.2))
    if not runs:
        return _not_trained(ax)
    deepest = max(run.layers for run in runs.values())
    for run in runs.values():
        losses = run.batch_losses
        width = max(1, min(smooth, len(losses)))
        smoothed = np.convolve(losses, np.ones(width) / width, mode="valid")
        steps = np.arange(width, len(losses) + 1) / run.steps_per_epoch
        ax.plot(steps, smoothed, linewidth=2, **_style(run, deepest))
    ax.axhline(np.log(classes), color="0.5", linestyle=":", linewidth=1.5, label=f"uniform guess (ln {classes})")
    ax.set(xlabel="epoch", ylabel="training loss (cross-entropy)", title="Training the twins on the tinted digits")
    ax.set_ylim(0, max(2.6, np.log(classes) + 0.4))
    ax.grid(alpha=0.3)
    ax.legend(loc="lower left", fontsize=9)
    return ax


def plot_gradient_norms(runs, *, ax=None):
    """For each run, the gradient norm of every main-path convolution at initialization, from the input
    (left) to the output (right), on a log scale."""
    ax = new_axes(ax, figsize=(7, 4.2))
    if not runs:
        return _not_trained(ax)
    deepest = max(run.layers for run in runs.values())
    for run in runs.values():
        norms = run.gradient_norms
        ax.semilogy(np.arange(1, len(norms) + 1), norms, marker="o", markersize=3, linewidth=1.5,
                    **_style(run, deepest))
    ax.set(xlabel="convolution, counted from the input", ylabel="‖∂J/∂W‖ at initialization",
           title="Gradients before training, layer by layer")
    ax.grid(alpha=0.3, which="both")
    ax.legend(fontsize=9)
    return ax


def parameter_counts(model):
    """``(total, trainable, non_trainable)`` parameters of a built Keras model."""
    trainable = int(sum(np.prod(w.shape) for w in model.trainable_weights))
    total = int(model.count_params())
    return total, trainable, total - trainable


def _settings(layer):
    """A short description of what configures a layer: filters, kernel, strides, padding, axis, ..."""
    config = layer.get_config()
    name = type(layer).__name__
    if name == "Conv2D":
        (kh, kw), (sh, sw) = config["kernel_size"], config["strides"]
        return f"{config['filters']} filters {kh}×{kw}, stride {sh if sh == sw else (sh, sw)}, {config['padding']}"
    if name in ("MaxPooling2D", "AveragePooling2D"):
        (ph, pw), (sh, sw) = config["pool_size"], config["strides"]
        return f"{ph}×{pw}, stride {sh if sh == sw else (sh, sw)}, {config['padding']}"
    if name == "BatchNormalization":
        return f"axis {config['axis']}"
    if name == "Activation":
        return str(config["activation"])
    if name == "ZeroPadding2D":
        return f"padding {tuple(tuple(p) for p in config['padding'])}"
    if name == "Dense":
        return f"{config['units']} units, {config['activation']}"
    return ""


def layer_table(model, *, first=None, last=None):
    """The model's layers in graph order (:func:`graph_ordered_layers`), one line each: class, output shape,
    parameters and settings; only the ``first`` and ``last`` lines when given, then the parameter counts."""
    layers = graph_ordered_layers(model)
    rows = [(index, layer) for index, layer in enumerate(layers)]
    if first is not None or last is not None:
        head, tail = rows[:first or 0], rows[len(rows) - (last or 0):]
        rows = head + [None] + tail if len(head) + len(tail) < len(rows) else rows
    lines = [f"{'#':>4}  {'layer':20} {'output shape':22} {'parameters':>10}  settings"]
    for row in rows:
        if row is None:
            lines.append(f"{'…':>4}  ({len(layers) - (first or 0) - (last or 0)} more layers)")
            continue
        index, layer = row
        shape = str(tuple(layer.output.shape))
        lines.append(f"{index:4d}  {type(layer).__name__:20} {shape:22} {layer.count_params():10,d}  "
                     f"{_settings(layer)}")
    total, trainable, frozen = parameter_counts(model)
    lines.append(f"{len(layers)} layers; parameters: {total:,} in all, {trainable:,} trainable, {frozen:,} not "
                 "trainable (the moving means and variances of batch norm)")
    return "\n".join(lines)


def load_sample_digit(digit=2):
    """A photo-like picture of a handwritten ``digit`` from scikit-learn's 8×8 digit scans (another
    collection than the tinted digits' MNIST): enlarged, dark ink on light paper, RGB uint8 of shape
    (160, 160, 3). Turn it into an input with ``image_to_example(..., invert=True)``."""
    import skimage.transform
    from sklearn.datasets import load_digits

    digits = load_digits()
    scan = digits.images[np.flatnonzero(digits.target == digit)[0]] / 16.0
    large = np.pad(skimage.transform.resize(scan, (112, 112), order=1), 24)
    paper = np.array([0.96, 0.94, 0.88])  # warm white paper, dark blue ink
    ink = np.array([0.10, 0.15, 0.35])
    image = paper * (1 - large[..., None]) + ink * large[..., None]
    return np.round(255 * image).astype(np.uint8)


def plot_predictions(images, probabilities, *, labels=None, ncols=6):
    """A grid of images titled with the most probable class and its probability (and the true label when
    ``labels`` is given)."""
    from helpers.plotting import plot_image_grid

    probabilities = np.asarray(probabilities)
    predicted = probabilities.argmax(axis=1)
    titles = [f"says {k} ({100 * p[k]:.0f} %)" for k, p in zip(predicted, probabilities)]
    if labels is not None:
        titles = [f"digit {int(y)}, {title}" for y, title in zip(labels, titles)]
    return plot_image_grid(images, titles, ncols=ncols, figsize_per_image=1.7)

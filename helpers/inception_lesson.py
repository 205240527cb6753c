"""Course 4 week 2, 1×1 convolutions and the Inception module: what a convolution costs, with and without
a 1×1 bottleneck, and a small Inception network measured against a plain one of the same size.

The costs are counted with the learner's own counting functions, passed in (``conv_multiplications``,
``conv_parameters``): :func:`model_multiplications` adds them up over a Keras model, :func:`cost_table`
lists them layer by layer, :func:`plot_bottleneck_costs` draws the lecture's example and
:func:`inception_cost_widget` lets you change every number of filters of a module.

:func:`compare_networks` trains the learner's ``small_inception_net`` and a **plain twin** with the same
stem, pools and head, where each Inception block is replaced by two 3×3 convolutions, their numbers of
filters chosen so that the twin has as many parameters as the Inception network (:func:`build_plain_net`).
While nbgrader runs the notebook nothing trains. Importing this module changes no global state; training
seeds Keras and leaves NumPy's global random state as it was.
"""
import ipywidgets as widgets
import numpy as np

from helpers.plotting import OKABE_ITO, new_axes
from helpers.seeding import seeded
from helpers.widgets import figure_widget, int_slider, under_nbgrader

__all__ = [
    "BRANCHES",
    "LECTURE_FILTERS",
    "NetworkRun",
    "branch_costs",
    "branch_ordered_layers",
    "build_plain_net",
    "compare_networks",
    "cost_table",
    "describe_networks",
    "inception_cost_widget",
    "layer_inputs",
    "model_multiplications",
    "plot_bottleneck_costs",
    "plot_comparison",
]

#: The lecture's module on a 28×28×192 volume: [1×1, 3×3 reduce, 3×3, 5×5 reduce, 5×5, pool projection].
LECTURE_FILTERS = (64, 96, 128, 16, 32, 32)

#: The four branches of an Inception module, in the order of their channels in its output.
BRANCHES = ("1×1", "1×1 → 3×3", "1×1 → 5×5", "max pool → 1×1")


def layer_inputs(layer):
    """The layers whose outputs ``layer`` reads (its first call), in the order of its inputs."""
    nodes = getattr(layer, "_inbound_nodes", None) or []
    return [tensor._keras_history.operation for tensor in nodes[0].input_tensors] if nodes else []


def branch_ordered_layers(model):
    """The layers of a functional model, each after the layers it reads and the inputs of a layer in their
    order: an Inception block's branches one after the other, in the order of their channels in its output."""
    order, seen = [], set()

    def visit(layer):
        if id(layer) not in seen:
            seen.add(id(layer))
            for source in layer_inputs(layer):
                visit(source)
            order.append(layer)

    for tensor in model.outputs:
        visit(tensor._keras_history.operation)
    return order


def _weighted_layers(model):
    """The Conv2D and Dense layers of a model, branch by branch (:func:`branch_ordered_layers`)."""
    import keras

    return [layer for layer in branch_ordered_layers(model)
            if isinstance(layer, (keras.layers.Conv2D, keras.layers.Dense))]


def _layer_multiplications(layer, conv_multiplications):
    """Multiplications of one Conv2D (counted with ``conv_multiplications``) or Dense layer, for one example."""
    import keras

    n_C_prev = int(layer.input.shape[-1])
    if isinstance(layer, keras.layers.Conv2D):
        _, n_H, n_W, n_C = layer.output.shape
        return int(conv_multiplications(int(n_H), int(n_W), n_C_prev, int(layer.kernel_size[0]), int(n_C)))
    return n_C_prev * int(layer.units)


def model_multiplications(model, conv_multiplications):
    """Multiplications a Keras model makes on one example: its convolutions counted with
    ``conv_multiplications(n_H, n_W, n_C_prev, f, n_C)`` (square kernels), its dense layers as
    inputs × units. Pooling, ReLUs and additions of biases are not multiplications and are not counted."""
    return sum(_layer_multiplications(layer, conv_multiplications) for layer in _weighted_layers(model))


def cost_table(model, conv_multiplications):
    """The model's convolutions and dense layers, one line each: kernel, output shape, parameters and
    multiplications on one example; then the totals (all parameters, pooling included)."""
    lines = [f"{'layer':10} {'kernel':>7} {'output shape':>16} {'parameters':>11} {'multiplications':>16}"]
    for layer in _weighted_layers(model):
        kernel = "×".join(map(str, layer.kernel_size)) if hasattr(layer, "kernel_size") else "dense"
        shape = "×".join(str(n) for n in layer.output.shape[1:])
        lines.append(f"{type(layer).__name__:10} {kernel:>7} {shape:>16} {layer.count_params():11,d} "
                     f"{_layer_multiplications(layer, conv_multiplications):16,d}")
    lines.append(f"{'total':10} {'':>7} {'':>16} {model.count_params():11,d} "
                 f"{model_multiplications(model, conv_multiplications):16,d}")
    return "\n".join(lines)


def plot_bottleneck_costs(direct, bottleneck, *, ax=None):
    """Bars of the lecture's example: the direct 5×5 convolution against the 1×1 bottleneck followed by the
    5×5 convolution, the two parts of the bottleneck stacked.

    Parameters
    ----------
    direct : int
        Multiplications of the direct convolution.
    bottleneck : tuple of (int, int)
        Multiplications of the 1×1 convolution and of the convolution after it.
    """
    ax = new_axes(ax, figsize=(6.5, 3.8))
    reduce, main = (value / 1e6 for value in bottleneck)
    ax.barh([1], [direct / 1e6], color=OKABE_ITO["vermillion"], label="5×5 convolution, 192 → 32 channels")
    ax.barh([0], [reduce], color=OKABE_ITO["sky_blue"], label="1×1 convolution, 192 → 16 channels")
    ax.barh([0], [main], left=[reduce], color=OKABE_ITO["blue"], label="5×5 convolution, 16 → 32 channels")
    for y, total in ((1, direct / 1e6), (0, reduce + main)):
        ax.text(total + 1.5, y, f"{total:.1f} million", va="center")
    ax.set_yticks([0, 1], ["with a 1×1\nbottleneck", "direct"])
    ax.set_xlim(0, 1.2 * direct / 1e6)
    ax.set(xlabel="multiplications (millions), 28×28×192 → 28×28×32",
           title="The cost of one 5×5 convolution, with and without a bottleneck")
    ax.legend(loc="lower right", fontsize=8.5)
    ax.grid(axis="x", alpha=0.3)
    return ax


def branch_costs(conv_multiplications, conv_parameters, n_H, n_W, n_C_prev, filters):
    """The multiplications and parameters of the four branches of an Inception module (:data:`BRANCHES`),
    with its 1×1 bottlenecks and without them (the 3×3 and 5×5 convolutions applied to the input itself,
    and the pooled input projected by its 1×1 convolution in both cases).

    Returns
    -------
    costs : dict of {str: ndarray of shape (4,)}
        ``"multiplications"`` and ``"parameters"`` with the bottlenecks, ``"multiplications direct"`` and
        ``"parameters direct"`` without them, branch by branch.
    """
    F1, F3r, F3, F5r, F5, Fp = filters

    def conv(n_prev, f, n_C):
        return conv_multiplications(n_H, n_W, n_prev, f, n_C), conv_parameters(n_prev, f, n_C)

    def chain(*convs):
        return tuple(sum(c[k] for c in convs) for k in (0, 1))

    with_bottlenecks = [conv(n_C_prev, 1, F1), chain(conv(n_C_prev, 1, F3r), conv(F3r, 3, F3)),
                        chain(conv(n_C_prev, 1, F5r), conv(F5r, 5, F5)), conv(n_C_prev, 1, Fp)]
    direct = [conv(n_C_prev, 1, F1), conv(n_C_prev, 3, F3), conv(n_C_prev, 5, F5), conv(n_C_prev, 1, Fp)]
    return {"multiplications": np.array([c[0] for c in with_bottlenecks], dtype=np.int64),
            "parameters": np.array([c[1] for c in with_bottlenecks], dtype=np.int64),
            "multiplications direct": np.array([c[0] for c in direct], dtype=np.int64),
            "parameters direct": np.array([c[1] for c in direct], dtype=np.int64)}


def _plot_branches(costs, axes):
    x = np.arange(len(BRANCHES))
    for ax, key, scale, unit in ((axes[0], "multiplications", 1e6, "millions"), (axes[1], "parameters", 1e3,
                                                                                  "thousands")):
        ax.bar(x - 0.2, costs[f"{key} direct"] / scale, width=0.4, color=OKABE_ITO["vermillion"],
               label="without bottlenecks")
        ax.bar(x + 0.2, costs[key] / scale, width=0.4, color=OKABE_ITO["blue"], label="with 1×1 bottlenecks")
        ax.set_xticks(x, BRANCHES, fontsize=9)
        ax.set(ylabel=f"{key} ({unit})", title=f"{key.capitalize()} of each branch")
        ax.grid(axis="y", alpha=0.3)
    axes[0].legend(fontsize=9)


def inception_cost_widget(conv_multiplications, conv_parameters, *, n_H=28, n_W=28):
    """Sliders for the input's channels and the six numbers of filters of an Inception module on an
    ``n_H``×``n_W`` volume; bars of each branch's multiplications and parameters with the 1×1 bottlenecks
    and without them, counted with the learner's ``conv_multiplications`` and ``conv_parameters``. Starts
    at the lecture's module (:data:`LECTURE_FILTERS` on 192 channels)."""
    import matplotlib.pyplot as plt

    names = ("F_1x1", "F_3x3_reduce", "F_3x3", "F_5x5_reduce", "F_5x5", "F_pool_proj")
    controls = {"n_C_prev": int_slider("input channels n_C_prev", 192, 16, 512, "330px", step=16)}
    controls.update({name: int_slider(name, value, 4 if "reduce" in name else 8, 256, "330px", step=4)
                     for name, value in zip(names, LECTURE_FILTERS)})

    def draw(n_C_prev, **filters):
        costs = branch_costs(conv_multiplications, conv_parameters, n_H, n_W, n_C_prev,
                             [filters[name] for name in names])
        fig, axes = plt.subplots(1, 2, figsize=(11, 3.9), layout="constrained")
        _plot_branches(costs, axes)
        total, direct = int(costs["multiplications"].sum()), int(costs["multiplications direct"].sum())
        channels = filters["F_1x1"] + filters["F_3x3"] + filters["F_5x5"] + filters["F_pool_proj"]
        text = (f"{n_H}×{n_W}×{n_C_prev} → {n_H}×{n_W}×{channels}: {total / 1e6:,.1f} million multiplications and "
                f"{int(costs['parameters'].sum()):,} parameters with the bottlenecks, {direct / 1e6:,.1f} million "
                f"and {int(costs['parameters direct'].sum()):,} without ({direct / total:.1f}×)")
        return fig, text

    sliders = list(controls.values())
    rows = [widgets.HBox(sliders[:1]), widgets.HBox(sliders[1:4]), widgets.HBox(sliders[4:])]
    return figure_widget(draw, controls, rows=rows)


def _plain_block(X, n_filters, initializer):
    import keras

    for _ in range(2):
        X = keras.layers.Conv2D(n_filters, 3, padding="same", activation="relu",
                                kernel_initializer=initializer(seed=0))(X)
    return X


def _plain_net(widths, input_shape, classes):
    """Stem, pool, two 3×3 convolutions of ``widths[0]`` filters, pool, two of ``widths[1]``, global average
    pooling, softmax: the layout of the small Inception network with each block made plain."""
    import keras
    from keras.initializers import GlorotUniform

    X_input = keras.Input(input_shape)
    X = keras.layers.Conv2D(32, 3, padding="same", activation="relu", kernel_initializer=GlorotUniform(seed=0))(X_input)
    X = keras.layers.MaxPooling2D(3, strides=2, padding="same")(X)
    X = _plain_block(X, widths[0], GlorotUniform)
    X = keras.layers.MaxPooling2D(3, strides=2, padding="same")(X)
    X = _plain_block(X, widths[1], GlorotUniform)
    X = keras.layers.GlobalAveragePooling2D()(X)
    X = keras.layers.Dense(classes, activation="softmax", kernel_initializer=GlorotUniform(seed=0))(X)
    return keras.Model(X_input, X, name="plain")


def _plain_parameters(widths, n_C_prev, classes):
    """Parameters of :func:`_plain_net`, counted without building it."""
    k1, k2 = widths
    convs = [(n_C_prev, 32), (32, k1), (k1, k1), (k1, k2), (k2, k2)]
    return sum(9 * a * b + b for a, b in convs) + k2 * classes + classes


def build_plain_net(parameters, *, input_shape=(24, 24, 3), classes=6):
    """The plain twin of the small Inception network: its stem, pools and head, with each Inception block
    replaced by two 3×3 convolutions (ReLU, 'same'); the numbers of filters of the two pairs, the second at
    least the first, are the ones whose total number of parameters comes closest to ``parameters``.

    Returns
    -------
    model : keras.Model, uncompiled
    """
    candidates = [(k1, k2) for k1 in range(4, 129) for k2 in range(k1, 2 * k1 + 1)]
    widths = min(candidates, key=lambda w: (abs(_plain_parameters(w, input_shape[-1], classes) - parameters), w))
    return _plain_net(widths, input_shape, classes)


class NetworkRun(dict):
    """One trained network: ``name``, ``parameters``, ``multiplications`` (on one example), ``channels``
    (of the volume each block outputs), ``train_loss`` and ``test_accuracy`` (one per epoch), ``seconds``
    (training time). A dict, readable as attributes."""

    __getattr__ = dict.__getitem__


def _block_channels(model):
    """Channels of the volume each block outputs: the input of every pooling layer of stride 2 after the
    stem's, and of the global average pooling."""
    import keras

    pools = [layer for layer in model.layers if isinstance(layer, keras.layers.GlobalAveragePooling2D)
             or isinstance(layer, keras.layers.MaxPooling2D) and tuple(layer.strides) == (2, 2)]
    return [int(layer.input.shape[-1]) for layer in pools[1:]]


def compare_networks(small_inception_net, conv_multiplications, X_train, y_train, X_test, y_test, *, epochs=15,
                     batch_size=32, learning_rate=1e-3, random_state=0):
    """Train the learner's small Inception network and its plain twin (:func:`build_plain_net`, as many
    parameters) from the same seed, on the same mini-batches, with Adam on the sparse cross-entropy, and
    measure the test accuracy after every epoch, behind one progress bar. Under nbgrader nothing is built
    and ``{}`` is returned.

    Returns
    -------
    runs : dict of {str: NetworkRun}, keyed by ``"Inception"`` and ``"plain"``
    """
    if under_nbgrader():
        return {}
    import time

    import keras
    from tqdm.auto import tqdm

    input_shape, classes = X_train.shape[1:], int(max(y_train.max(), y_test.max())) + 1
    runs = {}
    with tqdm(total=2 * epochs, desc="training 2 networks", unit="epoch") as bar:
        for name in ("Inception", "plain"):
            with seeded():
                keras.utils.set_random_seed(random_state)
                model = small_inception_net(input_shape=input_shape, classes=classes)
                if name == "plain":
                    keras.utils.set_random_seed(random_state)
                    model = build_plain_net(model.count_params(), input_shape=input_shape, classes=classes)
                model.compile(optimizer=keras.optimizers.Adam(learning_rate), loss="sparse_categorical_crossentropy",
                              metrics=["accuracy"])
                bar.set_postfix_str(name)
                losses, accuracies = [], []
                start = time.perf_counter()
                for _ in range(epochs):
                    history = model.fit(X_train, y_train, batch_size=batch_size, epochs=1, shuffle=True, verbose=0)
                    losses.append(float(history.history["loss"][-1]))
                    accuracies.append(float(model.evaluate(X_test, y_test, verbose=0)[1]))
                    bar.update(1)
                seconds = time.perf_counter() - start
            runs[name] = NetworkRun(name=name, parameters=int(model.count_params()),
                                    multiplications=model_multiplications(model, conv_multiplications),
                                    channels=_block_channels(model), train_loss=np.array(losses),
                                    test_accuracy=np.array(accuracies), seconds=seconds)
    return runs


def describe_networks(runs):
    """A table, one row per network: parameters, multiplications per image, channels out of its blocks, and
    after the last epoch its training loss and test accuracy; then its training time."""
    if not runs:
        return "Not trained while grading: run the notebook to compare the networks."
    lines = [f"{'network':10} {'parameters':>10} {'multiplications':>16} {'block channels':>15} {'training loss':>14} "
             f"{'test accuracy':>14} {'seconds':>8}"]
    for run in runs.values():
        channels = ", ".join(str(c) for c in run.channels)
        lines.append(f"{run.name:10} {run.parameters:10,d} {run.multiplications:16,d} {channels:>15} "
                     f"{run.train_loss[-1]:14.3f} {run.test_accuracy[-1]:14.3f} {run.seconds:8.0f}")
    return "\n".join(lines)


def plot_comparison(runs, *, axes=None):
    """Left: the test accuracy of each network after every epoch; right: its training loss."""
    import matplotlib.pyplot as plt

    if axes is None:
        _, axes = plt.subplots(1, 2, figsize=(12, 4), layout="constrained")
    if not runs:
        for ax in axes:
            ax.text(0.5, 0.5, "Not trained while grading:\nrun the notebook to see the curves.", ha="center",
                    va="center", transform=ax.transAxes)
            ax.set_axis_off()
        return axes
    colors = {"Inception": OKABE_ITO["blue"], "plain": OKABE_ITO["vermillion"]}
    for run in runs.values():
        epochs = np.arange(1, len(run.train_loss) + 1)
        label = f"{run.name} ({run.parameters:,} parameters)"
        axes[0].plot(epochs, run.test_accuracy, marker="o", markersize=3, color=colors[run.name], label=label)
        axes[1].plot(epochs, run.train_loss, marker="o", markersize=3, color=colors[run.name], label=label)
    axes[0].set(xlabel="epoch", ylabel="test accuracy (120 digits)", title="Test accuracy", ylim=(0, 1))
    axes[1].set(xlabel="epoch", ylabel="training loss (cross-entropy)", title="Training loss")
    axes[1].set_ylim(bottom=0)
    for ax in axes:
        ax.grid(alpha=0.3)
        ax.legend(fontsize=9)
    return axes

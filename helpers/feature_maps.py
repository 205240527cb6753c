"""What a trained convolutional network sees: the feature maps of one picture, layer by layer.

Every layer of a ConvNet between the input and ``Flatten`` outputs a stack of images, one per
channel: its **feature maps**. :func:`compute_feature_maps` runs a picture through a Keras model once
and keeps the output of every such layer (a sub-model ``keras.Model(model.inputs, [layer.output, …])``
computes them all in one call), :func:`plot_feature_maps` draws one layer's maps in a grid next to
the picture, and :func:`feature_maps_widget` lets you pick the picture and the layer. Nothing here
depends on a data set: give it any Keras model built on an ``Input`` of images and images it accepts.
"""
import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np

from helpers.widgets import figure_widget, int_slider

__all__ = [
    "compute_feature_maps",
    "describe_prediction",
    "feature_map_layers",
    "feature_maps_widget",
    "plot_feature_maps",
]


def _output_rank(layer):
    try:
        return len(layer.output.shape)
    except (AttributeError, ValueError):  # a layer never called, or called more than once
        return None


def _model_inputs(model):
    try:
        inputs = model.inputs
    except (AttributeError, ValueError):
        inputs = None
    if not inputs:
        raise ValueError("the model has no inputs yet: build it on keras.Input(...) (or call it once) first")
    return inputs


def feature_map_layers(model):
    """The names of ``model``'s layers whose output is a stack of feature maps, in order.

    Parameters
    ----------
    model : keras.Model
        A Sequential or Functional model built on an ``Input``.

    Returns
    -------
    names : list of str
        Every layer (convolution, normalization, activation, pooling, padding, …) whose output has
        the shape ``(batch, height, width, channels)``; input layers are left out.
    """
    _model_inputs(model)
    return [layer.name for layer in model.layers
            if type(layer).__name__ != "InputLayer" and _output_rank(layer) == 4]


def compute_feature_maps(model, image, *, layers=None):
    """The feature maps of one picture at each of ``layers``, and the model's output.

    Parameters
    ----------
    model : keras.Model
        A Sequential or Functional model built on an ``Input`` of images.
    image : ndarray of shape (height, width, channels)
        One picture, scaled as the model expects it (for instance divided by 255).
    layers : sequence of str, optional, keyword-only
        Names of the layers to look at; by default :func:`feature_map_layers`.

    Returns
    -------
    maps : dict of {str: ndarray of shape (h, w, c)}
        Each layer's output for the picture, in the order of ``layers``, computed in inference mode
        (batch normalization uses its moving averages).
    output : ndarray
        The model's output for the picture, without the batch axis.
    """
    return _FeatureMaps(model, layers)(image)


class _FeatureMaps:
    """One sub-model returning every chosen layer's output and the model's output, built once."""

    def __init__(self, model, layers=None):
        import keras

        self.names = list(feature_map_layers(model) if layers is None else layers)
        if not self.names:
            raise ValueError("the model has no layer whose output is a stack of feature maps (batch, h, w, c)")
        inputs = _model_inputs(model)
        if len(inputs) != 1:
            raise ValueError(f"a model with one input of images expected, got {len(inputs)} inputs")
        outputs = [model.get_layer(name).output for name in self.names] + [model.outputs[0]]
        self.model = keras.Model(inputs[0], outputs)

    def __call__(self, image):
        image = np.asarray(image, dtype=np.float32)
        if image.ndim != 3:
            raise ValueError(f"one picture of shape (height, width, channels) expected, got shape {image.shape}")
        *maps, output = self.model(image[None], training=False)
        maps = {name: np.asarray(values)[0] for name, values in zip(self.names, maps)}
        return maps, np.asarray(output)[0]


def describe_prediction(output, class_names=None):
    """A short sentence for a model's output on one picture.

    A single sigmoid unit gives ``"model: 0.93 → smiling"`` (the probability of class 1, and the
    class it rounds to); several units (a softmax) give the most probable class and its probability.
    ``class_names[k]`` names class ``k``; by default the class number.
    """
    output = np.ravel(output)
    name = (lambda k: str(class_names[k])) if class_names is not None else str
    if output.size == 1:
        return f"model: {output[0]:.2f} → {name(int(output[0] >= 0.5))}"
    best = int(np.argmax(output))
    return f"model: {name(best)} ({output[best]:.2f})"


def _as_picture(image):
    """A picture imshow draws faithfully: uint8 as is, floats clipped to [0, 1], one channel as grey."""
    image = np.asarray(image)
    if image.ndim == 3 and image.shape[-1] == 1:
        image = image[..., 0]
    return image if image.dtype == np.uint8 else np.clip(image, 0, 1)


def plot_feature_maps(maps, *, image=None, title=None, layer_name=None, shared_scale=False, max_channels=32,
                      ncols=8):
    """Draw the feature maps of one layer in a grid, channel by channel, next to the picture.

    Parameters
    ----------
    maps : ndarray of shape (h, w, c)
        One layer's output for one picture (a value of :func:`compute_feature_maps`).
    image : ndarray of shape (height, width, channels), optional, keyword-only
        The picture, drawn on the left (uint8, or floats in [0, 1]).
    title : str, optional, keyword-only
        Title over the picture.
    layer_name : str, optional, keyword-only
        The layer's name, for the figure's title.
    shared_scale : bool, default False, keyword-only
        False: each map gets its own colour scale, from its smallest value (dark) to its largest
        (bright), which shows its pattern. True: every map of the layer shares one scale, which shows
        which channels respond strongly and which hardly at all.
    max_channels : int, default 32, keyword-only
        Draw at most this many channels (the first ones).
    ncols : int, default 8, keyword-only
        Maps per row.

    Returns
    -------
    fig : matplotlib Figure
    """
    maps = np.asarray(maps, dtype=float)
    if maps.ndim != 3:
        raise ValueError(f"feature maps of shape (h, w, channels) expected, got shape {maps.shape}")
    h, w, c = maps.shape
    n = min(c, int(max_channels))
    ncols = max(1, min(int(ncols), n))
    nrows = -(-n // ncols)
    mosaic, (row_step, col_step) = _mosaic(maps[..., :n], ncols, shared_scale)
    cell = 1.2  # inches per map
    grid_width = max(ncols * cell, 5.0)
    grid_height = nrows * cell * row_step / col_step
    left = 0.0 if image is None else min(2.8, max(1.8, grid_height))
    fig, axes = plt.subplots(1, 1 if image is None else 2, squeeze=False, layout="constrained",
                             width_ratios=None if image is None else [left, grid_width],
                             figsize=(left + grid_width, max(left, grid_height) + 0.5))
    if image is not None:
        picture_ax = axes[0, 0]
        picture_ax.imshow(_as_picture(image), cmap="gray")
        picture_ax.set_axis_off()
        picture_ax.set_title(title or "input", fontsize=9)
    grid_ax = axes[0, -1]
    grid_ax.imshow(mosaic, interpolation="nearest")
    grid_ax.set_axis_off()
    label = row_step - h
    for k in range(n):  # the channel's number above its map
        grid_ax.text((k % ncols) * col_step, (k // ncols) * row_step + label - 0.8, f"channel {k}", fontsize=7,
                     va="bottom", ha="left")
    shown = f", the first {n} shown" if n < c else ""
    scale = "one colour scale for the layer" if shared_scale else "each map on its own colour scale"
    name = f"{layer_name}: " if layer_name else ""
    fig.suptitle(f"{name}{h} × {w} × {c} feature maps{shown} ({scale}; bright = large)", fontsize=10)
    return fig


def _mosaic(maps, ncols, shared_scale):
    """The maps (h, w, n) coloured with viridis and tiled ``ncols`` to a row on white, as one RGB image, and
    the (row, column) step between two tiles in pixels. One image draws much faster than one axes per map."""
    h, w, n = maps.shape
    if shared_scale:
        low, high = maps.min(), maps.max()
    else:
        low, high = maps.min(axis=(0, 1)), maps.max(axis=(0, 1))
    span = np.where(high > low, high - low, 1.0)
    scaled = np.clip((maps - low) / span, 0, 1)  # a constant map (a silent channel) is dark
    colours = plt.get_cmap("viridis")(np.moveaxis(scaled, -1, 0))[..., :3]  # (n, h, w, 3)
    gap, label = max(1, w // 16), max(2, int(round(h / 5)))  # room between maps, and above each for its number
    row_step, col_step = h + label, w + gap
    nrows = -(-n // ncols)
    mosaic = np.ones((nrows * row_step, ncols * col_step - gap, 3))
    for k in range(n):
        top, left = (k // ncols) * row_step + label, (k % ncols) * col_step
        mosaic[top:top + h, left:left + w] = colours[k]
    return mosaic, (row_step, col_step)


def feature_maps_widget(model, images, *, labels=None, class_names=None, max_channels=32):
    """Pick a picture and a layer; see that layer's feature maps for the picture.

    A slider picks the picture among ``images``, a menu the layer (every layer of
    :func:`feature_map_layers`; it opens on the first one with weights, a convolution), and two
    buttons the colour scale (each map on its own, or one for the whole layer). The line above the
    figure says the layer's output shape and what the model predicts. The activations of a picture
    are computed once, for every layer at a time, by one sub-model, and kept: moving between layers
    only redraws, in a fraction of a second (the maps are tiled into one image).

    Parameters
    ----------
    model : keras.Model
        A trained Sequential or Functional model built on an ``Input`` of images.
    images : ndarray of shape (m, height, width, channels)
        Pictures scaled as the model expects them (for instance a test set divided by 255).
    labels : sequence of str, optional, keyword-only
        What each picture is, shown in the figure (for instance its true class).
    class_names : sequence of str, optional, keyword-only
        Names of the model's classes, for the prediction (see :func:`describe_prediction`).
    max_channels : int, default 32, keyword-only
        Draw at most this many channels of a layer.

    Returns
    -------
    widget : helpers.widgets.FigureBox
        The controls, a line of text and the figure; ``widget.cache`` maps a picture's index to its
        ``(maps, output)``.
    """
    images = np.asarray(images)
    if images.ndim != 4 or len(images) == 0:
        raise ValueError(f"images of shape (m, height, width, channels) expected, got shape {images.shape}")
    if labels is not None and len(labels) != len(images):
        raise ValueError(f"{len(images)} images but {len(labels)} labels")
    feature_maps = _FeatureMaps(model)
    cache = {}

    def maps_of(index):
        if index not in cache:
            cache[index] = feature_maps(images[index])
        return cache[index]

    image_slider = int_slider("picture", 0, 0, len(images) - 1, "320px")
    first = next((name for name in feature_maps.names if model.get_layer(name).weights), feature_maps.names[0])
    layer_menu = widgets.Dropdown(options=feature_maps.names, value=first, description="layer",
                                  layout=widgets.Layout(width="300px"))
    scale_buttons = widgets.ToggleButtons(options=[("each map", False), ("whole layer", True)], value=False,
                                          description="colour scale", style={"description_width": "initial"})

    def draw(index, layer, shared_scale):
        maps, output = maps_of(index)
        layer_maps = maps[layer]
        title = f"picture {index}" + (f": {labels[index]}" if labels is not None else "")
        fig = plot_feature_maps(layer_maps, image=images[index], title=title, layer_name=layer,
                                shared_scale=shared_scale, max_channels=max_channels)
        h, w, c = layer_maps.shape
        position = feature_maps.names.index(layer) + 1
        text = (f"layer {position} of {len(feature_maps.names)}, {layer} "
                f"({type(model.get_layer(layer)).__name__}): output {h} × {w} × {c}; "
                f"{describe_prediction(output, class_names)}")
        return fig, text

    box = figure_widget(draw, {"index": image_slider, "layer": layer_menu, "shared_scale": scale_buttons},
                        rows=[widgets.HBox([image_slider, layer_menu]), scale_buttons])
    box.cache = cache
    return box

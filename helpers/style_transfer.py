"""Neural style transfer offline: content photos, generated style images, a feature network, figures.

The original assignment reads its activations from VGG-19 trained on ImageNet (about 80 MB of
weights, downloaded). Offline there is no such network, so :func:`load_feature_network` builds a
small convolutional network whose weights are *random*, drawn from a fixed seed with NumPy, and never
trained. Random convolutions already describe texture well enough for style transfer (Ustyuzhaninov,
Brendel, Gatys and Bethge, "What does it take to generate natural textures?", ICLR 2017), provided
they look at several scales at once: the first block applies four convolutions side by side, with
kernels 3, 5, 7 and 11 pixels wide; a second block, after average pooling, sees a wider window. A
network trained on natural photos does better, especially with grey, irregular textures.

Content photos come from scikit-image (:func:`load_content_image`); style images are generated
from a seed (:func:`make_style_image`): colourful, strongly patterned images, the kind of style
random features transfer well.
"""
from pathlib import Path

import numpy as np

__all__ = [
    "CONTENT_NAMES",
    "GALLERY_BETAS",
    "GALLERY_FILE",
    "GALLERY_STEPS",
    "IMAGE_SIZE",
    "STYLE_NAMES",
    "clip_0_1",
    "get_layer_outputs",
    "load_content_image",
    "load_feature_network",
    "load_style_gallery",
    "make_style_image",
    "plot_costs_over_steps",
    "plot_gram_matrices",
    "plot_images",
    "tensor_to_image",
    "transfer_widget",
]

#: Height and width of the notebook's images (the original's are 400 x 400).
IMAGE_SIZE = (112, 168)
#: Photos of scikit-image that :func:`load_content_image` accepts.
CONTENT_NAMES = ("chelsea", "astronaut", "coffee", "rocket")
#: Styles that :func:`make_style_image` draws.
STYLE_NAMES = ("waves", "mosaic", "circles")

#: The saved runs of :func:`load_style_gallery`: style weights beta (alpha = 10), steps of each run, file.
GALLERY_BETAS = (0, 4, 40, 400)
GALLERY_STEPS = 100
GALLERY_FILE = Path(__file__).with_name("style_gallery.npz")

# The feature network: (name, kernel size, filters) of the four parallel convolutions of block 1,
# then the one convolution of block 2, after 2 x 2 average pooling.
_BLOCK1 = (("block1_conv1", 3, 32), ("block1_conv2", 5, 32), ("block1_conv3", 7, 32), ("block1_conv4", 11, 32))
_BLOCK2 = ("block2_conv1", 3, 64)


def _check_size(height, width):
    if int(height) != height or int(width) != width or height < 8 or width < 8:
        raise ValueError(f"height and width must be integers of at least 8 pixels, got {height} x {width}")
    return int(height), int(width)


def load_content_image(name="chelsea", *, height=IMAGE_SIZE[0], width=IMAGE_SIZE[1]):
    """A photo of scikit-image, cropped to the aspect of ``height`` x ``width`` around its centre and resized.

    Parameters
    ----------
    name : str, default "chelsea"
        One of :data:`CONTENT_NAMES`: a cat, an astronaut, a cup of coffee, a rocket launch.
    height, width : int, keyword-only
        Size of the result, in pixels (default :data:`IMAGE_SIZE`).

    Returns
    -------
    image : ndarray of shape (height, width, 3), dtype float32
        Values in [0, 1].
    """
    import skimage.data
    from skimage.transform import resize

    if name not in CONTENT_NAMES:
        raise ValueError(f"unknown content image {name!r}; choose one of: {', '.join(CONTENT_NAMES)}")
    height, width = _check_size(height, width)
    photo = np.asarray(getattr(skimage.data, name)())[..., :3]
    rows, cols = photo.shape[:2]
    if rows * width > cols * height:  # too tall: keep the full width
        keep = round(cols * height / width)
        photo = photo[(rows - keep) // 2:(rows - keep) // 2 + keep]
    else:
        keep = round(rows * width / height)
        photo = photo[:, (cols - keep) // 2:(cols - keep) // 2 + keep]
    return resize(photo, (height, width), anti_aliasing=True).astype(np.float32)


def make_style_image(name="waves", *, height=IMAGE_SIZE[0], width=IMAGE_SIZE[1], random_state=0):
    """A generated style image.

    Parameters
    ----------
    name : str, default "waves"
        ``"waves"``: rainbow zigzag stripes; ``"mosaic"``: pieces of coloured glass with dark
        joints; ``"circles"``: overlapping coloured rings on a dark ground.
    height, width : int, keyword-only
        Size of the image (default :data:`IMAGE_SIZE`).
    random_state : int, default 0, keyword-only
        Seed of the mosaic's pieces and the rings' places and colours.

    Returns
    -------
    image : ndarray of shape (height, width, 3), dtype float32
        Values in [0, 1].
    """
    if name not in STYLE_NAMES:
        raise ValueError(f"unknown style {name!r}; choose one of: {', '.join(STYLE_NAMES)}")
    height, width = _check_size(height, width)
    rng = np.random.default_rng(random_state)
    y, x = np.mgrid[0:height, 0:width] / max(height, width)
    if name == "waves":
        phase = 40 * (x + 0.08 * np.sin(25 * y))
        image = np.stack([0.5 + 0.5 * np.sin(phase + shift) for shift in (0, 2.1 + 5 * y, 4.2)], axis=-1)
    elif name == "mosaic":
        centres = rng.uniform(0, 1, size=(60, 2)) * [height / max(height, width), width / max(height, width)]
        colours = rng.uniform(0, 1, size=(60, 3)) ** 0.7
        distances = np.sqrt((y[..., None] - centres[:, 0]) ** 2 + (x[..., None] - centres[:, 1]) ** 2)
        nearest = np.sort(distances, axis=-1)
        image = colours[distances.argmin(axis=-1)]
        image[nearest[..., 1] - nearest[..., 0] < 1.5 / max(height, width)] = 0.05
    else:
        image = np.full((height, width, 3), 0.08)
        for _ in range(40):
            cy, cx, radius = rng.uniform(0, 1), rng.uniform(0, 1.5), rng.uniform(0.02, 0.12)
            ring = np.abs(np.hypot(y - cy, x - cx) - radius) < 0.012
            image[ring] = rng.uniform(0.2, 1, size=3)
    return np.clip(image, 0, 1).astype(np.float32)


def load_feature_network(*, random_state=0):
    """The notebook's stand-in for VGG-19: a small convolutional network with random, fixed weights.

    The input, an image with values in [0, 1], is mapped to [-2, 2]; block 1 applies four ReLU
    convolutions side by side, 3, 5, 7 and 11 pixels wide, 32 filters each (``block1_conv1`` to
    ``block1_conv4``); their outputs, joined, are average-pooled 2 x 2 and go through
    ``block2_conv1`` (3 x 3, 64 filters). The weights are He-normal, drawn with NumPy from
    ``random_state``, the biases zero; nothing is trained, and the network is frozen
    (``trainable = False``). Its only output is the last layer's: pick the layers you need with
    :func:`get_layer_outputs`.

    Parameters
    ----------
    random_state : int, default 0, keyword-only
        Seed of the weights: the same seed gives the same network on any machine.

    Returns
    -------
    model : keras.Model
        Input of shape (None, None, None, 3); 93,504 parameters.
    """
    import keras
    from keras import layers

    image = keras.Input(shape=(None, None, 3), name="image")
    centred = layers.Rescaling(4.0, offset=-2.0, name="centre")(image)
    block1 = [layers.Conv2D(filters, size, padding="same", activation="relu", name=name)(centred)
              for name, size, filters in _BLOCK1]
    joined = layers.Concatenate(name="block1_concat")(block1)
    pooled = layers.AveragePooling2D(2, name="block1_pool")(joined)
    name, size, filters = _BLOCK2
    output = layers.Conv2D(filters, size, padding="same", activation="relu", name=name)(pooled)
    model = keras.Model(image, output, name="random_features")
    rng = np.random.default_rng(random_state)
    for layer in model.layers:
        if isinstance(layer, layers.Conv2D):
            shape = tuple(layer.kernel.shape)
            layer.kernel.assign(rng.normal(0, np.sqrt(2 / np.prod(shape[:3])), size=shape).astype(np.float32))
            layer.bias.assign(np.zeros(layer.bias.shape, dtype=np.float32))
    model.trainable = False
    return model


def get_layer_outputs(model, layer_names):
    """A model with ``model``'s input whose outputs are the named layers' outputs, in the order given.

    Parameters
    ----------
    model : keras.Model
        The feature network.
    layer_names : list of (str, float)
        Pairs (layer name, weight), as in ``STYLE_LAYERS``; only the names are used.

    Returns
    -------
    keras.Model
        Called on a batch of images, it returns a list of activations, one per pair.
    """
    import keras

    return keras.Model(model.input, [model.get_layer(name).output for name, _ in layer_names])


def clip_0_1(image):
    """``image`` with every value clipped to [0, 1] (a TensorFlow tensor)."""
    import tensorflow as tf

    return tf.clip_by_value(image, clip_value_min=0.0, clip_value_max=1.0)


def tensor_to_image(tensor):
    """A batch of one image (tensor or array of shape (1, h, w, 3), values in [0, 1]) as a uint8 array (h, w, 3)."""
    array = np.asarray(tensor, dtype=np.float32)
    if array.ndim == 4:
        if array.shape[0] != 1:
            raise ValueError(f"expected a batch of one image, got {array.shape[0]}")
        array = array[0]
    if array.ndim != 3 or array.shape[-1] != 3:
        raise ValueError(f"expected an image of shape (h, w, 3) or (1, h, w, 3), got {array.shape}")
    return np.round(255 * np.clip(array, 0, 1)).astype(np.uint8)


def plot_images(images, titles, *, width=3.0):
    """Images side by side, each with its title; returns the figure."""
    import matplotlib.pyplot as plt

    images = [tensor_to_image(image) if np.ndim(image) == 4 else image for image in images]
    if len(images) != len(titles):
        raise ValueError(f"got {len(images)} images but {len(titles)} titles")
    height, image_width = np.shape(images[0])[:2]
    fig, axes = plt.subplots(1, len(images), squeeze=False, layout="constrained",
                             figsize=(width * len(images), width * height / image_width + 0.35))
    for ax, image, title in zip(axes[0], images, titles):
        ax.imshow(image)
        ax.set_title(title, fontsize=10)
        ax.set_axis_off()
    return fig


def plot_costs_over_steps(history, *, alpha=10, beta=40, upto=None, ax=None):
    """The three costs of a run against the step: alpha * J_content, beta * J_style and their sum J.

    Parameters
    ----------
    history : dict of str to list
        ``"step"``, ``"J_content"``, ``"J_style"`` and ``"J"``: the costs at the steps recorded.
    alpha, beta : float, keyword-only
        The weights of the two costs in J.
    upto : int, optional, keyword-only
        Mark this step with a vertical line.
    ax : matplotlib Axes, optional, keyword-only
        Where to draw; a new figure when ``None``.

    Returns
    -------
    ax : matplotlib Axes
    """
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=(6, 3.6), layout="constrained")
    steps = np.asarray(history["step"])
    ax.plot(steps, np.asarray(history["J"]), color="black", label="J (total)")
    ax.plot(steps, alpha * np.asarray(history["J_content"]), color="tab:blue", label=f"α·J_content (α = {alpha:g})")
    ax.plot(steps, beta * np.asarray(history["J_style"]), color="tab:orange", label=f"β·J_style (β = {beta:g})")
    if upto is not None:
        ax.axvline(upto, color="gray", linestyle=":")
    ax.set_ylim(bottom=0)
    ax.set_xlabel("step (Adam on the pixels)")
    ax.set_ylabel("cost")
    ax.legend(fontsize=8)
    return ax


def plot_gram_matrices(grams, titles):
    """Gram (style) matrices side by side as heat maps, on one colour scale; returns the figure."""
    import matplotlib.pyplot as plt

    grams = [np.asarray(gram) for gram in grams]
    top = max(float(gram.max()) for gram in grams)
    fig, axes = plt.subplots(1, len(grams), squeeze=False, layout="constrained", figsize=(3.2 * len(grams), 3.2))
    for ax, gram, title in zip(axes[0], grams, titles):
        shown = ax.imshow(gram, cmap="viridis", vmin=0, vmax=top)
        ax.set_title(title, fontsize=10)
        ax.set_xlabel("channel k'")
        ax.set_ylabel("channel k")
    fig.colorbar(shown, ax=axes[0].tolist(), shrink=0.8)
    return fig


def load_style_gallery():
    """Saved runs of the notebook's transfer ("chelsea" in "waves") for the style weights of :data:`GALLERY_BETAS`.

    ``python -m autograder.style_gallery`` made them with the reference solution, from the
    notebook's starting image, alpha = 10, 100 Adam steps of 0.01: the image every 20 steps and
    the costs every 10.

    Returns
    -------
    runs : dict of str to dict
        By label, ``{"beta": beta, "images": {step: ndarray (1, h, w, 3) in [0, 1]}, "history":
        {"step", "J_content", "J_style", "J"}}``, as :func:`transfer_widget` reads them.
    """
    if not GALLERY_FILE.is_file():
        raise FileNotFoundError(f"{GALLERY_FILE} is missing; make it with: python -m autograder.style_gallery")
    runs = {}
    with np.load(GALLERY_FILE) as saved:
        for beta in GALLERY_BETAS:
            images, costs = saved[f"images_beta_{beta:g}"], saved[f"costs_beta_{beta:g}"]
            steps = [10 * index for index in range(len(costs))]
            runs[f"saved run: α = 10, β = {beta:g}"] = {
                "beta": beta,
                "images": {20 * index: image[np.newaxis] / np.float32(255) for index, image in enumerate(images)},
                "history": {"step": steps, "J_content": costs[:, 0].tolist(), "J_style": costs[:, 1].tolist(),
                            "J": (10 * costs[:, 0] + beta * costs[:, 1]).tolist()},
            }
    return runs


def transfer_widget(runs, *, alpha=10):
    """A widget over saved runs of style transfer: pick a run and a step, see the image and the costs.

    Parameters
    ----------
    runs : dict of str to dict
        One entry per run, by label: ``"beta"`` (its style weight), ``"images"`` (``{step: image}``,
        the generated image saved at those steps) and ``"history"`` (as for
        :func:`plot_costs_over_steps`).
    alpha : float, keyword-only
        The content weight all runs share.

    Returns
    -------
    helpers.widgets.FigureBox
    """
    import matplotlib.pyplot as plt

    from helpers.widgets import choice_slider, figure_widget, menu

    if not runs:
        raise ValueError("no runs to show: run the cells that make them first")
    first = next(iter(runs.values()))
    steps = sorted(first["images"])

    def draw(run, step):
        chosen = runs[run]
        saved = sorted(chosen["images"])
        step = min(saved, key=lambda s: abs(s - step))
        fig = plt.figure(figsize=(10, 3.4), layout="constrained")
        image_ax, cost_ax = fig.subplots(1, 2, width_ratios=(1.1, 1))
        image_ax.imshow(tensor_to_image(chosen["images"][step]))
        image_ax.set_title(f"{run}: step {step}", fontsize=10)
        image_ax.set_axis_off()
        plot_costs_over_steps(chosen["history"], alpha=alpha, beta=chosen["beta"], upto=step, ax=cost_ax)
        history = chosen["history"]
        index = int(np.argmin(np.abs(np.asarray(history["step"]) - step)))
        return fig, (f"step {step}: J = {history['J'][index]:.3g}, α·J_content = "
                     f"{alpha * history['J_content'][index]:.3g}, β·J_style = {chosen['beta'] * history['J_style'][index]:.3g}")

    controls = {"run": menu("run", runs, "330px"),
                "step": choice_slider("step", steps, steps[-1], "420px")}
    return figure_widget(draw, controls)

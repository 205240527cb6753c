"""Course 3, week 2: generated road scenes for error analysis, their figures and the week's widgets.

A scene is a small RGB picture of a road with a car, drawn with numpy; its tags (night, fog,
rain, glare, occlusion) change how it is drawn. Randomness uses a local
``np.random.default_rng(random_state)``.
"""
import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np

from helpers.plotting import OKABE_ITO
from helpers.project_strategy import plot_gaps
from helpers.widgets import figure_widget

__all__ = [
    "ERROR_COUNTS",
    "draw_scene",
    "error_analysis_widget",
    "make_misclassified_scenes",
    "plot_ceilings",
    "staircase_widget",
]

# how many of the 100 misclassified dev scenes carry each tag (tags overlap)
ERROR_COUNTS = {"night": 43, "fog": 61, "rain": 12, "glare": 8, "occlusion": 20, "mislabeled": 6}


def draw_scene(tags, rng, *, height=36, width=54):
    """One road scene, an array of shape (height, width, 3) in [0, 1], drawn with the given tags."""
    rows, cols = np.mgrid[0:height, 0:width]
    horizon = int(0.45 * height)
    image = np.empty((height, width, 3))
    image[:] = [0.55, 0.75, 0.95]
    road = (rows >= horizon) & (np.abs(cols - width / 2) <= 4 + (rows - horizon) * 1.3)
    image[rows >= horizon] = [0.35, 0.6, 0.3]
    image[road] = [0.4, 0.4, 0.42]
    image[road & (np.abs(cols - width / 2) < 0.8) & ((rows // 3) % 2 == 0)] = 1.0
    top, left = int(rng.integers(horizon + 4, height - 10)), int(rng.integers(width // 2 - 14, width // 2 + 2))
    image[top:top + 7, left:left + 12] = rng.choice([[0.8, 0.1, 0.1], [0.1, 0.2, 0.7], [0.9, 0.8, 0.1]])
    image[top + 6:top + 9, [left + 1, left + 2, left + 9, left + 10]] = 0.05
    if tags.get("occlusion"):
        image[top - 3:top + 9, left + 3:left + 9] = [0.25, 0.22, 0.2]
    if tags.get("night"):
        image *= 0.25
        image[top + 2:top + 4, [left, left + 11]] = [1.0, 0.95, 0.5]
    if tags.get("rain"):
        streaks = (((rows + 2 * cols + int(rng.integers(0, 7))) % 7) == 0) & (rng.random((height, width)) < 0.5)
        image[streaks] = 0.5 * image[streaks] + 0.45
    if tags.get("glare"):
        cy, cx = rng.integers(0, horizon), rng.integers(0, width)
        image += 0.9 * np.exp(-((rows - cy) ** 2 + (cols - cx) ** 2) / 60.0)[..., None]
    if tags.get("fog"):
        image = 0.35 * image + 0.65 * 0.8
    return np.clip(image, 0, 1)


def make_misclassified_scenes(*, counts=ERROR_COUNTS, m=100, random_state=0):
    """The misclassified dev scenes of an error analysis: pictures and their tags.

    Returns
    -------
    images : ndarray of shape (m, 36, 54, 3)
    tags : dict mapping each tag to a boolean ndarray of shape (m,), ``counts[tag]`` of them True
    """
    rng = np.random.default_rng(random_state)
    tags = {}
    for tag, count in counts.items():
        flags = np.zeros(m, dtype=bool)
        flags[rng.choice(m, count, replace=False)] = True
        tags[tag] = flags
    images = np.stack([draw_scene({tag: flags[i] for tag, flags in tags.items()}, rng) for i in range(m)])
    return images, tags


def plot_ceilings(ceilings, dev_error, *, selected=None, ax=None):
    """Horizontal bars: the dev error left if every error of a category were fixed."""
    if ax is None:
        _, ax = plt.subplots(figsize=(5, 3), layout="constrained")
    names = list(ceilings)
    colors = [OKABE_ITO["vermillion"] if name == selected else OKABE_ITO["sky_blue"] for name in names]
    ax.barh(names, [ceilings[n] for n in names], color=colors)
    ax.axvline(dev_error, color="0.3", linestyle="--")
    for k, name in enumerate(names):
        ax.annotate(f"{ceilings[name]:.2f}", (ceilings[name], k), xytext=(3, 0), textcoords="offset points",
                    va="center", fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, dev_error * 1.15)
    ax.set_xlabel(f"best-case dev error after fixing the category (%)\n(dashed: the dev error now, {dev_error:g} %)")
    return ax


def error_analysis_widget(error_analysis, images, tags, dev_error, *, n_images=8):
    """Buttons to pick a tag: thumbnails of the misclassified scenes that carry it, next to the
    ceiling of every category computed with your ``error_analysis(tags, dev_error)``."""
    _, ceilings = error_analysis(tags, dev_error)
    buttons = widgets.ToggleButtons(options=list(tags), description="tag", style={"button_width": "90px"})

    def draw(tag):
        fig = plt.figure(figsize=(11, 3.6), layout="constrained")
        grid = fig.add_gridspec(2, n_images // 2 + 3)
        plot_ceilings(ceilings, dev_error, selected=tag, ax=fig.add_subplot(grid[:, n_images // 2:]))
        shown = np.flatnonzero(tags[tag])[:n_images]
        for k in range(n_images):
            ax = fig.add_subplot(grid[k // (n_images // 2), k % (n_images // 2)])
            ax.axis("off")
            if k < len(shown):
                ax.imshow(images[shown[k]])
                ax.set_title(f"#{shown[k]}", fontsize=8)
        fig.suptitle(f"{int(np.sum(tags[tag]))} of {len(tags[tag])} misclassified scenes are tagged {tag}")
        return fig, None

    return figure_widget(draw, {"tag": buttons})


def staircase_widget(mismatch_gaps, *, levels=(4.0, 7.0, 10.0, 12.0, 12.0)):
    """Sliders for the five error levels; each redraw draws the staircase with the gaps from your
    ``mismatch_gaps(human, train, train_dev, dev, test)`` and highlights the largest."""
    names = ("human", "train", "train_dev", "dev", "test")
    controls = {name: widgets.FloatSlider(value=value, min=0.0, max=30.0, step=0.5, description=name,
                                          continuous_update=False, layout=widgets.Layout(width="260px"))
                for name, value in zip(names, levels)}

    def draw(**errors):
        gaps = mismatch_gaps(*(errors[name] for name in names))
        _, ax = plt.subplots(figsize=(7, 3.6), layout="constrained")
        steps = ("avoidable_bias", "variance", "data_mismatch", "dev_overfitting")
        plot_gaps(errors, {key: gaps[key] for key in steps}, focus=gaps["largest"], ax=ax)
        return ax.figure, f"largest gap: {gaps['largest']}"

    return figure_widget(draw, controls, rows=[widgets.HBox(list(controls.values())[:3]),
                                               widgets.HBox(list(controls.values())[3:])])

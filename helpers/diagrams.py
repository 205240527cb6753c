"""Schematic diagrams drawn with matplotlib: network architectures the notebooks talk about.

Each function draws on the axes you pass, or creates a figure when ``ax`` is None, turns the
axis frame off (a diagram has no scales) and returns the axes. Colours come from the
Okabe-Ito palette of :mod:`helpers.plotting`.
"""
import matplotlib.pyplot as plt
from matplotlib.patches import FancyBboxPatch

from helpers.plotting import OKABE_ITO

__all__ = ["draw_deep_network", "draw_unrolled_rnn"]

_OUTPUTS = ("every", "last", "none")


def _step(symbol, t):
    return rf"${symbol}^{{\langle {t} \rangle}}$"


def _arrow(ax, start, end, color):
    ax.annotate("", xy=end, xytext=start,
                arrowprops={"arrowstyle": "-|>", "color": color, "lw": 1.6, "shrinkA": 0, "shrinkB": 0})


def _state_label(ax, x, lane, text, color, *, below, small):
    ax.text(x, lane - 0.05 if below else lane + 0.05, text, ha="center", va="top" if below else "bottom",
            fontsize=10 if small else 11, color=color)


def draw_unrolled_rnn(T_x=4, *, cell="RNN", outputs="every", states=("a",), parameters=None, ax=None):
    """Draw a recurrent network unrolled over time: one copy of the cell per time step.

    Inputs :math:`x^{\\langle t \\rangle}` enter each cell from below, predictions
    :math:`\\hat y^{\\langle t \\rangle}` leave from above, and the hidden state (for an LSTM
    also the memory cell) flows from each copy to the next, starting from
    :math:`a^{\\langle 0 \\rangle}`.

    Parameters
    ----------
    T_x : int, default 4
        Number of time steps drawn (1 to 8).
    cell : str, default "RNN", keyword-only
        Name written in each cell, e.g. ``"RNN"``, ``"LSTM"`` or ``"GRU"``.
    outputs : {"every", "last", "none"}, default "every", keyword-only
        A prediction at every step (``T_y = T_x``), only after the last one (many-to-one),
        or none.
    states : sequence of str, default ("a",), keyword-only
        The states passed from one step to the next, drawn as parallel arrows; ``("a", "c")``
        for an LSTM.
    parameters : str, optional, keyword-only
        A note written under the diagram, e.g. the names of the shared parameters.
    ax : matplotlib Axes, optional, keyword-only
        Where to draw; a new figure is created when None.

    Returns
    -------
    ax : matplotlib Axes
    """
    if not 1 <= int(T_x) <= 8:
        raise ValueError(f"T_x must be between 1 and 8 to fit in a figure, got {T_x!r}")
    if outputs not in _OUTPUTS:
        raise ValueError(f"outputs must be one of {_OUTPUTS}, got {outputs!r}")
    states = tuple(states)
    if not states:
        raise ValueError("draw at least one state, e.g. states=('a',)")
    T_x = int(T_x)
    if ax is None:
        _, ax = plt.subplots(figsize=(1.9 * T_x + 1.8, 3.6), layout="constrained")

    width, height, gap = 1.0, 0.8, 0.9
    state_colors = (OKABE_ITO["blue"], OKABE_ITO["reddish_purple"], OKABE_ITO["bluish_green"])
    spread = 0.22 if len(states) > 1 else 0.0
    lanes = [spread - 2 * spread * k / max(1, len(states) - 1) for k in range(len(states))]
    left = lambda t: (t - 1) * (width + gap)  # noqa: E731 (x of the left edge of cell t)

    for t in range(1, T_x + 1):
        x0 = left(t)
        ax.add_patch(FancyBboxPatch((x0, -height / 2), width, height, boxstyle="round,pad=0.04",
                                    facecolor=OKABE_ITO["sky_blue"] + "55", edgecolor=OKABE_ITO["blue"], lw=1.5))
        ax.text(x0 + width / 2, 0, cell, ha="center", va="center", fontsize=11, fontweight="bold")
        _arrow(ax, (x0 + width / 2, -1.25), (x0 + width / 2, -height / 2 - 0.05), OKABE_ITO["black"])
        ax.text(x0 + width / 2, -1.3, _step("x", t), ha="center", va="top", fontsize=13)
        if outputs == "every" or (outputs == "last" and t == T_x):
            _arrow(ax, (x0 + width / 2, height / 2 + 0.05), (x0 + width / 2, 1.25), OKABE_ITO["vermillion"])
            ax.text(x0 + width / 2, 1.3, _step(r"\hat{y}", t), ha="center", va="bottom", fontsize=13,
                    color=OKABE_ITO["vermillion"])
        for k, (lane, symbol, color) in enumerate(zip(lanes, states, state_colors)):
            _arrow(ax, (x0 - gap + (0.08 if t > 1 else 0.0), lane), (x0 - 0.05, lane), color)
            _state_label(ax, x0 - gap / 2, lane, _step(symbol, t - 1), color, below=k > 0, small=len(states) > 1)
            if t == T_x:
                _arrow(ax, (x0 + width + 0.05, lane), (x0 + width + gap * 0.8, lane), color)
                _state_label(ax, x0 + width + gap * 0.4, lane, _step(symbol, t), color, below=k > 0,
                             small=len(states) > 1)

    if parameters:
        ax.text((left(T_x) + width) / 2, -1.95, parameters, ha="center", va="top", fontsize=10,
                color=OKABE_ITO["black"])
    ax.set_xlim(-gap - 0.2, left(T_x) + width + gap)
    ax.set_ylim(-2.3 if parameters else -1.85, 1.85)
    ax.set_aspect("equal")
    ax.set_axis_off()
    direction = {"every": "a prediction at every step", "last": "one prediction at the end",
                 "none": "no predictions"}[outputs]
    ax.set_title(f"{cell} unrolled over $T_x = {T_x}$ time steps ({direction})")
    return ax


def _box(ax, center, width, height, text, *, face, edge, fontsize=10):
    x, y = center
    ax.add_patch(FancyBboxPatch((x - width / 2, y - height / 2), width, height, boxstyle="round,pad=0.03",
                                facecolor=face, edgecolor=edge, lw=1.5))
    ax.text(x, y, text, ha="center", va="center", fontsize=fontsize, linespacing=1.5)


def _shape(rows, columns):
    return f"({rows}, {columns})"


def draw_deep_network(layer_dims, *, m="m", ax=None):
    """Draw the building blocks of an L-layer network: the forward pass, the caches, the backward pass.

    The top row runs forward, left to right: :math:`A^{[0]} = X` enters layer 1, each layer
    computes LINEAR then RELU (SIGMOID for the last one) and hands :math:`A^{[l]}` to the next,
    until :math:`A^{[L]} = \\hat{Y}` reaches the cost. Each forward block stores its cache
    :math:`((A^{[l-1]}, W^{[l]}, b^{[l]}), Z^{[l]})` for the backward block below it. The
    bottom row runs backward, right to left, from :math:`dA^{[L]}` to :math:`dA^{[0]}`, and
    each backward block hands :math:`dW^{[l]}` and :math:`db^{[l]}` down to the update. Every
    array is labelled with its shape.

    Parameters
    ----------
    layer_dims : sequence of int, length L + 1
        ``[n_x, n[1], ..., n[L]]``, input size first; 1 to 5 layers fit in a figure.
    m : int or str, default "m", keyword-only
        Number of examples, written in the shapes of ``A`` and ``dA``.
    ax : matplotlib Axes, optional, keyword-only
        Where to draw; a new figure is created when None.

    Returns
    -------
    ax : matplotlib Axes
    """
    layer_dims = [int(n) for n in layer_dims]
    L = len(layer_dims) - 1
    if not 1 <= L <= 5:
        raise ValueError(f"layer_dims must describe 1 to 5 layers (2 to 6 sizes), got {layer_dims}")
    if min(layer_dims) < 1:
        raise ValueError(f"every layer size must be positive, got {layer_dims}")
    if ax is None:
        _, ax = plt.subplots(figsize=(2.9 * L + 3.4, 6.4), layout="constrained")

    step, width, height = 3.0, 2.1, 1.15
    top, bottom = 2.2, -1.2
    forward, backward, cache = OKABE_ITO["blue"], OKABE_ITO["vermillion"], "#777777"
    center = lambda l: (l - 1) * step  # noqa: E731 (x of the blocks of layer l)

    for l in range(1, L + 1):
        x = center(l)
        activation = "SIGMOID" if l == L else "RELU"
        weights = (f"$W^{{[{l}]}}$ {_shape(layer_dims[l], layer_dims[l - 1])}\n"
                   f"$b^{{[{l}]}}$ {_shape(layer_dims[l], 1)}")
        _box(ax, (x, top), width, height, f"layer {l}: LINEAR → {activation}\n{weights}",
             face=OKABE_ITO["sky_blue"] + "40", edge=forward, fontsize=9)
        _box(ax, (x, bottom), width, height,
             f"{activation} → LINEAR backward\n$dW^{{[{l}]}}$ {_shape(layer_dims[l], layer_dims[l - 1])}\n"
             f"$db^{{[{l}]}}$ {_shape(layer_dims[l], 1)}",
             face=OKABE_ITO["orange"] + "33", edge=backward, fontsize=9)
        ax.annotate("", xy=(x, bottom + height / 2 + 0.05), xytext=(x, top - height / 2 - 0.05),
                    arrowprops={"arrowstyle": "-|>", "color": cache, "lw": 1.3, "linestyle": "--"})
        ax.text(x + 0.08, (top + bottom) / 2, f"cache\n$(A^{{[{l - 1}]}}, W^{{[{l}]}}, b^{{[{l}]}}), Z^{{[{l}]}}$",
                ha="left", va="center", fontsize=8.5, color=cache)
        ax.annotate("", xy=(x, bottom - height / 2 - 0.55), xytext=(x, bottom - height / 2 - 0.05),
                    arrowprops={"arrowstyle": "-|>", "color": backward, "lw": 1.3})
        ax.text(x, bottom - height / 2 - 0.6, f"update $W^{{[{l}]}}, b^{{[{l}]}}$", ha="center", va="top",
                fontsize=8.5, color=backward)

    # forward arrows, A[l] flowing right
    for l in range(0, L + 1):
        start = center(l) + width / 2 + 0.05 if l > 0 else center(1) - step + 0.35
        end = center(l + 1) - width / 2 - 0.05 if l < L else center(L) + step - 0.35
        ax.annotate("", xy=(end, top), xytext=(start, top),
                    arrowprops={"arrowstyle": "-|>", "color": forward, "lw": 1.6})
        name = "$A^{[0]} = X$" if l == 0 else f"$A^{{[{l}]}} = \\hat{{Y}}$" if l == L else f"$A^{{[{l}]}}$"
        ax.text((start + end) / 2, top + 0.12, f"{name}\n{_shape(layer_dims[l], m)}", ha="center", va="bottom",
                fontsize=9, color=forward)
    # backward arrows, dA[l] flowing left
    for l in range(0, L + 1):
        right = center(l + 1) - width / 2 - 0.05 if l < L else center(L) + step - 0.35
        left = center(l) + width / 2 + 0.05 if l > 0 else center(1) - step + 0.35
        ax.annotate("", xy=(left, bottom), xytext=(right, bottom),
                    arrowprops={"arrowstyle": "-|>", "color": backward, "lw": 1.6})
        ax.text((left + right) / 2, bottom + 0.12, f"$dA^{{[{l}]}}$\n{_shape(layer_dims[l], m)}", ha="center",
                va="bottom", fontsize=9, color=backward)
    # the cost joins the two rows on the right
    x_cost = center(L) + step - 0.1
    _box(ax, (x_cost + 0.25, (top + bottom) / 2), 0.9, 0.7, "cost\n$J$", face="white", edge=OKABE_ITO["black"])
    ax.annotate("", xy=(x_cost + 0.25, (top + bottom) / 2 + 0.4), xytext=(x_cost - 0.25, top - 0.05),
                arrowprops={"arrowstyle": "-|>", "color": forward, "lw": 1.3, "connectionstyle": "arc3,rad=-0.3"})
    ax.annotate("", xy=(x_cost - 0.25, bottom + 0.05), xytext=(x_cost + 0.25, (top + bottom) / 2 - 0.4),
                arrowprops={"arrowstyle": "-|>", "color": backward, "lw": 1.3, "connectionstyle": "arc3,rad=-0.3"})

    ax.set_xlim(center(1) - step + 0.1, x_cost + 0.85)
    ax.set_ylim(bottom - height / 2 - 1.2, top + height / 2 + 0.75)
    ax.set_aspect("equal")
    ax.set_axis_off()
    ax.set_title(f"A {L}-layer network: forward pass (top), caches, backward pass (bottom); "
                 f"shapes for layer_dims = {layer_dims}", fontsize=11)
    return ax

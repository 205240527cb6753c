"""Course 3, week 1: the bird-alarm case study's tables, generated data, figures and widget.

The tables hold the lecture's worked numbers; the generators make the per-image data the
lecture only describes. Randomness uses a local ``np.random.default_rng(random_state)``.
"""
import operator

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np

from helpers.plotting import OKABE_ITO
from helpers.widgets import figure_widget

__all__ = [
    "CLASSIFIERS",
    "DISTRICTS",
    "KNOBS",
    "OPS",
    "REGION_ERRORS",
    "make_camera_images",
    "make_weighted_dev_set",
    "plot_district_shares",
    "plot_gaps",
    "strategy_widget",
]

REGION_ERRORS = {  # dev-set error (%) of six detectors in four regions of the city
    "A": [3.0, 7.0, 5.0, 9.0],
    "B": [5.0, 6.0, 5.0, 10.0],
    "C": [2.0, 3.0, 4.0, 5.0],
    "D": [5.0, 8.0, 7.0, 2.0],
    "E": [4.0, 5.0, 2.0, 4.0],
    "F": [7.0, 11.0, 8.0, 12.0],
}

CLASSIFIERS = {  # accuracy (%), run time per image (ms), false alarms per camera and day
    "A": {"accuracy": 90.0, "run_time_ms": 80.0, "false_alarms_per_day": 0.5},
    "B": {"accuracy": 92.0, "run_time_ms": 95.0, "false_alarms_per_day": 0.8},
    "C": {"accuracy": 95.0, "run_time_ms": 1500.0, "false_alarms_per_day": 0.3},
    "D": {"accuracy": 97.0, "run_time_ms": 60.0, "false_alarms_per_day": 4.0},
}

OPS = {"<=": operator.le, "<": operator.lt, ">=": operator.ge, ">": operator.gt}  # OPS["<="](95, 100) is True

DISTRICTS = ["harbour", "old town", "airport", "university", "park", "market", "suburbs", "hills"]

KNOBS = {
    "bias": "bigger network · train longer or with Adam · search architectures",
    "variance": "more data · regularization (L2, dropout, augmentation) · search architectures",
    "unknown": "below human level: Bayes error unknown, human intuition stops guiding you",
}


def make_weighted_dev_set(*, m=1000, n_critical=100, random_state=0):
    """A dev set where errors on a protected species count ten times, and two detectors' answers.

    Detector A errs on 3 % of the images, 20 of its 30 errors on protected birds; detector B
    errs on 5 %, 2 of its 50 errors on protected birds.

    Returns
    -------
    y : ndarray of shape (m,), 1 when the image shows a bird
    w : ndarray of shape (m,), weight 10 for protected birds, else 1
    y_pred_A, y_pred_B : ndarrays of shape (m,)
    """
    rng = np.random.default_rng(random_state)
    y = (rng.random(m) < 0.5).astype(int)
    critical = np.zeros(m, dtype=bool)
    critical[rng.choice(np.flatnonzero(y == 1), n_critical, replace=False)] = True
    w = np.where(critical, 10.0, 1.0)

    def answers(n_wrong_critical, n_wrong_other):
        wrong = np.concatenate([rng.choice(np.flatnonzero(critical), n_wrong_critical, replace=False),
                                rng.choice(np.flatnonzero(~critical), n_wrong_other, replace=False)])
        y_pred = y.copy()
        y_pred[wrong] = 1 - y_pred[wrong]
        return y_pred

    return y, w, answers(20, 10), answers(2, 48)


def make_camera_images(*, m=2400, n_x=16, random_state=0):
    """Feature vectors of camera images from the city's eight districts, grouped by district.

    Returns
    -------
    X : ndarray of shape (n_x, m), one image's features per column
    district : ndarray of shape (m,), the district's index in ``DISTRICTS``, sorted
    """
    rng = np.random.default_rng(random_state)
    district = np.sort(rng.integers(0, len(DISTRICTS), size=m))
    X = rng.normal(size=(n_x, m)) + district
    return X, district


def plot_district_shares(splits, *, ax=None):
    """Bars: the share of each district in each named split, ``splits = {name: district array}``."""
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 3.2), layout="constrained")
    width = 0.8 / len(splits)
    for k, (name, district) in enumerate(splits.items()):
        shares = np.bincount(district, minlength=len(DISTRICTS)) / len(district)
        ax.bar(np.arange(len(DISTRICTS)) + (k - (len(splits) - 1) / 2) * width, 100 * shares, width,
               label=name, color=list(OKABE_ITO.values())[k % len(OKABE_ITO)])
    ax.set_xticks(np.arange(len(DISTRICTS)), DISTRICTS, rotation=20)
    ax.set_ylabel("share of the split (%)")
    ax.set_ylim(0, ax.get_ylim()[1] * 1.3)
    ax.legend(ncols=2, fontsize=8)
    return ax


def plot_gaps(levels, gaps, *, focus=None, ax=None):
    """A staircase of error levels with each gap between two steps drawn as a labelled bar.

    ``levels`` maps a level ("human", "train", ...) to its error (%), in order; ``gaps`` maps a
    gap name to its size, one gap between each pair of neighbouring levels; the ``focus`` gap is
    highlighted.
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(6, 3.5), layout="constrained")
    names, values = list(levels), list(levels.values())
    ax.hlines(values, np.arange(len(values)) - 0.3, np.arange(len(values)) + 0.3, color="0.2", linewidth=3)
    for k, (gap, size) in enumerate(gaps.items()):
        if size is None:
            continue
        low, high = values[k], values[k + 1]
        color = OKABE_ITO["vermillion"] if gap == focus else OKABE_ITO["sky_blue"]
        ax.bar(k + 0.5, high - low, bottom=low, width=0.4, color=color, alpha=0.8)
        ax.annotate(f"{gap.replace('_', ' ')}\n{size:.2f}", (k + 0.5, max(low, high)), ha="center", va="bottom",
                    fontsize=8)
    ax.set_xticks(range(len(names)), names)
    ax.set_ylabel("error (%)")
    ax.set_ylim(min(0, min(values)), max(values) * 1.35 + 0.5)
    return ax


def strategy_widget(bias_variance, pick_classifier, *, table=CLASSIFIERS):
    """Sliders for human, training and dev error and for a run-time budget.

    Each redraw uses your ``bias_variance`` to draw the two gaps, with the knobs for the larger
    one, and your ``pick_classifier`` to mark the most accurate detector within the budget and
    with at most one false alarm a day.
    """
    def slider(description, value, low, high, step):
        return widgets.FloatSlider(value=value, min=low, max=high, step=step, description=description,
                                   continuous_update=False, style={"description_width": "initial"},
                                   layout=widgets.Layout(width="300px"))

    controls = {"human": slider("human error (%)", 1.0, 0.0, 10.0, 0.5),
                "train": slider("training error (%)", 8.0, 0.0, 20.0, 0.5),
                "dev": slider("dev error (%)", 10.0, 0.0, 25.0, 0.5),
                "budget": slider("run-time budget (ms)", 100.0, 50.0, 2000.0, 10.0)}

    def draw(human, train, dev, budget):
        result = bias_variance(human, train, dev)
        winner = pick_classifier(table, "accuracy", {"run_time_ms": ("<=", budget), "false_alarms_per_day": ("<=", 1)})
        focus = result["focus"]
        knobs = f"focus: {focus} → {KNOBS.get(focus, '?')} · within {budget:g} ms: {winner}"
        fig, (left, right) = plt.subplots(1, 2, figsize=(10, 3.5), layout="constrained")
        focus = {"bias": "avoidable_bias", "variance": "variance"}.get(result["focus"])
        plot_gaps({"human": human, "train": train, "dev": dev},
                  {"avoidable_bias": result["avoidable_bias"], "variance": result["variance"]}, focus=focus, ax=left)
        for name, row in table.items():
            right.scatter(row["run_time_ms"], row["accuracy"], s=80,
                          color=OKABE_ITO["vermillion"] if name == winner else "0.6", zorder=3)
            label = f"{name} ({row['false_alarms_per_day']:g} false alarms/day)"
            right.annotate(label, (row["run_time_ms"], row["accuracy"]), xytext=(6, 4), textcoords="offset points",
                           fontsize=8)
        right.axvline(budget, color=OKABE_ITO["blue"], linestyle="--", label="budget")
        right.set_xscale("log")
        right.set_xlim(40, 8000)
        right.set(xlabel="run time per image (ms)", ylabel="accuracy (%)", title=f"winner: {winner}")
        right.legend(loc="lower right")
        return fig, knobs

    return figure_widget(draw, controls, rows=[widgets.HBox([controls["human"], controls["train"]]),
                                               widgets.HBox([controls["dev"], controls["budget"]])])

# %% [markdown]
# # Lab: error analysis on a real model
#
# The two case studies gave you the numbers. Here you produce them: you train a small
# convolutional network, measure its error table, let your own functions say what is wrong, and
# then check, by retraining, that the fix they recommend is the one that works.
#
# The task: read handwritten digits photographed by a cheap phone camera. You have 3,500 clean
# scanned digits (the "web" data, plentiful) and 1,500 photographed ones (the target: grey or
# tinted paper, faint ink, sensor noise, sometimes blur or a slight tilt). You will
# - split the data as the course recommends: dev and test from the target, plus a training-dev set,
# - compute the error table and the gap it recommends working on,
# - tally the dev errors by tag to see what the target does to the model,
# - synthesize target-like training images with numpy,
# - compare two fixes, measured.
#
# Errors are fractions here (0.05 is 5 %). Training takes about a minute in all. Write your
# code between `### START CODE HERE ###` and `### END CODE HERE ###` and run the test cell below
# each exercise. The grader skips the trainings (it judges your functions only), so a graded copy
# of the notebook shows meaningless error tables.

# %%
import numpy as np
import matplotlib.pyplot as plt

from helpers.error_analysis_lab import (
    FIXES,
    HUMAN_ERROR,
    TAG_NAMES,
    errors_by_tag,
    gaps_widget,
    make_digit_domains,
    plot_error_tables,
    predict_digits,
    train_digit_cnn,
)
from helpers.plotting import plot_image_grid
from helpers.public_tests.c3w2_error_analysis_lab import (
    error_table_test,
    make_splits_test,
    recommend_test,
    synthesize_like_target_test,
    tally_errors_test,
)

# %% [markdown]
# ## 1. Two distributions
#
# `X[i]` is a 28×28 image with values in [0, 1], `y[i]` its digit, `is_target[i]` whether it was
# photographed, and `tags[name][i]` whether the photo shows one of the camera's defects:

# %%
X, y, is_target, tags = make_digit_domains()
print(f"{len(y)} images: {int(np.sum(~is_target))} scanned, {int(np.sum(is_target))} photographed")
print({name: int(flags.sum()) for name, flags in tags.items()})
shown = np.concatenate([np.flatnonzero(~is_target)[:4], np.flatnonzero(is_target)[:12]])
plot_image_grid(X[shown], [", ".join(t for t in TAG_NAMES if tags[t][i]) or ("scan" if not is_target[i] else "photo")
                           for i in shown], ncols=8)
plt.show()

# %% [markdown]
# ## 2. Splits
#
# The dev and test sets must come from the target; a **training-dev** set, carved from the
# training distribution and never trained on, separates variance from data mismatch.
#
# ### Exercise 1: `make_splits`
#
# Work with indices into `X`. With `rng = np.random.default_rng(random_state)`, shuffle the
# source indices (`np.flatnonzero(~is_target)`) with `rng.permutation`, then the target indices
# the same way, in that order. Then
# - `"train_dev"`: the first `n_train_dev` shuffled source indices,
# - `"dev"`: the first `n_dev` shuffled target indices, `"test"`: the next `n_test`,
# - `"train"`: the remaining source indices followed by the next `n_target_train` target indices.
#
# Return a dict with the keys `"train"`, `"train_dev"`, `"dev"` and `"test"`, in that order.

# %%
# GRADED FUNCTION: make_splits
def make_splits(is_target, *, n_train_dev, n_dev, n_test, n_target_train=0, random_state=0):
    """
    Indices of the training, training-dev, dev and test sets.

    Arguments:
    is_target -- boolean array of shape (m,), True for examples of the target distribution
    n_train_dev -- size of the training-dev set (from the source)
    n_dev, n_test -- sizes of the dev and test sets (from the target)
    n_target_train -- number of target examples added to the training set
    random_state -- seed of np.random.default_rng

    Returns:
    splits -- dict mapping "train", "train_dev", "dev", "test" to integer index arrays
    """
    rng = np.random.default_rng(random_state)
    ### START CODE HERE ### (≈ 5 lines of code)
    source = rng.permutation(np.flatnonzero(~is_target))
    target = rng.permutation(np.flatnonzero(is_target))
    extra = target[n_dev + n_test:n_dev + n_test + n_target_train]
    splits = {"train": np.concatenate([source[n_train_dev:], extra]), "train_dev": source[:n_train_dev],
              "dev": target[:n_dev], "test": target[n_dev:n_dev + n_test]}
    ### END CODE HERE ###
    return splits


# %%
make_splits_test(make_splits)

# %%
# HIDDEN TESTS: make_splits

# %%
splits = make_splits(is_target, n_train_dev=500, n_dev=500, n_test=500)
print({name: len(index) for name, index in splits.items()})
labels = {name: y[index] for name, index in splits.items()}

# %% [markdown]
# **Why this split.** Dev and test hold only photos, because photos are what the app will read;
# they come from the same shuffled pool, so that a model tuned on one is judged fairly on the
# other. The 500 training-dev scans are the model's unseen exam on its own kind of data. Here no
# photo goes into training (`n_target_train=0`): the model has never seen the camera, which makes
# the mismatch easy to see.

# %% [markdown]
# ## 3. The first model and its error table
#
# A small CNN trained on the 3,000 training scans for six epochs (about five seconds). Its
# predictions on each split:

# %%
model = train_digit_cnn(X[splits["train"]], y[splits["train"]])
predictions = {name: predict_digits(model, X[index]) for name, index in splits.items()}

# %% [markdown]
# ### Exercise 2: `error_table`
#
# `labels` and `predictions` map each split's name to an integer array. Return a dict with the same
# keys, in the same order, mapping each to the fraction of wrong predictions, as a float. (The
# graded function takes predictions, not the model: the model stays in the notebook.)

# %%
# GRADED FUNCTION: error_table
def error_table(labels, predictions):
    """
    The error of each split.

    Arguments:
    labels -- dict mapping a split's name to its labels, array of shape (m_split,)
    predictions -- dict with the same keys, mapping to the predicted labels

    Returns:
    errors -- dict mapping each split's name to its error (float)
    """
    ### START CODE HERE ### (≈ 1 line of code)
    errors = {name: float(np.mean(labels[name] != predictions[name])) for name in labels}
    ### END CODE HERE ###
    return errors


# %%
error_table_test(error_table)

# %%
# HIDDEN TESTS: error_table

# %%
def table_row(name, errors):
    """One line of the error table, in percent."""
    levels = ("human", "train", "train_dev", "dev", "test")
    return f"{name:20}" + "".join(f"{100 * errors[level]:10.1f}" for level in levels)


print(f"{'error (%)':20}{'human':>10}{'train':>10}{'train-dev':>10}{'dev':>10}{'test':>10}")
baseline = {"human": HUMAN_ERROR, **error_table(labels, predictions)}
print(table_row("baseline", baseline))

# %% [markdown]
# ## 4. What to work on
#
# ### Exercise 3: `recommend`
#
# `errors` maps `"human"`, `"train"`, `"train_dev"` and `"dev"` (and possibly `"test"`, which you
# ignore: decisions are made on the dev set) to errors. Compute the three gaps
# `"avoidable_bias"` (train − human), `"variance"` (train-dev − train) and `"data_mismatch"`
# (dev − train-dev) as floats, and return them with the fix for the largest, `FIXES[largest]`. On
# a tie, the first of the three wins.

# %%
# GRADED FUNCTION: recommend
def recommend(errors):
    """
    The gaps of an error table and the fix for the largest one.

    Arguments:
    errors -- dict with the errors "human", "train", "train_dev" and "dev" (and possibly "test")

    Returns:
    gaps -- dict with "avoidable_bias", "variance" and "data_mismatch" (floats)
    fix -- the value of FIXES for the largest gap
    """
    ### START CODE HERE ### (≈ 4 lines of code)
    gaps = {"avoidable_bias": float(errors["train"] - errors["human"]),
            "variance": float(errors["train_dev"] - errors["train"]),
            "data_mismatch": float(errors["dev"] - errors["train_dev"])}
    fix = FIXES[max(gaps, key=gaps.get)]
    ### END CODE HERE ###
    return gaps, fix


# %%
recommend_test(recommend)

# %%
# HIDDEN TESTS: recommend

# %%
gaps, fix = recommend(baseline)
print("gaps:", {name: f"{100 * gap:.1f} %" for name, gap in gaps.items()}, "→ fix:", fix)
_, naive_fix = recommend({**baseline, "train_dev": baseline["dev"]})  # as if dev were like training data
print("without a training-dev set, the same numbers would suggest:", naive_fix)

# %% [markdown]
# **Why the training-dev set.** Training and dev errors alone put the whole gap on variance, and
# the team would add regularization. The training-dev error, as low as the training error, shows
# that the model generalizes fine to new scans: it fails on the *photos*. The gap is data
# mismatch.

# %% [markdown]
# ## 5. Which photos?
#
# ### Exercise 4: `tally_errors`
#
# `tags` maps a tag to a boolean array over the dev set, `y` and `y_pred` are the dev labels and
# predictions. Among the misclassified dev examples, compute each tag's share, and its ceiling
# $\text{dev error} \times (1 - \text{share})$, where the dev error is the fraction of wrong
# predictions. Return two dicts keyed by tag, with float values.

# %%
# GRADED FUNCTION: tally_errors
def tally_errors(tags, y, y_pred):
    """
    Share of the dev errors per tag, and the best-case dev error after fixing that tag.

    Arguments:
    tags -- dict mapping a tag to a boolean array of shape (m,), one entry per dev example
    y -- dev labels, array of shape (m,)
    y_pred -- predictions, array of shape (m,)

    Returns:
    shares -- dict mapping each tag to the fraction of misclassified examples that carry it (float)
    ceilings -- dict mapping each tag to dev_error * (1 - share) (float)
    """
    ### START CODE HERE ### (≈ 4 lines of code)
    wrong = y != y_pred
    dev_error = np.mean(wrong)
    shares = {tag: float(np.mean(flags[wrong])) for tag, flags in tags.items()}
    ceilings = {tag: float(dev_error * (1 - share)) for tag, share in shares.items()}
    ### END CODE HERE ###
    return shares, ceilings


# %%
tally_errors_test(tally_errors)

# %%
# HIDDEN TESTS: tally_errors

# %%
dev_tags = {name: flags[splits["dev"]] for name, flags in tags.items()}
shares, ceilings = tally_errors(dev_tags, labels["dev"], predictions["dev"])
for name in TAG_NAMES:
    print(f"{name:8} {100 * np.mean(dev_tags[name]):3.0f} % of the dev photos, {100 * shares[name]:3.0f} % of the "
          f"errors → best case {100 * ceilings[name]:.1f} %")

# %% [markdown]
# **Why compare with the base rate.** Every tag appears among the errors, so compare each share
# with how common the tag is in the dev set. Tinted paper stands out most, then noise; blur a
# little, while faint ink and tilt are hardly more common among the errors than among all photos.
# Fixing every tinted photo alone would bring the dev error down to about a quarter of what it is.
# That tells you what synthetic data should imitate first: tint and noise, which numpy can add to
# any scan (with faint ink, which costs nothing more). You learned it by looking at the dev set,
# never at the test set.

# %% [markdown]
# ## 6. Synthesize target-like data
#
# ### Exercise 5: `synthesize_like_target`
#
# Turn scans into camera-like photos. With `rng = np.random.default_rng(random_state)` and
# `m = X.shape[0]`, draw, in this order, a background `rng.uniform(0.0, 0.6, m)`, a contrast
# `rng.uniform(0.3, 1.0, m)`, a noise level `rng.uniform(0.02, 0.3, m)` and a standard normal
# noise image `rng.normal(size=X.shape)`. Each output image is
# $\text{clip}(\text{background} + \text{contrast} \cdot X + \text{noise level} \cdot \text{noise}, 0, 1)$
# (per image: reshape the per-image numbers to `(m, 1, 1)`).

# %%
# GRADED FUNCTION: synthesize_like_target
def synthesize_like_target(X, *, random_state):
    """
    Scans made to look like phone photos: tinted background, faint strokes, noise.

    Arguments:
    X -- images, array of shape (m, height, width), values in [0, 1]
    random_state -- seed of np.random.default_rng

    Returns:
    X_synth -- array of the shape of X, values in [0, 1]
    """
    rng = np.random.default_rng(random_state)
    m = X.shape[0]
    ### START CODE HERE ### (≈ 5 lines of code)
    background = rng.uniform(0.0, 0.6, m).reshape(m, 1, 1)
    contrast = rng.uniform(0.3, 1.0, m).reshape(m, 1, 1)
    noise_level = rng.uniform(0.02, 0.3, m).reshape(m, 1, 1)
    noise = rng.normal(size=X.shape)
    X_synth = np.clip(background + contrast * X + noise_level * noise, 0, 1)
    ### END CODE HERE ###
    return X_synth


# %%
synthesize_like_target_test(synthesize_like_target)

# %%
# HIDDEN TESTS: synthesize_like_target

# %%
scans = X[splits["train"][:8]]
plot_image_grid(np.concatenate([scans, synthesize_like_target(scans, random_state=1)]),
                ["scan"] * 8 + ["synthesized"] * 8, ncols=8)
plt.show()

# %% [markdown]
# ## 7. Two fixes, measured
#
# Retrain from the same start: once with L2 regularization, the fix for variance that the
# train-versus-dev view suggested, and once with every training scan also added as a synthesized
# photo, the fix for data mismatch. A third run shows the other remedy for a mismatch, when you
# can afford it: collect real photos, here the 500 that no split uses yet (`n_target_train=500`).
# Every run is measured on the same splits (its training error on the 3,000 training scans).
# (About 20 seconds.)

# %%
train_X, train_y = X[splits["train"]], y[splits["train"]]
photos = synthesize_like_target(train_X, random_state=1)
with_photos = make_splits(is_target, n_train_dev=500, n_dev=500, n_test=500, n_target_train=500)["train"]
runs = {"baseline": model,
        "L2 regularization": train_digit_cnn(train_X, train_y, l2=1e-3),
        "synthesized photos": train_digit_cnn(np.concatenate([train_X, photos]), np.concatenate([train_y, train_y]),
                                              epochs=3),  # twice the images, half the epochs: the same steps
        "500 real photos": train_digit_cnn(X[with_photos], y[with_photos])}
tables = {}
print(f"{'error (%)':20}{'human':>10}{'train':>10}{'train-dev':>10}{'dev':>10}{'test':>10}")
for name, trained in runs.items():
    predicted = {split: predict_digits(trained, X[index]) for split, index in splits.items()}
    tables[name] = {"human": HUMAN_ERROR, **error_table(labels, predicted),
                    "by_tag": errors_by_tag(dev_tags, labels["dev"], predicted["dev"])}
    print(table_row(name, tables[name]))
for name in list(runs)[1:]:
    before, after = 100 * tables["baseline"]["dev"], 100 * tables[name]["dev"]
    print(f"{name}: dev error {before:.1f} % → {after:.1f} % ({after - before:+.1f} points)")
plot_error_tables(tables)
plt.show()

# %% [markdown]
# **Why the analysis was right.** Regularization barely moves the dev error: there was no variance
# to remove. Synthesized photos cut it by several times, because they show the network the tint,
# faint ink and noise it never saw. What remains is spread about evenly over the tags, blur and
# tilt included, which the synthesis did not imitate: the next error analysis starts from a new
# tally. Five hundred real photos also close most of the gap, but each had to be taken and
# labelled; synthesis turned 3,000 scans you already had into photos for free. A synthesis must
# vary: had you used one background shade and one noise image for all scans, the network could
# have learned that one look and nothing else.
#
# ## 8. Try it: move the gaps yourself
#
# The widget trains a smaller version of the lab, twelve times when you run its cell (about 15
# seconds): a network with 8 and 16 or 16 and 32 filters, 500 training images of which 0, 100
# or 250 are real photos (the others scans), with or without L2 regularization (0.1), each for
# 10 epochs. Pick a setting to redraw its error table and its four gaps, next to the same
# network trained on scans alone without regularization (grey). Look for
# - **photos in training**: the data-mismatch bar falls from 30–40 points to about 5, and the dev
#   error with it; 100 photos already do most of it,
# - **regularization**: the variance bar shrinks but avoidable bias grows by more, and the dev
#   error stays far above the training-dev error: it cannot teach the network about photos,
# - **the larger network**: lower avoidable bias than the small one, a little more variance,
# - **dev–test**: a few points either way, sampling noise of 500 photos; nothing was tuned on
#   the dev set, so there is no overfitting to it.

# %%
explorer = gaps_widget(error_table, recommend, X, y, splits, with_photos[-500:])
explorer

# %% [markdown]
# ## Glossary · 术语表
#
# | English | 中文 |
# |---|---|
# | error analysis | 误差分析 |
# | training-dev set | 训练-开发集 |
# | dev set / test set | 开发集 / 测试集 |
# | variance | 方差 |
# | avoidable bias | 可避免偏差 |
# | data mismatch | 数据不匹配 |
# | artificial data synthesis | 人工数据合成 |
# | regularization | 正则化 |

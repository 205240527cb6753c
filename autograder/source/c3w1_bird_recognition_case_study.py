# %% [markdown]
# # Case study: bird alarms in the city
#
# A city has put cameras on its rooftops. When a large flock heads for the airport, or a
# protected species nests on a building site, the cameras should raise an alarm. You lead the
# team that builds the bird detector, and every week brings a decision: which model is better,
# which budget matters, how to split the data, what to try next.
#
# In this notebook each of those decisions is a small function over numbers: predictions,
# error tables, budgets. You will
# - compute precision, recall and their single-number summary, the F1 score,
# - pick a model by its average error over the city's regions,
# - pick a model with one optimizing metric and the other metrics as thresholds,
# - weight the errors that matter most,
# - split dev and test sets so that they come from the same distribution,
# - use human-level error to decide between reducing bias and reducing variance.
#
# Errors and accuracies are in percent unless said otherwise. Write your code between
# `### START CODE HERE ###` and `### END CODE HERE ###` and run the test cell below each exercise.

# %%
import numpy as np
import matplotlib.pyplot as plt

from helpers.project_strategy import (
    CLASSIFIERS,
    DISTRICTS,
    KNOBS,
    OPS,
    REGION_ERRORS,
    make_camera_images,
    make_weighted_dev_set,
    plot_district_shares,
    plot_gaps,
    strategy_widget,
)
from helpers.public_tests.c3w1_bird_recognition_case_study import (
    bias_variance_test,
    f1_score_test,
    pick_by_average_test,
    pick_classifier_test,
    precision_recall_test,
    split_dev_test_test,
    weighted_error_test,
)

# %% [markdown]
# ## 1. One number to compare models
#
# Your team has two detectors. On the dev set, `y[i]` is 1 when image `i` shows a bird and
# `y_pred[i]` is what a detector says.
#
# - **Precision**: of the images the detector flags as birds, the fraction that really show one,
#   $\frac{TP}{TP + FP}$.
# - **Recall**: of the images that show a bird, the fraction the detector flags,
#   $\frac{TP}{TP + FN}$.
#
# Here $TP$ counts images with `y == 1` and `y_pred == 1`, $FP$ those with `y == 0` and
# `y_pred == 1`, $FN$ those with `y == 1` and `y_pred == 0`.
#
# ### Exercise 1: `precision_recall`
#
# Return both as Python floats between 0 and 1. You may assume that the detector flags at least
# one image and that at least one image shows a bird.

# %%
# GRADED FUNCTION: precision_recall
def precision_recall(y, y_pred):
    """
    Precision and recall of binary predictions.

    Arguments:
    y -- true labels, 0 or 1, array of shape (m,)
    y_pred -- predicted labels, 0 or 1, array of shape (m,)

    Returns:
    precision -- float, TP / (TP + FP)
    recall -- float, TP / (TP + FN)
    """
    ### START CODE HERE ### (≈ 5 lines of code)
    true_positives = np.sum((y == 1) & (y_pred == 1))
    false_positives = np.sum((y == 0) & (y_pred == 1))
    false_negatives = np.sum((y == 1) & (y_pred == 0))
    precision = float(true_positives / (true_positives + false_positives))
    recall = float(true_positives / (true_positives + false_negatives))
    ### END CODE HERE ###
    return precision, recall


# %%
precision_recall_test(precision_recall)

# %%
# HIDDEN TESTS: precision_recall

# %% [markdown]
# Detector A finds more of the birds, detector B raises fewer false alarms. Which is better?
# With two numbers the answer depends on which one you look at.
#
# ### Exercise 2: `f1_score`
#
# The **F1 score** combines them into one number, their harmonic mean:
# $$F_1 = \frac{2}{\frac{1}{P} + \frac{1}{R}} = \frac{2PR}{P + R}.$$
# You may assume that $P + R > 0$.

# %%
# GRADED FUNCTION: f1_score
def f1_score(precision, recall):
    """
    The harmonic mean of precision and recall.

    Arguments:
    precision -- float between 0 and 1
    recall -- float between 0 and 1

    Returns:
    f1 -- float
    """
    ### START CODE HERE ### (≈ 1 line of code)
    f1 = 2 * precision * recall / (precision + recall)
    ### END CODE HERE ###
    return f1


# %%
f1_score_test(f1_score)

# %%
# HIDDEN TESTS: f1_score

# %% [markdown]
# Here are both detectors on the same dev set of bird images:

# %%
y_A, y_pred_A = np.array([1] * 190 + [0] * 810), np.array([1] * 171 + [0] * 19 + [1] * 9 + [0] * 801)
y_B, y_pred_B = np.array([1] * 980 + [0] * 1020), np.array([1] * 833 + [0] * 147 + [1] * 17 + [0] * 1003)
for name, y, y_pred in (("A", y_A, y_pred_A), ("B", y_B, y_pred_B)):
    precision, recall = precision_recall(y, y_pred)
    print(f"detector {name}: precision {100 * precision:.1f} %, recall {100 * recall:.1f} %, "
          f"F1 {100 * f1_score(precision, recall):.1f} %")

# %% [markdown]
# **Why one number.** With precision and recall side by side, every comparison turns into a
# debate; with F1 (92.4 % against 91.0 %) you can rank ten ideas in a minute and pick A. A
# well-defined dev set plus a single-number metric is what lets a team iterate quickly. The
# harmonic mean, unlike the plain average, stays low when either number is low: a detector
# that flags every image has recall 1 but a poor F1.

# %% [markdown]
# ## 2. Averaging over regions
#
# The city runs the detectors in four regions. `REGION_ERRORS` holds each detector's dev error
# per region:

# %%
for name, errors in REGION_ERRORS.items():
    print(name, errors)

# %% [markdown]
# ### Exercise 3: `pick_by_average`
#
# Compute each detector's average error over the regions, as a float, and return the name with
# the lowest average (the first one in the table if several tie) together with the dict of
# averages. `min(averages, key=averages.get)` finds the name.

# %%
# GRADED FUNCTION: pick_by_average
def pick_by_average(errors):
    """
    Pick the model with the lowest average error.

    Arguments:
    errors -- dict mapping a model's name to the list of its errors, one per region

    Returns:
    name -- the name of the model with the lowest average error
    averages -- dict mapping each model's name to its average error (float)
    """
    ### START CODE HERE ### (≈ 2 lines of code)
    averages = {model: float(np.mean(values)) for model, values in errors.items()}
    name = min(averages, key=averages.get)
    ### END CODE HERE ###
    return name, averages


# %%
pick_by_average_test(pick_by_average)

# %%
# HIDDEN TESTS: pick_by_average

# %%
best, averages = pick_by_average(REGION_ERRORS)
print("averages:", {name: round(value, 2) for name, value in averages.items()})
print(f"pick {best}, with an average error of {averages[best]:.2f} %")

# %% [markdown]
# **Why the average.** Keep the per-region numbers for insight (F errs most everywhere, D is
# best in the fourth region), but decide on one number. Notice that D averages
# (5 + 8 + 7 + 2) / 4 = 5.5 %: computing the table yourself guards against copying a wrong
# figure from a slide.

# %% [markdown]
# ## 3. Optimizing and satisficing metrics
#
# Accuracy is not all the city cares about. A detector must answer within 100 ms per image, or
# the cameras fall behind, and the operators will ignore an alarm that goes off more than once
# a day for nothing. Rather than inventing a formula such as accuracy − 0.5 × run time, pick
# **one optimizing metric**, to make as large as possible, and turn the others into
# **satisficing metrics**: thresholds that are good enough once met.
#
# ### Exercise 4: `pick_classifier`
#
# `table` maps a model's name to its metrics. `satisficing` maps a metric to a pair
# `(op, threshold)`, where `op` is one of `"<="`, `"<"`, `">="`, `">"`. Among the models that
# meet every threshold, return the name with the largest `optimizing` metric (the first one in
# the table if several tie), or `None` when no model qualifies. The dict `OPS` turns each
# operator into a function (imported above): `OPS["<="](95.0, 100)` is `True`.

# %%
# GRADED FUNCTION: pick_classifier
def pick_classifier(table, optimizing, satisficing):
    """
    Pick the best model on one metric among those that meet thresholds on the others.

    Arguments:
    table -- dict mapping a model's name to a dict of its metrics, {metric: value}
    optimizing -- name of the metric to maximize
    satisficing -- dict mapping a metric to (op, threshold), op one of "<=", "<", ">=", ">"

    Returns:
    name -- the name of the best qualifying model, or None if no model qualifies
    """
    ### START CODE HERE ### (≈ 3 lines of code)
    qualifying = [model for model, metrics in table.items()
                  if all(OPS[op](metrics[metric], threshold) for metric, (op, threshold) in satisficing.items())]
    name = max(qualifying, key=lambda model: table[model][optimizing]) if qualifying else None
    ### END CODE HERE ###
    return name


# %%
pick_classifier_test(pick_classifier)

# %%
# HIDDEN TESTS: pick_classifier

# %%
for name, metrics in CLASSIFIERS.items():
    print(name, metrics)
budgets = {"run_time_ms": ("<=", 100), "false_alarms_per_day": ("<=", 1)}
print("fastest enough:", pick_classifier(CLASSIFIERS, "accuracy", {"run_time_ms": ("<=", 100)}))
print("fast enough and quiet enough:", pick_classifier(CLASSIFIERS, "accuracy", budgets))

# %% [markdown]
# **Why thresholds.** With $N$ metrics, choose one to optimize and $N - 1$ to satisfice. C is
# the most accurate but far too slow; D is fast and accurate but cries wolf four times a day.
# Among those that meet both budgets, B is the most accurate. A weighted sum would have traded
# run time against accuracy at an exchange rate nobody chose on purpose.

# %% [markdown]
# ## 4. When the metric is wrong: weighting errors
#
# Two new detectors: A errs on 3 % of the dev images, B on 5 %. Yet the ecologists prefer B: A's
# mistakes fall on the protected species, whose every miss may mean a nest bulldozed. When the
# metric ranks models differently from what you and your users want, **change the metric**. Give
# each dev image a weight $w^{(i)}$, 10 for a protected bird and 1 otherwise:
# $$\text{error} = \frac{1}{\sum_i w^{(i)}} \sum_{i=1}^{m_{dev}} w^{(i)}\, \mathbb{1}\{\hat y^{(i)} \ne y^{(i)}\}.$$
#
# ### Exercise 5: `weighted_error`
#
# Return the weighted error as a float between 0 and 1.

# %%
# GRADED FUNCTION: weighted_error
def weighted_error(y, y_pred, w):
    """
    Weighted classification error.

    Arguments:
    y -- true labels, array of shape (m,)
    y_pred -- predicted labels, array of shape (m,)
    w -- non-negative weight of each example, array of shape (m,), not all zero

    Returns:
    error -- float, the weighted fraction of wrong predictions
    """
    ### START CODE HERE ### (≈ 1 line of code)
    error = float(np.sum(w * (y != y_pred)) / np.sum(w))
    ### END CODE HERE ###
    return error


# %%
weighted_error_test(weighted_error)

# %%
# HIDDEN TESTS: weighted_error

# %%
y, w, y_pred_A, y_pred_B = make_weighted_dev_set()
for name, y_pred in (("A", y_pred_A), ("B", y_pred_B)):
    print(f"detector {name}: error {100 * np.mean(y != y_pred):.2f} %, "
          f"weighted error {100 * weighted_error(y, y_pred, w):.2f} %")

# %% [markdown]
# **Why change the metric.** The plain error prefers A, the weighted error prefers B, which is
# what the city wants. Defining the metric (placing the target) is one step; doing well on it
# (aiming at the target) is another, for instance by training with the same weights in the
# cost. Set up some metric quickly, and change it as soon as it stops ranking models the way
# your application needs.

# %% [markdown]
# ## 5. Dev and test sets from the same distribution
#
# You have 2,400 labelled images from the city's eight districts, stored district by district
# (columns of `X`, with `district[i]` the index of image `i`'s district in `DISTRICTS`). A
# tempting split: the first four districts for the dev set, the others for the test set. Then
# months of tuning on the dev set aim at a target the test set never shows.
#
# ### Exercise 6: `split_dev_test`
#
# Shuffle all images together and cut the result in two: draw
# `permutation = np.random.default_rng(random_state).permutation(m)`; the first `m // 2`
# shuffled columns form the dev set and the rest the test set. Return the columns of `X` and
# the matching entries of `district` for both.

# %%
# GRADED FUNCTION: split_dev_test
def split_dev_test(X, district, *, random_state):
    """
    Split examples from all districts, shuffled together, into a dev and a test set.

    Arguments:
    X -- examples, array of shape (n_x, m)
    district -- the district of each example, array of shape (m,)
    random_state -- seed of np.random.default_rng

    Returns:
    X_dev -- array of shape (n_x, m // 2)
    district_dev -- array of shape (m // 2,)
    X_test -- array of shape (n_x, m - m // 2)
    district_test -- array of shape (m - m // 2,)
    """
    m = X.shape[1]
    ### START CODE HERE ### (≈ 3 lines of code)
    permutation = np.random.default_rng(random_state).permutation(m)
    dev, test = permutation[: m // 2], permutation[m // 2:]
    X_dev, district_dev, X_test, district_test = X[:, dev], district[dev], X[:, test], district[test]
    ### END CODE HERE ###
    return X_dev, district_dev, X_test, district_test


# %%
split_dev_test_test(split_dev_test)

# %%
# HIDDEN TESTS: split_dev_test

# %%
X, district = make_camera_images()
X_dev, district_dev, X_test, district_test = split_dev_test(X, district, random_state=0)
half = X.shape[1] // 2
plot_district_shares({"dev (by district)": district[:half], "test (by district)": district[half:],
                      "dev (shuffled)": district_dev, "test (shuffled)": district_test})
plt.show()
largest = np.max(np.abs(np.bincount(district_dev, minlength=8) / len(district_dev)
                        - np.bincount(district_test, minlength=8) / len(district_test)))
print(f"shuffled split: the largest difference between a district's dev and test shares is {100 * largest:.1f} points")

# %% [markdown]
# **Why shuffle.** The dev set and the metric are the target your team aims at for months; the
# test set checks the shot. Drawn from different districts, the two disagree and the months are
# wasted. Choose dev and test sets that reflect the data you expect in the future and care
# about, and draw both from that same distribution. (With millions of images, 1 % each for dev
# and test is plenty; a test set only needs to be big enough to trust its number.)

# %% [markdown]
# ## 6. Human-level error: bias or variance?
#
# Human-level error is a proxy for the **Bayes optimal error**, the lowest error any model could
# reach. The gap from it to the training error is the **avoidable bias**; the gap from the
# training error to the dev error is the **variance**:
# $$\text{avoidable bias} = \text{train} - \text{human}, \qquad \text{variance} = \text{dev} - \text{train}.$$
#
# ### Exercise 7: `bias_variance`
#
# Return a dict with the keys `"avoidable_bias"`, `"variance"` and `"focus"`:
# - `"unknown"` when the training error is below human level (Bayes error could then be
#   anywhere below it, so the avoidable bias is unknown),
# - otherwise `"bias"` when the avoidable bias is at least the variance (fit the training set
#   first), else `"variance"`.

# %%
# GRADED FUNCTION: bias_variance
def bias_variance(human_error, train_error, dev_error):
    """
    Avoidable bias, variance, and which one to work on.

    Arguments:
    human_error -- human-level error, the estimate of Bayes error
    train_error -- training-set error
    dev_error -- dev-set error

    Returns:
    result -- dict with "avoidable_bias" (float), "variance" (float) and "focus" ("bias", "variance" or "unknown")
    """
    ### START CODE HERE ### (≈ 3 lines of code)
    avoidable_bias = train_error - human_error
    variance = dev_error - train_error
    focus = "unknown" if train_error < human_error else "bias" if avoidable_bias >= variance else "variance"
    ### END CODE HERE ###
    return {"avoidable_bias": float(avoidable_bias), "variance": float(variance), "focus": focus}


# %%
bias_variance_test(bias_variance)

# %%
# HIDDEN TESTS: bias_variance

# %%
scenarios = [("clear photos", 1.0, 8.0, 10.0), ("blurry photos", 7.5, 8.0, 10.0),
             ("expert team 0.5 %", 0.5, 5.0, 6.0), ("expert team 0.5 %", 0.5, 1.0, 5.0),
             ("expert team 0.5 %", 0.5, 0.7, 0.8), ("expert team 0.5 %", 0.5, 0.3, 0.4)]
for label, human, train, dev in scenarios:
    result = bias_variance(human, train, dev)
    print(f"{label:18} human {human:4} train {train:4} dev {dev:4} → avoidable bias {result['avoidable_bias']:5.2f},"
          f" variance {result['variance']:4.2f}, focus {result['focus']}")
fig, axes = plt.subplots(1, 2, figsize=(10, 3.5), layout="constrained")
for ax, (label, human, train, dev) in zip(axes, scenarios[:2]):
    result = bias_variance(human, train, dev)
    plot_gaps({"human": human, "train": train, "dev": dev},
              {"avoidable_bias": result["avoidable_bias"], "variance": result["variance"]},
              focus={"bias": "avoidable_bias", "variance": "variance"}[result["focus"]], ax=ax)
    ax.set_title(f"{label}: focus on {result['focus']}")
plt.show()

# %% [markdown]
# **Why human level.** The same 8 % training and 10 % dev error call for opposite tactics: with
# clear photos humans err 1 %, so 7 points of avoidable bias dwarf 2 points of variance; with
# blurry photos humans err 7.5 %, and the variance is what is left to win. Define human level
# as the best humans can do (the expert team's 0.5 %, not one person's 1 %): at 0.7 % train and
# 0.8 % dev only then do you see that bias (0.2) still beats variance (0.1). And once the model
# beats the team (0.3 % train), you no longer know where Bayes error lies. The knobs:

# %%
for focus, knobs in KNOBS.items():
    print(f"{focus:9} {knobs}")

# %% [markdown]
# ## 7. Try it
#
# Move the sliders: the staircase shows the two gaps and the knobs for the larger one, drawn
# with your `bias_variance`; the right panel marks the most accurate detector within the run-time
# budget and with at most one false alarm a day, found by your `pick_classifier`. Find the
# budget at which the winner changes.

# %%
strategy_widget(bias_variance, pick_classifier)

# %% [markdown]
# ## Glossary · 术语表
#
# | English | 中文 |
# |---|---|
# | single-number evaluation metric | 单一数字评估指标 |
# | precision / recall | 查准率 / 查全率 |
# | satisficing metric / optimizing metric | 满足指标 / 优化指标 |
# | dev set / test set | 开发集 / 测试集 |
# | Bayes optimal error | 贝叶斯最优错误率 |
# | human-level performance | 人类水平表现 |
# | avoidable bias | 可避免偏差 |
# | variance | 方差 |
# | orthogonalization | 正交化 |

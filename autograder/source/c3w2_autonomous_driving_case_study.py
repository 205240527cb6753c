# %% [markdown]
# # Case study: a car that reads the road
#
# Your start-up builds the vision system of a self-driving car: from a camera image it must tell
# whether there are pedestrians, cars, stop signs and traffic lights ahead. The first model
# works, but far from well enough, and the list of ideas is long: collect night scenes, clean
# up labels, buy a larger data set, simulate fog, train on a related task… Each costs weeks.
#
# In this notebook you turn the week's tools into functions that tell you, with numbers, which
# idea deserves those weeks:
# - error analysis: tally the misclassified dev examples by category and find each fix's ceiling,
# - decide whether mislabeled examples are worth cleaning,
# - build dev and test sets from the data you care about when most of your data is different,
# - read the four gaps of an error table with a training-dev set,
# - write the loss of a multi-task network whose labels are partly missing,
# - decide when transfer learning makes sense.
#
# Errors are in percent unless said otherwise. Write your code between `### START CODE HERE ###`
# and `### END CODE HERE ###` and run the test cell below each exercise.

# %%
import numpy as np
import matplotlib.pyplot as plt

from helpers.error_analysis import (
    error_analysis_widget,
    make_misclassified_scenes,
    plot_ceilings,
    staircase_widget,
)
from helpers.project_strategy import plot_gaps
from helpers.public_tests.c3w2_autonomous_driving_case_study import (
    error_analysis_test,
    expected_dev_mix_test,
    label_noise_share_test,
    mismatch_gaps_test,
    multitask_loss_test,
    split_with_target_test,
    transfer_makes_sense_test,
)

# %% [markdown]
# ## 1. Error analysis
#
# Your car detector errs on 10 % of the dev scenes. Before anyone starts a month-long project,
# look at 100 of the misclassified scenes and tag each with what made it hard: night, fog, rain,
# glare, occlusion (something in front of the car), or a wrong label. One scene can carry several
# tags. Here they are, with their tags as boolean arrays:

# %%
images, tags = make_misclassified_scenes()
dev_error = 10.0
fig, axes = plt.subplots(2, 6, figsize=(12, 3.4), layout="constrained")
for k, ax in enumerate(axes.flat):
    ax.imshow(images[k])
    ax.set_title(", ".join(tag for tag in tags if tags[tag][k]) or "no tag", fontsize=8)
    ax.axis("off")
plt.show()
print({tag: int(flags.sum()) for tag, flags in tags.items()})

# %% [markdown]
# ### Exercise 1: `error_analysis`
#
# For each tag compute its **share**, the fraction of the misclassified examples that carry it,
# and its **ceiling**, the dev error left in the best case, if every error with that tag were
# fixed: $\text{dev error} \times (1 - \text{share})$. Return two dicts keyed by tag, with float
# values.

# %%
# GRADED FUNCTION: error_analysis
def error_analysis(tags, dev_error):
    """
    Share of the misclassified examples per category, and the best-case error after fixing it.

    Arguments:
    tags -- dict mapping a category to a boolean array of shape (n,), one entry per misclassified example
    dev_error -- the dev-set error

    Returns:
    shares -- dict mapping each category to the fraction of misclassified examples in it (float)
    ceilings -- dict mapping each category to dev_error * (1 - share) (float)
    """
    ### START CODE HERE ### (≈ 2 lines of code)
    shares = {tag: float(np.mean(flags)) for tag, flags in tags.items()}
    ceilings = {tag: dev_error * (1 - share) for tag, share in shares.items()}
    ### END CODE HERE ###
    return shares, ceilings


# %%
error_analysis_test(error_analysis)

# %%
# HIDDEN TESTS: error_analysis

# %%
shares, ceilings = error_analysis(tags, dev_error)
for tag in tags:
    print(f"{tag:11} {100 * shares[tag]:3.0f} % of the errors → best case {ceilings[tag]:.2f} %")
plot_ceilings(ceilings, dev_error)
plt.show()

# %% [markdown]
# **Why count first.** Ten minutes of counting tell you that perfect glare handling would bring
# the error from 10 % to 9.2 % at best, while fog and night scenes hold most of the room (down to
# 3.9 % and 5.7 %). Had only 5 of 100 errors been glare, a month on glare would win half a point;
# had 50 been, it could halve the error. The tags overlap, so the shares add up to more than
# 100 %: they are ceilings for each idea alone, not a plan that adds up. Keep adding categories
# as you look; the spreadsheet is a tool for thinking.

# %% [markdown]
# ## 2. Mislabeled examples
#
# Six of the 100 errors are not the model's fault: the label is wrong. Deep networks shrug off
# random label errors in a large training set, but in the dev set every wrong label distorts the
# number you steer by. Is it worth cleaning them now?
#
# ### Exercise 2: `label_noise_share`
#
# With `fraction_mislabeled` the fraction of the misclassified dev examples whose label is wrong,
# return
# - `due_to_labels`, the part of the dev error caused by wrong labels,
# - `other`, the rest of the dev error,
# - `fix_first`, `True` when wrong labels cause at least one fifth of the errors.

# %%
# GRADED FUNCTION: label_noise_share
def label_noise_share(dev_error, fraction_mislabeled):
    """
    Split the dev error into label noise and everything else.

    Arguments:
    dev_error -- the dev-set error
    fraction_mislabeled -- fraction of the misclassified dev examples whose label is wrong

    Returns:
    due_to_labels -- float, the error due to wrong labels
    other -- float, the error due to everything else
    fix_first -- bool, True when wrong labels cause at least a fifth of the errors
    """
    ### START CODE HERE ### (≈ 3 lines of code)
    due_to_labels = dev_error * fraction_mislabeled
    other = dev_error - due_to_labels
    fix_first = bool(fraction_mislabeled >= 0.2)
    ### END CODE HERE ###
    return float(due_to_labels), float(other), fix_first


# %%
label_noise_share_test(label_noise_share)

# %%
# HIDDEN TESTS: label_noise_share

# %%
for error, fraction in ((10.0, 0.06), (2.0, 0.3)):
    due, other, fix = label_noise_share(error, fraction)
    print(f"dev error {error:4} %: {due:.1f} % from labels, {other:.1f} % from the rest → fix labels first: {fix}")

# %% [markdown]
# **Why it depends on the total.** At 10 % dev error, 0.6 % comes from labels and 9.4 % from
# everything else: clean later. After months of progress the model errs on 2 %, and the same
# 0.6 % of bad labels is now 30 % of the errors: when you must choose between two models at
# 2.1 % and 1.9 %, the labels decide. When you clean, clean dev and test alike, so that they keep
# the same distribution, and look at examples the model got right as well as wrong ones.

# %% [markdown]
# ## 3. Training on one distribution, aiming at another
#
# You have 200,000 labelled scenes from dash-cam videos on the web, and only 10,000 from the
# camera of your own car, the images the product will see. Shuffling all 210,000 and cutting
# 2,500 dev scenes looks fair, but what is in that dev set?
#
# ### Exercise 3: `expected_dev_mix`
#
# Return the expected numbers of web and of car scenes in a dev set of `n_dev` drawn at random
# from the shuffled pool, as floats.

# %%
# GRADED FUNCTION: expected_dev_mix
def expected_dev_mix(n_web, n_app, n_dev):
    """
    Expected composition of a dev set drawn at random from web and target-camera data pooled together.

    Arguments:
    n_web -- number of examples from the other distribution (the web)
    n_app -- number of examples from the target distribution (your car's camera)
    n_dev -- size of the dev set

    Returns:
    expected_web -- float
    expected_app -- float
    """
    ### START CODE HERE ### (≈ 2 lines of code)
    expected_web = n_dev * n_web / (n_web + n_app)
    expected_app = n_dev * n_app / (n_web + n_app)
    ### END CODE HERE ###
    return float(expected_web), float(expected_app)


# %%
expected_dev_mix_test(expected_dev_mix)

# %%
# HIDDEN TESTS: expected_dev_mix

# %%
web, app = expected_dev_mix(200_000, 10_000, 2_500)
print(f"shuffled pool: about {web:,.0f} web scenes and {app:,.0f} car scenes in the dev set")

# %% [markdown]
# Only about 119 of the 2,500 dev scenes would come from your car: you would tune for months on
# the wrong target. Put the car's scenes where they matter instead.
#
# ### Exercise 4: `split_with_target`
#
# `web` and `app` hold examples as columns. Shuffle the car scenes with
# `permutation = np.random.default_rng(random_state).permutation(m_app)`; the first `n_dev`
# shuffled columns form the dev set, the next `n_test` the test set, and the training set is all
# the web columns followed by the remaining car columns (in shuffled order), joined with
# `np.concatenate(..., axis=1)`.

# %%
# GRADED FUNCTION: split_with_target
def split_with_target(web, app, n_dev, n_test, *, random_state):
    """
    Dev and test sets from the target distribution only; everything else for training.

    Arguments:
    web -- examples from the other distribution, array of shape (n_x, m_web)
    app -- examples from the target distribution, array of shape (n_x, m_app)
    n_dev -- size of the dev set
    n_test -- size of the test set
    random_state -- seed of np.random.default_rng

    Returns:
    train -- array of shape (n_x, m_web + m_app - n_dev - n_test)
    dev -- array of shape (n_x, n_dev)
    test -- array of shape (n_x, n_test)
    """
    m_app = app.shape[1]
    ### START CODE HERE ### (≈ 4 lines of code)
    shuffled = app[:, np.random.default_rng(random_state).permutation(m_app)]
    dev = shuffled[:, :n_dev]
    test = shuffled[:, n_dev:n_dev + n_test]
    train = np.concatenate([web, shuffled[:, n_dev + n_test:]], axis=1)
    ### END CODE HERE ###
    return train, dev, test


# %%
split_with_target_test(split_with_target)

# %%
# HIDDEN TESTS: split_with_target

# %%
source = np.array([[0] * 200_000 + [1] * 10_000])  # 0 for a web scene, 1 for a car scene
train, dev, test = split_with_target(source[:, :200_000], source[:, 200_000:], 2_500, 2_500, random_state=0)
for name, split in (("train", train), ("dev", dev), ("test", test)):
    print(f"{name:5} {split.shape[1]:7,} scenes, {int(split.sum()):5,} of them from the car")

# %% [markdown]
# **Why aim the dev set at the target.** The dev and test sets define what "better" means; they
# must look like the data you care about. Training data can come from elsewhere: 205,000 scenes,
# of which 5,000 from your car, help the model more than a training set of 5,000 alone. The price
# is that training and dev data now differ, and the next section shows how to see what that
# costs.

# %% [markdown]
# ## 4. Bias, variance and data mismatch
#
# With training and dev data from different distributions, a gap between training and dev error
# mixes two things: the model has not seen the dev scenes (variance), and they look different
# (data mismatch). Carve a **training-dev set** out of the training data: same distribution, but
# never trained on. Five numbers then give four gaps:
#
# | gap | = |
# |---|---|
# | avoidable bias | train − human |
# | variance | train-dev − train |
# | data mismatch | dev − train-dev |
# | overfitting to the dev set | test − dev |
#
# ### Exercise 5: `mismatch_gaps`
#
# Return a dict with the four gaps (as floats; `"dev_overfitting"` is `None` when `test` is `None`)
# and `"largest"`, the name of the largest gap. On a tie, the first in the order of the table wins:
# fix the earlier step first.

# %%
# GRADED FUNCTION: mismatch_gaps
def mismatch_gaps(human, train, train_dev, dev, test=None):
    """
    The four gaps of an error table and the largest one.

    Arguments:
    human -- human-level error (the estimate of Bayes error)
    train -- training error
    train_dev -- training-dev error (same distribution as training, not trained on)
    dev -- dev error
    test -- test error, or None

    Returns:
    gaps -- dict with "avoidable_bias", "variance", "data_mismatch", "dev_overfitting" (float or None)
            and "largest" (the key of the largest gap)
    """
    ### START CODE HERE ### (≈ 4 lines of code)
    gaps = {"avoidable_bias": float(train - human), "variance": float(train_dev - train),
            "data_mismatch": float(dev - train_dev), "dev_overfitting": None if test is None else float(test - dev)}
    sizes = {key: value for key, value in gaps.items() if value is not None}
    gaps["largest"] = max(sizes, key=sizes.get)
    ### END CODE HERE ###
    return gaps


# %%
mismatch_gaps_test(mismatch_gaps)

# %%
# HIDDEN TESTS: mismatch_gaps

# %%
tables = [(0, 1, 9, 10), (0, 1, 1.5, 10), (0, 10, 11, 12), (0, 10, 11, 20), (4, 7, 10, 12, 12), (4, 7, 10, 6, 6)]
for errors in tables:
    gaps = mismatch_gaps(*errors)
    table = " / ".join(f"{e:g}" for e in errors)
    sizes = ", ".join(f"{key.replace('_', ' ')} {value:g}" for key, value in gaps.items()
                      if key != "largest" and value is not None)
    print(f"{table:16} → {sizes} · largest: {gaps['largest']}")
fig, axes = plt.subplots(1, 2, figsize=(11, 3.6), layout="constrained")
names = ("human", "train", "train_dev", "dev", "test")
for ax, errors in zip(axes, tables[4:]):
    gaps = mismatch_gaps(*errors)
    plot_gaps(dict(zip(names, errors)), {k: gaps[k] for k in ("avoidable_bias", "variance", "data_mismatch",
                                                                "dev_overfitting")}, focus=gaps["largest"], ax=ax)
plt.show()

# %% [markdown]
# **Why a training-dev set.** 1 % train and 10 % dev looks like variance; add a 9 % train-dev
# error and it is, but with a 1.5 % train-dev error the model generalizes fine to unseen data of
# its own kind, and the 8.5 points are data mismatch, which more regularization would never fix.
# At 10 / 11 / 20 you have two problems, avoidable bias and mismatch. And a dev error below the
# train-dev error (4 / 7 / 10 / 6) says that the target data are easier than your training data:
# the mismatch gap is negative. Test − dev stays near 0 unless you have tuned to the dev set;
# then get a bigger dev set.
#
# To shrink a data mismatch, look at the dev errors to see how the data differ (never at the test
# set), then make training data more like them: collect more scenes from your car's camera, or
# **synthesize** them, for instance by adding fog or night to web scenes. Beware a synthesis that
# looks varied to you but not to the network: one hour of engine noise looped under 10,000 hours
# of speech, or the 20 car models of a video game, and the network overfits to that small
# synthetic subset.

# %% [markdown]
# Move the five sliders and watch which gap is the largest, computed by your `mismatch_gaps`:

# %%
staircase_widget(mismatch_gaps)

# %% [markdown]
# ## 5. Multi-task learning
#
# The car must detect four things in each image: pedestrians, cars, stop signs and traffic
# lights. One network with four sigmoid outputs does it all at once; unlike softmax, several
# outputs can be 1 for the same image. Its labels $Y$ have shape $(4, m)$. Some images were only
# partly labelled: the labeller marked cars and pedestrians but not signs. A missing label ("?")
# is `np.nan`, and the loss simply skips it:
# $$J = \frac{1}{m} \sum_{i=1}^{m} \sum_{j:\ y_j^{(i)} \ne ?} -\left( y_j^{(i)} \log \hat y_j^{(i)} + (1 - y_j^{(i)}) \log (1 - \hat y_j^{(i)}) \right).$$
#
# ### Exercise 6: `multitask_loss`
#
# Return $J$ as a float. `np.isnan(Y)` finds the missing labels; `np.where(mask, a, 0)` keeps the
# losses you need without letting `nan` spread.

# %%
# GRADED FUNCTION: multitask_loss
def multitask_loss(Y_hat, Y):
    """
    Logistic loss of a multi-task network, skipping missing labels.

    Arguments:
    Y_hat -- predicted probabilities, array of shape (n_tasks, m), strictly between 0 and 1
    Y -- labels, 0, 1 or np.nan (missing), array of shape (n_tasks, m)

    Returns:
    cost -- float, the sum of the losses over the labelled entries, divided by m
    """
    m = Y.shape[1]
    ### START CODE HERE ### (≈ 3 lines of code)
    labelled = ~np.isnan(Y)
    losses = -(Y * np.log(Y_hat) + (1 - Y) * np.log(1 - Y_hat))
    cost = float(np.sum(np.where(labelled, losses, 0.0)) / m)
    ### END CODE HERE ###
    return cost


# %%
multitask_loss_test(multitask_loss)

# %%
# HIDDEN TESTS: multitask_loss

# %% [markdown]
# **Why one network.** The four detectors share what they need to see first: edges, shapes, road
# layout. Multi-task learning pays off when the tasks can share such low-level features, when
# each task has about as much data as the others (so that the other 99 tasks of a 100-task
# network lend any one task 99 times its own data), and when the network is big enough; a too
# small network is the main way multi-tasking hurts. Skipping the "?" entries lets you use every
# partly labelled image.

# %% [markdown]
# ## 6. Transfer learning
#
# A network pre-trained on a million everyday photos can be fine-tuned for a task with little
# data: replace its last layer, retrain that layer (or everything, with more data). It makes
# sense when task A (the source) and task B (the target) take the same kind of input, when A has
# a lot more data than B, and when A's low-level features could help B.
#
# ### Exercise 7: `transfer_makes_sense`
#
# Return `True` when the inputs are of the same kind, the low-level features are shared, and the
# source has at least ten times as many examples as the target; else `False`.

# %%
# GRADED FUNCTION: transfer_makes_sense
def transfer_makes_sense(same_input, n_source, n_target, shared_low_level):
    """
    Whether to transfer from task A (source) to task B (target).

    Arguments:
    same_input -- bool, A and B take the same kind of input (images, audio, ...)
    n_source -- number of training examples of A
    n_target -- number of training examples of B
    shared_low_level -- bool, low-level features of A could help B

    Returns:
    makes_sense -- bool
    """
    ### START CODE HERE ### (≈ 1 line of code)
    makes_sense = bool(same_input and shared_low_level and n_source >= 10 * n_target)
    ### END CODE HERE ###
    return makes_sense


# %%
transfer_makes_sense_test(transfer_makes_sense)

# %%
# HIDDEN TESTS: transfer_makes_sense

# %%
cases = [("photos → X-rays", True, 1_000_000, 100, True), ("100 photos → 100 X-rays", True, 100, 100, True),
         ("speech → wake word (hours)", True, 10_000, 1, True), ("photos → audio", False, 1_000_000, 100, False)]
for label, same, n_a, n_b, shared in cases:
    print(f"{label:28} {transfer_makes_sense(same, n_a, n_b, shared)}")

# %% [markdown]
# **Why the amounts matter.** Transfer moves knowledge from where data are plentiful to where
# they are scarce: a million photos teach edges and textures that 100 X-rays cannot. From 100
# photos to 100 X-rays there is little to gain, because each X-ray teaches the X-ray task more
# than a photo does.
#
# ## 7. End-to-end or pipeline?
#
# The same question, "do you have enough data for the mapping you ask for?", decides between an
# end-to-end network (camera image → steering angle) and a pipeline of simpler steps (detect cars
# and pedestrians → plan a route → steer). End-to-end lets the data speak and needs fewer
# hand-designed parts, but it needs a very large amount of $(x, y)$ pairs for a complex mapping.
# For driving today, learn the pieces you have data for (detection, as in this notebook) and
# keep hand-designed planning and control.
#
# ## 8. Try it: the error analysis spreadsheet
#
# Pick a tag: the thumbnails show misclassified scenes that carry it, and the bars show every
# category's ceiling from your `error_analysis`.

# %%
error_analysis_widget(error_analysis, images, tags, dev_error)

# %% [markdown]
# ## Glossary · 术语表
#
# | English | 中文 |
# |---|---|
# | error analysis | 误差分析 |
# | incorrectly labeled data | 标注错误的数据 |
# | training-dev set | 训练-开发集 |
# | data mismatch | 数据不匹配 |
# | artificial data synthesis | 人工数据合成 |
# | transfer learning / pre-training / fine-tuning | 迁移学习 / 预训练 / 微调 |
# | multi-task learning | 多任务学习 |
# | end-to-end deep learning | 端到端深度学习 |

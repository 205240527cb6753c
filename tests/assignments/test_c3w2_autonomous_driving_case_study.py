"""Autonomous driving case study: hidden tests catch plausible bugs, accept other correct answers, and
the notebook prints the lecture's numbers (ceilings, label noise, 2,381 / 119, the four gaps)."""
import re

import pytest

from tests.support import check_mutants_and_variants, graded_reference, printed_text

ASSIGNMENT = "c3w2_autonomous_driving_case_study"

GAPS = '''
def mismatch_gaps(human, train, train_dev, dev, test=None):
    gaps = {{"avoidable_bias": float({bias}), "variance": float({variance}),
            "data_mismatch": float({mismatch}), "dev_overfitting": {overfitting}}}
    sizes = {{k: v for k, v in gaps.items() if v is not None}}
    gaps["largest"] = {largest}
    return gaps
'''


def gaps(bias="train - human", variance="train_dev - train", mismatch="dev - train_dev",
         overfitting="None if test is None else float(test - dev)", largest="max(sizes, key=sizes.get)"):
    return GAPS.format(bias=bias, variance=variance, mismatch=mismatch, overfitting=overfitting, largest=largest)


LOSS = '''
def multitask_loss(Y_hat, Y):
    m = Y.shape[1]
    labelled = ~np.isnan(Y)
    losses = -(Y * np.log(Y_hat) + (1 - Y) * np.log(1 - Y_hat))
    return {cost}
'''

MUTANTS = {
    "error_analysis": [
        # the ceiling is the error removed, not the error left
        "def error_analysis(tags, dev_error):\n    s = {t: float(np.mean(f)) for t, f in tags.items()}\n"
        "    return s, {t: dev_error * v for t, v in s.items()}",
        # shares over all tags' counts (as if categories did not overlap)
        "def error_analysis(tags, dev_error):\n    total = sum(int(np.sum(f)) for f in tags.values())\n"
        "    s = {t: float(np.sum(f) / total) for t, f in tags.items()}\n"
        "    return s, {t: dev_error * (1 - v) for t, v in s.items()}",
        # shares in percent
        "def error_analysis(tags, dev_error):\n    s = {t: float(100 * np.mean(f)) for t, f in tags.items()}\n"
        "    return s, {t: dev_error * (1 - v / 100) for t, v in s.items()}",
        # counts per 100, whatever the number of examples
        "def error_analysis(tags, dev_error):\n    s = {t: float(np.sum(f) / 100) for t, f in tags.items()}\n"
        "    return s, {t: dev_error * (1 - v) for t, v in s.items()}",
    ],
    "label_noise_share": [
        "def label_noise_share(dev_error, fraction_mislabeled):\n    d = dev_error * fraction_mislabeled\n"
        "    return float(d), float(dev_error - d), bool(d >= 0.2)",  # threshold on the error, not the share
        "def label_noise_share(dev_error, fraction_mislabeled):\n    d = fraction_mislabeled\n"
        "    return float(d), float(dev_error - d), bool(d >= 0.2)",  # the fraction as the error
        "def label_noise_share(dev_error, fraction_mislabeled):\n    d = dev_error * fraction_mislabeled\n"
        "    return float(d), float(dev_error - d), bool(fraction_mislabeled < 0.2)",
        "def label_noise_share(dev_error, fraction_mislabeled):\n    d = dev_error * fraction_mislabeled\n"
        "    return float(d), float(dev_error), bool(fraction_mislabeled >= 0.2)",
    ],
    "expected_dev_mix": [
        "def expected_dev_mix(n_web, n_app, n_dev):\n"
        "    return float(n_dev * n_web / n_app), float(n_dev * n_app / n_web)",
        "def expected_dev_mix(n_web, n_app, n_dev):\n    return float(n_dev / 2), float(n_dev / 2)",
        "def expected_dev_mix(n_web, n_app, n_dev):\n    w = round(n_dev * n_web / (n_web + n_app))\n"
        "    return float(w), float(n_dev - w)",  # rounded
        "def expected_dev_mix(n_web, n_app, n_dev):\n    return float(n_dev * n_app / (n_web + n_app)), "
        "float(n_dev * n_web / (n_web + n_app))",  # swapped
    ],
    "split_with_target": [
        # the lecture's first option: everything shuffled together
        "def split_with_target(web, app, n_dev, n_test, *, random_state):\n"
        "    pool = np.concatenate([web, app], axis=1)\n"
        "    pool = pool[:, np.random.default_rng(random_state).permutation(pool.shape[1])]\n"
        "    return pool[:, n_dev + n_test:], pool[:, :n_dev], pool[:, n_dev:n_dev + n_test]",
        # no shuffle
        "def split_with_target(web, app, n_dev, n_test, *, random_state):\n"
        "    train = np.concatenate([web, app[:, n_dev + n_test:]], axis=1)\n"
        "    return train, app[:, :n_dev], app[:, n_dev:n_dev + n_test]",
        # leftover target data thrown away
        "def split_with_target(web, app, n_dev, n_test, *, random_state):\n"
        "    s = app[:, np.random.default_rng(random_state).permutation(app.shape[1])]\n"
        "    return web, s[:, :n_dev], s[:, n_dev:n_dev + n_test]",
        # target data first in the training set
        "def split_with_target(web, app, n_dev, n_test, *, random_state):\n"
        "    s = app[:, np.random.default_rng(random_state).permutation(app.shape[1])]\n"
        "    return np.concatenate([s[:, n_dev + n_test:], web], axis=1), s[:, :n_dev], s[:, n_dev:n_dev + n_test]",
        # test set from the end
        "def split_with_target(web, app, n_dev, n_test, *, random_state):\n"
        "    s = app[:, np.random.default_rng(random_state).permutation(app.shape[1])]\n"
        "    rest = s[:, n_dev:s.shape[1] - n_test]\n"
        "    return np.concatenate([web, rest], axis=1), s[:, :n_dev], s[:, s.shape[1] - n_test:]",
    ],
    "mismatch_gaps": [
        gaps(variance="dev - train"),  # no train-dev set
        gaps(mismatch="dev - train"),
        gaps(largest="max(sizes, key=lambda k: abs(sizes[k]))"),  # a negative mismatch is not large
        gaps(overfitting="float(test - dev) if test else None"),  # test = 0 is a number
        gaps(largest="[k for k, v in sizes.items() if v == max(sizes.values())][-1]"),  # a tie goes to the last
        gaps(largest="max(list(sizes)[:3], key=sizes.get)"),  # ignores dev overfitting
    ],
    "multitask_loss": [
        LOSS.format(cost="float(np.nansum(losses) / np.sum(labelled))"),  # divides by labelled entries
        LOSS.format(cost="float(np.sum(np.nan_to_num(losses)) / Y.size)"),
        LOSS.format(cost="float(np.sum(np.where(labelled, losses, np.log(2))) / m)"),  # "?" as 0.5
        "def multitask_loss(Y_hat, Y):\n    Y = np.nan_to_num(Y)\n"
        "    return float(-np.sum(Y * np.log(Y_hat) + (1 - Y) * np.log(1 - Y_hat)) / Y.shape[1])",  # "?" as 0
        LOSS.format(cost="float(np.sum(np.where(labelled, losses, 0)) / Y.shape[0])"),  # divides by the tasks
    ],
    "transfer_makes_sense": [
        "def transfer_makes_sense(same_input, n_source, n_target, shared_low_level):\n"
        "    return bool(same_input and shared_low_level and n_source > n_target)",
        "def transfer_makes_sense(same_input, n_source, n_target, shared_low_level):\n"
        "    return bool(same_input and n_source >= 10 * n_target)",
        "def transfer_makes_sense(same_input, n_source, n_target, shared_low_level):\n"
        "    return bool(same_input and shared_low_level and n_source > 10 * n_target)",
        "def transfer_makes_sense(same_input, n_source, n_target, shared_low_level):\n"
        "    return bool(same_input or shared_low_level) and n_source >= 10 * n_target",
    ],
}

VARIANTS = {
    "error_analysis": [
        "def error_analysis(tags, dev_error):\n    shares, ceilings = {}, {}\n    for tag, flags in tags.items():\n"
        "        shares[tag] = sum(bool(f) for f in flags) / len(flags)\n"
        "        ceilings[tag] = dev_error - dev_error * shares[tag]\n    return shares, ceilings",
        "def error_analysis(tags, dev_error):\n    s = {t: np.count_nonzero(f) / f.size for t, f in tags.items()}\n"
        "    return s, {t: dev_error * (1.0 - v) for t, v in s.items()}",
    ],
    "label_noise_share": [
        "def label_noise_share(dev_error, fraction_mislabeled):\n    due = dev_error * fraction_mislabeled\n"
        "    return due, dev_error * (1 - fraction_mislabeled), not fraction_mislabeled < 0.2",
    ],
    "expected_dev_mix": [
        "def expected_dev_mix(n_web, n_app, n_dev):\n    p = n_web / (n_web + n_app)\n"
        "    return n_dev * p, n_dev * (1 - p)",
    ],
    "split_with_target": [
        "def split_with_target(web, app, n_dev, n_test, *, random_state):\n"
        "    p = np.random.default_rng(random_state).permutation(app.shape[1])\n"
        "    dev, test, rest = np.split(p, [n_dev, n_dev + n_test])\n"
        "    return np.hstack([web, app[:, rest]]), app[:, dev], app[:, test]",
        "def split_with_target(web, app, n_dev, n_test, *, random_state):\n"
        "    idx = np.arange(app.shape[1])\n    np.random.default_rng(random_state).shuffle(idx)\n"
        "    train = np.concatenate((web, app[:, idx[n_dev + n_test:]]), axis=1)\n"
        "    return train, app[:, idx[:n_dev]], app[:, idx[n_dev:n_dev + n_test]]",
    ],
    "mismatch_gaps": [
        gaps(),
        "def mismatch_gaps(human, train, train_dev, dev, test=None):\n"
        "    names = ['avoidable_bias', 'variance', 'data_mismatch', 'dev_overfitting']\n"
        "    levels = [human, train, train_dev, dev] + ([] if test is None else [test])\n"
        "    values = [float(b - a) for a, b in zip(levels, levels[1:])]\n"
        "    gaps = dict(zip(names, values + [None] * (4 - len(values))))\n"
        "    gaps['largest'] = names[int(np.argmax(values))]\n    return gaps",
    ],
    "multitask_loss": [
        LOSS.format(cost="float(np.nansum(losses) / m)"),
        LOSS.format(cost="float(np.mean(np.nansum(losses, axis=0)))"),
        "def multitask_loss(Y_hat, Y):\n    total = 0.0\n    for j in range(Y.shape[0]):\n"
        "        for i in range(Y.shape[1]):\n            y = Y[j, i]\n            if not np.isnan(y):\n"
        "                total -= np.log(Y_hat[j, i]) if y == 1 else np.log(1 - Y_hat[j, i])\n"
        "    return float(total / Y.shape[1])",
        "def multitask_loss(Y_hat, Y):\n    mask = ~np.isnan(Y)\n    y, p = Y[mask], Y_hat[mask]\n"
        "    return float(-np.sum(y * np.log(p) + (1 - y) * np.log1p(-p)) / Y.shape[1])",
    ],
    "transfer_makes_sense": [
        "def transfer_makes_sense(same_input, n_source, n_target, shared_low_level):\n"
        "    if not same_input or not shared_low_level:\n        return False\n    return n_source / n_target >= 10",
    ],
}


@pytest.mark.xdist_group(ASSIGNMENT)
def test_mutants_lose_points_and_variants_keep_them(tmp_path):
    """Do inverted ceilings, wrong thresholds, pooled splits, missing train-dev gaps and losses that
    count "?" fail, and loops, np.split, masks and nansum pass?"""
    check_mutants_and_variants(ASSIGNMENT, MUTANTS, VARIANTS, tmp_path)


@pytest.mark.xdist_group(ASSIGNMENT)
def test_the_reference_notebook_teaches_the_lesson():
    """Does the notebook print the ceilings (glare 9.2 %, fog 3.9 %), the label-noise decisions,
    2,381 / 119, the lecture's diagnoses and a negative mismatch for 4 / 7 / 10 / 6 / 6?"""
    _, graded = graded_reference(ASSIGNMENT)
    text = printed_text(graded)
    ceilings = dict(re.findall(r"^(\w+) +\d+ % of the errors → best case ([\d.]+) %$", text, re.MULTILINE))
    assert ceilings == {"night": "5.70", "fog": "3.90", "rain": "8.80", "glare": "9.20", "occlusion": "8.00",
                        "mislabeled": "9.40"}, text
    assert "fix labels first: False" in text and "1.4 % from the rest → fix labels first: True" in text
    assert "about 2,381 web scenes and 119 car scenes" in text
    largest = re.findall(r"largest: (\w+)", text)
    assert largest == ["variance", "data_mismatch", "avoidable_bias", "avoidable_bias", "avoidable_bias",
                       "avoidable_bias"], text
    assert "data mismatch -4, dev overfitting 0" in text
    assert "100 photos → 100 X-rays      False" in text

"""Public tests of *Lab: error analysis on a real model* (c3w2_error_analysis_lab)."""
import numpy as np

from helpers.checks import Checker

__all__ = [
    "make_splits_test",
    "error_table_test",
    "recommend_test",
    "tally_errors_test",
    "synthesize_like_target_test",
    "IS_TARGET",
    "ERROR_TABLES",
    "labels_example",
    "tally_example",
    "scans_example",
]

IS_TARGET = np.array([False, True, False, False, True, True, False, True, True, False])
# error tables -> (gaps, fix)
ERROR_TABLES = [
    ({"human": 0.005, "train": 0.037, "train_dev": 0.036, "dev": 0.458, "test": 0.43},
     ({"avoidable_bias": 0.032, "variance": -0.001, "data_mismatch": 0.422}, "target-like data")),
    ({"human": 0.0, "train": 0.01, "train_dev": 0.09, "dev": 0.1},
     ({"avoidable_bias": 0.01, "variance": 0.08, "data_mismatch": 0.01}, "regularization")),
    ({"human": 0.0, "train": 0.1, "train_dev": 0.11, "dev": 0.2},
     ({"avoidable_bias": 0.1, "variance": 0.01, "data_mismatch": 0.09}, "bigger network")),
    ({"human": 1.0, "train": 2.0, "train_dev": 3.0, "dev": 4.0},
     ({"avoidable_bias": 1.0, "variance": 1.0, "data_mismatch": 1.0}, "bigger network")),
]


def labels_example():
    """Labels and predictions of three splits."""
    labels = {"train": np.array([1, 2, 3, 4]), "dev": np.array([5, 5, 5, 5, 5]), "test": np.array([0, 9])}
    predictions = {"train": np.array([1, 2, 3, 0]), "dev": np.array([5, 3, 5, 3, 3]), "test": np.array([0, 9])}
    return labels, predictions


def tally_example():
    """Two tags over eight dev examples, four of them misclassified."""
    tags = {"noisy": np.array([1, 1, 0, 1, 0, 0, 1, 0], dtype=bool),
            "blurred": np.array([0, 1, 1, 0, 0, 0, 0, 1], dtype=bool)}
    y = np.array([0, 1, 2, 3, 4, 5, 6, 7])
    y_pred = np.array([0, 7, 2, 8, 4, 1, 1, 7])
    return tags, y, y_pred


def scans_example():
    """Two 2×2 scans."""
    return np.array([[[0.0, 0.5], [1.0, 0.2]], [[1.0, 1.0], [0.0, 0.0]]])


def make_splits_test(target):
    check = Checker("make_splits")
    splits = check.call(target, IS_TARGET, n_train_dev=2, n_dev=2, n_test=1, n_target_train=1, random_state=3,
                        case="10 examples, random_state=3")
    check.true("keys train, train_dev, dev, test", isinstance(splits, dict) and list(splits) ==
               ["train", "train_dev", "dev", "test"], f"a dict with these keys, got {splits!r:.100}")
    check.same("train: remaining source, then one target", np.array([2, 6, 0, 4]), splits["train"])
    check.same("train_dev", np.array([9, 3]), splits["train_dev"])
    check.same("dev", np.array([7, 1]), splits["dev"])
    check.same("test", np.array([5]), splits["test"])
    splits = check.call(target, IS_TARGET, n_train_dev=1, n_dev=2, n_test=2, random_state=3, case="no target in train")
    check.same("train without target examples", np.array([3, 2, 6, 0]), splits["train"])
    check.done()


def error_table_test(target):
    check = Checker("error_table")
    errors = check.call(target, *labels_example(), case="three splits")
    check.same("errors", {"train": 0.25, "dev": 0.6, "test": 0.0}, errors)
    check.true("keys in the same order", list(errors) == ["train", "dev", "test"],
               f"train, dev, test, got {list(errors)}")
    check.done()


def recommend_test(target):
    check = Checker("recommend")
    for errors, expected in ERROR_TABLES:
        check.same(f"{expected[1]} for " + " / ".join(f"{v:g}" for v in errors.values()), expected,
                   check.call(target, errors, case=str(errors)))
    check.done()


def tally_errors_test(target):
    check = Checker("tally_errors")
    shares, ceilings = check.call(target, *tally_example(), case="8 dev examples, 4 wrong")
    check.same("shares among the errors", {"noisy": 0.75, "blurred": 0.25}, shares)
    check.same("ceilings: 0.5 * (1 - share)", {"noisy": 0.125, "blurred": 0.375}, ceilings)
    check.done()


def synthesize_like_target_test(target):
    check = Checker("synthesize_like_target")
    X = scans_example()
    out = check.call(target, X, random_state=0, case="two 2x2 scans, random_state=0")
    check.same("values", np.array([[[0.70519825, 0.78112454], [0.53653224, 0.13444858]],
                                   [[0.30168466, 0.48482964], [0.0, 0.10157927]]]), out, rtol=1e-6, atol=1e-7)
    out = check.call(target, np.zeros((3, 4, 5)), random_state=1, case="three blank 4x5 scans")
    check.true("shape (3, 4, 5), values in [0, 1]", getattr(out, "shape", None) == (3, 4, 5) and 0 <= out.min()
               and out.max() <= 1, f"got {out!r:.100}")
    check.done()

"""Hidden tests of *Lab: error analysis on a real model*: the notebook's examples, then fresh random
masks, predictions, error tables and images.

The lab's model never crosses into a graded function: ``error_table`` takes the labels and the
predictions of each split (the notebook calls the model), so everything graded is plain data.
"""
import numpy as np

from autograder.hidden import hidden_test
from helpers.public_tests.c3w2_error_analysis_lab import (
    ERROR_TABLES,
    IS_TARGET,
    labels_example,
    scans_example,
    tally_example,
)


@hidden_test("make_splits", points=2)
def check_make_splits(check, rng):
    check.call(IS_TARGET, n_train_dev=2, n_dev=2, n_test=1, n_target_train=1, random_state=3, case="the example")
    check.call(IS_TARGET, n_train_dev=1, n_dev=2, n_test=2, random_state=3, case="no target examples in train")
    for _ in range(3):
        m = int(rng.integers(20, 400))
        is_target = rng.random(m) < rng.uniform(0.2, 0.6)
        n_source, n_target = int(np.sum(~is_target)), int(np.sum(is_target))
        n_dev = int(rng.integers(1, n_target // 3 + 2))
        n_test = int(rng.integers(1, n_target // 3 + 2))
        n_target_train = int(rng.integers(0, max(1, n_target - n_dev - n_test)))
        n_train_dev, seed = int(rng.integers(1, n_source // 2 + 1)), int(rng.integers(0, 10_000))
        check.call(is_target, n_train_dev=n_train_dev, n_dev=n_dev, n_test=n_test, n_target_train=n_target_train,
                   random_state=seed, case=f"{n_source} source and {n_target} target examples, n_train_dev="
                   f"{n_train_dev}, n_dev={n_dev}, n_test={n_test}, n_target_train={n_target_train}, "
                   f"random_state={seed}")


@hidden_test("error_table", points=1)
def check_error_table(check, rng):
    check.call(*labels_example(), case="the example")
    for _ in range(3):
        names = ["train", "train_dev", "dev", "test"][: int(rng.integers(1, 5))]
        labels, predictions = {}, {}
        for name in names:
            m = int(rng.integers(1, 300))
            labels[name] = rng.integers(0, 10, size=m)
            predictions[name] = np.where(rng.random(m) < rng.uniform(0, 0.6), rng.integers(0, 10, size=m), labels[name])
        check.call(labels, predictions, case=f"splits {names}")


@hidden_test("recommend", points=2)
def check_recommend(check, rng):
    for errors, _ in ERROR_TABLES:
        check.call(errors, case=" / ".join(f"{v:g}" for v in errors.values()))
    for _ in range(5):
        levels = np.cumsum(rng.uniform(-0.02, 0.2, size=5))
        errors = {name: float(v) for name, v in zip(("human", "train", "train_dev", "dev", "test"), levels)}
        check.call(errors, case=" / ".join(f"{v:.3f}" for v in errors.values()))


@hidden_test("tally_errors", points=2)
def check_tally_errors(check, rng):
    check.call(*tally_example(), case="the example")
    for _ in range(4):
        m, k = int(rng.integers(5, 600)), int(rng.integers(1, 6))
        y = rng.integers(0, 10, size=m)
        y_pred = np.where(rng.random(m) < rng.uniform(0.1, 0.6), (y + 1) % 10, y)
        y_pred[0] = (y[0] + 1) % 10
        tags = {f"tag {j}": rng.random(m) < rng.uniform(0.1, 0.9) for j in range(k)}
        check.call(tags, y, y_pred, case=f"{k} tags on {m} dev examples")


@hidden_test("synthesize_like_target", points=2)
def check_synthesize_like_target(check, rng):
    check.call(scans_example(), random_state=0, case="the example")
    for shape in ((3, 28, 28), (int(rng.integers(1, 20)), int(rng.integers(2, 12)), int(rng.integers(2, 12)))):
        seed = int(rng.integers(0, 10_000))
        check.call(rng.random(shape), random_state=seed, case=f"images of shape {shape}, random_state={seed}")
    X = rng.random((5, 28, 28)).astype(np.float32)
    check.call(X, random_state=7, case="float32 images")

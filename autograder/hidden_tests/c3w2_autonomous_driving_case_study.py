"""Hidden tests of *Case study: a car that reads the road*: the lecture's worked examples, then fresh
random tags, error tables, data sets and labels."""
import numpy as np

from autograder.hidden import hidden_test
from helpers.error_analysis import make_misclassified_scenes
from helpers.public_tests.c3w2_autonomous_driving_case_study import (
    GAP_TABLES,
    dogs_example,
    multitask_example,
    split_example,
)


@hidden_test("error_analysis", points=2)
def check_error_analysis(check, rng):
    check.call(dogs_example(5), 10.0, case="5 dogs of 100")
    check.call(make_misclassified_scenes()[1], 10.0, case="the notebook's road scenes")
    for _ in range(3):
        n, k = int(rng.integers(10, 300)), int(rng.integers(1, 7))
        tags = {f"tag {j}": rng.random(n) < rng.uniform(0, 1) for j in range(k)}
        dev_error = float(rng.uniform(0.5, 30))
        check.call(tags, dev_error, case=f"{k} random tags on {n} errors, dev error {dev_error:.2f}")


@hidden_test("label_noise_share", points=1)
def check_label_noise_share(check, rng):
    check.call(10.0, 0.06, case="10 %, 6 %")
    check.call(2.0, 0.3, case="2 %, 30 %")
    for fraction in (float(rng.uniform(0, 0.18)), float(rng.uniform(0.22, 1)), float(rng.uniform(0, 1))):
        dev_error = float(rng.uniform(0.5, 20))
        check.call(dev_error, fraction, case=f"dev error {dev_error:.2f}, {fraction:.2f} mislabeled")


@hidden_test("expected_dev_mix", points=1)
def check_expected_dev_mix(check, rng):
    check.call(200_000, 10_000, 2_500, case="the lecture's numbers")
    for _ in range(3):
        n_web, n_app = int(rng.integers(1, 10**6)), int(rng.integers(1, 10**5))
        n_dev = int(rng.integers(1, n_web + n_app))
        check.call(n_web, n_app, n_dev, case=f"{n_web} web, {n_app} app, dev {n_dev}")


@hidden_test("split_with_target", points=2)
def check_split_with_target(check, rng):
    web, app = split_example()
    check.call(web, app, 2, 1, random_state=1, case="the notebook's example")
    for _ in range(3):
        n_x, m_web, m_app = int(rng.integers(1, 5)), int(rng.integers(1, 60)), int(rng.integers(3, 60))
        n_dev = int(rng.integers(1, m_app // 2 + 1))
        n_test = int(rng.integers(1, m_app - n_dev + 1))
        seed = int(rng.integers(0, 10_000))
        check.call(rng.normal(size=(n_x, m_web)), rng.normal(size=(n_x, m_app)), n_dev, n_test, random_state=seed,
                   case=f"{m_web} web and {m_app} app columns, n_dev={n_dev}, n_test={n_test}, random_state={seed}")


@hidden_test("mismatch_gaps", points=2)
def check_mismatch_gaps(check, rng):
    for errors in GAP_TABLES:
        check.call(*errors, case=" / ".join(f"{e:g}" for e in errors))
    for with_test in (False, True, True, True):
        levels = np.cumsum(rng.uniform(-1, 8, size=5)) + 1
        errors = [float(e) for e in levels[: 5 if with_test else 4]]
        check.call(*errors, case=" / ".join(f"{e:.2f}" for e in errors))
    check.call(1.0, 2.0, 3.0, 3.5, test=9.0, case="test passed by keyword")
    check.call(0.0, 0.5, 1.0, 1.5, 0.0, case="a test error of 0")


@hidden_test("multitask_loss", points=2)
def check_multitask_loss(check, rng):
    check.call(*multitask_example(), case="the lecture's labels")
    for _ in range(4):
        n_tasks, m = int(rng.integers(1, 6)), int(rng.integers(1, 40))
        Y = (rng.random((n_tasks, m)) < 0.5).astype(float)
        Y[rng.random((n_tasks, m)) < rng.uniform(0, 0.6)] = np.nan
        Y_hat = rng.uniform(0.01, 0.99, size=(n_tasks, m))
        check.call(Y_hat, Y, case=f"{n_tasks} tasks, {m} images, {int(np.isnan(Y).sum())} missing labels")


@hidden_test("transfer_makes_sense", points=1)
def check_transfer_makes_sense(check, rng):
    for same, n_a, n_b, shared in ((True, 1_000_000, 100, True), (True, 100, 100, True), (True, 100, 1000, True),
                                   (False, 1_000_000, 100, True), (True, 1_000_000, 100, False),
                                   (True, 1000, 100, True), (True, 999, 100, True)):
        check.call(same, n_a, n_b, shared, case=f"same input {same}, {n_a} -> {n_b}, shared {shared}")
    for _ in range(3):
        n_b = int(rng.integers(1, 1000))
        check.call(bool(rng.random() < 0.8), int(n_b * rng.uniform(0.5, 50)), n_b, bool(rng.random() < 0.8),
                   case="random amounts")

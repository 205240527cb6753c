"""Hidden tests of *Case study: bird alarms in the city*: the lecture's worked examples, then
fresh random predictions and tables."""
import numpy as np

from autograder.hidden import hidden_test
from helpers.project_strategy import CLASSIFIERS, REGION_ERRORS, make_camera_images, make_weighted_dev_set
from helpers.public_tests.c3w1_bird_recognition_case_study import (
    HUMAN_TRAIN_DEV,
    SPEED_TABLE,
    TIE_TABLE,
    camera_example,
    predictions_example,
    weighted_example,
)


def random_predictions(rng, m):
    """Labels and predictions with at least one positive of each."""
    y = (rng.random(m) < rng.uniform(0.2, 0.8)).astype(int)
    y_pred = np.where(rng.random(m) < rng.uniform(0.05, 0.4), 1 - y, y)
    y[0], y_pred[0] = 1, 1
    return y, y_pred


@hidden_test("precision_recall", points=2)
def check_precision_recall(check, rng):
    check.call(*predictions_example(), case="the notebook's example")
    for m in (20, 500, int(rng.integers(50, 3000))):
        y, y_pred = random_predictions(rng, m)
        check.call(y, y_pred, case=f"{m} random predictions")
    y, y_pred = random_predictions(rng, 100)
    check.call(y.astype(bool), y_pred.astype(bool), case="boolean labels")


@hidden_test("f1_score", points=1)
def check_f1_score(check, rng):
    check.call(0.95, 0.90, case="precision 0.95, recall 0.90")
    check.call(0.98, 0.85, case="precision 0.98, recall 0.85")
    for _ in range(4):
        precision, recall = (float(v) for v in rng.uniform(0.01, 1.0, size=2))
        check.call(precision, recall, case=f"precision {precision:.3f}, recall {recall:.3f}")


@hidden_test("pick_by_average", points=1)
def check_pick_by_average(check, rng):
    check.call(REGION_ERRORS, case="the regions table")
    check.call(TIE_TABLE, case="a tie")
    check.call({"spiky": [1.0, 9.0, 9.0], "steady": [3.0, 3.0, 3.0]}, case="best in one region, worse on average")
    for _ in range(4):
        n_models, n_regions = int(rng.integers(2, 8)), int(rng.integers(2, 9))
        table = {f"model {k}": [float(e) for e in rng.uniform(0.5, 20, size=n_regions)] for k in range(n_models)}
        check.call(table, case=f"{n_models} models, {n_regions} regions")


def random_table(rng):
    """4 to 8 models with accuracy, run time and false alarms."""
    return {f"M{k}": {"accuracy": float(rng.uniform(80, 99)), "run_time_ms": float(rng.uniform(20, 300)),
                      "false_alarms_per_day": float(rng.uniform(0, 5))} for k in range(int(rng.integers(4, 9)))}


@hidden_test("pick_classifier", points=2)
def check_pick_classifier(check, rng):
    check.call(SPEED_TABLE, "accuracy", {"run_time_ms": ("<=", 100)}, case="the lecture's table, <= 100 ms")
    check.call(SPEED_TABLE, "accuracy", {"run_time_ms": ("<", 95)}, case="the lecture's table, < 95 ms")
    check.call(CLASSIFIERS, "accuracy", {"run_time_ms": ("<=", 100), "false_alarms_per_day": ("<=", 1)},
               case="the notebook's table, two budgets")
    check.call(SPEED_TABLE, "accuracy", {"run_time_ms": ("<=", 10)}, case="no model qualifies")
    for _ in range(4):
        table = random_table(rng)
        satisficing = {"run_time_ms": (str(rng.choice(["<=", "<"])), float(rng.uniform(50, 250))),
                       "false_alarms_per_day": ("<=", float(rng.uniform(0.5, 4)))}
        check.call(table, "accuracy", satisficing, case=f"{len(table)} random models, {satisficing}")
    table = random_table(rng)
    check.call(table, "false_alarms_per_day", {"accuracy": (">", 90.0)}, case="maximize another metric")
    check.call(table, "run_time_ms", {"accuracy": (">=", 85.0), "false_alarms_per_day": (">", 1.0)},
               case="thresholds from below")


@hidden_test("weighted_error", points=1)
def check_weighted_error(check, rng):
    check.call(*weighted_example(), case="the notebook's example")
    y, w, y_pred_A, y_pred_B = make_weighted_dev_set()
    check.call(y, y_pred_A, w, case="detector A")
    check.call(y, y_pred_B, w, case="detector B")
    for m in (10, int(rng.integers(100, 2000))):
        y, y_pred = random_predictions(rng, m)
        w = rng.choice([1.0, 10.0, 100.0], size=m)
        check.call(y, y_pred, w, case=f"{m} random predictions and weights")
    y, y_pred = random_predictions(rng, 50)
    check.call(y, y_pred, rng.uniform(0, 3, size=50), case="real-valued weights")


@hidden_test("split_dev_test", points=2)
def check_split_dev_test(check, rng):
    X, district = camera_example()
    check.call(X, district, random_state=0, case="the notebook's example")
    X, district = make_camera_images()
    check.call(X, district, random_state=0, case="the city's 2,400 images")
    for m in (int(rng.integers(10, 400)), int(rng.integers(10, 400)) * 2 + 1):
        n_x, seed = int(rng.integers(1, 6)), int(rng.integers(0, 10_000))
        X, district = rng.normal(size=(n_x, m)), np.sort(rng.integers(0, 8, size=m))
        check.call(X, district, random_state=seed, case=f"X of shape {X.shape}, random_state={seed}")


@hidden_test("bias_variance", points=2)
def check_bias_variance(check, rng):
    for human, train, dev in HUMAN_TRAIN_DEV:
        check.call(human, train, dev, case=f"human {human}, train {train}, dev {dev}")
    check.call(2.0, 1.5, 4.0, case="human 2.0, train 1.5, dev 4.0")
    for _ in range(6):
        human = float(rng.uniform(0, 10))
        train = human + float(rng.uniform(-1, 10))
        dev = train + float(rng.uniform(0, 10))
        check.call(human, train, dev, case=f"human {human:.2f}, train {train:.2f}, dev {dev:.2f}")

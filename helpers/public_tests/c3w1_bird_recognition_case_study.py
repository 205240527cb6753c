"""Public tests of *Case study: bird alarms in the city* (c3w1_bird_recognition_case_study)."""
import numpy as np

from helpers.checks import Checker

__all__ = [
    "precision_recall_test",
    "f1_score_test",
    "pick_by_average_test",
    "pick_classifier_test",
    "weighted_error_test",
    "split_dev_test_test",
    "bias_variance_test",
    "SPEED_TABLE",
    "TIE_TABLE",
    "predictions_example",
    "weighted_example",
    "camera_example",
    "HUMAN_TRAIN_DEV",
]

SPEED_TABLE = {"A": {"accuracy": 90.0, "run_time_ms": 80.0}, "B": {"accuracy": 92.0, "run_time_ms": 95.0},
               "C": {"accuracy": 95.0, "run_time_ms": 1500.0}}
TIE_TABLE = {"P": [2.0, 4.0], "Q": [4.0, 2.0], "R": [3.0, 3.5]}
# (human, train, dev) -> (avoidable bias, variance, focus), the lecture's scenarios
HUMAN_TRAIN_DEV = {(1.0, 8.0, 10.0): (7.0, 2.0, "bias"), (7.5, 8.0, 10.0): (0.5, 2.0, "variance"),
                   (0.5, 5.0, 6.0): (4.5, 1.0, "bias"), (0.5, 1.0, 5.0): (0.5, 4.0, "variance"),
                   (0.5, 0.7, 0.8): (0.2, 0.1, "bias"), (0.5, 0.3, 0.4): (-0.2, 0.1, "unknown"),
                   (1.0, 3.0, 5.0): (2.0, 2.0, "bias")}


def predictions_example():
    """Ten labels and predictions: 3 true positives, 1 false positive, 2 false negatives."""
    return np.array([1, 1, 1, 1, 1, 0, 0, 0, 0, 0]), np.array([1, 1, 1, 0, 0, 1, 0, 0, 0, 0])


def weighted_example():
    """Six examples, two of them weighted 10."""
    y = np.array([1, 0, 1, 1, 0, 0])
    y_pred = np.array([0, 0, 1, 0, 1, 0])
    w = np.array([10.0, 1.0, 1.0, 1.0, 10.0, 1.0])
    return y, y_pred, w


def camera_example():
    """Seven examples with two features, from districts 0 to 2."""
    X = np.arange(14.0).reshape(2, 7)
    district = np.array([0, 0, 0, 1, 1, 2, 2])
    return X, district


def precision_recall_test(target):
    check = Checker("precision_recall")
    y, y_pred = predictions_example()
    out = check.call(target, y, y_pred, case="3 TP, 1 FP, 2 FN")
    check.true("returns (precision, recall)", isinstance(out, tuple) and len(out) == 2, f"a pair, got {out!r:.80}")
    check.same("precision = 3 / 4, recall = 3 / 5", (0.75, 0.6), out)
    y = np.array([1] * 190 + [0] * 810)
    y_pred = np.array([1] * 171 + [0] * 19 + [1] * 9 + [0] * 801)
    check.same("detector A: 95 % precision, 90 % recall", (0.95, 0.9), check.call(target, y, y_pred, case="A"))
    check.same("labels as booleans", (0.75, 0.6), check.call(target, *(a.astype(bool) for a in predictions_example()),
                                                              case="boolean labels"))
    check.done()


def f1_score_test(target):
    check = Checker("f1_score")
    check.same("F1(0.95, 0.90) = 0.9243", 0.9243243243243243, check.call(target, 0.95, 0.90, case="A"))
    check.same("F1(0.98, 0.85) = 0.9104", 0.9103825136612022, check.call(target, 0.98, 0.85, case="B"))
    check.same("F1(1, 0.1): the harmonic mean stays low", 0.18181818181818182,
               check.call(target, 1.0, 0.1, case="1, 0.1"))
    check.done()


def pick_by_average_test(target):
    check = Checker("pick_by_average")
    from helpers.project_strategy import REGION_ERRORS

    name, averages = check.call(target, REGION_ERRORS, case="the regions table")
    check.same("averages", {"A": 6.0, "B": 6.5, "C": 3.5, "D": 5.5, "E": 3.75, "F": 9.5}, averages)
    check.same("picks C", "C", name)
    check.same("a tie goes to the first", ("P", {"P": 3.0, "Q": 3.0, "R": 3.25}),
               check.call(target, TIE_TABLE, case="P and Q tie"))
    check.done()


def pick_classifier_test(target):
    check = Checker("pick_classifier")
    check.same("run time <= 100 ms: B", "B", check.call(target, SPEED_TABLE, "accuracy", {"run_time_ms": ("<=", 100)},
                                                         case="<= 100 ms"))
    check.same("no threshold: C", "C", check.call(target, SPEED_TABLE, "accuracy", {}, case="no threshold"))
    check.same("run time < 80 ms: none", None,
               check.call(target, SPEED_TABLE, "accuracy", {"run_time_ms": ("<", 80)}, case="< 80 ms"))
    check.same("run time > 90 ms and accuracy >= 92: C", "C",
               check.call(target, SPEED_TABLE, "accuracy", {"run_time_ms": (">", 90), "accuracy": (">=", 92)},
                          case="two thresholds"))
    check.same("optimizing run time, accuracy > 90: C", "C",
               check.call(target, SPEED_TABLE, "run_time_ms", {"accuracy": (">", 90)}, case="another metric"))
    check.done()


def weighted_error_test(target):
    check = Checker("weighted_error")
    y, y_pred, w = weighted_example()
    check.same("weights 10 on two of the three errors: 21 / 24", 0.875,
               check.call(target, y, y_pred, w, case="example"))
    check.same("equal weights: the plain error 3 / 6", 0.5, check.call(target, y, y_pred, np.ones(6), case="w = 1"))
    check.done()


def split_dev_test_test(target):
    check = Checker("split_dev_test")
    X, district = camera_example()
    out = check.call(target, X, district, random_state=0, case="7 examples, random_state=0")
    check.true("returns four arrays", isinstance(out, tuple) and len(out) == 4, f"four values, got {out!r:.80}")
    X_dev, district_dev, X_test, district_test = out
    check.same("X_dev", np.array([[2.0, 4.0, 3.0], [9.0, 11.0, 10.0]]), X_dev)
    check.same("district_dev", np.array([0, 1, 1]), district_dev)
    check.same("X_test", np.array([[6.0, 5.0, 0.0, 1.0], [13.0, 12.0, 7.0, 8.0]]), X_test)
    check.same("district_test", np.array([2, 2, 0, 0]), district_test)
    check.done()


def bias_variance_test(target):
    check = Checker("bias_variance")
    for (human, train, dev), (bias, variance, focus) in HUMAN_TRAIN_DEV.items():
        check.same(f"human {human}, train {train}, dev {dev} -> {bias}, {variance}, {focus}",
                   {"avoidable_bias": bias, "variance": variance, "focus": focus},
                   check.call(target, human, train, dev, case=f"{human}, {train}, {dev}"))
    check.done()

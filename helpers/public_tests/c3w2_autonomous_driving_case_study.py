"""Public tests of *Case study: a car that reads the road* (c3w2_autonomous_driving_case_study)."""
import numpy as np

from helpers.checks import Checker

__all__ = [
    "error_analysis_test",
    "label_noise_share_test",
    "expected_dev_mix_test",
    "split_with_target_test",
    "mismatch_gaps_test",
    "multitask_loss_test",
    "transfer_makes_sense_test",
    "GAP_TABLES",
    "dogs_example",
    "split_example",
    "multitask_example",
]

# (human, train, train_dev, dev[, test]) -> the four gaps and the largest, the lecture's tables
GAP_TABLES = {
    (0.0, 1.0, 9.0, 10.0): (1.0, 8.0, 1.0, None, "variance"),
    (0.0, 1.0, 1.5, 10.0): (1.0, 0.5, 8.5, None, "data_mismatch"),
    (0.0, 10.0, 11.0, 12.0): (10.0, 1.0, 1.0, None, "avoidable_bias"),
    (0.0, 10.0, 11.0, 20.0): (10.0, 1.0, 9.0, None, "avoidable_bias"),
    (4.0, 7.0, 10.0, 12.0, 12.0): (3.0, 3.0, 2.0, 0.0, "avoidable_bias"),
    (4.0, 7.0, 10.0, 6.0, 6.0): (3.0, 3.0, -4.0, 0.0, "avoidable_bias"),
    (1.0, 2.0, 3.0, 4.0, 9.0): (1.0, 1.0, 1.0, 5.0, "dev_overfitting"),
}


def dogs_example(n_dogs):
    """Tags of 100 misclassified images: n_dogs dogs, 20 blurry (the first 20)."""
    dog = np.zeros(100, dtype=bool)
    dog[-n_dogs:] = True
    blurry = np.arange(100) < 20
    return {"dog": dog, "blurry": blurry}


def split_example():
    """Three web columns and five target columns of two features."""
    return np.arange(6.0).reshape(2, 3), np.arange(100.0, 110.0).reshape(2, 5)


def multitask_example():
    """Predictions and labels of four tasks on four images, "?" as np.nan."""
    Y = np.array([[1, 1, np.nan, np.nan], [0, 1, np.nan, np.nan], [np.nan, np.nan, 0, 1], [np.nan, np.nan, 1, np.nan]])
    Y_hat = np.array([[0.9, 0.6, 0.5, 0.2], [0.2, 0.7, 0.4, 0.5], [0.3, 0.5, 0.1, 0.8], [0.6, 0.4, 0.7, 0.3]])
    return Y_hat, Y


def error_analysis_test(target):
    check = Checker("error_analysis")
    shares, ceilings = check.call(target, dogs_example(5), 10.0, case="5 dogs of 100, dev error 10 %")
    check.same("shares", {"dog": 0.05, "blurry": 0.2}, shares)
    check.same("5 dogs: at best 9.5 %", {"dog": 9.5, "blurry": 8.0}, ceilings)
    _, ceilings = check.call(target, dogs_example(50), 10.0, case="50 dogs of 100, dev error 10 %")
    check.same("50 dogs: at best 5 %", 5.0, ceilings["dog"])
    check.done()


def label_noise_share_test(target):
    check = Checker("label_noise_share")
    check.same("10 % error, 6 % of it labels: 0.6, 9.4, not first", (0.6, 9.4, False),
               check.call(target, 10.0, 0.06, case="10 %, 6 %"))
    check.same("2 % error, 30 % of it labels: 0.6, 1.4, fix first", (0.6, 1.4, True),
               check.call(target, 2.0, 0.3, case="2 %, 30 %"))
    check.done()


def expected_dev_mix_test(target):
    check = Checker("expected_dev_mix")
    check.same("200,000 web + 10,000 app, dev 2,500 -> 2,381 / 119", (2380.9523809523807, 119.04761904761905),
               check.call(target, 200_000, 10_000, 2_500, case="the lecture's numbers"))
    check.same("equal pools: half and half", (50.0, 50.0), check.call(target, 7, 7, 100, case="7 and 7"))
    check.done()


def split_with_target_test(target):
    check = Checker("split_with_target")
    web, app = split_example()
    out = check.call(target, web, app, 2, 1, random_state=1, case="3 web, 5 app, n_dev=2, n_test=1")
    check.true("returns (train, dev, test)", isinstance(out, tuple) and len(out) == 3, f"three arrays, got {out!r:.80}")
    train, dev, test = out
    check.same("dev: the first two shuffled app columns", np.array([[104.0, 100.0], [109.0, 105.0]]), dev)
    check.same("test: the next one", np.array([[101.0], [106.0]]), test)
    check.same("train: web, then the rest of app",
               np.array([[0.0, 1.0, 2.0, 102.0, 103.0], [3.0, 4.0, 5.0, 107.0, 108.0]]), train)
    check.done()


def mismatch_gaps_test(target):
    check = Checker("mismatch_gaps")
    for errors, (bias, variance, mismatch, overfitting, largest) in GAP_TABLES.items():
        expected = {"avoidable_bias": bias, "variance": variance, "data_mismatch": mismatch,
                    "dev_overfitting": overfitting, "largest": largest}
        check.same(" / ".join(f"{e:g}" for e in errors) + f" -> largest {largest}", expected,
                   check.call(target, *errors, case=" / ".join(f"{e:g}" for e in errors)))
    check.done()


def multitask_loss_test(target):
    check = Checker("multitask_loss")
    Y_hat, Y = multitask_example()
    check.same("8 labelled entries of 16, divided by m = 4", 0.4702959113968819,
               check.call(target, Y_hat, Y, case="the lecture's labels"))
    check.same("two tasks, no missing label: 2 log 2", 1.3862943611198906,
               check.call(target, np.full((2, 3), 0.5), np.array([[1.0, 0, 1], [0, 0, 1]]), case="Y_hat = 0.5"))
    check.done()


def transfer_makes_sense_test(target):
    check = Checker("transfer_makes_sense")
    check.same("1,000,000 photos -> 100 X-rays: yes", True, check.call(target, True, 1_000_000, 100, True, case="yes"))
    check.same("100 photos -> 100 X-rays: no", False, check.call(target, True, 100, 100, True, case="100 -> 100"))
    check.same("different inputs: no", False, check.call(target, False, 1_000_000, 100, True, case="other input"))
    check.same("nothing shared: no", False, check.call(target, True, 1_000_000, 100, False, case="no shared features"))
    check.done()

"""Bird alarms case study: hidden tests catch plausible bugs, accept other correct answers, and the
notebook prints the lecture's numbers (F1 92.4 / 91.0 %, C at 3.5 %, B within budgets, weighted
error preferring B, bias versus variance)."""
import re

import pytest

from tests.support import check_mutants_and_variants, graded_reference, printed_text

ASSIGNMENT = "c3w1_bird_recognition_case_study"

PRECISION_RECALL = '''
def precision_recall(y, y_pred):
    tp = np.sum((y == 1) & (y_pred == 1))
    fp = np.sum({fp})
    fn = np.sum({fn})
    return {out}
'''


def precision_recall(fp="(y == 0) & (y_pred == 1)", fn="(y == 1) & (y_pred == 0)",
                     out="float(tp / (tp + fp)), float(tp / (tp + fn))"):
    return PRECISION_RECALL.format(fp=fp, fn=fn, out=out)


BIAS_VARIANCE = '''
def bias_variance(human_error, train_error, dev_error):
    avoidable_bias = {bias}
    variance = {variance}
    if {unknown}:
        focus = "unknown"
    elif {bias_wins}:
        focus = "bias"
    else:
        focus = "variance"
    return {{"avoidable_bias": float(avoidable_bias), "variance": float(variance), "focus": focus}}
'''


def bias_variance(bias="train_error - human_error", variance="dev_error - train_error",
                  unknown="train_error < human_error", bias_wins="avoidable_bias >= variance"):
    return BIAS_VARIANCE.format(bias=bias, variance=variance, unknown=unknown, bias_wins=bias_wins)


SPLIT = '''
def split_dev_test(X, district, *, random_state):
    m = X.shape[1]
    {permutation}
    dev, test = permutation[:{half}], permutation[{half}:]
    return X[:, dev], district[dev], X[:, test], district[test]
'''


def split(permutation="permutation = np.random.default_rng(random_state).permutation(m)", half="m // 2"):
    return SPLIT.format(permutation=permutation, half=half)


MUTANTS = {
    "precision_recall": [
        precision_recall(out="float(tp / (tp + fn)), float(tp / (tp + fp))"),  # swapped
        precision_recall(fp="(y == 1) & (y_pred == 0)", fn="(y == 0) & (y_pred == 1)"),  # FP and FN confused
        precision_recall(out="float(tp / np.sum(y_pred == 1)), float(tp / len(y))"),  # recall over all images
        # the hard-coded lecture answer
        "def precision_recall(y, y_pred):\n    return 0.95, 0.9",
    ],
    "f1_score": [
        "def f1_score(precision, recall):\n    return (precision + recall) / 2",  # arithmetic mean
        "def f1_score(precision, recall):\n    return precision * recall / (precision + recall)",  # no 2
        "def f1_score(precision, recall):\n    return 2 / (precision + recall)",
        "def f1_score(precision, recall):\n    return float(np.sqrt(precision * recall))",  # geometric mean
    ],
    "pick_by_average": [
        # the highest average
        "def pick_by_average(errors):\n    a = {k: float(np.mean(v)) for k, v in errors.items()}\n"
        "    return max(a, key=a.get), a",
        # a tie goes to the last
        "def pick_by_average(errors):\n    a = {k: float(np.mean(v)) for k, v in errors.items()}\n"
        "    best = None\n    for k in a:\n        if best is None or a[k] <= a[best]:\n            best = k\n"
        "    return best, a",
        # the median, not the mean
        "def pick_by_average(errors):\n    a = {k: float(np.median(v)) for k, v in errors.items()}\n"
        "    return min(a, key=a.get), a",
        # the best single region
        "def pick_by_average(errors):\n    a = {k: float(np.mean(v)) for k, v in errors.items()}\n"
        "    return min(errors, key=lambda k: min(errors[k])), a",
        # sum over regions, not the average
        "def pick_by_average(errors):\n    a = {k: float(np.sum(v)) for k, v in errors.items()}\n"
        "    return min(a, key=a.get), a",
    ],
    "pick_classifier": [
        # ignores the thresholds
        "def pick_classifier(table, optimizing, satisficing):\n"
        "    return max(table, key=lambda k: table[k][optimizing])",
        # reads every operator as <=
        "def pick_classifier(table, optimizing, satisficing):\n"
        "    ok = [k for k, m in table.items() if all(m[s] <= t for s, (op, t) in satisficing.items())]\n"
        "    return max(ok, key=lambda k: table[k][optimizing]) if ok else None",
        # minimizes the optimizing metric
        "def pick_classifier(table, optimizing, satisficing):\n"
        "    ok = [k for k, m in table.items() if all(OPS[op](m[s], t) for s, (op, t) in satisficing.items())]\n"
        "    return min(ok, key=lambda k: table[k][optimizing]) if ok else None",
        # crashes when nothing qualifies
        "def pick_classifier(table, optimizing, satisficing):\n"
        "    ok = [k for k, m in table.items() if all(OPS[op](m[s], t) for s, (op, t) in satisficing.items())]\n"
        "    return max(ok, key=lambda k: table[k][optimizing])",
        # only the first threshold
        "def pick_classifier(table, optimizing, satisficing):\n"
        "    s, (op, t) = next(iter(satisficing.items()), (optimizing, ('>=', -1e9)))\n"
        "    ok = [k for k, m in table.items() if OPS[op](m[s], t)]\n"
        "    return max(ok, key=lambda k: table[k][optimizing]) if ok else None",
    ],
    "weighted_error": [
        "def weighted_error(y, y_pred, w):\n    return float(np.mean(w * (y != y_pred)))",  # divides by m
        "def weighted_error(y, y_pred, w):\n    return float(np.mean(y != y_pred))",  # ignores the weights
        "def weighted_error(y, y_pred, w):\n    return float(np.sum(w * (y != y_pred)) / np.sum(w[y != y_pred]))",
        "def weighted_error(y, y_pred, w):\n    return float(np.sum(w * (y == y_pred)) / np.sum(w))",  # accuracy
    ],
    "split_dev_test": [
        split(permutation="permutation = np.arange(m)"),  # by district: the lecture's mistake
        split(permutation="permutation = np.random.default_rng().permutation(m)"),  # ignores random_state
        split(half="(m + 1) // 2"),
        split(permutation="np.random.seed(random_state); permutation = np.random.permutation(m)"),
        # shuffles X and district separately
        "def split_dev_test(X, district, *, random_state):\n    m = X.shape[1]\n"
        "    rng = np.random.default_rng(random_state)\n    p, q = rng.permutation(m), rng.permutation(m)\n"
        "    return X[:, p[:m // 2]], district[q[:m // 2]], X[:, p[m // 2:]], district[q[m // 2:]]",
    ],
    "bias_variance": [
        bias_variance(bias="dev_error - human_error"),
        bias_variance(variance="dev_error - human_error"),
        bias_variance(unknown="False"),  # never unknown
        bias_variance(bias_wins="avoidable_bias > variance"),  # a tie goes to variance
        bias_variance(bias="abs(train_error - human_error)"),
        bias_variance(unknown="dev_error < human_error"),
    ],
}

VARIANTS = {
    "precision_recall": [
        precision_recall(),
        precision_recall(out="tp / (tp + fp), tp / (tp + fn)"),  # numpy scalars
        "def precision_recall(y, y_pred):\n    tp = fp = fn = 0\n    for a, b in zip(y, y_pred):\n"
        "        tp += bool(a and b)\n        fp += bool(b and not a)\n        fn += bool(a and not b)\n"
        "    return tp / (tp + fp), tp / (tp + fn)",
        "def precision_recall(y, y_pred):\n    y, y_pred = y.astype(bool), y_pred.astype(bool)\n"
        "    return float(np.mean(y[y_pred])), float(np.mean(y_pred[y]))",
    ],
    "f1_score": [
        "def f1_score(precision, recall):\n    return 2 / (1 / precision + 1 / recall)",
        "def f1_score(precision, recall):\n    from scipy.stats import hmean\n"
        "    return float(hmean([precision, recall]))",
    ],
    "pick_by_average": [
        "def pick_by_average(errors):\n    averages = {}\n    for k, v in errors.items():\n"
        "        averages[k] = sum(v) / len(v)\n    name = None\n    for k in averages:\n"
        "        if name is None or averages[k] < averages[name]:\n            name = k\n    return name, averages",
        "def pick_by_average(errors):\n    names = list(errors)\n"
        "    means = [float(np.mean(errors[k])) for k in names]\n"
        "    return names[int(np.argmin(means))], dict(zip(names, means))",
    ],
    "pick_classifier": [
        "def pick_classifier(table, optimizing, satisficing):\n    best = None\n"
        "    for name, metrics in table.items():\n        ok = True\n"
        "        for metric, (op, t) in satisficing.items():\n            v = metrics[metric]\n"
        "            ok = ok and {'<=': v <= t, '<': v < t, '>=': v >= t, '>': v > t}[op]\n"
        "        if ok and (best is None or metrics[optimizing] > table[best][optimizing]):\n"
        "            best = name\n    return best",
        "def pick_classifier(table, optimizing, satisficing):\n    import operator\n"
        "    ops = {'<=': operator.le, '<': operator.lt, '>=': operator.ge, '>': operator.gt}\n"
        "    ok = {k: m[optimizing] for k, m in table.items()\n"
        "          if all(ops[op](m[s], t) for s, (op, t) in satisficing.items())}\n"
        "    return max(ok, key=ok.get, default=None)",
    ],
    "weighted_error": [
        "def weighted_error(y, y_pred, w):\n    return float(np.average(y != y_pred, weights=w))",
        "def weighted_error(y, y_pred, w):\n    return float(w @ (y != y_pred) / w.sum())",
    ],
    "split_dev_test": [
        split(),
        split(permutation="permutation = np.arange(m); np.random.default_rng(random_state).shuffle(permutation)"),
        "def split_dev_test(X, district, *, random_state):\n    m = X.shape[1]\n"
        "    p = np.random.default_rng(random_state).permutation(m)\n    Xs, ds = X[:, p], district[p]\n"
        "    h = m // 2\n    return Xs[:, :h], ds[:h], Xs[:, h:], ds[h:]",
    ],
    "bias_variance": [
        bias_variance(),
        "def bias_variance(human_error, train_error, dev_error):\n"
        "    gaps = {'avoidable_bias': float(train_error - human_error), 'variance': float(dev_error - train_error)}\n"
        "    focus = 'unknown' if gaps['avoidable_bias'] < 0 else max(gaps, key=gaps.get).split('_')[-1]\n"
        "    return {**gaps, 'focus': focus}",
    ],
}


@pytest.mark.xdist_group(ASSIGNMENT)
def test_mutants_lose_points_and_variants_keep_them(tmp_path):
    """Do swapped formulas, ignored thresholds, unweighted errors, splits by district and wrong tie
    rules fail, and loops, numpy shortcuts and library calls pass?"""
    check_mutants_and_variants(ASSIGNMENT, MUTANTS, VARIANTS, tmp_path)


@pytest.mark.xdist_group(ASSIGNMENT)
def test_the_reference_notebook_teaches_the_lesson():
    """Does the notebook print F1 92.4 % / 91.0 %, pick C at 3.5 % with D at 5.5 %, pick D on speed
    alone but B with both budgets, let the weighted error prefer B, split districts evenly, and
    give the lecture's foci?"""
    _, graded = graded_reference(ASSIGNMENT)
    text = printed_text(graded)
    assert "detector A: precision 95.0 %, recall 90.0 %, F1 92.4 %" in text
    assert "detector B: precision 98.0 %, recall 85.0 %, F1 91.0 %" in text
    assert "'D': 5.5" in text and "pick C, with an average error of 3.50 %" in text
    assert "fastest enough: D" in text and "fast enough and quiet enough: B" in text
    weighted = dict(re.findall(r"detector (A|B): error [\d.]+ %, weighted error ([\d.]+) %", text))
    assert 8 <= float(weighted["A"]) <= 15 and 2 <= float(weighted["B"]) < float(weighted["A"]) / 2
    largest = float(re.search(r"dev and test shares is ([\d.]+) points", text)[1])
    assert largest < 4
    foci = re.findall(r"focus (bias|variance|unknown)", text)
    assert foci == ["bias", "variance", "bias", "variance", "bias", "unknown"], text

"""Regularization: hidden tests catch plausible bugs, accept other correct answers, and the notebook
still shows L2 and dropout closing the gap between training and test accuracy."""
import re

import pytest

from tests.support import check_mutants_and_variants, graded_reference, printed_text

ASSIGNMENT = "c2w1_regularization"

COST = '''
def compute_cost_with_regularization(A3, Y, parameters, lambd):
    m = Y.shape[1]
    W1, W2, W3 = parameters["W1"], parameters["W2"], parameters["W3"]
    return compute_cost(A3, Y) + {penalty}
'''
GOOD_PENALTY = "lambd / (2 * m) * (np.sum(np.square(W1)) + np.sum(np.square(W2)) + np.sum(np.square(W3)))"


def cost(penalty=GOOD_PENALTY):
    return COST.format(penalty=penalty)


BACKWARD_L2 = '''
def backward_propagation_with_regularization(X, Y, cache, lambd):
    m = X.shape[1]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache
    dZ3 = A3 - Y
    dW3 = np.dot(dZ3, A2.T) / m + {term3}
    db3 = np.sum(dZ3, axis=1, keepdims=True) / m
    dA2 = np.dot(W3.T, dZ3)
    dZ2 = dA2 * (A2 > 0)
    dW2 = np.dot(dZ2, A1.T) / m + {term2}
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m {extra}
    dA1 = np.dot(W2.T, dZ2)
    dZ1 = dA1 * (A1 > 0)
    dW1 = np.dot(dZ1, X.T) / m + {term1}
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return {{"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2, "dZ2": dZ2, "dW2": dW2, "db2": db2,
            "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}}
'''


def backward_l2(term="lambd / m * W{l}", extra="", **terms):
    filled = {f"term{l}": terms.get(f"term{l}", term.format(l=l)) for l in (1, 2, 3)}
    return BACKWARD_L2.format(extra=extra, **filled)


FORWARD_DROPOUT = '''
def forward_propagation_with_dropout(X, parameters, keep_prob=0.5):
    {seed}
    W1, b1, W2, b2, W3, b3 = (parameters[k] for k in ("W1", "b1", "W2", "b2", "W3", "b3"))
    Z1 = np.dot(W1, X) + b1
    A1 = relu(Z1)
    {layer1}
    Z2 = np.dot(W2, A1) + b2
    A2 = relu(Z2)
    {layer2}
    Z3 = np.dot(W3, A2) + b3
    A3 = sigmoid(Z3)
    return A3, {cache}
'''
LAYER = "D{l} = np.random.rand(A{l}.shape[0], A{l}.shape[1]) < keep_prob; A{l} = A{l} * D{l} / keep_prob"
GOOD_CACHE = "(Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)"


def forward_dropout(layer=LAYER, seed="np.random.seed(1)", cache=GOOD_CACHE):
    return FORWARD_DROPOUT.format(seed=seed, layer1=layer.format(l=1), layer2=layer.format(l=2), cache=cache)


BACKWARD_DROPOUT = '''
def backward_propagation_with_dropout(X, Y, cache, keep_prob):
    m = X.shape[1]
    (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3) = cache
    dZ3 = A3 - Y
    dW3 = np.dot(dZ3, A2.T) / m
    db3 = np.sum(dZ3, axis=1, keepdims=True) / m
    dA2 = np.dot(W3.T, dZ3)
    {mask2}
    dZ2 = dA2 * (A2 > 0)
    dW2 = np.dot(dZ2, A1.T) / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dA1 = np.dot(W2.T, dZ2)
    {mask1}
    dZ1 = dA1 * (A1 > 0)
    dW1 = np.dot(dZ1, X.T) / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return {{"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2, "dZ2": dZ2, "dW2": dW2, "db2": db2,
            "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}}
'''
MASK = "dA{l} = dA{l} * D{l} / keep_prob"


def backward_dropout(mask=MASK, mask1=None, mask2=None):
    return BACKWARD_DROPOUT.format(mask1=mask1 or mask.format(l=1), mask2=mask2 or mask.format(l=2))


MUTANTS = {
    "compute_cost_with_regularization": [
        cost("lambd / m * (np.sum(np.square(W1)) + np.sum(np.square(W2)) + np.sum(np.square(W3)))"),  # lost the 2
        cost("lambd / (2 * m) * (np.sum(np.square(W1)) + np.sum(np.square(W2)))"),  # forgot W3
        cost("lambd / (2 * m) * (np.linalg.norm(W1) + np.linalg.norm(W2) + np.linalg.norm(W3))"),  # not squared
        cost("lambd / (2 * m) * sum(np.sum(np.square(v)) for v in parameters.values())"),  # biases too
        cost("lambd / (2 * A3.shape[0]) * (np.sum(np.square(W1)) + np.sum(np.square(W2)) + np.sum(np.square(W3)))"),
        "def compute_cost_with_regularization(A3, Y, parameters, lambd):\n    return 1.7864859451590756",
        cost(GOOD_PENALTY.replace("(2 * m)", "(2 * 5)")),  # the example's m
    ],
    "backward_propagation_with_regularization": [
        backward_l2("lambd / (2 * m) * W{l}"),  # differentiated lambd / 2m * W^2 wrongly
        backward_l2("lambd * W{l}"),  # forgot 1/m
        backward_l2("- lambd / m * W{l}"),  # wrong sign
        backward_l2(term1="0"),  # forgot dW1
        backward_l2(extra="+ lambd / m * b2"),  # regularized a bias
        backward_l2("lambd / m * W{l}.T.T * 0.5"),
        backward_l2().replace("(A2 > 0)", "(Z2 >= 0)").replace("(A1 > 0)", "(Z1 >= 0)"),  # gradient 1 at Z = 0
    ],
    "forward_propagation_with_dropout": [
        forward_dropout("D{l} = np.random.rand(A{l}.shape[0], A{l}.shape[1]) < keep_prob; A{l} = A{l} * D{l}"),
        forward_dropout("D{l} = np.random.rand(A{l}.shape[0], A{l}.shape[1]) > keep_prob; "
                        "A{l} = A{l} * D{l} / keep_prob"),  # keeps with probability 1 - keep_prob
        forward_dropout(seed=""),  # no seed
        forward_dropout("D{l} = np.random.randn(A{l}.shape[0], A{l}.shape[1]) < keep_prob; "
                        "A{l} = A{l} * D{l} / keep_prob"),  # normal, not uniform
        forward_dropout("D{l} = np.random.rand(A{l}.shape[0], A{l}.shape[1]) < keep_prob; "
                        "A{l} = A{l} * D{l} * keep_prob"),
        forward_dropout(cache="(Z1, A1, D1, W1, b1, Z2, A2, D2, W2, b2, Z3, A3, W3, b3)"),  # cache layout
        forward_dropout("D{l} = np.random.rand(A{l}.shape[1], A{l}.shape[0]).T < keep_prob; "
                        "A{l} = A{l} * D{l} / keep_prob"),  # draws the mask transposed
        forward_dropout("D{l} = np.random.rand(A{l}.shape[0], 5) < keep_prob; A{l} = A{l} * D{l} / keep_prob"),
    ],
    "backward_propagation_with_dropout": [
        backward_dropout("dA{l} = dA{l} * D{l}"),  # forgot the scaling
        backward_dropout("dA{l} = dA{l} * D{l} * keep_prob"),
        backward_dropout(mask1="pass"),  # forgot layer 1
        backward_dropout(mask2="dA2 = dA2 / keep_prob"),  # forgot the mask of layer 2
        backward_dropout("dA{l} = dA{l} * (1 - D{l}) / keep_prob"),
        backward_dropout().replace("(A2 > 0)", "(Z2 >= 0)").replace("(A1 > 0)", "(Z1 >= 0)"),  # gradient 1 at Z = 0
    ],
}

VARIANTS = {
    "compute_cost_with_regularization": [
        cost(),
        cost("lambd * sum(np.sum(parameters['W' + str(l)] ** 2) for l in range(1, 4)) / (2 * m)"),
        cost("(np.linalg.norm(W1) ** 2 + np.linalg.norm(W2) ** 2 + np.linalg.norm(W3) ** 2) * lambd / 2 / m"),
        cost("0.5 * lambd / m * float(np.sum(W1 * W1) + (W2 ** 2).sum() + np.square(W3).sum())"),
    ],
    "backward_propagation_with_regularization": [
        backward_l2(),
        backward_l2("(lambd / m) * W{l}").replace("(A2 > 0)", "(Z2 > 0)").replace("(A1 > 0)", "(Z1 > 0)"),
        "def backward_propagation_with_regularization(X, Y, cache, lambd):\n"
        "    gradients = backward_propagation(X, Y, cache)\n    m = X.shape[1]\n"
        "    for l, W in ((1, cache[2]), (2, cache[6]), (3, cache[10])):\n"
        "        gradients['dW' + str(l)] = gradients['dW' + str(l)] + lambd * W / m\n    return gradients",
    ],
    "forward_propagation_with_dropout": [
        forward_dropout(),
        forward_dropout("D{l} = (np.random.rand(*A{l}.shape) < keep_prob).astype(int); A{l} = np.multiply(A{l}, D{l}); "
                        "A{l} /= keep_prob"),
        forward_dropout("D{l} = np.random.random_sample(A{l}.shape) < keep_prob; A{l} *= D{l}; A{l} /= keep_prob"),
        forward_dropout("D{l} = np.where(np.random.rand(A{l}.shape[0], A{l}.shape[1]) < keep_prob, 1.0, 0.0); "
                        "A{l} = A{l} * (D{l} / keep_prob)"),
    ],
    "backward_propagation_with_dropout": [
        backward_dropout(),
        backward_dropout("dA{l} = np.multiply(dA{l}, D{l}); dA{l} = dA{l} / keep_prob"),
        backward_dropout("dA{l} = np.where(D{l} == 1, dA{l}, 0) / keep_prob").replace("(A2 > 0)", "(Z2 > 0)"),
    ],
}


@pytest.mark.xdist_group(ASSIGNMENT)
def test_mutants_lose_points_and_variants_keep_them(tmp_path):
    """Do a lost 2 in lambda / 2m, a forgotten weight matrix, unscaled or inverted masks, a missing seed,
    a wrong cache layout, a ReLU gradient of 1 at Z = 0, hard-coded answers and sizes fail, and other correct
    formulations pass?"""
    check_mutants_and_variants(ASSIGNMENT, MUTANTS, VARIANTS, tmp_path)


def _table(text):
    """{model: (train %, test %, gap, sum of W^2)} from the notebook's summary table."""
    rows = re.findall(r"^(no regularization|L2, λ = 0\.7|dropout, keep_prob = 0\.86)\s+([\d.]+) %\s+([\d.]+) %"
                      r"\s+(-?[\d.]+)\s+([\d.]+)$", text, re.MULTILINE)
    return {name: tuple(float(value) for value in values) for name, *values in rows}


@pytest.mark.xdist_group(ASSIGNMENT)
def test_the_reference_notebook_shows_regularization_closing_the_gap():
    """Does the unregularized network overfit (train well above test) while L2 (lambda = 0.7) and dropout
    (keep_prob = 0.86) trade a little training accuracy for a clearly better test accuracy?"""
    _, graded = graded_reference(ASSIGNMENT)
    text = printed_text(graded)
    table = _table(text)
    assert len(table) == 3, text
    train, test, gap, squares = table["no regularization"]
    assert train >= 96 and 85 <= test <= 93 and gap >= 5
    for name in ("L2, λ = 0.7", "dropout, keep_prob = 0.86"):
        train_r, test_r, gap_r, squares_r = table[name]
        assert 92 <= train_r < train, name
        assert test_r >= test + 2.5, name
        assert abs(gap_r) <= 3, name
        assert squares_r < squares / 2, name  # both keep the weights small
    assert table["L2, λ = 0.7"][3] < table["dropout, keep_prob = 0.86"][3]

"""Deep network application: hidden tests catch plausible bugs, accept other correct answers, and the
notebook still shows that depth helps on images — and the claim it makes about week 2's smaller set holds."""
import re

import numpy as np
import pytest

from tests.support import check_mutants_and_variants, graded_reference, printed_text

ASSIGNMENT = "c1w4_deep_neural_network_application"

TWO_LAYER = '''
def two_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    {seed}
    costs = []
    n_x, n_h, n_y = layers_dims
    parameters = {init}
    for i in range(num_iterations):
        A1, cache1 = linear_activation_forward(X, parameters["W1"], parameters["b1"], "{first}")
        A2, cache2 = linear_activation_forward(A1, parameters["W2"], parameters["b2"], "{second}")
        cost = compute_cost(A2, Y)
        dA2 = -(np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))
        dA1, dW2, db2 = linear_activation_backward(dA2, {cache}, "{second}")
        dA0, dW1, db1 = linear_activation_backward(dA1, cache1, "{first}")
        parameters = update_parameters(parameters, {{"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}}, {rate})
        if {record}:
            costs.append(cost)
    return parameters, costs
'''


def two_layer(seed="np.random.seed(1)", init="initialize_parameters(n_x, n_h, n_y)", first="relu", second="sigmoid",
              cache="cache2", rate="learning_rate", record="i % 100 == 0"):
    return TWO_LAYER.format(seed=seed, init=init, first=first, second=second, cache=cache, rate=rate, record=record)


L_LAYER = '''
def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    {seed}
    costs = []
    parameters = {init}
    for i in range(num_iterations):
        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        {update}
        if {record}:
            costs.append({cost})
    return parameters, costs
'''


def l_layer(seed="np.random.seed(1)", init="initialize_parameters_deep(layers_dims)",
            update="parameters = update_parameters(parameters, grads, learning_rate)", record="i % 100 == 0",
            cost="cost"):
    return L_LAYER.format(seed=seed, init=init, update=update, record=record, cost=cost)


SMALL_INIT = ("{f'{k}{l}': (np.random.randn(layers_dims[l], layers_dims[l - 1]) * 0.01 if k == 'W' "
              "else np.zeros((layers_dims[l], 1))) for l in range(1, len(layers_dims)) for k in 'Wb'}")

MUTANTS = {
    "two_layer_model": [two_layer(seed="pass"),  # forgot the seed
                        two_layer(init="initialize_parameters_deep(layers_dims)"),  # the deep initializer
                        two_layer(first="sigmoid"),  # a sigmoid hidden layer
                        two_layer(cache="cache1"),  # layer 2 backward with layer 1's cache
                        two_layer(rate="0.0075"),  # ignores learning_rate
                        two_layer(record="True"),  # a cost for every iteration
                        two_layer(record="i % 100 == 99"),  # recorded at the wrong iterations
                        two_layer(init="initialize_parameters(n_x, 7, n_y)"),  # the notebook's 7 hidden units
                        two_layer().replace("costs.append(cost)", "costs.append(float(cost))")],  # floats
    "L_layer_model": [l_layer(seed="pass"),
                      l_layer(seed="np.random.seed(3)"),  # the step-by-step seed
                      l_layer(init=SMALL_INIT),  # the step-by-step initializer, * 0.01
                      l_layer(update="update_parameters(parameters, grads, learning_rate)"),  # result thrown away
                      l_layer(update="parameters = update_parameters(parameters, grads, 0.0075)"),
                      l_layer(record="True"),
                      l_layer(record="i % 100 == 0 and i > 0"),  # misses the first cost
                      l_layer(init="initialize_parameters_deep([784, 20, 7, 5, 1])"),  # the notebook's network
                      l_layer(cost="float(cost)")],  # floats, not the original's 0-d arrays
}

VARIANTS = {
    "two_layer_model": [two_layer(),
                        two_layer(seed="np.random.seed(1); grads = {}", record="not i % 100")],
    "L_layer_model": [l_layer(),
                      l_layer(cost="np.squeeze(cost)", record="i % 100 < 1"),
                      "def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, "
                      "print_cost=False):\n    np.random.seed(1)\n    parameters, costs = "
                      "initialize_parameters_deep(layers_dims), []\n    i = 0\n    while i < num_iterations:\n"
                      "        AL, caches = L_model_forward(X, parameters)\n"
                      "        if i % 100 == 0:\n            costs.append(compute_cost(AL, Y))\n"
                      "        parameters = update_parameters(parameters, L_model_backward(AL, Y, caches), "
                      "learning_rate=learning_rate)\n        i += 1\n    return parameters, costs"],
}


@pytest.mark.xdist_group(ASSIGNMENT)
def test_mutants_lose_points_and_variants_keep_them(tmp_path):
    """Do a forgotten seed, the wrong initializer, swapped activations, an ignored learning rate, hard-coded
    sizes, costs recorded at the wrong iterations or as floats fail, and other loops pass?"""
    check_mutants_and_variants(ASSIGNMENT, MUTANTS, VARIANTS, tmp_path)


def comparison_table(text):
    """{model: (train %, test %)} from the notebook's results table."""
    rows = re.findall(r"^(logistic regression|2-layer network|4-layer network) \[[\d, ]+\]"
                      r"\s+([\d.]+) %\s+([\d.]+) %$", text, re.MULTILINE)
    return {name: (float(train), float(test)) for name, train, test in rows}


@pytest.mark.xdist_group(ASSIGNMENT)
def test_the_reference_notebook_shows_that_depth_helps_on_images():
    """On 2000 test digits, does the 4-layer network clearly beat both logistic regression and the 2-layer
    network (the original: 80 % against 70 % and 72 %)?"""
    _, graded = graded_reference(ASSIGNMENT)
    table = comparison_table(printed_text(graded))
    assert set(table) == {"logistic regression", "2-layer network", "4-layer network"}, table
    (_, logistic), (_, two), (train_4, four) = (table[k] for k in ("logistic regression", "2-layer network",
                                                                   "4-layer network"))
    assert 83 <= logistic <= 91 and 83 <= two <= 91, table
    assert 88 <= four <= 95, table
    assert four >= logistic + 2.5 and four >= two + 2.5, table
    assert train_4 >= four, table  # it has started to overfit, as the notebook says


def _train_small_set():
    """The notebook's three models trained on week 2's 250 / 150 split: {name: (train %, test %)}."""
    from autograder.reference import reference_namespace
    from helpers.images import load_parity_dataset

    reference = reference_namespace(ASSIGNMENT)
    train_x_orig, train_y, test_x_orig, test_y, _ = load_parity_dataset()
    train_x = train_x_orig.reshape(train_x_orig.shape[0], -1).T / 255
    test_x = test_x_orig.reshape(test_x_orig.shape[0], -1).T / 255
    models = {"logistic regression": reference["L_layer_model"](train_x, train_y, [784, 1], num_iterations=2500)[0],
              "2-layer network": reference["two_layer_model"](train_x, train_y, (784, 7, 1), num_iterations=2500)[0],
              "4-layer network": reference["L_layer_model"](train_x, train_y, [784, 20, 7, 5, 1],
                                                            num_iterations=3000)[0]}
    predict = reference["predict"]
    return {name: (np.mean(predict(train_x, train_y, p, print_accuracy=False) == train_y) * 100,
                   np.mean(predict(test_x, test_y, p, print_accuracy=False) == test_y) * 100)
            for name, p in models.items()}


@pytest.mark.xdist_group(ASSIGNMENT)
def test_the_notebooks_claim_about_the_smaller_week_2_set_holds():
    """With week 2's 250 training digits, does depth indeed bring no clear test gain while the 4-layer network
    learns its training set by heart, as the notebook states (81 %, 79 %, 81 %; train 99 %)?"""
    table = _train_small_set()
    logistic, two, four = (table[k][1] for k in ("logistic regression", "2-layer network", "4-layer network"))
    assert abs(logistic - 81) <= 1 and abs(two - 79) <= 1 and abs(four - 81) <= 1, table
    assert four < logistic + 1.5, table
    assert table["4-layer network"][0] >= 98, table

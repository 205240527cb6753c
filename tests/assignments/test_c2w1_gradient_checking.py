"""Gradient checking: hidden tests catch plausible bugs, accept other correct answers, and the notebook
still shows the check flagging the planted bugs and passing the fixed backward pass."""
import re

import pytest

from tests.support import check_mutants_and_variants, graded_reference, printed_text

ASSIGNMENT = "c2w1_gradient_checking"

CHECK_1D = '''
def gradient_check(x, theta, epsilon=1e-7, print_msg=False):
    J_plus = forward_propagation(x, theta + epsilon)
    J_minus = forward_propagation(x, theta - epsilon)
    gradapprox = {approx}
    grad = backward_propagation(x, theta)
    return {difference}
'''
GOOD_APPROX = "(J_plus - J_minus) / (2 * epsilon)"
GOOD_DIFFERENCE = "np.linalg.norm(grad - gradapprox) / (np.linalg.norm(grad) + np.linalg.norm(gradapprox))"


def check_1d(approx=GOOD_APPROX, difference=GOOD_DIFFERENCE):
    return CHECK_1D.format(approx=approx, difference=difference)


CHECK_N = '''
def gradient_check_n(parameters, gradients, X, Y, epsilon=1e-7, print_msg=False):
    parameters_values, _ = dictionary_to_vector(parameters)
    grad = gradients_to_vector(gradients)
    n = parameters_values.shape[0]
    gradapprox = np.zeros((n, 1))
    for i in range(n):
        {plus}
        J_plus, _ = forward_propagation_n(X, Y, vector_to_dictionary(theta_plus))
        {minus}
        J_minus, _ = forward_propagation_n(X, Y, vector_to_dictionary(theta_minus))
        gradapprox[i] = {approx}
    return {difference}
'''
GOOD_PLUS = "theta_plus = np.copy(parameters_values); theta_plus[i] = theta_plus[i] + epsilon"
GOOD_MINUS = "theta_minus = np.copy(parameters_values); theta_minus[i] = theta_minus[i] - epsilon"


def check_n(plus=GOOD_PLUS, minus=GOOD_MINUS, approx=GOOD_APPROX, difference=GOOD_DIFFERENCE):
    return CHECK_N.format(plus=plus, minus=minus, approx=approx, difference=difference)


ONE_SIDED_N = check_n(minus="theta_minus = np.copy(parameters_values)", approx="(J_plus - J_minus) / epsilon")

MUTANTS = {
    "forward_propagation": ["def forward_propagation(x, theta):\n    return theta + x",
                            "def forward_propagation(x, theta):\n    return theta ** x",
                            "def forward_propagation(x, theta):\n    return 12",
                            "def forward_propagation(x, theta):\n    return np.array([[theta * x]])"],  # an array
    "backward_propagation": ["def backward_propagation(x, theta):\n    return theta",
                             "def backward_propagation(x, theta):\n    return x * theta",
                             "def backward_propagation(x, theta):\n    return 3",
                             # J / theta: undefined at theta = 0
                             "def backward_propagation(x, theta):\n    return forward_propagation(x, theta) / theta"],
    "gradient_check": [
        check_1d(approx="(J_plus - J_minus) / epsilon"),  # forgot the 2
        check_1d(approx="(J_plus - forward_propagation(x, theta)) / epsilon"),  # one-sided
        check_1d(difference="np.linalg.norm(grad - gradapprox) / np.linalg.norm(grad)"),
        check_1d(difference="np.linalg.norm(grad - gradapprox) ** 2 / (np.linalg.norm(grad) ** 2 + "
                            "np.linalg.norm(gradapprox) ** 2)"),
        check_1d(difference="np.linalg.norm(grad - gradapprox)"),  # absolute, not relative
        "def gradient_check(x, theta, epsilon=1e-7, print_msg=False):\n    return 7.814075313343006e-11",
        check_1d(difference="np.abs([grad - gradapprox]) / (abs(grad) + abs(gradapprox))"),  # an array
    ],
    "gradient_check_n": [
        ONE_SIDED_N,
        check_n(approx="(J_plus - J_minus) / epsilon"),
        check_n(plus="theta_plus = parameters_values; theta_plus[i] = theta_plus[i] + epsilon",
                minus="theta_minus = parameters_values; theta_minus[i] = theta_minus[i] - epsilon"),
        # (no copies: the second nudge undoes the first, so J_minus is taken at theta, not theta - epsilon)
        check_n(plus="theta_plus = parameters_values + epsilon", minus="theta_minus = parameters_values - epsilon"),
        check_n(difference="np.linalg.norm(grad - gradapprox) / np.linalg.norm(grad)"),
        check_n(plus="theta_plus = np.copy(parameters_values); theta_plus[i] = theta_plus[i] + epsilon / 2",
                minus="theta_minus = np.copy(parameters_values); theta_minus[i] = theta_minus[i] - epsilon / 2"),
        "def gradient_check_n(parameters, gradients, X, Y, epsilon=1e-7, print_msg=False):\n"
        "    return 0.31149738145696704",
        check_n(difference="np.linalg.norm(grad - gradapprox)"),  # absolute, not relative
        check_n(difference="np.linalg.norm(grad - gradapprox, axis=0) / (np.linalg.norm(grad, axis=0) "
                           "+ np.linalg.norm(gradapprox, axis=0))"),  # an array of shape (1,), not a number
    ],
}

VARIANTS = {
    "forward_propagation": ["def forward_propagation(x, theta):\n    return np.dot(theta, x)",
                            "def forward_propagation(x, theta):\n    J = x * theta\n    return J"],
    "backward_propagation": ["def backward_propagation(x, theta):\n    return x",
                             "def backward_propagation(x, theta):\n    dtheta = np.multiply(1, x)\n    return dtheta"],
    "gradient_check": [
        check_1d(),
        check_1d(approx="(J_plus - J_minus) / epsilon / 2",
                 difference="abs(grad - gradapprox) / (abs(grad) + abs(gradapprox))"),
        check_1d(approx="0.5 * (J_plus - J_minus) / epsilon",
                 difference="np.sqrt((grad - gradapprox) ** 2) / (np.sqrt(grad ** 2) + np.sqrt(gradapprox ** 2))"),
    ],
    "gradient_check_n": [
        check_n(),
        check_n(plus="e = np.zeros_like(parameters_values); e[i] = epsilon; theta_plus = parameters_values + e",
                minus="theta_minus = parameters_values - e", approx="(J_plus - J_minus) / 2 / epsilon",
                difference="np.sqrt(np.sum((grad - gradapprox) ** 2)) / (np.sqrt(np.sum(grad ** 2)) "
                           "+ np.sqrt(np.sum(gradapprox ** 2)))"),
        # nudging in place and restoring
        "def gradient_check_n(parameters, gradients, X, Y, epsilon=1e-7, print_msg=False):\n"
        "    theta, _ = dictionary_to_vector(parameters)\n    grad = gradients_to_vector(gradients)\n"
        "    gradapprox = np.zeros_like(theta)\n    for i in range(len(theta)):\n        old = theta[i, 0]\n"
        "        theta[i, 0] = old + epsilon\n        J_plus = forward_propagation_n(X, Y, vector_to_dictionary(theta))[0]\n"
        "        theta[i, 0] = old - epsilon\n        J_minus = forward_propagation_n(X, Y, vector_to_dictionary(theta))[0]\n"
        "        theta[i, 0] = old\n        gradapprox[i, 0] = (J_plus - J_minus) / (2 * epsilon)\n"
        "    difference = np.linalg.norm(grad - gradapprox) / (np.linalg.norm(grad) + np.linalg.norm(gradapprox))\n"
        "    if print_msg:\n        print('difference =', difference)\n    return difference",
    ],
}


@pytest.mark.xdist_group(ASSIGNMENT)
def test_mutants_lose_points_and_variants_keep_them(tmp_path):
    """Do one-sided differences, a forgotten 2 epsilon, non-relative differences, nudges without copies,
    arrays for numbers, a derivative undefined at theta = 0 and hard-coded answers fail, and other correct
    formulations (in-place nudges, abs) pass?"""
    check_mutants_and_variants(ASSIGNMENT, MUTANTS, VARIANTS, tmp_path)


@pytest.mark.xdist_group(ASSIGNMENT)
def test_the_reference_notebook_flags_the_bugs_and_passes_the_fix():
    """Does the 1-D check give about 7.8e-11, the check of the buggy backward pass a difference above 1e-2
    and of the fixed one below 2e-7, and is epsilon = 1e-4 better than both 1e-1 and 1e-10?"""
    _, graded = graded_reference(ASSIGNMENT)
    text = printed_text(graded)
    assert float(re.search(r"gradient_check\(3, 4\) = (\S+)", text)[1]) == pytest.approx(7.81e-11, rel=1e-2)
    buggy = float(re.search(r"with the bugs: difference = (\S+)", text)[1])
    fixed = float(re.search(r"after the fix: difference = (\S+)", text)[1])
    assert 1e-2 < buggy < 1 and 1e-9 < fixed < 2e-7
    assert "The backward pass has a mistake" in text and "The backward pass is correct" in text
    sweep = {float(e): float(d) for e, d in re.findall(r"epsilon = (\S+): difference = (\S+)", text)}
    assert sweep[1e-4] < sweep[1e-7] < 2e-7
    assert sweep[1e-4] < 1e-3 * min(sweep[1e-1], sweep[1e-10])

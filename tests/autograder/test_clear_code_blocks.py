"""The preprocessor that turns reference code into the learner's stubs."""
import pytest

from autograder.preprocessors.clear_code_blocks import ClearCodeBlocks

CELL = '''\
# GRADED FUNCTION: optimize
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009):
    costs = []
    for i in range(num_iterations):
        ### START CODE HERE ### (≈ 1 line of code)
        grads, cost = propagate(w, b, X, Y)
        ### END CODE HERE ###
        dw = grads["dw"]
        ### START CODE HERE ### (≈ 2 lines of code)
        w = w - learning_rate * dw
        params["b"] = (b -
                       learning_rate * grads["db"])
        for j in range(3):
            x = 1
        print("not kept")
        ### END CODE HERE ###
    return w
'''


def test_assignments_become_none_and_everything_else_is_kept():
    """Are targets stubbed with None (one per tuple item), other lines dropped, markers and hints kept?"""
    cleared = ClearCodeBlocks().clear_cell(CELL)
    assert cleared.splitlines() == [
        "# GRADED FUNCTION: optimize",
        "def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009):",
        "    costs = []",
        "    for i in range(num_iterations):",
        "        ### START CODE HERE ### (≈ 1 line of code)",
        "        grads, cost = None, None",
        "        ### END CODE HERE ###",
        '        dw = grads["dw"]',
        "        ### START CODE HERE ### (≈ 2 lines of code)",
        "        w = None",
        '        params["b"] = None',
        "        ### END CODE HERE ###",
        "    return w",
    ]


def test_a_region_without_assignments_gets_a_comment():
    """Does a region holding only calls become '# YOUR CODE HERE' at the region's indentation?"""
    cell = "def f(x):\n    ### START CODE HERE ###\n    print(x)\n    ### END CODE HERE ###\n    return x\n"
    assert "    # YOUR CODE HERE\n" in ClearCodeBlocks().clear_cell(cell)


@pytest.mark.parametrize("cell, problem", [
    ("def f():\n    ### START CODE HERE ###\n    x = 1\n    return x\n", "without an END"),
    ("def f():\n    x = 1\n    ### END CODE HERE ###\n", "without a START"),
    ("def f():\n    ### START CODE HERE ###\n    ### START CODE HERE ###\n", "inside another"),
    ("def f():\n    return 1\n", "has no"),
    ("def f():\n    for i in range(2):\n        ### START CODE HERE ###\n        print(i)\n"
     "        ### END CODE HERE ###\n", "not valid Python"),
])
def test_broken_markers_stop_the_release_with_a_clear_message(cell, problem):
    """Do unbalanced markers, a graded cell without a region, or a stub that does not compile raise?"""
    with pytest.raises(ValueError, match=problem):
        ClearCodeBlocks().clear_cell(cell, "f")


def test_tuple_targets_with_subscripts_keep_their_brackets():
    """Does `grads["dA" + str(l)], grads["db"] = ...` become a valid stub with one None per target?"""
    cell = ('def f(grads, l):\n    ### START CODE HERE ###\n    grads["dA" + str(l)], grads["db"] = 1, 2\n'
            '    (a, b) = 3, 4\n    ### END CODE HERE ###\n    return grads\n')
    cleared = ClearCodeBlocks().clear_cell(cell)
    assert '    grads["dA" + str(l)], grads["db"] = None, None\n' in cleared
    assert "    a, b = None, None\n" in cleared

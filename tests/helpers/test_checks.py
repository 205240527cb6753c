"""helpers.checks: the comparisons and messages shared by public and hidden tests."""
import numpy as np
import pytest

from helpers.checks import Checker, CheckFailure, describe_difference, rel_error


@pytest.mark.parametrize("expected, got, message", [
    (np.zeros((4, 3)), np.zeros((3, 4)), "shape (4, 3) expected, got (3, 4)"),
    (np.zeros(3), None, "ndarray of shape (3,) and dtype float64 expected, got None"),
    (np.zeros(2), np.zeros(2, dtype=bool), "floating-point values expected (dtype float64), got dtype bool"),
    (np.array([1.0, 2.0]), np.array([1.0, 2.1]), "values differ at 1 of 2 positions, first at (1,)"),
    ({"dw": 1.0, "db": 2.0}, {"dw": 1.0}, "keys ['db', 'dw'] expected, got ['dw']"),
    ({"dw": np.ones(2)}, {"dw": np.ones(3)}, 'output["dw"]: shape (2,) expected, got (3,)'),
    ((1.0, [2.0]), (1.0, (2.0,)), "output[1]: list expected, got tuple of length 1"),
    ([1.0, 2.0], [1.0], "list of length 2 expected, got length 1"),
    (0.0, 0, "a float expected, got int 0"),
    (0.5, "0.5", "a number like 0.5 expected, got str"),
    (0.5, 0.6, "0.5 expected, got 0.6"),
])
def test_differences_are_described_in_one_sentence(expected, got, message):
    """Does each kind of mismatch produce a sentence naming where it is and what differs?"""
    assert message in describe_difference(expected, got)


@pytest.mark.parametrize("expected, got", [
    (np.array([1.0, 2.0]), np.array([1.0, 2.0 + 1e-9])),
    (0.25, np.float64(0.25)),
    (0.25, np.array(0.25)),
    (np.array(0.25), 0.25),
    ({"a": [1.0, np.ones((2, 1))]}, {"a": [1.0, np.ones((2, 1))]}),
    (np.zeros(2), np.zeros(2, dtype=np.float32)),
    ("relu", "relu"),
])
def test_equal_values_in_equivalent_types_match(expected, got):
    """Are tiny float differences, numpy scalars, 0-d arrays and float32 accepted as equal?"""
    assert describe_difference(expected, got) is None


def test_dtype_check_can_be_relaxed():
    """With check_dtype=False, do 0/1 booleans match 0./1. floats?"""
    assert describe_difference(np.array([[1.0, 0.0]]), np.array([[True, False]]), check_dtype=False) is None


def test_rel_error_is_symmetric_and_zero_for_equal_arrays():
    """Is rel_error 0 for equal arrays and about 2 for opposite ones?"""
    x = np.array([1.0, -2.0])
    assert rel_error(x, x) == 0 and rel_error(x, -x) == pytest.approx(1.0)


def test_checker_prints_a_table_and_a_green_verdict(capsys):
    """Does a passing public test print one line per check and 'All tests passed.'?"""
    check = Checker("double")
    out = check.call(lambda x: 2 * x, np.ones(2), case="ones")
    check.same("values", np.full(2, 2.0), out)
    check.true("positive", (out > 0).all(), "positive values")
    check.done()
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3 and "values" in lines[0] and "All tests passed." in lines[2]


def test_checker_failure_names_function_check_expected_and_got():
    """Does a failure raise CheckFailure naming the function, the check, what was expected and what came back?"""
    check = Checker("relu")
    with pytest.raises(CheckFailure, match=r"^relu: values: output: shape \(4, 3\) expected, got \(3, 4\)$"):
        check.same("values", np.zeros((4, 3)), np.zeros((3, 4)))


def test_checker_reports_a_crash_and_a_mutated_input_without_a_traceback():
    """Does a learner's exception or in-place edit become a one-line CheckFailure rendered in red?"""
    def unfinished(x):
        return None + x

    def in_place(x):
        x += 1
        return x

    with pytest.raises(CheckFailure, match="raised TypeError.*START CODE HERE") as crash:
        Checker("f").call(unfinished, 1, case="x = 1")
    with pytest.raises(CheckFailure, match="changed its input"):
        Checker("g").call(in_place, np.zeros(2), case="zeros")
    rendered = crash.value._render_traceback_()
    assert len(rendered) == 1 and "\x1b[31m" in rendered[0] and "Traceback" not in rendered[0]


def test_a_learner_warning_is_silenced():
    """Does a warning raised by the learner's code stay out of stderr (stderr zeroes a grade cell)?"""
    import warnings

    def noisy(x):
        warnings.warn("careful")
        return np.log(x - x)

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        Checker("h").call(noisy, np.ones(1), case="ones")


@pytest.fixture(scope="module")
def tf():
    import tensorflow

    return tensorflow


def test_tensors_and_variables_are_compared_by_value(tf):
    """Do equal TensorFlow tensors, variables, and dicts or tuples of them match, within the tolerance?"""
    assert describe_difference(tf.constant([1.0, 2.0]), tf.constant([1.0, 2.0 + 1e-7])) is None
    assert describe_difference(tf.constant(0.5), tf.constant(0.5)) is None
    assert describe_difference({"W1": tf.Variable([[1.0]])}, {"W1": tf.Variable([[1.0]])}) is None
    assert describe_difference((tf.constant(1.0), [tf.Variable(2.0)]), (tf.constant(1.0), [tf.Variable(2.0)])) is None


@pytest.mark.parametrize("expected, got, message", [
    (lambda tf: tf.constant([1.0, 2.0]), lambda tf: tf.constant([1.0, 2.5]),
     "values differ at 1 of 2 positions, first at (1,)"),
    (lambda tf: tf.constant(np.zeros(6, np.float32)), lambda tf: tf.constant(np.zeros((6, 1), np.float32)),
     "shape (6,) expected, got (6, 1)"),
    (lambda tf: tf.constant(0.5), lambda tf: tf.constant(0.5, dtype=tf.float64),
     "dtype float32 expected, got tf.Tensor of shape () and dtype float64"),
    (lambda tf: tf.Variable([[1.0]]), lambda tf: tf.constant([[1.0]]),
     "tf.Variable expected, got tf.Tensor of shape (1, 1) and dtype float32"),
    (lambda tf: tf.constant([1.0, 2.0]), lambda tf: np.array([1.0, 2.0], np.float32),
     "tf.Tensor of shape (2,) and dtype float32 expected, got ndarray of shape (2,) and dtype float32"),
    (lambda tf: {"b1": tf.Variable(np.zeros((2, 1), np.float32))}, lambda tf: {"b1": None},
     'output["b1"]: tf.Variable of shape (2, 1) and dtype float32 expected, got None'),
    (lambda tf: np.zeros(2), lambda tf: tf.constant(np.zeros(2)),
     "ndarray of shape (2,) and dtype float64 expected, got tf.Tensor of shape (2,) and dtype float64"),
])
def test_tensor_differences_are_described_in_one_sentence(tf, expected, got, message):
    """Does each kind of TensorFlow mismatch (values, shape, dtype, variable vs tensor, tensor vs numpy)
    produce a sentence saying what differs?"""
    assert message in describe_difference(expected(tf), got(tf))


def test_tensor_dtype_check_can_be_relaxed(tf):
    """With check_dtype=False, does a float64 tensor match a float32 one of the same values?"""
    assert describe_difference(tf.constant([1.0]), tf.constant([1.0], dtype=tf.float64), check_dtype=False) is None


def test_a_changed_variable_counts_as_a_mutated_input(tf):
    """Does Checker.call report a function that assigns to the tf.Variable it was given?"""
    def in_place(v):
        v.assign_add(tf.ones_like(v))
        return v

    with pytest.raises(CheckFailure, match="changed its input"):
        Checker("f").call(in_place, tf.Variable([1.0, 2.0]), case="a variable")

"""One verdict everywhere: `grade`, `grade-class` and nbgrader's autograde judge a submission alike."""
import nbformat
import pytest

from autograder.assignments import get_assignment
from autograder.classroom import grade_class
from autograder.sandbox.process import Limits
from tests.support import autograde_notebook, fill, grade_notebook, scores

TENSORFLOW = "c2w3_tensorflow_introduction"
STEP_BY_STEP = "c1w4_deep_neural_network_step_by_step"

NUMPY_LINEAR = """
def linear_function():
    np.random.seed(1)
    X = tf.constant(np.random.randn(3, 1))
    W = tf.constant(np.random.randn(4, 3))
    b = tf.constant(np.random.randn(4, 1))
    return (W @ X + b).numpy()
"""
FLOAT64_SIGMOID = "def sigmoid(z):\n    return tf.math.sigmoid(tf.cast(z, tf.float64))"


@pytest.mark.xdist_group(TENSORFLOW)
def test_types_and_exact_dtypes_survive_the_sandbox(tmp_path):
    """An ndarray where a tf.Tensor is due, and float64 where float32 is due: does each lose its point under
    `grade`, `grade-class` and nbgrader alike, with a message naming what was expected?"""
    notebook = fill(TENSORFLOW, {"linear_function": NUMPY_LINEAR, "sigmoid": FLOAT64_SIGMOID})
    pipeline = grade_notebook(notebook, TENSORFLOW, tmp_path)
    nbgrader, _ = autograde_notebook(notebook, TENSORFLOW, tmp_path, "nbgrader.ipynb")
    folder = tmp_path / "class"
    folder.mkdir()
    nbformat.write(notebook, folder / "ann.ipynb")
    (entry,) = grade_class(folder, get_assignment(TENSORFLOW), workers=1, state_path=tmp_path / "journal.jsonl",
                           db_url=f"sqlite:///{tmp_path / 'gradebook.db'}", progress=False,
                           limits=Limits(total_seconds=300))
    assert scores(pipeline) == scores(nbgrader) == scores(entry["result"])
    failed = {t["function"]: t["message"] for t in pipeline["tests"] if not t["passed"]}
    assert set(failed) == {"linear_function", "sigmoid"} and pipeline["score"] == 6
    assert "tf.Tensor of shape (4, 1) and dtype float64 expected, got ndarray" in failed["linear_function"]
    assert "dtype float32 expected" in failed["sigmoid"]


@pytest.mark.xdist_group(STEP_BY_STEP)
def test_graded_functions_imported_from_helpers_earn_nothing(tmp_path):
    """A submission whose graded cells only import the course's own helpers: 0 on both paths, saying why?"""
    functions = get_assignment(STEP_BY_STEP).graded_functions
    notebook = fill(STEP_BY_STEP, {name: "from helpers.deep_network import *\nfrom helpers.activations import *"
                                   for name in functions})
    pipeline = grade_notebook(notebook, STEP_BY_STEP, tmp_path)
    nbgrader, _ = autograde_notebook(notebook, STEP_BY_STEP, tmp_path, "nbgrader.ipynb")
    assert scores(pipeline) == scores(nbgrader)
    imported = [t for t in pipeline["tests"] if "defined outside the notebook" in t["message"]]
    assert len(imported) >= 9 and pipeline["score"] == 0


CONVOLUTION = "c4w1_convolution_model_step_by_step"
WRONG_ZERO_PAD = ("def zero_pad(X, pad):\n"
                  "    return np.pad(X, ((0, 0), (pad, pad), (pad, pad), (0, 0)), mode='constant', constant_values=1)")


@pytest.mark.xdist_group(CONVOLUTION)
def test_a_bug_costs_only_the_function_that_has_it(tmp_path):
    """A wrong zero_pad, which conv_forward and conv_backward call: does only zero_pad lose points, on both
    paths, with the callers' messages saying they ran with the reference zero_pad?"""
    notebook = fill(CONVOLUTION, {"zero_pad": WRONG_ZERO_PAD})
    pipeline = grade_notebook(notebook, CONVOLUTION, tmp_path)
    nbgrader, _ = autograde_notebook(notebook, CONVOLUTION, tmp_path, "nbgrader.ipynb")
    assert scores(pipeline) == scores(nbgrader)
    assert [t["function"] for t in pipeline["tests"] if not t["passed"]] == ["zero_pad"]
    messages = {t["function"]: t["message"] for t in pipeline["tests"]}
    assert "it ran with the reference conv_single_step, zero_pad," in messages["conv_forward"]
    assert "it ran with the reference" not in messages["zero_pad"]


@pytest.mark.xdist_group(CONVOLUTION)
def test_the_same_submission_gets_the_same_verdict_every_time(tmp_path, monkeypatch):
    """Graded twice, does a wrong answer get the same score and the same message, down to the values that
    differ; and does a new term draw other inputs?"""
    import autograder.hidden as hidden

    notebook = fill(CONVOLUTION, {"zero_pad": WRONG_ZERO_PAD})
    first, second = (grade_notebook(notebook, CONVOLUTION, tmp_path, f"{n}.ipynb") for n in "ab")
    assert first["tests"] == second["tests"]
    seeds = hidden.test_seed(CONVOLUTION, "zero_pad")
    monkeypatch.setattr(hidden, "grading_term", lambda: "another term")
    assert hidden.test_seed(CONVOLUTION, "zero_pad") != seeds

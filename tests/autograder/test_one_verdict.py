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
    notebook = fill(STEP_BY_STEP, {name: f"from helpers.deep_network import *\nfrom helpers.activations import *"
                                   for name in functions})
    pipeline = grade_notebook(notebook, STEP_BY_STEP, tmp_path)
    nbgrader, _ = autograde_notebook(notebook, STEP_BY_STEP, tmp_path, "nbgrader.ipynb")
    assert scores(pipeline) == scores(nbgrader)
    imported = [t for t in pipeline["tests"] if "defined outside the notebook" in t["message"]]
    assert len(imported) >= 9 and pipeline["score"] == 0

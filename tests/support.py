"""Tools the tests share: building student notebooks and grading them through both real paths."""
import copy
import functools
import os
import re
import warnings
from unittest import mock

import nbformat

from autograder.assignments import REPO_ROOT, get_assignment
from autograder.course import KERNEL_ENV
from autograder.grading import grade
from autograder.nbgrader_path import autograde
from autograder.reference import reference_namespace

__all__ = ["autograde_notebook", "graded_cells", "fill", "grade_notebook", "graded_reference", "executed_reference",
           "printed_text", "errors", "stderr_cells", "namespace_with", "scores"]


def graded_cells(notebook):
    """Map graded function name -> its cell, in a source or student notebook."""
    cells = {}
    for cell in notebook.cells:
        match = re.match(r"# GRADED FUNCTION: (\w+)", cell.source) if cell.cell_type == "code" else None
        if match:
            cells[match[1]] = cell
    return cells


def student_notebook(assignment_id):
    """The released student notebook, as committed."""
    return nbformat.read(REPO_ROOT / get_assignment(assignment_id).student_notebook, as_version=4)


def fill(assignment_id, answers=None):
    """The released notebook with graded cells replaced: the reference code, then ``answers``.

    ``answers`` maps a function name to the full source of its cell (the learner's answer).
    """
    source = nbformat.read(get_assignment(assignment_id).source_notebook, as_version=4)
    notebook = copy.deepcopy(student_notebook(assignment_id))
    reference = graded_cells(source)
    for name, cell in graded_cells(notebook).items():
        cell.source = reference[name].source
    for name, code in (answers or {}).items():
        graded_cells(notebook)[name].source = f"# GRADED FUNCTION: {name}\n{code.strip()}\n"
    return notebook


def autograde_notebook(notebook, assignment_id, tmp_path, name="submission.ipynb"):
    """Write ``notebook`` to ``tmp_path`` and grade it with nbgrader's autograde; return (result, graded)."""
    path = tmp_path / name
    nbformat.write(notebook, path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return autograde(path, get_assignment(assignment_id))


def grade_notebook(notebook, assignment_id, tmp_path, name="submission.ipynb"):
    """Write ``notebook`` to ``tmp_path`` and grade it with the sandboxed pipeline; return the result."""
    path = tmp_path / name
    nbformat.write(notebook, path)
    return grade(path, get_assignment(assignment_id))


def scores(result):
    """Each graded function's score in a result object."""
    return {test["function"]: test["score"] for test in result["tests"]}


@functools.cache
def graded_reference(assignment_id):
    """The source notebook autograded by nbgrader once per test process: (result, graded notebook)."""
    import tempfile
    from pathlib import Path

    source = nbformat.read(get_assignment(assignment_id).source_notebook, as_version=4)
    return autograde_notebook(source, assignment_id, Path(tempfile.mkdtemp()))


@functools.cache
def executed_reference(assignment_id, extra_cell=None):
    """The source notebook run top to bottom once per test process, outside grading, as a learner runs it
    (inline figures) but quiet and on one thread like a grading kernel, with ``extra_cell`` (code) appended
    when given: (everything it printed, the executed notebook). No cell may raise."""
    from helpers.export import execute

    assignment = get_assignment(assignment_id)
    notebook = nbformat.read(assignment.source_notebook, as_version=4)
    if extra_cell is not None:
        notebook.cells.append(nbformat.v4.new_code_cell(extra_cell))
    with mock.patch.dict(os.environ, {name: value for name, value in KERNEL_ENV.items() if name != "MPLBACKEND"}):
        execute(notebook, cwd=assignment.source_notebook.parent, kernel_name="python3")
    assert not errors(notebook), errors(notebook)
    return printed_text(notebook), notebook


def stderr_cells(notebook):
    """The first line of every code cell that wrote to stderr (TensorFlow's log lines, warnings)."""
    return [cell.source.splitlines()[0] for cell in notebook.cells if cell.cell_type == "code"
            for output in cell.get("outputs", []) if output.output_type == "stream" and output.name == "stderr"]


def printed_text(notebook):
    """Everything the notebook's cells printed to stdout, as one string."""
    return "".join(o.get("text", "") for c in notebook.cells if c.cell_type == "code"
                   for o in c.get("outputs", []) if o.output_type == "stream" and o.name == "stdout")


def errors(notebook):
    """(cell id, error name, message) for every cell that raised."""
    return [(c.get("id"), o.ename, o.evalue) for c in notebook.cells if c.cell_type == "code"
            for o in c.get("outputs", []) if o.output_type == "error"]


def namespace_with(assignment_id, answers):
    """A copy of the reference namespace in which ``answers`` (function name -> code) replace functions."""
    namespace = dict(reference_namespace(assignment_id))
    for code in answers.values():
        exec(compile(code, "<answer>", "exec"), namespace)
    return namespace


def hidden_verdict(assignment_id, function, code):
    """Run the hidden test of ``function`` with ``code`` in place of the reference; None if it passes,
    else the failure message."""
    from autograder.hidden import HiddenTestFailure, run_hidden_test

    try:
        run_hidden_test(assignment_id, function, namespace_with(assignment_id, {function: code}))
    except HiddenTestFailure as failure:
        return str(failure)
    return None


def check_mutants_and_variants(assignment_id, mutants, variants, tmp_path):
    """Each mutant fails its hidden test and each variant passes, in process, through nbgrader and
    through the sandboxed pipeline, and the two grading paths give the same score to every test.

    In process every answer is tried alone; through each grading path one notebook holds the first
    mutant of every function and another holds the first variant of every function (the reference
    elsewhere): that one must get full marks with no failing cell on both paths.
    """
    for function, answers in mutants.items():
        for code in answers:
            assert hidden_verdict(assignment_id, function, code), f"mutant of {function} passed:\n{code}"
    for function, answers in variants.items():
        for code in answers:
            assert hidden_verdict(assignment_id, function, code) is None, f"variant of {function} failed:\n{code}"
    for kind, answers in (("mutants", mutants), ("variants", variants)):
        notebook = fill(assignment_id, {f: a[0] for f, a in answers.items()})
        result, graded = autograde_notebook(notebook, assignment_id, tmp_path, f"{kind}.ipynb")
        sandboxed = grade_notebook(notebook, assignment_id, tmp_path, f"{kind}-sandboxed.ipynb")
        assert scores(sandboxed) == scores(result), (sandboxed["tests"], result["tests"])
        if kind == "variants":
            assert result["score"] == result["max_score"] == sandboxed["score"], result["tests"]
            assert errors(graded) == [] and not sandboxed.get("skipped_cells"), \
                (errors(graded), sandboxed.get("skipped_cells"))
        else:
            assert set(answers) <= {t["function"] for t in result["tests"] if not t["passed"]}, result["tests"]

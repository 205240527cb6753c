"""The grading pipeline: one submission, its code sandboxed, every verdict reached here.

``python -m autograder grade`` runs it for one notebook and ``grade-class`` for each notebook of a
class. The submission's cells run in a sandbox (locked cells restored from the source, grade cells
never run). Each hidden test then calls the learner's functions through the sandbox and compares
their outputs, after the wire, with the reference *here*, so nothing the submission does to numpy,
to comparison functions, to test helpers or to its own output can change a verdict. A cell or a
call that crashes, hangs or exhausts memory costs only what depends on it.
"""
import sys
from pathlib import Path

import nbformat

import helpers
from autograder.hidden import StudentError, hidden_tests, run_tests
from autograder.results import read_submission, result_from
from autograder.sandbox.client import Session
from autograder.sandbox.process import Limits, Sandbox

__all__ = ["cells_to_run", "grade"]


def cells_to_run(submission, source):
    """The submission's code cells, with locked cells taken from the source and grade cells left out."""
    def meta(cell):
        return cell.metadata.get("nbgrader", {})

    locked = {meta(c)["grade_id"]: c.source for c in source.cells
              if c.cell_type == "code" and meta(c).get("locked") and not meta(c).get("grade")}
    graded_ids = {meta(c)["grade_id"] for c in source.cells if meta(c).get("grade")}
    present = {meta(c).get("grade_id") for c in submission.cells}
    cells = [code for grade_id, code in locked.items() if grade_id not in present]
    for cell in submission.cells:
        if cell.cell_type != "code" or not isinstance(cell.get("source"), str):
            continue
        grade_id = meta(cell).get("grade_id")
        if meta(cell).get("grade") or grade_id in graded_ids:
            continue
        cells.append(locked.get(grade_id, cell.source))
    return cells


def _hidden_from_sandbox(path):
    """The submission's own folder: other files there (other students' work) stay out of sight."""
    folder = Path(path).resolve().parent
    needed = [Path(p).resolve() for p in (sys.prefix, sys.base_prefix, helpers.__file__, __file__)]
    return () if any(folder == p or folder in p.parents for p in needed) else (str(folder),)


def grade(path, assignment, limits=Limits()):
    """Grade the notebook at ``path``; return the result object of ``grade --json``.

    The result has ``skipped_cells`` when cells were skipped (they timed out or ended the
    process) and ``error`` when the notebook as a whole ran out of time.
    """
    submission = read_submission(path)
    source = nbformat.read(assignment.source_notebook, as_version=4)
    tests = hidden_tests(assignment.id)
    limits = Limits(**{**limits.__dict__, "hidden_paths": tuple(limits.hidden_paths) + _hidden_from_sandbox(path)})
    error = None
    with Sandbox(limits) as sandbox:
        session = Session(sandbox, cells_to_run(submission, source), limits)
        try:
            sandbox.start()
            session.run_cells()
            problems = {name: session.problem(name) for name in tests}
        except StudentError as timeout:
            error = str(timeout)
            problems = {name: error for name in tests}
        outcomes = run_tests(assignment.id, session.call, problems)
    result = result_from(assignment, source, outcomes)
    if session.skipped:
        result["skipped_cells"] = [f"cell {index + 1}: {why}" for index, why in sorted(session.skipped.items())]
    if error:
        result["error"] = error
    return result

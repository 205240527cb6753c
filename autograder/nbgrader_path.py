"""Grade one submission with nbgrader's own ``autograde``, the hidden tests running in its kernel.

This is the path of instructors who run nbgrader's commands in ``autograder/`` themselves. Its
verdicts are those of the sandboxed pipeline (:mod:`autograder.grading`): the grade cells call
:func:`autograder.hidden.run_hidden_test`, which compares outputs after the same wire. It is not
for untrusted work (the student's code shares the kernel with the tests), and a kernel that dies
drops the whole submission, as nbgrader does.
"""
import re

import nbformat

from autograder.course import TemporaryCourse
from autograder.results import grade_cells, read_submission, result_from

__all__ = ["autograde"]

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _message(cell):
    """What a grade cell's outputs say: the failure, or the last line printed."""
    if cell is None:
        return "the grade cell is missing from the graded notebook"
    for output in cell.get("outputs", []):
        if output.output_type == "error":
            text = output.evalue if output.ename.endswith("Failure") else f"{output.ename}: {output.evalue}"
            return ANSI.sub("", text).strip()
    printed = "".join(o.get("text", "") for o in cell.get("outputs", []) if o.output_type == "stream")
    lines = ANSI.sub("", printed).strip().splitlines()
    return lines[-1] if lines else "not run"


def autograde(path, assignment):
    """Grade the notebook at ``path`` against ``assignment`` with nbgrader's autograde.

    Returns ``(result, graded_notebook)``: ``result`` is the object ``grade --json`` prints; the
    graded notebook is ``None`` when nbgrader could not run the submission.
    """
    read_submission(path)
    source = nbformat.read(assignment.source_notebook, as_version=4)
    with TemporaryCourse(assignment) as course:
        grades, graded, log = course.autograde(path)
    if graded is None:
        result = result_from(assignment, source, {})
        result["error"] = _failure_reason(log)
        for test in result["tests"]:
            test["message"] = f"{test['function']}: not graded: {result['error']}"
        return result, None
    graded_cells = {c.metadata.nbgrader["grade_id"]: c for c in grade_cells(graded)}
    outcomes = {}
    for grade_id, (score, max_score) in grades.items():
        if grade_id.startswith("test_"):
            outcomes[grade_id.removeprefix("test_")] = (bool(score is not None and score >= max_score),
                                                        _message(graded_cells.get(grade_id)))
    return result_from(assignment, source, outcomes), graded


def _failure_reason(log):
    """One line from nbgrader's log saying why a submission was dropped."""
    for pattern in (r"(Kernel died[^\n]*)", r"(DeadKernelError[^\n]*)", r"(CellTimeoutError[^\n]*)",
                    r"(RuntimeError: [^\n]*)", r"\[ERROR\] ([^\n]+)"):
        found = re.search(pattern, log)
        if found:
            return found[1].strip()
    return "nbgrader could not run the notebook to the end"

"""Grade one submission through nbgrader's autograde path."""
import re

import nbformat

from autograder.course import TemporaryCourse

__all__ = ["NotANotebook", "grade", "read_submission", "result_from"]

ANSI = re.compile(r"\x1b\[[0-9;]*m")


class NotANotebook(ValueError):
    """The submission cannot be read as a Jupyter notebook."""


def _grade_cells(notebook):
    return [cell for cell in notebook.cells if cell.metadata.get("nbgrader", {}).get("grade")]


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


def read_submission(path):
    """Read a submitted notebook, or raise :class:`NotANotebook` with a one-line reason."""
    try:
        notebook = nbformat.read(path, as_version=4)
    except FileNotFoundError:
        raise NotANotebook(f"{path}: no such file") from None
    except IsADirectoryError:
        raise NotANotebook(f"{path}: is a folder, not a notebook") from None
    except Exception as error:
        raise NotANotebook(f"{path}: not a Jupyter notebook ({type(error).__name__})") from None
    if not isinstance(notebook.get("cells"), list):
        raise NotANotebook(f"{path}: not a Jupyter notebook (no cells)")
    return notebook


def result_from(assignment, source, outcomes):
    """The result object of ``grade --json``: ``outcomes`` maps a graded function to ``(passed, message)``.

    Points and the maximum come from the source notebook's grade cells, never from the submission.
    """
    tests = []
    for cell in _grade_cells(source):
        grade_id, points = cell.metadata.nbgrader["grade_id"], float(cell.metadata.nbgrader["points"])
        function = grade_id.removeprefix("test_")
        passed, message = outcomes.get(function, (False, f"{function}: not graded"))
        tests.append({"name": grade_id, "function": function, "score": points if passed else 0.0,
                      "max_score": points, "passed": passed, "message": message})
    return {"assignment": assignment.id, "score": sum(t["score"] for t in tests),
            "max_score": sum(t["max_score"] for t in tests), "tests": tests}


def grade(path, assignment):
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
    graded_cells = {c.metadata.nbgrader["grade_id"]: c for c in _grade_cells(graded)}
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

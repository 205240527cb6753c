"""Grade one submission through nbgrader's autograde path."""
import re

import nbformat

from autograder.course import TemporaryCourse

__all__ = ["NotANotebook", "grade", "read_submission"]

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


def grade(path, assignment):
    """Grade the notebook at ``path`` against ``assignment``.

    Returns ``(result, graded_notebook)``: ``result`` is the object ``grade --json`` prints (the
    maximum score always comes from the source notebook, whatever the submission claims); the
    graded notebook is ``None`` when nbgrader could not run the submission.
    """
    read_submission(path)
    source = nbformat.read(assignment.source_notebook, as_version=4)
    with TemporaryCourse(assignment) as course:
        grades, graded, log = course.autograde(path)
    graded_cells = {c.metadata.nbgrader["grade_id"]: c for c in _grade_cells(graded)} if graded else {}
    tests = []
    for cell in _grade_cells(source):
        grade_id, points = cell.metadata.nbgrader["grade_id"], cell.metadata.nbgrader["points"]
        score = float(grades.get(grade_id, (0.0, points))[0] or 0.0) if grades else 0.0
        tests.append({
            "name": grade_id,
            "function": grade_id.removeprefix("test_"),
            "score": score,
            "max_score": float(points),
            "passed": score >= points,
            "message": _message(graded_cells.get(grade_id)) if graded else "the notebook could not be graded",
        })
    result = {
        "assignment": assignment.id,
        "score": sum(t["score"] for t in tests),
        "max_score": float(sum(c.metadata.nbgrader["points"] for c in _grade_cells(source))),
        "tests": tests,
    }
    if graded is None:
        result["error"] = _failure_reason(log)
    return result, graded


def _failure_reason(log):
    """One line from nbgrader's log saying why a submission was dropped."""
    for pattern in (r"(Kernel died[^\n]*)", r"(DeadKernelError[^\n]*)", r"(CellTimeoutError[^\n]*)",
                    r"(RuntimeError: [^\n]*)", r"\[ERROR\] ([^\n]+)"):
        found = re.search(pattern, log)
        if found:
            return found[1].strip()
    return "nbgrader could not run the notebook to the end"

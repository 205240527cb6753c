"""What a grading produces: the result object of ``grade --json``, one schema for every path."""
import nbformat

__all__ = ["NotANotebook", "grade_cells", "read_submission", "result_from"]


class NotANotebook(ValueError):
    """The submission cannot be read as a Jupyter notebook."""


def grade_cells(notebook):
    return [cell for cell in notebook.cells if cell.metadata.get("nbgrader", {}).get("grade")]


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
    Functions missing from ``outcomes`` fail as "not graded".
    """
    tests = []
    for cell in grade_cells(source):
        grade_id, points = cell.metadata.nbgrader["grade_id"], float(cell.metadata.nbgrader["points"])
        function = grade_id.removeprefix("test_")
        passed, message = outcomes.get(function, (False, f"{function}: not graded"))
        tests.append({"name": grade_id, "function": function, "score": points if passed else 0.0,
                      "max_score": points, "passed": passed, "message": message})
    return {"assignment": assignment.id, "score": sum(t["score"] for t in tests),
            "max_score": sum(t["max_score"] for t in tests), "tests": tests}

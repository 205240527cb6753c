"""Build an assignment's nbgrader source notebook from its ``py:percent`` text source.

The text source is plain Python with ``# %%`` cell separators. nbgrader metadata is derived
from markers, never typed by hand:

* the first code cell (the imports) becomes a locked cell;
* a cell whose first line is ``# GRADED FUNCTION: name`` becomes the solution cell ``name``;
* a cell holding only ``# HIDDEN TESTS: name`` becomes the grade cell ``test_name``: it runs
  the hidden test registered for ``name`` in ``autograder.hidden_tests.<id>`` and is worth
  the points declared there.
"""
import re

import jupytext
import nbformat

from autograder.assignments import GRADED_FUNCTION
from autograder.hidden import hidden_tests

__all__ = ["build_source_notebook", "KERNELSPEC", "BuildError"]

KERNELSPEC = {"name": "dls-course", "display_name": "Python 3 (Deep Learning course)", "language": "python"}
HIDDEN_TESTS = re.compile(r"^# HIDDEN TESTS: (\w+)\s*$")
GRADE_CELL = """\
# Hidden tests for {function}() run here when your notebook is graded.
### BEGIN HIDDEN TESTS
from autograder.hidden import run_hidden_test
run_hidden_test("{assignment_id}", "{function}", globals())
### END HIDDEN TESTS"""


class BuildError(ValueError):
    """The text source breaks a convention; the message names the cell."""


def _nbgrader(grade_id, *, grade=False, solution=False, locked=False, points=None):
    meta = {"grade": grade, "grade_id": grade_id, "locked": locked, "schema_version": 3,
            "solution": solution, "task": False}
    if points is not None:
        meta["points"] = points
    return meta


def build_source_notebook(assignment):
    """Return the nbgrader source notebook of ``assignment`` as a ``NotebookNode``."""
    text = assignment.text_source.read_text(encoding="utf-8")
    tests = hidden_tests(assignment.id)
    parsed = jupytext.reads(text, fmt="py:percent")
    cells, graded, tested = [], [], []
    for index, cell in enumerate(parsed.cells):
        source = cell.source.strip("\n")
        first_line = source.splitlines()[0] if source else ""
        if cell.cell_type == "markdown":
            new = nbformat.v4.new_markdown_cell(source)
        elif (graded_match := GRADED_FUNCTION.match(first_line)):
            name = graded_match[1]
            if name in graded:
                raise BuildError(f"{assignment.id}: two cells grade {name}")
            graded.append(name)
            new = nbformat.v4.new_code_cell(source, metadata={"nbgrader": _nbgrader(name, solution=True)})
        elif (hidden_match := HIDDEN_TESTS.match(source)):
            name = hidden_match[1]
            if name not in graded:
                raise BuildError(f"{assignment.id}: hidden tests for {name} come before its graded cell")
            if name not in tests:
                raise BuildError(f"{assignment.id}: no hidden test is registered for {name}")
            tested.append(name)
            grade_cell = GRADE_CELL.format(function=name, assignment_id=assignment.id)
            new = nbformat.v4.new_code_cell(grade_cell, metadata={
                "nbgrader": _nbgrader(f"test_{name}", grade=True, locked=True, points=tests[name].points)})
        elif not any(c.cell_type == "code" for c in cells):
            new = nbformat.v4.new_code_cell(source, metadata={"nbgrader": _nbgrader("imports", locked=True)})
        else:
            new = nbformat.v4.new_code_cell(source)
        new.id = new.metadata.get("nbgrader", {}).get("grade_id", f"cell-{index:03d}")
        cells.append(new)
    if sorted(graded) != sorted(tested) or sorted(graded) != sorted(tests):
        raise BuildError(f"{assignment.id}: graded functions {graded}, hidden-test cells {tested} and "
                         f"registered hidden tests {sorted(tests)} must name the same functions")
    notebook = nbformat.v4.new_notebook(cells=cells, metadata={
        "kernelspec": KERNELSPEC, "language_info": {"name": "python"}})
    nbformat.validate(notebook)
    return notebook

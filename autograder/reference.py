"""The reference solution of an assignment, loaded from its source notebook."""
import functools

import nbformat

from autograder.assignments import GRADED_FUNCTION, get_assignment

__all__ = ["reference_namespace", "reference_sources"]


def _code_cells(assignment_id):
    notebook = nbformat.read(get_assignment(assignment_id).source_notebook, as_version=4)
    return [cell.source for cell in notebook.cells if cell.cell_type == "code"]


@functools.cache
def reference_sources(assignment_id):
    """The reference code of each graded function of ``assignment_id``: its cell's source, in order."""
    return {match[1]: source for source in _code_cells(assignment_id) if (match := GRADED_FUNCTION.match(source))}


@functools.cache
def reference_namespace(assignment_id):
    """Namespace holding the reference graded functions of ``assignment_id``.

    It runs the source notebook's import cell and its graded-function cells, in order, so a
    reference function calls the other reference functions (``model`` calls ``optimize``).
    """
    namespace = {"__name__": f"reference_{assignment_id}"}
    for source in _code_cells(assignment_id)[:1] + list(reference_sources(assignment_id).values()):
        exec(compile(source, f"<reference {assignment_id}>", "exec"), namespace)
    return namespace

"""The reference solution of an assignment, loaded from its source notebook."""
import functools

import nbformat

from autograder.assignments import GRADED_FUNCTION, get_assignment

__all__ = ["reference_namespace"]


@functools.cache
def reference_namespace(assignment_id):
    """Namespace holding the reference graded functions of ``assignment_id``.

    It runs the source notebook's import cell and its graded-function cells, in order, so a
    reference function calls the other reference functions (``model`` calls ``optimize``).
    """
    notebook = nbformat.read(get_assignment(assignment_id).source_notebook, as_version=4)
    namespace = {"__name__": f"reference_{assignment_id}"}
    code_cells = [cell for cell in notebook.cells if cell.cell_type == "code"]
    for cell in code_cells[:1] + [c for c in code_cells if GRADED_FUNCTION.match(c.source.splitlines()[0])]:
        exec(compile(cell.source, f"<reference {assignment_id}>", "exec"), namespace)
    return namespace

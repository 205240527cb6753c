"""Generate the student notebooks from the sources, and check that the committed ones match."""
import nbformat

from autograder.assignments import REPO_ROOT, all_assignments
from autograder.build import build_source_notebook
from autograder.course import TemporaryCourse

__all__ = ["LeakError", "check", "release", "render", "student_notebook"]

NOTEBOOK_METADATA = ("kernelspec", "language_info")
CELL_METADATA = ("nbgrader", "deletable", "editable", "tags")
# Text that only instructor material may contain.
INSTRUCTOR_ONLY = ("BEGIN HIDDEN TESTS", "run_hidden_test", "autograder.")


class LeakError(RuntimeError):
    """A generated student notebook contains instructor material."""


def render(notebook):
    """The committed text of a notebook: whitelisted metadata, no outputs, sorted keys."""
    notebook.metadata = {k: v for k, v in notebook.metadata.items() if k in NOTEBOOK_METADATA}
    for cell in notebook.cells:
        cell.metadata = {k: v for k, v in cell.metadata.items() if k in CELL_METADATA}
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    return nbformat.writes(notebook) + "\n"


def student_notebook(assignment, source_notebook):
    """The released notebook of ``assignment``, made by nbgrader's generate_assignment."""
    with TemporaryCourse(assignment, source_notebook) as course:
        text = render(course.generate())
    leaked = [marker for marker in INSTRUCTOR_ONLY if marker in text]
    if leaked:
        raise LeakError(f"the student notebook of {assignment.id} contains {leaked}: check nbgrader_config.py")
    return text


def _outputs(assignments):
    """Pairs of (path, expected text) for every generated file."""
    for assignment in assignments:
        source = build_source_notebook(assignment)
        yield assignment.source_notebook, render(source)
        yield REPO_ROOT / assignment.student_notebook, student_notebook(assignment, source)


def release(assignments=None):
    """Regenerate the source and student notebooks; return the paths written."""
    written = []
    for path, text in _outputs(assignments or all_assignments()):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def check(assignments=None):
    """Paths whose committed content differs from what ``release`` would write."""
    return [path for path, text in _outputs(assignments or all_assignments())
            if not path.exists() or path.read_text(encoding="utf-8") != text]

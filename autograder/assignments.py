"""The course's assignments, discovered from their text sources in ``autograder/source/``.

One assignment id names everything: ``c1w2_logistic_regression`` is the text source
``source/c1w2_logistic_regression.py``, the nbgrader source notebook
``source/c1w2_logistic_regression/c1w2_logistic_regression.ipynb``, the hidden-test module
``autograder.hidden_tests.c1w2_logistic_regression``, the public-test module
``helpers.public_tests.c1w2_logistic_regression``, the test suite
``tests/assignments/test_c1w2_logistic_regression.py`` and the released student notebook
``course1/week2/logistic_regression.ipynb``. The helper modules a notebook uses (its data, plots
and widgets) are the ones its text source imports.
"""
import json
import re
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Assignment", "COURSE_DIR", "REPO_ROOT", "all_assignments", "get_assignment", "UnknownAssignment"]

COURSE_DIR = Path(__file__).resolve().parent
REPO_ROOT = COURSE_DIR.parent
SOURCE_DIR = COURSE_DIR / "source"
ID_PATTERN = re.compile(r"^c(?P<course>[1-5])w(?P<week>[1-9])_(?P<name>[a-z0-9_]+)$")
GRADED_FUNCTION = re.compile(r"^# GRADED FUNCTION: (\w+)\s*$", re.MULTILINE)
HELPER_IMPORT = re.compile(r"^\s*(?:from|import) (helpers(?:\.\w+)+)", re.MULTILINE)


class UnknownAssignment(KeyError):
    """No assignment has this id."""

    def __str__(self):
        known = ", ".join(a.id for a in all_assignments())
        return f"unknown assignment {self.args[0]!r}; known: {known}"


@dataclass(frozen=True)
class Assignment:
    """One assignment and the paths derived from its id."""

    id: str

    @property
    def course(self):
        return int(ID_PATTERN.match(self.id)["course"])

    @property
    def week(self):
        return int(ID_PATTERN.match(self.id)["week"])

    @property
    def text_source(self):
        return SOURCE_DIR / f"{self.id}.py"

    @property
    def source_notebook(self):
        return SOURCE_DIR / self.id / f"{self.id}.ipynb"

    @property
    def student_notebook(self):
        """Path of the released notebook, relative to the repository root."""
        return Path(f"course{self.course}/week{self.week}/{ID_PATTERN.match(self.id)['name']}.ipynb")

    @property
    def public_tests(self):
        return REPO_ROOT / "helpers" / "public_tests" / f"{self.id}.py"

    @property
    def hidden_tests(self):
        return COURSE_DIR / "hidden_tests" / f"{self.id}.py"

    @property
    def test_suite(self):
        return REPO_ROOT / "tests" / "assignments" / f"test_{self.id}.py"

    @property
    def helper_modules(self):
        """The ``helpers`` modules the notebook imports (public tests included), in order."""
        return list(dict.fromkeys(HELPER_IMPORT.findall(self.text_source.read_text(encoding="utf-8"))))

    @property
    def title(self):
        heading = re.search(r"^# # (.+)$", self.text_source.read_text(encoding="utf-8"), re.MULTILINE)
        return heading[1].strip() if heading else self.id

    @property
    def graded_functions(self):
        return GRADED_FUNCTION.findall(self.text_source.read_text(encoding="utf-8"))

    @property
    def max_score(self):
        """Total points of the grade cells of the source notebook."""
        notebook = json.loads(self.source_notebook.read_text(encoding="utf-8"))
        return sum(
            cell["metadata"]["nbgrader"].get("points", 0)
            for cell in notebook["cells"]
            if cell["metadata"].get("nbgrader", {}).get("grade")
        )

    def describe(self):
        """The entry of ``python -m autograder list --json``."""
        return {
            "id": self.id,
            "course": self.course,
            "week": self.week,
            "title": self.title,
            "student_notebook": str(self.student_notebook),
            "source_notebook": str(self.source_notebook.relative_to(REPO_ROOT)),
            "graded_functions": self.graded_functions,
            "max_score": self.max_score,
            "public_tests": str(self.public_tests.relative_to(REPO_ROOT)),
            "hidden_tests": str(self.hidden_tests.relative_to(REPO_ROOT)),
            "test_suite": str(self.test_suite.relative_to(REPO_ROOT)),
            "helper_modules": self.helper_modules,
        }


def all_assignments():
    """Every assignment, in course order."""
    ids = sorted(p.stem for p in SOURCE_DIR.glob("*.py") if ID_PATTERN.match(p.stem))
    return [Assignment(i) for i in ids]


def get_assignment(assignment_id):
    """The assignment with this id; :class:`UnknownAssignment` if there is none."""
    if not ID_PATTERN.match(assignment_id or "") or not (SOURCE_DIR / f"{assignment_id}.py").exists():
        raise UnknownAssignment(assignment_id)
    return Assignment(assignment_id)

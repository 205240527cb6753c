"""A temporary nbgrader course directory in which release and grading run nbgrader itself."""
import functools
import os
import shutil
import sys
import tempfile
from pathlib import Path

import nbformat
import nbgrader.api
from nbgrader.api import Gradebook
from nbgrader.apps import NbGraderAPI
from nbgrader.coursedir import CourseDirectory
from traitlets.config.loader import PyFileConfigLoader

from autograder.assignments import COURSE_DIR

__all__ = ["ConfigError", "GraderError", "TemporaryCourse", "load_config", "KERNEL_ENV"]

# nbgrader runs `alembic heads` in a subprocess for every new gradebook; the answer is the same for
# the whole process, so ask once.
nbgrader.api.get_alembic_version = functools.cache(nbgrader.api.get_alembic_version)

CONFIG_FILE = "nbgrader_config.py"
STUDENT = "student"
# The grading kernel inherits these: quiet TensorFlow, one thread per kernel, no display.
KERNEL_ENV = {
    "TF_CPP_MIN_LOG_LEVEL": "3",
    "TF_ENABLE_ONEDNN_OPTS": "0",
    "TF_NUM_INTRAOP_THREADS": "1",
    "TF_NUM_INTEROP_THREADS": "1",
    "OMP_NUM_THREADS": "1",
    "OPENBLAS_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "MPLBACKEND": "Agg",
    "PYTHONWARNINGS": "ignore",
}


class ConfigError(RuntimeError):
    """``nbgrader_config.py`` failed to load; nothing may run with nbgrader's defaults."""


class GraderError(RuntimeError):
    """nbgrader itself failed on a notebook the course produced."""


def load_config(config_dir=COURSE_DIR):
    """Load the course's ``nbgrader_config.py`` strictly: any error raises :class:`ConfigError`."""
    path = Path(config_dir) / CONFIG_FILE
    if not path.exists():
        raise ConfigError(f"{path} is missing")
    try:
        return PyFileConfigLoader(CONFIG_FILE, path=str(config_dir)).load_config()
    except Exception as error:
        raise ConfigError(f"{path} failed to load: {type(error).__name__}: {error}") from error


class TemporaryCourse:
    """An nbgrader course with one assignment, in a temporary folder removed on exit."""

    def __init__(self, assignment, source_notebook=None, config_dir=COURSE_DIR, db_url=None):
        self.assignment = assignment
        self.root = Path(tempfile.mkdtemp(prefix=f"{assignment.id}-"))
        config = load_config(config_dir)
        config.CourseDirectory.root = str(self.root)
        config.CourseDirectory.db_url = db_url or f"sqlite:///{self.root / 'gradebook.db'}"
        self.db_url = config.CourseDirectory.db_url
        self.api = NbGraderAPI(coursedir=CourseDirectory(config=config), config=config)
        self.api.log.setLevel("ERROR")
        source = self.root / "source" / assignment.id / f"{assignment.id}.ipynb"
        source.parent.mkdir(parents=True)
        if source_notebook is None:
            shutil.copyfile(assignment.source_notebook, source)
        else:
            nbformat.write(source_notebook, source)

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        shutil.rmtree(self.root, ignore_errors=True)

    def _run(self, action, *args):
        bin_dir = str(Path(sys.executable).parent)  # nbgrader shells out to alembic
        saved = dict(os.environ)
        os.environ.update(KERNEL_ENV, PATH=bin_dir + os.pathsep + os.environ.get("PATH", ""))
        try:
            result = getattr(self.api, action)(*args)
        finally:
            os.environ.clear()
            os.environ.update(saved)
        return result

    def generate(self):
        """Run nbgrader's generate_assignment; return the released notebook."""
        result = self._run("generate_assignment", self.assignment.id)
        released = self.root / "release" / self.assignment.id / f"{self.assignment.id}.ipynb"
        if not result["success"] or not released.exists():
            raise GraderError(f"generate_assignment failed for {self.assignment.id}:\n"
                              f"{result.get('log', '')}{result.get('error', '')}")
        return nbformat.read(released, as_version=4)

    def autograde(self, submission):
        """Autograde one submitted notebook (a path) with nbgrader.

        Returns ``(grades, notebook, log)``: ``grades`` maps each grade cell id to
        ``(score, max_score)`` (``None`` when nbgrader dropped the submission), ``notebook`` is
        the autograded notebook (or ``None``) and ``log`` nbgrader's log.
        """
        self.generate()
        target = self.root / "submitted" / STUDENT / self.assignment.id / f"{self.assignment.id}.ipynb"
        target.parent.mkdir(parents=True)
        shutil.copyfile(submission, target)
        result = self._run("autograde", self.assignment.id, STUDENT)
        log = result.get("log", "") + result.get("error", "")
        graded = self.root / "autograded" / STUDENT / self.assignment.id / f"{self.assignment.id}.ipynb"
        if not result["success"] or not graded.exists():
            return None, None, log
        with Gradebook(self.db_url) as gradebook:
            notebook = gradebook.find_submission_notebook(self.assignment.id, self.assignment.id, STUDENT)
            grades = {grade.name: (grade.score, grade.max_score) for grade in notebook.grades}
        return grades, nbformat.read(graded, as_version=4), log

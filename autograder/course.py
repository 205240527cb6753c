"""A temporary nbgrader course directory in which release and grading run nbgrader itself.

``generate_assignment`` runs in this process; ``autograde`` runs as a child process, whose grading
kernels inherit its environment (:data:`KERNEL_ENV`). The gradebook is created at nbgrader's schema
version before nbgrader opens it, so nbgrader never needs its ``alembic`` command. Nothing here
changes this process's environment or patches nbgrader.
"""
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat
import sqlalchemy
from nbgrader.api import Gradebook
from nbgrader.apps import NbGraderAPI
from nbgrader.coursedir import CourseDirectory
from nbgrader.dbutil import ALEMBIC_DIR
from traitlets.config.loader import PyFileConfigLoader

from autograder.assignments import COURSE_DIR

__all__ = ["ConfigError", "GraderError", "TemporaryCourse", "create_gradebook", "load_config", "KERNEL_ENV"]

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
# The temporary course's configuration: the course's own, pointed at the temporary folder.
COURSE_CONFIG = """\
c = get_config()  # noqa: F821
load_subconfig({config!r})  # noqa: F821
c.CourseDirectory.root = {root!r}
c.CourseDirectory.db_url = {db_url!r}
"""


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


def create_gradebook(db_url):
    """Give an empty database nbgrader's schema version, as nbgrader would by running ``alembic heads``
    in a subprocess; a database that has tables is left alone."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    engine = sqlalchemy.create_engine(db_url)
    try:
        if sqlalchemy.inspect(engine).get_table_names():
            return
        alembic = Config()
        alembic.set_main_option("script_location", ALEMBIC_DIR)
        head = ScriptDirectory.from_config(alembic).get_current_head()
        with engine.begin() as connection:
            connection.execute(sqlalchemy.text("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)"))
            connection.execute(sqlalchemy.text("INSERT INTO alembic_version (version_num) VALUES (:head)"),
                               {"head": head})
    finally:
        engine.dispose()


class TemporaryCourse:
    """An nbgrader course with one assignment, in a temporary folder removed on exit."""

    def __init__(self, assignment, source_notebook=None, config_dir=COURSE_DIR, db_url=None):
        load_config(config_dir)  # fail here, strictly, rather than let nbgrader fall back to defaults
        self.assignment = assignment
        self.root = Path(tempfile.mkdtemp(prefix=f"{assignment.id}-"))
        self.db_url = db_url or f"sqlite:///{self.root / 'gradebook.db'}"
        (self.root / CONFIG_FILE).write_text(COURSE_CONFIG.format(
            config=str(Path(config_dir).resolve() / CONFIG_FILE), root=str(self.root), db_url=self.db_url))
        create_gradebook(self.db_url)
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

    def generate(self):
        """Run nbgrader's generate_assignment; return the released notebook."""
        config = load_config(self.root)
        api = NbGraderAPI(coursedir=CourseDirectory(config=config), config=config)
        api.log.setLevel("ERROR")
        result = api.generate_assignment(self.assignment.id)
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
        run = subprocess.run([sys.executable, "-m", "nbgrader", "autograde", self.assignment.id, "--student", STUDENT,
                              "--force", "--log-level=ERROR"], cwd=self.root, capture_output=True, text=True,
                             env={**os.environ, **KERNEL_ENV, "TRAITLETS_APPLICATION_RAISE_CONFIG_FILE_ERROR": "1"})
        succeeded, log = run.returncode == 0, run.stdout + run.stderr
        graded = self.root / "autograded" / STUDENT / self.assignment.id / f"{self.assignment.id}.ipynb"
        if not succeeded or not graded.exists():
            return None, None, log
        with Gradebook(self.db_url) as gradebook:
            notebook = gradebook.find_submission_notebook(self.assignment.id, self.assignment.id, STUDENT)
            grades = {grade.name: (grade.score, grade.max_score) for grade in notebook.grades}
        return grades, nbformat.read(graded, as_version=4), log

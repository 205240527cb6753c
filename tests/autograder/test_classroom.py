"""`grade-class`: a whole class graded in parallel on Dask, each submission sandboxed."""
import csv
import json
import subprocess
import sys
import zipfile

import nbformat
import pytest
from nbgrader.api import Gradebook

from autograder.assignments import get_assignment
from autograder.classroom import collect_submissions, grade_class
from autograder.sandbox.process import Limits
from tests.support import fill, student_notebook

pytestmark = pytest.mark.xdist_group("classroom")

ASSIGNMENT = "c1w2_python_basics"
LIMITS = Limits(cell_seconds=10, call_seconds=10, total_seconds=120)


def write_class(folder):
    """A small class: a perfect notebook, an empty one, a looping one, one that is not a notebook, and one
    that kills its process and hogs memory."""
    folder.mkdir(parents=True, exist_ok=True)
    nbformat.write(fill(ASSIGNMENT), folder / "ada.ipynb")
    nbformat.write(student_notebook(ASSIGNMENT), folder / "bob.ipynb")
    nbformat.write(fill(ASSIGNMENT, {"softmax": "def softmax(x):\n    while True:\n        pass"}),
                   folder / "cy.ipynb")
    (folder / "dee.ipynb").write_text("not a notebook at all")
    nbformat.write(fill(ASSIGNMENT, {"basic_sigmoid": "import os\nos._exit(1)",
                                     "L1": "def L1(yhat, y):\n    return np.sum(np.abs(y - yhat))\n"
                                           "hog = bytearray(16 * 2**30)"}), folder / "eve.ipynb")
    (folder / "notes.txt").write_text("ignored")
    return folder


def test_grade_class_command_writes_gradebook_csv_and_feedback(tmp_path):
    """Does the command grade every student, survive the bad ones, and fill gradebook, CSV and feedback?"""
    write_class(tmp_path / "class")
    run = subprocess.run([sys.executable, "-m", "autograder", "grade-class", "class", "--assignment", ASSIGNMENT,
                          "--workers", "2", "--csv", "grades.csv", "--feedback", "feedback", "--cell-timeout", "10"],
                         cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    assert "graded 5 submissions" in run.stdout and "5/5" in run.stderr  # the progress bar's count
    rows = {row["student"]: row for row in csv.DictReader(open(tmp_path / "grades.csv"))}
    assert {s: float(r["score"]) for s, r in rows.items()} == {"ada": 8, "bob": 0, "cy": 7, "dee": 0, "eve": 7}
    assert "not a Jupyter notebook" in rows["dee"]["error"]
    with Gradebook(f"sqlite:///{tmp_path / 'gradebook.db'}") as gradebook:
        assert gradebook.find_submission(ASSIGNMENT, "ada").score == 8
        assert gradebook.find_submission(ASSIGNMENT, "cy").score == 7
    page = (tmp_path / "feedback" / "cy.html").read_text()
    assert "softmax" in page and "timed out" in page and "7 / 8" in page
    for secret in ("run_hidden_test", "check.call", "assert ", "Traceback", "hidden_tests"):
        assert secret not in page


def test_nbgrader_layout_and_zip_archives_are_collected(tmp_path):
    """Are submissions found in nbgrader's submitted/<student>/<assignment>/ layout and inside a zip?"""
    for student in ("ann", "ben"):
        folder = tmp_path / "course" / "submitted" / student / ASSIGNMENT
        folder.mkdir(parents=True)
        nbformat.write(fill(ASSIGNMENT), folder / f"{ASSIGNMENT}.ipynb")
    found = collect_submissions(tmp_path / "course", ASSIGNMENT, tmp_path)
    assert [s.student for s in found] == ["ann", "ben"]
    archive = tmp_path / "class.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.writestr("class/cat.ipynb", nbformat.writes(fill(ASSIGNMENT)))
        bundle.writestr("../escape.ipynb", "{}")
    found = collect_submissions(archive, ASSIGNMENT, tmp_path / "work")
    assert [s.student for s in found] == ["cat"]
    assert not (tmp_path / "escape.ipynb").exists()


def test_an_interrupted_run_resumes_without_regrading(tmp_path, monkeypatch):
    """Run again after new work arrives (or after an interruption): are finished students left alone?"""
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "class"
    folder.mkdir()
    nbformat.write(fill(ASSIGNMENT), folder / "ada.ipynb")
    grade_class(folder, get_assignment(ASSIGNMENT), workers=1, limits=LIMITS, progress=False)
    journal = tmp_path / f"grade-class-{ASSIGNMENT}.jsonl"
    first = journal.read_text().splitlines()
    assert len(first) == 1
    with open(journal, "a") as file:
        file.write('{"student": "half-writ')  # a line cut short by an interruption
    nbformat.write(student_notebook(ASSIGNMENT), folder / "bob.ipynb")
    entries = grade_class(folder, get_assignment(ASSIGNMENT), workers=1, limits=LIMITS, progress=False)
    lines = journal.read_text().splitlines()
    assert lines[0] == first[0]
    assert [json.loads(line)["student"] for line in lines[2:]] == ["bob"]  # only bob was graded
    assert [e["student"] for e in entries] == ["ada", "bob"]


def test_an_existing_dask_scheduler_receives_the_work(tmp_path):
    """With --scheduler, do the same tasks run on a Dask cluster started elsewhere?"""
    from dask.distributed import LocalCluster

    write_class(tmp_path / "class")
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        entries = grade_class(tmp_path / "class", get_assignment(ASSIGNMENT), scheduler=cluster.scheduler_address,
                              limits=LIMITS, state_path=tmp_path / "state.jsonl",
                              db_url=f"sqlite:///{tmp_path / 'gradebook.db'}", progress=False)
    assert {e["student"]: e["result"]["score"] for e in entries} == {"ada": 8, "bob": 0, "cy": 7, "dee": 0, "eve": 7}

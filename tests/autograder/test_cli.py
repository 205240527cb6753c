"""The command-line contract: `list --json` and `grade --json`, which other tools depend on."""
import json
import subprocess
import sys

import pytest

from autograder.assignments import REPO_ROOT, all_assignments
from tests.support import fill, student_notebook

BASICS = "c1w2_python_basics"


def autograder(*args, cwd=REPO_ROOT):
    return subprocess.run([sys.executable, "-m", "autograder", *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, timeout=300)


def test_list_json_describes_every_assignment():
    """Does `list --json` print one object per assignment with the documented fields and types?"""
    run = autograder("list", "--json")
    assert run.returncode == 0
    entries = json.loads(run.stdout)
    assert [e["id"] for e in entries] == [a.id for a in all_assignments()]
    for entry in entries:
        assert set(entry) == {"id", "course", "week", "title", "student_notebook", "source_notebook",
                              "graded_functions", "max_score", "public_tests", "hidden_tests", "test_suite",
                              "helper_modules"}
        assert isinstance(entry["course"], int) and isinstance(entry["week"], int)
        for key in ("student_notebook", "source_notebook", "public_tests", "hidden_tests", "test_suite"):
            assert (REPO_ROOT / entry[key]).is_file(), (entry["id"], key)
        assert entry["graded_functions"] and entry["max_score"] > 0
        assert f"helpers.public_tests.{entry['id']}" in entry["helper_modules"]


def test_every_notebook_import_from_helpers_resolves():
    """Does every name a text source imports from a helpers module exist there?"""
    import ast
    import importlib

    for assignment in all_assignments():
        tree = ast.parse(assignment.text_source.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("helpers"):
                module = importlib.import_module(node.module)
                missing = [a.name for a in node.names if not hasattr(module, a.name)]
                assert not missing, (assignment.id, node.module, missing)


@pytest.mark.xdist_group(BASICS)
def test_grade_json_from_another_folder_ignores_claimed_points(tmp_path):
    """Graded from outside the repo, does a notebook claiming 100 points per cell get the true maximum?"""
    notebook = fill(BASICS)
    for cell in notebook.cells:
        if cell.metadata.get("nbgrader", {}).get("grade"):
            cell.metadata.nbgrader["points"] = 100
            cell.source = "pass"  # an edited grade cell is restored from the source
    nbformat_path = tmp_path / "claims.ipynb"
    nbformat_path.write_text(json.dumps(notebook))
    run = autograder("grade", nbformat_path, "--assignment", BASICS, "--json", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert set(result) == {"assignment", "score", "max_score", "tests"}
    assert result["assignment"] == BASICS and result["max_score"] == result["score"] == 8
    for test in result["tests"]:
        assert set(test) == {"name", "function", "score", "max_score", "passed", "message"}
        assert test["max_score"] == 1 and test["passed"] and "hidden checks passed" in test["message"]


@pytest.mark.xdist_group(BASICS)
def test_a_deleted_grade_cell_scores_nothing_more(tmp_path):
    """Does deleting grade cells from a wrong submission keep its score at 0?"""
    notebook = student_notebook(BASICS)
    notebook.cells = [c for c in notebook.cells if not c.metadata.get("nbgrader", {}).get("grade")]
    path = tmp_path / "deleted.ipynb"
    path.write_text(json.dumps(notebook))
    run = autograder("grade", path, "--assignment", BASICS, "--json")
    assert run.returncode == 0
    result = json.loads(run.stdout)
    assert result["score"] == 0 and result["max_score"] == 8


@pytest.mark.xdist_group(BASICS)
def test_a_cell_that_exits_costs_only_what_it_defines(tmp_path):
    """When a cell kills its process, does grading print a JSON grade in which only that cell's function
    fails, with the skipped cell named, and exit 0?"""
    notebook = fill(BASICS, {"L1": "import os\nos._exit(1)\ndef L1(yhat, y):\n    return 0"})
    path = tmp_path / "exits.ipynb"
    path.write_text(json.dumps(notebook))
    run = autograder("grade", path, "--assignment", BASICS, "--json")
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert result["score"] == 7 and result["max_score"] == 8 and "error" not in result
    assert [t["function"] for t in result["tests"] if not t["passed"]] == ["L1"]
    assert len(result["skipped_cells"]) == 1 and "ended" in result["skipped_cells"][0]


@pytest.mark.parametrize("content", ["this is not json", "{}", '{"cells": 3}', ""])
def test_a_file_that_is_not_a_notebook_is_a_one_line_error(tmp_path, content):
    """Does grading a file that is not a notebook print one line and exit 2, with no traceback?"""
    path = tmp_path / "broken.ipynb"
    path.write_text(content)
    run = autograder("grade", path, "--assignment", BASICS, "--json")
    assert run.returncode == 2 and run.stdout == ""
    assert len(run.stderr.strip().splitlines()) == 1 and "Traceback" not in run.stderr


def test_missing_file_and_unknown_assignment_are_one_line_errors(tmp_path):
    """Do a missing file and an unknown assignment id give a one-line error and exit 2?"""
    missing = autograder("grade", tmp_path / "nope.ipynb", "--assignment", BASICS)
    unknown = autograder("grade", REPO_ROOT / all_assignments()[0].student_notebook, "--assignment", "c9w9_nothing")
    for run in (missing, unknown):
        assert run.returncode == 2 and len(run.stderr.strip().splitlines()) == 1
    assert "no such file" in missing.stderr and "unknown assignment" in unknown.stderr

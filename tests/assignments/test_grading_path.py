"""Every assignment, through both real grading paths: nbgrader's autograde in a fresh kernel, and the
sandboxed pipeline of `grade` and `grade-class`."""
import importlib
from pathlib import Path

import nbformat
import pytest

from autograder.assignments import all_assignments, get_assignment
from helpers.checks import CheckFailure
from tests.support import (autograde_notebook, errors, grade_notebook, graded_cells, graded_reference,
                           student_notebook)

IDS = [a.id for a in all_assignments()]


def group(assignment_id):
    """Tests of one assignment share a worker, so its reference is graded once."""
    return pytest.param(assignment_id, marks=pytest.mark.xdist_group(assignment_id))


@pytest.mark.parametrize("assignment_id", [group(i) for i in IDS])
def test_source_notebook_scores_full_marks_without_errors(assignment_id):
    """Does the source notebook (the reference solution) get every point, with no cell raising?"""
    result, graded = graded_reference(assignment_id)
    assert result["score"] == result["max_score"] == get_assignment(assignment_id).max_score > 0
    assert all(test["passed"] for test in result["tests"]), result["tests"]
    assert errors(graded) == []


@pytest.mark.parametrize("assignment_id", [group(i) for i in IDS])
def test_released_notebook_scores_zero(assignment_id, tmp_path):
    """Does the untouched student notebook score 0, with a readable message for every test?"""
    result, graded = autograde_notebook(student_notebook(assignment_id), assignment_id, tmp_path)
    assert graded is not None and "error" not in result
    assert result["score"] == 0 and result["max_score"] == get_assignment(assignment_id).max_score
    functions = get_assignment(assignment_id).graded_functions
    assert [t["function"] for t in result["tests"]] == functions
    for test in result["tests"]:
        assert not test["passed"] and test["message"].startswith(test["function"] + ":"), test


@pytest.mark.parametrize("assignment_id", IDS)
def test_each_assignment_grades_its_filled_notebook_on_both_paths(assignment_id):
    """Is the released notebook, filled with the reference and correct variants, graded with full marks and
    no failing cell by nbgrader and by the pipeline? ``check_mutants_and_variants`` grades that notebook (and
    one filled with mutants) on both paths, so each assignment's test module must call it."""
    module = importlib.import_module(f"tests.assignments.test_{assignment_id}")
    assert module.ASSIGNMENT == assignment_id
    assert "check_mutants_and_variants(ASSIGNMENT, " in Path(module.__file__).read_text()


@pytest.mark.parametrize("assignment_id", IDS)
def test_public_tests_pass_on_the_reference_and_fail_on_the_stubs(assignment_id, capsys):
    """Does each public test print 'All tests passed.' for the reference and raise a CheckFailure for the stub?"""
    public = importlib.import_module(f"helpers.public_tests.{assignment_id}")
    assignment = get_assignment(assignment_id)
    source = nbformat.read(assignment.source_notebook, as_version=4)
    imports = next(c.source for c in source.cells if c.cell_type == "code")
    for version in (source, student_notebook(assignment_id)):
        namespace = {}
        exec(imports, namespace)
        for cell in graded_cells(version).values():
            exec(cell.source, namespace)
        for name in assignment.graded_functions:
            test = getattr(public, f"{name}_test")
            if version is source:
                test(namespace[name])
                assert capsys.readouterr().out.rstrip().endswith("All tests passed.\x1b[0m")
            else:
                with pytest.raises(CheckFailure, match=rf"^{name}: "):
                    test(namespace[name])


@pytest.mark.parametrize("assignment_id", [group(i) for i in IDS])
def test_the_pipeline_gives_the_released_notebook_zero(assignment_id, tmp_path):
    """Does `grade` (the sandboxed pipeline) give the released notebook no point, test by test as nbgrader's
    autograde does? (Its agreement with nbgrader on a notebook with full marks and on one with mutants is
    checked for every assignment by ``check_mutants_and_variants``.)"""
    assignment = get_assignment(assignment_id)
    released = grade_notebook(student_notebook(assignment_id), assignment_id, tmp_path, "released.ipynb")
    assert released["score"] == 0 and released["max_score"] == assignment.max_score
    assert not released.get("skipped_cells")
    assert [t["function"] for t in released["tests"]] == assignment.graded_functions

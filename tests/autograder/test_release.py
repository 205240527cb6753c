"""Generated notebooks: in sync with their sources, clean, and free of instructor material."""
import json
import re
import subprocess
import sys

import pytest

from autograder.assignments import REPO_ROOT, all_assignments
from autograder.build import BuildError, build_source_notebook

ASSIGNMENTS = all_assignments()


def test_generated_notebooks_are_in_sync_with_their_sources():
    """Does `python -m autograder check` find every committed notebook identical to a fresh release?"""
    run = subprocess.run([sys.executable, "-m", "autograder", "check"], cwd=REPO_ROOT, capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr


@pytest.mark.parametrize("assignment", ASSIGNMENTS, ids=lambda a: a.id)
def test_student_notebook_holds_no_hidden_test_and_no_reference(assignment):
    """Is the released notebook free of hidden tests and of every line of reference code inside the regions?"""
    text = (REPO_ROOT / assignment.student_notebook).read_text()
    assert "HIDDEN TESTS" not in text and "run_hidden_test" not in text and "autograder" not in text
    source = (assignment.source_notebook).read_text()
    regions = re.findall(r"### START CODE HERE ###.*?\\n(.*?)### END CODE HERE ###", source, re.S)
    reference_lines = {line.strip() for region in regions for line in region.split("\\n")
                       if line.strip() and not line.strip().endswith("= None") and "= None," not in line}
    assert reference_lines, "the source has reference code"
    student_lines = {json.loads(f'"{line}"').strip() for line in re.findall(r'"(.*?)\\n"', text)}
    assert reference_lines.isdisjoint(student_lines), reference_lines & student_lines


@pytest.mark.parametrize("assignment", ASSIGNMENTS, ids=lambda a: a.id)
def test_committed_notebooks_have_no_outputs_and_only_whitelisted_metadata(assignment):
    """Do committed notebooks carry no outputs, no execution counts and only whitelisted metadata?"""
    for path in (assignment.source_notebook, REPO_ROOT / assignment.student_notebook):
        notebook = json.loads(path.read_text())
        assert set(notebook["metadata"]) <= {"kernelspec", "language_info"}
        for cell in notebook["cells"]:
            assert set(cell["metadata"]) <= {"nbgrader", "deletable", "editable", "tags"}
            if cell["cell_type"] == "code":
                assert cell["outputs"] == [] and cell["execution_count"] is None


@pytest.mark.parametrize("assignment", ASSIGNMENTS, ids=lambda a: a.id)
def test_every_graded_function_has_its_own_cell_with_markers_and_hint(assignment):
    """Does each graded function (or class) sit alone in a solution cell whose first line names it, with hinted
    regions?"""
    notebook = json.loads((REPO_ROOT / assignment.student_notebook).read_text())
    graded = [c for c in notebook["cells"] if "".join(c["source"]).startswith("# GRADED FUNCTION:")]
    assert [re.match(r"# GRADED FUNCTION: (\w+)", "".join(c["source"]))[1] for c in graded] == \
        assignment.graded_functions
    for cell in graded:
        source = "".join(cell["source"])
        assert cell["metadata"]["nbgrader"]["solution"] is True
        assert source.count("### START CODE HERE ###") == source.count("### END CODE HERE ###") >= 1
        assert len(re.findall(r"^(?:def|class) \w+", source, re.M)) == 1


def test_a_graded_function_without_hidden_tests_is_a_build_error(tmp_path, monkeypatch):
    """Does the build refuse a source whose graded function has no hidden-test cell?"""
    import autograder.assignments as assignments

    source = (assignments.SOURCE_DIR / "c1w2_python_basics.py").read_text()
    (tmp_path / "c1w2_python_basics.py").write_text(source.replace("# HIDDEN TESTS: softmax\n", ""))
    monkeypatch.setattr(assignments, "SOURCE_DIR", tmp_path)
    with pytest.raises(BuildError, match="softmax"):
        build_source_notebook(assignments.get_assignment("c1w2_python_basics"))

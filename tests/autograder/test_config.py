"""The nbgrader configuration: strict loading, and the pipeline's ordering constraints."""
import shutil
import subprocess
import sys

import pytest
from nbgrader.preprocessors import ClearHiddenTests, ComputeChecksums, SaveCells

from autograder.assignments import COURSE_DIR, get_assignment
from autograder.course import ConfigError, TemporaryCourse, load_config
from autograder.preprocessors.clear_code_blocks import ClearCodeBlocks


def test_generate_assignment_pipeline_order():
    """Are stubs made before the first checksum, and cells saved to the gradebook before hidden tests go?"""
    pipeline = list(load_config().GenerateAssignment.preprocessors)
    checksums = [i for i, p in enumerate(pipeline) if p is ComputeChecksums]
    assert pipeline.index(ClearCodeBlocks) < checksums[0]
    assert pipeline.index(SaveCells) < pipeline.index(ClearHiddenTests) < checksums[-1]
    assert not any(p.__name__ == "ClearSolutions" for p in pipeline)


@pytest.mark.parametrize("broken", ["c = get_config()\nc.GenerateAssignment.preprocessors = [\n",
                                    "raise RuntimeError('boom')\n",
                                    "from autograder.preprocessors.no_such_module import X\n"])
def test_a_broken_config_stops_release_and_grading(tmp_path, broken):
    """Does any error in nbgrader_config.py raise ConfigError instead of running with nbgrader's defaults?"""
    (tmp_path / "nbgrader_config.py").write_text(broken)
    with pytest.raises(ConfigError, match="nbgrader_config.py failed to load"):
        load_config(tmp_path)
    with pytest.raises(ConfigError):
        TemporaryCourse(get_assignment("c1w2_python_basics"), config_dir=tmp_path)


def test_a_missing_config_stops_release(tmp_path):
    """Is a missing config an error rather than a silent fall-back to defaults?"""
    with pytest.raises(ConfigError, match="missing"):
        load_config(tmp_path)


def test_release_command_fails_loudly_on_a_broken_config(tmp_path):
    """Does `python -m autograder release` exit non-zero and name the file when the config is broken?"""
    package = tmp_path / "autograder"
    shutil.copytree(COURSE_DIR, package, ignore=shutil.ignore_patterns("__pycache__"))
    (package / "nbgrader_config.py").write_text("c = get_config()\nc.Nonsense = undefined_name\n")
    shutil.copytree(COURSE_DIR.parent / "helpers", tmp_path / "helpers", ignore=shutil.ignore_patterns("__pycache__"))
    run = subprocess.run([sys.executable, "-m", "autograder", "release"], cwd=tmp_path, capture_output=True,
                         text=True, timeout=120)
    assert run.returncode == 1
    assert "nbgrader_config.py failed to load" in run.stderr and "undefined_name" in run.stderr
    assert not (tmp_path / "course1").exists()

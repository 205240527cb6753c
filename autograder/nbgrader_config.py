"""The course's nbgrader configuration: the one place where its pipelines are declared.

The folder holding this file is an nbgrader course directory (``source/<id>/<id>.ipynb``),
so instructors can also run nbgrader's own commands from here. nbgrader only *logs* an
error in this file and carries on with its defaults; the course's commands therefore load
it strictly (``autograder.course.load_config``) and stop on any error.
"""
from nbgrader.preprocessors import (
    CheckCellMetadata,
    ClearHiddenTests,
    ClearMarkScheme,
    ClearOutput,
    ComputeChecksums,
    IncludeHeaderFooter,
    InstantiateTests,
    LockCells,
    SaveCells,
)

from autograder.preprocessors.clear_code_blocks import ClearCodeBlocks

c = get_config()  # noqa: F821 (provided by traitlets when it loads this file)

# Ordering constraints (checked by tests/autograder/test_config.py):
# - ClearCodeBlocks runs before the first ComputeChecksums, so that the gradebook records
#   the checksum of the stubbed cell the learner receives;
# - SaveCells runs before ClearHiddenTests: the gradebook keeps the grade cells *with* their
#   hidden tests, and autograding restores them from there;
# - ComputeChecksums runs again after ClearHiddenTests.
c.GenerateAssignment.preprocessors = [
    IncludeHeaderFooter,
    InstantiateTests,
    LockCells,
    ClearCodeBlocks,
    ClearOutput,
    CheckCellMetadata,
    ComputeChecksums,
    SaveCells,
    ClearHiddenTests,
    ClearMarkScheme,
    ComputeChecksums,
    CheckCellMetadata,
]

# Grading runs every notebook in the interpreter that runs nbgrader; the grading process
# sets the kernel's environment (quiet TensorFlow, one thread).
c.Execute.kernel_name = "python3"
c.Execute.timeout = 300
c.Execute.shutdown_kernel = "immediate"
c.Execute.extra_arguments = ["--HistoryManager.hist_file=:memory:", "--IPKernelApp.log_level=ERROR"]
# Extra files in a submission folder must never shadow modules in the kernel.
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback", "*.py", "*.so", "*.pth"]

# The hidden tests draw their random inputs from a seed per assignment, function and term, so a
# submission gets the same verdict at every grading. Change the term to give a new term's students
# new inputs (autograder.hidden.test_seed).
c.HiddenTests.term = "2026"

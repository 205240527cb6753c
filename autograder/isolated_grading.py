"""Grade a submission with its code sandboxed and every verdict reached in the grader's process.

The submission's cells run in a :class:`~autograder.isolation.Sandbox` (locked cells restored from
the source, grade cells never run). Each hidden test then calls the learner's functions through
the sandbox and compares their outputs with the reference *here*, so nothing the submission does
to numpy, to comparison functions, to test helpers or to its own output can change a verdict.
"""
import time

import nbformat
import numpy as np

from autograder.grading import read_submission, result_from
from autograder.hidden import Comparison, HiddenTestFailure, StudentError, hidden_tests
from autograder.isolation import Limits, Sandbox, SandboxError
from autograder.reference import reference_namespace
from autograder.sandbox_runner import decode, encode

__all__ = ["grade_isolated"]


def cells_to_run(submission, source):
    """The submission's code cells, with locked cells taken from the source and grade cells left out."""
    def meta(cell):
        return cell.metadata.get("nbgrader", {})

    locked = {meta(c)["grade_id"]: c.source for c in source.cells
              if c.cell_type == "code" and meta(c).get("locked") and not meta(c).get("grade")}
    graded_ids = {meta(c)["grade_id"] for c in source.cells if meta(c).get("grade")}
    present = {meta(c).get("grade_id") for c in submission.cells}
    cells = [code for grade_id, code in locked.items() if grade_id not in present]
    for cell in submission.cells:
        if cell.cell_type != "code" or not isinstance(cell.get("source"), str):
            continue
        grade_id = meta(cell).get("grade_id")
        if meta(cell).get("grade") or grade_id in graded_ids:
            continue
        cells.append(locked.get(grade_id, cell.source))
    return cells


class _Session:
    """The sandbox of one submission, replaying its cells after every restart."""

    def __init__(self, sandbox, cells, limits):
        self.sandbox, self.cells, self.limits = sandbox, cells, limits
        self.skipped = {}  # cell index -> why it was skipped
        self.deadline = time.monotonic() + limits.total_seconds

    def remaining(self, budget):
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise StudentError(f"the time limit of {self.limits.total_seconds:g} s for the whole notebook ran out")
        return min(budget, left)

    def run_cells(self):
        """Run every cell not yet skipped; a cell that times out or kills the process is skipped."""
        index = 0
        while index < len(self.cells):
            if index not in self.skipped:
                try:
                    self.sandbox.run_cell(self.cells[index], self.remaining(self.limits.cell_seconds))
                except SandboxError as error:
                    self.skipped[index] = str(error)
                    self.sandbox.start()
                    index = 0
                    continue
            index += 1

    def call(self, function, args, kwargs, random_state):
        try:
            reply = self.sandbox.call(function, args, kwargs, random_state, self.remaining(self.limits.call_seconds))
        except SandboxError as error:
            self.sandbox.start()
            self.run_cells()
            raise StudentError(f"calling {function} {error}") from None
        if not reply.get("ok"):
            raise StudentError(f"raised {reply.get('error')}")
        return reply["output"], reply["inputs"]


def plain(value):
    """``value`` as it looks after crossing the wire: what the reference's output is compared as."""
    return decode(encode(value))


def grade_isolated(path, assignment, limits=Limits()):
    """Grade the notebook at ``path`` in a sandbox; return the same result object as ``grade``."""
    submission = read_submission(path)
    source = nbformat.read(assignment.source_notebook, as_version=4)
    reference = reference_namespace(assignment.id)
    tests = hidden_tests(assignment.id)
    outcomes = {}
    with Sandbox(limits) as sandbox:
        session = _Session(sandbox, cells_to_run(submission, source), limits)
        try:
            sandbox.start()
            session.run_cells()
        except StudentError as error:
            outcomes = {name: (False, f"{name}: {error}") for name in tests}
        for name, test in tests.items():
            if name in outcomes:
                continue
            comparison = Comparison(name, reference, call_student=session.call, normalize=plain)
            try:
                test.run(comparison, np.random.default_rng())
                outcomes[name] = (True, f"{name}: {comparison.cases} hidden checks passed.")
            except HiddenTestFailure as failure:
                outcomes[name] = (False, str(failure))
            except Exception as error:  # a learner's output the hidden test could not even inspect
                outcomes[name] = (False, f"{name}: could not be checked ({type(error).__name__}: {error})")
    result = result_from(assignment, source, outcomes)
    if session.skipped:
        result["skipped_cells"] = [f"cell {index + 1}: {why}" for index, why in sorted(session.skipped.items())]
    return result

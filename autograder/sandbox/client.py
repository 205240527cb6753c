"""The grader's side of a sandboxed submission: run its cells, ask about and call its functions.

A :class:`Session` keeps one :class:`~autograder.sandbox.process.Sandbox` alive for a submission.
A cell that times out or kills the process is skipped and the remaining cells are replayed in a
fresh sandbox; a call that does either fails alone, and the session restarts for the next one.
"""
import time

from autograder.hidden import StudentError
from autograder.sandbox.process import SandboxError
from autograder.sandbox.wire import decode, encode

__all__ = ["Session"]


class Session:
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

    def _request(self, message, what):
        try:
            return self.sandbox.request(message, self.remaining(self.limits.call_seconds))
        except SandboxError as error:
            self.sandbox.start()
            self.run_cells()
            raise StudentError(f"{what} {error}") from None

    def problem(self, function):
        """Why ``function`` cannot be graded (not defined, not written in the notebook), or ``None``."""
        try:
            reply = self._request({"op": "inspect", "function": function}, f"inspecting {function}")
        except StudentError as error:
            return str(error)
        problem = reply.get("problem") if reply.get("ok") else reply.get("error")
        return str(problem)[:500] if problem else None

    def call(self, request):
        """Call a learner's function: a ``call_student`` for :class:`autograder.hidden.Comparison`."""
        message = {"op": "call", "function": request["function"], "args": encode(request["args"]),
                   "kwargs": encode(request["kwargs"]), "random_state": encode(request["random_state"]),
                   "keras_seed": request["keras_seed"], "describe": encode(request["describe"]),
                   "gradients": request["gradients"], "callees": request["callees"]}
        reply = self._request(message, f"calling {request['function']}")
        if not reply.get("ok"):
            raise StudentError(str(reply.get("error"))[:2000])
        try:
            return {"output": decode(reply["output"]), "inputs": decode(reply["inputs"]),
                    "gradients": decode(reply["gradients"]),
                    "callees": [name for name in reply.get("callees", []) if name in request["callees"]]}
        except (KeyError, TypeError, ValueError, OverflowError) as error:
            raise StudentError(f"returned a value the grader cannot read ({type(error).__name__})") from None

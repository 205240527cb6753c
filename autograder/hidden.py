"""Hidden tests: registration, and running one inside the grading kernel.

A hidden-test module ``autograder/hidden_tests/<assignment_id>.py`` registers one test per
graded function::

    @hidden_test("propagate", points=2)
    def _(check, rng):
        check.call(w, b, X, Y, case="the notebook's example")

``check.call`` runs the learner's function and the reference on copies of the same inputs
and compares everything they return; ``rng`` draws fresh random inputs at each grading.
"""
import contextlib
import copy
import importlib
import io
from dataclasses import dataclass
from typing import Callable

import numpy as np

from helpers.checks import CheckFailure, call_quietly, describe_difference

__all__ = ["HiddenTest", "HiddenTestFailure", "Comparison", "StudentError", "hidden_test", "hidden_tests",
           "run_hidden_test"]

_REGISTRY = {}


class HiddenTestFailure(CheckFailure):
    """A hidden test failed; the message says what differed, never how the test works."""


@dataclass(frozen=True)
class HiddenTest:
    function: str
    points: int
    run: Callable


def hidden_test(function, *, points):
    """Register the decorated ``run(check, rng)`` as the hidden test of ``function``."""

    def register(run):
        assignment_id = run.__module__.rsplit(".", 1)[-1]
        _REGISTRY.setdefault(assignment_id, {})[function] = HiddenTest(function, points, run)
        return run

    return register


def hidden_tests(assignment_id):
    """The hidden tests of an assignment, keyed by graded function."""
    importlib.import_module(f"autograder.hidden_tests.{assignment_id}")
    return dict(_REGISTRY.get(assignment_id, {}))


def _silently(function, *args, **kwargs):
    """Call with stdout, stderr and warnings captured: grade cells must stay quiet."""
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        return call_quietly(function, *args, **kwargs)


class Comparison:
    """Compare a learner's function with the reference, case by case.

    ``call_student(function, args, kwargs, random_state)`` runs the learner's function and returns
    ``(output, (args, kwargs) after the call)`` or raises :class:`StudentError`; by default it calls
    the function in this process, from the ``student`` namespace (a notebook's globals).
    """

    def __init__(self, function, reference, student=None, call_student=None, normalize=lambda value: value):
        self.function = function
        self.reference = reference
        self.call_student = call_student or self._call_in_namespace
        self.student = student
        self.normalize = normalize
        self.cases = 0

    def _call_in_namespace(self, function, args, kwargs, random_state):
        np.random.set_state(random_state)
        try:
            output = _silently(self.student[function], *args, **kwargs)
        except Exception as error:  # the learner's code, any error
            raise StudentError(f"raised {type(error).__name__}: {error}") from None
        return output, (args, kwargs)

    def call(self, *args, case, rtol=1e-6, atol=1e-9, check_dtype=True, **kwargs):
        """Call both functions on copies of the inputs and compare outputs and inputs afterwards.

        The global numpy random state is the same for both calls. Returns the learner's output.
        """
        inputs = copy.deepcopy((args, kwargs))
        random_state = np.random.get_state()
        ref_args, ref_kwargs = copy.deepcopy(inputs)
        expected = self.normalize(_silently(self.reference[self.function], *ref_args, **ref_kwargs))
        student_args, student_kwargs = copy.deepcopy(inputs)
        try:
            got, after = self.call_student(self.function, student_args, student_kwargs, random_state)
        except StudentError as error:
            self.fail(f"{case}: {error}")
        problem = describe_difference(self.normalize(inputs), after, where="inputs", rtol=0, atol=0)
        if problem:
            self.fail(f"{case}: the function changed its input ({problem})")
        problem = describe_difference(expected, got, rtol=rtol, atol=atol, check_dtype=check_dtype)
        if problem:
            self.fail(f"{case}: {problem}")
        self.cases += 1
        return got

    def fail(self, message):
        raise HiddenTestFailure(f"{self.function}: {message}")


class StudentError(Exception):
    """The learner's function could not produce an output (it raised, timed out or died)."""


def run_hidden_test(assignment_id, function, namespace, *, seed=None):
    """Run the hidden test of ``function`` against the learner's ``namespace`` (a notebook's globals).

    Raises :class:`HiddenTestFailure` with a readable message when the answer is wrong.
    """
    from autograder.reference import reference_namespace

    test = hidden_tests(assignment_id)[function]
    if not callable(namespace.get(function)):
        raise HiddenTestFailure(f"{function}: no function named {function} is defined in the notebook")
    comparison = Comparison(function, reference_namespace(assignment_id), student=namespace)
    test.run(comparison, np.random.default_rng(seed))
    print(f"{function}: {comparison.cases} hidden checks passed.")

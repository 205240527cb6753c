"""Hidden tests: registration, comparison with the reference, and running them on either path.

A hidden-test module ``autograder/hidden_tests/<assignment_id>.py`` registers one test per
graded function::

    @hidden_test("propagate", points=2)
    def _(check, rng):
        check.call(w, b, X, Y, case="the notebook's example")

    @hidden_test("happy_model", points=2)
    def _(check, rng):
        check.call(case="the model", keras_seed=1, probe=probe(images, training=False))

``check.call`` runs the learner's function and the reference on copies of the same inputs and
compares everything they return, after the wire (``autograder.sandbox.wire``): Keras models and
layers layer by layer. ``rng`` (and NumPy's global state) are seeded per assignment, function and
term (:func:`test_seed`), so a verdict is reproducible. The sandboxed pipeline
(``autograder.grading``) calls the learner through the sandbox; nbgrader's grade cells call
:func:`run_hidden_test`, which calls the learner in its own kernel. Both use :func:`run_tests`.
"""
import contextlib
import copy
import functools
import hashlib
import importlib
import io
from dataclasses import dataclass
from typing import Callable

import numpy as np

from autograder.sandbox.runner import call_function, definition_problem, reference_callees
from autograder.sandbox.wire import roundtrip
from helpers.checks import CheckFailure, call_quietly, describe_difference
from helpers.seeding import seeded

__all__ = ["HiddenTest", "HiddenTestFailure", "Comparison", "StudentError", "hidden_test", "hidden_tests",
           "grading_term", "in_namespace", "namespace_problem", "probe", "run_hidden_test", "run_tests", "test_seed"]

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


def probe(*args, **kwargs):
    """Inputs on which ``check.call(..., probe=probe(x, training=False))`` runs a returned Keras model
    or layer, so that its outputs are compared too."""
    return args, kwargs


class Comparison:
    """Compare a learner's function with the reference, case by case.

    ``call_student(request)`` runs the learner's function and returns a dict: ``output``, ``inputs``
    (``(args, kwargs)`` after the call) and ``gradients``, as they look after the wire
    (:func:`autograder.sandbox.wire.roundtrip`), and ``callees``, the graded functions it called as
    the reference's; or it raises :class:`StudentError`. ``request`` holds ``function``, ``args``,
    ``kwargs``, ``random_state``, ``keras_seed``, ``describe``, ``gradients`` and ``callees``
    (reference code of the other graded functions). :func:`in_namespace` makes one for a notebook's
    globals (nbgrader's path); :class:`autograder.sandbox.client.Session` makes one for the sandbox.
    """

    def __init__(self, function, reference, call_student, callees=None):
        self.function = function
        self.reference = reference
        self.call_student = call_student
        self.callee_sources = callees or {}
        self.callees_used = set()
        self.cases = 0

    def call(self, *args, case, rtol=1e-6, atol=1e-9, check_dtype=True, keras_seed=None, probe=None,
             weights=False, gradients=False, inputs_after="unchanged", compare_output=True, **kwargs):
        """Call both functions on copies of the inputs and compare outputs and inputs afterwards.

        Both calls start from the same NumPy random state and, with ``keras_seed``, the same Keras
        seed. A Keras model or layer returned is compared layer by layer
        (:class:`helpers.model_summary.ModelSummary`), with its weights when ``weights`` is set and
        its outputs on ``probe`` inputs when given (see :func:`probe`). With ``gradients``, the
        gradients of the output's sum with respect to every float tensor input are compared too, so
        a result computed outside TensorFlow (no gradient flows) fails. Returns the learner's output.

        ``inputs_after`` says what the inputs must look like after the call: ``"unchanged"``;
        ``"as_reference"``, for a function whose API changes its arguments in place (they must end as
        the reference leaves them); ``"any"``, not compared. With ``compare_output=False`` the output
        is not compared with the reference's: the test judges it itself (a distribution, say).
        """
        inputs = copy.deepcopy((args, kwargs))
        request = {"function": self.function, "random_state": np.random.get_state(), "keras_seed": keras_seed,
                   "describe": {"probe": probe, "weights": weights} if probe or weights else None,
                   "gradients": gradients, "callees": self.callee_sources}
        ref_args, ref_kwargs = copy.deepcopy(inputs)
        output, expected_gradients = call_function(self.reference[self.function], ref_args, ref_kwargs,
                                                   request["random_state"], keras_seed, gradients, _silently)
        expected = roundtrip(output, request["describe"])
        student_args, student_kwargs = copy.deepcopy(inputs)
        try:
            got = self.call_student({**request, "args": student_args, "kwargs": student_kwargs})
        except StudentError as error:
            self.fail(f"{case}: {error}")
        self.callees_used.update(got["callees"])
        if inputs_after == "unchanged":
            problem = describe_difference(roundtrip(inputs), got["inputs"], where="inputs", rtol=0, atol=0)
            if problem:
                self.fail(f"{case}: the function changed its input ({problem})")
        elif inputs_after == "as_reference":
            problem = describe_difference(roundtrip((ref_args, ref_kwargs)), got["inputs"],
                                          where="inputs after the call", rtol=rtol, atol=atol)
            if problem:
                self.fail(f"{case}: {problem}")
        problem = compare_output and describe_difference(expected, got["output"], rtol=rtol, atol=atol,
                                                         check_dtype=check_dtype)
        if problem:
            self.fail(f"{case}: {problem}")
        if gradients:
            self._compare_gradients(case, roundtrip(expected_gradients), got["gradients"], rtol, atol)
        self.cases += 1
        return got["output"]

    def _compare_gradients(self, case, expected, got, rtol, atol):
        if not isinstance(got, list) or len(got) != len(expected):
            self.fail(f"{case}: the gradients could not be computed")
        for index, (want, have) in enumerate(zip(expected, got)):
            if want is not None and have is None:
                self.fail(f"{case}: no gradient flows from the output back to tensor input {index + 1} "
                          "(compute it with TensorFlow operations, not NumPy)")
            problem = describe_difference(want, have, where=f"gradient of the output for tensor input {index + 1}",
                                          rtol=max(rtol, 1e-5), atol=max(atol, 1e-6))
            if problem:
                self.fail(f"{case}: {problem}")

    def fail(self, message):
        raise HiddenTestFailure(f"{self.function}: {message}")


class StudentError(Exception):
    """The learner's function could not produce an output (it raised, timed out or died)."""


def in_namespace(namespace):
    """A ``call_student`` for :class:`Comparison` that calls functions from a notebook's globals."""

    def call_student(request):
        function = namespace[request["function"]]
        args, kwargs = request["args"], request["kwargs"]
        with reference_callees(function, namespace, request["callees"]) as callees:
            try:
                output, gradients = call_function(function, args, kwargs, request["random_state"],
                                                  request["keras_seed"], request["gradients"], _silently)
            except Exception as error:  # the learner's code, any error
                raise StudentError(f"raised {type(error).__name__}: {error}") from None
            try:
                return {"output": roundtrip(output, request["describe"]), "inputs": roundtrip((args, kwargs)),
                        "gradients": roundtrip(gradients), "callees": callees}
            except Exception as error:  # a model whose summary or probe call fails
                raise StudentError(f"its output could not be examined ({type(error).__name__}: {error})") from None

    return call_student


@functools.cache
def grading_term():
    """The term the hidden tests draw their inputs for: ``c.HiddenTests.term`` in the course's
    ``nbgrader_config.py``. Rotating it gives every function new inputs; keeping it keeps every verdict."""
    from autograder.course import load_config

    return str(load_config().HiddenTests.get("term", ""))


def test_seed(assignment_id, function):
    """The seed of one function's hidden inputs: the same at every grading of a term."""
    digest = hashlib.sha256(f"{grading_term()}/{assignment_id}/{function}".encode()).digest()
    return int.from_bytes(digest[:4], "little")


def _with_note(message, callees):
    if not callees:
        return message
    return f"{message} (it ran with the reference {', '.join(sorted(callees))}, so only its own code counts)"


def run_tests(assignment_id, call_student, problems, functions=None):
    """Run the hidden tests of ``functions`` (default: all); return ``{function: (passed, message)}``.

    ``problems`` maps a function to why it cannot be graded (not defined, not the learner's own, its
    cell failed); those fail without being called. Every test draws its inputs from
    :func:`test_seed`, and every function runs with the reference versions of the other graded
    functions it calls, so the same submission always gets the same verdict and a bug costs once.
    """
    from autograder.reference import reference_namespace, reference_sources

    tests = hidden_tests(assignment_id)
    reference, sources = reference_namespace(assignment_id), reference_sources(assignment_id)
    outcomes = {}
    for name in functions or tests:
        if problems.get(name):
            outcomes[name] = (False, f"{name}: {problems[name]}")
            continue
        callees = {other: source for other, source in sources.items() if other != name}
        comparison = Comparison(name, reference, call_student, callees)
        seed = test_seed(assignment_id, name)
        try:
            with seeded(seed):
                tests[name].run(comparison, np.random.default_rng(seed))
            outcomes[name] = (True, _with_note(f"{name}: {comparison.cases} hidden checks passed.",
                                               comparison.callees_used))
        except HiddenTestFailure as failure:
            outcomes[name] = (False, _with_note(str(failure), comparison.callees_used))
        except Exception as error:  # a learner's output the hidden test could not even inspect
            outcomes[name] = (False, f"{name}: could not be checked ({type(error).__name__}: {error})")
    return outcomes


def namespace_problem(function, namespace):
    """Why ``namespace[function]`` cannot be graded, or ``None``."""
    if not callable(namespace.get(function)):
        return f"no function named {function} is defined in the notebook"
    return definition_problem(namespace[function], namespace)


def run_hidden_test(assignment_id, function, namespace):
    """Run the hidden test of ``function`` against the learner's ``namespace`` (a notebook's globals),
    in nbgrader's kernel. Raises :class:`HiddenTestFailure` with a readable message when the answer
    is wrong; the verdict is the one the sandboxed pipeline reaches.
    """
    problems = {function: namespace_problem(function, namespace)}
    passed, message = run_tests(assignment_id, in_namespace(namespace), problems, [function])[function]
    if not passed:
        raise HiddenTestFailure(message)
    print(message)

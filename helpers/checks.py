"""Comparing answers and reporting the verdict: the one home of the course's checks.

Public tests (``helpers.public_tests``) and the instructor's hidden tests both compare
values with :func:`describe_difference`, so a learner reads the same kind of message
("shape (4, 3) expected, got (3, 4)") whichever test caught the mistake.
"""
import copy

import numpy as np

from helpers.model_summary import ModelSummary

__all__ = [
    "CheckFailure",
    "Checker",
    "call_quietly",
    "describe_difference",
    "is_tensor",
    "rel_error",
    "summarize",
    "tensor_kind",
]

GREEN, RED, BOLD, RESET = "\x1b[32m", "\x1b[31m", "\x1b[1m", "\x1b[0m"


class CheckFailure(AssertionError):
    """A failed check, shown in a notebook as its message alone, in red, without a traceback."""

    def _render_traceback_(self):
        return [f"{RED}{BOLD}{self}{RESET}"]


def rel_error(x, y):
    """Largest relative difference between two arrays, ``|x - y| / max(1e-8, |x| + |y|)``."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    return float(np.max(np.abs(x - y) / np.maximum(1e-8, np.abs(x) + np.abs(y)), initial=0.0))


def is_tensor(value):
    """Whether ``value`` is a framework tensor or variable (TensorFlow's, for instance): an
    array-like object with ``shape``, ``dtype`` and a ``.numpy()`` method, but not a NumPy object.
    TensorFlow is never imported here."""
    return (not isinstance(value, (np.ndarray, np.generic)) and callable(getattr(value, "numpy", None))
            and hasattr(value, "shape") and hasattr(value, "dtype"))


def tensor_kind(value):
    """``"tf.Variable"`` for a variable (it can be assigned to), else ``"tf.Tensor"``; a tensor that
    crossed the grader's wire says which it was in ``tensor_kind``."""
    kind = getattr(value, "tensor_kind", None)
    if isinstance(kind, str):
        return kind
    return "tf.Variable" if callable(getattr(value, "assign", None)) else "tf.Tensor"


def _dtype_name(dtype):
    return getattr(dtype, "name", str(dtype))


def summarize(value):
    """A short description of a value: its type, shape and dtype, never the whole array."""
    if callable(getattr(value, "short_description", None)):  # a Keras model summary, or an opaque wire value
        return value.short_description()
    if isinstance(value, np.ndarray):
        return f"ndarray of shape {value.shape} and dtype {value.dtype}"
    if is_tensor(value):
        return f"{tensor_kind(value)} of shape {tuple(value.shape)} and dtype {_dtype_name(value.dtype)}"
    if isinstance(value, (list, tuple)):
        return f"{type(value).__name__} of length {len(value)}"
    if isinstance(value, dict):
        return f"dict with keys {sorted(map(str, value))}"
    if isinstance(value, (bool, np.bool_)):
        return f"bool {value}"
    if isinstance(value, (int, float, np.number)):
        return f"{type(value).__name__} {value!r}" if not isinstance(value, np.number) else f"{value.dtype} {value}"
    return type(value).__name__ if value is not None else "None"


def _is_scalar(value):
    return isinstance(value, (int, float, np.number)) or (isinstance(value, np.ndarray) and value.ndim == 0)


def _kind(value):
    """'b', 'i' or 'f': boolean, integer or real, for dtype comparisons."""
    kind = np.asarray(value).dtype.kind
    return {"u": "i", "c": "f"}.get(kind, kind)


_KIND_NAMES = {"b": "boolean", "i": "integer", "f": "floating-point"}


def _preview(array, limit=4):
    flat = np.asarray(array).ravel()
    text = np.array2string(flat[:limit], precision=8, separator=", ")
    return text[:-1] + ", ...]" if flat.size > limit else text


def describe_difference(expected, got, *, where="output", rtol=1e-6, atol=1e-9, check_dtype=True):
    """Return ``None`` when ``got`` matches ``expected``, else one sentence saying what differs.

    Dicts must have the same keys, lists and tuples the same type and length, arrays the same
    shape, the same dtype kind (when ``check_dtype``) and close values; a Python ``float``
    expected accepts any real scalar but not an ``int``.

    A TensorFlow tensor or variable expected (anything with a ``.numpy()`` method) must come
    back as the same kind of object (a ``tf.Variable`` where a variable is expected, a tensor
    where a tensor is), with exactly the same dtype (when ``check_dtype``: ``float32`` is not
    ``float64``, because TensorFlow does not mix them); the values are then compared as NumPy
    arrays, like any other array.

    A Keras model summary expected (:class:`helpers.model_summary.ModelSummary`) is compared layer
    by layer.
    """
    if isinstance(expected, ModelSummary):
        return expected.difference(got, where=where, rtol=rtol, atol=atol)
    if is_tensor(expected):
        if not is_tensor(got):
            return f"{where}: {summarize(expected)} expected, got {summarize(got)}"
        if tensor_kind(got) != tensor_kind(expected):
            return f"{where}: {tensor_kind(expected)} expected, got {summarize(got)}"
        if check_dtype and _dtype_name(got.dtype) != _dtype_name(expected.dtype):
            return f"{where}: dtype {_dtype_name(expected.dtype)} expected, got {summarize(got)}"
        return describe_difference(np.asarray(expected.numpy()), np.asarray(got.numpy()), where=where,
                                   rtol=rtol, atol=atol, check_dtype=check_dtype)
    if isinstance(expected, dict):
        if not isinstance(got, dict):
            return f"{where}: dict expected, got {summarize(got)}"
        missing, extra = set(expected) - set(got), set(got) - set(expected)
        if missing or extra:
            return (f"{where}: keys {sorted(map(str, expected))} expected, got {sorted(map(str, got))}")
        for key in expected:
            problem = describe_difference(expected[key], got[key], where=f'{where}["{key}"]',
                                          rtol=rtol, atol=atol, check_dtype=check_dtype)
            if problem:
                return problem
        return None
    if isinstance(expected, (list, tuple)):
        if type(got) is not type(expected):
            return f"{where}: {type(expected).__name__} expected, got {summarize(got)}"
        if len(got) != len(expected):
            return f"{where}: {type(expected).__name__} of length {len(expected)} expected, got length {len(got)}"
        for index, (e, g) in enumerate(zip(expected, got)):
            problem = describe_difference(e, g, where=f"{where}[{index}]", rtol=rtol, atol=atol,
                                          check_dtype=check_dtype)
            if problem:
                return problem
        return None
    if isinstance(expected, np.ndarray) and expected.ndim > 0:
        if not isinstance(got, np.ndarray):
            return f"{where}: {summarize(expected)} expected, got {summarize(got)}"
        if got.shape != expected.shape:
            return f"{where}: shape {expected.shape} expected, got {got.shape}"
        return _describe_values(expected, got, where, rtol, atol, check_dtype)
    if _is_scalar(expected):
        if not _is_scalar(got) or isinstance(got, (bool, np.bool_)) != isinstance(expected, (bool, np.bool_)):
            return f"{where}: a number like {expected!r} expected, got {summarize(got)}"
        if isinstance(expected, float) and _kind(got) != "f":
            return f"{where}: a float expected, got {summarize(got)}"
        return _describe_values(np.asarray(expected), np.asarray(got), where, rtol, atol, check_dtype)
    if isinstance(expected, str) or expected is None:
        return None if got == expected else f"{where}: {expected!r} expected, got {summarize(got)}"
    return None if got == expected else f"{where}: {expected!r} expected, got {got!r}"


def _describe_values(expected, got, where, rtol, atol, check_dtype):
    if check_dtype and _kind(expected) != _kind(got):
        return (f"{where}: {_KIND_NAMES.get(_kind(expected), expected.dtype)} values expected "
                f"(dtype {expected.dtype}), got dtype {got.dtype}")
    number = complex if "c" in expected.dtype.kind + got.dtype.kind else float
    try:
        close = np.isclose(got.astype(number), expected.astype(number), rtol=rtol, atol=atol, equal_nan=True)
    except (TypeError, ValueError):
        close = np.asarray(got == expected)
    if close.all():
        return None
    if expected.ndim == 0:
        return f"{where}: {expected.item()!r} expected, got {got.item()!r}"
    bad = np.argwhere(~close)
    first = tuple(int(i) for i in bad[0])
    return (f"{where}: values differ at {len(bad)} of {expected.size} positions, first at {first}: "
            f"{expected[first]!r} expected, got {got[first]!r}; expected starts {_preview(expected)}, "
            f"got {_preview(got)}")


def call_quietly(function, *args, **kwargs):
    """Call ``function`` with warnings silenced, so that no stray warning reaches stderr."""
    import warnings

    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        return function(*args, **kwargs)


class Checker:
    """Run the checks of one public test and print them as an aligned table.

    >>> check = Checker("sigmoid")
    >>> out = check.call(sigmoid, np.array([1., 2., 3.]), case="z = [1, 2, 3]")
    >>> check.same("values", expected, out)
    >>> check.done()
    """

    def __init__(self, function_name):
        self.function_name = function_name
        self.lines = []

    def call(self, target, *args, case, **kwargs):
        """Call the learner's function on copies of the inputs; report a crash or a mutated input."""
        originals = copy.deepcopy((args, kwargs))
        try:
            result = call_quietly(target, *args, **kwargs)
        except Exception as error:  # the learner's code, any error
            self.fail(f"{case}: raised {type(error).__name__}: {error}"
                      + (" (have you filled in every ### START CODE HERE ### block?)"
                         if "NoneType" in str(error) else ""))
        problem = describe_difference(originals, (args, kwargs), where="inputs", rtol=0, atol=0)
        if problem:
            self.fail(f"{case}: the function changed its input ({problem})")
        return result

    def same(self, label, expected, got, **tolerances):
        """Check that ``got`` matches ``expected`` (see :func:`describe_difference`)."""
        problem = describe_difference(expected, got, where="output", **tolerances)
        if problem:
            self.fail(f"{label}: {problem}")
        self._passed(label)

    def true(self, label, condition, explanation):
        """Check a condition; ``explanation`` says what was expected when it fails."""
        if not condition:
            self.fail(f"{label}: {explanation}")
        self._passed(label)

    def _passed(self, label):
        self.lines.append(label)
        print(f"  {GREEN}ok{RESET}  {label}")

    def fail(self, message):
        print(f"  {RED}FAIL{RESET} {message}")
        raise CheckFailure(f"{self.function_name}: {message}")

    def done(self):
        print(f"{GREEN}{BOLD}All tests passed.{RESET}")

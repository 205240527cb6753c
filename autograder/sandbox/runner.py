"""The program that runs a submission's code inside the sandbox, and what both grading paths share
about calling a learner's function.

``autograder.sandbox.process`` starts this file as a script inside the sandbox, where the
``autograder`` package is hidden and only this folder is visible (read-only). It reads JSON
requests, one per line, from its standard input and answers on its original standard output; the
submission's own prints go to /dev/null. Requests:

* ``{"op": "run_cell", "source": ...}`` runs notebook code (IPython syntax);
* ``{"op": "inspect", "function": ...}`` says whether a graded name is the notebook's own work;
* ``{"op": "call", "function", "args", "kwargs", "random_state", "keras_seed", "describe",
  "callees", "gradients"}`` calls a function the notebook defined and returns its output, its
  inputs after the call, the gradients asked for (encoded by :mod:`wire`) and which graded
  functions it called as the reference's:
  ``callees`` maps the notebook's other graded functions to their reference code, which stands in
  for the learner's versions during the call, so that a bug is charged to one function only.
"""
import contextlib
import inspect
import json
import os
import sys
import types

from helpers.checks import call_quietly, is_tensor

if __package__:
    from autograder.sandbox.wire import decode, encode, materialize
else:  # started as a script in the sandbox
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from wire import decode, encode, materialize

__all__ = ["call_function", "definition_problem", "reference_callees", "serve"]


def _module_files():
    return {getattr(module, "__file__", None) for module in list(sys.modules.values())} - {None}


def _function_problem(function, namespace, module_files):
    if function.__globals__ is not namespace or function.__code__.co_filename in module_files:
        return f"is {function.__module__}.{function.__qualname__}, defined outside the notebook"
    return None


def definition_problem(value, namespace):
    """``None`` when ``value`` (a graded function or class) was written in the notebook whose globals
    are ``namespace``, else why it earns nothing: imported objects are not the learner's work."""
    try:
        target = inspect.unwrap(value)
    except ValueError:
        target = value
    module_files = _module_files()
    if isinstance(target, types.FunctionType):
        problem = _function_problem(target, namespace, module_files)
    elif isinstance(target, type):
        if target.__module__ != namespace.get("__name__"):
            problem = f"is {target.__module__}.{target.__qualname__}, defined outside the notebook"
        else:
            methods = [m for m in vars(target).values() if isinstance(m, types.FunctionType)]
            problem = next(filter(None, (_function_problem(m, namespace, module_files) for m in methods)), None)
            problem = problem and f"has a method that {problem}"
    else:
        problem = f"is a {type(target).__name__}, not a function defined in the notebook"
    return problem and f"{problem}; graded functions must be written in the notebook itself"


def _prepare(random_state, keras_seed):
    """Set the random state a call starts from: Keras's (and TensorFlow's) seed when given, then
    NumPy's global state, identically for the reference and the learner."""
    import numpy as np

    if keras_seed is not None:
        import keras

        keras.utils.set_random_seed(int(keras_seed))
    np.random.set_state(random_state)


def _float_tensors(value):
    """The floating-point tensors and variables in a value (tuples, lists and dict values searched)."""
    if isinstance(value, (list, tuple)):
        return [t for item in value for t in _float_tensors(item)]
    if isinstance(value, dict):
        return [t for item in value.values() for t in _float_tensors(item)]
    dtype = getattr(value, "dtype", None)
    return [value] if is_tensor(value) and getattr(dtype, "is_floating", False) else []


def call_function(function, args, kwargs, random_state, keras_seed=None, gradients=False, call=call_quietly):
    """Call ``function`` as a hidden test does, from the given random state; return ``(output,
    gradients)``. With ``gradients``, they are d(sum of the output's float tensors)/d(each float
    tensor or variable among the inputs), ``None`` where no gradient flows; else ``None``.
    ``call(function, *args, **kwargs)`` makes the call (quietly, by default)."""
    _prepare(random_state, keras_seed)
    args, kwargs = materialize(args), materialize(kwargs)  # fresh layers, built after the seeding
    if not gradients:
        return call(function, *args, **kwargs), None
    import tensorflow as tf

    sources = _float_tensors((args, kwargs))
    with tf.GradientTape() as tape:
        tape.watch(sources)
        output = call(function, *args, **kwargs)
        targets = [tf.reduce_sum(tf.cast(t, tf.float64)) for t in _float_tensors(output)]
    if not targets:
        return output, [None] * len(sources)
    return output, list(tape.gradient(tf.add_n(targets), sources))


def _names_used(code):
    """Every global name a code object (and the functions nested in it) looks up."""
    names = set(code.co_names)
    for constant in code.co_consts:
        if isinstance(constant, types.CodeType):
            names |= _names_used(constant)
    return names


def _code_objects(value):
    """The code a graded function runs: its own, or for a graded class (a Keras layer), its methods'."""
    try:
        target = inspect.unwrap(value)
    except ValueError:
        target = value
    if isinstance(target, type):
        return [m.__code__ for m in vars(target).values() if isinstance(m, types.FunctionType)]
    code = getattr(target, "__code__", None)
    return [code] if code is not None else []


@contextlib.contextmanager
def reference_callees(function, namespace, sources):
    """For the block, the graded functions that ``function`` calls are the reference's (for a graded
    class, the ones its methods call).

    ``sources`` maps graded names to their reference code, which is run in a copy of ``namespace``
    (so reference functions call reference functions); the names ``function`` uses are bound to the
    results for the block and restored afterwards. Yields the sorted names replaced.
    """
    names = sorted(set().union(*map(_names_used, _code_objects(function))) & set(sources))
    saved = {name: namespace[name] for name in names if name in namespace}
    if names:
        scope = dict(namespace)
        for name, source in sources.items():
            exec(compile(source, f"<reference {name}>", "exec"), scope)
        namespace.update({name: scope[name] for name in names})
    try:
        yield names
    finally:
        for name in names:
            if name in saved:
                namespace[name] = saved[name]
            else:
                namespace.pop(name, None)


def _describe(error):
    return f"{type(error).__name__}: {error}"


def _call(shell, request):
    function = shell.user_ns.get(request["function"])
    if not callable(function):
        return {"ok": False, "error": f"no function named {request['function']} is defined"}
    args, kwargs = decode(request["args"], live=True), decode(request["kwargs"], live=True)
    describe = decode(request.get("describe"), live=True)
    with reference_callees(function, shell.user_ns, request.get("callees") or {}) as callees:
        output, gradients = call_function(function, args, kwargs, decode(request["random_state"]),
                                          request.get("keras_seed"), bool(request.get("gradients")))
        try:
            encoded = encode(output, describe)
        except Exception as error:  # a model whose summary or probe call fails
            return {"ok": False, "error": f"its output could not be examined ({_describe(error)})"}
    return {"ok": True, "output": encoded, "inputs": encode((args, kwargs)), "callees": callees,
            "gradients": encode(gradients)}


def _answer(shell, request):
    if request["op"] == "run_cell":
        result = shell.run_cell(request["source"], store_history=False, silent=True)
        error = result.error_before_exec or result.error_in_exec
        return {"ok": error is None, "error": _describe(error) if error else None}
    if request["op"] == "inspect":
        value = shell.user_ns.get(request["function"])
        if value is None:
            return {"ok": True, "problem": f"no function named {request['function']} is defined"}
        return {"ok": True, "problem": definition_problem(value, shell.user_ns)}
    if request["op"] == "call":
        return _call(shell, request)
    return {"ok": False, "error": f"unknown request {request['op']!r}"}


def serve(shell, requests, replies):
    """Answer requests until the input closes."""
    for line in requests:
        try:
            reply = _answer(shell, json.loads(line))
        except BaseException as error:  # the submission's code, anything at all
            reply = {"ok": False, "error": f"raised {_describe(error)}"}
        replies.write(json.dumps(reply).encode() + b"\n")
        replies.flush()


def main():
    requests = os.fdopen(os.dup(0), "rb")
    replies = os.fdopen(os.dup(1), "wb")
    quiet = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(quiet, fd)
    from IPython.core.interactiveshell import InteractiveShell

    serve(InteractiveShell.instance(), requests, replies)


if __name__ == "__main__":
    sys.exit(main())

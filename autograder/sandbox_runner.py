"""The program that runs a submission's code inside the sandbox, and the wire format it speaks.

It is copied into the submission's scratch folder and started by ``autograder.isolation``; it
imports nothing from ``autograder`` (which the sandbox hides). It reads JSON requests, one per
line, from its standard input and answers on its original standard output; the submission's own
prints go to /dev/null. Requests:

* ``{"op": "run_cell", "source": ...}`` runs notebook code (IPython syntax),
* ``{"op": "call", "function": ..., "args": ..., "kwargs": ..., "random_state": ...}`` calls a
  function the notebook defined and returns its output and its inputs after the call.

Values cross the pipe as plain JSON: numbers, strings, lists, tuples, dicts and numeric numpy
arrays; tensors travel as arrays; anything else as an opaque type name. Nothing is unpickled.
"""
import base64
import json
import math
import os
import sys
import warnings

MAX_DEPTH = 20
ARRAY_KINDS = "biufc"


class Opaque:
    """A value of a type the wire cannot carry; equal to nothing."""

    def __init__(self, type_name):
        self.type_name = type_name

    def __eq__(self, other):
        return False

    __hash__ = None

    def __repr__(self):
        return f"<{self.type_name} object>"


def encode(value, depth=0):
    """A JSON-ready form of ``value``."""
    import numpy as np

    if depth > MAX_DEPTH:
        return {"__opaque__": "deeply nested value"}
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, np.generic) and value.dtype.kind in ARRAY_KINDS:
        return {"__scalar__": value.dtype.str, "data": base64.b64encode(value.tobytes()).decode()}
    if isinstance(value, int):
        return {"__int__": str(value)}
    if isinstance(value, float):
        return {"__float__": repr(float(value))}
    if isinstance(value, np.ndarray) and value.dtype.kind in ARRAY_KINDS:
        data = np.ascontiguousarray(value)
        return {"__ndarray__": data.dtype.str, "shape": list(data.shape),
                "data": base64.b64encode(data.tobytes()).decode()}
    if isinstance(value, tuple):
        return {"__tuple__": [encode(v, depth + 1) for v in value]}
    if isinstance(value, list):
        return [encode(v, depth + 1) for v in value]
    if isinstance(value, dict):
        return {"__dict__": [[encode(k, depth + 1), encode(v, depth + 1)] for k, v in value.items()]}
    numpy_method = getattr(type(value), "numpy", None)
    if callable(numpy_method):
        try:
            return {"__tensor__": type(value).__name__, "value": encode(np.asarray(value.numpy()), depth + 1)}
        except Exception:
            pass
    return {"__opaque__": type(value).__name__}


def decode(data, depth=0, *, tensors=False):
    """The value ``encode`` described; with ``tensors``, tensors come back as TensorFlow constants."""
    import numpy as np

    if depth > MAX_DEPTH:
        raise ValueError("value nested too deeply")
    if data is None or isinstance(data, (bool, str)):
        return data
    if isinstance(data, list):
        return [decode(v, depth + 1, tensors=tensors) for v in data]
    if not isinstance(data, dict) or len(data) > 3:
        raise ValueError("malformed value")
    if "__int__" in data:
        return int(data["__int__"])
    if "__float__" in data:
        return float(data["__float__"])
    if "__scalar__" in data or "__ndarray__" in data:
        dtype = np.dtype(data.get("__scalar__") or data["__ndarray__"])
        if dtype.kind not in ARRAY_KINDS:
            raise ValueError(f"refused dtype {dtype}")
        raw = base64.b64decode(data["data"], validate=True)
        shape = () if "__scalar__" in data else tuple(int(n) for n in data["shape"])
        if any(n < 0 for n in shape) or math.prod(shape) * dtype.itemsize != len(raw):
            raise ValueError("array size does not match its shape")
        array = np.frombuffer(raw, dtype=dtype).reshape(shape).copy()
        return array[()] if "__scalar__" in data else array
    if "__tuple__" in data:
        return tuple(decode(v, depth + 1, tensors=tensors) for v in data["__tuple__"])
    if "__dict__" in data:
        return {decode(k, depth + 1, tensors=tensors): decode(v, depth + 1, tensors=tensors)
                for k, v in data["__dict__"]}
    if "__tensor__" in data:
        array = decode(data["value"], depth + 1)
        if tensors:
            import tensorflow as tf

            return tf.Variable(array) if "Variable" in data["__tensor__"] else tf.constant(array)
        return array
    if "__opaque__" in data:
        return Opaque(str(data["__opaque__"]))
    raise ValueError("malformed value")


def _describe(error):
    return f"{type(error).__name__}: {error}"


def serve(shell, requests, replies):
    """Answer requests until the input closes."""
    import numpy as np

    for line in requests:
        request = json.loads(line)
        try:
            if request["op"] == "run_cell":
                result = shell.run_cell(request["source"], store_history=False, silent=True)
                error = result.error_before_exec or result.error_in_exec
                reply = {"ok": error is None, "error": _describe(error) if error else None}
            elif request["op"] == "call":
                function = shell.user_ns.get(request["function"])
                if not callable(function):
                    reply = {"ok": False, "error": f"no function named {request['function']} is defined"}
                else:
                    args = decode(request["args"], tensors=True)
                    kwargs = decode(request["kwargs"], tensors=True)
                    np.random.set_state(decode(request["random_state"]))
                    with warnings.catch_warnings(), np.errstate(all="ignore"):
                        warnings.simplefilter("ignore")
                        output = function(*args, **kwargs)
                    reply = {"ok": True, "output": encode(output), "inputs": encode((args, kwargs))}
            else:
                reply = {"ok": False, "error": f"unknown request {request['op']!r}"}
        except BaseException as error:  # the submission's code, anything at all
            reply = {"ok": False, "error": _describe(error)}
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

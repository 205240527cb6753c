"""The wire between the grader and a sandboxed submission: values as plain JSON, never pickle.

:func:`encode` turns a value into JSON-ready data and :func:`decode` turns it back, keeping what
the hidden tests judge:

* ``None``, ``bool``, ``str``, Python ``int``, ``float`` and ``complex``;
* NumPy scalars and arrays with their exact dtype and shape (numbers, booleans, fixed-width text);
* tuples, lists, and dicts with their key order (keys of any kind above);
* TensorFlow tensors and variables: which of the two, the exact dtype and the values. They come
  back as :class:`WireTensor` stand-ins, or, with ``live=True`` (arguments inside the sandbox),
  as real ``tf.constant`` / ``tf.Variable`` objects;
* Keras models and layers, as a :class:`helpers.model_summary.ModelSummary` (with weights, or the
  output on given inputs, when ``describe`` asks);
* :class:`Built`: a recipe for a fresh Keras layer (or a network from a ``helpers`` function) that a
  hidden test passes as an argument; :func:`materialize` builds it where the function is called.

Anything else crosses as an :class:`Opaque` type name, equal to nothing. Decoding validates every
field and refuses deep nesting, unknown tags and arrays whose size does not match their shape.
Both grading paths pass every output through ``decode(encode(...))``, so a verdict is the same
whether the learner's function ran in the sandbox or in nbgrader's kernel.
"""
import base64
import math

import numpy as np

from helpers.checks import is_tensor, tensor_kind
from helpers.model_summary import ModelSummary, is_keras_layer, summarize_model

__all__ = ["Built", "Opaque", "WireTensor", "decode", "encode", "materialize", "roundtrip"]

MAX_DEPTH = 24
ARRAY_KINDS = "biufcSU"
TENSOR_KINDS = ("tf.Tensor", "tf.Variable")


class Opaque:
    """A value of a type the wire does not carry: its type name only, equal to nothing."""

    def __init__(self, type_name):
        self.type_name = str(type_name)[:200]

    def __eq__(self, other):
        return False

    __hash__ = None

    def short_description(self):
        return f"a {self.type_name} object"

    def __repr__(self):
        return f"<{self.type_name} object>"


class Built:
    """A fresh object for a graded function's argument, built where the function is called.

    ``Built("keras.layers.LSTM", 64, return_state=True)`` is a new ``LSTM`` layer; ``Built(
    "helpers.music.make_probe_inference_model", Ty=5)`` is whatever that ``helpers`` function
    returns. Only factories under ``keras.layers.`` and ``helpers.`` are allowed, and only plain data
    goes in. It crosses the wire as its factory and arguments; :func:`materialize`, which the call
    runs after seeding, builds it (so Keras layers get the same initial weights on both sides).
    """

    PREFIXES = ("keras.layers.", "helpers.")

    def __init__(self, factory, *args, **kwargs):
        if not isinstance(factory, str) or not factory.startswith(self.PREFIXES):
            raise ValueError(f"refused factory {factory!r}")
        self.factory, self.args, self.kwargs = factory, tuple(args), dict(kwargs)

    def build(self):
        import importlib

        module, _, name = self.factory.rpartition(".")
        return getattr(importlib.import_module(module), name)(*self.args, **self.kwargs)

    def __eq__(self, other):
        return isinstance(other, Built) and (self.factory, self.args, self.kwargs) == (
            other.factory, other.args, other.kwargs)

    def short_description(self):
        return f"a new {self.factory.rpartition('.')[2]}"

    def __repr__(self):
        return f"Built({self.factory!r}, ...)"


def _holds_built(value, depth=0):
    if isinstance(value, Built):
        return True
    if depth > MAX_DEPTH:
        return False
    if isinstance(value, (tuple, list)):
        return any(_holds_built(v, depth + 1) for v in value)
    if isinstance(value, dict):
        return any(_holds_built(v, depth + 1) for v in value.values())
    return False


def materialize(value):
    """``value`` with every :class:`Built` replaced by what it builds; ``value`` itself when it holds none
    (so a function that changes its arguments in place still changes the caller's)."""
    if not _holds_built(value):
        return value
    if isinstance(value, Built):
        return value.build()
    if isinstance(value, (tuple, list)):
        return type(value)(materialize(v) for v in value)
    return {k: materialize(v) for k, v in value.items()}


class _DType:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


class WireTensor:
    """A TensorFlow tensor or variable after the wire: its kind, dtype name and values."""

    def __init__(self, kind, dtype, array):
        if kind not in TENSOR_KINDS or not isinstance(dtype, str) or not isinstance(array, np.ndarray):
            raise ValueError("malformed tensor")
        self.tensor_kind, self.dtype, self._array = kind, _DType(dtype), array

    @property
    def shape(self):
        return self._array.shape

    def numpy(self):
        return self._array

    def __repr__(self):
        return f"<{self.tensor_kind} shape={self.shape} dtype={self.dtype.name}>"


def _tag(name, **fields):
    return {f"__{name}__": True, **fields}


def _text_array(array):
    """An object array of str or bytes (a tf.string tensor) as a fixed-width array, else ``None``."""
    items = array.ravel().tolist()
    for kind in (str, bytes):
        if all(isinstance(item, kind) for item in items):
            return np.array(items, dtype="U" if kind is str else "S").reshape(array.shape)
    return None


def _encode_array(array, scalar=False):
    array = np.array(array, order="C", copy=True)  # (ascontiguousarray would make a scalar 1-d)
    return _tag("scalar" if scalar else "ndarray", dtype=array.dtype.str, shape=list(array.shape),
                data=base64.b64encode(array.tobytes()).decode())


def encode(value, describe=None, depth=0):
    """A JSON-ready form of ``value``.

    ``describe`` (``{"probe": (args, kwargs), "weights": bool}``) says what to add to the summary of
    a Keras model or layer.
    """
    if depth > MAX_DEPTH:
        return _tag("opaque", type="deeply nested value")
    if value is None or isinstance(value, (bool, str)) and type(value) in (bool, str):
        return value
    if isinstance(value, Built):
        return _tag("built", factory=value.factory, args=encode(list(value.args), None, depth + 1),
                    kwargs=encode(value.kwargs, None, depth + 1))
    if isinstance(value, np.generic) and value.dtype.kind in ARRAY_KINDS:
        return _encode_array(np.asarray(value), scalar=True)
    if type(value) is int:
        return _tag("int", value=str(value))
    if type(value) is float:
        return _tag("float", value=repr(value))
    if type(value) is complex:
        return _tag("complex", real=repr(value.real), imag=repr(value.imag))
    if isinstance(value, np.ndarray):
        if value.dtype.kind == "O":
            value = _text_array(value)
        if value is not None and value.dtype.kind in ARRAY_KINDS:
            return _encode_array(value)
        return _tag("opaque", type="ndarray of objects")
    if isinstance(value, (tuple, list)):
        items = [encode(v, describe, depth + 1) for v in value]
        return _tag("tuple", items=items) if isinstance(value, tuple) else items
    if isinstance(value, dict):
        return _tag("dict", items=[[encode(k, describe, depth + 1), encode(v, describe, depth + 1)]
                                   for k, v in value.items()])
    if is_keras_layer(value):
        options = describe or {}
        summary = summarize_model(value, probe=options.get("probe"), weights=bool(options.get("weights")))
        return _tag("keras", summary=encode(summary.to_plain(), None, depth + 1))
    if is_tensor(value):
        try:
            array = np.asarray(value.numpy())
        except Exception:  # a symbolic tensor, which has no values
            return _tag("opaque", type=f"symbolic {type(value).__name__}")
        return _tag("tensor", kind=tensor_kind(value), dtype=str(getattr(value.dtype, "name", value.dtype)),
                    value=encode(array, None, depth + 1))
    return _tag("opaque", type=type(value).__name__)


def _decode_array(data):
    dtype = np.dtype(data["dtype"])
    if dtype.kind not in ARRAY_KINDS or dtype.hasobject:
        raise ValueError(f"refused dtype {dtype}")
    raw = base64.b64decode(data["data"], validate=True)
    shape = tuple(int(n) for n in data["shape"])
    if any(n < 0 for n in shape) or math.prod(shape) * dtype.itemsize != len(raw):
        raise ValueError("array size does not match its shape")
    return np.frombuffer(raw, dtype=dtype).reshape(shape).copy()


def decode(data, *, live=False, depth=0):
    """The value :func:`encode` described; ``ValueError`` for anything malformed.

    With ``live``, tensors come back as TensorFlow objects (for calling a learner's function).
    """
    if depth > MAX_DEPTH:
        raise ValueError("value nested too deeply")
    if data is None or isinstance(data, (bool, str)):
        return data
    if isinstance(data, list):
        return [decode(v, live=live, depth=depth + 1) for v in data]
    if not isinstance(data, dict):
        raise ValueError("malformed value")
    tags = [key for key in data if key.startswith("__")]
    if len(tags) != 1:
        raise ValueError("malformed value")
    tag = tags[0]
    if tag == "__int__":
        return int(data["value"])
    if tag == "__float__":
        return float(data["value"])
    if tag == "__complex__":
        return complex(float(data["real"]), float(data["imag"]))
    if tag == "__scalar__":
        return _decode_array(data)[()]
    if tag == "__ndarray__":
        return _decode_array(data)
    if tag == "__tuple__":
        return tuple(decode(v, live=live, depth=depth + 1) for v in data["items"])
    if tag == "__dict__":
        items = [(decode(k, live=live, depth=depth + 1), decode(v, live=live, depth=depth + 1))
                 for k, v in data["items"]]
        return dict(items)
    if tag == "__tensor__":
        array = decode(data["value"], depth=depth + 1)
        if not isinstance(array, np.ndarray):
            raise ValueError("malformed tensor")
        if live:
            import tensorflow as tf

            tensor = tf.constant(array, dtype=tf.as_dtype(data["dtype"]))
            return tf.Variable(tensor) if data["kind"] == "tf.Variable" else tensor
        return WireTensor(data["kind"], data["dtype"], array)
    if tag == "__keras__":
        return ModelSummary.from_plain(decode(data["summary"], depth=depth + 1))
    if tag == "__built__":
        args, kwargs = decode(data["args"], depth=depth + 1), decode(data["kwargs"], depth=depth + 1)
        if not isinstance(args, list) or not isinstance(kwargs, dict) or not all(isinstance(k, str) for k in kwargs):
            raise ValueError("malformed built value")
        return Built(data["factory"], *args, **kwargs)
    if tag == "__opaque__":
        return Opaque(data["type"])
    raise ValueError(f"unknown tag {tag}")


def roundtrip(value, describe=None):
    """``value`` as it looks after crossing the wire: how both grading paths see every output."""
    return decode(encode(value, describe))

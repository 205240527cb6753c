"""Keras models and layers as plain data, compared layer by layer.

:func:`summarize_model` describes a model or layer by what a test judges: the layer classes in
order, the configuration that matters (units, filters, kernel size, strides, padding, activation,
rate, axis, …), output shapes, parameter counts and whether each layer trains, and, when asked,
its weights and its output on given inputs. Public tests compare a learner's model with an
expected :class:`ModelSummary`; the grader's wire carries one across the sandbox (see
``autograder/sandbox/wire.py``), and :meth:`ModelSummary.difference` says what differs, e.g.
``layer 3 (Conv2D): padding 'same' expected, got 'valid'``.
"""
from dataclasses import dataclass, field

import numpy as np

__all__ = ["ModelSummary", "is_keras_layer", "is_keras_model", "summarize_model"]

# The configuration keys a test judges; every other key (names, initializers, dtypes) is ignored.
JUDGED_CONFIG = (
    "units", "filters", "kernel_size", "strides", "padding", "activation", "recurrent_activation", "rate",
    "axis", "pool_size", "size", "return_sequences", "return_state", "num_heads", "key_dim", "value_dim",
    "dropout", "epsilon", "momentum", "use_bias", "input_dim", "output_dim", "target_shape", "dims", "n",
    "dilation_rate", "mask_zero", "mode", "factor", "axes", "normalize",
)
MAX_DEPTH = 6


def is_keras_layer(value):
    """Whether ``value`` is a Keras layer or model, found without importing Keras."""
    return any(cls.__name__ == "Layer" and cls.__module__.startswith("keras.") for cls in type(value).__mro__)


def is_keras_model(value):
    """Whether ``value`` is a Keras model with inputs (a functional or built model) that can be trained."""
    return is_keras_layer(value) and hasattr(value, "inputs") and callable(getattr(value, "fit", None))


def _plain_config(value):
    """A config value as comparable plain data: tuples as lists, activations by name."""
    if isinstance(value, (list, tuple)):
        return [_plain_config(v) for v in value]
    if isinstance(value, dict):  # a serialized object, such as an activation given as a function
        return value.get("config", {}).get("name") or value.get("class_name") or str(sorted(value))
    if callable(value):
        return getattr(value, "__name__", type(value).__name__)
    return value if isinstance(value, (bool, int, float, str, type(None))) else repr(value)


def _shape(tensor):
    return [None if n is None else int(n) for n in tensor.shape]


def _output_shape(layer):
    try:
        output = layer.output
    except (AttributeError, ValueError):  # not called yet, or shared between several calls
        return None
    return [_shape(t) for t in output] if isinstance(output, (list, tuple)) else _shape(output)


def _absolute_axis(axis, layer):
    """A negative ``axis`` (or list of axes) counted from the front of the layer's input, so that
    ``axis=-1`` and ``axis=3`` on a 4-D input compare equal; unchanged when the input is unknown."""
    try:
        rank = len(layer.input.shape)
    except (AttributeError, ValueError, TypeError):  # not called yet, or shared between several calls
        return axis
    if isinstance(axis, list):
        return [_absolute_axis(a, layer) for a in axis]
    return axis + rank if isinstance(axis, int) and not isinstance(axis, bool) and axis < 0 else axis


def _as_array(value):
    """Outputs on the probe inputs as NumPy data (tensors converted), keeping list/tuple/dict structure."""
    if isinstance(value, (list, tuple)):
        return type(value)(_as_array(v) for v in value)
    if isinstance(value, dict):
        return {k: _as_array(v) for k, v in value.items()}
    return np.asarray(value.numpy() if callable(getattr(value, "numpy", None)) else value)


@dataclass
class ModelSummary:
    """A Keras model or layer as plain data; ``layers`` are its sublayers, summarized alike."""

    cls: str
    config: dict = field(default_factory=dict)
    trainable: bool = True
    params: int | None = None
    output_shape: list | None = None
    layers: list = field(default_factory=list)
    inputs: list | None = None
    outputs: list | None = None
    weights: list | None = None
    probe_output: object = None

    def to_plain(self):
        """A dict of plain data (NumPy arrays for weights and outputs)."""
        plain = {key: getattr(self, key) for key in ("cls", "config", "trainable", "params", "output_shape",
                                                      "inputs", "outputs", "weights", "probe_output")}
        plain["layers"] = [layer.to_plain() for layer in self.layers]
        return plain

    @classmethod
    def from_plain(cls, data, depth=0):
        """The summary a :meth:`to_plain` dict describes; ``ValueError`` for anything malformed."""
        if depth > MAX_DEPTH or not isinstance(data, dict) or not isinstance(data.get("cls"), str):
            raise ValueError("malformed model summary")
        if not isinstance(data.get("config", {}), dict) or not isinstance(data.get("layers", []), list):
            raise ValueError("malformed model summary")
        known = {k: data[k] for k in ("config", "trainable", "params", "output_shape", "inputs", "outputs",
                                      "weights", "probe_output") if k in data}
        return cls(data["cls"], layers=[cls.from_plain(d, depth + 1) for d in data.get("layers", [])], **known)

    def short_description(self):
        kind = "model" if self.inputs is not None else "layer"
        return f"Keras {self.cls} {kind} with {len(self.layers)} layers" if self.layers else f"Keras {self.cls} {kind}"

    def difference(self, got, *, where="output", rtol=1e-6, atol=1e-9):
        """``None`` when ``got`` (any value) matches this summary, else one sentence naming the first
        layer that differs and how."""
        from helpers.checks import describe_difference, summarize

        if not isinstance(got, ModelSummary):
            return f"{where}: a {self.short_description()} expected, got {summarize(got)}"
        problem = self._structure_difference(got, where)
        if problem:
            return problem
        for label, expected, actual in (("weights", self.weights, got.weights),
                                        ("output on the test inputs", self.probe_output, got.probe_output)):
            if expected is not None:
                problem = describe_difference(expected, actual, where=f"{where} {label}", rtol=rtol, atol=atol)
                if problem:
                    return problem
        return None

    def _structure_difference(self, got, where):
        """The first difference in classes, judged configuration, sublayers, shapes or parameters."""
        if got.cls != self.cls:
            return f"{where}: {self.cls} expected, got {got.cls}"
        for key, value in self.config.items():
            if got.config.get(key, "(not set)") != value:
                return f"{where}: {key} {value!r} expected, got {got.config.get(key, '(not set)')!r}"
        for index, (expected, actual) in enumerate(zip(self.layers, got.layers)):
            problem = expected._structure_difference(actual, f"{where}: layer {index} ({expected.cls})")
            if problem:
                return problem
        if len(got.layers) != len(self.layers):
            shorter, longer = sorted((self.layers, got.layers), key=len)
            which = "missing" if longer is self.layers else "extra"
            names = ", ".join(layer.cls for layer in longer[len(shorter):])
            return f"{where}: {len(self.layers)} layers expected, got {len(got.layers)} ({which}: {names})"
        for label, expected, actual in (("input shapes", self.inputs, got.inputs),
                                        ("output shapes", self.outputs, got.outputs),
                                        ("output shape", self.output_shape, got.output_shape),
                                        ("parameter count", self.params, got.params),
                                        ("trainable", self.trainable, got.trainable)):
            if expected is not None and actual != expected:
                return f"{where}: {label} {expected!r} expected, got {actual!r}"
        return None


def summarize_model(value, *, probe=None, weights=False, depth=0):
    """The :class:`ModelSummary` of a Keras model or layer.

    ``probe`` is ``(args, kwargs)``: the summary then holds ``value(*args, **kwargs)`` as NumPy data;
    ``weights`` adds every weight array, in order.
    """
    probe_output = None
    if probe is not None:  # first: calling a layer builds it, which gives it parameters
        args, kwargs = probe
        probe_output = _as_array(value(*args, **kwargs))
    try:
        config = value.get_config() if callable(getattr(value, "get_config", None)) else {}
    except NotImplementedError:  # a subclassed keras.Model without a get_config of its own
        config = {}
    if not isinstance(config, dict):
        config = {}
    children = list(getattr(value, "layers", None) or getattr(value, "_layers", None) or [])
    is_model = hasattr(value, "inputs") and hasattr(value, "outputs") and callable(getattr(value, "fit", None))
    judged = {k: _plain_config(config[k]) for k in JUDGED_CONFIG if k in config}
    if "axis" in judged:
        judged["axis"] = _absolute_axis(judged["axis"], value)
    summary = ModelSummary(
        cls=type(value).__name__,
        config=judged,
        trainable=bool(getattr(value, "trainable", True)),
        params=int(value.count_params()) if getattr(value, "built", False) else None,
        output_shape=None if is_model else _output_shape(value),
        layers=[summarize_model(child, depth=depth + 1) for child in children] if depth < MAX_DEPTH else [],
        probe_output=probe_output,
    )
    if is_model:
        try:
            summary.inputs = [_shape(t) for t in value.inputs]
            summary.outputs = [_shape(t) for t in value.outputs]
        except (AttributeError, TypeError, ValueError):  # a subclassed model that was never called
            summary.inputs = summary.outputs = []
    if weights:
        summary.weights = [np.asarray(w) for w in value.get_weights()]
    return summary

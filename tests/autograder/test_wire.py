"""The wire between grader and sandbox: every kind of value both ways, Keras models layer by layer."""
import json

import keras
import numpy as np
import pytest
import tensorflow as tf

from autograder.hidden import Comparison, HiddenTestFailure, in_namespace, probe
from autograder.sandbox.runner import definition_problem, reference_callees
from autograder.sandbox.wire import Opaque, WireTensor, decode, encode, roundtrip
from helpers.checks import describe_difference
from helpers.model_summary import ModelSummary, summarize_model



def through_json(value, **options):
    """``value`` after encoding, a real JSON text and decoding."""
    return decode(json.loads(json.dumps(encode(value))), **options)


@pytest.mark.parametrize("value", [
    None, True, False, "text", "", 0, -7, 2**80, 1.5, float("inf"), -0.0, 1 + 2j,
    np.float32(1.25), np.float64(-3.5), np.int8(-4), np.uint16(9), np.bool_(True), np.complex64(1j),
    np.arange(6, dtype=np.int32).reshape(2, 3), np.ones((0, 4)), np.array([True, False]),
    np.array(["ab", "c"]), np.array([b"x", b"yz"]), np.zeros((2, 1, 3), dtype=np.float32),
    (1, 2.0), [1, (2, [3.0])], {"b": 1, "a": np.ones(2)}, {1: "one", (2, 3): "pair", None: 0},
])
def test_plain_values_come_back_with_their_exact_type_dtype_and_shape(value):
    """Does every plain kind return as the same Python or NumPy type, dtype, shape, value and key order?"""
    back = through_json(value)
    assert type(back) is type(value)
    assert describe_difference(value, back, rtol=0, atol=0) is None
    if isinstance(value, (np.ndarray, np.generic)):
        assert back.dtype == value.dtype and back.shape == value.shape
    if isinstance(value, dict):
        assert list(back) == list(value)


def test_nan_and_nested_containers_keep_their_structure():
    value = {"cache": ((np.array([np.nan, 1.0]), [np.float32(2)]), {"inner": (None, "s")})}
    back = through_json(value)
    assert type(back["cache"]) is tuple and type(back["cache"][0][1]) is list
    assert np.isnan(back["cache"][0][0][0]) and type(back["cache"][0][1][0]) is np.float32


def test_tensors_and_variables_keep_their_kind_and_exact_dtype():
    """Does a tf.Tensor stay a tensor, a tf.Variable a variable, each with its exact dtype, and do the two
    (and an ndarray) never pass for one another?"""
    tensor = tf.constant([[1.0, 2.0]], dtype=tf.float64)
    variable = tf.Variable(np.ones((2, 2), dtype=np.float32))
    for value, kind, dtype in ((tensor, "tf.Tensor", "float64"), (variable, "tf.Variable", "float32"),
                               (tf.constant([b"a", b"bc"]), "tf.Tensor", "string")):
        back = through_json(value)
        assert isinstance(back, WireTensor) and back.tensor_kind == kind and back.dtype.name == dtype
        live = through_json(value, live=True)
        assert isinstance(live, tf.Variable if kind == "tf.Variable" else tf.Tensor)
        assert live.dtype.name == dtype and np.array_equal(live.numpy(), value.numpy())
    assert describe_difference(roundtrip(tensor), roundtrip(tensor)) is None
    assert "tf.Tensor" in describe_difference(roundtrip(tensor), roundtrip(tensor.numpy()))
    assert "tf.Variable expected" in describe_difference(roundtrip(variable), roundtrip(tf.constant(variable)))
    assert "dtype float64 expected" in describe_difference(roundtrip(tensor), roundtrip(tf.cast(tensor, tf.float32)))


def test_other_objects_cross_as_opaque_names_equal_to_nothing():
    back = through_json(object())
    assert isinstance(back, Opaque) and back.type_name == "object" and back != back
    assert "a object object" in describe_difference(1.0, back)
    assert isinstance(through_json(np.array([object()])), Opaque)


@pytest.mark.parametrize("data", [
    {"__ndarray__": True, "dtype": "<f8", "shape": [3], "data": "AAAA"},
    {"__ndarray__": True, "dtype": "|O", "shape": [1], "data": ""},
    {"__ndarray__": True, "dtype": "<f8", "shape": [-1], "data": ""},
    {"__tuple__": True, "items": [], "__dict__": True},
    {"__pickle__": True},
    {"plain": "dict"},
    {"__tensor__": True, "kind": "tf.Anything", "dtype": "float32",
     "value": {"__ndarray__": True, "dtype": "<f4", "shape": [0], "data": ""}},
    {"__keras__": True, "summary": {"__dict__": True, "items": [[{"__int__": True, "value": "1"}, None]]}},
    12,
])
def test_malformed_data_is_refused(data):
    """Do wrong sizes, object dtypes, unknown or doubled tags, bad tensors and bad summaries raise ValueError?"""
    with pytest.raises(ValueError):
        decode(data)


def test_deep_nesting_is_refused_both_ways():
    value = []
    for _ in range(40):
        value = [value]
    assert "deeply nested" in json.dumps(encode(value))
    deep = {"__tuple__": True, "items": []}
    for _ in range(40):
        deep = {"__tuple__": True, "items": [deep]}
    with pytest.raises(ValueError):
        decode(deep)


def small_cnn(padding="same", units=1, extra=False, axis=3):
    keras.utils.set_random_seed(3)
    inputs = keras.Input((8, 8, 3))
    x = keras.layers.Conv2D(4, 3, padding=padding, activation="relu")(inputs)
    x = keras.layers.BatchNormalization(axis=axis)(x)
    x = keras.layers.MaxPooling2D(2)(x)
    x = keras.layers.Flatten()(x)
    if extra:
        x = keras.layers.Dropout(0.5)(x)
    return keras.Model(inputs, keras.layers.Dense(units, activation="sigmoid")(x))


def test_a_keras_model_round_trips_and_is_compared_layer_by_layer():
    """Does a model cross as its summary (classes, judged config, shapes, parameters), equal to the same
    architecture and different, with the first differing layer named, from a changed one?"""
    model = small_cnn()
    back = through_json(model)
    assert isinstance(back, ModelSummary) and back == summarize_model(model)
    assert [layer.cls for layer in back.layers] == ["InputLayer", "Conv2D", "BatchNormalization", "MaxPooling2D",
                                                     "Flatten", "Dense"]
    conv = back.layers[1]
    assert conv.config == {"filters": 4, "kernel_size": [3, 3], "strides": [1, 1], "padding": "same",
                           "activation": "relu", "dilation_rate": [1, 1], "use_bias": True}
    assert conv.output_shape == [None, 8, 8, 4] and conv.params == 112 and back.params == 193
    assert back.inputs == [[None, 8, 8, 3]] and back.outputs == [[None, 1]]
    assert describe_difference(back, through_json(small_cnn())) is None
    assert describe_difference(back, through_json(small_cnn(padding="valid"))) == (
        "output: layer 1 (Conv2D): padding 'same' expected, got 'valid'")
    assert describe_difference(back, through_json(small_cnn(extra=True))) == (
        "output: layer 5 (Dense): Dense expected, got Dropout")
    assert "a Keras Functional model with 6 layers expected, got ndarray" in describe_difference(back, np.ones(2))


def test_a_negative_axis_is_the_same_axis_counted_from_the_end():
    """Is BatchNormalization(axis=-1) on a 4-D input judged the same as axis=3, and axis=1 still different?"""
    expected = through_json(small_cnn())
    assert expected.layers[2].config["axis"] == 3
    assert describe_difference(expected, through_json(small_cnn(axis=-1))) is None
    assert describe_difference(expected, through_json(small_cnn(axis=1))) == (
        "output: layer 2 (BatchNormalization): axis 3 expected, got 1")


def test_weights_and_outputs_on_probe_inputs_are_compared_when_asked():
    x = np.random.default_rng(0).random((2, 8, 8, 3)).astype(np.float32)
    options = {"probe": probe(x, training=False), "weights": True}
    expected = roundtrip(small_cnn(), options)
    assert expected.probe_output.shape == (2, 1) and len(expected.weights) == 8
    assert describe_difference(expected, roundtrip(small_cnn(), options)) is None
    keras.utils.set_random_seed(4)
    other = small_cnn()
    other.layers[-1].set_weights([w + 0.5 for w in other.layers[-1].get_weights()])
    problem = describe_difference(expected, roundtrip(other, options))
    assert problem.startswith("output weights[6]: values differ")


def test_a_subclassed_layer_with_sublayers_is_summarized_after_its_probe_call():
    class Block(keras.layers.Layer):
        def __init__(self, units):
            super().__init__()
            self.dense = keras.layers.Dense(units, activation="relu")
            self.norm = keras.layers.LayerNormalization(epsilon=1e-6)

        def call(self, x, training=False):
            return self.norm(self.dense(x))

    x = np.ones((2, 5), dtype=np.float32)
    summary = roundtrip(Block(3), {"probe": probe(x), "weights": False})
    assert [layer.cls for layer in summary.layers] == ["Dense", "LayerNormalization"]
    assert summary.params == 24 and summary.probe_output.shape == (2, 3)
    assert summary.layers[1].config == {"axis": [-1], "epsilon": 1e-6}


def test_a_subclassed_model_without_get_config_is_summarized_after_its_probe_call():
    """A graded keras.Model subclass (Keras cannot give its config): does it cross as its sublayers, parameter
    count and outputs on the probe inputs?"""
    class Pair(keras.Model):
        def __init__(self, units):
            super().__init__()
            self.dense = keras.layers.Dense(units)

        def call(self, x, training=False):
            return self.dense(x), {"doubled": 2 * self.dense(x)}

    x = np.ones((2, 5), dtype=np.float32)
    summary = roundtrip(Pair(3), {"probe": probe(x, training=False), "weights": False})
    assert summary.cls == "Pair" and [layer.cls for layer in summary.layers] == ["Dense"] and summary.params == 18
    output, extra = summary.probe_output
    assert output.shape == (2, 3) and np.allclose(extra["doubled"], 2 * output)


def test_a_graded_class_calls_the_reference_of_the_graded_names_its_methods_use():
    """A graded class (a Keras layer built from another graded layer) under test: do the graded names its
    methods use (in __init__ as in call) stand for the reference's during the call, and come back after?"""
    namespace = {"__name__": "__main__"}
    exec("def inner(x):\n    return x + 1\ndef other(x):\n    return x\nclass Outer:\n    def __init__(self):\n"
         "        self.first = inner(0)\n    def call(self, x):\n        return inner(x)\n", namespace)
    sources = {"inner": "def inner(x):\n    return x + 10\n", "other": "def other(x):\n    return -x\n"}
    with reference_callees(namespace["Outer"], namespace, sources) as names:
        outer = namespace["Outer"]()
        assert names == ["inner"] and (outer.first, outer.call(1)) == (10, 11)
    assert namespace["Outer"]().call(1) == 2 and namespace["other"](1) == 1


def verdicts(imports, reference_code, answers, *args, **options):
    """The hidden-test verdict (None or the failure message) of each answer, graded through a real sandbox
    and in a notebook's namespace: ``{name: (sandboxed, in_namespace)}``."""
    from autograder.sandbox.client import Session
    from autograder.sandbox.process import Limits, Sandbox

    reference = {"__name__": "reference"}
    exec(imports + reference_code, reference)
    function = next(name for name in reference if not name.startswith("__") and callable(reference[name])
                    and getattr(reference[name], "__module__", None) == "reference")

    def verdict(call_student):
        comparison = Comparison(function, reference, call_student)
        try:
            comparison.call(*args, case="the case", **options)
        except HiddenTestFailure as failure:
            return str(failure)
        return None

    limits = Limits(cell_seconds=120, call_seconds=120, total_seconds=300)
    results = {}
    for name, code in answers.items():
        with Sandbox(limits) as sandbox:
            session = Session(sandbox, [imports, code], limits)
            session.run_cells()
            assert session.problem(function) is None
            sandboxed = verdict(session.call)
        namespace = {"__name__": "__main__"}
        exec(imports + code, namespace)
        results[name] = (sandboxed, verdict(in_namespace(namespace)))
    return results


def test_in_kernel_and_sandboxed_calls_give_the_same_verdicts_on_models():
    """A model-building function graded through a real sandbox and in a notebook's namespace: the same
    verdict for a right architecture and a wrong one, and the wrong one's message names the layer."""
    right = ("def build(units):\n    inputs = keras.Input((6,))\n    hidden = keras.layers.Dense(units, activation='tanh')"
             "(inputs)\n    return keras.Model(inputs, keras.layers.Dense(1)(hidden))\n")
    x = np.linspace(-1, 1, 12, dtype=np.float32).reshape(2, 6)
    results = verdicts("import numpy as np\nimport keras\n", right,
                       {"right": right, "wrong": right.replace("'tanh'", "'relu'")},
                       4, keras_seed=7, probe=probe(x), weights=True)
    assert results["right"] == (None, None)
    assert results["wrong"][0] == results["wrong"][1] == (
        "build: the case: output: layer 1 (Dense): activation 'tanh' expected, got 'relu'")


def test_a_result_computed_outside_tensorflow_carries_no_gradient():
    """With gradients=True, does a function that computes in NumPy and wraps the result in a tensor fail on
    both paths, while one written with TensorFlow operations passes?"""
    right = "def forward(X, W):\n    return tf.nn.relu(W @ X)\n"
    numpy = "def forward(X, W):\n    return tf.constant(np.maximum(W.numpy() @ X.numpy(), 0))\n"
    rng = np.random.default_rng(1)
    X = tf.constant(rng.normal(size=(3, 4)).astype(np.float32))
    W = tf.Variable(rng.normal(size=(2, 3)).astype(np.float32))
    results = verdicts("import numpy as np\nimport tensorflow as tf\n", right, {"right": right, "numpy": numpy},
                       X, W, gradients=True)
    assert results["right"] == (None, None)
    assert results["numpy"][0] == results["numpy"][1]
    assert "no gradient flows from the output back to tensor input 1" in results["numpy"][0]


def test_graded_objects_must_be_written_in_the_notebook():
    """Are functions and classes defined in the notebook its own, and imported ones (or ones built from
    imported code) not?"""
    namespace = {"__name__": "__main__"}
    exec("import functools\nfrom helpers.checks import rel_error\nfrom helpers.model_summary import ModelSummary\n"
         "def mine(x):\n    return x\nclass Layer:\n    def call(self, x):\n        return x\n"
         "partial = functools.partial(mine)\n"
         "import types\nforged = types.FunctionType(rel_error.__code__, globals())\n"
         "class Borrowed:\n    call = rel_error\n", namespace)
    assert definition_problem(namespace["mine"], namespace) is None
    assert definition_problem(namespace["Layer"], namespace) is None
    assert "helpers.checks.rel_error, defined outside the notebook" in definition_problem(namespace["rel_error"],
                                                                                          namespace)
    assert "helpers.model_summary.ModelSummary" in definition_problem(namespace["ModelSummary"], namespace)
    assert "is a partial" in definition_problem(namespace["partial"], namespace)
    assert definition_problem(namespace["forged"], namespace)
    assert definition_problem(namespace["Borrowed"], namespace).startswith("has a method that is")
    assert definition_problem(np.exp, namespace)


def test_a_built_argument_crosses_as_its_recipe_and_is_built_after_the_seeding():
    """Does Built cross the wire as plain data, refuse factories outside keras.layers and helpers, and give
    the reference and the learner layers with the same initial weights?"""
    from autograder.sandbox.runner import call_function
    from autograder.sandbox.wire import Built, materialize

    spec = Built("keras.layers.Dense", 3, activation="relu")
    assert roundtrip(spec) == spec and roundtrip((spec, [1])) == (spec, [1])
    with pytest.raises(ValueError):
        Built("os.system", "true")
    with pytest.raises(ValueError):
        decode({"__built__": True, "factory": "subprocess.run", "args": [], "kwargs": {"__dict__": True, "items": []}})
    args = ([spec], {"x": 1})
    assert materialize(args[1]) is args[1]

    def kernel(layers, extra):
        layer = layers[0]
        layer.build((None, 2))
        return layer.kernel.numpy()

    state = np.random.RandomState(0).get_state()
    first, _ = call_function(kernel, args, {}, state, keras_seed=3)
    second, _ = call_function(kernel, roundtrip(args), {}, state, keras_seed=3)
    assert first.shape == (2, 3) and np.array_equal(first, second)
    assert args[0][0] is spec  # the caller's arguments still hold the recipe


def test_in_place_functions_are_judged_by_the_inputs_they_leave():
    """With inputs_after="as_reference", must the learner change its arguments as the reference does (in place),
    and with compare_output=False is the output left to the test? The same verdict on both paths."""
    reference = "def clip_all(arrays, limit):\n    for a in arrays:\n        np.clip(a, -limit, limit, out=a)\n    return len(arrays)\n"
    answers = {"right": reference,
               "copies": "def clip_all(arrays, limit):\n    arrays = [np.clip(a, -limit, limit) for a in arrays]\n"
                         "    return len(arrays)\n",
               "other output": reference.replace("return len(arrays)", "return 0")}
    arrays = [np.array([-3.0, 0.5, 4.0]), np.array([[9.0]])]
    results = verdicts("import numpy as np\n", reference, answers, arrays, 1.0, inputs_after="as_reference")
    assert results["right"] == (None, None)
    assert results["copies"][0] and results["copies"][0] == results["copies"][1]
    assert "inputs after the call" in results["copies"][0]
    assert results["other output"][0] and results["other output"][0] == results["other output"][1]
    results = verdicts("import numpy as np\n", reference, answers, arrays, 1.0, inputs_after="any",
                       compare_output=False)
    assert all(verdict == (None, None) for verdict in results.values())

"""Public tests of *The Transformer network* (c5w4_transformer).

The positional encoding and the masks are checked on small inputs with values written out; scaled
dot-product attention on the queries, keys and values below, with and without a mask. Each Keras layer
is built after ``keras.utils.set_random_seed(10)``, so its initial weights are the ones the expected
outputs were computed with (TensorFlow 2.21, Keras 3.15), and called in inference mode; the tests also
check what must hold whatever the weights: masked positions receive no attention, dropout is off at
inference, the last layer normalization centres every position.
"""
import numpy as np

from helpers.checks import Checker, is_tensor
from helpers.seeding import seeded

__all__ = [
    "Decoder_test",
    "DecoderLayer_test",
    "Encoder_test",
    "EncoderLayer_test",
    "Transformer_test",
    "create_look_ahead_mask_test",
    "create_padding_mask_test",
    "get_angles_test",
    "positional_encoding_test",
    "scaled_dot_product_attention_test",
]

ANGLES = [[0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
          [1.0, 1.0, 0.0464159, 0.0464159, 0.0021544, 0.0021544],
          [2.0, 2.0, 0.0928318, 0.0928318, 0.0043089, 0.0043089],
          [3.0, 3.0, 0.1392477, 0.1392477, 0.0064633, 0.0064633]]

#: Queries, keys and values of the attention test, and the mask that hides key 2.
Q = [[[1, 0, 1, 1], [0, 1, 1, 1], [1, 0, 0, 1]]]
K = [[[1, 1, 0, 1], [1, 0, 1, 1], [0, 1, 1, 0], [0, 0, 0, 1]]]
V = [[[0, 0], [1, 0], [1, 0], [1, 1]]]
MASK = [[[1, 1, 0, 1]]]
ATTENTION_OUTPUT = [[[0.741052, 0.15706], [0.722725, 0.168176], [0.663799, 0.203916]]]
ATTENTION_WEIGHTS = [[[0.258948, 0.426933, 0.15706, 0.15706], [0.277275, 0.277275, 0.277275, 0.168176],
                      [0.336201, 0.336201, 0.123682, 0.203916]]]
MASKED_OUTPUT = [[[0.692804, 0.186324], [0.616348, 0.232697], [0.616348, 0.232697]]]
MASKED_WEIGHTS = [[[0.307196, 0.50648, 0.0, 0.186324], [0.383652, 0.383652, 0.0, 0.232697],
                   [0.383652, 0.383652, 0.0, 0.232697]]]

#: The input of the layer tests: one sequence of three positions of size 4; the mask hides position 2.
X = [[[1, 0, 1, 1], [0, 1, 1, 1], [1, 0, 0, 1]]]
LAYER_MASK = [[[1.0, 1.0, 0.0]]]
ENCODER_LAYER = [[[1.603367, -0.334634, -0.12821, -1.140523], [1.320968, 0.176823, -0.006572, -1.491218],
                  [1.638195, -0.255418, -0.307304, -1.075473]]]
SOURCE_IDS = [[2, 1, 3], [1, 4, 0]]
ENCODER = [[[-0.09578, 1.178434, -1.545329, 0.462674], [0.972346, -0.500227, -1.396419, 0.924299],
            [0.4255, -1.02266, -0.840459, 1.437618]],
           [[0.190682, 0.647339, -1.682626, 0.844606], [0.754276, -0.82581, -1.1361, 1.207634],
            [0.657907, -1.129747, -0.807993, 1.279833]]]
ENCODER_OUTPUT = [[[0.5, -1, 0, 1], [1, 1, -0.5, 0], [0, 0, 1, -1]]]
DECODER_LAYER = [[[0.968677, -1.654981, 0.551946, 0.134358], [-1.489516, 0.829091, 0.991979, -0.331554],
                  [1.393899, -1.173123, -0.683299, 0.462523]]]
DECODER_LAYER_SELF_HEAD_1 = [[1.0, 0.0, 0.0], [0.750626, 0.249374, 0.0], [0.367579, 0.128398, 0.504024]]
DECODER_LAYER_CROSS_HEAD_1 = [[0.467103, 0.532897, 0.0], [0.905041, 0.094959, 0.0], [0.119899, 0.880101, 0.0]]
TARGET_IDS = [[3, 2, 1], [1, 5, 4]]
DECODER = [[[-0.614932, -1.253332, 0.543103, 1.325161], [0.211093, -1.68619, 0.627463, 0.847633],
            [0.482829, -1.557085, 1.155729, -0.081473]],
           [[0.591572, -1.409202, -0.406637, 1.224267], [1.441952, -1.280115, -0.447639, 0.285802],
            [1.344002, -1.475649, 0.004845, 0.126802]]]
DECODER_KEYS = ["decoder_layer1_block1_self_att", "decoder_layer1_block2_decenc_att",
                "decoder_layer2_block1_self_att", "decoder_layer2_block2_decenc_att"]
TRANSFORMER_SOURCE = [[2, 1, 3, 0], [1, 4, 2, 3]]
TRANSFORMER_FIRST = [0.040027, 0.248089, 0.400379, 0.093934, 0.161922, 0.055649]
TRANSFORMER_LAST = [0.037696, 0.248088, 0.377047, 0.10153, 0.170816, 0.064823]
TOLERANCE = {"rtol": 1e-4, "atol": 1e-5}


def _f32(value):
    return np.array(value, dtype=np.float32)


def _tf():
    import tensorflow as tf

    return tf


def _padding(ids):
    """The padding mask of ``ids``, (n, 1, m), computed here so that the layer tests do not depend on yours."""
    return _tf().constant((np.array(ids)[:, None, :] != 0).astype(np.float32))


def _tensor(check, label, value, shape, dtype="float32"):
    """``value`` as a NumPy array, once it is a tensor of this shape and dtype."""
    if value is None:
        problem = "a tensor expected, got None (have you filled in every ### START CODE HERE ### block?)"
    elif not is_tensor(value):
        problem = f"a tf.Tensor expected, got {type(value).__name__}"
    elif tuple(value.shape) != shape:
        problem = f"shape {shape} expected, got {tuple(value.shape)}"
    elif value.dtype.name != dtype:
        problem = f"dtype {dtype} expected, got {value.dtype.name}"
    else:
        problem = None
    check.true(f"{label} is a {dtype} tensor of shape {shape}", problem is None, problem)
    return np.asarray(value)


def _build(check, target, *args, case, **kwargs):
    """The learner's layer, built after keras.utils.set_random_seed(10); NumPy's global state is restored."""
    import keras

    with seeded():
        keras.utils.set_random_seed(10)
        return check.call(target, *args, case=case, **kwargs)


def _normalized(check, label, output):
    rows = output.reshape(-1, output.shape[-1])
    check.true(f"{label}: every position has mean 0 and standard deviation 1 (the last layer normalization)",
               np.allclose(rows.mean(axis=-1), 0, atol=1e-4) and np.allclose(rows.std(axis=-1), 1, atol=1e-2),
               "the output should end with a layer normalization of (residual + sublayer)")


def get_angles_test(target):
    check = Checker("get_angles")
    pos, k = np.arange(4)[:, np.newaxis], np.arange(6)[np.newaxis, :]
    angles = check.call(target, pos, k, 6, case="pos = [[0], [1], [2], [3]], k = [[0, ..., 5]], d = 6")
    check.true("returns an array of shape (4, 6)", np.shape(angles) == (4, 6),
               f"shape (4, 6) expected, got {np.shape(angles)}")
    check.same("columns 2i and 2i+1 share the angle pos / 10000^(2i/d)", np.array(ANGLES),
               np.asarray(angles, dtype=float), rtol=1e-5, atol=1e-7)
    angles = check.call(target, np.arange(3)[:, np.newaxis], np.arange(8)[np.newaxis, :], 8, case="d = 8")
    check.same("d = 8, position 2, column 7", 2 / 10000 ** (6 / 8), float(np.asarray(angles)[2, 7]), rtol=1e-6)
    check.done()


def positional_encoding_test(target):
    check = Checker("positional_encoding")
    encoding = _tensor(check, "positional_encoding(50, 512)", check.call(target, 50, 512, case="50 positions, d = 512"),
                       (1, 50, 512))
    check.same("position 1, columns 0 and 1: sin(1) and cos(1)", [np.sin(1.0), np.cos(1.0)],
               encoding[0, 1, :2].astype(float).tolist(), rtol=1e-5)
    angle = 10 / 10000 ** (8 / 512)
    check.same("position 10, columns 8 and 9: sin and cos of 10 / 10000^(8/512)", [np.sin(angle), np.cos(angle)],
               encoding[0, 10, 8:10].astype(float).tolist(), rtol=1e-5)
    check.same("position 0: sines 0, cosines 1", np.tile(_f32([0, 1]), 256), encoding[0, 0])
    check.true("every pair of columns has sin² + cos² = 1",
               np.allclose(encoding[0, :, 0::2] ** 2 + encoding[0, :, 1::2] ** 2, 1, atol=1e-5),
               "the even columns should hold sines and the odd ones the cosines of the same angles")
    check.done()


def create_padding_mask_test(target):
    check = Checker("create_padding_mask")
    ids = np.array([[7, 6, 0, 0, 1], [1, 2, 3, 0, 0], [0, 0, 0, 4, 5]])
    mask = _tensor(check, "the mask", check.call(target, ids, case="three sequences of five tokens"), (3, 1, 5))
    check.same("1 for a token, 0 for padding", _f32([[[1, 1, 0, 0, 1]], [[1, 1, 1, 0, 0]], [[0, 0, 0, 1, 1]]]), mask)
    mask = _tensor(check, "the mask of a tensor", check.call(target, _tf().constant([[0, 3]]), case="a tf.Tensor"),
                   (1, 1, 2))
    check.same("the mask of [[0, 3]]", _f32([[[0, 1]]]), mask)
    check.done()


def create_look_ahead_mask_test(target):
    check = Checker("create_look_ahead_mask")
    mask = _tensor(check, "create_look_ahead_mask(3)", check.call(target, 3, case="sequence_length = 3"), (1, 3, 3))
    check.same("ones on and below the diagonal", _f32([[[1, 0, 0], [1, 1, 0], [1, 1, 1]]]), mask)
    mask = _tensor(check, "create_look_ahead_mask(6)", check.call(target, 6, case="sequence_length = 6"), (1, 6, 6))
    check.same("create_look_ahead_mask(6)", np.tril(np.ones((1, 6, 6), dtype=np.float32)), mask)
    check.done()


def scaled_dot_product_attention_test(target):
    check = Checker("scaled_dot_product_attention")
    tf = _tf()
    q, k, v = (tf.constant(_f32(a)) for a in (Q, K, V))
    result = check.call(target, q, k, v, None, case="3 queries, 4 keys, no mask")
    check.true("returns (output, attention_weights)", isinstance(result, tuple) and len(result) == 2,
               f"a tuple of two tensors expected, got {type(result).__name__}")
    output, weights = (_tensor(check, label, value, shape) for label, value, shape in
                       (("output", result[0], (1, 3, 2)), ("attention_weights", result[1], (1, 3, 4))))
    check.same("attention weights, no mask (softmax of q·k / sqrt(4))", _f32(ATTENTION_WEIGHTS), weights, **TOLERANCE)
    check.same("output, no mask", _f32(ATTENTION_OUTPUT), output, **TOLERANCE)
    output, weights = check.call(target, q, k, v, tf.constant(_f32(MASK)), case="mask [[[1, 1, 0, 1]]]")
    check.same("attention weights with the mask: key 2 gets 0", _f32(MASKED_WEIGHTS), np.asarray(weights), **TOLERANCE)
    check.same("output with the mask", _f32(MASKED_OUTPUT), np.asarray(output), **TOLERANCE)
    check.done()


def EncoderLayer_test(target):
    check = Checker("EncoderLayer")
    tf = _tf()
    layer = _build(check, target, 4, 2, 8, dropout_rate=0.5, case="EncoderLayer(4, 2, 8, dropout_rate=0.5)")
    x, mask = tf.constant(_f32(X)), tf.constant(_f32(LAYER_MASK))
    output = _tensor(check, "the output", check.call(layer, x, training=False, mask=mask, case="training=False"),
                     (1, 3, 4))
    check.same("the output (inference, position 2 masked)", _f32(ENCODER_LAYER), output, **TOLERANCE)
    _normalized(check, "the output", output)
    again = np.asarray(check.call(layer, x, training=False, mask=mask, case="training=False, again"))
    check.true("no dropout at inference: the same output twice", np.array_equal(output, again),
               "two calls with training=False differ: pass training=training to the dropout layers")
    changed = np.asarray(check.call(layer, tf.constant(_f32(X) + [[[0], [0], [5]]]), training=False, mask=mask,
                                    case="the masked position changed"))
    check.true("the masked position does not change the others", np.allclose(changed[0, :2], output[0, :2], atol=1e-5),
               "changing the masked position 2 changed positions 0 and 1: pass attention_mask=mask to self.mha")
    check.done()


def Encoder_test(target):
    check = Checker("Encoder")
    tf = _tf()
    encoder = _build(check, target, 2, 4, 2, 8, 5, 6, dropout_rate=0.5,
                     case="Encoder(2, 4, 2, 8, 5, 6, dropout_rate=0.5)")
    ids = tf.constant(SOURCE_IDS)
    mask = _padding(SOURCE_IDS)
    output = _tensor(check, "the output", check.call(encoder, ids, training=False, mask=mask, case="training=False"),
                     (2, 3, 4))
    check.same("the output (inference, the padding of the second sequence masked)", _f32(ENCODER), output,
               **TOLERANCE)
    _normalized(check, "the output", output)
    again = np.asarray(check.call(encoder, ids, training=False, mask=mask, case="training=False, again"))
    check.true("no dropout at inference: the same output twice", np.array_equal(output, again),
               "two calls with training=False differ: pass training=training to self.dropout and to every layer")
    check.done()


def DecoderLayer_test(target):
    check = Checker("DecoderLayer")
    tf = _tf()
    layer = _build(check, target, 4, 2, 8, dropout_rate=0.5, case="DecoderLayer(4, 2, 8, dropout_rate=0.5)")
    look_ahead = tf.constant(np.tril(np.ones((1, 3, 3), dtype=np.float32)))
    result = check.call(layer, tf.constant(_f32(X)), tf.constant(_f32(ENCODER_OUTPUT)), training=False,
                        look_ahead_mask=look_ahead, padding_mask=tf.constant(_f32(LAYER_MASK)), case="training=False")
    check.true("returns (out3, attn_weights_block1, attn_weights_block2)",
               isinstance(result, tuple) and len(result) == 3,
               f"a tuple of three tensors expected, got {type(result).__name__}")
    output, block1, block2 = (_tensor(check, label, value, shape) for label, value, shape in
                              (("out3", result[0], (1, 3, 4)), ("attn_weights_block1", result[1], (1, 2, 3, 3)),
                               ("attn_weights_block2", result[2], (1, 2, 3, 3))))
    check.true("self-attention: no position attends to a later one", np.all(np.triu(block1, 1) == 0),
               "the self-attention weights above the diagonal should be 0: pass attention_mask=look_ahead_mask")
    check.true("encoder-decoder attention: the padded position 2 gets no weight", np.all(block2[..., 2] == 0),
               "the weights of the masked encoder position should be 0: pass attention_mask=padding_mask")
    check.same("self-attention weights of head 1", _f32(DECODER_LAYER_SELF_HEAD_1), block1[0, 0], **TOLERANCE)
    check.same("encoder-decoder attention weights of head 1", _f32(DECODER_LAYER_CROSS_HEAD_1), block2[0, 0],
               **TOLERANCE)
    check.same("out3", _f32(DECODER_LAYER), output, **TOLERANCE)
    _normalized(check, "out3", output)
    check.done()


def Decoder_test(target):
    check = Checker("Decoder")
    tf = _tf()
    decoder = _build(check, target, 2, 4, 2, 8, 6, 5, dropout_rate=0.5,
                     case="Decoder(2, 4, 2, 8, 6, 5, dropout_rate=0.5)")
    encoder_output = tf.constant(np.concatenate([_f32(ENCODER_OUTPUT), _f32(ENCODER_OUTPUT)[:, ::-1]]))
    padding = _padding(SOURCE_IDS)
    result = check.call(decoder, tf.constant(TARGET_IDS), encoder_output, training=False,
                        look_ahead_mask=tf.constant(np.tril(np.ones((1, 3, 3), dtype=np.float32))),
                        padding_mask=padding, case="training=False")
    check.true("returns (x, attention_weights)", isinstance(result, tuple) and len(result) == 2,
               f"a tuple (x, attention_weights) expected, got {type(result).__name__}")
    output, weights = result
    output = _tensor(check, "x", output, (2, 3, 4))
    check.true("attention_weights is a dict with the keys of both blocks of both layers",
               isinstance(weights, dict) and list(weights) == DECODER_KEYS,
               f"keys {DECODER_KEYS} expected, got {list(weights) if isinstance(weights, dict) else weights!r}")
    for key in DECODER_KEYS:
        _tensor(check, key, weights[key], (2, 2, 3, 3))
    check.same("x (inference)", _f32(DECODER), output, **TOLERANCE)
    check.done()


def Transformer_test(target):
    check = Checker("Transformer")
    tf = _tf()
    model = _build(check, target, 2, 4, 2, 8, 5, 6, 6, 5, dropout_rate=0.5,
                   case="Transformer(2, 4, 2, 8, 5, 6, 6, 5, dropout_rate=0.5)")
    source = tf.constant(TRANSFORMER_SOURCE)
    padding = _padding(TRANSFORMER_SOURCE)
    result = check.call(model, source, tf.constant(TARGET_IDS), training=False, enc_padding_mask=padding,
                        look_ahead_mask=tf.constant(np.tril(np.ones((1, 3, 3), dtype=np.float32))),
                        dec_padding_mask=padding, case="training=False")
    check.true("returns (final_output, attention_weights)", isinstance(result, tuple) and len(result) == 2,
               f"a tuple (final_output, attention_weights) expected, got {type(result).__name__}")
    probabilities, weights = result
    probabilities = _tensor(check, "final_output", probabilities, (2, 3, 6))
    check.true("final_output: probabilities that sum to 1", np.allclose(probabilities.sum(axis=-1), 1, atol=1e-5),
               "each position's outputs should sum to 1 (the final softmax layer)")
    check.true("attention_weights: the decoder's dict", isinstance(weights, dict) and list(weights) == DECODER_KEYS,
               f"keys {DECODER_KEYS} expected, got {list(weights) if isinstance(weights, dict) else weights!r}")
    _tensor(check, "the encoder-decoder attention of layer 2", weights[DECODER_KEYS[3]], (2, 2, 3, 4))
    check.same("final_output, first sequence, position 1", _f32(TRANSFORMER_FIRST), probabilities[0, 0], **TOLERANCE)
    check.same("final_output, second sequence, position 3", _f32(TRANSFORMER_LAST), probabilities[1, 2], **TOLERANCE)
    check.done()

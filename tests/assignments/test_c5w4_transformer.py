"""The Transformer network: hidden tests catch plausible bugs in the positional encoding, the masks, attention
and every layer (a missing mask, a mask of the wrong sign, scaling by d_model instead of d_k, residuals in the
wrong place, dropout at inference, ...), accept other correct answers, charge a bug in a layer to that layer
only, and the notebook still teaches its lesson: the encodings' dot products depend on distance only, masked
positions get no weight, the learner's Transformer trains, and the shipped weights loaded into it translate
the held-out dates better than the attention LSTM of week 3. The lesson is read from one run of the reference
notebook outside grading."""
import functools
import re
from unittest import mock

import pytest

from autograder.reference import reference_sources
from tests.support import check_mutants_and_variants, executed_reference, namespace_with, stderr_cells

ASSIGNMENT = "c5w4_transformer"


@functools.cache
def reference(function):
    """The reference code of ``function``, without its ``# GRADED FUNCTION`` line."""
    return reference_sources(ASSIGNMENT)[function].split("\n", 1)[1]


def mutate(function, *changes, imports=""):
    """The reference of ``function`` with each ``(old, new)`` change made; every ``old`` must occur."""
    code = reference(function)
    for old, new in changes:
        assert old in code, f"{old!r} not in the reference {function}"
        code = code.replace(old, new)
    return imports + code


SDPA_MASK = "scaled_attention_logits = scaled_attention_logits + (1. - mask) * -1e9"
DK = "dk = tf.cast(tf.shape(k)[-1], tf.float32)"
MHA = "self.mha(x, x, x, attention_mask=mask, training=training)"
FFN_DROPOUT = "ffn_output = self.dropout_ffn(ffn_output, training=training)"
SCALE = "x = x * tf.math.sqrt(tf.cast(self.embedding_dim, tf.float32))"
ADD_PE = "x = x + self.pos_encoding[:, :seq_len, :]"
DROPOUT = "x = self.dropout(x, training=training)"
INDENT = "\n" + " " * 56  # the continuation lines of the attention calls
BLOCK1 = f"self.mha1(x, x, x, attention_mask=look_ahead_mask,{INDENT}return_attention_scores=True, training=training)"
BLOCK2 = f"self.mha2(Q1, enc_output, enc_output, attention_mask=padding_mask,{INDENT}return_attention_scores=True, " \
         "training=training)"
ENCODER_CALL = "self.encoder(input_sentence, training=training, mask=enc_padding_mask)"
DECODER_PADDING = "padding_mask=dec_padding_mask"
NO_TRAINING = (", training=training", "")

MUTANTS = {
    "get_angles": [
        mutate("get_angles", ("i = k // 2", "i = k / 2")),  # no integer division: odd columns get their own angle
        mutate("get_angles", ("2 * i / d", "i / d")),  # the exponent without its factor 2
        mutate("get_angles", ("2 * i / d", "2 * k / d")),  # the column instead of its pair
    ],
    "positional_encoding": [
        mutate("positional_encoding", ("np.sin(angle_rads[:, 0::2])", "np.cos(angle_rads[:, 0::2])"),
               ("np.cos(angle_rads[:, 1::2])", "np.sin(angle_rads[:, 1::2])")),  # sines and cosines swapped
        mutate("positional_encoding", ("pos_encoding = angle_rads[np.newaxis, ...]", "pos_encoding = angle_rads")),
        mutate("positional_encoding", ("np.cos(angle_rads[:, 1::2])", "np.sin(angle_rads[:, 1::2])")),  # sines only
        mutate("positional_encoding", ("tf.cast(pos_encoding, dtype=tf.float32)", "tf.constant(pos_encoding)")),
    ],
    "create_padding_mask": [
        mutate("create_padding_mask", ("1 - tf.cast", "tf.cast")),  # 1 for padding: the inverted convention
        mutate("create_padding_mask", ("seq[:, tf.newaxis, :]", "seq[:, :, tf.newaxis]")),  # (n, m, 1)
        mutate("create_padding_mask", ("seq[:, tf.newaxis, :]", "seq[:, tf.newaxis, tf.newaxis, :]")),  # 4-D
        mutate("create_padding_mask", ("1 - tf.cast(tf.math.equal(decoder_token_ids, 0), tf.float32)",
                                       "tf.math.not_equal(decoder_token_ids, 0)")),  # booleans, not float32
    ],
    "create_look_ahead_mask": [
        mutate("create_look_ahead_mask", ("-1, 0)", "0, -1)")),  # the upper triangle: sees the future only
        mutate("create_look_ahead_mask", ("tf.linalg.band_part(tf.ones((1, sequence_length, sequence_length)), -1, 0)",
                                          "1 - tf.linalg.band_part(tf.ones((1, sequence_length, sequence_length)), "
                                          "0, -1)")),  # strictly lower: a position cannot see itself
        mutate("create_look_ahead_mask", ("tf.ones((1, sequence_length, sequence_length))",
                                          "tf.ones((sequence_length, sequence_length))")),  # no batch axis
    ],
    "scaled_dot_product_attention": [
        mutate("scaled_dot_product_attention", (SDPA_MASK, "scaled_attention_logits = scaled_attention_logits")),
        mutate("scaled_dot_product_attention", ("(1. - mask) * -1e9", "mask * -1e9")),  # the mask of the wrong sign
        mutate("scaled_dot_product_attention",  # scaling by d_model = heads * depth instead of d_k
               (DK, "dk = tf.cast(tf.shape(k)[1] * tf.shape(k)[-1], tf.float32)")),
        mutate("scaled_dot_product_attention", ("matmul_qk / tf.math.sqrt(dk)", "matmul_qk / dk")),  # no square root
        mutate("scaled_dot_product_attention", (DK, "dk = tf.cast(tf.shape(k)[-2], tf.float32)")),  # the keys' count
        mutate("scaled_dot_product_attention", ("axis=-1", "axis=-2")),  # softmax over the queries
        mutate("scaled_dot_product_attention",  # the mask multiplied in: a masked score becomes 0, not -inf
               (SDPA_MASK, "scaled_attention_logits = scaled_attention_logits * mask")),
    ],
    "EncoderLayer": [
        mutate("EncoderLayer", (MHA, "self.mha(x, x, x, training=training)")),  # no mask
        mutate("EncoderLayer", (MHA, "self.mha(x, x, x, mask, training=training)")),  # positional: the query mask
        mutate("EncoderLayer", ("self.layernorm2(skip_x_attention + ffn_output)",
                                "self.layernorm2(x + ffn_output)")),  # the residual of the wrong sublayer
        mutate("EncoderLayer", (FFN_DROPOUT, "ffn_output = self.dropout_ffn(ffn_output, training=True)")),
        mutate("EncoderLayer", (FFN_DROPOUT, "ffn_output = ffn_output")),  # no dropout while training
    ],
    "Encoder": [
        mutate("Encoder", (SCALE, "x = x")),  # no scaling by sqrt(d)
        mutate("Encoder", (SCALE, ADD_PE), (ADD_PE, SCALE)),  # the positional encoding scaled too
        mutate("Encoder", (DROPOUT, "x = self.dropout(x, training=True)")),  # dropout at inference
        mutate("Encoder", ("mask=mask)", "mask=None)")),  # the padding not masked
    ],
    "DecoderLayer": [
        mutate("DecoderLayer", (BLOCK1, "self.mha1(x, x, x, return_attention_scores=True, training=training)")),
        mutate("DecoderLayer", ("self.layernorm2(mult_attn_out2 + Q1)", "self.layernorm2(mult_attn_out2 + x)")),
        mutate("DecoderLayer", (FFN_DROPOUT, "ffn_output = self.dropout_ffn(ffn_output, training=True)")),
        mutate("DecoderLayer", (BLOCK2, BLOCK2.replace("Q1, enc_output, enc_output", "enc_output, Q1, Q1"))),
        mutate("DecoderLayer", (BLOCK2, BLOCK2.replace("attention_mask=padding_mask,", ""))),  # source padding seen
    ],
    "Decoder": [
        mutate("Decoder", (".format(i + 1)", ".format(i)")),  # layers numbered from 0
        mutate("Decoder", (SCALE, "x = x")),
        mutate("Decoder", (DROPOUT, "x = self.dropout(x, training=True)")),
        mutate("Decoder", ("look_ahead_mask=look_ahead_mask,", "look_ahead_mask=None,")),  # the future visible
    ],
    "Transformer": [
        mutate("Transformer", ("mask=enc_padding_mask", "mask=dec_padding_mask"),
               (DECODER_PADDING, "padding_mask=enc_padding_mask")),  # the two padding masks swapped
        mutate("Transformer", ("look_ahead_mask=look_ahead_mask", "look_ahead_mask=None")),
        mutate("Transformer", (ENCODER_CALL, "self.encoder(input_sentence, training=True, mask=enc_padding_mask)")),
    ],
}

VARIANTS = {
    "get_angles": [
        mutate("get_angles", ("pos / (10000 ** (2 * i / d))", "pos * np.power(10000.0, -2 * i / d)")),
        mutate("get_angles", ("i = k // 2", "i = np.floor(k / 2)")),
    ],
    "positional_encoding": [
        mutate("positional_encoding", ("angle_rads[np.newaxis, ...]", "np.expand_dims(angle_rads, axis=0)")),
        # the sines and cosines computed into a new array
        mutate("positional_encoding", ("angle_rads[:, 0::2] = np.sin(angle_rads[:, 0::2])",
                                       "angle_rads = np.where(np.arange(d) % 2 == 0, np.sin(angle_rads), "
                                       "np.cos(angle_rads))"),
               ("angle_rads[:, 1::2] = np.cos(angle_rads[:, 1::2])", "pass")),
    ],
    "create_padding_mask": [
        mutate("create_padding_mask", ("1 - tf.cast(tf.math.equal(decoder_token_ids, 0), tf.float32)",
                                       "tf.cast(tf.math.not_equal(decoder_token_ids, 0), tf.float32)"),
               ("seq[:, tf.newaxis, :]", "tf.expand_dims(seq, axis=1)")),
    ],
    "create_look_ahead_mask": [
        mutate("create_look_ahead_mask", ("tf.linalg.band_part(tf.ones((1, sequence_length, sequence_length)), -1, 0)",
                                          "tf.constant(np.tril(np.ones((1, sequence_length, sequence_length))), "
                                          "dtype=tf.float32)")),
    ],
    "scaled_dot_product_attention": [
        mutate("scaled_dot_product_attention", ("tf.keras.activations.softmax(scaled_attention_logits, axis=-1)",
                                                "tf.nn.softmax(scaled_attention_logits)"),
               ("tf.matmul(q, k, transpose_b=True)", "tf.einsum('...qd,...kd->...qk', q, k)")),
        mutate("scaled_dot_product_attention",  # the mask with tf.where, the scale from the static shape
               (SDPA_MASK, "scaled_attention_logits = tf.where(mask == 0, -1e9, scaled_attention_logits)"),
               ("matmul_qk / tf.math.sqrt(dk)", "matmul_qk / math.sqrt(k.shape[-1])"), imports="import math\n"),
    ],
    "EncoderLayer": [
        mutate("EncoderLayer", NO_TRAINING),  # training left to Keras, which passes it on to the sublayers
        mutate("EncoderLayer", (MHA, "self.mha(query=x, value=x, key=x, attention_mask=mask)")),
    ],
    "Encoder": [
        mutate("Encoder", (SCALE, "x *= tf.math.sqrt(tf.cast(self.embedding_dim, tf.float32))"),
               (ADD_PE, "x += self.pos_encoding[:, :seq_len, :]")),
        # the dropout layer left to Keras for training (the encoder layers need it: their call has no default)
        mutate("Encoder", (SCALE, "x = x * keras.ops.sqrt(float(self.embedding_dim))"),
               (DROPOUT, "x = self.dropout(x)"), imports="import keras\n"),
    ],
    "DecoderLayer": [
        mutate("DecoderLayer", NO_TRAINING),
        mutate("DecoderLayer", (BLOCK2, "self.mha2(Q1, enc_output, attention_mask=padding_mask, "
                                        "return_attention_scores=True)")),  # the key defaults to the value
    ],
    "Decoder": [
        mutate("Decoder",
               ("'decoder_layer{}_block1_self_att'.format(i + 1)", "f'decoder_layer{i + 1}_block1_self_att'"),
               ("'decoder_layer{}_block2_decenc_att'.format(i + 1)", "f'decoder_layer{i + 1}_block2_decenc_att'")),
        mutate("Decoder", (SCALE, "x *= tf.math.sqrt(tf.cast(self.embedding_dim, tf.float32))"),
               (DROPOUT, "x = self.dropout(x)")),
    ],
    "Transformer": [
        mutate("Transformer", ("training=training,\n", ""),  # the decoder's arguments in another order
               ("padding_mask=dec_padding_mask)", "padding_mask=dec_padding_mask, training=training)")),
        mutate("Transformer", (ENCODER_CALL, "self.encoder(input_sentence, mask=enc_padding_mask, training=training)")),
    ],
}


@pytest.mark.xdist_group(ASSIGNMENT)
def test_mutants_lose_points_and_variants_keep_them(tmp_path):
    """Do wrong angles and encodings, inverted or misshapen masks, attention without its mask, with a mask of the
    wrong sign or scaled by d_model, layers with misplaced residuals, dropout at inference or masks left out, and
    a Transformer that mixes up its masks fail, while other formulations (tf.where masks, einsum, keyword
    arguments, training left to Keras, f-strings) pass?"""
    check_mutants_and_variants(ASSIGNMENT, MUTANTS, VARIANTS, tmp_path)


@pytest.mark.xdist_group(ASSIGNMENT)
def test_a_bug_in_a_layer_costs_that_layer_only():
    """With a wrong EncoderLayer and DecoderLayer in the notebook, do Encoder, Decoder and Transformer still pass
    (they run with the reference layers), saying so, while the wrong layers fail?"""
    from autograder.hidden import HiddenTestFailure, run_hidden_test

    answers = {"EncoderLayer": MUTANTS["EncoderLayer"][0], "DecoderLayer": MUTANTS["DecoderLayer"][0]}
    # the other layers as written in the notebook (their code run in the learner's namespace)
    answers.update({name: reference(name) for name in ("Encoder", "Decoder", "Transformer")})
    namespace = namespace_with(ASSIGNMENT, answers)
    for function in ("EncoderLayer", "DecoderLayer"):
        with pytest.raises(HiddenTestFailure):
            run_hidden_test(ASSIGNMENT, function, namespace)
    for function, callee in (("Encoder", "EncoderLayer"), ("Decoder", "DecoderLayer"), ("Transformer", "Encoder")):
        with mock.patch("builtins.print") as printed:
            run_hidden_test(ASSIGNMENT, function, namespace)
        message = printed.call_args[0][0]
        assert message.startswith(f"{function}: ") and "it ran with the reference" in message, message
        assert callee in message.split("it ran with the reference")[1], message


@pytest.mark.xdist_group(ASSIGNMENT)
def test_the_encodings_depend_on_distance_and_masked_keys_get_no_weight():
    """Is every position's encoding of squared norm d/2 = 64, is the dot product of positions 10 and 13 that of
    30 and 33, and do the two padded keys of the attention example get a weight of exactly 0?"""
    text, _ = executed_reference(ASSIGNMENT)
    assert "squared norm of every position's encoding: 64.000 to 64.000 (d / 2 = 64)" in text
    near = re.search(r"positions 10 and 13: ([\d.-]+); of 30 and 33: ([\d.-]+)", text)
    assert near and near[1] == near[2], text
    rows = re.search(r"attention weights \(rows: queries, columns: keys\):\n(.*?)\nsums", text, re.S)[1]
    values = [[float(v) for v in row.strip(" []").split()] for row in rows.splitlines()]
    assert len(values) == 4 and all(row[3] == row[4] == 0 for row in values), rows
    assert "sums of the rows: [1. 1. 1. 1.]" in text


@pytest.mark.xdist_group(ASSIGNMENT)
def test_the_learners_transformer_trains_and_the_shipped_one_translates():
    """Do 100 mini-batches of the learner's Transformer (469,901 parameters) halve its loss, do the shipped weights
    in it translate at least 98 % of the held-out dates exactly (0.995 recorded), and does the comparison table
    show the attention LSTM on the same dates, as good (0.998 recorded)?"""
    text, _ = executed_reference(ASSIGNMENT)
    assert "469,901 parameters" in text
    first, last = map(float, re.search(r"mean loss of the first 10 mini-batches ([\d.]+), of the last 10 ([\d.]+)",
                                       text).groups())
    assert first > 2 and last < first / 2, text
    accuracy = float(re.search(r"exact-match accuracy on the 1000 held-out dates: ([\d.]+)", text)[1])
    assert accuracy >= 0.98, text
    assert "'3 May 1979'             -> 1979-05-03" in text
    rows = dict(re.findall(r"^(Transformer|attention LSTM) +([\d.]+)", text, re.M))
    assert float(rows["Transformer"]) == pytest.approx(accuracy) and float(rows["attention LSTM"]) >= 0.98, text


@pytest.mark.xdist_group(ASSIGNMENT)
def test_the_widget_shows_its_first_figure_and_no_cell_writes_to_stderr():
    """Does the attention widget's output carry its first figure (a PNG for readers without a widget manager),
    and does every cell of the reference notebook stay free of stderr output?"""
    _, notebook = executed_reference(ASSIGNMENT)
    widget_cell = next(cell for cell in notebook.cells if cell.cell_type == "code"
                       and cell.source.startswith("transformer_attention_widget("))
    assert any("image/png" in output.get("data", {}) for output in widget_cell.outputs)
    assert stderr_cells(notebook) == []

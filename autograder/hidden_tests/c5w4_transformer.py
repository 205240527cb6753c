"""Hidden tests of *The Transformer network*.

The functions are compared with the reference on the notebook's inputs and on fresh random ones: other
numbers of positions and sizes (odd ones included, where ``k // 2`` matters), other token ids and padding,
queries, keys and values of three and four dimensions whose sequence lengths and depths all differ (so that
scaling by the wrong size, a softmax over the wrong axis or a mask of the wrong sign shows), with padding
masks, look-ahead masks and no mask. A graded layer is built, as ``check.call(*settings, keras_seed=0,
probe=probe(inputs, training=..., masks=...))``, with the reference's class and the learner's from the same
Keras seed, so both start from the same weights; the two are compared sublayer by sublayer and by their
outputs on the probe inputs, at inference (``training=False``: dropout must be off) and while training with
dropout (the same seeds draw the same dropout masks). Each layer runs with the reference versions of the
other graded layers and functions it uses, so a bug costs once.
"""
import numpy as np
import tensorflow as tf

from autograder.hidden import hidden_test, probe

TOLERANCE = {"rtol": 1e-5, "atol": 1e-6}
LAYER_TOLERANCE = {"rtol": 1e-4, "atol": 1e-5}


def normal(rng, *shape):
    return tf.constant(rng.normal(size=shape).astype(np.float32))


def token_ids(rng, n, m, vocab, *, min_length=1):
    """n sequences of m ids in 1..vocab-1, each padded with 0 after a random length (at least min_length)."""
    ids = rng.integers(1, vocab, size=(n, m))
    for row, length in zip(ids, rng.integers(min_length, m + 1, size=n)):
        row[length:] = 0
    return ids.astype(np.int32)


def padding_mask(ids):
    return tf.constant((np.asarray(ids) != 0).astype(np.float32)[:, None, :])


def look_ahead_mask(length):
    return tf.constant(np.tril(np.ones((1, length, length), dtype=np.float32)))


@hidden_test("get_angles", points=1)
def check_get_angles(check, rng):
    check.call(np.arange(4)[:, np.newaxis], np.arange(6)[np.newaxis, :], 6, case="4 positions, d = 6", **TOLERANCE)
    for _ in range(3):
        positions, d = int(rng.integers(2, 60)), int(rng.integers(3, 40))
        check.call(np.arange(positions)[:, np.newaxis], np.arange(d)[np.newaxis, :], d, **TOLERANCE,
                   case=f"{positions} positions, d = {d}")
    pos = rng.integers(0, 200, size=(5, 1))
    check.call(pos, np.arange(7)[np.newaxis, :], 7, case=f"positions {pos.ravel().tolist()}, d = 7", **TOLERANCE)


@hidden_test("positional_encoding", points=2)
def check_positional_encoding(check, rng):
    check.call(50, 512, case="positional_encoding(50, 512)", **TOLERANCE)
    for _ in range(3):
        positions, d = int(rng.integers(1, 80)), int(rng.integers(2, 65))
        check.call(positions, d, case=f"positional_encoding({positions}, {d})", **TOLERANCE)


@hidden_test("create_padding_mask", points=1)
def check_create_padding_mask(check, rng):
    check.call(np.array([[7, 6, 0, 0, 1], [1, 2, 3, 0, 0], [0, 0, 0, 4, 5]]), case="the notebook's ids")
    for _ in range(2):
        n, m = int(rng.integers(1, 6)), int(rng.integers(1, 12))
        ids = rng.integers(0, 4, size=(n, m))
        check.call(ids, case=f"ids of shape {ids.shape} with zeros anywhere")
    ids = token_ids(rng, 3, 9, 40)
    check.call(tf.constant(ids), case="a tf.Tensor of ids of shape (3, 9)")


@hidden_test("create_look_ahead_mask", points=1)
def check_create_look_ahead_mask(check, rng):
    check.call(3, case="sequence_length = 3")
    for length in (1, int(rng.integers(4, 9)), int(rng.integers(10, 20))):
        check.call(length, case=f"sequence_length = {length}")


@hidden_test("scaled_dot_product_attention", points=3)
def check_scaled_dot_product_attention(check, rng):
    from helpers.public_tests.c5w4_transformer import K, MASK, Q, V

    q, k, v = (tf.constant(np.array(a, dtype=np.float32)) for a in (Q, K, V))
    check.call(q, k, v, None, case="the notebook's q, k, v, no mask", **TOLERANCE)
    check.call(q, k, v, tf.constant(np.array(MASK, dtype=np.float32)), case="the notebook's q, k, v and mask",
               **TOLERANCE)
    # three dimensions (batch, positions, depth): a padding mask, then none
    n, seq_q, seq_k, depth, depth_v = 3, int(rng.integers(2, 6)), int(rng.integers(6, 10)), 5, 3
    q, k, v = normal(rng, n, seq_q, depth), normal(rng, n, seq_k, depth), normal(rng, n, seq_k, depth_v)
    ids = token_ids(rng, n, seq_k, 9, min_length=2)
    check.call(q, k, v, padding_mask(ids), case=f"q {tuple(q.shape)}, k {tuple(k.shape)}, v {tuple(v.shape)}, "
                                                "a padding mask", **TOLERANCE)
    check.call(3 * q, k, v, None, case="larger queries, no mask", **TOLERANCE)
    # four dimensions (batch, heads, positions, depth): self-attention with the look-ahead mask, and cross-attention
    # with a padding mask of shape (batch, 1, 1, seq_k)
    heads, length, depth = int(rng.integers(2, 4)), int(rng.integers(3, 7)), int(rng.integers(7, 12))
    x = normal(rng, 2, heads, length, depth)
    check.call(x, x, 2 * x, look_ahead_mask(length), **TOLERANCE,
               case=f"self-attention, q = k of shape {tuple(x.shape)}, the look-ahead mask")
    seq_k = length + 2
    q, k, v = normal(rng, 2, heads, length, depth), normal(rng, 2, heads, seq_k, depth), normal(rng, 2, heads, seq_k, 2)
    mask = tf.constant((token_ids(rng, 2, seq_k, 5, min_length=2) != 0).astype(np.float32)[:, None, None, :])
    check.call(q, k, v, mask, **TOLERANCE,
               case=f"q {tuple(q.shape)}, k {tuple(k.shape)}, v {tuple(v.shape)}, "
                    f"a padding mask of shape (2, 1, 1, {seq_k})")


def _layer_settings(rng):
    embedding_dim, num_heads = int(rng.choice([4, 6, 8])), int(rng.integers(1, 4))
    return embedding_dim, num_heads, int(rng.choice([8, 12, 16]))


@hidden_test("EncoderLayer", points=3)
def check_encoder_layer(check, rng):
    from helpers.public_tests.c5w4_transformer import LAYER_MASK, X

    x, mask = tf.constant(np.array(X, dtype=np.float32)), tf.constant(np.array(LAYER_MASK, dtype=np.float32))
    check.call(4, 2, 8, dropout_rate=0.5, keras_seed=10, probe=probe(x, training=False, mask=mask), **LAYER_TOLERANCE,
               case="EncoderLayer(4, 2, 8, dropout_rate=0.5) on the notebook's input, training=False")
    for training in (False, True):
        d, heads, units = _layer_settings(rng)
        n, m = int(rng.integers(1, 4)), int(rng.integers(3, 8))
        x, ids = normal(rng, n, m, d), token_ids(rng, n, m, 10)
        check.call(d, heads, units, dropout_rate=0.3, keras_seed=0, **LAYER_TOLERANCE,
                   probe=probe(x, training=training, mask=padding_mask(ids)),
                   case=f"EncoderLayer({d}, {heads}, {units}, dropout_rate=0.3) on x of shape {tuple(x.shape)} with "
                        f"a padding mask, training={training}")
    x = normal(rng, 2, 5, 6)
    check.call(6, 3, 10, keras_seed=0, probe=probe(x, training=False, mask=None), **LAYER_TOLERANCE,
               case="EncoderLayer(6, 3, 10) with its default rates, mask=None, training=False")


@hidden_test("Encoder", points=3)
def check_encoder(check, rng):
    from helpers.public_tests.c5w4_transformer import SOURCE_IDS

    ids = np.array(SOURCE_IDS, dtype=np.int32)
    check.call(2, 4, 2, 8, 5, 6, dropout_rate=0.5, keras_seed=10, **LAYER_TOLERANCE,
               probe=probe(tf.constant(ids), training=False, mask=padding_mask(ids)),
               case="Encoder(2, 4, 2, 8, 5, 6, dropout_rate=0.5) on the notebook's ids, training=False")
    for num_layers, training in ((1, False), (3, True)):
        d, heads, units = _layer_settings(rng)
        vocab, n, m = int(rng.integers(5, 30)), int(rng.integers(1, 4)), int(rng.integers(3, 8))
        ids, maximum = token_ids(rng, n, m, vocab), m + int(rng.integers(0, 6))
        check.call(num_layers, d, heads, units, vocab, maximum, dropout_rate=0.2, keras_seed=0, **LAYER_TOLERANCE,
                   probe=probe(tf.constant(ids), training=training, mask=padding_mask(ids)),
                   case=f"Encoder({num_layers}, {d}, {heads}, {units}, {vocab}, {maximum}, dropout_rate=0.2) on ids of "
                        f"shape {ids.shape}, training={training}")


@hidden_test("DecoderLayer", points=3)
def check_decoder_layer(check, rng):
    from helpers.public_tests.c5w4_transformer import ENCODER_OUTPUT, LAYER_MASK, X

    x, encoder_output = (tf.constant(np.array(a, dtype=np.float32)) for a in (X, ENCODER_OUTPUT))
    check.call(4, 2, 8, dropout_rate=0.5, keras_seed=10, **LAYER_TOLERANCE,
               probe=probe(x, encoder_output, training=False, look_ahead_mask=look_ahead_mask(3),
                           padding_mask=tf.constant(np.array(LAYER_MASK, dtype=np.float32))),
               case="DecoderLayer(4, 2, 8, dropout_rate=0.5) on the notebook's inputs, training=False")
    for training in (False, True):
        d, heads, units = _layer_settings(rng)
        n, target_length, source_length = int(rng.integers(1, 4)), int(rng.integers(2, 6)), int(rng.integers(6, 9))
        x, encoder_output = normal(rng, n, target_length, d), normal(rng, n, source_length, d)
        ids = token_ids(rng, n, source_length, 10)
        check.call(d, heads, units, dropout_rate=0.3, keras_seed=0, **LAYER_TOLERANCE,
                   probe=probe(x, encoder_output, training=training, look_ahead_mask=look_ahead_mask(target_length),
                               padding_mask=padding_mask(ids)),
                   case=f"DecoderLayer({d}, {heads}, {units}, dropout_rate=0.3) on x of shape {tuple(x.shape)} and an "
                        f"encoder output of shape {tuple(encoder_output.shape)}, training={training}")


@hidden_test("Decoder", points=3)
def check_decoder(check, rng):
    from helpers.public_tests.c5w4_transformer import ENCODER_OUTPUT, SOURCE_IDS, TARGET_IDS

    encoder_output = np.array(ENCODER_OUTPUT, dtype=np.float32)
    encoder_output = tf.constant(np.concatenate([encoder_output, encoder_output[:, ::-1]]))
    check.call(2, 4, 2, 8, 6, 5, dropout_rate=0.5, keras_seed=10, **LAYER_TOLERANCE,
               probe=probe(tf.constant(np.array(TARGET_IDS, dtype=np.int32)), encoder_output, training=False,
                           look_ahead_mask=look_ahead_mask(3), padding_mask=padding_mask(SOURCE_IDS)),
               case="Decoder(2, 4, 2, 8, 6, 5, dropout_rate=0.5) on the notebook's inputs, training=False")
    for num_layers, training in ((1, False), (3, True)):
        d, heads, units = _layer_settings(rng)
        vocab, n = int(rng.integers(5, 20)), int(rng.integers(1, 4))
        target_length, source_length = int(rng.integers(2, 6)), int(rng.integers(6, 9))
        targets = rng.integers(1, vocab, size=(n, target_length)).astype(np.int32)
        encoder_output, ids = normal(rng, n, source_length, d), token_ids(rng, n, source_length, 10)
        maximum = target_length + int(rng.integers(0, 5))
        check.call(num_layers, d, heads, units, vocab, maximum, dropout_rate=0.2, keras_seed=0, **LAYER_TOLERANCE,
                   probe=probe(tf.constant(targets), encoder_output, training=training,
                               look_ahead_mask=look_ahead_mask(target_length), padding_mask=padding_mask(ids)),
                   case=f"Decoder({num_layers}, {d}, {heads}, {units}, {vocab}, {maximum}, dropout_rate=0.2) on "
                        f"targets of shape {targets.shape}, an encoder output of shape "
                        f"{tuple(encoder_output.shape)}, training={training}")


@hidden_test("Transformer", points=3)
def check_transformer(check, rng):
    from helpers.public_tests.c5w4_transformer import TARGET_IDS, TRANSFORMER_SOURCE

    source = np.array(TRANSFORMER_SOURCE, dtype=np.int32)
    check.call(2, 4, 2, 8, 5, 6, 6, 5, dropout_rate=0.5, keras_seed=10, **LAYER_TOLERANCE,
               probe=probe(tf.constant(source), tf.constant(np.array(TARGET_IDS, dtype=np.int32)), training=False,
                           enc_padding_mask=padding_mask(source), look_ahead_mask=look_ahead_mask(3),
                           dec_padding_mask=padding_mask(source)),
               case="Transformer(2, 4, 2, 8, 5, 6, 6, 5, dropout_rate=0.5) on the notebook's inputs, training=False")
    for num_layers, training in ((1, False), (1, True)):
        d, heads, units = _layer_settings(rng)
        source_vocab, target_vocab = int(rng.integers(6, 20)), int(rng.integers(4, 12))
        n, source_length, target_length = int(rng.integers(2, 4)), int(rng.integers(5, 9)), int(rng.integers(2, 5))
        source = token_ids(rng, n, source_length, source_vocab, min_length=2)
        targets = rng.integers(1, target_vocab, size=(n, target_length)).astype(np.int32)
        # the decoder's padding mask hides one more source position than the encoder's, so that mixing them up shows
        hidden = source.copy()
        hidden[:, 0] = 0
        check.call(num_layers, d, heads, units, source_vocab, target_vocab, source_length + 2, target_length + 1,
                   dropout_rate=0.2, keras_seed=0, **LAYER_TOLERANCE,
                   probe=probe(tf.constant(source), tf.constant(targets), training=training,
                               enc_padding_mask=padding_mask(source), look_ahead_mask=look_ahead_mask(target_length),
                               dec_padding_mask=padding_mask(hidden)),
                   case=f"Transformer({num_layers}, {d}, {heads}, {units}, {source_vocab}, {target_vocab}, "
                        f"{source_length + 2}, {target_length + 1}, dropout_rate=0.2) on a source of shape "
                        f"{source.shape} and targets of shape {targets.shape}, training={training}")

"""Emojify: hidden tests catch plausible bugs in the averaging model and in the Keras LSTM model, accept other
correct ways of writing them, and the notebook teaches its lesson: V1 classifies sentences with words it never
saw, and only V2 tells apart sentences with the same words in another order."""
import base64
import re

import numpy as np
import pytest

from helpers.emojify import NEGATION_PROBE, ORDER_PAIRS, load_emoji_dataset
from helpers.word_vectors import load_glove
from tests.support import (check_mutants_and_variants, errors, executed_reference, graded_reference, hidden_verdict,
                           printed_text, stderr_cells)

ASSIGNMENT = "c5w2_emojify"

# --- sentence_to_avg --------------------------------------------------------------------------------------

AVG = '''
def sentence_to_avg(sentence, word_to_vec_map):
    any_word = next(iter(word_to_vec_map))
    words = {words}
    avg = np.zeros(word_to_vec_map[any_word].shape)
    count = 0
    for w in words:
        if w in word_to_vec_map:
            avg += word_to_vec_map[w]
            count += 1
    if count > 0:
        avg = {divide}
    return avg
'''
AVG_PARTS = {"words": "sentence.lower().split()", "divide": "avg / count"}


def avg(**parts):
    return AVG.format(**{**AVG_PARTS, **parts})


AVG_MEAN = '''
def sentence_to_avg(sentence, word_to_vec_map):
    vectors = [word_to_vec_map[w] for w in sentence.lower().split() if w in word_to_vec_map]
    if not vectors:
        return np.zeros_like(next(iter(word_to_vec_map.values())), dtype=float)
    return np.mean(vectors, axis=0)
'''

# --- model ----------------------------------------------------------------------------------------------

MODEL = '''
def model(X, Y, word_to_vec_map, learning_rate=0.01, num_iterations=400):
    any_word = next(iter(word_to_vec_map))
    np.random.seed(1)
    m = Y.shape[0]
    n_y = len(np.unique(Y))
    n_h = word_to_vec_map[any_word].shape[0]
    W = np.random.randn(n_y, n_h) / np.sqrt(n_h)
    b = np.zeros((n_y,))
    Y_oh = convert_to_one_hot(Y, C=n_y)
    for t in range(num_iterations):
        cost = 0
        {batch_init}
        for i in range(m):
            avg = sentence_to_avg(X[i], word_to_vec_map)
            z = {z}
            a = softmax(z)
            cost += -np.sum(Y_oh[i] * np.log(a))
            dz = {dz}
            dW = {dW}
            db = dz
            {update}
        {batch_update}
        if t % 100 == 0:
            print("Epoch: " + str(t) + " --- cost = " + str(cost))
            pred = predict(X, Y, W, b, word_to_vec_map)
    return pred, W, b
'''
MODEL_PARTS = {"z": "np.dot(W, avg) + b", "dz": "a - Y_oh[i]", "dW": "np.dot(dz.reshape(n_y, 1), avg.reshape(1, n_h))",
               "update": "W = W - learning_rate * dW; b = b - learning_rate * db", "batch_init": "",
               "batch_update": ""}


def model(**parts):
    return MODEL.format(**{**MODEL_PARTS, **parts})


# --- sentences_to_indices ---------------------------------------------------------------------------------

INDICES = '''
def sentences_to_indices(X, word_to_index, max_len):
    m = X.shape[0]
    X_indices = {zeros}
    for i in range(m):
        j = 0
        for w in {words}:
            if w in word_to_index:
                X_indices[i, j] = word_to_index[w]
                j = j + 1
    return X_indices
'''
INDICES_PARTS = {"zeros": "np.zeros((m, max_len))", "words": "X[i].lower().split()"}


def indices(**parts):
    return INDICES.format(**{**INDICES_PARTS, **parts})


INDICES_ENUMERATE = '''
def sentences_to_indices(X, word_to_index, max_len):
    X_indices = np.zeros((X.shape[0], max_len))
    for i, sentence in enumerate(X):
        for j, w in enumerate(sentence.lower().split()):
            X_indices[i, j] = word_to_index.get(w, 0)
    return X_indices
'''

INDICES_ROWS = '''
def sentences_to_indices(X, word_to_index, max_len):
    rows = []
    for sentence in X:
        known = [word_to_index[w] for w in sentence.lower().split() if w in word_to_index]
        rows.append(known + [0] * (max_len - len(known)))
    return np.array(rows, dtype=float)
'''

# --- pretrained_embedding_layer ------------------------------------------------------------------------------

EMBEDDING = '''
def pretrained_embedding_layer(word_to_vec_map, word_to_index):
    vocab_size = {vocab_size}
    any_word = next(iter(word_to_vec_map))
    emb_dim = word_to_vec_map[any_word].shape[0]
    emb_matrix = np.zeros((len(word_to_index) + 1, emb_dim))
    for word, idx in word_to_index.items():
        emb_matrix[{row}, :] = word_to_vec_map[word]
    embedding_layer = {layer}
    embedding_layer.build((None,))
    embedding_layer.set_weights([emb_matrix])
    return embedding_layer
'''
EMBEDDING_PARTS = {"vocab_size": "len(word_to_index) + 1", "row": "idx",
                   "layer": "Embedding(vocab_size, emb_dim, trainable=False)"}


def embedding(**parts):
    return EMBEDDING.format(**{**EMBEDDING_PARTS, **parts})


EMBEDDING_INITIALIZER = '''
import keras

def pretrained_embedding_layer(word_to_vec_map, word_to_index):
    vectors = list(word_to_vec_map.values())
    emb_matrix = np.zeros((len(word_to_index) + 1, len(vectors[0])))
    for word, idx in word_to_index.items():
        emb_matrix[idx] = word_to_vec_map[word]
    layer = keras.layers.Embedding(input_dim=emb_matrix.shape[0], output_dim=emb_matrix.shape[1],
                                   embeddings_initializer=keras.initializers.Constant(emb_matrix))
    layer.trainable = False
    layer.build((None, None))
    return layer
'''

# --- Emojify_V2 ---------------------------------------------------------------------------------------------

V2 = '''
def Emojify_V2(input_shape, word_to_vec_map, word_to_index):
    sentence_indices = Input(shape=input_shape, dtype="int32")
    embeddings = pretrained_embedding_layer(word_to_vec_map, word_to_index)(sentence_indices)
    X = {lstm1}(embeddings)
    X = {dropout1}(X)
    X = LSTM(128, return_sequences=False)(X)
    X = Dropout(0.5)(X)
    X = {dense}(X)
    X = {activation}(X)
    return Model(inputs=sentence_indices, outputs=X)
'''
V2_PARTS = {"lstm1": "LSTM(128, return_sequences=True)", "dropout1": "Dropout(0.5)", "dense": "Dense(5)",
            "activation": 'Activation("softmax")'}
IDENTITY = "(lambda X: X)"


def v2(**parts):
    return V2.format(**{**V2_PARTS, **parts})


V2_KERAS = '''
import keras
from keras import layers

def Emojify_V2(input_shape, word_to_vec_map, word_to_index):
    inputs = keras.Input(input_shape, dtype="int32")
    x = pretrained_embedding_layer(word_to_vec_map, word_to_index)(inputs)
    for return_sequences in (True, False):
        x = layers.LSTM(units=128, return_sequences=return_sequences)(x)
        x = layers.Dropout(rate=0.5)(x)
    x = layers.Dense(units=5)(x)
    outputs = layers.Activation(activation="softmax")(x)
    return keras.Model(inputs, outputs)
'''

MUTANTS = {
    "sentence_to_avg": [
        avg(words="sentence.split()"),  # no lower-casing
        avg(divide="avg / len(words)"),  # unknown words counted
        avg(divide="avg"),  # the sum, not the average
    ],
    "model": [
        model(z="np.dot(W, avg)"),  # no bias
        model(dz="Y_oh[i] - a"),  # the gradient's sign
        model(update="W = W - 0.01 * dW; b = b - 0.01 * db"),  # the learning rate written in
        model(update="", batch_init="dW_sum = 0; db_sum = 0",  # one update per pass: batch gradient descent
              dW="np.dot(dz.reshape(n_y, 1), avg.reshape(1, n_h)); dW_sum = dW_sum + dW; db_sum = db_sum + dz",
              batch_update="W = W - learning_rate * dW_sum / m; b = b - learning_rate * db_sum / m"),
    ],
    "sentences_to_indices": [
        indices(words="X[i].split()"),  # no lower-casing
        indices(zeros="np.zeros((m, max_len), dtype=int)"),  # the original returns floats
        INDICES_ENUMERATE,  # an unknown word leaves a 0 in place instead of being skipped
    ],
    "pretrained_embedding_layer": [
        embedding(layer="Embedding(vocab_size, emb_dim)"),  # trainable: training would change GloVe
        embedding(row="idx - 1"),  # off by one: row 0 is the padding
        embedding(vocab_size="len(word_to_index) + 2", layer="Embedding(vocab_size, emb_dim, trainable=False)")
        .replace("np.zeros((len(word_to_index) + 1, emb_dim))", "np.zeros((vocab_size, emb_dim))"),  # one row too many
    ],
    "Emojify_V2": [
        v2(dropout1="Dropout(0.2)"),
        v2(dense='Dense(5, activation="softmax")', activation=IDENTITY),  # the softmax folded into Dense
        v2(lstm1="LSTM(64, return_sequences=True)"),
        v2(dropout1=IDENTITY),
        v2(activation='Activation("sigmoid")'),
    ],
}

VARIANTS = {
    "sentence_to_avg": [AVG_MEAN, avg()],
    "model": [model(dW="np.outer(dz, avg)"), model(),
              model(z="W @ avg + b", update="W -= learning_rate * dW; b -= learning_rate * db")],
    "sentences_to_indices": [INDICES_ROWS, indices()],
    "pretrained_embedding_layer": [EMBEDDING_INITIALIZER, embedding(),
                                   embedding(layer="Embedding(input_dim=vocab_size, output_dim=emb_dim, trainable=False)")],
    "Emojify_V2": [V2_KERAS, v2()],
}


@pytest.mark.xdist_group(ASSIGNMENT)
def test_mutants_lose_points_and_variants_keep_them(tmp_path):
    """Do a missing lower-case, a wrong count, a missing bias, a wrong gradient sign, batch updates, integer
    indices, a trainable or shifted embedding and a wrong LSTM stack fail, while np.mean, np.outer, in-place
    updates, row lists, a Constant initializer and keras imports pass?"""
    check_mutants_and_variants(ASSIGNMENT, MUTANTS, VARIANTS, tmp_path)


@pytest.mark.xdist_group(ASSIGNMENT)
def test_a_trainable_embedding_is_named():
    """Does a trainable embedding fail with a message saying that the layer must be frozen?"""
    verdict = hidden_verdict(ASSIGNMENT, "pretrained_embedding_layer", MUTANTS["pretrained_embedding_layer"][0])
    assert "trainable False expected, got True" in verdict, verdict


def test_the_data_are_the_originals_size_and_in_glove():
    """Are there 132 training and 56 test sentences, five classes, at most 10 words each, no sentence in both
    sets, every word in GloVe, and the probes among the test sentences with the right labels?"""
    X_train, Y_train, X_test, Y_test = load_emoji_dataset()
    assert X_train.shape == (132,) and X_test.shape == (56,)
    assert set(Y_train) == set(Y_test) == {0, 1, 2, 3, 4} and min(np.bincount(Y_train)) >= 24
    sentences = list(X_train) + list(X_test)
    assert max(len(s.split()) for s in sentences) == 10 and not set(X_train) & set(X_test)
    glove = load_glove()
    assert [w for s in sentences for w in s.split() if w not in glove.row] == []
    assert all(s == s.lower() for s in sentences)
    label = dict(zip(X_test, Y_test))
    assert all(label[s] == 3 for s in NEGATION_PROBE)
    assert all((label[happy], label[sad]) == (2, 3) and sorted(happy.split()) == sorted(sad.split())
               for happy, sad in ORDER_PAIRS)


def _row(name, text):
    match = re.search(rf"^{name}\s+([\d.]+)\s+([\d.]+)$", text, re.MULTILINE)
    return float(match[1]), float(match[2])


@pytest.mark.xdist_group(ASSIGNMENT)
def test_v1_generalises_and_only_v2_reads_word_order():
    """Does V1 reach a good test accuracy, also on sentences with words unseen in training (chance is 0.2), while
    it gets at most one sentence of each word-order pair right (0.5), and does V2 get most of those pairs right
    with a test accuracy near V1's or better?"""
    _, notebook = executed_reference(ASSIGNMENT)
    assert errors(notebook) == []
    text = printed_text(notebook)
    assert "the index of cucumber in the vocabulary is 113317" in text
    assert "the 289846th word in the vocabulary is potatos" in text
    v1_test, v2_test = _row("test accuracy", text)
    v1_unseen, v2_unseen = _row("sentences with unseen words", text)
    v1_order, v2_order = _row("word-order pairs", text)
    _, v2_negation = _row("plain negations", text)
    assert 0.7 <= v1_test <= 0.9 and 0.65 <= v1_unseen <= 0.9, text
    assert v1_order <= 0.5 and v2_order >= 0.8 and v2_negation >= 0.75, text
    assert 0.75 <= v2_test <= 1.0 and v2_unseen >= 0.65, text


@pytest.mark.xdist_group(ASSIGNMENT)
def test_the_full_glove_model_has_the_originals_parameter_counts():
    """Does the summary of Emojify_V2 on all 400,001 rows show 20,223,927 parameters, 223,877 of them trainable?"""
    _, notebook = executed_reference(ASSIGNMENT)
    shown = "".join(o.get("data", {}).get("text/plain", "") + o.get("data", {}).get("text/html", "") + o.get("text", "")
                    for c in notebook.cells if c.cell_type == "code" for o in c.outputs)
    assert "20,223,927" in shown and "223,877" in shown and "20,000,050" in shown


@pytest.mark.xdist_group(ASSIGNMENT)
def test_figures_emoji_and_widget_render_and_nothing_on_stderr():
    """Do the confusion matrices and the widget leave PNGs, do the tables show emoji as Unicode in HTML, and does
    no cell write to stderr?"""
    _, notebook = executed_reference(ASSIGNMENT)
    pngs = [base64.b64decode(o.data["image/png"]) for c in notebook.cells if c.cell_type == "code"
            for o in c.outputs if o.output_type in ("display_data", "execute_result") and "image/png" in o.data]
    assert len(pngs) >= 2 and all(p.startswith(b"\x89PNG") for p in pngs)
    widget_cell = next(c for c in notebook.cells if c.cell_type == "code" and c.source.startswith("emojifier_widget("))
    assert any("image/png" in o.get("data", {}) for o in widget_cell.outputs)
    html = "".join(o.get("data", {}).get("text/html", "") for c in notebook.cells if c.cell_type == "code"
                   for o in c.outputs)
    assert "\u26be" in html and "\U0001f61e" in html and "\U0001f374" in html
    assert stderr_cells(notebook) == []


@pytest.mark.xdist_group(ASSIGNMENT)
def test_grading_shortens_the_v2_training():
    """Under nbgrader, does V2 train for 2 epochs instead of 100?"""
    _, graded = graded_reference(ASSIGNMENT)
    text = printed_text(graded)
    assert "epoch   2: " in text and "epoch  20: " not in text, text

"""Public tests of *Emojify* (c5w2_emojify).

A toy vocabulary of 14 words with 2-dimensional vectors (as the original's tests used) keeps the checks
fast; ``sentence_to_avg`` is also checked on GloVe, against the original's printed numbers. The Keras
functions are compared, layer by layer, with the expected summary written out below
(:mod:`helpers.model_summary`).
"""
import numpy as np

from helpers.checks import Checker
from helpers.model_summary import ModelSummary, summarize_model
from helpers.word_vectors import read_glove_vecs

__all__ = ["Emojify_V2_test", "model_test", "pretrained_embedding_layer_test", "sentence_to_avg_test",
           "sentences_to_indices_test"]

TOY_MAP = {"i": [0.13, -0.13], "love": [0.64, 0.1], "you": [-0.54, 0.36], "like": [1.3, 0.95],
           "baseball": [-0.7, -1.27], "not": [-0.62, 0.04], "happy": [-2.33, -0.22], "sad": [-1.25, -0.73],
           "food": [-0.54, -0.32], "eat": [0.41, 1.04], "lets": [-0.13, 1.37], "play": [-0.67, 0.35],
           "is": [0.9, 0.09], "ready": [-0.74, -0.92]}


def toy_maps():
    """The toy ``word_to_vec_map`` (float64 vectors of 2 numbers) and ``word_to_index`` (sorted, from 1)."""
    word_to_vec_map = {w: np.array(v) for w, v in TOY_MAP.items()}
    word_to_index = {w: i for i, w in enumerate(sorted(TOY_MAP), start=1)}
    return word_to_vec_map, word_to_index


def _layer(cls, output_shape, params, trainable=True, layers=(), **config):
    return {"cls": cls, "output_shape": list(output_shape), "params": params, "trainable": trainable,
            "config": config, "layers": list(layers)}


def _lstm(output_shape, params, return_sequences):
    cell = {"cls": "LSTMCell", "params": params, "config": {"units": 128, "activation": "tanh",
                                                           "recurrent_activation": "sigmoid"}}
    return _layer("LSTM", output_shape, params, units=128, return_sequences=return_sequences, return_state=False,
                  layers=[cell])


EMOJIFY_V2_TOY = {
    "cls": "Functional", "params": 199331, "inputs": [[None, 4]], "outputs": [[None, 5]],
    "layers": [
        _layer("InputLayer", (None, 4), 0),
        _layer("Embedding", (None, 4, 2), 30, trainable=False, input_dim=15, output_dim=2),
        _lstm((None, 4, 128), 67072, return_sequences=True),
        _layer("Dropout", (None, 4, 128), 0, rate=0.5),
        _lstm((None, 128), 131584, return_sequences=False),
        _layer("Dropout", (None, 128), 0, rate=0.5),
        _layer("Dense", (None, 5), 645, units=5, activation="linear"),
        _layer("Activation", (None, 5), 0, activation="softmax"),
    ],
}


def sentence_to_avg_test(target):
    check = Checker("sentence_to_avg")
    word_to_vec_map, _ = toy_maps()
    avg = check.call(target, "I love you", word_to_vec_map, case="'I love you', toy vectors")
    check.true("returns an array of shape (2,)", isinstance(avg, np.ndarray) and avg.shape == (2,),
               f"an array of shape (2,) expected, got {type(avg).__name__} {getattr(avg, 'shape', '')}")
    check.same("'I love you' -> [0.07666667, 0.11]", np.array([0.07666667, 0.11]), avg, rtol=1e-6)
    check.same("unknown words are skipped", np.array([-0.62, 0.04]),
               check.call(target, "not xyzzy", word_to_vec_map, case="'not xyzzy'"))
    check.same("no known word: zeros", np.zeros(2), check.call(target, "nothing known", word_to_vec_map,
                                                                  case="'nothing known'"))
    glove = read_glove_vecs()[2]
    avg = check.call(target, "Morrocan couscous is my favorite dish", glove, case="the original's sentence")
    check.same("GloVe: avg[:5] as the original", np.array([-0.008005, 0.56370833, -0.50427333, 0.258865, 0.55131103]),
               avg[:5], rtol=1e-6)
    check.done()


def model_test(target):
    check = Checker("model")
    word_to_vec_map, _ = toy_maps()
    X = np.array(["i love you", "lets play baseball", "i am happy", "i am sad", "lets eat food", "you love baseball",
                  "happy food", "not happy"])
    Y = np.array([0, 1, 2, 3, 4, 1, 4, 3])
    out = check.call(target, X, Y, word_to_vec_map, num_iterations=101, case="8 toy sentences, 101 iterations")
    check.true("returns pred, W, b", isinstance(out, tuple) and len(out) == 3,
               f"a tuple (pred, W, b) expected, got {type(out).__name__}")
    pred, W, b = out
    check.same("pred (8, 1)", np.array([[3.0], [4.0], [3.0], [3.0], [4.0], [3.0], [3.0], [4.0]]), pred)
    check.same("W (5, 2)", np.array([[1.60181062, -0.39477977], [0.43814777, -0.73714176], [0.43873169, -1.63997301],
                                     [0.29374538, -0.99325616], [0.07397487, 0.23185054]]), W, rtol=1e-6)
    check.same("b (5,)", np.array([0.01897887, 0.06603414, -0.3382252, 0.22857522, 0.02463697]), b, rtol=1e-6)
    check.done()


def sentences_to_indices_test(target):
    check = Checker("sentences_to_indices")
    _, word_to_index = toy_maps()
    X = np.array(["I love you", "lets play baseball", "happy not sad", "unknown words only"])
    out = check.call(target, X, word_to_index, 4, case="4 toy sentences, max_len 4")
    check.same("indices, zeros after the last word, unknown words skipped",
               np.array([[5.0, 9.0, 14.0, 0.0], [7.0, 11.0, 1.0, 0.0], [4.0, 10.0, 13.0, 0.0], [0.0, 0.0, 0.0, 0.0]]),
               out)
    out = check.call(target, np.array(["eat not food is ready"]), word_to_index, 6, case="one sentence, max_len 6")
    check.same("[[2, 10, 3, 6, 12, 0]]", np.array([[2.0, 10.0, 3.0, 6.0, 12.0, 0.0]]), out)
    check.done()


def pretrained_embedding_layer_test(target):
    check = Checker("pretrained_embedding_layer")
    word_to_vec_map, word_to_index = toy_maps()
    layer = check.call(target, word_to_vec_map, word_to_index, case="the toy vocabulary")
    check.true("returns a Keras Embedding layer", type(layer).__name__ == "Embedding",
               f"an Embedding layer expected, got {type(layer).__name__}")
    config = layer.get_config()
    check.true("15 rows (14 words + padding) of 2 numbers",
               (config.get("input_dim"), config.get("output_dim")) == (15, 2),
               f"input_dim 15, output_dim 2 expected, got {config.get('input_dim')}, {config.get('output_dim')}")
    check.true("not trainable", layer.trainable is False, "trainable=False expected: GloVe's vectors stay fixed")
    weights = layer.get_weights()
    check.true("built, with its weights set", len(weights) == 1, "one weight matrix expected: build the layer, then "
               "set_weights([emb_matrix])")
    expected = np.zeros((15, 2), dtype=np.float32)
    for word, idx in word_to_index.items():
        expected[idx] = word_to_vec_map[word]
    check.same("row 0 zeros, row word_to_index[w] = vector of w", expected, weights[0])
    check.done()


def Emojify_V2_test(target):
    check = Checker("Emojify_V2")
    word_to_vec_map, word_to_index = toy_maps()
    model = check.call(target, (4,), word_to_vec_map, word_to_index, case="input_shape (4,), the toy vocabulary")
    expected = ModelSummary.from_plain(EMOJIFY_V2_TOY)
    summary = summarize_model(model) if hasattr(model, "get_config") and hasattr(model, "layers") else model
    names = " → ".join(layer["cls"] for layer in EMOJIFY_V2_TOY["layers"])
    check.same(f"layers {names}", expected, summary)
    check.true("199,331 parameters, 30 of them frozen", summary.params == 199331,
               f"199,331 expected, got {summary.params}")
    check.done()

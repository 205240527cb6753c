"""Hidden tests of *Emojify*.

Inputs stay small, as the original's tests did: toy vocabularies of random words with random vectors,
and sentences drawn from them (with a few unknown words). ``sentence_to_avg`` and ``sentences_to_indices``
are also tried on sentences of the course's data with a few hundred GloVe words. The Keras functions
are compared layer by layer, their weights (the embedding matrix) and their outputs on random
sentence indices; 400,001 × 50 GloVe matrices never cross the grader's wire.
"""
import numpy as np

from autograder.hidden import hidden_test, probe
from helpers.emojify import load_emoji_dataset
from helpers.word_vectors import load_glove


def random_vocabulary(rng, n_words, dim):
    """``word_to_vec_map`` of ``n_words`` random lower-case words and ``word_to_index`` (sorted, from 1)."""
    letters = np.array(list("abcdefghijklmnopqrstuvwxyz"))
    words = []
    while len(words) < n_words:
        word = "".join(rng.choice(letters, size=int(rng.integers(2, 7))))
        if word not in words:
            words.append(word)
    word_to_vec_map = {w: rng.normal(size=dim) for w in words}
    word_to_index = {w: i for i, w in enumerate(sorted(words), start=1)}
    return word_to_vec_map, word_to_index


def random_sentences(rng, words, m, max_words, unknown=0.1):
    """``m`` sentences of 1 to ``max_words`` words, some in upper case, some unknown ("zz9")."""
    sentences = []
    for _ in range(m):
        chosen = [str(rng.choice(words)) if rng.random() > unknown else "zz9"
                  for _ in range(int(rng.integers(1, max_words + 1)))]
        if rng.random() < 0.3:
            chosen[0] = chosen[0].capitalize()
        sentences.append(" ".join(chosen))
    return np.array(sentences)


def glove_for(sentences):
    """Plain dicts ``word_to_vec_map`` and ``word_to_index`` of the words of ``sentences`` (GloVe vectors)."""
    glove = load_glove()
    words = sorted({w for s in sentences for w in s.lower().split() if w in glove.row})
    word_to_vec_map = {w: np.array(glove.vectors[glove.row[w]]) for w in words}
    return word_to_vec_map, {w: i for i, w in enumerate(words, start=1)}


@hidden_test("sentence_to_avg", points=1)
def check_sentence_to_avg(check, rng):
    word_to_vec_map, _ = random_vocabulary(rng, 12, 5)
    for sentence in random_sentences(rng, list(word_to_vec_map), 4, 6):
        check.call(str(sentence), word_to_vec_map, case=f"random vectors of 5 numbers, {sentence!r}")
    check.call("zz9 qq8", word_to_vec_map, case="no known word")
    X_train, _, _, _ = load_emoji_dataset()
    word_to_vec_map, _ = glove_for(X_train[:40])
    for sentence in X_train[:40:8]:
        check.call(str(sentence).capitalize(), word_to_vec_map, case=f"GloVe, {sentence!r}")


@hidden_test("model", points=3)
def check_model(check, rng):
    word_to_vec_map, _ = random_vocabulary(rng, 15, 4)
    m = 12
    X = random_sentences(rng, list(word_to_vec_map), m, 5)
    Y = np.concatenate([np.arange(5), rng.integers(0, 5, size=m - 5)])
    check.call(X, Y, word_to_vec_map, num_iterations=101, case="12 random sentences, 101 iterations",
               rtol=1e-5, atol=1e-8)
    check.call(X, Y, word_to_vec_map, learning_rate=0.1, num_iterations=201,
               case="the same sentences, learning_rate 0.1, 201 iterations", rtol=1e-5, atol=1e-8)
    X_train, Y_train, _, _ = load_emoji_dataset()
    chosen = np.concatenate([np.flatnonzero(Y_train == k)[:3] for k in range(5)])
    word_to_vec_map, _ = glove_for(X_train[chosen])
    check.call(X_train[chosen], Y_train[chosen], word_to_vec_map, num_iterations=101,
               case="15 sentences of the course's data (GloVe), 101 iterations", rtol=1e-5, atol=1e-8)


@hidden_test("sentences_to_indices", points=1)
def check_sentences_to_indices(check, rng):
    _, word_to_index = random_vocabulary(rng, 20, 3)
    for max_len in (5, 8):
        X = random_sentences(rng, list(word_to_index), 6, max_len, unknown=0.2)
        check.call(X, word_to_index, max_len, case=f"6 random sentences, max_len {max_len}")
    _, _, X_test, _ = load_emoji_dataset()
    _, word_to_index = glove_for(X_test)
    check.call(X_test[::4], word_to_index, 10, case="test sentences of the course's data (GloVe), max_len 10")


@hidden_test("pretrained_embedding_layer", points=2)
def check_pretrained_embedding_layer(check, rng):
    for n_words, dim in ((10, 3), (int(rng.integers(20, 60)), int(rng.integers(2, 12)))):
        word_to_vec_map, word_to_index = random_vocabulary(rng, n_words, dim)
        indices = rng.integers(0, n_words + 1, size=(3, 4)).astype(np.int32)
        check.call(word_to_vec_map, word_to_index, case=f"{n_words} random words of {dim} numbers",
                   weights=True, probe=probe(indices), rtol=1e-6, atol=1e-7)


@hidden_test("Emojify_V2", points=3)
def check_emojify_v2(check, rng):
    for n_words, dim, max_len in ((14, 2, 4), (int(rng.integers(15, 40)), int(rng.integers(3, 10)), 7)):
        word_to_vec_map, word_to_index = random_vocabulary(rng, n_words, dim)
        indices = rng.integers(0, n_words + 1, size=(3, max_len)).astype(np.int32)
        check.call((max_len,), word_to_vec_map, word_to_index, case=f"input_shape ({max_len},), {n_words} random words "
                   f"of {dim} numbers", keras_seed=int(rng.integers(2**31 - 1)),
                   probe=probe(indices, training=False), rtol=1e-4, atol=1e-6)

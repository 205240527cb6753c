"""Tests of helpers.decoding: the decoders as tables, sacrebleu's score on our words, and the CTC problems."""
import numpy as np

from helpers.decoding import (
    DATE_VOCAB,
    name_model,
    random_ctc_problem,
    sacrebleu_score,
    sequence_log_probs,
    tokenize,
    translator_tables,
)


def test_the_name_model_is_a_normalized_table():
    """Is every row of the name table a distribution, the same at every step, and 'mary' likelier than 'mxry'?"""
    table, vocab = name_model(max_len=8)
    assert table.shape == (8, 27, 27) and vocab[0] == "\n"
    assert np.allclose(np.exp(table).sum(axis=2), 1) and np.array_equal(table[0], table[7])
    assert sequence_log_probs(table, vocab, "mary\n").sum() > sequence_log_probs(table, vocab, "mxry\n").sum() + 5


def test_the_translator_tables_follow_the_shipped_translator():
    """Do the tables give the translator's answer as the best symbol of every step, then the end token?"""
    dataset = [("3 may 1979", "1979-05-03"), ("25.12.09", "2009-12-25")]
    tables, vocab = translator_tables(dataset)
    assert tables.shape == (2, 11, 12, 12) and vocab == DATE_VOCAB
    assert np.allclose(np.exp(tables[:, :10]).sum(axis=3), 1, atol=1e-4)
    greedy = ["".join(vocab[j] for j in table[:, 0, :].argmax(axis=1)) for table in tables]
    assert greedy == ["1979-05-03\n", "2009-12-25\n"]


def test_sacrebleu_on_our_words():
    """Does sacrebleu give 1 for a reference and the lecture's bigram precision show in its score?"""
    references = ["The cat is on the mat.", "There is a cat on the mat."]
    assert tokenize("The cat's mat.") == ["the", "cat's", "mat"]
    assert abs(sacrebleu_score("The cat is on the mat.", references) - 1) < 1e-12
    assert sacrebleu_score("the the the the the the the", references) == 0.0


def test_random_ctc_problems_are_distributions_with_letters_only_labels():
    """Are the frames' probabilities distributions and the labels free of blanks?"""
    probs, label = random_ctc_problem(np.random.default_rng(0), T=9, alphabet="ab_", label_length=4)
    assert probs.shape == (9, 3) and np.allclose(probs.sum(axis=1), 1) and len(label) == 4 and "_" not in label

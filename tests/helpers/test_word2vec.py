"""Tests of helpers.word2vec: the corpora, the training loops (driven by plain oracle functions), the
evaluation on analogies and the embedding map and its widget."""
import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np
import pytest

from helpers.word2vec import (
    ATTRIBUTE_TABLE,
    TrainingRun,
    analogy_accuracy,
    build_vocabulary,
    complete_analogies,
    embedding_map_widget,
    encode,
    glove_vectors_for,
    load_analogy_questions,
    load_wiki_corpus,
    make_attribute_corpus,
    nearest_words,
    plot_embedding_map,
    project_snapshots,
    train_glove,
    train_skipgram,
)


# Oracles with the notebook's API, written independently of the reference solution.
def skipgram_pairs(token_ids, window):
    rows = [(token_ids[i], token_ids[j]) for i in range(len(token_ids))
            for j in range(max(0, i - window), min(len(token_ids), i + window + 1)) if j != i]
    return np.array(rows, dtype=np.int64).reshape(-1, 2)


def negative_sampling_distribution(counts, power=0.75):
    w = np.asarray(counts, dtype=float) ** power
    return w / w.sum()


def sgns_loss_and_grads(e_c, theta_t, theta_neg):
    sig = lambda z: 1 / (1 + np.exp(-z))  # noqa: E731
    s = np.einsum("...d,...d->...", e_c, theta_t)
    s_neg = np.einsum("...kd,...d->...k", theta_neg, e_c)
    loss = float(np.sum(np.logaddexp(0, -s)) + np.sum(np.logaddexp(0, s_neg)))
    g, g_neg = sig(s) - 1, sig(s_neg)
    return loss, {"de_c": g[..., None] * theta_t + np.einsum("...k,...kd->...d", g_neg, theta_neg),
                  "dtheta_t": g[..., None] * e_c, "dtheta_neg": g_neg[..., None] * e_c[..., None, :]}


def glove_loss_and_grads(X, theta, e, b, b_prime, x_max=100, alpha=0.75):
    f = np.minimum((X / x_max) ** alpha, 1.0)
    D = theta @ e.T + b[:, None] + b_prime[None, :] - np.log(np.maximum(X, 1))
    G = 2 * f * D
    return float(np.sum(f * D * D)), {"dtheta": G @ e, "de": G.T @ theta, "db": G.sum(1), "db_prime": G.sum(0)}


@pytest.fixture(scope="module")
def toy():
    sentences = make_attribute_corpus(2000, random_state=0)
    words, word_to_id, counts = build_vocabulary(sentences, min_count=1)
    run = train_skipgram(encode(sentences, word_to_id), counts, skipgram_pairs=skipgram_pairs,
                         negative_sampling_distribution=negative_sampling_distribution,
                         sgns_loss_and_grads=sgns_loss_and_grads, n_e=10, window=3, epochs=10, batch_size=256,
                         subsample=0, tracked=[word_to_id[w] for w in ATTRIBUTE_TABLE], random_state=0, desc="toy")
    return words, word_to_id, run


def test_the_grammar_is_seeded_and_plants_its_attributes():
    """Is the corpus the same for the same seed, and does every sentence name one person beside the
    markers of that person's gender and royalty?"""
    a, b = make_attribute_corpus(200, random_state=3), make_attribute_corpus(200, random_state=3)
    assert a == b and a != make_attribute_corpus(200, random_state=4)
    for sentence in a:
        people = [w for w in sentence if w in ATTRIBUTE_TABLE and ATTRIBUTE_TABLE[w][3] == 0]
        assert len(people) == 1
        gender, royal, _, _ = ATTRIBUTE_TABLE[people[0]]
        assert ({"he", "his", "him", "himself", "beard"} if gender < 0 else {"she", "her", "hers", "herself", "dress"}) \
            & set(sentence)
        assert ({"palace", "throne", "crown", "kingdom", "royal", "court"} if royal
                else {"village", "farm", "market", "cottage", "street", "neighbours"}) & set(sentence)


def test_the_wiki_corpus_and_its_vocabulary():
    """Are the 250 articles and 331,339 words there, and is the vocabulary numbered most frequent first?"""
    documents = load_wiki_corpus()
    assert len(documents) == 250 and sum(map(len, documents)) == 331_339
    words, word_to_id, counts = build_vocabulary(documents, min_count=5)
    assert len(words) == 7978 and words[0] == "state" and counts[0] == 1438
    assert np.all(np.diff(counts) <= 0) and counts.min() >= 5 and counts.dtype == np.int64
    ids = encode(documents[:2], word_to_id)
    assert all(ids_.dtype == np.int64 and ids_.max() < len(words) for ids_ in ids)


def test_the_google_questions():
    """Are all 19,544 questions read, lower-cased, and filtered by a vocabulary when given one?"""
    questions = load_analogy_questions()
    assert len(questions) == 19_544
    assert questions[0] == ("capital-common-countries", "athens", "greece", "baghdad", "iraq")
    few = load_analogy_questions({"athens", "greece", "baghdad", "iraq", "bangkok", "thailand"})
    assert {q[1:] for q in few} >= {("athens", "greece", "baghdad", "iraq"), ("athens", "greece", "bangkok", "thailand")}


def test_analogies_on_the_lectures_feature_table():
    """With the lecture's four features, is man -> woman :: king -> queen, and orange apple's nearest word?"""
    words = ["man", "woman", "king", "queen", "apple", "orange"]
    E = np.array([[-1, 0.01, 0.03, 0.09], [1, 0.02, 0.02, 0.01], [-0.95, 0.93, 0.70, 0.02],
                  [0.97, 0.95, 0.69, 0.01], [0.00, -0.01, 0.03, 0.95], [0.01, 0.00, -0.02, 0.97]])
    word_to_id = {w: i for i, w in enumerate(words)}
    assert complete_analogies(E, word_to_id, [("man", "woman", "king")], k=2)[0][0] == "queen"
    assert nearest_words(E, words, "apple", 1)[0][0] == "orange"
    accuracy, by_section = analogy_accuracy(E, word_to_id, [("family", "man", "woman", "king", "queen"),
                                                            ("family", "woman", "man", "queen", "apple")])
    assert accuracy == 0.5 and by_section == {"family": (1, 2)}


def test_skipgram_training_recovers_the_planted_analogy(toy):
    """Trained with oracle functions on the grammar, does king - man + woman give queen, with falling loss
    and 13 snapshots of the 14 tracked words?"""
    words, word_to_id, run = toy
    assert complete_analogies(run.E, word_to_id, [("man", "king", "woman")])[0][0] == "queen"
    assert run.losses[-1] < run.losses[0] - 0.3
    assert len(run.snapshots) == 13 and run.snapshots[0].shape == (14, 10)
    assert not np.allclose(run.snapshots[0], run.snapshots[-1])


def test_glove_training_lowers_the_objective_and_averages_the_two_matrices():
    """Does AdaGrad on a small matrix cut the loss, and is E the average of e and theta?"""
    rng = np.random.default_rng(0)
    X = rng.poisson(5, size=(30, 30)).astype(float)
    X = X + X.T
    run = train_glove(X, glove_loss_and_grads=glove_loss_and_grads, n_e=5, iterations=60, tracked=[0, 1, 2])
    assert run.losses[-1] < 0.2 * run.losses[0]
    np.testing.assert_allclose(run.E, (run.extra["e"] + run.theta) / 2)
    assert len(run.snapshots) == 13


def test_snapshots_are_aligned_to_the_final_map():
    """Is a rotated copy of the final vectors mapped onto the same 2-D coordinates?"""
    rng = np.random.default_rng(1)
    final = rng.normal(size=(8, 6))
    rotation, _ = np.linalg.qr(rng.normal(size=(6, 6)))
    maps = project_snapshots([final @ rotation, final])
    np.testing.assert_allclose(maps[0], maps[1], atol=1e-10)


def test_the_embedding_map_and_its_widget(toy):
    """Does the map draw every word, and does the widget redraw when its slider moves?"""
    _, _, run = toy
    labels = list(ATTRIBUTE_TABLE)
    ax = plot_embedding_map(project_snapshots(run.snapshots)[-1], labels, groups=["a"] * 8 + ["b"] * 6)
    assert len(ax.texts) == 14
    plt.close(ax.figure)
    other = TrainingRun(run.E, run.theta, snapshots=run.snapshots[::-1], tracked=run.tracked)
    widget = embedding_map_widget({"toy": run, "reversed": other}, {"toy": labels, "reversed": labels})
    assert isinstance(widget, widgets.VBox)
    menu, slider = widget.children[0].children
    slider.value = 0
    menu.value = "reversed"
    assert widget.children[1].value.startswith("snapshot 0 of 12")


def test_glove_vectors_for_keeps_the_words_glove_knows():
    """Are GloVe's vectors returned for real words, and stems GloVe lacks left out?"""
    shared, G = glove_vectors_for(["king", "qzxjv", "queen"])
    assert shared == ["king", "queen"] and G.shape == (2, 50)
    assert np.dot(G[0], G[1]) / np.linalg.norm(G[0]) / np.linalg.norm(G[1]) > 0.7

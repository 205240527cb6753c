"""Tests of helpers.dates: the seeded date pairs, their arrays, and the attention tools on the shipped translator."""
import datetime

import numpy as np
import pytest

from helpers.dates import (
    HUMAN_VOCAB,
    MACHINE_VOCAB,
    attention_model,
    attention_widget,
    load_dataset,
    plot_attention_map,
    preprocess_data,
    string_to_int,
    translate_dates,
)


def test_the_same_seed_gives_the_same_pairs_and_the_iso_side_is_right():
    """Are two calls with one seed equal, another seed different, and every ISO date a real day from 1970 to 2029?"""
    first, human_vocab, machine_vocab, inv = load_dataset(300)
    assert first == load_dataset(300)[0] and first != load_dataset(300, random_state=1)[0]
    for human, iso in first:
        day = datetime.date.fromisoformat(iso)
        assert datetime.date(1970, 1, 1) <= day <= datetime.date(2029, 12, 31)
        assert human == human.lower() and "," not in human
    assert len(human_vocab) == 37 and len(machine_vocab) == 11
    assert all(inv[index] == symbol for symbol, index in machine_vocab.items())


def test_the_formats_and_languages_vary():
    """Do 500 pairs use numeric and written forms, and month names in at least four languages?"""
    dataset = load_dataset(500)[0]
    humans = " ".join(human for human, _ in dataset)
    assert any("/" in human for human, _ in dataset) and any("." in human for human, _ in dataset)
    for word in ("march", "mars", "märz", "marzo"):
        assert word in humans, word
    assert len({human for human, _ in dataset}) > 490


def test_preprocess_data_gives_the_original_shapes_and_padding():
    """Are X (m, 30), Y (m, 10), Xoh (m, 30, 37) and Yoh (m, 10, 11) consistent, with <pad> after the text and
    <unk> for characters outside the vocabulary?"""
    dataset, human_vocab, machine_vocab, _ = load_dataset(50)
    X, Y, Xoh, Yoh = preprocess_data(dataset, human_vocab, machine_vocab, 30, 10)
    assert X.shape == (50, 30) and Y.shape == (50, 10) and Xoh.shape == (50, 30, 37) and Yoh.shape == (50, 10, 11)
    assert np.array_equal(Xoh.argmax(-1), X) and np.array_equal(Yoh.argmax(-1), Y)
    assert string_to_int("3 déc", 8, HUMAN_VOCAB) == [HUMAN_VOCAB[c] for c in "3 d"] + [HUMAN_VOCAB["<unk>"],
                                                                                        HUMAN_VOCAB["c"]] + [36] * 3
    assert "".join({i: s for s, i in MACHINE_VOCAB.items()}[i] for i in Y[0]) == dataset[0][1]


@pytest.fixture(scope="module")
def translator():
    from helpers.trained_models import load_model

    return load_model("nmt_dates")


def test_the_attention_model_reuses_the_translators_layers(translator):
    """Does the second model return 10 attention vectors of 30 weights that sum to 1, and does the year's first
    digit look at the year in the input?"""
    source = "thursday may 3 1979"
    X = np.eye(37, dtype=np.float32)[[string_to_int(source, 30, HUMAN_VOCAB)]]
    zeros = np.zeros((1, 64), dtype=np.float32)
    alphas = [np.asarray(a)[0, :, 0] for a in attention_model(translator)([X, zeros, zeros])]
    assert len(alphas) == 10 and np.allclose([a.sum() for a in alphas], 1, atol=1e-5)
    assert alphas[2].argmax() >= source.index("1979") - 1
    assert translate_dates(translator, [source]) == ["1979-05-03"]


def test_the_attention_figure_and_widget_draw(translator):
    """Do the heatmap and the widget build for a typed date?"""
    import matplotlib.pyplot as plt

    ax = plot_attention_map(translator, "5 April 09")
    assert "2009-04-05" in ax.get_title()
    plt.close(ax.figure)
    widget = attention_widget(translator, source="1 march 2001")
    assert widget.children

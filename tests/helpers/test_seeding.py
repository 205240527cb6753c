"""Tests of helpers.seeding."""
import numpy as np

from helpers.seeding import seeded


def test_seeded_draws_what_the_seed_gives_and_restores_the_state():
    """Inside, are the draws those of np.random.seed(seed); after, does the global stream go on as if
    nothing ran, even when the block raises?"""
    np.random.seed(7)
    expected_after = np.random.rand(3)
    np.random.seed(7)
    with seeded(1):
        inside = np.random.rand(2)
    np.random.seed(1)
    np.testing.assert_array_equal(inside, np.random.rand(2))
    np.random.seed(7)
    try:
        with seeded(2):
            np.random.rand(5)
            raise RuntimeError
    except RuntimeError:
        pass
    np.testing.assert_array_equal(np.random.rand(3), expected_after)


def test_seeded_without_a_seed_only_restores():
    """With no seed, does the block draw from the current stream and leave it where it was?"""
    np.random.seed(3)
    first = np.random.rand(2)
    np.random.seed(3)
    with seeded():
        np.testing.assert_array_equal(np.random.rand(2), first)
    np.testing.assert_array_equal(np.random.rand(2), first)

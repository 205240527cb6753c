"""NumPy's global random state, seeded for a block and restored after it.

The course's graded functions draw from ``np.random`` after ``np.random.seed(...)``, as the
original assignments do. Examples, widgets and searches that call them seed the global state
the same way, inside :func:`seeded`, so the random numbers the learner's own cells see never
change because a helper ran.
"""
import contextlib

import numpy as np

__all__ = ["seeded"]


@contextlib.contextmanager
def seeded(seed=None):
    """Seed ``np.random`` with ``seed`` (left as it is when None) for the block; restore its state after."""
    state = np.random.get_state()
    if seed is not None:
        np.random.seed(seed)
    try:
        yield
    finally:
        np.random.set_state(state)

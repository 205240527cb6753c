"""Hidden tests of *Neural machine translation of dates*.

The graded functions call layers that the notebook creates once, as globals at the top of their cells,
and shares across the attention steps (``repeator``, ``concatenator``, ``densor1``, ``densor2``, ``activator``, ``dotor``,
``post_activation_LSTM_cell``, ``output_layer``). The learner's layers have been trained by the time
the notebook is graded and the reference's have not, so the two cannot be compared number for number:

* ``one_step_attention`` is called on numbers for which every choice of weights gives the same
  context — an encoder output ``a`` that holds the same vector at all 30 positions, where the context
  must be that vector — and on random ``a``, where only the shape and dtype are compared with the
  reference and the context must lie, feature by feature, between the smallest and the largest value
  of ``a`` over the positions (an average with weights that are positive and sum to 1). A softmax
  over the wrong axis, energies without ``densor2``, a missing softmax or a ``Dot`` over the wrong
  axes fail.
* ``modelf`` is compared layer by layer (classes, the configuration that matters, output shapes,
  parameter counts, inputs and outputs), for the notebook's sizes and for other input vocabularies
  and numbers of output steps.

Known limit: joining ``[s_prev, a]`` instead of ``[a, s_prev]``, or swapping the decoder's state and
cell, gives the same shapes and is caught only by the public tests, which set known weights.
"""
import numpy as np

from autograder.hidden import hidden_test

Tx, N_A, N_S = 30, 32, 64

def _constant_over_time(rng, m):
    vectors = rng.uniform(-1, 1, size=(m, 1, 2 * N_A)).astype(np.float32)
    return np.repeat(vectors, Tx, axis=1)


@hidden_test("one_step_attention", points=3)
def check_one_step_attention(check, rng):
    for m in (1, 4, int(rng.integers(5, 20))):
        a = _constant_over_time(rng, m)
        s_prev = rng.uniform(-1, 1, size=(m, N_S)).astype(np.float32)
        check.call(a, s_prev, rtol=1e-4, atol=1e-5,
                   case=f"a of shape {a.shape} holding one vector at every position (the context is that vector)")
    for m in (3, int(rng.integers(6, 16))):
        a = rng.normal(size=(m, Tx, 2 * N_A)).astype(np.float32)
        s_prev = rng.normal(size=(m, N_S)).astype(np.float32)
        case = f"random a of shape {a.shape}"
        context = check.call(a, s_prev, rtol=0, atol=1e3, case=case)  # values vary with the weights: see below
        context = np.asarray(context.numpy() if hasattr(context, "numpy") else context)
        low, high = a.min(axis=1, keepdims=True) - 1e-5, a.max(axis=1, keepdims=True) + 1e-5
        if not np.all((context >= low) & (context <= high)):
            check.fail(f"{case}: the context is not a weighted average of the rows of a (some of its values lie "
                       "outside the range of a over the Tx positions); are the attention weights a softmax over "
                       "axis 1?")


@hidden_test("modelf", points=4)
def check_modelf(check, rng):
    check.call(Tx, 10, N_A, N_S, 37, 11, keras_seed=0, case="the notebook's sizes: Tx=30, Ty=10, n_a=32, n_s=64, "
                                                            "37 input symbols, 11 output symbols")
    for Ty, human in ((int(rng.integers(3, 8)), int(rng.integers(20, 36))), (12, int(rng.integers(38, 60)))):
        check.call(Tx, Ty, N_A, N_S, human, 11, keras_seed=0,
                   case=f"Tx=30, Ty={Ty}, n_a=32, n_s=64, {human} input symbols, 11 output symbols")

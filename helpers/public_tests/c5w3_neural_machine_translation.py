"""Public tests of *Neural machine translation of dates* (c5w3_neural_machine_translation).

``one_step_attention`` is checked on numbers whatever the shared layers' weights: its context must be
a tensor of shape (m, 1, 64), an average of the rows of ``a`` (each value between the smallest and
the largest of its feature over the 30 positions), and exactly ``a``'s vector when ``a`` holds the
same vector at every position. ``modelf`` is compared layer by layer with the expected model; then
every weight of the model (so of the notebook's shared layers) is set to fixed values, drawn in the
graph order of :func:`helpers.keras_graph.graph_ordered_layers`, and its first and last outputs on
two dates are compared with the expected probabilities. Those weights do not last: the notebook
trains the model and then loads the shipped weights into it.
"""
import numpy as np

from helpers.checks import Checker, is_tensor
from helpers.dates import HUMAN_VOCAB, string_to_int
from helpers.keras_graph import set_fixed_weights
from helpers.model_summary import ModelSummary, summarize_model

__all__ = ["MODELF_SUMMARY", "PROBE_DATES", "modelf_test", "one_step_attention_test"]

PROBE_DATES = ("3 may 1979", "25.12.09")


#: The translator for Tx=30, Ty=10, n_a=32, n_s=64, 37 and 11 symbols, layers in Keras's order (the LSTMs with
#: their cells, the Bi-LSTM with its two LSTMs).
MODELF_PLAIN = {'cls': 'Functional',
 'config': {},
 'params': 52960,
 'output_shape': None,
 'trainable': True,
 'layers': [{'cls': 'InputLayer', 'config': {}, 'params': 0, 'output_shape': [None, 30, 37], 'trainable': True},
            {'cls': 'InputLayer', 'config': {}, 'params': 0, 'output_shape': [None, 64], 'trainable': True},
            {'cls': 'Bidirectional',
             'config': {},
             'params': 17920,
             'output_shape': [None, 30, 64],
             'trainable': True,
             'layers': [{'cls': 'LSTM',
                         'config': {'units': 32,
                                    'activation': 'tanh',
                                    'recurrent_activation': 'sigmoid',
                                    'return_sequences': True,
                                    'return_state': False,
                                    'dropout': 0.0,
                                    'use_bias': True},
                         'params': 8960,
                         'output_shape': None,
                         'trainable': True,
                         'layers': [{'cls': 'LSTMCell',
                                     'config': {'units': 32,
                                                'activation': 'tanh',
                                                'recurrent_activation': 'sigmoid',
                                                'dropout': 0.0,
                                                'use_bias': True},
                                     'params': 8960,
                                     'output_shape': None,
                                     'trainable': True}]},
                        {'cls': 'LSTM',
                         'config': {'units': 32,
                                    'activation': 'tanh',
                                    'recurrent_activation': 'sigmoid',
                                    'return_sequences': True,
                                    'return_state': False,
                                    'dropout': 0.0,
                                    'use_bias': True},
                         'params': 8960,
                         'output_shape': None,
                         'trainable': True,
                         'layers': [{'cls': 'LSTMCell',
                                     'config': {'units': 32,
                                                'activation': 'tanh',
                                                'recurrent_activation': 'sigmoid',
                                                'dropout': 0.0,
                                                'use_bias': True},
                                     'params': 8960,
                                     'output_shape': None,
                                     'trainable': True}]}]},
            {'cls': 'RepeatVector',
             'config': {'n': 30},
             'params': 0,
             'output_shape': [None, 30, 64],
             'trainable': True},
            {'cls': 'Concatenate',
             'config': {'axis': -1},
             'params': 0,
             'output_shape': [None, 30, 128],
             'trainable': True},
            {'cls': 'Dense',
             'config': {'units': 10, 'activation': 'tanh', 'use_bias': True},
             'params': 1290,
             'output_shape': [None, 30, 10],
             'trainable': True},
            {'cls': 'Dense',
             'config': {'units': 1, 'activation': 'relu', 'use_bias': True},
             'params': 11,
             'output_shape': [None, 30, 1],
             'trainable': True},
            {'cls': 'Softmax',
             'config': {'axis': 1},
             'params': 0,
             'output_shape': [None, 30, 1],
             'trainable': True},
            {'cls': 'Dot',
             'config': {'axes': 1, 'normalize': False},
             'params': 0,
             'output_shape': [None, 1, 64],
             'trainable': True},
            {'cls': 'InputLayer', 'config': {}, 'params': 0, 'output_shape': [None, 64], 'trainable': True},
            {'cls': 'LSTM',
             'config': {'units': 64,
                        'activation': 'tanh',
                        'recurrent_activation': 'sigmoid',
                        'return_sequences': False,
                        'return_state': True,
                        'dropout': 0.0,
                        'use_bias': True},
             'params': 33024,
             'output_shape': [[None, 64], [None, 64], [None, 64]],
             'trainable': True,
             'layers': [{'cls': 'LSTMCell',
                         'config': {'units': 64,
                                    'activation': 'tanh',
                                    'recurrent_activation': 'sigmoid',
                                    'dropout': 0.0,
                                    'use_bias': True},
                         'params': 33024,
                         'output_shape': None,
                         'trainable': True}]},
            {'cls': 'Dense',
             'config': {'units': 11, 'activation': 'softmax', 'use_bias': True},
             'params': 715,
             'output_shape': [None, 11],
             'trainable': True}],
 'inputs': [[None, 30, 37], [None, 64], [None, 64]],
 'outputs': [[None, 11], [None, 11], [None, 11], [None, 11], [None, 11], [None, 11], [None, 11], [None, 11],
             [None, 11], [None, 11]]}
MODELF_SUMMARY = ModelSummary.from_plain(MODELF_PLAIN)

#: Probabilities of the 11 output symbols at the first and the last step, for PROBE_DATES, with fixed weights.
FIRST_STEP = np.array([
    [0.0990646, 0.0717653, 0.0936457, 0.1104656, 0.0852578, 0.0861816, 0.0872758, 0.0957021, 0.0753256, 0.094957,
     0.1003589],
    [0.0987982, 0.0716394, 0.0934412, 0.1116218, 0.0850152, 0.0864474, 0.0868909, 0.0973527, 0.0752958, 0.0939199,
     0.0995775]], dtype=np.float32)
LAST_STEP = np.array([
    [0.0865897, 0.0639676, 0.0907414, 0.1419914, 0.0774887, 0.0793051, 0.1006774, 0.1223152, 0.0602221, 0.0788234,
     0.0978779],
    [0.0861757, 0.0640406, 0.0891706, 0.144212, 0.0761623, 0.0799495, 0.1010926, 0.1254337, 0.059867, 0.076257,
     0.0976391]], dtype=np.float32)



def probe_inputs(Tx=30, n_s=64):
    """[Xoh, s0, c0] for PROBE_DATES: one-hot dates and zero initial states."""
    X = np.array([string_to_int(date, Tx, HUMAN_VOCAB) for date in PROBE_DATES])
    Xoh = np.eye(len(HUMAN_VOCAB), dtype=np.float32)[X]
    zeros = np.zeros((len(PROBE_DATES), n_s), dtype=np.float32)
    return [Xoh, zeros, zeros]


def one_step_attention_test(target):
    check = Checker("one_step_attention")
    rng = np.random.default_rng(3)
    a = rng.uniform(0, 1, size=(8, 30, 64)).astype(np.float32)
    s_prev = rng.uniform(0, 1, size=(8, 64)).astype(np.float32)
    context = check.call(target, a, s_prev, case="a (8, 30, 64) and s_prev (8, 64), uniform in [0, 1]")
    check.true("returns a tensor", is_tensor(context),
               f"a tensor expected, got {type(context).__name__} (have you filled in every ### START CODE HERE ### "
               "block?)")
    check.same("shape of the context", (8, 1, 64), tuple(context.shape))
    context = np.asarray(context)
    inside = (context >= a.min(axis=1, keepdims=True) - 1e-5) & (context <= a.max(axis=1, keepdims=True) + 1e-5)
    check.true("the context is an average of the rows of a", bool(inside.all()),
               f"{np.sum(~inside)} of its 512 values lie outside the range of a over the 30 positions: are the "
               "attention weights a softmax over axis 1 (the positions), and is dotor applied to [alphas, a]?")
    constant = np.repeat(a[:, :1, :], 30, axis=1)
    context = check.call(target, constant, s_prev, case="a holding the same vector at all 30 positions")
    check.same("when a is the same at every position, the context is that vector", a[:, :1, :],
               np.asarray(context), rtol=1e-4, atol=1e-5)
    check.done()


def modelf_test(target):
    check = Checker("modelf")
    model = check.call(target, 30, 10, 32, 64, 37, 11, case="Tx=30, Ty=10, n_a=32, n_s=64, 37 and 11 symbols")
    check.same("the model, layer by layer", MODELF_SUMMARY, summarize_model(model))
    check.same("parameters", 52960, int(model.count_params()))
    set_fixed_weights(model)
    outputs = [np.asarray(output) for output in model(probe_inputs())]
    check.same("number of outputs", 10, len(outputs))
    check.same("probabilities at the first step, fixed weights", FIRST_STEP, outputs[0], rtol=2e-5, atol=1e-6)
    check.same("probabilities at the last step, fixed weights", LAST_STEP, outputs[-1], rtol=2e-5, atol=1e-6)
    check.done()

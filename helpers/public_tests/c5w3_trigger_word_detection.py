"""Public tests of *Trigger word detection* (c5w3_trigger_word_detection).

The random functions are called after ``np.random.seed(...)``, as the notebook calls them, and the
global random state is restored afterwards. Audio inputs are small synthetic clips (silence, tones,
brown noise), so that the expected numbers are written out here. A function that changes its
arguments in place (``insert_audio_clip`` appends to ``previous_segments``, ``insert_ones`` fills ``y``)
is called on copies.
"""
import copy

import numpy as np

from helpers.checks import Checker
from helpers.model_summary import ModelSummary, summarize_model
from helpers.trigger_word import AudioClip, make_background

__all__ = [
    "MODELF_SUMMARY",
    "create_training_example_test",
    "get_random_time_segment_test",
    "insert_audio_clip_test",
    "insert_ones_test",
    "is_overlapping_test",
    "modelf_test",
    "tone",
]


#: The detector for input_shape=(5511, 101), layers in Keras's order (the GRUs with their cells).
MODELF_PLAIN = {'cls': 'Functional',
 'config': {},
 'trainable': True,
 'params': 523329,
 'output_shape': None,
 'inputs': [[None, 5511, 101]],
 'outputs': [[None, 1375, 1]],
 'layers': [{'cls': 'InputLayer', 'config': {}, 'trainable': True, 'params': 0, 'output_shape': [None, 5511, 101]},
            {'cls': 'Conv1D',
             'config': {'filters': 196,
                        'kernel_size': [15],
                        'strides': [4],
                        'padding': 'valid',
                        'activation': 'linear',
                        'use_bias': True,
                        'dilation_rate': [1]},
             'trainable': True,
             'params': 297136,
             'output_shape': [None, 1375, 196]},
            {'cls': 'BatchNormalization',
             'config': {'axis': 2, 'epsilon': 0.001, 'momentum': 0.99},
             'trainable': True,
             'params': 784,
             'output_shape': [None, 1375, 196]},
            {'cls': 'Activation',
             'config': {'activation': 'relu'},
             'trainable': True,
             'params': 0,
             'output_shape': [None, 1375, 196]},
            {'cls': 'Dropout',
             'config': {'rate': 0.8},
             'trainable': True,
             'params': 0,
             'output_shape': [None, 1375, 196]},
            {'cls': 'GRU',
             'config': {'units': 128,
                        'activation': 'tanh',
                        'recurrent_activation': 'sigmoid',
                        'return_sequences': True,
                        'return_state': False,
                        'dropout': 0.0,
                        'use_bias': True},
             'trainable': True,
             'params': 125184,
             'output_shape': [None, 1375, 128],
             'layers': [{'cls': 'GRUCell',
                         'config': {'units': 128,
                                    'activation': 'tanh',
                                    'recurrent_activation': 'sigmoid',
                                    'dropout': 0.0,
                                    'use_bias': True},
                         'trainable': True,
                         'params': 125184,
                         'output_shape': None}]},
            {'cls': 'Dropout',
             'config': {'rate': 0.8},
             'trainable': True,
             'params': 0,
             'output_shape': [None, 1375, 128]},
            {'cls': 'BatchNormalization',
             'config': {'axis': 2, 'epsilon': 0.001, 'momentum': 0.99},
             'trainable': True,
             'params': 512,
             'output_shape': [None, 1375, 128]},
            {'cls': 'GRU',
             'config': {'units': 128,
                        'activation': 'tanh',
                        'recurrent_activation': 'sigmoid',
                        'return_sequences': True,
                        'return_state': False,
                        'dropout': 0.0,
                        'use_bias': True},
             'trainable': True,
             'params': 99072,
             'output_shape': [None, 1375, 128],
             'layers': [{'cls': 'GRUCell',
                         'config': {'units': 128,
                                    'activation': 'tanh',
                                    'recurrent_activation': 'sigmoid',
                                    'dropout': 0.0,
                                    'use_bias': True},
                         'trainable': True,
                         'params': 99072,
                         'output_shape': None}]},
            {'cls': 'Dropout',
             'config': {'rate': 0.8},
             'trainable': True,
             'params': 0,
             'output_shape': [None, 1375, 128]},
            {'cls': 'BatchNormalization',
             'config': {'axis': 2, 'epsilon': 0.001, 'momentum': 0.99},
             'trainable': True,
             'params': 512,
             'output_shape': [None, 1375, 128]},
            {'cls': 'Dropout',
             'config': {'rate': 0.8},
             'trainable': True,
             'params': 0,
             'output_shape': [None, 1375, 128]},
            {'cls': 'TimeDistributed',
             'config': {},
             'trainable': True,
             'params': 129,
             'output_shape': [None, 1375, 1],
             'layers': [{'cls': 'Dense',
                         'config': {'units': 1, 'activation': 'sigmoid', 'use_bias': True},
                         'trainable': True,
                         'params': 129,
                         'output_shape': None}]}]}
MODELF_SUMMARY = ModelSummary.from_plain(MODELF_PLAIN)

#: create_training_example on the test's inputs after np.random.seed(18): ones in y, the first and last step
#: labelled 1, the mean of x and x[11, ::1000].
ONES, FIRST_LAST, X_MEAN = 100.0, [293, 542], -45.951107
X_ROW = np.array([-43.696, -15.397, -39.21, -33.569, -45.505, -34.163], dtype=np.float32)


def tone(duration_ms, frequency, amplitude=0.5):
    """A sine tone of ``duration_ms`` ms at ``frequency`` Hz, as an AudioClip."""
    t = np.arange(duration_ms * 16) / 16000
    return AudioClip(amplitude * np.sin(2 * np.pi * frequency * t))


class _Seeded:
    """Seed NumPy's global random state for a call, and restore it afterwards."""

    def __init__(self, seed):
        self.seed = seed

    def __enter__(self):
        self.state = np.random.get_state()
        np.random.seed(self.seed)

    def __exit__(self, *exc):
        np.random.set_state(self.state)


def _on_copies(target):
    """``target`` called on deep copies of its arguments; returns (output, arguments after the call)."""
    def call(*args):
        args = copy.deepcopy(args)
        return target(*args), args
    return call


def get_random_time_segment_test(target):
    check = Checker("get_random_time_segment")
    with _Seeded(5):
        first = check.call(target, 500, case="segment_ms=500 after np.random.seed(5)")
        second = check.call(target, 1200, case="then segment_ms=1200")
    check.true("returns a tuple of two integers", isinstance(first, tuple) and len(first) == 2 and
               all(isinstance(v, (int, np.integer)) for v in first),
               f"a tuple (segment_start, segment_end) of integers expected, got {first!r}")
    check.same("segment_end - segment_start", 499, int(first[1] - first[0]))
    check.same("first segment, after np.random.seed(5)", (2915, 3414), tuple(int(v) for v in first))
    check.same("second segment", (2254, 3453), tuple(int(v) for v in second))
    check.done()


def is_overlapping_test(target):
    check = Checker("is_overlapping")
    cases = [((950, 1430), [(2000, 2550), (260, 949)], False), ((2305, 2950), [(824, 1532), (1900, 2305), (3424, 3656)], True),
             ((750, 1250), [(100, 750)], True), ((751, 1250), [(100, 750)], False), ((5000, 6000), [], False),
             ((100, 9000), [(4000, 4100)], True)]
    for segment_time, previous, expected in cases:
        got = check.call(target, segment_time, previous, case=f"{segment_time} and {previous}")
        check.true(f"{segment_time} against {previous}: {expected}", got is expected or got == expected and
                   isinstance(got, (bool, np.bool_)), f"{expected} expected, got {got!r}")
    check.done()


def insert_audio_clip_test(target):
    check = Checker("insert_audio_clip")
    background, clip = AudioClip(np.zeros(160000)), tone(500, 440)
    with _Seeded(5):
        (new_background, segment_time), (_, _, previous) = check.call(
            _on_copies(target), background, clip, [(3790, 4400)], case="a 500 ms tone into 10 s of silence, seed 5")
    check.same("segment_time", (2915, 3414), tuple(int(v) for v in segment_time))
    check.same("previous_segments after the call", [(3790, 4400), (2915, 3414)],
               [tuple(int(v) for v in s) for s in previous])
    check.same("length of the new background (ms)", 10000, len(new_background))
    start = 2915 * 16
    check.same("the clip is in the background at segment_start", np.asarray(clip),
               np.asarray(new_background)[start:start + 8000], rtol=1e-5, atol=1e-6)
    check.same("silence elsewhere", 0.0, float(np.abs(np.asarray(new_background)[:start]).sum()))
    with _Seeded(5):
        (unchanged, segment_time), (_, _, previous) = check.call(
            _on_copies(target), background, clip, [(0, 9999)], case="no free place: previous_segments [(0, 9999)]")
    check.same("no free place: segment_time", (10000, 10000), tuple(int(v) for v in segment_time))
    check.same("no free place: previous_segments unchanged", [(0, 9999)], [tuple(s) for s in previous])
    check.same("no free place: background unchanged", np.asarray(background), np.asarray(unchanged))
    check.done()


def insert_ones_test(target):
    check = Checker("insert_ones")
    (y, _) = check.call(_on_copies(target), np.zeros((1, 1375)), 9700, case="y zeros (1, 1375), segment_end_ms=9700")
    check.same("shape", (1, 1375), np.shape(y))
    check.same("ones after 9700 ms (steps 1334 to 1374)", 41.0, float(np.sum(y)))
    check.same("y[0, 1333] (the end itself)", 0.0, float(y[0, 1333]))
    check.same("y[0, 1334]", 1.0, float(y[0, 1334]))
    (y, _) = check.call(_on_copies(target), np.asarray(y), 4251, case="then segment_end_ms=4251")
    check.same("ones after 4251 ms: y[0, 584], y[0, 585], y[0, 634], y[0, 635]", [0.0, 1.0, 1.0, 0.0],
               [float(y[0, i]) for i in (584, 585, 634, 635)])
    check.same("total ones", 91.0, float(np.sum(y)))
    (y, _) = check.call(_on_copies(target), np.zeros((1, 100)), 10000, case="segment_end_ms=10000, Ty=100")
    check.same("a segment that ends at the end of the clip adds no ones", 0.0, float(np.sum(y)))
    check.done()


def create_training_example_test(target):
    check = Checker("create_training_example")
    background = make_background("brown", random_state=3)
    activates = [tone(400, 600), tone(700, 900)]
    negatives = [tone(300, 2000), tone(600, 3000)]
    with _Seeded(18):
        x, y = check.call(target, background, activates, negatives, 1375,
                          case="brown noise, two tones as activates, two as negatives, seed 18")
    check.same("shape of x", (101, 5511), np.shape(x))
    check.same("shape of y", (1, 1375), np.shape(y))
    check.same("ones in y", ONES, float(np.sum(y)))
    check.same("first and last step labelled 1", FIRST_LAST, [int(i) for i in np.flatnonzero(y[0])[[0, -1]]])
    check.same("mean of x (dB)", X_MEAN, float(np.mean(x)), rtol=1e-3)
    check.same("energy at 900 Hz over time (x[11, ::1000])", X_ROW, np.asarray(x)[11, ::1000], rtol=1e-3, atol=1e-2)
    check.done()


def modelf_test(target):
    check = Checker("modelf")
    model = check.call(target, (5511, 101), case="input_shape=(5511, 101)")
    check.true("returns a Keras model", hasattr(model, "count_params") and hasattr(model, "layers"),
               f"a Keras Model expected, got {type(model).__name__}")
    check.same("the model, layer by layer", MODELF_SUMMARY, summarize_model(model))
    check.same("parameters", 523329, int(model.count_params()))
    check.done()

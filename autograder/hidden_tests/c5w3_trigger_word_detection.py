"""Hidden tests of *Trigger word detection*.

Every random function draws from NumPy's global random state, which ``check.call`` sets to the same
state for the learner and the reference, so segments, labels and spectrograms are compared exactly
(the original's own grader relied on the same order of random calls). Audio arguments are
``AudioClip``s built where the function runs: seeded brown or pink noise from
``helpers.trigger_word.make_background`` as backgrounds, sine tones of random lengths as words. ``insert_audio_clip`` appends to
``previous_segments`` and ``insert_ones`` fills ``y`` in place, as the original's do: their arguments
must end as the reference leaves them. ``modelf`` is compared layer by layer (classes, filters,
kernel size, strides, units, rates, output shapes, parameters), for the notebook's input shape and
others.
"""
import numpy as np

from autograder.hidden import hidden_test
from autograder.sandbox.wire import Built

TONE = "helpers.public_tests.c5w3_trigger_word_detection.tone"


def _background(rng, kind="brown"):
    return Built("helpers.trigger_word.make_background", kind, random_state=int(rng.integers(0, 1000)))


def _tone(rng, duration_ms):
    return Built(TONE, duration_ms, float(rng.uniform(200, 3000)), float(rng.uniform(0.2, 0.6)))


def _segments(rng, n):
    starts = np.sort(rng.choice(np.arange(0, 9000, 50), size=n, replace=False))
    return [(int(s), int(s + rng.integers(50, 900))) for s in starts]


@hidden_test("get_random_time_segment", points=1)
def check_get_random_time_segment(check, rng):
    for segment_ms in (500, 1, 9999, int(rng.integers(100, 1500)), int(rng.integers(1500, 8000))):
        np.random.seed(int(rng.integers(0, 2**31)))
        check.call(segment_ms, case=f"segment_ms={segment_ms}")


@hidden_test("is_overlapping", points=2)
def check_is_overlapping(check, rng):
    fixed = [((750, 1250), [(100, 750)]), ((751, 1250), [(100, 750)]), ((100, 200), [(201, 300)]),
             ((100, 200), [(50, 100)]), ((5000, 6000), []), ((100, 9000), [(4000, 4100)]),
             ((4000, 4100), [(100, 200), (3000, 5000)])]
    for segment_time, previous in fixed:
        check.call(segment_time, previous, case=f"{segment_time} against {previous}")
    for _ in range(8):
        previous = _segments(rng, int(rng.integers(1, 5)))
        start = int(rng.integers(0, 9000))
        segment_time = (start, start + int(rng.integers(1, 1000)))
        check.call(segment_time, previous, case=f"{segment_time} against {previous}")


@hidden_test("insert_audio_clip", points=2)
def check_insert_audio_clip(check, rng):
    background = _background(rng)
    cases = [([], int(rng.integers(200, 900))), ([(3790, 4400)], 500), (_segments(rng, 3), int(rng.integers(300, 800))),
             ([(0, 9999)], 400), ([(0, 4000), (4600, 9999)], 800), ([(0, 4000), (4300, 9999)], 200)]
    for previous, duration in cases:
        np.random.seed(int(rng.integers(0, 2**31)))
        check.call(background, _tone(rng, duration), list(previous), rtol=1e-5, atol=1e-6, inputs_after="as_reference",
                   case=f"a {duration} ms clip, previous_segments {previous}")


@hidden_test("insert_ones", points=2)
def check_insert_ones(check, rng):
    ends = [0, 9700, 4251, 10000, 9999, 9650, int(rng.integers(0, 10000)), int(rng.integers(0, 10000))]
    for Ty in (1375, int(rng.integers(50, 500))):
        for end in ends:
            y = np.zeros((1, Ty))
            y[0, rng.integers(0, Ty, size=5)] = 1
            check.call(y, end, inputs_after="any", case=f"y of shape (1, {Ty}) with some ones, segment_end_ms={end}")


@hidden_test("create_training_example", points=3)
def check_create_training_example(check, rng):
    background = _background(rng, "pink")
    activates = [_tone(rng, int(d)) for d in rng.integers(300, 900, size=4)]
    negatives = [_tone(rng, int(d)) for d in rng.integers(200, 900, size=3)]
    for seed in (18, *(int(s) for s in rng.integers(0, 2**31, size=4))):
        np.random.seed(seed)
        check.call(background, activates, negatives, 1375, rtol=1e-3, atol=1e-2,
                   case=f"a pink-noise background, 4 activates and 3 negatives (tones), Ty=1375, np.random.seed({seed})")


@hidden_test("modelf", points=3)
def check_modelf(check, rng):
    check.call((5511, 101), keras_seed=0, case="input_shape=(5511, 101)")
    check.call((int(rng.integers(200, 600)), int(rng.integers(20, 60))), keras_seed=0, case="another input shape")

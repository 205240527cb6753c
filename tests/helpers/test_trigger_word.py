"""Tests of helpers.trigger_word and the shipped speech clips: the files are exactly what the generating script
plans and records, audio behaves in milliseconds, spectrograms have the original's shapes, detections and
their precision and recall are counted right."""
import hashlib

import numpy as np
import pytest

from helpers.speech_clips.make_clips import DIRECTORY, VOICES, plan_clips
from helpers.trigger_word import (AudioClip, FRAME_RATE, Tx, chime_on_activate, detect_triggers, load_raw_audio,
                                  make_background, match_target_amplitude, precision_recall, read_manifest,
                                  spectrogram)


def test_shipped_clips_are_the_planned_ones_with_their_recorded_hashes():
    """Does the manifest list exactly the clips make_clips plans (word, voice, speed, pitch, split), does every
    WAV file match its SHA-256, and is there no file the manifest does not name?"""
    manifest = read_manifest()
    recorded = [{k: v for k, v in clip.items() if k != "sha256"} for clip in manifest["clips"]]
    assert recorded == plan_clips()
    for clip in manifest["clips"]:
        assert hashlib.sha256((DIRECTORY / "wav" / clip["file"]).read_bytes()).hexdigest() == clip["sha256"], clip
    assert {p.name for p in (DIRECTORY / "wav").glob("*")} == {clip["file"] for clip in manifest["clips"]}


def test_clips_are_small_and_held_out_voices_are_new():
    """Are the clips a few MB in all, and do the held-out voices use voice variants no training voice uses?"""
    total = sum(p.stat().st_size for p in (DIRECTORY / "wav").glob("*.wav"))
    assert total < 5_000_000
    variants = {split: {voice.split("+")[1] for voice, s in VOICES if s == split} for split in ("train", "held_out")}
    assert not variants["train"] & variants["held_out"]


def test_load_raw_audio_gives_clips_in_milliseconds():
    """Does the training split hold 45 activates, 90 negatives and six 10-second backgrounds at -20 dBFS, with
    len() in ms?"""
    activates, negatives, backgrounds = load_raw_audio()
    assert (len(activates), len(negatives), len(backgrounds)) == (45, 90, 6)
    assert all(300 <= len(clip) <= 1000 for clip in activates + negatives)
    assert [len(b) for b in backgrounds] == [10000] * 6
    assert [round(b.dBFS, 3) for b in backgrounds] == [-20.0] * 6
    with pytest.raises(ValueError, match="split"):
        load_raw_audio("test")


def test_overlay_gain_and_loudness():
    """Does overlay add a clip at a position in ms and cut it at the end, apply_gain scale by decibels and
    match_target_amplitude reach the loudness asked for?"""
    background, clip = AudioClip(np.zeros(16000)), AudioClip(np.ones(3200))
    mixed = background.overlay(clip, position=900)
    assert len(mixed) == 1000 and mixed.sum() == 1600 and mixed[900 * 16] == 1 and mixed[900 * 16 - 1] == 0
    assert background.sum() == 0  # a new clip, the background unchanged
    np.testing.assert_allclose(clip.apply_gain(-20), 0.1, rtol=1e-6)
    assert match_target_amplitude(make_background("brown", random_state=1), -33.0).dBFS == pytest.approx(-33.0)
    with pytest.raises(ValueError, match="1-d"):
        AudioClip(np.zeros((2, 3)))


def test_spectrogram_has_the_original_shape_and_finds_a_tone():
    """Is a 10-second clip's spectrogram (101, 5511), with a 1 kHz tone's energy in frequency bin 12.5?"""
    t = np.arange(10 * FRAME_RATE) / FRAME_RATE
    x = spectrogram(AudioClip(0.5 * np.sin(2 * np.pi * 1000 * t)))
    assert x.shape == (101, Tx) and x.dtype == np.float32
    assert set(np.argmax(x, axis=0)) <= {12, 13}
    with pytest.raises(ValueError, match="1-d clip"):
        spectrogram(np.zeros(10))


def test_detections_fire_once_per_word_and_are_counted():
    """Does a detection fire once per rise above the threshold (silent for 75 steps after), and do precision and
    recall count a detection near a word's end as right and a far one as wrong?"""
    p = np.zeros(1375)
    p[400:450] = 0.9
    p[460:470] = 0.9  # within the refractory period: no second detection
    p[1000:1010] = 0.9
    assert detect_triggers(p) == [400, 1000]
    ends = [int(400 * 10000 / 1375) - 100]  # one word, 100 ms before the first detection
    assert precision_recall([detect_triggers(p)], [ends]) == (0.5, 1.0)
    assert precision_recall([[]], [ends]) == (1.0, 0.0)
    chimed = chime_on_activate(AudioClip(np.zeros(160000)), p)
    assert np.abs(chimed[:int(400 * 10000 / 1375) * 16 - 1]).max() == 0 and np.abs(chimed).max() > 0.1

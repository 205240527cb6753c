"""Audio for trigger-word detection (Course 5 week 3): clips in milliseconds, noise, spectrograms, chimes.

The original course handled audio with pydub. Here audio stays in numpy: an :class:`AudioClip` is a
1-d float32 array of samples at 16 kHz, in [-1, 1], with the few methods of pydub's ``AudioSegment``
the course uses, all in milliseconds: ``len(clip)`` is its duration in ms,
``clip.overlay(other, position=ms)`` mixes ``other`` in from ``position`` on, ``clip.apply_gain(dB)``
makes it louder or quieter and ``clip.dBFS`` is its loudness. Arithmetic stays numpy's (``clip - 20``
subtracts 20 from every sample; to lower the volume by 20 dB write ``clip.apply_gain(-20)``).

The spoken words are espeak-ng recordings shipped in ``helpers/speech_clips/`` (see
:mod:`helpers.speech_clips.make_clips`); the backgrounds are noise generated here: pink, brown and
babble (many simulated talkers at once). A 10-second clip becomes a spectrogram of shape
(101, 5511): 101 frequencies (FFT of 200 samples) by 5511 windows, one every 29 samples.
"""
import json
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np

__all__ = [
    "AudioClip",
    "BACKGROUND_KINDS",
    "CLIP_MS",
    "FRAME_RATE",
    "N_FREQ",
    "Tx",
    "Ty",
    "chime_on_activate",
    "detect_triggers",
    "load_raw_audio",
    "make_background",
    "make_chime",
    "match_target_amplitude",
    "play",
    "plot_example",
    "precision_recall",
    "read_manifest",
    "spectrogram",
]

FRAME_RATE = 16000
CLIP_MS = 10000
NFFT, HOP = 200, 29
N_FREQ, Tx, Ty = NFFT // 2 + 1, 5511, 1375
BACKGROUND_KINDS = ("pink", "brown", "babble")
CLIPS = Path(__file__).parent / "speech_clips"


class AudioClip(np.ndarray):
    """Mono audio at 16 kHz: a 1-d float32 array of samples in [-1, 1], measured in milliseconds.

    ``AudioClip(samples)`` wraps any 1-d sequence of samples. ``len(clip)`` is the duration in ms
    (rounded); indexing, slicing and arithmetic are numpy's, over samples.
    """

    def __new__(cls, samples):
        samples = np.asarray(samples, dtype=np.float32)
        if samples.ndim != 1:
            raise ValueError(f"an AudioClip is 1-d (mono samples), got shape {samples.shape}")
        return samples.copy().view(cls)

    def __len__(self):
        return int(round(self.shape[0] * 1000 / FRAME_RATE)) if self.ndim == 1 else super().__len__()

    @property
    def frame_rate(self):
        return FRAME_RATE

    @property
    def duration_seconds(self):
        return self.shape[0] / FRAME_RATE

    @property
    def dBFS(self):
        """Loudness in decibels relative to full scale: 20 log10 of the root mean square (-inf for silence)."""
        rms = float(np.sqrt(np.mean(np.square(self, dtype=np.float64)))) if self.size else 0.0
        return 20 * np.log10(rms) if rms > 0 else -np.inf

    def apply_gain(self, dB):
        """A new clip ``dB`` decibels louder (negative: quieter)."""
        return AudioClip(np.asarray(self) * np.float32(10 ** (dB / 20)))

    def overlay(self, other, position=0):
        """A new clip of this one's length with ``other`` added from ``position`` ms on (cut at the end)."""
        start = int(round(position * FRAME_RATE / 1000))
        if start < 0:
            raise ValueError(f"position must be >= 0 ms, got {position}")
        mixed = np.array(self, dtype=np.float32)
        piece = np.asarray(other, dtype=np.float32)[:max(mixed.shape[0] - start, 0)]
        mixed[start:start + piece.shape[0]] += piece
        return AudioClip(mixed)


def match_target_amplitude(sound, target_dBFS):
    """``sound`` with its gain changed so that its loudness is ``target_dBFS``."""
    return sound.apply_gain(target_dBFS - sound.dBFS)


def play(audio):
    """An audio player for the page (IPython's ``Audio``), for an AudioClip or samples at 16 kHz."""
    from IPython.display import Audio

    return Audio(np.asarray(audio, dtype=np.float32), rate=FRAME_RATE)


def read_manifest():
    """The shipped clips' manifest (``helpers/speech_clips/manifest.json``): word, voice, split, hash of each."""
    return json.loads((CLIPS / "manifest.json").read_text())


def _read_wav(path):
    import wave

    with wave.open(str(path)) as file:
        if (file.getframerate(), file.getnchannels(), file.getsampwidth()) != (FRAME_RATE, 1, 2):
            raise ValueError(f"{path}: 16 kHz mono 16-bit expected")
        return np.frombuffer(file.readframes(file.getnframes()), dtype=np.int16) / 32768


def load_raw_audio(split="train"):
    """The spoken words and backgrounds of one split, as lists of AudioClip.

    Parameters
    ----------
    split : {"train", "held_out"}
        ``"held_out"`` holds five voices that no training clip uses, and other backgrounds.

    Returns
    -------
    activates : list of AudioClip, "activate" said by each voice three times
    negatives : list of AudioClip, other words (some sound close to "activate")
    backgrounds : list of AudioClip, six 10-second noises: pink, brown and babble, twice each
    """
    if split not in ("train", "held_out"):
        raise ValueError(f"split must be 'train' or 'held_out', got {split!r}")
    clips = [clip for clip in read_manifest()["clips"] if clip["split"] == split]
    words = {kind: [AudioClip(_read_wav(CLIPS / "wav" / clip["file"])) for clip in clips if clip["kind"] == kind]
             for kind in ("activate", "negative")}
    first_seed = 0 if split == "train" else 100
    backgrounds = [make_background(kind, random_state=first_seed + i) for i in range(2) for kind in BACKGROUND_KINDS]
    return words["activate"], words["negative"], backgrounds


def _colored_noise(rng, n, exponent):
    """Noise whose power falls as 1 / f**exponent (1: pink, 2: brown), scaled to unit peak."""
    spectrum = rng.normal(size=n // 2 + 1) + 1j * rng.normal(size=n // 2 + 1)
    f = np.fft.rfftfreq(n, 1 / FRAME_RATE)
    spectrum *= 1 / np.maximum(f, 20.0) ** (exponent / 2)
    noise = np.fft.irfft(spectrum, n)
    return noise / np.abs(noise).max()


def _babble(rng, n, talkers=6):
    """Many talkers at once: pulse trains at a wandering pitch, through formants that change every syllable."""
    from scipy.signal import lfilter

    t = np.arange(n) / FRAME_RATE
    mix = np.zeros(n)
    syllable = FRAME_RATE // 5  # 200 ms
    for _ in range(talkers):
        pitch = rng.uniform(90, 240) * (1 + 0.1 * np.sin(2 * np.pi * rng.uniform(0.2, 1) * t))
        phase = np.cumsum(pitch / FRAME_RATE)
        voice = (np.diff(np.floor(phase), prepend=0) > 0).astype(float)
        voice += 0.05 * rng.normal(size=n)  # breath
        talker = np.zeros(n)
        for start in range(0, n, syllable):
            piece = voice[start:start + syllable]
            for formant in (rng.uniform(300, 900), rng.uniform(900, 2500)):
                r, theta = 0.97, 2 * np.pi * formant / FRAME_RATE
                talker[start:start + syllable] += lfilter([1 - r], [1, -2 * r * np.cos(theta), r * r], piece)
        envelope = np.clip(np.sin(2 * np.pi * rng.uniform(3, 5) * t + rng.uniform(0, 2 * np.pi)), 0, None)
        mix += talker * envelope * rng.uniform(0.5, 1)
    return mix / np.abs(mix).max()


def make_background(kind="pink", *, duration_ms=CLIP_MS, random_state=0):
    """A background noise of ``duration_ms`` ms as an AudioClip at -20 dBFS: ``"pink"`` (1/f, like rain),
    ``"brown"`` (1/f², a low rumble) or ``"babble"`` (a crowd talking)."""
    if kind not in BACKGROUND_KINDS:
        raise ValueError(f"kind must be one of {BACKGROUND_KINDS}, got {kind!r}")
    rng = np.random.default_rng(random_state)
    n = int(duration_ms * FRAME_RATE // 1000)
    noise = _babble(rng, n) if kind == "babble" else _colored_noise(rng, n, 1 if kind == "pink" else 2)
    return match_target_amplitude(AudioClip(noise), -20.0)


def spectrogram(audio):
    """Log-power spectrogram of a 10-second clip: ndarray (101, 5511) float32, in decibels.

    Hann windows of 200 samples (12.5 ms), one every 29 samples; 101 frequencies from 0 to 8 kHz.
    """
    samples = np.asarray(audio, dtype=np.float32)
    if samples.ndim != 1 or samples.shape[0] < NFFT:
        raise ValueError(f"a 1-d clip of at least {NFFT} samples expected, got shape {samples.shape}")
    frames = np.lib.stride_tricks.sliding_window_view(samples, NFFT)[::HOP][:Tx]
    power = np.abs(np.fft.rfft(frames * np.hanning(NFFT).astype(np.float32), axis=1)) ** 2
    return (10 * np.log10(power.T + 1e-10)).astype(np.float32)


def make_chime(duration_ms=300):
    """A short bell (two decaying tones, 1,320 and 1,760 Hz) as an AudioClip."""
    t = np.arange(int(duration_ms * FRAME_RATE // 1000)) / FRAME_RATE
    tone = np.sin(2 * np.pi * 1320 * t) + 0.6 * np.sin(2 * np.pi * 1760 * t)
    return AudioClip(0.3 * tone * np.exp(-t / 0.08))


def detect_triggers(probabilities, threshold=0.5, *, refractory=75):
    """Output steps at which a detection fires: the probability exceeds ``threshold`` and no detection fired
    in the previous ``refractory`` steps (75 steps = 545 ms). ``probabilities`` has Ty values (any shape)."""
    p = np.asarray(probabilities).reshape(-1)
    fired = []
    for step in np.flatnonzero(p > threshold):
        if not fired or step - fired[-1] > refractory:
            fired.append(int(step))
    return fired


def chime_on_activate(audio, probabilities, threshold=0.5):
    """``audio`` with a chime mixed in at each detection of ``probabilities`` (see :func:`detect_triggers`)."""
    chime, ty = make_chime(), np.asarray(probabilities).size
    for step in detect_triggers(probabilities, threshold):
        audio = audio.overlay(chime, position=step * len(audio) / ty)
    return audio


def precision_recall(detections, segment_ends_ms, *, ty=Ty, tolerance_ms=500):
    """Precision and recall of detections against the true "activate"s of a set of clips.

    Parameters
    ----------
    detections : list of lists of int, for each clip the output steps of :func:`detect_triggers`
    segment_ends_ms : list of lists of int, for each clip the end (ms) of every inserted "activate"
    tolerance_ms : a detection counts when it falls between an "activate"'s end and ``tolerance_ms`` after
        the 50 labelled steps that follow it; each "activate" is matched at most once.

    Returns
    -------
    precision, recall : floats (1.0 when there is nothing to count)
    """
    true_positives = n_detections = n_activates = 0
    for fired, ends in zip(detections, segment_ends_ms, strict=True):
        times = [step * CLIP_MS / ty for step in fired]
        unmatched = list(ends)
        for time in times:
            hit = next((end for end in unmatched if end - tolerance_ms <= time <= end + 50 * CLIP_MS / ty
                        + tolerance_ms), None)
            if hit is not None:
                unmatched.remove(hit)
                true_positives += 1
        n_detections += len(times)
        n_activates += len(ends)
    precision = true_positives / n_detections if n_detections else 1.0
    recall = true_positives / n_activates if n_activates else 1.0
    return precision, recall


def plot_example(x, y=None, probabilities=None, *, threshold=0.5, axes=None):
    """The spectrogram ``x`` (101, 5511) above the labels ``y`` (1, Ty) and the model's ``probabilities``
    (Ty values), on a shared time axis in seconds. Returns the axes."""
    if axes is None:
        _, axes = plt.subplots(2, 1, figsize=(10, 4.5), sharex=True, gridspec_kw=dict(height_ratios=[2, 1]))
    top, bottom = axes
    top.imshow(x, origin="lower", aspect="auto", cmap="magma", extent=(0, CLIP_MS / 1000, 0, FRAME_RATE / 2000))
    top.set_ylabel("frequency (kHz)")
    top.set_title("spectrogram (energy in dB)")
    steps = None
    for values, label, style in ((y, "label y", dict(color="tab:green", lw=2)),
                                 (probabilities, "model's probability", dict(color="tab:blue", lw=1))):
        if values is not None:
            values = np.asarray(values).reshape(-1)
            steps = np.arange(values.size) * CLIP_MS / 1000 / values.size
            bottom.plot(steps, values, label=label, **style)
    if probabilities is not None:
        bottom.axhline(threshold, color="grey", ls=":", lw=1, label=f"threshold {threshold}")
    bottom.set_ylim(-0.05, 1.05)
    bottom.set_xlabel("time (s)")
    bottom.set_ylabel("output")
    if bottom.get_legend_handles_labels()[0]:
        bottom.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8)
    return axes

"""Synthesise the spoken words of Course 5 week 3's trigger-word detection, once, offline.

    python -m helpers.speech_clips.make_clips      # needs Debian's espeak-ng (apt-get install espeak-ng)

Writes ``wav/<file>.wav`` (16 kHz, mono, 16-bit, silence trimmed) and ``manifest.json``, which records
every clip's word, voice, speed, pitch, split and SHA-256, and the espeak-ng version. The clips ship
with the course: a learner's machine and CI only read them (:mod:`helpers.trigger_word`), and a test
checks that the shipped files are exactly the ones :func:`plan_clips` and the manifest describe.

Each of 20 voices (an accent and an espeak-ng voice variant) says the trigger word "activate" three
times, at different speeds and pitches, and six other words: three that sound close to it ("activity",
"motivate", …) and three that do not. The 5 voices of the held-out split use voice variants that no
training voice uses, so the detector is measured on voices it never heard.
"""
import hashlib
import io
import json
import subprocess
import wave
from pathlib import Path

import numpy as np

__all__ = ["DIRECTORY", "FRAME_RATE", "NEAR_WORDS", "OTHER_WORDS", "TRIGGER_WORD", "VOICES", "main", "plan_clips",
           "synthesize"]

DIRECTORY = Path(__file__).parent
FRAME_RATE = 16000
TRIGGER_WORD = "activate"
NEAR_WORDS = ("activity", "active", "activist", "captivate", "motivate", "cultivate", "accurate", "actor",
              "vacate", "activism")
OTHER_WORDS = ("hello", "weather", "music", "kitchen", "tomorrow", "seven", "coffee", "window", "garden",
               "alarm", "lights", "create", "dinner", "umbrella", "evening")
#: (voice, split): an espeak-ng accent joined to a voice variant; the held-out variants appear in no training voice.
VOICES = (
    *[(voice, "train") for voice in (
        "en-us+m1", "en-us+f1", "en-gb+m2", "en-gb+f2", "en-gb-scotland+m3", "en-gb-x-rp+f3", "en-029+m4",
        "en-gb-x-gbclan+f1", "en-us+m5", "en-gb+klatt", "en-gb-x-gbcwmd+m1", "en-us+f3", "en-gb-x-rp+m2",
        "en-029+f2", "en-gb-scotland+klatt2")],
    *[(voice, "held_out") for voice in ("en-us+m7", "en-gb+f4", "en-gb-scotland+f5", "en-029+m6", "en-gb-x-rp+klatt4")],
)
SEED = 21


def plan_clips():
    """Every clip to synthesise, as dicts (file, word, kind, voice, split, speed, pitch), in a fixed order."""
    rng = np.random.default_rng(SEED)
    clips = []
    for voice, split in VOICES:
        words = [(TRIGGER_WORD, "activate")] * 3
        words += [(str(word), "negative") for word in rng.choice(NEAR_WORDS, size=3, replace=False)]
        words += [(str(word), "negative") for word in rng.choice(OTHER_WORDS, size=3, replace=False)]
        for index, (word, kind) in enumerate(words):
            speed, pitch = int(rng.integers(120, 200)), int(rng.integers(20, 80))
            name = f"{voice.replace('+', '_')}_{index}_{word}.wav"
            clips.append(dict(file=name, word=word, kind=kind, voice=voice, split=split, speed=speed, pitch=pitch))
    return clips


def synthesize(word, voice, speed, pitch):
    """``word`` spoken by espeak-ng: int16 samples at 16 kHz, leading and trailing silence cut, peak at -3 dBFS."""
    from scipy.signal import resample_poly

    result = subprocess.run(["espeak-ng", "-v", voice, "-s", str(speed), "-p", str(pitch), "--stdout", word],
                            check=True, capture_output=True)
    with wave.open(io.BytesIO(result.stdout)) as file:
        rate = file.getframerate()
        samples = np.frombuffer(file.readframes(file.getnframes()), dtype=np.int16).astype(np.float64) / 32768
    samples = resample_poly(samples, FRAME_RATE, rate)
    loud = np.flatnonzero(np.abs(samples) > 0.05 * np.abs(samples).max())
    margin = FRAME_RATE // 50  # 20 ms
    samples = samples[max(loud[0] - margin, 0):loud[-1] + margin]
    samples = samples / np.abs(samples).max() * 10 ** (-3 / 20)
    return np.round(samples * 32767).astype(np.int16)


def write_wav(path, samples):
    """Write int16 ``samples`` as a 16 kHz mono WAV file."""
    with wave.open(str(path), "wb") as file:
        file.setnchannels(1)
        file.setsampwidth(2)
        file.setframerate(FRAME_RATE)
        file.writeframes(samples.tobytes())


def main():
    """Synthesise every planned clip into ``wav/``, remove stale files, write ``manifest.json``."""
    folder = DIRECTORY / "wav"
    folder.mkdir(exist_ok=True)
    clips = plan_clips()
    for clip in clips:
        path = folder / clip["file"]
        write_wav(path, synthesize(clip["word"], clip["voice"], clip["speed"], clip["pitch"]))
        clip["sha256"] = hashlib.sha256(path.read_bytes()).hexdigest()
    for path in set(folder.glob("*.wav")) - {folder / clip["file"] for clip in clips}:
        path.unlink()
    version = subprocess.run(["espeak-ng", "--version"], check=True, capture_output=True, text=True).stdout.split(":")
    manifest = {"generator": "python -m helpers.speech_clips.make_clips", "espeak_ng": version[1].split()[0],
                "frame_rate": FRAME_RATE, "clips": clips}
    (DIRECTORY / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n")
    total = sum((folder / clip["file"]).stat().st_size for clip in clips)
    print(f"{len(clips)} clips, {total / 1e6:.2f} MB in {folder}")


if __name__ == "__main__":
    main()

"""Spoken words for trigger-word detection: espeak-ng recordings made once by ``make_clips`` and shipped.

Read them with :func:`helpers.trigger_word.load_raw_audio`; ``manifest.json`` records each clip's word,
voice, speed, pitch, split and SHA-256.
"""

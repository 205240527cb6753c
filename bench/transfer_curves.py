"""Record the transfer-learning curves that the notebook *Transfer learning with MobileNetV2* shows.

    python bench/transfer_curves.py

For each number of labelled target images (eights and nines, :func:`helpers.transfer.load_target_digits`)
and each seed, trains three models with the notebook's settings and the reference solution's functions —
from scratch (:func:`helpers.transfer.build_scratch_model`, 200 steps at the base learning rate), the
frozen base (``alpaca_model``, 80 steps), and the frozen base fine-tuned (``compile_for_fine_tuning``, 80
more steps at a tenth of the rate) — and measures each on the 400 test images. Writes the mean accuracies,
the seeds and the timing to ``helpers/transfer_curves.json``. Takes about ten minutes on one core.
"""
import json
import os
import time

N_TRAIN = (10, 20, 40, 100, 200)
SEEDS = (0,)
SCRATCH_STEPS, FROZEN_STEPS, FINE_TUNE_STEPS = 200, 80, 80
BASE_LEARNING_RATE = 0.001


def _compile(model, learning_rate):
    import keras

    model.compile(optimizer=keras.optimizers.Adam(learning_rate=learning_rate),
                  loss=keras.losses.BinaryCrossentropy(from_logits=True), metrics=["accuracy"])
    return model


def main():
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    import keras
    import numpy as np

    from autograder.reference import reference_namespace
    from helpers.transfer import CURVES_FILE, IMG_SIZE, build_scratch_model, evaluate_target, load_target_digits
    from helpers.transfer import train_for_steps

    reference = reference_namespace("c4w2_transfer_learning_with_mobilenet")
    start = time.perf_counter()
    runs = {key: np.zeros((len(N_TRAIN), len(SEEDS))) for key in ("scratch", "frozen", "fine_tuned")}
    for i, n_train in enumerate(N_TRAIN):
        X_train, y_train, X_test, y_test = load_target_digits(n_train)
        for j, seed in enumerate(SEEDS):
            keras.utils.set_random_seed(seed)
            scratch = _compile(build_scratch_model(reference["data_augmenter"]()), BASE_LEARNING_RATE)
            train_for_steps(scratch, X_train, y_train, steps=SCRATCH_STEPS, random_state=seed)
            runs["scratch"][i, j] = evaluate_target(scratch, X_test, y_test)
            keras.utils.set_random_seed(seed)
            model = _compile(reference["alpaca_model"](IMG_SIZE, reference["data_augmenter"]()), BASE_LEARNING_RATE)
            train_for_steps(model, X_train, y_train, steps=FROZEN_STEPS, random_state=seed)
            runs["frozen"][i, j] = evaluate_target(model, X_test, y_test)
            reference["compile_for_fine_tuning"](model, BASE_LEARNING_RATE, fine_tune_at=120)
            train_for_steps(model, X_train, y_train, steps=FINE_TUNE_STEPS, random_state=seed + 100)
            runs["fine_tuned"][i, j] = evaluate_target(model, X_test, y_test)
            print(n_train, seed, {key: round(float(value[i, j]), 3) for key, value in runs.items()}, flush=True)
    record = {"n_train": list(N_TRAIN), **{key: [round(float(v), 4) for v in value.mean(axis=1)]
                                           for key, value in runs.items()},
              "runs": {key: value.round(4).tolist() for key, value in runs.items()},
              "seeds": list(SEEDS), "steps": {"scratch": SCRATCH_STEPS, "frozen": FROZEN_STEPS,
                                              "fine_tuned": FINE_TUNE_STEPS},
              "base_learning_rate": BASE_LEARNING_RATE, "seconds": round(time.perf_counter() - start, 1),
              "built_with": {"keras": keras.__version__}}
    CURVES_FILE.write_text(json.dumps(record, indent=2) + "\n")
    print(json.dumps({k: record[k] for k in ("n_train", "scratch", "frozen", "fine_tuned", "seconds")}))


if __name__ == "__main__":
    main()

"""Rebuild time, size and held-out figure of every shipped trained model, each retrained in a fresh process.

    python bench/trained_models.py [NAME ...]

Runs ``python -m helpers.trained_models build NAME`` for each model of the registry (or those
named), which retrains it single-threaded from its seed and rewrites its weights file and
registry entry, then prints one row per model: build time, file size, held-out figure against
its minimum, and whether the rebuilt file is byte-identical to the one shipped before (TensorFlow
is deterministic on one machine; another CPU may round differently). The goal is a build under
five minutes. Run it on an idle machine; ``git diff helpers/trained_models`` shows what changed.
"""
import subprocess
import sys

GOAL_SECONDS = 300


def main(names):
    from helpers.trained_models import read_registry

    before = read_registry()
    names = names or list(before)
    print(f"{'model':28} {'build (s)':>10} {'size (MB)':>10} {'figure':>7} {'minimum':>8}  {'same file':>9}  goal")
    failures = 0
    for name in names:
        command = [sys.executable, "-m", "helpers.trained_models", "build", name]
        run = subprocess.run(command, capture_output=True, text=True)
        if run.returncode != 0:
            failures += 1
            print(f"{name:28} failed: {run.stderr.strip().splitlines()[-1:]}")
            continue
        entry = read_registry()[name]
        same = "yes" if entry["sha256"] == before.get(name, {}).get("sha256") else "no"
        verdict = "ok" if entry["build_seconds"] < GOAL_SECONDS else "SLOW"
        failures += verdict != "ok"
        print(f"{name:28} {entry['build_seconds']:10.1f} {entry['size_bytes'] / 1e6:10.2f} {entry['figure']:7.4f} "
              f"{entry['minimum']:8.2f}  {same:>9}  {verdict}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

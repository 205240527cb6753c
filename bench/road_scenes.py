"""Speed of the road-scene generator (helpers.road_scenes), the data of Course 4 week 3.

    python bench/road_scenes.py [N]

Paints N scenes (default 2,000) at the default 96 x 128 and at 96 x 96, three times each, and prints
the best CPU time per scene (the process's CPU time, so that other work on a shared machine counts less). The goal: under 2 ms a scene on one core of an idle machine, so that a notebook
draws a thousand scenes in a couple of seconds.
"""
import sys
import time

GOAL_MS = 2.0


def main(n):
    from helpers.road_scenes import make_scenes

    print(f"{'size':>10} {'scenes':>7} {'ms per scene':>13}  goal")
    for size in ((96, 128), (96, 96)):
        best = min(_timed(make_scenes, n, size) for _ in range(3))
        ms = 1000 * best / n
        print(f"{size[0]:>4} x {size[1]:<3} {n:>7} {ms:>13.2f}  {'met' if ms < GOAL_MS else 'MISSED'}")


def _timed(make_scenes, n, size):
    start = time.process_time()
    make_scenes(n, 0, size=size)
    return time.process_time() - start


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)

"""Instructor side of the course: assignment sources, release, hidden tests and grading.

Run ``python -m autograder --help`` for the commands.
"""

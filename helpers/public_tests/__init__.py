"""Public tests, one module per assignment, named by the assignment id.

Each ``<function>_test(target)`` prints one line per check and ``All tests passed.``, or
stops at the first difference with a red message naming the check, what was expected and
what came back.
"""

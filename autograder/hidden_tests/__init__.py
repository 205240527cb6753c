"""Hidden tests, one module per assignment, named by the assignment id (see autograder.hidden)."""

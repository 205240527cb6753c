"""nbgrader preprocessors of the course, one class per module."""

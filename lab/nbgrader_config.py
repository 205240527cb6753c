"""nbgrader in the course's JupyterLab: what the notebook toolbar's Validate button does.

`make setup` (lab/install.py) copies this file to the environment's etc/jupyter/, where the
Validate button's server extension looks for its configuration. Every setting is scoped to
the Validator, so `nbgrader` commands and the course's grader are unaffected.
"""
c = get_config()  # noqa: F821 (provided by traitlets when it loads this file)

# nbgrader's default checks only the grade cells, and a released notebook's grade cells hold
# no test (the hidden tests are added at grading): it would pass an empty notebook. Checking
# every cell reports each exercise whose public test raises, and any cell that fails after it.
c.Validator.validate_all = True
# Validation runs the whole notebook with its own kernel (the course kernel); a training cell
# may take longer than nbgrader's default of 30 seconds.
c.Validator.Execute.timeout = 300

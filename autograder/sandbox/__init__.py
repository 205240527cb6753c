"""Running a submission in a sandbox and bringing back plain data.

* ``process``: the bubblewrap sandbox, its limits and the pipe to it;
* ``runner``: the program inside the sandbox, and how both grading paths call a learner's function;
* ``wire``: the JSON codec for values crossing the pipe;
* ``client``: the grader's session with one submission's sandbox.
"""

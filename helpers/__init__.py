"""What the course notebooks import: data, plots, widgets and public tests.

Importing this package changes no global state (no seeds, no matplotlib style).
"""

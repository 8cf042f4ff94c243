"""The ``connecteur`` command line: ``grade``, ``rules``, ``batch`` and ``new``.

An adapter around the grading core (``checker``): it reads files, talks to people in their
locale's language and writes the trainer's workshop site. None of it ships to the browser.
"""

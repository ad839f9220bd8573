"""Wiedervorlage's functional core.

Pure domain code: extraction, date rules, reminder policy and message wording.
This package must import none of prefect, sqlmodel, sqlalchemy, apprise or fastapi
(``tests/core/test_purity.py`` enforces it). Time is always a parameter.
"""

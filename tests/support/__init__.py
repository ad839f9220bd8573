"""Test helpers shared across test folders (importable as ``tests.support``)."""

"""Registru application shell: entry point, CLI, settings, data dir, logging, workers."""
__version__ = "0.1.0"

"""The error every config reader raises, in a module of its own so that the checks config.py
runs (generation_check.py) can raise it without importing config.py back."""


class ConfigError(Exception):
    """A config file or override is wrong; the message names where and what to change."""

"""Subcommands of ``dm-policy``: one module each, with ``register(subparsers)``."""

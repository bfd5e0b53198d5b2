"""Tests of policy/middleware/: ASGI, WSGI, and the hardening regressions."""

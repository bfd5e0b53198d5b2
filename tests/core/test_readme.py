"""The README stays true: its Python examples run as written, and the tests its
Reliability section cites exist.

Every ```python block of README.md is run here (on memory://, or with the README's Redis
address replaced by a redis-server started for the test), with a small shim for the names
a snippet assumes (``deliver()``, ``graph``, ``app``...), or named as run elsewhere: a new
block fails ``test_every_python_block_of_the_readme_is_run`` until it is added here.
"""

from __future__ import annotations

import ast
import asyncio
import importlib
import re
from typing import Any

import pytest

from tests import servers
from tests.conftest import ROOT

README = ROOT / "README.md"
REDIS_ADDRESS = "redis://10.0.0.5:6379/0"


def python_blocks() -> list[tuple[int, str]]:
    """(line, code) of every ```python block of the README."""
    blocks, current, start = [], None, 0
    for number, line in enumerate(README.read_text(encoding="utf-8").splitlines(), 1):
        if current is None and line.strip() == "```python":
            current, start = [], number + 1
        elif current is not None and line.strip() == "```":
            blocks.append((start, "\n".join(current) + "\n"))
            current = None
        elif current is not None:
            current.append(line)
    return blocks


def _block(marker: str) -> tuple[int, str]:
    found = [(line, code) for line, code in python_blocks() if marker in code]
    assert len(found) == 1, f"one README python block must contain {marker!r}"
    return found[0]


def _run(marker: str, namespace: dict[str, Any], replace: dict[str, str] | None = None) -> None:
    """Run the block as written (top-level ``await`` allowed, as in an async REPL)."""
    line, code = _block(marker)
    for old, new in (replace or {}).items():
        assert old in code
        code = code.replace(old, new)
    compiled = compile("\n" * (line - 1) + code, str(README), "exec",
                       flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
    result = eval(compiled, namespace)
    if asyncio.iscoroutine(result):
        asyncio.run(result)


# marker (a line of the block) -> the test that runs it
RUN_BY = {
    "from policy import Engine, MemoryGraph, SendRequest, InviteRequest":
        "test_using_it_from_python_runs_as_written",
    'storage="redis+cluster://10.0.0.5:7000,10.0.0.6:7000"':
        "test_the_storage_examples_run_as_written",
    'key_secret=secrets_store["dm-policy-key"]': "test_the_key_secret_example_runs_as_written",
    "# app.py (FastAPI)": "tests/middleware/test_hardening.py::"
                          "test_readme_fastapi_example_delivers_only_what_the_policy_checked",
    "# app.py (Flask)": "tests/middleware/test_hardening.py::"
                        "test_readme_flask_example_delivers_only_what_the_policy_checked",
    "def group_message(req: HttpRequest) -> Message:": "test_the_routes_example_runs_as_written",
    "observer = PrometheusObserver(registry)": "test_the_metrics_example_runs_as_written",
    "# gunicorn.conf.py": "test_the_gunicorn_example_runs_as_written",
}


def test_every_python_block_of_the_readme_is_run() -> None:
    blocks = python_blocks()
    assert len(blocks) >= 8
    for line, code in blocks:
        runners = [m for m in RUN_BY if m in code]
        assert len(runners) == 1, f"README.md:{line}: a python block no test runs: {code[:80]!r}"


def test_using_it_from_python_runs_as_written(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # the example reads rules/default.toml from the repository's root
    delivered: list[bool] = []
    namespace: dict[str, Any] = {"deliver": lambda: delivered.append(True)}
    _run("from policy import Engine, MemoryGraph, SendRequest, InviteRequest", namespace)
    assert delivered == [True], "alice may write to bob, who follows her: deliver() was not called"
    assert namespace["decision"].allowed  # the acheck through some-app-id
    assert namespace["engine"].rules.version


def test_the_storage_examples_run_as_written(request: pytest.FixtureRequest,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """The Redis address becomes a started redis-server's; the cluster engine is only built
    (connections are opened lazily, as the README says)."""
    from policy import MemoryGraph, SendRequest

    server = servers.session_redis(request.config)
    monkeypatch.chdir(ROOT)
    namespace: dict[str, Any] = {"graph": MemoryGraph()}
    exec("from policy import Engine", namespace)
    _, code = _block('storage="redis+cluster://10.0.0.5:7000,10.0.0.6:7000"')
    first = code.split("\nengine = ", 1)[0].replace(REDIS_ADDRESS, server.url)
    exec(compile(first, str(README), "exec"), namespace)
    redis_engine = namespace["engine"]
    assert redis_engine.storage.kind == "redis"
    decision = redis_engine.check(SendRequest("alice", ("bob",), "hi"))
    assert decision.degraded is None  # answered by the started server
    redis_engine.close()
    _run("redis+cluster://10.0.0.5:7000", namespace, {REDIS_ADDRESS: server.url})  # all of it
    assert namespace["engine"].on_error == "fail_closed"
    namespace["engine"].close()


def test_the_key_secret_example_runs_as_written(request: pytest.FixtureRequest,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from policy import SendRequest

    server = servers.session_redis(request.config)
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("DM_POLICY_KEY_SECRET", raising=False)  # the argument alone
    namespace: dict[str, Any] = {"secrets_store": {"dm-policy-key": "x" * 32}}
    exec("from policy import Engine", namespace)
    _run('key_secret=secrets_store["dm-policy-key"]', namespace, {REDIS_ADDRESS: server.url})
    engine = namespace["engine"]
    assert engine.check(SendRequest("alice", ("bob",), "hi")).degraded is None
    engine.close()


def test_the_routes_example_runs_as_written(monkeypatch: pytest.MonkeyPatch) -> None:
    from policy import Engine
    from policy.middleware.asgi import PolicyMiddleware

    monkeypatch.chdir(ROOT)

    async def app(scope: Any, receive: Any, send: Any) -> None:  # the host's ASGI app
        raise AssertionError("not called")

    namespace = {"app": app, "engine": Engine.from_file("rules/default.toml"),
                 "PolicyMiddleware": PolicyMiddleware,
                 "conversations": {"c1": ("alice", "bob")}}
    _run("def group_message(req: HttpRequest) -> Message:", namespace)
    assert callable(namespace["group_message"])


def test_the_metrics_example_runs_as_written(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("prometheus_client")
    from policy import Engine, MemoryGraph

    monkeypatch.chdir(ROOT)
    mounted: dict[str, Any] = {}

    class App:  # the host's ASGI app (Starlette, FastAPI): only its mount is used
        def mount(self, path: str, what: Any) -> None:
            mounted[path] = what

    namespace = {"Engine": Engine, "graph": MemoryGraph(), "app": App()}
    _run("observer = PrometheusObserver(registry)", namespace)
    assert callable(mounted["/metrics"])


def test_the_gunicorn_example_runs_as_written() -> None:
    pytest.importorskip("prometheus_client")
    namespace: dict[str, Any] = {}
    _run("# gunicorn.conf.py", namespace)
    assert callable(namespace["child_exit"])


# -- the Reliability section cites tests that exist -------------------------------------


def reliability_references() -> list[tuple[str, str]]:
    """(file, test) for every ``tests/...py::test_name`` of the Reliability section; a
    bare ``::test_name`` is in the file named last."""
    text = README.read_text(encoding="utf-8")
    section = text.split("\n## Reliability\n", 1)[1].split("\n## ", 1)[0]
    found, current = [], None
    for path, name in re.findall(r"`(tests/[\w/]+\.py)?::(\w+)`", section):
        current = path or current
        assert current is not None, f"::{name} names no file before it"
        found.append((current, name))
    return found


def test_the_reliability_section_cites_tests_that_exist() -> None:
    references = reliability_references()
    assert len(references) >= 25
    missing = []
    for path, name in references:
        assert (ROOT / path).is_file(), f"README cites {path}, which does not exist"
        module = importlib.import_module(path.removesuffix(".py").replace("/", "."))
        if not callable(getattr(module, name, None)):
            missing.append(f"{path}::{name}")
    assert not missing, f"the README's Reliability section cites missing tests: {missing}"


def test_the_reliability_section_cites_the_property_test() -> None:
    assert ("tests/storage/test_interleavings.py",
            "test_interleavings_hold_the_quota_on_redis_through_restarts") in \
        reliability_references()

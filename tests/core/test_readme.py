"""The README and docs/*.md stay true: their examples run as written, their links resolve,
and the tests docs/reliability.md cites exist.

Every ```python block of README.md and docs/*.md is run here as written, each in a fresh
namespace from an empty temporary directory (so the packaged rules are what it reads),
except the few listed in ``RUN_BY``, which need a server or names of the host's and are
run by the named test (the README's Redis address replaced by a redis-server started for
the test). Every ``$ dm-policy ...`` line of a ```console block runs too (memory://, in a
temporary directory, with the code of this tree; exit status 0 unless the line ends with
``# exit N``). A new docs/<topic>.md is picked up
without a change here.
"""

from __future__ import annotations

import ast
import asyncio
import contextlib
import importlib
import io
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests import docs, servers
from tests.conftest import ROOT

REDIS_ADDRESS = "redis://10.0.0.5:6379/0"

# marker (a line of the block) -> the test that runs it (it needs more than it says)
RUN_BY = {
    'storage="redis+cluster://10.0.0.5:7000,10.0.0.6:7000"':
        "test_the_storage_examples_run_as_written",
    'key_secret=secrets_store["dm-policy-key"]': "test_the_key_secret_example_runs_as_written",
    "def group_message(req: HttpRequest) -> Message:": "test_the_routes_example_runs_as_written",
}


def _run_block(block: docs.Block, namespace: dict[str, Any],
               replace: dict[str, str] | None = None) -> None:
    """Run the block as written (a top-level ``await`` allowed, as in an async REPL)."""
    code = block.code
    for old, new in (replace or {}).items():
        assert old in code, f"{block.where}: {old!r} is no longer in the example"
        code = code.replace(old, new)
    compiled = compile("\n" * (block.line - 1) + code, str(block.path), "exec",
                       flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
    result = eval(compiled, namespace)
    if asyncio.iscoroutine(result):
        asyncio.run(result)


def _standalone_blocks() -> list[docs.Block]:
    return [b for b in docs.blocks("python") if not any(m in b.code for m in RUN_BY)]


def test_every_run_by_marker_names_one_block() -> None:
    for marker in RUN_BY:
        docs.python_block(marker)  # exactly one
    assert len(docs.blocks("python")) >= 8


@pytest.mark.parametrize("block", _standalone_blocks(), ids=lambda b: b.where)
def test_every_python_block_runs_as_written(block: docs.Block, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # outside the repository: the packaged rules
    with contextlib.redirect_stdout(io.StringIO()):
        _run_block(block, {"__name__": "docs_example"})


def test_the_readme_python_example_prints_what_its_comments_say(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (block,) = docs.blocks("python", [docs.README])
    monkeypatch.chdir(tmp_path)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        _run_block(block, {"__name__": "readme"})
    lines = out.getvalue().splitlines()
    assert lines[0] == "allow 999"
    assert lines[1].startswith("not_follower You can only send")
    assert len(block.code.strip().splitlines()) <= 12  # the API in ten lines


def test_the_python_api_example_delivers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    block = docs.python_block("def deliver(request: SendRequest) -> None:")
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, Any] = {"__name__": "docs_python"}
    with contextlib.redirect_stdout(io.StringIO()):
        _run_block(block, namespace)
    assert [r.recipients for r in namespace["delivered"]] == [("bob",)]


def test_the_storage_examples_run_as_written(request: pytest.FixtureRequest) -> None:
    """The Redis address becomes a started redis-server's; the cluster engine is only built
    (connections are opened lazily, as docs/storage.md says)."""
    from policy import SendRequest

    server = servers.session_redis(request.config)
    block = docs.python_block('storage="redis+cluster://10.0.0.5:7000,10.0.0.6:7000"')
    head, redis_line, _cluster = block.code.split("\nengine = Engine.from_file(")
    first = docs.Block(block.path, block.line, f"{head}\nengine = Engine.from_file({redis_line}")
    namespace: dict[str, Any] = {}
    _run_block(first, namespace, {REDIS_ADDRESS: server.url})
    redis_engine = namespace["engine"]
    assert redis_engine.storage.kind == "redis"
    redis_engine.graph.follow("bob", "alice")
    decision = redis_engine.check(SendRequest("alice", ("bob",), "hi"))
    assert decision.allowed and decision.degraded is None  # answered by the started server
    redis_engine.close()
    _run_block(block, namespace, {REDIS_ADDRESS: server.url})  # all of it
    assert namespace["engine"].on_error == "fail_closed"
    assert namespace["engine"].graph is namespace["graph"]
    namespace["engine"].close()


def test_the_key_secret_example_runs_as_written(request: pytest.FixtureRequest,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from policy import SendRequest

    server = servers.session_redis(request.config)
    monkeypatch.delenv("DM_POLICY_KEY_SECRET", raising=False)  # the argument alone
    namespace: dict[str, Any] = {}
    _run_block(docs.python_block('key_secret=secrets_store["dm-policy-key"]'), namespace,
               {REDIS_ADDRESS: server.url})
    engine = namespace["engine"]
    assert engine.check(SendRequest("alice", ("bob",), "hi")).degraded is None
    engine.close()


def test_the_routes_example_runs_as_written(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from policy import Engine, MemoryGraph
    from policy.middleware.asgi import PolicyMiddleware

    monkeypatch.chdir(tmp_path)

    async def app(scope: Any, receive: Any, send: Any) -> None:  # the host's ASGI app
        raise AssertionError("not called")

    namespace = {"app": app, "engine": Engine.from_file("default", graph=MemoryGraph()),
                 "PolicyMiddleware": PolicyMiddleware,
                 "conversations": {"c1": ("alice", "bob")}}
    _run_block(docs.python_block("def group_message(req: HttpRequest) -> Message:"), namespace)
    assert callable(namespace["group_message"])


def test_the_fastapi_example_delivers_a_form_body(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """The form body the policy allowed and counted is delivered (not a 500)."""
    pytest.importorskip("fastapi", reason="the FastAPI example needs fastapi")
    import httpx

    monkeypatch.chdir(tmp_path)
    namespace: dict[str, Any] = {"__name__": "docs_fastapi"}
    _run_block(docs.python_block("# app.py (FastAPI)"), namespace)

    async def post() -> httpx.Response:
        transport = httpx.ASGITransport(app=namespace["app"])
        async with httpx.AsyncClient(transport=transport, base_url="http://example") as client:
            return await client.post("/1.1/direct_messages/new.json",
                                     headers={"authorization": "Bearer alice-token"},
                                     data={"screen_name": "bob", "text": "Lunch?"})

    response = asyncio.run(post())
    assert response.status_code == 200, response.text
    assert response.json() == {"sender": "alice", "recipients": ["bob"], "text": "Lunch?"}


# -- the console blocks' dm-policy commands ------------------------------------------------

# Commands a test cannot run as written: a server that runs until stopped, another
# storage than memory://, data from outside the repository; and synopses, not commands
# ("[--rule R]", "--storage ...").
NOT_RUN = ("dm-policy demo", "redis://", "redis+cluster://", "--corpus", "dm-policy quality",
           "...", " [")


def console_commands() -> list[tuple[Path, list[tuple[int, str]]]]:
    """Per file, the ``$ dm-policy ...`` lines of its ```console blocks that can run here
    (``NOT_RUN``), in order."""
    out = []
    for path in docs.doc_files():
        commands = []
        for block in docs.blocks("console", [path]):
            for offset, line in enumerate(block.code.splitlines()):
                if line.startswith("$ dm-policy") and not any(w in line for w in NOT_RUN):
                    commands.append((block.line + offset, line[2:]))
        if commands:
            out.append((path, commands))
    return out


def test_the_readme_and_the_cli_page_have_console_commands_that_run() -> None:
    files = {path.name for path, _ in console_commands()}
    assert {"README.md", "cli.md", "backtests.md", "metrics.md"} <= files


@pytest.mark.parametrize("path, commands", console_commands(),
                         ids=lambda v: v.name if isinstance(v, Path) else "")
def test_the_console_commands_run_as_written(path: Path, commands: list[tuple[int, str]],
                                             tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items()
           if k not in ("PROMETHEUS_MULTIPROC_DIR", "prometheus_multiproc_dir")}
    env["PYTHONPATH"] = str(ROOT)
    for line, command in commands:
        expected = re.search(r"#\s*exit (\d+)", command)  # "# exit 1: refused", as documented
        argv = shlex.split(command, comments=True)[1:]
        if argv[:1] == ["serve-metrics"] and "--duration" not in argv:
            argv += ["--duration", "1", "--port", "0"]  # bounded: it serves until stopped
        done = subprocess.run([sys.executable, "-m", "policy", *argv], cwd=tmp_path, env=env,
                              capture_output=True, text=True, timeout=240, check=False)
        where = (f"{path.relative_to(ROOT)}:{line}: {command} (a command that cannot run as "
                 f"written in an empty directory on memory:// belongs in a ```sh block; one "
                 f"meant to fail ends with '# exit N')")
        assert "Traceback" not in done.stderr, f"{where}\n{done.stderr[-2000:]}"
        status = int(expected.group(1)) if expected else 0
        assert done.returncode == status, f"{where}: exit {done.returncode}\n{done.stderr[-2000:]}"


# -- links and the map -------------------------------------------------------------------


def test_every_link_of_the_documentation_resolves() -> None:
    for path in [*docs.doc_files(), ROOT / "CHANGELOG.md"]:
        text = path.read_text(encoding="utf-8")
        for target in re.findall(r"\]\(([^)\s]+)\)", text):
            if re.match(r"[a-z]+://|mailto:|#", target):
                continue
            resolved = (path.parent / target.split("#")[0]).resolve()
            assert resolved.exists(), f"{path.relative_to(ROOT)} links to {target}: no such file"


def test_the_readme_is_a_front_door_with_a_map_of_docs() -> None:
    readme = docs.README.read_text(encoding="utf-8")
    assert len(readme.splitlines()) <= 200
    for page in sorted(docs.DOCS.glob("*.md")):
        assert f"](docs/{page.name})" in readme, f"the README's map does not list docs/{page.name}"
    for needed in ("pip install -e . && dm-policy tour",
                   "pip install -e '.[dev]' && python -m pytest -q"):
        assert needed in readme  # the two commands (.ci/run runs the second)
    assert "python -m pytest -q" in (ROOT / ".ci" / "run").read_text()


# -- docs/reliability.md cites tests that exist ------------------------------------------------


def reliability_references() -> list[tuple[str, str]]:
    """(file, test) for every ``tests/...py::test_name`` of docs/reliability.md; a bare
    ``::test_name`` is in the file named last."""
    text = (docs.DOCS / "reliability.md").read_text(encoding="utf-8")
    found, current = [], None
    for path, name in re.findall(r"`(tests/[\w/]+\.py)?::(\w+)`", text):
        current = path or current
        assert current is not None, f"::{name} names no file before it"
        found.append((current, name))
    return found


def test_the_reliability_section_cites_tests_that_exist() -> None:
    references = reliability_references()
    assert len(references) >= 25
    missing = []
    for path, name in references:
        assert (ROOT / path).is_file(), f"docs/reliability.md cites {path}, which does not exist"
        module = importlib.import_module(path.removesuffix(".py").replace("/", "."))
        if not callable(getattr(module, name, None)):
            missing.append(f"{path}::{name}")
    assert not missing, f"docs/reliability.md cites missing tests: {missing}"


def test_the_reliability_section_cites_the_property_test() -> None:
    assert ("tests/storage/test_interleavings.py",
            "test_interleavings_hold_the_quota_on_redis_through_restarts") in \
        reliability_references()

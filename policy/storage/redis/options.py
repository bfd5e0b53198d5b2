"""The Redis storage's options: parsed from the URI's query and keyword arguments.

Options, in the URI query or as keyword arguments (keyword arguments win)::

    redis://[user:password@]host:port/db?socket_timeout=0.5&max_connections=32
    rediss://host:port/0?ssl_ca_certs=/path/ca.pem
    unix:///run/redis.sock?db=0
    redis+cluster://host:7000,host:7001?socket_timeout=0.5

``socket_timeout`` (seconds to wait for an answer, 0.5), ``socket_connect_timeout``
(0.5), ``max_connections`` (pool size per process and node, 32), ``pool_timeout``
(seconds to wait for a free pooled connection, the socket timeout by default),
``retries`` (immediate retries after a broken connection, 1; never after a
timeout, which may have run the script), ``health_check_interval`` (0),
``key_prefix`` ("dmp"), ``client_name``, ``state_cache`` (senders whose state this
process keeps a copy of, so that their next decision costs Redis a few writes instead
of the Lua transition: 2048; 0 turns it off; ``statecache.py``), ``state_cache_age``
(seconds a copy is used at most, 60), and redis-py's ``ssl_*`` settings.
An unknown option or a bad value is a ``ValueError`` naming it.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit, urlunsplit


def _bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("0", "false", "no", "off"):
        return False
    raise ValueError(f"expected true or false, got {value!r}")


# Our options: name -> (parser, default). Everything else in a URI goes to redis-py.
_OPTIONS: dict[str, tuple[Any, Any]] = {
    "socket_timeout": (float, 0.5),
    "socket_connect_timeout": (float, 0.5),
    "max_connections": (int, 32),
    "pool_timeout": (float, None),
    "retries": (int, 1),
    "health_check_interval": (float, 0.0),
    "key_prefix": (str, "dmp"),
    "client_name": (str, None),
    "state_cache": (int, 2048),
    "state_cache_age": (float, 60.0),
}
_PASSED_TO_REDIS = {
    "db": int,
    "ssl_cert_reqs": str,
    "ssl_ca_certs": str,
    "ssl_certfile": str,
    "ssl_keyfile": str,
    "ssl_check_hostname": _bool,
    "username": str,
    "password": str,
}


def _with_defaults(options: dict[str, Any] | None) -> dict[str, Any]:
    """``options`` completed with the defaults (``pool_timeout``: the socket timeout)."""
    opts = dict(options or {})
    for name, (_, default) in _OPTIONS.items():
        opts.setdefault(name, default)
    if opts["pool_timeout"] is None:
        opts["pool_timeout"] = opts["socket_timeout"]
    return opts


def _parse_options(uri: str, given: dict[str, Any]) -> tuple[str, dict[str, Any], dict[str, Any]]:
    """Split ``uri`` into (URI without our options, our options, options for redis-py)."""
    parts = urlsplit(uri)
    ours: dict[str, Any] = {}
    passed: dict[str, Any] = {}
    raw = dict(parse_qsl(parts.query, keep_blank_values=True))
    for source in (raw, given):  # keyword arguments win over the URI
        for name, value in source.items():
            if name in _OPTIONS:
                parser = _OPTIONS[name][0]
                try:
                    ours[name] = value if value is None else parser(value)
                except (TypeError, ValueError):
                    raise ValueError(f"storage option {name}: invalid value {value!r}") from None
            elif name in _PASSED_TO_REDIS:
                try:
                    passed[name] = _PASSED_TO_REDIS[name](value)
                except (TypeError, ValueError):
                    raise ValueError(f"storage option {name}: invalid value {value!r}") from None
            else:
                known = ", ".join(sorted([*_OPTIONS, *_PASSED_TO_REDIS]))
                raise ValueError(f"unknown storage option {name!r} (known: {known})")
    ours = _with_defaults(ours)
    for name in ("socket_timeout", "socket_connect_timeout", "pool_timeout"):
        if not ours[name] > 0:
            raise ValueError(f"storage option {name} must be a positive number of seconds")
    if ours["max_connections"] < 1:
        raise ValueError("storage option max_connections must be at least 1")
    if ours["retries"] < 0:
        raise ValueError("storage option retries must be 0 or more")
    if ours["state_cache"] < 0:
        raise ValueError("storage option state_cache must be 0 (off) or more senders")
    if not 0 < ours["state_cache_age"] <= 3600:
        raise ValueError("storage option state_cache_age must be within 0 to 3600 seconds")
    bare = urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))
    return bare, ours, passed


def _cluster_nodes(uri: str) -> list[tuple[str, int]]:
    """The ``host:port`` nodes of a ``redis+cluster://`` URI."""
    hosts = urlsplit(uri).netloc.rsplit("@", 1)[-1]  # never the password, in errors too
    nodes: list[tuple[str, int]] = []
    for item in hosts.split(","):
        host, _, port = item.rpartition(":")
        if not host:
            host, port = item, "6379"
        try:
            nodes.append((host.strip("[]"), int(port)))
        except ValueError:
            raise ValueError(f"bad cluster node {item!r}: expected host:port") from None
    if not nodes or not all(h for h, _ in nodes):
        raise ValueError(f"no cluster node in {_redacted(uri)!r}")
    return nodes


def _cluster_credentials(uri: str) -> dict[str, Any]:
    """The user, password and TLS of a ``redis+cluster://`` URI, as redis-py options."""
    parts = urlsplit(uri)
    out: dict[str, Any] = {}
    if "@" in parts.netloc:
        userinfo = parts.netloc.rsplit("@", 1)[0]
        user, _, password = userinfo.partition(":")
        if user:
            out["username"] = unquote(user)
        if password:
            out["password"] = unquote(password)
    if parts.scheme.startswith("rediss"):
        out["ssl"] = True
    return out


def _redacted(uri: str) -> str:
    """The URI without its user and password."""
    parts = urlsplit(uri)
    return urlunsplit((parts.scheme, parts.netloc.rsplit("@", 1)[-1], parts.path, "", ""))

"""Making redis-py clients (sync and asyncio, one server or a cluster) from the driver's
options: bounded timeouts, a bounded pool, retries only after a broken connection
(never after a timeout, which may already have run the script)."""

from __future__ import annotations

from typing import Any

import redis
import redis.asyncio
import redis.asyncio.cluster
import redis.asyncio.retry
import redis.cluster
from redis.backoff import NoBackoff
from redis.retry import Retry

from policy.storage.redis.options import _cluster_credentials


class _Cluster(redis.cluster.RedisCluster):
    """redis-py's cluster client, routing FCALL by its keys as it routes EVALSHA (the
    same shape: name, numkeys, keys): without this it asks a node (COMMAND GETKEYS),
    a second round trip per decision."""

    def determine_slot(self, *args: Any) -> Any:
        if str(args[0]).upper() == "FCALL":
            return super().determine_slot("EVALSHA", *args[1:])
        return super().determine_slot(*args)


class _ACluster(redis.asyncio.cluster.RedisCluster):
    """The asyncio twin of ``_Cluster``."""

    async def _determine_slot(self, command: str, *args: Any) -> int:
        if command.upper() == "FCALL":
            return await super()._determine_slot("EVALSHA", *args)
        return await super()._determine_slot(command, *args)


def _common(opts: dict[str, Any], redis_opts: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "socket_timeout": opts["socket_timeout"],
        "socket_connect_timeout": opts["socket_connect_timeout"],
        "health_check_interval": opts["health_check_interval"],
    }
    if opts["client_name"]:
        out["client_name"] = opts["client_name"]
    out.update(redis_opts)
    return out


def new_client(uri: str, nodes: list[tuple[str, int]] | None, opts: dict[str, Any],
               redis_opts: dict[str, Any]) -> Any:
    """A sync client: a cluster client when ``nodes`` is given, else one server's."""
    common = _common(opts, redis_opts)
    if nodes is not None:
        # Cluster-level retries follow slot moves and failovers; bounded like the rest.
        return _Cluster(
            startup_nodes=[redis.cluster.ClusterNode(h, p) for h, p in nodes],
            retry=Retry(NoBackoff(), opts["retries"]),
            max_connections=opts["max_connections"],
            **_cluster_credentials(uri),
            **common,
        )
    pool = redis.BlockingConnectionPool.from_url(
        uri,
        max_connections=opts["max_connections"],
        timeout=opts["pool_timeout"],
        retry=Retry(NoBackoff(), opts["retries"], supported_errors=(redis.ConnectionError,)),
        **common,
    )
    return redis.Redis(connection_pool=pool)


def new_aclient(uri: str, nodes: list[tuple[str, int]] | None, opts: dict[str, Any],
                redis_opts: dict[str, Any]) -> Any:
    """The asyncio twin of ``new_client`` (one per event loop: connections belong to it)."""
    common = _common(opts, redis_opts)
    if nodes is not None:
        return _ACluster(
            startup_nodes=[redis.asyncio.cluster.ClusterNode(h, p) for h, p in nodes],
            retry=redis.asyncio.retry.Retry(NoBackoff(), opts["retries"]),
            max_connections=opts["max_connections"],
            **_cluster_credentials(uri),
            **common,
        )
    pool = redis.asyncio.BlockingConnectionPool.from_url(
        uri,
        max_connections=opts["max_connections"],
        timeout=opts["pool_timeout"],
        retry=redis.asyncio.retry.Retry(NoBackoff(), opts["retries"],
                                        supported_errors=(redis.ConnectionError,)),
        **common,
    )
    return redis.asyncio.Redis(connection_pool=pool)

"""The times in the :x records (strangers, contacts, reports): transition.lua's
``time_field`` and ``read_time`` against their Python twins (policy/checks/base.py), byte
for byte and back exactly, on fakeredis's Lua and on a real redis-server's."""
from __future__ import annotations

import math
import random
import struct
from pathlib import Path

import pytest

from policy.checks.base import TIME_WIDTH, read_time, time_field
from tests import servers

T0 = 1_800_000_000.0

TRANSITION = Path(__file__).resolve().parents[2] / "policy" / "storage" / "redis" / "transition.lua"


def _lua_helpers() -> str:
    """The two helpers as transition.lua has them, with what they use."""
    text = TRANSITION.read_text()
    start = text.index("local TIME_WIDTH")
    end = text.index("-- The sender's slices hash")
    return ("local byte = string.byte\n"
            "local function f2s(x) return string.format('%.17g', x) end\n" + text[start:end])


SCRIPT = _lua_helpers() + """
local out = {}
for i, x in ipairs(ARGV) do
  local field = time_field(tonumber(x))
  out[#out + 1] = field
  out[#out + 1] = f2s(read_time('xx' .. field, 3))
end
return out
"""


def _times() -> list[float]:
    rng = random.Random(7)
    out = [1e9, 1e11, 1_800_000_000.0, 1_800_085_903.1996207, 2.0 ** 31, 2.0 ** 31 - 2 ** -22,
           math.nextafter(2.0 ** 32, 0.0), 2.0 ** 33, 1.0,
           # not the engine's clock, but the transition's tests: zero, tiny and negative
           0.0, 1.5e-7, -3.0000000000000004e-5, 1 / 3, -T0, 2.2250738585072014e-308, 1e300]
    for _ in range(400):
        t = rng.uniform(1e9, 1e11)
        if rng.random() < 0.3:
            t = round(t, rng.choice((0, 1, 3, 6)))
        out.append(t)
    # every exponent the fraction's top nibble spans, and values whose low bytes are 0 or 255
    out += [struct.unpack(">d", bytes([0x41, hi]) + bytes([lo] * 6))[0]
            for hi in range(0xC0, 0x100, 5) for lo in (0, 255, 59)]
    return out


@pytest.fixture(params=["fakeredis", "redis"])
def client(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    if request.param == "fakeredis":
        fakeredis = pytest.importorskip("fakeredis")
        yield fakeredis.FakeRedis()
    else:
        import redis

        server = servers.session_redis(request.config)
        made = redis.Redis.from_url(server.url, socket_timeout=5)
        yield made
        made.close()


def test_lua_writes_and_reads_times_as_python_does(client) -> None:  # type: ignore[no-untyped-def]
    times = _times()
    got = client.eval(SCRIPT, 0, *(repr(t) for t in times))
    assert len(got) == 2 * len(times)
    for i, t in enumerate(times):
        field, back = got[2 * i], got[2 * i + 1]
        assert len(field) == TIME_WIDTH
        assert field == time_field(t), (t, field.hex(), time_field(t).hex())
        assert float(back) == t  # exact: '%.17g' round-trips a double
        assert read_time(b"xx" + field, 2) == t


def test_out_of_range_times_are_refused_both_sides(client) -> None:  # type: ignore[no-untyped-def]
    for bad in (5e-324, -1e-310):  # subnormal
        with pytest.raises(ValueError):
            time_field(bad)
        with pytest.raises(Exception, match="a time out of range"):
            client.eval(SCRIPT, 0, repr(bad))
    for bad in (math.inf, -math.inf, math.nan):
        with pytest.raises(ValueError):
            time_field(bad)
        with pytest.raises(Exception, match="a time out of range"):
            client.eval(SCRIPT, 0, repr(bad))  # 'inf', 'nan': tonumber reads them (strtod)


def test_a_time_field_cut_short_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="cut short"):
        read_time(time_field(T0)[:5], 0)

"""redis://, rediss://, unix:// and redis+cluster://: the shared storage.

``driver.py`` the driver (clients, running scripts, the Storage protocol),
``options.py`` the URI and its options, ``script.py`` the Lua (the transition script
assembled per rule set from ``transition.lua`` and the kinds' sections, the admin
scripts), ``keys.py`` the key layout.
"""

from __future__ import annotations

from policy.storage.redis.driver import RedisStorage

__all__ = ["RedisStorage"]

"""Third-party apps: a revoked app may not send for that user; a message to oneself
is the sign of a compromised app.

Blocking is per (user, app): the victim keeps sending from first-party
clients. A self-message revokes the sending app for that user (if
``revoke_on_self_message``) and is counted per app, so that an app abused
across many users stands out (``Engine.app_report``).
"""

from __future__ import annotations

from dataclasses import dataclass

from policy.checks.params import ParamReader

KIND = "apps"
STATEFUL = True


@dataclass(frozen=True, slots=True)
class Params:
    revoke_on_self_message: bool
    revocation_ttl: float
    signal_window: float
    flag_after_users: int


def parse(reader: ParamReader) -> Params:
    return Params(
        revoke_on_self_message=reader.boolean("revoke_on_self_message", True),
        revocation_ttl=reader.duration("revocation_ttl", "90d"),
        signal_window=reader.duration("signal_window", "1d"),
        flag_after_users=reader.integer("flag_after_users", 5, minimum=1),
    )


MESSAGES = {
    "app_revoked": (
        "This application's access to your Direct Messages has been revoked. "
        "You can still send from Twitter's own apps."
    ),
    "self_message": (
        "Messages to yourself are refused: they are usually sent by a compromised "
        "third-party app. Revoke access for any app you don't recognise."
    ),
}

"""Every way-back spelling the round-32 generators write, and which the contact reader misses.

    python -m tests.redteam32.probe

The only place round 32 calls policy.ways_back.read_contacts: the simulators never do.
"""
from __future__ import annotations

import random

from policy.ways_back import read_contacts

from . import gen as g

PITCH = {"phone": "Sam, your £500 payout is still pending, ring {w} before 8pm",
         "link": "Sam, your parcel fee is unpaid, sort it at {w} today",
         "handle": "hey Sam, i'm barely on here, msg me on {w} x",
         "email": "Sam, your refund is approved, send your details to {w}",
         "keyword": "Sam, you were picked for the iPhone 16 draw, {w} before midnight"}


def sample_contacts():
    """One or two contacts a kind, as the generators make them (a short link and a site; two mail hosts; two keywords)."""
    rng = random.Random(32)
    out = {}
    for kind in g.STYLES:
        c = g.make_contact(rng, kind)
        while kind == "link" and not c["path"]:
            c = g.make_contact(rng, kind)
        out[kind] = [c]
    out["link"].append({"kind": "link", "host": "glowvault.shop", "path": "", "name": "glowvault"})
    out["email"].append({"kind": "email", "user": "glow_desk", "dom": "yahoo.co.uk"})
    out["keyword"].append({"kind": "keyword", "word": "WIN", "short": "80086"})
    return out


def main():
    contacts, rng = sample_contacts(), random.Random(7)
    rows = []
    for family, kind, style, trick in g.all_spellings():
        for c in (contacts[kind] if family == "plain" else contacts[kind][:1]):
            w = g.render(c, style, trick, rng)
            text = PITCH[kind].format(w=w)
            flagged, keys = read_contacts(text)
            if (style, w) not in {(r[2], r[3]) for r in rows}:
                rows.append((family, kind, style + ("+" + trick if trick else ""), w, flagged, keys))
    def status(r):
        return "UNREAD" if not r[4] and not r[5] else "flag only" if not r[5] else "read"
    for r in rows:
        print(f"  {status(r):9} {r[0]:8} {r[1]:8} {r[2]:24} {r[3]!r}")
    unread = [r for r in rows if status(r) == "UNREAD"]
    n_read = sum(status(r) == "read" for r in rows)
    n_flag = sum(status(r) == "flag only" for r in rows)
    print(f"\n{len(rows)} spellings ({len(g.all_spellings())} way-back styles): {n_read} read, "
          f"{n_flag} flagged without a contact key, {len(unread)} unread:")
    for r in unread:
        print(f"  {r[1]:8} {r[2]:24} {r[3]!r}")


if __name__ == "__main__":
    main()

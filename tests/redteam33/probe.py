"""Round 33 probe: which ways back the public reader returns nothing for.

python -m tests.redteam33.probe
"""

from __future__ import annotations

import random

from policy.ways_back import read_contacts

from . import gen

PITCHES = ("Hey {name}, your bonus is waiting, find me here: {way}",
           "{name} the task group is open, {way}",
           "so bored tonight 😘 {way}")


def main() -> None:
    names = ("Ana", "Leo", "Priya")
    base_unread = [p for p in PITCHES if read_contacts(p.format(name="Ana", way=""))[0]]
    print(f"pitches read on their own (should be none): {base_unread or 'none'}\n")
    print(f"{len(gen.STYLES)} way-back spellings (3 renderings each: identity, spaces, "
          f"invisible characters vary); '-' marks one read as nothing:")
    unread: list[tuple[str, str]] = []
    for n, style in enumerate(gen.STYLES):
        first = ""
        miss = ""
        for k in range(3):
            rng = random.Random(f"{n}/{k}")
            way = gen.render(style, gen.identity(rng), rng)
            text = PITCHES[k].format(name=names[k], way=way)
            first = first or way
            flag, keys = read_contacts(text)
            if not flag and not keys and not miss:
                miss = text
        print(f"  {'-' if miss else '+'} {style.key:<34} {first!r}")
        if miss:
            unread.append((style.key, miss))
    print(f"\nread as nothing: {len(unread)} of {len(gen.STYLES)}")
    for key, text in unread:
        print(f"  {key:<34} {text!r}")
    read = [(s, read_contacts(s)) for s in gen.FRIEND_LINKS]
    hits = [(s, keys) for s, (flag, keys) in read if flag or keys]
    print(f"\ninnocent sentences shared between friends: {len(gen.FRIEND_LINKS)}, "
          f"read: {len(hits)}")
    for s, keys in hits:
        print(f"  {s!r} -> {', '.join(keys) or 'flag'}")


if __name__ == "__main__":
    main()

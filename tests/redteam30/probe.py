"""Probe of ways back: each spelling, spun per copy, to 6 fresh strangers from a fresh sender."""
import collections
import random
import sys

from policy import Engine, MemoryGraph, SendRequest
from policy.clock import VirtualClock
from tests.redteam30.spin import FILLERS_POST, FILLERS_PRE, NAMES, fit
from tests.redteam30.waysback import STYLES, make_ident

# neutral carriers (no promotion words), every copy a different frame: what refuses is the way back
FRAMES = ["hi {n}, message me {W}", "{W} <- that's me, say hi {n}", "lost my old acct {n}, {W} is the new one",
          "hey {n} let's talk more there: {W}", "I'm more active on {W} tbh", "{n}! come find me {W}",
          "rather chat somewhere else, {W}", "hmu {W} whenever {n}", "{n} you seem nice. {W}", "catch me at {W} later",
          "can't talk much here, {W}", "if you're curious {n}: {W}", "ok {n} here you go {W}", "{W} ... your turn {n}",
          "honestly easier to reach me {W}", "{n} sorry for the random msg, {W}", "we should talk {W}",
          "my friend said to reach out, {W}", "{W} is where I answer fastest", "{n}, whenever you're free: {W}"]

INNOCENT = [
    "meet at gate 12 at 7:45, flight BA 287", "the bakery on 5th street is open till 9", "I'll be on the 18:10 train, carriage 4",
    "score was 3-1, what a game", "room 214, second floor, knock twice", "bring $20 for the pizza", "it's at 42 Baker Street",
    "my flat is number 7, buzz 7B", "see you at 5 by the fountain", "the wifi password is on the fridge",
    "call me when you land ok", "text me when you're home safe", "I'll send you the pics from the wedding later",
    "did you see my post about the hike?", "check the group chat, plans changed", "my mum's number changed, ask her",
    "reply when you can, no rush", "grab me a coffee? oat milk pls", "the match starts 20:00 on channel 4",
    "bus 73 then walk 5 min", "I'm on whatsapp more than here tbh", "add me on snap if you want, same name",
    "just sent you the invoice by email", "sorry, typed the wrong number earlier", "my insta is private but request and I'll accept",
    "the recipe is in my story highlights", "saw the link in your bio, love the shop", "congrats on the new job!!",
    "happy birthday!! 30 already", "order number is 4471, pick up at desk 3", "park at level -2, spot 118",
    "the code for the gate is 1984", "we're on table 12 at the back", "the lecture is in hall B, 10am",
    "tickets were 45 each, venmo me whenever", "I paid you back on paypal", "it cost 1,200 but worth it",
    "my exam is on the 14th, wish me luck", "we're driving down on the M4, 3 hours", "train delayed 25 min ugh",
    "google maps says 14 min walk", "the shop's site is down again lol", "found it on amazon for 19.99",
    "see the attached pdf, page 3", "look up that band, they're great live", "follow my brother, he just joined",
    "the dentist moved me to 3:30", "my new address is 8 Elm Road, same town", "kids' party 2-4pm saturday",
    "use my discount code at the gym if you want", "join our discord for the game tonight", "I'm on telegram now too",
    "my phone died, use this one for today", "doctor said 2 weeks rest", "can you send me the QR for the tickets?",
    "pay what you want, it's a fundraiser", "vote for us at the school fair!", "I'm selling my bike, ask if keen",
    "here's my cv, any tips?", "the game code is 7XQ-22P, join in"]


def spun_copy(rng, frame_idx, wb, name):
    t = FRAMES[frame_idx % len(FRAMES)].format(n=name, W=wb)
    if rng.random() < 0.5:
        t = rng.choice(FILLERS_PRE) + " " + t
    if rng.random() < 0.5:
        t = t + " " + rng.choice(FILLERS_POST)
    return fit(t, 140)


def probe_one(engine, graph, clock, sender, texts, followed=False):
    res = []
    for k, text in enumerate(texts):
        t = f"{sender}_t{k}"
        graph.follow(t, sender)
        if followed:
            graph.follow(sender, t)
        d = engine.check(SendRequest(sender, (t,), text))
        res.append((d.allowed, [x.rule for x in d.reasons]))
        if d.allowed:
            graph.record_message(sender, t)
        clock.advance(120)
    return res


def main(seed=1):
    rng = random.Random(seed)
    graph = MemoryGraph()
    clock = VirtualClock(1.8e9)
    engine = Engine.from_file("default", storage="memory://", graph=graph, clock=clock)
    through = collections.defaultdict(list)
    caught = collections.defaultdict(list)
    TRIALS = 3  # each spelling tried by 3 fresh senders, each with its own handle/number/domain
    for si, st in enumerate(STYLES):
        oks, firsts, rules, example = 0, [], set(), None
        for trial in range(TRIALS):
            ident = make_ident(rng)
            frames = rng.sample(range(len(FRAMES)), 6)
            texts = [spun_copy(rng, frames[k], st[2](ident, rng), rng.choice(NAMES)) for k in range(6)]
            res = probe_one(engine, graph, clock, f"p{si}_{trial}", texts)
            if all(ok for ok, _ in res):
                oks += 1
                example = example or texts[0]
            else:
                firsts.append(next(k + 1 for k, (ok, _) in enumerate(res) if not ok))
                rules |= {r for ok, rs in res if not ok for r in rs}
        if oks == TRIALS:
            through[st[0]].append((st[1], example))
        else:
            caught[st[0]].append((st[1] + (f" (through {oks}/{TRIALS})" if oks else ""), min(firsts), sorted(rules)))
    n_through = sum(len(v) for v in through.values())
    unread = [(k, n, f, r) for k, v in caught.items() for n, f, r in v if not ({"contacts", "links_to_strangers", "strangers_daily"} & set(r))]
    print(f"WAYS BACK: {len(STYLES)} spellings x 3 senders; {n_through} got through to all 6 strangers for all 3 senders\n")
    for kind in sorted(set(list(through) + list(caught))):
        print(f"[{kind}] through {len(through[kind])}/{len(through[kind]) + len(caught[kind])}")
        for name, ex in through[kind]:
            print(f"   THROUGH {name:<22} e.g. {ex!r}")
        for name, first, rules in caught[kind]:
            print(f"   caught  {name:<22} first refused at copy {first} by {rules}")
    print(f"\nNot read as a way back but caught by the copies (duplicates only): {len(unread)}")
    for k, n, f, r in unread:
        print(f"   [{k}] {n} (copy {f}, {r})")
    # innocent probe
    print(f"\nINNOCENT: {len(INNOCENT)} ordinary sentences, each to 6 strangers (greeting varied), and to 6 mutual friends")
    fp_s, fp_f = [], []
    for k, s in enumerate(INNOCENT):
        texts = [f"{rng.choice(['hi', 'hey', 'hiya', 'oh and'])} {rng.choice(NAMES)}, {s}" for _ in range(6)]
        r1 = probe_one(engine, graph, clock, f"inn{k}", texts)
        r2 = probe_one(engine, graph, clock, f"innf{k}", texts, followed=True)
        if not all(ok for ok, _ in r1):
            first = next(j + 1 for j, (ok, _) in enumerate(r1) if not ok)
            fp_s.append((s, first, sorted({r for ok, rs in r1 if not ok for r in rs})))
        if not all(ok for ok, _ in r2):
            fp_f.append((s, sorted({r for ok, rs in r2 if not ok for r in rs})))
    read = [x for x in fp_s if {"contacts", "links_to_strangers"} & set(x[2])]
    print(f"refused when sent to 6 strangers: {len(fp_s)} of {len(INNOCENT)}; of which read as a contact or promotion: {len(read)}")
    for s, first, rules in read:
        print(f"   READ {s!r}: first refused at copy {first} by {rules}")
    print("  (the rest: same sentence to a 5th stranger, duplicates rule)")
    print(f"refused when sent to 6 mutual friends: {len(fp_f)} of {len(INNOCENT)}")
    for s, rules in fp_f:
        print(f"   {s!r}: {rules}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1)

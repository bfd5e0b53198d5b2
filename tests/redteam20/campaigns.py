"""Round 20's campaign families (outside red team, groups and conversations).

Written from the public docs only (README.md, docs/policy.md, docs/rules.md,
rules/default.toml) and the round-13 harness (tests/redteam13/sim.py). Each family is
``family(rng) -> gen`` with ``gen(rng, i) -> Msg``; ``Msg.n`` is the size of the new
group of strangers a message goes to, ``Msg.parts`` its texts in order.

The scams are 2025-2026 ones: AI/copy-trading bots, memecoin presales and airdrops,
task/"rating" jobs paid in USDT, moving-sale giveaways, wrong-number openers
(pig butchering), fake trust-and-safety notices. Some carry a way back the reader
does not see (a pointer to the same handle on another app, a group name to search),
one family carries a real phone number to 3 people, some carry none (a reply is the
way back).

Not expressible in the harness (noted, not run): a conversation reused across
messages with members swapped, groups padded with accounts the spammer follows (the
harness's spammer follows nobody and nobody writes back), one message to a group
and to one-to-one chats at once.
"""
from __future__ import annotations

import random

from tests.redteam13.sim import Msg

MAX = 140


def pick(rng: random.Random, xs):
    return xs[rng.randrange(len(xs))]


def build(rng: random.Random, slots, shuffle_mid: bool = True, limit: int = MAX) -> str:
    """One text from ``slots`` (each a list of alternatives, "" allowed), the middle
    slots shuffled; retried until it fits ``limit`` characters."""
    for _ in range(50):
        parts = [pick(rng, s) for s in slots]
        if shuffle_mid and len(parts) > 2:
            mid = parts[1:-1]
            rng.shuffle(mid)
            parts = [parts[0], *mid, parts[-1]]
        text = " ".join(p for p in parts if p).replace("  ", " ").strip()
        if rng.random() < 0.3:
            text = text.lower()
        if len(text) <= limit:
            return text
    return text[:limit]


def shingles(text: str, k: int = 5) -> set:
    t = "".join(ch for ch in text.lower() if ch.isalpha())
    return {t[j:j + k] for j in range(max(1, len(t) - k + 1))}


def jaccard(a: set, b: set) -> float:
    return len(a & b) / max(1, len(a | b))


class Spinner:
    """The spammer's own near-copy guard (no knowledge of the engine's fingerprint):
    draw texts until one shares under ``limit`` of its 5-letter shingles with each of
    its last ``keep`` texts."""

    def __init__(self, limit: float = 0.2, keep: int = 12, tries: int = 60):
        self.limit, self.keep, self.tries, self.recent = limit, keep, tries, []

    def __call__(self, make):
        best, best_score = None, 2.0
        for _ in range(self.tries):
            t = make()
            sh = shingles(t)
            score = max((jaccard(sh, r) for r in self.recent), default=0.0)
            if score < best_score:
                best, best_score, best_sh = t, score, sh
            if score < self.limit:
                break
        self.recent = ([*self.recent, best_sh])[-self.keep:]
        return best


# ---------------------------------------------------------------- vocabularies
GREET = ["hey", "hi", "hello", "yo", "hiya", "heyy", "morning", "evening all", "hi guys",
         "hey folks", "sup", "good day", "hey everyone", "hi all", "oi", "ok so", "so",
         "quick one", "random q", "hm", ""]

CRYPTO = [
    ["this bot made me 2k last week on SOL", "my AI trading script did +38% since march",
     "the copy-trade setup I use printed 4 figures this month",
     "got in a new memecoin presale at launch and it's up 40x",
     "an arbitrage bot between two exchanges pays me ~3% a day",
     "been running a grid bot on ETH, paid my rent twice now",
     "a friend at a fund shares morning picks, hit 9 of 10 so far",
     "my staking pool returned more than my salary in may",
     "I caught the airdrop before it listed, it was worth 1.8k",
     "the signal room I'm in called BTC dip to the hour"],
    ["", "no joke", "not even kidding", "honestly", "lowkey", "swear", "fr", "tbh"],
    ["happy to show you how it works", "I can walk you through it", "can show the setup",
     "want me to explain?", "curious?", "interested to hear more?",
     "I'll share my screen if you want", "you should try it", "it's easy to copy",
     "takes 5 minutes to start"],
]

JOBS = [
    ["my cousin does app review work from home", "my flatmate rates hotel listings on her laptop",
     "a friend tests shopping apps in the evenings", "my sister checks playlists for a label",
     "I started doing product feedback rounds online", "my old coworker moved to remote review tasks",
     "someone from my gym does listing checks on his phone", "I help a travel site sort their reviews"],
    ["", "honestly", "tbh", "lol", "ngl"],
    ["it's pretty chill", "it covers my groceries", "she quit her cafe shifts for it",
     "it pays out in crypto every night", "better than my old job", "it takes like an hour",
     "he made more than me last month", "it's legit"],
    ["they're still taking people", "they asked me to bring friends", "there are spots left",
     "the team lead wants a few more", "I could ask if they need more", "they want 3 more by friday"],
    ["", "thought of you", "no pressure", "up to you", "if you're bored"],
]

GIVE = [
    ["I'm moving abroad and giving away", "clearing my flat, free to a good home:",
     "we won a second one in a raffle, giving away", "upgraded, so I'm giving away my",
     "my late dad's", "selling cheap before I fly,"],
    ["a PS5 with two pads", "an iPhone 15 Pro", "a MacBook Air M2", "a Dyson airwrap",
     "a pair of Jordans size 10", "a 4K tv", "a Steam Deck", "concert tickets for friday"],
    ["first one to answer gets it", "just cover shipping", "only pay the courier",
     "tell me why you'd want it", "no catch", "pick up or post", "barely used"],
]

ROMANCE = [
    ["Hi Mark, it's Jenny from yoga", "hey is this David? we met at the wine bar",
     "Sorry I think I added the wrong group", "Hello, is this still Amy's number?",
     "hi Tom, Lisa here, the dinner on friday still on?", "hey, Emma from the conference",
     "Oops this was meant for my sister", "Hi Kevin, sorry it's been a while"],
    ["", "haha", "sorry", "my bad", "oh no", "apologies", "lol"],
    ["are we still on for brunch?", "did you get home ok?", "you left your scarf here",
     "anyway, where are you based?", "you seem nice though, what do you do?",
     "well since we're talking, how's your day?", "still, nice to meet you",
     "what's the weather like there?"],
]

SUPPORT = [
    ["hello, trust and safety here", "this is the account review team",
     "Notice from the creator integrity desk", "Hi, moderation staff here",
     "safety centre message", "Hello from the verification unit"],
    ["your page got a copyright report", "a login from a new device was flagged",
     "your profile was reported for impersonation", "your badge request was auto-declined",
     "a strange sign-in showed up on your page", "two posts broke the music rules"],
    ["and will be restricted in 24h", "and may be limited", "so features are paused",
     "pending a manual check", "unless it's resolved today", "until we hear back"],
    ["please answer here to appeal", "reply here so we can fix it", "answer to keep access",
     "tell us if this was you", "respond within the day", "confirm here it was you"],
]

# hidden ways back (read as nothing by the contact reader in our probes)
WAYBACK = [
    "same name on the paper plane app", "find me on the paper plane app, same username",
    "my discord is the same as my name here", "add me on the app with the paper plane, same handle",
    "I'm faster on the purple camera app, same handle", "the group is Sunrise Yield Circle on the paper plane app",
    "search 'Lena Voss trades' on yt", "my other account is this name with an underscore",
    "same @ as here but on the paper plane app", "DM me on the blue plane app, same name, this one deletes chats",
    "google my full name plus trading", "ping me on the green phone app, number's the digits in my name",
]


def cut(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters at a word boundary."""
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0]


def theme_text(rng, theme):
    g = pick(rng, GREET)
    body = build(rng, theme)
    return (g + " " + body).strip() if g and len(g) + len(body) < MAX else body


def with_wayback(rng, text):
    w = pick(rng, WAYBACK)
    sep = pick(rng, [". ", ", ", " - ", " / ", "! "])
    t = text + sep + w
    if len(t) > MAX:
        t = cut(text, MAX - len(w) - 2) + ", " + w
    return t


# ---------------------------------------------------------------- families
# Every family keeps its own Spinner (one per spammer): a fresh text per group that
# shares little with its recent ones. The harness re-draws a message on a retry.

def _pace(rng):
    return rng.uniform(600, 1800)


def g4_crypto_lure(rng):
    """Groups of 4 strangers, a spun crypto-bot lure, no way back (a reply is one)."""
    sp = Spinner()
    return lambda rng, i: Msg([sp(lambda: theme_text(rng, CRYPTO))], n=4, pace=_pace(rng))


def g4_crypto_hidden_handle(rng):
    """Groups of 4, a spun crypto pitch and a hidden way back (the same handle elsewhere)."""
    sp = Spinner()
    return lambda rng, i: Msg([sp(lambda: with_wayback(rng, build(rng, CRYPTO)))], n=4,
                              pace=_pace(rng))


def g4_task_jobs(rng):
    """Groups of 4, task-job offers paid in crypto, spun, half with a hidden way back."""
    sp = Spinner()
    def make():
        if rng.random() < 0.5:
            return with_wayback(rng, build(rng, JOBS))
        return theme_text(rng, JOBS)
    return lambda rng, i: Msg([sp(make)], n=4, pace=_pace(rng))


def g4_wrong_number(rng):
    """Groups of 4, 'wrong group' openers (pig butchering), no way back."""
    sp = Spinner()
    return lambda rng, i: Msg([sp(lambda: build(rng, ROMANCE, shuffle_mid=False))], n=4,
                              pace=_pace(rng))


def g4_fake_support(rng):
    """Groups of 4, fake trust-and-safety notices, 'answer here' (no link)."""
    sp = Spinner()
    return lambda rng, i: Msg([sp(lambda: build(rng, SUPPORT, shuffle_mid=False))], n=4,
                              pace=_pace(rng))


def g4_giveaway(rng):
    """Groups of 4, moving-sale giveaways, 'first to answer', half with a hidden way back."""
    sp = Spinner()
    def make():
        t = theme_text(rng, GIVE)
        return with_wayback(rng, t) if rng.random() < 0.5 else t
    return lambda rng, i: Msg([sp(make)], n=4, pace=_pace(rng))


THEMES = [CRYPTO, JOBS, GIVE, ROMANCE, SUPPORT]


def mixed_groups_and_dms(rng):
    """Groups of 2 to 4 mixed with one-to-one sends, a theme rotated per message,
    a hidden way back on half of them."""
    sp = Spinner()
    def make():
        if rng.random() < 0.5:
            return with_wayback(rng, build(rng, pick(rng, [CRYPTO, JOBS])))
        return theme_text(rng, pick(rng, THEMES))
    return lambda rng, i: Msg([sp(make)], n=pick(rng, [1, 1, 2, 3, 4, 4]),
                              pace=rng.uniform(300, 1500))


def small_groups_rotated(rng):
    """Several small groups (2 or 3 strangers), the theme rotated group by group."""
    order = THEMES[:]
    rng.shuffle(order)
    sp = Spinner()
    def gen(rng, i):
        th = order[i % len(order)]
        return Msg([sp(lambda: theme_text(rng, th))], n=pick(rng, [2, 3]),
                   pace=rng.uniform(400, 1200))
    return gen


def split_to_group(rng):
    """Groups of 4, a message in two parts, each long enough to be traced and spun on
    its own: the pitch, then the way back in a sentence of its own."""
    sp1, sp2 = Spinner(), Spinner()
    def gen(rng, i):
        th = pick(rng, [CRYPTO, JOBS, GIVE])
        return Msg([sp1(lambda: theme_text(rng, th)),
                    sp2(lambda: pick(rng, WB_LEAD) + " " + pick(rng, WAYBACK) + " " + pick(rng, WB_TAIL))],
                   n=4, gap=rng.uniform(20, 90), pace=_pace(rng))
    return gen


WB_LEAD = ["if you want the details,", "easier to talk elsewhere,", "I barely check this app,",
           "this app eats my messages so", "for the screenshots,", "to see proof,",
           "voice notes work better,", "if this interests you,"]
WB_TAIL = ["", "I reply fast there", "I'll send pics", "ask for Lena", "say you're from here",
           "it's less noisy", "see you there", "I'm on it all day"]


def number_to_3_then_lures(rng):
    """A real phone number (WhatsApp) with a job pitch to a first group of 3, then
    lures on other topics with a hidden way back to groups of 4: links_to_strangers
    never fills, so strangers_daily never arms; the later lures share nothing with
    the copy that carried the number (traced at 0.25)."""
    sp = Spinner(limit=0.12)
    num = pick(rng, ["+1 415 555 0199", "+44 7700 900123", "+63 917 555 0142"])
    def gen(rng, i):
        if i == 0:
            return Msg([sp(lambda: build(rng, JOBS, limit=110) + f" WhatsApp {num}")], n=3,
                       pace=900)
        return Msg([sp(lambda: with_wayback(rng, theme_text(rng, pick(rng, [CRYPTO, GIVE]))))],
                   n=4, pace=_pace(rng))
    return gen


def group_opener_then_pitch(rng):
    """Groups of 4: a short opener under 8 letters ('hey u', an emoji), then the
    pitch to the same group (short_to_strangers' count)."""
    sp = Spinner()
    def gen(rng, i):
        return Msg([pick(rng, ["hey u", "hi 👋", "yo", "hey!", "hii", "👀", "sup?"]),
                    sp(lambda: with_wayback(rng, build(rng, CRYPTO)))], n=4, gap=30,
                   pace=_pace(rng))
    return gen


FIXED = "Hey all! My AI bot on SOL made 2k last week, happy to show the setup, same name on the paper plane app"


def same_text_each_group(rng):
    """Baseline: one fixed text to each new group of 4 (duplicates)."""
    return lambda rng, i: Msg([FIXED], n=4, pace=_pace(rng))


def new_groups_of_19(rng):
    """Baseline: spun lures to new groups of 19 (at_once); the harness halves the
    group after a refusal (19, 9, 4)."""
    sp = Spinner()
    return lambda rng, i: Msg([sp(lambda: theme_text(rng, CRYPTO))], n=19, pace=_pace(rng))


def groups_of_5(rng):
    """One over at_once: spun lures to new groups of 5 (then 2 after the refusal)."""
    sp = Spinner()
    return lambda rng, i: Msg([sp(lambda: theme_text(rng, CRYPTO))], n=5, pace=_pace(rng))


HANDLE = ["tg {h}", "my tele handle is {s} with no space", "on the plane app I'm {h}",
          "ask me on the plane app, {sp}", "I'm {h} over on the paper plane app",
          "find {h} on the blue plane app", "{h} on tg", "the plane app, {h}, say hi"]


def g4_named_tg_handle(rng):
    """Groups of 4, a spun crypto pitch and a named Telegram handle, spelled 8 ways
    without an @ (the same account to all 20)."""
    sp = Spinner()
    first, last = pick(rng, ["lena", "mia", "chloe", "ava"]), pick(rng, ["trades", "yield", "fx", "alpha"])
    h = first + last
    def make():
        form = pick(rng, HANDLE).format(h=h, s=f"{first} {last}", sp=" ".join(h))
        body = theme_text(rng, CRYPTO)
        return cut(body, MAX - len(form) - 2) + ", " + form
    return lambda rng, i: Msg([sp(make)], n=4, pace=_pace(rng))


def g4_cashtag_giveaway(rng):
    """Groups of 4, a giveaway asking for the courier fee to a $cashtag (a named
    account: keyed with a word of the trade)."""
    sp = Spinner()
    tag = "$" + pick(rng, ["LenaV88", "MiaMoves", "ChloeHomeSale"])
    def make():
        return cut(theme_text(rng, GIVE), 110) + pick(rng, [", fee to ", ". courier via ", " - shipping to "]) + tag
    return lambda rng, i: Msg([sp(make)], n=4, pace=_pace(rng))


FAMILIES = {
    "g4_crypto_lure": g4_crypto_lure,
    "g4_crypto_hidden_handle": g4_crypto_hidden_handle,
    "g4_task_jobs": g4_task_jobs,
    "g4_wrong_number": g4_wrong_number,
    "g4_fake_support": g4_fake_support,
    "g4_giveaway": g4_giveaway,
    "mixed_groups_and_dms": mixed_groups_and_dms,
    "small_groups_rotated": small_groups_rotated,
    "split_to_group": split_to_group,
    "number_to_3_then_lures": number_to_3_then_lures,
    "group_opener_then_pitch": group_opener_then_pitch,
    "same_text_each_group": same_text_each_group,
    "new_groups_of_19": new_groups_of_19,
    "groups_of_5": groups_of_5,
    "g4_named_tg_handle": g4_named_tg_handle,
    "g4_cashtag_giveaway": g4_cashtag_giveaway,
}

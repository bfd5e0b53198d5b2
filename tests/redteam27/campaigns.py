"""Round 27's campaigns: real spam of the SMS corpus, one way back per sender (fresh values
of the kind the original used), written by an attacker who read the README and the rules.

A campaign answers ``next(state) -> Step | None``; the harness sends each step, obeys every
refusal and tells the campaign (``refused(rules)``).
"""
from __future__ import annotations

import math
import random
import re
import string
from dataclasses import dataclass
from functools import lru_cache

from tests.redteam27.corpus import load
from tests.redteam27.text import FILLERS, OPENERS, fit, fold, renumber, spin
from tests.redteam27.waybacks import Template, WayBack, templates

# A promotion's wording (README: "claim your prize", "valued customer", "free entry") said
# otherwise, so that the pitch still reads as one to a person.
SOFTEN = [
    (r"\bcongratulations\b", "good news"), (r"\bclaim\b", "pick up"), (r"\bprizes?\b", "surprise"),
    (r"\bwon\b", "got"), (r"\bwinners?\b", "lucky one"), (r"\bwin\b", "get"),
    (r"\bfree\b", "on us"), (r"\bentry\b", "spot"), (r"\bvalued\b", ""),
    (r"\bcustomers?\b", "friend"), (r"\bguaranteed\b", "waiting"), (r"\bcash\b", "money"),
    (r"\burgent\b", "hey"), (r"\bawarded\b", "down for"), (r"\bvouchers?\b", "coupon"),
    (r"\bcredits?\b", "texts"), (r"\blucky\b", "good"), (r"\boffer\b", "thing"),
    (r"\bdraw\b", "raffle"), (r"\bbonus\b", "extra"), (r"\bselected\b", "picked"),
    (r"\bsubscription\b", "plan"), (r"\bunsubscribe\b", "leave"), (r"\bstop\b", "quit"),
    (r"\bringtones?\b", "tunes"), (r"\bsex\w*\b", "fun"), (r"£\s?\d[\d,.]*", "a few hundred quid"),
]
NAMES = ["Amy", "Ben", "Chloe", "Dan", "Ella", "Finn", "Grace", "Harry", "Isla", "Jack", "Kate",
         "Liam", "Mia", "Noah", "Olivia", "Priya", "Ravi", "Sara", "Tom", "Zoe", "Aisha", "Leo",
         "Nina", "Owen", "Ruby", "Sam", "Tara", "Will", "Yusuf", "Jade"]
SIGS = ["Sarah @ Rewards", "the Team", "Jess x", "Customer Care", "Mark (Support)", "Lucy",
        "Promo Desk", "Kim from the club", "Dave", "Bella xx", "Admin", "Emma, Events"]
TOPICS = ["the gig", "that recipe", "ur last post", "the match", "the festival", "ur dog pic",
          "the quiz night", "the new album", "the hiking trip", "the car boot sale"]
PLACES = ["Leeds", "the uni bar", "Jess's party", "the gym", "Camden", "the station",
          "ur cousin's wedding", "the conference", "Brighton", "the bus stop"]


@lru_cache(maxsize=1)
def pads_by_length() -> dict[int, list[str]]:
    """Ham texts of 40 to 90 characters by length; read at first use, so the tests collect
    (and skip) where the corpus is absent."""
    found: dict[int, list[str]] = {}
    for h in load()[1]:
        if 40 <= len(h) <= 90:
            found.setdefault(len(h), []).append(h)
    return found

ITEMS = ["bike", "sofa", "tickets", "camera", "guitar", "old phone", "desk", "pram"]


@dataclass
class Part:
    text: str
    armed: bool


@dataclass
class Step:
    parts: list[Part]
    wait: float = 0.0         # seconds before this step
    new: int = 1              # new strangers (a new group when group is True)
    old: bool = False         # to one stranger already reached (a follow-up), not a new one
    group: bool = False
    pals: int = 0             # the sender's own accounts added to the group
    tag: str = ""


def _code(rng: random.Random, n: int = 5) -> str:
    return "".join(rng.choice(string.ascii_uppercase + string.digits) for _ in range(n))


def lure(rng: random.Random) -> str:
    """An opener whose only purpose is an answer; every copy different."""
    forms = [
        lambda: f"{rng.choice(OPENERS)}, is this {rng.choice(NAMES)}? think we met at "
                f"{rng.choice(PLACES)} {rng.choice(['last week', 'in may', 'ages ago', 'on sat'])}",
        lambda: f"{rng.choice(OPENERS)} saw ur comment on {rng.choice(TOPICS)}, do u live near "
                f"{rng.choice(PLACES)}?",
        lambda: f"random q but are u still selling the {rng.choice(ITEMS)}? "
                f"{rng.choice(['', 'x', ':)', 'cheers'])}",
        lambda: f"{rng.choice(OPENERS)}! {rng.choice(NAMES)} said u might know about "
                f"{rng.choice(TOPICS)}, got a sec?",
        lambda: f"sorry {rng.choice(['wrong', 'odd', 'random'])} msg maybe, did u go to "
                f"{rng.choice(PLACES)} {rng.choice(['2019', 'last yr', 'in june'])}?",
    ]
    return " ".join(rng.choice(forms)().split())


class Campaign:
    tactic = "base"
    pace = (45.0, 240.0)

    def __init__(self, rng: random.Random, sender_id: str):
        self.rng = rng
        self.sender = sender_id
        spam, _ = load()
        self.pool = templates(spam)
        self.soft = rng.random() < 0.75
        self.template = self.pick()
        self.ways: dict[str, WayBack] = {}
        self.n = 0
        self.stopped = False

    # an attacker who read that numbers are read "however written" prefers links
    def pick(self) -> Template:
        hidden = [t for t in self.pool if t.kind in ("url", "email")]
        return self.rng.choice(hidden if self.rng.random() < 0.6 else self.pool)

    def way(self, kind: str) -> WayBack:
        if kind not in self.ways:
            self.ways[kind] = WayBack(self.rng, kind)
        return self.ways[kind]

    def base(self, t: Template | None = None) -> str:
        text = (t or self.template).text
        if self.soft:
            for pat, rep in SOFTEN:
                text = re.sub(pat, rep, text, flags=re.I)
        return " ".join(text.split())

    def copy(self) -> str:
        raise NotImplementedError

    def armed_text(self, t: Template | None = None) -> str:
        t = t or self.template
        return fit(self.copy(), self.way(t.kind).render())

    def padded(self, body: str, t: Template | None = None) -> str:
        """The pitch cut to 55 to 90 characters around its way back, and a real ordinary
        text (40 characters or more) before or after it: copies that share only the pitch."""
        wb = self.way((t or self.template).kind).render()
        pitch = fit(body, wb, self.rng.randint(55, 90))
        room = 139 - len(pitch)
        pads = [h for n, hs in pads_by_length().items() if 40 <= n <= room for h in hs]
        if not pads:
            return pitch
        pad = self.rng.choice(pads)
        return f"{pad} {pitch}" if self.rng.random() < 0.5 else f"{pitch} {pad}"

    def wait(self) -> float:
        return self.rng.uniform(*self.pace)

    def next(self, state) -> Step | None:
        if self.stopped:
            return None
        self.n += 1
        return Step([Part(self.armed_text(), True)], wait=self.wait() if self.n > 1 else 0.0)

    def refused(self, rules: tuple[str, ...], step: Step) -> None:
        """A refusal no wait lifts: the campaign gives up that day on strangers_daily."""
        if "strangers_daily" in rules or "fanout" in rules:
            self.stopped = True


class Folded(Campaign):
    """One text; copies differ in numbers, look-alike letters, invisible marks, case, spacing."""
    tactic = "folded"

    def copy(self) -> str:
        return fold(renumber(self.base(), self.rng), self.rng, strength=0.25)


class Personalised(Campaign):
    """Hi <name>, the text, a reference code and a signature that change per copy."""
    tactic = "personalised"

    def copy(self) -> str:
        r = self.rng
        body = fold(renumber(self.base(), r), r, strength=0.1)
        hello = r.choice(["Hi", "Dear", "Hey", "Hello", "Hiya"]) + f" {r.choice(NAMES)}"
        ref = r.choice(["Ref", "Code", "ID", "Your code", "PIN"]) + f": {_code(r, r.randint(4, 7))}"
        sig = f"- {r.choice(SIGS)}"
        pieces = [hello + ",", body, ref + ".", sig] if r.random() < 0.5 else \
            [hello + "!", ref + ".", body, sig]
        return " ".join(pieces)


class Spun(Campaign):
    """Spintax: synonym sets, fillers, openers and closers, sentences reordered."""
    tactic = "spun"

    def __init__(self, rng: random.Random, sender_id: str):
        super().__init__(rng, sender_id)
        self.pad = rng.random() < 0.7

    def copy(self) -> str:
        return fold(spin(self.base(), self.rng, p_syn=0.85, fillers=2), self.rng, strength=0.05)

    def armed_text(self, t: Template | None = None) -> str:
        return self.padded(self.copy()) if self.pad else super().armed_text(t)


class Rotating(Campaign):
    """K templates (2 to 200, log-uniform) in rotation, each copy lightly spun."""
    tactic = "rotating"

    def __init__(self, rng: random.Random, sender_id: str):
        super().__init__(rng, sender_id)
        k = round(math.exp(rng.uniform(math.log(2), math.log(200))))
        kinds = ("url", "email") if rng.random() < 0.6 else ("url", "email", "phone", "short")
        pool = [t for t in self.pool if t.kind in kinds]
        self.set = rng.sample(pool, min(k, len(pool)))
        self.k = len(self.set)
        self.pad = rng.random() < 0.6

    def next(self, state) -> Step | None:
        if self.stopped:
            return None
        t = self.set[self.n % self.k]
        self.n += 1
        body = spin(self.base(t), self.rng, p_syn=0.4, fillers=1, reorder=False)
        text = self.padded(body, t) if self.pad else fit(body, self.way(t.kind).render())
        return Step([Part(text, True)], wait=self.wait() if self.n > 1 else 0.0)


class Groups(Campaign):
    """New groups: at most 4 strangers each (the strangers rule's at_once), filled to up to
    19 others with the sender's own accounts, one spun copy per group."""
    tactic = "groups"
    pace = (120.0, 600.0)

    def __init__(self, rng: random.Random, sender_id: str):
        super().__init__(rng, sender_id)
        self.size = rng.choice((2, 3, 4, 4))
        self.pals = rng.choice((0, 0, 5, 15))
        self.pad = rng.random() < 0.7

    def copy(self) -> str:
        return spin(self.base(), self.rng, p_syn=0.7, fillers=1)

    def armed_text(self, t: Template | None = None) -> str:
        return self.padded(self.copy()) if self.pad else super().armed_text(t)

    def next(self, state) -> Step | None:
        if self.stopped:
            return None
        self.n += 1
        return Step([Part(self.armed_text(), True)], wait=self.wait() if self.n > 1 else 0.0,
                    new=self.size, group=True, pals=min(self.pals, 19 - self.size))


class Split(Campaign):
    """One message in parts: the pitch in 1 or 2 messages (or padded with an ordinary text),
    the way back in the last, with a few words that change."""
    tactic = "split"

    def __init__(self, rng: random.Random, sender_id: str):
        super().__init__(rng, sender_id)
        self.pad = rng.random() < 0.5

    def next(self, state) -> Step | None:
        if self.stopped:
            return None
        self.n += 1
        r = self.rng
        text = spin(self.base(), r, p_syn=0.7, fillers=1, reorder=False)
        head, _, tail = text.partition("{WB}")
        wb = self.way(self.template.kind).render()
        words = (head + " " + tail).split()
        cut = max(1, len(words) // 2) if r.random() < 0.5 else len(words)
        parts = [" ".join(words[:cut]), " ".join(words[cut:])]
        parts = [fit(p, "", 140) for p in parts if p.strip()]
        if self.pad:
            parts = [self.padded(" ".join(parts), self.template).replace(wb, "").strip()]
        last = r.choice(["{WB}", "here: {WB}", "{WB} x", "-> {WB}", "it's {WB}", "{WB} :)",
                         f"{r.choice(OPENERS)}, {{WB}}", f"{{WB}} {r.choice(FILLERS)}",
                         f"look up {{WB}} {r.choice(['x', '!', ''])}",
                         f"{r.choice(['the site', 'site', 'link', 'web'])}: {{WB}}"])
        out = [Part(p, False) for p in parts] + [Part(last.replace("{WB}", wb), True)]
        return Step(out, wait=self.wait() if self.n > 1 else 0.0)


class Slow(Campaign):
    """Paced under every threshold: openers (lures) to new strangers, 11 in 6 hours and 19 a
    day, and the way back, spun, as a follow-up to those reached, at most 4 in 6 hours."""
    tactic = "slow"
    pace = (1900.0, 2300.0)

    def __init__(self, rng: random.Random, sender_id: str):
        super().__init__(rng, sender_id)
        self.new_times: list[float] = []
        self.armed_times: list[float] = []
        self.followed: set[int] = set()
        self.armed_off = False

    def copy(self) -> str:
        return spin(self.base(), self.rng, p_syn=0.85, fillers=2)

    def next(self, state) -> Step | None:
        if self.stopped:
            return None
        t = state.elapsed
        self.n += 1
        wait = self.wait() if self.n > 1 else 0.0
        recent_arm = [x for x in self.armed_times if x > t - 6 * 3600]
        todo = [i for i in range(len(state.reached)) if i not in self.followed]
        if (not self.armed_off and todo and len(recent_arm) < 4 and len(state.reached) >= 8):
            i = todo[0]
            self.followed.add(i)
            self.armed_times.append(t + wait)
            return Step([Part(self.armed_text(), True)], wait=wait / 2, new=0, old=True,
                        tag=str(i))
        recent_new = [x for x in self.new_times if x > t + wait - 6 * 3600]
        if len(self.new_times) >= 19:
            if self.armed_off or not todo:
                return None
            return Step([], wait=3600.0, new=0)
        if len(recent_new) >= 11:
            return Step([], wait=max(60.0, recent_new[0] + 6 * 3600 - t + 60), new=0)
        self.new_times.append(t + wait)
        return Step([Part(lure(self.rng), False)], wait=wait)

    def refused(self, rules: tuple[str, ...], step: Step) -> None:
        if any(p.armed for p in step.parts) and ("links_to_strangers" in rules
                                                 or "strangers_daily" in rules):
            self.armed_off = True
        elif "strangers_daily" in rules and not step.old:
            self.stopped = True


HOOKS = ["pics here", "hot pics", "u won't believe it", "ur gift", "see this", "for u",
         "my pics", "ur tunes", "new tunes", "ur coupon", "read this", "quick one", "fancy it?",
         "check it", "2nite?", "ur code", "just 4 u", "look", "u in?", "deal"]


class Short(Campaign):
    """Texts under the tracing minimum (32 characters): a hook and the way back, each copy
    with other words; half the senders open with short lures and follow up with the way back."""
    tactic = "short"
    pace = (60.0, 400.0)

    def __init__(self, rng: random.Random, sender_id: str):
        super().__init__(rng, sender_id)
        self.openers_first = rng.random() < 0.5
        self.armed_off = False
        self.followed: set[int] = set()

    def short_armed(self) -> str:
        r = self.rng
        wb = self.way(self.template.kind).render()
        for _ in range(20):
            form = r.choice(["{h} {wb}", "{wb} {h}", "{o} {h}: {wb}", "{h}! {wb} {c}"])
            text = form.format(h=r.choice(HOOKS), wb=wb, o=r.choice(OPENERS),
                               c=r.choice(["x", ":)", ";)", "xx", "!!"]))
            if len(text) < 32:
                return text
        return wb

    def short_lure(self) -> str:
        r = self.rng
        for _ in range(20):
            text = r.choice([f"{r.choice(OPENERS)} {r.choice(NAMES)}?",
                             f"is this {r.choice(NAMES)}? {r.choice(['x', ':)', ''])}",
                             f"{r.choice(OPENERS)}, u around?", f"{r.choice(FILLERS)}, hi!",
                             f"did u go 2 {r.choice(PLACES)}?"]).strip()
            if len(text) < 32:
                return text
        return "hey u"

    def next(self, state) -> Step | None:
        if self.stopped:
            return None
        self.n += 1
        wait = self.wait() if self.n > 1 else 0.0
        if not self.openers_first:
            return Step([Part(self.short_armed(), True)], wait=wait)
        todo = [i for i in range(len(state.reached)) if i not in self.followed]
        if len(state.reached) >= 12 and todo and not self.armed_off and self.n % 2 == 0:
            self.followed.add(todo[0])
            return Step([Part(self.short_armed(), True)], wait=wait, new=0, old=True,
                        tag=str(todo[0]))
        if len(state.reached) >= 19:
            return None if self.armed_off or not todo else Step([], wait=600.0, new=0)
        return Step([Part(self.short_lure(), False)], wait=wait)

    def refused(self, rules: tuple[str, ...], step: Step) -> None:
        if step.old and any(p.armed for p in step.parts):
            self.armed_off = True
        elif "strangers_daily" in rules:
            self.stopped = True


class Mix(Campaign):
    """2 or 3 of the other tactics at random, one way back for all."""
    tactic = "mix"
    def __init__(self, rng: random.Random, sender_id: str):
        super().__init__(rng, sender_id)
        kinds = rng.sample([Folded, Personalised, Spun, Rotating, Groups, Split, Slow, Short],
                           rng.choice((2, 3)))
        self.subs: list[Campaign] = []
        for cls in kinds:
            c = cls(random.Random(rng.random()), sender_id)
            c.template, c.ways, c.soft = self.template, self.ways, self.soft
            self.subs.append(c)
        self.last: Campaign | None = None

    def next(self, state) -> Step | None:
        live = [c for c in self.subs if not c.stopped]
        while live:
            c = self.rng.choice(live)
            step = c.next(state)
            if step is not None:
                self.last = c
                return step
            live.remove(c)
        return None

    def refused(self, rules: tuple[str, ...], step: Step) -> None:
        if self.last is not None:
            self.last.refused(rules, step)


TACTICS: dict[str, type] = {
    "folded": Folded,
    "personalised": Personalised,
    "spun": Spun,
    "rotating": Rotating,
    "groups": Groups,
    "split": Split,
    "slow": Slow,
    "short": Short,
    "mix": Mix,
}

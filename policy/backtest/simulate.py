"""A deterministic simulation of direct-message traffic, as events (see ``events.py``).

The population, for ``senders`` accounts:

- ordinary users (the rest): each has friends among the others (most follow
  each other, some only one way) and sessions at random times: two-way
  conversations, fast bursts in one conversation, a short common phrase to
  several friends, invitations to a few friends (a group conversation, or the
  same text to each);
- spam senders (``spam_share``): accounts followed by many ordinary users
  that run campaigns, one text to each follower in turn, varied per recipient
  (digits changed, look-alike letters, zero-width characters, spacing, case,
  a greeting with the recipient's name);
- compromised apps (``compromised_share`` of the ordinary users): a
  third-party app the user authorised starts posting a spam text for them,
  first to the user themself, then to their followers.

The social graph comes first (``follow`` events at the start time), then the
sends in time order. Texts come from the SMS Spam Collection when a corpus is
given (its ``ham`` for ordinary users, its ``spam`` for campaigns), else from
a small built-in generator. Texts are cut at a word boundary to fit 140
characters, as a client would. Everything is drawn from one ``random.Random``
seeded with ``seed``: the same arguments give the same file, byte for byte.
"""

from __future__ import annotations

import heapq
import math
import random
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from policy.backtest.events import Event, GraphEvent, InviteEvent, MetaEvent, SendEvent, text_sha256
from policy.errors import PolicyError

T0 = 1_800_000_000.0  # 2027-01-15T08:00:00Z: the default start of a simulation
MAX_CHARS = 140  # what the API accepts: clients cut longer texts
DEFAULT_CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "data" / (
    "sms_spam_collection.tsv")


class CorpusError(PolicyError, ValueError):
    """The corpus file is absent or not the SMS Spam Collection's ``Label<TAB>SMS`` format."""


@dataclass(frozen=True, slots=True)
class Corpus:
    ham: tuple[str, ...]
    spam: tuple[str, ...]


def load_corpus(path: str | Path = DEFAULT_CORPUS) -> Corpus:
    """The ham and spam texts of a ``Label<TAB>SMS`` file (read in place, never copied)."""
    ham: list[str] = []
    spam: list[str] = []
    try:
        with open(path, encoding="utf-8") as handle:
            header = handle.readline().rstrip("\r\n").split("\t")
            if [h.strip().lower() for h in header] != ["label", "sms"]:
                raise CorpusError(f"{path}: the first line must be 'Label<TAB>SMS'")
            for number, line in enumerate(handle, start=2):
                if not line.strip():
                    continue
                label, sep, text = line.rstrip("\r\n").partition("\t")
                if not sep or label not in ("ham", "spam"):
                    raise CorpusError(f"{path}, line {number}: expected 'ham|spam<TAB>text'")
                (ham if label == "ham" else spam).append(text)
    except OSError as exc:
        raise CorpusError(f"cannot read the corpus {path}: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise CorpusError(f"{path}: not UTF-8") from None
    if not ham or not spam:
        raise CorpusError(f"{path}: needs both ham and spam lines")
    return Corpus(tuple(ham), tuple(spam))


def clip(text: str, limit: int = MAX_CHARS) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit + 1].rsplit(" ", 1)[0]
    return (cut if len(cut) >= limit // 2 else text[:limit]).rstrip()


# -- texts -------------------------------------------------------------------

_WORDS = (
    "are you coming tonight the dinner is at eight i will bring the cake can you pick up "
    "some bread on the way home thanks for yesterday it was really nice see you at the "
    "station tomorrow morning did you finish the report my train is late again call me "
    "when you are free let us meet after work how was the game the kids loved it"
).split()
_PHRASES = (
    "Happy new year!", "Happy birthday to you", "Good morning, have a nice day",
    "See you tomorrow", "Thanks a lot, talk soon", "Sorry, I will call you later",
    "On my way now", "Merry Christmas to you and yours",
)
_SPAM = (
    "Congratulations! You have won a {n} prize. Call {p} now to claim your reward before {d}",
    "URGENT: your account {n} is suspended. Verify now at {p} or lose access today",
    "You are selected for a free cruise for 2. Text YES to {p}, only {n} places left",
    "Cheap loans approved in minutes, up to {n}. Reply LOAN or call {p} today",
    "Your parcel {n} is waiting. Pay the {d} delivery fee at {p} to receive it",
)


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


class TextSource:
    """Where texts come from: the corpus, or a small built-in generator."""

    def __init__(self, rng: random.Random, corpus: Corpus | None) -> None:
        self._rng = rng
        self._ham: tuple[str, ...] = ()
        self._short: tuple[str, ...] = ()
        self._spam: tuple[str, ...] = ()
        if corpus is not None:
            self._ham = tuple(clip(t) for t in corpus.ham)
            # Short common phrases: what people send to several friends at once.
            self._short = tuple(t for t in self._ham if 10 <= len(t) <= 60)
            # Room for the evasions that add characters.
            self._spam = tuple(clip(t, MAX_CHARS - 20) for t in corpus.spam)

    def ham(self) -> str:
        if self._ham:
            return self._rng.choice(self._ham)
        words = [self._rng.choice(_WORDS) for _ in range(self._rng.randint(3, 18))]
        return " ".join(words).capitalize()

    def phrase(self) -> str:
        if self._short:
            return self._rng.choice(self._short)
        return self._rng.choice(_PHRASES)

    def spam(self) -> str:
        if self._spam:
            return self._rng.choice(self._spam)
        rng = self._rng
        return rng.choice(_SPAM).format(n=_digits(rng, rng.randint(3, 6)),
                                        p="0" + _digits(rng, 9), d=f"{rng.randint(1, 28)}/12")


# -- evasions ----------------------------------------------------------------

_LOOKALIKE = {
    "a": "аα", "c": "сϲ", "e": "еε", "i": "іι", "o": "оο", "p": "рρ", "x": "хχ",
    "y": "у", "k": "κ", "s": "ѕ", "j": "ј", "h": "һ",
    "A": "А", "B": "В", "C": "С", "E": "Е", "H": "Н", "K": "К", "M": "М", "O": "О",
    "P": "Р", "T": "Т", "X": "Х",
}
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"


def _change_digits(text: str, rng: random.Random) -> str:
    return "".join(rng.choice("0123456789") if ch.isdigit() else ch for ch in text)


def _change_case(text: str, rng: random.Random) -> str:
    style = rng.randrange(3)
    if style == 0:
        return text.upper()
    if style == 1:
        return text.lower()
    return "".join(ch.swapcase() if rng.random() < 0.3 else ch for ch in text)


def _lookalikes(text: str, rng: random.Random) -> str:
    share = rng.uniform(0.2, 0.6)
    return "".join(
        rng.choice(_LOOKALIKE[ch]) if ch in _LOOKALIKE and rng.random() < share else ch
        for ch in text
    )


def _spacing(text: str, rng: random.Random, budget: int) -> str:
    words = text.split(" ")
    for _ in range(rng.randint(1, 4)):
        if budget <= 0:
            break
        i = rng.randrange(len(words))
        word = words[i]
        if len(word) >= 3 and rng.random() < 0.5 and budget >= len(word) - 1:
            words[i] = " ".join(word)  # "F R E E"
            budget -= len(word) - 1
        elif len(word) >= 2:
            cut = rng.randint(1, len(word) - 1)
            words[i] = word[:cut] + " " + word[cut:]
            budget -= 1
    out = " ".join(words)
    while budget > 0 and rng.random() < 0.5:
        spaces = [i for i, ch in enumerate(out) if ch == " "]
        if not spaces:
            break
        i = rng.choice(spaces)
        out = out[:i] + " " + out[i:]  # a double space
        budget -= 1
    return out


def _zero_width(text: str, rng: random.Random, budget: int) -> str:
    chars = list(text)
    for _ in range(min(budget, rng.randint(2, 10))):
        chars.insert(rng.randint(1, len(chars)), rng.choice(_ZERO_WIDTH))
    return "".join(chars)


# Digits and symbols for letters, anywhere in a word ("fr33", "7he", "w!n", "cl@im"), and
# text speak for words ("u", "ur", "4", "2nite"): spelt apart per copy.
_LEET = {"a": "4@", "e": "3", "i": "1!", "o": "0", "s": "5$", "t": "7", "b": "8", "g": "9",
         "l": "1"}
_SPEAK = {"you": "u", "your": "ur", "for": "4", "to": "2", "tonight": "2nite", "today": "2day",
          "please": "pls", "text": "txt", "message": "msg", "great": "gr8", "before": "b4",
          "are": "r", "later": "l8r", "thanks": "thx", "because": "coz", "people": "ppl"}
_LEET_WORD = re.compile(r"(?<![\w@$#/.])[A-Za-z]{3,}(?![\w.@/])(?!\s*[\d+(])(?!\W*$)")
_SPEAK_WORD = re.compile(r"\b(" + "|".join(_SPEAK) + r")\b", re.IGNORECASE)


def _leet(text: str, rng: random.Random) -> str:
    share = rng.uniform(0.05, 0.2)
    out = _SPEAK_WORD.sub(lambda m: _SPEAK[m.group(1).lower()] if rng.random() < 0.6
                          else m.group(0), text)
    # letters of words of 3 letters or more ("a" written "4" is a number too), not before a
    # number nor last (a contact may follow: its digits would join them), symbols inside a
    # word only ("$ome" is a cashtag)
    return _LEET_WORD.sub(lambda m: "".join(
        rng.choice(_LEET[ch.lower()][:1] if i == 0 else _LEET[ch.lower()])
        if ch.lower() in _LEET and rng.random() < share else ch
        for i, ch in enumerate(m.group())), out)


def evade(text: str, rng: random.Random, *, limit: int = MAX_CHARS) -> str:
    """A variant of a spam text: at least one of the evasions, never over ``limit``."""
    chosen = [name for name in ("case", "digits", "lookalike", "spacing", "zero_width", "leet")
              if rng.random() < 0.5] or [rng.choice(("lookalike", "spacing", "zero_width"))]
    out = text
    if "case" in chosen:
        out = _change_case(out, rng)
    if "digits" in chosen:
        out = _change_digits(out, rng)
    if "leet" in chosen:  # after the numbers change: its digits are letters
        out = _leet(out, rng)
    if "lookalike" in chosen:
        out = _lookalikes(out, rng)
    if "spacing" in chosen:
        out = _spacing(out, rng, limit - len(out))
    if "zero_width" in chosen:
        out = _zero_width(out, rng, limit - len(out))
    return out[:limit]


# -- the simulation ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SimConfig:
    seed: int = 1
    senders: int = 500
    hours: float = 24.0
    start: float = T0
    spam_share: float = 0.05
    compromised_share: float = 0.01
    mutual_share: float = 0.7  # friendships where both follow each other
    sessions_per_day: float = 8.0  # mean; each user's own rate varies around it
    text_hashes: bool = False  # write text_sha256 instead of text

    def __post_init__(self) -> None:
        if self.senders < 10:
            raise ValueError("senders must be at least 10")
        if not 0 < self.hours <= 24 * 366:
            raise ValueError("hours must be above 0 and at most a year")
        for name in ("spam_share", "compromised_share", "mutual_share"):
            if not 0 <= getattr(self, name) <= 1:
                raise ValueError(f"{name} must be between 0 and 1")
        if self.sessions_per_day <= 0:
            raise ValueError("sessions_per_day must be above 0")


@dataclass
class _User:
    uid: str
    followers: list[str] = field(default_factory=list)  # who may receive this user's DMs
    following: set[str] = field(default_factory=set)
    rate: float = 1.0  # sessions per second


class _Sim:
    def __init__(self, config: SimConfig, corpus: Corpus | None) -> None:
        self.config = config
        self.rng = random.Random(config.seed)
        self.texts = TextSource(self.rng, corpus)
        self.end = config.start + config.hours * 3600
        self.heap: list[tuple[float, int, Callable[[float], Iterator[Event]]]] = []
        self.seq = 0
        self.conversations = 0

    def at(self, t: float, action: Callable[[float], Iterator[Event]]) -> None:
        if t < self.end:
            self.seq += 1
            heapq.heappush(self.heap, (t, self.seq, action))

    def send(self, t: float, sender: str, recipients: list[str], text: str, *, label: str,
             tag: str, app: str | None = None, conversation: str | None = None) -> SendEvent:
        digest = None
        if self.config.text_hashes:
            text, digest = None, text_sha256(text)  # type: ignore[assignment]
        return SendEvent(round(t, 3), sender, tuple(recipients), text, digest, app, "api",
                         conversation, label, tag)


def simulate(config: SimConfig, corpus: Corpus | None = None) -> Iterator[Event]:
    """The events of one simulation, in time order (a generator: memory stays small)."""
    sim = _Sim(config, corpus)
    rng = sim.rng
    start = config.start
    ids = [f"user{n:05d}" for n in range(config.senders)]
    rng.shuffle(ids)
    n_spam = max(1, round(config.senders * config.spam_share)) if config.spam_share else 0
    spammers, ordinary = ids[:n_spam], ids[n_spam:]
    users = {uid: _User(uid) for uid in ordinary}

    yield MetaEvent(start, {"generator": "dm-policy simulate", "seed": config.seed,
                            "senders": config.senders, "hours": config.hours,
                            "spam_senders": len(spammers), "corpus": corpus is not None})
    graph: list[GraphEvent] = []

    def follow(follower: str, followee: str) -> None:
        graph.append(GraphEvent(start, "follow", follower, followee))
        if followee in users:
            users[followee].followers.append(follower)
        if follower in users:
            users[follower].following.add(followee)

    # Friendships among ordinary users: a few to a few dozen each, most mutual.
    for uid in ordinary:
        wanted = min(len(ordinary) - 1, int(math.exp(rng.uniform(math.log(3), math.log(25)))))
        for friend in rng.sample(ordinary, wanted + 1):
            if friend == uid or uid in users[friend].following or friend in users[uid].following:
                continue
            roll = rng.random()
            if roll < config.mutual_share:
                follow(uid, friend)
                follow(friend, uid)
            elif roll < (1 + config.mutual_share) / 2:
                follow(uid, friend)
            else:
                follow(friend, uid)
    # Spam senders: followed by many ordinary users (follow-back schemes, bought followers).
    campaigns: list[tuple[str, list[str]]] = []
    for spammer in spammers:
        targets = rng.sample(ordinary, min(len(ordinary), rng.randint(10, 60)))
        for target in targets:
            follow(target, spammer)
        campaigns.append((spammer, targets))
    yield from graph
    graph.clear()

    for uid in ordinary:
        user = users[uid]
        user.rate = config.sessions_per_day * rng.lognormvariate(0, 0.6) / 86400
        _schedule_session(sim, users, user, start)
    for spammer, targets in campaigns:
        for _ in range(1 if rng.random() < 0.7 else 2):
            begin = start + rng.uniform(0, config.hours * 3600 * 0.9)
            _schedule_campaign(sim, spammer, targets, begin)
    victims = [u for u in ordinary if users[u].followers]
    n_victims = round(len(victims) * config.compromised_share)
    for number, victim in enumerate(rng.sample(victims, n_victims)):
        app = f"app{number // 5:03d}"  # one app compromises several users
        _schedule_compromise(sim, users[victim], app,
                             start + rng.uniform(0, config.hours * 3600 * 0.9))

    while sim.heap:
        t, _, action = heapq.heappop(sim.heap)
        yield from action(t)


def _schedule_session(sim: _Sim, users: dict[str, _User], user: _User, now: float) -> None:
    t = now + sim.rng.expovariate(user.rate)

    def session(at: float) -> Iterator[Event]:
        _schedule_session(sim, users, user, at)
        yield from _start_session(sim, users, user, at)

    sim.at(t, session)


def _start_session(sim: _Sim, users: dict[str, _User], user: _User, t: float) -> Iterator[Event]:
    rng = sim.rng
    if not user.followers:
        return
    roll = rng.random()
    if roll < 0.55:
        friend = rng.choice(user.followers)
        _conversation(sim, users, user.uid, friend, t, rng.randint(1, 6), 30, 900, "conversation")
    elif roll < 0.68:
        friend = rng.choice(user.followers)
        _conversation(sim, users, user.uid, friend, t, rng.randint(5, 25), 3, 40, "burst")
    elif roll < 0.85:
        _phrase(sim, users, user, t)
    else:
        yield from _invitation(sim, users, user, t)


def _conversation(sim: _Sim, users: dict[str, _User], a: str, b: str, t: float, turns: int,
                  low: float, high: float, tag: str) -> None:
    """``a`` writes to ``b``; ``b`` answers if ``a`` follows them; turns alternate."""
    rng = sim.rng
    speaker, listener = a, b
    for _ in range(turns):
        text = sim.texts.ham()
        sim.at(t, _emit(sim, speaker, [listener], text, "ham", tag))
        if rng.random() < 0.25:  # a second message before the other side answers
            t += rng.uniform(low, high) / 3
            sim.at(t, _emit(sim, speaker, [listener], sim.texts.ham(), "ham", tag))
        reader = users.get(listener)
        if reader is None or speaker not in reader.followers or rng.random() < 0.15:
            return  # the other side cannot (does not follow back) or does not answer
        t += rng.uniform(low, high)
        speaker, listener = listener, speaker


def _phrase(sim: _Sim, users: dict[str, _User], user: _User, t: float) -> None:
    """The same short text to several friends, one by one; some answer."""
    rng = sim.rng
    text = sim.texts.phrase()
    friends = rng.sample(user.followers, min(len(user.followers), rng.randint(3, 10)))
    for friend in friends:
        t += rng.uniform(5, 90)
        sim.at(t, _emit(sim, user.uid, [friend], text, "ham", "phrase"))
        reader = users.get(friend)
        if reader is not None and user.uid in reader.followers and rng.random() < 0.5:
            reply_at = t + rng.uniform(60, 3600)
            sim.at(reply_at, _emit(sim, friend, [user.uid], sim.texts.ham(), "ham", "reply"))


def _invitation(sim: _Sim, users: dict[str, _User], user: _User, t: float) -> Iterator[Event]:
    """A few friends invited: to a group conversation, or the same text to each."""
    rng = sim.rng
    friends = rng.sample(user.followers, min(len(user.followers), rng.randint(2, 5)))
    text = sim.texts.ham()
    if rng.random() < 0.5 and len(friends) >= 2:
        sim.conversations += 1
        cid = f"conv{sim.conversations:06d}"
        yield InviteEvent(round(t, 3), user.uid, tuple(friends), cid, (), "ham", "invitation")
        sim.at(t + 1, _emit(sim, user.uid, friends, text, "ham", "invitation", conversation=cid))
        members = [user.uid, *friends]
        for _ in range(rng.randint(0, 6)):
            t += rng.uniform(30, 1200)
            speaker = rng.choice(members)
            others = [m for m in members if m != speaker]
            sim.at(t, _emit(sim, speaker, others, sim.texts.ham(), "ham", "group",
                            conversation=cid))
        return
    for friend in friends:
        t += rng.uniform(10, 300)
        sim.at(t, _emit(sim, user.uid, [friend], text, "ham", "invitation"))
        reader = users.get(friend)
        if reader is not None and user.uid in reader.followers and rng.random() < 0.7:
            _conversation(sim, users, friend, user.uid, t + rng.uniform(60, 1800),
                          rng.randint(1, 3), 30, 900, "reply")


def _schedule_campaign(sim: _Sim, spammer: str, targets: list[str], t: float) -> None:
    rng = sim.rng
    base = sim.texts.spam()
    greet = rng.random() < 0.3  # "Hi <name>," in front, a common personalisation
    order = rng.sample(targets, len(targets))
    for target in order:
        t += rng.expovariate(1 / 30)
        text = evade(base, rng)
        if greet:
            text = clip(f"Hi {target}, {text}")
        sim.at(t, _emit(sim, spammer, [target], text, "spam", "campaign"))


def _schedule_compromise(sim: _Sim, victim: _User, app: str, t: float) -> None:
    rng = sim.rng
    base = sim.texts.spam()
    sim.at(t, _emit(sim, victim.uid, [victim.uid], evade(base, rng), "spam", "compromised_app",
                    app=app))
    for target in rng.sample(victim.followers, min(len(victim.followers), rng.randint(3, 15))):
        t += rng.expovariate(1 / 20)
        sim.at(t, _emit(sim, victim.uid, [target], evade(base, rng), "spam", "compromised_app",
                        app=app))


def _emit(sim: _Sim, sender: str, recipients: list[str], text: str, label: str, tag: str,
          **kw: str | None) -> Callable[[float], Iterator[Event]]:
    def action(t: float) -> Iterator[Event]:
        yield sim.send(t, sender, recipients, text, label=label, tag=tag, **kw)

    return action

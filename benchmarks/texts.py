"""Message texts for the benchmarks: varied synthetic sentences, or the corpus at run time.

The synthetic generator composes direct messages from many independent
fragments (greetings, plans, questions, places, times, small talk), so two
texts rarely look alike to the duplicates rule, as between real people. No
corpus text is in this file: ``corpus_texts`` reads the SMS collection only
when asked to, at run time.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

_GREETINGS = (
    "hey", "hi", "hello", "morning", "evening", "yo", "hey there", "good morning",
    "hiya", "ok so", "quick one", "sorry to bother you", "listen", "guess what",
)
_NAMES = (
    "Ana", "Ben", "Chloe", "Dev", "Elif", "Farid", "Greta", "Hiro", "Ines", "Jonas",
    "Kemal", "Lena", "Marco", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sami", "Tove",
)
_PLACES = (
    "the station", "the bakery on Elm street", "your sister's", "the gym", "the office",
    "the old cinema", "the park by the river", "the library", "the market", "Marco's flat",
    "the airport", "the climbing wall", "the noodle bar", "the garage", "the beach",
    "the bookshop", "platform four", "the north entrance", "the dentist", "the rooftop",
)
_TIMES = (
    "tonight", "tomorrow morning", "at 7", "around noon", "after work", "on Friday",
    "next week", "in ten minutes", "before lunch", "this weekend", "at half past six",
    "later today", "first thing Monday", "after the game", "once the rain stops",
)
_ACTIVITIES = (
    "grab a coffee", "go for a run", "watch the match", "fix the bike", "study for the exam",
    "pick up the keys", "see the new exhibition", "try that ramen place", "walk the dog",
    "finish the slides", "move the sofa", "plan the trip", "call your parents",
    "return the drill", "book the tickets", "bake something", "play some chess",
    "look at the flat", "swap the tyres", "practice the song",
)
_OBJECTS = (
    "charger", "umbrella", "blue notebook", "spare key", "headphones", "recipe", "invoice",
    "jacket", "parking ticket", "tent", "camera", "receipt", "guitar pick", "lunchbox",
    "library card", "scarf", "wallet", "train pass", "sunglasses", "usb stick",
)
_FEELINGS = (
    "so tired", "really happy about it", "a bit nervous", "starving", "in a rush",
    "stuck in traffic", "running late", "freezing", "actually quite excited", "not sure yet",
    "totally lost", "almost done", "still at my desk", "half asleep", "on my way",
)
_CLAUSES = (
    "want to {act} {time}?",
    "did you leave your {obj} at {place}?",
    "I'm {feel}",
    "meet me at {place} {time}",
    "bring the {obj} please",
    "can't find my {obj} anywhere",
    "{name} says we should {act}",
    "thanks for yesterday, {name} loved it",
    "running to {place} now",
    "text me when you're there",
    "any chance you could {act} with me {time}?",
    "no worries if not",
    "just got to {place}",
    "where are you?",
    "don't forget the {obj}!",
    "is {place} open {time}?",
    "{name} just dropped the {obj} at {place}",
    "happy to {act} but I'll be {feel}",
    "need the {obj} {time}",
    "long day",
    "shall we {act} {time}?",
    "ok deal, {place} {time}",
    "I'll {act} first and then come over",
    "{name} and I will {act} {time}",
    "join us at {place} if you like",
    "did {name} ever give back the {obj}?",
    "the {obj} is in my bag",
    "saw {name} at {place}, small world",
    "can we do {time} instead?",
    "my phone is dying",
    "call me when you can",
    "the bus is late again",
    "{name} got the job!!",
    "what time is the thing {time}?",
    "I owe you one for the {obj}",
    "we should {act} more often",
    "are you still at {place}?",
    "totally forgot to {act}, sorry",
    "mum asks if you're coming {time}",
    "the wifi at {place} is terrible",
)
_TAILS = (
    "", "", "", "", " :)", " xx", " thanks!", " see you", " cheers", " no rush",
    " let me know", " haha", " ok?", " pls reply", " 🙂",
)
_SHORT = ("ok", "sure!", "on my way", "thanks :)", "lol yes", "see you soon", "haha no", "k")


def synthetic_texts(count: int, *, seed: int = 1, short_share: float = 0.1) -> list[str]:
    """``count`` varied direct messages, 1 to 140 characters, reproducible from ``seed``."""
    rng = random.Random(seed)
    out: list[str] = []
    while len(out) < count:
        if rng.random() < short_share:
            out.append(rng.choice(_SHORT))
            continue
        slots = {
            "name": rng.choice(_NAMES), "place": rng.choice(_PLACES), "time": rng.choice(_TIMES),
            "act": rng.choice(_ACTIVITIES), "obj": rng.choice(_OBJECTS), "feel": rng.choice(_FEELINGS),
        }
        parts = [c.format(**slots) for c in rng.sample(_CLAUSES, rng.choice((1, 2, 2, 3)))]
        if rng.random() < 0.5:
            name = f" {slots['name']}" if rng.random() < 0.3 else ""
            parts.insert(0, rng.choice(_GREETINGS) + name)
        text = ""
        for part in parts:
            if text:
                text += " " if text[-1] in "?!" else ". "
            text += part[0].upper() + part[1:]
        text += rng.choice(_TAILS)
        out.append(text[:140])
    return out


def corpus_texts(path: Path, *, limit: int | None = None) -> list[str]:
    """The ham messages of the SMS Spam Collection that fit one direct message (run time only)."""
    texts: list[str] = []
    with path.open(encoding="utf-8", errors="replace", newline="") as handle:
        for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) < 2 or row[0].strip().lower() != "ham":
                continue
            text = row[1].strip()
            if 0 < len(text) <= 140:
                texts.append(text)
                if limit is not None and len(texts) >= limit:
                    break
    return texts


class TextSource:
    """An endless supply of texts: the corpus when given and readable, else synthetic ones."""

    def __init__(self, corpus: Path | None = None, *, seed: int = 1) -> None:
        self.origin = "synthetic"
        pool: list[str] = []
        if corpus is not None and corpus.exists():
            pool = corpus_texts(corpus)
            if pool:
                self.origin = f"corpus ({len(pool)} ham texts)"
        if not pool:
            pool = synthetic_texts(20_000, seed=seed)
        self._pool = pool
        self._rng = random.Random(seed)

    def next(self) -> str:
        return self._rng.choice(self._pool)

    def take(self, count: int) -> list[str]:
        return [self.next() for _ in range(count)]

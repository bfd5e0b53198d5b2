"""My own spinner: synonym sets, fillers, reordering, folding, personalisation."""
import re

SYN = [
    ["hi", "hey", "hello", "yo", "hiya", "heyy", "sup", "howdy", "greetings"],
    ["free", "no-cost", "complimentary", "on the house", "gratis", "zero cost"],
    ["win", "grab", "score", "take home", "bag", "land"],
    ["money", "cash", "funds", "income", "profit", "earnings", "$$"],
    ["now", "today", "right away", "asap", "this minute", "tonight"],
    ["click", "tap", "open", "visit", "hit", "go to"],
    ["message", "text", "hit up", "contact", "ping", "dm", "write to"],
    ["pictures", "pics", "photos", "snaps", "content", "vids"],
    ["job", "gig", "position", "role", "opportunity", "side hustle"],
    ["easy", "simple", "effortless", "no-brainer", "quick"],
    ["account", "acct", "profile", "login"],
    ["package", "parcel", "delivery", "shipment", "order"],
    ["verify", "confirm", "validate", "re-activate", "secure"],
    ["loan", "advance", "credit", "funding", "cash line"],
    ["guaranteed", "100%", "sure", "certain", "no risk"],
    ["beautiful", "cute", "gorgeous", "pretty", "handsome", "lovely"],
    ["lonely", "bored", "alone tonight", "single", "looking for fun"],
    ["daily", "a day", "every day", "per day", "each day"],
    ["limited", "few spots", "only today", "ending soon", "last chance"],
    ["help", "support", "assist", "sort it out"],
    ["prize", "reward", "gift", "bonus", "giveaway"],
    ["urgent", "important", "final notice", "action needed", "attention"],
]
SYNMAP = {}
for group in SYN:
    for w in group:
        SYNMAP[w] = group

FILLERS_PRE = ["honestly", "ok so", "btw", "listen", "not gonna lie", "real talk", "quick one", "fr", "lol",
               "omg", "so yeah", "just saying", "no joke", "psst", "guess what", "hey you", "umm", "ngl"]
FILLERS_POST = ["😉", "🔥", "💯", "✨", "!!", "🙏", "xx", ":)", "💸", "🚀", "❤️", "👀", "trust me", "dont miss it",
                "thank me later", "u won't regret", "seriously", "for real", "hurry", "cheers"]
GREET = ["Hi {n}", "Hey {n}!", "{n},", "Hello {n} :)", "Dear {n}", "Yo {n}", "{n}!!", "Hiya {n}", "Good evening {n}",
         "Hey there {n}", "Morning {n}", "{n} 👋"]
SIGN = ["- {s}", "xoxo {s}", "~{s}", "regards, {s}", "cheers {s}", "{s} here", "— team {s}", "luv {s}", "/{s}"]
NAMES = ["Anna", "Ben", "Carla", "Dev", "Eli", "Farah", "Gus", "Hana", "Ivan", "Jade", "Kofi", "Lara", "Milo",
         "Nora", "Omar", "Pia", "Quinn", "Rosa", "Sven", "Tara", "Umar", "Vera", "Wes", "Xena", "Yuki", "Zane"]

HOMO = {"a": "а", "e": "е", "o": "о", "c": "с", "p": "р", "i": "і", "x": "х", "y": "у"}
LEET = {"a": "4", "e": "3", "i": "1", "o": "0", "s": "5", "t": "7"}
SPEAK = {"you": "u", "are": "r", "to": "2", "for": "4", "your": "ur", "tonight": "2nite", "please": "pls",
         "thanks": "thx", "great": "gr8", "before": "b4", "free": "fr33", "see": "c", "today": "2day", "with": "w/"}


def fold(text, rng, p=0.35):
    """Folding evasions: look-alikes, leetspeak, spacing, text speak, case."""
    words = text.split(" ")
    out = []
    for w in words:
        lw = w.lower()
        r = rng.random()
        if lw in SPEAK and r < 0.5:
            w = SPEAK[lw]
        elif r < p * 0.3:
            w = "".join(HOMO.get(c, c) for c in w)
        elif r < p * 0.6:
            w = "".join(LEET.get(c, c) if rng.random() < 0.5 else c for c in w)
        elif r < p * 0.8 and len(w) > 3:
            w = ".".join(w) if rng.random() < 0.3 else w.upper()
        elif r < p and len(w) > 3:
            k = rng.randint(1, len(w) - 1)
            w = w[:k] + rng.choice(["\u200b", "*", "-", " "]) + w[k:]
        out.append(w)
    return " ".join(out)


def synonymise(text, rng, p=0.7):
    def rep(m):
        w = m.group(0)
        g = SYNMAP.get(w.lower())
        if g and rng.random() < p:
            return rng.choice(g)
        return w
    return re.sub(r"[A-Za-z$%]+", rep, text)


def reorder(text, rng):
    parts = [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]
    if len(parts) > 1:
        rng.shuffle(parts)
    return " ".join(parts)


def spin(text, rng, strength=1.0):
    t = synonymise(text, rng, 0.7 * strength)
    if rng.random() < 0.7 * strength:
        t = reorder(t, rng)
    if rng.random() < 0.6 * strength:
        t = rng.choice(FILLERS_PRE) + " " + t
    if rng.random() < 0.6 * strength:
        t = t + " " + rng.choice(FILLERS_POST)
    return t


def personalise(text, rng, name, sender_sig):
    g = rng.choice(GREET).format(n=name)
    code = rng.choice(["ref", "code", "#", "ID", "pin", "ticket"]) + " " + "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(rng.randint(4, 7)))
    parts = [g, text]
    if rng.random() < 0.7:
        parts.append(f"({code})")
    if rng.random() < 0.6:
        parts.append(rng.choice(SIGN).format(s=sender_sig))
    return " ".join(parts)


def fit(text, n=140):
    if len(text) <= n:
        return text
    cut = text[:n]
    if " " in cut[n - 30:]:
        cut = cut[:cut.rfind(" ")]
    return cut

"""Round 19: sixteen short-text spam families, written blind.

Written by an outside red-team helper who read only the public docs (README.md,
docs/policy.md, docs/spam.md, docs/rules.md) and rules/default.toml after short texts
were traced by default (never the reader, the fingerprint nor the adversary): openers
meant to be answered, wrong numbers, romance, tiny hooks, "check my profile", crypto
"friends", adult and sugar bait with a handle, emoji hooks, a short opener then a longer
text, and a lure then a way back. Each generator is ``gen(rng, sender, k) -> texts`` (the
texts sent, in order, to the sender's k-th target); ``FAMILIES`` turns them into the
harness's form (tests/redteam13/sim.py: ``family(rng) -> gen(rng, i) -> Msg``).
"""

from __future__ import annotations

import random

from tests.redteam13.sim import Msg

NAMES = ["Sam", "Mike", "Jess", "Anna", "Chris", "Tom", "Kate", "Dave", "Lisa", "Ben", "Emma",
         "Jake", "Sarah", "Matt", "Amy", "Dan", "Nina", "Rob", "Kim", "Alex", "Tony", "Mel",
         "Josh", "Zoe", "Luke", "Ella", "Ryan", "Sophie", "Nick", "Lucy", "Steve", "Maria"]
PLACES = ["gym", "work", "church", "the bar", "uni", "Tinder", "the party", "yoga", "school",
          "the conference", "Hinge", "the dog park", "the wedding", "Bumble"]
EMO = ["😊", "😘", "🙈", "😉", "🥰", "😏", "💕", "✨", "😅", "🤗", "😇", "🌹", "😍", "🙂", "👀", "🔥", ""]
GREET = ["hey", "hi", "hello", "heyy", "hiii", "hey there", "hi there", "yo", "hey hey", "hiya", "helloo"]
PUNCT = ["?", "??", "?!", " ?", "", "...?", "?? "]


def c(rng, xs):
    return rng.choice(xs)


# 1. baseline: one opener, the same to everyone ("hey, is this Sam?")
def naive_opener(rng, s, k):
    return ["hey, is this Sam?"]


# 2. the same opener folded per copy (case, look-alikes, spacing): what the docs say is folded
def folded_opener(rng, s, k):
    t = "hey, is this Sam?"
    t = "".join(ch.upper() if rng.random() < .3 else ch for ch in t)
    t = t.replace("e", c(rng, ["e", "е", "3"])).replace("i", c(rng, ["i", "і", "1"]))
    return [t + c(rng, EMO)]


# 3. wrong-number openers: a different name / place / wording each copy
WN = ["{g} is this {n}{p}", "{g} {n}? from {pl}{p}", "is this {n}{p} {e}", "{n}?? is that u{p}",
      "{g}, {n} right{p}", "sorry is this {n}{p}", "{g} {n} its me{p}", "{n} from {pl}{p}",
      "wait is this still {n}'s number{p}", "{g}! {n} is that you{p}", "did {n} change numbers{p}",
      "{g} is this {n} from {pl}{p}"]
def wrong_number(rng, s, k):
    t = c(rng, WN).format(g=c(rng, GREET), n=c(rng, NAMES), p=c(rng, PUNCT), pl=c(rng, PLACES), e=c(rng, EMO))
    return [(t + " " + c(rng, EMO)).strip()]


# 4. romance openers, "hi dear" style, spun and short
RO = ["{g} dear how are you{p}", "{g} dear, how is your day going{p}", "{g} handsome {e} how r u",
      "how was your day dear{p} {e}", "{g} sweetheart, u ok{p}", "good morning dear {e}",
      "{g} beautiful how is ur evening{p}", "{g} dear, u free to chat{p}", "nice to meet u dear {e}",
      "{g} stranger {e} how r u doing", "{g} love, hope ur well {e}", "{g} dear, did u sleep well{p}",
      "good evening sweetie {e}", "{g} cutie, whats up{p}"]
def romance_opener(rng, s, k):
    return [c(rng, RO).format(g=c(rng, GREET), p=c(rng, PUNCT), e=c(rng, EMO))]


# 5. tiny hooks under 8 letters ("u up?", "hi dear", emoji) -- naive
TINY = ["u up?", "hi dear", "hey u", "hiii", "😘", "wyd?", "u there?", "hey 😊", "hi 🙈", "sup?", "👀👀", "hey hun"]
def tiny_hooks(rng, s, k):
    return [c(rng, TINY)]


# 6. the same hooks padded to 8+ letters with emoji/filler words, spun
HK = ["u up rn {e}", "wyd tonight{p} {e}", "u still awake{p}", "heyy u there{p} {e}", "bored af wbu{p}",
      "miss talking to u {e}", "r u up babe{p}", "cant sleep lol {e}", "hey u busy rn{p}", "whatcha doing {e}",
      "are u awake{p} {e}", "hi hun u free{p}", "lonely tonight {e}", "wanna chat{p} {e}", "hey cutie wyd{p}",
      "up late again lol {e}", "so bored rn {e}"]
def padded_hooks(rng, s, k):
    return [c(rng, HK).format(e=c(rng, EMO), p=c(rng, PUNCT))]


# 7. "check my profile" lures, no link, no "bio"
CP = ["check my pfp {e}", "did u see my new pic{p}", "look at my last post {e}", "go see my new pics {e}",
      "rate my new profile pic{p}", "saw my story{p} {e}", "peep my latest post {e}", "like my new pic{p} {e}",
      "did u see what i posted{p}", "my new pics r up {e}", "check my profile babe {e}", "new selfie up {e} thoughts{p}",
      "what do u think of my pics{p}", "stalk my profile lol {e}"]
def check_profile(rng, s, k):
    return [c(rng, CP).format(e=c(rng, EMO), p=c(rng, PUNCT))]


# 8. crypto "friend" openers, no trade words
CR = ["{g}, u still into crypto{p}", "{g} long time! still trading{p}", "did u buy the dip{p} {e}",
      "btc is mooning, u in{p}", "{g} u into btc at all{p}", "{g} u still hold eth{p}",
      "made 5k this week lol {e}", "{g}, my mentor changed my life {e}", "u trade forex{p}",
      "{g} do u invest at all{p}", "{g} still mining{p}", "eth pumping, u see{p}", "crypto going crazy {e} u in{p}"]
def crypto_friend(rng, s, k):
    return [c(rng, CR).format(g=c(rng, GREET), p=c(rng, PUNCT), e=c(rng, EMO))]


# 9. adult bait with a way back the docs say is unread (a handle without a digit or "_",
#    named as the sender's own); the handle is fixed per sender
HANDLES = ["jessyxo", "kittykat", "bellaxoxo", "lunababe", "candyluv", "sweetmia", "roxyrose", "ambervibes", "lilynight", "missnova"]
AD = ["bored n lonely {e} my snap is {h}", "wanna see more{p} my snap is {h}", "my ig is {h} {e}",
      "add me {e} my snap is {h}", "my sc is {h} {e}", "feeling naughty {e} my snap is {h}",
      "{g} cutie my ig is {h}", "pics on my snap {h} {e}", "my snap is {h} dont be shy {e}",
      "my kik is {h} {e}"]
def adult_bait(rng, s, k):
    h = HANDLES[s % len(HANDLES)]
    return [c(rng, AD).format(e=c(rng, EMO), p=c(rng, PUNCT), h=h, g=c(rng, GREET))]


# 10. sugar-daddy/allowance bait, short, spelt around the pitch list
SD = ["need an sd{p} {e}", "looking for a sb {e}", "weekly allowance for u {e}", "i spoil my girls {e}",
      "let me spoil u {e}", "want a generous daddy{p}", "sd here, u interested{p}", "u need help with bills{p}",
      "sugar daddy here {e}", "i pay ur rent {e}", "ill send u a gift {e}", "wanna be my sugar baby{p}"]
def sugar(rng, s, k):
    return [c(rng, SD).format(e=c(rng, EMO), p=c(rng, PUNCT))]


# 11. emoji-heavy hooks (8+ letters hidden among emoji)
def emoji_hooks(rng, s, k):
    core = c(rng, ["hey handsome", "hi stranger", "miss u babe", "wyd tonight", "hey cutie pie",
                   "so lonely rn", "u free later", "thinking of u", "hi gorgeous"])
    es = "".join(c(rng, [e for e in EMO if e]) for _ in range(rng.randint(1, 4)))
    return [c(rng, [f"{es} {core}", f"{core} {es}", f"{es}{core}{es}"])]


# 12. a short opener, then a longer text (32-90 chars) with no way back, both spun
LONG = ["I think we met at {pl} last month, you were with {n}, right? I never got to say hi properly {e}",
        "sorry for the random message, you look so much like my friend {n} from {pl} haha {e}",
        "im new in town and dont know many people here yet, would love someone to talk to {e}",
        "I just moved back from abroad and my old phone died so Im rebuilding my contacts {e}",
        "honestly your profile made me smile today, you seem like a genuinely kind person {e}",
        "my cousin {n} said you might be able to help me with something, got a minute {p}"]
def mixed_short_long(rng, s, k):
    out = romance_opener(rng, s, k) if rng.random() < .5 else wrong_number(rng, s, k)
    out.append(c(rng, LONG).format(pl=c(rng, PLACES), n=c(rng, NAMES), e=c(rng, EMO), p=c(rng, PUNCT)))
    return out


# 13. one template, spun at the letter level (slang spellings, fillers) -- near copies?
def spun_single(rng, s, k):
    g = c(rng, ["hey", "hi", "heyy", "hii", "hello", "yo", "heya"])
    u = c(rng, ["you", "u", "ya", "yu"])
    a = c(rng, ["up", "awake", "around", "free"])
    tail = c(rng, ["", " babe", " hun", " cutie", " lol", " rn", " tonight", " still"])
    return [f"{g} are {u} {a}{tail}{c(rng, PUNCT)} {c(rng, EMO)}".strip()]


# 14. a tiny hook first, then an 8+ letters opener (the tiny one counted by short_to_strangers)
def hook_then_opener(rng, s, k):
    return [c(rng, ["hi", "hey", "u up?", "😘", "hii"]), wrong_number(rng, s, k)[0]]


GENERATORS = {f.__name__: f for f in [naive_opener, folded_opener, wrong_number, romance_opener, tiny_hooks,
                                       padded_hooks, check_profile, crypto_friend, adult_bait, sugar,
                                       emoji_hooks, mixed_short_long, spun_single, hook_then_opener]}


# 15. opener, then a way back the reader does not read (handle without digit/"_", per sender)
WB = ["my snap is {h} 👻", "add my snap {h} {e}", "my ig is {h} {e}", "my kik is {h}", "telegram {h} {e}",
      "my @ is {h}", "my sc {h} 👻", "my onlyfans {h} {e}", "@{h} on here {e}"]
def lure_then_handle(rng, s, k):
    h = HANDLES[s % len(HANDLES)]
    first = c(rng, [romance_opener, padded_hooks, wrong_number, emoji_hooks])(rng, s, k)
    return [*first, c(rng, WB).format(h=h, e=c(rng, EMO))]


# 16. opener, then a phone number the reader reads (control)
def lure_then_number(rng, s, k):
    return [*romance_opener(rng, s, k), f"text me {c(rng, ['babe', 'hun', 'x', ''])} 07700 900{s:03d} {c(rng, EMO)}"]


GENERATORS.update({f.__name__: f for f in [lure_then_handle, lure_then_number]})


def _family(gen):
    """The harness's form: a spammer fixes its index (its handle) for the day; a message
    is the texts to one new target, 2 to 4 minutes apart on average (the helper's pace)."""
    def family(rng: random.Random):
        sender = rng.randrange(len(HANDLES))

        def one(rng: random.Random, i: int) -> Msg:
            return Msg(parts=list(gen(rng, sender, i)), n=1, gap=20.0,
                       pace=rng.expovariate(1 / 120) + 5)
        return one
    return family


FAMILIES = {name: _family(gen) for name, gen in GENERATORS.items()}

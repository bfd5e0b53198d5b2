"""Whether a text reads as a promotion: a prize, an offer, a paid service, a lure.

A campaign needs its readers to act: a phone number or a link (``ways_back.read_contacts``),
or words that sell. Spam that rotates templates, spins synonyms or cuts its texts short
changes its words, not its trade: it still announces a prize to claim, a free offer, a
subscription, a chat line. The rules treat such a text like one with a contact
(``TextFacts.contact``): the duplicates rules compare it at their ``contact_similarity``,
and the strangers rules with ``with_contact`` count it.

Three lists (and the romance openers, below), read on the text folded (case, look-alike and small-capital letters,
invisible and control characters, letters spaced out, digits and symbols inside a word:
"pr1ze", "cl@im", "p.r.i.z.e"; digits and currency signs kept):

- *trade* words (2 points), rare in talk: "claim", "voucher", "winnings", "ringtone",
  "unsubscribe", "T&Cs", "150p/msg", "£500", "valued customer", "you have won", "get
  laid", and spintax forms of them ("complimentary", "been awarded", "redeem");
- *secondary* trade words (1 point), common in campaigns but met in talk too:
  "prize", "winner", "congratulations", "quiz", "latest", "bonus", "dating", "verify";
- *pitch* words (1 point), what a campaign adds to its trade: "free", "win", "txt",
  "urgent", "cash", "mobile", "reply".

A text reads as a promotion when it has a trade or secondary trade word and 3 points in
all, each word counted once and none inside another's match ("free entry" is one word):
two trade words, or one and a secondary or pitch word, or a secondary word and two
others; a few words need nothing else ("freemsg", "sexychat", "secret admirer"). "Pub
quiz tonight", "Congratulations to the team, well done!", "You won! drinks on me", "my
new ringtone" and "are you free? call me" are talk. Measured on the SMS Spam Collection
in docs/spam.md.
"""

from __future__ import annotations

import itertools
import re
import re._constants as _C
import re._parser as _P
import unicodedata
from typing import Any

from policy.normalize import (
    _BEFORE_NFKC,
    _CONTROLS,
    _INVISIBLE,
    _LEET,
    _LETTERS,
    _LOOKALIKES_KEEP_SYMBOLS,
    _SPACED,
    _unseen,
    unconfuse,
)

# NFKC can expand a character 18 times ("ﷺ"): the folded text is cut, as the engine cuts
# the raw one (fingerprint.MAX_CHARS).
_FOLDED_CHARS = 640

_TRADE = r"""
priz|awards?|awarded|winnings|sweepstakes?|lucky draw
|claim|claims|claimed|claiming|redeem|redeemed|redeeming|redeemable|vouchers?|giftcards?
|gift cards?|coupons?|guaranteed?|ringtones?|polyphonic
|unsubscribe|unsubscribed|unsub|optout|opt out|opt-out
|t ?& ?c'?s?|tcs|tncs?|terms and conditions|cust(?:omer)? care|valued (?:customer|client|member|subscriber|user)
|(?:you|u|ya)(?: have| ?['’]ve| hav)? (?:just )?won(?!['’])|been awarded|been selected|been chosen
|qualified for|secret admirer|helpline|hotline|ppm|p/min|per min(?:ute)?
|\d+p(?:/| per )(?:msg|min|txt|text|sms|wk|week|day)|\d+p|£\s?\d+|€\s?\d+|\d+\s?(?:gbp|euros?)
|complimentary|no-cost|zero-cost|gratis|free ?entry|freemsg|freephone|100% free|100% sure
|text (?:stop|yes|\w+ to \d)|reply (?:stop|yes|win)|stop to|send stop|end to
|final notice|final attempt|act fast|payout|% off|\d+ ?% off|dogging|horny|horniest
|hot (?:girls|babes|singles)|chat ?line|get laid|busty|saucy|sexychat|xxx ?(?:pics|videos?|movies?)
|camera phone|video phone|line rental|linerental|dating service
|account (?:is |has been )?(?:locked|blocked|suspended)|security alert|unusual activity
|passive income|guaranteed (?:returns?|profits?|income)|daily (?:returns?|profits?)
|investment (?:platform|plan|package)|double your (?:money|investment|crypto|btc)
|proofs? of (?:payment|withdrawal)|(?:token|crypto|nft) airdrops?|airdrops? (?:is |are )?(?:live|claim|eligible|tokens?)
|(?<!never )(?<!not )(?<!don't )(?:enter|import|validate|sync|send|submit|provide|type|share) (?:your |ur |the )?(?:12 |24 |12-word |24-word )?(?:seed|recovery|secret) phrase
|connect (?:your |ur )?wallet|earn from home|data optimi[sz]ers?
|free (?:tokens|crypto|btc|usdt|eth|nfts?|coins)
|sugar (?:daddy|baby|babe|mommy|momma|mummy)|spicy (?:pics|content|videos?)
|private content|naughty (?:pics|content|videos?)|clearance fee|unpaid (?:duties|customs)
|verification badge|blue (?:tick|badge|checkmark) (?:for|verification)|(?:buy|cheap|instant) followers
|real (?:active )?followers|playlist placement|no credit check|fund transfer
|compensation (?:payment|fund)|atm card|recovery (?:expert|specialist|service)|hack(?:ed)? (?:account )?recovery
|(?:weekly|monthly) (?:support|allowance)|paying (?:your|her|ur) bills
|(?:pamper|spoil) (?:someone|a (?:young )?lady)(?! in bed)
|support (?:(?:you|u) )?(?:weekly|every week)
|paid (?:per|for each) (?:task|like|follow|review)
|uncensored (?:set|pics?|vids?|videos?|content|photos?|album|collection)
|my (?:fansly|onlyfans|0nlyfans)
|(?:rep|represent) (?:our|the) (?:brand|label|store)|(?:insta) (?:rep|face|partner)
|no credit checks|approv\w* in minutes
|stock (?:alerts|signals|picks|tips) (?:channel|group|chat|server|room)
|(?:through|via) (?:your|ur) (?:webcam|camera)|(?:your|ur) (?:webcam|camera) while|hacked (?:your|ur) (?:device|phone)
|or (?:i|we) (?:post|share|send) (?:it|them)(?! back)|(?:private|personal) (?:lender|lending)|financier
|(?:whatever|any) (?:your|ur) (?:credit )?score|(?:fee|charge) upfront|pay (?:it )?back when (?:you|u) can
|warrant (?:is |has been |was )?(?:pending|issued|opened|out)|avoid (?:an )?arrest|money laundering
|trafficking (?:case|investigation)|cyber ?crime (?:unit|division)
|visas? (?:and|&) (?:flights?|tickets?) (?:paid|covered|included)|green card (?:lottery|draw)
|order booster|(?:like|rate) (?:videos|hotels) (?:from home|online)|paid same day
|(?:hundred|fifty|eighty|thousand)(?: dollars)? (?:a|per|every) day|sight unseen
|(?:f ?& ?f|friends (?:and|&) family) (?:only|payment)|pr (?:package|box)|free gift (?:package|box)
|(?:just|only) pay (?:for )?(?:the )?shipping|(?:(?<=\bour )|(?<=\bthis )|(?<=\bjoin )|(?<=\bjoin the )|(?<=\bjoin our )|(?<=\b(?:in|to) (?:the|our) ))(?:elite|vip|private|exclusive) (?:investors?|traders?|trading) (?:club|room|group|chat|community)|(?:elite|vip|private|exclusive) (?:investors?|traders?|trading) (?:club|room|group|chat|community)(?! (?:[a-z']+ ){0,4}(?:is|was|are|were|got|turned|sucks)\b)|(?:send|give|share|reply with|confirm) (?:me |us )?(?:your|ur|the) (?:login|log-in|sign-in) (?:email|e-mail|details|info|(?:password)|credentials)(?! (?:so (?:i|we) can (?:add|invite|share)|for (?:the |our |my )?(?:shared|team|netflix|wifi|drive|board|(?:workspace)|jira|slack|gym|spotify|hulu|disney)))
|(?:reply|answer|write back|respond) (?:with |w/ )(?:how much (?:you|u) owe(?! (?:me|us|him|her|them)\b)|(?:your|ur) (?:rough |total |current )?(?:balance|debt))
|so (?:i|we) can (?:lock|secure|protect|freeze) (?:it|your account|ur account|the account)
|(?:i'm|im|i am) (?:showing|teaching) (?:how to )?\d+ (?:people|ppl|peeps)(?: how)?(?= (?:this week|for free|before|only|today|rn)\b|\s*[.,!?;:]|$)
|to avoid (?:(?:your|ur|the|an?) )?(?:(?:(?:permanent)|account|page|profile|permanent account) )?deactivation|to avoid (?:(?:your|ur|the|an?) )?(?:permanent |account |page |profile |permanent account )(?:ban|(?:suspension)|(?:deletion)|(?:termination))|to avoid (?:a ban|being banned) (?:of|on|from) (?:your|ur|the) (?:account|page|profile)|to avoid (?:a ban|being banned|(?:suspension)|(?:deletion)|(?:termination))(?=\s*[:.!]|\s*$)|(?:signals|calls) (?:drop|go out) (?:at|every|daily|in)
|(?<!\bis )(?<!\bif )(?:bad|poor|any|all|low) (?:credit|scores?)(?: (?:is|are))? (?:ok|okay|welcome|(?:accepted)|considered)(?! as long| if| for (?:that|the|secured))
|(?<!\bi )(?<!\bwe )(?<!\bi'm )(?<!we're )(?<!\bi am )(?<!\bwe are )(?<!\bi was )(?<!\bwe were )(?<!\bgot )(?:qualif(?:y|ied)|eligible|(?:pre-?)?approved) (?:for )?(?:up to|as much as)(?= ?(?:[$£€] ?\d|\d{1,3}(?:,\d{3})+|\d{4,}|\d+(?:\.\d+)? ?(?:k|grand|thousand)\b|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|\w+teen) (?:hundred|grand|thousand)))
|(?:(?<![a-z'] )|(?<=\byour )|(?<=\bur ))(?:loan|advance|funding) (?:request|application) (?:is |was |has been )?(?:approved|ready(?! to))
|(?:i|we) (?:can |could )?lend (?:you |u )?(?:(?:up to|as much as)(?= ?(?:[$£€] ?\d{1,3}(?:,\d{3})+|[$£€]? ?\d{4,}|[$£€]? ?\d+(?:\.\d+)? ?(?:k|grand|thousand)\b|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|\w+teen) (?:thousand|grand)))|any amount|as much as (?:you|u) need)|licensed (?:money )?lenders?|registered (?:money )?lenders?|legit (?:money )?lenders?|certified (?:money )?lenders?
|(?:small|low|tiny) (?:fee|charge) (?:first(?! time| come)|upfront|up front|before)
|(?:international|global|online) (?:lottery|sweepstakes?)(?: draw)?(?! tickets?)
"""
_SECONDARY = r"""
prizes?|winners?|jackpots?|lotter(?:y|ies)|lucky day|congratulations|congratulation|selected|nominated|entitled
|eligible|quiz|competitions?|comp|weekly|wkly|latest|newest|brand new|hottest|exclusive
|bonus|bonuses|promos?|promotions?|promotional|discounts?|bargain|credits|survey|log ?onto
|dating|singles|discreet|matches|filthy|in your area|tariff|handset|upgrade|wap
|network operator|verify|verification|suspended|expires?|expiry|limited time|offer ends
|last chance|don'?t miss|tones|logos?|wallpapers?|subscribe|subscribed|subscription
|subscribers?|anytime mins|double mins|unlimited (?:texts?|txts?|calls?)|important information
|customer services?
|giveaways?|followers|withdrawals?|mentor|investors?|collab|collaboration|ambassadors?
|brand ambassador|account manager|work(?:ing)? from home|cash advance|beneficiary|inheritance
|inherited|next of kin|airdrops?|sponsorship|sponsored|promote|promoting|playlists?|hiring
|recruiter|recruiting|part[- ]time|side hustle|commission|no experience (?:needed|required)
|loans|lender|lenders|interest rate|loan offer|debt relief|allowance|weekly allowance|spoil
|spoiled|usdt|binance|forex|nfts?|tokens|wallet|wallet address|(?:trading|forex|crypto|vip) signals
|investment opportunity|discount code|promo code|support team|hacker|community guidelines
|copyright (?:infringement|violation|claim|strike)|appeal form|confirm your identity
|suspicious activity|redelivery|shipping fee|customs fee|business proposal|custom content
|recovered|restored|scammed|stolen funds|stolen crypto|stolen usdt|locked out
|exclusive content|flexible (?:work|job)|(?:private|vip|insider) (?:group|channel)(?! chat)
|financial (?:support|help)|pay (?:your|her|ur) bills|(?:pamper|spoil) (?:you|u|her)(?! in bed)|young lady
|support (?:you |u )?financially|per (?:follow|like|task|review)|(?:rate|review) (?:videos|products|hotels|apps)
|uncensored|my private (?:acc|account|page|snap|story)|(?:collab|partner) program|brand (?:rep|face|partner)
|bad credit|any credit(?! card| union)|no paperwork|approv\w* same day|behind on (?:bills|rent)|before payday
|we pay (?:very |really )?well|pay is (?:very |really )?(?:good|well)
|(?:only )?takes (?:only )?(?:\d+|an?|one) ?h(?:ours?|rs?)? (?:a day|daily|per day)
|stock (?:alerts|signals|picks|tips)|\d{2,3} ?% (?:accuracy|win ?rate|success)
|(?:limited|few|last) (?:seats|spots|slots)(?: left| remaining)?|(?:successful|wealthy|rich) (?:businessman|gentleman|man|ceo)
|signal (?:drops?|goes out|is coming|coming)(?! back| through| and going)|new (?:signal|trade) (?:drops?|goes out|is coming|coming)(?! back| through| and going)|next (?:signal|trade) (?:drops?|goes out|is coming|coming)(?! back| through| and going)|today'?s (?:signal|trade) (?:drops?|goes out|is coming|coming)(?! back| through| and going)
|trying to (?:sign|log) ?in (?:to|on|into) (?:your|ur) (?:account|profile|page)|attempting to (?:sign|log) ?in (?:to|on|into) (?:your|ur) (?:account|profile|page)|tried to (?:sign|log) ?in (?:to|on|into) (?:your|ur) (?:account|profile|page)|(?:gold|blue|verified) (?:badge|check|(?:checkmark)|tick)
|(?:debt|tax) (?:forgiveness|relief) (?:program|(?:programme)|plan|guidelines)|(?<!loan )(?:hardship|forgiveness) (?:program|(?:programme)|guidelines)
|(?:cut|reduce|lower|slash) (?:it|your \w+|ur \w+) (?:by|up to) \d+ ?%|see (?:if|whether) (?:you|u) qualify
|(?:detected|flagged|noticed) an? (?:login|log-in|sign-in|sign in) (?:attempt )?from|(?<=\b(?:with|from) )(?:the )?trust (?:&|and) safety (?:team|(?:security)|dept)
|on autopilot|faceless (?:videos?|channel|page|account)(?= for (?:me|you|u)\b| on autopilot)|(?:(?<=\bearn )|(?<=\bmake )|(?<=\bmakes )|(?<=\bearning )|(?<=\bmaking )|(?<=\d )|(?<=\dk )|(?<=\bbucks )|(?<=\bdollars ))extra (?:each|a|per|every) (?:week|day|month)
|dormant (?:account|fund|funds|deposit|estate)|(?:late|deceased) (?:client|(?:customer)|(?:investor)|depositor)
|(?:shares|sharing) (?:your|ur) (?:surname|last name|family name)|relative (?:with|bearing) (?:your|ur) (?:surname|name)
|(?:paid|free) (?:collab|collaboration|partnership)|no (?:follower|followers) (?:minimum|min|count|requirement)s?
|(?:continue|talk|chat|move|text|message|msg|interviews?|speak) (?:me |us )?(?:on|over on|to) (?:the )?(?:app with the (?:green|blue) (?:bubble|icon|logo|plane)|green (?:app|one)|(?:blue |paper )?plane app)
|barrister|notary|unclaimed|traced (?:it|this|the (?:funds|estate|account)) to (?:you|u)
|flexible (?:online |remote |part[- ]time )?(?:work|job|jobs|role)|paid (?:daily|weekly)|\d ?h(?:ours?|rs?)? (?:a|per) day
|(?:we|i)(?:'ll| will)? (?:cover|pay for|pay) (?:the )?shipping|ready for (?:their |new |forever )homes?|rehoming|papers included
|mature gentleman|busy ceo|(?<!\bi )(?<!\bwe )(?<!\bi'm )(?<!we're )(?<!\bi am )(?<!\bwe are )(?<!\bi was )(?<!\bwe were )(?<!\bgot )(?<!\bget )(?<!\bbe )pre-?approved|(?:same-day|same day|instant|quick|fast) (?:approval|funding)(?! (?:for|on|from|at|of) (?:the|my|our|his|her|their|a)\b)|(?:same-day|same day|instant|quick|fast) payout|same[- ]day deposit|for (?:release|disbursement)
"""
# What a romance scam opens with, to a stranger: read as a promotion with 3 of these in
# all, an opener at least and each kind of the others once ("are you single? you're cute
# and handsome lol" is one opener and one compliment; "god bless you dear, your faith is
# beautiful" has no opener), never with the trade lists' words.
_LURE = r"""
saw your (?:profile|photos?|pics?|pictures?|post|comment)|came across your (?:profile|page|account)
|(?:get to )?know you better|(?:can|may|could|shall) we be friends|be (?:my|your) friend
|looking for (?:a |an |my )?(?:serious|honest|true|long[- ]term|real|caring|good) (?:relationship|man|woman|partner|friendship|love|lady|person)
|long[- ]term relationship|are (?:you|u) single|are (?:you|u) married|hello dear|hi dear
|caught my (?:attention|eye)|random message|recommended friends|(?:my|your) suggestions
|noticed your (?:page|profile|account|photos?)|popped up|suggested (?:list|friends)
|(?:hope|if) you don'?t mind|(?:like|love) to chat with you|know each other
|(?:like|love) to know (?:more about )?you|someone genuine|kind (?:soul|heart)|found you through
"""
# The kinds of romance words: a compliment, a status, a trade that keeps them far away,
# faith (each kind counts once)
_ROMANCE_KINDS = {
    "compliment": r"dear|beautiful|handsome|gorgeous|sweetheart|sunshine|smile|cute",
    "status": r"single|lonely|friendship|relationship|widow|widower|widowed|divorced",
    "trade": r"soldier|army|navy|military|engineer|doctor|surgeon|retired|deployment|deployed"
             r"|oil rig|peacekeeping|offshore|cargo ship|marine",
    "faith": r"faith|god bless (?:you|u)|honest",
}
_ROMANCE = "|".join(_ROMANCE_KINDS.values())
_KINDS = re.compile("|".join(f"(?P<{kind}>{words})" for kind, words in _ROMANCE_KINDS.items()))
_GREETINGS = frozenset(("hello dear", "hi dear"))
_PITCH = r"""
free|win|won|wins|reward|rewards|gift|gifts|urgent|urgently|offers?|deals?|txt|sms|reply
|respond|collect|receive|valid|apply|entry|tickets?|holiday|vacation|cruise|getaway|draw
|drawn|lucky|money|funds|dosh|loan|credit|debt|cash|delivery|parcel|mobile|mob
|nokia|network|adult|sex|sexy|babes|fancies|pics|video|download|\$\s?\d{2,}
|great news|good news|well done|congrats|asap|immediately|right away|act now|hurry|grab|secure
|pick up|chance|opportunity|special|attention|important|customer|client|members?|subscriber
|crypto|bitcoin|btc|eth|invest|investment|investing|profits?|earn|earning|earnings|income
|interested|intrested|daily|legit|risk|serious|kindly|cutie|guaranteed|instantly|fee|fees
|\+\s?\d{2,4}(?:\.\d+)?\s?%|\$\s?\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)? ?million|(?:usd|gbp|eur) ?\d{1,3}(?:,\d{3})+
"""
# Words of one topic count once among the secondary and among the pitch words
# ("hiring", "part-time" and "no experience needed" are one job; "loans", "lender" and
# "interest rate" one loan): a campaign mixes topics (a job, a fee, a way back), talk about
# one thing repeats its words.
_TOPICS = {
    "job": r"hiring|recruit\w*|part[- ]time|side hustle|commission|no experience \w+"
           r"|work(?:ing)? from home",
    "loan": r"loans?|lenders?|interest rate|loan offer|debt relief|cash advance|credit|debt"
            r"|(?:debt|loan|tax) (?:forgiveness|relief) (?:program|programme|plan|guidelines)",
    "social": r"giveaways?|followers|collab\w*|(?:brand )?ambassadors?|sponsor\w*|promot\w*"
              r"|playlists?|winners?",
    "coin": r"withdrawals?|mentor|investors?|usdt|binance|forex|nfts?|tokens|wallet(?: address)?"
            r"|\w+ signals|account manager|investment opportunity|airdrops?",
    "estate": r"beneficiary|inherit\w*|next of kin|business proposal|barrister|notary|unclaimed",
    "notice": r"community guidelines|copyright \w+|appeal form|confirm your identity"
              r"|suspicious activity|support team|hacker|recovered|restored|scammed"
              r"|stolen \w+|locked out",
    "parcel": r"redelivery|shipping fee|customs fee|delivery|parcel",
    "sugar": r"(?:weekly )?allowance|spoil(?:ed)?",
    "content": r"(?:custom|exclusive) content",
    "code": r"(?:discount|promo) code",
    "coins": r"crypto|bitcoin|btc|eth",
    "gain": r"invest\w*|profits?|earn\w*|income",
    "fee": r"fees?",
    "shift": r"\d ?h(?:ours?|rs?)? (?:a|per) day|paid (?:daily|weekly)",
}
_TOPIC = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in _TOPICS.items()))


def _alternatives(listing: str) -> str:
    return "(?:" + listing.replace("\n", "") + ")"


def _split(listing: str) -> list[str]:
    """The top-level alternatives of a list (not those inside brackets or groups)."""
    out, depth, start, escaped = [], 0, 0, False
    text = listing.replace("\n", "")
    for at, ch in enumerate(text):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(text[start:at])
            start = at + 1
    out.append(text[start:])
    return [alt for alt in out if alt]


# A group of plain words that starts an alternative ("(?:bad|poor|any) credit ok")
_LEADING_GROUP = re.compile(r"\(\?:((?:[a-z0-9' -]+\|)+[a-z0-9' -]+)\)")


def _distributed(alt: str) -> list[str]:
    """``alt`` as one alternative per word of the group it starts with ("bad credit ok",
    "poor credit ok", ...), so that each is grouped by its first letter; as it is when the
    group is optional or repeated."""
    m = _LEADING_GROUP.match(alt)
    if m is None or alt[m.end():m.end() + 1] in ("?", "*", "+", "{"):
        return [alt]
    return [word + alt[m.end():] for word in m.group(1).split("|")]


def _starts(items: Any) -> tuple[frozenset[str], bool] | None:
    """The characters a match of parsed ``items`` (``re._parser``) can start with, and
    whether it can match nothing; None where that cannot be told simply (a class, any
    character). Look-arounds and word boundaries take no character."""
    out: set[str] = set()
    for op, av in items:
        if op in (_C.ASSERT, _C.ASSERT_NOT, _C.AT):
            continue
        if op is _C.LITERAL:
            return frozenset(out | {chr(av)}), False
        if op is _C.SUBPATTERN:
            found = _starts(av[-1])
        elif op is _C.BRANCH:
            branches = [_starts(branch) for branch in av[1]]
            if any(b is None for b in branches):
                return None
            found = (frozenset().union(*(b[0] for b in branches if b)),
                     any(b[1] for b in branches if b))
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT):
            found = _starts(av[2])
            if found is not None:
                found = (found[0], found[1] or av[0] == 0)
        else:
            return None
        if found is None:
            return None
        out |= found[0]
        if not found[1]:
            return frozenset(out), False
    return frozenset(out), True


def _guarded(alt: str) -> str:
    """``alt`` with a look-ahead for the letters it can start with first ("(?=[bpal])" before
    "(?<!is )(?:bad|poor|any|all|low) credit ok"): an alternative that starts with a
    look-behind or a group it could not be distributed from is tried at every word, and 20
    of them cost the reader a third of its time; the look-ahead fails at once on the
    others. As it is where the letters cannot be told."""
    try:
        found = _starts(_P.parse(alt))
    except Exception:  # a private parser: no look-ahead is always right
        return alt
    if found is None or found[1] or not found[0]:
        return alt
    return "(?=[" + "".join(sorted(re.escape(ch) for ch in found[0])) + "])" + alt


def _by_first_letter(listing: str) -> str:
    """The alternatives of a list grouped by their first character, when it is a plain
    one ("c(?:laim|laims|...)"): the engine tries a word's first letter once per group
    instead of every alternative (the lists hold hundreds). The others, in their order,
    first; within a group, the list's order."""
    groups: dict[str, list[str]] = {}
    other: list[str] = []
    for alt in (one for listed in _split(listing) for one in _distributed(listed)):
        first = alt[0]
        if first.isalnum() and first.isascii() and (len(alt) == 1 or alt[1] not in "?*+{"):
            groups.setdefault(first, []).append(alt[1:])
        else:
            other.append(_guarded(alt))
    factored = [f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in groups.items()]
    return "(?:" + "|".join(other + factored) + ")"


# One pass over the text for the three lists (a named group says which list matched).
_WORDS = re.compile(r"(?<![a-z0-9])(?:(?P<t>" + _by_first_letter(_TRADE) + r")|(?P<s>"
                    + _by_first_letter(_SECONDARY) + r")|(?P<l>" + _by_first_letter(_LURE)
                    + r")|(?P<p>" + _by_first_letter(_PITCH) + r")|(?P<r>"
                    + _by_first_letter(_ROMANCE) + r"))(?![a-z0-9])")
_TRADE_WORD = re.compile(_alternatives(_TRADE))
# Read alone as a promotion: no talk says these.
_ALONE = frozenset(("freemsg", "sexychat", "secretadmirer", "datingservice", "xxxpics",
                    "xxxvideo", "xxxvideos",
                    # "the uncensored set" is sold; "the uncensored version of the movie" is talk
                    *("uncensored" + what for what in (
                        "set", "pic", "pics", "vid", "vids", "video", "videos", "content",
                        "photo", "photos", "album", "collection"))))
# Long trade words are read in the letters with the spaces taken out as well: spacing
# evasions cut words ("sELecT Ed", "vouc her"), read where a match starts and ends where
# the text's pieces do ("ineligible" is no "eligible"). The lists are cut at every "|", so
# a long word between two "|" inside a group is read so too: one that must not be alone is
# wrapped ("(?:registered)", "(?:accepted)").
_LONG = re.compile("|".join(sorted(
    (w for w in (_TRADE + "|" + _SECONDARY).replace("\n", "").split("|")
     if w.isalpha() and len(w) >= 8),
    key=len, reverse=True)))
_PIECES = re.compile(r"[a-z]+")


def _obfuscated(cuts: str) -> re.Pattern[str]:
    """A word with digits or symbols among its letters, ``cuts`` the symbols that may
    stand between its pieces ("p.r.i.z.e", "pri-ze"); the symbols that stand for letters
    ("cl@im", "pr!ze") and the digits ("pr1ze") are the same for every reading."""
    return re.compile(rf"(?<![a-z0-9])(?=[a-z0-9@$!|{cuts}]*[a-z])(?=[a-z@$!|{cuts}]*[0-9@$!|{cuts}])"
                      rf"[a-z0-9@$!|]+(?:[{cuts}]+[a-z0-9@$!|]+)+|(?<![a-z0-9])(?=\d?[a-z@$!|]*[a-z])"
                      r"(?=[a-z]*[0-9@$!|])[a-z0-9@$!|]{3,}")


# A word with digits or symbols among its letters ("pr1ze", "cl@im", "p.r.i.z.e", "pri-ze",
# "c/l/a/i/m", "c~l~a~i~m"), read again with them as the letters they stand for; not
# "150p", "2nite", "b4", "10am".
_OBFUSCATED = _obfuscated(".*_/~-")
# Cheap first: a letter, then digits or symbols, then a letter ("pr1ze", "p.r.i.z.e"), or a
# word that starts with one ("1ncredible"); most texts have none.
_MAYBE_OBFUSCATED = re.compile(r"[a-z][0-9@$!|.*_/~-]+[a-z]|(?<![a-z0-9])[0-9@$!|][a-z]{2}")
_NUMBERISH = re.compile(r"\d+[a-z]{0,3}|[a-z]{0,3}\d+")
_SYMBOLS_IN_WORD = re.compile(r"[.*_/~-]")
_KEY = re.compile(r"[^a-z0-9£€%&]")  # "opt out", "opt-out", "optout": one word


def _fold(text: str) -> str:
    if not text.isprintable():
        text = _CONTROLS.sub("", text)
    if text.isascii():
        folded = text[:_FOLDED_CHARS].lower()  # cut as the other branch is: some patterns
        # are quadratic in a run of symbols ("@" * 10,000 took 2 s uncut)
    else:
        folded = unicodedata.normalize("NFKC", text.translate(_BEFORE_NFKC))
        # (look-alikes mixed into Latin words as their letters, before case folding)
        folded = unconfuse(_INVISIBLE.sub("", folded[:_FOLDED_CHARS])).casefold()
        folded = _unseen()[0].sub("", folded)
        # Currency signs and "@" kept (read_contacts' table): "£500" is a prize, "$" a price.
        folded = folded.translate(_LETTERS).translate(_LOOKALIKES_KEEP_SYMBOLS)
        if not folded.isascii():
            folded = "".join(ch for ch in unicodedata.normalize("NFKD", folded)
                             if not unicodedata.combining(ch))
    folded = " ".join(folded.split())
    if "'" in folded or "\u2019" in folded:  # "w'o'n", "c'a'l'l": letters between apostrophes
        folded = _APOSTROPHED.sub(lambda m: m.group().replace("'", "").replace("\u2019", ""),
                                  folded)
        # and one inside a word that is no contraction ("cl'aim", "f'ree"; not "don't", "o'clock")
        folded = _INNER_APOSTROPHE.sub(r"\1\2", folded)
    # "F R E E  E N T R Y": letters spaced out are read as one word (as read_contacts does).
    return _SPACED.sub(lambda m: m.group().replace(" ", ""), folded)


_INNER_APOSTROPHE = re.compile(r"\b([a-z]{1,3})['\u2019](?!(?:s|t|re|ve|ll|d|m|clock|er|all|neill?)\b)"
                               r"([a-z]{2,})\b")
_APOSTROPHED = re.compile(r"(?<![a-z0-9'\u2019])[a-z](?:['\u2019][a-z]){2,}['\u2019]?(?![a-z0-9])")
# A letter masked by "*" ("aw*rd", "fr*3", "c0mplim*nt*ry"): most often a vowel. A word with
# one or two read as a trade word when one of the vowels makes it one.
_NOT_MASK = re.compile(r"[._/~-]")
_MAX_MASKED = 48  # words tried a text, as each vowel in place of each "*"
_VOWELS = "aeiouy"


def _unmasked(word: str, budget: list[int]) -> str | None:
    masked = _NOT_MASK.sub("", word).translate(_LEET)
    parts = masked.split("*")
    if not 2 <= len(parts) <= 3 or len(masked) < 4 or not parts[0]:
        return None
    for fill in itertools.product(_VOWELS, repeat=len(parts) - 1):
        if budget[0] <= 0:
            return None
        budget[0] -= 1
        candidate = parts[0] + "".join(f + p for f, p in zip(fill, parts[1:], strict=True))
        found = _WORDS.fullmatch(candidate)
        if found is not None and found.lastgroup in ("t", "s"):
            return candidate
    return None


# _OBFUSCATED without "/" and "~": how a word cut by them into pieces longer than a letter
# is read, but for a trade word ("w/in", "T/Cs", "free~entry" are talk; "c/l/a/i/m" and
# "cl/aim" are not)
_OBFUSCATED_NO_SLASH = _obfuscated(".*_-")
_LEET_L = str.maketrans({**{k: chr(v) for k, v in _LEET.items()}, ord("1"): "l", ord("|"): "l"})
_CUT = re.compile(r"[/~]")


def _plain(match: re.Match[str], masks: list[int] | None = None) -> str:
    word = match.group()
    if _CUT.search(word) and any(len(p) > 1 for p in _CUT.split(word) if p):
        # Pieces longer than a letter: joined only into a trade word ("cl/aim", "pr~ize"),
        # not into a pitch word ("w/in" is "within") or a phrase of talk.
        joined = _SYMBOLS_IN_WORD.sub("", word).translate(_LEET)
        found = _WORDS.fullmatch(joined)
        if found is not None and found.lastgroup in ("t", "s"):
            return joined
        return _OBFUSCATED_NO_SLASH.sub(_plain, word)
    if _NUMBERISH.fullmatch(word):
        return word
    if "*" in word and masks is not None and masks[0] > 0:
        if (unmasked := _unmasked(word, masks)) is not None:
            return unmasked
    plain = _SYMBOLS_IN_WORD.sub("", word)
    joined = plain.translate(_LEET)
    if "1" in plain or "|" in plain:  # "1" stands for "l" as often as for "i": "c1aim"
        other = plain.translate(_LEET_L)
        if _WORDS.fullmatch(other) is not None and _WORDS.fullmatch(joined) is None:
            return other
    return joined


def _key(word: str) -> str:
    """What a word of the lists counts as: its topic (_TOPICS), else itself."""
    topic = _TOPIC.fullmatch(word)
    if topic is not None and topic.lastgroup:
        return topic.lastgroup
    return _KEY.sub("", word)


def _read(folded: str) -> bool:
    trade: set[str] = set()
    secondary: set[str] = set()
    pitch: list[str] = []
    # One pattern, so no two matches overlap: a word inside a phrase already read ("free"
    # in "free entry") is never read again.
    lure: set[str] = set()
    romance: set[str] = set()
    read: set[str] = set()  # the trade and secondary words as read (their topics aside)
    for m in _WORDS.finditer(folded):
        group = m.lastgroup
        if group == "l":
            lure.add(m.group())
            continue
        if group == "r":
            kind = _KINDS.fullmatch(m.group())  # always: one table, _ROMANCE_KINDS
            romance.add(kind.lastgroup or "" if kind is not None else "")
            continue
        key = _key(m.group())
        if group == "p":
            pitch.append(key)
        else:
            read.add(_KEY.sub("", m.group()))
            (trade if group == "t" else secondary).add(key)
    # a compliment and faith are a church's welcome too ("hi dear! such a sweet smile, God
    # bless you"): an opener besides "hi dear", or a status or a faraway trade, with them
    if lure and len(lure) + len(romance) >= 3 and (
            len(lure - _GREETINGS) >= 2 or "status" in romance or "trade" in romance):
        return True
    points = 2 * len(trade) + len(secondary - trade)
    if points < 3:
        # Spacing evasions: long words read across the pieces the spaces cut.
        pieces = _PIECES.findall(folded)
        if len(pieces) > 1:
            squeezed = "".join(pieces)
            edges, at = {len(squeezed)}, 0
            for piece in pieces:
                edges.add(at)
                at += len(piece)
            for m in _LONG.finditer(squeezed):
                key = m.group()
                # Not a word of a phrase already read ("been selected", "selected").
                if (m.start() in edges and m.end() in edges
                        and not any(key in found for found in read)):
                    (trade if _TRADE_WORD.fullmatch(key) else secondary).add(_key(key))
            points = 2 * len(trade) + len(secondary - trade)
    if points == 0:
        return False  # pitch words alone are talk: "are you free? call me"
    if points >= 3 or not _ALONE.isdisjoint(trade):
        return True
    seen = trade | secondary
    for key in pitch:
        if key not in seen:
            seen.add(key)
            points += 1
            if points >= 3:
                return True
    return False


# The pitch words of a scam rather than of talk (topics of _TOPICS among them): with an
# account named, they make it a campaign's ("free", "video", "reply" are talk too, and
# "daily" and "interested" a yoga series' and a rescue's words)
_SCAM_PITCH = frozenset(("coins", "gain", "fee", "legit", "guaranteed", "instantly", "kindly",
                         "risk"))


# A testimony for the account a text names: "@x helped my family build our savings", "I hired
# @y, got it all returned", "just received another payout" (a mentor's or a recovery
# "expert"'s campaign names its account in words of gain, not of trade; red team round 13)
_TESTIMONY = re.compile(
    r"(?<![a-z])(?:(?:got|had) (?:it all|everything|mine|my \w+) (?:restored|returned)"
    r"|(?:get|getting|got) (?:back )?(?:your|ur|my|lost) (?:money|funds|crypto)(?: back)?"
    r"|recover(?:ed|ing|y)? (?:of )?(?:your|ur|my|the|lost) (?:money|funds|crypto|wallet))(?![a-z])")
# words of gain that talk uses too ("cashed out his 401k", "her portfolio", "helped me get a
# job", "got my luggage back"): a testimony only with a word of money in the text
_TESTIMONY_WEAK = re.compile(
    r"(?<![a-z])(?:withdrew|cashed out|payouts?|portfolio"
    r"|(?:got|had) (?:it all|everything|mine|my \w+) back"
    r"|help(?:ed|ing|s)? (?:me|my \w+|get|you|u) (?:\w+ )?(?:recover|get|grow|build|restored?))(?![a-z])")
_MONEY = re.compile(r"(?<![a-z])(?:money|funds|crypto|usdt|btc|bitcoin|eth|profits?|gains|returns"
                    r"|earnings|savings|invest\w*|trading|trades?|wallet|platform)(?![a-z])|\$\s?\d")


def has_scam_words(text: str) -> bool:
    """Whether ``text`` has a trade or secondary trade word, a scam's pitch word
    (``_SCAM_PITCH``) or a testimony (``_TESTIMONY``), read as written: a promotion's
    smallest trace ("ambassador", "legit", "usdt", "got it all back"). A job's word counts only with a word of pay: "the team's recruiting,
    DM @frostbite_gg" is an amateur team's."""
    folded = _fold(text)
    if _TESTIMONY.search(folded) or (_TESTIMONY_WEAK.search(folded) and _MONEY.search(folded)):
        return True
    for m in _WORDS.finditer(folded):
        if m.lastgroup == "s" and _JOB_ALONE.fullmatch(m.group()) and not _PAY.search(folded):
            continue
        if m.lastgroup in ("t", "s") or (m.lastgroup == "p" and _key(m.group()) in _SCAM_PITCH):
            return True
    return False


_JOB_ALONE = re.compile(r"hiring|recruit\w*|part[- ]time")
_PAY = re.compile(r"(?<![a-z])(?:pay|paid|pays|salary|wages?|earn\w*|income|commission"
                  r"|per (?:hour|day|week|task)|daily|weekly|\$\s?\d|usdt|crypto|btc)(?![a-z])")


# Asking for a one-time code the reader was sent: the answer is the way into their account
# ("you'll get a 6 digit code, just send it here", "read me the code we texted you"; not
# "don't give anyone your code"; round 14)
_CODE_ASKED = re.compile(
    r"(?<!n't )(?<!not )(?<!never )\b(?:send|reply with|read|give|tell|share|forward|answer)"
    r"(?: me| us)?(?: back)? (?:the|that|this|your|ur) (?:\d[ -]?digit |six[ -]digit |verification "
    r"|security |login |confirmation |one[ -]time )?code (?:(?:you|u) (?:just )?(?:got|get|received"
    r"|receive|will get)|(?:we|i) (?:just )?(?:sent|texted) (?:you|u))"
    r"|(?:you|u)(?:'ll| will) (?:get|receive) an? (?:\d[ -]?digit |six[ -]digit |verification )?code"
    r"[^.!?]{0,20}?(?:send|reply|give|forward) (?:it|the code)")


def reads_as_promotion(text: str) -> bool:
    """Whether ``text`` has a trade or secondary trade word and 3 points in all, read as
    written and, where a word has digits or symbols among its letters, as they stand for
    (the module's docstring)."""
    folded = _fold(text)
    if _read(folded) or ("code" in folded and _CODE_ASKED.search(folded)):
        return True
    if _MAYBE_OBFUSCATED.search(folded) is None:
        return False
    # (a letter masked by "*" tried as each vowel, 48 tries a text at most: a text of
    # masked words costs no more than a few)
    masks = [_MAX_MASKED]
    plain = _OBFUSCATED.sub(lambda m: _plain(m, masks), folded)
    # read again as the digits and symbols stand for ("reply with the code y0u got")
    if plain != folded and (_read(plain) or ("code" in plain and _CODE_ASKED.search(plain)
                                             is not None)):
        return True
    # and with a trade word's pieces joined again ("hol iday", "sele- cted", "collec ~ tion")
    joined = _joined_pieces(plain)
    return joined is not None and _read(joined)


_PIECE_CUTS = "-~"
# Two words that make a trade word are a phrase of talk ("air drop", "pay out", "give away")
_PHRASE_WORDS = frozenset("air drop pay out give away cash back sign up free be win won in on "
                          "off hand give take get hot line lot tery check top wall paper".split())


def _joined_pieces(text: str) -> str | None:
    """``text`` with each two neighbouring words that make a trade word joined, or None
    when there are none (a text that has other marks of obfuscation only)."""
    words = [w for w in text.split() if w.strip(_PIECE_CUTS)]
    out: list[str] = []
    changed = False
    i = 0
    while i < len(words):
        a = words[i].strip(_PIECE_CUTS)
        if i + 1 < len(words):
            b = words[i + 1].strip(_PIECE_CUTS)
            if (a.isalpha() and b.isalpha() and len(a) + len(b) >= 5
                    and not (a in _PHRASE_WORDS and b in _PHRASE_WORDS)):
                found = _WORDS.fullmatch(a + b)
                if found is not None and found.lastgroup in ("t", "s"):
                    out.append(a + b)
                    changed = True
                    i += 2
                    continue
        out.append(words[i])
        i += 1
    return " ".join(out) if changed else None

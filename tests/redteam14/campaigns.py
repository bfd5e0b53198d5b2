"""Round 14's outside red-team families (new texts, own variation engine), written by a
helper to evade the reader it had read: payment apps, stories, 2020s pitches without a
trade word. Kept as written; `python -m tests.redteam14.run` prints the table."""
from __future__ import annotations

import re

from tests.redteam13 import sim

ZW = ["\u200b", "\u200c", "\u2060"]
LOOK = {"a": "а", "e": "е", "o": "о", "c": "с", "p": "р", "x": "х", "i": "і"}
LEET = {"a": "4", "e": "3", "o": "0", "i": "1", "s": "5"}
EMOJI = ["🙂", "🙏", "✨", "👀", "🔥", "💯", "😊", "🤝", "📦", "🎁", "❤️", "👍", "😅", ""]
NAMES = ["lena", "mira", "josh", "tara", "kai", "nora", "eli", "rhea", "omar", "zoe", "luca", "ivy"]
SURN = ["grey", "lux", "park", "vale", "stone", "reed", "moss", "hart", "cole", "wynn"]

def spin(t, rng):
    while True:
        m = re.search(r"\{([^{}]*)\}", t)
        if not m:
            return t
        t = t[:m.start()] + rng.choice(m.group(1).split("|")) + t[m.end():]

def handle(rng, style="_"):
    a, b = rng.choice(NAMES), rng.choice(SURN)
    return rng.choice([f"{a}{style}{b}", f"{a}.{b}", f"{b}{a}", f"{a}{b}{rng.randint(2,9)}"])

def person(rng):
    return rng.choice(["Lena", "Mark", "Sofia", "Daniel", "Amy", "Chris", "Nadia", "Ben"])

def obfuscate(t, rng, level=0.5):
    """light per-copy noise: emoji, zero-width, look-alikes, leet, case, line breaks"""
    r = rng.random()
    out = t
    if r < 0.25 * level:
        out = "".join(LOOK.get(ch, ch) if rng.random() < 0.15 else ch for ch in out)
    elif r < 0.45 * level:
        words = out.split(" ")
        out = " ".join(w if rng.random() > 0.1 or len(w) < 4 else w[:2] + rng.choice(ZW) + w[2:] for w in words)
    elif r < 0.6 * level:
        out = "".join(LEET.get(ch, ch) if rng.random() < 0.08 else ch for ch in out)
    if rng.random() < 0.4:
        out = out.replace(", ", ",\n", 1)
    if rng.random() < 0.5:
        out = out + " " + rng.choice(EMOJI)
    if rng.random() < 0.2:
        out = out.lower()
    return out.strip()[:140]

def fill(t, rng, ctx):
    t = spin(t, rng)
    for k, v in ctx.items():
        t = t.replace(f"<{k}>", str(v))
    return t

def family(bases, parts_p=0.3, n_choices=(1,), level=0.6, ctx_fn=None):
    """bases: list of templates; a template may be a tuple of parts."""
    def gen(rng):
        pool = [handle(rng) for _ in range(rng.choice([1, 3, 6]))]
        def make(rng, i):
            b = rng.choice(bases)
            ctx = {"h": rng.choice(pool), "name": person(rng), "n": rng.randint(2, 9),
                   "amt": rng.choice(["two hundred", "three hundred", "a few hundred", "fifty", "eighty"])}
            if ctx_fn:
                ctx.update(ctx_fn(rng))
            parts = list(b) if isinstance(b, tuple) else [b]
            parts = [obfuscate(fill(p, rng, ctx), rng, level) for p in parts]
            return sim.Msg(parts=parts, n=rng.choice(n_choices), gap=rng.uniform(10, 60),
                           pace=rng.uniform(60, 900))
        return make
    return gen

F = {}

F["market_offsite_pay"] = family([
    "{Hi|Hey|Hello}, is the {sofa|bike|camera|desk} still {available|for sale}? I {can|'d} pay {full price|your asking price} today, {do you take|ok with} zelle? mine is <h>",
    "{Still available|Is it still up}? I'm out of town, my {mover|cousin} will {pick it up|collect}. I'll {send|pay} via zelle, what's your {email|number} on it",
    "{Hello|Hi} {is this item still available|still got this}? {Paying extra|I'll add 40} for {holding it|delivery}, {zelle|apple cash} to <h> ok?",
    ("{Hi|Hey}, {still available|is this still for sale}?", "{Great|Perfect}, I'll pay through zelle, {send your zelle info|what's your zelle} and I'll {send|transfer} now"),
    "{Hi|Hey} I want it, my {bank|card} doesn't work here, I {pay|send} with chime to <h>, then you {ship|hold} it",
    "{Is this still available|Available?} I'll {take it|buy it} sight unseen, just {confirm the zelle email|send me a code from your phone to verify} you're real",
    "{Hi|Hello}, before I {buy|come}, {please verify|verify} you're not a bot: {I'll text you a code|you'll get a 6 digit code}, just {read it back|send it here}",
])

F["remote_task_job"] = family([
    "{Hi|Hello} <name> from {Lumen|Brightway|Nexa} staffing here, we need people to {like videos|rate hotels|review apps} from home, <amt> a day, {are you open to it|keen}?",
    "{Good day|Hi}! {Remote|Online} role, {1-2|one or two} hours a day, paid same day. {No CV needed|Just a phone}. {Reply 'ok'|Answer here} and I'll {explain|send details}",
    "{Hey|Hi}, my {manager|team lead} asked me to find {5|a few} people for {an online|a home} position, <amt> dollars daily, want {the details|in}?",
    ("{Hi|Hello}, quick question: are you {over 21|looking for extra work}?", "We pay <amt> a day for simple {online tasks|app reviews}, {tell me your city|reply with your age} to start"),
    "{Hi|Hey} <name> here, HR at {Vela|Orbit} digital, your profile fits our {online assistant|order booster} job, <amt> per day, {shall I send info|interested}?",
    "{Looking|Searching} for {hardworking|reliable} people, <amt> every day {for tapping|for clicking} a few buttons on your phone, {ask me how|message back}",
    "{Hi|Hello}, we saw you're {active here|good with phones}, want to {make|get} <amt> a day {in your spare time|after work}? {Text back YES|Say yes}",
])

F["ai_trading_bot"] = family([
    "{Hi|Hey}, this {AI|robot} {trading|trade} bot turned my 300 into 4k {in a month|in 3 weeks}, search <h> on telegram and {ask for|say} <name> sent you",
    "{Been using|Using} {an AI bot|a quant bot} for {crypto|stocks}, it {trades|runs} for me while I sleep, {look it up|search}: <h> on tele gram",
    "{Not a joke|No joke}, {an algorithm|this bot} {makes|pulls} me {two|three} grand a week, {the group|the chat} is called <h>, {search it|find it} on the paper plane app",
    ("{Hey|Hi} <name>! Do you {trade|invest}?", "{My|This} {AI|algo} bot {does|handles} {everything|it all}, {message|DM} <h> on the blue app and {mention|say} my name"),
    "{Stop|Quit} working for {peanuts|nothing}, {my bot|a robot} {trades|buys and sells} for you, {look for|find} <h> on the app with the paper plane",
    "{My cousin|A friend} showed me an AI that {beats|outsmarts} the market, <name>'s {group|chat} on tg: <h>",
    "{AI|Robot} trading is the {future|new gold}, I {turned|made} 500 into 6,000, ask <h> in the telegram search",
])

F["steam_skins"] = family([
    "{Yo|Hey} want a {free|} {knife|AWP} skin? {add me on steam|my steam is} <h>, {trade is|sending} {free|on me}",
    "{Hey|Yo} {I'm|im} {giving away|dropping} {my inventory|skins} before I quit, {add|send a friend req to} <h> on steam",
    "{Sup|Hey}, {I'll|i'll} {trade|give} you {a dragon lore|a karambit} for {your|ur} {items|inventory}, steam name <h>",
    ("{Hey bro|Yo} you play {CS2|counter strike}?", "{got|i have} {extra|spare} {skins|knives} to {give|gift}, {add me|friend me} on steam: <h>"),
    "{bro|dude} i {accidentally|mistakenly} reported {your|ur} steam, {add|message} <h> {on steam|on discord} to {fix it|sort it out} before the ban",
    "{Hey|Hi} my friend {is selling|sells} {robux|v-bucks} {half price|cheap}, {add|find} <h> on roblox",
    "{win|get} {a|an} {rare|limited} {skin|item} from my {case opening|stream}, {join|add} <h> on discord {fast|now}",
])

F["vote_for_me"] = family([
    "{Hi|Hey}! {Could|Can} you {please|pls} vote for {my daughter|my niece|me} in the {photo|talent} contest? {link is in my story|link's on my story} 🙏",
    "{Sorry to bother|Hi sorry}, I'm in the final of a {baking|dance} contest, {one vote|a vote} from you {would mean|means} a lot! {it's|the link is} on my latest post",
    "{Hey|Hi} <name> here, {please|pls} {vote|tap vote} for {Lily|Max} (#<n>) {it takes|takes} 10 seconds, {form in my story|see my story}",
    ("{Hi|Hello} can I ask a {small|quick} favour?", "{vote|Vote} for {my son|me} in the {scholarship|art} contest, {tap my name|open my page} and it's {the first|the top} story"),
    "{Hey|Hi} {my little one|my cousin} is {two|three} votes {behind|from winning}, {please|pls} {help us|vote}! {swipe up on my story|in my story}",
    "{Hi|Hey}, {could you help|help} me {win|get into the final}? log in on the {voting page|form} in my {story|highlights} and vote {#|number }<n>",
])

F["wrong_number_opener"] = family([
    "{Hi|Hello} {Jenny|Kate|Mike}, is this {still|} your {account|number}? {It's|This is} <name> from the {yoga|golf|wine} {class|club}",
    "{Hey|Hi} {is this|are you} {Dr. Li|Mr Ahmed}? {Our appointment|the meeting} {is moved|got moved} to {Friday|tomorrow}, {please confirm|ok?}",
    "{Sorry|Oops}, I think I {messaged|wrote to} the wrong {person|account}, {but|though} you {look|seem} {nice|kind}, where are you from?",
    ("{Hi|Hello}, {is this|are you} {Tom|Anna}?", "{Oh sorry|My bad}, {wrong person|wrong account}! {Anyway|Well}, {nice to meet you|you seem nice}, what do you do for work?"),
    "{Long time no see|Hey it's been ages}! {Are you|You} still in {Boston|London|Sydney}? {I'm|I am} {back|visiting} next month",
    "{Hi|Hey} <name> told me to {reach out|contact you} about the {apartment|wine tasting|dinner}, {is it still on|still happening}?",
    "{Good morning|Morning}! {My assistant|My friend} gave me your {name|account}, I {run|own} a {small|boutique} {winery|gallery} in {Napa|Lyon}, {how are you|hope you're well}",
])

F["sextortion"] = family([
    "I {recorded|filmed} you {through|via} your {camera|webcam} {while|when} you {watched|were on} {adult sites|those sites}. {Reply|Answer} {within 48h|today} or {everyone|your contacts} {sees|get} it",
    "{I have|I've got} {your|ur} {video|clip} and your {contact list|followers list}. {Pay|Send} {twelve hundred|one thousand} {in bitcoin|in btc} or {I post|it goes out}",
    ("{I know|We know} what you {did|were doing} {last night|on cam}.", "{Answer|Reply} {fast|now}, {you have|u have} {24 hours|one day} before {I send it|it's sent} to {your family|everyone}"),
    "{Your|Ur} {password|pass} {was leaked|is compromised}, I {have|hold} {access to|} your {camera|files}. {Message me back|Reply} to {keep it private|stop this}",
    "{Don't|Do not} ignore this, {I have|i have} {screenshots|recordings} of {our chat|you}. {Pay|Send money} or I {share|send} them with {all|every one of} your followers",
    "{Hey|Hi} {I|we} {hacked|got into} your {device|phone}. {Send|Transfer} the amount I {tell|give} you or {your|the} {video|pics} {go|goes} public",
])

F["fake_law_enforcement"] = family([
    "This is {Officer|Agent} {Reyes|Collins} of the {cybercrime|fraud} {unit|division}. A {warrant|case} {is pending|has been opened} against {your account|you}. {Reply today|Answer now} to {settle it|avoid arrest}",
    "{FBI|Interpol|Federal} notice: {your name|your ID} {was used|appears} in a {money laundering|trafficking} {case|investigation}. {Contact|Call} {Agent|Officer} <name> {here|in this chat} {immediately|today}",
    ("{Official|Formal} notice from the {police|sheriff's} department.", "{You missed|You failed to attend} {jury duty|a court date}, a {penalty|fine} of {nine hundred|eight hundred} dollars {must be paid|is due} {today|within 24 hours}, reply for {instructions|details}"),
    "{Your|Ur} {tax|IRS} {file|record} {shows|has} an {unpaid|outstanding} balance, {officers|deputies} {will visit|are assigned}, {respond|answer} {here|to this message} to {stop it|resolve}",
    "{Department|Dept} of {Homeland|Immigration} {security|services}: {your|ur} {status|visa} {is under review|was flagged}, {reply|message} {agent|officer} <name> {now|today}",
])

F["quick_loan"] = family([
    "{Need|Short on} {money|cash} {fast|before payday}? {I|We} {lend|can lend} up to {five|ten} thousand, {whatever|any} your score, {text me|message me} your {full name|name and city}",
    "{Hi|Hey}, {private|personal} {lender|lending} here, {no bank|no checks}, {money|funds} in your account {today|within the hour}, {DM|message} me",
    ("{Behind|Struggling} with {rent|bills}?", "{I help|We help} {people|families} with {small|quick} {advances|cash}, {tell me|reply with} how much you need"),
    "{Get|Receive} {two|three} thousand {today|tonight}, {pay back|repay} {when you can|in 6 months}, {just|only} {reply|answer} with the {amount|sum} you need",
    "{I'm|I am} a {licensed|registered} {private|} {money lender|financier}, {fast|quick} approval, {small|low} {fee|charge} {first|upfront}, {interested|want it}?",
])

F["visa_agent"] = family([
    "{Canada|Australia|Germany} is {taking|hiring} {20,000|thousands of} {foreign|overseas} workers this year, visa and {flight|ticket} {paid|covered}, {ask me how|message me}",
    "{Hi|Hello}, {I|we} {process|handle} {work|study} {visas|permits} for {UK|Canada|Poland} in {3|4} weeks, {100%|high} {success|approval}, {reply|answer} for {the list|details}",
    ("{Do you want|Want} to {work|live} abroad?", "{Our|My} {agency|office} {has|got} {jobs|slots} in {farms|hotels|warehouses} with {free|paid} visa, {send|reply with} your {age|name} and {country|nationality}"),
    "{Green card|Residency} {lottery|draw} {closes|ends} {Friday|soon}, I {can|will} {register|enter} you {today|now}, {just|only} {reply|answer} here",
    "{Your|Ur} {visa|residence permit} {application|file} {has an error|was rejected}, {contact|message} {me|our officer} {here|today} to {fix it|appeal} before {the deadline|deportation}",
])

F["rental_deposit"] = family([
    "{Hi|Hello}, {the|my} {flat|apartment|studio} {you asked about|is still free}, I'm {abroad|working overseas} so {keys|the keys} {go|are sent} by {courier|post} after {the deposit|a deposit}. {email|mail} me: <h> at proton",
    "{Room|Studio|1-bed} {available|free} {from|on} {Monday|the 1st}, {cheap|low} rent, {I'm|im} {out of the country|on a mission}, {write|mail} to <h> on gmail {for|with} {photos|questions}",
    ("{Hi|Hello}, I saw you {looking|searching} for a {place|flat}.", "{Mine|My flat} is {free|available}, I {can|'ll} {send|mail} the {keys|contract} {after|once} {you pay|the deposit}, {my email|email} is <h> {at|@} {outlook|yahoo}"),
    "{Hi|Hello} {the|my} {apartment|house} {in|near} {downtown|the center} is {ready|free}, {no viewing|can't show it} {I'm|im} {away|abroad}, {pay|send} {the|a} {deposit|first month} {and|then} I {ship|mail} the keys",
    "{Lovely|Cozy} {flat|studio} {for rent|to let}, {all bills|utilities} included, {the owner|my uncle} {is abroad|lives abroad}, {contact|reach} {him|her} {by email|through mail}: <h> (at) {gmx|icloud}",
])

F["ticket_resale"] = family([
    "{Hi|Hey}, I {have|got} {2|two} tickets for {Taylor Swift|the final|Coldplay} {Saturday|on the 12th}, {can't go|plans changed}, {face value|half price}, {zelle|apple cash} {only|works}",
    "{Selling|Got} {2|two} {floor|VIP} {seats|tickets} {for tonight|Saturday}, {transfer|send} {on|through} {ticketmaster|the app} {after|once} {you pay|payment}, {DM me|reply}",
    ("{Anyone|Hey} {need|want} tickets for {the game|the concert}?", "{I|i} {have|got} {3|a few} {left|spare}, {pay|send} {first|upfront} {by|with} {venmo friends|zelle} and I {send|transfer} {them|the tickets} {right away|instantly}"),
    "{Hi|Hello} {still|} {looking for|need} {festival|concert} {passes|tickets}? I {sell|have} {mine|extra}, {cheaper|lower} than {resale sites|stubhub}, {message back|answer} {fast|quick}",
    "{Last|Only} {2|two} {passes|tickets} {left|available} for {the show|Saturday}, {first|whoever} {pays|sends} {gets them|wins}, {PayPal|zelle} {friends and family|F&F} {only|please}",
])

F["fake_charity"] = family([
    "{Please|Pls} {help|support} {flood|fire|earthquake} {families|victims} in {Kerala|Maui|Turkey}, even {five|ten} dollars {helps|matters}, {chime|zelle} <h>",
    "{Hi|Hello}, {our|my} {church|mosque|shelter} {is|are} {raising|collecting} {money|funds} for {orphans|the kids}, {anything|any amount} {helps|counts}, {reply|answer} {and I'll|to} {send|get} the {details|account}",
    ("{Hi|Hello} {sorry|apologies} for {the|this} {message|DM}.", "{My|Our} {son|daughter} {needs|is waiting for} {surgery|a transplant}, {please|pls} {give|donate} {what you can|anything}, {apple cash|zelle} {to|:} <h>"),
    "{Every|Each} {dollar|pound} {feeds|saves} a {child|family} {today|this week}, {donate|give} {through|via} {chime|zelle}: <h> {God bless|thank you}",
    "{Help|Support} {the|our} {dog|animal} {rescue|shelter}, {we're|we are} {out of|short on} {food|money}, {send|drop} {anything|a few dollars} to <h> on {chime|zelle}",
])

F["account_notice"] = family([
    "{Meta|Instagram|Account} {Support|Team}: {your|ur} {account|page} {will be|is going to be} {disabled|removed} in {24|48} hours {for|due to} a {reported|flagged} {violation|post}. {Reply|Answer} {here|to this message} to {appeal|keep it}",
    "{Notice|Warning}: {we|our team} {received|got} {reports|complaints} about {your|ur} {profile|page}. {To avoid|Before} {removal|deactivation}, {confirm|verify} {ownership|it's you} {by replying|in this chat}",
    ("{Hello|Hi}, {this is|it's} {the|} {safety|review} {team|desk}.", "{Your|Ur} {account|page} {broke|violated} our {rules|policies}, {send|reply with} {the|your} {code|6 digit code} {we texted|just sent} {you|to your phone} {to stop|to cancel} {the|} {deletion|ban}"),
    "{Your|Ur} {page|account} {was selected|qualifies} for the {blue check|gold badge}, {send|reply with} {your|ur} {login email|phone number} {to continue|and we'll set it up}",
    "{Hi|Hey}, {someone|a user} {is|was} {trying|attempting} to {log in|sign in} {to|on} {your|ur} {account|profile} from {Russia|Nigeria}, {was it you|is this you}? {reply|answer} {with|} the {code|number} {you got|on your phone}",
])

F["brand_giveaway"] = family([
    "{Congrats|Hey}! {Nike|Adidas|Sephora} {is|are} {gifting|sending} {100|50} {pairs|boxes} to {random|lucky} {followers|users}, {you're|you are} {one of them|on the list}, {search|look up} <h> on insta",
    "{Hi|Hello} <name> {from|at} the {Shein|Apple} {team|gifting team} {here|}, {you've|you have} {been picked|been picked out}, {send|reply with} {your|ur} {address|shipping address} {to get|for} {your|ur} {box|package}",
    ("{Hey|Hi}, {quick|small} {surprise|news} for you!", "{Our|The} {brand|shop} {picked|chose} {you|your account} for a {free|} {PR|gift} {box|package}, {shipping only|just pay shipping}, {reply|answer} {to accept|for details}"),
    "{Hi|Hey} {we|our team} {love|loved} your {posts|feed}! {Want|Would you like} {free|our} {products|clothes} {for|in exchange for} a {post|story}? {follow|check} <h> and {DM|message} {them|us}",
    "{Samsung|Dyson} {is|are} {giving|handing out} {phones|vacuums} {to|for} {our|its} {anniversary|birthday}, {only|just} {5|ten} {left|remaining}, {reply|answer} {with|} {your|ur} {name|email} {fast|now}",
])

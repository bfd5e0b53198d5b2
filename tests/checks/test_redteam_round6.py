"""Red team, round 6: an outside team's campaigns and a robustness review against
rules/default.toml, memory://.

Each leak's test failed on the code before its fix (ff1bb09); the tests beside them pin
what the fix must keep.
"""

from __future__ import annotations

import io
import json
import random
from pathlib import Path
from typing import Any

import pytest

from policy import Engine, MemoryGraph, SendRequest, promotion
from policy.audit import check_since
from policy.clock import VirtualClock
from policy.conditions import SenderContext
from policy.engine import _started_fresh
from policy.errors import InvalidRequest
from policy.middleware.wsgi import PolicyMiddleware
from policy.promotion import reads_as_promotion
from policy.requests import InviteRequest
from policy.rules import check_local_share, load_rules, parse_rules
from policy.ways_back import read_contacts
from tests.conftest import DEFAULT_RULES

T0 = 1_790_000_000.0
SPAM_RULES = {"duplicates", "mass_copies", "contacts", "links_to_strangers",
              "links_to_followed", "spam_cooldown", "spam_strangers_pause",
              "strangers_daily"}
PITCH = ("hey, some extra money is set aside for you this week, honestly no catch, "
         "just ask me how")


def _engine() -> tuple[Engine, MemoryGraph, VirtualClock]:
    graph, clock = MemoryGraph(), VirtualClock(T0)
    return Engine.from_file(DEFAULT_RULES, storage="memory://", graph=graph, clock=clock), \
        graph, clock


def _first_spam_refusal(engine: Engine, graph: MemoryGraph, clock: VirtualClock,
                        sends: list[tuple[tuple[str, ...], str, str | None]],
                        rules: frozenset[str] | set[str] = SPAM_RULES) -> int | None:
    """Strangers reached before the first refusal by one of ``rules`` (None: never)."""
    reached: set[str] = set()
    for people, text, conversation in sends:
        for person in people:
            graph.follow(person, "spammer")
        if conversation is not None:
            assert engine.check_invite(InviteRequest("spammer", people, conversation)).allowed
        decision = engine.check(SendRequest("spammer", people, text, conversation=conversation))
        if decision.allowed:
            reached.update(people)
        elif decision.reasons[0].rule in rules:
            return len(reached)
        clock.advance(1500)
    return None


def test_conversations_of_invited_strangers_are_bounded_by_the_strangers_rules() -> None:
    """The red team invited 4 strangers into each of five conversations of its own, then
    sent one text to each. A conversation is one recipient for the duplicates rule (its
    members see one message: see the next test), so only the strangers rules bound it:
    12 strangers in 6 hours, as for any text; new groups are refused by the 5th."""
    engine, graph, clock = _engine()
    sends = [(tuple(f"t{4 * k + j}" for j in range(4)), PITCH, f"g{k}") for k in range(5)]
    assert _first_spam_refusal(engine, graph, clock, sends, SPAM_RULES | {"strangers"}) == 12
    engine, graph, clock = _engine()
    sends = [(people, text, None) for people, text, _ in sends]
    assert _first_spam_refusal(engine, graph, clock, sends) == 4


def _invited(started_by: str | None, age: float) -> int | None:
    """The red team's five conversations of 4 invited strangers, on a graph that knows who
    started each conversation (``start_conversation``) and how long ago."""
    engine, graph, clock = _engine()
    reached: set[str] = set()
    for k in range(5):
        people = tuple(f"t{4 * k + j}" for j in range(4))
        for person in people:
            graph.follow(person, "spammer")
        assert engine.check_invite(InviteRequest("spammer", people, f"g{k}")).allowed
        if started_by is not None:
            graph.start_conversation(f"g{k}", started_by, clock.now - age)
        decision = engine.check(SendRequest("spammer", people, PITCH, conversation=f"g{k}"))
        if decision.allowed:
            reached.update(people)
        elif decision.reasons[0].rule in SPAM_RULES | {"strangers"}:
            return len(reached)
        clock.advance(1500)
    return None


def test_a_conversation_its_sender_just_started_is_a_new_group() -> None:
    """With ``graph.conversation_started`` the engine knows the conversations are the
    sender's own, started within the day: each member counts, as in a new group."""
    assert _invited("spammer", 0) == 4
    assert _invited("spammer", 23 * 3600) == 4
    assert _invited("spammer", 25 * 3600) == 12  # an established conversation
    assert _invited("someone else", 0) == 12  # the sender only writes in it
    assert _invited(None, 0) == 12  # a graph that does not know


def test_a_day_old_conversation_is_fresh_to_the_second_and_a_future_start_is_now() -> None:
    engine, graph, clock = _engine()
    graph.follow("bob", "alice")
    def fresh(request: SendRequest) -> bool:  # the engine's reading of the graph's answer
        started = engine._conversation_started(request)
        return started is not None and _started_fresh(request.sender, started)

    request = SendRequest("alice", ("bob",), "hello", conversation="c1")
    graph.start_conversation("c1", "alice", clock.now - 86_400)
    assert fresh(request)
    graph.start_conversation("c1", "alice", clock.now - 86_401)
    assert not fresh(request)
    graph.start_conversation("c1", "alice", clock.now + 60)  # a clock a minute ahead
    assert fresh(request)
    graph.start_conversation("c1", "alice", clock.now + 3600)  # no start in the future
    assert not fresh(request)


@pytest.mark.parametrize("answer", ["yesterday", ("alice", 10 ** 400), ("alice", float("inf")),
                                    ("alice", "1e9"), ("alice", True), (42, T0), ("alice",)])
def test_a_graph_answering_conversation_started_wrongly_is_refused_as_bad_input(
        answer: object) -> None:
    class Graph(MemoryGraph):
        def conversation_started(self, conversation: str) -> object:
            return answer

    graph = Graph()
    graph.follow("bob", "alice")
    engine = Engine.from_file(DEFAULT_RULES, storage="memory://", graph=graph,
                              clock=VirtualClock(T0))
    with pytest.raises(InvalidRequest):
        engine.check(SendRequest("alice", ("bob",), "hello", conversation="c1"))


def test_an_announcement_to_silent_chats_is_not_refused() -> None:
    """A reviewer's cases against counting each member of a conversation: the same
    announcement to two chats whose members never wrote, again after one member left,
    and to a member who missed it. Each was refused when members counted as people."""
    engine, graph, clock = _engine()
    first, second = tuple(f"m{i}" for i in range(4)), tuple(f"n{i}" for i in range(4))
    for member in (*first, *second):
        graph.follow(member, "host")
    text = "Reminder: the club meets on Thursday at seven in the library, bring a friend"
    for people, conversation in ((first, "club"), (second, "committee"), (first[1:], "club"),
                                 (first[:1], None)):
        assert engine.check(SendRequest("host", people, text, conversation=conversation)).allowed
        clock.advance(600)


def test_a_copy_that_reaches_nobody_new_does_not_fire() -> None:
    """The rule fires at the 5th distinct recipient; sending the text again to the first
    (a retry) counts nobody new."""
    engine, graph, clock = _engine()
    for i in range(6):
        graph.follow(f"f{i}", "alice")
    text = "Would you like to join our five-a-side football team on Tuesday evenings?"
    for i in range(4):
        assert engine.check(SendRequest("alice", (f"f{i}",), text)).allowed
        clock.advance(60)
    assert engine.check(SendRequest("alice", ("f0",), text)).allowed
    clock.advance(60)
    assert engine.check(SendRequest("alice", ("f4",), text)).code == "duplicate_content"


# The robustness review ------------------------------------------------------------

DIGIT_SCRIPTS = ["0123456789", "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669",
                 "\u0966\u0967\u0968\u0969\u096a\u096b\u096c\u096d\u096e\u096f",
                 "\u09e6\u09e7\u09e8\u09e9\u09ea\u09eb\u09ec\u09ed\u09ee\u09ef",
                 "\u0e50\u0e51\u0e52\u0e53\u0e54\u0e55\u0e56\u0e57\u0e58\u0e59",
                 "\u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9"]


@pytest.mark.parametrize("digits", DIGIT_SCRIPTS)
def test_one_number_in_any_scripts_digits_is_one_contact(digits: str) -> None:
    number = "0800 123 456".translate(str.maketrans("0123456789", digits))
    assert read_contacts(f"call {number} now") == (True, ("n:0800123456",))


FILLERS = ["the weather turned and we walked along the river until late",
           "my sister finally finished painting the kitchen a pale green",
           "there is a new bakery on the corner that sells rye loaves",
           "our train was delayed twice so we played cards in the station",
           "the garden needs water again after a whole week of sunshine"]


def _contacts_rule_refuses_the_5th(way_back: Any) -> None:
    """One filler (unlike the others: the duplicates rule stays quiet) and ``way_back(i)``
    to each of 5 strangers: the 5th is refused by the contacts rule (the same contact)."""
    engine, graph, clock = _engine()
    decisions = []
    for i, filler in enumerate(FILLERS):
        graph.follow(f"t{i}", "spammer")
        decisions.append(engine.check(SendRequest("spammer", (f"t{i}",),
                                                  f"{filler} {way_back(i)}")))
        clock.advance(60)
    assert all(d.allowed for d in decisions[:4])
    assert "contacts" in {r.rule for r in decisions[4].reasons}, decisions[4].reasons


def test_a_number_whose_digits_change_script_from_copy_to_copy_is_one_contact() -> None:
    """The review's reproducer: the same number, a new script for each stranger. Only
    `links_to_strangers` refused; the contacts rule read five numbers."""
    _contacts_rule_refuses_the_5th(
        lambda i: "0800 123 456".translate(str.maketrans("0123456789", DIGIT_SCRIPTS[i])))


def test_an_age_past_a_floats_range_is_a_typed_error() -> None:
    for field in ("account_age", "account_created_at"):
        with pytest.raises(InvalidRequest):
            SenderContext.of({field: 10 ** 400})
        with pytest.raises(InvalidRequest):
            SendRequest("alice", ("bob",), "hi", context={field: 10 ** 400})
    with pytest.raises(InvalidRequest):
        check_since(10 ** 400)
    assert check_local_share(10 ** 400) is not None


def test_a_graph_answering_an_age_past_a_floats_range_is_refused_as_bad_input() -> None:
    """Through the WSGI middleware the OverflowError was `engine_failed`, which the
    default `on_error = "local"` answered with 200 ALLOW."""
    rules = parse_rules(Path(DEFAULT_RULES).read_text() + """
[[rules]]
name = "daily_quota_new"
check = "quota"
limit = "1/day"
when = { account_age_under = "7d" }
""", file="<test>")

    class Graph(MemoryGraph):
        def attributes(self, user: str) -> dict[str, object]:
            return {"account_age": 10 ** 400}

    graph = Graph()
    graph.follow("bob", "alice")
    engine = Engine(rules, storage="memory://", graph=graph)
    with pytest.raises(InvalidRequest):
        engine.check(SendRequest("alice", ("bob",), "hi"))


def test_a_query_string_past_latin1_is_no_crash_of_the_wsgi_middleware() -> None:
    """PEP 3333 hands QUERY_STRING over as latin-1; a server that breaks it passed text
    that `.encode("latin-1")` raised on, outside the middleware's error handling."""
    graph = MemoryGraph()
    graph.follow("bob", "alice")
    engine = Engine.from_file(DEFAULT_RULES, storage="memory://", graph=graph)

    def app(environ: dict, start_response: Any) -> list[bytes]:
        start_response("200 OK", [("content-type", "application/json")])
        return [b"{}"]

    middleware = PolicyMiddleware(app, engine=engine)
    body = json.dumps({"user_id": "bob", "text": "hello"}).encode()
    status: list[str] = []
    environ = {"REQUEST_METHOD": "POST", "PATH_INFO": "/1.1/direct_messages/new.json",
               "QUERY_STRING": "note=\u65e5\u672c", "CONTENT_TYPE": "application/json",
               "CONTENT_LENGTH": str(len(body)), "wsgi.input": io.BytesIO(body),
               "REMOTE_USER": "alice"}
    b"".join(middleware(environ, lambda s, h, e=None: status.append(s)))
    assert status and status[0].split()[0] in ("200", "400")


def test_the_promotion_reader_reads_what_the_contact_reader_reads_and_no_more() -> None:
    """ASCII text was read whole (a run of 20,000 "@" took 8 s, quadratic): now cut at
    the same 640 characters as the rest, so a pitch past them is not read."""
    pitch = "claim your prize now, txt WIN to 80080"
    assert reads_as_promotion(pitch)
    assert not reads_as_promotion("x " * 330 + pitch)
    assert len(promotion._fold("@" * 20_000 + " a1a")) <= 640  # what the patterns see


def test_following_and_unfollowing_adds_no_one_past_50_people_a_day() -> None:
    """The red team's trick: write to strangers until the strangers rules refuse, then
    follow each next target, write, unfollow (the strangers rules count people the sender
    does not follow, `fanout` those it does). With fanout at 50 that reached 66 people
    who never wrote in a day (70 possible); the issue's bound is 50."""
    rules = load_rules(DEFAULT_RULES)
    bound = rules.get("strangers_daily").params.limit + rules.get("fanout").params.limit
    assert bound <= 50
    engine, graph, clock = _engine()
    targets = [f"t{i}" for i in range(200)]
    for target in targets:
        graph.follow(target, "spammer")
    reached: set[str] = set()
    rng = random.Random(6)
    words = ("river garden window coffee morning bicycle yellow sister market pencil "
             "thunder cousin orange kitchen letter holiday winter puzzle camera blanket "
             "ladder violin harbour mirror forest candle shadow meadow button lantern").split()
    texts = (" ".join(rng.sample(words, 9)) for _ in iter(int, 1))  # unalike texts
    end, i = clock.now + 86_400, 0
    while clock.now < end and i < len(targets):
        target = targets[i]
        decision = engine.check(SendRequest("spammer", (target,), next(texts)))
        if not decision.allowed:
            graph.follow("spammer", target)  # then a "friend" to the strangers rules
            decision = engine.check(SendRequest("spammer", (target,), next(texts)))
            graph.unfollow("spammer", target)
        if decision.allowed:
            reached.add(target)
            i += 1
        clock.advance(120 if decision.allowed else 900)
    assert bound - 5 <= len(reached) <= bound, len(reached)


# The campaigns' ways back -----------------------------------------------------------

@pytest.mark.parametrize(("text", "contacts"), [
    ("my ig is prizedesk22", ("h:prizedesk22",)),
    ("my insta is @prizedesk", ("h:prizedesk",)),
    ("my snap name: @winqueen", ("h:winqueen",)),
    ("my kik is prize_desk", ("h:prize_desk",)),
    ("find me on whatsapp as prizedesk22", ("h:prizedesk22",)),
    ("hmu on ig prizedesk22", ("h:prizedesk22",)),
    ("hmu on snap @winqueen", ("h:winqueen",)),
    ("my kik is: winnow20", ("h:winnow20",)),
    ("prizedesk22 at gmail", ("e:prizedesk22@gmail.com",)),
    ("email me prizedesk at yahoo", ("e:prizedesk@yahoo.com",)),
    ("my gmail is prizedesk22", ("e:prizedesk22@gmail.com",)),
    ("winprize nokta com", ("d:winprize.com",)),
    ("cashpoint nokta top", ("d:cashpoint.top",)),
    ("winclub noqta vip", ("d:winclub.vip",)),
    ("bel nul acht nul nul een twee drie vier vijf zes", ("n:0800123456",)),
    ("s\u0131f\u0131r sekiz s\u0131f\u0131r s\u0131f\u0131r bir iki \u00fc\u00e7 d\u00f6rt be\u015f alt\u0131",
     ("n:0800123456",)),
    ("zero osiem zero zero jeden dwa trzy cztery pi\u0119\u0107 sze\u015b\u0107", ("n:0800123456",)),
    ("call karo shunya aath shunya shunya ek do teen char paanch chhe", ("n:0800123456",)),
    ("ring 077", ("n:077",)),
    ("txt us on 090", ("n:090",)),
    ("my ig is winqueen22.", ("h:winqueen22",)),
    ("009", ("n:009",)),
    ("then 345.", ("n:345",)),
    # a reply keyword asked for in Spanish, French, Portuguese, Hindi in Latin letters
    ("\u00a1Felicidades! Responde SI para reclamarlo", ("k:si",)),
    ("Vous avez gagn\u00e9. R\u00e9pondez OUI pour le r\u00e9clamer", ("k:oui",)),
    ("Voc\u00ea ganhou. Responda SIM para resgatar", ("k:sim",)),
    ("Responde con la palabra PREMIO", ("k:premio",)),
    ("Badhai ho! Reply karo HAAN aur inaam lo", ("k:haan",)),
])
def test_the_reader_sees_these_ways_back(text: str, contacts: tuple[str, ...]) -> None:
    assert read_contacts(text) == (True, contacts)


@pytest.mark.parametrize("text", [
    "my ig is private", "my snap is down lol", "my email is broken", "my insta is mostly food pics",
    "my ig is @ the gym lol", "he works at yahoo now", "I am at gmail hq", "i met him at yahoo",
    "hmu on snap later", "do do do do do do do", "ek do teen char",
    # a reviewer's ordinary messages that the first version of this round read
    "hmu on snap bestie", "hmu on insta once you land", "follow me on ig as well!!",
    "dm me on insta as usual", "meet 7pm at outlook point", "spy 450 at yahoo finance",
    "we're 1-0 at yahoo fantasy", "2.4gb at icloud", "email me later at gmail",
    "my email's 100% full", "my gmail is 15gb full", "my snap's ios17 update",
    "my discord is win10 only", "my whatsapp is v2.24", "my snap is s23 camera",
    "bu nokta net de\u011fil", "\u00f6nemli nokta \u015fu", "\u015fu nokta tv de",
    "I have to do it, the teen said, do you?", "een twee drie vier hoedje van papier",
    "2", "42", "then 10", "call me at 5", "10 mins", "see you at 10", "then 23 ok",
    "ek do teen char paanch chhe saat aath nau", "een twee drie vier vijf zes zeven",
    "responde si puedes venir", "Contesta YA", "mande um beijo pra ela",
    "responda quando puder", "R\u00e9pondez-moi vite",
    # a reviewer's ordinary messages that the first version read
    "Responde SI o NO, vienes a la cena del s\u00e1bado?", "Mande KKK pra ela que ela vai entender",
    "R\u00e9ponds OUI ou NON pour samedi", "Jawab do HAAN ya NA, aa rahe ho kal?",
    "Envoyez le PDF avant midi svp", "Text a BIG thank you to grandma",
    "Envoyez le PDF pour le recevoir demain",
])
def test_ordinary_texts_are_still_no_way_back(text: str) -> None:
    assert read_contacts(text) == (False, ())


@pytest.mark.parametrize("way_back", ["my ig is prizedesk22", "prizedesk22 at gmail",
                                      "find me on whatsapp as prizedesk22",
                                      "bel nul acht nul nul een twee drie vier vijf zes"])
def test_a_reworded_pitch_with_its_way_back_is_refused_by_the_5th_stranger(way_back: str) -> None:
    """The red team's campaigns: each copy reworded by hand, one every 25 minutes; with
    these ways back they reached the strangers rules' 20 a day, never refused."""
    pitches = ["a little something is set aside 4 u this week",
               "ur name came up, nice payout waiting for u",
               "u got picked this week, pick it up b4 sunday",
               "ok so ur in luck, some extra money 4 u",
               "omg u were chosen, there's a treat waiting",
               "listen, there's a surprise 4 u this wk"]
    engine, graph, clock = _engine()
    sends = [((f"t{i}",), f"hey, {p}, {way_back}", None) for i, p in enumerate(pitches)]
    assert _first_spam_refusal(engine, graph, clock, sends) == 4


def test_a_number_cut_in_pieces_one_message_each_counts_as_a_contact() -> None:
    """"ring 077", "009", "001", "23", each a message after the pitch: no piece was a
    contact, the parts were too short to trace: 20 strangers a day."""
    engine, graph, clock = _engine()
    rng = random.Random(3)
    words = ("river garden window coffee morning bicycle yellow sister market pencil "
             "thunder cousin orange kitchen letter holiday winter puzzle camera blanket").split()
    reached = set()
    for i in range(12):
        target = f"t{i}"
        graph.follow(target, "spammer")
        pitch = " ".join(rng.sample(words, 7)) + ", ring me"  # unalike from copy to copy
        for part in (pitch, "ring 077", "009", "001", "23"):
            decision = engine.check(SendRequest("spammer", (target,), part))
            clock.advance(60)
            if not decision.allowed:
                assert decision.reasons[0].rule in SPAM_RULES
                break
            reached.add(target)
        else:
            continue
        break
    assert len(reached) <= 5, reached


def test_decoy_codes_in_front_of_a_number_do_not_push_it_out() -> None:
    """The review's reproducer: three new 5-digit codes before the same number in every
    copy. The reader keeps 3 contacts a text, the codes came first: the contacts rule
    never saw the number (only `links_to_strangers` refused)."""
    assert read_contacts("order 48213, 99120, 55731: call 0800 123 456")[1][-1] == "n:0800123456"
    _contacts_rule_refuses_the_5th(
        lambda i: f"{10000 + i * 7}, {20000 + i * 13}, {30000 + i * 17}: 0800 123 456")

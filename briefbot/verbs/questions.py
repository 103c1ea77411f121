"""Questions and the follow-ups resolved against the last reply: why?/how?/when?…, a short question
pointing back ("who made it?"), more, source?, read N, again, oops."""
from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from briefbot.names import person_name
from briefbot.parser import Command, number_in
from briefbot.question import analyse
from briefbot.reply import ANSWERED, NO_ANSWER, OK, Message, Passage, Reply
from briefbot.text import IRREGULAR, STOP_WORDS, LazyPattern, analyze, stem
from briefbot.verbs.game import read_page, read_source
from briefbot.verbs.verb import BRIEFING_ROOM, REQUIRED, Verb, ids, no_such_answer, search_within
from briefbot.world import Character, Thing

if TYPE_CHECKING:
    from briefbot.search import Result
    from briefbot.session import Session

FOLLOW_UPS = ("why", "how", "when", "where", "how many", "how much", "how long")
# The verb a question asks for someone's words with ("what did Allawi say about…"): how it asks, not
# what it is about, so a follow-up does not carry it ("why said border secure?").
_SAYING = LazyPattern(r"say|says|said|tell|tells|told|think|thinks|reply|replied|respond|responded", re.I)
# A word pointing back at what the last question was about: "who made it?", "when was that?".
_BACK = LazyPattern(r"\b(?:it|they|them|he|she|him|her|his)\b|\b(?:that|this)(?=[\s?.!]*$)", re.I)
# A question of what someone said on a topic, once its "he" is a name: "what did Michael Howard say about immigration?"
_SAID_ABOUT = LazyPattern(r"\s*what\s+(?:did|does|do|has|have|had)\s+(?P<who>.+?)\s+(?:say|said|think|thought|tell|told)"
                          r"\s+(?:about|on|of|regarding)\s+(?P<topic>.+?)[\s?!.]*$", re.I)
_PERSON = ("he", "she", "him", "her", "his")
_WOMAN = ("she", "her")  # the pronouns for a woman ("he", "him", "his": a man)
_WHO_IS = LazyPattern(r"\s*who(?:\s+is|\s+was|['\u2019]s)\s+(?P<name>[^?!.]+?)[\s?!.]*$", re.I)  # "who is allawi?"
BACK_WORDS = 2  # content words a question may have besides its pointing word and still be a follow-up


def question(s: Session, command: Command) -> Reply:
    query = command.obj or command.line
    if (about := _pointing_back(s, query)) == "":  # "how old was he?" when no answer names anyone
        return Reply(command.line, NO_ANSWER, verb="question").say(
            f"Whom does \u201c{_BACK.search(query)[0]}\u201d mean? "
            + ("I cannot tell from the last answers: ask again with the name." if s.state.question else
               "No one has been named yet: ask with the name."))
    said = about if about is not None else query  # "what did al-numan say about isis": his words, not Al-Bayati's
    if (m := _SAID_ABOUT.match(said)) and (person := s.person_called(m["who"])):
        return _asked_of(s, command.line, said, person, m["topic"])  # "what did he say about…": his words
    if about is not None:  # "who made it?": about what was asked last
        return _asked_as(s, command.line, about)
    result = _with_guesses(s, query, _with_names_spelt(s, query, s.searcher.search(query, s.k, context=_room(s))))
    reply = Reply(command.line, ANSWERED if result.answers else NO_ANSWER, verb="question",
                  suggestions=s.covers() or result.suggestions, corrections=result.corrections)
    on_table(s, read_as(query, result.corrections))  # follow-ups re-ask it as it was read
    if s.world_built and (things := [t for t in s.named(s.state.question) if not isinstance(t, Character)]):
        s.state.thing = things[0].name  # `x it` after "where is harir base"
    remember_misspelt(s, result)
    say_read_as(reply, result.corrections)
    if not result.answers:
        if result.unknown_names:
            reply.say(f"The articles never mention {', '.join(result.unknown_names)}: they say nothing about that.")
        else:
            reply.say("The articles say nothing about that.")
        if reply.suggestions:
            reply.say("This briefing covers: " + ", ".join(reply.suggestions) + ".")
        reply.say("Try other words, `sources` for the articles, or `hint`.")
        return reply
    if who := _who_line(s, read_as(query, result.corrections)):  # "who is alawi" is Allawi
        reply.say(who)
    s.show(reply, result.answers, result.matched_words)
    person = _person_asked_about(s, s.state.question, result)
    if person is not None:
        s.state.name(person)
    return reply


def _who_line(s: Session, query: str) -> str:
    """"whos allawi": who the person is, as the world has them ("Mohammed Tawfiq Allawi, former prime
    ministerial candidate."), said before the answers (answer 1 was a quote of his that does not say
    it); "" for anyone else. Only the world knows roles: asking who a quoted person is loads it, in a
    one-shot `ask` too (read back in a second once built; the build says its progress)."""
    m = _WHO_IS.match(query)
    person = s.thing(name) if m and (name := s.person_called(m["name"])) else None
    return f"{person.name}, {person.role}." if isinstance(person, Character) and person.role else ""


def _with_names_spelt(s: Session, query: str, result: Result) -> Result:
    """"hwo is jon presott": "presott" is read as Prescott, but "jon" (too short to be read as a typo
    of the whole briefing's words) stays unknown and nothing answers. Among the sentences naming the
    name it was read as, it is "John", as `ask` reads a topic among one person's words."""
    named = [known for known in result.corrections.values() if known[:1].isupper()]
    if result.answers or not named or not result.unknown_words:
        return result
    tids = [tid for known in named for term in analyze(known) if (tid := s.index.term_id.get(term)) is not None]
    fixes = s.searcher.corrections(query, ids([int(n) for tid in tids for n in s.index.postings(tid)[0]]))
    if not set(fixes) - set(result.corrections):
        return result
    retried = s.searcher.search(read_as(query, fixes), s.k, context=_room(s))
    retried.corrections = fixes | retried.corrections
    return retried if retried.answers else result


def _with_guesses(s: Session, query: str, result: Result) -> Result:
    """"soldres": two letters off "soldiers", too far for a seven-letter word to be read so at once,
    and nothing answered. When nothing answers, the words found nowhere are read more loosely, and
    said so, as any misspelling is ("(Reading soldres → soldiers.)")."""
    if result.answers or not (fixes := s.searcher.guesses(result.unknown_words)):
        return result
    retried = s.searcher.search(read_as(query, fixes), s.k, context=_room(s))
    retried.corrections = result.corrections | fixes | retried.corrections
    return retried if retried.answers else result


def _person_asked_about(s: Session, query: str, result: Result) -> str | None:
    """Whom "he" or "she" means after a question: a person it names ("who is mark meadows", "why did
    kilroy-silk quit ukip"), else for a "who" question the person its answers name as the answer
    ("who holds that seat": "Labour's Elizabeth Blackman won the seat", not the speaker of answer 1),
    or no one ("") when they name none (the one asked for is not whoever was named before). None:
    the question says nothing of it (the speaker of answer 1 then, as `Session.show` has it)."""
    for phrase in noun_phrases(query):  # its longest run of words that is someone's name
        words = phrase.split()
        runs = sorted(((a, b) for a in range(len(words)) for b in range(a + 1, len(words) + 1)
                       if words[a].lower() not in STOP_WORDS and words[b - 1].lower() not in STOP_WORDS),
                      key=lambda run: run[0] - run[1])
        if named := next(filter(None, (s.person_called(" ".join(words[a:b])) for a, b in runs)), ""):
            return named
    asked = analyse(query)
    if not (asked.type == "person" or re.match(r"\s*who\b", query, re.I)) or asked.asks_speaker:
        return None  # ("who was found dead" is typed a description: it asks for someone all the same)
    span = next((a.text[a.answer_span.start:a.answer_span.end] for a in result.answers
                 if a.answer_span and a.answer_span.type == "person"), "")
    name = person_name(span)
    name = name.name if name else span  # "Mr Bloomberg" → "Bloomberg", "Michael Bloomberg" if quoted
    return s.person_called(name) or name


def read_as(text: str, corrections: dict[str, str]) -> str:
    """The text with its misspelt words as the articles write them."""
    for typed, known in corrections.items():
        text = re.sub(rf"(?<!\w){re.escape(typed)}(?!\w)", lambda _: known, text)
    return text


def say_read_as(reply: Reply, corrections: dict[str, str]) -> None:
    if corrections:
        fixes = ", ".join(f"{typed} \u2192 {known}" for typed, known in corrections.items())
        reply.say(f"(Reading {fixes}.)")


def on_table(s: Session, query: str, about: Thing | None = None) -> None:
    """The answers now shown were asked `query` (of `about`'s sentences alone): what `more` goes on
    with and the follow-ups ask again."""
    s.state.question, s.state.about, s.state.page, s.state.source_page = query, about.name if about else "", 0, []
    s.state.spent = False


def names_query(thing: Thing) -> str:
    """What a thing's dossier or introduction is asked: all its names."""
    return " ".join(sorted(thing.names()))


def first_shown(s: Session) -> int:
    """The number of the first answer the last page showed (1 before any `more`)."""
    return s.state.first if 1 <= s.state.first <= len(s.state.shown) else 1


def _room(s: Session) -> str:
    """The room a question is asked in steers it ("how many soldiers are here?"); not the briefing room."""
    return "" if s.state.room == BRIEFING_ROOM else s.state.room


def _focus(question: str) -> str:
    """What a question was about, in its words from the first it asks about to the last, less the
    saying it may ask about: "how many soldiers are in iraq" → "soldiers are in iraq" (its noun phrases
    still apart, for a "they" after the follow-up), "who said the border is secure" → "border is secure"."""
    looked_for = analyse(question).looked_for
    content = {w.lower() for w in analyse(looked_for).content if not _SAYING.fullmatch(w)}
    words = re.findall(r"[\w'\u2019-]+", looked_for)
    kept = [n for n, w in enumerate(words) if w.lower() in content]
    if not kept:
        return question
    return " ".join(w for w in words[kept[0]:kept[-1] + 1] if not _SAYING.fullmatch(w))


def _plural(word: str) -> bool:
    """A plural noun by its look ("soldiers", not "Iraq", "business", "status", "analysis")."""
    return word.islower() and word.endswith("s") and not word.endswith(("ss", "us", "is"))


# How a question's words fall into noun phrases, without a tagger: a run of words between the
# little words is a phrase, less the verb its place in the question shows ("who LEADS the
# coalition", "when will the bridge OPEN", "how many councillors VOTED for it").
_DO = {"do", "does", "did", "will", "would", "can", "could", "should", "shall", "may", "might", "must", "has",
       "have", "had"}
_BE = {"is", "are", "was", "were", "be", "been", "being", "s"}
_JOINING = {"of", "the", "a", "an"}  # "leader of the conservatives" is one noun phrase


def noun_phrases(question: str) -> list[str]:
    """The noun phrases of a question, as typed, in order: "when will the bridge open" → ["bridge"],
    "how many soldiers are in iraq" → ["soldiers", "iraq"], "who is the leader of the conservatives"
    → ["leader of the conservatives"], "who voted against" → []."""
    phrases: list[str] = []
    run: list[str] = []
    before = ""  # how the run's clause began: "who" (its verb comes first), "do" (its verb comes last), ""

    def close() -> None:
        words = _unjoined(run)
        words = words[1:] if before == "who" else words[:-1] if before == "do" else words  # "when will it OPEN"
        words = _unjoined(words)
        while words and _verb_like(words[-1]):  # "where are the troops based"
            words.pop()
        if words:
            phrases.append(" ".join(words))
        run.clear()

    words = re.findall(r"[\w'\u2019-]+(?:/[\w'\u2019-]+)*", question)  # "blue gene/l" is one name
    for n, word in enumerate(words):
        low = word.lower()
        if n and words[n - 1].lower() == "how" and low not in _DO | _BE and low not in STOP_WORDS:
            continue  # "how fast is blue gene/l": "fast" is how it asks, not what it asks about
        if run and (low == "of" or (low in _JOINING and run[-1].lower() == "of")):
            run.append(word)
        elif low in _DO or low in _BE or low in STOP_WORDS:
            if run:
                close()
                before = ""
            before = "who" if low == "who" else "do" if low in _DO else "" if low in _BE else before
        else:
            run.append(word)
    if run:
        close()
    return phrases


def _unjoined(words: list[str]) -> list[str]:
    """The words less the joining words they end with ("leader of the" → "leader")."""
    end = len(words)
    while end and words[end - 1].lower() in _JOINING:
        end -= 1
    return words[:end]


def head_noun(phrase: str) -> str:
    """A noun phrase's head noun: "leader" of "leader of the conservatives", "soldiers" of "soldiers"."""
    return phrase.split(" of ")[0].split()[-1]


def _verb_like(word: str) -> bool:
    """A past form by its look ("voted", "based", "won"): no end of a noun phrase."""
    low = word.lower()
    return (len(low) > 4 and low.endswith("ed")) or IRREGULAR.get(low, low) != low


def _pointing_back(s: Session, line: str) -> str | None:
    """A short question pointing back ("who made it?", "when was it announced?", "what did he say
    about isis?"), with what it points at in place of the word that points: "he", "she" the person
    last named (whom the last question named or answered, else the last answer's speaker, or whom
    the player asked; "" when there is no one, or "her" is a man: not asked as typed, as if "he"
    were anyone); "it" the place or organisation the last answers were about (`x pkk`), else the
    last question's first noun phrase that names no one and is not plural ("bridge" of "when will
    the bridge open"), "they" its first plural one. None for any other line, or when nothing fits:
    the line is then asked as typed (never with the last question's verb in place of "it": "when
    will voted open")."""
    if not (back := _BACK.search(line)):
        return None
    word = back[0].lower()
    if not s.state.question and word not in _PERSON:  # "he" means someone even in a first question
        return None
    # "he" before any noun of the question points back however long it is ("what did he say about the lib
    # dem figures"); after one, that may be whom it means ("how old was the hunter when he died")
    if not (word in _PERSON and not noun_phrases(line[:back.start()])) and \
            len([w for w in analyse(line).content if w.lower() != word and not _SAYING.fullmatch(w)]) > BACK_WORDS:
        return None  # (the saying is how it asks: "what did she say about school meals")
    if word in _PERSON:
        pronoun = "she" if word in _WOMAN else "he"
        if not (person := s.meant_by(pronoun)):
            return ""  # no one, or "her" when only men were named
        meant = _doer(s, line, back[0], pronoun, person) + ("'s" if _possessive(word, line[back.end():]) else "")
    elif (about := s.thing(s.state.about)) is not None and not isinstance(about, Character):
        meant = about.name
    else:
        taken = {stem(w) for w in analyse(line).content}
        phrases = [p for p in noun_phrases(analyse(s.state.question).looked_for)
                   if not s.person_called(p) and not {stem(w) for w in analyse(p).content} <= taken]
        fitting = [p for p in phrases if _plural(head_noun(p)) == (word in ("they", "them"))]
        if not fitting:
            return None
        meant = fitting[0]
    return line[:back.start()] + meant + line[back.end():]


def _doer(s: Session, line: str, word: str, pronoun: str, person: str) -> str:
    """Whom "he" or "she" means in a question of what someone did ("when did he quit"): the person last
    named whom it fits, unless the articles never say that of them and say it of someone the last
    answers name (`who leads ukip`: "UKIP leader Roger Knapman says he was glad to see the back of Mr Kilroy-Silk":
    Kilroy-Silk quit). A question of what they said is the person last named, whoever else the answers
    name; and after `talk to X` or `ask X about…` the player is talking to X: "he" is X."""
    content = [w for w in analyse(line).content if w.lower() != word.lower()]
    if not content or any(_SAYING.fullmatch(w) for w in content) or not s.world_built or s.state.about == person:
        return person
    words = " ".join(content)
    if s.told_of(person, words):
        return person
    named = {c.name for sent in s.state.shown for c in s.named(s.index.text_of(sent))
             if isinstance(c, Character) and c.name != person and s.pronoun_of(c.name) in ("", pronoun)}
    told = {name: s.told_of(name, words) for name in sorted(named)}
    return max(told, key=told.__getitem__) if told and max(told.values()) else person


def _possessive(word: str, after: str) -> bool:
    """Whether "his" or "her" is whose ("her majority"), not whom ("what did he tell her about…")."""
    following = re.match(r"\s*([\w'\u2019-]+)", after)
    return word == "his" or (word == "her" and following is not None and following[1].lower() not in STOP_WORDS)


def follow_up(s: Session, command: Command) -> Reply:
    """"why?", "when?" alone: the last question asked again with that word, about what it was about."""
    word = command.line.lower().rstrip("?!. ")
    if not s.state.question:  # "why?" first: asked alone, it would be "nothing about that"
        return Reply(command.line, OK, verb="follow_up").refuse(
            f"{word.capitalize()} what? “{word}?” asks the last question again, and none has been asked yet: "
            "ask one first.")
    about = s.thing(s.state.about)
    if about is not None and s.state.question == names_query(about):  # `x iraq`, `why`: not "why Irak Iraq?"
        reply = _asked_as(s, command.line, f"{word} {about.name}?")
    elif isinstance(about, Character):  # `ask howard about tax`, `why?`: still what Howard says
        topic = f"{word} {_focus(s.state.question)}"
        reply = _asked_of(s, command.line, f"ask {about.name} about {topic}", about.name, topic)
    else:
        reply = _asked_as(s, command.line, f"{word} {_focus(s.state.question)}?")
    reply.verb = "follow_up"
    return reply


def _asked_as(s: Session, typed: str, line: str) -> Reply:
    """A follow-up answered as the question it stands for, which it shows ("(why soldiers iraq?)"):
    its query is what was typed, its `asked` the line answered."""
    reply = question(s, Command("question", line, line=line))
    reply.blocks.insert(0, Message(f"({line})"))
    reply.query, reply.asked = typed, line
    return reply


def _asked_of(s: Session, typed: str, line: str, person: str, topic: str) -> Reply:
    """A question answered from one person's own statements, as `ask PERSON about TOPIC` (a follow-up
    shows the line it stands for): "what did he say about immigration?" after `talk to howard` is what
    Howard says, not a sentence of Kennedy's attacking "Michael Howard's proposals"."""
    reply = s.verbs["ask"].run(s, Command("ask", person, topic, line))
    if line != typed:
        reply.blocks.insert(0, Message(f"({line})"))
    reply.query, reply.asked = typed, line
    return reply


def more(s: Session, command: Command) -> Reply:
    """The next page of the source being read, or the next answers on the table (a question's, or
    what a person said on a topic, or a dossier's); when there are no more, answer 1's wider context
    once, then that there is no more."""
    reply = Reply(command.line, OK, verb="more")
    if s.state.source_page:
        return read_page(s, reply, *s.state.source_page)
    if not s.state.question or s.state.spent:
        return reply.refuse("More of what? `more` goes on with the answers to a question, and none are on the "
                            + ("table: ask one, or `read N` for the article of line N." if s.state.spent else
                               "table yet: ask one first."))
    about = s.thing(s.state.about)
    if s.state.about and about is None:
        return reply.refuse(f"{s.state.about} is no longer in the briefing.")
    offered = len(s.state.shown)
    result = search_within(s, s.state.question, offered + s.k, about.sentences) if about else \
        s.searcher.search(s.state.question, offered + s.k, context=_room(s))
    what = f"on \u201c{s.state.question}\u201d"
    if about is not None:  # a dossier's or a person's own words (`x`, `talk`), or theirs on a topic (`ask`)
        what = f"on {about.name}" if s.state.question == names_query(about) else f"of what {about.name} says {what}"
    if fresh := result.answers[offered:]:
        reply.status = ANSWERED
        reply.say(f"More {what}:")
        s.show(reply, fresh, result.matched_words, first=offered + 1,
               named=about.name if isinstance(about, Character) else "")
        s.state.page += 1
        return reply
    if s.state.shown and (s.state.page == 0 or s.state.first > 1):  # the wider context, once
        s.state.page += 1
        s.state.first = 1
        return read_answer(s, Command("read_answer", "1", line=command.line), read_on=False)
    return reply.say(f"There is no more {what}: that is all the articles say. "
                     "Ask it another way, or `read N` for an answer's whole article.")


def source_of(s: Session, command: Command) -> Reply:
    """The full citation (title, outlet, date, file and line, and the other articles') of the first
    answer just shown: answer 1, or after `more` the first of its page."""
    reply = Reply(command.line, OK, verb="source_of")
    if not s.state.shown:
        return reply.refuse("The source of what? Ask a question first, or `sources` for the articles.")
    n = first_shown(s)
    reply.blocks.append(Passage(n, s.shown_answer(n), full=True))
    return reply


def read_answer(s: Session, command: Command, read_on: bool = True) -> Reply:
    """The reader at answer N's sentence (in a terminal: its whole paragraph); `more` then reads on
    in that article (unless not `read_on`: `more`'s own last page, answer 1's paragraph). Right
    after `sources`, N is what that list numbered: source N."""
    if s.sources_listed and read_on:
        return read_source(s, command)
    reply = Reply(command.line, OK, verb="read_answer")
    n = number_in(command.obj)
    if n is None or not 1 <= n <= len(s.state.shown):
        return reply.refuse(no_such_answer(command.obj, len(s.state.shown)))
    sent = s.state.shown[n - 1]
    reading = s.reader(s.searcher.citation(sent))
    if reading is None:
        return reply.refuse("That article is no longer in the briefing.")
    reply.blocks.append(reading)
    if read_on:
        article, paragraph = int(s.index.sent_article[sent]), int(s.index.sent_para[sent])
        s.state.source_page = [article + 1, paragraph + 1]  # at its end, `more` says so
        if paragraph + 1 == len(s.index.articles[article].paragraphs):
            s.state.spent = True  # and then `more` is not the question before (but "why?" asks it again)
    return reply


def again(s: Session, command: Command) -> Reply:
    """Only reached with nothing to repeat: `Session.handle` replays the last line itself."""
    return Reply(command.line, OK, verb="again").say("There is nothing to repeat yet.")


def remember_misspelt(s: Session, result: Result) -> None:
    """What `oops` may replace: the words found nowhere, then those read as another."""
    s.state.unknown_words = result.unknown_words + list(result.corrections)


def oops(s: Session, command: Command) -> Reply:
    """The last question again with its misspelt (or unknown) word replaced."""
    if not command.obj:
        return Reply(command.line, OK, verb="oops").say("Oops what? Say `oops WORD` to fix the last misspelt word.")
    if not s.state.unknown_words or not s.state.last_line:
        return Reply(command.line, OK, verb="oops").say("There is no misspelt word to fix.")
    unknown = s.state.unknown_words
    like = {w: SequenceMatcher(None, w.lower(), command.obj.lower()).ratio() for w in unknown}
    close = [w for w, ratio in like.items() if ratio >= 0.5]  # "soldirs" for `oops soldiers`
    read_as_another = s.searcher.corrections(" ".join(unknown))
    nowhere = [w for w in unknown if w not in read_as_another]
    if not close and len(nowhere) > 1:  # `oops harir` after "frobnicate the widget": not a guess
        words = ", ".join(f"\u201c{w}\u201d" for w in nowhere[:-1]) + f" or \u201c{nowhere[-1]}\u201d"
        return Reply(command.line, OK, verb="oops").say(
            f"Which word does \u201c{command.obj}\u201d replace: {words}? It is spelt like none of them: "
            "type the line again as you meant it.")
    wrong = max(close, key=like.__getitem__) if close else (nowhere or unknown)[0]  # else the one found nowhere
    fixed = re.sub(rf"(?<!\w){re.escape(wrong)}(?!\w)", lambda _: command.obj, s.state.last_line, count=1,
                   flags=re.I)
    again = s.parser.parse(fixed)  # the line as it was meant, verb and all ("ask allawi about sovereignty")
    reply = s.verbs.get(again.verb, s.verbs["question"]).run(s, again)
    reply.blocks.insert(0, Message(f"({fixed})"))
    s.state.last_line = fixed  # what `again` repeats
    return reply


_NUMBER = r"(?:answer\s+)?#?\d+"
VERBS = (
    Verb("question", (), "", True, question),
    Verb("follow_up", FOLLOW_UPS, "the last question again, asking why, when, where…", True, follow_up,
         usage="why? when? how many?"),
    Verb("more", ("more", "tell me more", "go on", "and"), "the next answers to the last question", True, more,
         usage="more (tell me more)"),
    Verb("source_of", ("source", "where is that from", "where's that from", "what is the source",
                       "what's the source", "says who"), "answer 1's full citation", False, source_of,
         usage="source?"),
    Verb("read_answer", ("read", "open"), "the article at answer N", True, read_answer, REQUIRED, pattern=_NUMBER,
         usage="read N (open N)"),
    Verb("again", ("again", "g"), "the last line again", False, again, usage="again (g)", takes_turn=False,
         repeatable=False),
    Verb("oops", ("oops",), "fix the last misspelt word", True, oops, REQUIRED, usage="oops WORD",
         repeatable=False),
)

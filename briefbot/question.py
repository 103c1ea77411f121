"""What a question asks for: the type of answer it expects (an amount, a date, a person…), the thing
counted or measured, and its content words, so answers can be sought among sentences' typed spans.

Rules over the question's form ("how many", "when", "who made"), written for questions as users type
them: lower case, no question mark, typos in the question words, or keywords only.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from briefbot.lexicon import is_word
from briefbot.names import is_role_word
from briefbot.text import IRREGULAR, STOP_WORDS, LazyPattern, analyze, fold

ANSWER_TYPES = ("number", "money", "percent", "date", "time", "duration", "age", "measure", "person", "place",
                "organisation", "reason", "yes-no", "description", "quote")

# The span types that can answer each answer type; "how much" is money or a bare amount.
_SPAN_TYPES = {"number": ("number",), "money": ("money", "number"), "percent": ("percent", "number"),
               "date": ("date",), "time": ("time", "date"), "duration": ("duration",), "age": ("age", "number"),
               "measure": ("measure", "number"), "person": ("person",), "place": ("place",),
               "organisation": ("organisation",)}


@dataclass(frozen=True)
class Question:
    text: str
    type: str  # expected answer type, one of ANSWER_TYPES
    focus: tuple[str, ...]  # what is asked about, as written: the counted noun, else the content (names joined)
    unit: str | None  # the thing counted or measured: "how many cars" → "cars"
    content: tuple[str, ...]  # content words as written, question words and stop words left out
    role: str | None = None  # the office whose holder is asked for: "who is the mayor of new york" → "mayor"
    role_of: tuple[str, ...] = ()  # whose office it is, as written: ("new", "york"); ("labour's",)

    @property
    def span_types(self) -> tuple[str, ...]:
        """The span types (spans.SPAN_TYPES) an answer can be; none for reasons, yes-no, descriptions, quotes.
        A height is a measure with its unit: "8 Venus Williams (US)" is a seeding, not how tall she is."""
        if self.asks_height:
            return ("measure",)
        return _SPAN_TYPES.get(self.type, ())

    @property
    def asks_height(self) -> bool:
        return self.type == "measure" and bool(_ASKS_HEIGHT.search(self.text))

    @property
    def asks_figure(self) -> bool:
        """Whether the sentence answering it must hold a figure of the type asked: a count ("how
        many seats"), a height, or a sum paid, cost or earned ("how much did Foster's pay for Beringer", "how
        much is his contract worth") as a money span (a currency or a scale). Not "how much of the
        population" (a share) nor "how much is grown" (an amount), nor a date: "when was Begter
        killed" may be answered "during one hunting excursion"."""
        return self.type == "number" or (self.type == "money" and bool(_ASKS_SUM.match(self.text))) or \
            self.span_types == ("measure",)

    @property
    def asks_speaker(self) -> bool:
        """"who said the border is secure": the answer is whoever says it, the sentence's speaker."""
        return self.type == "person" and bool(_WHO_SAID.match(self.text))

    @cached_property
    def tense(self) -> str | None:
        """"ahead" for what is to come ("when will they leave", "what date is she coming back"),
        "past" for what happened ("when did it start"), else None ("when is the election"). Read
        once: every date span of every candidate asks it."""
        if TOLD_AHEAD.search(self.text) or _AHEAD.search(self.text):
            return "ahead"
        return "past" if TOLD_PAST.search(self.text) and not _PRESENT.match(self.text) else None

    @property
    def looked_for(self) -> str:
        """The question as its words are looked for: in "who said X" the saying is the speaker's
        attribution, not a word the answer holds."""
        return _WHO_SAID.sub("who ", self.text, count=1) if _WHO_SAID.match(self.text) else self.text


# The words of a tense: one reading for a question and for an article's clause alike. Ahead: a
# future, a plan, a hope; past: "was", "had", "last", a regular or an irregular past ("fell", "won";
# irregular.txt's nouns, its present forms and its forms alike in the present left out).
TOLD_AHEAD = LazyPattern(r"\b(?:will|would|shall|'ll|next|due|expect(?:s|ed)?|plan(?:s|ned|ning)?|hopes?|intends?|"
                         r"aims?|scheduled|set to|to be|is to|are to|going to|until)\b", re.I)
TOLD_PAST = LazyPattern(r"\b(?:was|were|had|did|last|left|\w{3,}ed|%s)\b" % "|".join(sorted(
    set(IRREGULAR) - set(IRREGULAR.values()) - {"children", "men", "women", "people", "mice", "feet", "teeth",
                                                "geese", "does", "has", "is", "are", "am", "done"})), re.I)
# what a question asks of as to come besides its words of the future: a progressive ("what date is
# she coming back"), when an event is, no verb after it ("when is the general election": in news,
# the next one), or when it does something ("when does the mission end": in news, a date set)
_PRESENT = LazyPattern(r"\s*(?:\w+\s+){1,3}?(?:is|are|do|does|has|have|can)\b", re.I)  # "when is christmas celebrated"
_AHEAD = LazyPattern(r"^\s*(?:when|what \w+) (?:is|are) (?:\w+ ){1,3}\w+ing\b|"
                     r"^\s*when (?:is|are) (?![^?]*\b\w+(?:ed|en)\b)[^?]*\??\s*$|^\s*when (?:does|do) ", re.I)

# Misspelt question words, as typed fast: "hwo many", "waht year".
_TYPOS = {"hw": "how", "hwo": "how", "hou": "how", "ho": "how", "wht": "what", "waht": "what", "whta": "what",
          "wat": "what", "whats": "what is", "what's": "what is", "wen": "when", "whn": "when", "wehn": "when",
          "wher": "where", "whre": "where", "wehre": "where", "where's": "where is", "whcih": "which", "wich": "which",
          "whihc": "which", "hwy": "why", "wyh": "why", "mnay": "many", "meny": "many", "mant": "many",
          "muhc": "much", "mcuh": "much", "mch": "much", "who's": "who is", "whos": "who is", "howmany": "how many",
          "howmuch": "how much", "percentge": "percentage", "precentage": "percentage", "abot": "about",
          "abuot": "about", "baout": "about", "abotu": "about", "aobut": "about"}
# A contraction typed without its apostrophe: "whos", "wheres", "isnt", "doesnt".
_CONTRACTED = LazyPattern(r"(who|what|where|when|how|why|there|that)s|(is|are|was|were|do|does|did|has|have|had|could|"
                         r"would|should|must|need|ca|wo)nt")
# Words the pronoun "us" never follows: after them "us" is the United States ("the us economy",
# "how many us troops", "did us forces"), as after none ("us troops in iraq").
_BEFORE_NO_PRONOUN = frozenset("the a an many much few which what whose all is are was were do does did will would "
                               "can could has have had".split())
_ASKING = ("how", "what", "when", "where", "which", "who", "why")  # the words a question starts with
_HOW_WORDS = "long far old much many big large tall high often soon come fast".split()  # "how many", "how old"
# The words only one question word goes on with, of those a slip of two ("hwo") could be: "how did
# it end", "how many"; "who is allawi", "who said it" (and a verb in the past: "who won").
_GOES_ON = {"how": frozenset(_HOW_WORDS) | frozenset("do does did can could will would should may might must".split()),
            "who": frozenset("is are was were has have had".split())}
_AUX = r"(?:is|are|was|were|do|does|did|can|could|will|would|has|have|had|should|shall|may|might|must)"
_TIME_UNITS = r"(?:seconds|minutes|hours|days|nights|weeks|months|years|decades|centuries)"
_MEASURE_UNITS = (r"(?:miles|kilometres|kilometers|km|metres|meters|feet|inches|yards|tonnes|tons|kilos|kilograms|kg|"
                  r"pounds in weight|litres|liters|gallons|barrels|acres|hectares|square \w+|degrees|megawatts|"
                  r"gigabytes|megapixels|calories|mph|miles per hour)")
_MONEY_NOUNS = (r"(?:money|cash|cost|costs|price|prices|fee|fees|fare|fares|salary|salaries|wage|wages|pay|bonus|"
                r"budget|deficit|debt|debts|loss|losses|profit|profits|revenue|revenues|turnover|sales|bill|fine|"
                r"funding|fund|investment|boost|payout|payment|compensation|deal|tax|taxes|bid|offer|value|worth|"
                r"spending|subsidy|grant|damages|award|prize|earnings|income|valuation|dividend|savings|pounds|"
                r"dollars|euros)")
_MONEY_VERBS = (r"(?:cost|costs|pay|paid|pays|spend|spent|spends|earn|earned|earns|make|made|raise|raised|charge|"
                r"charged|owe|owed|lose|lost|invest|invested|fund|funded|sell for|sold for|worth|bid|offer|offered|"
                r"fine|fined|save|saved|borrow|borrowed|receive|received|get|got|give|gave|donate|donated|bring in|"
                r"brought in|generate|generated|set aside|allocate|allocated)")
_CHANGE = (r"(?:rise|rose|risen|fall|fell|fallen|grow|grew|grown|increase|increased|decrease|decreased|drop|dropped|"
           r"climb|climbed|jump|jumped|slump|slumped|shrink|shrank|decline|declined|go up|went up|go down|went down|"
           r"up|down|higher|lower|more|less|dearer|cheaper|bigger|smaller|\w+er than|more expensive)")
_ASKS_SUM = LazyPattern(rf"\W*how much {_AUX}\b.*\b{_MONEY_VERBS}\b", re.I)
_HEIGHT = r"\bhow tall\b|\bwhat (?:is|was|are|were) (?:the |his |her |its |their )?height\b|\bwhat height\b"
_ASKS_HEIGHT = LazyPattern(_HEIGHT, re.I)
_TIMEISH = r"(?:ban|sentence|contract|deal|delay|wait|term|trip|tour|stay|strike|break|season|war|delay|process|gap)"

# Compiled on first use (text.LazyPattern): a question stops at the first rule that matches.
_RULES: list[tuple[str, LazyPattern]] = [(kind, LazyPattern(pattern)) for kind, pattern in (
    ("yes-no", rf"^(?:{_AUX}|isn't|aren't|wasn't|weren't|don't|doesn't|didn't|can't|won't|hasn't|haven't|hadn't)\b"),
    ("quote", rf"^(?:what|how) (?:did|does|do|has|have|had|will|would) .+ (?:say|said|tell|told|reply|replied|respond)\b"
              rf"|^what (?:did|does) .+ (?:say|said)\b|^what (?:were|are|was|is) .+ (?:words|quote|statement|message)\b"
              rf"|^how (?:did|does|do|has|have) .+ (?:describe|described|characteri[sz]e|put it)\b"
              rf"|^quote\b|\bin (?:his|her|their) (?:own )?words\b"),
    ("reason", rf"^(?:why|how come|for what reason|what (?:caused|causes|led to|leads to|prompted|prompts|drove|"
               rf"drives|triggered|explains|made|is behind|was behind|lay behind|lies behind)|"
               rf"what (?:is|was|were|are) the (?:reasons?|causes?|motives?|explanation|grounds|rationale)|"
               rf"what (?:reasons?|excuses?|explanations?|justifications?|motives?)|"
               rf"(?:reasons?|cause|causes) (?:for|of|why|behind))\b|\bwhy\b|\breasons? (?:for|why|behind)\b"),
    ("percent", rf"\b(?:what|which|by what|how much of a|how big a|what is the|what was the) ?"
                rf"(?:percentage|per ?cent|proportion|share|fraction|rate|stake)\b|\bhow many (?:per ?cent|percent)\b"
                rf"|\bhow much (?:[\w']+ )?(?:share|stake|proportion|percentage) (?:{_AUX}|of)\b"
                rf"|\bhow much (?:{_AUX} )?[\w' -]*\b{_CHANGE}\b(?! {_MONEY_NOUNS}\b)|\bby how much\b|\bwhat (?:is|was|are|were) (?:the )?(?:[\w']+ ){{0,2}}(?:percentage|rate|proportion|stake)\b"
                rf"|\bhow (?:sharply|steeply|fast) "
                rf"(?:{_AUX} )?[\w' -]*\b{_CHANGE}\b"),
    ("money", rf"\bhow much\b|\bhow (?:big|large|high|huge|small) (?:a|an|is|was|are|were) (?:the )?(?:[\w']+ ){{0,3}}{_MONEY_NOUNS}\b"
              rf"|\bwhat (?:is|was|were|are|will be|would be) (?:the )?(?:[\w']+ ){{0,3}}{_MONEY_NOUNS}\b"
              rf"|\bhow (?:expensive|costly|cheap|dear)\b|\b(?:at )?what (?:price|cost)\b|\bfor how much\b"),
    ("age", r"\bhow old\b|\b(?:what|which) age\b|^(?!when\b).*\bage of\b|\bhow young\b"),  # not "when did the age of…"
    ("duration", rf"\bhow long (?:{_AUX}|ago)\b(?! (?:the|a|an|his|her|its|their) (?:[\w']+ )?(?!{_TIMEISH})\w+$)|\bhow many {_TIME_UNITS}\b"
                 rf"|\bfor how long\b|\bhow long\b(?! (?:is|was|are|were) )"),
    ("measure", rf"\bhow (?:long|far|tall|high|big|large|wide|deep|heavy|fast|close|steep)\b|\bhow many {_MEASURE_UNITS}\b"
                rf"|\bwhat (?:distance|height|length|size|speed|area|weight|depth|width)\b|{_HEIGHT}"),
    ("time", r"\b(?:what|which|at what) (?:time|hour)\b|\bwhat o'?clock\b"),
    ("date", rf"^when\b|\bwhen (?:{_AUX}|exactly|will|did)\b|\b(?:what|which|in what|since what) (?:year|date|day|month|"
             rf"week|decade|season|century)\b|\bwhat (?:is|was|will be) the (?:exact )?(?:year|date|day|month)\b|\bsince when\b|\bby when\b|\buntil when\b|\bhow recently\b"
             rf"|\bhow long ago\b|^when$"),
    ("number", rf"\bhow many\b|\b(?:what|which) (?:is|was|were|are) (?:the )?(?:[\w']+ ){{0,2}}(?:number|total|count|"
               rf"tally|score|figure|population|attendance|turnout|majority|margin|rank|ranking|position)\b"
               rf"|\bnumber of\b|\bhow often\b|\b(?:what|which|by what) (?:[\w']+ )?score\b|\branked\b"),
    ("organisation", r"\b(?:which|what) (?:\w+ )?(?:company|companies|firm|firms|organi[sz]ations?|group|groups|party|"
                     r"parties|team|teams|club|clubs|band|bank|banks|body|bodies|agency|agencies|airline|broadcaster|"
                     r"network|newspaper|paper|label|studio|union|unions|maker|manufacturer|retailer|carmaker|charity|"
                     r"department|ministry|institution|outlet|channel|league|side|business|corporation|giant|"
                     r"regulator|watchdog|publisher|developer|operator|supermarket|store|chain|brand|government)\b"
                     r"|\bwho (?:(?:made|makes)(?! (?:the|a|an|this|that|its|his|her|their) (?:\w+ ){0,2}(?:announcement|decision|"
                     r"statement|claim|call|comment|remarks?|offer|move|mistake|point|speech|promise|pledge|threat|"
                     r"appeal|request|accusation|allegation|admission|apology|complaint|proposal|suggestion)s?\b)"
                     r"|owns|owned|bought|buys|acquired|publishes|published|manufactures|"
                     r"manufactured|produces|sponsors|sponsored|operates|developed|develops)\b"
                     # "who did john elway play for": a team, an employer
                     r"|^who (?:did|does|do|will|has|had|is|was) (?:[\w'\u2019.-]+ ){1,4}(?:play|playing|played|"
                     r"work|working|worked|sign|signing|signed|race|racing|raced) for\b"),
    ("place", rf"^where\b|\bwhere (?:{_AUX}|exactly|else)\b|\b(?:which|what|in what|in which) (?:\w+ ){{0,2}}(?:country|"
              rf"countries|city|cities|town|towns|region|state|place|places|venue|stadium|ground|county|nation|area|"
              rf"location|province|capital|continent|island|village|street|airport|hospital|port|constituency|"
              rf"seat|court|prison|base|border)\b|\bwhere\b"),
    ("person", r"^who\b|\bwho (?:is|was|are|were|did|does|has|had|will|would|said|says|won|wins|led|leads|told|"
               r"called|became|scored|wrote|directed|played|plays|replaced|beat|sang|starred)\b|\bwhom\b|\bwhose\b"
               r"|\b(?:which|what) (?:\w+ ){0,2}(?:player|man|woman|person|people|minister|politician|singer|actor|"
               r"actress|director|star|manager|chancellor|mp|leader|official|coach|chairman|chief|executive|boss|"
               r"winner|artist|author|writer|judge|president|spokesman|spokeswoman|member|men|women|"
               r"celebrity|presenter|rapper|comedian|athlete|driver|captain|striker|secretary)s?\b"
               r"|\bname (?:of )?the\b|^(?!(?:what|which|how|when|where|why)\b).*\bwho\b"),  # not "the astronauts who"
    ("description", r"^(?:what|which|how|describe|explain|tell)\b"),
)]
# Keywords in a question with no question form: "beijing parking fees cost" asks for money.
_CUES: list[tuple[str, LazyPattern]] = [(kind, LazyPattern(pattern)) for kind, pattern in (
    ("percent", r"\b(?:percentage|per ?cent|percent)\b|%"),
    ("money", rf"(?:£|\$|€)|\b{_MONEY_NOUNS}\b|\b(?:amount|takings)\b"),
    ("date", r"\b(?:date|year)\b"),
    ("duration", r"\b(?:length|duration)\b"),
    ("place", r"\b(?:venue|location)\b"),
    ("number", r"\b(?:number|count|total|score|odds|tally)\b"),
    # after the nouns: in "bernabeu bomb scare score when evacuated" it is a conjunction
    ("date", r"\bwhen\b"),
    ("place", r"\bwhere\b"),
)]
# "who is allawi", "who was Gordon Brown": a name alone after the verb, no article, role or clause.
_WHO_SAID = LazyPattern(r"\s*who\s+(?:has\s+|had\s+|did\s+|else\s+)?(?:said|says|say|told|tells|thinks|think|claimed|"
                       r"claims|warned|warns|believes|argued|argues|insisted|insists|described|urged|urges|added)\b", re.I)
_WHO_IS_NAME = LazyPattern(r"^who (?:is|was) (?!(?:the|a|an|in|at|on|to|of|for|behind|responsible|now|still|currently|"
                          r"there|this|that|he|she|it|they)\b)(?![\w-]+ing\b)[\w.-]+(?: [\w.-]+){0,3}$")
# "who is the mayor of new york", "who is currently speaker of the parliament", "who was the norse leader":
# the answer is whoever holds that office (its word, the last before "of"/"for"/the end, is a role word).
_ROLE_HOLDER = LazyPattern(r"^(?:who|what (?:is|was) the name of) (?:is|was|are|were|will be|has been)? ?(?:currently |now |still )?"
                           r"(?:the )?((?:[\w'\u2019-]+ ){0,2}?)([a-z-]+)(?: (?:of|for|at|in) (.*))?$")
_OF_NOW = frozenset("current present new incumbent".split())  # "the current chelsea manager" is Chelsea's
# Words that say only that the answer is an amount: "how much money" counts no thing (a sum is
# money already), "value-for-money savings" are no answer for being money.
AMOUNT_WORDS = frozenset("money cash amount sum much many number total figure big large long far high".split())
_QUESTION_WORDS = frozenset("how what when where which who whom whose why whats is are was were do does did can "
                            "could will would has have had should shall may might must".split())
_HOW = re.compile(rf"(?i)\bhow\s+(?:{'|'.join(_HOW_WORDS)})\b")
_WORD = re.compile(r"[\w'\u2019.&-]*\w|[£$€]")


def analyse(text: str) -> Question:
    """The question's expected answer type, the thing counted or measured, and its content words."""
    q = as_meant(fold(text))
    kind = next((k for k, rule in _RULES if rule.search(q)), None)
    if kind == "person" and _WHO_IS_NAME.match(q):
        kind = "description"  # "who is Allawi" asks what he is, not for his name
    if kind is None:
        kind = next((k for k, cue in _CUES if cue.search(q)), "description")
    unit = _unit(q)
    content = tuple(w for w in _WORD.findall(_HOW.sub(" ", text)) if fold(w) not in STOP_WORDS
                    and (_TYPOS.get(fold(w)) or _expanded(fold(w))).split()[0] not in _QUESTION_WORDS)
    role, role_of = None, ()
    if kind == "person" and (m := _ROLE_HOLDER.match(q)) and is_role_word(m[2]):
        before, role = m[1].split(), m[2]
        if role == "general" and before and is_role_word(before[-1]):  # "director general": a director's office
            *before, role = before
        # whose office: the words after "of" and a possessive before it ("labour's leader"), not its
        # adjectives ("the lead singer of u2" is U2's, however the story names the office); without
        # either, the words before it ("the chelsea manager" is Chelsea's, "the home secretary" no other)
        whose = [w for w in before if w.endswith(("'s", "\u2019s", "s'"))] + (m[3] or "").split()
        whose = whose or [w for w in before if w not in _OF_NOW]
        # and which of its holders: "the deputy governor of the bank of england" is not its governor
        role_of = tuple(w for w in whose if w not in STOP_WORDS) + \
            tuple(w for w in before if w in NOT_THE_HOLDER and w not in whose)
    return Question(text, kind, (unit,) if unit else _grouped(content, text), unit, content, role, role_of)


_TYPED_WORD = re.compile(r"[\w'\u2019%£$€-]+")


def as_meant(text: str) -> str:
    """A folded line's words as meant, as typed fast: misspelt question words ("hwo many", "wehn
    did", "were is"), contractions without their apostrophe ("whos", "isnt")."""
    words = _TYPED_WORD.findall(text)
    return " ".join(_meant(w, words[n + 1] if n + 1 < len(words) else "", n == 0) for n, w in enumerate(words))


def with_question_words_as_meant(text: str) -> str:
    """The line with its question words and "about" as meant (`as_meant`), every other word as
    typed: "whos the UKIP leader" → "who is the UKIP leader", so that no search reads "whos" as
    the articles' "whop", "wheres" as "whereas" or "abot" as "abort"."""
    words = list(_TYPED_WORD.finditer(text))
    out, at = [], 0
    for n, m in enumerate(words):
        word = fold(m[0])
        meant = _meant(word, fold(words[n + 1][0]) if n + 1 < len(words) else "", n == 0)
        if word == "us" and (n == 0 or fold(words[n - 1][0]) in _BEFORE_NO_PRONOUN):
            meant = "US"  # "how much did the us economy grow": the country, typed in lower case
        out += [text[at:m.start()], m[0] if meant == word else meant]
        at = m.end()
    return "".join(out) + text[at:]


def _meant(word: str, then: str, first: bool) -> str:
    """One folded word as meant, given the word after it (and whether it starts the line)."""
    meant = _TYPOS.get(word) or _expanded(word)
    # A first word the table reads as a question word is read by what follows it too ("hwo" is the slip of
    # how and who); a contraction ("whos": "who is") is not.
    return (_asking(word, then) or meant) if first and then and (meant == word or meant in _ASKING) else meant


def _expanded(word: str) -> str:
    if not (m := _CONTRACTED.fullmatch(word)):
        return word
    return f"{m[1]} is" if m[1] else f"{m[2]}n't"


def _asking(word: str, then: str) -> str | None:
    """The question word a first word is one slip from (a letter wrong, missing, added, or two
    swapped: "whre", "whoo", "hwo"), where it cannot be meant as typed: no English word before an
    auxiliary, "many"/"much" or a verb in the past ("whre is", "wehn did", "hwo said"), or an
    auxiliary before another ("were is"). Of two question words one slip away, the one spelt with its
    letters, then the one the next word goes with: "hwo many", "hwo did" are how; "hwo is", "hwo said" who."""
    aux = re.compile(_AUX)
    if word in _ASKING or not (aux.fullmatch(then) or then in _HOW_WORDS or past_verb(then)):
        return None
    if aux.fullmatch(word):
        if not aux.fullmatch(then):
            return None
    elif word in STOP_WORDS or any(is_word(t) for t in analyze(word)):
        return None
    from nltk.metrics.distance import edit_distance
    close = [q for q in _ASKING if edit_distance(word, q, transpositions=True) == 1]
    if len(close) > 1:  # its letters, else all of them and one more ("wha": what, not who), else all of its
        letters = Counter(word)
        kin = {q: 3 if Counter(q) == letters else 2 if letters <= Counter(q) else int(Counter(q) <= letters) for q in close}
        close = [q for q in close if kin[q] == max(kin.values())]
    if len(close) > 1:
        close = [q for q in close if then in _GOES_ON.get(q, ()) or q == "who" and past_verb(then)] or close
    return close[0] if len(close) == 1 else None


def past_verb(word: str) -> bool:
    """Whether a word reads as a verb in the past ("said", "founded"; not an auxiliary, "did"): what
    a "who" question goes on with."""
    return not re.fullmatch(_AUX, word) and (word in IRREGULAR or (len(word) > 4 and word.endswith("ed")))


# words naming someone else than an office's holder, unless asked ("the former candidate"); compared as
# written (or as a prefix: "ex-Tory"), so that no question loads the stemmer for them
NOT_THE_HOLDER = frozenset("former ex deputy assistant shadow candidate vice would-be outgoing".split())
# a plural noun as a counted thing is written: "people", "cars"; not "bus"
PLURAL = LazyPattern(r"[\w'-]+[^su']s|people|men|women|children|staff|police")


def _unit(q: str) -> str | None:
    """The counted or measured noun after "how many"/"how much": the first plural, else the last word before the verb."""
    m = re.search(rf"\bhow (?:many|much) (?!{_AUX}\b)((?:[\w'-]+ ){{0,3}}?[\w'-]+?)(?= {_AUX}\b| there\b|$| in\b| on\b| at\b"
                  rf"| for\b| did\b| has\b| does\b| do\b| will\b| of\b| to\b)", q)
    if not m:
        return None
    words = m.group(1).split()
    if len(words) > 1 and words[-1].endswith("ed"):  # "how many people died": a verb, not the counted noun
        words.pop()
    # what is counted is the first plural ("people go to", "fans attend the games"), or its last word ("police officers")
    if (plural := next((n for n, w in enumerate(words) if PLURAL.fullmatch(w)), None)) is not None:
        while plural + 1 < len(words) and PLURAL.fullmatch(words[plural + 1]):
            plural += 1
        words = words[:plural + 1]
    word = words[-1]
    return None if word in STOP_WORDS or word in _QUESTION_WORDS or word in AMOUNT_WORDS else word


def _grouped(content: tuple[str, ...], text: str) -> tuple[str, ...]:
    """Content words with adjacent capitalised ones joined as written ("Nintendo DS")."""
    out: list[str] = []
    for word in content:
        if out and word[:1].isupper() and out[-1][:1].isupper() and f"{out[-1]} {word}" in text:
            out[-1] = f"{out[-1]} {word}"
        else:
            out.append(word)
    return tuple(out)

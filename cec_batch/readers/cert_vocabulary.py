"""The words of certificates, as data: labels (field, words, strength) and value shapes.

Adding a layout is usually an entry in LABELS or a word in one of the word lists
below; the code that uses them (cert_fields) needs no change. A label is a
phrase; its words are matched case-insensitively with any white space between
them, and `{a|b|}` inside a phrase gives alternatives (an empty one makes the
part optional): "participant{|'s} {|name}".
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

# The fields a certificate must give with confidence (R19), as a message names them.
FIELD_NAMES = {"full_name": "name", "course_number": "course number", "completion_date": "completion date"}

# A certificate of completion says so somewhere; a page with none of these words is something else.
CERTIFICATE_WORDS = re.compile(r"certif|complet|attend|award|\bCE[CU]s?\b|credit|continuing\s+education|course\s+date|"
                               r"contact\s+hours|approv|\bcert\b|\bcompl\b", re.IGNORECASE)   # an index card's "ACE CERT", "COMPL."

# ---------------------------------------------------------------- labels


@dataclass(frozen=True)
class Label:
    """Words that announce a field's value: after them on the line, in the next cell, or below.

    `strength` orders labels when several give a value (the higher wins; labels are
    tried from the strongest down across all fields). An `announces` label can only
    mean its field: when one is on the page and no value could be read after it, the
    field is not looked for by its shape elsewhere (a letterhead's "San Diego, CA
    92123" is not the course number). A `generic` one-word label counts only where
    it starts a phrase: "Date:" is a label, "Receipt Date" and "Sample Name" are
    someone else's, "completed the course" is a sentence. A label with several
    fields ("Course") heads the first one in one layout, the next in another.
    """

    fields: tuple[str, ...]
    words: tuple[str, ...]
    strength: int
    announces: bool = False
    generic: bool = False


def _l(fields: str, strength: int, *words: str, announces: bool = False, generic: bool = False) -> Label:
    return Label(tuple(fields.split()), words, strength, announces, generic)


# What a provider says it did with the hours ("Contact hours credited: 15", "Total CE hours logged").
_HOURS_GIVEN = "earned|awarded|completed|attended|stamped|logged|recorded|credited|granted|achieved|punched"

_NO = "{number|no|no.|#}"
# Approving bodies other than ACE whose credits a certificate may list beside ACE's.
OTHER_BODIES = ("nasm", "afaa", "acsm", "nsca", "issa", "ncsf", "nfpt", "nccpt", "nesta", "aea", "ymca", "bcrpa",
                "canfitpro", "reps", "cimspa", "ereps")
LABELS: tuple[Label, ...] = (
    _l("full_name", 20, "{this|} is to certify that", announces=True),    # a drop cap read apart: "HE Chis is to"
    _l("full_name", 19, "this certifies that", announces=True),
    _l("full_name", 18, "certifies that", announces=True),
    _l("full_name", 17, "{is|} {hereby|} awarded to"),
    _l("full_name", 16, "{is|} presented to"),
    _l("full_name", 15, "granted to"),
    _l("full_name", 14, "issued to"),
    _l("full_name", 13, "participant{|'s} {|name}"),
    _l("full_name", 12, "attendee {|name}"),
    _l("full_name", 11, "student {|name}"),
    _l("full_name", 10, "recipient {|name}", "learner {|name}", "trainee {|name}", "member name", "client name",
       "candidate name", "customer {|name}"),
    _l("full_name", 9, "full name"),
    # A caption that gives the name's order: "Name (Last, First)", "Last, First M.".
    _l("full_name", 9, "{|name} (last, first)", "{|name} (last, first, mi)", "{|name} (last, first m.)",
       "last, first {|m.|mi|ml|m.i.|middle|middle initial}", "last, first, {mi|ml|m.i.|middle initial}",   # "Ml": OCR's "MI"
       "last name, first name"),
    _l("full_name", 8, "name of {participant|attendee}"),
    _l("full_name", 7, "name", generic=True),
    _l("first_name", 20, "first name"),
    _l("first_name", 19, "given name"),
    _l("last_name", 20, "last name"),
    _l("last_name", 19, "surname"),
    _l("last_name", 18, "family name"),
    _l("certificant_id", 20, "ace {id|member id} {|" + _NO[1:], "ace certification " + _NO + " {|" + _NO[1:],
       "aceid {|" + _NO[1:]),          # "ACE ID" as OCR runs it together on a fax
    _l("certificant_id", 19, "certificant {id|" + _NO[1:], "ace #", "ace cert {id|#|no|no.}",
       "ace cert. {id|#|no|no.}"),
    _l("certificant_id", 18, "certification {id|" + _NO[1:]),
    _l("certificant_id", 17, "member {id|" + _NO[1:]),
    _l("certificant_id", 16, "id {|" + _NO[1:], generic=True),
    _l("email", 20, "{email|e-mail|e mail} {|address}"),
    _l("course_number", 20, "ace course {id|code|" + _NO[1:], announces=True),
    _l("course_number", 19, "course {id|code|" + _NO[1:], announces=True),
    _l("course_number", 18, "ace approval {code|" + _NO[1:], announces=True),
    _l("course_number", 17, "approval {code|" + _NO[1:], announces=True),
    _l("course_number", 16, "ace {|approved} course"),
    _l("course_number title", 15, "course", generic=True),
    _l("completion_date", 20, "completion date", announces=True),
    _l("completion_date", 19, "date of completion", announces=True),
    _l("completion_date", 18, "date completed", announces=True),
    _l("completion_date", 17, "completed on", announces=True),
    _l("completion_date", 16, "completed", generic=True),
    _l("completion_date", 15, "date of {course|event|attendance|training}"),
    _l("completion_date", 14, "date", generic=True),
    _l("ceus", 20, "{|ace} {cec|cecs|ceu|ceus} {|value|earned|awarded}",
       "{acecec|acececs|aceceu|aceceus} {|value|earned|awarded}",   # "ACE CECs" as OCR runs it together
       "{ce|ces} {earned|awarded}",               # "CEs earned": the short form, and "CECs" a letter short
       # the attendee's own, said so: "CECs earned by this attendee: 1.0"
       "{|ace} {cec|cecs|ceu|ceus|ce|ces|credits} {earned|awarded} {by|to} {this|the} "
       "{attendee|participant|learner|member|certificant}"),
    _l("ceus", 19, "{credit|credits} {|earned|awarded}", generic=True),
    _l("ceus", 19, "{ce|ace|ceu|cec} {credit|credits} {|earned|awarded}"),
    _l("ceus", 18, "continuing education {credit|credits|unit|units}"),
    _l("hours", 20,
       "{contact|clock|ce|ceu|cec|credit|training|education} {hour|hours} {|" + _HOURS_GIVEN + "}",
       "total {contact|clock|ce|credit|training} {hour|hours} {|" + _HOURS_GIVEN + "}"),
    _l("hours", 19, "hours", generic=True),
    _l("hours", 19, "hours {" + _HOURS_GIVEN + "}"),
    _l("title", 20, "course title"),
    _l("title", 19, "course name"),
    _l("title", 18, "title of {course|program|event}"),
    _l("title", 17, "program title"),
    _l("title", 16, "{has|} successfully completed {|the course}"),
    _l("title", 15, "for attending"),
    _l("provider", 20, "{|approved} provider {|name}"),
    _l("provider", 19, "presented by"),
    _l("provider", 18, "issued by"),
    _l("provider", 17, "offered by"),
    _l("provider", 16, "sponsored by"),
    _l("provider", 15, "hosted by"),
    # Labels of values this reader does not take, so that "Date" in them is not a completion date.
    # An event's most, not what this attendee earned ("Maximum CECs available: 2.0").
    _l("ignored", 21,
       "{maximum|max|max.|total available|possible} {|ace} {cec|cecs|ceu|ceus|credits|hours|contact hours}",
       "{cec|cecs|ceu|ceus|credits|hours|contact hours} {available|offered|possible}", "up to"),
    # Another approving body's credits on a certificate several bodies approved ("NASM CEUs: 0.6",
    # "AFAA CEUs: 6.0" beside "ACE CECs: 0.6"): not the ACE credit.
    _l("ignored", 21, "{" + "|".join(OTHER_BODIES) + "} {cec|cecs|ceu|ceus|credit|credits|hours|contact hours}"),
    # A transcript's sums over several courses ("Term CEUs 3.0", "Cumulative CEUs 4.2"): no one course's credit.
    _l("ignored", 21, "{term|semester|quarter|cumulative|ytd|year-to-date|subtotal|sub-total|running} {|total} "
                      "{|ace} {cec|cecs|ceu|ceus|credit|credits|hours|contact hours}",
       "{cec|cecs|ceu|ceus|credits|hours|contact hours} {to date|this term|this year}"),
    _l("ignored", 20, "date of birth", "{birth date|birthdate}", "issue date", "date issued", "expiration date",
       "expires", "date printed", "printed on", "certificate {id|" + _NO[1:]),
    # A signature's own field on a value's line ("Name: Jane Doe   Signature: ______") ends the value.
    _l("ignored", 19, "{|participant|participant's|student|instructor|authorized|authorised} signature"),
)


def expand(phrase: str) -> list[str]:
    """Every wording of a phrase: "ace {|approved} course" is "ace course" and "ace approved course"."""
    parts = re.split(r"(\{[^}]*\})", phrase)
    options = [p[1:-1].split("|") if p.startswith("{") else [p] for p in parts]
    return sorted({" ".join("".join(choice).split()) for choice in itertools.product(*options)} - {""},
                  key=lambda w: (-len(w), w))


def phrase_regex(words: tuple[str, ...] | list[str]) -> re.Pattern:
    """One case-insensitive regex for the wordings of WORDS, longest first, standing as whole words."""
    def one(wording: str) -> str:
        out = ""
        for i, word in enumerate(wording.split()):
            if i:
                out += r"\s*" if not word[0].isalnum() else r"\s+"
            out += re.escape(word).replace("'", "['’]") if "'" in word else re.escape(word)
        return out
    wordings = sorted({w for phrase in words for w in expand(phrase)}, key=lambda w: (-len(w), w))
    return re.compile(rf"(?<![A-Za-z0-9])(?:{'|'.join(one(w) for w in wordings)})(?![A-Za-z0-9])", re.IGNORECASE)


LABEL_RES: tuple[tuple[Label, re.Pattern], ...] = tuple((lab, phrase_regex(lab.words)) for lab in LABELS)

# ---------------------------------------------------------------- words around a date

# A date after (or just before) one of these is when the course was completed ...
COMPLETION_WORDS = ("complete", "completed", "completion", "completing", "awarded", "awarded on", "held on", "held",
                    "given this", "given on", "attended", "attendance", "took place", "taken", "earned",
                    "finished", "participated", "conducted", "course date", "event date", "date of course",
                    "date of event", "date of training", "session date", "workshop date", "training date",
                    "date of attendance", "achieved", "passed", "successfully", "conferred", "presented on",
                    "concluded", "class date", "program date", "seminar date", "dates", "date attended",
                    "date of class", "date of program", "date earned", "earned on", "award date", "date of award",
                    "date awarded", "date achieved", "end date", "last day", "final day", "final session",
                    "last session", "ending", "ended", "compl", "date of in-service", "in-service date",
                    "inservice date",
                    # Dutch: "Datum afgerond", "met goed gevolg ... afgerond", "voltooid", "behaald"
                    "afgerond", "voltooid", "behaald",
                    # Italian, Spanish, French, German: "ha frequentato ... in data", "realizado el",
                    # "a suivi ... le", "hat ... teilgenommen am"
                    "frequentato", "completato", "conseguito", "superato", "svolto", "realizado", "realizó",
                    "completado", "completó", "finalizado", "cursado", "asistió", "terminé", "terminée", "complété",
                    "complétée", "réussi", "réussie", "suivi", "suivie", "abgeschlossen", "absolviert",
                    "teilgenommen", "bestanden")
# ... and after one of these it is some other day: the certificate's printing, its expiry, a birthday.
OTHER_DATE_WORDS = ("issue", "issued", "issue date", "date issued", "issuance", "print", "printed", "generated", "expire",
                    "expires", "expiry", "expiration", "valid until", "valid through", "valid thru", "renew",
                    "renewal", "due", "birth", "born", "dob", "d.o.b", "geboren", "geboortedatum", "signed", "signature", "approved",
                    "approval", "approval period", "mailed", "sent", "shipped", "dispatched", "delivered", "received", "scanned", "faxed", "revised", "rev",
                    "recorded", "entered", "posted", "added", "reviewed", "verified", "sworn", "subscribed", "dated",
                    "notarized", "notarised",
                    # Italian, Spanish, French, German: born, issued, expires
                    "nato", "nata", "nascita", "rilasciato", "rilasciata", "rilascio", "emesso", "scadenza",
                    "nacido", "nacida", "nacimiento", "expedido", "expedida", "emitido", "vencimiento", "né", "née",
                    "naissance", "délivré", "délivrée", "émis", "geboren", "geburtsdatum", "ausgestellt",
                    "gültig bis",
                    "updated", "run date", "report date", "as of", "purchased", "purchase date", "ordered",
                    "order date", "paid", "payment", "invoice", "invoiced", "registered", "registration",
                    "enrolled", "enrollment", "downloaded", "accessed", "created", "exp", "recertify by",
                    "deadline", "valid from", "effective", "valid", "validity", "period", "start date", "first day", "statement date",
                    "starting", "started", "began", "begins",
                    # a testing centre's booking: "Appointment booked", "Eligibility window", "Retest after"
                    "booked", "booking", "appointment", "scheduled", "eligibility", "eligible", "window", "retest",
                    # how long a recording or a portal stays open: "Recordings stay in the portal until ..."
                    "recording", "recordings", "replay", "replays", "on demand", "on-demand", "available until",
                    "available through", "access until", "access ends", "accessible until",
                    # a report's export, a planner's week ("Week of Mon, Nov 3 - Sun, Nov 9, 2025")
                    "exported", "export", "export date", "week of",
                    # a screenshot's file name over the picture: "Screenshot 2026-01-27 at 9.50.50 AM.png"
                    "screenshot", "screen shot")
# A caption over, beside or under a date that is only a word or two (CAPTION_DATE_WORDS, a
# slash between languages apart) says which end of an event the date is by these words too; in
# longer text they are prose ("at the end of the session", "start your next course").
# A transcript row's status cell: the row whose cell says it was completed is the course, when it
# is the only one ("Completed" beside "In progress" and "Not started").
STATUS_DONE_WORDS = ("completed", "complete", "passed", "pass", "finished", "achieved", "awarded", "earned")
CAPTION_COMPLETION_WORDS = ("end", "ends", "to", "until", "fin", "last")
CAPTION_OTHER_WORDS = ("start", "starts", "begin", "begins", "from", "début", "debut", "first")
CAPTION_DATE_WORDS = 4
# Phrases that say who approved the course, not when anything happened: their "approved" tells
# nothing about a date beside them ("approved by ACE as course CS 40112, on 14 February 2026").
COURSE_APPROVAL_PHRASES = ("approved by ace", "ace approved", "ace-approved", "approved by the american council")
# A name beside one of these is someone who signs or teaches, not the certificant.
STAFF_WORDS = ("instructor", "instructors", "director", "signature", "signed", "signed by", "presenter", "registrar",
               "president", "secretary", "coordinator", "trainer", "faculty", "approved by", "presented by",
               "authorised by", "authorized by", "issued by", "manager", "dean", "chair", "ceo", "founder",
               "education director", "program director", "course director", "lead trainer", "examiner")
# A word this many words away from the date or nearer tells what it is (on its line, or the line above).
CONTEXT_WORDS = 8

# ---------------------------------------------------------------- value shapes

_PREFIX = r"(?:CEP|CP|CA|CS|CL)"
_D = r"[0-9OoIlSB]"            # a digit as OCR may misread it (R7 corrects these in the pipeline)
# Five or six digits, OCR may put one space or hyphen among them ("CEP2468 10"); _course_span checks the count.
# What may stand between a course number's prefix and its digits, or among them: a space, a
# hyphen, a dot, or the en or em dash a word processor makes of a hyphen ("CS – 410260").
COURSE_BREAKS = " -.\u2013\u2014"
_BREAK = "[" + re.escape(COURSE_BREAKS) + "]"
_COURSE = rf"{_PREFIX}{_BREAK}{{0,2}}{_D}(?:{_D}|{_BREAK}(?={_D})){{4,6}}"
COURSE_RE = re.compile(rf"(?<![A-Za-z0-9]){_COURSE}(?![A-Za-z0-9])")              # unlabelled: capitals only
COURSE_LABELLED_RE = re.compile(rf"(?<![A-Za-z0-9]){_COURSE}", re.IGNORECASE)
DIGIT_PART = re.compile(rf"^{_PREFIX}{_BREAK}{{0,2}}", re.IGNORECASE)
# A course number cut short: its prefix and three or four digits, as OCR read "CL10311)" ("CL1031").
COURSE_CUT_RE = re.compile(rf"(?<![A-Za-z0-9]){_PREFIX}{_BREAK}{{0,2}}{_D}{{3,4}}(?![A-Za-z0-9])")


_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
          r"|Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)")
# A raised ordinal ("22nd" with "nd" set small and high) is what OCR reads worst: "22™", '26"', "14°".
RAISED_ORDINAL_MARKS = "™®°º\"“”*^'’"
_ORD = rf"(?:st|nd|rd|th|[{re.escape(RAISED_ORDINAL_MARKS)}])"
# OCR reads the 1 of "1st" as a letter: "April ist, 2025", "Ist June".
FIRST_MISREAD = r"(?<![A-Za-z])[Iil]st(?![A-Za-z])"
# ... and the 5 of "5th" as an S: "Sth April 2025".
FIFTH_MISREAD = r"(?<![A-Za-z0-9])Sth(?![A-Za-z])"
_DAY = rf"(?:\d{{1,2}}{_ORD}?|{FIRST_MISREAD}|{FIFTH_MISREAD})"
# "day" in "3rd day of May", and what a fax makes of it between a day and "of": "dey", "dav".
DAY_WORD = r"(?:day|d[a-z]y|da[a-z])"
_MON = rf"{_MONTH}\.?"
_YEAR_SEP = r"(?:\s*[,.;]\s*/?\s*|\s+)"                # "May 3, 2026", "May 3 2026", OCR's "May 3 , 2026", "30,/2025", "9; 2025"
_TO = r"\s*(?:-|–|—|to|through|thru|&|and)\s*"           # an event's days: "May 3-5, 2026", "3 to 5 May 2026"
_NUMERIC = r"(?:\d{1,2} ?[/.\-] ?\d ?\d? ?[/.\-] ?\d{4}|\d{4} ?[\-/.] ?\d{1,2} ?[\-/.] ?\d{1,2}|\d{1,2}/\d{1,2}/\d{2}(?!\d))"
# One written day with its year: "March 5, 2026", "5 March 2026", "05-Mar-2026" (both ends of a range may be).
_WRITTEN = (rf"(?:{_MON}\s+{_DAY}{_YEAR_SEP}\d{{4}}|{_DAY}\s+(?:of\s+)?{_MON}{_YEAR_SEP}\d{{4}}"
            rf"|\d{{1,2}}\s?-\s?{_MONTH}\s?-\s?\d{{4}})")
# A weekday before an event's day ("Fri 13 - Sun 15 June 2025"); between two such days the dash
# may be lost to a fax ("Fri 7 Sat 8 November 2025"), and the weekdays still say it is a range.
# A planner's week ("Mon, Nov 3 - Sun, Nov 9, 2025", its month before each day) is not read as one:
# an event's day inside it would pass for one of its days.
WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?[,.]?"
_WD_TO = rf"(?:{_TO}|\s+)"
DATE_RE = re.compile(
    r"(?<![\d/.\-])(?:"
    rf"{WEEKDAY}\s+{_DAY}{_WD_TO}{WEEKDAY}\s+{_DAY}\s+(?:of\s+)?{_MON}{_YEAR_SEP}\d{{4}}"   # Fri 13 - Sun 15 June 2025
    r"|"
    rf"{_NUMERIC}\s*(?:–|—|-|to|through|thru)\s*{_NUMERIC}"   # an event's days: 04/30/2026 - 05/02/2026, 4/30/26 - 5/2/26
    rf"|{_WRITTEN}{_TO}{_WRITTEN}"                          # October 10, 2025 - October 12, 2025
    r"|"
    r"\d{1,2} ?[/.\-] ?\d ?\d? ?[/.\-] ?\d{4}"            # 03/05/2026 (US order, R15); OCR's "04/1 1/2026"
    r"|\d{4} ?[\-/.] ?\d{1,2} ?[\-/.] ?\d{1,2}"              # 2026-03-05, 2026/03/05; OCR's "2025.03. 11"
    r"|\d{1,2}/\d{1,2}/\d{2}"                              # 3/5/26
    rf"|{_MON}\s+{_DAY}{_TO}{_MON}\s+{_DAY}{_YEAR_SEP}\d{{4}}"   # April 30 - May 2, 2026
    rf"|{_MON}\s+{_DAY}{_TO}{_DAY}{_YEAR_SEP}\d{{4}}"       # May 3-5, 2026
    rf"|{_MON}\s+{_DAY}{_YEAR_SEP}\d{{4}}"                  # March 5, 2026
    rf"|{_MONTH}\s?-\s?{_DAY}(?:\s*,\s*|\s+)\d{{4}}"            # OCR's hyphen for the space: "May-6, 2026"
    rf"|{_DAY}{_TO}{_DAY}\s+(?:of\s+)?{_MON}{_YEAR_SEP}\d{{4}}"  # 3-5 May 2026
    rf"|(?:the\s+)?{_DAY}\s+{DAY_WORD}\s+of\s+{_MON}{_YEAR_SEP}(?:in\s+the\s+year\s+)?\d{{4}}"  # 3rd day of May, 2026
    rf"|{_DAY}\s+(?:of\s+)?{_MON}(?:{_YEAR_SEP})?\d{{4}}"   # 5 March 2026, 5th of March 2026, OCR's "26th April2025"
    rf"|{_DAY}\s+{_MON}\s+\d{{2}}(?![\d:.,]\d)"              # 5 May 26 (a two-digit year)
    rf"|\d{{1,2}}\s?-\s?{_MONTH}\s?-\s?(?:\d{{4}}|\d{{2}})"      # 03-May-2026, 3-May-26
    rf"|{_MONTH}\.?\s?[-/]\s?\d{{1,2}}\s?[-/]\s?\d{{4}}"            # May-03-2026, May/03/2026
    r")(?![\d/\-])", re.IGNORECASE)
# A date written out in words, as a diploma's prose writes it: "the thirteenth day of February, two
# thousand twenty-five" (also "twenty-first day of May in the year 2026"). `word_date` reads it.
_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_ORDINAL_UNITS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
_ORDINAL_TEENS = ("tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
                  "seventeenth", "eighteenth", "nineteenth")
_WORD_DAY = (rf"(?:(?:twenty|thirty)[\s-])?(?:{'|'.join(_ORDINAL_UNITS)})|{'|'.join(_ORDINAL_TEENS)}"
             r"|twentieth|thirtieth")
_WORD_YEAR = (rf"\d{{4}}|two\s+thousand(?:\s+and)?(?:\s+(?:(?:twenty|thirty)(?:[\s-](?:{'|'.join(_UNITS)}))?"
              rf"|{'|'.join(_TEENS)}|{'|'.join(_UNITS)}))?")
WORD_DATE_RE = re.compile(rf"(?<![A-Za-z])(?P<day>{_WORD_DAY})\s+{DAY_WORD}\s+of\s+(?P<month>{_MONTH})\.?"
                          rf"\s*,?\s*(?:in\s+the\s+year\s+(?:of\s+)?)?(?P<year>{_WORD_YEAR})(?![A-Za-z0-9])",
                          re.IGNORECASE)


def word_date(m: re.Match) -> str | None:
    """A WORD_DATE_RE match as the date parser reads it ("February 13, 2025"); None when its
    words make no such day."""
    words = re.split(r"[\s-]+", m["day"].casefold())
    day = {"twentieth": 20, "thirtieth": 30}.get(words[-1])
    if day is None:
        ones = _ORDINAL_UNITS + _ORDINAL_TEENS
        day = ones.index(words[-1]) + 1 + {"twenty": 20, "thirty": 30}.get(words[0], 0) * (len(words) > 1)
    year_words = [w for w in re.split(r"[\s-]+", m["year"].casefold()) if w != "and"]
    if year_words[0].isdigit():
        year = int(year_words[0])
    else:
        year = 2000
        for w in year_words[2:]:
            year += ({"twenty": 20, "thirty": 30} | {u: i + 1 for i, u in enumerate(_UNITS)}
                     | {t: i + 10 for i, t in enumerate(_TEENS)})[w]
    return f"{m['month']} {day}, {year}" if day <= 31 else None


MONTH_RE = re.compile(rf"(?<![A-Za-z]){_MONTH}(?![a-z])", re.IGNORECASE)
_NUMBER = r"(?:\d{1,2}(?:[.,]\d{1,2})?|[.,]\d{1,2})"
NUMBER_RE = re.compile(rf"(?<![\d.,]){_NUMBER}(?![\d])")
# "0.8 CECs", "12 contact hours", and a number written out before its figure: "two (2.0) CECs".
CEUS_SUFFIX_RE = re.compile(rf"(?<![\d.,])({_NUMBER})\)?\s*(?:ACE\s+)?(?:CECs?|CEUs?|continuing\s+education\s+credits?)"
                            r"(?![A-Za-z])", re.IGNORECASE)
HOURS_SUFFIX_RE = re.compile(rf"(?<![\d.,])({_NUMBER})\)?\s*(?:contact\s+|clock\s+|CE\s+)?hours?(?![A-Za-z])",
                             re.IGNORECASE)
EMAIL_RE = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
# An ID: digits, perhaps after a few capitals; never a course number ("CEP314150" in the cell a
# two-column form's ID caption also stands over).
ID_RE = re.compile(rf"(?<![A-Za-z0-9])(?!{_PREFIX}-?\d{{5,6}}(?![A-Za-z0-9]))(?:[A-Z]{{1,3}}-?)?\d{{4,10}}(?![A-Za-z0-9])")

NAME_TOKEN = re.compile(r"[^\W\d_](?:[^\W\d_]|['’.\-])*")
PARTICLES = frozenset({"van", "von", "de", "del", "della", "der", "den", "da", "das", "do", "dos", "di", "du",
                        "la", "le", "ter", "ten", "zu", "bin", "ibn", "al", "el", "st.", "y"})
# Words that end a name in running text ("Jane Doe has successfully completed").
NAME_STOP = re.compile(r"\s(?:has|have|had|who|for|successfully|completed|attended|is|was|on|in|with|at|"
                        r"and|from)\b|\(|,\s*(?:ace|id|certificant|member|\d)", re.IGNORECASE)
# Words no name contains: a "name" made of these is a heading or a sentence.
NOT_NAMES = frozenset("""certificate certificates completion achievement attendance course courses date
ace id number provider education continuing credit credits cec cecs ceu ceus hours contact approval
participant participants attendee name title director signature the this that of program conference
training academy institute record fitness wellness safety studio congratulations dear hello hi thanks
thank welcome transcript extract statement summary report receipt verification account portal copy copies
office form duplicate original log activity history progress service services manager department""".split())
SEPARATORS = " \t:#|=-–—_•·"
EDGE_PUNCT = " \t:;,.|_-–—•·\"'“”()[]{}"


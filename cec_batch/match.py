"""Matching a row or page to one certificant (R16-R18): evidence first, precision always.

The ID is the strongest evidence, then email, then name (with birth date where
given). A credit is posted only when exactly one person is a confident match; in
every other case the row becomes `unknown_certificant` or `ambiguous_certificant`
with the evidence found and the candidates, so staff can decide in a minute.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Iterable, Protocol

from rapidfuzz import fuzz, process
from rapidfuzz.distance import DamerauLevenshtein

from cec_batch.model import Certificant, Finding
from cec_batch.normalize import (
    first_name_forms,
    first_names_compatible,
    name_tokens,
    normalize_email,
    normalize_id,
    person_keys,
    person_name_key,
    soundex,
    split_name,
)

# A name that differs by a small typo ("Jonh Smith") still agrees when the ID or the
# email agrees; on its own it is only a suggestion (R17).
FUZZY_NAME_SCORE = 85
# Another certificant whose name scores this close to a person's (rapidfuzz ratio: one or two
# letters apart in a short name, two or three in a long one) is a near rival: a poor reading
# of one could as well be the other.
NEAR_NAME_SCORE = 75
EXACT, FUZZY, NO = "exact", "fuzzy", "no"

Split = tuple[tuple[str, ...], tuple[str, ...]]
# A registry person as the quick screen (prescreen) compares them: the first name's first token,
# the surname's tokens joined (normalize.person_keys' first_key and surname_key), the email
# normalised (None without one).
Form = tuple[str, str, str | None]


def person_form(p: Certificant) -> Form | None:
    """P's Form, worked out from the names and email; None without both a first name and a surname."""
    surname, first, _sound, _first_sound = person_keys(p.first_name, p.last_name)
    return (first, surname, normalize_email(p.email)) if first and surname else None


@dataclass
class PersonRef:
    """What a row says about its person, raw and normalised."""

    certificant_id: str | None = None
    email: str | None = None
    names: list[Split] = field(default_factory=list)
    birth_date: date | None = None
    shown: str = ""  # the row's own words, for exports and messages

    @classmethod
    def from_row(cls, certificant_id, first_name, last_name, full_name, email, birth_date=None) -> "PersonRef":
        names: list[Split] = []
        shown_name = ""
        if first_name or last_name:
            first, last = str(first_name or "").strip(), str(last_name or "").strip()
            shown_name = f"{first} {last}".strip()
            if first and last:
                names.append((name_tokens(first), name_tokens(last)))
            elif last or first:
                names.extend(split_name(last or first))
        elif full_name:
            shown_name = str(full_name).strip()
            names.extend(split_name(shown_name))
        names = [(f, l) for f, l in names if f and l]
        cid = normalize_id(certificant_id)
        mail = normalize_email(email)
        shown = " ".join(x for x in (cid, shown_name, f"<{mail}>" if mail else None) if x)
        return cls(cid, mail, names, birth_date, shown)


@dataclass
class PageEvidence:
    """What a certificate page says for one certificant: a name printed on it, their ID, their email."""

    person: Certificant
    name: str | None = None           # the page's words that name them
    level: str = NO                   # how well that name agrees: exact, fuzzy or no
    certificant_id: str | None = None
    email: str | None = None

    @property
    def strength(self) -> int:
        """Name, ID and email each count; a name that only comes close counts only beside an ID or email."""
        name = 2 if self.level == EXACT else 1 if self.level == FUZZY and (self.certificant_id or self.email) else 0
        return name + (2 if self.certificant_id else 0) + (2 if self.email else 0)


@dataclass
class Match:
    """The outcome of matching: a certificant ID, or a finding for staff."""

    certificant_id: str | None
    evidence: list[str]
    finding: Finding | None = None


class Lookup(Protocol):
    """Where a Matcher finds people: the store (store.registry.StoreLookup) or a list (MemoryLookup).

    Each method takes a collection of keys and returns the certificants that have one of them.
    """

    def by_ids(self, ids: Collection[str]) -> Iterable[Certificant]: ...
    def form(self, p: Certificant) -> Form | None: ...
    def by_emails(self, emails: Collection[str]) -> Iterable[Certificant]: ...
    def by_names(self, names: Collection[tuple[str, str]]) -> Iterable[Certificant]: ...
    def sound_names(self, sound_keys: Collection[str], first_sounds: Collection[str]) -> Iterable[tuple[str, str]]:
        """The ID and name key (normalize.person_name_key) of everyone with one of the Soundex keys."""


class MemoryLookup:
    """A Lookup over a list of certificants held in memory (tests, tools); the same keys as the store."""

    def __init__(self, people: Iterable[Certificant]):
        self.people = {p.certificant_id: p for p in people}
        self._index: dict[str, dict] | None = None

    def _indexes(self) -> dict[str, dict]:
        if self._index is None:
            index: dict[str, dict] = {"email": defaultdict(list), "name": defaultdict(list),
                                      "sound": defaultdict(list), "first_sound": defaultdict(list)}
            for p in self.people.values():
                mail = normalize_email(p.email)
                if mail:
                    index["email"][mail].append(p)
                surname, first, sound, first_sound = person_keys(p.first_name, p.last_name)
                if surname and first:
                    index["name"][(surname, first)].append(p)
                if sound:
                    index["sound"][sound].append(p)
                    index["first_sound"][first_sound].append(p)
            self._index = index
        return self._index

    def by_ids(self, ids):
        return [self.people[i] for i in ids if i in self.people]

    def form(self, p):
        return person_form(p)

    def by_emails(self, emails):
        index = self._indexes()["email"]
        return [p for e in emails for p in index.get(e, ())]

    def by_names(self, names):
        index = self._indexes()["name"]
        return [p for key in names for p in index.get(key, ())]

    def sound_names(self, sound_keys, first_sounds):
        index = self._indexes()
        people = ([p for k in sound_keys for p in index["sound"].get(k, ())]
                  + [p for k in first_sounds for p in index["first_sound"].get(k, ())])
        return [(p.certificant_id, person_name_key(p.first_name, p.last_name)) for p in people]


class _ById(Mapping):
    """ID -> certificant, as far as a Matcher has looked (iterating gives the people looked up so far)."""

    def __init__(self, matcher: "Matcher"):
        self._m = matcher

    def __getitem__(self, cid):
        p = self._m.person(cid)
        if p is None:
            raise KeyError(cid)
        return p

    def get(self, cid, default=None):
        p = self._m.person(cid)
        return default if p is None else p

    def __contains__(self, cid):
        return self._m.person(cid) is not None

    def __iter__(self):
        self._m._make_all()
        return (cid for cid, p in list(self._m._people.items()) if p is not None)

    def __len__(self):
        self._m._make_all()
        return sum(p is not None for p in self._m._people.values())


class _ByEmail(Mapping):
    """Normalised email -> the certificants with it (an email nobody has is not a key)."""

    def __init__(self, matcher: "Matcher"):
        self._m = matcher

    def __getitem__(self, email):
        owners = self._m._owners(email)
        if not owners:
            raise KeyError(email)
        return owners

    def get(self, email, default=None):
        return self._m._owners(email) or default

    def __contains__(self, email):
        return bool(self._m._owners(email))

    def __iter__(self):
        return (e for e, owners in list(self._m._emails.items()) if owners)

    def __len__(self):
        return sum(bool(o) for o in self._m._emails.values())


class Matcher:
    """Matching against the registry, reading only the people a file names.

    MATCHER = Matcher(people) holds a list in memory; Matcher(lookup=StoreLookup(conn))
    asks the store. `prefetch` looks a file's distinct IDs, emails and names up in bulk;
    anything asked later that was not prefetched is one small indexed look-up, and every
    answer (including "nobody") is kept for the Matcher's life (one file, or one batch of
    staff decisions), so the registry is never read whole.
    """

    def __init__(self, people: Iterable[Certificant] = (), *, lookup: Lookup | None = None):
        if lookup is None:
            lookup = MemoryLookup(people)
            self._people: dict[str, Certificant | None] = dict(lookup.people)
        else:
            self._people = {}
        self.lookup = lookup
        self._emails: dict[str, list[Certificant]] = {}
        self._names: dict[tuple[str, str], list[Certificant]] = {}
        self._sounds: dict[tuple[str, str], tuple[list[str], list[str]]] = {}
        self._tokens: dict[str, Split] = {}
        # People found by ID through a lookup that gives them as rows (StoreLookup.rows_by_ids), not
        # yet made into Certificants: the quick screen of a large file needs only their Form.
        self._rows: dict[str, tuple] = {}
        self.by_id = _ById(self)
        self.by_email = _ByEmail(self)

    # -- looking up, in bulk and one by one ------------------------------------------
    def person(self, cid) -> Certificant | None:
        """The certificant with normalised ID CID, or None (by_id.get without the Mapping's step)."""
        if cid.__class__ is not str:
            return None
        try:
            return self._people[cid]
        except KeyError:
            pass
        row = self._rows.pop(cid, None)
        if row is None:
            self.prefetch(ids=(cid,))
            row = self._rows.pop(cid, None)
            if row is None:
                return self._people[cid]
        p = self._people[cid] = self.lookup.make(row)
        return p

    def _make_all(self) -> None:
        for cid in list(self._rows):
            self.person(cid)

    def form(self, cid) -> Form | None:
        """The Form of the certificant with normalised ID CID (as the store keeps it, see
        tables.certificants); None if there is none, or they lack a first name or surname."""
        row = self._rows.get(cid)
        if row is not None:
            form = self.lookup.row_form(row)
            if form is not False:
                return form
        p = self.person(cid)
        return None if p is None else self.lookup.form(p)

    def _owners(self, email) -> list[Certificant]:
        if email.__class__ is not str:
            return []
        try:
            return self._emails[email]
        except KeyError:
            self.prefetch(emails=(email,))
            return self._emails[email]

    def _keep(self, people: Iterable[Certificant]) -> list[Certificant]:
        kept = []
        rows = self._rows
        for p in people:
            if rows:
                rows.pop(p.certificant_id, None)  # now made: the row is not needed
            p = self._people.setdefault(p.certificant_id, p) or p
            kept.append(p)
        return kept

    def prefetch(self, ids: Iterable = (), emails: Iterable = (), names: Iterable[Split] = ()) -> None:
        """Look up, in bulk, every one of these IDs, normalised emails and name readings not yet known."""
        people, rows = self._people, self._rows
        new_ids = {i for i in ids if i.__class__ is str and i not in people and i not in rows}
        if new_ids:
            by_rows = getattr(self.lookup, "rows_by_ids", None)
            if by_rows is not None:  # kept as rows, made into Certificants when asked for (person)
                found_rows = {r[0]: r for r in by_rows(new_ids)}
                rows.update(found_rows)
                people.update(dict.fromkeys(new_ids - found_rows.keys()))  # nobody
            else:
                found = self.lookup.by_ids(new_ids)
                people.update(dict.fromkeys(new_ids))  # "nobody", unless found
                people.update({p.certificant_id: p for p in found})
        new_emails = {e for e in emails if e.__class__ is str and e not in self._emails}
        if new_emails:
            found: dict[str, list[Certificant]] = {e: [] for e in new_emails}
            for p in self._keep(self.lookup.by_emails(new_emails)):
                owners = found.get(normalize_email(p.email))
                if owners is not None and p not in owners:
                    owners.append(p)
            for e, owners in found.items():
                self._emails[e] = sorted(owners, key=lambda p: p.certificant_id)
        keys = {(_joined(rl), form) for rf, rl in names if rf and rl for form in first_name_forms(rf[0])}
        keys -= self._names.keys()
        if keys:
            found_n: dict[tuple[str, str], list[Certificant]] = {k: [] for k in keys}
            for p in self._keep(self.lookup.by_names(keys)):
                form = self.lookup.form(p)  # first-name token and surname key, as stored
                if form is not None and (form[1], form[0]) in found_n:
                    found_n[(form[1], form[0])].append(p)
            self._names.update(found_n)

    # -- names -----------------------------------------------------------------
    def person_tokens(self, p: Certificant) -> Split:
        t = self._tokens.get(p.certificant_id)
        if t is None:
            t = self._tokens[p.certificant_id] = (name_tokens(p.first_name), name_tokens(p.last_name))
        return t

    def name_level(self, p: Certificant, names: list[Split]) -> str:
        """How well any reading of the row's name agrees with P: exact, fuzzy or no."""
        pf, pl = self.person_tokens(p)
        best = NO
        for rf, rl in names:
            if rl == pl or _joined(rl) == _joined(pl):
                if pf and rf and first_names_compatible(rf[0], pf[0]):
                    return EXACT
            a, b = " ".join(rf + rl), " ".join(pf + pl)
            if fuzz.ratio(a, b) >= FUZZY_NAME_SCORE or fuzz.token_sort_ratio(a, b) >= FUZZY_NAME_SCORE:
                best = FUZZY
        return best

    def by_name(self, names: list[Split]) -> list[Certificant]:
        """Everyone whose name agrees exactly (nicknames, accents, order, initials aside)."""
        self.prefetch(names=names)
        found: dict[str, Certificant] = {}
        for rf, rl in names:
            if not (rf and rl):
                continue
            surname = _joined(rl)
            for form in first_name_forms(rf[0]):
                for p in self._names.get((surname, form), ()):
                    pf = self.person_tokens(p)[0]
                    if pf and first_names_compatible(rf[0], pf[0]):
                        found[p.certificant_id] = p
        return sorted(found.values(), key=lambda p: p.certificant_id)

    def _sound_block(self, rf: tuple[str, ...], rl: tuple[str, ...]) -> tuple[list[str], list[str]]:
        """The IDs of the people who share a Soundex block with the reading (surname sound and first
        initial, or first-name sound and surname initial, normalize.person_keys), and their names as
        similar_names compares them, in the same order. Only IDs and names are read: a block is
        thousands of people at a million certificants, and a few of them are named in the end."""
        surname, first = _joined(rl), rf[0]
        key = (f"{soundex(surname)}{first[:1]}", f"{soundex(first)}{surname[:1]}")
        found = self._sounds.get(key)
        if found is None:
            block = dict(self.lookup.sound_names({key[0]}, {key[1]}))
            found = self._sounds[key] = (list(block), list(block.values()))
        return found

    def near_rivals(self, p: Certificant) -> list[Certificant]:
        """The other certificants whose name is within a few letters of P's (NEAR_NAME_SCORE).

        Searched in P's Soundex blocks, as `similar_names` is: a misreading that keeps the
        first letters of the first name and surname stays in one of them.
        """
        pf, pl = self.person_tokens(p)
        if not (pf and pl):
            return []
        key = " ".join(pf + pl)
        ids, keys = self._sound_block(pf, pl)
        near = [cid for cid, other in zip(ids, keys)
                if cid != p.certificant_id and fuzz.ratio(other, key) >= NEAR_NAME_SCORE]
        self.prefetch(ids=near)
        return [q for q in map(self.person, near) if q is not None]

    def similar_names(self, names: list[Split], limit: int = 3) -> list[Certificant]:
        """Near misses by name, for the detail of an `unknown_certificant`.

        Searched among the people who share a Soundex block with a reading of the name
        (a typo keeps at least one of the two blocks), never the whole registry.
        """
        seen: dict[str, float] = {}
        for rf, rl in names:
            if not (rf and rl):
                continue
            ids, keys = self._sound_block(rf, rl)
            if not ids:
                continue
            query = " ".join(rf + rl)
            for _key, score, idx in process.extract(query, keys, scorer=fuzz.token_sort_ratio,
                                                    limit=None, score_cutoff=75):
                cid = ids[idx]
                seen[cid] = max(score, seen.get(cid, 0))
        best = sorted(seen, key=lambda c: (-seen[c], c))[:limit]
        self.prefetch(ids=best)
        return [p for p in map(self.person, best) if p is not None]

    def on_page(self, names: Iterable[str], ids: Iterable[str] = (), emails: Iterable[str] = ()) -> list[PageEvidence]:
        """Everyone a certificate page points at, with the evidence for each (strongest first).

        NAMES are the page's candidate name strings ("Jane Doe", "DOE, Jane", a
        dot-leader form's cell); IDS and EMAILS the ID- and email-shaped strings on
        it. A name agrees exactly as in `by_name` (nicknames, accents, order); an ID
        or email found on the page counts for its owner, whose name on the page may
        then differ by a small typo (R17).
        """
        texts = list(dict.fromkeys(t for t in names if t and t.strip()))
        splits = {t: [(f, l) for f, l in split_name(t) if f and l] for t in texts}
        found: dict[str, PageEvidence] = {}
        for text in texts:
            for p in self.by_name(splits[text]):
                ev = found.setdefault(p.certificant_id, PageEvidence(p))
                if ev.level != EXACT:
                    ev.name, ev.level = text, EXACT
        owners: list[tuple[Certificant, str, str]] = []
        for raw in ids:
            cid = normalize_id(raw)
            if cid and cid in self.by_id:
                owners.append((self.by_id[cid], "certificant_id", cid))
        for raw in emails:
            mail = normalize_email(raw)
            if mail:
                owners.extend((p, "email", mail) for p in self.by_email.get(mail, ()))
        for p, what, value in owners:
            ev = found.setdefault(p.certificant_id, PageEvidence(p))
            setattr(ev, what, value)
            if ev.level == NO:
                for text in texts:
                    if self.name_level(p, splits[text]) == FUZZY:
                        ev.name, ev.level = text, FUZZY
                        break
        return sorted(found.values(), key=lambda e: (-e.strength, e.person.certificant_id))

    # -- the decision ------------------------------------------------------------
    def decided(self, certificant_id: str) -> Match:
        """A member of staff named the person: accepted if they are in the registry."""
        cid = normalize_id(certificant_id)
        if cid in self.by_id:
            return Match(cid, [f"staff decision: {self.by_id[cid].display}"])
        return Match(None, [], Finding("unknown_certificant", "R18",
                                       f"certificant {certificant_id} named in the decision is not in the registry",
                                       {"candidates": []}))

    def match(self, ref: PersonRef) -> Match:
        """R16-R18: exactly one confident candidate, or a finding that says why not."""
        evidence: list[str] = []
        given = ref.certificant_id
        if given and given in self.by_id:
            p = self.by_id[given]
            level = self.name_level(p, ref.names) if ref.names else None
            mail_ok = None if not ref.email else ref.email == normalize_email(p.email)
            if ref.birth_date and p.birth_date and ref.birth_date != p.birth_date:
                evidence.append(f"ID {given} is {p.display}, but the birth date differs")
            elif level in (EXACT, FUZZY) or mail_ok:
                evidence.append(f"ID {given}" + (" and name agree" if level == EXACT else
                                                  " agrees, name close" if level == FUZZY else " and email agree"))
                return Match(given, evidence)
            elif level is None and mail_ok is None:
                return Match(given, [f"ID {given} (no name or email on the row)"])
            elif level is None and mail_ok is False and not self.by_email.get(ref.email):
                return Match(given, [f"ID {given}; email {ref.email} is not in the registry"])
            elif level is None and mail_ok is False:
                # Only the ID and the email speak, and they name different people.
                owners = self.by_email[ref.email]
                return self._refuse(ref, [f"ID {given} is {p.display}, but email {ref.email} belongs to "
                                          f"{_people(owners)}"], [p, *owners])
            else:
                evidence.append(f"ID {given} is {p.display}, whose name and email do not agree with the row")
        elif given:
            evidence.append(f"ID {given} is not in the registry")

        # R17: no usable ID (absent, unknown, or a typo): look by email, then by name.
        candidates: list[Certificant] = []
        how = ""
        if ref.email and ref.email in self.by_email:
            owners = self.by_email[ref.email]
            candidates = [p for p in owners if not ref.names or self.name_level(p, ref.names) != NO]
            how = "email"
            if not candidates:
                evidence.append(f"email {ref.email} belongs to {', '.join(p.display for p in owners)}, "
                                f"whose name does not agree")
        elif ref.email:
            evidence.append(f"email {ref.email} is not in the registry")
        if not candidates and ref.names:
            candidates = self.by_name(ref.names)
            how = "name"
        if ref.birth_date:
            candidates = [p for p in candidates if p.birth_date in (None, ref.birth_date)]

        if given and candidates:
            near = [p for p in candidates if DamerauLevenshtein.distance(given, p.certificant_id) <= 1]
            if len(near) == 1:
                p = near[0]
                evidence.append(f"{how} agrees with {p.display}; ID {given} taken as a typo of {p.certificant_id}")
                return Match(p.certificant_id, evidence)
            if how == "name":
                # A name alone does not outweigh an ID that points elsewhere (R16).
                return self._refuse(ref, evidence + [f"name agrees with {_people(candidates)}, "
                                                     f"but the row's ID {given} is not theirs"], candidates)
        if len(candidates) == 1:
            p = candidates[0]
            evidence.append(f"{how} agrees with {p.display}")
            return Match(p.certificant_id, evidence)
        return self._refuse(ref, evidence, candidates)

    def _refuse(self, ref: PersonRef, evidence: list[str], candidates: list[Certificant]) -> Match:
        if len(candidates) > 1 or (ref.certificant_id in self.by_id and candidates):
            if ref.certificant_id in self.by_id and self.by_id[ref.certificant_id] not in candidates:
                candidates = [self.by_id[ref.certificant_id], *candidates]
            return Match(None, evidence, Finding(
                "ambiguous_certificant", "R18",
                f"{len(candidates)} certificants fit \"{ref.shown}\" and nothing separates them: "
                f"{_people(candidates)}; add the ID or email",
                {"evidence": evidence, "candidates": [_person_dict(p) for p in candidates]},
            ))
        if not (ref.certificant_id or ref.email or ref.names):
            return Match(None, evidence, Finding(
                "unknown_certificant", "R18", "the row names no person (no ID, email or name)",
                {"evidence": evidence, "candidates": []}))
        similar = self.similar_names(ref.names)
        hint = f"; similar names: {_people(similar)}" if similar else ""
        evidence_text = "; ".join(evidence) if evidence else "no ID, email or name matches the registry"
        return Match(None, evidence, Finding(
            "unknown_certificant", "R18",
            f"no certificant matches \"{ref.shown}\" ({evidence_text}){hint}",
            {"evidence": evidence, "candidates": [_person_dict(p) for p in similar]},
        ))


def _joined(tokens: tuple[str, ...]) -> str:
    return "".join(tokens)


def _people(people: list[Certificant]) -> str:
    return ", ".join(p.display for p in people)


def _person_dict(p: Certificant) -> dict:
    return {"certificant_id": p.certificant_id, "name": f"{p.first_name} {p.last_name}",
            "email": p.email, "birth_date": p.birth_date.isoformat() if p.birth_date else None}

"""Matching a row or page to one certificant (R16-R18): evidence first, precision always.

The ID is the strongest evidence, then email, then name (with birth date where
given). A credit is posted only when exactly one person is a confident match; in
every other case the row becomes `unknown_certificant` or `ambiguous_certificant`
with the evidence found and the candidates, so staff can decide in a minute.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Iterable

from rapidfuzz import fuzz, process
from rapidfuzz.distance import DamerauLevenshtein

from cec_batch.model import Certificant, Finding
from cec_batch.normalize import (
    first_names_compatible,
    name_tokens,
    normalize_email,
    normalize_id,
    split_name,
)

# A name that differs by a small typo ("Jonh Smith") still agrees when the ID or the
# email agrees; on its own it is only a suggestion (R17).
FUZZY_NAME_SCORE = 85
EXACT, FUZZY, NO = "exact", "fuzzy", "no"

Split = tuple[tuple[str, ...], tuple[str, ...]]


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


class Matcher:
    """Indexes over the registry, built once per batch; the name index only when needed."""

    def __init__(self, people: Iterable[Certificant]):
        self.by_id: dict[str, Certificant] = {p.certificant_id: p for p in people}
        self._by_email: dict[str, list[Certificant]] | None = None
        self._by_last: dict[str, list[Certificant]] | None = None
        self._tokens: dict[str, Split] = {}
        self._fuzzy_keys: list[str] | None = None
        self._fuzzy_ids: list[str] = []

    @property
    def by_email(self) -> dict[str, list[Certificant]]:
        """Everyone by normalised email (built on first use: clean rows never need it)."""
        if self._by_email is None:
            index: dict[str, list[Certificant]] = defaultdict(list)
            for p in self.by_id.values():
                mail = normalize_email(p.email)
                if mail:
                    index[mail].append(p)
            self._by_email = index
        return self._by_email

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

    def _last_index(self) -> dict[str, list[Certificant]]:
        if self._by_last is None:
            index: dict[str, list[Certificant]] = defaultdict(list)
            for p in self.by_id.values():
                last = self.person_tokens(p)[1]
                if last:
                    index[_joined(last)].append(p)
            self._by_last = index
        return self._by_last

    def by_name(self, names: list[Split]) -> list[Certificant]:
        """Everyone whose name agrees exactly (nicknames, accents, order, initials aside)."""
        index = self._last_index()
        found: dict[str, Certificant] = {}
        for rf, rl in names:
            for p in index.get(_joined(rl), ()):
                pf = self.person_tokens(p)[0]
                if pf and rf and first_names_compatible(rf[0], pf[0]):
                    found[p.certificant_id] = p
        return sorted(found.values(), key=lambda p: p.certificant_id)

    def similar_names(self, names: list[Split], limit: int = 3) -> list[Certificant]:
        """Near misses by name, for the detail of an `unknown_certificant`."""
        if not names:
            return []
        if self._fuzzy_keys is None:
            self._fuzzy_ids = list(self.by_id)
            self._fuzzy_keys = [" ".join(sum(self.person_tokens(self.by_id[i]), ())) for i in self._fuzzy_ids]
        seen: dict[str, float] = {}
        for rf, rl in names:
            query = " ".join(rf + rl)
            for _key, score, idx in process.extract(query, self._fuzzy_keys, scorer=fuzz.token_sort_ratio,
                                                    limit=limit, score_cutoff=75):
                cid = self._fuzzy_ids[idx]
                seen[cid] = max(score, seen.get(cid, 0))
        best = sorted(seen, key=lambda c: (-seen[c], c))[:limit]
        return [self.by_id[c] for c in best]

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

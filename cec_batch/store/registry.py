"""The registry as matching sees it: people looked up by the keys a file names, through indexes.

StoreLookup answers match.Matcher's questions (these IDs, these emails, these
surname and first-name pairs, these Soundex blocks) with one indexed query per
batch of keys, on the connection of the file's transaction. Nothing here reads
the whole registry.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Collection, Iterator

from sqlalchemy import Connection, and_, or_, select

from cec_batch.match import Form, person_form, person_name_keys
from cec_batch.model import Certificant
from cec_batch.store.bulk import as_date, rows_for_keys
from cec_batch.store.tables import certificants as t

BATCH = 500  # keys per IN list: well inside every database's parameter limit
ID_BATCH = 5000  # the same for the ID look-up of every row of a file (on the driver: no statement to compile)
_COLUMNS = (t.c.certificant_id, t.c.first_name, t.c.last_name, t.c.email, t.c.birth_date)
_BY_IDS = ("SELECT certificant_id, first_name, last_name, email, birth_date, first_key, surname_key, email_key, "
           "name_key FROM certificants WHERE certificant_id IN ({keys})")


def _batches(keys: Collection) -> Iterator[list]:
    keys = sorted(keys)
    for i in range(0, len(keys), BATCH):
        yield keys[i:i + BATCH]


class StoreLookup:
    """match.Lookup over the certificants table, on CONN."""

    def __init__(self, conn: Connection):
        self.conn = conn
        # The stored Form (match.Form) and name key of the people looked up, by ID (see form()).
        self._forms: dict[str, Form | None] = {}
        self._names: dict[str, str] = {}

    def _people(self, where) -> list[Certificant]:
        return [Certificant(*r) for r in self.conn.execute(select(*_COLUMNS).where(where))]

    def by_ids(self, ids):
        # The look-up of every row of a large file: on the driver (see store.bulk). The stored keys
        # come with each person (a row written by other means than `load` has none: name_key NULL).
        people = []
        forms, names = self._forms, self._names
        for cid, first, last, email, birth, first_key, surname_key, email_key, name_key in rows_for_keys(
                self.conn, _BY_IDS, sorted(ids), ID_BATCH):
            people.append(Certificant(cid, first, last, email, as_date(birth)))
            if name_key is not None:
                forms[cid] = (first_key, surname_key, email_key) if first_key and surname_key else None
                names[cid] = name_key
        return people

    def form(self, p: Certificant) -> Form | None:
        """P's Form as stored with them (tables.certificants), or worked out if it is not."""
        try:
            return self._forms[p.certificant_id]
        except KeyError:
            return person_form(p)

    def name_keys(self, people):
        """The stored name key of each of PEOPLE (or worked out if it is not stored), by ID."""
        names, out, missing = self._names, {}, []
        for p in people:
            cid = p.certificant_id
            if cid in names:
                out[cid] = names[cid]
            else:
                missing.append(p)
        if missing:
            out.update(person_name_keys(missing))
        return out

    def by_emails(self, emails):
        return [p for group in _batches(emails) for p in self._people(t.c.email.in_(group))]

    def by_names(self, names):
        """NAMES: (surname key, first-name form) pairs; one OR of surname-and-forms terms per batch."""
        forms: dict[str, set[str]] = defaultdict(set)
        for surname, first in names:
            forms[surname].add(first)
        found = []
        surnames = sorted(forms)
        for i in range(0, len(surnames), 50):
            terms = [and_(t.c.surname_key == s, t.c.first_key.in_(sorted(forms[s]))) for s in surnames[i:i + 50]]
            found.extend(self._people(or_(*terms)))
        return found

    def by_sounds(self, sound_keys, first_sounds):
        # Blocks of up to thousands of people at a million certificants, for the few rows that match
        # nobody: on the driver, with each person's stored name key (similar_names compares by it).
        keys = sorted(k for k in sound_keys if k)
        firsts = sorted(k for k in first_sounds if k)
        if not (keys or firsts):
            return []
        mark = "?" if self.conn.dialect.paramstyle == "qmark" else "%s"
        where = " OR ".join(w for w in (f"sound_key IN ({', '.join([mark] * len(keys))})" if keys else "",
                                        f"first_sound IN ({', '.join([mark] * len(firsts))})" if firsts else "") if w)
        people, names = [], self._names
        for cid, first, last, email, birth, name_key in self.conn.exec_driver_sql(
                "SELECT certificant_id, first_name, last_name, email, birth_date, name_key FROM certificants "
                f"WHERE {where}", tuple(keys + firsts)).fetchall():
            people.append(Certificant(cid, first, last, email, as_date(birth)))
            if name_key is not None:
                names[cid] = name_key
        return people

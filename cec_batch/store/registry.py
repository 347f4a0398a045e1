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

from cec_batch.model import Certificant
from cec_batch.store.bulk import as_date, rows_for_keys
from cec_batch.store.tables import certificants as t

BATCH = 500  # keys per IN list: well inside every database's parameter limit
ID_BATCH = 5000  # the same for the ID look-up of every row of a file (on the driver: no statement to compile)
_COLUMNS = (t.c.certificant_id, t.c.first_name, t.c.last_name, t.c.email, t.c.birth_date)
_BY_IDS = ("SELECT certificant_id, first_name, last_name, email, birth_date FROM certificants "
           "WHERE certificant_id IN ({keys})")


def _batches(keys: Collection) -> Iterator[list]:
    keys = sorted(keys)
    for i in range(0, len(keys), BATCH):
        yield keys[i:i + BATCH]


class StoreLookup:
    """match.Lookup over the certificants table, on CONN."""

    def __init__(self, conn: Connection):
        self.conn = conn

    def _people(self, where) -> list[Certificant]:
        return [Certificant(*r) for r in self.conn.execute(select(*_COLUMNS).where(where))]

    def by_ids(self, ids):
        # The look-up of every row of a large file: on the driver (see store.bulk).
        return [Certificant(cid, first, last, email, as_date(birth)) for cid, first, last, email, birth
                in rows_for_keys(self.conn, _BY_IDS, sorted(ids), ID_BATCH)]

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
        keys = sorted(k for k in sound_keys if k)
        firsts = sorted(k for k in first_sounds if k)
        if not (keys or firsts):
            return []
        return self._people(or_(t.c.sound_key.in_(keys), t.c.first_sound.in_(firsts)))

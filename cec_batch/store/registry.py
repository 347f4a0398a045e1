"""The registry as matching sees it: people looked up by the keys a file names, through indexes.

StoreLookup answers match.Matcher's questions (these IDs, these emails, these
surname and first-name pairs, these Soundex blocks) with one indexed query per
batch of keys, on the connection of the file's transaction. Nothing here reads
the whole registry.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Collection, Iterator

from sqlalchemy import Connection

from cec_batch.match import Form, person_form
from cec_batch.normalize import CLEAN_EMAIL_RE, normalize_email, person_name_key
from cec_batch.model import Certificant
from cec_batch.store.bulk import as_date, rows_for_keys

BATCH = 500  # keys per IN list: well inside every database's parameter limit
ID_BATCH = 5000  # the same for the ID look-up of every row of a file (on the driver: no statement to compile)
_SELECT = "SELECT certificant_id, first_name, last_name, email, birth_date, first_key, surname_key FROM certificants"
_BY_IDS = _SELECT + " WHERE certificant_id IN ({keys})"
_clean_email = CLEAN_EMAIL_RE.fullmatch


def _batches(keys: Collection) -> Iterator[list]:
    keys = sorted(keys)
    for i in range(0, len(keys), BATCH):
        yield keys[i:i + BATCH]


class StoreLookup:
    """match.Lookup over the certificants table, on CONN."""

    def __init__(self, conn: Connection):
        self.conn = conn
        # The stored Form (match.Form) of the people looked up, by ID (see form()).
        self._forms: dict[str, Form | None] = {}

    def _people(self, where: str, params: tuple) -> list[Certificant]:
        """The people of the WHERE clause (PARAMS in the driver's style), on the driver (store.bulk)."""
        return [self.make(r) for r in self.conn.exec_driver_sql(_SELECT + where, params).fetchall()]

    def _marks(self, n: int) -> str:
        return ", ".join(["?" if self.conn.dialect.paramstyle == "qmark" else "%s"] * n)

    def by_ids(self, ids):
        return [self.make(row) for row in self.rows_by_ids(ids)]

    def rows_by_ids(self, ids) -> list[tuple]:
        """The people with IDS as rows of the store (make, row_form): the look-up of every row of a
        large file, on the driver (see store.bulk), each person's stored keys with them."""
        return rows_for_keys(self.conn, _BY_IDS, sorted(ids), ID_BATCH)

    def make(self, row: tuple) -> Certificant:
        """The Certificant of a row of rows_by_ids (its Form from the stored keys kept for form())."""
        cid, first, last, email, birth, _first_key, _surname_key = row
        form = self.row_form(row)
        if form is not False:
            self._forms[cid] = form
        return Certificant(cid, first, last, email, as_date(birth))

    @staticmethod
    def row_form(row: tuple) -> Form | None | bool:
        """The Form of a row of rows_by_ids from its stored blocking keys (first_key and surname_key are
        person_keys' own) and its email; False if its keys are not stored yet (ask form())."""
        first_key, surname_key = row[5], row[6]
        if surname_key is None:  # written by other means than `load`, keys not filled yet
            return False
        if not (first_key and surname_key):
            return None
        email = row[3]
        # `load` stores emails normalised: normalize_email's clean form is its own normalisation.
        return first_key, surname_key, email if email is None or _clean_email(email) else normalize_email(email)

    def form(self, p: Certificant) -> Form | None:
        """P's Form from their stored keys (tables.certificants), or worked out if they have none yet."""
        try:
            return self._forms[p.certificant_id]
        except KeyError:
            return person_form(p)

    def by_emails(self, emails):
        return [p for group in _batches(emails)
                for p in self._people(f" WHERE email IN ({self._marks(len(group))})", tuple(group))]

    def by_names(self, names):
        """NAMES: (surname key, first-name form) pairs; one OR of surname-and-forms terms per batch."""
        forms: dict[str, set[str]] = defaultdict(set)
        for surname, first in names:
            forms[surname].add(first)
        found = []
        surnames = sorted(forms)
        eq = self._marks(1)
        for i in range(0, len(surnames), 50):
            terms, params = [], []
            for s in surnames[i:i + 50]:
                firsts = sorted(forms[s])
                terms.append(f"(surname_key = {eq} AND first_key IN ({self._marks(len(firsts))}))")
                params += [s, *firsts]
            found.extend(self._people(" WHERE " + " OR ".join(terms), tuple(params)))
        return found

    def sound_names(self, sound_keys, first_sounds):
        # Blocks of up to thousands of people at a million certificants, for the few rows that match
        # nobody: their IDs and names only, on the driver.
        keys = sorted(k for k in sound_keys if k)
        firsts = sorted(k for k in first_sounds if k)
        if not (keys or firsts):
            return []
        terms = ([f"sound_key IN ({self._marks(len(keys))})"] if keys else []) + \
            ([f"first_sound IN ({self._marks(len(firsts))})"] if firsts else [])
        rows = self.conn.exec_driver_sql("SELECT certificant_id, first_name, last_name FROM certificants "
                                         "WHERE " + " OR ".join(terms), tuple(keys + firsts)).fetchall()
        return [(cid, person_name_key(first, last)) for cid, first, last in rows]

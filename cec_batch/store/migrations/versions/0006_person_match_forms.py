"""Each certificant's normalised email and name key, stored so an ingest does not work them out per row.

email_key is the email as matching compares it (normalize.normalize_email; NULL when there is
none or it is not an address); name_key the name's tokens, first name then surname, as one
text (normalize.person_name_key), the key similar names are searched by. `load` writes both
from now on; existing rows are filled here, a batch of rows at a time.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

BATCH = 20_000


def upgrade() -> None:
    with op.batch_alter_table("certificants") as batch:
        batch.add_column(sa.Column("email_key", sa.String(length=254), nullable=True))
        batch.add_column(sa.Column("name_key", sa.String(length=300), nullable=True))
    fill(op.get_bind())


def fill(conn) -> int:
    """Fill email_key and name_key of every certificant, in certificant order, BATCH rows a query."""
    from cec_batch.normalize import normalize_email, person_name_key

    t = sa.table("certificants", sa.column("certificant_id"), sa.column("first_name"), sa.column("last_name"),
                 sa.column("email"), sa.column("email_key"), sa.column("name_key"))
    stmt = (sa.update(t).where(t.c.certificant_id == sa.bindparam("cid"))
            .values(email_key=sa.bindparam("k_email"), name_key=sa.bindparam("k_name")))
    done, last = 0, None
    while True:
        q = sa.select(t.c.certificant_id, t.c.first_name, t.c.last_name, t.c.email)
        if last is not None:
            q = q.where(t.c.certificant_id > last)
        rows = conn.execute(q.order_by(t.c.certificant_id).limit(BATCH)).all()
        if not rows:
            return done
        conn.execute(stmt, [{"cid": cid, "k_email": normalize_email(email) if email is not None else None,
                             "k_name": person_name_key(first, last_name)}
                            for cid, first, last_name, email in rows])
        done, last = done + len(rows), rows[-1][0]


def downgrade() -> None:
    with op.batch_alter_table("certificants") as batch:
        batch.drop_column("name_key")
        batch.drop_column("email_key")

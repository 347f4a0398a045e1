"""SQLAlchemy Core tables: the one place the schema is written down.

Any change here needs a new Alembic revision in store/migrations/versions/.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Numeric,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

CEUS = Numeric(5, 1)

certificants = Table(
    "certificants",
    metadata,
    Column("certificant_id", String(32), primary_key=True),
    Column("first_name", String(100), nullable=False),
    Column("last_name", String(100), nullable=False),
    Column("email", String(254)),
    Column("birth_date", Date),
    # Blocking keys (normalize.person_keys), written by `load`: a file's names are looked up
    # through these indexes, so matching never reads the whole registry.
    Column("surname_key", String(100)),
    Column("first_key", String(100)),
    Column("sound_key", String(8)),
    Column("first_sound", String(8)),
    # No index on last_name: nothing looks people up by it (migration 0006).
    Index("ix_certificants_email", "email"),
    Index("ix_certificants_name", "surname_key", "first_key"),
    Index("ix_certificants_sound_key", "sound_key"),
    Index("ix_certificants_first_sound", "first_sound"),
)

# R2: one row per certification period; a person may hold several.
certifications = Table(
    "certifications",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("certificant_id", String(32), ForeignKey("certificants.certificant_id"), nullable=False),
    Column("certification", String(100), nullable=False),
    Column("period_start", Date, nullable=False),
    Column("period_end", Date, nullable=False),
    UniqueConstraint("certificant_id", "certification", "period_start", name="uq_certifications_period"),
    CheckConstraint("period_end >= period_start", name="period_order"),
    # A person's periods are found through the unique index above, which certificant_id leads.
)

courses = Table(
    "courses",
    metadata,
    Column("course_number", String(16), primary_key=True),
    Column("title", String(300), nullable=False),
    Column("provider", String(200), nullable=False),
    Column("ceus", CEUS, nullable=False),
    Column("category", String(16), nullable=False),
    Column("approved_from", Date, nullable=False),
    Column("approved_to", Date),
    CheckConstraint(
        "category IN ('standard','event','cpr','aed','first_aid','activity')", name="category"
    ),
)

# One row per run of a data-changing command.
batches = Table(
    "batches",
    metadata,
    Column("batch_id", Integer, primary_key=True, autoincrement=True),
    Column("command", String(40), nullable=False),
    Column("operator", String(100), nullable=False),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True)),
    Column("status", String(16), nullable=False, server_default="running"),
    Column("summary", JSON),
    Column("processing_date", Date),  # --today of the batch; reports count by it (none before 0005)
)

# R26: one application per file content; the unique hash is the guard.
files = Table(
    "files",
    metadata,
    Column("file_id", Integer, primary_key=True, autoincrement=True),
    Column("sha256", String(64), nullable=False, unique=True),
    Column("original_name", String(500), nullable=False),
    Column("size_bytes", Integer, nullable=False),
    Column("kind", String(16), nullable=False),  # roster, certificate, unreadable
    Column("batch_id", Integer, ForeignKey("batches.batch_id"), nullable=False),
    Column("applied_at", DateTime(timezone=True), nullable=False),
    Column("operator", String(100), nullable=False),
    Column("rows", Integer, nullable=False, server_default="0"),
    Column("provider", String(200)),  # as given with --provider
    Column("archive_path", String(1000)),
    Column("format_note", Text),  # what the file really was when its name said otherwise
)

# R24: append-only ledger. A credit row is never updated or deleted; a reversal is
# a row in `reversals`. `generation` counts earlier credits of the same person and
# course (all reversed), so the unique constraint allows exactly one standing
# credit per certificant and course number (R14) even under concurrent writers.
credits = Table(
    "credits",
    metadata,
    Column("credit_id", Integer, primary_key=True, autoincrement=True),
    Column("certificant_id", String(32), ForeignKey("certificants.certificant_id"), nullable=False),
    Column("course_number", String(16), nullable=False),
    Column("generation", Integer, nullable=False, server_default="0"),
    Column("completion_date", Date, nullable=False),
    Column("ceus", CEUS, nullable=False),
    Column("category", String(16), nullable=False),
    Column("source", String(16), nullable=False),  # roster, certificate, petition, resolution
    Column("file_id", Integer, ForeignKey("files.file_id")),
    Column("source_file", String(500), nullable=False, server_default=""),
    Column("source_location", String(100), nullable=False, server_default=""),
    Column("batch_id", Integer, ForeignKey("batches.batch_id"), nullable=False),
    Column("operator", String(100), nullable=False),
    Column("posted_at", DateTime(timezone=True), nullable=False),
    Column("note", Text),  # how the credit was read: OCR corrections (R7), an ID typo taken (R17)
    UniqueConstraint("certificant_id", "course_number", "generation", name="uq_credits_standing"),
    CheckConstraint("ceus > 0", name="positive"),
    Index("ix_credits_certificant_date", "certificant_id", "completion_date"),
    Index("ix_credits_batch", "batch_id"),
)

reversals = Table(
    "reversals",
    metadata,
    Column("reversal_id", Integer, primary_key=True, autoincrement=True),
    Column("credit_id", Integer, ForeignKey("credits.credit_id"), nullable=False, unique=True),
    Column("reason", Text, nullable=False),
    Column("operator", String(100), nullable=False),
    Column("batch_id", Integer, ForeignKey("batches.batch_id"), nullable=False),
    Column("reversed_at", DateTime(timezone=True), nullable=False),
)

exceptions = Table(
    "exceptions",
    metadata,
    Column("exception_id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(32), nullable=False),
    Column("severity", String(8), nullable=False),
    Column("rule", String(8), nullable=False, server_default=""),
    Column("file_id", Integer, ForeignKey("files.file_id")),
    Column("source_file", String(500), nullable=False, server_default=""),
    Column("source_location", String(100), nullable=False, server_default=""),
    Column("certificant_ref", String(300), nullable=False, server_default=""),
    Column("certificant_id", String(32)),  # the matched person, when one was found
    Column("course_number", String(64), nullable=False, server_default=""),
    Column("completion_date", Date),
    Column("detail", Text, nullable=False),
    Column("data", JSON),  # what was read, suggestions, candidates, image path
    Column("credit_id", Integer, ForeignKey("credits.credit_id")),  # warnings: the credit posted
    Column("status", String(16), nullable=False, server_default="open"),
    Column("batch_id", Integer, ForeignKey("batches.batch_id"), nullable=False),
    Column("operator", String(100), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("resolved_at", DateTime(timezone=True)),
    Column("resolved_by", String(100)),
    Column("resolution", Text),
    Column("resolved_batch_id", Integer, ForeignKey("batches.batch_id")),  # the batch (command) that closed it
    Index("ix_exceptions_status_kind", "status", "kind"),
)

# R21-R23: a petition for credit for a course that is not pre-approved. Staff record
# it (pending) and decide it once: approval posts a credit (`credit_id`, course
# number PET<petition_id>), denial posts nothing. `computed_ceus` is the R22 value
# of the hours; `decided_ceus` is what the approval posted.
petitions = Table(
    "petitions",
    metadata,
    Column("petition_id", Integer, primary_key=True, autoincrement=True),
    Column("certificant_id", String(32), ForeignKey("certificants.certificant_id"), nullable=False),
    Column("title", String(300), nullable=False),
    Column("provider", String(200), nullable=False),
    Column("completion_date", Date, nullable=False),
    Column("basis", String(16), nullable=False),
    Column("hours", Numeric(6, 2), nullable=False),
    Column("university_extension", Boolean, nullable=False, server_default=false()),
    Column("grade", String(8)),
    Column("activity", Boolean, nullable=False, server_default=false()),  # R13: never approved
    Column("computed_ceus", CEUS, nullable=False),
    Column("status", String(16), nullable=False, server_default="pending"),
    Column("decided_ceus", CEUS),
    Column("decision_reason", Text),
    Column("decided_by", String(100)),
    Column("decided_at", DateTime(timezone=True)),
    Column("credit_id", Integer, ForeignKey("credits.credit_id")),
    Column("created_by", String(100), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("batch_id", Integer, ForeignKey("batches.batch_id"), nullable=False),
    CheckConstraint("basis IN ('contact_hours','semester_hours','quarter_hours')", name="basis"),
    CheckConstraint("status IN ('pending','approved','denied')", name="status"),
    CheckConstraint("hours > 0", name="positive_hours"),
    Index("ix_petitions_certificant", "certificant_id"),
    Index("ix_petitions_status", "status"),
)

# The supporting documents of a petition, kept in the archive under their hash (R27).
petition_documents = Table(
    "petition_documents",
    metadata,
    Column("document_id", Integer, primary_key=True, autoincrement=True),
    Column("petition_id", Integer, ForeignKey("petitions.petition_id"), nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("original_name", String(500), nullable=False),
    Column("archive_path", String(1000), nullable=False),
    Column("size_bytes", Integer, nullable=False),
    UniqueConstraint("petition_id", "sha256", name="uq_petition_documents_file"),
    Index("ix_petition_documents_sha256", "sha256"),
)

from sqlalchemy import inspect


def test_new_store_has_every_table(engine):
    names = set(inspect(engine).get_table_names())
    assert {"certificants", "certifications", "courses", "credits", "reversals", "exceptions", "files", "batches"} <= names

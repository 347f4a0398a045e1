"""The small world of people and periods that several CLI tests load (CSV text)."""

CERTIFICANTS = """certificant_id,first_name,last_name,email,birth_date
104233,Robert,Smith,bob@example.com,1980-01-02
104234,Maria,Garcia,maria1@example.com,
104235,Maria,Garcia,maria2@example.com,
200001,José,Núñez,jose@example.com,
"""
CERTIFICATIONS = """certificant_id,certification,period_start,period_end
104233,Personal Trainer,2025-01-01,2026-12-31
104234,Personal Trainer,2025-01-01,2026-12-31
104235,Health Coach,2025-03-01,2027-02-28
200001,Personal Trainer,2025-01-01,2026-12-31
"""

"""Indexes on the words search reads, on PostgreSQL only; the SQLite embedded default searches without them."""

from django.db import migrations

# (table, column) for each field the search matches on its own; the expression is the one its
# SearchVector(field, config="english") builds, so the planner can use the index.
FIELDS = [
    ("partnerships_partnership", "name"),
    ("partnerships_partnership", "short_name"),
    ("partnerships_partnership", "purpose"),
    ("partnerships_partnership", "vision"),
    ("partnerships_partnership", "mission"),
    ("partnerships_partnership", "aims"),
    ("partnerships_person", "first_name"),
    ("partnerships_person", "last_name"),
    ("partnerships_person", "honorific"),
    ("partnerships_person", "job_title"),
    ("meetings_meeting", "title"),
    ("meetings_meeting", "venue"),
    ("meetings_meeting", "cancelled_reason"),
    ("meetings_agendaitem", "title"),
    ("meetings_agendaitem", "summary"),
    ("meetings_agendaitem", "minutes"),
    ("meetings_paper", "title"),
    ("meetings_decision", "resolution"),
    ("meetings_action", "description"),
    ("meetings_action", "update"),
]


def _name(table: str, column: str) -> str:
    return f"{table}_{column}_search"[:63]


def add_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, column in FIELDS:
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS {_name(table, column)} ON {table} '
            f"USING gin (to_tsvector('english'::regconfig, COALESCE(\"{column}\", ''::text)))"
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, column in FIELDS:
        schema_editor.execute(f"DROP INDEX IF EXISTS {_name(table, column)}")


class Migration(migrations.Migration):
    dependencies = [
        ("reporting", "0001_initial"),
        ("meetings", "0003_paper_version_text"),
    ]

    operations = [migrations.RunPython(add_indexes, drop_indexes, elidable=False)]

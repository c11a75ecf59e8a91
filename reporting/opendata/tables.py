"""The Popolo collections as CSV tables: one row a record, nested lists moved to tables of their own."""

import csv
import io

COLUMNS = {
    "persons": ["id", "name", "honorific_prefix", "given_name", "family_name", "sort_name"],
    "organizations": ["id", "name", "classification", "parent_id", "founding_date", "description"],
    "posts": ["id", "label", "role", "organization_id"],
    "memberships": [
        "id",
        "person_id",
        "organization_id",
        "on_behalf_of_id",
        "post_id",
        "role",
        "label",
        "voting_right",
        "alternate_for_id",
        "start_date",
        "end_date",
    ],
    "events": ["id", "name", "classification", "organization_id", "start_date", "end_date", "location", "status"],
    "motions": [
        "id",
        "organization_id",
        "legislative_session_id",
        "date",
        "identifier",
        "text",
        "classification",
        "requirement",
        "result",
    ],
    "vote_events": ["id", "motion_id", "organization_id", "legislative_session_id", "start_date", "result"],
    "votes": ["id", "vote_event_id", "voter_id", "option", "role", "on_behalf_of_id"],
    "counts": ["vote_event_id", "option", "value"],
}


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    # A cell starting with = + - @ is run as a formula by spreadsheets; a leading quote keeps it text.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def popolo_csv(export: dict, table: str) -> str:
    """One Popolo collection of an export as CSV, its header first."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    columns = COLUMNS[table]
    writer.writerow(columns)
    for record in export[table]:
        writer.writerow([_cell(record.get(column)) for column in columns])
    return out.getvalue()

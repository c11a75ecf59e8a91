"""People's names sorted as a reader expects in any language: Ångström with the As, Ōtsuka with the Os.

PostgreSQL sorts with ICU's root collation ("und-x-icu"). SQLite has no ICU, so the same collation
name is registered on each SQLite connection with a Python key that sets accents and case aside;
scripts other than Latin then follow in code order, as ICU's root collation also puts them after Latin.
"""

import unicodedata

from django.db.backends.signals import connection_created
from django.db.models import F
from django.db.models.functions import Collate

NAME_COLLATION = "und-x-icu"


def name_key(text: str) -> tuple[str, str]:
    """Letters without their accents and case first, then the exact text to keep the order stable."""
    text = text or ""
    bare = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return bare.casefold(), text


def _compare(a: str, b: str) -> int:
    ka, kb = name_key(a), name_key(b)
    return (ka > kb) - (ka < kb)


def _register_on_sqlite(sender, connection, **kwargs) -> None:
    if connection.vendor == "sqlite":
        connection.connection.create_collation(NAME_COLLATION, _compare)


connection_created.connect(_register_on_sqlite, dispatch_uid="roundtable-name-collation")


def by_name(prefix: str = "") -> list:
    """Order by family name then given name, in the reader's collation: by_name("person__") for seats."""
    return [
        Collate(F(f"{prefix}last_name"), NAME_COLLATION).asc(),
        Collate(F(f"{prefix}first_name"), NAME_COLLATION).asc(),
    ]

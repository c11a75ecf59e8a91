"""The fault tests start services of their own; they run only when asked for with `-m faults`."""

import os
import shutil

import pytest

from .processes import Stack, wait_for

TOOLS = ("redis-server", "initdb", "pg_ctl")


def pytest_collection_modifyitems(config, items):
    ours = [item for item in items if "tests/faults/" in str(item.path).replace("\\", "/")]
    if not ours:
        return
    if "faults" not in (config.option.markexpr or ""):
        reason = "Run with -m faults: starts its own Redis, PostgreSQL and Celery worker"
    elif missing := [tool for tool in TOOLS if not shutil.which(tool)]:
        reason = f"Needs {', '.join(missing)} on the PATH"
    else:
        return
    for item in ours:
        item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="session")
def stack():
    """Private Redis and PostgreSQL, migrated and seeded, with a Celery worker and scheduler on them."""
    stack = Stack()
    try:
        stack.redis.start()
        stack.postgres.init()
        stack.manage("migrate", "--noinput", "-v0")
        stack.seeded = stack.drive("seed", "24", "10")
        stack.start_worker()
        stack.start_beat()
        yield stack
    finally:
        stack.stop_all()
        if keep := os.environ.get("FAULTS_KEEP_LOGS"):
            shutil.copytree(stack.logs, keep, dirs_exist_ok=True)
        shutil.rmtree(stack.workdir, ignore_errors=True)


@pytest.fixture(scope="session")
def sql(stack):
    """Read the job tables straight from the private database, without starting Django in a new process."""
    import psycopg

    def query(statement: str, *params):
        def attempt():
            try:
                with psycopg.connect(stack.postgres.url, connect_timeout=2) as conn:
                    return (conn.execute(statement, params).fetchall(),)
            except psycopg.OperationalError:
                return None

        return wait_for(attempt, 60, "the private database to answer")[0]

    return query

"""Real faults against a real worker on PostgreSQL and Redis: nothing is lost, nothing is done twice."""

import re
import subprocess
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

from .processes import wait_for

pytestmark = pytest.mark.faults

JOB_TABLES = ("reporting_report", "meetings_meetingpack", "partnerships_outboundemail")
# Django's storage adds "_" and seven random characters when a name is taken: a second file for one job.
SECOND_FILE = re.compile(r"_[A-Za-z0-9]{7}\.pdf$")


def _unfinished(sql) -> int:
    return sum(sql(f"SELECT count(*) FROM {table} WHERE status IN ('queued', 'running')")[0][0] for table in JOB_TABLES)


def _wait_until_finished(stack, sql, timeout=240):
    try:
        wait_for(lambda: _unfinished(sql) == 0, timeout, "every job to finish", every=1)
    except AssertionError as error:
        raise AssertionError(f"{error}\n{stack.drive('state')}\n{stack.log_tail('worker')}") from None


def _running_with_work(sql) -> int:
    return sum(
        sql(f"SELECT count(*) FROM {table} WHERE status = 'running' AND progress >= 5")[0][0]
        for table in JOB_TABLES[:2]
    )


def test_twenty_kills_of_the_worker_mid_job_lose_no_job_and_make_no_second_file(stack, sql):
    slugs, meetings = stack.seeded["slugs"][:16], stack.seeded["meetings"][:8]
    asked = stack.drive("ask-reports", *slugs)["responses"] + stack.drive("ask-packs", *map(str, meetings))["responses"]
    assert {response["status"] for response in asked} == {302}

    kills, whole, wave = [], 0, 0
    deadline = time.monotonic() + 240
    while len(kills) < 20 and time.monotonic() < deadline:
        if _unfinished(sql) < 3 and wave < 5:
            # Keep the worker busy until twenty kills have landed: the same reports as at another date.
            wave += 1
            again = stack.drive("ask-reports", *[f"{slug}@{30 - wave}" for slug in slugs[:8]])["responses"]
            assert {response["status"] for response in again} == {302}
        if not stack.worker_alive():
            stack.start_worker()
        try:
            wait_for(lambda: _running_with_work(sql), 30, "a job in the middle of its work", every=0.1)
        except AssertionError:
            continue
        if len(kills) % 4 == 3:
            # The whole worker at once: nothing hands the message back, the sweep must notice.
            stack.kill_worker()
            whole += 1
            kills.append("worker")
            stack.start_worker()
        else:
            pids = stack.pool_pids()
            if not pids:
                continue
            # Every pool process, so the one holding the running job is always among them.
            subprocess.run(["kill", "-9", *map(str, pids)], check=False)
            kills.append("pool processes")
            # Let the worker replace its pool process before the next kill.
            wait_for(lambda: len(stack.pool_pids()) >= 2 or not stack.worker_alive(), 30, "a new pool process")
            time.sleep(0.5)
    assert len(kills) == 20, f"only {len(kills)} kills landed mid-job before every job had finished"
    assert whole == 5

    _wait_until_finished(stack, sql)
    state = stack.drive("state")
    jobs = state["reports"] + state["packs"]
    assert jobs and {job["status"] for job in jobs} == {"done"}, [job for job in jobs if job["status"] != "done"]
    assert sum(job["stalls"] for job in jobs) >= 10  # the kills really did land on running jobs
    # Exactly one set of files per job, each on disk, and no stray or second copy of any of them.
    referenced = [name for job in jobs for name in job["files"]]
    assert len(referenced) == len(state["reports"]) + 2 * len(state["packs"])
    made = [name for name in state["media"] if name.startswith(("reports/", "meetings/packs/"))]
    assert sorted(made) == sorted(set(referenced))
    assert not [name for name in made if SECOND_FILE.search(name)]


def test_with_the_broker_unreachable_requests_succeed_and_the_work_runs_when_it_returns(stack, sql):
    slugs, meetings = stack.seeded["slugs"][16:20], stack.seeded["meetings"][8:10]
    before = {table: sql(f"SELECT coalesce(max(id), 0) FROM {table}")[0][0] for table in JOB_TABLES}
    stack.redis.stop()
    try:
        asked = (
            stack.drive("ask-reports", *slugs)["responses"]
            + stack.drive("ask-packs", str(meetings[0]))["responses"]
            + stack.drive("publish", str(meetings[1]))["responses"]
        )
        assert [response["status"] for response in asked] == [302] * len(asked), asked
        assert max(response["ms"] for response in asked) < 5000
        pages = stack.drive("login-and-pages")
        assert pages == {"login": 200, "home": 200}
        waiting = sum(
            sql(f"SELECT count(*) FROM {table} WHERE id > %s AND dispatched_at IS NULL", before[table])[0][0]
            for table in JOB_TABLES
        )
        # Four reports, a members' pack, the two packs and three emails of the published agenda.
        assert waiting == 4 + 1 + 2 + 3
    finally:
        stack.redis.start()

    _wait_until_finished(stack, sql)
    new = {
        table: sql(f"SELECT status, count(*) FROM {table} WHERE id > %s GROUP BY status", before[table])
        for table in JOB_TABLES
    }
    assert new["reporting_report"] == [("done", 4)]
    assert new["meetings_meetingpack"] == [("done", 3)]
    assert new["partnerships_outboundemail"] == [("done", 3)]
    sent = sql("SELECT count(DISTINCT key), count(*) FROM partnerships_outboundemail WHERE sent_at IS NOT NULL")
    assert sent[0][0] == sent[0][1]


def _hammer(port: int, seconds: float) -> list[dict]:
    """Ask a real web process for a page that reads the database, as users would, for a while."""
    results = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        started = time.time()
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/partnerships/", timeout=10) as response:
                status = response.status
        except urllib.error.HTTPError as error:
            status = error.code
        except OSError:
            status = 0
        results.append({"at": started, "status": status})
        time.sleep(0.2)
    return results


def test_a_database_restart_during_requests_recovers_without_restarting_anything(stack, sql):
    port = stack.start_web()
    try:
        with ThreadPoolExecutor(1) as pool:
            requests = pool.submit(_hammer, port, 20)
            time.sleep(7)
            stopping = time.time()
            stack.postgres.restart()
            restarted = time.time()
            results = requests.result(timeout=120)
    finally:
        stack.stop_web()
    # While the database is down a page cannot be read; what matters is what happens before and after.
    before = [r for r in results if r["at"] < stopping]
    after = [r for r in results if r["at"] > restarted + 1]
    assert before and after
    assert {r["status"] for r in before} == {200}
    # Every request after the database is back succeeds in the same web process, on a fresh connection.
    assert {r["status"] for r in after} == {200}, after

    # The worker recovers too: a report asked for now is made.
    asked = stack.drive("ask-reports", stack.seeded["slugs"][20])["responses"]
    assert asked[0]["status"] == 302
    _wait_until_finished(stack, sql)
    assert sql("SELECT count(*) FROM reporting_report WHERE status <> 'done'")[0][0] == 0

"""Real services of our own for the fault tests: a Redis, a PostgreSQL cluster, Celery worker and scheduler.

Each is started on a free port in a temporary directory and killed by its own process id, never by name,
so the tests can stop, kill and restart them without touching any other service on the machine.
"""

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(check, timeout: float, what: str, every: float = 0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(every)
    raise AssertionError(f"Timed out after {timeout} s waiting for {what}")


def _port_open(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def _kill_group(process: subprocess.Popen, sig=signal.SIGKILL) -> None:
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, sig)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


class PrivateRedis:
    def __init__(self, workdir: Path):
        self.port = free_port()
        self.workdir = workdir
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            cwd=self.workdir,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        wait_for(lambda: _port_open(self.port), 20, "Redis to listen")

    def stop(self) -> None:
        """Gone at once, as a crashed broker is: messages it held are lost with it."""
        if self.process:
            _kill_group(self.process)
            self.process = None


class PrivatePostgres:
    def __init__(self, workdir: Path):
        self.port = free_port()
        self.data = workdir / "pgdata"
        self.as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        self.bindir = Path(shutil.which("pg_ctl")).resolve().parent

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/rt_faults"

    def _run(self, *args: str, check=True) -> subprocess.CompletedProcess:
        return subprocess.run([*self.as_postgres, *args], capture_output=True, text=True, check=check, timeout=120)

    def init(self) -> None:
        self.data.mkdir(parents=True)
        if self.as_postgres:
            shutil.chown(self.data, "postgres")
            shutil.chown(self.data.parent, "postgres")
        self._run(str(self.bindir / "initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust", "--no-sync")
        self.start()
        self._run(str(self.bindir / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "rt_faults")

    def _ctl(self, action: str, *extra: str) -> None:
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={self.data} -c fsync=off"
        self._run(str(self.bindir / "pg_ctl"), action, "-D", str(self.data), "-w", "-t", "60", "-o", options, *extra)

    def start(self) -> None:
        self._ctl("start", "-l", str(self.data / "server.log"))

    def restart(self) -> None:
        # The log file too: without it the server would keep the captured output open and the call never end.
        self._ctl("restart", "-m", "fast", "-l", str(self.data / "server.log"))

    def stop(self) -> None:
        self._run(str(self.bindir / "pg_ctl"), "stop", "-D", str(self.data), "-m", "immediate", check=False)


class Stack:
    """Environment for the project's processes, pointed at the private services."""

    def __init__(self):
        self.workdir = Path(tempfile.mkdtemp(prefix="roundtable-faults-"))
        os.chmod(self.workdir, 0o755)
        self.media = self.workdir / "media"
        self.media.mkdir()
        self.redis = PrivateRedis(self.workdir)
        self.postgres = PrivatePostgres(self.workdir)
        self.worker: subprocess.Popen | None = None
        self.beat: subprocess.Popen | None = None
        self.logs = self.workdir / "logs"
        self.logs.mkdir()

    @property
    def env(self) -> dict:
        env = {key: value for key, value in os.environ.items() if not key.startswith(("PYTEST", "DJANGO_"))}
        env.update(
            DJANGO_SETTINGS_MODULE="config.settings",
            DJANGO_DEBUG="true",
            DJANGO_ALLOWED_HOSTS="testserver,127.0.0.1,localhost",
            DJANGO_MEDIA_ROOT=str(self.media),
            DJANGO_LOG_LEVEL="WARNING",
            DATABASE_URL=self.postgres.url,
            REDIS_URL=self.redis.url,
            CELERY_TASK_ALWAYS_EAGER="false",
            # Short enough to see a vanished worker within seconds; the heartbeat beats well within it.
            JOBS_SWEEP_SECONDS="2",
            JOBS_HEARTBEAT_SECONDS="1",
            JOBS_STALE_AFTER_SECONDS="6",
            JOBS_MAX_STALLS="8",
            CELERY_VISIBILITY_TIMEOUT="120",
            # One officer asks for every job of the run, far more than a person would in ten minutes.
            ROUNDTABLE_EXPENSIVE_ACTIONS_PER_10_MINUTES="1000",
            PYTHONPATH=str(ROOT),
        )
        return env

    def manage(self, *args: str, timeout: float = 300) -> str:
        result = subprocess.run(
            [PYTHON, "manage.py", *args], cwd=ROOT, env=self.env, capture_output=True, text=True, timeout=timeout
        )
        if result.returncode:
            raise AssertionError(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
        return result.stdout

    def drive(self, *args: str, timeout: float = 300) -> dict:
        """Run one step of the driver in a process of its own and return what it reports."""
        result = subprocess.run(
            [PYTHON, "-m", "tests.faults.driver", *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if result.returncode:
            raise AssertionError(f"driver {' '.join(args)} failed:\n{result.stdout[-3000:]}\n{result.stderr[-5000:]}")
        return json.loads(result.stdout.strip().splitlines()[-1])

    def start_worker(self, concurrency: int = 2) -> None:
        path = self.logs / "worker.log"
        offset = path.stat().st_size if path.exists() else 0
        log = open(path, "ab")  # noqa: SIM115 - kept open for the process's life
        self.worker = subprocess.Popen(
            [PYTHON, "-m", "celery", "-A", "config", "worker", "--pool", "prefork", "--concurrency", str(concurrency),
             "--loglevel", "INFO", "--without-gossip", "--without-mingle", "-n", f"faults-{time.time_ns()}@%h"],
            cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
        # Ready means consuming; killing a pool process while the pool is still starting stops the worker.
        wait_for(lambda: b" ready." in path.read_bytes()[offset:], 120, "the worker to be ready", every=0.5)
        wait_for(lambda: len(self.pool_pids()) >= concurrency, 60, "the worker's pool processes")

    def worker_alive(self) -> bool:
        return self.worker is not None and self.worker.poll() is None

    def pool_pids(self) -> list[int]:
        if self.worker is None or self.worker.poll() is not None:
            return []
        result = subprocess.run(["ps", "-o", "pid=", "--ppid", str(self.worker.pid)], capture_output=True, text=True)
        return [int(pid) for pid in result.stdout.split()]

    def kill_worker(self) -> None:
        """kill -9 of the whole worker: the main process and its pool at once."""
        if self.worker:
            _kill_group(self.worker)
            self.worker = None

    def start_web(self) -> int:
        """A real web process (gunicorn, one worker) keeping its database connection between requests."""
        port = free_port()
        log = open(self.logs / "web.log", "ab")  # noqa: SIM115 - kept open for the process's life
        self.web = subprocess.Popen(
            [PYTHON, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
            cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
        wait_for(lambda: _port_open(port), 90, "the web process to listen")
        return port

    def stop_web(self) -> None:
        if getattr(self, "web", None) is not None:
            _kill_group(self.web)
            self.web = None

    def start_beat(self) -> None:
        log = open(self.logs / "beat.log", "ab")  # noqa: SIM115 - kept open for the process's life
        self.beat = subprocess.Popen(
            [PYTHON, "-m", "celery", "-A", "config", "beat", "--loglevel", "INFO",
             "--schedule", str(self.workdir / "beat-schedule")],
            cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip

    def stop_all(self) -> None:
        self.stop_web()
        for process in (self.worker, self.beat):
            if process is not None:
                _kill_group(process)
        self.worker = self.beat = None
        self.redis.stop()
        self.postgres.stop()

    def log_tail(self, name: str, lines: int = 60) -> str:
        path = self.logs / f"{name}.log"
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:]) if path.exists() else ""

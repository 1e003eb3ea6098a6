"""The server's worker processes: started with the server, watched (a worker that dies is replaced
and its job queued again), stopped on shutdown (SIGTERM: finish the job in hand within the grace
period, else killed; the job then waits in the queue for the next start)."""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import subprocess
import sys
import threading
import time

from aiops.server.jobqueue import WorkQueue, worker_name

log = logging.getLogger("aiops.serve")


class WorkerPool:
    """N worker processes over one state folder."""

    def __init__(self, root: str, queue: WorkQueue, size: int, *, poll: float = 0.1, grace: float = 30.0,
                 lease: float = 30.0, env_file: str | None = None, nice: int = 10) -> None:
        self.root, self.queue, self.size, self.poll, self.grace = root, queue, size, poll, grace
        self.lease, self.env_file, self.nice = lease, env_file, nice
        self.procs: list[subprocess.Popen[bytes]] = []
        self._stop = threading.Event()
        self._watch: threading.Thread | None = None
        self.restarts = 0

    def _spawn(self) -> subprocess.Popen[bytes]:
        argv = [sys.executable, "-m", "aiops.server.worker", "--home", self.root, "--poll", str(self.poll),
                "--lease", str(self.lease), "--nice", str(self.nice)]
        argv += ["--env", self.env_file] if self.env_file else []
        return subprocess.Popen(argv, env={**os.environ, "AIOPS_HOME": self.root}, start_new_session=True)

    def start(self) -> None:
        """Start the workers and the thread that replaces dead ones."""
        self.procs = [self._spawn() for _ in range(self.size)]
        self._watch = threading.Thread(target=self._watch_loop, name="aiops-worker-watch", daemon=True)
        self._watch.start()

    def _watch_loop(self) -> None:
        while not self._stop.wait(1.0):
            for i, proc in enumerate(self.procs):
                if proc.poll() is not None and not self._stop.is_set():
                    back = self.queue.recover(worker_name(proc.pid))
                    log.warning("worker %s exited with %s; %s job(s) queued again; starting a new one",
                                proc.pid, proc.returncode, back)
                    self.procs[i] = self._spawn()
                    self.restarts += 1

    def alive(self) -> int:
        """Workers running now."""
        return sum(1 for p in self.procs if p.poll() is None)

    def stop(self) -> None:
        """Ask every worker to finish its job; kill those still busy after the grace period; queue
        their jobs again (they continue from their last checkpoint on the next start)."""
        self._stop.set()
        for proc in self.procs:
            with contextlib.suppress(ProcessLookupError):
                proc.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + self.grace
        for proc in self.procs:
            try:
                proc.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                log.warning("worker %s still busy after %.0f s; stopping it (its work resumes from the last "
                            "checkpoint on the next start)", proc.pid, self.grace)
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
            self.queue.recover(worker_name(proc.pid))

"""Two processes (here: threads) opening a brand-new state folder at the same moment both get a
working incident index; switching the file to WAL never fails with 'database is locked'."""

from __future__ import annotations

import threading

from aiops.runtime.store import IncidentStore


def test_two_stores_created_at_once_on_a_new_index(tmp_path):
    errors: list[BaseException] = []
    for n in range(40):
        path = tmp_path / f"index-{n}.sqlite"
        barrier = threading.Barrier(2)

        def open_store(path=path, barrier=barrier) -> None:
            try:
                barrier.wait(10)
                store = IncidentStore(path)
                store.count()
            except BaseException as exc:
                errors.append(exc)

        threads = [threading.Thread(target=open_store) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
    assert errors == []

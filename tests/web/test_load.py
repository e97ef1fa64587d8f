"""Twenty drafters at once: every answer right, the server's memory bounded, and it finishes by itself."""

from __future__ import annotations

import json
import os
import threading
import time
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tests.web.conftest import Server

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
REPORTS = ["yunling-town-2024.txt", "qinghe-street-2024.docx", "linchuan-county-traps-2024.txt"]
CONCURRENT = 20
MEMORY_BOUND_MB = 600  # the server, its fork server and the checks it runs at once (two on this machine)


def post(url: str, path: Path) -> tuple[int, dict[str, object]]:
    boundary = uuid.uuid4().hex
    body = (f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{path.name}"\r\n\r\n'.encode()
            + path.read_bytes() + f"\r\n--{boundary}--\r\n".encode())
    request = urllib.request.Request(url + "/api/check", data=body, method="POST",
                                     headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
    with urllib.request.urlopen(request, timeout=120) as response:
        return response.status, json.loads(response.read())


def tree_rss_mb(pid: int) -> float:
    """The resident memory of ``pid`` and all its descendants, in MB."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    fields = fh.read().rsplit(")", 1)[1].split()
                parents[int(entry)] = int(fields[1])
                rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
            except (OSError, IndexError, ValueError):
                continue
    tree, frontier = {pid}, [pid]
    while frontier:
        parent = frontier.pop()
        kids = [p for p, pp in parents.items() if pp == parent and p not in tree]
        tree.update(kids)
        frontier.extend(kids)
    return sum(rss.get(p, 0) for p in tree) / 2**20


def test_twenty_uploads_at_once(server: Server) -> None:
    expected = {name: post(server.url, EXAMPLES / name)[1]["reports"][0]["score"] for name in REPORTS}  # type: ignore[index]
    peak, stop = [0.0], threading.Event()

    def sample() -> None:
        while not stop.is_set():
            peak[0] = max(peak[0], tree_rss_mb(server.proc.pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    start = time.monotonic()
    with ThreadPoolExecutor(CONCURRENT) as pool:
        answers = list(pool.map(lambda i: (REPORTS[i % 3], post(server.url, EXAMPLES / REPORTS[i % 3])),
                                range(CONCURRENT)))
    took = time.monotonic() - start
    stop.set()
    sampler.join()
    for name, (status, data) in answers:
        assert status == 200
        assert data["reports"][0]["score"] == expected[name]  # type: ignore[index]
    assert 0 < peak[0] < MEMORY_BOUND_MB, f"{peak[0]:.0f} MB"
    print(f"\n{CONCURRENT} concurrent uploads in {took:.1f} s; server tree at most {peak[0]:.0f} MB")

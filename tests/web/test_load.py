"""Twenty drafters at once: every answer right, the server's memory bounded, and it finishes by itself."""

from __future__ import annotations

import json
import time
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from benchmarks.batch_bench import TreeRss
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


def test_twenty_uploads_at_once(server: Server) -> None:
    expected = {name: post(server.url, EXAMPLES / name)[1]["reports"][0]["score"] for name in REPORTS}  # type: ignore[index]
    start = time.monotonic()
    with TreeRss(server.proc.pid) as tree, ThreadPoolExecutor(CONCURRENT) as pool:  # the benchmarks' sampler
        answers = list(pool.map(lambda i: (REPORTS[i % 3], post(server.url, EXAMPLES / REPORTS[i % 3])),
                                range(CONCURRENT)))
    took = time.monotonic() - start
    peak = tree.peak / 2**20
    for name, (status, data) in answers:
        assert status == 200
        assert data["reports"][0]["score"] == expected[name]  # type: ignore[index]
    assert 0 < peak < MEMORY_BOUND_MB, f"{peak:.0f} MB"
    print(f"\n{CONCURRENT} concurrent uploads in {took:.1f} s; server tree at most {peak:.0f} MB")

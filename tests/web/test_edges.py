"""The server's edges: what a careless client, a hostile page or a stopping server does to it.

Some need the real server (slow bodies, dropped clients, signals): it is started as a user
starts it (``lawcheck serve``), and spoken to through raw sockets.
"""

from __future__ import annotations

import signal
import socket
import sys
import threading
import time
import zipfile
from pathlib import Path

import pytest

from tests.support.hostile import ordinary_text
from tests.web.conftest import Server, start_server, stop
from tests.web.test_api import EXAMPLES, make, upload

psutil = pytest.importorskip("psutil")


def without_content_types(tmp_path: Path) -> Path:
    """A .docx the reader reads but python-docx refuses (no [Content_Types].xml)."""
    path = tmp_path / "plain.docx"
    with zipfile.ZipFile(EXAMPLES / "qinghe-street-2024.docx") as src, zipfile.ZipFile(path, "w") as out:
        for info in src.infolist():
            if info.filename != "[Content_Types].xml":
                out.writestr(info, src.read(info))
    return path


def test_an_upload_that_cannot_be_commented_is_still_checked(tmp_path: Path) -> None:
    path = without_content_types(tmp_path)
    with make() as client:
        page = upload(client, "/check", path)
        assert page.status_code == 200 and "web-toolbar" in page.text and "download-docx" not in page.text
        assert upload(client, "/api/check", path).status_code == 200
        refused = upload(client, "/api/annotate", path)
        assert refused.status_code == 400 and "无法在其中写入批注" in refused.json()["error"]
        assert "libreoffice" not in refused.json()["error"]


def test_a_request_for_another_host_name_is_refused() -> None:
    with make() as client:
        assert client.get("/", headers={"Host": "evil.example"}).status_code == 421
        assert client.get("/api/checklists", headers={"Host": "evil.example:80"}).status_code == 421
        refused = client.get("/healthz", headers={"Host": "rebound.example"})
        assert refused.json()["error"].startswith("此服务不接受发往“rebound.example”的请求")
        assert client.get("/", headers={"Host": "127.0.0.1:8000"}).status_code == 200


def test_a_post_from_another_site_is_refused() -> None:
    report = (EXAMPLES / "yunling-town-2024.txt").read_bytes()
    with make() as client:
        for headers in ({"Origin": "http://evil.example"}, {"Origin": "null"},
                        {"Sec-Fetch-Site": "cross-site", "Origin": "http://testserver"}):
            answer = client.post("/api/check", files={"file": ("r.txt", report)}, headers=headers)
            assert answer.status_code == 403, headers
        for headers in ({}, {"Origin": "http://testserver"}, {"Sec-Fetch-Site": "same-origin", "Origin": "null"}):
            answer = client.post("/api/check", files={"file": ("r.txt", report)}, headers=headers)
            assert answer.status_code == 200, headers


def test_a_full_queue_answers_503_at_once(tmp_path: Path) -> None:
    slow = tmp_path / "slow.txt"
    slow.write_text(ordinary_text(8 * 1024 * 1024), encoding="utf-8")
    with make(workers=1, waiting=0) as client:
        first = threading.Thread(target=lambda: upload(client, "/api/check", slow))
        first.start()
        time.sleep(1.5)  # the slow check holds the one worker
        busy = upload(client, "/api/check", EXAMPLES / "yunling-town-2024.txt")
        first.join()
    assert busy.status_code == 503 and busy.json()["error"].startswith("服务器正忙")


# -- the real server, spoken to through sockets ---------------------------------------------------

def _connect(server: Server) -> socket.socket:
    host, port = server.url.removeprefix("http://").split(":")
    return socket.create_connection((host, int(port)), timeout=30)


def _reply(sock: socket.socket) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(4096)
        if not chunk:
            break
        data += chunk
    return data


def _head(boundary: str, length: int | None) -> bytes:
    size = f"Content-Length: {length}\r\n" if length is not None else "Transfer-Encoding: chunked\r\n"
    return (f"POST /api/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; "
            f"boundary={boundary}\r\n{size}\r\n").encode()


@pytest.fixture(scope="module")
def edgy() -> Server:
    s = start_server("--workers", "1", "--max-size", "100000", "--upload-timeout", "2")
    yield s
    stop(s)


def test_a_body_shorter_than_it_said_is_cut_off(edgy: Server) -> None:
    with _connect(edgy) as sock:
        sock.sendall(_head("b", 5000) + b"--b\r\n")  # then nothing more
        started = time.monotonic()
        answer = _reply(sock)
        assert answer.startswith(b"HTTP/1.1 408") and b"connection: close" in answer.lower()
        assert time.monotonic() - started < 15
        assert sock.recv(65536) is not None  # the rest of the answer, then the server closes


def test_a_chunked_upload_past_the_limit_is_not_read_further(edgy: Server) -> None:
    with _connect(edgy) as sock:
        part = b'--b\r\nContent-Disposition: form-data; name="file"; filename="big.txt"\r\n\r\n'
        sock.sendall(_head("b", None) + b"%x\r\n" % len(part) + part + b"\r\n")
        chunk = b"x" * 65536
        sent, answer = 0, b""
        sock.settimeout(5)
        try:
            while sent < 50 * 1024 * 1024:  # far past the limit of 100 kB
                sock.sendall(b"%x\r\n" % len(chunk) + chunk + b"\r\n")
                sent += len(chunk)
        except (BrokenPipeError, ConnectionResetError, socket.timeout):
            pass
        try:
            answer = _reply(sock)
        except (ConnectionResetError, socket.timeout):
            pass
    assert sent < 20 * 1024 * 1024, "the server went on reading"
    assert answer == b"" or answer.startswith(b"HTTP/1.1 413")


def _checks_running(server: Server) -> list[psutil.Process]:
    """The server's descendants that are checking an upload (not the fork server or tracker)."""
    found = []
    for p in psutil.Process(server.proc.pid).children(recursive=True):
        try:
            if p.cpu_percent(interval=0.2) > 20:
                found.append(p)
        except psutil.Error:
            pass
    return found


def _slow_upload(server: Server, tmp_path: Path) -> socket.socket:
    """A big report sent whole: its check takes seconds."""
    body = ("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.txt\"\r\n\r\n".encode()
            + ordinary_text(40 * 1024 * 1024).encode() + b"\r\n--b--\r\n")
    sock = _connect(server)
    sock.sendall(_head("b", len(body)).replace(b"Host: 127.0.0.1", b"Host: 127.0.0.1") + body)
    return sock


@pytest.fixture
def roomy() -> Server:
    s = start_server("--workers", "1", "--timeout", "300")
    yield s
    stop(s)


def _wait_for(condition, seconds: float) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def test_a_check_ends_when_its_client_goes_away(roomy: Server, tmp_path: Path) -> None:
    sock = _slow_upload(roomy, tmp_path)
    assert _wait_for(lambda: _checks_running(roomy), 20), "the check did not start"
    sock.close()  # the drafter closed the page
    assert _wait_for(lambda: not _checks_running(roomy), 5), "the check went on"
    with _connect(roomy) as again:  # and the server serves the next one
        again.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        assert _reply(again).startswith(b"HTTP/1.1 200")


def test_sigterm_ends_running_checks_at_once(tmp_path: Path) -> None:
    server = start_server("--workers", "1", "--timeout", "300")
    try:
        sock = _slow_upload(server, tmp_path)
        assert _wait_for(lambda: _checks_running(server), 20), "the check did not start"
        descendants = psutil.Process(server.proc.pid).children(recursive=True)
        server.proc.send_signal(signal.SIGTERM)
        server.proc.wait(timeout=10)  # not the whole --timeout
        answer = _reply(sock)
        sock.close()
        assert answer == b"" or answer.startswith(b"HTTP/1.1 503")
        assert _wait_for(lambda: not any(p.is_running() and p.status() != "zombie" for p in descendants), 10)
    finally:
        stop(server)


def test_sigterm_while_a_check_is_starting_ends_it_too(tmp_path: Path) -> None:
    # the moment the first child appears, the check's own process is not started yet
    server = start_server("--workers", "1", "--timeout", "300")
    try:
        sock = _slow_upload(server, tmp_path)
        assert _wait_for(lambda: bool(psutil.Process(server.proc.pid).children(recursive=True)), 20)
        server.proc.send_signal(signal.SIGTERM)
        server.proc.wait(timeout=5)  # the check of this upload alone takes longer
        answer = _reply(sock)
        sock.close()
        assert answer == b"" or answer.startswith(b"HTTP/1.1 503")
    finally:
        stop(server)


def test_a_killed_server_leaves_no_check_running(tmp_path: Path) -> None:
    if sys.platform == "win32":
        pytest.skip("SIGKILL is POSIX")
    server = start_server("--workers", "1", "--timeout", "300")
    try:
        sock = _slow_upload(server, tmp_path)
        assert _wait_for(lambda: _checks_running(server), 20), "the check did not start"
        descendants = psutil.Process(server.proc.pid).children(recursive=True)
        server.proc.kill()
        server.proc.wait()
        sock.close()
        assert _wait_for(lambda: not any(p.is_running() and p.status() != "zombie" for p in descendants), 10), \
            [p.cmdline() for p in descendants if p.is_running()]
    finally:
        stop(server)

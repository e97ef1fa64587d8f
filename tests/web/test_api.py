"""The HTTP API and the pages, through Starlette's test client (the real app, its child processes too)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from lawcheck.commands.serve_cmd import choices
from lawcheck.web.app import WebConfig, create_app
from tests.support.hostile import MAKERS

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


def make(**extra: object) -> TestClient:
    settings: dict[str, object] = {"workers": 2, "seconds": 30.0, "hosts": ("testserver", "127.0.0.1"), **extra}
    config = WebConfig(checklists=choices("fazhi-annual-report"), default_checklist="fazhi-annual-report",
                       **settings)  # type: ignore[arg-type]
    return TestClient(create_app(config))


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with make() as c:
        yield c


def upload(client: TestClient, url: str, path: Path, name: str | None = None, **data: str):  # type: ignore[no-untyped-def]
    return client.post(url, files={"file": (name or path.name, path.read_bytes())}, data=data)


def test_health_and_checklists(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    listed = client.get("/api/checklists").json()
    assert listed["default"] == "fazhi-annual-report"
    assert {c["id"] for c in listed["checklists"]} == {"fazhi-annual-report", "county-department"}


def test_check_gives_the_json_of_the_command_line(client: TestClient) -> None:
    got = upload(client, "/api/check", EXAMPLES / "yunling-town-2024.txt")
    assert got.status_code == 200 and got.headers["content-type"].startswith("application/json")
    cli = subprocess.run([sys.executable, "-m", "lawcheck", "check", "yunling-town-2024.txt", "-f", "json"],
                         cwd=EXAMPLES, capture_output=True, text=True)
    assert got.text == cli.stdout  # byte for byte: the same verdict everywhere


def test_checklist_and_language_are_chosen_in_the_form(client: TestClient) -> None:
    got = upload(client, "/api/check", EXAMPLES / "yunling-town-2024.txt", checklist="county-department", lang="en")
    data = got.json()
    assert data["checklist"]["id"] == "county-department"
    assert data["reports"][0]["reasons"]
    refused = upload(client, "/api/check", EXAMPLES / "yunling-town-2024.txt", checklist="/etc/passwd")
    assert refused.status_code == 400 and refused.json()["error"].startswith("没有检查清单“/etc/passwd”")


def test_annotate_returns_the_commented_copy(client: TestClient) -> None:
    got = upload(client, "/api/annotate", EXAMPLES / "qinghe-street-2024.docx")
    assert got.status_code == 200
    assert "qinghe-street-2024.checked.docx" in got.headers["content-disposition"]
    with zipfile.ZipFile(io.BytesIO(got.content)) as z:
        assert b"<w:comment " in z.read("word/comments.xml")
    not_docx = upload(client, "/api/annotate", EXAMPLES / "yunling-town-2024.txt")
    assert not_docx.status_code == 415 and "docx" in not_docx.json()["error"].lower()


@pytest.mark.parametrize("name, body, status, said", [
    ("report.xls", b"\xd0\xcf\x11\xe0 not a report", 415, "无法识别 report.xls 的格式“.xls”"),
    ("empty.txt", b"", 400, "文件 empty.txt 是空的"),
    ("broken.docx", b"PK\x03\x04broken", 400, "broken.docx 已损坏，或不是有效的 DOCX 文件。"),
])
def test_bad_input_is_the_sentence_of_the_command_line(client: TestClient, name: str, body: bytes, status: int,
                                                       said: str) -> None:
    got = client.post("/api/check", files={"file": (name, body)})
    assert got.status_code == status
    assert got.json()["error"].startswith(said)
    assert "Traceback" not in got.text


def test_no_file_and_a_malformed_body(client: TestClient) -> None:
    assert client.post("/api/check", data={"lang": "en"}).json() == {"error": "Choose a report file to check."}
    bad = client.post("/api/check", content=b"--x\r\nnonsense", headers={"content-type": "multipart/form-data"})
    assert bad.status_code == 400 and "error" in bad.json()


def test_the_size_limit_is_enforced_while_the_upload_streams(tmp_path: Path) -> None:
    with make(max_size=100_000) as small:
        big = b"\xe6\xb3\x95" * 200_000  # 600 KB of text
        declared = small.post("/api/check", files={"file": ("big.txt", big)})
        assert declared.status_code == 413 and declared.json() == {"error": "上传的文件超过了 97.7 KB 的上限。"}
        # the page gets a page, its size said once and plainly, with the way back
        page = small.post("/check?lang=en", files={"file": ("big.txt", big)})
        assert page.status_code == 413 and page.headers["content-type"].startswith("text/html")
        assert '<p class="refused" role="alert">The upload is over the limit of 97.7 KB.</p>' in page.text
        assert '<a href="/?lang=en">Check another report</a>' in page.text and ">" not in page.text.split("limit of")[1][:6]

        def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
            yield b'--b\r\nContent-Disposition: form-data; name="file"; filename="big.txt"\r\n\r\n'
            for _ in range(60):
                yield b"x" * 10_000
            yield b"\r\n--b--\r\n"

        streamed = small.post("/api/check", content=chunks(),
                              headers={"content-type": "multipart/form-data; boundary=b"})
        assert streamed.status_code == 413 and "上传的文件超过" in streamed.json()["error"]


def test_the_name_a_user_sends_is_never_a_path(client: TestClient, tmp_path: Path) -> None:
    target = tmp_path / "planted"
    got = upload(client, "/api/check", EXAMPLES / "yunling-town-2024.txt", name=f"../../../..{target}/云岭.txt")
    assert got.status_code == 200
    assert got.json()["reports"][0]["path"] == "云岭.txt"  # shown as a bare name
    assert not target.exists()  # and never written where it pointed


def test_report_text_is_escaped_in_the_page(client: TestClient, tmp_path: Path) -> None:
    evil = tmp_path / "evil.txt"
    evil.write_text("某镇2024年法治政府建设年度报告\n一、主要举措\n<script>alert(1)</script>法律顾问审核合同20份。\n"
                    "<img src=x onerror=alert(2)>\n", encoding="utf-8")
    page = upload(client, "/check", evil).text
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<img src=x" not in page
    assert "<script>" not in page.replace('<script src="/static/app.js" defer></script>', "")


def test_security_headers_on_every_response(client: TestClient) -> None:
    for response in (client.get("/"), client.get("/healthz"), client.post("/api/check", data={})):
        csp = response.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "'unsafe-inline'" not in csp.split("script-src")[1].split(";")[0]
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["x-frame-options"] == "DENY"


def test_the_page_posts_without_javascript_and_speaks_both_languages(client: TestClient) -> None:
    page = client.get("/").text
    assert '<form id="upload" method="post" action="/check?lang=zh" enctype="multipart/form-data">' in page
    assert 'name="file"' in page and "开始检查" in page
    assert "Check" in client.get("/?lang=en").text and 'lang="en"' in client.get("/?lang=en").text
    report = upload(client, "/check", EXAMPLES / "yunling-town-2024.txt")
    assert report.status_code == 200 and "未通过" in report.text and "法律顾问作用发挥" in report.text
    assert 'download="yunling-town-2024.json" href="data:application/json;base64,' in report.text
    docx_page = upload(client, "/check", EXAMPLES / "qinghe-street-2024.docx").text
    assert 'id="download-docx" download="qinghe-street-2024.checked.docx"' in docx_page
    refused = client.post("/check", files={"file": ("a.xls", b"x")})
    assert refused.status_code == 415 and 'role="alert"' in refused.text


def test_the_template_downloads(client: TestClient) -> None:
    got = client.get("/template?year=2025")
    assert got.status_code == 200
    with zipfile.ZipFile(io.BytesIO(got.content)) as z:
        assert "2025年法治政府建设年度报告".encode() in z.read("word/document.xml")


def test_a_token_guards_the_page_and_the_api() -> None:
    with make(token="s3cret") as guarded:
        assert guarded.get("/api/checklists").status_code == 401
        assert guarded.get("/").status_code == 401 and 'name="token"' in guarded.get("/").text
        ok = guarded.get("/api/checklists", headers={"Authorization": "Bearer s3cret"})
        assert ok.status_code == 200
        wrong = guarded.get("/api/checklists", headers={"Authorization": "Bearer wrong"})
        assert (wrong.status_code, wrong.json()) == (401, {"error": "口令不正确，请重新输入。"})
        assert guarded.get("/api/checklists").json() == {"error": "需要访问口令。"}
        # a wrong token on the page says so; no token just asks for one
        mistyped = guarded.get("/?token=s3cre7&lang=en")
        assert mistyped.status_code == 401 and "The access token is not correct; enter it again." in mistyped.text
        assert 'name="token"' in mistyped.text and "口令不正确" not in guarded.get("/").text
        entered = guarded.get("/?token=s3cret", follow_redirects=False)
        assert entered.status_code == 303 and "httponly" in entered.headers["set-cookie"].lower()
        assert guarded.get("/").status_code == 200  # the cookie now carries it
        assert guarded.get("/healthz").status_code == 200  # a probe needs no token


def test_a_slow_check_is_stopped_and_others_go_on(tmp_path: Path) -> None:
    with make(seconds=0.05, workers=1) as hasty:
        slow = hasty.post("/api/check", files={"file": ("big.txt", MAKERS["ordinary-text-20mb.txt"](tmp_path)
                                                        .read_bytes()[:3_000_000])})
        assert slow.status_code == 400 and slow.json()["error"].startswith("检查超过 0.05 秒，已停止")
    with make(workers=1) as calm:
        assert upload(calm, "/api/check", EXAMPLES / "yunling-town-2024.txt").status_code == 200


@pytest.mark.parametrize("name", ["pdf-bomb-1gb.pdf", "one-line-30mb.txt", "html-one-p-21mb.html",
                                  "rtf-unbalanced-braces.rtf", "markdown-nested-brackets.md"])
def test_hostile_files_get_the_cli_answer(client: TestClient, tmp_path: Path, name: str) -> None:
    path = MAKERS[name](tmp_path)
    cli = subprocess.run([sys.executable, "-m", "lawcheck", "check", path.name, "-f", "json"], cwd=tmp_path,
                         capture_output=True, text=True)
    start = time.monotonic()
    got = upload(client, "/api/check", path)
    took = time.monotonic() - start
    said = json.loads(cli.stdout)["reports"][0]
    if cli.returncode == 2:  # refused: the same sentence, as a 400
        assert got.status_code == 400 and got.json()["error"] == said["error"]
    else:
        assert got.status_code == 200 and json.loads(got.text)["reports"][0]["score"] == said["score"]
    assert took < 30


def test_serve_says_in_one_sentence_when_it_cannot_start() -> None:
    import socket

    from tests.cli.conftest import lawcheck

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        run = lawcheck("serve", "--port", str(port))
    assert run.code == 2
    assert run.err.startswith(f"无法在 127.0.0.1:{port} 上监听：") and run.err.count("\n") == 1
    assert lawcheck("serve", "--port", "70000").err == "端口 70000 无效（应为 1–65535）\n"


def test_an_old_word_file_is_told_to_be_saved_as_docx_in_word_or_wps(client: TestClient) -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4000
    page = client.post("/check", files={"file": ("旧报告.doc", ole)})
    assert page.status_code == 415
    assert "旧报告.doc 是旧版 Word/WPS 格式（.doc/.wps），无法直接检查：请在 Word/WPS 中打开，另存为 .docx 后再上传。" in page.text
    assert "libreoffice" not in page.text and "--convert-to" not in page.text  # no shell command for a drafter
    api = client.post("/api/check", files={"file": ("old.doc", ole)}, data={"lang": "en"})
    assert api.json()["error"] == ("old.doc is in the old Word/WPS format (.doc/.wps), which cannot be checked as it is: "
                                   "open it in Word or WPS, save it as .docx and upload that.")


def test_every_page_speaks_its_language_and_switches(client: TestClient) -> None:
    english = client.get("/?lang=en").text
    assert "Annual report on building a rule-of-law government (fazhi-annual-report)" in english
    assert "法治政府建设年度报告（" not in english  # the checklists named in English too
    assert client.get("/api/checklists?lang=en").json()["checklists"][0]["title"].startswith("Annual")
    report = upload(client, "/check?lang=en", EXAMPLES / "yunling-town-2024.txt", lang="en").text
    # the page in English, a switch to Chinese, a print button the script shows
    assert '<a class="lang lang-switch" href="/?lang=zh" lang="zh-CN">中文</a>' in report
    assert '<button type="button" class="print" hidden>Print</button>' in report
    assert '<script src="/static/app.js" defer></script>' in report
    # the same report in Chinese travels along for the switch, with its own switch back
    other = report.split('<template id="lang-other" data-lang="zh"', 1)[1]
    assert "未通过" in other and "法律顾问作用发挥" in other and '<button type="button" class="print" hidden>打印</button>' in other
    assert '<a class="lang lang-switch" href="/?lang=en" lang="en">English</a>' in other
    assert "Legal advisers" in report.split("<template")[0] or "legal advisers" in report.split("<template")[0]


def test_the_page_prints_without_its_toolbar(client: TestClient) -> None:
    css = client.get("/static/page.css").text
    rules = css.split("@media print", 1)[1]
    assert ".web-toolbar" in rules and "display: none" in rules

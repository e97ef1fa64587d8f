"""The web application: an upload page for drafters and an HTTP API for pipelines.

Pages (Chinese by default, ``?lang=en`` for English):

- ``GET /``: the upload form; it posts without JavaScript, and a drop zone
  (``/static/app.js``) only helps choosing the file;
- ``POST /check``: the report as ``--format html`` shows it, with links to
  download the JSON and, for a .docx, the copy with Word comments;
- ``GET /template``: the five-part skeleton (``lawcheck template``).

API: ``POST /api/check`` (multipart ``file``, optional ``checklist`` and
``lang``) → the JSON of ``--format json``; ``POST /api/annotate`` → the
commented .docx; ``GET /api/checklists``; ``GET /healthz``. A refusal is
``{"error": "…"}`` with 400 (the CLI's sentence), 401 (no token), 413 (too
large) or 415 (not a report format).

Uploads are counted while they stream and cut off at the size limit, kept in a
temporary folder removed after the response, and named by the server: what
the user calls the file is only shown, never used as a path. Every page is
sent with a Content-Security-Policy that runs no inline script.
"""

from __future__ import annotations

import asyncio
import base64
import datetime as dt
import hmac
import re
import tempfile
from dataclasses import dataclass, field
from html import escape
from importlib import resources
from pathlib import Path, PurePosixPath
from typing import Any

from starlette.applications import Starlette
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from lawcheck.messages import LANGS, message
from lawcheck.messages.safe import printable
from lawcheck.web.jobs import Job, Outcome, Runner
from lawcheck.workers import Budget

COOKIE = "lawcheck_token"
FORM_OVERHEAD = 64 * 1024  # the multipart envelope and the small fields around the file
HEADERS = {
    "Content-Security-Policy": ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                                "img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",  # no-referrer made browsers post with Origin: null
    "Cache-Control": "no-store",
}
ACCEPT = ".docx,.txt,.pdf,.html,.htm,.md,.odt,.rtf"


@dataclass(frozen=True)
class Choice:
    """A checklist the page offers: the value the form sends, its label in each language, what it loads."""

    value: str
    labels: dict[str, str]
    ref: str

    def label(self, lang: str) -> str:
        return self.labels.get(lang) or next(iter(self.labels.values()), self.value)


LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")
BODY_IDLE = 20.0  # seconds an upload may send nothing before it is cut off


@dataclass(frozen=True)
class WebConfig:
    checklists: tuple[Choice, ...]
    default_checklist: str
    lang: str = "zh"
    token: str | None = None
    max_size: int = 50 * 1024 * 1024
    workers: int = 2
    seconds: float = 60.0
    megabytes: int = 1024  # the memory one check may take
    waiting: int | None = None  # checks that may wait for a worker (default: 16 a worker)
    hosts: tuple[str, ...] = LOCAL_HOSTS  # the names a request may be addressed to (Host, Origin)
    body_idle: float = BODY_IDLE
    options: dict[str, Any] = field(default_factory=dict)


class TooLarge(Exception):
    pass


class TooSlow(Exception):
    pass


class LimitBody:
    """Counts a request's body as it arrives and stops it at the limit (413), whatever it declared,
    or when it sends nothing for ``idle`` seconds (408); either answer closes the connection, so
    nothing more of the body is read."""

    def __init__(self, app: ASGIApp, limit: int, idle: float = BODY_IDLE, shown: int | None = None) -> None:
        self.app, self.limit, self.idle = app, limit, idle
        self.shown = limit if shown is None else shown  # the limit as users set it (the file, not the form)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            return await _refuse(scope, send, 413, message("web-too-large", _lang_of_scope(scope),
                                                           size=_size(self.shown, "")))
        seen = 0
        cut = False
        whole = scope.get("method") in ("GET", "HEAD")  # the body read to its end

        async def counted() -> Message:
            nonlocal seen, cut, whole
            if cut:  # past the limit already: the rest is not read
                return {"type": "http.disconnect"}
            try:
                got = await asyncio.wait_for(receive(), self.idle)
            except asyncio.TimeoutError:
                cut = True
                raise TooSlow() from None
            seen += len(got.get("body", b""))
            if seen > self.limit:
                cut = True
                raise TooLarge()
            whole = whole or (got["type"] == "http.request" and not got.get("more_body", False))
            return got

        async def closing(msg: Message) -> None:
            # An answer before the body's end (too large, too slow, malformed): the connection
            # closes with it, and the server reads no more of what the client goes on sending.
            if msg["type"] == "http.response.start" and (cut or not whole):
                msg = {**msg, "headers": [*msg.get("headers", []), (b"connection", b"close")]}
            await send(msg)

        await self.app(scope, counted, closing)


class Guard:
    """Answers only requests addressed to this service's names (the Host header: no DNS rebinding)
    and takes a submission only from its own pages (the Origin of a POST)."""

    def __init__(self, app: ASGIApp, hosts: tuple[str, ...]) -> None:
        self.app = app
        self.hosts = {h.lower().strip("[]") for h in hosts}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers") or [])
        host = _hostname(headers.get(b"host", b"").decode("latin-1"))
        lang = _lang_of_scope(scope)
        if host not in self.hosts:
            return await _refuse(scope, send, 421, message("web-bad-host", lang, host=printable(host)[:100]))
        if scope.get("method") == "POST" and not self._own(headers):
            origin = (headers.get(b"origin") or headers.get(b"sec-fetch-site") or b"").decode("latin-1")
            return await _refuse(scope, send, 403, message("web-bad-origin", lang, origin=printable(origin)[:100]))
        await self.app(scope, receive, send)

    def _own(self, headers: dict[bytes, bytes]) -> bool:
        """Whether a POST comes from this service's pages: a browser says so (Sec-Fetch-Site), or
        its Origin is one of our names; a pipeline (curl, scripts) sends neither and is taken."""
        site = headers.get(b"sec-fetch-site", b"").decode("latin-1")
        if site:
            return site in ("same-origin", "none")
        origin = headers.get(b"origin", b"").decode("latin-1")
        return not origin or _hostname(origin.split("://", 1)[-1]) in self.hosts


def _hostname(value: str) -> str:
    """The name in a Host header or an origin (its port, brackets and case set aside)."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1:].split("]", 1)[0]
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


class Headers:
    """The security headers on every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def with_headers(msg: Message) -> None:
            if msg["type"] == "http.response.start":
                present = {k.lower() for k, _ in msg.get("headers", [])}
                extra = [(k.lower().encode(), v.encode()) for k, v in HEADERS.items()
                         if k.lower().encode() not in present]
                msg = {**msg, "headers": list(msg.get("headers", [])) + extra}
            await send(msg)

        await self.app(scope, receive, with_headers)


async def _refuse(scope: Scope, send: Send, status: int, text: str) -> None:
    """A refusal before the application sees the request: JSON for the API, a page for a person."""
    if str(scope.get("path", "")).startswith(("/api/", "/healthz")):
        body: Response = JSONResponse({"error": text}, status_code=status, headers={"Connection": "close"})
    else:
        lang = _lang_of_scope(scope)
        body = HTMLResponse(_page(lang, message("web-title", lang), _refused(text, lang)), status_code=status,
                            headers={"Connection": "close"})
    await body({"type": "http"}, _nothing, send)


def _lang_of_scope(scope: Scope) -> str:
    return _lang_of_query(scope.get("query_string", b"").decode("latin-1"))


async def _nothing() -> Message:
    return {"type": "http.disconnect"}


def _lang_of_query(query: str) -> str:
    found = re.search(r"(?:^|&)lang=(zh|en)(?:&|$)", query)
    return found.group(1) if found else "zh"


def create_app(config: WebConfig) -> ASGIApp:
    """The application for ``config`` (its limits, token and checklists)."""
    runner = Runner(config.workers, Budget(config.seconds, config.megabytes), config.waiting)
    by_value = {c.value: c for c in config.checklists}

    def lang_of(request: Request, form: Any = None) -> str:
        asked = (form.get("lang") if form is not None else None) or request.query_params.get("lang")
        return asked if asked in LANGS else config.lang

    def given_token(request: Request) -> str:
        given = request.headers.get("authorization", "")
        return given[7:].strip() if given.lower().startswith("bearer ") else request.cookies.get(COOKIE, "")

    def allowed(request: Request) -> bool:
        return not config.token or hmac.compare_digest(given_token(request).encode(), config.token.encode())

    def refused_token(request: Request) -> str:
        """Why a request without the right token is refused: none was given, or a wrong one."""
        return message("web-token-wrong" if given_token(request) else "web-token", lang_of(request))

    def api_error(status: int, text: str) -> JSONResponse:
        return JSONResponse({"error": text}, status_code=status)

    async def upload(request: Request, kind: str) -> tuple[Outcome, str, str]:
        """Read the posted form into a temporary folder and run the job: (outcome, lang, shown name)."""
        lang = lang_of(request)
        try:
            form = await request.form(max_files=1, max_fields=8, max_part_size=FORM_OVERHEAD)
        except TooLarge:
            return Outcome(413, message("web-too-large-size", lang, size=_size(config.max_size, lang))), lang, ""
        except TooSlow:
            return Outcome(408, message("web-slow-body", lang, seconds=f"{config.body_idle:g}")), lang, ""
        except Exception as e:  # a malformed multipart body
            return Outcome(400, message("web-bad-form", lang, error=str(e)[:200])), lang, ""
        lang = lang_of(request, form)
        file = form.get("file")
        if not isinstance(file, UploadFile) or not file.filename:
            return Outcome(400, message("web-no-file", lang)), lang, ""
        shown = _shown_name(file.filename)
        choice = by_value.get(str(form.get("checklist") or config.default_checklist))
        if choice is None:
            known = ", ".join(by_value)
            return Outcome(400, message("web-bad-checklist", lang, value=str(form.get("checklist")),
                                        known=known)), lang, shown
        with tempfile.TemporaryDirectory(prefix="lawcheck-upload-") as folder:
            path = Path(folder) / "upload"  # the format comes from the shown name, never from a path
            try:
                with open(path, "wb") as out:
                    while chunk := await file.read(1 << 20):
                        out.write(chunk)
            finally:
                await file.close()
            job = Job(kind, str(path), shown, choice.ref, lang, config.max_size, config.options)

            def said(kind: str, value: Any) -> str:
                if kind == "time":
                    return message("web-timeout", lang, seconds=f"{config.seconds:g}")
                if kind == "memory":
                    return message("web-memory", lang, mb=config.megabytes)
                if kind in ("busy", "stopped"):
                    return message(f"web-{kind}", lang)
                if kind == "died":
                    return message("web-died", lang, code=value) if isinstance(value, int) and value >= 0 \
                        else message("web-killed", lang)
                return message("internal-error", lang, error=str(value))

            outcome = await runner.run(job, said, request.is_disconnected)
        return outcome, lang, shown

    async def healthz(request: Request) -> Response:
        return JSONResponse({"status": "ok"})

    async def api_checklists(request: Request) -> Response:
        if not allowed(request):
            return api_error(401, refused_token(request))
        return JSONResponse({"default": config.default_checklist,
                             "checklists": [{"id": c.value, "title": c.label(lang_of(request))}
                                            for c in config.checklists]})

    async def api_check(request: Request) -> Response:
        if not allowed(request):
            return api_error(401, refused_token(request))
        outcome, _, _ = await upload(request, "check")
        if outcome.status != 200:
            return api_error(outcome.status, outcome.error)
        return Response(outcome.json, media_type="application/json; charset=utf-8")

    async def api_annotate(request: Request) -> Response:
        if not allowed(request):
            return api_error(401, refused_token(request))
        outcome, _, shown = await upload(request, "annotate")
        if outcome.status != 200:
            return api_error(outcome.status, outcome.error)
        return Response(outcome.docx, media_type=DOCX, headers=_attachment(_checked_name(shown)))

    async def home(request: Request) -> Response:
        lang = lang_of(request)
        given = request.query_params.get("token")
        if config.token and given is not None:
            if hmac.compare_digest(given.encode(), config.token.encode()):
                response = RedirectResponse(f"/?lang={lang}", status_code=303)
                response.set_cookie(COOKIE, config.token, httponly=True, samesite="strict")
                return response
            return HTMLResponse(_page(lang, message("web-title", lang), _login(lang, wrong=True)), status_code=401)
        if not allowed(request):
            return HTMLResponse(_page(lang, message("web-title", lang), _login(lang, wrong=bool(given_token(request)))),
                                status_code=401)
        return HTMLResponse(_page(lang, message("web-title", lang), _form(config, lang)))

    async def check_page(request: Request) -> Response:
        if not allowed(request):
            lang = lang_of(request)
            return HTMLResponse(_page(lang, message("web-title", lang), _login(lang, wrong=bool(given_token(request)))),
                                status_code=401)
        outcome, lang, shown = await upload(request, "check")
        if outcome.status != 200:
            return HTMLResponse(_page(lang, message("web-title", lang), _refused(outcome.error, lang)),
                                status_code=outcome.status)
        return HTMLResponse(_with_toolbar(outcome, shown, lang))

    async def template(request: Request) -> Response:
        if not allowed(request):
            return api_error(401, refused_token(request))
        from lawcheck.workflows.template import template_bytes

        asked = request.query_params.get("year", "")
        year = int(asked) if asked.isdigit() and 2000 <= int(asked) <= 2100 else dt.date.today().year - 1
        name = message("template-download", "zh", year=year)
        return Response(template_bytes(year), media_type=DOCX, headers=_attachment(name))

    async def static(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in ASSETS:
            return Response(status_code=404)
        media = "text/javascript; charset=utf-8" if name.endswith(".js") else "text/css; charset=utf-8"
        return Response(asset(name), media_type=media, headers={"Cache-Control": "public, max-age=3600"})

    routes = [
        Route("/", home, methods=["GET"]),
        Route("/check", check_page, methods=["POST"]),
        Route("/template", template, methods=["GET"]),
        Route("/static/{name}", static, methods=["GET"]),
        Route("/healthz", healthz, methods=["GET"]),
        Route("/api/checklists", api_checklists, methods=["GET"]),
        Route("/api/check", api_check, methods=["POST"]),
        Route("/api/annotate", api_annotate, methods=["POST"]),
    ]
    app = Starlette(routes=routes)
    served = Headers(Guard(LimitBody(app, config.max_size + FORM_OVERHEAD, config.body_idle, config.max_size),
                           config.hosts))
    served.runner = runner  # type: ignore[attr-defined]  # for the server to end running checks on SIGTERM
    return served


DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ASSETS = ("app.js", "page.css")


def asset(name: str) -> str:
    return resources.files("lawcheck.web").joinpath("assets", name).read_text("utf-8")


def _size(size: int, lang: str) -> str:
    """A size as people say it: 50 MB, 500 KB."""
    from lawcheck.readers import plain_size

    return plain_size(size)


def _e(value: object) -> str:
    return escape(printable(str(value)), quote=True)


def _shown_name(filename: str) -> str:
    """The name a user's browser sent, as a bare name to show (its folders and controls dropped)."""
    name = PurePosixPath(filename.replace("\\", "/")).name
    return printable(name).strip()[:200] or "upload"


def _checked_name(shown: str) -> str:
    return f"{PurePosixPath(shown).stem or 'report'}.checked.docx"


def _attachment(name: str) -> dict[str, str]:
    from urllib.parse import quote

    ascii_name = re.sub(r"[^A-Za-z0-9._-]+", "_", name) or "download"
    return {"Content-Disposition": f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"}


def _page(lang: str, title: str, body: str) -> str:
    switch = "en" if lang == "zh" else "zh"
    return "\n".join([
        "<!DOCTYPE html>", f'<html lang="{"zh-CN" if lang == "zh" else "en"}">', "<head>", '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">', f"<title>{_e(title)}</title>",
        '<link rel="stylesheet" href="/static/page.css">', '<script src="/static/app.js" defer></script>',
        "</head>", "<body>", '<main class="web">',
        f'<header><h1>{_e(title)}</h1><a class="lang" href="/?lang={switch}">{_e(message("web-switch", lang))}</a>'
        "</header>", body, "</main>", "</body>", "</html>", ""])


def _form(config: WebConfig, lang: str) -> str:
    options = "".join(
        f'<option value="{_e(c.value)}"{" selected" if c.value == config.default_checklist else ""}>'
        f"{_e(c.label(lang))}</option>" for c in config.checklists)
    return f"""<p>{_e(message("web-intro", lang))}</p>
<form id="upload" method="post" action="/check?lang={lang}" enctype="multipart/form-data">
<input type="hidden" name="lang" value="{lang}">
<label class="drop" id="drop" for="file"><span id="drop-text">{_e(message("web-drop", lang))}</span>
<input type="file" id="file" name="file" accept="{ACCEPT}" required></label>
<label>{_e(message("web-checklist", lang))} <select name="checklist">{options}</select></label>
<button type="submit">{_e(message("web-submit", lang))}</button>
</form>
<p class="more"><a href="/template?lang={lang}">{_e(message("web-template", lang))}</a> ·
{_e(message("web-limit", lang, size=_size(config.max_size, lang)))}</p>"""


def _refused(text: str, lang: str) -> str:
    return (f'<p class="refused" role="alert">{_e(text)}</p>'
            f'<p><a href="/?lang={lang}">{_e(message("web-again", lang))}</a></p>')


def _login(lang: str, wrong: bool = False) -> str:
    said = f'<p class="refused" role="alert">{_e(message("web-token-wrong", lang))}</p>\n' if wrong else ""
    return f"""{said}<p>{_e(message("web-token-page", lang))}</p>
<form method="get" action="/"><input type="hidden" name="lang" value="{lang}">
<label>{_e(message("web-token-label", lang))} <input type="password" name="token" required></label>
<button type="submit">{_e(message("web-token-submit", lang))}</button></form>"""


def _with_toolbar(outcome: Outcome, shown: str, lang: str) -> str:
    """The report page of ``--format html``, with the downloads, printing, the language switch and a
    way back above it. The same report in the other language travels in a <template>, which the
    switch shows (app.js); without a script the switch opens the upload page in that language.
    The downloads' data travel once: the copy's links take theirs from the page's when shown."""
    other = "en" if lang == "zh" else "zh"
    page = _report_page(outcome.html, outcome, shown, lang)
    if outcome.other:
        inner = _main_of(_report_page(outcome.other, outcome, shown, other, data=False))
        title = re.search(r"<title>(.*?)</title>", outcome.other, re.S)
        page = page.replace("</main>", f'</main>\n<template id="lang-other" data-lang="{other}" '
                            f'data-title="{_e(title.group(1) if title else "")}">{inner}</template>', 1)
    return page


def _report_page(html: str, outcome: Outcome, shown: str, lang: str, data: bool = True) -> str:
    """The report page with its toolbar; without ``data``, the download links are left empty for
    app.js to fill from the page's own (the copy in the other language)."""
    other = "en" if lang == "zh" else "zh"

    def href(media: str, content: bytes) -> str:
        return f"data:{media};base64,{base64.b64encode(content).decode()}" if data else ""

    links = [f'<a href="/?lang={lang}">{_e(message("web-again", lang))}</a>',
             f'<a download="{_e(PurePosixPath(shown).stem or "report")}.json" '
             f'href="{href("application/json", outcome.json.encode())}" data-download="json">'
             f'{_e(message("web-download-json", lang))}</a>']
    if outcome.docx:
        links.append(f'<a id="download-docx" download="{_e(_checked_name(shown))}" '
                     f'href="{href(DOCX, outcome.docx)}" data-download="docx">'
                     f'{_e(message("web-download-docx", lang))}</a>')
    links.append(f'<a href="/template?lang={lang}">{_e(message("web-template", lang))}</a>')
    bar = (f'<nav class="web-toolbar" aria-label="{_e(message("web-actions", lang))}">'
           f'<strong>{_e(shown)}</strong> ' + " · ".join(links) +
           f' <button type="button" class="print" hidden>{_e(message("web-print", lang))}</button>'
           f' <a class="lang lang-switch" href="/?lang={other}" lang="{"en" if other == "en" else "zh-CN"}">'
           f'{_e(message("web-switch", lang))}</a></nav>')
    return html.replace("<main>", "<main>\n" + bar, 1).replace(
        "</head>", '<link rel="stylesheet" href="/static/page.css">\n<script src="/static/app.js" defer></script>\n'
        "</head>", 1)


def _main_of(page: str) -> str:
    """The <main> element of a page, whole."""
    start = page.index("<main>")
    return page[start:page.index("</main>", start) + len("</main>")]

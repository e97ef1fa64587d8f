"""``lawcheck serve``: the page and the API on this machine (127.0.0.1) or the office's network."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer

from lawcheck.commands.common import EXIT_OK, boundary, check_lang, check_max_size, error
from lawcheck.config import settings_for
from lawcheck.errors import LawcheckError
from lawcheck.messages import message
from lawcheck.readers import DEFAULT_MAX_SIZE

if TYPE_CHECKING:
    from lawcheck.web.app import Choice


@boundary
def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (0.0.0.0: every network)"),
    port: int = typer.Option(8000, "--port", help="Port to listen on"),
    token: Optional[str] = typer.Option(None, "--token", help="Access token for the page and the API "
                                                              "(default: $LAWCHECK_TOKEN; none: open)"),
    checklist: Optional[str] = typer.Option(None, "--checklist", "-c", help="Built-in checklist id or YAML path"),
    lang: Optional[str] = typer.Option(None, "--lang", help="Message language: zh | en"),
    max_size: int = typer.Option(DEFAULT_MAX_SIZE, "--max-size", help="Largest file read, in bytes"),
    workers: int = typer.Option(0, "--workers", help="Checks run at once (0: one per core)"),
    timeout: float = typer.Option(60.0, "--timeout", help="Seconds one check may take before it is stopped"),
    config: Optional[Path] = typer.Option(None, "--config", help="Settings file (default: lawcheck.yaml here or above)"),
) -> None:
    """Serve the checker as a web page and an HTTP API."""
    import uvicorn

    from lawcheck import checklist as checklists
    from lawcheck.batch import default_jobs
    from lawcheck.web.app import WebConfig, create_app

    check_max_size(max_size)
    if not 0 < port < 65536:
        raise LawcheckError("serve-port", value=port)
    if timeout <= 0 or workers < 0:
        raise LawcheckError("serve-limits")
    run = settings_for(config, checklist=checklist, lang=lang)
    lang = check_lang(run.lang)
    compiled = checklists.load(run.checklist)  # a broken checklist is said now, not at the first upload
    web = WebConfig(checklists=choices(run.checklist, lang), default_checklist=compiled.id,
                    lang=lang, token=token or os.environ.get("LAWCHECK_TOKEN") or None, max_size=max_size,
                    workers=workers or default_jobs(), seconds=timeout,
                    options={"min_score": run.min_score, "fail_on": run.fail_on, "waivers": run.waivers,
                             "waiver_base": str(run.base_dir)})
    _check_address(host, port)
    app = create_app(web)
    shown = f"[{host}]" if ":" in host else host
    error(message("serve-listening", lang, url=f"http://{shown}:{port}/"))
    if host not in ("127.0.0.1", "localhost", "::1"):
        error(message("serve-open-network", lang, host=host))
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
    raise typer.Exit(EXIT_OK)


def choices(configured: str, lang: str) -> tuple[Choice, ...]:
    """The built-in checklists, and the settings' own one when it is a file."""
    from lawcheck import checklist as checklists
    from lawcheck.web.app import Choice

    found = [Choice(i, message("serve-checklist", lang, title=checklists.load(i).title_in(lang), id=i), i)
             for i in checklists.builtin_ids()]
    if configured not in checklists.builtin_ids():
        own = checklists.load(configured)
        found.insert(0, Choice(own.id, own.title_in(lang), configured))
    return tuple(found)




def _check_address(host: str, port: int) -> None:
    """The address is free to listen on: said in one sentence before anything else starts."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        family, _, _, _, address = infos[0]
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(address)
    except OSError as e:
        raise LawcheckError("serve-bind", host=host, port=port, error=e.strerror or str(e)) from None

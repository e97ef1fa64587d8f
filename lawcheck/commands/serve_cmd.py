"""``lawcheck serve``: the page and the API on this machine (127.0.0.1) or the office's network."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer

from lawcheck.commands.common import EXIT_OK, boundary, check_lang, check_limits, check_max_size, error
from lawcheck.commands.config import settings_for
from lawcheck.errors import LawcheckError
from lawcheck.messages import LANGS, message
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
    upload_timeout: float = typer.Option(20.0, "--upload-timeout",
                                         help="Seconds an upload may send nothing before it is cut off"),
    memory_limit: Optional[int] = typer.Option(None, "--memory-limit",
                                               help="Megabytes one check may take (default 1024)"),
    allow_host: list[str] = typer.Option([], "--allow-host",
                                         help="Another name the page is reached by (a server's DNS name); "
                                              "repeatable"),
    config: Optional[Path] = typer.Option(None, "--config", help="Settings file (default: lawcheck.yaml here or above)"),
) -> None:
    """Serve the checker as a web page and an HTTP API."""
    from lawcheck.judge import checklist as checklists
    from lawcheck.workflows.batch import default_jobs
    from lawcheck.web.app import WebConfig, create_app

    check_max_size(max_size)
    check_limits(None, memory_limit)
    if not 0 < port < 65536:
        raise LawcheckError("serve-port", value=port)
    if timeout <= 0 or workers < 0 or upload_timeout <= 0:
        raise LawcheckError("serve-limits")
    run = settings_for(config, checklist=checklist, lang=lang, memory_limit=memory_limit)
    lang = check_lang(run.lang)
    compiled = checklists.load(run.checklist)  # a broken checklist is said now, not at the first upload
    web = WebConfig(checklists=choices(run.checklist), default_checklist=compiled.id,
                    lang=lang, token=token or os.environ.get("LAWCHECK_TOKEN") or None, max_size=max_size,
                    workers=workers or default_jobs(), seconds=timeout, megabytes=run.budget.megabytes,
                    hosts=served_names(host, allow_host), body_idle=upload_timeout,
                    options={"min_score": run.min_score, "fail_on": run.fail_on, "waivers": run.waivers,
                             "waiver_base": str(run.base_dir)})
    _check_address(host, port)
    app = create_app(web)
    shown = f"[{host}]" if ":" in host else host
    error(message("serve-listening", lang, url=f"http://{shown}:{port}/"))
    if host not in LOCAL:
        error(message("serve-open-network", lang, host=host))
    _serve(app, host, port, max(32, 8 * web.workers))
    raise typer.Exit(EXIT_OK)


LOCAL = ("127.0.0.1", "localhost", "::1")


def served_names(host: str, allowed: list[str]) -> tuple[str, ...]:
    """The names a request may be addressed to: this machine's own, the address listened on,
    ``--allow-host`` names, and on every network (0.0.0.0, ::) the machine's name and addresses."""
    import socket

    names = [*LOCAL, host, *allowed]
    if host in ("0.0.0.0", "::", ""):
        machine = socket.gethostname()
        names += [machine, socket.getfqdn()]
        try:
            names += [str(info[4][0]) for info in socket.getaddrinfo(machine, None)]
        except OSError:
            pass
    return tuple(dict.fromkeys(n.lower() for n in names if n))


def _serve(app: object, host: str, port: int, connections: int) -> None:
    """uvicorn, with at most ``connections`` at once (a 503 past them: slow clients cannot hold them
    all), and running checks ended at once when a signal stops the server."""
    import uvicorn

    class Server(uvicorn.Server):
        def handle_exit(self, sig: int, frame: object) -> None:
            getattr(app, "runner").stop()  # its checks end now; their requests answer 503
            super().handle_exit(sig, frame)  # type: ignore[arg-type]

    config = uvicorn.Config(app, host=host, port=port, log_level="warning", access_log=False,  # type: ignore[arg-type]
                            limit_concurrency=connections, timeout_keep_alive=5)
    Server(config).run()


def choices(configured: str) -> tuple[Choice, ...]:
    """The built-in checklists, and the settings' own one when it is a file."""
    from lawcheck.judge import checklist as checklists
    from lawcheck.web.app import Choice

    found = [Choice(i, {each: message("serve-checklist", each, title=checklists.load(i).title_in(each), id=i)
                        for each in LANGS}, i) for i in checklists.builtin_ids()]
    if configured not in checklists.builtin_ids():
        own = checklists.load(configured)
        found.insert(0, Choice(own.id, {each: own.title_in(each) for each in LANGS}, configured))
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

"""The batch's progress bar on a terminal (rich), imported only when it is shown."""

from __future__ import annotations

from rich.console import Console
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TextColumn,
                           TimeElapsedColumn, TimeRemainingColumn)
from rich.text import Text

from lawcheck.messages import message


class RateColumn(ProgressColumn):
    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def render(self, task: Task) -> Text:
        rate = f"{task.speed:.1f}" if task.speed else "—"
        return Text(message("batch-rate", self.lang, rate=rate), style="cyan")


def progress_bar(lang: str) -> Progress:
    return Progress(TextColumn(message("batch-progress", lang)), BarColumn(), MofNCompleteColumn(),
                    RateColumn(lang), TimeElapsedColumn(), TimeRemainingColumn(),
                    console=Console(stderr=True), transient=True)

"""The overview's sorting and filtering, run in headless Chromium (which .ci/run installs)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from tests.drafter.conftest import EXAMPLES

from lawcheck.judge.checklist import Checklist
from lawcheck.judge.engine import check_path
from lawcheck.document.model import ErrorResult
from lawcheck.reporters.html import render_html
from tests.support import parts


# Click the score header twice (descending), filter on "2024" and "fail", then
# write the row order, visibility and the count into the title.
PROBE = """<script>
var th = document.querySelectorAll('#overview-table th')[4];
th.click(); th.click();
var f = document.getElementById('overview-filter'); f.value = '2024'; f.dispatchEvent(new Event('input'));
var v = document.getElementById('overview-verdict'); v.value = 'fail'; v.dispatchEvent(new Event('change'));
document.title = Array.prototype.map.call(document.querySelectorAll('#overview-table tbody tr'),
  function (r) { return r.cells[0].textContent + (r.hidden ? '-' : '+'); }).join(' ')
  + ' | ' + document.getElementById('overview-count').textContent + ' | ' + th.getAttribute('aria-sort');
</script>"""


def test_headers_sort_and_the_filters_hide_rows(tmp_path: Path, fazhi: Checklist) -> None:
    paths = [EXAMPLES / n for n in ("yunling-town-2024.txt", "linchuan-county-traps-2024.txt",
                                    "qinghe-street-2024.docx")]
    results = [check_path(p, fazhi) for p in paths] + [ErrorResult(path="x.docx", error="坏文件")]
    page = tmp_path / "batch.html"
    page.write_text(render_html(results, fazhi, "zh").replace("</body>", PROBE + "</body>"), encoding="utf-8")
    dom = subprocess.run(
        [parts.chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={tmp_path / 'p'}",
         "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120).stdout
    title = re.search(r"<title>(.*?)</title>", dom).group(1)  # type: ignore[union-attr]
    by_score = sorted(range(3), key=lambda i: -results[i].score)  # type: ignore[union-attr]
    order = ["1", "2", "3", "4"]  # the first column is the rank: by score, best first, the unreadable last
    shown = ["+" if not results[i].passed else "-" for i in by_score] + ["-"]  # type: ignore[union-attr]
    assert title == " ".join(n + s for n, s in zip(order, shown)) + f" | 显示 {shown.count('+')} / 4 | descending"

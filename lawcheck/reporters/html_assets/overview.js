// Sort the overview table by a clicked header; filter it by text and verdict.
(function () {
  "use strict";
  var table = document.getElementById("overview-table");
  if (!table) { return; }
  var body = table.tBodies[0];
  var filter = document.getElementById("overview-filter");
  var verdict = document.getElementById("overview-verdict");
  var count = document.getElementById("overview-count");
  var countTemplate = count ? count.getAttribute("data-template") : "";

  function key(row, col, numeric) {
    var cell = row.cells[col];
    var raw = cell.getAttribute("data-value");
    if (raw === null) { raw = cell.textContent.trim(); }
    if (!numeric) { return raw; }
    var n = parseFloat(raw);
    return isNaN(n) ? -Infinity : n;
  }

  function sortBy(th) {
    var col = th.cellIndex;
    var numeric = th.getAttribute("data-type") === "number";
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    Array.prototype.forEach.call(th.parentNode.cells, function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = key(a, col, numeric), y = key(b, col, numeric);
      var c = numeric ? x - y : String(x).localeCompare(String(y), "zh-Hans-CN");
      if (c === 0) { return a.getAttribute("data-order") - b.getAttribute("data-order"); }
      return ascending ? c : -c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }

  function applyFilter() {
    var words = (filter.value || "").trim().toLowerCase().split(/\s+/).filter(Boolean);
    var wanted = verdict.value;
    var shown = 0;
    Array.prototype.forEach.call(body.rows, function (row) {
      var text = row.textContent.toLowerCase();
      var ok = words.every(function (w) { return text.indexOf(w) >= 0; });
      ok = ok && (wanted === "" || row.getAttribute("data-verdict") === wanted);
      row.hidden = !ok;
      if (ok) { shown += 1; }
    });
    if (count) {
      count.textContent = countTemplate.replace("{shown}", shown).replace("{total}", body.rows.length);
    }
  }

  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
    th.tabIndex = 0;
    th.addEventListener("click", function () { sortBy(th); });
    th.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); sortBy(th); }
    });
  });
  filter.addEventListener("input", applyFilter);
  verdict.addEventListener("change", applyFilter);
  applyFilter();
}());

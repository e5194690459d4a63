// Keyboard use of the review pages. A file, not an inline script, so the page's
// Content-Security-Policy can forbid inline scripts altogether.
(function () {
  "use strict";
  function typing(e) { return e.target.tagName === "INPUT" || e.target.tagName === "TEXTAREA"; }
  function go(id) { var el = document.getElementById(id); if (el) el.click(); }

  var rows = Array.prototype.slice.call(document.querySelectorAll("#articles tbody tr[data-href]"));
  var at = 0;
  function mark() {
    rows.forEach(function (r, i) { r.classList.toggle("current", i === at); });
    if (rows[at]) rows[at].scrollIntoView({block: "nearest"});
  }

  // The summary's sentences: selecting one highlights its supporting sentences (their rows
  // hold the Arabic and the English side by side) and scrolls to the first.
  var claims = Array.prototype.slice.call(document.querySelectorAll("#summary-sentences .support-sentence"));
  var chosen = -1;
  function select(i) {
    chosen = i;
    claims.forEach(function (c, k) {
      c.classList.toggle("selected", k === i);
      c.setAttribute("aria-pressed", k === i ? "true" : "false");
    });
    document.querySelectorAll("#sentences tr.evidence").forEach(function (r) { r.classList.remove("evidence"); });
    var sources = (claims[i].dataset.sources || "").split(" ").filter(Boolean);
    sources.forEach(function (j) {
      var row = document.getElementById("seg-" + j);
      if (row) row.classList.add("evidence");
    });
    var first = sources.length ? document.getElementById("seg-" + sources[0]) : null;
    if (first) first.scrollIntoView({block: "center"});
  }
  claims.forEach(function (c, i) {
    c.addEventListener("click", function () { select(i); });
    c.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); e.stopPropagation(); select(i); }
    });
  });

  document.addEventListener("keydown", function (e) {
    if (typing(e)) return;
    if (claims.length && (e.key === "s" || e.key === "S")) {
      var next = e.key === "s" ? chosen + 1 : chosen - 1;
      next = (next + claims.length) % claims.length;
      claims[next].focus({preventScroll: true});
      select(next);
      return;
    }
    if (rows.length) {  // the list
      if (e.key === "j") { at = Math.min(at + 1, rows.length - 1); mark(); }
      else if (e.key === "k") { at = Math.max(at - 1, 0); mark(); }
      else if (e.key === "Enter") { window.location = rows[at].dataset.href; }
      return;
    }
    if (e.key === "a") go("approve");  // an article
    else if (e.key === "x") go("reject");
    else if (e.key === "n") go("next");
    else if (e.key === "p") go("prev");
    else if (e.key === "e") {
      var box = document.getElementById("summary");
      if (box) { e.preventDefault(); box.focus(); }
    }
  });
  if (rows.length) mark();
})();

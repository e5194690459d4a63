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

  document.addEventListener("keydown", function (e) {
    if (typing(e)) return;
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

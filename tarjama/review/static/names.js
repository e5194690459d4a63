// Marks each name of the sentences with its counterpart in the other language, from the
// article's facts.names (the data-links attribute of names.html). Hover shows the counterpart and how
// it matched; hovering or clicking a name lights its counterpart. A file, not inline code,
// so the Content-Security-Policy can forbid inline scripts.
(function () {
  "use strict";
  var data = document.getElementById("name-links");
  if (!data) return;
  var links;
  try { links = JSON.parse(data.dataset.links); } catch (e) { return; }

  // Wraps text[start, end) of a cell in <span>s, across the text nodes (glossary marks) it spans.
  function wrap(cell, start, end, make) {
    var walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT), node, at = 0, parts = [];
    while ((node = walker.nextNode())) {
      var from = Math.max(start, at), to = Math.min(end, at + node.data.length);
      if (from < to) parts.push([node, from - at, to - at]);
      at += node.data.length;
    }
    return parts.map(function (p) {
      var piece = p[0];
      if (p[1] > 0) piece = piece.splitText(p[1]);
      if (p[2] - p[1] < piece.data.length) piece.splitText(p[2] - p[1]);
      var span = make();
      piece.parentNode.insertBefore(span, piece);
      span.appendChild(piece);
      return span;
    });
  }

  // The span's place in the cell as shown: by its offsets, else by its text (direction
  // controls shown as tokens move the offsets).
  function place(cell, span) {
    var text = cell.textContent;
    if (text.substring(span.start, span.end) === span.text) return [span.start, span.end];
    var at = text.indexOf(span.text);
    return at < 0 ? null : [at, at + span.text.length];
  }

  // Each link's own name first, then the counterparts: a counterpart that overlaps a name
  // already marked joins that mark instead of nesting inside it.
  var marked = {};  // "sentence lang" -> [[start, end, spans]]
  function mark(link, n, span, lang, title) {
    var row = document.querySelector('tr[data-segment="' + link.sentence + '"]');
    var cell = row && row.querySelector(lang === "ar" ? "td.ar" : 'td[lang="en"]');
    var at = cell && place(cell, span);
    if (!at) return;
    var ranges = marked[link.sentence + lang] = marked[link.sentence + lang] || [];
    var over = ranges.filter(function (r) { return r[0] < at[1] && at[0] < r[1]; });
    if (over.length) {
      over.forEach(function (r) { r[2].forEach(function (s) { s.dataset.link += " " + n; }); });
      return;
    }
    ranges.push([at[0], at[1], wrap(cell, at[0], at[1], function () {
      var s = document.createElement("span");
      s.className = "name" + (link.matched ? "" : " unmatched");
      s.title = title;
      s.dataset.link = String(n);
      s.tabIndex = 0;
      return s;
    })]);
  }
  function title(link, other) {
    if (!link.matched) return "no counterpart in the " + (link.side === "ar" ? "English" : "Arabic");
    return other ? other.text + " (" + link.method + (link.score ? ", " + link.score : "") + ")" : "matched: " + link.method;
  }
  links.forEach(function (link, n) {
    var own = link.side === "ar" ? link.ar : link.en, other = link.side === "ar" ? link.en : link.ar;
    if (own) mark(link, n, own, link.side, title(link, other));
  });
  links.forEach(function (link, n) {
    var own = link.side === "ar" ? link.ar : link.en, other = link.side === "ar" ? link.en : link.ar;
    if (link.matched && other) mark(link, n, other, link.side === "ar" ? "en" : "ar", title(link, own));
  });

  function light(target, on) {
    var ids = (target.dataset.link || "").split(" ");
    document.querySelectorAll("span.name").forEach(function (s) {
      var mine = s.dataset.link.split(" ").some(function (id) { return ids.indexOf(id) >= 0; });
      if (mine) s.classList.toggle("lit", on);
    });
  }
  document.addEventListener("mouseover", function (e) { if (e.target.classList.contains("name")) light(e.target, true); });
  document.addEventListener("mouseout", function (e) { if (e.target.classList.contains("name")) light(e.target, false); });
  document.addEventListener("focusin", function (e) { if (e.target.classList.contains("name")) light(e.target, true); });
  document.addEventListener("focusout", function (e) { if (e.target.classList.contains("name")) light(e.target, false); });
})();

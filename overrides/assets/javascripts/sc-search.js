/*
 * Highlight, on the page a search result leads to, the words the search
 * matched without their accents: "benevole" marks "bénévole".
 *
 * Material marks the terms of the `h` parameter by exact (case-blind)
 * substring. Our search folds accents and plurals (lunr.fr.min.js in
 * overrides/), so its terms are folded too; this marks the occurrences
 * Material's matcher misses, and leaves the others to it, so no word is
 * marked twice. Works on the page's text only; does nothing without `h`.
 */
(function () {
  "use strict";
  var param = new URL(window.location.href).searchParams.get("h");
  var root = document.querySelector("article.md-content__inner");
  if (!param || !root || !String.prototype.normalize) return;
  var terms = param.toLowerCase().split(/\s+/).filter(function (t) { return t.length > 1; });
  if (!terms.length) return;

  // One character in, one out, so positions in the folded text are positions in the original.
  function fold(text) {
    var out = "";
    for (var i = 0; i < text.length; i++) out += text[i].toLowerCase().normalize("NFD")[0] || text[i];
    return out;
  }

  function ranges(text) {
    var folded = fold(text), lower = text.toLowerCase(), found = [];
    terms.forEach(function (term) {
      for (var at = folded.indexOf(term); at !== -1; at = folded.indexOf(term, at + term.length)) {
        if (lower.substr(at, term.length) !== term) found.push([at, at + term.length]);
      }
    });
    return found.sort(function (a, b) { return a[0] - b[0]; })
      .filter(function (r, i, all) { return i === 0 || r[0] >= all[i - 1][1]; });
  }

  var skip = "mark, script, style, textarea, select, code, .headerlink";
  var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  var todo = [];
  for (var node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement.closest(skip)) {
      var found = ranges(node.nodeValue);
      if (found.length) todo.push([node, found]);
    }
  }
  todo.forEach(function (item) {
    var node = item[0], text = node.nodeValue, last = 0, parts = document.createDocumentFragment();
    item[1].forEach(function (r) {
      parts.appendChild(document.createTextNode(text.slice(last, r[0])));
      var mark = document.createElement("mark");
      mark.setAttribute("data-md-highlight", "");
      mark.textContent = text.slice(r[0], r[1]);
      parts.appendChild(mark);
      last = r[1];
    });
    parts.appendChild(document.createTextNode(text.slice(last)));
    node.parentNode.replaceChild(parts, node);
  });
})();

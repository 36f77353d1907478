/* Print: note each link's public address (resolved against the page's canonical
   URL, so it is right even when read from file:// or a test server); sc-print.css
   prints it after the link. The screen is unchanged. */
(function () {
  var canonical = document.querySelector('link[rel="canonical"]');
  var base = canonical ? canonical.href : location.href;
  var links = document.querySelectorAll(".md-content a[href]");
  for (var i = 0; i < links.length; i++) {
    var a = links[i];
    var href = a.getAttribute("href");
    if (!href || href.charAt(0) === "#" || /^(javascript|data|tel):/i.test(href) || a.classList.contains("headerlink")) continue;
    var url;
    try { url = new URL(href, base); } catch (e) { continue; }
    var shown = url.protocol === "mailto:" ? url.pathname : url.href;
    if (a.textContent.trim() !== shown) a.setAttribute("data-sc-url", shown);
  }
})();

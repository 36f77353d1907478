/* scLoad: scripts that only some pages need load on demand, so every page pays for the
   shared ones alone. The build lists them in window.scChunks (name -> {hash, when}), at the
   head of this bundle; `when` is a selector: a page that has it loads the chunk at once.
   Others load when asked: scLoad("sc-import").then(...). Files sit beside this bundle, so
   the relative address also works from file:// (a script element is not a fetch). */
(function () {
  "use strict";
  const chunks = window.scChunks || {}, me = document.currentScript, loading = {};
  const base = me && me.src ? me.src.slice(0, me.src.lastIndexOf("/") + 1) : "";
  /* A script element for `src`, once per `key` of `memo`; `value()` is what it resolves to.
     Gone or blocked: the next call tries again. */
  function inject(memo, key, src, value) {
    memo[key] = memo[key] || new Promise((ok, ko) => {
      const s = document.createElement("script");
      s.src = src;
      s.onload = () => { const v = value(); if (v === undefined) { delete memo[key]; ko(new Error(key)); } else ok(v); };
      s.onerror = () => { delete memo[key]; s.remove(); ko(new Error(`scLoad: ${src}`)); };
      document.body.appendChild(s);
    });
    return memo[key];
  }
  function load(name) {
    const chunk = chunks[name];
    if (!chunk) return Promise.reject(new Error(`scLoad: ${name}`));
    return inject(loading, name, `${base}${name}.${chunk.hash}.min.js`, () => null);
  }
  /* A blank document's script (`<href>.js`, which sets window.scTemplates[<file name>]): its
     base64 text, loaded once. Here rather than in sc-office, so it can load alongside it. */
  const blanks = {};
  load.template = function (href) {
    const key = href.split("/").pop().split(/[?#]/)[0], have = () => (window.scTemplates || {})[key];
    return have() ? Promise.resolve(have()) : inject(blanks, key, `${href}.js`, have);
  };
  window.scLoad = load;
  Object.keys(chunks).forEach((name) => {
    const when = chunks[name].when;
    if (when && document.querySelector(when)) load(name).catch((e) => setTimeout(() => { throw e; }));
  });
})();

/* scLoad: scripts that only some pages need load on demand, so every page pays for the
   shared ones alone. The build lists them in window.scChunks (name -> {hash, when}), at the
   head of this bundle; `when` is a selector: a page that has it loads the chunk at once.
   Others load when asked: scLoad("sc-import").then(...). Files sit beside this bundle, so
   the relative address also works from file:// (a script element is not a fetch). */
(function () {
  "use strict";
  const chunks = window.scChunks || {}, me = document.currentScript, loading = {};
  const base = me && me.src ? me.src.slice(0, me.src.lastIndexOf("/") + 1) : "";
  function load(name) {
    const chunk = chunks[name];
    if (!chunk) return Promise.reject(new Error(`scLoad: ${name}`));
    if (!loading[name]) {
      loading[name] = new Promise((ok, ko) => {
        const s = document.createElement("script");
        s.src = `${base}${name}.${chunk.hash}.min.js`;
        s.onload = () => ok();
        // Gone or blocked: the next call tries again.
        s.onerror = () => { delete loading[name]; s.remove(); ko(new Error(`scLoad: ${s.src}`)); };
        document.body.appendChild(s);
      });
    }
    return loading[name];
  }
  window.scLoad = load;
  Object.keys(chunks).forEach((name) => {
    const when = chunks[name].when;
    if (when && document.querySelector(when)) load(name).catch((e) => setTimeout(() => { throw e; }));
  });
})();

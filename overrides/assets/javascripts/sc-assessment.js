/* Self-assessment: every checklist item (li[data-sc-item]) gets three labelled radios, not
   started / in progress / done. Answers live in scStore, section "checklist" (id = the item's
   step or part, key = item id, value "started" | "done"), so the full checklist and the step
   pages show the same state. On the full checklist page (.sc-assess) the script also fills the
   summary, prints it as a report, shares it as a link (state in the URL fragment only) and
   exports/imports the worksheets' answers file. Strings and items come from the page
   (JSON in .sc-assess-config); the script never parses anything as HTML. The rules (counts,
   what is saved where, the link) are in sc-assessment-core.js; this file works the page. */
(function () {
  "use strict";
  var store = window.scStore, core = window.scAssessCore, cfgEl = document.querySelector(".sc-assess-config");
  if (!store || !cfgEl) return;
  var cfg = JSON.parse(cfgEl.textContent), msg = cfg.msg, fill = window.scStoreCore.fill;
  var list = core.list(cfg.items), order = list.order, unitOf = list.unitOf, units = list.units;
  var root = document.querySelector(".sc-assess[data-sc-assess]");
  var status = document.querySelector(".sc-assess-status");
  var state = {}; // item id -> "started" | "done"; absent = not started

  function each(selector, fn, within) { Array.prototype.forEach.call((within || document).querySelectorAll(selector), fn); }
  function say(text) { if (status) status.textContent = text; }
  function report(result) {
    var why = core.problem(result, store.reason);
    if (why) say(msg[why] + " " + msg.private);
    return result;
  }

  /* ---- state ---- */
  function read() {
    return Promise.all(units.map((u) => store.read("checklist", u))).then(list.collect);
  }
  /* Write the given items, field by field; keys this edition does not know are left alone. */
  function save(ids) {
    const byUnit = list.group(ids, state);
    return Promise.all(Object.keys(byUnit).map((u) => store.write("checklist", u, byUnit[u])))
      .then((results) => report(core.worst(results.map((r) => r.status))));
  }
  function count(ids, st) { return core.count(ids, st || state); }

  /* ---- the controls on every checklist item ---- */
  function controls(li) {
    var id = li.getAttribute("data-sc-item");
    if (!unitOf[id] || li.querySelector(".sc-assess-item")) return;
    var text = document.createElement("span"), group = document.createElement("div");
    text.className = "sc-assess-item__text";
    text.id = "sc-assess-text-" + id;
    while (li.firstChild) text.appendChild(li.firstChild);
    group.className = "sc-assess-item";
    group.setAttribute("role", "radiogroup");
    group.setAttribute("aria-labelledby", text.id);
    core.STATES.forEach(function (s) {
      var input = document.createElement("input"), label = document.createElement("label");
      input.type = "radio";
      input.className = "sc-assess-item__input";
      input.name = "sc-assess-" + id;
      input.value = s;
      input.id = "sc-assess-" + id + "-" + s;
      label.htmlFor = input.id;
      label.className = "sc-assess-item__label sc-assess-item__label--" + s;
      label.textContent = msg["state_" + s];
      group.appendChild(input);
      group.appendChild(label);
    });
    li.appendChild(text);
    li.appendChild(group);
    li.classList.add("sc-assess-li");
  }

  /* ---- showing the state ---- */
  function bar(el, c) {
    var done = el.querySelector(".sc-assess__bar-done"), started = el.querySelector(".sc-assess__bar-started");
    if (done) done.style.width = core.share(c.done, c.n) + "%";
    if (started) started.style.width = core.share(c.started, c.n) + "%";
  }
  function idsOf(el) { return el.getAttribute("data-sc-assess-items").split(" ").filter(Boolean); }
  function paint() {
    each("li[data-sc-item]", function (li) {
      var id = li.getAttribute("data-sc-item"), s = state[id] || "todo";
      li.setAttribute("data-sc-state", s);
      each(".sc-assess-item__input", function (input) { input.checked = input.value === s; }, li);
    });
    each(".sc-assess-step[data-sc-assess-items]", function (p) {
      p.querySelector(".sc-assess-step__numbers").textContent = fill(msg.step, count(idsOf(p)));
      p.hidden = false;
    });
    if (!root) return;
    each("[data-sc-assess-items]", function (el) {
      var c = count(idsOf(el)), numbers = el.querySelector(".sc-assess__numbers");
      if (numbers) numbers.textContent = fill(el.classList.contains("sc-assess__total") ? msg.total : msg.group, c);
      each("[data-sc-assess-count]", function (cell) {
        var k = cell.getAttribute("data-sc-assess-count");
        cell.textContent = k === "percent" ? fill(msg.percent, { n: Math.round(core.share(c.done, c.n)) }) : String(c[k]);
      }, el);
      bar(el, c);
      if (el.classList.contains("sc-assess__open-step")) el.hidden = c.done === c.n;
    }, root);
    each("[data-sc-assess-open]", function (li) {
      var s = state[li.getAttribute("data-sc-assess-open")];
      li.hidden = s === "done";
      li.querySelector(".sc-assess__badge").hidden = s !== "started";
    }, root);
    root.querySelector(".sc-assess__none").hidden = count(order).done !== order.length;
  }
  function dated() {
    root.querySelector(".sc-assess__date").textContent = fill(msg.date, { date: fill(cfg.date.format, core.dateParts(cfg.date, new Date())) });
  }
  function refresh() { return read().then((s) => { state = s; paint(); }); }

  /* ---- the full checklist page ---- */
  function forget() { history.replaceState(null, "", location.pathname + location.search); }
  function apply(linked) { state = linked; paint(); return save(order); }
  var pending = null; // a linked state waiting for the reader's answer
  function ask(linked) {
    var panel = root.querySelector(".sc-assess__ask");
    pending = linked;
    panel.querySelector(".sc-assess__ask-text").textContent = fill(msg.ask, list.asking(state, linked));
    panel.hidden = false;
    panel.focus();
  }
  function answer(replace) {
    var panel = root.querySelector(".sc-assess__ask");
    if (replace) apply(pending);
    pending = null;
    panel.hidden = true;
    forget();
    root.querySelector(".sc-assess__title").setAttribute("tabindex", "-1");
    root.querySelector(".sc-assess__title").focus();
    say(replace ? msg.link_applied : msg.link_kept);
  }
  function fromLink() {
    var l = list.link(location.hash, state);
    if (!l) return;
    if (l.act === "ask") { ask(l.linked); return; }
    if (l.act === "apply") apply(l.linked);
    say(msg[l.act === "apply" ? "link_applied" : "link_" + l.act]);
    forget();
  }
  function printing(on) { document.documentElement.classList.toggle("sc-assess-printing", on); }
  var actions = {
    print: function () { dated(); printing(true); window.print(); },
    link: function () {
      var url = location.href.split("#")[0] + "#" + list.encode(state);
      var box = root.querySelector(".sc-assess__link"), input = box.querySelector("input");
      input.value = url;
      box.hidden = false;
      input.focus();
      input.select();
      var manual = function () { say(msg.link_manual); };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(url).then(function () { say(msg.link_copied); }, manual);
      } else manual();
    },
    "export": function () { store.dump().then((d) => store.download(d, store.fileName("all"))); },
    "import": function () { root.querySelector(".sc-assess__file").click(); },
    clear: function () {
      if (!window.confirm(msg.confirm_clear)) return;
      state = {};
      paint();
      save(order).then((r) => { if (r === "ok") say(msg.cleared); });
    },
    replace: function () { answer(true); },
    keep: function () { answer(false); }
  };
  function setupPage() {
    root.hidden = false;
    dated();
    root.addEventListener("click", function (e) {
      var button = e.target.closest("[data-sc-assess-action]");
      if (button && actions[button.getAttribute("data-sc-assess-action")]) actions[button.getAttribute("data-sc-assess-action")]();
    });
    var file = root.querySelector(".sc-assess__file");
    file.addEventListener("change", function () {
      var chosen = file.files[0];
      file.value = "";
      window.scLoad("sc-import").then(() => window.scImport.start(chosen, root.querySelector(".sc-import"), msg, say, refresh),
        () => say(msg.import_failed));
    });
    /* Ctrl+P with answers prints the report; without any, the blank checklist to tick by hand. */
    window.addEventListener("beforeprint", function () {
      dated();
      if (Object.keys(state).length) printing(true);
    });
    window.addEventListener("afterprint", function () { printing(false); });
    window.addEventListener("hashchange", fromLink);
  }

  each("li[data-sc-item]", controls);
  document.addEventListener("change", function (e) {
    var input = e.target;
    if (!input.classList || !input.classList.contains("sc-assess-item__input")) return;
    var id = input.name.slice("sc-assess-".length);
    if (input.value === "todo") delete state[id]; else state[id] = input.value;
    paint();
    save([id]);
  });
  /* Another tab, an import, or a page restored from the back cache: show what is stored now. */
  store.subscribe((m) => { if (m.section === "checklist") refresh(); });
  window.addEventListener("pageshow", (e) => { if (e.persisted) refresh(); });
  if (root) setupPage();
  refresh().then(() => {
    document.documentElement.setAttribute("data-sc-assess-loaded", "");
    if (root) fromLink();
    if (store.status !== "ok") report(store.status);
  });
})();

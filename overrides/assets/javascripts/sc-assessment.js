/* Self-assessment: every checklist item (li[data-sc-item]) gets three labelled radios, not
   started / in progress / done. Answers live in scStore, section "checklist" (id = the item's
   step or part, key = item id, value "started" | "done"), so the full checklist and the step
   pages show the same state. On the full checklist page (.sc-assess) the script also fills the
   summary, prints it as a report, shares it as a link (state in the URL fragment only) and
   exports/imports the worksheets' answers file. Strings and items come from the page
   (JSON in .sc-assess-config); the script never parses anything as HTML. */
(function () {
  "use strict";
  var store = window.scStore, cfgEl = document.querySelector(".sc-assess-config");
  if (!store || !cfgEl) return;
  var cfg = JSON.parse(cfgEl.textContent), msg = cfg.msg;
  var STATES = ["todo", "started", "done"];
  var order = cfg.items.map(function (i) { return i[0]; }), unitOf = {};
  cfg.items.forEach(function (i) { unitOf[i[0]] = i[1]; });
  var units = order.map(function (id) { return unitOf[id]; }).filter(function (u, i, all) { return all.indexOf(u) === i; });
  var root = document.querySelector(".sc-assess[data-sc-assess]");
  var status = document.querySelector(".sc-assess-status");
  var state = {}; // item id -> "started" | "done"; absent = not started

  function each(selector, fn, within) { Array.prototype.forEach.call((within || document).querySelectorAll(selector), fn); }
  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (all, k) { return k in values ? String(values[k]) : all; });
  }
  function say(text) { if (status) status.textContent = text; }
  function report(result) {
    if (result !== "ok") {
      const why = result === "full" ? "storage_full" : store.reason === "blocked" ? "storage_blocked" : "storage_unavailable";
      say(msg[why] + " " + msg.private);
    }
    return result;
  }

  /* ---- state ---- */
  function read() {
    return Promise.all(units.map((u) => store.read("checklist", u))).then((entries) => {
      const out = {};
      entries.forEach((saved, i) => Object.keys(saved).forEach((k) => {
        const v = saved[k] === true ? "done" : saved[k]; // true: an earlier "ticked" answer
        if (unitOf[k] === units[i] && (v === "started" || v === "done")) out[k] = v;
      }));
      return out;
    });
  }
  /* Write the given items, field by field; keys this edition does not know are left alone. */
  function save(ids) {
    const byUnit = {};
    ids.forEach((id) => { (byUnit[unitOf[id]] = byUnit[unitOf[id]] || {})[id] = state[id] || null; });
    return Promise.all(Object.keys(byUnit).map((u) => store.write("checklist", u, byUnit[u])))
      .then((results) => report(results.reduce((worst, r) => (r.status === "ok" ? worst : r.status), "ok")));
  }
  function count(ids, st) {
    var c = { n: ids.length, done: 0, started: 0, todo: 0 };
    ids.forEach(function (id) { c[(st || state)[id] || "todo"] += 1; });
    return c;
  }
  function same(a, b) { return order.every(function (id) { return (a[id] || "todo") === (b[id] || "todo"); }); }

  /* ---- the link: 3 items per base64url character, then a check of the item ids ---- */
  var B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  var CHECK = (function (s) {
    var h = 0x811c9dc5;
    for (var i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 0x01000193) >>> 0; }
    return h.toString(36);
  })(order.join(","));
  function encode(st) {
    var out = "";
    for (var i = 0; i < order.length; i += 3) {
      var v = 0;
      for (var j = 2; j >= 0; j--) v = v * 3 + Math.max(0, STATES.indexOf(st[order[i + j]] || "todo"));
      out += B64.charAt(v);
    }
    return "assess=1." + out + "." + CHECK;
  }
  function decode(text) {
    var parts = text.split(".");
    if (parts.length !== 3 || parts[0] !== "1" || parts[2] !== CHECK || parts[1].length !== Math.ceil(order.length / 3)) return null;
    var out = {};
    for (var i = 0; i < parts[1].length; i++) {
      var v = B64.indexOf(parts[1].charAt(i));
      if (v < 0 || v > 26) return null;
      for (var j = 0; j < 3; j++, v = Math.floor(v / 3)) {
        var id = order[i * 3 + j];
        if (!id) { if (v % 3) return null; continue; }
        if (v % 3) out[id] = STATES[v % 3];
      }
    }
    return out;
  }

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
    STATES.forEach(function (s) {
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
    if (done) done.style.width = (c.n ? 100 * c.done / c.n : 0) + "%";
    if (started) started.style.width = (c.n ? 100 * c.started / c.n : 0) + "%";
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
        cell.textContent = k === "percent" ? fill(msg.percent, { n: Math.round(c.n ? 100 * c.done / c.n : 0) }) : String(c[k]);
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
  function today() {
    var d = new Date(), day = d.getDate() === 1 ? cfg.date.day1 : String(d.getDate());
    return fill(cfg.date.format, { d: day, m: cfg.date.months[d.getMonth()], y: d.getFullYear() });
  }
  function dated() { root.querySelector(".sc-assess__date").textContent = fill(msg.date, { date: today() }); }
  function refresh() { return read().then((s) => { state = s; paint(); }); }

  /* ---- the full checklist page ---- */
  function forget() { history.replaceState(null, "", location.pathname + location.search); }
  function apply(linked) { state = linked; paint(); return save(order); }
  var pending = null; // a linked state waiting for the reader's answer
  function ask(linked) {
    var panel = root.querySelector(".sc-assess__ask"), mine = count(order), theirs = count(order, linked);
    pending = linked;
    panel.querySelector(".sc-assess__ask-text").textContent = fill(msg.ask,
      { n: order.length, done: theirs.done, started: theirs.started, mine_done: mine.done, mine_started: mine.started });
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
    var m = /^#(assess=.*)$/.exec(location.hash);
    if (!m) return;
    var linked = decode(m[1].slice("assess=".length));
    if (!linked) { say(msg.link_bad); forget(); return; }
    if (same(linked, state)) { say(msg.link_same); forget(); return; }
    if (!Object.keys(state).length) { apply(linked); say(msg.link_applied); forget(); return; }
    ask(linked);
  }
  function printing(on) { document.documentElement.classList.toggle("sc-assess-printing", on); }
  var actions = {
    print: function () { dated(); printing(true); window.print(); },
    link: function () {
      var url = location.href.split("#")[0] + "#" + encode(state);
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

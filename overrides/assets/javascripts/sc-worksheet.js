/* Worksheet forms: save as you type (scStore, keyed by step id and field name, so the
   same answers show in every language), export, import, clear, print. Messages come
   from the page (JSON in .sc-ws__i18n); user text is only ever set as a value. */
(function () {
  "use strict";
  var store = window.scStore;
  if (!store) return;

  function setup(root) {
    var id = root.getAttribute("data-sc-ws");
    var form = root.querySelector(".sc-ws__form");
    var msg = JSON.parse(root.querySelector(".sc-ws__i18n").textContent);
    var status = root.querySelector(".sc-ws__status"), alarm = root.querySelector(".sc-ws__alert");
    var file = root.querySelector(".sc-ws__file");
    var timer = null;

    function say(text, urgent) {
      (urgent ? alarm : status).textContent = text;
      (urgent ? status : alarm).textContent = "";
    }
    function fields() {
      return Array.prototype.filter.call(form.elements, function (el) { return el.name; });
    }
    function fill(values) {
      fields().forEach(function (el) {
        var v = values[el.name];
        if (el.type === "checkbox") el.checked = v === true;
        else if (el.type === "radio") el.checked = v === el.value;
        else el.value = typeof v === "string" ? v : "";
      });
    }
    function collect() {
      var out = {};
      fields().forEach(function (el) {
        if (el.type === "checkbox") { if (el.checked) out[el.name] = true; }
        else if (el.type === "radio") { if (el.checked) out[el.name] = el.value; }
        else if (el.value !== "") out[el.name] = el.value;
      });
      return out;
    }
    /* Only this form's fields change: a part page shares its worksheet with the step page. */
    function merge(values) {
      var all = store.read("worksheets", id);
      fields().forEach(function (el) { delete all[el.name]; });
      Object.keys(values).forEach(function (k) { all[k] = values[k]; });
      return all;
    }
    function report(result) {
      if (result === "off") say(msg.storage_off, true);
      else if (result === "full") say(msg.storage_full, true);
      return result;
    }
    function save() {
      clearTimeout(timer);
      timer = null;
      if (report(store.write("worksheets", id, merge(collect()))) === "ok") say(msg.saved);
    }
    function later() { clearTimeout(timer); timer = setTimeout(save, 400); }
    function importText(text) {
      var parsed = store.parse(text);
      if (parsed.error) {
        var from = parsed.data && typeof parsed.data.edition === "string" ? parsed.data.edition.slice(0, 80) : "?";
        say(msg["import_" + parsed.error].replace("{edition}", from), true);
        return;
      }
      var result = store.load(parsed.data);
      if (result.status === "full") { report("full"); return; }
      fill(store.read("worksheets", id));
      say(msg.imported.replace("{n}", String(Object.keys(parsed.data.worksheets || {}).length)));
      if (result.status === "off") report("off");
    }
    var actions = {
      "export": function () { save(); store.download(store.dump(["worksheets", id]), store.edition + "-" + id + ".json"); },
      "export-all": function () { save(); store.download(store.dump(), store.edition + "-answers.json"); },
      "import": function () { file.click(); },
      "clear": function () {
        if (!window.confirm(msg.confirm_clear)) return;
        fill({});
        if (report(store.write("worksheets", id, merge({}))) === "ok") say(msg.cleared);
      },
      "print": function () {
        save();
        document.documentElement.classList.add("sc-ws-printing");
        root.classList.add("sc-ws--print");
        Array.prototype.forEach.call(form.querySelectorAll("textarea"), function (t) {
          t.style.height = "auto";
          t.style.height = t.scrollHeight + 4 + "px";
        });
        window.print();
      }
    };

    root.querySelector(".sc-ws__toolbar").hidden = false;
    root.querySelector(".sc-ws__note--js").hidden = false;
    root.querySelector(".sc-ws__note--nojs").hidden = true;
    root.addEventListener("click", function (e) {
      var button = e.target.closest("[data-sc-action]");
      if (button && actions[button.getAttribute("data-sc-action")]) actions[button.getAttribute("data-sc-action")]();
    });
    file.addEventListener("change", function () {
      var chosen = file.files[0];
      file.value = "";
      if (!chosen) return;
      if (chosen.size > 5000000) { say(msg.import_bad, true); return; }
      chosen.text().then(importText, function () { say(msg.import_bad, true); });
    });
    form.addEventListener("input", later);
    form.addEventListener("change", later);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    window.addEventListener("pagehide", function () { if (timer) save(); });
    window.addEventListener("afterprint", function () {
      document.documentElement.classList.remove("sc-ws-printing");
      root.classList.remove("sc-ws--print");
    });

    var saved = store.read("worksheets", id);
    if (fields().some(function (el) { return el.name in saved; })) { fill(saved); say(msg.restored); }
    if (!store.available) say(msg.storage_off, true);
  }

  Array.prototype.forEach.call(document.querySelectorAll(".sc-ws[data-sc-ws]"), setup);
})();

/* scAssessCore: the self-assessment's pure rules (no DOM, no storage), shared by
   sc-assessment.js and the unit tests in tests/js/ (node --test). A state maps an item id to
   "started" or "done"; an item it lacks is not started ("todo"). list() takes the page's
   items, [[item id, step or part id], ...] in data/checklist.yml order. */
(function () {
  "use strict";
  const STATES = ["todo", "started", "done"];
  const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  /* How many of `ids` are in each state: {n, done, started, todo}. */
  function count(ids, st) {
    const c = { n: ids.length, done: 0, started: 0, todo: 0 };
    ids.forEach((id) => { c[st[id] || "todo"] += 1; });
    return c;
  }
  /* `part` of `n` in percent; 0 of no items. */
  const share = (part, n) => (n ? 100 * part / n : 0);
  /* The message key for a write's status, null when it was saved. */
  const problem = (status, reason) => (status === "ok" ? null : status === "full" ? "storage_full"
    : reason === "blocked" ? "storage_blocked" : "storage_unavailable");
  /* The status of several writes: the last one that was not "ok", else "ok". */
  const worst = (statuses) => statuses.reduce((w, s) => (s === "ok" ? w : s), "ok");
  /* The values of a date for the page's format (`date`: {months, day1}); day 1 may read "1er". */
  const dateParts = (date, d) => ({ d: d.getDate() === 1 ? date.day1 : String(d.getDate()), m: date.months[d.getMonth()], y: d.getFullYear() });

  function list(items) {
    const order = items.map((i) => i[0]), unitOf = {};
    items.forEach((i) => { unitOf[i[0]] = i[1]; });
    const units = order.map((id) => unitOf[id]).filter((u, i, all) => all.indexOf(u) === i);
    // A link holds the states only, so it carries a check of the ids it was made from.
    let h = 0x811c9dc5;
    const ids = order.join(",");
    for (let i = 0; i < ids.length; i++) { h ^= ids.charCodeAt(i); h = Math.imul(h, 0x01000193) >>> 0; }
    const CHECK = h.toString(36);
    const same = (a, b) => order.every((id) => (a[id] || "todo") === (b[id] || "todo"));

    /* 3 items per base64url character, then the check: "assess=1.<states>.<check>". */
    function encode(st) {
      let out = "";
      for (let i = 0; i < order.length; i += 3) {
        let v = 0;
        for (let j = 2; j >= 0; j--) v = v * 3 + Math.max(0, STATES.indexOf(st[order[i + j]] || "todo"));
        out += B64.charAt(v);
      }
      return "assess=1." + out + "." + CHECK;
    }
    /* The state of a link's text after "assess=", or null when it is not one of this list's. */
    function decode(text) {
      const parts = text.split(".");
      if (parts.length !== 3 || parts[0] !== "1" || parts[2] !== CHECK || parts[1].length !== Math.ceil(order.length / 3)) return null;
      const out = {};
      for (let i = 0; i < parts[1].length; i++) {
        let v = B64.indexOf(parts[1].charAt(i));
        if (v < 0 || v > 26) return null;
        for (let j = 0; j < 3; j++, v = Math.floor(v / 3)) {
          const id = order[i * 3 + j];
          if (!id) { if (v % 3) return null; continue; }
          if (v % 3) out[id] = STATES[v % 3];
        }
      }
      return out;
    }

    return {
      order, unitOf, units, encode, decode, same,
      /* The state saved in the store: one entry per unit, in `units` order. An item counts
         in its own unit only; `true` (an earlier "ticked") reads as done; the rest is ignored. */
      collect: (entries) => {
        const out = {};
        entries.forEach((saved, i) => Object.keys(saved).forEach((k) => {
          const v = saved[k] === true ? "done" : saved[k];
          if (unitOf[k] === units[i] && (v === "started" || v === "done")) out[k] = v;
        }));
        return out;
      },
      /* The writes that save `ids`: unit -> {item: state, null for not started}. */
      group: (ids, st) => {
        const by = {};
        ids.forEach((id) => { (by[unitOf[id]] = by[unitOf[id]] || {})[id] = st[id] || null; });
        return by;
      },
      /* What the address's fragment asks: null (no link), else {act, linked}, act being
         "bad" (not a link of this list), "same" (nothing would change), "apply" (nothing
         saved yet) or "ask" (it would replace saved answers). */
      link: (hash, st) => {
        const m = /^#assess=(.*)$/.exec(hash);
        if (!m) return null;
        const linked = decode(m[1]);
        return { linked, act: !linked ? "bad" : same(linked, st) ? "same" : Object.keys(st).length ? "ask" : "apply" };
      },
      /* The values of the question asked before a link replaces saved answers. */
      asking: (st, linked) => {
        const mine = count(order, st), theirs = count(order, linked);
        return { n: order.length, done: theirs.done, started: theirs.started, mine_done: mine.done, mine_started: mine.started };
      }
    };
  }

  window.scAssessCore = { STATES, count, share, problem, worst, dateParts, list };
})();

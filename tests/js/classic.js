// Loads one of our classic scripts into Node as a browser would run it, with `window` its
// only link to the page: no document, so a rule that reaches for the DOM throws in the tests.
// Returns the window, holding whatever the script put there (e.g. window.scCasesCore).
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const JS = path.join(__dirname, "..", "..", "overrides", "assets", "javascripts");

function classic(name, window = {}) {
  const file = path.join(JS, name);
  // Compiled in this realm, so its arrays and objects compare with assert.deepEqual.
  vm.runInThisContext(`(function (window, self, document, location) {\n${fs.readFileSync(file, "utf8")}\n})`,
    { filename: file, lineOffset: -1 })(window, window);
  return window;
}

module.exports = { classic, JS };

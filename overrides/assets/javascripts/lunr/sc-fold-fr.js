/*
 * French search: the Smart City Guide's addition to lunr-languages' French
 * support. The build appends it, minified, to Material's own
 * lunr.fr.min.js, which the search worker loads (smartcity/mkdocs/bundle_hooks.py), so
 * Material's file is never copied here and follows Material's upgrades.
 * tests/test_search.py fails if the addition stops loading. ES5, as the
 * bundle requires.
 *
 * Why: Material drops lunr's stemmer, and its worker ends every query term
 * with a wildcard, and lunr skips its search pipeline for wildcard terms. So
 * a query reached the index exactly as typed: "strategie" never met
 * "stratégie", nor "financements" a page that only says "financement".
 *
 * What: one function, lunr.fr.fold, brings a word to a base form: lower case,
 * accents removed, elided article or pronoun dropped (l’, d’, qu’…), edge
 * punctuation trimmed, simple plural removed (-s, -x, -aux → -al). It runs on
 * every indexed token (index pipeline), on query terms that go through the
 * search pipeline, and on every query clause as lunr adds it, since wildcard
 * clauses skip the pipeline. Both sides fold the same way, so they meet.
 * Result highlighting is unaffected: lunr keeps each token's position in the
 * original text, not the folded string.
 */
!function (lunr) {
  if (!lunr || !lunr.fr) return
  var language = lunr.fr
  var marks = /[\u0300-\u036f]/g
  var elision = /^(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu)['’]/
  var edges = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu

  function fold(word) {
    var base = word.toLowerCase().normalize("NFD").replace(marks, "")
      .replace(/œ/g, "oe").replace(/æ/g, "ae")
      .replace(edges, "").replace(elision, "")
    if (base.length > 4 && /[^e]aux$/.test(base))
      return base.slice(0, -3) + "al"          // locaux → local, but réseaux → reseau
    if (base.length > 3 && /[^s][sx]$/.test(base))
      return base.slice(0, -1)                 // stratégies → strategie; "process" stays
    return base
  }

  function foldToken(token) {
    return token.update(fold)                  // an empty result drops the token
  }
  lunr.Pipeline.registerFunction(foldToken, "fold-fr")

  // The language plugin Material applies: lunr-languages' own, plus the fold.
  lunr.fr = function () {
    language.apply(this, arguments)
    this.pipeline.add(foldToken)
    if (this.searchPipeline) this.searchPipeline.add(foldToken)
  }
  for (var key in language) lunr.fr[key] = language[key]
  lunr.fr.fold = fold

  // Every clause, wildcard or not, from a typed query or a query builder.
  // An optional stop word is left out: the index has none, and with the
  // wildcard "de" would match every word starting with "de".
  var addClause = lunr.Query.prototype.clause
  var required = lunr.Query.presence.REQUIRED
  lunr.Query.prototype.clause = function (clause) {
    var parts = /^(\**)([\s\S]*?)(\**)$/.exec(clause.term || "")
    if (parts && clause.presence !== required && !language.stopWordFilter(parts[2].toLowerCase()))
      return this
    var core = parts ? fold(parts[2]) : ""
    if (core) clause.term = parts[1] + core + parts[3]
    return addClause.call(this, clause)
  }
  // A query left with no clause (only stop words) matches nothing, not everything.
  var isNegated = lunr.Query.prototype.isNegated
  lunr.Query.prototype.isNegated = function () {
    return this.clauses.length > 0 && isNegated.call(this)
  }
}(this.lunr || (typeof self !== "undefined" ? self.lunr : undefined));

// The peer: the npm package approx-string-match (the matcher the Hypothesis client uses), driven
// the way Hypothesis' match-quote drives it: exact search first; else approximate search with
// up to min(256, length/2) errors; every candidate scored on quote, prefix, suffix and position
// (weights 50/20/20/2). Same data as claimmark's run; prints figures and writes them as JSON.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const search = require('approx-string-match').default;

function searchQuote(text, str, maxErrors) {
  const exact = [];
  for (let at = text.indexOf(str); at !== -1; at = text.indexOf(str, at + 1)) {
    exact.push({ start: at, end: at + str.length, errors: 0 });
  }
  return exact.length > 0 ? exact : search(text, str, maxErrors);
}

function textMatchScore(text, str) {
  if (str.length === 0 || text.length === 0) return 0.0;
  const matches = searchQuote(text, str, str.length);
  return 1 - matches[0].errors / str.length;
}

function matchQuote(text, quote, context) {
  if (quote.length === 0) return null;
  const maxErrors = Math.min(256, quote.length / 2);
  const matches = searchQuote(text, quote, maxErrors);
  if (matches.length === 0) return null;
  const score = (m) => {
    const quoteWeight = 50, prefixWeight = 20, suffixWeight = 20, posWeight = 2;
    const quoteScore = 1 - m.errors / quote.length;
    const prefixScore = context.prefix
      ? textMatchScore(text.slice(Math.max(0, m.start - context.prefix.length), m.start), context.prefix)
      : 1.0;
    const suffixScore = context.suffix
      ? textMatchScore(text.slice(m.end, m.end + context.suffix.length), context.suffix)
      : 1.0;
    let posScore = 1.0;
    if (typeof context.hint === 'number') {
      posScore = 1.0 - Math.abs(m.start - context.hint) / text.length;
    }
    return (quoteWeight * quoteScore + prefixWeight * prefixScore + suffixWeight * suffixScore +
      posWeight * posScore) / (quoteWeight + prefixWeight + suffixWeight + posWeight);
  };
  let best = null;
  for (const m of matches) {
    const s = score(m);
    if (best === null || s > best.score) best = { start: m.start, end: m.end, score: s };
  }
  return best;
}

const [dataPath, outPath] = process.argv.slice(2);
const data = JSON.parse(readFileSync(dataPath, 'utf8'));
// JavaScript strings count UTF-16 units; the dataset counts code points. Convert offsets at the
// edges, as Hypothesis' own code does for its DOM text.
const cpToUnit = new Uint32Array([...data.text].length + 1);
{
  let unit = 0, cp = 0;
  for (const ch of data.text) { cpToUnit[cp++] = unit; unit += ch.length; }
  cpToUnit[cp] = unit;
}
const unitToCp = new Map();
for (let i = 0; i < cpToUnit.length; i++) unitToCp.set(cpToUnit[i], i);

const correct = (c, s, e) => Math.abs(s - c.hint_start) <= 3 && Math.abs(e - c.hint_end) <= 3;
const results = {};
for (const [name, hints] of [['hints', true], ['no_hints', false]]) {
  let found = 0, right = 0, unedited = [0, 0], edited = [0, 0];
  const t0 = performance.now();
  for (const c of data.cases) {
    const t = performance.now();
    const m = matchQuote(data.text, c.exact, {
      prefix: c.prefix, suffix: c.suffix, hint: hints ? cpToUnit[c.hint_start] : undefined,
    });
    const dt = performance.now() - t;
    if (c.edits === 0) { unedited[0] += dt; unedited[1]++; } else { edited[0] += dt; edited[1]++; }
    if (m) {
      found++;
      const s = unitToCp.get(m.start), e = unitToCp.get(m.end);
      if (s !== undefined && e !== undefined && correct(c, s, e)) right++;
    }
  }
  const f = {
    total_ms: performance.now() - t0,
    unedited_ms_per_quote: unedited[0] / Math.max(1, unedited[1]),
    edited_ms_per_quote: edited[0] / Math.max(1, edited[1]),
    found, correct: right, quotes: data.cases.length,
  };
  console.log(`peer   ${name.padStart(8)}: total ${f.total_ms.toFixed(1).padStart(8)} ms | per quote: unedited ${f.unedited_ms_per_quote.toFixed(4)} ms, edited ${f.edited_ms_per_quote.toFixed(4)} ms | found ${found}/${f.quotes} correct ${right}/${f.quotes}`);
  results[name] = f;
}
writeFileSync(outPath, JSON.stringify(results));

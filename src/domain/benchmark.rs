//! The benchmarks' data and scoring, shared by the native runs, the wasm runs in Chromium, and
//! the data file the Node peer reads. Deterministic: the same seed gives the same corpus and
//! quotes everywhere.

use serde::{Deserialize, Serialize};

use super::anchor::{quote_at, Anchorer, CONTEXT_CHARS};
use super::annotation::Verdict;
use super::document::{document_from_text, seed_documents, Origin};
use super::library::Library;
use super::records::{all_writes, MemoryRecords, Saver, Write};
use super::text::IndexedText;

/// xorshift64*: small, fast, and the same on every platform.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed.max(1))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// Uniform in `[lo, hi)`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + (self.next_u64() % (hi - lo) as u64) as usize
    }
}

/// The seed articles' sentences (40 characters or more), in order.
pub fn seed_sentences() -> Vec<String> {
    let mut out = Vec::new();
    for doc in seed_documents() {
        for para in doc.text.split("\n\n") {
            let mut rest = para.trim();
            while !rest.is_empty() {
                let cut = rest
                    .match_indices(". ")
                    .map(|(i, _)| i + 1)
                    .find(|&i| i >= 40)
                    .unwrap_or(rest.len());
                let sentence = rest[..cut].trim();
                if sentence.chars().count() >= 40 {
                    out.push(sentence.replace('\n', " "));
                }
                rest = rest[cut..].trim_start();
            }
        }
    }
    out
}

/// An English news-like document of at least `chars` characters: paragraphs of two to five
/// seed sentences drawn at random.
pub fn corpus(chars: usize, rng: &mut Rng) -> String {
    let sentences = seed_sentences();
    let mut text = String::with_capacity(chars + 2_000);
    let mut count = 0;
    while count < chars {
        let n = rng.range(2, 6);
        let para: Vec<&str> = (0..n)
            .map(|_| sentences[rng.range(0, sentences.len())].as_str())
            .collect();
        let para = para.join(" ");
        count += para.chars().count() + 2;
        text.push_str(&para);
        text.push_str("\n\n");
    }
    text
}

/// One benchmark quote: what is stored, and where it truly is.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Case {
    pub exact: String,
    pub prefix: String,
    pub suffix: String,
    /// The position stored with the quote (its original place), in code points.
    pub hint_start: usize,
    pub hint_end: usize,
    /// Characters edited in `exact` (0 for unedited quotes).
    pub edits: usize,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Dataset {
    pub text: String,
    pub cases: Vec<Case>,
}

const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyz";

/// `n` edits (insert, delete or substitute a letter) at random places of `s`.
fn edit(s: &str, n: usize, rng: &mut Rng) -> String {
    let mut c: Vec<char> = s.chars().collect();
    for _ in 0..n {
        let at = rng.range(0, c.len());
        let letter = LETTERS[rng.range(0, LETTERS.len())] as char;
        match rng.range(0, 3) {
            0 => c.insert(at, letter),
            1 if c.len() > 2 => {
                c.remove(at);
            }
            _ => {
                // A substitution that changes something.
                c[at] = if c[at] == letter { '#' } else { letter };
            }
        }
    }
    c.into_iter().collect()
}

/// The benchmark: a corpus of about `chars` characters and `quotes` quotes of 40-200
/// characters, every other one with 1-3 character edits. Each quote's quote-plus-context is
/// unique in the corpus, so there is one right answer even without a position.
pub fn dataset(chars: usize, quotes: usize, seed: u64) -> Dataset {
    let mut rng = Rng::new(seed);
    let text = corpus(chars, &mut rng);
    let t = IndexedText::new(text.as_str());
    let mut cases = Vec::with_capacity(quotes);
    while cases.len() < quotes {
        let len = rng.range(40, 201);
        let start = rng.range(CONTEXT_CHARS, t.len() - len - CONTEXT_CHARS);
        let q = quote_at(&t, start, start + len);
        if q.exact.starts_with(char::is_whitespace) || q.exact.ends_with(char::is_whitespace) {
            continue;
        }
        let whole = format!("{}{}{}", q.prefix, q.exact, q.suffix);
        if text.matches(whole.as_str()).nth(1).is_some() {
            continue; // ambiguous even with context: no right answer to score
        }
        let edits = if cases.len() % 2 == 1 {
            rng.range(1, 4)
        } else {
            0
        };
        cases.push(Case {
            exact: if edits > 0 {
                edit(&q.exact, edits, &mut rng)
            } else {
                q.exact
            },
            prefix: q.prefix,
            suffix: q.suffix,
            hint_start: start,
            hint_end: start + len,
            edits,
        });
    }
    Dataset { text, cases }
}

/// Whether a found span is the right one: both ends within 3 characters of the truth (an edit
/// at a quote's edge can move the best match's edge by that much).
pub fn correct(case: &Case, found: Option<(usize, usize)>) -> bool {
    found.is_some_and(|(s, e)| s.abs_diff(case.hint_start) <= 3 && e.abs_diff(case.hint_end) <= 3)
}

/// Figures of one run.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Figures {
    pub total_ms: f64,
    pub unedited_ms_per_quote: f64,
    pub edited_ms_per_quote: f64,
    pub found: usize,
    pub correct: usize,
    pub quotes: usize,
}

/// Anchors every case, timing each with `now` (milliseconds), as claimmark does: one
/// [`Anchorer`] for the text, built inside the timed region.
pub fn run(data: &Dataset, with_hints: bool, now: &dyn Fn() -> f64) -> Figures {
    let mut f = Figures {
        quotes: data.cases.len(),
        ..Figures::default()
    };
    let (mut unedited, mut edited) = ((0.0, 0usize), (0.0, 0usize));
    let t0 = now();
    let anchorer = Anchorer::new(&data.text);
    let build = now() - t0;
    for case in &data.cases {
        let q = super::anchor::Quote {
            exact: case.exact.clone(),
            prefix: case.prefix.clone(),
            suffix: case.suffix.clone(),
        };
        let hint = with_hints.then_some((case.hint_start, case.hint_end));
        let t = now();
        let found = anchorer.anchor(&q, hint).map(|a| (a.start, a.end));
        let dt = now() - t;
        if case.edits == 0 {
            unedited = (unedited.0 + dt, unedited.1 + 1);
        } else {
            edited = (edited.0 + dt, edited.1 + 1);
        }
        f.found += found.is_some() as usize;
        f.correct += correct(case, found) as usize;
    }
    f.total_ms = build + unedited.0 + edited.0;
    f.unedited_ms_per_quote = unedited.0 / unedited.1.max(1) as f64;
    f.edited_ms_per_quote = edited.0 / edited.1.max(1) as f64;
    f
}

/// A large library for the saving benchmark: `articles` user articles of about `chars`
/// characters (the seed texts repeated), `claims_each` claims in each.
pub fn large_library(articles: usize, chars: usize, claims_each: usize) -> Library {
    let seeds = seed_documents();
    let mut lib = Library::new(seeds.clone());
    for d in 0..articles {
        let mut text = format!("Article {d}.\n\n");
        for s in seeds.iter().cycle() {
            if text.len() >= chars {
                break;
            }
            text.push_str(&s.text);
            text.push_str("\n\n");
        }
        let id = format!("doc-{d}");
        lib.add_document(document_from_text(id.clone(), &text, None, Origin::User, 1));
        for c in 0..claims_each {
            let start = 20 + c * 300;
            let claim = format!("{id}-{c}");
            let _ = lib.annotate(&id, (start, start + 120), Verdict::Unsourced, claim, 1);
        }
    }
    lib
}

/// What saving one edit (a keystroke in a note) costs, in milliseconds per save over `edits`
/// saves: the changed records taken from the journal, their writes made and applied to
/// `store`, which first receives the whole library. Also what the edit itself cost (finding
/// the claim by its id), and the bytes written per save: `(save_ms, edit_ms, bytes)`.
pub fn saving(
    store: &MemoryRecords,
    mut lib: Library,
    edits: i64,
    now: &dyn Fn() -> f64,
) -> (f64, f64, usize) {
    let _ = store.apply(&all_writes(&lib));
    lib.take_journal();
    let mut saver = Saver::default();
    let (mut saving, mut editing, mut bytes) = (0.0, 0.0, 0);
    for i in 0..edits {
        let t = now();
        lib.set_note("doc-3-3", &format!("note {i}"), 100 + i);
        let t2 = now();
        saver.note(lib.take_journal());
        if let Some(writes) = saver.start(&lib) {
            bytes += (writes.iter())
                .map(|w| match w {
                    Write::Put(k, v) => k.len() + v.len(),
                    Write::Delete(k) => k.len(),
                })
                .sum::<usize>();
            let ok = store.apply(&writes).is_ok();
            saver.finish(ok);
        }
        saving += now() - t2;
        editing += t2 - t;
    }
    let n = edits as f64;
    (saving / n, editing / n, bytes / edits as usize)
}

/// What searching a large library costs: `(build_ms, per_keystroke_ms, worst_keystroke_ms,
/// claims)` for 3,000 articles of 20,000 characters with 20 claims each (60,000 claims): the
/// index built once (it is rebuilt on each change of the library), then a query typed a
/// character at a time, each with a verdict filter on the last keystrokes.
pub fn search_benchmark(now: &dyn Fn() -> f64) -> (f64, f64, f64, usize) {
    use super::search::{Index, Query};
    let lib = large_library(3_000, 20_000, 20);
    let claims = lib.all_annotations().len();
    let t = now();
    let index = Index::new(&lib);
    let build = now() - t;
    let typed = "soleimani was killed";
    let (mut total, mut worst) = (0.0f64, 0.0f64);
    let mut n = 0;
    for end in 1..=typed.len() {
        let q = Query {
            text: typed[..end].to_owned(),
            verdict: (end > 15).then_some(Verdict::Unsourced),
            ..Query::default()
        };
        let t = now();
        let (hits, count) = index.search(&lib, &q, 50);
        let ms = now() - t;
        std::hint::black_box((hits, count));
        total += ms;
        worst = worst.max(ms);
        n += 1;
    }
    (build, total / n as f64, worst, claims)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_dataset_is_deterministic_and_well_formed() {
        let a = dataset(20_000, 20, 7);
        let b = dataset(20_000, 20, 7);
        assert_eq!(a.text, b.text);
        assert!(a.text.chars().count() >= 20_000);
        assert_eq!(a.cases.len(), 20);
        for (i, c) in a.cases.iter().enumerate() {
            let n = c.hint_end - c.hint_start;
            assert!((40..=200).contains(&n));
            assert_eq!(c.edits == 0, i % 2 == 0);
            assert!(c.edits <= 3);
            assert_eq!(c.exact, b.cases[i].exact);
        }
    }

    #[test]
    fn a_small_run_finds_every_quote() {
        let data = dataset(30_000, 40, 3);
        let clock = std::cell::Cell::new(0.0);
        let now = || {
            clock.set(clock.get() + 1.0);
            clock.get()
        };
        for hints in [true, false] {
            let f = run(&data, hints, &now);
            assert_eq!(
                (f.found, f.correct, f.quotes),
                (40, 40, 40),
                "hints: {hints}"
            );
        }
    }
}

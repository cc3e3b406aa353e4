//! What the fuzzer feeds, and what it checks besides "no panic". Each target turns an input (a
//! string, so that a crashing input can be saved and replayed) into an [`Outcome`].

use claimmark::domain::anchor::{Anchorer, Quote};
use claimmark::domain::annotation::Verdict;
use claimmark::domain::assistant::classify::analyse;
use claimmark::domain::assistant::sentences::sentences;
use claimmark::domain::assistant::suggest::{also_in, suggestions};
use claimmark::domain::document::{document_from_text, seed_documents, Origin};
use claimmark::domain::layout::{claims, covers, layout, Hint, Page};
use claimmark::domain::library::Library;
use claimmark::domain::records::{self, MemoryRecords};
use claimmark::domain::select::{step, Step};
use claimmark::domain::storage::{decode, encode, KeyValueStore, MemoryStore, LIBRARY_KEY};
use claimmark::domain::text::IndexedText;
use claimmark::domain::time::{parse_date, parse_rfc3339};
use claimmark::domain::w3c::{export, import, Scope};
use serde_json::{json, Value};

use super::gen::{interesting_number, messy_text, mutate_chars, mutate_json, Rng};

/// What one input did.
pub enum Outcome {
    /// Taken in (and everything checked held).
    Accepted,
    /// Refused with a message that says what and where.
    Refused,
    /// A broken promise that is not a panic: a refusal that does not say where, a span outside
    /// its text, a download that does not load again.
    Wrong(String),
}

pub struct Target {
    pub name: &'static str,
    /// The file extension of saved inputs.
    pub ext: &'static str,
    pub generate: fn(&mut Rng, &Corpus) -> String,
    pub run: fn(&str, &Corpus) -> Outcome,
}

pub const TARGETS: &[Target] = &[
    Target {
        name: "w3c-import",
        ext: "json",
        generate: gen_import,
        run: run_import,
    },
    Target {
        name: "stored-library",
        ext: "json",
        generate: gen_stored,
        run: run_stored,
    },
    Target {
        name: "anchoring",
        ext: "json",
        generate: gen_anchoring,
        run: run_anchoring,
    },
    Target {
        name: "extract",
        ext: "html",
        generate: gen_page,
        run: run_extract,
    },
    Target {
        name: "assistant",
        ext: "txt",
        generate: gen_text,
        run: run_assistant,
    },
    Target {
        name: "dates",
        ext: "txt",
        generate: gen_date,
        run: run_date,
    },
];

/// Valid inputs to start mutating from.
pub struct Corpus {
    /// The library files are imported into: the seeds and one user article.
    pub library: Library,
    /// Downloads of a library with every kind of claim (moved, orphan, suggested, notes, links).
    pub exports: Vec<String>,
    /// The stored value of that library.
    pub stored: String,
    pub texts: Vec<String>,
    pub html: Vec<String>,
}

const USER_TEXT: &str = "A short corrected text of the article.\n\nThe minister said “prices fell 3% 😀 in May”. Critics disagree, e\u{301}crit-on.";

fn cp_range(text: &str, needle: &str) -> (usize, usize) {
    let b = text.find(needle).unwrap_or(0);
    let s = text[..b].chars().count();
    (s, s + needle.chars().count())
}

impl Corpus {
    pub fn new() -> Self {
        let mut base = Library::new(seed_documents());
        base.add_document(document_from_text(
            "user-1".into(),
            USER_TEXT,
            None,
            Origin::User,
            1_600_000_000_000,
        ));
        let mut full = base.clone();
        let seed = "000_698b5d7c01ae0af2";
        let seed_text = full
            .document(seed)
            .map(|d| d.text.clone())
            .unwrap_or_default();
        let _ = full.annotate(
            seed,
            (0, 52),
            Verdict::Unsourced,
            "urn:uuid:s1".into(),
            1_700_000_000_000,
        );
        let pompeo = cp_range(&seed_text, "Iraqis — Iraqis — dancing in the street");
        let _ = full.accept(
            None,
            seed,
            pompeo,
            Verdict::Sourced,
            Some("Pompeo"),
            "urn:uuid:s2".into(),
            1_700_000_000_001,
        );
        full.set_note(
            "urn:uuid:s2",
            "Tweet, checked.\nSecond line 😀",
            1_700_000_000_002,
        );
        full.set_evidence("urn:uuid:s2", "https://twitter.com/x", 1_700_000_000_003);
        for (i, (words, v)) in [
            ("prices fell 3% 😀 in May", Verdict::Sourced),
            ("Critics disagree", Verdict::Unsourced),
            ("A short corrected text", Verdict::Unsourced),
            ("e\u{301}crit-on", Verdict::Sourced),
        ]
        .into_iter()
        .enumerate()
        {
            let _ = full.annotate(
                "user-1",
                cp_range(USER_TEXT, words),
                v,
                format!("urn:uuid:u{i}"),
                1_700_000_001_000 + i as i64,
            );
        }
        full.set_evidence("urn:uuid:u1", "see the PDF", 1_700_000_002_000);
        full.dismiss(seed, "Some words.", 1_700_000_003_000);
        let details = claimmark::domain::provenance::Details {
            title: "From the web".into(),
            url: "https://news.example/2020/01/03/a".into(),
            site: "News".into(),
            author: "Jane Roe".into(),
            date: "2020-01-03".into(),
        };
        let _ = full.set_details("user-1", &details, 1_700_000_003_500);
        full.delete("urn:uuid:u3", 1_700_000_004_000);
        // A revised text: one claim moves (to confirm), one is lost (orphan).
        let revised = USER_TEXT
            .replace("3%", "4%")
            .replace("A short corrected text of the article.", "New intro.");
        let _ = full.replace_text("user-1", &revised, 1_700_000_005_000);
        let exports = vec![
            export(&full, Scope::All, 1_700_000_009_000, "fuzz"),
            export(&full, Scope::Document("user-1"), 1_700_000_009_000, "fuzz"),
            export(&full, Scope::Document(seed), 1_700_000_009_000, "fuzz"),
        ];
        let stored = encode(&full.contents());
        let texts = seed_documents()
            .into_iter()
            .map(|d| d.text)
            .chain([USER_TEXT.to_owned()])
            .collect();
        let html = vec![
            r#"<!DOCTYPE html><html><head><title>Big &amp; small</title><style>p{}</style><script>alert("<p>x</p>")</script></head><body><nav><a href="/">Home</a></nav><h1>Headline</h1><p>First para with <b>bold</b> text.</p><!-- c --><div>Second&nbsp;one &#8212; &#x201C;quoted&#x201D;</div><p>Line<br>break</p><figure><img src=x><figcaption>Photo: AP</figcaption></figure></body></html>"#.to_owned(),
            format!("<html><body><article><p>{}</p></article></body></html>", USER_TEXT.replace("\n\n", "</p><p>")),
        ];
        Self {
            library: base,
            exports,
            stored,
            texts,
            html,
        }
    }
}

// ---- W3C import ---------------------------------------------------------------------------

fn gen_import(rng: &mut Rng, c: &Corpus) -> String {
    if rng.chance(80) {
        return {
            let seed = rng_pick(rng, &c.exports);
            mutate_json(rng, seed)
        };
    }
    // Generated from scratch: an article text and selectors that may not fit it at all.
    let text = messy_text(rng, 30);
    let exact = if rng.chance(50) {
        messy_text(rng, 4)
    } else {
        text.chars()
            .skip(rng.below(8))
            .take(rng.below(20))
            .collect()
    };
    let start = interesting_number(rng);
    let end = interesting_number(rng);
    json!({
        "type": "AnnotationCollection",
        "claimmark:documents": [{ "id": "urn:claimmark:doc:gen", "type": "Text", "claimmark:text": text }],
        "first": { "type": "AnnotationPage", "items": [{
            "id": "urn:uuid:gen", "type": "Annotation",
            "body": [{ "type": "TextualBody", "purpose": "classifying", "value": "sourced" }],
            "target": { "source": "urn:claimmark:doc:gen", "selector": [
                { "type": "TextQuoteSelector", "exact": exact, "prefix": messy_text(rng, 3), "suffix": messy_text(rng, 3) },
                { "type": "TextPositionSelector", "start": start, "end": end }
            ]}
        }]}
    })
    .to_string()
}

fn rng_pick<'a>(rng: &mut Rng, items: &'a [String]) -> &'a str {
    items[rng.below(items.len())].as_str()
}

fn run_import(input: &str, c: &Corpus) -> Outcome {
    match import(input, &c.library, 1_800_000_000_000) {
        Err(e) => {
            if e.at.trim().is_empty() || e.problem.trim().is_empty() {
                return Outcome::Wrong(format!("a refusal that does not say what and where: {e}"));
            }
            Outcome::Refused
        }
        Ok(parsed) => {
            let mut lib = c.library.clone();
            lib.merge(parsed.contents);
            if let Some(w) = check_library(&lib) {
                return Outcome::Wrong(w);
            }
            Outcome::Accepted
        }
    }
}

/// What must hold of any library the app shows: every article lays out, every claim sits inside
/// its text, suggestions are made, and a download of it loads again into a fresh library.
fn check_library(lib: &Library) -> Option<String> {
    for doc in lib.documents() {
        let text = IndexedText::new(doc.text.as_str());
        for p in lib.placed(doc, &text) {
            if let Some((s, e)) = p.span {
                if !(s < e && e <= text.len()) {
                    return Some(format!(
                        "claim {} placed at {s}–{e} in a text of {}",
                        p.annotation.id,
                        text.len()
                    ));
                }
            }
        }
        let hints: Vec<Hint> = suggestions(doc, lib).iter().map(Hint::of).collect();
        let page = Page::new(doc);
        let l = layout(&page, &covers(&claims(&page, lib)), &hints);
        let covered: usize = (l.paragraphs.iter().flat_map(|p| p.iter()))
            .map(|p| p.end - p.start)
            .sum();
        if covered > text.len() {
            return Some(format!(
                "layout covers {covered} of {} characters",
                text.len()
            ));
        }
        let _ = lib.counts(&doc.id);
        if let Some(a) = lib.annotations_of(&doc.id).first() {
            let _ = also_in(lib, &doc.id, &a.exact);
        }
    }
    let file = export(lib, Scope::All, 1_900_000_000_000, "fuzz");
    let mut fresh = Library::new(seed_documents());
    match import(&file, &fresh, 1_900_000_000_000) {
        Ok(again) => {
            fresh.merge(again.contents);
            None
        }
        Err(e) => Some(format!("its own download does not load again: {e}")),
    }
}

// ---- Stored library -----------------------------------------------------------------------

fn gen_stored(rng: &mut Rng, c: &Corpus) -> String {
    mutate_json(rng, &c.stored)
}

fn run_stored(input: &str, _: &Corpus) -> Outcome {
    let store = MemoryStore::default();
    let _ = store.set(LIBRARY_KEY, input);
    // As the app starts: the old store's value moved over to records, laid out, read back.
    let opened = records::open(seed_documents(), Vec::new(), &store, 1_800_000_000_000);
    let refused = opened.problem.is_some();
    if let Some(p) = &opened.problem {
        if p.message().trim().is_empty() {
            return Outcome::Wrong("a load problem without a message".into());
        }
    }
    let lib = opened.library;
    if let Some(w) = check_library(&lib) {
        return Outcome::Wrong(w);
    }
    if opened.writable {
        let db = MemoryRecords::default();
        if let Err(e) = db.apply(&opened.writes) {
            return Outcome::Wrong(format!("moving the library over failed: {e}"));
        }
        // As the app reads them: every record, then each article's text.
        let mut back = Library::with_contents(seed_documents(), records::read(&db.all()).contents);
        records::fill_texts(&mut back, db.all());
        if back.contents() != lib.contents() {
            return Outcome::Wrong("the records do not read back as the library".into());
        }
        // A value that could not be read is never lost: it is kept aside.
        let kept = store
            .keys()
            .iter()
            .any(|k| store.get(k).ok().flatten().as_deref() == Some(input));
        if refused && !kept {
            return Outcome::Wrong("the stored value was lost".into());
        }
    }
    if refused {
        Outcome::Refused
    } else {
        Outcome::Accepted
    }
}

// ---- Anchoring ----------------------------------------------------------------------------

/// A text, a quote (often taken from the text and then edited), and a stored position that may
/// be anywhere: past the end, reversed, huge.
fn gen_anchoring(rng: &mut Rng, c: &Corpus) -> String {
    let text = if rng.chance(30) {
        {
            let seed = rng_pick(rng, &c.texts);
            mutate_chars(rng, seed)
        }
    } else {
        messy_text(rng, 60)
    };
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    let take = |from: usize, len: usize| -> String { chars.iter().skip(from).take(len).collect() };
    let s = rng.below(n + 1);
    let e = (s + rng.below(80)).min(n);
    let mut exact = take(s, e - s);
    if rng.chance(40) {
        exact = mutate_chars(rng, &exact);
    }
    if rng.chance(10) {
        exact = messy_text(rng, 8);
    }
    let prefix = take(s.saturating_sub(32), s - s.saturating_sub(32));
    let suffix = take(e, 32);
    let big = [
        0usize,
        1,
        n,
        n + 1,
        n + 1000,
        1 << 31,
        u32::MAX as usize,
        usize::MAX / 2,
        usize::MAX,
    ];
    let pos = |rng: &mut Rng, near: usize| {
        if rng.chance(50) {
            near
        } else {
            *rng.pick(&big)
        }
    };
    let hint = if rng.chance(15) {
        Value::Null
    } else {
        json!([pos(rng, s), pos(rng, e)])
    };
    // A replacement text for the article (an edit), and a selection made on screen.
    let replacement = mutate_chars(rng, &text);
    let selection = json!([pos(rng, s), pos(rng, e)]);
    json!({ "text": text, "exact": exact, "prefix": prefix, "suffix": suffix, "hint": hint,
            "replacement": replacement, "selection": selection })
    .to_string()
}

fn run_anchoring(input: &str, _: &Corpus) -> Outcome {
    let Ok(v) = serde_json::from_str::<Value>(input) else {
        return Outcome::Refused;
    };
    let s = |k: &str| v[k].as_str().unwrap_or_default().to_owned();
    let pair = |k: &str| -> Option<(usize, usize)> {
        let a = v[k].as_array()?;
        Some((a.first()?.as_u64()? as usize, a.get(1)?.as_u64()? as usize))
    };
    let text = s("text");
    let quote = Quote {
        exact: s("exact"),
        prefix: s("prefix"),
        suffix: s("suffix"),
    };
    let n = text.chars().count();
    if let Some(a) = Anchorer::new(&text).anchor(&quote, pair("hint")) {
        if !(a.start <= a.end && a.end <= n) {
            return Outcome::Wrong(format!(
                "anchored at {}–{} in a text of {n}",
                a.start, a.end
            ));
        }
    }
    // The same through the library, as a stored claim would be: laid out, re-anchored on a
    // replaced text, re-attached to a selection, tagged anew.
    let mut lib = Library::new(vec![]);
    lib.add_document(document_from_text("d".into(), &text, None, Origin::User, 1));
    let Some(doc) = lib.document("d").cloned() else {
        return Outcome::Refused;
    };
    let (hs, he) = pair("hint").unwrap_or((0, 0));
    let stored = json!({
        "schemaVersion": 1,
        "documents": [doc],
        "annotations": [{ "id": "a", "doc": "d", "start": hs, "end": he, "exact": quote.exact,
            "prefix": quote.prefix, "suffix": quote.suffix, "verdict": "sourced",
            "created": 1, "modified": 2 }],
    })
    .to_string();
    let contents = decode(&stored).unwrap_or_default();
    let mut lib = Library::with_contents(vec![], contents);
    if let Some(w) = check_library(&lib) {
        return Outcome::Wrong(w);
    }
    let sel = pair("selection").unwrap_or((0, 0));
    let _ = lib.reattach("a", sel, 4);
    let _ = lib.annotate("d", sel, Verdict::Unsourced, "b".into(), 5);
    let _ = lib.replace_text("d", &s("replacement"), 6);
    if let Some(w) = check_library(&lib) {
        return Outcome::Wrong(w);
    }
    Outcome::Accepted
}

// ---- Saved pages: extraction ---------------------------------------------------------------

/// Pages of tag soup: real page structure (articles, scripts, JSON-LD, MHTML), then mutated.
fn gen_page(rng: &mut Rng, c: &Corpus) -> String {
    const PARTS: &[&str] = &[
        "<p>", "</p>", "<div class=\"article-body\">", "<div class=\"share social\">", "</div>",
        "<article>", "</article>", "<li>", "<ul>", "</ul>", "<table><tr><td>", "</td></tr></table>",
        "<blockquote class=\"twitter-tweet\">", "<script>var a = '</p>';</script>",
        "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"H\",\"datePublished\":\"2020-01-03\",\"author\":[{\"name\":\"A\"}]}</script>",
        "<meta property=\"og:url\" content=\"/x\">", "<link rel=canonical href=\"//a.example/b\">",
        "<br>", "<!-- c -->", "<time datetime=\"2019-11-19\">", "&amp;", "&#x1F600;", "&#150;",
        "<h1>", "</h1>", "<figure><figcaption>", "</figcaption></figure>", "<pre>", "</pre>",
        "<a href=\"/x\">", "</a>", "<span hidden>", "</span>", "<nav>", "</nav>", "<base href=\"https://b.example/c/d\">",
    ];
    if rng.chance(10) {
        // MHTML, quoted-printable.
        let body = messy_text(rng, 20).replace('=', "=3D");
        return format!("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Location: https://x.example/a\r\n\r\n<p>{body}=\r\n</p>\r\n--b--");
    }
    let mut s = String::new();
    for _ in 0..rng.below(120) {
        if rng.chance(50) {
            s.push_str(PARTS[rng.below(PARTS.len())]);
        } else {
            s.push_str(&messy_text(rng, 6));
        }
    }
    if rng.chance(30) {
        let seed = rng_pick(rng, &c.html);
        s = format!("{s}{}", mutate_chars(rng, seed));
    }
    s
}

fn run_extract(input: &str, _: &Corpus) -> Outcome {
    let page = claimmark::domain::extract::extract_bytes(input.as_bytes(), None);
    if let Some(u) = &page.meta.url {
        if !(u.starts_with("http://") || u.starts_with("https://")) {
            return Outcome::Wrong(format!("a page address that is not http(s): {u}"));
        }
    }
    // Article text as the library keeps it: line breaks normalised, no blank paragraph.
    if page.text.contains('\r')
        || (!page.text.is_empty() && page.text.split("\n\n").any(|p| p.trim().is_empty()))
    {
        return Outcome::Wrong("a carriage return or a blank paragraph".into());
    }
    let mut lib = Library::new(vec![]);
    lib.add_document(document_from_text(
        "d".into(),
        &page.text,
        page.meta.headline.as_deref(),
        Origin::User,
        1,
    ));
    match check_library(&lib) {
        Some(w) => Outcome::Wrong(w),
        None => Outcome::Accepted,
    }
}

// ---- The claim assistant ------------------------------------------------------------------

fn gen_text(rng: &mut Rng, c: &Corpus) -> String {
    if rng.chance(40) {
        {
            let seed = rng_pick(rng, &c.texts);
            mutate_chars(rng, seed)
        }
    } else {
        messy_text(rng, 120)
    }
}

fn run_assistant(input: &str, _: &Corpus) -> Outcome {
    let n = input.chars().count();
    for r in analyse(input) {
        if !(r.start < r.end && r.end <= n) {
            return Outcome::Wrong(format!(
                "a reading at {}–{} of a text of {n}",
                r.start, r.end
            ));
        }
    }
    let spans: Vec<(usize, usize)> = sentences(input).iter().map(|s| (s.start, s.end)).collect();
    let mut at = None;
    for k in [
        Step::Next,
        Step::ExtendNext,
        Step::Next,
        Step::Previous,
        Step::ExtendPrevious,
    ] {
        at = step(&spans, at, k).or(at);
    }
    let mut lib = Library::new(vec![]);
    lib.add_document(document_from_text("d".into(), input, None, Origin::User, 1));
    if let Some(doc) = lib.document("d").cloned() {
        // The text indexed once, as the reader does.
        let page = Page::new(&doc);
        for s in suggestions(&doc, &lib).into_iter().take(3) {
            let _ = lib.accept(
                Some(&page),
                "d",
                (s.start, s.end),
                s.verdict,
                s.source.as_deref(),
                format!("{}", s.start),
                2,
            );
        }
    }
    match check_library(&lib) {
        Some(w) => Outcome::Wrong(w),
        None => Outcome::Accepted,
    }
}

// ---- Dates --------------------------------------------------------------------------------

fn gen_date(rng: &mut Rng, _: &Corpus) -> String {
    let base = *rng.pick(&[
        "2020-01-03T12:00:00Z",
        "2020-01-03T12:00:00.123456+05:30",
        "2020-02-29",
        "9999-12-31T23:59:60-23:59",
    ]);
    mutate_chars(rng, base)
}

fn run_date(input: &str, _: &Corpus) -> Outcome {
    let a = parse_rfc3339(input);
    let b = parse_date(input);
    if a.is_some() || b.is_some() {
        Outcome::Accepted
    } else {
        Outcome::Refused
    }
}

//! The claim assistant against labelled articles (`tests/data/assistant/`, labelled by the rules
//! in `tests/data/assistant/RULES.md`):
//!
//! - `seeds`: the five sample articles (the rules were first written on them: in-sample);
//! - `dev`: ten real news pages from ten outlets (the rules were tuned on them: in-sample);
//! - `dev-added`, `dev-more-a` to `dev-more-o`: sixty-one more, labelled blind, measured once,
//!   then used for development;
//! - `heldout`, `heldout-added`, `heldout-live`, `heldout-more-a`, `heldout-more-b`: twenty
//!   articles labelled blind, never looked at while writing the rules: only their figures are
//!   printed, never their disagreements.
//!
//! `cargo test --test assistant -- --nocapture` prints, per article and per set: claim precision,
//! recall and F1; verdict accuracy on true claims; source-name accuracy on true sourced claims;
//! vague-flag accuracy on true unsourced claims; and source accuracy on carried claims (sourced
//! by a neighbouring sentence). Each labelled unit is scored against the assistant's unit that
//! overlaps it most. Sources count as equal when one name contains the other (case-folded,
//! without a leading "the") or a person's surname agrees ("Mr Obama", "Barack Obama"). The test
//! fails if a set's figures fall below their floors (a little below what was measured).
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

use claimmark::domain::annotation::Verdict;
use claimmark::domain::assistant::classify::{analyse_with, Kind, Reading};
use claimmark::domain::text::fold_case;

struct Unit {
    index: usize,
    text: String,
    claim: bool,
    verdict: Option<Verdict>,
    source: Option<String>,
    vague: bool,
    carried: bool,
    /// Code points into the article.
    start: usize,
    end: usize,
}

struct Article {
    name: String,
    text: String,
    /// The outlet that published it (the app knows it from the page's details).
    outlet: Option<String>,
    units: Vec<Unit>,
}

fn set_dir(set: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/assistant")
        .join(set)
}

/// A labelled set: its articles with their units placed in the text.
fn load(set: &str) -> Vec<Article> {
    let dir = set_dir(set);
    let Ok(jsonl) = std::fs::read_to_string(dir.join("labels.jsonl")) else {
        return Vec::new();
    };
    let outlets: serde_json::Value = std::fs::read_to_string(dir.join("outlets.json"))
        .ok()
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or_default();
    let mut articles: Vec<Article> = Vec::new();
    for line in jsonl.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).expect("a label line is JSON");
        let name = v["article"].as_str().expect("article").to_owned();
        if articles.last().is_none_or(|a| a.name != name) {
            let text =
                std::fs::read_to_string(dir.join("articles").join(&name)).expect("article text");
            let outlet = outlets[&name].as_str().map(str::to_owned);
            articles.push(Article {
                name,
                text,
                outlet,
                units: Vec::new(),
            });
        }
        let a = articles.last_mut().unwrap();
        let text = v["text"].as_str().expect("text").to_owned();
        // Found from where the previous unit ended (short units repeat).
        let from_byte = a.units.last().map_or(0, |u| {
            a.text
                .char_indices()
                .nth(u.end)
                .map_or(a.text.len(), |(b, _)| b)
        });
        let at = a.text[from_byte..]
            .find(&text)
            .expect("a unit is in its article")
            + from_byte;
        let start = a.text[..at].chars().count();
        let verdict = v["verdict"].as_str().and_then(Verdict::parse);
        a.units.push(Unit {
            index: v["index"].as_u64().unwrap_or_default() as usize,
            start,
            end: start + text.chars().count(),
            text,
            claim: v["claim"].as_bool().unwrap_or_default(),
            verdict,
            source: v["source"].as_str().map(str::to_owned),
            vague: v["vague"].as_bool().unwrap_or_default(),
            carried: v["carried"].as_bool().unwrap_or_default(),
        });
    }
    articles
}

/// The metric's equality of source names (see the module comment).
fn same_source(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        let s = fold_case(s.trim());
        s.strip_prefix("the ").unwrap_or(&s).to_owned()
    };
    let (a, b) = (norm(a), norm(b));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a.contains(&b) || b.contains(&a) {
        return true;
    }
    let surname = |s: &str| {
        s.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-')
            .rfind(|w| !w.is_empty())
            .unwrap_or_default()
            .to_owned()
    };
    let (x, y) = (surname(&a), surname(&b));
    x.chars().count() >= 3 && x == y
}

#[derive(Default, Clone, Copy)]
struct Tally {
    units: usize,
    tp: usize,
    fp: usize,
    fn_: usize,
    claims: usize,
    verdict_ok: usize,
    sourced: usize,
    source_ok: usize,
    unsourced: usize,
    vague_ok: usize,
    carried: usize,
    carried_ok: usize,
    /// Kinds of error, counted (for held-out sets, in place of the disagreements):
    /// sourced read as unsourced, unsourced read as sourced, a wrong name.
    missed_source: usize,
    /// Of those: read as vague (an unnamed group, or a reference not resolved), and labelled
    /// as carried (the source is in a neighbouring unit).
    missed_vague: usize,
    missed_carried: usize,
    false_source: usize,
    wrong_name: usize,
    /// Of the wrong names: carried from a neighbouring unit by the assistant, and a news
    /// agency or the article's own outlet.
    wrong_carried: usize,
    wrong_outlet: usize,
}

impl Tally {
    fn add(&mut self, o: Tally) {
        self.units += o.units;
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
        self.claims += o.claims;
        self.verdict_ok += o.verdict_ok;
        self.sourced += o.sourced;
        self.source_ok += o.source_ok;
        self.unsourced += o.unsourced;
        self.vague_ok += o.vague_ok;
        self.carried += o.carried;
        self.carried_ok += o.carried_ok;
        self.missed_source += o.missed_source;
        self.missed_vague += o.missed_vague;
        self.missed_carried += o.missed_carried;
        self.false_source += o.false_source;
        self.wrong_name += o.wrong_name;
        self.wrong_carried += o.wrong_carried;
        self.wrong_outlet += o.wrong_outlet;
    }
    fn errors(&self) -> String {
        format!(
            "errors on true claims: sourced read as unsourced {} (of which read as vague {}, \
             labelled carried {}), unsourced read as sourced {}, sourced with another name {} \
             (of which carried by the assistant {}, a news agency or the outlet itself {})",
            self.missed_source,
            self.missed_vague,
            self.missed_carried,
            self.false_source,
            self.wrong_name,
            self.wrong_carried,
            self.wrong_outlet
        )
    }
    fn ratio(a: usize, b: usize) -> f64 {
        if b == 0 {
            f64::NAN
        } else {
            a as f64 / b as f64
        }
    }
    fn precision(&self) -> f64 {
        Self::ratio(self.tp, self.tp + self.fp)
    }
    fn recall(&self) -> f64 {
        Self::ratio(self.tp, self.tp + self.fn_)
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        2.0 * p * r / (p + r)
    }
    fn verdicts(&self) -> f64 {
        Self::ratio(self.verdict_ok, self.claims)
    }
    fn sources(&self) -> f64 {
        Self::ratio(self.source_ok, self.sourced)
    }
    fn vagueness(&self) -> f64 {
        Self::ratio(self.vague_ok, self.unsourced)
    }
    fn carried_sources(&self) -> f64 {
        Self::ratio(self.carried_ok, self.carried)
    }
    fn row(&self, name: &str) -> String {
        let f = |x: f64| {
            if x.is_nan() {
                "    -".to_owned()
            } else {
                format!("{x:5.2}")
            }
        };
        format!(
            "{name:32} {:>5} {} {} {} {:>7} {:>6} {:>5} {:>7}",
            self.units,
            f(self.precision()),
            f(self.recall()),
            f(self.f1()),
            f(self.verdicts()),
            f(self.sources()),
            f(self.vagueness()),
            f(self.carried_sources())
        )
    }
}

/// The assistant's reading that overlaps `u` most.
fn matched<'r>(u: &Unit, readings: &'r [Reading]) -> Option<&'r Reading> {
    readings
        .iter()
        .map(|r| (r.end.min(u.end).saturating_sub(r.start.max(u.start)), r))
        .filter(|(overlap, _)| *overlap > 0)
        .max_by_key(|(overlap, _)| *overlap)
        .map(|(_, r)| r)
}

/// Scores one article; `misses` gets a line per disagreement.
fn score(a: &Article, readings: &[Reading], misses: &mut Vec<String>) -> Tally {
    let mut t = Tally {
        units: a.units.len(),
        ..Tally::default()
    };
    let short = |s: &str| s.chars().take(110).collect::<String>();
    for u in &a.units {
        let r = matched(u, readings);
        let predicted = r.is_some_and(|r| r.kind == Kind::Claim);
        match (u.claim, predicted) {
            (true, true) => t.tp += 1,
            (false, true) => t.fp += 1,
            (true, false) => t.fn_ += 1,
            (false, false) => {}
        }
        if u.claim != predicted {
            let kind = r.map_or("nothing", |r| r.kind.as_str());
            misses.push(format!(
                "{}#{} claim {} (read as {kind}): {}",
                a.name,
                u.index,
                u.claim,
                short(&u.text)
            ));
        }
        if !u.claim {
            continue;
        }
        t.claims += 1;
        let Some(r) = r else { continue };
        if Some(r.verdict) == u.verdict {
            t.verdict_ok += 1;
        } else if u.verdict == Some(Verdict::Sourced) {
            t.missed_source += 1;
            t.missed_vague += usize::from(r.vague);
            t.missed_carried += usize::from(u.carried);
        } else {
            t.false_source += 1;
        }
        match u.verdict {
            Some(Verdict::Sourced) => {
                t.sourced += 1;
                let ok = r
                    .source
                    .as_deref()
                    .zip(u.source.as_deref())
                    .is_some_and(|(x, y)| same_source(x, y));
                t.source_ok += usize::from(ok);
                let wrong = !ok && r.source.is_some();
                t.wrong_name += usize::from(wrong);
                t.wrong_carried += usize::from(wrong && r.carried);
                let agency = r.source.as_deref().is_some_and(|n| {
                    [
                        "AP",
                        "Associated Press",
                        "Reuters",
                        "AFP",
                        "Agence France-Presse",
                    ]
                    .iter()
                    .chain(a.outlet.as_deref().iter())
                    .any(|x| same_source(n, x))
                });
                t.wrong_outlet += usize::from(wrong && agency);
                if u.carried {
                    t.carried += 1;
                    t.carried_ok += usize::from(ok);
                }
                if !ok {
                    misses.push(format!(
                        "{}#{} source {:?}, labelled {:?}{}: {}",
                        a.name,
                        u.index,
                        r.source,
                        u.source,
                        if u.carried { " (carried)" } else { "" },
                        short(&u.text)
                    ));
                }
            }
            _ => {
                t.unsourced += 1;
                let ok = r.verdict == Verdict::Unsourced && r.vague == u.vague;
                t.vague_ok += usize::from(r.vague == u.vague);
                if !ok {
                    misses.push(format!(
                        "{}#{} unsourced{} read as {:?} {:?} vague {}: {}",
                        a.name,
                        u.index,
                        if u.vague { " (vague)" } else { "" },
                        r.verdict,
                        r.source,
                        r.vague,
                        short(&u.text)
                    ));
                }
            }
        }
    }
    t
}

const HEADER: &str =
    "article                          units  prec  rec    F1  verdict source vague carried";

/// Prints a set's figures (and, with `show`, every disagreement); returns its total.
fn report(set: &str, show: bool) -> Option<Tally> {
    let articles = load(set);
    if articles.is_empty() {
        return None;
    }
    println!("\n== {set} ({} articles)\n{HEADER}", articles.len());
    let mut total = Tally::default();
    let mut misses = Vec::new();
    for a in &articles {
        let t = score(a, &analyse_with(&a.text, a.outlet.as_deref()), &mut misses);
        println!("{}", t.row(&a.name));
        total.add(t);
    }
    println!("{}", total.row("total"));
    println!("{}", total.errors());
    if show {
        println!("disagreements ({}):", misses.len());
        for m in misses {
            println!("  {m}");
        }
    }
    Some(total)
}

/// The baseline the issue quotes: every unit a claim, every verdict the set's majority.
fn baseline(set: &str) {
    baseline_of(&load(set));
}

fn baseline_of(articles: &[Article]) {
    let mut t = Tally::default();
    let (mut sourced, mut unsourced) = (0, 0);
    for a in articles {
        for u in &a.units {
            t.units += 1;
            if u.claim {
                t.tp += 1;
                t.claims += 1;
                match u.verdict {
                    Some(Verdict::Sourced) => sourced += 1,
                    _ => unsourced += 1,
                }
            } else {
                t.fp += 1;
            }
        }
    }
    t.verdict_ok = sourced.max(unsourced);
    println!("{}", t.row("baseline: every unit a claim"));
}

fn floors(set: &str, t: Tally, f1: f64, precision: f64, verdict: f64, source: f64, vague: f64) {
    assert!(t.f1() >= f1, "{set}: claim F1 {:.3} under {f1}", t.f1());
    assert!(
        t.precision() >= precision,
        "{set}: claim precision {:.3} under {precision}",
        t.precision()
    );
    assert!(
        t.verdicts() >= verdict,
        "{set}: verdict {:.3} under {verdict}",
        t.verdicts()
    );
    assert!(
        t.sources() >= source,
        "{set}: source {:.3} under {source}",
        t.sources()
    );
    assert!(
        t.vagueness() >= vague,
        "{set}: vague {:.3} under {vague}",
        t.vagueness()
    );
}

#[test]
fn claim_assistant_figures() {
    let show = std::env::var_os("CLAIMMARK_SHOW_MISSES").is_some();
    // In-sample: the rules were written from these (their disagreements can be shown).
    let dev = report("dev", show).expect("the development set is in the repo");
    baseline("dev");
    let mut dev_added = report("dev-added", show).expect("the added development set");
    for more in [
        "dev-more-a",
        "dev-more-b",
        "dev-more-c",
        "dev-more-d",
        "dev-more-e",
        "dev-more-f",
        "dev-more-g",
        "dev-more-h",
        "dev-more-i",
        "dev-more-j",
        "dev-more-k",
        "dev-more-l",
        "dev-more-m",
        "dev-more-n",
        "dev-more-o",
    ] {
        if let Some(t) = report(more, show) {
            dev_added.add(t);
        }
    }
    println!("\n== the sixty-one added development articles together\n{HEADER}");
    println!("{}", dev_added.row("total"));
    let seeds = report("seeds", show).expect("the seeds' labels");
    // Held out: labelled blind, figures only. Never their disagreements: reading them would
    // make them in-sample.
    let heldout = report("heldout", false).expect("the held-out set");
    let heldout_added = report("heldout-added", false).expect("the added held-out set");
    let mut unseen = heldout;
    unseen.add(heldout_added);
    // Running stories ("The Latest", updated pages), labelled blind: held out as well.
    if let Some(live) = report("heldout-live", false) {
        unseen.add(live);
    }
    // Readability's news test pages, labelled blind (2026-12-02): held out as well.
    for more in ["heldout-more-a", "heldout-more-b"] {
        if let Some(t) = report(more, false) {
            unseen.add(t);
        }
    }
    println!("\n== all held-out articles (never read while writing the rules)\n{HEADER}");
    println!("{}", unseen.row("total"));
    println!("{}", unseen.errors());
    let mut both = load("heldout");
    both.extend(load("heldout-added"));
    both.extend(load("heldout-live"));
    both.extend(load("heldout-more-a"));
    both.extend(load("heldout-more-b"));
    baseline_of(&both);

    // Floors a little below the figures measured when they were set (README), never at a
    // perfect in-sample score.
    floors("dev", dev, 0.96, 0.94, 0.94, 0.87, 0.93);
    // (dev-added: the added development articles together, lowered as sets measured blind came
    // in: with dev-more-e and -f, verdict 0.92, source 0.82; raised with dev-more-i's rules,
    // measured 0.97, 0.95, 0.95, 0.88, 0.96; source lowered to 0.84 with dev-more-n and -o,
    // measured blind, when the sixty-one measured 0.847.)
    floors("dev-added", dev_added, 0.95, 0.94, 0.93, 0.84, 0.93);
    floors("seeds", seeds, 0.97, 0.97, 0.96, 0.95, 0.93);
    // (held out: raised with heldout-more-a and -b, measured 0.95, 0.95, 0.89, 0.73, 0.93;
    // 0.74 source since dev-more-g and -h.)
    floors("held out", unseen, 0.93, 0.93, 0.87, 0.71, 0.91);
}

//! Reading an article unit by unit: which units are claims, and to whom (if anyone) the article
//! attributes each, by the rules of `tests/data/assistant/RULES.md`.
//!
//! Each unit's own attributions come from [`super::attribution`]; this module follows the
//! article as a reader does: who "he", "the company" and "the report" are; quotations that run
//! over several sentences; block quotes and lists after "X said:"; paragraphs in the first
//! person that continue a speaker's testimony; a sentence whose source the next one names.

pub use super::kinds::Kind;

use super::attribution::{attributions, main_attribution, Ref, Speaker};
use super::carry::{carry, Found};
use super::context::{note_documents, note_people, note_subject, study_lead, Context};
use super::kinds::{check_worthiness, ends_sentence, is_list_item, is_opinion, kind_of};
use super::sentences::is_tweet;
use super::tokens::{name, quoted, run_after, words, Word};
use super::unit::Units;
use super::words::VAGUE;
use crate::domain::annotation::Verdict;
use crate::domain::text::fold_case;

/// The assistant's reading of one unit. Verdict and source are filled for every unit (the
/// metrics judge attribution on true claims whatever the kind); only claims are suggested.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reading {
    /// Code-point offsets into the text.
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub verdict: Verdict,
    pub source: Option<String>,
    /// Unsourced, but leaning on an unnamed source ("reportedly", "officials said").
    pub vague: bool,
    /// Sourced by a neighbouring unit (a quotation's tag, a block quote's lead-in).
    pub carried: bool,
    /// How check-worthy it is, 0–100.
    pub score: u8,
}

/// Whether the unit has a verb-like word (captions without one are names with a tagline).
fn has_verb(ws: &[Word]) -> bool {
    ws.iter().any(|w| {
        let l = w.lower();
        matches!(
            l,
            "is" | "are"
                | "was"
                | "were"
                | "has"
                | "have"
                | "had"
                | "will"
                | "can"
                | "walks"
                | "stands"
                | "sits"
                | "speaks"
                | "holds"
                | "looks"
                | "attends"
                | "arrives"
                | "leaves"
                | "gathers"
                | "gather"
                | "march"
                | "protest"
        ) || (l.len() > 4
            && (l.ends_with("ed") || l.ends_with("ing"))
            && w.core().chars().next().is_some_and(char::is_lowercase))
    })
}

pub fn analyse(text: &str) -> Vec<Reading> {
    analyse_with(text, None)
}

/// Reads every unit of `text`. `outlet` is the article's own outlet, when known: what it learns
/// from its own sources is the article's voice, not a source.
pub fn analyse_with(text: &str, outlet: Option<&str>) -> Vec<Reading> {
    let u = Units::new(text);
    let mut ctx = Context {
        study: study_lead(&u.words),
        ..Context::default()
    };
    let mut found: Vec<Found> = Vec::with_capacity(u.len());
    for i in 0..u.len() {
        let f = attribute(&u, i, outlet, &mut ctx);
        if let Some(s) = f.0.clone() {
            ctx.remember(&s);
            ctx.source = Some(s);
        }
        found.push(f);
    }
    sources_told(&u, &mut found);
    signed_tweets(&u, &mut found);
    carry(
        &mut found, &u.para, &u.depths, &u.words, &u.insides, &u.texts,
    );
    (0..u.len()).map(|i| reading(&u, i, &found[i])).collect()
}

// The rules run unit by unit in functions of their own, kept apart (not inlined) so that each
// shows in a profile. (They were split hoping V8 would move later units to optimised code
// sooner; in Node, the first reading stayed as slow as before: its extra time is compiling.)

/// The unit's own attribution: its source (resolved against the article so far), whether it
/// leans on someone unnamed, and whether it has an attribution of its own.
#[inline(never)]
fn attribute(u: &Units, i: usize, outlet: Option<&str>, ctx: &mut Context) -> Found {
    let ws = &u.words[i];
    let inside = &u.insides[i];
    let t = u.texts[i];
    // People this unit introduces by a title or role ("Dr. Shadlen and colleagues",
    // "opposition leader Morgan Tsvangirai") become referents for what follows. Credits
    // name photographers, not people of the story.
    ctx.unit_people.clear();
    // (Not from headings: "Vidyard Launches New Tools" is no one's name.)
    if !u.credits[i] && ends_sentence(t) {
        note_people(ws, ctx);
        note_subject(ws, inside, ctx);
    }
    note_documents(ws, ctx);
    let tweet = is_tweet(t);
    let all = if tweet {
        Vec::new()
    } else {
        attributions(ws, inside, outlet)
    };
    let mut source = None;
    let mut vague = false;
    let mut own = false;
    if tweet {
        if let (Some(dash), Some(at)) = (t.rfind("— "), t.rfind(" (@")) {
            if dash < at {
                source = Some(t[dash + "— ".len()..at].trim().to_owned());
                own = true;
            }
        }
    } else if let Some(main) = main_attribution(&all) {
        own = true;
        // The determiner and head word of the subject just before the verb ("the governor").
        let det_head =
            (main.verb >= 2).then(|| (ws[main.verb - 2].lower(), ws[main.verb - 1].lower()));
        // A person found by the sentence or the role: "he" or "his spokesman" after a person
        // this very sentence introduced; else "the governor said": the one introduced as
        // governor, if the article did.
        // ("Sen. Elizabeth Warren met Gov. Charlie Baker, and he said": the one "he" can be.)
        let sex = match main.speaker {
            Speaker::Refers(Ref::Person(sex)) => Some(sex),
            _ => None,
        };
        let person = sex.and_then(|sex| {
            (ctx.unit_people.iter())
                .find(|(k, n)| *k < main.verb && sex.allows(super::gender::sex_of(n)))
                .map(|(_, n)| n.clone())
                .or_else(|| {
                    det_head
                        .filter(|(d, _)| *d == "the")
                        .and_then(|(_, h)| ctx.roles.get(h).cloned())
                })
        });
        // "the doctors said" after "Doctors for Camp Closure": the group named before.
        let group = matches!(main.speaker, Speaker::Group)
            .then(|| {
                det_head
                    .filter(|(d, h)| matches!(*d, "the" | "these" | "those") && h.ends_with('s'))
                    .and_then(|(_, h)| ctx.names.with_word(h))
                    .map(str::to_owned)
            })
            .flatten();
        match &main.speaker {
            Speaker::Named(n) => {
                let n = ctx.complete(n);
                // "reporter Nisan Ahmado's source inside the camp said": "the source said"
                // later is still theirs.
                let passed_on = (ws.windows(2))
                    .any(|p| p[0].possessive() && matches!(p[1].lower(), "source" | "sources"));
                if passed_on {
                    ctx.anonymous = Some(n.clone());
                }
                source = Some(n);
            }
            Speaker::Refers(Ref::Person(_)) if person.is_some() => source = person,
            Speaker::Refers(r) => match ctx.resolve(*r) {
                Some(Some(n)) => {
                    if *r == Ref::Outlet {
                        ctx.anonymous = Some(n.clone());
                    }
                    source = Some(n);
                }
                Some(None) => vague = true,
                None => {}
            },
            Speaker::Group if group.is_some() => source = group,
            Speaker::Group | Speaker::OwnOutlet => vague = true,
        }
        if matches!(main.speaker, Speaker::Group) {
            ctx.plural = Some(None);
        }
    }
    if !vague && source.is_none() {
        let lower = fold_case(&outside_quotes(t, inside));
        vague = VAGUE.any_in(&lower);
    }
    (source, vague, false, own)
}

/// "…, a source said." then "The source … told Reuters": the outlet it told.
fn sources_told(u: &Units, found: &mut [Found]) {
    for i in 0..found.len() {
        if found[i].0.is_some() || !u.words[i].iter().any(|w| w.is("source")) {
            continue;
        }
        let told = (i + 1..found.len().min(i + 3)).find_map(|k| {
            let ws = &u.words[k];
            let t = ws
                .iter()
                .position(|w| matches!(w.lower(), "told" | "tells"))?;
            ws[..t].iter().any(|w| w.is("source")).then_some(())?;
            let (a, b) = run_after(ws, t + 1, ws.len().min(t + 4))?;
            (a == t + 1).then(|| name(ws, a, b))
        });
        if let Some(outlet_told) = told {
            found[i] = (Some(outlet_told), false, false, true);
        }
    }
}

/// A tweet's signature on a line of its own ("— Dele (@dele_official) November 19, 2019"), as
/// pages quoting tweets often leave it.
fn is_signature(t: &str) -> bool {
    is_tweet(t) && t.trim_start().starts_with(['—', '–', '-'])
}

/// The words of a tweet whose signature stands in the next paragraph are the signer's.
fn signed_tweets(u: &Units, found: &mut [Found]) {
    for i in 1..u.len() {
        if !is_signature(u.texts[i]) || u.para[i - 1] == u.para[i] {
            continue;
        }
        let Some(name) = found[i].0.clone() else {
            continue;
        };
        for k in (0..i).rev().take_while(|&k| u.para[k] + 1 == u.para[i]) {
            if found[k].0.is_none() {
                found[k] = (Some(name.clone()), false, true, false);
            }
        }
    }
}

/// What the unit is (claim or not), with its verdict and check-worthiness.
#[inline(never)]
fn reading(u: &Units, i: usize, found: &Found) -> Reading {
    let (source, vague, carried, own) = found.clone();
    let t = u.texts[i];
    let quoted_unit = u.depths[i].start > 0
        || u.insides[i].iter().filter(|&&q| q).count() * 2 > t.chars().count();
    let mut kind =
        kind_of(t, &u.lowers[i], i == 0 || u.para[i] == 0 && i < 2).unwrap_or(Kind::Claim);
    // A tweet's signature alone says nothing: its tweet was given its signer above.
    if is_signature(t) {
        kind = Kind::Credit;
    }
    // "X asked: “Are there …?”": a report of a question is a claim.
    if kind == Kind::Question
        && own
        && u.insides[i]
            .iter()
            .rev()
            .skip_while(|&&q| !q)
            .take(1)
            .any(|&q| q)
    {
        kind = Kind::Claim;
    }
    // "2. Never urged Ukraine to investigate": a numbered section heading, a paragraph of
    // its own (the lines of a ranked list share theirs).
    let alone = (i == 0 || u.para[i - 1] != u.para[i]) && u.para.get(i + 1) != Some(&u.para[i]);
    if kind == Kind::Claim && is_list_item(t) && alone && !ends_sentence(t) {
        kind = Kind::Heading;
    }
    // A caption that is a name and a tagline ("Mark Zuckerberg, the man with the plan.")
    // says nothing to check; one that describes a scene does.
    let next_credit = u.credits.get(i + 1).copied().unwrap_or(false);
    let tagline = t.contains(", the ") || t.contains(", a ") || t.contains(", an ");
    if kind == Kind::Claim && next_credit && !has_verb(&u.words[i]) && tagline {
        kind = Kind::Caption;
    }
    // Opinion in the article's own voice is no claim; an attributed one ("a judge ruled
    // that he should remain in jail") reports what someone holds. (Worked out once: the
    // check-worthiness score weighs it too.)
    let opinion = kind == Kind::Claim && is_opinion(t, &u.lowers[i]);
    if opinion && source.is_none() && !vague && !own && !quoted_unit && !is_list_item(t) {
        kind = Kind::Opinion;
    }
    // A named speaker's quoted words are a claim, however short ("It's just staggering.").
    if kind == Kind::Opinion && quoted_unit && source.is_some() {
        kind = Kind::Claim;
    }
    let verdict = if source.is_some() {
        Verdict::Sourced
    } else {
        Verdict::Unsourced
    };
    Reading {
        start: u.spans[i].0,
        end: u.spans[i].1,
        kind,
        verdict,
        score: if kind == Kind::Claim {
            check_worthiness(t, &u.lowers[i], source.is_some(), opinion)
        } else {
            0
        },
        vague: source.is_none() && vague,
        carried: source.is_some() && carried,
        source,
    }
}

/// The unit's text with what is inside quotation marks blanked (so a quoted "reportedly" does
/// not make the article vague).
fn outside_quotes(t: &str, inside: &[bool]) -> String {
    t.chars()
        .zip(inside.iter().chain(std::iter::repeat(&false)))
        .map(|(c, &q)| if q { ' ' } else { c })
        .collect()
}

/// For developers (`claimmark-cli explain-claims`): every unit of `text` that contains
/// `needle`, with all the attributions found in it and how it was read.
pub fn explain(text: &str, needle: &str, outlet: Option<&str>) -> String {
    let chars: Vec<char> = text.chars().collect();
    let readings = analyse_with(text, outlet);
    let mut out = String::new();
    for r in &readings {
        let t: String = chars[r.start..r.end].iter().collect();
        if !t.contains(needle) {
            continue;
        }
        let u: Vec<char> = t.chars().collect();
        let ws = words(&u);
        let inside = quoted(&u);
        out.push_str(&format!(
            "{t}\n  read: {:?} {:?} {:?} vague={} carried={} score={}\n",
            r.kind, r.verdict, r.source, r.vague, r.carried, r.score
        ));
        for a in attributions(&ws, &inside, outlet) {
            out.push_str(&format!(
                "  attribution: {:?} at {:?} outer={}\n",
                a.speaker,
                ws[a.verb].raw(),
                a.outer
            ));
        }
    }
    out
}

/// Whether two source names name the same source: lower-cased, without a leading "the", one
/// contains the other.
pub fn same_source(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        let s = fold_case(s.trim());
        s.strip_prefix("the ").unwrap_or(&s).to_owned()
    };
    let (a, b) = (norm(a), norm(b));
    !a.is_empty() && !b.is_empty() && (a.contains(&b) || b.contains(&a))
}

#[cfg(test)]
#[path = "classify_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "classify_tests_found.rs"]
mod tests_found;

#[cfg(test)]
#[path = "classify_tests_more.rs"]
mod tests_more;

#[cfg(test)]
#[path = "classify_tests_latest.rs"]
mod tests_latest;

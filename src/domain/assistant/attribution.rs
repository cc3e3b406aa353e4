//! Who a unit says says so: every attribution in it (outside quotations), and the one that
//! counts (the most specific identifiable speaker).
//!
//! An attribution is a verb of saying or finding with its speaker: before the verb ("the
//! Pentagon said", "Han Dong-hoon, the leader of the PPP, urged"), after it ("…," said Esper;
//! "say the researchers"), as the object of "told" when the teller is unnamed ("a senior
//! official told Newsweek"), after "according to", after "by" ("a report by X calls …"), or a
//! stance ("the Press Council is concerned …"). A speaker is a name, a pronoun or a definite
//! description ("the company", "the report") to be resolved against what came before, an
//! unnamed group ("officials", "sources"), or the article's own outlet.

use super::tokens::{capitalised, name, run_after, run_before, Word};
use super::words::*;

/// What a pronoun or description refers back to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ref {
    /// he, she, his spokesman.
    Person,
    /// they, their.
    Plural,
    /// it, its.
    Neuter,
    /// the company, the agency.
    Org,
    /// the report, the statement, the study.
    Doc,
    /// the researchers, the authors.
    Authors,
    /// "a study", "new research": the article's study if it names one, else unnamed.
    AnyStudy,
    /// "told the outlet": the outlet or publication named before.
    Outlet,
    /// "the insider", "the source": the unnamed one met before, by the outlet they told.
    Anonymous,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Speaker {
    Named(String),
    Refers(Ref),
    /// Names no one: "officials", "sources", "many of them".
    Group,
    /// The article's own outlet ("TMZ has learned").
    OwnOutlet,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attribution {
    pub speaker: Speaker,
    /// Index of the verb (or "according") among the unit's words.
    pub verb: usize,
    /// A tag after what it attributes (", the Korea Times reported"), or "according to": the
    /// outer of two nested attributions.
    pub outer: bool,
}

fn lower(ws: &[Word], i: usize) -> &str {
    ws.get(i).map_or("", |w| w.lower.as_str())
}

/// A determiner that makes a description definite ("the company", "its report").
fn det(w: &Word) -> bool {
    matches!(
        w.lower.as_str(),
        "the" | "this" | "that" | "these" | "its" | "their"
    )
}

/// How a noun phrase (`ws[a..b]`) names its speaker.
fn speaker_of(ws: &[Word], a: usize, b: usize, outlet: Option<&str>) -> Option<Speaker> {
    if a >= b {
        return None;
    }
    // "The statement, which was obtained by Variety, claimed": the head before the clause.
    let b = (a..b.saturating_sub(1))
        .find(|&k| {
            ws[k].raw.ends_with(',')
                && matches!(ws[k + 1].lower.as_str(), "which" | "who" | "whose")
        })
        .map_or(b, |k| k + 1);
    let np = &ws[a..b];
    // "a report … by X", "reports seen by Reuters": the document's author or publisher.
    let got_by = |by: usize| {
        by > 0
            && matches!(
                np[by - 1].lower.as_str(),
                "obtained" | "reviewed" | "received" | "viewed"
            )
    };
    if let Some(by) = np.iter().position(|w| w.is("by")).filter(|&by| !got_by(by)) {
        let head = &np[..by];
        let doc_head = head
            .iter()
            .any(|w| DOC_NOUNS.contains(&w.lower.as_str()) || w.is("poll"));
        if doc_head {
            // A named document ("Zimbabwean intelligence reports seen by Reuters") is itself
            // the most specific source; an unnamed one speaks for its author.
            let participle = head
                .last()
                .is_some_and(|w| w.lower.ends_with("ed") || w.lower == "seen");
            let named_head = head.iter().any(capitalised);
            if named_head && participle {
                let end = head.len() - 1;
                return Some(Speaker::Named(name(ws, a, a + end)));
            }
            if let Some((x, y)) = run_after(ws, a + by + 1, b) {
                return Some(named(ws, x, y, outlet));
            }
        }
    }
    // "a spokesman for the group", "spokesman for X", "a member of X": the one spoken for.
    if let Some(k) = np.iter().position(|w| ROLES.contains(&w.lower.as_str())) {
        if matches!(lower(ws, a + k + 1), "for" | "of" | "at" | "with")
            && !np[..k].iter().any(capitalised)
        {
            let rest = a + k + 2;
            if let Some((x, y)) = run_after(ws, rest, b) {
                return Some(named(ws, x, y, outlet));
            }
            if lower(ws, rest) == "the" && ORG_NOUNS.contains(&lower(ws, rest + 1)) {
                return Some(Speaker::Refers(Ref::Org));
            }
        }
        // "his spokesman", "her lawyer": the person before.
        if k > 0 && matches!(np[k - 1].lower.as_str(), "his" | "her") {
            return Some(Speaker::Refers(Ref::Person));
        }
        if k > 0 && np[k - 1].is("their") {
            return Some(Speaker::Refers(Ref::Plural));
        }
    }
    let last = np.last()?;
    let head = last.lower.as_str();
    // "a senior Pentagon official", "one source": someone not named.
    let indefinite = matches!(np[0].lower.as_str(), "a" | "an" | "one" | "another");
    if indefinite && ROLES.contains(&head) {
        return Some(Speaker::Group);
    }
    // A pronoun subject.
    if np.len() <= 2 {
        if PERSONAL.contains(&head) {
            return Some(Speaker::Refers(Ref::Person));
        }
        if PLURAL.contains(&head) {
            return Some(Speaker::Refers(Ref::Plural));
        }
        if NEUTER.contains(&head) {
            return Some(Speaker::Refers(Ref::Neuter));
        }
        if matches!(head, "we" | "i" | "us" | "you") {
            return Some(Speaker::Group);
        }
    }
    // "many of them", "some of the officials".
    if np.iter().any(|w| w.is("of")) && GROUPS.contains(&np[0].lower.as_str()) {
        return Some(Speaker::Group);
    }
    // "the analyst", "The Wikileaks founder": a person named before in that role. (An
    // unnamed "the official" or "the insider" stays unnamed.)
    if det(&np[0]) && np.len() <= 4 && PERSON_ROLES.contains(&head) {
        return Some(Speaker::Refers(Ref::Person));
    }
    // "the insider added", "the source said": the unnamed one met before.
    if det(&np[0])
        && np.len() <= 3
        && matches!(head, "insider" | "source" | "official" | "person")
        && !np.iter().any(capitalised)
    {
        return Some(Speaker::Refers(Ref::Anonymous));
    }
    // "Wall Street predicted": the market, no one in particular.
    if np.len() == 2 && np[0].core == "Wall" && np[1].core.starts_with("Street") {
        return Some(Speaker::Group);
    }
    // "Wee of the Times reports", "Ahmed al-Assadi of the PMF said": the person, not the body.
    if let Some(of) = np.iter().position(|w| w.is("of")) {
        let body_after = np
            .get(of + 1)
            .is_some_and(|w| w.is("the") || !capitalised(w));
        if of > 0 && body_after && capitalised(&np[of - 1]) && !DOC_NOUNS.contains(&head) {
            if let Some((x, y)) = run_before(ws, a, a + of) {
                if y == a + of && !ORG_NOUNS.contains(&ws[y - 1].lower.as_str()) {
                    return Some(named(ws, x, y, outlet));
                }
            }
        }
    }
    // "the researchers", "the study's authors": the people behind a study named before.
    let first_noun = np.get(1).map_or("", |w| w.lower.as_str());
    if det(&np[0])
        && (np.len() <= 3 && AUTHOR_NOUNS.contains(&head)
            || AUTHOR_NOUNS.contains(&first_noun) && lower(ws, a + 2) == "of")
    {
        return Some(Speaker::Refers(Ref::Authors));
    }
    // An unnamed group, whatever names modify it ("Biden administration officials").
    if GROUPS.contains(&head) {
        return Some(Speaker::Group);
    }
    // "the company", "the report", "the same broadcast".
    let definite = np.iter().take(2).any(det);
    if definite && !np.iter().any(|w| capitalised(w) && !det(w)) {
        if DOC_NOUNS.contains(&head) {
            return Some(Speaker::Refers(Ref::Doc));
        }
        if AUTHOR_NOUNS.contains(&head) {
            return Some(Speaker::Refers(Ref::Authors));
        }
        if ORG_NOUNS.contains(&head) {
            // "the company" refers back; "the media union", "the government team" name one.
            let det = np.iter().position(det).unwrap_or(0);
            let modifiers = np.len().saturating_sub(det + 2);
            if modifiers >= 1 && !matches!(np[det].lower.as_str(), "its" | "their") {
                return Some(Speaker::Named(name(ws, a + det, b)));
            }
            return Some(Speaker::Refers(Ref::Org));
        }
    }
    // A name: the run of capitalised words nearest the verb.
    if let Some((x, y)) = run_before(ws, a, b) {
        // "Yoon’s office", "the Korean president's aides": the owner speaks.
        return Some(named(ws, x, y, outlet));
    }
    // "a study", "new research": the study the article is about, if it names its lead or
    // journal anywhere.
    if matches!(head, "study" | "research" | "paper") && !np.iter().any(capitalised) {
        return Some(Speaker::Refers(Ref::AnyStudy));
    }
    if DOC_NOUNS.contains(&head) || ORG_NOUNS.contains(&head) {
        // "a report", "research": an unnamed document.
        return Some(Speaker::Group);
    }
    None
}

fn named(ws: &[Word], a: usize, b: usize, outlet: Option<&str>) -> Speaker {
    let n = name(ws, a, b);
    // "according to Wall Street": the market, no one in particular.
    if n == "Wall Street" {
        return Speaker::Group;
    }
    let own = outlet.is_some_and(|o| {
        let squash = |s: &str| {
            let s = crate::domain::text::fold_case(s);
            s.strip_prefix("the ")
                .unwrap_or(&s)
                .chars()
                .filter(|c| c.is_alphanumeric())
                .collect::<String>()
        };
        let (x, y) = (squash(&n), squash(o));
        !x.is_empty() && !y.is_empty() && (x == y || y.starts_with(&x) || x.starts_with(&y))
    });
    if own {
        Speaker::OwnOutlet
    } else {
        Speaker::Named(n)
    }
}

/// Whether a word ends a quotation with its own punctuation: `…,”`, `…?’”`, `…”,`.
fn quotation_ends(raw: &str) -> bool {
    let closers = ['”', '"', '’', '\''];
    let bare = raw.trim_end_matches(closers);
    if bare.len() == raw.len() {
        // "…”," : the comma after the quotation.
        return raw.ends_with(',') && raw[..raw.len() - 1].ends_with(['”', '"']) && raw.len() > 2;
    }
    raw[bare.len()..].contains(['”', '"']) && bare.ends_with([',', '.', '?', '!', '—'])
}

/// Where the clause of the verb at `i` begins: after the last closing quotation, semicolon,
/// colon or "that" before it.
fn clause_start(ws: &[Word], inside: &[bool], i: usize) -> usize {
    let q = |k: usize| inside.get(ws[k].at).copied().unwrap_or(false);
    (0..i)
        .rev()
        .find(|&k| {
            let w = &ws[k];
            // The end of a quotation with its own punctuation ("…,” the AFP reported), not a
            // scare quote ("“fake news” alongside …").
            let quote_end = quotation_ends(&w.raw);
            (quote_end || w.raw.ends_with([';', ':'])) && !q(k)
                || (k + 1 < ws.len() && q(k) && !q(k + 1) && quote_end)
                // "Audience members laughed when he urged …": the verb's own clause.
                || (k > 0
                    && matches!(
                        w.lower.as_str(),
                        "when" | "while" | "because" | "although" | "though" | "until" | "unless"
                    )
                    && !q(k))
                || (w.is("that")
                    && k + 1 < i
                    && k > 0
                    && REPORTING.contains(&ws[k - 1].lower.as_str()))
        })
        .map_or(0, |k| k + 1)
}

/// Words that open a phrase in front of the subject ("In his address, Yoon accused …").
fn is_intro(w: &Word) -> bool {
    matches!(
        w.lower.as_str(),
        "in" | "on"
            | "at"
            | "after"
            | "before"
            | "during"
            | "since"
            | "earlier"
            | "later"
            | "meanwhile"
            | "however"
            | "but"
            | "and"
            | "yet"
            | "still"
            | "also"
            | "then"
            | "now"
            | "when"
            | "while"
            | "as"
            | "though"
            | "although"
            | "speaking"
            | "asked"
            | "according"
            | "separately"
            | "elsewhere"
            | "overall"
            | "instead"
            | "so"
            | "thus"
            | "last"
            | "this"
            | "by"
            | "from"
            | "with"
            | "without"
            | "under"
            | "for"
            | "if"
    )
}

/// The subject noun phrase of the verb at `i`: a range of words, or `None` when nothing stands
/// between the clause start and the verb (an inverted tag).
fn subject(ws: &[Word], inside: &[bool], i: usize) -> Option<(usize, usize)> {
    let start = clause_start(ws, inside, i);
    let mut end = i;
    // Auxiliaries, adverbs and a time phrase between subject and verb.
    loop {
        if end <= start {
            return None;
        }
        let w = &ws[end - 1];
        let time = matches!(
            w.lower.as_str(),
            "monday"
                | "tuesday"
                | "wednesday"
                | "thursday"
                | "friday"
                | "saturday"
                | "sunday"
                | "night"
                | "morning"
                | "evening"
                | "afternoon"
                | "week"
                | "month"
                | "year"
                | "today"
                | "yesterday"
        );
        if BETWEEN.contains(&w.lower.as_str()) && !w.ends_clause() {
            end -= 1;
        } else if time && !w.ends_clause() {
            end -= 1;
            if end > start
                && matches!(
                    ws[end - 1].lower.as_str(),
                    "on" | "late" | "early" | "last" | "this"
                )
            {
                end -= 1;
            }
        } else {
            break;
        }
    }
    // Segments between commas: the subject is the first that is not an introductory phrase;
    // appositives after it ("Han Dong-hoon, the leader of the PPP, urged") are left out.
    let mut segments: Vec<(usize, usize)> = Vec::new();
    let mut seg_start = start;
    for (k, w) in ws.iter().enumerate().take(end).skip(start) {
        if w.ends_clause() && k + 1 < end {
            segments.push((seg_start, k + 1));
            seg_start = k + 1;
        }
    }
    segments.push((seg_start, end));
    // "Han Dong-hoon, the leader of the PPP, urged": the verb follows an appositive, the
    // subject is the first phrase that is not introductory. "…, a source said": the subject
    // is the phrase right before the verb.
    let appositive = ws[end - 1].raw.ends_with(',') && segments.len() > 1;
    let (a, b) = if appositive {
        segments
            .iter()
            .copied()
            .find(|&(a, b)| !is_intro(&ws[a]) || b == end)
            .unwrap_or((seg_start, end))
    } else {
        (seg_start, end)
    };
    // "Home Depot (ticker: HD) reported": a parenthesis before the verb is left out.
    let mut b = b;
    if b > a && ws[b - 1].raw.ends_with(')') {
        if let Some(open) = (a..b).rev().find(|&k| ws[k].raw.starts_with('(')) {
            if open > a {
                b = open;
            }
        }
    }
    // Within the segment, the noun phrase ends at the last word (a relative clause or
    // participle after the head is left to `speaker_of`).
    Some((a, b))
}

/// Every attribution of a unit (its words, which of its characters are quoted), in order.
pub fn attributions(ws: &[Word], inside: &[bool], outlet: Option<&str>) -> Vec<Attribution> {
    let q = |w: &Word| inside.get(w.at).copied().unwrap_or(false);
    let mut out = Vec::new();
    for i in 0..ws.len() {
        let w = &ws[i];
        if q(w) {
            continue;
        }
        // "according to X", "per the WHO", "per Feng" (not "per cent", "per share").
        let per = w.is("per")
            && (ws.get(i + 1).is_some_and(capitalised)
                || lower(ws, i + 1) == "the" && ws.get(i + 2).is_some_and(capitalised));
        if w.is("according") && lower(ws, i + 1) == "to" || per {
            let from = if per { i + 1 } else { i + 2 };
            let end = (from..ws.len())
                .find(|&k| ws[k].ends_clause() || ws[k].raw.ends_with('.'))
                .map_or(ws.len(), |k| k + 1);
            // A short phrase that ends the clause is the name whole: "the US military.",
            // "the Kuwaiti paper Al-Jarida", "Iraqi state media".
            let end = end.min(from + 8);
            let whole = end - from <= 5
                && ws[from..end].iter().any(capitalised)
                && !ws[from..end]
                    .iter()
                    .any(|w| w.is("by") || !capitalised(w) && GROUPS.contains(&w.lower.as_str()));
            // "According to Al-Jarida Israel had sought …": the name right after "to".
            let leading = run_after(ws, from, end).filter(|&(x, _)| x == from);
            let speaker = if whole {
                Some(named(ws, from, end, outlet))
            } else if let Some((x, y)) = leading {
                Some(named(ws, x, y, outlet))
            } else {
                speaker_of(ws, from, end, outlet)
            };
            if let Some(s) = speaker {
                out.push(Attribution {
                    speaker: s,
                    verb: i,
                    outer: true,
                });
            }
            continue;
        }
        // A verb glued to the next word by a lost link text ("saidOpens a new window").
        let glued = REPORTING.iter().find(|v| {
            w.lower.len() > v.len() + 2
                && w.lower.starts_with(*v)
                && w.core[v.len()..].starts_with(|c: char| c.is_uppercase())
        });
        let verb = glued.copied().unwrap_or(w.lower.as_str());
        // "United States", "Reports Editor": a capitalised word inside a sentence is a name.
        if glued.is_none() && i > 0 && w.core.starts_with(|c: char| c.is_uppercase()) {
            continue;
        }
        let stance = STANCES.contains(&verb)
            && i > 0
            && matches!(lower(ws, i - 1), "is" | "are" | "was" | "were");
        let pointed = matches!(verb, "pointed" | "points") && lower(ws, i + 1) == "out";
        // "asked about …", "asked whether …" report a question; "asked five people to
        // perform a task" reports a request.
        if matches!(verb, "asked" | "asks")
            && !w.raw.ends_with([',', ':'])
            && !ws[i + 1..ws.len().min(i + 5)].iter().any(|x| {
                matches!(
                    x.lower.as_str(),
                    "about" | "whether" | "if" | "why" | "what" | "how" | "when"
                )
            })
        {
            continue;
        }
        let concern = verb == "expressed"
            && matches!(
                lower(ws, i + 1),
                "concern"
                    | "doubt"
                    | "doubts"
                    | "hope"
                    | "support"
                    | "regret"
                    | "dismay"
                    | "alarm"
                    | "frustration"
                    | "confidence"
                    | "optimism"
                    | "surprise"
            );
        let cognition = matches!(
            verb,
            "want"
                | "wants"
                | "think"
                | "thinks"
                | "fear"
                | "fears"
                | "hope"
                | "hopes"
                | "worry"
                | "worries"
        );
        // "Smith remarks", "she jokes", "the company counters" (not "his remarks").
        let subject_before = i > 1
            && !ws[i - 1].ends_clause()
            && (capitalised(&ws[i - 1])
                || PERSONAL.contains(&ws[i - 1].lower.as_str())
                || matches!(ws[i - 1].lower.as_str(), "they" | "it")
                || ORG_NOUNS.contains(&ws[i - 1].lower.as_str()) && det(&ws[i - 2]));
        let listed = REPORTING.contains(&verb)
            && !matches!(verb, "pointed" | "points" | "expressed")
            || REPORTING_IF_AFTER_SUBJECT.contains(&verb) && subject_before;
        if !(listed || stance || cognition || pointed || concern) {
            continue;
        }
        let next = lower(ws, i + 1);
        // A noun, not a verb: "promising states.", "claims of insurrection", "calls for".
        let noun_like = matches!(
            verb,
            "states"
                | "reports"
                | "claims"
                | "finds"
                | "shows"
                | "calls"
                | "reads"
                | "notes"
                | "estimates"
                | "projects"
                | "tells"
                | "posts"
                | "read"
        ) && (i + 1 == ws.len()
            || matches!(
                next,
                "of" | "and"
                    | "in"
                    | "to"
                    | "for"
                    | "with"
                    | "from"
                    | "on"
                    | "are"
                    | "were"
                    | "have"
                    | "had"
                    | "about"
                    | "by"
                    | "where"
                    | "which"
                    | "whose"
            )
            // "the claims that he made", "Trump's claims that"; but "the study shows that".
            || next == "that"
                && i > 0
                && (matches!(
                    ws[i - 1].lower.as_str(),
                    "the" | "a" | "these" | "those" | "his" | "her" | "its" | "their" | "such"
                ) || ws[i - 1].lower.ends_with("'s")
                    || ws[i - 1].lower.ends_with("’s")));
        // After a name or a pronoun it is a verb: "As Emily Feng reports for NPR".
        let after_subject = matches!(verb, "reports" | "notes" | "writes" | "tells" | "posts")
            && i > 0
            && (capitalised(&ws[i - 1]) && !ws[i - 1].ends_clause()
                || PERSONAL.contains(&ws[i - 1].lower.as_str()));
        // "the statement read.", "the letter states": a document speaking.
        let after_doc = i > 0 && DOC_NOUNS.contains(&ws[i - 1].lower.as_str());
        let verb_anyway = after_subject || after_doc || verb == "calls" && next == "that";
        if noun_like && !verb_anyway {
            continue;
        }
        // "Lowe's reports earnings Wednesday": a date, not a statement.
        if matches!(verb, "reports" | "reported" | "report")
            && matches!(next, "earnings" | "results")
        {
            continue;
        }
        // Not an attribution: "as much", "to be" (what they believe to be), "called for".
        let commits = matches!(
            verb,
            "pledged"
                | "vowed"
                | "promised"
                | "threatened"
                | "pledges"
                | "vows"
                | "promises"
                | "threatens"
        );
        if next == "to" && !TELLING.contains(&verb) && !commits
            || (next == "as" && lower(ws, i + 2) == "much")
            || (next == "for" && matches!(verb, "calls"))
        {
            continue;
        }
        // Not an attribution: a passive ("is said to", "have been told", "we're told"), an
        // infinitive ("to say"), a relative clause ("who said", "that claimed", "what they
        // believe"), a noun ("the reports"), a negation ("has not commented").
        let prev = (0..i).rev().find(|&k| {
            !matches!(
                ws[k].lower.as_str(),
                "now" | "also" | "widely" | "long" | "repeatedly"
            )
        });
        let prev_w = prev.map_or("", |k| ws[k].lower.as_str());
        let verb_at = if stance { i - 1 } else { i };
        let contraction = ["'re", "’re", "'m", "’m"]
            .iter()
            .any(|c| prev_w.ends_with(c));
        // (Only in the verb's own clause: "When that doesn't work, Zuckerberg said …".)
        let negated = (i.saturating_sub(3)..i).any(|k| {
            (matches!(ws[k].lower.as_str(), "not" | "never")
                || ws[k].lower.ends_with("n't")
                || ws[k].lower.ends_with("n’t"))
                && !q(&ws[k])
                && !(k..i).any(|m| ws[m].ends_clause() || quotation_ends(&ws[m].raw))
        });
        if !stance
            && (matches!(
                prev_w,
                "is" | "are"
                    | "was"
                    | "were"
                    | "been"
                    | "be"
                    | "being"
                    | "to"
                    | "who"
                    | "which"
                    | "what"
                    | "the"
                    | "a"
                    | "an"
                    | "its"
                    | "their"
                    | "his"
                    | "her"
                    | "whose"
                    | "our"
                    | "my"
            ) || (prev_w == "that" && prev.is_some_and(|k| k + 1 == i))
                || contraction
                || negated)
        {
            continue;
        }
        // A participle ("…, saying …", "stating that"): its subject is the sentence's, and the
        // sentence's own verb already counts.
        let participle = verb.ends_with("ing");
        if participle && !out.is_empty() {
            continue;
        }
        // ", says Buser, is …", "…, reports Wee.": a tag inverted after a comma.
        let ends_tag = |w: &Word| w.ends_clause() || w.raw.ends_with('.');
        let inverted_tag = !participle
            && i > 0
            && ws[i - 1].raw.ends_with(',')
            && match ws.get(i + 1) {
                Some(n) if PERSONAL.contains(&n.core.to_lowercase().as_str()) => ends_tag(n),
                Some(n) if capitalised(n) => run_after(ws, i + 1, ws.len().min(i + 8))
                    .is_some_and(|(x, y)| x == i + 1 && ends_tag(&ws[y - 1])),
                _ => false,
            };
        let subject = if participle {
            sentence_subject(ws, inside, i)
        } else if inverted_tag {
            None
        } else {
            subject(ws, inside, verb_at)
        };
        let speaker = match subject {
            Some((a, b)) => speaker_of(ws, a, b, outlet),
            None => {
                // Inverted: "…," said Esper; "…," he said; say the researchers.
                let end = (i + 1..ws.len())
                    .find(|&k| {
                        ws[k].ends_clause()
                            || ws[k].raw.ends_with('.') && !TITLES.contains(&ws[k].raw.as_str())
                    })
                    .map_or(ws.len(), |k| k + 1);
                speaker_of(ws, i + 1, end.min(i + 7), outlet)
            }
        };
        // "Audience members laughed when he urged …": saying in a subordinate clause is not
        // what the sentence asserts.
        let start = clause_start(ws, inside, verb_at);
        if start > 1
            && matches!(
                ws[start - 1].lower.as_str(),
                "when" | "while" | "because" | "although" | "though" | "until" | "unless"
            )
        {
            continue;
        }
        // "what the scientists determined", "which the report estimated": a relative clause.
        let relative = subject.is_some_and(|(a, _)| {
            a > 0 && matches!(ws[a - 1].lower.as_str(), "what" | "which" | "whom")
        });
        if relative {
            continue;
        }
        let Some(mut speaker) = speaker else { continue };
        // "I think" in a testimony is the speaker's own voice, not an unnamed source.
        let first_person = subject.is_some_and(|(a, b)| b == a + 1 && ws[a].is("i"));
        if cognition && (!matches!(speaker, Speaker::Group) || first_person) {
            continue; // "Trump wants a wall" is about Trump; "media bosses want …" leans on them.
        }
        // What a person "found" or "showed" is an act; what they "revealed" is said.
        let finding_only = matches!(
            verb,
            "found"
                | "finds"
                | "showed"
                | "shows"
                | "determined"
                | "indicated"
                | "indicates"
                | "projects"
                | "reads"
                | "calls"
        );
        let doc_subject = matches!(
            speaker,
            Speaker::Refers(Ref::Doc | Ref::Neuter | Ref::Authors | Ref::AnyStudy)
        ) || subject.is_some_and(|(a, b)| {
            ws[a..b]
                .iter()
                .any(|w| DOC_NOUNS.contains(&w.lower.as_str()) || w.is("poll") || w.is("research"))
        });
        if finding_only && !doc_subject && !matches!(speaker, Speaker::Group) {
            // "Police found a body": an act, not a finding reported.
            continue;
        }
        // "X told Newsweek": an unnamed teller, a named listener: the outlet that reports it.
        if TELLING.contains(&verb) && matches!(speaker, Speaker::Group | Speaker::OwnOutlet) {
            if let Some((x, y)) = run_after(ws, i + 1, (i + 4).min(ws.len())) {
                if x == i + 1 {
                    speaker = named(ws, x, y, outlet);
                }
            }
            // "an insider told the outlet": the outlet named before.
            if lower(ws, i + 1) == "the"
                && matches!(
                    lower(ws, i + 2).trim_end_matches([',', '.']),
                    "outlet"
                        | "publication"
                        | "newspaper"
                        | "paper"
                        | "magazine"
                        | "site"
                        | "network"
                        | "station"
                        | "broadcaster"
                )
            {
                speaker = Speaker::Refers(Ref::Outlet);
            }
        }
        // A tag after what it attributes (", the Korea Times reported"): the outer one.
        let start = clause_start(ws, inside, verb_at);
        let outer = match subject {
            None => true,
            Some((a, _)) => a > 0 && (ws[a - 1].ends_clause() || a == start),
        };
        out.push(Attribution {
            speaker,
            verb: i,
            outer,
        });
    }
    passive_by(ws, inside, outlet, &mut out);
    findings(ws, inside, &mut out);
    out
}

/// The subject of the whole sentence: its first phrase that is not introductory.
fn sentence_subject(ws: &[Word], inside: &[bool], i: usize) -> Option<(usize, usize)> {
    let q = |k: usize| inside.get(ws[k].at).copied().unwrap_or(false);
    let mut a = 0;
    while a < i && (q(a) || is_intro(&ws[a])) {
        // Skip an introductory phrase up to its comma.
        while a < i && !ws[a].ends_clause() {
            a += 1;
        }
        a += 1;
    }
    let b = (a..i)
        .find(|&k| ws[k].ends_clause() || REPORTING.contains(&ws[k].lower.as_str()))
        .map_or(i, |k| if ws[k].ends_clause() { k + 1 } else { k });
    (a < b).then_some((a, b))
}

/// The name that opens the sentence's subject ("Yet Sondland has …", "In a statement, Dr. Ana
/// Ruiz said …"), if its subject starts with one.
pub fn subject_name(ws: &[Word], inside: &[bool]) -> Option<(usize, usize)> {
    let (a, b) = sentence_subject(ws, inside, ws.len())?;
    let (x, y) = run_after(ws, a, b)?;
    // Only a name at the head of the subject: not "The decision by Trump".
    let lead = (a..x).all(|k| TITLES.contains(&ws[k].core.as_str()) || ws[k].is("yet"));
    let possessive = ws[y - 1].raw.ends_with("'s") || ws[y - 1].raw.ends_with("’s");
    // The name is the head, not a modifier: "South Korean lawmakers", "Vidyard CEO".
    let modifier = !ws[y - 1].ends_clause()
        && ws.get(y).is_some_and(|w| {
            let l = w.lower.as_str();
            GROUPS.contains(&l)
                || ROLES.contains(&l)
                || ORG_NOUNS.contains(&l)
                || DOC_NOUNS.contains(&l)
        });
    (lead && !possessive && !modifier).then_some((x, y))
}

/// Passive publishing: "was shared by X", "was called … by the New Yorker".
fn passive_by(ws: &[Word], inside: &[bool], outlet: Option<&str>, out: &mut Vec<Attribution>) {
    let q = |k: usize| inside.get(ws[k].at).copied().unwrap_or(false);
    for i in 1..ws.len() {
        let be = matches!(
            ws[i - 1].lower.as_str(),
            "is" | "are" | "was" | "were" | "been" | "being" | "be"
        );
        let published = matches!(
            ws[i].lower.as_str(),
            "shared"
                | "called"
                | "quoted"
                | "posted"
                | "published"
                | "described"
                | "cited"
                | "labeled"
                | "labelled"
                | "dubbed"
                | "branded"
                | "tweeted"
        );
        // "he was told by John Bolton": the teller is the source.
        let told = matches!(
            ws[i].lower.as_str(),
            "told" | "informed" | "advised" | "assured" | "warned"
        ) && ws.get(i + 1).is_some_and(|w| w.is("by"));
        if !be || !(published || told) || q(i) {
            continue;
        }
        let by = if told {
            Some(i + 1)
        } else {
            (i + 1..ws.len()).rev().find(|&k| ws[k].is("by") && !q(k))
        };
        if let Some(by) = by {
            if let Some((a, b)) = run_after(ws, by + 1, ws.len()) {
                out.push(Attribution {
                    speaker: named(ws, a, b, outlet),
                    verb: i,
                    outer: false,
                });
            }
        }
    }
}

/// "Among its key findings:", "the only finding that suggests": the document speaks.
fn findings(ws: &[Word], inside: &[bool], out: &mut Vec<Attribution>) {
    if !out.is_empty() {
        return;
    }
    let q = |k: usize| inside.get(ws[k].at).copied().unwrap_or(false);
    // ("the findings were published in …" says where, not what.)
    if let Some(i) = (0..ws.len()).find(|&k| {
        !q(k)
            && matches!(
                ws[k].lower.as_str(),
                "finding" | "findings" | "conclusion" | "conclusions"
            )
            && !ws[k + 1..ws.len().min(k + 3)]
                .iter()
                .any(|w| matches!(w.lower.as_str(), "published" | "appear" | "appeared"))
    }) {
        out.push(Attribution {
            speaker: Speaker::Refers(Ref::Doc),
            verb: i,
            outer: false,
        });
    }
}

/// The attribution that counts: the innermost named one (an outer tag or "according to" is
/// the channel, the inner speaker the source), else the innermost of any kind.
pub fn main_attribution(all: &[Attribution]) -> Option<&Attribution> {
    let identified = |a: &Attribution| matches!(a.speaker, Speaker::Named(_) | Speaker::Refers(_));
    all.iter()
        .rev()
        .find(|a| !a.outer && identified(a))
        .or_else(|| all.iter().find(|a| a.outer && identified(a)))
        .or_else(|| all.iter().rev().find(|a| !a.outer))
        .or_else(|| all.first())
}

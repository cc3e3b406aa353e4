//! Who is who as an article is read: the last person, organisation, document author and study
//! lead named, full names to complete "Mr Mugabe" and expand "PMF", and how a pronoun or a
//! description ("he", "the company", "the report") resolves against them.

use std::collections::HashMap;

use super::attribution::{subject_name, Ref};
use super::names::{particle, possessive_inside, Names};
use super::tokens::{capitalised, name, run_after, run_before, Word};
use super::words::{Words, ORG_NOUNS, PERSON_ROLES, ROLES};
use crate::domain::text::fold_case;

/// What the reader knows so far: who was named last, by kind.
#[derive(Default)]
pub(super) struct Context {
    /// The last source named (for "the statement continued", "she wrote").
    pub(super) source: Option<String>,
    /// The last person named (see [`Context::set_person`]).
    pub(super) person: Option<String>,
    /// The people named before, the latest last: whom "she" refers to when the last person
    /// named is a man.
    pub(super) people: Vec<String>,
    pub(super) org: Option<String>,
    /// The author of the last document mentioned ("a report by X", "published in Y").
    pub(super) doc_author: Option<String>,
    /// The researcher who leads the study spoken of ("Dr. X and colleagues", "led by X").
    pub(super) lead: Option<String>,
    /// The last group spoken of (for "they", "many of them"): `None` inside means unnamed.
    pub(super) plural: Option<Option<String>>,
    /// Full names seen, to complete "Mr Mugabe" and "Yoon".
    pub(super) names: Names,
    /// The study the article is about, by its lead author, wherever the article names them
    /// ("Senior author Dr. Silvia S. Martins …" after "according to a study").
    pub(super) study: Option<String>,
    /// The journal a study was published in ("published in the New England Journal of
    /// Medicine"): the source of a study whose authors the article does not name.
    pub(super) journal: Option<String>,
    /// Names seen as the authors of documents ("a Gallup Korea poll"): bodies, not people.
    pub(super) publishers: Vec<String>,
    /// The outlet an unnamed source last told ("an insider told E! News"), for "the insider".
    pub(super) anonymous: Option<String>,
    /// Who holds which role, by the title they were introduced with ("Gov. Eric Holcomb":
    /// "governor"), for "the governor said".
    pub(super) roles: HashMap<String, String>,
    /// People the current unit introduces by title or role, with the index of their name
    /// ("opposition leader Morgan Tsvangirai …, his spokesman said").
    pub(super) unit_people: Vec<(usize, String)>,
}

/// Words that make a name an organisation's (besides the nouns of organisations).
#[rustfmt::skip]
static ORG_WORDS: Words = Words::new(&[
    "times", "post", "news", "journal", "press", "reuters", "afp", "inc", "corp", "ltd", "party",
    "university", "institute", "bbc", "cnn", "protection", "security", "services", "affairs",
    "customs", "bureau", "reserve", "corps", "command", "holdings", "technologies", "airlines",
    "pharmaceuticals", "motors", "studios", "entertainment", "systems", "laboratories",
]);

pub(super) fn looks_like_org(n: &str) -> bool {
    let lower = fold_case(n);
    // "Homeland Security Secretary Kristi Noem", "Marine Corps Commandant Eric Smith": a person
    // with their office's title.
    let words: Vec<&str> = lower.split_whitespace().collect();
    if titled_at(&words).is_some() {
        return false;
    }
    (words.iter()).any(|w| ORG_NOUNS.contains(w) || ORG_WORDS.contains(w))
        || n.chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
}

/// Where the title ends in a person's name with their office before it ("homeland security
/// secretary kristi noem": 2), the name in lower-case words.
fn titled_at(words: &[&str]) -> Option<usize> {
    let n = words.len();
    (n >= 3).then_some(())?;
    words[..n - 2].iter().rposition(|w| {
        ROLES.contains(w) || matches!(*w, "commandant" | "commissioner" | "general" | "admiral")
    })
}

/// The person, without the office before their title: "Homeland Security Secretary Kristi
/// Noem" is Kristi Noem.
fn without_office(n: String) -> String {
    match titled_at(&fold_case(&n).split_whitespace().collect::<Vec<_>>()) {
        Some(t) => n
            .split_whitespace()
            .skip(t + 1)
            .collect::<Vec<_>>()
            .join(" "),
        None => n,
    }
}

/// Whether a name can be a person's: a title of a work ("Web of Angels", "The Money You Will
/// Ever Need") or a slogan ("GET OUT and VOTE") is not who "he" or "she" is.
fn person_like(n: &str) -> bool {
    let words: Vec<&str> = n.split_whitespace().collect();
    words.len() <= 4
        && !possessive_inside(&words)
        && words
            .iter()
            .all(|w| w.starts_with(char::is_uppercase) || particle(w))
}

impl Context {
    /// The full name of a person named before whose name ends (or starts) with `short`.
    pub(super) fn complete(&self, short: &str) -> String {
        let s = short.trim();
        if let Some(full) = self.expand(s) {
            return full;
        }
        if s.contains(' ') && !s.starts_with("Mr") && !s.starts_with("Ms") && !s.starts_with("Mrs")
        {
            return s.to_owned();
        }
        let bare = s
            .trim_start_matches("Mrs")
            .trim_start_matches("Mr")
            .trim_start_matches("Ms")
            .trim_start_matches('.')
            .trim();
        self.names
            .complete(bare)
            .map_or_else(|| s.to_owned(), str::to_owned)
    }

    pub(super) fn remember(&mut self, n: &str) {
        self.names.add(n);
        if looks_like_org(n)
            || self.publishers.iter().any(|x| x == n)
            || !n.contains(' ') && !self.names.is_surname(n)
        {
            self.org = Some(n.to_owned());
        } else if person_like(n) {
            self.set_person(n.to_owned());
        }
    }

    pub(super) fn resolve(&self, r: Ref) -> Option<Option<String>> {
        let some = |x: &Option<String>| x.as_deref().map(|n| Some(self.complete(n)));
        match r {
            Ref::Person(sex) => some(&self.person_of(sex).cloned()).or_else(|| some(&self.source)),
            Ref::Plural => self
                .plural
                .clone()
                .or_else(|| some(&self.lead))
                .or_else(|| some(&self.org))
                .or_else(|| some(&self.source)),
            // A study speaks for its lead author; the journal that published it only for
            // authors the article does not name (RULES.md: medicalnewstoday, webmd-1 #3).
            Ref::Neuter => some(&self.lead)
                .or_else(|| some(&self.doc_author))
                .or_else(|| some(&self.journal))
                .or_else(|| some(&self.org))
                .or_else(|| some(&self.source)),
            Ref::Org => some(&self.org).or_else(|| some(&self.source)),
            Ref::Doc => some(&self.lead)
                .or_else(|| some(&self.doc_author))
                .or_else(|| some(&self.study))
                .or_else(|| some(&self.journal))
                .or_else(|| some(&self.source)),
            Ref::Authors => some(&self.lead)
                .or_else(|| some(&self.study))
                .or_else(|| some(&self.doc_author))
                .or_else(|| some(&self.journal))
                .or_else(|| some(&self.source)),
            Ref::AnyStudy => some(&self.lead)
                .or_else(|| some(&self.study))
                .or_else(|| some(&self.journal))
                .or(Some(None)),
            Ref::Outlet => some(&self.doc_author)
                .or_else(|| some(&self.org))
                .or(Some(None)),
            Ref::Anonymous => Some(self.anonymous.clone()),
        }
    }

    pub(super) fn author_of_document(&mut self, n: String) {
        if !self.publishers.contains(&n) {
            self.publishers.push(n.clone());
        }
        self.doc_author = Some(n);
    }

    /// The full form of an acronym named before ("PMF": Popular Mobilization Forces).
    pub(super) fn expand(&self, short: &str) -> Option<String> {
        let letters: Vec<char> = short.chars().filter(|c| c.is_alphabetic()).collect();
        if letters.len() < 2 || !letters.iter().all(|c| c.is_uppercase()) {
            return None;
        }
        self.names
            .by_initials(&letters.into_iter().collect::<String>())
    }
}

/// A title as the role it names: "Gov." and "Governor" are "governor".
pub(super) fn role_of(title: &str) -> String {
    let t = fold_case(title.trim_end_matches('.'));
    match t.as_str() {
        "gov" => "governor".into(),
        "sen" => "senator".into(),
        "rep" => "congressman".into(),
        "gen" => "general".into(),
        "prof" => "professor".into(),
        "dr" => "doctor".into(),
        _ => t,
    }
}

/// People named after a title or a role, and the lead of a study.
pub(super) fn note_people(ws: &[Word], ctx: &mut Context) {
    let titled = |w: &Word| {
        matches!(
            w.core(),
            "Dr" | "Dr."
                | "Prof"
                | "Prof."
                | "Professor"
                | "Mr"
                | "Mr."
                | "Mrs"
                | "Ms"
                | "Sen"
                | "Sen."
                | "Rep"
                | "Rep."
                | "Gov"
                | "Gov."
                | "Governor"
                | "Senator"
                | "Mayor"
                | "President"
                | "Minister"
                | "Secretary"
                | "General"
                | "Gen."
        ) || ROLES.contains(&w.lower())
    };
    for k in 0..ws.len() {
        if !titled(&ws[k]) {
            continue;
        }
        let Some((a, b)) = run_after(ws, k + 1, ws.len().min(k + 6)) else {
            continue;
        };
        if a != k + 1 {
            continue;
        }
        let n = ctx.complete(&name(ws, a, b));
        let n = without_office(n);
        if looks_like_org(&n) {
            continue;
        }
        let study_lead = ws.get(b).is_some_and(|w| w.is("and"))
            && ws.get(b + 1).is_some_and(|w| w.is("colleagues"))
            || matches!(ws[k].core(), "Dr" | "Dr." | "Prof" | "Prof." | "Professor");
        if study_lead {
            ctx.lead = Some(n.clone());
        }
        ctx.roles.insert(role_of(ws[k].core()), n.clone());
        ctx.unit_people.push((a, n.clone()));
        ctx.names.add(&n);
        if n.contains(' ') && person_like(&n) {
            ctx.seen(&n);
        }
    }
    // "The suspect, Michael Webb, was convicted": the role's holder, named in apposition.
    for k in 1..ws.len().saturating_sub(1) {
        let role = ws[k].lower().trim_end_matches(',');
        let apposed = ws[k].raw().ends_with(',')
            && matches!(ws[k - 1].lower(), "the" | "a" | "an")
            && (PERSON_ROLES.contains(&role) || ROLES.contains(&role));
        if !apposed {
            continue;
        }
        if let Some((a, b)) = run_after(ws, k + 1, ws.len().min(k + 5)) {
            if a == k + 1 && ws[b - 1].ends_clause() && b - a >= 2 {
                let n = ctx.complete(&name(ws, a, b));
                let n = without_office(n);
                if !looks_like_org(&n) {
                    ctx.roles.insert(role.to_owned(), n.clone());
                    ctx.names.add(&n);
                }
            }
        }
    }
    // Every name of two words or more, to complete "Hill" and expand "DEA" later.
    let mut k = 0;
    while k < ws.len() {
        match run_after(ws, k, ws.len()) {
            Some((a, b)) => {
                if b - a >= 2 {
                    // "the Democratic Party and Yoon" are two; "Customs and Border
                    // Protection" is one, whose initials spell "CBP" (a name with "and" in it
                    // completes no surname: see `Names::add`).
                    let whole = name(ws, a, b);
                    if whole.contains(" and ") {
                        ctx.names.add(&whole);
                    }
                    for n in whole.split(" and ") {
                        if n.contains(' ') {
                            ctx.names.add(n);
                        }
                    }
                }
                k = b;
            }
            None => break,
        }
    }
    for k in 0..ws.len().saturating_sub(2) {
        if ws[k].is("led") && ws[k + 1].is("by") || ws[k].is("lead") && ws[k + 1].is("author") {
            if let Some((a, b)) = run_after(ws, k + 2, ws.len().min(k + 8)) {
                ctx.lead = Some(ctx.complete(&name(ws, a, b)));
            }
        }
    }
}

/// The lead of the study an article reports, wherever it names them: "lead author X",
/// "senior author Dr. X", "led by X", "X and colleagues".
pub(super) fn study_lead(units: &[Vec<Word>]) -> Option<String> {
    for ws in units {
        for k in 0..ws.len() {
            let author = ws[k].is("author")
                && k > 0
                && matches!(
                    ws[k - 1].lower(),
                    "lead" | "senior" | "first" | "corresponding" | "principal"
                );
            let led = ws[k].is("led") && ws.get(k + 1).is_some_and(|w| w.is("by"));
            if author || led {
                let from = if led { k + 2 } else { k + 1 };
                if let Some((a, b)) = run_after(ws, from, ws.len().min(from + 6)) {
                    if a <= from + 1 {
                        return Some(name(ws, a, b));
                    }
                }
            }
            let colleagues = ws[k].is("and")
                && ws[k + 1..ws.len().min(k + 3)]
                    .iter()
                    .any(|w| matches!(w.lower(), "colleagues" | "collaborators"));
            if colleagues && k > 0 && capitalised(&ws[k - 1]) {
                if let Some((a, b)) = run_before(ws, 0, k) {
                    // (A surname alone is completed when the study is referred to.)
                    return Some(name(ws, a, b));
                }
            }
        }
    }
    None
}

/// The person the sentence is about, when its subject opens with their name: who "he" and
/// "she" refer to next (a name further on, "… told President Zuma", is not).
pub(super) fn note_subject(ws: &[Word], inside: &[bool], ctx: &mut Context) {
    let Some((a, b)) = subject_name(ws, inside) else {
        return;
    };
    let n = ctx.complete(&name(ws, a, b));
    let n = without_office(n);
    // (A name seen before is a person's unless it looks like a body's: "Customs and Border
    // Protection" is in the names too.)
    let known_person = !looks_like_org(&n)
        && (n.contains(' ') && ctx.names.contains(&n) || ctx.names.is_surname(&n));
    if !looks_like_org(&n) && (n.contains(' ') || known_person) {
        // ("Web of Angels was the first novel she sold": a title is no one.)
        if person_like(&n) {
            ctx.set_person(n);
        }
    } else if !known_person
        && (camel_case(&n) || looks_like_org(&n) && n.contains(char::is_lowercase))
    {
        // "WeWork laid off staff.": the body "the company" refers to next. (Not any single
        // word opening a sentence: "Critically, …", "Rebranded to …".)
        ctx.org = Some(n);
    }
}

/// A word with a capital inside: "WeWork", "YouTube", "PlayStation".
fn camel_case(n: &str) -> bool {
    !n.contains([' ', '-'])
        && n.chars().skip(1).any(char::is_uppercase)
        && n.chars().any(char::is_lowercase)
}

/// Documents the unit mentions, with who stands behind them: "a report by X", "published in
/// the New England Journal of Medicine", "X's study".
pub(super) fn note_documents(ws: &[Word], ctx: &mut Context) {
    for k in 0..ws.len() {
        let w = &ws[k];
        let doc = matches!(
            w.lower(),
            "report"
                | "study"
                | "research"
                | "poll"
                | "survey"
                | "paper"
                | "analysis"
                | "findings"
                | "statement"
        );
        if doc {
            // "… report released on Monday by X", "study by X" (not "obtained by X").
            let by = (k + 1..ws.len().min(k + 6))
                .find(|&j| ws[j].is("by"))
                .filter(|&j| {
                    !matches!(
                        ws[j - 1].lower(),
                        "obtained" | "reviewed" | "received" | "viewed" | "seen"
                    )
                });
            if let Some(by) = by {
                if let Some((a, b)) = run_after(ws, by + 1, ws.len().min(by + 10)) {
                    if a == by + 1 || a == by + 2 {
                        ctx.author_of_document(name(ws, a, b));
                    }
                }
            }
            // "The Pentagon released the following statement", "X published a report".
            let released = (k.saturating_sub(4)..k).rev().find(|&j| {
                matches!(
                    ws[j].lower(),
                    "released" | "issued" | "published" | "unveiled" | "put" | "sent" | "posted"
                )
            });
            if let Some((a, b)) = released.and_then(|j| run_before(ws, 0, j)) {
                if b == released.unwrap_or(0) {
                    ctx.author_of_document(name(ws, a, b));
                }
            }
            // "X's report", "the Stanford study" (but "The National Survey on Drug Use" is
            // the document's own name).
            if k > 0 && capitalised(&ws[k - 1]) && !capitalised(w) {
                if let Some((a, b)) = run_before(ws, 0, k) {
                    ctx.author_of_document(name(ws, a, b));
                }
            }
        }
        // "published in X", "appears in X".
        if matches!(w.lower(), "published" | "appears" | "appeared")
            && ws.get(k + 1).is_some_and(|n| n.is("in"))
        {
            if let Some((a, b)) = run_after(ws, k + 2, ws.len().min(k + 10)) {
                let journal = name(ws, a, b);
                if !ctx.publishers.contains(&journal) {
                    ctx.publishers.push(journal.clone());
                }
                ctx.journal = Some(journal);
            }
        }
    }
}

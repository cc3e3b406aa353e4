//! Reading an article unit by unit: which units are claims, and to whom (if anyone) the article
//! attributes each, by the rules of `tests/data/assistant/RULES.md`.
//!
//! Each unit's own attributions come from [`super::attribution`]; this module follows the
//! article as a reader does: who "he", "the company" and "the report" are; quotations that run
//! over several sentences; block quotes and lists after "X said:"; paragraphs in the first
//! person that continue a speaker's testimony; a sentence whose source the next one names.

pub use super::kinds::Kind;

use super::attribution::{attributions, main_attribution, subject_name, Ref, Speaker};
use super::kinds::{check_worthiness, ends_sentence, is_credit, is_list_item, is_opinion, kind_of};
use super::sentences::{is_tweet, sentences};
use super::tokens::{capitalised, name, quoted, run_after, words, Word};
use super::words::{ORG_NOUNS, ROLES, VAGUE};
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

/// What the reader knows so far: who was named last, by kind.
#[derive(Default)]
struct Context {
    /// The last source named (for "the statement continued", "she wrote").
    source: Option<String>,
    person: Option<String>,
    org: Option<String>,
    /// The author of the last document mentioned ("a report by X", "published in Y").
    doc_author: Option<String>,
    /// The researcher who leads the study spoken of ("Dr. X and colleagues", "led by X").
    lead: Option<String>,
    /// The last group spoken of (for "they", "many of them"): `None` inside means unnamed.
    plural: Option<Option<String>>,
    /// Full names seen, to complete "Mr Mugabe" and "Yoon".
    names: Vec<String>,
    /// The study the article is about, by its lead author, wherever the article names them
    /// ("Senior author Dr. Silvia S. Martins …" after "according to a study").
    study: Option<String>,
    /// Names seen as the authors of documents ("a Gallup Korea poll"): bodies, not people.
    publishers: Vec<String>,
    /// The outlet an unnamed source last told ("an insider told E! News"), for "the insider".
    anonymous: Option<String>,
    /// People the current unit introduces by title or role, with the index of their name
    /// ("opposition leader Morgan Tsvangirai …, his spokesman said").
    unit_people: Vec<(usize, String)>,
}

fn looks_like_org(n: &str) -> bool {
    let lower = fold_case(n);
    lower.split_whitespace().any(|w| ORG_NOUNS.contains(&w))
        || [
            "times",
            "post",
            "news",
            "journal",
            "press",
            "reuters",
            "afp",
            "inc",
            "corp",
            "ltd",
            "party",
            "university",
            "institute",
            "bbc",
            "cnn",
        ]
        .iter()
        .any(|w| lower.split_whitespace().any(|x| x == *w))
        || n.chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
}

impl Context {
    /// The full name of a person named before whose name ends (or starts) with `short`.
    fn complete(&self, short: &str) -> String {
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
            .iter()
            .rev()
            // A surname ("Mugabe"), or a family name first ("Yoon Suk Yeol"; not "Stadia"
            // for "Stadia Pro").
            .find(|n| {
                n.ends_with(&format!(" {bare}"))
                    || n.starts_with(&format!("{bare} "))
                        && (n.split(' ').count() >= 3 || n.contains('-'))
            })
            .cloned()
            .unwrap_or_else(|| s.to_owned())
    }

    fn remember(&mut self, n: &str) {
        if !self.names.iter().any(|x| x == n) {
            self.names.push(n.to_owned());
        }
        if looks_like_org(n)
            || self.publishers.iter().any(|x| x == n)
            || !n.contains(' ') && !self.names.iter().any(|x| x.ends_with(&format!(" {n}")))
        {
            self.org = Some(n.to_owned());
        } else {
            self.person = Some(n.to_owned());
        }
    }

    fn resolve(&self, r: Ref) -> Option<Option<String>> {
        let some = |x: &Option<String>| x.as_deref().map(|n| Some(self.complete(n)));
        match r {
            Ref::Person => some(&self.person).or_else(|| some(&self.source)),
            Ref::Plural => self
                .plural
                .clone()
                .or_else(|| some(&self.lead))
                .or_else(|| some(&self.org))
                .or_else(|| some(&self.source)),
            Ref::Neuter => some(&self.lead)
                .or_else(|| some(&self.doc_author))
                .or_else(|| some(&self.org))
                .or_else(|| some(&self.source)),
            Ref::Org => some(&self.org).or_else(|| some(&self.source)),
            Ref::Doc => some(&self.lead)
                .or_else(|| some(&self.doc_author))
                .or_else(|| some(&self.study))
                .or_else(|| some(&self.source)),
            Ref::Authors => some(&self.lead)
                .or_else(|| some(&self.study))
                .or_else(|| some(&self.doc_author))
                .or_else(|| some(&self.source)),
            Ref::AnyStudy => some(&self.lead)
                .or_else(|| some(&self.study))
                .or(Some(None)),
            Ref::Outlet => some(&self.doc_author)
                .or_else(|| some(&self.org))
                .or(Some(None)),
            Ref::Anonymous => Some(self.anonymous.clone()),
        }
    }

    fn author_of_document(&mut self, n: String) {
        if !self.publishers.contains(&n) {
            self.publishers.push(n.clone());
        }
        self.doc_author = Some(n);
    }

    /// The full form of an acronym named before ("PMF": Popular Mobilization Forces).
    fn expand(&self, short: &str) -> Option<String> {
        let letters: Vec<char> = short.chars().filter(|c| c.is_alphabetic()).collect();
        if letters.len() < 2 || !letters.iter().all(|c| c.is_uppercase()) {
            return None;
        }
        self.names
            .iter()
            .rev()
            .find(|n| {
                let initials: Vec<char> = n
                    .split_whitespace()
                    .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                    .filter_map(|w| w.chars().next())
                    .collect();
                initials == letters
            })
            .cloned()
    }
}

/// Quotation depth at each unit's start and end, over the whole text (quotations may run over
/// several sentences and lines of a paragraph; a blank line closes them all).
fn quote_depths(chars: &[char], spans: &[(usize, usize)]) -> Vec<Depth> {
    let mut depth_at = vec![0u32; chars.len() + 1];
    let mut depth = 0u32;
    let mut straight_open = false;
    let mut newlines = 0;
    for (i, &c) in chars.iter().enumerate() {
        depth_at[i] = depth;
        match c {
            '\n' => {
                newlines += 1;
                if newlines >= 2 {
                    depth = 0;
                    straight_open = false;
                }
                continue;
            }
            '“' => depth += 1,
            '”' => depth = depth.saturating_sub(1),
            '"' => {
                if straight_open {
                    depth = depth.saturating_sub(1);
                } else {
                    depth += 1;
                }
                straight_open = !straight_open;
            }
            _ => {}
        }
        if !c.is_whitespace() {
            newlines = 0;
        }
    }
    depth_at[chars.len()] = depth;
    let quote = |c: char| matches!(c, '“' | '”' | '"');
    spans
        .iter()
        .map(|&(s, e)| Depth {
            start: depth_at[s],
            end: depth_at[e],
            all_quoted: (s..e)
                .filter(|&k| !chars[k].is_whitespace() && !quote(chars[k]))
                .all(|k| depth_at[k] > 0),
        })
        .collect()
}

/// Quotation depth around a unit.
#[derive(Clone, Copy)]
struct Depth {
    start: u32,
    end: u32,
    /// Every word of the unit is inside a quotation (what it says is the speaker's).
    all_quoted: bool,
}

/// Whether the unit has a verb-like word (captions without one are names with a tagline).
fn has_verb(ws: &[Word]) -> bool {
    ws.iter().any(|w| {
        let l = w.lower.as_str();
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
            && w.core.chars().next().is_some_and(char::is_lowercase))
    })
}

fn first_person(ws: &[Word], inside: &[bool]) -> bool {
    ws.iter().any(|w| {
        !inside.get(w.at).copied().unwrap_or(false)
            && matches!(
                w.lower.as_str(),
                "i" | "i've" | "i'm" | "we" | "we're" | "we've" | "my" | "our" | "us"
            )
            // "the US embassy" is a country.
            && w.core != "US"
    })
}

pub fn analyse(text: &str) -> Vec<Reading> {
    analyse_with(text, None)
}

/// Reads every unit of `text`. `outlet` is the article's own outlet, when known: what it learns
/// from its own sources is the article's voice, not a source.
pub fn analyse_with(text: &str, outlet: Option<&str>) -> Vec<Reading> {
    let chars: Vec<char> = text.chars().collect();
    let spans: Vec<(usize, usize)> = sentences(text).iter().map(|s| (s.start, s.end)).collect();
    // Paragraph of each unit: blank lines separate paragraphs.
    let mut para = Vec::with_capacity(spans.len());
    let (mut p, mut at, mut newlines) = (0usize, 0usize, 0usize);
    for &(s, e) in &spans {
        while at < s {
            if chars[at] == '\n' {
                newlines += 1;
            } else if !chars[at].is_whitespace() {
                newlines = 0;
            }
            if newlines >= 2 {
                p += 1;
                newlines = 0;
            }
            at += 1;
        }
        para.push(p);
        at = e;
        newlines = 0;
    }
    let depths = quote_depths(&chars, &spans);
    let texts: Vec<String> = spans
        .iter()
        .map(|&(s, e)| chars[s..e].iter().collect())
        .collect();
    let units: Vec<Vec<Word>> = spans.iter().map(|&(s, e)| words(&chars[s..e])).collect();
    let insides: Vec<Vec<bool>> = spans.iter().map(|&(s, e)| quoted(&chars[s..e])).collect();

    let mut ctx = Context {
        study: study_lead(&units),
        ..Context::default()
    };
    let mut out: Vec<Reading> = Vec::with_capacity(spans.len());
    // Per unit: (source, vague, carried, own attribution found).
    let mut found: Vec<(Option<String>, bool, bool, bool)> = Vec::with_capacity(spans.len());
    for i in 0..spans.len() {
        let ws = &units[i];
        let inside = &insides[i];
        let t = &texts[i];
        // People this unit introduces by a title or role ("Dr. Shadlen and colleagues",
        // "opposition leader Morgan Tsvangirai") become referents for what follows. Credits
        // name photographers, not people of the story.
        ctx.unit_people.clear();
        // (Not from headings: "Vidyard Launches New Tools" is no one's name.)
        if !is_credit(t) && ends_sentence(t) {
            note_people(ws, &mut ctx);
            note_subject(ws, inside, &mut ctx);
        }
        note_documents(ws, &mut ctx);
        let all = if is_tweet(t) {
            Vec::new()
        } else {
            attributions(ws, inside, outlet)
        };
        let mut source = None;
        let mut vague = false;
        let mut own = false;
        if is_tweet(t) {
            if let (Some(dash), Some(at)) = (t.rfind("— "), t.rfind(" (@")) {
                if dash < at {
                    source = Some(t[dash + "— ".len()..at].trim().to_owned());
                    own = true;
                }
            }
        } else if let Some(main) = main_attribution(&all) {
            own = true;
            match &main.speaker {
                Speaker::Named(n) => source = Some(ctx.complete(n)),
                // "he" or "his spokesman" after a person this very sentence introduced.
                Speaker::Refers(Ref::Person)
                    if ctx.unit_people.iter().any(|(k, _)| *k < main.verb) =>
                {
                    source = ctx
                        .unit_people
                        .iter()
                        .find(|(k, _)| *k < main.verb)
                        .map(|(_, n)| n.clone());
                }
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
                Speaker::Group | Speaker::OwnOutlet => vague = true,
            }
            if matches!(main.speaker, Speaker::Group) {
                ctx.plural = Some(None);
            }
        }
        if !vague && source.is_none() {
            let lower = fold_case(&outside_quotes(t, inside));
            vague = VAGUE.iter().any(|v| lower.contains(v));
        }
        found.push((source, vague, false, own));
        if let Some(s) = found[i].0.clone() {
            ctx.remember(&s);
            ctx.source = Some(s);
        }
    }

    // "…, a source said." then "The source … told Reuters": the outlet it told.
    for i in 0..found.len() {
        if found[i].0.is_some() || !units[i].iter().any(|w| w.is("source")) {
            continue;
        }
        let told = (i + 1..found.len().min(i + 3)).find_map(|k| {
            let ws = &units[k];
            let t = ws
                .iter()
                .position(|w| matches!(w.lower.as_str(), "told" | "tells"))?;
            ws[..t].iter().any(|w| w.is("source")).then_some(())?;
            let (a, b) = run_after(ws, t + 1, ws.len().min(t + 4))?;
            (a == t + 1).then(|| name(ws, a, b))
        });
        if let Some(outlet_told) = told {
            found[i] = (Some(outlet_told), false, false, true);
        }
    }
    carry(&mut found, &para, &depths, &units, &insides, &texts);

    let kinds: Vec<Option<Kind>> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| kind_of(t, i == 0 || para[i] == 0 && i < 2))
        .collect();
    for i in 0..spans.len() {
        let (source, vague, carried, _) = found[i].clone();
        let t = &texts[i];
        let quoted_unit = depths[i].start > 0
            || insides[i].iter().filter(|&&q| q).count() * 2 > t.chars().count();
        let mut kind = kinds[i].unwrap_or(Kind::Claim);
        // "X asked: “Are there …?”": a report of a question is a claim.
        if kind == Kind::Question
            && found[i].3
            && insides[i]
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
        let alone = (i == 0 || para[i - 1] != para[i]) && para.get(i + 1) != Some(&para[i]);
        if kind == Kind::Claim && is_list_item(t) && alone && !ends_sentence(t) {
            kind = Kind::Heading;
        }
        // A caption that is a name and a tagline ("Mark Zuckerberg, the man with the plan.")
        // says nothing to check; one that describes a scene does.
        let next_credit = texts.get(i + 1).is_some_and(|n| is_credit(n));
        let tagline = t.contains(", the ") || t.contains(", a ") || t.contains(", an ");
        if kind == Kind::Claim && next_credit && !has_verb(&units[i]) && tagline {
            kind = Kind::Caption;
        }
        // Opinion in the article's own voice is no claim; an attributed one ("a judge ruled
        // that he should remain in jail") reports what someone holds.
        if kind == Kind::Claim
            && source.is_none()
            && !vague
            && !found[i].3
            && !quoted_unit
            && !is_list_item(t)
            && is_opinion(t)
        {
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
        out.push(Reading {
            start: spans[i].0,
            end: spans[i].1,
            kind,
            verdict,
            score: if kind == Kind::Claim {
                check_worthiness(t, source.is_some())
            } else {
                0
            },
            vague: source.is_none() && vague,
            carried: source.is_some() && carried,
            source,
        });
    }
    out
}

/// The unit's text with what is inside quotation marks blanked (so a quoted "reportedly" does
/// not make the article vague).
fn outside_quotes(t: &str, inside: &[bool]) -> String {
    t.chars()
        .zip(inside.iter().chain(std::iter::repeat(&false)))
        .map(|(c, &q)| if q { ' ' } else { c })
        .collect()
}

/// People named after a title or a role, and the lead of a study.
fn note_people(ws: &[Word], ctx: &mut Context) {
    let titled = |w: &Word| {
        matches!(
            w.core.as_str(),
            "Dr" | "Dr."
                | "Prof"
                | "Prof."
                | "Professor"
                | "Mr"
                | "Mr."
                | "Mrs"
                | "Ms"
                | "Sen."
                | "Rep."
                | "Gov."
                | "President"
                | "Minister"
                | "Secretary"
                | "General"
                | "Gen."
        ) || ROLES.contains(&w.lower.as_str())
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
        if looks_like_org(&n) {
            continue;
        }
        let study_lead = ws.get(b).is_some_and(|w| w.is("and"))
            && ws.get(b + 1).is_some_and(|w| w.is("colleagues"))
            || matches!(
                ws[k].core.as_str(),
                "Dr" | "Dr." | "Prof" | "Prof." | "Professor"
            );
        if study_lead {
            ctx.lead = Some(n.clone());
        }
        ctx.unit_people.push((a, n.clone()));
        if !ctx.names.contains(&n) {
            ctx.names.push(n);
        }
    }
    // Every name of two words or more, to complete "Hill" and expand "DEA" later.
    let mut k = 0;
    while k < ws.len() {
        match run_after(ws, k, ws.len()) {
            Some((a, b)) => {
                if b - a >= 2 {
                    // "the Democratic Party and Yoon" are two.
                    for n in name(ws, a, b).split(" and ") {
                        if n.contains(' ') && !ctx.names.iter().any(|x| x == n) {
                            ctx.names.push(n.to_owned());
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
fn study_lead(units: &[Vec<Word>]) -> Option<String> {
    for ws in units {
        for k in 0..ws.len() {
            let author = ws[k].is("author")
                && k > 0
                && matches!(
                    ws[k - 1].lower.as_str(),
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
                    .any(|w| matches!(w.lower.as_str(), "colleagues" | "collaborators"));
            if colleagues && k > 0 && capitalised(&ws[k - 1]) {
                if let Some((a, b)) = super::tokens::run_before(ws, 0, k) {
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
fn note_subject(ws: &[Word], inside: &[bool], ctx: &mut Context) {
    let Some((a, b)) = subject_name(ws, inside) else {
        return;
    };
    let n = ctx.complete(&name(ws, a, b));
    let known_person = ctx
        .names
        .iter()
        .any(|x| x == &n && x.contains(' ') || x.ends_with(&format!(" {n}")));
    if !looks_like_org(&n) && (n.contains(' ') || known_person) {
        ctx.person = Some(n);
    }
}

/// Documents the unit mentions, with who stands behind them: "a report by X", "published in
/// the New England Journal of Medicine", "X's study".
fn note_documents(ws: &[Word], ctx: &mut Context) {
    for k in 0..ws.len() {
        let w = &ws[k];
        let doc = matches!(
            w.lower.as_str(),
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
                        ws[j - 1].lower.as_str(),
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
                    ws[j].lower.as_str(),
                    "released" | "issued" | "published" | "unveiled" | "put" | "sent" | "posted"
                )
            });
            if let Some((a, b)) = released.and_then(|j| super::tokens::run_before(ws, 0, j)) {
                if b == released.unwrap_or(0) {
                    ctx.author_of_document(name(ws, a, b));
                }
            }
            // "X's report", "the Stanford study" (but "The National Survey on Drug Use" is
            // the document's own name).
            if k > 0 && capitalised(&ws[k - 1]) && !capitalised(w) {
                if let Some((a, b)) = super::tokens::run_before(ws, 0, k) {
                    ctx.author_of_document(name(ws, a, b));
                }
            }
        }
        // "published in X", "appears in X".
        if matches!(w.lower.as_str(), "published" | "appears" | "appeared")
            && ws.get(k + 1).is_some_and(|n| n.is("in"))
        {
            if let Some((a, b)) = run_after(ws, k + 2, ws.len().min(k + 10)) {
                ctx.author_of_document(name(ws, a, b));
            }
        }
    }
}

/// Sources that units take from their neighbours: quotations whose tag is in another sentence,
/// block quotes and lists after a sourced lead-in ending with a colon, paragraphs in the first
/// person after a speaker's paragraph, a short sentence after a tagged one, and a sentence
/// whose source the next one names ("The study determined this …").
fn carry(
    found: &mut [(Option<String>, bool, bool, bool)],
    para: &[usize],
    depths: &[Depth],
    units: &[Vec<Word>],
    insides: &[Vec<bool>],
    texts: &[String],
) {
    let n = found.len();
    // Quotations over several units: every unit of the quotation gets the source of the unit
    // that tags it (the one where it opens or closes with a tag of its own).
    let mut i = 0;
    while i < n {
        if depths[i].end > depths[i].start || (depths[i].start > 0 && i == 0) {
            // A quotation opens here and runs on: find where it closes (it must close within
            // its paragraph, else it is a stray quotation mark, unless the next paragraph
            // opens with a quotation mark: a quotation over paragraphs leaves each paragraph
            // open and opens the next).
            let mut j = i;
            while j + 1 < n && depths[j].end > 0 && para[j + 1] == para[i] {
                j += 1;
            }
            let runs_on = texts
                .get(j + 1)
                .is_some_and(|t| para[j + 1] == para[j] + 1 && t.starts_with(['“', '"']));
            if depths[j].end > depths[i].start && !runs_on {
                i += 1;
                continue;
            }
            // Attributions inside the quotation are the speaker's words, not the article's.
            let tagged = (i..=j)
                .rev()
                .find(|&k| found[k].3 && found[k].0.is_some() && !depths[k].all_quoted)
                .or_else(|| (i..=j).find(|&k| found[k].0.is_some() && !depths[k].all_quoted));
            let s = match tagged {
                Some(t) => found[t].0.clone(),
                // "“…,” the statement continued. “…”": the quotation goes on after the tag.
                None if i > 0 && para[i - 1] == para[i] && found[i - 1].3 => found[i - 1].0.clone(),
                // A quotation that is a paragraph of its own, untagged, after a paragraph whose
                // speaker is known (by a tag, a lead-in or an earlier quotation): theirs.
                None if i > 0
                    && para[i - 1] + 1 == para[i]
                    && texts[i].trim_start().starts_with(['“', '"'])
                    && found[i - 1].0.is_some() =>
                {
                    found[i - 1].0.clone()
                }
                None => None,
            };
            if s.is_some() {
                for k in i..=j {
                    if !found[k].3 || depths[k].all_quoted && Some(k) != tagged {
                        found[k] = (s.clone(), false, true, false);
                    }
                }
            }
            i = j + 1;
            continue;
        }
        i += 1;
    }
    for i in 1..n {
        let prev = i - 1;
        let first = units[i].first().map_or("", |w| w.lower.as_str());
        let second = units[i].get(1).map_or("", |w| w.lower.as_str());
        // "In this video, …", "In the tweet, …": the source of the unit before.
        if found[i].0.is_none()
            && first == "in"
            && matches!(second, "this" | "the")
            && units[i].get(2).is_some_and(|w| {
                matches!(
                    w.lower.as_str(),
                    "video" | "tweet" | "post" | "clip" | "footage" | "statement" | "interview"
                )
            })
        {
            if let Some(s) = found[prev].0.clone() {
                found[i] = (Some(s), false, false, true);
                continue;
            }
        }
        // "…,” others said", "the crowds cheered": unnamed voices of a named source's account.
        let others = units[i]
            .iter()
            .any(|w| matches!(w.lower.as_str(), "others" | "crowds" | "crowd"));
        if found[i].3 && found[i].0.is_none() && others && found[prev].0.is_some() {
            found[i] = (found[prev].0.clone(), false, true, true);
            continue;
        }
        if found[i].3 || found[i].0.is_some() {
            continue;
        }
        let t = &texts[i];
        let whole_quote = t.starts_with(['“', '"'])
            && insides[i].iter().filter(|&&q| q).count() + 3 >= t.chars().count();
        let prev_source = found[prev].0.clone();
        // A quotation with no tag after a sourced unit: its speaker goes on. After a line of
        // the article's own ("This “trick” was …"), the last quotation's speaker does.
        if whole_quote && para[i] <= para[prev] + 1 && prev_source.is_some() {
            found[i] = (prev_source, false, true, false);
            continue;
        }
        let last_quote = (i.saturating_sub(3)..i).rev().find(|&k| {
            para[k] + 2 >= para[i]
                && found[k].0.is_some()
                && texts[k].contains(['“', '"'])
                && (k + 1..i).all(|m| found[m].0.is_none())
        });
        if let Some(k) = last_quote.filter(|_| whole_quote) {
            found[i] = (found[k].0.clone(), false, true, false);
            continue;
        }
        // After "X said:" (or a sourced unit ending with a colon): the next paragraph, and the
        // list lines that follow it.
        let lead = (0..i)
            .rev()
            .take_while(|&k| para[k] + 12 >= para[i])
            .find(|&k| texts[k].trim_end().ends_with(':'));
        if let Some(k) = lead {
            // The paragraph after the lead-in; the list lines after it; or the bullets, one
            // sentence a paragraph, that run on from it.
            let one_each =
                |m: usize| (m == 0 || para[m - 1] != para[m]) && para.get(m + 1) != Some(&para[m]);
            let bullets = (k + 1..=i).all(one_each) && para[i] - para[k] == i - k;
            let block = para[i] == para[k] + 1
                || (is_list_item(t) && (k + 1..i).all(|m| is_list_item(&texts[m])))
                || bullets;
            if block && found[k].0.is_some() {
                found[i] = (found[k].0.clone(), false, true, false);
                continue;
            }
        }
        // A paragraph in the first person after a speaker's paragraph: their testimony.
        if para[i] == para[prev] + 1
            && first_person(&units[i], &insides[i])
            && !units[i].iter().any(|w| w.is("said") || w.is("says"))
        {
            let speaker = found[prev]
                .0
                .clone()
                .filter(|s| s.contains(' ') || found[prev].3);
            if let Some(s) = speaker {
                found[i] = (Some(s), false, true, false);
                continue;
            }
        }
        // Within a first-person testimony, the next sentences go on.
        if para[i] == para[prev] && found[prev].2 && first_person(&units[prev], &insides[prev]) {
            found[i] = (found[prev].0.clone(), false, true, false);
            continue;
        }
        // A short sentence after a tagged one in the same paragraph: "They take time to
        // cultivate." after "…, he said …".
        let tag_at_end = found[prev].3
            && units[prev]
                .iter()
                .rev()
                .take(12)
                .any(|w| w.is("said") || w.is("says"));
        if para[i] == para[prev]
            && tag_at_end
            && units[i].len() <= 8
            && units[i].first().is_some_and(|w| {
                matches!(
                    w.lower.as_str(),
                    "they" | "it" | "he" | "she" | "we" | "that" | "this"
                )
            })
        {
            found[i] = (found[prev].0.clone(), false, true, false);
            continue;
        }
    }
    // Forward: "It ranked near the bottom … The study determined this by …".
    for i in 0..n.saturating_sub(1) {
        if found[i].0.is_some() || found[i].3 || para[i + 1] != para[i] {
            continue;
        }
        let next = &units[i + 1];
        let back_ref = next
            .iter()
            .take(6)
            .any(|w| matches!(w.lower.as_str(), "this" | "that" | "these"))
            && next.first().is_some_and(|w| w.is("the"))
            && found[i + 1].0.is_some();
        if back_ref {
            found[i] = (found[i + 1].0.clone(), false, true, false);
        }
    }
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
                a.speaker, ws[a.verb].raw, a.outer
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
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<(Kind, Verdict, Option<String>, bool)> {
        analyse(text)
            .into_iter()
            .map(|r| (r.kind, r.verdict, r.source, r.vague))
            .collect()
    }

    fn src(text: &str) -> Option<String> {
        read(text).remove(0).2
    }

    #[test]
    fn reporting_verbs_name_their_subject() {
        assert_eq!(
            src("“It was over,” the AFP reported.").as_deref(),
            Some("AFP")
        );
        assert_eq!(
            src("In the tweet, Pompeo wrote, \"We won.\"").as_deref(),
            Some("Pompeo")
        );
        assert_eq!(
            src("In a news release, the Pentagon said that it struck.").as_deref(),
            Some("Pentagon")
        );
        assert_eq!(src("Elizabeth Tsurkov, a member of the Foreign Policy Research Institute, noted Syrians were celebrating.").as_deref(), Some("Elizabeth Tsurkov"));
        assert_eq!(
            src("A senior Pentagon official told Newsweek that both died.").as_deref(),
            Some("Newsweek")
        );
        assert_eq!(
            src("Defense Secretary Mark Esper on Thursday warned in a statement that it ends.")
                .as_deref(),
            Some("Mark Esper")
        );
        assert_eq!(
            src("Han Dong-hoon, the leader of the PPP, urged Yoon to step down.").as_deref(),
            Some("Han Dong-hoon")
        );
        assert_eq!(
            src("“I think this study is groundbreaking,” says Katie Allen, MD, PhD.").as_deref(),
            Some("Katie Allen")
        );
    }

    #[test]
    fn according_to_names_the_source_unless_a_speaker_does() {
        assert_eq!(
            src("He was killed on Thursday, according to the US military.").as_deref(),
            Some("US military")
        );
        assert_eq!(src("\"They are responsible,\" Ahmed al-Assadi, a spokesman for the group, said in a statement, according to Reuters.").as_deref(), Some("Ahmed al-Assadi"));
    }

    #[test]
    fn the_innermost_named_speaker_of_nested_attribution() {
        assert_eq!(src("South Africa said Mr Mugabe had told President Jacob Zuma by telephone that he was confined to his home.").as_deref(), Some("Mugabe"));
        assert_eq!(
            src("Our sources say Lupita told cops it was taken from her room.").as_deref(),
            Some("Lupita")
        );
        assert_eq!(src("A Gallup Korea poll released on Friday showed his approval at 13%, The Korea Times reported.").as_deref(), Some("Gallup Korea"));
    }

    #[test]
    fn pronouns_and_descriptions_resolve_to_who_was_named() {
        let r = read("Vidyard announced new features on Tuesday. The company says it made video easier. The Stanford report found poverty rose. It found that wages fell.");
        let s: Vec<Option<&str>> = r.iter().map(|x| x.2.as_deref()).collect();
        assert_eq!(
            s,
            vec![
                Some("Vidyard"),
                Some("Vidyard"),
                Some("Stanford"),
                Some("Stanford")
            ]
        );
    }

    #[test]
    fn unnamed_groups_and_the_own_outlet_are_vague() {
        let r = analyse_with("Opposition lawmakers had said they would return. Law enforcement sources tell TMZ the dress was taken. The strike is said to have also taken out his second.", Some("TMZ"));
        for x in &r {
            assert_eq!((x.verdict, x.vague), (Verdict::Unsourced, true));
        }
    }

    #[test]
    fn quotations_block_quotes_and_testimony_carry_their_speaker() {
        let r = analyse("“We struck. We will strike again,” the Pentagon said.\n\nThe Jerusalem Post reported that more happened:\n\nHe trained fighters. Israel says he paid them.\n\nNothing else happened.");
        let s: Vec<(Option<&str>, bool)> =
            r.iter().map(|x| (x.source.as_deref(), x.carried)).collect();
        assert_eq!(
            s,
            vec![
                (Some("Pentagon"), true),
                (Some("Pentagon"), false),
                (Some("Jerusalem Post"), false),
                (Some("Jerusalem Post"), true),
                (Some("Israel"), false),
                (None, false)
            ]
        );
    }

    #[test]
    fn tweets_chrome_credits_captions_headings_questions() {
        let r = read("Please verify\n\nVIDEO: Iraqi citizens dance in the street\n\nSecretary Mike Pompeo, the man with the plan.\nCredit: AP\n\nWho was he?\n\nWe won. pic.twitter.com/x — Secretary Pompeo (@SecPompeo) January 3, 2020");
        let kinds: Vec<Kind> = r.iter().map(|x| x.0).collect();
        assert_eq!(
            kinds,
            vec![
                Kind::Chrome,
                Kind::Heading,
                Kind::Caption,
                Kind::Credit,
                Kind::Question,
                Kind::Claim
            ]
        );
        assert_eq!(r[5].2.as_deref(), Some("Secretary Pompeo"));
    }

    #[test]
    fn source_names_match_leniently() {
        assert!(same_source("Secretary of State Mike Pompeo", "Mike Pompeo"));
        assert!(same_source("the AFP", "AFP"));
        assert!(!same_source("Reuters", "AFP"));
        assert!(same_source("the ÉLYSÉE", "Élysée"));
        assert!(!same_source("", "AFP"));
    }
}

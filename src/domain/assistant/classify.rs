//! Which units are claims, and whether (and to whom) the article attributes each: the rules of
//! `tests/data/labelling-rules.md`.

use super::sentences::{is_tweet, quoted, sentences, MONTHS};
use crate::domain::annotation::Verdict;
use crate::domain::text::fold_case;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Claim,
    Chrome,
    Heading,
    Credit,
    Caption,
    Question,
    Opinion,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Claim => "claim",
            Kind::Chrome => "chrome",
            Kind::Heading => "heading",
            Kind::Credit => "credit",
            Kind::Caption => "caption",
            Kind::Question => "question",
            Kind::Opinion => "opinion",
        }
    }
}

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
    /// Unsourced, but gesturing at an unnamed source ("reportedly", "officials said").
    pub vague: bool,
}

const CHROME: &[&str] = &[
    "please verify",
    "watch live",
    "most recent",
    "all articles",
    "facebook comments box",
    "advertisement",
    "related articles",
    "share this article",
];

const REPORTING: &[&str] = &[
    "said",
    "says",
    "say",
    "reported",
    "reports",
    "wrote",
    "writes",
    "tweeted",
    "told",
    "added",
    "adds",
    "noted",
    "notes",
    "confirmed",
    "announced",
    "stated",
    "claimed",
    "claims",
    "continued",
    "concluded",
    "warned",
    "blames",
    "blamed",
    "cheered",
    "chanted",
    "writing",
    "saying",
    "stating",
];

/// Words that refer back to the source of the unit before.
const REFERENCES: &[&str] = &[
    "statement",
    "broadcast",
    "report",
    "release",
    "she",
    "he",
    "they",
    "it",
];

/// Capitalised words that do not make a name.
const NOT_NAMES: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "For",
    "But",
    "And",
    "If",
    "When",
    "While",
    "As",
    "Both",
    "Other",
    "Following",
    "To",
    "According",
    "Top",
    "Some",
    "This",
    "That",
    "These",
    "Those",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "He",
    "She",
    "They",
    "It",
    "We",
    "I",
    "Others",
    "Lawmakers",
    "Officials",
    "Analysts",
    "Sources",
    "Experts",
    "Observers",
    "Critics",
    "Residents",
    "Witnesses",
    "Protesters",
];

const VAGUE: &[&str] = &[
    "reportedly",
    "allegedly",
    "is said to",
    "are said to",
    "is now said to",
    "said to be",
    "claiming",
    "viewed as",
    "being equated",
    "widely allege",
    " officials",
    "lawmakers",
    "sources say",
    "observers",
];

const OPINION: &[&str] = &["significant victory", "long overdue"];

/// A word of a unit: its text without surrounding punctuation, and where it ends.
struct Word {
    core: String,
    raw: String,
    /// Index of the word's first character in the unit.
    at: usize,
}

fn words(chars: &[char]) -> Vec<Word> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        while i < chars.len() && chars[i].is_whitespace() {
            i += 1;
        }
        let at = i;
        while i < chars.len() && !chars[i].is_whitespace() {
            i += 1;
        }
        if at < i {
            let raw: String = chars[at..i].iter().collect();
            // Where the word itself starts (after an opening quote mark), so that "“warned"
            // counts as quoted.
            let at = (at..i).find(|&k| chars[k].is_alphanumeric()).unwrap_or(at);
            let core = raw
                .trim_matches(|c: char| !(c.is_alphanumeric() || c == '.' || c == '-' || c == '\''))
                .trim_end_matches('.')
                .trim_end_matches("'s")
                .to_owned();
            out.push(Word { core, raw, at });
        }
    }
    out
}

fn capitalised(w: &Word) -> bool {
    let c = &w.core;
    if NOT_NAMES.contains(&c.as_str()) || MONTHS.contains(&c.as_str()) {
        return false;
    }
    let first = c.chars().next();
    first.is_some_and(char::is_uppercase)
        || ((c.starts_with("al-") || c.starts_with("el-"))
            && c.chars().nth(3).is_some_and(char::is_uppercase))
}

/// Joins `words[a..b]` into a name: raw text without trailing punctuation and a leading "the".
fn name(ws: &[Word], a: usize, b: usize) -> String {
    let s = ws[a..b]
        .iter()
        .map(|w| w.raw.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let s = s.trim_matches(|c: char| !(c.is_alphanumeric() || c == '.'));
    let s = s
        .strip_suffix('.')
        .filter(|x| !x.ends_with(|c: char| c.is_uppercase()))
        .unwrap_or(s);
    s.strip_prefix("the ")
        .or_else(|| s.strip_prefix("The "))
        .unwrap_or(s)
        .to_owned()
}

/// The run of name words (capitalised, joined by "of") ending at or before `end`, scanning back.
fn run_before(ws: &[Word], from: usize, end: usize) -> Option<(usize, usize)> {
    let mut b = end;
    while b > from && !capitalised(&ws[b - 1]) {
        b -= 1;
    }
    if b == from {
        return None;
    }
    let mut a = b - 1;
    while a > from {
        if capitalised(&ws[a - 1]) && !ws[a - 1].raw.ends_with(',') {
            a -= 1;
        } else if ws[a - 1].core == "of" && a >= from + 2 && capitalised(&ws[a - 2]) {
            a -= 2;
        } else {
            break;
        }
    }
    Some((a, b))
}

/// The run of name words starting at or after `start`.
fn run_after(ws: &[Word], start: usize, limit: usize) -> Option<(usize, usize)> {
    let mut a = start;
    while a < limit && !capitalised(&ws[a]) {
        a += 1;
    }
    if a == limit {
        return None;
    }
    let mut b = a + 1;
    while b < limit {
        if ws[b - 1].raw.ends_with(',')
            || ws[b - 1].raw.ends_with('.') && !ws[b - 1].core.contains('.')
        {
            break;
        }
        if capitalised(&ws[b]) {
            b += 1;
        } else if ws[b].core == "of" && b + 1 < limit && capitalised(&ws[b + 1]) {
            b += 2;
        } else {
            break;
        }
    }
    Some((a, b))
}

/// What a unit says about its own source.
enum Own {
    Named(String),
    /// Refers back ("the statement continued", "she wrote").
    Refers,
    /// A reporting verb whose subject names no one ("others said").
    Unnamed,
    None,
}

fn according_to(ws: &[Word], inside: &[bool]) -> Option<Own> {
    let i = (0..ws.len().saturating_sub(1)).find(|&i| {
        ws[i].core.eq_ignore_ascii_case("according") && ws[i + 1].core == "to" && !inside[ws[i].at]
    })?;
    let from = i + 2;
    let rest: Vec<&Word> = ws[from..].iter().take(6).collect();
    if rest
        .iter()
        .take(3)
        .any(|w| REFERENCES.contains(&w.core.as_str()) || w.core == "same")
    {
        return Some(Own::Refers);
    }
    // A short phrase that ends the clause is the name whole: "the Kuwaiti paper Al-Jarida.",
    // "Iraqi state media."; otherwise the run of name words ("Al-Jarida Israel had …").
    let clause_end = (from..ws.len().min(from + 6)).find(|&k| {
        ws[k].raw.ends_with([',', ';']) || (ws[k].raw.ends_with('.') && !ws[k].core.contains('.'))
    });
    if let Some(k) = clause_end {
        if (from..=k).any(|j| capitalised(&ws[j])) {
            return Some(Own::Named(name(ws, from, k + 1)));
        }
    }
    let (a, b) = run_after(ws, from, ws.len())?;
    Some(Own::Named(name(ws, a, b)))
}

fn own_source(chars: &[char]) -> Own {
    let text: String = chars.iter().collect();
    if is_tweet(&text) {
        if let (Some(dash), Some(at)) = (text.rfind("— "), text.rfind(" (@")) {
            if dash < at {
                return Own::Named(text[dash + "— ".len()..at].trim().to_owned());
            }
        }
    }
    let inside = quoted(chars);
    let ws = words(chars);
    let be = ["is", "are", "was", "were", "been", "be", "being"];
    // Passive publishing: "was shared by X", "was called … by the New Yorker".
    for (i, w) in ws.iter().enumerate() {
        if inside[w.at] {
            continue;
        }
        let passive = i >= 1 && be.contains(&ws[i - 1].core.as_str());
        if passive
            && ["shared", "called", "quoted", "posted", "published"].contains(&w.core.as_str())
        {
            if let Some(by) = (i + 1..ws.len())
                .rev()
                .find(|&k| ws[k].core == "by" && !inside[ws[k].at])
            {
                if let Some((a, b)) = run_after(ws.as_slice(), by + 1, ws.len()) {
                    return Own::Named(name(&ws, a, b));
                }
            }
        }
    }
    let mut result = Own::None;
    for (i, w) in ws.iter().enumerate() {
        let verb = w.core.to_ascii_lowercase();
        if inside[w.at] || !REPORTING.contains(&verb.as_str()) {
            continue;
        }
        // "is said to", "is now said to": passive, not an attribution.
        let prev = ws[..i]
            .iter()
            .rev()
            .find(|p| !["now", "also", "widely"].contains(&p.core.as_str()));
        if prev.is_some_and(|p| be.contains(&p.core.as_str())) {
            continue;
        }
        if verb == "told" {
            if let Some((a, b)) = run_after(&ws, i + 1, (i + 3).min(ws.len())) {
                return Own::Named(name(&ws, a, b));
            }
        }
        // The subject: after the last closing quote before the verb.
        let from = (0..i)
            .rev()
            .find(|&k| {
                ws[k].raw.ends_with(['”', '"'])
                    || (k + 1 < ws.len() && inside[ws[k].at] && !inside[ws[k + 1].at])
            })
            .map_or(0, |k| k + 1);
        let region = &ws[from..i];
        if region
            .last()
            .is_some_and(|r| REFERENCES.contains(&r.core.to_ascii_lowercase().as_str()))
            || region
                .iter()
                .rev()
                .take(2)
                .any(|r| r.core == "statement" || r.core == "broadcast")
        {
            result = Own::Refers;
            break;
        }
        if let Some(by) = region.iter().position(|r| r.core == "by") {
            if let Some((a, b)) = run_after(&ws, from + by + 1, i) {
                return Own::Named(name(&ws, a, b));
            }
        }
        let appositive = region.last().is_some_and(|r| r.raw.ends_with(','));
        let run = if appositive {
            run_after(&ws, from, i)
        } else {
            run_before(&ws, from, i)
        };
        match run {
            Some((a, b)) => return Own::Named(name(&ws, a, b)),
            None if region.is_empty() => {
                // Inverted: "…," said Esper.
                if let Some((a, b)) = run_after(&ws, i + 1, (i + 4).min(ws.len())) {
                    return Own::Named(name(&ws, a, b));
                }
            }
            None => {
                result = Own::Unnamed;
                break;
            }
        }
    }
    match (result, according_to(&ws, &inside)) {
        (Own::Refers, _) => Own::Refers,
        (_, Some(acc)) => acc,
        (r, None) => r,
    }
}

fn ends_sentence(t: &str) -> bool {
    let t = t.trim_end_matches(|c: char| {
        matches!(c, '”' | '’' | '"' | '\'' | ')' | ']') || c.is_whitespace()
    });
    t.ends_with(['.', '!', '?', '…', ':', ';'])
}

fn kind_of(t: &str) -> Option<Kind> {
    let lower = fold_case(t);
    let words = t.split_whitespace().count();
    let upper_slash = t.split('/').next().is_some_and(|p| {
        p.len() >= 2 && t.contains('/') && p.chars().all(|c| c.is_ascii_uppercase())
    });
    if lower.starts_with("credit:")
        || lower.starts_with("photo by")
        || lower.contains("via getty images")
        || upper_slash
    {
        return Some(Kind::Credit);
    }
    if CHROME.contains(&lower.trim()) || t.starts_with('©') || (words <= 3 && !ends_sentence(t)) {
        return Some(Kind::Chrome);
    }
    let bare = t.trim_end_matches(['”', '’', '"', '\'', ')']);
    if bare.ends_with('?') {
        return Some(Kind::Question);
    }
    if !ends_sentence(t) && !is_tweet(t) {
        return Some(Kind::Heading);
    }
    None
}

fn is_pure_quotation(chars: &[char]) -> bool {
    let inside = quoted(chars);
    matches!(chars.first(), Some('“' | '"'))
        && chars
            .iter()
            .zip(&inside)
            .all(|(c, &q)| q || !c.is_alphanumeric())
}

/// Reads every unit of `text`.
pub fn analyse(text: &str) -> Vec<Reading> {
    let chars: Vec<char> = text.chars().collect();
    let spans = sentences(text);
    // Paragraph of each unit: blank lines separate paragraphs.
    let mut para_of = Vec::with_capacity(spans.len());
    let (mut para, mut at, mut newlines) = (0usize, 0usize, 0usize);
    for s in &spans {
        while at < s.start {
            if chars[at] == '\n' {
                newlines += 1;
            } else if !chars[at].is_whitespace() {
                newlines = 0;
            }
            if newlines >= 2 {
                para += 1;
                newlines = 0;
            }
            at += 1;
        }
        para_of.push(para);
        at = s.end;
        newlines = 0;
    }
    let texts: Vec<String> = spans
        .iter()
        .map(|s| chars[s.start..s.end].iter().collect())
        .collect();
    let kinds: Vec<Option<Kind>> = texts.iter().map(|t| kind_of(t)).collect();
    let mut out = Vec::with_capacity(spans.len());
    let mut previous: Option<String> = None;
    let mut block: Option<(usize, String)> = None;
    for (i, s) in spans.iter().enumerate() {
        let unit = &chars[s.start..s.end];
        let t = &texts[i];
        let own = own_source(unit);
        let lower = fold_case(t);
        let carries = is_pure_quotation(unit)
            || [
                "in this video",
                "in the video",
                "in the tweet",
                "in this tweet",
            ]
            .iter()
            .any(|p| lower.starts_with(p));
        let block_source = block
            .as_ref()
            .filter(|(p, _)| *p == para_of[i])
            .map(|(_, src)| src.clone());
        let (source, unnamed) = match own {
            Own::Named(n) => (Some(n), false),
            Own::Refers => (previous.clone(), false),
            Own::Unnamed => (block_source, true),
            Own::None if carries => (previous.clone().or(block_source), false),
            Own::None => (block_source, false),
        };
        let vague = source.is_none() && (unnamed || VAGUE.iter().any(|v| lower.contains(v)));
        let mut kind = kinds[i].unwrap_or(Kind::Claim);
        if kind == Kind::Claim && kinds.get(i + 1) == Some(&Some(Kind::Credit)) {
            kind = Kind::Caption;
        }
        if kind == Kind::Claim && source.is_none() && OPINION.iter().any(|o| lower.contains(o)) {
            kind = Kind::Opinion;
        }
        if let Some(src) = &source {
            previous = Some(src.clone());
            if t.trim_end().ends_with(':') {
                block = Some((para_of[i] + 1, src.clone()));
            }
        }
        out.push(Reading {
            start: s.start,
            end: s.end,
            kind,
            verdict: if source.is_some() {
                Verdict::Sourced
            } else {
                Verdict::Unsourced
            },
            source,
            vague,
        });
    }
    out
}

/// Whether a detected source name matches a label: lower-cased, without a leading "the", one
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
        assert_eq!(
            src("Elizabeth Tsurkov, a member of the Foreign Policy Research Institute, noted Syrians were celebrating.").as_deref(),
            Some("Elizabeth Tsurkov")
        );
        assert_eq!(
            src("A senior Pentagon official told Newsweek that both died.").as_deref(),
            Some("Newsweek")
        );
        assert_eq!(
            src("Defense Secretary Mark Esper on Thursday warned in a statement that it ends.")
                .as_deref(),
            Some("Defense Secretary Mark Esper")
        );
    }

    #[test]
    fn according_to_names_the_source_unless_a_speaker_does() {
        assert_eq!(
            src("He was killed on Thursday, according to the US military.").as_deref(),
            Some("US military")
        );
        assert_eq!(
            src("\"They are responsible,\" Ahmed al-Assadi, a spokesman for the group, said in a statement, according to Reuters.").as_deref(),
            Some("Ahmed al-Assadi")
        );
    }

    #[test]
    fn passive_and_vague_attribution() {
        let r = read("The strike is said to have also taken out his second. Lawmakers said nothing new. Others said it was over.");
        assert_eq!(r[0], (Kind::Claim, Verdict::Unsourced, None, true));
        assert_eq!(
            (r[1].1, r[1].3),
            (Verdict::Unsourced, true),
            "role nouns name no one"
        );
        assert_eq!((r[2].1, r[2].3), (Verdict::Unsourced, true));
        assert_eq!(
            src("Footage was shared by Secretary of State Mike Pompeo, as they cheered.")
                .as_deref(),
            Some("Secretary of State Mike Pompeo")
        );
    }

    #[test]
    fn attribution_carries_into_tags_quotes_and_block_quotes() {
        let r = read("“We struck,” the Pentagon said. “We will again,” the statement continued. “More to come.”\n\nThe Jerusalem Post reported that more happened:\n\nHe trained fighters. Israel says he paid them.\n\nNothing else happened.");
        let sources: Vec<Option<&str>> = r.iter().map(|x| x.2.as_deref()).collect();
        assert_eq!(
            sources,
            vec![
                Some("Pentagon"),
                Some("Pentagon"),
                Some("Pentagon"),
                Some("Jerusalem Post"),
                Some("Jerusalem Post"),
                Some("Israel"),
                None
            ]
        );
    }

    #[test]
    fn tweets_chrome_credits_captions_headings_questions() {
        let r = read("Please verify\n\nVIDEO: Iraqi citizens dance in the street\n\nProtesters outside the embassy on Jan 2, 2020.\nCredit: AP\n\nWho was he?\n\nWe won. pic.twitter.com/x — Secretary Pompeo (@SecPompeo) January 3, 2020");
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

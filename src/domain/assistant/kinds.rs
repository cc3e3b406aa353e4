//! Claim or not: what page furniture, headings, credits, bios, lead-ins, questions and opinion
//! in the article's own voice look like; and how check-worthy a claim is.

use super::credits::{is_bio, is_byline, is_credit};
use super::find::{word_count, Phrases};
use super::sentences::is_tweet;
use super::words::{CHROME, CHROME_STARTS, OPINION};
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
    /// A line that announces what follows ("The rankings were as follows:").
    LeadIn,
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
            Kind::LeadIn => "lead-in",
        }
    }
}

/// Social networks, in "Follow us on …" lines.
static SOCIAL: Phrases = Phrases::new(&["facebook", "twitter", "instagram", "tiktok", "youtube"]);

/// Lines that announce what follows.
static LEAD_INS: Phrases = Phrases::new(&[
    "as follows:",
    "include:",
    "includes:",
    "including:",
    "the following:",
    "are:",
    "were:",
    "below:",
    "here's",
    "here is",
    "here are",
]);

/// Amounts: a number's unit or scale.
static AMOUNTS: Phrases = Phrases::new(&[
    "%", "$", "£", "€", "percent", "per cent", "million", "billion", "thousand",
]);

/// Comparisons and change.
static COMPARISONS: Phrases = Phrases::new(&[
    " more ",
    " less ",
    " most ",
    " least ",
    "than ",
    " higher",
    " lower",
    " increase",
    " decrease",
    " rise",
    " fell",
    " doubled",
    "record",
]);

/// Causes.
static CAUSES: Phrases = Phrases::new(&[
    "because",
    "due to",
    "led to",
    "caused",
    "result of",
    "as a result",
    "after ",
]);

/// First and second person (looked for with a space added at both ends).
static PERSONS: Phrases = Phrases::new(&[" i ", " we ", " you ", " my ", " our ", " your "]);

/// Prediction and possibility.
static HEDGES: Phrases = Phrases::new(&[
    " will ", " would ", " could ", " might ", " may ", " should ",
]);

pub fn ends_sentence(t: &str) -> bool {
    let t = t.trim_end_matches(|c: char| {
        matches!(c, '”' | '’' | '"' | '\'' | ')' | ']') || c.is_whitespace()
    });
    t.ends_with(['.', '!', '?', '…', ':', ';'])
}

/// A list line: "1. Finland", "- Item", "• Item".
pub fn is_list_item(t: &str) -> bool {
    let t = t.trim_start();
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    (digits > 0 && digits <= 3 && t[digits..].starts_with(['.', ')']))
        || t.starts_with(['•', '·', '–', '-', '*'])
        || is_dated_line(t)
}

/// A line of a list of dates: "June 9 -- Coral Sky Amphitheatre, West Palm Beach, FL",
/// "Sept. 3: Denver".
fn is_dated_line(t: &str) -> bool {
    let mut words = t.split_whitespace();
    let month = words.next().unwrap_or("").trim_end_matches('.');
    let is_month = super::sentences::MONTHS
        .iter()
        .any(|m| *m == month || month.len() >= 3 && m.starts_with(month));
    let day = words.next().unwrap_or("");
    let digits = day.trim_end_matches([':', ',']);
    let is_day = (1..=2).contains(&digits.len()) && digits.chars().all(|c| c.is_ascii_digit());
    let dash = day.ends_with(':') || matches!(words.next(), Some("--" | "–" | "—" | "-"));
    is_month && is_day && dash
}

/// A lead-in: a line that only announces what follows.
fn is_lead_in(t: &str) -> bool {
    let trimmed = t.trim_end();
    if !trimmed.ends_with(':') {
        return false;
    }
    let lower = fold_case(trimmed);
    let words = word_count(trimmed);
    words <= 5 || LEAD_INS.any_in(&lower)
}

/// A title line: a headline in title case, a shouted headline ("… STOLEN!!!!").
fn is_headline_like(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.len() < 3 {
        return false;
    }
    let caps = words
        .iter()
        .filter(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || c == '$')
        })
        .count();
    let shouted = t.contains("!!");
    (caps * 10 >= words.len() * 8 && words.len() <= 14) || shouted
}

/// "Copyright 2019 Hawaii News Now.", "Copyright (c) …": a copyright notice, not a sentence
/// about copyright ("Copyright law has not kept pace …").
fn copyright_line(lower: &str) -> bool {
    lower.strip_prefix("copyright ").is_some_and(|rest| {
        rest.starts_with(['©', '('])
            || rest.len() >= 4 && rest.as_bytes()[..4].iter().all(u8::is_ascii_digit)
    })
}

/// What a unit is, by itself. `first` is whether it opens the article (a headline there).
pub fn kind_of(t: &str, lower: &str, first: bool) -> Option<Kind> {
    let words = word_count(t);
    if is_credit(t, lower) {
        return Some(Kind::Credit);
    }
    let bare = lower.trim_matches(|c: char| !c.is_alphanumeric());
    if CHROME.contains(&bare)
        || t.starts_with('©')
        || CHROME_STARTS.iter().any(|p| lower.starts_with(p))
        || copyright_line(lower)
        // "Follow NBC Latino on Facebook, Twitter and Instagram."
        || lower.starts_with("follow ") && SOCIAL.any_in(lower)
        || is_bio(t, lower)
        || is_byline(t, lower)
    {
        return Some(Kind::Chrome);
    }
    if is_list_item(t) {
        return None;
    }
    if words <= 3 && !ends_sentence(t) {
        return Some(Kind::Chrome);
    }
    let end = t.trim_end_matches(['”', '’', '"', '\'', ')']);
    if end.ends_with('?') {
        return Some(Kind::Question);
    }
    if is_lead_in(t) {
        return Some(Kind::LeadIn);
    }
    // Too short to say anything checkable: "It failed.", "Here.", "New research investigates."
    // (Not a named speaker's word: "“Amazing,” Davis said.")
    let tagged_quote =
        t.starts_with(['“', '"']) && [" said", " says"].iter().any(|v| lower.contains(v));
    if words <= 3 && !t.chars().any(|c| c.is_ascii_digit()) && !tagged_quote {
        return Some(Kind::Opinion);
    }
    if !ends_sentence(t) && !is_tweet(t) {
        return Some(Kind::Heading);
    }
    if first && is_headline_like(t) {
        return Some(Kind::Heading);
    }
    None
}

/// Whether a unit, in the article's own voice, is opinion, prediction or rhetoric rather than
/// something to check.
pub fn is_opinion(t: &str, lower: &str) -> bool {
    let cues = OPINION.count_in(lower);
    // "should", "need to" weigh less in a sentence about named people or bodies: "The Federal
    // Reserve's decision to cut rates should keep loans cheap" also reports a decision.
    let weak = ["should", "need to", "needs to", "must "];
    let only_weak = cues == 1 && weak.iter().any(|w| lower.contains(w));
    let names = t
        .split_whitespace()
        .skip(1)
        .any(|w| w.chars().next().is_some_and(char::is_uppercase));
    let facts = t.chars().any(|c| c.is_ascii_digit())
        || lower.contains(" said")
        || lower.contains("according to")
        || (only_weak && names);
    cues >= 2 || (cues == 1 && !facts)
}

/// How check-worthy a claim is, 0–100 (after ClaimBuster's classes): numbers, named people and
/// organisations, comparisons and causes raise it; opinion, prediction, questions and first or
/// second person lower it.
/// `opinion`: what [`is_opinion`] says of the unit.
pub fn check_worthiness(t: &str, lower: &str, sourced: bool, opinion: bool) -> u8 {
    let words: Vec<&str> = t.split_whitespace().collect();
    let mut score: i32 = 30;
    if t.chars().any(|c| c.is_ascii_digit()) {
        score += 20;
    }
    if AMOUNTS.any_in(lower) {
        score += 10;
    }
    let names = words
        .iter()
        .skip(1)
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    score += (names.min(4) * 5) as i32;
    if COMPARISONS.any_in(lower) {
        score += 10;
    }
    if CAUSES.any_in(lower) {
        score += 5;
    }
    if sourced {
        score += 5;
    }
    if HEDGES.any_in(lower) {
        score -= 10;
    }
    if opinion {
        score -= 25;
    }
    let padded = format!(" {lower} ");
    if PERSONS.any_in(&padded) {
        score -= 10;
    }
    if words.len() < 6 {
        score -= 15;
    }
    score.clamp(0, 100) as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_bios_credits_and_lead_ins_are_not_claims() {
        for (t, k) in [
            ("Photo by James Martin/CNET", Kind::Credit),
            ("Anthony Wallace / AFP - Getty Images", Kind::Credit),
            (
                "Stella Kim is an NBC News freelance producer based in Seoul.",
                Kind::Chrome,
            ),
            ("Abigail Williams and Beomsu Jo contributed.", Kind::Chrome),
            (
                "Stella Kim reported from Seoul, and Jennifer Jett from Hong Kong.",
                Kind::Chrome,
            ),
            (
                "The overall rankings of the countries were as follows:",
                Kind::LeadIn,
            ),
            ("New launches include:", Kind::LeadIn),
            ("Check it out here.", Kind::Chrome),
            ("Who was he?", Kind::Question),
            ("It failed.", Kind::Opinion),
        ] {
            assert_eq!(kind_of(t, &fold_case(t), false), Some(k), "{t}");
        }
        assert_eq!(kind_of("1. Finland", "1. finland", false), None);
        let date = "June 9 -- Coral Sky Amphitheatre, West Palm Beach, FL";
        assert_eq!(kind_of(date, &fold_case(date), false), None);
        assert_eq!(
            kind_of(
                "$150K Pearl Oscar Dress ... STOLEN!!!!",
                "$150k pearl oscar dress ... stolen!!!!",
                true
            ),
            Some(Kind::Heading)
        );
    }

    #[test]
    fn numbers_and_names_are_worth_checking_opinion_is_not() {
        let worth = |t: &str, sourced| {
            let lower = fold_case(t);
            check_worthiness(t, &lower, sourced, is_opinion(t, &lower))
        };
        let fact = worth(
            "The report found 40% of U.S. children live in poverty, up from 30% in 2010.",
            true,
        );
        let opinion = worth("That is a ridiculous approach.", false);
        assert!(fact > 60 && opinion < 20, "{fact} {opinion}");
    }
}

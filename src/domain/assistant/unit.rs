//! An article cut into units, with what the rules read of each: its text and lower case, its
//! words, which of its characters are quoted, its paragraph and quotation depth, and whether it
//! is a photo credit. Worked out once, before any rule runs.

use super::carry::{quote_depths, Depth};
use super::credits::is_credit;
use super::sentences::sentences;
use super::tokens::{capitalised, quoted, words, Word};
use crate::domain::text::fold_case;
use std::collections::HashSet;

pub(super) struct Units<'a> {
    /// Where each unit starts and ends, in code points.
    pub spans: Vec<(usize, usize)>,
    /// Each unit's paragraph: blank lines separate paragraphs.
    pub para: Vec<usize>,
    pub depths: Vec<Depth>,
    pub texts: Vec<&'a str>,
    pub lowers: Vec<String>,
    pub credits: Vec<bool>,
    pub words: Vec<Vec<Word>>,
    /// For each character of a unit, whether it is quoted.
    pub insides: Vec<Vec<bool>>,
}

impl<'a> Units<'a> {
    pub fn new(text: &'a str) -> Self {
        let chars: Vec<char> = text.chars().collect();
        let spans: Vec<(usize, usize)> = sentences(text).iter().map(|s| (s.start, s.end)).collect();
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
        // Each unit's text, a slice of the article: units come in order, so the byte offsets of
        // their ends are counted in one walk over the characters.
        let (mut at, mut byte) = (0usize, 0usize);
        let mut byte_of = |c: usize| {
            byte += chars[at..c.max(at)]
                .iter()
                .map(|ch| ch.len_utf8())
                .sum::<usize>();
            at = at.max(c);
            byte
        };
        let texts: Vec<&str> = spans
            .iter()
            .map(|&(s, e)| {
                let s = byte_of(s);
                &text[s..byte_of(e)]
            })
            .collect();
        let lowers: Vec<String> = texts.iter().map(|t| fold_case(t)).collect();
        let credits: Vec<bool> = texts
            .iter()
            .zip(&lowers)
            .map(|(t, l)| is_credit(t, l))
            .collect();
        let mut units: Vec<Vec<Word>> = spans.iter().map(|&(s, e)| words(&chars[s..e])).collect();
        sentence_openers(&mut units);
        let insides: Vec<Vec<bool>> = spans.iter().map(|&(s, e)| quoted(&chars[s..e])).collect();
        Units {
            spans,
            para,
            depths,
            texts,
            lowers,
            credits,
            words: units,
            insides,
        }
    }

    pub fn len(&self) -> usize {
        self.spans.len()
    }
}

/// A word capitalised only because it opens a sentence is no name: "Research shows …",
/// "Executives said …", "Highly rated, …". It is one when the article writes it in lower case
/// elsewhere and never capitalised inside a sentence, or when it is an adverb or a participle
/// ("Critically, …", "Cutting costs, …") the article never capitalises inside a sentence.
fn sentence_openers(units: &mut [Vec<Word>]) {
    let mut lower: HashSet<&str> = HashSet::new();
    let mut inner: HashSet<&str> = HashSet::new();
    for ws in units.iter() {
        for (k, w) in ws.iter().enumerate() {
            let c = w.core();
            if c.starts_with(char::is_lowercase) {
                lower.insert(c);
            } else if k > 0 && capitalised(w) {
                inner.insert(c);
            }
        }
    }
    let uncap: Vec<usize> = units
        .iter()
        .enumerate()
        .filter(|(_, ws)| {
            // ("White House", "Rolling Stone": a name goes on into the next word.)
            let name_goes_on = ws.len() > 1 && capitalised(&ws[1]) && !ws[0].ends_clause();
            !name_goes_on
                && ws.first().is_some_and(|w| {
                    let c = w.core();
                    capitalised(w)
                        && !inner.contains(c)
                        && c.chars().skip(1).all(char::is_lowercase)
                        && (lower.contains(w.lower())
                            || c.len() > 4 && (c.ends_with("ly") || c.ends_with("ing")))
                })
        })
        .map(|(i, _)| i)
        .collect();
    for i in uncap {
        units[i][0].not_a_name();
    }
    // A dateline ("WASHINGTON –", "NEW YORK —") places the story; it does not speak.
    for ws in units.iter_mut() {
        let caps = ws
            .iter()
            .take_while(|w| {
                let c = w.core();
                c.len() > 1 && c.chars().all(|x| x.is_uppercase() || x == '.')
            })
            .count();
        let dash = |w: &Word| matches!(w.raw(), "–" | "—" | "-" | "--");
        let dateline = caps > 0
            && ws[..caps].iter().map(|w| w.core().len()).sum::<usize>() >= 4
            && (ws.get(caps).is_some_and(dash) || ws[caps - 1].raw().ends_with(['—', '–']));
        if dateline {
            ws[..caps].iter_mut().for_each(Word::not_a_name);
        }
    }
}

//! Where a verb's clause begins and which words are its subject.

use crate::domain::assistant::tokens::{capitalised, run_after, Word};
use crate::domain::assistant::words::*;

/// Whether a word ends a quotation with its own punctuation: `…,”`, `…?’”`, `…”,`.
pub(super) fn quotation_ends(raw: &str) -> bool {
    let closers = ['”', '"', '’', '\''];
    let bare = raw.trim_end_matches(closers);
    if bare.len() == raw.len() {
        // "…”," : the comma after the quotation (British: "‘… win’, said …", not "players’,").
        let Some(before) = raw.strip_suffix(',').filter(|_| raw.len() > 2) else {
            return false;
        };
        return before.ends_with(['”', '"'])
            || before.ends_with('’') && !before.trim_end_matches('’').ends_with('s');
    }
    raw[bare.len()..].contains(['”', '"', '’']) && bare.ends_with([',', '.', '?', '!', '—'])
}

/// Where the clause of the verb at `i` begins: after the last closing quotation, semicolon,
/// colon or "that" before it.
pub(super) fn clause_start(ws: &[Word], inside: &[bool], i: usize) -> usize {
    let q = |k: usize| inside.get(ws[k].at).copied().unwrap_or(false);
    (0..i)
        .rev()
        .find(|&k| {
            let w = &ws[k];
            // The end of a quotation with its own punctuation ("…,” the AFP reported), not a
            // scare quote ("“fake news” alongside …").
            let quote_end = quotation_ends(w.raw());
            (quote_end || w.raw().ends_with([';', ':']) && !w.raw().starts_with('(')) && !q(k)
                || (k + 1 < ws.len() && q(k) && !q(k + 1) && quote_end)
                // "Audience members laughed when he urged …": the verb's own clause.
                || (k > 0
                    && matches!(
                        w.lower(),
                        "when" | "while" | "because" | "although" | "though" | "until" | "unless"
                    )
                    && !q(k))
                || (w.is("that")
                    && k + 1 < i
                    && k > 0
                    && REPORTING.contains(&ws[k - 1].lower()))
        })
        .map_or(0, |k| k + 1)
}

/// Words that open a phrase in front of the subject ("In his address, Yoon accused …").
fn is_intro(w: &Word) -> bool {
    matches!(
        w.lower(),
        "in" | "on"
            | "at"
            | "after"
            | "before"
            | "during"
            | "since"
            | "earlier"
            | "later"
            // "Days later, …", "Hours after the vote, …".
            | "days"
            | "hours"
            | "weeks"
            | "months"
            | "years"
            | "moments"
            | "minutes"
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
pub(super) fn subject(ws: &[Word], inside: &[bool], i: usize) -> Option<(usize, usize)> {
    let start = clause_start(ws, inside, i);
    let mut end = i;
    // Auxiliaries, adverbs and a time phrase between subject and verb.
    loop {
        if end <= start {
            return None;
        }
        let w = &ws[end - 1];
        let time = WEEKDAYS.contains(&w.lower())
            || matches!(
                w.lower(),
                "night"
                    | "morning"
                    | "evening"
                    | "afternoon"
                    | "week"
                    | "month"
                    | "year"
                    | "today"
                    | "yesterday"
            );
        if BETWEEN.contains(&w.lower()) && !w.ends_clause() {
            end -= 1;
        } else if time && !w.ends_clause() {
            end -= 1;
            if end > start
                && matches!(
                    ws[end - 1].lower(),
                    "on" | "late" | "early" | "last" | "this"
                )
            {
                end -= 1;
            }
        } else {
            break;
        }
    }
    // "In a Tumblr post at the time she described …": after an opening phrase with no comma,
    // a pronoun right before the verb is its subject.
    if end - 1 > start
        && matches!(ws[start].lower(), "in" | "on" | "during")
        && matches!(ws[end - 1].lower(), "he" | "she" | "they")
        && !ws[start..end - 1].iter().any(Word::ends_clause)
    {
        return Some((end - 1, end));
    }
    // "Home Depot (ticker: HD) reported": a parenthesis before the verb is left out (before
    // the commas and colons inside it could cut the subject).
    if ws[end - 1].raw().ends_with(')') {
        if let Some(open) = (start..end).rev().find(|&k| ws[k].raw().starts_with('(')) {
            if open > start {
                end = open;
            }
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
    let appositive = ws[end - 1].raw().ends_with(',') && segments.len() > 1;
    let (a, b) = if appositive {
        segments
            .iter()
            .copied()
            .find(|&(a, b)| !is_intro(&ws[a]) || b == end)
            .unwrap_or((seg_start, end))
    } else {
        (seg_start, end)
    };
    // "The group that owns most of her music, Big Machine, says": a name in apposition to a
    // description is the speaker.
    // ("The company that runs the AMAs, Dick Clark Productions, denies": names inside the
    // description's relative clause do not make it a name.)
    let head_end = (a..b)
        .find(|&k| matches!(ws[k].lower(), "that" | "which" | "who"))
        .unwrap_or(b);
    if appositive && !ws[a..head_end].iter().any(capitalised) {
        let name = segments
            .iter()
            .copied()
            .find(|&(c, d)| c >= b && run_after(ws, c, d).is_some_and(|(x, y)| x == c && y == d));
        if let Some(n) = name {
            return Some(n);
        }
    }
    // "Kurinji Selvaraj, a research analyst at the Council on Energy, Environment and Water
    // think tank told CBS News": an appositive whose closing comma is missing (or whose body's
    // name has commas of its own) leaves the name before it the subject.
    if !appositive {
        let first = segments.iter().position(|&(c, _)| !is_intro(&ws[c]));
        if let Some(j) = first.filter(|&j| j + 1 < segments.len()) {
            let (c, d) = segments[j];
            let (e, f) = segments[j + 1];
            // A name of two words or more ("Privately," "Ukraine," are none), and after the
            // role only the rest of the body's name ("Environment and Water think tank"), not
            // another clause ("…, was arrested Tuesday, police said").
            let name = d >= c + 2 && run_after(ws, c, d).is_some_and(|(x, y)| x == c && y == d);
            let rest_of_name = segments[j + 2..].iter().all(|&(g, _)| capitalised(&ws[g]));
            let role = matches!(ws[e].lower(), "a" | "an")
                && ws[e..f]
                    .iter()
                    .any(|w| ROLES.contains(&w.lower()) || PERSON_ROLES.contains(&w.lower()));
            if name && role && rest_of_name {
                return Some((c, d));
            }
        }
    }
    // Within the segment, the noun phrase ends at the last word (a relative clause or
    // participle after the head is left to `speaker_of`).
    Some((a, b))
}

/// The subject of the whole sentence: its first phrase that is not introductory.
pub(super) fn sentence_subject(ws: &[Word], inside: &[bool], i: usize) -> Option<(usize, usize)> {
    let q = |k: usize| inside.get(ws[k].at).copied().unwrap_or(false);
    let mut a = 0;
    while a < i && (q(a) || is_intro(&ws[a])) {
        // Skip an introductory phrase up to its comma.
        while a < i && !ws[a].ends_clause() {
            a += 1;
        }
        a += 1;
    }
    // "It did not reveal the location and said …": a pronoun is the subject whole.
    if a < i && matches!(ws[a].lower(), "he" | "she" | "it" | "they") {
        return Some((a, a + 1));
    }
    // (It ends at its verb: "Vietnam is one of … in the South China Sea and has accused".)
    let b = (a..i)
        .find(|&k| {
            ws[k].ends_clause()
                || REPORTING.contains(&ws[k].lower())
                || k > a
                    && matches!(
                        ws[k].lower(),
                        "is" | "are" | "was" | "were" | "has" | "have" | "had" | "will" | "would"
                    )
        })
        .map_or(i, |k| if ws[k].ends_clause() { k + 1 } else { k });
    // "Jane Roe met Bob Smith on Monday and said …": a name opening the sentence is its
    // subject whole (not "Jane Roe's lawyer", "Acme Inc. officials").
    let b = match run_after(ws, a, b) {
        Some((x, y)) if x == a && y < b && !ws[y - 1].possessive() => {
            let next = ws[y].lower();
            let head = modified_noun(next);
            // (Followed by its verb: not "Health care providers", nor a title cut off: "Rep.
            // David McKinley".)
            let verb = next.ends_with("ed")
                || next.ends_with('s') && !next.ends_with("ss")
                || next.starts_with("did")
                || PAST_AND_MODAL.contains(&next);
            let title = TITLES.contains(&ws[y - 1].core()) || TITLES.contains(&ws[y - 1].raw());
            // (Not a verb of a relative clause after the name: "Jane Roe met Bob Smith, who was
            // elected in 2020 and said …".)
            let relative = (y..i).any(|k| matches!(ws[k].lower(), "who" | "which" | "whom"));
            if head || q(y) || !verb || title || relative {
                b
            } else {
                y
            }
        }
        _ => b,
    };
    (a < b).then_some((a, b))
}

/// The name that opens the sentence's subject ("Yet Sondland has …", "In a statement, Dr. Ana
/// Ruiz said …"), if its subject starts with one.
pub fn subject_name(ws: &[Word], inside: &[bool]) -> Option<(usize, usize)> {
    let (a, b) = sentence_subject(ws, inside, ws.len())?;
    let (x, y) = run_after(ws, a, b)?;
    // Only a name at the head of the subject: not "The decision by Trump".
    let lead = (a..x).all(|k| TITLES.contains(&ws[k].core()) || ws[k].is("yet"));
    let possessive = ws[y - 1].possessive();
    // The name is the head, not a modifier: "South Korean lawmakers", "Vidyard CEO".
    let modifier = !ws[y - 1].ends_clause() && ws.get(y).is_some_and(|w| modified_noun(w.lower()));
    (lead && !possessive && !modifier).then_some((x, y))
}

/// A noun a name before it only modifies: "South Korean lawmakers", "Vidyard CEO", "Acme Inc.
/// officials", "Pentagon documents".
fn modified_noun(l: &str) -> bool {
    GROUPS.contains(&l) || ROLES.contains(&l) || ORG_NOUNS.contains(&l) || DOC_NOUNS.contains(&l)
}

/// Whether the verb of saying at `i` (its subject ending at `verb_at`) is not what the
/// sentence asserts: in a subordinate clause ("Audience members laughed when he urged …"), an
/// opening one ("If it seemed like Trump had written …, it's because …"), a relative clause
/// ("what the scientists determined") or a comparison ("as many cases as they had reported").
pub(super) fn not_asserted(
    ws: &[Word],
    inside: &[bool],
    i: usize,
    verb_at: usize,
    subject: Option<(usize, usize)>,
    after_comma: bool,
) -> bool {
    let q = |w: &Word| inside.get(w.at).copied().unwrap_or(false);
    // (Not a quotation's last word: "“It is hard, though,” Suter said.")
    // (Not a tag after the subordinate clause's own comma: "… while searching the car,
    // officers located marijuana, Harris said.")
    let start = clause_start(ws, inside, verb_at);
    let tag_after_comma = match subject {
        None => after_comma,
        Some((a, _)) => a > start && ws[a - 1].ends_clause(),
    };
    let subordinate = start >= 1
        && !tag_after_comma
        && matches!(
            ws[start - 1].lower(),
            "when" | "while" | "because" | "although" | "though" | "until" | "unless" | "if"
        )
        && !q(&ws[start - 1])
        && !quotation_ends(ws[start - 1].raw());
    // (A sentence that opens with a subordinate clause asserts what follows its comma.)
    let opening_clause = matches!(ws[0].lower(), "if" | "while" | "although" | "though")
        && !q(&ws[0])
        && !(0..i).any(|k| ws[k].ends_clause())
        && ws[i..].iter().any(Word::ends_clause);
    let relative = subject.is_some_and(|(a, b)| {
        a > 0 && matches!(ws[a - 1].lower(), "what" | "which" | "whom")
            // "… keeps in place a leader who has declared his intention to …": the clause
            // tells who the leader is; the sentence asserts what keeps him.
            // ("It was Smith who said …" is Smith's.)
            || b > a + 1
                && ws[b - 1].is("who")
                && !ws[b - 2].ends_clause()
                && !capitalised(&ws[b - 2])
            || a > 1 && ws[a - 1].is("as") && (a.saturating_sub(6)..a - 1).any(|k| ws[k].is("as"))
    });
    subordinate || opening_clause || relative
}

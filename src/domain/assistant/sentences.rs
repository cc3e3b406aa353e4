//! Splitting news text into sentences (units a claim can be), robustly for web articles:
//! abbreviations and initials do not end sentences; a quotation that spans sentences stays one
//! unit with its tag; an embedded tweet ("… pic.twitter.com/x — Name (@handle) January 3, 2020")
//! is one unit; every line of page chrome, captions and credits is its own unit.

use super::words::ABBREVIATIONS;

/// A sentence: code-point offsets into the text, trimmed of white space.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

pub const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn is_open_quote(c: char) -> bool {
    matches!(c, '“' | '‘' | '"' | '\'' | '(' | '[')
}

fn is_close(c: char) -> bool {
    matches!(c, '”' | '’' | '"' | '\'' | ')' | ']')
}

/// Whether a line is an embedded tweet: it ends with "— Name (@handle) Month D, YYYY".
pub fn is_tweet(line: &str) -> bool {
    let line = line.trim_end();
    let Some(at) = line.rfind("(@") else {
        return false;
    };
    let after = &line[at..];
    let Some(close) = after.find(')') else {
        return false;
    };
    let date = after[close + 1..].trim();
    let mut words = date.split_whitespace();
    let month_ok = words.next().is_some_and(|m| MONTHS.contains(&m));
    let day_ok = words
        .next()
        .is_some_and(|d| d.trim_end_matches(',').chars().all(|c| c.is_ascii_digit()));
    let year_ok = words
        .next()
        .is_some_and(|y| y.len() == 4 && y.chars().all(|c| c.is_ascii_digit()));
    month_ok && day_ok && year_ok && line[..at].contains('—')
}

/// For each character, whether it lies inside a quotation that closes on the same line (curly
/// quotes nest; straight double quotes pair up left to right).
pub fn quoted(chars: &[char]) -> Vec<bool> {
    let n = chars.len();
    let mut inside = vec![false; n];
    let mut open_at: Vec<usize> = Vec::new();
    // Single quotation marks, as British papers write them ("‘We will win,’ said Southgate"):
    // an opening mark at a word's start; a closing one after the quotation's own punctuation
    // or before a comma or full stop (not an apostrophe: "the players’ union", "don’t").
    let mut single_at: Option<usize> = None;
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '\n' => {
                open_at.clear();
                single_at = None;
            }
            '“' => open_at.push(i),
            '”' => {
                if let Some(o) = open_at.pop() {
                    for x in inside.iter_mut().take(i).skip(o + 1) {
                        *x = true;
                    }
                }
            }
            '‘' if open_at.is_empty() && single_opens(chars, i) => single_at = Some(i),
            '’' if single_at.is_some() && single_closes(chars, i) => {
                let o = single_at.take().unwrap_or(i);
                for x in inside.iter_mut().take(i).skip(o + 1) {
                    *x = true;
                }
            }
            _ => {}
        }
    }
    let straight: Vec<usize> = (0..n).filter(|&i| chars[i] == '"').collect();
    for pair in straight.chunks(2) {
        if let [a, b] = *pair {
            for x in inside.iter_mut().take(b).skip(a + 1) {
                *x = true;
            }
        }
    }
    inside
}

/// Whether the ‘ at `i` opens a quotation: at a word's start.
pub fn single_opens(chars: &[char], i: usize) -> bool {
    (i.checked_sub(1).and_then(|k| chars.get(k)))
        .is_none_or(|p| p.is_whitespace() || "(—–“".contains(*p))
}

/// Whether the ’ at `i` can close a quotation opened with ‘: after the quotation's own
/// punctuation, or before a comma or stop (an apostrophe is neither: "the players’ union").
pub fn single_closes(chars: &[char], i: usize) -> bool {
    let prev = i.checked_sub(1).and_then(|k| chars.get(k).copied());
    let next = chars.get(i + 1).copied();
    prev.is_some_and(|p| ",.?!".contains(p))
        || next.is_none_or(|n| ",.;:?!".contains(n) || n == '\n') && prev.is_some_and(|p| p != 's')
}

/// The word just before position `i` (exclusive) in `chars`: letters, digits and inner dots.
fn word_before(chars: &[char], i: usize) -> String {
    let mut j = i;
    while j > 0 && (chars[j - 1].is_alphanumeric() || chars[j - 1] == '.') {
        j -= 1;
    }
    chars[j..i].iter().collect()
}

/// Whether a period at `i` ends its word without ending the sentence.
fn is_abbreviation(chars: &[char], i: usize) -> bool {
    let word = word_before(chars, i);
    let word = word.trim_start_matches('.');
    if word.is_empty() {
        return false;
    }
    // Initials ("J.") and dotted abbreviations ("U.S", "a.m", "Ph.D").
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return true;
    }
    if word.contains('.') {
        return true;
    }
    ABBREVIATIONS.contains(&word)
}

/// Words that begin sentences: after a dotted abbreviation ("… in the U.S. The …"), one of
/// these means the sentence ended on the abbreviation.
const STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "But",
    "And",
    "In",
    "This",
    "That",
    "There",
    "His",
    "Her",
    "Their",
    "Its",
    "On",
    "At",
    "As",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "Some",
    "Many",
    "Most",
    "Officials",
    "Police",
    "Now",
    "Still",
    "Yet",
    "So",
];

/// Whether what follows a period glued to the next word ("Thursday.Anthony Wallace / AFP") is
/// a photo credit: then the caption ends there.
fn credit_follows(rest: &[char]) -> bool {
    let s: String = rest.iter().collect();
    s.contains(" / ") || s.contains("Getty") || s.contains("Reuters") || s.contains("AP Photo")
}

/// Sentence spans of one line (`offset`: its first code point in the text).
fn split_line(chars: &[char], offset: usize, out: &mut Vec<Span>) {
    let n = chars.len();
    let line: String = chars.iter().collect();
    let push = |s: usize, e: usize, out: &mut Vec<Span>| {
        let mut s = s;
        let mut e = e;
        while s < e && chars[s].is_whitespace() {
            s += 1;
        }
        while e > s && chars[e - 1].is_whitespace() {
            e -= 1;
        }
        // A unit of punctuation alone (a lone ellipsis between sentences) is no sentence.
        if chars[s..e].iter().any(|c| c.is_alphanumeric()) {
            out.push(Span {
                start: offset + s,
                end: offset + e,
            });
        }
    };
    if is_tweet(&line) {
        push(0, n, out);
        return;
    }
    let mut start = 0;
    // A time stamp that heads an update ("12:00 PM PT -- Sheriff's deputies …") is a unit.
    if let Some(dash) = line.find(" -- ") {
        let head = &line[..dash];
        let words: Vec<&str> = head.split_whitespace().collect();
        let clock = words
            .first()
            .is_some_and(|w| w.contains(':') && w.chars().all(|c| c.is_ascii_digit() || c == ':'));
        if clock && words.len() <= 4 {
            let end = line[..dash + 3].chars().count();
            push(0, end, out);
            start = end;
        }
    }
    let mut i = start;
    while i < n {
        let c = chars[i];
        // "..." within a line joins (a tabloid's connector), it does not end a sentence.
        if c == '.' && chars.get(i + 1) == Some(&'.') && chars.get(i + 2) == Some(&'.') {
            i += 3;
            continue;
        }
        let terminal = matches!(c, '.' | '!' | '?' | '…');
        if !terminal {
            i += 1;
            continue;
        }
        // Swallow runs of terminators and closing quotes/brackets.
        let mut j = i + 1;
        while j < n && (matches!(chars[j], '.' | '!' | '?' | '…') || is_close(chars[j])) {
            j += 1;
        }
        if j < n && !chars[j].is_whitespace() {
            if c == '.' && chars[j].is_uppercase() && credit_follows(&chars[j..]) {
                push(start, j, out);
                start = j;
            }
            i = j; // "pic.twitter.com", "3.5", "U.S.-designated"
            continue;
        }
        let mut k = j;
        while k < n && chars[k].is_whitespace() {
            k += 1;
        }
        let next = chars.get(k).copied();
        let next_next = chars.get(k + 1).copied();
        let starts_sentence = match next {
            None => true,
            Some(ch) if ch.is_uppercase() || ch.is_ascii_digit() => true,
            Some(ch) if is_open_quote(ch) => next_next.is_some_and(|x| x.is_uppercase()),
            Some('…') => true,
            _ => false,
        };
        // "1. Finland": a list marker at the start of a line.
        let marker = c == '.'
            && j == i + 1
            && chars[..i]
                .iter()
                .all(|ch| ch.is_ascii_digit() || ch.is_whitespace())
            && i > 0;
        let abbreviation = marker || c == '.' && j == i + 1 && is_abbreviation(chars, i);
        // A dotted abbreviation can end a sentence: when a sentence starter follows.
        let ends_anyway = abbreviation && word_before(chars, i).contains('.') && {
            let next_word: String = chars[k..]
                .iter()
                .take_while(|c| c.is_alphabetic())
                .collect();
            STARTERS.contains(&next_word.as_str())
        };
        if starts_sentence && (!abbreviation || ends_anyway) {
            push(start, j, out);
            start = j;
        }
        i = j;
    }
    push(start, n, out);
}

/// The sentences of a text, in order. Lines are never joined: a caption, credit or chrome line
/// is a unit of its own.
pub fn sentences(text: &str) -> Vec<Span> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut line_start = 0;
    for i in 0..=chars.len() {
        if i == chars.len() || chars[i] == '\n' {
            if i > line_start {
                split_line(&chars[line_start..i], line_start, &mut out);
            }
            line_start = i + 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        sentences(text)
            .into_iter()
            .map(|s| chars[s.start..s.end].iter().collect())
            .collect()
    }

    #[test]
    fn plain_sentences_split_at_terminal_punctuation() {
        assert_eq!(
            split("One thing happened. Another did! Did it? Yes."),
            vec!["One thing happened.", "Another did!", "Did it?", "Yes."]
        );
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        assert_eq!(
            split("Maj. Gen. Qassem Soleimani met Sen. Lindsey Graham on Jan. 2 in the U.S. Embassy. J. R. Smith left."),
            vec![
                "Maj. Gen. Qassem Soleimani met Sen. Lindsey Graham on Jan. 2 in the U.S. Embassy.",
                "J. R. Smith left."
            ]
        );
        assert_eq!(
            split("It was a U.S.-designated group. It said so."),
            vec!["It was a U.S.-designated group.", "It said so."]
        );
    }

    #[test]
    fn quotations_split_at_their_sentence_ends() {
        assert_eq!(
            split("“We struck. We will strike again,” the statement continued. Then nothing."),
            vec![
                "“We struck.",
                "We will strike again,” the statement continued.",
                "Then nothing."
            ]
        );
        assert_eq!(
            split("\"It is over. Done,\" Esper said. \"We urge calm.\""),
            vec!["\"It is over.", "Done,\" Esper said.", "\"We urge calm.\""]
        );
    }

    #[test]
    fn connectors_time_stamps_glued_credits_and_abbreviations_at_the_end() {
        assert_eq!(
            split("It was stolen ... TMZ has learned. It's valued at $150,000."),
            vec![
                "It was stolen ... TMZ has learned.",
                "It's valued at $150,000."
            ]
        );
        assert_eq!(
            split("12:00 PM PT -- Deputies were there. We know."),
            vec!["12:00 PM PT --", "Deputies were there.", "We know."]
        );
        assert_eq!(
            split("A rally in Seoul on Thursday.Anthony Wallace / AFP - Getty Images"),
            vec![
                "A rally in Seoul on Thursday.",
                "Anthony Wallace / AFP - Getty Images"
            ]
        );
        assert_eq!(
            split("It rose in the U.S. The rest fell at 9 p.m. on Friday."),
            vec!["It rose in the U.S.", "The rest fell at 9 p.m. on Friday."]
        );
    }

    #[test]
    fn a_quotation_that_ends_with_its_sentence_ends_the_sentence() {
        assert_eq!(
            split("But the U.S. “warned the leadership of the plan.” A similar report claimed so."),
            vec![
                "But the U.S. “warned the leadership of the plan.”",
                "A similar report claimed so."
            ]
        );
    }

    #[test]
    fn an_embedded_tweet_is_one_unit() {
        let t = "Iraqis — Iraqis — dancing in the street for freedom; thankful that General Soleimani is no more. pic.twitter.com/huFcae3ap4 — Secretary Pompeo (@SecPompeo) January 3, 2020";
        assert_eq!(split(t), vec![t]);
        let two = "First sentence of a tweet. Second one. pic.twitter.com/x — Elizabeth Tsurkov (@Elizrael) January 3, 2020";
        assert!(is_tweet(two));
        assert_eq!(split(two).len(), 1);
    }

    #[test]
    fn lines_are_units_and_lone_ellipses_vanish() {
        assert_eq!(
            split("Please verify\n\nWatch LIVE\nA caption here. Credit: AP\n\nOne. … Two."),
            vec![
                "Please verify",
                "Watch LIVE",
                "A caption here.",
                "Credit: AP",
                "One.",
                "Two."
            ]
        );
    }

    #[test]
    fn spans_are_code_point_offsets() {
        let text = "😀 Emoji first. Second “quote” here.";
        let s = sentences(text);
        let chars: Vec<char> = text.chars().collect();
        assert_eq!(s[1].start, "😀 Emoji first. ".chars().count());
        assert_eq!(
            chars[s[1].start..s[1].end].iter().collect::<String>(),
            "Second “quote” here."
        );
    }
}

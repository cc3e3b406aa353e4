//! Splitting news text into sentences (units a claim can be), robustly for web articles:
//! abbreviations and initials do not end sentences; a quotation that spans sentences stays one
//! unit with its tag; an embedded tweet ("… pic.twitter.com/x — Name (@handle) January 3, 2020")
//! is one unit; every line of page chrome, captions and credits is its own unit.

/// A sentence: code-point offsets into the text, trimmed of white space.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// Words that end with a period without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Maj", "Lt", "Col", "Sgt", "Capt", "Adm", "Cmdr",
    "Sen", "Rep", "Gov", "Pres", "Amb", "Rev", "St", "Ave", "Jr", "Sr", "Inc", "Corp", "Co", "Ltd",
    "No", "vs", "etc", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
    "Nov", "Dec", "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Frid", "Sat", "Sun",
    "approx", "est", "Fig",
];

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
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '\n' => open_at.clear(),
            '“' => open_at.push(i),
            '”' => {
                if let Some(o) = open_at.pop() {
                    for x in inside.iter_mut().take(i).skip(o + 1) {
                        *x = true;
                    }
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
    // Initials ("J.") and dotted abbreviations ("U.S", "a.m").
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return true;
    }
    if word.contains('.') {
        return true;
    }
    ABBREVIATIONS.contains(&word)
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
    let inside = quoted(chars);
    let mut start = 0;
    let mut i = 0;
    while i < n {
        let c = chars[i];
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
        // Inside a quotation only the sentence that ends it can end here: “… the plan.” A …
        if inside[i] && inside[j - 1] {
            i += 1;
            continue;
        }
        if j < n && !chars[j].is_whitespace() {
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
        let abbreviation = c == '.' && j == i + 1 && is_abbreviation(chars, i);
        if starts_sentence && !abbreviation {
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
    fn quotations_spanning_sentences_stay_whole_with_their_tag() {
        assert_eq!(
            split("“We struck. We will strike again,” the statement continued. Then nothing."),
            vec![
                "“We struck. We will strike again,” the statement continued.",
                "Then nothing."
            ]
        );
        assert_eq!(
            split("\"It is over. Done,\" Esper said. \"We urge calm.\""),
            vec!["\"It is over. Done,\" Esper said.", "\"We urge calm.\""]
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

//! Words of a unit with where they stand, whether they are inside a quotation, and runs of
//! capitalised words that make names.

use std::rc::Rc;

use super::words::{NOT_NAMES, ORG_NOUNS, PEOPLES, TITLES};

/// A word of a unit: as written, its core and the core in lower case, as ranges of one buffer
/// the unit's words share (an article of a million characters has some 170,000 words: one
/// allocation a unit, not three a word).
pub struct Word {
    buf: Rc<str>,
    /// raw is `start..core_at`, core `core_at..lower_at`, lower `lower_at..end`.
    start: u32,
    core_at: u32,
    lower_at: u32,
    end: u32,
    /// Index of the word's first letter in the unit (after an opening quote mark).
    pub at: usize,
    /// Whether it can be part of a name (worked out once: see [`capitalised`]).
    cap: bool,
}

impl Word {
    /// As written, with its punctuation.
    #[inline]
    pub fn raw(&self) -> &str {
        &self.buf[self.start as usize..self.core_at as usize]
    }

    /// Without surrounding punctuation, a possessive "'s" and a final period.
    #[inline]
    pub fn core(&self) -> &str {
        &self.buf[self.core_at as usize..self.lower_at as usize]
    }

    /// `core` in lower case.
    #[inline]
    pub fn lower(&self) -> &str {
        &self.buf[self.lower_at as usize..self.end as usize]
    }

    /// Whether the word, as written, ends its clause: a comma, semicolon, colon or dash.
    pub fn ends_clause(&self) -> bool {
        let raw = self.raw();
        raw.ends_with([',', ';', ':', '—', '–']) || raw == "--" || raw == "—"
    }

    /// Whether a name can run on past this word: not after a clause's end or a closing
    /// quotation mark ("…in Scotland,” Steenburgen said": two names).
    fn ends_name(&self) -> bool {
        self.ends_clause() || self.raw().ends_with(['”', '"'])
    }

    /// Whether the word opens a quotation (a name cannot run on into it).
    pub fn opens_quote(&self) -> bool {
        self.raw().starts_with(['“', '"', '‘'])
    }

    /// Makes a word capitalised only because it opens a sentence no part of a name.
    pub(super) fn not_a_name(&mut self) {
        self.cap = false;
    }

    /// Whether the word, as written, is a possessive ("Ahmado's", "Trump’s").
    pub fn possessive(&self) -> bool {
        let raw = self.raw();
        raw.ends_with("'s") || raw.ends_with("’s")
    }

    #[inline]
    pub fn is(&self, lower: &str) -> bool {
        self.lower() == lower
    }
}

/// A word's core: without surrounding punctuation, a possessive "'s" and a final period.
fn core_of(raw: &str) -> &str {
    raw.trim_matches(|c: char| {
        !(c.is_alphanumeric() || c == '.' || c == '-' || c == '\'' || c == '’')
    })
    .trim_end_matches('.')
    .trim_end_matches("'s")
    .trim_end_matches("’s")
    .trim_matches(|c: char| c == '\'' || c == '’')
}

pub fn words(chars: &[char]) -> Vec<Word> {
    // Every word's raw text, core and lower case go into one buffer; the words keep ranges.
    let mut buf = String::with_capacity(chars.len() * 3);
    // (start, core_at, lower_at, end, at, cap) of each word.
    let mut spans: Vec<(u32, u32, u32, u32, usize, bool)> = Vec::with_capacity(chars.len() / 5);
    let mut i = 0;
    while i < chars.len() {
        while i < chars.len() && chars[i].is_whitespace() {
            i += 1;
        }
        let first = i;
        while i < chars.len() && !chars[i].is_whitespace() {
            i += 1;
        }
        if first == i {
            continue;
        }
        let at = (first..i)
            .find(|&k| chars[k].is_alphanumeric())
            .unwrap_or(first);
        let start = buf.len();
        buf.extend(&chars[first..i]);
        let raw_end = buf.len();
        let core = core_of(&buf[start..raw_end]);
        let (core_start, core_len) = (core.as_ptr() as usize - buf.as_ptr() as usize, core.len());
        let cap = can_be_name(core);
        let needs_folding = core.bytes().any(|b| !b.is_ascii_lowercase());
        // The core again, then its lower case.
        buf.extend_from_within(core_start..core_start + core_len);
        let lower_at = buf.len();
        if needs_folding {
            let folded = crate::domain::text::fold_case(&buf[raw_end..lower_at]);
            buf.push_str(&folded);
        } else {
            buf.extend_from_within(raw_end..lower_at);
        }
        spans.push((
            start as u32,
            raw_end as u32,
            lower_at as u32,
            buf.len() as u32,
            at,
            cap,
        ));
    }
    let buf: Rc<str> = Rc::from(buf);
    spans
        .into_iter()
        .map(|(start, core_at, lower_at, end, at, cap)| Word {
            buf: Rc::clone(&buf),
            start,
            core_at,
            lower_at,
            end,
            at,
            cap,
        })
        .collect()
}

/// For each character, whether it lies inside a quotation that closes in the same unit or
/// line (curly quotes nest; straight double quotes pair up left to right).
pub fn quoted(chars: &[char]) -> Vec<bool> {
    super::sentences::quoted(chars)
}

/// Whether a word can be part of a name.
pub fn capitalised(w: &Word) -> bool {
    w.cap
}

fn can_be_name(c: &str) -> bool {
    let Some(first) = c.chars().next() else {
        return false;
    };
    // The shape first (most words are lower case), the lists only for capitalised words.
    let shaped = first.is_uppercase()
        || ((c.starts_with("al-") || c.starts_with("el-"))
            && c.chars().nth(3).is_some_and(char::is_uppercase))
        || first.is_ascii_digit() && c.chars().any(char::is_alphabetic) && c.len() <= 4;
    // ("Fifty-one percent": a number, whatever follows its hyphen.)
    let before_hyphen = c.split('-').next().unwrap_or(c);
    shaped
        && !NOT_NAMES.contains(&c)
        && !NOT_NAMES.contains(&before_hyphen)
        && !PEOPLES.contains(&c)
        && !super::sentences::MONTHS.contains(&c)
}

/// Whether a people's word goes with the name after it: the name of a body ("European Space
/// Agency", "American Farm Bureau Federation"), not of a person ("German Chancellor Angela
/// Merkel" is Angela Merkel).
fn people_of_body(ws: &[Word], before: usize, b: usize) -> bool {
    PEOPLES.contains(&ws[before].core())
        && !ws[before].ends_name()
        && ORG_NOUNS.contains(&ws[b - 1].lower().trim_end_matches(['.', ',']))
}

/// Words of a body's name that take "of the" or "for the" after them: "Office of the
/// Inspector General", "People for the Ethical Treatment of Animals" (not "Wee of the Times").
const ORG_HEADS: &[&str] = &[
    "office",
    "department",
    "ministry",
    "bureau",
    "institute",
    "museum",
    "church",
    "society",
    "people",
    "friends",
    "bank",
    "university",
    "college",
    "school",
    "council",
    "court",
    "commission",
    "committee",
    "board",
    "agency",
    "center",
    "centre",
    "house",
    "league",
    "association",
    "federation",
    "union",
    "party",
    "army",
    "academy",
    "foundation",
    "fund",
];

/// Small words inside names: "Center on Poverty and Inequality", "Bank of England", "de la".
fn joins_name(w: &Word) -> bool {
    matches!(
        w.lower(),
        "of" | "on" | "for" | "and" | "de" | "la" | "du" | "van" | "von" | "bin" | "al" | "&"
    )
}

/// Joins `ws[a..b]` into a name: the words as written, without outer punctuation, a leading
/// "the", or titles before a person's name ("Secretary of State Mike Pompeo": Mike Pompeo).
pub fn name(ws: &[Word], a: usize, b: usize) -> String {
    let mut a = a;
    // A run that opens with a parenthesis ("(CNN) President Donald Trump"): what follows it.
    if ws[a].raw().starts_with('(') {
        if let Some(k) = (a..b).find(|&k| ws[k].raw().contains(')')) {
            if k + 1 < b {
                a = k + 1;
            }
        }
    }
    // Titles go only when a person's name follows them: "Defense Department" and "Foreign
    // Ministry" keep theirs.
    let organisation = ws[a..b]
        .last()
        .is_some_and(|w| ORG_NOUNS.contains(&w.lower().trim_end_matches(['.', ','])));
    let title = |w: &Word| TITLES.contains(&w.core()) || TITLES.contains(&w.raw());
    // ("U.S. Attorney Nealy Cox": a country's abbreviation before a title goes with it.)
    let country = |k: usize| ws[k].core().contains('.') && k + 1 < b && title(&ws[k + 1]);
    // ("Sacramento-based McClatchy": where it is based is no part of its name.)
    let based = |w: &Word| w.lower().ends_with("-based");
    while !organisation && a + 1 < b && (title(&ws[a]) || country(a)) || a + 1 < b && based(&ws[a])
    {
        a += 1;
    }
    // ("Rep. Robert Aderholt (R-AL)": the party and state are no part of the name.)
    let b = if b > a + 1 && party_and_state(ws[b - 1].raw()) {
        b - 1
    } else {
        b
    };
    let s = ws[a..b]
        .iter()
        .map(|w| w.raw())
        .collect::<Vec<_>>()
        .join(" ");
    let s = s.trim_matches(|c: char| !(c.is_alphanumeric() || c == '.' || c == ')'));
    let s = s
        .strip_suffix('.')
        .filter(|x| !x.ends_with(|c: char| c.is_uppercase()))
        .unwrap_or(s);
    let s = s.trim_end_matches("'s").trim_end_matches("’s");
    let s = s
        .strip_prefix("the ")
        .or_else(|| s.strip_prefix("The "))
        .unwrap_or(s);
    s.to_owned()
}

/// "(R-AL)", "(D-N.Y.),", "(R-Ala.)": a US legislator's party and state after their name.
fn party_and_state(w: &str) -> bool {
    let Some(inner) = (w.trim_end_matches([',', '.', ';', ':']).strip_prefix('('))
        .and_then(|x| x.strip_suffix(')'))
    else {
        return false;
    };
    let Some((party, state)) = inner.split_once(['-', '–']) else {
        return false;
    };
    // ("NY", "N.Y.", "Ala.", "Alaska": the state as AP or the postal service writes it.)
    matches!(party, "D" | "R" | "I")
        && (2..=8).contains(&state.len())
        && state.starts_with(|c: char| c.is_ascii_uppercase())
        && state.chars().all(|c| c.is_ascii_alphabetic() || c == '.')
}

/// The run of name words ending at or before `end` (exclusive), scanning back to `from`.
pub fn run_before(ws: &[Word], from: usize, end: usize) -> Option<(usize, usize)> {
    let mut b = end;
    while b > from && !capitalised(&ws[b - 1]) {
        b -= 1;
    }
    if b == from {
        return None;
    }
    let mut a = b - 1;
    while a > from {
        if ws[a].opens_quote() {
            break;
        }
        if capitalised(&ws[a - 1]) && !ws[a - 1].ends_name() {
            a -= 1;
        } else if joins_name(&ws[a - 1])
            && a >= from + 2
            && capitalised(&ws[a - 2])
            && !ws[a - 2].ends_name()
        {
            a -= 2;
        } else {
            break;
        }
    }
    if a > from && people_of_body(ws, a - 1, b) {
        a -= 1;
    }
    Some((a, b))
}

/// The run of name words starting at or after `start`, before `limit`.
pub fn run_after(ws: &[Word], start: usize, limit: usize) -> Option<(usize, usize)> {
    let mut a = start;
    while a < limit && !capitalised(&ws[a]) {
        a += 1;
    }
    if a >= limit {
        return None;
    }
    let mut b = a + 1;
    while b < limit {
        let prev = &ws[b - 1];
        if prev.ends_name()
            || ws[b].opens_quote()
            || (prev.raw().ends_with('.') && !prev.core().contains('.') && prev.core().len() > 2)
        {
            break;
        }
        if capitalised(&ws[b]) {
            b += 1;
        } else if joins_name(&ws[b]) && b + 1 < limit && capitalised(&ws[b + 1]) {
            b += 2;
        } else if joins_name(&ws[b])
            && ws[b].lower() != "and"
            && ORG_HEADS.contains(&ws[b - 1].lower())
            && b + 2 < limit
            && ws[b + 1].is("the")
            && capitalised(&ws[b + 2])
        {
            // "People for the Ethical Treatment of Animals", "Office of the Inspector General".
            b += 3;
        } else {
            break;
        }
    }
    let a = if a > start && people_of_body(ws, a - 1, b) {
        a - 1
    } else {
        a
    };
    Some((a, b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ws(s: &str) -> Vec<Word> {
        words(&s.chars().collect::<Vec<_>>())
    }

    #[test]
    fn names_join_their_small_words_and_drop_titles() {
        let w = ws("a report by Stanford University's Center on Poverty and Inequality calls");
        let (a, b) = run_after(&w, 3, w.len()).unwrap();
        assert_eq!(
            name(&w, a, b),
            "Stanford University's Center on Poverty and Inequality"
        );
        let w = ws("Secretary of State Mike Pompeo wrote");
        let (a, b) = run_before(&w, 0, 5).unwrap();
        assert_eq!(name(&w, a, b), "Mike Pompeo");
        let w = ws("the Pentagon said");
        assert_eq!(name(&w, 1, 2), "Pentagon");
    }
}

//! Text and offsets.
//!
//! The domain counts positions in Unicode code points, the unit of the W3C Web Annotation
//! `TextPositionSelector`. Rust strings index by UTF-8 byte and the DOM by UTF-16 code unit;
//! conversions happen only here, at the edges.

/// How to treat a UTF-16 offset that falls between the two halves of a surrogate pair.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Round {
    /// Count the split character as not yet reached (use for range starts).
    Down,
    /// Count the split character as passed (use for range ends).
    Up,
}

/// Length of `s` in code points.
pub fn cp_len(s: &str) -> usize {
    s.chars().count()
}

/// The code-point offset that UTF-16 offset `units` into `s` denotes. Offsets past the end clamp
/// to the end.
pub fn utf16_to_cp(s: &str, units: usize, round: Round) -> usize {
    let mut seen = 0usize;
    for (cp, ch) in s.chars().enumerate() {
        if seen >= units {
            return cp;
        }
        let next = seen + ch.len_utf16();
        if next > units {
            // `units` points into the middle of a surrogate pair.
            return match round {
                Round::Down => cp,
                Round::Up => cp + 1,
            };
        }
        seen = next;
    }
    cp_len(s)
}

/// The UTF-16 offset of code-point offset `cp` in `s`, clamped to the end.
pub fn cp_to_utf16(s: &str, cp: usize) -> usize {
    s.chars().take(cp).map(char::len_utf16).sum()
}

/// A text with a code-point index, so that code-point slicing is O(1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndexedText {
    text: String,
    /// Byte offset of every code point, plus one entry for the end.
    bytes: Vec<u32>,
}

impl IndexedText {
    pub fn new(text: impl Into<String>) -> Self {
        let text = text.into();
        let mut bytes: Vec<u32> = text.char_indices().map(|(b, _)| b as u32).collect();
        bytes.push(text.len() as u32);
        Self { text, bytes }
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Length in code points.
    pub fn len(&self) -> usize {
        self.bytes.len() - 1
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Byte offset of code point `cp`, clamped to the end.
    pub fn byte(&self, cp: usize) -> usize {
        self.bytes[cp.min(self.len())] as usize
    }

    /// Code-point offset of the character that starts at or contains byte `byte`.
    pub fn cp_of_byte(&self, byte: usize) -> usize {
        match self.bytes.binary_search(&(byte as u32)) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// The text between two code-point offsets (clamped, and empty if reversed).
    pub fn slice(&self, start: usize, end: usize) -> &str {
        let (s, e) = (self.byte(start), self.byte(end));
        if s >= e {
            ""
        } else {
            &self.text[s..e]
        }
    }
}

/// Normalises line breaks to `\n` (CRLF and lone CR), so offsets do not depend on the platform
/// a text came from.
pub fn normalize_newlines(s: &str) -> String {
    if !s.contains('\r') {
        return s.to_owned();
    }
    s.replace("\r\n", "\n").replace('\r', "\n")
}

/// Shrinks `[start, end)` so that it neither starts nor ends with white space. Returns `None`
/// when nothing but white space is left.
pub fn trim_range(text: &IndexedText, start: usize, end: usize) -> Option<(usize, usize)> {
    let end = end.min(text.len());
    let s = text.slice(start, end);
    let lead = s.chars().take_while(|c| c.is_whitespace()).count();
    let body = s.trim_start();
    if body.is_empty() {
        return None;
    }
    let trail = body.chars().rev().take_while(|c| c.is_whitespace()).count();
    Some((start + lead, end - trail))
}

/// Paragraphs of a text: the code-point ranges of its non-blank runs between blank lines, with
/// the white space around each run trimmed. Single line breaks stay inside a paragraph.
pub fn paragraphs(text: &IndexedText) -> Vec<(usize, usize)> {
    let s = text.as_str();
    let mut out = Vec::new();
    let mut block_start = 0usize; // byte offset
    let push = |from: usize, to: usize, out: &mut Vec<(usize, usize)>| {
        let (a, b) = (text.cp_of_byte(from), text.cp_of_byte(to));
        if let Some(r) = trim_range(text, a, b) {
            out.push(r);
        }
    };
    let mut line_start = 0usize;
    let mut prev_blank = false;
    for (i, ch) in s.char_indices() {
        if ch == '\n' {
            let line = &s[line_start..i];
            let blank = line.trim().is_empty();
            if blank && !prev_blank {
                push(block_start, line_start, &mut out);
                block_start = i + 1;
            } else if blank {
                block_start = i + 1;
            }
            prev_blank = blank;
            line_start = i + 1;
        }
    }
    push(block_start, s.len(), &mut out);
    out
}

/// Lower-cases the letters of ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic capitals, and
/// leaves every other character as it is. For comparing words and names without regard to case.
/// Unlike `str::to_lowercase` it keeps every character one character (so offsets into the result
/// are offsets into `s`), and it needs no Unicode case table in the wasm (about 12 KB).
pub fn fold_case(s: &str) -> String {
    // ASCII (most of any English text) byte by byte; the rest a character at a time.
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while !rest.is_empty() {
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        let (plain, more) = rest.split_at(ascii);
        let at = out.len();
        out.push_str(plain);
        out[at..].make_ascii_lowercase();
        let mut chars = more.chars();
        if let Some(c) = chars.next() {
            out.push(lower_char(c));
        }
        rest = chars.as_str();
    }
    out
}

/// One character of [`fold_case`].
pub fn lower_char(c: char) -> char {
    let u = c as u32;
    let lower = match u {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE => u + 0x20,
        0x391..=0x3A1 | 0x3A3..=0x3AB | 0x410..=0x42F => u + 0x20,
        0x400..=0x40F => u + 0x50,
        // Latin Extended-A pairs a capital with the small letter after it.
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 if u.is_multiple_of(2) => u + 1,
        0x139..=0x148 | 0x179..=0x17E if !u.is_multiple_of(2) => u + 1,
        0x178 => 0xFF,
        _ => u,
    };
    char::from_u32(lower).unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_case_agrees_with_unicode_where_it_folds() {
        let covered = (0..=0x17Fu32).chain(0x370..=0x3FF).chain(0x400..=0x4FF);
        for c in covered.filter_map(char::from_u32) {
            let std: Vec<char> = c.to_lowercase().collect();
            let ours = lower_char(c);
            if ours != c {
                assert_eq!(std, vec![ours], "{c:?}");
            } else if std.len() == 1 && std[0] != c {
                // Left alone on purpose: only accented Greek capitals and Cyrillic beyond Я.
                assert!(matches!(c as u32, 0x370..=0x3FF | 0x460..=0x4FF), "{c:?}");
            }
        }
        assert_eq!(
            fold_case("ÉLYSÉE Ŵ Straße ΣΟΦΊΑ Москва İ"),
            "élysée ŵ straße σοφΊα москва İ"
        );
        assert_eq!(lower_char('😀'), '😀');
    }

    #[test]
    fn utf16_and_code_points_agree_on_ascii() {
        assert_eq!(utf16_to_cp("hello", 3, Round::Down), 3);
        assert_eq!(cp_to_utf16("hello", 3), 3);
        assert_eq!(utf16_to_cp("hello", 99, Round::Up), 5);
    }

    #[test]
    fn emoji_count_as_one_code_point_and_two_utf16_units() {
        let s = "a😀b"; // U+1F600 is astral: 4 UTF-8 bytes, 2 UTF-16 units
        assert_eq!(cp_len(s), 3);
        assert_eq!(cp_to_utf16(s, 2), 3);
        assert_eq!(utf16_to_cp(s, 3, Round::Down), 2);
        // Between the two halves of the surrogate pair.
        assert_eq!(utf16_to_cp(s, 2, Round::Down), 1);
        assert_eq!(utf16_to_cp(s, 2, Round::Up), 2);
    }

    #[test]
    fn curly_quotes_and_dashes_are_single_units_everywhere_but_utf8() {
        let s = "“Iraqis — Iraqis”";
        assert_eq!(cp_len(s), 17);
        assert_eq!(cp_to_utf16(s, 17), 17);
        assert!(s.len() > 17);
        let t = IndexedText::new(s);
        assert_eq!(t.slice(1, 7), "Iraqis");
        assert_eq!(t.slice(8, 9), "—");
    }

    #[test]
    fn combining_marks_are_separate_code_points() {
        let s = "cafe\u{301} ok"; // e + combining acute accent
        let t = IndexedText::new(s);
        assert_eq!(t.len(), 8);
        assert_eq!(t.slice(0, 5), "cafe\u{301}");
        assert_eq!(utf16_to_cp(s, 5, Round::Down), 5);
    }

    #[test]
    fn indexed_text_maps_bytes_back_to_code_points() {
        let t = IndexedText::new("é😀x");
        assert_eq!(t.byte(1), 2);
        assert_eq!(t.byte(2), 6);
        assert_eq!(t.cp_of_byte(6), 2);
        assert_eq!(t.cp_of_byte(3), 1); // inside the emoji
        assert_eq!(t.slice(2, 1), "");
        assert_eq!(t.slice(0, 99), "é😀x");
    }

    #[test]
    fn crlf_and_cr_become_lf() {
        assert_eq!(normalize_newlines("a\r\nb\rc\n"), "a\nb\nc\n");
        assert_eq!(normalize_newlines("plain"), "plain");
    }

    #[test]
    fn trim_range_drops_outer_white_space_only() {
        let t = IndexedText::new("  two words \n");
        assert_eq!(trim_range(&t, 0, 13), Some((2, 11)));
        assert_eq!(trim_range(&t, 0, 2), None);
    }

    #[test]
    fn paragraphs_split_on_blank_lines_and_trim() {
        let t = IndexedText::new(" One.\nstill one\n\n\n  Two 😀 \n \nThree");
        let ps: Vec<&str> = paragraphs(&t).iter().map(|&(a, b)| t.slice(a, b)).collect();
        assert_eq!(ps, vec!["One.\nstill one", "Two 😀", "Three"]);
    }

    #[test]
    fn paragraphs_of_blank_text_are_none() {
        assert!(paragraphs(&IndexedText::new(" \n\n ")).is_empty());
        assert!(paragraphs(&IndexedText::new("")).is_empty());
    }
}

//! Documents: the articles of the library, the seed articles that ship with the app, and turning
//! pasted or opened text into a document.

use serde::{Deserialize, Serialize};

use super::text::normalize_newlines;
use super::time::parse_date;

/// Where a document came from. Seed texts ship inside the app and are never stored or exported
/// as text; user documents are stored and travel with their annotations.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    Seed,
    User,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    pub id: String,
    pub title: String,
    /// `YYYY-MM-DD`, from the text's ` date YYYY-MM-DD ` marker.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The article text, with the date marker removed and line breaks normalised. Every offset
    /// of every annotation counts code points into this string. Empty while it is not here
    /// yet: a sample article's before it is fetched, a stored article's before it is read
    /// (browser storage keeps each text in a record of its own, read when it is opened).
    #[serde(default)]
    pub text: String,
    /// Of a stored article read without its text: the text's [`text_hash`], by which the same
    /// text added again is known. Never in a file: the records alone carry it.
    #[serde(default, rename = "textHash", skip_serializing)]
    pub text_hash: String,
    pub origin: Origin,
    /// When it joined the library (ms since the epoch; 0 for seeds).
    #[serde(default)]
    pub added: i64,
    /// When its text was last replaced (0: never). The newer revision wins in merges.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub revised: i64,
    /// Where it came from: the page's canonical address (`http(s)` only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The outlet that published it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// A BCP 47 tag such as `en` or `fr-FR`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// When its details (title, address, outlet, author, date) were last edited by hand (0:
    /// never). Between two copies of the same text, the later edit wins.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub edited: i64,
}

fn is_zero(n: &i64) -> bool {
    *n == 0
}

impl Document {
    /// A stored article whose text is not read yet.
    pub fn unread(&self) -> bool {
        self.origin == Origin::User && self.text.is_empty()
    }

    /// Whether it is this text, even while its own text is not read (by [`text_hash`]).
    pub fn has_text(&self, text: &str) -> bool {
        match self.text.is_empty() && !self.text_hash.is_empty() {
            true => self.text_hash == text_hash(text),
            false => self.text == text,
        }
    }

    /// Its address if it is a web address (a damaged stored value may hold anything).
    pub fn web_address(&self) -> Option<&str> {
        self.url.as_deref().and_then(super::annotation::safe_link)
    }
}

/// A text's length in bytes and its 64-bit FNV-1a hash: what names a text whose words are not
/// read (two different texts of one library sharing both is not to be expected).
pub fn text_hash(text: &str) -> String {
    let h = (text.bytes()).fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    format!("{}:{h:016x}", text.len())
}

/// The IRI that annotation targets use for a document.
pub fn source_iri(doc_id: &str) -> String {
    format!("urn:claimmark:doc:{doc_id}")
}

/// The document id named by a target source IRI, if it is one of ours.
pub fn doc_id_of_source(iri: &str) -> Option<&str> {
    iri.strip_prefix("urn:claimmark:doc:")
        .filter(|s| !s.is_empty())
}

/// Splits the optional leading ` date YYYY-MM-DD ` marker from a text. The marker is metadata,
/// not article text. Returns the date (if the marker is there and names a real date) and the
/// rest of the text.
pub fn split_date_marker(raw: &str) -> (Option<String>, &str) {
    let t = raw.trim_start_matches([' ', '\t']);
    if let Some(rest) = t.strip_prefix("date ") {
        if let Some(date) = rest.get(..10) {
            let after = &rest[10..];
            let ends_well = after.is_empty() || after.starts_with(char::is_whitespace);
            if ends_well && parse_date(date).is_some() {
                return (Some(date.to_owned()), after.trim_start_matches([' ', '\t']));
            }
        }
    }
    (None, raw)
}

/// Lines that are page furniture rather than a headline: too short, or credit and chrome lines.
fn is_chrome_line(line: &str) -> bool {
    const CHROME: [&str; 6] = [
        "please verify",
        "watch live",
        "most recent",
        "advertisement",
        "photo by",
        "credit:",
    ];
    let lower = line.to_ascii_lowercase();
    let words = line.split_whitespace().count();
    words < 4
        || CHROME.iter().any(|c| lower.starts_with(c))
        || (words < 6 && line.contains('/') && !line.contains(' '))
}

/// A readable title for a text that has none: its first line that is not page chrome, cut at a
/// word boundary to at most `max` characters.
pub fn derive_title(text: &str) -> String {
    const MAX: usize = 90;
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !is_chrome_line(l))
        .or_else(|| text.lines().map(str::trim).find(|l| !l.is_empty()))
        .unwrap_or("Untitled");
    truncate_words(line, MAX)
}

/// Cuts `s` to at most `max` characters at a word boundary, marking the cut with an ellipsis.
pub fn truncate_words(s: &str, max: usize) -> String {
    // Most quotes and notes are short, single-spaced and fit: they are as they are.
    let plain = || {
        !s.starts_with(' ')
            && !s.ends_with(' ')
            && !s.contains("  ")
            && s.chars().all(|c| c == ' ' || !c.is_whitespace())
    };
    if s.len() <= max && plain() {
        return s.to_owned();
    }
    // One pass over the words, white space collapsed: `kept` is how much of `out` stays if it
    // must be cut (the words that fit before the ellipsis), and the pass stops once `out` is
    // over `max` (the claims list does this for every claim at each change).
    let mut out = String::with_capacity(s.len().min(4 * max + 4));
    let (mut len, mut kept) = (0, None);
    for word in s.split_whitespace() {
        let n = word.chars().count();
        if kept.is_none() && len + n + 1 > max.saturating_sub(1) {
            kept = Some(out.len());
        }
        if !out.is_empty() {
            out.push(' ');
            len += 1;
        }
        out.push_str(word);
        len += n;
        if len > max {
            break;
        }
    }
    if len <= max {
        return out;
    }
    match kept {
        Some(0) | None => out = out.chars().take(max.saturating_sub(1)).collect(),
        Some(k) => out.truncate(k),
    }
    let trimmed = out.trim_end_matches([',', ';', ':', '—', '–', '-', ' ']);
    format!("{trimmed}…")
}

/// The five sample articles, shipped in `seeds/` and compiled into the app.
pub const SEEDS: [(&str, &str); 5] = [
    (
        "000_698b5d7c01ae0af2",
        include_str!("../../seeds/000_698b5d7c01ae0af2.txt"),
    ),
    (
        "001_be9dfdd43b673a4c",
        include_str!("../../seeds/001_be9dfdd43b673a4c.txt"),
    ),
    (
        "002_e60eeb0e35a47b63",
        include_str!("../../seeds/002_e60eeb0e35a47b63.txt"),
    ),
    (
        "003_dd5890039924e8e9",
        include_str!("../../seeds/003_dd5890039924e8e9.txt"),
    ),
    (
        "004_bc20113c5b07d9bb",
        include_str!("../../seeds/004_bc20113c5b07d9bb.txt"),
    ),
];

/// Builds a document from raw text: splits off the date marker, normalises line breaks, and
/// takes `title` or derives one.
pub fn document_from_text(
    id: String,
    raw: &str,
    title: Option<&str>,
    origin: Origin,
    added: i64,
) -> Document {
    let normalized = normalize_newlines(raw);
    let (date, body) = split_date_marker(&normalized);
    let title = match title.map(str::trim).filter(|t| !t.is_empty()) {
        Some(t) => truncate_words(t, 120),
        None => derive_title(body),
    };
    Document {
        id,
        title,
        date,
        text: body.to_owned(),
        text_hash: String::new(),
        origin,
        added,
        revised: 0,
        url: None,
        site: None,
        author: None,
        language: None,
        edited: 0,
    }
}

pub fn seed_documents() -> Vec<Document> {
    SEEDS
        .iter()
        .map(|(id, raw)| document_from_text((*id).to_owned(), raw, None, Origin::Seed, 0))
        .collect()
}

/// A file-name-safe slug of a title: lowercase ASCII letters and digits joined by dashes.
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    for c in title.chars().map(|c| c.to_ascii_lowercase()) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.len() >= 40 {
            break;
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        "article".to_owned()
    } else {
        out.to_owned()
    }
}

/// What kind of file the user opened, by its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextFormat {
    Plain,
    Markdown,
    /// A saved web page (HTML or MHTML): reduced to its article by [`super::extract`].
    Page,
}

impl TextFormat {
    pub fn from_file_name(name: &str) -> Option<Self> {
        let lower = name.to_ascii_lowercase();
        let ext = lower.rsplit_once('.').map(|(_, e)| e)?;
        match ext {
            "txt" | "text" => Some(Self::Plain),
            "md" | "markdown" => Some(Self::Markdown),
            "html" | "htm" | "xhtml" | "mhtml" | "mht" => Some(Self::Page),
            _ => None,
        }
    }
}

/// A document's text and, where the file has one, its title.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExtractedText {
    pub text: String,
    pub title: Option<String>,
}

/// Reads a plain-text or Markdown file's contents as article text; Markdown is kept as
/// written, with a leading `# ` heading used as the title. (A saved page goes through
/// [`super::extract`] instead.)
pub fn extract_text(format: TextFormat, contents: &str) -> ExtractedText {
    let text = normalize_newlines(contents);
    let title = (format == TextFormat::Markdown)
        .then(|| {
            text.lines()
                .map(str::trim)
                .find(|l| !l.is_empty())
                .and_then(|l| l.strip_prefix("# "))
                .map(|t| t.trim().to_owned())
        })
        .flatten();
    ExtractedText { text, title }
}

/// The sample articles' ids, titles and dates ("": none), as [`seed_documents`] derives them
/// from their texts (a test holds them equal). The page starts with these and fetches each
/// text from `seeds/` when its article is first opened: the five texts stay out of the first
/// load.
pub const SEED_DETAILS: [(&str, &str, &str); 5] = [
    (
        "000_698b5d7c01ae0af2",
        "Thousands of Iraqis rushed to the streets of Baghdad on Thursday to celebrate a U.S.…",
        "2020-01-03",
    ),
    (
        "001_be9dfdd43b673a4c",
        "VIDEO: Iraqi citizens dance in the street 'for freedom' after US airstrike kills Iranian…",
        "",
    ),
    (
        "002_e60eeb0e35a47b63",
        "Iraqis celebrated in the streets after the head of Iran’s Quds military force Qassem…",
        "2020-01-03",
    ),
    (
        "003_dd5890039924e8e9",
        "In response to the attack on the American Embassy in Baghdad by Iranian-backed militia…",
        "",
    ),
    (
        "004_bc20113c5b07d9bb",
        "Iran's elite Quds force commander, Maj. Gen. Qassem Soleimani, was killed in an airstrike…",
        "2020-01-03",
    ),
];

/// The sample articles with empty texts, to be filled when fetched
/// ([`crate::domain::library::Library::fill_seed`]).
pub fn seed_stubs() -> Vec<Document> {
    (SEED_DETAILS.iter())
        .map(|(id, title, date)| {
            let mut d = document_from_text((*id).to_owned(), "", Some(title), Origin::Seed, 0);
            d.date = (!date.is_empty()).then(|| (*date).to_owned());
            d
        })
        .collect()
}

/// A sample article's text as its document holds it (line breaks normalised, the date marker
/// split off).
pub fn seed_text(raw: &str) -> String {
    split_date_marker(&normalize_newlines(raw)).1.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `truncate_words` as it was first written: collapse, then count again at every word.
    fn truncate_words_plainly(s: &str, max: usize) -> String {
        let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
        if s.chars().count() <= max {
            return s;
        }
        let mut out = String::new();
        for word in s.split(' ') {
            if out.chars().count() + word.chars().count() + 1 > max.saturating_sub(1) {
                break;
            }
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
        }
        if out.is_empty() {
            out = s.chars().take(max.saturating_sub(1)).collect();
        }
        let trimmed = out.trim_end_matches([',', ';', ':', '—', '–', '-', ' ']);
        format!("{trimmed}…")
    }

    #[test]
    fn truncating_in_one_pass_cuts_where_counting_again_did() {
        let words = [
            "a",
            "Pompeo",
            "said,",
            "—",
            "naïve",
            "😀😀",
            "word-",
            "x;",
            "twelve-letter",
        ];
        let mut texts: Vec<String> = ["", "  \n ", "one", "a ", " a", "a\u{a0}b", "a\u{2003} b"]
            .map(String::from)
            .to_vec();
        // Every sequence of up to four of these words, with single and odd white space.
        let mut level: Vec<Vec<&str>> = vec![vec![]];
        let mut seqs = Vec::new();
        for _ in 0..4 {
            level = (level.iter())
                .flat_map(|s| words.iter().map(move |w| [s.clone(), vec![*w]].concat()))
                .collect();
            seqs.extend(level.iter().cloned());
        }
        for seq in seqs {
            texts.push(seq.join(" "));
            texts.push(format!(" {}\n", seq.join("  \t")));
        }
        for t in &texts {
            for max in 0..30 {
                assert_eq!(
                    truncate_words(t, max),
                    truncate_words_plainly(t, max),
                    "{t:?} {max}"
                );
            }
        }
    }

    #[test]
    fn seed_stubs_and_their_fetched_texts_make_the_sample_articles() {
        let full = seed_documents();
        let mut stubs = seed_stubs();
        for (stub, (id, raw)) in stubs.iter_mut().zip(SEEDS) {
            assert_eq!(stub.id, id);
            stub.text = seed_text(raw);
        }
        assert_eq!(stubs, full);
    }

    #[test]
    fn date_marker_is_split_off_and_checked() {
        let (d, rest) = split_date_marker(" date 2020-01-03 Thousands of Iraqis");
        assert_eq!(d.as_deref(), Some("2020-01-03"));
        assert_eq!(rest, "Thousands of Iraqis");
        let (d, rest) = split_date_marker("date 2020-02-30 x");
        assert_eq!((d, rest), (None, "date 2020-02-30 x"));
        let (d, rest) = split_date_marker("Please verify\n\ndate 2020-01-03 x");
        assert_eq!(d, None);
        assert!(rest.starts_with("Please"));
        let (d, _) = split_date_marker(" date 2020-01-03x");
        assert_eq!(d, None);
    }

    #[test]
    fn every_seed_loads_with_a_title_and_no_marker_in_its_text() {
        let seeds = seed_documents();
        assert_eq!(seeds.len(), 5);
        for d in &seeds {
            assert!(!d.text.contains(" date 20"), "{}", d.id);
            assert!(!d.text.starts_with(char::is_whitespace), "{}", d.id);
            assert!(d.title.chars().count() <= 90, "{}", d.title);
            assert!(d.title.split_whitespace().count() >= 4, "{}", d.title);
        }
        let dated: Vec<_> = seeds.iter().filter_map(|d| d.date.as_deref()).collect();
        assert_eq!(dated, vec!["2020-01-03", "2020-01-03", "2020-01-03"]);
        assert!(seeds[0].text.starts_with("Thousands of Iraqis rushed"));
        assert!(seeds[1].title.starts_with("VIDEO: Iraqi citizens dance"));
        assert!(seeds[4]
            .title
            .starts_with("Iran's elite Quds force commander"));
    }

    #[test]
    fn titles_skip_chrome_and_cut_at_words() {
        assert_eq!(
            derive_title("Please verify\n\nWatch LIVE\n\nA short but real headline here"),
            "A short but real headline here"
        );
        let long = "word ".repeat(40);
        let t = derive_title(&long);
        assert!(t.ends_with('…') && t.chars().count() <= 90, "{t}");
        assert_eq!(derive_title(""), "Untitled");
        assert_eq!(derive_title("Hi"), "Hi");
    }

    #[test]
    fn user_text_gets_normalised_newlines_and_a_given_title() {
        let d = document_from_text(
            "u1".into(),
            "Line one\r\n\r\nLine two",
            Some("  My title "),
            Origin::User,
            5,
        );
        assert_eq!(d.text, "Line one\n\nLine two");
        assert_eq!(d.title, "My title");
        assert_eq!(d.date, None);
    }

    #[test]
    fn source_iris_round_trip() {
        assert_eq!(doc_id_of_source(&source_iri("abc")), Some("abc"));
        assert_eq!(doc_id_of_source("http://example.org/page1"), None);
        assert_eq!(doc_id_of_source("urn:claimmark:doc:"), None);
    }

    #[test]
    fn file_formats_by_extension() {
        assert_eq!(TextFormat::from_file_name("a.TXT"), Some(TextFormat::Plain));
        assert_eq!(
            TextFormat::from_file_name("b.md"),
            Some(TextFormat::Markdown)
        );
        assert_eq!(TextFormat::from_file_name("c.htm"), Some(TextFormat::Page));
        assert_eq!(
            TextFormat::from_file_name("c.MHTML"),
            Some(TextFormat::Page)
        );
        assert_eq!(TextFormat::from_file_name("d.pdf"), None);
        assert_eq!(TextFormat::from_file_name("noext"), None);
    }

    #[test]
    fn slugs_are_file_safe() {
        assert_eq!(
            slug("VIDEO: Iraqi citizens 'dance'!"),
            "video-iraqi-citizens-dance"
        );
        assert_eq!(slug("“—”"), "article");
        assert!(slug(&"long words ".repeat(20)).len() <= 40);
    }

    #[test]
    fn markdown_heading_becomes_the_title() {
        let e = extract_text(TextFormat::Markdown, "# Big news\n\nBody text.");
        assert_eq!(e.title.as_deref(), Some("Big news"));
        assert_eq!(e.text, "# Big news\n\nBody text.");
    }
}

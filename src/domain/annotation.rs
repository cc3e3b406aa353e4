//! Annotations: a claim in a document, its verdict, a note and an evidence link.

use serde::{Deserialize, Serialize};

use super::anchor::Quote;

/// Does the article attribute the claim to someone?
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// Attributed: a named person, outlet, document, statement.
    Sourced,
    /// Asserted with no attribution.
    Unsourced,
}

impl Verdict {
    pub const ALL: [Verdict; 2] = [Verdict::Sourced, Verdict::Unsourced];

    /// The value used in files and CSS classes.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Sourced => "sourced",
            Verdict::Unsourced => "unsourced",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "sourced" => Some(Verdict::Sourced),
            "unsourced" => Some(Verdict::Unsourced),
            _ => None,
        }
    }

    /// Label shown to people.
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Sourced => "Sourced",
            Verdict::Unsourced => "Unsourced",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Annotation {
    /// `urn:uuid:…`, unique across browsers, so merges can match annotations by id.
    pub id: String,
    pub doc: String,
    /// Code-point offsets into the document text. A stored number too large for this platform
    /// (a damaged value; `usize` is 32 bits in the wasm) reads as the largest one: a position
    /// past the end, which anchoring treats as no position at all.
    #[serde(deserialize_with = "saturating_offset")]
    pub start: usize,
    #[serde(deserialize_with = "saturating_offset")]
    pub end: usize,
    pub exact: String,
    #[serde(default)]
    pub prefix: String,
    #[serde(default)]
    pub suffix: String,
    pub verdict: Verdict,
    #[serde(default)]
    pub note: String,
    /// An evidence URL, as typed. Shown as a link only when [`safe_link`] accepts it.
    #[serde(default)]
    pub evidence: String,
    /// Milliseconds since the epoch.
    pub created: i64,
    pub modified: i64,
    /// Whether the claim sits where its quote is, after the text changed.
    #[serde(default, skip_serializing_if = "Status::is_anchored")]
    pub status: Status,
    /// While [`Status::Moved`]: the quote as it was before the text changed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub was: String,
    /// Began as a suggestion of the claim assistant, accepted by the user.
    #[serde(default, skip_serializing_if = "is_false")]
    pub suggested: bool,
    /// The source the assistant detected, when it suggested this claim.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub detected_source: String,
    /// The fact-checker's rating, a label of their scale ("Mostly true"); empty: not rated.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub rating: String,
    /// Who the article attributes the claim to, as the user names them (an accepted
    /// suggestion starts with the detected source); empty: not named.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
    /// Who marked the claim, by the name they set (team sync); empty: not named.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub creator: String,
    /// Who changed it last, by the name they set; empty: not named.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub editor: String,
}

fn saturating_offset<'de, D: serde::Deserializer<'de>>(d: D) -> Result<usize, D::Error> {
    u64::deserialize(d).map(|n| usize::try_from(n).unwrap_or(usize::MAX))
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// A suggestion the user dismissed: its article and words, so it is not suggested again.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dismissal {
    pub doc: String,
    pub exact: String,
    /// When it was dismissed, or the dismissal undone (ms since 1970; 0 in values stored before
    /// dismissals could be undone). Between two copies the later wins.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub at: i64,
    /// The dismissal was undone: the claim is suggested again. Kept, like a tombstone, so that an
    /// older copy of the dismissal from another tab does not bring it back.
    #[serde(default, skip_serializing_if = "is_false")]
    pub undone: bool,
}

fn is_zero(n: &i64) -> bool {
    *n == 0
}

/// Where a claim stands after its document's text changed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Its quote is at its position.
    #[default]
    Anchored,
    /// Found again, but with changed words or context: a person should confirm it.
    Moved,
    /// Its quote is no longer in the text. Kept, listed, exported; never dropped.
    Orphan,
}

impl Status {
    pub fn is_anchored(&self) -> bool {
        *self == Status::Anchored
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Anchored => "anchored",
            Status::Moved => "moved",
            Status::Orphan => "orphan",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "anchored" => Some(Status::Anchored),
            "moved" => Some(Status::Moved),
            "orphan" => Some(Status::Orphan),
            _ => None,
        }
    }
}

impl Annotation {
    pub fn quote(&self) -> Quote {
        Quote {
            exact: self.exact.clone(),
            prefix: self.prefix.clone(),
            suffix: self.suffix.clone(),
        }
    }
}

/// Record of a deletion, kept so that another tab or an older file cannot bring the annotation
/// back unless it was changed after the deletion.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tombstone {
    pub id: String,
    pub deleted: i64,
}

/// The evidence link as an `http(s)` URL that is safe to put in an `href`, or `None`.
/// `javascript:` and other schemes are never linked.
pub fn safe_link(url: &str) -> Option<&str> {
    let u = url.trim();
    let lower = u.get(..8).unwrap_or(u).to_ascii_lowercase();
    let ok = (lower.starts_with("https://") && u.len() > 8)
        || (lower.starts_with("http://") && u.len() > 7);
    (ok && !u.chars().any(|c| c.is_whitespace() || c.is_control())).then_some(u)
}

/// Why an evidence link cannot be used, if it cannot; empty links are fine.
pub fn evidence_problem(url: &str) -> Option<&'static str> {
    if url.trim().is_empty() || safe_link(url).is_some() {
        None
    } else {
        Some("An evidence link must be a web address starting with http:// or https://, with no spaces.")
    }
}

/// Formats 16 random bytes as a version-4 UUID URN.
pub fn uuid_urn(mut b: [u8; 16]) -> String {
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "urn:uuid:{}-{}-{}-{}-{}",
        &h[0..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdicts_round_trip_through_their_names() {
        for v in Verdict::ALL {
            assert_eq!(Verdict::parse(v.as_str()), Some(v));
        }
        assert_eq!(Verdict::parse("Sourced"), None);
    }

    #[test]
    fn only_http_links_are_safe() {
        assert_eq!(
            safe_link(" https://example.org/a "),
            Some("https://example.org/a")
        );
        assert_eq!(safe_link("HTTP://x.org"), Some("HTTP://x.org"));
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "data:text/html,x",
            "https://",
            "https://a b",
            "ftp://x",
            "//x.org",
            "",
        ] {
            assert_eq!(safe_link(bad), None, "{bad}");
        }
        assert_eq!(evidence_problem(""), None);
        assert!(evidence_problem("javascript:alert(1)").is_some());
    }

    #[test]
    fn uuids_have_version_and_variant_bits() {
        let u = uuid_urn([0xff; 16]);
        assert_eq!(u, "urn:uuid:ffffffff-ffff-4fff-bfff-ffffffffffff");
        let u = uuid_urn([0; 16]);
        assert_eq!(u, "urn:uuid:00000000-0000-4000-8000-000000000000");
    }
}

//! Revisions of a document on the server ("3-9f0c…"): their generation and a hash. claimmark
//! makes its revisions' hashes from the parent revision and the content, so that two replicas
//! making the same change (resolving the same conflict the same way) make the same revision,
//! and the server sees one change, not a new conflict.

use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Rev {
    /// 1 for a document's first revision, one more for each after.
    pub pos: u64,
    pub hash: String,
}

impl Rev {
    /// A revision as the server writes it: a generation from 1, `-`, and a hash of letters and
    /// digits.
    pub fn parse(s: &str) -> Option<Rev> {
        let (pos, hash) = s.split_once('-')?;
        let pos: u64 = pos.parse().ok().filter(|&p| p > 0)?;
        let fine = !hash.is_empty() && hash.len() <= 64;
        (fine && hash.bytes().all(|b| b.is_ascii_alphanumeric())).then(|| Rev {
            pos,
            hash: hash.to_owned(),
        })
    }

    /// The revision after `parent` (none: the first) with `content`.
    pub fn next(parent: Option<&Rev>, content: &str) -> Rev {
        let parent_text = parent.map(Rev::to_string).unwrap_or_default();
        Rev {
            pos: parent.map_or(1, |p| p.pos + 1),
            hash: digest(&[parent_text.as_bytes(), b"\n", content.as_bytes()]),
        }
    }
}

impl fmt::Display for Rev {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.pos, self.hash)
    }
}

/// 128 bits of hash as 32 hex digits (the form CouchDB gives its own revisions): two FNV-1a
/// passes from different offsets, each mixed at the end. Not cryptographic: revisions only need
/// to differ when contents do.
pub fn digest(parts: &[&[u8]]) -> String {
    let fnv = |seed: u64| {
        let h = (parts.iter().flat_map(|p| p.iter())).fold(seed, |h, &b| {
            (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
        });
        mix(h)
    };
    format!(
        "{:016x}{:016x}",
        fnv(0xcbf2_9ce4_8422_2325),
        fnv(0x6c62_272e_07bb_0142)
    )
}

/// splitmix64's finaliser: every input bit moves every output bit.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn revisions_read_back_and_follow_their_parents() {
        let first = Rev::next(None, "{\"note\":\"a\"}");
        assert_eq!(first.pos, 1);
        assert_eq!(first.hash.len(), 32);
        assert_eq!(Rev::parse(&first.to_string()), Some(first.clone()));
        let second = Rev::next(Some(&first), "{\"note\":\"b\"}");
        assert_eq!(second.pos, 2);
        // The same change on another replica is the same revision; another change is not.
        assert_eq!(Rev::next(Some(&first), "{\"note\":\"b\"}"), second);
        assert_ne!(Rev::next(Some(&first), "{\"note\":\"c\"}"), second);
        assert_ne!(Rev::next(Some(&second), "{\"note\":\"b\"}"), second);
        for bad in ["", "1", "0-ab", "x-ab", "1-", "1-a b", "-1-ab", "2-ab/"] {
            assert_eq!(Rev::parse(bad), None, "{bad}");
        }
        assert_eq!(Rev::parse("12-9f0c").unwrap().pos, 12);
    }
}

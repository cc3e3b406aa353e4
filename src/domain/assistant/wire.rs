//! The readings as the assistant's worker sends them to the page: numbers in one flat array
//! (seven per unit) and the source names apart, so no JSON coder is needed on either side.
//! Its own format, not the domain's types: changing [`Reading`] must not change it silently.

use super::classify::{Kind, Reading};
use crate::domain::annotation::Verdict;

/// Numbers per unit: start, end, kind, verdict, flags, score, source (index + 1, or 0).
pub const STRIDE: usize = 7;

const KINDS: [Kind; 8] = [
    Kind::Claim,
    Kind::Chrome,
    Kind::Heading,
    Kind::Credit,
    Kind::Caption,
    Kind::Question,
    Kind::Opinion,
    Kind::LeadIn,
];
const VAGUE: u32 = 1;
const CARRIED: u32 = 2;

/// Packs readings: the numbers, and the distinct source names they point into.
pub fn pack(readings: &[Reading]) -> (Vec<u32>, Vec<String>) {
    let mut numbers = Vec::with_capacity(readings.len() * STRIDE);
    let mut sources: Vec<String> = Vec::new();
    for r in readings {
        let source = match &r.source {
            None => 0,
            Some(s) => match sources.iter().position(|x| x == s) {
                Some(i) => i + 1,
                None => {
                    sources.push(s.clone());
                    sources.len()
                }
            },
        };
        let kind = KINDS.iter().position(|k| *k == r.kind).unwrap_or(0);
        let verdict = u32::from(r.verdict == Verdict::Sourced);
        let flags = if r.vague { VAGUE } else { 0 } | if r.carried { CARRIED } else { 0 };
        numbers.extend([
            r.start as u32,
            r.end as u32,
            kind as u32,
            verdict,
            flags,
            u32::from(r.score),
            source as u32,
        ]);
    }
    (numbers, sources)
}

/// Unpacks what [`pack`] made; `None` if the numbers do not fit together (a worker of another
/// version, a broken message).
pub fn unpack(numbers: &[u32], sources: &[String]) -> Option<Vec<Reading>> {
    if !numbers.len().is_multiple_of(STRIDE) {
        return None;
    }
    numbers
        .chunks(STRIDE)
        .map(|n| {
            let source = match n[6] as usize {
                0 => None,
                i => Some(sources.get(i - 1)?.clone()),
            };
            let (start, end) = (n[0] as usize, n[1] as usize);
            (start <= end && n[5] <= 100).then_some(())?;
            Some(Reading {
                start,
                end,
                kind: *KINDS.get(n[2] as usize)?,
                verdict: if n[3] == 1 {
                    Verdict::Sourced
                } else {
                    Verdict::Unsourced
                },
                source,
                vague: n[4] & VAGUE != 0,
                carried: n[4] & CARRIED != 0,
                score: n[5] as u8,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::classify::analyse;
    use super::*;

    #[test]
    fn readings_come_back_as_they_went() {
        let text = "Head line\n\n“We won,” Ana Ruiz said. It rose 5%, officials said. \
                    Who knows? Photo: AP\n\nShe added that the plan had failed.";
        let readings = analyse(text);
        assert!(readings.iter().any(|r| r.source.is_some()));
        let (numbers, sources) = pack(&readings);
        assert_eq!(numbers.len(), readings.len() * STRIDE);
        assert_eq!(unpack(&numbers, &sources), Some(readings));
    }

    #[test]
    fn numbers_that_do_not_fit_are_refused() {
        assert_eq!(unpack(&[1, 2, 3], &[]), None);
        assert_eq!(unpack(&[0, 5, 99, 0, 0, 10, 0], &[]), None, "no such kind");
        assert_eq!(
            unpack(&[0, 5, 0, 1, 0, 10, 2], &["A".into()]),
            None,
            "no source 2"
        );
        assert_eq!(
            unpack(&[9, 5, 0, 0, 0, 10, 0], &[]),
            None,
            "start after end"
        );
        assert_eq!(unpack(&[], &[]), Some(vec![]));
    }
}

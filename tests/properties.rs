//! Invariants, checked on generated inputs.
#![cfg(not(target_arch = "wasm32"))]

use claimmark::domain::anchor::{anchor, quote_at, Method};
use claimmark::domain::segment::segments;
use claimmark::domain::text::{cp_to_utf16, paragraphs, utf16_to_cp, IndexedText, Round};
use proptest::prelude::*;

/// Text with ASCII, curly quotes, dashes, emoji, combining marks and line breaks.
fn messy_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            "a", "b", "Iraqis", " ", " ", "\n", "\n\n", "“", "”", "—", "😀", "é", "e\u{301}",
            "\r\n", ".",
        ]),
        0..80,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #[test]
    fn segments_cover_the_range_exactly_once(
        len in 0usize..200,
        spans in prop::collection::vec((0usize..220, 0usize..220), 0..12),
    ) {
        let segs = segments((0, len), &spans);
        let mut at = 0;
        for (i, s) in segs.iter().enumerate() {
            prop_assert_eq!(s.start, at);
            prop_assert!(s.start < s.end);
            if i > 0 { prop_assert_ne!(&segs[i - 1].covering, &s.covering); }
            for (k, &(a, b)) in spans.iter().enumerate() {
                let covers = a <= s.start && b >= s.end && a < b;
                prop_assert_eq!(covers, s.covering.contains(&k));
            }
            at = s.end;
        }
        prop_assert_eq!(at, len);
    }

    #[test]
    fn utf16_and_code_point_offsets_round_trip(text in messy_text()) {
        let n = text.chars().count();
        for cp in 0..=n {
            let u = cp_to_utf16(&text, cp);
            prop_assert_eq!(utf16_to_cp(&text, u, Round::Down), cp);
            prop_assert_eq!(utf16_to_cp(&text, u, Round::Up), cp);
        }
    }

    #[test]
    fn a_quote_taken_from_a_text_anchors_back_to_its_span(
        text in messy_text(),
        a in 0usize..400,
        b in 0usize..400,
        with_hint in any::<bool>(),
    ) {
        let t = IndexedText::new(text.as_str());
        prop_assume!(!t.is_empty());
        let (s, e) = (a.min(b) % t.len(), (a.max(b) % t.len()) + 1);
        prop_assume!(s < e);
        let q = quote_at(&t, s, e);
        let hint = with_hint.then_some((s, e));
        let found = anchor(&t, &q, hint).expect("anchors");
        prop_assert_eq!(t.slice(found.start, found.end), q.exact.as_str());
        if with_hint {
            prop_assert_eq!((found.start, found.end, found.method), (s, e, Method::Position));
        } else {
            // Without a position the context decides; a repeated quote whose context is also
            // identical is indistinguishable, and any such occurrence is right.
            let again = quote_at(&t, found.start, found.end);
            prop_assert_eq!(again, q);
        }
    }

    #[test]
    fn paragraphs_are_ordered_trimmed_and_non_empty(text in messy_text()) {
        let t = IndexedText::new(text.as_str());
        let mut last = 0;
        for (s, e) in paragraphs(&t) {
            prop_assert!(s >= last && s < e);
            let p = t.slice(s, e);
            prop_assert_eq!(p.trim(), p);
            prop_assert!(!p.contains("\n\n"));
            last = e;
        }
    }
}

//! Reader benchmark, native: the domain's share of tagging a claim and of a keystroke in a note
//! in one article of about 1,600,000 characters (5,000 claims 300 characters apart need that
//! much), with 50 claims and with 5,000, in the same run: the
//! claim added, the open article's claims placed again, where they sit, and the layout made
//! again from the one before. Prints figures (medians of 21); asserts nothing.

use std::time::Instant;

use claimmark::domain::annotation::Verdict;
use claimmark::domain::benchmark::large_library;
use claimmark::domain::layout::{claims_after, claims_since, covers, layout, relayout, Page};

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let ms = |t: Instant| t.elapsed().as_secs_f64() * 1000.0;
    for claims in [50, 5_000] {
        // Claims 300 characters apart: 5,000 reach over 1,500,000 characters, so the text is
        // long enough for them all.
        let mut lib = large_library(1, 1_600_000, claims);
        let page = Page::new(lib.document("doc-0").expect("the article"));
        let mut shown = claims_after(&page, &lib, &[]);
        let mut laid_of = covers(&shown);
        let mut laid = layout(&page, &laid_of, &[]);
        let (mut add, mut place, mut cover, mut cut) = (vec![], vec![], vec![], vec![]);
        let (mut note, mut note_place) = (vec![], vec![]);
        for i in 0..21 {
            // A tag: a claim inside the gap after claim 10's (the claims placed at this
            // revision, as the app keeps them).
            let tagged_at = lib.revision();
            let t = Instant::now();
            let at = 20 + 10 * 300 + 150 + i;
            lib.annotate_in(
                Some(&page),
                "doc-0",
                (at, at + 40),
                Verdict::Unsourced,
                format!("new-{i}"),
                2,
            )
            .expect("tagged");
            add.push(ms(t));
            let t = Instant::now();
            let now = claims_since(&page, &lib, &shown, Some(tagged_at));
            place.push(ms(t));
            let t = Instant::now();
            let now_of = covers(&now);
            cover.push(ms(t));
            let t = Instant::now();
            laid = relayout(&page, &laid, (&laid_of, &[]), &now_of, &[]);
            cut.push(ms(t));
            (shown, laid_of) = (now, now_of);
            // A keystroke in the new claim's note (the claims were placed at this revision).
            let placed_at = lib.revision();
            let t = Instant::now();
            lib.set_note(&format!("new-{i}"), &format!("note {i}"), 3 + i as i64);
            note.push(ms(t));
            let t = Instant::now();
            shown = claims_since(&page, &lib, &shown, Some(placed_at));
            note_place.push(ms(t));
            lib.take_journal();
        }
        println!(
            "native, 1,600,000 characters, {claims} claims: tag: add {:.3} ms, place the claims {:.3} ms, \
             where they sit {:.3} ms, layout again {:.3} ms; keystroke: edit {:.3} ms, place {:.3} ms",
            median(add), median(place), median(cover), median(cut), median(note), median(note_place)
        );
    }
}

//! Tests of [`super`]: layouts, and layouts made again after a change.

use super::*;
use crate::domain::document::{document_from_text, seed_documents, Origin};

#[test]
fn pieces_cover_every_paragraph_and_carry_their_claims() {
    let mut lib = Library::new(seed_documents());
    lib.add_document(document_from_text(
        "u".into(),
        "First 😀 para.\n\nSecond para here.",
        None,
        Origin::User,
        1,
    ));
    // "😀 para.\n\nSecond" spans both paragraphs; "para" nests in the second.
    lib.annotate("u", (6, 21), Verdict::Unsourced, "outer".into(), 1)
        .unwrap();
    lib.annotate("u", (22, 26), Verdict::Sourced, "inner".into(), 2)
        .unwrap();
    let page = Page::new(lib.document("u").unwrap());
    let l = layout(&page, &covers(&claims(&page, &lib)), &[]);
    let texts: Vec<Vec<&str>> = l
        .paragraphs
        .iter()
        .map(|p| p.iter().map(|x| page.text.slice(x.start, x.end)).collect())
        .collect();
    assert_eq!(
        texts,
        vec![
            vec!["First ", "😀 para."],
            vec!["Second", " ", "para", " here."]
        ]
    );
    let p1 = &l.paragraphs[1];
    assert_eq!(
        p1[0].covers,
        vec![Cover {
            id: "outer".into(),
            verdict: Verdict::Unsourced,
            moved: false,
        }]
    );
    assert!(p1[1].covers.is_empty());
    assert_eq!(&*p1[2].covers[0].id, "inner");
    assert_eq!((p1[2].start, p1[2].end), (22, 26));
    assert_eq!(l.paragraphs[0][1].verdicts(), (false, true));
    // A piece is found by where it starts (as a mark drawn of it says), and only so.
    for piece in l.paragraphs.iter().flat_map(|p| p.iter()) {
        assert_eq!(l.piece_at(&page, piece.start), Some(piece));
    }
    assert_eq!(l.piece_at(&page, 23), None, "inside a piece");
    assert_eq!(l.piece_at(&page, 99), None, "after the text");
}

/// A library of one user article, `id`, of `text`.
fn article(id: &str, text: &str) -> Library {
    let mut lib = Library::new(Vec::new());
    lib.add_document(document_from_text(id.into(), text, None, Origin::User, 1));
    lib
}

/// A long one-paragraph article with `n` claims, one a sentence.
fn big(n: usize) -> Library {
    let text: String = (0..n + 20)
        .map(|i| format!("Sentence {i} says a thing. "))
        .collect();
    let mut lib = article("big", &text);
    let mut at = 0;
    for i in 0..n {
        let len = format!("Sentence {i} says a thing.").chars().count();
        let v = [Verdict::Sourced, Verdict::Unsourced][i % 2];
        lib.annotate("big", (at, at + len), v, format!("c{i}"), 1)
            .unwrap();
        at += len + 1;
    }
    lib
}

#[test]
fn a_note_leaves_the_layout_as_it_was_and_a_tag_changes_only_its_own_pieces() {
    let mut lib = big(200);
    let page = Page::new(lib.document("big").unwrap());
    let before = claims(&page, &lib);
    let laid = layout(&page, &covers(&before), &[]);
    assert_eq!(
        laid.paragraphs[0].len(),
        200 * 2,
        "claims, the 199 spaces between, the rest"
    );

    lib.set_note("c7", "checked", 2);
    assert!(page.is_of(lib.document("big").unwrap()), "the same text");
    let after = claims_after(&page, &lib, &before);
    assert_ne!(after, before, "the claims list shows the note");
    // What the note left alone is shared with the claims before, not copied.
    let (c7, c8) = (&after[7], &after[8]);
    assert_eq!((&*c7.id, &*c7.note), ("c7", "checked"));
    assert!(!Arc::ptr_eq(&c7.note, &before[7].note), "the new note");
    assert!(Arc::ptr_eq(&c7.exact, &before[7].exact));
    assert!(Arc::ptr_eq(&c8.id, &before[8].id) && Arc::ptr_eq(&c8.note, &before[8].note));
    assert_eq!(after, claims(&page, &lib), "the same claims as made afresh");
    assert_eq!(
        covers(&after),
        covers(&before),
        "nothing for the reader to redraw"
    );

    // A new claim inside the plain rest of the text: one piece becomes three.
    let rest = laid.paragraphs[0].last().unwrap().clone();
    lib.annotate(
        "big",
        (rest.start + 1, rest.start + 9),
        Verdict::Sourced,
        "new".into(),
        3,
    )
    .unwrap();
    let relaid = layout(&page, &covers(&claims(&page, &lib)), &[]);
    let old: std::collections::HashSet<&Piece> = laid.paragraphs[0].iter().collect();
    let changed: Vec<&Piece> = relaid.paragraphs[0]
        .iter()
        .filter(|p| !old.contains(p))
        .collect();
    assert_eq!(changed.len(), 3, "{changed:?}");
    assert_eq!(&*changed[1].covers[0].id, "new");
}

#[test]
fn orphans_are_listed_but_not_laid_out_and_suggestions_mark_their_own_pieces() {
    let mut lib = article("u", "One two three.\n\nFour five six.");
    lib.annotate("u", (4, 7), Verdict::Sourced, "two".into(), 1)
        .unwrap();
    lib.replace_text("u", "One zwei three.\n\nFour five six.", 2)
        .unwrap();
    let page = Page::new(lib.document("u").unwrap());
    assert!(!page.is_of(&document_from_text("u".into(), "x", None, Origin::User, 1)));
    let c = claims(&page, &lib);
    assert_eq!((c[0].span, c[0].status), (None, Status::Orphan));
    let hint = Hint {
        span: (17, 31),
        verdict: Verdict::Unsourced,
        source: None,
    };
    let l = layout(&page, &covers(&c), std::slice::from_ref(&hint));
    assert_eq!(l.paragraphs[0].len(), 1, "the orphan marks nothing");
    assert_eq!(l.paragraphs[1][0].suggestion.as_ref(), Some(&hint));
    assert!(l.paragraphs[1][0].covers.is_empty());
}

#[test]
fn an_article_whose_text_is_not_here_yet_shows_no_claims_rather_than_lost_ones() {
    let mut lib = Library::new(crate::domain::document::seed_stubs());
    let (id, raw) = crate::domain::document::SEEDS[0];
    let mut with_text = lib.clone();
    with_text.fill_seed(id, raw);
    with_text
        .annotate(id, (0, 9), Verdict::Sourced, "c".into(), 1)
        .unwrap();
    lib.merge(with_text.contents());
    let page = Page::new(lib.document(id).unwrap());
    assert!(claims(&page, &lib).is_empty(), "not one claim an orphan");
    lib.fill_seed(id, raw);
    let page = Page::new(lib.document(id).unwrap());
    assert_eq!(claims(&page, &lib)[0].span, Some((0, 9)));
}

/// An article of `paragraphs` paragraphs of three sentences.
fn paragraphed(paragraphs: usize) -> Library {
    let text = (0..paragraphs)
        .map(|p| format!("Para {p} one. Para {p} two 😀. Para {p} three."))
        .collect::<Vec<_>>()
        .join("\n\n");
    article("p", &text)
}

#[test]
fn a_layout_made_again_after_changes_is_the_layout_made_afresh_sharing_what_they_left_alone() {
    let mut lib = paragraphed(40);
    let page = Page::new(lib.document("p").unwrap());
    let len = page.text.len();
    let hint = |s: usize, e: usize| Hint {
        span: (s, e),
        verdict: Verdict::Unsourced,
        source: None,
    };
    let (mut was, mut hints_was) = (covers(&claims(&page, &lib)), Vec::<Hint>::new());
    let mut laid = layout(&page, &was, &hints_was);
    // A fixed pseudo-random walk of tags (nested, overlapping, over paragraph breaks), verdict
    // changes, deletions and suggestions shown and gone.
    let mut seed = 7u64;
    let mut next = |n: usize| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize % n.max(1)
    };
    for step in 0..300 {
        let mut hints = hints_was.clone();
        match next(5) {
            0 | 1 => {
                let s = next(len - 1);
                let e = (s + 1 + next(90)).min(len);
                let v = [Verdict::Sourced, Verdict::Unsourced][next(2)];
                let _ = lib.annotate("p", (s, e), v, format!("c{step}"), step as i64);
            }
            2 => {
                if let Some(c) = claims(&page, &lib).get(next(40)) {
                    lib.set_verdict(&c.id, Verdict::Sourced, step as i64);
                }
            }
            3 => {
                if let Some(c) = claims(&page, &lib).get(next(40)) {
                    lib.delete(&c.id, step as i64);
                }
            }
            _ => {
                // Suggestions: sentences not overlapping one another, in text order.
                hints = (0..len / 40)
                    .filter(|_| next(3) == 0)
                    .map(|k| hint(k * 40, k * 40 + 30))
                    .collect();
            }
        }
        let now = covers(&claims(&page, &lib));
        let again = relayout(&page, &laid, (&was, &hints_was), &now, &hints);
        assert_eq!(again, layout(&page, &now, &hints), "step {step}");
        let (old, new) = (&laid.paragraphs, &again.paragraphs);
        for (k, (a, b)) in old.iter().zip(new).enumerate() {
            if a == b {
                assert!(
                    Arc::ptr_eq(a, b),
                    "step {step}: paragraph {k} unchanged, shared"
                );
            }
        }
        (was, hints_was, laid) = (now, hints, again);
    }
}

#[test]
fn a_tag_cuts_only_the_paragraphs_it_reaches() {
    let mut lib = paragraphed(10);
    let page = Page::new(lib.document("p").unwrap());
    let was = covers(&claims(&page, &lib));
    let laid = layout(&page, &was, &[]);
    // From the end of paragraph 2 into paragraph 3.
    let (s, e) = (page.paragraphs[2].1 - 4, page.paragraphs[3].0 + 4);
    lib.annotate("p", (s, e), Verdict::Sourced, "x".into(), 1)
        .unwrap();
    let now = covers(&claims(&page, &lib));
    let again = relayout(&page, &laid, (&was, &[]), &now, &[]);
    let redone: Vec<usize> = (0..10)
        .filter(|&k| !Arc::ptr_eq(&laid.paragraphs[k], &again.paragraphs[k]))
        .collect();
    assert_eq!(redone, vec![2, 3]);
    assert_eq!(&*again.paragraphs[3][0].covers[0].id, "x");
    // Nothing changed: the same layout, every paragraph shared.
    let same = relayout(&page, &again, (&now, &[]), &now, &[]);
    assert!((same.paragraphs.iter().zip(&again.paragraphs)).all(|(a, b)| Arc::ptr_eq(a, b)));
}

#[test]
fn claims_placed_since_a_revision_are_those_placed_afresh_after_every_kind_of_change() {
    let mut lib = big(20);
    lib.add_document(document_from_text(
        "other".into(),
        "Another article says a thing.",
        None,
        Origin::User,
        1,
    ));
    lib.annotate("other", (0, 7), Verdict::Sourced, "o1".into(), 1)
        .unwrap();
    let page = Page::new(lib.document("big").unwrap());
    type Change = Box<dyn Fn(&mut Library)>;
    let changes: Vec<(&str, Change)> = vec![
        (
            "a note",
            Box::new(|l| assert!(l.set_note("c3", "checked", 2))),
        ),
        (
            "the same note again",
            Box::new(|l| assert!(!l.set_note("c3", "checked", 3))),
        ),
        (
            "an evidence link",
            Box::new(|l| assert!(l.set_evidence("c4", "https://e.org/", 4))),
        ),
        (
            "a note in another article",
            Box::new(|l| assert!(l.set_note("o1", "elsewhere", 5))),
        ),
        (
            "a verdict",
            Box::new(|l| assert!(l.set_verdict("c5", Verdict::Sourced, 6))),
        ),
        (
            "two notes",
            Box::new(|l| {
                assert!(l.set_note("c6", "one", 7) && l.set_note("c7", "two", 7));
            }),
        ),
        ("a deletion", Box::new(|l| assert!(l.delete("c8", 8)))),
        (
            "a new claim",
            Box::new(|l| {
                l.annotate("big", (2, 9), Verdict::Sourced, "new".into(), 9)
                    .unwrap();
            }),
        ),
        (
            "a claim at the very place of another",
            Box::new(|l| {
                let c12 = l.annotation("c12").map(|a| (a.start, a.end)).unwrap();
                l.annotate("big", c12, Verdict::Unsourced, "twin".into(), 9)
                    .unwrap();
            }),
        ),
        (
            "a claim inside another",
            Box::new(|l| {
                let c13 = l.annotation("c13").unwrap().start;
                l.annotate("big", (c13, c13 + 8), Verdict::Sourced, "inner".into(), 9)
                    .unwrap();
            }),
        ),
        (
            "a claim at the end",
            Box::new(|l| {
                let end = l.document("big").unwrap().text.chars().count();
                l.annotate("big", (end - 6, end), Verdict::Sourced, "last".into(), 9)
                    .unwrap();
            }),
        ),
        (
            "a claim in another article",
            Box::new(|l| {
                l.annotate("other", (8, 15), Verdict::Sourced, "o2".into(), 9)
                    .unwrap();
            }),
        ),
        (
            "a deletion in another article",
            Box::new(|l| assert!(l.delete("o1", 9))),
        ),
        (
            "the claim at the start deleted",
            Box::new(|l| assert!(l.delete("c0", 9))),
        ),
        (
            "a merge of a note from another tab",
            Box::new(|l| {
                let mut theirs = l.clone();
                theirs.set_note("c9", "from the other tab", 10);
                l.merge(theirs.contents());
            }),
        ),
        (
            "the stored claims read at start-up",
            Box::new(|l| {
                let mut stored = l.clone();
                stored.set_note("c10", "stored", 11);
                l.set_note("c11", "here", 12);
                l.claims_read(stored);
            }),
        ),
    ];
    let mut before = claims(&page, &lib);
    let mut placed_at = lib.revision();
    for (what, change) in &changes {
        change(&mut lib);
        let now = claims_since(&page, &lib, &before, Some(placed_at));
        assert_eq!(now, claims(&page, &lib), "after {what}");
        (before, placed_at) = (now, lib.revision());
    }
    assert!(lib.annotation("c3").is_some_and(|a| a.note == "checked"));
    for id in ["new", "twin", "inner", "last"] {
        assert!(before.iter().any(|c| &*c.id == id), "{id} listed");
    }
    assert!(!before
        .iter()
        .any(|c| ["c0", "c8", "o1", "o2"].contains(&&*c.id)));
    assert!(before
        .iter()
        .any(|c| &*c.id == "c9" && &*c.note == "from the other tab"));
    assert!(before
        .iter()
        .any(|c| &*c.id == "c10" && &*c.note == "stored"));
}

#[test]
fn only_one_edit_of_a_claims_fields_is_told_apart() {
    use crate::domain::library::Since;
    let mut lib = big(5);
    let r = lib.revision();
    assert_eq!(lib.since(r), Since::Nothing);
    lib.set_note("c1", "a", 2);
    assert_eq!(lib.since(r), Since::Fields("c1".into()), "one note");
    lib.set_note("c1", "ab", 3);
    assert_eq!(lib.since(r), Since::More, "two notes since r");
    assert_eq!(lib.since(r + 1), Since::Fields("c1".into()));
    let r = lib.revision();
    lib.set_verdict("c2", Verdict::Unsourced, 4);
    assert_eq!(
        lib.since(r),
        Since::More,
        "a verdict moves the counts and colours"
    );
    let r = lib.revision();
    lib.annotate("big", (0, 4), Verdict::Sourced, "x".into(), 4)
        .unwrap();
    assert_eq!(lib.since(r), Since::Added("x".into()));
    let r = lib.revision();
    lib.delete("x", 4);
    assert_eq!(
        lib.since(r),
        Since::Removed("x".into()),
        "one deletion, two records"
    );
    let r = lib.revision();
    lib.dismiss("big", "Sentence 4", 5);
    assert_eq!(lib.since(r), Since::More);
    // Placed before that note and another change: placed again.
    let page = Page::new(lib.document("big").unwrap());
    let stale = claims(&page, &lib);
    let at = lib.revision();
    lib.delete("c0", 6);
    lib.set_note("c1", "abc", 7);
    let now = claims_since(&page, &lib, &stale, Some(at));
    assert_eq!(now.len(), 4, "the deletion is seen");
    assert_eq!(now, claims(&page, &lib));
}

#[test]
fn a_moved_claim_confirmed_rejected_or_reattached_is_placed_again() {
    let old = "Intro.\n\nThe minister said prices fell 3% in May. Critics disagree.";
    let new = "The minister said prices fell 4% in May. Critics disagree.";
    type Step = fn(&mut Library) -> bool;
    let steps: [(&str, Step); 3] = [
        ("confirmed", |l| l.confirm("m", 101)),
        ("rejected", |l| l.reject("m", 101)),
        ("rejected and re-attached", |l| {
            l.reject("m", 101) && l.reattach("m", (0, 41), 102).is_ok()
        }),
    ];
    for (what, step) in steps {
        let mut lib = article("u", old);
        lib.annotate("u", (8, 48), Verdict::Sourced, "m".into(), 10)
            .unwrap();
        lib.replace_text("u", new, 100).unwrap();
        let page = Page::new(lib.document("u").unwrap());
        let before = claims(&page, &lib);
        assert_eq!(before[0].status, Status::Moved);
        let at = lib.revision();
        assert!(step(&mut lib), "{what}");
        let now = claims_since(&page, &lib, &before, Some(at));
        assert_ne!(now, before, "{what}");
        assert_eq!(now, claims(&page, &lib), "{what}");
    }
}

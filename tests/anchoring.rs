//! Anchoring on the real seed articles: repeated quotes, edits, orphans.
#![cfg(not(target_arch = "wasm32"))]

use claimmark::domain::anchor::{anchor, quote_at, Anchorer, Method, Quote};
use claimmark::domain::document::seed_documents;
use claimmark::domain::text::IndexedText;

const POMPEO: &str = "Iraqis — Iraqis — dancing in the street for freedom; thankful that General Soleimani is no more.";

fn find_cp(text: &str, needle: &str) -> Vec<usize> {
    text.match_indices(needle)
        .map(|(b, _)| text[..b].chars().count())
        .collect()
}

#[test]
fn the_pompeo_quote_anchors_in_each_of_the_three_articles_that_carry_it() {
    let seeds = seed_documents();
    let carrying: Vec<_> = seeds.iter().filter(|d| d.text.contains(POMPEO)).collect();
    assert_eq!(carrying.len(), 3, "000, 001 and 002 quote the tweet");
    for doc in &carrying {
        let t = IndexedText::new(doc.text.as_str());
        let at = find_cp(&doc.text, POMPEO);
        assert_eq!(at.len(), 1);
        let (s, e) = (at[0], at[0] + POMPEO.chars().count());
        let q = quote_at(&t, s, e);
        // Back to its own place, with and without the position.
        for hint in [Some((s, e)), None] {
            let a = anchor(&t, &q, hint).unwrap();
            assert_eq!((a.start, a.end), (s, e), "{}", doc.id);
        }
        // The quote as another article stored it (different context) still finds this one,
        // but with less confidence: a person should look.
        let other = carrying.iter().find(|d| d.id != doc.id).unwrap();
        let ot = IndexedText::new(other.text.as_str());
        let os = find_cp(&other.text, POMPEO)[0];
        let foreign = quote_at(&ot, os, os + POMPEO.chars().count());
        let a = anchor(&t, &foreign, None).unwrap();
        assert_eq!((a.start, a.method), (s, Method::Exact), "{}", doc.id);
        assert!(a.confidence < 1.0);
    }
}

#[test]
fn the_same_quote_twice_in_one_article_keeps_each_annotation_on_its_own() {
    // An article that embeds the tweet twice (as live blogs do), with different context.
    let base = seed_documents().remove(2).text; // 002 carries the tweet
    let text =
        format!("{base}\n\nUpdate: Pompeo repeated it later. {POMPEO} He added nothing more.");
    let t = IndexedText::new(text.as_str());
    let at = find_cp(&text, POMPEO);
    assert_eq!(at.len(), 2);
    let len = POMPEO.chars().count();
    let quotes: Vec<Quote> = at.iter().map(|&s| quote_at(&t, s, s + len)).collect();
    // The article is edited at its start: both move, each to its own place.
    let edited = format!("Editor's note: this story was updated.\n\n{text}");
    let et = IndexedText::new(edited.as_str());
    let shift = "Editor's note: this story was updated.\n\n".chars().count();
    let anchorer = Anchorer::new(et.as_str());
    for (q, &s) in quotes.iter().zip(&at) {
        for hint in [Some((s, s + len)), None] {
            let a = anchorer.anchor(q, hint).unwrap();
            assert_eq!(a.start, s + shift, "{hint:?}");
            assert_eq!(a.method, Method::Exact);
        }
    }
}

#[test]
fn a_corrected_typo_in_the_claim_is_found_and_flagged_for_confirmation() {
    let doc = &seed_documents()[4];
    let claim = "the Defense Department said in a statement";
    let t = IndexedText::new(doc.text.as_str());
    let s = find_cp(&doc.text, claim)[0];
    let q = quote_at(&t, s, s + claim.chars().count());
    let fixed = doc.text.replacen(
        "the Defense Department said",
        "the Defence Department said",
        1,
    );
    let ft = IndexedText::new(fixed.as_str());
    let a = anchor(&ft, &q, Some((s, s + claim.chars().count()))).unwrap();
    assert_eq!((a.start, a.method, a.errors), (s, Method::Fuzzy, 1));
    assert!(a.needs_confirmation());
    assert_eq!(
        ft.slice(a.start, a.end),
        "the Defence Department said in a statement"
    );
}

#[test]
fn a_deleted_claim_does_not_anchor_anywhere() {
    let doc = &seed_documents()[0];
    let t = IndexedText::new(doc.text.as_str());
    let claim = "The AFP added that those who were celebrating chanted";
    let s = find_cp(&doc.text, claim)[0];
    let q = quote_at(&t, s, s + claim.chars().count());
    let gone = doc.text.replacen(claim, "", 1);
    let gt = IndexedText::new(gone.as_str());
    assert_eq!(anchor(&gt, &q, Some((s, s + claim.chars().count()))), None);
}

//! Start-up in two steps: the list from the articles' details, then the claims, taken in
//! without losing what was changed meanwhile.

use super::*;
use crate::domain::annotation::Verdict;
use crate::domain::document::{document_from_text, seed_documents, Origin};
use crate::domain::library::Counts;
use crate::domain::storage::MemoryStore;

/// The storage tests' sample library (user-1 with one sourced claim, a deleted seed claim, a
/// dismissed suggestion), stored as the app stores it.
fn stored_sample() -> MemoryRecords {
    let store = MemoryRecords::default();
    let mut lib = crate::domain::storage::tests::sample();
    lib.dismiss("user-1", "pasted", 11);
    let mut saver = Saver::default();
    saver.note(lib.take_journal());
    store.apply(&saver.start(&lib).unwrap()).unwrap();
    saver.finish(true);
    store
}

/// What start-up reads first.
fn listing_records(store: &MemoryRecords) -> Vec<(String, String)> {
    let (from, to) = LISTING;
    (store.all().into_iter())
        .filter(|(k, _)| from <= k.as_str() && k.as_str() < to)
        .collect()
}

/// What start-up reads next: every record but the texts, as a library.
fn full(store: &MemoryRecords) -> Library {
    let records = (store.all().into_iter())
        .filter(|(k, _)| k.as_str() < TEXT_PREFIX)
        .collect();
    open(seed_documents(), records, &MemoryStore::default(), 1).library
}

#[test]
fn the_listing_keys_hold_details_and_meta_but_no_claim_and_no_text() {
    let (from, to) = LISTING;
    let inside = |k: &str| from <= k && k < to;
    for k in ["d:x", "meta", "aside:a:x"] {
        assert!(inside(k), "{k}");
    }
    for k in ["a:x", "a:", "t:x", r#"x:["a","b"]"#, "~text:x"] {
        assert!(!inside(k), "{k}");
    }
}

#[test]
fn the_list_is_shown_from_the_details_without_reading_a_claim() {
    let store = stored_sample();
    let records = listing_records(&store);
    let keys: Vec<&str> = records.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(keys, ["d:user-1", "meta"]);
    let shown = listing(seed_documents(), records);
    assert!(shown.writable);
    assert!(shown.library.claims_unread());
    assert!(shown.library.all_annotations().is_empty());
    assert_eq!(
        shown.library.document("user-1").unwrap().title,
        "My pasted 😀 text."
    );
    assert!(!full(&store).claims_unread());
}

#[test]
fn what_is_changed_before_the_claims_arrive_is_kept_and_written() {
    let store = stored_sample();
    let mut lib = listing(seed_documents(), listing_records(&store)).library;
    let listed = lib.listed();
    // The open article's text, read at start; then a claim marked, an article added and a
    // suggestion dismissed before the claims are read.
    fill_texts(&mut lib, store.all());
    lib.annotate(
        "user-1",
        (0, 2),
        Verdict::Unsourced,
        "urn:uuid:new".into(),
        50,
    )
    .unwrap();
    let added = document_from_text("user-2".into(), "Another text.", None, Origin::User, 51);
    lib.add_document(added);
    lib.dismiss("user-1", "text", 52);

    lib.claims_read(full(&store));
    assert!(!lib.claims_unread());
    assert!(
        lib.listed() > listed,
        "the list is shown again, with the counts"
    );
    let ids: Vec<&str> = lib
        .all_annotations()
        .iter()
        .map(|a| a.id.as_str())
        .collect();
    assert_eq!(ids.len(), 2);
    assert!(ids.contains(&"urn:uuid:b") && ids.contains(&"urn:uuid:new"));
    assert_eq!(lib.annotation("urn:uuid:b").unwrap().note, "a note");
    let i = (lib.documents().iter())
        .position(|d| d.id == "user-1")
        .unwrap();
    assert_eq!(
        lib.all_counts()[i],
        Counts {
            sourced: 1,
            unsourced: 1
        }
    );
    assert!(lib.is_dismissed("user-1", "text"));
    assert!(lib.is_dismissed("user-1", "pasted"), "the stored dismissal");
    assert_eq!(lib.document("user-1").unwrap().text, "My pasted 😀 text.");
    assert_eq!(lib.document("user-2").unwrap().text, "Another text.");
    // Only what was changed meanwhile waits to be written.
    let touched = lib.take_journal();
    assert_eq!(
        touched,
        [
            Touched::Document("user-2".into()),
            Touched::Annotation("urn:uuid:new".into()),
            Touched::Dismissal("user-1".into(), "text".into()),
        ]
    );
    let mut saver = Saver::default();
    saver.note(touched);
    store.apply(&saver.start(&lib).unwrap()).unwrap();
    saver.finish(true);
    let mut again = full(&store);
    fill_texts(&mut again, store.all());
    assert_eq!(again.contents(), lib.contents());
}

#[test]
fn a_newer_claimmarks_library_lists_only_the_samples_and_is_not_written() {
    let store = stored_sample();
    store
        .apply(&[Write::Put(
            META_KEY.into(),
            r#"{"schemaVersion":99}"#.into(),
        )])
        .unwrap();
    let shown = listing(seed_documents(), listing_records(&store));
    assert!(!shown.writable);
    assert!(shown.library.document("user-1").is_none());
}

#[test]
fn one_value_of_the_records_reads_as_the_library_does() {
    let mut lib = crate::domain::storage::tests::sample();
    lib.dismiss("user-1", "pasted", 11);
    let c = lib.contents();
    let one = one_value(&c);
    assert_eq!(crate::domain::storage::decode(&one).unwrap(), c);
    assert_eq!(
        one,
        crate::domain::storage::encode(&c),
        "the same value, byte for byte"
    );
}

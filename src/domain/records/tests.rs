use super::*;
use crate::domain::annotation::Verdict;
use crate::domain::document::{document_from_text, seed_documents, Origin};
use crate::domain::storage::{encode, MemoryStore, StoreError};

const SEED: &str = "000_698b5d7c01ae0af2";

/// A library as the release before last (schema 1) stored it in `localStorage`, byte for byte.
const V1: &str = r#"{"schemaVersion":1,"documents":[{"id":"user-1","title":"My pasted 😀 text.","text":"My pasted 😀 text.","origin":"user","added":5}],"annotations":[{"id":"urn:uuid:b","doc":"user-1","start":3,"end":9,"exact":"pasted","prefix":"My ","suffix":" 😀 text.","verdict":"sourced","note":"a note","evidence":"","created":8,"modified":9}],"tombstones":[{"id":"urn:uuid:a","deleted":10}],"dismissed":[{"doc":"000_698b5d7c01ae0af2","exact":"Some words.","at":11}]}"#;

/// The storage tests' sample library, with a dismissed suggestion too.
fn sample() -> Library {
    let mut l = crate::domain::storage::tests::sample();
    l.dismiss(SEED, "Some words.", 11);
    l
}

/// What one tab does: its library, its saver, the shared store.
struct Tab<'a> {
    lib: Library,
    saver: Saver,
    store: &'a MemoryRecords,
}

impl<'a> Tab<'a> {
    /// A tab that has stored the sample library in `store`.
    fn with_sample(store: &'a MemoryRecords) -> Self {
        let mut tab = Tab::open(store);
        tab.lib = sample();
        tab.save().unwrap();
        tab
    }

    /// Starts as the page does (reading no text), and reads the texts, as opening each
    /// article does.
    fn open(store: &'a MemoryRecords) -> Self {
        let opened = open(
            seed_documents(),
            before_texts(store),
            &MemoryStore::default(),
            1,
        );
        let mut lib = opened.library;
        fill_texts(&mut lib, store.all());
        Tab {
            lib,
            saver: Saver::default(),
            store,
        }
    }

    /// Saves what changed; returns what was written, as the other tabs are told.
    fn save(&mut self) -> Result<Vec<Touched>, StoreError> {
        self.saver.note(self.lib.take_journal());
        let Some(writes) = self.saver.start(&self.lib) else {
            return Ok(Vec::new());
        };
        let r = self.store.apply(&writes);
        let written = self.saver.finish(r.is_ok());
        r.map(|_| written)
    }

    /// Hears that another tab wrote these records.
    fn hear(&mut self, written: &[Touched]) {
        let found = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
        let into = found.clone();
        let keys = written.iter().map(key_of).collect();
        self.store
            .read(keys, Box::new(move |r| *into.borrow_mut() = r.unwrap()));
        self.lib.merge(read(&found.take()).contents);
    }
}

/// What start-up reads: every record before the texts.
fn before_texts(store: &MemoryRecords) -> Vec<(String, String)> {
    (store.all().into_iter())
        .filter(|(k, _)| k.as_str() < TEXT_PREFIX)
        .collect()
}

/// The library in `store`, with every text read.
fn stored_library(store: &MemoryRecords) -> Library {
    let mut lib = Library::with_contents(seed_documents(), read(&before_texts(store)).contents);
    fill_texts(&mut lib, store.all());
    lib.take_journal();
    lib
}

fn stored_contents(store: &MemoryRecords) -> Contents {
    stored_library(store).contents()
}

#[test]
fn each_change_writes_only_its_records() {
    let store = MemoryRecords::default();
    let mut tab = Tab::with_sample(&store);
    let keys: Vec<String> = store.all().into_iter().map(|(k, _)| k).collect();
    assert_eq!(
        keys,
        [
            "a:urn:uuid:b",
            "d:user-1",
            "meta",
            "t:urn:uuid:a",
            r#"x:["000_698b5d7c01ae0af2","Some words."]"#,
            "~text:user-1",
        ],
        "one record each, an article's text apart; the sample article and the deleted claim \
         are not stored"
    );
    assert_eq!(stored_contents(&store), tab.lib.contents());
    // A note: one claim record (and the schema version) written, nothing else.
    tab.lib.set_note("urn:uuid:b", "checked", 20);
    let touched = tab.lib.take_journal();
    assert_eq!(touched, [Touched::Annotation("urn:uuid:b".into())]);
    let writes = writes_for(&tab.lib, &touched);
    assert_eq!(writes.len(), 2);
    assert!(matches!(&writes[0], Write::Put(k, v) if k == "a:urn:uuid:b" && v.contains("checked")));
    tab.saver.note(touched);
    let w = tab.saver.start(&tab.lib).unwrap();
    store.apply(&w).unwrap();
    tab.saver.finish(true);
    assert_eq!(stored_contents(&store), tab.lib.contents());
    // Deleting removes the claim's record and writes its deletion record.
    tab.lib.delete("urn:uuid:b", 30);
    tab.save().unwrap();
    assert_eq!(store.get("a:urn:uuid:b"), None);
    assert!(store.get("t:urn:uuid:b").is_some());
    assert_eq!(stored_contents(&store), tab.lib.contents());
}

#[test]
fn every_kind_of_change_is_journaled() {
    // Whatever a user does, the records written equal the library's records.
    let store = MemoryRecords::default();
    let mut tab = Tab::open(&store);
    let l = &mut tab.lib;
    l.add_document(document_from_text(
        "u".into(),
        "A said B. C.",
        None,
        Origin::User,
        1,
    ));
    l.annotate("u", (0, 9), Verdict::Sourced, "c1".into(), 2)
        .unwrap();
    l.annotate("u", (10, 12), Verdict::Unsourced, "c2".into(), 2)
        .unwrap();
    l.accept(
        None,
        SEED,
        (0, 9),
        Verdict::Sourced,
        Some("AFP"),
        "c3".into(),
        3,
    )
    .unwrap();
    l.set_verdict("c1", Verdict::Unsourced, 4);
    l.set_evidence("c1", "https://example.org", 4);
    l.set_source("c3", "Reuters", 4);
    l.set_rating("c3", "False", 4);
    l.dismiss(SEED, "x", 5);
    l.undismiss(SEED, "x", 6);
    let details = crate::domain::provenance::Details {
        title: "New title".into(),
        ..Default::default()
    };
    l.set_details("u", &details, 7).unwrap();
    l.replace_text("u", "Intro. A said B. D.", 8).unwrap();
    l.delete("c2", 9);
    let gone = l.annotation("c1").cloned().unwrap();
    l.delete("c1", 10);
    assert!(l.restore(gone, 11));
    tab.save().unwrap();
    assert_eq!(stored_contents(&store), tab.lib.contents());
    // A merge from a file or another tab is journaled too.
    let mut other = sample();
    other.set_note("urn:uuid:b", "from a file", 50);
    tab.lib.merge(other.contents());
    tab.save().unwrap();
    assert_eq!(stored_contents(&store), tab.lib.contents());
}

#[test]
fn a_failed_write_changes_nothing_and_its_records_wait_for_the_next() {
    let store = MemoryRecords::default();
    let mut tab = Tab::with_sample(&store);
    let before = store.all();
    tab.lib.set_note("urn:uuid:b", "lost?", 20);
    store.fail_next_write();
    assert!(tab.save().is_err());
    assert_eq!(store.all(), before, "nothing half written");
    assert_eq!(tab.saver.unsaved(), 1);
    // The next change writes both.
    tab.lib.set_verdict("urn:uuid:b", Verdict::Unsourced, 21);
    tab.save().unwrap();
    let stored = read(&store.all()).contents;
    assert_eq!(stored.annotations[0].note, "lost?");
    assert_eq!(tab.saver.unsaved(), 0);
}

#[test]
fn a_full_quota_fails_the_write_and_keeps_memory_and_storage_intact() {
    let store = MemoryRecords::with_quota(3_000);
    let mut tab = Tab::with_sample(&store);
    let before = store.all();
    tab.lib.add_document(document_from_text(
        "user-2".into(),
        &"long text ".repeat(500),
        None,
        Origin::User,
        3,
    ));
    assert_eq!(tab.save(), Err(StoreError::Full));
    assert_eq!(store.all(), before);
    assert!(tab.lib.document("user-2").is_some());
}

#[test]
fn two_tabs_lose_nothing_and_the_newer_edit_wins() {
    let store = MemoryRecords::default();
    let mut a = Tab::open(&store);
    let mut b = Tab::open(&store);
    a.lib
        .annotate(SEED, (0, 9), Verdict::Sourced, "from-a".into(), 10)
        .unwrap();
    let told = a.save().unwrap();
    b.lib
        .annotate(SEED, (10, 20), Verdict::Unsourced, "from-b".into(), 12)
        .unwrap();
    let told_b = b.save().unwrap();
    b.hear(&told);
    a.hear(&told_b);
    assert_eq!(a.lib.contents(), b.lib.contents());
    // Both edit the same claim; the later edit wins everywhere, whatever order the news comes.
    a.lib.set_note("from-a", "older", 20);
    b.lib.set_note("from-a", "newer", 21);
    let (ta, tb) = (a.save().unwrap(), b.save().unwrap());
    a.hear(&tb);
    b.hear(&ta);
    // A's merge took B's newer note: A writes it back (B's write may have landed first).
    let again = a.save().unwrap();
    b.hear(&again);
    assert_eq!(a.lib.annotation("from-a").unwrap().note, "newer");
    assert_eq!(b.lib.contents(), a.lib.contents());
    assert_eq!(stored_contents(&store), a.lib.contents());
    // Once both hold the same, nothing more is written: no endless ping-pong.
    let writes = store.writes.get();
    assert!(b.save().unwrap().is_empty() && a.save().unwrap().is_empty());
    assert_eq!(store.writes.get(), writes);
    // A deletion reaches the other tab.
    a.lib.delete("from-b", 30);
    let told = a.save().unwrap();
    b.hear(&told);
    assert!(b.lib.annotation("from-b").is_none());
}

#[test]
fn an_old_single_value_library_moves_over_once() {
    let old = MemoryStore::default();
    old.set(LIBRARY_KEY, V1).unwrap();
    let opened = open(seed_documents(), Vec::new(), &old, 20);
    assert_eq!(opened.problem, None);
    assert!(opened.writable && opened.remove_old);
    let c = &opened.library.contents();
    assert_eq!(c.documents[0].text, "My pasted 😀 text.");
    assert_eq!(c.annotations[0].note, "a note");
    assert_eq!((c.tombstones.len(), c.dismissed.len()), (1, 1));
    // Written as records, nothing lost or changed on the way.
    let store = MemoryRecords::default();
    store.apply(&opened.writes).unwrap();
    assert_eq!(stored_contents(&store), opened.library.contents());
    assert_eq!(
        store.get(META_KEY).as_deref(),
        Some(r#"{"schemaVersion":4}"#)
    );
    // The old value stays until the records are confirmed; then it goes, and the next start
    // finds only records.
    assert!(old.get(LIBRARY_KEY).unwrap().is_some());
    old.remove(LIBRARY_KEY).unwrap();
    let again = open(seed_documents(), before_texts(&store), &old, 21);
    assert!(again.writes.is_empty() && !again.remove_old);
    let mut again = again.library;
    assert_eq!(fill_texts(&mut again, store.all()), 1);
    assert_eq!(again.contents(), opened.library.contents());
}

#[test]
fn an_old_value_written_after_the_move_is_merged_in_too() {
    let store = MemoryRecords::default();
    Tab::with_sample(&store);
    // An old claimmark in another tab still saves the single value.
    let mut old_lib = Library::new(seed_documents());
    old_lib.add_document(document_from_text(
        "old-tab".into(),
        "Old tab text.",
        None,
        Origin::User,
        40,
    ));
    let old = MemoryStore::default();
    old.set(LIBRARY_KEY, &encode(&old_lib.contents())).unwrap();
    let opened = open(seed_documents(), store.all(), &old, 50);
    let contents = opened.library.contents();
    let ids: Vec<&str> = contents.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["user-1", "old-tab"]);
}

#[test]
fn an_unreadable_old_value_is_copied_aside_never_overwritten() {
    let old = MemoryStore::default();
    old.set(LIBRARY_KEY, "{\"schemaVersion\":1,\"documents\":[tru")
        .unwrap();
    let opened = open(seed_documents(), Vec::new(), &old, 42);
    let Some(LoadProblem::KeptAside { backup_key, reason }) = &opened.problem else {
        panic!("expected KeptAside, got {:?}", opened.problem);
    };
    assert_eq!(backup_key, "claimmark.library.unreadable.42");
    assert!(reason.contains("not valid JSON"), "{reason}");
    assert!(old.get(backup_key).unwrap().unwrap().ends_with("[tru"));
    assert_eq!(
        old.get(LIBRARY_KEY).unwrap(),
        None,
        "so the next start does not copy it again"
    );
    assert!(opened.writable && !opened.remove_old);
}

#[test]
fn unreadable_records_are_moved_aside_and_the_rest_loads() {
    let store = MemoryRecords::default();
    let tab = Tab::with_sample(&store);
    store
        .apply(&[Write::Put("a:broken".into(), "{\"id\":".into())])
        .unwrap();
    let mut opened = open(seed_documents(), store.all(), &MemoryStore::default(), 1);
    fill_texts(&mut opened.library, store.all());
    let Some(LoadProblem::RecordsAside { count: 1, first }) = &opened.problem else {
        panic!("expected RecordsAside, got {:?}", opened.problem);
    };
    assert!(first.starts_with("a:broken: "), "{first}");
    assert!(opened
        .problem
        .as_ref()
        .unwrap()
        .message()
        .contains("aside:"));
    assert_eq!(
        opened.library.contents(),
        tab.lib.contents(),
        "everything else loads"
    );
    store.apply(&opened.writes).unwrap();
    assert_eq!(store.get("a:broken"), None);
    assert_eq!(store.get("aside:a:broken").as_deref(), Some("{\"id\":"));
}

#[test]
fn a_library_of_a_newer_claimmark_is_never_written_over() {
    let store = MemoryRecords::default();
    store
        .apply(&[Write::Put(META_KEY.into(), r#"{"schemaVersion":9}"#.into())])
        .unwrap();
    let opened = open(seed_documents(), store.all(), &MemoryStore::default(), 1);
    assert_eq!(opened.problem, Some(LoadProblem::TooNew { version: 9 }));
    assert!(!opened.writable && opened.writes.is_empty());
    let old = MemoryStore::default();
    old.set(LIBRARY_KEY, r#"{"schemaVersion":4}"#).unwrap();
    let opened = open(seed_documents(), Vec::new(), &old, 1);
    assert_eq!(opened.problem, Some(LoadProblem::TooNew { version: 4 }));
    assert!(!opened.writable);
    assert_eq!(old.keys(), [LIBRARY_KEY], "the old store untouched");
}

/// Issue 13's start-up crash, without any hostile input: one tab replaces an article's text
/// with a shorter one; another tab, later, edits the note of a claim that still carries its old
/// position; the later edit wins the merge, and every start lays the article out.
#[test]
fn a_stale_position_that_wins_a_merge_does_not_stop_the_start() {
    let long = "Intro. ".repeat(200) + "The minister said prices fell.";
    let store = MemoryRecords::default();
    let mut a = Tab::open(&store);
    a.lib
        .add_document(document_from_text("u".into(), &long, None, Origin::User, 1));
    let start = long.chars().count() - 30;
    a.lib
        .annotate("u", (start, start + 30), Verdict::Sourced, "m".into(), 2)
        .unwrap();
    a.save().unwrap();
    let mut b = Tab::open(&store);
    a.lib
        .replace_text("u", "Short. The minister said prices fell.", 5)
        .unwrap();
    a.save().unwrap();
    b.lib.set_note("m", "checked", 6);
    b.save().unwrap();
    let lib = stored_library(&store);
    let m = lib.annotation("m").unwrap();
    assert_eq!(
        (m.note.as_str(), m.start),
        ("checked", start),
        "the later edit won"
    );
    let doc = lib.document("u").unwrap();
    assert!(doc.text.starts_with("Short."), "the newer text won");
    let text = crate::domain::text::IndexedText::new(doc.text.as_str());
    assert_eq!(
        lib.placed(doc, &text)[0].span,
        Some((7, 37)),
        "found by its quote"
    );
    let page = crate::domain::layout::Page::new(doc);
    let claims = crate::domain::layout::claims(&page, &lib);
    crate::domain::layout::layout(&page, &crate::domain::layout::covers(&claims), &[]);
}

#[test]
fn saving_one_edit_does_not_grow_with_the_library() {
    let mut lib = crate::domain::benchmark::large_library(200, 2_000, 20);
    lib.take_journal();
    let first = lib.all_annotations()[0].id.clone();
    lib.set_note(&first, "one edit", i64::MAX / 2);
    let mut saver = Saver::default();
    saver.note(lib.take_journal());
    let writes = saver.start(&lib).unwrap();
    assert_eq!(writes.len(), 2, "the claim and the schema version");
    let bytes: usize = (writes.iter())
        .map(|w| match w {
            Write::Put(k, v) => k.len() + v.len(),
            Write::Delete(k) => k.len(),
        })
        .sum();
    assert!(bytes < 1_000, "{bytes} bytes written for one note");
}

#[test]
fn start_up_reads_no_text_and_an_article_gets_its_own_when_read() {
    let store = MemoryRecords::default();
    let tab = Tab::with_sample(&store);
    let details = store.get("d:user-1").unwrap();
    assert!(!details.contains("\"text\""), "{details}");
    assert_eq!(
        store.get("~text:user-1").as_deref(),
        Some("My pasted 😀 text.")
    );
    let mut lib = open(
        seed_documents(),
        before_texts(&store),
        &MemoryStore::default(),
        1,
    )
    .library;
    assert_eq!(lib.unread(), Some("user-1"));
    let doc = lib.document("user-1").unwrap();
    assert_eq!(
        (doc.text.as_str(), doc.title.as_str()),
        ("", "My pasted 😀 text.")
    );
    assert_eq!(lib.counts("user-1").sourced, 1, "its claims are all there");
    // The same text added again is still known, unread.
    let again = document_from_text("u2".into(), "My pasted 😀 text.", None, Origin::User, 30);
    assert_eq!(
        lib.add_document(again),
        crate::domain::library::AddOutcome::AlreadyPresent("user-1".into())
    );
    // A text that is not the one stored (another tab replaced it since) is not taken.
    assert!(!lib.fill_text("user-1", "Another text.".into()));
    assert_eq!(fill_texts(&mut lib, store.all()), 1);
    assert_eq!(lib.unread(), None);
    assert_eq!(lib.contents(), tab.lib.contents());
    assert!(
        !lib.fill_text("user-1", "My pasted 😀 text.".into()),
        "once"
    );
}

#[test]
fn an_article_whose_text_is_not_read_keeps_its_stored_text() {
    let store = MemoryRecords::default();
    Tab::with_sample(&store);
    let mut lib = open(
        seed_documents(),
        before_texts(&store),
        &MemoryStore::default(),
        1,
    )
    .library;
    let details = crate::domain::provenance::Details {
        title: "Renamed".into(),
        ..crate::domain::provenance::Details::of(lib.document("user-1").unwrap())
    };
    assert_eq!(lib.set_details("user-1", &details, 40), Ok(true));
    let touched = lib.take_journal();
    let writes = writes_for(&lib, &touched);
    let keys: Vec<&str> = (writes.iter())
        .map(|w| match w {
            Write::Put(k, _) | Write::Delete(k) => k.as_str(),
        })
        .collect();
    assert_eq!(keys, ["d:user-1", "meta"], "no text written");
    store.apply(&writes).unwrap();
    let read_again = stored_library(&store);
    let doc = read_again.document("user-1").unwrap();
    assert_eq!(
        (doc.title.as_str(), doc.text.as_str()),
        ("Renamed", "My pasted 😀 text.")
    );
    // A file or another tab's message never carries an article without its text.
    let mut unread = lib.contents();
    unread.documents[0].text_hash.clear();
    let e = crate::domain::storage::decode(&encode(&unread)).unwrap_err();
    assert!(
        e.to_string().contains("article “user-1” has no text"),
        "{e}"
    );
}

#[test]
fn articles_stored_with_their_texts_are_stored_apart_at_the_next_start() {
    // Schema 3 kept each article's text in its details' record.
    let doc = document_from_text("u".into(), "Old text.", None, Origin::User, 1);
    let store = MemoryRecords::default();
    (store.apply(&[
        Write::Put("d:u".into(), serde_json::to_string(&doc).unwrap()),
        Write::Put(META_KEY.into(), r#"{"schemaVersion":3}"#.into()),
    ]))
    .unwrap();
    let opened = open(
        seed_documents(),
        before_texts(&store),
        &MemoryStore::default(),
        1,
    );
    assert_eq!(
        opened.library.document("u").unwrap().text,
        "Old text.",
        "read as it was"
    );
    assert_eq!(opened.library.unread(), None);
    store.apply(&opened.writes).unwrap();
    assert_eq!(store.get("~text:u").as_deref(), Some("Old text."));
    assert!(!store.get("d:u").unwrap().contains("\"text\""));
    assert_eq!(
        store.get(META_KEY).as_deref(),
        Some(r#"{"schemaVersion":4}"#)
    );
    let again = open(
        seed_documents(),
        before_texts(&store),
        &MemoryStore::default(),
        2,
    );
    assert!(again.writes.is_empty(), "moved once");
    assert_eq!(again.library.unread(), Some("u"));
    assert_eq!(stored_contents(&store), opened.library.contents());
}

#[test]
fn a_store_key_names_its_record_and_nothing_else_does() {
    let records = [
        Touched::Document("u1".into()),
        Touched::Annotation("urn:uuid:1".into()),
        Touched::Tombstone("urn:uuid:2".into()),
        Touched::Dismissal("u1".into(), "a \"quoted\" claim, [with] brackets".into()),
    ];
    for t in records {
        assert_eq!(touched_of(&key_of(&t)), Some(t.clone()), "{t:?}");
    }
    for other in [
        META_KEY,
        "~text:u1",
        "aside:a:1",
        "x:[\"u1\"]",
        "x:[\"u1\", \"spaced\"]",
        "q:1",
        "",
    ] {
        assert_eq!(touched_of(other), None, "{other}");
    }
}

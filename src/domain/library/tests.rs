use super::*;
use crate::domain::document::{document_from_text, seed_documents};
use crate::domain::text::IndexedText;

fn lib() -> Library {
    Library::new(seed_documents())
}

const SEED: &str = "000_698b5d7c01ae0af2";

#[test]
fn annotating_trims_white_space_and_records_the_quote() {
    let mut l = lib();
    let doc = l.document(SEED).unwrap().text.clone();
    let start = doc.find("Secretary").unwrap();
    let start_cp = doc[..start].chars().count();
    let a = l
        .annotate(
            SEED,
            (start_cp - 2, start_cp + 9),
            Verdict::Sourced,
            "a1".into(),
            10,
        )
        .unwrap();
    assert_eq!(a.exact, "Secretary");
    assert_eq!(a.start, start_cp);
    assert!(a.prefix.ends_with("Organization.\n\n"), "{:?}", a.prefix);
    assert_eq!(
        l.counts(SEED),
        Counts {
            sourced: 1,
            unsourced: 0
        }
    );
}

#[test]
fn an_index_of_the_text_is_used_only_when_it_is_of_this_text() {
    let mut a = lib();
    let mut b = lib();
    let mut c = lib();
    let doc = a.document(SEED).unwrap().clone();
    let text = doc.text.clone();
    let same = Page::new(&doc);
    // A page of another text (a text replaced since, say) is not used: the quote is the
    // document's. Nor is one of another revision whose text has the same length.
    let mut replaced = doc.clone();
    replaced.text = format!("Other words. {text}");
    let other = Page::new(&replaced);
    let mut older = doc.clone();
    older.text = text.replacen(|c: char| c.is_alphabetic(), "Q", 1);
    older.revised -= 1;
    let stale = Page::new(&older);
    assert!(same.is_of(&doc) && !other.is_of(&doc) && !stale.is_of(&doc));
    for (l, page) in [(&mut a, &same), (&mut b, &other), (&mut c, &stale)] {
        let c = l
            .annotate_in(Some(page), SEED, (0, 40), Verdict::Sourced, "x".into(), 1)
            .unwrap()
            .clone();
        assert_eq!(c.exact, text.chars().take(40).collect::<String>().trim());
        assert_eq!(c.start, 0);
    }
    assert_eq!(a.annotations_of(SEED), b.annotations_of(SEED));
    assert_eq!(a.annotations_of(SEED), c.annotations_of(SEED));
}

#[test]
fn blank_or_unknown_selections_are_refused() {
    let mut l = lib();
    assert_eq!(
        l.annotate("nope", (0, 5), Verdict::Sourced, "x".into(), 1)
            .unwrap_err(),
        AnnotateError::UnknownDocument
    );
    let doc = l.document(SEED).unwrap().text.clone();
    let gap = doc.find("\n\n").unwrap();
    assert_eq!(
        l.annotate(SEED, (gap, gap + 2), Verdict::Sourced, "x".into(), 1)
            .unwrap_err(),
        AnnotateError::Empty
    );
    assert!(l.all_annotations().is_empty());
}

#[test]
fn edits_stamp_modified_and_no_op_edits_do_not() {
    let mut l = lib();
    l.annotate(SEED, (0, 9), Verdict::Unsourced, "a".into(), 100)
        .unwrap();
    assert!(l.set_verdict("a", Verdict::Sourced, 200));
    assert!(!l.set_verdict("a", Verdict::Sourced, 300));
    assert!(l.set_note("a", "check AFP", 150)); // clock went back: still moves forward
    assert_eq!(l.annotation("a").unwrap().modified, 201);
    assert!(l.set_evidence("a", "https://afp.com/x", 400));
    assert_eq!(l.annotation("a").unwrap().evidence, "https://afp.com/x");
    assert!(!l.set_note("missing", "x", 1));
}

#[test]
fn annotations_come_in_text_order_with_counts() {
    let mut l = lib();
    l.annotate(SEED, (50, 60), Verdict::Unsourced, "b".into(), 1)
        .unwrap();
    l.annotate(SEED, (0, 9), Verdict::Sourced, "a".into(), 2)
        .unwrap();
    l.annotate(SEED, (0, 30), Verdict::Unsourced, "c".into(), 3)
        .unwrap();
    let ids: Vec<&str> = l
        .annotations_of(SEED)
        .iter()
        .map(|a| a.id.as_str())
        .collect();
    assert_eq!(ids, vec!["c", "a", "b"]);
    assert_eq!(
        l.counts(SEED),
        Counts {
            sourced: 1,
            unsourced: 2
        }
    );
    assert_eq!(l.counts("001_be9dfdd43b673a4c"), Counts::default());
}

/// Every article's counts, with claims of two articles made in turns (claims are kept in the
/// order they were made, and counting looks an article up only where it changes).
#[test]
fn all_counts_agree_with_each_articles_counts_when_claims_alternate() {
    let mut l = lib();
    let other = l.documents()[1].id.clone();
    for (i, (doc, verdict)) in [
        (SEED, Verdict::Sourced),
        (other.as_str(), Verdict::Unsourced),
        (other.as_str(), Verdict::Sourced),
        (SEED, Verdict::Unsourced),
        (SEED, Verdict::Unsourced),
        (other.as_str(), Verdict::Unsourced),
    ]
    .into_iter()
    .enumerate()
    {
        let id = format!("c{i}");
        l.annotate(doc, (i * 10, i * 10 + 8), verdict, id, i as i64)
            .unwrap();
    }
    let all = l.all_counts();
    let each: Vec<Counts> = l.documents().iter().map(|d| l.counts(&d.id)).collect();
    assert_eq!(all, each);
    assert_eq!(
        all[0],
        Counts {
            sourced: 1,
            unsourced: 2
        }
    );
    assert_eq!(
        all[1],
        Counts {
            sourced: 1,
            unsourced: 2
        }
    );
    assert!(all[2..].iter().all(|c| *c == Counts::default()));
}

#[test]
fn identical_text_is_not_added_twice() {
    let mut l = lib();
    let d = document_from_text("u1".into(), "Some text here.", None, Origin::User, 1);
    assert_eq!(l.add_document(d.clone()), AddOutcome::Added("u1".into()));
    let again = Document {
        id: "u2".into(),
        ..d
    };
    assert_eq!(
        l.add_document(again),
        AddOutcome::AlreadyPresent("u1".into())
    );
    assert_eq!(l.contents().documents.len(), 1);
}

#[test]
fn merge_keeps_the_newer_copy_and_respects_deletions() {
    let mut a = lib();
    a.annotate(SEED, (0, 9), Verdict::Sourced, "x".into(), 10)
        .unwrap();
    a.annotate(SEED, (10, 20), Verdict::Sourced, "y".into(), 10)
        .unwrap();
    let mut b = Library::with_contents(seed_documents(), a.contents());
    // Tab B edits x later; tab A deletes y.
    b.set_note("x", "newer", 20);
    a.delete("y", 30);
    let report = a.merge(b.contents());
    assert_eq!(report.updated, 1);
    assert_eq!(report.stayed_deleted, 1);
    assert_eq!(a.annotation("x").unwrap().note, "newer");
    assert!(a.annotation("y").is_none());
    // And B learns of the deletion.
    b.merge(a.contents());
    assert!(b.annotation("y").is_none());
    assert_eq!(b.annotation("x").unwrap().note, "newer");
    // An older copy never overwrites a newer one.
    let mut old = b.contents();
    old.annotations[0].note = "older".into();
    old.annotations[0].modified = 5;
    assert_eq!(b.merge(old).kept_local, 1);
    assert_eq!(b.annotation("x").unwrap().note, "newer");
}

#[test]
fn copies_changed_at_the_same_millisecond_come_to_one_result_whichever_merges_first() {
    let base = user_lib();
    let (mut a, mut b) = (base.clone(), base.clone());
    a.set_note("m", "checked by Ana", 50);
    b.set_note("m", "checked by Ben", 50);
    a.dismiss("u", "Intro", 60);
    b.dismiss("u", "Intro", 60);
    b.undismiss("u", "Intro", 60);
    let title = |t: &str| Details {
        title: t.into(),
        ..Details::of(base.document("u").unwrap())
    };
    a.set_details("u", &title("Prices, by Ana"), 70).unwrap();
    b.set_details("u", &title("Prices, by Ben"), 70).unwrap();
    let (from_a, from_b) = (a.contents(), b.contents());
    a.merge(from_b);
    b.merge(from_a);
    assert_eq!(a.contents(), b.contents());
    // The greater stored form won each tie.
    assert_eq!(a.annotation("m").unwrap().note, "checked by Ben");
    assert_eq!(a.document("u").unwrap().title, "Prices, by Ben");
}

fn user_lib() -> Library {
    let mut l = lib();
    l.add_document(document_from_text(
        "u".into(),
        "Intro line.\n\nThe minister said prices fell 3% in May. Critics disagree strongly with that.",
        None,
        Origin::User,
        1,
    ));
    let text = l.document("u").unwrap().text.clone();
    let cp = |s: &str| {
        let b = text.find(s).unwrap();
        let st = text[..b].chars().count();
        (st, st + s.chars().count())
    };
    let spans = [
        (
            "m",
            "The minister said prices fell 3% in May.",
            Verdict::Sourced,
        ),
        ("c", "Critics disagree strongly", Verdict::Unsourced),
        ("i", "Intro line.", Verdict::Unsourced),
    ];
    for (id, s, v) in spans {
        l.annotate("u", cp(s), v, id.into(), 10).unwrap();
    }
    l
}

#[test]
fn replacing_a_text_moves_flags_and_orphans_but_never_drops() {
    let mut l = user_lib();
    let report = l
        .replace_text(
            "u",
            "A new first paragraph.\r\n\r\nThe minister said prices fell 4% in May. Critics disagree strongly with that.",
            100,
        )
        .unwrap();
    assert_eq!(
        report,
        ReanchorReport {
            kept: 1,
            to_confirm: 1,
            orphaned: 1
        }
    );
    let doc = l.document("u").unwrap().clone();
    assert!(
        doc.text.starts_with("A new first paragraph.\n\n"),
        "newlines normalised"
    );
    assert_eq!(doc.revised, 100);
    let text = IndexedText::new(doc.text.as_str());
    let c = l.annotation("c").unwrap();
    assert_eq!(
        (c.status, text.slice(c.start, c.end)),
        (Status::Anchored, "Critics disagree strongly")
    );
    assert_eq!(
        c.modified, 100,
        "moved claims are stamped so other tabs take them"
    );
    let m = l.annotation("m").unwrap();
    assert_eq!(m.status, Status::Moved);
    assert_eq!(m.exact, "The minister said prices fell 4% in May.");
    assert_eq!(m.was, "The minister said prices fell 3% in May.");
    assert_eq!(text.slice(m.start, m.end), m.exact);
    let i = l.annotation("i").unwrap();
    assert_eq!(
        (i.status, i.exact.as_str()),
        (Status::Orphan, "Intro line.")
    );
    assert_eq!(l.all_annotations().len(), 3);
    // The orphan is listed but not placed.
    let placed = l.placed(&doc, &text);
    assert_eq!(placed.iter().filter(|p| p.span.is_none()).count(), 1);
    assert!(report.summary("T").contains("1 moved (please confirm)"));
}

#[test]
fn confirm_reject_and_reattach() {
    let new_text = "The minister said prices fell 4% in May. Critics disagree strongly.";
    let mut l = user_lib();
    l.replace_text("u", new_text, 100).unwrap();
    assert!(l.confirm("m", 101));
    let m = l.annotation("m").unwrap();
    assert_eq!((m.status, m.was.as_str()), (Status::Anchored, ""));
    assert!(!l.confirm("m", 102), "confirming twice changes nothing");

    let mut r = user_lib();
    r.replace_text("u", new_text, 100).unwrap();
    assert!(r.reject("m", 101));
    let m = r.annotation("m").unwrap();
    assert_eq!(
        (m.status, m.exact.as_str()),
        (Status::Orphan, "The minister said prices fell 3% in May.")
    );
    // Re-attach the orphan to a selection (outer white space trimmed).
    r.reattach("m", (0, 41), 102).unwrap();
    let m = r.annotation("m").unwrap();
    assert_eq!(
        (m.status, m.exact.as_str(), m.modified),
        (
            Status::Anchored,
            "The minister said prices fell 4% in May.",
            102
        )
    );
    assert_eq!(r.reattach("m", (40, 41), 103), Err(AnnotateError::Empty));
    assert_eq!(
        r.reattach("nope", (0, 3), 103),
        Err(AnnotateError::UnknownDocument)
    );
}

#[test]
fn seeds_and_empty_texts_are_not_replaced() {
    let mut l = user_lib();
    assert_eq!(l.replace_text(SEED, "x", 1), Err(ReplaceError::Seed));
    assert_eq!(l.replace_text("u", " \n ", 1), Err(ReplaceError::Empty));
    assert_eq!(
        l.replace_text("zz", "x", 1),
        Err(ReplaceError::UnknownDocument)
    );
}

#[test]
fn a_newer_revision_of_a_text_wins_in_a_merge() {
    let mut a = user_lib();
    let mut b = Library::with_contents(seed_documents(), a.contents());
    a.replace_text(
        "u",
        "Rewritten. The minister said prices fell 3% in May.",
        50,
    )
    .unwrap();
    let r = b.merge(a.contents());
    assert_eq!(r.documents_revised, 1);
    assert_eq!(b.document("u").unwrap().text, a.document("u").unwrap().text);
    assert_eq!(b.annotation("i").unwrap().status, Status::Orphan);
    // An older revision does not win back.
    let old = user_lib();
    assert_eq!(b.merge(old.contents()).documents_revised, 0);
    assert!(b.document("u").unwrap().text.starts_with("Rewritten."));
}

#[test]
fn an_article_twice_in_what_comes_in_is_added_once_and_seeds_stay() {
    let mut l = Library::new(seed_documents());
    let one = |text: &str| document_from_text("dup".into(), text, None, Origin::User, 5);
    let mut seed_copy = one("A stored copy claiming a sample's id.");
    seed_copy.id = seed_documents()[0].id.clone();
    let r = l.merge(Contents {
        documents: vec![one("First copy."), one("Second copy."), seed_copy],
        ..Contents::default()
    });
    assert_eq!(r.documents_added, 1);
    let dups = l.documents().iter().filter(|d| d.id == "dup").count();
    assert_eq!(dups, 1);
    assert_eq!(l.documents()[0].origin, Origin::Seed);
    assert_eq!(l.documents().len(), seed_documents().len() + 1);
}

#[test]
fn merge_summary_names_every_outcome() {
    let r = MergeReport {
        added: 2,
        updated: 1,
        unchanged: 3,
        kept_local: 1,
        stayed_deleted: 0,
        documents_added: 1,
        documents_revised: 0,
    };
    assert_eq!(
        r.summary("x.json"),
        "Loaded x.json: claims 2 new, 1 updated, 3 already here, 1 kept as edited here (newer). 1 article added to the library."
    );
}

#[test]
fn an_edit_after_a_deletion_brings_the_annotation_back() {
    let mut a = lib();
    a.annotate(SEED, (0, 9), Verdict::Sourced, "x".into(), 10)
        .unwrap();
    let mut b = Library::with_contents(seed_documents(), a.contents());
    a.delete("x", 20);
    b.set_note("x", "still wanted", 30);
    a.merge(b.contents());
    assert_eq!(a.annotation("x").unwrap().note, "still wanted");
}

#[test]
fn a_restored_claim_outlives_its_deletion_everywhere() {
    let mut a = lib();
    let x = a
        .annotate(SEED, (0, 9), Verdict::Sourced, "x".into(), 10)
        .unwrap()
        .clone();
    a.delete("x", 20);
    // Another tab saw the deletion.
    let other = Library::with_contents(seed_documents(), a.contents());
    // Undone within the same millisecond: still later than the deletion.
    assert!(a.restore(x.clone(), 20));
    assert!(!a.restore(x.clone(), 21), "already back");
    let back = a.annotation("x").unwrap().clone();
    assert_eq!(
        (back.exact.as_str(), back.start, back.verdict),
        ("Thousands", 0, Verdict::Sourced)
    );
    assert!(back.modified > 20);
    a.merge(other.contents());
    assert!(
        a.annotation("x").is_some(),
        "the older deletion does not win"
    );
    let mut other = other;
    other.merge(a.contents());
    assert!(
        other.annotation("x").is_some(),
        "the other tab gets it back"
    );
    let gone = Annotation {
        doc: "no such article".into(),
        id: "y".into(),
        ..x
    };
    assert!(!a.restore(gone, 30));
}

#[test]
fn an_undone_dismissal_stays_undone_in_every_tab() {
    let mut a = lib();
    a.dismiss(SEED, "Some words.", 10);
    assert!(a.is_dismissed(SEED, "Some words."));
    // Another tab saw the dismissal.
    let mut other = Library::with_contents(seed_documents(), a.contents());
    // Undone within the same millisecond: still later than the dismissal.
    assert!(a.undismiss(SEED, "Some words.", 10));
    assert!(
        !a.undismiss(SEED, "Some words.", 11),
        "not dismissed any more"
    );
    assert!(!a.is_dismissed(SEED, "Some words."));
    a.merge(other.contents());
    assert!(
        !a.is_dismissed(SEED, "Some words."),
        "the older dismissal does not win"
    );
    other.merge(a.contents());
    assert!(
        !other.is_dismissed(SEED, "Some words."),
        "the other tab learns of the undo"
    );
    // Dismissed again later: that wins in turn.
    other.dismiss(SEED, "Some words.", 30);
    a.merge(other.contents());
    assert!(a.is_dismissed(SEED, "Some words."));
    assert!(!a.undismiss(SEED, "Never dismissed.", 40));
}

#[test]
fn placed_finds_moved_quotes_and_lists_orphans_last() {
    let mut l = lib();
    let d = document_from_text("u".into(), "alpha beta gamma", None, Origin::User, 1);
    l.add_document(d);
    l.annotate("u", (6, 10), Verdict::Sourced, "beta".into(), 1)
        .unwrap();
    l.annotate("u", (0, 5), Verdict::Sourced, "alpha".into(), 1)
        .unwrap();
    let doc = l.document("u").unwrap().clone();
    let changed = IndexedText::new("beta alpha");
    let placed = l.placed(&doc, &changed);
    assert_eq!(placed[0].annotation.id, "beta");
    assert_eq!(placed[0].span, Some((0, 4)));
    assert_eq!(placed[1].span, Some((5, 10)));
    let gone = IndexedText::new("nothing");
    assert!(l.placed(&doc, &gone).iter().all(|p| p.span.is_none()));
}

fn from_page(id: &str, url: &str, text: &str) -> Document {
    let mut d = document_from_text(id.into(), text, None, Origin::User, 1);
    d.url = Some(url.into());
    d
}

#[test]
fn the_same_page_twice_opens_the_one_there_or_offers_to_replace_its_text() {
    let mut l = lib();
    let first = from_page(
        "a",
        "https://news.example/story",
        "First version of the story.",
    );
    assert_eq!(l.add_document(first), AddOutcome::Added("a".into()));
    // Same address (written differently), same text: the one there.
    let again = from_page(
        "b",
        "http://www.news.example/story/#top",
        "First version of the story.",
    );
    assert_eq!(
        l.add_document(again),
        AddOutcome::AlreadyPresent("a".into())
    );
    // Same address, changed text: nothing added; the caller offers Replace.
    let changed = from_page(
        "c",
        "https://news.example/story?utm_source=x",
        "Second version.",
    );
    assert_eq!(
        l.add_document(changed.clone()),
        AddOutcome::SameAddress("a".into())
    );
    assert_eq!(l.contents().documents.len(), 1);
    // Unless the person wants both.
    assert_eq!(l.add_as_new(changed), AddOutcome::Added("c".into()));
    assert_eq!(l.contents().documents.len(), 2);
}

#[test]
fn details_are_edited_checked_and_the_later_edit_wins_in_a_merge() {
    use crate::domain::provenance::Details;
    let mut a = lib();
    a.add_document(from_page(
        "u",
        "https://news.example/s",
        "Some article text here.",
    ));
    let mut b = Library::with_contents(seed_documents(), a.contents());
    let typed = Details {
        title: "Corrected headline".into(),
        url: "https://news.example/s".into(),
        site: "News".into(),
        author: "Jane Roe".into(),
        date: "2020-01-03".into(),
    };
    assert_eq!(a.set_details("u", &typed, 50), Ok(true));
    assert_eq!(a.set_details("u", &typed, 60), Ok(false), "as they were");
    let bad = Details {
        url: "ftp://x".into(),
        ..typed.clone()
    };
    assert!(
        matches!(a.set_details("u", &bad, 70), Err(DetailsError::Invalid(why)) if why.starts_with("Address"))
    );
    assert_eq!(a.set_details(SEED, &typed, 70), Err(DetailsError::Seed));
    assert_eq!(
        a.set_details("nope", &typed, 70),
        Err(DetailsError::UnknownDocument)
    );
    b.merge(a.contents());
    let d = b.document("u").unwrap();
    assert_eq!(
        (d.title.as_str(), d.site.as_deref(), d.edited),
        ("Corrected headline", Some("News"), 50)
    );
    // An older edit does not win back.
    let mut older = a.contents();
    older.documents[0].site = Some("Old".into());
    older.documents[0].edited = 40;
    b.merge(older);
    assert_eq!(b.document("u").unwrap().site.as_deref(), Some("News"));
}

#[test]
fn a_sample_article_started_without_its_text_is_filled_once() {
    use crate::domain::document::{seed_stubs, SEEDS};
    let mut l = Library::new(seed_stubs());
    let (id, raw) = SEEDS[1];
    assert!(l.document(id).unwrap().text.is_empty());
    assert!(l.fill_seed(id, raw));
    assert_eq!(l.document(id), seed_documents().iter().find(|d| d.id == id));
    assert!(!l.fill_seed(id, "Another text."), "filled once");
    assert!(!l.fill_seed("no-such-article", raw));
    assert!(
        l.take_journal().is_empty(),
        "sample articles are never stored"
    );
}

#[test]
fn the_library_list_is_told_of_changes_to_what_it_shows_and_only_those() {
    let mut l = lib();
    let mut seen = l.listed();
    let mut changed = |l: &Library| {
        let now = l.listed();
        std::mem::replace(&mut seen, now) != now
    };
    l.annotate(SEED, (0, 20), Verdict::Unsourced, "c".into(), 1)
        .unwrap();
    assert!(changed(&l), "a new claim changes its article's counts");
    assert!(l.set_note("c", "a note", 2) && l.set_evidence("c", "https://x.org", 3));
    assert!(l.set_source("c", "AFP", 4) && l.set_rating("c", "False", 5));
    assert!(
        !changed(&l),
        "the list shows no notes, links, sources or ratings"
    );
    assert_eq!(l.take_journal(), vec![Touched::Annotation("c".into())]);
    l.dismiss(SEED, "Some words", 6);
    assert!(!changed(&l), "nor dismissed suggestions");
    assert!(l.set_verdict("c", Verdict::Sourced, 7));
    assert!(changed(&l), "a verdict changes the counts");
    assert_eq!(l.all_counts()[0].sourced, 1);
    let kept = l.annotation("c").unwrap().clone();
    assert!(l.delete("c", 8));
    assert!(changed(&l));
    assert!(l.restore(kept, 9));
    assert!(changed(&l));
    let doc = document_from_text("u".into(), "Text.", None, Origin::User, 1);
    l.add_document(doc);
    assert!(changed(&l), "a new article");
    let mut details = Details::of(l.document("u").unwrap());
    details.title = "A better title".into();
    assert_eq!(l.set_details("u", &details, 10), Ok(true));
    assert!(changed(&l), "an article's details");
}

#[test]
fn claims_are_found_by_id_and_by_article_after_every_kind_of_change() {
    // Each lookup by the index agrees with a pass over every claim.
    fn agrees(l: &Library) {
        for a in l.all_annotations() {
            assert_eq!(l.annotation(&a.id), Some(a), "{}", a.id);
        }
        assert_eq!(l.annotation("no-such-claim"), None);
        for d in l.documents() {
            let mut of: Vec<&Annotation> = l
                .all_annotations()
                .iter()
                .filter(|a| a.doc == d.id)
                .collect();
            of.sort_by(|a, b| a.id.cmp(&b.id));
            let mut found = l.annotations_of(&d.id);
            found.sort_by(|a, b| a.id.cmp(&b.id));
            assert_eq!(found, of, "{}", d.id);
        }
    }
    let mut l = lib();
    let user = document_from_text("u".into(), "One. Two. Three.", None, Origin::User, 1);
    l.add_document(user);
    for (i, doc) in [SEED, "u", SEED, "u", SEED].iter().enumerate() {
        l.annotate(doc, (i, i + 3), Verdict::Sourced, format!("c{i}"), 2)
            .unwrap();
        agrees(&l);
    }
    assert!(l.set_note("c3", "edited", 3));
    agrees(&l);
    let gone = l.annotation("c1").unwrap().clone();
    assert!(l.delete("c1", 4) && l.delete("c4", 4));
    agrees(&l);
    assert!(l.restore(gone, 5));
    agrees(&l);
    let mut other = l.clone();
    other
        .annotate("u", (5, 8), Verdict::Unsourced, "from-elsewhere".into(), 6)
        .unwrap();
    other.delete("c0", 7);
    l.merge(other.contents());
    agrees(&l);
    assert!(l.annotation("from-elsewhere").is_some() && l.annotation("c0").is_none());
    l.replace_text("u", "Three. Two. One.", 8).unwrap();
    agrees(&l);
    // A claim whose article is not here (its record arrived first, say): found all the same.
    let mut stray = other.annotation("from-elsewhere").unwrap().clone();
    stray.id = "stray".into();
    stray.doc = "not-here".into();
    l.merge(Contents {
        annotations: vec![stray],
        ..Contents::default()
    });
    agrees(&l);
    assert_eq!(l.annotations_of("not-here").len(), 1);
    assert_eq!(
        l.annotation("stray").map(|a| a.doc.as_str()),
        Some("not-here")
    );
}

#[test]
fn merging_a_few_or_many_claims_keeps_every_claim_findable() {
    use crate::domain::benchmark::large_library;
    let check = |l: &Library| {
        for a in l.all_annotations() {
            assert_eq!(l.annotation(&a.id), Some(a));
        }
        for d in l.documents() {
            let mine: Vec<&Annotation> = l.annotations_of(&d.id);
            let all = l.all_annotations().iter().filter(|a| a.doc == d.id).count();
            assert_eq!(mine.len(), all, "{}", d.id);
        }
        let fresh = Library::with_contents(seed_documents(), l.contents());
        assert_eq!(fresh.contents(), l.contents());
    };
    // Claims of two articles, interleaved by id.
    let base = large_library(2, 20_000, 60);
    let copy = |id: &str, new: &str, modified: i64| Annotation {
        id: new.to_owned(),
        modified,
        ..base.annotation(id).unwrap().clone()
    };
    for (added, deleted) in [(3, 2), (150, 100)] {
        let mut l = base.clone();
        let mut incoming = Contents::default();
        for i in 0..added {
            let old = format!("doc-{}-{}", i % 2, i % 60);
            incoming
                .annotations
                .push(copy(&old, &format!("doc-0-new-{i}"), 50));
        }
        incoming.annotations.push(copy("doc-1-59", "doc-1-59", 60)); // an update
                                                                     // Each deleted once (up to 119): the second case removes more than FEW at once.
        for i in 0..deleted {
            let id = format!("doc-{}-{}", (i / 60) % 2, i % 60);
            incoming.tombstones.push(Tombstone { id, deleted: 70 });
        }
        let report = l.merge(incoming);
        assert_eq!(report.added, added);
        assert_eq!(report.updated, 1);
        let gone = (0..deleted).map(|i| format!("doc-{}-{}", (i / 60) % 2, i % 60));
        for id in gone {
            assert!(l.annotation(&id).is_none(), "{id}");
        }
        check(&l);
    }
}

#[test]
fn a_claim_carries_who_marked_it_and_who_changed_it_last() {
    let mut l = Library::new(seed_documents());
    let text = l.document(SEED).unwrap().text.clone();
    let span = (0, text.chars().take_while(|c| *c != ' ').count());
    l.annotate(SEED, span, Verdict::Sourced, "u:1".into(), 10)
        .unwrap();
    let a = l.annotation("u:1").unwrap();
    assert_eq!((a.creator.as_str(), a.editor.as_str()), ("", ""));
    l.set_person(" Ana ");
    l.annotate(SEED, span, Verdict::Sourced, "u:2".into(), 11)
        .unwrap();
    l.set_person("Ben");
    assert!(l.set_note("u:2", "checked", 12));
    let a = l.annotation("u:2").unwrap();
    assert_eq!((a.creator.as_str(), a.editor.as_str()), ("Ana", "Ben"));
    // The first claim, changed by Ben, keeps no creator but names its editor.
    assert!(l.set_verdict("u:1", Verdict::Unsourced, 13));
    assert_eq!(l.annotation("u:1").unwrap().editor, "Ben");
    // Stored under their own names, and not at all when empty.
    let stored = serde_json::to_value(l.annotation("u:2").unwrap()).unwrap();
    assert_eq!(
        (stored["creator"].as_str(), stored["editor"].as_str()),
        (Some("Ana"), Some("Ben"))
    );
    let stored = serde_json::to_value(l.annotation("u:1").unwrap()).unwrap();
    assert!(stored.get("creator").is_none());
}

//! The W3C file format, natively: round trip, conformance, import errors, merging, and the
//! W3C test suite's own sample annotations as real inputs.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::Command;

use claimmark::domain::annotation::{Status, Verdict};
use claimmark::domain::document::{document_from_text, seed_documents, Origin};
use claimmark::domain::library::Library;
use claimmark::domain::w3c::{export, import, Scope};

const SEED: &str = "000_698b5d7c01ae0af2";
const POMPEO: &str = "Iraqis — Iraqis — dancing in the street for freedom; thankful that General Soleimani is no more.";

fn cp_range(text: &str, needle: &str) -> (usize, usize) {
    let b = text.find(needle).expect("needle in text");
    let s = text[..b].chars().count();
    (s, s + needle.chars().count())
}

/// A library with seed and user annotations, notes, a good and a bad evidence link.
fn sample() -> Library {
    let mut l = Library::new(seed_documents());
    l.add_document(document_from_text(
        "user-1".into(),
        "Breaking 😀 news\r\n\r\nThe minister said “prices fell 3% 😀 in May”.",
        Some("Emoji test"),
        Origin::User,
        1_600_000_000_000,
    ));
    let seed_text = l.document(SEED).unwrap().text.clone();
    l.annotate(
        SEED,
        cp_range(&seed_text, POMPEO),
        Verdict::Sourced,
        "urn:uuid:a".into(),
        1_700_000_000_000,
    )
    .unwrap();
    // Two checkers sharing a library: Ana marks the claim and writes its note, Ben adds the
    // evidence.
    l.set_person("Ana Reyes");
    l.annotate(
        SEED,
        (0, 19),
        Verdict::Unsourced,
        "urn:uuid:b".into(),
        1_700_000_001_000,
    )
    .unwrap();
    l.set_note(
        "urn:uuid:b",
        "Crowd size: no source.\nSecond line.",
        1_700_000_002_000,
    );
    l.set_person("Ben");
    l.set_evidence(
        "urn:uuid:b",
        "https://www.afp.com/x?a=1&b=2",
        1_700_000_003_000,
    );
    let user_text = l.document("user-1").unwrap().text.clone();
    l.annotate(
        "user-1",
        cp_range(&user_text, "“prices fell 3% 😀 in May”"),
        Verdict::Sourced,
        "urn:uuid:c".into(),
        1_700_000_004_000,
    )
    .unwrap();
    l.set_evidence("urn:uuid:c", "see the ministry's PDF", 1_700_000_005_000);
    l
}

#[test]
fn who_marked_a_claim_and_who_changed_it_last_go_out_and_come_back() {
    let l = sample();
    let b = l.annotation("urn:uuid:b").unwrap();
    assert_eq!(
        (b.creator.as_str(), b.editor.as_str()),
        ("Ana Reyes", "Ben")
    );
    let json = export(&l, Scope::All, 1_700_000_009_000, "test");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let items = v["first"]["items"].as_array().unwrap();
    let item = items.iter().find(|i| i["id"] == "urn:uuid:b").unwrap();
    assert_eq!(
        item["creator"],
        serde_json::json!({"type": "Person", "name": "Ana Reyes"})
    );
    assert_eq!(item["claimmark:editor"], "Ben");
    // A claim marked before anyone was named says nothing of who.
    let a = items.iter().find(|i| i["id"] == "urn:uuid:a").unwrap();
    assert!(a.get("creator").is_none() && a.get("claimmark:editor").is_none());
    // Other tools name a creator by IRI, by nickname, or as a list: the first is taken.
    for (creator, name) in [
        (
            r#""https://example.org/users/ana""#,
            "https://example.org/users/ana",
        ),
        (r#"{"type": "Person", "nick": "ana"}"#, "ana"),
        (r#"[{"name": "Ana"}, {"name": "Ben"}]"#, "Ana"),
        ("7", ""),
    ] {
        let mut other = v.clone();
        other["first"]["items"][0]["creator"] = serde_json::from_str(creator).unwrap();
        assert_eq!(other["first"]["items"][0]["id"], "urn:uuid:b");
        let changed = other.to_string();
        let fresh = Library::new(seed_documents());
        let read = import(&changed, &fresh, 0).unwrap().contents;
        let b = read
            .annotations
            .iter()
            .find(|a| a.id == "urn:uuid:b")
            .unwrap();
        assert_eq!(b.creator, name, "{creator}");
    }
}

#[test]
fn export_then_import_in_a_fresh_library_restores_everything() {
    let l = sample();
    let json = export(&l, Scope::All, 1_700_000_009_000, "test");
    let mut fresh = Library::new(seed_documents());
    let parsed = import(&json, &fresh, 0).expect("own export imports");
    let report = fresh.merge(parsed.contents);
    assert_eq!((report.added, report.documents_added), (3, 1));
    assert_eq!(fresh.contents(), l.contents());
    // And loading it again changes nothing.
    let again = import(&json, &fresh, 0).unwrap();
    let report = fresh.merge(again.contents);
    assert_eq!((report.added, report.unchanged), (0, 3));
}

#[test]
fn positions_count_code_points_and_quotes_match_them() {
    let l = sample();
    let json = export(&l, Scope::Document("user-1"), 0, "test");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let item = &v["first"]["items"][0];
    let sel = &item["target"]["selector"];
    assert_eq!(sel[0]["type"], "TextQuoteSelector");
    assert_eq!(sel[0]["exact"], "“prices fell 3% 😀 in May”");
    assert_eq!(sel[1]["type"], "TextPositionSelector");
    let text: Vec<char> = l.document("user-1").unwrap().text.chars().collect();
    let (s, e) = (
        sel[1]["start"].as_u64().unwrap() as usize,
        sel[1]["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(
        text[s..e].iter().collect::<String>(),
        "“prices fell 3% 😀 in May”"
    );
    assert_eq!(item["claimmark:evidence"], "see the ministry's PDF");
    assert_eq!(
        v["claimmark:documents"][0]["claimmark:text"],
        l.document("user-1").unwrap().text
    );
    assert_eq!(v["total"], 1);
}

#[test]
fn seed_exports_name_but_do_not_carry_the_seed_text() {
    let json = export(&sample(), Scope::Document(SEED), 0, "test");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let d = &v["claimmark:documents"][0];
    assert_eq!(d["id"], format!("urn:claimmark:doc:{SEED}"));
    assert_eq!(d["claimmark:date"], "2020-01-03");
    assert!(d.get("claimmark:text").is_none());
    assert_eq!(v["total"], 2);
}

fn python() -> PathBuf {
    let venv = Path::new(env!("CARGO_MANIFEST_DIR")).join(".tools/venv/bin/python");
    std::env::var_os("CLAIMMARK_PYTHON")
        .map(PathBuf::from)
        .unwrap_or(if venv.exists() {
            venv
        } else {
            PathBuf::from("python3")
        })
}

/// The W3C test suite and conformance checker, kept in the repository (`tests/w3c/`).
fn w3c() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/w3c")
}

#[test]
fn exports_pass_the_w3c_must_assertions() {
    let tool = w3c().join("tools/w3c-conformance");
    assert!(tool.exists(), "{} is missing", tool.display());
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let l = sample();
    for (name, scope) in [
        ("all", Scope::All),
        ("seed", Scope::Document(SEED)),
        ("user", Scope::Document("user-1")),
    ] {
        let path = dir.join(format!("export-{name}.json"));
        std::fs::write(&path, export(&l, scope, 1_700_000_009_000, "test")).unwrap();
        let out = Command::new(python())
            .arg(&tool)
            .arg(&path)
            .output()
            .expect("python runs");
        let said = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "{name}: {said}{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(said.contains(": 0 failures"), "{said}");
    }
}

fn import_err(json: &str) -> String {
    let l = sample();
    let before = l.clone();
    let e = import(json, &l, 0)
        .expect_err("must be refused")
        .to_string();
    assert_eq!(l, before);
    e
}

#[test]
fn bad_files_are_refused_with_what_and_where() {
    let good = export(&sample(), Scope::All, 0, "test");
    let v: serde_json::Value = serde_json::from_str(&good).unwrap();
    let with = |f: &dyn Fn(&mut serde_json::Value)| {
        let mut x = v.clone();
        f(&mut x);
        x.to_string()
    };
    let cases: Vec<(String, &[&str])> = vec![
        (
            "not json at all".into(),
            &["line 1, column 2", "not valid JSON"],
        ),
        (
            "{\"type\": \"AnnotationCollection\",\n \"first\": [".into(),
            &["line 2", "not valid JSON"],
        ),
        ("42".into(), &["the top level", "expected a JSON object"]),
        (
            "{\"type\": \"Thing\"}".into(),
            &["At type", "AnnotationCollection"],
        ),
        (
            with(&|x| x["first"] = "http://example.org/page1".into()),
            &["At first", "only links"],
        ),
        (
            with(&|x| x["first"]["items"][1]["id"] = serde_json::Value::Null),
            &["first.items[1].id", "needs an id"],
        ),
        (
            with(&|x| x["first"]["items"][1]["id"] = x["first"]["items"][0]["id"].clone()),
            &["first.items[1].id", "appears twice"],
        ),
        (
            with(&|x| x["first"]["items"][0]["type"] = "Note".into()),
            &["first.items[0].type", "Annotation"],
        ),
        (
            with(&|x| x["first"]["items"][2]["target"]["source"] = "urn:claimmark:doc:gone".into()),
            &[
                "first.items[2].target.source",
                "urn:claimmark:doc:gone",
                "not in your library",
            ],
        ),
        (
            with(&|x| {
                let t = &mut x["first"]["items"][0]["target"];
                t["selector"] =
                    serde_json::json!({"type": "TextPositionSelector", "start": 10, "end": 999999});
            }),
            &[
                "first.items[0].target.selector",
                "characters 10–999999",
                "has 3610 characters",
            ],
        ),
        (
            with(&|x| x["first"]["items"][0]["target"]["selector"][1]["start"] = (-3).into()),
            &["first.items[0].target.selector[1].start", "whole number"],
        ),
        (
            with(&|x| x["first"]["items"][0]["body"][0]["value"] = "dubious".into()),
            &[
                "first.items[0].body[0].value",
                "unknown verdict \"dubious\"",
            ],
        ),
        (
            with(&|x| x["first"]["items"][0]["body"] = serde_json::json!([])),
            &["At first.items[0]", "no verdict"],
        ),
        (
            with(&|x| x["first"]["items"][0]["modified"] = "yesterday".into()),
            &[
                "first.items[0].modified",
                "\"yesterday\" is not a date-time",
            ],
        ),
        (
            with(&|x| x["first"]["items"][0]["target"] = "http://example.org/page".into()),
            &["first.items[0].target", "no source article"],
        ),
        (
            with(&|x| x["first"]["items"][0]["claimmark:status"] = "lost".into()),
            &["first.items[0].claimmark:status", "unknown status \"lost\""],
        ),
        (
            with(&|x| {
                x["claimmark:documents"][0]["id"] = "urn:claimmark:doc:unknown".into();
                x["claimmark:documents"][0]
                    .as_object_mut()
                    .unwrap()
                    .remove("claimmark:text");
            }),
            &["claimmark:documents[0]", "does not include its text"],
        ),
    ];
    for (json, expect) in cases {
        let e = import_err(&json);
        for part in expect {
            assert!(e.contains(part), "{e:?} should mention {part:?}");
        }
    }
}

#[test]
fn the_w3c_sample_annotations_are_handled_without_panicking() {
    let samples = w3c().join("w3c-annotation-tests/tools/samples");
    let l = Library::new(seed_documents());
    let mut seen = 0;
    for dir in ["correct", "incorrect"] {
        for entry in std::fs::read_dir(samples.join(dir)).expect("samples beside the repo") {
            let path = entry.unwrap().path();
            let json = std::fs::read_to_string(&path).unwrap();
            // None of them targets a claimmark article, so each must be refused, politely.
            let e = import(&json, &l, 0).expect_err(&path.display().to_string());
            assert!(!e.problem.is_empty(), "{}", path.display());
            seen += 1;
        }
    }
    assert!(seen >= 80, "only {seen} samples");
}

#[test]
fn w3c_collection_sample_is_refused_at_its_first_annotation() {
    let json = std::fs::read_to_string(
        w3c().join("w3c-annotation-tests/tools/samples/correct/collection1.json"),
    )
    .unwrap();
    let e = import(&json, &Library::new(seed_documents()), 0)
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("At first.items[0].target"), "{e}");
}

#[test]
fn plain_w3c_annotations_from_other_tools_import() {
    let l = Library::new(seed_documents());
    let single = format!(
        r#"{{
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "http://example.org/anno/7",
        "type": "Annotation",
        "bodyValue": "Checked with AFP.",
        "body": [{{"type": "TextualBody", "purpose": "tagging", "value": "Sourced"}},
                 {{"type": "TextualBody", "purpose": "tagging", "value": "iraq"}},
                 "https://example.org/evidence"],
        "target": {{"source": "urn:claimmark:doc:{SEED}",
                   "selector": {{"type": "TextQuoteSelector", "exact": "{POMPEO}"}}}}
    }}"#
    );
    let got = import(&single, &l, 5).unwrap().contents.annotations;
    assert_eq!(got.len(), 1);
    let a = &got[0];
    assert_eq!(a.verdict, Verdict::Sourced);
    assert_eq!(a.note, "Checked with AFP.");
    assert_eq!(a.evidence, "https://example.org/evidence");
    assert_eq!(a.exact, POMPEO);
    assert_eq!(a.created, 5, "no dates: created now");
    assert_eq!(a.modified, 0, "no dates: older than any local edit");
    assert_eq!(
        l.document(SEED)
            .unwrap()
            .text
            .chars()
            .skip(a.start)
            .take(a.end - a.start)
            .collect::<String>(),
        POMPEO
    );

    // A JSON array of annotations works too, and a position alone is enough.
    let arr = format!(
        r#"[{{"id": "x1", "type": "Annotation",
             "body": {{"type": "TextualBody", "purpose": "classifying", "value": "unsourced"}},
             "target": {{"source": "urn:claimmark:doc:{SEED}",
                        "selector": {{"type": "TextPositionSelector", "start": 0, "end": 9}}}}}}]"#
    );
    let got = import(&arr, &l, 0).unwrap().contents.annotations;
    assert_eq!(got[0].exact, "Thousands");
}

#[test]
fn newer_wins_when_the_same_annotation_comes_back() {
    let mut here = sample();
    let file = export(&here, Scope::All, 0, "test");
    // Edited here after the download: the file's older copy does not overwrite it.
    here.set_note("urn:uuid:a", "edited here later", 1_800_000_000_000);
    let r = here.merge(import(&file, &here, 0).unwrap().contents);
    assert_eq!((r.kept_local, r.unchanged), (1, 2));
    assert_eq!(
        here.annotation("urn:uuid:a").unwrap().note,
        "edited here later"
    );
    // A newer file wins over an older local copy.
    let newer = export(&here, Scope::All, 0, "test");
    let mut old = sample();
    let r = old.merge(import(&newer, &old, 0).unwrap().contents);
    assert_eq!(r.updated, 1);
    assert_eq!(
        old.annotation("urn:uuid:a").unwrap().note,
        "edited here later"
    );
    // Deleted here after the file was made: stays deleted.
    let mut del = sample();
    del.delete("urn:uuid:b", 1_900_000_000_000);
    let r = del.merge(import(&file, &del, 0).unwrap().contents);
    assert_eq!(r.stayed_deleted, 1);
    assert!(del.annotation("urn:uuid:b").is_none());
}

#[test]
fn the_readme_example_is_a_file_claimmark_loads() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let start = readme.find("```json\n").expect("README has a JSON example") + 8;
    let end = start + readme[start..].find("```").unwrap();
    let example = &readme[start..end];
    let l = Library::new(seed_documents());
    let got = import(example, &l, 0)
        .expect("README example imports")
        .contents
        .annotations;
    assert_eq!(got.len(), 1);
    let a = &got[0];
    assert_eq!((a.start, a.end, a.verdict), (0, 52, Verdict::Unsourced));
    assert_eq!(
        a.suffix,
        l.document(SEED)
            .unwrap()
            .text
            .chars()
            .skip(52)
            .take(32)
            .collect::<String>()
    );
    // Export writes the same shape: the example's keys are the ones claimmark writes.
    let mut lib = l.clone();
    lib.merge(import(example, &l, 0).unwrap().contents);
    let ours: serde_json::Value =
        serde_json::from_str(&export(&lib, Scope::Document(SEED), 0, "0.1.0")).unwrap();
    let theirs: serde_json::Value = serde_json::from_str(example).unwrap();
    assert_eq!(
        ours["first"]["items"][0]["target"],
        theirs["first"]["items"][0]["target"]
    );
    assert_eq!(
        ours["first"]["items"][0]["body"],
        theirs["first"]["items"][0]["body"]
    );
    assert_eq!(ours["claimmark:documents"], theirs["claimmark:documents"]);
    assert_eq!(ours["@context"], theirs["@context"]);
}

#[test]
fn a_file_made_on_another_version_of_a_text_is_placed_on_the_local_one() {
    let mut here = sample();
    let file = export(&here, Scope::All, 0, "test");
    // The user's article was corrected here after the file was made.
    here.replace_text(
        "user-1",
        "Breaking 😀 news, updated\n\nThe minister said “prices fell 4% 😀 in May”.",
        1_800_000_000_000,
    )
    .unwrap();
    let parsed = import(&file, &here, 0).unwrap();
    assert_eq!(parsed.changed_texts, vec!["Emoji test".to_owned()]);
    let c = parsed
        .contents
        .annotations
        .iter()
        .find(|a| a.id == "urn:uuid:c")
        .unwrap();
    assert_eq!(c.status, Status::Moved);
    assert_eq!(c.exact, "“prices fell 4% 😀 in May”");
    assert_eq!(c.was, "“prices fell 3% 😀 in May”");
    assert_eq!(parsed.anchoring.to_confirm, 1);
    let note = parsed.anchoring_note().unwrap();
    assert!(
        note.contains("another version of “Emoji test”")
            && note.contains("1 moved (please confirm)"),
        "{note}"
    );
    assert!(parsed.contents.documents.is_empty(), "the local text stays");
}

#[test]
fn a_quote_no_longer_in_the_text_imports_as_an_orphan_not_an_error() {
    let l = sample();
    let mut v: serde_json::Value =
        serde_json::from_str(&export(&l, Scope::Document(SEED), 0, "test")).unwrap();
    v["first"]["items"][0]["target"]["selector"][0]["exact"] =
        "words that are nowhere in it".into();
    let mut fresh = Library::new(seed_documents());
    let parsed = import(&v.to_string(), &fresh, 0).unwrap();
    assert_eq!(parsed.anchoring.orphaned, 1);
    fresh.merge(parsed.contents);
    let orphan = fresh
        .all_annotations()
        .iter()
        .find(|a| a.status == Status::Orphan)
        .unwrap();
    assert_eq!(orphan.exact, "words that are nowhere in it");
    // Exported again: only its quote (no position), marked as an orphan; and it loads back.
    let again = export(&fresh, Scope::Document(SEED), 0, "test");
    let w: serde_json::Value = serde_json::from_str(&again).unwrap();
    let item = w["first"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["claimmark:status"] == "orphan")
        .unwrap();
    assert_eq!(item["target"]["selector"].as_array().unwrap().len(), 1);
    let mut third = Library::new(seed_documents());
    third.merge(import(&again, &third, 0).unwrap().contents);
    assert_eq!(third.contents().annotations, fresh.contents().annotations);
}

#[test]
fn orphans_and_moved_claims_pass_the_w3c_must_assertions_too() {
    let mut l = sample();
    l.replace_text(
        "user-1",
        "Completely different words now.",
        1_800_000_000_000,
    )
    .unwrap();
    assert_eq!(l.annotation("urn:uuid:c").unwrap().status, Status::Orphan);
    let seed_text = l.document(SEED).unwrap().text.clone();
    assert!(seed_text.contains(POMPEO));
    let tool = w3c().join("tools/w3c-conformance");
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("export-orphan.json");
    std::fs::write(&path, export(&l, Scope::All, 0, "test")).unwrap();
    let out = Command::new(python())
        .arg(&tool)
        .arg(&path)
        .output()
        .expect("python runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

/// Issue 13's reproduction: a file whose position points past the end of the article text it
/// carries, with a quote that is not in that text. It used to panic in anchoring.
#[test]
fn a_position_past_the_end_of_the_text_is_placed_by_its_quote_not_a_crash() {
    let file = include_str!("fuzz/regressions/w3c-import/issue-13-position-past-the-end.json");
    let mut lib = Library::new(seed_documents());
    let parsed = import(file, &lib, 0).expect("the file is good: only its claim is lost");
    assert_eq!(parsed.anchoring.orphaned, 1);
    lib.merge(parsed.contents);
    let doc = lib.document("user_short").unwrap().clone();
    let text = claimmark::domain::text::IndexedText::new(doc.text.as_str());
    let placed = lib.placed(&doc, &text);
    assert_eq!(placed.len(), 1);
    assert_eq!(placed[0].span, None, "kept, listed, not highlighted");
    assert_eq!(placed[0].annotation.status, Status::Orphan);
    // Its words found after all, past the end: placed by the quote.
    let found = file.replace("words that the short text does not hold", "corrected text");
    let mut lib = Library::new(seed_documents());
    lib.merge(import(&found, &lib, 0).unwrap().contents);
    let a = &lib.all_annotations()[0];
    assert_eq!((a.start, a.end, a.status), (8, 22, Status::Anchored));
}

#[test]
fn huge_and_reversed_positions_are_refused_or_placed_with_a_located_message() {
    let l = sample();
    let file = export(&l, Scope::Document("user-1"), 0, "test");
    let with_position = |start: &str, end: &str, quote: bool| {
        let mut v: serde_json::Value = serde_json::from_str(&file).unwrap();
        let sel = &mut v["first"]["items"][0]["target"]["selector"];
        sel[1]["start"] = serde_json::from_str(start).unwrap();
        sel[1]["end"] = serde_json::from_str(end).unwrap();
        if !quote {
            sel.as_array_mut().unwrap().remove(0);
        }
        v.to_string()
    };
    let fresh = Library::new(seed_documents());
    // With its quote, a position beyond any text (2^64 - 1, 2^32) is only a bad hint.
    for (s, e) in [
        ("18446744073709551615", "18446744073709551615"),
        ("4294967296", "4294967300"),
    ] {
        let parsed = import(&with_position(s, e, true), &fresh, 0).unwrap();
        assert_eq!(
            parsed.contents.annotations[0].status,
            Status::Anchored,
            "{s}"
        );
    }
    // Without it, the position is all there is: refused, saying where and why.
    for (s, e, says) in [
        ("1000", "1031", "are not a span of the article"),
        (
            "18446744073709551615",
            "18446744073709551615",
            "are not a span",
        ),
        ("9", "3", "start (9) is after end (3)"),
        ("-1", "3", "expected a whole number"),
        ("1.5", "3", "expected a whole number"),
    ] {
        let e = import(&with_position(s, e, false), &fresh, 0).unwrap_err();
        assert!(e.at.starts_with("first.items[0].target.selector"), "{e}");
        assert!(e.problem.contains(says), "{s}: {e}");
    }
}

#[test]
fn a_download_writes_where_a_claim_is_now_not_a_stale_stored_position() {
    let mut l = sample();
    // Another tab's later edit carried the claim's position from a longer text (the start-up
    // crash of issue 13): stored 9000–9020, words at the start of the article.
    let mut contents = l.contents();
    let c = contents
        .annotations
        .iter_mut()
        .find(|a| a.id == "urn:uuid:c")
        .unwrap();
    let (start, end) = (c.start, c.end);
    c.start = 9000;
    c.end = 9020;
    c.modified += 10_000;
    l.merge(contents);
    assert_eq!(l.annotation("urn:uuid:c").unwrap().start, 9000);
    let v: serde_json::Value =
        serde_json::from_str(&export(&l, Scope::Document("user-1"), 0, "test")).unwrap();
    let item = &v["first"]["items"][0];
    assert_eq!(item["id"], "urn:uuid:c");
    assert_eq!(item["target"]["selector"][1]["start"], start);
    assert_eq!(item["target"]["selector"][1]["end"], end);
}

/// A library whose user article came from the web, with its details.
fn from_the_web() -> Library {
    use claimmark::domain::provenance::Details;
    let mut l = sample();
    let details = Details {
        title: "Emoji test".into(),
        url: "https://news.example/2020/01/03/emoji".into(),
        site: "News Example".into(),
        author: "Jane Roe".into(),
        date: "2020-01-03".into(),
    };
    l.set_details("user-1", &details, 1_700_000_006_000)
        .unwrap();
    l
}

#[test]
fn a_download_targets_the_page_and_carries_where_the_article_came_from() {
    let l = from_the_web();
    let json = export(&l, Scope::Document("user-1"), 0, "test");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["claimmark:schemaVersion"], 3);
    let d = &v["claimmark:documents"][0];
    assert_eq!(d["claimmark:url"], "https://news.example/2020/01/03/emoji");
    assert_eq!(
        (d["claimmark:site"].as_str(), d["claimmark:author"].as_str()),
        (Some("News Example"), Some("Jane Roe"))
    );
    let target = &v["first"]["items"][0]["target"];
    assert_eq!(
        target["source"], "https://news.example/2020/01/03/emoji",
        "any W3C tool can place it"
    );
    assert_eq!(
        target["claimmark:doc"], "urn:claimmark:doc:user-1",
        "claimmark's own name stays"
    );
    // It loads back into a fresh browser with every detail.
    let mut fresh = Library::new(seed_documents());
    fresh.merge(import(&json, &fresh, 0).unwrap().contents);
    let (got, want) = (
        fresh.document("user-1").unwrap(),
        l.document("user-1").unwrap(),
    );
    let details = |d: &claimmark::domain::document::Document| {
        (
            d.title.clone(),
            d.url.clone(),
            d.site.clone(),
            d.author.clone(),
            d.date.clone(),
            d.text.clone(),
        )
    };
    assert_eq!(details(got), details(want));
    assert_eq!(
        got.edited,
        want.edited - want.edited % 1000,
        "files keep whole seconds"
    );
    assert_eq!(fresh.annotations_of("user-1"), l.annotations_of("user-1"));
    // And passes the W3C's MUST assertions.
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("export-url.json");
    std::fs::write(&path, &json).unwrap();
    let out = Command::new(python())
        .arg(w3c().join("tools/w3c-conformance"))
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn another_tools_annotation_on_the_page_address_attaches_to_that_article() {
    let l = from_the_web();
    // As a tool that knows only the page would write it (Hypothesis-style).
    let file = r#"[{"@context":"http://www.w3.org/ns/anno.jsonld","id":"https://other.example/anno/1","type":"Annotation",
        "body":[{"type":"TextualBody","purpose":"tagging","value":"unsourced"},{"type":"TextualBody","value":"A note from elsewhere"}],
        "target":{"source":"http://www.news.example/2020/01/03/emoji/#top",
                  "selector":{"type":"TextQuoteSelector","exact":"Breaking 😀 news"}}}]"#;
    let parsed = import(file, &l, 0).unwrap();
    let a = &parsed.contents.annotations[0];
    assert_eq!(
        (a.doc.as_str(), a.start, a.note.as_str()),
        ("user-1", 0, "A note from elsewhere")
    );
    let unknown = file.replace("news.example", "elsewhere.example");
    let e = import(&unknown, &l, 0).unwrap_err();
    assert_eq!(e.at, "[0].target.source");
    assert!(e.problem.contains("not in your library"), "{e}");
}

#[test]
fn a_file_of_schema_1_loads_as_before() {
    // The README's example of the previous release: schema 1, target the claimmark name.
    let l = sample();
    let v1 = export(&l, Scope::All, 0, "test").replace(
        "\"claimmark:schemaVersion\": 3",
        "\"claimmark:schemaVersion\": 1",
    );
    assert!(v1.contains("\"claimmark:schemaVersion\": 1"));
    let mut fresh = Library::new(seed_documents());
    fresh.merge(import(&v1, &fresh, 0).unwrap().contents);
    assert_eq!(fresh.contents(), l.contents());
}

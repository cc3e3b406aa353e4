use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use super::fake::{Fake, DB};
use super::*;
use crate::domain::annotation::Verdict;
use crate::domain::document::{document_from_text, seed_documents, Origin};
use crate::domain::library::Library;

/// Runs a future of the fake, which never waits.
fn block_on<F: Future>(f: F) -> F::Output {
    let mut cx = Context::from_waker(Waker::noop());
    match pin!(f).poll(&mut cx) {
        Poll::Ready(v) => v,
        Poll::Pending => panic!("the fake server never waits"),
    }
}

fn server() -> Server {
    Server::new("https://couch.example.org", DB).unwrap()
}

const TEXT: &str = "Intro line.\n\nThe minister said prices fell 3% in May. Critics disagree \
                    strongly with that. Officials expect a rebound.";

/// A library with one user article and a claim on each of its phrases.
fn library_with(claims: &[&str]) -> Library {
    let mut l = Library::new(seed_documents());
    l.add_document(document_from_text("u".into(), TEXT, None, Origin::User, 1));
    for (i, phrase) in claims.iter().enumerate() {
        let b = TEXT.find(phrase).unwrap();
        let start = TEXT[..b].chars().count();
        let span = (start, start + phrase.chars().count());
        let id = format!("c{i}");
        l.annotate("u", span, Verdict::Unsourced, id, 10).unwrap();
    }
    l
}

fn replica(name: &str, library: Library) -> Replica {
    Replica::new(library, name, "https://couch.example.org/claims")
}

fn run(fake: &Fake, r: &mut Replica) -> Report {
    block_on(sync(fake, &server(), r)).unwrap_or_else(|e| panic!("{e}"))
}

/// Syncs each replica in turn until a round sends and fetches nothing; returns the rounds.
fn settle(fake: &Fake, replicas: &mut [&mut Replica]) -> usize {
    for round in 1..10 {
        let mut moved = 0;
        for r in replicas.iter_mut() {
            let report = run(fake, r);
            moved += report.sent + report.fetched;
        }
        if moved == 0 {
            return round;
        }
    }
    panic!("the replicas never settled");
}

/// Two replicas in step: A with an article and two claims, B with what it fetched.
fn two_in_step() -> (Fake, Replica, Replica) {
    let fake = Fake::new();
    let mut a = replica(
        "a",
        library_with(&["The minister said", "Critics disagree"]),
    );
    let mut b = replica("b", Library::new(seed_documents()));
    settle(&fake, &mut [&mut a, &mut b]);
    (fake, a, b)
}

#[test]
fn edits_in_one_replica_reach_the_other_and_back() {
    let fake = Fake::new();
    let mut a = replica(
        "a",
        library_with(&["The minister said", "Critics disagree"]),
    );
    let mut b = replica("b", Library::new(seed_documents()));
    assert_eq!(block_on(connect(&fake, &server())).unwrap(), "fake");
    let sent = run(&fake, &mut a);
    assert_eq!(sent.sent, 3, "the article and two claims: {sent:?}");
    let got = run(&fake, &mut b);
    assert_eq!(got.fetched, 3);
    assert_eq!(b.library.contents(), a.library.contents());
    assert_eq!(b.library.document("u").unwrap().text, TEXT);
    assert!(b
        .library
        .set_note("c0", "checked: the ministry's release", 500));
    run(&fake, &mut b);
    run(&fake, &mut a);
    assert_eq!(
        a.library.annotation("c0").unwrap().note,
        "checked: the ministry's release"
    );
    // In step: nothing more goes either way.
    for r in [&mut a, &mut b] {
        let again = run(&fake, r);
        assert_eq!((again.sent, again.fetched), (0, 0), "{again:?}");
    }
}

#[test]
fn edits_made_apart_end_the_same_on_every_replica_and_on_the_server() {
    let (fake, mut a, mut b) = two_in_step();
    // Offline, each edits the same claim; A edits the other claim, which B deletes later.
    assert!(a.library.set_note("c0", "Ana's note", 100));
    assert!(b.library.set_note("c0", "Ben's note, later", 200));
    assert!(a.library.set_verdict("c1", Verdict::Sourced, 150));
    assert!(b.library.delete("c1", 300));
    // And at the same millisecond, each rates the claim differently.
    let mut c = replica("c", a.library.clone());
    settle(&fake, &mut [&mut a, &mut b, &mut c]);
    assert_eq!(a.library.contents(), b.library.contents());
    assert_eq!(a.library.contents(), c.library.contents());
    assert_eq!(
        a.library.annotation("c0").unwrap().note,
        "Ben's note, later"
    );
    assert!(
        a.library.annotation("c1").is_none(),
        "the later deletion wins"
    );
    // The server holds one live revision of the claim: the conflict was ended there too.
    assert_eq!(fake.live_leaves("a:c0").len(), 1);
    // Ana's note lost, and is kept in the history of the replica that met both.
    let kept =
        |r: &Replica, text: &str| (r.history.iter()).any(|(k, v)| k == "a:c0" && v.contains(text));
    assert!(kept(&b, "Ana's note"), "{:?}", b.history);
    assert!(a.library.set_rating("c0", "False", 400));
    assert!(b.library.set_rating("c0", "Misleading", 400));
    let rounds = settle(&fake, &mut [&mut a, &mut b]);
    assert!(rounds <= 3, "{rounds} rounds");
    assert_eq!(a.library.contents(), b.library.contents());
    assert_eq!(fake.live_leaves("a:c0").len(), 1);
    // One rating won ("Misleading" is the greater form) and the other is in a history.
    assert_eq!(a.library.annotation("c0").unwrap().rating, "Misleading");
    assert!(kept(&a, "\"False\"") || kept(&b, "\"False\""));
}

#[test]
fn a_sync_cut_off_midway_loses_nothing_and_sends_nothing_twice() {
    let fake = Fake::new();
    let phrases = [
        "Intro line.",
        "The minister said",
        "Critics disagree",
        "Officials expect",
    ];
    let mut a = replica("a", library_with(&phrases));
    let mut b = replica("b", Library::new(seed_documents()));
    // The server stops after a few requests; A's sync fails and says so.
    fake.answers_left.set(Some(3));
    let e = block_on(sync(&fake, &server(), &mut a)).unwrap_err();
    assert!(matches!(e, SyncError::Unreachable { .. }), "{e:?}");
    assert!(e.to_string().contains("CORS"), "{e}");
    fake.offline.set(false);
    fake.answers_left.set(None);
    settle(&fake, &mut [&mut a, &mut b]);
    assert_eq!(a.library.contents(), b.library.contents());
    // One revision per record: the article and four claims, each sent once.
    assert_eq!(fake.revision_count(), 5);
    // B stops mid-fetch; what it had is kept, and the next sync ends the job.
    assert!(a.library.set_note("c3", "rebound: which officials?", 900));
    run(&fake, &mut a);
    fake.answers_left.set(Some(2));
    assert!(block_on(sync(&fake, &server(), &mut b)).is_err());
    fake.offline.set(false);
    fake.answers_left.set(None);
    run(&fake, &mut b);
    assert_eq!(
        b.library.annotation("c3").unwrap().note,
        "rebound: which officials?"
    );
    assert_eq!(fake.revision_count(), 6);
}

#[test]
fn a_failed_store_here_moves_no_checkpoint() {
    let fake = Fake::new();
    let mut a = replica("a", library_with(&["The minister said"]));
    run(&fake, &mut a);
    let mut b = replica("b", Library::new(seed_documents()));
    let stored = b.clone();
    b.fail_commits = true;
    let e = block_on(sync(&fake, &server(), &mut b)).unwrap_err();
    assert!(matches!(e, SyncError::Local(_)), "{e:?}");
    assert!(e.to_string().contains("fetched again"), "{e}");
    let saved = fake
        .log
        .borrow()
        .iter()
        .any(|l| l.starts_with("PUT claims/_local/claimmark-b"));
    assert!(!saved, "{:?}", fake.log.borrow());
    b = stored; // as the page finds it after a reload
    run(&fake, &mut b);
    assert_eq!(b.library.contents(), a.library.contents());
}

/// B's sync with one reply swapped: it must fail and leave B as it was.
fn refused(fake: &Fake, b: &mut Replica, path: &str, body: &str) -> SyncError {
    let before = (b.library.contents(), b.state.clone());
    let reply = Response {
        status: 200,
        body: body.to_owned(),
    };
    fake.scripted.borrow_mut().push((path.to_owned(), reply));
    let e = block_on(sync(fake, &server(), b)).unwrap_err();
    assert_eq!(b.library.contents(), before.0, "{e}");
    assert_eq!(b.state.synced, before.1.synced, "{e}");
    e
}

#[test]
fn hostile_or_malformed_replies_are_refused_and_change_nothing() {
    let fake = Fake::new();
    let mut a = replica("a", library_with(&["The minister said"]));
    run(&fake, &mut a);
    let mut b = replica("b", Library::new(seed_documents()));
    let mut claim = serde_json::to_value(a.library.annotation("c0").unwrap()).unwrap();
    claim["id"] = "c9".into();
    let article = crate::domain::records::writes_for(
        &a.library,
        &[crate::domain::library::Touched::Document("u".into())],
    );
    let crate::domain::records::Write::Put(_, details) = &article[0] else {
        panic!("{article:?}")
    };
    let doc = |id: &str, record: &str, extra: &str| {
        format!(
            r#"{{"results":[{{"id":"{id}","docs":[{{"ok":{{"_id":"{id}","_rev":"1-ab","claimmark":1,"record":{record}{extra}}}}}]}}]}}"#
        )
    };
    let cases = [
        (
            "_changes",
            "<html>Welcome to nginx</html>".to_owned(),
            "not what CouchDB sends",
        ),
        (
            "_changes",
            r#"{"results":[{"id":"a:c0","changes":[{"rev":"banana"}]}],"last_seq":9}"#.into(),
            "not a revision",
        ),
        // A claim under another claim's id.
        (
            "_bulk_get",
            doc("a:c0", &claim.to_string(), ""),
            "not the one its id names",
        ),
        (
            "_bulk_get",
            doc("a:zz", &claim.to_string(), ""),
            "not asked for",
        ),
        (
            "_bulk_get",
            doc("a:c0", r#"{"id":"c0"}"#, ""),
            "missing field",
        ),
        // An article whose text is not the one its details name.
        (
            "_bulk_get",
            doc("d:u", details, r#","text":"Nothing of the sort.""#),
            "its text is not the one",
        ),
        ("_bulk_get", doc("d:u", details, ""), "without its text"),
    ];
    for (path, body, says) in cases {
        let e = refused(&fake, &mut b, path, &body);
        assert!(e.to_string().contains(says), "{path}: {e}");
        assert!(e.to_string().contains("Nothing was changed"), "{e}");
    }
    // The server as it is: all is taken.
    run(&fake, &mut b);
    assert_eq!(b.library.contents(), a.library.contents());
}

#[test]
fn each_failure_says_what_to_fix() {
    let fake = Fake::new();
    let says = |path: &str, status: u16, body: &str| {
        let reply = Response {
            status,
            body: body.to_owned(),
        };
        fake.scripted.borrow_mut().push((path.to_owned(), reply));
        block_on(connect(&fake, &server())).unwrap_err().to_string()
    };
    let unauthorized = r#"{"error":"unauthorized","reason":"Name or password is incorrect."}"#;
    assert!(says("", 401, unauthorized).contains("user name or password"));
    let welcome = says("", 200, "<html>It works!</html>");
    assert!(
        welcome.contains("does not answer as a CouchDB server"),
        "{welcome}"
    );
    assert!(says("", 200, r#"{"ok":true}"#).contains("names no CouchDB"));
    let missing = says(
        DB,
        404,
        r#"{"error":"not_found","reason":"Database does not exist."}"#,
    );
    assert!(
        missing.contains(r#"no database named "claims""#),
        "{missing}"
    );
    let forbidden = says(
        DB,
        403,
        r#"{"error":"forbidden","reason":"You are not allowed to access this db."}"#,
    );
    assert!(forbidden.contains("You are not allowed"), "{forbidden}");
    assert!(forbidden.contains("_security"), "{forbidden}");
    fake.offline.set(true);
    let offline = block_on(connect(&fake, &server())).unwrap_err().to_string();
    assert!(
        offline.contains("Could not reach https://couch.example.org"),
        "{offline}"
    );
}

#[test]
fn documents_of_a_newer_claimmark_or_of_others_are_left_alone() {
    let fake = Fake::new();
    let mut a = replica("a", library_with(&["The minister said"]));
    run(&fake, &mut a);
    let newer = r#"{"new_edits":false,"docs":[
        {"_id":"a:future","_rev":"1-aa","_revisions":{"start":1,"ids":["aa"]},"claimmark":2,"record":{"shape":"unknown"}},
        {"_id":"notes","_rev":"1-bb","_revisions":{"start":1,"ids":["bb"]},"text":"a team's memo"},
        {"_id":"a:plain","_rev":"1-cc","_revisions":{"start":1,"ids":["cc"]},"text":"no claimmark field"}]}"#;
    let request = Request {
        method: Method::Post,
        path: format!("{DB}/_bulk_docs"),
        body: Some(newer.into()),
    };
    block_on(fake.send(request)).unwrap();
    let mut b = replica("b", Library::new(seed_documents()));
    let report = run(&fake, &mut b);
    assert_eq!((report.newer, report.foreign), (1, 2), "{report:?}");
    assert_eq!(b.library.contents(), a.library.contents());
    // And they stay on the server as they were.
    assert_eq!(fake.live_leaves("a:future").len(), 1);
}

#[test]
fn a_record_deleted_on_the_server_by_hand_is_written_again() {
    let fake = Fake::new();
    let mut a = replica("a", library_with(&["The minister said"]));
    run(&fake, &mut a);
    let (rev, _) = fake.live_leaves("a:c0").remove(0);
    let pos: u64 = rev.split('-').next().unwrap().parse().unwrap();
    let hash = rev.split('-').nth(1).unwrap();
    // What deleting it in Fauxton sends: a deleted revision on the live one.
    let delete = format!(
        r#"{{"new_edits":false,"docs":[{{"_id":"a:c0","_rev":"{}-dead","_deleted":true,"_revisions":{{"start":{},"ids":["dead","{hash}"]}}}}]}}"#,
        pos + 1,
        pos + 1
    );
    let request = Request {
        method: Method::Post,
        path: format!("{DB}/_bulk_docs"),
        body: Some(delete),
    };
    block_on(fake.send(request)).unwrap();
    assert!(fake.live_leaves("a:c0").is_empty());
    run(&fake, &mut a);
    assert_eq!(fake.live_leaves("a:c0").len(), 1, "written again");
    let mut b = replica("b", Library::new(seed_documents()));
    run(&fake, &mut b);
    assert_eq!(b.library.contents(), a.library.contents());
}

#[test]
fn watching_says_when_the_server_has_something_new() {
    let fake = Fake::new();
    let mut a = replica("a", library_with(&["The minister said"]));
    let mut b = replica("b", Library::new(seed_documents()));
    settle(&fake, &mut [&mut a, &mut b]);
    let watch_b = |b: &mut Replica| block_on(watch(&fake, &server(), b, 1000)).unwrap();
    assert!(!watch_b(&mut b), "nothing new");
    assert!(a.library.set_note("c0", "new", 700));
    run(&fake, &mut a);
    assert!(watch_b(&mut b));
    run(&fake, &mut b);
    assert!(!watch_b(&mut b));
    assert!(fake
        .log
        .borrow()
        .iter()
        .any(|l| l.contains("feed=longpoll")));
}

#[test]
fn changes_that_never_move_on_are_refused_rather_than_read_for_ever() {
    let fake = Fake::new();
    let mut b = replica("b", Library::new(seed_documents()));
    let results: Vec<String> = (0..500)
        .map(|i| format!(r#"{{"id":"notes-{i}","changes":[{{"rev":"1-ab"}}]}}"#))
        .collect();
    let body = format!(r#"{{"results":[{}],"last_seq":0}}"#, results.join(","));
    let e = refused(&fake, &mut b, "_changes", &body);
    assert!(e.to_string().contains("ends where it began"), "{e}");
}

#[test]
fn changes_made_while_no_sync_listened_are_found_and_sent() {
    let (fake, mut a, mut b) = two_in_step();
    assert_eq!(note_unsent(&mut a), 0, "all in step");
    // Edited while the sync page was closed: the change is in the library, not in the journal
    // a sync hears.
    assert!(a.library.set_note("c1", "made offline", 300));
    a.library.take_journal();
    let report = run(&fake, &mut a);
    assert_eq!(report.sent, 0, "not heard of, not sent");
    assert_eq!(note_unsent(&mut a), 1);
    assert_eq!(run(&fake, &mut a).sent, 1);
    run(&fake, &mut b);
    assert_eq!(b.library.annotation("c1").unwrap().note, "made offline");
    assert_eq!(note_unsent(&mut a), 0);
    assert_eq!(note_unsent(&mut b), 0);
}

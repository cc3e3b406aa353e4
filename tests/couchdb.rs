//! The sync engine against a real server: pouchdb-server (tests/support/couch.rs), started on
//! 127.0.0.1 by each test and stopped with it. Without it installed these tests fail and say
//! how to install it.

#[path = "support/couch.rs"]
mod couch;

use couch::{block_on, Client, PouchServer};

use claimmark::domain::annotation::Verdict;
use claimmark::domain::document::{document_from_text, seed_documents, Origin};
use claimmark::domain::library::Library;
use claimmark::domain::sync::{connect, sync, watch, Replica, Server, SyncError};

const TEXT: &str = "The council said the bridge will reopen in May. Residents doubt it. \
                    Engineers found new cracks last week, according to a report.";

fn library_with(claims: usize) -> Library {
    let mut l = Library::new(seed_documents());
    l.add_document(document_from_text(
        "bridge".into(),
        TEXT,
        None,
        Origin::User,
        1,
    ));
    let words: Vec<(usize, usize)> = TEXT
        .char_indices()
        .filter(|&(_, c)| c == ' ')
        .map(|(i, _)| i)
        .scan(0, |start, end| {
            let span = (*start, end);
            *start = end + 1;
            Some(span)
        })
        .collect();
    for i in 0..claims {
        let span = words[i % words.len()];
        let verdict = [Verdict::Sourced, Verdict::Unsourced][i % 2];
        l.annotate("bridge", span, verdict, format!("claim-{i}"), 10 + i as i64)
            .unwrap();
    }
    l
}

fn run(client: &Client, server: &Server, r: &mut Replica) {
    if let Err(e) = block_on(sync(client, server, r)) {
        panic!("{e}");
    }
}

#[test]
fn two_checkers_share_a_library_through_the_server() {
    let couch = PouchServer::start("share");
    assert_eq!(couch.admin("PUT", "/claims", None).status, 201);
    let server = Server::new(&couch.url(), "claims").unwrap();
    let client = Client::new(couch.port, None);
    assert_eq!(block_on(connect(&client, &server)).unwrap(), "4.2.0");
    let mut ana = Replica::new(library_with(3), "ana", "");
    let mut ben = Replica::new(Library::new(seed_documents()), "ben", "");
    run(&client, &server, &mut ana);
    run(&client, &server, &mut ben);
    assert_eq!(ben.library.contents(), ana.library.contents());
    // Apart, both edit the same claim; Ben later, and Ana deletes another.
    assert!(ana
        .library
        .set_note("claim-0", "Ana: the council's minutes", 100));
    assert!(ben
        .library
        .set_note("claim-0", "Ben: the mayor's statement", 200));
    assert!(ana.library.delete("claim-1", 300));
    for _ in 0..2 {
        run(&client, &server, &mut ana);
        run(&client, &server, &mut ben);
    }
    assert_eq!(ben.library.contents(), ana.library.contents());
    let note = &ana.library.annotation("claim-0").unwrap().note;
    assert_eq!(note, "Ben: the mayor's statement");
    assert!(ben.library.annotation("claim-1").is_none());
    // The server has ended the conflict too: one live revision, no conflicts left.
    let doc = couch.admin("GET", "/claims/a%3Aclaim-0?conflicts=true", None);
    assert_eq!(doc.status, 200, "{}", doc.body);
    assert!(!doc.body.contains("_conflicts"), "{}", doc.body);
    assert!(doc.body.contains("the mayor's statement"), "{}", doc.body);
}

#[test]
fn a_server_stopped_mid_sync_and_started_again_loses_and_repeats_nothing() {
    let couch = PouchServer::start("restart");
    assert_eq!(couch.admin("PUT", "/claims", None).status, 201);
    let server = Server::new(&couch.url(), "claims").unwrap();
    // 450 claims go in three requests of 200 or fewer: the server stops after the first.
    let mut ana = Replica::new(library_with(450), "ana", "");
    let client = Client::new(couch.port, None);
    // The checkpoint, the changes, then the first batch's revs_diff and bulk_docs; then it stops.
    client.kill_after.set(Some((4, couch.child.id())));
    let e = block_on(sync(&client, &server, &mut ana)).unwrap_err();
    assert!(matches!(e, SyncError::Unreachable { .. }), "{e}");
    let couch = couch.restart();
    let client = Client::new(couch.port, None);
    run(&client, &server, &mut ana);
    let mut ben = Replica::new(Library::new(seed_documents()), "ben", "");
    run(&client, &server, &mut ben);
    assert_eq!(ben.library.contents(), ana.library.contents());
    // Each of the 451 records is on the server once, in its first revision.
    let info = couch.admin("GET", "/claims", None).body;
    assert!(info.contains("\"doc_count\":451"), "{info}");
    let all = couch.admin("GET", "/claims/_all_docs", None).body;
    assert_eq!(all.matches("\"rev\":\"1-").count(), 451, "{}", &all[..300]);
}

#[test]
fn a_wrong_password_a_missing_database_and_no_server_each_say_so() {
    let couch = PouchServer::start("auth");
    assert_eq!(couch.admin("PUT", "/claims", None).status, 201);
    let user = r#"{"name":"ana","password":"right","roles":[],"type":"user"}"#;
    assert_eq!(
        couch
            .admin("PUT", "/_users/org.couchdb.user:ana", Some(user))
            .status,
        201
    );
    let members = r#"{"members":{"names":["ana"]}}"#;
    assert!(
        couch
            .admin("PUT", "/claims/_security", Some(members))
            .status
            < 300
    );
    let server = Server::new(&couch.url(), "claims").unwrap();
    let says = |client: &Client, server: &Server| {
        block_on(connect(client, server)).unwrap_err().to_string()
    };
    let wrong = says(&Client::new(couch.port, Some("ana:wrong")), &server);
    assert!(wrong.contains("user name or password"), "{wrong}");
    let ana = Client::new(couch.port, Some("ana:right"));
    assert!(block_on(connect(&ana, &server)).is_ok());
    let mut replica = Replica::new(library_with(2), "ana", "");
    run(&ana, &server, &mut replica);
    let missing = Server::new(&couch.url(), "clams").unwrap();
    assert!(says(&ana, &missing).contains("no database named \"clams\""));
    let nobody = Server::new("http://127.0.0.1:9", "claims").unwrap();
    let down = says(&Client::new(9, None), &nobody);
    assert!(
        down.contains("Could not reach http://127.0.0.1:9"),
        "{down}"
    );
}

#[test]
fn a_replica_watching_the_server_wakes_when_another_sends_an_edit() {
    let couch = PouchServer::start("watch");
    assert_eq!(couch.admin("PUT", "/claims", None).status, 201);
    let server = Server::new(&couch.url(), "claims").unwrap();
    let client = Client::new(couch.port, None);
    let mut ana = Replica::new(library_with(2), "ana", "");
    let mut ben = Replica::new(Library::new(seed_documents()), "ben", "");
    for _ in 0..2 {
        run(&client, &server, &mut ana);
        run(&client, &server, &mut ben);
    }
    // Ben watches in a thread of his own; Ana edits and syncs. (pouchdb-server waits for a
    // change whatever the timeout asked; CouchDB ends the wait at it: the in-memory CouchDB's
    // test covers a watch that ends with nothing new.)
    let port = couch.port;
    let (s, mut b) = (server.clone(), ben);
    let watcher = std::thread::spawn(move || {
        let started = std::time::Instant::now();
        let woke = block_on(watch(&Client::new(port, None), &s, &mut b, 20_000)).unwrap();
        (woke, started.elapsed(), b)
    });
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert!(ana.library.set_note("claim-0", "Ana: checked", 900));
    run(&client, &server, &mut ana);
    let (woke, waited, mut ben) = watcher.join().unwrap();
    assert!(woke);
    assert!(waited < std::time::Duration::from_secs(15), "{waited:?}");
    run(&client, &server, &mut ben);
    assert_eq!(
        ben.library.annotation("claim-0").unwrap().note,
        "Ana: checked"
    );
}

//! Sync benchmark, native, against pouchdb-server on 127.0.0.1 (tests/support/couch.rs): a
//! library of 50 articles and one of 3,000 (20,000 characters and 20 claims each), in the same
//! run. For each: the first sync of the library to an empty database, the first sync of a
//! second, empty replica from it, and the delay from an edit in one replica until the other,
//! watching the server (CouchDB's longpoll feed, in a thread of its own), has synced it. The peer: PouchDB's own replicator
//! (Node), pulling the same database into an in-memory PouchDB, in the same run. Prints
//! figures; asserts nothing. Run by `bash .ci/bench`.

#[path = "../support/couch.rs"]
mod couch;

use std::process::Command;
use std::time::Instant;

use claimmark::domain::benchmark::large_library;
use claimmark::domain::document::seed_documents;
use claimmark::domain::library::Library;
use claimmark::domain::sync::{sync, watch, Replica, Server};
use couch::{block_on, Client, PouchServer};

fn ms(since: Instant) -> f64 {
    since.elapsed().as_secs_f64() * 1000.0
}

fn main() {
    let mut rows = Vec::new();
    for articles in [50, 3_000] {
        let couch = PouchServer::start(&format!("bench-{articles}"));
        assert!(couch.admin("PUT", "/claims", None).status < 300);
        let server = Server::new(&couch.url(), "claims").unwrap();
        let client = Client::new(couch.port, None);
        let library = large_library(articles, 20_000, 20);
        let claims = library.all_annotations().len();
        let first_claim = library.all_annotations()[0].id.clone();
        let mut a = Replica::new(library, "a", "");
        let mut b = Replica::new(Library::new(seed_documents()), "b", "");
        let run = |r: &mut Replica| {
            let t = Instant::now();
            let report = block_on(sync(&client, &server, r)).unwrap_or_else(|e| panic!("{e}"));
            (ms(t), report)
        };
        let (push_ms, pushed) = run(&mut a);
        let (pull_ms, pulled) = run(&mut b);
        assert_eq!(a.library.contents(), b.library.contents());
        // The second replica watches the server (longpoll) in a thread of its own and syncs
        // when woken; the first edits a note and syncs, five times.
        let (port, watched, claim) = (couch.port, server.clone(), first_claim.clone());
        let watcher = std::thread::spawn(move || {
            let client = Client::new(port, None);
            let mut arrived = Vec::new();
            for i in 0..5 {
                let want = format!("edit {i}");
                loop {
                    let _ = block_on(watch(&client, &watched, &mut b, 60_000));
                    block_on(sync(&client, &watched, &mut b)).unwrap_or_else(|e| panic!("{e}"));
                    if b.library.annotation(&claim).is_some_and(|a| a.note == want) {
                        arrived.push(Instant::now());
                        break;
                    }
                }
            }
            arrived
        });
        let (mut edited, mut sends) = (Vec::new(), Vec::new());
        for i in 0..5 {
            std::thread::sleep(std::time::Duration::from_millis(300));
            edited.push(Instant::now());
            a.library
                .set_note(&first_claim, &format!("edit {i}"), 1_000_000 + i);
            sends.push(run(&mut a).0);
        }
        let arrived = watcher.join().expect("the watching replica");
        let mut delays: Vec<f64> = (arrived.iter().zip(&edited))
            .map(|(a, e)| a.duration_since(*e).as_secs_f64() * 1000.0)
            .collect();
        for v in [&mut delays, &mut sends] {
            v.sort_by(f64::total_cmp);
        }
        let peer_ms = peer(&couch.url());
        println!(
            "native sync, {articles} articles and {claims} claims: first sync to an empty database \
             {push_ms:.0} ms ({} records sent); a second replica's first sync {pull_ms:.0} ms ({} \
             fetched); an edit until the other replica, watching the server, has it: median {:.1} ms \
             of 5 (the sending sync {:.1} ms); peer \
             (PouchDB's replicator in Node, the same pull into memory): {}",
            pushed.sent,
            pulled.fetched,
            delays[2],
            sends[2],
            peer_ms.map_or("not run".into(), |p| format!(
                "{p:.0} ms (peer/claimmark {:.2})",
                p / pull_ms
            )),
        );
        rows.push((articles, push_ms, pull_ms, delays[2]));
    }
    let (small, large) = (rows[0], rows[1]);
    println!(
        "sync ratio 3,000 articles / 50: first sync {:.1}x, second replica {:.1}x, an edit's delay {:.2}x",
        large.1 / small.1,
        large.2 / small.2,
        large.3 / small.3
    );
}

/// PouchDB's replicator pulling the database into memory, timed in Node; `None` if it cannot
/// run.
fn peer(url: &str) -> Option<f64> {
    let modules = concat!(env!("CARGO_MANIFEST_DIR"), "/.tools/pouchdb/node_modules");
    let script = r#"
        const [modules, url] = process.argv.slice(1);
        const need = (m) => require(require.resolve(m, { paths: [modules] }));
        const PouchDB = need('pouchdb-core')
            .plugin(need('pouchdb-adapter-http'))
            .plugin(need('pouchdb-adapter-memory'))
            .plugin(need('pouchdb-replication'));
        const t = process.hrtime.bigint();
        PouchDB.replicate(new PouchDB(url + '/claims'), new PouchDB('peer', { adapter: 'memory' }))
            .then(() => console.log(Number(process.hrtime.bigint() - t) / 1e6))
            .catch((e) => { console.error(e); process.exit(1); });
    "#;
    let out = Command::new("node")
        .args(["-e", script, modules, url])
        .output()
        .ok()?;
    String::from_utf8_lossy(&out.stdout).trim().parse().ok()
}

//! The sync engine against a real server: pouchdb-server (npm, Apache-2.0), which speaks
//! CouchDB's replication protocol, started on 127.0.0.1 by each test and stopped with it.
//! `bash .ci/setup --test` installs it into `.tools/pouchdb/`; without it these tests fail and
//! say so.

use std::cell::Cell;
use std::future::Future;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::pin::pin;
use std::process::{Child, Command, Stdio};
use std::task::{Context, Poll, Waker};
use std::time::{Duration, Instant};

use claimmark::domain::annotation::Verdict;
use claimmark::domain::document::{document_from_text, seed_documents, Origin};
use claimmark::domain::library::Library;
use claimmark::domain::sync::{
    connect, sync, Http, Replica, Request, Response, Server, SyncError, Unreachable,
};

/// pouchdb-server, running until dropped. On disk, so that a restart keeps what it held.
struct PouchServer {
    child: Child,
    port: u16,
    dir: PathBuf,
}

fn pouchdb_bin() -> PathBuf {
    let bin = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(".tools/pouchdb/node_modules/.bin/pouchdb-server");
    assert!(
        bin.exists(),
        "pouchdb-server is not installed: run `bash .ci/setup --test` (it installs it into .tools/pouchdb)"
    );
    bin
}

impl PouchServer {
    fn start(name: &str) -> PouchServer {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let dir =
            std::env::temp_dir().join(format!("claimmark-couch-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("data")).unwrap();
        PouchServer::run(port, dir)
    }

    fn run(port: u16, dir: PathBuf) -> PouchServer {
        let child = Command::new(pouchdb_bin())
            .args([
                "--port",
                &port.to_string(),
                "--host",
                "127.0.0.1",
                "--no-stdout-logs",
            ])
            .arg("--dir")
            .arg(dir.join("data"))
            .arg("--config")
            .arg(dir.join("config.json"))
            .current_dir(&dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("pouchdb-server starts");
        let server = PouchServer { child, port, dir };
        let deadline = Instant::now() + Duration::from_secs(30);
        while raw(port, "GET", "/", None, None).is_err() {
            assert!(
                Instant::now() < deadline,
                "pouchdb-server did not answer within 30 s"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        server
    }

    /// Stops it and starts it again on the same port and files.
    fn restart(mut self) -> PouchServer {
        self.stop();
        let (port, dir) = (self.port, self.dir.clone());
        std::mem::forget(self);
        PouchServer::run(port, dir)
    }

    fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// A request as an administrator would make it (the server starts with none: anyone is).
    fn admin(&self, method: &str, path: &str, body: Option<&str>) -> Response {
        raw(self.port, method, path, body, None).expect("pouchdb-server answers")
    }
}

impl Drop for PouchServer {
    fn drop(&mut self) {
        self.stop();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// One HTTP/1.1 request over a plain socket, the reply read to its end.
fn raw(
    port: u16,
    method: &str,
    path: &str,
    body: Option<&str>,
    auth: Option<&str>,
) -> std::io::Result<Response> {
    let mut stream = TcpStream::connect(("127.0.0.1", port))?;
    stream.set_read_timeout(Some(Duration::from_secs(60)))?;
    let body = body.unwrap_or("");
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept: application/json\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    if let Some(a) = auth {
        head.push_str(&format!(
            "Authorization: Basic {}\r\n",
            base64(a.as_bytes())
        ));
    }
    stream.write_all(format!("{head}\r\n{body}").as_bytes())?;
    let mut reply = Vec::new();
    stream.read_to_end(&mut reply)?;
    let reply = String::from_utf8_lossy(&reply).into_owned();
    let (head, rest) = reply.split_once("\r\n\r\n").unwrap_or((&reply, ""));
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let chunked = head
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked");
    let body = if chunked {
        unchunk(rest)
    } else {
        rest.to_owned()
    };
    Ok(Response { status, body })
}

fn unchunk(mut s: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = s.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if n == 0 || rest.len() < n {
            break;
        }
        out.push_str(&rest[..n]);
        s = rest[n..].trim_start_matches("\r\n");
    }
    out
}

fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().fold(0u32, |n, &b| n << 8 | u32::from(b)) << (8 * (3 - chunk.len()));
        for i in 0..4 {
            match i <= chunk.len() {
                true => out.push(char::from(ABC[(n >> (18 - 6 * i)) as usize & 63])),
                false => out.push('='),
            }
        }
    }
    out
}

/// The engine's `Http` over a plain socket, with basic authentication if given. It can be
/// told to kill a server process after a number of requests (a server stopped mid-sync).
struct Client {
    port: u16,
    auth: Option<String>,
    /// Requests to answer, and the process to kill before the next.
    kill_after: Cell<Option<(usize, u32)>>,
}

impl Client {
    fn new(port: u16, auth: Option<&str>) -> Client {
        Client {
            port,
            auth: auth.map(str::to_owned),
            kill_after: Cell::new(None),
        }
    }
}

impl Http for Client {
    async fn send(&self, r: Request) -> Result<Response, Unreachable> {
        match self.kill_after.get() {
            Some((0, pid)) => {
                let killed = Command::new("kill").arg("-9").arg(pid.to_string()).status();
                assert!(killed.is_ok_and(|s| s.success()), "the server is stopped");
                std::thread::sleep(Duration::from_millis(200));
                self.kill_after.set(None);
            }
            Some((n, pid)) => self.kill_after.set(Some((n - 1, pid))),
            None => {}
        }
        let path = format!("/{}", r.path);
        raw(
            self.port,
            r.method.as_str(),
            &path,
            r.body.as_deref(),
            self.auth.as_deref(),
        )
        .map_err(|e| Unreachable(e.to_string()))
    }
}

fn block_on<F: Future>(f: F) -> F::Output {
    let mut cx = Context::from_waker(Waker::noop());
    match pin!(f).poll(&mut cx) {
        Poll::Ready(v) => v,
        Poll::Pending => panic!("the socket client never waits"),
    }
}

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

//! pouchdb-server (npm, Apache-2.0), which speaks CouchDB's replication protocol, for the sync
//! tests and benchmark: started on 127.0.0.1 and stopped when dropped; and the engine's `Http`
//! over a plain socket. `bash .ci/setup --test` installs it into `.tools/pouchdb/`.
#![allow(dead_code)] // each test or benchmark uses its part

use std::cell::Cell;
use std::future::Future;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::pin::pin;
use std::process::{Child, Command, Stdio};
use std::task::{Context, Poll, Waker};
use std::time::{Duration, Instant};

use claimmark::domain::sync::{Http, Request, Response, Unreachable};

/// pouchdb-server, running until dropped. On disk, so that a restart keeps what it held.
pub struct PouchServer {
    pub child: Child,
    pub port: u16,
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
    pub fn start(name: &str) -> PouchServer {
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
    pub fn restart(mut self) -> PouchServer {
        self.stop();
        let (port, dir) = (self.port, self.dir.clone());
        std::mem::forget(self);
        PouchServer::run(port, dir)
    }

    pub fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// A request as an administrator would make it (the server starts with none: anyone is).
    pub fn admin(&self, method: &str, path: &str, body: Option<&str>) -> Response {
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
pub fn raw(
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
pub struct Client {
    port: u16,
    auth: Option<String>,
    /// Requests to answer, and the process to kill before the next.
    pub kill_after: Cell<Option<(usize, u32)>>,
}

impl Client {
    pub fn new(port: u16, auth: Option<&str>) -> Client {
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

pub fn block_on<F: Future>(f: F) -> F::Output {
    let mut cx = Context::from_waker(Waker::noop());
    match pin!(f).poll(&mut cx) {
        Poll::Ready(v) => v,
        Poll::Pending => panic!("the socket client never waits"),
    }
}

//! One sync with a CouchDB database, by its replication protocol: read the changes since this
//! replica's checkpoint (`_changes`), fetch the revisions not had (`_bulk_get`), merge them by
//! the library's one rule, store, move the checkpoint (`_local/…`); then send what changed here
//! (`_revs_diff`, `_bulk_docs` with `new_edits: false`).
//!
//! Conflicts (two replicas changing a record apart) end the same way on every replica: each
//! merges the same revisions by the same rule, and writes the result on the greatest leaf while
//! marking the others deleted, as revisions named by their parent and content. Two replicas
//! ending the same conflict so send the same revisions, which the server takes once.

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::http::{Http, Method, Request, Server};
use super::pull::pull;
use super::push::push;
use super::rev::digest;
use super::state::{Local, SYNC_VERSION};
use super::wire::Welcome;
use super::SyncError;

/// Records fetched or sent per request.
pub(super) const BATCH: usize = 200;

/// What one sync did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// Revisions fetched and merged here.
    pub fetched: usize,
    /// Records sent.
    pub sent: usize,
    /// Conflicts ended on the server.
    pub resolved: usize,
    /// Versions that lost to another, fetched or made here (each kept: [`Local::superseded`]).
    pub superseded: usize,
    /// Documents of a newer claimmark, left on the server.
    pub newer: usize,
    /// Documents that are not claimmark's, left alone.
    pub foreign: usize,
}

/// Checks that `server` is a CouchDB server with the database, and that it lets the user in.
/// Returns the server's version.
pub async fn connect<H: Http>(http: &H, server: &Server) -> Result<String, SyncError> {
    let not_couch = |detail: String| SyncError::NotCouchDb {
        url: server.url.clone(),
        detail,
    };
    let welcome = send(http, server, Method::Get, String::new(), None).await?;
    if welcome.status == 401 {
        return Err(SyncError::Unauthorized);
    }
    let w: Welcome = serde_json::from_str(&welcome.body)
        .map_err(|_| not_couch(format!("status {}, no CouchDB welcome", welcome.status)))?;
    if w.couchdb.is_none() && w.express_pouchdb.is_none() {
        return Err(not_couch("its welcome names no CouchDB".into()));
    }
    let db = send(http, server, Method::Get, server.path(""), None).await?;
    match db.status {
        200 => Ok(w.version.unwrap_or_default()),
        404 => Err(SyncError::NoDatabase {
            db: server.db.clone(),
        }),
        _ => Err(SyncError::from_reply("read the database", &db)),
    }
}

/// One sync: the server's changes here, then this replica's there.
pub async fn sync<H: Http, L: Local>(
    http: &H,
    server: &Server,
    local: &mut L,
) -> Result<Report, SyncError> {
    let here = format!("{}/{}", server.url, server.db);
    let state = local.state();
    if state.server != here || state.sync_version != SYNC_VERSION {
        let replica = std::mem::take(&mut state.replica);
        *state = super::SyncState::new(&replica, &here);
    }
    let mut report = Report::default();
    pull(http, server, local, &mut report).await?;
    push(http, server, local, &mut report).await?;
    Ok(report)
}

pub(super) async fn send<H: Http>(
    http: &H,
    server: &Server,
    method: Method,
    path: String,
    body: Option<String>,
) -> Result<super::Response, SyncError> {
    let request = Request { method, path, body };
    http.send(request)
        .await
        .map_err(|e| SyncError::Unreachable {
            url: server.url.clone(),
            detail: e.0,
        })
}

/// A request whose reply must be a success of type `T`; 404 is `None`.
pub(super) async fn call<H: Http, T: DeserializeOwned>(
    http: &H,
    server: &Server,
    what: &str,
    (method, path, body): (Method, String, Option<String>),
) -> Result<Option<T>, SyncError> {
    let reply = send(http, server, method, path, body).await?;
    match reply.status {
        200..=299 => {
            serde_json::from_str(&reply.body)
                .map(Some)
                .map_err(|e| SyncError::Malformed {
                    what: what.to_owned(),
                    detail: e.to_string(),
                })
        }
        404 => Ok(None),
        _ => Err(SyncError::from_reply(what, &reply)),
    }
}

/// A request whose reply must be a success of type `T`: 404 says the database is gone.
pub(super) async fn need<H: Http, T: DeserializeOwned>(
    http: &H,
    server: &Server,
    what: &str,
    request: (Method, String, Option<String>),
) -> Result<T, SyncError> {
    call(http, server, what, request)
        .await?
        .ok_or_else(|| SyncError::NoDatabase {
            db: server.db.clone(),
        })
}

pub(super) fn json<T: serde::Serialize>(v: &T) -> Option<String> {
    Some(serde_json::to_string(v).unwrap_or_else(|_| unreachable!("plain data always serialises")))
}

/// A record's value in one form whatever wrote it: keys sorted, no spaces.
pub(super) fn canonical(value: &str) -> Option<String> {
    serde_json::from_str::<Value>(value)
        .ok()
        .map(|v| v.to_string())
}

pub(super) fn hash_of(canonical: &str) -> String {
    digest(&[canonical.as_bytes()])
}

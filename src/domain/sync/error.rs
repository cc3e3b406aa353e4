//! What can go wrong in a sync, each said so that the user knows what to fix. A sync that fails
//! has changed nothing it had not finished: what it fetched is kept only once stored, and the
//! server's checkpoint moves only after that.

use std::fmt;

use super::wire::ErrorReply;
use super::Response;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SyncError {
    /// No answer: offline, a wrong address, a server that is down, or CORS.
    Unreachable { url: String, detail: String },
    /// 401: the user name or password.
    Unauthorized,
    /// 403: the user may not read or write this database.
    Forbidden { what: String, reason: String },
    /// 404 for the database itself.
    NoDatabase { db: String },
    /// It answers, but not as CouchDB does.
    NotCouchDb { url: String, detail: String },
    /// A reply that is not what CouchDB sends for this request.
    Malformed { what: String, detail: String },
    /// A document claimmark must not take (its key and its record disagree, its text is not the
    /// one its record names, …).
    Refused { id: String, why: String },
    /// Any other failure the server reported.
    Server {
        what: String,
        status: u16,
        reason: String,
    },
    /// What was fetched could not be stored here.
    Local(String),
}

impl SyncError {
    /// The error for a reply with a failing status to the request for `what`.
    pub(super) fn from_reply(what: &str, r: &Response) -> SyncError {
        let reply: ErrorReply = serde_json::from_str(&r.body).unwrap_or_default();
        let reason = match (reply.error.as_str(), reply.reason.as_str()) {
            ("", "") => r.body.chars().take(200).collect(),
            (e, "") => e.to_owned(),
            (_, reason) => reason.to_owned(),
        };
        match r.status {
            401 => SyncError::Unauthorized,
            403 => SyncError::Forbidden {
                what: what.to_owned(),
                reason,
            },
            status => SyncError::Server {
                what: what.to_owned(),
                status,
                reason,
            },
        }
    }
}

impl fmt::Display for SyncError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SyncError::Unreachable { url, detail } => write!(
                f,
                "Could not reach {url} ({detail}). Check the address, that the server is \
                 running, and that its CORS settings allow this page's address. Your work is kept \
                 here and is sent when the server can be reached."
            ),
            SyncError::Unauthorized => write!(
                f,
                "The server refused the user name or password (401). Check them and connect \
                 again."
            ),
            SyncError::Forbidden { what, reason } => write!(
                f,
                "The server does not let this user {what} ({reason}). An administrator adds \
                 the user to the database's members (its _security)."
            ),
            SyncError::NoDatabase { db } => write!(
                f,
                "The server has no database named \"{db}\". Check the name, or create it (in \
                 CouchDB's Fauxton, or with PUT /{db})."
            ),
            SyncError::NotCouchDb { url, detail } => write!(
                f,
                "{url} does not answer as a CouchDB server does ({detail}). Check the address: \
                 it is the server's, without the database."
            ),
            SyncError::Malformed { what, detail } => write!(
                f,
                "The server's reply to {what} is not what CouchDB sends ({detail}). Nothing was \
                 changed here."
            ),
            SyncError::Refused { id, why } => write!(
                f,
                "The server sent a record claimmark cannot take, {id}: {why}. Nothing was \
                 changed here."
            ),
            SyncError::Server {
                what,
                status,
                reason,
            } => write!(f, "The server failed to {what} ({status}: {reason})."),
            SyncError::Local(why) => write!(
                f,
                "What the server sent could not be stored here ({why}). Nothing is lost: it is \
                 fetched again at the next sync."
            ),
        }
    }
}

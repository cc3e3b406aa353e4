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
    /// Whether trying again later may succeed without the user doing anything: no answer, a
    /// gateway or server that is down or overloaded for now (502, 503, 504: a proxy before a
    /// stopped CouchDB answers so), or storage here failing for now.
    pub fn is_transient(&self) -> bool {
        match self {
            SyncError::Unreachable { .. } | SyncError::Local(_) => true,
            SyncError::Server { status, .. } => matches!(status, 502..=504),
            _ => false,
        }
    }

    /// The error for a reply with a failing status to the request for `what`.
    pub(super) fn from_reply(what: &str, r: &Response) -> SyncError {
        let reply: ErrorReply = serde_json::from_str(&r.body).unwrap_or_default();
        let reason = match (reply.error.as_str(), reply.reason.as_str()) {
            // Not CouchDB's answer but a proxy's or web server's page: its status in words.
            ("", "") if r.body.trim_start().starts_with('<') => status_words(r.status).into(),
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

/// An HTTP status in words (RFC 9110), for replies that give no reason of their own.
fn status_words(status: u16) -> &'static str {
    match status {
        400 => "bad request",
        404 => "not found",
        405 => "method not allowed",
        500 => "internal server error",
        502 => "bad gateway: the server behind it did not answer",
        503 => "service unavailable",
        504 => "gateway timeout: the server behind it did not answer in time",
        _ => "an HTML page instead of CouchDB's answer",
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_what_may_pass_by_itself_is_tried_again() {
        let server = |status| SyncError::Server {
            what: "read the changes".into(),
            status,
            reason: String::new(),
        };
        assert!(
            server(502).is_transient() && server(503).is_transient() && server(504).is_transient()
        );
        assert!(!server(500).is_transient() && !server(400).is_transient());
        let unreachable = SyncError::Unreachable {
            url: "https://h".into(),
            detail: "offline".into(),
        };
        assert!(unreachable.is_transient() && SyncError::Local("full".into()).is_transient());
        assert!(!SyncError::Unauthorized.is_transient());
        assert!(!SyncError::NoDatabase {
            db: "claims".into()
        }
        .is_transient());
    }

    #[test]
    fn a_proxys_error_page_is_said_in_words_not_pasted() {
        let page = Response {
            status: 502,
            body: "<!DOCTYPE HTML><html><body><h1>Error response</h1></body></html>".into(),
        };
        let e = SyncError::from_reply("read the checkpoint", &page);
        assert_eq!(
            e.to_string(),
            "The server failed to read the checkpoint (502: bad gateway: the server behind it \
             did not answer)."
        );
        assert!(e.is_transient());
        let couch = Response {
            status: 500,
            body: r#"{"error":"unknown_error","reason":"function_clause"}"#.into(),
        };
        let said = SyncError::from_reply("send the changes", &couch).to_string();
        assert!(said.contains("(500: function_clause)"), "{said}");
    }
}

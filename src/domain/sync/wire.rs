//! What goes over the wire to and from CouchDB: its documents as claimmark writes them, and the
//! replies of the replication protocol's requests. Types of their own, apart from the stored
//! records: renaming a field of the domain must not change what a server holds.
//!
//! A record is one document, under its store key (`a:urn:uuid:…`):
//! `{"_id", "_rev", "claimmark": 1, "record": {…the stored record…}}`, and for an article also
//! `"text"`, its text.

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The version of the documents this claimmark writes. A document of a later version is left
/// on the server unread.
pub const WIRE_VERSION: u64 = 1;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WireDoc {
    #[serde(rename = "_id")]
    pub id: String,
    #[serde(rename = "_rev")]
    pub rev: String,
    #[serde(rename = "_deleted", default, skip_serializing_if = "is_false")]
    pub deleted: bool,
    /// The revision's ancestry, newest first: how the server places a revision it is given.
    #[serde(
        rename = "_revisions",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub revisions: Option<Revisions>,
    /// Absent: not a claimmark document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claimmark: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Revisions {
    pub start: u64,
    pub ids: Vec<String>,
}

/// `GET /db/_changes?style=all_docs`: each changed document with its leaf revisions.
#[derive(Debug, Deserialize)]
pub struct Changes {
    pub results: Vec<Change>,
    pub last_seq: Value,
}

#[derive(Debug, Deserialize)]
pub struct Change {
    pub id: String,
    pub changes: Vec<ChangeRev>,
}

#[derive(Debug, Deserialize)]
pub struct ChangeRev {
    pub rev: String,
}

/// `POST /db/_bulk_get?revs=true`.
#[derive(Serialize)]
pub struct BulkGetRequest {
    pub docs: Vec<DocRev>,
}

#[derive(Serialize)]
pub struct DocRev {
    pub id: String,
    pub rev: String,
}

#[derive(Debug, Deserialize)]
pub struct BulkGet {
    pub results: Vec<BulkGetResult>,
}

#[derive(Debug, Deserialize)]
pub struct BulkGetResult {
    pub id: String,
    pub docs: Vec<BulkGetDoc>,
}

/// A revision, or (not read: it is then left out) why the server could not give it.
#[derive(Debug, Deserialize)]
pub struct BulkGetDoc {
    #[serde(default)]
    pub ok: Option<WireDoc>,
}

/// `POST /db/_bulk_docs` with the revisions as they are (`new_edits: false`).
#[derive(Serialize)]
pub struct BulkDocs<'a> {
    pub docs: &'a [WireDoc],
    pub new_edits: bool,
}

/// One entry of `_bulk_docs`' reply: with `new_edits: false` only failures are named.
#[derive(Debug, Deserialize)]
pub struct BulkDocsItem {
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub error: Option<String>,
    #[serde(default)]
    pub reason: Option<String>,
}

/// `POST /db/_revs_diff`: of the revisions asked about, those the server lacks.
#[derive(Debug, Deserialize)]
pub struct RevsDiffEntry {
    #[serde(default)]
    pub missing: Vec<String>,
}

/// Where a replica's reading of the changes got to, kept on the server (`_local/…`, never
/// replicated) and beside the library.
#[derive(Debug, Serialize, Deserialize)]
pub struct Checkpoint {
    #[serde(rename = "_id")]
    pub id: String,
    #[serde(rename = "_rev", default, skip_serializing_if = "Option::is_none")]
    pub rev: Option<String>,
    pub last_seq: Value,
}

/// A CouchDB error reply: `{"error": "unauthorized", "reason": "…"}`.
#[derive(Debug, Default, Deserialize)]
pub struct ErrorReply {
    #[serde(default)]
    pub error: String,
    #[serde(default)]
    pub reason: String,
}

/// The server's welcome (`GET /`): CouchDB says `{"couchdb": "Welcome"}`, pouchdb-server
/// `{"express-pouchdb": "Welcome!"}`.
#[derive(Debug, Deserialize)]
pub struct Welcome {
    #[serde(default)]
    pub couchdb: Option<String>,
    #[serde(default, rename = "express-pouchdb")]
    pub express_pouchdb: Option<String>,
    #[serde(default)]
    pub version: Option<String>,
}

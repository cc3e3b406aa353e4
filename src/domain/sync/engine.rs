//! One sync with a CouchDB database, by its replication protocol: read the changes since this
//! replica's checkpoint (`_changes`), fetch the revisions not had (`_bulk_get`), merge them by
//! the library's one rule, store, move the checkpoint (`_local/…`); then send what changed here
//! (`_revs_diff`, `_bulk_docs` with `new_edits: false`).
//!
//! Conflicts (two replicas changing a record apart) end the same way on every replica: each
//! merges the same revisions by the same rule, and writes the result on the greatest leaf while
//! marking the others deleted, as revisions named by their parent and content. Two replicas
//! ending the same conflict so send the same revisions, which the server takes once.

use std::collections::BTreeMap;

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::http::{query_value, Http, Method, Request, Server};
use super::rev::{digest, Rev};
use super::state::{Local, Synced, SYNC_VERSION};
use super::wire::*;
use super::SyncError;
use crate::domain::document::text_hash;
use crate::domain::library::{Contents, Touched};
use crate::domain::records::{self, key_of, touched_of, Write};

/// Changes read per request.
const CHANGES_BATCH: usize = 500;
/// Records sent per request.
const PUSH_BATCH: usize = 200;

/// What one sync did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// Revisions fetched and merged here.
    pub fetched: usize,
    /// Records sent.
    pub sent: usize,
    /// Conflicts ended on the server.
    pub resolved: usize,
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

async fn send<H: Http>(
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
async fn call<H: Http, T: DeserializeOwned>(
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
async fn need<H: Http, T: DeserializeOwned>(
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

fn json<T: serde::Serialize>(v: &T) -> Option<String> {
    Some(serde_json::to_string(v).unwrap_or_else(|_| unreachable!("plain data always serialises")))
}

/// A record's value in one form whatever wrote it: keys sorted, no spaces.
fn canonical(value: &str) -> Option<String> {
    serde_json::from_str::<Value>(value)
        .ok()
        .map(|v| v.to_string())
}

fn hash_of(canonical: &str) -> String {
    digest(&[canonical.as_bytes()])
}

async fn pull<H: Http, L: Local>(
    http: &H,
    server: &Server,
    local: &mut L,
    report: &mut Report,
) -> Result<(), SyncError> {
    let checkpoint_id = format!("_local/claimmark-{}", local.state().replica);
    let what = "read the checkpoint";
    let get = (Method::Get, server.path(&checkpoint_id), None);
    let remote: Option<Checkpoint> = call(http, server, what, get).await?;
    // The server's checkpoint and this replica's agree, or every change is read again (merging
    // what is had already changes nothing).
    let mut since = match (&local.state().since, &remote) {
        (Some(s), Some(c)) if serde_json::from_str::<Value>(s).ok() == Some(c.last_seq.clone()) => {
            c.last_seq.clone()
        }
        _ => Value::from(0),
    };
    let mut checkpoint_rev = remote.and_then(|c| c.rev);
    loop {
        let since_param = match &since {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        let path = format!(
            "_changes?style=all_docs&limit={CHANGES_BATCH}&since={}",
            query_value(&since_param)
        );
        let get = (Method::Get, server.path(&path), None);
        let changes: Changes = need(http, server, "read the changes", get).await?;
        let last = changes.results.len() < CHANGES_BATCH;
        let any = !changes.results.is_empty();
        if any {
            take_changes(http, server, local, changes.results, report).await?;
        }
        local.state().since = Some(changes.last_seq.to_string());
        local.commit().await.map_err(SyncError::Local)?;
        if since != changes.last_seq {
            let id = &checkpoint_id;
            checkpoint_rev =
                save_checkpoint(http, server, id, checkpoint_rev, &changes.last_seq).await?;
        }
        since = changes.last_seq;
        if last {
            return Ok(());
        }
    }
}

/// Saves the checkpoint; where another sync of this replica moved it meanwhile (409), over
/// that one's. Returns its new revision.
async fn save_checkpoint<H: Http>(
    http: &H,
    server: &Server,
    id: &str,
    mut rev: Option<String>,
    last_seq: &Value,
) -> Result<Option<String>, SyncError> {
    for _ in 0..2 {
        let checkpoint = Checkpoint {
            id: id.to_owned(),
            rev: rev.clone(),
            last_seq: last_seq.clone(),
        };
        let put = (Method::Put, server.path(id), json(&checkpoint));
        match call::<H, PutReply>(http, server, "save the checkpoint", put).await {
            Ok(saved) => return Ok(saved.map(|r| r.rev)),
            Err(SyncError::Server { status: 409, .. }) => {
                let get = (Method::Get, server.path(id), None);
                let now: Option<Checkpoint> =
                    call(http, server, "read the checkpoint", get).await?;
                rev = now.and_then(|c| c.rev);
            }
            Err(e) => return Err(e),
        }
    }
    Ok(rev)
}

#[derive(serde::Deserialize)]
struct PutReply {
    rev: String,
}

/// The leaves of each changed record, those not had fetched and merged, and what is known of
/// the server now noted per record.
async fn take_changes<H: Http, L: Local>(
    http: &H,
    server: &Server,
    local: &mut L,
    results: Vec<Change>,
    report: &mut Report,
) -> Result<(), SyncError> {
    let malformed = |detail: String| SyncError::Malformed {
        what: "read the changes".into(),
        detail,
    };
    let mut leaves: BTreeMap<String, Vec<Rev>> = BTreeMap::new();
    let mut wanted = Vec::new();
    for change in results {
        if touched_of(&change.id).is_none() {
            report.foreign += 1;
            continue;
        }
        let had = local.state().synced.get(&change.id).map(|s| s.rev.clone());
        let mut revs = Vec::new();
        for c in &change.changes {
            let rev = Rev::parse(&c.rev)
                .ok_or_else(|| malformed(format!("{:?} is not a revision", c.rev)))?;
            if had.as_deref() != Some(c.rev.as_str()) {
                wanted.push(DocRev {
                    id: change.id.clone(),
                    rev: c.rev.clone(),
                });
            }
            revs.push(rev);
        }
        leaves.insert(change.id, revs);
    }
    // Fetched, and every document checked, before anything here changes.
    let mut fetched: BTreeMap<(String, String), Option<Fetched>> = BTreeMap::new();
    for part in wanted.chunks(PUSH_BATCH) {
        let body = json(&BulkGetRequest {
            docs: part
                .iter()
                .map(|d| DocRev {
                    id: d.id.clone(),
                    rev: d.rev.clone(),
                })
                .collect(),
        });
        let post = (Method::Post, server.path("_bulk_get?revs=true"), body);
        let got: BulkGet = need(http, server, "fetch the changed records", post).await?;
        for result in got.results {
            for doc in result.docs.into_iter().filter_map(|d| d.ok) {
                if doc.id != result.id || !leaves.contains_key(&doc.id) {
                    return Err(SyncError::Refused {
                        id: doc.id,
                        why: "it was not asked for".into(),
                    });
                }
                let key = (doc.id.clone(), doc.rev.clone());
                fetched.insert(key, check(doc, report)?);
            }
        }
    }
    let mut incoming = Contents::default();
    for f in fetched.values().flatten() {
        let c = &f.contents;
        incoming.documents.extend(c.documents.iter().cloned());
        incoming.annotations.extend(c.annotations.iter().cloned());
        incoming.tombstones.extend(c.tombstones.iter().cloned());
        incoming.dismissed.extend(c.dismissed.iter().cloned());
        report.fetched += 1;
    }
    local.library().merge(incoming);
    // What the server holds of each record now: its live leaves, the greatest of which a change
    // here is written on.
    for (id, revs) in leaves {
        let state = local.state();
        let had = state.synced.get(&id).cloned();
        let mut live: Vec<(Rev, String)> = Vec::new();
        for rev in revs {
            match fetched.get(&(id.clone(), rev.to_string())) {
                Some(Some(f)) => live.push((rev, f.hash.clone())),
                Some(None) => {} // deleted, or not claimmark's
                None => match &had {
                    Some(s) if s.rev == rev.to_string() => live.push((rev, s.hash.clone())),
                    _ => {} // asked for and not sent: gone from the server
                },
            }
        }
        live.sort();
        match live.pop() {
            None => {
                state.synced.remove(&id);
            }
            Some((base, hash)) => {
                let losers = live.iter().map(|(r, _)| r.to_string()).collect();
                let synced = Synced {
                    rev: base.to_string(),
                    hash,
                    losers,
                };
                state.synced.insert(id.clone(), synced);
            }
        }
        // Whether the merged record differs from the server's is for the push to see.
        state.pending.insert(id);
    }
    Ok(())
}

/// A fetched revision, checked: its record as contents and its hash.
struct Fetched {
    contents: Contents,
    hash: String,
}

/// Checks a fetched document: `None` for one to leave alone (deleted, not claimmark's, of a
/// newer claimmark), an error for one that must not be taken.
fn check(doc: WireDoc, report: &mut Report) -> Result<Option<Fetched>, SyncError> {
    let refuse = |why: &str| SyncError::Refused {
        id: doc.id.clone(),
        why: why.to_owned(),
    };
    if doc.deleted {
        return Ok(None);
    }
    match doc.claimmark {
        None => {
            report.foreign += 1;
            return Ok(None);
        }
        Some(v) if v > WIRE_VERSION => {
            report.newer += 1;
            return Ok(None);
        }
        Some(_) => {}
    }
    let record = doc
        .record
        .as_ref()
        .ok_or_else(|| refuse("it has no record"))?;
    let value = record.to_string();
    let read = records::read(&[(doc.id.clone(), value.clone())]);
    if let Some((_, _, why)) = read.unreadable.first() {
        return Err(refuse(why));
    }
    let mut contents = read.contents;
    let keys: Vec<String> = (contents.documents.iter())
        .map(|d| key_of(&Touched::Document(d.id.clone())))
        .chain((contents.annotations.iter()).map(|a| key_of(&Touched::Annotation(a.id.clone()))))
        .chain((contents.tombstones.iter()).map(|t| key_of(&Touched::Tombstone(t.id.clone()))))
        .chain(
            (contents.dismissed.iter())
                .map(|d| key_of(&Touched::Dismissal(d.doc.clone(), d.exact.clone()))),
        )
        .collect();
    if keys != [doc.id.as_str()] {
        return Err(refuse("its record is not the one its id names"));
    }
    if let Some(d) = contents.documents.first_mut() {
        let text = doc
            .text
            .clone()
            .ok_or_else(|| refuse("an article without its text"))?;
        if text.is_empty() || text_hash(&text) != d.text_hash {
            return Err(refuse("its text is not the one its record names"));
        }
        d.text = text;
        d.text_hash = String::new(); // as an article read with its text has it
    }
    Ok(Some(Fetched {
        contents,
        hash: hash_of(&value),
    }))
}

async fn push<H: Http, L: Local>(
    http: &H,
    server: &Server,
    local: &mut L,
    report: &mut Report,
) -> Result<(), SyncError> {
    let changed = match local.state().complete {
        true => local.changed(),
        false => {
            let _ = local.changed();
            (local.library().records().into_iter())
                .map(|(t, _)| t)
                .collect()
        }
    };
    let state = local.state();
    state.pending.extend(changed.iter().map(key_of));
    state.complete = true;
    let keys: Vec<String> = state.pending.iter().cloned().collect();
    for part in keys.chunks(PUSH_BATCH) {
        let (docs, done) = outgoing(local, part).await;
        send_docs(http, server, &docs).await?;
        report.sent += docs.iter().filter(|d| !d.deleted).count();
        let state = local.state();
        for (key, synced) in done {
            report.resolved +=
                usize::from(state.synced.get(&key).is_some_and(|s| !s.losers.is_empty()));
            state.pending.remove(&key);
            match synced {
                Some(s) => state.synced.insert(key, s),
                None => state.synced.remove(&key),
            };
        }
        local.commit().await.map_err(SyncError::Local)?;
    }
    Ok(())
}

/// The documents that bring the server in step with these records here, and what each record's
/// state is once they are sent (`None`: nothing to note).
async fn outgoing<L: Local>(
    local: &mut L,
    keys: &[String],
) -> (Vec<WireDoc>, Vec<(String, Option<Synced>)>) {
    let mut touched: Vec<Touched> = keys.iter().filter_map(|k| touched_of(k)).collect();
    crate::domain::order::sort(&mut touched);
    let no_text: Vec<String> = (local.library().records_of(&touched).iter())
        .filter_map(|r| match r {
            Some(crate::domain::library::Record::Document(d)) if d.text.is_empty() => {
                Some(d.id.clone())
            }
            _ => None,
        })
        .collect();
    if !no_text.is_empty() {
        local.load_texts(&no_text).await;
    }
    let mut values: BTreeMap<String, String> = BTreeMap::new();
    let mut texts: BTreeMap<String, String> = BTreeMap::new();
    for w in records::writes_for(local.library(), &touched) {
        if let Write::Put(key, value) = w {
            match key.strip_prefix(records::TEXT_PREFIX) {
                Some(id) => texts.insert(id.to_owned(), value),
                None => values.insert(key, value),
            };
        }
    }
    let state = local.state();
    let mut docs = Vec::new();
    let mut done = Vec::new();
    for key in keys {
        let had = state.synced.get(key);
        let Some(value) = values.get(key).and_then(|v| canonical(v)) else {
            // Not here (a claim deleted here: its deletion record is what is sent).
            done.push((key.clone(), had.cloned()));
            continue;
        };
        let text = match touched_of(key) {
            Some(Touched::Document(id)) => match texts.remove(&id) {
                Some(t) => Some(t),
                None => continue, // its text could not be read: it waits
            },
            _ => None,
        };
        let hash = hash_of(&value);
        let parent = had.and_then(|s| Rev::parse(&s.rev));
        let mut rev = parent.clone();
        if had.is_none_or(|s| s.hash != hash) {
            let next = Rev::next(parent.as_ref(), &value);
            docs.push(WireDoc {
                id: key.clone(),
                rev: next.to_string(),
                deleted: false,
                revisions: Some(ancestry(&next, parent.as_ref())),
                claimmark: Some(WIRE_VERSION),
                record: serde_json::from_str(&value).ok(),
                text,
            });
            rev = Some(next);
        }
        for loser in had.map_or(&[][..], |s| &s.losers[..]) {
            let Some(loser) = Rev::parse(loser) else {
                continue;
            };
            let end = Rev::next(Some(&loser), "deleted");
            docs.push(WireDoc {
                id: key.clone(),
                rev: end.to_string(),
                deleted: true,
                revisions: Some(ancestry(&end, Some(&loser))),
                claimmark: None,
                record: None,
                text: None,
            });
        }
        let synced = rev.map(|r| Synced {
            rev: r.to_string(),
            hash,
            losers: Vec::new(),
        });
        done.push((key.clone(), synced));
    }
    (docs, done)
}

fn ancestry(rev: &Rev, parent: Option<&Rev>) -> Revisions {
    Revisions {
        start: rev.pos,
        ids: std::iter::once(rev.hash.clone())
            .chain(parent.map(|p| p.hash.clone()))
            .collect(),
    }
}

/// Sends documents the server lacks (asked first with `_revs_diff`, so that a sync cut off and
/// begun again sends nothing twice).
async fn send_docs<H: Http>(http: &H, server: &Server, docs: &[WireDoc]) -> Result<(), SyncError> {
    if docs.is_empty() {
        return Ok(());
    }
    let mut asked: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for d in docs {
        asked.entry(&d.id).or_default().push(&d.rev);
    }
    let post = (Method::Post, server.path("_revs_diff"), json(&asked));
    let missing: BTreeMap<String, RevsDiffEntry> =
        need(http, server, "compare revisions", post).await?;
    let lacking: Vec<WireDoc> = (docs.iter())
        .filter(|d| {
            missing
                .get(&d.id)
                .is_some_and(|m| m.missing.contains(&d.rev))
        })
        .cloned()
        .collect();
    if lacking.is_empty() {
        return Ok(());
    }
    let body = json(&BulkDocs {
        docs: &lacking,
        new_edits: false,
    });
    let post = (Method::Post, server.path("_bulk_docs"), body);
    let items: Vec<BulkDocsItem> = need(http, server, "store records", post).await?;
    let Some(item) = items.into_iter().find(|i| i.error.is_some()) else {
        return Ok(());
    };
    let what = format!("store {}", item.id.unwrap_or_default());
    let reason = item.reason.unwrap_or_default();
    Err(match item.error.as_deref() {
        Some("forbidden" | "unauthorized") => SyncError::Forbidden { what, reason },
        error => SyncError::Server {
            what,
            status: 201,
            reason: format!("{}: {reason}", error.unwrap_or_default()),
        },
    })
}

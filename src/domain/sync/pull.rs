//! Reading the server's changes: `_changes` since this replica's checkpoint (every leaf of each
//! changed record), `_bulk_get` for the revisions not had, each checked, merged by the
//! library's rule, stored, and then the `_local` checkpoint moved.

use std::collections::BTreeMap;

use serde_json::Value;

use super::engine::{call, canonical, hash_of, json, need, Report, BATCH};
use super::http::{query_value, Http, Method, Server};
use super::push::stored_values;
use super::rev::Rev;
use super::state::{Local, Synced};
use super::wire::*;
use super::SyncError;
use crate::domain::document::text_hash;
use crate::domain::library::{Contents, Touched};
use crate::domain::records::{self, key_of, touched_of};

/// Changes read per request.
const CHANGES_BATCH: usize = 500;

pub(super) async fn pull<H: Http, L: Local>(
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
        let path = format!(
            "_changes?style=all_docs&limit={CHANGES_BATCH}&since={}",
            since_param(&since)
        );
        let get = (Method::Get, server.path(&path), None);
        let changes: Changes = need(http, server, "read the changes", get).await?;
        let last = changes.results.len() < CHANGES_BATCH;
        if !last && changes.last_seq == since {
            // A full batch that does not move on would be asked for again, for ever.
            return Err(SyncError::Malformed {
                what: "read the changes".into(),
                detail: "a full batch of changes that ends where it began".into(),
            });
        }
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

/// A change sequence as a query value: a string's text, a number's digits.
fn since_param(since: &Value) -> String {
    query_value(&match since {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    })
}

/// Waits until the server has a change after what this replica has read, or `timeout_ms`
/// passes (CouchDB's `longpoll` feed): `true` when there is one to fetch. How a replica keeps
/// in step while online: sync, watch, sync again. pouchdb-server 4.2 ignores the timeout and
/// waits for a change: a caller that needs a bound drops the request.
pub async fn watch<H: Http, L: Local>(
    http: &H,
    server: &Server,
    local: &mut L,
    timeout_ms: u32,
) -> Result<bool, SyncError> {
    let since = (local.state().since.as_deref())
        .and_then(|s| serde_json::from_str(s).ok())
        .unwrap_or(Value::from(0));
    let path = format!(
        "_changes?feed=longpoll&style=all_docs&limit=1&timeout={timeout_ms}&since={}",
        since_param(&since)
    );
    let get = (Method::Get, server.path(&path), None);
    let changes: Changes = need(http, server, "watch the changes", get).await?;
    Ok(!changes.results.is_empty())
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
    for part in wanted.chunks(BATCH) {
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
    // The records as they are here before the merge: an edit made here that loses is kept.
    let mut records: Vec<Touched> = leaves.keys().filter_map(|k| touched_of(k)).collect();
    crate::domain::order::sort(&mut records);
    let before = values_of(local, &records);
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
    let after = values_of(local, &records);
    // What the server holds of each record now: its live leaves, the greatest of which a change
    // here is written on.
    for (id, revs) in leaves {
        let state = local.state();
        let had = state.synced.get(&id).cloned();
        let mut live: Vec<(Rev, String)> = Vec::new();
        let mut dead: Vec<Rev> = Vec::new();
        for rev in revs {
            match fetched.get(&(id.clone(), rev.to_string())) {
                Some(Some(f)) => live.push((rev, f.hash.clone())),
                Some(None) => dead.push(rev), // deleted, or not claimmark's
                None => match &had {
                    Some(s) if s.rev == rev.to_string() => live.push((rev, s.hash.clone())),
                    _ => {} // asked for and not sent: gone from the server
                },
            }
        }
        // Versions that lost: this replica's edit not yet sent, and revisions fetched, that are
        // not what the record is now. Kept beside the library (its history), not lost.
        let now = after.get(&id).map(|v| hash_of(v));
        let had_hash = had.as_ref().map(|s| s.hash.clone());
        if let Some(v) = before.get(&id) {
            let h = Some(hash_of(v));
            if h != now && h != had_hash {
                local.superseded(&id, v);
                report.superseded += 1;
            }
        }
        for rev in &live {
            if let Some(Some(f)) = fetched.get(&(id.clone(), rev.0.to_string())) {
                if Some(&f.hash) != now.as_ref() {
                    local.superseded(&id, &f.value);
                    report.superseded += 1;
                }
            }
        }
        let state = local.state();
        live.sort();
        dead.sort();
        match live.pop() {
            // Deleted on the server (by hand: claimmark deletes by its own records): the record
            // here is written again, on the deleted leaf, so that it lives there again.
            None => match dead.pop() {
                Some(rev) => {
                    let synced = Synced {
                        rev: rev.to_string(),
                        ..Synced::default()
                    };
                    state.synced.insert(id.clone(), synced);
                }
                None => {
                    state.synced.remove(&id);
                }
            },
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

/// A fetched revision, checked: its record as contents, as JSON and its hash.
struct Fetched {
    contents: Contents,
    value: String,
    hash: String,
}

/// The stored values of these records (sorted, each once) as they are here, by key.
fn values_of<L: Local>(local: &mut L, records: &[Touched]) -> BTreeMap<String, String> {
    let (values, _) = stored_values(local, records);
    (values.into_iter())
        .filter_map(|(key, value)| Some((key, canonical(&value)?)))
        .collect()
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
        value,
    }))
}

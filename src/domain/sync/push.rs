//! Sending what changed here: each record whose value differs from the revision it was last in
//! step with, as a new revision on it, and the other leaves of a conflict marked deleted;
//! `_revs_diff` first, then `_bulk_docs` with `new_edits: false`.

use std::collections::BTreeMap;

use super::engine::{canonical, hash_of, json, need, Report, BATCH};
use super::http::{Http, Method, Server};
use super::rev::Rev;
use super::state::{Local, Synced};
use super::wire::*;
use super::SyncError;
use crate::domain::library::Touched;
use crate::domain::records::{self, key_of, touched_of, Write};

pub(super) async fn push<H: Http, L: Local>(
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
    for part in keys.chunks(BATCH) {
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

/// Notes as waiting to be sent the records whose value here differs from the revision last in
/// step with: those changed while no sync was listening (the sync page was closed, or
/// disconnected). A replica calls it when it opens; returns how many it found. Before the
/// first sync every record is sent anyway.
pub fn note_unsent<L: Local>(local: &mut L) -> usize {
    if !local.state().complete {
        return 0;
    }
    let mut all: Vec<Touched> = (local.library().records().into_iter())
        .map(|(t, _)| t)
        .collect();
    crate::domain::order::sort(&mut all);
    let (values, _) = stored_values(local, &all);
    let state = local.state();
    let before = state.pending.len();
    for (key, value) in values {
        let hash = canonical(&value).map(|c| hash_of(&c));
        if state.synced.get(&key).map(|s| &s.hash) != hash.as_ref() {
            state.pending.insert(key);
        }
    }
    state.pending.len() - before
}

/// The documents that bring the server in step with these records here, and what each record's
/// state is once they are sent (`None`: nothing to note).
async fn outgoing<L: Local>(
    local: &mut L,
    keys: &[String],
) -> (Vec<WireDoc>, Vec<(String, Option<Synced>)>) {
    let mut touched: Vec<Touched> = keys.iter().filter_map(|k| touched_of(k)).collect();
    crate::domain::order::sort(&mut touched);
    let (mut values, mut texts) = stored_values(local, &touched);
    // Articles read without their texts (a browser reads each when it is opened): read now, and
    // their values taken again.
    let no_text: Vec<String> = (touched.iter())
        .filter_map(|t| match t {
            Touched::Document(id) if values.contains_key(&key_of(t)) && !texts.contains_key(id) => {
                Some(id.clone())
            }
            _ => None,
        })
        .collect();
    if !no_text.is_empty() {
        local.load_texts(&no_text).await;
        (values, texts) = stored_values(local, &touched);
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
        let hash = hash_of(&value);
        let changed = had.is_none_or(|s| s.hash != hash);
        let text = match touched_of(key) {
            Some(Touched::Document(id)) if changed => match texts.remove(&id) {
                Some(t) => Some(t),
                None => continue, // its text could not be read: it waits
            },
            _ => None,
        };
        let parent = had.and_then(|s| Rev::parse(&s.rev));
        let mut rev = parent.clone();
        if changed {
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

/// The stored values of these records (sorted, each once), by key, and the articles' texts
/// among them, by article.
pub(super) fn stored_values<L: Local>(
    local: &mut L,
    touched: &[Touched],
) -> (BTreeMap<String, String>, BTreeMap<String, String>) {
    let (mut values, mut texts) = (BTreeMap::new(), BTreeMap::new());
    for w in records::writes_for(local.library(), touched) {
        if let Write::Put(key, value) = w {
            match key.strip_prefix(records::TEXT_PREFIX) {
                Some(id) => texts.insert(id.to_owned(), value),
                None if touched_of(&key).is_some() => values.insert(key, value),
                None => None, // the schema's record
            };
        }
    }
    (values, texts)
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

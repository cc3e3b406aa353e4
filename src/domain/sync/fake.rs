//! A CouchDB in memory for the engine's tests: one database with revision trees, a change
//! sequence, `_local` documents, and the requests the engine sends (`_changes` with
//! `style=all_docs`, `_bulk_get`, `_revs_diff`, `_bulk_docs` with `new_edits: false`). It can be
//! taken offline, stopped after some requests, or told to give one scripted reply.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

use serde_json::{json, Map, Value};

use super::{Http, Method, Request, Response, Unreachable};

pub const DB: &str = "claims";

#[derive(Default)]
pub struct Fake {
    db: RefCell<Db>,
    pub offline: Cell<bool>,
    /// Answers this many more requests, then is offline (a server stopped mid-sync).
    pub answers_left: Cell<Option<usize>>,
    /// Replies given once, in place of the real one, to the next request whose path holds the
    /// text.
    pub scripted: RefCell<Vec<(String, Response)>>,
    /// Every request's method and path.
    pub log: RefCell<Vec<String>>,
}

#[derive(Default)]
struct Db {
    docs: BTreeMap<String, Tree>,
    seq: u64,
    local: BTreeMap<String, (u64, Value)>,
}

#[derive(Default)]
struct Tree {
    /// By revision: its parent, body (without `_` fields) and whether it deletes.
    revs: BTreeMap<String, (Option<String>, Value, bool)>,
    seq: u64,
}

impl Tree {
    fn leaves(&self) -> Vec<String> {
        let parents: Vec<&String> = self
            .revs
            .values()
            .filter_map(|(p, _, _)| p.as_ref())
            .collect();
        (self.revs.keys())
            .filter(|r| !parents.contains(r))
            .cloned()
            .collect()
    }

    fn ancestry(&self, rev: &str) -> Value {
        let mut ids = Vec::new();
        let mut at = Some(rev.to_owned());
        while let Some(r) = at {
            ids.push(r.split_once('-').map_or(r.clone(), |(_, h)| h.to_owned()));
            at = self.revs.get(&r).and_then(|(p, _, _)| p.clone());
        }
        let start: u64 = rev
            .split('-')
            .next()
            .and_then(|p| p.parse().ok())
            .unwrap_or(0);
        json!({"start": start, "ids": ids})
    }
}

fn reply(status: u16, body: Value) -> Response {
    Response {
        status,
        body: body.to_string(),
    }
}

impl Fake {
    pub fn new() -> Fake {
        Fake::default()
    }

    /// The live (not deleted) leaves of a document, and their bodies.
    pub fn live_leaves(&self, id: &str) -> Vec<(String, Value)> {
        let db = self.db.borrow();
        let Some(tree) = db.docs.get(id) else {
            return Vec::new();
        };
        (tree.leaves().into_iter())
            .filter(|r| !tree.revs[r].2)
            .map(|r| (r.clone(), tree.revs[&r].1.clone()))
            .collect()
    }

    /// How many revisions the server holds in all.
    pub fn revision_count(&self) -> usize {
        self.db.borrow().docs.values().map(|t| t.revs.len()).sum()
    }

    fn answer(&self, r: &Request) -> Response {
        let body: Value = r.body.as_deref().map_or(Value::Null, |b| {
            serde_json::from_str(b).unwrap_or_else(|e| panic!("the engine sent bad JSON: {e}"))
        });
        let (path, query) = r.path.split_once('?').unwrap_or((&r.path, ""));
        let param = |name: &str| {
            (query.split('&'))
                .find_map(|kv| kv.strip_prefix(name).and_then(|v| v.strip_prefix('=')))
                .map(|v| v.replace("%22", "\""))
        };
        let mut db = self.db.borrow_mut();
        let within = match path {
            "" => return reply(200, json!({"couchdb": "Welcome", "version": "fake"})),
            DB => return reply(200, json!({"db_name": DB, "update_seq": db.seq})),
            _ => match path.strip_prefix("claims/") {
                Some(w) => w,
                None => return reply(404, json!({"error": "not_found"})),
            },
        };
        match (r.method, within) {
            (Method::Get, "_changes") => {
                let since: u64 = param("since").and_then(|s| s.parse().ok()).unwrap_or(0);
                let limit: usize = param("limit")
                    .and_then(|s| s.parse().ok())
                    .unwrap_or(usize::MAX);
                let mut changed: Vec<(&String, &Tree)> =
                    db.docs.iter().filter(|(_, t)| t.seq > since).collect();
                changed.sort_by_key(|(_, t)| t.seq);
                changed.truncate(limit);
                let last = changed.last().map_or(since.max(db.seq), |(_, t)| t.seq);
                let results: Vec<Value> = (changed.iter())
                    .map(|(id, t)| {
                        let revs: Vec<Value> =
                            t.leaves().iter().map(|r| json!({"rev": r})).collect();
                        json!({"id": id, "changes": revs, "seq": t.seq})
                    })
                    .collect();
                reply(200, json!({"results": results, "last_seq": last}))
            }
            (Method::Post, "_bulk_get") => {
                let mut results = Vec::new();
                for want in body["docs"].as_array().into_iter().flatten() {
                    let (id, rev) = (want["id"].as_str().unwrap(), want["rev"].as_str().unwrap());
                    let doc = match db.docs.get(id).and_then(|t| Some((t, t.revs.get(rev)?))) {
                        Some((tree, (_, fields, deleted))) => {
                            let mut doc = fields.as_object().cloned().unwrap_or_default();
                            doc.insert("_id".into(), json!(id));
                            doc.insert("_rev".into(), json!(rev));
                            doc.insert("_revisions".into(), tree.ancestry(rev));
                            if *deleted {
                                doc.insert("_deleted".into(), json!(true));
                            }
                            json!({"ok": doc})
                        }
                        None => json!({"error": {"id": id, "rev": rev, "error": "not_found"}}),
                    };
                    results.push(json!({"id": id, "docs": [doc]}));
                }
                reply(200, json!({"results": results}))
            }
            (Method::Post, "_revs_diff") => {
                let mut out = Map::new();
                for (id, revs) in body.as_object().into_iter().flatten() {
                    let tree = db.docs.get(id);
                    let missing: Vec<&Value> = (revs.as_array().into_iter().flatten())
                        .filter(|r| {
                            !tree.is_some_and(|t| t.revs.contains_key(r.as_str().unwrap_or("")))
                        })
                        .collect();
                    if !missing.is_empty() {
                        out.insert(id.clone(), json!({ "missing": missing }));
                    }
                }
                reply(200, Value::Object(out))
            }
            (Method::Post, "_bulk_docs") => {
                assert_eq!(
                    body["new_edits"],
                    json!(false),
                    "revisions are sent as they are"
                );
                for doc in body["docs"].as_array().into_iter().flatten() {
                    let id = doc["_id"].as_str().unwrap().to_owned();
                    let start = doc["_revisions"]["start"].as_u64().unwrap();
                    let ids: Vec<&str> = (doc["_revisions"]["ids"].as_array().unwrap().iter())
                        .map(|h| h.as_str().unwrap())
                        .collect();
                    let mut fields = doc.as_object().unwrap().clone();
                    fields.retain(|k, _| !k.starts_with('_'));
                    let deleted = doc["_deleted"] == json!(true);
                    db.seq += 1;
                    let seq = db.seq;
                    let tree = db.docs.entry(id).or_default();
                    let rev_at = |i: usize| format!("{}-{}", start - i as u64, ids[i]);
                    let mut added = false;
                    for i in (0..ids.len()).rev() {
                        let parent = (i + 1 < ids.len()).then(|| rev_at(i + 1));
                        let body = if i == 0 {
                            Value::Object(fields.clone())
                        } else {
                            json!({})
                        };
                        if let std::collections::btree_map::Entry::Vacant(e) =
                            tree.revs.entry(rev_at(i))
                        {
                            e.insert((parent, body, i == 0 && deleted));
                            added = true;
                        }
                    }
                    if added {
                        tree.seq = seq;
                    }
                }
                reply(201, json!([]))
            }
            (method, local) if local.starts_with("_local/") => {
                let id = local.to_owned();
                match method {
                    Method::Get => match db.local.get(&id) {
                        Some((n, v)) => {
                            let mut doc = v.as_object().cloned().unwrap_or_default();
                            doc.insert("_id".into(), json!(id));
                            doc.insert("_rev".into(), json!(format!("0-{n}")));
                            reply(200, Value::Object(doc))
                        }
                        None => reply(404, json!({"error": "not_found", "reason": "missing"})),
                    },
                    _ => {
                        let now = db.local.get(&id).map(|(n, _)| format!("0-{n}"));
                        if body.get("_rev").and_then(Value::as_str).map(str::to_owned) != now {
                            return reply(409, json!({"error": "conflict"}));
                        }
                        let n = db.local.get(&id).map_or(1, |(n, _)| n + 1);
                        let mut v = body.as_object().cloned().unwrap_or_default();
                        v.retain(|k, _| !k.starts_with('_'));
                        db.local.insert(id.clone(), (n, Value::Object(v)));
                        reply(201, json!({"ok": true, "id": id, "rev": format!("0-{n}")}))
                    }
                }
            }
            _ => reply(
                404,
                json!({"error": "not_found", "reason": "no such request"}),
            ),
        }
    }
}

impl Http for Fake {
    async fn send(&self, request: Request) -> Result<Response, Unreachable> {
        self.log
            .borrow_mut()
            .push(format!("{} {}", request.method.as_str(), request.path));
        if let Some(n) = self.answers_left.get() {
            self.offline.set(self.offline.get() || n == 0);
            self.answers_left.set(n.checked_sub(1));
        }
        if self.offline.get() {
            return Err(Unreachable("connection refused".into()));
        }
        let mut scripted = self.scripted.borrow_mut();
        if let Some(i) = scripted
            .iter()
            .position(|(p, _)| request.path.contains(p.as_str()))
        {
            return Ok(scripted.remove(i).1);
        }
        drop(scripted);
        Ok(self.answer(&request))
    }
}

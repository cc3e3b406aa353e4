//! The sync loop: connect, sync, then wait for a change (the server's, through its changes
//! feed, or one made here, heard from the app's tabs) and sync again; offline, try again later
//! and sooner when the browser says it is back online. Stops on what the user must fix.

use std::cell::Cell;
use std::rc::Rc;

use leptos::prelude::*;

use crate::browser::fetch::Fetch;
use crate::browser::now_ms;
use crate::browser::replica::BrowserReplica;
use crate::domain::sync::{
    connect, lost_claims, retry_after, sync, watch, LostVersion, Server, Status, SyncError,
    TeamSettings, LOST_KEY,
};

/// How long the changes feed is asked to wait for a change (CouchDB answers empty after it;
/// pouchdb-server waits until a change, and the wait is cut short here when needed).
const WATCH_MS: u32 = 25_000;

/// What the page and the loop share.
pub struct Control {
    pub http: Fetch,
    /// The user disconnected.
    pub stop: Cell<bool>,
    /// A change was made here since the last sync began.
    pub dirty: Cell<bool>,
    /// The browser came back online.
    pub online: Cell<bool>,
    /// The loop is waiting on the changes feed (a change here cuts the wait short).
    pub watching: Cell<bool>,
}

impl Control {
    pub fn new(http: Fetch) -> Rc<Control> {
        Rc::new(Control {
            http,
            stop: Cell::new(false),
            dirty: Cell::new(false),
            online: Cell::new(false),
            watching: Cell::new(false),
        })
    }

    /// A tab wrote records: sync soon.
    pub fn heard(&self) {
        self.dirty.set(true);
        if self.watching.get() {
            self.http.abort();
        }
    }

    pub fn disconnect(&self) {
        self.stop.set(true);
        self.http.abort();
    }
}

/// What `start` is given for a server asked without credentials.
pub const NO_CREDENTIALS: &str = "none";

/// Connects to `server` with `authorization` (an `Authorization` header, or
/// [`NO_CREDENTIALS`]) and syncs until told to stop: the page's one connection.
pub fn start(
    server: Server,
    authorization: &str,
    status: RwSignal<Status>,
    lost: RwSignal<Vec<LostVersion>>,
) {
    let authorization = (authorization != NO_CREDENTIALS).then(|| authorization.to_owned());
    let control = Control::new(Fetch::new(&server.url, authorization));
    super::CURRENT.with(|c| *c.borrow_mut() = Some(control.clone()));
    status.set(Status::Connecting);
    wasm_bindgen_futures::spawn_local(async move {
        let wake = control.clone();
        let new_replica = || {
            crate::browser::new_id()
                .trim_start_matches("urn:uuid:")
                .to_owned()
        };
        let opened = BrowserReplica::open(new_replica, now_ms, move || wake.heard());
        match opened.await {
            Ok(o) => {
                lost.set(o.lost);
                note_lost(lost);
                run(control, server, o.replica, status, lost).await;
            }
            Err(why) => status.set(Status::Failed(why)),
        }
    });
}

/// Lists the claims with a version that lost a conflict where the app's claim editor reads it.
pub fn note_lost(lost: RwSignal<Vec<LostVersion>>) {
    super::store(LOST_KEY, &lost.with_untracked(|l| lost_claims(l)));
}

/// Connects with what was kept when the user asked to stay connected (the sync page opened
/// again, or an app tab's frame); otherwise nothing.
pub fn resume(saved: &TeamSettings, status: RwSignal<Status>, lost: RwSignal<Vec<LostVersion>>) {
    if let (Ok(server), false) = (Server::new(&saved.url, &saved.db), saved.keep.is_empty()) {
        start(server, &saved.keep, status, lost);
    }
}

/// Runs until the user disconnects or something must be fixed.
async fn run(
    control: Rc<Control>,
    server: Server,
    mut local: BrowserReplica,
    status: RwSignal<Status>,
    lost: RwSignal<Vec<LostVersion>>,
) {
    let http = &control.http;
    status.set(Status::Connecting);
    let mut tries = 0;
    let mut last = None;
    loop {
        if control.stop.get() {
            status.set(Status::Off);
            return;
        }
        control.dirty.set(false);
        control.online.set(false);
        let connected = match tries {
            0 if last.is_none() => connect(http, &server).await.map(|_| ()),
            _ => Ok(()),
        };
        let result = match connected {
            Ok(()) => {
                status.set(Status::Syncing {
                    waiting: local.waiting(),
                });
                sync(http, &server, &mut local).await
            }
            Err(e) => Err(e),
        };
        // What the sync left known of the server, stored at its end (and whatever happened).
        let saved = local.save_state().await;
        let result = match (result, saved) {
            (Ok(_), Err(why)) => Err(SyncError::Local(why)),
            (result, _) => result,
        };
        let new_lost = local.take_lost();
        if !new_lost.is_empty() {
            lost.update(|l| new_lost.into_iter().for_each(|v| l.insert(0, v)));
            note_lost(lost);
        }
        if control.stop.get() {
            status.set(Status::Off);
            return;
        }
        match result {
            Ok(_) => {
                tries = 0;
                last = Some(now_ms());
                status.set(Status::after(&result, now_ms()));
            }
            Err(e) if e.is_transient() => {
                tries += 1;
                let retry_s = retry_after(tries);
                status.set(Status::Offline {
                    why: e.to_string(),
                    retry_s,
                    waiting: local.waiting(),
                    last,
                });
                // In quarter seconds, to stop or try at once when told.
                for _ in 0..retry_s * 4 {
                    if control.stop.get() || control.online.get() {
                        break;
                    }
                    crate::browser::sleep(250).await;
                }
                continue;
            }
            Err(e) => {
                status.set(Status::Failed(e.to_string()));
                return;
            }
        }
        if control.dirty.get() {
            continue;
        }
        control.watching.set(true);
        let waited = watch(http, &server, &mut local, WATCH_MS).await;
        control.watching.set(false);
        if let Err(e @ SyncError::Malformed { .. }) = waited {
            status.set(Status::Failed(e.to_string()));
            return;
        }
        // A change there, a change here, a wait cut short or a failed one: sync again (which
        // tells whether the server can be reached).
    }
}

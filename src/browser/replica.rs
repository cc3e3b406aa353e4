//! The team sync page's library as the sync engine sees it ([`Local`]): read whole from this
//! browser's IndexedDB at start (texts included), with what the engine fetched written back
//! record by record and told to the app's open tabs, as another tab would.
//!
//! The app's tabs keep writing while a sync runs. What they tell (the records channel) is
//! queued and merged before each push. Before a commit writes records, it reads them again
//! from the store and merges what it finds: a tab's write that is not heard of yet is kept,
//! not written over by an older version fetched from the server.
//!
//! What the sync page knows of the server (the engine's [`SyncState`]) and versions that lost
//! a conflict ([`LostVersion`]) are kept in a database of their own, `claimmark-sync`.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::Rc;

use super::records::{open, open_database, Channel, Records};
use crate::domain::document::seed_stubs;
use crate::domain::library::{Library, Touched};
use crate::domain::order;
use crate::domain::records::{
    fill_texts, key_of, read, text_key, touched_of, writes_for, Write, RECORDS_VERSION,
};
use crate::domain::storage::StoreError;
use crate::domain::sync::{note_unsent, Local, LostVersion, SyncState, LOST_KEPT_MS};

const SYNC_DATABASE: &str = "claimmark-sync";
const STATE_KEY: &str = "state";
/// How often a long sync stores the state (see `commit`).
const STATE_EVERY_MS: i64 = 10_000;

pub struct BrowserReplica {
    library: Library,
    state: SyncState,
    records: Records,
    sync_db: Records,
    channel: Option<Channel>,
    /// Records other tabs wrote, not merged yet.
    heard: Rc<RefCell<Vec<(String, String)>>>,
    /// Records changed since the engine last asked (merged from other tabs, or written here).
    changed: Vec<Touched>,
    /// Versions that lost, to store at the next commit.
    lost: Vec<LostVersion>,
    /// Versions that lost and are stored, not yet shown.
    stored_lost: Vec<LostVersion>,
    /// Numbers the lost versions' keys (two may lose in the same millisecond).
    lost_count: usize,
    /// When the state was last stored (ms).
    state_saved: i64,
    now: fn() -> i64,
}

/// What opening found besides the replica: the versions that lost, newest first.
pub struct Opened {
    pub replica: BrowserReplica,
    pub lost: Vec<LostVersion>,
}

impl BrowserReplica {
    /// Reads the library (every record and text) and the sync state. `on_heard` is called after
    /// another tab's records are queued (to wake the sync). `new_replica` names this browser
    /// to the server the first time.
    pub async fn open(
        new_replica: impl FnOnce() -> String,
        now: fn() -> i64,
        on_heard: impl Fn() + 'static,
    ) -> Result<Opened, String> {
        let records = open().await.map_err(|e| e.to_string())?;
        let sync_db = open_database(SYNC_DATABASE)
            .await
            .map_err(|e| e.to_string())?;
        let heard: Rc<RefCell<Vec<(String, String)>>> = Rc::default();
        // Listening starts before reading: nothing a tab writes meanwhile is missed (what is
        // both read and heard merges once).
        let queue = heard.clone();
        let channel = Channel::open(move |records| {
            queue.borrow_mut().extend(records);
            on_heard();
        });
        let read = read_everything(&records, &sync_db, new_replica, now()).await;
        let (library, state, lost) = match read {
            Ok(r) => r,
            Err(why) => {
                if let Some(c) = &channel {
                    c.close();
                }
                return Err(why);
            }
        };
        let mut replica = BrowserReplica {
            library,
            state,
            records,
            sync_db,
            channel,
            heard,
            changed: Vec::new(),
            lost: Vec::new(),
            stored_lost: Vec::new(),
            lost_count: 0,
            state_saved: now(),
            now,
        };
        // Changes made while no sync listened (this page closed or disconnected).
        note_unsent(&mut replica);
        Ok(Opened { replica, lost })
    }

    /// Changes made here that the server has not had yet, as far as known.
    pub fn waiting(&self) -> usize {
        let mut keys: BTreeSet<&str> = self.state.pending.iter().map(String::as_str).collect();
        let heard = self.heard.borrow();
        keys.extend((heard.iter().map(|(k, _)| k.as_str())).filter(|k| touched_of(k).is_some()));
        let changed: Vec<String> = self.changed.iter().map(key_of).collect();
        keys.extend(changed.iter().map(String::as_str));
        keys.len()
    }

    /// Versions that lost since the last call (stored already).
    pub fn take_lost(&mut self) -> Vec<LostVersion> {
        std::mem::take(&mut self.stored_lost)
    }

    /// Merges what other tabs wrote; what it changed here is for the next push. Takes the
    /// library's journal: call it with the journal empty.
    fn merge_heard(&mut self) {
        let heard = std::mem::take(&mut *self.heard.borrow_mut());
        if heard.is_empty() {
            return;
        }
        self.library.merge(read(&heard).contents);
        fill_texts(&mut self.library, heard);
        let touched = self.library.take_journal();
        self.changed.extend(touched);
    }
}

impl Drop for BrowserReplica {
    /// A replica of a connection that ended stops hearing the tabs.
    fn drop(&mut self) {
        if let Some(c) = &self.channel {
            c.close();
        }
    }
}

/// The library (every record and text), the sync state and the versions that lost.
async fn read_everything(
    records: &Records,
    sync_db: &Records,
    new_replica: impl FnOnce() -> String,
    now: i64,
) -> Result<(Library, SyncState, Vec<LostVersion>), String> {
    let mut library = stored_library(records).await?;
    let texts = records.read_texts().await.map_err(|e| e.to_string())?;
    fill_texts(&mut library, texts);
    library.take_journal();
    let kept = sync_db
        .read_keys(&[STATE_KEY.to_owned()])
        .await
        .map_err(|e| e.to_string())?;
    let state = (kept.first())
        .and_then(|(_, v)| serde_json::from_str::<SyncState>(v).ok())
        .unwrap_or_else(|| SyncState::new(&new_replica(), ""));
    let lost = read_lost(sync_db, now).await?;
    Ok((library, state, lost))
}

/// The versions that lost a conflict kept in the sync page's database, newest first; those
/// older than [`LOST_KEPT_MS`] (or unreadable) are removed.
async fn read_lost(sync_db: &Records, now: i64) -> Result<Vec<LostVersion>, String> {
    let kept = sync_db
        .read_prefix("lost:")
        .await
        .map_err(|e| e.to_string())?;
    let since = now - LOST_KEPT_MS;
    let mut old = Vec::new();
    let mut lost = Vec::new();
    for (key, value) in kept {
        match serde_json::from_str::<LostVersion>(&value) {
            Ok(l) if l.at >= since => lost.push(l),
            _ => old.push(Write::Delete(key)),
        }
    }
    if !old.is_empty() {
        let _ = sync_db.write(&old).await;
    }
    lost.reverse();
    Ok(lost)
}

/// The versions that lost a conflict in this browser, newest first (shown before connecting).
pub async fn lost_versions(now: i64) -> Result<Vec<LostVersion>, String> {
    let sync_db = open_database(SYNC_DATABASE)
        .await
        .map_err(|e| e.to_string())?;
    read_lost(&sync_db, now).await
}

/// The library as stored in this browser, without the articles' texts: to look at its claims
/// (the second opinion).
pub async fn read_claims() -> Result<Library, String> {
    let records = open().await.map_err(|e| e.to_string())?;
    stored_library(&records).await
}

/// The library as stored, without texts, with the sample articles; refused when a newer
/// claimmark stored it (the app neither shows nor writes such a library).
async fn stored_library(records: &Records) -> Result<Library, String> {
    let found = records.read_all().await.map_err(|e| e.to_string())?;
    let got = read(&found);
    if let Some(v) = got.version.filter(|&v| v > RECORDS_VERSION) {
        return Err(format!(
            "This browser's library was stored by a newer claimmark (records version {v}): \
             reload the app to update it first."
        ));
    }
    Ok(Library::with_contents(seed_stubs(), got.contents))
}

impl Local for BrowserReplica {
    fn library(&mut self) -> &mut Library {
        &mut self.library
    }

    fn state(&mut self) -> &mut SyncState {
        &mut self.state
    }

    fn changed(&mut self) -> Vec<Touched> {
        let mut all = self.library.take_journal();
        self.merge_heard();
        all.append(&mut self.changed);
        all
    }

    async fn load_texts(&mut self, ids: &[String]) {
        let keys: Vec<String> = ids.iter().map(|id| text_key(id)).collect();
        if let Ok(found) = self.records.read_keys(&keys).await {
            fill_texts(&mut self.library, found);
        }
    }

    fn superseded(&mut self, key: &str, value: &str) {
        self.lost.push(LostVersion {
            key: key.to_owned(),
            value: value.to_owned(),
            at: (self.now)(),
        });
    }

    async fn commit(&mut self) -> Result<(), String> {
        // What the engine merged, to write; then what the tabs wrote meanwhile (stored by them
        // already: for the push). In this order: merging the tabs' records takes the journal.
        let mut touched = self.library.take_journal();
        self.merge_heard();
        if !touched.is_empty() {
            // What the store holds now, merged first: a tab's newer write stays.
            let keys: Vec<String> = touched.iter().map(key_of).collect();
            let stored = self
                .records
                .read_keys(&keys)
                .await
                .map_err(|e| e.to_string())?;
            self.library.merge(read(&stored).contents);
            touched.extend(self.library.take_journal());
            order::sort(&mut touched);
            touched.dedup();
            let writes = writes_for(&self.library, &touched);
            self.records.write(&writes).await.map_err(store_error)?;
            if let Some(c) = &self.channel {
                c.tell(&writes);
            }
            self.changed.extend(touched);
        }
        // The state (a revision per record: megabytes in a large library) at most every
        // STATE_EVERY_MS in a long sync, and at its end (`save_state`): written at every
        // commit, a first sync of 3,000 articles wrote it 300 times. A state left behind by a
        // closed page is safe: its checkpoint no longer matches the server's, so the next sync
        // reads every change again (merging what is had changes nothing), and records whose
        // revision it lacks are looked at again when the page opens.
        let with_state = (self.now)() - self.state_saved >= STATE_EVERY_MS;
        let mut writes = Vec::new();
        if with_state {
            writes.push(self.state_write());
        }
        for (n, l) in self.lost.iter().enumerate() {
            let value = serde_json::to_string(l).unwrap_or_default();
            writes.push(Write::Put(l.store_key(self.lost_count + n), value));
        }
        if !writes.is_empty() {
            self.sync_db.write(&writes).await.map_err(store_error)?;
        }
        if with_state {
            self.state_saved = (self.now)();
        }
        self.lost_count += self.lost.len();
        self.stored_lost.append(&mut self.lost);
        Ok(())
    }
}

impl BrowserReplica {
    fn state_write(&self) -> Write {
        let state = serde_json::to_string(&self.state).unwrap_or_default();
        Write::Put(STATE_KEY.into(), state)
    }

    /// Stores what is known of the server now (at the end of each sync).
    pub async fn save_state(&mut self) -> Result<(), String> {
        let writes = [self.state_write()];
        self.sync_db.write(&writes).await.map_err(store_error)?;
        self.state_saved = (self.now)();
        Ok(())
    }
}

fn store_error(e: StoreError) -> String {
    e.to_string()
}

//! The local side of a sync: the library, and beside it what this replica knows of the server
//! (the stored [`SyncState`]: per record, the server revision it was last in step with).

use std::collections::{BTreeMap, BTreeSet};
use std::future::Future;

use serde::{Deserialize, Serialize};

use crate::domain::library::{Library, Touched};

/// What a replica keeps of its syncs with one database. Stored beside the library; a format of
/// its own (`syncVersion`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SyncState {
    pub sync_version: u64,
    /// This replica's name, which names its checkpoint on the server (made once, at random).
    pub replica: String,
    /// The server and database this state is of (`url/db`): another starts afresh.
    pub server: String,
    /// The server's change sequence read up to, as JSON (a number or a string).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<String>,
    /// By record key: the server revision last in step with, and the other leaves of a conflict
    /// this replica has yet to end on the server.
    #[serde(default)]
    pub synced: BTreeMap<String, Synced>,
    /// Records changed here and not yet known to be on the server.
    #[serde(default)]
    pub pending: BTreeSet<String>,
    /// Every record has been looked at once (the first sync sends the whole library).
    #[serde(default)]
    pub complete: bool,
}

pub const SYNC_VERSION: u64 = 1;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Synced {
    pub rev: String,
    /// A hash of the record as that revision holds it.
    pub hash: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub losers: Vec<String>,
}

impl SyncState {
    /// A fresh state for `replica` syncing with `server` (`url/db`).
    pub fn new(replica: &str, server: &str) -> SyncState {
        SyncState {
            sync_version: SYNC_VERSION,
            replica: replica.to_owned(),
            server: server.to_owned(),
            ..SyncState::default()
        }
    }
}

/// The library being synced, as the engine sees it.
pub trait Local {
    fn library(&mut self) -> &mut Library;
    fn state(&mut self) -> &mut SyncState;
    /// The records changed since the last call (the library's journal).
    fn changed(&mut self) -> Vec<Touched>;
    /// Gives the library the texts of these articles, where it keeps texts apart (a browser
    /// reads each when it is opened). Those it cannot find stay empty, and are not sent.
    fn load_texts(&mut self, ids: &[String]) -> impl Future<Output = ()>;
    /// A version of record `key` (its stored value) that lost to another when copies made
    /// apart came together: kept for the user to see in the record's history.
    fn superseded(&mut self, key: &str, value: &str);
    /// Makes the library's changes and the state lasting: the server's checkpoint then says they
    /// were had. An error leaves both to be fetched again.
    fn commit(&mut self) -> impl Future<Output = Result<(), String>>;
}

/// A library held in memory with its state: natively (tests, benchmarks), a replica whose
/// every commit succeeds unless told to fail.
#[derive(Clone, Debug)]
pub struct Replica {
    pub library: Library,
    pub state: SyncState,
    /// Commits fail while this is set (a full disk, say).
    pub fail_commits: bool,
    /// Versions that lost, by record key (stored values), oldest first.
    pub history: Vec<(String, String)>,
}

impl Replica {
    pub fn new(library: Library, replica: &str, server: &str) -> Replica {
        Replica {
            library,
            state: SyncState::new(replica, server),
            fail_commits: false,
            history: Vec::new(),
        }
    }
}

impl Local for Replica {
    fn library(&mut self) -> &mut Library {
        &mut self.library
    }

    fn state(&mut self) -> &mut SyncState {
        &mut self.state
    }

    fn changed(&mut self) -> Vec<Touched> {
        self.library.take_journal()
    }

    async fn load_texts(&mut self, _: &[String]) {}

    fn superseded(&mut self, key: &str, value: &str) {
        self.history.push((key.to_owned(), value.to_owned()));
    }

    async fn commit(&mut self) -> Result<(), String> {
        match self.fail_commits {
            true => Err("storage is full".into()),
            false => Ok(()),
        }
    }
}

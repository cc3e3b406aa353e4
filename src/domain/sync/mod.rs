//! Sharing a library through a CouchDB server (or anything speaking its replication protocol:
//! PouchDB, pouchdb-server), offline first: each record of the library is a document there,
//! and a sync brings the server's changes here and this replica's there. Pure domain code over
//! [`Http`]: the browser's glue only sends the requests.
//!
//! - `http`: the requests the engine sends, and the server's address;
//! - `engine`: one sync ([`connect`], [`sync`]): `pull` (also waiting for the server's next
//!   change, [`watch`]), then `push`;
//! - `state`: what a replica keeps of its syncs ([`SyncState`]), and the library as the engine
//!   sees it ([`Local`]; [`Replica`] in memory);
//! - `wire`: the documents and replies as CouchDB has them;
//! - `rev`: revisions, named by their parent and content;
//! - `status`: the team sync page's stored settings and its state in words.

mod engine;
mod error;
mod http;
mod policy;
mod pull;
mod push;
mod rev;
mod state;
mod status;
mod wire;

#[cfg(test)]
mod fake;
#[cfg(test)]
mod tests;

pub use engine::{connect, sync, Report};
pub use error::SyncError;
pub use http::{basic_authorization, Http, Method, Request, Response, Server, Unreachable};
pub use policy::policy_allows;
pub use pull::watch;
pub use push::note_unsent;
pub use state::{Local, Replica, SyncState, Synced};
pub use status::{
    lost_claims, lost_names, retry_after, LostVersion, Status, TeamSettings, LOST_KEPT_MS,
    LOST_KEY, SETTINGS_KEY,
};
pub use wire::WIRE_VERSION;

//! What the team sync page keeps and says: the connection's settings as stored (never the
//! password), and the state of the sync in words.

use serde::{Deserialize, Serialize};

use super::{Report, SyncError};

/// The sync page's settings as stored in `localStorage` (`claimmark.sync`): where to connect
/// and as whom. A format of its own; the password is part of it only when the user asked to
/// stay connected (`keep`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TeamSettings {
    #[serde(default)]
    pub url: String,
    #[serde(default)]
    pub db: String,
    #[serde(default)]
    pub user: String,
    /// The `Authorization` header to send, kept only when the user asked to stay connected
    /// in this browser (then claimmark's tabs sync in the background); written only when set.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub keep: String,
}

pub const SETTINGS_KEY: &str = "claimmark.sync";

impl TeamSettings {
    /// Stored settings, or empty ones where there are none or they cannot be read.
    pub fn parse(stored: Option<&str>) -> TeamSettings {
        stored
            .and_then(|s| serde_json::from_str(s).ok())
            .unwrap_or_default()
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Whether stored settings (as [`TeamSettings::to_json`] writes them) keep a connection:
    /// read without decoding them, by the app's page, where a decoder would cost its first
    /// load. (A `"` within a value is written escaped, so only the field's name matches.)
    pub fn keeps_connection(stored: &str) -> bool {
        stored.contains("\"keep\":\"")
    }
}

/// A version of a record that lost when copies made apart came together (two checkers editing
/// the same claim offline), kept on this replica for [`LOST_KEPT_MS`] so that it is not
/// silently gone. Stored in the sync page's own database as JSON.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LostVersion {
    /// The record's store key (`a:urn:uuid:…` for a claim).
    pub key: String,
    /// The record as that version had it (its stored value).
    pub value: String,
    /// When it lost here (ms).
    pub at: i64,
}

/// How long a lost version is kept: 30 days.
pub const LOST_KEPT_MS: i64 = 30 * 24 * 3600 * 1000;

/// Where the sync page lists the claims that have a version that lost a conflict, in
/// `localStorage`: their ids separated by spaces, for the app's claim editor to point to them.
pub const LOST_KEY: &str = "claimmark.lost";

/// The ids of the claims among `lost`, each once, separated by spaces (stored as [`LOST_KEY`]).
pub fn lost_claims(lost: &[LostVersion]) -> String {
    let mut ids: Vec<&str> = Vec::new();
    for id in lost.iter().filter_map(|l| l.claim()) {
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    ids.join(" ")
}

/// Whether a list as [`lost_claims`] writes it names the claim `id`: exact for the ids
/// claimmark gives (`urn:uuid:` and 36 characters); an id of another tool that begins another's
/// is taken as named too. (Neither splitting the list nor padding it: each cost the app's first
/// load 0.4 KB.)
pub fn lost_names(list: &str, id: &str) -> bool {
    list.contains(id)
}

impl LostVersion {
    /// Its key in the sync page's database: sorted by time, unique per replica.
    pub fn store_key(&self, n: usize) -> String {
        format!("lost:{:015}:{n:06}", self.at.max(0))
    }

    /// The claim it is a version of (none for other records).
    pub fn claim(&self) -> Option<&str> {
        self.key.strip_prefix("a:")
    }

    /// The version in words: a claim's verdict, quote and note; another record's kind.
    pub fn summary(&self) -> String {
        let v: serde_json::Value = serde_json::from_str(&self.value).unwrap_or_default();
        let field = |k: &str| v.get(k).and_then(|x| x.as_str()).unwrap_or_default();
        match self.key.get(..2) {
            Some("a:") => {
                let mut s = format!("{} claim “{}”", field("verdict"), field("exact"));
                if !field("note").is_empty() {
                    s.push_str(&format!(", note: {}", field("note")));
                }
                s
            }
            Some("d:") => format!("article details “{}”", field("title")),
            Some("t:") => "a deletion".into(),
            _ => "a dismissed suggestion".into(),
        }
    }
}

/// Where a sync stands.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Status {
    /// Not connected.
    #[default]
    Off,
    Connecting,
    /// A sync is under way; `waiting` changes made here are yet to be sent.
    Syncing {
        waiting: usize,
    },
    /// In step with the server since `at` (ms), the last sync's figures.
    InStep {
        at: i64,
        fetched: usize,
        sent: usize,
    },
    /// The server cannot be reached; tried again in `retry_s` seconds. `last`: the last
    /// successful sync, if any.
    Offline {
        why: String,
        retry_s: u32,
        waiting: usize,
        last: Option<i64>,
    },
    /// Stopped: something the user must fix (the message says what).
    Failed(String),
}

impl Status {
    /// After a sync's end: in step, or why not.
    pub fn after(result: &Result<Report, SyncError>, now: i64) -> Status {
        match result {
            Ok(r) => Status::InStep {
                at: now,
                fetched: r.fetched,
                sent: r.sent,
            },
            Err(e) => Status::Failed(e.to_string()),
        }
    }

    /// The state in words; `time` writes a time of day (the browser's clock and locale).
    pub fn describe(&self, server: &str, time: impl Fn(i64) -> String) -> String {
        let changes = |n: usize| match n {
            1 => "1 change made here waits to be sent".to_owned(),
            n => format!("{n} changes made here wait to be sent"),
        };
        match self {
            Status::Off => "Not connected. Your library stays in this browser.".into(),
            Status::Connecting => format!("Connecting to {server}…"),
            Status::Syncing { waiting: 0 } => format!("Syncing with {server}…"),
            Status::Syncing { waiting } => {
                format!("Syncing with {server}: {} …", changes(*waiting))
            }
            Status::InStep { at, fetched, sent } => format!(
                "Connected to {server}, in step: last sync at {} ({fetched} fetched, {sent} \
                 sent). Watching for changes.",
                time(*at)
            ),
            Status::Offline {
                why,
                retry_s,
                waiting,
                last,
            } => {
                let last = match last {
                    Some(at) => format!("last sync at {}", time(*at)),
                    None => "not synced yet".into(),
                };
                let waiting = match waiting {
                    0 => String::new(),
                    n => format!(" {}.", changes(*n)),
                };
                format!(
                    "Offline ({last}): trying again in {retry_s} s. Your work is kept here \
                     and sent when the server can be reached.{waiting} {why}"
                )
            }
            Status::Failed(why) => format!("Sync stopped. {why}"),
        }
    }
}

/// Seconds to wait before trying an unreachable server again, after `tries` failures in a row:
/// 2, 4, 8, 16, then every 30.
pub fn retry_after(tries: u32) -> u32 {
    2u32.saturating_pow(tries.clamp(1, 5)).min(30)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_keep_a_password_only_when_asked_and_survive_damage() {
        let s = TeamSettings {
            url: "https://couch.example.org".into(),
            db: "claims".into(),
            user: "ana\"keep\":\"".into(),
            keep: String::new(),
        };
        let json = s.to_json();
        assert_eq!(
            json,
            r#"{"url":"https://couch.example.org","db":"claims","user":"ana\"keep\":\""}"#
        );
        assert_eq!(TeamSettings::parse(Some(&json)), s);
        // A name that looks like the field does not keep a connection; the field does.
        assert!(!TeamSettings::keeps_connection(&json));
        let kept = TeamSettings {
            keep: "Basic YTpi".into(),
            ..s
        };
        let json = kept.to_json();
        assert!(json.ends_with(r#","keep":"Basic YTpi"}"#), "{json}");
        assert!(TeamSettings::keeps_connection(&json));
        assert_eq!(TeamSettings::parse(Some(&json)), kept);
        assert_eq!(
            TeamSettings::parse(Some("{not json")),
            TeamSettings::default()
        );
        assert_eq!(TeamSettings::parse(None), TeamSettings::default());
    }

    #[test]
    fn the_claims_with_a_lost_version_are_listed_once_each() {
        let v = |key: &str| LostVersion {
            key: key.into(),
            value: "{}".into(),
            at: 1,
        };
        let lost = [
            v("a:urn:uuid:1"),
            v("d:urn:uuid:doc"),
            v("a:urn:uuid:2"),
            v("a:urn:uuid:1"),
        ];
        let list = lost_claims(&lost);
        assert_eq!(list, "urn:uuid:1 urn:uuid:2");
        assert!(lost_names(&list, "urn:uuid:2") && lost_names(&list, "urn:uuid:1"));
        assert!(!lost_names(&list, "urn:uuid:3") && !lost_names(&list, "urn:uuid:doc"));
        assert_eq!(lost_claims(&[]), "");
    }

    #[test]
    fn the_state_says_what_happens_to_work_made_here() {
        let time = |ms: i64| format!("t{ms}");
        let at = Status::InStep {
            at: 5,
            fetched: 3,
            sent: 1,
        };
        let line = at.describe("https://h/claims", time);
        assert!(
            line.contains("last sync at t5 (3 fetched, 1 sent)"),
            "{line}"
        );
        let off = Status::Offline {
            why: "Could not reach https://h.".into(),
            retry_s: 4,
            waiting: 2,
            last: Some(5),
        };
        let line = off.describe("https://h/claims", time);
        assert!(line.contains("last sync at t5"), "{line}");
        assert!(line.contains("in 4 s"), "{line}");
        assert!(
            line.contains("2 changes made here wait to be sent"),
            "{line}"
        );
        let failed = Status::after(&Err(SyncError::Unauthorized), 9);
        assert!(failed.describe("", time).contains("401"));
        let ok = Status::after(&Ok(Report::default()), 9);
        assert_eq!(
            ok,
            Status::InStep {
                at: 9,
                fetched: 0,
                sent: 0
            }
        );
    }

    #[test]
    fn a_lost_claim_is_described_by_its_verdict_quote_and_note() {
        let lost = LostVersion {
            key: "a:urn:uuid:1".into(),
            value: r#"{"verdict":"unsourced","exact":"Sales doubled","note":"ask the firm"}"#
                .into(),
            at: 42,
        };
        assert_eq!(
            lost.summary(),
            "unsourced claim “Sales doubled”, note: ask the firm"
        );
        assert_eq!(lost.store_key(3), "lost:000000000000042:000003");
        assert!(
            lost.store_key(0)
                < LostVersion {
                    at: 1000,
                    ..lost.clone()
                }
                .store_key(0)
        );
        let gone = LostVersion {
            key: "t:urn:uuid:1".into(),
            value: "{}".into(),
            at: 1,
        };
        assert_eq!(gone.summary(), "a deletion");
    }

    #[test]
    fn an_unreachable_server_is_tried_less_often_up_to_every_half_minute() {
        let waits: Vec<u32> = (0..8).map(retry_after).collect();
        assert_eq!(waits, [2, 2, 4, 8, 16, 30, 30, 30]);
    }
}

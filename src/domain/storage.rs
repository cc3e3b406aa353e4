//! The storage schema and the rules for loading and saving it, over any key-value store.
//!
//! Every stored value carries `schemaVersion`; loading runs migrations. A value that cannot be
//! read is copied aside under a new key, never overwritten, and the user is told. Saving first
//! reads what is stored and merges it in, so two tabs never overwrite each other's work.

use std::cell::RefCell;

use serde::{Deserialize, Serialize};

use super::annotation::{Annotation, Dismissal, Tombstone};
use super::document::Document;
use super::library::{Contents, Library};

/// 2: documents may carry where they came from (`url`, `site`, `author`, `language`,
/// `edited`). A claimmark that reads only 1 must not save over such a value and drop them.
/// 3: annotations may carry a fact-check `rating` and a named `source`; a claimmark that reads
/// only 2 must not save over them.
pub const SCHEMA_VERSION: u64 = 3;
/// The library: user documents, annotations, deletion records.
pub const LIBRARY_KEY: &str = "claimmark.library";
/// Which article is open.
pub const VIEW_KEY: &str = "claimmark.view";

use crate::domain::assistant::suggest::Shown;
use crate::domain::rating::Scale;

/// The fact-checker's settings: organisation and rating scale.
pub const SETTINGS_KEY: &str = "claimmark.settings";

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// Storage cannot be used at all (blocked, private mode).
    Unavailable(String),
    /// The quota is used up.
    Full,
    Failed(String),
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::Unavailable(why) => write!(f, "browser storage is not available ({why})"),
            StoreError::Full => f.write_str("browser storage is full"),
            StoreError::Failed(why) => write!(f, "browser storage failed ({why})"),
        }
    }
}

/// A string key-value store: `localStorage` in the browser, [`MemoryStore`] in tests and where
/// storage is blocked.
pub trait KeyValueStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&self, key: &str) -> Result<(), StoreError>;
}

impl<T: KeyValueStore + ?Sized> KeyValueStore for &T {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        (**self).get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        (**self).set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), StoreError> {
        (**self).remove(key)
    }
}

impl<T: KeyValueStore + ?Sized> KeyValueStore for Box<T> {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        (**self).get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        (**self).set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), StoreError> {
        (**self).remove(key)
    }
}

/// An in-memory store, optionally with a quota in bytes (keys plus values) like a browser's.
#[derive(Debug, Default)]
pub struct MemoryStore {
    /// Few keys: a list (a map type of its own would add kilobytes to the wasm).
    entries: RefCell<Vec<(String, String)>>,
    quota: Option<usize>,
}

impl MemoryStore {
    pub fn with_quota(quota: usize) -> Self {
        Self {
            quota: Some(quota),
            ..Self::default()
        }
    }

    /// The keys, sorted.
    pub fn keys(&self) -> Vec<String> {
        let mut keys: Vec<String> = self
            .entries
            .borrow()
            .iter()
            .map(|(k, _)| k.clone())
            .collect();
        crate::domain::order::sort_by(&mut keys, &|a, b| a.cmp(b));
        keys
    }
}

impl KeyValueStore for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .entries
            .borrow()
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone()))
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        let mut e = self.entries.borrow_mut();
        if let Some(quota) = self.quota {
            let others: usize = e
                .iter()
                .filter(|(k, _)| k.as_str() != key)
                .map(|(k, v)| k.len() + v.len())
                .sum();
            if others + key.len() + value.len() > quota {
                return Err(StoreError::Full);
            }
        }
        match e.iter_mut().find(|(k, _)| k == key) {
            Some((_, v)) => *v = value.to_owned(),
            None => e.push((key.to_owned(), value.to_owned())),
        }
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.entries.borrow_mut().retain(|(k, _)| k != key);
        Ok(())
    }
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Stored {
    schema_version: u64,
    documents: Vec<Document>,
    annotations: Vec<Annotation>,
    #[serde(default)]
    tombstones: Vec<Tombstone>,
    /// Suggestions the user dismissed (added within schema 1: older values have none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    dismissed: Vec<Dismissal>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    NotJson(String),
    NoVersion,
    /// Written by a newer claimmark.
    TooNew(u64),
    Invalid(String),
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::NotJson(e) => write!(f, "it is not valid JSON: {e}"),
            DecodeError::NoVersion => f.write_str("it has no schemaVersion"),
            DecodeError::TooNew(v) => write!(
                f,
                "it was saved by a newer claimmark (schema version {v}; this one reads up to {SCHEMA_VERSION})"
            ),
            DecodeError::Invalid(e) => write!(f, "it does not have the expected shape: {e}"),
        }
    }
}

pub fn encode(contents: &Contents) -> String {
    serde_json::to_string(&Stored {
        schema_version: SCHEMA_VERSION,
        documents: contents.documents.clone(),
        annotations: contents.annotations.clone(),
        tombstones: contents.tombstones.clone(),
        dismissed: contents.dismissed.clone(),
    })
    // Not `expect`: it would format serde's error with `Debug`, code the wasm needs nowhere else.
    .unwrap_or_else(|_| unreachable!("plain data always serialises"))
}

/// Reads a stored value of any known schema version, migrating it to the current one.
pub fn decode(raw: &str) -> Result<Contents, DecodeError> {
    /// Just the version, whatever the rest of the shape.
    #[derive(Deserialize)]
    struct Version {
        #[serde(rename = "schemaVersion")]
        schema_version: Option<u64>,
    }
    let version = serde_json::from_str::<Version>(raw)
        .map_err(|e| DecodeError::NotJson(e.to_string()))?
        .schema_version
        .ok_or(DecodeError::NoVersion)?;
    // Each future version adds an arm that migrates the previous shape to the next.
    // Version 1 is version 2 without the documents' details, and 2 is 3 without ratings: the
    // same shape reads all three.
    let v1: Stored = match version {
        1..=3 => serde_json::from_str(raw).map_err(|e| DecodeError::Invalid(e.to_string()))?,
        v => return Err(DecodeError::TooNew(v)),
    };
    let mut contents = Contents {
        documents: v1.documents,
        annotations: v1.annotations,
        tombstones: v1.tombstones,
        dismissed: v1.dismissed,
    };
    name_the_nameless(&mut contents);
    Ok(contents)
}

/// Gives a blank id (which claimmark never writes, but a damaged value may hold) a stable one
/// made from the record's content, so every tab derives the same, and a download of the
/// library names every article and claim.
fn name_the_nameless(c: &mut Contents) {
    fn fnv(parts: &[&str]) -> u64 {
        (parts.iter().flat_map(|p| p.bytes().chain([0]))).fold(0xcbf2_9ce4_8422_2325, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
        })
    }
    for d in c.documents.iter_mut().filter(|d| d.id.trim().is_empty()) {
        let id = format!("recovered-{:016x}", fnv(&[&d.text]));
        for a in c.annotations.iter_mut().filter(|a| a.doc == d.id) {
            a.doc = id.clone();
        }
        d.id = id;
    }
    for a in c.annotations.iter_mut().filter(|a| a.id.trim().is_empty()) {
        let created = a.created.to_string();
        a.id = format!(
            "urn:claimmark:recovered:{:016x}",
            fnv(&[&a.doc, &a.exact, &created])
        );
    }
}

/// Why loading did not simply work, for telling the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadProblem {
    /// The stored value could not be read; it was copied to `backup_key` and the app starts
    /// without it.
    KeptAside { backup_key: String, reason: String },
    /// The stored value could not be read nor copied aside: nothing will be written, so it is
    /// not lost.
    Unreadable { reason: String },
    /// Written by a newer version: nothing will be written, so it is not damaged.
    TooNew { version: u64 },
    /// No storage at all: work lives only in this tab.
    Unavailable { reason: String },
    /// Stored records that could not be read were moved aside (`count` of them; the first,
    /// with why).
    RecordsAside { count: usize, first: String },
}

impl LoadProblem {
    pub fn message(&self) -> String {
        match self {
            LoadProblem::KeptAside { backup_key, reason } => format!(
                "Your saved library could not be read: {reason}. It was kept unchanged in browser storage under the key “{backup_key}”, and claimmark started with an empty library."
            ),
            LoadProblem::Unreadable { reason } => format!(
                "Your saved library could not be read: {reason}. It could not be copied aside either, so claimmark will not save anything over it in this tab. Download your work to keep it."
            ),
            LoadProblem::TooNew { version } => format!(
                "Your library was saved by a newer version of claimmark (schema version {version}). To keep it intact this tab will not save changes; use the newer version, or download your work."
            ),
            LoadProblem::RecordsAside { count, first } => format!(
                "{count} stored record(s) of your library could not be read (the first: {first}). They were kept unchanged in browser storage under keys beginning “aside:”, and claimmark started without them."
            ),
            LoadProblem::Unavailable { reason } => format!(
                "Browser storage is not available ({reason}). Your work is kept only while this tab is open: download it before you close the tab."
            ),
        }
    }
}

/// Loads and saves the library through a [`KeyValueStore`].
pub struct Persistence<S> {
    store: S,
    writable: bool,
    /// The stored value as this tab last read or wrote it. While storage still holds exactly
    /// that, no other tab has saved since, so a save need not read and merge it.
    known: std::cell::RefCell<Option<String>>,
}

/// What loading found.
pub struct Loaded {
    pub contents: Contents,
    pub problem: Option<LoadProblem>,
}

impl<S: KeyValueStore> Persistence<S> {
    /// Opens the store and loads the library. `now` names the backup key of an unreadable value.
    pub fn open(store: S, now: i64) -> (Self, Loaded) {
        let mut known = None;
        let (writable, contents, problem) = match store.get(LIBRARY_KEY) {
            Err(e) => (false, Contents::default(), Some(unavailable(e))),
            Ok(None) => (true, Contents::default(), None),
            Ok(Some(raw)) => match decode(&raw) {
                Ok(c) => {
                    known = Some(raw);
                    (true, c, None)
                }
                Err(DecodeError::TooNew(version)) => (
                    false,
                    Contents::default(),
                    Some(LoadProblem::TooNew { version }),
                ),
                Err(e) => {
                    let reason = e.to_string();
                    match keep_aside(&store, &raw, now) {
                        Ok(backup_key) => (
                            true,
                            Contents::default(),
                            Some(LoadProblem::KeptAside { backup_key, reason }),
                        ),
                        Err(_) => (
                            false,
                            Contents::default(),
                            Some(LoadProblem::Unreadable { reason }),
                        ),
                    }
                }
            },
        };
        let known = std::cell::RefCell::new(known);
        let persistence = Self {
            store,
            writable,
            known,
        };
        (persistence, Loaded { contents, problem })
    }

    /// Whether saves go to storage (false after a load problem that makes writing unsafe).
    pub fn writable(&self) -> bool {
        self.writable
    }

    /// Reads what another tab may have saved since.
    pub fn read_stored(&self) -> Option<Contents> {
        let raw = self.store.get(LIBRARY_KEY).ok()??;
        decode(&raw).ok()
    }

    /// Saves `library`, first merging in whatever another tab stored since. Returns the merged
    /// library when that merge changed it (the caller shows it), `None` when nothing changed.
    /// On error nothing in memory is lost; the caller tells the user.
    pub fn save(&self, library: &Library, now: i64) -> Result<Option<Library>, StoreError> {
        if !self.writable {
            return Err(StoreError::Unavailable(
                "saving is off in this tab (see the message above)".into(),
            ));
        }
        let stored_raw = self.store.get(LIBRARY_KEY)?;
        if stored_raw.is_some() && stored_raw == *self.known.borrow() {
            // Only this tab saved since: this library already holds all of it.
            let encoded = encode(&library.contents());
            if stored_raw.as_deref() != Some(encoded.as_str()) {
                self.store.set(LIBRARY_KEY, &encoded)?;
                *self.known.borrow_mut() = Some(encoded);
            }
            return Ok(None);
        }
        let mut merged = library.clone();
        if let Some(raw) = &stored_raw {
            match decode(raw) {
                Ok(stored) => {
                    merged.merge(stored);
                }
                Err(DecodeError::TooNew(v)) => {
                    return Err(StoreError::Failed(format!(
                        "another tab runs a newer claimmark (schema version {v})"
                    )))
                }
                // Something wrote garbage since we loaded: keep it aside before replacing it.
                Err(_) => {
                    keep_aside(&self.store, raw, now)?;
                }
            }
        }
        let encoded = encode(&merged.contents());
        if stored_raw.as_deref() != Some(encoded.as_str()) {
            self.store.set(LIBRARY_KEY, &encoded)?;
        }
        *self.known.borrow_mut() = Some(encoded);
        Ok((merged != *library).then_some(merged))
    }

    /// How the reader was left: a missing or unreadable value is the default view.
    pub fn load_view(&self) -> View {
        let stored: StoredView = self
            .store
            .get(VIEW_KEY)
            .ok()
            .flatten()
            .and_then(|raw| serde_json::from_str(&raw).ok())
            .unwrap_or_default();
        View {
            open: stored.open,
            suggest: stored.suggest,
            shown: stored.shown.map_or(Shown::All, Shown::Top),
        }
    }

    pub fn save_view(&self, view: &View) -> Result<(), StoreError> {
        if !self.writable {
            return Ok(());
        }
        let stored = StoredView {
            schema_version: SCHEMA_VERSION,
            open: view.open.clone(),
            suggest: view.suggest,
            shown: match view.shown {
                Shown::Top(n) => Some(n),
                Shown::All => None,
            },
        };
        self.store.set(VIEW_KEY, &to_json(&stored))
    }
}

/// The stored form of [`View`] (its own type: renaming a field of the view must not change
/// what is stored).
#[derive(Default, Serialize, Deserialize)]
struct StoredView {
    #[serde(rename = "schemaVersion", default)]
    schema_version: u64,
    #[serde(default)]
    open: Option<String>,
    #[serde(default)]
    suggest: bool,
    #[serde(default)]
    shown: Option<usize>,
}

/// The stored form of [`Settings`].
#[derive(Default, Serialize, Deserialize)]
struct StoredSettings {
    #[serde(rename = "schemaVersion", default)]
    schema_version: u64,
    #[serde(default)]
    organisation: String,
    /// The rating scale as text (`rating::Scale::to_text`).
    #[serde(default)]
    scale: String,
}

fn to_json<T: Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| unreachable!("plain data always serialises"))
}

/// The fact-checker's settings: their organisation (the author of ClaimReview drafts) and
/// their rating scale. Kept per browser, beside the library.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Settings {
    pub organisation: String,
    pub scale: Scale,
}

impl<S: KeyValueStore> Persistence<S> {
    /// The settings; missing or unreadable parts are the defaults.
    pub fn load_settings(&self) -> Settings {
        let stored: StoredSettings = self
            .store
            .get(SETTINGS_KEY)
            .ok()
            .flatten()
            .and_then(|raw| serde_json::from_str(&raw).ok())
            .unwrap_or_default();
        Settings {
            organisation: stored.organisation,
            scale: Scale::parse(&stored.scale).unwrap_or_default(),
        }
    }

    pub fn save_settings(&self, settings: &Settings) -> Result<(), StoreError> {
        if !self.writable {
            return Ok(());
        }
        let stored = StoredSettings {
            schema_version: SCHEMA_VERSION,
            organisation: settings.organisation.clone(),
            scale: settings.scale.to_text(),
        };
        self.store.set(SETTINGS_KEY, &to_json(&stored))
    }
}

/// How the reader is set: the open article, whether the assistant suggests claims, and how
/// many of them it shows. Kept per browser, beside the library.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct View {
    pub open: Option<String>,
    pub suggest: bool,
    pub shown: Shown,
}

fn unavailable(e: StoreError) -> LoadProblem {
    LoadProblem::Unavailable {
        reason: e.to_string(),
    }
}

/// What the browser does with the library, in words: whether it is kept under pressure
/// (`persist()`), and how much is stored of what the site may store (`estimate()`).
pub fn storage_line(kept: Option<bool>, usage: Option<f64>, quota: Option<f64>) -> String {
    // Whole numbers only: formatting a float would add some 9 KB of code to the first load.
    fn size(bytes: f64) -> String {
        let b = bytes as u64;
        let tenths = |unit: u64| {
            let t = (b + unit / 20) / (unit / 10);
            format!("{}.{}", t / 10, t % 10)
        };
        match b {
            b if b >= 1_000_000_000 => format!("{} GB", tenths(1_000_000_000)),
            b if b >= 1_000_000 => format!("{} MB", tenths(1_000_000)),
            b => format!("{} KB", b.div_ceil(1_000)),
        }
    }
    let kept = match kept {
        Some(true) => "The browser keeps your library (persistent storage).",
        Some(false) => "The browser may clear stored data when space runs short: download your work now and then.",
        None => "Whether the browser keeps your library is not known yet (asked at the first change).",
    };
    match (usage, quota) {
        (Some(u), Some(q)) => format!("{kept} Stored: {} of {} allowed.", size(u), size(q)),
        _ => kept.to_owned(),
    }
}

/// Copies an unreadable value to a fresh key; returns the key.
pub(crate) fn keep_aside<S: KeyValueStore>(
    store: &S,
    raw: &str,
    now: i64,
) -> Result<String, StoreError> {
    let mut key = format!("{LIBRARY_KEY}.unreadable.{now}");
    let mut n = 1;
    while store.get(&key)?.is_some() {
        n += 1;
        key = format!("{LIBRARY_KEY}.unreadable.{now}.{n}");
    }
    store.set(&key, raw)?;
    Ok(key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::annotation::Verdict;
    use crate::domain::document::{document_from_text, seed_documents, Origin};

    const SEED: &str = "000_698b5d7c01ae0af2";

    fn sample() -> Library {
        let mut l = Library::new(seed_documents());
        l.add_document(document_from_text(
            "user-1".into(),
            "My pasted 😀 text.",
            None,
            Origin::User,
            5,
        ));
        l.annotate(SEED, (0, 9), Verdict::Unsourced, "urn:uuid:a".into(), 7)
            .unwrap();
        l.annotate("user-1", (3, 9), Verdict::Sourced, "urn:uuid:b".into(), 8)
            .unwrap();
        l.set_note("urn:uuid:b", "a note", 9);
        l.delete("urn:uuid:a", 10);
        l
    }

    #[test]
    fn encode_decode_round_trips_with_a_version() {
        let l = sample();
        let raw = encode(&l.contents());
        assert!(raw.contains("\"schemaVersion\":3"));
        assert!(
            !raw.contains("Thousands of Iraqis"),
            "seed texts are not stored"
        );
        assert_eq!(decode(&raw).unwrap(), l.contents());
    }

    #[test]
    fn decode_says_what_is_wrong() {
        assert!(matches!(decode("{oops"), Err(DecodeError::NotJson(_))));
        assert_eq!(decode("{}"), Err(DecodeError::NoVersion));
        assert_eq!(
            decode(r#"{"schemaVersion":7}"#),
            Err(DecodeError::TooNew(7))
        );
        let e =
            decode(r#"{"schemaVersion":1,"documents":[],"annotations":[{"id":1}]}"#).unwrap_err();
        assert!(
            matches!(e, DecodeError::Invalid(ref m) if m.contains("id")),
            "{e:?}"
        );
    }

    #[test]
    fn saved_library_loads_back() {
        let store = MemoryStore::default();
        let (p, loaded) = Persistence::open(&store, 1);
        assert!(loaded.problem.is_none() && p.writable());
        let l = sample();
        assert_eq!(p.save(&l, 2).unwrap(), None);
        let view = View {
            open: Some("user-1".into()),
            suggest: true,
            shown: Shown::Top(10),
        };
        p.save_view(&view).unwrap();
        let (p2, loaded) = Persistence::open(&store, 3);
        assert_eq!(loaded.contents, l.contents());
        assert_eq!(p2.load_view(), view);
    }

    #[test]
    fn settings_load_back_and_a_damaged_scale_falls_back_to_the_default() {
        let store = MemoryStore::default();
        let (p, _) = Persistence::open(&store, 1);
        assert_eq!(p.load_settings(), Settings::default());
        let mine = Settings {
            organisation: "Fact Desk".into(),
            scale: Scale::parse("Right, Wrong | Satire").unwrap(),
        };
        p.save_settings(&mine).unwrap();
        assert_eq!(p.load_settings(), mine);
        store
            .set(SETTINGS_KEY, r#"{"organisation":"X","scale":"A|B|C"}"#)
            .unwrap();
        let read = p.load_settings();
        assert_eq!(
            (read.organisation.as_str(), read.scale),
            ("X", Scale::default())
        );
    }

    #[test]
    fn a_view_of_an_older_claimmark_or_unreadable_is_read_as_far_as_it_goes() {
        let store = MemoryStore::default();
        store
            .set(VIEW_KEY, r#"{"schemaVersion":1,"open":"a"}"#)
            .unwrap();
        let (p, _) = Persistence::open(&store, 1);
        let old = p.load_view();
        assert_eq!(old.open.as_deref(), Some("a"));
        assert_eq!((old.suggest, old.shown), (false, Shown::All));
        store.set(VIEW_KEY, "{not json").unwrap();
        assert_eq!(p.load_view(), View::default());
    }

    #[test]
    fn corrupted_storage_is_kept_aside_never_overwritten() {
        let store = MemoryStore::default();
        store
            .set(LIBRARY_KEY, "{\"schemaVersion\":1,\"documents\":[tru")
            .unwrap();
        let (p, loaded) = Persistence::open(&store, 42);
        let Some(LoadProblem::KeptAside { backup_key, reason }) = loaded.problem else {
            panic!("expected KeptAside");
        };
        assert_eq!(backup_key, "claimmark.library.unreadable.42");
        assert!(reason.contains("not valid JSON"), "{reason}");
        assert_eq!(
            store.get(&backup_key).unwrap().as_deref(),
            Some("{\"schemaVersion\":1,\"documents\":[tru")
        );
        // Saving now is safe: the original survives under its backup key.
        p.save(&sample(), 43).unwrap();
        assert!(store.get(&backup_key).unwrap().unwrap().ends_with("[tru"));
        assert!(decode(&store.get(LIBRARY_KEY).unwrap().unwrap()).is_ok());
    }

    #[test]
    fn unreadable_value_that_cannot_be_copied_is_left_alone() {
        let garbage = "x".repeat(50);
        let store = MemoryStore::with_quota(80);
        store.set(LIBRARY_KEY, &garbage).unwrap();
        let (p, loaded) = Persistence::open(&store, 1);
        assert!(matches!(
            loaded.problem,
            Some(LoadProblem::Unreadable { .. })
        ));
        assert!(!p.writable());
        assert!(p.save(&sample(), 2).is_err());
        assert_eq!(store.get(LIBRARY_KEY).unwrap(), Some(garbage));
    }

    #[test]
    fn newer_schema_is_never_written_over() {
        let store = MemoryStore::default();
        let newer = r#"{"schemaVersion":4,"whatever":true}"#;
        store.set(LIBRARY_KEY, newer).unwrap();
        let (p, loaded) = Persistence::open(&store, 1);
        assert_eq!(loaded.problem, Some(LoadProblem::TooNew { version: 4 }));
        assert!(p.save(&sample(), 2).is_err());
        p.save_view(&View::default()).unwrap();
        assert_eq!(store.get(LIBRARY_KEY).unwrap().as_deref(), Some(newer));
        assert_eq!(store.keys(), vec![LIBRARY_KEY.to_owned()]);
    }

    #[test]
    fn a_full_quota_fails_the_save_and_keeps_memory_and_storage_intact() {
        let store = MemoryStore::with_quota(2_000);
        let (p, _) = Persistence::open(&store, 1);
        let small = sample();
        p.save(&small, 2).unwrap();
        let before = store.get(LIBRARY_KEY).unwrap();
        let mut big = small.clone();
        big.add_document(document_from_text(
            "user-2".into(),
            &"long text ".repeat(500),
            None,
            Origin::User,
            3,
        ));
        assert_eq!(p.save(&big, 4), Err(StoreError::Full));
        assert_eq!(store.get(LIBRARY_KEY).unwrap(), before);
        assert!(big.document("user-2").is_some());
    }

    #[test]
    fn the_storage_line_says_what_the_browser_keeps() {
        let line = storage_line(Some(true), Some(1_460_000.0), Some(120e9));
        assert_eq!(
            line,
            "The browser keeps your library (persistent storage). Stored: 1.5 MB of 120.0 GB allowed."
        );
        assert!(storage_line(Some(false), Some(900.0), Some(5e6)).contains("1 KB of 5.0 MB"));
        assert!(storage_line(Some(false), None, None).contains("may clear"));
        assert!(storage_line(None, None, None).contains("not known yet"));
    }

    #[test]
    fn dismissals_stored_before_they_could_be_undone_still_read() {
        let raw = r#"{"schemaVersion":1,"documents":[],"annotations":[],"tombstones":[],
            "dismissed":[{"doc":"d","exact":"Old words."}]}"#;
        let c = decode(raw).unwrap();
        assert_eq!((c.dismissed[0].at, c.dismissed[0].undone), (0, false));
        // And are written as they were until something changes them.
        assert!(encode(&c).contains(r#"{"doc":"d","exact":"Old words."}"#));
    }

    #[test]
    fn two_tabs_saving_in_turn_lose_nothing() {
        let store = MemoryStore::default();
        let (tab_a, _) = Persistence::open(&store, 1);
        let (tab_b, _) = Persistence::open(&store, 1);
        let mut a = Library::new(seed_documents());
        let mut b = Library::new(seed_documents());
        a.annotate(SEED, (0, 9), Verdict::Sourced, "from-a".into(), 10)
            .unwrap();
        assert_eq!(tab_a.save(&a, 11).unwrap(), None);
        // Tab B never saw A's annotation, and saves its own.
        b.annotate(SEED, (10, 20), Verdict::Unsourced, "from-b".into(), 12)
            .unwrap();
        let merged = tab_b.save(&b, 13).unwrap().expect("B picks up A's work");
        assert!(merged.annotation("from-a").is_some());
        let stored = decode(&store.get(LIBRARY_KEY).unwrap().unwrap()).unwrap();
        let ids: Vec<&str> = stored.annotations.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, vec!["from-a", "from-b"]);
        // A deletes its annotation; B's next save must not bring it back.
        a.merge(tab_a.read_stored().unwrap());
        a.delete("from-a", 20);
        tab_a.save(&a, 21).unwrap();
        let b = tab_b
            .save(&merged, 22)
            .unwrap()
            .expect("B learns of the deletion");
        assert!(b.annotation("from-a").is_none());
        assert!(tab_a
            .read_stored()
            .unwrap()
            .annotations
            .iter()
            .all(|x| x.id != "from-a"));
        // Once both hold the same library, saving writes nothing new: no endless ping-pong.
        let mut a2 = a.clone();
        a2.merge(tab_a.read_stored().unwrap());
        let before = store.get(LIBRARY_KEY).unwrap();
        assert_eq!(tab_a.save(&a2, 23).unwrap(), None);
        assert_eq!(tab_b.save(&b, 24).unwrap(), None);
        assert_eq!(store.get(LIBRARY_KEY).unwrap(), before);
    }

    #[test]
    fn blocked_storage_reports_unavailable() {
        struct Blocked;
        impl KeyValueStore for Blocked {
            fn get(&self, _: &str) -> Result<Option<String>, StoreError> {
                Err(StoreError::Unavailable("SecurityError".into()))
            }
            fn set(&self, _: &str, _: &str) -> Result<(), StoreError> {
                Err(StoreError::Unavailable("SecurityError".into()))
            }
            fn remove(&self, _: &str) -> Result<(), StoreError> {
                Err(StoreError::Unavailable("SecurityError".into()))
            }
        }
        let (p, loaded) = Persistence::open(Blocked, 1);
        assert!(matches!(
            loaded.problem,
            Some(LoadProblem::Unavailable { .. })
        ));
        assert!(loaded.problem.unwrap().message().contains("download"));
        assert!(!p.writable());
    }

    /// Issue 13's start-up crash, without any hostile input: one tab replaces an article's text
    /// with a shorter one; another tab, later, edits the note of a claim that still carries its
    /// old position; the later edit wins the merge, and every start lays the article out.
    #[test]
    fn a_stale_position_that_wins_a_merge_does_not_stop_the_start() {
        let long = "Intro. ".repeat(200) + "The minister said prices fell.";
        let mut a = Library::new(seed_documents());
        a.add_document(document_from_text("u".into(), &long, None, Origin::User, 1));
        let start = long.chars().count() - 30;
        a.annotate("u", (start, start + 30), Verdict::Sourced, "m".into(), 2)
            .unwrap();
        let store = MemoryStore::default();
        let (tab_a, _) = Persistence::open(&store, 3);
        tab_a.save(&a, 3).unwrap();
        let (tab_b, loaded) = Persistence::open(&store, 4);
        let mut b = Library::with_contents(seed_documents(), loaded.contents);
        a.replace_text("u", "Short. The minister said prices fell.", 5)
            .unwrap();
        tab_a.save(&a, 5).unwrap();
        b.set_note("m", "checked", 6);
        tab_b.save(&b, 6).unwrap();
        // The next start.
        let (_, loaded) = Persistence::open(&store, 7);
        let lib = Library::with_contents(seed_documents(), loaded.contents);
        let m = lib.annotation("m").unwrap();
        assert_eq!(
            (m.note.as_str(), m.start),
            ("checked", start),
            "the later edit won"
        );
        let doc = lib.document("u").unwrap();
        assert!(doc.text.starts_with("Short."), "the newer text won");
        let text = crate::domain::text::IndexedText::new(doc.text.as_str());
        let placed = lib.placed(doc, &text);
        assert_eq!(placed[0].span, Some((7, 37)), "found by its quote");
        crate::domain::layout::layout(doc, &lib, &[]);
    }

    #[test]
    fn damaged_values_keep_what_can_be_read() {
        let raw = r#"{"schemaVersion":1,"documents":[
            {"id":"","title":"t","text":"Some words here.","origin":"user"}],
            "annotations":[
            {"id":" ","doc":"","start":18446744073709551615,"end":4294967296,"exact":"words",
             "verdict":"sourced","created":1,"modified":2}]}"#;
        let c = decode(raw).unwrap();
        let (d, a) = (c.documents[0].clone(), c.annotations[0].clone());
        assert!(d.id.starts_with("recovered-"), "{}", d.id);
        assert_eq!(a.doc, d.id, "the claim follows its article");
        assert!(a.id.starts_with("urn:claimmark:recovered:"), "{}", a.id);
        assert_eq!(
            a.start,
            usize::MAX,
            "too large for any text: a position past the end"
        );
        assert_eq!(decode(raw).unwrap(), c, "every tab names them alike");
        let lib = Library::with_contents(seed_documents(), c);
        let doc = lib.document(&d.id).unwrap();
        let text = crate::domain::text::IndexedText::new(doc.text.as_str());
        assert_eq!(lib.placed(doc, &text)[0].span, Some((5, 10)));
    }

    /// A library as the previous release (schema 1) stored it, byte for byte.
    const V1: &str = r#"{"schemaVersion":1,"documents":[{"id":"user-1","title":"My pasted 😀 text.","text":"My pasted 😀 text.","origin":"user","added":5}],"annotations":[{"id":"urn:uuid:b","doc":"user-1","start":3,"end":9,"exact":"pasted","prefix":"My ","suffix":" 😀 text.","verdict":"sourced","note":"a note","evidence":"","created":8,"modified":9}],"tombstones":[{"id":"urn:uuid:a","deleted":10}],"dismissed":[{"doc":"000_698b5d7c01ae0af2","exact":"Some words.","at":11}]}"#;

    #[test]
    fn a_schema_1_library_loads_unchanged_and_is_saved_as_schema_3() {
        let store = MemoryStore::default();
        store.set(LIBRARY_KEY, V1).unwrap();
        let (p, loaded) = Persistence::open(&store, 20);
        assert_eq!(loaded.problem, None);
        let c = loaded.contents.clone();
        assert_eq!(c.documents[0].text, "My pasted 😀 text.");
        assert_eq!(
            (c.documents[0].url.as_deref(), c.documents[0].edited),
            (None, 0)
        );
        assert_eq!(c.annotations[0].note, "a note");
        assert_eq!((c.tombstones.len(), c.dismissed.len()), (1, 1));
        let lib = Library::with_contents(seed_documents(), loaded.contents);
        p.save(&lib, 21).unwrap();
        let saved = store.get(LIBRARY_KEY).unwrap().unwrap();
        assert!(saved.starts_with(r#"{"schemaVersion":3,"#), "{saved}");
        assert_eq!(
            decode(&saved).unwrap(),
            c,
            "nothing lost or changed on the way"
        );
    }
}

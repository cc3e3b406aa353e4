//! The storage schema and the rules for loading and saving it, over any key-value store.
//!
//! Every stored value carries `schemaVersion`; loading runs migrations. A value that cannot be
//! read is copied aside under a new key, never overwritten, and the user is told.
//!
//! The library itself is stored as records (`records`); the single-value form here is what
//! the old store held (read once, to move it over) and what a download or the worker carries.

use std::cell::RefCell;

use serde::{Deserialize, Serialize};

use super::annotation::{Annotation, Dismissal, Tombstone};
use super::document::Document;
use super::library::Contents;

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
/// Changes since the whole library was last downloaded, for the reminder to keep a backup.
pub const BACKUP_KEY: &str = "claimmark.backup";
/// The name the user set on the team sync page, a plain string: each claim they mark or change
/// carries it (`Annotation::creator`, `editor`). The sync page also tells open tabs, on the
/// records channel, under this key.
pub const PERSON_KEY: &str = "claimmark.name";
/// The reminder shows after this many changes not downloaded (and again after as many more,
/// once put off).
pub const REMIND_EVERY: u64 = 100;

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

impl<T: KeyValueStore + ?Sized> KeyValueStore for std::rc::Rc<T> {
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

/// No store: nothing is kept, nothing is found (where the browser refuses `localStorage`).
pub struct NoStore;

impl KeyValueStore for NoStore {
    fn get(&self, _: &str) -> Result<Option<String>, StoreError> {
        Ok(None)
    }
    fn set(&self, _: &str, _: &str) -> Result<(), StoreError> {
        Ok(())
    }
    fn remove(&self, _: &str) -> Result<(), StoreError> {
        Ok(())
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

/// What is wrong with a stored value, and where: serde_json's kind of error and its line and
/// column. Not its own message: formatting one brings the names of every I/O error of the
/// standard library into the first load with it (1.3 KB of text, and their code).
pub fn json_error(e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    let what = match e.classify() {
        Category::Syntax => "a syntax error",
        Category::Eof => "it ends too early",
        Category::Data => "a missing field or a value of the wrong kind",
        Category::Io => "it could not be read",
    };
    format!("{what} at line {}, column {}", e.line(), e.column())
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
        .map_err(|e| DecodeError::NotJson(json_error(&e)))?
        .schema_version
        .ok_or(DecodeError::NoVersion)?;
    // Each future version adds an arm that migrates the previous shape to the next.
    // Version 1 is version 2 without the documents' details, and 2 is 3 without ratings: the
    // same shape reads all three.
    let v1: Stored = match version {
        1..=3 => serde_json::from_str(raw).map_err(|e| DecodeError::Invalid(json_error(&e)))?,
        v => return Err(DecodeError::TooNew(v)),
    };
    let mut contents = Contents {
        documents: v1.documents,
        annotations: v1.annotations,
        tombstones: v1.tombstones,
        dismissed: v1.dismissed,
    };
    // Files and the old store always carry the texts; only records are read without them.
    let textless = |d: &&Document| d.text.is_empty() && d.text_hash.is_empty();
    if let Some(d) = contents.documents.iter().find(textless) {
        return Err(DecodeError::Invalid(format!(
            "article “{}” has no text",
            d.id
        )));
    }
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
    /// The old store's value could not be read; it is kept under `backup_key` (copied there,
    /// or where it was when it could not be copied) and the app starts without it.
    KeptAside { backup_key: String, reason: String },
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
            LoadProblem::TooNew { version } => format!(
                "Your library was saved by a newer version of claimmark (schema version {version}). To keep it intact this tab will not save changes; use the newer version, or download your work."
            ),
            LoadProblem::RecordsAside { count, first } => format!(
                "{count} record(s) of your library could not be read (the first: {first}). They were set aside unchanged, under keys beginning “aside:”, and claimmark started without them."
            ),
            LoadProblem::Unavailable { reason } => format!(
                "Browser storage is not available ({reason}). Your work is kept only while this tab is open: download it before you close the tab."
            ),
        }
    }
}

/// The reader's view and the settings, kept per browser beside the library (`localStorage`).
pub struct Prefs<S> {
    store: S,
    writable: bool,
}

impl<S: KeyValueStore> Prefs<S> {
    /// `writable` false: nothing is written (beside a library this claimmark must not touch).
    pub fn new(store: S, writable: bool) -> Self {
        Self { store, writable }
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

impl<S: KeyValueStore> Prefs<S> {
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

/// Changes of the library since the whole of it was last downloaded (`changes`), and the
/// count at which the reminder was last put off (`put_off`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Backup {
    #[serde(default)]
    pub changes: u64,
    #[serde(default)]
    pub put_off: u64,
}

impl Backup {
    /// The reminder to download a backup, when one is due. Its count is in hundreds, so that
    /// it says the same through a hundred keystrokes: it is a live region, and a screen reader
    /// read it out again at each one (and the page drew it again).
    pub fn reminder(&self) -> Option<String> {
        (self.changes >= self.put_off + REMIND_EVERY).then(|| {
            format!(
                "{} changes or more since you last downloaded the whole library. Browser storage can be lost: “Download all” keeps a copy you can load again.",
                self.changes / REMIND_EVERY * REMIND_EVERY
            )
        })
    }
}

impl<S: KeyValueStore> Prefs<S> {
    /// The backup count; missing or unreadable: none.
    pub fn load_backup(&self) -> Backup {
        let raw = self.store.get(BACKUP_KEY).ok().flatten();
        raw.and_then(|r| serde_json::from_str(&r).ok())
            .unwrap_or_default()
    }

    pub fn save_backup(&self, backup: &Backup) -> Result<(), StoreError> {
        if !self.writable {
            return Ok(());
        }
        self.store.set(BACKUP_KEY, &to_json(backup))
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
        Some(false) => {
            "The browser may clear your library when space runs short: download it now and then."
        }
        None => "Whether the browser keeps your library is asked at the first change.",
    };
    match (usage, quota) {
        (Some(u), Some(q)) => format!("{kept} Stored: {} of {} allowed.", size(u), size(q)),
        _ => kept.to_owned(),
    }
}

/// Copies an unreadable value to a fresh key; returns the key.
pub(crate) fn keep_aside<S: KeyValueStore + ?Sized>(
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
pub(crate) mod tests {
    use super::*;
    use crate::domain::annotation::Verdict;
    use crate::domain::document::{document_from_text, seed_documents, Origin};
    use crate::domain::library::Library;

    const SEED: &str = "000_698b5d7c01ae0af2";

    /// A small library: a user article, a claim on it with a note, a deleted claim on a seed.
    pub(crate) fn sample() -> Library {
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
        // What kind of fault and where: `"id":1` is a number where the id's text belongs.
        assert_eq!(
            e,
            DecodeError::Invalid(
                "a missing field or a value of the wrong kind at line 1, column 56".into()
            )
        );
        let DecodeError::NotJson(m) = decode("{\"schemaVersion\":1,\n  oops}").unwrap_err() else {
            panic!("not JSON")
        };
        assert_eq!(m, "a syntax error at line 2, column 3");
    }

    #[test]
    fn the_view_loads_back() {
        let store = MemoryStore::default();
        let p = Prefs::new(&store, true);
        let view = View {
            open: Some("user-1".into()),
            suggest: true,
            shown: Shown::Top(10),
        };
        p.save_view(&view).unwrap();
        assert_eq!(Prefs::new(&store, true).load_view(), view);
        Prefs::new(&store, false)
            .save_view(&View::default())
            .unwrap();
        assert_eq!(p.load_view(), view, "a read-only tab writes nothing");
    }

    #[test]
    fn settings_load_back_and_a_damaged_scale_falls_back_to_the_default() {
        let store = MemoryStore::default();
        let p = Prefs::new(&store, true);
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
        let p = Prefs::new(&store, true);
        let old = p.load_view();
        assert_eq!(old.open.as_deref(), Some("a"));
        assert_eq!((old.suggest, old.shown), (false, Shown::All));
        store.set(VIEW_KEY, "{not json").unwrap();
        assert_eq!(p.load_view(), View::default());
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
        assert!(storage_line(None, None, None).contains("asked at the first change"));
    }

    #[test]
    fn the_backup_reminder_comes_after_many_changes_and_again_once_put_off() {
        let store = MemoryStore::default();
        let p = Prefs::new(&store, true);
        let mut b = p.load_backup();
        assert_eq!(b, Backup::default());
        b.changes = REMIND_EVERY - 1;
        assert_eq!(b.reminder(), None);
        b.changes += 1;
        let first = b.reminder().unwrap();
        assert!(first.starts_with("100 changes or more since"), "{first}");
        b.changes += REMIND_EVERY - 1;
        assert_eq!(
            b.reminder(),
            Some(first),
            "the same words for a hundred changes"
        );
        b.changes += 1;
        assert!(b
            .reminder()
            .unwrap()
            .starts_with("200 changes or more since"));
        // Put off: quiet for as many changes again.
        b.put_off = b.changes;
        b.changes += REMIND_EVERY - 1;
        assert_eq!(b.reminder(), None);
        p.save_backup(&b).unwrap();
        assert_eq!(p.load_backup(), b);
        store.set(BACKUP_KEY, "{broken").unwrap();
        assert_eq!(p.load_backup(), Backup::default());
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
}

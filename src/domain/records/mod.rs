//! The library in browser storage as records: one per user article, claim, deletion record and
//! dismissal, keyed by id (IndexedDB in the browser), and a `meta` record with the schema
//! version. A change writes only the records it touched, all in one transaction. Start-up reads
//! the articles' details first, to show the library list, then every other record but the
//! texts in one pass.
//!
//! - the keys and the stored form of each record, and reading them back;
//! - [`listing`]: what start-up reads first, to show the library list before the claims are
//!   read;
//! - [`Saver`]: which records wait to be written, and what is written now (one write at a time;
//!   a failed write keeps its records waiting, so nothing is lost);
//! - [`open`]: what start-up finds, including a library of the old single-value store
//!   (`localStorage`, schema 1 to 3) to move over once;
//! - [`RecordStore`] and [`MemoryRecords`]: the store's interface, and a store in memory that
//!   fails on demand, for tests (where the browser has no IndexedDB, the page keeps the library
//!   in memory only and writes nothing).

use serde::{Deserialize, Serialize};

use super::document::{text_hash, Document};
use super::library::{Contents, Library, Record, Touched};
use super::storage::{
    decode, json_error, keep_aside, DecodeError, KeyValueStore, LoadProblem, NoStore, LIBRARY_KEY,
    SCHEMA_VERSION,
};

#[cfg(test)]
mod listing_tests;
mod memory;
#[cfg(test)]
mod tests;

pub use memory::{MemoryRecords, OnRead, RecordStore};

/// The record holding the schema version of all the others.
pub const META_KEY: &str = "meta";
/// The records' schema: 4 keeps each article's text in a record of its own (under
/// [`TEXT_PREFIX`]), apart from its details, so that start-up reads no text. A claimmark that
/// reads up to 3 would find articles without texts: it must neither show nor write them.
pub const RECORDS_VERSION: u64 = 4;
/// Each article's text, the whole value, under this prefix and its id. It sorts after every
/// other key, so start-up reads everything before it ([`TEXT_PREFIX`]) and no text.
pub const TEXT_PREFIX: &str = "~text:";
/// Records that could not be read are moved under this prefix, unchanged.
pub const ASIDE_PREFIX: &str = "aside:";

/// One change of the store.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Write {
    Put(String, String),
    Delete(String),
}

/// The key of an article's text.
pub fn text_key(doc: &str) -> String {
    format!("{TEXT_PREFIX}{doc}")
}

/// The store's key of a record.
pub fn key_of(t: &Touched) -> String {
    match t {
        Touched::Document(id) => format!("d:{id}"),
        Touched::Annotation(id) => format!("a:{id}"),
        Touched::Tombstone(id) => format!("t:{id}"),
        Touched::Dismissal(doc, exact) => format!("x:[{},{}]", to_json(doc), to_json(exact)),
    }
}

/// The record a store key names (the reverse of [`key_of`]); `None` for other keys.
pub fn touched_of(key: &str) -> Option<Touched> {
    let (kind, rest) = (key.get(..2)?, key.get(2..)?);
    match kind {
        "d:" => Some(Touched::Document(rest.to_owned())),
        "a:" => Some(Touched::Annotation(rest.to_owned())),
        "t:" => Some(Touched::Tombstone(rest.to_owned())),
        "x:" => serde_json::from_str::<(String, String)>(rest)
            .ok()
            .map(|(doc, exact)| Touched::Dismissal(doc, exact)),
        _ => None,
    }
    .filter(|t| key_of(t) == key)
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Meta {
    schema_version: u64,
}

fn to_json<T: Serialize + ?Sized>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| unreachable!("plain data always serialises"))
}

fn meta() -> Write {
    let version = Meta {
        schema_version: RECORDS_VERSION,
    };
    Write::Put(META_KEY.into(), to_json(&version))
}

/// An article's details without its text, and its text's hash.
fn document_value(d: &Document) -> String {
    let hash = match d.text.is_empty() {
        true => d.text_hash.clone(),
        false => text_hash(&d.text),
    };
    let details = Document {
        text: String::new(),
        text_hash: String::new(),
        ..d.clone()
    };
    // The empty text's field becomes the hash's (strings inside the value are escaped, so the
    // first such run of characters is the field itself). serde_json's `Value` did it with
    // 6.6 KB more of the first load.
    to_json(&details).replacen(r#","text":"""#, &format!(r#","textHash":"{hash}""#), 1)
}

/// The writes that store record `t` as it is now (`None`: gone). An article is two records,
/// its details and its text; a text not read is not written (it is stored as it was).
fn store(writes: &mut Vec<Write>, t: &Touched, now: Option<Record<'_>>) {
    let key = key_of(t);
    match (t, now) {
        (Touched::Document(id), None) => {
            writes.push(Write::Delete(key));
            writes.push(Write::Delete(text_key(id)));
        }
        (_, None) => writes.push(Write::Delete(key)),
        (_, Some(Record::Document(d))) => {
            writes.push(Write::Put(key, document_value(d)));
            if !d.text.is_empty() {
                writes.push(Write::Put(text_key(&d.id), d.text.clone()));
            }
        }
        (_, Some(Record::Annotation(a))) => writes.push(Write::Put(key, to_json(a))),
        (_, Some(Record::Tombstone(x))) => writes.push(Write::Put(key, to_json(x))),
        (_, Some(Record::Dismissal(x))) => writes.push(Write::Put(key, to_json(x))),
    }
}

/// The writes that store `touched` (sorted, each once) as `library` has them now: a record that
/// is gone is deleted. The schema version goes with every write.
pub fn writes_for(library: &Library, touched: &[Touched]) -> Vec<Write> {
    let mut writes = Vec::with_capacity(touched.len() + 1);
    for (t, r) in touched.iter().zip(library.records_of(touched)) {
        store(&mut writes, t, r);
    }
    writes.push(meta());
    writes
}

/// Every record of `library`, to store it whole (moving a library over from the old store).
pub fn all_writes(library: &Library) -> Vec<Write> {
    let mut writes = Vec::new();
    for (t, r) in library.records() {
        store(&mut writes, &t, Some(r));
    }
    writes.push(meta());
    writes
}

/// What reading records found.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Read {
    pub contents: Contents,
    /// Records that could not be read: key, value and why.
    pub unreadable: Vec<(String, String, String)>,
    /// The schema version of the `meta` record, if there is one.
    pub version: Option<u64>,
}

/// The four kinds of record, by key prefix, as named in the single-value form.
const KINDS: [(&str, &str); 4] = [
    ("d:", "documents"),
    ("a:", "annotations"),
    ("t:", "tombstones"),
    ("x:", "dismissed"),
];

/// Records (each a JSON value) as one value of the single-value form, read by its one reader:
/// a second set of readers for single records would cost the first load some 6 KB.
fn as_one_value(parts: &[Vec<&str>; 4]) -> String {
    let mut out = format!("{{\"schemaVersion\":{SCHEMA_VERSION}");
    for ((_, name), values) in KINDS.iter().zip(parts) {
        out.push_str(&format!(",\"{name}\":["));
        out.push_str(&values.join(","));
        out.push(']');
    }
    out.push('}');
    out
}

/// `contents` as one value of the single-value form (what the worker reads to make a file or
/// to read one against the library), made of each record's stored JSON: the page needs no
/// second serialiser for it (`storage::encode` cost the first load 0.6 KB gzip).
pub fn one_value(contents: &Contents) -> String {
    fn each<T: Serialize>(records: &[T]) -> Vec<String> {
        records.iter().map(to_json).collect()
    }
    let parts = [
        each(&contents.documents),
        each(&contents.annotations),
        each(&contents.tombstones),
        each(&contents.dismissed),
    ];
    as_one_value(
        &parts
            .each_ref()
            .map(|p| p.iter().map(String::as_str).collect()),
    )
}

/// Reads stored records (key, value), in any order. Keys of no known kind (records kept aside,
/// articles' texts) are skipped.
pub fn read(records: &[(String, String)]) -> Read {
    let mut out = Read::default();
    let mut parts: [Vec<&str>; 4] = Default::default();
    let mut keys: [Vec<&str>; 4] = Default::default();
    for (key, value) in records {
        if key == META_KEY {
            match serde_json::from_str::<Meta>(value) {
                Ok(m) => out.version = Some(m.schema_version),
                Err(e) => out
                    .unreadable
                    .push((key.clone(), value.clone(), json_error(&e))),
            }
        } else if let Some(i) = KINDS.iter().position(|(p, _)| key.starts_with(p)) {
            parts[i].push(value);
            keys[i].push(key);
        }
    }
    if let Ok(c) = decode(&as_one_value(&parts)) {
        out.contents = c;
        return out;
    }
    // Something is damaged: read one record at a time, to keep all the others.
    for i in 0..KINDS.len() {
        for (key, value) in keys[i].iter().zip(&parts[i]) {
            let mut one: [Vec<&str>; 4] = Default::default();
            one[i].push(value);
            match decode(&as_one_value(&one)) {
                Ok(c) => {
                    let all = &mut out.contents;
                    all.documents.extend(c.documents);
                    all.annotations.extend(c.annotations);
                    all.tombstones.extend(c.tombstones);
                    all.dismissed.extend(c.dismissed);
                }
                Err(e) => {
                    (out.unreadable).push((key.to_string(), value.to_string(), e.to_string()))
                }
            }
        }
    }
    out
}

/// Gives stored articles read without their texts the texts among `records` (the
/// [`TEXT_PREFIX`] ones; others are skipped). Returns how many it gave.
pub fn fill_texts(library: &mut Library, records: Vec<(String, String)>) -> usize {
    let mut filled = 0;
    for (key, text) in records {
        if let Some(id) = key.strip_prefix(TEXT_PREFIX) {
            filled += usize::from(library.fill_text(id, text));
        }
    }
    filled
}

/// What start-up found, and what it must write before the user's first change.
#[derive(Debug)]
pub struct Opened {
    /// The library as stored (its journal empty).
    pub library: Library,
    /// Writes to make at once: records moved over from the old store, unreadable records
    /// moved aside.
    pub writes: Vec<Write>,
    /// The old store's library is in `writes`: remove it from there once they are written
    /// (until then it stays).
    pub remove_old: bool,
    /// Whether changes may be written (not over a library of a newer claimmark).
    pub writable: bool,
    pub problem: Option<LoadProblem>,
}

/// Start-up: the stored records, and the old store (`localStorage`), whose library value, if
/// any, is merged in and written as records. One that cannot be read is copied aside there,
/// under a new key. Unreadable records are moved aside. A library of a newer claimmark is
/// neither shown nor written over. `now` names a key copied aside.
pub fn open(
    seeds: Vec<Document>,
    records: Vec<(String, String)>,
    old: &dyn KeyValueStore,
    now: i64,
) -> Opened {
    let found = read(&records);
    let too_new = |version| Opened {
        library: Library::new(seeds.clone()),
        writes: Vec::new(),
        remove_old: false,
        writable: false,
        problem: Some(LoadProblem::TooNew { version }),
    };
    if let Some(v) = found.version.filter(|&v| v > RECORDS_VERSION) {
        return too_new(v);
    }
    let mut writes = Vec::new();
    // Articles stored with their texts (schema 3) are stored again as details and text apart,
    // in the same first write: until it lands they stay as they were, and are read again so.
    for d in found
        .contents
        .documents
        .iter()
        .filter(|d| !d.text.is_empty())
    {
        store(
            &mut writes,
            &Touched::Document(d.id.clone()),
            Some(Record::Document(d)),
        );
    }
    if !writes.is_empty() {
        writes.push(meta());
    }
    let mut problem = None;
    for (key, value, _) in &found.unreadable {
        writes.push(Write::Put(format!("{ASIDE_PREFIX}{key}"), value.clone()));
        writes.push(Write::Delete(key.clone()));
    }
    if let Some((key, _, why)) = found.unreadable.first() {
        problem = Some(LoadProblem::RecordsAside {
            count: found.unreadable.len(),
            first: format!("{key}: {why}"),
        });
    }
    let mut library = Library::with_contents(seeds.clone(), found.contents);
    let mut remove_old = false;
    match old.get(LIBRARY_KEY).ok().flatten() {
        None => {}
        Some(raw) => match decode(&raw) {
            Ok(contents) => {
                library.merge(contents);
                writes.extend(all_writes(&library));
                remove_old = true;
            }
            Err(DecodeError::TooNew(version)) => return too_new(version),
            Err(e) => {
                let reason = e.to_string();
                // Copied aside and removed; or, where it cannot be copied, it stays where it
                // is (nothing writes there any more).
                let backup_key = keep_aside(old, &raw, now)
                    .inspect(|_| drop(old.remove(LIBRARY_KEY)))
                    .unwrap_or_else(|_| LIBRARY_KEY.into());
                problem = Some(LoadProblem::KeptAside { backup_key, reason });
            }
        },
    }
    library.forget_journal();
    Opened {
        library,
        writes,
        remove_old,
        writable: true,
        problem,
    }
}

/// The keys start-up reads first, `[from, to)`: the articles' details (`d:`) and the schema
/// version (`meta`), with the records kept aside (`aside:`) among them. The claims (`a:`) sort
/// before, deletion records and dismissals (`t:`, `x:`) and the texts after.
pub const LISTING: (&str, &str) = ("a;", "t:");

/// What start-up shows first, read from the records of [`LISTING`].
#[derive(Debug)]
pub struct Listing {
    /// The stored articles' details, the claims not read yet (they are taken in by
    /// [`Library::claims_read`]).
    pub library: Library,
    /// `false` for a library of a newer claimmark: it lists only the samples, and nothing is
    /// written.
    pub writable: bool,
}

/// Reads the listing as [`open`] reads a library (the old store's library is left to the full
/// reading, which moves it over, and so are records that cannot be read).
pub fn listing(seeds: Vec<Document>, records: Vec<(String, String)>) -> Listing {
    let opened = open(seeds, records, &NoStore, 0);
    Listing {
        library: opened.library.listing(),
        writable: opened.writable,
    }
}

/// Which records wait to be written, and the one write under way.
#[derive(Debug, Default)]
pub struct Saver {
    waiting: Vec<Touched>,
    writing: Option<Vec<Touched>>,
}

impl Saver {
    /// Notes changed records (from [`Library::take_journal`]).
    pub fn note(&mut self, touched: Vec<Touched>) {
        self.waiting.extend(touched);
    }

    /// The next write, if none is under way and records wait.
    pub fn start(&mut self, library: &Library) -> Option<Vec<Write>> {
        if self.writing.is_some() || self.waiting.is_empty() {
            return None;
        }
        let mut touched = std::mem::take(&mut self.waiting);
        crate::domain::order::sort_by(&mut touched, &|a, b| a.cmp(b));
        touched.dedup();
        let writes = writes_for(library, &touched);
        self.writing = Some(touched);
        Some(writes)
    }

    /// The write under way ended. Returns the records written (to tell other tabs); after a
    /// failure they wait again, for the next write.
    pub fn finish(&mut self, ok: bool) -> Vec<Touched> {
        let done = self.writing.take().unwrap_or_default();
        if ok {
            return done;
        }
        self.waiting.extend(done);
        Vec::new()
    }

    /// How many records are not yet written.
    pub fn unsaved(&self) -> usize {
        self.waiting.len() + self.writing.as_ref().map_or(0, Vec::len)
    }
}

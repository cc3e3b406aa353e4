//! The record store's interface, and a store in memory.

use std::cell::{Cell, RefCell};

use super::Write;
use crate::domain::storage::StoreError;

/// Called with the records read: (key, value) pairs.
pub type OnRead = Box<dyn FnOnce(Result<Vec<(String, String)>, StoreError>)>;

/// Records by key, written in batches that land whole or not at all. The browser's IndexedDB
/// answers later (it takes callbacks); [`MemoryRecords`] at once.
pub trait RecordStore {
    /// Every record, in one pass.
    fn read_all(&self, done: OnRead);
    /// The records of these keys that exist.
    fn read(&self, keys: Vec<String>, done: OnRead);
    /// All of `writes`, or none of them.
    fn write(&self, writes: Vec<Write>, done: Box<dyn FnOnce(Result<(), StoreError>)>);
}

/// Records in memory, for tests and benchmarks: it fails on demand (a quota in bytes, like a
/// browser's, or a failure of the next write).
#[derive(Debug, Default)]
pub struct MemoryRecords {
    /// Sorted by key.
    records: RefCell<Vec<(String, String)>>,
    quota: Option<usize>,
    fail_next: Cell<bool>,
    /// Bytes of keys and values held.
    size: Cell<usize>,
    /// Writes that landed, for tests to count.
    pub writes: Cell<usize>,
}

impl MemoryRecords {
    pub fn with_quota(quota: usize) -> Self {
        Self {
            quota: Some(quota),
            ..Self::default()
        }
    }

    /// The next write fails (as a disk error would), changing nothing.
    pub fn fail_next_write(&self) {
        self.fail_next.set(true);
    }

    /// Every record, sorted by key.
    pub fn all(&self) -> Vec<(String, String)> {
        self.records.borrow().clone()
    }

    pub fn get(&self, key: &str) -> Option<String> {
        let r = self.records.borrow();
        let i = r.binary_search_by(|(k, _)| k.as_str().cmp(key)).ok()?;
        Some(r[i].1.clone())
    }

    /// Writes at once (what [`RecordStore::write`] does, without the callback). In place, in
    /// time proportional to the writes; undone whole when the quota is passed.
    pub fn apply(&self, writes: &[Write]) -> Result<(), StoreError> {
        if self.fail_next.replace(false) {
            return Err(StoreError::Failed("disk error (injected)".into()));
        }
        let mut records = self.records.borrow_mut();
        // What each write replaced, to undo them all (in reverse) if the quota is passed.
        let mut undo: Vec<(String, Option<String>)> = Vec::new();
        let mut size = self.size.get();
        for w in writes {
            let key = match w {
                Write::Put(k, _) | Write::Delete(k) => k,
            };
            let at = records.binary_search_by(|(k, _)| k.as_str().cmp(key));
            let before = match (w, at) {
                (Write::Put(_, v), Ok(i)) => Some(std::mem::replace(&mut records[i].1, v.clone())),
                (Write::Put(k, v), Err(i)) => {
                    records.insert(i, (k.clone(), v.clone()));
                    None
                }
                (Write::Delete(_), Ok(i)) => Some(records.remove(i).1),
                (Write::Delete(_), Err(_)) => continue,
            };
            size -= before.as_ref().map_or(0, |v| key.len() + v.len());
            if let Write::Put(k, v) = w {
                size += k.len() + v.len();
            }
            undo.push((key.clone(), before));
        }
        if self.quota.is_some_and(|q| size > q) {
            for (key, before) in undo.into_iter().rev() {
                let at = records.binary_search_by(|(k, _)| k.as_str().cmp(&key));
                match (before, at) {
                    (Some(v), Ok(i)) => records[i].1 = v,
                    (Some(v), Err(i)) => records.insert(i, (key, v)),
                    (None, Ok(i)) => {
                        records.remove(i);
                    }
                    (None, Err(_)) => {}
                }
            }
            return Err(StoreError::Full);
        }
        self.size.set(size);
        self.writes.set(self.writes.get() + 1);
        Ok(())
    }
}

impl RecordStore for MemoryRecords {
    fn read_all(&self, done: OnRead) {
        done(Ok(self.all()));
    }

    fn read(&self, keys: Vec<String>, done: OnRead) {
        done(Ok((keys.into_iter())
            .filter_map(|k| self.get(&k).map(|v| (k, v)))
            .collect()));
    }

    fn write(&self, writes: Vec<Write>, done: Box<dyn FnOnce(Result<(), StoreError>)>) {
        done(self.apply(&writes));
    }
}

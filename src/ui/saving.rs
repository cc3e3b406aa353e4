//! Persisting: each change of the library writes the records it touched, one transaction at a
//! time; other tabs' writes are heard and merged.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use leptos::prelude::*;

use super::state::AppState;
use crate::browser;
use crate::browser::records::{Channel, Records};
use crate::domain::library::Library;
use crate::domain::records::{fill_texts, read, Saver, Write};
use crate::domain::storage::{storage_line, KeyValueStore, LIBRARY_KEY, PERSON_KEY};
use crate::domain::sync::{TeamSettings, SETTINGS_KEY};

/// Sets up the one effect that persists, and the channel on which other tabs' writes arrive.
/// Nothing is written, and the journal is left alone (what is changed meanwhile is kept), until
/// the library's claims are read and [`Saving::claims_read`] is told what start-up must write
/// first.
pub fn persist(state: AppState, records: Option<Rc<Records>>, writable: bool) -> Saving {
    let saving = Saving {
        state,
        records: records.clone(),
        saver: Rc::default(),
        channel: Rc::new(None),
        load_problem: Rc::default(),
        first: Rc::default(),
        old: Rc::default(),
    };
    let unread = move || state.library.with_untracked(Library::claims_unread);
    if records.is_some() && writable {
        let heard = saving.clone();
        let channel = Channel::open(move |keys| heard.hear(keys));
        let saving = Saving {
            channel: Rc::new(channel),
            ..saving.clone()
        };
        // Each change of the library writes the records it touched (and only those), in one
        // transaction. At once, as the change is made (an immediate effect): the write is under
        // way before the page is drawn again, not queued behind the redrawing.
        let save = send_wrapper::SendWrapper::new(move || {
            state.library.track();
            if unread() {
                return;
            }
            let touched =
                (state.library.try_update_untracked(Library::take_journal)).unwrap_or_default();
            if !touched.is_empty() {
                let n = touched.len() as u64;
                state.backup.update(|b| b.changes += n);
            }
            saving.saver.borrow_mut().note(touched);
            saving.pump();
        });
        ImmediateEffect::new_scoped(move || (*save)());
    } else {
        // Nothing is written: the journal is only emptied.
        Effect::new(move |_| {
            state.library.track();
            if !unread() {
                state.library.try_update_untracked(Library::take_journal);
            }
        });
    }
    saving
}

/// Writing the library's records, one transaction at a time, and hearing other tabs' writes.
#[derive(Clone)]
pub struct Saving {
    state: AppState,
    records: Option<Rc<Records>>,
    saver: Rc<RefCell<Saver>>,
    channel: Rc<Option<Channel>>,
    /// Start-up found a problem with storage (it stays shown after a save).
    load_problem: Rc<Cell<bool>>,
    /// What start-up must write before any change: a library moved over from the old store,
    /// records set aside.
    first: Rc<RefCell<Vec<Write>>>,
    /// The old store, to remove the library moved over from it once it is written.
    old: Rc<RefCell<Option<Rc<dyn KeyValueStore>>>>,
}

impl Saving {
    /// The claims are read (the library is about to take them in): `first` is what start-up
    /// must write before any change; `old`, the old store to remove the library moved over
    /// from once that is written.
    pub fn claims_read(
        &self,
        first: Vec<Write>,
        old: Option<Rc<dyn KeyValueStore>>,
        load_problem: bool,
    ) {
        *self.first.borrow_mut() = first;
        *self.old.borrow_mut() = old;
        self.load_problem.set(load_problem);
    }

    /// Starts the next write, if records wait and none is under way.
    fn pump(&self) {
        let Some(records) = self.records.clone() else {
            return;
        };
        let first = std::mem::take(&mut *self.first.borrow_mut());
        let changes = first.is_empty();
        let writes = match changes {
            false => first,
            true => match (self.state.library).with_untracked(|l| self.saver.borrow_mut().start(l))
            {
                Some(w) => w,
                None => return,
            },
        };
        let me = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let result = records.write(&writes).await;
            if changes {
                me.saver.borrow_mut().finish(result.is_ok());
            }
            let state = me.state;
            match result {
                Ok(()) => {
                    if let (false, Some(old)) = (changes, &*me.old.borrow()) {
                        let _ = old.remove(LIBRARY_KEY);
                    }
                    if !me.load_problem.get() {
                        state.storage_problem.set(None);
                    }
                    // At the first save, ask the browser not to clear the library under
                    // pressure.
                    if state.kept.get_untracked().is_none() {
                        state.kept.set(Some(storage_line(None, None, None)));
                        browser::offline::keep_storage(move |kept, usage, quota| {
                            state.kept.set(Some(storage_line(kept, usage, quota)));
                        });
                    }
                    if let (true, Some(c)) = (changes, me.channel.as_ref()) {
                        c.tell(&writes);
                    }
                    me.pump();
                }
                Err(e) => state.storage_problem.set(Some(format!(
                    "Your latest changes could not be saved: {e}. Nothing is lost while this tab stays open; download your work to keep it."
                ))),
            }
        });
    }

    /// Another tab wrote these records: merge them in by the usual rules.
    fn hear(&self, records: Vec<(String, String)>) {
        if let Some((_, name)) = records.iter().find(|(k, _)| k == PERSON_KEY) {
            (self.state.library).update_untracked(|l| l.set_person(name));
        }
        // The team sync page was asked to stay connected: sync in this tab's background too.
        if (records.iter()).any(|(k, v)| k == SETTINGS_KEY && TeamSettings::keeps_connection(v)) {
            crate::browser::sync_in_background();
        }
        let contents = read(&records).contents;
        self.state.library.update(|l| {
            l.merge(contents);
            // An article added or replaced there comes with its text.
            fill_texts(l, records);
        });
    }
}

//! Persisting: each change of the library writes the records it touched, one transaction at a
//! time; other tabs' writes are heard and merged.

use std::cell::RefCell;
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
/// `first`: what start-up must write before any change (a library moved over from the old
/// store, records set aside); `old`: the old store, to remove the library moved over from it
/// once that is written.
pub fn persist(
    state: AppState,
    records: Option<Rc<Records>>,
    writable: bool,
    load_problem: bool,
    first: Vec<Write>,
    old: Option<Rc<dyn KeyValueStore>>,
) {
    let saving = Saving {
        state,
        records: records.clone(),
        saver: Rc::default(),
        channel: Rc::new(None),
        load_problem,
        first: Rc::new(RefCell::new(first)),
        old,
    };
    if records.is_some() && writable {
        let heard = saving.clone();
        let channel = Channel::open(move |keys| heard.hear(keys));
        let saving = Saving {
            channel: Rc::new(channel),
            ..saving
        };
        // Each change of the library writes the records it touched (and only those), in one
        // transaction. At once, as the change is made (an immediate effect): the write is under
        // way before the page is drawn again, not queued behind the redrawing.
        let save = send_wrapper::SendWrapper::new(move || {
            state.library.track();
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
            state.library.try_update_untracked(Library::take_journal);
        });
    }
}

/// Writing the library's records, one transaction at a time, and hearing other tabs' writes.
#[derive(Clone)]
struct Saving {
    state: AppState,
    records: Option<Rc<Records>>,
    saver: Rc<RefCell<Saver>>,
    channel: Rc<Option<Channel>>,
    load_problem: bool,
    /// What start-up must write before any change: a library moved over from the old store,
    /// records set aside.
    first: Rc<RefCell<Vec<Write>>>,
    /// The old store, to remove the library moved over from it once it is written.
    old: Option<Rc<dyn KeyValueStore>>,
}

impl Saving {
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
                    if let (false, Some(old)) = (changes, &me.old) {
                        let _ = old.remove(LIBRARY_KEY);
                    }
                    if !me.load_problem {
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

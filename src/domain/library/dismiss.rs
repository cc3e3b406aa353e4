//! Suggestions the user dismissed, and undoing that; the later record wins across tabs.

use super::{Library, Touched};
use crate::domain::annotation::Dismissal;

impl Library {
    /// Remembers that the user dismissed the suggestion of `exact` in `doc`.
    pub fn dismiss(&mut self, doc: &str, exact: &str, now: i64) {
        self.set_dismissed(doc, exact, now, false);
    }

    /// Undoes a dismissal: the claim is suggested again. `false` if it was not dismissed.
    pub fn undismiss(&mut self, doc: &str, exact: &str, now: i64) -> bool {
        self.is_dismissed(doc, exact) && self.set_dismissed(doc, exact, now, true)
    }

    /// Records a dismissal or its undoing, later than any record of it so far.
    fn set_dismissed(&mut self, doc: &str, exact: &str, now: i64, undone: bool) -> bool {
        let changed = self.record_dismissal(doc, exact, now, undone);
        if changed {
            self.touch(Touched::Dismissal(doc.to_owned(), exact.to_owned()));
        }
        changed
    }

    fn record_dismissal(&mut self, doc: &str, exact: &str, now: i64, undone: bool) -> bool {
        let found = self
            .dismissed
            .iter_mut()
            .find(|d| d.doc == doc && d.exact == exact);
        match found {
            Some(d) if d.undone == undone => false,
            Some(d) => {
                d.at = now.max(d.at.saturating_add(1));
                d.undone = undone;
                true
            }
            None => {
                self.dismissed.push(Dismissal {
                    doc: doc.to_owned(),
                    exact: exact.to_owned(),
                    at: now,
                    undone,
                });
                true
            }
        }
    }

    pub fn is_dismissed(&self, doc: &str, exact: &str) -> bool {
        self.dismissed
            .iter()
            .any(|d| d.doc == doc && d.exact == exact && !d.undone)
    }
}

//! The library before its claims are read: start-up shows the list from the articles' details,
//! then reads the claims (tens of thousands in a library of years) and takes them in, keeping
//! whatever was changed meanwhile.

use super::Library;

impl Library {
    /// This library (the stored articles' details) as the list first shows it, its claims not
    /// read yet.
    pub fn listing(self) -> Library {
        Library {
            unread: true,
            ..self
        }
    }

    /// Whether the stored claims are still to be read ([`Library::listing`]).
    pub fn claims_unread(&self) -> bool {
        self.unread
    }

    /// The claims are read: this library becomes `stored` (the library as stored, read whole),
    /// with what was changed here meanwhile merged in by the usual rules (and in the journal,
    /// to be written), the texts read meanwhile, and who is marking claims here.
    pub fn claims_read(&mut self, mut stored: Library) {
        stored.forget_journal();
        // What was changed here is what differs from what is stored: merging finds it.
        stored.merge(self.contents());
        for d in &mut self.docs {
            if !d.text.is_empty() {
                stored.fill_text(&d.id, std::mem::take(&mut d.text));
            }
        }
        stored.person = std::mem::take(&mut self.person);
        // What the list shows changed: the claims' counts.
        stored.journal.listed = stored.journal.listed.max(self.journal.listed) + 1;
        // And every claim: whatever was worked out from the library before is out of date.
        stored.journal.revision = stored.journal.revision.max(self.journal.revision) + 1;
        *self = stored;
    }
}

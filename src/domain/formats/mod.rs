//! What fact-checkers hand on, made from the library: CSV for spreadsheets, ClaimReview drafts
//! (schema.org JSON-LD), and the claims each of those lists, placed where the reader shows
//! them; and Hypothesis exports read in. (The W3C file, claimmark's own, is `domain::w3c`.)

mod claimreview;
mod csv;
pub mod hypothesis;
mod report;

pub use claimreview::{claim_reviews, Organisation};
pub use csv::{cell, csv, COLUMNS};
pub use report::{report, Report};

use super::annotation::{Annotation, Status};
use super::document::Document;
use super::library::Library;
use super::text::IndexedText;

/// A claim with its article and where it stands in the text now.
pub struct ClaimRow<'a> {
    pub doc: &'a Document,
    pub annotation: &'a Annotation,
    /// `None`: its quote is not in the text.
    pub span: Option<(usize, usize)>,
}

impl ClaimRow<'_> {
    /// "" (in place), "moved" (to confirm) or "not found".
    pub fn status(&self) -> &'static str {
        match (self.annotation.status, self.span) {
            (Status::Orphan, _) | (_, None) => "not found",
            (Status::Moved, Some(_)) => "moved",
            (Status::Anchored, Some(_)) => "",
        }
    }
}

/// The claims of one article (`doc`) or of all, article by article in library order, each
/// article's in text order.
pub fn claims_of<'a>(library: &'a Library, doc: Option<&str>) -> Vec<ClaimRow<'a>> {
    library
        .documents()
        .iter()
        .filter(|d| doc.is_none_or(|id| d.id == id))
        .flat_map(|d| {
            let text = IndexedText::new(d.text.as_str());
            library
                .placed(d, &text)
                .into_iter()
                .map(|p| ClaimRow {
                    doc: d,
                    annotation: p.annotation,
                    span: p.span,
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

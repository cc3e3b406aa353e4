//! Sayings of more than one word that the verb lists cannot hold: "summed up", "played down",
//! "issued a plea", "has called for".

use super::lower;
use crate::domain::assistant::tokens::{capitalised, Word};

/// "Mr. Trump has called for spending $1 trillion": a demand made, by someone named ("The plan
/// calls for" is a document's; "crowds of protesters have called for his ouster", a protest's).
pub(super) fn calling_for(ws: &[Word], i: usize, verb: &str) -> bool {
    let by_someone = || {
        let k = (0..i)
            .rev()
            .find(|&k| !matches!(ws[k].lower(), "has" | "have" | "had" | "also"));
        k.is_some_and(|k| capitalised(&ws[k]) || matches!(ws[k].lower(), "he" | "she"))
    };
    verb == "called" && lower(ws, i + 1) == "for" && by_someone()
}

/// "Schultze once summed up the danger of deficits with a metaphor", "Lankford played down that
/// threat", "Parry issued a plea for people to …", "the company issued a warning" (not "issued a
/// statement that appeared to …": the statement told of; what it says follows it).
pub(super) fn saying(ws: &[Word], i: usize, verb: &str) -> bool {
    matches!(verb, "summed" | "sums") && lower(ws, i + 1) == "up"
        || matches!(verb, "played" | "plays") && lower(ws, i + 1) == "down"
        || matches!(verb, "downplayed" | "downplays")
        || matches!(verb, "issued" | "issues")
            && matches!(lower(ws, i + 1), "a" | "an")
            && matches!(
                lower(ws, i + 2).trim_end_matches([',', '.', ':', ';']),
                "plea"
                    | "warning"
                    | "appeal"
                    | "apology"
                    | "denial"
                    | "rebuke"
                    | "ultimatum"
                    | "reminder"
            )
}

//! Sayings of more than one word that the verb lists cannot hold: "summed up", "played down",
//! "issued a plea", "has called for", "responded that SLS is"; and some that are none: "wrote
//! for ‘Mukto Mona’", "said she couldn't comment", "testified Tuesday before".

use super::lower;
use crate::domain::assistant::tokens::{capitalised, Word};
use crate::domain::assistant::words::{NEUTER, PERSONAL, PLURAL, SPOKESPEOPLE, STATE_BODIES};

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
        // "The Afghan government has ruled out Taliban involvement": a denial, by a body that
        // speaks ("Heavy rain ruled out play", "Tests ruled out lead", "The court ruled out a
        // retrial": no one's words).
        || matches!(verb, "ruled" | "rules") && lower(ws, i + 1) == "out" && {
            let k = (0..i)
                .rev()
                .find(|&k| !matches!(ws[k].lower(), "has" | "have" | "had" | "also" | "now"));
            k.is_some_and(|k| {
                let l = ws[k].lower();
                STATE_BODIES.contains(&l) || SPOKESPEOPLE.contains(&l)
            })
        }
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

/// After "wrote for" (the publication from `at`): a publication's name ("‘Mukto Mona’", "The
/// Guardian") with nothing said after it; "wrote for Politico that …", "wrote for The
/// Guardian: …" and a quotation right after the name say something.
pub(super) fn writes_for(ws: &[Word], at: usize) -> bool {
    let start = at + usize::from(lower(ws, at) == "the");
    // The name: capitalised words, up to the first that ends a clause.
    let mut end = start;
    while end < ws.len() && capitalised(&ws[end]) {
        end += 1;
        if ws[end - 1].ends_clause() {
            break;
        }
    }
    let named = end > start;
    let says = ws[start..end]
        .last()
        .is_some_and(|w| w.raw().ends_with(':'))
        || ws
            .get(end)
            .is_some_and(|w| w.is("that") || w.raw().starts_with(['“', '"']));
    named && !says
}

/// Whether a clause (a subject) opens at `k`: "that SLS is", "that her father had", not "that
/// morning" or "that model".
pub(super) fn clause_follows(ws: &[Word], k: usize) -> bool {
    let w = lower(ws, k);
    ws.get(k).is_some_and(capitalised)
        || [PERSONAL, PLURAL, NEUTER]
            .iter()
            .any(|list| list.contains(&w))
        || matches!(
            w,
            "we" | "i" | "you" | "there" | "the" | "a" | "an" | "this" | "no" | "none"
        )
}

/// Whether the words from `from` say that someone could not or would not comment, and
/// nothing more: "she couldn't comment", "he was unable to comment", "they declined to
/// comment" (not "… couldn't comment but said …", nor "was not a comment on").
pub(super) fn refuses_comment(ws: &[Word], from: usize) -> bool {
    let refusal = (from + 1..ws.len().min(from + 7)).any(|k| {
        let word = lower(ws, k).trim_end_matches([',', '.', ';']);
        let before = lower(ws, k - 1);
        matches!(word, "comment" | "commenting")
            && (matches!(before, "not" | "cannot" | "no")
                || before.ends_with("n't")
                || before.ends_with("n’t")
                || before == "to"
                    && matches!(lower(ws, k - 2), "unable" | "declined" | "refused" | "not"))
    });
    refusal && !(from..ws.len()).any(|k| matches!(lower(ws, k), "but" | "though" | "although"))
}

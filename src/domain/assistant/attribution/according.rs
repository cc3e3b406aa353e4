//! Attributions without a verb of saying: "according to X", "per the WHO", "in the words of
//! X", and "Buckley had a similar experience: “…”".

use super::clause::sentence_subject;
use super::speaker::{named, speaker_of};
use super::{lower, Speaker};
use crate::domain::assistant::tokens::{capitalised, run_after, Word};
use crate::domain::assistant::words::GROUPS;

/// The speaker of "according to" or "per" at `ws[i]`, if that is what `ws[i]` opens.
/// (Not "per cent", "per share".)
pub(super) fn according_to(ws: &[Word], i: usize, outlet: Option<&str>) -> Option<Speaker> {
    let w = &ws[i];
    // "in the words of the patient", "in the words of Dr. Ruiz".
    let words_of = w.is("words") && lower(ws, i + 1) == "of" && i > 0 && lower(ws, i - 1) == "the";
    if words_of {
        return speaker_of(ws, i + 2, clause_end(ws, i + 2).min(i + 8), outlet);
    }
    let per = w.is("per")
        && (ws.get(i + 1).is_some_and(capitalised)
            || lower(ws, i + 1) == "the" && ws.get(i + 2).is_some_and(capitalised));
    if !(w.is("according") && lower(ws, i + 1) == "to" || per) {
        return None;
    }
    let from = if per { i + 1 } else { i + 2 };
    let end = clause_end(ws, from);
    // A short phrase that ends the clause is the name whole: "the US military.",
    // "the Kuwaiti paper Al-Jarida", "Iraqi state media".
    let end = end.min(from + 8);
    // "according to data from MarketAxess", "analysis from Poynter": whose it is.
    let from = (from..end)
        .find(|&k| ws[k].is("from") && ws[from..k].iter().all(|w| !capitalised(w)))
        .map_or(from, |k| k + 1);
    // ("Iraqi state media": a people names it here.)
    let whole = end - from <= 5
        && ws[from..end]
            .iter()
            .any(|w| w.core().starts_with(char::is_uppercase) && !w.is("the"))
        && !ws[from..end]
            .iter()
            .any(|w| w.is("by") || !capitalised(w) && GROUPS.contains(&w.lower()));
    // "according to court records", "according to federal prison records": the records of
    // an office are a document, the source (RULES.md, "the explanatory notes of the Bill").
    if let Some((x, y)) = official_records(ws, from, end) {
        return Some(named(ws, x, y, outlet));
    }
    // "According to Al-Jarida Israel had sought …": the name right after "to".
    let leading = run_after(ws, from, end).filter(|&(x, _)| x == from);
    // "According to his aunt, Jane Starner, …": the name in apposition.
    let apposed = (!whole && leading.is_none() && end < ws.len())
        .then(|| ws[end - 1].raw().ends_with(','))
        .filter(|&comma| comma)
        .and_then(|_| run_after(ws, end, ws.len().min(end + 5)))
        .filter(|&(x, y)| x == end && ws[y - 1].ends_clause());
    if let Some((x, y)) = apposed {
        Some(named(ws, x, y, outlet))
    } else if whole {
        Some(named(ws, from, end, outlet))
    } else if let Some((x, y)) = leading {
        Some(named(ws, x, y, outlet))
    } else {
        speaker_of(ws, from, end, outlet)
    }
}

/// The name, when `ws[from..end]` is an office's records: "(the) court documents", "federal
/// prison records", "a court filing", "court documents filed Monday in federal court" (the
/// name ends at the noun). Every word before the noun names an office: not "records" alone,
/// "internal documents", "his court papers" or "tax documents" (whose, unknown).
fn official_records(ws: &[Word], from: usize, end: usize) -> Option<(usize, usize)> {
    let from = match lower(ws, from) {
        "the" | "a" | "an" => from + 1,
        _ => from,
    };
    let record = |w: &Word| {
        matches!(
            w.lower().trim_end_matches(['.', ',', ';', ':']),
            "records"
                | "record"
                | "documents"
                | "document"
                | "filings"
                | "filing"
                | "papers"
                | "transcripts"
                | "transcript"
        )
    };
    let head = (from..end).find(|&k| record(&ws[k]))?;
    let office = |w: &Word| {
        matches!(
            w.lower(),
            "court"
                | "prison"
                | "police"
                | "jail"
                | "federal"
                | "state"
                | "county"
                | "city"
                | "public"
                | "government"
                | "census"
                | "hospital"
                | "military"
                | "bankruptcy"
                | "booking"
                | "newly"
                | "released"
        )
    };
    let modifiers = &ws[from..head];
    let after = head + 1 == end
        || matches!(
            lower(ws, head + 1),
            "filed" | "released" | "obtained" | "reviewed" | "seen" | "unsealed" | "made" | "and"
        );
    ((1..=3).contains(&modifiers.len())
        && modifiers.iter().all(office)
        && modifiers
            .iter()
            .any(|w| !matches!(w.lower(), "newly" | "released"))
        && after)
        .then_some((from, head + 1))
}

/// Past the word that ends the clause or sentence begun at `from` (a comma, colon, dash or
/// period), or the unit's end.
fn clause_end(ws: &[Word], from: usize) -> usize {
    (from..ws.len())
        .find(|&k| ws[k].ends_clause() || ws[k].raw().ends_with('.'))
        .map_or(ws.len(), |k| k + 1)
}

/// "Buckley, who phoned in from the set, had a similar experience: “It was …”", "Steenburgen
/// has found one drawback: “…”": a quotation after a colon that ends a clause with no verb of
/// saying is the words of that clause's subject. The colon's index and its speaker.
pub(super) fn colon_quote(
    ws: &[Word],
    inside: &[bool],
    outlet: Option<&str>,
) -> Option<(usize, Speaker)> {
    let q = |w: &Word| inside.get(w.at).copied().unwrap_or(false);
    let c = (1..ws.len().saturating_sub(1)).find(|&k| {
        ws[k].raw().ends_with(':') && ws[k + 1].raw().starts_with(['“', '"']) && !q(&ws[k])
    })?;
    let (a, b) = sentence_subject(ws, inside, c)?;
    let b = if ws[b - 1].ends_clause() { b - 1 } else { b };
    let speaker = speaker_of(ws, a, b.max(a + 1), outlet)?;
    matches!(
        speaker,
        Speaker::Named(_) | Speaker::Refers(super::Ref::Person(_))
    )
    .then_some((c, speaker))
}

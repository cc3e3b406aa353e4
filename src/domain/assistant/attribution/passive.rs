//! Attributions without a subject before a verb: passive publishing ("was shared by X") and a
//! document's findings ("Among its key findings:").

use super::speaker::named;
use super::{Attribution, Ref, Speaker};
use crate::domain::assistant::tokens::{run_after, Word};

/// Passive publishing: "was shared by X", "was called … by the New Yorker".
pub(super) fn passive_by(
    ws: &[Word],
    inside: &[bool],
    outlet: Option<&str>,
    out: &mut Vec<Attribution>,
) {
    let q = |k: usize| inside.get(ws[k].at).copied().unwrap_or(false);
    for i in 1..ws.len() {
        let be = matches!(
            ws[i - 1].lower(),
            "is" | "are" | "was" | "were" | "been" | "being" | "be"
        );
        let published = matches!(
            ws[i].lower(),
            "shared"
                | "called"
                | "quoted"
                | "posted"
                | "published"
                | "described"
                | "cited"
                | "labeled"
                | "labelled"
                | "dubbed"
                | "branded"
                | "tweeted"
        );
        // "he was told by John Bolton": the teller is the source.
        let told = matches!(
            ws[i].lower(),
            "told" | "informed" | "advised" | "assured" | "warned"
        ) && ws.get(i + 1).is_some_and(|w| w.is("by"));
        // "…, said one legal expert, as reported by the Independent": the outlet passing it on.
        let as_reported = ws[i - 1].is("as")
            && matches!(ws[i].lower(), "reported" | "quoted" | "cited")
            && ws.get(i + 1).is_some_and(|w| w.is("by"));
        if as_reported && !q(i) {
            if let Some((a, b)) = run_after(ws, i + 2, ws.len().min(i + 8)) {
                out.push(Attribution {
                    speaker: named(ws, a, b, outlet),
                    verb: i,
                    outer: true,
                });
            }
            continue;
        }
        if !be || !(published || told) || q(i) {
            continue;
        }
        let by = if told {
            Some(i + 1)
        } else {
            (i + 1..ws.len()).rev().find(|&k| ws[k].is("by") && !q(k))
        };
        if let Some(by) = by {
            if let Some((a, b)) = run_after(ws, by + 1, ws.len()) {
                out.push(Attribution {
                    speaker: named(ws, a, b, outlet),
                    verb: i,
                    outer: false,
                });
            }
        }
    }
}

/// "Among its key findings:", "the only finding that suggests": the document speaks.
pub(super) fn findings(ws: &[Word], inside: &[bool], out: &mut Vec<Attribution>) {
    if !out.is_empty() {
        return;
    }
    let q = |k: usize| inside.get(ws[k].at).copied().unwrap_or(false);
    // ("the findings were published in …" says where, not what.)
    if let Some(i) = (0..ws.len()).find(|&k| {
        !q(k)
            && matches!(
                ws[k].lower(),
                "finding" | "findings" | "conclusion" | "conclusions"
            )
            && !ws[k + 1..ws.len().min(k + 3)]
                .iter()
                .any(|w| matches!(w.lower(), "published" | "appear" | "appeared"))
    }) {
        out.push(Attribution {
            speaker: Speaker::Refers(Ref::Doc),
            verb: i,
            outer: false,
        });
    }
}

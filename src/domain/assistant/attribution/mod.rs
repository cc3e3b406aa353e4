//! Who a unit says says so: every attribution in it (outside quotations), and the one that
//! counts (the most specific identifiable speaker).
//!
//! An attribution is a verb of saying or finding with its speaker: before the verb ("the
//! Pentagon said", "Han Dong-hoon, the leader of the PPP, urged"), after it ("…," said Esper;
//! "say the researchers"), as the object of "told" when the teller is unnamed ("a senior
//! official told Newsweek"), after "according to", after "by" ("a report by X calls …"), or a
//! stance ("the Press Council is concerned …"). A speaker is a name, a pronoun or a definite
//! description ("the company", "the report") to be resolved against what came before, an
//! unnamed group ("officials", "sources"), or the article's own outlet.

use super::gender::Sex;
use super::tokens::{capitalised, run_after, Word};
use super::words::*;

/// What a pronoun or description refers back to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ref {
    /// he, she, his spokesman, the 56-year-old: a person, of the sex the pronoun says.
    Person(Sex),
    /// they, their.
    Plural,
    /// it, its.
    Neuter,
    /// the company, the agency.
    Org,
    /// the report, the statement, the study.
    Doc,
    /// the researchers, the authors.
    Authors,
    /// "a study", "new research": the article's study if it names one, else unnamed.
    AnyStudy,
    /// "told the outlet": the outlet or publication named before.
    Outlet,
    /// "the insider", "the source": the unnamed one met before, by the outlet they told.
    Anonymous,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Speaker {
    Named(String),
    Refers(Ref),
    /// Names no one: "officials", "sources", "many of them".
    Group,
    /// The article's own outlet ("TMZ has learned").
    OwnOutlet,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attribution {
    pub speaker: Speaker,
    /// Index of the verb (or "according") among the unit's words.
    pub verb: usize,
    /// A tag after what it attributes (", the Korea Times reported"), or "according to": the
    /// outer of two nested attributions.
    pub outer: bool,
}

mod according;
mod clause;
mod passive;
mod phrasal;
mod speaker;
mod verbs;

pub use clause::subject_name;
use clause::{clause_start, sentence_subject, subject};
use speaker::{named, speaker_of};
use verbs::{saying, Saying};

pub(super) fn lower(ws: &[Word], i: usize) -> &str {
    ws.get(i).map_or("", |w| w.lower())
}

/// Every attribution of a unit (its words, which of its characters are quoted), in order.
pub fn attributions(ws: &[Word], inside: &[bool], outlet: Option<&str>) -> Vec<Attribution> {
    let q = |w: &Word| inside.get(w.at).copied().unwrap_or(false);
    let mut out = Vec::new();
    for i in 0..ws.len() {
        let w = &ws[i];
        if q(w) {
            continue;
        }
        // "according to X", "per the WHO", "per Feng" (not "per cent", "per share").
        if let Some(s) = according::according_to(ws, i, outlet) {
            out.push(Attribution {
                speaker: s,
                verb: i,
                outer: true,
            });
            continue;
        }
        if w.is("according") && lower(ws, i + 1) == "to" {
            continue;
        }
        // "As Gaiman put it, “…”": whose words follow.
        if matches!(w.lower(), "put" | "puts")
            && lower(ws, i + 1).trim_end_matches([',', ':']) == "it"
        {
            let as_ = (i.saturating_sub(6)..i).rev().find(|&k| ws[k].is("as"));
            if let Some(s) = as_.and_then(|k| speaker_of(ws, k + 1, i, outlet)) {
                out.push(Attribution {
                    speaker: s,
                    verb: i,
                    outer: true,
                });
            }
            continue;
        }
        let Some(Saying {
            verb,
            cognition,
            at: verb_at,
            progressive,
        }) = saying(ws, inside, i)
        else {
            continue;
        };
        // A participle ("…, saying …", "stating that"): its subject is the sentence's, and the
        // sentence's own verb already counts.
        // ("are alleging": a verb in progress, with a subject of its own.)
        let participle = verb.ends_with("ing") && !progressive;
        if participle && !out.is_empty() {
            continue;
        }
        // "pressure him into announcing an inquiry": an act asked of someone, not a saying.
        if participle
            && i > 0
            && matches!(
                ws[i - 1].lower(),
                "into"
                    | "of"
                    | "about"
                    | "for"
                    | "from"
                    | "against"
                    | "toward"
                    | "towards"
                    | "by"
                    | "start"
                    | "keep"
                    | "begin"
            )
        {
            continue;
        }
        // "…, adding that …", "adding: “…”" report words; "adding a small digital clock" is
        // an act.
        // (A verb followed by a comma or colon closes a tag or opens what is said.)
        let tag = w.raw().ends_with([',', ':']);
        let reported = tag
            || ws
                .get(i + 1)
                .is_some_and(|n| n.is("that") || n.raw().starts_with(['“', '"']));
        if verb == "adding" && !(i > 0 && ws[i - 1].ends_clause()) && !reported {
            continue;
        }
        // "has agreed a deal to …", "agreed to pay": a bargain struck, not words reported
        // ("agreed that …", "…, he agreed." are).
        let bargain = ws
            .get(i + 1)
            .is_some_and(|n| matches!(n.lower(), "a" | "an" | "to" | "terms" | "on" | "upon"));
        if verb.starts_with("agree") && bargain && !tag {
            continue;
        }
        // "X said A and said B": the second verb shares the first one's subject.
        if i > 0 && ws[i - 1].is("and") && !out.is_empty() {
            continue;
        }
        // ", says Buser, is …", "…, reports Wee.": a tag inverted after a comma.
        let ends_tag = |w: &Word| w.ends_clause() || w.raw().ends_with('.');
        // (After a comma, or a quotation closed without one: "…efficiency” says André Neu.")
        let after_comma = i > 0 && ws[i - 1].raw().ends_with([',', '”', '"']);
        // ("…, a spokesman, told Newsweek:" is no inversion: Newsweek is who was told.)
        let inverted_tag = !participle
            && !TELLING.contains(&verb)
            && after_comma
            && match ws.get(i + 1) {
                Some(n) if PERSONAL.contains(&n.core().to_lowercase().as_str()) => ends_tag(n),
                Some(n) if capitalised(n) => run_after(ws, i + 1, ws.len().min(i + 8))
                    .is_some_and(|(x, y)| x == i + 1 && ends_tag(&ws[y - 1])),
                // ", says the World Health Organization.", ", said the agency.".
                Some(n) if n.is("the") => {
                    run_after(ws, i + 2, ws.len().min(i + 9))
                        .is_some_and(|(x, y)| x == i + 2 && ends_tag(&ws[y - 1]))
                        || ws.get(i + 2).is_some_and(|h| {
                            ends_tag(h)
                                && (ORG_NOUNS.contains(&h.lower())
                                    || DOC_NOUNS.contains(&h.lower())
                                    || ROLES.contains(&h.lower()))
                        })
                }
                // ", said study co-author Anezina Solomonidou.": titles before the name.
                Some(_) => {
                    let titles = (i + 1..ws.len().min(i + 4))
                        .take_while(|&k| {
                            let l = ws[k].lower();
                            !capitalised(&ws[k])
                                && !ends_tag(&ws[k])
                                && (ROLES.contains(&l)
                                    || PERSON_ROLES.contains(&l)
                                    || TAG_TITLES.contains(&l))
                        })
                        .count();
                    titles > 0
                        && run_after(ws, i + 1 + titles, ws.len().min(i + 8 + titles))
                            .is_some_and(|(x, y)| x == i + 1 + titles && ends_tag(&ws[y - 1]))
                }
                _ => false,
            };
        // ", say officials.", ", said local health officials.": an unnamed group after the verb.
        let group_tag = !participle
            && !TELLING.contains(&verb)
            && after_comma
            && (i + 1..ws.len().min(i + 4))
                .find(|&k| ends_tag(&ws[k]))
                .is_some_and(|k| {
                    // (Two modifiers at most, none a noun of its own: not ", said politicians
                    // have vilified educators.")
                    GROUPS.contains(&ws[k].lower())
                        && !ws[i + 1..=k].iter().any(capitalised)
                        && !ws[i + 1..k].iter().any(|w| {
                            GROUPS.contains(&w.lower())
                                || matches!(
                                    w.lower(),
                                    "have" | "has" | "had" | "is" | "are" | "was" | "were"
                                )
                        })
                });
        let inverted_tag = inverted_tag || group_tag;
        // "McKinley visited the border … and argued that …": a verb after "and" shares the
        // sentence's subject (an earlier verb of saying has been dealt with above).
        // ("… and has accused Beijing of …": past an auxiliary.)
        let conj = |k: usize| (ws[k].is("and") || ws[k].is("but")) && !ws[k].ends_clause();
        let coordinated = i > 0 && conj(i - 1)
            || i > 1 && matches!(ws[i - 1].lower(), "has" | "have" | "had") && conj(i - 2);
        let subject = if participle || coordinated {
            sentence_subject(ws, inside, i)
        } else if inverted_tag {
            None
        } else {
            subject(ws, inside, verb_at)
        };
        let speaker = match subject {
            Some((a, b)) => speaker_of(ws, a, b, outlet),
            // (Not a quotation after the verb: "and said ‘Talk to me …’".)
            None if ws.get(i + 1).is_some_and(Word::opens_quote) => None,
            None => {
                // Inverted: "…," said Esper; "…," he said; say the researchers. (An initial
                // or an abbreviation before a name does not end it: "said Mary E. Lovely",
                // "said U.S. Attorney Nealy Cox".)
                let initial = |k: usize| {
                    let c = ws[k].core();
                    (c.len() == 1 || c.contains('.'))
                        && c.starts_with(char::is_uppercase)
                        && ws.get(k + 1).is_some_and(capitalised)
                };
                let end = (i + 1..ws.len())
                    .find(|&k| {
                        ws[k].ends_clause()
                            || ws[k].raw().ends_with('.')
                                && !TITLES.contains(&ws[k].raw())
                                && !initial(k)
                    })
                    .map_or(ws.len(), |k| k + 1);
                speaker_of(ws, i + 1, end.min(i + 7), outlet)
            }
        };
        if clause::not_asserted(ws, inside, i, verb_at, subject, after_comma) {
            continue;
        }
        let Some(mut speaker) = speaker else { continue };
        // "I think" in a testimony is the speaker's own voice, not an unnamed source.
        let first_person = subject.is_some_and(|(a, b)| b == a + 1 && ws[a].is("i"));
        if cognition && (!matches!(speaker, Speaker::Group) || first_person) {
            continue; // "Trump wants a wall" is about Trump; "media bosses want …" leans on them.
        }
        // What a person "found" or "showed" is an act; what they "revealed" is said.
        let finding_only = matches!(
            verb,
            "found"
                | "finds"
                | "showed"
                | "shows"
                | "determined"
                | "indicated"
                | "indicates"
                | "projects"
                | "reads"
                | "calls"
        );
        let doc_subject = matches!(
            speaker,
            Speaker::Refers(Ref::Doc | Ref::Neuter | Ref::Authors | Ref::AnyStudy)
        ) || subject.is_some_and(|(a, b)| {
            ws[a..b]
                .iter()
                .any(|w| DOC_NOUNS.contains(&w.lower()) || w.is("poll") || w.is("research"))
        });
        // (What a person "has indicated that …" they said.)
        let indicated_that =
            matches!(verb, "indicated" | "indicates") && lower(ws, i + 1) == "that";
        // "The Lancet Commission on pollution and health found that …": a body's finding,
        // reported. (A person's "found that" stays what they did.)
        // (Asked only of a finding.)
        let body_found_that = || {
            matches!(verb, "found" | "finds" | "determined")
                && lower(ws, i + 1) == "that"
                // (Capitalised as a name, not only to open the sentence: "Police found that …".)
                && subject.is_some_and(|(a, b)| {
                    (a.max(1)..b)
                        .any(|k| capitalised(&ws[k]) && ORG_NOUNS.contains(&ws[k].lower()))
                })
        };
        if finding_only
            && !indicated_that
            && !doc_subject
            && !body_found_that()
            && !matches!(speaker, Speaker::Group)
        {
            // "Police found a body": an act, not a finding reported.
            continue;
        }
        // "X told Newsweek": an unnamed teller, a named listener: the outlet that reports it.
        if TELLING.contains(&verb) && matches!(speaker, Speaker::Group | Speaker::OwnOutlet) {
            if let Some((x, y)) = run_after(ws, i + 1, (i + 4).min(ws.len())) {
                if x == i + 1 {
                    speaker = named(ws, x, y, outlet);
                }
            }
            // "an insider told the outlet": the outlet named before.
            if lower(ws, i + 1) == "the"
                && matches!(
                    lower(ws, i + 2).trim_end_matches([',', '.']),
                    "outlet"
                        | "publication"
                        | "newspaper"
                        | "paper"
                        | "magazine"
                        | "site"
                        | "network"
                        | "station"
                        | "broadcaster"
                )
            {
                speaker = Speaker::Refers(Ref::Outlet);
            }
        }
        // A tag after what it attributes (", the Korea Times reported"): the outer one.
        let start = clause_start(ws, inside, verb_at);
        let outer = match subject {
            None => true,
            Some((a, _)) => a > 0 && (ws[a - 1].ends_clause() || a == start),
        };
        out.push(Attribution {
            speaker,
            verb: i,
            outer,
        });
    }
    passive::passive_by(ws, inside, outlet, &mut out);
    passive::findings(ws, inside, &mut out);
    // "He also claimed the tax cuts would pay for themselves even as the Congressional Budget
    // Office estimated …": a saying set against another in a clause of contrast is beside it,
    // not inside it (the first one counts).
    for k in 1..out.len() {
        let contrast = (out[k - 1].verb + 1..out[k].verb).any(|m| {
            matches!(ws[m].lower(), "whereas" | "although" | "though")
                || ws[m].is("even") && lower(ws, m + 1) == "as"
        });
        if contrast {
            out[k].outer = true;
        }
    }
    if out.is_empty() {
        if let Some((c, speaker)) = according::colon_quote(ws, inside, outlet) {
            out.push(Attribution {
                speaker,
                verb: c,
                outer: false,
            });
        }
    }
    out
}

/// The attribution that counts: the innermost named one (an outer tag or "according to" is
/// the channel, the inner speaker the source), else the innermost of any kind.
pub fn main_attribution(all: &[Attribution]) -> Option<&Attribution> {
    let identified = |a: &Attribution| matches!(a.speaker, Speaker::Named(_) | Speaker::Refers(_));
    all.iter()
        .rev()
        .find(|a| !a.outer && identified(a))
        .or_else(|| all.iter().find(|a| a.outer && identified(a)))
        .or_else(|| all.iter().rev().find(|a| !a.outer))
        .or_else(|| all.first())
}

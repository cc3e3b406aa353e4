//! Which words are verbs of saying: "said", "according to" aside, with the traps of news
//! writing ("the claims of", "is said to", "has not commented", "United States").

use super::clause::quotation_ends;
use super::lower;
use super::speaker::det;
use crate::domain::assistant::tokens::{capitalised, Word};
use crate::domain::assistant::words::*;

/// A verb of saying at a word, as the attribution reads it.
pub(super) struct Saying<'a> {
    /// The verb as a dictionary word ("said", "saidOpens" read as "said").
    pub verb: &'a str,
    /// "think", "fear": a belief, an attribution only for an unnamed group.
    pub cognition: bool,
    /// Where the subject ends (the "is" of a stance, else the verb).
    pub at: usize,
    /// A verb in progress ("are alleging", "was saying"): not a passive, and not a participle
    /// taking the sentence's subject.
    pub progressive: bool,
}

/// Whether `ws[i]` is a verb of saying of the article's own voice (not quoted, not a noun,
/// not passive, not negated).
pub(super) fn saying<'a>(ws: &'a [Word], inside: &[bool], i: usize) -> Option<Saying<'a>> {
    let q = |w: &Word| inside.get(w.at).copied().unwrap_or(false);
    let w = &ws[i];
    // A verb glued to the next word by a lost link text ("saidOpens a new window").
    // (Only a word with a capital inside can be glued: most words skip the search.)
    let inner_capital = w.core().chars().skip(1).any(char::is_uppercase);
    let glued = if inner_capital {
        REPORTING.iter().find(|v| {
            w.lower().len() > v.len() + 2
                && w.lower().starts_with(*v)
                && w.core()[v.len()..].starts_with(|c: char| c.is_uppercase())
        })
    } else {
        None
    };
    let verb = glued.copied().unwrap_or(w.lower());
    // "United States", "Reports Editor": a capitalised word inside a sentence is a name.
    if glued.is_none() && i > 0 && w.core().starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    // "Experts are of the view that …", "Oza is of the opinion that …": a stance held.
    if matches!(w.lower(), "view" | "opinion")
        && i >= 3
        && lower(ws, i - 1) == "the"
        && lower(ws, i - 2) == "of"
        && matches!(lower(ws, i - 3), "is" | "are" | "was" | "were")
        && !q(w)
    {
        return Some(Saying {
            verb: w.lower(),
            cognition: false,
            at: i - 3,
            progressive: false,
        });
    }
    // "The White House called the process a sham", "X called it “a disgrace”": a verdict
    // spoken (not "a group called X", "called for", "called the police").
    // ("Steenburgen called Buckley’s performance “stunning”.")
    let owner_next = ws
        .get(i + 1)
        .is_some_and(|n| capitalised(n) && n.possessive());
    let calling = verb == "called"
        && (owner_next
            || matches!(
                lower(ws, i + 1),
                "it" | "them"
                    | "him"
                    | "her"
                    | "this"
                    | "that"
                    | "the"
                    | "his"
                    | "their"
                    | "its"
                    | "these"
                    | "those"
            ))
        && ws[(i + 2).min(ws.len())..ws.len().min(i + 13)]
            .iter()
            .any(|x| matches!(x.lower(), "a" | "an") || x.raw().starts_with(['“', '"']))
        // ("called last year’s tax bill “the worst piece of legislation …”": any object, when
        // a quotation follows it.)
        || verb == "called"
            && ws.get(i + 1).is_some_and(|n| {
                !capitalised(n)
                    && !matches!(n.lower(), "for" | "on" | "off" | "up" | "out" | "back" | "in")
            })
            && ws[(i + 2).min(ws.len())..ws.len().min(i + 10)]
                .iter()
                .any(|x| x.raw().starts_with(['“', '"']));
    // (Looked for over the object: "called the Supreme Court decision on the Essar Steel
    // resolution a landmark".)
    // "The Pentagon rejected these accusations as “patently false”", "saw his visit as a
    // surprise": a verdict given (not "rejected the bill", "saw the film").
    let judging = matches!(
        verb,
        "rejected" | "rejects" | "dismissed" | "dismisses" | "saw"
    ) && ws[(i + 2).min(ws.len())..ws.len().min(i + 9)]
        .iter()
        .any(|x| x.is("as"));
    // "“…,” McDowell laughed.", "“…,” she sings.": a verb that tags speech only right after a
    // quotation.
    let tagging = TAGS_AFTER_QUOTE.contains(&verb) && {
        let start = super::clause::clause_start(ws, inside, i);
        start > 0 && i - start <= 10 && quotation_ends(ws[start - 1].raw())
    }
        // "Bridenstine responded that SLS is …", "She recalled that …": what was answered.
        || matches!(verb, "responded" | "responds" | "recalled" | "recalls")
            && lower(ws, i + 1) == "that"
            && super::phrasal::clause_follows(ws, i + 2);
    let calling = calling || super::phrasal::calling_for(ws, i, verb);
    let phrasal = super::phrasal::saying(ws, i, verb);
    // Most words are no verb of saying of any kind: done with them at once.
    let candidate = calling
        || phrasal
        || judging
        || tagging
        || REPORTING.contains(&verb)
        || REPORTING_IF_AFTER_SUBJECT.contains(&verb)
        || STANCES.contains(&verb)
        || COGNITION.contains(&verb);
    if !candidate {
        return None;
    }
    let stance = STANCES.contains(&verb)
        && i > 0
        && matches!(lower(ws, i - 1), "is" | "are" | "was" | "were");
    let pointed = matches!(verb, "pointed" | "points") && lower(ws, i + 1) == "out";
    // "asked about …", "asked whether …" report a question; "asked five people to
    // perform a task" reports a request.
    if matches!(verb, "asked" | "asks")
        && !tagging
        && !w.raw().ends_with([',', ':'])
        && !ws[i + 1..ws.len().min(i + 5)].iter().any(|x| {
            matches!(
                x.lower(),
                "about" | "whether" | "if" | "why" | "what" | "how" | "when"
            )
        })
    {
        return None;
    }
    let concern = verb == "expressed"
        && matches!(
            lower(ws, i + 1),
            "concern"
                | "doubt"
                | "doubts"
                | "hope"
                | "support"
                | "regret"
                | "dismay"
                | "alarm"
                | "frustration"
                | "confidence"
                | "optimism"
                | "surprise"
        );
    let cognition = COGNITION.contains(&verb);
    // "Smith remarks", "she jokes", "the company counters" (not "his remarks").
    let subject_before = i > 1
        && !ws[i - 1].ends_clause()
        && (capitalised(&ws[i - 1])
            || PERSONAL.contains(&ws[i - 1].lower())
            || matches!(ws[i - 1].lower(), "they" | "it")
            || ORG_NOUNS.contains(&ws[i - 1].lower()) && det(&ws[i - 2]));
    let listed = calling
        || judging
        || tagging
        || REPORTING.contains(&verb) && !matches!(verb, "pointed" | "points" | "expressed")
        || REPORTING_IF_AFTER_SUBJECT.contains(&verb) && subject_before;
    if !(listed || stance || cognition || pointed || concern || phrasal) {
        return None;
    }
    let next = lower(ws, i + 1);
    // A noun, not a verb: "promising states.", "claims of insurrection", "calls for".
    let noun_like = matches!(
        verb,
        "states"
            | "comments"
            | "reports"
            | "claims"
            | "finds"
            | "shows"
            | "calls"
            | "reads"
            | "notes"
            | "estimates"
            | "projects"
            | "tells"
            | "posts"
            | "read"
    ) && (i + 1 == ws.len()
        || matches!(
            next,
            "of" | "and"
                | "in"
                | "to"
                | "for"
                | "with"
                | "from"
                | "on"
                | "are"
                | "were"
                | "have"
                | "had"
                | "has"
                | "is"
                | "was"
                | "about"
                | "by"
                | "where"
                | "which"
                | "whose"
        )
        // "the claims that he made", "Trump's claims that"; but "the study shows that".
        || next == "that"
            && i > 0
            && (matches!(
                ws[i - 1].lower(),
                "the" | "a" | "these" | "those" | "his" | "her" | "its" | "their" | "such"
            ) || ws[i - 1].lower().ends_with("'s")
                || ws[i - 1].lower().ends_with("’s")));
    // After a name or a pronoun it is a verb: "As Emily Feng reports for NPR".
    let after_subject = matches!(
        verb,
        "reports" | "notes" | "writes" | "tells" | "posts" | "comments"
    ) && i > 0
        && (capitalised(&ws[i - 1]) && !ws[i - 1].ends_clause()
            || PERSONAL.contains(&ws[i - 1].lower()));
    // "the statement read.", "the letter states": a document speaking.
    let after_doc = i > 0 && DOC_NOUNS.contains(&ws[i - 1].lower());
    let verb_anyway = after_subject || after_doc || verb == "calls" && next == "that";
    if noun_like && !verb_anyway {
        return None;
    }
    // "X cited a study": what X cited speaks for X; "the figure McKinley cited, but …" only
    // names what was cited (the verb ends its clause).
    if matches!(verb, "cited" | "cites")
        && (w.ends_clause() || w.raw().ends_with('.') || i + 1 == ws.len())
    {
        return None;
    }
    // "pleaded with the administration", not "pleaded guilty": a plea in court is an act.
    if matches!(verb, "pleaded" | "pleads") && !matches!(next, "with" | "for" | "that") {
        return None;
    }
    // "Gallinari added 25 points": a score, not a statement.
    let counted = |w: &Word| {
        w.raw().starts_with(|c: char| c.is_ascii_digit())
            || matches!(
                w.lower(),
                "two" | "three" | "four" | "five" | "six" | "seven"
            )
    };
    if matches!(verb, "added" | "adds") && ws.get(i + 1).is_some_and(counted) {
        return None;
    }
    // "Lowe's reports earnings Wednesday": a date, not a statement.
    if matches!(verb, "reports" | "reported" | "report") && matches!(next, "earnings" | "results") {
        return None;
    }
    // Not an attribution: "as much", "to be" (what they believe to be), "called for".
    let commits = matches!(
        verb,
        "pledged"
            | "vowed"
            | "promised"
            | "threatened"
            | "pledges"
            | "vows"
            | "promises"
            | "threatens"
    );
    // "said to reporters", "wrote to the board", "said to cheers": to whom, not what.
    let to_whom = matches!(
        verb,
        "said"
            | "says"
            | "say"
            | "added"
            | "adds"
            | "explained"
            | "wrote"
            | "writes"
            | "stated"
            | "declared"
            | "announced"
            | "confirmed"
            | "admitted"
            | "acknowledged"
            | "stressed"
            | "complained"
            | "insisted"
            | "revealed"
            | "tweeted"
            | "posted"
    ) && {
        let after = lower(ws, i + 2);
        matches!(
            after,
            "the"
                | "a"
                | "an"
                | "his"
                | "her"
                | "their"
                | "its"
                | "our"
                | "my"
                | "reporters"
                | "journalists"
                | "lawmakers"
                | "supporters"
                | "cheers"
                | "applause"
                | "laughter"
                | "members"
                | "students"
                | "fans"
                | "parliament"
                | "congress"
        ) || ws.get(i + 2).is_some_and(capitalised)
    };
    // "Webb admitted to threatening the girl": what he owned up to (not "admitted to
    // hospital").
    let owned_up = matches!(verb, "admitted" | "admits") && lower(ws, i + 2).ends_with("ing");
    if next == "to" && !TELLING.contains(&verb) && !commits && !to_whom && !owned_up
        || (next == "as" && lower(ws, i + 2) == "much")
        || (next == "for" && matches!(verb, "calls"))
        // "declared dead on arrival", "pronounced him dead": a death, not a declaration.
        || (matches!(verb, "declared" | "pronounced")
            && (i + 1..=i + 3).any(|k| lower(ws, k) == "dead" && lower(ws, k - 1) != "the"))
        // "Das wrote for ‘Mukto Mona’": whom they wrote for, not what they wrote. ("Roe wrote
        // for Politico that …" and "wrote for The Guardian: …" say what.)
        || (next == "for" && matches!(verb, "wrote" | "writes") && super::phrasal::writes_for(ws, i + 2))
        // "said she couldn't comment on …": a refusal, nothing said ("has not commented").
        || (matches!(verb, "said" | "says") && super::phrasal::refuses_comment(ws, i + 1))
        // "testified before the Senate Judiciary Committee" (or "testified Tuesday before"):
        // an appearance, nothing of what was said ("testified that …" gives it, and
        // "testified about a meeting …", with no "before", is read as saying).
        || (matches!(verb, "testified" | "testifies")
            && (matches!(next, "before" | "side-by-side")
                || WEEKDAYS.contains(&next) && lower(ws, i + 2) == "before")
            && !(i + 2..ws.len()).any(|k| lower(ws, k) == "that"))
    {
        return None;
    }
    // Not an attribution: a passive ("is said to", "have been told", "we're told"), an
    // infinitive ("to say"), a relative clause ("who said", "that claimed", "what they
    // believe"), a noun ("the reports"), a negation ("has not commented").
    let prev = (0..i).rev().find(|&k| {
        !matches!(
            ws[k].lower(),
            "now" | "also" | "widely" | "long" | "repeatedly"
        )
    });
    // (The last word of a quotation is none of these: "“…, slow as it is,” says Ward".)
    let prev_w = prev
        .filter(|&k| !quotation_ends(ws[k].raw()))
        .map_or("", |k| ws[k].lower());
    let verb_at = if stance { i - 1 } else { i };
    let contraction = ["'re", "’re", "'m", "’m"]
        .iter()
        .any(|c| prev_w.ends_with(c));
    // (Only in the verb's own clause: "When that doesn't work, Zuckerberg said …".)
    let negated = (i.saturating_sub(3)..i).any(|k| {
        (matches!(ws[k].lower(), "not" | "never")
            || ws[k].lower().ends_with("n't")
            || ws[k].lower().ends_with("n’t"))
            && !q(&ws[k])
            && !(k..i).any(|m| ws[m].ends_clause() || quotation_ends(ws[m].raw()))
    });
    // "are alleging", "was saying": a verb in progress, not a passive.
    let be = |w: &str| matches!(w, "is" | "are" | "was" | "were" | "been" | "be");
    let progressive = verb.ends_with("ing") && be(prev_w);
    // "are briefly shown or mentioned": the second participle of a passive.
    let second_passive = prev_w == "or"
        && prev.is_some_and(|k| {
            k >= 2 && {
                let part = ws[k - 1].lower();
                (part.ends_with("ed") || part.ends_with("en") || part.ends_with("wn"))
                    && !ws[k - 1].ends_clause()
                    && (k.saturating_sub(4)..k - 1).any(|m| be(ws[m].lower()))
            }
        });
    if second_passive {
        return None;
    }
    if !stance
        && !progressive
        && (matches!(
            prev_w,
            "is" | "are"
                | "was"
                | "were"
                | "been"
                | "be"
                | "being"
                | "to"
                | "who"
                | "which"
                | "what"
                | "the"
                | "a"
                | "an"
                | "its"
                | "their"
                | "his"
                | "her"
                | "whose"
                | "our"
                | "my"
        ) || (prev_w == "that" && prev.is_some_and(|k| k + 1 == i))
            || contraction
            || negated)
    {
        return None;
    }
    Some(Saying {
        verb,
        cognition,
        at: verb_at,
        progressive,
    })
}

/// Verbs that tag a quotation before them, and are no attribution elsewhere ("Audience
/// members laughed when …").
#[rustfmt::skip]
static TAGS_AFTER_QUOTE: Words = Words::new(&[
    "laughed", "laughs", "sighed", "sighs", "smiled", "shrugged", "responded", "responds",
    "sang", "sings", "chuckled", "gushed", "raved", "marveled", "marvelled", "groaned",
    "scoffed", "snapped", "fumed", "beamed", "reflected", "reflects", "offered", "quips",
    "jokes", "recalled", "remembered", "remembers", "concluded", "summed", "asked", "asks",
]);

//! How a noun phrase names its speaker: a name, a pronoun or description to resolve, an
//! unnamed group, or the article's own outlet.

use super::{lower, Ref, Speaker};
use crate::domain::assistant::gender::Sex;
use crate::domain::assistant::tokens::{capitalised, name, run_after, run_before, Word};
use crate::domain::assistant::words::*;

/// A determiner that makes a description definite ("the company", "its report").
pub(super) fn det(w: &Word) -> bool {
    matches!(
        w.lower(),
        "the" | "this" | "that" | "these" | "its" | "their"
    )
}

/// How a noun phrase (`ws[a..b]`) names its speaker.
pub(super) fn speaker_of(ws: &[Word], a: usize, b: usize, outlet: Option<&str>) -> Option<Speaker> {
    if a >= b {
        return None;
    }
    // "…,” as one neo-bank CEO told me": who is after the "as".
    let a = if ws[a].is("as") && a + 1 < b {
        a + 1
    } else {
        a
    };
    // "The statement, which was obtained by Variety, claimed", "Some consumers who sought
    // help reported": the head before the relative clause.
    let b = (a..b.saturating_sub(1))
        .find(|&k| {
            ws[k].raw().ends_with(',') && matches!(ws[k + 1].lower(), "which" | "who" | "whose")
        })
        .map(|k| k + 1)
        .or_else(|| (a + 1..b).find(|&k| matches!(ws[k].lower(), "who" | "which" | "whose")))
        // "The company that provides video platforms for businesses said": "that" after a
        // body or a group opens a relative clause.
        .or_else(|| {
            (a + 1..b).find(|&k| {
                ws[k].is("that") && {
                    let h = ws[k - 1].lower();
                    ORG_NOUNS.contains(&h) || GROUPS.contains(&h) || DOC_NOUNS.contains(&h)
                }
            })
        })
        .unwrap_or(b);
    // "Small investors in Hong Kong", "NASA scientists using a telescope atop Mauna Kea",
    // "people familiar with Chinese trade policy": the place or thing after the head noun
    // does not speak. (Only after people: not "a spokesman at the embassy", "researchers at
    // Harvard", "The team looked at data on states … and noted".)
    let b = (a + 1..b)
        .find(|&k| {
            let before = &ws[k - 1];
            matches!(
                ws[k].lower(),
                "in" | "atop" | "near" | "using" | "familiar" | "close" | "across" | "around"
                    | "inside" | "outside" | "throughout" | "on"
            ) && (GROUPS.contains(&before.lower()) || PERSON_NOUNS.contains(&before.lower()))
                && !before.ends_clause()
                // ("Nisan Ahmado's source inside the camp": whose source it is decides.)
                && !(k >= a + 2 && ws[k - 2].possessive())
                // ("a report released on Monday by Stanford University's Center …")
                && !ws[k..b].iter().any(|w| w.is("by"))
        })
        .unwrap_or(b);
    let np = &ws[a..b];
    // "a report … by X", "reports seen by Reuters": the document's author or publisher.
    let got_by = |by: usize| {
        by > 0
            && matches!(
                np[by - 1].lower(),
                "obtained" | "reviewed" | "received" | "viewed"
            )
    };
    if let Some(by) = np.iter().position(|w| w.is("by")).filter(|&by| !got_by(by)) {
        let head = &np[..by];
        let doc_head = head
            .iter()
            .any(|w| DOC_NOUNS.contains(&w.lower()) || w.is("poll"));
        if doc_head {
            // A named document ("Zimbabwean intelligence reports seen by Reuters") is itself
            // the most specific source; an unnamed one speaks for its author.
            let participle = head
                .last()
                .is_some_and(|w| w.lower().ends_with("ed") || w.lower() == "seen");
            let named_head = head.iter().any(capitalised);
            if named_head && participle {
                let end = head.len() - 1;
                return Some(Speaker::Named(name(ws, a, a + end)));
            }
            if let Some((x, y)) = run_after(ws, a + by + 1, b) {
                return Some(named(ws, x, y, outlet));
            }
        }
    }
    // "a spokesman for the group", "spokesman for X", "a member of X": the one spoken for.
    if let Some(k) = np.iter().position(|w| ROLES.contains(&w.lower())) {
        if matches!(lower(ws, a + k + 1), "for" | "of" | "at" | "with")
            && !np[..k].iter().any(capitalised)
        {
            let rest = a + k + 2;
            // ("A spokesman for the US military": the body.)
            if let Some(body) = state_body(ws, rest, b) {
                return Some(Speaker::Named(body));
            }
            if let Some((x, y)) = run_after(ws, rest, b) {
                return Some(named(ws, x, y, outlet));
            }
            if lower(ws, rest) == "the" && ORG_NOUNS.contains(&lower(ws, rest + 1)) {
                return Some(Speaker::Refers(Ref::Org));
            }
        }
        // "his spokesman", "her lawyer": the person before.
        if k > 0 && matches!(np[k - 1].lower(), "his" | "her") {
            return Some(Speaker::Refers(Ref::Person(Sex::of_pronoun(
                np[k - 1].lower(),
            ))));
        }
        if k > 0 && np[k - 1].is("their") {
            return Some(Speaker::Refers(Ref::Plural));
        }
        // "A spokesperson said", "the spokesman added": the body the article is about (a
        // spokesperson speaks for one), when nothing else in the phrase names anyone.
        let spokes = SPOKESPEOPLE.contains(&np[k].lower());
        if spokes
            && k + 1 == np.len()
            && np[..k]
                .iter()
                .all(|w| matches!(w.lower(), "a" | "an" | "the" | "one" | "another"))
        {
            return Some(Speaker::Refers(Ref::Org));
        }
    }
    // "a group representing rural counties": someone unnamed, whatever names follow in the
    // phrase. (Not a role: "Joel Schlabach, a teacher at Richmond High School," is named.)
    if np.len() >= 2
        && matches!(np[0].lower(), "a" | "an" | "one" | "another")
        && (np[1].is("group") || GROUPS.contains(&np[1].lower()))
    {
        return Some(Speaker::Group);
    }
    // "the 56-year-old said": a person named before.
    if np.len() == 2 && det(&np[0]) && np[1].lower().ends_with("-year-old") {
        return Some(Speaker::Refers(Ref::Person(Sex::Unknown)));
    }
    // "his office said", "her campaign said": for the person they serve.
    if np.len() == 2
        && matches!(np[0].lower(), "his" | "her")
        && matches!(
            np[1].lower(),
            "office" | "campaign" | "team" | "staff" | "aides" | "camp" | "administration"
        )
    {
        return Some(Speaker::Refers(Ref::Person(Sex::of_pronoun(np[0].lower()))));
    }
    let last = np.last()?;
    let head = last.lower();
    let indefinite = matches!(np[0].lower(), "a" | "an" | "one" | "another");
    // "a company spokesperson", "an agency spokesman": the body spoken for; "a White House
    // spokesman": the one named. (Not "a senior Pentagon official": an official is unnamed.)
    if let Some(k) = np.iter().position(|w| {
        matches!(
            w.lower().trim_end_matches(','),
            "spokesman" | "spokeswoman" | "spokesperson" | "spokespeople" | "spokespersons"
        )
    }) {
        if k > 0 && (indefinite || det(&np[0])) {
            if let Some((x, y)) = run_before(ws, a, a + k) {
                if y == a + k {
                    return Some(named(ws, x, y, outlet));
                }
            }
            if ORG_NOUNS.contains(&np[k - 1].lower()) {
                return Some(Speaker::Refers(Ref::Org));
            }
        }
    }
    // "Another wondered …", "One said …": someone not named.
    if a == 0 && np.len() == 1 && matches!(head, "another" | "one") {
        return Some(Speaker::Group);
    }
    // "a senior Pentagon official", "one source", "one Weibo commenter": someone not named.
    if indefinite && (ROLES.contains(&head) || PERSON_NOUNS.contains(&head)) {
        return Some(Speaker::Group);
    }
    // A pronoun subject.
    if np.len() <= 2 {
        if PERSONAL.contains(&head) {
            return Some(Speaker::Refers(Ref::Person(Sex::of_pronoun(head))));
        }
        if PLURAL.contains(&head) {
            return Some(Speaker::Refers(Ref::Plural));
        }
        if NEUTER.contains(&head) {
            return Some(Speaker::Refers(Ref::Neuter));
        }
        if matches!(head, "we" | "i" | "us" | "you") {
            return Some(Speaker::Group);
        }
    }
    // "many of them", "some of the officials".
    if np.iter().any(|w| w.is("of")) && GROUPS.contains(&np[0].lower()) {
        return Some(Speaker::Group);
    }
    // "the analyst", "The Wikileaks founder": a person named before in that role. (An
    // unnamed "the official" or "the insider" stays unnamed.)
    if det(&np[0]) && np.len() <= 4 && PERSON_ROLES.contains(&head) {
        return Some(Speaker::Refers(Ref::Person(Sex::Unknown)));
    }
    // "the insider added", "the source said": the unnamed one met before.
    if det(&np[0])
        && np.len() <= 3
        && matches!(head, "insider" | "source" | "official" | "person")
        && !np.iter().any(capitalised)
    {
        return Some(Speaker::Refers(Ref::Anonymous));
    }
    // "Wall Street predicted": the market, no one in particular.
    if np.len() == 2 && np[0].core() == "Wall" && np[1].core().starts_with("Street") {
        return Some(Speaker::Group);
    }
    // "Wee of the Times reports", "Ahmed al-Assadi of the PMF said": the person, not the body.
    if let Some(of) = np.iter().position(|w| w.is("of")) {
        let body_after = np
            .get(of + 1)
            .is_some_and(|w| w.is("the") || !capitalised(w));
        if of > 0 && body_after && capitalised(&np[of - 1]) && !DOC_NOUNS.contains(&head) {
            if let Some((x, y)) = run_before(ws, a, a + of) {
                if y == a + of && !ORG_NOUNS.contains(&ws[y - 1].lower()) {
                    return Some(named(ws, x, y, outlet));
                }
            }
        }
    }
    // "the researchers", "the study's authors": the people behind a study named before.
    let first_noun = np.get(1).map_or("", |w| w.lower());
    if det(&np[0])
        && (np.len() <= 3 && AUTHOR_NOUNS.contains(&head)
            || AUTHOR_NOUNS.contains(&first_noun) && lower(ws, a + 2) == "of")
    {
        return Some(Speaker::Refers(Ref::Authors));
    }
    // "reporter Nisan Ahmado's source inside the camp, a refugee, said": an unnamed source
    // passed on by a named one speaks through them.
    if let Some(k) = np
        .iter()
        .position(|w| matches!(w.lower(), "source" | "sources" | "contact"))
    {
        let owner = k.checked_sub(1).map(|o| &np[o]);
        if owner.is_some_and(|o| capitalised(o) && o.possessive()) {
            if let Some((x, y)) = run_before(ws, a, a + k) {
                if y == a + k {
                    return Some(named(ws, x, y, outlet));
                }
            }
        }
    }
    // "Holcomb and GOP legislative leaders touted": a named person with others is named.
    if let Some(and) = np.iter().position(|w| w.is("and")).filter(|&k| k > 0) {
        let before = np[and - 1].lower();
        if capitalised(&np[and - 1]) && !GROUPS.contains(&before) && GROUPS.contains(&head) {
            if let Some((x, y)) = run_before(ws, a, a + and) {
                if y == a + and {
                    return Some(named(ws, x, y, outlet));
                }
            }
        }
    }
    // "Iraqi state media", "Chinese state television": the state's voice, identified.
    if let Some(k) = np.iter().position(|w| w.is("state")).filter(|&k| k > 0) {
        let people = np[k - 1].core().starts_with(char::is_uppercase);
        let media = np.get(k + 1).is_some_and(|w| {
            matches!(
                w.lower(),
                "media" | "television" | "tv" | "broadcaster" | "radio"
            )
        });
        if people && media {
            return Some(Speaker::Named(name(ws, a + k - 1, a + k + 2)));
        }
    }
    // "police said", "police and medics said": the force of the place the story is in, an
    // institution speaking as itself, not people unnamed.
    // (One name however the sentence writes it; "Police and the FBI said" is left to the rules
    // for names.)
    let others_unnamed = np.len() == 1 || np[1].is("and") && !np[2..].iter().any(capitalised);
    if np[0].is("police") && others_unnamed {
        return Some(Speaker::Named("police".to_owned()));
    }
    // An unnamed group, whatever names modify it ("Biden administration officials").
    if GROUPS.contains(&head) {
        return Some(Speaker::Group);
    }
    // "the US military", "the Afghan government", "the U.S. Embassy": a state's body, named by
    // its country (not "the German automaker", met before under its own name).
    let definite = np.iter().take(2).any(det);
    if let Some(body) = state_body(ws, a, b) {
        return Some(Speaker::Named(body));
    }
    // "the company", "the report", "the same broadcast".
    if definite && !np.iter().any(|w| capitalised(w) && !det(w)) {
        if DOC_NOUNS.contains(&head) {
            return Some(Speaker::Refers(Ref::Doc));
        }
        if AUTHOR_NOUNS.contains(&head) {
            return Some(Speaker::Refers(Ref::Authors));
        }
        if ORG_NOUNS.contains(&head) {
            // "the company" refers back; "the media union", "the government team" name one.
            let det = np.iter().position(det).unwrap_or(0);
            let modifiers = np.len().saturating_sub(det + 2);
            // ("The German automaker": a people is no name; the automaker met before.)
            let people_only = np[det + 1..np.len() - 1]
                .iter()
                .all(|w| w.core().starts_with(char::is_uppercase));
            if modifiers >= 1 && !people_only && !matches!(np[det].lower(), "its" | "their") {
                return Some(Speaker::Named(name(ws, a + det, b)));
            }
            return Some(Speaker::Refers(Ref::Org));
        }
    }
    // A name: the run of capitalised words nearest the verb. (Not one word opening the
    // sentence before lower-case words of a document: "Neighborhood surveillance video shows",
    // "Verified video footage shows".)
    let opening_capital = |x: usize, y: usize| {
        x == 0
            && y == 1
            && y < b
            && !ws[0].possessive()
            && !ws[0].ends_clause()
            && !PEOPLES.contains(&ws[0].core())
            && (y..b).all(|k| ws[k].core().starts_with(char::is_lowercase))
            && (DOC_NOUNS.contains(&head) || head == "footage")
    };
    // (The phrase whole is the document: "Neighborhood surveillance video"; "Recent research"
    // is no one's.)
    let run = run_before(ws, a, b);
    if let Some((0, 1)) = run.filter(|&(x, y)| opening_capital(x, y)) {
        return Some(match UNNAMING.contains(&ws[0].lower()) {
            true => Speaker::Group,
            false => Speaker::Named(name(ws, a, b)),
        });
    }
    if let Some((x, y)) = run {
        // "Yoon’s office", "the Korean president's aides": the owner speaks.
        return Some(named(ws, x, y, outlet));
    }
    // "a study", "new research": the study the article is about, if it names its lead or
    // journal anywhere.
    if matches!(head, "study" | "research" | "paper") && !np.iter().any(capitalised) {
        return Some(Speaker::Refers(Ref::AnyStudy));
    }
    if DOC_NOUNS.contains(&head) || ORG_NOUNS.contains(&head) {
        // "a report", "research": an unnamed document.
        return Some(Speaker::Group);
    }
    unnamed_people(np).then_some(Speaker::Group)
}

/// "the US military", "the Afghan government" as the whole of `ws[a..b]`: the body's name
/// (without "the").
fn state_body(ws: &[Word], a: usize, b: usize) -> Option<String> {
    let np = &ws[a..b];
    let head = np.last()?.lower();
    // ("South Korean", "North Korean", "New Zealand": a compass point or "New" before one.)
    let part = |k: usize| {
        let w = np[k].core();
        PEOPLES.contains(&w)
            || COUNTRIES.contains(&w)
            || matches!(w, "South" | "North" | "East" | "West" | "New")
                && np
                    .get(k + 1)
                    .is_some_and(|n| PEOPLES.contains(&n.core()) || n.core() == "Zealand")
            || w == "Zealand"
    };
    let state = np.len() >= 3
        && np[0].is("the")
        && STATE_BODIES.contains(&head)
        && (1..np.len() - 1).all(part);
    state.then(|| name(ws, a + 1, b))
}

/// "people familiar with the talks", "a second person briefed on the call", "two people
/// close to the matter", "a doctor on the scene": people the phrase does not name.
fn unnamed_people(np: &[Word]) -> bool {
    let counted = np
        .iter()
        .take_while(|w| {
            matches!(
                w.lower(),
                "a" | "an"
                    | "one"
                    | "another"
                    | "two"
                    | "three"
                    | "four"
                    | "five"
                    | "dozens"
                    | "hundreds"
                    | "several"
                    | "some"
                    | "many"
                    | "multiple"
                    | "other"
                    | "second"
                    | "third"
                    | "senior"
                    | "former"
            )
        })
        .count();
    let Some(noun) = np.get(counted) else {
        return false;
    };
    let who = matches!(
        noun.lower(),
        "person" | "people" | "individual" | "individuals"
    ) || GROUPS.contains(&noun.lower())
        || counted > 0 && (ROLES.contains(&noun.lower()) || PERSON_NOUNS.contains(&noun.lower()));
    who && !np.iter().any(capitalised)
}

/// People by what they do, unnamed after "a": "a doctor on the scene", "a witness".
#[rustfmt::skip]
static PERSON_NOUNS: Words = Words::new(&[
    "doctor", "nurse", "witness", "neighbor", "neighbour", "resident", "relative", "friend",
    "student", "teacher", "worker", "employee", "passenger", "driver", "man", "woman",
    "user", "customer", "visitor", "bystander", "survivor", "victim", "parent", "fan",
    "protester", "lawyer", "attorney", "officer", "soldier", "diplomat", "participant",
    "commenter", "poster", "viewer", "reader", "listener", "follower", "ceo", "founder",
    "executive", "investor", "expert", "analyst", "economist", "scientist", "researcher",
]);

pub(super) fn named(ws: &[Word], a: usize, b: usize, outlet: Option<&str>) -> Speaker {
    let n = name(ws, a, b);
    // "according to Wall Street": the market, no one in particular.
    if n == "Wall Street" {
        return Speaker::Group;
    }
    let own = outlet.is_some_and(|o| {
        let squash = |s: &str| {
            let s = crate::domain::text::fold_case(s);
            s.strip_prefix("the ")
                .unwrap_or(&s)
                .chars()
                .filter(|c| c.is_alphanumeric())
                .collect::<String>()
        };
        let (x, y) = (squash(&n), squash(o));
        !x.is_empty() && !y.is_empty() && (x == y || y.starts_with(&x) || x.starts_with(&y))
    });
    if own {
        Speaker::OwnOutlet
    } else {
        Speaker::Named(n)
    }
}

//! Readings written from the disagreements of `dev-more-l` and `dev-more-m` (after their one
//! measurement): one test per rule.

use super::tests_more::{last, source};
use super::*;

#[test]
fn she_and_he_skip_back_past_a_person_of_the_other_sex() {
    let text = "Mary Steenburgen began writing songs after surgery.\n\n\
                Steenburgen’s son, filmmaker Charlie McDowell, also remembers it.\n\n\
                “It was a trying time,” he said.\n\n\
                “I had never been obsessed with music,” she said.";
    let r = analyse(text);
    let sources: Vec<Option<&str>> = r.iter().map(|x| x.source.as_deref()).collect();
    assert_eq!(sources[2], Some("Charlie McDowell"), "{sources:?}");
    assert_eq!(sources[3], Some("Mary Steenburgen"), "{sources:?}");
    // A name that says nothing of its bearer's sex is still who "she" is, and a person only
    // named (not speaking, not the subject) is not, unless their name says they can be.
    let text = "Mary Jones met Kiran Mazumdar-Shaw on Monday.\n\n\
                Kiran Mazumdar-Shaw spoke first.\n\n“Delhi is a gas chamber,” she said.";
    assert_eq!(source(text).as_deref(), Some("Kiran Mazumdar-Shaw"));
}

#[test]
fn an_office_s_records_are_a_source_records_of_no_one_are_not() {
    assert_eq!(
        source("The guards signed false certifications, according to court records.").as_deref(),
        Some("court records")
    );
    assert_eq!(
        source("One officer, according to federal prison records, had worked overtime.").as_deref(),
        Some("federal prison records")
    );
    assert_eq!(
        source("The plan was shelved, according to internal documents."),
        None
    );
    assert_eq!(source("The plan was shelved, according to records."), None);
}

#[test]
fn refusing_to_comment_or_appearing_to_testify_says_nothing() {
    assert_eq!(
        source("Hawk Sawyer said she couldn't comment on the ongoing criminal investigation."),
        None
    );
    assert_eq!(
        source("Tim Morrison testified before the House Intelligence Committee on Tuesday."),
        None
    );
    // What was said, given, is said.
    assert_eq!(
        source("Hawk Sawyer said she could not recall the guards' comment.").as_deref(),
        Some("Hawk Sawyer")
    );
    assert_eq!(
        source("Morrison testified before the committee that the call was accurate.").as_deref(),
        Some("Morrison")
    );
}

#[test]
fn contact_lines_and_copyright_are_no_claims_an_answer_is_said() {
    for chrome in [
        "Copyright 2019 Hawaii News Now.",
        "Email the writer at louise_matsakis@wired.com.",
        "You can also mail us materials at 520 Third Street, Suite 350, San Francisco, CA 94107.",
    ] {
        assert_ne!(last(chrome).kind, Kind::Claim, "{chrome}");
    }
    assert_eq!(
        source("Bridenstine responded that SLS is the only vehicle for launching humans.")
            .as_deref(),
        Some("Bridenstine")
    );
    // Not an answer of words: a response in acts.
    assert_eq!(
        source("The city responded with new patrols in March."),
        None
    );
}

#[test]
fn a_legislator_s_party_and_state_are_no_part_of_the_name() {
    // (With "Rep." before it, "Rep. José Serrano was skeptical" is not yet read as the
    // subject: a title opening the sentence.)
    let text = "José Serrano (D-NY) was skeptical of the plan.\n\n\
                “The rocket costs $2 billion a launch,” he said.";
    assert_eq!(source(text).as_deref(), Some("José Serrano"));
    assert_eq!(
        source("Rep. Robert Aderholt (R-AL) said the rocket was needed.").as_deref(),
        Some("Robert Aderholt")
    );
}

//! Readings of attributions found by running the assistant over the article-extraction
//! benchmark's unlabelled news texts (never the held-out sets): one test per rule.

use super::*;

fn read(text: &str) -> Vec<(Verdict, Option<String>, bool)> {
    analyse(text)
        .into_iter()
        .map(|r| (r.verdict, r.source, r.vague))
        .collect()
}

fn last(text: &str) -> (Verdict, Option<String>, bool) {
    read(text).pop().expect("a unit")
}

fn sourced(text: &str) -> Option<String> {
    let (v, s, _) = last(text);
    assert_eq!(v == Verdict::Sourced, s.is_some(), "{text}");
    s
}

#[test]
fn a_tag_after_a_quotation_closed_without_a_comma() {
    assert_eq!(
        sourced("“It has the potential to change their practice” says André Neu, Head of Platform Solutions for Ascom.").as_deref(),
        Some("André Neu")
    );
}

#[test]
fn names_in_apposition_to_what_speaks() {
    assert_eq!(
        sourced("According to his aunt, Jane Starner, “He was brilliant from the start.”")
            .as_deref(),
        Some("Jane Starner")
    );
    assert_eq!(
        sourced(
            "The group that owns most of her music, Big Machine, says she will be allowed to play."
        )
        .as_deref(),
        Some("Big Machine")
    );
    // A description with no name in apposition is no one's name.
    assert_eq!(
        sourced("The group that owns most of her music says she will be allowed to play."),
        None
    );
}

#[test]
fn as_someone_put_it() {
    assert_eq!(
        sourced(
            "As Gaiman put it, “Had he written five books, he would’ve been George R.R. Martin.”"
        )
        .as_deref(),
        Some("Gaiman")
    );
    // "put it" without "as" attributes nothing.
    assert_eq!(sourced("Gaiman put it on the shelf last year."), None);
}

#[test]
fn verbs_that_tag_only_after_a_quotation() {
    assert_eq!(
        sourced("Charlie McDowell is her son. “The accordion playing drives me nuts,” McDowell laughed.").as_deref(),
        Some("Charlie McDowell")
    );
    // Elsewhere a laugh is a laugh.
    assert_eq!(
        sourced("Audience members laughed at the joke about the tax plan."),
        None
    );
}

#[test]
fn unnamed_people_are_vague() {
    for text in [
        "The deal may grow into something bigger, people familiar with the talks say.",
        "Trump knows it is not a good deal, a second person briefed on the call said.",
        "They fear that he may give fewer concessions, according to people familiar with their thinking.",
    ] {
        assert_eq!(last(text), (Verdict::Unsourced, None, true), "{text}");
    }
    // An unnamed teller, a named outlet told: the outlet.
    assert_eq!(
        sourced(
            "A doctor on the scene told Ruptly that he tried to save one of the demonstrators."
        )
        .as_deref(),
        Some("Ruptly")
    );
}

#[test]
fn spokespeople_speak_for_their_body() {
    assert_eq!(
        sourced("A White House spokesman said the meeting had been cancelled.").as_deref(),
        Some("White House")
    );
    assert_eq!(
        sourced("WeWork confirmed the layoffs. A company spokesperson said in an email that “we are cooperating.”").as_deref(),
        Some("WeWork")
    );
    // An official is no spokesperson: unnamed.
    assert_eq!(
        last("A senior Pentagon official said the strike had ended."),
        (Verdict::Unsourced, None, true)
    );
}

#[test]
fn relative_clauses_and_roles() {
    assert_eq!(
        sourced("WeWork opened new offices. The company that provides offices for businesses said that the lineup was ready.").as_deref(),
        Some("WeWork")
    );
    assert_eq!(
        sourced(
            "The suspect, Michael Webb, was convicted. Police found him on Friday. The suspect said he needed to get dressed."
        )
        .as_deref(),
        Some("Michael Webb")
    );
    assert_eq!(
        sourced("Andrew Windsor spoke to the BBC. He instead told the interviewer: “I took the judgement call.”").as_deref(),
        Some("Andrew Windsor")
    );
}

#[test]
fn a_tag_after_a_subordinate_clause_is_the_sentences() {
    assert_eq!(
        sourced("While searching the car, officers located marijuana before taking Tays to jail, Harris said.").as_deref(),
        Some("Harris")
    );
    assert_eq!(
        sourced("But when tariffs are high enough, firms will pass on the increase, said Monica de Bolle, a senior fellow.").as_deref(),
        Some("Monica de Bolle")
    );
    // The saying of a subordinate clause is still not the sentence's.
    assert_eq!(
        sourced("He did not return to the game, although Vogel said he was available."),
        None
    );
}

#[test]
fn tags_after_a_quotation_with_an_appositive_or_a_question() {
    assert_eq!(
        sourced("“The mission I did accomplished the whole thing,” Stafford, a member of the Apollo 10 crew, responded.").as_deref(),
        Some("Stafford")
    );
    assert_eq!(
        sourced(
            "“What is the contingency if those rockets are not available by 2024,” Aderholt asked."
        )
        .as_deref(),
        Some("Aderholt")
    );
    assert_eq!(
        sourced("\"The duty is paid to U.S. Customs,\" Howard Gleckman, a senior fellow at the Tax Policy Center, has written.").as_deref(),
        Some("Howard Gleckman")
    );
}

#[test]
fn names_stop_at_quotation_marks_and_parentheses() {
    assert_eq!(
        sourced("Mary Steenburgen wrote the song. “Anything we wrote had to have a fond hint of Scotland,” Steenburgen said.").as_deref(),
        Some("Mary Steenburgen")
    );
    assert_eq!(
        sourced("(CNN) President Donald Trump said on Monday that the visit was routine.")
            .as_deref(),
        Some("Donald Trump")
    );
}

#[test]
fn words_capitalised_only_to_open_a_sentence_are_no_names() {
    // "research" in lower case elsewhere: "Research" is no one's name.
    let r = read("New research is under way. Research also shows that yoga can decrease stress.");
    assert_ne!(r[1].1.as_deref(), Some("Research"));
    assert_eq!(
        sourced("Highly recommended as an affordable way to put both features in a new room."),
        None
    );
    // Someone unnamed: vague.
    assert_eq!(
        last("Another wondered why the state bothered to trademark the tagline."),
        (Verdict::Unsourced, None, true)
    );
    // A name that goes on into the next word stays one.
    assert_eq!(
        sourced("Rolling Stone reported details of the reunion tour.").as_deref(),
        Some("Rolling Stone")
    );
}

#[test]
fn an_unnamed_commenter_passed_on_by_a_named_writer() {
    assert_eq!(
        sourced("Emily Feng reported from Beijing. “Don't hide things like this,” one Weibo commenter said, per Feng.").as_deref(),
        Some("Emily Feng")
    );
}

#[test]
fn indicated_that_and_agree() {
    assert_eq!(
        sourced("Taylor Swift is ready to take her songs back and has indicated that she will re-record her hits.").as_deref(),
        Some("Taylor Swift")
    );
    // What a person's act indicates is no saying: "Police found …" stays the article's.
    assert_eq!(sourced("The ruling indicated a change of course."), None);
    assert_eq!(
        last("Many businesses agree that China has long taken advantage of the United States."),
        (Verdict::Unsourced, None, true)
    );
}

#[test]
fn as_reported_by_a_pronoun_subject_and_a_band_member() {
    assert_eq!(
        sourced("“He is not entitled to any form of immunity,” said one legal expert, as reported by the Independent newspaper.").as_deref(),
        Some("Independent")
    );
    let r = read("The Pentagon said two soldiers died. It did not reveal the crash location and said it was withholding the names.");
    assert_eq!(r[1].1.as_deref(), Some("Pentagon"), "{r:?}");
    assert_eq!(
        sourced("Tom Johnston sang first. After the song, the singer and guitarist told the audience, “maybe we should go on the road.”").as_deref(),
        Some("Tom Johnston")
    );
}

#[test]
fn a_plea_with_someone_is_said_a_plea_in_court_is_done() {
    assert_eq!(
        sourced("The doctors formed a group, Doctors for Camp Closure. In a letter, Doctors for Camp Closure pleaded with the administration to reconsider.").as_deref(),
        Some("Doctors for Camp Closure")
    );
    assert_eq!(
        sourced("Patrick Carlineo pleaded guilty Monday to threatening to kill a congresswoman."),
        None
    );
}

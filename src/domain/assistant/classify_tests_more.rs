//! Readings written from the disagreements of `dev-more-g` and `dev-more-h` (after their one
//! measurement) and of the other development sets, and later ones found in the unlabelled
//! benchmark texts as `classify_tests_found.rs`'s were: one test per rule.

use super::*;

pub(super) fn last(text: &str) -> Reading {
    analyse(text).pop().expect("a unit")
}

pub(super) fn source(text: &str) -> Option<String> {
    let r = last(text);
    assert_eq!(r.verdict == Verdict::Sourced, r.source.is_some(), "{text}");
    r.source
}

#[test]
fn where_a_body_is_based_is_no_part_of_its_name() {
    assert_eq!(
        source("Sacramento-based McClatchy said its finances were impaired.").as_deref(),
        Some("McClatchy")
    );
}

#[test]
fn teasing_a_tour_is_saying_adding_points_is_not() {
    assert_eq!(
        source("Simmons teased the tour during the band’s set on Monday night.").as_deref(),
        Some("Simmons")
    );
    assert_eq!(
        source("Danilo Gallinari added 25 points in his former home arena."),
        None
    );
}

#[test]
fn saying_in_an_if_clause_or_a_comparison_is_not_asserted() {
    assert_eq!(
        source("If it seemed like Trump had written the letter himself, it's because he had!"),
        None
    );
    let r = last(
        "Li Wei said the outbreak was small. Officials later admitted that the city had ten \
         times as many cases as they had initially reported.",
    );
    assert_ne!(r.source.as_deref(), Some("Li Wei"));
}

#[test]
fn a_pronoun_before_the_verb_after_an_opening_phrase_without_a_comma() {
    let text = "Taylor Swift said her label had blocked her. In a Tumblr post at the time she \
                described this as the “worst case scenario”.";
    assert_eq!(source(text).as_deref(), Some("Taylor Swift"));
}

#[test]
fn a_short_quotation_tagged_with_its_speaker_is_a_claim() {
    let r = last("“Amazing,” Davis said.");
    assert_eq!((r.kind, r.source.as_deref()), (Kind::Claim, Some("Davis")));
    assert_eq!(
        last("Check out what's clicking today in entertainment.").kind,
        Kind::Chrome
    );
}

#[test]
fn a_name_in_apposition_to_a_description_with_a_relative_clause() {
    assert_eq!(
        source(
            "Big Machine said the singer could perform. The company that runs the AMAs, Dick \
             Clark Productions, denies that anything has been sorted."
        )
        .as_deref(),
        Some("Dick Clark Productions")
    );
}

#[test]
fn a_title_or_a_product_with_a_possessive_is_no_one() {
    let text = "Valerie Smith represented him from 1978. Web of Angels was the first novel she \
                ever sold. “I just can’t go out there with the same enthusiasm,” she said.";
    assert_eq!(source(text).as_deref(), Some("Valerie Smith"));
    let text = "Google Stadia Founder's Edition costs $129, Google said. Google says the \
                controller will work wirelessly with phones.";
    assert_eq!(source(text).as_deref(), Some("Google"));
}

#[test]
fn adding_a_thing_and_voting_states_are_no_sayings() {
    assert_eq!(
        source("The new Echo Dot solves that by adding a small digital clock to the side."),
        None
    );
    assert_eq!(
        source(
            "Turbulent polling across the early voting states has created a murky picture of \
             the race."
        ),
        None
    );
    // Still a saying: "…, adding that …".
    assert_eq!(
        source("Smith praised the plan, adding that it would save money.").as_deref(),
        Some("Smith")
    );
}

#[test]
fn an_unnamed_executive_told_the_writer() {
    let r = last("They are focused on their customers, as one neo-bank CEO told me, and on pain.");
    assert_eq!((r.source, r.vague), (None, true));
    assert_eq!(
        last("Read our Pokemon Sword and Shield review.").kind,
        Kind::Chrome
    );
}

#[test]
fn the_source_a_named_reporter_passed_on_stays_theirs() {
    let text = "A VOA reporter Nisan Ahmado's source inside the camp, a refugee, said the claim \
                is false. “Nobody is preventing civilians from leaving,” the source said.";
    assert_eq!(source(text).as_deref(), Some("Nisan Ahmado"));
}

#[test]
fn agreeing_a_deal_is_no_saying_agreeing_that_is() {
    let deal =
        "Jose Mourinho has agreed a deal to replace Mauricio Pochettino as Tottenham manager.";
    assert_eq!(source(deal), None);
    assert_eq!(
        source("The company agreed to pay a fine of $5 million."),
        None
    );
    assert_eq!(
        source("Finance minister Jim Chalmers agreed that prices fell 3% in May.").as_deref(),
        Some("Jim Chalmers")
    );
    assert_eq!(
        source("Prices fell 3% in May, Jim Chalmers agreed.").as_deref(),
        Some("Jim Chalmers")
    );
}

#[test]
fn a_block_quote_in_the_first_person_over_paragraphs_is_its_speakers() {
    let text = "Pakistan-based developer Ammar Askar wrote in a blog post that he reported the bug in 2013. \
                Here is how it works.\n\n\
                The server trusts the client. This allows us to craft a packet.\n\n\
                The root of the object holds 300 lists.\n\n\
                In my case, I chose to nest them five levels deep.\n\n\
                Mojang did not answer questions on Friday.";
    let r = analyse(text);
    let of = |needle: &str| {
        let u = r
            .iter()
            .find(|u| text[u.start..u.end].contains(needle))
            .expect(needle);
        (u.source.as_deref(), u.carried)
    };
    // The paragraphs from the first in the first person to the last, and what lies between.
    for needle in ["trusts the client", "allows us", "300 lists", "my case"] {
        assert_eq!(of(needle), (Some("Ammar Askar"), true), "{needle}");
    }
    // After the block, the article's own voice.
    assert_eq!(of("Mojang did not").0, None);
    // A "we" alone is the outlet's own voice as often: no block without an "I" or "my".
    let ours = "Fact-checker Jane Doe wrote that the figure came from a 2018 report.\n\n\
                We used data published by the agency.\n\n\
                The figures for 2019 were unavailable.\n\n\
                We decided to use the sheriff's estimate.";
    let r = analyse(ours);
    let u = r
        .iter()
        .find(|u| ours[u.start..u.end].contains("2019"))
        .expect("a unit");
    assert_eq!(u.source, None);
}

#[test]
fn calling_anything_a_quoted_verdict_is_saying_it() {
    let text = "Senator Mark Warner spoke on Tuesday. Mr. Warner, the Virginia Democrat, called \
                last year’s tax bill “the worst piece of legislation we have passed.”";
    assert_eq!(source(text).as_deref(), Some("Mark Warner"));
    // Not a name given, nor a phone call.
    assert_eq!(
        source("A group called “Friends of the Earth” met on Monday."),
        None
    );
    assert_eq!(source("She called back on Monday, the “last” time."), None);
}

#[test]
fn someone_named_calling_for_something_demands_it() {
    let text = "Mr. Trump has called for spending $1 trillion on infrastructure.";
    assert_eq!(source(text).as_deref(), Some("Trump"));
    // A crowd's call is a protest, told in the article's own voice.
    let crowd = "Large crowds of protesters have called for Yoon’s ouster.";
    let r = last(crowd);
    assert_eq!((r.source, r.vague), (None, false));
}

#[test]
fn summing_up_is_saying_and_the_quotation_after_it_is_the_speakers() {
    let text = "Charles Schultze, an economist, once summed up the danger of deficits with a \
                metaphor.\n\n“It’s not so much a question of the wolf at the door, but termites \
                in the woodwork.”";
    let r = analyse(text);
    assert_eq!(r[0].source.as_deref(), Some("Charles Schultze"));
    assert_eq!(
        (r[1].source.as_deref(), r[1].carried),
        (Some("Charles Schultze"), true)
    );
    assert_eq!(source("The column sums the costs of the war."), None);
}

#[test]
fn a_saying_set_against_another_by_even_as_or_although_leaves_the_first_one_counting() {
    let text = "Senator James Lankford spoke on the floor. He also claimed the tax cuts would \
                pay for themselves even as the Congressional Budget Office estimated that they \
                would add $250 billion to the deficit.";
    assert_eq!(source(text).as_deref(), Some("James Lankford"));
    // Two sayings without it: the later one counts, as before.
    let two = "Jane Doe said the plant would close and John Smith said it would not.";
    assert_eq!(source(two).as_deref(), Some("John Smith"));
}

#[test]
fn issuing_a_plea_or_a_warning_and_playing_a_threat_down_are_saying() {
    assert_eq!(
        source("Fiona Parry issued a plea for people to stay away from the pills.").as_deref(),
        Some("Fiona Parry")
    );
    // An adverb after an apposition does not hide the subject.
    assert_eq!(
        source("Senator Jane Doe, a Texas Democrat, nevertheless played down the threat.")
            .as_deref(),
        Some("Jane Doe")
    );
    // The statement told of, not what it says.
    assert_eq!(
        source("On Monday, Big Machine Records issued a statement that appeared to end it."),
        None
    );
}

#[test]
fn a_bio_of_what_the_writer_has_covered_is_no_claim() {
    let bio = "Nelson D. Schwartz has covered economics since 2012.";
    assert_ne!(last(bio).kind, Kind::Claim);
    // (Who joined an outlet as what may be the news: "He joined Fox News in 2015 as an
    // anchor" in a story about him is a claim, so no rule reads it as a bio.)
    let r = last("Mayor Jane Doe has covered the costs of the event herself, aides said.");
    assert_eq!(r.kind, Kind::Claim);
}

// From dev-more-j (after its one measurement).

#[test]
fn police_speak_as_an_institution() {
    let text = "The blogger was attacked on his way to work on Tuesday, police said.";
    assert_eq!(source(text).as_deref(), Some("police"));
    let both = "He was declared dead on arrival, police and medics said.";
    assert_eq!(source(both).as_deref(), Some("police"));
    let after = "After they fled, Das was rushed to hospital but declared dead on arrival, police and medics said.";
    assert_eq!(source(after).as_deref(), Some("police"));
    // One name, however the sentence writes it.
    let opening = "Police said the man had been armed.";
    assert_eq!(source(opening).as_deref(), Some("police"));
    assert_eq!(
        source("Doctors pronounced him dead at the scene.").as_deref(),
        None
    );
    // Officers unnamed are still no one in particular.
    let r = last("The man was armed, officers said.");
    assert!(r.source.is_none() && r.vague, "{r:?}");
}

#[test]
fn writing_for_a_publication_is_no_saying() {
    let text = "Das wrote for ‘Mukto Mona’, a website founded by Avijit Roy.";
    assert_eq!(source(text), None);
    assert_eq!(
        source("Das wrote that the website had been threatened.").as_deref(),
        Some("Das")
    );
    assert_eq!(source("Roe wrote for The Guardian for ten years."), None);
    assert_eq!(
        source("Roe wrote for Politico that the deal was dead.").as_deref(),
        Some("Roe")
    );
}

#[test]
fn a_beat_and_a_reprint_note_are_no_claims() {
    for chrome in [
        "Steven Mufson covers the White House.",
        "Jane Roe covers health and science.",
        "Since joining The Post, he has covered economics, China, foreign policy and energy.",
        "This article was reprinted on Wired.com.",
        "Originally published on Live Science.",
    ] {
        assert_ne!(last(chrome).kind, Kind::Claim, "{chrome}");
    }
    for claim in [
        "Originally published in 1851, Moby-Dick sold poorly.",
        "Medicare covers the cost of most hospital stays.",
        "The policy covers the Atlantic Coast.",
        "Since joining the alliance, Finland has doubled its defence budget.",
        "Blue Cross covers mental health.",
        "The ACA covers mental health care.",
        "Con Edison covers the Bronx.",
        "Since joining the Supreme Court, Gorsuch has written 40 majority opinions.",
    ] {
        assert_eq!(last(claim).kind, Kind::Claim, "{claim}");
    }
}

#[test]
fn a_named_body_found_that_is_its_finding() {
    let text = "The Lancet Commission on pollution and health found that in 2015, there were 9 million premature deaths from air pollution.";
    assert_eq!(source(text).as_deref(), Some("Lancet Commission"));
    // What police or a person found is what they did.
    assert_eq!(source("Police found a body in the river on Monday."), None);
    assert_eq!(
        source("Police found that the victim had been drugged."),
        None
    );
}

#[test]
fn an_appositive_without_its_closing_comma_leaves_the_name() {
    let text = "“This is mainly due to the wind,” Kurinji Selvaraj, a research analyst at the Delhi-based Council on Energy, Environment and Water think tank told CBS News.";
    assert_eq!(source(text).as_deref(), Some("Kurinji Selvaraj"));
    let short =
        "Jane Roe, an analyst at the Brookings Institution told reporters the plan would fail.";
    assert_eq!(source(short).as_deref(), Some("Jane Roe"));
    // A clause of its own after the appositive: the tag after it speaks.
    let arrested = "Jane Roe, a lawyer for the family, was arrested Tuesday, police said.";
    assert_eq!(source(arrested).as_deref(), Some("police"));
    let privately = "Privately, an aide to the senator said the bill was dead.";
    assert_ne!(source(privately).as_deref(), Some("Privately"));
}

#[test]
fn saying_in_a_relative_clause_after_a_description_is_not_asserted() {
    let text = "Netanyahu’s triumph keeps in place a leader who has declared his intention to resist Obama.";
    assert_eq!(source(text), None);
    // (Only after a description: a name's own relative clause is another rule's.)
    assert_eq!(
        source("The vote keeps in place Mr. Netanyahu, who has declared his intention to resist Obama.").as_deref(),
        None
    );
    assert_eq!(
        source("Netanyahu, who won on Tuesday, said he would resist Obama.").as_deref(),
        Some("Netanyahu")
    );
}

//! The assistant's readings of short texts: one test per rule of attribution, kind and carry.

use super::*;

fn read(text: &str) -> Vec<(Kind, Verdict, Option<String>, bool)> {
    analyse(text)
        .into_iter()
        .map(|r| (r.kind, r.verdict, r.source, r.vague))
        .collect()
}

fn src(text: &str) -> Option<String> {
    read(text).remove(0).2
}

#[test]
fn reporting_verbs_name_their_subject() {
    assert_eq!(
        src("“It was over,” the AFP reported.").as_deref(),
        Some("AFP")
    );
    assert_eq!(
        src("In the tweet, Pompeo wrote, \"We won.\"").as_deref(),
        Some("Pompeo")
    );
    assert_eq!(
        src("In a news release, the Pentagon said that it struck.").as_deref(),
        Some("Pentagon")
    );
    assert_eq!(src("Elizabeth Tsurkov, a member of the Foreign Policy Research Institute, noted Syrians were celebrating.").as_deref(), Some("Elizabeth Tsurkov"));
    assert_eq!(
        src("A senior Pentagon official told Newsweek that both died.").as_deref(),
        Some("Newsweek")
    );
    assert_eq!(
        src("Defense Secretary Mark Esper on Thursday warned in a statement that it ends.")
            .as_deref(),
        Some("Mark Esper")
    );
    assert_eq!(
        src("Han Dong-hoon, the leader of the PPP, urged Yoon to step down.").as_deref(),
        Some("Han Dong-hoon")
    );
    assert_eq!(
        src("“I think this study is groundbreaking,” says Katie Allen, MD, PhD.").as_deref(),
        Some("Katie Allen")
    );
}

#[test]
fn tags_after_quotations_to_whom_and_joint_names() {
    // A quotation's last word is no subordinate clause of the tag.
    assert_eq!(
        src("“It is hard, though,” Suter said.").as_deref(),
        Some("Suter")
    );
    // To whom it was said, not "said to be".
    assert_eq!(
        src("“It is so,” Gambill said to cheers from the crowd.").as_deref(),
        Some("Gambill")
    );
    assert_eq!(
        src("Smith said to reporters that it was over.").as_deref(),
        Some("Smith")
    );
    assert_eq!(read("He is said to have fled.")[0].1, Verdict::Unsourced);
    // Two people named together do not complete one of them.
    let r = read("Kurt Volker and Tim Morrison testified on Tuesday. Volker and Morrison said they were surprised. Later, Volker said that it was fine.");
    assert_eq!(r[2].2.as_deref(), Some("Kurt Volker"));
}

#[test]
fn verdicts_spoken_coordinated_verbs_and_acts_asked_for() {
    // "called X a Y" is a verdict spoken; "a group called X" names the group.
    assert_eq!(
        src("The White House called the impeachment process a sham.").as_deref(),
        Some("White House")
    );
    assert_eq!(src("A group called Friends of the Earth sued."), None);
    // A verdict given with "as": "rejected … as false" (not "rejected the bill").
    assert_eq!(
        src("The Pentagon rejected these accusations as “patently false.”").as_deref(),
        Some("Pentagon")
    );
    assert_eq!(src("The Senate rejected the bill on Tuesday."), None);
    // "X said A and said B": B is X's too, not Washington's.
    assert_eq!(
        src("Russia's foreign ministry said it viewed Washington's move as wrong and said it would heighten tensions.")
            .as_deref(),
        Some("Russia")
    );
    // Pressing someone "into announcing" is no announcement.
    assert_eq!(
        src("The hearings are an effort to pressure Zelensky into announcing an inquiry."),
        None
    );
}

#[test]
fn inverted_tags_with_the_and_a_persons_office() {
    assert_eq!(
        src("Those infected with Y. pestis fall ill within days, says the World Health Organization.")
            .as_deref(),
        Some("World Health Organization")
    );
    assert_eq!(
        src("Rain falls everywhere on Titan, said study co-author Anezina Solomonidou.").as_deref(),
        Some("Anezina Solomonidou")
    );
    let r = read(
        "He is the third resident to catch the disease dubbed the Black Death, say officials.",
    );
    assert_eq!((r[0].1, r[0].3), (Verdict::Unsourced, true));
    let r = read("Governor Eric Holcomb spoke on Monday. His office said he was travelling.");
    assert_eq!(r[1].2.as_deref(), Some("Eric Holcomb"));
    // "the governor": the one introduced as governor, not the last person named.
    let r = read("Indiana Gov. Eric Holcomb spoke on Monday. House Speaker Brian Bosma said the budget was fine. The governor said he was waiting.");
    assert_eq!(r[2].2.as_deref(), Some("Eric Holcomb"));
}

#[test]
fn groups_named_by_a_capitalised_word_are_still_unnamed() {
    for t in [
        "Education advocacy groups estimated that a 9% increase was needed.",
        "Israeli settlers, who form part of his base, said the change was welcome.",
        "Some 450,000 people were cut off, according to a group representing rural counties in California.",
    ] {
        let r = read(t);
        assert_eq!((r[0].1, r[0].2.as_deref(), r[0].3), (Verdict::Unsourced, None, true), "{t}");
    }
    // A named speaker with a role is no group; nor is a clause after "said".
    assert_eq!(
        src("Joel Schlabach, a teacher at Richmond High School, said politicians have vilified educators.")
            .as_deref(),
        Some("Joel Schlabach")
    );
}

#[test]
fn comments_citations_and_verbs_in_progress() {
    assert_eq!(
        src("\"We worked on the design,\" comments Robin Biesbroek of the CDF.").as_deref(),
        Some("Robin Biesbroek")
    );
    assert_eq!(
        src("Superintendent Jennifer McCormick has cited a study showing the lowest raises.")
            .as_deref(),
        Some("Superintendent Jennifer McCormick")
    );
    assert_eq!(
        src("That is less than the $53 million figure McKinley cited, but close."),
        None
    );
    assert_eq!(
        src("Senator Jane Roe is alleging that the call was irregular.").as_deref(),
        Some("Jane Roe")
    );
    assert_eq!(src("His comments about the call were brief."), None);
}

#[test]
fn tweets_signed_below_brands_ages_and_page_furniture() {
    let r = read("Spurs made it official.\n\nI can't thank this man enough.\n\n— Dele (@dele_official) November 19, 2019\n\nFollow NBC Latino on Facebook, Twitter and Instagram.\n\nDisclaimer: The views expressed are their own.");
    let got: Vec<(Kind, Option<&str>)> = r.iter().map(|x| (x.0, x.2.as_deref())).collect();
    assert_eq!(
        got,
        vec![
            (Kind::Claim, None),
            (Kind::Claim, Some("Dele")),
            (Kind::Credit, Some("Dele")),
            (Kind::Chrome, None),
            (Kind::Chrome, None),
        ]
    );
    let text = "The VW Atlas Cross Sport SUV is big. VW says the car is fast. Volkswagen said it is new. The automaker says it is light. Jose Mourinho joined Tottenham. The 56-year-old said he was excited. Oza attributed the rally to the ruling.";
    let chars: Vec<char> = text.chars().collect();
    let source_of = |needle: &str| {
        analyse(text)
            .into_iter()
            .find(|r| {
                chars[r.start..r.end]
                    .iter()
                    .collect::<String>()
                    .contains(needle)
            })
            .and_then(|r| r.source)
    };
    assert_eq!(source_of("VW says").as_deref(), Some("VW"));
    assert_eq!(source_of("automaker").as_deref(), Some("Volkswagen"));
    assert_eq!(source_of("56-year-old").as_deref(), Some("Jose Mourinho"));
    assert_eq!(source_of("attributed").as_deref(), Some("Oza"));
}

#[test]
fn the_group_named_before_by_a_word_of_its_name() {
    let r = read("The letter came from Doctors for Camp Closure, a new group. The doctors said the risk was high. The protesters said it was late.");
    assert_eq!(r[1].2.as_deref(), Some("Doctors for Camp Closure"));
    // No group of protesters was named: unnamed.
    assert_eq!((r[2].2.as_deref(), r[2].3), (None, true));
}

#[test]
fn an_acronym_of_a_name_with_and_in_it() {
    let r = read("Migrants are held by U.S. Customs and Border Protection for days. In August, CBP announced that it would not vaccinate them.");
    assert_eq!(
        r[1].2.as_deref(),
        Some("U.S. Customs and Border Protection")
    );
}

#[test]
fn according_to_names_the_source_unless_a_speaker_does() {
    assert_eq!(
        src("He was killed on Thursday, according to the US military.").as_deref(),
        Some("US military")
    );
    assert_eq!(src("\"They are responsible,\" Ahmed al-Assadi, a spokesman for the group, said in a statement, according to Reuters.").as_deref(), Some("Ahmed al-Assadi"));
}

#[test]
fn the_innermost_named_speaker_of_nested_attribution() {
    assert_eq!(src("South Africa said Mr Mugabe had told President Jacob Zuma by telephone that he was confined to his home.").as_deref(), Some("Mugabe"));
    assert_eq!(
        src("Our sources say Lupita told cops it was taken from her room.").as_deref(),
        Some("Lupita")
    );
    assert_eq!(src("A Gallup Korea poll released on Friday showed his approval at 13%, The Korea Times reported.").as_deref(), Some("Gallup Korea"));
}

#[test]
fn pronouns_and_descriptions_resolve_to_who_was_named() {
    let r = read("Vidyard announced new features on Tuesday. The company says it made video easier. The Stanford report found poverty rose. It found that wages fell.");
    let s: Vec<Option<&str>> = r.iter().map(|x| x.2.as_deref()).collect();
    assert_eq!(
        s,
        vec![
            Some("Vidyard"),
            Some("Vidyard"),
            Some("Stanford"),
            Some("Stanford")
        ]
    );
}

#[test]
fn unnamed_groups_and_the_own_outlet_are_vague() {
    let r = analyse_with("Opposition lawmakers had said they would return. Law enforcement sources tell TMZ the dress was taken. The strike is said to have also taken out his second.", Some("TMZ"));
    for x in &r {
        assert_eq!((x.verdict, x.vague), (Verdict::Unsourced, true));
    }
}

#[test]
fn quotations_block_quotes_and_testimony_carry_their_speaker() {
    let r = analyse("“We struck. We will strike again,” the Pentagon said.\n\nThe Jerusalem Post reported that more happened:\n\nHe trained fighters. Israel says he paid them.\n\nNothing else happened.");
    let s: Vec<(Option<&str>, bool)> = r.iter().map(|x| (x.source.as_deref(), x.carried)).collect();
    assert_eq!(
        s,
        vec![
            (Some("Pentagon"), true),
            (Some("Pentagon"), false),
            (Some("Jerusalem Post"), false),
            (Some("Jerusalem Post"), true),
            (Some("Israel"), false),
            (None, false)
        ]
    );
}

#[test]
fn tweets_chrome_credits_captions_headings_questions() {
    let r = read("Please verify\n\nVIDEO: Iraqi citizens dance in the street\n\nSecretary Mike Pompeo, the man with the plan.\nCredit: AP\n\nWho was he?\n\nWe won. pic.twitter.com/x — Secretary Pompeo (@SecPompeo) January 3, 2020");
    let kinds: Vec<Kind> = r.iter().map(|x| x.0).collect();
    assert_eq!(
        kinds,
        vec![
            Kind::Chrome,
            Kind::Heading,
            Kind::Caption,
            Kind::Credit,
            Kind::Question,
            Kind::Claim
        ]
    );
    assert_eq!(r[5].2.as_deref(), Some("Secretary Pompeo"));
}

#[test]
fn source_names_match_leniently() {
    assert!(same_source("Secretary of State Mike Pompeo", "Mike Pompeo"));
    assert!(same_source("the AFP", "AFP"));
    assert!(!same_source("Reuters", "AFP"));
    assert!(same_source("the ÉLYSÉE", "Élysée"));
    assert!(!same_source("", "AFP"));
}

#[test]
fn passive_hedges_are_vague() {
    for t in [
        "Disney is expected to switch gears again.",
        "The population currently is estimated at around 40,000.",
        "Russia and Syria have been accused of creating a disaster.",
        "The car isn't expected until next year.",
    ] {
        let r = read(t);
        assert_eq!((r[0].1, r[0].3), (Verdict::Unsourced, true), "{t}");
    }
}

#[test]
fn more_verbs_of_saying_but_not_an_act_in_response() {
    assert_eq!(
        src("“It was over,” Smith recounted.").as_deref(),
        Some("Smith")
    );
    assert_eq!(
        src("Garrett responded by hitting Rudolph in the head."),
        None
    );
}

#[test]
fn a_named_person_with_a_group_is_named() {
    assert_eq!(
        src("Holcomb and GOP legislative leaders touted the plan as a stride.").as_deref(),
        Some("Holcomb")
    );
    let r = read("Businesses and residents also have complained and say the outages were broad.");
    assert_eq!((r[0].2.as_deref(), r[0].3), (None, true));
}

#[test]
fn a_quotation_over_paragraphs_whose_closing_mark_was_lost() {
    let r = read("Tottenham said in a statement: \"Jose is one of the most accomplished managers.\n\n\"He is renowned for his tactical prowess.\n\nClub statement");
    assert_eq!(r[1].2.as_deref(), Some("Tottenham"));
    assert!(r[1].0 == Kind::Claim);
}

#[test]
fn a_named_reporters_unnamed_source() {
    assert_eq!(
        src("Days later, reporter Nisan Ahmado's source inside the camp, a refugee who asked not to be named, said the claim is false.")
            .as_deref(),
        Some("Nisan Ahmado")
    );
}

#[test]
fn of_the_view_that() {
    assert_eq!(
        src("Rusmik Oza is of the opinion that banks will rally.").as_deref(),
        Some("Rusmik Oza")
    );
    let r = read("Experts and brokerages are of the view that the market expects a recovery.");
    assert_eq!((r[0].2.as_deref(), r[0].3), (None, true));
}

#[test]
fn a_verb_after_and_shares_the_sentences_subject() {
    // (Without the comma after the name, the subject phrase runs on to "McAllen" and that is
    // what is named: the sentence's subject is read up to its first comma.)
    assert_eq!(
        src("In October, Rep. David McKinley, R-W.Va., visited the border near McAllen, Texas, and argued that drugs were pouring in.")
            .as_deref(),
        Some("David McKinley")
    );
}

//! Reading an article unit by unit: which units are claims, and to whom (if anyone) the article
//! attributes each, by the rules of `tests/data/assistant/RULES.md`.
//!
//! Each unit's own attributions come from [`super::attribution`]; this module follows the
//! article as a reader does: who "he", "the company" and "the report" are; quotations that run
//! over several sentences; block quotes and lists after "X said:"; paragraphs in the first
//! person that continue a speaker's testimony; a sentence whose source the next one names.

pub use super::kinds::Kind;

use super::attribution::{attributions, main_attribution, Ref, Speaker};
use super::carry::{carry, Found};
use super::context::{note_documents, note_people, note_subject, study_lead, Context};
use super::kinds::{check_worthiness, ends_sentence, is_list_item, is_opinion, kind_of};
use super::sentences::is_tweet;
use super::tokens::{name, quoted, run_after, words, Word};
use super::unit::Units;
use super::words::VAGUE;
use crate::domain::annotation::Verdict;
use crate::domain::text::fold_case;

/// The assistant's reading of one unit. Verdict and source are filled for every unit (the
/// metrics judge attribution on true claims whatever the kind); only claims are suggested.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reading {
    /// Code-point offsets into the text.
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub verdict: Verdict,
    pub source: Option<String>,
    /// Unsourced, but leaning on an unnamed source ("reportedly", "officials said").
    pub vague: bool,
    /// Sourced by a neighbouring unit (a quotation's tag, a block quote's lead-in).
    pub carried: bool,
    /// How check-worthy it is, 0–100.
    pub score: u8,
}

/// Whether the unit has a verb-like word (captions without one are names with a tagline).
fn has_verb(ws: &[Word]) -> bool {
    ws.iter().any(|w| {
        let l = w.lower();
        matches!(
            l,
            "is" | "are"
                | "was"
                | "were"
                | "has"
                | "have"
                | "had"
                | "will"
                | "can"
                | "walks"
                | "stands"
                | "sits"
                | "speaks"
                | "holds"
                | "looks"
                | "attends"
                | "arrives"
                | "leaves"
                | "gathers"
                | "gather"
                | "march"
                | "protest"
        ) || (l.len() > 4
            && (l.ends_with("ed") || l.ends_with("ing"))
            && w.core().chars().next().is_some_and(char::is_lowercase))
    })
}

pub fn analyse(text: &str) -> Vec<Reading> {
    analyse_with(text, None)
}

/// Reads every unit of `text`. `outlet` is the article's own outlet, when known: what it learns
/// from its own sources is the article's voice, not a source.
pub fn analyse_with(text: &str, outlet: Option<&str>) -> Vec<Reading> {
    let u = Units::new(text);
    let mut ctx = Context {
        study: study_lead(&u.words),
        ..Context::default()
    };
    let mut found: Vec<Found> = Vec::with_capacity(u.len());
    for i in 0..u.len() {
        let f = attribute(&u, i, outlet, &mut ctx);
        if let Some(s) = f.0.clone() {
            ctx.remember(&s);
            ctx.source = Some(s);
        }
        found.push(f);
    }
    sources_told(&u, &mut found);
    signed_tweets(&u, &mut found);
    carry(
        &mut found, &u.para, &u.depths, &u.words, &u.insides, &u.texts,
    );
    (0..u.len()).map(|i| reading(&u, i, &found[i])).collect()
}

// The rules run unit by unit in functions of their own, never inlined into one loop: V8 starts
// a wasm function in its baseline tier and moves later calls to optimised code, so a reading
// that is one long call would run in the baseline tier to its end.

/// The unit's own attribution: its source (resolved against the article so far), whether it
/// leans on someone unnamed, and whether it has an attribution of its own.
#[inline(never)]
fn attribute(u: &Units, i: usize, outlet: Option<&str>, ctx: &mut Context) -> Found {
    let ws = &u.words[i];
    let inside = &u.insides[i];
    let t = u.texts[i];
    // People this unit introduces by a title or role ("Dr. Shadlen and colleagues",
    // "opposition leader Morgan Tsvangirai") become referents for what follows. Credits
    // name photographers, not people of the story.
    ctx.unit_people.clear();
    // (Not from headings: "Vidyard Launches New Tools" is no one's name.)
    if !u.credits[i] && ends_sentence(t) {
        note_people(ws, ctx);
        note_subject(ws, inside, ctx);
    }
    note_documents(ws, ctx);
    let tweet = is_tweet(t);
    let all = if tweet {
        Vec::new()
    } else {
        attributions(ws, inside, outlet)
    };
    let mut source = None;
    let mut vague = false;
    let mut own = false;
    if tweet {
        if let (Some(dash), Some(at)) = (t.rfind("— "), t.rfind(" (@")) {
            if dash < at {
                source = Some(t[dash + "— ".len()..at].trim().to_owned());
                own = true;
            }
        }
    } else if let Some(main) = main_attribution(&all) {
        own = true;
        match &main.speaker {
            Speaker::Named(n) => source = Some(ctx.complete(n)),
            // "he" or "his spokesman" after a person this very sentence introduced.
            Speaker::Refers(Ref::Person) if ctx.unit_people.iter().any(|(k, _)| *k < main.verb) => {
                source = ctx
                    .unit_people
                    .iter()
                    .find(|(k, _)| *k < main.verb)
                    .map(|(_, n)| n.clone());
            }
            // "the governor said": the one introduced as governor, if the article did.
            Speaker::Refers(Ref::Person)
                if main.verb >= 2
                    && ws[main.verb - 2].is("the")
                    && ctx.roles.contains_key(ws[main.verb - 1].lower()) =>
            {
                source = ctx.roles.get(ws[main.verb - 1].lower()).cloned();
            }
            Speaker::Refers(r) => match ctx.resolve(*r) {
                Some(Some(n)) => {
                    if *r == Ref::Outlet {
                        ctx.anonymous = Some(n.clone());
                    }
                    source = Some(n);
                }
                Some(None) => vague = true,
                None => {}
            },
            // "the doctors said" after "Doctors for Camp Closure": the group named before.
            Speaker::Group
                if main.verb >= 2
                    && matches!(ws[main.verb - 2].lower(), "the" | "these" | "those")
                    && ws[main.verb - 1].lower().ends_with('s')
                    && ctx.names.with_word(ws[main.verb - 1].lower()).is_some() =>
            {
                source = ctx
                    .names
                    .with_word(ws[main.verb - 1].lower())
                    .map(str::to_owned);
            }
            Speaker::Group | Speaker::OwnOutlet => vague = true,
        }
        if matches!(main.speaker, Speaker::Group) {
            ctx.plural = Some(None);
        }
    }
    if !vague && source.is_none() {
        let lower = fold_case(&outside_quotes(t, inside));
        vague = VAGUE.any_in(&lower);
    }
    (source, vague, false, own)
}

/// "…, a source said." then "The source … told Reuters": the outlet it told.
fn sources_told(u: &Units, found: &mut [Found]) {
    for i in 0..found.len() {
        if found[i].0.is_some() || !u.words[i].iter().any(|w| w.is("source")) {
            continue;
        }
        let told = (i + 1..found.len().min(i + 3)).find_map(|k| {
            let ws = &u.words[k];
            let t = ws
                .iter()
                .position(|w| matches!(w.lower(), "told" | "tells"))?;
            ws[..t].iter().any(|w| w.is("source")).then_some(())?;
            let (a, b) = run_after(ws, t + 1, ws.len().min(t + 4))?;
            (a == t + 1).then(|| name(ws, a, b))
        });
        if let Some(outlet_told) = told {
            found[i] = (Some(outlet_told), false, false, true);
        }
    }
}

/// A tweet's signature on a line of its own ("— Dele (@dele_official) November 19, 2019"), as
/// pages quoting tweets often leave it.
fn is_signature(t: &str) -> bool {
    is_tweet(t) && t.trim_start().starts_with(['—', '–', '-'])
}

/// The words of a tweet whose signature stands in the next paragraph are the signer's.
fn signed_tweets(u: &Units, found: &mut [Found]) {
    for i in 1..u.len() {
        if !is_signature(u.texts[i]) || u.para[i - 1] == u.para[i] {
            continue;
        }
        let Some(name) = found[i].0.clone() else {
            continue;
        };
        for k in (0..i).rev().take_while(|&k| u.para[k] + 1 == u.para[i]) {
            if found[k].0.is_none() {
                found[k] = (Some(name.clone()), false, true, false);
            }
        }
    }
}

/// What the unit is (claim or not), with its verdict and check-worthiness.
#[inline(never)]
fn reading(u: &Units, i: usize, found: &Found) -> Reading {
    let (source, vague, carried, own) = found.clone();
    let t = u.texts[i];
    let quoted_unit = u.depths[i].start > 0
        || u.insides[i].iter().filter(|&&q| q).count() * 2 > t.chars().count();
    let mut kind =
        kind_of(t, &u.lowers[i], i == 0 || u.para[i] == 0 && i < 2).unwrap_or(Kind::Claim);
    // A tweet's signature alone says nothing: its tweet was given its signer above.
    if is_signature(t) {
        kind = Kind::Credit;
    }
    // "X asked: “Are there …?”": a report of a question is a claim.
    if kind == Kind::Question
        && own
        && u.insides[i]
            .iter()
            .rev()
            .skip_while(|&&q| !q)
            .take(1)
            .any(|&q| q)
    {
        kind = Kind::Claim;
    }
    // "2. Never urged Ukraine to investigate": a numbered section heading, a paragraph of
    // its own (the lines of a ranked list share theirs).
    let alone = (i == 0 || u.para[i - 1] != u.para[i]) && u.para.get(i + 1) != Some(&u.para[i]);
    if kind == Kind::Claim && is_list_item(t) && alone && !ends_sentence(t) {
        kind = Kind::Heading;
    }
    // A caption that is a name and a tagline ("Mark Zuckerberg, the man with the plan.")
    // says nothing to check; one that describes a scene does.
    let next_credit = u.credits.get(i + 1).copied().unwrap_or(false);
    let tagline = t.contains(", the ") || t.contains(", a ") || t.contains(", an ");
    if kind == Kind::Claim && next_credit && !has_verb(&u.words[i]) && tagline {
        kind = Kind::Caption;
    }
    // Opinion in the article's own voice is no claim; an attributed one ("a judge ruled
    // that he should remain in jail") reports what someone holds. (Worked out once: the
    // check-worthiness score weighs it too.)
    let opinion = kind == Kind::Claim && is_opinion(t, &u.lowers[i]);
    if opinion && source.is_none() && !vague && !own && !quoted_unit && !is_list_item(t) {
        kind = Kind::Opinion;
    }
    // A named speaker's quoted words are a claim, however short ("It's just staggering.").
    if kind == Kind::Opinion && quoted_unit && source.is_some() {
        kind = Kind::Claim;
    }
    let verdict = if source.is_some() {
        Verdict::Sourced
    } else {
        Verdict::Unsourced
    };
    Reading {
        start: u.spans[i].0,
        end: u.spans[i].1,
        kind,
        verdict,
        score: if kind == Kind::Claim {
            check_worthiness(t, &u.lowers[i], source.is_some(), opinion)
        } else {
            0
        },
        vague: source.is_none() && vague,
        carried: source.is_some() && carried,
        source,
    }
}

/// The unit's text with what is inside quotation marks blanked (so a quoted "reportedly" does
/// not make the article vague).
fn outside_quotes(t: &str, inside: &[bool]) -> String {
    t.chars()
        .zip(inside.iter().chain(std::iter::repeat(&false)))
        .map(|(c, &q)| if q { ' ' } else { c })
        .collect()
}

/// For developers (`claimmark-cli explain-claims`): every unit of `text` that contains
/// `needle`, with all the attributions found in it and how it was read.
pub fn explain(text: &str, needle: &str, outlet: Option<&str>) -> String {
    let chars: Vec<char> = text.chars().collect();
    let readings = analyse_with(text, outlet);
    let mut out = String::new();
    for r in &readings {
        let t: String = chars[r.start..r.end].iter().collect();
        if !t.contains(needle) {
            continue;
        }
        let u: Vec<char> = t.chars().collect();
        let ws = words(&u);
        let inside = quoted(&u);
        out.push_str(&format!(
            "{t}\n  read: {:?} {:?} {:?} vague={} carried={} score={}\n",
            r.kind, r.verdict, r.source, r.vague, r.carried, r.score
        ));
        for a in attributions(&ws, &inside, outlet) {
            out.push_str(&format!(
                "  attribution: {:?} at {:?} outer={}\n",
                a.speaker,
                ws[a.verb].raw(),
                a.outer
            ));
        }
    }
    out
}

/// Whether two source names name the same source: lower-cased, without a leading "the", one
/// contains the other.
pub fn same_source(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        let s = fold_case(s.trim());
        s.strip_prefix("the ").unwrap_or(&s).to_owned()
    };
    let (a, b) = (norm(a), norm(b));
    !a.is_empty() && !b.is_empty() && (a.contains(&b) || b.contains(&a))
}

#[cfg(test)]
mod tests {
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
            src("Rain falls everywhere on Titan, said study co-author Anezina Solomonidou.")
                .as_deref(),
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
        let s: Vec<(Option<&str>, bool)> =
            r.iter().map(|x| (x.source.as_deref(), x.carried)).collect();
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
}

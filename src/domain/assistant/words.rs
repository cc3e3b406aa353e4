//! The words the assistant reads news by: verbs of saying and finding, the nouns that name
//! people, groups and documents, the cues of opinion. Data, kept apart from the rules.

use std::sync::OnceLock;

use super::find::Phrases;

/// A list of words looked up for every word of an article: on first use the words are put in
/// buckets by first byte and length, so most lookups (misses) end at an empty bucket and a hit
/// compares a word or two. (Measured faster here than binary search or an FNV table.)
pub struct Words {
    list: &'static [&'static str],
    buckets: OnceLock<Vec<Vec<&'static str>>>,
}

const LENGTHS: usize = 24;

fn bucket(w: &str) -> usize {
    let first = w.as_bytes().first().copied().unwrap_or(0) as usize;
    first * LENGTHS + w.len().min(LENGTHS - 1)
}

impl Words {
    pub const fn new(list: &'static [&'static str]) -> Self {
        Words {
            list,
            buckets: OnceLock::new(),
        }
    }

    pub fn contains(&self, w: &&str) -> bool {
        let buckets = self.buckets.get_or_init(|| {
            let mut b = vec![Vec::new(); 256 * LENGTHS];
            for &x in self.list {
                b[bucket(x)].push(x);
            }
            b
        });
        buckets[bucket(w)].iter().any(|x| x == w)
    }

    /// The words as written, in their order.
    pub fn iter(&self) -> std::slice::Iter<'static, &'static str> {
        self.list.iter()
    }
}

/// Verbs (as written) that attribute what follows or precedes to their subject: speech acts,
/// publications, beliefs, and what a report or study found.
#[rustfmt::skip]
pub static REPORTING: Words = Words::new(&[
    "said", "says", "say", "saying", "told", "tells", "tell", "telling", "added", "adds", "adding",
    "wrote", "writes", "writing", "reported", "reports", "stated", "states", "stating",
    "announced", "announces", "announcing", "claimed", "claims", "claiming", "noted", "notes",
    "noting", "confirmed", "confirms", "warned", "warns", "warning", "urged", "urges", "accused",
    "accuses", "described", "describes", "boasted", "posted", "posts", "retweeted", "tweeted",
    "tweets", "believe", "believes", "believed", "argued", "argues", "insisted", "insists",
    "acknowledged", "admitted", "admits", "denied", "denies", "suggested", "suggests", "found",
    "finds", "showed", "shows", "concluded", "concludes", "determined", "estimated", "estimates",
    "predicted", "predicts", "recommended", "testified", "explained", "explains", "explaining",
    "stressed", "stresses", "emphasized", "emphasised", "alleged", "alleges", "revealed",
    "reveals", "indicated", "indicates", "maintained", "contended", "conceded", "vowed",
    "promised", "pledged", "threatened", "demanded", "continued", "continues", "apologized",
    "apologised", "wondered", "expressed", "blamed", "blames", "cheered", "chanted", "replied",
    "disclosed", "asserted", "asserts", "reiterated", "projected", "projects",
    "calls", "read", "reads", "questioned", "agreed", "countered", "declared",
    "commented", "remarked", "observed", "pointed", "underlined",
    "highlighted", "mentioned", "cautioned", "echoed", "reaffirmed", "reaffirms", "explain",
    "argue", "insist", "believes", "acknowledge", "admit", "deny", "warn", "urge",
    "bragged", "brags", "assailed", "begged", "disputed", "disputes", "asked", "asks",
    "recalled", "recalls", "complained", "complains", "lamented", "criticized", "criticised",
    "criticizes", "criticises", "praised", "testifies", "conceded", "concedes", "speculated",
    "hinted", "signalled", "signaled", "announced", "contends", "maintains", "charged",
    "welcomed", "welcomes", "condemned", "condemns", "denounced", "hailed", "slammed",
    "blasted", "decried", "sees", "expects", "forecast", "forecasts", "pledges", "assured",
    "assures", "reassured", "detailed", "quipped", "joked", "advised", "advises",
    "recommends", "declares", "emphasizes", "emphasises", "acknowledges", "discloses",
    "informed", "informs", "reasoned", "proposed", "proposes", "wonders", "answered",
    "replies", "retorted", "retorts", "agrees", "disagreed",
    "disagrees", "objected", "laments", "boasts", "touted", "touts", "hails", "lauded",
    "lauds", "applauded", "applauds", "slams", "refuted", "refutes", "rebutted", "rebuts",
    "reiterates", "underlines", "speculates", "denounces", "decries", "apologizes",
    "apologises", "cautions", "observes",
    "vows", "promises", "threatens", "points", "comments", "cited", "cites", "alleging",
    "attributed", "attributes", "recounted", "recounts", "elaborated",
    "clarified", "affirmed", "exclaimed", "shouted", "yelled", "mused", "pleaded", "pleads",
    "implored", "implores", "written", "agree", "teased", "teases", "admitting",
    "acknowledging",
]);

/// Verbs in the past that do not end in "-ed", and modals: what follows a sentence's opening
/// name when it is the subject ("Jane Roe met …", "Carlos Alcaraz beat …").
#[rustfmt::skip]
pub static PAST_AND_MODAL: Words = Words::new(&[
    "met", "saw", "told", "was", "went", "took", "made", "gave", "got", "came", "left", "found",
    "knew", "thought", "spoke", "wrote", "won", "lost", "led", "paid", "sent", "kept", "held",
    "began", "became", "will", "would", "could", "can", "beat", "chose", "put", "cut", "hit",
    "set", "let", "ran", "sold", "bought", "built", "brought", "caught", "fought", "taught",
    "felt", "heard", "spent", "struck", "threw", "drove", "broke", "fell", "grew", "flew",
    "drew", "withdrew", "overtook", "shook", "hid", "fled", "sat", "stood", "sang", "rode",
    "wore", "might", "must", "should",
]);

/// Adjectives that open a document's phrase without naming it ("Recent research suggests").
#[rustfmt::skip]
pub static UNNAMING: Words = Words::new(&[
    "recent", "new", "further", "fresh", "preliminary", "earlier", "previous", "other", "some",
    "more", "additional", "latest", "separate", "internal", "leaked", "unverified",
    "unpublished", "early",
]);

/// Lower-case words of a title that may stand between an inverted verb and a name ("said study
/// co-author Anezina Solomonidou", "says lead researcher Jane Roe").
#[rustfmt::skip]
pub static TAG_TITLES: Words = Words::new(&[
    "study", "co-author", "coauthor", "author", "lead", "senior", "chief", "former", "deputy",
    "acting", "assistant", "associate", "executive", "managing", "principal", "head",
    "researcher", "scientist", "professor", "economist", "analyst", "doctor", "physician",
    "spokesman", "spokeswoman", "spokesperson", "director", "president", "minister", "coach",
]);

/// Roles that, after "the", refer to the person named before in that role ("the analyst",
/// "the Wikileaks founder").
#[rustfmt::skip]
pub static PERSON_ROLES: Words = Words::new(&[
    "founder", "co-founder", "ceo", "chairman", "chairwoman", "leader", "boss", "owner",
    "analyst", "professor", "researcher", "doctor", "author", "economist", "star", "singer",
    "actor", "actress", "coach", "quarterback", "senator", "governor", "mayor", "executive",
    "president", "minister", "lawmaker", "congressman", "congresswoman", "candidate",
    "suspect", "defendant", "gunman", "agent", "guitarist", "drummer", "rapper", "frontman",
    "novelist", "producer", "director", "striker", "pitcher",
]);

/// Verbs of belief: an attribution only when their subject is an unnamed group ("media bosses
/// want …"); "Trump wants a wall" is about Trump.
#[rustfmt::skip]
pub const COGNITION: &[&str] = &[
    "want", "wants", "think", "thinks", "fear", "fears", "hope", "hopes", "worry", "worries",
];

/// Verbs that take a nested speaker as object ("told President Zuma", "told Newsweek").
#[rustfmt::skip]
pub const TELLING: &[&str] = &["told", "tells", "tell", "telling"];

/// Adjectives of stance that make "X is concerned/adamant (that) …" an attribution to X.
#[rustfmt::skip]
pub const STANCES: &[&str] = &[
    "concerned", "adamant", "convinced", "confident", "certain", "worried", "optimistic",
    "pessimistic", "sure", "clear",
];

/// Small words between a subject and its verb: auxiliaries and adverbs.
#[rustfmt::skip]
pub static BETWEEN: Words = Words::new(&[
    "also", "has", "have", "had", "later", "then", "repeatedly", "previously", "again", "did",
    "does", "do", "would", "will", "could", "may", "might", "has", "now", "further", "once",
    "last", "reportedly", "publicly", "privately", "separately", "earlier", "recently",
    "initially", "originally", "subsequently", "today", "yesterday", "quickly", "firmly",
    "always", "consistently", "vehemently", "categorically", "immediately", "swiftly",
    "openly", "frequently", "directly", "formally", "flat-out",
    "strongly", "flatly", "all", "both", "still", "already", "never", "not", "often", "long",
    "widely", "personally", "instead", "himself", "herself", "itself", "themselves", "officially",
    "nevertheless", "nonetheless",
]);

/// Pronouns that point to a person named before.
#[rustfmt::skip]
pub const PERSONAL: &[&str] = &["he", "she", "him", "her", "his"];
/// Days of the week: a time between a subject and its verb ("Esper on Wednesday accused"),
/// or after a verb ("testified Tuesday before the committee").
#[rustfmt::skip]
pub const WEEKDAYS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
];
/// Pronouns that point to a group, organisation or the people named before.
#[rustfmt::skip]
pub const PLURAL: &[&str] = &["they", "them", "their"];
/// Pronouns that point to a document or organisation named before.
#[rustfmt::skip]
pub const NEUTER: &[&str] = &["it", "its"];

/// Nouns that, after "the", refer back to an organisation named before.
#[rustfmt::skip]
pub static ORG_NOUNS: Words = Words::new(&[
    "company", "agency", "ministry", "department", "government", "group", "party", "union",
    "council", "court", "firm", "organisation", "organization", "administration", "committee",
    "commission", "board", "office", "bank", "network", "paper", "newspaper", "magazine",
    "website", "outlet", "station", "channel", "team", "club", "army", "military", "police",
    "campaign", "institute", "center", "centre", "university", "school", "hospital", "service",
    "authority", "regulator", "watchdog", "foundation", "charity", "alliance", "coalition",
    "league", "federation", "association", "embassy", "parliament", "senate", "congress",
    "cabinet", "navy", "pentagon", "startup", "manufacturer", "retailer", "insurer", "airline",
    "studio", "publisher", "broadcaster", "app", "platform", "network", "utility", "automaker",
    "carmaker", "chipmaker", "drugmaker", "brokerage", "lender", "operator", "ministries",
]);

/// The bodies of a state, which its country's name or people names ("the US military", "the
/// Afghan government").
#[rustfmt::skip]
pub static STATE_BODIES: Words = Words::new(&[
    "government", "military", "army", "navy", "ministry", "embassy", "parliament",
    "administration", "police", "senate", "congress", "cabinet", "consulate", "presidency",
    "judiciary", "legislature", "forces",
]);

/// Who speaks for a body or a person ("a spokesperson said", "the spokesman added").
#[rustfmt::skip]
pub const SPOKESPEOPLE: &[&str] = &["spokesman", "spokeswoman", "spokesperson"];

/// Countries written as abbreviations, as they stand before a state's body ("the US military").
#[rustfmt::skip]
pub const COUNTRIES: &[&str] = &["US", "U.S", "U.S.", "UK", "U.K", "U.K.", "EU", "UN", "USA"];

/// Nouns of documents that speak: "the report found", "the statement continued".
#[rustfmt::skip]
pub static DOC_NOUNS: Words = Words::new(&[
    "report", "study", "statement", "release", "poll", "survey", "research", "analysis",
    "paper", "findings", "data", "letter", "memo", "filing", "complaint", "lawsuit", "ruling",
    "document", "documents", "transcript", "broadcast", "interview", "post", "tweet", "video",
    "bill", "review", "audit", "investigation", "assessment", "notes", "article", "book",
    "footage", "speech", "testimony", "email", "message", "announcement", "communique",
    "communiqué", "order", "decree", "verdict", "judgment", "judgement", "indictment", "affidavit",
    "estimate", "estimates", "forecast", "figures", "trial", "experiment", "experiments",
    "records",
]);

/// Nouns of the people behind a study, referring to its named leader or institution.
#[rustfmt::skip]
pub static AUTHOR_NOUNS: Words = Words::new(&[
    "researchers", "authors", "scientists", "investigators", "team", "study's authors",
]);

/// Roles whose holder speaks for someone named after them ("a spokesman for X").
#[rustfmt::skip]
pub static ROLES: Words = Words::new(&[
    "spokesman", "spokeswoman", "spokesperson", "representative", "lawyer", "attorney",
    "aide", "adviser", "advisor", "assistant", "secretary", "envoy", "ambassador", "official",
    "officer", "agent", "manager", "director", "chief", "head", "leader", "chairman",
    "chairwoman", "chair", "president", "ceo", "founder", "member", "minister", "governor",
    "mayor", "senator", "author", "editor", "analyst", "expert", "professor", "researcher",
    "economist", "strategist", "partner", "staffer", "correspondent", "reporter", "source",
    "insider", "person",
    "sources",
]);

/// Head nouns of groups that name no one: a reporting verb with one of these as its subject
/// is a vague attribution ("Opposition lawmakers said", "Biden administration officials said").
#[rustfmt::skip]
pub static GROUPS: Words = Words::new(&[
    "officials", "lawmakers", "legislators", "sources", "source", "experts", "analysts", "critics",
    "prosecutors", "detectives", "insiders", "audiences", "viewers", "commenters", "consumers",
    "customers", "shoppers", "investors", "traders",
    "observers", "residents", "witnesses", "protesters", "protestors", "people", "others",
    "many", "some", "several", "most", "few", "bosses", "executives", "insiders", "aides",
    "advisers", "advisors", "diplomats", "commentators", "economists", "scientists",
    "researchers", "doctors", "activists", "supporters", "opponents", "politicians",
    "officers", "investigators", "authorities", "reports", "studies", "polls", "surveys",
    "rumours", "rumors", "users", "fans", "voters", "members", "employees", "workers",
    "leaders", "parents", "students", "teachers", "locals", "neighbors", "neighbours",
    "relatives", "friends", "family", "families", "crowds", "crowd", "media", "pundits",
    "campaigners", "conservatives", "liberals", "republicans", "democrats", "journalists",
    "reporters", "editors", "bloggers", "commentators", "clinicians", "physicians",
    "specialists", "one", "someone", "somebody", "nobody", "anyone", "everyone", "them", "we",
    "i", "you", "us", "they", "groups", "advocates", "settlers", "unions", "organizations",
    "organisations", "citizens", "farmers", "demonstrators", "educators", "owners", "landlords",
    "tenants", "patients", "nurses", "providers", "businesses",
    "retailers", "utilities", "brokerages", "backers", "allies", "attorneys", "lawyers",
    "regulators", "negotiators", "forecasters", "soldiers", "troops", "militants", "gunmen",
    "rebels", "fighters", "villagers", "survivors", "passengers",
]);

/// Phrases of unnamed attribution: an unsourced claim that leans on someone unnamed.
#[rustfmt::skip]
pub static VAGUE: Phrases = Phrases::new(&[
    "reportedly", "allegedly", "purportedly", "is said to", "are said to", "was said to",
    "were said to", "is now said to", "said to be", "viewed as", "seen as", "seen by many",
    "regarded as", "considered by", "being equated", "is being called", "has been called",
    "heralded as", "widely allege", "widely believed", "is believed to", "are believed to",
    "is thought to", "are thought to", "rumoured", "rumored", "it is understood",
    "it is claimed", "it has been claimed", "it is alleged", "we're told", "we are told",
    "we've learned", "we have learned", "has learned", "have learned", "sources say",
    "sources said", "sources tell", "sources told", "a source said", "according to sources",
    "according to reports", "according to media reports", "clear to researchers",
    "body of", "another study", "other studies", "some studies", "studies have", "reviled",
    "claimed", "claiming", "media reports", "is expected", "are expected", "isn't expected",
    "isn’t expected", "is not expected", "is estimated", "are estimated", "were accused",
    "have been accused", "has been accused",
]);

/// Cues of opinion, prediction or rhetoric in the article's own voice.
#[rustfmt::skip]
pub static OPINION: Phrases = Phrases::new(&[
    "significant victory", "long overdue", "ridiculous", "absurd", "safe to say",
    "undoubtedly", "no doubt", "should", "ought to", "must ", "need to", "needs to",
    "would argue", "few would", "anyone who", "many of us", "all of us", "let's", "let us",
    "a thing or two", "will tell you", "of course", "frankly", "sadly", "thankfully",
    "hopefully", "clearly", "obviously", "surely", "ring warning bells", "does nothing",
    "do not stand up", "does not stand up", "is rapidly evolving", "new normal",
    "no longer just", "can leverage", "would be greatly", "would undoubtedly",
    "it is time", "it's time", "make no mistake", "the truth is", "we all", "you can",
    "you don't", "your ", "deserve", "shameful", "disgrace", "outrageous", "appalling",
    "brilliant", "wonderful", "terrible", "awful", "amazing", "incredible", "could be done",
    "had traditionally", "is a must", "more than ever", "in light of", "it failed",
]);

/// Calls to action, bios and promotions: not claims.
#[rustfmt::skip]
pub const CHROME_STARTS: &[&str] = &[
    "check it out", "check out ", "read our ", "click here", "read more", "read also", "related:", "sign up", "subscribe",
    "follow us", "follow him", "follow her", "share this", "download the", "watch:",
    "listen:", "see also", "more:", "photo:", "image:", "advertisement",
    "powered by", "this story has been", "this article has been", "correction:",
    "editor's note", "editor’s note", "clarification:", "disclaimer:",
    "this article was reprinted", "this article originally appeared",
    "this story originally appeared", "this article was originally published",
    "this story was originally published", "a version of this article",
    "originally published on ", "originally published at ",
    "all rights reserved", "email the writer", "email the author",
    "you can also mail us", "send us a tip", "got a tip?",
];

/// Whole lines of page furniture.
#[rustfmt::skip]
pub const CHROME: &[&str] = &[
    "please verify", "watch live", "most recent", "all articles", "facebook comments box",
    "advertisement", "related articles", "share this article", "here", "more", "exclusive",
];

/// Words of a bio or credit line: "X is a reporter for Y", "X contributed".
#[rustfmt::skip]
pub static BIO_ROLES: Phrases = Phrases::new(&[
    "reporter", "correspondent", "editor", "writer", "producer", "journalist", "columnist",
    "contributor", "intern", "fellow", "photographer", "anchor", "host", "freelance",
    "staff writer", "news editor", "digital editor", "political editor",
]);

/// Abbreviations that end with a period without ending the sentence.
#[rustfmt::skip]
pub const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Maj", "Lt", "Col", "Sgt", "Capt", "Adm", "Cmdr",
    "Sen", "Rep", "Gov", "Pres", "Amb", "Rev", "St", "Ave", "Jr", "Sr", "Inc", "Corp", "Co",
    "Ltd", "No", "vs", "etc", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept",
    "Oct", "Nov", "Dec", "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Frid",
    "Sat", "Sun", "approx", "est", "Fig", "Mt", "Ft", "Gov't", "Univ", "Dept", "Bros", "Nos",
    "Vol", "pp", "ed", "eds", "al", "Atty", "Supt", "Insp", "Det", "Cpl", "Pvt", "Hon", "Msgr",
    "Fr", "Messrs", "Mme", "Mlle", "Dra", "Sra", "Sr",
];

/// Capitalised words that do not make a name.
#[rustfmt::skip]
pub static NOT_NAMES: Words = Words::new(&[
    "The", "A", "An", "In", "On", "At", "For", "But", "And", "If", "When", "While", "As",
    "Both", "Other", "Following", "To", "According", "Top", "Some", "This", "That", "These",
    "Those", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "He", "She", "They", "It", "We", "I", "Our", "Its", "His", "Her", "Their", "My", "Your",
    "We’ll", "We'll", "We’re", "We're", "We’ve", "We've", "I’m", "I'm", "I’ve", "I've",
    "I’ll", "I'll", "He’s", "He's", "She’s", "She's", "It’s", "It's", "They’re", "They're",
    "That’s", "That's", "There’s", "There's", "Here’s", "Here's", "Let’s", "Let's",
    "Others", "Lawmakers", "Officials", "Analysts", "Sources", "Experts", "Observers",
    "Critics", "Residents", "Witnesses", "Protesters", "Soldiers", "Troops", "Militants",
    "Gunmen", "Villagers", "Survivors", "Passengers", "Earlier", "Later", "Meanwhile",
    "However", "Since", "After", "Before", "During", "Among", "Now", "Then", "Still", "Yet",
    "Also", "Many", "Most", "Several", "Few", "All", "Each", "Every", "Such", "There", "Here",
    "What", "Which", "Who", "Why", "How", "Where", "Whatever", "Why", "Despite", "Although",
    "Though", "Because", "So", "Or", "Nor", "By", "From", "With", "Without", "Under", "Over",
    "Last", "Next", "First", "Second", "Third", "Today", "Yesterday", "Tomorrow", "Mr", "Mrs",
    "Ms", "Dr", "Prof", "Sir", "Dame", "Lord", "Lady", "Rev", "Not", "No", "Yes", "Even",
    "Just", "Only", "More", "Less", "Once", "Instead", "Indeed", "Anyway", "Still", "Again",
    "Even", "Thus", "Hence", "Overall", "Asked", "Speaking", "Writing", "Earlier", "Shortly",
    "Additionally", "Furthermore", "Moreover", "Separately", "Similarly", "Likewise", "Like",
    "Unlike", "Another",
    // Numbers ("Two people briefed on the talks said", "Fifty-one percent say").
    "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven",
    "Twelve", "Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety",
    "Hundred", "Hundreds", "Thousands", "Dozens", "Millions",
]);

/// Peoples: an adjective or a crowd, never who speaks by themselves ("The German automaker
/// says", "people familiar with Chinese trade policy said"); part of a body's name before it
/// ("European Space Agency").
#[rustfmt::skip]
pub static PEOPLES: Words = Words::new(&[
    "American", "Americans", "British", "Chinese", "German", "Germans", "French", "Russian",
    "Russians", "Japanese", "Korean", "Koreans", "Indian", "Indians", "Iranian", "Iranians",
    "Israeli", "Israelis", "Palestinian", "Palestinians", "Ukrainian", "Ukrainians", "Syrian",
    "Iraqi", "Afghan", "Pakistani", "Turkish", "Saudi", "Egyptian", "Mexican", "Mexicans",
    "Canadian", "Canadians", "Australian", "Australians", "Italian", "Spanish", "Brazilian",
    "European", "Europeans", "African", "Africans", "Asian", "Dutch", "Swiss", "Swedish",
    "Norwegian", "Danish", "Polish", "Greek", "Irish", "Scottish", "Welsh", "English",
    "Vietnamese", "Thai", "Filipino", "Indonesian", "Nigerian", "Venezuelan", "Cuban",
    "Taiwanese", "Lebanese", "Belgian", "Austrian", "Portuguese", "Hungarian", "Czech",
]);

/// Titles before a name, left out of a source's name ("Secretary of State Mike Pompeo").
#[rustfmt::skip]
pub static TITLES: Words = Words::new(&[
    "President", "Vice", "Prime", "Minister", "Secretary", "Senator", "Sen.", "Rep.",
    "Representative", "Governor", "Gov.", "Mayor", "General", "Gen.", "Maj.", "Lt.", "Col.",
    "Sgt.", "Capt.", "Adm.", "Admiral", "Commander", "Chief", "Justice", "Judge", "Dr.", "Dr",
    "Prof.", "Professor", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Sir", "Dame", "Lord",
    "Lady", "King", "Queen", "Prince", "Princess", "Pope", "Rev.", "Reverend", "Father",
    "Bishop", "Archbishop", "Cardinal", "Sheikh", "Ayatollah", "Chancellor", "Speaker",
    "Ambassador", "Attorney", "Director", "CEO", "Chairman", "Chairwoman", "Leader",
    "Opposition", "Defense", "Defence", "Foreign", "Interior", "State", "Health", "Finance",
    "Treasury", "Home", "Deputy", "Acting", "Former", "Supreme", "Leader", "Emperor",
    "Commissioner", "Inspector", "Detective", "Officer", "Sergeant", "Captain", "Major",
    "Colonel", "Lieutenant", "Senior", "Junior", "Assistant", "Associate", "Executive",
    "Founder", "Co-founder", "Editor", "Analyst", "of",
]);

/// Verbs of saying that are also plural nouns ("his remarks", "the charges"): a verb only right
/// after its subject ("Smith remarks", "she jokes", "the company counters").
#[rustfmt::skip]
pub static REPORTING_IF_AFTER_SUBJECT: Words = Words::new(&[
    "details", "mentions", "remarks", "quips", "jokes", "demands", "questions", "answers",
    "counters", "objects", "praises", "blasts", "highlights", "echoes", "comments", "hints",
    "signals", "charges",
]);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_word_is_found_and_no_other() {
        for list in [&REPORTING, &GROUPS, &TITLES, &NOT_NAMES, &ORG_NOUNS] {
            for w in list.iter() {
                assert!(list.contains(w), "{w}");
            }
            for w in ["", "zzz", "Said", "said.", "officials "] {
                assert_eq!(list.contains(&w), list.iter().any(|x| x == &w), "{w}");
            }
        }
    }
}

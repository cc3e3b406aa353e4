//! Whom "she" and "he" can be: a person's sex as news copy shows it, by a first name common in
//! English-language news or a courtesy title. A name it does not know is either; so "she said"
//! after "Charlie McDowell" skips back to the woman named before him, and after "Kejriwal" it
//! does not.

use super::context::Context;
use super::words::Words;

/// What a personal pronoun or a name says of the person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sex {
    Female,
    Male,
    Unknown,
}

impl Sex {
    /// "she", "her": a woman; "he", "him", "his": a man.
    pub fn of_pronoun(w: &str) -> Sex {
        match w {
            "she" | "her" | "hers" | "herself" => Sex::Female,
            "he" | "him" | "his" | "himself" => Sex::Male,
            _ => Sex::Unknown,
        }
    }

    /// Whether a person of sex `other` can be meant.
    pub fn allows(self, other: Sex) -> bool {
        self == Sex::Unknown || other == Sex::Unknown || self == other
    }
}

#[rustfmt::skip]
static FEMALE: Words = Words::new(&[
    "mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan", "jessica", "sarah",
    "karen", "nancy", "lisa", "betty", "margaret", "sandra", "kimberly", "emily",
    "donna", "michelle", "carol", "amanda", "melissa", "deborah", "stephanie", "rebecca", "laura",
    "sharon", "cynthia", "kathleen", "amy", "angela", "anna", "ann", "anne", "brenda", "pamela",
    "emma", "nicole", "helen", "samantha", "katherine", "christine", "debra", "rachel",
    "catherine", "carolyn", "janet", "ruth", "maria", "heather", "diane", "virginia", "julie",
    "joyce", "victoria", "olivia", "christina", "lauren", "joan", "judith",
    "megan", "cheryl", "hannah", "martha", "jacqueline", "frances", "gloria", "teresa",
    "kathryn", "sara", "janice", "alice", "madison", "doris", "abigail", "julia", "judy", "grace",
    "denise", "amber", "marilyn", "beverly", "danielle", "theresa", "sophia", "marie", "diana",
    "brittany", "natalie", "isabella", "charlotte", "rose", "kayla", "jane", "claire",
    "kate", "lucy", "sophie", "chloe", "jessie", "nadia", "nina", "elena", "irene", "fiona",
    "caroline", "eleanor", "ellen", "alexandra", "monica", "erin", "tina", "wendy", "vanessa",
    "tara", "molly", "holly", "natasha", "kamala", "hillary", "ilhan", "alexandria", "ursula",
    "jacinda", "greta", "oprah", "beyonce", "meghan", "tova", "priya", "aisha", "fatima", "leila",
    "yasmin", "ana", "sofia", "lucia", "carmen", "isabel", "silvia", "francesca", "giulia",
    "ingrid", "astrid", "marta", "agnes", "hilary", "margot", "penelope", "stella", "eva", "ava",
    "mia", "lily", "ella", "zoe", "ruby", "gemma", "harriet", "abby", "becky", "kathy", "sue",
    "peggy", "dolly", "mariah", "rihanna",
]);

#[rustfmt::skip]
static MALE: Words = Words::new(&[
    "james", "robert", "john", "michael", "william", "david", "richard", "joseph", "thomas",
    "charles", "christopher", "daniel", "matthew", "anthony", "mark", "donald", "steven", "paul",
    "andrew", "joshua", "kenneth", "kevin", "brian", "george", "timothy", "ronald", "edward",
    "jason", "jeffrey", "ryan", "jacob", "gary", "nicholas", "eric", "jonathan", "stephen",
    "larry", "justin", "scott", "brandon", "benjamin", "samuel", "gregory", "alexander", "frank",
    "patrick", "raymond", "jack", "dennis", "jerry", "tyler", "aaron", "jose", "adam", "nathan",
    "henry", "douglas", "zachary", "peter", "kyle", "ethan", "walter", "noah", "jeremy",
    "christian", "keith", "roger", "gerald", "harold", "sean", "austin", "carl", "arthur",
    "lawrence", "dylan", "bryan", "billy", "joe", "bruce", "gabriel", "logan", "albert",
    "willie", "alan", "juan", "wayne", "elijah", "randy", "roy", "vincent", "ralph", "eugene",
    "russell", "bobby", "mason", "philip", "louis", "charlie", "tom", "tim", "jim", "bill", "bob",
    "mike", "steve", "dave", "matt", "dan", "ben", "nick", "tony", "ted", "fred",
    "harry", "jeff", "greg", "ron", "ken", "rick", "doug", "pete", "josh", "luke", "simon",
    "martin", "hugh", "ian", "neil", "graham", "colin", "stuart", "barry", "derek", "trevor",
    "boris", "emmanuel", "vladimir", "xi", "narendra", "recep", "mohammed", "muhammad", "ahmed",
    "omar", "hassan", "hussein", "ibrahim", "mahmoud", "yusuf", "abdul", "carlos", "luis",
    "miguel", "pedro", "antonio", "francisco", "manuel", "javier", "diego", "rafael", "marco",
    "giovanni", "luca", "matteo", "pierre", "jean-claude", "jacques", "francois", "hans", "klaus",
    "olaf", "friedrich", "jurgen", "lars", "sven", "ivan", "dmitry", "sergei", "alexei", "mikhail",
    "hamid", "rahul", "arvind", "amit", "raj", "hiroshi", "takeshi", "lebron", "kobe", "elon",
    "mitch", "bernie", "barack", "rudy", "kanye",
]);

/// Courtesy titles that say whether a name is a woman's or a man's.
fn by_title(first: &str) -> Sex {
    match first.trim_end_matches('.') {
        "Mrs" | "Ms" | "Miss" | "Madam" | "Dame" | "Lady" => Sex::Female,
        "Mr" | "Sir" | "Lord" => Sex::Male,
        _ => Sex::Unknown,
    }
}

/// A person's sex by their name as the article gives it ("Mary Steenburgen", "Mr Obama"), or
/// unknown.
pub fn sex_of(name: &str) -> Sex {
    let mut words = name.split_whitespace();
    let Some(first) = words.next() else {
        return Sex::Unknown;
    };
    let titled = by_title(first);
    if titled != Sex::Unknown || words.clone().next().is_none() {
        return titled;
    }
    // ("José", "François", "Jürgen": looked up without their accents.)
    let lower: String = crate::domain::text::fold_case(first)
        .chars()
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            c => c,
        })
        .collect();
    match (
        FEMALE.contains(&lower.as_str()),
        MALE.contains(&lower.as_str()),
    ) {
        (true, false) => Sex::Female,
        (false, true) => Sex::Male,
        _ => Sex::Unknown,
    }
}

/// Who "she" and "he" are as the article is read.
impl Context {
    /// Notes the person named last.
    pub(super) fn set_person(&mut self, n: String) {
        self.seen(&n);
        self.person = Some(n);
    }

    /// Notes a full name seen, as one "she" or "he" may refer to.
    pub(super) fn seen(&mut self, n: &str) {
        self.people.retain(|p| p != n);
        self.people.push(n.to_owned());
    }

    /// The person "she" or "he" (of sex `sex`) refers to: the last person named, unless their
    /// name says they cannot be (a man's first name for "she"); then the latest person before
    /// whose name does not say so ("Steenburgen's son, director Charlie McDowell, …" then
    /// "he said"). Only people: subjects, speakers and names after a title or role, not every
    /// name ("the Rose Garden" is no one).
    pub(super) fn person_of(&self, sex: Sex) -> Option<&String> {
        let can = |n: &String| sex.allows(sex_of(&self.complete(n)));
        match self.person.as_ref() {
            Some(p) if !can(p) => self.people.iter().rev().find(|n| can(n)).or(Some(p)),
            p => p,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_titles_say_who_she_and_he_can_be() {
        assert_eq!(sex_of("Mary Steenburgen"), Sex::Female);
        assert_eq!(sex_of("Charlie McDowell"), Sex::Male);
        assert_eq!(sex_of("José Serrano"), Sex::Male);
        assert_eq!(sex_of("François Hollande"), Sex::Male);
        assert_eq!(sex_of("Mrs Thatcher"), Sex::Female);
        assert_eq!(sex_of("Mr. Obama"), Sex::Male);
        // A surname alone, or a first name either could have, says nothing.
        assert_eq!(sex_of("Steenburgen"), Sex::Unknown);
        assert_eq!(sex_of("Arvind Kejriwal"), Sex::Male);
        assert_eq!(sex_of("Kiran Mazumdar-Shaw"), Sex::Unknown);
        assert!(Sex::Female.allows(Sex::Unknown) && !Sex::Female.allows(Sex::Male));
    }
}

//! Lines about the article rather than in it: photo credits, bios of its writers, bylines.

use super::find::{word_count, Phrases};
use super::kinds::ends_sentence;
use super::words::BIO_ROLES;

/// Agency credits of photos: "/AFP", "via Getty", "AP Photo".
static AGENCY_CREDITS: Phrases = Phrases::new(&[
    " / ",
    "/afp",
    "/ap",
    "/reuters",
    "/getty",
    "/cnet",
    "via getty",
    "getty images",
    "shutterstock",
    "ap photo",
    "epa-efe",
    "/epa",
    "(photo:",
    "photo courtesy",
    "image courtesy",
]);

/// A photo credit: "Photo by …", "Credit: …", "REUTERS/Name", "Name / AFP - Getty Images".
pub fn is_credit(t: &str, lower: &str) -> bool {
    let upper_slash = t.split('/').next().is_some_and(|p| {
        p.len() >= 2 && t.contains('/') && p.chars().all(|c| c.is_ascii_uppercase())
    });
    lower.starts_with("credit:")
        || lower.starts_with("photo by")
        || lower.starts_with("photograph:")
        || lower.starts_with("photo:")
        || upper_slash
        || (word_count(t) <= 9 && !ends_sentence(t) && AGENCY_CREDITS.any_in(lower))
}

/// A bio, a reporting credit or a "contributed" line: "X is a reporter for Y", "X reported
/// from Seoul", "X and Y contributed", "LAURIE OAKES IS THE NINE NETWORK POLITICAL EDITOR",
/// "X has covered economics since 2012", "X covers the White House", "Since joining The Post,
/// he has covered …".
pub(super) fn is_bio(t: &str, lower: &str) -> bool {
    let words = word_count(t);
    let starts_with_name = t
        .split_whitespace()
        .take(2)
        .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    let shouting = t
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase)
        && words >= 4;
    starts_with_name
        && words <= 30
        && ((BIO_ROLES.any_in(lower)
            && (lower.contains(" is a")
                || lower.contains(" is the ")
                || lower.contains(" is an ")
                || shouting))
            || lower.ends_with("contributed.")
            || lower.ends_with("contributed to this report.")
            || lower.contains(" reported from ")
            // "Nelson D. Schwartz has covered economics since 2012."
            || lower.contains(" has covered ") && lower.contains(" since ") && !lower.contains(" said")
            // "Steven Mufson covers the White House."
            || covers_a_beat(t))
        // "Since joining The Post, he has covered economics, China, foreign policy and energy."
        // (Not "Since joining the Court, Gorsuch has written 40 opinions": a pronoun, no number.)
        || (lower.starts_with("since joining ")
            && [", he has covered ", ", she has covered "]
                .iter()
                .any(|w| lower.contains(w))
            && !t.chars().any(|c| c.is_ascii_digit())
            && words <= 25)
}

/// "Steven Mufson covers the White House.", "Jane Roe covers health and science.": a name of
/// two or three words (not "The ACA"), "covers", and a beat: a newsroom's institution, or
/// subjects of the newsroom only ("Blue Cross covers mental health." is no bio).
fn covers_a_beat(t: &str) -> bool {
    let Some((who, beat)) = t.trim_end().trim_end_matches('.').split_once(" covers ") else {
        return false;
    };
    let who: Vec<&str> = who.split_whitespace().collect();
    let name = (2..=3).contains(&who.len())
        && !matches!(who[0], "The" | "This" | "That" | "A" | "An" | "Its" | "Our")
        && who.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase) && w.chars().all(char::is_alphabetic)
        });
    let institution = matches!(
        beat,
        "the White House"
            | "the Pentagon"
            | "Congress"
            | "the Supreme Court"
            | "the State Department"
            | "the Justice Department"
            | "the Federal Reserve"
            | "Capitol Hill"
            | "Wall Street"
            | "Silicon Valley"
    );
    let words: Vec<&str> = beat.split_whitespace().collect();
    let subjects = !words.is_empty()
        && words.len() <= 6
        && words.iter().all(|w| {
            matches!(
                w.trim_end_matches(','),
                "and"
                    | "politics"
                    | "economics"
                    | "business"
                    | "technology"
                    | "tech"
                    | "health"
                    | "science"
                    | "education"
                    | "sports"
                    | "crime"
                    | "courts"
                    | "energy"
                    | "climate"
                    | "immigration"
                    | "transportation"
                    | "media"
                    | "finance"
                    | "markets"
                    | "culture"
            )
        });
    name && (institution || subjects)
}

/// A byline or time stamp line: "2/26/2015 7:11 AM PST BY TMZ STAFF", "By Jane Roe".
pub(super) fn is_byline(t: &str, lower: &str) -> bool {
    let words = word_count(t);
    (lower.starts_with("by ") && words <= 8 && !ends_sentence(t))
        || (lower.contains(" by ")
            && words <= 10
            && t.chars().any(|c| c.is_ascii_digit())
            && !ends_sentence(t))
        || (t.trim_end().ends_with("--") && words <= 5)
}

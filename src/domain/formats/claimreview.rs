//! ClaimReview drafts: schema.org `ClaimReview` JSON-LD for rated claims, to be finished and
//! published by the fact-checker (the review's own `url` is theirs to add).

use serde_json::{json, Map, Value};

use super::{claims_of, ClaimRow};
use crate::domain::annotation::{safe_link, Verdict};
use crate::domain::library::Library;
use crate::domain::rating::Scale;

/// The fact-checking organisation that authors the reviews.
pub struct Organisation<'a> {
    pub name: &'a str,
}

/// Drafts for the rated claims of article `doc` (or only claim `only`): one `ClaimReview` for
/// one claim, an array for several. `today` is the review's date, `YYYY-MM-DD`.
pub fn claim_reviews(
    library: &Library,
    doc: &str,
    only: Option<&str>,
    scale: &Scale,
    organisation: &Organisation<'_>,
    today: &str,
) -> Result<String, String> {
    if organisation.name.trim().is_empty() {
        return Err(
            "a ClaimReview needs its author: set your organisation in Settings first".into(),
        );
    }
    let rows: Vec<ClaimRow<'_>> = claims_of(library, Some(doc))
        .into_iter()
        .filter(|c| only.is_none_or(|id| c.annotation.id == id))
        .collect();
    if rows.is_empty() {
        return Err("there is no such claim".into());
    }
    let rated: Vec<Value> = rows
        .iter()
        .filter(|c| !c.annotation.rating.is_empty())
        .map(|c| review(c, scale, organisation, today))
        .collect();
    let out = match (only, rated.len()) {
        (_, 0) => {
            return Err(if only.is_some() {
                "rate the claim first: a ClaimReview gives its rating".into()
            } else {
                "no claim of this article is rated yet".into()
            })
        }
        (Some(_), _) => rated.into_iter().next().unwrap_or_default(),
        (None, _) => Value::Array(rated),
    };
    Ok(serde_json::to_string_pretty(&out).unwrap_or_default())
}

fn review(c: &ClaimRow<'_>, scale: &Scale, organisation: &Organisation<'_>, today: &str) -> Value {
    let a = c.annotation;
    let d = c.doc;
    let mut rating = json!({ "@type": "Rating", "alternateName": a.rating });
    if let Some(v) = scale.value(&a.rating) {
        rating["ratingValue"] = json!(v.value);
        rating["bestRating"] = json!(v.best);
        rating["worstRating"] = json!(v.worst);
    }
    // Where the claim appeared: the article, as its page describes it.
    let mut appearance = Map::new();
    appearance.insert("@type".into(), json!("CreativeWork"));
    if let Some(url) = d.web_address() {
        appearance.insert("url".into(), json!(url));
    }
    appearance.insert("headline".into(), json!(d.title));
    if let Some(site) = &d.site {
        appearance.insert(
            "publisher".into(),
            json!({ "@type": "Organization", "name": site }),
        );
    }
    if let Some(author) = &d.author {
        appearance.insert(
            "author".into(),
            json!({ "@type": "Person", "name": author }),
        );
    }
    if let Some(date) = &d.date {
        appearance.insert("datePublished".into(), json!(date));
    }
    let mut claim = json!({ "@type": "Claim", "appearance": Value::Object(appearance) });
    // The claim's author: whom the article attributes it to, for a sourced claim.
    if a.verdict == Verdict::Sourced && !a.source.trim().is_empty() {
        claim["author"] = json!({ "@type": kind_of_name(&a.source), "name": a.source.trim() });
    }
    if let Some(date) = &d.date {
        claim["datePublished"] = json!(date);
    }
    let mut out = json!({
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "datePublished": today,
        "claimReviewed": a.exact,
        "itemReviewed": claim,
        "author": { "@type": "Organization", "name": organisation.name.trim() },
        "reviewRating": rating,
    });
    if !a.note.trim().is_empty() {
        out["reviewBody"] = json!(a.note.trim());
    }
    if let Some(url) = safe_link(&a.evidence) {
        out["citation"] = json!(url);
    }
    out
}

/// `Organization` for a name that reads as a body ("Defense Department", "Reuters", "CDC"),
/// else `Person`: a guess for the draft, to be checked before publishing.
fn kind_of_name(name: &str) -> &'static str {
    let lower = crate::domain::text::fold_case(name);
    let body_words = [
        "department",
        "ministry",
        "agency",
        "office",
        "council",
        "committee",
        "university",
        "institute",
        "news",
        "times",
        "post",
        "press",
        "party",
        "police",
        "government",
        "company",
        "inc",
        "corp",
        "ltd",
        "group",
        "association",
        "reuters",
        "afp",
        "bbc",
        "cnn",
        "court",
        "army",
        "military",
        "commission",
        "bank",
        "center",
        "centre",
    ];
    let acronym = name
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase);
    let words = name.split_whitespace().count();
    if acronym || words == 1 || lower.split_whitespace().any(|w| body_words.contains(&w)) {
        "Organization"
    } else {
        "Person"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::document::{document_from_text, Origin};

    fn library() -> Library {
        let mut l = Library::new(vec![]);
        let mut doc = document_from_text(
            "user-1".into(),
            "The mayor said crime fell 20% last year. Taxes rose.",
            Some("Title"),
            Origin::User,
            1,
        );
        doc.url = Some("https://news.example/a".into());
        doc.site = Some("Example News".into());
        doc.date = Some("2026-11-02".into());
        l.add_document(doc);
        l.annotate("user-1", (0, 40), Verdict::Sourced, "a".into(), 1)
            .unwrap();
        l.set_source("a", "Jane Roe", 2);
        l.set_rating("a", "Mostly true", 3);
        l.set_note("a", "Police data show 18%.", 4);
        l.set_evidence("a", "https://police.example/stats", 5);
        l.annotate("user-1", (41, 52), Verdict::Unsourced, "b".into(), 6)
            .unwrap();
        l
    }

    #[test]
    fn a_rated_claim_makes_a_claim_review_with_its_appearance_rating_and_author() {
        let l = library();
        let org = Organisation { name: "Fact Desk" };
        let text = claim_reviews(
            &l,
            "user-1",
            Some("a"),
            &Scale::default(),
            &org,
            "2026-11-30",
        )
        .unwrap();
        let v: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["@context"], "https://schema.org");
        assert_eq!(v["@type"], "ClaimReview");
        assert_eq!(
            v["claimReviewed"],
            "The mayor said crime fell 20% last year."
        );
        assert_eq!(v["datePublished"], "2026-11-30");
        assert_eq!(v["author"]["name"], "Fact Desk");
        assert_eq!(v["reviewRating"]["alternateName"], "Mostly true");
        assert_eq!(
            (
                v["reviewRating"]["ratingValue"].as_u64(),
                v["reviewRating"]["bestRating"].as_u64(),
                v["reviewRating"]["worstRating"].as_u64()
            ),
            (Some(4), Some(5), Some(1))
        );
        let claim = &v["itemReviewed"];
        assert_eq!(claim["@type"], "Claim");
        assert_eq!(
            (
                claim["author"]["@type"].as_str(),
                claim["author"]["name"].as_str()
            ),
            (Some("Person"), Some("Jane Roe"))
        );
        assert_eq!(claim["appearance"]["url"], "https://news.example/a");
        assert_eq!(claim["appearance"]["publisher"]["name"], "Example News");
        assert_eq!(claim["appearance"]["datePublished"], "2026-11-02");
        assert_eq!(v["reviewBody"], "Police data show 18%.");
        assert_eq!(v["citation"], "https://police.example/stats");
    }

    #[test]
    fn all_rated_claims_make_an_array_and_what_is_missing_is_said() {
        let mut l = library();
        let org = Organisation { name: "Fact Desk" };
        let s = Scale::default();
        let all: Value = serde_json::from_str(
            &claim_reviews(&l, "user-1", None, &s, &org, "2026-11-30").unwrap(),
        )
        .unwrap();
        assert_eq!(all.as_array().map(Vec::len), Some(1), "only the rated one");
        l.set_rating("b", "Misleading", 7);
        let all: Value = serde_json::from_str(
            &claim_reviews(&l, "user-1", None, &s, &org, "2026-11-30").unwrap(),
        )
        .unwrap();
        assert_eq!(all.as_array().map(Vec::len), Some(2));
        assert!(
            all[1]["reviewRating"].get("ratingValue").is_none(),
            "Misleading has no number"
        );
        assert!(
            all[1]["itemReviewed"].get("author").is_none(),
            "unsourced: no author"
        );
        let nobody = Organisation { name: " " };
        assert!(claim_reviews(&l, "user-1", None, &s, &nobody, "x")
            .unwrap_err()
            .contains("Settings"));
        l.set_rating("a", "", 8);
        l.set_rating("b", "", 9);
        assert!(claim_reviews(&l, "user-1", Some("a"), &s, &org, "x")
            .unwrap_err()
            .contains("rate the claim"));
        assert!(claim_reviews(&l, "user-1", None, &s, &org, "x")
            .unwrap_err()
            .contains("no claim"));
        assert!(claim_reviews(&l, "nope", None, &s, &org, "x").is_err());
        assert_eq!(kind_of_name("Defense Department"), "Organization");
        assert_eq!(kind_of_name("CDC"), "Organization");
        assert_eq!(kind_of_name("Mark Esper"), "Person");
    }
}

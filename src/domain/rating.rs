//! The fact-checker's rating scale: labels from best to worst, each with a number for
//! ClaimReview, and labels that stand outside the order ("Misleading", "Unproven").
//!
//! Written as text in the settings: the ordered labels, then a `|` and the others:
//! `True, Mostly true, Half true, Mostly false, False | Misleading, Unproven`.

/// A rating scale.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scale {
    /// Best first: `ordered[0]` rates highest.
    pub ordered: Vec<String>,
    /// Labels with no place on the scale (no number in ClaimReview).
    pub others: Vec<String>,
}

impl Default for Scale {
    fn default() -> Self {
        Scale::parse(DEFAULT).expect("the default scale reads")
    }
}

/// The default scale (a common fact-checking scale, after PolitiFact's and Full Fact's).
pub const DEFAULT: &str =
    "True, Mostly true, Half true, Mostly false, False | Misleading, Unproven";

/// How a rating sits on its scale, for ClaimReview's `reviewRating`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Value {
    pub value: usize,
    pub best: usize,
    pub worst: usize,
}

impl Scale {
    /// Reads a scale written as text; says what is wrong when it cannot.
    pub fn parse(text: &str) -> Result<Scale, String> {
        let mut parts = text.split('|');
        let list = |s: Option<&str>| -> Vec<String> {
            s.unwrap_or_default()
                .split([',', '\n'])
                .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|l| !l.is_empty())
                .collect()
        };
        let ordered = list(parts.next());
        let others = list(parts.next());
        if parts.next().is_some() {
            return Err("a scale has one “|”, between the ordered labels and the others".into());
        }
        if ordered.is_empty() && others.is_empty() {
            return Err("the scale has no labels".into());
        }
        let mut seen: Vec<String> = Vec::new();
        for l in ordered.iter().chain(&others) {
            if l.chars().count() > 40 {
                return Err(format!("“{l}” is longer than 40 characters"));
            }
            let key = crate::domain::text::fold_case(l);
            if seen.contains(&key) {
                return Err(format!("“{l}” is on the scale twice"));
            }
            seen.push(key);
        }
        Ok(Scale { ordered, others })
    }

    /// The scale written as text (what [`Scale::parse`] reads).
    pub fn to_text(&self) -> String {
        let ordered = self.ordered.join(", ");
        if self.others.is_empty() {
            ordered
        } else {
            format!("{ordered} | {}", self.others.join(", "))
        }
    }

    /// Every label, the ordered ones first.
    pub fn labels(&self) -> impl Iterator<Item = &str> {
        self.ordered.iter().chain(&self.others).map(String::as_str)
    }

    /// Where a rating stands: the best label is worth as many points as the scale has ordered
    /// labels, the worst 1. `None` for a label outside the order or not on the scale.
    pub fn value(&self, label: &str) -> Option<Value> {
        let n = self.ordered.len();
        let i = self
            .ordered
            .iter()
            .position(|l| l.eq_ignore_ascii_case(label.trim()))?;
        Some(Value {
            value: n - i,
            best: n,
            worst: 1,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_scale_orders_five_labels_and_keeps_two_apart() {
        let s = Scale::default();
        assert_eq!(s.ordered.len(), 5);
        assert_eq!(s.others, vec!["Misleading", "Unproven"]);
        assert_eq!(
            s.value("True"),
            Some(Value {
                value: 5,
                best: 5,
                worst: 1
            })
        );
        assert_eq!(s.value("false").map(|v| v.value), Some(1));
        assert_eq!(s.value("Misleading"), None);
        assert_eq!(s.value("Pants on fire"), None);
        assert_eq!(Scale::parse(&s.to_text()), Ok(s.clone()));
        assert_eq!(s.labels().count(), 7);
    }

    #[test]
    fn a_written_scale_is_read_or_refused_with_a_reason() {
        let s = Scale::parse("Correct,  Partly   correct\nWrong|Satire").unwrap();
        assert_eq!(s.ordered, vec!["Correct", "Partly correct", "Wrong"]);
        assert_eq!(s.others, vec!["Satire"]);
        assert!(Scale::parse(" , | ").unwrap_err().contains("no labels"));
        assert!(Scale::parse("A | B | C").unwrap_err().contains("one “|”"));
        assert!(Scale::parse("True, true").unwrap_err().contains("twice"));
        assert!(Scale::parse(&"x".repeat(41)).unwrap_err().contains("40"));
        assert_eq!(
            Scale::parse("Only | ").unwrap().others,
            Vec::<String>::new()
        );
    }
}

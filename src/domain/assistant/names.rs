//! The full names an article has used, to complete "Mugabe", "Yoon" and "DEA" later.

use std::collections::{HashMap, HashSet};

use crate::domain::text::fold_case;

/// A small word inside a person's name: "Ursula von der Leyen", "Luiz Inácio Lula da Silva".
pub(super) fn particle(w: &str) -> bool {
    matches!(
        w,
        "de" | "da"
            | "di"
            | "du"
            | "van"
            | "von"
            | "der"
            | "den"
            | "bin"
            | "ibn"
            | "al"
            | "el"
            | "la"
            | "le"
            | "dos"
            | "das"
            | "del"
    )
}

/// A possessive before a name's last word ("Google Stadia Founder's Edition"): no person's name.
pub(super) fn possessive_inside(words: &[&str]) -> bool {
    words[..words.len().saturating_sub(1)]
        .iter()
        .any(|w| w.ends_with("'s") || w.ends_with("’s"))
}

/// The full names an article has used, found by their last word ("Mugabe"), their first
/// ("Yoon" for "Yoon Suk Yeol") or their initials ("PMF"): each lookup at once, however long
/// the article.
#[derive(Default)]
pub(super) struct Names {
    all: Vec<String>,
    seen: HashSet<String>,
    by_last: HashMap<String, usize>,
    by_first: HashMap<String, usize>,
    by_initials: HashMap<String, usize>,
}

impl Names {
    pub(super) fn add(&mut self, n: &str) {
        if !self.seen.insert(n.to_owned()) {
            return;
        }
        let at = self.all.len();
        self.all.push(n.to_owned());
        let words: Vec<&str> = n.split(' ').collect();
        // Not two names joined ("Volker and Morrison"), nor a phrase ("Pence on Trump"): every
        // word capitalised but a particle ("Ursula von der Leyen").
        let one_name = words
            .iter()
            .all(|w| w.starts_with(|c: char| !c.is_lowercase()) || particle(w));
        if words.len() >= 2 && one_name {
            self.by_last.insert(words[words.len() - 1].to_owned(), at);
            // A family name first ("Yoon Suk Yeol", "Lee Jae-myung"); not "Stadia Pro", nor a
            // brand before a product ("VW Atlas Cross Sport SUV").
            // (Nor "Google Stadia Founder's Edition": a possessive inside is no person's.)
            let family = words[0].chars().nth(1).is_some_and(char::is_lowercase)
                && !possessive_inside(&words);
            if family && (words.len() >= 3 || n.contains('-')) {
                self.by_first.insert(words[0].to_owned(), at);
            }
        }
        let initials: String = n
            .split_whitespace()
            .filter_map(|w| w.chars().next())
            .filter(|c| c.is_uppercase())
            .collect();
        if initials.chars().count() >= 2 {
            // "U.S. Customs and Border Protection" is also "CBP".
            let country = words[0].contains('.') || words[0].len() <= 3 && words.len() >= 3;
            if country && initials.chars().count() >= 4 {
                self.by_initials
                    .insert(initials.chars().skip(1).collect(), at);
            }
            self.by_initials.insert(initials, at);
        }
    }

    pub(super) fn contains(&self, n: &str) -> bool {
        self.seen.contains(n)
    }

    /// The latest name of two words or more with `word` among its words, case aside ("the
    /// doctors" of "Doctors for Camp Closure", "the teachers" of "Indiana State Teachers
    /// Association").
    pub(super) fn with_word(&self, word: &str) -> Option<&str> {
        self.all
            .iter()
            .rev()
            .map(String::as_str)
            .find(|n| n.contains(' ') && n.split(' ').any(|w| fold_case(w) == word))
    }

    /// Whether a full name seen ends with `n` ("Mugabe" of "Robert Mugabe").
    pub(super) fn is_surname(&self, n: &str) -> bool {
        self.by_last.contains_key(n)
    }

    /// The latest full name that `short` is the surname or family name of.
    pub(super) fn complete(&self, short: &str) -> Option<&str> {
        let last = self.by_last.get(short).copied();
        let first = self.by_first.get(short).copied();
        let at = last.max(first)?;
        Some(self.all[at].as_str())
    }

    pub(super) fn by_initials(&self, letters: &str) -> Option<String> {
        self.by_initials
            .get(letters)
            .map(|&at| self.all[at].clone())
    }
}

//! Selecting by sentence from the keyboard: which span each step selects. The reader turns the
//! span into a DOM selection, which is then tagged like any other.

/// A keyboard step through the sentences of an article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// The first sentence after the current selection.
    Next,
    /// The last sentence before it.
    Previous,
    /// The current selection and the sentence after it.
    ExtendNext,
    /// The sentence before the current selection and the selection.
    ExtendPrevious,
}

impl Step {
    /// The step a key stands for: `]` `[`, and with Shift `}` `{`.
    pub fn from_key(key: &str) -> Option<Step> {
        Some(match key {
            "]" => Step::Next,
            "[" => Step::Previous,
            "}" => Step::ExtendNext,
            "{" => Step::ExtendPrevious,
            _ => return None,
        })
    }
}

/// The span a step selects, given the sentences of the text (code-point spans in text order, not
/// overlapping) and the current selection, if any. With no selection, forward steps start at the
/// first sentence and backward steps at the last. `None`: nothing further that way.
pub fn step(
    sentences: &[(usize, usize)],
    current: Option<(usize, usize)>,
    step: Step,
) -> Option<(usize, usize)> {
    let after = |end: usize| sentences.iter().find(|s| s.0 >= end).copied();
    let before = |start: usize| sentences.iter().rev().find(|s| s.1 <= start).copied();
    match (step, current) {
        (Step::Next | Step::ExtendNext, None) => sentences.first().copied(),
        (Step::Previous | Step::ExtendPrevious, None) => sentences.last().copied(),
        (Step::Next, Some((_, end))) => after(end),
        (Step::Previous, Some((start, _))) => before(start),
        (Step::ExtendNext, Some((start, end))) => after(end).map(|s| (start, s.1)),
        (Step::ExtendPrevious, Some((start, end))) => before(start).map(|s| (s.0, end)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::assistant::sentences::sentences;

    const TEXT: &str = "One said so. Two is “true”. Three?\n\nFour ends it.";

    fn spans() -> Vec<(usize, usize)> {
        sentences(TEXT).iter().map(|s| (s.start, s.end)).collect()
    }

    fn words(span: Option<(usize, usize)>) -> String {
        let (s, e) = span.expect("a span");
        TEXT.chars().skip(s).take(e - s).collect()
    }

    #[test]
    fn steps_walk_sentence_by_sentence_and_extend() {
        let v = spans();
        let first = step(&v, None, Step::Next);
        assert_eq!(words(first), "One said so.");
        let second = step(&v, first, Step::Next);
        assert_eq!(words(second), "Two is “true”.");
        assert_eq!(
            words(step(&v, second, Step::ExtendNext)),
            "Two is “true”. Three?"
        );
        assert_eq!(
            words(step(&v, second, Step::ExtendPrevious)),
            "One said so. Two is “true”."
        );
        assert_eq!(words(step(&v, second, Step::Previous)), "One said so.");
        assert_eq!(words(step(&v, None, Step::Previous)), "Four ends it.");
        // Across a paragraph break.
        let third = step(&v, second, Step::Next);
        assert_eq!(words(step(&v, third, Step::Next)), "Four ends it.");
    }

    #[test]
    fn a_mouse_selection_inside_a_sentence_steps_to_its_neighbours() {
        let v = spans();
        // "said" in the first sentence.
        assert_eq!(words(step(&v, Some((4, 8)), Step::Next)), "Two is “true”.");
        assert_eq!(step(&v, Some((4, 8)), Step::Previous), None);
        assert_eq!(
            words(step(&v, Some((4, 8)), Step::ExtendNext)),
            "said so. Two is “true”."
        );
    }

    #[test]
    fn nothing_further_at_the_ends_or_in_an_empty_text() {
        let v = spans();
        let last = *v.last().unwrap();
        assert_eq!(step(&v, Some(last), Step::Next), None);
        assert_eq!(step(&v, Some(last), Step::ExtendNext), None);
        assert_eq!(step(&[], None, Step::Next), None);
        assert_eq!(Step::from_key("}"), Some(Step::ExtendNext));
        assert_eq!(Step::from_key("x"), None);
    }
}

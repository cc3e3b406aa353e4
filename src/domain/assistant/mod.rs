//! The claim assistant: a first pass over an article that suggests its claims and whether the
//! article attributes each. Rules, not a model: no download, and every decision stays the
//! user's. The rules are written down in `tests/data/labelling-rules.md`.

pub mod classify;
pub mod sentences;
pub mod suggest;

//! The claim assistant: a first pass over an article that suggests its claims and whether the
//! article attributes each. Rules, not a model: no download, and every decision stays the
//! user's. The rules are written down in `tests/data/assistant/RULES.md`.
//!
//! - `sentences`: units (sentences, quotations split at their sentence ends, tweets, lines);
//! - `tokens`: words, quotation marks, name runs;
//! - `attribution`: each unit's attributions and the one that counts;
//! - `kinds`: claim or not, and check-worthiness, with `credits` (photo credits, bios, bylines);
//! - `context`: who is who so far (references resolved), with `names` (full names seen) and
//!   `gender` (whom "she" and "he" can be);
//! - `carry`: sources taken from neighbouring units;
//! - `unit`: the article cut into units once, with what every rule reads of each;
//! - `find`: many phrases looked for in a sentence in one pass;
//! - `classify`: the reading of an article, unit by unit;
//! - `suggest`: suggestions for the reader, and "also in";
//! - `wire`: readings as the worker sends them to the page.

mod attribution;
mod carry;
pub mod classify;
mod context;
mod credits;
mod find;
mod gender;
mod kinds;
mod names;
pub mod sentences;
pub mod suggest;
mod tokens;
mod unit;
pub mod wire;
mod words;

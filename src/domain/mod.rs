//! The domain: text, offsets, anchoring, segmentation, the library model, file formats and the
//! storage schema. Pure Rust with no web types: it builds and is tested natively (`cargo test`).

pub mod agreement;
pub mod anchor;
pub mod annotation;
pub mod assistant;
pub mod benchmark;
pub mod document;
pub mod exchange;
pub mod extract;
pub mod formats;
pub mod fuzzy;
pub mod layout;
pub mod library;
pub mod order;
pub mod provenance;
pub mod rating;
pub mod records;
pub mod search;
pub mod segment;
pub mod select;
pub mod storage;
pub mod sync;
pub mod text;
pub mod time;
pub mod w3c;

//! Stage 6: what the articles are compared by: the table ([`table`], one row per entity and one
//! column per article), the coverage picture's data ([`coverage`]: prominence, names only one
//! article gives, blind spots) and the outlet each article names itself by ([`outlet`], for the
//! columns).

pub mod coverage;
pub mod graph;
pub mod outlet;
mod table;

pub use table::*;

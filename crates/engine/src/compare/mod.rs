//! Stage 6: what the articles are compared by: the table ([`table`], one row per entity and one
//! column per article) and the outlet each article names itself by ([`outlet`], for the columns).

pub mod outlet;
mod table;

pub use table::*;

//! The single entry point.
use crate::model::*;

/// Documents in, analysis out.
pub fn analyze(docs: &[Document]) -> Analysis {
    let _ = docs;
    unimplemented!("in progress")
}

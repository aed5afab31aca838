//! JSON and CSV export.
use crate::model::Analysis;

/// The analysis as `qarin.analysis/1` JSON (pretty-printed).
pub fn to_json(a: &Analysis) -> String {
    serde_json::to_string_pretty(a).expect("analysis serialises")
}

/// The comparison table as CSV, UTF-8 with BOM.
pub fn to_csv(a: &Analysis) -> String {
    let _ = a;
    unimplemented!("in progress")
}

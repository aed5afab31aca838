//! JSON (`qarin.analysis/1`) and CSV (the comparison table) export.

use crate::compare::table;
use crate::model::Analysis;

/// The analysis as `qarin.analysis/1` JSON, pretty-printed.
pub fn to_json(a: &Analysis) -> String {
    serde_json::to_string_pretty(a).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}

/// The facts table as CSV (UTF-8 with BOM): one row per fact, a column per document.
pub fn facts_to_csv(a: &Analysis) -> String {
    let report = crate::facts::FactsReport { facts: a.facts.clone(), ..Default::default() };
    let ids: Vec<String> = a.documents.iter().map(|d| d.id.clone()).collect();
    crate::facts::facts_csv(&report, &ids)
}

fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The comparison table as CSV, UTF-8 with a BOM so that spreadsheet programs read Arabic
/// correctly. Columns: id, type, label, latin, coverage, then per article its count and spelling.
pub fn to_csv(a: &Analysis) -> String {
    let mut out = String::from("\u{FEFF}");
    let mut header = vec!["id".to_string(), "type".into(), "label".into(), "latin".into(), "coverage".into()];
    for d in &a.documents {
        header.push(format!("{} count", d.id));
        header.push(format!("{} spelling", d.id));
    }
    out.push_str(&header.iter().map(|h| field(h)).collect::<Vec<_>>().join(","));
    out.push_str("\r\n");
    for row in table(a) {
        let mut cols = vec![
            field(&row.entity.id),
            row.entity.kind.code().to_string(),
            field(&row.entity.label),
            field(&row.entity.latin),
            row.coverage().to_string(),
        ];
        for c in &row.cells {
            cols.push(c.count.to_string());
            cols.push(field(c.spelling.as_deref().unwrap_or("")));
        }
        out.push_str(&cols.join(","));
        out.push_str("\r\n");
    }
    out
}

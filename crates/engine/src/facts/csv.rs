//! The agreement table as CSV: UTF-8 with a BOM (so spreadsheet programs read Arabic correctly),
//! CRLF line ends, one row per fact, one column per document.
//!
//! Columns: `id`, `kind`, `label`, `label_ar`, `status`, then one column per document id (in the
//! order given). A cell lists the article's distinct values as `text [value]`, joined by ` | `
//! (`أكثر من 10 أيام [10]`); it is empty when the article does not report the fact.

use super::model::FactsReport;

fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The facts of a report as CSV, a column per document of `doc_ids`.
pub fn facts_csv<S: AsRef<str>>(report: &FactsReport, doc_ids: &[S]) -> String {
    let mut out = String::from("\u{FEFF}");
    let mut header: Vec<String> = ["id", "kind", "label", "label_ar", "status"].iter().map(|s| s.to_string()).collect();
    header.extend(doc_ids.iter().map(|d| field(d.as_ref())));
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for f in &report.facts {
        let kind = match f.kind {
            super::model::FactKind::Quantity => "quantity",
            super::model::FactKind::Date => "date",
            super::model::FactKind::Name => "name",
        };
        let mut cols = vec![field(&f.id), kind.to_string(), field(&f.label), field(&f.label_ar), f.status.code().to_string()];
        for d in doc_ids {
            let mut cells: Vec<String> = Vec::new();
            for v in f.values.iter().filter(|v| v.document == d.as_ref()) {
                let c = format!("{} [{}]", v.text, v.value.display());
                if !cells.contains(&c) {
                    cells.push(c);
                }
            }
            cols.push(field(&cells.join(" | ")));
        }
        out.push_str(&cols.join(","));
        out.push_str("\r\n");
    }
    out
}

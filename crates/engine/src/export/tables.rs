//! The tables: the analysis as JSON (`qarin.analysis/1`), the comparison table and the facts
//! table as CSV. Words for people (the facts' labels) come from the caller, in its language.

use crate::compare::table;
use crate::model::{Analysis, Fact, FactKind};

/// The analysis as `qarin.analysis/1` JSON, pretty-printed.
pub fn to_json(a: &Analysis) -> String {
    // Serialising it cannot fail (string keys only); the error is not formatted, which would
    // bring serde_json's messages into the web app's code.
    serde_json::to_string_pretty(a).unwrap_or_default()
}

/// One CSV field: quoted when it holds a comma, a quote or a line break.
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// CSV text from rows of fields: UTF-8 with a BOM (so spreadsheet programs read Arabic
/// correctly), CRLF line ends.
fn csv(rows: impl IntoIterator<Item = Vec<String>>) -> String {
    let mut out = String::from("\u{FEFF}");
    for row in rows {
        out.push_str(&row.iter().map(|f| field(f)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}

/// The comparison table as CSV. Columns: id, type, label, latin, coverage, then per article its
/// count and spelling.
pub fn to_csv(a: &Analysis) -> String {
    let mut header = vec!["id".to_string(), "type".into(), "label".into(), "latin".into(), "coverage".into()];
    for d in &a.documents {
        header.push(format!("{} count", d.id));
        header.push(format!("{} spelling", d.id));
    }
    let rows = table(a).into_iter().map(|row| {
        let mut cols = vec![row.entity.id.clone(), row.entity.kind.code().to_string(), row.entity.label.clone(), row.entity.latin.clone(), row.coverage().to_string()];
        for c in &row.cells {
            cols.push(c.count.to_string());
            cols.push(c.spelling.clone().unwrap_or_default());
        }
        cols
    });
    csv(std::iter::once(header).chain(rows))
}

/// The facts table as CSV: one row per fact, a column per document.
///
/// Columns: `id`, `kind`, `label`, `label_ar`, `status`, then one column per document id (in
/// document order). `labels` words a fact's topic in English and Arabic. A cell lists the
/// article's distinct values as `text [value]`, joined by ` | ` (`أكثر من 10 أيام [10]`); it is
/// empty when the article does not report the fact.
pub fn facts_to_csv(a: &Analysis, labels: &dyn Fn(&Fact) -> (String, String)) -> String {
    let ids: Vec<&str> = a.documents.iter().map(|d| d.id.as_str()).collect();
    let mut header: Vec<String> = ["id", "kind", "label", "label_ar", "status"].iter().map(|s| s.to_string()).collect();
    header.extend(ids.iter().map(|d| d.to_string()));
    let rows = a.facts.iter().map(|f| {
        let kind = match f.kind {
            FactKind::Quantity => "quantity",
            FactKind::Date => "date",
            FactKind::Name => "name",
        };
        let (en, ar) = labels(f);
        let mut cols = vec![f.id.clone(), kind.to_string(), en, ar, f.status.code().to_string()];
        for d in &ids {
            let mut cells: Vec<String> = Vec::new();
            for v in f.values.iter().filter(|v| v.document == *d) {
                let c = format!("{} [{}]", v.text, v.value.display());
                if !cells.contains(&c) {
                    cells.push(c);
                }
            }
            cols.push(cells.join(" | "));
        }
        cols
    });
    csv(std::iter::once(header).chain(rows))
}

//! The comparison table, one row per entity and one column per article.

use crate::model::{Analysis, Entity};

/// One cell: how many times an article names the entity and the spelling it uses most.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    pub count: usize,
    pub spelling: Option<String>,
}

/// One row of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row<'a> {
    pub entity: &'a Entity,
    pub cells: Vec<Cell>,
}

impl Row<'_> {
    /// Articles that name the entity.
    pub fn coverage(&self) -> usize {
        self.cells.iter().filter(|c| c.count > 0).count()
    }
}

/// The table: rows in the analysis' entity order, cells in document order.
pub fn table(a: &Analysis) -> Vec<Row<'_>> {
    a.entities
        .iter()
        .map(|e| Row {
            entity: e,
            cells: a
                .documents
                .iter()
                .map(|d| Cell {
                    count: e.documents.get(&d.id).copied().unwrap_or(0),
                    spelling: e.spellings.get(&d.id).and_then(|s| s.first()).map(|s| s.text.clone()),
                })
                .collect(),
        })
        .collect()
}

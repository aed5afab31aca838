//! The app's components, one file per part of the screen.

pub mod compare;
pub mod doc_list;
pub mod entity_panel;
pub mod header;
pub mod legend;
pub mod reader;

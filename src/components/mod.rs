//! The app's components, one file per part of the screen.

pub mod about;
pub mod add;
pub mod compare;
pub mod correct;
pub mod coverage;
pub mod picture;
pub mod doc_list;
pub mod entity_panel;
pub mod facts;
pub mod graph;
pub mod header;
pub mod legend;
pub mod notices;
pub mod progress;
pub mod reader;
pub mod timeline;
pub mod wire;
pub mod workspace_tools;

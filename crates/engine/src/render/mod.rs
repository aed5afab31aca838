//! Showing an analysed article: [`pieces`] cuts it into text, names and furniture (the web app's
//! reader and the prerender both use it); [`html`] serialises the reader as static HTML for the
//! build-time prerender.

pub mod html;
pub mod pieces;

pub use html::{escape_attr, escape_text, reader_html, Wording};
pub use pieces::{piece_indices, pieces, runs, Piece, PieceIndices, PieceKind, Pieces};

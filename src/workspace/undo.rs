//! Undoing a change: the [`Undo`] value every operation of the [`Workspace`] returns, and
//! [`Workspace::undo`], which applies it.

use super::{Article, Bundled, Meta, Settings, Workspace};
use qarin_engine::decisions::Decision;
use qarin_engine::Document;

/// The inverse of a change to the [`Workspace`], as returned by the change and applied by
/// [`Workspace::undo`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Undo {
    /// Remove the articles added with these ids.
    Added(Vec<String>),
    /// Put a removed article back at its place.
    RemovedArticle { index: usize, article: Article },
    /// Bring back a removed bundled article.
    RemovedBundled(String),
    /// Put back an article's metadata: the user's article as it was, or a bundled article's
    /// edit as it was (`None`: no edit).
    Meta { id: String, article: Option<Article>, edit: Option<Meta> },
    /// Put back what was done to the bundled corpus.
    Bundled(Bundled),
    Settings(Settings),
    Decisions(Vec<Decision>),
    /// Put back the whole workspace (an import).
    Replace(Box<Workspace>),
}

impl Workspace {
    /// Apply an [`Undo`]. Returns the id of an article it brought back, if any (a removed article
    /// whose id has been taken since comes back under a new one).
    pub fn undo(&mut self, u: Undo, bundled: &[Document]) -> Option<String> {
        match u {
            Undo::Added(ids) => {
                self.articles.retain(|a| !ids.contains(&a.id));
                None
            }
            Undo::RemovedArticle { index, mut article } => {
                if self.articles.iter().any(|x| x.id == article.id) || bundled.iter().any(|d| d.id == article.id) {
                    article.id = self.new_id(&format!("{}.txt", article.id), bundled);
                }
                let id = article.id.clone();
                self.articles.insert(index.min(self.articles.len()), article);
                Some(id)
            }
            Undo::RemovedBundled(id) => {
                self.bundled.removed.retain(|x| *x != id);
                Some(id)
            }
            Undo::Meta { id, article, edit } => {
                match article {
                    Some(before) => {
                        if let Some(a) = self.articles.iter_mut().find(|a| a.id == id) {
                            *a = before;
                        }
                    }
                    None => match edit {
                        Some(m) => {
                            self.bundled.edits.insert(id, m);
                        }
                        None => {
                            self.bundled.edits.remove(&id);
                        }
                    },
                }
                None
            }
            Undo::Bundled(b) => {
                self.bundled = b;
                None
            }
            Undo::Settings(s) => {
                self.settings = s;
                None
            }
            Undo::Decisions(d) => {
                self.decisions = d;
                None
            }
            Undo::Replace(ws) => {
                *self = *ws;
                None
            }
        }
    }
}

//! The word lists the tagger's features look words up in.
//!
//! At run time ([`Lists::runtime`]) they are the engine's [`Lexicon`]: gazetteers, hand-written
//! lists, and the tables derived from the first 90 % of ANERcorp. While training on those same
//! sentences, the ANERcorp-derived tables would be an oracle (every training name is listed), and
//! the model would learn to trust the list and ignore context. So training uses *jackknifed* lists
//! ([`FoldLists`]): the sentences are cut into folds, and the words of each fold see names and
//! common words derived from the other folds only, plus the lists that do not come from ANERcorp
//! (countries, platforms, the name gazetteers). A name seen only in its own fold is then as unknown
//! as a new name in a user's article.

use crate::input::conll::TaggedToken;
use crate::lexicon::{derive, Lexicon, Source};
use crate::model::EntityType;
use std::collections::HashMap;


/// Lists derived from some training sentences (one jackknife fold's complement).
#[derive(Debug, Default)]
pub struct FoldLists {
    names: HashMap<String, EntityType>,
    first_names: crate::lexicon::WordSet,
    common: crate::lexicon::WordSet,
}

impl FoldLists {
    /// Derive the ANERcorp-like tables from `sentences` (all of them), as
    /// [`crate::lexicon::derive`] does for the shipped tables.
    pub fn derive(sentences: &[Vec<TaggedToken>], lex: &Lexicon) -> FoldLists {
        let d = derive::derive(sentences, 1.0);
        let mut first_names: crate::lexicon::WordSet = lex.gazetteer_first_names.clone();
        let mut names = HashMap::new();
        for (ty, phrase, _) in d.names {
            if ty == EntityType::Per {
                if let Some((first, _)) = phrase.split_once(' ') {
                    first_names.insert(first.to_string());
                }
            }
            names.insert(phrase, ty);
        }
        let mut common: crate::lexicon::WordSet = d.common.into_iter().map(|(w, _)| w).collect();
        common.extend(lex.function.iter().cloned());
        FoldLists { names, first_names, common }
    }
}

/// A view of the lists: the lexicon as shipped, or the lexicon with its ANERcorp-derived parts
/// replaced by a fold's.
#[derive(Clone, Copy)]
pub struct Lists<'a> {
    pub lex: &'a Lexicon,
    fold: Option<&'a FoldLists>,
}

impl<'a> Lists<'a> {
    pub fn runtime(lex: &'a Lexicon) -> Self {
        Lists { lex, fold: None }
    }

    pub fn fold(lex: &'a Lexicon, fold: &'a FoldLists) -> Self {
        Lists { lex, fold: Some(fold) }
    }

    /// Type of a known name (matching form, words joined by one space).
    pub fn name(&self, key: &str) -> Option<EntityType> {
        // The hand lists of organisations and outlets are no feature (see `Source::International`).
        let entry = self.lex.names.get(key).filter(|e| !e.source.hand_listed());
        match self.fold {
            None => entry.map(|e| e.kind),
            Some(f) => match entry {
                Some(e) if e.source != Source::Anercorp => Some(e.kind),
                _ => f.names.get(key).copied(),
            },
        }
    }

    pub fn first_name(&self, w: &str) -> bool {
        match self.fold {
            None => self.lex.first_names.contains(w),
            Some(f) => f.first_names.contains(w),
        }
    }

    pub fn last_name(&self, w: &str) -> bool {
        self.lex.last_names.contains(w)
    }

    pub fn common(&self, w: &str) -> bool {
        match self.fold {
            None => self.lex.common.contains(w),
            Some(f) => f.common.contains(w),
        }
    }
}

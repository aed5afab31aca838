//! Hand-written word lists of general Arabic news language. Each list is about a *kind* of word
//! (titles, organisation heads, place triggers, function words …), never about one story. Entries
//! are written in ordinary spelling and normalised when the lexicon loads.
//!
//! The lists are data, not code: `data/words/lists.txt` (function words, titles, organisation
//! and media heads, place triggers, time words, country aliases, and the head words and other
//! lists single rules read), which travels in the word-list asset, so that the page's code does
//! not carry them ([`super::Lexicon`] reads them; [`super::Lexicon::heads`] gives a list of heads).


//! The search across everything, and completions of the word being typed.

use shared::{SearchResults, SearchSuggestions};

use super::Read;

/// `search_all`
pub fn all(q: &str) -> Read<SearchResults> {
    Read::with_query("/search", &[("q", Some(q.to_owned()))])
}

/// `suggest_search_words`
pub fn suggest(q: &str) -> Read<SearchSuggestions> {
    Read::with_query("/search/suggest", &[("q", Some(q.to_owned()))])
}

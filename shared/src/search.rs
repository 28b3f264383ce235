//! `GET /search`: the best labs, needs, ideas, offerings and methods for a query, together,
//! each hit with its matched words marked; `GET /search/suggest`: completions of the word
//! being typed.

use serde::{Deserialize, Serialize};

use crate::{Idea, Lab, Method, Need, Offering};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SearchResults {
    /// The spelling searched for when the query as typed found nothing and a close one
    /// of the platform's words did (`läxhjalp` → `läxhjälp`); absent when the query was
    /// searched as typed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(example = "läxhjälp"))]
    pub searched_for: Option<String>,
    pub labs: Vec<LabHit>,
    pub needs: Vec<NeedHit>,
    pub ideas: Vec<IdeaHit>,
    pub offerings: Vec<OfferingHit>,
    /// Published methods of the method bank.
    pub methods: Vec<MethodHit>,
}

impl SearchResults {
    /// Whether nothing at all was found.
    pub fn is_empty(&self) -> bool {
        self.labs.is_empty()
            && self.needs.is_empty()
            && self.ideas.is_empty()
            && self.offerings.is_empty()
            && self.methods.is_empty()
    }
}

/// Where the words of a search stand in a hit: its title and a short snippet of its text,
/// cut into pieces of plain text, the matched ones marked. Plain text, never markup: a
/// client shows each piece as text (a marked one in `<mark>`), so no stored text can
/// inject markup.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Highlight {
    pub title: Vec<Segment>,
    /// About 30 words of the text around the first matched word (or its start), with
    /// `…` where it was cut.
    pub snippet: Vec<Segment>,
}

/// A piece of a highlighted text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"text": "läxhjälpsgruppen", "marked": true})))]
pub struct Segment {
    pub text: String,
    /// Whether this piece is a word the search matched (or one of its forms, compounds or
    /// synonyms).
    pub marked: bool,
}

/// A search hit: the object as its own GET shows it, and its highlight.
macro_rules! hit {
    ($(#[$doc:meta])* $name:ident, $item:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        pub struct $name {
            #[serde(flatten)]
            pub item: $item,
            pub highlight: Highlight,
        }
    };
}

hit!(
    /// A lab found by a search, with its highlight.
    LabHit,
    Lab
);
hit!(
    /// A need found by a search, with its highlight.
    NeedHit,
    Need
);
hit!(
    /// An idea found by a search, with its highlight.
    IdeaHit,
    Idea
);
hit!(
    /// An offering found by a search, with its highlight.
    OfferingHit,
    Offering
);
hit!(
    /// A published method found by a search, with its highlight.
    MethodHit,
    Method
);

/// The shortest start of a word that `GET /search/suggest` completes: the web client asks
/// no sooner.
pub const SHORTEST_COMPLETED: usize = 2;

/// Completions of the last word of a query, most common first, each the whole query with
/// that word completed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"suggestions": ["trygghet i läxhjälp", "trygghet i läxhjälpsgruppen", "trygghet i läxläsning"]})))]
pub struct SearchSuggestions {
    pub suggestions: Vec<String>,
}

//! `GET /search`: the best labs, needs, ideas and methods for a query, together.

use serde::{Deserialize, Serialize};

use crate::{Idea, Lab, Method, Need};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SearchResults {
    pub labs: Vec<Lab>,
    pub needs: Vec<Need>,
    pub ideas: Vec<Idea>,
    /// Published methods of the method bank.
    pub methods: Vec<Method>,
}

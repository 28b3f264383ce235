//! `GET /search`: the best labs, needs and ideas for a query, together.

use serde::{Deserialize, Serialize};

use crate::{Idea, Lab, Need};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SearchResults {
    pub labs: Vec<Lab>,
    pub needs: Vec<Need>,
    pub ideas: Vec<Idea>,
}

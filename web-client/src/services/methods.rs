//! The method bank: methods, their evidence and adoptions, and how they spread.

use std::fmt::Display;

use shared::{
    Adoption, CreateAdoption, CreateEvidence, CreateMethod, Evidence, Method, MethodSpread, Page,
    RetireMethod, UpdateMethod,
};

use super::{Read, Write, segment};

/// `GET /methods` with the list's filters (`list_methods`).
pub fn list(filters: &[(&str, Option<String>)]) -> Read<Page<Method>> {
    Read::with_query("/methods", filters)
}

/// `get_method`
pub fn get(id: impl Display) -> Read<Method> {
    Read::new(format!("/methods/{}", segment(id)))
}

/// `create_method`
pub fn create(body: &CreateMethod) -> Write<Method> {
    Write::post("/methods", body)
}

/// `update_method`
pub fn update(id: impl Display, body: &UpdateMethod) -> Write<Method> {
    Write::patch(format!("/methods/{}", segment(id)), body)
}

/// `publish_method`
pub fn publish(id: impl Display) -> Write<Method> {
    Write::post_empty(format!("/methods/{}/publish", segment(id)))
}

/// `retire_method`
pub fn retire(id: impl Display, body: &RetireMethod) -> Write<Method> {
    Write::post(format!("/methods/{}/retire", segment(id)), body)
}

/// `list_method_evidence`
pub fn evidence(id: impl Display) -> Read<Page<Evidence>> {
    Read::new(format!("/methods/{}/evidence", segment(id)))
}

/// `add_method_evidence`
pub fn add_evidence(id: impl Display, body: &CreateEvidence) -> Write<Evidence> {
    Write::post(format!("/methods/{}/evidence", segment(id)), body)
}

/// `list_method_adoptions`
pub fn adoptions(id: impl Display) -> Read<Page<Adoption>> {
    Read::new(format!("/methods/{}/adoptions", segment(id)))
}

/// `adopt_method`, with the form's fields as typed (a `CreateAdoption`): the API checks
/// them and says which one is wrong.
pub fn adopt(id: impl Display, body: &CreateAdoption) -> Write<Adoption> {
    Write::post(format!("/methods/{}/adoptions", segment(id)), body)
}

/// `get_method_spread`
pub fn spread(id: impl Display) -> Read<MethodSpread> {
    Read::new(format!("/methods/{}/spread", segment(id)))
}

/// `create_lab_method`: a draft method made from a lab.
pub fn from_lab(lab: impl Display) -> Write<Method> {
    Write::post_empty(format!("/labs/{}/method", segment(lab)))
}

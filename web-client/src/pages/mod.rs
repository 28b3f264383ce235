//! One module per page.

pub mod account;
mod coming_soon;
mod idea;
mod lab;
mod lab_form;
mod labs;
mod matches;
mod need;
mod needs;
mod new_organization;
mod not_found;
mod notifications;
mod offering_form;
mod offerings;
mod organization;
mod register;
mod sign_in;
mod start;

pub use account::Account;
pub use coming_soon::{ComingSoon, Section};
pub use idea::IdeaPage;
pub use lab::LabPage;
pub use lab_form::{EditLab, NewLab};
pub use labs::{LabCard, LabsPage};
pub use matches::{MatchPage, MatchesPage};
pub use need::NeedPage;
pub use needs::NeedsPage;
pub use new_organization::NewOrganization;
pub use not_found::NotFound;
pub use notifications::{NotificationBell, NotificationsPage, UnreadProvider};
pub use offering_form::{EditOffering, NewOffering};
pub use offerings::{OfferingPage, OfferingsPage};
pub use organization::OrganizationPage;
pub use register::Register;
pub use sign_in::SignIn;
pub use start::Start;

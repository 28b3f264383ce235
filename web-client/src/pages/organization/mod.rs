//! An organisation's page: its details, what it does on the platform, and for its members the
//! members, API keys and webhooks.

use i18n_embed_fl::fl;
use shared::{AddMember, CreateApiKey, CreatedApiKey, Role, Scope, UpdateMember};
use web_sys::HtmlInputElement;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::{self, ApiError, Fetch, use_get};
use crate::app::Route;
use crate::components::form::{FormError, SelectField, TextField};
use crate::components::{ErrorMessage, Loading, ReportButton, fetched, status};
use crate::forms::delete_then_reload;
use crate::i18n::{form_message, kind_name, role_name, use_i18n, use_title};
use crate::services;
use crate::session::use_session;

mod add_member;
mod api_keys;
mod members;
mod webhooks;
mod work;

use add_member::*;
use api_keys::*;
use members::*;
use webhooks::*;
use work::*;

#[derive(Properties, PartialEq)]
pub struct OrganizationPageProps {
    pub id: String,
}

/// An organisation: its details; for its members, the members; for its owners and admins,
/// member management and API keys.
#[component]
pub fn OrganizationPage(props: &OrganizationPageProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let session = use_session();
    let organization = use_get(services::organizations::get(&props.id));
    use_title(match &organization.state {
        Fetch::Loaded(organization) => organization.name.clone(),
        _ => fl!(loader, "organization-loading"),
    });
    let organization = match status::object(
        &organization,
        fl!(loader, "organization-loading"),
        Some(fl!(loader, "organization-not-found")),
    ) {
        Ok(value) => value,
        Err(instead) => return instead,
    };
    html! {
        <>
            <h1>{ &organization.name }</h1>
            <p class="meta">
                { format!("{} · {} · {}", kind_name(loader, organization.kind), organization.municipality_name, organization.org_number) }
            </p>
            <p class={classes!("badge", organization.verified.then_some("badge--verified"))}>
                { if organization.verified { fl!(loader, "organization-verified") } else { fl!(loader, "organization-not-verified") } }
            </p>
            if organization.hidden {
                <p class="notice" role="status">{ fl!(loader, "organization-hidden") }</p>
            }
            if !organization.description.is_empty() {
                <p>{ &organization.description }</p>
            }
            if let Some(website) = &organization.website {
                <p><a href={website.clone()} rel="noopener noreferrer">{ website }</a></p>
            }
            <OrganizationWork id={props.id.clone()} />
            <Members id={props.id.clone()} />
            if session.me().is_some() && !organization.hidden {
                <ReportOrganization id={organization.id} />
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct ReportOrganizationProps {
    id: uuid::Uuid,
}

/// "Anmäl" for those who are not members of the organisation.
#[component]
fn ReportOrganization(props: &ReportOrganizationProps) -> Html {
    let mine = use_get(services::me::organizations());
    match &mine.state {
        Fetch::Loaded(mine) if !mine.items.iter().any(|m| m.organization.id == props.id) => html! {
            <ReportButton target_type={shared::ReportTarget::Organization} target_id={props.id} />
        },
        _ => html! {},
    }
}

#[derive(Properties, PartialEq)]
struct SectionProps {
    id: String,
}

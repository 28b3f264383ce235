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
use crate::components::{ErrorMessage, Loading, fetched};
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
    let organization = use_get(services::organizations::get(&props.id));
    let title = match &organization.state {
        Fetch::Loaded(organization) => organization.name.clone(),
        _ => fl!(loader, "organization-loading"),
    };
    use_title(title);
    match &organization.state {
        Fetch::Loading => html! { <Loading text={fl!(loader, "organization-loading")} /> },
        Fetch::Failed(_) => html! { <ErrorMessage on_retry={organization.reload.clone()} /> },
        Fetch::Loaded(organization) => html! {
            <>
                <h1>{ &organization.name }</h1>
                <p class="meta">
                    { format!("{} · {} · {}", kind_name(loader, organization.kind), organization.municipality_name, organization.org_number) }
                </p>
                <p class={classes!("badge", organization.verified.then_some("badge--verified"))}>
                    { if organization.verified { fl!(loader, "organization-verified") } else { fl!(loader, "organization-not-verified") } }
                </p>
                if !organization.description.is_empty() {
                    <p>{ &organization.description }</p>
                }
                if let Some(website) = &organization.website {
                    <p><a href={website.clone()} rel="noopener noreferrer">{ website }</a></p>
                }
                <OrganizationWork id={props.id.clone()} />
                <Members id={props.id.clone()} />
            </>
        },
    }
}

#[derive(Properties, PartialEq)]
struct SectionProps {
    id: String,
}

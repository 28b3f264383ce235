//! Opening a lab, and changing one (its hosts). A change made by someone else meanwhile
//! (412) is reported, and the latest version can be loaded without losing what was typed.

use chrono::NaiveDate;
use i18n_embed_fl::fl;
use shared::{CreateLab, Lab, UpdateLab, Visibility};
use uuid::Uuid;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::use_get;
use crate::app::Route;
use crate::components::form::{SelectField, TextAreaField, TextField};
use crate::components::places::{MunicipalityOptions, use_challenge_areas};
use crate::components::status;
use crate::forms::{ResourceFormProps, go_to, setter, use_resource_form};
use crate::i18n::{use_i18n, use_title};
use crate::pages::account::use_acting_organizations;
use crate::services;

/// What the form holds, as typed.
#[derive(Debug, Clone, PartialEq, Default)]
struct Draft {
    host: String,
    title: String,
    summary: String,
    description: String,
    challenge_area: String,
    municipality_code: String,
    neighbourhood: String,
    starts_on: String,
    ends_on: String,
    visibility: String,
}

impl Draft {
    fn of(lab: &Lab) -> Self {
        Draft {
            host: lab.host.id.to_string(),
            title: lab.title.clone(),
            summary: lab.summary.clone(),
            description: lab.description.clone(),
            challenge_area: lab.challenge_area.clone(),
            municipality_code: lab.municipality_code.clone(),
            neighbourhood: lab.neighbourhood.clone(),
            starts_on: lab.starts_on.map(|d| d.to_string()).unwrap_or_default(),
            ends_on: lab.ends_on.map(|d| d.to_string()).unwrap_or_default(),
            visibility: lab.visibility.as_str().to_owned(),
        }
    }

    fn date(text: &str) -> Option<NaiveDate> {
        text.parse().ok()
    }

    fn visibility(&self) -> Visibility {
        Visibility::parse(&self.visibility).unwrap_or(Visibility::Public)
    }
}

/// Open a new lab.
#[component]
pub fn NewLab() -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    use_title(fl!(loader, "lab-new-title"));
    let navigator = use_navigator();
    let organizations = match use_acting_organizations(
        fl!(loader, "lab-new-title"),
        fl!(loader, "lab-new-needs-organization"),
    ) {
        Ok(organizations) => organizations,
        Err(instead) => return instead,
    };
    let initial = Draft {
        host: organizations
            .first()
            .map(|o| o.organization.id.to_string())
            .unwrap_or_default(),
        challenge_area: "unemployment".to_owned(),
        municipality_code: organizations
            .first()
            .map(|o| o.organization.municipality_code.clone())
            .unwrap_or_default(),
        visibility: "public".to_owned(),
        ..Draft::default()
    };
    let on_save = Callback::from(move |draft: Draft| {
        let body = CreateLab {
            host_organization_id: draft.host.parse::<Uuid>().ok(),
            title: draft.title.clone(),
            summary: draft.summary.clone(),
            description: draft.description.clone(),
            challenge_area: draft.challenge_area.clone(),
            municipality_code: draft.municipality_code.clone(),
            neighbourhood: draft.neighbourhood.clone(),
            starts_on: Draft::date(&draft.starts_on),
            ends_on: Draft::date(&draft.ends_on),
            visibility: draft.visibility(),
        };
        services::labs::create(&body)
    });
    let on_saved = go_to(navigator, |lab: &Lab| Route::Lab {
        id: lab.id.to_string(),
    });
    html! {
        <section class="narrow" aria-labelledby="page-title">
            <h1 id="page-title">{ fl!(loader, "lab-new-title") }</h1>
            <LabForm {initial} version={0} organizations={organizations} {on_save} {on_saved} latest={None} submit={fl!(loader, "lab-create")} />
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct EditLabProps {
    pub id: String,
}

/// Change a lab (its hosts).
#[component]
pub fn EditLab(props: &EditLabProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    use_title(fl!(loader, "lab-edit"));
    let navigator = use_navigator();
    let lab = use_get(services::labs::get(&props.id));
    let lab = match status::object(&lab, fl!(loader, "lab-loading"), None) {
        Ok(value) => value,
        Err(instead) => return instead,
    };
    let id = lab.id;
    let on_save = {
        Callback::from(move |draft: Draft| {
            let body = UpdateLab {
                title: Some(draft.title.clone()),
                summary: Some(draft.summary.clone()),
                description: Some(draft.description.clone()),
                challenge_area: Some(draft.challenge_area.clone()),
                municipality_code: Some(draft.municipality_code.clone()),
                neighbourhood: Some(draft.neighbourhood.clone()),
                starts_on: Some(Draft::date(&draft.starts_on)),
                ends_on: Some(Draft::date(&draft.ends_on)),
                visibility: Some(draft.visibility()),
            };
            services::labs::update(id, &body)
        })
    };
    let on_saved = go_to(navigator, |lab: &Lab| Route::Lab {
        id: lab.id.to_string(),
    });
    html! {
        <section class="narrow" aria-labelledby="page-title">
            <h1 id="page-title">{ fl!(loader, "lab-edit-title", title = lab.title.clone()) }</h1>
            <LabForm initial={Draft::of(&lab)} version={lab.version} organizations={Vec::new()} {on_save} {on_saved}
                latest={Some(services::labs::get(id))} submit={fl!(loader, "account-save")} />
        </section>
    }
}

#[component]
fn LabForm(props: &ResourceFormProps<Draft, Lab>) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let areas = use_challenge_areas();
    let (draft, save) = use_resource_form(props);
    let field = |update: fn(&mut Draft, String)| setter(&draft, update);
    let error = &save.error;
    let field_error = |name: &str| error.as_ref().and_then(|e| e.field(name));
    let onsubmit = save.onsubmit.clone();
    let language = i18n.language().code();
    html! {
        <form {onsubmit} novalidate=true>
            { save.feedback(loader) }
            if props.organizations.len() > 1 {
                <SelectField id="host" label={fl!(loader, "lab-host")} value={draft.host.clone()} on_change={field(|d, v| d.host = v)} error={field_error("host_organization_id")}>
                    { for props.organizations.iter().map(|mine| html! {
                        <option value={mine.organization.id.to_string()} selected={draft.host == mine.organization.id.to_string()}>{ &mine.organization.name }</option>
                    }) }
                </SelectField>
            }
            <TextField id="title" label={fl!(loader, "form-title")} value={draft.title.clone()} on_change={field(|d, v| d.title = v)} error={field_error("title")} required=true />
            <TextField id="summary" label={fl!(loader, "lab-summary")} value={draft.summary.clone()} on_change={field(|d, v| d.summary = v)} error={field_error("summary")} />
            <TextAreaField id="description" label={fl!(loader, "form-description")} hint={fl!(loader, "lab-description-hint")} rows={8}
                value={draft.description.clone()} on_change={field(|d, v| d.description = v)} error={field_error("description")} />
            <SelectField id="challenge_area" label={fl!(loader, "lab-challenge-area")} value={draft.challenge_area.clone()} on_change={field(|d, v| d.challenge_area = v)} error={field_error("challenge_area")}>
                { for areas.iter().map(|area| html! {
                    <option value={area.key.clone()} selected={draft.challenge_area == area.key}>{ area.name.get(language) }</option>
                }) }
            </SelectField>
            <SelectField id="municipality_code" label={fl!(loader, "organization-municipality")} value={draft.municipality_code.clone()} on_change={field(|d, v| d.municipality_code = v)} error={field_error("municipality_code")}>
                <option value="" selected={draft.municipality_code.is_empty()}>{ fl!(loader, "organization-choose-municipality") }</option>
                <MunicipalityOptions selected={draft.municipality_code.clone()} />
            </SelectField>
            <TextField id="neighbourhood" label={fl!(loader, "lab-neighbourhood")} value={draft.neighbourhood.clone()} on_change={field(|d, v| d.neighbourhood = v)} error={field_error("neighbourhood")} />
            <TextField id="starts_on" kind="date" label={fl!(loader, "lab-starts-on")} value={draft.starts_on.clone()} on_change={field(|d, v| d.starts_on = v)} error={field_error("starts_on")} />
            <TextField id="ends_on" kind="date" label={fl!(loader, "lab-ends-on")} value={draft.ends_on.clone()} on_change={field(|d, v| d.ends_on = v)} error={field_error("ends_on")} />
            <SelectField id="visibility" label={fl!(loader, "lab-visibility")} value={draft.visibility.clone()} on_change={field(|d, v| d.visibility = v)}>
                <option value="public" selected={draft.visibility == "public"}>{ fl!(loader, "visibility-public") }</option>
                <option value="members" selected={draft.visibility == "members"}>{ fl!(loader, "visibility-members") }</option>
            </SelectField>
            <button type="submit" class="button" disabled={save.busy}>{ &props.submit }</button>
        </form>
    }
}

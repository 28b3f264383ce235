//! Offering something, and changing an offering (its organisation's members). A change made
//! by someone else meanwhile (412) is reported, keeping what was typed.

use i18n_embed_fl::fl;
use shared::{Coverage, CreateOffering, Offering, OfferingKind, OfferingStatus, UpdateOffering};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::use_get;
use crate::app::Route;
use crate::components::form::{SelectField, TextAreaField, TextField};
use crate::components::places::{CountyOptions, MunicipalityOptions, use_challenge_areas};
use crate::components::status;
use crate::forms::{ResourceFormProps, go_to, setter, use_resource_form};
use crate::i18n::{offering_kind_name, use_i18n, use_title};
use crate::pages::account::use_acting_organizations;
use crate::services;

/// What the form holds, as typed.
#[derive(Debug, Clone, PartialEq, Default)]
struct Draft {
    organization: String,
    title: String,
    description: String,
    kind: String,
    challenge_area: String,
    /// `national`, `county` or `municipality`.
    reach: String,
    county: String,
    municipality: String,
    tags: String,
    status: String,
}

impl Draft {
    fn of(offering: &Offering) -> Self {
        let coverage = &offering.coverage;
        let reach = if coverage.national {
            "national"
        } else if !coverage.counties.is_empty() {
            "county"
        } else {
            "municipality"
        };
        Draft {
            organization: offering.organization.id.to_string(),
            title: offering.title.clone(),
            description: offering.description.clone(),
            kind: offering.kind.as_str().to_owned(),
            challenge_area: offering
                .challenge_areas
                .first()
                .cloned()
                .unwrap_or_default(),
            reach: reach.to_owned(),
            county: coverage.counties.first().cloned().unwrap_or_default(),
            municipality: coverage.municipalities.first().cloned().unwrap_or_default(),
            tags: offering.tags.join(", "),
            status: offering.status.as_str().to_owned(),
        }
    }

    fn coverage(&self) -> Coverage {
        match self.reach.as_str() {
            "national" => Coverage {
                national: true,
                ..Coverage::default()
            },
            "county" => Coverage {
                counties: vec![self.county.clone()],
                ..Coverage::default()
            },
            _ => Coverage {
                municipalities: vec![self.municipality.clone()],
                ..Coverage::default()
            },
        }
    }

    fn tags(&self) -> Vec<String> {
        crate::forms::split_tags(&self.tags)
    }

    fn kind(&self) -> OfferingKind {
        OfferingKind::parse(&self.kind).unwrap_or(OfferingKind::Service)
    }
}

#[component]
pub fn NewOffering() -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    use_title(fl!(loader, "offering-new-title"));
    let navigator = use_navigator();
    let organizations = match use_acting_organizations(
        fl!(loader, "offering-new-title"),
        fl!(loader, "offering-new-needs-organization"),
    ) {
        Ok(organizations) => organizations,
        Err(instead) => return instead,
    };
    let initial = Draft {
        organization: organizations
            .first()
            .map(|o| o.organization.id.to_string())
            .unwrap_or_default(),
        kind: "service".to_owned(),
        challenge_area: "unemployment".to_owned(),
        reach: "municipality".to_owned(),
        municipality: organizations
            .first()
            .map(|o| o.organization.municipality_code.clone())
            .unwrap_or_default(),
        status: "active".to_owned(),
        ..Draft::default()
    };
    let on_save = Callback::from(|draft: Draft| {
        let body = CreateOffering {
            organization_id: draft.organization.parse().ok(),
            title: draft.title.clone(),
            description: draft.description.clone(),
            kind: draft.kind(),
            challenge_areas: vec![draft.challenge_area.clone()],
            coverage: draft.coverage(),
            tags: draft.tags(),
        };
        services::offerings::create(&body)
    });
    let on_saved = go_to(navigator, |offering: &Offering| Route::Offering {
        id: offering.id.to_string(),
    });
    html! {
        <section class="narrow" aria-labelledby="page-title">
            <h1 id="page-title">{ fl!(loader, "offering-new-title") }</h1>
            <OfferingForm {initial} version={0} organizations={organizations} {on_save} {on_saved} latest={None} submit={fl!(loader, "offering-create")} />
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct EditOfferingProps {
    pub id: String,
}

#[component]
pub fn EditOffering(props: &EditOfferingProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    use_title(fl!(loader, "offering-edit"));
    let navigator = use_navigator();
    let offering = use_get(services::offerings::get(&props.id));
    let offering = match status::object(&offering, fl!(loader, "offering-loading"), None) {
        Ok(value) => value,
        Err(instead) => return instead,
    };
    let id = offering.id;
    let on_save = {
        Callback::from(move |draft: Draft| {
            let body = UpdateOffering {
                title: Some(draft.title.clone()),
                description: Some(draft.description.clone()),
                kind: Some(draft.kind()),
                challenge_areas: Some(vec![draft.challenge_area.clone()]),
                coverage: Some(draft.coverage()),
                tags: Some(draft.tags()),
                status: OfferingStatus::parse(&draft.status),
            };
            services::offerings::update(id, &body)
        })
    };
    let on_saved = go_to(navigator, |offering: &Offering| Route::Offering {
        id: offering.id.to_string(),
    });
    html! {
        <section class="narrow" aria-labelledby="page-title">
            <h1 id="page-title">{ fl!(loader, "offering-edit") }</h1>
            <OfferingForm initial={Draft::of(&offering)} version={offering.version} organizations={Vec::new()} {on_save} {on_saved}
                latest={Some(services::offerings::get(id))} submit={fl!(loader, "account-save")} />
        </section>
    }
}

#[component]
fn OfferingForm(props: &ResourceFormProps<Draft, Offering>) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let areas = use_challenge_areas();
    let (draft, save) = use_resource_form(props);
    let field = |update: fn(&mut Draft, String)| setter(&draft, update);
    let error = &save.error;
    let field_error = |name: &str| error.as_ref().and_then(|e| e.field(name));
    let coverage_error = field_error("coverage")
        .or_else(|| field_error("coverage.counties"))
        .or_else(|| field_error("coverage.municipalities"));
    let onsubmit = save.onsubmit.clone();
    let language = i18n.language().code();
    html! {
        <form {onsubmit} novalidate=true>
            { save.feedback(loader) }
            if props.organizations.len() > 1 {
                <SelectField id="organization" label={fl!(loader, "offering-organization")} value={draft.organization.clone()} on_change={field(|d, v| d.organization = v)} error={field_error("organization_id")}>
                    { for props.organizations.iter().map(|mine| html! {
                        <option value={mine.organization.id.to_string()} selected={draft.organization == mine.organization.id.to_string()}>{ &mine.organization.name }</option>
                    }) }
                </SelectField>
            }
            <TextField id="title" label={fl!(loader, "form-title")} value={draft.title.clone()} on_change={field(|d, v| d.title = v)} error={field_error("title")} required=true />
            <TextAreaField id="description" label={fl!(loader, "form-description")} rows={5} value={draft.description.clone()} on_change={field(|d, v| d.description = v)} error={field_error("description")} />
            <SelectField id="kind" label={fl!(loader, "offering-kind")} value={draft.kind.clone()} on_change={field(|d, v| d.kind = v)}>
                { for OfferingKind::ALL.iter().map(|kind| html! {
                    <option value={kind.as_str()} selected={draft.kind == kind.as_str()}>{ offering_kind_name(loader, *kind) }</option>
                }) }
            </SelectField>
            <SelectField id="challenge_area" label={fl!(loader, "lab-challenge-area")} value={draft.challenge_area.clone()} on_change={field(|d, v| d.challenge_area = v)} error={field_error("challenge_areas")}>
                { for areas.iter().map(|area| html! {
                    <option value={area.key.clone()} selected={draft.challenge_area == area.key}>{ area.name.get(language) }</option>
                }) }
            </SelectField>
            <SelectField id="reach" label={fl!(loader, "offering-reach")} value={draft.reach.clone()} on_change={field(|d, v| d.reach = v)} error={coverage_error}>
                <option value="municipality" selected={draft.reach == "municipality"}>{ fl!(loader, "offering-reach-municipality") }</option>
                <option value="county" selected={draft.reach == "county"}>{ fl!(loader, "offering-reach-county") }</option>
                <option value="national" selected={draft.reach == "national"}>{ fl!(loader, "coverage-national") }</option>
            </SelectField>
            if draft.reach == "municipality" {
                <SelectField id="municipality" label={fl!(loader, "organization-municipality")} value={draft.municipality.clone()} on_change={field(|d, v| d.municipality = v)}>
                    <MunicipalityOptions selected={draft.municipality.clone()} />
                </SelectField>
            }
            if draft.reach == "county" {
                <SelectField id="county" label={fl!(loader, "filter-county")} value={draft.county.clone()} on_change={field(|d, v| d.county = v)}>
                    <option value="" selected={draft.county.is_empty()}>{ fl!(loader, "filter-county") }</option>
                    <CountyOptions selected={draft.county.clone()} />
                </SelectField>
            }
            <TextField id="tags" label={fl!(loader, "need-tags")} hint={fl!(loader, "offering-tags-hint")} value={draft.tags.clone()} on_change={field(|d, v| d.tags = v)} error={field_error("tags")} />
            if props.organizations.is_empty() {
                <SelectField id="status" label={fl!(loader, "offering-status")} value={draft.status.clone()} on_change={field(|d, v| d.status = v)}>
                    <option value="active" selected={draft.status == "active"}>{ fl!(loader, "offering-status-active") }</option>
                    <option value="paused" selected={draft.status == "paused"}>{ fl!(loader, "offering-status-paused") }</option>
                </SelectField>
            }
            <button type="submit" class="button" disabled={save.busy}>{ &props.submit }</button>
        </form>
    }
}

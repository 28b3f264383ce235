//! A method's page: what it is and what it takes, its evidence with the measurements behind
//! it, where it has been taken up (a county map and a table), its resources, and "Vi vill
//! använda metoden". The owning organisation edits, publishes, retires and adds evidence.

use i18n_embed_fl::fl;
use shared::{
    Adoption, AdoptionStatus, CreateAdoption, CreateEvidence, Evidence, Indicator,
    Link as SourceLink, Method, MethodStatus, ResourceKind, RetireMethod,
};
use uuid::Uuid;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::{self, ApiError, Fetch, use_get};
use crate::app::Route;
use crate::components::evidence::level_name;
use crate::components::form::{FormError, SelectField, TextAreaField, TextField};
use crate::components::places::{MunicipalityOptions, use_challenge_areas};
use crate::components::status;
use crate::components::{CountyMap, EvidenceLadder, IndicatorChart, LevelReasons, fetched};
use crate::forms::{setter, use_create_form};
use crate::i18n::{area_name, form_message, use_i18n, use_title};
use crate::services;
use crate::session::use_session;

mod actions;
mod adoptions;
mod evidence;

use actions::*;
use adoptions::*;
use evidence::*;

#[derive(Properties, PartialEq)]
pub struct MethodPageProps {
    pub id: String,
}

#[component]
pub fn MethodPage(props: &MethodPageProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let method = use_get(services::methods::get(&props.id));
    let areas = use_challenge_areas();
    use_title(match &method.state {
        Fetch::Loaded(method) => method.title.clone(),
        _ => fl!(loader, "method-loading"),
    });
    let value = match status::object(
        &method,
        fl!(loader, "method-loading"),
        Some(fl!(loader, "method-not-found")),
    ) {
        Ok(value) => value,
        Err(instead) => return instead,
    };
    let transfer = [
        (fl!(loader, "method-transfer-staff"), &value.transfer.staff),
        (fl!(loader, "method-transfer-time"), &value.transfer.time),
        (
            fl!(loader, "method-transfer-cost"),
            &value.transfer.cost_range,
        ),
        (
            fl!(loader, "method-transfer-prerequisites"),
            &value.transfer.prerequisites,
        ),
    ];
    let has_transfer = transfer.iter().any(|(_, text)| !text.is_empty());
    let status_note = match value.status {
        MethodStatus::Draft => Some(fl!(loader, "method-status-draft")),
        MethodStatus::Retired => Some(fl!(
            loader,
            "method-status-retired",
            reason = value.retired_reason.clone().unwrap_or_default()
        )),
        MethodStatus::Published => None,
    };
    html! {
        <article class="method" aria-labelledby="method-title">
            <div class="page-head">
                <h1 id="method-title">{ &value.title }</h1>
                if value.can_edit {
                    <Link<Route> to={Route::EditMethod { id: props.id.clone() }} classes="button button--secondary">{ fl!(loader, "method-edit") }</Link<Route>>
                }
            </div>
            if let Some(note) = status_note { <p class="badge" id="method-status">{ note }</p> }
            <p class="meta">
                <Link<Route> to={Route::Organization { id: value.organization.id.to_string() }}>{ &value.organization.name }</Link<Route>>
                { " · " }{ value.challenge_areas.iter().map(|a| area_name(&areas, a, i18n.language())).collect::<Vec<_>>().join(", ") }
                { " · " }{ fl!(loader, "method-licence", licence = value.licence.clone()) }
            </p>
            if !value.summary.is_empty() { <p class="lead">{ &value.summary }</p> }
            if value.can_edit { <OwnerActions method={value.clone()} on_changed={method.reload.clone()} /> }
            <section aria-labelledby="evidence-heading">
                <h2 id="evidence-heading">{ fl!(loader, "method-evidence") }</h2>
                <EvidenceLadder id="method" claimed={value.claimed_level} data={value.data_level} reviewed={value.reviewed_level} />
                <LevelReasons reasons={value.level_reasons.clone()} />
                if let (Some(level), Some(note)) = (value.reviewed_level, value.review_note.as_ref()) {
                    <p class="meta">{ fl!(loader, "method-review-note", level = level, note = note.clone()) }</p>
                }
                <EvidenceEntries method={value.clone()} on_added={method.reload.clone()} />
            </section>
            if !value.problem.is_empty() {
                <section aria-labelledby="problem-heading">
                    <h2 id="problem-heading">{ fl!(loader, "method-problem") }</h2>
                    <p class="prose">{ &value.problem }</p>
                </section>
            }
            if !value.approach_html.is_empty() {
                <section aria-labelledby="approach-heading">
                    <h2 id="approach-heading">{ fl!(loader, "method-approach") }</h2>
                    <div class="prose">{ Html::from_html_unchecked(AttrValue::from(value.approach_html.clone())) }</div>
                </section>
            }
            if !value.results.is_empty() {
                <section aria-labelledby="results-heading">
                    <h2 id="results-heading">{ fl!(loader, "method-results") }</h2>
                    <p class="prose">{ &value.results }</p>
                </section>
            }
            if has_transfer {
                <section aria-labelledby="transfer-heading">
                    <h2 id="transfer-heading">{ fl!(loader, "method-transfer") }</h2>
                    <dl class="facts">
                        { for transfer.iter().filter(|(_, text)| !text.is_empty()).map(|(label, text)| html! {
                            <><dt>{ label }</dt><dd>{ *text }</dd></>
                        }) }
                    </dl>
                </section>
            }
            if !value.target_groups.is_empty() {
                <p class="meta">{ fl!(loader, "method-target-groups", groups = value.target_groups.join(", ")) }</p>
            }
            if !value.origin_labs.is_empty() {
                <section aria-labelledby="origin-heading">
                    <h2 id="origin-heading">{ fl!(loader, "method-origin-labs") }</h2>
                    <ul class="plain-list">
                        { for value.origin_labs.iter().map(|lab| html! {
                            <li key={lab.id.to_string()}><Link<Route> to={Route::Lab { id: lab.id.to_string() }}>{ &lab.title }</Link<Route>></li>
                        }) }
                    </ul>
                </section>
            }
            if !value.resources.is_empty() {
                <section aria-labelledby="resources-heading">
                    <h2 id="resources-heading">{ fl!(loader, "method-resources") }</h2>
                    <ul class="plain-list">
                        { for value.resources.iter().map(|resource| html! {
                            <li key={resource.url.clone()}>
                                <a href={resource.url.clone()} rel="noopener noreferrer">{ &resource.title }</a>
                                { format!(" ({})", resource_kind_name(loader, resource.kind)) }
                            </li>
                        }) }
                    </ul>
                </section>
            }
            <Spread id={value.id} />
            <Adoptions method={value.clone()} on_adopted={method.reload.clone()} />
        </article>
    }
}

/// A resource's kind in words.
pub fn resource_kind_name(
    loader: &i18n_embed::fluent::FluentLanguageLoader,
    kind: ResourceKind,
) -> String {
    match kind {
        ResourceKind::Link => fl!(loader, "resource-kind-link"),
        ResourceKind::Manual => fl!(loader, "resource-kind-manual"),
        ResourceKind::Guide => fl!(loader, "resource-kind-guide"),
        ResourceKind::Report => fl!(loader, "resource-kind-report"),
    }
}

#[derive(Properties, PartialEq)]
struct LabIndicatorsProps {
    lab: Uuid,
    /// Only these indicators (all of the lab's when `None`).
    only: Option<Vec<Uuid>>,
}

/// A lab's indicators as charts: the measurements behind a method's evidence.
#[component]
fn LabIndicators(props: &LabIndicatorsProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let indicators = use_get(services::labs::indicators(props.lab));
    fetched(loader, &indicators, |page| {
        let shown: Vec<&Indicator> = page
            .items
            .iter()
            .filter(|i| props.only.as_ref().is_none_or(|only| only.contains(&i.id)))
            .collect();
        html! {
            <ul class="indicator-list">
                { for shown.into_iter().map(|indicator| html! {
                    <li key={indicator.id.to_string()}>
                        <h4>{ &indicator.name }</h4>
                        <IndicatorChart indicator={indicator.clone()} />
                    </li>
                }) }
            </ul>
        }
    })
}

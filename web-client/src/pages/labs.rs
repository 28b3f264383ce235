//! The labs: a list with filters, search and "show more".

use i18n_embed_fl::fl;
use serde::{Deserialize, Serialize};
use shared::{ChallengeArea, Lab, LabPhase, Page};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::use_paged_get;
use crate::app::Route;
use crate::components::form::{SelectField, TextField};
use crate::components::places::{AreaAndPlace, AreaAndPlaceFields, use_challenge_areas};
use crate::components::status;
use crate::forms::{ListFilters, setter, use_list_filters};
use crate::i18n::{area_name, phase_name, use_i18n, use_title};
use crate::services;
use crate::session::use_session;

/// What the list is filtered by.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
struct Filters {
    #[serde(skip_serializing_if = "String::is_empty")]
    q: String,
    #[serde(flatten)]
    place: AreaAndPlace,
    #[serde(skip_serializing_if = "String::is_empty")]
    phase: String,
}

impl Filters {
    fn read(&self) -> services::Read<Page<Lab>> {
        let mut parameters = vec![
            ("q", Some(self.q.trim().to_owned())),
            ("phase", Some(self.phase.clone())),
        ];
        parameters.extend(self.place.parameters());
        services::labs::list(&parameters)
    }
}

/// The labs you may see, newest first or best match first.
#[component]
pub fn LabsPage() -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    use_title(fl!(loader, "labs-title"));
    let session = use_session();
    let areas = use_challenge_areas();
    // The form's fields, and the filters last applied (the search runs on submit).
    let ListFilters {
        draft,
        applied,
        onsubmit,
        ..
    } = use_list_filters::<Filters>();
    let list = use_paged_get(applied.read());
    let field = |update: fn(&mut Filters, String)| setter(&draft, update);
    let results = status::list(
        &list.first,
        fl!(loader, "labs-loading"),
        fl!(loader, "labs-empty"),
        |page| {
            let shown = u32::try_from(page.items.len() + list.more.len()).unwrap_or(u32::MAX);
            html! {
            <>
                <p class="visually-hidden" role="status">{ fl!(loader, "labs-count", count = shown) }</p>
                <ul class="card-list">
                    { for page.items.iter().chain(list.more.iter()).map(|lab| html! { <LabCard lab={lab.clone()} areas={areas.clone()} key={lab.id.to_string()} /> }) }
                </ul>
                { list.more_controls(loader, fl!(loader, "labs-more")) }
            </>
            }
        },
    );
    html! {
        <>
            <div class="page-head">
                <h1>{ fl!(loader, "labs-title") }</h1>
                if session.me().is_some() {
                    <Link<Route> to={Route::NewLab} classes="button">{ fl!(loader, "labs-new") }</Link<Route>>
                }
            </div>
            <p class="lead">{ fl!(loader, "labs-lead") }</p>
            <form class="filters" role="search" aria-label={fl!(loader, "labs-filters")} {onsubmit}>
                <TextField id="q" kind="search" label={fl!(loader, "labs-search")} value={draft.q.clone()} on_change={field(|f, v| f.q = v)} />
                <AreaAndPlaceFields value={draft.place.clone()} on_change={setter(&draft, |f: &mut Filters, v| f.place = v)} />
                <SelectField id="phase" label={fl!(loader, "lab-phase")} value={draft.phase.clone()} on_change={field(|f, v| f.phase = v)}>
                    <option value="">{ fl!(loader, "filter-all") }</option>
                    { for LabPhase::ALL.iter().map(|phase| html! {
                        <option value={phase.as_str()} selected={draft.phase == phase.as_str()}>{ phase_name(loader, *phase) }</option>
                    }) }
                </SelectField>
                <button type="submit" class="button">{ fl!(loader, "labs-apply") }</button>
            </form>
            <section aria-label={fl!(loader, "labs-results")}>{ results }</section>
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct LabCardProps {
    pub lab: Lab,
    pub areas: Vec<ChallengeArea>,
    /// The level of the card's heading: 2 in a list page, 3 in a section of a page.
    #[prop_or(2)]
    pub heading_level: u8,
}

/// A lab in a list: its title, area, place and phase.
#[component]
pub fn LabCard(props: &LabCardProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let lab = &props.lab;
    html! {
        <li class={classes!("card", format!("card--{}", lab.challenge_area))}>
            <@{format!("h{}", props.heading_level)} class="card__title">
                <Link<Route> to={Route::Lab { id: lab.id.to_string() }}>{ &lab.title }</Link<Route>>
            </@>
            <p class="meta">
                { area_name(&props.areas, &lab.challenge_area, i18n.language()) }
                { " · " }{ &lab.municipality_name }
                if !lab.neighbourhood.is_empty() { { format!(", {}", lab.neighbourhood) } }
                { " · " }{ &lab.host.name }
            </p>
            <p class="badge">{ phase_name(loader, lab.phase) }</p>
            if !lab.summary.is_empty() { <p>{ &lab.summary }</p> }
        </li>
    }
}

//! The method bank (Metodbank): published methods with their evidence ladders, filtered by
//! challenge area, where they were taken up, evidence and words.

use i18n_embed_fl::fl;
use serde::{Deserialize, Serialize};
use shared::{Method, Page};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::use_paged_get;
use crate::app::Route;
use crate::components::EvidenceLadder;
use crate::components::evidence::level_name;
use crate::components::form::{SelectField, TextField};
use crate::components::places::{AreaAndPlace, AreaAndPlaceFields, use_challenge_areas};
use crate::components::status;
use crate::forms::{ListFilters, setter, use_list_filters};
use crate::i18n::{area_name, use_i18n, use_title};
use crate::services;
use crate::session::use_session;

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
struct Filters {
    #[serde(skip_serializing_if = "String::is_empty")]
    q: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    min_evidence_level: String,
    #[serde(flatten)]
    place: AreaAndPlace,
}

impl Filters {
    fn read(&self) -> services::Read<Page<Method>> {
        let mut parameters = vec![
            ("q", Some(self.q.trim().to_owned())),
            ("min_evidence_level", Some(self.min_evidence_level.clone())),
        ];
        parameters.extend(self.place.parameters());
        services::methods::list(&parameters)
    }
}

#[component]
pub fn MethodsPage() -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    use_title(fl!(loader, "methods-title"));
    let session = use_session();
    let areas = use_challenge_areas();
    let ListFilters {
        draft,
        applied,
        onsubmit,
        ..
    } = use_list_filters::<Filters>();
    let list = use_paged_get(applied.read());
    let field = |update: fn(&mut Filters, String)| setter(&draft, update);
    let language = i18n.language();
    let results = status::list(
        &list.first,
        fl!(loader, "methods-loading"),
        fl!(loader, "methods-empty"),
        |page| {
            html! {
                <>
                    <ul class="card-list">
                        { for page.items.iter().chain(list.more.iter()).map(|method| html! {
                            <li class={classes!("card", method.challenge_areas.first().map(|a| format!("card--{a}")))} key={method.id.to_string()}>
                                <h2 class="card__title">
                                    <Link<Route> to={Route::Method { id: method.id.to_string() }}>{ &method.title }</Link<Route>>
                                </h2>
                                <p class="meta">
                                    { &method.organization.name }
                                    { " · " }{ method.challenge_areas.iter().map(|a| area_name(&areas, a, language)).collect::<Vec<_>>().join(", ") }
                                    { " · " }{ fl!(loader, "method-adoption-count", count = method.adoption_count) }
                                </p>
                                if !method.summary.is_empty() { <p>{ &method.summary }</p> }
                                <EvidenceLadder id={method.id.to_string()} claimed={method.claimed_level} data={method.data_level} reviewed={method.reviewed_level} />
                            </li>
                        }) }
                    </ul>
                    { list.more_controls(loader, fl!(loader, "methods-more")) }
                </>
            }
        },
    );
    html! {
        <>
            <div class="page-head">
                <h1>{ fl!(loader, "methods-title") }</h1>
                if session.me().is_some() {
                    <Link<Route> to={Route::NewMethod} classes="button">{ fl!(loader, "method-new-title") }</Link<Route>>
                }
            </div>
            <p class="lead">{ fl!(loader, "methods-lead") }</p>
            <form class="filters" role="search" aria-label={fl!(loader, "methods-filters")} {onsubmit}>
                <TextField id="q" kind="search" label={fl!(loader, "labs-search")} value={draft.q.clone()} on_change={field(|f, v| f.q = v)} />
                <SelectField id="min_evidence_level" label={fl!(loader, "methods-min-level")} value={draft.min_evidence_level.clone()} on_change={field(|f, v| f.min_evidence_level = v)}>
                    <option value="">{ fl!(loader, "filter-all") }</option>
                    { for (1..=5).map(|level| html! {
                        <option value={level.to_string()} selected={draft.min_evidence_level == level.to_string()}>{ format!("{level} – {}", level_name(loader, level)) }</option>
                    }) }
                </SelectField>
                <AreaAndPlaceFields value={draft.place.clone()} on_change={setter(&draft, |f: &mut Filters, v| f.place = v)} />
                <button type="submit" class="button">{ fl!(loader, "offerings-apply") }</button>
            </form>
            <p class="field__hint">{ fl!(loader, "methods-place-hint") }</p>
            <section aria-label={fl!(loader, "methods-title")}>{ results }</section>
        </>
    }
}

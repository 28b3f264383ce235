//! The marketplace (Erbjudanden): actors' offerings with filters, search and "show more";
//! an offering's page with, for its organisation, the needs it fits.

use i18n_embed_fl::fl;
use serde::{Deserialize, Serialize};
use shared::{Offering, OfferingKind, Page};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::{Fetch, use_get, use_paged_get};
use crate::app::Route;
use crate::components::form::{SelectField, TextField};
use crate::components::places::{AreaAndPlace, AreaAndPlaceFields, use_challenge_areas};
use crate::components::status;
use crate::components::{ReasonList, fetched};
use crate::components::{ReportButton, TagList};
use crate::forms::{ListFilters, setter, use_list_filters};
use crate::i18n::{area_name, offering_kind_name, use_i18n, use_title};
use crate::pages::need::RequestMatch;
use crate::services;
use crate::session::use_session;

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
struct Filters {
    #[serde(skip_serializing_if = "String::is_empty")]
    q: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    kind: String,
    #[serde(flatten)]
    place: AreaAndPlace,
}

impl Filters {
    fn read(&self) -> services::Read<Page<Offering>> {
        let mut parameters = vec![
            ("q", Some(self.q.trim().to_owned())),
            ("kind", Some(self.kind.clone())),
            ("status", Some("active".to_owned())),
        ];
        parameters.extend(self.place.parameters());
        services::offerings::list(&parameters)
    }
}

#[component]
pub fn OfferingsPage() -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    use_title(fl!(loader, "offerings-title"));
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
        fl!(loader, "offerings-loading"),
        fl!(loader, "offerings-empty"),
        |page| {
            html! {
                <>
                    <ul class="card-list">
                        { for page.items.iter().chain(list.more.iter()).map(|offering| html! {
                            <li class={classes!("card", offering.challenge_areas.first().map(|a| format!("card--{a}")))} key={offering.id.to_string()}>
                                <h2 class="card__title">
                                    <Link<Route> to={Route::Offering { id: offering.id.to_string() }}>{ &offering.title }</Link<Route>>
                                </h2>
                                <p class="meta">
                                    { &offering.organization.name }{ " · " }{ offering_kind_name(loader, offering.kind) }
                                    { " · " }{ offering.challenge_areas.iter().map(|a| area_name(&areas, a, language)).collect::<Vec<_>>().join(", ") }
                                </p>
                                <p>{ &offering.description }</p>
                            </li>
                        }) }
                    </ul>
                    { list.more_controls(loader, fl!(loader, "offerings-more")) }
                </>
            }
        },
    );
    html! {
        <>
            <div class="page-head">
                <h1>{ fl!(loader, "offerings-title") }</h1>
                if session.me().is_some() {
                    <Link<Route> to={Route::NewOffering} classes="button">{ fl!(loader, "offering-new-title") }</Link<Route>>
                }
            </div>
            <p class="lead">{ fl!(loader, "offerings-lead") }</p>
            <p><Link<Route> to={Route::Needs}>{ fl!(loader, "start-actors-needs-link") }</Link<Route>></p>
            <form class="filters" role="search" aria-label={fl!(loader, "offerings-filters")} {onsubmit}>
                <TextField id="q" kind="search" label={fl!(loader, "labs-search")} value={draft.q.clone()} on_change={field(|f, v| f.q = v)} />
                <SelectField id="kind" label={fl!(loader, "offering-kind")} value={draft.kind.clone()} on_change={field(|f, v| f.kind = v)}>
                    <option value="">{ fl!(loader, "filter-all") }</option>
                    { for OfferingKind::ALL.iter().map(|kind| html! {
                        <option value={kind.as_str()} selected={draft.kind == kind.as_str()}>{ offering_kind_name(loader, *kind) }</option>
                    }) }
                </SelectField>
                <AreaAndPlaceFields value={draft.place.clone()} on_change={setter(&draft, |f: &mut Filters, v| f.place = v)} />
                <button type="submit" class="button">{ fl!(loader, "offerings-apply") }</button>
            </form>
            <section aria-label={fl!(loader, "offerings-title")}>{ results }</section>
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct OfferingPageProps {
    pub id: String,
}

#[component]
pub fn OfferingPage(props: &OfferingPageProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let offering = use_get(services::offerings::get(&props.id));
    let areas = use_challenge_areas();
    let session = use_session();
    use_title(match &offering.state {
        Fetch::Loaded(offering) => offering.title.clone(),
        _ => fl!(loader, "offering-loading"),
    });
    let value = match status::object(&offering, fl!(loader, "offering-loading"), None) {
        Ok(value) => value,
        Err(instead) => return instead,
    };
    let coverage = if value.coverage.national {
        fl!(loader, "coverage-national")
    } else {
        [
            value.coverage.counties.clone(),
            value.coverage.municipalities.clone(),
        ]
        .concat()
        .join(", ")
    };
    html! {
        <article aria-labelledby="offering-title">
            <div class="page-head">
                <h1 id="offering-title">{ &value.title }</h1>
                if value.can_edit {
                    <Link<Route> to={Route::EditOffering { id: props.id.clone() }} classes="button button--secondary">{ fl!(loader, "offering-edit") }</Link<Route>>
                }
            </div>
            <p class="meta">
                <Link<Route> to={Route::Organization { id: value.organization.id.to_string() }}>{ &value.organization.name }</Link<Route>>
                { " · " }{ offering_kind_name(loader, value.kind) }
                { " · " }{ value.challenge_areas.iter().map(|a| area_name(&areas, a, i18n.language())).collect::<Vec<_>>().join(", ") }
            </p>
            if value.hidden {
                <p class="notice" role="status">{ fl!(loader, "offering-hidden") }</p>
            }
            <p class="meta">{ fl!(loader, "offering-coverage", places = coverage) }</p>
            <p class="prose">{ &value.description }</p>
            <TagList tags={value.tags.clone()} />
            if session.me().is_some() && !value.can_edit && !value.hidden {
                <ReportButton target_type={shared::ReportTarget::Offering} target_id={value.id} />
            }
            if value.can_edit {
                <NeedSuggestions id={props.id.clone()} />
            }
        </article>
    }
}

#[derive(Properties, PartialEq)]
struct SuggestionsProps {
    id: String,
}

/// For the offering's own organisation: the open needs it fits, with the reasons.
#[component]
fn NeedSuggestions(props: &SuggestionsProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let suggestions = use_get(services::offerings::suggestions(&props.id));
    html! {
        <section aria-labelledby="suggestions-heading">
            <h2 id="suggestions-heading">{ fl!(loader, "offering-suggestions") }</h2>
            { fetched(loader, &suggestions, |page| html! {
                <>
                    if page.items.is_empty() {
                        <p class="status">{ fl!(loader, "suggestions-empty") }</p>
                    }
                    <ol class="suggestions">
                        { for page.items.iter().map(|s| html! {
                            <li key={s.need.id.to_string()} class="suggestion">
                                <h3><Link<Route> to={Route::Need { id: s.need.id.to_string() }}>{ &s.need.title }</Link<Route>></h3>
                                <p class="meta">{ &s.need.organization.name }{ " · " }{ &s.need.municipality_name }</p>
                                <ReasonList score={s.score} reasons={s.reasons.clone()} />
                                <RequestMatch need={s.need.id.to_string()} offering={props.id.clone()} title={s.need.title.clone()} />
                            </li>
                        }) }
                    </ol>
                </>
            }) }
        </section>
    }
}

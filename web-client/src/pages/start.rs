use i18n_embed_fl::fl;
use serde::Serialize;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::{Fetch, use_get};
use crate::app::Route;
use crate::components::{Loading, status};
use crate::i18n::{use_i18n, use_title};
use crate::pages::LabCard;
use crate::services;

/// The filter a start-page link opens a list with.
#[derive(Clone, PartialEq, Serialize)]
struct AreaQuery {
    challenge_area: String,
}

/// How many newest labs the start page shows.
const NEWEST_LABS: usize = 3;

/// The four areas' places while they load, the first saying so: the page below them does not
/// jump when they arrive.
fn area_placeholders(loading: String) -> Html {
    html! {
        <div class="area-list">
            <div class="area-card area-card--placeholder"><Loading text={loading} /></div>
            { for (1..4).map(|_| html! {
                <div class="area-card area-card--placeholder" aria-hidden="true"></div>
            }) }
        </div>
    }
}

/// The start page: what Innolabb is for, the challenge areas with how much goes on in
/// each, the newest labs, and a way in for actors.
#[component]
pub fn Start() -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    use_title(fl!(loader, "nav-start"));
    let areas = use_get(services::reference::challenge_areas());
    let newest = use_get(services::labs::newest(NEWEST_LABS));
    let language = i18n.language().code();
    let loaded_areas = match &areas.state {
        Fetch::Loaded(page) => page.items.clone(),
        _ => Vec::new(),
    };
    let areas_html = if matches!(areas.state, Fetch::Loading) {
        area_placeholders(fl!(loader, "start-areas-loading"))
    } else {
        status::list(
            &areas,
            fl!(loader, "start-areas-loading"),
            fl!(loader, "start-areas-empty"),
            |page| {
                html! {
                    <ul class="area-list">
                        { for page.items.iter().map(|area| {
                            let query = Some(AreaQuery { challenge_area: area.key.clone() });
                            html! {
                                <li class={classes!("area-card", format!("area-card--{}", area.key))} key={area.key.clone()}>
                                    <h3>{ area.name.get(language) }</h3>
                                    <p>{ area.description.get(language) }</p>
                                    <p class="area-card__counts">
                                        <Link<Route, AreaQuery> to={Route::Labs} query={query.clone()}>
                                            { fl!(loader, "start-area-labs", count = area.lab_count) }
                                        </Link<Route, AreaQuery>>
                                        { " · " }
                                        <Link<Route, AreaQuery> to={Route::Offerings} {query}>
                                            { fl!(loader, "start-area-offerings", count = area.offering_count) }
                                        </Link<Route, AreaQuery>>
                                    </p>
                                </li>
                            }
                        }) }
                    </ul>
                }
            },
        )
    };
    let newest_html = status::list(
        &newest,
        fl!(loader, "labs-loading"),
        fl!(loader, "start-newest-empty"),
        |page| {
            html! {
                <ul class="card-list">
                    { for page.items.iter().map(|lab| html! {
                        <LabCard lab={lab.clone()} areas={loaded_areas.clone()} heading_level={3} key={lab.id.to_string()} />
                    }) }
                </ul>
            }
        },
    );
    html! {
        <>
            <section class="hero" aria-labelledby="start-title">
                <h1 id="start-title">{ fl!(loader, "start-title") }</h1>
                <p class="lead">{ fl!(loader, "start-lead") }</p>
            </section>
            <section aria-labelledby="areas-heading">
                <h2 id="areas-heading">{ fl!(loader, "start-areas-heading") }</h2>
                { areas_html }
            </section>
            <section aria-labelledby="newest-heading">
                <h2 id="newest-heading">{ fl!(loader, "start-newest-heading") }</h2>
                { newest_html }
                <p><Link<Route> to={Route::Labs}>{ fl!(loader, "start-newest-all") }</Link<Route>></p>
            </section>
            <section class="actors" aria-labelledby="actors-heading">
                <h2 id="actors-heading">{ fl!(loader, "start-actors-heading") }</h2>
                <p>{ fl!(loader, "start-actors-text") }</p>
                <p>
                    <Link<Route> to={Route::Needs}>{ fl!(loader, "start-actors-needs-link") }</Link<Route>>
                    { " · " }
                    <Link<Route> to={Route::Offerings}>{ fl!(loader, "start-actors-link") }</Link<Route>>
                </p>
            </section>
        </>
    }
}

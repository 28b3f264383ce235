//! Sök: what a search finds across the platform, grouped by kind, the matched words marked,
//! and the spelling used when the search as typed found nothing; each kind links to its list,
//! which ranks every match.

use i18n_embed_fl::fl;
use serde::Serialize;
use shared::{Highlight, SearchResults};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::use_get;
use crate::app::Route;
use crate::components::search_field::use_searched;
use crate::components::{Highlighted, status};
use crate::i18n::{use_i18n, use_title};
use crate::services;

#[component]
pub fn SearchPage() -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    use_title(fl!(loader, "search-title"));
    let q = use_searched();
    html! {
        <>
            <h1>{ fl!(loader, "search-title") }</h1>
            if q.is_empty() {
                <p class="lead">{ fl!(loader, "search-prompt") }</p>
            } else {
                <Results q={q.clone()} key={q} />
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct ResultsProps {
    q: String,
}

#[component]
fn Results(props: &ResultsProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let found = use_get(services::search::all(&props.q));
    let results = match status::object(&found, fl!(loader, "search-loading"), None) {
        Ok(results) => results,
        Err(shown_instead) => return shown_instead,
    };
    let SearchResults {
        searched_for,
        labs,
        needs,
        ideas,
        offerings,
        methods,
    } = &results;
    // The lists search for the spelling that found something.
    let searched = searched_for.clone().unwrap_or_else(|| props.q.clone());
    let groups = [
        group(
            "labs",
            fl!(loader, "search-group-labs"),
            labs.iter().map(|hit| {
                (
                    Route::Lab {
                        id: hit.item.id.to_string(),
                    },
                    &hit.highlight,
                )
            }),
            Some(AllMatches {
                list: Route::Labs,
                text: fl!(loader, "search-all-labs", q = searched.clone()),
            }),
            &searched,
        ),
        group(
            "needs",
            fl!(loader, "search-group-needs"),
            needs.iter().map(|hit| {
                (
                    Route::Need {
                        id: hit.item.id.to_string(),
                    },
                    &hit.highlight,
                )
            }),
            Some(AllMatches {
                list: Route::Needs,
                text: fl!(loader, "search-all-needs", q = searched.clone()),
            }),
            &searched,
        ),
        group(
            "ideas",
            fl!(loader, "search-group-ideas"),
            ideas.iter().map(|hit| {
                (
                    Route::Idea {
                        id: hit.item.id.to_string(),
                    },
                    &hit.highlight,
                )
            }),
            // Ideas are listed lab by lab: no list holds them all.
            None,
            &searched,
        ),
        group(
            "offerings",
            fl!(loader, "search-group-offerings"),
            offerings.iter().map(|hit| {
                (
                    Route::Offering {
                        id: hit.item.id.to_string(),
                    },
                    &hit.highlight,
                )
            }),
            Some(AllMatches {
                list: Route::Offerings,
                text: fl!(loader, "search-all-offerings", q = searched.clone()),
            }),
            &searched,
        ),
        group(
            "methods",
            fl!(loader, "search-group-methods"),
            methods.iter().map(|hit| {
                (
                    Route::Method {
                        id: hit.item.id.to_string(),
                    },
                    &hit.highlight,
                )
            }),
            Some(AllMatches {
                list: Route::Methods,
                text: fl!(loader, "search-all-methods", q = searched.clone()),
            }),
            &searched,
        ),
    ];
    html! {
        <>
            <p class="lead">
                { fl!(loader, "search-results-for") }{ " " }<strong class="search-query">{ &props.q }</strong>
            </p>
            if let Some(corrected) = searched_for {
                <p class="search-corrected" role="status">
                    { fl!(loader, "search-corrected") }{ " " }<strong>{ corrected }</strong>
                </p>
            }
            if results.is_empty() {
                <p class="status" role="status">{ fl!(loader, "search-empty") }</p>
            } else {
                <p class="visually-hidden" role="status">{ fl!(loader, "search-found") }</p>
                { for groups }
            }
        </>
    }
}

/// The search a link to a list opens it with.
#[derive(Clone, PartialEq, Serialize)]
struct ListSearch {
    q: String,
}

/// Where every match of a kind is listed, and the link's text: the search shows each kind's
/// best few, its list ranks them all.
struct AllMatches {
    list: Route,
    text: String,
}

/// One kind of hits under its heading, with a link to all its matches where the kind has a
/// list of its own, or nothing when there are none.
fn group<'a>(
    kind: &'static str,
    heading: String,
    hits: impl ExactSizeIterator<Item = (Route, &'a Highlight)>,
    all: Option<AllMatches>,
    searched: &str,
) -> Html {
    if hits.len() == 0 {
        return html! {};
    }
    let id = format!("search-{kind}");
    html! {
        <section class="search-group" aria-labelledby={id.clone()}>
            <h2 {id}>{ heading }</h2>
            <ul class="plain-list search-hits">
                { for hits.map(|(route, highlight)| html! {
                    <li class="search-hit">
                        <Link<Route> to={route} classes="search-hit__title">
                            <Highlighted pieces={highlight.title.clone()} />
                        </Link<Route>>
                        if !highlight.snippet.is_empty() {
                            <p class="search-hit__snippet"><Highlighted pieces={highlight.snippet.clone()} /></p>
                        }
                    </li>
                }) }
            </ul>
            if let Some(AllMatches { list, text }) = all {
                <p class="search-group__all">
                    <Link<Route, ListSearch> to={list} query={Some(ListSearch { q: searched.to_owned() })}>
                        { text }
                    </Link<Route, ListSearch>>
                </p>
            }
        </section>
    }
}

use i18n_embed_fl::fl;
use shared::{ChallengeArea, Page};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::{Fetch, use_get};
use crate::app::Route;
use crate::components::{ErrorMessage, Loading};
use crate::i18n::{use_i18n, use_title};

/// The start page: what Innolabb is for, the challenge areas, and a way in for actors.
#[component]
pub fn Start() -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    use_title(fl!(loader, "nav-start"));
    let areas = use_get::<Page<ChallengeArea>>("/challenge-areas".to_owned());
    let language = i18n.language().code();
    let areas_html = match &areas.state {
        Fetch::Loading => html! { <Loading text={fl!(loader, "start-areas-loading")} /> },
        Fetch::Failed(_) => html! { <ErrorMessage on_retry={areas.reload.clone()} /> },
        Fetch::Loaded(page) if page.items.is_empty() => {
            html! { <p class="status">{ fl!(loader, "start-areas-empty") }</p> }
        }
        Fetch::Loaded(page) => html! {
            <ul class="area-list">
                { for page.items.iter().map(|area| html! {
                    <li class={classes!("area-card", format!("area-card--{}", area.key))} key={area.key.clone()}>
                        <h3>{ area.name.get(language) }</h3>
                        <p>{ area.description.get(language) }</p>
                    </li>
                }) }
            </ul>
        },
    };
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
            <section class="actors" aria-labelledby="actors-heading">
                <h2 id="actors-heading">{ fl!(loader, "start-actors-heading") }</h2>
                <p>{ fl!(loader, "start-actors-text") }</p>
                <p><Link<Route> to={Route::Offerings}>{ fl!(loader, "start-actors-link") }</Link<Route>></p>
            </section>
        </>
    }
}

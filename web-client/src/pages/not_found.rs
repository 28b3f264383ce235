use i18n_embed_fl::fl;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;
use crate::i18n::{use_i18n, use_title};

#[component]
pub fn NotFound() -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    use_title(fl!(loader, "not-found-title"));
    html! {
        <section aria-labelledby="page-title">
            <h1 id="page-title">{ fl!(loader, "not-found-title") }</h1>
            <p>{ fl!(loader, "not-found-text") }</p>
            <p><Link<Route> to={Route::Start}>{ fl!(loader, "not-found-home") }</Link<Route>></p>
        </section>
    }
}

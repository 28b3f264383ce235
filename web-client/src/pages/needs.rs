//! What the labs are looking for: the open needs of every lab the visitor may see, with
//! filters and search — the way in for actors who want to offer something.

use i18n_embed_fl::fl;
use serde::{Deserialize, Serialize};
use shared::{Need, Page};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::use_paged_get;
use crate::app::Route;
use crate::components::TagList;
use crate::components::form::TextField;
use crate::components::places::{AreaAndPlace, AreaAndPlaceFields, use_challenge_areas};
use crate::components::status;
use crate::forms::{ListFilters, setter, use_list_filters};
use crate::i18n::{area_name, use_i18n, use_title};
use crate::services;

/// What the list is filtered by (kept in the address).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
struct Filters {
    #[serde(skip_serializing_if = "String::is_empty")]
    q: String,
    #[serde(flatten)]
    place: AreaAndPlace,
}

impl Filters {
    fn read(&self) -> services::Read<Page<Need>> {
        let mut parameters = vec![
            ("q", Some(self.q.trim().to_owned())),
            ("status", Some("open".to_owned())),
        ];
        parameters.extend(self.place.parameters());
        services::needs::list(&parameters)
    }
}

#[component]
pub fn NeedsPage() -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    use_title(fl!(loader, "needs-title"));
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
        fl!(loader, "needs-loading"),
        fl!(loader, "needs-empty"),
        |page| {
            html! {
                <>
                    <ul class="card-list">
                        { for page.items.iter().chain(list.more.iter()).map(|need| html! {
                            <li class={classes!("card", format!("card--{}", need.challenge_area))} key={need.id.to_string()}>
                                <h2 class="card__title">
                                    <Link<Route> to={Route::Need { id: need.id.to_string() }}>{ &need.title }</Link<Route>>
                                </h2>
                                <p class="meta">
                                    { &need.organization.name }{ " · " }{ &need.municipality_name }
                                    { " · " }{ area_name(&areas, &need.challenge_area, language) }
                                </p>
                                <p class="meta">{ fl!(loader, "needs-in-lab", lab = need.lab.title.clone()) }</p>
                                if !need.description.is_empty() { <p>{ &need.description }</p> }
                                <TagList tags={need.tags.clone()} />
                            </li>
                        }) }
                    </ul>
                    { list.more_controls(loader, fl!(loader, "needs-more")) }
                </>
            }
        },
    );
    html! {
        <>
            <h1>{ fl!(loader, "needs-title") }</h1>
            <p class="lead">{ fl!(loader, "needs-lead") }</p>
            <form class="filters" role="search" aria-label={fl!(loader, "needs-filters")} {onsubmit}>
                <TextField id="q" kind="search" label={fl!(loader, "labs-search")} value={draft.q.clone()} on_change={field(|f, v| f.q = v)} />
                <AreaAndPlaceFields value={draft.place.clone()} on_change={setter(&draft, |f: &mut Filters, v| f.place = v)} />
                <button type="submit" class="button">{ fl!(loader, "needs-apply") }</button>
            </form>
            <section aria-label={fl!(loader, "needs-title")}>{ results }</section>
        </>
    }
}

//! The search field in every page's header: a combobox (WAI-ARIA 1.2) that completes the
//! word being typed from the platform's words. Arrow keys move through the completions,
//! Enter chooses one (or searches what was typed), Escape closes them; a polite live region
//! says how many there are. Searching opens `/search?q=…`.

use i18n_embed_fl::fl;
use serde::{Deserialize, Serialize};
use shared::search::SHORTEST_COMPLETED;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::fetch;
use crate::app::Route;
use crate::i18n::use_i18n;
use crate::services;

const LISTBOX: &str = "search-suggestions";

/// The search page's address: `/search?q=…`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SearchParams {
    pub q: String,
}

/// The search in the address, if any (what the field and the search page show).
#[hook]
pub fn use_searched() -> String {
    use_location()
        .and_then(|location| location.query::<SearchParams>().ok())
        .map(|params| params.q.trim().to_owned())
        .unwrap_or_default()
}

#[component]
pub fn SearchField() -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let navigator = use_navigator();
    let searched = use_searched();
    let text = use_state(|| searched.clone());
    let suggestions = use_state(Vec::<String>::new);
    let active = use_state(|| None::<usize>);
    // Answers can arrive out of order: only the latest request's are shown.
    let latest = use_mut_ref(|| 0_u64);
    {
        // The field shows the search of the page it is on (after a link or going back).
        let (text, suggestions) = (text.clone(), suggestions.clone());
        use_effect_with(searched, move |searched| {
            text.set(searched.clone());
            suggestions.set(Vec::new());
        });
    }
    let close = {
        let (suggestions, active) = (suggestions.clone(), active.clone());
        Callback::from(move |()| {
            suggestions.set(Vec::new());
            active.set(None);
        })
    };
    let search = {
        let (text, close) = (text.clone(), close.clone());
        Callback::from(move |q: String| {
            let q = q.trim().to_owned();
            close.emit(());
            text.set(q.clone());
            if let (false, Some(navigator)) = (q.is_empty(), &navigator) {
                // Only fails if the query cannot be written, which a string can.
                let _ = navigator.push_with_query(&Route::Search, &SearchParams { q });
            }
        })
    };
    let oninput = {
        let (text, suggestions, active) = (text.clone(), suggestions.clone(), active.clone());
        Callback::from(move |event: InputEvent| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            let value = input.value();
            text.set(value.clone());
            active.set(None);
            let typing = value
                .rsplit(|c: char| !c.is_alphabetic())
                .next()
                .is_some_and(|word| word.chars().count() >= SHORTEST_COMPLETED);
            let asked = {
                let mut latest = latest.borrow_mut();
                *latest += 1;
                *latest
            };
            if !typing {
                suggestions.set(Vec::new());
                return;
            }
            let (suggestions, latest) = (suggestions.clone(), latest.clone());
            wasm_bindgen_futures::spawn_local(async move {
                // A failed completion is no error to show: the search itself still works.
                let found = fetch(&services::search::suggest(&value), None)
                    .await
                    .map(|answer| answer.suggestions)
                    .unwrap_or_default();
                if *latest.borrow() == asked {
                    suggestions.set(found);
                }
            });
        })
    };
    let onkeydown = {
        let (suggestions, active, search, close) = (
            suggestions.clone(),
            active.clone(),
            search.clone(),
            close.clone(),
        );
        Callback::from(move |event: KeyboardEvent| {
            let count = suggestions.len();
            match event.key().as_str() {
                "ArrowDown" if count > 0 => {
                    event.prevent_default();
                    active.set(Some(active.map_or(0, |at| (at + 1) % count)));
                }
                "ArrowUp" if count > 0 => {
                    event.prevent_default();
                    active.set(Some(
                        active.map_or(count - 1, |at| (at + count - 1) % count),
                    ));
                }
                "Enter" => {
                    if let Some(chosen) = active.and_then(|at| suggestions.get(at)) {
                        event.prevent_default();
                        search.emit(chosen.clone());
                    }
                }
                "Escape" if count > 0 => {
                    event.prevent_default();
                    close.emit(());
                }
                _ => {}
            }
        })
    };
    let onsubmit = {
        let (text, search) = (text.clone(), search.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            search.emit((*text).clone());
        })
    };
    let onblur = {
        let close = close.clone();
        Callback::from(move |_: FocusEvent| close.emit(()))
    };
    let open = !suggestions.is_empty();
    let option_id = |at: usize| format!("{LISTBOX}-{at}");
    html! {
        <form class="site-search" role="search" aria-label={fl!(loader, "search-label")} {onsubmit}>
            <label for="site-search" class="visually-hidden">{ fl!(loader, "search-label") }</label>
            <div class="site-search__box">
                <input id="site-search" type="search" name="q" autocomplete="off"
                    role="combobox" aria-autocomplete="list" aria-controls={LISTBOX}
                    aria-expanded={open.to_string()}
                    aria-activedescendant={active.map(option_id)}
                    placeholder={fl!(loader, "search-placeholder")}
                    value={(*text).clone()} {oninput} {onkeydown} {onblur} />
                <ul id={LISTBOX} role="listbox" class="site-search__suggestions" hidden={!open}
                    aria-label={fl!(loader, "search-suggestions-label")}>
                    { for suggestions.iter().enumerate().map(|(at, suggestion)| {
                        let chosen = *active == Some(at);
                        // On mousedown, before the field loses focus and closes the list.
                        let onmousedown = {
                            let (search, suggestion) = (search.clone(), suggestion.clone());
                            Callback::from(move |event: MouseEvent| {
                                event.prevent_default();
                                search.emit(suggestion.clone());
                            })
                        };
                        html! {
                            <li id={option_id(at)} role="option" aria-selected={chosen.to_string()}
                                class={classes!("site-search__suggestion", chosen.then_some("site-search__suggestion--active"))}
                                {onmousedown}>{ suggestion }</li>
                        }
                    }) }
                </ul>
            </div>
            <button type="submit" class="button">{ fl!(loader, "search-button") }</button>
            <p class="visually-hidden" role="status" aria-live="polite">
                if open { { fl!(loader, "search-suggestion-count", count = suggestions.len()) } }
            </p>
        </form>
    }
}

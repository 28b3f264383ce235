use i18n_embed_fl::fl;
use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew_router::prelude::*;

use super::language_switch::LanguageSwitch;
use super::search_field::SearchField;
use crate::app::Route;
use crate::i18n::use_i18n;
use crate::pages::{NotificationBell, UnreadProvider};
use crate::session::use_session;

/// Sign-in and sign-up links, or the signed-in person's account link and sign-out.
#[component]
fn AccountLinks() -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let session = use_session();
    let navigator = use_navigator();
    if session.restoring() {
        return html! {};
    }
    match session.me() {
        Some(me) => {
            let sign_out = Callback::from(move |_: MouseEvent| {
                let (session, navigator) = (session.clone(), navigator.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    session.sign_out().await;
                    if let Some(navigator) = navigator {
                        navigator.push(&Route::Start);
                    }
                });
            });
            html! {
                <div class="account-links">
                    <NotificationBell />
                    <Link<Route> to={Route::Matches}>{ fl!(loader, "matches-title") }</Link<Route>>
                    <Link<Route> to={Route::Account} classes="account-links__me">
                        { fl!(loader, "nav-account") }<span class="visually-hidden">{ format!(" ({})", me.display_name) }</span>
                    </Link<Route>>
                    <button type="button" onclick={sign_out}>{ fl!(loader, "sign-out") }</button>
                </div>
            }
        }
        None => html! {
            <div class="account-links">
                <Link<Route> to={Route::SignIn}>{ fl!(loader, "nav-sign-in") }</Link<Route>>
                <Link<Route> to={Route::Register}>{ fl!(loader, "nav-register") }</Link<Route>>
            </div>
        },
    }
}

/// After a navigation inside the app (not the first load), focus moves to `<main>`: a
/// screen reader then reads the new page, and the keyboard goes on from its content rather
/// than from a link that is gone. Changing only the query (a list's filters) moves nothing.
#[hook]
fn use_focus_on_navigation() {
    let path = use_location().map(|location| location.path().to_owned());
    let first_load = use_mut_ref(|| true);
    use_effect_with(path, move |_| {
        if std::mem::replace(&mut *first_load.borrow_mut(), false) {
            return;
        }
        let main = web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| document.get_element_by_id("main"))
            .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(main) = main {
            // Only fails for an element that cannot take focus, which <main tabindex=-1> can.
            let _ = main.focus();
        }
    });
}

#[derive(Properties, PartialEq)]
pub struct LayoutProps {
    pub children: Html,
}

/// The frame of every page: a skip link, the header with navigation and the language
/// switch, the page's own content in `<main>`, and the footer.
#[component]
pub fn Layout(props: &LayoutProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let nav_items = [
        (Route::Start, fl!(loader, "nav-start")),
        (Route::Labs, fl!(loader, "nav-labs")),
        (Route::Offerings, fl!(loader, "nav-offerings")),
        (Route::Methods, fl!(loader, "nav-methods")),
        (Route::Statistics, fl!(loader, "nav-statistics")),
    ];
    let current = use_route::<Route>();
    use_focus_on_navigation();
    html! {
        <UnreadProvider>
            <a class="skip-link" href="#main">{ fl!(loader, "skip-to-content") }</a>
            <header class="site-header">
                <div class="site-header__inner">
                    <Link<Route> to={Route::Start} classes="brand">
                        <span class="brand__name">{ fl!(loader, "app-name") }</span>
                        <span class="brand__tagline">{ fl!(loader, "app-tagline") }</span>
                    </Link<Route>>
                    <nav aria-label={fl!(loader, "nav-label")}>
                        <ul class="nav">
                            { for nav_items.into_iter().map(|(route, label)| {
                                let is_current = current.as_ref() == Some(&route);
                                html! {
                                    <li>
                                        <Link<Route> to={route.clone()} classes={classes!("nav__link", is_current.then_some("nav__link--current"))}>
                                            <span aria-current={is_current.then_some("page")}>{ label }</span>
                                        </Link<Route>>
                                    </li>
                                }
                            }) }
                        </ul>
                    </nav>
                    <SearchField />
                    <AccountLinks />
                    <LanguageSwitch />
                </div>
            </header>
            <main id="main" tabindex="-1">
                { props.children.clone() }
            </main>
            <footer class="site-footer">
                <p>{ fl!(loader, "footer-text") }</p>
                <p><a href="/docs/">{ fl!(loader, "footer-api-docs") }</a></p>
            </footer>
        </UnreadProvider>
    }
}

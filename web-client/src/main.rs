//! Innolabb's web client: a Yew single-page app that talks only to `/api/v1`.

mod api;
mod app;
mod components;
mod forms;
mod i18n;
mod pages;
mod services;
mod session;

fn main() {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let Some(root) = document.get_element_by_id("app") else {
        return;
    };
    // Replace the "loading" text that index.html shows until the app starts.
    root.set_inner_html("");
    yew::Renderer::<app::App>::with_root(root).render();
}

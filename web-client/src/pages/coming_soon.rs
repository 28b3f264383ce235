use i18n_embed_fl::fl;
use yew::prelude::*;

use crate::i18n::{use_i18n, use_title};

/// The sections whose pages are still being built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Methods,
    Statistics,
}

#[derive(Properties, PartialEq)]
pub struct ComingSoonProps {
    pub section: Section,
}

/// A section's page until it is built: its heading and a note that it is coming.
#[component]
pub fn ComingSoon(props: &ComingSoonProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let title = match props.section {
        Section::Methods => fl!(loader, "page-methods-title"),
        Section::Statistics => fl!(loader, "page-statistics-title"),
    };
    use_title(title.clone());
    html! {
        <section aria-labelledby="page-title">
            <h1 id="page-title">{ title }</h1>
            <p>{ fl!(loader, "coming-soon") }</p>
        </section>
    }
}

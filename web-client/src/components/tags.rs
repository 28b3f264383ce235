//! The tags of a need or an offering, as a labelled list (nothing when there are none).

use i18n_embed_fl::fl;
use yew::prelude::*;

use crate::i18n::use_i18n;

#[derive(Properties, PartialEq)]
pub struct TagListProps {
    pub tags: Vec<String>,
}

#[component]
pub fn TagList(props: &TagListProps) -> Html {
    let i18n = use_i18n();
    if props.tags.is_empty() {
        return html! {};
    }
    html! {
        <ul class="tags" aria-label={fl!(i18n.loader(), "need-tags")}>
            { for props.tags.iter().map(|tag| html! { <li key={tag.clone()}>{ tag }</li> }) }
        </ul>
    }
}

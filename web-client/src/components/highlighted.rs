//! A search hit's highlighted text: plain-text pieces, the matched ones in `<mark>`. Each
//! piece is a text node, so no stored text can become markup.

use shared::Segment;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HighlightedProps {
    pub pieces: Vec<Segment>,
}

#[component]
pub fn Highlighted(props: &HighlightedProps) -> Html {
    html! {
        { for props.pieces.iter().map(|piece| match piece.marked {
            true => html! { <mark>{ &piece.text }</mark> },
            false => html! { { &piece.text } },
        }) }
    }
}

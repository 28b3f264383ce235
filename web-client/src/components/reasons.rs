//! A suggestion's score as a bar, and its reasons in words.

use i18n_embed_fl::fl;
use shared::Reason;
use yew::prelude::*;

use crate::i18n::use_i18n;

#[derive(Properties, PartialEq)]
pub struct ReasonListProps {
    pub score: f64,
    pub reasons: Vec<Reason>,
}

#[component]
pub fn ReasonList(props: &ReasonListProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let percent = (props.score * 100.0).round().clamp(0.0, 100.0);
    html! {
        <div class="score">
            <p class="score__label">{ fl!(loader, "suggestion-score", percent = format!("{percent:.0}")) }</p>
            <meter class="score__bar" min="0" max="1" value={props.score.to_string()}
                aria-label={fl!(loader, "suggestion-score", percent = format!("{percent:.0}"))}></meter>
            <ul class="reasons">
                { for props.reasons.iter().map(|reason| html! {
                    <li key={reason.factor.as_str()} class={classes!((reason.score > 0.0).then_some("reasons__hit"))}>
                        { &reason.explanation }
                    </li>
                }) }
            </ul>
        </div>
    }
}

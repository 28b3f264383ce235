//! A method's evidence on Nesta's five-step scale: the ladder with what is claimed, what the
//! platform's records support and what a reviewer confirmed — said in words on each step,
//! so that nothing rests on colour — and the rules behind the data level.

use i18n_embed::fluent::FluentLanguageLoader;
use i18n_embed_fl::fl;
use shared::LevelReason;
use yew::prelude::*;

use crate::i18n::use_i18n;

/// The name of an evidence level (1–5).
pub fn level_name(loader: &FluentLanguageLoader, level: i32) -> String {
    match level {
        1 => fl!(loader, "evidence-level-1"),
        2 => fl!(loader, "evidence-level-2"),
        3 => fl!(loader, "evidence-level-3"),
        4 => fl!(loader, "evidence-level-4"),
        _ => fl!(loader, "evidence-level-5"),
    }
}

#[derive(Properties, PartialEq)]
pub struct EvidenceLadderProps {
    pub claimed: Option<i32>,
    pub data: i32,
    pub reviewed: Option<i32>,
    /// Distinguishes the ladders of a list (ids must be unique on a page).
    pub id: AttrValue,
}

#[component]
pub fn EvidenceLadder(props: &EvidenceLadderProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let heading_id = format!("ladder-{}", props.id);
    let summary = fl!(loader, "evidence-summary", level = props.data);
    html! {
        <div class="ladder">
            <p class="ladder__summary" id={heading_id.clone()} data-data-level={props.data.to_string()}>{ summary }</p>
            <ol class="ladder__steps" aria-labelledby={heading_id}>
                { for (1..=5).map(|level| {
                    let marks: Vec<String> = [
                        (props.claimed == Some(level)).then(|| fl!(loader, "evidence-claimed")),
                        (props.data == level).then(|| fl!(loader, "evidence-data")),
                        (props.reviewed == Some(level)).then(|| fl!(loader, "evidence-reviewed")),
                    ].into_iter().flatten().collect();
                    let reached = level <= props.data;
                    html! {
                        <li key={level} class={classes!("ladder__step", reached.then_some("ladder__step--reached"))}>
                            <span class="ladder__level">{ level }</span>
                            <span class="ladder__name">{ level_name(loader, level) }</span>
                            if !marks.is_empty() {
                                <span class="ladder__marks">{ format!(" – {}", marks.join(", ")) }</span>
                            }
                        </li>
                    }
                }) }
            </ol>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct LevelReasonsProps {
    pub reasons: Vec<LevelReason>,
}

/// One line per rule of the data level: whether it holds, and why.
#[component]
pub fn LevelReasons(props: &LevelReasonsProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    html! {
        <ul class="level-reasons">
            { for props.reasons.iter().map(|reason| html! {
                <li key={reason.level} class={classes!(reason.holds.then_some("level-reasons__holds"))}>
                    <strong>{ format!("{} {}: ", reason.level, if reason.holds { fl!(loader, "evidence-holds") } else { fl!(loader, "evidence-not-holds") }) }</strong>
                    { &reason.explanation }
                </li>
            }) }
        </ul>
    }
}

//! "Post as": oneself or one of one's organisations.

use super::*;

#[derive(Properties, PartialEq)]
pub(super) struct OnBehalfFieldProps {
    pub(super) value: String,
    pub(super) on_change: Callback<String>,
    pub(super) error: Option<String>,
}

/// "Post as": the person alone or one of their organisations (only for people who
/// belong to one).
#[component]
pub(super) fn OnBehalfField(props: &OnBehalfFieldProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let mine = use_get(services::me::organizations());
    let Fetch::Loaded(page) = &mine.state else {
        return html! {};
    };
    if page.items.is_empty() {
        return html! {};
    }
    html! {
        <SelectField id="idea-organization" label={fl!(loader, "idea-on-behalf")} value={props.value.clone()}
            on_change={props.on_change.clone()} error={props.error.clone()}>
            <option value="" selected={props.value.is_empty()}>{ fl!(loader, "idea-on-behalf-me") }</option>
            { for page.items.iter().map(|mine| {
                let id = mine.organization.id.to_string();
                html! { <option value={id.clone()} selected={props.value == id}>{ &mine.organization.name }</option> }
            }) }
        </SelectField>
    }
}

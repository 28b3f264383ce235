//! Pickers of Sweden's regional division, loaded from the API's reference data.

use shared::{County, Municipality, Page};
use yew::prelude::*;

use crate::api::{Fetch, use_get};

#[derive(Properties, PartialEq)]
pub struct MunicipalityOptionsProps {
    /// The selected municipality's code.
    pub selected: String,
}

/// The 290 municipalities as `<option>`s grouped by county, for a `<select>`.
#[component]
pub fn MunicipalityOptions(props: &MunicipalityOptionsProps) -> Html {
    let municipalities = use_get::<Page<Municipality>>("/municipalities".to_owned());
    let counties = use_get::<Page<County>>("/counties".to_owned());
    match (&municipalities.state, &counties.state) {
        (Fetch::Loaded(municipalities), Fetch::Loaded(counties)) => html! {
            { for counties.items.iter().map(|county| html! {
                <optgroup label={county.name.clone()} key={county.code.clone()}>
                    { for municipalities.items.iter().filter(|m| m.county_code == county.code).map(|m| html! {
                        <option value={m.code.clone()} selected={props.selected == m.code}>{ &m.name }</option>
                    }) }
                </optgroup>
            }) }
        },
        _ => html! {},
    }
}

/// The 21 counties as `<option>`s.
#[component]
pub fn CountyOptions(props: &MunicipalityOptionsProps) -> Html {
    let counties = use_get::<Page<County>>("/counties".to_owned());
    match &counties.state {
        Fetch::Loaded(counties) => html! {
            { for counties.items.iter().map(|county| html! {
                <option value={county.code.clone()} key={county.code.clone()} selected={props.selected == county.code}>{ &county.name }</option>
            }) }
        },
        _ => html! {},
    }
}

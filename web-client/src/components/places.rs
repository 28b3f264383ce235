//! Pickers of Sweden's regional division (and the challenge areas), loaded from the API's
//! reference data.

use yew::prelude::*;

use super::form::SelectField;
use crate::api::{Fetch, use_get};
use crate::services;

#[derive(Properties, PartialEq)]
pub struct MunicipalityOptionsProps {
    /// The selected municipality's code.
    pub selected: String,
}

/// The 290 municipalities as `<option>`s grouped by county, for a `<select>`.
#[component]
pub fn MunicipalityOptions(props: &MunicipalityOptionsProps) -> Html {
    let municipalities = use_get(services::reference::municipalities());
    let counties = use_get(services::reference::counties());
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
    let counties = use_get(services::reference::counties());
    match &counties.state {
        Fetch::Loaded(counties) => html! {
            { for counties.items.iter().map(|county| html! {
                <option value={county.code.clone()} key={county.code.clone()} selected={props.selected == county.code}>{ &county.name }</option>
            }) }
        },
        _ => html! {},
    }
}

/// The challenge areas once they are loaded (none while they load: names then fall back to
/// their keys, see `i18n::area_name`).
#[hook]
pub fn use_challenge_areas() -> Vec<shared::ChallengeArea> {
    let areas = use_get(services::reference::challenge_areas());
    match areas.state {
        Fetch::Loaded(page) => page.items,
        _ => Vec::new(),
    }
}

/// The filters every list of the platform's work shares: challenge area, county and
/// municipality (empty for "all"). Kept in the address with the list's other filters.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct AreaAndPlace {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub challenge_area: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub county: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub municipality: String,
}

impl AreaAndPlace {
    /// The API's query parameters for these filters.
    pub fn parameters(&self) -> [(&'static str, Option<String>); 3] {
        [
            ("challenge_area", Some(self.challenge_area.clone())),
            ("county", Some(self.county.clone())),
            ("municipality", Some(self.municipality.clone())),
        ]
    }
}

#[derive(Properties, PartialEq)]
pub struct AreaAndPlaceFieldsProps {
    pub value: AreaAndPlace,
    pub on_change: Callback<AreaAndPlace>,
}

/// The three selects of [`AreaAndPlace`], for a list's filter form.
#[component]
pub fn AreaAndPlaceFields(props: &AreaAndPlaceFieldsProps) -> Html {
    let i18n = crate::i18n::use_i18n();
    let loader = i18n.loader();
    let areas = use_challenge_areas();
    let language = i18n.language().code();
    let field = |update: fn(&mut AreaAndPlace, String)| {
        let (value, on_change) = (props.value.clone(), props.on_change.clone());
        Callback::from(move |text: String| {
            let mut next = value.clone();
            update(&mut next, text);
            on_change.emit(next);
        })
    };
    let value = &props.value;
    html! {
        <>
            <SelectField id="challenge_area" label={i18n_embed_fl::fl!(loader, "lab-challenge-area")} value={value.challenge_area.clone()} on_change={field(|f, v| f.challenge_area = v)}>
                <option value="">{ i18n_embed_fl::fl!(loader, "filter-all") }</option>
                { for areas.iter().map(|area| html! {
                    <option value={area.key.clone()} selected={value.challenge_area == area.key}>{ area.name.get(language) }</option>
                }) }
            </SelectField>
            <SelectField id="county" label={i18n_embed_fl::fl!(loader, "filter-county")} value={value.county.clone()} on_change={field(|f, v| f.county = v)}>
                <option value="">{ i18n_embed_fl::fl!(loader, "filter-all") }</option>
                <CountyOptions selected={value.county.clone()} />
            </SelectField>
            <SelectField id="municipality" label={i18n_embed_fl::fl!(loader, "filter-municipality")} value={value.municipality.clone()} on_change={field(|f, v| f.municipality = v)}>
                <option value="">{ i18n_embed_fl::fl!(loader, "filter-all") }</option>
                <MunicipalityOptions selected={value.municipality.clone()} />
            </SelectField>
        </>
    }
}

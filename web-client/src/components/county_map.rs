//! Where a method comes from and where it has been taken up: Sweden's 21 counties as an SVG
//! map, those counties marked (and named in the map's description), and the same figures in
//! a table.
//! The outlines are vendored from `@svg-maps/sweden` (CC BY 4.0, see
//! `web-client/vendor/svg-maps-sweden/`), keyed to SCB's county codes.

use std::sync::LazyLock;

use i18n_embed_fl::fl;
use serde::Deserialize;
use shared::{CountySpread, MethodSpread};
use yew::prelude::*;

use crate::i18n::use_i18n;

#[derive(Deserialize)]
struct Outlines {
    #[serde(rename = "viewBox")]
    view_box: String,
    counties: Vec<Outline>,
}

#[derive(Deserialize)]
struct Outline {
    county_code: String,
    path: String,
}

static OUTLINES: LazyLock<Outlines> = LazyLock::new(|| {
    // The file is ours and checked by the unit test below.
    serde_json::from_str(include_str!("../../vendor/svg-maps-sweden/counties.json")).unwrap_or(
        Outlines {
            view_box: "0 0 346 793".to_owned(),
            counties: Vec::new(),
        },
    )
});

#[derive(Properties, PartialEq)]
pub struct CountyMapProps {
    pub spread: MethodSpread,
}

/// A county on the map and in the table: where the method comes from, where it was taken
/// up, or both.
struct Marked<'a> {
    code: &'a str,
    name: &'a str,
    origin_labs: i64,
    adopted: Option<&'a CountySpread>,
}

/// The counties to mark, in the counties' order.
fn marked(spread: &MethodSpread) -> Vec<Marked<'_>> {
    let mut counties: Vec<Marked<'_>> = spread
        .origin_counties
        .iter()
        .map(|origin| Marked {
            code: &origin.county_code,
            name: &origin.county_name,
            origin_labs: origin.labs,
            adopted: spread
                .by_county
                .iter()
                .find(|c| c.county_code == origin.county_code),
        })
        .collect();
    for adopted in &spread.by_county {
        if !counties.iter().any(|c| c.code == adopted.county_code) {
            counties.push(Marked {
                code: &adopted.county_code,
                name: &adopted.county_name,
                origin_labs: 0,
                adopted: Some(adopted),
            });
        }
    }
    counties.sort_by_key(|c| c.code);
    counties
}

#[component]
pub fn CountyMap(props: &CountyMapProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let counties = marked(&props.spread);
    let names = |pick: fn(&Marked<'_>) -> bool| {
        counties
            .iter()
            .filter(|c| pick(c))
            .map(|c| c.name)
            .collect::<Vec<_>>()
            .join(", ")
    };
    let origins = names(|c| c.origin_labs > 0);
    let adopted = names(|c| c.adopted.is_some());
    let description = [
        (!origins.is_empty()).then(|| fl!(loader, "spread-map-origins", counties = origins)),
        Some(if adopted.is_empty() {
            fl!(loader, "spread-map-none")
        } else {
            fl!(loader, "spread-map-description", counties = adopted)
        }),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    html! {
        <figure class="county-map">
            <svg viewBox={OUTLINES.view_box.clone()} role="img" aria-labelledby="county-map-title county-map-desc">
                <title id="county-map-title">{ fl!(loader, "spread-map-title") }</title>
                <desc id="county-map-desc">{ description }</desc>
                { for OUTLINES.counties.iter().map(|outline| {
                    let county = counties.iter().find(|c| c.code == outline.county_code);
                    let origin = county.is_some_and(|c| c.origin_labs > 0);
                    let adoptions = county.and_then(|c| c.adopted).map_or(0, |a| a.adoptions);
                    html! {
                        <path key={outline.county_code.clone()} d={outline.path.clone()}
                            class={classes!("county-map__county", (adoptions > 0).then_some("county-map__county--adopted"), origin.then_some("county-map__county--origin"))}
                            data-county={outline.county_code.clone()}
                            data-adoptions={adoptions.to_string()} data-origin={origin.to_string()} />
                    }
                }) }
            </svg>
            <figcaption>
                <p class="county-map__legend">
                    <span class="county-map__key county-map__key--origin" aria-hidden="true"></span>{ fl!(loader, "spread-legend-origin") }
                    { " " }
                    <span class="county-map__key county-map__key--adopted" aria-hidden="true"></span>{ fl!(loader, "spread-legend-adopted") }
                </p>
                if !counties.is_empty() {
                    <table class="chart__table">
                        <caption>{ fl!(loader, "spread-table-caption") }</caption>
                        <thead><tr>
                            <th scope="col">{ fl!(loader, "spread-county") }</th>
                            <th scope="col">{ fl!(loader, "spread-origin-labs") }</th>
                            <th scope="col">{ fl!(loader, "spread-adoptions") }</th>
                            <th scope="col">{ fl!(loader, "spread-municipalities") }</th>
                        </tr></thead>
                        <tbody>
                            { for counties.iter().map(|c| html! {
                                <tr key={c.code}>
                                    <th scope="row">{ c.name }</th>
                                    <td>{ c.origin_labs }</td>
                                    <td>{ c.adopted.map_or(0, |a| a.adoptions) }</td>
                                    <td>{ c.adopted.map_or(0, |a| a.municipalities) }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                }
                <p class="attribution">{ fl!(loader, "spread-map-attribution") }</p>
            </figcaption>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::OUTLINES;

    #[test]
    fn the_vendored_map_has_all_21_counties_by_their_codes() {
        let mut codes: Vec<&str> = OUTLINES
            .counties
            .iter()
            .map(|c| c.county_code.as_str())
            .collect();
        codes.sort_unstable();
        assert_eq!(
            codes,
            [
                "01", "03", "04", "05", "06", "07", "08", "09", "10", "12", "13", "14", "17", "18",
                "19", "20", "21", "22", "23", "24", "25"
            ]
        );
        assert!(OUTLINES.counties.iter().all(|c| c.path.starts_with('m')));
    }
}

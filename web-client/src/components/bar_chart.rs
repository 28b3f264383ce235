//! A horizontal bar chart of counts: SVG that screen readers read as one image with a
//! description, and the same figures in a table under it.

use i18n_embed_fl::fl;
use yew::prelude::*;

use crate::i18n::use_i18n;

const WIDTH: f64 = 360.0;
/// Each bar has its label above it, so that long names (challenge areas) are never cut.
const ROW: f64 = 34.0;
const LABEL_HEIGHT: f64 = 14.0;
const BAR_HEIGHT: f64 = 14.0;
/// Room right of the longest bar for its count.
const COUNT_ROOM: f64 = 40.0;

/// One bar: what it counts and how many.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub count: i64,
}

#[derive(Properties, PartialEq)]
pub struct BarChartProps {
    /// Unique on the page: names the chart's title and description.
    pub id: AttrValue,
    pub title: String,
    /// The table's first column heading.
    pub label_heading: String,
    pub bars: Vec<Bar>,
}

#[component]
pub fn BarChart(props: &BarChartProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    if props.bars.is_empty() {
        return html! { <p class="status">{ fl!(loader, "statistics-none") }</p> };
    }
    let most = props
        .bars
        .iter()
        .map(|bar| bar.count)
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let height = ROW * props.bars.len() as f64;
    let (title_id, desc_id) = (format!("{}-title", props.id), format!("{}-desc", props.id));
    let description = props
        .bars
        .iter()
        .map(|bar| format!("{}: {}", bar.label, bar.count))
        .collect::<Vec<_>>()
        .join("; ");
    html! {
        <figure class="bar-chart">
            <svg viewBox={format!("0 0 {WIDTH} {height}")} role="img" aria-labelledby={format!("{title_id} {desc_id}")}>
                <title id={title_id}>{ &props.title }</title>
                <desc id={desc_id}>{ description }</desc>
                { for props.bars.iter().enumerate().map(|(index, bar)| {
                    let y = index as f64 * ROW;
                    let length = (WIDTH - COUNT_ROOM) * bar.count as f64 / most;
                    let bar_y = y + LABEL_HEIGHT + 2.0;
                    let count_y = bar_y + BAR_HEIGHT - 3.0;
                    html! {
                        <g key={bar.label.clone()}>
                            <text class="bar-chart__label" x="0" y={(y + LABEL_HEIGHT - 3.0).to_string()}>{ &bar.label }</text>
                            <rect class="bar-chart__bar" x="0" y={bar_y.to_string()} width={length.max(1.0).to_string()} height={BAR_HEIGHT.to_string()} />
                            <text class="bar-chart__count" x={(length + 4.0).to_string()} y={count_y.to_string()}>{ bar.count }</text>
                        </g>
                    }
                }) }
            </svg>
            <figcaption>
                <table class="chart__table">
                    <caption class="visually-hidden">{ &props.title }</caption>
                    <thead><tr><th scope="col">{ &props.label_heading }</th><th scope="col">{ fl!(loader, "statistics-count") }</th></tr></thead>
                    <tbody>
                        { for props.bars.iter().map(|bar| html! {
                            <tr key={bar.label.clone()}><th scope="row">{ &bar.label }</th><td>{ bar.count }</td></tr>
                        }) }
                    </tbody>
                </table>
            </figcaption>
        </figure>
    }
}

//! A horizontal bar chart of counts: SVG that screen readers read as one image with a
//! description, and the same figures in a table under it.

use i18n_embed_fl::fl;
use yew::prelude::*;

use crate::i18n::use_i18n;

const WIDTH: f64 = 360.0;
const ROW: f64 = 26.0;
const LABEL: f64 = 150.0;

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
                    let length = (WIDTH - LABEL - 40.0) * bar.count as f64 / most;
                    html! {
                        <g key={bar.label.clone()}>
                            <text class="bar-chart__label" x={(LABEL - 6.0).to_string()} y={(y + ROW * 0.65).to_string()} text-anchor="end">{ &bar.label }</text>
                            <rect class="bar-chart__bar" x={LABEL.to_string()} y={(y + 4.0).to_string()} width={length.max(1.0).to_string()} height={(ROW - 8.0).to_string()} />
                            <text class="bar-chart__count" x={(LABEL + length + 4.0).to_string()} y={(y + ROW * 0.65).to_string()}>{ bar.count }</text>
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

//! A small line chart of an indicator's measurements: SVG with a title and description for
//! screen readers, and the numbers in a table beside it.

use i18n_embed_fl::fl;
use shared::Indicator;
use yew::prelude::*;

use crate::i18n::use_i18n;

const WIDTH: f64 = 320.0;
const HEIGHT: f64 = 120.0;
const PAD: f64 = 12.0;

#[derive(Properties, PartialEq)]
pub struct IndicatorChartProps {
    pub indicator: Indicator,
}

/// The measurements as a line from the baseline, with the target as a dashed line.
#[component]
pub fn IndicatorChart(props: &IndicatorChartProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let indicator = &props.indicator;
    let number = |value: f64| i18n.language().number(value);
    let values: Vec<f64> = std::iter::once(indicator.baseline)
        .chain(indicator.measurements.iter().map(|m| m.value))
        .collect();
    let low = values.iter().copied().fold(indicator.target, f64::min);
    let high = values.iter().copied().fold(indicator.target, f64::max);
    let span = if high > low { high - low } else { 1.0 };
    let y = |value: f64| HEIGHT - PAD - (value - low) / span * (HEIGHT - 2.0 * PAD);
    let step = if values.len() > 1 {
        (WIDTH - 2.0 * PAD) / (values.len() - 1) as f64
    } else {
        0.0
    };
    let points: Vec<(f64, f64)> = values
        .iter()
        .enumerate()
        .map(|(index, value)| (PAD + index as f64 * step, y(*value)))
        .collect();
    let line = points
        .iter()
        .map(|(x, y)| format!("{x:.1},{y:.1}"))
        .collect::<Vec<_>>()
        .join(" ");
    let title_id = format!("chart-{}-title", indicator.id);
    let desc_id = format!("chart-{}-desc", indicator.id);
    let description = fl!(
        loader,
        "indicator-chart-description",
        baseline = number(indicator.baseline),
        target = number(indicator.target),
        latest = indicator
            .latest
            .as_ref()
            .map_or_else(|| "–".to_owned(), |m| number(m.value)),
        unit = indicator.unit.clone()
    );
    html! {
        <figure class="chart">
            <svg viewBox={format!("0 0 {WIDTH} {HEIGHT}")} role="img" aria-labelledby={format!("{title_id} {desc_id}")}>
                <title id={title_id.clone()}>{ &indicator.name }</title>
                <desc id={desc_id}>{ description }</desc>
                <line class="chart__target" x1={PAD.to_string()} x2={(WIDTH - PAD).to_string()}
                    y1={y(indicator.target).to_string()} y2={y(indicator.target).to_string()} />
                <polyline class="chart__line" points={line} />
                { for points.iter().map(|(x, y)| html! { <circle class="chart__point" cx={x.to_string()} cy={y.to_string()} r="3" /> }) }
            </svg>
            <figcaption>
                <table class="chart__table">
                    <caption class="visually-hidden">{ &indicator.name }</caption>
                    <thead><tr><th scope="col">{ fl!(loader, "indicator-date") }</th><th scope="col">{ format!("{} ({})", fl!(loader, "indicator-value"), indicator.unit) }</th></tr></thead>
                    <tbody>
                        <tr><td>{ fl!(loader, "indicator-baseline") }</td><td>{ number(indicator.baseline) }</td></tr>
                        { for indicator.measurements.iter().map(|m| html! {
                            <tr key={m.id.to_string()}><td>{ m.measured_on.to_string() }</td><td>{ number(m.value) }</td></tr>
                        }) }
                        <tr><td>{ fl!(loader, "indicator-target") }</td><td>{ number(indicator.target) }</td></tr>
                    </tbody>
                </table>
            </figcaption>
        </figure>
    }
}

//! Statistik: the platform's public figures as charts, each with its table, and the open
//! data to download with its column dictionary.

use i18n_embed_fl::fl;
use shared::{IdeaStatus, LabPhase, MatchState, MonthCount, OpenDataset, Statistics};
use yew::prelude::*;

use crate::api::use_get;
use crate::components::evidence::level_name;
use crate::components::places::use_challenge_areas;
use crate::components::{Bar, BarChart, fetched};
use crate::i18n::{area_name, idea_status_name, match_state_name, phase_name, use_i18n, use_title};
use crate::services;

/// Counts by month as bars, one per month (the keys summed).
fn month_bars(counts: &[MonthCount]) -> Vec<Bar> {
    let mut bars: Vec<Bar> = Vec::new();
    for count in counts {
        match bars.iter_mut().find(|bar| bar.label == count.month) {
            Some(bar) => bar.count += count.count,
            None => bars.push(Bar {
                label: count.month.clone(),
                count: count.count,
            }),
        }
    }
    bars.sort_by(|a, b| a.label.cmp(&b.label));
    bars
}

#[component]
pub fn StatisticsPage() -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    use_title(fl!(loader, "statistics-title"));
    let statistics = use_get(services::statistics::get());
    let datasets = use_get(services::statistics::open_datasets());
    html! {
        <>
            <h1>{ fl!(loader, "statistics-title") }</h1>
            <p class="lead">{ fl!(loader, "statistics-lead") }</p>
            { fetched(loader, &statistics, |figures| html! { <Figures figures={figures.clone()} /> }) }
            <section aria-labelledby="open-data-heading">
                <h2 id="open-data-heading">{ fl!(loader, "open-data-title") }</h2>
                <p>{ fl!(loader, "open-data-lead") }</p>
                { fetched(loader, &datasets, |page| html! {
                    <ul class="plain-list datasets">
                        { for page.items.iter().map(|dataset| html! { <Dataset key={dataset.name.clone()} dataset={dataset.clone()} /> }) }
                    </ul>
                }) }
            </section>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct FiguresProps {
    figures: Statistics,
}

#[component]
fn Figures(props: &FiguresProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let areas = use_challenge_areas();
    let figures = &props.figures;
    let totals = &figures.totals;
    let bars = |counts: &[shared::KeyCount], name: &dyn Fn(&str) -> String| -> Vec<Bar> {
        counts
            .iter()
            .map(|count| Bar {
                label: name(&count.key),
                count: count.count,
            })
            .collect()
    };
    let phase =
        |key: &str| LabPhase::parse(key).map_or_else(|| key.to_owned(), |p| phase_name(loader, p));
    let area = |key: &str| area_name(&areas, key, i18n.language());
    let idea_status = |key: &str| {
        IdeaStatus::parse(key).map_or_else(|| key.to_owned(), |s| idea_status_name(loader, s))
    };
    let level = |key: &str| match key.parse::<i32>() {
        Ok(level @ 1..=5) => format!("{level} – {}", level_name(loader, level)),
        _ => fl!(loader, "statistics-level-none"),
    };
    let match_states: Vec<MatchState> = MatchState::ALL
        .iter()
        .copied()
        .filter(|state| {
            figures
                .matches_by_month
                .iter()
                .any(|m| m.key == state.as_str())
        })
        .collect();
    let mut months: Vec<&str> = figures
        .matches_by_month
        .iter()
        .map(|m| m.month.as_str())
        .collect();
    months.sort_unstable();
    months.dedup();
    let count_of = |month: &str, state: MatchState| {
        figures
            .matches_by_month
            .iter()
            .find(|m| m.month == month && m.key == state.as_str())
            .map_or(0, |m| m.count)
    };
    let county_bars: Vec<Bar> = figures
        .adoptions_by_county
        .iter()
        .map(|county| Bar {
            label: county.county_name.clone(),
            count: county.count,
        })
        .collect();
    html! {
        <>
            <section aria-labelledby="totals-heading">
                <h2 id="totals-heading">{ fl!(loader, "statistics-totals") }</h2>
                <dl class="totals">
                    <div><dt>{ fl!(loader, "statistics-total-labs") }</dt><dd id="total-labs">{ totals.labs }</dd></div>
                    <div><dt>{ fl!(loader, "statistics-total-ideas") }</dt><dd id="total-ideas">{ totals.ideas }</dd></div>
                    <div><dt>{ fl!(loader, "statistics-total-offerings") }</dt><dd id="total-offerings">{ totals.offerings }</dd></div>
                    <div><dt>{ fl!(loader, "statistics-total-matches") }</dt><dd id="total-matches">{ totals.matches }</dd></div>
                    <div><dt>{ fl!(loader, "statistics-total-methods") }</dt><dd id="total-methods">{ totals.methods }</dd></div>
                    <div><dt>{ fl!(loader, "statistics-total-adoptions") }</dt><dd id="total-adoptions">{ totals.adoptions }</dd></div>
                    <div><dt>{ fl!(loader, "statistics-total-organizations") }</dt><dd id="total-organizations">{ totals.organizations }</dd></div>
                </dl>
            </section>
            <div class="figures">
                <section aria-labelledby="labs-by-phase">
                    <h2 id="labs-by-phase">{ fl!(loader, "statistics-labs-by-phase") }</h2>
                    <BarChart id="chart-phase" title={fl!(loader, "statistics-labs-by-phase")} label_heading={fl!(loader, "lab-phase")} bars={bars(&figures.labs_by_phase, &phase)} />
                </section>
                <section aria-labelledby="labs-by-area">
                    <h2 id="labs-by-area">{ fl!(loader, "statistics-labs-by-area") }</h2>
                    <BarChart id="chart-area" title={fl!(loader, "statistics-labs-by-area")} label_heading={fl!(loader, "lab-challenge-area")} bars={bars(&figures.labs_by_area, &area)} />
                </section>
                <section aria-labelledby="ideas-by-status">
                    <h2 id="ideas-by-status">{ fl!(loader, "statistics-ideas-by-status") }</h2>
                    <BarChart id="chart-ideas" title={fl!(loader, "statistics-ideas-by-status")} label_heading={fl!(loader, "statistics-status")} bars={bars(&figures.ideas_by_status, &idea_status)} />
                </section>
                <section aria-labelledby="methods-by-level">
                    <h2 id="methods-by-level">{ fl!(loader, "statistics-methods-by-level") }</h2>
                    <BarChart id="chart-levels" title={fl!(loader, "statistics-methods-by-level")} label_heading={fl!(loader, "evidence-level")} bars={bars(&figures.methods_by_level, &level)} />
                </section>
                <section aria-labelledby="adoptions-by-county">
                    <h2 id="adoptions-by-county">{ fl!(loader, "statistics-adoptions-by-county") }</h2>
                    <BarChart id="chart-counties" title={fl!(loader, "statistics-adoptions-by-county")} label_heading={fl!(loader, "spread-county")} bars={county_bars} />
                </section>
                <section aria-labelledby="adoptions-by-month">
                    <h2 id="adoptions-by-month">{ fl!(loader, "statistics-adoptions-by-month") }</h2>
                    <BarChart id="chart-adoption-months" title={fl!(loader, "statistics-adoptions-by-month")} label_heading={fl!(loader, "statistics-month")} bars={month_bars(&figures.adoptions_by_month)} />
                </section>
                <section aria-labelledby="matches-by-month">
                    <h2 id="matches-by-month">{ fl!(loader, "statistics-matches-by-month") }</h2>
                    <BarChart id="chart-match-months" title={fl!(loader, "statistics-matches-by-month")} label_heading={fl!(loader, "statistics-month")} bars={month_bars(&figures.matches_by_month)} />
                    if !months.is_empty() {
                        <table class="chart__table">
                            <caption>{ fl!(loader, "statistics-matches-by-state") }</caption>
                            <thead><tr>
                                <th scope="col">{ fl!(loader, "statistics-month") }</th>
                                { for match_states.iter().map(|state| html! { <th scope="col">{ match_state_name(loader, *state) }</th> }) }
                            </tr></thead>
                            <tbody>
                                { for months.iter().map(|month| html! {
                                    <tr key={*month}>
                                        <th scope="row">{ *month }</th>
                                        { for match_states.iter().map(|state| html! { <td>{ count_of(month, *state) }</td> }) }
                                    </tr>
                                }) }
                            </tbody>
                        </table>
                    }
                </section>
            </div>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct DatasetProps {
    dataset: OpenDataset,
}

/// One open dataset: what it holds, its downloads and its column dictionary.
#[component]
fn Dataset(props: &DatasetProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let dataset = &props.dataset;
    let semicolon = format!("{}?separator=semicolon", dataset.csv_url);
    html! {
        <li class="dataset">
            <h3>{ &dataset.name }</h3>
            <p>{ &dataset.description }</p>
            <p class="meta">{ fl!(loader, "open-data-facts", rows = dataset.row_count, generated = dataset.generated_at.format("%Y-%m-%d %H:%M").to_string(), licence = dataset.licence.clone()) }</p>
            <p class="downloads">
                <a href={dataset.csv_url.clone()} download="">{ fl!(loader, "open-data-csv", name = dataset.name.clone()) }</a>
                { " · " }
                <a href={semicolon} download="">{ fl!(loader, "open-data-csv-semicolon", name = dataset.name.clone()) }</a>
                { " · " }
                <a href={dataset.json_url.clone()} download="">{ fl!(loader, "open-data-json", name = dataset.name.clone()) }</a>
            </p>
            <details>
                <summary>{ fl!(loader, "open-data-columns", name = dataset.name.clone()) }</summary>
                <dl class="dictionary">
                    { for dataset.columns.iter().map(|column| html! {
                        <><dt><code>{ &column.name }</code></dt><dd>{ &column.meaning }</dd></>
                    }) }
                </dl>
            </details>
        </li>
    }
}

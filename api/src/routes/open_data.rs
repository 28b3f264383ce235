//! Open data: the datasets with their column dictionaries, and each as a CSV or JSON file
//! streamed from the database in batches.

use actix_web::http::header::{
    CONTENT_DISPOSITION, ContentDisposition, DispositionParam, DispositionType,
};
use actix_web::web::Bytes;
use actix_web::{HttpResponse, get, web};
use serde::Deserialize;
use shared::{OpenDataset, Page};
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::fields;
use crate::db::{self, Db, PooledConnection};
use crate::domain::evidence;
use crate::error::ApiError;
use crate::open_data::{self, DATASETS, Dataset, Separator};
use crate::openapi::problems::{BadRequest, NotFound};

pub fn configure(config: &mut ServiceConfig) {
    config.service(list_open_datasets).service(get_open_dataset);
}

const BASE: &str = "/api/v1/open-data";

/// The open datasets: what each holds, its columns and what they mean, how many rows it
/// has, when that was counted, its licence, and where to download it.
#[utoipa::path(
    tag = "open-data",
    params(("Accept-Language" = Option<String>, Header, description = "`en` for the descriptions in English; Swedish otherwise.")),
    responses((status = 200, description = "A complete list.", body = Page<OpenDataset>)),
)]
#[get("/open-data")]
async fn list_open_datasets(
    db: Db,
    request: actix_web::HttpRequest,
) -> Result<web::Json<Page<OpenDataset>>, ApiError> {
    let language = fields::language(&request);
    let mut conn = db.get().await?;
    let mut datasets = Vec::with_capacity(DATASETS.len());
    for dataset in &DATASETS {
        datasets.push(OpenDataset {
            name: dataset.name.to_owned(),
            description: dataset.description.get(language).to_owned(),
            columns: dataset.dictionary(language),
            row_count: db::open_data::count(&mut conn, dataset).await?,
            generated_at: chrono::Utc::now(),
            licence: open_data::LICENCE.to_owned(),
            csv_url: format!("{BASE}/{}.csv", dataset.name),
            json_url: format!("{BASE}/{}.json", dataset.name),
        });
    }
    Ok(web::Json(Page::complete(datasets)))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct FileQuery {
    /// For CSV: `semicolon` for spreadsheet programs set to Swedish (the file then starts
    /// with a byte-order mark so they read it as UTF-8); `comma` (the default) otherwise.
    separator: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Csv,
    Json,
}

/// Rows read per query while streaming a file.
const BATCH: i64 = 500;

/// Where a file being streamed has come to.
struct Progress {
    conn: PooledConnection,
    dataset: &'static Dataset,
    format: Format,
    separator: Separator,
    after: Option<Uuid>,
    started: bool,
    done: bool,
}

/// The next piece of the file: the next batch of rows, the header or the brackets around
/// it; `None` at the end.
async fn next_chunk(mut progress: Progress) -> Result<Option<(Bytes, Progress)>, ApiError> {
    if progress.done {
        return Ok(None);
    }
    let rows =
        db::open_data::batch(&mut progress.conn, progress.dataset, progress.after, BATCH).await?;
    progress.done = i64::try_from(rows.len()).unwrap_or(i64::MAX) < BATCH;
    progress.after = rows.last().map(|row| row.id).or(progress.after);
    let levels = match progress.dataset.data_level_column() {
        Some(_) => {
            let ids: Vec<Uuid> = rows.iter().map(|row| row.id).collect();
            db::methods::evidence_facts(&mut progress.conn, &ids).await?
        }
        None => Default::default(),
    };
    let cells: Vec<Vec<Option<String>>> = rows
        .into_iter()
        .map(|row| {
            let mut cells: Vec<Option<String>> = row
                .cells
                .iter()
                .map(|cell| cell.as_deref().map(open_data::redact_emails))
                .collect();
            if let (Some(column), Some(facts)) =
                (progress.dataset.data_level_column(), levels.get(&row.id))
                && let Some(cell) = cells.get_mut(column)
            {
                *cell = Some(evidence::data_level(facts, "sv").level.to_string());
            }
            cells
        })
        .collect();
    let columns = progress.dataset.columns;
    let mut chunk = Vec::new();
    match progress.format {
        Format::Csv => {
            if !progress.started && progress.separator == Separator::Semicolon {
                chunk.extend_from_slice("\u{feff}".as_bytes());
            }
            let rows = open_data::csv_chunk(columns, &cells, progress.separator, !progress.started)
                .map_err(|error| ApiError::Unexpected(anyhow::anyhow!("writing CSV: {error}")))?;
            chunk.extend_from_slice(&rows);
        }
        Format::Json => {
            if !progress.started {
                chunk.push(b'[');
            }
            chunk.extend_from_slice(&open_data::json_chunk(columns, &cells, !progress.started));
            if progress.done {
                chunk.push(b']');
            }
        }
    }
    progress.started = true;
    Ok(Some((Bytes::from(chunk), progress)))
}

/// One dataset as a file: `labs.csv`, `methods.json`, … (datasets: `labs`, `methods`,
/// `adoptions`, `offerings`, `needs`). Public records only, no personal data; CSV is RFC
/// 4180 in UTF-8, JSON an array of objects whose values are strings or null, as in the
/// CSV. Streamed: a file of any size starts at once.
#[utoipa::path(
    tag = "open-data",
    params(("file" = String, Path, description = "The dataset and format, e.g. `labs.csv` or `methods.json`."), FileQuery),
    responses(
        (status = 200, description = "The file.", content(
            (String = "text/csv"),
            (Vec<serde_json::Value> = "application/json"),
        )),
        BadRequest, NotFound,
    ),
)]
#[get("/open-data/{file}")]
async fn get_open_dataset(
    db: Db,
    file: web::Path<String>,
    query: web::Query<FileQuery>,
) -> Result<HttpResponse, ApiError> {
    let (name, format) = match file.rsplit_once('.') {
        Some((name, "csv")) => (name, Format::Csv),
        Some((name, "json")) => (name, Format::Json),
        _ => return Err(ApiError::NotFound),
    };
    let dataset = open_data::dataset(name).ok_or(ApiError::NotFound)?;
    let separator = match query.separator.as_deref() {
        None | Some("comma") => Separator::Comma,
        Some("semicolon") => Separator::Semicolon,
        Some(_) => {
            return Err(ApiError::invalid_parameter(
                "separator",
                "unknown",
                crate::t!("parameter-separator"),
            ));
        }
    };
    let progress = Progress {
        // The stream outlives the handler, so it owns a connection of the pool.
        conn: db.pool().get().await?,
        dataset,
        format,
        separator,
        after: None,
        started: false,
        done: false,
    };
    let stream = futures_util::stream::try_unfold(progress, next_chunk);
    let content_type = match format {
        Format::Csv => "text/csv; charset=utf-8",
        Format::Json => "application/json",
    };
    Ok(HttpResponse::Ok()
        .content_type(content_type)
        .insert_header((
            CONTENT_DISPOSITION,
            ContentDisposition {
                disposition: DispositionType::Attachment,
                parameters: vec![DispositionParam::Filename(file.into_inner())],
            },
        ))
        .streaming(stream))
}

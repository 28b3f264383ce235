//! Keyset pagination: `limit` (1–100, default 20) and an opaque `cursor` that encodes the
//! sort key of the last item of the previous page.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use shared::Page;
use utoipa::IntoParams;

use crate::error::ApiError;

pub const DEFAULT_LIMIT: i64 = 20;
pub const MAX_LIMIT: i64 = 100;

/// The page parameters of every list, as a second query extractor beside the list's own
/// filters (`web::Query<PageParams>`).
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageParams {
    /// Page size, 1–100 (default 20).
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<i64>,
    /// `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

/// Incremental sync, beside the page parameters of the lists of labs, needs, offerings,
/// methods, matches and organisations (ideas have `updated_since` and `sort=updated_at`
/// among their own parameters, since they have a `sort` of their own).
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SyncParams {
    /// Only what was created or changed at or after this time (RFC 3339, such as
    /// `2026-12-03T09:00:00Z`): the `updated_at` of the last item a partner read.
    pub updated_since: Option<DateTime<Utc>>,
    /// `updated_at`: the least recently changed first, so that what changes while a partner
    /// pages moves to the end, where it is still read.
    #[param(inline)]
    pub sort: Option<SyncSort>,
}

/// The order incremental sync reads a list in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SyncSort {
    UpdatedAt,
}

impl PageParams {
    /// The page size, checked.
    pub fn limit(&self) -> Result<i64, ApiError> {
        limit(self.limit)
    }

    /// Where the previous page ended, decoded.
    pub fn after<K: DeserializeOwned>(&self) -> Result<Option<K>, ApiError> {
        decode(self.cursor.as_deref())
    }
}

/// The page size asked for, checked.
pub fn limit(requested: Option<i64>) -> Result<i64, ApiError> {
    match requested {
        None => Ok(DEFAULT_LIMIT),
        Some(limit) if (1..=MAX_LIMIT).contains(&limit) => Ok(limit),
        Some(_) => Err(ApiError::invalid_parameter(
            "limit",
            "range",
            crate::t!("parameter-limit", max = MAX_LIMIT),
        )),
    }
}

/// Decodes a cursor made by [`page`]; a cursor that is not one is a 400.
pub fn decode<K: DeserializeOwned>(cursor: Option<&str>) -> Result<Option<K>, ApiError> {
    let Some(cursor) = cursor.filter(|cursor| !cursor.is_empty()) else {
        return Ok(None);
    };
    URL_SAFE_NO_PAD
        .decode(cursor)
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .map(Some)
        .ok_or_else(|| {
            ApiError::invalid_parameter("cursor", "format", crate::t!("parameter-cursor-foreign"))
        })
}

/// The cursor of a page that ends at `key`.
pub fn cursor<K: Serialize>(key: &K) -> Option<String> {
    serde_json::to_vec(key)
        .ok()
        .map(|bytes| URL_SAFE_NO_PAD.encode(bytes))
}

/// Makes a page from up to `limit + 1` items fetched: the extra one only says that there
/// is a next page, whose cursor is the key of the page's last item.
pub fn page<T, K: Serialize>(mut items: Vec<T>, limit: i64, key: impl Fn(&T) -> K) -> Page<T> {
    let limit = usize::try_from(limit).unwrap_or(usize::MAX);
    let has_more = items.len() > limit;
    items.truncate(limit);
    let next_cursor = if has_more {
        items.last().and_then(|last| cursor(&key(last)))
    } else {
        None
    };
    Page { items, next_cursor }
}

/// Makes a page from up to `limit + 1` items fetched together with their sort keys.
pub fn page_with_keys<T, K: Serialize>(items: Vec<(T, K)>, limit: i64) -> Page<T> {
    let limit = usize::try_from(limit).unwrap_or(usize::MAX);
    let has_more = items.len() > limit;
    let mut next_cursor = None;
    let mut page = Vec::with_capacity(limit.min(items.len()));
    for (index, (item, key)) in items.into_iter().enumerate().take(limit) {
        if has_more && index + 1 == limit {
            next_cursor = cursor(&key);
        }
        page.push(item);
    }
    Page {
        items: page,
        next_cursor,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_page_points_at_its_last_item_and_the_cursor_round_trips() -> Result<(), ApiError> {
        let page = page(vec![1, 2, 3], 2, |n| ("key", *n));
        assert_eq!(page.items, vec![1, 2]);
        let key: Option<(String, i32)> = decode(page.next_cursor.as_deref())?;
        assert_eq!(key, Some(("key".to_owned(), 2)));
        Ok(())
    }

    #[test]
    fn the_last_page_has_no_cursor() {
        assert_eq!(page(vec![1, 2], 2, |n| *n).next_cursor, None);
    }

    #[test]
    fn limits_outside_1_to_100_and_foreign_cursors_are_refused() {
        assert!(limit(Some(0)).is_err());
        assert!(limit(Some(101)).is_err());
        assert_eq!(limit(None).ok(), Some(DEFAULT_LIMIT));
        assert!(decode::<(String, i32)>(Some("not-a-cursor")).is_err());
        assert!(decode::<(String, i32)>(Some(&URL_SAFE_NO_PAD.encode(b"[1]"))).is_err());
    }
}

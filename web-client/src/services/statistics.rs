//! The platform's public figures and its open data.

use shared::{OpenDataset, Page, Statistics};

use super::Read;

/// `get_statistics`
pub fn get() -> Read<Statistics> {
    Read::new("/statistics")
}

/// `list_open_datasets`
pub fn open_datasets() -> Read<Page<OpenDataset>> {
    Read::new("/open-data")
}

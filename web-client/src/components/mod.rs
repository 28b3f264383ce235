//! Reusable parts of the pages.

mod bar_chart;
mod chart;
mod county_map;
pub mod evidence;
pub mod form;
mod highlighted;
mod language_switch;
mod layout;
pub mod places;
mod reasons;
mod report_button;
pub mod search_field;
pub mod status;
mod tags;

pub use bar_chart::{Bar, BarChart};
pub use chart::IndicatorChart;
pub use county_map::CountyMap;
pub use evidence::{EvidenceLadder, LevelReasons};
pub use highlighted::Highlighted;
pub use layout::Layout;
pub use reasons::ReasonList;
pub use report_button::ReportButton;
pub use status::{ErrorMessage, Loading, fetched};
pub use tags::TagList;

//! Reference data: challenge areas, counties and municipalities.

use serde::{Deserialize, Serialize};

/// A text in each of the product's languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LocalizedText {
    /// Swedish.
    pub sv: String,
    /// English.
    pub en: String,
}

impl LocalizedText {
    /// The text in `language` (`"en"`), or Swedish for anything else.
    pub fn get(&self, language: &str) -> &str {
        match language {
            "en" => &self.en,
            _ => &self.sv,
        }
    }
}

/// One of the societal challenges the labs work on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "key": "unemployment",
    "name": {"sv": "Minska långtidsarbetslösheten, med fokus på kvinnor", "en": "Reduce long-term unemployment, focus on women"},
    "description": {"sv": "Fler i arbete eller studier …", "en": "More people in work or studies …"},
    "lab_count": 2,
    "offering_count": 14
})))]
pub struct ChallengeArea {
    /// Stable key, e.g. `unemployment`, `schools`, `community_services`, `crime_prevention`.
    pub key: String,
    pub name: LocalizedText,
    pub description: LocalizedText,
    /// Public labs working on this area that are not closed.
    pub lab_count: i64,
    /// Active offerings for this area.
    pub offering_count: i64,
}

/// A Swedish county (län).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"code": "05", "name": "Östergötlands län", "municipality_count": 13})))]
pub struct County {
    /// Two-digit county code (länskod).
    pub code: String,
    pub name: String,
    /// How many municipalities the county has.
    pub municipality_count: i64,
}

/// A Swedish municipality (kommun).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"code": "0581", "name": "Norrköping", "county_code": "05", "county_name": "Östergötlands län"})))]
pub struct Municipality {
    /// Four-digit municipality code (kommunkod), starting with its county code.
    pub code: String,
    pub name: String,
    pub county_code: String,
    pub county_name: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn localized_text_falls_back_to_swedish() {
        let text = LocalizedText {
            sv: "labb".into(),
            en: "lab".into(),
        };
        assert_eq!(text.get("en"), "lab");
        assert_eq!(text.get("sv"), "labb");
        assert_eq!(text.get("de"), "labb");
    }
}

//! Open data: the public records of labs, methods, adoptions, offerings and needs as CSV
//! (RFC 4180, UTF-8) and JSON, with a dictionary of their columns. No personal data: no
//! person is named, and anything that looks like an e-mail address in a text is blanked.
//!
//! Each dataset is one SQL shape (`from` with its public-records rule, `cells` as text in
//! the columns' order); `db::open_data` reads it in batches by id, so a file of any size
//! is streamed.

use shared::OpenDataColumn;

/// How a timestamp column is written: ISO 8601 in UTC.
macro_rules! iso {
    ($column:literal) => {
        concat!(
            "to_char(",
            $column,
            " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
        )
    };
}

/// One open dataset.
pub struct Dataset {
    pub name: &'static str,
    pub description: &'static str,
    /// `(name, meaning)` in the files' order.
    pub columns: &'static [(&'static str, &'static str)],
    /// `FROM … WHERE …` with the listed table as `x`: public records only.
    pub from: &'static str,
    /// The cells as text, in the columns' order, separated by commas.
    pub cells: &'static str,
}

impl Dataset {
    pub fn dictionary(&self) -> Vec<OpenDataColumn> {
        self.columns
            .iter()
            .map(|(name, meaning)| OpenDataColumn {
                name: (*name).to_owned(),
                meaning: (*meaning).to_owned(),
            })
            .collect()
    }

    /// Where the derived data level goes (it is not stored, so the SQL leaves it empty).
    pub fn data_level_column(&self) -> Option<usize> {
        self.columns
            .iter()
            .position(|(name, _)| *name == "data_level")
    }
}

/// The licence of every dataset.
pub const LICENCE: &str = "CC-BY-4.0";

pub const DATASETS: [Dataset; 5] = [
    Dataset {
        name: "labs",
        description: "Public innovation labs: where, on what challenge, in which phase, hosted by whom.",
        columns: &[
            ("id", "The lab's id (UUID)."),
            ("title", "The lab's title."),
            ("summary", "A short summary."),
            (
                "challenge_area",
                "The challenge area's key (see /api/v1/challenge-areas).",
            ),
            (
                "municipality_code",
                "The municipality's four-digit code (SCB).",
            ),
            ("municipality_name", "The municipality's name."),
            ("county_code", "The county's two-digit code (SCB)."),
            ("neighbourhood", "The neighbourhood, if named."),
            (
                "phase",
                "forming, ideation, testing, verifying, spreading or closed.",
            ),
            ("starts_on", "The start date (YYYY-MM-DD), if set."),
            ("ends_on", "The end date (YYYY-MM-DD), if set."),
            ("host_organization_id", "The lead host organisation's id."),
            (
                "host_organization_name",
                "The lead host organisation's name.",
            ),
            ("created_at", "When the lab was opened (ISO 8601, UTC)."),
            ("updated_at", "When it last changed (ISO 8601, UTC)."),
        ],
        from: "FROM labs x
                JOIN municipalities mu ON mu.code = x.municipality_code
                JOIN organizations o ON o.id = x.host_organization_id
               WHERE x.visibility = 'public'",
        cells: concat!(
            "x.id::text, x.title, x.summary, x.challenge_area, x.municipality_code, mu.name, ",
            "mu.county_code, x.neighbourhood, x.phase, x.starts_on::text, x.ends_on::text, ",
            "o.id::text, o.name, ",
            iso!("x.created_at"),
            ", ",
            iso!("x.updated_at")
        ),
    },
    Dataset {
        name: "methods",
        description: "Published and retired methods of the method bank, with their evidence levels on Nesta's Standards of Evidence.",
        columns: &[
            ("id", "The method's id (UUID)."),
            ("title", "The method's title."),
            ("summary", "A short summary."),
            (
                "challenge_areas",
                "The challenge areas' keys, separated by |.",
            ),
            ("target_groups", "Its target groups, separated by |."),
            (
                "organization_id",
                "The owning and contact organisation's id.",
            ),
            ("organization_name", "The owning organisation's name."),
            ("status", "published or retired."),
            ("licence", "The method's licence (SPDX)."),
            (
                "claimed_level",
                "The highest level (1–5) with an evidence entry; empty if none.",
            ),
            (
                "data_level",
                "The level (0–5) the platform's own records support.",
            ),
            (
                "reviewed_level",
                "The level an independent reviewer set; empty if none.",
            ),
            ("adoptions", "How many adoptions it has."),
            (
                "origin_lab_ids",
                "The public labs it came from, separated by |.",
            ),
            ("published_at", "When it was published (ISO 8601, UTC)."),
            ("updated_at", "When it last changed (ISO 8601, UTC)."),
        ],
        from: "FROM methods x
                JOIN organizations o ON o.id = x.organization_id
               WHERE x.status <> 'draft'",
        cells: concat!(
            "x.id::text, x.title, x.summary, array_to_string(x.challenge_areas, '|'), ",
            "array_to_string(x.target_groups, '|'), o.id::text, o.name, x.status, x.licence, ",
            "(SELECT max(e.level) FROM method_evidence e WHERE e.method_id = x.id)::text, NULL, ",
            "x.reviewed_level::text, ",
            "(SELECT count(*) FROM adoptions a WHERE a.method_id = x.id)::text, ",
            "(SELECT string_agg(ol.lab_id::text, '|' ORDER BY ol.lab_id) FROM method_origin_labs ol ",
            "JOIN labs l ON l.id = ol.lab_id WHERE ol.method_id = x.id AND l.visibility = 'public'), ",
            iso!("x.published_at"),
            ", ",
            iso!("x.updated_at")
        ),
    },
    Dataset {
        name: "adoptions",
        description: "Adoptions of methods: which organisation uses which method where — how methods spread.",
        columns: &[
            ("id", "The adoption's id (UUID)."),
            ("method_id", "The method's id."),
            ("method_title", "The method's title."),
            ("organization_id", "The adopting organisation's id."),
            ("organization_name", "The adopting organisation's name."),
            (
                "municipality_code",
                "The municipality's four-digit code (SCB).",
            ),
            ("municipality_name", "The municipality's name."),
            ("county_code", "The county's two-digit code (SCB)."),
            ("neighbourhood", "The neighbourhood, if named."),
            ("status", "planned, running, completed or discontinued."),
            ("started_on", "The start date (YYYY-MM-DD), if set."),
            (
                "lab_id",
                "The lab it opened to measure its results, if any.",
            ),
            ("created_at", "When it was recorded (ISO 8601, UTC)."),
        ],
        from: "FROM adoptions x
                JOIN methods m ON m.id = x.method_id
                JOIN organizations o ON o.id = x.organization_id
                JOIN municipalities mu ON mu.code = x.municipality_code
               WHERE m.status <> 'draft'",
        cells: concat!(
            "x.id::text, m.id::text, m.title, o.id::text, o.name, x.municipality_code, mu.name, ",
            "mu.county_code, x.neighbourhood, x.status, x.started_on::text, x.lab_id::text, ",
            iso!("x.created_at")
        ),
    },
    Dataset {
        name: "offerings",
        description: "What local actors offer housing companies: the marketplace.",
        columns: &[
            ("id", "The offering's id (UUID)."),
            ("title", "The offering's title."),
            (
                "kind",
                "service, method, product, funding, volunteering or expertise.",
            ),
            ("organization_id", "The offering organisation's id."),
            ("organization_name", "The offering organisation's name."),
            (
                "challenge_areas",
                "The challenge areas' keys, separated by |.",
            ),
            (
                "coverage_national",
                "true when offered in the whole country.",
            ),
            (
                "coverage_counties",
                "County codes where offered, separated by |.",
            ),
            (
                "coverage_municipalities",
                "Municipality codes where offered, separated by |.",
            ),
            ("tags", "Its tags, separated by |."),
            ("status", "active or paused."),
            ("created_at", "When it was offered (ISO 8601, UTC)."),
        ],
        from: "FROM offerings x JOIN organizations o ON o.id = x.organization_id WHERE TRUE",
        cells: concat!(
            "x.id::text, x.title, x.kind, o.id::text, o.name, ",
            "array_to_string(x.challenge_areas, '|'), x.coverage_national::text, ",
            "array_to_string(x.coverage_counties, '|'), ",
            "array_to_string(x.coverage_municipalities, '|'), array_to_string(x.tags, '|'), ",
            "x.status, ",
            iso!("x.created_at")
        ),
    },
    Dataset {
        name: "needs",
        description: "What public labs look for from local actors.",
        columns: &[
            ("id", "The need's id (UUID)."),
            ("lab_id", "The lab's id."),
            ("lab_title", "The lab's title."),
            ("organization_id", "The organisation that has the need."),
            ("organization_name", "Its name."),
            ("title", "The need's title."),
            ("challenge_area", "The challenge area's key."),
            (
                "municipality_code",
                "The municipality's four-digit code (SCB).",
            ),
            ("county_code", "The county's two-digit code (SCB)."),
            ("tags", "Its tags, separated by |."),
            ("status", "open, filled or withdrawn."),
            ("created_at", "When it was published (ISO 8601, UTC)."),
        ],
        from: "FROM needs x
                JOIN labs l ON l.id = x.lab_id
                JOIN organizations o ON o.id = x.organization_id
                JOIN municipalities mu ON mu.code = x.municipality_code
               WHERE l.visibility = 'public'",
        cells: concat!(
            "x.id::text, l.id::text, l.title, o.id::text, o.name, x.title, x.challenge_area, ",
            "x.municipality_code, mu.county_code, array_to_string(x.tags, '|'), x.status, ",
            iso!("x.created_at")
        ),
    },
];

pub fn dataset(name: &str) -> Option<&'static Dataset> {
    DATASETS.iter().find(|dataset| dataset.name == name)
}

/// What stands in for an e-mail address found in a text.
const REDACTED: &str = "[e-post borttagen]";

/// Blanks anything that looks like an e-mail address (`a@b.c`) in a text: open data must
/// carry no personal data, and people type addresses into descriptions.
pub fn redact_emails(text: &str) -> String {
    if !text.contains('@') {
        return text.to_owned();
    }
    let is_email = |word: &str| match word.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty() && domain.contains('.') && !domain.ends_with('.')
        }
        None => false,
    };
    text.split_inclusive(char::is_whitespace)
        .map(|piece| {
            // The address without the punctuation around it, which stays.
            let core = piece.trim_matches(|c: char| !c.is_alphanumeric());
            if is_email(core) {
                piece.replacen(core, REDACTED, 1)
            } else {
                piece.to_owned()
            }
        })
        .collect()
}

/// The field separator of a CSV file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Separator {
    Comma,
    /// For spreadsheet programs set to Swedish, which read `,` as the decimal mark.
    Semicolon,
}

/// Writes rows as CSV (RFC 4180: CRLF, quotes where needed), the header first when asked.
pub fn csv_chunk(
    columns: &[(&str, &str)],
    rows: &[Vec<Option<String>>],
    separator: Separator,
    header: bool,
) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(match separator {
            Separator::Comma => b',',
            Separator::Semicolon => b';',
        })
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    if header {
        writer.write_record(columns.iter().map(|(name, _)| *name))?;
    }
    for row in rows {
        writer.write_record(row.iter().map(|cell| cell.as_deref().unwrap_or("")))?;
    }
    writer
        .into_inner()
        .map_err(|error| csv::Error::from(error.into_error()))
}

/// Writes rows as the JSON objects of an array (keys the columns' names, values strings
/// or null), each but the first led by a comma.
pub fn json_chunk(columns: &[(&str, &str)], rows: &[Vec<Option<String>>], first: bool) -> Vec<u8> {
    let mut out = Vec::new();
    for (index, row) in rows.iter().enumerate() {
        if !(first && index == 0) {
            out.push(b',');
        }
        let object: serde_json::Map<String, serde_json::Value> = columns
            .iter()
            .zip(row)
            .map(|((name, _), cell)| {
                let value = cell
                    .clone()
                    .map_or(serde_json::Value::Null, serde_json::Value::String);
                ((*name).to_owned(), value)
            })
            .collect();
        out.extend_from_slice(serde_json::Value::Object(object).to_string().as_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn e_mail_addresses_are_blanked_and_nothing_else() {
        assert_eq!(
            redact_emails("Kontakta anna.berg@example.se, eller ring."),
            "Kontakta [e-post borttagen], eller ring."
        );
        assert_eq!(
            redact_emails("Träffas @ Navestad kl 18"),
            "Träffas @ Navestad kl 18"
        );
        assert_eq!(redact_emails("Ingen adress här."), "Ingen adress här.");
        assert_eq!(
            redact_emails("a@b.se\nnästa rad"),
            "[e-post borttagen]\nnästa rad"
        );
    }

    #[test]
    fn csv_quotes_what_needs_it_and_ends_lines_with_crlf() -> Result<(), csv::Error> {
        let columns = [("id", ""), ("title", "")];
        let rows = vec![
            vec![
                Some("1".to_owned()),
                Some("Läxhjälp, \"trapphuset\"".to_owned()),
            ],
            vec![Some("2".to_owned()), None],
        ];
        let text = String::from_utf8(csv_chunk(&columns, &rows, Separator::Comma, true)?)
            .unwrap_or_default();
        assert_eq!(
            text,
            "id,title\r\n1,\"Läxhjälp, \"\"trapphuset\"\"\"\r\n2,\r\n"
        );
        let text = String::from_utf8(csv_chunk(
            &columns,
            &rows[1..],
            Separator::Semicolon,
            false,
        )?)
        .unwrap_or_default();
        assert_eq!(text, "2;\r\n");
        Ok(())
    }

    #[test]
    fn json_rows_are_objects_joined_by_commas() {
        let columns = [("id", ""), ("title", "")];
        let rows = vec![vec![Some("1".to_owned()), None]];
        assert_eq!(
            json_chunk(&columns, &rows, true),
            br#"{"id":"1","title":null}"#
        );
        assert_eq!(
            json_chunk(&columns, &rows, false),
            br#",{"id":"1","title":null}"#
        );
    }

    #[test]
    fn every_dataset_names_as_many_cells_as_columns() {
        for dataset in &DATASETS {
            // The cells are separated by top-level commas; count them outside parentheses.
            let mut depth = 0_i32;
            let mut quoted = false;
            let mut cells = 1;
            for c in dataset.cells.chars() {
                match c {
                    '\'' => quoted = !quoted,
                    '(' if !quoted => depth += 1,
                    ')' if !quoted => depth -= 1,
                    ',' if !quoted && depth == 0 => cells += 1,
                    _ => {}
                }
            }
            assert_eq!(cells, dataset.columns.len(), "{}", dataset.name);
        }
    }
}

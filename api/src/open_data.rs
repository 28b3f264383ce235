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
    pub description: Text,
    /// `(name, meaning)` in the files' order.
    pub columns: &'static [(&'static str, Text)],
    /// `FROM … WHERE …` with the listed table as `x`: public records only.
    pub from: &'static str,
    /// The cells as text, in the columns' order, separated by commas.
    pub cells: &'static str,
}

/// A text of the dictionary in Swedish and English.
pub struct Text {
    pub sv: &'static str,
    pub en: &'static str,
}

impl Text {
    /// The text in `language` (`en`, else Swedish).
    pub fn get(&self, language: &str) -> &'static str {
        if language == "en" { self.en } else { self.sv }
    }
}

impl Dataset {
    /// The columns and what they mean, in `language`.
    pub fn dictionary(&self, language: &str) -> Vec<OpenDataColumn> {
        self.columns
            .iter()
            .map(|(name, meaning)| OpenDataColumn {
                name: (*name).to_owned(),
                meaning: meaning.get(language).to_owned(),
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
        description: Text {
            sv: "Offentliga innovationslabb: var, inom vilken utmaning, i vilken fas och med vilka värdar.",
            en: "Public innovation labs: where, on what challenge, in which phase, hosted by whom.",
        },
        columns: &[
            (
                "id",
                Text {
                    sv: "Labbets id (UUID).",
                    en: "The lab's id (UUID).",
                },
            ),
            (
                "title",
                Text {
                    sv: "Labbets rubrik.",
                    en: "The lab's title.",
                },
            ),
            (
                "summary",
                Text {
                    sv: "En kort sammanfattning.",
                    en: "A short summary.",
                },
            ),
            (
                "challenge_area",
                Text {
                    sv: "Utmaningsområdets nyckel (se /api/v1/challenge-areas).",
                    en: "The challenge area's key (see /api/v1/challenge-areas).",
                },
            ),
            (
                "municipality_code",
                Text {
                    sv: "Kommunens fyrsiffriga kod (SCB).",
                    en: "The municipality's four-digit code (SCB).",
                },
            ),
            (
                "municipality_name",
                Text {
                    sv: "Kommunens namn.",
                    en: "The municipality's name.",
                },
            ),
            (
                "county_code",
                Text {
                    sv: "Länets tvåsiffriga kod (SCB).",
                    en: "The county's two-digit code (SCB).",
                },
            ),
            (
                "neighbourhood",
                Text {
                    sv: "Bostadsområdet, om det är angivet.",
                    en: "The neighbourhood, if named.",
                },
            ),
            (
                "phase",
                Text {
                    sv: "forming (uppstart), ideation (idégenerering), testing (test), verifying (verifiering), spreading (spridning) eller closed (avslutat).",
                    en: "forming, ideation, testing, verifying, spreading or closed.",
                },
            ),
            (
                "starts_on",
                Text {
                    sv: "Startdatum (ÅÅÅÅ-MM-DD), om det är satt.",
                    en: "The start date (YYYY-MM-DD), if set.",
                },
            ),
            (
                "ends_on",
                Text {
                    sv: "Slutdatum (ÅÅÅÅ-MM-DD), om det är satt.",
                    en: "The end date (YYYY-MM-DD), if set.",
                },
            ),
            (
                "host_organization_id",
                Text {
                    sv: "Den ledande värdorganisationens id.",
                    en: "The lead host organisation's id.",
                },
            ),
            (
                "host_organization_name",
                Text {
                    sv: "Den ledande värdorganisationens namn.",
                    en: "The lead host organisation's name.",
                },
            ),
            (
                "created_at",
                Text {
                    sv: "När labbet startades (ISO 8601, UTC).",
                    en: "When the lab was opened (ISO 8601, UTC).",
                },
            ),
            (
                "updated_at",
                Text {
                    sv: "När det senast ändrades (ISO 8601, UTC).",
                    en: "When it last changed (ISO 8601, UTC).",
                },
            ),
        ],
        from: "FROM labs x
                JOIN municipalities mu ON mu.code = x.municipality_code
                JOIN organizations o ON o.id = x.host_organization_id
               WHERE x.listed",
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
        description: Text {
            sv: "Publicerade och avvecklade metoder i metodbanken, med deras bevisnivåer enligt Nestas Standards of Evidence.",
            en: "Published and retired methods of the method bank, with their evidence levels on Nesta's Standards of Evidence.",
        },
        columns: &[
            (
                "id",
                Text {
                    sv: "Metodens id (UUID).",
                    en: "The method's id (UUID).",
                },
            ),
            (
                "title",
                Text {
                    sv: "Metodens rubrik.",
                    en: "The method's title.",
                },
            ),
            (
                "summary",
                Text {
                    sv: "En kort sammanfattning.",
                    en: "A short summary.",
                },
            ),
            (
                "challenge_areas",
                Text {
                    sv: "Utmaningsområdenas nycklar, åtskilda av |.",
                    en: "The challenge areas' keys, separated by |.",
                },
            ),
            (
                "target_groups",
                Text {
                    sv: "Dess målgrupper, åtskilda av |.",
                    en: "Its target groups, separated by |.",
                },
            ),
            (
                "organization_id",
                Text {
                    sv: "Den ägande organisationens id (kontakt).",
                    en: "The owning and contact organisation's id.",
                },
            ),
            (
                "organization_name",
                Text {
                    sv: "Den ägande organisationens namn.",
                    en: "The owning organisation's name.",
                },
            ),
            (
                "status",
                Text {
                    sv: "published (publicerad) eller retired (avvecklad).",
                    en: "published or retired.",
                },
            ),
            (
                "licence",
                Text {
                    sv: "Metodens licens (SPDX).",
                    en: "The method's licence (SPDX).",
                },
            ),
            (
                "claimed_level",
                Text {
                    sv: "Den högsta nivån (1–5) med en bevispost; tom om ingen finns.",
                    en: "The highest level (1–5) with an evidence entry; empty if none.",
                },
            ),
            (
                "data_level",
                Text {
                    sv: "Den nivå (0–5) som plattformens egna uppgifter stöder.",
                    en: "The level (0–5) the platform's own records support.",
                },
            ),
            (
                "reviewed_level",
                Text {
                    sv: "Den nivå som en oberoende granskare satt; tom om ingen.",
                    en: "The level an independent reviewer set; empty if none.",
                },
            ),
            (
                "adoptions",
                Text {
                    sv: "Hur många gånger den har tagits i bruk.",
                    en: "How many adoptions it has.",
                },
            ),
            (
                "origin_lab_ids",
                Text {
                    sv: "De offentliga labb den kommer från, åtskilda av |.",
                    en: "The public labs it came from, separated by |.",
                },
            ),
            (
                "published_at",
                Text {
                    sv: "När den publicerades (ISO 8601, UTC).",
                    en: "When it was published (ISO 8601, UTC).",
                },
            ),
            (
                "updated_at",
                Text {
                    sv: "När det senast ändrades (ISO 8601, UTC).",
                    en: "When it last changed (ISO 8601, UTC).",
                },
            ),
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
            "JOIN labs l ON l.id = ol.lab_id WHERE ol.method_id = x.id AND l.listed), ",
            iso!("x.published_at"),
            ", ",
            iso!("x.updated_at")
        ),
    },
    Dataset {
        name: "adoptions",
        description: Text {
            sv: "Användningar av metoder: vilken organisation som använder vilken metod var – så sprids metoderna.",
            en: "Adoptions of methods: which organisation uses which method where — how methods spread.",
        },
        columns: &[
            (
                "id",
                Text {
                    sv: "Användningens id (UUID).",
                    en: "The adoption's id (UUID).",
                },
            ),
            (
                "method_id",
                Text {
                    sv: "Metodens id.",
                    en: "The method's id.",
                },
            ),
            (
                "method_title",
                Text {
                    sv: "Metodens rubrik.",
                    en: "The method's title.",
                },
            ),
            (
                "organization_id",
                Text {
                    sv: "Den användande organisationens id.",
                    en: "The adopting organisation's id.",
                },
            ),
            (
                "organization_name",
                Text {
                    sv: "Den användande organisationens namn.",
                    en: "The adopting organisation's name.",
                },
            ),
            (
                "municipality_code",
                Text {
                    sv: "Kommunens fyrsiffriga kod (SCB).",
                    en: "The municipality's four-digit code (SCB).",
                },
            ),
            (
                "municipality_name",
                Text {
                    sv: "Kommunens namn.",
                    en: "The municipality's name.",
                },
            ),
            (
                "county_code",
                Text {
                    sv: "Länets tvåsiffriga kod (SCB).",
                    en: "The county's two-digit code (SCB).",
                },
            ),
            (
                "neighbourhood",
                Text {
                    sv: "Bostadsområdet, om det är angivet.",
                    en: "The neighbourhood, if named.",
                },
            ),
            (
                "status",
                Text {
                    sv: "planned (planerad), running (pågår), completed (avslutad) eller discontinued (avbruten).",
                    en: "planned, running, completed or discontinued.",
                },
            ),
            (
                "started_on",
                Text {
                    sv: "Startdatum (ÅÅÅÅ-MM-DD), om det är satt.",
                    en: "The start date (YYYY-MM-DD), if set.",
                },
            ),
            (
                "lab_id",
                Text {
                    sv: "Labbet som öppnades för att mäta resultaten, om något.",
                    en: "The lab it opened to measure its results, if any.",
                },
            ),
            (
                "created_at",
                Text {
                    sv: "När den registrerades (ISO 8601, UTC).",
                    en: "When it was recorded (ISO 8601, UTC).",
                },
            ),
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
        description: Text {
            sv: "Vad lokala aktörer erbjuder bostadsbolagen: marknadsplatsen.",
            en: "What local actors offer housing companies: the marketplace.",
        },
        columns: &[
            (
                "id",
                Text {
                    sv: "Erbjudandets id (UUID).",
                    en: "The offering's id (UUID).",
                },
            ),
            (
                "title",
                Text {
                    sv: "Erbjudandets rubrik.",
                    en: "The offering's title.",
                },
            ),
            (
                "kind",
                Text {
                    sv: "service (tjänst), method (metod), product (produkt), funding (finansiering), volunteering (volontärinsats) eller expertise (expertis).",
                    en: "service, method, product, funding, volunteering or expertise.",
                },
            ),
            (
                "organization_id",
                Text {
                    sv: "Den erbjudande organisationens id.",
                    en: "The offering organisation's id.",
                },
            ),
            (
                "organization_name",
                Text {
                    sv: "Den erbjudande organisationens namn.",
                    en: "The offering organisation's name.",
                },
            ),
            (
                "challenge_areas",
                Text {
                    sv: "Utmaningsområdenas nycklar, åtskilda av |.",
                    en: "The challenge areas' keys, separated by |.",
                },
            ),
            (
                "coverage_national",
                Text {
                    sv: "true när det erbjuds i hela landet.",
                    en: "true when offered in the whole country.",
                },
            ),
            (
                "coverage_counties",
                Text {
                    sv: "Koderna för de län där det erbjuds, åtskilda av |.",
                    en: "County codes where offered, separated by |.",
                },
            ),
            (
                "coverage_municipalities",
                Text {
                    sv: "Koderna för de kommuner där det erbjuds, åtskilda av |.",
                    en: "Municipality codes where offered, separated by |.",
                },
            ),
            (
                "tags",
                Text {
                    sv: "Dess taggar, åtskilda av |.",
                    en: "Its tags, separated by |.",
                },
            ),
            (
                "status",
                Text {
                    sv: "active (aktivt) eller paused (pausat).",
                    en: "active or paused.",
                },
            ),
            (
                "created_at",
                Text {
                    sv: "När det erbjöds (ISO 8601, UTC).",
                    en: "When it was offered (ISO 8601, UTC).",
                },
            ),
        ],
        from: "FROM offerings x JOIN organizations o ON o.id = x.organization_id WHERE x.hidden_at IS NULL",
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
        description: Text {
            sv: "Vad offentliga labb söker hos lokala aktörer.",
            en: "What public labs look for from local actors.",
        },
        columns: &[
            (
                "id",
                Text {
                    sv: "Behovets id (UUID).",
                    en: "The need's id (UUID).",
                },
            ),
            (
                "lab_id",
                Text {
                    sv: "Labbets id.",
                    en: "The lab's id.",
                },
            ),
            (
                "lab_title",
                Text {
                    sv: "Labbets rubrik.",
                    en: "The lab's title.",
                },
            ),
            (
                "organization_id",
                Text {
                    sv: "Organisationen som har behovet.",
                    en: "The organisation that has the need.",
                },
            ),
            (
                "organization_name",
                Text {
                    sv: "Dess namn.",
                    en: "Its name.",
                },
            ),
            (
                "title",
                Text {
                    sv: "Behovets rubrik.",
                    en: "The need's title.",
                },
            ),
            (
                "challenge_area",
                Text {
                    sv: "Utmaningsområdets nyckel.",
                    en: "The challenge area's key.",
                },
            ),
            (
                "municipality_code",
                Text {
                    sv: "Kommunens fyrsiffriga kod (SCB).",
                    en: "The municipality's four-digit code (SCB).",
                },
            ),
            (
                "county_code",
                Text {
                    sv: "Länets tvåsiffriga kod (SCB).",
                    en: "The county's two-digit code (SCB).",
                },
            ),
            (
                "tags",
                Text {
                    sv: "Dess taggar, åtskilda av |.",
                    en: "Its tags, separated by |.",
                },
            ),
            (
                "status",
                Text {
                    sv: "open (öppet), filled (tillgodosett) eller withdrawn (tillbakadraget).",
                    en: "open, filled or withdrawn.",
                },
            ),
            (
                "created_at",
                Text {
                    sv: "När den publicerades (ISO 8601, UTC).",
                    en: "When it was published (ISO 8601, UTC).",
                },
            ),
        ],
        from: "FROM needs x
                JOIN labs l ON l.id = x.lab_id
                JOIN organizations o ON o.id = x.organization_id
                JOIN municipalities mu ON mu.code = x.municipality_code
               WHERE l.listed AND x.hidden_at IS NULL",
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
pub fn csv_chunk<M>(
    columns: &[(&str, M)],
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
pub fn json_chunk<M>(columns: &[(&str, M)], rows: &[Vec<Option<String>>], first: bool) -> Vec<u8> {
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

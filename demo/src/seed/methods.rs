//! The method bank as the demo shows it: a method from each of the four labs of 2018, with
//! honest evidence (their own indicators linked; what the data supports is derived, not
//! claimed), and adoptions by invented housing companies in other counties — Portalen's in
//! five, two of them with a lab of their own whose measurements show change, so that its
//! data level is 4.

use anyhow::Context;
use diesel_async::{AsyncConnection, AsyncPgConnection};
use shared::{AdoptionStatus, Link, MethodStatus, Resource, ResourceKind, Transfer};
use uuid::Uuid;

use super::labs::{date, organization, person};
use api::authz::Viewer;
use api::db;
use api::db::adoptions::AdoptionFields;
use api::db::methods::{EvidenceFields, MethodFields, MethodLinks};

/// A method drawn from a demo lab.
struct DemoMethod {
    /// The lab it came from (by title) and its host (by organisation number).
    lab: &'static str,
    host: &'static str,
    coordinator: &'static str,
    title: &'static str,
    summary: &'static str,
    problem: &'static str,
    approach: &'static str,
    results: &'static str,
    transfer: [&'static str; 4],
    target_groups: &'static [&'static str],
    manual: Option<(&'static str, &'static str)>,
    evidence: &'static [DemoEvidence],
    adoptions: &'static [DemoAdoption],
}

struct DemoEvidence {
    level: i32,
    summary: &'static str,
    source: (&'static str, &'static str),
}

/// An adoption; with `measured`, it opens a lab and records that value on the first copied
/// indicator.
struct DemoAdoption {
    adopter: &'static str,
    coordinator: &'static str,
    municipality_code: &'static str,
    neighbourhood: &'static str,
    started_on: &'static str,
    status: AdoptionStatus,
    adaptations: &'static str,
    outcome: &'static str,
    lab: bool,
    measured: Option<f64>,
}

const KALMAR: (&str, &str) = ("556900-0051", "eva.strand@kustbo.example");
const VASTERAS: (&str, &str) = ("556900-0069", "johan.berg@malarbo.example");
const UMEA: (&str, &str) = ("556900-0077", "linnea.sjoberg@norrhem.example");
const VAXJO: (&str, &str) = ("556900-0085", "amir.haddad@smalandshem.example");
const GAVLE: (&str, &str) = ("556900-0093", "karl.nystrom@gavlebo.example");

const fn adoption(
    (adopter, coordinator): (&'static str, &'static str),
    municipality_code: &'static str,
    neighbourhood: &'static str,
    started_on: &'static str,
    status: AdoptionStatus,
) -> DemoAdoption {
    DemoAdoption {
        adopter,
        coordinator,
        municipality_code,
        neighbourhood,
        started_on,
        status,
        adaptations: "",
        outcome: "",
        lab: false,
        measured: None,
    }
}

const METHODS: [DemoMethod; 4] = [
    DemoMethod {
        lab: "Portalen",
        host: "556900-0010",
        coordinator: "maria.lind@hyresbostader.example",
        title: "Portalen – en mötesplats för självförsörjning",
        summary: "En mötesplats i bostadsområdet där kvinnor som länge stått utanför arbetsmarknaden får stöd mot arbete, praktik, studier eller eget företag.",
        problem: "Många kvinnor i miljonprogramsområden har länge stått utanför arbetsmarknaden och nås inte av Arbetsförmedlingens ordinarie insatser: de saknar nätverk, barnomsorg under aktiviteterna och förebilder.",
        approach: "## Så fungerar det\n\n- En mötesplats i en lokal i området, öppen fyra dagar i veckan\n- Individuell coachning och gruppträffar varje vecka\n- Studiebesök och praktik hos arbetsgivare i kommunen\n- Barnpassning under träffarna\n- Deltagare som fått arbete blir mentorer för nya",
        results: "Av 22 deltagande kvinnor har 15 fått arbete eller praktik, börjat studera eller startat eget företag (2018–2020). Framtidstron steg från 31 % till 64 %. Ingen jämförelsegrupp mättes.",
        transfer: [
            "En samordnare på heltid och en coach på halvtid.",
            "Tre månader att starta; minst två år att driva.",
            "1,2–1,6 miljoner kronor per år.",
            "En lokal i området, ett avtal med Arbetsförmedlingen och kommunens vuxenutbildning.",
        ],
        target_groups: &["kvinnor", "långtidsarbetslösa", "nyanlända"],
        manual: Some((
            "Handbok: Så startar ni en Portalen",
            "https://www.example.se/portalen/handbok.pdf",
        )),
        evidence: &[
            DemoEvidence {
                level: 1,
                summary: "Arbetssättet och varför det bör fungera (nätverk, förebilder, barnpassning) är beskrivet i labbets slutrapport.",
                source: (
                    "Slutrapport Portalen 2020",
                    "https://www.example.se/portalen/slutrapport.pdf",
                ),
            },
            DemoEvidence {
                level: 2,
                summary: "15 av 22 deltagare i arbete, praktik, studier eller eget företag efter 18 månader, mot 0 vid start. Ingen jämförelsegrupp: förändringen kan ha fler orsaker.",
                source: (
                    "Linköpings universitets utvärdering",
                    "https://www.example.se/portalen/utvardering.pdf",
                ),
            },
        ],
        adoptions: &[
            DemoAdoption {
                adaptations: "Träffarna hålls även på arabiska och somaliska.",
                outcome: "Fem av tolv deltagare i arbete eller studier efter ett år.",
                lab: true,
                measured: Some(5.0),
                ..adoption(
                    KALMAR,
                    "0880",
                    "Norrliden",
                    "2025-02-03",
                    AdoptionStatus::Running,
                )
            },
            DemoAdoption {
                adaptations: "Samarbete med en folkhögskola om studiemotiverande kurser.",
                lab: true,
                measured: Some(3.0),
                ..adoption(
                    VASTERAS,
                    "1980",
                    "Bäckby",
                    "2025-05-12",
                    AdoptionStatus::Running,
                )
            },
            DemoAdoption {
                outcome: "Tolv kvinnor deltog; fyra fick arbete.",
                ..adoption(
                    UMEA,
                    "2480",
                    "Ålidhem",
                    "2024-09-01",
                    AdoptionStatus::Completed,
                )
            },
            adoption(
                VAXJO,
                "0780",
                "Araby",
                "2026-01-12",
                AdoptionStatus::Planned,
            ),
            DemoAdoption {
                adaptations: "Mötesplatsen delar lokal med hyresgästföreningen.",
                ..adoption(
                    GAVLE,
                    "2180",
                    "Sätra",
                    "2025-10-06",
                    AdoptionStatus::Running,
                )
            },
        ],
    },
    DemoMethod {
        lab: "Vägen till arbete i Boden",
        host: "556900-0028",
        coordinator: "per.nord@svenskakyrkan-boden.example",
        title: "Språkpraktik på arbetsplatser",
        summary: "Nyanlända lär sig svenska på en arbetsplats med en handledare, i stället för enbart i klassrummet.",
        problem: "Nyanlända i Boden väntar länge på arbete: svenskan lärs i klassrum utan kontakt med arbetslivet.",
        approach: "Deltagarna gör praktik två dagar i veckan hos lokala arbetsgivare med en språkhandledare, och läser svenska de andra dagarna.",
        results: "Nio av åtta planerade deltagare i arbete eller studier efter ett år.",
        transfer: [
            "En språkhandledare per tio deltagare.",
            "Ett år per grupp.",
            "400 000–600 000 kronor per grupp.",
            "Arbetsgivare som tar emot praktikanter.",
        ],
        target_groups: &["nyanlända"],
        manual: None,
        evidence: &[DemoEvidence {
            level: 2,
            summary: "Nio deltagare i arbete eller studier efter ett år, mot noll vid start.",
            source: (
                "Uppföljning 2020",
                "https://www.example.se/boden/uppfoljning.pdf",
            ),
        }],
        adoptions: &[adoption(
            UMEA,
            "2480",
            "Ersboda",
            "2026-03-02",
            AdoptionStatus::Planned,
        )],
    },
    DemoMethod {
        lab: "Vårt Rannebergen",
        host: "556900-0036",
        coordinator: "samira.khan@rannebergen.example",
        title: "Trygghetsvandringar med boende",
        summary: "Boende, bostadsbolag och polis går området tillsammans och åtgärdar det som gör det otryggt.",
        problem: "Boende i Rannebergen kände sig otrygga på kvällen, särskilt vid gångtunneln och parkeringen.",
        approach: "Varje kvartal går boende, bostadsbolaget, kommunen och polisen en trygghetsvandring; det som upptäcks åtgärdas inom en månad och redovisas vid nästa vandring.",
        results: "Andelen som känner sig trygga på kvällen steg från 54 % till 68 %.",
        transfer: [
            "En samordnare några timmar i månaden.",
            "En kväll per kvartal.",
            "Främst åtgärdernas kostnad, t.ex. belysning.",
            "Polis och kommun som deltar.",
        ],
        target_groups: &["boende", "unga"],
        manual: None,
        evidence: &[DemoEvidence {
            level: 2,
            summary: "Trygghetsmätningen visar 68 % trygga 2020 mot 54 % 2018.",
            source: (
                "Trygghetsmätning 2020",
                "https://www.example.se/rannebergen/trygghet.pdf",
            ),
        }],
        adoptions: &[DemoAdoption {
            lab: true,
            ..adoption(
                VAXJO,
                "0780",
                "Dalbo",
                "2025-08-18",
                AdoptionStatus::Running,
            )
        }],
    },
    DemoMethod {
        lab: "Lina Hage",
        host: "556900-0044",
        coordinator: "maja.strand@sodertalje.example",
        title: "Läxhjälp och mentorer för unga",
        summary: "Unga får läxhjälp och mentorer från området i fritidsgårdens lokaler.",
        problem: "Unga i Lina Hage når inte godkända betyg i samma utsträckning som i resten av kommunen.",
        approach: "Läxhjälp tre kvällar i veckan med mentorer (äldre elever och boende) i fritidsgården, i samarbete med skolan.",
        results: "Andelen unga 11–15 år som deltar i aktiviteter steg från 50 % till 90 %.",
        transfer: [
            "En fritidsledare och frivilliga mentorer.",
            "Ett läsår att etablera.",
            "200 000–300 000 kronor per år.",
            "En lokal och en skola som samarbetar.",
        ],
        target_groups: &["unga"],
        manual: None,
        evidence: &[DemoEvidence {
            level: 1,
            summary: "Arbetssättet är beskrivet; deltagandet har ökat, men betygen är ännu inte följda.",
            source: (
                "Verksamhetsberättelse",
                "https://www.example.se/linahage/berattelse.pdf",
            ),
        }],
        adoptions: &[adoption(
            GAVLE,
            "2180",
            "Andersberg",
            "2026-08-17",
            AdoptionStatus::Planned,
        )],
    },
];

/// Loads the methods that are not there yet, each with its evidence and adoptions.
pub async fn seed(conn: &mut AsyncPgConnection) -> anyhow::Result<()> {
    for method in &METHODS {
        conn.transaction::<_, anyhow::Error, _>(async |conn| seed_method(conn, method).await)
            .await
            .with_context(|| format!("could not load the demo method {}", method.title))?;
    }
    Ok(())
}

async fn seed_method(conn: &mut AsyncPgConnection, demo: &DemoMethod) -> anyhow::Result<()> {
    let host = organization(conn, demo.host).await?;
    if db::methods::exists_with_title(conn, host, demo.title).await? {
        return Ok(());
    }
    let lab = db::labs::id_by_title(conn, host, demo.lab)
        .await?
        .with_context(|| format!("no demo lab {}", demo.lab))?;
    let indicators: Vec<Uuid> = db::labs::indicators(conn, lab, None)
        .await?
        .into_iter()
        .map(|indicator| indicator.id)
        .collect();
    let coordinator = person(conn, demo.coordinator).await?;
    let [staff, time, cost_range, prerequisites] = demo.transfer.map(str::to_owned);
    let transfer = Transfer {
        staff,
        time,
        cost_range,
        prerequisites,
    };
    let resources: Vec<Resource> = demo
        .manual
        .map(|(title, url)| Resource {
            title: title.to_owned(),
            url: url.to_owned(),
            kind: ResourceKind::Manual,
        })
        .into_iter()
        .collect();
    let target_groups: Vec<String> = demo.target_groups.iter().map(|g| (*g).to_owned()).collect();
    let fields = MethodFields {
        title: demo.title,
        summary: demo.summary,
        problem: demo.problem,
        approach: demo.approach,
        results: demo.results,
        transfer: &transfer,
        target_groups: &target_groups,
        challenge_areas: &[db::labs::challenge_area_of(conn, lab).await?],
        resources: &resources,
        licence: "CC-BY-4.0",
    };
    let links = MethodLinks {
        labs: &[lab],
        ideas: &[],
        indicators: &indicators,
    };
    let id = db::methods::insert(conn, host, &fields, &links, coordinator.user_id()).await?;
    for entry in demo.evidence {
        let (title, url) = entry.source;
        let sources = [Link {
            title: title.to_owned(),
            url: url.to_owned(),
        }];
        let evidence = EvidenceFields {
            level: entry.level,
            summary: entry.summary,
            sources: &sources,
            indicator_ids: if entry.level >= 2 { &indicators } else { &[] },
            comparison_group: false,
        };
        db::methods::insert_evidence(conn, id, &evidence, coordinator.user_id()).await?;
    }
    db::methods::set_status(conn, id, MethodStatus::Published, None).await?;
    let viewer = Viewer::load(conn, coordinator).await?;
    let method = db::methods::find(conn, &viewer, id, "sv")
        .await?
        .context("the demo method vanished")?;
    for demo_adoption in demo.adoptions {
        seed_adoption(conn, &method, demo_adoption).await?;
    }
    Ok(())
}

async fn seed_adoption(
    conn: &mut AsyncPgConnection,
    method: &shared::Method,
    demo: &DemoAdoption,
) -> anyhow::Result<()> {
    let adopter = organization(conn, demo.adopter).await?;
    let coordinator = person(conn, demo.coordinator).await?;
    let fields = AdoptionFields {
        neighbourhood: demo.neighbourhood,
        started_on: Some(date(demo.started_on)?),
        status: demo.status,
        adaptations: demo.adaptations,
        outcome: demo.outcome,
    };
    let lab = if demo.lab {
        let lab = db::adoptions::open_lab(
            conn,
            &coordinator,
            method,
            adopter,
            demo.municipality_code,
            &fields,
        )
        .await?;
        if let (Some(value), Some(first)) = (
            demo.measured,
            db::labs::indicators(conn, lab, None).await?.first(),
        ) {
            db::labs::insert_measurement(conn, first.id, date("2026-06-30")?, value, "Uppföljning")
                .await?;
        }
        Some(lab)
    } else {
        None
    };
    db::adoptions::insert(
        conn,
        method.id,
        adopter,
        demo.municipality_code,
        &fields,
        lab,
        coordinator.user_id(),
    )
    .await?;
    Ok(())
}

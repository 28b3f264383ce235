//! The marketplace of the demo: invented local actors (associations, social enterprises,
//! businesses, schools, researchers) with their offerings in the four demo municipalities
//! and nationally, and a few matches with the demo labs' needs, in different states and
//! with their threads.

use super::ensure_user;
use anyhow::Context;
use api::db;
use api::db::matches::NewMatch;
use api::db::offerings::OfferingFields;
use api::db::organizations::{OrganizationFields, WriteError};
use diesel_async::{AsyncConnection, AsyncPgConnection};
use shared::{Coverage, MatchSide, MatchState, OfferingKind, OfferingStatus, OrganizationKind};

struct DemoActor {
    name: &'static str,
    kind: OrganizationKind,
    org_number: &'static str,
    municipality_code: &'static str,
    person: (&'static str, &'static str),
    /// (title, description, kind, challenge area, coverage, tags); coverage is `n`
    /// (national), `c:05` (a county) or `m:0581` (a municipality).
    offerings: &'static [DemoOffering],
}

type DemoOffering = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
);

const ACTORS: &[DemoActor] = &[
    DemoActor {
        name: "Kvinnokraft Norrköping",
        kind: OrganizationKind::CivilSociety,
        org_number: "802401-0202",
        municipality_code: "0581",
        person: ("leila.ahmadi@kvinnokraft.example", "Leila Ahmadi"),
        offerings: &[
            (
                "Jobbcoachning för kvinnor",
                "Individuell coachning och gruppträffar för kvinnor som länge stått utanför arbetsmarknaden, med stöd fram till anställning.",
                "service",
                "unemployment",
                "m:0581",
                &["jobbcoachning", "kvinnor"],
            ),
            (
                "Barnpassning under utbildning",
                "Förskolepedagoger tar hand om barnen medan föräldrarna studerar eller praktiserar.",
                "service",
                "unemployment",
                "m:0581",
                &["barnpassning", "föräldrar"],
            ),
            (
                "CV- och intervjuträning",
                "Workshops där arbetssökande skriver CV och övar på anställningsintervjuer.",
                "service",
                "unemployment",
                "c:05",
                &["cv", "intervju"],
            ),
        ],
    },
    DemoActor {
        name: "Navestads läxhjälp",
        kind: OrganizationKind::CivilSociety,
        org_number: "802401-0210",
        municipality_code: "0581",
        person: ("jonas.ek@navestadslaxhjalp.example", "Jonas Ek"),
        offerings: &[
            (
                "Läxhjälp med studenter",
                "Studenter ger läxhjälp i matematik, svenska och engelska två kvällar i veckan.",
                "volunteering",
                "schools",
                "m:0581",
                &["läxhjälp", "studenter"],
            ),
            (
                "Lovskola i matematik",
                "Intensiv lovskola under sommar- och höstlov för elever som behöver komma ikapp.",
                "volunteering",
                "schools",
                "m:0581",
                &["lovskola", "matematik"],
            ),
        ],
    },
    DemoActor {
        name: "Jobbverkstan Öst",
        kind: OrganizationKind::Business,
        org_number: "802401-0228",
        municipality_code: "0581",
        person: ("petra.sand@jobbverkstan.example", "Petra Sand"),
        offerings: &[
            (
                "Yrkesutbildning inom vård och omsorg",
                "Korta yrkesutbildningar till undersköterska och vårdbiträde med praktik.",
                "service",
                "unemployment",
                "c:05",
                &["yrkesutbildning", "vård"],
            ),
            (
                "Praktikplatser hos lokala företag",
                "Nätverk av företag som tar emot praktikanter och erbjuder mentorskap.",
                "service",
                "unemployment",
                "c:05",
                &["praktik", "företag"],
            ),
            (
                "Digital kompetens för arbetssökande",
                "Kurser i dator, e-post och jobbsajter för den som söker arbete.",
                "service",
                "unemployment",
                "m:0581",
                &["digital", "datorkurs"],
            ),
        ],
    },
    DemoActor {
        name: "Östgöta Trygghet",
        kind: OrganizationKind::Business,
        org_number: "802401-0236",
        municipality_code: "0581",
        person: ("ali.nouri@ostgotatrygghet.example", "Ali Nouri"),
        offerings: &[
            (
                "Trygghetsvärdar",
                "Trygghetsvärdar rör sig i området dagtid och kvällstid och lär känna boende.",
                "method",
                "crime_prevention",
                "c:05",
                &["trygghetsvärdar", "närvaro"],
            ),
            (
                "Trygghetsvandringar",
                "Vi leder trygghetsvandringar och föreslår åtgärder som belysning och röjning.",
                "method",
                "crime_prevention",
                "m:0581",
                &["trygghetsvandring", "belysning"],
            ),
        ],
    },
    DemoActor {
        name: "Nordkraft Integration",
        kind: OrganizationKind::CivilSociety,
        org_number: "802401-0244",
        municipality_code: "2582",
        person: ("sofia.lind@nordkraft.example", "Sofia Lind"),
        offerings: &[
            (
                "Språkpraktik på arbetsplatser",
                "Vi matchar nyanlända med arbetsplatser för språkpraktik där svenskan övas i arbetet.",
                "service",
                "unemployment",
                "m:2582",
                &["språkpraktik", "nyanlända"],
            ),
            (
                "Körkortsteori på lätt svenska",
                "Teorikurs för körkort på lätt svenska, eftersom många jobb kräver körkort.",
                "service",
                "unemployment",
                "c:25",
                &["körkort", "lätt svenska"],
            ),
            (
                "Samhällsinformation på flera språk",
                "Information om myndigheter, vård och rättigheter på arabiska, somaliska och tigrinja.",
                "service",
                "community_services",
                "c:25",
                &["samhällsinformation", "flerspråkig"],
            ),
        ],
    },
    DemoActor {
        name: "Bodens idrottsallians",
        kind: OrganizationKind::CivilSociety,
        org_number: "802401-0251",
        municipality_code: "2582",
        person: ("mats.berg@bodensidrott.example", "Mats Berg"),
        offerings: &[
            (
                "Idrott och läxläsning",
                "Idrottsförening som kombinerar träning med läxläsning för unga.",
                "volunteering",
                "schools",
                "m:2582",
                &["idrott", "läxläsning"],
            ),
            (
                "Midnattsfotboll",
                "Fotboll sena kvällar med ledare som är förebilder.",
                "method",
                "crime_prevention",
                "m:2582",
                &["fotboll", "idrott"],
            ),
        ],
    },
    DemoActor {
        name: "Norrbottens budgetrådgivare",
        kind: OrganizationKind::Business,
        org_number: "802401-0269",
        municipality_code: "2582",
        person: ("eva.holm@budgetnorr.example", "Eva Holm"),
        offerings: &[
            (
                "Budget- och skuldrådgivning",
                "Rådgivning om hushållsbudget, skulder och hyresbetalning.",
                "service",
                "community_services",
                "c:25",
                &["budget", "skulder"],
            ),
            (
                "Energirådgivning för hushåll",
                "Rådgivning om att spara el och värme i lägenheten.",
                "service",
                "community_services",
                "c:25",
                &["energi", "hushåll"],
            ),
        ],
    },
    DemoActor {
        name: "Angereds ungdomsforum",
        kind: OrganizationKind::CivilSociety,
        org_number: "802401-0277",
        municipality_code: "1480",
        person: ("yusuf.omar@angeredsungdom.example", "Yusuf Omar"),
        offerings: &[
            (
                "Fritidsgård kvällstid",
                "Fritidsledare håller öppet kvällstid med aktiviteter för unga.",
                "method",
                "crime_prevention",
                "m:1480",
                &["fritidsgård", "unga"],
            ),
            (
                "Nattvandring med vuxna",
                "Vuxna nattvandrar fredag och lördag kväll och skapar trygghet för unga.",
                "method",
                "crime_prevention",
                "m:1480",
                &["nattvandring", "trygghet"],
            ),
            (
                "Stöd till unga i riskzon",
                "Socialarbetare och mentorer stöttar unga som riskerar att dras in i kriminalitet.",
                "method",
                "crime_prevention",
                "m:1480",
                &["unga i riskzon", "kriminalitet"],
            ),
        ],
    },
    DemoActor {
        name: "Framtidsskolan Väst",
        kind: OrganizationKind::School,
        org_number: "802401-0285",
        municipality_code: "1480",
        person: ("anna.strom@framtidsskolan.example", "Anna Ström"),
        offerings: &[
            (
                "Studiemotivation och framtidsval",
                "Workshops om gymnasieval, utbildningar och yrken för högstadieelever.",
                "volunteering",
                "schools",
                "c:14",
                &["studiemotivation", "gymnasieval"],
            ),
            (
                "Kodklubb och programmering för barn",
                "Gratis kodklubb där barn lär sig programmera och bygga spel.",
                "volunteering",
                "schools",
                "m:1480",
                &["programmering", "teknik"],
            ),
            (
                "Svenska som andraspråk för barn",
                "Extra stöd i svenska för barn som nyligen kommit till Sverige.",
                "volunteering",
                "schools",
                "m:1480",
                &["svenska", "nyanlända barn"],
            ),
        ],
    },
    DemoActor {
        name: "Göteborgs stadsodlare",
        kind: OrganizationKind::CivilSociety,
        org_number: "802401-0293",
        municipality_code: "1480",
        person: ("nils.gren@stadsodlare.example", "Nils Gren"),
        offerings: &[
            (
                "Stadsodling och gemensamma trädgårdar",
                "Vi bygger odlingslådor och håller odlingskurser för boende.",
                "service",
                "community_services",
                "m:1480",
                &["odling", "trädgård"],
            ),
            (
                "Öppen mötesplats för boende",
                "Vi driver öppna mötesplatser med fika, aktiviteter och information.",
                "service",
                "community_services",
                "m:1480",
                &["mötesplats", "gemenskap"],
            ),
        ],
    },
    DemoActor {
        name: "Hovsjö förebilder",
        kind: OrganizationKind::CivilSociety,
        org_number: "802401-0301",
        municipality_code: "0181",
        person: ("hamid.karimi@hovsjoforebilder.example", "Hamid Karimi"),
        offerings: &[
            (
                "Mentorer för unga",
                "Vuxna mentorer träffar unga varje vecka och stöttar dem i skolan och framtidsplaner.",
                "volunteering",
                "schools",
                "m:0181",
                &["mentorer", "unga"],
            ),
            (
                "Föräldrastöd för tonårsföräldrar",
                "Kurser för föräldrar till tonåringar om gränser och kommunikation.",
                "method",
                "crime_prevention",
                "m:0181",
                &["föräldrastöd", "tonåringar"],
            ),
        ],
    },
    DemoActor {
        name: "Telgeakademin",
        kind: OrganizationKind::School,
        org_number: "802401-0319",
        municipality_code: "0181",
        person: ("lisa.falk@telgeakademin.example", "Lisa Falk"),
        offerings: &[
            (
                "Stöd mot skolfrånvaro",
                "Coacher som stöttar elever med hög frånvaro och deras familjer.",
                "volunteering",
                "schools",
                "m:0181",
                &["frånvaro", "elevstöd"],
            ),
            (
                "Föräldrasamverkan med skolan",
                "Vi stärker föräldrars kontakt med skolan med tolkade föräldramöten.",
                "volunteering",
                "schools",
                "c:01",
                &["föräldrar", "skola"],
            ),
        ],
    },
    DemoActor {
        name: "Södertälje sociala företag",
        kind: OrganizationKind::Business,
        org_number: "802401-0327",
        municipality_code: "0181",
        person: ("karl.wik@sodertaljesocial.example", "Karl Wik"),
        offerings: &[
            (
                "Arbetsträning i socialt företag",
                "Socialt företag som erbjuder arbetsträning och anställning inom café och fastighetsskötsel.",
                "service",
                "unemployment",
                "m:0181",
                &["arbetsträning", "socialt företag"],
            ),
            (
                "Starta eget-rådgivning",
                "Rådgivning och kurser för den som vill starta företag: affärsplan, bokföring och tillstånd.",
                "service",
                "unemployment",
                "c:01",
                &["företagande", "starta eget"],
            ),
        ],
    },
    DemoActor {
        name: "Läsrörelsen Sverige",
        kind: OrganizationKind::CivilSociety,
        org_number: "802401-0335",
        municipality_code: "0180",
        person: ("maria.blom@lasrorelsen.example", "Maria Blom"),
        offerings: &[
            (
                "Läsfrämjande i bostadsområden",
                "Bibliotekarier och volontärer läser med barn och delar ut böcker i området.",
                "volunteering",
                "schools",
                "n",
                &["läsning", "bibliotek"],
            ),
            (
                "Kulturaktiviteter för familjer",
                "Teater, musik och konst för hela familjen i bostadsområdet.",
                "service",
                "community_services",
                "n",
                &["kultur", "familj"],
            ),
        ],
    },
    DemoActor {
        name: "Centrum för våldsprevention",
        kind: OrganizationKind::Research,
        org_number: "802401-0343",
        municipality_code: "0380",
        person: ("henrik.aberg@vaaldsprevention.example", "Henrik Åberg"),
        offerings: &[
            (
                "Våldsprevention i skolan",
                "Program mot våld där unga tränar på att ingripa och säga ifrån.",
                "method",
                "crime_prevention",
                "n",
                &["våldsprevention", "skola"],
            ),
            (
                "Avhopparverksamhet",
                "Stöd för den som vill lämna kriminalitet: boende, jobb och samtal.",
                "method",
                "crime_prevention",
                "n",
                &["avhoppare", "kriminalitet"],
            ),
        ],
    },
    DemoActor {
        name: "Digidel Sverige",
        kind: OrganizationKind::CivilSociety,
        org_number: "802401-0350",
        municipality_code: "0180",
        person: ("ida.norr@digidel.example", "Ida Norr"),
        offerings: &[
            (
                "Digital hjälp för äldre",
                "Volontärer hjälper äldre med BankID, e-tjänster och mobiltelefonen.",
                "service",
                "community_services",
                "n",
                &["digital", "äldre"],
            ),
            (
                "Digital kompetens för arbetssökande",
                "Kurser i dator, e-post och jobbsajter för den som söker arbete.",
                "service",
                "unemployment",
                "n",
                &["digital", "datorkurs"],
            ),
        ],
    },
    DemoActor {
        name: "Föreningsakademin",
        kind: OrganizationKind::CivilSociety,
        org_number: "802401-0368",
        municipality_code: "1880",
        person: ("tove.lund@foreningsakademin.example", "Tove Lund"),
        offerings: &[
            (
                "Föreningsstöd och ledarutbildning",
                "Vi utbildar boende att starta och leda föreningar.",
                "service",
                "community_services",
                "n",
                &["förening", "ledarskap"],
            ),
            (
                "Boendedialog och inflytande",
                "Vi leder dialoger där hyresgäster påverkar upprustning och utemiljö.",
                "service",
                "community_services",
                "n",
                &["inflytande", "dialog"],
            ),
        ],
    },
    DemoActor {
        name: "Grannsamverkan Sverige",
        kind: OrganizationKind::CivilSociety,
        org_number: "802401-0376",
        municipality_code: "0180",
        person: ("olof.rask@grannsamverkan.example", "Olof Rask"),
        offerings: &[(
            "Grannsamverkan",
            "Vi startar grannsamverkan mot inbrott och skadegörelse.",
            "method",
            "crime_prevention",
            "n",
            &["grannsamverkan", "inbrott"],
        )],
    },
    DemoActor {
        name: "Hälsokraft",
        kind: OrganizationKind::Business,
        org_number: "802401-0384",
        municipality_code: "1280",
        person: ("amal.said@halsokraft.example", "Amal Said"),
        offerings: &[
            (
                "Hälsoinformatörer",
                "Hälsoinformatörer ger råd om vård, kost och motion på flera språk.",
                "service",
                "community_services",
                "n",
                &["hälsa", "vård"],
            ),
            (
                "Starta eget-rådgivning",
                "Rådgivning och kurser för den som vill starta företag: affärsplan, bokföring och tillstånd.",
                "service",
                "unemployment",
                "n",
                &["företagande", "starta eget"],
            ),
        ],
    },
];

/// (need title, offering title, who asked, state, the thread as (side, text), reason or outcome)
type DemoMatch = (
    &'static str,
    &'static str,
    MatchSide,
    MatchState,
    &'static [(MatchSide, &'static str)],
    Option<&'static str>,
);

const MATCHES: &[DemoMatch] = &[
    (
        "Jobbcoachning för kvinnor som länge stått utanför arbetsmarknaden",
        "Jobbcoachning för kvinnor",
        MatchSide::Need,
        MatchState::Active,
        &[
            (
                MatchSide::Need,
                "Hej! Vi har 22 kvinnor i Portalen som vill ha coachning. Kan ni ta emot en grupp i höst?",
            ),
            (
                MatchSide::Offering,
                "Absolut. Vi kan börja med gruppträffar på tisdagar och individuella samtal på torsdagar.",
            ),
            (
                MatchSide::Need,
                "Perfekt, lokalen i Navestad är bokad. Välkomna!",
            ),
        ],
        None,
    ),
    (
        "Läxhjälp och mentorer för unga",
        "Mentorer för unga",
        MatchSide::Need,
        MatchState::Requested,
        &[(
            MatchSide::Need,
            "Vi söker mentorer till unga i Hovsjö. Har ni möjlighet att vara med?",
        )],
        None,
    ),
    (
        "Fritidsledare för kvällsaktiviteter",
        "Fritidsgård kvällstid",
        MatchSide::Offering,
        MatchState::Completed,
        &[
            (
                MatchSide::Offering,
                "Vi har fritidsledare som kan hålla öppet fredagskvällar i Rannebergen.",
            ),
            (MatchSide::Need, "Tack! Vi kör en termin och utvärderar."),
        ],
        Some("Över 100 aktiviteter för unga under 2019; fredagsöppet fortsätter."),
    ),
    (
        "Språkpraktik på arbetsplatser",
        "Språkpraktik på arbetsplatser",
        MatchSide::Need,
        MatchState::Declined,
        &[(
            MatchSide::Need,
            "Kan ni ordna språkpraktik för tio deltagare?",
        )],
        Some("Vi har redan full grupp i höst. Hör gärna av er igen i vår."),
    ),
];

fn coverage(code: &str) -> Coverage {
    match code.split_once(':') {
        Some(("m", municipality)) => Coverage {
            municipalities: vec![municipality.to_owned()],
            ..Coverage::default()
        },
        Some((_, county)) => Coverage {
            counties: vec![county.to_owned()],
            ..Coverage::default()
        },
        None => Coverage {
            national: true,
            ..Coverage::default()
        },
    }
}

/// Loads the actors, their offerings and the matches, once.
pub async fn seed(conn: &mut AsyncPgConnection, hash: &str) -> anyhow::Result<Vec<String>> {
    let mut accounts = Vec::new();
    for actor in ACTORS {
        let owner = ensure_user(conn, actor.person.0, actor.person.1, hash).await?;
        accounts.push(format!("{:<42} owner of {}", actor.person.0, actor.name));
        let fields = OrganizationFields {
            name: actor.name,
            kind: actor.kind,
            municipality_code: actor.municipality_code,
            description: "",
            website: None,
        };
        let organization =
            match db::organizations::insert(conn, &fields, actor.org_number, owner).await {
                Ok(organization) => organization.id,
                Err(WriteError::OrgNumberTaken) => continue,
                Err(WriteError::Query(error)) => {
                    return Err(error).context("could not create a demo actor");
                }
            };
        db::organizations::verify(conn, organization).await?;
        for &(title, description, kind, area, code, tags) in actor.offerings {
            let areas = vec![area.to_owned()];
            let tags: Vec<String> = tags.iter().map(|t| (*t).to_owned()).collect();
            let fields = OfferingFields {
                title,
                description,
                kind: OfferingKind::parse(kind).unwrap_or(OfferingKind::Service),
                challenge_areas: &areas,
                coverage: &coverage(code),
                tags: &tags,
                status: OfferingStatus::Active,
            };
            db::offerings::insert(conn, organization, &fields, Some(owner)).await?;
        }
    }
    for demo in MATCHES {
        conn.transaction::<_, anyhow::Error, _>(async |conn| seed_match(conn, demo).await)
            .await
            .with_context(|| format!("could not load the demo match about {}", demo.0))?;
    }
    Ok(accounts)
}

async fn seed_match(conn: &mut AsyncPgConnection, demo: &DemoMatch) -> anyhow::Result<()> {
    let &(need_title, offering_title, requested_by, state, thread, note) = demo;
    let (Some((need, need_org)), Some((offering, offering_org))) = (
        db::needs::id_by_title(conn, need_title).await?,
        db::offerings::id_by_title(conn, offering_title).await?,
    ) else {
        return Ok(());
    };
    let new = NewMatch {
        need_id: need,
        offering_id: offering,
        need_organization_id: need_org,
        offering_organization_id: offering_org,
        requested_by,
        message: thread.first().map_or("", |(_, text)| *text),
        created_by: None,
    };
    // Already there (the pair has a live match): nothing to do.
    let Some(id) = db::matches::insert(conn, &new).await? else {
        return Ok(());
    };
    let (reason, outcome) = match state {
        MatchState::Declined | MatchState::Withdrawn => (note, None),
        _ => (None, note),
    };
    db::matches::set_state(conn, id, state, reason, outcome).await?;
    for &(side, text) in thread {
        let organization = if side == MatchSide::Need {
            need_org
        } else {
            offering_org
        };
        let author = db::organizations::members(conn, organization)
            .await?
            .first()
            .map(|m| m.user_id);
        db::matches::insert_message(conn, id, author, organization, text).await?;
    }
    Ok(())
}

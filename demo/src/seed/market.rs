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

/// The person who runs a demo actor (its owner).
struct Owner {
    email: &'static str,
    name: &'static str,
}

struct DemoActor {
    name: &'static str,
    kind: OrganizationKind,
    org_number: &'static str,
    municipality_code: &'static str,
    owner: Owner,
    offerings: &'static [DemoOffering],
}

struct DemoOffering {
    title: &'static str,
    description: &'static str,
    kind: OfferingKind,
    /// The challenge area's key.
    area: &'static str,
    /// `n` (national), `c:05` (a county) or `m:0581` (a municipality).
    coverage: &'static str,
    tags: &'static [&'static str],
}

const ACTORS: &[DemoActor] = &[
    DemoActor {
        name: "Kvinnokraft Norrköping",
        kind: OrganizationKind::CivilSociety,
        org_number: "802401-0202",
        municipality_code: "0581",
        owner: Owner {
            email: "leila.ahmadi@kvinnokraft.example",
            name: "Leila Ahmadi",
        },
        offerings: &[
            DemoOffering {
                title: "Jobbcoachning för kvinnor",
                description: "Individuell coachning och gruppträffar för kvinnor som länge stått utanför arbetsmarknaden, med stöd fram till anställning.",
                kind: OfferingKind::Service,
                area: "unemployment",
                coverage: "m:0581",
                tags: &["jobbcoachning", "kvinnor"],
            },
            DemoOffering {
                title: "Barnpassning under utbildning",
                description: "Förskolepedagoger tar hand om barnen medan föräldrarna studerar eller praktiserar.",
                kind: OfferingKind::Service,
                area: "unemployment",
                coverage: "m:0581",
                tags: &["barnpassning", "föräldrar"],
            },
            DemoOffering {
                title: "CV- och intervjuträning",
                description: "Workshops där arbetssökande skriver CV och övar på anställningsintervjuer.",
                kind: OfferingKind::Service,
                area: "unemployment",
                coverage: "c:05",
                tags: &["cv", "intervju"],
            },
        ],
    },
    DemoActor {
        name: "Navestads läxhjälp",
        kind: OrganizationKind::CivilSociety,
        org_number: "802401-0210",
        municipality_code: "0581",
        owner: Owner {
            email: "jonas.ek@navestadslaxhjalp.example",
            name: "Jonas Ek",
        },
        offerings: &[
            DemoOffering {
                title: "Läxhjälp med studenter",
                description: "Studenter ger läxhjälp i matematik, svenska och engelska två kvällar i veckan.",
                kind: OfferingKind::Volunteering,
                area: "schools",
                coverage: "m:0581",
                tags: &["läxhjälp", "studenter"],
            },
            DemoOffering {
                title: "Lovskola i matematik",
                description: "Intensiv lovskola under sommar- och höstlov för elever som behöver komma ikapp.",
                kind: OfferingKind::Volunteering,
                area: "schools",
                coverage: "m:0581",
                tags: &["lovskola", "matematik"],
            },
        ],
    },
    DemoActor {
        name: "Jobbverkstan Öst",
        kind: OrganizationKind::Business,
        org_number: "802401-0228",
        municipality_code: "0581",
        owner: Owner {
            email: "petra.sand@jobbverkstan.example",
            name: "Petra Sand",
        },
        offerings: &[
            DemoOffering {
                title: "Yrkesutbildning inom vård och omsorg",
                description: "Korta yrkesutbildningar till undersköterska och vårdbiträde med praktik.",
                kind: OfferingKind::Service,
                area: "unemployment",
                coverage: "c:05",
                tags: &["yrkesutbildning", "vård"],
            },
            DemoOffering {
                title: "Praktikplatser hos lokala företag",
                description: "Nätverk av företag som tar emot praktikanter och erbjuder mentorskap.",
                kind: OfferingKind::Service,
                area: "unemployment",
                coverage: "c:05",
                tags: &["praktik", "företag"],
            },
            DemoOffering {
                title: "Digital kompetens för arbetssökande",
                description: "Kurser i dator, e-post och jobbsajter för den som söker arbete.",
                kind: OfferingKind::Service,
                area: "unemployment",
                coverage: "m:0581",
                tags: &["digital", "datorkurs"],
            },
        ],
    },
    DemoActor {
        name: "Östgöta Trygghet",
        kind: OrganizationKind::Business,
        org_number: "802401-0236",
        municipality_code: "0581",
        owner: Owner {
            email: "ali.nouri@ostgotatrygghet.example",
            name: "Ali Nouri",
        },
        offerings: &[
            DemoOffering {
                title: "Trygghetsvärdar",
                description: "Trygghetsvärdar rör sig i området dagtid och kvällstid och lär känna boende.",
                kind: OfferingKind::Method,
                area: "crime_prevention",
                coverage: "c:05",
                tags: &["trygghetsvärdar", "närvaro"],
            },
            DemoOffering {
                title: "Trygghetsvandringar",
                description: "Vi leder trygghetsvandringar och föreslår åtgärder som belysning och röjning.",
                kind: OfferingKind::Method,
                area: "crime_prevention",
                coverage: "m:0581",
                tags: &["trygghetsvandring", "belysning"],
            },
        ],
    },
    DemoActor {
        name: "Nordkraft Integration",
        kind: OrganizationKind::CivilSociety,
        org_number: "802401-0244",
        municipality_code: "2582",
        owner: Owner {
            email: "sofia.lind@nordkraft.example",
            name: "Sofia Lind",
        },
        offerings: &[
            DemoOffering {
                title: "Språkpraktik på arbetsplatser",
                description: "Vi matchar nyanlända med arbetsplatser för språkpraktik där svenskan övas i arbetet.",
                kind: OfferingKind::Service,
                area: "unemployment",
                coverage: "m:2582",
                tags: &["språkpraktik", "nyanlända"],
            },
            DemoOffering {
                title: "Körkortsteori på lätt svenska",
                description: "Teorikurs för körkort på lätt svenska, eftersom många jobb kräver körkort.",
                kind: OfferingKind::Service,
                area: "unemployment",
                coverage: "c:25",
                tags: &["körkort", "lätt svenska"],
            },
            DemoOffering {
                title: "Samhällsinformation på flera språk",
                description: "Information om myndigheter, vård och rättigheter på arabiska, somaliska och tigrinja.",
                kind: OfferingKind::Service,
                area: "community_services",
                coverage: "c:25",
                tags: &["samhällsinformation", "flerspråkig"],
            },
        ],
    },
    DemoActor {
        name: "Bodens idrottsallians",
        kind: OrganizationKind::CivilSociety,
        org_number: "802401-0251",
        municipality_code: "2582",
        owner: Owner {
            email: "mats.berg@bodensidrott.example",
            name: "Mats Berg",
        },
        offerings: &[
            DemoOffering {
                title: "Idrott och läxläsning",
                description: "Idrottsförening som kombinerar träning med läxläsning för unga.",
                kind: OfferingKind::Volunteering,
                area: "schools",
                coverage: "m:2582",
                tags: &["idrott", "läxläsning"],
            },
            DemoOffering {
                title: "Midnattsfotboll",
                description: "Fotboll sena kvällar med ledare som är förebilder.",
                kind: OfferingKind::Method,
                area: "crime_prevention",
                coverage: "m:2582",
                tags: &["fotboll", "idrott"],
            },
        ],
    },
    DemoActor {
        name: "Norrbottens budgetrådgivare",
        kind: OrganizationKind::Business,
        org_number: "802401-0269",
        municipality_code: "2582",
        owner: Owner {
            email: "eva.holm@budgetnorr.example",
            name: "Eva Holm",
        },
        offerings: &[
            DemoOffering {
                title: "Budget- och skuldrådgivning",
                description: "Rådgivning om hushållsbudget, skulder och hyresbetalning.",
                kind: OfferingKind::Service,
                area: "community_services",
                coverage: "c:25",
                tags: &["budget", "skulder"],
            },
            DemoOffering {
                title: "Energirådgivning för hushåll",
                description: "Rådgivning om att spara el och värme i lägenheten.",
                kind: OfferingKind::Service,
                area: "community_services",
                coverage: "c:25",
                tags: &["energi", "hushåll"],
            },
        ],
    },
    DemoActor {
        name: "Angereds ungdomsforum",
        kind: OrganizationKind::CivilSociety,
        org_number: "802401-0277",
        municipality_code: "1480",
        owner: Owner {
            email: "yusuf.omar@angeredsungdom.example",
            name: "Yusuf Omar",
        },
        offerings: &[
            DemoOffering {
                title: "Fritidsgård kvällstid",
                description: "Fritidsledare håller öppet kvällstid med aktiviteter för unga.",
                kind: OfferingKind::Method,
                area: "crime_prevention",
                coverage: "m:1480",
                tags: &["fritidsgård", "unga"],
            },
            DemoOffering {
                title: "Nattvandring med vuxna",
                description: "Vuxna nattvandrar fredag och lördag kväll och skapar trygghet för unga.",
                kind: OfferingKind::Method,
                area: "crime_prevention",
                coverage: "m:1480",
                tags: &["nattvandring", "trygghet"],
            },
            DemoOffering {
                title: "Stöd till unga i riskzon",
                description: "Socialarbetare och mentorer stöttar unga som riskerar att dras in i kriminalitet.",
                kind: OfferingKind::Method,
                area: "crime_prevention",
                coverage: "m:1480",
                tags: &["unga i riskzon", "kriminalitet"],
            },
        ],
    },
    DemoActor {
        name: "Framtidsskolan Väst",
        kind: OrganizationKind::School,
        org_number: "802401-0285",
        municipality_code: "1480",
        owner: Owner {
            email: "anna.strom@framtidsskolan.example",
            name: "Anna Ström",
        },
        offerings: &[
            DemoOffering {
                title: "Studiemotivation och framtidsval",
                description: "Workshops om gymnasieval, utbildningar och yrken för högstadieelever.",
                kind: OfferingKind::Volunteering,
                area: "schools",
                coverage: "c:14",
                tags: &["studiemotivation", "gymnasieval"],
            },
            DemoOffering {
                title: "Kodklubb och programmering för barn",
                description: "Gratis kodklubb där barn lär sig programmera och bygga spel.",
                kind: OfferingKind::Volunteering,
                area: "schools",
                coverage: "m:1480",
                tags: &["programmering", "teknik"],
            },
            DemoOffering {
                title: "Svenska som andraspråk för barn",
                description: "Extra stöd i svenska för barn som nyligen kommit till Sverige.",
                kind: OfferingKind::Volunteering,
                area: "schools",
                coverage: "m:1480",
                tags: &["svenska", "nyanlända barn"],
            },
        ],
    },
    DemoActor {
        name: "Göteborgs stadsodlare",
        kind: OrganizationKind::CivilSociety,
        org_number: "802401-0293",
        municipality_code: "1480",
        owner: Owner {
            email: "nils.gren@stadsodlare.example",
            name: "Nils Gren",
        },
        offerings: &[
            DemoOffering {
                title: "Stadsodling och gemensamma trädgårdar",
                description: "Vi bygger odlingslådor och håller odlingskurser för boende.",
                kind: OfferingKind::Service,
                area: "community_services",
                coverage: "m:1480",
                tags: &["odling", "trädgård"],
            },
            DemoOffering {
                title: "Öppen mötesplats för boende",
                description: "Vi driver öppna mötesplatser med fika, aktiviteter och information.",
                kind: OfferingKind::Service,
                area: "community_services",
                coverage: "m:1480",
                tags: &["mötesplats", "gemenskap"],
            },
        ],
    },
    DemoActor {
        name: "Hovsjö förebilder",
        kind: OrganizationKind::CivilSociety,
        org_number: "802401-0301",
        municipality_code: "0181",
        owner: Owner {
            email: "hamid.karimi@hovsjoforebilder.example",
            name: "Hamid Karimi",
        },
        offerings: &[
            DemoOffering {
                title: "Mentorer för unga",
                description: "Vuxna mentorer träffar unga varje vecka och stöttar dem i skolan och framtidsplaner.",
                kind: OfferingKind::Volunteering,
                area: "schools",
                coverage: "m:0181",
                tags: &["mentorer", "unga"],
            },
            DemoOffering {
                title: "Föräldrastöd för tonårsföräldrar",
                description: "Kurser för föräldrar till tonåringar om gränser och kommunikation.",
                kind: OfferingKind::Method,
                area: "crime_prevention",
                coverage: "m:0181",
                tags: &["föräldrastöd", "tonåringar"],
            },
        ],
    },
    DemoActor {
        name: "Telgeakademin",
        kind: OrganizationKind::School,
        org_number: "802401-0319",
        municipality_code: "0181",
        owner: Owner {
            email: "lisa.falk@telgeakademin.example",
            name: "Lisa Falk",
        },
        offerings: &[
            DemoOffering {
                title: "Stöd mot skolfrånvaro",
                description: "Coacher som stöttar elever med hög frånvaro och deras familjer.",
                kind: OfferingKind::Volunteering,
                area: "schools",
                coverage: "m:0181",
                tags: &["frånvaro", "elevstöd"],
            },
            DemoOffering {
                title: "Föräldrasamverkan med skolan",
                description: "Vi stärker föräldrars kontakt med skolan med tolkade föräldramöten.",
                kind: OfferingKind::Volunteering,
                area: "schools",
                coverage: "c:01",
                tags: &["föräldrar", "skola"],
            },
        ],
    },
    DemoActor {
        name: "Södertälje sociala företag",
        kind: OrganizationKind::Business,
        org_number: "802401-0327",
        municipality_code: "0181",
        owner: Owner {
            email: "karl.wik@sodertaljesocial.example",
            name: "Karl Wik",
        },
        offerings: &[
            DemoOffering {
                title: "Arbetsträning i socialt företag",
                description: "Socialt företag som erbjuder arbetsträning och anställning inom café och fastighetsskötsel.",
                kind: OfferingKind::Service,
                area: "unemployment",
                coverage: "m:0181",
                tags: &["arbetsträning", "socialt företag"],
            },
            DemoOffering {
                title: "Starta eget-rådgivning",
                description: "Rådgivning och kurser för den som vill starta företag: affärsplan, bokföring och tillstånd.",
                kind: OfferingKind::Service,
                area: "unemployment",
                coverage: "c:01",
                tags: &["företagande", "starta eget"],
            },
        ],
    },
    DemoActor {
        name: "Läsrörelsen Sverige",
        kind: OrganizationKind::CivilSociety,
        org_number: "802401-0335",
        municipality_code: "0180",
        owner: Owner {
            email: "maria.blom@lasrorelsen.example",
            name: "Maria Blom",
        },
        offerings: &[
            DemoOffering {
                title: "Läsfrämjande i bostadsområden",
                description: "Bibliotekarier och volontärer läser med barn och delar ut böcker i området.",
                kind: OfferingKind::Volunteering,
                area: "schools",
                coverage: "n",
                tags: &["läsning", "bibliotek"],
            },
            DemoOffering {
                title: "Kulturaktiviteter för familjer",
                description: "Teater, musik och konst för hela familjen i bostadsområdet.",
                kind: OfferingKind::Service,
                area: "community_services",
                coverage: "n",
                tags: &["kultur", "familj"],
            },
        ],
    },
    DemoActor {
        name: "Centrum för våldsprevention",
        kind: OrganizationKind::Research,
        org_number: "802401-0343",
        municipality_code: "0380",
        owner: Owner {
            email: "henrik.aberg@vaaldsprevention.example",
            name: "Henrik Åberg",
        },
        offerings: &[
            DemoOffering {
                title: "Våldsprevention i skolan",
                description: "Program mot våld där unga tränar på att ingripa och säga ifrån.",
                kind: OfferingKind::Method,
                area: "crime_prevention",
                coverage: "n",
                tags: &["våldsprevention", "skola"],
            },
            DemoOffering {
                title: "Avhopparverksamhet",
                description: "Stöd för den som vill lämna kriminalitet: boende, jobb och samtal.",
                kind: OfferingKind::Method,
                area: "crime_prevention",
                coverage: "n",
                tags: &["avhoppare", "kriminalitet"],
            },
        ],
    },
    DemoActor {
        name: "Digidel Sverige",
        kind: OrganizationKind::CivilSociety,
        org_number: "802401-0350",
        municipality_code: "0180",
        owner: Owner {
            email: "ida.norr@digidel.example",
            name: "Ida Norr",
        },
        offerings: &[
            DemoOffering {
                title: "Digital hjälp för äldre",
                description: "Volontärer hjälper äldre med BankID, e-tjänster och mobiltelefonen.",
                kind: OfferingKind::Service,
                area: "community_services",
                coverage: "n",
                tags: &["digital", "äldre"],
            },
            DemoOffering {
                title: "Digital kompetens för arbetssökande",
                description: "Kurser i dator, e-post och jobbsajter för den som söker arbete.",
                kind: OfferingKind::Service,
                area: "unemployment",
                coverage: "n",
                tags: &["digital", "datorkurs"],
            },
        ],
    },
    DemoActor {
        name: "Föreningsakademin",
        kind: OrganizationKind::CivilSociety,
        org_number: "802401-0368",
        municipality_code: "1880",
        owner: Owner {
            email: "tove.lund@foreningsakademin.example",
            name: "Tove Lund",
        },
        offerings: &[
            DemoOffering {
                title: "Föreningsstöd och ledarutbildning",
                description: "Vi utbildar boende att starta och leda föreningar.",
                kind: OfferingKind::Service,
                area: "community_services",
                coverage: "n",
                tags: &["förening", "ledarskap"],
            },
            DemoOffering {
                title: "Boendedialog och inflytande",
                description: "Vi leder dialoger där hyresgäster påverkar upprustning och utemiljö.",
                kind: OfferingKind::Service,
                area: "community_services",
                coverage: "n",
                tags: &["inflytande", "dialog"],
            },
        ],
    },
    DemoActor {
        name: "Grannsamverkan Sverige",
        kind: OrganizationKind::CivilSociety,
        org_number: "802401-0376",
        municipality_code: "0180",
        owner: Owner {
            email: "olof.rask@grannsamverkan.example",
            name: "Olof Rask",
        },
        offerings: &[DemoOffering {
            title: "Grannsamverkan",
            description: "Vi startar grannsamverkan mot inbrott och skadegörelse.",
            kind: OfferingKind::Method,
            area: "crime_prevention",
            coverage: "n",
            tags: &["grannsamverkan", "inbrott"],
        }],
    },
    DemoActor {
        name: "Hälsokraft",
        kind: OrganizationKind::Business,
        org_number: "802401-0384",
        municipality_code: "1280",
        owner: Owner {
            email: "amal.said@halsokraft.example",
            name: "Amal Said",
        },
        offerings: &[
            DemoOffering {
                title: "Hälsoinformatörer",
                description: "Hälsoinformatörer ger råd om vård, kost och motion på flera språk.",
                kind: OfferingKind::Service,
                area: "community_services",
                coverage: "n",
                tags: &["hälsa", "vård"],
            },
            DemoOffering {
                title: "Starta eget-rådgivning",
                description: "Rådgivning och kurser för den som vill starta företag: affärsplan, bokföring och tillstånd.",
                kind: OfferingKind::Service,
                area: "unemployment",
                coverage: "n",
                tags: &["företagande", "starta eget"],
            },
        ],
    },
];

/// A match between a demo lab's need and an actor's offering (both by title).
struct DemoMatch {
    need: &'static str,
    offering: &'static str,
    asked_by: MatchSide,
    state: MatchState,
    /// The thread as (side, text).
    thread: &'static [(MatchSide, &'static str)],
    /// The reason of a declined match, or the outcome of a completed one.
    note: Option<&'static str>,
}

const MATCHES: &[DemoMatch] = &[
    DemoMatch {
        need: "Jobbcoachning för kvinnor som länge stått utanför arbetsmarknaden",
        offering: "Jobbcoachning för kvinnor",
        asked_by: MatchSide::Need,
        state: MatchState::Active,
        thread: &[
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
        note: None,
    },
    DemoMatch {
        need: "Läxhjälp och mentorer för unga",
        offering: "Mentorer för unga",
        asked_by: MatchSide::Need,
        state: MatchState::Requested,
        thread: &[(
            MatchSide::Need,
            "Vi söker mentorer till unga i Hovsjö. Har ni möjlighet att vara med?",
        )],
        note: None,
    },
    DemoMatch {
        need: "Fritidsledare för kvällsaktiviteter",
        offering: "Fritidsgård kvällstid",
        asked_by: MatchSide::Offering,
        state: MatchState::Completed,
        thread: &[
            (
                MatchSide::Offering,
                "Vi har fritidsledare som kan hålla öppet fredagskvällar i Rannebergen.",
            ),
            (MatchSide::Need, "Tack! Vi kör en termin och utvärderar."),
        ],
        note: Some("Över 100 aktiviteter för unga under 2019; fredagsöppet fortsätter."),
    },
    DemoMatch {
        need: "Språkpraktik på arbetsplatser",
        offering: "Språkpraktik på arbetsplatser",
        asked_by: MatchSide::Need,
        state: MatchState::Declined,
        thread: &[(
            MatchSide::Need,
            "Kan ni ordna språkpraktik för tio deltagare?",
        )],
        note: Some("Vi har redan full grupp i höst. Hör gärna av er igen i vår."),
    },
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
        let owner = ensure_user(conn, actor.owner.email, actor.owner.name, hash).await?;
        accounts.push(format!("{:<42} owner of {}", actor.owner.email, actor.name));
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
        for offering in actor.offerings {
            let areas = vec![offering.area.to_owned()];
            let tags: Vec<String> = offering.tags.iter().map(|t| (*t).to_owned()).collect();
            let fields = OfferingFields {
                title: offering.title,
                description: offering.description,
                kind: offering.kind,
                challenge_areas: &areas,
                coverage: &coverage(offering.coverage),
                tags: &tags,
                status: OfferingStatus::Active,
            };
            db::offerings::insert(conn, organization, &fields, Some(owner)).await?;
        }
    }
    for demo in MATCHES {
        conn.transaction::<_, anyhow::Error, _>(async |conn| seed_match(conn, demo).await)
            .await
            .with_context(|| format!("could not load the demo match about {}", demo.need))?;
    }
    Ok(accounts)
}

async fn seed_match(conn: &mut AsyncPgConnection, demo: &DemoMatch) -> anyhow::Result<()> {
    let DemoMatch {
        need: need_title,
        offering: offering_title,
        asked_by: requested_by,
        state,
        thread,
        note,
    } = *demo;
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

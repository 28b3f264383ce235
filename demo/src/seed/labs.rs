//! The four labs of 2018 as the demo shows them: phases with their history, participants,
//! indicators with measurements, needs, and residents' ideas with votes and comments.
//! Facts from Sveriges Allmännytta's pages on the labs; people and details invented.

use anyhow::Context;
use chrono::{NaiveDate, TimeZone, Utc};
use diesel_async::{AsyncConnection, AsyncPgConnection};
use shared::{Direction, IdeaStatus, LabPhase, NeedStatus, ParticipantRole, Visibility};
use uuid::Uuid;

use api::auth::{Caller, Person};
use api::db;
use api::db::labs::{IndicatorFields, LabFields};
use api::db::needs::NeedFields;

struct DemoLab {
    title: &'static str,
    /// The host's organisation number; its first person coordinates the lab.
    host: &'static str,
    coordinator: &'static str,
    challenge_area: &'static str,
    municipality_code: &'static str,
    neighbourhood: &'static str,
    starts_on: &'static str,
    ends_on: &'static str,
    summary: &'static str,
    description: &'static str,
    /// The phases it went through after `forming`.
    phases: &'static [DemoPhase],
    participants: &'static [DemoParticipant],
    indicators: &'static [DemoIndicator],
    needs: &'static [DemoNeed],
    ideas: &'static [DemoIdea],
}

/// A step to the next phase, on a date, with a note.
struct DemoPhase {
    to: LabPhase,
    on: &'static str,
    note: &'static str,
}

/// A participating organisation (by organisation number) and its role.
struct DemoParticipant {
    org_number: &'static str,
    role: ParticipantRole,
}

struct DemoNeed {
    title: &'static str,
    description: &'static str,
    tags: &'static [&'static str],
}

struct DemoIndicator {
    name: &'static str,
    unit: &'static str,
    baseline: f64,
    target: f64,
    direction: Direction,
    measurements: &'static [DemoMeasurement],
}

/// A dated value, with a note of where it comes from.
struct DemoMeasurement {
    on: &'static str,
    value: f64,
    note: &'static str,
}

struct DemoIdea {
    author: &'static str,
    title: &'static str,
    body: &'static str,
    status: &'static [IdeaStatus],
    voters: &'static [&'static str],
    comments: &'static [DemoComment],
}

/// A comment and its replies.
struct DemoComment {
    author: &'static str,
    text: &'static str,
    replies: &'static [DemoReply],
}

struct DemoReply {
    author: &'static str,
    text: &'static str,
}

const MARIA: &str = "maria.lind@hyresbostader.example";
const SARA: &str = "sara.nilsson@hyresbostader.example";
const JOHAN: &str = "johan.berg@bodenbo.example";
const AMINA: &str = "amina.hassan@bodenbo.example";
const ELIN: &str = "elin.karlsson@bostadsbolaget.example";
const OMAR: &str = "omar.ali@bostadsbolaget.example";
const LINA: &str = "lina.persson@telgebostader.example";
const ERIK: &str = "erik.johansson@telgebostader.example";
const FATIMA: &str = "fatima.yusuf@navestad.example";
const KARIN: &str = "karin.ek@liu.example";
const PER: &str = "per.nord@svenskakyrkan-boden.example";
const HANNA: &str = "hanna.lund@rodakorset-boden.example";
const SAMIRA: &str = "samira.khan@rannebergen.example";
const MAJA: &str = "maja.strand@sodertalje.example";

const LABS: [DemoLab; 4] = [
    DemoLab {
        title: "Portalen",
        host: "556900-0010",
        coordinator: MARIA,
        challenge_area: "unemployment",
        municipality_code: "0581",
        neighbourhood: "Navestad",
        starts_on: "2018-09-01",
        ends_on: "2020-06-30",
        summary: "En mötesplats för självförsörjning för arbetslösa kvinnor i Navestad.",
        description: "## Bakgrund\n\nMånga kvinnor i Navestad har länge stått utanför arbetsmarknaden. \
Portalen är en mötesplats i bostadsområdet där de får stöd att hitta vägen till arbete, \
praktik, studier eller eget företag.\n\n## Så arbetar vi\n\n- Individuell coachning och \
gruppträffar varje vecka\n- Studiebesök hos arbetsgivare i Norrköping\n- Barnpassning under \
träffarna\n\n## Resultat\n\nAv 22 deltagande kvinnor har **15** fått arbete eller praktik, \
börjat studera eller startat eget företag.",
        phases: &[
            DemoPhase {
                to: LabPhase::Ideation,
                on: "2018-10-15",
                note: "Behoven kartlagda tillsammans med hyresgästerna.",
            },
            DemoPhase {
                to: LabPhase::Testing,
                on: "2019-01-14",
                note: "Mötesplatsen öppnar med 22 deltagare.",
            },
            DemoPhase {
                to: LabPhase::Verifying,
                on: "2019-09-02",
                note: "Linköpings universitet utvärderar.",
            },
            DemoPhase {
                to: LabPhase::Spreading,
                on: "2020-08-17",
                note: "Metoden delas med andra bostadsbolag.",
            },
        ],
        participants: &[
            DemoParticipant {
                org_number: "802400-0039",
                role: ParticipantRole::TenantRepresentative,
            },
            DemoParticipant {
                org_number: "212000-0043",
                role: ParticipantRole::Researcher,
            },
        ],
        indicators: &[
            DemoIndicator {
                name: "Deltagare i arbete, praktik, studier eller eget företag",
                unit: "av 22 kvinnor",
                baseline: 0.0,
                target: 15.0,
                direction: Direction::Increase,
                measurements: &[
                    DemoMeasurement {
                        on: "2019-06-30",
                        value: 6.0,
                        note: "Intervjuer med deltagarna",
                    },
                    DemoMeasurement {
                        on: "2019-12-31",
                        value: 11.0,
                        note: "Intervjuer med deltagarna",
                    },
                    DemoMeasurement {
                        on: "2020-06-30",
                        value: 15.0,
                        note: "Slutuppföljning",
                    },
                ],
            },
            DemoIndicator {
                name: "Framtidstro (ser ljust på framtiden)",
                unit: "%",
                baseline: 31.0,
                target: 60.0,
                direction: Direction::Increase,
                measurements: &[
                    DemoMeasurement {
                        on: "2019-06-30",
                        value: 45.0,
                        note: "Enkät",
                    },
                    DemoMeasurement {
                        on: "2020-06-30",
                        value: 64.0,
                        note: "Enkät",
                    },
                ],
            },
            DemoIndicator {
                name: "Jobbintervjuer per månad",
                unit: "intervjuer",
                baseline: 1.0,
                target: 8.0,
                direction: Direction::Increase,
                measurements: &[
                    DemoMeasurement {
                        on: "2019-06-30",
                        value: 4.0,
                        note: "Deltagarnas dagböcker",
                    },
                    DemoMeasurement {
                        on: "2020-06-30",
                        value: 9.0,
                        note: "Deltagarnas dagböcker",
                    },
                ],
            },
        ],
        needs: &[
            DemoNeed {
                title: "Jobbcoachning för kvinnor som länge stått utanför arbetsmarknaden",
                description: "Vi söker en aktör som kan coacha kvinnor i Navestad individuellt och i grupp, \
gärna med erfarenhet av arbetslösa kvinnor med utländsk bakgrund.",
                tags: &["jobbcoachning", "kvinnor", "arbetslöshet"],
            },
            DemoNeed {
                title: "Barnpassning under träffarna",
                description: "Flera deltagare har små barn. Vi behöver barnpassning två förmiddagar i veckan.",
                tags: &["barnpassning", "kvinnor"],
            },
        ],
        ideas: &[
            DemoIdea {
                author: FATIMA,
                title: "Språkcafé med jobbfokus",
                body: "Träffas varje tisdag och öva svenska med fokus på arbetsintervjuer och \
arbetsplatsens ord.",
                status: &[
                    IdeaStatus::Shortlisted,
                    IdeaStatus::Testing,
                    IdeaStatus::Verified,
                ],
                voters: &[SARA, KARIN, AMINA, OMAR, MARIA],
                comments: &[DemoComment {
                    author: SARA,
                    text: "Vi har lokalen ledig tisdagar, jag bokar den!",
                    replies: &[DemoReply {
                        author: FATIMA,
                        text: "Tack, då börjar vi nästa vecka.",
                    }],
                }],
            },
            DemoIdea {
                author: SARA,
                title: "Mentorer från företag i Norrköping",
                body: "Kvinnor som fått jobb blir mentorer för nya deltagare, tillsammans med \
anställda på lokala företag.",
                status: &[IdeaStatus::Shortlisted],
                voters: &[FATIMA, KARIN],
                comments: &[],
            },
        ],
    },
    DemoLab {
        title: "Vägen till arbete i Boden",
        host: "556900-0028",
        coordinator: JOHAN,
        challenge_area: "unemployment",
        municipality_code: "2582",
        neighbourhood: "Sävast",
        starts_on: "2018-09-01",
        ends_on: "2020-12-31",
        summary: "Bodenbo, kyrkan, Röda korset och kommunen hjälper nyanlända in i arbete.",
        description: "## Bakgrund\n\nNyanlända i Boden har svårt att hitta en första väg in på \
arbetsmarknaden. Tillsammans med Svenska kyrkan, Röda korset och Bodens kommun erbjuder \
Bodenbo språkträning, praktik och kontakter.\n\n## Resultat\n\n**9 av 10** deltagare har fått \
arbete eller börjat studera.",
        phases: &[
            DemoPhase {
                to: LabPhase::Ideation,
                on: "2018-10-01",
                note: "Första mötet med kyrkan, Röda korset och kommunen.",
            },
            DemoPhase {
                to: LabPhase::Testing,
                on: "2019-02-04",
                note: "Tio deltagare börjar.",
            },
            DemoPhase {
                to: LabPhase::Verifying,
                on: "2020-09-01",
                note: "Uppföljning av alla deltagare.",
            },
        ],
        participants: &[
            DemoParticipant {
                org_number: "802400-0013",
                role: ParticipantRole::Partner,
            },
            DemoParticipant {
                org_number: "802400-0021",
                role: ParticipantRole::Partner,
            },
            DemoParticipant {
                org_number: "212000-0019",
                role: ParticipantRole::Partner,
            },
        ],
        indicators: &[
            DemoIndicator {
                name: "Deltagare i arbete eller studier",
                unit: "av 10 deltagare",
                baseline: 0.0,
                target: 8.0,
                direction: Direction::Increase,
                measurements: &[
                    DemoMeasurement {
                        on: "2019-12-31",
                        value: 5.0,
                        note: "Uppföljningssamtal",
                    },
                    DemoMeasurement {
                        on: "2020-09-01",
                        value: 9.0,
                        note: "Uppföljningssamtal",
                    },
                ],
            },
            DemoIndicator {
                name: "Nya kontakter utanför hemmet per deltagare",
                unit: "kontakter",
                baseline: 2.0,
                target: 10.0,
                direction: Direction::Increase,
                measurements: &[DemoMeasurement {
                    on: "2020-09-01",
                    value: 12.0,
                    note: "Intervjuer",
                }],
            },
        ],
        needs: &[DemoNeed {
            title: "Språkpraktik på arbetsplatser",
            description: "Vi söker arbetsgivare i Boden som kan ta emot nyanlända för språkpraktik fyra veckor i taget.",
            tags: &["praktik", "språk", "nyanlända"],
        }],
        ideas: &[DemoIdea {
            author: HANNA,
            title: "Körkortsteori på lätt svenska",
            body: "Många jobb i Norrbotten kräver körkort. Frivilliga kan hålla teorikurs på lätt svenska.",
            status: &[IdeaStatus::Shortlisted, IdeaStatus::Testing],
            voters: &[PER, AMINA, JOHAN],
            comments: &[DemoComment {
                author: PER,
                text: "Församlingshemmet kan vara kurslokal.",
                replies: &[],
            }],
        }],
    },
    DemoLab {
        title: "Vårt Rannebergen",
        host: "556900-0036",
        coordinator: ELIN,
        challenge_area: "crime_prevention",
        municipality_code: "1480",
        neighbourhood: "Rannebergen",
        starts_on: "2018-09-01",
        ends_on: "2020-12-31",
        summary: "Trygghet, inflytande och gemenskap med Hyresgästföreningen och staden.",
        description: "## Bakgrund\n\nI Rannebergen ville de boende känna sig tryggare och ha mer \
att säga till om. Bostadsbolaget, Hyresgästföreningen och Göteborgs stad bjuder in till \
aktiviteter och gemensamma beslut om området.\n\n## Resultat\n\nÖver **100 aktiviteter** för \
unga under 2019.",
        phases: &[
            DemoPhase {
                to: LabPhase::Ideation,
                on: "2018-10-20",
                note: "Trygghetsvandring med de boende.",
            },
            DemoPhase {
                to: LabPhase::Testing,
                on: "2019-01-10",
                note: "Aktiviteter för unga varje vecka.",
            },
            DemoPhase {
                to: LabPhase::Verifying,
                on: "2019-12-15",
                note: "Trygghetsenkät till alla hushåll.",
            },
            DemoPhase {
                to: LabPhase::Spreading,
                on: "2020-10-01",
                note: "Arbetssättet presenteras för andra stadsdelar.",
            },
        ],
        participants: &[
            DemoParticipant {
                org_number: "802400-0047",
                role: ParticipantRole::TenantRepresentative,
            },
            DemoParticipant {
                org_number: "212000-0027",
                role: ParticipantRole::Partner,
            },
        ],
        indicators: &[
            DemoIndicator {
                name: "Känner sig trygga i området på kvällen",
                unit: "%",
                baseline: 54.0,
                target: 70.0,
                direction: Direction::Increase,
                measurements: &[
                    DemoMeasurement {
                        on: "2019-12-15",
                        value: 62.0,
                        note: "Trygghetsenkät",
                    },
                    DemoMeasurement {
                        on: "2020-10-01",
                        value: 68.0,
                        note: "Trygghetsenkät",
                    },
                ],
            },
            DemoIndicator {
                name: "Aktiviteter för unga per år",
                unit: "aktiviteter",
                baseline: 20.0,
                target: 100.0,
                direction: Direction::Increase,
                measurements: &[DemoMeasurement {
                    on: "2019-12-31",
                    value: 104.0,
                    note: "Bostadsbolagets aktivitetslogg",
                }],
            },
        ],
        needs: &[DemoNeed {
            title: "Fritidsledare för kvällsaktiviteter",
            description: "Vi söker en förening som kan hålla i idrott och spel för unga på fredagskvällar.",
            tags: &["fritid", "unga", "trygghet"],
        }],
        ideas: &[
            DemoIdea {
                author: SAMIRA,
                title: "Nattvandring med föräldrar",
                body: "Föräldrar går tillsammans i området fredag och lördag kväll, med gula västar.",
                status: &[
                    IdeaStatus::Shortlisted,
                    IdeaStatus::Testing,
                    IdeaStatus::Verified,
                ],
                voters: &[OMAR, ELIN, FATIMA],
                comments: &[DemoComment {
                    author: OMAR,
                    text: "Vi kan bjuda på fika efter passen.",
                    replies: &[DemoReply {
                        author: SAMIRA,
                        text: "Perfekt, det lockar fler!",
                    }],
                }],
            },
            DemoIdea {
                author: OMAR,
                title: "Bättre belysning vid gångtunneln",
                body: "Tunneln under Rannebergsvägen är mörk. Ljusare belysning och konst på väggarna.",
                status: &[],
                voters: &[SAMIRA],
                comments: &[],
            },
        ],
    },
    DemoLab {
        title: "Lina Hage",
        host: "556900-0044",
        coordinator: LINA,
        challenge_area: "schools",
        municipality_code: "0181",
        neighbourhood: "Hovsjö",
        starts_on: "2018-09-01",
        ends_on: "2020-12-31",
        summary: "Unga 11–15 år och positiva förebilder.",
        description: "## Bakgrund\n\nUnga i åldern 11–15 år behöver vuxna och äldre ungdomar att \
se upp till. Telge Bostäder och Södertälje kommun erbjuder läxhjälp, idrott och sommarjobb \
med förebilder från området.\n\n## Resultat\n\nDeltagandet bland unga ökade med **80 %**.",
        phases: &[
            DemoPhase {
                to: LabPhase::Ideation,
                on: "2018-10-05",
                note: "Workshop med unga på fritidsgården.",
            },
            DemoPhase {
                to: LabPhase::Testing,
                on: "2019-02-11",
                note: "Förebildsprogrammet startar.",
            },
            DemoPhase {
                to: LabPhase::Verifying,
                on: "2020-06-15",
                note: "Deltagandet räknas och jämförs.",
            },
        ],
        participants: &[DemoParticipant {
            org_number: "212000-0035",
            role: ParticipantRole::Partner,
        }],
        indicators: &[DemoIndicator {
            name: "Unga 11–15 år som deltar i aktiviteter",
            unit: "deltagare per vecka",
            baseline: 50.0,
            target: 85.0,
            direction: Direction::Increase,
            measurements: &[
                DemoMeasurement {
                    on: "2019-06-15",
                    value: 70.0,
                    note: "Närvarolistor",
                },
                DemoMeasurement {
                    on: "2020-06-15",
                    value: 90.0,
                    note: "Närvarolistor",
                },
            ],
        }],
        needs: &[DemoNeed {
            title: "Läxhjälp och mentorer för unga",
            description: "Studenter eller pensionerade lärare som vill hjälpa unga med läxorna två kvällar i veckan.",
            tags: &["läxhjälp", "mentorer", "unga"],
        }],
        ideas: &[DemoIdea {
            author: MAJA,
            title: "Sommarjobb som förebilder",
            body: "Äldre ungdomar får sommarjobb som ledare för yngre, med utbildning innan.",
            status: &[IdeaStatus::Shortlisted],
            voters: &[ERIK, LINA],
            comments: &[DemoComment {
                author: ERIK,
                text: "Vi kan erbjuda tio platser i sommar.",
                replies: &[],
            }],
        }],
    },
];

/// Loads the demo labs that are not there yet.
pub async fn seed(conn: &mut AsyncPgConnection) -> anyhow::Result<()> {
    for lab in &LABS {
        // All of a lab or nothing, so that an interrupted load is completed next time.
        conn.transaction::<_, anyhow::Error, _>(async |conn| seed_lab(conn, lab).await)
            .await
            .with_context(|| format!("could not load the demo lab {}", lab.title))?;
    }
    Ok(())
}

pub(super) async fn organization(
    conn: &mut AsyncPgConnection,
    org_number: &str,
) -> anyhow::Result<Uuid> {
    db::organizations::id_by_org_number(conn, org_number)
        .await?
        .with_context(|| format!("no demo organisation {org_number}"))
}

/// A demo person, acting as themselves.
pub(super) async fn person(conn: &mut AsyncPgConnection, email: &str) -> anyhow::Result<Caller> {
    let user = db::users::find_by_email(conn, email)
        .await?
        .with_context(|| format!("no demo account {email}"))?;
    Ok(Caller::Person(Person {
        user_id: user.id,
        session_id: Uuid::nil(),
        is_platform_admin: false,
    }))
}

pub(super) fn date(text: &str) -> anyhow::Result<NaiveDate> {
    text.parse().with_context(|| format!("not a date: {text}"))
}

fn at(text: &str) -> anyhow::Result<chrono::DateTime<Utc>> {
    let time = date(text)?.and_hms_opt(10, 0, 0).context("not a time")?;
    Ok(Utc.from_utc_datetime(&time))
}

async fn seed_lab(conn: &mut AsyncPgConnection, lab: &DemoLab) -> anyhow::Result<()> {
    let host = organization(conn, lab.host).await?;
    if db::labs::exists_with_title(conn, host, lab.title).await? {
        return Ok(());
    }
    let coordinator = person(conn, lab.coordinator).await?;
    let fields = LabFields {
        title: lab.title,
        summary: lab.summary,
        description: lab.description,
        challenge_area: lab.challenge_area,
        municipality_code: lab.municipality_code,
        neighbourhood: lab.neighbourhood,
        starts_on: Some(date(lab.starts_on)?),
        ends_on: Some(date(lab.ends_on)?),
        visibility: Visibility::Public,
    };
    let lab_id = db::labs::insert(conn, &fields, host, coordinator.user_id()).await?;
    let created = serde_json::json!({ "to": LabPhase::Forming.as_str() });
    db::audit::record_at(
        conn,
        &coordinator,
        "lab.created",
        "lab",
        lab_id,
        created,
        at(lab.starts_on)?,
    )
    .await?;
    let mut from = LabPhase::Forming;
    for &DemoPhase { to, on: when, note } in lab.phases {
        db::labs::set_phase(conn, lab_id, to).await?;
        let details = serde_json::json!({ "from": from.as_str(), "to": to.as_str(), "note": note });
        db::audit::record_at(
            conn,
            &coordinator,
            "lab.phase_changed",
            "lab",
            lab_id,
            details,
            at(when)?,
        )
        .await?;
        from = to;
    }
    for &DemoParticipant { org_number, role } in lab.participants {
        let organization = organization(conn, org_number).await?;
        db::labs::set_participant(conn, lab_id, organization, role).await?;
    }
    for indicator in lab.indicators {
        let fields = IndicatorFields {
            name: indicator.name,
            unit: indicator.unit,
            baseline: indicator.baseline,
            target: indicator.target,
            direction: indicator.direction,
        };
        let id = db::labs::insert_indicator(conn, lab_id, &fields).await?;
        for &DemoMeasurement {
            on: when,
            value,
            note,
        } in indicator.measurements
        {
            db::labs::insert_measurement(conn, id, date(when)?, value, note).await?;
        }
    }
    for &DemoNeed {
        title,
        description,
        tags,
    } in lab.needs
    {
        let tags: Vec<String> = tags.iter().map(|tag| (*tag).to_owned()).collect();
        let fields = NeedFields {
            title,
            description,
            challenge_area: lab.challenge_area,
            municipality_code: lab.municipality_code,
            tags: &tags,
            status: NeedStatus::Open,
        };
        db::needs::insert(conn, lab_id, host, &fields, coordinator.user_id()).await?;
    }
    for idea in lab.ideas {
        seed_idea(conn, lab_id, &coordinator, idea).await?;
    }
    Ok(())
}

async fn seed_idea(
    conn: &mut AsyncPgConnection,
    lab_id: Uuid,
    coordinator: &Caller,
    idea: &DemoIdea,
) -> anyhow::Result<()> {
    let author = person(conn, idea.author).await?;
    let id = db::ideas::insert(conn, lab_id, author.user_id(), None, idea.title, idea.body).await?;
    let mut from = IdeaStatus::Submitted;
    for &to in idea.status {
        db::ideas::set_status(conn, id, to, None).await?;
        let details = serde_json::json!({ "from": from.as_str(), "to": to.as_str() });
        db::audit::record(
            conn,
            coordinator,
            "idea.status_changed",
            "idea",
            id,
            details,
        )
        .await?;
        from = to;
    }
    for voter in idea.voters {
        let voter = person(conn, voter).await?;
        if let Some(user_id) = voter.user_id() {
            db::ideas::vote(conn, id, user_id).await?;
        }
    }
    for &DemoComment {
        author: commenter,
        text,
        replies,
    } in idea.comments
    {
        let Some(commenter) = person(conn, commenter).await?.user_id() else {
            continue;
        };
        let comment = db::ideas::insert_comment(conn, id, None, commenter, text).await?;
        for &DemoReply {
            author: replier,
            text,
        } in replies
        {
            if let Some(replier) = person(conn, replier).await?.user_id() {
                db::ideas::insert_comment(conn, id, Some(comment), replier, text).await?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_labs_follow_the_rules_the_api_enforces() {
        for lab in &LABS {
            let mut phase = LabPhase::Forming;
            for &DemoPhase { to, .. } in lab.phases {
                assert_eq!(phase.next(), Some(to), "{}", lab.title);
                phase = to;
            }
            for idea in lab.ideas {
                let mut status = IdeaStatus::Submitted;
                for &to in idea.status {
                    assert!(status.may_move_to(to), "{}", idea.title);
                    status = to;
                }
            }
            for indicator in lab.indicators {
                let towards = match indicator.direction {
                    Direction::Increase => indicator.target > indicator.baseline,
                    Direction::Decrease => indicator.target < indicator.baseline,
                };
                assert!(towards, "{}", indicator.name);
            }
            assert!(date(lab.starts_on).is_ok() && date(lab.ends_on).is_ok());
        }
    }
}

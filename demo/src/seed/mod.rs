//! Demo data for `cargo xtask run`: the four labs chosen in June 2018 (Allmännyttans
//! innovationslabb) with their host organisations and partners, a marketplace of invented
//! local actors with their offerings and matches, invented people, and a platform admin. The organisation numbers are made up (valid in form only). Loading twice
//! changes nothing.

mod labs;
mod market;
mod methods;

use anyhow::Context;
use diesel_async::AsyncPgConnection;
use shared::{OrganizationKind, Role};

use api::auth::password;
use api::db;
use api::db::organizations::{OrganizationFields, WriteError};

/// Every demo account signs in with this password.
pub const PASSWORD: &str = "innolabb-demo-2026";

const ADMIN: (&str, &str) = ("admin@innolabb.example", "Alva Admin");

/// A host or partner organisation of the 2018 labs, with its invented people (the first
/// one its owner).
struct DemoOrganization {
    name: &'static str,
    kind: OrganizationKind,
    org_number: &'static str,
    municipality_code: &'static str,
    description: &'static str,
    people: &'static [DemoPerson],
}

/// An invented person and their role in their organisation.
struct DemoPerson {
    email: &'static str,
    name: &'static str,
    role: Role,
}

const ORGANIZATIONS: [DemoOrganization; 17] = [
    DemoOrganization {
        name: "Hyresbostäder i Norrköping",
        kind: OrganizationKind::HousingCompany,
        org_number: "556900-0010",
        municipality_code: "0581",
        description: "Allmännyttigt bostadsbolag i Norrköping. Värd för labbet Portalen i Navestad: en mötesplats för självförsörjning för arbetslösa kvinnor.",
        people: &[
            DemoPerson {
                email: "maria.lind@hyresbostader.example",
                name: "Maria Lind",
                role: Role::Owner,
            },
            DemoPerson {
                email: "sara.nilsson@hyresbostader.example",
                name: "Sara Nilsson",
                role: Role::Member,
            },
        ],
    },
    DemoOrganization {
        name: "Bodenbo",
        kind: OrganizationKind::HousingCompany,
        org_number: "556900-0028",
        municipality_code: "2582",
        description: "Allmännyttigt bostadsbolag i Boden. Driver labbet tillsammans med kyrkan, Röda korset och kommunen för att hjälpa nyanlända in i arbete.",
        people: &[
            DemoPerson {
                email: "johan.berg@bodenbo.example",
                name: "Johan Berg",
                role: Role::Owner,
            },
            DemoPerson {
                email: "amina.hassan@bodenbo.example",
                name: "Amina Hassan",
                role: Role::Admin,
            },
        ],
    },
    DemoOrganization {
        name: "Bostadsbolaget",
        kind: OrganizationKind::HousingCompany,
        org_number: "556900-0036",
        municipality_code: "1480",
        description: "Allmännyttigt bostadsbolag i Göteborg. Värd för Vårt Rannebergen: trygghet, inflytande och gemenskap tillsammans med Hyresgästföreningen och staden.",
        people: &[
            DemoPerson {
                email: "elin.karlsson@bostadsbolaget.example",
                name: "Elin Karlsson",
                role: Role::Owner,
            },
            DemoPerson {
                email: "omar.ali@bostadsbolaget.example",
                name: "Omar Ali",
                role: Role::Member,
            },
        ],
    },
    DemoOrganization {
        name: "Telge Bostäder",
        kind: OrganizationKind::HousingCompany,
        org_number: "556900-0044",
        municipality_code: "0181",
        description: "Allmännyttigt bostadsbolag i Södertälje. Värd för Lina Hage: unga 11–15 år och positiva förebilder.",
        people: &[
            DemoPerson {
                email: "lina.persson@telgebostader.example",
                name: "Lina Persson",
                role: Role::Owner,
            },
            DemoPerson {
                email: "erik.johansson@telgebostader.example",
                name: "Erik Johansson",
                role: Role::Member,
            },
        ],
    },
    DemoOrganization {
        name: "Hyresgästföreningen Navestad",
        kind: OrganizationKind::TenantAssociation,
        org_number: "802400-0039",
        municipality_code: "0581",
        description: "De boendes röst i Navestad. Företräder hyresgästerna i labbet Portalen.",
        people: &[DemoPerson {
            email: "fatima.yusuf@navestad.example",
            name: "Fatima Yusuf",
            role: Role::Owner,
        }],
    },
    DemoOrganization {
        name: "Linköpings universitet",
        kind: OrganizationKind::Research,
        org_number: "212000-0043",
        municipality_code: "0580",
        description: "Forskare i socialt arbete följer och utvärderar Portalen.",
        people: &[DemoPerson {
            email: "karin.ek@liu.example",
            name: "Karin Ek",
            role: Role::Owner,
        }],
    },
    DemoOrganization {
        name: "Svenska kyrkan i Boden",
        kind: OrganizationKind::CivilSociety,
        org_number: "802400-0013",
        municipality_code: "2582",
        description: "Församlingen driver språkcafé och mötesplatser för nyanlända i Boden.",
        people: &[DemoPerson {
            email: "per.nord@svenskakyrkan-boden.example",
            name: "Per Nord",
            role: Role::Owner,
        }],
    },
    DemoOrganization {
        name: "Röda korset Boden",
        kind: OrganizationKind::CivilSociety,
        org_number: "802400-0021",
        municipality_code: "2582",
        description: "Frivilliga som ger läxhjälp, språkträning och stöd in i arbetslivet.",
        people: &[DemoPerson {
            email: "hanna.lund@rodakorset-boden.example",
            name: "Hanna Lund",
            role: Role::Owner,
        }],
    },
    DemoOrganization {
        name: "Bodens kommun",
        kind: OrganizationKind::Municipality,
        org_number: "212000-0019",
        municipality_code: "2582",
        description: "Arbetsmarknadsenheten samarbetar med Bodenbo om vägar till arbete för nyanlända.",
        people: &[DemoPerson {
            email: "anders.wik@boden.example",
            name: "Anders Wik",
            role: Role::Owner,
        }],
    },
    DemoOrganization {
        name: "Hyresgästföreningen Rannebergen",
        kind: OrganizationKind::TenantAssociation,
        org_number: "802400-0047",
        municipality_code: "1480",
        description: "Lokal hyresgästförening i Rannebergen, medarrangör av Vårt Rannebergen.",
        people: &[DemoPerson {
            email: "samira.khan@rannebergen.example",
            name: "Samira Khan",
            role: Role::Owner,
        }],
    },
    DemoOrganization {
        name: "Göteborgs stad",
        kind: OrganizationKind::Municipality,
        org_number: "212000-0027",
        municipality_code: "1480",
        description: "Stadsdelen Angered deltar i Vårt Rannebergen med fritidsledare och trygghetsarbete.",
        people: &[DemoPerson {
            email: "jonas.holm@goteborg.example",
            name: "Jonas Holm",
            role: Role::Owner,
        }],
    },
    DemoOrganization {
        name: "Södertälje kommun",
        kind: OrganizationKind::Municipality,
        org_number: "212000-0035",
        municipality_code: "0181",
        description: "Fritidsgårdar och skolor samarbetar med Telge Bostäder i Lina Hage.",
        people: &[DemoPerson {
            email: "maja.strand@sodertalje.example",
            name: "Maja Strand",
            role: Role::Owner,
        }],
    },
    DemoOrganization {
        name: "Kustbo i Kalmar",
        kind: OrganizationKind::HousingCompany,
        org_number: "556900-0051",
        municipality_code: "0880",
        description: "Allmännyttigt bostadsbolag i Kalmar (påhittat). Har infört Portalen på Norrliden.",
        people: &[DemoPerson {
            email: "eva.strand@kustbo.example",
            name: "Eva Strand",
            role: Role::Owner,
        }],
    },
    DemoOrganization {
        name: "Mälarbo i Västerås",
        kind: OrganizationKind::HousingCompany,
        org_number: "556900-0069",
        municipality_code: "1980",
        description: "Allmännyttigt bostadsbolag i Västerås (påhittat). Driver Portalen i Bäckby.",
        people: &[DemoPerson {
            email: "johan.berg@malarbo.example",
            name: "Johan Berg",
            role: Role::Owner,
        }],
    },
    DemoOrganization {
        name: "Norrhem i Umeå",
        kind: OrganizationKind::HousingCompany,
        org_number: "556900-0077",
        municipality_code: "2480",
        description: "Allmännyttigt bostadsbolag i Umeå (påhittat).",
        people: &[DemoPerson {
            email: "linnea.sjoberg@norrhem.example",
            name: "Linnea Sjöberg",
            role: Role::Owner,
        }],
    },
    DemoOrganization {
        name: "Smålandshem i Växjö",
        kind: OrganizationKind::HousingCompany,
        org_number: "556900-0085",
        municipality_code: "0780",
        description: "Allmännyttigt bostadsbolag i Växjö (påhittat).",
        people: &[DemoPerson {
            email: "amir.haddad@smalandshem.example",
            name: "Amir Haddad",
            role: Role::Owner,
        }],
    },
    DemoOrganization {
        name: "Gävlebo",
        kind: OrganizationKind::HousingCompany,
        org_number: "556900-0093",
        municipality_code: "2180",
        description: "Allmännyttigt bostadsbolag i Gävle (påhittat).",
        people: &[DemoPerson {
            email: "karl.nystrom@gavlebo.example",
            name: "Karl Nyström",
            role: Role::Owner,
        }],
    },
];

/// Loads the demo data unless it is there, and returns the sign-in details to print.
pub async fn seed(conn: &mut AsyncPgConnection) -> anyhow::Result<Vec<String>> {
    let hash = password::hash(PASSWORD.to_owned()).await?;
    let mut accounts = Vec::new();
    ensure_user(conn, ADMIN.0, ADMIN.1, &hash).await?;
    db::users::make_platform_admin(conn, ADMIN.0).await?;
    accounts.push(format!("{:<42} platform admin", ADMIN.0));
    for demo in &ORGANIZATIONS {
        let Some(first) = demo.people.first() else {
            continue;
        };
        let owner = ensure_user(conn, first.email, first.name, &hash).await?;
        let fields = OrganizationFields {
            name: demo.name,
            kind: demo.kind,
            municipality_code: demo.municipality_code,
            description: demo.description,
            website: None,
        };
        let inserted = db::organizations::insert(conn, &fields, demo.org_number, owner).await;
        let organization = match inserted {
            Ok(organization) => {
                db::organizations::verify(conn, organization.id).await?;
                Some(organization.id)
            }
            Err(WriteError::OrgNumberTaken) => None,
            Err(WriteError::Query(error)) => {
                return Err(error).context("could not create a demo organisation");
            }
        };
        for person in demo.people {
            let user = ensure_user(conn, person.email, person.name, &hash).await?;
            if let Some(organization) = organization {
                db::organizations::add_member(conn, organization, user, person.role).await?;
            }
            accounts.push(format!(
                "{:<42} {} of {}",
                person.email,
                person.role.as_str(),
                demo.name
            ));
        }
    }
    labs::seed(conn).await?;
    accounts.extend(market::seed(conn, &hash).await?);
    methods::seed(conn).await?;
    Ok(accounts)
}

pub(super) async fn ensure_user(
    conn: &mut AsyncPgConnection,
    email: &str,
    name: &str,
    hash: &str,
) -> anyhow::Result<uuid::Uuid> {
    if let Some(user) = db::users::find_by_email(conn, email).await? {
        return Ok(user.id);
    }
    let user = db::users::insert(conn, email, hash, name, shared::Locale::Sv)
        .await?
        .context("a demo account vanished")?;
    // The demo's people read their mail.
    db::users::verify_email(conn, user.id, email).await?;
    Ok(user.id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_organisation_numbers_are_valid() {
        for demo in ORGANIZATIONS {
            assert_eq!(
                shared::org_number::parse(demo.org_number).as_deref(),
                Ok(demo.org_number),
                "{}",
                demo.name
            );
        }
    }
}

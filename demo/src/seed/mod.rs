//! Demo data for `cargo xtask run`: the four labs chosen in June 2018 (Allmännyttans
//! innovationslabb) with their host organisations and partners, a marketplace of invented
//! local actors with their offerings and matches, invented people, and a platform admin. The organisation numbers are made up (valid in form only). Loading twice
//! changes nothing.

mod labs;
mod market;

use anyhow::Context;
use diesel_async::AsyncPgConnection;
use shared::{OrganizationKind, Role};

use api::auth::password;
use api::db;
use api::db::organizations::{OrganizationFields, WriteError};

/// Every demo account signs in with this password.
pub const PASSWORD: &str = "innolabb-demo-2026";

const ADMIN: (&str, &str) = ("admin@innolabb.example", "Alva Admin");

/// (organisation, kind, org number, municipality, description, [(e-mail, name, role)])
type DemoOrganization = (
    &'static str,
    OrganizationKind,
    &'static str,
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str, Role)],
);

const ORGANIZATIONS: [DemoOrganization; 12] = [
    (
        "Hyresbostäder i Norrköping",
        OrganizationKind::HousingCompany,
        "556900-0010",
        "0581",
        "Allmännyttigt bostadsbolag i Norrköping. Värd för labbet Portalen i Navestad: en mötesplats för självförsörjning för arbetslösa kvinnor.",
        &[
            (
                "maria.lind@hyresbostader.example",
                "Maria Lind",
                Role::Owner,
            ),
            (
                "sara.nilsson@hyresbostader.example",
                "Sara Nilsson",
                Role::Member,
            ),
        ],
    ),
    (
        "Bodenbo",
        OrganizationKind::HousingCompany,
        "556900-0028",
        "2582",
        "Allmännyttigt bostadsbolag i Boden. Driver labbet tillsammans med kyrkan, Röda korset och kommunen för att hjälpa nyanlända in i arbete.",
        &[
            ("johan.berg@bodenbo.example", "Johan Berg", Role::Owner),
            ("amina.hassan@bodenbo.example", "Amina Hassan", Role::Admin),
        ],
    ),
    (
        "Bostadsbolaget",
        OrganizationKind::HousingCompany,
        "556900-0036",
        "1480",
        "Allmännyttigt bostadsbolag i Göteborg. Värd för Vårt Rannebergen: trygghet, inflytande och gemenskap tillsammans med Hyresgästföreningen och staden.",
        &[
            (
                "elin.karlsson@bostadsbolaget.example",
                "Elin Karlsson",
                Role::Owner,
            ),
            ("omar.ali@bostadsbolaget.example", "Omar Ali", Role::Member),
        ],
    ),
    (
        "Telge Bostäder",
        OrganizationKind::HousingCompany,
        "556900-0044",
        "0181",
        "Allmännyttigt bostadsbolag i Södertälje. Värd för Lina Hage: unga 11–15 år och positiva förebilder.",
        &[
            (
                "lina.persson@telgebostader.example",
                "Lina Persson",
                Role::Owner,
            ),
            (
                "erik.johansson@telgebostader.example",
                "Erik Johansson",
                Role::Member,
            ),
        ],
    ),
    (
        "Hyresgästföreningen Navestad",
        OrganizationKind::TenantAssociation,
        "802400-0039",
        "0581",
        "De boendes röst i Navestad. Företräder hyresgästerna i labbet Portalen.",
        &[("fatima.yusuf@navestad.example", "Fatima Yusuf", Role::Owner)],
    ),
    (
        "Linköpings universitet",
        OrganizationKind::Research,
        "212000-0043",
        "0580",
        "Forskare i socialt arbete följer och utvärderar Portalen.",
        &[("karin.ek@liu.example", "Karin Ek", Role::Owner)],
    ),
    (
        "Svenska kyrkan i Boden",
        OrganizationKind::CivilSociety,
        "802400-0013",
        "2582",
        "Församlingen driver språkcafé och mötesplatser för nyanlända i Boden.",
        &[(
            "per.nord@svenskakyrkan-boden.example",
            "Per Nord",
            Role::Owner,
        )],
    ),
    (
        "Röda korset Boden",
        OrganizationKind::CivilSociety,
        "802400-0021",
        "2582",
        "Frivilliga som ger läxhjälp, språkträning och stöd in i arbetslivet.",
        &[(
            "hanna.lund@rodakorset-boden.example",
            "Hanna Lund",
            Role::Owner,
        )],
    ),
    (
        "Bodens kommun",
        OrganizationKind::Municipality,
        "212000-0019",
        "2582",
        "Arbetsmarknadsenheten samarbetar med Bodenbo om vägar till arbete för nyanlända.",
        &[("anders.wik@boden.example", "Anders Wik", Role::Owner)],
    ),
    (
        "Hyresgästföreningen Rannebergen",
        OrganizationKind::TenantAssociation,
        "802400-0047",
        "1480",
        "Lokal hyresgästförening i Rannebergen, medarrangör av Vårt Rannebergen.",
        &[(
            "samira.khan@rannebergen.example",
            "Samira Khan",
            Role::Owner,
        )],
    ),
    (
        "Göteborgs stad",
        OrganizationKind::Municipality,
        "212000-0027",
        "1480",
        "Stadsdelen Angered deltar i Vårt Rannebergen med fritidsledare och trygghetsarbete.",
        &[("jonas.holm@goteborg.example", "Jonas Holm", Role::Owner)],
    ),
    (
        "Södertälje kommun",
        OrganizationKind::Municipality,
        "212000-0035",
        "0181",
        "Fritidsgårdar och skolor samarbetar med Telge Bostäder i Lina Hage.",
        &[("maja.strand@sodertalje.example", "Maja Strand", Role::Owner)],
    ),
];

/// Loads the demo data unless it is there, and returns the sign-in details to print.
pub async fn seed(conn: &mut AsyncPgConnection) -> anyhow::Result<Vec<String>> {
    let hash = password::hash(PASSWORD.to_owned()).await?;
    let mut accounts = Vec::new();
    ensure_user(conn, ADMIN.0, ADMIN.1, &hash).await?;
    db::users::make_platform_admin(conn, ADMIN.0).await?;
    accounts.push(format!("{:<42} platform admin", ADMIN.0));
    for (name, kind, org_number, municipality_code, description, people) in ORGANIZATIONS {
        let Some(first) = people.first() else {
            continue;
        };
        let owner = ensure_user(conn, first.0, first.1, &hash).await?;
        let fields = OrganizationFields {
            name,
            kind,
            municipality_code,
            description,
            website: None,
        };
        let organization = match db::organizations::insert(conn, &fields, org_number, owner).await {
            Ok(organization) => {
                db::organizations::verify(conn, organization.id).await?;
                Some(organization.id)
            }
            Err(WriteError::OrgNumberTaken) => None,
            Err(WriteError::Query(error)) => {
                return Err(error).context("could not create a demo organisation");
            }
        };
        for &(email, display_name, role) in people {
            let user = ensure_user(conn, email, display_name, &hash).await?;
            if let Some(organization) = organization {
                db::organizations::add_member(conn, organization, user, role).await?;
            }
            accounts.push(format!("{email:<42} {} of {name}", role.as_str()));
        }
    }
    labs::seed(conn).await?;
    accounts.extend(market::seed(conn, &hash).await?);
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
    let user = db::users::insert(conn, email, hash, name)
        .await?
        .context("a demo account vanished")?;
    Ok(user.id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_organisation_numbers_are_valid() {
        for (name, _, number, ..) in ORGANIZATIONS {
            assert_eq!(
                shared::org_number::parse(number).as_deref(),
                Ok(number),
                "{name}"
            );
        }
    }
}

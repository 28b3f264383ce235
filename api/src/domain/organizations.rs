//! Rules for organisations and their members.

use shared::Role;

use super::validation::FieldErrors;

/// Checks a website address: http(s), no spaces, at most 500 characters.
pub fn check_website(errors: &mut FieldErrors, website: &str) {
    let valid = (website.starts_with("https://") || website.starts_with("http://"))
        && website.len() <= 500
        && website.len() > "https://".len()
        && !website.chars().any(char::is_whitespace);
    errors.check(
        valid,
        "website",
        "format",
        "must be an address starting with https:// or http://",
    );
}

/// Whether a member with role `actor` may give someone role `granted`, or change or remove
/// someone who has role `target`: owners may do anything; admins may manage members and
/// admins but never touch owners.
pub fn may_manage(actor: Role, target: Option<Role>, granted: Option<Role>) -> bool {
    match actor {
        Role::Owner => true,
        Role::Admin => target != Some(Role::Owner) && granted != Some(Role::Owner),
        Role::Member => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn owners_manage_everyone_admins_all_but_owners_members_no_one() {
        assert!(may_manage(
            Role::Owner,
            Some(Role::Owner),
            Some(Role::Member)
        ));
        assert!(may_manage(
            Role::Admin,
            Some(Role::Member),
            Some(Role::Admin)
        ));
        assert!(may_manage(Role::Admin, None, Some(Role::Member)));
        assert!(!may_manage(Role::Admin, None, Some(Role::Owner)));
        assert!(!may_manage(Role::Admin, Some(Role::Owner), None));
        assert!(!may_manage(Role::Member, None, Some(Role::Member)));
    }

    #[test]
    fn websites_must_be_http_addresses() {
        let check = |value: &str| {
            let mut errors = FieldErrors::default();
            check_website(&mut errors, value);
            errors.finish().is_ok()
        };
        assert!(check("https://www.hyresbostader.se"));
        assert!(!check("www.hyresbostader.se"));
        assert!(!check("javascript:alert(1)"));
        assert!(!check("https://"));
        assert!(!check("https://a b.se"));
    }
}

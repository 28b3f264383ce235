//! The signed-in person.

use shared::{MyOrganization, Notifications, Page};

use super::Read;

/// `list_my_organizations`
pub fn organizations() -> Read<Page<MyOrganization>> {
    Read::new("/me/organizations")
}

/// The newest 100 notifications and the unread count (`list_notifications`).
pub fn notifications() -> Read<Notifications> {
    Read::new("/notifications?limit=100")
}

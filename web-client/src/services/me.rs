//! The signed-in person.

use shared::{
    ChangeEmail, DeleteAccount, Me, MyOrganization, NotificationSettings, Notifications, Page,
    UpdateMe, UpdateNotificationSettings,
};

use super::{Read, Write};

/// `get_me`
pub fn get() -> Read<Me> {
    Read::new("/me")
}

/// `list_my_organizations`
pub fn organizations() -> Read<Page<MyOrganization>> {
    Read::new("/me/organizations")
}

/// The newest 100 notifications and the unread count (`list_notifications`).
pub fn notifications() -> Read<Notifications> {
    Read::new("/notifications?limit=100")
}

/// `update_me`
pub fn update(body: &UpdateMe) -> Write<Me> {
    Write::patch("/me", body)
}

/// Only the unread count matters: the newest notification (`list_notifications`).
pub fn unread_count() -> Read<Notifications> {
    Read::new("/notifications?limit=1")
}

/// `mark_all_notifications_read`
pub fn mark_all_read() -> Write<()> {
    Write::post_empty("/notifications/read-all")
}

/// `mark_notification_read`
pub fn mark_read(id: impl std::fmt::Display) -> Write<()> {
    Write::post_empty(format!("/notifications/{}/read", super::segment(id)))
}

/// `request_email_change`
pub fn change_email(body: &ChangeEmail) -> Write<()> {
    Write::post("/me/email", body)
}

/// `send_verification_email`
pub fn send_verification_email() -> Write<()> {
    Write::post_empty("/me/verification-email")
}

/// `get_notification_settings`
pub fn notification_settings() -> Read<NotificationSettings> {
    Read::new("/me/notification-settings")
}

/// `update_notification_settings`
pub fn update_notification_settings(
    body: &UpdateNotificationSettings,
) -> Write<NotificationSettings> {
    Write::patch("/me/notification-settings", body)
}

/// `unsubscribe_mail` (with the token of a mailed link; no session needed)
pub fn unsubscribe(token: &str) -> Write<()> {
    Write::post_empty(crate::api::with_query(
        "/unsubscribe",
        &[("token", Some(token.to_owned()))],
    ))
}

/// `export_my_data`
pub fn export() -> Read<serde_json::Value> {
    Read::new("/me/export")
}

/// `delete_me`
pub fn delete(body: &DeleteAccount) -> Write<()> {
    Write::delete_with("/me", body)
}

//! What the changes feed tells a caller of an object's latest change.

use shared::ChangeKind;

/// The change as the caller is told it, given whether the caller may see the object now: as
/// recorded when it may; `deleted` when it may not (deleted, or hidden from it since, so a
/// mirror drops it) — except an object it could never see, created and not changed since,
/// which it is not told of at all.
pub fn as_seen(recorded: ChangeKind, visible: bool) -> Option<ChangeKind> {
    match (recorded, visible) {
        (ChangeKind::Deleted, _) => Some(ChangeKind::Deleted),
        (recorded, true) => Some(recorded),
        (ChangeKind::Created, false) => None,
        (ChangeKind::Updated, false) => Some(ChangeKind::Deleted),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_the_caller_may_not_see_is_deleted_to_it_unless_it_never_could() {
        assert_eq!(
            as_seen(ChangeKind::Created, true),
            Some(ChangeKind::Created)
        );
        assert_eq!(
            as_seen(ChangeKind::Updated, true),
            Some(ChangeKind::Updated)
        );
        assert_eq!(
            as_seen(ChangeKind::Updated, false),
            Some(ChangeKind::Deleted)
        );
        assert_eq!(
            as_seen(ChangeKind::Deleted, false),
            Some(ChangeKind::Deleted)
        );
        assert_eq!(as_seen(ChangeKind::Created, false), None);
    }
}

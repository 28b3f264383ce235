//! The length limits of text fields, in characters, written once: the API's checks use
//! them, and a test holds the OpenAPI document's `minLength`/`maxLength` (written as
//! literals, since utoipa's attributes take no constants) to them.

/// The shortest and longest a text may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Length {
    pub min: usize,
    pub max: usize,
}

const fn length(min: usize, max: usize) -> Length {
    Length { min, max }
}

/// Titles of labs, needs, ideas, offerings; names of organisations and indicators.
pub const TITLE: Length = length(2, 200);
/// A lab's summary.
pub const SUMMARY: Length = length(0, 500);
/// A lab's description (Markdown).
pub const LAB_DESCRIPTION: Length = length(0, 20_000);
/// Descriptions of needs, offerings and organisations.
pub const DESCRIPTION: Length = length(0, 5000);
/// A lab's neighbourhood.
pub const NEIGHBOURHOOD: Length = length(0, 100);
/// An indicator's unit.
pub const UNIT: Length = length(1, 40);
/// A measurement's note.
pub const MEASUREMENT_NOTE: Length = length(0, 500);
/// An idea's text.
pub const IDEA_BODY: Length = length(0, 10_000);
/// A comment, and a message in a match's thread.
pub const COMMENT: Length = length(1, 5000);
/// Why: a phase moved back, an idea's status, a match declined or withdrawn.
pub const REASON: Length = length(0, 2000);
/// A match request's message and a completed match's outcome.
pub const MESSAGE: Length = length(0, 5000);
/// A person's name as shown.
pub const DISPLAY_NAME: Length = length(1, 100);
/// An API key's name.
pub const API_KEY_NAME: Length = length(1, 100);
/// A method's problem, approach (Markdown) and results.
pub const METHOD_TEXT: Length = length(0, 20_000);
/// Each part of what it takes to transfer a method: staff, time, cost range, prerequisites.
pub const TRANSFER: Length = length(0, 1000);
/// A link's address.
pub const URL: Length = length(1, 2000);
/// A method's licence, as an SPDX identifier.
pub const LICENCE: Length = length(1, 50);
/// An evidence entry's summary.
pub const EVIDENCE_SUMMARY: Length = length(1, 5000);
/// Why a method is retired or an organisation turned down: unlike other reasons, never empty.
pub const REQUIRED_REASON: Length = length(1, 2000);
/// A webhook's URL.
pub const WEBHOOK_URL: Length = length(1, 2000);
/// A webhook's description.
pub const WEBHOOK_DESCRIPTION: Length = length(0, 500);

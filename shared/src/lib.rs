//! The request and response bodies of Innolabb's REST API.
//!
//! Both the API (`api`) and the web client (`web-client`) compile these types, so the
//! server, the browser and the OpenAPI document can never disagree about a field.
//! The `openapi` feature adds the `utoipa::ToSchema` derives; the wasm build leaves it off.

pub mod admin;
pub mod auth;
pub mod changes;
pub mod double_option;
pub mod enums;
pub mod health;
pub mod ideas;
pub mod labs;
pub mod limits;
pub mod matches;
pub mod methods;
pub mod moderation;
pub mod needs;
pub mod notifications;
pub mod offerings;
pub mod org_number;
pub mod organizations;
pub mod page;
pub mod problem;
pub mod reference;
pub mod search;
pub mod secret;
pub mod statistics;
pub mod webhooks;

pub use admin::{ApiKeyRef, AuditEntry, OrganizationReview, RejectOrganization, ReviewState};
pub use auth::{
    ChangeEmail, ChangePassword, ConfirmPasswordReset, DeleteAccount, FormSignals, Locale,
    LoginRequest, Me, RefreshRequest, RegisterRequest, RequestPasswordReset, SessionMode,
    TokenResponse, UpdateMe, VerifyEmail,
};
pub use changes::{Change, ChangeKind, ObjectType};
pub use health::{Health, Readiness};
pub use ideas::{
    ChangeIdeaStatus, Comment, CreateComment, CreateIdea, Idea, IdeaStatus, UpdateIdea,
};
pub use labs::{
    AddParticipant, ChangePhase, CreateIndicator, CreateLab, CreateMeasurement, Direction,
    Indicator, Lab, LabPhase, Measurement, OrganizationRef, Participant, ParticipantRole,
    PersonRef, PhaseChange, PhaseMoveError, UpdateLab, Visibility, indicator_progress,
};
pub use matches::{
    CreateMatch, CreateMatchMessage, Match, MatchAction, MatchDecision, MatchMessage, MatchSide,
    MatchState, NeedRef, Notification, Notifications, OfferingRef,
};
pub use methods::{
    Adoption, AdoptionStatus, CountySpread, CreateAdoption, CreateEvidence, CreateMethod, Evidence,
    LevelReason, Lineage, Link, Method, MethodRef, MethodSpread, MethodStatus, MonthSpread,
    OriginCounty, Resource, ResourceKind, RetireMethod, ReviewMethod, Transfer, UpdateAdoption,
    UpdateMethod,
};
pub use moderation::{
    CreateReport, ModerationAction, Report, ReportReason, ReportStatus, ReportTarget, ResolveReport,
};
pub use needs::{CreateNeed, LabRef, Need, NeedStatus, UpdateNeed};
pub use notifications::{
    MailFrequency, NotificationKind, NotificationSetting, NotificationSettings,
    UpdateNotificationSettings,
};
pub use offerings::{
    Coverage, CreateOffering, Factor, NeedSuggestion, Offering, OfferingKind, OfferingStatus,
    OfferingSuggestion, Reason, UpdateOffering,
};
pub use organizations::{
    AddMember, ApiKey, CreateApiKey, CreateOrganization, CreatedApiKey, Member, MyOrganization,
    Organization, OrganizationKind, Role, Scope, SetApiKeyRateLimit, UpdateMember,
    UpdateOrganization,
};
pub use page::Page;
pub use problem::{FieldError, Problem};
pub use reference::{ChallengeArea, County, LocalizedText, Municipality};
pub use search::{
    Highlight, IdeaHit, LabHit, MethodHit, NeedHit, OfferingHit, SearchResults, SearchSuggestions,
    Segment,
};
pub use secret::Secret;
pub use statistics::{
    CountyCount, KeyCount, MonthCount, OpenDataColumn, OpenDataset, Statistics, Totals,
};
pub use webhooks::{
    CreateWebhook, UpdateWebhook, Webhook, WebhookAttempt, WebhookDelivery, WebhookWithSecret,
};

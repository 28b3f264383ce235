use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::Layout;
use crate::i18n::LanguageProvider;
use crate::pages::{
    Account, AuditLogPage, EditLab, EditMethod, EditOffering, ForgotPassword, IdeaPage, LabPage,
    LabsPage, MatchPage, MatchesPage, MethodPage, MethodsPage, ModerationPage, NeedPage, NeedsPage,
    NewLab, NewMethod, NewOffering, NewOrganization, NotFound, NotificationsPage, OfferingPage,
    OfferingsPage, OrganizationPage, Register, ResetPassword, SearchPage, SignIn, Start,
    StatisticsPage, UnsubscribePage, VerificationQueuePage, VerifyEmailPage,
};
use crate::session::SessionProvider;

/// Every page's address.
#[derive(Debug, Clone, PartialEq, Eq, Routable)]
pub enum Route {
    #[at("/")]
    Start,
    #[at("/labs")]
    Labs,
    #[at("/labs/new")]
    NewLab,
    #[at("/labs/:id")]
    Lab { id: String },
    #[at("/labs/:id/edit")]
    EditLab { id: String },
    #[at("/ideas/:id")]
    Idea { id: String },
    #[at("/offerings")]
    Offerings,
    #[at("/offerings/new")]
    NewOffering,
    #[at("/offerings/:id")]
    Offering { id: String },
    #[at("/offerings/:id/edit")]
    EditOffering { id: String },
    #[at("/needs")]
    Needs,
    #[at("/needs/:id")]
    Need { id: String },
    #[at("/matches")]
    Matches,
    #[at("/matches/:id")]
    Match { id: String },
    #[at("/notifications")]
    Notifications,
    #[at("/methods")]
    Methods,
    #[at("/methods/new")]
    NewMethod,
    #[at("/methods/:id")]
    Method { id: String },
    #[at("/methods/:id/edit")]
    EditMethod { id: String },
    #[at("/search")]
    Search,
    #[at("/statistics")]
    Statistics,
    #[at("/register")]
    Register,
    #[at("/sign-in")]
    SignIn,
    #[at("/account")]
    Account,
    #[at("/verify-email")]
    VerifyEmail,
    #[at("/forgot-password")]
    ForgotPassword,
    #[at("/reset-password")]
    ResetPassword,
    #[at("/unsubscribe")]
    Unsubscribe,
    #[at("/moderation")]
    Moderation,
    #[at("/admin/organizations")]
    VerificationQueue,
    #[at("/admin/audit-log")]
    AuditLog,
    #[at("/organizations/new")]
    NewOrganization,
    #[at("/organizations/:id")]
    Organization { id: String },
    #[not_found]
    #[at("/404")]
    NotFound,
}

fn switch(route: Route) -> Html {
    match route {
        Route::Start => html! { <Start /> },
        Route::Labs => html! { <LabsPage /> },
        Route::NewLab => html! { <NewLab /> },
        Route::Lab { id } => html! { <LabPage {id} /> },
        Route::EditLab { id } => html! { <EditLab {id} /> },
        Route::Idea { id } => html! { <IdeaPage {id} /> },
        Route::Offerings => html! { <OfferingsPage /> },
        Route::NewOffering => html! { <NewOffering /> },
        Route::Offering { id } => html! { <OfferingPage {id} /> },
        Route::EditOffering { id } => html! { <EditOffering {id} /> },
        Route::Needs => html! { <NeedsPage /> },
        Route::Need { id } => html! { <NeedPage {id} /> },
        Route::Matches => html! { <MatchesPage /> },
        Route::Match { id } => html! { <MatchPage {id} /> },
        Route::Notifications => html! { <NotificationsPage /> },
        Route::Methods => html! { <MethodsPage /> },
        Route::NewMethod => html! { <NewMethod /> },
        Route::Method { id } => html! { <MethodPage {id} /> },
        Route::EditMethod { id } => html! { <EditMethod {id} /> },
        Route::Search => html! { <SearchPage /> },
        Route::Statistics => html! { <StatisticsPage /> },
        Route::Register => html! { <Register /> },
        Route::SignIn => html! { <SignIn /> },
        Route::Account => html! { <Account /> },
        Route::VerifyEmail => html! { <VerifyEmailPage /> },
        Route::ForgotPassword => html! { <ForgotPassword /> },
        Route::ResetPassword => html! { <ResetPassword /> },
        Route::Unsubscribe => html! { <UnsubscribePage /> },
        Route::Moderation => html! { <ModerationPage /> },
        Route::VerificationQueue => html! { <VerificationQueuePage /> },
        Route::AuditLog => html! { <AuditLogPage /> },
        Route::NewOrganization => html! { <NewOrganization /> },
        Route::Organization { id } => html! { <OrganizationPage {id} /> },
        Route::NotFound => html! { <NotFound /> },
    }
}

#[component]
pub fn App() -> Html {
    html! {
        <LanguageProvider>
            <SessionProvider>
                <BrowserRouter>
                    <Layout>
                        <Switch<Route> render={switch} />
                    </Layout>
                </BrowserRouter>
            </SessionProvider>
        </LanguageProvider>
    }
}

app-name = Innolabb
app-tagline = Allmännyttans innovationslabb
skip-to-content = Hoppa till innehållet
nav-label = Huvudmeny
nav-start = Start
nav-labs = Labb
nav-offerings = Erbjudanden
nav-methods = Metodbank
nav-statistics = Statistik
language-label = Språk
footer-text = Innolabb – en plattform för allmännyttans innovationslabb mot utanförskap och boendesegregation.
footer-api-docs = API-dokumentation

start-title = Innovationslabb mot utanförskap och segregation
start-lead = Bostadsbolag, hyresgäster, kommuner, forskare och lokala aktörer utvecklar, testar och verifierar metoder tillsammans – och sprider dem som fungerar till fler bostadsområden i hela landet.
start-areas-heading = Fyra fokusområden
start-areas-loading = Hämtar fokusområden …
start-areas-empty = Det finns inga fokusområden ännu.
start-actors-heading = Har du ett erbjudande?
start-actors-text = Föreningar, företag, skolor och forskare vars erbjudanden kan stödja arbetet ska hitta en tydlig väg in här och matchas mot bostadsbolagens behov. Marknadsplatsen för erbjudanden öppnar snart.

page-labs-title = Innovationslabb
page-offerings-title = Erbjudanden
page-methods-title = Metodbank
page-statistics-title = Statistik
coming-soon = Den här delen av Innolabb byggs just nu och kommer snart.

not-found-title = Sidan finns inte
not-found-text = Det finns ingen sida på den här adressen.
not-found-home = Till startsidan

error-generic = Något gick fel. Försök igen om en stund.
error-retry = Försök igen

nav-sign-in = Logga in
nav-register = Skapa konto
nav-account = Mitt konto
sign-out = Logga ut

form-email = E-postadress
form-password = Lösenord
form-password-hint = Minst 10 tecken.
form-display-name = Namn
form-saving = Sparar …
form-saved = Sparat.
form-error-summary = Något behöver rättas innan det går att spara.
form-error-stale = Någon annan har ändrat detta sedan du öppnade det. Det du skrivit finns kvar: läs in den senaste versionen och spara igen.

register-title = Skapa konto
register-submit = Skapa konto
register-have-account = Har du redan ett konto? Logga in.
login-title = Logga in
login-submit = Logga in
login-failed = Fel e-postadress eller lösenord.
login-throttled = För många misslyckade försök. Vänta en stund och försök igen.
login-no-account = Inget konto? Skapa ett.

account-title = Mitt konto
account-profile = Profil
account-language = Språk
account-save = Spara
account-organizations = Mina organisationer
account-no-organizations = Du tillhör ingen organisation ännu.
account-create-organization = Skapa organisation
account-signed-out = Du är inte inloggad.
session-loading = Kontrollerar inloggning …

organization-new-title = Skapa organisation
organization-name = Namn
organization-kind = Typ av organisation
organization-org-number = Organisationsnummer
organization-org-number-hint = Tio siffror, till exempel 556000-0019.
organization-municipality = Kommun
organization-choose-municipality = Välj kommun
organization-description = Beskrivning
organization-website = Webbplats
organization-create = Skapa organisation
organization-loading = Hämtar organisationen …
organization-verified = Verifierad organisation
organization-not-verified = Inte verifierad ännu
organization-role = Din roll: { $role }
organization-members = Medlemmar
organization-add-member = Lägg till medlem
organization-add-member-submit = Lägg till
organization-member-role-label = Roll för { $name }
organization-remove-member = Ta bort
organization-api-keys = API-nycklar
organization-api-keys-none = Inga API-nycklar ännu.
organization-api-key-name = Nyckelns namn
organization-api-key-scopes = Behörigheter
organization-api-key-create = Skapa API-nyckel
organization-api-key-secret = Din nya API-nyckel visas bara nu. Kopiera den och förvara den säkert:
organization-api-key-copy = Kopiera
organization-api-key-copied = Kopierad.
organization-api-key-revoke = Återkalla
organization-api-key-revoked = Återkallad
organization-api-key-last-used = Senast använd: { $when }
organization-api-key-never-used = Aldrig använd

kind-housing_company = Bostadsbolag
kind-tenant_association = Hyresgästförening
kind-municipality = Kommun
kind-business = Företag
kind-civil_society = Ideell förening
kind-school = Skola
kind-research = Lärosäte, forskning
kind-public_agency = Myndighet

role-owner = Ägare
role-admin = Administratör
role-member = Medlem

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
start-area-labs = { $count ->
    [one] 1 pågående labb
   *[other] { $count } pågående labb
}
start-area-offerings = { $count ->
    [one] 1 erbjudande
   *[other] { $count } erbjudanden
}
start-newest-heading = Nyaste labben
start-newest-empty = Inga labb ännu.
start-newest-all = Alla labb
start-actors-heading = Har du ett erbjudande?
start-actors-needs-link = Se vad labben söker
start-actors-link = Till erbjudandena
start-actors-text = Föreningar, företag, skolor och forskare vars erbjudanden kan stödja arbetet ska hitta en tydlig väg in här och matchas mot bostadsbolagens behov.


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
organization-labs = Labb som organisationen är värd för
organization-labs-none = Organisationen är inte värd för något labb ännu.
organization-offerings = Erbjudanden
organization-offerings-none = Organisationen har inga aktiva erbjudanden.
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
webhooks = Webhooks
webhooks-intro = Era system kan få veta direkt när något händer – en matchning begärs, en idé byter status – genom en webhook: Innolabb skickar händelsen, signerad, till en adress ni anger. Se partnerguiden för hur mottagaren kontrollerar signaturen.
webhooks-loading = Hämtar webhooks …
webhooks-none = Inga webhooks ännu.
webhook-add = Lägg till webhook
webhook-url = Adress (https)
webhook-description = Beskrivning
webhook-events = Händelser
webhook-secret = Hemligheten för { $url } visas bara nu. Kopiera den till mottagaren, som kontrollerar signaturerna med den:
webhook-on = Påslagen
webhook-off = Avstängd
webhook-failing = Misslyckas sedan { $since }
webhook-disabled-gone = Avstängd: mottagaren svarade 410 Gone
webhook-disabled-failing = Avstängd: leveranserna misslyckades i fem dagar
webhook-switch-off = Stäng av
webhook-switch-on = Slå på
webhook-ping = Skicka ping
webhook-ping-sent = En ping är på väg till { $name }.
webhook-rotate = Byt hemlighet
webhook-remove = Ta bort
webhook-deliveries = Leveranser
webhook-deliveries-loading = Hämtar leveranser …
webhook-deliveries-none = Inga leveranser ännu.
webhook-deliveries-of = Senaste leveranserna till { $name }
webhook-deliveries-refresh = Uppdatera
webhook-delivery-created = Skapad
webhook-delivery-event = Händelse
webhook-delivery-status = Status
webhook-delivery-attempts = Försök
webhook-delivery-last = Senaste svar
webhook-delivery-pending = Väntar
webhook-delivery-succeeded = Levererad
webhook-delivery-failed = Misslyckad
webhook-attempt-status = { $code } på { $ms } ms
webhook-redeliver = Skicka igen

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

form-title = Rubrik
form-description = Beskrivning
form-load-latest = Läs in den senaste versionen
form-latest-loaded = Den senaste versionen är inläst och det du skrivit finns kvar. Spara igen för att ersätta den andra ändringen med din.
filter-all = Alla
filter-municipality = Kommun
filter-county = Län

labs-title = Innovationslabb
labs-lead = Här utvecklar, testar och verifierar bostadsbolag, hyresgäster, kommuner och forskare nya metoder tillsammans.
labs-filters = Sök och filtrera labb
labs-search = Sök
labs-apply = Visa labb
labs-results = Labb
labs-loading = Hämtar labb …
labs-empty = Inga labb matchar sökningen.
labs-count = { $count ->
    [one] Ett labb visas.
   *[other] { $count } labb visas.
}
labs-more = Visa fler labb
labs-new = Starta ett labb

lab-loading = Hämtar labbet …
lab-not-found = Labbet finns inte, eller så får du inte se det.
lab-edit = Ändra labbet
lab-edit-title = Ändra { $title }
lab-new-title = Starta ett labb
lab-new-needs-organization = Ett labb drivs av en organisation. Skapa din organisation först, eller be en kollega lägga till dig i er organisation.
lab-create = Starta labbet
lab-host = Värdorganisation
lab-hosted-by = Värd: { $host }
lab-summary = Sammanfattning
lab-description-hint = Du kan använda Markdown: ## rubrik, **fetstil**, - punktlista och [länk](https://…).
lab-challenge-area = Fokusområde
lab-neighbourhood = Bostadsområde
lab-starts-on = Startar
lab-ends-on = Slutar
lab-visibility = Synlighet
visibility-public = Öppet för alla
visibility-members = Bara för deltagande organisationer
lab-phase = Fas
lab-phase-move = Byt fas till
lab-phase-note = Kommentar
lab-phase-note-hint = Krävs när labbet går tillbaka en fas.
lab-phase-submit = Byt fas
lab-history = Labbets historik
lab-participants = Deltagare
lab-indicators = Indikatorer
lab-indicators-empty = Labbet har inga indikatorer ännu.
lab-needs = Behov
lab-needs-empty = Labbet har inga behov ännu.
lab-ideas = Idéer
lab-ideas-more = Visa fler idéer
lab-ideas-empty = Inga idéer ännu. Bli först!

phase-forming = Uppstart
phase-ideation = Idégenerering
phase-testing = Test
phase-verifying = Verifiering
phase-spreading = Spridning
phase-closed = Avslutat

participant-new = Bjud in en organisation
participant-search = Sök organisation
participant-organization = Organisation
participant-choose = Välj en organisation
participant-none-found = Ingen organisation matchar sökningen
participant-role = Roll i labbet
participant-add = Lägg till deltagaren
participant-remove = Ta bort
participant-host = värd
participant-partner = partner
participant-researcher = forskare
participant-tenant_representative = hyresgästrepresentant

section-loading = Hämtar …
indicator-new = Lägg till en indikator
indicator-name = Vad mäts
indicator-unit = Enhet
indicator-unit-hint = Till exempel ”deltagare per vecka” eller ”%”.
indicator-direction = Målet är att värdet ska
indicator-direction-increase = öka
indicator-direction-decrease = minska
indicator-create = Lägg till indikatorn
measurement-new = Ny mätning av { $indicator }
measurement-note = Kommentar
measurement-create = Spara mätningen
need-tags-hint = Skilj taggarna åt med kommatecken, till exempel ”läxhjälp, mentorer”. De hjälper matchningen.
indicator-progress = { $percent } % av vägen till målet
indicator-chart-description = Utgångsläge { $baseline }, mål { $target }, senaste mätning { $latest } ({ $unit }).
indicator-date = Datum
indicator-value = Värde
indicator-baseline = Utgångsläge
indicator-target = Mål

need-edit = Ändra läge och taggar
need-status = Läge
need-save = Spara
need-new = Lägg till ett behov
need-create = Lägg till behovet
need-tags = Taggar
need-status-open = Öppet
need-status-filled = Tillgodosett
need-status-withdrawn = Återkallat

idea-loading = Hämtar idén …
idea-not-found = Idén finns inte, eller så får du inte se den.
idea-new = Lämna en idé
idea-body = Beskriv idén
idea-on-behalf = Skicka som
idea-on-behalf-me = Mig själv
idea-edit = Ändra idén
idea-save = Spara idén
idea-submit = Skicka idén
idea-sign-in = Logga in för att lämna en idé, rösta och kommentera.
idea-votes = { $count ->
    [one] 1 röst
   *[other] { $count } röster
}
idea-comments = { $count ->
    [one] 1 kommentar
   *[other] { $count } kommentarer
}
idea-vote = Rösta på idén
idea-unvote = Ta tillbaka min röst
idea-status-submitted = Inskickad
idea-status-shortlisted = Utvald
idea-status-testing = Testas
idea-status-verified = Verifierad
idea-status-rejected = Avböjd
idea-status-archived = Arkiverad
idea-status-change = Ändra status
idea-status-new = Ny status
idea-reason = Motivering
idea-reason-hint = Krävs när en idé avböjs eller arkiveras. Den som lämnade idén får veta det.
idea-reason-shown = Motivering: { $reason }
idea-status-submit = Ändra status
idea-comments-heading = Kommentarer
comments-empty = Inga kommentarer ännu.
comment-new = Skriv en kommentar
comment-submit = Skicka kommentaren
comment-reply = Svara
comment-reply-submit = Skicka svaret
comment-remove = Ta bort kommentaren
comment-removed = Kommentaren är borttagen.

offerings-title = Erbjudanden
offerings-lead = Föreningar, sociala företag, företag, skolor och forskare erbjuder stöd till arbetet i bostadsområdena.
offerings-filters = Sök och filtrera erbjudanden
offerings-apply = Visa erbjudanden
offerings-loading = Hämtar erbjudanden …
offerings-empty = Inga erbjudanden matchar sökningen.
offerings-more = Visa fler erbjudanden
offering-loading = Hämtar erbjudandet …
offering-kind = Typ av erbjudande
offering-coverage = Finns i: { $places }
offering-suggestions = Behov som erbjudandet passar
coverage-national = hela landet
offering-kind-service = Tjänst
offering-kind-method = Metod
offering-kind-product = Produkt
offering-kind-funding = Finansiering
offering-kind-volunteering = Volontärinsats
offering-kind-expertise = Expertis
suggestion-score = Matchning: { $percent } %
suggestions-empty = Inga förslag just nu.
needs-title = Vad labben söker
needs-lead = Bostadsbolagens och labbens öppna behov. Har din organisation något att erbjuda? Öppna ett behov och be om matchning.
needs-filters = Sök och filtrera behov
needs-apply = Visa behov
needs-loading = Hämtar behov …
needs-empty = Inga öppna behov matchar sökningen.
needs-more = Visa fler behov
needs-in-lab = I labbet { $lab }
need-loading = Hämtar behovet …
need-suggestions = Föreslagna erbjudanden
need-suggestions-loading = Hämtar förslag …
match-request = Be om matchning
match-message = Meddelande
match-request-submit = Skicka förfrågan
matches-title = Matchningar
matches-direction = Visa matchningar
matches-incoming = Inkommande
matches-outgoing = Skickade
matches-for-need = För behovet: { $title }
matches-more = Visa fler matchningar
matches-loading = Hämtar matchningar …
matches-empty = Inga matchningar här ännu.
match-title = Matchning
match-state-requested = Förfrågan skickad
match-state-accepted = Accepterad
match-state-declined = Avböjd
match-state-withdrawn = Återkallad
match-state-active = Pågår
match-state-completed = Avslutad
match-action-accept = Acceptera
match-action-decline = Avböj
match-action-withdraw = Återkalla
match-action-start = Starta samarbetet
match-action-complete = Avsluta med resultat
match-actions = Vad vill ni göra?
match-note = Motivering eller resultat
match-note-hint = Krävs för att avböja (motivering) och avsluta (resultat).
match-outcome-shown = Resultat: { $outcome }
match-to-lab = Gör ett labb av matchningen
match-lab = Till labbet
match-thread = Samtal
match-request-message = Förfrågan:
match-write = Skriv ett meddelande
match-send = Skicka
notifications-title = Notiser
notifications-loading = Hämtar notiser …
notifications-empty = Inga notiser.
notifications-read-all = Markera alla som lästa
notifications-unread = { $count ->
    [0] Notiser, inga olästa
    [one] Notiser, 1 oläst
   *[other] Notiser, { $count } olästa
}
notification-unread-marker = Oläst:
notification-match_requested = Ny förfrågan om matchning: { $title }
notification-match_accepted = Er förfrågan accepterades: { $title }
notification-match_declined = Er förfrågan avböjdes: { $title }
notification-match_message = Nytt meddelande i matchningen: { $title }
notification-idea_status_changed = Din idé har fått ny status: { $title }
notification-comment_reply = Någon svarade på din kommentar: { $title }
notification-member_added = Du har lagts till i { $title }
notification-webhook_disabled = En webhook stängdes av eftersom mottagaren inte svarade: { $title }
notification-other = Något hände: { $title }

offering-new-needs-organization = Ett erbjudande kommer från en organisation. Skapa din organisation först, eller be en kollega lägga till dig i er organisation.
offering-new-title = Erbjud något
offering-create = Publicera erbjudandet
offering-edit = Ändra erbjudandet
offering-organization = Organisation som erbjuder
offering-reach = Var finns erbjudandet?
offering-reach-municipality = I en kommun
offering-reach-county = I ett helt län
offering-tags-hint = Skilj taggarna åt med kommatecken, till exempel: jobbcoachning, kvinnor
offering-status = Status
offering-status-active = Aktivt
offering-status-paused = Pausat
matches-state = Läge

methods-title = Metodbank
methods-lead = Metoder som labben har prövat och verifierat, med vad som talar för dem och var de har tagits i bruk. Bevisstegen följer Nestas skala: 1 beskriven, 2 data visar förändring, 3 jämförelsegrupp, 4 fungerar på en annan plats, 5 spridd med manual.
methods-loading = Läser in metoder …
methods-empty = Inga metoder passar filtren.
methods-more = Visa fler metoder
methods-filters = Filtrera metoder
methods-min-level = Minst bevissteg (enligt data)
methods-place-hint = Län och kommun visar metoder som har tagits i bruk där.
method-adoption-count = { $count ->
    [0] ännu inte tagen i bruk någon annanstans
    [one] tagen i bruk 1 gång
   *[other] tagen i bruk { $count } gånger
}
evidence-level-1 = Beskriven
evidence-level-2 = Data visar förändring
evidence-level-3 = Jämförelsegrupp
evidence-level-4 = Fungerar på en annan plats
evidence-level-5 = Spridd med manual
evidence-summary = { $level ->
    [0] Plattformens data stöder ännu inget bevissteg.
   *[other] Plattformens data stöder steg { $level } av 5.
}
evidence-claimed = påstått av ägaren
evidence-data = stöds av data
evidence-reviewed = granskat
evidence-holds = uppfylls
evidence-not-holds = uppfylls inte
evidence-empty = Inga bevis är registrerade ännu.
evidence-linked-measurements = Länkade mätningar
evidence-entry-level = Steg { $level }: { $name }
evidence-comparison-yes = Med jämförelsegrupp.
evidence-comparison-no = Utan jämförelsegrupp.
evidence-add = Lägg till bevis
evidence-level = Bevissteg
evidence-summary-field = Vad visar det?
evidence-comparison-field = En jämförelsegrupp finns
evidence-link-indicators = { $count ->
    [one] Länka metodens indikator
   *[other] Länka metodens { $count } indikatorer
}
evidence-source-title = Källans titel (valfri)
evidence-source-url = Källans adress (https://…)
evidence-add-submit = Lägg till
method-loading = Läser in metoden …
method-not-found = Metoden finns inte, eller så får du inte se den.
method-edit = Ändra metoden
method-new-title = Beskriv en metod
method-new-lead = En metod börjar som utkast som bara din organisation ser. Publicera den när den är färdigbeskriven. Har den vuxit fram i ett labb kan labbets värdar i stället göra den från labbets sida, med labbets mätningar länkade.
method-new-needs-organization = En metod ägs av en organisation. Skapa eller gå med i en först.
method-create = Spara utkast
method-organization = Ägande organisation
method-challenge-areas = Utmaningsområden
method-licence = Licens: { $licence }
method-licence-field = Licens
method-licence-hint = Till exempel CC-BY-4.0, så att andra får använda och bearbeta metoden.
method-status-draft = Utkast – syns bara för din organisation tills det publiceras.
method-status-retired = Avvecklad: { $reason }
method-owner-actions = Hantera metoden
method-publish = Publicera metoden
method-publish-hint = Utkastet syns bara för din organisation. När metoden publiceras syns den i metodbanken och kan tas i bruk av andra.
method-retire = Avveckla metoden
method-retire-reason = Varför avvecklas den?
method-retire-submit = Avveckla
method-evidence = Vad talar för metoden
method-review-note = Granskad till steg { $level }: { $note }
method-problem = Problemet
method-approach = Så går det till
method-results = Resultat
method-transfer = Vad det kräver på en ny plats
method-transfer-staff = Personal
method-transfer-time = Tid
method-transfer-cost = Kostnad
method-transfer-prerequisites = Förutsättningar
method-target-groups = Målgrupper: { $groups }
method-target-groups-field = Målgrupper
method-origin-labs = Labben den kommer från
method-resources = Material
method-resources-hint = Länkar till manualer, guider och rapporter. Steg 5 kräver en manual eller guide.
method-resource-title = Materialets titel { $number }
method-resource-url = Materialets adress { $number }
method-resource-kind = Materialets slag { $number }
method-resource-remove = Ta bort material { $number }
method-resource-add = Lägg till material
resource-kind-link = länk
resource-kind-manual = manual
resource-kind-guide = guide
resource-kind-report = rapport
method-spread = Spridning
spread-map-title = Var metoden kommer från och var den har tagits i bruk
spread-map-description = Tagen i bruk i: { $counties }.
spread-map-none = Metoden har ännu inte tagits i bruk någon annanstans.
spread-map-origins = Kommer från: { $counties }.
spread-legend-origin = ursprungslabb
spread-legend-adopted = tagen i bruk
spread-origin-labs = Ursprungslabb
spread-table-caption = Spridning per län
spread-county = Län
spread-adoptions = Användningar
spread-municipalities = Kommuner
spread-map-attribution = Karta: @svg-maps/sweden av Victor Cazanave, efter MapSVG, CC BY 4.0.
method-adoptions = Där metoden används
adoptions-empty = Ingen har tagit metoden i bruk ännu.
adoption-status-planned = planerad
adoption-status-running = pågår
adoption-status-completed = avslutad
adoption-status-discontinued = avbruten
adoption-started = startade { $date }
adoption-adaptations-shown = Anpassningar: { $text }
adoption-outcome-shown = Utfall: { $text }
adoption-lab-link = Till labbet som prövar metoden
adoption-measurements = Labbets mätningar
adopt-title = Vi vill använda metoden
adopt-lead = Berätta var ni tar metoden i bruk. Öppnar ni ett labb får det metodens indikatorer, så att ni mäter era egna resultat – och de räknas som bevis för metoden.
adopt-sign-in = Logga in för att ta metoden i bruk
adopt-organization = Organisation
adopt-as = Som { $organization }
adopt-municipality = Kommun
adopt-neighbourhood = Bostadsområde (valfritt)
adopt-started-on = Startdatum (valfritt)
adopt-status = Läge
adopt-adaptations = Anpassningar (valfritt)
adopt-create-lab = Öppna ett labb för att pröva metoden, med metodens indikatorer
adopt-submit = Ta metoden i bruk
form-choose = Välj …
lab-make-method-heading = Gör en metod av labbet
lab-make-method-text = Labbet har verifierat det det prövat. Gör ett metodutkast av det – med labbets beskrivning och mätningar – och publicera det i metodbanken när det är klart.
lab-make-method = Gör en metod av labbet
statistics-title = Statistik
statistics-lead = Plattformens öppna siffror. Labb som bara syns för deltagarna och metoder som är utkast räknas inte.
statistics-totals = Totalt
statistics-total-labs = Labb
statistics-total-ideas = Idéer
statistics-total-offerings = Erbjudanden
statistics-total-matches = Matchningar
statistics-total-methods = Metoder
statistics-total-adoptions = Användningar av metoder
statistics-total-organizations = Organisationer
statistics-labs-by-phase = Labb per fas
statistics-labs-by-area = Labb per utmaningsområde
statistics-ideas-by-status = Idéer per status
statistics-methods-by-level = Metoder per bevissteg (enligt data)
statistics-adoptions-by-county = Användningar av metoder per län
statistics-adoptions-by-month = Användningar av metoder per månad
statistics-matches-by-month = Matchningar per månad
statistics-matches-by-state = Matchningar per månad och läge
statistics-status = Status
statistics-month = Månad
statistics-count = Antal
statistics-none = Inget att visa ännu.
statistics-level-none = Inget steg
open-data-title = Öppna data
open-data-lead = Ladda ned plattformens offentliga uppgifter som CSV (UTF-8) eller JSON. Inga personuppgifter ingår. Välj semikolon för kalkylprogram inställda på svenska.
open-data-facts = { $rows ->
    [one] 1 rad
   *[other] { $rows } rader
} · skapad { $generated } · licens { $licence }
open-data-csv = { $name }.csv
open-data-csv-semicolon = { $name }.csv med semikolon
open-data-json = { $name }.json
open-data-columns = Kolumnerna i { $name }

## Search
search-label = Sök på Innolabb
search-placeholder = Sök labb, behov, idéer …
search-button = Sök
search-suggestions-label = Förslag
search-suggestion-count = { $count ->
    [one] Ett förslag. Välj med pil upp och pil ner.
   *[other] { $count } förslag. Välj med pil upp och pil ner.
}
search-title = Sök
search-prompt = Skriv vad du söker i sökfältet överst på sidan: labb, behov, idéer, erbjudanden och metoder söks tillsammans.
search-loading = Söker …
search-results-for = Du sökte på
search-corrected = Visar resultat för
search-empty = Inga träffar. Pröva ett annat ord eller en kortare sökning.
search-found = Sökningen är klar.
search-group-labs = Labb
search-group-needs = Behov
search-group-ideas = Idéer
search-group-offerings = Erbjudanden
search-group-methods = Metoder
search-all-labs = Alla labb om ”{ $q }”
search-all-needs = Alla behov om ”{ $q }”
search-all-offerings = Alla erbjudanden om ”{ $q }”
search-all-methods = Alla metoder om ”{ $q }”

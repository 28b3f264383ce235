# Texts the API writes, in Swedish: problems' titles and details, and field messages.
# Every id here must be in ../en/api.ftl too (a unit test in api/src/i18n.rs checks).

problem-invalid-parameter-title = Ogiltig parameter
problem-malformed-body-title = Felaktigt innehåll i begäran
problem-payload-too-large-title = För stort innehåll i begäran
problem-payload-too-large = Begärans innehåll får vara högst { $limit } byte.
problem-validation-title = Ogiltiga fält
problem-unauthorized-title = Inte inloggad
problem-unauthorized = Logga in, eller skicka en giltig åtkomsttoken eller API-nyckel som `Authorization: Bearer …`.
problem-forbidden-title = Inte tillåtet
problem-conflict-title = Konflikt
problem-invalid-transition-title = Bytet är inte tillåtet
problem-precondition-required-title = Villkor krävs
problem-precondition-required = Skicka versionen du läste som `If-Match: "<version>"` (GET-svarets `ETag`), så att ingens ändring skrivs över osedd.
problem-precondition-failed-title = Villkoret uppfylls inte
problem-precondition-failed = Någon annan har ändrat detta sedan du läste det; det är nu version { $version }. Läs det igen, gör din ändring och skicka den nya versionen.
problem-rate-limited-title = För många förfrågningar
problem-too-many-attempts = För många försök. Försök igen om { $seconds } sekunder.
problem-key-rate-limited = Den här API-nyckeln får göra { $limit } förfrågningar i minuten. Försök igen om { $seconds } sekunder.
problem-not-found-title = Hittades inte
problem-not-found = Det finns inget sådant, eller så får du inte se det.
problem-method-not-allowed-title = Metoden är inte tillåten
problem-method-not-allowed = Den här sökvägen svarar bara på { $methods }.
problem-unavailable-title = Tjänsten är inte tillgänglig
problem-unavailable = Tjänstens databas går inte att nå just nu, eller svarade inte i tid. Försök igen om en stund.
problem-internal-title = Internt fel
problem-internal = Något gick fel hos oss. Det är loggat under begärans id i huvudet X-Request-Id.
body-not-json = Skicka begärans innehåll som JSON, med Content-Type: application/json.
body-not-this-json = Innehållet är inte giltig JSON för den här operationen: { $error }
body-unreadable = Begärans innehåll kunde inte läsas.
parameter-malformed = har fel form: { $error }
problem-people-only = Det här är för inloggade personer, inte API-nycklar.
problem-refresh-token-invalid = Förnyelsetoken är inte giltig. Logga in igen.
problem-refresh-token-reused = Förnyelsetoken har redan använts, så sessionen har avslutats. Logga in igen.
field-not-your-organization = måste vara en organisation du tillhör
field-no-organization-yet = du tillhör ingen organisation ännu: skapa eller gå med i en först
field-which-organization = du tillhör flera organisationer: ange vilken
problem-review-outsiders-only = Bara plattformens administratörer och medlemmar i en forskningsorganisation som inte deltog i metoden granskar den.
problem-forbidden-on = Du får inte göra så med { $what ->
        [adoption] det här införandet
        [match] den här matchningen
        [lab] det här labbet
        [organisation] den här organisationen
        [method] den här metoden
        [comment] den här kommentaren
        [offering] det här erbjudandet
        [idea] den här idén
       *[other] det här
    }.
problem-platform-admins-only = Bara plattformens administratörer får göra det här.
problem-organization-verified-already = Organisationen är redan verifierad.
problem-missing-scope = Den här API-nyckeln saknar behörigheten { $scope }.
problem-owners-make-owners = Bara en ägare kan ge ägarrollen eller ändra en ägare.
body-not-object = Innehållet måste vara ett JSON-objekt.
field-too-long = får vara högst { $max } tecken
text-nul = Text får inte innehålla tecknet NUL (\u0000).
parameter-idempotency-key = måste vara 1 till { $max } synliga ASCII-tecken, till exempel ett UUID
field-idempotency-key-reused = har använts förut med en annan begäran; använd en ny nyckel för en ny begäran
problem-idempotency-key-in-flight = En begäran med denna Idempotency-Key behandlas fortfarande. Försök igen om en stund för att få dess svar.
parameter-limit = måste vara från 1 till { $max }
parameter-cursor-foreign = är ingen markör som detta API har gett ut
parameter-if-match = måste vara den ETag du läste, till exempel "3"
field-email = måste vara en e-postadress, till exempel namn@example.se
field-too-short = måste ha minst { $min } tecken
field-required = får inte vara tom
parameter-county = måste vara en länskod med två siffror, till exempel 05
parameter-municipality = måste vara en kommunkod med fyra siffror, till exempel 0581
field-ends-before-start = får inte vara före starts_on
field-date-range = måste vara mellan 1990-01-01 och 2100-12-31
field-target-above-baseline = måste ligga över utgångsvärdet för en indikator som ska öka
field-target-below-baseline = måste ligga under utgångsvärdet för en indikator som ska minska
field-number-range = måste vara ett tal mellan -10¹² och 10¹²
field-tag-length = varje tagg måste ha 1 till 40 tecken
field-too-many-tags = får vara högst 10 taggar
field-web-address = måste vara en adress som börjar med https:// eller http://
field-licence = måste vara en SPDX-licensbeteckning, till exempel CC-BY-4.0
field-too-many = får vara högst { $max }
field-level = måste vara en nivå från { $min } till 5
field-url-malformed = måste vara en fullständig adress med värdnamn
field-url-not-https = måste vara en https-adress
field-url-credentials = får inte innehålla användarnamn eller lösenord
field-url-private = får inte peka på en loopback-, privat, länklokal eller annan icke-publik adress
field-url-unresolvable = dess värdnamn går inte att slå upp
field-scopes-required = måste ange minst en behörighet
field-rate-limit = måste vara 1 till { $max }, eller null för standardgränsen
field-email-unchanged = är redan din adress
field-email-taken = Det finns redan ett konto med den här e-postadressen.
problem-wrong-credentials = Fel e-postadress eller lösenord.
body-refresh-token-too-long = refresh_token får vara högst { $max } tecken
field-challenge-area-unknown = är inget utmaningsområde (se /api/v1/challenge-areas)
field-challenge-areas-count = måste ange 1 till 4 utmaningsområden
field-challenge-areas-unknown = måste vara nycklar till utmaningsområden (se /api/v1/challenge-areas)
field-municipality-unknown = är ingen svensk kommunkod
parameter-challenge-area = måste vara ett utmaningsområdes nyckel, högst 40 tecken
parameter-audit-word = får bara innehålla små bokstäver a–z, _ och (i en händelse) punkt, högst 60 tecken
parameter-cursor-other-order = hör till listan i en annan ordning; börja om utan den
field-not-your-key-organization = måste vara API-nyckelns organisation
problem-lab-closed = Labbet är avslutat och tar inte emot nya idéer.
problem-idea-considered = En idé kan bara ändras medan den är inskickad; den här har redan behandlats.
field-idea-reason = ange varför idén avslås eller arkiveras
problem-idea-transition = En idé som är { $from } kan inte bli { $to }; den kan bli { $allowed }.
nothing-else = inget annat
field-comment-parent = måste vara en kommentar på översta nivån till den här idén som finns kvar (svar går en nivå djupt)
phase-forward = framåt till `{ $phase }`
phase-back = tillbaka till `{ $phase }` med en anteckning
or = {" "}eller{" "}
problem-phase-transition = Ett labb i fasen `{ $from }` kan inte gå till `{ $to }`; det kan gå { $moves }.
field-phase-back-note = ange varför labbet går tillbaka en fas
problem-last-host = Ett labb har alltid en värd: gör en annan organisation till värd först.
field-organization-unknown = är ingen registrerad organisation
field-nothing-visible = anger inget du kan se
field-same-organization = en organisation matchas inte med sig själv
problem-match-not-open = Behovet är inte längre öppet, eller så är erbjudandet pausat.
field-matched-already = Det här behovet och erbjudandet har redan en matchning.
field-decline-reason = ange varför ni avböjer
field-outcome = ange vad det blev av det
problem-match-transition = En matchning som är { $state } tillåter inte `{ $action }` av er sida; ni kan { $allowed }.
problem-match-not-a-lab = Bara en accepterad eller pågående matchning som ännu inte har något labb blir ett labb.
field-wrong-password = är inte ditt nuvarande lösenord
problem-last-owner = En organisation måste ha minst en ägare: gör någon annan till ägare först.
field-no-such-account = ingen har ett konto med den här e-postadressen; be personen skapa ett först
field-member-already = Personen är redan medlem.
field-lab-not-visible = anger ett labb du inte kan se
field-method-indicators = får vara högst 20 indikatorer från metodens ursprungslabb
field-method-ideas = får vara högst 20 verifierade idéer från metodens ursprungslabb
problem-method-transition = En metod som är `{ $from }` kan inte bli `{ $to }`.
field-review-level = får bekräfta eller sänka den angivna nivån, aldrig överskrida den
field-indicators-of-method = måste vara metodens indikatorer
problem-adopt-published-only = Bara en publicerad metod kan införas.
problem-lab-not-verifying = Ett labb blir en metod när det verifierar sina resultat; det här är `{ $phase }`.
field-coverage-required = ange var det erbjuds: i hela landet, i län eller i kommuner
field-coverage-too-many = högst 21 län och 50 kommuner; välj hela landet i stället
field-county-unknown = { $code } är ingen länskod
field-municipality-code-unknown = { $code } är ingen kommunkod
parameter-separator = måste vara `comma` eller `semicolon`
field-org-number = måste vara ett svenskt organisationsnummer, till exempel 556000-0019
field-org-number-taken = En organisation med det här organisationsnumret är redan registrerad.
field-events-required = måste ange minst en händelse
field-event-unknown = { $event } är ingen händelse; händelserna är { $events }

# E-mail.
mail-greeting = Hej { $name }!
mail-signature = Hälsningar
    Innolabb
mail-verify-subject = Bekräfta din e-postadress
mail-verify-body = Bekräfta att { $email } är din adress hos Innolabb. Länken gäller i 48 timmar och kan användas en gång.
mail-verify-action = Bekräfta e-postadressen
mail-verify-ignore = Har du inte skapat något konto hos Innolabb? Då kan du bortse från det här meddelandet.
mail-reset-subject = Välj ett nytt lösenord
mail-reset-body = Någon, förhoppningsvis du, bad om att få välja ett nytt lösenord till ditt konto hos Innolabb. Länken gäller i en timme och kan användas en gång. När du har valt ett nytt lösenord loggas alla dina inloggningar ut.
mail-reset-action = Välj nytt lösenord
mail-reset-ignore = Bad du inte om det? Då kan du bortse från meddelandet: ditt lösenord är oförändrat.
field-token-invalid = Länken är ogiltig, redan använd eller för gammal. Be om en ny.
problem-email-verified-already = Din e-postadress är redan bekräftad.
problem-email-unverified = Bekräfta din e-postadress först: följ länken i mejlet vi skickade (du kan be om ett nytt under Mitt konto).
field-role-needs-verified-email = Personen har inte bekräftat sin e-postadress än. Hen kan bli medlem, men ägare eller administratör först när adressen är bekräftad.

# Notification mail: what each notification says, and how to stop them.
notification-match_requested = Ny förfrågan om matchning: { $title }
notification-match_accepted = Er förfrågan accepterades: { $title }
notification-match_declined = Er förfrågan avböjdes: { $title }
notification-match_withdrawn = En förfrågan drogs tillbaka: { $title }
notification-match_started = Matchningen har startat: { $title }
notification-match_completed = Matchningen är avslutad: { $title }
notification-match_message = Nytt meddelande i matchningen: { $title }
notification-idea_status_changed = Din idé har fått ny status: { $title }
notification-comment_reply = Någon svarade på din kommentar: { $title }
notification-member_added = Du har lagts till i { $title }
notification-webhook_disabled = En webhook stängdes av eftersom mottagaren inte svarade: { $title }
notification-method_published = En metod har publicerats i metodbanken: { $title }
notification-method_adopted = Er metod har införts av fler: { $title }
notification-other = Något hände: { $title }
mail-notification-open = Öppna i Innolabb
mail-notification-why = Du får det här mejlet eftersom du vill få besked direkt om sådant. Ändra det under Mitt konto: { $settings }
    Sluta få mejl om sådant: { $unsubscribe }
mail-digest-daily-subject = Dagens sammanfattning från Innolabb
mail-digest-weekly-subject = Veckans sammanfattning från Innolabb
mail-digest-intro = { $count ->
    [one] Det här har hänt sedan sist, och du har inte läst det än:
   *[other] Det här har hänt sedan sist, och du har inte läst det än ({ $count } saker):
}
mail-digest-open = Se alla aviseringar
mail-digest-why = Du får en sammanfattning av det du inte har läst. Ändra hur ofta under Mitt konto: { $settings }
    Sluta få mejl från Innolabb: { $unsubscribe }
notification-content_hidden = En moderator har dolt det du skrev: { $title }
notification-content_restored = Det du skrev visas igen: { $title }
field-report-target-unknown = Det finns inget sådant som du kan se.
field-report-open-already = Du har redan anmält det här; moderatorerna har inte tagit ställning än.
problem-report-decided = Anmälan är redan avgjord.
problem-last-owner-of = Du är den enda ägaren av { $organizations }. Gör någon annan till ägare först, så att organisationen inte blir utan.
field-form-automated = Formuläret verkar ha fyllts i av ett program. Fyll i det själv och skicka det igen.
mail-rejected-subject = { $name } är inte verifierad
mail-rejected-body = Vi har granskat { $name } men kan inte verifiera organisationen. Administratörens skäl:
mail-rejected-next = Rätta uppgifterna på organisationens sida och spara, så granskar vi den igen.
mail-rejected-action = Öppna organisationen
mail-change-subject = Din e-postadress hos Innolabb ska bytas
mail-change-body = Någon, förhoppningsvis du, bad om att ditt konto hos Innolabb ska flytta till { $email }. Kontot flyttar när länken som skickats dit följs; till dess gäller den här adressen.
mail-change-action = Var det inte du? Välj ett nytt lösenord
mail-change-ignore = Bad du om bytet? Då behöver du inte göra något här.

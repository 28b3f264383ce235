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

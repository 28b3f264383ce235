app-name = Innolabb
app-tagline = The public-housing innovation labs
skip-to-content = Skip to content
nav-label = Main menu
nav-start = Start
nav-labs = Labs
nav-offerings = Offerings
nav-methods = Method bank
nav-statistics = Statistics
language-label = Language
footer-text = Innolabb – a platform for the public-housing innovation labs against exclusion and housing segregation.
footer-api-docs = API documentation

start-title = Innovation labs against exclusion and segregation
start-lead = Housing companies, tenants, municipalities, researchers and local actors develop, test and verify methods together – and spread the ones that work to more neighbourhoods across the country.
start-areas-heading = Four challenge areas
start-areas-loading = Loading challenge areas …
start-areas-empty = There are no challenge areas yet.
start-actors-heading = Do you have an offering?
start-actors-text = Associations, businesses, schools and researchers whose offerings can support the work will find a clear way in here and be matched with housing companies' needs. The marketplace for offerings opens soon.

page-labs-title = Innovation labs
page-offerings-title = Offerings
page-methods-title = Method bank
page-statistics-title = Statistics
coming-soon = This part of Innolabb is being built and is coming soon.

not-found-title = Page not found
not-found-text = There is no page at this address.
not-found-home = Go to the start page

error-generic = Something went wrong. Please try again shortly.
error-retry = Try again

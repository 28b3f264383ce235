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
start-area-labs = { $count ->
    [one] 1 running lab
   *[other] { $count } running labs
}
start-area-offerings = { $count ->
    [one] 1 offering
   *[other] { $count } offerings
}
start-newest-heading = Newest labs
start-newest-empty = No labs yet.
start-newest-all = All labs
start-actors-heading = Do you have an offering?
start-actors-needs-link = See what the labs are looking for
start-actors-link = To the offerings
start-actors-text = Associations, businesses, schools and researchers whose offerings can support the work will find a clear way in here and be matched with housing companies' needs.


not-found-title = Page not found
not-found-text = There is no page at this address.
not-found-home = Go to the start page

error-generic = Something went wrong. Please try again shortly.
error-retry = Try again

nav-sign-in = Sign in
nav-register = Create account
nav-account = My account
sign-out = Sign out

form-email = E-mail address
form-password = Password
form-password-hint = At least 10 characters.
form-display-name = Name
form-saving = Saving …
form-saved = Saved.
form-error-summary = Something needs correcting before it can be saved.
form-error-stale = Someone else changed this since you opened it. What you typed is still here: load the latest version and save again.

register-title = Create account
register-submit = Create account
register-have-account = Already have an account? Sign in.
login-title = Sign in
login-submit = Sign in
login-failed = Wrong e-mail address or password.
login-throttled = Too many failed attempts. Wait a while and try again.
login-no-account = No account? Create one.

account-title = My account
account-profile = Profile
account-language = Language
account-save = Save
account-organizations = My organisations
account-no-organizations = You do not belong to an organisation yet.
account-create-organization = Create organisation
account-signed-out = You are not signed in.
session-loading = Checking your sign-in …

organization-new-title = Create organisation
organization-name = Name
organization-kind = Kind of organisation
organization-org-number = Organisation number
organization-org-number-hint = Ten digits, for example 556000-0019.
organization-municipality = Municipality
organization-choose-municipality = Choose a municipality
organization-description = Description
organization-website = Website
organization-create = Create organisation
organization-labs = Labs the organisation hosts
organization-labs-none = The organisation hosts no lab yet.
organization-offerings = Offerings
organization-offerings-none = The organisation has no active offerings.
organization-loading = Loading the organisation …
organization-verified = Verified organisation
organization-not-verified = Not verified yet
organization-role = Your role: { $role }
organization-members = Members
organization-add-member = Add member
organization-add-member-submit = Add
organization-member-role-label = Role of { $name }
organization-remove-member = Remove
organization-api-keys = API keys
organization-api-keys-none = No API keys yet.
organization-api-key-name = Key name
organization-api-key-scopes = Permissions
organization-api-key-create = Create API key
organization-api-key-secret = Your new API key is shown only now. Copy it and keep it safe:
organization-api-key-copy = Copy
organization-api-key-copied = Copied.
organization-api-key-revoke = Revoke
organization-api-key-revoked = Revoked
organization-api-key-last-used = Last used: { $when }
organization-api-key-never-used = Never used
webhooks = Webhooks
webhooks-intro = Your systems can learn at once when something happens – a match is requested, an idea changes status – through a webhook: Innolabb sends the event, signed, to an address you give. See the partner guide for how the receiver checks the signature.
webhooks-loading = Loading webhooks …
webhooks-none = No webhooks yet.
webhook-add = Add webhook
webhook-url = Address (https)
webhook-description = Description
webhook-events = Events
webhook-secret = The secret for { $url } is shown only now. Copy it to the receiver, which checks the signatures with it:
webhook-on = On
webhook-off = Off
webhook-failing = Failing since { $since }
webhook-disabled-gone = Switched off: the receiver answered 410 Gone
webhook-disabled-failing = Switched off: deliveries failed for five days
webhook-switch-off = Switch off
webhook-switch-on = Switch on
webhook-ping = Send ping
webhook-ping-sent = A ping is on its way to { $name }.
webhook-rotate = Rotate secret
webhook-remove = Remove
webhook-deliveries = Deliveries
webhook-deliveries-loading = Loading deliveries …
webhook-deliveries-none = No deliveries yet.
webhook-deliveries-of = Latest deliveries to { $name }
webhook-deliveries-refresh = Refresh
webhook-delivery-created = Created
webhook-delivery-event = Event
webhook-delivery-status = Status
webhook-delivery-attempts = Attempts
webhook-delivery-last = Last answer
webhook-delivery-pending = Waiting
webhook-delivery-succeeded = Delivered
webhook-delivery-failed = Failed
webhook-attempt-status = { $code } in { $ms } ms
webhook-redeliver = Send again

kind-housing_company = Housing company
kind-tenant_association = Tenants' association
kind-municipality = Municipality
kind-business = Business
kind-civil_society = Civil-society organisation
kind-school = School
kind-research = Research
kind-public_agency = Public agency

role-owner = Owner
role-admin = Admin
role-member = Member

form-title = Title
form-description = Description
form-load-latest = Load the latest version
form-latest-loaded = The latest version is loaded and what you typed is still here. Save again to replace the other change with yours.
filter-all = All
filter-municipality = Municipality
filter-county = County

labs-title = Innovation labs
labs-lead = Here housing companies, tenants, municipalities and researchers develop, test and verify new methods together.
labs-filters = Search and filter labs
labs-search = Search
labs-apply = Show labs
labs-results = Labs
labs-loading = Loading labs …
labs-empty = No labs match the search.
labs-count = { $count ->
    [one] One lab shown.
   *[other] { $count } labs shown.
}
labs-more = Show more labs
labs-new = Start a lab

lab-loading = Loading the lab …
lab-not-found = The lab does not exist, or you may not see it.
lab-edit = Edit the lab
lab-edit-title = Edit { $title }
lab-new-title = Start a lab
lab-new-needs-organization = A lab is run by an organisation. Create your organisation first, or ask a colleague to add you to yours.
lab-create = Start the lab
lab-host = Host organisation
lab-hosted-by = Host: { $host }
lab-summary = Summary
lab-description-hint = You can use Markdown: ## heading, **bold**, - bullet list and [link](https://…).
lab-challenge-area = Challenge area
lab-neighbourhood = Neighbourhood
lab-starts-on = Starts
lab-ends-on = Ends
lab-visibility = Visibility
visibility-public = Open to everyone
visibility-members = Only participating organisations
lab-phase = Phase
lab-phase-move = Change phase to
lab-phase-note = Note
lab-phase-note-hint = Required when the lab goes back a phase.
lab-phase-submit = Change phase
lab-history = The lab's history
lab-participants = Participants
lab-indicators = Indicators
lab-indicators-empty = The lab has no indicators yet.
lab-needs = Needs
lab-needs-empty = The lab has no needs yet.
lab-ideas = Ideas
lab-ideas-more = Show more ideas
lab-ideas-empty = No ideas yet. Be the first!

phase-forming = Forming
phase-ideation = Ideation
phase-testing = Testing
phase-verifying = Verifying
phase-spreading = Spreading
phase-closed = Closed

participant-new = Invite an organisation
participant-search = Search organisations
participant-organization = Organisation
participant-choose = Choose an organisation
participant-none-found = No organisation matches the search
participant-role = Role in the lab
participant-add = Add the participant
participant-remove = Remove
participant-host = host
participant-partner = partner
participant-researcher = researcher
participant-tenant_representative = tenant representative

section-loading = Loading …
indicator-new = Add an indicator
indicator-name = What is measured
indicator-unit = Unit
indicator-unit-hint = For example "participants per week" or "%".
indicator-direction = The aim is for the value to
indicator-direction-increase = increase
indicator-direction-decrease = decrease
indicator-create = Add the indicator
measurement-new = New measurement of { $indicator }
measurement-note = Note
measurement-create = Save the measurement
need-tags-hint = Separate the tags with commas, for example "homework help, mentors". They help the matching.
indicator-progress = { $percent } % of the way to the target
indicator-chart-description = Baseline { $baseline }, target { $target }, latest measurement { $latest } ({ $unit }).
indicator-date = Date
indicator-value = Value
indicator-baseline = Baseline
indicator-target = Target

need-edit = Change status and tags
need-status = Status
need-save = Save
need-new = Add a need
need-create = Add the need
need-tags = Tags
need-status-open = Open
need-status-filled = Filled
need-status-withdrawn = Withdrawn

idea-loading = Loading the idea …
idea-not-found = The idea does not exist, or you may not see it.
idea-new = Post an idea
idea-body = Describe the idea
idea-on-behalf = Post as
idea-on-behalf-me = Myself
idea-edit = Change the idea
idea-save = Save the idea
idea-submit = Post the idea
idea-sign-in = Sign in to post an idea, vote and comment.
idea-votes = { $count ->
    [one] 1 vote
   *[other] { $count } votes
}
idea-comments = { $count ->
    [one] 1 comment
   *[other] { $count } comments
}
idea-vote = Vote for the idea
idea-unvote = Take back my vote
idea-status-submitted = Submitted
idea-status-shortlisted = Shortlisted
idea-status-testing = Testing
idea-status-verified = Verified
idea-status-rejected = Rejected
idea-status-archived = Archived
idea-status-change = Change status
idea-status-new = New status
idea-reason = Reason
idea-reason-hint = Required when an idea is rejected or archived. Whoever posted it is told.
idea-reason-shown = Reason: { $reason }
idea-status-submit = Change status
idea-comments-heading = Comments
comments-empty = No comments yet.
comment-new = Write a comment
comment-submit = Post the comment
comment-reply = Reply
comment-reply-submit = Post the reply
comment-remove = Remove the comment
comment-removed = The comment has been removed.

offerings-title = Offerings
offerings-lead = Associations, social enterprises, businesses, schools and researchers offer support to the work in the neighbourhoods.
offerings-filters = Search and filter offerings
offerings-apply = Show offerings
offerings-loading = Loading offerings …
offerings-empty = No offerings match the search.
offerings-more = Show more offerings
offering-loading = Loading the offering …
offering-kind = Kind of offering
offering-coverage = Available in: { $places }
offering-suggestions = Needs the offering fits
coverage-national = the whole country
offering-kind-service = Service
offering-kind-method = Method
offering-kind-product = Product
offering-kind-funding = Funding
offering-kind-volunteering = Volunteering
offering-kind-expertise = Expertise
suggestion-score = Match: { $percent } %
suggestions-empty = No suggestions right now.
needs-title = What the labs are looking for
needs-lead = The open needs of housing companies and their labs. Does your organisation have something to offer? Open a need and ask for a match.
needs-filters = Search and filter needs
needs-apply = Show needs
needs-loading = Loading needs …
needs-empty = No open needs match the search.
needs-more = Show more needs
needs-in-lab = In the lab { $lab }
need-loading = Loading the need …
need-suggestions = Suggested offerings
need-suggestions-loading = Loading suggestions …
match-request = Request a match
match-message = Message
match-request-submit = Send the request
matches-title = Matches
matches-direction = Show matches
matches-incoming = Incoming
matches-outgoing = Sent
matches-for-need = For the need: { $title }
matches-more = Show more matches
matches-loading = Loading matches …
matches-empty = No matches here yet.
match-title = Match
match-state-requested = Requested
match-state-accepted = Accepted
match-state-declined = Declined
match-state-withdrawn = Withdrawn
match-state-active = Active
match-state-completed = Completed
match-action-accept = Accept
match-action-decline = Decline
match-action-withdraw = Withdraw
match-action-start = Start working together
match-action-complete = Complete with an outcome
match-actions = What would you like to do?
match-note = Reason or outcome
match-note-hint = Required to decline (reason) and to complete (outcome).
match-outcome-shown = Outcome: { $outcome }
match-to-lab = Make a lab of the match
match-lab = To the lab
match-thread = Conversation
match-request-message = Request:
match-write = Write a message
match-send = Send
notifications-title = Notifications
notifications-loading = Loading notifications …
notifications-empty = No notifications.
notifications-read-all = Mark all as read
notifications-unread = { $count ->
    [0] Notifications, none unread
    [one] Notifications, 1 unread
   *[other] Notifications, { $count } unread
}
notification-unread-marker = Unread:
notification-match_requested = New match request: { $title }
notification-match_accepted = Your request was accepted: { $title }
notification-match_declined = Your request was declined: { $title }
notification-match_message = New message in the match: { $title }
notification-idea_status_changed = Your idea has a new status: { $title }
notification-comment_reply = Someone replied to your comment: { $title }
notification-member_added = You were added to { $title }
notification-webhook_disabled = A webhook was switched off after its endpoint failed: { $title }
notification-other = Something happened: { $title }

offering-new-needs-organization = An offering comes from an organisation. Create your organisation first, or ask a colleague to add you to yours.
offering-new-title = Offer something
offering-create = Publish the offering
offering-edit = Edit the offering
offering-organization = Organisation offering it
offering-reach = Where is it offered?
offering-reach-municipality = In one municipality
offering-reach-county = In a whole county
offering-tags-hint = Separate the tags with commas, for example: job coaching, women
offering-status = Status
offering-status-active = Active
offering-status-paused = Paused
matches-state = State

methods-title = Method bank
methods-lead = Methods the labs have tried and verified, with what speaks for them and where they have been taken up. The evidence steps follow Nesta's scale: 1 described, 2 data shows change, 3 comparison group, 4 works in another place, 5 spread with a manual.
methods-loading = Loading methods …
methods-empty = No methods fit the filters.
methods-more = Show more methods
methods-filters = Filter methods
methods-min-level = At least evidence step (by data)
methods-place-hint = County and municipality show methods that have been taken up there.
method-adoption-count = { $count ->
    [0] not yet taken up elsewhere
    [one] taken up once
   *[other] taken up { $count } times
}
evidence-level-1 = Described
evidence-level-2 = Data shows change
evidence-level-3 = Comparison group
evidence-level-4 = Works in another place
evidence-level-5 = Spread with a manual
evidence-summary = { $level ->
    [0] The platform's data supports no evidence step yet.
   *[other] The platform's data supports step { $level } of 5.
}
evidence-claimed = claimed by the owner
evidence-data = supported by data
evidence-reviewed = reviewed
evidence-holds = holds
evidence-not-holds = does not hold
evidence-empty = No evidence is recorded yet.
evidence-linked-measurements = Linked measurements
evidence-entry-level = Step { $level }: { $name }
evidence-comparison-yes = With a comparison group.
evidence-comparison-no = Without a comparison group.
evidence-add = Add evidence
evidence-level = Evidence step
evidence-summary-field = What does it show?
evidence-comparison-field = There is a comparison group
evidence-link-indicators = { $count ->
    [one] Link the method's indicator
   *[other] Link the method's { $count } indicators
}
evidence-source-title = Source title (optional)
evidence-source-url = Source address (https://…)
evidence-add-submit = Add
method-loading = Loading the method …
method-not-found = The method does not exist, or you may not see it.
method-edit = Change the method
method-new-title = Describe a method
method-new-lead = A method starts as a draft only your organisation sees. Publish it when it is fully described. If it grew out of a lab, the lab's hosts can make it from the lab's page instead, with the lab's measurements linked.
method-new-needs-organization = A method is owned by an organisation. Create or join one first.
method-create = Save draft
method-organization = Owning organisation
method-challenge-areas = Challenge areas
method-licence = Licence: { $licence }
method-licence-field = Licence
method-licence-hint = For example CC-BY-4.0, so that others may use and adapt the method.
method-status-draft = Draft – seen only by your organisation until it is published.
method-status-retired = Retired: { $reason }
method-owner-actions = Manage the method
method-publish = Publish the method
method-publish-hint = The draft is seen only by your organisation. Once published, the method shows in the method bank and others can take it up.
method-retire = Retire the method
method-retire-reason = Why is it retired?
method-retire-submit = Retire
method-evidence = What speaks for the method
method-review-note = Reviewed at step { $level }: { $note }
method-problem = The problem
method-approach = How it works
method-results = Results
method-transfer = What it takes in a new place
method-transfer-staff = Staff
method-transfer-time = Time
method-transfer-cost = Cost
method-transfer-prerequisites = Prerequisites
method-target-groups = Target groups: { $groups }
method-target-groups-field = Target groups
method-origin-labs = The labs it comes from
method-resources = Resources
method-resources-hint = Links to manuals, guides and reports. Step 5 needs a manual or a guide.
method-resource-title = Resource title { $number }
method-resource-url = Resource address { $number }
method-resource-kind = Kind of resource { $number }
method-resource-remove = Remove resource { $number }
method-resource-add = Add a resource
resource-kind-link = link
resource-kind-manual = manual
resource-kind-guide = guide
resource-kind-report = report
method-spread = Spread
spread-map-title = Where the method comes from and where it has been taken up
spread-map-description = Taken up in: { $counties }.
spread-map-none = The method has not yet been taken up elsewhere.
spread-map-origins = Comes from: { $counties }.
spread-legend-origin = origin labs
spread-legend-adopted = taken up
spread-origin-labs = Origin labs
spread-table-caption = Spread by county
spread-county = County
spread-adoptions = Adoptions
spread-municipalities = Municipalities
spread-map-attribution = Map: @svg-maps/sweden by Victor Cazanave, after MapSVG, CC BY 4.0.
method-adoptions = Where the method is used
adoptions-empty = Nobody has taken the method up yet.
adoption-status-planned = planned
adoption-status-running = running
adoption-status-completed = completed
adoption-status-discontinued = discontinued
adoption-started = started { $date }
adoption-adaptations-shown = Adaptations: { $text }
adoption-outcome-shown = Outcome: { $text }
adoption-lab-link = To the lab trying the method
adoption-measurements = The lab's measurements
adopt-title = We want to use the method
adopt-lead = Tell where you take the method up. If you open a lab, it gets the method's indicators, so that you measure your own results – and they count as evidence for the method.
adopt-sign-in = Sign in to take the method up
adopt-organization = Organisation
adopt-as = As { $organization }
adopt-municipality = Municipality
adopt-neighbourhood = Neighbourhood (optional)
adopt-started-on = Start date (optional)
adopt-status = State
adopt-adaptations = Adaptations (optional)
adopt-create-lab = Open a lab to try the method, with the method's indicators
adopt-submit = Take the method up
form-choose = Choose …
lab-make-method-heading = Make a method of the lab
lab-make-method-text = The lab has verified what it tried. Make a method draft of it – with the lab's description and measurements – and publish it in the method bank when it is ready.
lab-make-method = Make a method of the lab
statistics-title = Statistics
statistics-lead = The platform's public figures. Labs seen only by their participants and draft methods are not counted.
statistics-totals = In all
statistics-total-labs = Labs
statistics-total-ideas = Ideas
statistics-total-offerings = Offerings
statistics-total-matches = Matches
statistics-total-methods = Methods
statistics-total-adoptions = Adoptions of methods
statistics-total-organizations = Organisations
statistics-labs-by-phase = Labs by phase
statistics-labs-by-area = Labs by challenge area
statistics-ideas-by-status = Ideas by status
statistics-methods-by-level = Methods by evidence step (by data)
statistics-adoptions-by-county = Adoptions of methods by county
statistics-adoptions-by-month = Adoptions of methods by month
statistics-matches-by-month = Matches by month
statistics-matches-by-state = Matches by month and state
statistics-status = Status
statistics-month = Month
statistics-count = Number
statistics-none = Nothing to show yet.
statistics-level-none = No step
open-data-title = Open data
open-data-lead = Download the platform's public records as CSV (UTF-8) or JSON. No personal data is included. Choose semicolons for spreadsheet programs set to Swedish.
open-data-facts = { $rows ->
    [one] 1 row
   *[other] { $rows } rows
} · generated { $generated } · licence { $licence }
open-data-csv = { $name }.csv
open-data-csv-semicolon = { $name }.csv with semicolons
open-data-json = { $name }.json
open-data-columns = The columns of { $name }

## Search
search-label = Search Innolabb
search-placeholder = Search labs, needs, ideas …
search-button = Search
search-suggestions-label = Suggestions
search-suggestion-count = { $count ->
    [one] One suggestion. Choose with the up and down arrow keys.
   *[other] { $count } suggestions. Choose with the up and down arrow keys.
}
search-title = Search
search-prompt = Type what you are looking for in the search field at the top of the page: labs, needs, ideas, offerings and methods are searched together.
search-loading = Searching …
search-results-for = You searched for
search-corrected = Showing results for
search-empty = Nothing found. Try another word or a shorter search.
search-found = The search is done.
search-group-labs = Labs
search-group-needs = Needs
search-group-ideas = Ideas
search-group-offerings = Offerings
search-group-methods = Methods
search-all-labs = All labs about “{ $q }”
search-all-needs = All needs about “{ $q }”
search-all-offerings = All offerings about “{ $q }”
search-all-methods = All methods about “{ $q }”

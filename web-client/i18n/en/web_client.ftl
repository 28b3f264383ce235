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

page-methods-title = Method bank
page-statistics-title = Statistics
coming-soon = This part of Innolabb is being built and is coming soon.

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

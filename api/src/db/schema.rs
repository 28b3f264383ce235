// The tables, as diesel sees them. Kept by hand in step with `migrations/`.

diesel::table! {
    challenge_areas (key) {
        key -> Text,
        position -> Int4,
        name_sv -> Text,
        name_en -> Text,
        description_sv -> Text,
        description_en -> Text,
    }
}

diesel::table! {
    counties (code) {
        code -> Text,
        name -> Text,
    }
}

diesel::table! {
    municipalities (code) {
        code -> Text,
        name -> Text,
        county_code -> Text,
    }
}

diesel::joinable!(municipalities -> counties (county_code));

diesel::table! {
    users (id) {
        id -> Uuid,
        email -> Text,
        password_hash -> Text,
        display_name -> Text,
        locale -> Text,
        is_platform_admin -> Bool,
        version -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        email_verified_at -> Nullable<Timestamptz>,
        deleted_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    refresh_tokens (id) {
        id -> Uuid,
        user_id -> Uuid,
        family_id -> Uuid,
        token_hash -> Bytea,
        expires_at -> Timestamptz,
        used_at -> Nullable<Timestamptz>,
        revoked_at -> Nullable<Timestamptz>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    organizations (id) {
        id -> Uuid,
        name -> Text,
        kind -> Text,
        org_number -> Text,
        municipality_code -> Text,
        description -> Text,
        website -> Nullable<Text>,
        verified -> Bool,
        verified_at -> Nullable<Timestamptz>,
        version -> Int4,
        rejected_at -> Nullable<Timestamptz>,
        rejection_reason -> Text,
        hidden_at -> Nullable<Timestamptz>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    memberships (organization_id, user_id) {
        organization_id -> Uuid,
        user_id -> Uuid,
        role -> Text,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    api_keys (id) {
        id -> Uuid,
        organization_id -> Uuid,
        name -> Text,
        prefix -> Text,
        secret_hash -> Bytea,
        scopes -> Array<Text>,
        created_by -> Nullable<Uuid>,
        created_at -> Timestamptz,
        last_used_at -> Nullable<Timestamptz>,
        revoked_at -> Nullable<Timestamptz>,
        rate_limit -> Nullable<Int4>,
    }
}

diesel::table! {
    rate_limits (key) {
        key -> Text,
        window_start -> Timestamptz,
        count -> Int4,
    }
}

diesel::table! {
    audit_log (id) {
        id -> Uuid,
        actor_user_id -> Nullable<Uuid>,
        actor_api_key_id -> Nullable<Uuid>,
        action -> Text,
        subject_type -> Text,
        subject_id -> Uuid,
        details -> Jsonb,
        created_at -> Timestamptz,
        organization_ids -> Array<Uuid>,
    }
}

diesel::table! {
    labs (id) {
        id -> Uuid,
        host_organization_id -> Uuid,
        title -> Text,
        summary -> Text,
        description -> Text,
        description_html -> Text,
        challenge_area -> Text,
        municipality_code -> Text,
        neighbourhood -> Text,
        starts_on -> Nullable<Date>,
        ends_on -> Nullable<Date>,
        visibility -> Text,
        phase -> Text,
        created_by -> Nullable<Uuid>,
        version -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        title_parts -> Nullable<Text>,
        text_parts -> Nullable<Text>,
        hidden_at -> Nullable<Timestamptz>,
        listed -> Bool,
    }
}

diesel::table! {
    lab_participants (lab_id, organization_id) {
        lab_id -> Uuid,
        organization_id -> Uuid,
        role -> Text,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    lab_indicators (id) {
        id -> Uuid,
        lab_id -> Uuid,
        name -> Text,
        unit -> Text,
        baseline -> Float8,
        target -> Float8,
        direction -> Text,
        created_at -> Timestamptz,
        copied_from -> Nullable<Uuid>,
    }
}

diesel::table! {
    indicator_measurements (id) {
        id -> Uuid,
        indicator_id -> Uuid,
        measured_on -> Date,
        value -> Float8,
        note -> Text,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    needs (id) {
        id -> Uuid,
        lab_id -> Uuid,
        organization_id -> Uuid,
        title -> Text,
        description -> Text,
        challenge_area -> Text,
        municipality_code -> Text,
        tags -> Array<Text>,
        status -> Text,
        created_by -> Nullable<Uuid>,
        version -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        title_parts -> Nullable<Text>,
        text_parts -> Nullable<Text>,
        hidden_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    ideas (id) {
        id -> Uuid,
        lab_id -> Uuid,
        author_id -> Nullable<Uuid>,
        organization_id -> Nullable<Uuid>,
        title -> Text,
        body -> Text,
        status -> Text,
        status_reason -> Nullable<Text>,
        vote_count -> Int4,
        comment_count -> Int4,
        version -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        title_parts -> Nullable<Text>,
        text_parts -> Nullable<Text>,
        hidden_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    idea_votes (idea_id, user_id) {
        idea_id -> Uuid,
        user_id -> Uuid,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    idea_comments (id) {
        id -> Uuid,
        idea_id -> Uuid,
        parent_id -> Nullable<Uuid>,
        author_id -> Nullable<Uuid>,
        body -> Text,
        removed_at -> Nullable<Timestamptz>,
        created_at -> Timestamptz,
        hidden_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    notifications (id) {
        id -> Uuid,
        user_id -> Uuid,
        kind -> Text,
        subject_type -> Text,
        subject_id -> Uuid,
        details -> Jsonb,
        read_at -> Nullable<Timestamptz>,
        created_at -> Timestamptz,
        mail_frequency -> Text,
        mail_due_at -> Nullable<Timestamptz>,
        mail_handled_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    recent_writes (caller) {
        caller -> Text,
        written_at -> Timestamptz,
    }
}

diesel::table! {
    idempotency_keys (caller, key) {
        caller -> Text,
        key -> Text,
        request_hash -> Bytea,
        status -> Int2,
        location -> Nullable<Text>,
        etag -> Nullable<Text>,
        response_body -> Binary,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    offerings (id) {
        id -> Uuid,
        organization_id -> Uuid,
        title -> Text,
        description -> Text,
        kind -> Text,
        challenge_areas -> Array<Text>,
        coverage_national -> Bool,
        coverage_counties -> Array<Text>,
        coverage_municipalities -> Array<Text>,
        tags -> Array<Text>,
        status -> Text,
        created_by -> Nullable<Uuid>,
        version -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        title_parts -> Nullable<Text>,
        text_parts -> Nullable<Text>,
        hidden_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    matches (id) {
        id -> Uuid,
        need_id -> Uuid,
        offering_id -> Uuid,
        need_organization_id -> Uuid,
        offering_organization_id -> Uuid,
        requested_by -> Text,
        state -> Text,
        message -> Text,
        reason -> Nullable<Text>,
        outcome -> Nullable<Text>,
        lab_id -> Nullable<Uuid>,
        created_by -> Nullable<Uuid>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    match_messages (id) {
        id -> Uuid,
        match_id -> Uuid,
        author_id -> Nullable<Uuid>,
        organization_id -> Uuid,
        body -> Text,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    methods (id) {
        id -> Uuid,
        organization_id -> Uuid,
        title -> Text,
        summary -> Text,
        problem -> Text,
        approach -> Text,
        approach_html -> Text,
        results -> Text,
        transfer_staff -> Text,
        transfer_time -> Text,
        transfer_cost_range -> Text,
        transfer_prerequisites -> Text,
        target_groups -> Array<Text>,
        challenge_areas -> Array<Text>,
        resources -> Jsonb,
        licence -> Text,
        status -> Text,
        retired_reason -> Nullable<Text>,
        published_at -> Nullable<Timestamptz>,
        reviewed_level -> Nullable<Integer>,
        review_note -> Nullable<Text>,
        reviewed_by -> Nullable<Uuid>,
        created_by -> Nullable<Uuid>,
        version -> Integer,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        title_parts -> Nullable<Text>,
        text_parts -> Nullable<Text>,
    }
}

diesel::table! {
    method_origin_labs (method_id, lab_id) {
        method_id -> Uuid,
        lab_id -> Uuid,
    }
}

diesel::table! {
    method_origin_ideas (method_id, idea_id) {
        method_id -> Uuid,
        idea_id -> Uuid,
    }
}

diesel::table! {
    method_indicators (method_id, indicator_id) {
        method_id -> Uuid,
        indicator_id -> Uuid,
    }
}

diesel::table! {
    method_evidence (id) {
        id -> Uuid,
        method_id -> Uuid,
        level -> Integer,
        summary -> Text,
        sources -> Jsonb,
        indicator_ids -> Array<Uuid>,
        comparison_group -> Bool,
        created_by -> Nullable<Uuid>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    adoptions (id) {
        id -> Uuid,
        method_id -> Uuid,
        organization_id -> Uuid,
        municipality_code -> Text,
        neighbourhood -> Text,
        started_on -> Nullable<Date>,
        status -> Text,
        adaptations -> Text,
        outcome -> Text,
        lab_id -> Nullable<Uuid>,
        created_by -> Nullable<Uuid>,
        version -> Integer,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::joinable!(refresh_tokens -> users (user_id));
diesel::joinable!(organizations -> municipalities (municipality_code));
diesel::joinable!(memberships -> organizations (organization_id));
diesel::joinable!(memberships -> users (user_id));
diesel::table! {
    webhooks (id) {
        id -> Uuid,
        organization_id -> Uuid,
        url -> Text,
        description -> Text,
        events -> Array<Text>,
        enabled -> Bool,
        secret -> Text,
        previous_secret -> Nullable<Text>,
        previous_secret_until -> Nullable<Timestamptz>,
        created_by -> Nullable<Uuid>,
        version -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        failing_since -> Nullable<Timestamptz>,
        disabled_reason -> Nullable<Text>,
    }
}

diesel::joinable!(api_keys -> organizations (organization_id));
diesel::table! {
    webhook_deliveries (id) {
        id -> Uuid,
        webhook_id -> Uuid,
        message_id -> Text,
        event_type -> Text,
        payload -> Jsonb,
        status -> Text,
        attempts -> Int4,
        next_attempt_at -> Timestamptz,
        locked_until -> Nullable<Timestamptz>,
        created_at -> Timestamptz,
        finished_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    webhook_attempts (id) {
        id -> Uuid,
        delivery_id -> Uuid,
        attempted_at -> Timestamptz,
        status_code -> Nullable<Int4>,
        duration_ms -> Int4,
        response_excerpt -> Text,
        error -> Nullable<Text>,
    }
}

diesel::joinable!(webhooks -> organizations (organization_id));
diesel::joinable!(webhook_deliveries -> webhooks (webhook_id));
diesel::joinable!(webhook_attempts -> webhook_deliveries (delivery_id));
diesel::joinable!(labs -> organizations (host_organization_id));
diesel::joinable!(labs -> municipalities (municipality_code));
diesel::joinable!(lab_participants -> labs (lab_id));
diesel::joinable!(lab_participants -> organizations (organization_id));
diesel::joinable!(lab_indicators -> labs (lab_id));
diesel::joinable!(indicator_measurements -> lab_indicators (indicator_id));
diesel::joinable!(needs -> labs (lab_id));
diesel::joinable!(needs -> municipalities (municipality_code));
diesel::joinable!(ideas -> labs (lab_id));
diesel::joinable!(idea_votes -> ideas (idea_id));
diesel::joinable!(idea_comments -> users (author_id));
diesel::joinable!(audit_log -> users (actor_user_id));
diesel::joinable!(match_messages -> organizations (organization_id));
diesel::joinable!(match_messages -> users (author_id));
diesel::table! {
    changes (object_type, object_id) {
        object_type -> Text,
        object_id -> Uuid,
        change -> Text,
        at -> Timestamptz,
    }
}

diesel::table! {
    account_tokens (token_hash) {
        token_hash -> Bytea,
        user_id -> Uuid,
        purpose -> Text,
        email -> Text,
        expires_at -> Timestamptz,
        used_at -> Nullable<Timestamptz>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    mail_outbox (id) {
        id -> Uuid,
        user_id -> Nullable<Uuid>,
        recipient -> Text,
        kind -> Text,
        subject -> Text,
        body_text -> Text,
        body_html -> Text,
        unsubscribe_url -> Nullable<Text>,
        status -> Text,
        attempts -> Int4,
        next_attempt_at -> Timestamptz,
        locked_until -> Nullable<Timestamptz>,
        last_error -> Nullable<Text>,
        created_at -> Timestamptz,
        finished_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    notification_settings (user_id) {
        user_id -> Uuid,
        frequencies -> Jsonb,
        version -> Int4,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    reports (id) {
        id -> Uuid,
        reporter_id -> Nullable<Uuid>,
        target_type -> Text,
        target_id -> Uuid,
        lab_id -> Nullable<Uuid>,
        reason -> Text,
        note -> Text,
        status -> Text,
        resolved_by -> Nullable<Uuid>,
        resolution_note -> Text,
        resolved_at -> Nullable<Timestamptz>,
        created_at -> Timestamptz,
        held -> Bool,
    }
}

diesel::joinable!(account_tokens -> users (user_id));
diesel::joinable!(mail_outbox -> users (user_id));

diesel::allow_tables_to_appear_in_same_query!(
    account_tokens,
    reports,
    notification_settings,
    mail_outbox,
    changes,
    challenge_areas,
    webhooks,
    webhook_deliveries,
    webhook_attempts,
    users,
    refresh_tokens,
    organizations,
    memberships,
    api_keys,
    municipalities,
    counties,
    labs,
    lab_participants,
    lab_indicators,
    indicator_measurements,
    needs,
    ideas,
    idea_votes,
    idea_comments,
    notifications,
    idempotency_keys,
    audit_log,
    offerings,
    matches,
    match_messages,
    methods,
    method_origin_labs,
    method_origin_ideas,
    method_indicators,
    method_evidence,
    adoptions,
);

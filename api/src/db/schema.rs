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
diesel::allow_tables_to_appear_in_same_query!(challenge_areas, counties, municipalities);

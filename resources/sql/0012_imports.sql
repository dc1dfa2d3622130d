-- 0012: what imports and the public-app feed need (issue 10): keys of the source on facilities, where a
-- volunteer's or request's point came from, the feed's own times, rejected records and the feed's state.

-- Facilities are keyed by (source, source id) like requests and volunteers: the MOPH 5-digit code for the
-- Ministry's lists, the file's own id for others. Existing rows: coded ones are MOPH hospitals.
ALTER TABLE jitasa.facility
    ADD COLUMN source         text NOT NULL DEFAULT 'manual',
    ADD COLUMN source_id      text,
    ADD COLUMN source_type    text,                          -- the source's own type, e.g. โรงพยาบาลชุมชน
    ADD COLUMN daily_capacity integer CHECK (daily_capacity >= 0), -- screening / vaccination per day
    ADD COLUMN contact        text;                          -- the facility's public phone, not a person's
UPDATE jitasa.facility SET source = CASE WHEN code IS NULL THEN 'manual' ELSE 'moph' END,
                           source_id = coalesce(code, id::text);
ALTER TABLE jitasa.facility
    ALTER COLUMN source_id SET DEFAULT gen_random_uuid()::text,
    ALTER COLUMN source_id SET NOT NULL,
    ADD CONSTRAINT facility_source_key UNIQUE (source, source_id);

-- Where a point came from: given by the source ('point') or placed in the tambon named ('tambon', with
-- the tambon's size as the accuracy).
ALTER TABLE jitasa.volunteer
    ADD COLUMN village_no          text,                     -- หมู่ที่
    ADD COLUMN location_accuracy_m real CHECK (location_accuracy_m >= 0),
    ADD COLUMN location_basis      text NOT NULL DEFAULT 'point' CHECK (location_basis IN ('point', 'tambon'));
CREATE INDEX volunteer_phone_idx ON jitasa.volunteer (phone) WHERE phone IS NOT NULL;

-- The source's own times: an older source_updated_at never overwrites a newer one; expired ones are closed.
ALTER TABLE jitasa.help_request
    ADD COLUMN source_updated_at timestamptz,
    ADD COLUMN expires_at        timestamptz,
    ADD COLUMN location_basis    text NOT NULL DEFAULT 'point' CHECK (location_basis IN ('point', 'tambon'));

-- Every record an import or the feed could not take, with its reason code and the record as it came.
-- The same record refused for the same reason is kept once, so importing a file again adds nothing.
-- The raw record may hold personal data: only admins and officers read it.
CREATE TABLE jitasa.import_reject (     -- int4 key: QGIS can show it as a layer (rows have no geometry)
    id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    target      text NOT NULL CHECK (target IN ('admin_area', 'facility', 'volunteer', 'help_request')),
    source      text NOT NULL,          -- the file's name or the feed's source
    record_key  text,                   -- the record's source id or row number, where known
    reason      text NOT NULL,          -- a code (definitions/reasons.py makes the text)
    detail      jsonb NOT NULL DEFAULT '{}',
    raw         jsonb NOT NULL,
    raw_hash    text NOT NULL,          -- md5 of the raw record and reason
    first_seen  timestamptz NOT NULL DEFAULT now(),
    created_by  text NOT NULL DEFAULT session_user,
    UNIQUE (target, source, raw_hash)
);
CREATE INDEX import_reject_recent_idx ON jitasa.import_reject (source, first_seen DESC);

-- One row per feed: where it is read from (never a credential: the token comes from an authcfg), how far
-- it was read (cursor and watermark) and what the last sync did, for the dock.
CREATE TABLE jitasa.feed_state (
    source          text PRIMARY KEY,
    url             text NOT NULL,
    cursor          text,
    watermark       timestamptz,        -- the newest updated_at taken
    etag            text,
    last_modified   text,
    last_sync_at    timestamptz,
    last_outcome    text CHECK (last_outcome IN ('ok', 'not_modified', 'failed')),
    last_error      text,               -- a reason code
    last_counts     jsonb NOT NULL DEFAULT '{}',  -- new, updated, unchanged, closed, rejected
    updated_at      timestamptz NOT NULL DEFAULT now()
);

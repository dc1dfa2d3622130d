-- 0018: area scopes (issue 14): which login or group role works which provinces or amphoe, or the whole
-- country. Managed by admins through jitasa.grant_area_scope / revoke_area_scope (015_scopes.sql); the row
-- policies (910_row_security.sql) and the guarded functions read it through the scope functions.
CREATE TABLE jitasa.area_scope (
    id         integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    role_name  text NOT NULL CHECK (char_length(role_name) BETWEEN 1 AND 63),  -- a login or a group role
    area_code  text CHECK (area_code ~ '^[0-9]{2}([0-9]{2})?$'),              -- province / amphoe; NULL: national
    granted_by text NOT NULL DEFAULT session_user,
    granted_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE NULLS NOT DISTINCT (role_name, area_code)
);

-- Admins and the public feed work the whole country until an admin says otherwise (revoke the group's
-- national row and grant logins their areas); officers and analysts start with none: a login with no
-- scope sees no area data.
INSERT INTO jitasa.area_scope (role_name, area_code) VALUES ('jitasa_admin', NULL), ('jitasa_feed', NULL);

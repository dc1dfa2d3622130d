-- 0009: the tables and roles the security definitions need (issue 7). Functions, triggers, views and grants
-- live in resources/sql/definitions/ and are re-applied whenever their text changes (store/migrations.py).

-- The owner of every SECURITY DEFINER function: a role nobody logs in as, with rights on the data but not
-- superuser, so a function tricked into running foreign code cannot become superuser.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jitasa_owner') THEN
        CREATE ROLE jitasa_owner NOLOGIN;
    END IF;
    -- The migrating role must be able to hand functions to the owner (superusers can anyway).
    IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        EXECUTE format('GRANT jitasa_owner TO %I', current_user);
    END IF;
END $$;

-- A secret only the owner reads: the functions that work in a run sign the run id they put in the transaction
-- setting jitasa.run_id with it, and the audit trigger believes only a signed run id. Anyone may SET a
-- setting; nobody else can sign one.
CREATE TABLE jitasa.store_secret (
    only_one boolean PRIMARY KEY DEFAULT true CHECK (only_one),
    -- gen_random_uuid() draws from the server's strong random source (PostgreSQL 13+, no extension)
    secret   text NOT NULL DEFAULT replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '')
);
INSERT INTO jitasa.store_secret DEFAULT VALUES;

-- Which definition files were applied, with their checksums (the repeatable part of the schema).
CREATE TABLE IF NOT EXISTS jitasa.schema_definition (
    name       text PRIMARY KEY,
    checksum   text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now(),
    applied_by text NOT NULL DEFAULT session_user
);

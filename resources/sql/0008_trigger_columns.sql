-- 0008: the tambon trigger fires only when an UPDATE names the point or the code (a status change, e.g.
-- confirming 5,000 assignments, no longer runs it once per row).
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['help_request', 'volunteer', 'facility'] LOOP
        EXECUTE format('DROP TRIGGER %I ON jitasa.%I', t || '_tambon', t);
        EXECUTE format('CREATE TRIGGER %I BEFORE INSERT OR UPDATE OF geom, tambon_code ON jitasa.%I
                        FOR EACH ROW EXECUTE FUNCTION jitasa.derive_tambon_code()', t || '_tambon', t);
    END LOOP;
END $$;

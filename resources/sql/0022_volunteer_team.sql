-- 0022: a volunteer's team (issue 13: call sheets per volunteer or team): the name of the team or crew an
-- office sends out together, as its roster writes it ("ทีม อสม. หมู่ 3"). Not personal data: analysts read it
-- (900_privileges.sql) and the map view shows it (050_map_views.sql). NULL: in no team. A team is its name:
-- volunteers with the same name are one team, printed on one call sheet.
ALTER TABLE jitasa.volunteer
    ADD COLUMN team text CHECK (char_length(team) BETWEEN 1 AND 100);

-- 0011: the kinds that real rosters and Ministry lists hold (issue 10). Enum values get a migration of their
-- own: a value added in a transaction cannot be used before that transaction commits, and the definitions
-- re-applied after the last migration may use them.

-- Every group the Ministry of Interior asks provinces to bring in (today's five kinds missed four).
ALTER TYPE jitasa.volunteer_kind ADD VALUE IF NOT EXISTS 'kamnan_village_head';          -- กำนัน ผู้ใหญ่บ้าน
ALTER TYPE jitasa.volunteer_kind ADD VALUE IF NOT EXISTS 'community_development_leader'; -- ผู้นำอาสาพัฒนาชุมชน
ALTER TYPE jitasa.volunteer_kind ADD VALUE IF NOT EXISTS 'womens_fund_member';           -- สมาชิกกองทุนพัฒนาบทบาทสตรี
ALTER TYPE jitasa.volunteer_kind ADD VALUE IF NOT EXISTS 'environment_volunteer';        -- อาสาสมัครท้องถิ่นรักโลก

-- What the MOPH facility lists hold besides hospitals and รพ.สต. (those are 'health_centre', labelled รพ.สต.).
ALTER TYPE jitasa.facility_kind ADD VALUE IF NOT EXISTS 'clinic';
ALTER TYPE jitasa.facility_kind ADD VALUE IF NOT EXISTS 'pharmacy';

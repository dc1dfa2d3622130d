<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH">
<context>
    <name>AdminImport</name>
    <message>
        <location filename="../jitasa_qgis/services/admin_import.py" line="143"/>
        <source>Unknown level: {0}</source>
        <translation>ไม่รู้จักระดับ: {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/admin_import.py" line="191"/>
        <source>{0}: no column with the area codes (e.g. adm3_pcode, tambon_code). Its columns: {1}.</source>
        <translation>{0}: ไม่มีคอลัมน์รหัสพื้นที่ (เช่น adm3_pcode, tambon_code) คอลัมน์ที่มี: {1}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/admin_import.py" line="199"/>
        <source>{0} has no geometries: admin areas need polygons.</source>
        <translation>{0} ไม่มีรูปร่าง: เขตการปกครองต้องเป็นรูปหลายเหลี่ยม</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/admin_import.py" line="88"/>
        <source>Provinces</source>
        <translation>จังหวัด</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/admin_import.py" line="89"/>
        <source>Amphoe</source>
        <translation>อำเภอ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/admin_import.py" line="90"/>
        <source>Tambons</source>
        <translation>ตำบล</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/admin_import.py" line="95"/>
        <source>{0}: {1} new, {2} updated, {3} unchanged, {4} rejected, {5} repaired, {6} created from their parts, {7} removed, {8} kept in use.</source>
        <translation>{0}: ใหม่ {1}, ปรับปรุง {2}, ไม่เปลี่ยน {3}, ไม่รับ {4}, ซ่อมรูปร่าง {5}, สร้างจากพื้นที่ย่อย {6}, ลบ {7}, คงไว้เพราะมีข้อมูลอยู่ {8}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/admin_import.py" line="113"/>
        <source>{0} rows of other provinces were left out.</source>
        <translation>ข้ามแถวของจังหวัดอื่น {0} แถว</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/admin_import.py" line="117"/>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/admin_import.py" line="127"/>
        <source>{0} reject(s) kept in jitasa.import_reject ({1} new).</source>
        <translation>เก็บรายการที่ไม่รับ {0} รายการไว้ใน jitasa.import_reject (ใหม่ {1})</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/admin_import.py" line="153"/>
        <source>Read {0} rows.</source>
        <translation>อ่านแล้ว {0} แถว</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/admin_import.py" line="160"/>
        <source>{0} areas to import, {1} rows rejected.</source>
        <translation>พื้นที่ที่จะนำเข้า {0} แห่ง ไม่รับ {1} แถว</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/admin_import.py" line="175"/>
        <source>Importing admin areas failed and nothing was written: {0}</source>
        <translation>นำเข้าเขตการปกครองไม่สำเร็จและไม่มีการบันทึกใด ๆ: {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/admin_import.py" line="189"/>
        <source>Give a layer or a file of admin areas.</source>
        <translation>ระบุชั้นข้อมูลหรือไฟล์เขตการปกครอง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/admin_import.py" line="212"/>
        <source>No province {0} in the files or the store.</source>
        <translation>ไม่พบจังหวัด {0} ในไฟล์หรือในฐานข้อมูล</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/admin_import.py" line="242"/>
        <source>Staged; writing the areas.</source>
        <translation>เตรียมข้อมูลแล้ว กำลังบันทึกพื้นที่</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/admin_import.py" line="121"/>
        <source>… and {0} more (all of them are in jitasa.import_reject).</source>
        <translation>… และอีก {0} รายการ (ทั้งหมดอยู่ใน jitasa.import_reject)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/admin_import.py" line="146"/>
        <source>Unknown field(s) {0}; the fields are: {1}.</source>
        <translation>ไม่รู้จักฟิลด์ {0} ฟิลด์ที่มีคือ: {1}</translation>
    </message>
</context>
<context>
    <name>AdminLevel</name>
    <message>
        <location filename="../jitasa_qgis/definitions/labels.py" line="108"/>
        <source>Province</source>
        <translation>จังหวัด</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/labels.py" line="109"/>
        <source>District (amphoe)</source>
        <translation>อำเภอ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/labels.py" line="110"/>
        <source>Subdistrict (tambon)</source>
        <translation>ตำบล</translation>
    </message>
</context>
<context>
    <name>AreaParameter</name>
    <message>
        <location filename="../jitasa_qgis/services/areas.py" line="23"/>
        <source>tambon {0}, code {1}</source>
        <translation>ตำบล{0} รหัส {1}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/areas.py" line="26"/>
        <source>amphoe {0}, code {1}</source>
        <translation>อำเภอ{0} รหัส {1}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/areas.py" line="31"/>
        <source>{0} ({1}, amphoe {2})</source>
        <translation>{0} ({1} อำเภอ{2})</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/areas.py" line="32"/>
        <source>{0} ({1})</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/areas.py" line="40"/>
        <source>Give the tambon: its name or its code.</source>
        <translation>โปรดระบุตำบล: ชื่อหรือรหัสตำบล</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/areas.py" line="41"/>
        <source>Give the amphoe: its name or its code.</source>
        <translation>โปรดระบุอำเภอ: ชื่อหรือรหัสอำเภอ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/areas.py" line="46"/>
        <source>There is no tambon named or coded &apos;{0}&apos; in the store.</source>
        <translation>ไม่พบตำบลที่มีชื่อหรือรหัส '{0}' ในคลังข้อมูล</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/areas.py" line="49"/>
        <source>There is no amphoe named or coded &apos;{0}&apos; in the store.</source>
        <translation>ไม่พบอำเภอที่มีชื่อหรือรหัส '{0}' ในคลังข้อมูล</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/areas.py" line="108"/>
        <source> and {0} more</source>
        <translation> และอีก {0} แห่ง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/areas.py" line="57"/>
        <source>&apos;{0}&apos; names {1} tambons: {2}. Give the code of the one you mean.</source>
        <translation>'{0}' ตรงกับตำบล {1} แห่ง: {2} โปรดระบุรหัสของตำบลที่ต้องการ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/areas.py" line="61"/>
        <source>&apos;{0}&apos; names {1} amphoe: {2}. Give the code of the one you mean.</source>
        <translation>'{0}' ตรงกับอำเภอ {1} แห่ง: {2} โปรดระบุรหัสของอำเภอที่ต้องการ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/batch_assignment.py" line="296"/>
        <source>Scope: {0}</source>
        <translation>ขอบเขต: {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/areas.py" line="25"/>
        <source>province {0}, code {1}</source>
        <translation>จังหวัด{0} รหัส {1}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/areas.py" line="91"/>
        <source>Give the area: its name or its code.</source>
        <translation>ระบุพื้นที่: ชื่อหรือรหัส</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/areas.py" line="100"/>
        <source>There is no province, amphoe or tambon named or coded &apos;{0}&apos; in the store.</source>
        <translation>ไม่มีจังหวัด อำเภอ หรือตำบลที่ชื่อหรือรหัส '{0}' ในฐานข้อมูล</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/areas.py" line="109"/>
        <source>&apos;{0}&apos; names {1} areas: {2}. Give the code of the one you mean, or its level before the name (amphoe ..., tambon ...).</source>
        <translation>'{0}' ตรงกับ {1} พื้นที่: {2} โปรดระบุรหัสของพื้นที่ที่ต้องการ หรือใส่ระดับไว้หน้าชื่อ (อำเภอ..., ตำบล...)</translation>
    </message>
</context>
<context>
    <name>AreaScopeAlgorithm</name>
    <message>
        <location filename="../jitasa_qgis/processing/area_scopes.py" line="22"/>
        <source>Login or group role</source>
        <translation>บัญชีผู้ใช้หรือกลุ่มบทบาท</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/area_scopes.py" line="23"/>
        <source>Province or amphoe code, or national</source>
        <translation>รหัสจังหวัดหรืออำเภอ หรือ national (ทั้งประเทศ)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/area_scopes.py" line="30"/>
        <source>Changed</source>
        <translation>มีการเปลี่ยนแปลง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/area_scopes.py" line="31"/>
        <source>The role&apos;s areas</source>
        <translation>พื้นที่ของบทบาทนี้</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/area_scopes.py" line="41"/>
        <source>national</source>
        <translation>ทั้งประเทศ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/area_scopes.py" line="43"/>
        <source>Granted {0} to {1}.</source>
        <translation>กำหนดพื้นที่ {0} ให้ {1} แล้ว</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/area_scopes.py" line="43"/>
        <source>{1} already works {0}: nothing changed.</source>
        <translation>{1} รับผิดชอบพื้นที่ {0} อยู่แล้ว: ไม่มีการเปลี่ยนแปลง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/area_scopes.py" line="49"/>
        <source>Revoked {0} from {1}.</source>
        <translation>ยกเลิกพื้นที่ {0} ของ {1} แล้ว</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/area_scopes.py" line="49"/>
        <source>{1} did not have {0}: nothing changed.</source>
        <translation>{1} ไม่ได้รับผิดชอบพื้นที่ {0}: ไม่มีการเปลี่ยนแปลง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/area_scopes.py" line="56"/>
        <source>{0}&apos;s own areas now: {1}</source>
        <translation>พื้นที่ของ {0} ตอนนี้: {1}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/area_scopes.py" line="56"/>
        <source>none (it sees no area data)</source>
        <translation>ไม่มี (จะไม่เห็นข้อมูลของพื้นที่ใดเลย)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/area_scopes.py" line="71"/>
        <source>Grant an area to a login</source>
        <translation>กำหนดพื้นที่รับผิดชอบให้บัญชีผู้ใช้</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/area_scopes.py" line="74"/>
        <source>Admins only. Lets a login (or every member of a group role) work a province (2-digit code, e.g. 67), an amphoe (4-digit code, e.g. 6703) or the whole country (national): it then sees and changes the requests, volunteers, assignments and service areas there. A login with no area sees none.</source>
        <translation>สำหรับผู้ดูแลระบบเท่านั้น ให้บัญชีผู้ใช้ (หรือสมาชิกทุกคนของกลุ่มบทบาท) รับผิดชอบจังหวัด (รหัส 2 หลัก เช่น 67) อำเภอ (รหัส 4 หลัก เช่น 6703) หรือทั้งประเทศ (national) แล้วจะเห็นและแก้ไขคำขอ อาสาสมัคร การมอบหมายงาน และพื้นที่บริการในพื้นที่นั้นได้ บัญชีที่ไม่มีพื้นที่จะไม่เห็นข้อมูลใดเลย</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/area_scopes.py" line="89"/>
        <source>Revoke an area from a login</source>
        <translation>ยกเลิกพื้นที่รับผิดชอบของบัญชีผู้ใช้</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/area_scopes.py" line="92"/>
        <source>Admins only. Takes a province, an amphoe or the whole country (national) back from a login or group role. Areas it has through its groups stay.</source>
        <translation>สำหรับผู้ดูแลระบบเท่านั้น ยกเลิกจังหวัด อำเภอ หรือทั้งประเทศ (national) ของบัญชีผู้ใช้หรือกลุ่มบทบาท พื้นที่ที่ได้รับผ่านกลุ่มยังคงอยู่</translation>
    </message>
</context>
<context>
    <name>AreaScopes</name>
    <message>
        <location filename="../jitasa_qgis/gui/area_scope_text.py" line="15"/>
        <source>amphoe {0}</source>
        <translation>อำเภอ{0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/area_scope_text.py" line="23"/>
        <source>You work: the whole country</source>
        <translation>พื้นที่รับผิดชอบของคุณ: ทั้งประเทศ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/area_scope_text.py" line="25"/>
        <source>You work no area: no requests or volunteers are shown. An admin grants areas (jitasa:grantarea).</source>
        <translation>คุณยังไม่มีพื้นที่รับผิดชอบ: จึงไม่แสดงคำขอหรืออาสาสมัคร ผู้ดูแลระบบเป็นผู้กำหนดพื้นที่ (jitasa:grantarea)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/area_scope_text.py" line="30"/>
        <source>You work: {0}</source>
        <translation>พื้นที่รับผิดชอบของคุณ: {0}</translation>
    </message>
</context>
<context>
    <name>AssignAlgorithm</name>
    <message>
        <location filename="../jitasa_qgis/processing/assign_base.py" line="61"/>
        <source>Assignment</source>
        <translation>การมอบหมายงาน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/assign_base.py" line="68"/>
        <source>Scope</source>
        <translation>ขอบเขต</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/assign_base.py" line="68"/>
        <source>All open requests</source>
        <translation>คำขอที่ยังเปิดอยู่ทั้งหมด</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/assign_base.py" line="68"/>
        <source>One amphoe</source>
        <translation>อำเภอเดียว</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/assign_base.py" line="68"/>
        <source>One tambon</source>
        <translation>ตำบลเดียว</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/assign_base.py" line="68"/>
        <source>A service area</source>
        <translation>เขตบริการ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/assign_base.py" line="68"/>
        <source>Inside polygons of a layer</source>
        <translation>ภายในรูปปิดของชั้นข้อมูล</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/assign_base.py" line="89"/>
        <source>Service area id</source>
        <translation>รหัสเขตบริการ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/assign_base.py" line="94"/>
        <source>Scope polygons</source>
        <translation>รูปปิดขอบเขต</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/assign_base.py" line="102"/>
        <source>Maximum travel time (minutes)</source>
        <translation>เวลาเดินทางสูงสุด (นาที)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/assign_base.py" line="110"/>
        <source>Speed for straight-line estimates (km/h)</source>
        <translation>ความเร็วสำหรับประมาณจากระยะเส้นตรง (กม./ชม.)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/assign_base.py" line="128"/>
        <source>Mode</source>
        <translation>โหมด</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/assign_base.py" line="128"/>
        <source>Write proposals for review</source>
        <translation>บันทึกเป็นข้อเสนอให้ตรวจสอบ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/assign_base.py" line="128"/>
        <source>Confirm directly</source>
        <translation>ยืนยันทันที</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/assign_base.py" line="139"/>
        <source>Assignments</source>
        <translation>การมอบหมายงาน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/assign_base.py" line="144"/>
        <source>Run id</source>
        <translation>รหัสรอบการจับคู่</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/assign_base.py" line="144"/>
        <source>Assigned</source>
        <translation>จับคู่แล้ว</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/assign_base.py" line="144"/>
        <source>Unassigned</source>
        <translation>ยังไม่ได้จับคู่</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/assign_base.py" line="144"/>
        <source>Refused by the store</source>
        <translation>คลังข้อมูลปฏิเสธ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/assign_base.py" line="144"/>
        <source>Total travel minutes</source>
        <translation>เวลาเดินทางรวม (นาที)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/assign_base.py" line="144"/>
        <source>Mean travel minutes</source>
        <translation>เวลาเดินทางเฉลี่ย (นาที)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/assign_base.py" line="153"/>
        <source>Summary (JSON)</source>
        <translation>สรุปผล (JSON)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/batch_assignment.py" line="207"/>
        <source>The maximum travel time must be more than 0 minutes.</source>
        <translation>เวลาเดินทางสูงสุดต้องมากกว่า 0 นาที</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/assign_base.py" line="174"/>
        <source>Choose a layer of scope polygons.</source>
        <translation>โปรดเลือกชั้นข้อมูลรูปปิดของขอบเขต</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/batch_assignment.py" line="230"/>
        <source>{0} open requests and {1} volunteers in scope.</source>
        <translation>ในขอบเขตมีคำขอที่เปิดอยู่ {0} รายการ และอาสาสมัคร {1} คน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/assign_base.py" line="255"/>
        <source>The scope layer has no polygons.</source>
        <translation>ชั้นข้อมูลขอบเขตไม่มีรูปปิด</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/batch_assignment.py" line="126"/>
        <source>Assigned {0} of {1} requests ({2}).</source>
        <translation>จับคู่ได้ {0} จาก {1} คำขอ ({2})</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/batch_assignment.py" line="126"/>
        <source>proposals for review</source>
        <translation>เป็นข้อเสนอรอตรวจสอบ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/batch_assignment.py" line="126"/>
        <source>confirmed</source>
        <translation>ยืนยันแล้ว</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/batch_assignment.py" line="148"/>
        <source>Travel: total {0:.0f} min, mean {1:.1f} min (straight-line estimate).</source>
        <translation>การเดินทาง: รวม {0:.0f} นาที เฉลี่ย {1:.1f} นาที (ประมาณจากระยะเส้นตรง)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/batch_assignment.py" line="154"/>
        <source>Unassigned: {0} — {1}</source>
        <translation>ยังไม่ได้จับคู่: {0} — {1}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/batch_assignment.py" line="157"/>
        <source>Refused by the store: {0} — {1}</source>
        <translation>คลังข้อมูลปฏิเสธ: {0} — {1}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/batch_assignment.py" line="177"/>
        <source>The scope &apos;one amphoe&apos; needs the amphoe: its name or its code.</source>
        <translation>ขอบเขต 'อำเภอเดียว' ต้องระบุอำเภอ: ชื่อหรือรหัสอำเภอ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/batch_assignment.py" line="178"/>
        <source>The scope &apos;one tambon&apos; needs the tambon: its name or its code.</source>
        <translation>ขอบเขต 'ตำบลเดียว' ต้องระบุตำบล: ชื่อหรือรหัสตำบล</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/batch_assignment.py" line="179"/>
        <source>The scope &apos;a service area&apos; needs the service area id.</source>
        <translation>ขอบเขต 'เขตบริการ' ต้องระบุรหัสเขตบริการ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/batch_assignment.py" line="180"/>
        <source>The scope &apos;inside polygons&apos; needs a polygon layer.</source>
        <translation>ขอบเขต 'ภายในรูปปิด' ต้องระบุชั้นข้อมูลรูปปิด</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/batch_assignment.py" line="182"/>
        <source>Unknown scope: {0}</source>
        <translation>ไม่รู้จักขอบเขต: {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/assign_base.py" line="82"/>
        <source>Amphoe or tambon: name or code (e.g. วังโป่ง, Wang Pong or 6710)</source>
        <translation>อำเภอหรือตำบล: ชื่อหรือรหัส (เช่น วังโป่ง, Wang Pong หรือ 6710)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/assign_base.py" line="119"/>
        <source>Straight-line travel times even where a road network covers the requests</source>
        <translation>ใช้เวลาเดินทางแบบเส้นตรง แม้มีโครงข่ายถนนครอบคลุมคำขอ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/assign_base.py" line="154"/>
        <source>Travel-time model (road_network or straight_line)</source>
        <translation>แบบจำลองเวลาเดินทาง (road_network หรือ straight_line)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/batch_assignment.py" line="135"/>
        <source>Travel: total {0:.0f} min, mean {1:.1f} min by road (network &apos;{2}&apos;, version {3}, with the off-road leg to the nearest road).</source>
        <translation>การเดินทาง: รวม {0:.0f} นาที เฉลี่ย {1:.1f} นาที ตามถนน (โครงข่าย '{2}' รุ่น {3} รวมช่วงนอกถนนถึงถนนที่ใกล้ที่สุด)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/batch_assignment.py" line="223"/>
        <source>Travel times on the road network &apos;{0}&apos; (version {1}).</source>
        <translation>เวลาเดินทางตามโครงข่ายถนน '{0}' (รุ่น {1})</translation>
    </message>
</context>
<context>
    <name>AssignNearestAlgorithm</name>
    <message>
        <location filename="../jitasa_qgis/processing/assign_nearest.py" line="16"/>
        <source>Assign nearest volunteers (greedy)</source>
        <translation>มอบหมายอาสาสมัครที่ใกล้ที่สุด (ตามลำดับ)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/assign_nearest.py" line="19"/>
        <source>Critical requests first, then high, normal and low, longest waiting first within each: each request takes the nearest available volunteer who is eligible for its category, within the maximum travel time and below capacity. Writes an assignment run of proposals for review, or confirms directly; the store re-checks every row and refuses stale ones with a reason. Travel times are road minutes where a road network covers the requests (the maximum then holds for road minutes), else straight-line estimates; the outputs say which.</source>
        <translation>เริ่มจากคำขอเร่งด่วนวิกฤต แล้วจึงเร่งด่วน ปกติ และไม่เร่งด่วน โดยในแต่ละระดับให้คำขอที่รอนานที่สุดก่อน: แต่ละคำขอได้อาสาสมัครที่ใกล้ที่สุดซึ่งว่าง มีคุณสมบัติตรงกับประเภทคำขอ อยู่ในเวลาเดินทางสูงสุด และยังรับงานได้ไม่เต็ม บันทึกเป็นรอบข้อเสนอให้ตรวจสอบ หรือยืนยันทันที คลังข้อมูลจะตรวจสอบทุกแถวอีกครั้งและปฏิเสธแถวที่ล้าสมัยพร้อมเหตุผล เวลาเดินทางคิดเป็นนาทีตามถนนเมื่อมีโครงข่ายถนนครอบคลุมคำขอ (เวลาเดินทางสูงสุดจึงหมายถึงนาทีตามถนน) มิฉะนั้นเป็นค่าประมาณแบบเส้นตรง ผลลัพธ์ทุกอย่างระบุว่าใช้แบบใด</translation>
    </message>
</context>
<context>
    <name>AssignOptimalAlgorithm</name>
    <message>
        <location filename="../jitasa_qgis/processing/assign_optimal.py" line="16"/>
        <source>Assign volunteers optimally</source>
        <translation>มอบหมายอาสาสมัครแบบเหมาะสมที่สุด</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/assign_optimal.py" line="19"/>
        <source>Assigns as many critical requests as possible, then high, normal and low, and among those assignments minimises the total travel time, respecting each volunteer&apos;s capacity, eligibility and the maximum travel time. The result is optimal over all eligible pairs within the maximum travel time. Writes proposals for review or confirms directly. Travel times are road minutes where a road network covers the requests (the maximum then holds for road minutes), else straight-line estimates; the outputs say which.</source>
        <translation>จับคู่คำขอเร่งด่วนวิกฤตให้ได้มากที่สุดก่อน แล้วจึงเร่งด่วน ปกติ และไม่เร่งด่วน และในบรรดาการจับคู่นั้นเลือกแบบที่เวลาเดินทางรวมน้อยที่สุด โดยเคารพจำนวนงานที่อาสาสมัครแต่ละคนรับได้ คุณสมบัติ และเวลาเดินทางสูงสุด ผลลัพธ์เหมาะสมที่สุดเมื่อเทียบกับทุกคู่ที่มีสิทธิ์ภายในเวลาเดินทางสูงสุด บันทึกเป็นข้อเสนอให้ตรวจสอบ หรือยืนยันทันที เวลาเดินทางคิดเป็นนาทีตามถนนเมื่อมีโครงข่ายถนนครอบคลุมคำขอ (เวลาเดินทางสูงสุดจึงหมายถึงนาทีตามถนน) มิฉะนั้นเป็นค่าประมาณแบบเส้นตรง ผลลัพธ์ทุกอย่างระบุว่าใช้แบบใด</translation>
    </message>
</context>
<context>
    <name>AssignPanel</name>
    <message>
        <location filename="../ui/assign_panel.ui" line="6"/>
        <source>Assign volunteer</source>
        <translation>มอบหมายอาสาสมัคร</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/assign_panel.py" line="246"/>
        <source>Click a help request on the map to see who can help.</source>
        <translation>คลิกคำขอความช่วยเหลือบนแผนที่เพื่อดูว่าใครช่วยได้</translation>
    </message>
    <message>
        <location filename="../ui/assign_panel.ui" line="34"/>
        <source>Max travel</source>
        <translation>เดินทางไม่เกิน</translation>
    </message>
    <message>
        <location filename="../ui/assign_panel.ui" line="39"/>
        <source>Volunteers farther than this (estimated) travel time are not listed</source>
        <translation>ไม่แสดงอาสาสมัครที่ใช้เวลาเดินทาง (โดยประมาณ) นานกว่านี้</translation>
    </message>
    <message>
        <location filename="../ui/assign_panel.ui" line="40"/>
        <source> min</source>
        <translation> นาที</translation>
    </message>
    <message>
        <location filename="../ui/assign_panel.ui" line="49"/>
        <source>Speed</source>
        <translation>ความเร็ว</translation>
    </message>
    <message>
        <location filename="../ui/assign_panel.ui" line="54"/>
        <source>Average speed along the straight line, allowing for road detours; travel times are estimates from it</source>
        <translation>ความเร็วเฉลี่ยตามเส้นตรง เผื่อทางอ้อมของถนนแล้ว เวลาเดินทางเป็นค่าประมาณจากความเร็วนี้</translation>
    </message>
    <message>
        <location filename="../ui/assign_panel.ui" line="55"/>
        <source> km/h</source>
        <translation> กม./ชม.</translation>
    </message>
    <message>
        <location filename="../ui/assign_panel.ui" line="92"/>
        <source>Zoom to candidates</source>
        <translation>ซูมไปยังผู้ที่ไปได้</translation>
    </message>
    <message>
        <location filename="../ui/assign_panel.ui" line="93"/>
        <source>Show the request and the volunteers who can go</source>
        <translation>แสดงคำขอและอาสาสมัครที่ไปได้</translation>
    </message>
    <message>
        <location filename="../ui/assign_panel.ui" line="104"/>
        <source>Assign selected volunteer</source>
        <translation>มอบหมายอาสาสมัครที่เลือก</translation>
    </message>
    <message>
        <location filename="../ui/assign_panel.ui" line="105"/>
        <source>Write the assignment to the store; it is refused if someone assigned the request first or the volunteer is now full</source>
        <translation>บันทึกการมอบหมายลงคลังข้อมูล ระบบจะปฏิเสธหากมีผู้มอบหมายคำขอนี้ไปก่อนแล้ว หรืออาสาสมัครรับงานเต็มแล้ว</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/assign_panel.py" line="189"/>
        <source>Not assigned: {message}</source>
        <translation>ไม่ได้มอบหมาย: {message}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/assign_panel.py" line="194"/>
        <source>Not assigned: {reason}. The list shows the current state.</source>
        <translation>ไม่ได้มอบหมาย: {reason} รายการแสดงสถานะปัจจุบันแล้ว</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/assign_panel.py" line="287"/>
        <source>Request {id} does not exist (any more).</source>
        <translation>ไม่มีคำขอ {id} (แล้ว)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/assign_panel.py" line="339"/>
        <source>&lt;b&gt;Request {id}&lt;/b&gt;</source>
        <translation>&lt;b&gt;คำขอ {id}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/assign_panel.py" line="348"/>
        <source>{n} people</source>
        <translation>{n} คน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/assign_panel.py" line="353"/>
        <source>Already assigned to volunteer {id}.</source>
        <translation>มอบหมายให้อาสาสมัคร {id} แล้ว</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/assign_panel.py" line="357"/>
        <source>Only new requests can be assigned here.</source>
        <translation>มอบหมายที่นี่ได้เฉพาะคำขอใหม่</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/assign_panel.py" line="363"/>
        <source>This request has no location, so nobody can be ranked by distance.</source>
        <translation>คำขอนี้ไม่มีตำแหน่ง จึงจัดอันดับตามระยะทางไม่ได้</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/assign_panel.py" line="366"/>
        <source>{can} can go, {cannot} nearby cannot.</source>
        <translation>ไปได้ {can} คน อยู่ใกล้แต่ไปไม่ได้ {cannot} คน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/assign_panel.py" line="368"/>
        <source>Nobody who can go within {minutes} min ({cannot} nearby cannot).</source>
        <translation>ไม่มีผู้ที่ไปได้ภายใน {minutes} นาที (อยู่ใกล้แต่ไปไม่ได้ {cannot} คน)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/assign_panel.py" line="372"/>
        <source>{n} more are beyond {minutes} min (the nearest of them {nearest}).</source>
        <translation>อีก {n} คนอยู่ไกลเกิน {minutes} นาที (คนที่ใกล้ที่สุด {nearest})</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/assign_panel.py" line="380"/>
        <source>Minutes are straight-line estimates at {speed} km/h.</source>
        <translation>เวลาเป็นค่าประมาณจากระยะเส้นตรงที่ {speed} กม./ชม.</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/assign_panel.py" line="451"/>
        <source>Jitasa</source>
        <translation>จิตอาสา</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/assign_panel.py" line="201"/>
        <source>Request {request} assigned to volunteer {volunteer} ({who}): distance {distance}, travel {minutes}.</source>
        <translation>มอบหมายคำขอ {request} ให้อาสาสมัคร {volunteer} ({who}) แล้ว: ระยะทาง {distance} เวลาเดินทาง {minutes}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/assign_panel.py" line="384"/>
        <source>Minutes are by road on the network &apos;{network}&apos;, with the off-road leg to the nearest road.</source>
        <translation>นาทีคิดตามถนนบนโครงข่าย '{network}' รวมช่วงนอกถนนถึงถนนที่ใกล้ที่สุด</translation>
    </message>
</context>
<context>
    <name>AssignmentStatus</name>
    <message>
        <location filename="../jitasa_qgis/definitions/labels.py" line="114"/>
        <source>Proposed</source>
        <translation>เสนอ (รอยืนยัน)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/labels.py" line="115"/>
        <source>Active</source>
        <translation>กำลังดำเนินการ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/labels.py" line="116"/>
        <source>Completed</source>
        <translation>เสร็จสิ้น</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/labels.py" line="117"/>
        <source>Cancelled</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/labels.py" line="118"/>
        <source>Declined by volunteer</source>
        <translation>อาสาสมัครปฏิเสธ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/labels.py" line="119"/>
        <source>Rejected</source>
        <translation>ไม่อนุมัติ</translation>
    </message>
</context>
<context>
    <name>AssignmentText</name>
    <message>
        <location filename="../jitasa_qgis/gui/assignment_text.py" line="40"/>
        <source>Unavailable</source>
        <translation>ไม่พร้อมรับงาน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/assignment_text.py" line="21"/>
        <source>nothing special</source>
        <translation>ไม่มีเงื่อนไขพิเศษ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/assignment_text.py" line="22"/>
        <source> or </source>
        <translation> หรือ </translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/assignment_text.py" line="38"/>
        <source>Can go</source>
        <translation>ไปได้</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/assignment_text.py" line="42"/>
        <source>Full ({load})</source>
        <translation>เต็ม ({load})</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/assignment_text.py" line="43"/>
        <source>Needs {needs}</source>
        <translation>ต้องมี{needs}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/assignment_text.py" line="52"/>
        <source>≈{minutes} min</source>
        <translation>≈{minutes} นาที</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/assignment_text.py" line="53"/>
        <source>{minutes} min</source>
        <translation>{minutes} นาที</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/assignment_text.py" line="60"/>
        <source>{km} km</source>
        <translation>{km} กม.</translation>
    </message>
</context>
<context>
    <name>CallSheets</name>
    <message>
        <location filename="../jitasa_qgis/store/call_sheets.py" line="110"/>
        <source>Your role may not read {0}, which a call sheet needs.</source>
        <translation>บทบาทของคุณอ่าน {0} ไม่ได้ ซึ่งใบงานต้องใช้</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/printing/call_sheets.py" line="243"/>
        <source>not shown</source>
        <translation>ไม่แสดง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/printing/call_sheets.py" line="249"/>
        <source>Village {0}</source>
        <translation>หมู่ {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/printing/call_sheets.py" line="251"/>
        <source>T. {0}</source>
        <translation>ต.{0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/printing/call_sheets.py" line="253"/>
        <source>A. {0}</source>
        <translation>อ.{0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/printing/call_sheets.py" line="254"/>
        <source>outside the boundaries</source>
        <translation>นอกเขตการปกครอง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/printing/call_sheets.py" line="261"/>
        <source>{0} people</source>
        <translation>{0} คน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/printing/call_sheets.py" line="263"/>
        <source>asked for someone else</source>
        <translation>แจ้งแทนผู้อื่น</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/printing/call_sheets.py" line="271"/>
        <source>{0} (call the operations room)</source>
        <translation>{0} (ติดต่อผ่านศูนย์ปฏิบัติการ)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/printing/call_sheets.py" line="284"/>
        <source>no phone</source>
        <translation>ไม่มีเบอร์โทร</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/printing/call_sheets.py" line="280"/>
        <source>Volunteer: {0} ({1}), no. {2}</source>
        <translation>อาสาสมัคร: {0} ({1}) รหัส {2}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/printing/call_sheets.py" line="286"/>
        <source>Phone: {0} · Vehicle: {1} · Lives in: {2}</source>
        <translation>โทร: {0} · ยานพาหนะ: {1} · ที่อยู่: {2}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/printing/call_sheets.py" line="298"/>
        <source>Assigned requests: {0}</source>
        <translation>คำขอที่ได้รับมอบหมาย: {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/printing/call_sheets.py" line="443"/>
        <source>No requests are assigned to this volunteer.</source>
        <translation>ไม่มีคำขอที่มอบหมายให้อาสาสมัครคนนี้</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/printing/call_sheets.py" line="640"/>
        <source>Call sheets</source>
        <translation>ใบงานอาสาสมัคร</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/printing/call_sheets.py" line="643"/>
        <source>Call sheet</source>
        <translation>ใบงานอาสาสมัคร</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/printing/call_sheets.py" line="645"/>
        <source>Printed {0}</source>
        <translation>พิมพ์เมื่อ {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/printing/call_sheets.py" line="674"/>
        <source>★ the volunteer  ● an assigned request (its number in the table)</source>
        <translation>★ อาสาสมัคร  ● คำขอที่มอบหมาย (เลขตรงกับลำดับในตาราง)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/printing/call_sheets.py" line="538"/>
        <source>No.</source>
        <translation>ลำดับ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/printing/call_sheets.py" line="540"/>
        <source>Category</source>
        <translation>ประเภท</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/printing/call_sheets.py" line="541"/>
        <source>Urgency</source>
        <translation>ความเร่งด่วน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/printing/call_sheets.py" line="542"/>
        <source>What is needed</source>
        <translation>สิ่งที่ต้องการ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/printing/call_sheets.py" line="543"/>
        <source>Where</source>
        <translation>สถานที่</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/printing/call_sheets.py" line="544"/>
        <source>How to reach the requester</source>
        <translation>ติดต่อผู้ขอความช่วยเหลือ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/printing/call_sheets.py" line="688"/>
        <source>Holds personal data: keep it safe, hand it only to the volunteer, destroy it when the work is done.</source>
        <translation>มีข้อมูลส่วนบุคคล: เก็บรักษาให้ปลอดภัย มอบให้อาสาสมัครเท่านั้น และทำลายเมื่องานเสร็จ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/printing/call_sheets.py" line="688"/>
        <source>Names and phone numbers are not shown (your role may not read them): call the operations room.</source>
        <translation>ไม่แสดงชื่อและเบอร์โทร (บทบาทของคุณไม่มีสิทธิ์อ่าน): โปรดติดต่อศูนย์ปฏิบัติการ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/call_sheets.py" line="60"/>
        <source>Wrote {0} call sheets ({1} volunteers with requests, {2} requests) to {3}.</source>
        <translation>เขียนใบงาน {0} หน้า (อาสาสมัครที่มีงาน {1} คน คำขอ {2} รายการ) ลงใน {3}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/call_sheets.py" line="71"/>
        <source>The sheets hold names and phone numbers: keep them safe.</source>
        <translation>ใบงานมีชื่อและเบอร์โทร: เก็บรักษาให้ปลอดภัย</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/call_sheets.py" line="73"/>
        <source>Your role may not read names and phone numbers: they are masked on the sheets.</source>
        <translation>บทบาทของคุณอ่านชื่อและเบอร์โทรไม่ได้ จึงปกปิดไว้ในใบงาน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/call_sheets.py" line="79"/>
        <source>No names or phone numbers on the sheets.</source>
        <translation>ใบงานไม่มีชื่อหรือเบอร์โทร</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/call_sheets.py" line="112"/>
        <source>the store</source>
        <translation>ฐานข้อมูล</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/call_sheets.py" line="113"/>
        <source>No volunteers in {0} that your role may see: there are no call sheets to print.</source>
        <translation>ไม่มีอาสาสมัครใน {0} ที่บทบาทของคุณมองเห็น จึงไม่มีใบงานให้พิมพ์</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/call_sheets.py" line="119"/>
        <source>{0} volunteers, {1} assigned requests.</source>
        <translation>อาสาสมัคร {0} คน คำขอที่มอบหมาย {1} รายการ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/call_sheets.py" line="141"/>
        <source>Cancelled; no file was written.</source>
        <translation>ยกเลิกแล้ว ไม่ได้เขียนไฟล์</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/printing/call_sheets.py" line="313"/>
        <source>Team: {0} · members: {1}</source>
        <translation>ทีม: {0} · สมาชิก {1} คน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/printing/call_sheets.py" line="323"/>
        <source>No. {0}: {1} ({2})</source>
        <translation>รหัส {0}: {1} ({2})</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/printing/call_sheets.py" line="334"/>
        <source>no. {0}</source>
        <translation>รหัส {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/printing/call_sheets.py" line="444"/>
        <source>No requests are assigned to this team.</source>
        <translation>ยังไม่มีคำขอที่มอบหมายให้ทีมนี้</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/printing/call_sheets.py" line="539"/>
        <source>Volunteer</source>
        <translation>อาสาสมัคร</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/call_sheets.py" line="65"/>
        <source>{0} pages of teams, {1} of volunteers in no team.</source>
        <translation>หน้าของทีม {0} หน้า และของอาสาสมัครที่ไม่อยู่ในทีม {1} หน้า</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/printing/call_sheets.py" line="296"/>
        <source>Assigned requests: {0} (all listed on the pages before)</source>
        <translation>คำขอที่ได้รับมอบหมาย: {0} รายการ (แสดงครบแล้วในหน้าก่อน)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/printing/call_sheets.py" line="297"/>
        <source>Assigned requests {0}–{1} of {2}</source>
        <translation>คำขอที่ได้รับมอบหมาย ลำดับที่ {0}–{1} จาก {2} รายการ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/printing/call_sheets.py" line="300"/>
        <source>(the first {0} are listed here, the rest on the next pages)</source>
        <translation>(แสดง {0} รายการแรกในหน้านี้ ที่เหลืออยู่ในหน้าถัดไป)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/printing/call_sheets.py" line="309"/>
        <source>page {0} of {1} of this sheet</source>
        <translation>หน้า {0} จาก {1} ของใบงานนี้</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/printing/call_sheets.py" line="327"/>
        <source>and {0} more members (on the next page)</source>
        <translation>และสมาชิกอีก {0} คน (ในหน้าถัดไป)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/printing/call_sheets.py" line="329"/>
        <source>The members are listed on the pages before.</source>
        <translation>รายชื่อสมาชิกอยู่ในหน้าก่อน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/printing/call_sheets.py" line="700"/>
        <source>Page {0} of {1}</source>
        <translation>หน้า {0} จาก {1}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/printing/call_sheets.py" line="259"/>
        <source>{0} person</source>
        <translation>{0} คน</translation>
    </message>
</context>
<context>
    <name>CallSheetsAlgorithm</name>
    <message>
        <location filename="../jitasa_qgis/processing/call_sheets.py" line="26"/>
        <source>Print call sheets for volunteers</source>
        <translation>พิมพ์ใบงานอาสาสมัคร</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/call_sheets.py" line="29"/>
        <source>Writes one PDF with a page per volunteer of a province, amphoe or tambon: a small map of the requests assigned to them and a table (category, urgency, what is needed, tambon and amphoe, how to reach the requester). With one page per team, a team&apos;s page lists its members and all their requests on one map and table.

Names and phone numbers are printed only when your role may read them (officers and admins); otherwise they are masked and the PDF holds none of them. The file is written whole or not at all.</source>
        <translation>เขียน PDF หนึ่งไฟล์ หน้าละหนึ่งอาสาสมัครของจังหวัด อำเภอ หรือตำบล: แผนที่เล็กของคำขอที่มอบหมาย และตาราง (ประเภท ความเร่งด่วน สิ่งที่ต้องการ ตำบลและอำเภอ วิธีติดต่อผู้ขอ) เมื่อเลือกหน้าละหนึ่งทีม หน้าของทีมจะแสดงรายชื่อสมาชิก และคำขอทั้งหมดของสมาชิกบนแผนที่และตารางเดียวกัน

พิมพ์ชื่อและเบอร์โทรเฉพาะเมื่อบทบาทของคุณมีสิทธิ์อ่าน (เจ้าหน้าที่และผู้ดูแลระบบ) มิฉะนั้นจะปกปิดและ PDF จะไม่มีข้อมูลเหล่านั้นเลย ไฟล์จะถูกเขียนทั้งหมดหรือไม่เขียนเลย</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/call_sheets.py" line="41"/>
        <source>Province, amphoe or tambon: name or code; empty: all volunteers</source>
        <translation>จังหวัด อำเภอ หรือตำบล: ชื่อหรือรหัส; เว้นว่าง: อาสาสมัครทั้งหมด</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/call_sheets.py" line="48"/>
        <source>Only these volunteers (ids, comma-separated; optional)</source>
        <translation>เฉพาะอาสาสมัครเหล่านี้ (รหัส คั่นด้วยจุลภาค; ไม่บังคับ)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/call_sheets.py" line="62"/>
        <source>Leave out volunteers with no assigned request</source>
        <translation>ไม่รวมอาสาสมัครที่ไม่มีคำขอที่มอบหมาย</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/call_sheets.py" line="69"/>
        <source>Also list proposed (not yet confirmed) assignments</source>
        <translation>รวมการมอบหมายที่เสนอ (ยังไม่ยืนยัน) ด้วย</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/call_sheets.py" line="76"/>
        <source>Print names and phone numbers (when your role may read them)</source>
        <translation>พิมพ์ชื่อและเบอร์โทร (เมื่อบทบาทของคุณมีสิทธิ์อ่าน)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/call_sheets.py" line="83"/>
        <source>Producing office</source>
        <translation>หน่วยงานที่จัดทำ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/call_sheets.py" line="91"/>
        <source>Call sheets (PDF)</source>
        <translation>ใบงานอาสาสมัคร (PDF)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/call_sheets.py" line="96"/>
        <source>Pages</source>
        <translation>จำนวนหน้า</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/call_sheets.py" line="97"/>
        <source>Personal data printed (1/0)</source>
        <translation>พิมพ์ข้อมูลส่วนบุคคล (1/0)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/call_sheets.py" line="108"/>
        <source>Volunteer ids must be whole numbers, e.g. 12, 40: {0}</source>
        <translation>รหัสอาสาสมัครต้องเป็นจำนวนเต็ม เช่น 12, 40: {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/call_sheets.py" line="55"/>
        <source>One page per team (volunteers in no team: a page each)</source>
        <translation>หน้าละหนึ่งทีม (อาสาสมัครที่ไม่อยู่ในทีม: คนละหน้า)</translation>
    </message>
</context>
<context>
    <name>CallSheetsDialog</name>
    <message>
        <location filename="../jitasa_qgis/gui/call_sheets_dialog.py" line="23"/>
        <source>Print</source>
        <translation>พิมพ์</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/call_sheets_dialog.py" line="25"/>
        <source>Print call sheets</source>
        <translation>พิมพ์ใบงานอาสาสมัคร</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/call_sheets_dialog.py" line="27"/>
        <source>Area</source>
        <translation>พื้นที่</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/call_sheets_dialog.py" line="27"/>
        <source>Name or code, e.g. วังโป่ง or 6710; empty: every volunteer you may see</source>
        <translation>ชื่อหรือรหัส เช่น วังโป่ง หรือ 6710 ว่างไว้: อาสาสมัครทุกคนที่คุณเห็นได้</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/call_sheets_dialog.py" line="36"/>
        <source>Also list proposed assignments (not yet confirmed)</source>
        <translation>แสดงงานที่เสนอไว้ด้วย (ยังไม่ยืนยัน)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/call_sheets_dialog.py" line="39"/>
        <source>Print names and phone numbers (where your role may read them)</source>
        <translation>พิมพ์ชื่อและเบอร์โทร (เมื่อบทบาทของคุณมีสิทธิ์อ่าน)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/call_sheets_dialog.py" line="48"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/call_sheets_dialog.py" line="48"/>
        <source>PDF file</source>
        <translation>ไฟล์ PDF</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/call_sheets_dialog.py" line="51"/>
        <source>Open the PDF</source>
        <translation>เปิด PDF</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/call_sheets_dialog.py" line="56"/>
        <source>Choose the PDF file to write.</source>
        <translation>เลือกไฟล์ PDF ที่จะบันทึก</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/call_sheets_dialog.py" line="72"/>
        <source>Jitasa: call sheets to {0}</source>
        <translation>จิตอาสา: ใบงานไปยัง {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/call_sheets_dialog.py" line="33"/>
        <source>Volunteer</source>
        <translation>อาสาสมัคร</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/call_sheets_dialog.py" line="34"/>
        <source>Team (its members and all their requests)</source>
        <translation>ทีม (สมาชิกและคำขอทั้งหมดของทีม)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/call_sheets_dialog.py" line="35"/>
        <source>Only volunteers or teams with assigned requests</source>
        <translation>เฉพาะอาสาสมัครหรือทีมที่มีงานมอบหมาย</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/call_sheets_dialog.py" line="43"/>
        <source>One page per</source>
        <translation>หน้าละหนึ่ง</translation>
    </message>
</context>
<context>
    <name>CandidateTable</name>
    <message>
        <location filename="../jitasa_qgis/gui/candidate_table_model.py" line="76"/>
        <source>Straight-line distance at {speed} km/h: an estimate, not road travel time</source>
        <translation>ระยะเส้นตรงที่ {speed} กม./ชม. เป็นค่าประมาณ ไม่ใช่เวลาเดินทางตามถนน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/candidate_table_model.py" line="57"/>
        <source>#</source>
        <translation>ลำดับ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/candidate_table_model.py" line="58"/>
        <source>Volunteer</source>
        <translation>อาสาสมัคร</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/candidate_table_model.py" line="60"/>
        <source>Minutes (est.)</source>
        <translation>นาที (ประมาณ)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/candidate_table_model.py" line="63"/>
        <source>km</source>
        <translation>กม.</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/candidate_table_model.py" line="64"/>
        <source>Load</source>
        <translation>ภาระงาน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/candidate_table_model.py" line="65"/>
        <source>Skills</source>
        <translation>ทักษะ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/candidate_table_model.py" line="66"/>
        <source>Vehicle</source>
        <translation>ยานพาหนะ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/candidate_table_model.py" line="67"/>
        <source>Can go?</source>
        <translation>ไปได้ไหม</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/candidate_table_model.py" line="93"/>
        <source>{active} active assignment(s) of at most {capacity}</source>
        <translation>งานที่กำลังทำ {active} งาน จากสูงสุด {capacity} งาน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/candidate_table_model.py" line="97"/>
        <source>Volunteer {id}</source>
        <translation>อาสาสมัคร {id}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/candidate_table_model.py" line="59"/>
        <source>Phone</source>
        <translation>โทรศัพท์</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/candidate_table_model.py" line="62"/>
        <source>Minutes by road</source>
        <translation>นาทีตามถนน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/candidate_table_model.py" line="72"/>
        <source>Road minutes on the network &apos;{network}&apos;, with the off-road leg to the nearest road</source>
        <translation>นาทีตามถนนบนโครงข่าย '{network}' รวมช่วงนอกถนนถึงถนนที่ใกล้ที่สุด</translation>
    </message>
</context>
<context>
    <name>CapacityStatus</name>
    <message>
        <location filename="../jitasa_qgis/definitions/labels.py" line="101"/>
        <source>Open</source>
        <translation>เปิดรับ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/labels.py" line="102"/>
        <source>Limited</source>
        <translation>รับได้จำกัด</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/labels.py" line="103"/>
        <source>Full</source>
        <translation>เต็ม</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/labels.py" line="104"/>
        <source>Closed</source>
        <translation>ปิดรับ</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <location filename="../jitasa_qgis/gui/connect_dialog.py" line="25"/>
        <source>Connect to Jitasa store</source>
        <translation>เชื่อมต่อคลังข้อมูลจิตอาสา</translation>
    </message>
    <message>
        <location filename="../ui/connect_dialog.ui" line="10"/>
        <source>Saved PostgreSQL connection</source>
        <translation>การเชื่อมต่อ PostgreSQL ที่บันทึกไว้</translation>
    </message>
    <message>
        <location filename="../ui/connect_dialog.ui" line="21"/>
        <source>pg_service name</source>
        <translation>ชื่อ pg_service</translation>
    </message>
    <message>
        <location filename="../ui/connect_dialog.ui" line="26"/>
        <source>e.g. jitasa</source>
        <translation>เช่น jitasa</translation>
    </message>
    <message>
        <location filename="../ui/connect_dialog.ui" line="31"/>
        <source>Passwords stay in the QGIS authentication database (authcfg) or in pg_service.conf; Jitasa never stores one.</source>
        <translation>รหัสผ่านเก็บอยู่ในฐานข้อมูลการยืนยันตัวตนของ QGIS (authcfg) หรือใน pg_service.conf เท่านั้น จิตอาสาไม่เก็บรหัสผ่านไว้เอง.</translation>
    </message>
    <message>
        <location filename="../ui/connect_dialog.ui" line="39"/>
        <source>Test connection</source>
        <translation>ทดสอบการเชื่อมต่อ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/connect_dialog.py" line="66"/>
        <source>Choose a saved PostgreSQL connection, or give a pg_service name.</source>
        <translation>เลือกการเชื่อมต่อ PostgreSQL ที่บันทึกไว้ หรือระบุชื่อ pg_service.</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/connect_dialog.py" line="82"/>
        <source>Connected: the store is ready.</source>
        <translation>เชื่อมต่อแล้ว: คลังข้อมูลพร้อมใช้งาน.</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/connect_dialog.py" line="31"/>
        <source>OK</source>
        <translation>ตกลง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/connect_dialog.py" line="32"/>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
</context>
<context>
    <name>CoverageCountImport</name>
    <message>
        <location filename="../jitasa_qgis/services/coverage_count_import.py" line="65"/>
        <source>{0}: {1} rows read with the mapping {2}.</source>
        <translation>{0}: อ่านแล้ว {1} แถว ด้วยการจับคู่ {2}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/coverage_count_import.py" line="68"/>
        <source>Counts: {0} new, {1} updated, {2} unchanged, {3} rejected.</source>
        <translation>ข้อมูล: ใหม่ {0} ปรับปรุง {1} ไม่เปลี่ยน {2} ปฏิเสธ {3}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/coverage_count_import.py" line="73"/>
        <source>Campaigns: {0}.</source>
        <translation>แคมเปญ: {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/coverage_count_import.py" line="79"/>
        <source>Tambon codes the store does not know: {0}.</source>
        <translation>รหัสตำบลที่ไม่มีในฐานข้อมูล: {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/coverage_count_import.py" line="85"/>
        <source>Rejected: {0} — {1}</source>
        <translation>ปฏิเสธ: {0} — {1}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/coverage_count_import.py" line="100"/>
        <source>Give a CSV or XLSX file of per-tambon counts.</source>
        <translation>โปรดระบุไฟล์ CSV หรือ XLSX ของข้อมูลรายตำบล</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/coverage_count_import.py" line="102"/>
        <source>{0}: {1} rows read.</source>
        <translation>{0}: อ่านแล้ว {1} แถว</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/coverage_count_import.py" line="123"/>
        <source>{0} counts to write, {1} rows rejected.</source>
        <translation>ข้อมูลที่จะบันทึก {0} แถว ปฏิเสธ {1} แถว</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/coverage_count_import.py" line="107"/>
        <source>Importing the counts failed and nothing was written: {0}</source>
        <translation>นำเข้าข้อมูลไม่สำเร็จ ไม่มีการบันทึกใด ๆ: {0}</translation>
    </message>
</context>
<context>
    <name>CoverageCounts</name>
    <message>
        <location filename="../jitasa_qgis/core/coverage_counts.py" line="118"/>
        <source>The campaign &apos;{0}&apos; must be lower-case letters, digits and _ (e.g. covid19_dose2).</source>
        <translation>แคมเปญ '{0}' ต้องเป็นอักษรอังกฤษตัวเล็ก ตัวเลข และ _ เท่านั้น (เช่น covid19_dose2)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/coverage_counts.py" line="125"/>
        <source>No column for {0} in {1}. Its columns: {2}.</source>
        <translation>ไม่พบคอลัมน์สำหรับ {0} ใน {1} คอลัมน์ที่มี: {2}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/coverage_counts.py" line="131"/>
        <source>The file has no campaign column: give the campaign.</source>
        <translation>ไฟล์ไม่มีคอลัมน์แคมเปญ: โปรดระบุแคมเปญ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/coverage_counts.py" line="133"/>
        <source>The file has no date column: give the date of the counts.</source>
        <translation>ไฟล์ไม่มีคอลัมน์วันที่: โปรดระบุวันที่ของข้อมูล</translation>
    </message>
</context>
<context>
    <name>CoverageGaps</name>
    <message>
        <location filename="../jitasa_qgis/services/coverage_gaps.py" line="128"/>
        <source>{0} open requests in {1} tambons; {2} service areas, {3} open facilities with room.</source>
        <translation>คำขอที่ยังเปิดอยู่ {0} รายการใน {1} ตำบล; พื้นที่บริการ {2} พื้นที่, สถานบริการที่เปิดและยังรับได้ {3} แห่ง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/coverage_gaps.py" line="131"/>
        <source>{0} requests outside every service area.</source>
        <translation>คำขอ {0} รายการอยู่นอกพื้นที่บริการทั้งหมด</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/coverage_gaps.py" line="132"/>
        <source>{0} requests beyond {1:g} minutes of an open facility with room.</source>
        <translation>คำขอ {0} รายการอยู่ไกลเกิน {1:g} นาทีจากสถานบริการที่เปิดและยังรับได้</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/coverage_gaps.py" line="135"/>
        <source>Travel model: {0}.</source>
        <translation>แบบจำลองเวลาเดินทาง: {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/coverage_gaps.py" line="138"/>
        <source>Road network: {0}.</source>
        <translation>โครงข่ายถนน: {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/coverage_gaps.py" line="140"/>
        <source>Report written to {0}.</source>
        <translation>เขียนรายงานไปที่ {0} แล้ว</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/coverage_gaps.py" line="146"/>
        <source>road minutes on the road network</source>
        <translation>นาทีตามโครงข่ายถนน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/coverage_gaps.py" line="147"/>
        <source>straight line (no road network covers the area)</source>
        <translation>เส้นตรง (ไม่มีโครงข่ายถนนครอบคลุมพื้นที่)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/coverage_gaps.py" line="152"/>
        <source>The travel-time limit must be a positive number of minutes.</source>
        <translation>เกณฑ์เวลาเดินทางต้องเป็นจำนวนนาทีที่มากกว่าศูนย์</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/coverage_gaps.py" line="154"/>
        <source>The report must be a .csv or .xlsx file, not &apos;{0}&apos;.</source>
        <translation>รายงานต้องเป็นไฟล์ .csv หรือ .xlsx ไม่ใช่ '{0}'</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/coverage_gaps.py" line="177"/>
        <source>No tambons in the store for the area code &apos;{0}&apos;.</source>
        <translation>ไม่มีตำบลในฐานข้อมูลสำหรับรหัสพื้นที่ '{0}'</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/coverage_gaps.py" line="225"/>
        <source>{0} requests not covered.</source>
        <translation>คำขอที่ไม่ครอบคลุม {0} รายการ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/coverage_gaps.py" line="331"/>
        <source>Reading the coverage counts failed: {0}</source>
        <translation>อ่านข้อมูลความครอบคลุมไม่สำเร็จ: {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/coverage_gaps.py" line="182"/>
        <source>{0} open requests in {1} tambons.</source>
        <translation>คำขอที่ยังเปิดอยู่ {0} รายการใน {1} ตำบล</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/coverage_gaps.py" line="187"/>
        <source>{0} service areas, {1} open facilities with room; travel model: {2}.</source>
        <translation>พื้นที่บริการ {0} พื้นที่, สถานบริการที่เปิดและยังรับได้ {1} แห่ง; แบบจำลองเวลาเดินทาง: {2}</translation>
    </message>
</context>
<context>
    <name>CoverageGapsAlgorithm</name>
    <message>
        <location filename="../jitasa_qgis/processing/coverage_gaps.py" line="80"/>
        <source>&apos;{0}&apos; is not a service area id.</source>
        <translation>'{0}' ไม่ใช่รหัสพื้นที่บริการ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/coverage_gaps.py" line="160"/>
        <source>Coverage gaps per tambon</source>
        <translation>ช่องว่างความครอบคลุมรายตำบล</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/coverage_gaps.py" line="94"/>
        <source>For each tambon: open requests (new, assigned, in progress) by urgency and category; those outside every service area (a request on an area&apos;s edge is inside it, and one in overlapping areas counts once); those further than the limit from the nearest facility that is open or limited and has free beds (or no bed count); volunteers available (available and below capacity), per open request and per 1,000 people where the tambon has a population.
Minutes are road minutes on the road network covering the area, else the straight line; the travel_model field and the log say which.
Outputs: the tambons (styled by requests not covered), the uncovered requests (by reason) and, if a file is given, a CSV or XLSX report. From the toolbox they load into the &apos;Jitasa planning&apos; group.</source>
        <translation>สำหรับแต่ละตำบล: คำขอที่ยังเปิดอยู่ (ใหม่ มอบหมายแล้ว กำลังดำเนินการ) แยกตามความเร่งด่วนและประเภท; คำขอที่อยู่นอกพื้นที่บริการทั้งหมด (คำขอที่อยู่บนขอบพื้นที่นับว่าอยู่ในพื้นที่ และคำขอในพื้นที่ที่ซ้อนกันนับครั้งเดียว); คำขอที่อยู่ไกลเกินเกณฑ์จากสถานบริการที่ใกล้ที่สุดซึ่งเปิดหรือรับได้จำกัดและยังมีเตียงว่าง (หรือไม่มีข้อมูลเตียง); อาสาสมัครที่พร้อม (พร้อมและยังไม่เต็มความสามารถ) ต่อคำขอที่เปิดอยู่ และต่อประชากร 1,000 คนเมื่อตำบลมีข้อมูลประชากร
เวลาเป็นนาทีตามโครงข่ายถนนที่ครอบคลุมพื้นที่ มิฉะนั้นใช้เส้นตรง; ฟิลด์ travel_model และบันทึกจะบอกว่าใช้แบบใด
ผลลัพธ์: ชั้นข้อมูลตำบล (แสดงสีตามจำนวนคำขอที่ไม่ครอบคลุม) คำขอที่ไม่ครอบคลุม (ตามเหตุผล) และรายงาน CSV หรือ XLSX หากระบุไฟล์ เมื่อรันจากกล่องเครื่องมือ ผลลัพธ์จะอยู่ในกลุ่ม 'Jitasa วางแผน'</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/coverage_gaps.py" line="109"/>
        <source>Province, amphoe or tambon code (empty: every tambon)</source>
        <translation>รหัสจังหวัด อำเภอ หรือตำบล (ว่าง: ทุกตำบล)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/coverage_gaps.py" line="116"/>
        <source>Travel-time limit to an open facility with room (minutes)</source>
        <translation>เกณฑ์เวลาเดินทางถึงสถานบริการที่เปิดและยังรับได้ (นาที)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/coverage_gaps.py" line="125"/>
        <source>Facility kinds that count (comma separated; empty: all)</source>
        <translation>ประเภทสถานบริการที่นับ (คั่นด้วยจุลภาค; ว่าง: ทั้งหมด)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/coverage_gaps.py" line="132"/>
        <source>Service area kinds that count (comma separated; empty: all)</source>
        <translation>ประเภทพื้นที่บริการที่นับ (คั่นด้วยจุลภาค; ว่าง: ทั้งหมด)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/coverage_gaps.py" line="139"/>
        <source>Service area ids that count (comma separated; empty: all)</source>
        <translation>รหัสพื้นที่บริการที่นับ (คั่นด้วยจุลภาค; ว่าง: ทั้งหมด)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/coverage_gaps.py" line="146"/>
        <source>Vaccination / screening campaign to show (e.g. covid19_dose2)</source>
        <translation>แคมเปญฉีดวัคซีน / คัดกรองที่จะแสดง (เช่น covid19_dose2)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/coverage_gaps.py" line="153"/>
        <source>Use the straight line even where a road network exists</source>
        <translation>ใช้เส้นตรงแม้มีโครงข่ายถนน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/coverage_gaps.py" line="168"/>
        <source>Requests not covered</source>
        <translation>คำขอที่ไม่ครอบคลุม</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/coverage_gaps.py" line="166"/>
        <source>Report (CSV or XLSX)</source>
        <translation>รายงาน (CSV หรือ XLSX)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/coverage_gaps.py" line="167"/>
        <source>Open requests</source>
        <translation>คำขอที่ยังเปิดอยู่</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/coverage_gaps.py" line="171"/>
        <source>Travel-time model (road_network or straight_line)</source>
        <translation>แบบจำลองเวลาเดินทาง (road_network หรือ straight_line)</translation>
    </message>
</context>
<context>
    <name>CoverageStore</name>
    <message>
        <location filename="../jitasa_qgis/store/coverage.py" line="205"/>
        <source>The request points came in an unexpected binary form.</source>
        <translation>ข้อมูลตำแหน่งคำขอมาในรูปแบบไบนารีที่ไม่คาดคิด</translation>
    </message>
</context>
<context>
    <name>CreateDatabaseAlgorithm</name>
    <message>
        <location filename="../jitasa_qgis/processing/create_database.py" line="20"/>
        <source>Create or upgrade Jitasa database</source>
        <translation>สร้างหรืออัปเกรดฐานข้อมูลจิตอาสา</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/create_database.py" line="23"/>
        <source>Creates the jitasa schema (tables, triggers, roles) in the chosen database, or upgrades it to the version this plugin needs. Each step runs in its own transaction; running it again changes nothing.</source>
        <translation>สร้างสคีมา jitasa (ตาราง ทริกเกอร์ และบทบาทผู้ใช้) ในฐานข้อมูลที่เลือก หรืออัปเกรดเป็นเวอร์ชันที่ปลั๊กอินนี้ต้องการ แต่ละขั้นตอนทำงานในทรานแซกชันของตัวเอง การเรียกใช้ซ้ำจะไม่เปลี่ยนแปลงสิ่งใด.</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/create_database.py" line="32"/>
        <source>Schema version</source>
        <translation>เวอร์ชันสคีมา</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/create_database.py" line="35"/>
        <source>Migrations applied</source>
        <translation>จำนวนขั้นปรับปรุงฐานข้อมูลที่ดำเนินการ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/create_database.py" line="43"/>
        <source>Applied migrations: {0}</source>
        <translation>ดำเนินการปรับปรุงฐานข้อมูลขั้นที่: {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/create_database.py" line="47"/>
        <source>The store is already at schema version {0}.</source>
        <translation>คลังข้อมูลเป็นสคีมาเวอร์ชัน {0} อยู่แล้ว.</translation>
    </message>
</context>
<context>
    <name>DemoData</name>
    <message>
        <location filename="../jitasa_qgis/core/admin_source.py" line="84"/>
        <source>layer &apos;{0}&apos; with field {1} for level {2}</source>
        <translation>ชั้นข้อมูล '{0}' ที่มีฟิลด์ {1} สำหรับระดับ {2}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/admin_source.py" line="99"/>
        <source>a polygon layer for level {0} (field {1})</source>
        <translation>ชั้นข้อมูลรูปหลายเหลี่ยมสำหรับระดับ {0} (ฟิลด์ {1})</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/admin_source.py" line="103"/>
        <source>{0}: missing {1}</source>
        <translation>{0}: ไม่พบ{1}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/admin_source.py" line="114"/>
        <source>{0}: missing layer &apos;{1}&apos; (have: {2})</source>
        <translation>{0}: ไม่พบชั้นข้อมูล '{1}' (ชั้นข้อมูลที่มี: {2})</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/admin_source.py" line="122"/>
        <source>{0}: layer &apos;{1}&apos; lacks field(s) {2}</source>
        <translation>{0}: ชั้นข้อมูล '{1}' ไม่มีฟิลด์ {2}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/admin_source.py" line="130"/>
        <source>{0}: layer &apos;{1}&apos; feature {2} has no position</source>
        <translation>{0}: ชั้นข้อมูล '{1}' ฟีเจอร์ {2} ไม่มีตำแหน่ง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/admin_source.py" line="153"/>
        <source>{0}: file not found</source>
        <translation>{0}: ไม่พบไฟล์</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/admin_source.py" line="159"/>
        <source>{0}: not a readable GeoPackage/OGR data source</source>
        <translation>{0}: ไม่ใช่แหล่งข้อมูล GeoPackage/OGR ที่อ่านได้</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/admin_source.py" line="171"/>
        <source>{0}: layer &apos;{1}&apos; feature {2} has no valid {3}</source>
        <translation>{0}: ชั้นข้อมูล '{1}' ฟีเจอร์ {2} ไม่มี {3} ที่ถูกต้อง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/admin_source.py" line="178"/>
        <source>{0}: {1} {2} in layer &apos;{3}&apos; has no geometry</source>
        <translation>{0}: {1} {2} ในชั้นข้อมูล '{3}' ไม่มีรูปเรขาคณิต</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/demo_data.py" line="71"/>
        <source>no tambons given: demo requests and volunteers need at least one tambon</source>
        <translation>ไม่ได้ระบุตำบล: คำขอความช่วยเหลือและอาสาสมัครตัวอย่างต้องมีอย่างน้อยหนึ่งตำบล</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/demo_loading.py" line="254"/>
        <source>{0} has no hospital layer named &apos;{1}&apos;. Its layers: {2}. Choose the hospital layer (the &apos;Hospital layer&apos; parameter).</source>
        <translation>{0} ไม่มีชั้นข้อมูลโรงพยาบาลชื่อ '{1}' ชั้นข้อมูลในไฟล์: {2} โปรดเลือกชั้นข้อมูลโรงพยาบาล (พารามิเตอร์ 'ชั้นข้อมูลโรงพยาบาล')</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/demo_loading.py" line="254"/>
        <source>none</source>
        <translation>ไม่มี</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/demo_loading.py" line="86"/>
        <source>Road network &apos;{0}&apos; (version {1}): {2} segments, {3:,.0f} km, {4} junctions made by snapping; the routable piece holds {5:.0f}% of the length ({6} pieces).</source>
        <translation>โครงข่ายถนน '{0}' (รุ่น {1}): {2} ช่วงถนน, {3:,.0f} กม., ทางแยกจากการเชื่อมปลายเส้น {4} แห่ง; ส่วนที่ใช้หาเส้นทางได้มีความยาว {5:.0f}% ของทั้งหมด ({6} ส่วน)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/demo_loading.py" line="106"/>
        <source>It holds major roads only ({0}): no secondary or local roads, so drive times on it are major roads plus an off-road leg.</source>
        <translation>มีเฉพาะถนนสายหลัก ({0}): ไม่มีถนนสายรองหรือถนนท้องถิ่น เวลาเดินทางจึงคิดตามถนนสายหลักบวกช่วงเดินทางนอกถนน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/demo_loading.py" line="190"/>
        <source>Seeding teams failed: {0}</source>
        <translation>การกำหนดทีมให้อาสาสมัครสาธิตไม่สำเร็จ: {0}</translation>
    </message>
</context>
<context>
    <name>DemoProject</name>
    <message>
        <location filename="../jitasa_qgis/layers/demo_loading.py" line="10"/>
        <source>Jitasa — Phetchabun demo</source>
        <translation>จิตอาสา — ข้อมูลตัวอย่างจังหวัดเพชรบูรณ์</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <location filename="../jitasa_qgis/services/export.py" line="57"/>
        <source>Wrote {0} rows and {1} columns to {2}.</source>
        <translation>เขียน {0} แถว {1} คอลัมน์ ลงใน {2} แล้ว</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/export.py" line="62"/>
        <source>The file holds personal data (names, phone numbers, notes).</source>
        <translation>ไฟล์นี้มีข้อมูลส่วนบุคคล (ชื่อ เบอร์โทรศัพท์ บันทึก)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/export.py" line="64"/>
        <source>Personal data was asked for, but your role may not read it: names, phone numbers and notes were left out.</source>
        <translation>ขอข้อมูลส่วนบุคคลไว้ แต่บทบาทของคุณไม่มีสิทธิ์อ่าน: จึงไม่ได้ใส่ชื่อ เบอร์โทรศัพท์ และบันทึก</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/export.py" line="72"/>
        <source>No personal data in the file.</source>
        <translation>ไฟล์นี้ไม่มีข้อมูลส่วนบุคคล</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/export.py" line="84"/>
        <source>Unknown export: {0}</source>
        <translation>ไม่รู้จักข้อมูลที่จะส่งออก: {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/export.py" line="86"/>
        <source>Unknown status filter: {0}</source>
        <translation>ไม่รู้จักตัวกรองสถานะ: {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/export.py" line="90"/>
        <source>Unknown export format: {0}</source>
        <translation>ไม่รู้จักรูปแบบไฟล์ส่งออก: {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/export.py" line="97"/>
        <source>Area: {0}</source>
        <translation>พื้นที่: {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/export.py" line="111"/>
        <source>{0} rows to export.</source>
        <translation>ส่งออก {0} แถว</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/export.py" line="129"/>
        <source>Cancelled; no file was written.</source>
        <translation>ยกเลิกแล้ว ไม่ได้เขียนไฟล์ใด</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/export.py" line="125"/>
        <source>Cannot write {0}: {1}</source>
        <translation>เขียน {0} ไม่ได้: {1}</translation>
    </message>
</context>
<context>
    <name>ExportAlgorithm</name>
    <message>
        <location filename="../jitasa_qgis/processing/export.py" line="27"/>
        <source>Export to CSV, XLSX or GeoPackage</source>
        <translation>ส่งออกเป็น CSV, XLSX หรือ GeoPackage</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/export.py" line="30"/>
        <source>Writes the help requests, assignments, volunteers or facilities of a province, amphoe or tambon (or of the whole store) to a CSV file (UTF-8, opens in Excel with Thai text), an XLSX workbook or a GeoPackage of points.

Only the columns your role may read are written. Names, phone numbers and notes are written only when you tick &apos;Include personal data&apos; and your role may read them (officers and admins; never analysts). The file is written whole or not at all.</source>
        <translation>เขียนคำขอความช่วยเหลือ การมอบหมายงาน อาสาสมัคร หรือสถานพยาบาลของจังหวัด อำเภอ หรือตำบล (หรือทั้งฐานข้อมูล) ลงไฟล์ CSV (UTF-8 เปิดใน Excel แล้วอ่านภาษาไทยได้) สมุดงาน XLSX หรือ GeoPackage แบบจุด

เขียนเฉพาะคอลัมน์ที่บทบาทของคุณมีสิทธิ์อ่าน ชื่อ เบอร์โทรศัพท์ และบันทึก จะเขียนก็ต่อเมื่อคุณเลือก 'รวมข้อมูลส่วนบุคคล' และบทบาทของคุณมีสิทธิ์อ่าน (เจ้าหน้าที่และผู้ดูแลระบบ ไม่ใช่นักวิเคราะห์) ไฟล์จะเขียนครบทั้งไฟล์หรือไม่เขียนเลย</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/export.py" line="42"/>
        <source>Export</source>
        <translation>ส่งออก</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/export.py" line="42"/>
        <source>Help requests</source>
        <translation>คำขอความช่วยเหลือ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/export.py" line="42"/>
        <source>Assignments</source>
        <translation>การมอบหมายงาน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/export.py" line="42"/>
        <source>Volunteers</source>
        <translation>อาสาสมัคร</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/export.py" line="42"/>
        <source>Facilities</source>
        <translation>สถานพยาบาล</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/export.py" line="55"/>
        <source>Province, amphoe or tambon: name or code (e.g. 67, วังโป่ง or 6710); empty: all</source>
        <translation>จังหวัด อำเภอ หรือตำบล: ชื่อหรือรหัส (เช่น 67, วังโป่ง หรือ 6710) เว้นว่าง: ทั้งหมด</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/export.py" line="64"/>
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/export.py" line="64"/>
        <source>All</source>
        <translation>ทั้งหมด</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/export.py" line="64"/>
        <source>Open only (requests not done or cancelled, live assignments)</source>
        <translation>เฉพาะที่ยังเปิดอยู่ (คำขอที่ยังไม่เสร็จหรือยกเลิก การมอบหมายที่ยังดำเนินอยู่)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/export.py" line="75"/>
        <source>Created on or after (optional)</source>
        <translation>สร้างตั้งแต่วันที่ (ไม่บังคับ)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/export.py" line="83"/>
        <source>Include personal data (names, phone numbers, notes)</source>
        <translation>รวมข้อมูลส่วนบุคคล (ชื่อ เบอร์โทรศัพท์ บันทึก)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/export.py" line="90"/>
        <source>Output file</source>
        <translation>ไฟล์ผลลัพธ์</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/export.py" line="90"/>
        <source>CSV (*.csv);;Excel workbook (*.xlsx);;GeoPackage (*.gpkg)</source>
        <translation>CSV (*.csv);;สมุดงาน Excel (*.xlsx);;GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/export.py" line="97"/>
        <source>Rows written</source>
        <translation>จำนวนแถวที่เขียน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/export.py" line="98"/>
        <source>Columns</source>
        <translation>คอลัมน์</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/export.py" line="99"/>
        <source>Personal data included (1/0)</source>
        <translation>มีข้อมูลส่วนบุคคล (1/0)</translation>
    </message>
</context>
<context>
    <name>ExportRows</name>
    <message>
        <location filename="../jitasa_qgis/store/export_rows.py" line="246"/>
        <source>requests</source>
        <translation>คำขอความช่วยเหลือ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/store/export_rows.py" line="247"/>
        <source>assignments</source>
        <translation>การมอบหมายงาน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/store/export_rows.py" line="248"/>
        <source>volunteers</source>
        <translation>อาสาสมัคร</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/store/export_rows.py" line="249"/>
        <source>facilities</source>
        <translation>สถานพยาบาล</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/store/export_rows.py" line="286"/>
        <source>Your role may not read {0}: nothing to export.</source>
        <translation>บทบาทของคุณไม่มีสิทธิ์อ่าน{0}: ไม่มีข้อมูลให้ส่งออก</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/store/export_rows.py" line="341"/>
        <source>Your role may not read {0}.{1}, which this filter needs.</source>
        <translation>บทบาทของคุณไม่มีสิทธิ์อ่าน {0}.{1} ซึ่งตัวกรองนี้ต้องใช้</translation>
    </message>
</context>
<context>
    <name>FacilityImport</name>
    <message>
        <location filename="../jitasa_qgis/core/facility_import.py" line="181"/>
        <source>&apos;{0}&apos; in the kind map is not value=kind.</source>
        <translation>'{0}' ในการจับคู่ประเภทไม่อยู่ในรูป ค่า=ประเภท</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/facility_import.py" line="186"/>
        <source>&apos;{0}&apos; in the kind map is not a facility kind. The kinds: {1}.</source>
        <translation>'{0}' ในการจับคู่ประเภทไม่ใช่ประเภทหน่วยบริการ ประเภทที่มี: {1}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/facility_import.py" line="274"/>
        <source>{0} has no column for the facility's id (the key: main_code, hoscode, code, id, รหัส ...). Name it in the field mapping, e.g. source_id=COLUMN. Its columns: {1}.</source>
        <translation>{0} ไม่มีคอลัมน์รหัสของหน่วยบริการ (ใช้เป็นคีย์: main_code, hoscode, code, id, รหัส ...) ระบุในการจับคู่ฟิลด์ เช่น source_id=ชื่อคอลัมน์ คอลัมน์ที่มี: {1}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/facility_import.py" line="282"/>
        <source>{0} has neither point geometries nor longitude and latitude columns (lon/lat, x/y, ลองจิจูด/ละติจูด). Name them in the field mapping, e.g. lon=COLUMN; lat=COLUMN. Its columns: {1}.</source>
        <translation>{0} ไม่มีทั้งรูปเรขาคณิตแบบจุดและคอลัมน์ลองจิจูด/ละติจูด (lon/lat, x/y, ลองจิจูด/ละติจูด) ระบุในการจับคู่ฟิลด์ เช่น lon=ชื่อคอลัมน์; lat=ชื่อคอลัมน์ คอลัมน์ที่มี: {1}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/facility_import.py" line="305"/>
        <source>The source must not be empty (e.g. moph).</source>
        <translation>ต้องระบุแหล่งข้อมูล (เช่น moph)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/facility_import.py" line="308"/>
        <source>&apos;{0}&apos; is not a facility kind. The kinds: {1}.</source>
        <translation>'{0}' ไม่ใช่ประเภทหน่วยบริการ ประเภทที่มี: {1}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/facility_import.py" line="66"/>
        <source>{0}: {1} rows read with the mapping {2}.</source>
        <translation>{0}: อ่านแล้ว {1} แถว ด้วยการจับคู่ฟิลด์ {2}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/facility_import.py" line="69"/>
        <source>Facilities: {0} new, {1} updated, {2} unchanged, {3} rejected.</source>
        <translation>หน่วยบริการ: ใหม่ {0} ปรับปรุง {1} ไม่เปลี่ยนแปลง {2} ปฏิเสธ {3}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/facility_import.py" line="74"/>
        <source>Kinds: {0}.</source>
        <translation>ประเภท: {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/facility_import.py" line="80"/>
        <source>{0} facilities have no name in the file: named from their kind and id.</source>
        <translation>หน่วยบริการ {0} แห่งไม่มีชื่อในไฟล์ จึงตั้งชื่อจากประเภทและรหัส</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/facility_import.py" line="86"/>
        <source>Rejected: {0} — {1}</source>
        <translation>ปฏิเสธ: {0} — {1}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/facility_import.py" line="88"/>
        <source>{0} of the rejected rows were new in the rejects table.</source>
        <translation>ในแถวที่ถูกปฏิเสธ มี {0} แถวที่เพิ่งบันทึกในตารางรายการที่ถูกปฏิเสธ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/facility_import.py" line="108"/>
        <source>Give a layer or a file to import facilities from.</source>
        <translation>ระบุชั้นข้อมูลหรือไฟล์ที่จะนำเข้าหน่วยบริการ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/facility_import.py" line="110"/>
        <source>{0}: {1} rows read.</source>
        <translation>{0}: อ่านแล้ว {1} แถว</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/facility_import.py" line="113"/>
        <source>{0} facilities to write, {1} rows rejected.</source>
        <translation>หน่วยบริการที่จะบันทึก {0} แห่ง ปฏิเสธ {1} แถว</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/facility_import.py" line="122"/>
        <source>Importing facilities failed and nothing was written: {0}</source>
        <translation>นำเข้าหน่วยบริการไม่สำเร็จ ไม่มีการบันทึกข้อมูลใด: {0}</translation>
    </message>
</context>
<context>
    <name>FacilityKind</name>
    <message>
        <location filename="../jitasa_qgis/definitions/labels.py" line="89"/>
        <source>Hospital</source>
        <translation>โรงพยาบาล</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/labels.py" line="90"/>
        <source>Field hospital</source>
        <translation>โรงพยาบาลสนาม</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/labels.py" line="91"/>
        <source>Community isolation centre</source>
        <translation>ศูนย์พักคอยในชุมชน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/labels.py" line="92"/>
        <source>Screening point</source>
        <translation>จุดตรวจคัดกรอง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/labels.py" line="93"/>
        <source>Vaccination point</source>
        <translation>จุดฉีดวัคซีน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/labels.py" line="94"/>
        <source>Oxygen refill point</source>
        <translation>จุดเติมออกซิเจน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/labels.py" line="95"/>
        <source>Sub-district health promoting hospital</source>
        <translation>รพ.สต.</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/labels.py" line="96"/>
        <source>Clinic</source>
        <translation>คลินิก</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/labels.py" line="97"/>
        <source>Pharmacy</source>
        <translation>ร้านขายยา</translation>
    </message>
</context>
<context>
    <name>FacilityTable</name>
    <message>
        <location filename="../jitasa_qgis/gui/facility_table_model.py" line="29"/>
        <source>Kind</source>
        <translation>ประเภท</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/facility_table_model.py" line="30"/>
        <source>Name</source>
        <translation>ชื่อ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/facility_table_model.py" line="31"/>
        <source>Beds free</source>
        <translation>เตียงว่าง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/facility_table_model.py" line="32"/>
        <source>Capacity</source>
        <translation>การรับผู้ป่วย</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/facility_table_model.py" line="33"/>
        <source>Updated</source>
        <translation>อัปเดตล่าสุด</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/facility_table_model.py" line="42"/>
        <source>Capacity not updated recently: check with the facility.</source>
        <translation>ข้อมูลการรับผู้ป่วยไม่ได้อัปเดตมาระยะหนึ่ง: โปรดตรวจสอบกับสถานพยาบาล.</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/facility_table_model.py" line="59"/>
        <source>stale: {time}</source>
        <translation>ข้อมูลเก่า: {time}</translation>
    </message>
</context>
<context>
    <name>Feed</name>
    <message>
        <location filename="../jitasa_qgis/core/request_records.py" line="361"/>
        <source>Unknown feed format &apos;{0}&apos;; known: {1}.</source>
        <translation>ไม่รู้จักรูปแบบฟีด '{0}' รูปแบบที่รู้จัก: {1}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/request_records.py" line="366"/>
        <source>The page is not a feed page: a JSON object with a &apos;records&apos; list was expected.</source>
        <translation>หน้านี้ไม่ใช่หน้าของฟีด: ต้องเป็นออบเจ็กต์ JSON ที่มีรายการ 'records'</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/request_records.py" line="374"/>
        <source>The page is not an SOS feed page: a JSON list or an object with a &apos;data&apos; list was expected.</source>
        <translation>หน้านี้ไม่ใช่หน้าของฟีด SOS: ต้องเป็นรายการ JSON หรือออบเจ็กต์ที่มีรายการ 'data'</translation>
    </message>
</context>
<context>
    <name>FeedErrors</name>
    <message>
        <location filename="../jitasa_qgis/definitions/feed_errors.py" line="46"/>
        <source>the feed</source>
        <translation>ฟีด</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/feed_errors.py" line="48"/>
        <source>{url} cannot be reached (no answer after the retries).</source>
        <translation>ติดต่อ {url} ไม่ได้ (ไม่มีการตอบกลับหลังจากลองใหม่แล้ว)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/feed_errors.py" line="50"/>
        <source>{url} did not answer in time (timeout).</source>
        <translation>{url} ไม่ตอบกลับภายในเวลาที่กำหนด (หมดเวลา)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/feed_errors.py" line="52"/>
        <source>The secure connection to {url} failed (TLS certificate or handshake).</source>
        <translation>การเชื่อมต่อแบบปลอดภัยกับ {url} ล้มเหลว (ใบรับรอง TLS หรือการจับมือ)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/feed_errors.py" line="57"/>
        <source>{url} refused the credentials (HTTP {status}); check the authentication configuration.</source>
        <translation>{url} ปฏิเสธข้อมูลยืนยันตัวตน (HTTP {status}) โปรดตรวจสอบการตั้งค่าการยืนยันตัวตน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/feed_errors.py" line="61"/>
        <source>{url} still asks to slow down after the retries (HTTP 429).</source>
        <translation>{url} ยังขอให้ลดความถี่การเรียกหลังจากลองใหม่แล้ว (HTTP 429)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/feed_errors.py" line="64"/>
        <source>{url} answered HTTP {status} after the retries.</source>
        <translation>{url} ตอบกลับ HTTP {status} หลังจากลองใหม่แล้ว</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/feed_errors.py" line="68"/>
        <source>{url} sent a page that is not valid JSON; the page was refused whole.</source>
        <translation>{url} ส่งหน้าที่ไม่ใช่ JSON ที่ถูกต้อง จึงไม่รับทั้งหน้า</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/feed_errors.py" line="72"/>
        <source>{url} sent JSON that is not a page of the feed; the page was refused whole.</source>
        <translation>{url} ส่ง JSON ที่ไม่ใช่หน้าของฟีด จึงไม่รับทั้งหน้า</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/feed_errors.py" line="76"/>
        <source>&apos;{url}&apos; is not an http(s) address.</source>
        <translation>'{url}' ไม่ใช่ที่อยู่ http(s)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/feed_errors.py" line="78"/>
        <source>A credential is never sent over plain http to another computer: use https for {url}.</source>
        <translation>จะไม่ส่งข้อมูลยืนยันตัวตนผ่าน http ธรรมดาไปยังเครื่องอื่น โปรดใช้ https สำหรับ {url}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/feed_errors.py" line="82"/>
        <source>The authentication configuration cannot be used (unknown id, locked, or a method other than Basic or EsriToken).</source>
        <translation>ใช้การตั้งค่าการยืนยันตัวตนนี้ไม่ได้ (ไม่พบรหัส ถูกล็อกอยู่ หรือเป็นวิธีอื่นที่ไม่ใช่ Basic หรือ EsriToken)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/feed_errors.py" line="92"/>
        <source>{url} redirects too many times.</source>
        <translation>{url} เปลี่ยนเส้นทางมากเกินไป</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/feed_errors.py" line="105"/>
        <source>no error</source>
        <translation>ไม่มีข้อผิดพลาด</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/feed_errors.py" line="88"/>
        <source>{url} sent a page larger than the plugin takes; ask for smaller pages (fewer records).</source>
        <translation>{url} ส่งหน้าที่ใหญ่เกินกว่าที่ปลั๊กอินรับได้ โปรดขอหน้าที่เล็กลง (จำนวนระเบียนน้อยลง)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/feed_errors.py" line="94"/>
        <source>This feed is not registered in the store: an admin registers it by running the feed sync once. Nothing was written.</source>
        <translation>ฟีดนี้ยังไม่ได้ลงทะเบียนในฐานข้อมูล: ผู้ดูแลระบบลงทะเบียนได้โดยสั่งซิงก์ฟีดนี้หนึ่งครั้ง ไม่มีการบันทึกข้อมูลใด</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/feed_errors.py" line="100"/>
        <source>The source name is already used by a file import or by requests entered by hand: give the feed a name of its own. Nothing was written.</source>
        <translation>ชื่อแหล่งข้อมูลนี้ถูกใช้แล้วโดยการนำเข้าไฟล์หรือคำขอที่บันทึกด้วยมือ: ตั้งชื่อเฉพาะให้ฟีดนี้ ไม่มีการบันทึกข้อมูลใด</translation>
    </message>
</context>
<context>
    <name>FeedOutcomes</name>
    <message>
        <location filename="../jitasa_qgis/definitions/feed_outcomes.py" line="13"/>
        <source>new</source>
        <translation>ใหม่</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/feed_outcomes.py" line="14"/>
        <source>updated</source>
        <translation>ปรับปรุงแล้ว</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/feed_outcomes.py" line="15"/>
        <source>unchanged</source>
        <translation>ไม่เปลี่ยนแปลง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/feed_outcomes.py" line="16"/>
        <source>older than the stored version (not written)</source>
        <translation>เก่ากว่าฉบับที่เก็บไว้ (ไม่ได้เขียน)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/feed_outcomes.py" line="17"/>
        <source>closed as expired</source>
        <translation>ปิดเนื่องจากหมดอายุ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/feed_outcomes.py" line="18"/>
        <source>assigned: only the feed&apos;s details updated</source>
        <translation>มอบหมายแล้ว: ปรับปรุงเฉพาะรายละเอียดจากฟีด</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/feed_outcomes.py" line="19"/>
        <source>already closed by officers (not written)</source>
        <translation>เจ้าหน้าที่ปิดไปแล้ว (ไม่ได้เขียน)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/feed_outcomes.py" line="20"/>
        <source>expired but in progress (kept open)</source>
        <translation>หมดอายุแต่กำลังดำเนินการ (ยังเปิดไว้)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/feed_outcomes.py" line="21"/>
        <source>expired before it was seen (not stored)</source>
        <translation>หมดอายุก่อนได้รับ (ไม่ได้เก็บ)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/feed_outcomes.py" line="22"/>
        <source>rejected</source>
        <translation>ถูกปฏิเสธ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/feed_outcomes.py" line="23"/>
        <source>new in the rejects table</source>
        <translation>ใหม่ในตารางรายการที่ถูกปฏิเสธ</translation>
    </message>
</context>
<context>
    <name>FeedStatus</name>
    <message>
        <location filename="../jitasa_qgis/gui/feed_status.py" line="60"/>
        <source>Jan</source>
        <translation>ม.ค.</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/feed_status.py" line="60"/>
        <source>Feb</source>
        <translation>ก.พ.</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/feed_status.py" line="60"/>
        <source>Mar</source>
        <translation>มี.ค.</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/feed_status.py" line="60"/>
        <source>Apr</source>
        <translation>เม.ย.</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/feed_status.py" line="60"/>
        <source>May</source>
        <translation>พ.ค.</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/feed_status.py" line="60"/>
        <source>Jun</source>
        <translation>มิ.ย.</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/feed_status.py" line="60"/>
        <source>Jul</source>
        <translation>ก.ค.</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/feed_status.py" line="60"/>
        <source>Aug</source>
        <translation>ส.ค.</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/feed_status.py" line="60"/>
        <source>Sep</source>
        <translation>ก.ย.</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/feed_status.py" line="60"/>
        <source>Oct</source>
        <translation>ต.ค.</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/feed_status.py" line="60"/>
        <source>Nov</source>
        <translation>พ.ย.</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/feed_status.py" line="60"/>
        <source>Dec</source>
        <translation>ธ.ค.</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/feed_status.py" line="89"/>
        <source>never</source>
        <translation>ยังไม่เคย</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/feed_status.py" line="101"/>
        <source>just now</source>
        <translation>เมื่อสักครู่</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/feed_status.py" line="103"/>
        <source>{n} min ago</source>
        <translation>{n} นาทีที่แล้ว</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/feed_status.py" line="105"/>
        <source>{h} h {m} min ago</source>
        <translation>{h} ชม. {m} นาทีที่แล้ว</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/feed_status.py" line="106"/>
        <source>today {time} ({ago})</source>
        <translation>วันนี้ {time} น. ({ago})</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/feed_status.py" line="108"/>
        <source>yesterday {time}</source>
        <translation>เมื่อวาน {time} น.</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/feed_status.py" line="111"/>
        <source>{day} {month} {year} {time}</source>
        <translation>{day} {month} {year} {time} น.</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/feed_status.py" line="118"/>
        <source>OK</source>
        <translation>สำเร็จ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/feed_status.py" line="119"/>
        <source>nothing new</source>
        <translation>ไม่มีข้อมูลใหม่</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/feed_status.py" line="120"/>
        <source>failed</source>
        <translation>ไม่สำเร็จ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/feed_status.py" line="121"/>
        <source>not synced yet</source>
        <translation>ยังไม่เคยดึงข้อมูล</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/feed_status.py" line="138"/>
        <source>{new} new, {updated} updated, {rejected} rejected</source>
        <translation>ใหม่ {new} · ปรับปรุง {updated} · ถูกปฏิเสธ {rejected}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/feed_status.py" line="158"/>
        <source>Source</source>
        <translation>แหล่งข้อมูล</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/feed_status.py" line="159"/>
        <source>Last sync</source>
        <translation>ดึงข้อมูลล่าสุด</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/feed_status.py" line="160"/>
        <source>Outcome</source>
        <translation>ผล</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/feed_status.py" line="161"/>
        <source>New</source>
        <translation>ใหม่</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/feed_status.py" line="162"/>
        <source>Updated</source>
        <translation>ปรับปรุง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/feed_status.py" line="163"/>
        <source>Rejected</source>
        <translation>ปฏิเสธ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/feed_status.py" line="202"/>
        <source>When</source>
        <translation>เมื่อ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/feed_status.py" line="203"/>
        <source>Record</source>
        <translation>ระเบียน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/feed_status.py" line="204"/>
        <source>Reason</source>
        <translation>เหตุผล</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/feed_status.py" line="205"/>
        <source>Record as received</source>
        <translation>ระเบียนตามที่ได้รับ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/feed_status.py" line="243"/>
        <source>Rejected records of {source}</source>
        <translation>ระเบียนที่ถูกปฏิเสธของ {source}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/feed_status.py" line="246"/>
        <source>{n} recent rejected record(s), newest first.</source>
        <translation>ระเบียนที่ถูกปฏิเสธล่าสุด {n} รายการ เรียงจากใหม่ไปเก่า</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/feed_status.py" line="246"/>
        <source>{n} recent rejected record(s), newest first. Your role may not read the records.</source>
        <translation>ระเบียนที่ถูกปฏิเสธล่าสุด {n} รายการ เรียงจากใหม่ไปเก่า บทบาทของคุณไม่มีสิทธิ์อ่านตัวระเบียน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/feed_status.py" line="278"/>
        <source>Feed settings</source>
        <translation>ตั้งค่าฟีด</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/feed_status.py" line="282"/>
        <source>Feed URL</source>
        <translation>ที่อยู่เว็บของฟีด</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/feed_status.py" line="284"/>
        <source>The name the feed&apos;s requests are kept under</source>
        <translation>ชื่อที่ใช้เก็บคำขอจากฟีดนี้</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/feed_status.py" line="285"/>
        <source>Source name</source>
        <translation>ชื่อแหล่งข้อมูล</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/feed_status.py" line="287"/>
        <source>Jitasa feed format</source>
        <translation>รูปแบบฟีดของจิตอาสา</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/feed_status.py" line="288"/>
        <source>SOS GeoJSON feed</source>
        <translation>ฟีดแบบ SOS GeoJSON</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/feed_status.py" line="290"/>
        <source>Format</source>
        <translation>รูปแบบ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/feed_status.py" line="293"/>
        <source>Authentication</source>
        <translation>การยืนยันตัวตน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/feed_status.py" line="363"/>
        <source>Sync every</source>
        <translation>ดึงข้อมูลทุก</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/feed_status.py" line="365"/>
        <source>Sync the feed in the background at this interval</source>
        <translation>ดึงข้อมูลจากฟีดเบื้องหลังตามช่วงเวลานี้</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/feed_status.py" line="369"/>
        <source> min</source>
        <translation> นาที</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/feed_status.py" line="376"/>
        <source>Settings…</source>
        <translation>ตั้งค่า…</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/feed_status.py" line="377"/>
        <source>The feed&apos;s URL, source name, format and login</source>
        <translation>ที่อยู่เว็บของฟีด ชื่อแหล่งข้อมูล รูปแบบ และการเข้าสู่ระบบ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/feed_status.py" line="378"/>
        <source>Rejects…</source>
        <translation>ระเบียนที่ถูกปฏิเสธ…</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/feed_status.py" line="379"/>
        <source>The records the feed sent that were not taken</source>
        <translation>ระเบียนที่ฟีดส่งมาแต่รับเข้าไม่ได้</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/feed_status.py" line="380"/>
        <source>Sync now</source>
        <translation>ดึงข้อมูลทันที</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/feed_status.py" line="425"/>
        <source>Syncing {source}…</source>
        <translation>กำลังดึงข้อมูลจาก {source}…</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/feed_status.py" line="476"/>
        <source>No feed set up yet: give its address in the feed settings.</source>
        <translation>ยังไม่ได้ตั้งค่าฟีด: ใส่ที่อยู่เว็บของฟีดในการตั้งค่าฟีด</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/feed_status.py" line="431"/>
        <source>{source}: not synced yet.</source>
        <translation>{source}: ยังไม่เคยดึงข้อมูล</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/feed_status.py" line="433"/>
        <source>{source}: last sync {when} failed: {reason}</source>
        <translation>{source}: ดึงข้อมูลล่าสุด {when} ไม่สำเร็จ: {reason}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/feed_status.py" line="447"/>
        <source>Next sync in about {n} min.</source>
        <translation>ดึงข้อมูลครั้งถัดไปในอีกราว {n} นาที</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/feed_status.py" line="486"/>
        <source>Syncing the feed {source}</source>
        <translation>ดึงข้อมูลจากฟีด {source}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/feed_status.py" line="514"/>
        <source>The feed sync failed: {reason}</source>
        <translation>ดึงข้อมูลจากฟีดไม่สำเร็จ: {reason}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/feed_status.py" line="507"/>
        <source>Feed synced: {counts}</source>
        <translation>ดึงข้อมูลจากฟีดแล้ว: {counts}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/feed_status.py" line="519"/>
        <source>The feed sync was cancelled.</source>
        <translation>ยกเลิกการดึงข้อมูลจากฟีดแล้ว</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/feed_status.py" line="586"/>
        <source>Only officers and admins may read the rejected records.</source>
        <translation>เฉพาะเจ้าหน้าที่และผู้ดูแลระบบเท่านั้นที่อ่านระเบียนที่ถูกปฏิเสธได้</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/feed_status.py" line="97"/>
        <source>today {time}</source>
        <translation>วันนี้ {time} น.</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/feed_status.py" line="437"/>
        <source>{source}: last sync {when}, {outcome}</source>
        <translation>{source}: ดึงข้อมูลล่าสุด {when} {outcome}</translation>
    </message>
</context>
<context>
    <name>FeedSync</name>
    <message>
        <location filename="../jitasa_qgis/services/feed_sync.py" line="110"/>
        <source>Give the feed a source name.</source>
        <translation>โปรดตั้งชื่อแหล่งที่มาของฟีด</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/feed_sync.py" line="112"/>
        <source>Unknown feed adapter &apos;{0}&apos;; use one of: {1}.</source>
        <translation>ไม่รู้จักรูปแบบฟีด '{0}' โปรดใช้หนึ่งใน: {1}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/feed_sync.py" line="118"/>
        <source>The page size and the number of pages must be at least 1.</source>
        <translation>ขนาดหน้าและจำนวนหน้าต้องมีค่าอย่างน้อย 1</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/feed_sync.py" line="120"/>
        <source>The timeouts must be more than 0 seconds.</source>
        <translation>ระยะหมดเวลาต้องมากกว่า 0 วินาที</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/feed_sync.py" line="248"/>
        <source>Nothing new since the last sync (not modified).</source>
        <translation>ไม่มีข้อมูลใหม่ตั้งแต่การซิงก์ครั้งก่อน (ไม่มีการเปลี่ยนแปลง)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/feed_sync.py" line="295"/>
        <source>Page {page}: {new} new, {updated} updated, {unchanged} unchanged, {rejected} rejected.</source>
        <translation>หน้า {page}: ใหม่ {new} ปรับปรุง {updated} ไม่เปลี่ยนแปลง {unchanged} ปฏิเสธ {rejected}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/feed_sync.py" line="386"/>
        <source>Writing the feed page failed; that page was not written: {0}</source>
        <translation>บันทึกหน้าของฟีดไม่สำเร็จ หน้านั้นจึงไม่ถูกบันทึก: {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/feed_sync.py" line="325"/>
        <source>Feed &apos;{0}&apos; is being synced by someone else right now; this sync did nothing. Try again later.</source>
        <translation>ฟีด '{0}' กำลังถูกซิงก์โดยผู้อื่นอยู่ในขณะนี้ การซิงก์ครั้งนี้ไม่ได้ทำสิ่งใด โปรดลองใหม่ภายหลัง</translation>
    </message>
</context>
<context>
    <name>ImportAdminAreasAlgorithm</name>
    <message>
        <location filename="../jitasa_qgis/processing/import_admin_areas.py" line="52"/>
        <source>Import admin areas</source>
        <translation>นำเข้าเขตการปกครอง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_admin_areas.py" line="55"/>
        <source>Imports province, amphoe and tambon polygons from any polygon layer or file: COD-AB layers (adm3_pcode = &apos;TH&apos; + the DOPA code) or plain DOPA codes (2 digits a province, 4 an amphoe, 6 a tambon). The code, name and population fields are guessed from the field names unless you choose them.

Codes are the keys: importing again updates names, shapes and population in place, and an unchanged area is not written at all. Parents come from the codes; a parent that neither the layer nor the store holds is made from its children, named from the layer&apos;s parent fields (adm2_th, adm1_th...). Invalid shapes are repaired.

Rows that cannot be taken (bad code, not a polygon, a negative population...) are listed in the log and kept in the store&apos;s rejects. Areas are never removed unless you ask for it, and then only those nothing lies in. Everything is written in one transaction.</source>
        <translation>นำเข้ารูปหลายเหลี่ยมของจังหวัด อำเภอ และตำบลจากชั้นข้อมูลหรือไฟล์รูปหลายเหลี่ยมใดก็ได้: ชั้นข้อมูลแบบ COD-AB (adm3_pcode = 'TH' + รหัส ปค.) หรือรหัส ปค. ล้วน (2 หลักคือจังหวัด 4 หลักคืออำเภอ 6 หลักคือตำบล) ฟิลด์รหัส ชื่อ และจำนวนประชากรจะเดาจากชื่อฟิลด์ หากคุณไม่ได้เลือกเอง

รหัสเป็นกุญแจ: การนำเข้าซ้ำจะปรับปรุงชื่อ รูปร่าง และจำนวนประชากรในแถวเดิม และพื้นที่ที่ไม่เปลี่ยนจะไม่ถูกเขียนเลย พื้นที่แม่ได้จากรหัส พื้นที่แม่ที่ไม่มีทั้งในชั้นข้อมูลและในฐานข้อมูลจะสร้างจากพื้นที่ย่อย โดยใช้ชื่อจากฟิลด์ของพื้นที่แม่ในชั้นข้อมูล (adm2_th, adm1_th...) รูปร่างที่ไม่ถูกต้องจะได้รับการซ่อม

แถวที่รับไม่ได้ (รหัสผิด ไม่ใช่รูปหลายเหลี่ยม จำนวนประชากรติดลบ...) จะแสดงในบันทึกและเก็บไว้ในรายการที่ไม่รับของฐานข้อมูล จะไม่ลบพื้นที่ใดเว้นแต่คุณสั่ง และถึงตอนนั้นก็ลบเฉพาะพื้นที่ที่ไม่มีข้อมูลใดอยู่ภายใน ทุกอย่างบันทึกในธุรกรรมเดียว</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_admin_areas.py" line="72"/>
        <source>Admin area polygons</source>
        <translation>รูปหลายเหลี่ยมเขตการปกครอง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_admin_areas.py" line="80"/>
        <source>Code field (guessed when empty)</source>
        <translation>ฟิลด์รหัส (เดาเองหากเว้นว่าง)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_admin_areas.py" line="81"/>
        <source>Thai name field (guessed when empty)</source>
        <translation>ฟิลด์ชื่อภาษาไทย (เดาเองหากเว้นว่าง)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_admin_areas.py" line="82"/>
        <source>English name field (guessed when empty)</source>
        <translation>ฟิลด์ชื่อภาษาอังกฤษ (เดาเองหากเว้นว่าง)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_admin_areas.py" line="83"/>
        <source>Population field (guessed when empty)</source>
        <translation>ฟิลด์จำนวนประชากร (เดาเองหากเว้นว่าง)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_admin_areas.py" line="89"/>
        <source>Level</source>
        <translation>ระดับ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_admin_areas.py" line="89"/>
        <source>From the code&apos;s length</source>
        <translation>ตามความยาวของรหัส</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_admin_areas.py" line="89"/>
        <source>Provinces</source>
        <translation>จังหวัด</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_admin_areas.py" line="89"/>
        <source>Amphoe</source>
        <translation>อำเภอ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_admin_areas.py" line="89"/>
        <source>Tambons</source>
        <translation>ตำบล</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_admin_areas.py" line="102"/>
        <source>Only these provinces: codes or names, comma separated (empty: all)</source>
        <translation>เฉพาะจังหวัดเหล่านี้: รหัสหรือชื่อ คั่นด้วยจุลภาค (เว้นว่าง: ทุกจังหวัด)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_admin_areas.py" line="111"/>
        <source>Remove areas of the imported provinces that the layer does not hold (only where nothing lies in them)</source>
        <translation>ลบพื้นที่ของจังหวัดที่นำเข้าซึ่งไม่มีในชั้นข้อมูล (เฉพาะพื้นที่ที่ไม่มีข้อมูลใดอยู่ภายใน)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_admin_areas.py" line="123"/>
        <source>New areas</source>
        <translation>พื้นที่ใหม่</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_admin_areas.py" line="124"/>
        <source>Updated areas</source>
        <translation>พื้นที่ที่ปรับปรุง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_admin_areas.py" line="125"/>
        <source>Unchanged areas</source>
        <translation>พื้นที่ที่ไม่เปลี่ยน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_admin_areas.py" line="126"/>
        <source>Rejected rows</source>
        <translation>แถวที่ไม่รับ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_admin_areas.py" line="127"/>
        <source>Repaired shapes</source>
        <translation>รูปร่างที่ซ่อม</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_admin_areas.py" line="128"/>
        <source>Parents made from their parts</source>
        <translation>พื้นที่แม่ที่สร้างจากพื้นที่ย่อย</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_admin_areas.py" line="129"/>
        <source>Areas kept because something lies in them</source>
        <translation>พื้นที่ที่คงไว้เพราะมีข้อมูลอยู่ภายใน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_admin_areas.py" line="130"/>
        <source>Removed areas</source>
        <translation>พื้นที่ที่ลบ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_admin_areas.py" line="134"/>
        <source>Counts per level (JSON)</source>
        <translation>จำนวนแยกตามระดับ (JSON)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_admin_areas.py" line="142"/>
        <source>Choose a layer of admin areas.</source>
        <translation>เลือกชั้นข้อมูลเขตการปกครอง</translation>
    </message>
</context>
<context>
    <name>ImportCoverageCountsAlgorithm</name>
    <message>
        <location filename="../jitasa_qgis/processing/import_coverage_counts.py" line="82"/>
        <source>Import vaccination / screening counts per tambon</source>
        <translation>นำเข้าข้อมูลการฉีดวัคซีน / คัดกรองรายตำบล</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_coverage_counts.py" line="85"/>
        <source>Imports per-tambon counts from a CSV or XLSX sheet: tambon code (รหัสตำบล), target population (ประชากรเป้าหมาย), vaccinated or screened (ได้รับวัคซีน), the date of the count (วันที่; Buddhist years are read) and the campaign (e.g. covid19_dose2), the last two as one value for the whole file when it has no such column. Counts are whole numbers of 0 or more.

A tambon code the store does not know, a negative or non-numeric count, a bad date or a repeated row is refused, listed in the log and kept in the rejects; the other rows are imported, all in one transaction. Importing the same sheet again updates the same (campaign, tambon, date) in place.

Output: the campaign's coverage per tambon (its latest count), styled by percent covered.</source>
        <translation>นำเข้าข้อมูลรายตำบลจากไฟล์ CSV หรือ XLSX: รหัสตำบล ประชากรเป้าหมาย จำนวนที่ได้รับวัคซีนหรือคัดกรองแล้ว (ได้รับวัคซีน) วันที่ของข้อมูล (วันที่; อ่านปี พ.ศ. ได้) และแคมเปญ (เช่น covid19_dose2) สองรายการหลังระบุเป็นค่าเดียวสำหรับทั้งไฟล์ได้เมื่อไฟล์ไม่มีคอลัมน์นั้น จำนวนต้องเป็นจำนวนเต็มตั้งแต่ 0 ขึ้นไป

รหัสตำบลที่ไม่มีในฐานข้อมูล จำนวนที่ติดลบหรือไม่ใช่ตัวเลข วันที่ไม่ถูกต้อง หรือแถวซ้ำ จะถูกปฏิเสธ แสดงในบันทึก และเก็บไว้ในรายการที่ถูกปฏิเสธ แถวอื่นจะถูกนำเข้าทั้งหมดในธุรกรรมเดียว การนำเข้าไฟล์เดิมซ้ำจะปรับปรุง (แคมเปญ ตำบล วันที่) เดิม

ผลลัพธ์: ความครอบคลุมของแคมเปญรายตำบล (ข้อมูลล่าสุด) แสดงสีตามร้อยละที่ได้รับบริการ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_coverage_counts.py" line="99"/>
        <source>Counts file (CSV or XLSX)</source>
        <translation>ไฟล์ข้อมูล (CSV หรือ XLSX)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_coverage_counts.py" line="99"/>
        <source>Sheets (*.csv *.txt *.xlsx *.xlsm)</source>
        <translation>ตาราง (*.csv *.txt *.xlsx *.xlsm)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_coverage_counts.py" line="106"/>
        <source>Sheet (XLSX; empty: the first)</source>
        <translation>ชีต (XLSX; ว่าง: ชีตแรก)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_coverage_counts.py" line="111"/>
        <source>Campaign (when the file has no campaign column)</source>
        <translation>แคมเปญ (เมื่อไฟล์ไม่มีคอลัมน์แคมเปญ)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_coverage_counts.py" line="118"/>
        <source>Date of the counts (when the file has none; 2021-08-15)</source>
        <translation>วันที่ของข้อมูล (เมื่อไฟล์ไม่มี; 2021-08-15)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_coverage_counts.py" line="125"/>
        <source>Field mapping, field=column; … (empty: guessed). Fields: {0}</source>
        <translation>การจับคู่ฟิลด์ ฟิลด์=คอลัมน์; … (ว่าง: เดาจากหัวตาราง) ฟิลด์: {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_coverage_counts.py" line="135"/>
        <source>Coverage per tambon</source>
        <translation>ความครอบคลุมรายตำบล</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_coverage_counts.py" line="144"/>
        <source>New counts</source>
        <translation>ข้อมูลใหม่</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_coverage_counts.py" line="144"/>
        <source>Updated counts</source>
        <translation>ข้อมูลที่ปรับปรุง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_coverage_counts.py" line="144"/>
        <source>Unchanged counts</source>
        <translation>ข้อมูลที่ไม่เปลี่ยน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_coverage_counts.py" line="144"/>
        <source>Rejected rows</source>
        <translation>แถวที่ถูกปฏิเสธ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_coverage_counts.py" line="151"/>
        <source>Tambon codes the store does not know</source>
        <translation>รหัสตำบลที่ไม่มีในฐานข้อมูล</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_coverage_counts.py" line="162"/>
        <source>Choose a counts file.</source>
        <translation>โปรดเลือกไฟล์ข้อมูล</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_coverage_counts.py" line="166"/>
        <source>&apos;{0}&apos; is not a date (2021-08-15 or 15/08/2564).</source>
        <translation>'{0}' ไม่ใช่วันที่ (2021-08-15 หรือ 15/08/2564)</translation>
    </message>
</context>
<context>
    <name>ImportFacilitiesAlgorithm</name>
    <message>
        <location filename="../jitasa_qgis/processing/import_facilities.py" line="55"/>
        <source>Import facilities</source>
        <translation>นำเข้าหน่วยบริการ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_facilities.py" line="58"/>
        <source>Imports hospitals, sub-district health promoting hospitals (รพ.สต.), clinics, pharmacies or any other facilities from a point layer, or from a CSV or XLSX file with longitude and latitude columns (give one of the two).

Each facility is keyed by the source and its id in the file (for the MOPH lists the 5-digit hospital code, also kept as the facility's code): importing again updates the same rows, and a file imported twice changes nothing. Columns are guessed from the headers (main_code, hoscode, name, ชื่อ, type_desc, bed_total, เตียง, lon/lat, ลองจิจูด/ละติจูด ...); a field given here wins.

The kind comes from the type column: the MOPH type descriptions are recognised (โรงพยาบาลชุมชน, คลินิก…, ร้านขายยา…, รพ.สต., hoslvl 1-Community ...); the kind map adds your own values (value=kind; ...); the default kind serves rows without a type. A type that matches nothing is rejected, never guessed. Rows that cannot be stored (no or bad coordinates, outside Thailand, negative beds, an id seen earlier in the file) are kept in the rejects table with their reason. Everything is written in one transaction.</source>
        <translation>นำเข้าโรงพยาบาล โรงพยาบาลส่งเสริมสุขภาพตำบล (รพ.สต.) คลินิก ร้านขายยา หรือหน่วยบริการอื่น จากชั้นข้อมูลจุด หรือจากไฟล์ CSV หรือ XLSX ที่มีคอลัมน์ลองจิจูดและละติจูด (ระบุอย่างใดอย่างหนึ่ง)

หน่วยบริการแต่ละแห่งใช้แหล่งข้อมูลและรหัสในไฟล์เป็นคีย์ (สำหรับรายชื่อของกระทรวงสาธารณสุขคือรหัสสถานพยาบาล 5 หลัก ซึ่งเก็บเป็นรหัสของหน่วยบริการด้วย) การนำเข้าซ้ำจะปรับปรุงแถวเดิม และการนำเข้าไฟล์เดิมสองครั้งจะไม่เปลี่ยนแปลงสิ่งใด คอลัมน์จะถูกคาดเดาจากหัวตาราง (main_code, hoscode, name, ชื่อ, type_desc, bed_total, เตียง, lon/lat, ลองจิจูด/ละติจูด ...) ฟิลด์ที่ระบุที่นี่มีผลเหนือการคาดเดา

ประเภทมาจากคอลัมน์ประเภท: รู้จักคำอธิบายประเภทของกระทรวงสาธารณสุข (โรงพยาบาลชุมชน, คลินิก…, ร้านขายยา…, รพ.สต., hoslvl 1-Community ...) การจับคู่ประเภทใช้เพิ่มค่าของคุณเอง (ค่า=ประเภท; ...) ประเภทเริ่มต้นใช้กับแถวที่ไม่มีประเภท ประเภทที่ไม่ตรงกับสิ่งใดจะถูกปฏิเสธ ไม่มีการเดา แถวที่บันทึกไม่ได้ (ไม่มีพิกัดหรือพิกัดผิด อยู่นอกประเทศไทย จำนวนเตียงติดลบ รหัสที่ซ้ำกับแถวก่อนหน้าในไฟล์) จะถูกเก็บในตารางรายการที่ถูกปฏิเสธพร้อมเหตุผล ทุกอย่างบันทึกในธุรกรรมเดียว</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_facilities.py" line="77"/>
        <source>Facility points (a layer)</source>
        <translation>จุดหน่วยบริการ (ชั้นข้อมูล)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_facilities.py" line="85"/>
        <source>…or a CSV / XLSX file with longitude and latitude columns</source>
        <translation>…หรือไฟล์ CSV / XLSX ที่มีคอลัมน์ลองจิจูดและละติจูด</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_facilities.py" line="85"/>
        <source>Tables (*.csv *.txt *.xlsx *.xlsm)</source>
        <translation>ตาราง (*.csv *.txt *.xlsx *.xlsm)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_facilities.py" line="93"/>
        <source>Sheet of the XLSX file (empty: the first)</source>
        <translation>ชีตของไฟล์ XLSX (เว้นว่าง: ชีตแรก)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_facilities.py" line="100"/>
        <source>Source (with the id, the key; moph: the MOPH lists)</source>
        <translation>แหล่งข้อมูล (ใช้ร่วมกับรหัสเป็นคีย์; moph: รายชื่อของกระทรวงสาธารณสุข)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_facilities.py" line="108"/>
        <source>Id column (empty: guessed)</source>
        <translation>คอลัมน์รหัส (เว้นว่าง: คาดเดา)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_facilities.py" line="109"/>
        <source>Name column (empty: guessed)</source>
        <translation>คอลัมน์ชื่อ (เว้นว่าง: คาดเดา)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_facilities.py" line="110"/>
        <source>Type column (empty: guessed)</source>
        <translation>คอลัมน์ประเภท (เว้นว่าง: คาดเดา)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_facilities.py" line="111"/>
        <source>Beds column (empty: guessed)</source>
        <translation>คอลัมน์จำนวนเตียง (เว้นว่าง: คาดเดา)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_facilities.py" line="112"/>
        <source>Daily capacity column (empty: guessed)</source>
        <translation>คอลัมน์จำนวนที่รับได้ต่อวัน (เว้นว่าง: คาดเดา)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_facilities.py" line="113"/>
        <source>Contact phone column (empty: guessed)</source>
        <translation>คอลัมน์เบอร์โทรติดต่อ (เว้นว่าง: คาดเดา)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_facilities.py" line="114"/>
        <source>Longitude column of a file (empty: guessed)</source>
        <translation>คอลัมน์ลองจิจูดของไฟล์ (เว้นว่าง: คาดเดา)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_facilities.py" line="115"/>
        <source>Latitude column of a file (empty: guessed)</source>
        <translation>คอลัมน์ละติจูดของไฟล์ (เว้นว่าง: คาดเดา)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_facilities.py" line="119"/>
        <source>Kind map: value=kind; ... (e.g. ศูนย์ฉีดวัคซีน=vaccination_point)</source>
        <translation>การจับคู่ประเภท: ค่า=ประเภท; ... (เช่น ศูนย์ฉีดวัคซีน=vaccination_point)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_facilities.py" line="126"/>
        <source>Kind of rows without a type</source>
        <translation>ประเภทของแถวที่ไม่มีประเภท</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_facilities.py" line="126"/>
        <source>None: reject them</source>
        <translation>ไม่มี: ปฏิเสธแถวเหล่านั้น</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_facilities.py" line="135"/>
        <source>New facilities</source>
        <translation>หน่วยบริการใหม่</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_facilities.py" line="135"/>
        <source>Updated facilities</source>
        <translation>หน่วยบริการที่ปรับปรุง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_facilities.py" line="135"/>
        <source>Unchanged facilities</source>
        <translation>หน่วยบริการที่ไม่เปลี่ยนแปลง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_facilities.py" line="135"/>
        <source>Rejected rows</source>
        <translation>แถวที่ถูกปฏิเสธ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_facilities.py" line="135"/>
        <source>Names made from kind and id</source>
        <translation>ชื่อที่ตั้งจากประเภทและรหัส</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_facilities.py" line="143"/>
        <source>Field mapping used</source>
        <translation>การจับคู่ฟิลด์ที่ใช้</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_facilities.py" line="152"/>
        <source>Give either a point layer or a CSV / XLSX file, not both.</source>
        <translation>ระบุชั้นข้อมูลจุดหรือไฟล์ CSV / XLSX อย่างใดอย่างหนึ่ง ไม่ใช่ทั้งสองอย่าง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_facilities.py" line="152"/>
        <source>Give a point layer or a CSV / XLSX file to import.</source>
        <translation>ระบุชั้นข้อมูลจุดหรือไฟล์ CSV / XLSX ที่จะนำเข้า</translation>
    </message>
</context>
<context>
    <name>ImportReasons</name>
    <message>
        <location filename="../jitasa_qgis/definitions/import_reasons.py" line="66"/>
        <source>{field} is missing</source>
        <translation>ไม่มี {field}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/import_reasons.py" line="69"/>
        <source>{field} is not a number: &apos;{value}&apos;</source>
        <translation>{field} ไม่ใช่ตัวเลข: '{value}'</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/import_reasons.py" line="75"/>
        <source>{field} is not a date and time: &apos;{value}&apos;</source>
        <translation>{field} ไม่ใช่วันที่และเวลา: '{value}'</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/import_reasons.py" line="78"/>
        <source>{field} is not a Thai phone number: &apos;{value}&apos;</source>
        <translation>{field} ไม่ใช่หมายเลขโทรศัพท์ไทย: '{value}'</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/import_reasons.py" line="81"/>
        <source>{field} is not a valid code: &apos;{value}&apos;</source>
        <translation>{field} ไม่ใช่รหัสที่ถูกต้อง: '{value}'</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/import_reasons.py" line="84"/>
        <source>{field} is not yes or no: &apos;{value}&apos;</source>
        <translation>{field} ไม่ใช่ ใช่/ไม่ใช่: '{value}'</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/import_reasons.py" line="87"/>
        <source>{field} &apos;{value}&apos; is not one of: {allowed}</source>
        <translation>{field} '{value}' ไม่อยู่ในค่าที่ใช้ได้: {allowed}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/import_reasons.py" line="90"/>
        <source>{field} is longer than {max} characters</source>
        <translation>{field} ยาวเกิน {max} ตัวอักษร</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/import_reasons.py" line="93"/>
        <source>no coordinates and no tambon to place it in</source>
        <translation>ไม่มีพิกัดและไม่มีตำบลที่จะวางตำแหน่ง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/import_reasons.py" line="94"/>
        <source>the point ({lon}, {lat}) lies outside Thailand</source>
        <translation>จุด ({lon}, {lat}) อยู่นอกประเทศไทย</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/import_reasons.py" line="97"/>
        <source>the geometry is not usable: {problem}</source>
        <translation>รูปเรขาคณิตใช้ไม่ได้: {problem}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/import_reasons.py" line="100"/>
        <source>no tambon &apos;{value}&apos; in the store&apos;s admin areas</source>
        <translation>ไม่มีตำบล '{value}' ในเขตการปกครองของฐานข้อมูล</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/import_reasons.py" line="103"/>
        <source>tambon &apos;{value}&apos; is ambiguous: {candidates}; give the amphoe or the tambon code</source>
        <translation>ตำบล '{value}' มีหลายแห่ง: {candidates} โปรดระบุอำเภอหรือรหัสตำบล</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/import_reasons.py" line="106"/>
        <source>&apos;{key}&apos; appears more than once; the one at {first} was taken</source>
        <translation>'{key}' ซ้ำกันมากกว่าหนึ่งครั้ง ใช้รายการที่ {first}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/import_reasons.py" line="109"/>
        <source>the record does not follow the feed format at {path}: {message}</source>
        <translation>ระเบียนไม่เป็นไปตามรูปแบบฟีดที่ {path}: {message}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/import_reasons.py" line="112"/>
        <source>the record is not a JSON object</source>
        <translation>ระเบียนไม่ใช่วัตถุ JSON</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/import_reasons.py" line="113"/>
        <source>its parent area {code} is neither in the file nor in the store</source>
        <translation>ไม่มีเขตแม่ {code} ทั้งในไฟล์และในฐานข้อมูล</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/import_reasons.py" line="116"/>
        <source>area {code} is not in the file but {requests} request(s), {volunteers} volunteer(s) and {facilities} facilit(y/ies) lie in it; kept</source>
        <translation>เขต {code} ไม่อยู่ในไฟล์ แต่มีคำขอ {requests} รายการ อาสาสมัคร {volunteers} คน และสถานพยาบาล {facilities} แห่งอยู่ในเขตนี้ จึงเก็บไว้</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/import_reasons.py" line="143"/>
        <source>no reason given</source>
        <translation>ไม่ได้ระบุเหตุผล</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/import_reasons.py" line="72"/>
        <source>{field} cannot be negative: &apos;{value}&apos;</source>
        <translation>{field} ติดลบไม่ได้: '{value}'</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/import_reasons.py" line="126"/>
        <source>capacity {capacity} is below the {active} active assignment(s) the volunteer has now</source>
        <translation>ความจุ {capacity} น้อยกว่างานที่อาสาสมัครรับอยู่ตอนนี้ {active} งาน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/import_reasons.py" line="129"/>
        <source>it lies outside the areas you work (or updates a request that does)</source>
        <translation>อยู่นอกพื้นที่รับผิดชอบของคุณ (หรือปรับปรุงคำขอที่อยู่นอกพื้นที่)</translation>
    </message>
</context>
<context>
    <name>ImportRequestsAlgorithm</name>
    <message>
        <location filename="../jitasa_qgis/processing/import_requests.py" line="41"/>
        <source>Import help requests</source>
        <translation>นำเข้าคำขอความช่วยเหลือ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_requests.py" line="44"/>
        <source>Imports help requests from a CSV, XLSX or GeoJSON file, such as a hotline's sheet, with the same checks as the public app's feed.

Each request is keyed by the source (default: the file's name) and its id in the file (or its row number): importing the same file again changes nothing. Columns are guessed from the headers (id, category / ประเภท, urgency, people / จำนวนคน, note / หมายเหตุ, name / ชื่อ, phone / เบอร์โทร, lon / lat, tambon / ตำบล, created_at ...); a mapping field=column; ... given here wins. A row without coordinates is placed in its tambon (code or name).

A request officers have already assigned keeps its category, urgency and location; one they closed is not changed. Rows that cannot be taken (unknown category, outside Thailand, no location, an unknown or ambiguous tambon, an id seen twice) are kept in the rejects table with their reason. Everything is written in one transaction.</source>
        <translation>นำเข้าคำขอความช่วยเหลือจากไฟล์ CSV, XLSX หรือ GeoJSON เช่น ตารางของสายด่วน โดยตรวจสอบแบบเดียวกับฟีดของแอปสาธารณะ

แต่ละคำขอมีกุญแจคือแหล่งข้อมูล (ค่าเริ่มต้น: ชื่อไฟล์) กับรหัสในไฟล์ (หรือเลขแถว): นำเข้าไฟล์เดิมซ้ำจะไม่มีอะไรเปลี่ยน คอลัมน์จะเดาจากหัวตาราง (id, category / ประเภท, urgency, people / จำนวนคน, note / หมายเหตุ, name / ชื่อ, phone / เบอร์โทร, lon / lat, tambon / ตำบล, created_at ...) การจับคู่ field=column; ... ที่ระบุในที่นี้มีผลเหนือกว่า แถวที่ไม่มีพิกัดจะวางไว้ในตำบลของแถวนั้น (รหัสหรือชื่อ)

คำขอที่เจ้าหน้าที่มอบหมายแล้วจะคงประเภท ความเร่งด่วน และตำแหน่งไว้ คำขอที่ปิดแล้วจะไม่ถูกเปลี่ยน แถวที่รับไม่ได้ (ประเภทที่ไม่รู้จัก อยู่นอกประเทศไทย ไม่มีตำแหน่ง ตำบลที่ไม่รู้จักหรือกำกวม รหัสซ้ำ) จะเก็บไว้ในตารางรายการที่ถูกปฏิเสธพร้อมเหตุผล ทุกอย่างเขียนในธุรกรรมเดียว</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_requests.py" line="61"/>
        <source>CSV, XLSX or GeoJSON file of requests</source>
        <translation>ไฟล์คำขอ CSV, XLSX หรือ GeoJSON</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_requests.py" line="61"/>
        <source>Tables (*.csv *.txt *.xlsx *.xlsm *.geojson *.json *.gpkg)</source>
        <translation>ตาราง (*.csv *.txt *.xlsx *.xlsm *.geojson *.json *.gpkg)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_requests.py" line="70"/>
        <source>Sheet or layer of the file (empty: the first)</source>
        <translation>แผ่นงานหรือชั้นข้อมูลของไฟล์ (ว่าง: อันแรก)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_requests.py" line="77"/>
        <source>Source (with the id, the key; empty: the file&apos;s name)</source>
        <translation>แหล่งข้อมูล (ร่วมกับรหัสเป็นกุญแจ; ว่าง: ชื่อไฟล์)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_requests.py" line="84"/>
        <source>Field mapping: field=column; ... (empty: guessed)</source>
        <translation>การจับคู่ฟิลด์: field=column; ... (ว่าง: เดาให้)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_requests.py" line="92"/>
        <source>New requests</source>
        <translation>คำขอใหม่</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_requests.py" line="93"/>
        <source>Updated requests</source>
        <translation>คำขอที่ปรับปรุง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_requests.py" line="94"/>
        <source>Unchanged requests</source>
        <translation>คำขอที่ไม่เปลี่ยนแปลง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_requests.py" line="95"/>
        <source>Older than the stored version</source>
        <translation>เก่ากว่าฉบับที่เก็บไว้</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_requests.py" line="96"/>
        <source>Closed as expired</source>
        <translation>ปิดเนื่องจากหมดอายุ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_requests.py" line="97"/>
        <source>Assigned: only the file&apos;s details updated</source>
        <translation>มอบหมายแล้ว: ปรับปรุงเฉพาะรายละเอียดจากไฟล์</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_requests.py" line="98"/>
        <source>Already closed by officers</source>
        <translation>เจ้าหน้าที่ปิดไปแล้ว</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_requests.py" line="99"/>
        <source>Rejected rows</source>
        <translation>แถวที่ถูกปฏิเสธ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_requests.py" line="103"/>
        <source>Source used</source>
        <translation>แหล่งข้อมูลที่ใช้</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_requests.py" line="104"/>
        <source>Field mapping used</source>
        <translation>การจับคู่ฟิลด์ที่ใช้</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_requests.py" line="110"/>
        <source>Give a file of requests to import.</source>
        <translation>ระบุไฟล์คำขอที่จะนำเข้า</translation>
    </message>
</context>
<context>
    <name>ImportRoadsAlgorithm</name>
    <message>
        <location filename="../jitasa_qgis/processing/import_roads.py" line="44"/>
        <source>Import road network</source>
        <translation>นำเข้าโครงข่ายถนน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_roads.py" line="48"/>
        <source>Imports a road network for travel times: an OpenStreetMap file (.osm or .pbf: its highway and oneway tags) or any line layer with a road class field (motorway, trunk, primary, secondary, tertiary, their _link ramps, unclassified, residential, service, track ...; other values such as footway are left out).

Lines are split where they cross, and a line end that touches no other line is joined to the nearest line within the snap tolerance; the log says how many junctions were made and how far they reach. One-way roads are respected. The largest connected piece is the routable network; the others are listed as islands. A network that falls apart (the largest piece under half the length) is refused: raise the tolerance or import a fuller file.

Speeds by class in km/h (override any: trunk=80; primary=60): {0}.

Importing again under the same network name replaces that network in one transaction.</source>
        <translation>นำเข้าโครงข่ายถนนสำหรับคำนวณเวลาเดินทาง: ไฟล์ OpenStreetMap (.osm หรือ .pbf: แท็ก highway และ oneway) หรือชั้นข้อมูลเส้นใดๆ ที่มีฟิลด์ประเภทถนน (motorway, trunk, primary, secondary, tertiary, ทางเชื่อม _link, unclassified, residential, service, track ...; ค่าอื่นเช่น footway จะไม่นำเข้า)

เส้นจะถูกตัดที่จุดตัดกัน และปลายเส้นที่ไม่แตะเส้นอื่นจะเชื่อมกับเส้นที่ใกล้ที่สุดภายในระยะเชื่อม บันทึกการทำงานจะบอกจำนวนทางแยกที่สร้างและระยะที่เชื่อม ถนนเดินรถทางเดียวจะเดินได้ทางเดียว ส่วนที่เชื่อมต่อกันที่ใหญ่ที่สุดคือโครงข่ายที่ใช้หาเส้นทาง ส่วนอื่นแสดงเป็นส่วนโดดเดี่ยว โครงข่ายที่แตกเป็นส่วนๆ (ส่วนใหญ่ที่สุดยาวไม่ถึงครึ่ง) จะไม่รับ: เพิ่มระยะเชื่อมหรือนำเข้าไฟล์ที่ครบกว่า

ความเร็วตามประเภทถนน กม./ชม. (แทนค่าใดก็ได้: trunk=80; primary=60): {0}

นำเข้าซ้ำด้วยชื่อโครงข่ายเดิมจะแทนที่โครงข่ายนั้นในธุรกรรมเดียว</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_roads.py" line="65"/>
        <source>Road lines (a layer)</source>
        <translation>เส้นถนน (ชั้นข้อมูล)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_roads.py" line="73"/>
        <source>…or an OpenStreetMap file (.osm, .pbf) or another line file</source>
        <translation>…หรือไฟล์ OpenStreetMap (.osm, .pbf) หรือไฟล์เส้นอื่น</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_roads.py" line="73"/>
        <source>Road files (*.osm *.pbf *.gpkg *.shp *.geojson)</source>
        <translation>ไฟล์ถนน (*.osm *.pbf *.gpkg *.shp *.geojson)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_roads.py" line="81"/>
        <source>Layer of the file (empty: lines of an OSM file, else the first)</source>
        <translation>ชั้นข้อมูลในไฟล์ (ว่าง: lines ของไฟล์ OSM หรือชั้นแรก)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_roads.py" line="88"/>
        <source>Road class field (empty: highway)</source>
        <translation>ฟิลด์ประเภทถนน (ว่าง: highway)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_roads.py" line="96"/>
        <source>One-way field (yes / -1 / no; empty: oneway if present)</source>
        <translation>ฟิลด์เดินรถทางเดียว (yes / -1 / no; ว่าง: oneway ถ้ามี)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_roads.py" line="104"/>
        <source>Snap tolerance for loose line ends (m)</source>
        <translation>ระยะเชื่อมปลายเส้นที่ไม่ต่อกัน (ม.)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_roads.py" line="114"/>
        <source>Speeds overriding the defaults (km/h): trunk=80; primary=60</source>
        <translation>ความเร็วที่ใช้แทนค่าเริ่มต้น (กม./ชม.): trunk=80; primary=60</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_roads.py" line="121"/>
        <source>Network name (importing again replaces it)</source>
        <translation>ชื่อโครงข่าย (นำเข้าซ้ำจะแทนที่ของเดิม)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_roads.py" line="126"/>
        <source>Segments</source>
        <translation>ช่วงถนน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_roads.py" line="126"/>
        <source>Junctions made by snapping</source>
        <translation>ทางแยกที่สร้างจากการเชื่อมปลายเส้น</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_roads.py" line="126"/>
        <source>Largest snap (m)</source>
        <translation>ระยะเชื่อมมากที่สุด (ม.)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_roads.py" line="126"/>
        <source>Median snap (m)</source>
        <translation>ระยะเชื่อมมัธยฐาน (ม.)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_roads.py" line="126"/>
        <source>Connected pieces</source>
        <translation>ส่วนที่เชื่อมต่อกัน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_roads.py" line="126"/>
        <source>Share of the length in the routable piece</source>
        <translation>สัดส่วนความยาวในส่วนที่ใช้หาเส้นทางได้</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_roads.py" line="126"/>
        <source>Network version</source>
        <translation>รุ่นของโครงข่าย</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_roads.py" line="136"/>
        <source>Islands (JSON)</source>
        <translation>ส่วนที่แยกโดดเดี่ยว (JSON)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_roads.py" line="143"/>
        <source>Give either a line layer or a file, not both.</source>
        <translation>ระบุชั้นข้อมูลเส้นหรือไฟล์อย่างใดอย่างหนึ่ง ไม่ใช่ทั้งสองอย่าง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_roads.py" line="143"/>
        <source>Give a line layer or a file of roads to import.</source>
        <translation>ระบุชั้นข้อมูลเส้นหรือไฟล์ถนนที่จะนำเข้า</translation>
    </message>
</context>
<context>
    <name>ImportVolunteersAlgorithm</name>
    <message>
        <location filename="../jitasa_qgis/processing/import_volunteers.py" line="44"/>
        <source>Import volunteers</source>
        <translation>นำเข้าอาสาสมัคร</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_volunteers.py" line="47"/>
        <source>Imports a volunteer roster as offices keep it: a CSV or XLSX file with Thai or English headers (ชื่อ and นามสกุล or ชื่อ-สกุล, เบอร์โทร, หมู่ที่, ตำบล, อำเภอ, จังหวัด, รหัสตำบล, ประเภท, skills as yes/no columns or a list, ยานพาหนะ, lon/lat, รหัส). The columns are guessed from the headers; a field mapping such as 'name=ชื่อ อสม.; phone=โทร' overrides the guesses.

The file is read directly, every cell as text, not as a QGIS layer: QGIS's own CSV reader turns the phone number 0812345678 into the number 812345678. Phone numbers in any common Thai form are stored as digits with the leading 0.

A volunteer without coordinates is placed in their tambon (by its code, or by its name with the amphoe and province to tell apart tambons of the same name); the location accuracy is the tambon's size. A row with the same roster id as before (or, without an id, the same phone number as a volunteer in the store) updates that volunteer; an unchanged row is not written, so importing the same roster again changes nothing.

Rows that cannot be taken (no name, a phone that is not Thai, an ambiguous or unknown tambon, an unknown kind, a capacity below the volunteer's current assignments...) are listed in the log and kept in the store's rejects. Everything is written in one transaction.</source>
        <translation>นำเข้าทะเบียนรายชื่ออาสาสมัครตามที่สำนักงานจัดเก็บ: ไฟล์ CSV หรือ XLSX ที่มีหัวคอลัมน์ภาษาไทยหรือภาษาอังกฤษ (ชื่อ และ นามสกุล หรือ ชื่อ-สกุล, เบอร์โทร, หมู่ที่, ตำบล, อำเภอ, จังหวัด, รหัสตำบล, ประเภท, ทักษะเป็นคอลัมน์ มี/ไม่มี หรือเป็นรายการ, ยานพาหนะ, lon/lat, รหัส) ระบบเดาคอลัมน์จากหัวคอลัมน์ การจับคู่ฟิลด์ เช่น 'name=ชื่อ อสม.; phone=โทร' ใช้แทนการเดาได้

ไฟล์ถูกอ่านโดยตรง ทุกช่องเป็นข้อความ ไม่ได้อ่านเป็นชั้นข้อมูล QGIS: ตัวอ่าน CSV ของ QGIS เองจะเปลี่ยนเบอร์โทรศัพท์ 0812345678 เป็นตัวเลข 812345678 เบอร์โทรศัพท์ไทยทุกรูปแบบที่ใช้กันทั่วไปจะถูกเก็บเป็นตัวเลขที่ขึ้นต้นด้วย 0

อาสาสมัครที่ไม่มีพิกัดจะถูกวางในตำบลของตน (ตามรหัสตำบล หรือตามชื่อตำบลพร้อมอำเภอและจังหวัดเพื่อแยกตำบลที่ชื่อซ้ำกัน) ความแม่นยำของตำแหน่งคือขนาดของตำบล แถวที่มีรหัสเดิม (หรือถ้าไม่มีรหัส มีเบอร์โทรศัพท์เดียวกับอาสาสมัครในฐานข้อมูล) จะปรับปรุงอาสาสมัครคนนั้น แถวที่ไม่เปลี่ยนแปลงจะไม่ถูกบันทึก การนำเข้าทะเบียนเดิมซ้ำจึงไม่เปลี่ยนแปลงสิ่งใด

แถวที่รับไม่ได้ (ไม่มีชื่อ เบอร์โทรศัพท์ไม่ใช่เบอร์ไทย ตำบลกำกวมหรือไม่รู้จัก ประเภทที่ไม่รู้จัก ความจุน้อยกว่างานที่อาสาสมัครรับอยู่...) จะแสดงในบันทึกและเก็บไว้ในรายการที่ไม่รับของฐานข้อมูล ทุกอย่างบันทึกในธุรกรรมเดียว</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_volunteers.py" line="68"/>
        <source>Roster file (CSV or XLSX)</source>
        <translation>ไฟล์ทะเบียนรายชื่อ (CSV หรือ XLSX)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_volunteers.py" line="68"/>
        <source>Rosters (*.csv *.txt *.tsv *.xlsx *.xlsm)</source>
        <translation>ทะเบียนรายชื่อ (*.csv *.txt *.tsv *.xlsx *.xlsm)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_volunteers.py" line="75"/>
        <source>Sheet (XLSX; empty: the first)</source>
        <translation>ชีต (XLSX; ว่าง: ชีตแรก)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_volunteers.py" line="80"/>
        <source>Roster name in the store (empty: the file&apos;s name)</source>
        <translation>ชื่อทะเบียนในฐานข้อมูล (ว่าง: ชื่อไฟล์)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_volunteers.py" line="87"/>
        <source>Field mapping, field=column; … (empty: guessed). Fields: {0}</source>
        <translation>การจับคู่ฟิลด์ ฟิลด์=คอลัมน์; … (ว่าง: เดาให้) ฟิลด์: {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_volunteers.py" line="97"/>
        <source>Kind for rows that give none</source>
        <translation>ประเภทสำหรับแถวที่ไม่ระบุประเภท</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_volunteers.py" line="106"/>
        <source>New volunteers</source>
        <translation>อาสาสมัครใหม่</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_volunteers.py" line="107"/>
        <source>Updated volunteers</source>
        <translation>อาสาสมัครที่ปรับปรุง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_volunteers.py" line="108"/>
        <source>Unchanged volunteers</source>
        <translation>อาสาสมัครที่ไม่เปลี่ยนแปลง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_volunteers.py" line="109"/>
        <source>Placed in their tambon</source>
        <translation>วางตำแหน่งตามตำบล</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_volunteers.py" line="110"/>
        <source>Rejected rows</source>
        <translation>แถวที่ไม่รับ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_volunteers.py" line="114"/>
        <source>Counts (JSON)</source>
        <translation>จำนวน (JSON)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/import_volunteers.py" line="120"/>
        <source>Choose a roster file.</source>
        <translation>เลือกไฟล์ทะเบียนรายชื่อ</translation>
    </message>
</context>
<context>
    <name>Imports</name>
    <message>
        <location filename="../jitasa_qgis/core/field_mapping.py" line="31"/>
        <source>&apos;{0}&apos; in the field mapping is not field=column.</source>
        <translation>'{0}' ในการจับคู่ฟิลด์ไม่อยู่ในรูป ฟิลด์=คอลัมน์</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/field_mapping.py" line="36"/>
        <source>&apos;{0}&apos; in the field mapping is not one of the fields: {1}.</source>
        <translation>'{0}' ในการจับคู่ฟิลด์ไม่ใช่ฟิลด์ที่รู้จัก: {1}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/field_mapping.py" line="58"/>
        <source>Column &apos;{0}&apos; (for {1}) is not in the file. Its columns: {2}.</source>
        <translation>ไม่มีคอลัมน์ '{0}' (สำหรับ {1}) ในไฟล์ คอลัมน์ที่มี: {2}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/tabular.py" line="63"/>
        <source>File not found: {0}</source>
        <translation>ไม่พบไฟล์: {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/tabular.py" line="70"/>
        <source>{0} is an old Excel (.xls) file: save it as .xlsx or .csv and import that.</source>
        <translation>{0} เป็นไฟล์ Excel แบบเก่า (.xls) โปรดบันทึกเป็น .xlsx หรือ .csv แล้วนำเข้าไฟล์นั้น</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/tabular.py" line="86"/>
        <source>{0} has no header row.</source>
        <translation>{0} ไม่มีแถวหัวตาราง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/tabular.py" line="99"/>
        <source>{0} is neither UTF-8 nor Thai Windows (TIS-620) text.</source>
        <translation>{0} ไม่ใช่ข้อความ UTF-8 หรือ TIS-620 (Windows ภาษาไทย)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/tabular.py" line="204"/>
        <source>{0} is empty.</source>
        <translation>{0} ว่างเปล่า</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/tabular.py" line="186"/>
        <source>{0} is not a readable .xlsx workbook ({1}).</source>
        <translation>{0} ไม่ใช่ไฟล์ .xlsx ที่อ่านได้ ({1})</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/tabular.py" line="192"/>
        <source>{0} has no sheet &apos;{1}&apos;. Its sheets: {2}.</source>
        <translation>{0} ไม่มีแผ่นงาน '{1}' แผ่นงานที่มี: {2}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/tabular.py" line="224"/>
        <source>{0} is not a file GDAL/OGR can read.</source>
        <translation>{0} ไม่ใช่ไฟล์ที่ GDAL/OGR อ่านได้</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/tabular.py" line="229"/>
        <source>{0} has no layer &apos;{1}&apos;. Its layers: {2}.</source>
        <translation>{0} ไม่มีชั้นข้อมูล '{1}' ชั้นข้อมูลที่มี: {2}</translation>
    </message>
</context>
<context>
    <name>JitasaAlgorithm</name>
    <message>
        <location filename="../jitasa_qgis/processing/base.py" line="42"/>
        <source>Store</source>
        <translation>คลังข้อมูล</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/base.py" line="51"/>
        <source>Saved PostgreSQL connection</source>
        <translation>การเชื่อมต่อ PostgreSQL ที่บันทึกไว้</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/base.py" line="60"/>
        <source>…or pg_service name</source>
        <translation>…หรือชื่อ pg_service</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/base.py" line="84"/>
        <source>No connection given: using the store the plugin is connected to ({0}).</source>
        <translation>ไม่ได้ระบุการเชื่อมต่อ: ใช้คลังข้อมูลที่ปลั๊กอินเชื่อมต่ออยู่ ({0})</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/base.py" line="92"/>
        <source>Choose a saved PostgreSQL connection or give a pg_service name (or connect the plugin to a store first).</source>
        <translation>เลือกการเชื่อมต่อ PostgreSQL ที่บันทึกไว้ หรือระบุชื่อ pg_service (หรือเชื่อมต่อปลั๊กอินกับคลังข้อมูลก่อน)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/base.py" line="102"/>
        <source>Store: {0}</source>
        <translation>คลังข้อมูล: {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/base.py" line="115"/>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>สมุดงาน Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>JitasaPlugin</name>
    <message>
        <location filename="../jitasa_qgis/plugin.py" line="349"/>
        <source>Jitasa</source>
        <translation>จิตอาสา</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/plugin.py" line="88"/>
        <source>Connect to Jitasa store…</source>
        <translation>เชื่อมต่อคลังข้อมูลจิตอาสา…</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/plugin.py" line="484"/>
        <source>&amp;Jitasa</source>
        <translation>จิตอาสา (&amp;J)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/plugin.py" line="89"/>
        <source>Load Jitasa layers</source>
        <translation>โหลดชั้นข้อมูลจิตอาสา</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/plugin.py" line="163"/>
        <source>Operations dock</source>
        <translation>แผงปฏิบัติการ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/plugin.py" line="360"/>
        <source>Some layers failed to load: {0}</source>
        <translation>โหลดชั้นข้อมูลบางชั้นไม่สำเร็จ: {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/plugin.py" line="185"/>
        <source>Assign volunteer</source>
        <translation>มอบหมายอาสาสมัคร</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/plugin.py" line="189"/>
        <source>Assign volunteer: click a help request on the map to see who can help</source>
        <translation>มอบหมายอาสาสมัคร: คลิกคำขอความช่วยเหลือบนแผนที่เพื่อดูว่าใครช่วยได้</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/demo_loading_action.py" line="61"/>
        <source>Load demo data</source>
        <translation>โหลดข้อมูลสาธิต</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/demo_loading_action.py" line="34"/>
        <source>Demo data loaded: {requests} requests, {volunteers} volunteers, {facilities} facilities.</source>
        <translation>โหลดข้อมูลสาธิตแล้ว: คำขอ {requests} รายการ อาสาสมัคร {volunteers} คน สถานพยาบาล {facilities} แห่ง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/demo_loading_action.py" line="87"/>
        <source>Demo data not loaded: {message}</source>
        <translation>ไม่ได้โหลดข้อมูลสาธิต: {message}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/demo_loading_action.py" line="89"/>
        <source>Loading demo data</source>
        <translation>กำลังโหลดข้อมูลสาธิต</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/plugin.py" line="98"/>
        <source>Load demo data…</source>
        <translation>โหลดข้อมูลสาธิต…</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/plugin.py" line="33"/>
        <source>Admin areas (province, amphoe, tambon)…</source>
        <translation>เขตการปกครอง (จังหวัด อำเภอ ตำบล)…</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/plugin.py" line="34"/>
        <source>Facilities…</source>
        <translation>สถานพยาบาล…</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/plugin.py" line="35"/>
        <source>Volunteer rosters…</source>
        <translation>ทะเบียนอาสาสมัคร…</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/plugin.py" line="36"/>
        <source>Help requests from a file…</source>
        <translation>คำขอความช่วยเหลือจากไฟล์…</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/plugin.py" line="37"/>
        <source>Sync the public-app feed…</source>
        <translation>ดึงข้อมูลจากฟีดของแอปสาธารณะ…</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/plugin.py" line="38"/>
        <source>Export data…</source>
        <translation>ส่งออกข้อมูล…</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/plugin.py" line="125"/>
        <source>Import / export data</source>
        <translation>นำเข้า / ส่งออกข้อมูล</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/demo_loading_action.py" line="45"/>
        <source>Road network: {segments} segments, {km} km, major roads only.</source>
        <translation>โครงข่ายถนน: {segments} ช่วงถนน, {km} กม., เฉพาะถนนสายหลัก</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/demo_loading_action.py" line="47"/>
        <source>Road network: {segments} segments, {km} km.</source>
        <translation>โครงข่ายถนน: {segments} ช่วงถนน, {km} กม.</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/demo_loading_action.py" line="61"/>
        <source>Replace the demo requests and volunteers in the connected store with a new seeded set? Admin areas, hospitals and the demo road network (major roads only) are updated; other data is never touched.</source>
        <translation>แทนที่คำขอความช่วยเหลือและอาสาสมัครสาธิตในคลังข้อมูลที่เชื่อมต่ออยู่ด้วยชุดใหม่หรือไม่ ระบบจะปรับปรุงเขตการปกครอง โรงพยาบาล และโครงข่ายถนนสาธิต (เฉพาะถนนสายหลัก) โดยไม่แตะต้องข้อมูลอื่น</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/plugin.py" line="209"/>
        <source>Draw service area</source>
        <translation>วาดเขตบริการ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/plugin.py" line="213"/>
        <source>Draw a service area: click its corners (they snap to boundaries and other service areas), right click or Enter to finish, Backspace to undo a corner, Esc to start again</source>
        <translation>วาดเขตบริการ: คลิกที่มุมต่าง ๆ (จะยึดติดกับเส้นเขตการปกครองและเขตบริการอื่น) คลิกขวาหรือกด Enter เพื่อจบ กด Backspace เพื่อลบมุมล่าสุด กด Esc เพื่อเริ่มใหม่</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/plugin.py" line="235"/>
        <source>Edit service area</source>
        <translation>แก้ไขพื้นที่บริการ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/plugin.py" line="239"/>
        <source>Edit service area: click an area to change its name, kind, team or amphoe, or to delete it</source>
        <translation>แก้ไขพื้นที่บริการ: คลิกที่พื้นที่เพื่อเปลี่ยนชื่อ ประเภท ทีม หรืออำเภอ หรือเพื่อลบพื้นที่</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/plugin.py" line="268"/>
        <source>That service area no longer exists (someone deleted it).</source>
        <translation>ไม่มีพื้นที่บริการนี้แล้ว (มีผู้ลบไปแล้ว)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/plugin.py" line="100"/>
        <source>Print a map or an atlas…</source>
        <translation>พิมพ์แผนที่หรือสมุดแผนที่…</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/plugin.py" line="101"/>
        <source>Print call sheets…</source>
        <translation>พิมพ์ใบงานอาสาสมัคร…</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/plugin.py" line="102"/>
        <source>Situation report…</source>
        <translation>รายงานสถานการณ์…</translation>
    </message>
</context>
<context>
    <name>JitasaProvider</name>
    <message>
        <location filename="../jitasa_qgis/processing/provider.py" line="40"/>
        <source>Jitasa</source>
        <translation>จิตอาสา</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/provider.py" line="43"/>
        <source>Jitasa volunteer coordination</source>
        <translation>ประสานงานจิตอาสา</translation>
    </message>
</context>
<context>
    <name>LiveAlerts</name>
    <message>
        <location filename="../jitasa_qgis/gui/live_alerts.py" line="26"/>
        <source>Offline since {0}</source>
        <translation>ออฟไลน์ตั้งแต่ {0} น.</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/live_alerts.py" line="84"/>
        <source>Critical request</source>
        <translation>คำขอเร่งด่วนวิกฤต</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/live_alerts.py" line="84"/>
        <source>{0} new critical request(s): #{1}</source>
        <translation>คำขอความช่วยเหลือเร่งด่วนวิกฤตใหม่ {0} รายการ: #{1}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/live_alerts.py" line="103"/>
        <source>Jitasa store</source>
        <translation>คลังข้อมูลจิตอาสา</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/live_alerts.py" line="103"/>
        <source>Back online</source>
        <translation>กลับมาออนไลน์แล้ว</translation>
    </message>
</context>
<context>
    <name>LoadDemoDataAlgorithm</name>
    <message>
        <location filename="../jitasa_qgis/processing/load_demo_data.py" line="36"/>
        <source>Load demo data</source>
        <translation>โหลดข้อมูลตัวอย่าง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/load_demo_data.py" line="58"/>
        <source>Admin boundaries (GeoPackage)</source>
        <translation>ขอบเขตการปกครอง (GeoPackage)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/load_demo_data.py" line="67"/>
        <source>Hospitals (GeoPackage)</source>
        <translation>โรงพยาบาล (GeoPackage)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/load_demo_data.py" line="98"/>
        <source>Number of help requests</source>
        <translation>จำนวนคำขอความช่วยเหลือ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/load_demo_data.py" line="103"/>
        <source>Number of volunteers</source>
        <translation>จำนวนอาสาสมัคร</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/load_demo_data.py" line="108"/>
        <source>Random seed</source>
        <translation>ค่าสุ่มตั้งต้น (seed)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/load_demo_data.py" line="113"/>
        <source>Summary</source>
        <translation>สรุป</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/load_demo_data.py" line="141"/>
        <source>Loaded: {0}</source>
        <translation>โหลดแล้ว: {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/load_demo_data.py" line="76"/>
        <source>Hospital layer</source>
        <translation>ชั้นข้อมูลโรงพยาบาล</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/load_demo_data.py" line="135"/>
        <source>Replaced {0} earlier demo help requests and {1} earlier demo volunteers.</source>
        <translation>แทนที่คำขอความช่วยเหลือตัวอย่างเดิม {0} รายการ และอาสาสมัครตัวอย่างเดิม {1} คน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/load_demo_data.py" line="146"/>
        <source>roads: major roads only</source>
        <translation>ถนน: เฉพาะถนนสายหลัก</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/load_demo_data.py" line="148"/>
        <source>No road network loaded.</source>
        <translation>ไม่ได้โหลดโครงข่ายถนน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/load_demo_data.py" line="39"/>
        <source>Loads province, amphoe and tambon boundaries (OCHA COD-AB layout), MOPH hospitals and a road network — by default the real Phetchabun files shipped with the plugin; the roads are the major roads only (trunk and primary roads of OpenStreetMap), so drive times on them are major roads plus an off-road leg — then generates help requests and volunteers inside the tambons with a fixed seed.

What it replaces: ALL earlier demo help requests and volunteers in the store (also those of another province loaded before) and their assignments are deleted and the new ones written; the demo road network is replaced (other networks are not touched; untick Load the road network to load no roads). Boundaries and hospitals are added or updated by code, never deleted.

It refuses to run on a store that holds data that is not demo data (help requests or volunteers from another source, facilities other than coded hospitals), and writes nothing then. Everything loads in one transaction: on any error nothing is written.</source>
        <translation>โหลดขอบเขตจังหวัด อำเภอ และตำบล (รูปแบบ OCHA COD-AB) โรงพยาบาลจากข้อมูลกระทรวงสาธารณสุข และโครงข่ายถนน — ค่าเริ่มต้นคือไฟล์จริงของจังหวัดเพชรบูรณ์ที่มากับปลั๊กอิน ถนนในไฟล์นี้มีเฉพาะถนนสายหลัก (ถนนประเภท trunk และ primary จาก OpenStreetMap) เวลาเดินทางจึงคิดตามถนนสายหลักบวกช่วงเดินทางนอกถนน — แล้วสร้างคำขอความช่วยเหลือและอาสาสมัครตัวอย่างภายในตำบลต่าง ๆ ด้วยค่าสุ่มตั้งต้น (seed) คงที่

สิ่งที่ถูกแทนที่: คำขอความช่วยเหลือและอาสาสมัครตัวอย่างเดิมทั้งหมดในคลังข้อมูล (รวมถึงของจังหวัดอื่นที่โหลดไว้ก่อน) และการมอบหมายงานของรายการเหล่านั้นจะถูกลบ แล้วเขียนชุดใหม่แทน โครงข่ายถนนตัวอย่างจะถูกแทนที่ (ไม่แตะต้องโครงข่ายอื่น ไม่เลือก «โหลดโครงข่ายถนน» หากไม่ต้องการโหลดถนน) ส่วนขอบเขตการปกครองและโรงพยาบาลจะถูกเพิ่มหรือปรับปรุงตามรหัส ไม่มีการลบ

จะไม่ทำงานกับคลังข้อมูลที่มีข้อมูลซึ่งไม่ใช่ข้อมูลตัวอย่าง (คำขอความช่วยเหลือหรืออาสาสมัครจากแหล่งอื่น สถานพยาบาลที่ไม่ใช่โรงพยาบาลที่มีรหัส) และจะไม่เขียนข้อมูลใด ๆ ในกรณีนั้น ข้อมูลทั้งหมดโหลดในทรานแซกชันเดียว: หากเกิดข้อผิดพลาดใด ๆ จะไม่มีการเขียนข้อมูลเลย</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/load_demo_data.py" line="84"/>
        <source>Road network (GeoPackage)</source>
        <translation>โครงข่ายถนน (GeoPackage)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/load_demo_data.py" line="93"/>
        <source>Load the road network</source>
        <translation>โหลดโครงข่ายถนน</translation>
    </message>
</context>
<context>
    <name>LoadLayersAlgorithm</name>
    <message>
        <location filename="../jitasa_qgis/processing/load_layers.py" line="24"/>
        <source>Load Jitasa layers</source>
        <translation>โหลดชั้นข้อมูลจิตอาสา</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/load_layers.py" line="27"/>
        <source>Map</source>
        <translation>แผนที่</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/load_layers.py" line="33"/>
        <source>Adds the Jitasa layer group (open help requests, a count grid for zoomed-out views, assignments, volunteers, facilities, service areas, tambon, amphoe and province) from the store, styled, through the same connection. No password is written to the project.</source>
        <translation>เพิ่มกลุ่มชั้นข้อมูลจิตอาสา (คำขอความช่วยเหลือที่ยังเปิดอยู่ กริดนับจำนวนสำหรับมุมมองระยะไกล การมอบหมายงาน อาสาสมัคร สถานพยาบาล เขตบริการ ตำบล อำเภอ และจังหวัด) จากคลังข้อมูล พร้อมสัญลักษณ์ ผ่านการเชื่อมต่อเดียวกัน ไม่มีการบันทึกรหัสผ่านลงในโปรเจกต์.</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/load_layers.py" line="47"/>
        <source>Layers</source>
        <translation>ชั้นข้อมูล</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/load_layers.py" line="48"/>
        <source>Layers that failed</source>
        <translation>ชั้นข้อมูลที่โหลดไม่สำเร็จ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/load_layers.py" line="58"/>
        <source>Layer failed to load: {0}</source>
        <translation>โหลดชั้นข้อมูลไม่สำเร็จ: {0}</translation>
    </message>
</context>
<context>
    <name>LocationAllocation</name>
    <message>
        <location filename="../jitasa_qgis/services/location_allocation.py" line="430"/>
        <source>{0} candidates have no capacity (first: {1}): give a default capacity.</source>
        <translation>จุดที่เป็นไปได้ {0} จุดไม่มีขีดความสามารถ (จุดแรก: {1}) ให้ระบุขีดความสามารถตั้งต้น</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/location_allocation.py" line="566"/>
        <source>Storing the plan failed and nothing was written: {0}</source>
        <translation>บันทึกแผนไม่สำเร็จและไม่ได้เขียนข้อมูลใด: {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/location_allocation.py" line="138"/>
        <source>Model: {0}{1}; {2} demand points, {3} candidates; {4} sites chosen.</source>
        <translation>แบบจำลอง: {0}{1}; จุดความต้องการ {2} จุด จุดที่เป็นไปได้ {3} จุด; เลือกได้ {4} จุด</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/location_allocation.py" line="140"/>
        <source>, capacitated</source>
        <translation> มีขีดความสามารถจำกัด</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/location_allocation.py" line="147"/>
        <source>Solver status: {0}.</source>
        <translation>สถานะของตัวแก้ปัญหา: {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/location_allocation.py" line="150"/>
        <source>Objective {0:,.2f}; proven bound {1}; gap {2}.</source>
        <translation>ค่าเป้าหมาย {0:,.2f}; ขอบเขตที่พิสูจน์ได้ {1}; ช่องว่าง {2}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/location_allocation.py" line="158"/>
        <source>Demand served {0:,.1f} of {1:,.1f} ({2:.1f} %).</source>
        <translation>ให้บริการความต้องการได้ {0:,.1f} จาก {1:,.1f} ({2:.1f} %)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/location_allocation.py" line="164"/>
        <source>Threshold {0:g} km, straight line on the WGS84 ellipsoid.</source>
        <translation>เกณฑ์ {0:g} กม. เป็นเส้นตรงบนทรงรี WGS84</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/location_allocation.py" line="167"/>
        <source>Threshold {0:g} minutes on the road network {1}.</source>
        <translation>เกณฑ์ {0:g} นาทีบนโครงข่ายถนน {1}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/location_allocation.py" line="173"/>
        <source>Threshold {0:g} minutes on the straight line (no road network covers the demand).</source>
        <translation>เกณฑ์ {0:g} นาทีตามเส้นตรง (ไม่มีโครงข่ายถนนครอบคลุมความต้องการ)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/location_allocation.py" line="179"/>
        <source>{0} demand points (weight {1:,.1f}) are beyond the threshold of every candidate.</source>
        <translation>จุดความต้องการ {0} จุด (น้ำหนัก {1:,.1f}) อยู่เกินเกณฑ์ของจุดที่เป็นไปได้ทุกจุด</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/location_allocation.py" line="186"/>
        <source>Reductions: {0} demand points merged, {1} dominated candidates removed, {2} dominated demand points, {3} variables fixed by reduced costs; the solver saw {4} demand rows and {5} candidates.</source>
        <translation>การลดขนาดปัญหา: รวมจุดความต้องการ {0} จุด ตัดจุดที่เป็นไปได้ที่ถูกครอบงำ {1} จุด จุดความต้องการที่ถูกครอบงำ {2} จุด ตรึงตัวแปรด้วยต้นทุนลดทอน {3} ตัว; ตัวแก้ปัญหาเห็นความต้องการ {4} แถว และจุดที่เป็นไปได้ {5} จุด</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/location_allocation.py" line="201"/>
        <source>Stored as plan run {0}.</source>
        <translation>บันทึกเป็นแผนครั้งที่ {0} แล้ว</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/location_allocation.py" line="207"/>
        <source>maximal covering (MCLP)</source>
        <translation>ครอบคลุมสูงสุด (MCLP)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/location_allocation.py" line="208"/>
        <source>p-median</source>
        <translation>p-median (ระยะเดินทางรวมต่ำสุด)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/location_allocation.py" line="209"/>
        <source>set covering (LSCP)</source>
        <translation>ครอบคลุมทั้งหมดด้วยจุดน้อยที่สุด (LSCP)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/location_allocation.py" line="215"/>
        <source>proven optimal</source>
        <translation>พิสูจน์แล้วว่าดีที่สุด</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/location_allocation.py" line="216"/>
        <source>time limit reached: the best solution found, with the solver&apos;s bound</source>
        <translation>ครบเวลาจำกัด: คำตอบที่ดีที่สุดที่พบ พร้อมขอบเขตที่ตัวแก้ปัญหาพิสูจน์ได้</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/location_allocation.py" line="219"/>
        <source>time limit reached before any solution was found</source>
        <translation>ครบเวลาจำกัดก่อนพบคำตอบใด ๆ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/location_allocation.py" line="220"/>
        <source>infeasible: K sites (with these capacities) cannot serve all the demand within the threshold</source>
        <translation>ไม่มีคำตอบ: K จุด (ด้วยขีดความสามารถนี้) ให้บริการความต้องการทั้งหมดภายในเกณฑ์ไม่ได้</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/location_allocation.py" line="230"/>
        <source>K = {0} is more than the {1} candidates: give a smaller K or more candidates.</source>
        <translation>K = {0} มากกว่าจุดที่เป็นไปได้ {1} จุด ให้ลด K หรือเพิ่มจุดที่เป็นไปได้</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/location_allocation.py" line="234"/>
        <source>No candidate is within the threshold of any demand point ({0} demand points, {1} candidates).</source>
        <translation>ไม่มีจุดที่เป็นไปได้อยู่ภายในเกณฑ์ของจุดความต้องการใดเลย (จุดความต้องการ {0} จุด จุดที่เป็นไปได้ {1} จุด)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/location_allocation.py" line="239"/>
        <source>{0} fixed facilities are more than K = {1}.</source>
        <translation>สถานบริการเดิมที่คงไว้ {0} แห่ง มากกว่า K = {1}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/location_allocation.py" line="263"/>
        <source>Give K, the number of sites to choose (1 or more).</source>
        <translation>ระบุ K จำนวนจุดที่จะเลือก (1 ขึ้นไป)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/location_allocation.py" line="245"/>
        <source>Demand weights must be numbers of 0 or more.</source>
        <translation>น้ำหนักความต้องการต้องเป็นตัวเลขตั้งแต่ 0 ขึ้นไป</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/location_allocation.py" line="247"/>
        <source>Capacities must be numbers of 0 or more, one per candidate.</source>
        <translation>ขีดความสามารถต้องเป็นตัวเลขตั้งแต่ 0 ขึ้นไป หนึ่งค่าต่อจุดที่เป็นไปได้</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/location_allocation.py" line="248"/>
        <source>The location-allocation input is not valid ({0}).</source>
        <translation>ข้อมูลนำเข้าของการเลือกที่ตั้งไม่ถูกต้อง ({0})</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/location_allocation.py" line="253"/>
        <source>Unknown model &apos;{0}&apos;: use one of {1}.</source>
        <translation>ไม่รู้จักแบบจำลอง '{0}' ให้ใช้หนึ่งใน {1}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/location_allocation.py" line="259"/>
        <source>Unknown unit &apos;{0}&apos;: use minutes or km.</source>
        <translation>ไม่รู้จักหน่วย '{0}' ให้ใช้ minutes หรือ km</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/location_allocation.py" line="261"/>
        <source>The threshold must be a positive number.</source>
        <translation>เกณฑ์ต้องเป็นตัวเลขที่มากกว่า 0</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/location_allocation.py" line="265"/>
        <source>Unknown demand source &apos;{0}&apos;.</source>
        <translation>ไม่รู้จักแหล่งความต้องการ '{0}'</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/location_allocation.py" line="267"/>
        <source>Unknown candidate source &apos;{0}&apos;.</source>
        <translation>ไม่รู้จักแหล่งจุดที่เป็นไปได้ '{0}'</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/location_allocation.py" line="269"/>
        <source>Give the demand points.</source>
        <translation>ระบุจุดความต้องการ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/location_allocation.py" line="271"/>
        <source>Give the candidate points.</source>
        <translation>ระบุจุดที่เป็นไปได้</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/location_allocation.py" line="273"/>
        <source>The time limit must be a positive number of seconds.</source>
        <translation>เวลาจำกัดต้องเป็นจำนวนวินาทีที่มากกว่า 0</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/location_allocation.py" line="277"/>
        <source>The default capacity must be 0 or more.</source>
        <translation>ขีดความสามารถตั้งต้นต้องเป็น 0 ขึ้นไป</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/location_allocation.py" line="298"/>
        <source>The demand points&apos; coordinates, weights and references differ in number.</source>
        <translation>จำนวนพิกัด น้ำหนัก และรหัสอ้างอิงของจุดความต้องการไม่เท่ากัน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/location_allocation.py" line="306"/>
        <source>Demand weight of &apos;{0}&apos; is not a number of 0 or more: {1}.</source>
        <translation>น้ำหนักความต้องการของ '{0}' ไม่ใช่ตัวเลขตั้งแต่ 0 ขึ้นไป: {1}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/location_allocation.py" line="317"/>
        <source>No open requests with a location in the area: no demand.</source>
        <translation>ไม่มีคำขอที่ยังเปิดอยู่และมีตำแหน่งในพื้นที่นี้ จึงไม่มีความต้องการ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/location_allocation.py" line="331"/>
        <source>No tambons in the area: no demand.</source>
        <translation>ไม่มีตำบลในพื้นที่นี้ จึงไม่มีความต้องการ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/location_allocation.py" line="333"/>
        <source>The tambons carry no population: import admin areas with population first.</source>
        <translation>ตำบลไม่มีข้อมูลประชากร ให้นำเข้าเขตการปกครองพร้อมจำนวนประชากรก่อน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/location_allocation.py" line="354"/>
        <source>The candidate points&apos; coordinates and references differ in number.</source>
        <translation>จำนวนพิกัดและรหัสอ้างอิงของจุดที่เป็นไปได้ไม่เท่ากัน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/location_allocation.py" line="377"/>
        <source>No road network covers the demand: road junctions cannot be candidates.</source>
        <translation>ไม่มีโครงข่ายถนนครอบคลุมความต้องการ จึงใช้ทางแยกเป็นจุดที่เป็นไปได้ไม่ได้</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/location_allocation.py" line="387"/>
        <source>Junction {0}</source>
        <translation>ทางแยก {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/location_allocation.py" line="402"/>
        <source>No facility with id {0}: nothing computed.</source>
        <translation>ไม่มีสถานบริการรหัส {0} จึงไม่ได้คำนวณ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/location_allocation.py" line="420"/>
        <source>No candidates: nothing to choose from.</source>
        <translation>ไม่มีจุดที่เป็นไปได้ให้เลือก</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/location_allocation.py" line="449"/>
        <source>{0} demand points, {1} candidates.</source>
        <translation>จุดความต้องการ {0} จุด จุดที่เป็นไปได้ {1} จุด</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/location_allocation.py" line="463"/>
        <source>Travel times…</source>
        <translation>กำลังคำนวณเวลาเดินทาง…</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/location_allocation.py" line="473"/>
        <source>{0} demand-candidate pairs within the threshold; solving.</source>
        <translation>คู่ความต้องการ-จุดที่เป็นไปได้ภายในเกณฑ์ {0} คู่ กำลังคำนวณหาคำตอบ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/location_allocation.py" line="520"/>
        <source>Solved: {0}.</source>
        <translation>คำนวณเสร็จ: {0}</translation>
    </message>
</context>
<context>
    <name>LocationAllocationAlgorithm</name>
    <message>
        <location filename="../jitasa_qgis/processing/location_allocation.py" line="110"/>
        <source>&apos;{0}&apos; is not urgency=weight with a weight of 0 or more.</source>
        <translation>'{0}' ไม่อยู่ในรูป ความเร่งด่วน=น้ำหนัก ที่น้ำหนักตั้งแต่ 0 ขึ้นไป</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/location_allocation.py" line="151"/>
        <source>Feature {0} has no number in the field {1} (&apos;{2}&apos;).</source>
        <translation>ฟีเจอร์ {0} ไม่มีตัวเลขในฟิลด์ {1} ('{2}')</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/location_allocation.py" line="165"/>
        <source>Location-allocation (choose sites)</source>
        <translation>เลือกที่ตั้งจุดบริการ (location-allocation)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/location_allocation.py" line="168"/>
        <source>Choose K sites among candidates for the demand within a threshold:
- Maximal covering (MCLP): the most demand within the threshold of a chosen site.
- p-median: the least demand-weighted travel, every demand point served by a site within the threshold.
- Set covering (LSCP): the fewest sites that reach all demand within the threshold (K is ignored).
Existing facilities (by kind or id) are kept in the plan and count towards K. Capacitated: a site serves at most its capacity (the candidate layer&apos;s field, a facility&apos;s daily capacity, or the default); split lets one demand point be served by several sites. The threshold is minutes on the road network covering the demand (the straight line where there is none, or when chosen) or kilometres in a straight line. Solved exactly (HiGHS) after a reduction that keeps the optimum; a time limit returns the best plan found with its proven bound and gap. The sites are ranked in the order a greedy reading adds them (rank 1 adds the most).</source>
        <translation>เลือก K จุดจากจุดที่เป็นไปได้ให้ความต้องการภายในเกณฑ์:
- ครอบคลุมสูงสุด (MCLP): ความต้องการมากที่สุดที่อยู่ภายในเกณฑ์ของจุดที่เลือก
- p-median: ระยะเดินทางถ่วงด้วยความต้องการรวมน้อยที่สุด ทุกจุดความต้องการได้รับบริการจากจุดที่อยู่ภายในเกณฑ์
- ครอบคลุมทั้งหมด (LSCP): จำนวนจุดน้อยที่สุดที่เข้าถึงความต้องการทั้งหมดภายในเกณฑ์ (ไม่ใช้ K)
สถานบริการเดิม (ตามประเภทหรือรหัส) คงไว้ในแผนและนับรวมใน K แบบมีขีดความสามารถ: จุดหนึ่งให้บริการได้ไม่เกินขีดความสามารถ (จากฟิลด์ของชั้นข้อมูลจุดที่เป็นไปได้ ขีดความสามารถต่อวันของสถานบริการ หรือค่าตั้งต้น) การแบ่งทำให้จุดความต้องการหนึ่งจุดรับบริการจากหลายจุดได้ เกณฑ์เป็นนาทีบนโครงข่ายถนนที่ครอบคลุมความต้องการ (เส้นตรงเมื่อไม่มีถนนหรือเมื่อเลือก) หรือกิโลเมตรตามเส้นตรง คำนวณหาคำตอบที่ดีที่สุดจริง (HiGHS) หลังลดขนาดปัญหาโดยไม่เปลี่ยนคำตอบที่ดีที่สุด เมื่อครบเวลาจำกัดจะได้แผนที่ดีที่สุดที่พบพร้อมขอบเขตที่พิสูจน์ได้และช่องว่าง จุดเรียงลำดับตามที่การอ่านแบบละโมบเพิ่มเข้ามา (ลำดับ 1 เพิ่มได้มากที่สุด)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/location_allocation.py" line="186"/>
        <source>Model</source>
        <translation>แบบจำลอง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/location_allocation.py" line="186"/>
        <source>Maximal covering (MCLP)</source>
        <translation>ครอบคลุมสูงสุด (MCLP)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/location_allocation.py" line="186"/>
        <source>p-median</source>
        <translation>p-median (ระยะเดินทางรวมต่ำสุด)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/location_allocation.py" line="186"/>
        <source>Set covering (LSCP)</source>
        <translation>ครอบคลุมทั้งหมดด้วยจุดน้อยที่สุด (LSCP)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/location_allocation.py" line="198"/>
        <source>Number of sites (K)</source>
        <translation>จำนวนจุด (K)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/location_allocation.py" line="207"/>
        <source>Threshold</source>
        <translation>เกณฑ์</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/location_allocation.py" line="216"/>
        <source>Threshold unit</source>
        <translation>หน่วยของเกณฑ์</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/location_allocation.py" line="216"/>
        <source>Minutes (road network where there is one)</source>
        <translation>นาที (บนโครงข่ายถนนเมื่อมี)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/location_allocation.py" line="216"/>
        <source>Kilometres (straight line)</source>
        <translation>กิโลเมตร (เส้นตรง)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/location_allocation.py" line="227"/>
        <source>Minutes on the straight line even where a road network exists</source>
        <translation>ใช้นาทีตามเส้นตรงแม้มีโครงข่ายถนน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/location_allocation.py" line="236"/>
        <source>Demand</source>
        <translation>ความต้องการ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/location_allocation.py" line="236"/>
        <source>Open requests weighted by urgency</source>
        <translation>คำขอที่ยังเปิดอยู่ ถ่วงน้ำหนักตามความเร่งด่วน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/location_allocation.py" line="236"/>
        <source>Tambon population</source>
        <translation>ประชากรตำบล</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/location_allocation.py" line="236"/>
        <source>A numeric field of a layer</source>
        <translation>ฟิลด์ตัวเลขของชั้นข้อมูล</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/location_allocation.py" line="248"/>
        <source>Urgency weights</source>
        <translation>น้ำหนักตามความเร่งด่วน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/location_allocation.py" line="255"/>
        <source>Demand layer</source>
        <translation>ชั้นข้อมูลความต้องการ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/location_allocation.py" line="263"/>
        <source>Demand field (numeric)</source>
        <translation>ฟิลด์ความต้องการ (ตัวเลข)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/location_allocation.py" line="272"/>
        <source>Candidates</source>
        <translation>จุดที่เป็นไปได้</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/location_allocation.py" line="272"/>
        <source>A point layer</source>
        <translation>ชั้นข้อมูลจุด</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/location_allocation.py" line="272"/>
        <source>Tambon centroids</source>
        <translation>จุดกึ่งกลางตำบล</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/location_allocation.py" line="272"/>
        <source>Road junctions</source>
        <translation>ทางแยกของถนน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/location_allocation.py" line="284"/>
        <source>Candidate layer</source>
        <translation>ชั้นข้อมูลจุดที่เป็นไปได้</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/location_allocation.py" line="292"/>
        <source>Capacity field of the candidates</source>
        <translation>ฟิลด์ขีดความสามารถของจุดที่เป็นไปได้</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/location_allocation.py" line="301"/>
        <source>Only inside this province / amphoe / tambon code (e.g. 67)</source>
        <translation>เฉพาะในรหัสจังหวัด / อำเภอ / ตำบลนี้ (เช่น 67)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/location_allocation.py" line="308"/>
        <source>Keep existing facilities of these kinds (e.g. vaccination_point)</source>
        <translation>คงสถานบริการเดิมประเภทเหล่านี้ (เช่น vaccination_point)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/location_allocation.py" line="317"/>
        <source>Keep existing facilities with these ids</source>
        <translation>คงสถานบริการเดิมรหัสเหล่านี้</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/location_allocation.py" line="324"/>
        <source>Capacitated</source>
        <translation>มีขีดความสามารถจำกัด</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/location_allocation.py" line="329"/>
        <source>A demand point may be split between sites</source>
        <translation>แบ่งจุดความต้องการให้หลายจุดบริการได้</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/location_allocation.py" line="336"/>
        <source>Capacity of a site that has none</source>
        <translation>ขีดความสามารถของจุดที่ไม่มีค่า</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/location_allocation.py" line="345"/>
        <source>Time limit (seconds)</source>
        <translation>เวลาจำกัด (วินาที)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/location_allocation.py" line="354"/>
        <source>Also store the plan (plan run and sites)</source>
        <translation>บันทึกแผนลงฐานข้อมูลด้วย (ครั้งของแผนและจุด)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/location_allocation.py" line="361"/>
        <source>Plan name</source>
        <translation>ชื่อแผน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/location_allocation.py" line="364"/>
        <source>Chosen sites</source>
        <translation>จุดที่เลือก</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/location_allocation.py" line="367"/>
        <source>Allocation lines</source>
        <translation>เส้นการจัดสรร</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/location_allocation.py" line="370"/>
        <source>Objective</source>
        <translation>ค่าเป้าหมาย</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/location_allocation.py" line="370"/>
        <source>Proven bound</source>
        <translation>ขอบเขตที่พิสูจน์ได้</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/location_allocation.py" line="370"/>
        <source>Relative gap (0: proven optimal)</source>
        <translation>ช่องว่างสัมพัทธ์ (0: พิสูจน์แล้วว่าดีที่สุด)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/location_allocation.py" line="370"/>
        <source>Sites chosen</source>
        <translation>จำนวนจุดที่เลือก</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/location_allocation.py" line="370"/>
        <source>Demand served</source>
        <translation>ความต้องการที่ได้รับบริการ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/location_allocation.py" line="370"/>
        <source>Plan run id</source>
        <translation>รหัสครั้งของแผน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/location_allocation.py" line="379"/>
        <source>Solver status (optimal, time_limit, no_solution, infeasible)</source>
        <translation>สถานะของตัวแก้ปัญหา (optimal, time_limit, no_solution, infeasible)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/location_allocation.py" line="379"/>
        <source>Model (mclp, pmedian, lscp)</source>
        <translation>แบบจำลอง (mclp, pmedian, lscp)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/location_allocation.py" line="379"/>
        <source>Travel model (road_network, straight_line)</source>
        <translation>แบบจำลองการเดินทาง (road_network, straight_line)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/location_allocation.py" line="379"/>
        <source>Report</source>
        <translation>รายงาน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/location_allocation.py" line="401"/>
        <source>Choose the demand layer and its numeric field.</source>
        <translation>เลือกชั้นข้อมูลความต้องการและฟิลด์ตัวเลขของชั้นนั้น</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/location_allocation.py" line="409"/>
        <source>Choose the candidate layer.</source>
        <translation>เลือกชั้นข้อมูลจุดที่เป็นไปได้</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/location_allocation.py" line="417"/>
        <source>Facility ids must be whole numbers.</source>
        <translation>รหัสสถานบริการต้องเป็นจำนวนเต็ม</translation>
    </message>
</context>
<context>
    <name>MapLegend</name>
    <message>
        <location filename="../jitasa_qgis/definitions/visuals.py" line="216"/>
        <source>Declined</source>
        <translation>อาสาปฏิเสธ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/visuals.py" line="221"/>
        <source>Ready for work</source>
        <translation>พร้อมรับงาน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/visuals.py" line="225"/>
        <source>Unavailable / full</source>
        <translation>ไม่ว่าง / งานเต็ม</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/visuals.py" line="230"/>
        <source>Critical: {status}</source>
        <translation>วิกฤต: {status}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/visuals.py" line="235"/>
        <source>(critical)</source>
        <translation>(วิกฤต)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/visuals.py" line="240"/>
        <source>{beds} beds free</source>
        <translation>ว่าง {beds} เตียง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/visuals.py" line="244"/>
        <source>(bed data out of date)</source>
        <translation>(ข้อมูลเตียงเก่า)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/visuals.py" line="319"/>
        <source>{count:,} or more</source>
        <translation>{count:,} ขึ้นไป</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/visuals.py" line="280"/>
        <source>{counts} requests</source>
        <translation>{counts} คำขอ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/visuals.py" line="250"/>
        <source>Local roads and streets</source>
        <translation>ถนนท้องถิ่นและถนนในชุมชน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/visuals.py" line="256"/>
        <source>Not joined to the routable network</source>
        <translation>ไม่เชื่อมกับโครงข่ายที่ใช้หาเส้นทาง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/visuals.py" line="262"/>
        <source>Drive time up to {upper:g} min</source>
        <translation>เวลาขับรถไม่เกิน {upper:g} นาที</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/visuals.py" line="263"/>
        <source>Drive time over {lower:g} min</source>
        <translation>เวลาขับรถเกิน {lower:g} นาที</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/visuals.py" line="267"/>
        <source>Catchment (reached first from its facility)</source>
        <translation>พื้นที่รับผิดชอบ (ไปถึงจากสถานบริการนี้ก่อน)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/visuals.py" line="271"/>
        <source>Drawn and other service areas</source>
        <translation>พื้นที่บริการที่วาดและอื่น ๆ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/visuals.py" line="317"/>
        <source>No request left uncovered</source>
        <translation>ไม่มีคำขอที่อยู่นอกความครอบคลุม</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/visuals.py" line="322"/>
        <source>{counts} requests not covered</source>
        <translation>คำขอที่ไม่ครอบคลุม {counts} รายการ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/visuals.py" line="328"/>
        <source>Under {upper:g} % covered</source>
        <translation>ครอบคลุมต่ำกว่า {upper:g} %</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/visuals.py" line="330"/>
        <source>{lower:g} % or more covered</source>
        <translation>ครอบคลุม {lower:g} % ขึ้นไป</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/visuals.py" line="331"/>
        <source>{lower:g}–{upper:g} % covered</source>
        <translation>ครอบคลุม {lower:g}–{upper:g} %</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/visuals.py" line="335"/>
        <source>No count imported</source>
        <translation>ยังไม่มีข้อมูลการนับ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/visuals.py" line="341"/>
        <source>Outside every service area</source>
        <translation>อยู่นอกพื้นที่บริการทั้งหมด</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/visuals.py" line="343"/>
        <source>Too far from an open facility with room</source>
        <translation>ไกลเกินจากสถานบริการที่เปิดและยังรับได้</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/visuals.py" line="344"/>
        <source>Outside every area and too far</source>
        <translation>อยู่นอกพื้นที่บริการและไกลเกิน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/visuals.py" line="349"/>
        <source>Existing facility kept</source>
        <translation>สถานบริการเดิมที่คงไว้</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/visuals.py" line="350"/>
        <source>New site (number: order of benefit)</source>
        <translation>จุดใหม่ (ตัวเลข: ลำดับประโยชน์)</translation>
    </message>
</context>
<context>
    <name>OperationsDock</name>
    <message>
        <location filename="../ui/operations_dock.ui" line="6"/>
        <source>Jitasa operations</source>
        <translation>ปฏิบัติการจิตอาสา</translation>
    </message>
    <message>
        <location filename="../ui/operations_dock.ui" line="13"/>
        <source>Amphoe</source>
        <translation>อำเภอ</translation>
    </message>
    <message>
        <location filename="../ui/operations_dock.ui" line="23"/>
        <source>Tambon</source>
        <translation>ตำบล</translation>
    </message>
    <message>
        <location filename="../ui/operations_dock.ui" line="37"/>
        <source>Requests</source>
        <translation>คำขอ</translation>
    </message>
    <message>
        <location filename="../ui/operations_dock.ui" line="43"/>
        <source>Categories to show (none checked: all)</source>
        <translation>ประเภทที่จะแสดง (ไม่เลือกเลย: แสดงทั้งหมด)</translation>
    </message>
    <message>
        <location filename="../ui/operations_dock.ui" line="48"/>
        <source>Urgencies to show (none checked: all)</source>
        <translation>ระดับความเร่งด่วนที่จะแสดง (ไม่เลือกเลย: แสดงทั้งหมด)</translation>
    </message>
    <message>
        <location filename="../ui/operations_dock.ui" line="53"/>
        <source>Open statuses to show (none checked: all open)</source>
        <translation>สถานะที่จะแสดง (ไม่เลือกเลย: แสดงทุกสถานะที่ยังเปิดอยู่)</translation>
    </message>
    <message>
        <location filename="../ui/operations_dock.ui" line="58"/>
        <source>Search notes and places (3 letters or more), or a request number</source>
        <translation>ค้นหาจากหมายเหตุและสถานที่ (อย่างน้อย 3 ตัวอักษร) หรือเลขที่คำขอ</translation>
    </message>
    <message>
        <location filename="../ui/operations_dock.ui" line="211"/>
        <source>Previous page</source>
        <translation>หน้าก่อนหน้า</translation>
    </message>
    <message>
        <location filename="../ui/operations_dock.ui" line="220"/>
        <source>Next page</source>
        <translation>หน้าถัดไป</translation>
    </message>
    <message>
        <location filename="../ui/operations_dock.ui" line="102"/>
        <source>Start</source>
        <translation>เริ่มช่วยเหลือ</translation>
    </message>
    <message>
        <location filename="../ui/operations_dock.ui" line="103"/>
        <source>Mark the selected request as being helped (in progress)</source>
        <translation>บันทึกว่าคำขอที่เลือกกำลังได้รับความช่วยเหลือ (กำลังช่วยเหลือ)</translation>
    </message>
    <message>
        <location filename="../ui/operations_dock.ui" line="108"/>
        <source>Done</source>
        <translation>เสร็จสิ้น</translation>
    </message>
    <message>
        <location filename="../ui/operations_dock.ui" line="109"/>
        <source>Close the selected request as done; its volunteer becomes free</source>
        <translation>ปิดคำขอที่เลือกว่าเสร็จสิ้น อาสาสมัครที่รับงานจะว่างรับงานใหม่ได้</translation>
    </message>
    <message>
        <location filename="../ui/operations_dock.ui" line="114"/>
        <source>Cancel…</source>
        <translation>ยกเลิก…</translation>
    </message>
    <message>
        <location filename="../ui/operations_dock.ui" line="115"/>
        <source>Cancel the selected request, giving a reason</source>
        <translation>ยกเลิกคำขอที่เลือก โดยระบุเหตุผล</translation>
    </message>
    <message>
        <location filename="../ui/operations_dock.ui" line="151"/>
        <source>Volunteers</source>
        <translation>อาสาสมัคร</translation>
    </message>
    <message>
        <location filename="../ui/operations_dock.ui" line="155"/>
        <source>Available only</source>
        <translation>เฉพาะที่พร้อมรับงาน</translation>
    </message>
    <message>
        <location filename="../ui/operations_dock.ui" line="195"/>
        <source>Facilities</source>
        <translation>สถานพยาบาล</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/requests_tab.py" line="108"/>
        <source>All categories</source>
        <translation>ทุกประเภท</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/requests_tab.py" line="111"/>
        <source>All urgencies</source>
        <translation>ทุกระดับความเร่งด่วน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/requests_tab.py" line="114"/>
        <source>All open</source>
        <translation>ทุกสถานะที่ยังเปิดอยู่</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/operations_dock.py" line="456"/>
        <source>All amphoe</source>
        <translation>ทุกอำเภอ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/operations_dock.py" line="470"/>
        <source>All tambon</source>
        <translation>ทุกตำบล</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/requests_tab.py" line="210"/>
        <source>Not cancelled: a request is cancelled only with a reason.</source>
        <translation>ไม่ได้ยกเลิก: ต้องระบุเหตุผลจึงจะยกเลิกคำขอได้.</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/requests_tab.py" line="270"/>
        <source>Cancel request {id}</source>
        <translation>ยกเลิกคำขอ {id}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/requests_tab.py" line="270"/>
        <source>Why is this request cancelled?</source>
        <translation>ยกเลิกคำขอนี้เพราะเหตุใด?</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/operations_dock.py" line="432"/>
        <source>Offline since {time}: {reason}</source>
        <translation>ออฟไลน์ตั้งแต่ {time} น.: {reason}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/paging.py" line="51"/>
        <source>None</source>
        <translation>ไม่มี</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/paging.py" line="53"/>
        <source>{first}–{last}</source>
        <translation>{first}–{last}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/paging.py" line="55"/>
        <source>{first}–{last} of {total}</source>
        <translation>{first}–{last} จาก {total}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/runs_tab.py" line="257"/>
        <source>Not changed: {message}</source>
        <translation>ไม่ได้เปลี่ยนแปลง: {message}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/requests_tab.py" line="233"/>
        <source>Request {id} is now: {status}</source>
        <translation>คำขอ {id} เปลี่ยนสถานะเป็น: {status}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/operations_dock.py" line="351"/>
        <source>Jitasa</source>
        <translation>จิตอาสา</translation>
    </message>
    <message>
        <location filename="../ui/operations_dock.ui" line="234"/>
        <source>Runs</source>
        <translation>รอบการจัดสรร</translation>
    </message>
    <message>
        <location filename="../ui/operations_dock.ui" line="242"/>
        <source>Assignment runs with proposals waiting for review</source>
        <translation>รอบการจัดสรรที่มีข้อเสนอรอตรวจสอบ</translation>
    </message>
    <message>
        <location filename="../ui/operations_dock.ui" line="251"/>
        <source>The chosen run&apos;s proposals; select rows to confirm or reject only those</source>
        <translation>ข้อเสนอของรอบที่เลือก เลือกแถวเพื่อยืนยันหรือไม่อนุมัติเฉพาะแถวนั้น</translation>
    </message>
    <message>
        <location filename="../ui/operations_dock.ui" line="269"/>
        <source>Confirm run</source>
        <translation>ยืนยันทั้งรอบ</translation>
    </message>
    <message>
        <location filename="../ui/operations_dock.ui" line="270"/>
        <source>Confirm every proposal of the chosen run; rows that became stale are refused with their reason</source>
        <translation>ยืนยันข้อเสนอทั้งหมดของรอบที่เลือก แถวที่ข้อมูลเปลี่ยนไปแล้วจะถูกปฏิเสธพร้อมเหตุผล</translation>
    </message>
    <message>
        <location filename="../ui/operations_dock.ui" line="275"/>
        <source>Reject run</source>
        <translation>ไม่อนุมัติทั้งรอบ</translation>
    </message>
    <message>
        <location filename="../ui/operations_dock.ui" line="276"/>
        <source>Reject every proposal of the chosen run</source>
        <translation>ไม่อนุมัติข้อเสนอทั้งหมดของรอบที่เลือก</translation>
    </message>
    <message>
        <location filename="../ui/operations_dock.ui" line="287"/>
        <source>Confirm selected</source>
        <translation>ยืนยันที่เลือก</translation>
    </message>
    <message>
        <location filename="../ui/operations_dock.ui" line="288"/>
        <source>Confirm only the selected proposals</source>
        <translation>ยืนยันเฉพาะข้อเสนอที่เลือก</translation>
    </message>
    <message>
        <location filename="../ui/operations_dock.ui" line="293"/>
        <source>Reject selected</source>
        <translation>ไม่อนุมัติที่เลือก</translation>
    </message>
    <message>
        <location filename="../ui/operations_dock.ui" line="294"/>
        <source>Reject only the selected proposals</source>
        <translation>ไม่อนุมัติเฉพาะข้อเสนอที่เลือก</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/runs_tab.py" line="115"/>
        <source>No assignment run is waiting for review.</source>
        <translation>ไม่มีรอบการจัดสรรที่รอตรวจสอบ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/runs_tab.py" line="130"/>
        <source>Run {run} ({method}, {scope}): {n} proposal(s) to review.</source>
        <translation>รอบ {run} ({method}, {scope}): ข้อเสนอรอตรวจสอบ {n} รายการ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/runs_tab.py" line="134"/>
        <source>The first {limit} are listed; “Confirm run” and “Reject run” act on all of them.</source>
        <translation>แสดง {limit} รายการแรก ปุ่ม “ยืนยันทั้งรอบ” และ “ไม่อนุมัติทั้งรอบ” ทำกับทุกรายการ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/runs_tab.py" line="152"/>
        <source>Confirm run {run}</source>
        <translation>ยืนยันรอบ {run}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/runs_tab.py" line="152"/>
        <source>Confirm all {n} proposal(s) of run {run}? Rows that became stale are refused with their reason.</source>
        <translation>ยืนยันข้อเสนอทั้ง {n} รายการของรอบ {run} หรือไม่ แถวที่ข้อมูลเปลี่ยนไปแล้วจะถูกปฏิเสธพร้อมเหตุผล</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/runs_tab.py" line="172"/>
        <source>Reject run {run}</source>
        <translation>ไม่อนุมัติรอบ {run}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/runs_tab.py" line="172"/>
        <source>Reject all {n} proposal(s) of run {run}?</source>
        <translation>ไม่อนุมัติข้อเสนอทั้ง {n} รายการของรอบ {run} หรือไม่</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/runs_tab.py" line="193"/>
        <source>Run {run}: {confirmed} confirmed, {refused} refused — {reasons}.</source>
        <translation>รอบ {run}: ยืนยัน {confirmed} รายการ ถูกปฏิเสธ {refused} รายการ — {reasons}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/runs_tab.py" line="205"/>
        <source>Run {run}: {confirmed} confirmed.</source>
        <translation>รอบ {run}: ยืนยัน {confirmed} รายการ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/runs_tab.py" line="221"/>
        <source>Run {run}: {n} proposal(s) rejected.</source>
        <translation>รอบ {run}: ไม่อนุมัติข้อเสนอ {n} รายการ</translation>
    </message>
    <message>
        <location filename="../ui/operations_dock.ui" line="130"/>
        <source>Unassign…</source>
        <translation>ถอนการมอบหมาย…</translation>
    </message>
    <message>
        <location filename="../ui/operations_dock.ui" line="131"/>
        <source>Take the selected request from its volunteer, giving a reason; the request is new again</source>
        <translation>ถอนคำขอที่เลือกจากจิตอาสาที่รับไว้ พร้อมระบุเหตุผล คำขอจะกลับเป็นรายการใหม่</translation>
    </message>
    <message>
        <location filename="../ui/operations_dock.ui" line="136"/>
        <source>Volunteer declined…</source>
        <translation>จิตอาสาปฏิเสธ…</translation>
    </message>
    <message>
        <location filename="../ui/operations_dock.ui" line="137"/>
        <source>Record that the volunteer declined the selected request, with their reason; the request is new again</source>
        <translation>บันทึกว่าจิตอาสาปฏิเสธคำขอที่เลือก พร้อมเหตุผล คำขอจะกลับเป็นรายการใหม่</translation>
    </message>
    <message>
        <location filename="../ui/operations_dock.ui" line="142"/>
        <source>Reassign…</source>
        <translation>มอบหมายใหม่…</translation>
    </message>
    <message>
        <location filename="../ui/operations_dock.ui" line="143"/>
        <source>Give the selected request to another volunteer, chosen from the nearest who can go, giving a reason</source>
        <translation>มอบคำขอที่เลือกให้จิตอาสาคนอื่น โดยเลือกจากผู้ที่อยู่ใกล้ที่สุดและไปได้ พร้อมระบุเหตุผล</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/request_assignment_actions.py" line="85"/>
        <source>No other volunteer near request {id} can take it now. Nothing was changed.</source>
        <translation>ขณะนี้ไม่มีจิตอาสาคนอื่นใกล้คำขอ {id} ที่รับได้ ไม่มีการเปลี่ยนแปลงใด</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/request_assignment_actions.py" line="98"/>
        <source>Request {id} now goes to volunteer {volunteer}.</source>
        <translation>คำขอ {id} มอบหมายให้จิตอาสา {volunteer} แล้ว</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/request_assignment_actions.py" line="193"/>
        <source>{rank}. Volunteer {id} · {kind} · {minutes} · load {load}</source>
        <translation>{rank}. จิตอาสา {id} · {kind} · {minutes} · ภาระงาน {load}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/request_assignment_actions.py" line="228"/>
        <source>Reassign request {id}</source>
        <translation>มอบหมายคำขอ {id} ใหม่</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/request_assignment_actions.py" line="202"/>
        <source>Volunteer {volunteer} has it now. Give it to:</source>
        <translation>ขณะนี้จิตอาสา {volunteer} รับไว้ มอบให้:</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/request_assignment_actions.py" line="223"/>
        <source>Volunteer declined request {id}</source>
        <translation>จิตอาสาปฏิเสธคำขอ {id}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/request_assignment_actions.py" line="224"/>
        <source>Why did volunteer {volunteer} decline?</source>
        <translation>จิตอาสา {volunteer} ปฏิเสธเพราะอะไร</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/request_assignment_actions.py" line="229"/>
        <source>Why does it go from volunteer {old} to volunteer {new}?</source>
        <translation>เหตุใดจึงย้ายจากจิตอาสา {old} ไปยังจิตอาสา {new}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/request_assignment_actions.py" line="233"/>
        <source>Unassign request {id}</source>
        <translation>ถอนการมอบหมายคำขอ {id}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/request_assignment_actions.py" line="234"/>
        <source>Why is volunteer {volunteer} taken off this request?</source>
        <translation>เหตุใดจึงถอนจิตอาสา {volunteer} ออกจากคำขอนี้</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/request_assignment_actions.py" line="119"/>
        <source>Request {id} is new again: volunteer {volunteer} declined it.</source>
        <translation>คำขอ {id} กลับเป็นรายการใหม่: จิตอาสา {volunteer} ปฏิเสธ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/request_assignment_actions.py" line="134"/>
        <source>Request {id} has no volunteer any more: someone changed it first. Nothing was changed.</source>
        <translation>คำขอ {id} ไม่มีจิตอาสารับอยู่แล้ว: มีผู้อื่นเปลี่ยนก่อน ไม่มีการเปลี่ยนแปลงใด</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/request_assignment_actions.py" line="153"/>
        <source>Not changed: give a reason.</source>
        <translation>ไม่ได้เปลี่ยน: โปรดระบุเหตุผล</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/request_assignment_actions.py" line="116"/>
        <source>Request {id} is new again: volunteer {volunteer} was taken off it.</source>
        <translation>คำขอ {id} กลับเป็นรายการใหม่: ถอนจิตอาสา {volunteer} ออกแล้ว</translation>
    </message>
    <message>
        <location filename="../ui/operations_dock.ui" line="329"/>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <location filename="../ui/operations_dock.ui" line="330"/>
        <source>Stop this work; nothing is written when it stops before the write</source>
        <translation>หยุดงานนี้ หากหยุดก่อนขั้นบันทึก จะไม่มีการบันทึกข้อมูลใด ๆ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/operations_dock.py" line="369"/>
        <source>Wait until “{task}” has finished.</source>
        <translation>โปรดรอให้ “{task}” เสร็จก่อน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/operations_dock.py" line="387"/>
        <source>“{task}” was cancelled; nothing was written.</source>
        <translation>ยกเลิก “{task}” แล้ว ไม่มีการบันทึกข้อมูลใด ๆ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/runs_tab.py" line="213"/>
        <source>Confirming run {run}</source>
        <translation>กำลังยืนยันรอบ {run}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/runs_tab.py" line="227"/>
        <source>Rejecting run {run}</source>
        <translation>กำลังปฏิเสธรอบ {run}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/operations_dock.py" line="164"/>
        <source>Feed</source>
        <translation>ฟีด</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/requests_tab.py" line="99"/>
        <source>History…</source>
        <translation>ประวัติ…</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/requests_tab.py" line="256"/>
        <source>No history: {message}</source>
        <translation>ไม่มีประวัติ: {message}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/requests_tab.py" line="260"/>
        <source>Reading the history of request {id}</source>
        <translation>กำลังอ่านประวัติของคำขอ {id}</translation>
    </message>
</context>
<context>
    <name>OutputDialog</name>
    <message>
        <location filename="../jitasa_qgis/gui/output_task_dialog.py" line="49"/>
        <source>Province</source>
        <translation>จังหวัด</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/output_task_dialog.py" line="50"/>
        <source>Amphoe</source>
        <translation>อำเภอ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/output_task_dialog.py" line="51"/>
        <source>Tambon</source>
        <translation>ตำบล</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/output_task_dialog.py" line="85"/>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/output_task_dialog.py" line="112"/>
        <source>Any level</source>
        <translation>ทุกระดับ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/output_task_dialog.py" line="159"/>
        <source>Working…</source>
        <translation>กำลังทำงาน…</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/output_task_dialog.py" line="162"/>
        <source>Nothing was written: {0}</source>
        <translation>ไม่ได้บันทึกสิ่งใด: {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/output_task_dialog.py" line="224"/>
        <source>Cancelled; no file was written.</source>
        <translation>ยกเลิกแล้ว ไม่ได้บันทึกไฟล์ใด</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/output_task_dialog.py" line="229"/>
        <source>No program on this computer opens {0}.</source>
        <translation>ไม่มีโปรแกรมในเครื่องนี้ที่เปิด {0} ได้</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/output_task_dialog.py" line="125"/>
        <source>e.g. สำนักงานสาธารณสุขจังหวัดเพชรบูรณ์</source>
        <translation>เช่น สำนักงานสาธารณสุขจังหวัดเพชรบูรณ์</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/output_task_dialog.py" line="126"/>
        <source>Thai digits (๑ ธันวาคม ๒๕๖๙)</source>
        <translation>ใช้เลขไทย (๑ ธันวาคม ๒๕๖๙)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/output_task_dialog.py" line="128"/>
        <source>Producing office</source>
        <translation>หน่วยงานที่จัดทำ</translation>
    </message>
</context>
<context>
    <name>PlanningGroup</name>
    <message>
        <location filename="../jitasa_qgis/layers/planning_group.py" line="24"/>
        <source>Jitasa planning</source>
        <translation>Jitasa วางแผน</translation>
    </message>
</context>
<context>
    <name>PrintAlgorithms</name>
    <message>
        <location filename="../jitasa_qgis/processing/print_atlas.py" line="20"/>
        <source>Print an atlas (a page per amphoe, tambon or service area)</source>
        <translation>พิมพ์สมุดแผนที่ (หน้าละอำเภอ ตำบล หรือพื้นที่ให้บริการ)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/print_atlas.py" line="23"/>
        <source>Writes one PDF with a page per amphoe, tambon or service area of a province or amphoe (or of the whole store). Each page has its map, an overview inset, a legend of what it shows and its figures: open requests by urgency and need, volunteers assigned, facilities with their beds and daily capacity. An area with no open request gets a page that says so.

The file is written whole or not at all; a cancel leaves no file.</source>
        <translation>เขียนไฟล์ PDF หนึ่งไฟล์ หน้าละหนึ่งอำเภอ ตำบล หรือพื้นที่ให้บริการ ในจังหวัดหรืออำเภอที่เลือก (หรือทั้งฐานข้อมูล) แต่ละหน้ามีแผนที่ แผนที่ภาพรวม คำอธิบายสัญลักษณ์ของสิ่งที่แสดง และตัวเลขของพื้นที่: คำขอที่ยังเปิดอยู่ตามความเร่งด่วนและความต้องการ อาสาสมัครที่ได้รับมอบหมาย สถานพยาบาลพร้อมเตียงและจำนวนที่รับได้ต่อวัน พื้นที่ที่ไม่มีคำขอที่ยังเปิดอยู่ก็มีหน้าที่บอกเช่นนั้น

ไฟล์จะถูกเขียนครบทั้งไฟล์หรือไม่เขียนเลย การยกเลิกจะไม่เหลือไฟล์ใดไว้</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/print_atlas.py" line="34"/>
        <source>One page per</source>
        <translation>หน้าละหนึ่ง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/print_atlas.py" line="34"/>
        <source>Amphoe</source>
        <translation>อำเภอ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/print_atlas.py" line="34"/>
        <source>Tambon</source>
        <translation>ตำบล</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/print_atlas.py" line="34"/>
        <source>Service area</source>
        <translation>พื้นที่ให้บริการ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/print_atlas.py" line="46"/>
        <source>Inside this province or amphoe: name or code (empty: the whole store)</source>
        <translation>ภายในจังหวัดหรืออำเภอนี้: ชื่อหรือรหัส (เว้นว่าง: ทั้งฐานข้อมูล)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/print_map.py" line="29"/>
        <source>A4 portrait</source>
        <translation>A4 แนวตั้ง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/print_map.py" line="30"/>
        <source>A4 landscape</source>
        <translation>A4 แนวนอน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/print_map.py" line="31"/>
        <source>A3 landscape</source>
        <translation>A3 แนวนอน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/print_map.py" line="50"/>
        <source>Paper</source>
        <translation>กระดาษ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/print_map.py" line="58"/>
        <source>Title (empty: made from the area)</source>
        <translation>ชื่อแผนที่ (เว้นว่าง: ตั้งจากพื้นที่)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/print_map.py" line="63"/>
        <source>Producing office</source>
        <translation>หน่วยงานที่จัดทำ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/print_map.py" line="71"/>
        <source>Dates in Thai digits (๑ ธันวาคม ๒๕๖๙)</source>
        <translation>วันที่เป็นเลขไทย (๑ ธันวาคม ๒๕๖๙)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/print_map.py" line="80"/>
        <source>PDF file</source>
        <translation>ไฟล์ PDF</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/print_map.py" line="80"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/print_map.py" line="87"/>
        <source>Pages</source>
        <translation>จำนวนหน้า</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/print_map.py" line="104"/>
        <source>Print a map</source>
        <translation>พิมพ์แผนที่</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/print_map.py" line="107"/>
        <source>Writes a PDF map of an area (a province, amphoe or tambon by name or code, or a service area by its id), of an extent, or of the whole store: open help requests, volunteers, facilities, service areas, roads and boundaries, with a legend of what the map shows, a scale bar, a north arrow, the date in the Buddhist Era, the data sources and the producing office.

The file is written whole or not at all.</source>
        <translation>เขียนแผนที่เป็นไฟล์ PDF ของพื้นที่ (จังหวัด อำเภอ หรือตำบล ตามชื่อหรือรหัส หรือพื้นที่ให้บริการตามรหัส) ของขอบเขตที่กำหนด หรือของทั้งฐานข้อมูล: คำขอความช่วยเหลือที่ยังเปิดอยู่ อาสาสมัคร สถานพยาบาล พื้นที่ให้บริการ ถนน และขอบเขตการปกครอง พร้อมคำอธิบายสัญลักษณ์ของสิ่งที่แสดง มาตราส่วน ทิศเหนือ วันที่แบบพุทธศักราช ที่มาของข้อมูล และหน่วยงานที่จัดทำ

ไฟล์จะถูกเขียนครบทั้งไฟล์หรือไม่เขียนเลย</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/print_map.py" line="117"/>
        <source>Province, amphoe or tambon: name or code (empty: the whole store)</source>
        <translation>จังหวัด อำเภอ หรือตำบล: ชื่อหรือรหัส (เว้นว่าง: ทั้งฐานข้อมูล)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/print_map.py" line="124"/>
        <source>…or a service area (its id)</source>
        <translation>…หรือพื้นที่ให้บริการ (รหัส)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/print_map.py" line="133"/>
        <source>…or an extent</source>
        <translation>…หรือขอบเขต</translation>
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message>
        <location filename="../jitasa_qgis/gui/print_dialog.py" line="33"/>
        <source>A4 portrait</source>
        <translation>A4 แนวตั้ง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/print_dialog.py" line="34"/>
        <source>A4 landscape</source>
        <translation>A4 แนวนอน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/print_dialog.py" line="35"/>
        <source>A3 landscape</source>
        <translation>A3 แนวนอน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/print_dialog.py" line="41"/>
        <source>Amphoe</source>
        <translation>อำเภอ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/print_dialog.py" line="42"/>
        <source>Tambon</source>
        <translation>ตำบล</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/print_dialog.py" line="43"/>
        <source>Service area</source>
        <translation>พื้นที่ให้บริการ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/print_dialog.py" line="58"/>
        <source>Print a map or an atlas</source>
        <translation>พิมพ์แผนที่หรือสมุดแผนที่</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/print_dialog.py" line="61"/>
        <source>One map of an area</source>
        <translation>แผนที่หนึ่งแผ่นของพื้นที่</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/print_dialog.py" line="62"/>
        <source>Atlas: a page per area</source>
        <translation>สมุดแผนที่: หน้าละหนึ่งพื้นที่</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/print_dialog.py" line="68"/>
        <source>Name or code, e.g. วังโป่ง or 6710; empty: everything</source>
        <translation>ชื่อหรือรหัส เช่น วังโป่ง หรือ 6710 เว้นว่าง: ทั้งหมด</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/print_dialog.py" line="81"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/print_dialog.py" line="74"/>
        <source>Print</source>
        <translation>พิมพ์</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/print_dialog.py" line="75"/>
        <source>Paper</source>
        <translation>กระดาษ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/print_dialog.py" line="76"/>
        <source>One page per</source>
        <translation>หน้าละหนึ่ง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/print_dialog.py" line="81"/>
        <source>PDF file</source>
        <translation>ไฟล์ PDF</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/print_dialog.py" line="51"/>
        <source>Cancel printing</source>
        <translation>ยกเลิกการพิมพ์</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/print_dialog.py" line="89"/>
        <source>Inside (province or amphoe)</source>
        <translation>ภายใน (จังหวัดหรืออำเภอ)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/print_dialog.py" line="89"/>
        <source>Area</source>
        <translation>พื้นที่</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/print_dialog.py" line="99"/>
        <source>Choose the PDF file to write.</source>
        <translation>เลือกไฟล์ PDF ที่จะเขียน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/print_dialog.py" line="120"/>
        <source>Printing…</source>
        <translation>กำลังพิมพ์…</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/print_dialog.py" line="117"/>
        <source>Jitasa: printing {0}</source>
        <translation>จิตอาสา: กำลังพิมพ์ {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/print_dialog.py" line="123"/>
        <source>Not printed: {0}</source>
        <translation>พิมพ์ไม่สำเร็จ: {0}</translation>
    </message>
</context>
<context>
    <name>PrintErrors</name>
    <message>
        <location filename="../jitasa_qgis/definitions/print_errors.py" line="30"/>
        <source>No Thai font is installed, so Thai text would print as boxes. Install the Debian package {0} (sudo apt install {0}) and start QGIS again.</source>
        <translation>ไม่มีฟอนต์ภาษาไทยในเครื่อง ข้อความภาษาไทยจะพิมพ์ออกมาเป็นกล่องสี่เหลี่ยม ติดตั้งแพ็กเกจ Debian {0} (sudo apt install {0}) แล้วเปิด QGIS ใหม่</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/print_errors.py" line="36"/>
        <source>No layout template named {0}.</source>
        <translation>ไม่มีแม่แบบหน้ากระดาษชื่อ {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/print_errors.py" line="38"/>
        <source>The layout template {0} cannot be read.</source>
        <translation>อ่านแม่แบบหน้ากระดาษ {0} ไม่ได้</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/print_errors.py" line="40"/>
        <source>Cannot write the PDF {0}: choose a folder you may write to.</source>
        <translation>เขียนไฟล์ PDF {0} ไม่ได้ เลือกโฟลเดอร์ที่มีสิทธิ์เขียน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/print_errors.py" line="42"/>
        <source>QGIS could not export the layout: {0}</source>
        <translation>QGIS ส่งออกหน้ากระดาษไม่สำเร็จ: {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/print_errors.py" line="44"/>
        <source>The area {0} has no boundary in the store: nothing to print.</source>
        <translation>พื้นที่ {0} ไม่มีขอบเขตในฐานข้อมูล จึงไม่มีอะไรให้พิมพ์</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/print_errors.py" line="45"/>
        <source>The scope {0} holds no areas: the atlas would have no pages.</source>
        <translation>ขอบเขต {0} ไม่มีพื้นที่ย่อย สมุดแผนที่จะไม่มีหน้าเลย</translation>
    </message>
</context>
<context>
    <name>PrintExpressions</name>
    <message>
        <location filename="../jitasa_qgis/printing/expressions.py" line="85"/>
        <source>The style must be &apos;long&apos; or &apos;short&apos;.</source>
        <translation>รูปแบบต้องเป็น 'long' หรือ 'short'</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/printing/expressions.py" line="65"/>
        <source>Unknown time zone: {0}</source>
        <translation>ไม่รู้จักเขตเวลา: {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/printing/expressions.py" line="79"/>
        <source>jitasa_thai_date takes 1 to 5 arguments.</source>
        <translation>jitasa_thai_date รับอาร์กิวเมนต์ 1 ถึง 5 ตัว</translation>
    </message>
</context>
<context>
    <name>PrintFigures</name>
    <message>
        <location filename="../jitasa_qgis/printing/figures_text.py" line="17"/>
        <source>Open requests: {0}</source>
        <translation>คำขอที่ยังเปิดอยู่: {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/printing/figures_text.py" line="20"/>
        <source>By urgency: {0}</source>
        <translation>ตามความเร่งด่วน: {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/printing/figures_text.py" line="23"/>
        <source>By need: {0}</source>
        <translation>ตามความต้องการ: {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/printing/figures_text.py" line="25"/>
        <source>No open requests in this area.</source>
        <translation>ไม่มีคำขอที่ยังเปิดอยู่ในพื้นที่นี้</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/printing/figures_text.py" line="26"/>
        <source>Volunteers assigned: {0}</source>
        <translation>อาสาสมัครที่ได้รับมอบหมาย: {0} คน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/printing/figures_text.py" line="29"/>
        <source>Facilities: {0}</source>
        <translation>สถานพยาบาล: {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/printing/figures_text.py" line="31"/>
        <source>Beds free: {0} of {1}</source>
        <translation>เตียงว่าง: {0} จาก {1}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/printing/figures_text.py" line="35"/>
        <source>Daily capacity: {0} people</source>
        <translation>รับบริการได้วันละ: {0} คน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/printing/figures_text.py" line="37"/>
        <source>No facilities in this area.</source>
        <translation>ไม่มีสถานพยาบาลในพื้นที่นี้</translation>
    </message>
</context>
<context>
    <name>PrintLayout</name>
    <message>
        <location filename="../jitasa_qgis/printing/layouts.py" line="151"/>
        <source>Printed {0}</source>
        <translation>พิมพ์เมื่อ {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/printing/layouts.py" line="153"/>
        <source>Produced by {0}</source>
        <translation>จัดทำโดย {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/printing/layouts.py" line="170"/>
        <source>Legend</source>
        <translation>คำอธิบายสัญลักษณ์</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/printing/attribution.py" line="32"/>
        <source>Data: Jitasa store (help requests, volunteers, assignments, facilities).</source>
        <translation>ข้อมูล: ฐานข้อมูลจิตอาสา (คำขอความช่วยเหลือ อาสาสมัคร การมอบหมายงาน สถานพยาบาล)</translation>
    </message>
</context>
<context>
    <name>PrintMap</name>
    <message>
        <location filename="../jitasa_qgis/services/print_map.py" line="82"/>
        <source>Wrote {0} pages to {1} ({2:.1f} s).</source>
        <translation>เขียน {0} หน้าลงใน {1} แล้ว ({2:.1f} วินาที)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/print_map.py" line="87"/>
        <source>{0} pages show areas with no open request.</source>
        <translation>{0} หน้าเป็นพื้นที่ที่ไม่มีคำขอที่ยังเปิดอยู่</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/print_map.py" line="93"/>
        <source>Printing needs a saved PostgreSQL connection or a pg_service name for its layers.</source>
        <translation>การพิมพ์ต้องใช้การเชื่อมต่อ PostgreSQL ที่บันทึกไว้หรือชื่อ pg_service เพื่อสร้างชั้นข้อมูล</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/print_map.py" line="100"/>
        <source>Open help requests, volunteers, facilities and service areas</source>
        <translation>คำขอความช่วยเหลือที่ยังเปิดอยู่ อาสาสมัคร สถานพยาบาล และพื้นที่ให้บริการ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/print_map.py" line="116"/>
        <source>Area: {0}</source>
        <translation>พื้นที่: {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/print_map.py" line="121"/>
        <source>Help requests and volunteers: {0}</source>
        <translation>คำขอความช่วยเหลือและอาสาสมัคร: {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/print_map.py" line="140"/>
        <source>Drawing the map…</source>
        <translation>กำลังวาดแผนที่…</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/print_map.py" line="153"/>
        <source>The extent is empty: give xmin &lt; xmax and ymin &lt; ymax.</source>
        <translation>ขอบเขตว่างเปล่า: ต้องให้ xmin &lt; xmax และ ymin &lt; ymax</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/print_map.py" line="154"/>
        <source>the extent given</source>
        <translation>ขอบเขตที่กำหนด</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/print_map.py" line="221"/>
        <source>the whole store</source>
        <translation>ทั้งฐานข้อมูล</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/print_map.py" line="172"/>
        <source>all areas in the store</source>
        <translation>ทุกพื้นที่ในฐานข้อมูล</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/print_map.py" line="203"/>
        <source>Page {0} of {1}</source>
        <translation>หน้า {0} จาก {1}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/print_map.py" line="215"/>
        <source>Unknown atlas level: {0}</source>
        <translation>ไม่รู้จักระดับของสมุดแผนที่: {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/print_map.py" line="225"/>
        <source>An atlas of {0} pages needs a wider scope than {1}.</source>
        <translation>สมุดแผนที่รายหน้า{0}ต้องใช้ขอบเขตที่กว้างกว่า {1}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/print_map.py" line="238"/>
        <source>{0} pages to print.</source>
        <translation>จะพิมพ์ {0} หน้า</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/print_map.py" line="301"/>
        <source>Cancelled; no file was written.</source>
        <translation>ยกเลิกแล้ว ไม่ได้เขียนไฟล์</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/print_map.py" line="177"/>
        <source>Service area {0}</source>
        <translation>พื้นที่ให้บริการ {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/print_map.py" line="180"/>
        <source>Tambon {0}, amphoe {1}</source>
        <translation>ตำบล{0} อำเภอ{1}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/print_map.py" line="181"/>
        <source>Tambon {0}</source>
        <translation>ตำบล{0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/print_map.py" line="183"/>
        <source>Amphoe {0}</source>
        <translation>อำเภอ{0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/print_map.py" line="184"/>
        <source>Province {0}</source>
        <translation>จังหวัด{0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/print_map.py" line="272"/>
        <source>amphoe</source>
        <translation>อำเภอ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/print_map.py" line="273"/>
        <source>tambon</source>
        <translation>ตำบล</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/print_map.py" line="274"/>
        <source>service area</source>
        <translation>พื้นที่ให้บริการ</translation>
    </message>
</context>
<context>
    <name>ProcessingGroups</name>
    <message>
        <location filename="../jitasa_qgis/processing/base.py" line="149"/>
        <source>Import and export</source>
        <translation>นำเข้าและส่งออก</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/base.py" line="160"/>
        <source>Rejected {0}: {1}</source>
        <translation>ปฏิเสธ {0}: {1}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/base.py" line="166"/>
        <source>… and {0} more rejected rows (see the rejects table).</source>
        <translation>… และแถวที่ถูกปฏิเสธอีก {0} แถว (ดูในตารางรายการที่ถูกปฏิเสธ)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/print_map.py" line="40"/>
        <source>Print</source>
        <translation>พิมพ์</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/base.py" line="139"/>
        <source>Planning</source>
        <translation>การวางแผน</translation>
    </message>
</context>
<context>
    <name>Questions</name>
    <message>
        <location filename="../jitasa_qgis/gui/questions.py" line="26"/>
        <source>Yes</source>
        <translation>ใช่</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/questions.py" line="29"/>
        <source>No</source>
        <translation>ไม่</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/questions.py" line="40"/>
        <source>OK</source>
        <translation>ตกลง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/questions.py" line="41"/>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/questions.py" line="42"/>
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/questions.py" line="43"/>
        <source>Save</source>
        <translation>บันทึก</translation>
    </message>
</context>
<context>
    <name>Reasons</name>
    <message>
        <location filename="../jitasa_qgis/definitions/reasons.py" line="60"/>
        <source>a vehicle</source>
        <translation>ยานพาหนะ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/reasons.py" line="61"/>
        <source>PPE training and an enclosed vehicle</source>
        <translation>การอบรมชุด PPE และรถที่มีห้องโดยสารปิด</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/reasons.py" line="62"/>
        <source>oxygen handling</source>
        <translation>การจัดการออกซิเจน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/reasons.py" line="63"/>
        <source>PPE training</source>
        <translation>การอบรมชุด PPE</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/reasons.py" line="64"/>
        <source>a medical skill</source>
        <translation>ทักษะทางการแพทย์</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/reasons.py" line="116"/>
        <source> or </source>
        <translation> หรือ </translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/reasons.py" line="89"/>
        <source> and </source>
        <translation> และ </translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/reasons.py" line="115"/>
        <source>nothing special</source>
        <translation>ไม่มีเงื่อนไขพิเศษ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/reasons.py" line="126"/>
        <source>no such request</source>
        <translation>ไม่มีคำขอนี้</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/reasons.py" line="127"/>
        <source>no such volunteer</source>
        <translation>ไม่มีอาสาสมัครคนนี้</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/reasons.py" line="128"/>
        <source>the request is closed</source>
        <translation>คำขอปิดแล้ว</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/reasons.py" line="129"/>
        <source>request already assigned</source>
        <translation>คำขอถูกมอบหมายไปแล้ว</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/reasons.py" line="130"/>
        <source>the request is already in progress</source>
        <translation>คำขอกำลังดำเนินการอยู่แล้ว</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/reasons.py" line="131"/>
        <source>the request is in this batch twice</source>
        <translation>คำขอซ้ำสองครั้งในชุดนี้</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/reasons.py" line="132"/>
        <source>the volunteer is unavailable</source>
        <translation>อาสาสมัครไม่พร้อมรับงาน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/reasons.py" line="133"/>
        <source>volunteer now full</source>
        <translation>อาสาสมัครรับงานเต็มแล้ว</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/reasons.py" line="134"/>
        <source>the volunteer lacks what it needs: {needs}</source>
        <translation>อาสาสมัครขาดสิ่งที่ต้องใช้: {needs}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/reasons.py" line="134"/>
        <source>the volunteer lacks what the request needs</source>
        <translation>อาสาสมัครขาดสิ่งที่คำขอต้องใช้</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/reasons.py" line="139"/>
        <source>no longer a proposal (now {status})</source>
        <translation>ไม่ใช่ข้อเสนอแล้ว (ขณะนี้: {status})</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/reasons.py" line="139"/>
        <source>no longer a proposal</source>
        <translation>ไม่ใช่ข้อเสนอแล้ว</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/reasons.py" line="146"/>
        <source>rejected by an officer</source>
        <translation>เจ้าหน้าที่ปฏิเสธ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/reasons.py" line="147"/>
        <source>the request has no location</source>
        <translation>คำขอไม่มีตำแหน่ง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/reasons.py" line="148"/>
        <source>no volunteer within the maximum travel time</source>
        <translation>ไม่มีอาสาสมัครภายในเวลาเดินทางสูงสุด</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/reasons.py" line="151"/>
        <source>no eligible volunteer (needs {needs})</source>
        <translation>ไม่มีอาสาสมัครที่มีคุณสมบัติ (ต้องมี{needs})</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/reasons.py" line="151"/>
        <source>no eligible volunteer</source>
        <translation>ไม่มีอาสาสมัครที่มีคุณสมบัติ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/reasons.py" line="156"/>
        <source>all eligible volunteers are at capacity</source>
        <translation>อาสาสมัครที่มีคุณสมบัติรับงานเต็มทุกคน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/reasons.py" line="157"/>
        <source>the eligible volunteers within reach went to other requests</source>
        <translation>อาสาสมัครที่มีคุณสมบัติในระยะเดินทางถูกมอบหมายให้คำขออื่นแล้ว</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/reasons.py" line="172"/>
        <source>no reason given</source>
        <translation>ไม่ระบุเหตุผล</translation>
    </message>
</context>
<context>
    <name>RequestCategory</name>
    <message>
        <location filename="../jitasa_qgis/definitions/labels.py" line="31"/>
        <source>Patient transport</source>
        <translation>รับส่งผู้ป่วย</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/labels.py" line="32"/>
        <source>Infectious patient transport</source>
        <translation>รับส่งผู้ติดเชื้อ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/labels.py" line="33"/>
        <source>Oxygen</source>
        <translation>ออกซิเจน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/labels.py" line="34"/>
        <source>Food and supplies</source>
        <translation>อาหารและของใช้</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/labels.py" line="35"/>
        <source>Medicine</source>
        <translation>ยา</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/labels.py" line="36"/>
        <source>Screening</source>
        <translation>ตรวจคัดกรอง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/labels.py" line="37"/>
        <source>Vaccination</source>
        <translation>ฉีดวัคซีน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/labels.py" line="38"/>
        <source>Medical help</source>
        <translation>ช่วยเหลือทางการแพทย์</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/labels.py" line="39"/>
        <source>Other</source>
        <translation>อื่น ๆ</translation>
    </message>
</context>
<context>
    <name>RequestHistory</name>
    <message>
        <location filename="../jitasa_qgis/definitions/history_text.py" line="35"/>
        <source>Request recorded: {0}, urgency {1}</source>
        <translation>บันทึกคำขอ: {0} ความเร่งด่วน {1}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/history_text.py" line="39"/>
        <source>Request deleted</source>
        <translation>ลบคำขอแล้ว</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/history_text.py" line="42"/>
        <source>Status: {0} → {1}</source>
        <translation>สถานะ: {0} → {1}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/history_text.py" line="48"/>
        <source>Urgency: {0} → {1}</source>
        <translation>ความเร่งด่วน: {0} → {1}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/history_text.py" line="80"/>
        <source>Changed: {0}</source>
        <translation>แก้ไข: {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/history_text.py" line="57"/>
        <source>Saved without changes</source>
        <translation>บันทึกโดยไม่มีการเปลี่ยนแปลง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/history_text.py" line="58"/>
        <source>volunteer {0}</source>
        <translation>อาสาสมัคร {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/history_text.py" line="58"/>
        <source>a volunteer</source>
        <translation>อาสาสมัคร</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/history_text.py" line="65"/>
        <source>Assigned to {0} (assignment {1})</source>
        <translation>มอบหมายให้ {0} (งานมอบหมาย {1})</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/history_text.py" line="66"/>
        <source>Proposed: {0} (assignment {1})</source>
        <translation>เสนอ: {0} (งานมอบหมาย {1})</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/history_text.py" line="68"/>
        <source>Assignment {0} deleted</source>
        <translation>ลบงานมอบหมาย {0} แล้ว</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/history_text.py" line="71"/>
        <source>Assignment {0} of {1}: {2} → {3}</source>
        <translation>งานมอบหมาย {0} ของ{1}: {2} → {3}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/history_text.py" line="77"/>
        <source>reason: {0}</source>
        <translation>เหตุผล: {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/history_text.py" line="81"/>
        <source>Assignment {0} saved without changes</source>
        <translation>บันทึกงานมอบหมาย {0} โดยไม่มีการเปลี่ยนแปลง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/request_history_dialog.py" line="40"/>
        <source>History of request {0}</source>
        <translation>ประวัติของคำขอ {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/request_history_dialog.py" line="42"/>
        <source>{0} changes, oldest first.</source>
        <translation>การเปลี่ยนแปลง {0} รายการ เรียงจากเก่าที่สุด</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/request_history_dialog.py" line="42"/>
        <source>No history you may see for this request.</source>
        <translation>ไม่มีประวัติของคำขอนี้ที่คุณดูได้</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/request_history_dialog.py" line="49"/>
        <source>When</source>
        <translation>เมื่อ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/request_history_dialog.py" line="49"/>
        <source>Who</source>
        <translation>ผู้ดำเนินการ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/request_history_dialog.py" line="49"/>
        <source>Run</source>
        <translation>รอบการจัดสรร</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/request_history_dialog.py" line="49"/>
        <source>What</source>
        <translation>รายการ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/request_history.py" line="79"/>
        <source>Reading the history of request {0}…</source>
        <translation>กำลังอ่านประวัติของคำขอ {0}…</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/request_history.py" line="82"/>
        <source>{0} changes read.</source>
        <translation>อ่านการเปลี่ยนแปลงแล้ว {0} รายการ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/request_history_dialog.py" line="25"/>
        <source>officer</source>
        <translation>เจ้าหน้าที่</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/request_history_dialog.py" line="26"/>
        <source>admin</source>
        <translation>ผู้ดูแลระบบ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/request_history_dialog.py" line="27"/>
        <source>analyst</source>
        <translation>นักวิเคราะห์</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/request_history_dialog.py" line="28"/>
        <source>feed</source>
        <translation>ระบบรับคำขอ</translation>
    </message>
</context>
<context>
    <name>RequestHistoryAlgorithm</name>
    <message>
        <location filename="../jitasa_qgis/processing/request_history.py" line="56"/>
        <source>History of a request</source>
        <translation>ประวัติของคำขอ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/request_history.py" line="59"/>
        <source>Everything the audit log recorded about one request, oldest first: who recorded it, who proposed and assigned volunteers (and in which run), who changed its status, and when. Officers and admins; a scoped officer sees only requests of his areas.</source>
        <translation>ทุกอย่างที่บันทึกการตรวจสอบเก็บไว้เกี่ยวกับคำขอหนึ่งรายการ เรียงจากเก่าที่สุด: ใครบันทึกคำขอ ใครเสนอและมอบหมายอาสาสมัคร (ในรอบการจัดสรรใด) ใครเปลี่ยนสถานะ และเมื่อใด สำหรับเจ้าหน้าที่และผู้ดูแลระบบ เจ้าหน้าที่ที่มีพื้นที่รับผิดชอบจะเห็นเฉพาะคำขอในพื้นที่ของตน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/request_history.py" line="68"/>
        <source>Request id</source>
        <translation>รหัสคำขอ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/request_history.py" line="76"/>
        <source>History</source>
        <translation>ประวัติ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/request_history.py" line="85"/>
        <source>Changes</source>
        <translation>การเปลี่ยนแปลง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/request_history.py" line="99"/>
        <source>Request {0} has no history you may see.</source>
        <translation>คำขอ {0} ไม่มีประวัติที่คุณดูได้</translation>
    </message>
</context>
<context>
    <name>RequestImport</name>
    <message>
        <location filename="../jitasa_qgis/services/request_import.py" line="60"/>
        <source>{0}: {1} rows read with the mapping {2}; source &apos;{3}&apos;.</source>
        <translation>{0}: อ่าน {1} แถวด้วยการจับคู่ {2}; แหล่งข้อมูล '{3}'</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/request_import.py" line="63"/>
        <source>Requests: {0}.</source>
        <translation>คำขอ: {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/request_import.py" line="72"/>
        <source>Rejected: {0} — {1}</source>
        <translation>ถูกปฏิเสธ: {0} — {1}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/request_import.py" line="74"/>
        <source>{0} of the rejected rows were new in the rejects table.</source>
        <translation>แถวที่ถูกปฏิเสธ {0} แถวเป็นรายการใหม่ในตารางรายการที่ถูกปฏิเสธ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/request_import.py" line="92"/>
        <source>{0}: {1} rows read.</source>
        <translation>{0}: อ่านแล้ว {1} แถว</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/request_import.py" line="95"/>
        <source>{0} has no column for the category (give category=column). Its columns: {1}.</source>
        <translation>{0} ไม่มีคอลัมน์ประเภท (ระบุ category=column) คอลัมน์ที่มี: {1}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/request_import.py" line="101"/>
        <source>{0} has no location: give lon=column and lat=column, or tambon=column. Its columns: {1}.</source>
        <translation>{0} ไม่มีตำแหน่ง: ระบุ lon=column และ lat=column หรือ tambon=column คอลัมน์ที่มี: {1}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/request_import.py" line="109"/>
        <source>{0} requests to write, {1} rows rejected.</source>
        <translation>คำขอที่จะเขียน {0} รายการ ปฏิเสธ {1} แถว</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/request_import.py" line="130"/>
        <source>Importing requests failed and nothing was written: {0}</source>
        <translation>นำเข้าคำขอไม่สำเร็จและไม่ได้เขียนอะไรเลย: {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/request_import.py" line="118"/>
        <source>&apos;{0}&apos; is the name of a registered feed; give the file&apos;s requests a source of their own (the SOURCE parameter). Nothing was written.</source>
        <translation>'{0}' เป็นชื่อของฟีดที่ลงทะเบียนไว้ โปรดตั้งชื่อแหล่งข้อมูลของคำขอจากไฟล์นี้ใหม่ (พารามิเตอร์ SOURCE) ยังไม่มีการบันทึกข้อมูลใด ๆ</translation>
    </message>
</context>
<context>
    <name>RequestStatus</name>
    <message>
        <location filename="../jitasa_qgis/definitions/labels.py" line="50"/>
        <source>New</source>
        <translation>รอความช่วยเหลือ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/labels.py" line="51"/>
        <source>Assigned</source>
        <translation>จับคู่อาสาแล้ว</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/labels.py" line="52"/>
        <source>In progress</source>
        <translation>กำลังช่วยเหลือ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/labels.py" line="53"/>
        <source>Done</source>
        <translation>เสร็จสิ้น</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/labels.py" line="54"/>
        <source>Cancelled</source>
        <translation>ยกเลิก</translation>
    </message>
</context>
<context>
    <name>RequestTable</name>
    <message>
        <location filename="../jitasa_qgis/gui/request_table_model.py" line="53"/>
        <source>Urgency</source>
        <translation>ความเร่งด่วน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/request_table_model.py" line="54"/>
        <source>Category</source>
        <translation>ประเภท</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/request_table_model.py" line="55"/>
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/request_table_model.py" line="56"/>
        <source>Waiting</source>
        <translation>เวลารอ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/request_table_model.py" line="57"/>
        <source>People</source>
        <translation>จำนวนคน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/request_table_model.py" line="58"/>
        <source>Tambon</source>
        <translation>ตำบล</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/request_table_model.py" line="59"/>
        <source>Amphoe</source>
        <translation>อำเภอ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/request_table_model.py" line="60"/>
        <source>Note</source>
        <translation>หมายเหตุ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/request_table_model.py" line="68"/>
        <source>Request {id}, received {time}</source>
        <translation>คำขอ {id} รับเมื่อ {time}</translation>
    </message>
</context>
<context>
    <name>RoadClass</name>
    <message>
        <location filename="../jitasa_qgis/definitions/roads.py" line="76"/>
        <source>Motorway</source>
        <translation>ทางหลวงพิเศษ (มอเตอร์เวย์)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/roads.py" line="77"/>
        <source>Motorway ramp</source>
        <translation>ทางเชื่อมมอเตอร์เวย์</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/roads.py" line="78"/>
        <source>Trunk road</source>
        <translation>ทางหลวงสายหลัก</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/roads.py" line="79"/>
        <source>Trunk road ramp</source>
        <translation>ทางเชื่อมทางหลวงสายหลัก</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/roads.py" line="80"/>
        <source>Primary road</source>
        <translation>ทางหลวงสายรอง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/roads.py" line="81"/>
        <source>Primary road ramp</source>
        <translation>ทางเชื่อมทางหลวงสายรอง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/roads.py" line="82"/>
        <source>Secondary road</source>
        <translation>ถนนสายรอง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/roads.py" line="83"/>
        <source>Secondary road ramp</source>
        <translation>ทางเชื่อมถนนสายรอง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/roads.py" line="84"/>
        <source>Tertiary road</source>
        <translation>ถนนสายย่อย</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/roads.py" line="85"/>
        <source>Tertiary road ramp</source>
        <translation>ทางเชื่อมถนนสายย่อย</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/roads.py" line="86"/>
        <source>Minor road</source>
        <translation>ถนนท้องถิ่น</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/roads.py" line="87"/>
        <source>Residential street</source>
        <translation>ถนนในชุมชน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/roads.py" line="88"/>
        <source>Living street</source>
        <translation>ถนนในหมู่บ้าน (ใช้ร่วมกับคนเดิน)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/roads.py" line="89"/>
        <source>Service road</source>
        <translation>ถนนบริการ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/roads.py" line="90"/>
        <source>Track</source>
        <translation>ทางเกวียน/ทางดิน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/roads.py" line="91"/>
        <source>Road of unknown class</source>
        <translation>ถนนไม่ทราบประเภท</translation>
    </message>
</context>
<context>
    <name>RoadImport</name>
    <message>
        <location filename="../jitasa_qgis/services/road_import.py" line="76"/>
        <source>Network &apos;{0}&apos; (version {1}) from {2}: {3} segments, {4} nodes, {5:.1f} km.</source>
        <translation>โครงข่าย '{0}' (รุ่น {1}) จาก {2}: {3} ช่วงถนน, {4} จุดต่อ, {5:.1f} กม.</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/road_import.py" line="79"/>
        <source>Junctions made by snapping line ends: {0} (largest move {1:.0f} m, median {2:.0f} m).</source>
        <translation>ทางแยกที่สร้างจากการเชื่อมปลายเส้น: {0} (ระยะมากที่สุด {1:.0f} ม., มัธยฐาน {2:.0f} ม.)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/road_import.py" line="82"/>
        <source>Lines split at {0} crossings and junctions inside them.</source>
        <translation>ตัดเส้นที่จุดตัดและทางแยกกลางเส้น {0} จุด</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/road_import.py" line="85"/>
        <source>{0} connected pieces: the largest, routable, holds {1:.1f}% of the length ({2} segments).</source>
        <translation>ส่วนที่เชื่อมต่อกัน {0} ส่วน: ส่วนใหญ่ที่สุดซึ่งใช้หาเส้นทาง มีความยาว {1:.1f}% ของทั้งหมด ({2} ช่วงถนน)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/road_import.py" line="91"/>
        <source>Island {0}: {1} segments, {2:.1f} km, near {3:.4f}, {4:.4f}.</source>
        <translation>ส่วนโดดเดี่ยว {0}: {1} ช่วงถนน, {2:.1f} กม., ใกล้ {3:.4f}, {4:.4f}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/road_import.py" line="97"/>
        <source>… and {0} more islands.</source>
        <translation>… และส่วนโดดเดี่ยวอีก {0} ส่วน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/road_import.py" line="99"/>
        <source>Lines left out, not roads to drive on: {0}.</source>
        <translation>เส้นที่ไม่นำเข้าเพราะไม่ใช่ถนนสำหรับรถ: {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/road_import.py" line="105"/>
        <source>{0} lines outside Thailand left out.</source>
        <translation>ไม่นำเข้าเส้นนอกประเทศไทย {0} เส้น</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/road_import.py" line="107"/>
        <source>The network&apos;s previous segments were replaced.</source>
        <translation>แทนที่ช่วงถนนเดิมของโครงข่ายแล้ว</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/road_import.py" line="115"/>
        <source>Give a line layer or a file to import roads from.</source>
        <translation>ระบุชั้นข้อมูลเส้นหรือไฟล์ที่จะนำเข้าถนน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/road_import.py" line="152"/>
        <source>Name the road network (importing under a name again replaces it).</source>
        <translation>ตั้งชื่อโครงข่ายถนน (นำเข้าซ้ำด้วยชื่อเดิมจะแทนที่ของเดิม)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/road_import.py" line="155"/>
        <source>The snap tolerance must be between 0 and {0} m, not {1}.</source>
        <translation>ระยะเชื่อมปลายเส้นต้องอยู่ระหว่าง 0 ถึง {0} ม. ไม่ใช่ {1}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/road_import.py" line="162"/>
        <source>{0}: {1} lines read.</source>
        <translation>{0}: อ่านได้ {1} เส้น</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/road_import.py" line="167"/>
        <source>{0} holds no road to drive on inside Thailand ({1} lines read, {2} outside Thailand; left out as not roads: {3}). Nothing was written.</source>
        <translation>{0} ไม่มีถนนสำหรับรถในประเทศไทย (อ่านได้ {1} เส้น, อยู่นอกประเทศไทย {2} เส้น; ไม่ใช่ถนน: {3}) ไม่ได้บันทึกสิ่งใด</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/road_import.py" line="177"/>
        <source>The network of {0} falls apart into {1} pieces; the largest holds only {2:.0f}% of the length (at least {3:.0f}% is needed to route on it). Raise the snap tolerance (now {4:.0f} m) or import a more complete file. Nothing was written.</source>
        <translation>โครงข่ายของ {0} แตกออกเป็น {1} ส่วน ส่วนใหญ่ที่สุดมีความยาวเพียง {2:.0f}% (ต้องมีอย่างน้อย {3:.0f}% จึงจะใช้หาเส้นทางได้) เพิ่มระยะเชื่อมปลายเส้น (ขณะนี้ {4:.0f} ม.) หรือนำเข้าไฟล์ที่ครบกว่านี้ ไม่ได้บันทึกสิ่งใด</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/road_import.py" line="187"/>
        <source>{0} segments built, {1} junctions made by snapping.</source>
        <translation>สร้างช่วงถนน {0} ช่วง, ทางแยกจากการเชื่อมปลายเส้น {1} แห่ง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/road_import.py" line="241"/>
        <source>Importing the road network failed and nothing was written: {0}</source>
        <translation>นำเข้าโครงข่ายถนนไม่สำเร็จ ไม่ได้บันทึกสิ่งใด: {0}</translation>
    </message>
</context>
<context>
    <name>RoadNetwork</name>
    <message>
        <location filename="../jitasa_qgis/core/road_network.py" line="186"/>
        <source>{0} has no geometry: give a line layer.</source>
        <translation>{0} ไม่มีรูปเรขาคณิต: ระบุชั้นข้อมูลเส้น</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/road_network.py" line="189"/>
        <source>{0} has no road class field &apos;{1}&apos;. Its fields: {2}. Name the field holding the road class (motorway, trunk, primary ...).</source>
        <translation>{0} ไม่มีฟิลด์ประเภทถนน '{1}' ฟิลด์ที่มี: {2} ระบุฟิลด์ที่เก็บประเภทถนน (motorway, trunk, primary ...)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/road_network.py" line="198"/>
        <source>{0} has no one-way field &apos;{1}&apos;. Its fields: {2}.</source>
        <translation>{0} ไม่มีฟิลด์เดินรถทางเดียว '{1}' ฟิลด์ที่มี: {2}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/road_network.py" line="396"/>
        <source>No road lines to build a network from.</source>
        <translation>ไม่มีเส้นถนนสำหรับสร้างโครงข่าย</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/road_network.py" line="386"/>
        <source>The snap tolerance must be 0 or more metres, not {0}.</source>
        <translation>ระยะเชื่อมปลายเส้นต้องเป็น 0 เมตรขึ้นไป ไม่ใช่ {0}</translation>
    </message>
</context>
<context>
    <name>RoadSpeeds</name>
    <message>
        <location filename="../jitasa_qgis/definitions/roads.py" line="129"/>
        <source>&apos;{0}&apos; is not class=speed with a road class of {1}.</source>
        <translation>'{0}' ไม่อยู่ในรูป ประเภท=ความเร็ว โดยประเภทถนนเป็นหนึ่งใน {1}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/roads.py" line="139"/>
        <source>The speed of {0} must be a number of km/h above 0 and at most {1}: &apos;{2}&apos;.</source>
        <translation>ความเร็วของ {0} ต้องเป็นตัวเลข กม./ชม. มากกว่า 0 และไม่เกิน {1}: '{2}'</translation>
    </message>
</context>
<context>
    <name>RunStatus</name>
    <message>
        <location filename="../jitasa_qgis/definitions/labels.py" line="123"/>
        <source>Proposed</source>
        <translation>เสนอ (รอยืนยัน)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/labels.py" line="124"/>
        <source>Confirmed</source>
        <translation>ยืนยันแล้ว</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/labels.py" line="125"/>
        <source>Partly confirmed</source>
        <translation>ยืนยันบางส่วน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/labels.py" line="126"/>
        <source>Rejected</source>
        <translation>ไม่อนุมัติ</translation>
    </message>
</context>
<context>
    <name>RunTable</name>
    <message>
        <location filename="../jitasa_qgis/gui/run_table_model.py" line="30"/>
        <source>Nearest first</source>
        <translation>ใกล้ที่สุดก่อน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/run_table_model.py" line="31"/>
        <source>Optimal</source>
        <translation>เหมาะสมที่สุด</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/run_table_model.py" line="32"/>
        <source>By hand</source>
        <translation>เลือกเอง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/run_table_model.py" line="41"/>
        <source>Run</source>
        <translation>รอบ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/run_table_model.py" line="42"/>
        <source>Method</source>
        <translation>วิธี</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/run_table_model.py" line="43"/>
        <source>Scope</source>
        <translation>ขอบเขต</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/run_table_model.py" line="44"/>
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/run_table_model.py" line="45"/>
        <source>Created</source>
        <translation>สร้างเมื่อ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/run_table_model.py" line="46"/>
        <source>By</source>
        <translation>โดย</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/run_table_model.py" line="47"/>
        <source>To review</source>
        <translation>รอตรวจสอบ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/run_table_model.py" line="54"/>
        <source>{proposed} proposal(s) waiting, of {total} row(s) in the run</source>
        <translation>ข้อเสนอรอ {proposed} รายการ จากทั้งหมด {total} รายการในรอบนี้</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/run_table_model.py" line="82"/>
        <source>Request</source>
        <translation>คำขอ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/run_table_model.py" line="83"/>
        <source>Urgency</source>
        <translation>ความเร่งด่วน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/run_table_model.py" line="84"/>
        <source>Category</source>
        <translation>ประเภท</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/run_table_model.py" line="85"/>
        <source>Waiting</source>
        <translation>เวลารอ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/run_table_model.py" line="86"/>
        <source>Tambon</source>
        <translation>ตำบล</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/run_table_model.py" line="87"/>
        <source>Volunteer</source>
        <translation>อาสาสมัคร</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/run_table_model.py" line="88"/>
        <source>Minutes</source>
        <translation>นาที</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/run_table_model.py" line="95"/>
        <source>Volunteer {id}</source>
        <translation>อาสาสมัคร {id}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/run_table_model.py" line="97"/>
        <source>Estimated from the straight-line distance</source>
        <translation>ประมาณจากระยะทางเส้นตรง</translation>
    </message>
</context>
<context>
    <name>ServiceAreaForm</name>
    <message>
        <location filename="../jitasa_qgis/gui/service_area_form.py" line="57"/>
        <source>Service area</source>
        <translation>เขตบริการ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/service_area_form.py" line="66"/>
        <source>e.g. Sadiang sub-district team</source>
        <translation>เช่น ทีมตำบลสะเดียง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/service_area_form.py" line="76"/>
        <source>(no facility)</source>
        <translation>(ไม่ระบุหน่วยบริการ)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/service_area_form.py" line="80"/>
        <source>a team, when no facility is responsible</source>
        <translation>ทีมที่รับผิดชอบ เมื่อไม่มีหน่วยบริการรับผิดชอบ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/service_area_form.py" line="82"/>
        <source>(no amphoe)</source>
        <translation>(ไม่ระบุอำเภอ)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/service_area_form.py" line="84"/>
        <source>{0} ({1})</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/service_area_form.py" line="90"/>
        <source>Name</source>
        <translation>ชื่อ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/service_area_form.py" line="91"/>
        <source>Kind</source>
        <translation>ประเภท</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/service_area_form.py" line="92"/>
        <source>Responsible facility</source>
        <translation>หน่วยบริการที่รับผิดชอบ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/service_area_form.py" line="93"/>
        <source>Responsible team</source>
        <translation>ทีมที่รับผิดชอบ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/service_area_form.py" line="94"/>
        <source>Amphoe</source>
        <translation>อำเภอ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/service_area_form.py" line="99"/>
        <source>Save</source>
        <translation>บันทึก</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/service_area_form.py" line="100"/>
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/service_area_form.py" line="140"/>
        <source>Saving…</source>
        <translation>กำลังบันทึก…</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/service_area_form.py" line="141"/>
        <source>Saving service area</source>
        <translation>กำลังบันทึกเขตบริการ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/service_area_form.py" line="208"/>
        <source>Not saved: {0}</source>
        <translation>ไม่ได้บันทึก: {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/service_area_form.py" line="212"/>
        <source>Cancelled; nothing was saved.</source>
        <translation>ยกเลิกแล้ว ไม่ได้บันทึกสิ่งใด</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/service_area_form.py" line="103"/>
        <source>Delete…</source>
        <translation>ลบ…</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/service_area_form.py" line="152"/>
        <source>Delete service area</source>
        <translation>ลบพื้นที่บริการ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/service_area_form.py" line="152"/>
        <source>Delete</source>
        <translation>ลบ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/service_area_form.py" line="152"/>
        <source>Keep it</source>
        <translation>ไม่ลบ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/service_area_form.py" line="170"/>
        <source>Deleting…</source>
        <translation>กำลังลบ…</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/service_area_form.py" line="171"/>
        <source>Deleting service area</source>
        <translation>กำลังลบพื้นที่บริการ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/service_area_form.py" line="152"/>
        <source>Delete the service area “{0}”? This cannot be undone.</source>
        <translation>ลบพื้นที่บริการ “{0}” หรือไม่? ลบแล้วย้อนกลับไม่ได้</translation>
    </message>
</context>
<context>
    <name>ServiceAreaKinds</name>
    <message>
        <location filename="../jitasa_qgis/definitions/service_area_outcomes.py" line="18"/>
        <source>area of responsibility</source>
        <translation>เขตรับผิดชอบ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/service_area_outcomes.py" line="19"/>
        <source>coverage area</source>
        <translation>พื้นที่ให้บริการ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/service_area_outcomes.py" line="20"/>
        <source>catchment</source>
        <translation>เขตพื้นที่รับบริการ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/service_area_outcomes.py" line="21"/>
        <source>drive-time area</source>
        <translation>พื้นที่ตามเวลาเดินทาง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/service_area_outcomes.py" line="22"/>
        <source>distance buffer</source>
        <translation>พื้นที่รัศมีระยะทาง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/service_area_outcomes.py" line="23"/>
        <source>nearest-facility area</source>
        <translation>พื้นที่หน่วยบริการที่ใกล้ที่สุด</translation>
    </message>
</context>
<context>
    <name>ServiceAreaOutcomes</name>
    <message>
        <location filename="../jitasa_qgis/definitions/service_area_outcomes.py" line="50"/>
        <source>its outline touches itself</source>
        <translation>เส้นขอบแตะกันเอง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/service_area_outcomes.py" line="51"/>
        <source>its outline crosses itself</source>
        <translation>เส้นขอบตัดกันเอง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/service_area_outcomes.py" line="52"/>
        <source>it has too few points</source>
        <translation>มีจุดไม่พอ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/service_area_outcomes.py" line="53"/>
        <source>a hole cuts it in two</source>
        <translation>รูภายในแบ่งพื้นที่ออกเป็นสองส่วน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/service_area_outcomes.py" line="54"/>
        <source>a hole lies outside it</source>
        <translation>รูอยู่นอกขอบเขต</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/service_area_outcomes.py" line="55"/>
        <source>one part lies inside another</source>
        <translation>ส่วนหนึ่งอยู่ภายในอีกส่วนหนึ่ง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/service_area_outcomes.py" line="56"/>
        <source>it is empty</source>
        <translation>ไม่มีพื้นที่</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/service_area_outcomes.py" line="67"/>
        <source>{0} near {1}, {2}</source>
        <translation>{0} ใกล้พิกัด {1}, {2}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/service_area_outcomes.py" line="71"/>
        <source>it is not a valid polygon</source>
        <translation>ไม่ใช่รูปหลายเหลี่ยมที่ถูกต้อง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/service_area_outcomes.py" line="77"/>
        <source>{0} km²</source>
        <translation>{0} ตร.กม.</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/service_area_outcomes.py" line="78"/>
        <source>{0} m²</source>
        <translation>{0} ตร.ม.</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/service_area_outcomes.py" line="83"/>
        <source>{0}, {1} %</source>
        <translation>{0}, {1} %</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/service_area_outcomes.py" line="88"/>
        <source>Saved after repair: the polygon was not valid ({0}). Area as drawn {1}, as saved {2} (change {3}). Check the shape on the map.</source>
        <translation>บันทึกหลังซ่อมแซมแล้ว: รูปหลายเหลี่ยมไม่ถูกต้อง ({0}) พื้นที่ตามที่วาด {1} พื้นที่ที่บันทึก {2} (เปลี่ยนไป {3}) โปรดตรวจสอบรูปร่างบนแผนที่</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/service_area_outcomes.py" line="99"/>
        <source>A service area needs a name.</source>
        <translation>เขตบริการต้องมีชื่อ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/service_area_outcomes.py" line="101"/>
        <source>Unknown kind of service area: {0}.</source>
        <translation>ไม่รู้จักประเภทเขตบริการ: {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/service_area_outcomes.py" line="103"/>
        <source>Facility {0} does not exist (any more).</source>
        <translation>ไม่มีหน่วยบริการ {0} (อาจถูกลบไปแล้ว)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/service_area_outcomes.py" line="105"/>
        <source>Unknown amphoe code {0}.</source>
        <translation>ไม่รู้จักรหัสอำเภอ {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/service_area_outcomes.py" line="107"/>
        <source>Invalid value for {0}.</source>
        <translation>ค่าของ {0} ไม่ถูกต้อง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/service_area_outcomes.py" line="108"/>
        <source>Nothing was saved.</source>
        <translation>ไม่ได้บันทึกสิ่งใด</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/service_area_outcomes.py" line="112"/>
        <source>Service area saved.</source>
        <translation>บันทึกเขตบริการแล้ว</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/service_area_outcomes.py" line="113"/>
        <source>Service area updated.</source>
        <translation>ปรับปรุงเขตบริการแล้ว</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/service_area_outcomes.py" line="114"/>
        <source>Service area deleted.</source>
        <translation>ลบเขตบริการแล้ว</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/service_area_outcomes.py" line="116"/>
        <source>Someone else changed this service area first (it is now version {0}; you had version {1}). Nothing was saved and nothing was overwritten: reload it and apply your change again.</source>
        <translation>มีผู้อื่นแก้ไขเขตบริการนี้ก่อน (ขณะนี้เป็นรุ่น {0} ส่วนของคุณเป็นรุ่น {1}) ไม่ได้บันทึกและไม่ได้เขียนทับสิ่งใด โปรดโหลดใหม่แล้วแก้ไขอีกครั้ง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/service_area_outcomes.py" line="121"/>
        <source>This service area no longer exists (someone deleted it). Nothing was saved.</source>
        <translation>เขตบริการนี้ไม่มีอยู่แล้ว (มีผู้ลบไป) ไม่ได้บันทึกสิ่งใด</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/service_area_outcomes.py" line="124"/>
        <source>The polygon cannot be used: {0}, and no area is left after repair. Nothing was saved.</source>
        <translation>ใช้รูปหลายเหลี่ยมนี้ไม่ได้: {0} และไม่เหลือพื้นที่หลังซ่อมแซม ไม่ได้บันทึกสิ่งใด</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/service_area_outcomes.py" line="127"/>
        <source>A service area must be a polygon, not a {0}. Nothing was saved.</source>
        <translation>เขตบริการต้องเป็นรูปหลายเหลี่ยม ไม่ใช่ {0} ไม่ได้บันทึกสิ่งใด</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/service_area_outcomes.py" line="131"/>
        <source>This service area is outside the areas you work. Nothing was saved.</source>
        <translation>พื้นที่บริการนี้อยู่นอกพื้นที่รับผิดชอบของคุณ ไม่มีการบันทึก</translation>
    </message>
</context>
<context>
    <name>ServiceAreaStore</name>
    <message>
        <location filename="../jitasa_qgis/store/service_areas.py" line="59"/>
        <source>The {0} table has no numeric field &apos;{1}&apos; for the readiness delay.</source>
        <translation>ตาราง {0} ไม่มีฟิลด์ตัวเลข '{1}' สำหรับเวลาเตรียมพร้อม</translation>
    </message>
</context>
<context>
    <name>ServiceAreas</name>
    <message>
        <location filename="../jitasa_qgis/services/service_areas.py" line="85"/>
        <source>Road network: {0}.</source>
        <translation>โครงข่ายถนน: {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/service_areas.py" line="95"/>
        <source>Stored as service-area run {0}.</source>
        <translation>บันทึกเป็นการคำนวณพื้นที่บริการครั้งที่ {0} แล้ว</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/service_areas.py" line="101"/>
        <source>Unknown method &apos;{0}&apos;: use one of {1}.</source>
        <translation>ไม่รู้จักวิธี '{0}': ใช้หนึ่งใน {1}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/service_areas.py" line="107"/>
        <source>Give one or more positive thresholds in minutes (10,20,30).</source>
        <translation>ระบุเกณฑ์เวลาเป็นนาทีที่มากกว่าศูนย์อย่างน้อยหนึ่งค่า (10,20,30)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/service_areas.py" line="111"/>
        <source>Give one or more positive buffer distances in metres.</source>
        <translation>ระบุระยะบัฟเฟอร์เป็นเมตรที่มากกว่าศูนย์อย่างน้อยหนึ่งค่า</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/service_areas.py" line="113"/>
        <source>The readiness delay must be 0 or more minutes.</source>
        <translation>เวลาเตรียมพร้อมต้องเป็น 0 นาทีขึ้นไป</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/service_areas.py" line="125"/>
        <source>&apos;{0}&apos; is not a number.</source>
        <translation>'{0}' ไม่ใช่ตัวเลข</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/service_areas.py" line="151"/>
        <source>No origins with a location match the choice: nothing computed.</source>
        <translation>ไม่มีจุดตั้งต้นที่มีตำแหน่งตรงกับที่เลือก: ไม่ได้คำนวณอะไร</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/service_areas.py" line="156"/>
        <source>No admin area with code {0}.</source>
        <translation>ไม่มีเขตการปกครองรหัส {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/service_areas.py" line="166"/>
        <source>{0} origins; travel model: {1}.</source>
        <translation>จุดตั้งต้น {0} จุด แบบจำลองเวลาเดินทาง: {1}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/service_areas.py" line="199"/>
        <source>{0} areas computed.</source>
        <translation>คำนวณแล้ว {0} พื้นที่</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/service_areas.py" line="207"/>
        <source>{0}: {1:g} m</source>
        <translation>{0}: {1:g} ม.</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/service_areas.py" line="210"/>
        <source>{0}: {1:g} min</source>
        <translation>{0}: {1:g} นาที</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/service_areas.py" line="233"/>
        <source>Storing the service areas failed and nothing was written: {0}</source>
        <translation>บันทึกพื้นที่บริการไม่สำเร็จ และไม่มีการเขียนข้อมูลใด: {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/service_areas.py" line="80"/>
        <source>{0} × {1} for {2} origins; travel model: {3}.</source>
        <translation>{0} × {1} สำหรับจุดตั้งต้น {2} แห่ง แบบจำลองเวลาเดินทาง: {3}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/service_areas.py" line="89"/>
        <source>{0} is {1:.1f} km from the nearest road: its off-road leg is part of every time.</source>
        <translation>{0} อยู่ห่างจากถนนที่ใกล้ที่สุด {1:.1f} กม. เวลาเดินทางนอกถนนช่วงนี้รวมอยู่ในทุกเวลา</translation>
    </message>
</context>
<context>
    <name>ServiceAreasAlgorithm</name>
    <message>
        <location filename="../jitasa_qgis/processing/service_areas.py" line="92"/>
        <source>Compute service areas</source>
        <translation>คำนวณพื้นที่บริการ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/service_areas.py" line="213"/>
        <source>Service areas</source>
        <translation>พื้นที่บริการ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/service_areas.py" line="101"/>
        <source>Areas around facilities (of the chosen kinds, all when none is given) or volunteers:
- Buffer: a circle of each distance in metres.
- Drive time: what can be reached within each threshold in minutes (10,20,30) on the road network covering the origins, including the reachable part of the last road and the off-road leg; nothing beyond the threshold. One area per origin and threshold.
- Catchment: every place to the origin that reaches it first, after its readiness delay (minutes before a team can leave: one value, or a numeric field of the facility or volunteer table). The areas do not overlap.
- Nearest: each place to the nearest origin in a straight line, clipped to the area code (or the origins&apos; surroundings): for where there is no road network.
Without a road network (or with the straight line chosen) drive times use the straight-line model and catchments become nearest areas; the model column says which. An origin far from any road is snapped to the nearest one and its distance is reported.</source>
        <translation>พื้นที่รอบสถานพยาบาล (ตามประเภทที่เลือก ถ้าไม่ระบุคือทั้งหมด) หรืออาสาสมัคร:
- บัฟเฟอร์: วงกลมตามระยะทางแต่ละค่าเป็นเมตร
- เวลาขับรถ: พื้นที่ที่ไปถึงได้ภายในเกณฑ์เวลาแต่ละค่าเป็นนาที (10,20,30) บนโครงข่ายถนนที่ครอบคลุมจุดตั้งต้น รวมส่วนที่ไปถึงได้ของถนนเส้นสุดท้ายและช่วงเดินทางนอกถนน ไม่มีส่วนใดเกินเกณฑ์เวลา หนึ่งพื้นที่ต่อจุดตั้งต้นและเกณฑ์เวลา
- พื้นที่รับผิดชอบ: ทุกที่เป็นของจุดตั้งต้นที่ไปถึงก่อน หลังเวลาเตรียมพร้อม (นาทีก่อนทีมออกเดินทางได้: ค่าเดียว หรือฟิลด์ตัวเลขของตารางสถานพยาบาลหรืออาสาสมัคร) พื้นที่ไม่ทับซ้อนกัน
- ใกล้ที่สุด: ทุกที่เป็นของจุดตั้งต้นที่ใกล้ที่สุดในแนวเส้นตรง ตัดตามรหัสพื้นที่ (หรือบริเวณรอบจุดตั้งต้น): สำหรับที่ที่ไม่มีโครงข่ายถนน
เมื่อไม่มีโครงข่ายถนน (หรือเลือกเส้นตรง) เวลาขับรถใช้แบบจำลองเส้นตรง และพื้นที่รับผิดชอบกลายเป็นพื้นที่ใกล้ที่สุด คอลัมน์ model บอกว่าใช้แบบใด จุดตั้งต้นที่อยู่ไกลจากถนนจะถูกย้ายไปยังถนนที่ใกล้ที่สุดและรายงานระยะทาง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/service_areas.py" line="120"/>
        <source>Method</source>
        <translation>วิธี</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/service_areas.py" line="120"/>
        <source>Buffer by distance</source>
        <translation>บัฟเฟอร์ตามระยะทาง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/service_areas.py" line="120"/>
        <source>Drive time</source>
        <translation>เวลาขับรถ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/service_areas.py" line="120"/>
        <source>Catchments (non-overlapping)</source>
        <translation>พื้นที่รับผิดชอบ (ไม่ทับซ้อนกัน)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/service_areas.py" line="120"/>
        <source>Nearest facility (straight line)</source>
        <translation>สถานพยาบาลที่ใกล้ที่สุด (เส้นตรง)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/service_areas.py" line="133"/>
        <source>Around</source>
        <translation>รอบ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/service_areas.py" line="133"/>
        <source>Facilities</source>
        <translation>สถานพยาบาล</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/service_areas.py" line="133"/>
        <source>Volunteers</source>
        <translation>อาสาสมัคร</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/service_areas.py" line="144"/>
        <source>Kinds (comma separated, e.g. hospital,health_centre; empty: all)</source>
        <translation>ประเภท (คั่นด้วยจุลภาค เช่น hospital,health_centre; เว้นว่าง: ทั้งหมด)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/service_areas.py" line="152"/>
        <source>Ids (comma separated; empty: all)</source>
        <translation>รหัส (คั่นด้วยจุลภาค; เว้นว่าง: ทั้งหมด)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/service_areas.py" line="157"/>
        <source>Thresholds in minutes</source>
        <translation>เกณฑ์เวลาเป็นนาที</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/service_areas.py" line="162"/>
        <source>Buffer distances in metres</source>
        <translation>ระยะบัฟเฟอร์เป็นเมตร</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/service_areas.py" line="169"/>
        <source>Readiness delay field (minutes; a numeric column)</source>
        <translation>ฟิลด์เวลาเตรียมพร้อม (นาที; คอลัมน์ตัวเลข)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/service_areas.py" line="176"/>
        <source>Readiness delay for every origin (minutes)</source>
        <translation>เวลาเตรียมพร้อมของทุกจุดตั้งต้น (นาที)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/service_areas.py" line="185"/>
        <source>Use the straight line even where a road network exists</source>
        <translation>ใช้เส้นตรงแม้มีโครงข่ายถนน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/service_areas.py" line="192"/>
        <source>Catchments only within the largest threshold</source>
        <translation>พื้นที่รับผิดชอบเฉพาะภายในเกณฑ์เวลาที่มากที่สุด</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/service_areas.py" line="199"/>
        <source>Clip to a province or amphoe code (e.g. 67, 6701)</source>
        <translation>ตัดตามรหัสจังหวัดหรืออำเภอ (เช่น 67, 6701)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/service_areas.py" line="206"/>
        <source>Also write the areas to the store&apos;s service-area table</source>
        <translation>เขียนพื้นที่ลงตารางพื้นที่บริการในฐานข้อมูลด้วย</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/service_areas.py" line="222"/>
        <source>Run id</source>
        <translation>รหัสการคำนวณ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/service_areas.py" line="223"/>
        <source>Areas</source>
        <translation>จำนวนพื้นที่</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/service_areas.py" line="224"/>
        <source>Travel-time model (road_network or straight_line)</source>
        <translation>แบบจำลองเวลาเดินทาง (road_network หรือ straight_line)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/service_areas.py" line="230"/>
        <source>Snap distances (JSON)</source>
        <translation>ระยะที่ย้ายไปยังถนน (JSON)</translation>
    </message>
</context>
<context>
    <name>Services</name>
    <message>
        <location filename="../jitasa_qgis/services/progress.py" line="26"/>
        <source>Cancelled; nothing was written.</source>
        <translation>ยกเลิกแล้ว ไม่มีการบันทึกข้อมูลใด ๆ</translation>
    </message>
</context>
<context>
    <name>SituationReport</name>
    <message>
        <location filename="../jitasa_qgis/core/situation_report.py" line="51"/>
        <source>outside the boundaries</source>
        <translation>นอกเขตการปกครอง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/situation_report.py" line="61"/>
        <source>Open requests by tambon and category</source>
        <translation>คำขอที่ยังเปิดอยู่ จำแนกตามตำบลและประเภท</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/situation_report.py" line="163"/>
        <source>Code</source>
        <translation>รหัส</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/situation_report.py" line="190"/>
        <source>Tambon</source>
        <translation>ตำบล</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/situation_report.py" line="183"/>
        <source>Total</source>
        <translation>รวม</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/situation_report.py" line="96"/>
        <source>Waiting times of open requests (hours)</source>
        <translation>เวลารอของคำขอที่ยังเปิดอยู่ (ชั่วโมง)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/situation_report.py" line="96"/>
        <source>Urgency</source>
        <translation>ความเร่งด่วน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/situation_report.py" line="234"/>
        <source>Open</source>
        <translation>เปิดอยู่</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/situation_report.py" line="96"/>
        <source>Median</source>
        <translation>ค่ามัธยฐาน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/situation_report.py" line="96"/>
        <source>90% within</source>
        <translation>90% ภายใน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/situation_report.py" line="96"/>
        <source>Longest</source>
        <translation>นานที่สุด</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/situation_report.py" line="126"/>
        <source>All</source>
        <translation>ทั้งหมด</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/situation_report.py" line="133"/>
        <source>{0}–{1} h</source>
        <translation>{0}–{1} ชม.</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/situation_report.py" line="135"/>
        <source>over {0} h</source>
        <translation>เกิน {0} ชม.</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/situation_report.py" line="146"/>
        <source>Open requests by time waited</source>
        <translation>คำขอที่ยังเปิดอยู่ จำแนกตามเวลาที่รอ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/situation_report.py" line="146"/>
        <source>Waited</source>
        <translation>เวลาที่รอ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/situation_report.py" line="163"/>
        <source>Assignments made today</source>
        <translation>การมอบหมายงานวันนี้</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/situation_report.py" line="190"/>
        <source>Facility capacity</source>
        <translation>ขีดความสามารถของสถานบริการ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/situation_report.py" line="190"/>
        <source>Facility</source>
        <translation>สถานบริการ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/situation_report.py" line="190"/>
        <source>Kind</source>
        <translation>ประเภท</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/situation_report.py" line="190"/>
        <source>Beds</source>
        <translation>เตียง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/situation_report.py" line="190"/>
        <source>Free beds</source>
        <translation>เตียงว่าง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/situation_report.py" line="190"/>
        <source>Per day</source>
        <translation>ต่อวัน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/situation_report.py" line="190"/>
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/situation_report.py" line="190"/>
        <source>Updated</source>
        <translation>ปรับปรุงเมื่อ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/printing/situation_report.py" line="276"/>
        <source>Open requests over time</source>
        <translation>คำขอที่ยังเปิดอยู่ตามช่วงเวลา</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/situation_report.py" line="234"/>
        <source>Time</source>
        <translation>เวลา</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/situation_report.py" line="234"/>
        <source>Time (B.E.)</source>
        <translation>เวลา (พ.ศ.)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/situation_report.py" line="274"/>
        <source>Report tables go to a .xlsx or .csv file, not &apos;{0}&apos;.</source>
        <translation>ตารางรายงานต้องเป็นไฟล์ .xlsx หรือ .csv ไม่ใช่ '{0}'</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/printing/situation_report.py" line="268"/>
        <source>{0} · as of {1}</source>
        <translation>{0} · ข้อมูล ณ {1}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/printing/situation_report.py" line="276"/>
        <source>Open requests at each time (every 6 hours); a closed request counts as open until its last change.</source>
        <translation>จำนวนคำขอที่เปิดอยู่ ณ แต่ละเวลา (ทุก 6 ชั่วโมง) คำขอที่ปิดแล้วนับว่าเปิดอยู่จนถึงการเปลี่ยนแปลงครั้งสุดท้าย</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/printing/situation_report.py" line="287"/>
        <source>Open requests by the hours they have waited so far.</source>
        <translation>คำขอที่ยังเปิดอยู่ตามจำนวนชั่วโมงที่รอมาแล้ว</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/printing/situation_report.py" line="433"/>
        <source>Situation report</source>
        <translation>รายงานสถานการณ์</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/printing/situation_report.py" line="438"/>
        <source>Situation report · page {0} of {1}</source>
        <translation>รายงานสถานการณ์ · หน้า {0} จาก {1}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/printing/situation_report.py" line="461"/>
        <source>{0} open requests; median wait {1} h, longest {2} h.</source>
        <translation>คำขอที่ยังเปิดอยู่ {0} รายการ รอเฉลี่ย (มัธยฐาน) {1} ชม. นานที่สุด {2} ชม.</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/printing/situation_report.py" line="464"/>
        <source>{0} assignments made today.</source>
        <translation>วันนี้มอบหมายงานแล้ว {0} รายการ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/printing/situation_report.py" line="465"/>
        <source>{0} of {1} facilities are full or closed.</source>
        <translation>สถานบริการเต็มหรือปิด {0} จาก {1} แห่ง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/situation_report.py" line="52"/>
        <source>Wrote the situation report ({0} pages) to {1}.</source>
        <translation>เขียนรายงานสถานการณ์ ({0} หน้า) ลงใน {1}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/situation_report.py" line="58"/>
        <source>Wrote the report tables to {0}.</source>
        <translation>เขียนตารางรายงานลงใน {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/situation_report.py" line="70"/>
        <source>Give a PDF or a tables file (or both) to write.</source>
        <translation>โปรดระบุไฟล์ PDF หรือไฟล์ตาราง (หรือทั้งสอง) ที่จะเขียน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/situation_report.py" line="72"/>
        <source>The series covers 1 to 90 days, not {0}.</source>
        <translation>ช่วงเวลาของกราฟต้องเป็น 1 ถึง 90 วัน ไม่ใช่ {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/situation_report.py" line="83"/>
        <source>{0} open requests read.</source>
        <translation>อ่านคำขอที่ยังเปิดอยู่ {0} รายการ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/situation_report.py" line="91"/>
        <source>Cannot write {0}: {1}</source>
        <translation>เขียน {0} ไม่ได้: {1}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/situation_report.py" line="100"/>
        <source>everything you may see</source>
        <translation>ทุกพื้นที่ที่คุณมองเห็น</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/printing/situation_report.py" line="218"/>
        <source>None.</source>
        <translation>ไม่มี</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/printing/situation_report.py" line="287"/>
        <source>Waiting time distribution</source>
        <translation>การกระจายของเวลารอ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/situation_report.py" line="111"/>
        <source>Cancelled; no report was written.</source>
        <translation>ยกเลิกแล้ว ไม่ได้บันทึกรายงาน</translation>
    </message>
</context>
<context>
    <name>SituationReportAlgorithm</name>
    <message>
        <location filename="../jitasa_qgis/processing/situation_report.py" line="26"/>
        <source>Situation report</source>
        <translation>รายงานสถานการณ์</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/situation_report.py" line="29"/>
        <source>Writes the situation report of a province or amphoe: open requests by tambon and category, waiting times and their distribution, assignments made today, facility capacity and open requests over time, as a PDF with charts (Thai, Buddhist-Era dates) and as tables (an XLSX workbook with a sheet per table, or one CSV per table). No personal data is read.</source>
        <translation>เขียนรายงานสถานการณ์ของจังหวัดหรืออำเภอ: คำขอที่ยังเปิดอยู่ตามตำบลและประเภท เวลารอและการกระจาย การมอบหมายงานวันนี้ ขีดความสามารถของสถานบริการ และคำขอที่เปิดอยู่ตามช่วงเวลา เป็น PDF พร้อมกราฟ (ภาษาไทย วันที่ พ.ศ.) และเป็นตาราง (สมุดงาน XLSX หนึ่งแผ่นงานต่อหนึ่งตาราง หรือ CSV หนึ่งไฟล์ต่อหนึ่งตาราง) ไม่อ่านข้อมูลส่วนบุคคล</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/situation_report.py" line="39"/>
        <source>Province or amphoe: name or code (e.g. 67, 6710); empty: all</source>
        <translation>จังหวัดหรืออำเภอ: ชื่อหรือรหัส (เช่น 67, 6710); เว้นว่าง: ทั้งหมด</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/situation_report.py" line="46"/>
        <source>Days of the open-requests chart</source>
        <translation>จำนวนวันของกราฟคำขอที่เปิดอยู่</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/situation_report.py" line="56"/>
        <source>Producing office</source>
        <translation>หน่วยงานที่จัดทำ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/situation_report.py" line="64"/>
        <source>Report (PDF)</source>
        <translation>รายงาน (PDF)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/situation_report.py" line="69"/>
        <source>Report tables (XLSX or CSV)</source>
        <translation>ตารางรายงาน (XLSX หรือ CSV)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/situation_report.py" line="69"/>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>สมุดงาน Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/situation_report.py" line="78"/>
        <source>Pages</source>
        <translation>จำนวนหน้า</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/situation_report.py" line="79"/>
        <source>Open requests</source>
        <translation>คำขอที่ยังเปิดอยู่</translation>
    </message>
</context>
<context>
    <name>SituationReportDialog</name>
    <message>
        <location filename="../jitasa_qgis/gui/situation_report_dialog.py" line="22"/>
        <source>Make the report</source>
        <translation>จัดทำรายงาน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/situation_report_dialog.py" line="24"/>
        <source>Situation report</source>
        <translation>รายงานสถานการณ์</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/situation_report_dialog.py" line="26"/>
        <source>Area</source>
        <translation>พื้นที่</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/situation_report_dialog.py" line="26"/>
        <source>Name or code, e.g. เพชรบูรณ์, 67 or 6710; empty: everything you may see</source>
        <translation>ชื่อหรือรหัส เช่น เพชรบูรณ์ 67 หรือ 6710 ว่างไว้: ทุกพื้นที่ที่คุณเห็นได้</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/situation_report_dialog.py" line="34"/>
        <source> days</source>
        <translation> วัน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/situation_report_dialog.py" line="37"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/situation_report_dialog.py" line="40"/>
        <source>Excel workbook (*.xlsx);;CSV, a file per table (*.csv)</source>
        <translation>สมุดงาน Excel (*.xlsx);;CSV ไฟล์ละตาราง (*.csv)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/situation_report_dialog.py" line="35"/>
        <source>Open requests over the last</source>
        <translation>คำขอที่เปิดอยู่ย้อนหลัง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/situation_report_dialog.py" line="37"/>
        <source>Report (PDF)</source>
        <translation>รายงาน (PDF)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/situation_report_dialog.py" line="40"/>
        <source>Tables (XLSX or CSV)</source>
        <translation>ตาราง (XLSX หรือ CSV)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/situation_report_dialog.py" line="44"/>
        <source>Open the PDF</source>
        <translation>เปิด PDF</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/situation_report_dialog.py" line="45"/>
        <source>Open the tables</source>
        <translation>เปิดตาราง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/situation_report_dialog.py" line="51"/>
        <source>Choose the PDF or the tables file (or both) to write.</source>
        <translation>เลือกไฟล์ PDF หรือไฟล์ตาราง (หรือทั้งสอง) ที่จะบันทึก</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/situation_report_dialog.py" line="67"/>
        <source>everything you may see</source>
        <translation>ทุกพื้นที่ที่คุณเห็นได้</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/situation_report_dialog.py" line="68"/>
        <source>Jitasa: situation report of {0}</source>
        <translation>จิตอาสา: รายงานสถานการณ์ของ {0}</translation>
    </message>
</context>
<context>
    <name>Skill</name>
    <message>
        <location filename="../jitasa_qgis/definitions/labels.py" line="72"/>
        <source>First aid</source>
        <translation>ปฐมพยาบาล</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/labels.py" line="73"/>
        <source>Medical</source>
        <translation>ความรู้ทางการแพทย์</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/labels.py" line="74"/>
        <source>PPE trained</source>
        <translation>ผ่านการอบรมการใช้ชุด PPE</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/labels.py" line="75"/>
        <source>Driving</source>
        <translation>ขับรถ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/labels.py" line="76"/>
        <source>Oxygen handling</source>
        <translation>การใช้ถังออกซิเจน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/labels.py" line="77"/>
        <source>Counselling</source>
        <translation>ให้คำปรึกษา</translation>
    </message>
</context>
<context>
    <name>StoreErrors</name>
    <message>
        <location filename="../jitasa_qgis/store/demo_writer.py" line="133"/>
        <source>Loading demo data was cancelled; nothing was written.</source>
        <translation>ยกเลิกการโหลดข้อมูลตัวอย่างแล้ว ไม่มีการเขียนข้อมูลใด ๆ.</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/store/connection.py" line="61"/>
        <source>Cannot connect to the Jitasa store ({0}): {1}</source>
        <translation>เชื่อมต่อคลังข้อมูลจิตอาสา ({0}) ไม่ได้: {1}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/store/demo_writer.py" line="88"/>
        <source>Loading demo data failed and nothing was written: {0}</source>
        <translation>โหลดข้อมูลตัวอย่างไม่สำเร็จ และไม่มีการเขียนข้อมูลใด ๆ: {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/store/demo_writer.py" line="164"/>
        <source>Demo facility &apos;{0}&apos; has no code; demo facilities are matched by code.</source>
        <translation>สถานพยาบาลตัวอย่าง '{0}' ไม่มีรหัส สถานพยาบาลตัวอย่างต้องจับคู่กันด้วยรหัส.</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/store/demo_writer.py" line="193"/>
        <source>{0} assignment(s) link demo requests or volunteers with real ones; finish or remove them before loading demo data again.</source>
        <translation>มีการมอบหมายงาน {0} รายการที่เชื่อมคำขอหรืออาสาสมัครตัวอย่างเข้ากับข้อมูลจริง โปรดปิดงานหรือลบการมอบหมายงานเหล่านั้นก่อนโหลดข้อมูลตัวอย่างอีกครั้ง.</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/store/migrations.py" line="159"/>
        <source>The Jitasa store has schema version {0}; this plugin needs version {1}. Upgrade it with the Processing algorithm &apos;Create or upgrade Jitasa database&apos; (jitasa:createdatabase).</source>
        <translation>คลังข้อมูลจิตอาสาเป็นสคีมาเวอร์ชัน {0} แต่ปลั๊กอินนี้ต้องการเวอร์ชัน {1} โปรดอัปเกรดด้วยอัลกอริทึม Processing 'สร้างหรืออัปเกรดฐานข้อมูลจิตอาสา' (jitasa:createdatabase).</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/store/migrations.py" line="167"/>
        <source>The Jitasa store has schema version {0}, newer than this plugin knows ({1}). Update the jitasa_qgis plugin.</source>
        <translation>คลังข้อมูลจิตอาสาเป็นสคีมาเวอร์ชัน {0} ซึ่งใหม่กว่าที่ปลั๊กอินนี้รู้จัก ({1}) โปรดอัปเดตปลั๊กอิน jitasa_qgis.</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/store/migrations.py" line="204"/>
        <source>PostGIS is not available on the server of database &apos;{0}&apos;: install PostGIS 3 there (Debian: postgresql-15-postgis-3) and try again.</source>
        <translation>เซิร์ฟเวอร์ของฐานข้อมูล '{0}' ไม่มี PostGIS: โปรดติดตั้ง PostGIS 3 บนเซิร์ฟเวอร์นั้น (Debian: postgresql-15-postgis-3) แล้วลองอีกครั้ง.</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/store/migrations.py" line="221"/>
        <source>PostGIS is not installed in database &apos;{0}&apos; and role &apos;{1}&apos; may not install it ({2}). Ask an administrator to run CREATE EXTENSION postgis in that database.</source>
        <translation>ยังไม่ได้ติดตั้ง PostGIS ในฐานข้อมูล '{0}' และบทบาท '{1}' ไม่มีสิทธิ์ติดตั้ง ({2}) โปรดให้ผู้ดูแลระบบรันคำสั่ง CREATE EXTENSION postgis ในฐานข้อมูลนั้น.</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/store/migrations.py" line="292"/>
        <source>Migration {0} ({1}) failed and was rolled back: {2}</source>
        <translation>การปรับปรุงฐานข้อมูลขั้นที่ {0} ({1}) ล้มเหลวและถูกย้อนกลับแล้ว: {2}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/store/qgis_connections.py" line="47"/>
        <source>No pg_service name given.</source>
        <translation>ไม่ได้ระบุชื่อ pg_service.</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/store/qgis_connections.py" line="62"/>
        <source>none</source>
        <translation>ไม่มี</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/store/qgis_connections.py" line="63"/>
        <source>There is no saved QGIS PostgreSQL connection named &apos;{0}&apos; (saved connections: {1}). Create it in the Data Source Manager, or use a pg_service name.</source>
        <translation>ไม่มีการเชื่อมต่อ PostgreSQL ที่บันทึกไว้ใน QGIS ชื่อ '{0}' (การเชื่อมต่อที่บันทึกไว้: {1}) โปรดสร้างการเชื่อมต่อใน Data Source Manager (ตัวจัดการแหล่งข้อมูล) หรือใช้ชื่อ pg_service.</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/store/qgis_connections.py" line="109"/>
        <source>Connection &apos;{0}&apos; uses authentication configuration &apos;{1}&apos;, which could not be loaded (is the authentication database unlocked?).</source>
        <translation>การเชื่อมต่อ '{0}' ใช้การตั้งค่าการยืนยันตัวตน '{1}' ซึ่งโหลดไม่ได้ (ปลดล็อกฐานข้อมูลการยืนยันตัวตนแล้วหรือยัง?).</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/store/qgis_connections.py" line="125"/>
        <source>Not connected: use &apos;Connect to Jitasa store&apos; first.</source>
        <translation>ยังไม่ได้เชื่อมต่อ: โปรดใช้ 'เชื่อมต่อคลังข้อมูลจิตอาสา' ก่อน.</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/store/assignments.py" line="205"/>
        <source>Unknown way to end an assignment: {0}</source>
        <translation>ไม่รู้จักวิธีปิดการมอบหมายงาน: {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/store/assignments.py" line="235"/>
        <source>A batch of assignments needs one volunteer (and one travel time) per request: got {0} request ids, {1} volunteer ids and {2} travel times. Nothing was written.</source>
        <translation>ชุดการมอบหมายงานต้องมีอาสาสมัครหนึ่งคน (และเวลาเดินทางหนึ่งค่า) ต่อหนึ่งคำขอ แต่ได้รหัสคำขอ {0} รายการ รหัสอาสาสมัคร {1} รายการ และเวลาเดินทาง {2} ค่า ไม่มีการเขียนข้อมูลใด ๆ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/store/calls.py" line="32"/>
        <source>Not a valid id: {0!r}</source>
        <translation>รหัสไม่ถูกต้อง: {0!r}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/store/assignments.py" line="279"/>
        <source>Travel times must be 0 minutes or more, got {0!r}. Nothing was written.</source>
        <translation>เวลาเดินทางต้องเป็น 0 นาทีขึ้นไป แต่ได้ {0!r} ไม่มีการเขียนข้อมูลใด ๆ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/store/assignments.py" line="309"/>
        <source>Choose one scope: an amphoe, a tambon, a service area or a polygon.</source>
        <translation>โปรดเลือกขอบเขตเพียงแบบเดียว: อำเภอ ตำบล เขตบริการ หรือรูปปิด</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/store/assignments.py" line="397"/>
        <source>The margin around the scope must be 0 km or more, got {0!r}.</source>
        <translation>ระยะเผื่อรอบขอบเขตต้องเป็น 0 กม. ขึ้นไป แต่ได้ {0!r}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/store/assignments.py" line="468"/>
        <source>There is no amphoe with code {0}.</source>
        <translation>ไม่มีอำเภอรหัส {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/store/assignments.py" line="469"/>
        <source>There is no tambon with code {0}.</source>
        <translation>ไม่มีตำบลรหัส {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/store/assignments.py" line="475"/>
        <source>There is no service area {0}.</source>
        <translation>ไม่มีเขตบริการ {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/store/assignments.py" line="491"/>
        <source>The scope polygon is not valid WKT: {0}</source>
        <translation>รูปปิดขอบเขตไม่ใช่ WKT ที่ถูกต้อง: {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/store/assignments.py" line="496"/>
        <source>The scope must be a polygon, not a {0}.</source>
        <translation>ขอบเขตต้องเป็นรูปปิด ไม่ใช่ {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/store/assignments.py" line="498"/>
        <source>The scope polygon is empty.</source>
        <translation>รูปปิดขอบเขตว่างเปล่า</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/store/assignments.py" line="500"/>
        <source>The scope polygon is not valid: {0}</source>
        <translation>รูปปิดขอบเขตไม่ถูกต้อง: {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/store/candidates.py" line="203"/>
        <source>The distance limit must be 0 km or more, got {0!r}.</source>
        <translation>ระยะทางสูงสุดต้องเป็น 0 กม. ขึ้นไป แต่ได้ {0!r}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/store/calls.py" line="22"/>
        <source>Text with a NUL character (\u0000) cannot be stored. Nothing was changed.</source>
        <translation>ข้อความที่มีอักขระ NUL (\u0000) บันทึกไม่ได้ ไม่มีการเปลี่ยนแปลงใด ๆ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/store/demo_guard.py" line="55"/>
        <source>This store holds data that is not demo data: {0} help request(s), {1} volunteer(s) and {2} facilit(y/ies) not from the demo. Loading the demo replaces demo requests and volunteers and updates hospitals, so it runs only on an empty store or one holding demo data alone; nothing was written. Use another database for the demo.</source>
        <translation>คลังข้อมูลนี้มีข้อมูลที่ไม่ใช่ข้อมูลตัวอย่าง: คำขอความช่วยเหลือ {0} รายการ อาสาสมัคร {1} คน และสถานพยาบาล {2} แห่ง ที่ไม่ได้มาจากข้อมูลตัวอย่าง การโหลดข้อมูลตัวอย่างจะแทนที่คำขอและอาสาสมัครตัวอย่าง และปรับปรุงข้อมูลโรงพยาบาล จึงทำได้เฉพาะกับคลังข้อมูลว่าง หรือคลังข้อมูลที่มีแต่ข้อมูลตัวอย่างเท่านั้น ไม่มีการเขียนข้อมูลใด ๆ โปรดใช้ฐานข้อมูลอื่นสำหรับข้อมูลตัวอย่าง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/store/migrations.py" line="184"/>
        <source>The Jitasa store&apos;s functions and permissions are not those of this plugin version. Upgrade it with the Processing algorithm &apos;Create or upgrade Jitasa database&apos; (jitasa:createdatabase).</source>
        <translation>ฟังก์ชันและสิทธิ์ของคลังข้อมูลจิตอาสาไม่ตรงกับปลั๊กอินรุ่นนี้ ให้ปรับรุ่นด้วยอัลกอริทึม Processing 'สร้างหรือปรับรุ่นฐานข้อมูลจิตอาสา' (jitasa:createdatabase)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/store/migrations.py" line="279"/>
        <source>Definition {0} failed and was rolled back: {1}</source>
        <translation>นิยาม {0} ล้มเหลวและถูกย้อนกลับแล้ว: {1}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/store/migrations.py" line="287"/>
        <source>Upgrading the store&apos;s definitions failed and was rolled back: {0}</source>
        <translation>การปรับรุ่นนิยามของคลังข้อมูลล้มเหลวและถูกย้อนกลับแล้ว: {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/store/migrations.py" line="56"/>
        <source>Migration files in {0} share a number: each needs its own.</source>
        <translation>ไฟล์ migration ใน {0} ใช้หมายเลขซ้ำกัน: แต่ละไฟล์ต้องมีหมายเลขของตัวเอง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/store/migrations.py" line="176"/>
        <source>The Jitasa store lacks migration {0} of this plugin. Upgrade it with the Processing algorithm &apos;Create or upgrade Jitasa database&apos; (jitasa:createdatabase).</source>
        <translation>ฐานข้อมูล Jitasa ยังไม่มี migration {0} ของปลั๊กอินนี้ ให้ปรับรุ่นด้วยอัลกอริทึม Processing 'Create or upgrade Jitasa database' (jitasa:createdatabase)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/store/history.py" line="51"/>
        <source>Your role may not read the audit log, so the history cannot be shown.</source>
        <translation>บทบาทของคุณไม่มีสิทธิ์อ่านบันทึกการตรวจสอบ จึงแสดงประวัติไม่ได้</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/store/history.py" line="94"/>
        <source>{0} is not a table the audit keeps.</source>
        <translation>{0} ไม่ใช่ตารางที่ระบบบันทึกการตรวจสอบ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/store/calls.py" line="48"/>
        <source>Some of these rows ({0}) lie outside the areas you work. Nothing was written.</source>
        <translation>ข้อมูลบางแถว ({0}) อยู่นอกพื้นที่รับผิดชอบของคุณ ไม่มีการบันทึกข้อมูลใด</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/store/calls.py" line="68"/>
        <source>You may grant or revoke only areas you work yourself ({0}).</source>
        <translation>คุณกำหนดหรือยกเลิกได้เฉพาะพื้นที่ที่คุณรับผิดชอบเอง ({0})</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/store/calls.py" line="71"/>
        <source>Outside the areas you work: {0} help request(s) and {1} volunteer(s). Nothing was changed.</source>
        <translation>อยู่นอกพื้นที่รับผิดชอบของคุณ: คำขอ {0} รายการ และอาสาสมัคร {1} คน ไม่มีการเปลี่ยนแปลงใด</translation>
    </message>
</context>
<context>
    <name>StoreLayers</name>
    <message>
        <location filename="../jitasa_qgis/layers/store_layers.py" line="120"/>
        <source>Volunteers</source>
        <translation>อาสาสมัคร</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/layers/store_layers.py" line="121"/>
        <source>Facilities</source>
        <translation>สถานพยาบาล</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/layers/store_layers.py" line="122"/>
        <source>Service areas</source>
        <translation>เขตบริการ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/layers/store_layers.py" line="124"/>
        <source>Assignments</source>
        <translation>การมอบหมายงาน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/layers/store_layers.py" line="125"/>
        <source>Tambon</source>
        <translation>ตำบล</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/layers/store_layers.py" line="126"/>
        <source>Amphoe</source>
        <translation>อำเภอ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/layers/store_layers.py" line="127"/>
        <source>Province</source>
        <translation>จังหวัด</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/layers/store_layers.py" line="116"/>
        <source>Help requests (open)</source>
        <translation>คำขอความช่วยเหลือ (ยังเปิดอยู่)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/layers/store_layers.py" line="117"/>
        <source>Critical requests (overview)</source>
        <translation>คำขอเร่งด่วนวิกฤต (ภาพรวม)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/layers/store_layers.py" line="118"/>
        <source>Open requests per 5 km cell</source>
        <translation>คำขอที่ยังเปิดอยู่ ต่อช่องกริด 5 กม.</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/layers/store_layers.py" line="119"/>
        <source>Open requests per 25 km cell</source>
        <translation>คำขอที่ยังเปิดอยู่ ต่อช่องกริด 25 กม.</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/layers/store_layers.py" line="184"/>
        <source>Jitasa</source>
        <translation>จิตอาสา</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/layers/store_layers.py" line="123"/>
        <source>Roads</source>
        <translation>ถนน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/layers/store_layers.py" line="136"/>
        <source>Roads — major roads only (OpenStreetMap)</source>
        <translation>ถนน — เฉพาะถนนสายหลัก (OpenStreetMap)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/layers/store_layers.py" line="139"/>
        <source>Roads — {0}</source>
        <translation>ถนน — {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/layers/store_layers.py" line="148"/>
        <source>{0}: version {1}, {2} segments, {3:.0f} km.</source>
        <translation>{0}: รุ่น {1}, {2} ช่วงถนน, {3:.0f} กม.</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/layers/store_layers.py" line="154"/>
        <source>The demo network holds major roads only (trunk and primary roads of OpenStreetMap, simplified): no secondary or local roads, so drive times on it are major roads plus an off-road leg.</source>
        <translation>โครงข่ายตัวอย่างมีเฉพาะถนนสายหลัก (ถนนประเภท trunk และ primary จาก OpenStreetMap แบบย่อรูป): ไม่มีถนนสายรองหรือถนนท้องถิ่น เวลาเดินทางจึงคิดตามถนนสายหลักบวกช่วงเดินทางนอกถนน</translation>
    </message>
</context>
<context>
    <name>StoreSummary</name>
    <message>
        <location filename="../jitasa_qgis/store/summary.py" line="64"/>
        <source>open {0}</source>
        <translation>เปิดอยู่ {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/store/summary.py" line="67"/>
        <source>table</source>
        <translation>ตาราง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/store/summary.py" line="67"/>
        <source>rows</source>
        <translation>แถว</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/store/summary.py" line="78"/>
        <source>Open requests per amphoe</source>
        <translation>คำขอที่ยังเปิดอยู่ รายอำเภอ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/store/summary.py" line="79"/>
        <source>amphoe</source>
        <translation>อำเภอ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/store/summary.py" line="79"/>
        <source>open</source>
        <translation>เปิดอยู่</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/store/summary.py" line="84"/>
        <source>... and {0} more amphoe</source>
        <translation>... และอีก {0} อำเภอ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/store/summary.py" line="86"/>
        <source>open requests outside every tambon: {0}</source>
        <translation>คำขอที่ยังเปิดอยู่ซึ่งไม่อยู่ในตำบลใดเลย: {0}</translation>
    </message>
</context>
<context>
    <name>StyleErrors</name>
    <message>
        <location filename="../jitasa_qgis/layers/styles.py" line="76"/>
        <source>none</source>
        <translation>ไม่มี</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/layers/styles.py" line="77"/>
        <source>no style named {0}: {1} does not exist (styles: {2})</source>
        <translation>ไม่มีสไตล์ชื่อ {0}: ไม่พบไฟล์ {1} (สไตล์ที่มี: {2})</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/layers/styles.py" line="85"/>
        <source>cannot read style {0}</source>
        <translation>อ่านสไตล์ {0} ไม่ได้</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/layers/styles.py" line="91"/>
        <source>style {0} is not valid XML: {1} (line {2}, column {3})</source>
        <translation>สไตล์ {0} ไม่ใช่ XML ที่ถูกต้อง: {1} (บรรทัด {2} คอลัมน์ {3})</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/layers/styles.py" line="98"/>
        <source>style {0} names icons that are not in {1}: {2}</source>
        <translation>สไตล์ {0} อ้างถึงไอคอนที่ไม่มีใน {1}: {2}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/layers/styles.py" line="112"/>
        <source>QGIS could not apply style {0} to layer {1}: {2}</source>
        <translation>QGIS ใช้สไตล์ {0} กับชั้นข้อมูล {1} ไม่ได้: {2}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/layers/styles.py" line="118"/>
        <source>style {0} gave layer {1} no renderer</source>
        <translation>สไตล์ {0} ไม่ได้กำหนดการแสดงผล (renderer) ให้ชั้นข้อมูล {1}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/layers/styles.py" line="131"/>
        <source>cannot read the style of layer {0}: {1}</source>
        <translation>อ่านสไตล์ของชั้นข้อมูล {0} ไม่ได้: {1}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/layers/styles.py" line="140"/>
        <source>cannot relink icons of layer {0}: {1}</source>
        <translation>เชื่อมโยงไอคอนของชั้นข้อมูล {0} ใหม่ไม่ได้: {1}</translation>
    </message>
</context>
<context>
    <name>SyncFeedAlgorithm</name>
    <message>
        <location filename="../jitasa_qgis/processing/sync_feed.py" line="29"/>
        <source>Sync the public app&apos;s feed</source>
        <translation>ซิงก์ฟีดจากแอปสาธารณะ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/sync_feed.py" line="32"/>
        <source>Reads help requests from the public app&apos;s JSON feed page by page (a cursor the page carries, or the newest updated_at already taken) and writes each page in one transaction with the feed&apos;s position, so a failure keeps the pages before it and the next sync goes on from there. Each record is new, updated, unchanged, stale (older than what the store holds), closed (expired), kept as the officers work it (already assigned) or rejected with its reason.

The API token comes only from a QGIS authentication configuration (EsriToken: sent as a bearer token; Basic: user and password); it is never stored or logged. Retries on connection errors, 429 and 5xx answers with backoff; a 304 answer means nothing new.</source>
        <translation>อ่านคำขอความช่วยเหลือจากฟีด JSON ของแอปสาธารณะทีละหน้า (ตามเคอร์เซอร์ที่หน้านั้นให้มา หรือตามเวลา updated_at ล่าสุดที่รับไว้แล้ว) และบันทึกแต่ละหน้าในธุรกรรมเดียวพร้อมตำแหน่งของฟีด เมื่อเกิดข้อผิดพลาด หน้าที่บันทึกไปก่อนแล้วยังคงอยู่ และการซิงก์ครั้งถัดไปจะทำต่อจากจุดนั้น แต่ละระเบียนจะเป็น ใหม่ ปรับปรุง ไม่เปลี่ยนแปลง ล้าสมัย (เก่ากว่าที่อยู่ในฐานข้อมูล) ปิด (หมดอายุ) คงไว้ตามที่เจ้าหน้าที่ดำเนินการ (มอบหมายแล้ว) หรือถูกปฏิเสธพร้อมเหตุผล

โทเค็น API มาจากการตั้งค่าการยืนยันตัวตนของ QGIS เท่านั้น (EsriToken: ส่งเป็น bearer token; Basic: ชื่อผู้ใช้และรหัสผ่าน) และจะไม่ถูกบันทึกหรือแสดงในบันทึก ลองใหม่พร้อมเว้นระยะเมื่อเชื่อมต่อไม่ได้ หรือได้คำตอบ 429 และ 5xx คำตอบ 304 หมายถึงไม่มีข้อมูลใหม่</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/sync_feed.py" line="46"/>
        <source>Feed URL</source>
        <translation>URL ของฟีด</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/sync_feed.py" line="47"/>
        <source>Source name in the store</source>
        <translation>ชื่อแหล่งที่มาในฐานข้อมูล</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/sync_feed.py" line="52"/>
        <source>Authentication (API token)</source>
        <translation>การยืนยันตัวตน (โทเค็น API)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/sync_feed.py" line="57"/>
        <source>Feed format</source>
        <translation>รูปแบบฟีด</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/sync_feed.py" line="57"/>
        <source>Jitasa feed (docs/FEED.md)</source>
        <translation>ฟีดจิตอาสา (docs/FEED.md)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/sync_feed.py" line="57"/>
        <source>SOS GeoJSON-style feed</source>
        <translation>ฟีด SOS แบบ GeoJSON</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/sync_feed.py" line="68"/>
        <source>Most pages per sync</source>
        <translation>จำนวนหน้าสูงสุดต่อการซิงก์</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/sync_feed.py" line="73"/>
        <source>Records per page</source>
        <translation>จำนวนระเบียนต่อหน้า</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/sync_feed.py" line="78"/>
        <source>Outcome</source>
        <translation>ผลลัพธ์</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/sync_feed.py" line="79"/>
        <source>Pages written</source>
        <translation>จำนวนหน้าที่บันทึก</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/sync_feed.py" line="81"/>
        <source>New requests</source>
        <translation>คำขอใหม่</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/sync_feed.py" line="82"/>
        <source>Updated requests</source>
        <translation>คำขอที่ปรับปรุง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/sync_feed.py" line="83"/>
        <source>Unchanged records</source>
        <translation>ระเบียนที่ไม่เปลี่ยนแปลง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/sync_feed.py" line="84"/>
        <source>Stale records (older than the store&apos;s)</source>
        <translation>ระเบียนที่ล้าสมัย (เก่ากว่าในฐานข้อมูล)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/sync_feed.py" line="85"/>
        <source>Requests closed as expired</source>
        <translation>คำขอที่ปิดเพราะหมดอายุ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/sync_feed.py" line="86"/>
        <source>Assigned requests kept as the officers work them</source>
        <translation>คำขอที่มอบหมายแล้ว คงไว้ตามที่เจ้าหน้าที่ดำเนินการ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/sync_feed.py" line="87"/>
        <source>Rejected records</source>
        <translation>ระเบียนที่ถูกปฏิเสธ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/sync_feed.py" line="97"/>
        <source>Give the feed&apos;s URL.</source>
        <translation>โปรดระบุ URL ของฟีด</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/sync_feed.py" line="124"/>
        <source>{0}: nothing new since the last sync (not modified).</source>
        <translation>{0}: ไม่มีข้อมูลใหม่ตั้งแต่การซิงก์ครั้งก่อน (ไม่มีการเปลี่ยนแปลง)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/sync_feed.py" line="127"/>
        <source>{source}: {pages} page(s); {new} new, {updated} updated, {unchanged} unchanged, {stale} stale, {closed} closed as expired, {kept} kept as assigned, {rejected} rejected.</source>
        <translation>{source}: {pages} หน้า; ใหม่ {new} ปรับปรุง {updated} ไม่เปลี่ยนแปลง {unchanged} ล้าสมัย {stale} ปิดเพราะหมดอายุ {closed} คงไว้ตามการมอบหมาย {kept} ปฏิเสธ {rejected}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/sync_feed.py" line="147"/>
        <source>Stopped: {0}</source>
        <translation>หยุด: {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/sync_feed.py" line="149"/>
        <source>More pages are waiting: the next sync goes on from where this one stopped.</source>
        <translation>ยังมีหน้าที่รออยู่: การซิงก์ครั้งถัดไปจะทำต่อจากจุดที่ครั้งนี้หยุด</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/sync_feed.py" line="88"/>
        <source>Records in pages that came as last time (not applied again)</source>
        <translation>ระเบียนในหน้าที่ได้รับเหมือนครั้งก่อน (ไม่ได้นำไปใช้ซ้ำ)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/sync_feed.py" line="143"/>
        <source>{0} record(s) in pages that came exactly as last time were not applied again.</source>
        <translation>ระเบียน {0} รายการในหน้าที่ได้รับเหมือนครั้งก่อนทุกประการไม่ได้ถูกนำไปใช้ซ้ำ</translation>
    </message>
</context>
<context>
    <name>TableExport</name>
    <message>
        <location filename="../jitasa_qgis/core/table_export.py" line="50"/>
        <source>Cannot export to &apos;{0}&apos;: give a file ending in .csv, .xlsx or .gpkg.</source>
        <translation>ส่งออกเป็น '{0}' ไม่ได้: โปรดระบุไฟล์ที่ลงท้ายด้วย .csv, .xlsx หรือ .gpkg</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/table_export.py" line="82"/>
        <source>The folder {0} does not exist.</source>
        <translation>ไม่มีโฟลเดอร์ {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/export.py" line="105"/>
        <source>An XLSX sheet holds at most {0:,} rows: export to CSV or GeoPackage instead.</source>
        <translation>แผ่นงาน XLSX เก็บได้ไม่เกิน {0:,} แถว: โปรดส่งออกเป็น CSV หรือ GeoPackage แทน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/table_export.py" line="240"/>
        <source>Cannot create the GeoPackage {0}.</source>
        <translation>สร้าง GeoPackage {0} ไม่ได้</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/table_export.py" line="277"/>
        <source>Writing the GeoPackage {0} failed.</source>
        <translation>เขียน GeoPackage {0} ไม่สำเร็จ</translation>
    </message>
</context>
<context>
    <name>TravelModel</name>
    <message>
        <location filename="../jitasa_qgis/definitions/roads.py" line="95"/>
        <source>Road network with an off-road leg</source>
        <translation>โครงข่ายถนนกับระยะนอกถนน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/roads.py" line="96"/>
        <source>Straight line (no road network here)</source>
        <translation>เส้นตรง (ไม่มีโครงข่ายถนนในพื้นที่นี้)</translation>
    </message>
</context>
<context>
    <name>Urgency</name>
    <message>
        <location filename="../jitasa_qgis/definitions/labels.py" line="43"/>
        <source>Critical</source>
        <translation>เร่งด่วนวิกฤต</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/labels.py" line="44"/>
        <source>High</source>
        <translation>เร่งด่วนสูง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/labels.py" line="45"/>
        <source>Normal</source>
        <translation>ปกติ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/labels.py" line="46"/>
        <source>Low</source>
        <translation>ไม่เร่งด่วน</translation>
    </message>
</context>
<context>
    <name>VaccinationPlan</name>
    <message>
        <location filename="../jitasa_qgis/services/vaccination_plan.py" line="64"/>
        <source>Campaign {0}: {1:,} people not yet covered in {2} tambons (latest counts).</source>
        <translation>แคมเปญ {0}: ผู้ที่ยังไม่ได้รับบริการ {1:,} คน ใน {2} ตำบล (ข้อมูลล่าสุด)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/vaccination_plan.py" line="70"/>
        <source>Unit {0}: {1} — adds {2:,.0f} people, serves {3:,.0f}.</source>
        <translation>หน่วยที่ {0}: {1} — เพิ่ม {2:,.0f} คน ให้บริการ {3:,.0f} คน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/vaccination_plan.py" line="76"/>
        <source>Report written to {0}.</source>
        <translation>เขียนรายงานไปที่ {0} แล้ว</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/vaccination_plan.py" line="94"/>
        <source>The report must be a .csv or .xlsx file, not &apos;{0}&apos;.</source>
        <translation>รายงานต้องเป็นไฟล์ .csv หรือ .xlsx ไม่ใช่ '{0}'</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/vaccination_plan.py" line="110"/>
        <source>No counts of campaign &apos;{0}&apos; in the area: import them with &apos;Import vaccination / screening counts per tambon&apos; first.</source>
        <translation>ไม่มีข้อมูลของแคมเปญ '{0}' ในพื้นที่: โปรดนำเข้าด้วย 'นำเข้าข้อมูลการฉีดวัคซีน / คัดกรองรายตำบล' ก่อน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/vaccination_plan.py" line="119"/>
        <source>Everyone in the target population of &apos;{0}&apos; is covered: nothing to plan.</source>
        <translation>ประชากรเป้าหมายของ '{0}' ได้รับบริการครบแล้ว: ไม่มีสิ่งที่ต้องวางแผน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/vaccination_plan.py" line="124"/>
        <source>{0:,} people not yet covered in {1} tambons.</source>
        <translation>ผู้ที่ยังไม่ได้รับบริการ {0:,} คน ใน {1} ตำบล</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/vaccination_plan.py" line="131"/>
        <source>Mobile units for {0}</source>
        <translation>หน่วยเคลื่อนที่สำหรับ {0}</translation>
    </message>
</context>
<context>
    <name>VaccinationPlanAlgorithm</name>
    <message>
        <location filename="../jitasa_qgis/processing/vaccination_plan.py" line="65"/>
        <source>Plan mobile vaccination / screening units</source>
        <translation>วางแผนหน่วยฉีดวัคซีน / คัดกรองเคลื่อนที่</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/vaccination_plan.py" line="68"/>
        <source>Where should the next mobile vaccination or screening units go? Places K units (tambon centres as candidates) so that as many people not yet covered as possible are within the threshold of one: maximal covering, solved exactly (the log gives the solver&apos;s proven gap, 0 when optimal).
Demand: each tambon&apos;s latest imported count of the campaign (target population minus vaccinated or screened) at a point inside the tambon. Import the counts first with &apos;Import vaccination / screening counts per tambon&apos;.
Minutes are road minutes where a road network covers the tambons, else the straight line (said in the output); or choose km on the map.
Outputs: the units numbered in the order they add the most people, the tambons&apos; coverage, and a CSV or XLSX of the units; the plan is stored (plan_run, plan_site) to print or compare.</source>
        <translation>หน่วยฉีดวัคซีนหรือคัดกรองเคลื่อนที่ชุดต่อไปควรไปที่ใด? วาง K หน่วย (ใช้จุดกลางตำบลเป็นตัวเลือก) ให้ผู้ที่ยังไม่ได้รับบริการอยู่ในระยะของหน่วยใดหน่วยหนึ่งมากที่สุด: แบบจำลองครอบคลุมสูงสุด แก้แบบแม่นตรง (บันทึกแสดงช่องว่างที่พิสูจน์แล้วของตัวแก้ 0 เมื่อเหมาะที่สุด)
ความต้องการ: ข้อมูลล่าสุดของแคมเปญในแต่ละตำบล (ประชากรเป้าหมายลบผู้ได้รับวัคซีนหรือคัดกรองแล้ว) ที่จุดภายในตำบล โปรดนำเข้าข้อมูลก่อนด้วย 'นำเข้าข้อมูลการฉีดวัคซีน / คัดกรองรายตำบล'
เวลาเป็นนาทีตามโครงข่ายถนนเมื่อมีโครงข่ายครอบคลุมตำบล มิฉะนั้นใช้เส้นตรง (ระบุในผลลัพธ์) หรือเลือกเป็นกิโลเมตรบนแผนที่
ผลลัพธ์: หน่วยที่มีหมายเลขตามลำดับจำนวนคนที่เพิ่มได้มากที่สุด ความครอบคลุมของตำบล และไฟล์ CSV หรือ XLSX ของหน่วย แผนจะถูกบันทึก (plan_run, plan_site) เพื่อพิมพ์หรือเปรียบเทียบ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/vaccination_plan.py" line="84"/>
        <source>Campaign (e.g. covid19_dose2)</source>
        <translation>แคมเปญ (เช่น covid19_dose2)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/vaccination_plan.py" line="89"/>
        <source>Number of units</source>
        <translation>จำนวนหน่วย</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/vaccination_plan.py" line="98"/>
        <source>Reach of a unit</source>
        <translation>ระยะที่หน่วยเข้าถึง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/vaccination_plan.py" line="107"/>
        <source>Reach in</source>
        <translation>หน่วยของระยะ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/vaccination_plan.py" line="107"/>
        <source>Minutes of travel</source>
        <translation>นาทีการเดินทาง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/vaccination_plan.py" line="107"/>
        <source>Kilometres (straight line)</source>
        <translation>กิโลเมตร (เส้นตรง)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/vaccination_plan.py" line="118"/>
        <source>Province or amphoe code (empty: every tambon with counts)</source>
        <translation>รหัสจังหวัดหรืออำเภอ (ว่าง: ทุกตำบลที่มีข้อมูล)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/vaccination_plan.py" line="125"/>
        <source>Existing facility kinds kept as units (e.g. vaccination_point)</source>
        <translation>ประเภทสถานบริการเดิมที่คงไว้เป็นหน่วย (เช่น vaccination_point)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/vaccination_plan.py" line="132"/>
        <source>Solver time limit (seconds)</source>
        <translation>เวลาสูงสุดของตัวแก้ (วินาที)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/vaccination_plan.py" line="141"/>
        <source>Use the straight line even where a road network exists</source>
        <translation>ใช้เส้นตรงแม้มีโครงข่ายถนน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/vaccination_plan.py" line="148"/>
        <source>Store the plan</source>
        <translation>บันทึกแผน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/vaccination_plan.py" line="153"/>
        <source>Plan name</source>
        <translation>ชื่อแผน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/vaccination_plan.py" line="158"/>
        <source>Mobile units</source>
        <translation>หน่วยเคลื่อนที่</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/vaccination_plan.py" line="161"/>
        <source>Coverage per tambon</source>
        <translation>ความครอบคลุมรายตำบล</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/vaccination_plan.py" line="164"/>
        <source>Units report (CSV or XLSX)</source>
        <translation>รายงานหน่วย (CSV หรือ XLSX)</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/vaccination_plan.py" line="165"/>
        <source>Plan run id</source>
        <translation>รหัสแผน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/vaccination_plan.py" line="166"/>
        <source>People within reach</source>
        <translation>จำนวนคนที่อยู่ในระยะ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/vaccination_plan.py" line="169"/>
        <source>Proven gap</source>
        <translation>ช่องว่างที่พิสูจน์แล้ว</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/vaccination_plan.py" line="170"/>
        <source>Travel-time model (road_network or straight_line)</source>
        <translation>แบบจำลองเวลาเดินทาง (road_network หรือ straight_line)</translation>
    </message>
</context>
<context>
    <name>VehicleKind</name>
    <message>
        <location filename="../jitasa_qgis/definitions/labels.py" line="81"/>
        <source>No vehicle</source>
        <translation>ไม่มียานพาหนะ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/labels.py" line="82"/>
        <source>Motorcycle</source>
        <translation>รถจักรยานยนต์</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/labels.py" line="83"/>
        <source>Car</source>
        <translation>รถยนต์</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/labels.py" line="84"/>
        <source>Pickup truck</source>
        <translation>รถกระบะ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/labels.py" line="85"/>
        <source>Ambulance</source>
        <translation>รถพยาบาล</translation>
    </message>
</context>
<context>
    <name>VolunteerImport</name>
    <message>
        <location filename="../jitasa_qgis/core/volunteer_import.py" line="291"/>
        <source>The roster has no name column (ชื่อ, ชื่อ-สกุล or name). Its columns: {0}.</source>
        <translation>ทะเบียนรายชื่อไม่มีคอลัมน์ชื่อ (ชื่อ, ชื่อ-สกุล หรือ name) คอลัมน์ที่มี: {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/volunteer_import.py" line="297"/>
        <source>The roster has neither coordinates (lon, lat) nor a tambon (ตำบล or รหัสตำบล) to place volunteers. Its columns: {0}.</source>
        <translation>ทะเบียนรายชื่อไม่มีทั้งพิกัด (lon, lat) และตำบล (ตำบล หรือ รหัสตำบล) ที่จะใช้วางตำแหน่งอาสาสมัคร คอลัมน์ที่มี: {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/volunteer_import.py" line="129"/>
        <source>Columns: {0}</source>
        <translation>คอลัมน์: {0}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/volunteer_import.py" line="76"/>
        <source>{0} rows: {1} new volunteers, {2} updated, {3} unchanged, {4} rejected; {5} placed in their tambon.</source>
        <translation>{0} แถว: อาสาสมัครใหม่ {1} คน ปรับปรุง {2} คน ไม่เปลี่ยนแปลง {3} คน ไม่รับ {4} แถว; วางตำแหน่งตามตำบล {5} คน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/volunteer_import.py" line="82"/>
        <source>{0} phone numbers had an extension, which was dropped.</source>
        <translation>เบอร์โทรศัพท์ {0} เบอร์มีเบอร์ต่อ ซึ่งได้ตัดออกแล้ว</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/volunteer_import.py" line="88"/>
        <source>{0} phone cells held more than one number; the first was kept.</source>
        <translation>ช่องเบอร์โทรศัพท์ {0} ช่องมีมากกว่าหนึ่งเบอร์ ใช้เบอร์แรก</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/volunteer_import.py" line="94"/>
        <source>Rejected: {0} × {1}</source>
        <translation>ไม่รับ: {0} × {1}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/volunteer_import.py" line="101"/>
        <source>… and {0} more.</source>
        <translation>… และอีก {0} รายการ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/volunteer_import.py" line="117"/>
        <source>Unknown volunteer kind &apos;{0}&apos;. Known: {1}.</source>
        <translation>ไม่รู้จักประเภทอาสาสมัคร '{0}' ประเภทที่มี: {1}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/volunteer_import.py" line="126"/>
        <source>Read {0} rows from {1}.</source>
        <translation>อ่าน {0} แถวจาก {1}</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/services/volunteer_import.py" line="141"/>
        <source>Importing the roster failed and nothing was written: {0}</source>
        <translation>นำเข้าทะเบียนรายชื่อไม่สำเร็จและไม่ได้บันทึกสิ่งใด: {0}</translation>
    </message>
</context>
<context>
    <name>VolunteerKind</name>
    <message>
        <location filename="../jitasa_qgis/definitions/labels.py" line="58"/>
        <source>Village health volunteer</source>
        <translation>อสม.</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/labels.py" line="59"/>
        <source>Local official</source>
        <translation>เจ้าหน้าที่ท้องถิ่น</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/labels.py" line="60"/>
        <source>Student volunteer</source>
        <translation>นักเรียน นักศึกษา</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/labels.py" line="61"/>
        <source>Community leader</source>
        <translation>ผู้นำชุมชน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/labels.py" line="62"/>
        <source>Health staff</source>
        <translation>บุคลากรสาธารณสุข</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/labels.py" line="63"/>
        <source>Kamnan or village head</source>
        <translation>กำนัน ผู้ใหญ่บ้าน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/labels.py" line="64"/>
        <source>Community development volunteer leader</source>
        <translation>ผู้นำอาสาพัฒนาชุมชน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/labels.py" line="67"/>
        <source>Women&apos;s Development Fund member</source>
        <translation>สมาชิกกองทุนพัฒนาบทบาทสตรี</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/definitions/labels.py" line="68"/>
        <source>Local environment volunteer</source>
        <translation>อาสาสมัครท้องถิ่นรักโลก</translation>
    </message>
</context>
<context>
    <name>VolunteerTable</name>
    <message>
        <location filename="../jitasa_qgis/gui/volunteer_table_model.py" line="23"/>
        <source>Kind</source>
        <translation>ประเภท</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/volunteer_table_model.py" line="24"/>
        <source>Load</source>
        <translation>ภาระงาน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/volunteer_table_model.py" line="25"/>
        <source>Available</source>
        <translation>พร้อมรับงาน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/volunteer_table_model.py" line="26"/>
        <source>Skills</source>
        <translation>ทักษะ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/volunteer_table_model.py" line="27"/>
        <source>Vehicle</source>
        <translation>ยานพาหนะ</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/volunteer_table_model.py" line="28"/>
        <source>Tambon</source>
        <translation>ตำบล</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/volunteer_table_model.py" line="35"/>
        <source>{active} active assignment(s) of at most {capacity}</source>
        <translation>งานที่กำลังทำ {active} งาน จากสูงสุด {capacity} งาน</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/volunteer_table_model.py" line="46"/>
        <source>Yes</source>
        <translation>ว่าง</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/volunteer_table_model.py" line="46"/>
        <source>No</source>
        <translation>ไม่ว่าง</translation>
    </message>
</context>
<context>
    <name>Waiting</name>
    <message>
        <location filename="../jitasa_qgis/core/waiting.py" line="26"/>
        <source>waiting {d} d {h} h</source>
        <translation>รอ {d} วัน {h} ชม.</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/waiting.py" line="28"/>
        <source>waiting {h} h {m} min</source>
        <translation>รอ {h} ชม. {m} นาที</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/waiting.py" line="30"/>
        <source>waiting {m} min</source>
        <translation>รอ {m} นาที</translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/core/waiting.py" line="31"/>
        <source>waiting under 1 min</source>
        <translation>รอไม่ถึง 1 นาที</translation>
    </message>
</context>
</TS>

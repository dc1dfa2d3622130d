<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>ConnectDialog</name>
    <message>
        <location filename="../jitasa_qgis/gui/connect_dialog.py" line="23"/>
        <source>Connect to Jitasa store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connect_dialog.ui" line="10"/>
        <source>Saved PostgreSQL connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connect_dialog.ui" line="19"/>
        <source>pg_service name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connect_dialog.ui" line="24"/>
        <source>e.g. jitasa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connect_dialog.ui" line="29"/>
        <source>Passwords stay in the QGIS authentication database (authcfg) or in pg_service.conf; Jitasa never stores one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connect_dialog.ui" line="37"/>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/connect_dialog.py" line="51"/>
        <source>Choose a saved PostgreSQL connection, or give a pg_service name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/gui/connect_dialog.py" line="65"/>
        <source>Connected: the store is ready.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CreateDatabaseAlgorithm</name>
    <message>
        <location filename="../jitasa_qgis/processing/create_database.py" line="19"/>
        <source>Create or upgrade Jitasa database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/create_database.py" line="22"/>
        <source>Creates the jitasa schema (tables, triggers, roles) in the chosen database, or upgrades it to the version this plugin needs. Each step runs in its own transaction; running it again changes nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/create_database.py" line="28"/>
        <source>Schema version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/create_database.py" line="29"/>
        <source>Migrations applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/create_database.py" line="41"/>
        <source>Applied migrations: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/create_database.py" line="43"/>
        <source>The store is already at schema version {0}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JitasaAlgorithm</name>
    <message>
        <location filename="../jitasa_qgis/processing/base.py" line="29"/>
        <source>Store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/base.py" line="35"/>
        <source>Saved PostgreSQL connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/base.py" line="37"/>
        <source>…or pg_service name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/base.py" line="50"/>
        <source>Choose a saved PostgreSQL connection or give a pg_service name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JitasaPlugin</name>
    <message>
        <location filename="../jitasa_qgis/plugin.py" line="45"/>
        <source>Jitasa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/plugin.py" line="47"/>
        <source>Connect to Jitasa store…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/plugin.py" line="64"/>
        <source>&amp;Jitasa</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JitasaProvider</name>
    <message>
        <location filename="../jitasa_qgis/processing/provider.py" line="18"/>
        <source>Jitasa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/provider.py" line="21"/>
        <source>Jitasa volunteer coordination</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoadDemoDataAlgorithm</name>
    <message>
        <location filename="../jitasa_qgis/processing/load_demo_data.py" line="26"/>
        <source>Load demo data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/load_demo_data.py" line="29"/>
        <source>Loads real Phetchabun province, amphoe and tambon boundaries and MOPH hospitals, then generates help requests and volunteers inside the tambons with a fixed seed. Everything loads in one transaction: on any error nothing is written. Loading again replaces the earlier demo requests and volunteers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/load_demo_data.py" line="36"/>
        <source>Admin boundaries (GeoPackage)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/load_demo_data.py" line="39"/>
        <source>Hospitals (GeoPackage)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/load_demo_data.py" line="42"/>
        <source>Number of help requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/load_demo_data.py" line="44"/>
        <source>Number of volunteers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/load_demo_data.py" line="46"/>
        <source>Random seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/load_demo_data.py" line="48"/>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/processing/load_demo_data.py" line="69"/>
        <source>Loaded: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoreLayers</name>
    <message>
        <location filename="../jitasa_qgis/layers/store_layers.py" line="40"/>
        <source>Help requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/layers/store_layers.py" line="41"/>
        <source>Volunteers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/layers/store_layers.py" line="42"/>
        <source>Facilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/layers/store_layers.py" line="43"/>
        <source>Service areas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/layers/store_layers.py" line="44"/>
        <source>Assignments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/layers/store_layers.py" line="45"/>
        <source>Tambon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/layers/store_layers.py" line="46"/>
        <source>Amphoe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../jitasa_qgis/layers/store_layers.py" line="47"/>
        <source>Province</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

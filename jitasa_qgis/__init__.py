"""jitasa_qgis — volunteers, help requests and facilities on a shared PostGIS map."""


def classFactory(iface):  # noqa: N802 - the name QGIS looks for
    from .plugin import JitasaPlugin

    return JitasaPlugin(iface)

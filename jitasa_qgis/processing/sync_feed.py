"""jitasa:syncfeed — read the public app's feed over HTTP(S) into the store (services.feed_sync)."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterAuthConfig,
    QgsProcessingParameterEnum,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..definitions.i18n import translate
from ..services.feed_http import FeedError
from ..services.feed_sync import ADAPTERS, COUNT_KEYS, FeedSyncParams, FeedSyncResult, sync_feed
from .base import ImportExportAlgorithm, service_errors
from .feedback_progress import FeedbackProgress

OUTPUT_COUNTS = tuple(key.upper() for key in COUNT_KEYS)


class SyncFeedAlgorithm(ImportExportAlgorithm):
    def name(self) -> str:
        return "syncfeed"

    def displayName(self) -> str:
        return translate("SyncFeedAlgorithm", "Sync the public app's feed")

    def shortHelpString(self) -> str:
        return translate(
            "SyncFeedAlgorithm",
            "Reads help requests from the public app's JSON feed page by page (a cursor the page carries, "
            "or the newest updated_at already taken) and writes each page in one transaction with the "
            "feed's position, so a failure keeps the pages before it and the next sync goes on from there. "
            "Each record is new, updated, unchanged, stale (older than what the store holds), closed "
            "(expired), kept as the officers work it (already assigned) or rejected with its reason.\n\n"
            "The API token comes only from a QGIS authentication configuration (EsriToken: sent as a "
            "bearer token; Basic: user and password); it is never stored or logged. Retries on connection "
            "errors, 429 and 5xx answers with backoff; a 304 answer means nothing new.",
        )

    def initAlgorithm(self, config=None) -> None:
        self.add_connection_parameters()
        self.addParameter(QgsProcessingParameterString("URL", translate("SyncFeedAlgorithm", "Feed URL")))
        self.addParameter(
            QgsProcessingParameterString(
                "SOURCE", translate("SyncFeedAlgorithm", "Source name in the store"), defaultValue="public_app"
            )
        )
        self.addParameter(
            QgsProcessingParameterAuthConfig(
                "AUTHCFG", translate("SyncFeedAlgorithm", "Authentication (API token)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                "ADAPTER",
                translate("SyncFeedAlgorithm", "Feed format"),
                options=[
                    translate("SyncFeedAlgorithm", "Jitasa feed (docs/FEED.md)"),
                    translate("SyncFeedAlgorithm", "SOS GeoJSON-style feed"),
                ],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "MAX_PAGES", translate("SyncFeedAlgorithm", "Most pages per sync"), defaultValue=100, minValue=1
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "PAGE_SIZE", translate("SyncFeedAlgorithm", "Records per page"), defaultValue=1000, minValue=1
            )
        )
        self.addOutput(QgsProcessingOutputString("OUTCOME", translate("SyncFeedAlgorithm", "Outcome")))
        self.addOutput(QgsProcessingOutputNumber("PAGES", translate("SyncFeedAlgorithm", "Pages written")))
        labels = {
            "NEW": translate("SyncFeedAlgorithm", "New requests"),
            "UPDATED": translate("SyncFeedAlgorithm", "Updated requests"),
            "UNCHANGED": translate("SyncFeedAlgorithm", "Unchanged records"),
            "STALE": translate("SyncFeedAlgorithm", "Stale records (older than the store's)"),
            "CLOSED": translate("SyncFeedAlgorithm", "Requests closed as expired"),
            "KEPT_ASSIGNED": translate("SyncFeedAlgorithm", "Assigned requests kept as the officers work them"),
            "REJECTED": translate("SyncFeedAlgorithm", "Rejected records"),
            "SKIPPED": translate("SyncFeedAlgorithm", "Records in pages that came as last time (not applied again)"),
        }
        for key in OUTPUT_COUNTS:
            self.addOutput(QgsProcessingOutputNumber(key, labels[key]))

    def processAlgorithm(self, parameters, context, feedback):
        location = self.location(parameters, context, feedback)
        url = self.parameterAsString(parameters, "URL", context).strip()
        if not url:
            raise QgsProcessingException(translate("SyncFeedAlgorithm", "Give the feed's URL."))
        params = FeedSyncParams(
            source=self.parameterAsString(parameters, "SOURCE", context).strip() or "public_app",
            url=url,
            authcfg=self.parameterAsString(parameters, "AUTHCFG", context).strip() or None,
            adapter=ADAPTERS[self.parameterAsEnum(parameters, "ADAPTER", context)],
            max_pages=self.parameterAsInt(parameters, "MAX_PAGES", context),
            page_size=self.parameterAsInt(parameters, "PAGE_SIZE", context),
        )
        with service_errors():
            try:
                result = sync_feed(location, params, FeedbackProgress(feedback))
            except FeedError as exc:
                raise QgsProcessingException(str(exc)) from None
        feedback.pushInfo(summary_text(result))
        if result.outcome == "failed":
            raise QgsProcessingException(result.message)
        outputs = {"OUTCOME": result.outcome, "PAGES": result.pages}
        outputs.update({key.upper(): result.count(key) for key in COUNT_KEYS})
        return outputs


def summary_text(result: FeedSyncResult) -> str:
    """The sync's counts in words (one log line)."""
    if result.outcome == "busy":
        return result.message
    if result.outcome == "not_modified":
        return translate("SyncFeedAlgorithm", "{0}: nothing new since the last sync (not modified).").format(
            result.source
        )
    text = translate(
        "SyncFeedAlgorithm",
        "{source}: {pages} page(s); {new} new, {updated} updated, {unchanged} unchanged, {stale} stale, "
        "{closed} closed as expired, {kept} kept as assigned, {rejected} rejected.",
    ).format(
        source=result.source,
        pages=result.pages,
        new=result.count("new"),
        updated=result.count("updated"),
        unchanged=result.count("unchanged"),
        stale=result.count("stale"),
        closed=result.count("closed"),
        kept=result.count("kept_assigned"),
        rejected=result.count("rejected"),
    )
    if result.count("skipped"):
        text += " " + translate(
            "SyncFeedAlgorithm", "{0} record(s) in pages that came exactly as last time were not applied again."
        ).format(result.count("skipped"))
    if result.outcome == "failed":
        text += " " + translate("SyncFeedAlgorithm", "Stopped: {0}").format(result.message)
    elif not result.complete:
        text += " " + translate(
            "SyncFeedAlgorithm", "More pages are waiting: the next sync goes on from where this one stopped."
        )
    return text

"""The feed's HTTP client against a real HTTP server on 127.0.0.1 (pytest-httpserver): retries with backoff
on 5xx, Retry-After on 429, no retry of a read timeout, conditional requests, malformed JSON, dead servers,
URLs without secrets, and a credential only from a QGIS authentication configuration."""

from __future__ import annotations

import json
import logging
import secrets
import socket
import time

import pytest
from feed_support import Timed, auth_config
from werkzeug.wrappers import Response

from jitasa_qgis.definitions.feed_errors import FeedErrorCode, feed_error_text, split_code
from jitasa_qgis.services.feed_http import FeedClient, FeedError, HttpSettings, feed_auth, safe_url, with_query

FAST = HttpSettings(connect_timeout_s=2.0, read_timeout_s=5.0, retries=3, backoff_factor=0.01)


def _page(n: int = 1) -> dict:
    return {"data": [{"id": f"r{i}"} for i in range(n)], "next_cursor": None}


def test_a_page_is_read_with_its_query_and_validators(httpserver):
    httpserver.expect_request("/feed", query_string={"limit": "2", "cursor": "abc"}).respond_with_json(
        _page(2), headers={"ETag": '"v1"', "Last-Modified": "Wed, 02 Dec 2026 00:00:00 GMT"}
    )
    with FeedClient(FAST) as client:
        got = client.get_page(httpserver.url_for("/feed"), {"limit": 2, "cursor": "abc", "updated_since": None})
    assert not got.not_modified and got.payload == _page(2)
    assert got.etag == '"v1"' and got.last_modified == "Wed, 02 Dec 2026 00:00:00 GMT"
    assert "cursor=abc" in got.url and "updated_since" not in got.url


def test_a_500_is_retried_then_the_page_is_taken(httpserver):
    handler = Timed([(500, "oops", {}), (200, json.dumps(_page(1)), {})])
    httpserver.expect_request("/feed").respond_with_handler(handler)
    with FeedClient(FAST) as client:
        got = client.get_page(httpserver.url_for("/feed"))
    assert got.payload == _page(1)
    assert len(handler.times) == 2


def test_a_503_that_lasts_is_an_http_status_error_after_the_retries(httpserver):
    handler = Timed([(503, "down", {})])
    httpserver.expect_request("/feed").respond_with_handler(handler)
    with FeedClient(FAST) as client, pytest.raises(FeedError) as failed:
        client.get_page(httpserver.url_for("/feed"))
    assert failed.value.code is FeedErrorCode.HTTP_STATUS and failed.value.status == 503
    assert failed.value.stored == "http_status:503" and split_code(failed.value.stored) == ("http_status", 503)
    assert len(handler.times) == 1 + FAST.retries  # the first try and the capped retries, no more
    assert "HTTP 503" in str(failed.value) and httpserver.url_for("/feed") in str(failed.value)


def test_backoff_grows_between_retries(httpserver):
    handler = Timed([(502, "", {}), (502, "", {}), (502, "", {}), (200, json.dumps(_page(1)), {})])
    httpserver.expect_request("/feed").respond_with_handler(handler)
    settings = HttpSettings(connect_timeout_s=2.0, read_timeout_s=5.0, retries=3, backoff_factor=0.2)
    with FeedClient(settings) as client:
        client.get_page(httpserver.url_for("/feed"))
    gaps = [b - a for a, b in zip(handler.times, handler.times[1:])]
    # urllib3 1.26: no sleep before the first retry, then factor * 2^(n-1): 0.4 s, 0.8 s.
    assert gaps[1] >= 0.35 and gaps[2] >= 0.75, gaps


def test_a_429_waits_as_long_as_retry_after_says(httpserver):
    handler = Timed([(429, "slow down", {"Retry-After": "1"}), (200, json.dumps(_page(1)), {})])
    httpserver.expect_request("/feed").respond_with_handler(handler)
    with FeedClient(FAST) as client:
        got = client.get_page(httpserver.url_for("/feed"))
    assert got.payload == _page(1)
    assert len(handler.times) == 2 and handler.times[1] - handler.times[0] >= 1.0, handler.times


def test_a_read_timeout_is_a_clear_error_and_not_asked_again(httpserver):
    calls = []

    def sleepy(request):
        calls.append(time.monotonic())
        time.sleep(1.5)
        return Response(json.dumps(_page(1)), content_type="application/json")

    httpserver.expect_request("/feed").respond_with_handler(sleepy)
    settings = HttpSettings(connect_timeout_s=2.0, read_timeout_s=0.4, retries=3, backoff_factor=0.01)
    start = time.monotonic()
    with FeedClient(settings) as client, pytest.raises(FeedError) as failed:
        client.get_page(httpserver.url_for("/feed"))
    assert failed.value.code is FeedErrorCode.TIMEOUT and "did not answer in time" in str(failed.value)
    assert time.monotonic() - start < 1.4  # gave up at the read timeout, did not wait for the answer
    time.sleep(1.2)  # let the sleeping handler finish before the server is checked
    assert len(calls) == 1


def test_malformed_json_is_refused(httpserver):
    httpserver.expect_request("/feed").respond_with_data('{"data": [', content_type="application/json")
    with FeedClient(FAST) as client, pytest.raises(FeedError) as failed:
        client.get_page(httpserver.url_for("/feed"))
    assert failed.value.code is FeedErrorCode.MALFORMED_JSON and "not valid JSON" in str(failed.value)


def test_304_is_not_modified_and_the_validators_were_sent(httpserver):
    handler = Timed([(304, "", {"ETag": '"v1"'})])
    httpserver.expect_request("/feed").respond_with_handler(handler)
    with FeedClient(FAST) as client:
        got = client.get_page(httpserver.url_for("/feed"), etag='"v1"', last_modified="Tue, 01 Dec 2026 00:00:00 GMT")
    assert got.not_modified and got.payload is None and got.etag == '"v1"'
    assert handler.headers[0]["If-None-Match"] == '"v1"'
    assert handler.headers[0]["If-Modified-Since"] == "Tue, 01 Dec 2026 00:00:00 GMT"


def test_a_dead_server_is_unreachable_after_the_connect_retries():
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with FeedClient(FAST) as client, pytest.raises(FeedError) as failed:
        client.get_page(f"http://127.0.0.1:{port}/feed?api_key=SEKRIT")
    assert failed.value.code is FeedErrorCode.UNREACHABLE and "cannot be reached" in str(failed.value)
    assert "SEKRIT" not in str(failed.value) and f"127.0.0.1:{port}/feed" in str(failed.value)


def test_urls_are_shown_without_secrets():
    assert safe_url("https://user:pw@feed.example/api?token=abc&limit=5&X-Api-Key=k") == (
        "https://feed.example/api?token=***&limit=5&X-Api-Key=***"
    )
    assert "pw" not in safe_url("http://u:pw@[::1]:8080/f") and "[::1]:8080" in safe_url("http://u:pw@[::1]:8080/f")
    assert with_query("http://h/f?limit=1&a=b", {"limit": 5, "cursor": None}) == "http://h/f?a=b&limit=5"


def test_bad_and_insecure_urls_are_refused_before_any_request():
    with FeedClient(FAST) as client:
        with pytest.raises(FeedError) as bad:
            client.get_page("ftp://feed.example/x")
        assert bad.value.code is FeedErrorCode.BAD_URL
        with pytest.raises(FeedError) as userinfo:
            client.get_page("https://someone:pw@feed.example/x")
        assert userinfo.value.code is FeedErrorCode.INSECURE_URL and "pw" not in str(userinfo.value)
    token = feed_auth(auth_config("EsriToken", token=secrets.token_urlsafe(12)))
    with FeedClient(FAST, token) as client, pytest.raises(FeedError) as plain:
        client.get_page("http://feed.example.invalid/x")
    assert plain.value.code is FeedErrorCode.INSECURE_URL and "https" in str(plain.value)


def test_an_esri_token_reaches_the_server_as_bearer_and_nowhere_else(httpserver, caplog):
    token = secrets.token_urlsafe(24)
    authcfg = auth_config("EsriToken", token=token)
    handler = Timed([(200, json.dumps(_page(1)), {})])
    httpserver.expect_request("/feed").respond_with_handler(handler)
    caplog.set_level(logging.DEBUG)
    auth = feed_auth(authcfg)
    with FeedClient(FAST, auth) as client:
        got = client.get_page(httpserver.url_for("/feed"), {"limit": 1})
    assert handler.headers[0]["Authorization"] == f"Bearer {token}"
    assert token not in repr(auth) and token not in str(auth) and token not in got.url
    assert token not in caplog.text and token not in repr(got)


def test_basic_auth_from_an_authcfg(httpserver):
    password = secrets.token_urlsafe(12)
    authcfg = auth_config("Basic", username="feeduser", password=password)
    handler = Timed([(200, json.dumps(_page(1)), {})])
    httpserver.expect_request("/feed").respond_with_handler(handler)
    with FeedClient(FAST, feed_auth(authcfg)) as client:
        client.get_page(httpserver.url_for("/feed"))
    import base64

    sent = handler.headers[0]["Authorization"]
    assert sent.startswith("Basic ") and base64.b64decode(sent[6:]).decode() == f"feeduser:{password}"


def test_an_unknown_or_unsupported_authcfg_is_a_clear_error():
    with pytest.raises(FeedError) as unknown:
        feed_auth("nosuch1")
    assert unknown.value.code is FeedErrorCode.AUTH_CONFIG and "authentication configuration" in str(unknown.value)
    with pytest.raises(FeedError) as other:
        feed_auth(auth_config("Identity-Cert", certid="x"))
    assert other.value.code is FeedErrorCode.AUTH_CONFIG
    assert feed_auth("") is None and feed_auth(None) is None


def test_every_code_has_words():
    for code in FeedErrorCode:
        text = feed_error_text(code.value, "https://f.example/x")
        assert text and text != code.value
    assert "401" in feed_error_text("http_status:401") and "credentials" in feed_error_text("http_status:401")


def test_a_page_larger_than_the_cap_is_refused(httpserver):
    httpserver.expect_request("/feed").respond_with_json({"records": ["x" * 1000] * 50})
    small = HttpSettings(connect_timeout_s=2.0, read_timeout_s=5.0, retries=0, max_page_bytes=10_000)
    with FeedClient(small) as client, pytest.raises(FeedError) as failed:
        client.get_page(httpserver.url_for("/feed"))
    assert failed.value.code is FeedErrorCode.PAGE_TOO_LARGE and "smaller pages" in str(failed.value)

    def chunked(request):  # no Content-Length: the cap is seen while reading
        return Response((b"x" * 4096 for _ in range(10)), content_type="application/json")

    httpserver.clear()
    httpserver.expect_request("/feed").respond_with_handler(chunked)
    with FeedClient(small) as client, pytest.raises(FeedError) as streamed:
        client.get_page(httpserver.url_for("/feed"))
    assert streamed.value.code is FeedErrorCode.PAGE_TOO_LARGE


def test_a_body_with_thai_text_is_read(httpserver):
    body = json.dumps({"records": [{"note": "ผู้ป่วยหายใจลำบาก"}]}, ensure_ascii=False)
    httpserver.expect_request("/feed").respond_with_data(body.encode("utf-8"), content_type="application/json")
    with FeedClient(FAST) as client:
        assert client.get_page(httpserver.url_for("/feed")).payload["records"][0]["note"] == "ผู้ป่วยหายใจลำบาก"

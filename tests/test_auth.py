"""Channel-token validation: each way a token can be wrong is refused with its own reason."""
from __future__ import annotations

import hashlib
import hmac
import json
from datetime import timedelta

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from jwt.utils import base64url_encode

from bot.process.clock import FixedClock
from bot.teams.auth import (
    ANONYMOUS,
    AuthError,
    BotFrameworkAuthenticator,
    DisabledAuthenticator,
    Reason,
)
from bot.teams.keys import KeySetUnavailable
from keys import (
    APP_ID,
    APP_SECRET,
    CHANNEL_ID,
    SERVICE_URL,
    KeyServer,
    bearer,
    claims_for,
    make_key,
    mint_hs256_token,
    mint_token,
    mint_unsigned_token,
    static_key_fetcher,
    tamper,
)

ACTIVITY = {"type": "message", "channelId": CHANNEL_ID, "serviceUrl": SERVICE_URL}


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock()


@pytest.fixture
def key():
    return make_key("test-key-1")


@pytest.fixture
def fetcher(key):
    return static_key_fetcher(key, make_key("webchat-key", endorsements=("webchat",)))


@pytest.fixture
def authenticator(fetcher, clock) -> BotFrameworkAuthenticator:
    return BotFrameworkAuthenticator(APP_ID, key_fetcher=fetcher, clock=clock)


async def refused(authenticator, header, activity=ACTIVITY) -> Reason:
    with pytest.raises(AuthError) as caught:
        await authenticator.authenticate(header, activity)
    return caught.value.reason


async def test_valid_token_gives_its_claims(authenticator, key, clock):
    claims = await authenticator.authenticate(bearer(mint_token(key, now=clock.now())), ACTIVITY)
    assert claims.authenticated
    assert (claims.app_id, claims.issuer, claims.service_url) == (APP_ID, "https://api.botframework.com", SERVICE_URL)
    assert claims.raw["aud"] == APP_ID


async def test_scheme_is_case_insensitive(authenticator, key, clock):
    claims = await authenticator.authenticate("bearer " + mint_token(key, now=clock.now()), ACTIVITY)
    assert claims.authenticated


@pytest.mark.parametrize("header, reason", [
    (None, Reason.MISSING_HEADER),
    ("", Reason.MISSING_HEADER),
    ("   ", Reason.MISSING_HEADER),
    ("Basic dXNlcjpwYXNz", Reason.NOT_BEARER),
    ("Bearer", Reason.NOT_BEARER),
    ("Bearer a.b.c d.e.f", Reason.NOT_BEARER),
    ("Bearer not-a-jwt", Reason.MALFORMED),
    ("Bearer a.b.c", Reason.MALFORMED),
    ("Bearer " + "a" * 20_000 + ".b.c", Reason.MALFORMED),
    ("Bearer eyJhbGciOiJSUzI1NiJ9.WzFd.c2ln", Reason.MALFORMED),  # payload is a JSON array
])
async def test_header_that_is_not_a_bearer_jwt(authenticator, header, reason):
    assert await refused(authenticator, header) == reason


async def test_expired_token(authenticator, key, clock):
    token = mint_token(key, now=clock.now() - timedelta(hours=2))
    assert await refused(authenticator, bearer(token)) == Reason.EXPIRED


async def test_expiry_allows_five_minutes_of_clock_skew(authenticator, key, clock):
    token = bearer(mint_token(key, now=clock.now(), lifetime=timedelta(minutes=10)))
    clock.advance(timedelta(minutes=14))
    assert (await authenticator.authenticate(token, ACTIVITY)).authenticated
    clock.advance(timedelta(minutes=2))
    assert await refused(authenticator, token) == Reason.EXPIRED


async def test_token_without_expiry(authenticator, key, clock):
    token = mint_token(key, now=clock.now(), extra={"exp": None})
    assert await refused(authenticator, bearer(token)) == Reason.EXPIRED


async def test_token_not_yet_valid(authenticator, key, clock):
    token = mint_token(key, now=clock.now(), not_before=timedelta(minutes=10))
    assert await refused(authenticator, bearer(token)) == Reason.NOT_YET_VALID


async def test_wrong_audience(authenticator, key, clock):
    token = mint_token(key, now=clock.now(), app_id="some-other-bot")
    assert await refused(authenticator, bearer(token)) == Reason.WRONG_AUDIENCE


async def test_audience_list_is_not_accepted(authenticator, key, clock):
    token = mint_token(key, now=clock.now(), extra={"aud": [APP_ID, "other"]})
    assert await refused(authenticator, bearer(token)) == Reason.WRONG_AUDIENCE


@pytest.mark.parametrize("issuer", [
    "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/",  # the emulator's issuer
    "https://api.botframework.com/",
    "https://evil.example/",
    ["https://api.botframework.com"],
    {"iss": "https://api.botframework.com"},
    None,
])
async def test_wrong_issuer(authenticator, key, clock, fetcher, issuer):
    token = mint_token(key, now=clock.now(), issuer=issuer)
    assert await refused(authenticator, bearer(token)) == Reason.WRONG_ISSUER
    assert fetcher.calls == 0, "a foreign issuer is refused before any key fetch"


async def test_signed_with_another_key_under_a_known_kid(authenticator, clock):
    impostor = make_key("test-key-1", seed="impostor")
    assert await refused(authenticator, bearer(mint_token(impostor, now=clock.now()))) == Reason.BAD_SIGNATURE


async def test_unknown_kid(authenticator, clock):
    stranger = make_key("unknown-kid", seed="impostor")
    assert await refused(authenticator, bearer(mint_token(stranger, now=clock.now()))) == Reason.UNKNOWN_KEY


async def test_missing_kid(authenticator, key, clock):
    token = jwt.encode(claims_for(now=clock.now()), key.private_key, algorithm="RS256")
    assert await refused(authenticator, bearer(token)) == Reason.UNKNOWN_KEY


async def test_tampered_payload(authenticator, key, clock):
    token = tamper(mint_token(key, now=clock.now()), serviceurl="https://evil.example/")
    assert await refused(authenticator, bearer(token)) == Reason.BAD_SIGNATURE


async def test_alg_none(authenticator, clock):
    assert await refused(authenticator, bearer(mint_unsigned_token(now=clock.now()))) == Reason.BAD_ALGORITHM


async def test_hs256_with_the_bots_own_secret(authenticator, clock):
    token = mint_hs256_token(APP_SECRET, now=clock.now())
    assert await refused(authenticator, bearer(token)) == Reason.BAD_ALGORITHM


async def test_hs256_signed_with_the_public_key_bytes(authenticator, key, clock):
    # The classic algorithm-confusion attack: HMAC keyed with the RSA public key.
    pem = key.private_key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    head = base64url_encode(json.dumps({"alg": "HS256", "kid": key.kid}).encode())
    body = base64url_encode(json.dumps(claims_for(now=clock.now())).encode())
    sig = base64url_encode(hmac.new(pem, head + b"." + body, hashlib.sha256).digest())
    token = b".".join([head, body, sig]).decode()
    assert await refused(authenticator, bearer(token)) == Reason.BAD_ALGORITHM


@pytest.mark.parametrize("extra, reason", [
    ({"exp": "tomorrow"}, Reason.EXPIRED),
    ({"exp": True}, Reason.EXPIRED),
    ({"nbf": []}, Reason.NOT_YET_VALID),
    ({"aud": {"id": APP_ID}}, Reason.WRONG_AUDIENCE),
    ({"serviceurl": [SERVICE_URL]}, Reason.SERVICE_URL_MISMATCH),
    ({"sub": 5}, Reason.MALFORMED),
])
async def test_claims_of_the_wrong_type_are_refused_not_crashed_on(authenticator, key, clock, extra, reason):
    token = mint_token(key, now=clock.now(), extra=extra)
    assert await refused(authenticator, bearer(token)) == reason


async def test_service_url_claim_must_match_the_activity(authenticator, key, clock):
    token = mint_token(key, now=clock.now(), service_url="https://evil.example/")
    assert await refused(authenticator, bearer(token)) == Reason.SERVICE_URL_MISMATCH


async def test_token_without_service_url_claim(authenticator, key, clock):
    token = mint_token(key, now=clock.now(), extra={"serviceurl": None})
    assert await refused(authenticator, bearer(token)) == Reason.SERVICE_URL_MISMATCH


async def test_activity_without_service_url(authenticator, key, clock):
    token = bearer(mint_token(key, now=clock.now()))
    assert await refused(authenticator, token, {"channelId": CHANNEL_ID}) == Reason.SERVICE_URL_MISMATCH


async def test_key_not_endorsed_for_the_activitys_channel(authenticator, key, clock):
    token = bearer(mint_token(make_key("webchat-key", endorsements=("webchat",)), now=clock.now()))
    assert await refused(authenticator, token) == Reason.CHANNEL_NOT_ENDORSED


async def test_activity_claiming_another_channel_than_the_key_endorses(authenticator, key, clock):
    token = bearer(mint_token(key, now=clock.now()))
    assert await refused(authenticator, token, {**ACTIVITY, "channelId": "webchat"}) == Reason.CHANNEL_NOT_ENDORSED
    assert await refused(authenticator, token, {**ACTIVITY, "channelId": None}) == Reason.CHANNEL_NOT_ENDORSED


async def test_other_issuers_can_be_allowed_explicitly(fetcher, key, clock):
    issuer = "https://api.botframework.us"
    authenticator = BotFrameworkAuthenticator(APP_ID, key_fetcher=fetcher, clock=clock, allowed_issuers=[issuer])
    token = bearer(mint_token(key, now=clock.now(), issuer=issuer))
    assert (await authenticator.authenticate(token, ACTIVITY)).authenticated
    assert await refused(authenticator, bearer(mint_token(key, now=clock.now()))) == Reason.WRONG_ISSUER


def test_empty_app_id_is_refused():
    with pytest.raises(ValueError):
        BotFrameworkAuthenticator("")


async def test_disabled_authenticator_accepts_anything():
    assert await DisabledAuthenticator().authenticate(None, {}) is ANONYMOUS
    assert not ANONYMOUS.authenticated


# --- key fetching and caching ---------------------------------------------------------------


async def test_keys_are_fetched_over_http_from_the_metadata_document(clock):
    key = make_key("test-key-1")
    async with KeyServer([key]) as server:
        authenticator = BotFrameworkAuthenticator(APP_ID, openid_metadata_url=server.metadata_url, clock=clock)
        token = bearer(mint_token(key, now=clock.now()))
        assert (await authenticator.authenticate(token, ACTIVITY)).authenticated
        assert (await authenticator.authenticate(token, ACTIVITY)).authenticated
        assert server.hits == {"metadata": 1, "jwks": 1}


async def test_keys_are_refreshed_after_the_refresh_interval(clock):
    key = make_key("test-key-1")
    async with KeyServer([key]) as server:
        authenticator = BotFrameworkAuthenticator(APP_ID, openid_metadata_url=server.metadata_url, clock=clock)
        await authenticator.authenticate(bearer(mint_token(key, now=clock.now())), ACTIVITY)
        clock.advance(timedelta(hours=23))
        await authenticator.authenticate(bearer(mint_token(key, now=clock.now())), ACTIVITY)
        assert server.hits["jwks"] == 1
        clock.advance(timedelta(hours=1))
        await authenticator.authenticate(bearer(mint_token(key, now=clock.now())), ACTIVITY)
        assert server.hits["jwks"] == 2


async def test_unknown_kid_refreshes_once_per_cooldown(clock):
    old, rotated = make_key("test-key-1"), make_key("rotated", seed="rotated")
    async with KeyServer([old]) as server:
        authenticator = BotFrameworkAuthenticator(APP_ID, openid_metadata_url=server.metadata_url, clock=clock)
        await authenticator.authenticate(bearer(mint_token(old, now=clock.now())), ACTIVITY)
        clock.advance(timedelta(minutes=5))
        server.keys = [old, rotated]
        assert (await authenticator.authenticate(bearer(mint_token(rotated, now=clock.now())), ACTIVITY)).authenticated
        assert server.hits["jwks"] == 2
        stranger = bearer(mint_token(make_key("nobody", seed="impostor"), now=clock.now()))
        for _ in range(5):
            assert await refused(authenticator, stranger) == Reason.UNKNOWN_KEY
        assert server.hits["jwks"] == 2, "a kid seen just after a refresh does not refetch"
        clock.advance(timedelta(minutes=1))
        assert await refused(authenticator, stranger) == Reason.UNKNOWN_KEY
        assert server.hits["jwks"] == 3


async def test_failed_refresh_keeps_the_cached_keys(clock):
    key = make_key("test-key-1")
    async with KeyServer([key]) as server:
        authenticator = BotFrameworkAuthenticator(APP_ID, openid_metadata_url=server.metadata_url, clock=clock)
        await authenticator.authenticate(bearer(mint_token(key, now=clock.now())), ACTIVITY)
        server.jwks_status = 500
        clock.advance(timedelta(days=2))
        assert (await authenticator.authenticate(bearer(mint_token(key, now=clock.now())), ACTIVITY)).authenticated
        assert server.hits["jwks"] == 2


async def test_no_keys_at_all_is_key_set_unavailable(clock):
    key = make_key("test-key-1")
    async with KeyServer([key], jwks_status=503) as server:
        authenticator = BotFrameworkAuthenticator(APP_ID, openid_metadata_url=server.metadata_url, clock=clock)
        token = bearer(mint_token(key, now=clock.now()))
        with pytest.raises(KeySetUnavailable):
            await authenticator.authenticate(token, ACTIVITY)
        with pytest.raises(KeySetUnavailable):
            await authenticator.authenticate(token, ACTIVITY)
        assert server.hits["jwks"] == 1, "waits out the cooldown before fetching again"
        server.jwks_status = 200
        clock.advance(timedelta(minutes=1))
        assert (await authenticator.authenticate(token, ACTIVITY)).authenticated


async def test_unreachable_metadata_server_is_key_set_unavailable(clock):
    key = make_key("test-key-1")
    async with KeyServer([key]) as server:
        url = server.metadata_url
    authenticator = BotFrameworkAuthenticator(APP_ID, openid_metadata_url=url, clock=clock)
    with pytest.raises(KeySetUnavailable):
        await authenticator.authenticate(bearer(mint_token(key, now=clock.now())), ACTIVITY)


async def test_malformed_keys_in_the_set_are_skipped(clock):
    key = make_key("test-key-1")

    async def fetch():
        broken = {"kty": "RSA", "kid": "broken", "n": "!!", "e": "AQAB"}
        return {"keys": [broken, "junk", {"kty": "EC", "kid": "ec"}, key.jwk]}

    authenticator = BotFrameworkAuthenticator(APP_ID, key_fetcher=fetch, clock=clock)
    assert (await authenticator.authenticate(bearer(mint_token(key, now=clock.now())), ACTIVITY)).authenticated

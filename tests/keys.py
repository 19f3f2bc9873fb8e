"""Test signing keys, a local OpenID metadata + JWKS server, and token minting.

Reusable by any test that needs a request the real authenticator accepts:

    key = make_key()
    authenticator = BotFrameworkAuthenticator(APP_ID, key_fetcher=static_key_fetcher(key), clock=clock)
    header = bearer(mint_token(key, now=clock.now()))

`KeyServer` serves the same documents over HTTP on localhost for the real fetch path.
"""
from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any

import jwt
from aiohttp import web
from aiohttp.test_utils import TestServer
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

from bot.teams.auth import BOT_FRAMEWORK_ISSUER

APP_ID = "00000000-1111-2222-3333-444444444444"
APP_SECRET = "the-bots-own-client-secret-value!"
SERVICE_URL = "https://smba.trafficmanager.net/emea/"
CHANNEL_ID = "msteams"
TENANT_ID = "11111111-aaaa-bbbb-cccc-222222222222"


@lru_cache(maxsize=8)
def _private_key(seed: str) -> rsa.RSAPrivateKey:
    # Key generation is the slow part of these tests; one key per name is plenty.
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@dataclass(frozen=True)
class TestKey:
    """A signing key pair plus the JWK (with endorsements) the key server publishes for it."""

    __test__ = False  # not a pytest test class

    kid: str
    private_key: rsa.RSAPrivateKey
    endorsements: tuple[str, ...] = (CHANNEL_ID,)

    @property
    def jwk(self) -> dict[str, Any]:
        """The public key as a Bot Framework style JWK."""
        entry = json.loads(RSAAlgorithm.to_jwk(self.private_key.public_key()))
        entry.update(kid=self.kid, use="sig", endorsements=list(self.endorsements))
        return entry


def make_key(
    kid: str = "test-key-1", *, endorsements: tuple[str, ...] = (CHANNEL_ID,), seed: str | None = None
) -> TestKey:
    """A key published under `kid`; the same `seed` (default: the kid) reuses the same RSA pair."""
    return TestKey(kid, _private_key(seed or kid), endorsements)


def jwks(*keys: TestKey) -> dict[str, Any]:
    """The JWKS document listing `keys`."""
    return {"keys": [key.jwk for key in keys]}


def static_key_fetcher(*keys: TestKey):
    """A key fetcher for `BotFrameworkAuthenticator(key_fetcher=...)` that counts its calls."""

    async def fetch() -> Mapping[str, Any]:
        fetch.calls += 1
        return jwks(*keys)

    fetch.calls = 0
    return fetch


def claims_for(
    *,
    now: datetime,
    app_id: str = APP_ID,
    issuer: str = BOT_FRAMEWORK_ISSUER,
    service_url: str = SERVICE_URL,
    lifetime: timedelta = timedelta(hours=1),
    not_before: timedelta = timedelta(minutes=-5),
) -> dict[str, Any]:
    """The claims of a channel token as the Bot Connector issues it."""
    issued = int(now.timestamp())
    return {
        "serviceurl": service_url,
        "nbf": issued + int(not_before.total_seconds()),
        "exp": issued + int(lifetime.total_seconds()),
        "iss": issuer,
        "aud": app_id,
    }


def mint_token(
    key: TestKey, *, now: datetime, kid: str | None = None, extra: Mapping[str, Any] | None = None, **claims: Any
) -> str:
    """An RS256 token signed by `key`; keyword arguments go to `claims_for`, `extra` overrides claims."""
    payload = claims_for(now=now, **claims)
    payload.update(extra or {})
    # Signed as raw JWS so hostile claim shapes (a list as issuer, say) can be minted too.
    body = json.dumps(payload).encode()
    return jwt.api_jws.encode(body, key.private_key, algorithm="RS256", headers={"kid": kid or key.kid})


def mint_hs256_token(secret: str = APP_SECRET, *, now: datetime, kid: str = "test-key-1", **claims: Any) -> str:
    """A token signed with a shared secret, as something holding the bot's own secret could make."""
    return jwt.encode(claims_for(now=now, **claims), secret, algorithm="HS256", headers={"kid": kid})


def mint_unsigned_token(*, now: datetime, kid: str = "test-key-1", **claims: Any) -> str:
    """An `alg: none` token with an empty signature."""
    return jwt.encode(claims_for(now=now, **claims), None, algorithm="none", headers={"kid": kid})


def tamper(token: str, **changes: Any) -> str:
    """`token` with its payload rewritten and the original signature kept."""
    header, payload, signature = token.split(".")
    claims = json.loads(jwt.utils.base64url_decode(payload))
    claims.update(changes)
    new_payload = jwt.utils.base64url_encode(json.dumps(claims).encode()).decode()
    return f"{header}.{new_payload}.{signature}"


def bearer(token: str) -> str:
    """The `Authorization` header value for `token`."""
    return f"Bearer {token}"


@dataclass
class KeyServer:
    """A localhost OpenID metadata + JWKS server; `keys` may be swapped while it runs.

    Use as `async with KeyServer([key]) as server:` and pass `server.metadata_url`.
    """

    keys: list[TestKey]
    hits: dict[str, int] = field(default_factory=lambda: {"metadata": 0, "jwks": 0})
    jwks_status: int = 200
    _server: TestServer | None = None

    @property
    def metadata_url(self) -> str:
        """Where the OpenID metadata document is served."""
        return str(self._server.make_url("/v1/.well-known/openidconfiguration"))

    async def __aenter__(self) -> KeyServer:
        app = web.Application()
        app.router.add_get("/v1/.well-known/openidconfiguration", self._metadata)
        app.router.add_get("/v1/.well-known/keys", self._jwks)
        self._server = TestServer(app)
        await self._server.start_server()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self._server.close()

    async def _metadata(self, request: web.Request) -> web.Response:
        self.hits["metadata"] += 1
        return web.json_response({
            "issuer": BOT_FRAMEWORK_ISSUER,
            "jwks_uri": str(self._server.make_url("/v1/.well-known/keys")),
            "id_token_signing_alg_values_supported": ["RS256"],
        })

    async def _jwks(self, request: web.Request) -> web.Response:
        self.hits["jwks"] += 1
        if self.jwks_status != 200:
            return web.Response(status=self.jwks_status)
        return web.json_response(jwks(*self.keys))

"""Settings, read once at the entry point from the environment or a ``.env`` file.

Tests build ``Settings(...)`` with explicit values instead; nothing reads the environment at
import time.
"""
from __future__ import annotations

from typing import Literal

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from .process.calendar import WorkingWindow


class SettingsError(ValueError):
    """A setting is missing or wrong; the message names it."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore", case_sensitive=False)

    host: str = "0.0.0.0"
    port: int = Field(default=3978, ge=1, le=65535)
    database_url: str = "sqlite+aiosqlite:///talsammen.db"

    microsoft_app_id: str = ""
    microsoft_app_password: SecretStr = SecretStr("")
    microsoft_app_tenant_id: str = ""
    microsoft_app_type: Literal["SingleTenant", "MultiTenant"] = "SingleTenant"
    # Tenants whose activities are served; the app's own tenant is always included.
    allowed_tenants: str = ""
    # Running without authentication is for the local Playground only and must be asked for.
    local_development: bool = False
    openid_metadata_url: str = "https://login.botframework.com/v1/.well-known/openidconfiguration"

    concept: str = "nyborg"
    default_language: Literal["da", "en"] = "da"
    working_hours_start: str = "09:00"
    working_hours_end: str = "15:00"
    working_days: str = "mon,tue,wed,thu,fri"
    reminder_sweep_seconds: int = Field(default=30, ge=1, le=3600)
    privacy_notice_url: str = ""
    # Where the bot is reachable from browsers; help links to {PUBLIC_BASE_URL}/privacy/{lang}
    # when PRIVACY_NOTICE_URL is not set.
    public_base_url: str = ""
    # Who to contact about personal data, shown in the privacy notice (e.g. the DPO's address).
    privacy_contact: str = ""
    # Days after a round's deadline before its nominations and reminders are deleted, leaving
    # anonymous counts per theme.
    retention_days: int = Field(default=400, ge=1, le=3650)
    # Aggregates above one workplace never show a group of fewer respondents than this.
    min_group_size: int = Field(default=5, ge=2, le=100)
    roster_page_size: int = Field(default=200, ge=50, le=500)
    max_body_bytes: int = Field(default=256_000, ge=10_000)
    log_level: str = "INFO"
    # The first administrators of the organisation (comma-separated AAD object ids or Teams user ids);
    # they register coordination committees and HR and grant others in the bot (`admin tilføj`).
    administrators: str = ""
    # Tests only (refused without LOCAL_DEVELOPMENT): the app's clock starts at this ISO moment
    # and runs on from there, and ``POST /test/clock`` with {"now": "…"} moves it.
    test_clock_start: str = ""
    # Local development only (refused without LOCAL_DEVELOPMENT): a team the app is added to is
    # filled with a sample year of the dialogue (bot/demo.py), and the clock starts where that
    # year makes sense (bot/demo_data.py DEMO_NOW) unless TEST_CLOCK_START says otherwise.
    demo: bool = False

    @field_validator("allowed_tenants")
    @classmethod
    def _strip(cls, value: str) -> str:
        return ",".join(t.strip() for t in value.split(",") if t.strip())

    @model_validator(mode="after")
    def _production_needs_credentials(self) -> "Settings":
        if self.test_clock_start and not self.local_development:
            raise SettingsError("TEST_CLOCK_START is for tests only: it needs LOCAL_DEVELOPMENT=true")
        if self.demo:
            if not self.local_development:
                raise SettingsError("DEMO fills a team with made-up people: it needs LOCAL_DEVELOPMENT=true")
            if not self.test_clock_start:
                from .demo_data import DEMO_CLOCK_START

                self.test_clock_start = DEMO_CLOCK_START
        if self.local_development:
            return self
        missing = [
            name.upper()
            for name, value in (
                ("microsoft_app_id", self.microsoft_app_id),
                ("microsoft_app_password", self.microsoft_app_password.get_secret_value()),
                ("microsoft_app_tenant_id", self.microsoft_app_tenant_id),
            )
            if not value
        ]
        if missing:
            raise SettingsError(
                f"missing {', '.join(missing)}: set them, or LOCAL_DEVELOPMENT=true to run without "
                "authentication against the local Playground"
            )
        return self

    @property
    def authentication_enabled(self) -> bool:
        return bool(self.microsoft_app_id) and not self.local_development

    @property
    def tenant_allowlist(self) -> frozenset[str] | None:
        """None means every tenant (local development without a configured list)."""
        tenants = {t for t in self.allowed_tenants.split(",") if t}
        if self.microsoft_app_tenant_id:
            tenants.add(self.microsoft_app_tenant_id)
        return frozenset(tenants) if tenants else None

    def privacy_url(self, lang: str) -> str | None:
        """The privacy notice help links to: the configured one, else the bot's own page."""
        if self.privacy_notice_url:
            return self.privacy_notice_url
        if self.public_base_url:
            return f"{self.public_base_url.rstrip('/')}/privacy/{'en' if lang == 'en' else 'da'}"
        return None

    @property
    def administrator_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(a.strip() for a in self.administrators.split(",") if a.strip()))

    def working_window(self) -> WorkingWindow:
        return WorkingWindow.from_settings(self.working_hours_start, self.working_hours_end, self.working_days)


def load_settings(**overrides: object) -> Settings:
    """Read settings at the entry point; a bad or missing one stops start-up with its name."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except SettingsError:
        raise
    except ValueError as error:
        raise SettingsError(str(error)) from error

"""End-to-end tests against the Microsoft 365 Agents Playground (see playground.py)."""

"""The privacy notice, in Danish and English, served by the bot at /privacy/{lang}."""

"""Gherkin feature files (executable specs of the rule packs) and their step library."""

from pathlib import Path

FEATURES_DIR = Path(__file__).parent

"""Run every feature file under features/ (Vietnamese and English) with pytest-bdd."""

from pytest_bdd import scenarios

from plancheck.features import FEATURES_DIR

scenarios(str(FEATURES_DIR / "vi"), str(FEATURES_DIR / "en"))

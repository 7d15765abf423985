"""Run every feature file under features/ (Vietnamese and English, hand-written and generated) with pytest-bdd."""

from pytest_bdd import scenarios

from plancheck.features import FEATURES_DIR

scenarios(str(FEATURES_DIR))

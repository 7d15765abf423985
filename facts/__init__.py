"""The fact model: the unit registry, submissions and metric values, their loaders
(YAML, JSON, CSV, Excel), forms to fill in, Vietnamese number formats, and the bundled sample facts."""

from pathlib import Path

FACTS_DIR = Path(__file__).parent
SAMPLES_DIR = FACTS_DIR / "samples"
DEFAULT_FACTS = SAMPLES_DIR / "dak-nong-2022"
DEFAULT_REGISTRY = FACTS_DIR / "registry" / "dak-nong.yaml"

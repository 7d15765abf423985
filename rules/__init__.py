"""The rule language: its schema (``model``), its loader (``loader``), cross-reference checks
(``checks``) and the bundled rule packs (``packs/``)."""

from pathlib import Path

PACKS_DIR = Path(__file__).parent / "packs"
DEFAULT_PACK = PACKS_DIR / "dak-nong-2022.yaml"

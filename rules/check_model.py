"""The schema of a consistency check: do the figures a unit reports hold together?

Exactly one kind per check: a printed percentage against its numerator and denominator, a total
against its items, a part against its whole, a per-100-inhabitants rate against its count and
population, one figure stated twice. How each is decided is ``engine.consistency``'s job.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .levels import Level


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PercentOf(_Strict):
    """A printed percentage against its own numerator and denominator (− Σ exclude), within the
    rounding of the percentage's printed precision ("36%" allows 35,5–36,5)."""

    percent: str
    numerator: str
    denominator: str
    exclude: list[str] = []


class SumOf(_Strict):
    """A printed total against the exact sum of its line items."""

    total: str
    items: list[str] = Field(min_length=2)


class PartOf(_Strict):
    """A part never above its whole (the catalog's ``not_above``, cited at a clause)."""

    part: str
    whole: str


class Per100Of(_Strict):
    """A printed per-100-inhabitants rate against count × 100 / population, within the rounding of
    the rate's printed precision ("52,7" allows 52,65–52,75)."""

    rate: str
    count: str
    population: str


class SameAs(_Strict):
    """One figure stated twice in one report: both statements must be equal."""

    figure: str
    other: str


CHECK_KINDS = ("percent_of", "sum_of", "part_of", "per_100_of", "same_as")


class Check(_Strict):
    """A consistency check on the figures one unit reports: exactly one kind."""

    id: str = Field(pattern=r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$")
    title_vi: str
    title_en: str = ""
    clause: str
    note: str = ""
    levels: list[Level] = Field(min_length=1)
    percent_of: PercentOf | None = None
    sum_of: SumOf | None = None
    part_of: PartOf | None = None
    per_100_of: Per100Of | None = None
    same_as: SameAs | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> Check:
        given = [k for k in CHECK_KINDS if getattr(self, k) is not None]
        if len(given) != 1:
            raise ValueError(f"a check is exactly one of {', '.join(CHECK_KINDS)}; got "
                             + (", ".join(given) if given else "none"))
        return self

    @property
    def kind(self) -> str:
        for k in CHECK_KINDS:
            if getattr(self, k) is not None:
                return k
        raise AssertionError("unreachable: validated to have one kind")

    def roles(self) -> list[tuple[tuple[str | int, ...], str]]:
        """Every metric the check names, with its path under the check: the stated figure first."""
        spec = getattr(self, self.kind)
        out: list[tuple[tuple[str | int, ...], str]] = []
        for name in type(spec).model_fields:
            got = getattr(spec, name)
            if isinstance(got, list):
                out += [((self.kind, name, j), m) for j, m in enumerate(got)]
            else:
                out.append(((self.kind, name), got))
        return out

    def metric_ids(self) -> list[str]:
        return [m for _, m in self.roles()]

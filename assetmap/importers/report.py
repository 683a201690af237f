"""What an import did, in words a user can check."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any


@dataclass
class ImportReport:
    source: str
    layer: str = ""
    role: str = ""
    read: int = 0
    imported: int = 0
    repaired: int = 0
    skipped: Counter = field(default_factory=Counter)   # reason -> rows
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    source_crs: str = ""
    target_crs: str = ""
    # Counted over every chunk of a large file, turned into one warning at the end.
    swappable_rows: int = 0

    def skip(self, reason: str, count: int = 1) -> None:
        if count:
            self.skipped[reason] += int(count)

    @property
    def skipped_total(self) -> int:
        return sum(self.skipped.values())

    def lines(self) -> list[str]:
        out = [f"Imported {self.imported} of {self.read} features from {self.source}"
               + (f" into layer '{self.layer}'" if self.layer else "") + "."]
        if self.repaired:
            out.append(f"Repaired {self.repaired} invalid geometries (made valid).")
        for reason, n in sorted(self.skipped.items(), key=lambda kv: -kv[1]):
            out.append(f"Skipped {n}: {reason}.")
        if self.source_crs and self.target_crs and self.source_crs != self.target_crs:
            out.append(f"Reprojected from {self.source_crs} to {self.target_crs}.")
        out.extend(f"Note: {n}" for n in self.notes)
        out.extend(f"Warning: {w}" for w in self.warnings)
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source, "layer": self.layer, "role": self.role, "read": self.read,
            "imported": self.imported, "repaired": self.repaired, "skipped": dict(self.skipped),
            "warnings": list(self.warnings), "notes": list(self.notes),
            "source_crs": self.source_crs, "target_crs": self.target_crs,
        }

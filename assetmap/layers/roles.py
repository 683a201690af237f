"""What a layer is for. Roles drive defaults (style, analyses), not storage."""

from __future__ import annotations

from enum import Enum


class LayerRole(str, Enum):
    AREAS = "areas"            # neighbourhoods, tracts: polygons with an id and a name
    ASSETS = "assets"          # community assets found by surveys
    HUBS = "hubs"              # resource hubs with co-located services
    SURVEY = "survey"          # raw survey responses
    TERRITORIES = "territories"  # team service territories
    AGGREGATE = "aggregate"    # counts/rates made from sensitive reports
    HOTSPOTS = "hotspots"      # Gi* results on an aggregate layer
    CATCHMENTS = "catchments"  # reach rings around hubs
    OTHER = "other"

    @classmethod
    def parse(cls, text: str) -> "LayerRole":
        try:
            return cls(text.strip().lower())
        except ValueError:
            from assetmap.errors import UserError

            names = ", ".join(r.value for r in cls)
            raise UserError(f"Unknown layer role '{text}'.", f"Use one of: {names}.") from None

    @property
    def default_color(self) -> str:
        # Okabe-Ito palette: distinguishable with the common colour-vision deficiencies.
        return {
            LayerRole.AREAS: "#0072B2",
            LayerRole.ASSETS: "#009E73",
            LayerRole.HUBS: "#D55E00",
            LayerRole.SURVEY: "#CC79A7",
            LayerRole.TERRITORIES: "#E69F00",
            LayerRole.AGGREGATE: "#56B4E9",
            LayerRole.HOTSPOTS: "#D55E00",
            LayerRole.CATCHMENTS: "#F0E442",
            LayerRole.OTHER: "#666666",
        }[self]


# Roles whose features are points by nature.
POINT_ROLES = {LayerRole.ASSETS, LayerRole.HUBS, LayerRole.SURVEY}

"""What of the directory may leave the project (exports, map, popups).

Confidential hubs (DV shelters) and confidential services are removed with
``assetmap.privacy.public_features``, and so is everything that would point
at them: their addresses, phones, schedules, service-at-location rows,
category attributes, services offered only at confidential hubs, and
organisations known only through them. Aggregate coverage is the one use of
the full directory (``assetmap.access``).
"""

from __future__ import annotations

from assetmap.hubs.directory import Directory
from assetmap.privacy import public_features


def public_directory(d: Directory) -> Directory:
    d = d.normalised()
    t = d.tables
    loc = public_features(t["locations"])
    hidden_loc = set(t["locations"]["id"]) - set(loc["id"])
    svc = public_features(t["services"])
    sal = t["service_at_location"]
    # A service offered only at confidential hubs would reveal the shelter's existence.
    places = sal.groupby("service_id")["location_id"].apply(set).to_dict()
    secret_only = {s for s, where in places.items() if where and where <= hidden_loc}
    svc = svc[~svc["id"].isin(secret_only)]
    hidden_svc = set(t["services"]["id"]) - set(svc["id"])
    sal = sal[~sal["location_id"].isin(hidden_loc) & ~sal["service_id"].isin(hidden_svc)]
    hidden_sal = set(t["service_at_location"]["id"]) - set(sal["id"])
    hidden = hidden_loc | hidden_svc | hidden_sal

    def drop_refs(df):
        mask = df["id"].isin(hidden)
        for col in ("location_id", "service_id", "service_at_location_id", "link_id"):
            if col in df.columns:
                mask |= df[col].isin(hidden)
        return df[~mask]

    out = {name: df for name, df in t.items()}
    out["locations"], out["services"], out["service_at_location"] = loc, svc, sal
    for name in ("addresses", "phones", "schedules", "attributes"):
        out[name] = drop_refs(t[name])
    secret_orgs = (set(t["locations"].loc[t["locations"]["id"].isin(hidden_loc), "organization_id"])
                   | set(t["services"].loc[t["services"]["id"].isin(hidden_svc), "organization_id"]))
    public_orgs = set(loc["organization_id"]) | set(svc["organization_id"])
    org = t["organizations"]
    out["organizations"] = org[~(org["id"].isin(secret_orgs - public_orgs))]
    ph = out["phones"]
    out["phones"] = ph[~ph["organization_id"].isin(secret_orgs - public_orgs)]
    return Directory({k: v.reset_index(drop=True) for k, v in out.items()}, dict(d.categories))

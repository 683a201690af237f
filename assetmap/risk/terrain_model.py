"""Risk terrain, part 2: factor selection and the model (statsmodels), in the steps RTMDx takes.

1. For each factor, the operationalisation (proximity or density, bandwidth) that best explains
   the outcome counts alone (Poisson log-likelihood), among those that raise the risk.
2. Penalised (lasso) Poisson regression over those; for each penalty on a grid, the factors it
   keeps are refitted unpenalised and the set with the lowest BIC is kept.
3. Poisson or negative binomial (whichever has the lower BIC: counts of reports are usually
   overdispersed), then backward elimination by BIC.
4. The relative risk value of each factor is exp(coefficient), with its 95 % interval.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from assetmap.errors import UserError

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

    from assetmap.risk.terrain_grid import Terrain

PENALTIES = (1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 3e-2)


@dataclass
class FactorRow:
    factor: str
    variable: str
    kind: str
    bandwidth_m: float
    coef: float
    se: float
    p: float
    rrv: float
    rrv_low: float
    rrv_high: float
    cells: int            # cells where the factor is present

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class Model:
    family: str                     # poisson | negative binomial
    chosen: list[int]               # candidate indices in the final model
    coef: "np.ndarray"              # without the intercept, aligned with ``chosen``
    intercept: float
    table: list[FactorRow] = field(default_factory=list)
    bic: float = float("nan")
    considered: list[str] = field(default_factory=list)

    def relative_risk(self, terrain: "Terrain") -> "np.ndarray":
        """exp(Σ coef × factor) per cell: 1 where no selected factor is present."""
        import numpy as np

        return np.exp(terrain.matrix(self.chosen) @ self.coef) if self.chosen else np.ones(terrain.n_cells)


def _poisson(y, X):
    import warnings

    import statsmodels.api as sm

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return sm.GLM(y, sm.add_constant(X, has_constant="add"), family=sm.families.Poisson()).fit()


def _negbin(y, X):
    import warnings

    import statsmodels.api as sm

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return sm.NegativeBinomial(y, sm.add_constant(X, has_constant="add")).fit(disp=0, maxiter=200)


def _bic(res, n: int) -> float:
    import numpy as np

    k = len(np.asarray(res.params))
    return float(-2 * res.llf + k * np.log(n))


def binary_poisson(y, x) -> tuple[float, float]:
    """(log-likelihood, coefficient) of the Poisson GLM y ~ 1 + x for a 0/1 ``x``, in closed form:
    the maximum-likelihood means are the two groups' means, so no iteration is needed."""
    import numpy as np
    from scipy.special import gammaln

    y = np.asarray(y, float)
    x = np.asarray(x, bool)
    r1, r0 = y[x].mean(), y[~x].mean()
    mu = np.where(x, r1, r0)
    with np.errstate(divide="ignore", invalid="ignore"):
        term = np.where(y > 0, y * np.log(mu), 0.0)
    llf = float((term - mu - gammaln(y + 1)).sum())
    coef = float(np.log(r1 / r0)) if r0 > 0 and r1 > 0 else (float("inf") if r1 > 0 else float("-inf"))
    return llf, coef


def best_operationalisations(terrain: "Terrain", y, ctx=None) -> list[int]:
    """Step 1: one candidate per factor (or none when no operationalisation raises the risk)."""
    import numpy as np

    best: dict[str, tuple[float, int]] = {}
    for i, col in enumerate(terrain.columns):
        if ctx is not None:
            ctx.check()
        present = int(col.sum())
        if present < 3 or present > terrain.n_cells - 3:
            continue  # (almost) everywhere or nowhere: no information
        llf, coef = binary_poisson(y, col)
        if not np.isfinite(llf) or not coef > 0:
            continue
        f = terrain.factor_of[i]
        if f not in best or llf > best[f][0]:
            best[f] = (llf, i)
    return [i for _, i in sorted(best.values(), key=lambda t: t[1])]


def lasso_select(terrain: "Terrain", y, candidates: list[int]) -> list[int]:
    """Step 2: the lasso's selection with the lowest BIC after an unpenalised refit."""
    import warnings

    import numpy as np
    import statsmodels.api as sm

    if len(candidates) <= 1:
        return candidates
    X = terrain.matrix(candidates)
    n = len(y)
    best = (float("inf"), candidates)
    seen = set()
    for alpha in PENALTIES:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            pen = sm.GLM(y, sm.add_constant(X, has_constant="add"), family=sm.families.Poisson()).fit_regularized(
                method="elastic_net", alpha=np.r_[0.0, np.full(X.shape[1], alpha)], L1_wt=1.0)
        keep = tuple(c for c, b in zip(candidates, np.asarray(pen.params)[1:]) if b > 1e-8)
        if not keep or keep in seen:
            continue
        seen.add(keep)
        bic = _bic(_poisson(y, terrain.matrix(list(keep))), n)
        if bic < best[0]:
            best = (bic, list(keep))
    return best[1]


def fit_model(terrain: "Terrain", y, ctx=None) -> Model:
    import warnings

    with warnings.catch_warnings():
        # statsmodels warns while the negative binomial's dispersion is being searched (log of 0 on
        # the way); the fits that count are checked for finite likelihoods.
        warnings.simplefilter("ignore")
        return _fit_model(terrain, y, ctx)


def _fit_model(terrain: "Terrain", y, ctx=None) -> Model:
    import numpy as np
    from scipy import stats

    y = np.asarray(y, float)
    if y.sum() < 30:
        raise UserError(f"Only {int(y.sum())} reports fall in the grid in the training period.",
                        "A risk terrain model needs at least 30 reports to fit: use a longer period.")
    cands = best_operationalisations(terrain, y, ctx)
    if not cands:
        raise UserError("None of the factors raises the risk of the outcome.",
                        "Add other factor layers, or try other bandwidths.")
    chosen = lasso_select(terrain, y, cands)
    n = len(y)
    # Step 3: family, then backward elimination by BIC.
    fit_nb = _negbin(y, terrain.matrix(chosen))
    fit_p = _poisson(y, terrain.matrix(chosen))
    use_nb = np.isfinite(fit_nb.llf) and _bic(fit_nb, n) < _bic(fit_p, n)
    fit = _negbin if use_nb else _poisson
    res = fit_nb if use_nb else fit_p
    improved = True
    while improved and len(chosen) > 1:
        improved = False
        base = _bic(res, n)
        trials = []
        for c in chosen:
            rest = [d for d in chosen if d != c]
            r = fit(y, terrain.matrix(rest))
            trials.append((_bic(r, n), rest, r))
        bic, rest, r = min(trials, key=lambda t: t[0])
        if bic < base:
            chosen, res, improved = rest, r, True
    params = np.asarray(res.params, float)
    bse = np.asarray(res.bse, float)
    pvals = np.asarray(res.pvalues, float)
    k = len(chosen)
    coef, se, p = params[1:1 + k], bse[1:1 + k], pvals[1:1 + k]
    z = stats.norm.ppf(0.975)
    table = [FactorRow(terrain.factor_of[c], terrain.names[c], terrain.kind_of[c], terrain.band_of[c],
                       float(b), float(s), float(pv), float(np.exp(b)), float(np.exp(b - z * s)),
                       float(np.exp(b + z * s)), int(terrain.columns[c].sum()))
             for c, b, s, pv in zip(chosen, coef, se, p)]
    table.sort(key=lambda r: -r.rrv)
    order = {r.variable: i for i, r in enumerate(table)}
    pairs = sorted(zip(chosen, coef), key=lambda t: order[terrain.names[t[0]]])
    return Model("negative binomial" if use_nb else "poisson", [c for c, _ in pairs],
                 np.array([b for _, b in pairs]), float(params[0]), table, _bic(res, n),
                 [terrain.names[c] for c in cands])

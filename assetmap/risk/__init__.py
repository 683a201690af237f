"""Risk mapping: smoothed rates (empirical Bayes, excess risk), local clusters (LISA) and risk
terrain modelling. Qt-free; the heavy libraries (esda, libpysal, statsmodels) are imported inside
functions so the CLI and the app start without them."""

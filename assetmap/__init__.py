"""assetmap: community asset and risk mapping.

Kept import-light on purpose: the CLI and the GUI start fast because heavy
libraries (geopandas, Qt) are imported only where they are used.
"""

__version__ = "0.1.0"

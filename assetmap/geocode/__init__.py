"""Offline address geocoding: locators stored in the project, and a vectorised matcher.

``normalize`` turns typed addresses into street keys (USPS Publication 28 abbreviations),
``locators`` stores reference data (address points, address ranges) in the project,
``matcher`` places addresses (exact, interpolated, range, intersection, street-level),
``columns`` geocodes the address columns of a table in memory. Nothing here reaches the
network, and nothing here writes a geocoded row anywhere: callers decide what is stored.
"""

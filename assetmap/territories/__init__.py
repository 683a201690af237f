"""Team territories: plans that assign the units of an ``areas`` layer to teams.

- ``units``: the areas layer in memory (ids, workloads, rook/queen adjacency);
- ``store``: plans, teams and assignments in the project GeoPackage;
- ``model``: ``PlanModel``, a plan with incrementally updated statistics;
- ``commands``: undoable edits and ``PaintSession`` for clicks, drags, polygons;
- ``balance``: suggest a balanced, contiguous plan;
- ``compare`` / ``export``: two plans side by side; files out.

Qt-free: the UI is a thin view over these.
"""

"""Door-to-door asset survey: forms, entry, field packages, merge (Qt-free)."""

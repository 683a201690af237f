"""Resource hubs: HSDS-shaped directory of hubs and services (no Qt)."""

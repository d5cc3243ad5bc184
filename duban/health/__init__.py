"""Probes for a load balancer (`/healthz`, `/readyz`) and the beat's heartbeat (docs/operations.md)."""

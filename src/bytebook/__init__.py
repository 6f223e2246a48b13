"""bytebook."""

"""A citizen's session: what it holds, and when inactivity ends it. Pure Python, no Qt."""

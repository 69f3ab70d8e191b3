"""`treve serve`: the REST API and the dashboard over the store."""

"""Web blueprints: thin views over services and the domain."""

"""Platform features behind small protocols, one module per OS or desktop, each with a fallback."""

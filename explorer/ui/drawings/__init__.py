"""The two drawings (the spine and the body map) and the panel that holds them."""

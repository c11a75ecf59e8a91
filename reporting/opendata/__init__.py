"""Open data downloads: the register as Popolo JSON and CSV, for each partnership and for all of them."""

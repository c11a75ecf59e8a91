"""The read-only API over the whole register, and the personal tokens that open it to officers."""

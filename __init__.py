"""plancheck: check a government plan's numeric targets against the facts reporting units submit."""

__version__ = "0.1.0"

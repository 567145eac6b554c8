"""dvdesk: the desk program of an office that develops new Party members."""

__version__ = "0.1.0"

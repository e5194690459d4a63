"""tarjama: Arabic news articles in, reviewed-ready bilingual English digests out."""

__version__ = "0.1.0"

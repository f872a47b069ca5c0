"""One report's fields, one module per field family: sections, agency and place, genre (year, format), proactive counts, channels, requests."""

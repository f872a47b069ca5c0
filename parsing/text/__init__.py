"""Text repair before extraction: normalisation, traditional → simplified shadow, numbers, bounded scans."""

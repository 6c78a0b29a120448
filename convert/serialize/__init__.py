"""Model to text, XML and JSON, and back."""

"""readout: canonical XML/JSON and checks for Japanese government English readouts."""

__version__ = "0.1.0"

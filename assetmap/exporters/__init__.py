"""Exports of project layers to files, always through the privacy filter."""

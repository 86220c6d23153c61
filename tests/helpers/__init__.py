"""Test helpers: the loopback web server (web.py) and sample pages."""

"""Registru county hub: HTTP API, replica store, publications, document exchange, county web admin.

Never imports Qt. Shares only `sync.protocol` with the desktop client.
"""
__version__ = "0.1.0"

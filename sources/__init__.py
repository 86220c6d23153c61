"""Pulling articles in: local files and folders (here), URLs, feeds, sitemaps and WARC archives.

Every source yields `Document`s (what was pulled, not yet cleaned) and `Failure`s (what could not
be pulled, with the reason). Nothing here cleans or extracts: that is `transforms/`.
"""

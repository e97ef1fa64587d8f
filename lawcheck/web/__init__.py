"""``lawcheck serve``: the checker as a page on the bureau's network, and as an HTTP API.

:mod:`.app` is the Starlette application (pages, API, limits, headers);
:mod:`.jobs` runs each check in a child process of its own, killed when it
takes too long, so one bad file cannot hold the others up.
"""

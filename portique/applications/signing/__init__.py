"""Signing: what a signature covers (``content``: the answers and the documents' hashes)
and the programs with several signers, each with their own declaration (``several_signers``)."""

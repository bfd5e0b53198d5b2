"""Tests of the engine and its core: the decision core, the seed policy, rules files,
texts (normalize, fingerprint, the C signature) and hashed ids."""

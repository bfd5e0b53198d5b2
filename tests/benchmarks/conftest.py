# The benchmark harness is run as a script, never collected by pytest.
collect_ignore_glob = ["*.py"]

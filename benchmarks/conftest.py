# The benchmarks are run as scripts, never collected by pytest (pyproject: testpaths = ["tests"];
# this guards a `pytest benchmarks`).
collect_ignore_glob = ["*.py"]
